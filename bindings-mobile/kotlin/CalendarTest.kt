package sunlit.test

import com.google.gson.JsonObject
import java.io.File
import java.time.DayOfWeek
import java.time.LocalDate
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertFalse
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import sunlit.core.LocalCalendar
import sunlit.core.SunlitException
import sunlit.core.Uncovered
import sunlit.WorkCalendar

class CalendarTest {
    private val cal = WorkCalendar.china()
    private val cases = TestData.json("disclosure/calendar.json")

    private fun weekend(d: LocalDate) = d.dayOfWeek == DayOfWeek.SATURDAY || d.dayOfWeek == DayOfWeek.SUNDAY

    private fun objects(key: String): List<JsonObject> = cases.getAsJsonArray(key).map { it.asJsonObject }

    @Test
    fun everyDay2007To2026FollowsTheOfficialFiles() {
        val listed = HashMap<LocalDate, Boolean>()
        for (year in 2007..2027) {
            val file = TestData.json("../../core/data/holidays-cn/$year.json")
            for (d in file.getAsJsonArray("days")) {
                val o = d.asJsonObject
                listed[LocalDate.parse(o.str("date"))] = o.get("isOffDay").asBoolean
            }
        }
        assertEquals(678, listed.size)
        var d = LocalDate.of(2007, 1, 1)
        while (d.year <= 2026) {
            val expected = listed[d]?.let { !it } ?: !weekend(d)
            assertEquals(expected, cal.isWorkday(d), d.toString())
            d = d.plusDays(1)
        }
    }

    @Test
    fun everyHolidayBlockAndMakeUpDay() {
        val edge = cal.withUncovered(Uncovered.WEEKENDS_ONLY)
        val blocks = TestData.table("disclosure/holiday_blocks.csv")
        assertEquals(132, blocks.size)
        for (b in blocks) {
            val first = LocalDate.parse(b.getValue("first"))
            val last = LocalDate.parse(b.getValue("last"))
            assertEquals(b.getValue("days").toLong(), last.toEpochDay() - first.toEpochDay() + 1)
            var d = first
            while (!d.isAfter(last)) {
                assertFalse(cal.isWorkday(d), "$d ${b["name"]}")
                d = d.plusDays(1)
            }
            assertTrue(edge.isWorkday(first.minusDays(1)), first.toString())
            assertTrue(edge.isWorkday(last.plusDays(1)), last.toString())
        }
        val makeup = TestData.table("disclosure/makeup_days.csv")
        assertEquals(133, makeup.size)
        for (m in makeup) {
            val d = LocalDate.parse(m.getValue("date"))
            assertTrue(edge.isWorkday(d), d.toString())
            assertEquals(d != LocalDate.of(2020, 2, 3), weekend(d), d.toString())
            assertFalse(edge.day(d)!!.off)
        }
    }

    @Test
    fun handCheckedSpotDays() {
        for (c in objects("spot_checks")) {
            assertEquals(c.get("workday").asBoolean, cal.isWorkday(c.date("date")!!), c.str("why"))
        }
    }

    @Test
    fun deadlinesAcrossHolidaysAndTheYearBoundary() {
        for (c in objects("deadlines")) {
            val start = c.date("start")!!
            val due = c.date("due")!!
            val n = c.get("workdays").asLong
            assertEquals(due, cal.addWorkdays(start, n), c.str("name"))
            if (n > 0) assertEquals(n, cal.workdaysBetween(start, due), c.str("name"))
            if (n == 1L) assertEquals(due, cal.nextWorkday(start))
        }
        for (c in objects("between")) {
            assertEquals(c.get("workdays").asLong, cal.workdaysBetween(c.date("a")!!, c.date("b")!!), c.toString())
        }
    }

