package sunlit.test

import com.google.gson.JsonParser
import java.io.File
import java.math.BigDecimal
import java.nio.file.Files
import java.time.LocalDate
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import sunlit.core.Allocation
import sunlit.core.AmountUnit
import sunlit.DisclosureDocument
import sunlit.core.Finding
import sunlit.core.FundCheckOptions
import sunlit.core.FundStage
import sunlit.GroupFilter
import sunlit.core.GroupKey
import sunlit.Ledger
import sunlit.core.NarrativeFigure
import sunlit.core.Phase
import sunlit.PublishedTable
import sunlit.core.RenderOptions
import sunlit.RollupOptions
import sunlit.core.Severity
import sunlit.core.SpecialFund
import sunlit.core.SpecialFundList
import sunlit.core.StageDate
import sunlit.core.Subtotals
import sunlit.core.SunlitException
import sunlit.TableCheckOptions
import sunlit.core.TableKind
import sunlit.TableLedgerOptions
import sunlit.checkSpecialFund
import sunlit.checkSpecialFundList
import sunlit.core.defaultTolerance
import sunlit.core.exactTolerance
import sunlit.functionalClassOf
import sunlit.headingRoleOf
import sunlit.tableKindOf

class TablesTest {
    private fun unit(u: String) = when (u) {
        "元" -> AmountUnit.YUAN
        "万元" -> AmountUnit.WAN_YUAN
        "亿元" -> AmountUnit.YI_YUAN
        else -> error("unit $u")
    }

    private fun kind(id: String): TableKind = TableKind.valueOf(id.uppercase())

    private fun read(relative: String, k: String, u: String) =
        PublishedTable.readCsv(TestData.file(relative).path, unit(u), kind(k), null)

    private fun document(dir: String, replace: Pair<String, String>? = null): List<PublishedTable> =
        TestData.table("tables/$dir/document.csv").map {
            val file = if (replace != null && replace.first == it.getValue("kind")) replace.second else it.getValue("file")
            read("tables/$dir/$file", it.getValue("kind"), it.getValue("unit"))
        }

    private fun errors(findings: List<Finding>) = findings.filter { it.severity == Severity.ERROR }

    private val defaults = TableCheckOptions()

    @Test
    fun chengguanDocumentHasNoErrors() {
        val doc = DisclosureDocument(document("chengguan_2026"), listOf())
        assertEquals(4, doc.tables().size)
        assertEquals(Phase.BUDGET, doc.phase())
        val findings = doc.check(defaults)
        assertEquals(listOf<Finding>(), errors(findings))
        assertEquals(listOf("301", "302", "303", "310"), findings.map { it.code })
        assertTrue(findings.all { it.rule == "tables.granularity" && it.severity == Severity.WARNING })
        assertEquals(listOf<Finding>(), doc.check(TableCheckOptions(granularity = false)))
    }

    @Test
    fun everyCorruptedCopyRaisesExactlyItsFindings() {
        val cases = TestData.table("tables/corrupted/cases.csv")
        val files = cases.map { it.getValue("file") }.distinct()
        assertEquals(5, files.size)
        for (file in files) {
            val want = cases.filter { it.getValue("file") == file }
            val t = read("tables/corrupted/$file", want[0].getValue("kind"), want[0].getValue("unit"))
            val got = errors(t.check(defaults))
            val dec = { s: String -> if (s.isEmpty()) null else BigDecimal(s).stripTrailingZeros() }
            assertEquals(
                want.map { listOf(it["rule"], it["severity"], it["code"], it["column"], dec(it.getValue("expected")), dec(it.getValue("actual"))) },
                got.map { listOf(it.rule, it.severity.name.lowercase(), it.code, it.column, it.expected?.stripTrailingZeros(), it.actual?.stripTrailingZeros()) },
                file,
            )
        }
    }

    @Test
    fun roundedFinalAccountsPassAndARealErrorIsFound() {
        val doc = DisclosureDocument(document("synthetic_final_2024"), listOf())
        assertEquals(listOf<Finding>(), errors(doc.check(defaults)))
        assertTrue(errors(doc.check(TableCheckOptions(tolerance = exactTolerance()))).size >= 5)
        val broken = DisclosureDocument(document("synthetic_final_2024", "final_summary" to "f1_summary_error.csv"), listOf())
        val f = errors(broken.check(defaults)).single()
        assertEquals("tables.summary_balance", f.rule)
        assertEquals("收入总计", f.code)
        assertEquals(BigDecimal("664.72"), f.expected)
        assertEquals(BigDecimal("664.67"), f.actual)
        assertEquals(BigDecimal("-0.05"), f.difference)
        // The document's tables by kind, including the F4 whose book rows under its balances
        // are no duplicates.
        assertEquals(TableKind.FINAL_APPROPRIATION, doc.table(TableKind.FINAL_APPROPRIATION)!!.kind())
        assertNull(doc.table(TableKind.FINAL_FUND))
        assertEquals(listOf<Finding>(), doc.table(TableKind.FINAL_APPROPRIATION)!!.check(defaults))
    }

