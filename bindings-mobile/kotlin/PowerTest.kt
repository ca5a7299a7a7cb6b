package sunlit.test

import java.time.LocalDate
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import sunlit.core.DutyKind
import sunlit.DutyOptions
import sunlit.core.ExercisingLevel
import sunlit.core.LimitUnit
import sunlit.core.PowerCategory
import sunlit.core.PowerChange
import sunlit.core.PowerChangeKind
import sunlit.core.PowerField
import sunlit.PowerList
import sunlit.core.RiskGrade
import sunlit.core.Severity
import sunlit.core.SunlitException
import sunlit.WorkCalendar
import sunlit.changeLogFromChanges
import sunlit.changeLogFromCsv
import sunlit.changeLogToCsv
import sunlit.chineseNumeral
import sunlit.citationCanonical
import sunlit.creditCodeCheckChar
import sunlit.disclosureDutyDeadline
import sunlit.isValidCreditCode
import sunlit.parseCitation
import sunlit.parseLegalBasis
import sunlit.parseNumeral
import sunlit.parseTimeLimit
import sunlit.powerItemCell
import sunlit.powerListDiff
import sunlit.timeLimitExceeds

class PowerTest {
    private val v1 = "power/list_v1.csv"
    private val v2 = "power/list_v2.csv"
    private val header = "序号,权力分类,事项名称,设定依据,行使层级,实施主体性质,法定办结时限,承诺办结时限,是否收费,风险环节,风险等级"
    private val good = "2,行政许可,乙,《行政许可法》第十二条,省级,法定机关,20个工作日,10个工作日,否,,"

    private fun unescape(s: String) = s.replace("\\n", "\n")
    private fun split(s: String, sep: String = "|") = if (s.isEmpty()) listOf() else s.split(sep)
    private fun num(s: String) = if (s.isEmpty()) null else s.toUInt()

    @Test
    fun v1ReadsEveryCategoryFromAliasedHeaders() {
        val pl = PowerList.readCsv(TestData.file(v1).path)
        assertEquals(36UL, pl.len())
        val items = pl.items()
        assertEquals(PowerCategory.entries.toSet(), items.map { it.category }.toSet())
        val first = items[0]
        assertEquals("公路建设项目施工许可", first.name)
        assertEquals(listOf("受理", "审查", "决定", "送达"), first.procedure)
        assertEquals(20u, first.statutoryLimit?.days)
        assertEquals(LimitUnit.WORKING_DAYS, first.statutoryLimit?.unit)
        assertEquals(listOf(RiskGrade.HIGH, RiskGrade.MEDIUM), first.riskPoints.map { it.grade })
        assertEquals(listOf(ExercisingLevel.MUNICIPAL), first.levels)
        assertEquals("同意", first.extra["审核组意见"])
        assertEquals("20个工作日", powerItemCell(first, PowerField.STATUTORY_LIMIT))
        val split = pl.find("XK00102000").single()
        assertEquals(listOf("占用、挖掘公路许可", "跨越、穿越公路修建桥梁许可"), split.subItems)
        assertEquals(listOf(44u, 45u, 27u), split.legalBasis.citations.map { it.article })
    }

    @Test
    fun checkGivesExactlyThePlantedFindings() {
        val findings = PowerList.readCsv(TestData.file(v1).path).check()
        val expected = TestData.table("power/list_v1_findings.tsv", "\t")
        assertEquals(
            expected.map { listOf(it["severity"], it["rule"], it["code"], it["column"]) },
            findings.map { listOf(if (it.severity == Severity.ERROR) "error" else "warning", it.rule, it.code, it.column) },
        )
        val late = findings.single { it.rule == "power.promised_exceeds_statutory" }
        assertEquals("5", late.difference?.toPlainString())
    }

    @Test
    fun diffGivesExactlyTheExpectedChanges() {
        val old = PowerList.readCsv(TestData.file(v1).path)
        val new = PowerList.fromCsv(TestData.text(v2))
        val changes = old.diff(new)
        assertChanges(changes, "power/diff_v1_v2.tsv")
        assertEquals(PowerChangeKind.entries.toSet(), changes.map { it.kind }.toSet())
        val promised = changes.single { it.name == "公路建设项目施工许可" }.fields.single()
        assertEquals(listOf(PowerField.PROMISED_LIMIT, "10个工作日", "7个工作日"), listOf(promised.field, promised.old, promised.new))
        assertEquals(changes, powerListDiff(old, new))
        assertTrue(new.diff(new).isEmpty())
    }

    private fun assertChanges(changes: List<PowerChange>, table: String) {
        val expected = TestData.table(table, "\t")
        assertEquals(
            expected.map { listOf(it.getValue("kind"), it.getValue("code"), it.getValue("name"), split(it.getValue("old")), split(it.getValue("new")), split(it.getValue("fields"))) },
            changes.map { c ->
                listOf(
                    c.kind.name.lowercase(), c.code ?: "", c.name,
                    c.old.map { it.code ?: "" }, c.new.map { it.code ?: "" },
                    c.fields.map { it.field.name.lowercase() },
                )
            },
            table,
        )
    }

