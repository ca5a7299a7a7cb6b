//! `sunlit.DisclosureGuide`, `sunlit.Checklist`, `sunlit.KeyAreaReport`, `sunlit.read_ocds`,
//! `sunlit.check_interpretations` and `sunlit.interpretation_counts` (issue 15: the guide,
//! key-area checklists, the OCDS link, policy interpretations).

use std::path::PathBuf;

use pyo3::prelude::*;
use sunlit::disclosure::OrganLevel;
use sunlit::disclosure::guide::{DisclosureGuide, GuideElement};
use sunlit::disclosure::interpretation::{self, InterpretationOptions};
use sunlit::disclosure::key_area::{
    Checklist, KeyAreaReport, Organ, OrganKind, entries_from_json, facts_from_json, facts_to_json,
    ocds,
};

use crate::calendar::{PyWorkCalendar, calendar};
use crate::convert::{Int, Text};
use crate::errors::IntoPy;
use crate::finding::PyFinding;

/// A disclosure guide (政府信息公开指南, art. 12 ¶1) read from its text.
#[pyclass(module = "sunlit", name = "DisclosureGuide", frozen)]
pub struct PyDisclosureGuide(pub DisclosureGuide);

#[pymethods]
impl PyDisclosureGuide {
    /// Read a guide from its text (simplified or traditional characters).
    #[staticmethod]
    fn from_text(text: Text) -> PyDisclosureGuide {
        PyDisclosureGuide(DisclosureGuide::from_text(&text))
    }

    /// Read a guide from a text or HTML file.
    #[staticmethod]
    fn read_path(path: PathBuf) -> PyResult<PyDisclosureGuide> {
        DisclosureGuide::read_path(path).map(PyDisclosureGuide).py()
    }

    /// What was found for an element (`classification`, `arrangement`, `access`,
    /// `office_name`, `address`, `hours`, `phone`, `fax`, `internet`): `(clear, line, text)`,
    /// or None when not found.
    fn found(&self, element: Text) -> PyResult<Option<(bool, u64, String)>> {
        let e = GuideElement::parse(&element).py()?;
        Ok(self.0.found(e).map(|f| (f.clear, f.line, f.text.clone())))
    }

    /// Every element found: `(element, clear, line, text)`.
    #[getter]
    fn elements(&self) -> Vec<(&'static str, bool, u64, String)> {
        self.0
            .elements
            .iter()
            .map(|f| (f.element.id(), f.clear, f.line, f.text.clone()))
            .collect()
    }

    /// The `guide.*` findings.
    fn check(&self) -> Vec<PyFinding> {
        self.0.check().into_iter().map(PyFinding).collect()
    }

    fn __repr__(&self) -> String {
        format!("DisclosureGuide({} elements found)", self.0.elements.len())
    }
}

/// A key-area checklist (重点领域信息公开清单): areas → items, each with what, by whom, the
/// period and the citation.
#[pyclass(module = "sunlit", name = "Checklist", frozen)]
pub struct PyChecklist(pub Checklist);

#[pymethods]
impl PyChecklist {
    /// The national checklist shipped with the library.
    #[staticmethod]
    fn embedded() -> PyChecklist {
        PyChecklist(Checklist::embedded())
    }

    /// Read a checklist from JSON text (errors name the line and field).
    #[staticmethod]
    fn from_json(text: Text) -> PyResult<PyChecklist> {
        Checklist::from_json(&text).map(PyChecklist).py()
    }

    /// Read a checklist from a JSON file.
    #[staticmethod]
    fn from_path(path: PathBuf) -> PyResult<PyChecklist> {
        Checklist::from_path(path).map(PyChecklist).py()
    }

    /// Its id.
    #[getter]
    fn id(&self) -> &str {
        &self.0.id
    }
    /// Its version.
    #[getter]
    fn version(&self) -> &str {
        &self.0.version
    }
    /// Its title.
    #[getter]
    fn title(&self) -> &str {
        &self.0.title
    }
    /// The areas: `(id, name, item ids)`.
    #[getter]
    fn areas(&self) -> Vec<(String, String, Vec<String>)> {
        self.0
            .areas
            .iter()
            .map(|a| {
                let items = a.items.iter().map(|i| i.id.clone()).collect();
                (a.id.clone(), a.name.clone(), items)
            })
            .collect()
    }

    /// The checklist as JSON.
    fn to_json(&self) -> String {
        self.0.to_json()
    }

    /// Check a catalogue (a JSON array of catalogue entries) and published facts (a JSON array,
    /// e.g. from `read_ocds`) of one organ and year.
    #[pyo3(signature = (entries_json, organ, level, kind, year, facts_json = None, cal = None))]
    #[allow(clippy::too_many_arguments)]
    fn check(
        &self,
        entries_json: Text,
        organ: Text,
        level: Text,
        kind: Text,
        year: Int,
        facts_json: Option<Text>,
        cal: Option<&Bound<'_, PyWorkCalendar>>,
    ) -> PyResult<PyKeyAreaReport> {
        let year: i32 = year.get("year")?;
        let entries = entries_from_json(&entries_json).py()?;
        let facts = match facts_json {
            Some(f) => facts_from_json(&f).py()?,
            None => Vec::new(),
        };
        let organ = Organ {
            name: organ.0,
            level: OrganLevel::parse(&level).py()?,
            kind: OrganKind::parse(&kind).py()?,
        };
        Ok(PyKeyAreaReport(self.0.check(
            &entries,
            &facts,
            &organ,
            year,
            &calendar(cal),
        )))
    }