    @Test
    fun toleranceHelpers() {
        val t = defaultTolerance()
        assertEquals(BigDecimal("0.01"), t.step(AmountUnit.WAN_YUAN))
        assertEquals(0, BigDecimal.ZERO.compareTo(t.step(AmountUnit.YUAN)))
        assertEquals(0, BigDecimal("0.010").compareTo(t.allowed(AmountUnit.WAN_YUAN, 2u)))
        assertEquals(0, BigDecimal("0.045").compareTo(t.sumAllowed(AmountUnit.WAN_YUAN, 8u))) // 0.05 over 8 cells is found
        assertEquals(0, BigDecimal.ZERO.compareTo(exactTolerance().sumAllowed(AmountUnit.WAN_YUAN, 8u)))
        val huge = t.copy(wanYuan = BigDecimal("79228162514264337593543950335"))
        assertThrows(SunlitException.Overflow::class.java) { huge.sumAllowed(AmountUnit.WAN_YUAN, 3u) }
    }

    @Test
    fun tableToLedgerAndBack() {
        val t5 = read("tables/chengguan_2026/t5_general_functional.csv", "budget_general_functional", "元")
        val ledger = t5.toLedger(TableLedgerOptions(2026, "上海市普陀区城市管理行政执法局"))
        assertEquals(10UL, ledger.len())
        assertEquals(BigDecimal(47483458), ledger.rollup(RollupOptions()).total(listOf()))
        val checked = t5.toLedger(TableLedgerOptions(2026, "u", subtotals = true)).rollup(RollupOptions(subtotals = Subtotals.CHECK))
        assertEquals(listOf<Finding>(), checked.findings())
        val broken = read("tables/corrupted/class_total_changed.csv", "budget_general_functional", "元")
        val f = broken.toLedger(TableLedgerOptions(2026, "u", subtotals = true)).rollup(RollupOptions(subtotals = Subtotals.CHECK)).findings().single()
        assertEquals("budget.subtotal_mismatch", f.rule)
        assertEquals("208", f.code)
        val back = PublishedTable.fromLedger(ledger, RenderOptions(kind = TableKind.BUDGET_GENERAL_FUNCTIONAL, unit = AmountUnit.YUAN))
        assertEquals(t5.rows().map { Triple(it.code, it.name, it.cells) }, back.rows().map { Triple(it.code, it.name, it.cells) })
        val wan = PublishedTable.fromLedger(ledger, RenderOptions(unit = AmountUnit.WAN_YUAN))
        assertEquals(BigDecimal("639.71"), wan.rows()[0].cells[0])
        val t3 = PublishedTable.fromCsv(t5.toCsv(), AmountUnit.YUAN, TableKind.BUDGET_EXPENDITURE, null)
        assertThrows(SunlitException.Field::class.java) { t3.toLedger(TableLedgerOptions(2026, "u")) }
    }

    @Test
    fun renderingNeverMixesBooksOrUnits() {
        val ledger = Ledger.fromCsv(
            "year,book,phase,unit,functional,economic,nature,source,amount\n" +
                "2026,general,budget,城管执法局,2120104,,basic,,100\n" +
                "2026,fund,budget,城管执法局,2120104,,project,,50\n" +
                "2026,general,budget,绿化市容局,2120104,,basic,,7\n",
        )
        val t5 = RenderOptions(kind = TableKind.BUDGET_GENERAL_FUNCTIONAL, unit = AmountUnit.YUAN)
        val book = assertThrows(SunlitException.Field::class.java) { PublishedTable.fromLedger(ledger, t5) }
        assertEquals("book", book.field)
        assertEquals("fund", book.value)
        val skip = t5.copy(skipOtherBooks = true)
        val units = assertThrows(SunlitException.MixedDimension::class.java) { PublishedTable.fromLedger(ledger, skip) }
        assertEquals("unit", units.dimension)
        assertEquals(listOf("城管执法局", "绿化市容局"), units.values)
        val one = ledger.select(listOf(GroupFilter(GroupKey.UNIT, "城管执法局")), null)
        assertEquals(BigDecimal(100), PublishedTable.fromLedger(one, skip).rows().last().cells[0])
        val t3 = RenderOptions(kind = TableKind.BUDGET_EXPENDITURE, unit = AmountUnit.YUAN)
        assertEquals(BigDecimal(150), PublishedTable.fromLedger(one, t3).rows().last().cells[0])
    }

