//! Reading and writing a catalogue: CSV (UTF-8 or GBK), JSON, XLSX.

use std::io::{Read, Write};
use std::path::Path;

use chrono::NaiveDate;
use serde_json::Value;

use super::{
    CatalogueColumn, CatalogueEntry, DisclosureCatalogue, IndexNumber, PublicationChannel,
};
use crate::disclosure::Category;
use crate::error::{Error, Result};
use crate::io::{CsvTable, InputOptions, parse_json_with, write_err, write_file, write_string};

/// Parse a printed date: `2024-04-06`, `2024/4/6`, `2024.04.06` or `2024年04月06日`, optionally
/// followed by a time (`16:34`, `16:34:00`), which is dropped. Blank is `None`.
pub(super) fn parse_date(text: &str) -> std::result::Result<Option<NaiveDate>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let date = t.split_whitespace().next().unwrap_or_default();
    let (date, rest) = match date.find('日') {
        Some(i) => date.split_at(i + '日'.len_utf8()),
        None => (date, ""),
    };
    let rest_ok = rest.is_empty() || rest.chars().all(|c| c.is_ascii_digit() || c == ':');
    let time = t.split_whitespace().nth(1);
    let time_ok = time.is_none_or(|x| x.chars().all(|c| c.is_ascii_digit() || c == ':'));
    let parts: Vec<&str> = date
        .split(['-', '/', '.', '年', '月', '日'])
        .filter(|p| !p.is_empty())
        .collect();
    let bad = || format!("not a date (expected YYYY-MM-DD or YYYY年M月D日): {t:?}");
    if !(rest_ok && time_ok && t.split_whitespace().count() <= 2) {
        return Err(bad());
    }
    let [y, m, d] = parts.as_slice() else {
        return Err(bad());
    };
    let num = |s: &str| s.parse::<u32>().ok().filter(|_| s.len() <= 4);
    match (num(y), num(m), num(d)) {
        (Some(y), Some(m), Some(d)) if y >= 1000 => i32::try_from(y)
            .ok()
            .and_then(|y| NaiveDate::from_ymd_opt(y, m, d))
            .map(Some)
            .ok_or_else(|| format!("no such day: {t:?}")),
        _ => Err(bad()),
    }
}

/// Which file column holds which [`CatalogueColumn`].
struct Layout {
    columns: Vec<Option<CatalogueColumn>>,
}

impl Layout {
    /// Recognise a header; 索引号 and 名称 (or aliases) are required, a column of one meaning
    /// twice is an error, an unknown column is an error (nothing is dropped silently).
    fn new(names: &[String]) -> Result<Layout> {
        let err = |column: &str, reason: String| Error::Input {
            cause: None,
            line: 1,
            column: column.to_owned(),
            value: names.join(","),
            reason,
        };
        let mut columns: Vec<Option<CatalogueColumn>> = Vec::new();
        for n in names {
            let c = CatalogueColumn::parse(n).map_err(|_| {
                err(n, format!("unknown column {n:?}; expected catalogue columns such as 索引号, 名称, 内容概述, 生成日期, 发布日期, 发布机构, 主题分类, 发文字号"))
            })?;
            if columns.contains(&Some(c)) {
                return Err(err(
                    n,
                    format!("a second column of {} ({})", c.id(), c.name_zh()),
                ));
            }
            columns.push(Some(c));
        }
        for required in [CatalogueColumn::Index, CatalogueColumn::Title] {
            if !columns.contains(&Some(required)) {
                return Err(err(
                    required.name_zh(),
                    format!(
                        "missing column {} (or an alias: {})",
                        required.name_zh(),
                        required.aliases().join(", ")
                    ),
                ));
            }
        }
        Ok(Layout { columns })
    }

