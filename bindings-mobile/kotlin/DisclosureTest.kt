package sunlit.test

import com.google.gson.JsonObject
import java.math.BigDecimal
import java.time.LocalDate
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertNull
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import sunlit.core.Category
import sunlit.core.DisclosureMode
import sunlit.core.ExemptionFact
import sunlit.core.FeeMethod
import sunlit.core.InfoItem
import sunlit.core.OrganLevel
import sunlit.core.SunlitException
import sunlit.WorkCalendar
import sunlit.checkDeadline
import sunlit.decide
import sunlit.feeTiers
import sunlit.informationFee
import sunlit.parseCategory
import sunlit.parseDisclosureStage
import sunlit.parseExemptionFact
import sunlit.parseFeeMethod
import sunlit.parseOrganLevel
import sunlit.parsePublicityKind
import sunlit.proactiveDeadline
import sunlit.publicityDeadline
import sunlit.withdrawalDeadline

/** The snake_case id of a vocabulary value (Kotlin names are the ids in upper case). */
fun Enum<*>.id(): String = name.lowercase()

class DisclosureTest {
    private val cases = TestData.json("disclosure/decisions.json")
    private val cal = WorkCalendar.china()

    private fun objects(key: String): List<JsonObject> = cases.getAsJsonArray(key).map { it.asJsonObject }

    private fun strings(o: JsonObject, key: String): List<String> =
        o.getAsJsonArray(key)?.map { it.asString } ?: listOf()

    private fun item(v: JsonObject) = InfoItem(
        title = v.str("title")!!,
        organ = v.str("organ")!!,
        formed = v.date("formed")!!,
        category = v.str("category")?.let { parseCategory(it) } ?: Category.OTHER,
        stage = v.str("stage")?.let { parseDisclosureStage(it) },
        organLevel = v.str("organ_level")?.let { parseOrganLevel(it) },
        wideConcern = v.get("wide_concern")?.asBoolean ?: false,
        facts = strings(v, "facts").map { parseExemptionFact(it) },
        separable = v.get("separable")?.asBoolean ?: false,
    )

    @Test
    fun eachRuleOfTheDecisionTableWithItsArticles() {
        val modes = HashSet<DisclosureMode>()
        val grounds = HashSet<String>()
        for (c in objects("cases")) {
            val name = c.str("name")
            val d = decide(item(c.getAsJsonObject("item")))
            assertEquals(c.str("mode"), d.mode.id(), name)
            assertEquals(c.str("ground"), d.ground?.id(), name)
            assertEquals(c.str("strength"), d.strength?.id(), name)
            assertEquals(c.date("deadline"), d.deadline, name)
            assertEquals(strings(c, "articles"), d.articles, name)
            assertEquals(d, decide(item(c.getAsJsonObject("item")), cal))
            modes.add(d.mode)
            d.ground?.let { grounds.add(it.id()) }
        }
        assertEquals(4, modes.size)
        assertEquals(8, grounds.size)
        for (c in objects("errors")) {
            val e = assertThrows(SunlitException.UncoveredYear::class.java) { decide(item(c.getAsJsonObject("item"))) }
            assertEquals(c.get("year").asInt, e.year)
        }
    }

    @Test
    fun noExemptionFactIsNeverWithheld() {
        val overrides = listOf(listOf(), listOf(ExemptionFact.THIRD_PARTY_CONSENT),
            listOf(ExemptionFact.PUBLIC_INTEREST, ExemptionFact.LAW_REQUIRES_DISCLOSURE))
        for (category in Category.values()) {
            for (level in listOf(null) + OrganLevel.values()) {
                for (facts in overrides) {
                    for (flags in listOf(false to false, true to true, false to true)) {
                        val d = decide(InfoItem("t", "o", LocalDate.of(2024, 3, 1), category, null, level,
                            flags.first, facts, flags.second))
                        assertTrue(d.mode == DisclosureMode.PROACTIVE || d.mode == DisclosureMode.ON_REQUEST, "$category $level $facts")
                        assertNull(d.ground)
                        assertEquals(d.mode == DisclosureMode.PROACTIVE, d.deadline != null)
                    }
                }
            }
        }
    }

    @Test
    fun publicityAndWithdrawalDeadlines() {
        for (c in objects("publicity")) {
            val d = publicityDeadline(parsePublicityKind(c.str("kind")!!), c.date("decided")!!)
            assertEquals(c.date("due"), d.due, c.str("name"))
            assertEquals(7u, d.workdays)
            assertEquals(strings(c, "articles"), d.articles)
            val late = checkDeadline(d, d.due.plusDays(1), LocalDate.of(2030, 1, 1))!!
            assertEquals("disclosure.publicity_late", late.rule)
            assertNull(checkDeadline(d, d.due, d.due))
        }
        for (c in objects("withdrawal")) {
            val d = withdrawalDeadline(c.date("changed")!!)
            assertEquals(c.date("due"), d.due, c.str("name"))
            assertEquals(3u, d.workdays)
            assertEquals(strings(c, "articles"), d.articles)
            val overdue = checkDeadline(d, null, cal.addWorkdays(d.due, 2L))!!
            assertEquals("disclosure.withdrawal_late", overdue.rule)
            assertEquals(BigDecimal(2), overdue.difference)
        }
        val p = proactiveDeadline(LocalDate.of(2024, 9, 20))
        assertEquals(LocalDate.of(2024, 10, 23), p.due)
        assertThrows(SunlitException.Field::class.java) { checkDeadline(p, LocalDate.of(2024, 9, 1), LocalDate.of(2024, 12, 1)) }
    }

    @Test
    fun informationFee() {
        for (c in objects("fees")) {
            val q = informationFee(parseFeeMethod(c.str("method")!!), c.get("quantity").asLong.toUInt())
            assertEquals(BigDecimal(c.str("amount")), q.amount, c.toString())
            val tiers = feeTiers(q)
            assertEquals(q.amount, tiers.fold(BigDecimal.ZERO) { acc, t -> acc + t.amount })
            assertEquals(q.quantity, tiers.fold(0u) { acc, t -> acc + t.units })
            if (c.has("tiers")) assertEquals(c.get("tiers").asInt, tiers.size, c.toString())
            assertTrue(tiers.all { it.rate <= it.lastRate })
        }
        val top = feeTiers(informationFee(FeeMethod.PER_REQUEST, 4_000_000_000u)).last()
        assertEquals(listOf(1031u, 4_000_000_000u - 1030u), listOf(top.first, top.units))
        assertEquals(BigDecimal(10200), top.rate)
        assertEquals(BigDecimal(200L + 100L * ((4_000_000_000L - 31L) / 10L)), top.lastRate)
        assertThrows(SunlitException.Field::class.java) { parseFeeMethod("per_line") }
    }
}
