//! A power list at one version: CSV and JSON in the layout of published lists.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::path::Path;

use chrono::NaiveDate;
use serde_json::{Map, Value};

use super::item::{PowerItem, RiskPoint};
use super::{PowerField, RiskGrade};
use crate::error::{Error, Result};
use crate::io::{
    CsvTable, InputOptions, parse_json_with, read_file, write_err, write_file, write_string,
};

/// One organ's power-and-responsibility list (权责清单) at one version.
///
/// Read from CSV in the column layout of published lists — any subset of the columns of
/// [`PowerField`] under their canonical names or aliases (序号, 权力分类/职权类型, 事项名称/项目名称,
/// 子项, 设定依据/实施依据, 实施主体/行使主体, 责任事项, 追责情形, 编码, 备注, 监督电话 …), in any
/// order; 事项名称 and 权力分类 are required — or from JSON. Other columns are kept per item
/// and written back after the known ones.
///
/// ```
/// use sunlit::PowerList;
/// let list = PowerList::read_csv_str("\
/// 序号,权力分类,项目名称,子项,实施依据,行使主体,责任事项,追责情形,编码,备注,监督电话
/// 1,行政许可,公路建设项目施工许可,无,《中华人民共和国公路法》第二十五条,某市交通运输局,\"1.受理责任
/// 2.审查责任\",不依法受理的,XK001,,12345
/// ").unwrap();
/// assert_eq!(list.items[0].responsibilities, ["受理责任", "审查责任"]);
/// assert_eq!(list.len(), 1);
/// assert_eq!(list.items[0].basic_code.as_deref(), Some("XK001"));
/// assert!(list.items[0].sub_items.is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PowerList {
    /// The organ whose list it is (部门), if known.
    pub organ: Option<String>,
    /// The date this version takes effect (生效日期), if known.
    pub effective: Option<NaiveDate>,
    /// The items, in list order.
    pub items: Vec<PowerItem>,
    /// Header names of the columns beyond [`PowerField`], in file order.
    pub extra_columns: Vec<String>,
}

impl PowerList {
    /// An empty list.
    ///
    /// ```
    /// assert!(sunlit::PowerList::new().is_empty());
    /// ```
    pub fn new() -> PowerList {
        PowerList::default()
    }

    /// Number of items.
    ///
    /// ```
    /// assert_eq!(sunlit::PowerList::new().len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether the list has no items.
    ///
    /// ```
    /// assert!(sunlit::PowerList::new().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The items whose implementation or basic code is `code`.
    ///
    /// ```
    /// let list = sunlit::PowerList::read_csv_str("权力分类,事项名称,编码\n行政处罚,x,CF01\n").unwrap();
    /// assert_eq!(list.find("CF01").len(), 1);
    /// assert!(list.find("CF02").is_empty());
    /// ```
    pub fn find(&self, code: &str) -> Vec<&PowerItem> {
        self.items
            .iter()
            .filter(|i| {
                i.implementation_code.as_deref() == Some(code)
                    || i.basic_code.as_deref() == Some(code)
            })
            .collect()
    }

    /// Read a list from CSV (see the type's documentation). Each bad cell is an
    /// [`Error::Input`] with its physical line (header = 1), the column as in the header and
    /// the text; a header with two columns of the same meaning (事项名称 and 项目名称) or
    /// without 事项名称 / 权力分类 is an error on line 1. Nothing is returned on error. When both
    /// 设定依据 and 实施依据 are printed, the first is the legal basis and the second is kept as an
    /// extra column; any header that is no [`PowerField`] is kept as an extra column.
    ///
    /// ```
    /// use sunlit::{Error, PowerList};
    /// let err = PowerList::read_csv_str("权力分类,事项名称,行使层级\n行政许可,x,省级\n行政许可,y,天庭\n").unwrap_err();
    /// assert!(matches!(err, Error::Input { line: 3, ref column, ref value, .. }
    ///     if column == "行使层级" && value == "天庭"));
    /// let err = PowerList::read_csv_str("权力分类,事项名称,项目名称\n").unwrap_err();
    /// assert!(matches!(err, Error::Input { line: 1, ref column, .. } if column == "项目名称"));
    /// let both = PowerList::read_csv_str("权力分类,事项名称,设定依据,实施依据\n行政许可,x,《行政许可法》第十二条,《公路法》第二十条\n").unwrap();
    /// assert_eq!(both.extra_columns, ["实施依据"]);
    /// assert_eq!(both.items[0].extra["实施依据"], "《公路法》第二十条");
    /// ```
    pub fn read_csv<R: Read>(reader: R) -> Result<PowerList> {
        PowerList::read_csv_with(reader, &InputOptions::default()).map(|(list, _)| list)
    }