    @Test
    fun diffFindsSplitsAndMergesThatKeepACode() {
        val old = PowerList.readCsv(TestData.file("power/regroup_v1.csv").path)
        val new = PowerList.readCsv(TestData.file("power/regroup_v2.csv").path)
        assertChanges(old.diff(new), "power/diff_regroup.tsv")
    }

    @Test
    fun changeLogAndRoundTrips() {
        val old = PowerList.readCsv(TestData.file(v1).path)
        val new = PowerList.readCsv(TestData.file(v2).path)
        val log = changeLogFromChanges(old.diff(new), "示例府办发〔2025〕1号", LocalDate.of(2025, 1, 1))
        assertEquals(12, log.size)
        assertEquals(LocalDate.of(2025, 1, 1), log[0].effective)
        assertEquals(log, changeLogFromCsv(changeLogToCsv(log)))
        val again = PowerList.fromCsv(new.toCsv())
        assertEquals(new.items(), again.items())
        val dated = new.withVersion("示例市交通运输局", LocalDate.of(2025, 1, 1))
        val back = PowerList.fromJson(dated.toJson())
        assertEquals(LocalDate.of(2025, 1, 1), back.effective())
        assertEquals(new.items(), back.items())
        val rebuilt = PowerList.fromItems(new.items(), null, null)
        assertTrue(new.diff(rebuilt).isEmpty())
    }

    /** Issue 11 defect 3: list cells carry any entries exactly, through JSON and CSV, again and again. */
    @Test
    fun listCellsSurviveEveryRoundTrip() {
        val entries = listOf("2.②", ") (1)；", "", " a ", "受理→审查", "\"q\"", "x\ny", "[1]")
        val items = PowerList.fromJson("""[{"name": "x", "category": "行政许可"}]""").items()
            .map { it.copy(subItems = entries, procedure = entries, responsibilities = entries, accountability = entries) }
        var list = PowerList.fromItems(items, null, null)
        repeat(3) {
            list = PowerList.fromJson(list.toJson())
            list = PowerList.fromCsv(list.toCsv())
        }
        val item = list.items()[0]
        assertEquals(entries, item.subItems)
        assertEquals(entries, item.procedure)
        assertEquals(entries, item.responsibilities)
        assertEquals(entries, item.accountability)
    }

    /** Issue 11 defect 4: a list with duplicate items does not differ from itself. */
    @Test
    fun duplicatesDoNotDifferFromThemselves() {
        val row = "行政许可,甲许可,A1\n"
        val twice = PowerList.fromCsv("权力分类,事项名称,编码\n" + row + row)
        assertEquals(2UL, twice.len())
        assertTrue(twice.diff(twice).isEmpty())
        val once = PowerList.fromCsv("权力分类,事项名称,编码\n" + row)
        assertEquals(listOf(PowerChangeKind.CANCELLED), twice.diff(once).map { it.kind })
    }

    @Test
    fun citationsParseAsWritten() {
        val rows = TestData.table("power/citations.tsv", "\t")
        assertTrue(rows.size >= 30)
        for (row in rows) {
            val text = row.getValue("text")
            if (row["ok"] == "yes") {
                val c = parseCitation(text)
                assertEquals(
                    listOf(row["law"], row["note"], num(row.getValue("article")), num(row.getValue("paragraph")), num(row.getValue("item"))),
                    listOf(c.law, c.note ?: "", c.article, c.paragraph, c.item), text,
                )
            } else {
                val e = assertThrows(SunlitException.Field::class.java, { parseCitation(text) }, text)
                assertEquals("citation", e.field)
            }
        }
    }

    @Test
    fun legalBasisCells() {
        for (row in TestData.table("power/bases.tsv", "\t")) {
            val b = parseLegalBasis(unescape(row.getValue("text")))
            assertEquals(split(row.getValue("citations"), " | "), b.citations.map { citationCanonical(it) }, row["text"])
            assertEquals(split(row.getValue("unparsed"), " | "), b.unparsed, row["text"])
        }
    }

    @Test
    fun creditCodeCheckCharacters() {
        val rows = TestData.table("power/credit_codes.tsv", "\t")
        assertTrue(rows.size >= 15)
        for (row in rows) {
            val code = row.getValue("code")
            assertEquals(row["valid"] == "yes", isValidCreditCode(code), code)
            val check = row.getValue("check")
            if (check.isNotEmpty()) assertEquals(check, creditCodeCheckChar(code.trim().take(17)), code)
        }
        assertThrows(SunlitException.Field::class.java) { creditCodeCheckChar("1244150019672024I") }
    }

