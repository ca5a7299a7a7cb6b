//! `sunlit.PowerList` and friends: power-and-responsibility lists (权责清单), citations, credit
//! codes, diffs and change logs.

use std::path::PathBuf;

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use sunlit::{
    PowerList,
    power::{
        ChangeLog, ChangeRecord, Citation, DisclosureDuty, DutyOptions, FieldChange, LegalBasis,
        PowerChange, PowerField, PowerItem, PowerItemRef, RiskPoint, TimeLimit,
    },
};

use crate::calendar::{PyWorkCalendar, calendar};
use crate::convert::{Day, Int, Text, date_arg, date_repr, opt_date_arg, str_repr};
use crate::disclosure::PyDeadline;
use crate::errors::IntoPy;
use crate::finding::{FindingList, PyFinding, wrap};
use crate::input::{PyInputOptions, input_options, strict_options};

/// One citation of a legal provision: law, note, article (条), paragraph (款), item (项).
#[pyclass(module = "sunlit", name = "Citation", frozen, eq)]
#[derive(Clone, PartialEq)]
pub struct PyCitation(pub Citation);

#[pymethods]
impl PyCitation {
    /// The instrument's title, without 《》.
    #[getter]
    fn law(&self) -> &str {
        &self.0.law
    }
    /// A parenthetical after the title (decree number, edition), or None.
    #[getter]
    fn note(&self) -> Option<&str> {
        self.0.note.as_deref()
    }
    /// 条, or None.
    #[getter]
    fn article(&self) -> Option<u32> {
        self.0.article
    }
    /// 款, or None.
    #[getter]
    fn paragraph(&self) -> Option<u32> {
        self.0.paragraph
    }
    /// 项, or None.
    #[getter]
    fn item(&self) -> Option<u32> {
        self.0.item
    }
    /// The citation as written.
    #[getter]
    fn text(&self) -> &str {
        &self.0.text
    }
    /// The title without 中华人民共和国.
    fn law_key(&self) -> &str {
        self.0.law_key()
    }
    /// Canonical form 《title》第N条第N款第N项 with Chinese numerals.
    fn canonical(&self) -> String {
        self.0.canonical()
    }
    /// The citation as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("law", &self.0.law)?;
        d.set_item("note", &self.0.note)?;
        d.set_item("article", self.0.article)?;
        d.set_item("paragraph", self.0.paragraph)?;
        d.set_item("item", self.0.item)?;
        d.set_item("text", &self.0.text)?;
        Ok(d)
    }
    fn __str__(&self) -> String {
        self.0.canonical()
    }
    fn __repr__(&self) -> String {
        format!("Citation({:?})", self.0.canonical())
    }
}

/// A legal-basis cell: its text, the citations read from it and the parts that are not citations.
#[pyclass(module = "sunlit", name = "LegalBasis", frozen, eq)]
#[derive(Clone, PartialEq)]
pub struct PyLegalBasis(pub LegalBasis);

#[pymethods]
impl PyLegalBasis {
    /// The cell as written.
    #[getter]
    fn text(&self) -> &str {
        &self.0.text
    }
    /// The citations, in order.
    #[getter]
    fn citations(&self) -> Vec<PyCitation> {
        self.0.citations.iter().cloned().map(PyCitation).collect()
    }
    /// Segments that hold no citation, or a malformed one.
    #[getter]
    fn unparsed(&self) -> Vec<String> {
        self.0.unparsed.clone()
    }
    /// Whether the cell gives no basis at all.
    fn is_missing(&self) -> bool {
        self.0.is_missing()
    }
    fn __repr__(&self) -> String {
        format!(
            "LegalBasis({} citations, {} unparsed)",
            self.0.citations.len(),
            self.0.unparsed.len()
        )
    }
}

/// A time limit: days (0 = 即办), unit (`working_days`, `calendar_days`, `months`), note.
#[pyclass(module = "sunlit", name = "TimeLimit", frozen, eq)]
#[derive(Clone, PartialEq)]
pub struct PyTimeLimit(pub TimeLimit);

