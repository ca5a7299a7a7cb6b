package sunlit.test

import java.math.BigDecimal
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import sunlit.core.Book
import sunlit.core.CompareAxis
import sunlit.CompareOptions
import sunlit.GroupFilter
import sunlit.core.GroupKey
import sunlit.Ledger
import sunlit.LedgerLine
import sunlit.core.Nature
import sunlit.core.Phase
import sunlit.RollupOptions
import sunlit.core.Severity
import sunlit.core.Subtotals
import sunlit.core.SunlitException
import sunlit.convert
import sunlit.parseAmount
import sunlit.share
import sunlit.core.AmountUnit

class LedgerTest {
    private val header = "year,book,phase,unit,functional,economic,nature,source,amount"
    private val good = "2026,general,budget,u,2080505,,basic,,100"
    private val golden = "budget/chengguan_2026_ledger.csv"

    private fun nature(n: String) = listOf(GroupFilter(GroupKey.NATURE, n))

    @Test
    fun goldenRollupReproducesEveryPublishedFigure() {
        val ledger = Ledger.readCsv(TestData.file(golden).path)
        assertEquals(10UL, ledger.len())
        val r = ledger.rollup(RollupOptions(by = listOf(GroupKey.NATURE)))
        val rows = TestData.table("budget/chengguan_2026_expected.csv")
        assertEquals(19, rows.size)
        for (row in rows) {
            val code = row.getValue("code")
            for ((column, filters) in listOf("total" to listOf(), "basic" to nature("basic"), "project" to nature("project"))) {
                val expected = row.getValue(column).let { if (it.isEmpty()) null else BigDecimal(it) }
                val actual = if (code.isEmpty()) r.total(filters) else r.amount(code, filters)
                assertEquals(expected, actual, "$code $column")
            }
        }
    }

    @Test
    fun compactedPartsMergeToTheGoldenRollup() {
        val lines = Ledger.readCsv(TestData.file(golden).path).lines()
        val parts = lines.chunked(3).map { Ledger.fromRecords(it + it).compact() }
        assertEquals(lines.chunked(3).sumOf { it.size }, parts.sumOf { it.len().toInt() })
        val merged = Ledger.concat(parts).rollup(RollupOptions(by = listOf(GroupKey.NATURE)))
        val whole = Ledger.readCsv(TestData.file(golden).path).rollup(RollupOptions(by = listOf(GroupKey.NATURE)))
        // every line twice, so every amount doubled, exactly
        assertEquals(whole.records().map { it.code to it.amount.multiply(BigDecimal(2)) },
            merged.records().map { it.code to it.amount })
    }

    @Test
    fun goldenRecordsCarryNamesAndLevels() {
        val records = Ledger.fromCsv(TestData.text(golden)).rollup(RollupOptions()).records()
        val expected = TestData.table("budget/chengguan_2026_expected.csv").filter { it.getValue("code").isNotEmpty() }
        assertEquals(expected.map { listOf(it["code"], it["level"], it["name"], it["total"]) },
            records.map { listOf(it.code, it.level.toString(), it.name, it.amount.toPlainString()) })
    }

