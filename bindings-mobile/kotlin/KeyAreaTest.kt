package sunlit.test

import java.math.BigDecimal
import java.time.LocalDate
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertThrows
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import sunlit.KeyAreaChecklist
import sunlit.core.CatalogueEntry
import sunlit.checkGuide
import sunlit.checkInterpretations
import sunlit.interpretationCounts
import sunlit.nationalInterpretationOptions
import sunlit.ocdsMajorProjects
import sunlit.ocdsPublicResources
import sunlit.pairInterpretations
import sunlit.parseGuideElement
import sunlit.parseOrganKind
import sunlit.readGuide
import sunlit.readOcds
import sunlit.core.Category
import sunlit.core.GuideElement
import sunlit.core.ItemState
import sunlit.core.Organ
import sunlit.core.OrganKind
import sunlit.core.OrganLevel
import sunlit.core.SunlitException

/** Issue 15 (area15) from Kotlin: guides, checklists, OCDS facts, interpretations. */
class KeyAreaTest {
    private fun rules(findings: List<sunlit.core.Finding>) = findings.map { it.rule to it.code }

    @Test
    fun realGuides() {
        val dxal = readGuide(TestData.text("disclosure/guides/daxinganling-2016.txt"))
        assertEquals(listOf("guide.ambiguous" to "classification", "guide.missing_arrangement" to "arrangement"), rules(checkGuide(dxal)))
        val fax = dxal.elements.first { it.element == GuideElement.FAX }
        assertEquals("0457-2730740", fax.text)
        val kedong = readGuide(TestData.text("disclosure/guides/kedong.txt"))
        assertEquals(listOf("guide.ambiguous" to "phone", "guide.missing_fax" to "fax"), rules(checkGuide(kedong)))
        assertEquals(listOf<Pair<String, String?>>(), rules(checkGuide(readGuide(TestData.text("disclosure/guides/longting-traditional.txt")))))
        assertEquals(GuideElement.FAX, parseGuideElement("传真号码"))
    }

    private fun entry(title: String, formed: LocalDate?, published: LocalDate?) =
        CatalogueEntry(category = Category.OTHER, index = "", title = title, formed = formed, published = published)

    @Test
    fun checklistFindsLateAndMissing() {
        val list = KeyAreaChecklist.embedded()
        assertTrue(list.areaNames().size >= 8 && "预决算" in list.areaNames())
        val organ = Organ("某县人民政府", OrganLevel.COUNTY, parseOrganKind("人民政府"))
        val report = list.check(
            listOf(entry("某县2024年政府预算公开", LocalDate.of(2024, 1, 10), LocalDate.of(2024, 2, 20))),
            listOf(),
            organ,
            2024,
        )
        val states = report.items.associate { it.item to it.state }
        assertEquals(ItemState.LATE, states["budget.government_budget"])
        assertEquals(ItemState.MISSING, states["emergencies.plans"])
        val late = report.findings.first { it.rule == "key_area.late" }
        assertTrue("2024-01-30" in late.messageZh && "财预〔2016〕143号" in late.messageZh)
        assertEquals(BigDecimal(20), late.expected)
        val e = assertThrows(SunlitException.Input::class.java) {
            KeyAreaChecklist.fromJson(list.toJson().replaceFirst("\"publish\"", "\"publsh\""))
        }
        assertEquals("publsh", e.column)
        assertEquals(OrganKind.FINANCE, parseOrganKind("finance"))
    }

    @Test
    fun ocdsFactsAreExact() {
        val facts = readOcds(TestData.text("disclosure/ocds/moldova-ocds-ngfbwp-17634378.json"), ocdsPublicResources())
        assertEquals(listOf(null, BigDecimal("180739.2"), BigDecimal("180739.2")), facts.map { it.amount })
        assertEquals(LocalDate.of(2017, 2, 23), facts[2].formed)
        val montreal = readOcds(TestData.text("disclosure/ocds/montreal-ocds-a1234567-mt-f1347447.json"), ocdsMajorProjects())
        assertEquals(listOf(BigDecimal("10656.23")), montreal.mapNotNull { it.amount })
        val organ = Organ("PRIMĂRIA", OrganLevel.TOWNSHIP, OrganKind.GOVERNMENT)
        val report = KeyAreaChecklist.embedded().check(listOf(), facts, organ, 2017)
        assertEquals(ItemState.PUBLISHED, report.items.first { it.item == "public_resources.procurement_notice" }.state)
        assertThrows(SunlitException.Input::class.java) { readOcds("{\"date\": \"2024-13-45\"}", ocdsPublicResources()) }
    }

    @Test
    fun interpretations() {
        val policies = pairInterpretations(listOf(
            CatalogueEntry(index = "1", title = "关于印发某县养老服务补贴办法的通知", documentNumber = "某政发〔2024〕3号",
                category = Category.REGULATIONS, published = LocalDate.of(2024, 3, 1)),
            CatalogueEntry(category = Category.OTHER, index = "2", title = "《某县养老服务补贴办法》政策解读", published = LocalDate.of(2024, 3, 8)),
        ))
        assertEquals(1, policies.single().interpretations.size)
        val national = nationalInterpretationOptions()
        assertEquals(listOf("interpretation.late"), checkInterpretations(policies, national).map { it.rule })
        assertEquals(listOf<String>(), checkInterpretations(policies, national.copy(workdays = 5u)).map { it.rule })
        val c = interpretationCounts(policies, national).single()
        assertEquals(listOf(2024L, 1L, 1L, 0L), listOf(c.year.toLong(), c.policies.toLong(), c.interpreted.toLong(), c.onTime.toLong()))
    }
}
