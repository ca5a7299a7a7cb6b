package sunlit.test

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import sunlit.Code
import sunlit.core.Scheme
import sunlit.core.SunlitException

class CodeTest {
    @Test
    fun wholeAndSplitFormsAreTheSameCode() {
        val c = Code.functional("2080505")
        assertEquals(c, Code.functionalSplit(listOf("208", "05", "05")))
        assertEquals(c.hashCode(), Code.functionalSplit(listOf("208", "05", "05")).hashCode())
        assertEquals("2080505", c.toString())
        assertEquals(3.toUByte(), c.level())
        assertEquals("项", c.levelName())
        assertEquals(Scheme.FUNCTIONAL, c.scheme())
    }

    @Test
    fun parentAncestorsAndOrder() {
        val c = Code.functional("2080505")
        assertEquals("20805", c.parent().toString())
        assertNull(Code.functional("208").parent())
        assertEquals(listOf("208", "20805"), c.ancestors().map { it.toString() })
        assertTrue(Code.functional("208").isAncestorOf(c))
        assertFalse(c.isAncestorOf(c))
        val sorted = listOf("20808", "2080505", "208", "20805", "210").map { Code.functional(it) }.sorted()
        assertEquals(listOf("208", "20805", "2080505", "20808", "210"), sorted.map { it.toString() })
    }

    @Test
    fun economicSchemeFollowsFirstDigit() {
        assertEquals(Scheme.DEPT_ECONOMIC, Code.economic("30108").scheme())
        assertEquals(Scheme.GOV_ECONOMIC, Code.economicSplit(listOf("501", "02")).scheme())
        assertEquals("目", Code.revenue("101010101").levelName())
    }

    @Test
    fun badCodesRaiseCodeErrorsNamingTheInput() {
        for (bad in listOf("20805a5", "2080", "208050501", "3080505", "")) {
            val e = assertThrows(SunlitException.Code::class.java) { Code.functional(bad) }
            assertEquals(bad, e.value)
            assertEquals("functional", e.scheme)
        }
        val e = assertThrows(SunlitException.Code::class.java) { Code.economic("40101") }
        assertEquals("40101", e.value)
        val split = assertThrows(SunlitException.Code::class.java) { Code.functionalSplit(listOf("208", "", "05")) }
        assertEquals("208||05", split.value)
    }
}