    /// One entry from a row's cells (in file order); `line` is its line for errors.
    fn entry(&self, names: &[String], cells: &[String], line: u64) -> Result<CatalogueEntry> {
        let mut e = CatalogueEntry::default();
        let mut category = None;
        for ((c, name), text) in self.columns.iter().zip(names).zip(cells) {
            let at = |reason: String| Error::Input {
                cause: None,
                line,
                column: name.clone(),
                value: text.clone(),
                reason,
            };
            let opt = || Some(text.trim().to_owned()).filter(|t| !t.is_empty());
            match c {
                Some(CatalogueColumn::Index) => {
                    if !text.trim().is_empty() {
                        IndexNumber::parse(text).map_err(|e| e.at(line, name))?;
                    }
                    e.index = text.trim().to_owned();
                }
                Some(CatalogueColumn::Title) => e.title = text.trim().to_owned(),
                Some(CatalogueColumn::Summary) => e.summary = opt(),
                Some(CatalogueColumn::Organ) => e.organ = text.trim().to_owned(),
                Some(CatalogueColumn::Formed) => e.formed = parse_date(text).map_err(at)?,
                Some(CatalogueColumn::Published) => e.published = parse_date(text).map_err(at)?,
                Some(CatalogueColumn::Category) => {
                    category = opt()
                        .map(|t| Category::parse(&t).map_err(|e| e.at(line, name)))
                        .transpose()?;
                }
                Some(CatalogueColumn::Topic) => e.topic = opt(),
                Some(CatalogueColumn::DocumentNumber) => e.document_number = opt(),
                Some(CatalogueColumn::Channel) => {
                    e.channel = opt()
                        .map(|t| PublicationChannel::parse(&t).map_err(|e| e.at(line, name)))
                        .transpose()?;
                }
                Some(CatalogueColumn::Source) => e.source = opt(),
                None => {}
            }
        }
        e.category = category.unwrap_or_else(|| super::categorise(&e));
        Ok(e)
    }
}

/// The header [`DisclosureCatalogue::write_csv`] writes.
const HEADER: [&str; 11] = [
    "索引号",
    "名称",
    "内容概述",
    "发布机构",
    "生成日期",
    "发布日期",
    "类别",
    "主题分类",
    "发文字号",
    "公开渠道",
    "网址",
];

impl DisclosureCatalogue {
    /// Build a catalogue from a header and rows of cells (`(line, cells)`), as read from any
    /// grid.
    fn from_rows(
        names: &[String],
        rows: impl Iterator<Item = Result<(u64, Vec<String>)>>,
    ) -> Result<DisclosureCatalogue> {
        let layout = Layout::new(names)?;
        let mut c = DisclosureCatalogue::default();
        for row in rows {
            let (line, cells) = row?;
            c.entries.push(layout.entry(names, &cells, line)?);
        }
        Ok(c)
    }

    /// Read a catalogue from CSV: UTF-8 (with or without BOM) or GBK/GB18030 (detected; never
    /// decoded lossily), a header of [`CatalogueColumn`] names or aliases (索引号 and 名称/标题
    /// required; an unknown column is an error, not dropped), one entry per row. Every index
    /// number must parse ([`IndexNumber::parse`]; a blank one is kept blank), dates are
    /// `YYYY-MM-DD` or `YYYY年M月D日` (a time after them is dropped). A bad cell is an
    /// [`Error::Input`] naming its physical line (header = 1), column and text. Without a 类别
    /// column the category comes from [`categorise`](super::categorise).
    ///
    /// ```
    /// use sunlit::{Error, disclosure::{Category, catalogue::DisclosureCatalogue}};
    /// let c = DisclosureCatalogue::read_csv("索引号,标题,主题分类\n003129766/2019-1,2019年部门预算,财政预决算\n".as_bytes())?;
    /// assert_eq!(c.entries[0].category, Category::Budgets);
    /// let err = DisclosureCatalogue::read_csv("索引号,标题\n003129766/19-1,x\n".as_bytes()).unwrap_err();
    /// assert!(matches!(err, Error::Input { line: 2, ref column, ref value, .. }
    ///     if column == "索引号" && value == "003129766/19-1"));
    /// let gbk = b"\xcb\xf7\xd2\xfd\xba\xc5,\xb1\xea\xcc\xe2\n003129766/2019-1,x\n"; // 索引号,标题 in GBK
    /// assert_eq!(DisclosureCatalogue::read_csv(&gbk[..])?.len(), 1);
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn read_csv<R: Read>(reader: R) -> Result<DisclosureCatalogue> {
        DisclosureCatalogue::read_csv_with(reader, &InputOptions::default()).map(|(c, _)| c)
    }

