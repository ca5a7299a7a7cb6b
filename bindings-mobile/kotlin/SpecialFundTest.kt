package sunlit.test

import com.google.gson.JsonObject
import java.math.BigDecimal
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import sunlit.core.Allocation
import sunlit.core.AmountUnit
import sunlit.core.Finding
import sunlit.core.FundCheckOptions
import sunlit.core.FundStage
import sunlit.core.SpecialFund
import sunlit.core.SpecialFundList
import sunlit.core.StageDate
import sunlit.core.SunlitException
import sunlit.checkSpecialFund

/** Special funds (专项资金) on the shared golden data of tests/data/special_fund (see its README). */
class SpecialFundTest {
    private val data = TestData.json("special_fund/funds.json")

    private fun unit(u: String) = when (u) {
        "元" -> AmountUnit.YUAN
        "万元" -> AmountUnit.WAN_YUAN
        "亿元" -> AmountUnit.YI_YUAN
        else -> error("unit $u")
    }

    private fun fund(v: JsonObject) = SpecialFund(
        v.str("name")!!,
        v.str("department")!!,
        v.get("year").asInt,
        BigDecimal(v.str("approved")),
        unit(v.str("unit")!!),
        v.getAsJsonArray("stages").map { it.asJsonObject }.map {
            StageDate(FundStage.valueOf(it.str("stage")!!.uppercase()), it.date("date")!!)
        },
        v.getAsJsonArray("allocations").map { it.asJsonObject }.map {
            Allocation(it.str("recipient")!!, BigDecimal(it.str("amount")), it.str("region"), it.date("date"))
        },
    )

    /** (rule, code, column, expected, actual), amounts without trailing zeros (BigDecimal equality sees the scale). */
    private fun rows(findings: List<Finding>) =
        findings.map { listOf(it.rule, it.code, it.column, it.expected?.stripTrailingZeros(), it.actual?.stripTrailingZeros()) }

    private fun expected(case: JsonObject) = case.getAsJsonArray("findings").map { it.asJsonObject }.map {
        listOf(it.str("rule"), it.str("code"), it.str("column"), it.str("expected")?.let { s -> BigDecimal(s).stripTrailingZeros() },
            it.str("actual")?.let { s -> BigDecimal(s).stripTrailingZeros() })
    }

    private val cases = data.getAsJsonArray("funds").map { it.asJsonObject }

    @Test
    fun everyFundCaseRaisesExactlyItsFindings() {
        val covered = mutableSetOf<String>()
        for (case in cases) {
            val o = case.getAsJsonObject("options")
            val options = FundCheckOptions(o.get("disclosure_days").asInt.toUInt(), o.date("as_of"))
            val got = fund(case.getAsJsonObject("fund")).check(options)
            assertEquals(expected(case), rows(got), case.str("case"))
            assertEquals(got, checkSpecialFund(fund(case.getAsJsonObject("fund")), options))
            covered += got.map { it.rule }
        }
        assertTrue(covered.containsAll(listOf("over_allocated", "stage_order", "allocation_before_approval", "late_disclosure", "not_disclosed").map { "special_fund.$it" }), "$covered")
    }

    @Test
    fun everyListAddsUpAndRaisesExactlyItsFindings() {
        val fifty = data.getAsJsonArray("fifty").map { fund(it.asJsonObject) }
        assertEquals(50, fifty.size)
        val covered = mutableSetOf<String>()
        for (case in data.getAsJsonArray("lists").map { it.asJsonObject }) {
            val named = case.getAsJsonArray("cases").map { n -> fund(cases.single { it.str("case") == n.asString }.getAsJsonObject("fund")) }
            val list = SpecialFundList(
                fifty.take(case.get("take").asInt) + named,
                case.str("published_total")?.let { BigDecimal(it) },
                unit(case.str("total_unit")!!),
                case.get("published_count")?.takeIf { !it.isJsonNull }?.asInt?.toUInt(),
            )
            assertEquals(0, BigDecimal(case.str("total")).compareTo(list.total()), case.str("case"))
            val got = list.check(FundCheckOptions())
            assertEquals(expected(case), rows(got), case.str("case"))
            covered += got.map { it.rule }
        }
        assertTrue(covered.containsAll(listOf("special_fund.list_total", "special_fund.list_count")), "$covered")
    }

    @Test
    fun allocatedIsTheExactSum() {
        val clean = fund(cases.single { it.str("case") == "clean" }.getAsJsonObject("fund"))
        assertEquals(BigDecimal("12.5"), clean.allocated())
    }

    @Test
    fun anAmountTheCoreCannotHoldIsAnAmountError() {
        val clean = fund(cases.single { it.str("case") == "clean" }.getAsJsonObject("fund"))
        for (text in listOf("1" + "0".repeat(29), "0." + "0".repeat(28) + "1")) {
            val e = assertThrows(SunlitException.Amount::class.java) { clean.copy(approved = BigDecimal(text)).check(FundCheckOptions()) }
            assertEquals(text, e.value)
            assertThrows(SunlitException.Amount::class.java) { clean.copy(approved = BigDecimal(text)).allocated() }
        }
    }
}
