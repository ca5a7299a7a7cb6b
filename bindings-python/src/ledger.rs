//! `sunlit.Ledger` and `sunlit.Rollup`: budget lines, roll-ups, comparisons.

use std::path::PathBuf;
use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyInt, PyList, PyMapping, PyString};
use sunlit::{
    Catalog, Code, Ledger, Rollup, RollupOptions,
    budget::{
        CompareAxis, CompareOptions, GroupKey, GroupValue, Hierarchy, LineRecord, Phase, Selection,
        Subtotals,
    },
    catalog::CatalogCheckOptions,
    fdp::FdpOptions,
};

use crate::arrow::{PyArrowBatch, batch, ledger_from_arrow};
use crate::catalog::{PyCatalog, seed};
use crate::code::PyCode;
use crate::convert::{Int, Text, amount_text, opt_int, value_text};
use crate::errors::{IntoPy, input_error};
use crate::finding::{FindingList, PyFinding, wrap};
use crate::input::{PyInputOptions, input_options, strict_options};

/// A budget ledger: line items (year, book, phase, unit, functional, economic, nature, source,
/// amount in 元).
#[pyclass(module = "sunlit", name = "Ledger", frozen)]
pub struct PyLedger(pub Ledger);

fn group_value_py<'py>(py: Python<'py>, v: &GroupValue) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        GroupValue::Year(y) => y.into_pyobject(py)?.into_any(),
        GroupValue::Source(None) | GroupValue::Economic(None) => py.None().into_bound(py),
        other => other.text().into_pyobject(py)?.into_any(),
    })
}

fn keys(by: Option<Vec<String>>) -> PyResult<Vec<GroupKey>> {
    by.unwrap_or_default()
        .iter()
        .map(|k| GroupKey::parse(k))
        .collect::<Result<_, _>>()
        .py()
}

/// The roll-up options from the keyword arguments; `hierarchy` and `subtotals` left None take
/// the core's defaults (`RollupOptions::default()`).
fn rollup_options(
    by: Option<Vec<Text>>,
    hierarchy: Option<Text>,
    subtotals: Option<Text>,
) -> PyResult<RollupOptions> {
    let d = RollupOptions::default();
    Ok(RollupOptions {
        by: keys(by.map(|v| v.into_iter().map(String::from).collect()))?,
        hierarchy: hierarchy
            .map_or(Ok(d.hierarchy), |h| Hierarchy::parse(&h))
            .py()?,
        subtotals: subtotals
            .map_or(Ok(d.subtotals), |s| Subtotals::parse(&s))
            .py()?,
    })
}

/// A list of dicts, one per item, each filled by `fill`: the one records loop of the ledger
/// views (lines, roll-up nodes, comparison rows).
fn records<'py, T>(
    py: Python<'py>,
    items: impl IntoIterator<Item = T>,
    mut fill: impl FnMut(&Bound<'py, PyDict>, T) -> PyResult<()>,
) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for item in items {
        let d = PyDict::new(py);
        fill(&d, item)?;
        list.append(d)?;
    }
    Ok(list)
}

/// A row's group values under their dimension ids (`year`, `nature` …).
fn set_group(d: &Bound<'_, PyDict>, by: &[GroupKey], group: &[GroupValue]) -> PyResult<()> {
    for (k, v) in by.iter().zip(group) {
        d.set_item(k.id(), group_value_py(d.py(), v)?)?;
    }
    Ok(())
}

