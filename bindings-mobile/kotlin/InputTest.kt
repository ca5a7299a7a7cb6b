package sunlit.test

import java.io.File
import java.nio.charset.Charset
import java.nio.file.Files
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import sunlit.core.AmountUnit
import sunlit.InputOptions
import sunlit.Ledger
import sunlit.PublishedTable
import sunlit.core.SunlitException
import sunlit.ledgerFromCsvWith
import sunlit.tableFromCsvWith

/** Issue 11: the CSV and JSON readers (line numbers, quoting, duplicate keys, limits). */
class InputTest {
    private val header = "year,book,phase,unit,functional,economic,nature,source,amount"
    private val ok = "2026,general,budget,u,208,,basic,,1"
    private val bad = "2026,general,budget,u,208,,basic,,x"

    @Test
    fun badRowsAreOnTheirPhysicalLineWithEveryLineEnding() {
        for (eol in listOf("\n", "\r\n", "\r")) {
            val text = listOf(header, "", ok, bad, "").joinToString(eol)
            val e = assertThrows(SunlitException.Input::class.java) { Ledger.fromCsv(text) }
            assertEquals(4UL, e.line, "line ending ${eol.toByteArray().toList()}")
            assertEquals("amount", e.column)
        }
        val table = "code,name,合计\r\n208,\"a\r\nb\",1\r\n209,y,1.2.3\r\n"
        val e = assertThrows(SunlitException.Input::class.java) {
            PublishedTable.fromCsv(table, AmountUnit.YUAN, null, null)
        }
        assertEquals(4UL, e.line)
    }

    @Test
    fun malformedQuotingIsStrictByDefaultAndLenientOnRequest() {
        val text = "$header\n2026,general,budget,u,208,,basic,,\"1,0\"00\n"
        val e = assertThrows(SunlitException.Input::class.java) { Ledger.fromCsv(text) }
        assertEquals(listOf(2UL, "amount", "\"1,0\"00"), listOf(e.line, e.column, e.value))
        val lenient = InputOptions(quoting = "lenient")
        val read = ledgerFromCsvWith(text, lenient)
        assertEquals(1UL, read.ledger.len())
        assertEquals(listOf("input.relaxed_quoting"), read.findings.map { it.rule })
        assertEquals("amount", read.findings[0].column)
        assertThrows(SunlitException.Field::class.java) { Ledger.fromCsv(text, lenient) }
        val t = tableFromCsvWith("code,name,合计\n208,x,\"1,0\"00\n", AmountUnit.YUAN, lenient, null, null)
        assertEquals(1, t.findings.size)
    }

    @Test
    fun wrongFieldCountNamesTheColumn() {
        val e = assertThrows(SunlitException.Input::class.java) { Ledger.fromCsv("$header\n2026,general,budget\n") }
        assertEquals(listOf(2UL, "unit", "2026,general,budget"), listOf(e.line, e.column, e.value))
        assertTrue(e.reason.contains("3 fields but the header has 9"), e.reason)
    }

    @Test
    fun duplicateJsonKeysAreErrors() {
        val dup = "[{\"year\":2026,\"book\":\"general\",\"phase\":\"budget\",\"unit\":\"u\",\n" +
            "\"functional\":\"208\",\"nature\":\"basic\",\"amount\":\"9.99\",\"amount\":\"1.00\"}]"
        val e = assertThrows(SunlitException.Input::class.java) { Ledger.fromJson(dup) }
        assertEquals(listOf(2UL, "amount"), listOf(e.line, e.column))
        val trimmed = "{\"columns\": [\"合计\"], \"rows\": [{\"name\": \"x\", \"cells\": {\"合计\": \"9.99\", \" 合计 \": \"1.00\"}}]}"
        val t = assertThrows(SunlitException.Input::class.java) { PublishedTable.fromJson(trimmed) }
        assertTrue(t.reason.contains("once trimmed"), t.reason)
    }

    @Test
    fun jsonFilesWithBomOrGbkNameLineOneAndTheCause() {
        val dir = Files.createTempDirectory("sunlit-input").toFile()
        val bom = File(dir, "bom.json")
        bom.writeBytes(byteArrayOf(0xEF.toByte(), 0xBB.toByte(), 0xBF.toByte()) + "{\"columns\": [], \"rows\": []}".toByteArray())
        val e = assertThrows(SunlitException.Input::class.java) { PublishedTable.readJson(bom.path) }
        assertEquals(1UL, e.line)
        assertTrue(e.reason.contains("BOM"), e.reason)
        val gbk = File(dir, "gbk.json")
        gbk.writeBytes("{\"title\": \"教育局\", \"columns\": [], \"rows\": []}".toByteArray(Charset.forName("GBK")))
        val g = assertThrows(SunlitException.Input::class.java) { PublishedTable.readJson(gbk.path) }
        assertTrue(g.reason.contains("GBK"), g.reason)
        dir.deleteRecursively()
    }

    @Test
    fun limitsAreErrorsNamingTheLimit() {
        val text = "$header\n$ok\n$ok\n"
        val rows = assertThrows(SunlitException.Limit::class.java) { Ledger.fromCsv(text, InputOptions(maxRows = 2UL)) }
        assertEquals(listOf("max_rows", 3UL, 3UL, 2UL), listOf(rows.limit, rows.line, rows.value, rows.cap))
        val size = assertThrows(SunlitException.Limit::class.java) { Ledger.fromCsv(text, InputOptions(maxFileBytes = 10UL)) }
        assertEquals("max_file_bytes", size.limit)
        val field = assertThrows(SunlitException.Limit::class.java) {
            PublishedTable.fromCsv("code,name,合计\n208,x,1234567\n", AmountUnit.YUAN, null, null, InputOptions(maxFieldBytes = 6UL))
        }
        assertEquals(listOf("max_field_bytes", 2UL), listOf(field.limit, field.line))
        val deep = assertThrows(SunlitException.Limit::class.java) { Ledger.fromJson("[".repeat(100) + "]".repeat(100)) }
        assertEquals(listOf("max_json_depth", 64UL), listOf(deep.limit, deep.cap))
        assertThrows(SunlitException.Limit::class.java) {
            PublishedTable.fromJson("{\"columns\": [], \"rows\": []}", InputOptions(maxJsonDepth = 1UL))
        }
    }
}