    fn __repr__(&self) -> String {
        format!(
            "Checklist({:?}, version={:?}, {} areas)",
            self.0.id,
            self.0.version,
            self.0.areas.len()
        )
    }
}

/// The result of `Checklist.check`.
#[pyclass(module = "sunlit", name = "KeyAreaReport", frozen)]
pub struct PyKeyAreaReport(pub KeyAreaReport);

#[pymethods]
impl PyKeyAreaReport {
    /// One per item that binds the organ: `(area, item, state, matched titles)`; state is
    /// `published`, `late`, `missing` or `undecided`.
    #[getter]
    fn items(&self) -> Vec<(String, String, &'static str, Vec<String>)> {
        self.0
            .items
            .iter()
            .map(|i| {
                (
                    i.area.clone(),
                    i.item.clone(),
                    i.state.id(),
                    i.matched.clone(),
                )
            })
            .collect()
    }

    /// The `key_area.*` findings.
    #[getter]
    fn findings(&self) -> Vec<PyFinding> {
        self.0.findings.iter().cloned().map(PyFinding).collect()
    }

    /// The report as JSON.
    fn to_json(&self) -> String {
        self.0.to_json()
    }

    fn __repr__(&self) -> String {
        format!(
            "KeyAreaReport({:?}, {}, {} items, {} findings)",
            self.0.organ,
            self.0.year,
            self.0.items.len(),
            self.0.findings.len()
        )
    }
}

fn mapping(name: &str) -> PyResult<ocds::OcdsMapping> {
    match name {
        "public_resources" => Ok(ocds::OcdsMapping::default()),
        "major_projects" => Ok(ocds::OcdsMapping::major_projects()),
        other => Err(sunlit::Error::Field {
            field: "ocds_mapping",
            value: other.to_owned(),
            reason: "expected public_resources or major_projects".to_owned(),
        })
        .py(),
    }
}

/// The published facts of an OCDS release or release package (JSON text) as a JSON array
/// (amounts as exact decimal strings), for `Checklist.check(facts_json=...)`.
#[pyfunction]
#[pyo3(signature = (text, mapping = Text::from("public_resources")))]
pub fn read_ocds(text: Text, mapping: Text) -> PyResult<String> {
    let m = self::mapping(&mapping)?;
    ocds::read(&text, &m).map(|f| facts_to_json(&f)).py()
}

/// As `read_ocds`, from a file.
#[pyfunction]
#[pyo3(signature = (path, mapping = Text::from("public_resources")))]
pub fn read_ocds_path(path: PathBuf, mapping: Text) -> PyResult<String> {
    let m = self::mapping(&mapping)?;
    ocds::read_path(path, &m).map(|f| facts_to_json(&f)).py()
}

fn options(workdays: u32, rule: Option<Text>) -> InterpretationOptions {
    let mut o = InterpretationOptions {
        workdays,
        ..Default::default()
    };
    if let Some(r) = rule {
        o.rule = r.0;
    }
    o
}

/// The `interpretation.*` findings of a catalogue (JSON array of entries): policies paired
/// with their interpretations, which must follow within `workdays` working days (0: the same
/// day, the national rule).
#[pyfunction]
#[pyo3(signature = (entries_json, workdays = Int::of(0), rule = None, cal = None))]
pub fn check_interpretations(
    entries_json: Text,
    workdays: Int,
    rule: Option<Text>,
    cal: Option<&Bound<'_, PyWorkCalendar>>,
) -> PyResult<Vec<PyFinding>> {
    let entries = entries_from_json(&entries_json).py()?;
    let policies = interpretation::pair(&entries);
    let o = options(workdays.get("workdays")?, rule);
    let f = interpretation::check(&policies, &o, &calendar(cal)).py()?;
    Ok(f.into_iter().map(PyFinding).collect())
}

/// `(year, policies, interpreted, on_time, interpretations)`.
type YearCounts = (i32, u64, u64, u64, u64);

/// Per-year counts: `(year, policies, interpreted, on_time, interpretations)`.
#[pyfunction]
#[pyo3(signature = (entries_json, workdays = Int::of(0), cal = None))]
pub fn interpretation_counts(
    entries_json: Text,
    workdays: Int,
    cal: Option<&Bound<'_, PyWorkCalendar>>,
) -> PyResult<Vec<YearCounts>> {
    let entries = entries_from_json(&entries_json).py()?;
    let policies = interpretation::pair(&entries);
    let o = options(workdays.get("workdays")?, None);
    let c = interpretation::counts(&policies, &o, &calendar(cal)).py()?;
    Ok(c.iter()
        .map(|c| {
            (
                c.year,
                c.policies,
                c.interpreted,
                c.on_time,
                c.interpretations,
            )
        })
        .collect())
}