/// Dimension filters given as keyword arguments (`nature="basic"`, `year=2026`).
fn filters(kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<Vec<GroupValue>> {
    let mut out = Vec::new();
    if let Some(kw) = kwargs {
        for (k, v) in kw.iter() {
            let key = GroupKey::parse(&k.extract::<String>()?).py()?;
            out.push(GroupValue::parse(key, &value_text(&v)?).py()?);
        }
    }
    Ok(out)
}

/// The exact text of a record value of an accepted type, or the reason it is refused. Only the
/// documented types are taken, read by their value, never by `str()` (which any object can make
/// say anything): `year` an int or str; `functional` and `economic` a str or `sunlit.Code`;
/// `amount` a `decimal.Decimal`, int or str (never a float); every other field a str.
fn record_value(key: &str, value: &Bound<'_, PyAny>) -> Result<String, String> {
    if key == "amount" {
        return amount_text(value);
    }
    if let Ok(s) = value.cast::<PyString>() {
        return s
            .to_cow()
            .map(|c| c.into_owned())
            .map_err(|e| e.to_string());
    }
    if matches!(key, "functional" | "economic")
        && let Ok(code) = value.cast::<PyCode>()
    {
        return Ok(code.get().0.to_string());
    }
    if key == "year" && value.is_instance_of::<PyInt>() && !value.is_instance_of::<PyBool>() {
        return exact_int(value).map_err(|e| e.to_string());
    }
    let expected = match key {
        "year" => "an int or str",
        "functional" | "economic" => "a str or sunlit.Code",
        _ => "a str",
    };
    let type_name = value
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_default();
    Err(format!("expected {expected}, not {type_name}"))
}

/// The decimal digits of a Python int by `int.__repr__`, which a subclass cannot override.
fn exact_int(value: &Bound<'_, PyAny>) -> PyResult<String> {
    let py = value.py();
    Ok(py
        .get_type::<PyInt>()
        .getattr("__repr__")?
        .call1((value,))?
        .cast_into::<PyString>()?
        .to_cow()?
        .into_owned())
}

/// A record (mapping) into the nine text fields; the core checks keys and values. A value of an
/// undocumented type is an `InputError` naming the record (1-based `line`) and the key.
fn record_from_mapping(obj: &Bound<'_, PyAny>, line: u64) -> PyResult<LineRecord> {
    let map = obj
        .cast::<PyMapping>()
        .map_err(|_| input_error(line, "", "", "each record must be a dict (mapping)"))?;
    let mut pairs: Vec<(String, Option<String>)> = Vec::new();
    for item in map.items()?.iter() {
        let (key, value): (Bound<'_, PyAny>, Bound<'_, PyAny>) = item.extract()?;
        let key = match key.cast::<PyString>() {
            Ok(_) => key.extract::<Text>()?.0,
            Err(_) => {
                let shown = key.repr().map(|r| r.to_string()).unwrap_or_default();
                return Err(input_error(line, &shown, "", "record keys are str"));
            }
        };
        let text = if value.is_none() {
            None
        } else {
            Some(record_value(&key, &value).map_err(|reason| {
                let shown = value.repr().map(|r| r.to_string()).unwrap_or_default();
                input_error(line, &key, &shown, &reason)
            })?)
        };
        pairs.push((key, text));
    }
    LineRecord::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.clone())), line).py()
}

#[pymethods]
impl PyLedger {
    /// An empty ledger.
    #[new]
    fn new() -> PyLedger {
        PyLedger(Ledger::new())
    }

    /// A ledger from any Arrow table or batch (pyarrow, polars, DuckDB, arro3 … through the
    /// Arrow PyCapsule interface) with the ledger's columns; values go through the CSV reader's
    /// rules, so a bad one raises `InputError` naming row, column and value. Float columns are
    /// refused (cast amounts to decimal or str first); null is blank, not zero.
    #[staticmethod]
    fn from_arrow(data: &Bound<'_, PyAny>) -> PyResult<PyLedger> {
        ledger_from_arrow(data).map(PyLedger)
    }

    /// The ledger as an `ArrowBatch` (amounts `decimal128(38, s)`, text dictionary-encoded):
    /// `pyarrow.table(b)`, `polars.DataFrame(b)`, `b.to_pandas()` …
    fn to_arrow(&self, py: Python<'_>) -> PyResult<PyArrowBatch> {
        batch(py.detach(|| self.0.to_arrow()))
    }

