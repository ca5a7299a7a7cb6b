//! `sunlit.Catalog`: names of codes per scheme and catalogue year.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use pyo3::prelude::*;
use sunlit::{Catalog, classification::Scheme};

use crate::code::PyCode;
use crate::convert::{Int, Text};
use crate::errors::IntoPy;
use crate::input::{PyInputOptions, strict_options};

/// Names of classification codes keyed by (scheme, catalogue year); never guesses.
#[pyclass(module = "sunlit", name = "Catalog", frozen)]
#[derive(Clone)]
pub struct PyCatalog(pub Arc<Catalog>);

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
}