    @Test
    fun uncoveredYearsThrowNamingTheYearUnlessWeekendsOnly() {
        for (c in objects("uncovered")) {
            val d = c.date("date")!!
            val e = assertThrows(SunlitException.UncoveredYear::class.java, {
                if (c.str("call") == "is_workday") cal.isWorkday(d) else cal.addWorkdays(d, c.get("workdays").asLong)
            }, c.str("name"))
            assertEquals(c.get("year").asInt, e.year, c.str("name"))
            assertEquals("2007–2026", e.covered)
        }
        val lenient = cal.withUncovered(Uncovered.WEEKENDS_ONLY)
        assertEquals(Uncovered.WEEKENDS_ONLY, lenient.uncovered())
        for (c in objects("weekends_only")) {
            assertEquals(c.date("due"), lenient.addWorkdays(c.date("start")!!, c.get("workdays").asLong), c.str("name"))
        }
        assertFalse(cal.isCovered(2027))
        assertEquals((2007..2026).toList(), cal.coveredYears())
    }

    @Test
    fun aYearFileLoadedAtRunTime() {
        val text = File(TestData.holidays, "2024.json").readText(Charsets.UTF_8)
        val loaded = WorkCalendar.weekendsOnly().withYearJson(text).withUncovered(Uncovered.ERROR)
        assertEquals(listOf(2024), loaded.coveredYears())
        var d = LocalDate.of(2024, 1, 1)
        while (d.year == 2024) {
            assertEquals(cal.isWorkday(d), loaded.isWorkday(d), d.toString())
            d = d.plusDays(1)
        }
        assertThrows(SunlitException.UncoveredYear::class.java) { loaded.isWorkday(LocalDate.of(2025, 1, 2)) }
        val bad = """{"year": 2027, "days": [{"name": "x", "date": "2026-10-01", "isOffDay": false}]}"""
        val e = assertThrows(SunlitException.Input::class.java) { cal.withYearJson(bad) }
        assertEquals(1UL, e.line)
        assertEquals("2026-10-01", e.value)
    }

    /** Issue 11 defects 7 and 8: a file for year 0, or listing only the December before its year, is refused. */
    @Test
    fun aYearFileCoversOnlyItsOwnSupportedYear() {
        val eve = """{"year": 2027, "days": [{"name": "元旦", "date": "2026-12-31", "isOffDay": true}]}"""
        val e = assertThrows(SunlitException.Input::class.java) { cal.withYearJson(eve) }
        assertEquals(1UL, e.line)
        assertEquals("2026-12-31", e.value)
        val zero = """{"year": 0, "days": [{"name": "x", "date": "0000-01-01", "isOffDay": true}]}"""
        val z = assertThrows(SunlitException.Input::class.java) { cal.withYearJson(zero) }
        assertEquals(0UL, z.line)
        assertEquals("year", z.column)
        val lenient = WorkCalendar.weekendsOnly()
        assertThrows(SunlitException.Field::class.java) { lenient.isWorkday(LocalDate.of(1, 1, 1)) }
        assertThrows(SunlitException.Field::class.java) { lenient.addWorkdays(LocalDate.of(9999, 12, 30), 5L) }
        assertTrue(lenient.isWorkday(LocalDate.of(1949, 1, 3)))
    }

    @Test
    fun localLayersWin() {
        val local = cal.withLocal(LocalCalendar(name = "local test", holidays = listOf(LocalDate.of(2024, 3, 5)),
            workdays = listOf(LocalDate.of(2024, 3, 9), LocalDate.of(2024, 10, 7))))
        assertFalse(local.isWorkday(LocalDate.of(2024, 3, 5)))
        assertTrue(local.isWorkday(LocalDate.of(2024, 3, 9)))
        assertTrue(local.isWorkday(LocalDate.of(2024, 10, 7)))
        assertEquals(1L, local.workdaysBetween(LocalDate.of(2024, 3, 8), LocalDate.of(2024, 3, 10)))
        assertEquals(0L, cal.workdaysBetween(LocalDate.of(2024, 3, 8), LocalDate.of(2024, 3, 10)))
        val day = local.day(LocalDate.of(2024, 10, 7))!!
        assertTrue(day.local && !day.off && day.name == "local test")
        val both = LocalCalendar(holidays = listOf(LocalDate.of(2024, 3, 5)), workdays = listOf(LocalDate.of(2024, 3, 5)))
        assertThrows(SunlitException.Field::class.java) { cal.withLocal(both) }
    }
}