    /// The ledger as a `polars.DataFrame` (needs polars; exact `Decimal` amounts).
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        PyArrowBatch::to_polars(&Bound::new(py, self.to_arrow(py)?)?)
    }

    /// The ledger as a `pandas.DataFrame` with `pd.ArrowDtype` columns (needs pandas and pyarrow;
    /// exact decimal amounts).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        PyArrowBatch::to_pandas(&Bound::new(py, self.to_arrow(py)?)?)
    }

    /// Lines equal in every dimension added into one: the mergeable partial result of a
    /// roll-up (see `Rollup.partial`, `Rollup.merge`).
    fn compact(&self, py: Python<'_>) -> PyResult<PyLedger> {
        py.detach(|| self.0.compact()).map(PyLedger).py()
    }

    /// The lines of every ledger, one after another.
    #[staticmethod]
    fn concat(py: Python<'_>, parts: Vec<PyRef<'_, PyLedger>>) -> PyResult<PyLedger> {
        let parts: Vec<&Ledger> = parts.iter().map(|p| &p.0).collect();
        py.detach(|| Ledger::concat(parts)).map(PyLedger).py()
    }

    /// A notebook view: line count and the first lines as a table.
    fn _repr_html_(&self, py: Python<'_>) -> PyResult<String> {
        let b = self.to_arrow(py)?;
        Ok(format!(
            "<p><b>sunlit.Ledger</b>: {} lines (amounts in 元)</p>{}",
            self.0.len(),
            b._repr_html_()?
        ))
    }

    /// Read a ledger CSV (header year,book,phase,unit,functional,economic,nature,source,amount).
    /// `options` (an `InputOptions`) sets the limits; lenient quoting needs `read_csv_with`.
    /// `progress` is told how far a long load has got: a tqdm bar (its `update(n)` gets the
    /// bytes read, its `total` the file size) or a callable `progress(bytes_read, file_size)`.
    #[staticmethod]
    #[pyo3(signature = (path, options=None, progress=None))]
    fn read_csv(
        py: Python<'_>,
        path: PathBuf,
        options: Option<PyRef<'_, PyInputOptions>>,
        progress: Option<Bound<'_, PyAny>>,
    ) -> PyResult<PyLedger> {
        let opts = strict_options(options.as_deref(), "Ledger.read_csv_with")?;
        let Some(progress) = progress else {
            return py
                .detach(|| Ledger::read_csv_path_with(&path, &opts))
                .map(|(l, _)| PyLedger(l))
                .py();
        };
        let mut report = crate::progress::Progress::new(&progress)?;
        let read = py.detach(|| {
            Ledger::read_csv_path_with_progress(&path, &opts, &mut |done, size| {
                report.tell(done, size)
            })
        });
        report.failure()?;
        read.map(|(l, _)| PyLedger(l)).py()
    }

    /// Parse ledger CSV text (see `read_csv`).
    #[staticmethod]
    #[pyo3(signature = (text, options=None))]
    fn from_csv(
        py: Python<'_>,
        text: Text,
        options: Option<PyRef<'_, PyInputOptions>>,
    ) -> PyResult<PyLedger> {
        let opts = strict_options(options.as_deref(), "Ledger.from_csv_with")?;
        py.detach(|| Ledger::read_csv_with(text.as_bytes(), &opts))
            .map(|(l, _)| PyLedger(l))
            .py()
    }

    /// Read a ledger CSV with `options`; returns the ledger and the warnings of the fields read
    /// under lenient quoting (rule "input.relaxed_quoting"; none under strict quoting).
    #[staticmethod]
    fn read_csv_with(
        py: Python<'_>,
        path: PathBuf,
        options: PyRef<'_, PyInputOptions>,
    ) -> PyResult<(PyLedger, FindingList)> {
        let opts = options.0.clone();
        py.detach(|| Ledger::read_csv_path_with(&path, &opts))
            .map(|(l, f)| (PyLedger(l), f.into_iter().map(PyFinding).collect()))
            .py()
    }

    /// Parse ledger CSV text with `options` (see `read_csv_with`).
    #[staticmethod]
    fn from_csv_with(
        py: Python<'_>,
        text: Text,
        options: PyRef<'_, PyInputOptions>,
    ) -> PyResult<(PyLedger, FindingList)> {
        let opts = options.0.clone();
        py.detach(|| Ledger::read_csv_with(text.as_bytes(), &opts))
            .map(|(l, f)| (PyLedger(l), f.into_iter().map(PyFinding).collect()))
            .py()
    }

    /// Parse a ledger JSON array; `options` sets the limits. A duplicate key raises InputError.
    #[staticmethod]
    #[pyo3(signature = (text, options=None))]
    fn from_json(text: Text, options: Option<PyRef<'_, PyInputOptions>>) -> PyResult<PyLedger> {
        Ledger::from_json_with(&text, &input_options(options.as_deref()))
            .map(PyLedger)
            .py()
    }

    /// Build a ledger from an iterable of dicts with the nine ledger keys (economic and source
    /// optional). Values are taken only of the documented types, by value (never by `str()`):
    /// `year` int or str; `functional` and `economic` str or `Code`; `amount` decimal.Decimal,
    /// int or str (a float is refused); the other fields str; None for blank. Any other type is
    /// an `InputError` with the 1-based record number as `line` and the key as `column`.
    #[staticmethod]
    fn from_records(records: &Bound<'_, PyAny>) -> PyResult<PyLedger> {
        let mut ledger = Ledger::new();
        for (i, item) in records.try_iter()?.enumerate() {
            let line = i as u64 + 1;
            let record = record_from_mapping(&item?, line)?;
            let parsed = record.parse(line).py()?;
            ledger.push(parsed).map_err(|e| e.at(line, "")).py()?;
        }
        Ok(PyLedger(ledger))
    }

    fn __len__(&self) -> usize {
        self.0.len()
    }

    fn __repr__(&self) -> String {
        format!("Ledger({} lines)", self.0.len())
    }

    /// The lines as dicts; amounts are decimal.Decimal, absent economic code and source None.
    fn to_records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        records(py, self.0.iter(), |d, l| {
            d.set_item("year", l.year)?;
            d.set_item("book", l.book.id())?;
            d.set_item("phase", l.phase.id())?;
            d.set_item("unit", l.unit)?;
            d.set_item("functional", l.functional.to_string())?;
            d.set_item("economic", l.economic.map(|c| c.to_string()))?;
            d.set_item("nature", l.nature.id())?;
            d.set_item("source", l.source)?;
            d.set_item("amount", l.amount)
        })
    }

    /// Write the ledger as CSV.
    fn write_csv(&self, py: Python<'_>, path: PathBuf) -> PyResult<()> {
        py.detach(|| self.0.write_csv_path(&path)).py()
    }

    /// The ledger as CSV text.
    fn to_csv(&self) -> PyResult<String> {
        self.0.to_csv_string().py()
    }

    /// The ledger as a JSON array (amounts as strings).
    fn to_json(&self) -> String {
        self.0.to_json()
    }

    /// The lines matching every keyword filter (e.g. `phase="final"`), optionally only those
    /// under a functional code.
    #[pyo3(signature = (under=None, **filters))]
    fn select(
        &self,
        under: Option<Text>,
        filters: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<PyLedger> {
        let under = under.as_deref().map(Code::functional).transpose().py()?;
        Ok(PyLedger(self.0.select(&Selection {
            values: self::filters(filters)?,
            under,
        })))
    }

    /// Distinct values of one dimension, sorted.
    fn distinct<'py>(&self, py: Python<'py>, key: Text) -> PyResult<Vec<Bound<'py, PyAny>>> {
        let key = GroupKey::parse(&key).py()?;
        self.0
            .distinct(key)
            .iter()
            .map(|v| group_value_py(py, v))
            .collect()
    }

    /// Roll the lines up 项 → 款 → 类 → total, optionally grouped by year, book, phase, unit,
    /// nature, source and/or economic. `subtotals="check"` treats upper-level lines as published
    /// subtotals to compare; `hierarchy="economic"` climbs the economic tree. Names come from
    /// `catalog` (default: the embedded seed).
    #[pyo3(signature = (by=None, hierarchy=None, subtotals=None, catalog=None))]
    fn rollup(
        &self,
        py: Python<'_>,
        by: Option<Vec<Text>>,
        hierarchy: Option<Text>,
        subtotals: Option<Text>,
        catalog: Option<PyRef<'_, PyCatalog>>,
    ) -> PyResult<PyRollup> {
        let opts = rollup_options(by, hierarchy, subtotals)?;
        let inner = py.detach(|| self.0.rollup(&opts)).py()?;
        Ok(PyRollup {
            inner,
            catalog: catalog.map_or_else(seed, |c| c.0.clone()),
        })
    }

    /// Compare two phases (`base="budget", target="final"`: execution rate) or two years
    /// (`base=2025, target=2026`), code by code. Returns a list of dicts with the group keys,
    /// code, level, base, target, difference, rate (target ÷ base × 100) and growth, percentages
    /// rounded half up to `places`.
    #[pyo3(
        signature = (base, target, by=None, places=None, hierarchy=None, subtotals=None)
    )]
    #[allow(clippy::too_many_arguments)]
    fn compare<'py>(
        &self,
        py: Python<'py>,
        base: &Bound<'py, PyAny>,
        target: &Bound<'py, PyAny>,
        by: Option<Vec<Text>>,
        places: Option<Int>,
        hierarchy: Option<Text>,
        subtotals: Option<Text>,
    ) -> PyResult<Bound<'py, PyList>> {
        let axis = match (base.extract::<i32>(), target.extract::<i32>()) {
            (Ok(b), Ok(t)) => CompareAxis::Year { base: b, target: t },
            _ => CompareAxis::Phase {
                base: Phase::parse(&value_text(base)?).py()?,
                target: Phase::parse(&value_text(target)?).py()?,
            },
        };
        // the core's defaults (CompareOptions::new) for what is left None
        let mut opts = CompareOptions::new(axis);
        opts.rollup = rollup_options(by, hierarchy, subtotals)?;
        opts.places = opt_int(places, "places")?.unwrap_or(opts.places);
        let cmp = py.detach(|| self.0.compare(&opts)).py()?;
        records(py, &cmp.rows, |d, row| {
            set_group(d, &opts.rollup.by, &row.group)?;
            d.set_item("code", row.code.to_string())?;
            d.set_item("level", row.level)?;
            d.set_item("base", row.base)?;
            d.set_item("target", row.target)?;
            d.set_item("difference", row.difference)?;
            d.set_item("rate", row.rate)?;
            d.set_item("growth", row.growth)
        })
    }

    /// The ledger as a Fiscal Data Package (datapackage.json + CSV) written into `directory`;
    /// returns the path of datapackage.json. Names of the classification levels come from
    /// `catalog` (default: the seed).
    #[pyo3(signature = (directory, name = Text::from("sunlit-ledger"), title=None, catalog=None), text_signature = "($self, directory, name=\"sunlit-ledger\", title=None, catalog=None)")]
    fn to_fiscal_data_package(
        &self,
        py: Python<'_>,
        directory: PathBuf,
        name: Text,
        title: Option<Text>,
        catalog: Option<PyRef<'_, PyCatalog>>,
    ) -> PyResult<PathBuf> {
        let catalog = catalog.map_or_else(seed, |c| c.0.clone());
        let opts = FdpOptions {
            name: name.to_owned().0,
            title: title.map(String::from),
            ..Default::default()
        };
        py.detach(|| {
            self.0
                .to_fiscal_data_package(&catalog, &opts)
                .and_then(|p| p.write(&directory))
        })
        .py()
    }

    /// Codes of the ledger missing from a catalogue, as findings (rule catalog.unknown_code).
    #[pyo3(signature = (catalog=None, year=None, economic=false))]
    fn check_catalog(
        &self,
        catalog: Option<PyRef<'_, PyCatalog>>,
        year: Option<Int>,
        economic: bool,
    ) -> PyResult<FindingList> {
        let year = opt_int(year, "year")?;
        let catalog = catalog.map_or_else(seed, |c| c.0.clone());
        Ok(wrap(catalog.check_ledger(
            &self.0,
            &CatalogCheckOptions { year, economic },
        )))
    }
}