    @Test
    fun toLedgerTakesTheTolerance() {
        val wan = PublishedTable.fromCsv(
            "code,name,合计,基本支出,项目支出\n2080505,x,1.02,0.50,0.50\n",
            AmountUnit.WAN_YUAN, TableKind.FINAL_GENERAL_FUNCTIONAL, null,
        )
        val e = assertThrows(SunlitException.Input::class.java) { wan.toLedger(TableLedgerOptions(2024, "u")) }
        assertEquals(2UL, e.line)
        assertEquals("合计", e.column)
        val loose = defaultTolerance().copy(wanYuan = BigDecimal("0.02"))
        assertEquals(2UL, wan.toLedger(TableLedgerOptions(2024, "u", tolerance = loose)).len())
        val cent = PublishedTable.fromCsv(
            "code,name,合计,基本支出,项目支出\n2080505,x,1.01,0.50,0.50\n",
            AmountUnit.WAN_YUAN, TableKind.FINAL_GENERAL_FUNCTIONAL, null,
        )
        assertEquals(2UL, cent.toLedger(TableLedgerOptions(2024, "u")).len())
        assertThrows(SunlitException.Input::class.java) { cent.toLedger(TableLedgerOptions(2024, "u", tolerance = exactTolerance())) }
    }

    @Test
    fun jsonTitlesAndErrors() {
        val t8 = read("tables/chengguan_2026/t8_basic_economic.csv", "budget_basic_economic", "元")
        val again = PublishedTable.fromJson(t8.toJson())
        assertEquals(TableKind.BUDGET_BASIC_ECONOMIC, again.kind())
        assertEquals(t8.toCsv(), again.toCsv())
        assertNull(JsonParser.parseString(t8.toJson()).asJsonObject.getAsJsonArray("rows")[0].asJsonObject
            .getAsJsonObject("cells").get("公用经费").let { if (it.isJsonNull) null else it })
        assertEquals(TableKind.FINAL_THREE_PUBLIC, tableKindOf("2024年度财政拨款“三公”经费支出决算表"))
        assertNull(tableKindOf("项目支出绩效目标表"))
        assertEquals(TableKind.BUDGET_APPROPRIATION, tableKindOf("2026年部门财政拨款收支总表"))
        assertEquals(TableKind.BUDGET_APPROPRIATION, tableKindOf("财政拨款收支总表"))
        assertEquals(TableKind.BUDGET_SUMMARY, tableKindOf("收支总表"))
        assertEquals(TableKind.FINAL_APPROPRIATION, tableKindOf("部门财政拨款收入支出决算总表"))
        val e = assertThrows(SunlitException.Input::class.java) {
            PublishedTable.fromCsv("类,款,项,name,合计\n208,05,05,x,1e5\n", AmountUnit.YUAN, null, null)
        }
        assertEquals(2UL, e.line)
        assertEquals("合计", e.column)
        assertEquals("1e5", e.value)
        for ((row, column) in listOf("20,05,05" to "类", "208,5,05" to "款", "208,05,5a" to "项", "208,,05" to "款")) {
            val bad = assertThrows(SunlitException.Input::class.java) {
                PublishedTable.fromCsv("类,款,项,name,合计\n$row,x,1\n", AmountUnit.YUAN, null, null)
            }
            assertEquals(listOf(2UL, column, row.replace(",", "|")), listOf(bad.line, bad.column, bad.value), row)
        }
        assertThrows(SunlitException.Field::class.java) {
            DisclosureDocument(listOf(PublishedTable.fromCsv("code,name,合计\n", AmountUnit.YUAN, null, null)), listOf())
        }
    }

    @Test
    fun narrativeFiguresAreChecked() {
        val figures = listOf(
            NarrativeFigure(TableKind.BUDGET_SUMMARY, "收入总计", BigDecimal("4748.35"), AmountUnit.WAN_YUAN),
            NarrativeFigure(TableKind.BUDGET_SUMMARY, "212", BigDecimal("3378.56"), AmountUnit.WAN_YUAN),
        )
        val f = DisclosureDocument(document("chengguan_2026"), figures).check(defaults).single { it.rule == "tables.narrative" }
        assertEquals("212", f.code)
        assertEquals(BigDecimal("3377.5592"), f.expected)
    }

