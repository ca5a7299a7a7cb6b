//! `sunlit.Finding`: the shared vocabulary of check results.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyType};
use rust_decimal::Decimal;
use sunlit::{Finding, Findings, Severity, finding::FindingFilter};

use crate::arrow::escape;
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
    /// A notebook view: the finding as one row of the findings table.
    fn _repr_html_(&self) -> String {
        html(std::slice::from_ref(&self.0), None)
    }
    fn __str__(&self) -> String {
        self.0.to_string()
    }
}

/// Findings for Python: a `sunlit.Findings`, the `list` of `Finding` with a notebook view.
pub struct FindingList(pub Vec<PyFinding>);

/// Wrap core findings for Python.
pub fn wrap(findings: Findings) -> FindingList {
    FindingList(findings.into_iter().map(PyFinding).collect())
}

impl FromIterator<PyFinding> for FindingList {
    fn from_iter<I: IntoIterator<Item = PyFinding>>(iter: I) -> FindingList {
        FindingList(iter.into_iter().collect())
    }
}

impl<'py> IntoPyObject<'py> for FindingList {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let list = PyList::new(py, self.0)?;
        FINDINGS
            .import(py, "sunlit._sunlit", "Findings")?
            .call1((list,))
    }
}

static FINDINGS: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// The class `Findings`, a `list` subclass made at module init (a native class cannot extend
/// `list` under the stable ABI); its `_repr_html_` is `findings_to_html`.
pub fn findings_class<'py>(m: &Bound<'py, PyModule>) -> PyResult<Bound<'py, PyAny>> {
    let py = m.py();
    let globals = PyDict::new(py);
    globals.set_item("__name__", "sunlit")?;
    globals.set_item("findings_to_html", m.getattr("findings_to_html")?)?;
    py.run(
        c"class Findings(list):
    \"\"\"A list of Finding, as the checks return them; shown in a notebook as a table.\"\"\"

    def _repr_html_(self):
        \"\"\"A notebook view: rule, severity, where and message of each finding.\"\"\"
        return findings_to_html(self)
",
        Some(&globals),
        None,
    )?;
    globals.as_any().get_item("Findings")
}

/// The longest table `_repr_html_` draws; a longer list says how many are left out.
const HTML_ROWS: usize = 200;

/// Findings as a compact HTML table (rule, severity, where, message), every text escaped; with
/// `summary`, after a line naming it with the count of findings and of errors.
fn html(findings: &[Finding], summary: Option<&str>) -> String {
    let mut out = String::new();
    if let Some(title) = summary {
        let errors = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        out = format!(
            "<p><b>{title}</b>: {} finding{}, {errors} error{}</p>",
            findings.len(),
            if findings.len() == 1 { "" } else { "s" },
            if errors == 1 { "" } else { "s" }
        );
    }
    if findings.is_empty() {
        return out;
    }
    out.push_str(
        "<table class=\"sunlit-findings\"><thead><tr><th>rule</th><th>severity</th>\
         <th>where</th><th>message</th></tr></thead><tbody>",
    );
    for f in findings.iter().take(HTML_ROWS) {
        let colour = match f.severity {
            Severity::Error => "#b00020",
            Severity::Warning => "#9a6700",
            _ => "inherit",
        };
        out.push_str(&format!(
            "<tr><td><code>{}</code></td><td style=\"color:{colour}\">{}</td><td>{}</td>\
             <td style=\"text-align:left\">{}<br><small>{}</small>{}</td></tr>",
            escape(&f.rule),
            f.severity.id(),
            escape(&place(f)),
            escape(&f.message_zh),
            escape(&f.message_en),
            figures(f),
        ));
    }
    out.push_str("</tbody></table>");
    if findings.len() > HTML_ROWS {
        out.push_str(&format!(
            "<p>{HTML_ROWS} of {} findings shown</p>",
            findings.len()
        ));
    }
    out
}

/// Where a finding is: table, code, column and page, those it names.
fn place(f: &Finding) -> String {
    let page = f.page.map(|p| format!("p. {p}"));
    [
        f.table.as_ref(),
        f.code.as_ref(),
        f.column.as_ref(),
        page.as_ref(),
    ]
    .into_iter()
    .flatten()
    .map(String::as_str)
    .collect::<Vec<_>>()
    .join(" · ")
}

/// The expected, actual and difference line of a finding that has them, else nothing.
fn figures(f: &Finding) -> String {
    let shown: Vec<String> = [
        ("expected", f.expected),
        ("actual", f.actual),
        ("difference", f.difference),
    ]
    .into_iter()
    .filter_map(|(label, v)| v.map(|v| format!("{label} {v}")))
    .collect();
    if shown.is_empty() {
        String::new()
    } else {
        format!("<br><small>{}</small>", shown.join(", "))
    }
}

fn collect(findings: &[PyRef<'_, PyFinding>]) -> Findings {
    Findings::from(findings.iter().map(|f| f.0.clone()).collect::<Vec<_>>())
}

/// Sort findings: errors first, then by rule, table, code, column.
#[pyfunction]
pub fn sort_findings(findings: Vec<PyRef<'_, PyFinding>>) -> FindingList {
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
) -> PyResult<FindingList> {
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

/// Findings as a compact HTML table (rule, severity, where, message), text escaped: the
/// notebook view of `Findings`.
#[pyfunction]
pub fn findings_to_html(findings: Vec<PyRef<'_, PyFinding>>) -> String {
    html(collect(&findings).as_slice(), Some("sunlit.Findings"))
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
