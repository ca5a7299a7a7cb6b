//! `sunlit.PublishedTable`, `sunlit.DisclosureDocument`, `sunlit.NarrativeFigure`,
//! `sunlit.Tolerance`: published budget and final-account tables and their checks.

use std::path::PathBuf;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use rust_decimal::Decimal;
use sunlit::{
    PublishedTable, Unit,
    budget::{Book, Phase},
    money::ToleranceOptions,
    tables::{
        DisclosureDocument, NarrativeFigure, RenderOptions, TableCheckOptions, TableKind,
        TableLedgerOptions, TableReadOptions,
    },
};

use crate::catalog::{PyCatalog, seed};
use crate::convert::{Int, Text, decimal_arg, opt_int};
use crate::errors::IntoPy;
use crate::finding::{FindingList, PyFinding, wrap};
use crate::input::{PyInputOptions, input_options, strict_options};
use crate::ledger::PyLedger;

/// The rounding tolerance: the step cells are rounded to, per unit (None = exact).
#[pyclass(module = "sunlit", name = "Tolerance", frozen)]
#[derive(Clone, Copy)]
pub struct PyTolerance(pub ToleranceOptions);

/// A rounding step given in Python: a Decimal, int or str, or None for exact.
pub struct Step(pub Option<Decimal>);

impl<'a, 'py> FromPyObject<'a, 'py> for Step {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Step> {
        if obj.is_none() {
            return Ok(Step(None));
        }
        decimal_arg(&obj.to_owned(), "step").map(|d| Step(Some(d)))
    }
}

const CENT: Decimal = Decimal::from_parts(1, 0, 0, false, 2);

#[pymethods]
impl PyTolerance {
    /// Steps per unit (Decimal, int or str; None = exact); the defaults are exact 元 and 0.01
    /// 万元 / 亿元.
    #[new]
    #[pyo3(signature = (yuan=Step(None), wan_yuan=Step(Some(CENT)), yi_yuan=Step(Some(CENT))))]
    fn new(yuan: Step, wan_yuan: Step, yi_yuan: Step) -> PyTolerance {
        PyTolerance(ToleranceOptions {
            yuan: yuan.0,
            wan_yuan: wan_yuan.0,
            yi_yuan: yi_yuan.0,
        })
    }

    /// Every unit exact.
    #[staticmethod]
    fn exact() -> PyTolerance {
        PyTolerance(ToleranceOptions::exact())
    }

    /// The step of `unit` (zero when exact).
    fn step(&self, unit: Text) -> PyResult<Decimal> {
        Ok(self.0.step(Unit::parse(&unit).py()?))
    }

    /// How far apart `cells` cells printed in `unit` may be through rounding alone: half a step
    /// each.
    fn allowed(&self, unit: Text, cells: Int) -> PyResult<Decimal> {
        let unit = Unit::parse(&unit).py()?;
        self.0.allowed(unit, cells.get("cells")?).py()
    }

    /// How far a sum of `addends` printed cells in `unit` may sit from its printed total:
    /// half a step × (addends + 1).
    fn sum_allowed(&self, unit: Text, addends: Int) -> PyResult<Decimal> {
        let unit = Unit::parse(&unit).py()?;
        self.0.sum_allowed(unit, addends.get("addends")?).py()
    }

    fn __repr__(&self) -> String {
        let s = |d: Option<Decimal>| d.map_or_else(|| "None".to_owned(), |d| format!("'{d}'"));
        format!(
            "Tolerance(yuan={}, wan_yuan={}, yi_yuan={})",
            s(self.0.yuan),
            s(self.0.wan_yuan),
            s(self.0.yi_yuan)
        )
    }
}

fn check_options(
    granularity: bool,
    heuristics: bool,
    tolerance: Option<PyRef<'_, PyTolerance>>,
) -> TableCheckOptions {
    TableCheckOptions {
        tolerance: tolerance.map_or_else(ToleranceOptions::default, |t| t.0),
        granularity,
        heuristics,
    }
}

fn kind_arg(kind: Option<&str>) -> PyResult<Option<TableKind>> {
    kind.map(TableKind::parse).transpose().py()
}

fn read_options(
    unit: &str,
    kind: Option<&str>,
    title: Option<String>,
) -> PyResult<TableReadOptions> {
    Ok(TableReadOptions {
        unit: Unit::parse(unit).py()?,
        kind: kind_arg(kind)?,
        title,
        ..Default::default()
    })
}

/// One published table as printed: kind, title, unit, columns and rows.
#[pyclass(module = "sunlit", name = "PublishedTable", frozen)]
#[derive(Clone)]
pub struct PyPublishedTable(pub PublishedTable);