#[pymethods]
impl PyTimeLimit {
    /// Parse a limit as printed (`20个工作日`, `30日`, `即办`).
    #[staticmethod]
    fn parse(text: Text) -> PyResult<PyTimeLimit> {
        TimeLimit::parse(&text).map(PyTimeLimit).py()
    }
    /// The number of units.
    #[getter]
    fn days(&self) -> u32 {
        self.0.days
    }
    /// `working_days`, `calendar_days` or `months`.
    #[getter]
    fn unit(&self) -> &'static str {
        self.0.unit.id()
    }
    /// The note in brackets, or None.
    #[getter]
    fn note(&self) -> Option<&str> {
        self.0.note.as_deref()
    }
    /// True or False when this limit is certainly longer or not longer than `other`; None when it
    /// depends on the calendar.
    fn exceeds(&self, other: &PyTimeLimit) -> Option<bool> {
        self.0.exceeds(&other.0)
    }
    fn __str__(&self) -> String {
        self.0.to_string()
    }
    fn __repr__(&self) -> String {
        format!("TimeLimit({:?})", self.0.to_string())
    }
}

/// An integrity-risk point (廉政风险点): step, description, grade (`high`/`medium`/`low`),
/// controls, owner.
#[pyclass(module = "sunlit", name = "RiskPoint", frozen, eq)]
#[derive(Clone, PartialEq)]
pub struct PyRiskPoint(pub RiskPoint);

#[pymethods]
impl PyRiskPoint {
    /// 环节, or None.
    #[getter]
    fn step(&self) -> Option<&str> {
        self.0.step.as_deref()
    }
    /// 表现形式, or None.
    #[getter]
    fn description(&self) -> Option<&str> {
        self.0.description.as_deref()
    }
    /// `high`, `medium` or `low`.
    #[getter]
    fn grade(&self) -> &'static str {
        self.0.grade.id()
    }
    /// 防控措施, or None.
    #[getter]
    fn controls(&self) -> Option<&str> {
        self.0.controls.as_deref()
    }
    /// 责任人, or None.
    #[getter]
    fn owner(&self) -> Option<&str> {
        self.0.owner.as_deref()
    }
    fn __repr__(&self) -> String {
        format!(
            "RiskPoint({:?}, {})",
            self.0.step.as_deref().unwrap_or(""),
            self.0.grade
        )
    }
}

/// One item of a power list (权力事项).
#[pyclass(module = "sunlit", name = "PowerItem", frozen, eq)]
#[derive(Clone, PartialEq)]
pub struct PyPowerItem(pub PowerItem);

