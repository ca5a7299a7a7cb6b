package sunlit.test

import com.google.gson.JsonParser
import java.io.File
import java.nio.file.Files
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import sunlit.Document
import sunlit.core.DocumentKind
import sunlit.DocumentOptions
import sunlit.InputOptions
import sunlit.core.Severity
import sunlit.core.SunlitException
import sunlit.documentsToHtml
import sunlit.documentsToJson
import sunlit.documentsToText
import sunlit.readDocument

/** Published documents read, recognised and checked by the core, and their reports. */
class DocumentTest {
    // A 表五 as departments publish it in a CSV: title, unit line, header, rows; its 合计 one 元 off.
    private val t5 = "一般公共预算支出功能分类预算表\n单位：元\n科目编码,科目名称,合计,基本支出,项目支出\n" +
        "208,社会保障和就业支出,\"1,000\",\"1,000\",\n" +
        "20805,行政事业单位养老支出,\"1,000\",\"1,000\",\n" +
        "2080505,机关事业单位基本养老保险缴费支出,\"1,000\",\"1,000\",\n" +
        ",合计,\"1,001\",\"1,000\",\n"

    private fun csv(): String {
        val f = Files.createTempFile("t5_wrong_total", ".csv").toFile()
        f.deleteOnExit()
        f.writeText(t5, Charsets.UTF_8)
        return f.path
    }

    @Test
    fun readDocumentGivesTheDocumentAndItsStableJson() {
        val path = csv()
        val doc = readDocument(path, DocumentOptions())
        assertEquals(path, doc.path())
        assertEquals(doc.findings().count { it.severity == Severity.ERROR }.toUInt(), doc.errorCount())
        val v = JsonParser.parseString(doc.toJson()).asJsonObject
        for (key in listOf("path", "kind", "year", "tables", "missing", "findings")) {
            assertTrue(v.has(key), key)
        }
        assertEquals(path, v["path"].asString)
        for (t in v["tables"].asJsonArray) {
            for (key in listOf("number", "kind", "title", "unit", "pages", "rows", "cells")) {
                assertTrue(t.asJsonObject.has(key), key)
            }
        }
        for (f in v["findings"].asJsonArray) {
            for (key in listOf("rule", "severity", "table", "page", "row", "column", "printed", "expected", "message")) {
                assertTrue(f.asJsonObject.has(key), key)
            }
        }
        val all = JsonParser.parseString(documentsToJson(listOf(doc, doc))).asJsonObject
        assertEquals(2, all["documents"].asJsonArray.size())
    }

    @Test
    fun optionsOverrideWhatTheDocumentDoesNotSay() {
        val doc = Document.read(csv(), DocumentOptions(kind = DocumentKind.BUDGET, year = 2026))
        assertEquals(DocumentKind.BUDGET, doc.kind())
        assertEquals(2026, doc.year())
    }