    /// [`DisclosureCatalogue::read_csv`] with [`InputOptions`] (quoting, limits); returns the
    /// catalogue and the warnings of the fields read under lenient quoting (none under strict).
    ///
    /// ```
    /// use sunlit::{Error, disclosure::catalogue::DisclosureCatalogue, input::{InputOptions, Limits, Quoting}};
    /// let small = InputOptions { limits: Limits { max_rows: 1, ..Limits::default() }, ..Default::default() };
    /// let err = DisclosureCatalogue::read_csv_with("索引号,标题\n003129766/2019-1,x\n".as_bytes(), &small);
    /// assert!(matches!(err, Err(Error::Limit { .. })));
    /// let lenient = InputOptions { quoting: Quoting::Lenient, ..Default::default() };
    /// let (c, warnings) = DisclosureCatalogue::read_csv_with("索引号,标题\n003129766/2019-1,\"a\"b\n".as_bytes(), &lenient)?;
    /// assert_eq!((c.entries[0].title.as_str(), warnings.len()), ("ab", 1));
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn read_csv_with<R: Read>(
        reader: R,
        opts: &InputOptions,
    ) -> Result<(DisclosureCatalogue, Vec<crate::Finding>)> {
        let bytes = crate::io::read_capped(reader, &opts.limits)?;
        let text = crate::document::delimited::decode("CSV", &bytes, None)?;
        let mut table = CsvTable::read_any(text.as_bytes(), opts)?;
        let names = table.names().to_vec();
        let mut rows = Vec::new();
        while let Some(row) = table.next_row()? {
            let cells = (0..names.len()).map(|i| row.get(i).to_owned()).collect();
            rows.push(Ok((row.line, cells)));
        }
        let warnings = table.findings();
        Ok((
            DisclosureCatalogue::from_rows(&names, rows.into_iter())?,
            warnings,
        ))
    }

    /// [`DisclosureCatalogue::read_csv_with`] from a file.
    ///
    /// ```
    /// use sunlit::{Error, disclosure::catalogue::DisclosureCatalogue, input::InputOptions};
    /// let err = DisclosureCatalogue::read_csv_path_with("/no/such.csv", &InputOptions::default());
    /// assert!(matches!(err, Err(Error::File { .. })));
    /// ```
    pub fn read_csv_path_with(
        path: impl AsRef<Path>,
        opts: &InputOptions,
    ) -> Result<(DisclosureCatalogue, Vec<crate::Finding>)> {
        crate::io::read_file(path.as_ref(), |f| {
            DisclosureCatalogue::read_csv_with(f, opts)
        })
    }

    /// [`DisclosureCatalogue::read_csv`] from a string.
    ///
    /// ```
    /// assert!(sunlit::disclosure::catalogue::DisclosureCatalogue::read_csv_str("标题\nx\n").is_err()); // no 索引号
    /// ```
    pub fn read_csv_str(text: &str) -> Result<DisclosureCatalogue> {
        DisclosureCatalogue::read_csv(text.as_bytes())
    }

    /// [`DisclosureCatalogue::read_csv`] from a file.
    ///
    /// ```
    /// use sunlit::{Error, disclosure::catalogue::DisclosureCatalogue};
    /// assert!(matches!(DisclosureCatalogue::read_csv_path("/no/such.csv"), Err(Error::File { .. })));
    /// ```
    pub fn read_csv_path(path: impl AsRef<Path>) -> Result<DisclosureCatalogue> {
        crate::io::read_file(path.as_ref(), DisclosureCatalogue::read_csv)
    }