    /// [`PowerList::read_csv`] with [`InputOptions`] (quoting and limits); returns the list and
    /// the warnings of the fields read under lenient quoting (none under strict quoting).
    ///
    /// ```
    /// use sunlit::{Error, PowerList, input::{InputOptions, Limits, Quoting}};
    /// let csv = "权力分类,事项名称\n行政许可,\"道路\"运输许可\n";
    /// assert!(matches!(PowerList::read_csv_str(csv), Err(Error::Input { line: 2, .. })));
    /// let lenient = InputOptions { quoting: Quoting::Lenient, ..Default::default() };
    /// let (list, findings) = PowerList::read_csv_with(csv.as_bytes(), &lenient).unwrap();
    /// assert_eq!(list.items[0].name, "道路运输许可");
    /// assert_eq!(findings.len(), 1);
    /// let small = InputOptions { limits: Limits { max_rows: 1, ..Limits::default() }, ..Default::default() };
    /// assert!(matches!(PowerList::read_csv_with(csv.as_bytes(), &small), Err(Error::Limit { .. })));
    /// ```
    pub fn read_csv_with<R: Read>(
        reader: R,
        opts: &InputOptions,
    ) -> Result<(PowerList, Vec<crate::Finding>)> {
        let mut table = CsvTable::read_any(reader, opts)?;
        let names = table.names().to_vec();
        let mut seen: Vec<(PowerField, &str)> = Vec::new();
        let mut extra_columns = Vec::new();
        for n in &names {
            match PowerField::recognise(n) {
                // 设定依据 and 实施依据 both printed: the first is the legal basis, the second is
                // kept as an extra column (never dropped).
                Some(PowerField::LegalBasis)
                    if seen.iter().any(|(g, _)| *g == PowerField::LegalBasis) =>
                {
                    extra_columns.push(n.clone());
                }
                Some(f) => {
                    if let Some((_, first)) = seen.iter().find(|(g, _)| *g == f) {
                        return Err(Error::Input {
                            cause: None,
                            line: 1,
                            column: n.clone(),
                            value: names.join(","),
                            reason: format!(
                                "columns {first:?} and {n:?} both give the {} ({})",
                                f.id(),
                                f.name_zh()
                            ),
                        });
                    }
                    seen.push((f, n));
                }
                None => extra_columns.push(n.clone()),
            }
        }
        for required in [PowerField::Category, PowerField::Name] {
            if !seen.iter().any(|(f, _)| *f == required) {
                return Err(Error::Input {
                    cause: None,
                    line: 1,
                    column: required.name_zh().to_owned(),
                    value: names.join(","),
                    reason: format!(
                        "missing column {} (or an alias such as {})",
                        required.name_zh(),
                        if required == PowerField::Name {
                            "项目名称"
                        } else {
                            "职权类型"
                        }
                    ),
                });
            }
        }
        let mut list = PowerList {
            extra_columns,
            ..PowerList::default()
        };
        while let Some(row) = table.next_row()? {
            let cells = names
                .iter()
                .enumerate()
                .map(|(i, n)| (n.as_str(), row.get(i)));
            list.items.push(PowerItem::from_cells(cells, row.line)?);
        }
        let findings = table.findings();
        Ok((list, findings))
    }

