package sunlit.test

import java.io.File
import java.nio.file.Files
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import sunlit.Ledger
import sunlit.ListenerException
import sunlit.ProgressListener
import sunlit.core.SunlitException

/** Progress of a long load from Kotlin: `Ledger.readCsv(path, options, listener)`. */
class ProgressTest {
    /** Every report, in order. */
    private class Recorder : ProgressListener {
        val calls = mutableListOf<Pair<ULong, ULong?>>()
        override fun onProgress(bytesRead: ULong, fileSize: ULong?) {
            calls += bytesRead to fileSize
        }
    }

    companion object {
        /** A ledger of 200,000 lines, about 10 MB: several 4 MiB reports. */
        val big: File by lazy {
            val f = Files.createTempFile("sunlit-progress", ".csv").toFile()
            f.deleteOnExit()
            f.bufferedWriter().use { w ->
                w.write("year,book,phase,unit,functional,economic,nature,source,amount\n")
                val codes = listOf("2080505", "2080506", "2010101", "2130101")
                for (i in 0 until 200_000) {
                    w.write("2026,general,budget,单位${i % 97},${codes[i % 4]},,basic,,${i % 10_000}.${i % 100}\n")
                }
            }
            f
        }
    }

    @Test
    fun reportsGrowToTheFileSize() {
        val seen = Recorder()
        val ledger = Ledger.readCsv(big.path, null, seen)
        assertEquals(200_000uL, ledger.len())
        val size = big.length().toULong()
        assertTrue(seen.calls.size >= 3, "a 10 MB load is reported more than at its start and end: ${seen.calls}")
        assertEquals(0uL, seen.calls.first().first)
        assertEquals(size to size, seen.calls.last(), "the last report is the whole file")
        assertTrue(seen.calls.all { it.second == size }, "every report knows the file size")
        seen.calls.zipWithNext().forEach { (a, b) -> assertTrue(b.first >= a.first, "monotonic: ${seen.calls}") }
        // the same ledger as without a listener
        assertEquals(Ledger.readCsv(big.path).toCsv(), ledger.toCsv())
    }

    @Test
    fun aSmallFileIsReportedAtItsStartAndEnd() {
        val path = TestData.file("budget/chengguan_2026_ledger.csv")
        val seen = Recorder()
        Ledger.readCsv(path.path, listener = seen)
        val size = path.length().toULong()
        assertEquals(size to size, seen.calls.last())
        assertTrue(seen.calls.size >= 2)
    }

    @Test
    fun aThrowingListenerIsAnErrorNotACrash() {
        var called = 0
        val failing = object : ProgressListener {
            override fun onProgress(bytesRead: ULong, fileSize: ULong?) {
                called += 1
                throw IllegalStateException("the bar is gone")
            }
        }
        val e = assertThrows(SunlitException.Other::class.java) { Ledger.readCsv(big.path, null, failing) }
        assertTrue("IllegalStateException: the bar is gone" in e.description, e.description)
        assertEquals(1, called, "not called again after it threw")
        // its own exception type passes through the same way
        val own = object : ProgressListener {
            override fun onProgress(bytesRead: ULong, fileSize: ULong?) {
                throw ListenerException.Failed("stopped by the user")
            }
        }
        val e2 = assertThrows(SunlitException.Other::class.java) { Ledger.readCsv(big.path, null, own) }
        assertTrue("stopped by the user" in e2.description, e2.description)
    }

    @Test
    fun aBadFileIsStillTheReadersError() {
        val seen = Recorder()
        val bad = Files.createTempFile("sunlit-progress-bad", ".csv").toFile()
        bad.deleteOnExit()
        bad.writeText("year,book,phase,unit,functional,economic,nature,source,amount\n2026,general,budget,u,2080505,,basic,,1e5\n")
        val e = assertThrows(SunlitException.Input::class.java) { Ledger.readCsv(bad.path, null, seen) }
        assertEquals(2uL, e.line)
        assertEquals("amount", e.column)
        assertTrue(seen.calls.isNotEmpty() && seen.calls.all { it.first <= bad.length().toULong() }, "${seen.calls}")
        assertThrows(SunlitException.File::class.java) { Ledger.readCsv(File(bad.parent, "no/such.csv").path, null, seen) }
    }
}