    /// Read the first sheet of an XLSX (or XLS) workbook whose first non-blank row is a catalogue
    /// header (see [`DisclosureCatalogue::read_csv`]); errors name the row of the sheet's grid.
    ///
    /// ```
    /// use sunlit::disclosure::catalogue::DisclosureCatalogue;
    /// assert!(DisclosureCatalogue::read_xlsx_bytes(b"not a zip").is_err());
    /// ```
    pub fn read_xlsx_bytes(bytes: &[u8]) -> Result<DisclosureCatalogue> {
        use crate::document::{SourceDocument, SourceFormat};
        let opts = crate::ReadOptions::default();
        let format = match SourceFormat::sniff(bytes) {
            Some(SourceFormat::Xls) => SourceFormat::Xls,
            _ => SourceFormat::Xlsx,
        };
        let doc = SourceDocument::from_bytes("workbook", format, bytes, &opts)?;
        let table = doc.tables.first().ok_or_else(|| Error::Input {
            cause: None,
            line: 1,
            column: String::new(),
            value: String::new(),
            reason: "the workbook has no sheet with cells".to_owned(),
        })?;
        let mut rows = table
            .rows
            .iter()
            .filter(|r| r.iter().any(|c| !c.is_blank()));
        let names: Vec<String> = rows
            .next()
            .map(|r| r.iter().map(|c| c.text.trim().to_owned()).collect())
            .unwrap_or_default();
        let body = rows.map(|r| {
            let line = r.first().map_or(0, |c| u64::from(c.at.row));
            Ok((line, r.iter().map(|c| c.text.clone()).collect()))
        });
        DisclosureCatalogue::from_rows(&names, body)
    }

    /// [`DisclosureCatalogue::read_xlsx_bytes`] from a file.
    ///
    /// ```
    /// use sunlit::{Error, disclosure::catalogue::DisclosureCatalogue};
    /// let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/data/disclosure/catalogue/state_council_first5.xlsx");
    /// assert_eq!(DisclosureCatalogue::read_xlsx_path(path)?.len(), 5);
    /// assert!(matches!(DisclosureCatalogue::read_xlsx_path("/no/such.xlsx"), Err(Error::File { .. })));
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn read_xlsx_path(path: impl AsRef<Path>) -> Result<DisclosureCatalogue> {
        let bytes = crate::io::read_file(path.as_ref(), |f| {
            crate::io::read_capped(f, &InputOptions::default().limits)
        })?;
        DisclosureCatalogue::read_xlsx_bytes(&bytes)
    }

    /// Write the catalogue as UTF-8 CSV with every column under its canonical Chinese name
    /// (dates `YYYY-MM-DD`, category and channel by id). Reading it back gives an equal catalogue
    /// (organ and level aside, which CSV does not carry).
    ///
    /// ```
    /// use sunlit::disclosure::catalogue::DisclosureCatalogue;
    /// let c = DisclosureCatalogue::read_csv_str("索引号,标题,发布日期\n003129766/2019-1,x,2019年1月2日\n")?;
    /// let csv = c.to_csv_string()?;
    /// assert!(csv.starts_with("索引号,名称,内容概述"));
    /// assert_eq!(DisclosureCatalogue::read_csv_str(&csv)?, c);
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn write_csv<W: Write>(&self, writer: W) -> Result<()> {
        let mut w = csv::Writer::from_writer(writer);
        w.write_record(HEADER).map_err(write_err)?;
        let s = |o: &Option<String>| o.clone().unwrap_or_default();
        let d = |o: Option<NaiveDate>| o.map(|d| d.to_string()).unwrap_or_default();
        for e in &self.entries {
            w.write_record([
                e.index.clone(),
                e.title.clone(),
                s(&e.summary),
                e.organ.clone(),
                d(e.formed),
                d(e.published),
                e.category.id().to_owned(),
                s(&e.topic),
                s(&e.document_number),
                e.channel.map(|c| c.id().to_owned()).unwrap_or_default(),
                s(&e.source),
            ])
            .map_err(write_err)?;
        }
        w.flush().map_err(write_err)
    }

