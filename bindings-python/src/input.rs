//! `sunlit.InputOptions`: CSV quoting and the input limits of every reader.

use pyo3::prelude::*;
use sunlit::input::{InputOptions, Limits, Quoting};

use crate::convert::{Int, Text, opt_int};
use crate::errors::IntoPy;

/// How a reader reads its input: CSV quoting ("strict", the default, or "lenient") and the
/// limits (file size, rows, field length, JSON depth, grid cells; defaults 2 GiB, 50,000,000
/// rows, 1 MiB, 64, 10,000,000). Exceeding a limit raises `LimitError` naming the limit.
#[pyclass(module = "sunlit", name = "InputOptions", frozen, eq)]
#[derive(Clone, PartialEq, Eq)]
pub struct PyInputOptions(pub InputOptions);

#[pymethods]
impl PyInputOptions {
    #[new]
    #[pyo3(signature = (*, quoting = Text::from("strict"), max_file_bytes=None, max_rows=None, max_field_bytes=None, max_json_depth=None, max_cells=None), text_signature = "(*, quoting=\"strict\", max_file_bytes=None, max_rows=None, max_field_bytes=None, max_json_depth=None, max_cells=None)")]
    fn new(
        quoting: Text,
        max_file_bytes: Option<Int>,
        max_rows: Option<Int>,
        max_field_bytes: Option<Int>,
        max_json_depth: Option<Int>,
        max_cells: Option<Int>,
    ) -> PyResult<PyInputOptions> {
        let d = Limits::default();
        Ok(PyInputOptions(InputOptions {
            quoting: Quoting::parse(&quoting).py()?,
            limits: Limits {
                max_file_bytes: opt_int(max_file_bytes, "max_file_bytes")?
                    .unwrap_or(d.max_file_bytes),
                max_rows: opt_int(max_rows, "max_rows")?.unwrap_or(d.max_rows),
                max_field_bytes: opt_int(max_field_bytes, "max_field_bytes")?
                    .unwrap_or(d.max_field_bytes),
                max_json_depth: opt_int(max_json_depth, "max_json_depth")?
                    .unwrap_or(d.max_json_depth),
                max_cells: opt_int(max_cells, "max_cells")?.unwrap_or(d.max_cells),
            },
        }))
    }

    /// "strict" or "lenient".
    #[getter]
    fn quoting(&self) -> &'static str {
        self.0.quoting.id()
    }

    /// Largest input in bytes (default 2 GiB).
    #[getter]
    fn max_file_bytes(&self) -> u64 {
        self.0.limits.max_file_bytes
    }

    /// Most CSV records (header included) or items of one JSON array (default 50,000,000).
    #[getter]
    fn max_rows(&self) -> u64 {
        self.0.limits.max_rows
    }

    /// Longest CSV field or JSON string in bytes (default 1 MiB).
    #[getter]
    fn max_field_bytes(&self) -> u64 {
        self.0.limits.max_field_bytes
    }

    /// Deepest JSON nesting (default 64).
    #[getter]
    fn max_json_depth(&self) -> u64 {
        self.0.limits.max_json_depth
    }

    /// Most positions of one grid a document reader lays out from a sheet or HTML table
    /// (default 10,000,000).
    #[getter]
    fn max_cells(&self) -> u64 {
        self.0.limits.max_cells
    }

    fn __repr__(&self) -> String {
        let l = &self.0.limits;
        format!(
            "InputOptions(quoting={:?}, max_file_bytes={}, max_rows={}, max_field_bytes={}, max_json_depth={}, max_cells={})",
            self.0.quoting.id(),
            l.max_file_bytes,
            l.max_rows,
            l.max_field_bytes,
            l.max_json_depth,
            l.max_cells
        )
    }
}

/// The core options of an optional Python `InputOptions`.
pub fn input_options(options: Option<&PyInputOptions>) -> InputOptions {
    options.map(|o| o.0.clone()).unwrap_or_default()
}

/// The options of a reader that returns no warnings: lenient quoting is refused there (its
/// warnings would be lost), pointing to the `*_with` form.
pub fn strict_options(options: Option<&PyInputOptions>, with: &str) -> PyResult<InputOptions> {
    let o = input_options(options);
    if o.quoting == Quoting::Lenient {
        return Err(sunlit::Error::Field {
            field: "quoting",
            value: "lenient".to_owned(),
            reason: format!(
                "lenient quoting reports a warning for every relaxed field: use {with}, which returns them"
            ),
        })
        .py();
    }
    Ok(o)
}