    /// [`PowerList::read_csv`] from a string.
    ///
    /// ```
    /// assert!(sunlit::PowerList::read_csv_str("事项名称\nx\n").is_err()); // no 权力分类
    /// ```
    pub fn read_csv_str(text: &str) -> Result<PowerList> {
        PowerList::read_csv(text.as_bytes())
    }

    /// [`PowerList::read_csv`] from a file.
    ///
    /// ```
    /// assert!(matches!(sunlit::PowerList::read_csv_path("/no/such.csv"), Err(sunlit::Error::File { .. })));
    /// ```
    pub fn read_csv_path(path: impl AsRef<Path>) -> Result<PowerList> {
        read_file(path.as_ref(), PowerList::read_csv)
    }

    /// [`PowerList::read_csv_with`] from a file: the list and the warnings of lenient quoting.
    ///
    /// ```
    /// use sunlit::{Error, PowerList, input::{InputOptions, Limits}};
    /// let dir = tempfile::tempdir().unwrap();
    /// let path = dir.path().join("list.csv");
    /// std::fs::write(&path, "权力分类,事项名称\n行政许可,x\n").unwrap();
    /// let (list, findings) = PowerList::read_csv_path_with(&path, &InputOptions::default()).unwrap();
    /// assert_eq!((list.items.len(), findings.len()), (1, 0));
    /// let tiny = InputOptions { limits: Limits { max_file_bytes: 10, ..Limits::default() }, ..Default::default() };
    /// assert!(matches!(PowerList::read_csv_path_with(&path, &tiny),
    ///     Err(Error::Limit { ref limit, .. }) if limit == "max_file_bytes"));
    /// ```
    pub fn read_csv_path_with(
        path: impl AsRef<Path>,
        opts: &InputOptions,
    ) -> Result<(PowerList, Vec<crate::Finding>)> {
        read_file(path.as_ref(), |f| PowerList::read_csv_with(f, opts))
    }

    /// The CSV header [`PowerList::write_csv`] writes: every [`PowerField`] under its canonical
    /// name, then the extra columns.
    fn header(&self) -> Vec<String> {
        let mut h: Vec<String> = PowerField::ALL
            .iter()
            .map(|f| f.name_zh().to_owned())
            .collect();
        h.extend(self.all_extra_columns());
        h
    }

    /// Extra columns: those read, then any other an item carries, sorted.
    fn all_extra_columns(&self) -> Vec<String> {
        let mut cols = self.extra_columns.clone();
        let mut more: Vec<&String> = self
            .items
            .iter()
            .flat_map(|i| i.extra.keys())
            .filter(|k| !cols.contains(k))
            .collect();
        more.sort();
        more.dedup();
        cols.extend(more.into_iter().cloned());
        cols
    }

    /// Write the list as CSV with every column of [`PowerField`] under its canonical Chinese
    /// name, then the extra columns. Reading it back gives an equal list (organ and effective
    /// date aside, which CSV does not carry).
    ///
    /// ```
    /// use sunlit::PowerList;
    /// let list = PowerList::read_csv_str("职权类型,项目名称,实施依据,承诺时限,审核组意见\n\
    ///     行政处罚,对超限运输的处罚,《公路法》第七十六条,十五个工作日,同意\n").unwrap();
    /// let csv = list.to_csv_string().unwrap();
    /// assert!(csv.starts_with("序号,权力分类,事项名称"));
    /// assert!(csv.contains("15个工作日") && csv.trim_end().ends_with("同意"));
    /// assert_eq!(PowerList::read_csv_str(&csv).unwrap(), list);
    /// ```
    pub fn write_csv<W: Write>(&self, writer: W) -> Result<()> {
        let mut w = csv::Writer::from_writer(writer);
        let extra = self.all_extra_columns();
        w.write_record(self.header()).map_err(write_err)?;
        for item in &self.items {
            let mut row: Vec<String> = PowerField::ALL.iter().map(|&f| item.cell(f)).collect();
            row.extend(
                extra
                    .iter()
                    .map(|c| item.extra.get(c).cloned().unwrap_or_default()),
            );
            w.write_record(&row).map_err(write_err)?;
        }
        w.flush().map_err(write_err)
    }

