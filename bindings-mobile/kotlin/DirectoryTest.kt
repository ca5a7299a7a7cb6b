package sunlit.test

import java.time.LocalDate
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import sunlit.CatalogueCheckOptions
import sunlit.DisclosureCatalogue
import sunlit.core.Category
import sunlit.core.IndexKind
import sunlit.core.OrganLevel
import sunlit.core.SearchQuery
import sunlit.core.Severity
import sunlit.core.SunlitException
import sunlit.generateIndexNumber
import sunlit.indexNumberToString
import sunlit.parseIndexNumber

/**
 * Disclosure catalogues (政府信息公开目录, issue 15): the real catalogue of the gov.cn State
 * Council policy library (tests/data/disclosure/catalogue/SOURCE.md), index numbers, checks,
 * search.
 */
class DirectoryTest {
    private val path = TestData.file("disclosure/catalogue/state_council_000014349.csv").path
    private val cat = DisclosureCatalogue.readCsv(path).withOrgan("国务院办公厅", OrganLevel.NATIONAL)

    @Test
    fun theRealCatalogueLoadsAndEveryIndexNumberParses() {
        assertEquals(60uL, cat.len())
        for (e in cat.entries()) {
            val n = parseIndexNumber(e.index)
            assertEquals(IndexKind.ORGANIZATION_CODE, n.kind)
            assertEquals(true, n.checkOk)
        }
    }

    @Test
    fun whatTheChecksFind() {
        val findings = cat.check(CatalogueCheckOptions(years = listOf(2018)))
        val counts = findings.groupingBy { it.rule }.eachCount()
        assertEquals(
            mapOf("directory.date_unchecked" to 26, "directory.missing_category" to 2, "directory.uncategorised" to 1),
            counts,
        )
        assertTrue(findings.none { it.severity == Severity.ERROR })
    }

    @Test
    fun aLateEntryIsExplained() {
        val text = TestData.text("disclosure/catalogue/state_council_000014349.csv")
            .replace("国办发〔2018〕118号,2019年01月03日", "国办发〔2018〕118号,2019年01月04日")
        val late = DisclosureCatalogue.fromCsv(text)
            .check(CatalogueCheckOptions(required = emptyList(), years = listOf(2018)))
            .single { it.rule == "directory.late" }
        assertEquals(Severity.ERROR, late.severity)
        assertTrue(late.messageEn.endsWith("formed 2018-12-05, due 2019-01-03 (20 working days), published 2019-01-04: 21 working days"))
    }

    @Test
    fun indexNumbers() {
        val n = parseIndexNumber("6107280000/2024-001005")
        assertEquals(IndexKind.LOCAL_CODE, n.kind)
        assertNull(n.checkOk)
        assertEquals(1, parseIndexNumber("003129766/201901-00336").month?.toInt())
        assertEquals("11370000MB28542883/2024-00123", indexNumberToString(generateIndexNumber("11370000MB28542883", 2024, 123u)))
        assertThrows(SunlitException.Field::class.java) { generateIndexNumber("11370000MB28542867", 2024, 1u) }
        val e = assertThrows(SunlitException.Input::class.java) {
            DisclosureCatalogue.fromCsv("索引号,标题\n000014349/19-1,x\n")
        }
        assertEquals(2uL, e.line)
        assertEquals("索引号", e.column)
    }

    @Test
    fun searchAndRoundTrip() {
        val found = cat.search(SearchQuery(text = "教育"))
        assertEquals(listOf("000014349/2019-00005", "000014349/2018-00209"), found.map { it.index })
        val q = SearchQuery(category = Category.LIVELIHOOD, from = LocalDate.of(2019, 1, 1))
        assertTrue(cat.search(q).all { it.published!! >= LocalDate.of(2019, 1, 1) })
        assertEquals(cat.entries(), DisclosureCatalogue.fromCsv(cat.toCsv()).entries())
        assertEquals(cat.entries(), DisclosureCatalogue.fromJson(cat.toJson()).entries())
        val xlsx = DisclosureCatalogue.readXlsx(TestData.file("disclosure/catalogue/state_council_first5.xlsx").path)
        assertEquals(cat.entries().take(5), xlsx.entries())
    }
}