#[pymethods]
impl PyPowerItem {
    /// 序号 as printed, or None.
    #[getter]
    fn number(&self) -> Option<&str> {
        self.0.number.as_deref()
    }
    /// 事项名称.
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }
    /// 子项.
    #[getter]
    fn sub_items(&self) -> Vec<String> {
        self.0.sub_items.clone()
    }
    /// 基本编码, or None.
    #[getter]
    fn basic_code(&self) -> Option<&str> {
        self.0.basic_code.as_deref()
    }
    /// 实施编码, or None.
    #[getter]
    fn implementation_code(&self) -> Option<&str> {
        self.0.implementation_code.as_deref()
    }
    /// The identifying code: implementation code, else basic code.
    #[getter]
    fn code(&self) -> Option<&str> {
        self.0.code()
    }
    /// Category id (`licensing`, `penalty` … `public_service`, `local`).
    #[getter]
    fn category(&self) -> &'static str {
        self.0.category.id()
    }
    /// The GB/T 39046—2020 Table A.1 code (`01` …), None for a local category.
    #[getter]
    fn category_code(&self) -> Option<&'static str> {
        self.0.category.gb_code()
    }
    /// The category as printed.
    #[getter]
    fn category_label(&self) -> &str {
        &self.0.category_label
    }
    /// 设定依据.
    #[getter]
    fn legal_basis(&self) -> PyLegalBasis {
        PyLegalBasis(self.0.legal_basis.clone())
    }
    /// The citations of the legal basis.
    #[getter]
    fn citations(&self) -> Vec<PyCitation> {
        self.0
            .legal_basis
            .citations
            .iter()
            .cloned()
            .map(PyCitation)
            .collect()
    }
    /// 行使层级 ids (`provincial`, `municipal` …).
    #[getter]
    fn levels(&self) -> Vec<&'static str> {
        self.0.levels.iter().map(|l| l.id()).collect()
    }
    /// 实施主体, or None.
    #[getter]
    fn body(&self) -> Option<&str> {
        self.0.body.name.as_deref()
    }
    /// The body's unified social credit code as written, or None.
    #[getter]
    fn body_credit_code(&self) -> Option<&str> {
        self.0.body.credit_code.as_deref()
    }
    /// The body's nature id (`statutory`, `authorized`, `entrusted`, `other`), or None.
    #[getter]
    fn body_nature(&self) -> Option<&'static str> {
        self.0.body.nature.map(|n| n.id())
    }
    /// 承办机构, or None.
    #[getter]
    fn department(&self) -> Option<&str> {
        self.0.department.as_deref()
    }
    /// 法定办结时限, or None.
    #[getter]
    fn statutory_limit(&self) -> Option<PyTimeLimit> {
        self.0.statutory_limit.clone().map(PyTimeLimit)
    }
    /// 承诺办结时限, or None.
    #[getter]
    fn promised_limit(&self) -> Option<PyTimeLimit> {
        self.0.promised_limit.clone().map(PyTimeLimit)
    }
    /// 是否收费, or None when not stated.
    #[getter]
    fn charges_fee(&self) -> Option<bool> {
        self.0.charges_fee
    }
    /// 收费依据, or None.
    #[getter]
    fn fee_basis(&self) -> Option<&str> {
        self.0.fee_basis.as_deref()
    }
    /// 办理流程 steps.
    #[getter]
    fn procedure(&self) -> Vec<String> {
        self.0.procedure.clone()
    }
    /// 责任事项.
    #[getter]
    fn responsibilities(&self) -> Vec<String> {
        self.0.responsibilities.clone()
    }
    /// 追责情形.
    #[getter]
    fn accountability(&self) -> Vec<String> {
        self.0.accountability.clone()
    }
    /// 监督电话, or None.
    #[getter]
    fn supervision_phone(&self) -> Option<&str> {
        self.0.supervision_phone.as_deref()
    }
    /// 廉政风险点.
    #[getter]
    fn risk_points(&self) -> Vec<PyRiskPoint> {
        self.0
            .risk_points
            .iter()
            .cloned()
            .map(PyRiskPoint)
            .collect()
    }
    /// 备注, or None.
    #[getter]
    fn remarks(&self) -> Option<&str> {
        self.0.remarks.as_deref()
    }
    /// Columns beyond the known ones, by header.
    #[getter]
    fn extra(&self) -> std::collections::BTreeMap<String, String> {
        self.0.extra.clone()
    }
    /// The text of one column (by id, Chinese header or alias) as written to CSV.
    fn cell(&self, column: Text) -> PyResult<String> {
        Ok(self.0.cell(PowerField::parse(&column).py()?))
    }
    /// Every known column as CSV text, keyed by column id.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for f in PowerField::ALL {
            d.set_item(f.id(), self.0.cell(*f))?;
        }
        Ok(d)
    }
    fn __repr__(&self) -> String {
        format!(
            "PowerItem({:?}, {}, code={:?})",
            self.0.name,
            self.0.category,
            self.0.code()
        )
    }
}

/// One changed field: `field` id, `column` (Chinese header), `old` and `new` text.
#[pyclass(module = "sunlit", name = "FieldChange", frozen, eq)]
#[derive(Clone, PartialEq)]
pub struct PyFieldChange(pub FieldChange);