#[pymethods]
impl PyPublishedTable {
    /// Read a table CSV (header `code,name,<columns>` or `类,款,项,name,<columns>`). `unit` is
    /// "元" or "万元" (or "亿元"); the kind is `kind` (an id such as "budget_general_functional"),
    /// else recognised from `title`, else from the file name. `options` (an `InputOptions`)
    /// sets the limits; lenient quoting needs `from_csv_with`.
    #[staticmethod]
    #[pyo3(signature = (path, unit = Text::from("元"), kind=None, title=None, options=None), text_signature = "(path, unit=\"元\", kind=None, title=None, options=None)")]
    fn read_csv(
        py: Python<'_>,
        path: PathBuf,
        unit: Text,
        kind: Option<Text>,
        title: Option<Text>,
        options: Option<PyRef<'_, PyInputOptions>>,
    ) -> PyResult<PyPublishedTable> {
        let mut opts = read_options(&unit, kind.as_deref(), title.map(String::from))?;
        opts.input = strict_options(options.as_deref(), "PublishedTable.from_csv_with")?;
        py.detach(|| PublishedTable::read_csv_path(&path, &opts))
            .map(PyPublishedTable)
            .py()
    }

    /// Parse table CSV text (see `read_csv`).
    #[staticmethod]
    #[pyo3(signature = (text, unit = Text::from("元"), kind=None, title=None, options=None), text_signature = "(text, unit=\"元\", kind=None, title=None, options=None)")]
    fn from_csv(
        text: Text,
        unit: Text,
        kind: Option<Text>,
        title: Option<Text>,
        options: Option<PyRef<'_, PyInputOptions>>,
    ) -> PyResult<PyPublishedTable> {
        let mut opts = read_options(&unit, kind.as_deref(), title.map(String::from))?;
        opts.input = strict_options(options.as_deref(), "PublishedTable.from_csv_with")?;
        PublishedTable::read_csv_str(&text, &opts)
            .map(PyPublishedTable)
            .py()
    }

    /// Parse table CSV text with `options`; returns the table and the warnings of the fields
    /// read under lenient quoting (rule "input.relaxed_quoting"; none under strict quoting).
    #[staticmethod]
    #[pyo3(signature = (text, options, unit = Text::from("元"), kind=None, title=None), text_signature = "(text, options, unit=\"元\", kind=None, title=None)")]
    fn from_csv_with(
        text: Text,
        options: PyRef<'_, PyInputOptions>,
        unit: Text,
        kind: Option<Text>,
        title: Option<Text>,
    ) -> PyResult<(PyPublishedTable, FindingList)> {
        let mut opts = read_options(&unit, kind.as_deref(), title.map(String::from))?;
        opts.input = options.0.clone();
        PublishedTable::read_csv_with(text.as_bytes(), &opts)
            .map(|(t, f)| (PyPublishedTable(t), f.into_iter().map(PyFinding).collect()))
            .py()
    }

    /// Read a table JSON file ({"title", "kind", "unit", "columns", "rows"}); `options` sets the
    /// limits. A BOM or non-UTF-8 (e.g. GBK) file raises InputError on line 1 saying so.
    #[staticmethod]
    #[pyo3(signature = (path, options=None))]
    fn read_json(
        path: PathBuf,
        options: Option<PyRef<'_, PyInputOptions>>,
    ) -> PyResult<PyPublishedTable> {
        PublishedTable::read_json_path_with(&path, &input_options(options.as_deref()))
            .map(PyPublishedTable)
            .py()
    }

    /// Parse table JSON text; `options` sets the limits. A duplicate key raises InputError.
    #[staticmethod]
    #[pyo3(signature = (text, options=None))]
    fn from_json(
        text: Text,
        options: Option<PyRef<'_, PyInputOptions>>,
    ) -> PyResult<PyPublishedTable> {
        PublishedTable::from_json_with(&text, &input_options(options.as_deref()))
            .map(PyPublishedTable)
            .py()
    }

    /// Render a ledger (one unit, one year, one phase) into the printed layout of a functional
    /// table: every 类/款/项 with names from `catalog` (default: the seed), 合计 / 基本支出 /
    /// 项目支出, the 合计 row last; in 万元 every cell is rounded to `places` (default 2). For one
    /// book's table (e.g. "budget_general_functional") lines of another book raise FieldError,
    /// or are left out with `skip_other_books=True`; several units raise MixedDimensionError.
    #[staticmethod]
    #[pyo3(signature = (ledger, kind=None, unit = Text::from("元"), places=None, title=None, catalog=None, skip_other_books=false), text_signature = "(ledger, kind=None, unit=\"元\", places=None, title=None, catalog=None, skip_other_books=False)")]
    fn from_ledger(
        ledger: PyRef<'_, PyLedger>,
        kind: Option<Text>,
        unit: Text,
        places: Option<Int>,
        title: Option<Text>,
        catalog: Option<PyRef<'_, PyCatalog>>,
        skip_other_books: bool,
    ) -> PyResult<PyPublishedTable> {
        let places = opt_int(places, "places")?;
        let catalog = catalog.map_or_else(seed, |c| c.0.clone());
        let opts = RenderOptions {
            kind: kind_arg(kind.as_deref())?,
            unit: Unit::parse(&unit).py()?,
            places,
            title: title.map(String::from),
            skip_other_books,
        };
        PublishedTable::from_ledger(&ledger.0, &catalog, &opts)
            .map(PyPublishedTable)
            .py()
    }