    /// [`PowerList::write_csv`] into a string.
    ///
    /// ```
    /// assert!(sunlit::PowerList::new().to_csv_string().unwrap().starts_with("序号,"));
    /// ```
    pub fn to_csv_string(&self) -> Result<String> {
        write_string(|w| self.write_csv(w))
    }

    /// [`PowerList::write_csv`] into a file.
    ///
    /// ```
    /// assert!(sunlit::PowerList::new().write_csv_path("/no/such/dir/x.csv").is_err());
    /// ```
    pub fn write_csv_path(&self, path: impl AsRef<Path>) -> Result<()> {
        write_file(path.as_ref(), |w| self.write_csv(w))
    }

    /// Read a list from JSON: `{"organ": …, "effective": "YYYY-MM-DD", "items": [ … ]}` (organ
    /// and effective optional) or a bare array of items. An item is an object keyed by
    /// [`PowerField`] ids (or column names) with string values — lists (`sub_items`,
    /// `procedure`, `responsibilities`, `accountability`, `levels`) as arrays of strings,
    /// `charges_fee` as a boolean — plus `risk_points` (objects with `step`, `description`,
    /// `grade`, `controls`, `owner`) and `extra` (an object of strings). Errors name the item
    /// (1-based) as `line` and the key as `column`; errors in organ or effective have line 0.
    ///
    /// ```
    /// use sunlit::{Error, PowerList};
    /// let list = PowerList::from_json(r#"{"organ": "某市交通运输局", "effective": "2025-01-01",
    ///     "items": [{"name": "x", "category": "行政许可", "levels": ["市级"], "charges_fee": false}]}"#).unwrap();
    /// assert_eq!(list.effective.unwrap().to_string(), "2025-01-01");
    /// assert_eq!(list.items[0].charges_fee, Some(false));
    /// let bad = PowerList::from_json(r#"[{"name": "x", "category": "行政许可", "colour": "red"}]"#);
    /// assert!(matches!(bad, Err(Error::Input { line: 1, ref column, .. }) if column == "colour"));
    /// ```
    pub fn from_json(text: &str) -> Result<PowerList> {
        PowerList::from_json_with(text, &InputOptions::default())
    }