#[pymethods]
impl PyFieldChange {
    /// The column id (`legal_basis`, `promised_limit` …).
    #[getter]
    fn field(&self) -> &'static str {
        self.0.field.id()
    }
    /// The column's Chinese header.
    #[getter]
    fn column(&self) -> &'static str {
        self.0.field.name_zh()
    }
    /// Old text ("" for none).
    #[getter(old)]
    fn old_text(&self) -> &str {
        &self.0.old
    }
    /// New text ("" for none).
    #[getter(new)]
    fn new_text(&self) -> &str {
        &self.0.new
    }
    fn __repr__(&self) -> String {
        format!(
            "FieldChange({}: {:?} -> {:?})",
            self.0.field, self.0.old, self.0.new
        )
    }
}

fn refs(r: &[PowerItemRef]) -> Vec<(Option<String>, String)> {
    r.iter().map(|x| (x.code.clone(), x.name.clone())).collect()
}

/// One change between two versions: `kind` (`added`, `cancelled`, `delegated`, `merged`,
/// `split`, `changed`), `code`, `name`, the `old` and `new` items as (code, name), `fields`.
#[pyclass(module = "sunlit", name = "PowerChange", frozen, eq)]
#[derive(Clone, PartialEq)]
pub struct PyPowerChange(pub PowerChange);

#[pymethods]
impl PyPowerChange {
    /// `added`, `cancelled`, `delegated`, `merged`, `split` or `changed`.
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind.id()
    }
    /// The kind in Chinese (新增, 取消, 下放, 合并, 分设, 变更).
    #[getter]
    fn kind_zh(&self) -> &'static str {
        self.0.kind.name_zh()
    }
    /// The code of the item the change is about, or None.
    #[getter]
    fn code(&self) -> Option<&str> {
        self.0.code.as_deref()
    }
    /// The name of the item the change is about.
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }
    /// Items of the old version involved, as (code, name).
    #[getter(old)]
    fn old_items(&self) -> Vec<(Option<String>, String)> {
        refs(&self.0.old)
    }
    /// Items of the new version involved, as (code, name).
    #[getter(new)]
    fn new_items(&self) -> Vec<(Option<String>, String)> {
        refs(&self.0.new)
    }
    /// The changed fields (changed and delegated items).
    #[getter]
    fn fields(&self) -> Vec<PyFieldChange> {
        self.0.fields.iter().cloned().map(PyFieldChange).collect()
    }
    fn __repr__(&self) -> String {
        format!(
            "PowerChange({}, {:?}, {:?})",
            self.0.kind, self.0.code, self.0.name
        )
    }
}

fn record_dict<'py>(py: Python<'py>, r: &ChangeRecord) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("kind", r.kind.id())?;
    d.set_item("code", &r.code)?;
    d.set_item("name", &r.name)?;
    d.set_item("document", &r.document)?;
    d.set_item("effective", r.effective)?;
    d.set_item("remarks", &r.remarks)?;
    Ok(d)
}

/// A change log: kind, code, name, approving document (批准文件), effective date, remarks.
#[pyclass(module = "sunlit", name = "ChangeLog", frozen)]
pub struct PyChangeLog(pub ChangeLog);

