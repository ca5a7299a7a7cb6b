package sunlit.test

import com.google.gson.JsonParser
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import sunlit.DocumentOptions
import sunlit.core.Severity
import sunlit.readDocument
import sunlit.rules

/**
 * Real documents first met as unseen documents (tests/data/documents/heldout.json, the same file as
 * tests/tests/held_out.rs and test_held_out.py): exactly their real error and warning findings.
 */
class HeldOutTest {
    private data class Expected(val rule: String, val page: UInt, val text: String)

    @Test
    fun heldOutDocumentsGiveExactlyTheirRealFindings() {
        val manifest = JsonParser.parseString(TestData.text("documents/heldout.json")).asJsonObject
        val docs = manifest["documents"].asJsonArray
        assertEquals(4, docs.size())
        for (e in docs) {
            val d = e.asJsonObject
            val path = d["path"].asString
            val doc = readDocument(TestData.file("documents/$path").path, DocumentOptions())
            val json = JsonParser.parseString(doc.toJson()).asJsonObject
            val report = if (json.has("documents")) json["documents"].asJsonArray[0].asJsonObject else json
            assertEquals(d["kind"].asString, report["kind"].asString, path)
            assertEquals(d["year"].asInt, report["year"].asInt, path)
            for ((key, severity) in listOf("errors" to Severity.ERROR, "warnings" to Severity.WARNING)) {
                val want = d[key].asJsonArray.map {
                    val a = it.asJsonArray
                    Expected(a[0].asString, a[1].asInt.toUInt(), a[2].asString)
                }
                val got = doc.findings().filter { it.severity == severity }
                assertEquals(want.size, got.size, "$path $key: ${got.map { it.rule to it.page }}")
                for (w in want) {
                    assertTrue(
                        got.any { it.rule == w.rule && it.page == w.page && ((it.printed ?: it.table ?: "").contains(w.text)) },
                        "$path: $w",
                    )
                }
            }
            val infos = doc.findings().filter { it.severity == Severity.INFO }.groupingBy { it.rule }.eachCount()
            for ((rule, n) in d["infos"].asJsonObject.entrySet()) {
                assertEquals(n.asInt, infos[rule] ?: 0, "$path $rule")
            }
            val read = doc.tables().filter { t -> t.table?.rows()?.isNotEmpty() == true }.mapNotNull { it.number?.toInt() }
            for (n in d["read"].asJsonArray) {
                assertTrue(n.asInt in read, "$path: table ${n.asInt} not read ($read)")
            }
        }
    }

    @Test
    fun templateWordsBesideAZeroAreAnInfo() {
        // 江苏省人大常委会办公厅 2018: "与上年相比增加(减少)0万元" ×7, and one real rate error (p.21).
        val doc = readDocument(TestData.file("documents/jiangsu/jiangsu-npc-office-budget-2018.pdf").path, DocumentOptions())
        val zero = doc.findings().filter { it.rule == "narrative.template_zero" }
        assertEquals(7, zero.size)
        assertTrue(zero.all { it.severity == Severity.INFO })
        assertEquals(listOf(21u), doc.findings().filter { it.severity == Severity.ERROR }.map { it.page })
        assertEquals(Severity.INFO, rules().single { it.id == "narrative.template_zero" }.severity)
    }
}