    /// [`PowerList::from_json`] with [`InputOptions`] (its limits). A duplicate key is an error
    /// naming its line and key.
    ///
    /// ```
    /// use sunlit::{Error, PowerList, input::InputOptions};
    /// let dup = r#"[{"name": "x", "category": "行政许可", "name": "y"}]"#;
    /// assert!(matches!(PowerList::from_json_with(dup, &InputOptions::default()),
    ///     Err(Error::Input { line: 1, ref column, .. }) if column == "name"));
    /// ```
    pub fn from_json_with(text: &str, opts: &InputOptions) -> Result<PowerList> {
        let value = parse_json_with(text, &opts.limits)?;
        let top_err = |column: &str, value: String, reason: &str| Error::Input {
            cause: None,
            line: 0,
            column: column.to_owned(),
            value,
            reason: reason.to_owned(),
        };
        let mut list = PowerList::new();
        let items = match value {
            Value::Array(items) => items,
            Value::Object(mut map) => {
                for key in map.keys() {
                    if !["organ", "effective", "items", "extra_columns"].contains(&key.as_str()) {
                        return Err(top_err(
                            key,
                            String::new(),
                            "unknown key; expected organ, effective, extra_columns, items",
                        ));
                    }
                }
                list.organ = match map.remove("organ") {
                    None | Some(Value::Null) => None,
                    Some(Value::String(s)) => Some(s),
                    Some(other) => {
                        return Err(top_err("organ", other.to_string(), "expected a string"));
                    }
                };
                list.effective = match map.remove("effective") {
                    None | Some(Value::Null) => None,
                    Some(Value::String(s)) => Some(s.parse::<NaiveDate>().map_err(|_| {
                        top_err("effective", s.clone(), "expected a date YYYY-MM-DD")
                    })?),
                    Some(other) => {
                        return Err(top_err(
                            "effective",
                            other.to_string(),
                            "expected a date string",
                        ));
                    }
                };
                list.extra_columns = match map.remove("extra_columns") {
                    None | Some(Value::Null) => Vec::new(),
                    Some(Value::Array(a)) => a
                        .into_iter()
                        .map(|v| match v {
                            Value::String(s) => Ok(s),
                            other => Err(top_err(
                                "extra_columns",
                                other.to_string(),
                                "expected strings",
                            )),
                        })
                        .collect::<Result<_>>()?,
                    Some(other) => {
                        return Err(top_err(
                            "extra_columns",
                            other.to_string(),
                            "expected an array",
                        ));
                    }
                };
                match map.remove("items") {
                    Some(Value::Array(items)) => items,
                    None => Vec::new(),
                    Some(other) => {
                        return Err(top_err(
                            "items",
                            other.to_string(),
                            "expected an array of items",
                        ));
                    }
                }
            }
            other => {
                return Err(top_err(
                    "",
                    other.to_string(),
                    "expected an object or an array of items",
                ));
            }
        };
        for (i, item) in items.iter().enumerate() {
            list.items.push(json_item(item, i as u64 + 1)?);
        }
        Ok(list)
    }

    /// [`PowerList::from_json`] from a file.
    ///
    /// ```
    /// assert!(matches!(sunlit::PowerList::read_json_path("/no/such.json"), Err(sunlit::Error::File { .. })));
    /// ```
    pub fn read_json_path(path: impl AsRef<Path>) -> Result<PowerList> {
        PowerList::read_json_path_with(path, &InputOptions::default())
    }

    /// [`PowerList::from_json_with`] from a file (the file size is checked before it is read).
    ///
    /// ```
    /// use sunlit::{Error, PowerList, input::{InputOptions, Limits}};
    /// let dir = tempfile::tempdir().unwrap();
    /// let path = dir.path().join("list.json");
    /// std::fs::write(&path, PowerList::default().to_json()).unwrap();
    /// assert!(PowerList::read_json_path_with(&path, &InputOptions::default()).is_ok());
    /// let tiny = InputOptions { limits: Limits { max_file_bytes: 2, ..Limits::default() }, ..Default::default() };
    /// assert!(matches!(PowerList::read_json_path_with(&path, &tiny),
    ///     Err(Error::Limit { ref limit, .. }) if limit == "max_file_bytes"));
    /// ```
    pub fn read_json_path_with(path: impl AsRef<Path>, opts: &InputOptions) -> Result<PowerList> {
        let text = crate::io::read_json_file(path.as_ref(), &opts.limits)?;
        PowerList::from_json_with(&text, opts)
    }