    private fun fund(stages: List<StageDate>, allocations: List<Allocation> = listOf(), approved: String = "10") =
        SpecialFund("交通建设专项资金", "省交通运输厅", 2016, BigDecimal(approved), AmountUnit.YI_YUAN, stages, allocations)

    @Test
    fun specialFunds() {
        val d = { s: String -> LocalDate.parse(s) }
        val ok = fund(listOf(StageDate(FundStage.APPROVAL, d("2016-03-01")), StageDate(FundStage.DISCLOSURE, d("2016-03-15"))),
            listOf(Allocation("甲市", BigDecimal("7.5")), Allocation("乙市", BigDecimal("2.5"), "乙市", d("2016-03-10"))))
        assertEquals(listOf<Finding>(), checkSpecialFund(ok, FundCheckOptions()))
        val late = fund(listOf(StageDate(FundStage.APPROVAL, d("2016-03-01")), StageDate(FundStage.DISCLOSURE, d("2016-04-01"))))
        val f = checkSpecialFund(late, FundCheckOptions()).single()
        assertEquals("special_fund.late_disclosure", f.rule)
        assertEquals(BigDecimal(31), f.actual)
        assertEquals(listOf<Finding>(), checkSpecialFund(late, FundCheckOptions(disclosureDays = 31u)))
        val pending = fund(listOf(StageDate(FundStage.APPROVAL, d("2016-03-01"))))
        assertEquals(listOf("special_fund.not_disclosed"), checkSpecialFund(pending, FundCheckOptions(asOf = d("2016-03-30"))).map { it.rule })
        val over = fund(listOf(), listOf(Allocation("甲市", BigDecimal("11"))))
        assertEquals(listOf("special_fund.over_allocated"), checkSpecialFund(over, FundCheckOptions()).map { it.rule })
        val fifty = List(50) { fund(listOf(), approved = "12.96") }
        assertEquals(listOf<Finding>(), checkSpecialFundList(SpecialFundList(fifty, BigDecimal(648), AmountUnit.YI_YUAN, 50u), FundCheckOptions()))
        val short = checkSpecialFundList(SpecialFundList(fifty.drop(1), BigDecimal(648), AmountUnit.YI_YUAN, 50u), FundCheckOptions())
        assertEquals(listOf("special_fund.list_count", "special_fund.list_total"), short.map { it.rule })
    }

    @Test
    fun fiscalDataPackage() {
        val ledger = Ledger.readCsv(TestData.file("budget/chengguan_2026_ledger.csv").path)
        val p = ledger.fiscalDataPackage("chengguan-2026", null)
        val model = JsonParser.parseString(p.descriptor).asJsonObject.getAsJsonObject("model")
        assertEquals("approved", model.getAsJsonObject("measures").getAsJsonObject("approved").get("phase").asString)
        assertTrue(p.csv.lines()[0].startsWith("fiscal_year,admin,book,functional_lei"))
        val dir = Files.createTempDirectory("sunlit-fdp").toFile()
        val path = ledger.writeFiscalDataPackage(dir.path, "chengguan-2026", "城管执法局")
        assertTrue(File(path).exists() && File(dir, "ledger.csv").readText().contains("2080505"))
        dir.deleteRecursively()
    }

    @Test
    fun realSummaryTablesPrintTotalOnBothSidesAndNamesTieToTheirClass() {
        // Real Shanghai documents (tests/data/tables/SOURCES.md).
        for (dir in listOf("sgb_final_2024", "sfj_budget_2026")) {
            assertEquals(emptyList<Finding>(), DisclosureDocument(document(dir), emptyList()).check(defaults), dir)
        }
        val f1 = read("tables/sgb_final_2024/f1_summary.csv", "final_summary", "万元")
        val totals = f1.rows().filter { it.name == "总计" }.map { it.side }
        assertEquals(listOf("income", "expenditure"), totals)
        assertEquals("204", functionalClassOf("一、公共安全支出", null))
        assertNull(functionalClassOf("医疗卫生与计划生育支出", 2024))
        assertEquals("running_costs", headingRoleOf("机关运行经费预算数"))
        assertEquals("line_number", headingRoleOf("栏次"))
        val t1 = read("tables/sfj_unit_budget_2026/t1_summary.csv", "budget_summary", "元")
        assertEquals(emptyList<Finding>(), errors(t1.check(defaults)))
    }
}