    /// The kind id (e.g. "budget_general_functional"), or None.
    #[getter]
    fn kind(&self) -> Option<&'static str> {
        self.0.kind().map(TableKind::id)
    }

    /// The Chinese name of the kind (e.g. "一般公共预算支出功能分类预算表"), or None.
    #[getter]
    fn kind_name(&self) -> Option<&'static str> {
        self.0.kind().map(TableKind::name_zh)
    }

    /// The printed title, or None.
    #[getter]
    fn title(&self) -> Option<&str> {
        self.0.title()
    }

    /// The unit: "元", "万元" or "亿元".
    #[getter]
    fn unit(&self) -> &'static str {
        self.0.unit().symbol()
    }

    /// The column headings as printed.
    #[getter]
    fn columns(&self) -> Vec<String> {
        self.0.columns().to_vec()
    }

    /// The rows as dicts: line, code (str or None), name, cells ({column: Decimal or None}),
    /// side ("income" / "expenditure" on a summary table, else None).
    fn rows<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for r in self.0.rows() {
            let d = PyDict::new(py);
            d.set_item("line", r.line)?;
            d.set_item("code", r.code.map(|c| c.to_string()))?;
            d.set_item("name", &r.name)?;
            let cells = PyDict::new(py);
            for (c, v) in self.0.columns().iter().zip(&r.cells) {
                cells.set_item(c, *v)?;
            }
            d.set_item("cells", cells)?;
            d.set_item("side", r.side.map(sunlit::tables::RowSide::id))?;
            list.append(d)?;
        }
        Ok(list)
    }

    /// Check the table on its own; a list of sunlit.Finding (errors first).
    #[pyo3(signature = (granularity=true, heuristics=true, tolerance=None))]
    fn check(
        &self,
        granularity: bool,
        heuristics: bool,
        tolerance: Option<PyRef<'_, PyTolerance>>,
    ) -> PyResult<FindingList> {
        let opts = check_options(granularity, heuristics, tolerance);
        Ok(wrap(self.0.check(&opts).py()?))
    }

    /// The leaf rows as ledger lines (subtotals are not added); amounts converted to 元. With
    /// `subtotals=True` the printed 类/款 rows become lines too, for `rollup(subtotals="check")`
    /// to compare. A leaf whose parts differ from its 合计 beyond `tolerance` (default: exact 元,
    /// 0.01 steps in 万元) raises InputError.
    #[pyo3(signature = (year, unit, book=None, phase=None, subtotals=false, tolerance=None))]
    fn to_ledger(
        &self,
        year: Int,
        unit: Text,
        book: Option<Text>,
        phase: Option<Text>,
        subtotals: bool,
        tolerance: Option<PyRef<'_, PyTolerance>>,
    ) -> PyResult<PyLedger> {
        let year = year.get("year")?;
        let opts = TableLedgerOptions {
            year,
            unit: unit.0,
            book: book.as_deref().map(Book::parse).transpose().py()?,
            phase: phase.as_deref().map(Phase::parse).transpose().py()?,
            subtotals,
            tolerance: tolerance.map_or_else(ToleranceOptions::default, |t| t.0),
        };
        self.0.to_ledger(&opts).map(PyLedger).py()
    }

    /// The table as CSV text (header code,name,<columns>).
    fn to_csv(&self) -> PyResult<String> {
        self.0.to_csv_string().py()
    }

    /// The table as JSON text.
    fn to_json(&self) -> String {
        self.0.to_json()
    }

    fn __len__(&self) -> usize {
        self.0.rows().len()
    }

    fn __repr__(&self) -> String {
        format!(
            "PublishedTable({}, {}, {} rows)",
            self.0.kind().map_or("unknown kind", TableKind::name_zh),
            self.0.unit(),
            self.0.rows().len()
        )
    }
}

/// Recognise a printed title or file name as a table kind id; None when it is none of the 18.
#[pyfunction]
pub fn table_kind_of(title: Text) -> Option<&'static str> {
    TableKind::from_title(&title).map(TableKind::id)
}

