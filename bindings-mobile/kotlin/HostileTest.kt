package sunlit.test

import java.io.File
import java.lang.reflect.Modifier
import java.math.BigDecimal
import java.nio.charset.Charset
import java.nio.file.Files
import java.time.Duration
import java.time.LocalDate
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTimeoutPreemptively
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestFactory
import org.junit.jupiter.api.function.ThrowingSupplier
import sunlit.*
import sunlit.core.*

/**
 * Hostile input at every entry point of the Kotlin bindings (issue 11).
 *
 * One row per top-level function, object constructor and method, and record method. Each row
 * gives every parameter in turn every hostile value of its type — Int/UInt/Long extremes and
 * impossible years, LocalDate.MIN/MAX and years 0 and 10000, BigDecimals beyond 28 digits,
 * empty/whitespace/NUL/lone-surrogate/1 MB strings, GBK and invalid UTF-8 files, nonexistent and
 * directory paths, null — and allows only a normal return or a `SunlitException`. Anything else
 * (uniffi's `InternalException` for a Rust panic or a failed lift, a JVM exception, a hang past
 * `CASE_SECONDS`) fails. `everyExportHasARow` enumerates the compiled bindings by reflection,
 * so a new export without a row fails.
 */
class HostileTest {
    private class Case(val label: String, val run: () -> Any?)

    private fun <T> vary(param: String, values: List<Pair<String, T>>, call: (T) -> Any?): List<Case> =
        values.map { (label, v) -> Case("$param=$label") { call(v) } }

    private fun once(call: () -> Any?) = listOf(Case("valid call", call))

    private fun <T> orNull(values: List<Pair<String, T>>): List<Pair<String, T?>> = values + listOf("null" to null)

    companion object {
        const val CASE_SECONDS = 60L

        /** Outcomes seen per entry point; written as a Markdown table with -Dsunlit.hostile.table=path. */
        val outcomes = java.util.concurrent.ConcurrentSkipListMap<String, MutableSet<String>>()

        @JvmStatic
        @org.junit.jupiter.api.AfterAll
        fun writeTable() {
            val out = System.getProperty("sunlit.hostile.table") ?: return
            val lines = listOf("| entry point | outcomes |", "|---|---|") +
                outcomes.map { (name, seen) -> "| `$name` | ${seen.joinToString(", ")} |" }
            File(out).writeText(lines.joinToString("\n") + "\n")
        }

        val tmp: File = Files.createTempDirectory("sunlit-hostile").toFile()
        val D: LocalDate = LocalDate.of(2024, 3, 4)

        private fun write(name: String, bytes: ByteArray): String = File(tmp, name).also { it.writeBytes(bytes) }.path

        val STRINGS: List<Pair<String, String>> = listOf(
            "empty" to "",
            "whitespace" to " \t\r\n ",
            "NUL" to "\u0000",
            "lone surrogate" to "\uD800",
            "GBK mojibake" to String("中文".toByteArray(Charset.forName("GBK")), Charsets.ISO_8859_1),
            "1 MB" to "字".repeat(1_000_000),
        )
        val TEXTS: List<Pair<String, String>> = STRINGS + listOf(
            "BOM" to "\uFEFFa,b\n1,2\n",
            "unclosed quote" to "a,\"b\n1,2\n",
            "deep JSON" to "[".repeat(100_000) + "]".repeat(100_000),
            "huge JSON int" to "{\"a\": 1" + "0".repeat(400) + "}",
        )
        val INTS: List<Pair<String, Int>> = listOf(
            "Int.MIN" to Int.MIN_VALUE, "-1" to -1, "year 0" to 0, "year 10000" to 10000, "Int.MAX" to Int.MAX_VALUE,
        )
        val UINTS: List<Pair<String, UInt>> = listOf(
            "0" to 0u, "10000" to 10000u, "2^31" to 2147483648u, "UInt.MAX" to UInt.MAX_VALUE,
        )
        val ULONGS: List<Pair<String, ULong>> = listOf(
            "0" to 0UL, "1" to 1UL, "2^31" to 2147483648UL, "ULong.MAX" to ULong.MAX_VALUE,
        )
        val LONGS: List<Pair<String, Long>> = listOf(
            "Long.MIN" to Long.MIN_VALUE, "-1" to -1L, "0" to 0L, "2^31" to 2147483648L, "Long.MAX" to Long.MAX_VALUE,
        )
        val DATES: List<Pair<String, LocalDate>> = listOf(
            "LocalDate.MIN" to LocalDate.MIN,
            "LocalDate.MAX" to LocalDate.MAX,
            "year 0" to LocalDate.of(0, 1, 1),
            "year -1" to LocalDate.of(-1, 12, 31),
            "year 10000" to LocalDate.of(10000, 1, 1),
            "9999-12-31" to LocalDate.of(9999, 12, 31),
        )
        val DECIMALS: List<Pair<String, BigDecimal>> = listOf(
            "1E+100000" to BigDecimal("1E+100000"),
            "1E-100000" to BigDecimal("1E-100000"),
            "10^40" to BigDecimal.TEN.pow(40),
            "-10^40" to BigDecimal.TEN.pow(40).negate(),
            "2^96" to BigDecimal("79228162514264337593543950336"),
            "29 places" to BigDecimal("0.00000000000000000000000000001"),
        )
        val PATHS: List<Pair<String, String>> by lazy {
            listOf(
                "nonexistent" to File(tmp, "missing/nothing.csv").path,
                "directory" to tmp.path,
                "empty file" to write("empty.csv", ByteArray(0)),
                "NUL bytes" to write("nul.csv", ByteArray(1000)),
                "GBK file" to write("gbk.csv", "年份,金额\n2026,一百\n".toByteArray(Charset.forName("GBK"))),
                "invalid UTF-8 file" to write(
                    "bad-utf8.csv",
                    byteArrayOf(0x61, 0x2c, 0x62, 0x0a, 0xff.toByte(), 0xfe.toByte(), 0x80.toByte(), 0x2c, 0xc0.toByte(), 0xaf.toByte(), 0x0a),
                ),
                "empty path" to "",
                "NUL in path" to File(tmp, "a\u0000b").path,
                "lone surrogate in path" to File(tmp, "\uD800.csv").path,
            )
        }
        val OUT_PATHS: List<Pair<String, String>> by lazy {
            listOf(
                "missing parent" to File(tmp, "no/such/dir/out").path,
                "directory is a file" to write("plain-file", ByteArray(1)),
                "empty path" to "",
                "NUL in path" to File(tmp, "a\u0000b").path,
            )
        }
        /** Progress listeners: quiet, throwing an exception, its own error, or an Error. */
        val LISTENERS: List<Pair<String, ProgressListener>> = listOf(
            "quiet" to object : ProgressListener {
                override fun onProgress(bytesRead: ULong, fileSize: ULong?) {}
            },
            "throws" to object : ProgressListener {
                override fun onProgress(bytesRead: ULong, fileSize: ULong?) = throw IllegalStateException("x".repeat(100_000))
            },
            "throws ListenerException" to object : ProgressListener {
                override fun onProgress(bytesRead: ULong, fileSize: ULong?) = throw ListenerException.Failed("\u0000\uD800")
            },
            "throws an Error" to object : ProgressListener {
                override fun onProgress(bytesRead: ULong, fileSize: ULong?) = throw OutOfMemoryError("pretend")
            },
        )
        val BIG_LETTERS: String by lazy { "x".repeat(100_000_000) }
        val BIG_DIGITS: String by lazy { "1".repeat(100_000_000) }

        // Valid objects each row starts from.
        val data = TestData
        val cal: WorkCalendar by lazy { WorkCalendar.weekendsOnly() }
        val ledgerPath: String by lazy { data.file("budget/chengguan_2026_ledger.csv").path }
        val ledger: Ledger by lazy { Ledger.readCsv(ledgerPath) }
        val ledgerCsv: String by lazy { ledger.toCsv() }
        val tablePath: String by lazy { data.file("tables/chengguan_2026/t5_general_functional.csv").path }
        val table: PublishedTable by lazy {
            PublishedTable.readCsv(tablePath, AmountUnit.YUAN, TableKind.BUDGET_GENERAL_FUNCTIONAL, null)
        }
        val tableJsonPath: String by lazy { write("table.json", table.toJson().toByteArray()) }
        val power1Path: String by lazy { data.file("power/list_v1.csv").path }
        val power1: PowerList by lazy { PowerList.readCsv(power1Path) }
        val power2: PowerList by lazy { PowerList.readCsv(data.file("power/list_v2.csv").path) }
        val powerJsonPath: String by lazy { write("power.json", power1.toJson().toByteArray()) }
        val changes: List<PowerChange> by lazy { power1.diff(power2) }
        val changeRecords: List<ChangeRecord> by lazy { changeLogFromChanges(changes, "文件", D) }
        val reportFiles: TableFiles by lazy {
            TableFiles(
                format = ReportFormat.Y2021,
                year = 2024,
                proactive = data.file("report/published_2024_proactive.csv").path,
                requests = data.file("report/published_2024_requests.csv").path,
                reviews = data.file("report/published_2024_reviews.csv").path,
            )
        }
        val report: AnnualReport by lazy { AnnualReport.readTables(reportFiles) }
        val document: Document by lazy { Document.read(tablePath, DocumentOptions()) }
        val deadline: Deadline by lazy { proactiveDeadline(D, cal) }
        val duty: DisclosureDuty by lazy {
            power2.disclosureDuties(DutyOptions(20u, null, changeRecords), cal).first { it.kind == DutyKind.DECISION_PUBLICITY }
        }
        val item: PowerItem by lazy { power1.items().first() }
        val citation: Citation by lazy { parseCitation("《中华人民共和国公路法》第二十五条") }
        val limit: TimeLimit by lazy { parseTimeLimit("20个工作日") }
        val fee: FeeQuote by lazy { informationFee(FeeMethod.PER_PAGE, 200u) }
        val finding: Finding by lazy {
            Finding("table.sum", Severity.ERROR, "budget_general_functional", "201", "合计", BigDecimal("2"), BigDecimal("1"), BigDecimal("1"), "合计不等", "sum differs", 1u, "1")
        }
        val allocation = Allocation("某单位", BigDecimal.ONE, null, D)
        val fund: SpecialFund by lazy {
            SpecialFund("专项", "某局", 2024, BigDecimal.TEN, AmountUnit.YUAN, listOf(StageDate(FundStage.APPROVAL, D)), listOf(allocation))
        }
        val fundList: SpecialFundList by lazy { SpecialFundList(listOf(fund), null, AmountUnit.YI_YUAN, null) }
        val legacy = LegacyStatistics(year = 2016, requests = 10L, channels = mapOf(LegacyChannel.IN_PERSON to 3L), reviews = 2L, reviewsCorrected = 1L, suits = 2L, suitsCorrected = 1L)
        val yearJson: String by lazy { File(data.holidays, "2026.json").readText() }
        val line: LedgerLine by lazy { ledger.lines().first() }
        val checkOptions = TableCheckOptions(true, true, null)
        val rollupOptions = RollupOptions(listOf(GroupKey.YEAR), null, null)

        fun request(): DisclosureRequest = DisclosureRequest(D, Channel.ONLINE, Applicant.NATURAL_PERSON)
    }

