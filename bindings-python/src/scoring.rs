//! `sunlit.Scheme`, `sunlit.OrganScore`, `sunlit.Ranked`, `sunlit.rank`: transparency scoring
//! (政务公开评估) — an index as a weighted indicator tree from data, organs scored from their
//! documents, ranked and explained.

use std::path::PathBuf;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple};
use rust_decimal::Decimal;
use sunlit::scoring::{Evidence, EvidenceDocument, OrganKind, OrganScore, Ranked, Scheme};

use crate::convert::{Int, Text, date_arg, decimal_arg};
use crate::errors::IntoPy;
use crate::finding::{FindingList, PyFinding, wrap};

/// An index (指标体系): a versioned tree of weighted indicators. A weight never published is
/// unknown and must be supplied (`with_weights`) before the scheme scores.
#[pyclass(module = "sunlit", name = "Scheme", frozen)]
#[derive(Clone)]
pub struct PyScheme(pub Scheme);

/// One document argument: a path, or a `(path, datetime.date published)` pair.
fn document_arg(item: &Bound<'_, PyAny>) -> PyResult<EvidenceDocument> {
    let (path, published) = if let Ok(t) = item.cast::<PyTuple>() {
        if t.len() != 2 {
            return Err(crate::errors::input_error(
                0,
                "documents",
                &item.repr()?.to_string(),
                "expected a path or a (path, datetime.date) pair",
            ));
        }
        let path: PathBuf = t.get_item(0)?.extract()?;
        (path, Some(date_arg(&t.get_item(1)?, "published")?))
    } else {
        (item.extract::<PathBuf>()?, None)
    };
    let py = item.py();
    py.detach(|| EvidenceDocument::read(&path, published)).py()
}

/// The evidence of one organ from the keyword arguments of `Scheme.score`.
#[allow(clippy::too_many_arguments)]
fn evidence(
    organ: &str,
    kind: &str,
    year: i32,
    documents: &[Bound<'_, PyAny>],
    manual: Option<&Bound<'_, PyDict>>,
    findings: Vec<PyRef<'_, PyFinding>>,
    checked: Vec<Text>,
    catalogue: Option<&str>,
    level: Option<&str>,
) -> PyResult<Evidence> {
    let mut e = Evidence::new(organ, OrganKind::parse(kind).py()?, year);
    if let Some(l) = level {
        e.level = Some(sunlit::disclosure::OrganLevel::parse(l).py()?);
    }
    for d in documents {
        e.documents.push(document_arg(d)?);
    }
    if let Some(m) = manual {
        for (k, v) in m.iter() {
            let id: String = k.extract::<Text>()?.0;
            e.manual.push((id, decimal_arg(&v, "manual")?));
        }
    }
    e.findings = findings
        .iter()
        .map(|f| f.0.clone())
        .collect::<Vec<_>>()
        .into();
    e.checked = checked.into_iter().map(|t| t.0).collect();
    if let Some(json) = catalogue {
        e.add_catalogue_json(json).py()?;
    }
    Ok(e)
}

#[pymethods]
impl PyScheme {
    /// A shipped scheme by id: "cass-2022" (CASS transparency index, first level, weights
    /// unknown) or "xianning-2023" (third-party 70 / daily work 30).
    #[staticmethod]
    fn embedded(name: Text) -> PyResult<PyScheme> {
        Scheme::embedded(&name).map(PyScheme).py()
    }
    /// A scheme from JSON text (docs/scoring.md); errors name the indicator and key.
    #[staticmethod]
    fn from_json(text: Text) -> PyResult<PyScheme> {
        Scheme::from_json(&text).map(PyScheme).py()
    }
    /// A scheme from a JSON file.
    #[staticmethod]
    fn from_path(path: PathBuf) -> PyResult<PyScheme> {
        Scheme::from_path(path).map(PyScheme).py()
    }
    /// The scheme's id.
    #[getter]
    fn id(&self) -> &str {
        self.0.id()
    }
    /// Its version.
    #[getter]
    fn version(&self) -> &str {
        self.0.version()
    }
    /// Chinese name.
    #[getter]
    fn name_zh(&self) -> &str {
        self.0.name_zh()
    }
    /// English name.
    #[getter]
    fn name_en(&self) -> &str {
        self.0.name_en()
    }
    /// Where it was published.
    #[getter]
    fn source(&self) -> &str {
        self.0.source()
    }
    /// The maximum total.
    #[getter]
    fn total(&self) -> Decimal {
        self.0.total()
    }
    /// The ids of the indicators whose weight was never published.
    fn unknown_weights(&self) -> Vec<String> {
        self.0.unknown_weights()
    }
    /// Every indicator, depth first: (level, id, name_zh, weight) with weight a Decimal or None
    /// where unknown.
    fn indicators(&self) -> Vec<(u32, String, String, Option<Decimal>)> {
        use sunlit::scoring::Weight;
        self.0
            .walk()
            .into_iter()
            .map(|(l, n)| {
                let w = match n.weight {
                    Weight::Known(w) => Some(w),
                    Weight::Unknown => None,
                };
                (l, n.id.clone(), n.name_zh.clone(), w)
            })
            .collect()
    }
    /// The scheme with weights supplied by indicator id (`{"id": Decimal | int}`).
    fn with_weights(&self, weights: &Bound<'_, PyDict>) -> PyResult<PyScheme> {
        let mut w = Vec::new();
        for (k, v) in weights.iter() {
            w.push((k.extract::<Text>()?.0, decimal_arg(&v, "weight")?));
        }
        self.0.with_weights(&w).map(PyScheme).py()
    }
    /// Score one organ for one year. `kind` is "government" (annual report due 31 March) or
    /// "department" (31 January); `documents` are paths or (path, datetime.date published)
    /// pairs, read and checked here; `manual` maps indicator ids to Decimal scores; `findings`
    /// are checks made elsewhere, `checked` the rule families they cover; `catalogue` a JSON
    /// array of catalogue entries; `level` the organ's level ("county", "municipal", "township" …,
    /// for the art. 21 categories). An unknown weight raises FieldError naming the indicator.
    #[pyo3(signature = (organ, *, kind, year, documents=Vec::new(), manual=None, findings=Vec::new(), checked=Vec::new(), catalogue=None, level=None))]
    #[allow(clippy::too_many_arguments)]
    fn score(
        &self,
        organ: Text,
        kind: Text,
        year: Int,
        documents: Vec<Bound<'_, PyAny>>,
        manual: Option<Bound<'_, PyDict>>,
        findings: Vec<PyRef<'_, PyFinding>>,
        checked: Vec<Text>,
        catalogue: Option<Text>,
        level: Option<Text>,
    ) -> PyResult<PyOrganScore> {
        let year = year.get::<i32>("year")?;
        let e = evidence(
            &organ,
            &kind,
            year,
            &documents,
            manual.as_ref(),
            findings,
            checked,
            catalogue.as_deref(),
            level.as_deref(),
        )?;
        self.0.score(&e).map(PyOrganScore).py()
    }
    fn __repr__(&self) -> String {
        format!(
            "Scheme(id={:?}, version={:?}, unknown_weights={})",
            self.0.id(),
            self.0.version(),
            self.0.unknown_weights().len()
        )
    }
}

/// The score of one organ: total (2 places, half up), the explanation tree, scoring findings.
#[pyclass(module = "sunlit", name = "OrganScore", frozen)]
#[derive(Clone)]
pub struct PyOrganScore(pub OrganScore);

#[pymethods]
impl PyOrganScore {
    /// The organ.
    #[getter]
    fn organ(&self) -> &str {
        &self.0.organ
    }
    /// The scheme's id.
    #[getter]
    fn scheme(&self) -> &str {
        &self.0.scheme
    }
    /// The year assessed.
    #[getter]
    fn year(&self) -> i32 {
        self.0.year
    }
    /// The total, rounded to 2 places half up.
    #[getter]
    fn total(&self) -> Decimal {
        self.0.total
    }
    /// The total before rounding.
    #[getter]
    fn exact(&self) -> Decimal {
        self.0.exact
    }
    /// The scoring.* findings (missing evidence, manual scores out of range).
    #[getter]
    fn findings(&self) -> FindingList {
        wrap(self.0.findings.clone())
    }
    /// The explanation as text.
    fn to_text(&self) -> String {
        self.0.to_text()
    }
    /// The explanation as a Markdown table.
    fn to_markdown(&self) -> String {
        self.0.to_markdown()
    }
    /// The score as JSON (decimals as strings).
    fn to_json(&self) -> String {
        self.0.to_json()
    }
    /// The score as a dict (the JSON form: decimals as strings, indicators nested).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py.import("json")?
            .call_method1("loads", (self.0.to_json(),))
    }
    /// The score of one indicator by id (exact Decimal), or None.
    fn indicator_score(&self, id: Text) -> Option<Decimal> {
        fn find(nodes: &[sunlit::scoring::IndicatorScore], id: &str) -> Option<Decimal> {
            nodes.iter().find_map(|n| {
                if n.id == id {
                    Some(n.score)
                } else {
                    find(&n.children, id)
                }
            })
        }
        find(&self.0.indicators, &id)
    }
    fn __repr__(&self) -> String {
        format!(
            "OrganScore(organ={:?}, scheme={:?}, year={}, total={})",
            self.0.organ, self.0.scheme, self.0.year, self.0.total
        )
    }
}