/// What a printed column heading is: a column id ("total", "basic", "running_costs" …), or
/// "code", "name", "line_number" (行次 / 栏次), "group" (a merged heading over columns); None
/// when unknown.
#[pyfunction]
pub fn heading_role_of(heading: Text) -> Option<&'static str> {
    use sunlit::tables::HeadingRole;
    HeadingRole::recognise(&heading).map(|r| match r {
        HeadingRole::Column(c) => c.id(),
        HeadingRole::Code => "code",
        HeadingRole::Name => "name",
        HeadingRole::LineNumber => "line_number",
        HeadingRole::Group => "group",
    })
}

/// The functional 类 code ("205") a line printed by name stands for (一、教育支出), in the
/// catalogue of `year` or of any year; None when the name is no 类.
#[pyfunction]
#[pyo3(signature = (name, year=None))]
pub fn functional_class_of(name: Text, year: Option<Int>) -> PyResult<Option<String>> {
    Ok(
        sunlit::catalog::functional_class_by_name(&name, opt_int(year, "year")?)
            .map(|c| c.to_string()),
    )
}

/// A figure quoted in the narrative (情况说明), checked against its table.
#[pyclass(module = "sunlit", name = "NarrativeFigure", frozen)]
#[derive(Clone)]
pub struct PyNarrativeFigure(pub NarrativeFigure);

#[pymethods]
impl PyNarrativeFigure {
    /// `table` is a kind id, `row` a code or label (收入总计, 合计 …), `column` a printed heading
    /// (None: the table's amount column); `amount` a Decimal, int or str in `unit`.
    #[new]
    #[pyo3(signature = (table, row, amount, unit = Text::from("万元"), column=None, text=Text(String::new())), text_signature = "(table, row, amount, unit=\"万元\", column=None, text=...)")]
    fn new(
        table: Text,
        row: Text,
        amount: &Bound<'_, PyAny>,
        unit: Text,
        column: Option<Text>,
        text: Text,
    ) -> PyResult<PyNarrativeFigure> {
        Ok(PyNarrativeFigure(NarrativeFigure {
            table: TableKind::parse(&table).py()?,
            row: row.0,
            column: column.map(String::from),
            amount: decimal_arg(amount, "amount")?,
            unit: Unit::parse(&unit).py()?,
            text: text.0,
        }))
    }

    fn __repr__(&self) -> String {
        format!(
            "NarrativeFigure({}, {}, {} {})",
            self.0.table.id(),
            self.0.row,
            self.0.amount,
            self.0.unit
        )
    }
}

/// The tables of one disclosure (one unit, one year, one phase) and the identities that bind them.
#[pyclass(module = "sunlit", name = "DisclosureDocument", frozen)]
pub struct PyDisclosureDocument(DisclosureDocument);

#[pymethods]
impl PyDisclosureDocument {
    /// One table of each kind, all budget or all final-account tables.
    #[new]
    #[pyo3(signature = (tables, narrative=None))]
    fn new(
        tables: Vec<PyRef<'_, PyPublishedTable>>,
        narrative: Option<Vec<PyRef<'_, PyNarrativeFigure>>>,
    ) -> PyResult<PyDisclosureDocument> {
        let doc = DisclosureDocument::new(tables.iter().map(|t| t.0.clone()).collect()).py()?;
        let figures = narrative
            .unwrap_or_default()
            .iter()
            .map(|f| f.0.clone())
            .collect();
        Ok(PyDisclosureDocument(doc.with_narrative(figures)))
    }

    /// Check every table and every identity the tables allow; a list of sunlit.Finding.
    #[pyo3(signature = (granularity=true, heuristics=true, tolerance=None))]
    fn check(
        &self,
        py: Python<'_>,
        granularity: bool,
        heuristics: bool,
        tolerance: Option<PyRef<'_, PyTolerance>>,
    ) -> PyResult<FindingList> {
        let opts = check_options(granularity, heuristics, tolerance);
        Ok(wrap(py.detach(|| self.0.check(&opts)).py()?))
    }

    /// The tables.
    #[getter]
    fn tables(&self) -> Vec<PyPublishedTable> {
        self.0
            .tables()
            .iter()
            .cloned()
            .map(PyPublishedTable)
            .collect()
    }

    /// The table of a kind id, or None.
    fn table(&self, kind: Text) -> PyResult<Option<PyPublishedTable>> {
        let kind = TableKind::parse(&kind).py()?;
        Ok(self.0.table(kind).cloned().map(PyPublishedTable))
    }

    /// "budget" or "final" (None when empty).
    #[getter]
    fn phase(&self) -> Option<&'static str> {
        self.0.phase().map(Phase::id)
    }

    fn __len__(&self) -> usize {
        self.0.tables().len()
    }

    fn __repr__(&self) -> String {
        format!("DisclosureDocument({} tables)", self.0.tables().len())
    }
}
