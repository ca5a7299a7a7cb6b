//! Issue 15 (area15): the disclosure guide (art. 12), key-area checklists (重点领域信息公开), the
//! OCDS link and policy interpretations (政策解读).

use std::sync::Arc;

use sunlit::{
    Finding,
    disclosure::{
        CatalogueEntry,
        guide::DisclosureGuide,
        guide::GuideElement,
        interpretation::{self, InterpretationCounts, InterpretationOptions, Policy},
        key_area::{Checklist, KeyAreaReport, Organ, OrganKind, PublishedFact, ocds},
    },
};

use crate::calendar::{WorkCalendar, calendar};
use crate::errors::Result;

/// A key-area checklist: areas → items, each with what must be published, by whom, within what
/// period, citing the document. The national one is embedded; a province loads its own JSON.
#[derive(uniffi::Object)]
pub struct KeyAreaChecklist(pub Checklist);

constructors! { KeyAreaChecklist {
    /// The national checklist shipped with the library.
    #[uniffi::constructor]
    fn embedded() -> Arc<KeyAreaChecklist> = Arc::new(KeyAreaChecklist(Checklist::embedded()));
    /// A checklist from JSON text; errors name the line and field.
    #[uniffi::constructor]
    fn from_json(text: String) -> Result<Arc<KeyAreaChecklist>> =
        Ok(Arc::new(KeyAreaChecklist(Checklist::from_json(&text)?)));
    /// A checklist from a JSON file.
    #[uniffi::constructor]
    fn from_path(path: String) -> Result<Arc<KeyAreaChecklist>> =
        Ok(Arc::new(KeyAreaChecklist(Checklist::from_path(path)?)));
}}

methods! { KeyAreaChecklist(c) {
    /// Its id.
    fn id() -> String = c.0.id.clone();
    /// Its version.
    fn version() -> String = c.0.version.clone();
    /// The areas' Chinese names.
    fn area_names() -> Vec<String> = c.0.areas.iter().map(|a| a.name.clone()).collect();
    /// Every item's id.
    fn item_ids() -> Vec<String> =
        c.0.areas.iter().flat_map(|a| a.items.iter().map(|i| i.id.clone())).collect();
    /// The checklist as JSON.
    fn to_json() -> String = c.0.to_json();
    /// Check a catalogue and published facts of `organ` for `year`: what is missing or late
    /// (an error only for a value that cannot cross, e.g. an amount beyond 28 digits).
    #[uniffi::method(default(cal = None))]
    fn check(
        entries: Vec<CatalogueEntry>,
        facts: Vec<PublishedFact>,
        organ: Organ,
        year: i32,
        cal: Option<Arc<WorkCalendar>>,
    ) -> Result<KeyAreaReport> = Ok(c.0.check(&entries, &facts, &organ, year, &calendar(cal)));
}}

functions! {
    /// An organ kind (`government`, `department`, `finance` or 人民政府 …).
    fn parse_organ_kind(text: String) -> Result<OrganKind> = Ok(OrganKind::parse(&text)?);
    /// A guide element (`fax`, `传真号码` …).
    fn parse_guide_element(text: String) -> Result<GuideElement> = Ok(GuideElement::parse(&text)?);
    /// Read a disclosure guide from its text (simplified or traditional characters).
    fn read_guide(text: String) -> DisclosureGuide = DisclosureGuide::from_text(&text);
    /// The `guide.*` findings of a guide.
    fn check_guide(guide: DisclosureGuide) -> Vec<Finding> = guide.check();
    /// The published facts of an OCDS release or release package (amounts exact).
    fn read_ocds(text: String, mapping: ocds::OcdsMapping) -> Result<Vec<PublishedFact>> =
        Ok(ocds::read(&text, &mapping)?);
    /// The mapping of OCDS stages to the 公共资源配置 (procurement) items.
    fn ocds_public_resources() -> ocds::OcdsMapping = ocds::OcdsMapping::default();
    /// The mapping of OCDS stages to the 重大建设项目 tender item.
    fn ocds_major_projects() -> ocds::OcdsMapping = ocds::OcdsMapping::major_projects();
    /// Policies and their interpretations, paired by title and document number.
    fn pair_interpretations(entries: Vec<CatalogueEntry>) -> Result<Vec<Policy>> =
        Ok(interpretation::pair(&entries));
    /// The national period: the same day (国办发〔2016〕80号, 同步).
    fn national_interpretation_options() -> InterpretationOptions =
        InterpretationOptions::default();
    /// The `interpretation.*` findings.
    export(default(cal = None))
    fn check_interpretations(
        policies: Vec<Policy>,
        options: InterpretationOptions,
        cal: Option<Arc<WorkCalendar>>,
    ) -> Result<Vec<Finding>> =
        Ok(interpretation::check(&policies, &options, &calendar(cal))?);
    /// Per-year counts of policies and interpretations.
    export(default(cal = None))
    fn interpretation_counts(
        policies: Vec<Policy>,
        options: InterpretationOptions,
        cal: Option<Arc<WorkCalendar>>,
    ) -> Result<Vec<InterpretationCounts>> =
        Ok(interpretation::counts(&policies, &options, &calendar(cal))?);
}
