//! `sunlit.decide`, `sunlit.InfoItem`, `sunlit.Decision` and the publication deadlines.

use chrono::NaiveDate;
use pyo3::prelude::*;
use sunlit::disclosure::{
    Category, Deadline, Decision, DisclosureStage, ExemptionFact, InfoItem, OrganLevel,
    PublicityKind,
};

use crate::calendar::{PyWorkCalendar, calendar};
use crate::convert::{Day, Text, date_arg, date_repr, opt_date_arg, str_repr};
use crate::errors::IntoPy;
use crate::finding::PyFinding;

/// An information item (政府信息): title, organ, date formed or changed, category, stage,
/// organ level, the art. 19 test, exemption facts and whether the exempt part is separable.
#[pyclass(module = "sunlit", name = "InfoItem", frozen)]
#[derive(Clone)]
pub struct PyInfoItem(pub InfoItem);

#[pymethods]
impl PyInfoItem {
    #[new]
    #[pyo3(signature = (title, organ, formed, category = Text::from("other"), stage = None, organ_level = None,
        wide_concern = false, facts = Vec::new(), separable = false), text_signature = "(title, organ, formed, category=\"other\", stage=None, organ_level=None,
        wide_concern=False, facts=..., separable=False)")]
    #[allow(clippy::too_many_arguments)]
    fn new(
        title: Text,
        organ: Text,
        formed: &Bound<'_, PyAny>,
        category: Text,
        stage: Option<Text>,
        organ_level: Option<Text>,
        wide_concern: bool,
        facts: Vec<Text>,
        separable: bool,
    ) -> PyResult<PyInfoItem> {
        Ok(PyInfoItem(InfoItem {
            title: title.0,
            organ: organ.0,
            formed: date_arg(formed, "formed")?,
            category: Category::parse(&category).py()?,
            stage: stage
                .as_deref()
                .map(DisclosureStage::parse)
                .transpose()
                .py()?,
            organ_level: organ_level
                .as_deref()
                .map(OrganLevel::parse)
                .transpose()
                .py()?,
            wide_concern,
            facts: facts
                .iter()
                .map(|f| ExemptionFact::parse(f))
                .collect::<Result<_, _>>()
                .py()?,
            separable,
        }))
    }

    /// Title.
    #[getter]
    fn title(&self) -> &str {
        &self.0.title
    }
    /// Producing organ.
    #[getter]
    fn organ(&self) -> &str {
        &self.0.organ
    }
    /// Date formed or changed.
    #[getter]
    fn formed(&self) -> NaiveDate {
        self.0.formed
    }
    /// Category id.
    #[getter]
    fn category(&self) -> &'static str {
        self.0.category.id()
    }
    /// Stage id (五公开), or None.
    #[getter]
    fn stage(&self) -> Option<&'static str> {
        self.0.stage.map(DisclosureStage::id)
    }
    /// Organ level id, or None.
    #[getter]
    fn organ_level(&self) -> Option<&'static str> {
        self.0.organ_level.map(OrganLevel::id)
    }
    /// The art. 19 test.
    #[getter]
    fn wide_concern(&self) -> bool {
        self.0.wide_concern
    }
    /// Exemption fact ids.
    #[getter]
    fn facts(&self) -> Vec<&'static str> {
        self.0.facts.iter().map(|f| f.id()).collect()
    }
    /// Whether the exempt part is separable (art. 37).
    #[getter]
    fn separable(&self) -> bool {
        self.0.separable
    }

    fn __repr__(&self) -> String {
        format!(
            "InfoItem({}, {}, {}, category={})",
            str_repr(Some(&self.0.title)),
            str_repr(Some(&self.0.organ)),
            date_repr(Some(self.0.formed)),
            str_repr(Some(self.0.category.id()))
        )
    }
}

/// What `decide` concludes: mode, ground, strength, all grounds, articles, deadline.
#[pyclass(module = "sunlit", name = "Decision", frozen, get_all, eq)]
#[derive(Clone, PartialEq)]
pub struct PyDecision {
    mode: &'static str,
    ground: Option<&'static str>,
    strength: Option<&'static str>,
    grounds: Vec<&'static str>,
    articles: Vec<String>,
    deadline: Option<Day>,
}

impl From<Decision> for PyDecision {
    fn from(d: Decision) -> Self {
        PyDecision {
            mode: d.mode.id(),
            ground: d.ground.map(|g| g.id()),
            strength: d.strength.map(|s| s.id()),
            grounds: d.grounds.iter().map(|g| g.id()).collect(),
            articles: d.articles,
            deadline: d.deadline.map(Day),
        }
    }
}