    @Test
    fun reportsForPeople() {
        val doc = readDocument(csv(), DocumentOptions())
        assertTrue(doc.toText().startsWith("文件 File: "))
        val html = doc.toHtml()
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("<meta charset=\"utf-8\">"))
        assertFalse(html.contains("<script"))
        assertEquals(
            "table,kind,title,page,sheet,row,column,heading,row_label,text,amount",
            doc.tablesCsv().lines().first(),
        )
        assertTrue(JsonParser.parseString(doc.tablesJson()).asJsonObject.has("tables"))
        assertTrue(documentsToText(listOf(doc)).contains("发现 Findings:"))
        assertTrue(documentsToHtml(listOf(doc)).endsWith("</html>\n"))
    }

    @Test
    fun aRecognisedTableCarriesItsRowsAndFindings() {
        val doc = readDocument(csv(), DocumentOptions())
        val t = doc.tables().first()
        assertEquals(5.toUByte(), t.number)
        assertTrue(t.rows.any { it.take(2) == listOf("科目编码", "科目名称") }, t.rows.toString())  // title and 单位 line are context
        assertTrue(doc.findings().any { it.severity == Severity.ERROR })
    }

    @Test
    fun aSheetWithTwoFarCellsIsASmallGrid() {
        // 1.5 KB of XLSX with cells at A1, B1 and XFD1048576 (core/tests/fuzz_regressions.rs): laid out
        // densely that is 17 billion cells; runs of blank rows and columns keep their first two.
        val path = File(TestData.dir, "../../core/tests/fuzz_regressions/sheet_two_far_cells.xlsx").path
        val rows = readDocument(path, DocumentOptions()).tables()[0].rows
        assertEquals(listOf(4, 5), listOf(rows.size, rows[0].size))
        assertEquals(listOf("合计", "12.5", "7"), listOf(rows[0][0], rows[0][1], rows.last().last()))
        val e = assertThrows(SunlitException.Limit::class.java) {
            readDocument(path, DocumentOptions(input = InputOptions(maxCells = 19UL)))
        }
        assertEquals(listOf("max_cells", 20UL, 19UL), listOf(e.limit, e.value, e.cap))
    }

    @Test
    fun aRealPublishedPdfIsReadAndReported() {
        // 上海市普陀区司法局 2026年部门预算, 23 pages (tests/data/documents/SOURCE.md)
        val path = TestData.file("documents/shanghai/putuo-sfj-budget-2026.pdf").path
        val doc = readDocument(path, DocumentOptions())
        assertEquals(path, doc.path())
        val v = JsonParser.parseString(doc.toJson()).asJsonObject
        assertEquals("pdf", v["format"].asString)
        assertEquals(23, v["pages"].asInt)
        assertEquals(doc.tables().size, v["tables"].asJsonArray.size())
        assertTrue(doc.toHtml().endsWith("</html>\n"))
    }

    @Test
    fun lastYearsFinalAccountIsComparedWithThisYears() {
        // 西南大学 2024 决算: 年初结转和结余 106,700.90 万元; 2023 决算: 年末结转和结余 106,848.91
        // (tests/data/documents/SOURCE.md).
        val f2023 = readDocument(TestData.file("documents/chongqing/swu-final-2023.pdf").path, DocumentOptions())
        val f2024 = readDocument(TestData.file("documents/chongqing/swu-final-2024.pdf").path, DocumentOptions())
        val found = f2024.check(f2023, null)
        assertEquals(listOf("identity.carry_over"), found.map { it.rule })
        assertEquals(Severity.WARNING, found[0].severity)
        assertEquals("106700.90", found[0].actual?.toPlainString())
        assertTrue(found[0].messageZh.contains("swu-final-2023.pdf"))
        assertEquals(listOf<String>(), f2024.check(null, null).map { it.rule })
        assertEquals(f2024.findings().size + 1, f2024.withChecks(f2023, null).findings().size)
        // A final account given as the budget: not compared, and why.
        assertEquals(listOf("identity.not_compared"), f2024.check(null, f2023).map { it.rule })
        assertEquals(listOf("completeness.missing_unsure"), f2024.findings().map { it.rule }.filter { it.startsWith("completeness.") })
    }

    @Test
    fun anAnnualReportPublishedAsAWebPageIsRead() {
        // 平潭综合实验区2023年度政府信息公开工作年度报告, a saved portal page (tests/data/documents/SOURCE.md):
        // Tables 2–4 are HTML tables with rowspan/colspan; each <table> is a grid, its ordinal the page.
        val path = TestData.file("documents/fujian/pingtan-annual-report-2023.html").path
        val doc = readDocument(path, DocumentOptions())
        val v = JsonParser.parseString(doc.toJson()).asJsonObject
        assertEquals("html", v["format"].asString)
        assertEquals("annual_report", v["kind"].asString)
        assertEquals(2023, v["year"].asInt)
        assertEquals(0u, doc.errorCount())
        val requests = doc.tables()[1]
        assertEquals(listOf(2u), requests.pages)
        val new = requests.rows.first { it.first() == "一、本年新收政府信息公开申请数量" }
        assertEquals(listOf("80", "1", "0", "0", "0", "0", "81"), new.drop(3))
    }

    @Test
    fun anUnreadableFileIsAFileErrorNamingItAndItsKind() {
        val e = assertThrows(SunlitException.File::class.java) { readDocument("missing.pdf", DocumentOptions()) }
        assertEquals("missing.pdf", e.path)
        assertEquals("not_found", e.kind)
        assertThrows(SunlitException::class.java) { readDocument("notes.txt", DocumentOptions()) }
    }
}
