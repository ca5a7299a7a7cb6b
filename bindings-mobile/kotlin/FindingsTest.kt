package sunlit.test

import com.google.gson.JsonParser
import java.math.BigDecimal
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import sunlit.core.AmountUnit
import sunlit.DisclosureDocument
import sunlit.core.Finding
import sunlit.PublishedTable
import sunlit.RollupOptions
import sunlit.core.Severity
import sunlit.core.Subtotals
import sunlit.TableCheckOptions
import sunlit.core.TableKind
import sunlit.TableLedgerOptions
import sunlit.filterFindings
import sunlit.findingsToCsv
import sunlit.findingsToJson
import sunlit.sortFindings

/** The findings report — sort, filter, CSV and JSON — on real findings of the golden data. */
class FindingsTest {
    private fun unit(u: String) = if (u == "万元") AmountUnit.WAN_YUAN else AmountUnit.YUAN

    private fun read(relative: String, kind: String, u: String) =
        PublishedTable.readCsv(TestData.file(relative).path, unit(u), TableKind.valueOf(kind.uppercase()), null)

    /** Warnings first, then the errors of every corrupted copy, then a ledger finding: unsorted. */
    private fun realFindings(): List<Finding> {
        val doc = TestData.table("tables/chengguan_2026/document.csv").map {
            read("tables/chengguan_2026/${it.getValue("file")}", it.getValue("kind"), it.getValue("unit"))
        }
        val found = DisclosureDocument(doc, listOf()).check(TableCheckOptions()).toMutableList()
        assertTrue(found.all { it.severity == Severity.WARNING })
        for (c in TestData.table("tables/corrupted/cases.csv").distinctBy { it.getValue("file") }) {
            found += read("tables/corrupted/${c.getValue("file")}", c.getValue("kind"), c.getValue("unit")).check(TableCheckOptions())
        }
        val broken = read("tables/corrupted/class_total_changed.csv", "budget_general_functional", "元")
        found += broken.toLedger(TableLedgerOptions(2026, "u", subtotals = true)).rollup(RollupOptions(subtotals = Subtotals.CHECK)).findings()
        return found
    }

    /** RFC 4180 fields of a CSV text (quotes doubled inside quoted fields, no line breaks in fields). */
    private fun parseCsv(text: String): List<List<String>> = text.trimEnd('\n').split("\n").map { line ->
        val fields = mutableListOf<String>()
        val cur = StringBuilder()
        var quoted = false
        var i = 0
        while (i < line.length) {
            val c = line[i]
            when {
                quoted && c == '"' && i + 1 < line.length && line[i + 1] == '"' -> { cur.append('"'); i++ }
                c == '"' -> quoted = !quoted
                c == ',' && !quoted -> { fields += cur.toString(); cur.clear() }
                else -> cur.append(c)
            }
            i++
        }
        fields += cur.toString()
        fields
    }

    @Test
    fun sortPutsErrorsFirst() {
        val found = realFindings()
        assertEquals(Severity.WARNING, found.first().severity)
        val sorted = sortFindings(found)
        assertEquals(found.size, sorted.size)
        val errors = sorted.count { it.severity == Severity.ERROR }
        assertTrue(sorted.take(errors).all { it.severity == Severity.ERROR } && sorted.drop(errors).all { it.severity == Severity.WARNING })
        val keys = sorted.map { listOf(it.severity.ordinal.toString(), it.rule, it.table ?: "", it.code ?: "", it.column ?: "") }
        assertEquals(keys.sortedWith { a, b -> a.zip(b).map { (x, y) -> x.compareTo(y) }.firstOrNull { it != 0 } ?: 0 }, keys)
        assertEquals("budget.subtotal_mismatch", sorted.first().rule)
    }

    @Test
    fun filterByRuleFamilyAndSeverity() {
        val found = realFindings()
        val errors = filterFindings(found, listOf("tables."), Severity.ERROR)
        assertEquals(7, errors.size)
        assertTrue(errors.all { it.rule.startsWith("tables.") && it.severity == Severity.ERROR })
        assertEquals(4, filterFindings(found, listOf("tables.*"), Severity.WARNING).size)
        assertEquals(5, filterFindings(found, listOf("tables.parent_sum", "budget.subtotal_mismatch"), null).size)
        assertEquals(listOf<Finding>(), filterFindings(found, listOf("tables"), null))
        assertEquals(found, filterFindings(found, listOf(), null))
    }

    @Test
    fun csvExportHeaderAndQuoting() {
        val found = realFindings()
        val text = findingsToCsv(found)
        assertEquals("rule,severity,table,code,column,expected,actual,difference,message_zh,message_en,page,printed", text.lines().first())
        val rows = parseCsv(text).drop(1)
        assertEquals(found.size, rows.size)
        for ((r, f) in rows.zip(found)) {
            assertEquals(12, r.size, r.toString())
            assertEquals(listOf(f.rule, f.code ?: "", f.expected?.toPlainString() ?: "", f.messageZh, f.messageEn), listOf(r[0], r[3], r[5], r[8], r[9]))
        }
        val leaf = found.indexOfFirst { it.rule == "tables.subtotal_as_leaf" }
        assertTrue(found[leaf].messageEn.contains(','))
        assertTrue(text.contains("\"${found[leaf].messageEn}\""), "a message with a comma is quoted")
    }

    @Test
    fun jsonExportAmountsAreStrings() {
        val found = realFindings()
        val items = JsonParser.parseString(findingsToJson(found)).asJsonArray.map { it.asJsonObject }
        assertEquals(found.size, items.size)
        for ((j, f) in items.zip(found)) {
            for ((key, value) in listOf("expected" to f.expected, "actual" to f.actual, "difference" to f.difference)) {
                val e = j.get(key)
                if (value == null) assertTrue(e.isJsonNull, key) else {
                    assertTrue(e.isJsonPrimitive && e.asJsonPrimitive.isString, key)
                    assertEquals(value.toPlainString(), e.asString)
                }
            }
        }
        val rowSum = items.single { it.get("rule").asString == "tables.row_sum" }
        assertEquals("114.32", rowSum.get("expected").asString)
        assertEquals("-0.10", rowSum.get("difference").asString)
        assertEquals(BigDecimal("114.22"), BigDecimal(rowSum.get("actual").asString))
    }
}