    /// [`DisclosureCatalogue::write_csv`] into a string.
    ///
    /// ```
    /// assert!(sunlit::disclosure::catalogue::DisclosureCatalogue::default().to_csv_string()?.starts_with("索引号,"));
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn to_csv_string(&self) -> Result<String> {
        write_string(|w| self.write_csv(w))
    }

    /// [`DisclosureCatalogue::write_csv`] into a file (written to a temporary file, then renamed).
    ///
    /// ```
    /// assert!(sunlit::disclosure::catalogue::DisclosureCatalogue::default().write_csv_path("/no/such/dir/x.csv").is_err());
    /// ```
    pub fn write_csv_path(&self, path: impl AsRef<Path>) -> Result<()> {
        write_file(path.as_ref(), |w| self.write_csv(w))
    }
}

/// The text of a JSON value as a cell: strings as they are, null as blank; anything else is an
/// error naming the record and key.
fn json_cell(v: &Value, line: u64, key: &str) -> Result<String> {
    match v {
        Value::String(s) => Ok(s.clone()),
        Value::Null => Ok(String::new()),
        other => Err(Error::Input {
            cause: None,
            line,
            column: key.to_owned(),
            value: other.to_string(),
            reason: "expected a string or null".to_owned(),
        }),
    }
}

/// One entry of a JSON catalogue (record `line`, 1-based).
fn json_entry(v: &Value, line: u64) -> Result<CatalogueEntry> {
    let Value::Object(map) = v else {
        return Err(Error::Input {
            cause: None,
            line,
            column: String::new(),
            value: v.to_string(),
            reason: "an entry must be an object".to_owned(),
        });
    };
    let names: Vec<String> = map.keys().cloned().collect();
    let cells = map
        .iter()
        .map(|(k, v)| json_cell(v, line, k))
        .collect::<Result<Vec<_>>>()?;
    let relocate = |e: Error| match e {
        Error::Input {
            column,
            value,
            reason,
            cause,
            ..
        } => Error::Input {
            line,
            column,
            value,
            reason,
            cause,
        },
        other => other,
    };
    let layout = Layout::new(&names).map_err(relocate)?;
    layout.entry(&names, &cells, line)
}

impl DisclosureCatalogue {
    /// Read a catalogue from JSON: `{"organ": …, "level": …, "entries": [ … ]}` (organ and level
    /// optional) or a bare array of entries. An entry is an object keyed by [`CatalogueColumn`]
    /// ids or names with string (or null) values, read as [`DisclosureCatalogue::read_csv`]
    /// reads cells. Errors name the entry (1-based) as `line` and the key as `column`; errors of
    /// the top level have line 0.
    ///
    /// ```
    /// use sunlit::{Error, disclosure::catalogue::DisclosureCatalogue};
    /// let c = DisclosureCatalogue::from_json(r#"{"organ": "镇巴县人民政府", "level": "county",
    ///     "entries": [{"index": "6107280000/2024-001005", "title": "x", "formed": "2024-04-06"}]}"#)?;
    /// assert_eq!(c.entries[0].formed.unwrap().to_string(), "2024-04-06");
    /// let bad = DisclosureCatalogue::from_json(r#"[{"index": "6107280000/2024-1", "title": "x", "colour": "red"}]"#);
    /// assert!(matches!(bad, Err(Error::Input { line: 1, ref column, .. }) if column == "colour"));
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn from_json(text: &str) -> Result<DisclosureCatalogue> {
        DisclosureCatalogue::from_json_with(text, &InputOptions::default())
    }

