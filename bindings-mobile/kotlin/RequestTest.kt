package sunlit.test

import com.google.gson.JsonObject
import java.math.BigDecimal
import java.time.LocalDate
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import sunlit.core.Applicant
import sunlit.core.Channel
import sunlit.DisclosureRequest
import sunlit.core.EventKind
import sunlit.core.ExemptionGround
import sunlit.core.Outcome
import sunlit.core.RequestState
import sunlit.core.SunlitException
import sunlit.WorkCalendar
import sunlit.parseApplicant
import sunlit.parseChannel
import sunlit.parseConsultParty
import sunlit.parseOutcome

class RequestTest {
    private val cases = TestData.json("disclosure/requests.json")
    private val cal = WorkCalendar.china()

    private fun objects(key: String): List<JsonObject> = cases.getAsJsonArray(key).map { it.asJsonObject }

    private fun request(c: JsonObject) = DisclosureRequest(
        received = c.date("received")!!,
        channel = parseChannel(c.str("channel")!!),
        applicant = parseApplicant(c.str("applicant")!!),
        submitted = c.date("submitted"),
    )

    private fun apply(req: DisclosureRequest, e: JsonObject) {
        val on = e.date("on")
        when (e.str("event")) {
            "correction_requested" -> req.requestCorrection(on!!)
            "correction_received" -> req.receiveCorrection(on!!)
            "consultation_started" -> req.startConsultation(on!!, parseConsultParty(e.str("party") ?: "third_party"))
            "consultation_ended" -> req.endConsultation(on!!)
            "extended" -> req.extend(on!!, e.get("workdays").asInt.toUInt())
            "fee_notice" -> req.feeNotice(on!!, BigDecimal(e.str("amount")))
            "fee_paid" -> req.payFee(on!!)
            "answered" -> req.answer(on!!, parseOutcome(e.str("outcome")!!, e.str("reason")))
            "withdrawn" -> req.withdraw(on!!)
            "carried_over" -> req.carryOver(e.get("year").asInt)
            else -> throw AssertionError(e.toString())
        }
    }

    @Test
    fun requestTimelines() {
        for (c in objects("cases")) {
            val name = c.str("name")
            val req = request(c)
            val events = c.getAsJsonArray("events").map { it.asJsonObject }
            for (e in events) apply(req, e)
            assertEquals(c.date("due"), req.dueDate(cal), name)
            for (s in c.getAsJsonArray("status").map { it.asJsonObject }) {
                val st = req.status(s.date("as_of")!!, cal)
                val at = "$name @ ${s.str("as_of")}"
                assertEquals(s.str("state"), st.state.id(), at)
                assertEquals(s.str("clock"), st.clock.id(), at)
                assertEquals(s.date("due"), st.due, at)
                assertEquals(s.get("overdue_by").asLong, st.overdueBy, at)
                assertEquals(s.get("remaining").asLong, st.remaining, at)
                if (s.has("findings")) {
                    val want = s.getAsJsonArray("findings").map { it.asJsonObject }.map {
                        listOf(it.str("rule"), it.str("severity"), BigDecimal(it.get("expected").asLong), BigDecimal(it.get("actual").asLong))
                    }
                    val got = req.findings(s.date("as_of")!!, cal).map { listOf(it.rule, it.severity.name.lowercase(), it.expected, it.actual) }
                    assertEquals(want, got, at)
                }
            }
            val t = req.timeline(cal)
            assertEquals(t.map { it.date }.sorted(), t.map { it.date }, name)
            assertEquals(events.size + 1, t.count { it.recorded }, name)
            assertEquals(EventKind.RECEIVED, t.first().kind)
            c.date("due")?.let { due -> assertTrue(t.any { it.kind == EventKind.ANSWER_DUE && it.date == due }, name) }
            assertEquals(events.size, req.events().size)
        }
    }

    @Test
    fun impossibleHistoriesThrowNamingTheEvent() {
        val cases = objects("impossible")
        assertTrue(cases.size >= 18)
        for (c in cases) {
            val name = c.str("name")
            val e = if (c.get("index").isJsonNull) {
                assertThrows(SunlitException.History::class.java, { request(c) }, name)
            } else {
                val req = request(c)
                val events = c.getAsJsonArray("events").map { it.asJsonObject }
                val index = c.get("index").asInt
                for (ev in events.take(index)) apply(req, ev)
                val before = req.events().size
                val err = assertThrows(SunlitException.History::class.java, { apply(req, events[index]) }, name)
                assertEquals(before, req.events().size, "$name: nothing recorded")
                err
            }
            assertEquals(EventKind.valueOf(c.str("event")!!.uppercase()), e.event, name)
            assertTrue(e.reason.isNotEmpty())
        }
    }

    @Test
    fun outcomesStatusAndFindings() {
        val req = DisclosureRequest(LocalDate.of(2024, 9, 20), Channel.ONLINE, Applicant.NATURAL_PERSON, reference = "2024-017")
        assertEquals("request.overdue", req.findings(LocalDate.of(2024, 10, 24)).single().rule)
        req.answer(LocalDate.of(2024, 10, 25), Outcome.Refused(ExemptionGround.STATE_SECRET))
        val st = req.status(LocalDate.of(2024, 11, 1))
        assertEquals(RequestState.ANSWERED_LATE, st.state)
        assertEquals(2L, st.overdueBy)
        assertEquals(Outcome.Refused(ExemptionGround.STATE_SECRET), st.outcome)
        val f = req.findings(LocalDate.of(2024, 11, 1)).single()
        assertEquals("request.answered_late", f.rule)
        assertEquals("2024-017", f.code)
        assertEquals(parseOutcome("不予公开", "属于国家秘密"), Outcome.Refused(ExemptionGround.STATE_SECRET))
        assertEquals(Channel.ONLINE, parseChannel("网上申请"))
        assertEquals(Applicant.OTHER_ORGANIZATION, parseApplicant("其他"))
        assertThrows(SunlitException.Field::class.java) { parseOutcome("refused") }
        assertThrows(SunlitException.Field::class.java) { parseChannel("email") }
        assertThrows(SunlitException.UncoveredYear::class.java) {
            DisclosureRequest(LocalDate.of(2026, 12, 20), Channel.ONLINE, Applicant.NATURAL_PERSON).dueDate()
        }
    }
}