/// The result of `Ledger.rollup`.
#[pyclass(module = "sunlit", name = "Rollup", frozen)]
pub struct PyRollup {
    inner: Rollup,
    catalog: Arc<Catalog>,
}

impl PyRollup {
    fn code(&self, code: &Bound<'_, PyAny>) -> PyResult<Code> {
        if let Ok(c) = code.cast::<PyCode>() {
            return Ok(c.get().0);
        }
        let Text(text) = code.extract()?;
        match self.inner.hierarchy() {
            Hierarchy::Functional => Code::functional(&text),
            Hierarchy::Economic => Code::economic(&text),
        }
        .py()
    }
}

#[pymethods]
impl PyRollup {
    /// The amount at a code (str or Code), summed over the groups matching the keyword filters;
    /// None when nothing is at or under the code.
    #[pyo3(signature = (code, **filters))]
    fn amount(
        &self,
        code: &Bound<'_, PyAny>,
        filters: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Option<rust_decimal::Decimal>> {
        let code = self.code(code)?;
        self.inner.amount(code, &self::filters(filters)?).py()
    }

    /// The total (sum of the 类) over the groups matching the keyword filters.
    #[pyo3(signature = (**filters))]
    fn total(
        &self,
        filters: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Option<rust_decimal::Decimal>> {
        self.inner.total(&self::filters(filters)?).py()
    }

    /// The grouping keys.
    #[getter]
    fn by(&self) -> Vec<&'static str> {
        self.inner.by().iter().map(|k| k.id()).collect()
    }

    /// Findings of the subtotal check.
    fn findings(&self) -> FindingList {
        wrap(self.inner.findings().clone())
    }

    /// Every node as a dict: group keys, code, level, name (or None), amount (decimal.Decimal).
    fn to_records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        records(py, self.inner.records(&self.catalog), |d, rec| {
            set_group(d, self.inner.by(), &rec.group)?;
            d.set_item("code", rec.code.to_string())?;
            d.set_item("level", rec.level)?;
            d.set_item("name", rec.name)?;
            d.set_item("amount", rec.amount)
        })
    }