    // --- Transparency scoring (issue 15): ScoringScheme, OrganScore, rankScores
    private val scoringDoc: String by lazy { TestData.file("documents/jiangsu/huaian-annual-report-2024.pdf").path }
    private fun cass(): ScoringScheme = ScoringScheme.embedded("cass-2022").let { s -> s.withWeights(s.unknownWeights().associateWith { BigDecimal.ONE }) }
    private fun organScore(): OrganScore = cass().score(ScoringEvidence("甲", OrganKind.GOVERNMENT, 2024, manual = mapOf("cass-2022.platform" to BigDecimal(90))))
    private val scoringRows: Map<String, () -> List<Case>> = mapOf(
        "ScoringScheme.Companion.embedded" to { vary("name", STRINGS) { ScoringScheme.embedded(it) } },
        "ScoringScheme.Companion.fromJson" to { vary("text", TEXTS) { ScoringScheme.fromJson(it) } },
        "ScoringScheme.Companion.fromPath" to { vary("path", PATHS) { ScoringScheme.fromPath(it) } },
        "ScoringScheme.id" to { once { cass().id() } },
        "ScoringScheme.version" to { once { cass().version() } },
        "ScoringScheme.nameZh" to { once { cass().nameZh() } },
        "ScoringScheme.total" to { once { cass().total() } },
        "ScoringScheme.unknownWeights" to { once { ScoringScheme.embedded("cass-2022").unknownWeights() } },
        "ScoringScheme.withWeights" to {
            vary("weight", DECIMALS) { cass().withWeights(mapOf("cass-2022.platform" to it)) } +
                vary("id", STRINGS) { cass().withWeights(mapOf(it to BigDecimal.ONE)) }
        },
        "ScoringScheme.score" to {
            vary("organ", STRINGS) { cass().score(ScoringEvidence(it, OrganKind.GOVERNMENT, 2024)) } +
                vary("year", INTS) { cass().score(ScoringEvidence("甲", OrganKind.DEPARTMENT, it, listOf(EvidenceFile(scoringDoc, D)))) } +
                vary("documents.path", PATHS) { cass().score(ScoringEvidence("甲", OrganKind.GOVERNMENT, 2024, listOf(EvidenceFile(it)))) } +
                vary("documents.published", orNull(DATES)) { cass().score(ScoringEvidence("甲", OrganKind.GOVERNMENT, 2024, listOf(EvidenceFile(scoringDoc, it)))) } +
                vary("manual", DECIMALS) { cass().score(ScoringEvidence("甲", OrganKind.GOVERNMENT, 2024, manual = mapOf("cass-2022.platform" to it))) } +
                vary("checked", STRINGS) { cass().score(ScoringEvidence("甲", OrganKind.GOVERNMENT, 2024, checked = listOf(it))) } +
                vary("catalogueJson", orNull(TEXTS)) { cass().score(ScoringEvidence("甲", OrganKind.GOVERNMENT, 2024, catalogueJson = it)) } +
                OrganLevel.entries.map { l -> Case("level=$l") { cass().score(ScoringEvidence("甲", OrganKind.GOVERNMENT, 2024, level = l)) } }
        },
        "OrganScore.organ" to { once { organScore().organ() } },
        "OrganScore.year" to { once { organScore().year() } },
        "OrganScore.total" to { once { organScore().total() } },
        "OrganScore.exact" to { once { organScore().exact() } },
        "OrganScore.findings" to { once { organScore().findings() } },
        "OrganScore.explanation" to { once { organScore().explanation() } },
        "OrganScore.toText" to { once { organScore().toText() } },
        "OrganScore.toMarkdown" to { once { organScore().toMarkdown() } },
        "OrganScore.toJson" to { once { organScore().toJson() } },
        "rankScores" to { once { rankScores(listOf(organScore(), organScore())) } },
        "rankingToMarkdown" to {
            vary("organ", STRINGS) { rankingToMarkdown(listOf(Ranked(1u, it, BigDecimal.ONE, false))) } +
                vary("total", DECIMALS) { rankingToMarkdown(listOf(Ranked(1u, "甲", it, false))) }
        },
    )