#[pymethods]
impl PyChangeLog {
    /// Log every change with one approving document and effective date.
    #[staticmethod]
    #[pyo3(signature = (changes, document=None, effective=None))]
    fn from_changes(
        changes: Vec<PyRef<'_, PyPowerChange>>,
        document: Option<Text>,
        effective: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyChangeLog> {
        let effective = opt_date_arg(effective, "effective")?;
        let changes: Vec<PowerChange> = changes.iter().map(|c| c.0.clone()).collect();
        Ok(PyChangeLog(ChangeLog::from_changes(
            &changes,
            document.as_deref(),
            effective,
        )))
    }
    /// Read a change log CSV (变更类型,编码,事项名称,批准文件,生效日期,备注). `options` (an
    /// `InputOptions`) sets the limits; lenient quoting needs `read_csv_with`.
    #[staticmethod]
    #[pyo3(signature = (path, options=None))]
    fn read_csv(
        py: Python<'_>,
        path: PathBuf,
        options: Option<PyRef<'_, PyInputOptions>>,
    ) -> PyResult<PyChangeLog> {
        let opts = strict_options(options.as_deref(), "ChangeLog.read_csv_with")?;
        py.detach(|| ChangeLog::read_csv_path_with(&path, &opts))
            .map(|(l, _)| PyChangeLog(l))
            .py()
    }
    /// Parse change-log CSV text (see `read_csv`).
    #[staticmethod]
    #[pyo3(signature = (text, options=None))]
    fn from_csv(text: Text, options: Option<PyRef<'_, PyInputOptions>>) -> PyResult<PyChangeLog> {
        let opts = strict_options(options.as_deref(), "ChangeLog.from_csv_with")?;
        ChangeLog::read_csv_with(text.as_bytes(), &opts)
            .map(|(l, _)| PyChangeLog(l))
            .py()
    }
    /// Read a change log CSV with `options`; returns the log and the warnings of the fields
    /// read under lenient quoting (rule "input.relaxed_quoting"; none under strict quoting).
    #[staticmethod]
    fn read_csv_with(
        py: Python<'_>,
        path: PathBuf,
        options: PyRef<'_, PyInputOptions>,
    ) -> PyResult<(PyChangeLog, FindingList)> {
        let opts = options.0.clone();
        py.detach(|| ChangeLog::read_csv_path_with(&path, &opts))
            .map(|(l, f)| (PyChangeLog(l), f.into_iter().map(PyFinding).collect()))
            .py()
    }
    /// Parse change-log CSV text with `options` (see `read_csv_with`).
    #[staticmethod]
    fn from_csv_with(
        text: Text,
        options: PyRef<'_, PyInputOptions>,
    ) -> PyResult<(PyChangeLog, FindingList)> {
        ChangeLog::read_csv_with(text.as_bytes(), &options.0)
            .map(|(l, f)| (PyChangeLog(l), f.into_iter().map(PyFinding).collect()))
            .py()
    }
    /// Parse change-log JSON; `options` sets the limits. A duplicate key raises InputError.
    #[staticmethod]
    #[pyo3(signature = (text, options=None))]
    fn from_json(text: Text, options: Option<PyRef<'_, PyInputOptions>>) -> PyResult<PyChangeLog> {
        ChangeLog::from_json_with(&text, &input_options(options.as_deref()))
            .map(PyChangeLog)
            .py()
    }
    /// The entries as dicts (kind id, code, name, document, effective date, remarks).
    fn records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for r in &self.0.records {
            list.append(record_dict(py, r)?)?;
        }
        Ok(list)
    }
    /// The log as CSV text.
    fn to_csv(&self) -> PyResult<String> {
        self.0.to_csv_string().py()
    }
    /// The log as JSON.
    fn to_json(&self) -> String {
        self.0.to_json()
    }
    fn __len__(&self) -> usize {
        self.0.records.len()
    }
    fn __repr__(&self) -> String {
        format!("ChangeLog({} records)", self.0.records.len())
    }
}

/// One disclosure duty of a power list: `kind` (`service_rules`, `enforcement_rules`,
/// `decision_publicity`, `list_change`), item `code` and `name`, `category`, `what`, `articles`,
/// `workdays`, `start` and `due` (dates, or None).
#[pyclass(module = "sunlit", name = "DisclosureDuty", frozen, eq)]
#[derive(Clone, PartialEq)]
pub struct PyDisclosureDuty(pub DisclosureDuty);

