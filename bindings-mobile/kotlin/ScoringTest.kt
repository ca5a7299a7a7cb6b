package sunlit.test

import java.math.BigDecimal
import java.math.RoundingMode
import java.time.LocalDate
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import sunlit.EvidenceFile
import sunlit.OrganScore
import sunlit.ScoringScheme
import sunlit.ScoringEvidence
import sunlit.core.OrganKind
import sunlit.core.OrganLevel
import sunlit.core.SunlitException
import sunlit.rankScores
import sunlit.rankingToMarkdown

/** Transparency scoring on the golden case of tests/data/scoring/golden.json (the same organs,
 *  documents, weights and expected scores as tests/tests/scoring.rs and test_scoring.py). */
class ScoringTest {
    private val golden = TestData.json("scoring/golden.json")

    private fun scheme(): ScoringScheme {
        val weights = golden.getAsJsonObject("weights").entrySet().associate { it.key to BigDecimal(it.value.asString) }
        return ScoringScheme.embedded(golden.str("scheme")!!).withWeights(weights)
    }

    private fun scores(case: com.google.gson.JsonObject): List<OrganScore> {
        val s = scheme()
        val kind = if (case.str("kind") == "government") OrganKind.GOVERNMENT else OrganKind.DEPARTMENT
        return case.getAsJsonArray("organs").map { it.asJsonObject }.map { o ->
            val files = o.getAsJsonArray("documents").map { it.asJsonObject }
                .map { d -> EvidenceFile(TestData.file(d.str("path")!!).path, d.date("published")) }
            s.score(ScoringEvidence(o.str("organ")!!, kind, case.get("year").asInt, files))
        }
    }

    @Test
    fun realOrgansScoreAndRankAsInTheGoldenFile() {
        for (case in golden.getAsJsonArray("cases").map { it.asJsonObject }) {
            val scores = scores(case)
            val ranking = rankScores(scores).associateBy { it.organ }
            for ((o, s) in case.getAsJsonArray("organs").map { it.asJsonObject }.zip(scores)) {
                val want = o.getAsJsonObject("expected")
                assertEquals(BigDecimal(want.str("total")), s.total(), s.organ())
                assertEquals(want.get("rank").asInt.toUInt(), ranking.getValue(s.organ()).rank)
                assertEquals(want.get("tied").asBoolean, ranking.getValue(s.organ()).tied)
                val lines = s.explanation().associateBy { it.id }
                for ((id, v) in want.getAsJsonObject("scores").entrySet()) {
                    assertEquals(BigDecimal(v.asString), lines.getValue(id).score.setScale(2, RoundingMode.HALF_UP), id)
                }
                for ((id, facts) in want.getAsJsonObject("facts").entrySet()) {
                    for (f in facts.asJsonArray) assertTrue(f.asString in lines.getValue(id).facts, "$id: $f")
                }
                val missing = want.get("missing_evidence").asInt
                assertEquals(List(missing) { "scoring.missing_evidence" }, s.findings().map { it.rule })
                assertTrue(s.toMarkdown().contains("| 1 | 第三方机构测评"))
            }
        }
    }

    @Test
    fun unknownWeightsAreRefusedNamingTheIndicator() {
        val raw = ScoringScheme.embedded("xianning-2023")
        assertEquals(13, raw.unknownWeights().size)
        val e = assertThrows(SunlitException.Field::class.java) {
            raw.score(ScoringEvidence("淮安市人民政府", OrganKind.GOVERNMENT, 2024))
        }
        assertEquals("xianning-2023.proactive", e.value)
        assertThrows(SunlitException::class.java) { ScoringScheme.embedded("beijing-2099") }
        assertThrows(SunlitException::class.java) { ScoringScheme.fromJson("{\"id\":\"t\"}") }
    }

    @Test
    fun cassEqualWeightsGiveTheMeanAndOtherYearsAreNotRankedTogether() {
        val cass = ScoringScheme.embedded("cass-2022")
        val s = cass.withWeights(cass.unknownWeights().associateWith { BigDecimal.ONE })
        val manual = mapOf(
            "cass-2022.decision" to BigDecimal("87.80"), "cass-2022.management_service" to BigDecimal("81.70"),
            "cass-2022.execution_result" to BigDecimal("81.15"), "cass-2022.platform" to BigDecimal("95.00"),
            "cass-2022.on_request" to BigDecimal("87.50"),
        )
        val shenzhen = s.score(ScoringEvidence("深圳市人民政府", OrganKind.GOVERNMENT, 2021, manual = manual))
        assertEquals(BigDecimal("86.63"), shenzhen.total())
        val other = s.score(ScoringEvidence("甲", OrganKind.GOVERNMENT, 2022))
        assertThrows(SunlitException.MixedDimension::class.java) { rankScores(listOf(shenzhen, other)) }
        assertTrue(rankingToMarkdown(rankScores(listOf(shenzhen))).contains("| 1 | 深圳市人民政府 | 86.63 |"))
        val local = ScoringScheme.fromJson(
            "{\"id\":\"t\",\"version\":\"1\",\"name_zh\":\"测\",\"name_en\":\"t\",\"source\":\"-\",\"indicators\":[{\"id\":\"c\"," +
                "\"name_zh\":\"类别\",\"name_en\":\"c\",\"weight\":\"1\",\"evaluator\":{\"kind\":\"catalogue_categories\",\"categories\":[\"budgets\"],\"local\":true}}]}",
        )
        val entries = "[{\"index\":\"1/2024-1\",\"title\":\"预算\",\"category\":\"budgets\",\"published\":\"2024-03-01\"}]"
        val township = local.score(ScoringEvidence("某乡人民政府", OrganKind.GOVERNMENT, 2024, catalogueJson = entries, level = OrganLevel.TOWNSHIP))
        assertEquals(BigDecimal("11.11"), township.total())
        val late = EvidenceFile("no/such.pdf", LocalDate.of(2025, 2, 1))
        assertThrows(SunlitException.File::class.java) {
            s.score(ScoringEvidence("甲", OrganKind.GOVERNMENT, 2024, listOf(late)))
        }
    }
}