    /// [`DisclosureCatalogue::from_json`] with [`InputOptions`] (its limits).
    ///
    /// ```
    /// use sunlit::{Error, disclosure::catalogue::DisclosureCatalogue, input::InputOptions};
    /// assert!(matches!(DisclosureCatalogue::from_json_with("{", &InputOptions::default()), Err(Error::Input { .. })));
    /// ```
    pub fn from_json_with(text: &str, opts: &InputOptions) -> Result<DisclosureCatalogue> {
        let top = |column: &str, value: String, reason: &str| Error::Input {
            cause: None,
            line: 0,
            column: column.to_owned(),
            value,
            reason: reason.to_owned(),
        };
        let mut c = DisclosureCatalogue::default();
        let entries = match parse_json_with(text, &opts.limits)? {
            Value::Array(a) => a,
            Value::Object(mut map) => {
                if let Some(k) = map
                    .keys()
                    .find(|k| !["organ", "level", "entries"].contains(&k.as_str()))
                {
                    return Err(top(
                        k,
                        String::new(),
                        "unknown key; expected organ, level, entries",
                    ));
                }
                c.organ = match map.remove("organ") {
                    None | Some(Value::Null) => None,
                    Some(Value::String(s)) => Some(s),
                    Some(o) => return Err(top("organ", o.to_string(), "expected a string")),
                };
                c.level = match map.remove("level") {
                    None | Some(Value::Null) => None,
                    Some(Value::String(s)) => Some(
                        crate::disclosure::OrganLevel::parse(&s).map_err(|e| e.at(0, "level"))?,
                    ),
                    Some(o) => return Err(top("level", o.to_string(), "expected a string")),
                };
                match map.remove("entries") {
                    None | Some(Value::Null) => Vec::new(),
                    Some(Value::Array(a)) => a,
                    Some(o) => return Err(top("entries", o.to_string(), "expected an array")),
                }
            }
            other => return Err(top("", other.to_string(), "expected an object or an array")),
        };
        for (i, v) in entries.iter().enumerate() {
            c.entries.push(json_entry(v, i as u64 + 1)?);
        }
        Ok(c)
    }

    /// [`DisclosureCatalogue::from_json`] from a file.
    ///
    /// ```
    /// use sunlit::{Error, disclosure::catalogue::DisclosureCatalogue};
    /// assert!(matches!(DisclosureCatalogue::read_json_path("/no/such.json"), Err(Error::File { .. })));
    /// ```
    pub fn read_json_path(path: impl AsRef<Path>) -> Result<DisclosureCatalogue> {
        DisclosureCatalogue::read_json_path_with(path, &InputOptions::default())
    }

    /// [`DisclosureCatalogue::from_json_with`] from a file, read within `opts.limits` (the file
    /// size is checked before it is read).
    ///
    /// ```
    /// use sunlit::{Error, disclosure::catalogue::DisclosureCatalogue, input::InputOptions};
    /// let r = DisclosureCatalogue::read_json_path_with("/no/such.json", &InputOptions::default());
    /// assert!(matches!(r, Err(Error::File { .. })));
    /// ```
    pub fn read_json_path_with(
        path: impl AsRef<Path>,
        opts: &InputOptions,
    ) -> Result<DisclosureCatalogue> {
        let text = crate::io::read_json_file(path.as_ref(), &opts.limits)?;
        DisclosureCatalogue::from_json_with(&text, opts)
    }

    /// The catalogue as JSON (see [`DisclosureCatalogue::from_json`]): organ, level and every
    /// field of every entry (blank as null, dates `YYYY-MM-DD`, vocabulary values by id).
    /// Reading it back gives an equal catalogue.
    ///
    /// ```
    /// use sunlit::disclosure::catalogue::DisclosureCatalogue;
    /// let c = DisclosureCatalogue::read_csv_str("索引号,标题,生成日期\n003129766/2019-1,x,2019-01-02\n")?;
    /// assert_eq!(DisclosureCatalogue::from_json(&c.to_json())?, c);
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// [`DisclosureCatalogue::to_json`] into a file (written to a temporary file, then renamed).
    ///
    /// ```
    /// assert!(sunlit::disclosure::catalogue::DisclosureCatalogue::default().write_json_path("/no/such/dir/x.json").is_err());
    /// ```
    pub fn write_json_path(&self, path: impl AsRef<Path>) -> Result<()> {
        crate::io::write_bytes(path.as_ref(), self.to_json().as_bytes())
    }
}
