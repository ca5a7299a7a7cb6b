//! `sunlit.Finding`: the shared vocabulary of check results.

use pyo3::prelude::*;
use pyo3::types::PyDict;
use rust_decimal::Decimal;
use sunlit::{Finding, Findings, Severity, finding::FindingFilter};

use crate::convert::Text;
use crate::errors::IntoPy;

/// One finding: rule, severity, location, expected / actual / difference, messages.
#[pyclass(module = "sunlit", name = "Finding", frozen, eq)]
#[derive(Clone, PartialEq)]
pub struct PyFinding(pub Finding);

#[pymethods]
impl PyFinding {
    /// Stable rule id.
    #[getter]
    fn rule(&self) -> &str {
        &self.0.rule
    }
    /// `"error"`, `"warning"` or `"info"`.
    #[getter]
    fn severity(&self) -> &'static str {
        self.0.severity.id()
    }
    /// Table, if any.
    #[getter]
    fn table(&self) -> Option<&str> {
        self.0.table.as_deref()
    }
    /// Code or row label, if any.
    #[getter]
    fn code(&self) -> Option<&str> {
        self.0.code.as_deref()
    }
    /// Column, if any.
    #[getter]
    fn column(&self) -> Option<&str> {
        self.0.column.as_deref()
    }
    /// Expected value.
    #[getter]
    fn expected(&self) -> Option<Decimal> {
        self.0.expected
    }
    /// Actual value.
    #[getter]
    fn actual(&self) -> Option<Decimal> {
        self.0.actual
    }
    /// actual − expected.
    #[getter]
    fn difference(&self) -> Option<Decimal> {
        self.0.difference
    }
    /// Message in Chinese.
    #[getter]
    fn message_zh(&self) -> &str {
        &self.0.message_zh
    }
    /// Message in English.
    #[getter]
    fn message_en(&self) -> &str {
        &self.0.message_en
    }
    /// The 1-based page where the finding's cell is printed, if known.
    #[getter]
    fn page(&self) -> Option<u32> {
        self.0.page
    }
    /// The finding's cell as printed, if known.
    #[getter]
    fn printed(&self) -> Option<&str> {
        self.0.printed.as_deref()
    }
    /// The finding as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("rule", &self.0.rule)?;
        d.set_item("severity", self.0.severity.id())?;
        d.set_item("table", &self.0.table)?;
        d.set_item("code", &self.0.code)?;
        d.set_item("column", &self.0.column)?;
        d.set_item("expected", self.0.expected)?;
        d.set_item("actual", self.0.actual)?;
        d.set_item("difference", self.0.difference)?;
        d.set_item("message_zh", &self.0.message_zh)?;
        d.set_item("message_en", &self.0.message_en)?;
        d.set_item("page", self.0.page)?;
        d.set_item("printed", &self.0.printed)?;
        Ok(d)
    }
    fn __repr__(&self) -> String {
        format!("Finding({})", self.0)
    }
    fn __str__(&self) -> String {
        self.0.to_string()
    }
}

/// Wrap core findings for Python.
pub fn wrap(findings: Findings) -> Vec<PyFinding> {
    findings.into_iter().map(PyFinding).collect()
}

fn collect(findings: &[PyRef<'_, PyFinding>]) -> Findings {
    Findings::from(findings.iter().map(|f| f.0.clone()).collect::<Vec<_>>())
}

/// Sort findings: errors first, then by rule, table, code, column.
#[pyfunction]
pub fn sort_findings(findings: Vec<PyRef<'_, PyFinding>>) -> Vec<PyFinding> {
    let mut all = collect(&findings);
    all.sort();
    wrap(all)
}

/// Keep the findings of the given rules (a trailing `.` selects a family) and severity.
#[pyfunction]
#[pyo3(signature = (findings, rules=None, severity=None))]
pub fn filter_findings(
    findings: Vec<PyRef<'_, PyFinding>>,
    rules: Option<Vec<Text>>,
    severity: Option<Text>,
) -> PyResult<Vec<PyFinding>> {
    let severity: Option<Severity> = severity.as_deref().map(str::parse).transpose().py()?;
    Ok(wrap(
        collect(&findings).filter(&FindingFilter {
            rules: rules
                .unwrap_or_default()
                .into_iter()
                .map(String::from)
                .collect::<Vec<_>>(),
            severity,
        }),
    ))
}

/// Findings as CSV text (header rule,severity,table,code,column,expected,actual,difference,message_zh,message_en,page,printed).
#[pyfunction]
pub fn findings_to_csv(findings: Vec<PyRef<'_, PyFinding>>) -> PyResult<String> {
    collect(&findings).to_csv().py()
}

/// Findings as an `ArrowBatch` (the columns of `findings_to_csv`, amounts as exact decimals).
#[pyfunction]
pub fn findings_to_arrow(
    findings: Vec<PyRef<'_, PyFinding>>,
) -> PyResult<crate::arrow::PyArrowBatch> {
    crate::arrow::batch(collect(&findings).to_arrow())
}

/// Findings as a JSON array (amounts as strings).
#[pyfunction]
pub fn findings_to_json(findings: Vec<PyRef<'_, PyFinding>>) -> String {
    collect(&findings).to_json()
}

/// One rule of the registry: id, family, severity, citation and summaries (`sunlit::rules::Rule`).
#[pyclass(module = "sunlit", name = "Rule", frozen, eq, hash)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyRule(pub &'static sunlit::rules::Rule);

#[pymethods]
impl PyRule {
    /// Stable id, `family.name`.
    #[getter]
    fn id(&self) -> &'static str {
        self.0.id
    }
    /// The family (the id's prefix).
    #[getter]
    fn family(&self) -> &'static str {
        self.0.family
    }
    /// `"error"`, `"warning"` or `"info"`: the severity of every finding of the rule.
    #[getter]
    fn severity(&self) -> &'static str {
        self.0.severity.id()
    }
    /// The source the rule rests on.
    #[getter]
    fn citation(&self) -> &'static str {
        self.0.citation
    }
    /// One line in Chinese.
    #[getter]
    fn summary_zh(&self) -> &'static str {
        self.0.summary_zh
    }
    /// One line in English.
    #[getter]
    fn summary_en(&self) -> &'static str {
        self.0.summary_en
    }
    fn __repr__(&self) -> String {
        format!("Rule({:?}, {})", self.0.id, self.0.severity)
    }
}

/// Every rule of the library, family by family (the registry `sunlit::rules`).
#[pyfunction]
pub fn rules() -> Vec<PyRule> {
    sunlit::rules::all().map(PyRule).collect()
}
