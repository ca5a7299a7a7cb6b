//! `sunlit.ArrowBatch`: a core Arrow record batch handed to Python through the Arrow PyCapsule
//! interface (`__arrow_c_array__`, `__arrow_c_stream__`, `__arrow_c_schema__`), so pyarrow,
//! polars, pandas and DuckDB read it without a copy per row; and Arrow input for
//! `Ledger.from_arrow` and `Rollup.partial` / `Rollup.merge`.

use std::sync::Arc;

use arrow_array::{Array, ArrayRef, RecordBatch, StructArray};
use arrow_schema::{ArrowError, Field};
use pyo3::exceptions::{PyImportError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyDict, PyTuple};
use pyo3_arrow::ffi::{
    ArrayIterator, to_array_pycapsules, to_schema_pycapsule, to_stream_pycapsule,
};
use pyo3_arrow::input::AnyRecordBatch;
use sunlit::Ledger;

use crate::errors::IntoPy;

/// An Arrow record batch made by sunlit (a ledger, a roll-up or findings): exact
/// `decimal128` amounts, dictionary-encoded text. Any Arrow library reads it through the
/// PyCapsule interface: `pyarrow.table(b)`, `polars.DataFrame(b)`, `duckdb.sql("from b")`;
/// `to_pyarrow()`, `to_polars()` and `to_pandas()` do it for you.
#[pyclass(module = "sunlit", name = "ArrowBatch", frozen)]
pub struct PyArrowBatch(pub RecordBatch);

/// The batch as one struct array and its field (how a record batch crosses the C interface).
fn as_struct(batch: &RecordBatch) -> (Arc<Field>, ArrayRef) {
    let field = Field::new_struct("", batch.schema_ref().fields().clone(), false)
        .with_metadata(batch.schema_ref().metadata().clone());
    (Arc::new(field), Arc::new(StructArray::from(batch.clone())))
}

/// Import an optional dependency, with the pip command in the error.
fn import<'py>(py: Python<'py>, module: &str, for_what: &str) -> PyResult<Bound<'py, PyModule>> {
    py.import(module).map_err(|e| {
        PyImportError::new_err(format!(
            "{for_what} needs {module} ({e}); install it with: pip install {module}"
        ))
    })
}

fn arrow_err(e: ArrowError) -> PyErr {
    pyo3::exceptions::PyValueError::new_err(e.to_string())
}

#[pymethods]
impl PyArrowBatch {
    /// Arrow PyCapsule interface: the batch as a (schema, array) pair of capsules.
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_array__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyCapsule>>,
    ) -> PyResult<Bound<'py, PyTuple>> {
        let (field, array) = as_struct(&self.0);
        Ok(to_array_pycapsules(py, field, &array, requested_schema)?)
    }

    /// Arrow PyCapsule interface: the batch as a stream of one batch.
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyCapsule>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let (field, array) = as_struct(&self.0);
        let reader = Box::new(ArrayIterator::new([Ok(array)], field));
        Ok(to_stream_pycapsule(py, reader, requested_schema)?)
    }

    /// Arrow PyCapsule interface: the schema.
    fn __arrow_c_schema__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyCapsule>> {
        Ok(to_schema_pycapsule(py, self.0.schema_ref().as_ref())?)
    }

    /// Number of rows.
    fn __len__(&self) -> usize {
        self.0.num_rows()
    }

    /// The column names.
    #[getter]
    fn column_names(&self) -> Vec<String> {
        self.0
            .schema_ref()
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .collect()
    }

    /// The schema as text, one `name: type` per column.
    #[getter]
    fn schema(&self) -> Vec<String> {
        self.0
            .schema_ref()
            .fields()
            .iter()
            .map(|f| format!("{}: {}", f.name(), f.data_type()))
            .collect()
    }

    /// As a `pyarrow.Table` (needs pyarrow).
    fn to_pyarrow<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let pa = import(slf.py(), "pyarrow", "to_pyarrow()")?;
        pa.call_method1("table", (slf,))
    }

    /// As a `polars.DataFrame` (needs polars; amounts as exact `Decimal` columns, text as
    /// categoricals).
    pub fn to_polars<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let pl = import(slf.py(), "polars", "to_polars()")?;
        pl.call_method1("DataFrame", (slf,))
    }

    /// As a `pandas.DataFrame` with `pd.ArrowDtype` columns, so amounts stay exact decimals
    /// (needs pandas and pyarrow).
    pub fn to_pandas<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        let pd = import(py, "pandas", "to_pandas()")?;
        let table = Self::to_pyarrow(slf)?;
        let kwargs = PyDict::new(py);
        kwargs.set_item("types_mapper", pd.getattr("ArrowDtype")?)?;
        table.call_method("to_pandas", (), Some(&kwargs))
    }

    fn __repr__(&self) -> String {
        format!(
            "ArrowBatch({} rows: {})",
            self.0.num_rows(),
            self.schema().join(", ")
        )
    }

    /// A notebook view: the schema and the first rows as an HTML table.
    pub fn _repr_html_(&self) -> PyResult<String> {
        html_table(&self.0, 10).map_err(arrow_err)
    }
}

/// The first `limit` rows of a batch as an HTML table (text escaped).
pub fn html_table(batch: &RecordBatch, limit: usize) -> Result<String, ArrowError> {
    let shown = batch.slice(0, batch.num_rows().min(limit));
    let options = arrow_cast::display::FormatOptions::default().with_null("");
    let formatters = shown
        .columns()
        .iter()
        .map(|c| arrow_cast::display::ArrayFormatter::try_new(c.as_ref(), &options))
        .collect::<Result<Vec<_>, _>>()?;
    let mut out = String::from("<table class=\"sunlit\"><thead><tr>");
    for f in batch.schema_ref().fields() {
        out.push_str(&format!("<th>{}</th>", escape(f.name())));
    }
    out.push_str("</tr></thead><tbody>");
    for row in 0..shown.num_rows() {
        out.push_str("<tr>");
        for (f, c) in formatters.iter().zip(shown.columns()) {
            let align = if c.data_type().is_numeric() {
                " style=\"text-align:right\""
            } else {
                ""
            };
            out.push_str(&format!(
                "<td{align}>{}</td>",
                escape(&f.value(row).to_string())
            ));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    if batch.num_rows() > limit {
        out.push_str(&format!(
            "<p>{} of {} rows shown</p>",
            limit,
            batch.num_rows()
        ));
    }
    Ok(out)
}

/// HTML-escape text.
pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The record batches of any Arrow object (PyCapsule array or stream: pyarrow, polars, arro3,
/// DuckDB results …) as a ledger, by the core's rules (`Ledger::from_arrow_batches`). An object
/// that is not Arrow data is a `TypeError`.
pub fn ledger_from_arrow(data: &Bound<'_, PyAny>) -> PyResult<Ledger> {
    let py = data.py();
    let data: AnyRecordBatch = data.extract().map_err(|e| {
        PyTypeError::new_err(format!(
            "expected Arrow data (an object with __arrow_c_stream__ or __arrow_c_array__, such as \
             a pyarrow Table or a polars DataFrame), got {}: {e}",
            data.get_type()
                .name()
                .map_or_else(|_| "?".to_owned(), |n| n.to_string())
        ))
    })?;
    let reader = data.into_reader()?;
    let batches = reader.collect::<Result<Vec<_>, _>>().map_err(arrow_err)?;
    py.detach(|| Ledger::from_arrow_batches(&batches)).py()
}

/// Wrap a core batch.
pub fn batch(result: sunlit::Result<RecordBatch>) -> PyResult<PyArrowBatch> {
    result.map(PyArrowBatch).py()
}
