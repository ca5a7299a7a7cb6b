package sunlit.test

import java.math.BigDecimal
import java.time.LocalDate
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import sunlit.AnnualReport
import sunlit.DisclosureRequest
import sunlit.core.LegacyChannel
import sunlit.core.LegacyStatistics
import sunlit.core.ProactiveCell
import sunlit.core.ProactiveColumn
import sunlit.core.ProactiveRow
import sunlit.core.ReportFormat
import sunlit.ReportInput
import sunlit.core.ReportTableKind
import sunlit.core.RequestColumn
import sunlit.core.RequestRow
import sunlit.core.ReviewBlock
import sunlit.core.ReviewColumn
import sunlit.core.ReviewCount
import sunlit.core.Severity
import sunlit.core.SunlitException
import sunlit.TableFiles
import sunlit.parseApplicant
import sunlit.parseChannel
import sunlit.parseOutcome
import sunlit.share

/** The annual report of disclosure work, on the shared data of tests/data/report (see its README). */
class ReportTest {
    private fun path(name: String) = TestData.file("report/$name").path

    private fun published(requests: String = "published_2024_requests.csv",
                          proactive: String = "published_2024_proactive.csv",
                          reviews: String = "published_2024_reviews.csv") =
        AnnualReport.readTables(TableFiles(ReportFormat.Y2021, 2024, path(proactive), path(requests), path(reviews)))

    private fun lastYear() = AnnualReport.readTables(TableFiles(year = 2023, proactive = path("published_2023_proactive.csv")))

    private fun dec(s: String?): BigDecimal? = if (s.isNullOrEmpty()) null else BigDecimal(s)

    @Test
    fun publishedReportAddsUp() {
        val report = published()
        assertEquals(listOf<Any>(), report.check(lastYear()))
        assertEquals(2024, report.year())
        assertEquals(ReportFormat.Y2021, report.format())
        assertEquals(BigDecimal("12.7"), report.correctionRate(ReviewBlock.REVIEW, 1u))
    }

    @Test
    fun tableRowsCarryLabelsAndTheSevenValues() {
        val view = published().table(ReportTableKind.REQUESTS)!!
        val expected = TestData.table("report/published_2024_requests.csv")
        assertEquals(25, view.rows.size)
        assertEquals(expected.size, view.rows.size)
        for ((row, exp) in view.rows.zip(expected)) {
            assertEquals(exp.getValue("label"), row.label)
            assertEquals(7, row.cells.size)
            for (cell in row.cells) {
                assertEquals(BigDecimal(exp.getValue(cell.label)), cell.value, "${row.label} ${cell.label}")
            }
        }
        assertEquals("refused_state_secret", view.rows[4].id)
        assertEquals("（三）不予公开", view.rows[4].group)
    }

    @Test
    fun jsonTablesAndLabelVariantsReadTheSame() {
        val csv = published()
        val json = published("published_2024_requests.json", "published_2024_proactive.json", "published_2024_reviews.json")
        assertEquals(csv, json)
        val variants = AnnualReport.readTables(TableFiles(requests = path("published_2024_requests_variants.csv")))
        assertEquals(csv.table(ReportTableKind.REQUESTS), variants.table(ReportTableKind.REQUESTS))
        assertEquals(csv, AnnualReport.fromJson(csv.toJson()))
        assertEquals(TestData.text("report/published_2024_requests.csv"), csv.tableCsv(ReportTableKind.REQUESTS))
    }

    @Test
    fun corruptedCopiesRaiseExactlyTheirRule() {
        val cases = TestData.table("report/corrupt/cases.csv")
        assertEquals(8, cases.size)
        val last = lastYear()
        for (case in cases) {
            val file = "corrupt/" + case.getValue("file")
            val report = when (case.getValue("table")) {
                "requests" -> published(requests = file)
                "proactive" -> published(proactive = file)
                else -> published(reviews = file)
            }
            val findings = report.check(last)
            assertEquals(setOf(case.getValue("rule")), findings.map { it.rule }.toSet(), file)
            assertEquals(case.getValue("count").toInt(), findings.size, file)
            val f = findings.first()
            assertEquals(case["table"], f.table, file)
            assertEquals(case["code"], f.code, file)
            assertEquals(case["column"], f.column, file)
            assertEquals(dec(case["expected"]), f.expected, file)
            assertEquals(dec(case["actual"]), f.actual, file)
            val warning = case.getValue("rule") in setOf("report.blank_cell", "report.valid_carry")
            assertEquals(if (warning) Severity.WARNING else Severity.ERROR, f.severity, file)
        }
    }

