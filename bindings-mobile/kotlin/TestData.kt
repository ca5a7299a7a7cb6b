package sunlit.test

import java.io.File

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
}
