package sunlit.test

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import sunlit.core.Severity
import sunlit.core.SunlitException
import sunlit.creditCodeCheckChar
import sunlit.rules

/** The rule registry and the typed fields of errors, as Kotlin sees them. */
class RulesTest {
    @Test
    fun rulesAreTheRegistryWithTheSameFieldNames() {
        val all = rules()
        assertEquals(121, all.size)
        assertEquals(all.size, all.map { it.id }.toSet().size)
        val rowSum = all.single { it.id == "tables.row_sum" }
        assertEquals("tables", rowSum.family)
        assertEquals(Severity.ERROR, rowSum.severity)
        assertTrue(rowSum.citation.contains("identities"))
        assertTrue(rowSum.summaryZh.isNotEmpty() && rowSum.summaryEn.isNotEmpty())
        assertEquals(Severity.INFO, all.single { it.id == "tables.whole_yuan_rounding" }.severity)
        assertTrue(all.all { it.id.startsWith(it.family + ".") })
    }

    @Test
    fun aFieldErrorNamesAStableFieldId() {
        val e = assertThrows(SunlitException.Field::class.java) { creditCodeCheckChar("not a code") }
        assertEquals("credit_code", e.field)
    }
}