    @Test
    fun numeralsAndTimeLimits() {
        assertEquals(105u, parseNumeral("一百零五"))
        assertEquals("一千零一十", chineseNumeral(1010u))
        assertThrows(SunlitException.Field::class.java) { parseNumeral("一百五") }
        assertEquals(true, timeLimitExceeds(parseTimeLimit("25个工作日"), parseTimeLimit("20日")))
        assertNull(timeLimitExceeds(parseTimeLimit("10日"), parseTimeLimit("8个工作日")))
    }

    @Test
    fun everyBadRowNamesLineColumnAndValue() {
        val cases = TestData.table("power/bad_rows.tsv", "\t")
        assertTrue(cases.size >= 15)
        for (case in cases) {
            val h = case.getValue("header")
            val text = if (h.isEmpty()) "$header\n$good\n${unescape(case.getValue("row"))}\n" else "$h\n"
            val e = assertThrows(SunlitException.Input::class.java, { PowerList.fromCsv(text) }, case["name"])
            assertEquals(case.getValue("line").toULong(), e.line, case["name"])
            assertEquals(case.getValue("column"), e.column, case["name"])
            assertEquals(unescape(case.getValue("value")), e.value, case["name"])
        }
    }
}

class PowerDutiesTest {
    private fun datedV2() = PowerList.readCsv(TestData.file("power/list_v2.csv").path).withVersion(null, LocalDate.of(2025, 1, 1))

    @Test
    fun disclosureDutiesOfV2AreExactlyTheExpectedOnes() {
        val old = PowerList.readCsv(TestData.file("power/list_v1.csv").path)
        val new = datedV2()
        val log = changeLogFromChanges(old.diff(new), "示例府办发〔2025〕1号", null)
        val duties = new.disclosureDuties(DutyOptions(changeWorkdays = 3u, changes = log))
        val expected = TestData.table("power/duties_v2.tsv", "\t")
        assertEquals(
            expected.map { listOf(it["kind"], it["code"], it["workdays"], it["start"], it["due"]) },
            duties.map { listOf(it.kind.name.lowercase(), it.code ?: "", it.workdays.toString(), it.start?.toString() ?: "", it.due?.toString() ?: "") },
        )
        assertEquals(listOf("art. 20(6)", "art. 26"), duties.first { it.kind == DutyKind.ENFORCEMENT_RULES }.articles)
    }

    @Test
    fun listChangeDutiesCiteTheSourceOfTheirPeriod() {
        val old = PowerList.readCsv(TestData.file("power/list_v1.csv").path)
        val new = datedV2()
        val log = changeLogFromChanges(old.diff(new), "示例府办发〔2025〕1号", null)
        val rule = "示例市行政权力清单管理办法（批准后3个工作日内公开）"
        for ((options, expected) in listOf(
            DutyOptions(changeWorkdays = 3u, changes = log) to listOf("period set by the caller"),
            DutyOptions(changeWorkdays = 3u, changeBasis = rule, changes = log) to listOf(rule),
            DutyOptions(changes = log) to listOf("art. 26"),
            DutyOptions(changeBasis = rule, changes = log) to listOf("art. 26", rule),
        )) {
            val changes = new.disclosureDuties(options).filter { it.kind == DutyKind.LIST_CHANGE }
            assertEquals(12, changes.size)
            for (d in changes) assertEquals(expected, d.articles, options.toString())
        }
    }

    @Test
    fun decisionDeadlinesFollowTheHolidayCalendar() {
        val duties = datedV2().disclosureDuties(DutyOptions(), WorkCalendar.china())
        for (row in TestData.table("power/decision_deadlines.tsv", "\t")) {
            val mine = duties.filter { it.code == row["code"] }
            val duty = mine.firstOrNull { it.kind == DutyKind.DECISION_PUBLICITY } ?: mine.first()
            val decided = LocalDate.parse(row.getValue("decided"))
            val due = row.getValue("due")
            if (due.isEmpty()) {
                assertThrows(SunlitException::class.java, { disclosureDutyDeadline(duty, decided) }, row["note"])
            } else {
                val d = disclosureDutyDeadline(duty, decided)
                assertEquals(listOf(due, "7", decided.toString()), listOf(d.due.toString(), d.workdays.toString(), d.start.toString()), row["note"])
            }
        }
    }

    @Test
    fun realListWithLocalColumnNames() {
        // 克拉玛依市医疗保障局2024年权责清单 (tests/data/power/karamay_medical_2024/SOURCE.md).
        val pl = PowerList.readCsv(TestData.file("power/karamay_medical_2024/list.csv").path)
        assertEquals(17UL, pl.len())
        val findings = pl.check()
        assertTrue(findings.none { it.rule == "power.missing_responsibility" })
        assertTrue(findings.none { it.severity == Severity.ERROR })
        assertTrue(pl.items().all { it.responsibilities.isNotEmpty() && it.accountability.isNotEmpty() })
    }
}