    /// The list as JSON (see [`PowerList::from_json`]); vocabulary values by id, time limits as
    /// written (`20个工作日`), the legal basis as its text. Reading it back gives an equal list.
    ///
    /// ```
    /// use sunlit::PowerList;
    /// let list = PowerList::read_csv_str("权力分类,事项名称,风险环节,风险等级,防控措施\n\
    ///     行政许可,x,\"审查\n决定\",\"高\n中\",\"集体审议\n无\"\n").unwrap();
    /// assert_eq!(list.items[0].risk_points.len(), 2);
    /// let json = list.to_json();
    /// assert!(json.contains("\"grade\": \"high\""));
    /// assert_eq!(PowerList::from_json(&json).unwrap(), list);
    /// ```
    pub fn to_json(&self) -> String {
        let mut top = Map::new();
        top.insert(
            "organ".into(),
            self.organ.clone().map_or(Value::Null, Value::String),
        );
        top.insert(
            "effective".into(),
            self.effective
                .map_or(Value::Null, |d| Value::String(d.to_string())),
        );
        top.insert(
            "extra_columns".into(),
            Value::Array(
                self.extra_columns
                    .iter()
                    .cloned()
                    .map(Value::String)
                    .collect(),
            ),
        );
        top.insert(
            "items".into(),
            Value::Array(self.items.iter().map(item_json).collect()),
        );
        serde_json::to_string_pretty(&Value::Object(top)).unwrap_or_else(|_| "{}".to_owned())
    }
}

/// The list fields written as JSON arrays.
const LIST_FIELDS: [PowerField; 5] = [
    PowerField::SubItems,
    PowerField::Procedure,
    PowerField::Responsibilities,
    PowerField::Accountability,
    PowerField::Levels,
];

fn item_json(item: &PowerItem) -> Value {
    let mut m = Map::new();
    let strings = |v: &[String]| Value::Array(v.iter().cloned().map(Value::String).collect());
    let opt = |o: &Option<String>| o.clone().map_or(Value::Null, Value::String);
    for f in PowerField::ALL {
        let v = match f {
            PowerField::SubItems => strings(&item.sub_items),
            PowerField::Procedure => strings(&item.procedure),
            PowerField::Responsibilities => strings(&item.responsibilities),
            PowerField::Accountability => strings(&item.accountability),
            PowerField::Levels => Value::Array(
                item.levels
                    .iter()
                    .map(|l| Value::String(l.id().to_owned()))
                    .collect(),
            ),
            PowerField::BodyNature => item
                .body
                .nature
                .map_or(Value::Null, |n| Value::String(n.id().to_owned())),
            PowerField::ChargesFee => item.charges_fee.map_or(Value::Null, Value::Bool),
            PowerField::RiskSteps
            | PowerField::RiskDescriptions
            | PowerField::RiskGrades
            | PowerField::RiskControls
            | PowerField::RiskOwners => continue,
            PowerField::Name | PowerField::Category | PowerField::LegalBasis => {
                Value::String(item.cell(*f))
            }
            _ => {
                let text = item.cell(*f);
                if text.is_empty() {
                    Value::Null
                } else {
                    Value::String(text)
                }
            }
        };
        m.insert(f.id().to_owned(), v);
    }
    m.insert(
        "risk_points".into(),
        Value::Array(
            item.risk_points
                .iter()
                .map(|r| {
                    let mut o = Map::new();
                    o.insert("step".into(), opt(&r.step));
                    o.insert("description".into(), opt(&r.description));
                    o.insert("grade".into(), Value::String(r.grade.id().to_owned()));
                    o.insert("controls".into(), opt(&r.controls));
                    o.insert("owner".into(), opt(&r.owner));
                    Value::Object(o)
                })
                .collect(),
        ),
    );
    m.insert(
        "extra".into(),
        Value::Object(
            item.extra
                .iter()
                .map(|(k, v)| (k.clone(), Value::String(v.clone())))
                .collect(),
        ),
    );
    Value::Object(m)
}