    // --- disclosure catalogues (issue 15): their rows, joined to the table below
    private val catalogue: DisclosureCatalogue by lazy {
        DisclosureCatalogue.readCsv(data.file("disclosure/catalogue/state_council_000014349.csv").path)
    }
    private val directoryRows: Map<String, () -> List<Case>> = mapOf(
        "DisclosureCatalogue.Companion.fromCsv" to { vary("text", TEXTS) { DisclosureCatalogue.fromCsv(it) } },
        "DisclosureCatalogue.Companion.fromJson" to { vary("text", TEXTS) { DisclosureCatalogue.fromJson(it) } },
        "DisclosureCatalogue.Companion.readCsv" to { vary("path", PATHS) { DisclosureCatalogue.readCsv(it) } },
        "DisclosureCatalogue.Companion.readJson" to { vary("path", PATHS) { DisclosureCatalogue.readJson(it) } },
        "DisclosureCatalogue.Companion.readXlsx" to { vary("path", PATHS) { DisclosureCatalogue.readXlsx(it) } },
        "DisclosureCatalogue.Companion.fromEntries" to {
            val e = catalogue.entries().first()
            vary("index", STRINGS) { DisclosureCatalogue.fromEntries(listOf(e.copy(index = it)), null, null).check(CatalogueCheckOptions()) } +
                vary("formed", orNull(DATES)) { DisclosureCatalogue.fromEntries(listOf(e.copy(formed = it)), "机关", OrganLevel.COUNTY).check(CatalogueCheckOptions()) } +
                vary("published", orNull(DATES)) { DisclosureCatalogue.fromEntries(listOf(e.copy(published = it)), null, null).check(CatalogueCheckOptions()) }
        },
        "DisclosureCatalogue.check" to {
            vary("years", INTS) { catalogue.check(CatalogueCheckOptions(level = OrganLevel.COUNTY, years = listOf(it))) } +
                vary("asOf", orNull(DATES)) { catalogue.check(CatalogueCheckOptions(asOf = it)) } +
                vary("staleAfterDays", UINTS) { catalogue.check(CatalogueCheckOptions(staleAfterDays = it), cal) }
        },
        "DisclosureCatalogue.search" to {
            vary("text", orNull(STRINGS)) { catalogue.search(SearchQuery(text = it)) } +
                vary("from", orNull(DATES)) { catalogue.search(SearchQuery(from = it)) }
        },
        "DisclosureCatalogue.entries" to { once { catalogue.entries() } },
        "DisclosureCatalogue.len" to { once { catalogue.len() } },
        "DisclosureCatalogue.level" to { once { catalogue.level() } },
        "DisclosureCatalogue.organ" to { once { catalogue.organ() } },
        "DisclosureCatalogue.toCsv" to { once { catalogue.toCsv() } },
        "DisclosureCatalogue.toJson" to { once { catalogue.toJson() } },
        "DisclosureCatalogue.withOrgan" to { vary("organ", orNull(STRINGS)) { catalogue.withOrgan(it, null) } },
        "parseIndexNumber" to { vary("text", STRINGS) { parseIndexNumber(it) } },
        "generateIndexNumber" to {
            vary("organ", STRINGS) { generateIndexNumber(it, 2024, 1u) } + vary("year", INTS) { generateIndexNumber("000014349", it, 1u) } +
                vary("serial", UINTS) { generateIndexNumber("000014349", 2024, it) }
        },
        "indexNumberToString" to { vary("serial", STRINGS) { indexNumberToString(parseIndexNumber("000014349/2024-1").copy(serial = it)) } },
    )

