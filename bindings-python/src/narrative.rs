//! `sunlit.NarrativeStatement`, `sunlit.NarrativeChange`: the figures of a document's
//! explanation text (`Document.narrative()`), as read by `sunlit::narrative`.

use pyo3::prelude::*;
use rust_decimal::Decimal;
use sunlit::narrative::{NarrativeChange, NarrativeStatement};

/// A comparison stated after a figure: "比上年增加3,355.65万元，增长21.48%", "与上年持平".
#[pyclass(module = "sunlit", name = "NarrativeChange", frozen)]
#[derive(Clone)]
pub struct PyNarrativeChange(pub NarrativeChange);

#[pymethods]
impl PyNarrativeChange {
    /// "increase", "decrease" or "flat" (of the amount word, or of the rate word alone).
    #[getter]
    fn direction(&self) -> &'static str {
        self.0.direction.id()
    }
    /// The amount of the change, in the figure's unit, or None.
    #[getter]
    fn amount(&self) -> Option<Decimal> {
        self.0.amount
    }
    /// The rate in percent (增长21.48% → 21.48), or None.
    #[getter]
    fn rate(&self) -> Option<Decimal> {
        self.0.rate
    }
    /// The direction of the rate word, or None.
    #[getter]
    fn rate_direction(&self) -> Option<&'static str> {
        self.0.rate_direction.map(|d| d.id())
    }
    /// The words as printed (normalised).
    #[getter]
    fn printed(&self) -> &str {
        &self.0.printed
    }
    /// The sentence that states the comparison.
    #[getter]
    fn sentence(&self) -> &str {
        &self.0.sentence
    }
    fn __repr__(&self) -> String {
        format!("NarrativeChange({:?})", self.0.printed)
    }
}

/// A figure of the explanation text: what it is about, amount and unit word, the share and the
/// comparison printed after it, with its sentence and page.
#[pyclass(module = "sunlit", name = "NarrativeStatement", frozen)]
#[derive(Clone)]
pub struct PyNarrativeStatement(pub NarrativeStatement);

#[pymethods]
impl PyNarrativeStatement {
    /// The 1-based page of the sentence.
    #[getter]
    fn page(&self) -> u32 {
        self.0.page
    }
    /// The sentence (normalised text).
    #[getter]
    fn sentence(&self) -> &str {
        &self.0.sentence
    }
    /// What the figure is about, as written before it.
    #[getter]
    fn subject(&self) -> &str {
        &self.0.subject
    }
    /// "current", "previous_year" or "budget" (a budget figure quoted in a final account).
    #[getter]
    fn basis(&self) -> &'static str {
        self.0.basis.id()
    }
    /// The amount as printed.
    #[getter]
    fn amount(&self) -> Decimal {
        self.0.amount
    }
    /// The unit word printed after it: "元", "万元" or "亿元".
    #[getter]
    fn unit(&self) -> &'static str {
        self.0.unit.symbol()
    }
    /// The figure as printed (normalised), with its unit word.
    #[getter]
    fn printed(&self) -> &str {
        &self.0.printed
    }
    /// The share printed after it (占79.49% → 79.49), or None.
    #[getter]
    fn share(&self) -> Option<Decimal> {
        self.0.share
    }
    /// The whole the share names (占本年支出合计的 → "本年支出合计"), or None.
    #[getter]
    fn share_of(&self) -> Option<&str> {
        self.0.share_of.as_deref()
    }
    /// The comparison printed after it, or None.
    #[getter]
    fn change(&self) -> Option<PyNarrativeChange> {
        self.0.change.clone().map(PyNarrativeChange)
    }
    fn __repr__(&self) -> String {
        format!(
            "NarrativeStatement(page={}, subject={:?}, printed={:?})",
            self.0.page, self.0.subject, self.0.printed
        )
    }
}