    @Test
    fun everyBadRowNamesLineColumnAndValue() {
        val cases = TestData.table("budget/bad_rows.tsv", "\t")
        assertTrue(cases.size >= 20)
        for (case in cases) {
            val h = case.getValue("header").ifEmpty { header }
            val text = "$h\n$good\n${case.getValue("row").replace("\"1,2345\"", "\"1,2345\"")}\n"
            val e = assertThrows(SunlitException.Input::class.java, { Ledger.fromCsv(text) }, case["name"])
            assertEquals(case.getValue("line").toULong(), e.line, case["name"])
            assertEquals(case.getValue("column"), e.column, case["name"])
            assertEquals(case.getValue("value"), e.value, case["name"])
        }
    }

    private fun line(functional: String = "2080505", amount: String = "2302464.00", phase: Phase = Phase.BUDGET, year: Int = 2026) =
        LedgerLine(year, Book.GENERAL, phase, "城管执法局", functional, null, Nature.BASIC, null, BigDecimal(amount))

    @Test
    fun recordsRoundTripKeepsEveryDigit() {
        val ledger = Ledger.fromRecords(listOf(line(), line("2080801", "294000")))
        val lines = ledger.lines()
        assertEquals("2302464.00", lines[0].amount.toPlainString())
        assertEquals(lines, Ledger.fromRecords(lines).lines())
        assertEquals(ledger.toCsv(), Ledger.fromJson(ledger.toJson()).toCsv())
    }

    @Test
    fun recordErrorsNameTheRecord() {
        val e = assertThrows(SunlitException.Input::class.java) {
            Ledger.fromRecords(listOf(line(), line(), line("20805a5")))
        }
        assertEquals(3UL, e.line)
        assertEquals("functional", e.column)
        assertEquals("20805a5", e.value)
        // the cell's own error, typed (Python's InputError.cause)
        val cause = e.causeError as SunlitException.Code
        assertEquals("functional", cause.scheme)
        assertEquals("20805a5", cause.value)
    }

    @Test
    fun subtotalsConflictUnlessChecked() {
        val ledger = Ledger.fromRecords(listOf(line("208", "100"), line("2080505", "60"), line("2080506", "30")))
        val e = assertThrows(SunlitException.LevelConflict::class.java) { ledger.rollup(RollupOptions()) }
        assertEquals("208", e.upper)
        val r = ledger.rollup(RollupOptions(subtotals = Subtotals.CHECK))
        assertEquals(BigDecimal(90), r.total(listOf()))
        val f = r.findings().single()
        assertEquals("budget.subtotal_mismatch", f.rule)
        assertEquals(Severity.ERROR, f.severity)
        assertEquals(BigDecimal(90), f.expected)
        assertEquals(BigDecimal(100), f.actual)
    }

    @Test
    fun mixedPhasesAreNotAddedUp() {
        val ledger = Ledger.fromRecords(listOf(line(amount = "200"), line(amount = "191", phase = Phase.FINAL)))
        val e = assertThrows(SunlitException.MixedDimension::class.java) { ledger.rollup(RollupOptions()) }
        assertEquals("phase", e.dimension)
    }

    @Test
    fun executionRateAndGrowth() {
        val ledger = Ledger.fromRecords(listOf(line(amount = "200"), line(amount = "191", phase = Phase.FINAL)))
        val rows = ledger.compare(CompareOptions(CompareAxis.Phase(Phase.BUDGET, Phase.FINAL), RollupOptions(), 1u))
        val top = rows.first { it.code == "208" }
        assertEquals(BigDecimal("95.5"), top.rate)
        assertEquals(BigDecimal(-9), top.difference)
        val years = Ledger.fromRecords(listOf(line(amount = "160", year = 2025), line(amount = "200")))
            .compare(CompareOptions(CompareAxis.Year(2025, 2026), RollupOptions(), 2u))
        assertEquals(BigDecimal("25.00"), years.first { it.code == "2080505" }.growth)
    }

    @Test
    fun absentIsNotZeroAndCatalogGapsAreFindings() {
        val r = Ledger.fromCsv(TestData.text(golden)).rollup(RollupOptions())
        assertNull(r.amount("207", listOf()))
        val odd = Ledger.fromRecords(listOf(line(), line("2299999")))
        val f = odd.checkCatalog(null, false).single()
        assertEquals("catalog.unknown_code", f.rule)
        assertEquals("2299999", f.code)
    }

    @Test
    fun amountHelpers() {
        assertEquals(BigDecimal("96282213.44"), parseAmount("96,282,213.44"))
        assertNull(parseAmount("—"))
        assertThrows(SunlitException.Amount::class.java) { parseAmount("1e5") }
        assertEquals(BigDecimal("4748.3458"), convert(BigDecimal("47483458"), AmountUnit.YUAN, AmountUnit.WAN_YUAN))
        assertEquals(BigDecimal("53.5"), share(BigDecimal(24121), BigDecimal(45104), 1u))
    }
}