    private val rows: Map<String, () -> List<Case>> = mapOf(
        // --- top-level functions
        "changeLogFromChanges" to {
            vary("document", orNull(STRINGS)) { changeLogFromChanges(changes, it, D) } +
                vary("effective", orNull(DATES)) { changeLogFromChanges(changes, "文件", it) }
        },
        "changeLogFromCsv" to { vary("text", TEXTS) { changeLogFromCsv(it) } },
        "changeLogFromCsvWith" to {
            vary("text", TEXTS) { changeLogFromCsvWith(it, InputOptions(quoting = "lenient")) } +
                vary("quoting", STRINGS) { changeLogFromCsvWith(changeLogToCsv(changeRecords), InputOptions(quoting = it)) } +
                vary("maxRows", ULONGS) { changeLogFromCsvWith(changeLogToCsv(changeRecords), InputOptions(maxRows = it)) }
        },
        "changeLogFromJson" to {
            vary("text", TEXTS) { changeLogFromJson(it, null) } +
                vary("maxJsonDepth", ULONGS) { changeLogFromJson("[]", InputOptions(maxJsonDepth = it)) }
        },
        "powerListFromCsvWith" to {
            vary("text", TEXTS) { powerListFromCsvWith(it, InputOptions(quoting = "lenient")) } +
                vary("quoting", STRINGS) { powerListFromCsvWith(power1.toCsv(), InputOptions(quoting = it)) } +
                vary("maxFieldBytes", ULONGS) { powerListFromCsvWith(power1.toCsv(), InputOptions(maxFieldBytes = it)) }
        },
        "powerListReadCsvWith" to {
            vary("path", PATHS) { powerListReadCsvWith(it, InputOptions(quoting = "lenient")) } +
                vary("maxFileBytes", ULONGS) { powerListReadCsvWith(power1Path, InputOptions(maxFileBytes = it)) }
        },
        "powerListFromJsonWith" to {
            vary("text", TEXTS) { powerListFromJsonWith(it, InputOptions()) } +
                vary("maxRows", ULONGS) { powerListFromJsonWith(power1.toJson(), InputOptions(maxRows = it)) }
        },
        "powerListReadJsonWith" to {
            vary("path", PATHS) { powerListReadJsonWith(it, InputOptions()) } +
                vary("maxJsonDepth", ULONGS) { powerListReadJsonWith(powerJsonPath, InputOptions(maxJsonDepth = it)) }
        },
        "annualReportReadTablesWith" to {
            vary("requests", PATHS) { annualReportReadTablesWith(reportFiles.copy(requests = it), InputOptions()) } +
                vary("quoting", STRINGS) { annualReportReadTablesWith(reportFiles, InputOptions(quoting = it)) } +
                vary("maxRows", ULONGS) { annualReportReadTablesWith(reportFiles, InputOptions(maxRows = it)) }
        },
        "annualReportFromJsonWith" to {
            vary("text", TEXTS) { annualReportFromJsonWith(it, InputOptions()) } +
                vary("maxFileBytes", ULONGS) { annualReportFromJsonWith(report.toJson(), InputOptions(maxFileBytes = it)) }
        },
        "calendarWithYearJson" to {
            vary("text", TEXTS) { calendarWithYearJson(cal, it, InputOptions()) } +
                vary("maxFieldBytes", ULONGS) { calendarWithYearJson(cal, yearJson, InputOptions(maxFieldBytes = it)) }
        },
        "ledgerFromCsvWith" to {
            vary("text", TEXTS) { ledgerFromCsvWith(it, InputOptions(quoting = "lenient")) } +
                vary("quoting", STRINGS) { ledgerFromCsvWith(ledger.toCsv(), InputOptions(quoting = it)) }
        },
        "tableFromCsvWith" to {
            vary("text", TEXTS) { tableFromCsvWith(it, AmountUnit.YUAN, InputOptions(quoting = "lenient"), null, null) } +
                vary("quoting", STRINGS) { tableFromCsvWith(table.toCsv(), AmountUnit.WAN_YUAN, InputOptions(quoting = it), null, null) }
        },
        "changeLogToCsv" to {
            vary("records.name", STRINGS) { changeLogToCsv(listOf(changeRecords.first().copy(name = it))) } +
                vary("records.effective", DATES) { changeLogToCsv(listOf(changeRecords.first().copy(effective = it))) }
        },
        "checkDeadline" to {
            vary("deadline.due", DATES) { checkDeadline(deadline.copy(due = it), null, D, cal) } +
                vary("done", orNull(DATES)) { checkDeadline(deadline, it, D, cal) } +
                vary("asOf", DATES) { checkDeadline(deadline, null, it, cal) }
        },
        "checkSpecialFund" to {
            vary("fund.approved", DECIMALS) { checkSpecialFund(fund.copy(approved = it), FundCheckOptions(20u, D)) } +
                vary("fund.year", INTS) { checkSpecialFund(fund.copy(year = it), FundCheckOptions(20u, D)) } +
                vary("disclosureDays", UINTS) { checkSpecialFund(fund, FundCheckOptions(it, D)) } +
                vary("asOf", orNull(DATES)) { checkSpecialFund(fund, FundCheckOptions(20u, it)) }
        },
        "checkSpecialFundList" to {
            vary("publishedTotal", orNull(DECIMALS)) { checkSpecialFundList(fundList.copy(publishedTotal = it), FundCheckOptions(20u, D)) } +
                vary("publishedCount", UINTS) { checkSpecialFundList(fundList.copy(publishedCount = it), FundCheckOptions(20u, D)) } +
                vary("disclosureDays", UINTS) { checkSpecialFundList(fundList, FundCheckOptions(it, null)) }
        },
        "catalogueChange" to { vary("fromYear", INTS) { catalogueChange(Code.functional("20805"), it, 2024) } + vary("toYear", INTS) { catalogueChange(Code.functional("20805"), 2019, it) } },
        "catalogueHistory" to { once { catalogueHistory(Code.functional("20805")) } },
        "catalogueMatchName" to { vary("printed", STRINGS) { catalogueMatchName(Code.functional("2080505"), 2024, it) } + vary("year", INTS) { catalogueMatchName(Code.functional("2080505"), it, "x") } },
        "catalogueName" to { vary("year", INTS) { catalogueName(Code.functional("2080505"), it) } },
        "cataloguePresence" to { vary("year", INTS) { cataloguePresence(Code.functional("2080505"), it) } },
        "chineseNumeral" to { vary("n", UINTS) { chineseNumeral(it) } },
        "citationCanonical" to { vary("citation.law", STRINGS) { citationCanonical(citation.copy(law = it)) } + vary("citation.article", UINTS) { citationCanonical(citation.copy(article = it)) } },
        "convert" to { vary("amount", DECIMALS) { convert(it, AmountUnit.YI_YUAN, AmountUnit.YUAN) } },
        "creditCodeCheckChar" to { vary("first17", STRINGS) { creditCodeCheckChar(it) } },
        "decide" to {
            val info = InfoItem("标题", "机关", D, Category.OTHER, null, null, false, listOf(), false)
            vary("item.formed", DATES) { decide(info.copy(formed = it), cal) } + vary("item.title", STRINGS) { decide(info.copy(title = it), cal) }
        },
        "defaultTolerance" to { once { defaultTolerance() } },
        "disclosureDutyDeadline" to {
            vary("decided", DATES) { disclosureDutyDeadline(duty, it, cal) } +
                vary("duty.workdays", UINTS) { disclosureDutyDeadline(duty.copy(workdays = it), D, cal) }
        },
        "documentsToHtml" to { once { documentsToHtml(listOf(document, document)) } + once { documentsToHtml(listOf()) } },
        "documentsToJson" to { once { documentsToJson(listOf(document)) } + once { documentsToJson(listOf()) } },
        "documentsToText" to { once { documentsToText(listOf(document)) } + once { documentsToText(listOf()) } },
        "exactTolerance" to { once { exactTolerance() } },
        "feeTiers" to { vary("quote.amount", DECIMALS) { feeTiers(fee.copy(amount = it)) } + vary("quote.quantity", UINTS) { feeTiers(fee.copy(quantity = it)) } },
        "filterFindings" to {
            vary("findings.expected", DECIMALS) { filterFindings(listOf(finding.copy(expected = it)), listOf(), null) } +
                vary("rules", STRINGS) { filterFindings(listOf(finding), listOf(it), Severity.ERROR) }
        },
        "findingsToCsv" to { vary("findings.actual", DECIMALS) { findingsToCsv(listOf(finding.copy(actual = it))) } + vary("findings.messageZh", STRINGS) { findingsToCsv(listOf(finding.copy(messageZh = it))) } },
        "findingsToJson" to { vary("findings.difference", DECIMALS) { findingsToJson(listOf(finding.copy(difference = it))) } + vary("findings.page", UINTS) { findingsToJson(listOf(finding.copy(page = it))) } },
        "functionalClassOf" to { vary("name", STRINGS) { functionalClassOf(it, 2024) } + vary("year", orNull(INTS)) { functionalClassOf("教育支出", it) } },
        "headingRoleOf" to { vary("heading", STRINGS) { headingRoleOf(it) } },
        "informationFee" to { vary("quantity", UINTS) { informationFee(FeeMethod.PER_PAGE, it) } + vary("quantity", UINTS) { informationFee(FeeMethod.PER_REQUEST, it) } },
        "isValidCreditCode" to { vary("code", STRINGS) { isValidCreditCode(it) } },
        "parseAmount" to { vary("text", TEXTS) { parseAmount(it) } + listOf(Case("text=100 MB letters") { parseAmount(BIG_LETTERS) }) },
        "parseApplicant" to { vary("text", STRINGS) { parseApplicant(it) } },
        "parseCategory" to { vary("text", STRINGS) { parseCategory(it) } },
        "parseChannel" to { vary("text", STRINGS) { parseChannel(it) } },
        "parseCitation" to { vary("text", TEXTS) { parseCitation(it) } },
        "parseConsultParty" to { vary("text", STRINGS) { parseConsultParty(it) } },
        "parseDisclosureStage" to { vary("text", STRINGS) { parseDisclosureStage(it) } },
        "parseExemptionFact" to { vary("text", STRINGS) { parseExemptionFact(it) } },
        "parseExemptionGround" to { vary("text", STRINGS) { parseExemptionGround(it) } },
        "parseFeeMethod" to { vary("text", STRINGS) { parseFeeMethod(it) } },
        "parseLegalBasis" to { vary("text", TEXTS) { parseLegalBasis(it) } },
        "parseNumeral" to { vary("text", STRINGS) { parseNumeral(it) } + vary("text", listOf("10^20" to "1" + "0".repeat(20), "一万亿亿" to "一万亿亿")) { parseNumeral(it) } },
        "parseOrganLevel" to { vary("text", STRINGS) { parseOrganLevel(it) } },
        "parseOutcome" to { vary("outcome", STRINGS) { parseOutcome(it, null) } + vary("reason", orNull(STRINGS)) { parseOutcome("refused", it) } },
        "parsePublicityKind" to { vary("text", STRINGS) { parsePublicityKind(it) } },
        "parseTimeLimit" to { vary("text", STRINGS) { parseTimeLimit(it) } + vary("text", listOf("huge" to "99999999999个工作日")) { parseTimeLimit(it) } },
        "parseUncovered" to { vary("text", STRINGS) { parseUncovered(it) } },
        "powerItemCell" to { PowerField.entries.flatMap { f -> vary("item.name ($f)", STRINGS) { powerItemCell(item.copy(name = it), f) } } },
        "powerListDiff" to { once { powerListDiff(power1, power2) } + once { powerListDiff(power2, power2) } },
        "proactiveDeadline" to { vary("formed", DATES) { proactiveDeadline(it, cal) } },
        "publicityDeadline" to { vary("decided", DATES) { publicityDeadline(PublicityKind.LICENSING, it, cal) } },
        "readDocument" to {
            vary("path", PATHS) { readDocument(it, DocumentOptions()) } +
                vary("encoding", orNull(STRINGS)) { readDocument(tablePath, DocumentOptions(encoding = it)) } +
                vary("year", orNull(INTS)) { readDocument(tablePath, DocumentOptions(year = it)) } +
                vary("input.quoting", STRINGS) { readDocument(tablePath, DocumentOptions(input = InputOptions(quoting = it))) } +
                vary("input.maxRows", ULONGS) { readDocument(tablePath, DocumentOptions(input = InputOptions(maxRows = it))) }
        },
        "share" to {
            vary("part", DECIMALS) { share(it, BigDecimal.ONE, 1u) } + vary("whole", DECIMALS) { share(BigDecimal.ONE, it, 1u) } +
                vary("places", UINTS) { share(BigDecimal.ONE, BigDecimal("3"), it) }
        },
        "rules" to { once { rules() } },
        "sortFindings" to { vary("findings.expected", DECIMALS) { sortFindings(listOf(finding, finding.copy(expected = it))) } },
        "tableKindOf" to { vary("title", STRINGS) { tableKindOf(it) } },
        "timeLimitExceeds" to { vary("limit.days", UINTS) { timeLimitExceeds(limit.copy(days = it), limit) } },
        "withdrawalDeadline" to { vary("changed", DATES) { withdrawalDeadline(it, cal) } },
        // --- AnnualReport
        "AnnualReport.Companion.build" to {
            vary("year", INTS) { AnnualReport.build(ReportInput(it, null, listOf(request()), null, null)) } +
                vary("proactive.value", DECIMALS) {
                    AnnualReport.build(ReportInput(2024, null, null, listOf(ProactiveCell(ProactiveRow.entries.first(), ProactiveColumn.entries.first(), it)), null))
                } +
                vary("reviews.count", LONGS) {
                    AnnualReport.build(ReportInput(2024, null, null, null, listOf(ReviewCount(ReviewBlock.REVIEW, ReviewColumn.entries.first(), it))))
                }
        },
        "AnnualReport.Companion.fromJson" to { vary("text", TEXTS) { AnnualReport.fromJson(it) } },
        "AnnualReport.Companion.readTables" to {
            vary("requests", PATHS) { AnnualReport.readTables(reportFiles.copy(requests = it)) } +
                vary("year", orNull(INTS)) { AnnualReport.readTables(reportFiles.copy(year = it)) }
        },
        "AnnualReport.check" to { once { report.check(report) } + once { report.check(null) } },
        "AnnualReport.correctionRate" to { vary("places", UINTS) { report.correctionRate(ReviewBlock.REVIEW, it) } },
        "AnnualReport.format" to { once { report.format() } },
        "AnnualReport.requestCount" to { RequestRow.entries.flatMap { r -> RequestColumn.entries.map { c -> Case("$r/$c") { report.requestCount(r, c) } } } },
        "AnnualReport.table" to { ReportTableKind.entries.map { k -> Case("$k") { report.table(k) } } },
        "AnnualReport.tableCsv" to { ReportTableKind.entries.map { k -> Case("$k") { report.tableCsv(k) } } },
        "AnnualReport.tableHtml" to { ReportTableKind.entries.map { k -> Case("$k") { report.tableHtml(k) } } },
        "AnnualReport.tableJson" to { ReportTableKind.entries.map { k -> Case("$k") { report.tableJson(k) } } },
        "AnnualReport.tableMarkdown" to { ReportTableKind.entries.map { k -> Case("$k") { report.tableMarkdown(k) } } },
        "AnnualReport.toHtml" to { once { report.toHtml() } },
        "AnnualReport.toJson" to { once { report.toJson() } },
        "AnnualReport.toMarkdown" to { once { report.toMarkdown() } },
        "AnnualReport.year" to { once { report.year() } },
        // --- Code
        "Code.Companion.economic" to { vary("text", STRINGS) { Code.economic(it) } },
        "Code.Companion.economicSplit" to { vary("parts", STRINGS) { Code.economicSplit(listOf("301", it)) } + once { Code.economicSplit(listOf()) } },
        "Code.Companion.functional" to { vary("text", STRINGS) { Code.functional(it) } + vary("text", listOf("long" to "2".repeat(10_000))) { Code.functional(it) } },
        "Code.Companion.functionalSplit" to { vary("parts", STRINGS) { Code.functionalSplit(listOf("201", it)) } + once { Code.functionalSplit(listOf()) } },
        "Code.Companion.parse" to { Scheme.entries.flatMap { s -> vary("text ($s)", STRINGS) { Code.parse(s, it) } } },
        "Code.Companion.revenue" to { vary("text", STRINGS) { Code.revenue(it) } },
        "Code.Companion.revenueSplit" to { vary("parts", STRINGS) { Code.revenueSplit(listOf("101", it)) } + once { Code.revenueSplit(listOf()) } },
        "Code.ancestors" to { once { Code.functional("2010101").ancestors() } },
        "Code.digits" to { once { Code.functional("201").digits() } },
        "Code.isAncestorOf" to { once { Code.functional("201").isAncestorOf(Code.revenue("101")) } },
        "Code.level" to { once { Code.functional("201").level() } },
        "Code.levelName" to { once { Code.functional("201").levelName() } },
        "Code.parent" to { once { Code.functional("201").parent() } },
        "Code.scheme" to { once { Code.functional("201").scheme() } },
        "Code.split" to { once { Code.functional("2010101").split() } },
        // --- DisclosureDocument
        "DisclosureDocument.<init>" to {
            once { DisclosureDocument(listOf(), listOf()) } +
                vary("narrative.amount", DECIMALS) {
                    DisclosureDocument(listOf(table), listOf(NarrativeFigure(TableKind.BUDGET_GENERAL_FUNCTIONAL, "合计", it, AmountUnit.WAN_YUAN, null, "")))
                } +
                vary("narrative.row", STRINGS) {
                    DisclosureDocument(listOf(table), listOf(NarrativeFigure(TableKind.BUDGET_GENERAL_FUNCTIONAL, it, BigDecimal.ONE, AmountUnit.WAN_YUAN, null, "")))
                }
        },
        "DisclosureDocument.check" to { vary("tolerance.yuan", orNull(DECIMALS)) { DisclosureDocument(listOf(table), listOf()).check(TableCheckOptions(true, true, Tolerance(it, null, null))) } },
        "DisclosureDocument.phase" to { once { DisclosureDocument(listOf(table), listOf()).phase() } },
        "DisclosureDocument.table" to { TableKind.entries.map { k -> Case("$k") { DisclosureDocument(listOf(table), listOf()).table(k) } } },
        "DisclosureDocument.tables" to { once { DisclosureDocument(listOf(table), listOf()).tables() } },
        // --- DisclosureRequest (a fresh request per case)
        "DisclosureRequest.<init>" to {
            vary("received", DATES) { DisclosureRequest(it, Channel.ONLINE, Applicant.NATURAL_PERSON) } +
                vary("submitted", orNull(DATES)) { DisclosureRequest(D, Channel.ONLINE, Applicant.NATURAL_PERSON, it) } +
                vary("reference", STRINGS) { DisclosureRequest(D, Channel.ONLINE, Applicant.NATURAL_PERSON, null, it, it) }
        },
        "DisclosureRequest.answer" to { vary("on", DATES) { request().answer(it, Outcome.Granted, cal) } },
        "DisclosureRequest.applicant" to { once { request().applicant() } },
        "DisclosureRequest.carryOver" to { vary("year", INTS) { request().carryOver(it, cal) } },
        "DisclosureRequest.channel" to { once { request().channel() } },
        "DisclosureRequest.dueDate" to { once { request().dueDate(cal) } + once { request().dueDate(null) } },
        "DisclosureRequest.endConsultation" to { vary("on", DATES) { request().also { r -> r.startConsultation(D, ConsultParty.THIRD_PARTY, cal) }.endConsultation(it, cal) } },
        "DisclosureRequest.events" to { once { request().events() } },
        "DisclosureRequest.extend" to { vary("on", DATES) { request().extend(it, 20u, cal) } + vary("workdays", UINTS) { request().extend(D, it, cal) } },
        "DisclosureRequest.feeNotice" to { vary("on", DATES) { request().feeNotice(it, BigDecimal.TEN, cal) } + vary("amount", DECIMALS) { request().feeNotice(D, it, cal) } },
        "DisclosureRequest.findings" to { vary("asOf", DATES) { request().findings(it, cal) } },
        "DisclosureRequest.payFee" to { vary("on", DATES) { request().also { r -> r.feeNotice(D, BigDecimal.TEN, cal) }.payFee(it, cal) } },
        "DisclosureRequest.receiveCorrection" to { vary("on", DATES) { request().also { r -> r.requestCorrection(D, cal) }.receiveCorrection(it, cal) } },
        "DisclosureRequest.received" to { once { request().received() } },
        "DisclosureRequest.reference" to { once { request().reference() } },
        "DisclosureRequest.requestCorrection" to { vary("on", DATES) { request().requestCorrection(it, cal) } },
        "DisclosureRequest.startConsultation" to { vary("on", DATES) { request().startConsultation(it, ConsultParty.OTHER_ORGAN, cal) } },
        "DisclosureRequest.status" to { vary("asOf", DATES) { request().status(it, cal) } },
        "DisclosureRequest.timeline" to { once { request().timeline(cal) } },
        "DisclosureRequest.withdraw" to { vary("on", DATES) { request().withdraw(it, cal) } },
        // --- Document
        "Document.Companion.read" to {
            vary("path", PATHS) { Document.read(it, DocumentOptions()) } +
                vary("encoding", STRINGS) { Document.read(tablePath, DocumentOptions(encoding = it)) } +
                vary("year", INTS) { Document.read(tablePath, DocumentOptions(year = it)) } +
                vary("input.maxFileBytes", ULONGS) { Document.read(tablePath, DocumentOptions(input = InputOptions(maxFileBytes = it))) } +
                vary("check.tolerance.yuan", DECIMALS) { Document.read(tablePath, DocumentOptions(check = TableCheckOptions(true, true, Tolerance(it, null, null)))) }
        },
        "Document.check" to {
            once { document.check(null, null) } + once { document.check(document, document) } +
                once { document.check(document, null) }
        },
        "Document.withChecks" to { once { document.withChecks(null, null) } + once { document.withChecks(document, document) } },
        "Document.errorCount" to { once { document.errorCount() } },
        "Document.findings" to { once { document.findings() } },
        "Document.issuer" to { once { document.issuer() } },
        "Document.kind" to { once { document.kind() } },
        "Document.missing" to { once { document.missing() } },
        "Document.narrative" to { once { document.narrative() } },
        "Document.path" to { once { document.path() } },
        "Document.tables" to { once { document.tables() } },
        "Document.tablesCsv" to { once { document.tablesCsv() } },
        "Document.tablesJson" to { once { document.tablesJson() } },
        "Document.toHtml" to { once { document.toHtml() } },
        "Document.toJson" to { once { document.toJson() } },
        "Document.toText" to { once { document.toText() } },
        "Document.unit" to { once { document.unit() } },
        "Document.year" to { once { document.year() } },
        // --- Ledger
        "Ledger.Companion.concat" to { once { Ledger.concat(listOf()) } + once { Ledger.concat(listOf(ledger, ledger)) } },
        "Ledger.Companion.fromCsv" to { vary("text", TEXTS) { Ledger.fromCsv(it) } },
        "Ledger.Companion.fromJson" to { vary("text", TEXTS) { Ledger.fromJson(it) } },
        "Ledger.Companion.fromRecords" to {
            vary("year", INTS) { Ledger.fromRecords(listOf(line.copy(year = it))) } +
                vary("amount", DECIMALS) { Ledger.fromRecords(listOf(line.copy(amount = it))) } +
                vary("functional", STRINGS) { Ledger.fromRecords(listOf(line.copy(functional = it))) } +
                vary("unit", STRINGS) { Ledger.fromRecords(listOf(line.copy(unit = it))) }
        },
        "Ledger.Companion.readCsv" to {
            vary("path", PATHS) { Ledger.readCsv(it) } +
                vary("path (with a listener)", PATHS) { Ledger.readCsv(it, null, LISTENERS.first().second) } +
                vary("listener", LISTENERS) { Ledger.readCsv(ledgerPath, null, it) }
        },
        "Ledger.compact" to { once { ledger.compact() } + once { Ledger.concat(listOf()).compact() } },
        "Ledger.checkCatalog" to { vary("year", orNull(INTS)) { ledger.checkCatalog(it, false) } },
        "Ledger.compare" to {
            vary("base", INTS) { ledger.compare(CompareOptions(CompareAxis.Year(it, 2026), rollupOptions.copy(by = listOf()), 2u)) } +
                vary("places", UINTS) { ledger.compare(CompareOptions(CompareAxis.Phase(Phase.BUDGET, Phase.FINAL), rollupOptions.copy(by = listOf()), it)) }
        },
        "Ledger.fiscalDataPackage" to { vary("name", STRINGS) { ledger.fiscalDataPackage(it, null) } + vary("title", orNull(STRINGS)) { ledger.fiscalDataPackage("x", it) } },
        "Ledger.isEmpty" to { once { ledger.isEmpty() } },
        "Ledger.len" to { once { ledger.len() } },
        "Ledger.lines" to { once { ledger.lines() } },
        "Ledger.rollup" to { once { ledger.rollup(rollupOptions) } + once { ledger.rollup(RollupOptions(listOf(), Hierarchy.ECONOMIC, Subtotals.CHECK)) } },
        "Ledger.select" to {
            GroupKey.entries.flatMap { k -> vary("filters.value ($k)", STRINGS) { ledger.select(listOf(GroupFilter(k, it)), null) } } +
                vary("under", orNull(STRINGS)) { ledger.select(listOf(), it) }
        },
        "Ledger.toCsv" to { once { ledger.toCsv() } },
        "Ledger.toJson" to { once { ledger.toJson() } },
        "Ledger.writeFiscalDataPackage" to { vary("directory", OUT_PATHS) { ledger.writeFiscalDataPackage(it, "x", null) } + vary("name", STRINGS) { ledger.writeFiscalDataPackage(File(tmp, "fdp").path, it, null) } },
        // --- PowerList
        "PowerList.Companion.fromCsv" to { vary("text", TEXTS) { PowerList.fromCsv(it) } },
        "PowerList.Companion.fromItems" to {
            vary("effective", orNull(DATES)) { PowerList.fromItems(listOf(item), "机关", it) } +
                vary("item.name", STRINGS) { PowerList.fromItems(listOf(item.copy(name = it)), null, null) }
        },
        "PowerList.Companion.fromJson" to { vary("text", TEXTS) { PowerList.fromJson(it) } },
        "PowerList.Companion.readCsv" to { vary("path", PATHS) { PowerList.readCsv(it) } },
        "PowerList.Companion.readJson" to { vary("path", PATHS) { PowerList.readJson(it) } },
        "PowerList.check" to { once { power1.check() } },
        "PowerList.diff" to { once { power1.diff(power1) } },
        "PowerList.disclosureDuties" to {
            vary("changeWorkdays", UINTS) { power2.disclosureDuties(DutyOptions(it, null, changeRecords), cal) } +
                vary("changes.effective", DATES) { power2.disclosureDuties(DutyOptions(20u, null, listOf(changeRecords.first().copy(effective = it))), cal) } +
                vary("effective", DATES) { power2.withVersion(null, it).disclosureDuties(DutyOptions(20u, null, listOf()), cal) }
        },
        "PowerList.effective" to { once { power1.effective() } },
        "PowerList.find" to { vary("code", STRINGS) { power1.find(it) } },
        "PowerList.isEmpty" to { once { power1.isEmpty() } },
        "PowerList.items" to { once { power1.items() } },
        "PowerList.len" to { once { power1.len() } },
        "PowerList.organ" to { once { power1.organ() } },
        "PowerList.toCsv" to { once { power1.toCsv() } + vary("item.name", STRINGS) { PowerList.fromItems(listOf(item.copy(name = it)), null, null).toCsv() } },
        "PowerList.toJson" to { once { power1.toJson() } },
        "PowerList.withVersion" to { vary("organ", orNull(STRINGS)) { power1.withVersion(it, D) } + vary("effective", orNull(DATES)) { power1.withVersion(null, it) } },
        // --- PublishedTable
        "PublishedTable.Companion.fromCsv" to {
            vary("text", TEXTS) { PublishedTable.fromCsv(it, AmountUnit.YUAN, null, null) } +
                vary("title", orNull(STRINGS)) { PublishedTable.fromCsv(table.toCsv(), AmountUnit.WAN_YUAN, null, it) }
        },
        "PublishedTable.Companion.fromJson" to { vary("text", TEXTS) { PublishedTable.fromJson(it) } + listOf(Case("text=100 MB digits") { PublishedTable.fromJson(BIG_DIGITS) }) },
        "PublishedTable.Companion.fromLedger" to {
            vary("places", orNull(UINTS)) { PublishedTable.fromLedger(ledger, RenderOptions(TableKind.BUDGET_GENERAL_FUNCTIONAL, AmountUnit.WAN_YUAN, it, null, false)) } +
                vary("title", orNull(STRINGS)) { PublishedTable.fromLedger(ledger, RenderOptions(null, AmountUnit.YUAN, null, it, true)) }
        },
        "PublishedTable.Companion.readCsv" to { vary("path", PATHS) { PublishedTable.readCsv(it, AmountUnit.YUAN, null, null) } },
        "PublishedTable.Companion.readJson" to { vary("path", PATHS) { PublishedTable.readJson(it) } },
        "PublishedTable.check" to { vary("tolerance.wanYuan", orNull(DECIMALS)) { table.check(TableCheckOptions(true, true, Tolerance(null, it, null))) } },
        "PublishedTable.columns" to { once { table.columns() } },
        "PublishedTable.kind" to { once { table.kind() } },
        "PublishedTable.rows" to { once { table.rows() } },
        "PublishedTable.title" to { once { table.title() } },
        "PublishedTable.toCsv" to { once { table.toCsv() } },
        "PublishedTable.toJson" to { once { table.toJson() } },
        "PublishedTable.toLedger" to {
            vary("year", INTS) { table.toLedger(TableLedgerOptions(it, "某单位", Book.GENERAL, null, false, null)) } +
                vary("unit", STRINGS) { table.toLedger(TableLedgerOptions(2026, it, Book.GENERAL, null, false, null)) } +
                vary("tolerance.yuan", DECIMALS) { table.toLedger(TableLedgerOptions(2026, "某单位", Book.GENERAL, null, false, Tolerance(it, null, null))) }
        },
        "PublishedTable.unit" to { once { table.unit() } },
        // --- Rollup
        "Rollup.amount" to {
            vary("code", STRINGS) { ledger.rollup(rollupOptions).amount(it, listOf()) } +
                vary("filters.value", STRINGS) { ledger.rollup(rollupOptions).amount("201", listOf(GroupFilter(GroupKey.YEAR, it))) }
        },
        "Rollup.findings" to { once { ledger.rollup(rollupOptions).findings() } },
        "Rollup.records" to { once { ledger.rollup(rollupOptions).records() } },
        "Rollup.total" to { vary("filters.value", STRINGS) { ledger.rollup(rollupOptions).total(listOf(GroupFilter(GroupKey.YEAR, it))) } },
        // --- WorkCalendar
        "WorkCalendar.Companion.china" to { once { WorkCalendar.china() } },
        "WorkCalendar.Companion.weekendsOnly" to { once { WorkCalendar.weekendsOnly() } },
        "WorkCalendar.addWorkdays" to {
            vary("date", DATES) { cal.addWorkdays(it, 5L) } +
                vary("n", LONGS.filter { (label, _) -> Pair("WorkCalendar.addWorkdays", label) !in KNOWN_SLOW }) { cal.addWorkdays(D, it) }
        },
        "WorkCalendar.coveredYears" to { once { cal.coveredYears() } },
        "WorkCalendar.day" to { vary("date", DATES) { WorkCalendar.china().day(it) } },
        "WorkCalendar.days" to { vary("year", INTS) { WorkCalendar.china().days(it) } },
        "WorkCalendar.isCovered" to { vary("year", INTS) { WorkCalendar.china().isCovered(it) } },
        "WorkCalendar.isWorkday" to { vary("date", DATES) { cal.isWorkday(it) } },
        "WorkCalendar.nextWorkday" to { vary("date", DATES) { cal.nextWorkday(it) } },
        "WorkCalendar.uncovered" to { once { cal.uncovered() } },
        "WorkCalendar.withLocal" to {
            vary("holidays", DATES) { cal.withLocal(LocalCalendar("本地", listOf(it), listOf())) } +
                vary("name", STRINGS) { cal.withLocal(LocalCalendar(it, listOf(D), listOf())) }
        },
        "WorkCalendar.withUncovered" to { Uncovered.entries.map { u -> Case("$u") { cal.withUncovered(u) } } },
        "WorkCalendar.withYearJson" to {
            vary("text", TEXTS) { cal.withYearJson(it) } +
                vary("year", INTS) { cal.withYearJson(yearJson.replace("\"year\": 2026", "\"year\": $it")) }
        },
        "WorkCalendar.workdayOnOrAfter" to { vary("date", DATES) { cal.workdayOnOrAfter(it) } },
        "WorkCalendar.workdaysBetween" to { vary("a", DATES) { cal.workdaysBetween(it, D) } + vary("b", DATES) { WorkCalendar.china().workdaysBetween(D, it) } },
        // --- record methods
        "LegacyStatistics.channelShare" to { vary("places", UINTS) { legacy.channelShare(LegacyChannel.IN_PERSON, it) } + vary("requests", LONGS) { legacy.copy(requests = it).channelShare(LegacyChannel.IN_PERSON, 1u) } },
        "LegacyStatistics.check" to { vary("reviews", LONGS) { legacy.copy(reviews = it).check() } + vary("year", orNull(INTS)) { legacy.copy(year = it).check() } },
        "LegacyStatistics.reviewCorrectionRate" to { vary("places", UINTS) { legacy.reviewCorrectionRate(it) } + vary("reviewsCorrected", LONGS) { legacy.copy(reviewsCorrected = it).reviewCorrectionRate(1u) } },
        "LegacyStatistics.suitCorrectionRate" to { vary("places", UINTS) { legacy.suitCorrectionRate(it) } + vary("suits", LONGS) { legacy.copy(suits = it).suitCorrectionRate(1u) } },
        "SpecialFund.allocated" to { vary("allocation.amount", DECIMALS) { fund.copy(allocations = listOf(allocation, allocation.copy(amount = it))).allocated() } },
        "SpecialFund.check" to {
            vary("stage.date", DATES) { fund.copy(stages = listOf(StageDate(FundStage.APPROVAL, it))).check(FundCheckOptions(20u, D)) } +
                vary("disclosureDays", UINTS) { fund.check(FundCheckOptions(it, D)) }
        },
        "SpecialFundList.check" to { vary("asOf", orNull(DATES)) { fundList.check(FundCheckOptions(20u, it)) } },
        "SpecialFundList.total" to { vary("fund.approved", DECIMALS) { fundList.copy(funds = listOf(fund, fund.copy(approved = it))).total() } },
        "Tolerance.allowed" to { vary("cells", UINTS) { defaultTolerance().allowed(AmountUnit.YI_YUAN, it) } + vary("yiYuan", DECIMALS) { Tolerance(null, null, it).allowed(AmountUnit.YI_YUAN, 3u) } },
        "Tolerance.step" to { vary("wanYuan", DECIMALS) { Tolerance(null, it, null).step(AmountUnit.WAN_YUAN) } },
        "Tolerance.sumAllowed" to { vary("addends", UINTS) { defaultTolerance().sumAllowed(AmountUnit.YI_YUAN, it) } },
        // --- issue 15 (area15): guide, key-area checklists, OCDS, interpretations
        "KeyAreaChecklist.Companion.embedded" to { once { KeyAreaChecklist.embedded() } },
        "KeyAreaChecklist.Companion.fromJson" to { vary("text", TEXTS) { KeyAreaChecklist.fromJson(it) } },
        "KeyAreaChecklist.Companion.fromPath" to { vary("path", PATHS) { KeyAreaChecklist.fromPath(it) } },
        "KeyAreaChecklist.id" to { once { KeyAreaChecklist.embedded().id() } },
        "KeyAreaChecklist.version" to { once { KeyAreaChecklist.embedded().version() } },
        "KeyAreaChecklist.areaNames" to { once { KeyAreaChecklist.embedded().areaNames() } },
        "KeyAreaChecklist.itemIds" to { once { KeyAreaChecklist.embedded().itemIds() } },
        "KeyAreaChecklist.toJson" to { once { KeyAreaChecklist.embedded().toJson() } },
        "KeyAreaChecklist.check" to {
            val list = KeyAreaChecklist.embedded()
            val organ = Organ("某县", OrganLevel.COUNTY, OrganKind.GOVERNMENT)
            val entry = CatalogueEntry(category = Category.OTHER, index = "1", title = "某县2024年政府预算公开", formed = D, published = D)
            val fact = PublishedFact("budget.government_budget", "t", D, D, null, null, null)
            vary("year", INTS) { list.check(listOf(entry), listOf(fact), organ, it, cal) } +
                vary("entry.title", STRINGS) { list.check(listOf(entry.copy(title = it)), listOf(), organ, 2024, cal) } +
                vary("entry.formed", orNull(DATES)) { list.check(listOf(entry.copy(formed = it)), listOf(), organ, 2024, cal) } +
                vary("fact.published", orNull(DATES)) { list.check(listOf(), listOf(fact.copy(published = it)), organ, 2024, cal) } +
                vary("fact.amount", orNull(DECIMALS)) { list.check(listOf(), listOf(fact.copy(amount = it)), organ, 2024, cal) } +
                vary("organ.name", STRINGS) { list.check(listOf(entry), listOf(), organ.copy(name = it), 2024, cal) }
        },
        "readGuide" to { vary("text", TEXTS) { readGuide(it) } },
        "checkGuide" to {
            vary("text", STRINGS) { checkGuide(DisclosureGuide(listOf(GuideFinding(GuideElement.FAX, false, 1uL, it)))) } +
                vary("line", ULONGS) { checkGuide(DisclosureGuide(listOf(GuideFinding(GuideElement.FAX, false, it, "x")))) }
        },
        "readOcds" to {
            vary("text", TEXTS) { readOcds(it, ocdsPublicResources()) } +
                vary("mapping.award", STRINGS) { readOcds("{\"awards\": [{}]}", ocdsPublicResources().copy(award = it)) }
        },
        "ocdsPublicResources" to { once { ocdsPublicResources() } },
        "ocdsMajorProjects" to { once { ocdsMajorProjects() } },
        "nationalInterpretationOptions" to { once { nationalInterpretationOptions() } },
        "pairInterpretations" to {
            vary("entry.title", STRINGS) { pairInterpretations(listOf(CatalogueEntry(index = "", title = it, category = Category.REGULATIONS), CatalogueEntry(category = Category.OTHER, index = "", title = it + "解读"))) } +
                vary("entry.documentNumber", orNull(STRINGS)) { pairInterpretations(listOf(CatalogueEntry(category = Category.OTHER, index = "", title = "办法", documentNumber = it))) } +
                vary("entry.published", orNull(DATES)) { pairInterpretations(listOf(CatalogueEntry(category = Category.REGULATIONS, index = "", title = "办法", published = it))) }
        },
        "checkInterpretations" to {
            val p = Policy(CatalogueEntry(index = "", title = "办法", category = Category.REGULATIONS, published = D), listOf(CatalogueEntry(category = Category.OTHER, index = "", title = "解读", published = D)))
            vary("policy.published", orNull(DATES)) { checkInterpretations(listOf(p.copy(policy = p.policy.copy(published = it))), nationalInterpretationOptions(), cal) } +
                vary("workdays", UINTS) { checkInterpretations(listOf(p), InterpretationOptions(it, "r"), cal) }
        },
        "interpretationCounts" to {
            val p = Policy(CatalogueEntry(index = "", title = "办法", category = Category.REGULATIONS, published = D), listOf(CatalogueEntry(category = Category.OTHER, index = "", title = "解读", published = D)))
            vary("interpretation.published", orNull(DATES)) { interpretationCounts(listOf(p.copy(interpretations = listOf(p.interpretations[0].copy(published = it)))), nationalInterpretationOptions(), cal) } +
                vary("workdays", UINTS) { interpretationCounts(listOf(p), InterpretationOptions(it, "r"), cal) }
        },
        "parseOrganKind" to { vary("text", STRINGS) { parseOrganKind(it) } },
        "parseGuideElement" to { vary("text", STRINGS) { parseGuideElement(it) } },
    ) + scoringRows + directoryRows