    @Test
    fun the2019TrialFormat() {
        val report = AnnualReport.readTables(TableFiles(ReportFormat.Y2019, 2020,
            path("published_2020_proactive_2019format.csv"), path("published_2020_requests_2019format.csv"), null))
        assertEquals(listOf<Any>(), report.check(null))
        assertEquals(23, report.table(ReportTableKind.REQUESTS)!!.rows.size)
        assertTrue(report.requestCount(RequestRow.OTHER, RequestColumn.TOTAL) != null)
        assertThrows(SunlitException.Field::class.java) { report.requestCount(RequestRow.OTHER_NO_FEE, RequestColumn.TOTAL) }
        val e = assertThrows(SunlitException.Input::class.java) {
            AnnualReport.readTables(TableFiles(requests = path("published_2020_requests_2019format.csv")))
        }
        assertEquals("（六）其他处理", e.value)
        assertTrue(report.toHtml().contains("<th rowspan=\"20\">三、本年度办理结果</th>"))
    }

    @Test
    fun buildFromCounts() {
        val report = AnnualReport.build(ReportInput(
            year = 2024,
            proactive = listOf(ProactiveCell(ProactiveRow.FEES, ProactiveColumn.FEE_AMOUNT, BigDecimal("96171.60"))),
            reviews = listOf(
                ReviewCount(ReviewBlock.REVIEW, ReviewColumn.UPHELD, 1163),
                ReviewCount(ReviewBlock.REVIEW, ReviewColumn.CORRECTED, 245),
                ReviewCount(ReviewBlock.DIRECT_SUIT, ReviewColumn.UPHELD, 662),
                ReviewCount(ReviewBlock.DIRECT_SUIT, ReviewColumn.CORRECTED, 65)),
        ))
        assertEquals(ReportFormat.Y2021, report.format())
        assertEquals(BigDecimal("17.4"), report.correctionRate(ReviewBlock.REVIEW, 1u))
        assertEquals(BigDecimal("8.9"), report.correctionRate(ReviewBlock.DIRECT_SUIT, 1u))
        val reviews = report.table(ReportTableKind.REVIEWS)!!
        assertEquals(BigDecimal(1408), reviews.rows[0].cells.last().value)
        assertEquals(setOf("report.blank_cell"), report.check(null).map { it.rule }.toSet())
        assertNull(report.table(ReportTableKind.REQUESTS))
        assertThrows(SunlitException.Input::class.java) {
            AnnualReport.build(ReportInput(2024, reviews = listOf(ReviewCount(ReviewBlock.REVIEW, ReviewColumn.TOTAL, 3))))
        }
        assertEquals(ReportFormat.Y2019, AnnualReport.build(ReportInput(2020)).format())
    }

    @Test
    fun aFractionalCountIsRefused() {
        val cases = TestData.table("report/unreadable/cases.csv")
        assertEquals(2, cases.size)
        for (case in cases) {
            val format = if (case["format"] == "2019") ReportFormat.Y2019 else ReportFormat.Y2021
            val e = assertThrows(SunlitException.Input::class.java) {
                AnnualReport.readTables(TableFiles(format, proactive = path("unreadable/" + case.getValue("file"))))
            }
            assertEquals(listOf(case["line"], case["column"], case["value"]), listOf(e.line.toString(), e.column, e.value))
            assertTrue(e.reason.endsWith(case.getValue("reason")), e.reason)
        }
        val e = assertThrows(SunlitException.Field::class.java) {
            AnnualReport.build(ReportInput(2024, proactive = listOf(
                ProactiveCell(ProactiveRow.RULES, ProactiveColumn.ISSUED, BigDecimal("1.5")))))
        }
        assertEquals(listOf("issued", "1.5"), listOf(e.field, e.value))
        assertThrows(SunlitException.Field::class.java) {
            AnnualReport.build(ReportInput(2020, proactive = listOf(
                ProactiveCell(ProactiveRow.PENALTIES, ProactiveColumn.ITEMS_CHANGE, BigDecimal("-12.5")))))
        }
        AnnualReport.build(ReportInput(2020, proactive = listOf(
            ProactiveCell(ProactiveRow.PROCUREMENT, ProactiveColumn.PROCUREMENT_AMOUNT, BigDecimal("286432.17")))))
    }

    @Test
    fun renderedLayouts() {
        val report = published()
        val html = report.toHtml()
        assertTrue(html.contains("<th rowspan=\"22\">三、本年度办理结果</th>"))
        assertTrue(html.contains("<th colspan=\"10\">行政诉讼</th>"))
        assertTrue(report.toMarkdown().contains("| 一、本年新收政府信息公开申请数量 |  |  | 1269 |"))
        assertTrue(report.tableMarkdown(ReportTableKind.REVIEWS).startsWith("| 行政复议 |"))
    }

