package sunlit.test

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import sunlit.Code
import sunlit.DocumentOptions
import sunlit.catalogueChange
import sunlit.catalogueHistory
import sunlit.catalogueMatchName
import sunlit.catalogueName
import sunlit.cataloguePresence
import sunlit.core.Severity
import sunlit.readDocument

/** The embedded catalogue year by year and the catalogue.* findings of a real document (issue 14). */
class CatalogueTest {
    @Test
    fun namesPerCatalogueYear() {
        val c = Code.functional("2080505")
        assertEquals("机关事业单位基本养老保险缴费支出", catalogueName(c, 2025))
        assertNull(catalogueName(c, 1999))
        assertEquals("listed", cataloguePresence(c, 2025))
        assertEquals("not_listed", cataloguePresence(Code.functional("2299999"), 2025))
        assertEquals("no_catalogue", cataloguePresence(c, 1999))
        assertTrue(catalogueHistory(c).any { it.year == 2025 && it.name == "机关事业单位基本养老保险缴费支出" })
    }

    @Test
    fun renamesAndAdditions() {
        val renamed = catalogueChange(Code.functional("20805"), 2019, 2024)
        assertEquals("renamed", renamed.kind)
        assertEquals("行政事业单位离退休", renamed.fromName)
        assertEquals("行政事业单位养老支出", renamed.toName)
        val added = catalogueChange(Code.functional("22006"), 2023, 2024)
        assertEquals("added", added.kind)
        assertEquals(2024, added.year)
    }

    @Test
    fun printedNamesWithOfficialVariants() {
        val c = Code.functional("2080505")
        assertEquals("exact", catalogueMatchName(c, 2024, "机关事业单位基本养老保\n险缴费支出").kind)
        assertEquals("variant", catalogueMatchName(c, 2024, "机关事业单位基本养老保险缴费").kind)
        val other = catalogueMatchName(c, 2024, "机关事业单位职业年金缴费支出")
        assertEquals("other_code", other.kind)
        assertEquals("2080506", other.otherCode)
        assertEquals("mismatch", catalogueMatchName(c, 2024, "公务接待").kind)
    }

    @Test
    fun aRealDocumentIsCheckedAgainstItsYear() {
        // 上海市普陀区社会福利院 2024 单位预算, 表八 p.14: "302 02 咨询费" (30202 is 印刷费, 咨询费 is 30203).
        val path = TestData.file("documents/shanghai/putuo-welfare-unit-budget-2024.pdf").path
        val found = readDocument(path, DocumentOptions()).findings().filter { it.rule.startsWith("catalogue.") }
        assertTrue(found.none { it.severity == Severity.ERROR })
        val f = found.single { it.code == "30202" }
        assertEquals("catalogue.name_of_other_code", f.rule)
        assertEquals(Severity.WARNING, f.severity)
        assertEquals(14u, f.page)
        assertEquals("咨询费", f.printed)
    }
}
