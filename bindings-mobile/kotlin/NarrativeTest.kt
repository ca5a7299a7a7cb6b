package sunlit.test

import java.math.BigDecimal
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import sunlit.DocumentOptions
import sunlit.core.Direction
import sunlit.core.Severity
import sunlit.readDocument

/** Document.narrative() and the narrative.* findings (issue 14) on real published documents. */
class NarrativeTest {
    @Test
    fun theFiguresOfARealBudgetAreReadAndTrue() {
        // 上海市普陀区万里街道 2025年部门预算 (tests/data/documents/SOURCE.md): 33 科目 and the totals, all true.
        val doc = readDocument(TestData.file("documents/shanghai/putuo-wanli-budget-2025.pdf").path, DocumentOptions())
        val st = doc.narrative()
        assertTrue(st.size > 40)
        assertEquals(6u, st[0].page)
        assertEquals(0, BigDecimal("18976.76").compareTo(st[0].amount))
        assertEquals("财政拨款收入", st[1].subject)
        assertEquals(Direction.INCREASE, st[1].change?.direction)
        assertEquals(0, BigDecimal("3355.65").compareTo(st[1].change?.amount))
        assertTrue(doc.findings().none { it.rule.startsWith("narrative.") && it.severity == Severity.ERROR })
    }

    @Test
    fun theRealErrorsOfAFinalAccountAreReported() {
        // 上海市普陀区财政局 2024年度部门决算: a share of 71.73 % for 71.65 %, a 财政拨款收入支出总计 of 0.3 万元.
        val doc = readDocument(TestData.file("documents/shanghai/putuo-czj-final-2024.pdf").path, DocumentOptions())
        val found = doc.findings().filter { it.rule.startsWith("narrative.") && it.severity == Severity.ERROR }
        assertEquals(setOf("narrative.share" to 21u, "narrative.value" to 21u), found.map { it.rule to it.page }.toSet())
        val share = found.first { it.rule == "narrative.share" }
        assertTrue(share.printed!!.contains("71.73%"))
        assertTrue(doc.toJson().contains("narrative.share"))
    }

    @Test
    fun aFinalAccountsCompletionRatesAreCheckedAgainstItsBudget() {
        // 上海市普陀区规划和自然资源局 2024年度部门决算: "完成年初预算的X%" and "决算数小于预算数" of 13 科目, all true;
        // 9,746.50 of 10,210.34 is 95.457 %, printed 95.45 (cut off, not rounded): an info.
        val doc = readDocument(TestData.file("documents/shanghai/putuo-ghzy-final-2024.pdf").path, DocumentOptions())
        assertTrue(doc.findings().none { it.rule.startsWith("narrative.budget_") })
        val cut = doc.findings().filter { it.rule == "narrative.rate_truncated" && it.printed!!.contains("完成年初预算的95.45%") }
        assertEquals(listOf(21u to Severity.INFO), cut.map { it.page to it.severity })
        // 中共上海市普陀区委社会工作部: 完成年初预算的95.89% with a 年初预算 of 0 — the rate is of the 全年预算: an info.
        val other = readDocument(TestData.file("documents/shanghai/putuo-shgzb-final-2024.pdf").path, DocumentOptions())
        val basis = other.findings().filter { it.rule == "narrative.budget_basis" }
        assertEquals(listOf(18u to Severity.INFO), basis.map { it.page to it.severity })
    }
}