#[pymethods]
impl PyDisclosureDuty {
    /// `service_rules`, `enforcement_rules`, `decision_publicity` or `list_change`.
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind.id()
    }
    /// The item's code, or None.
    #[getter]
    fn code(&self) -> Option<&str> {
        self.0.code.as_deref()
    }
    /// The item's name.
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }
    /// The item's category id, or None for a list change.
    #[getter]
    fn category(&self) -> Option<&'static str> {
        self.0.category.map(|c| c.id())
    }
    /// What must be disclosed.
    #[getter]
    fn what(&self) -> &str {
        &self.0.what
    }
    /// The articles and documents that set the duty.
    #[getter]
    fn articles(&self) -> Vec<String> {
        self.0.articles.clone()
    }
    /// The period in working days.
    #[getter]
    fn workdays(&self) -> u32 {
        self.0.workdays
    }
    /// The day the period starts from (not counted), or None.
    #[getter]
    fn start(&self) -> Option<Day> {
        self.0.start.map(Day)
    }
    /// The last day, or None.
    #[getter]
    fn due(&self) -> Option<Day> {
        self.0.due.map(Day)
    }
    /// For a 双公示 duty: the deadline of one decision made on `decided`.
    #[pyo3(signature = (decided, cal=None))]
    fn decision_deadline(
        &self,
        decided: &Bound<'_, PyAny>,
        cal: Option<&Bound<'_, PyWorkCalendar>>,
    ) -> PyResult<PyDeadline> {
        self.0
            .decision_deadline(date_arg(decided, "decided")?, &calendar(cal))
            .map(PyDeadline)
            .py()
    }
    fn __repr__(&self) -> String {
        format!(
            "DisclosureDuty({}, {}, due={})",
            str_repr(Some(self.0.kind.id())),
            str_repr(self.0.code.as_deref()),
            date_repr(self.0.due)
        )
    }
}

/// One organ's power-and-responsibility list (权责清单) at one version.
#[pyclass(module = "sunlit", name = "PowerList", frozen)]
pub struct PyPowerList(pub PowerList);

fn versioned(mut l: PowerList, organ: Option<String>, effective: Option<NaiveDate>) -> PowerList {
    if organ.is_some() {
        l.organ = organ;
    }
    if effective.is_some() {
        l.effective = effective;
    }
    l
}

