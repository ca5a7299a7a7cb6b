//! `sunlit.Catalog`: names of codes per scheme and catalogue year.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use pyo3::prelude::*;
use sunlit::{
    Catalog,
    catalog::{Change, NameMatch, Presence},
    classification::Scheme,
};

use crate::code::PyCode;
use crate::convert::{Int, Text};
use crate::errors::IntoPy;
use crate::input::{PyInputOptions, strict_options};

/// Names of classification codes keyed by (scheme, catalogue year); never guesses.
#[pyclass(module = "sunlit", name = "Catalog", frozen)]
#[derive(Clone)]
pub struct PyCatalog(pub Arc<Catalog>);

/// A change between catalogue years as Python sees it: (kind, year, from_name, to_name).
type ChangeTuple = (&'static str, Option<i32>, Option<String>, Option<String>);

/// A name comparison as Python sees it: (kind, expected, other_year, other_code).
type NameMatchTuple = (&'static str, Option<String>, Option<i32>, Option<String>);

/// The embedded catalogue (seed, 类 names, names printed in real documents per year), shared.
pub fn embedded() -> Arc<Catalog> {
    static EMBEDDED: OnceLock<Arc<Catalog>> = OnceLock::new();
    EMBEDDED
        .get_or_init(|| Arc::new(Catalog::embedded().clone()))
        .clone()
}

/// The embedded seed, shared.
pub fn seed() -> Arc<Catalog> {
    static SEED: OnceLock<Arc<Catalog>> = OnceLock::new();
    SEED.get_or_init(|| Arc::new(Catalog::seed().clone()))
        .clone()
}

#[pymethods]
impl PyCatalog {
    /// An empty catalogue.
    #[new]
    fn new() -> PyCatalog {
        PyCatalog(Arc::new(Catalog::new()))
    }

    /// The embedded verified seed (partial: 67 functional, 65 departmental economic codes; 2024, 2026).
    #[staticmethod]
    fn seed() -> PyCatalog {
        PyCatalog(seed())
    }

    /// A new catalogue with this one's names plus those of a CSV file `code,name,level,parent`.
    /// `options` (an `InputOptions`) sets the limits (strict quoting only).
    #[pyo3(signature = (path, scheme, year, options=None))]
    fn with_csv(
        &self,
        path: PathBuf,
        scheme: Text,
        year: Int,
        options: Option<PyRef<'_, PyInputOptions>>,
    ) -> PyResult<PyCatalog> {
        let opts = strict_options(
            options.as_deref(),
            "the Rust Catalog::load_csv_with (Python reads catalogues strictly)",
        )?;
        let year = year.get("year")?;
        let scheme = Scheme::parse(&scheme).py()?;
        let file = std::fs::File::open(&path).map_err(|e| {
            crate::errors::to_py(sunlit::Error::File {
                path: path.display().to_string(),
                kind: e.kind(),
                reason: e.to_string(),
            })
        })?;
        let mut c = (*self.0).clone();
        c.load_csv_with(scheme, year, file, &opts).py()?;
        Ok(PyCatalog(Arc::new(c)))
    }

    /// The name of `code` in the `year` catalogue, or None.
    fn name(&self, code: &PyCode, year: Int) -> PyResult<Option<String>> {
        Ok(self.0.name(code.0, year.get("year")?).map(str::to_owned))
    }

    /// Catalogue years held for a scheme.
    fn years(&self, scheme: Text) -> PyResult<Vec<i32>> {
        Ok(self.0.years(Scheme::parse(&scheme).py()?))
    }

    /// (code, name) pairs of one catalogue, in code order.
    fn entries(&self, scheme: Text, year: Int) -> PyResult<Vec<(PyCode, String)>> {
        let year = year.get("year")?;
        let scheme = Scheme::parse(&scheme).py()?;
        Ok(self
            .0
            .entries(scheme, year)
            .map(|(c, n)| (PyCode(c), n.to_owned()))
            .collect())
    }
    /// Everything the library embeds: the seed, the functional 类 names per year and the names
    /// printed in real published documents per catalogue year (2017, 2019, 2023–2026). No year is
    /// complete.
    #[staticmethod]
    fn embedded() -> PyCatalog {
        PyCatalog(embedded())
    }

    /// The name of `code` in the catalogue of `year` (a functional 类 falls back on the 类 name
    /// in force that year), or None.
    fn name_in(&self, code: &PyCode, year: Int) -> PyResult<Option<String>> {
        Ok(self.0.name_in(code.0, year.get("year")?).map(str::to_owned))
    }

    /// Whether `code` is listed in the catalogue of `year`: "listed", "not_listed" (the year's
    /// catalogue is incomplete), "absent" (complete, and without it) or "no_catalogue".
    fn presence(&self, code: &PyCode, year: Int) -> PyResult<&'static str> {
        Ok(match self.0.presence(code.0, year.get("year")?) {
            Presence::Listed => "listed",
            Presence::NotListed => "not_listed",
            Presence::Absent => "absent",
            Presence::NoCatalogue => "no_catalogue",
        })
    }

    /// The (year, name) of `code` in every catalogue year that lists it.
    fn history(&self, code: &PyCode) -> Vec<(i32, String)> {
        self.0.history(code.0)
    }

    /// How `code` changed between two catalogue years, as (kind, year, from_name, to_name):
    /// kind "same", "renamed" (with both names), "added" / "retired" (with the year of the
    /// change) or "unknown".
    fn change(&self, code: &PyCode, from_year: Int, to_year: Int) -> PyResult<ChangeTuple> {
        let c = self
            .0
            .change(code.0, from_year.get("from_year")?, to_year.get("to_year")?);
        Ok(match c {
            Change::Same => ("same", None, None, None),
            Change::Renamed { from, to } => ("renamed", None, Some(from), Some(to)),
            Change::Added { year } => ("added", Some(year), None, None),
            Change::Retired { year } => ("retired", Some(year), None, None),
            Change::Unknown => ("unknown", None, None, None),
        })
    }

    /// Compare a printed name with the name of `code` in the catalogue of `year`, as (kind,
    /// expected, other_year, other_code): kind "exact", "variant", "other_year" (the code's
    /// name of `other_year`), "other_code" (the name of `other_code`), "mismatch" or "unknown";
    /// `expected` is the code's name that year.
    fn match_name(&self, code: &PyCode, year: Int, printed: Text) -> PyResult<NameMatchTuple> {
        Ok(
            match self.0.match_name(code.0, year.get("year")?, &printed) {
                NameMatch::Exact => ("exact", None, None, None),
                NameMatch::Variant => ("variant", None, None, None),
                NameMatch::OtherYear { year, expected } => {
                    ("other_year", Some(expected), Some(year), None)
                }
                NameMatch::OtherCode { code, expected } => {
                    ("other_code", Some(expected), None, Some(code.to_string()))
                }
                NameMatch::Mismatch { expected } => ("mismatch", Some(expected), None, None),
                NameMatch::Unknown => ("unknown", None, None, None),
            },
        )
    }
}
