package sunlit.test

import java.io.File
import java.nio.charset.Charset
import java.nio.file.Files
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import sunlit.core.AmountUnit
import sunlit.AnnualReport
import sunlit.Code
import sunlit.DocumentOptions
import sunlit.InputOptions
import sunlit.Ledger
import sunlit.PublishedTable
import sunlit.core.ReportFormat
import sunlit.core.SunlitException
import sunlit.TableFiles
import sunlit.WorkCalendar
import sunlit.annualReportFromJsonWith
import sunlit.annualReportReadTablesWith
import sunlit.calendarWithYearJson
import sunlit.changeLogFromCsv
import sunlit.changeLogFromCsvWith
import sunlit.changeLogFromJson
import sunlit.ledgerFromCsvWith
import sunlit.parseAmount
import sunlit.powerListFromCsvWith
import sunlit.powerListFromJsonWith
import sunlit.powerListReadCsvWith
import sunlit.powerListReadJsonWith
import sunlit.readDocument
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
        assertEquals(null, e.causeError) // a row error, not a cell's
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

    private val lenient = InputOptions(quoting = "lenient")
    private val rows1 = InputOptions(maxRows = 1UL)

    @Test
    fun changeLogsTakeOptionsAndReadLenientlyOnRequest() {
        val log = "变更类型,事项名称\n取消,x\n取消,y\n"
        val e = assertThrows(SunlitException.Limit::class.java) { changeLogFromCsvWith(log, rows1) }
        assertEquals(listOf("max_rows", 2UL), listOf(e.limit, e.line))
        val messy = "变更类型,事项名称\n取消,\"道路\"运输\n"
        assertThrows(SunlitException.Input::class.java) { changeLogFromCsv(messy) }
        val read = changeLogFromCsvWith(messy, lenient)
        assertEquals("道路运输", read.records[0].name)
        assertEquals(listOf("input.relaxed_quoting"), read.findings.map { it.rule })
        val json = "[{\"kind\": \"added\", \"name\": \"x\"}, {\"kind\": \"added\", \"name\": \"y\"}]"
        assertEquals(2, changeLogFromJson(json, null).size)
        assertThrows(SunlitException.Limit::class.java) { changeLogFromJson(json, rows1) }
    }

    @Test
    fun powerListsTakeOptionsAndReadLenientlyOnRequest() {
        val messy = "权力分类,事项名称\r\n\r\n行政许可,\"道路\"运输许可\r\n"
        val read = powerListFromCsvWith(messy, lenient)
        assertEquals("道路运输许可", read.list.items()[0].name)
        assertEquals(listOf("input.relaxed_quoting"), read.findings.map { it.rule })
        assertTrue(read.findings[0].messageEn.contains("line 3"), read.findings[0].messageEn)
        assertThrows(SunlitException.Input::class.java) { powerListFromCsvWith(messy, InputOptions()) }
        val dir = Files.createTempDirectory("sunlit-power").toFile()
        val csv = File(dir, "list.csv").also { it.writeText(messy) }
        assertEquals(1, powerListReadCsvWith(csv.path, lenient).findings.size)
        assertThrows(SunlitException.Limit::class.java) { powerListReadCsvWith(csv.path, rows1) }
        val json = File(dir, "list.json").also { it.writeText(read.list.toJson()) }
        val deep = assertThrows(SunlitException.Limit::class.java) { powerListReadJsonWith(json.path, InputOptions(maxJsonDepth = 1UL)) }
        assertEquals("max_json_depth", deep.limit)
        assertThrows(SunlitException.Limit::class.java) { powerListFromJsonWith(read.list.toJson(), InputOptions(maxFileBytes = 10UL)) }
        dir.deleteRecursively()
    }

    @Test
    fun reportHolidayAndDocumentReadersTakeOptions() {
        val files = TableFiles(
            format = ReportFormat.Y2021,
            year = 2024,
            proactive = TestData.file("report/published_2024_proactive.csv").path,
            requests = TestData.file("report/published_2024_requests.csv").path,
            reviews = TestData.file("report/published_2024_reviews.csv").path,
        )
        val read = annualReportReadTablesWith(files, InputOptions())
        assertTrue(read.findings.isEmpty())
        assertEquals(AnnualReport.readTables(files).toJson(), read.report.toJson())
        assertEquals("max_rows", assertThrows(SunlitException.Limit::class.java) { annualReportReadTablesWith(files, rows1) }.limit)
        val size = assertThrows(SunlitException.Limit::class.java) {
            annualReportFromJsonWith(read.report.toJson(), InputOptions(maxFileBytes = 100UL))
        }
        assertEquals(listOf("max_file_bytes", 0UL), listOf(size.limit, size.line))
        // Holiday files: capped by default, and by the options given.
        val year = "{\"year\": 2027, \"papers\": [], \"days\": [{\"name\": \"元旦\", \"date\": \"2027-01-01\", \"isOffDay\": true}]}"
        assertTrue(calendarWithYearJson(WorkCalendar.china(), year, InputOptions()).isCovered(2027))
        assertThrows(SunlitException.Limit::class.java) { calendarWithYearJson(WorkCalendar.china(), year, InputOptions(maxFileBytes = 20UL)) }
        val deep = year.replace("\"papers\": []", "\"papers\": " + "[".repeat(100) + "]".repeat(100))
        assertEquals("max_json_depth", assertThrows(SunlitException.Limit::class.java) { WorkCalendar.china().withYearJson(deep) }.limit)
        // Documents: DocumentOptions.input.
        val table = TestData.file("tables/chengguan_2026/t5_general_functional.csv").path
        assertTrue(readDocument(table, DocumentOptions(input = InputOptions())).tables().isNotEmpty())
        val doc = assertThrows(SunlitException.Limit::class.java) { readDocument(table, DocumentOptions(input = InputOptions(maxFileBytes = 100UL))) }
        assertEquals(listOf("max_file_bytes", 100UL), listOf(doc.limit, doc.cap))
        assertThrows(SunlitException.Field::class.java) { readDocument(table, DocumentOptions(input = lenient)) }
    }

    @Test
    fun exceptionsCarryABoundedCopyOfAHugeValue() {
        val long = "9".repeat(1_100_000) + "x"
        val marker = "… (1100001 characters)"
        val amount = assertThrows(SunlitException.Amount::class.java) { parseAmount(long) }
        assertEquals("9".repeat(200) + marker, amount.value)
        val code = assertThrows(SunlitException.Code::class.java) { Code.functional(long) }
        assertEquals("9".repeat(200) + marker, code.value)
        val cell = assertThrows(SunlitException.Input::class.java) {
            Ledger.fromCsv("$header\n2026,general,budget,u,208,,basic,,$long\n", InputOptions(maxFieldBytes = 2UL shl 20))
        }
        assertEquals("9".repeat(200) + marker, cell.value)
        for (e in listOf(amount, code, cell)) {
            val message = e.message ?: ""
            assertTrue(message.length < 3000, "${message.length} characters")
            assertTrue(message.contains(marker), message.take(400))
        }
        // Short values are whole.
        assertEquals("1x", assertThrows(SunlitException.Amount::class.java) { parseAmount("1x") }.value)
    }
}