#[pymethods]
impl PyPowerList {
    /// Read a list CSV in the published layout (序号, 权力分类, 事项名称, 子项, 设定依据, 实施主体,
    /// 责任事项, 追责情形, 编码, 备注, 监督电话 … and their aliases). `options` (an
    /// `InputOptions`) sets the limits; lenient quoting needs `read_csv_with`.
    #[staticmethod]
    #[pyo3(signature = (path, organ=None, effective=None, options=None))]
    fn read_csv(
        py: Python<'_>,
        path: PathBuf,
        organ: Option<Text>,
        effective: Option<&Bound<'_, PyAny>>,
        options: Option<PyRef<'_, PyInputOptions>>,
    ) -> PyResult<PyPowerList> {
        let effective = opt_date_arg(effective, "effective")?;
        let opts = strict_options(options.as_deref(), "PowerList.read_csv_with")?;
        let l = py
            .detach(|| PowerList::read_csv_path_with(&path, &opts))
            .py()?
            .0;
        Ok(PyPowerList(versioned(
            l,
            organ.map(String::from),
            effective,
        )))
    }
    /// Parse list CSV text; `options` (an `InputOptions`) sets the limits (strict quoting only).
    #[staticmethod]
    #[pyo3(signature = (text, organ=None, effective=None, options=None))]
    fn from_csv(
        text: Text,
        organ: Option<Text>,
        effective: Option<&Bound<'_, PyAny>>,
        options: Option<PyRef<'_, PyInputOptions>>,
    ) -> PyResult<PyPowerList> {
        let effective = opt_date_arg(effective, "effective")?;
        let opts = strict_options(options.as_deref(), "PowerList.from_csv_with")?;
        let l = PowerList::read_csv_with(text.as_bytes(), &opts).py()?.0;
        Ok(PyPowerList(versioned(
            l,
            organ.map(String::from),
            effective,
        )))
    }
    /// Read a list CSV with `options`; returns the list and the warnings of the fields read
    /// under lenient quoting (rule "input.relaxed_quoting"; none under strict quoting).
    #[staticmethod]
    #[pyo3(signature = (path, options, organ=None, effective=None))]
    fn read_csv_with(
        py: Python<'_>,
        path: PathBuf,
        options: PyRef<'_, PyInputOptions>,
        organ: Option<Text>,
        effective: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<(PyPowerList, FindingList)> {
        let effective = opt_date_arg(effective, "effective")?;
        let opts = options.0.clone();
        let (l, f) = py
            .detach(|| PowerList::read_csv_path_with(&path, &opts))
            .py()?;
        Ok((
            PyPowerList(versioned(l, organ.map(String::from), effective)),
            f.into_iter().map(PyFinding).collect(),
        ))
    }
    /// Parse list CSV text with `options` (see `read_csv_with`).
    #[staticmethod]
    #[pyo3(signature = (text, options, organ=None, effective=None))]
    fn from_csv_with(
        text: Text,
        options: PyRef<'_, PyInputOptions>,
        organ: Option<Text>,
        effective: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<(PyPowerList, FindingList)> {
        let effective = opt_date_arg(effective, "effective")?;
        let (l, f) = PowerList::read_csv_with(text.as_bytes(), &options.0).py()?;
        Ok((
            PyPowerList(versioned(l, organ.map(String::from), effective)),
            f.into_iter().map(PyFinding).collect(),
        ))
    }
    /// Read a list JSON file; `options` sets the limits.
    #[staticmethod]
    #[pyo3(signature = (path, options=None))]
    fn read_json(
        py: Python<'_>,
        path: PathBuf,
        options: Option<PyRef<'_, PyInputOptions>>,
    ) -> PyResult<PyPowerList> {
        let opts = input_options(options.as_deref());
        py.detach(|| PowerList::read_json_path_with(&path, &opts))
            .map(PyPowerList)
            .py()
    }
    /// Parse list JSON text; `options` sets the limits. A duplicate key raises InputError.
    #[staticmethod]
    #[pyo3(signature = (text, options=None))]
    fn from_json(text: Text, options: Option<PyRef<'_, PyInputOptions>>) -> PyResult<PyPowerList> {
        PowerList::from_json_with(&text, &input_options(options.as_deref()))
            .map(PyPowerList)
            .py()
    }
    /// The changes from `old` to `new`, sorted by kind, code, name.
    #[staticmethod]
    fn diff(old: &PyPowerList, new: &PyPowerList) -> Vec<PyPowerChange> {
        PowerList::diff(&old.0, &new.0)
            .into_iter()
            .map(PyPowerChange)
            .collect()
    }
    /// A copy with the organ and/or effective date set.
    #[pyo3(signature = (organ=None, effective=None))]
    fn with_version(
        &self,
        organ: Option<Text>,
        effective: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyPowerList> {
        let effective = opt_date_arg(effective, "effective")?;
        Ok(PyPowerList(versioned(
            self.0.clone(),
            organ.map(String::from),
            effective,
        )))
    }
    /// The organ, or None.
    #[getter]
    fn organ(&self) -> Option<&str> {
        self.0.organ.as_deref()
    }
    /// The effective date of this version, or None.
    #[getter]
    fn effective(&self) -> Option<NaiveDate> {
        self.0.effective
    }
    /// The items, in list order.
    #[getter]
    fn items(&self) -> Vec<PyPowerItem> {
        self.0.items.iter().cloned().map(PyPowerItem).collect()
    }
    /// Header names of the extra columns.
    #[getter]
    fn extra_columns(&self) -> Vec<String> {
        self.0.extra_columns.clone()
    }
    /// The items whose implementation or basic code is `code`.
    fn find(&self, code: Text) -> Vec<PyPowerItem> {
        self.0
            .find(&code)
            .into_iter()
            .cloned()
            .map(PyPowerItem)
            .collect()
    }
    /// Findings of every power-list rule (power.missing_basis, power.duplicate_code …).
    fn check(&self) -> FindingList {
        wrap(self.0.check())
    }
    /// What this list obliges its organ to disclose and by when: art. 20(5)/(6) rules within 20
    /// working days of `effective` (art. 26), 双公示 of each licensing or penalty decision within 7
    /// working days, and each change — those of `changes` (a ChangeLog) and of the diff from
    /// `previous` (a PowerList) — within `change_workdays` working days, citing art. 26 for 20
    /// working days and otherwise `change_basis` (the source of the period) or "period set by
    /// the caller". `cal` defaults to the national calendar.
    #[pyo3(
        signature = (cal=None, changes=None, previous=None, change_workdays=None, change_basis=None)
    )]
    fn disclosure_duties(
        &self,
        cal: Option<&Bound<'_, PyWorkCalendar>>,
        changes: Option<PyRef<'_, PyChangeLog>>,
        previous: Option<PyRef<'_, PyPowerList>>,
        change_workdays: Option<Int>,
        change_basis: Option<Text>,
    ) -> PyResult<Vec<PyDisclosureDuty>> {
        let change_workdays = change_workdays
            .map(|n| n.get("change_workdays"))
            .transpose()?
            .unwrap_or(DutyOptions::default().change_workdays);
        let mut records = changes.map(|c| c.0.records.clone()).unwrap_or_default();
        if let Some(prev) = previous {
            let diff = PowerList::diff(&prev.0, &self.0);
            records.extend(ChangeLog::from_changes(&diff, None, None).records);
        }
        let opts = DutyOptions {
            change_workdays,
            change_basis: change_basis.map(String::from),
            changes: records,
        };
        Ok(self
            .0
            .disclosure_duties(&opts, &calendar(cal))
            .py()?
            .into_iter()
            .map(PyDisclosureDuty)
            .collect())
    }
    /// The list as CSV text (canonical headers, then extra columns).
    fn to_csv(&self) -> PyResult<String> {
        self.0.to_csv_string().py()
    }
    /// Write the list as CSV.
    fn write_csv(&self, py: Python<'_>, path: PathBuf) -> PyResult<()> {
        py.detach(|| self.0.write_csv_path(&path)).py()
    }
    /// The list as JSON.
    fn to_json(&self) -> String {
        self.0.to_json()
    }
    fn __len__(&self) -> usize {
        self.0.len()
    }
    fn __repr__(&self) -> String {
        format!(
            "PowerList({:?}, effective={:?}, {} items)",
            self.0.organ.as_deref().unwrap_or(""),
            self.0.effective,
            self.0.len()
        )
    }
}

/// Parse one citation (`《中华人民共和国行政许可法》第十二条第一项`); raises FieldError otherwise.
#[pyfunction]
pub fn parse_citation(text: Text) -> PyResult<PyCitation> {
    sunlit::power::parse_citation(&text).map(PyCitation).py()
}

/// Read a legal-basis cell with any number of citations; never raises.
#[pyfunction]
pub fn parse_legal_basis(text: Text) -> PyLegalBasis {
    PyLegalBasis(LegalBasis::parse(&text))
}

/// The GB 32100—2015 check character of the first 17 characters of a credit code.
#[pyfunction]
pub fn credit_code_check_char(first17: Text) -> PyResult<String> {
    sunlit::power::credit_code_check_char(&first17)
        .map(String::from)
        .py()
}

/// Whether a unified social credit code is valid (length, alphabet, check character).
#[pyfunction]
pub fn is_valid_credit_code(code: Text) -> bool {
    sunlit::power::CreditCode::is_valid(&code)
}

/// Parse a number in Arabic or Chinese numerals (十二, 一百零五, 12).
#[pyfunction]
pub fn parse_numeral(text: Text) -> PyResult<u32> {
    sunlit::power::parse_numeral(&text).py()
}

/// Write a number in Chinese numerals as statutes number articles (十二, 一百零五).
#[pyfunction]
pub fn chinese_numeral(n: Int) -> PyResult<String> {
    Ok(sunlit::power::chinese_numeral(n.get("n")?))
}