fn json_item(value: &Value, line: u64) -> Result<PowerItem> {
    let err = |column: &str, value: String, reason: &str| Error::Input {
        cause: None,
        line,
        column: column.to_owned(),
        value,
        reason: reason.to_owned(),
    };
    let Value::Object(map) = value else {
        return Err(err("", value.to_string(), "each item is a JSON object"));
    };
    let mut cells: Vec<(String, String)> = Vec::new();
    let mut risk_points = Vec::new();
    let mut extra = BTreeMap::new();
    let mut lists: Vec<(PowerField, Vec<String>)> = Vec::new();
    for (key, v) in map {
        if key == "risk_points" {
            risk_points = json_risks(v, line)?;
            continue;
        }
        if key == "extra" {
            match v {
                Value::Null => {}
                Value::Object(o) => {
                    for (k, x) in o {
                        match x {
                            Value::String(s) => {
                                extra.insert(k.clone(), s.clone());
                            }
                            other => {
                                return Err(err(k, other.to_string(), "extra values are strings"));
                            }
                        }
                    }
                }
                other => return Err(err(key, other.to_string(), "expected an object of strings")),
            }
            continue;
        }
        let field = PowerField::parse(key).map_err(|_| {
            err(
                key,
                String::new(),
                "unknown key; expected a column id such as name, category, legal_basis",
            )
        })?;
        let text = match v {
            Value::Null => String::new(),
            Value::String(s) => s.clone(),
            Value::Bool(b) if field == PowerField::ChargesFee => {
                if *b { "是" } else { "否" }.to_owned()
            }
            Value::Number(n) if !LIST_FIELDS.contains(&field) => n.to_string(),
            Value::Array(a) if LIST_FIELDS.contains(&field) => {
                let mut entries = Vec::with_capacity(a.len());
                for x in a {
                    match x {
                        Value::String(s) => entries.push(s.clone()),
                        other => {
                            return Err(err(key, other.to_string(), "list entries are strings"));
                        }
                    }
                }
                if field == PowerField::Levels {
                    entries.join("、")
                } else {
                    // Entries of a JSON array are taken exactly as given, never re-split.
                    lists.push((field, entries));
                    continue;
                }
            }
            other => return Err(err(key, other.to_string(), "expected a string")),
        };
        cells.push((key.clone(), text));
    }
    let mut item =
        PowerItem::from_cells(cells.iter().map(|(k, v)| (k.as_str(), v.as_str())), line)?;
    for (field, entries) in lists {
        match field {
            PowerField::SubItems => item.sub_items = entries,
            PowerField::Procedure => item.procedure = entries,
            PowerField::Responsibilities => item.responsibilities = entries,
            PowerField::Accountability => item.accountability = entries,
            _ => {}
        }
    }
    if !risk_points.is_empty() {
        if !item.risk_points.is_empty() {
            return Err(err(
                "risk_points",
                String::new(),
                "give risk points either as risk_points or as risk columns",
            ));
        }
        item.risk_points = risk_points;
    }
    item.extra.extend(extra);
    Ok(item)
}

fn json_risks(v: &Value, line: u64) -> Result<Vec<RiskPoint>> {
    let err = |value: String, reason: &str| Error::Input {
        cause: None,
        line,
        column: "risk_points".to_owned(),
        value,
        reason: reason.to_owned(),
    };
    let Value::Array(a) = v else {
        return Err(err(v.to_string(), "expected an array of risk points"));
    };
    a.iter()
        .map(|r| {
            let Value::Object(o) = r else {
                return Err(err(r.to_string(), "each risk point is an object"));
            };
            let text = |k: &str| -> Result<Option<String>> {
                match o.get(k) {
                    None | Some(Value::Null) => Ok(None),
                    Some(Value::String(s)) => Ok(super::text::optional(s)),
                    Some(other) => Err(err(other.to_string(), "risk point fields are strings")),
                }
            };
            for k in o.keys() {
                if !["step", "description", "grade", "controls", "owner"].contains(&k.as_str()) {
                    return Err(err(k.clone(), "unknown risk point key; expected step, description, grade, controls, owner"));
                }
            }
            let grade_text = text("grade")?.unwrap_or_default();
            let grade = RiskGrade::parse(&grade_text).map_err(|e| e.at(line, "risk_points"))?;
            Ok(RiskPoint {
                step: text("step")?,
                description: text("description")?,
                grade,
                controls: text("controls")?,
                owner: text("owner")?,
            })
        })
        .collect()
}