/// One organ's place in a ranking (1-2-2-4 on totals rounded to 2 places).
#[pyclass(module = "sunlit", name = "Ranked", frozen)]
#[derive(Clone)]
pub struct PyRanked(pub Ranked);

#[pymethods]
impl PyRanked {
    /// The place.
    #[getter]
    fn rank(&self) -> u32 {
        self.0.rank
    }
    /// The organ.
    #[getter]
    fn organ(&self) -> &str {
        &self.0.organ
    }
    /// Its total.
    #[getter]
    fn total(&self) -> Decimal {
        self.0.total
    }
    /// Whether another organ has the same total.
    #[getter]
    fn tied(&self) -> bool {
        self.0.tied
    }
    fn __repr__(&self) -> String {
        format!(
            "Ranked(rank={}, organ={:?}, total={}, tied={})",
            self.0.rank,
            self.0.organ,
            self.0.total,
            if self.0.tied { "True" } else { "False" }
        )
    }
}

/// Rank organs scored on the same scheme and year, highest first; ties share a place and are
/// listed by organ name. Different schemes or years raise MixedDimensionError.
#[pyfunction]
pub fn rank(scores: Vec<PyRef<'_, PyOrganScore>>) -> PyResult<Vec<PyRanked>> {
    let all: Vec<OrganScore> = scores.iter().map(|s| s.0.clone()).collect();
    sunlit::scoring::rank(&all)
        .map(|r| r.into_iter().map(PyRanked).collect())
        .py()
}

/// A ranking as a Markdown table.
#[pyfunction]
pub fn ranking_to_markdown(ranking: Vec<PyRef<'_, PyRanked>>) -> String {
    let all: Vec<Ranked> = ranking.iter().map(|r| r.0.clone()).collect();
    Ranked::to_markdown(&all)
}
