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
}