    /** Every exported function and method of the compiled bindings, as the table names them. */
    private fun exported(): Set<String> {
        val names = sortedSetOf<String>()
        fun kotlinName(m: java.lang.reflect.Method) = m.name.substringBefore('-') // UInt parameters mangle the JVM name
        // what every data class and object has, and the generated helpers (`use`, `uniffi…`)
        val standard = Regex("^(component\\d+|copy|equals|hashCode|toString|destroy|close|use|get[A-Z].*|set[A-Z].*|uniffi.*)$")
        fun own(m: java.lang.reflect.Method) = Modifier.isPublic(m.modifiers) && !m.isSynthetic && '$' !in m.name && !standard.matches(kotlinName(m))
        // the functions and objects of bindings-mobile (package sunlit) and the core's records,
        // enums and their methods (package sunlit.core, from the core's `uniffi` feature)
        for (facade in listOf("sunlit.Sunlit_mobileKt", "sunlit.core.SunlitKt")) {
            val cls = runCatching { Class.forName(facade) }.getOrNull() ?: continue
            for (m in cls.declaredMethods) {
                if (own(m) && Modifier.isStatic(m.modifiers)) names += kotlinName(m)
            }
        }
        val root = File(sunlit.Disposable::class.java.protectionDomain.codeSource.location.toURI())
        for (pkg in listOf("sunlit", "sunlit.core")) for (f in root.resolve(pkg.replace('.', '/')).listFiles().orEmpty()) {
            val simple = f.name.removeSuffix(".class")
            if (!f.name.endsWith(".class") || '$' in simple) continue
            val cls = Class.forName("$pkg.$simple")
            val iface = runCatching { Class.forName("$pkg.${simple}Interface") }.getOrNull()
            val disposable = Class.forName("$pkg.Disposable")
            if (iface != null && disposable.isAssignableFrom(cls) && !cls.isInterface) {
                // an object: its methods, its constructors and its named constructors
                iface.declaredMethods.filter { own(it) }.forEach { names += "$simple.${kotlinName(it)}" }
                if (cls.constructors.any { c -> c.parameterTypes.none { it.name.startsWith("$pkg.Uniffi") || it.name == "$pkg.NoHandle" || it.name == "kotlin.jvm.internal.DefaultConstructorMarker" } && c.parameterCount > 0 }) {
                    names += "$simple.<init>"
                }
                val companion = runCatching { Class.forName("$pkg.$simple\$Companion") }.getOrNull()
                companion?.declaredMethods?.filter { own(it) }?.forEach { names += "$simple.Companion.${kotlinName(it)}" }
            } else if (cls.declaredMethods.any { it.name == "component1" } && !cls.isInterface) {
                // a record: the methods it carries besides those of a data class
                cls.declaredMethods
                    .filter { own(it) && !Modifier.isStatic(it.modifiers) }
                    .forEach { names += "$simple.${kotlinName(it)}" }
            }
        }
        return names
    }

