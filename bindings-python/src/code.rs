//! `sunlit.Code`: classification codes.

use std::fmt;

use pyo3::prelude::*;
use sunlit::{Code, classification::Scheme};

use crate::convert::{Int, Text};
use crate::errors::IntoPy;

/// A classification code (functional 类/款/项, economic 类/款, revenue 类/款/项/目).
#[pyclass(module = "sunlit", name = "Code", frozen, eq, ord, hash, str)]
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PyCode(pub Code);

impl fmt::Display for PyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

fn parse(scheme: Option<Scheme>, parts: &[String]) -> PyResult<PyCode> {
    let code = match (scheme, parts) {
        (Some(s), [whole]) => Code::parse(s, whole),
        (Some(s), _) => Code::parse_split(s, parts),
        (None, [whole]) => Code::economic(whole),
        (None, _) => Code::economic_split(parts),
    };
    code.map(PyCode).py()
}

#[pymethods]
impl PyCode {
    /// A functional code, whole (`"2080505"`) or split (`"208", "05", "05"`).
    #[staticmethod]
    #[pyo3(signature = (*parts))]
    fn functional(parts: Vec<Text>) -> PyResult<PyCode> {
        parse(
            Some(Scheme::Functional),
            &parts.into_iter().map(String::from).collect::<Vec<_>>(),
        )
    }

    /// An economic code; 3xx is departmental, 5xx governmental.
    #[staticmethod]
    #[pyo3(signature = (*parts))]
    fn economic(parts: Vec<Text>) -> PyResult<PyCode> {
        parse(
            None,
            &parts.into_iter().map(String::from).collect::<Vec<_>>(),
        )
    }

    /// A revenue code, whole or split.
    #[staticmethod]
    #[pyo3(signature = (*parts))]
    fn revenue(parts: Vec<Text>) -> PyResult<PyCode> {
        parse(
            Some(Scheme::Revenue),
            &parts.into_iter().map(String::from).collect::<Vec<_>>(),
        )
    }

    /// A code of a named scheme (`functional`, `dept_economic`, `gov_economic`, `revenue`).
    #[staticmethod]
    #[pyo3(signature = (scheme, *parts))]
    fn parse(scheme: Text, parts: Vec<Text>) -> PyResult<PyCode> {
        parse(
            Some(Scheme::parse(&scheme).py()?),
            &parts.into_iter().map(String::from).collect::<Vec<_>>(),
        )
    }

    /// The scheme id.
    #[getter]
    fn scheme(&self) -> &'static str {
        self.0.scheme().id()
    }

    /// The 1-based level (1 = 类).
    #[getter]
    fn level(&self) -> u8 {
        self.0.level()
    }

    /// The Chinese level name: 类, 款, 项 or 目.
    #[getter]
    fn level_name(&self) -> &'static str {
        self.0.level_name()
    }

    /// The parent code, or None for a 类.
    #[getter]
    fn parent(&self) -> Option<PyCode> {
        self.0.parent().map(PyCode)
    }

    /// The ancestors, root first.
    fn ancestors(&self) -> Vec<PyCode> {
        self.0.ancestors().into_iter().map(PyCode).collect()
    }

    /// Whether this code is a strict ancestor of `other`.
    fn is_ancestor_of(&self, other: &PyCode) -> bool {
        self.0.is_ancestor_of(other.0)
    }

    /// The code at a level of its branch, or None.
    fn at_level(&self, level: Int) -> PyResult<Option<PyCode>> {
        Ok(self.0.at_level(level.get("level")?).map(PyCode))
    }

    /// The parts as printed in split columns.
    fn split(&self) -> Vec<String> {
        self.0.split()
    }

    fn __repr__(&self) -> String {
        let ctor = match self.0.scheme() {
            Scheme::Functional => "functional",
            Scheme::DeptEconomic | Scheme::GovEconomic => "economic",
            Scheme::Revenue => "revenue",
        };
        format!("Code.{ctor}('{}')", self.0)
    }
}
