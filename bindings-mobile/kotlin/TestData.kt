package sunlit.test

import com.google.gson.Gson
import com.google.gson.JsonObject
import java.io.File
import java.time.LocalDate

/** The golden data shared with the Rust and Python suites (tests/data). */
object TestData {
    val dir: File = File(System.getProperty("sunlit.testdata") ?: "tests/data")

    fun file(relative: String): File = File(dir, relative)

    fun text(relative: String): String = file(relative).readText(Charsets.UTF_8)

    /** A simple CSV (no quoted commas) or TSV file as maps from header to value. */
    fun table(relative: String, delimiter: String = ","): List<Map<String, String>> {
        val lines = text(relative).split("\n").filter { it.isNotEmpty() }
        val header = lines.first().split(delimiter)
        return lines.drop(1).map { line ->
            val cells = line.split(delimiter)
            require(cells.size == header.size) { "$relative: ragged line $line" }
            header.zip(cells).toMap()
        }
    }

    /** A JSON file as an object (Gson). */
    fun json(relative: String): JsonObject = Gson().fromJson(text(relative), JsonObject::class.java)

    /** The embedded official holiday files (core/data/holidays-cn). */
    val holidays: File = File(dir, "../../core/data/holidays-cn")
}

/** The string at `key`, or null when missing or JSON null. */
fun JsonObject.str(key: String): String? = get(key)?.takeIf { !it.isJsonNull }?.asString

/** The date at `key`, or null when missing or JSON null. */
fun JsonObject.date(key: String): LocalDate? = str(key)?.let { LocalDate.parse(it) }