    @Test
    fun everyExportHasARow() {
        val exported = exported()
        assertEquals(emptySet<String>(), exported - rows.keys, "exported without a hostile-input row")
        assertEquals(emptySet<String>(), rows.keys - exported, "rows for names the bindings do not export")
    }

    private fun outcome(entry: String, case: Case): String? =
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(CASE_SECONDS), ThrowingSupplier<String?> {
                val seen = outcomes.getOrPut(entry) { sortedSetOf() }
                try {
                    case.run()
                    seen += "ok"
                    null
                } catch (e: SunlitException) {
                    seen += e::class.java.name.substringAfterLast('.').replace('$', '.')
                    null
                } catch (e: java.nio.charset.CharacterCodingException) {
                    // known gap: the generated code encodes a String with a lone surrogate as UTF-8
                    // before sunlit sees it, and reports it as MalformedInputException
                    seen += "${e::class.simpleName} (known gap)"
                    if (SURROGATE_GAP && "surrogate" in case.label) null else "${case.label}: ${e::class.qualifiedName}: ${e.message}"
                } catch (e: Throwable) {
                    "${case.label}: ${e::class.qualifiedName}: ${e.message?.take(200)}"
                }
            })
        } catch (e: Throwable) {
            "${case.label}: ${e::class.qualifiedName}: ${e.message?.take(200)}"
        }

    @TestFactory
    fun hostileValuesGiveASunlitExceptionOrAResult(): List<DynamicTest> =
        rows.entries.sortedBy { it.key }.map { (name, cases) ->
            DynamicTest.dynamicTest(name) {
                val failures = cases().mapNotNull { outcome(name, it) }
                assertTrue(failures.isEmpty(), "$name:\n" + failures.joinToString("\n"))
            }
        }
}

/**
 * Known gap: uniffi's generated Kotlin encodes every String argument to UTF-8 with a reporting
 * encoder, so a String holding a lone surrogate (the JVM form of invalid UTF-8) raises
 * java.nio.charset.MalformedInputException in the generated code, before sunlit runs. Set to
 * false to see the cases.
 */
const val SURROGATE_GAP = true

/** Cases left out, each with the defect it shows; re-enable once fixed. */
// Cases once skipped for a slow core are re-enabled: years outside 1949–9999 are refused, so
// addWorkdays(2^31) fails at once (tests/tests/calendar.rs huge_counts_are_refused_without_walking_the_years).
val KNOWN_SLOW: Map<Pair<String, String>, String> = emptyMap()