    @Test
    fun theSeedArticlesLegacyFigures() {
        val stats = LegacyStatistics(year = 2016, requests = 45104, channels = mapOf(LegacyChannel.IN_PERSON to 24121L),
            reviews = 1408, reviewsCorrected = 245, suits = 727, suitsCorrected = 65)
        assertEquals(listOf<Any>(), stats.check())
        val rows = TestData.table("report/legacy_guangdong_2016.csv")
        assertEquals(6, rows.size)
        for (row in rows) {
            val places = row.getValue("places").toUInt()
            val expected = BigDecimal(row.getValue("percent"))
            assertEquals(expected, share(BigDecimal(row.getValue("part")), BigDecimal(row.getValue("whole")), places))
            val measured = when (row.getValue("measure")) {
                "in_person_share" -> stats.channelShare(LegacyChannel.IN_PERSON, places)
                "review_correction_rate" -> stats.reviewCorrectionRate(places)
                else -> stats.suitCorrectionRate(places)
            }
            assertEquals(expected, measured)
            assertEquals(row.getValue("percent"), measured!!.toPlainString())
        }
        val bad = LegacyStatistics(requests = 10, channels = mapOf(LegacyChannel.ONLINE to 11L))
        assertEquals(listOf("report.legacy_channel_sum"), bad.check().map { it.rule })
    }

    /** The records of requests_2024.csv as DisclosureRequest objects. */
    private fun syntheticRequests(): List<DisclosureRequest> = TestData.table("report/requests_2024.csv").map { row ->
        fun d(column: String): LocalDate? = row.getValue(column).let { if (it.isEmpty()) null else LocalDate.parse(it) }
        val req = DisclosureRequest(received = d("received")!!, channel = parseChannel(row.getValue("channel")),
            applicant = parseApplicant(row.getValue("applicant")), reference = row.getValue("id"))
        d("correction_requested")?.let { req.requestCorrection(it) }
        d("correction_received")?.let { req.receiveCorrection(it) }
        d("fee_notice")?.let { req.feeNotice(it, BigDecimal(100)) }
        when (val outcome = row.getValue("outcome")) {
            "" -> {}
            "withdrawn" -> req.withdraw(d("closed")!!)
            else -> req.answer(d("closed")!!, parseOutcome(outcome, row.getValue("reason").ifEmpty { null }))
        }
        req
    }

    private fun assertEveryCell(report: AnnualReport, expectedFile: String) {
        val view = report.table(ReportTableKind.REQUESTS)!!
        val expected = TestData.table(expectedFile)
        assertEquals(expected.size, view.rows.size)
        for ((row, exp) in view.rows.zip(expected)) {
            assertEquals(exp.getValue("label"), row.label)
            for (cell in row.cells) {
                assertEquals(BigDecimal(exp.getValue(cell.label)), cell.value, "${row.label} ${cell.label}")
            }
        }
    }

    @Test
    fun aSyntheticYearBuildsEveryCell() {
        val requests = syntheticRequests()
        assertTrue(requests.size >= 400)
        val report = AnnualReport.build(ReportInput(year = 2024, requests = requests, format = ReportFormat.Y2021))
        assertEveryCell(report, "report/requests_2024_expected_2021.csv")
        assertEquals(listOf<Any>(), report.check(null))
        assertEquals(TestData.text("report/requests_2024_expected_2021.csv"), report.tableCsv(ReportTableKind.REQUESTS))
        val r2019 = AnnualReport.build(ReportInput(year = 2024, requests = requests, format = ReportFormat.Y2019))
        assertEveryCell(r2019, "report/requests_2024_expected_2019.csv")
        assertEquals(listOf<Any>(), r2019.check(null))
    }

    @Test
    fun aCarriedOverRequest() {
        val req = DisclosureRequest(received = LocalDate.of(2023, 12, 27), channel = parseChannel("online"),
            applicant = parseApplicant("research_institution"))
        req.carryOver(2023)
        req.answer(LocalDate.of(2024, 1, 15), parseOutcome("partly_granted"))
        val r2023 = AnnualReport.build(ReportInput(2023, requests = listOf(req)))
        val r2024 = AnnualReport.build(ReportInput(2024, requests = listOf(req)))
        assertEquals(1L, r2023.requestCount(RequestRow.CARRIED_FORWARD, RequestColumn.RESEARCH_INSTITUTION))
        assertEquals(0L, r2023.requestCount(RequestRow.TOTAL, RequestColumn.TOTAL))
        assertEquals(1L, r2024.requestCount(RequestRow.CARRIED_OVER, RequestColumn.RESEARCH_INSTITUTION))
        assertEquals(0L, r2024.requestCount(RequestRow.NEW, RequestColumn.TOTAL))
        assertEquals(1L, r2024.requestCount(RequestRow.PARTLY_GRANTED, RequestColumn.RESEARCH_INSTITUTION))
        assertEquals(0L, r2024.requestCount(RequestRow.CARRIED_FORWARD, RequestColumn.TOTAL))
    }
}