    /// The roll-up as an `ArrowBatch`, one row per node: the grouping columns, `code`, `level`,
    /// `amount` (`decimal128`, exact).
    fn to_arrow(&self, py: Python<'_>) -> PyResult<PyArrowBatch> {
        batch(py.detach(|| self.inner.to_arrow()))
    }

    /// The roll-up as a `polars.DataFrame` (needs polars).
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        PyArrowBatch::to_polars(&Bound::new(py, self.to_arrow(py)?)?)
    }

    /// The roll-up as a `pandas.DataFrame` with `pd.ArrowDtype` columns (needs pandas, pyarrow).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        PyArrowBatch::to_pandas(&Bound::new(py, self.to_arrow(py)?)?)
    }

    /// The partial roll-up of one batch of ledger lines (any Arrow object: a pyarrow
    /// `RecordBatch` in Spark's `mapInArrow`, a pandas partition through `pyarrow`, …): the lines
    /// compacted (`Ledger.compact`), as an `ArrowBatch` to ship back. `Rollup.merge` of the
    /// parts is exactly the roll-up of all the lines.
    #[staticmethod]
    fn partial(py: Python<'_>, batch: &Bound<'_, PyAny>) -> PyResult<PyArrowBatch> {
        let ledger = ledger_from_arrow(batch)?;
        self::batch(py.detach(|| ledger.compact().and_then(|l| l.to_arrow())))
    }

    /// Merge partial roll-ups (`Rollup.partial` results, or any Arrow objects or Ledgers with
    /// ledger lines) and roll them up once, with the options of `Ledger.rollup`.
    #[staticmethod]
    #[pyo3(signature = (parts, by=None, hierarchy=None, subtotals=None, catalog=None))]
    fn merge(
        py: Python<'_>,
        parts: Vec<Bound<'_, PyAny>>,
        by: Option<Vec<Text>>,
        hierarchy: Option<Text>,
        subtotals: Option<Text>,
        catalog: Option<PyRef<'_, PyCatalog>>,
    ) -> PyResult<PyRollup> {
        let opts = rollup_options(by, hierarchy, subtotals)?;
        // Arrow parts are read into ledgers; Ledger parts are borrowed, not copied.
        let read = parts
            .iter()
            .map(|p| match p.cast::<PyLedger>() {
                Ok(_) => Ok(None),
                Err(_) => ledger_from_arrow(p).map(Some),
            })
            .collect::<PyResult<Vec<_>>>()?;
        let mut ledgers: Vec<&Ledger> = Vec::with_capacity(parts.len());
        for (part, read) in parts.iter().zip(&read) {
            match (read, part.cast::<PyLedger>()) {
                (Some(l), _) => ledgers.push(l),
                (None, Ok(l)) => ledgers.push(&l.get().0),
                (None, Err(e)) => return Err(e.into()),
            }
        }
        let inner = py
            .detach(|| Ledger::concat(ledgers).and_then(|l| l.rollup(&opts)))
            .py()?;
        Ok(PyRollup {
            inner,
            catalog: catalog.map_or_else(seed, |c| c.0.clone()),
        })
    }

    /// A notebook view: the groups and the first nodes as a table.
    fn _repr_html_(&self, py: Python<'_>) -> PyResult<String> {
        let b = self.to_arrow(py)?;
        Ok(format!(
            "<p><b>sunlit.Rollup</b> by {:?}: {} groups, {} nodes</p>{}",
            self.by(),
            self.inner.groups().len(),
            self.inner.rows().count(),
            b._repr_html_()?
        ))
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    fn __repr__(&self) -> String {
        format!(
            "Rollup(by={:?}, {} groups, {} nodes)",
            self.by(),
            self.inner.group_count(),
            self.inner.len()
        )
    }
}