#[pymethods]
impl PyDecision {
    fn __repr__(&self) -> String {
        format!(
            "Decision(mode={}, ground={}, articles={:?}, deadline={})",
            str_repr(Some(self.mode)),
            str_repr(self.ground),
            self.articles,
            date_repr(self.deadline.map(|d| d.0))
        )
    }
}

/// Decide how an information item is disclosed (政府信息公开条例 2019 arts. 5, 13–16, 19–21, 26, 37).
#[pyfunction]
#[pyo3(signature = (item, cal = None))]
pub fn decide(item: &PyInfoItem, cal: Option<&Bound<'_, PyWorkCalendar>>) -> PyResult<PyDecision> {
    sunlit::disclosure::decide(&item.0, &calendar(cal))
        .map(PyDecision::from)
        .py()
}

/// A publication deadline: kind, start, working days, due date, articles.
#[pyclass(module = "sunlit", name = "Deadline", frozen)]
#[derive(Clone)]
pub struct PyDeadline(pub Deadline);

#[pymethods]
impl PyDeadline {
    /// "proactive", "publicity" or "withdrawal".
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind.id()
    }
    /// The day the period starts from (not counted).
    #[getter]
    fn start(&self) -> Day {
        Day(self.0.start)
    }
    /// Working days allowed.
    #[getter]
    fn workdays(&self) -> u32 {
        self.0.workdays
    }
    /// The last day.
    #[getter]
    fn due(&self) -> Day {
        Day(self.0.due)
    }
    /// The articles that set it.
    #[getter]
    fn articles(&self) -> Vec<String> {
        self.0.articles.clone()
    }
    /// The rule id a missed deadline is reported under.
    #[getter]
    fn rule(&self) -> &'static str {
        self.0.rule().id
    }

    /// A finding when the duty was met late (`done`) or is overdue on `as_of`, else None.
    #[pyo3(signature = (done, as_of, cal = None))]
    fn check(
        &self,
        done: Option<&Bound<'_, PyAny>>,
        as_of: &Bound<'_, PyAny>,
        cal: Option<&Bound<'_, PyWorkCalendar>>,
    ) -> PyResult<Option<PyFinding>> {
        let done = opt_date_arg(done, "done")?;
        let as_of = date_arg(as_of, "as_of")?;
        Ok(self
            .0
            .check(done, as_of, &calendar(cal))
            .py()?
            .map(PyFinding))
    }

    fn __repr__(&self) -> String {
        format!(
            "Deadline({}, start={}, workdays={}, due={})",
            str_repr(Some(self.0.kind.id())),
            date_repr(Some(self.0.start)),
            self.0.workdays,
            date_repr(Some(self.0.due))
        )
    }
}

/// The art. 26 deadline: 20 working days after the information is formed or changed.
#[pyfunction]
#[pyo3(signature = (formed, cal = None))]
pub fn proactive_deadline(
    formed: &Bound<'_, PyAny>,
    cal: Option<&Bound<'_, PyWorkCalendar>>,
) -> PyResult<PyDeadline> {
    sunlit::disclosure::proactive_deadline(date_arg(formed, "formed")?, &calendar(cal))
        .map(PyDeadline)
        .py()
}

/// The 双公示 deadline ("licensing" or "penalty"): 7 working days after the decision
/// (国办发〔2015〕51号).
#[pyfunction]
#[pyo3(signature = (kind, decided, cal = None))]
pub fn publicity_deadline(
    kind: Text,
    decided: &Bound<'_, PyAny>,
    cal: Option<&Bound<'_, PyWorkCalendar>>,
) -> PyResult<PyDeadline> {
    sunlit::disclosure::publicity_deadline(
        PublicityKind::parse(&kind).py()?,
        date_arg(decided, "decided")?,
        &calendar(cal),
    )
    .map(PyDeadline)
    .py()
}

/// The deadline to withdraw a changed or revoked penalty decision: 3 working days
/// (行政处罚法 2021 arts. 48, 85).
#[pyfunction]
#[pyo3(signature = (changed, cal = None))]
pub fn withdrawal_deadline(
    changed: &Bound<'_, PyAny>,
    cal: Option<&Bound<'_, PyWorkCalendar>>,
) -> PyResult<PyDeadline> {
    sunlit::disclosure::withdrawal_deadline(date_arg(changed, "changed")?, &calendar(cal))
        .map(PyDeadline)
        .py()
}
