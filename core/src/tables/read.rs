//! Reading a [`PublishedTable`] from CSV and JSON: the header layouts, row codes, cells and
//! sides, with every error naming its line, column and text.

use std::io::Read;
use std::path::Path;

use rust_decimal::Decimal;
use serde_json::Value;

use super::kind::TableKind;
use super::table::{PublishedTable, RowSide, TableReadOptions, TableRow};
use crate::classification::{Code, Scheme};
use crate::error::{Error, Result};
use crate::finding::Finding;
use crate::io::{InputOptions, Quoting, read_file};
use crate::money::{Unit, parse_amount};

/// How the code is laid out in a CSV header.
enum CodeLayout {
    Whole,
    Split(usize),
}

pub(super) fn header_error(names: &[String], column: &str, reason: String) -> Error {
    Error::Input {
        cause: None,
        line: 1,
        column: column.to_owned(),
        value: names.join(","),
        reason,
    }
}

/// Parse a code of a table row; the scheme follows from the first digit (2 functional, 3/5
/// economic) and must be the table's.
pub(super) fn row_code(parts: &[&str], kind: Option<TableKind>) -> Result<Option<Code>> {
    if parts.iter().all(|p| p.trim().is_empty()) {
        return Ok(None);
    }
    let first = parts.first().map(|p| p.trim()).unwrap_or("");
    let whole = parts.len() == 1;
    let code = match first.as_bytes().first() {
        Some(b'2') if whole => Code::functional(first)?,
        Some(b'2') => Code::parse_split(Scheme::Functional, parts)?,
        Some(b'3' | b'5') if whole => Code::economic(first)?,
        Some(b'3' | b'5') => Code::economic_split(parts)?,
        _ => {
            return Err(Error::Code {
                scheme: kind
                    .and_then(TableKind::scheme)
                    .unwrap_or(Scheme::Functional),
                value: parts.join("|"),
                reason: "a table row code is functional (2xx) or economic (3xx, 5xx)".to_owned(),
            });
        }
    };
    if let Some(expected) = kind.and_then(TableKind::scheme)
        && !(code.scheme() == expected
            || (expected == Scheme::DeptEconomic && code.scheme() == Scheme::GovEconomic))
    {
        return Err(Error::Code {
            scheme: code.scheme(),
            value: code.to_string(),
            reason: format!(
                "a {} table holds {} codes",
                kind.map(TableKind::name_zh).unwrap_or_default(),
                expected.name_zh()
            ),
        });
    }
    Ok(Some(code))
}

/// The split column (0-based: 类, 款, 项) a bad split code is to blame on; the scheme follows from
/// the 类 part as in [`row_code`].
fn faulty_part(parts: &[&str]) -> usize {
    let scheme = match parts.first().and_then(|p| p.trim().bytes().next()) {
        Some(b'3') => Scheme::DeptEconomic,
        Some(b'5') => Scheme::GovEconomic,
        _ => Scheme::Functional,
    };
    crate::classification::faulty_split_part(scheme, parts)
}

/// A CSV table's header: where the code, name, side and amount columns are.
struct CsvHeader {
    /// Every heading, as printed.
    all_names: Vec<String>,
    /// The headings without the `side` column.
    names: Vec<String>,
    /// The record index of the optional `side` (收支) column: the side of a summary table's rows.
    side_col: Option<usize>,
    layout: CodeLayout,
    /// How many columns the code takes (1, or 2–4 split parts).
    code_cols: usize,
    /// The amount columns' headings.
    columns: Vec<String>,
}

impl CsvHeader {
    /// Recognise the header: `code,name,…` or `类,款[,项[,目]],name,…`, with an optional `side`
    /// column anywhere.
    fn parse(all_names: Vec<String>) -> Result<CsvHeader> {
        let side_col = all_names
            .iter()
            .position(|n| matches!(n.trim(), "side" | "收支"));
        let names: Vec<String> = all_names
            .iter()
            .enumerate()
            .filter(|(i, _)| Some(*i) != side_col)
            .map(|(_, n)| n.clone())
            .collect();
        let layout = match names.first().map(String::as_str) {
            Some("code" | "科目编码") => CodeLayout::Whole,
            Some("类") => {
                let n = names
                    .iter()
                    .take(4)
                    .zip(["类", "款", "项", "目"])
                    .take_while(|(a, b)| a.as_str() == *b)
                    .count();
                CodeLayout::Split(n)
            }
            _ => {
                return Err(header_error(
                    &names,
                    names.first().map(String::as_str).unwrap_or(""),
                    "the header starts with code,name or with the split code columns 类,款[,项],name".to_owned(),
                ));
            }
        };
        let code_cols = match layout {
            CodeLayout::Whole => 1,
            CodeLayout::Split(n) => n,
        };
        match names.get(code_cols).map(String::as_str) {
            Some("name" | "科目名称" | "项目") => {}
            other => {
                return Err(header_error(
                    &names,
                    other.unwrap_or(""),
                    "the code column(s) must be followed by the name column `name`".to_owned(),
                ));
            }
        }
        let columns: Vec<String> = names.iter().skip(code_cols + 1).cloned().collect();
        Ok(CsvHeader {
            all_names,
            names,
            side_col,
            layout,
            code_cols,
            columns,
        })
    }

    /// The record index of column `i` of `names`.
    fn at(&self, i: usize) -> usize {
        match self.side_col {
            Some(s) if i >= s => i + 1,
            _ => i,
        }
    }

    /// The field of column `i` of `names` (blank when the record is short).
    fn field<'r>(&self, record: &'r [String], i: usize) -> &'r str {
        record.get(self.at(i)).map_or("", String::as_str)
    }

    /// One record as a row; `None` for a printed blank line that holds no figure.
    fn row(
        &self,
        line: u64,
        record: &[String],
        kind: Option<TableKind>,
    ) -> Result<Option<TableRow>> {
        let parts: Vec<&str> = (0..self.code_cols).map(|i| self.field(record, i)).collect();
        let code = row_code(&parts, kind).map_err(|e| {
            // Name the column that holds the bad part: 款 for `208 | 5 | 05`.
            let column = match self.layout {
                CodeLayout::Whole => 0,
                CodeLayout::Split(_) => faulty_part(&parts),
            };
            e.at(line, self.names.get(column).map_or("code", String::as_str))
        })?;
        let name = self.field(record, self.code_cols).trim().to_owned();
        let mut cells = Vec::with_capacity(self.columns.len());
        for (i, column) in self.columns.iter().enumerate() {
            let text = self.field(record, self.code_cols + 1 + i);
            cells.push(parse_amount(text).map_err(|e| e.at(line, column))?);
        }
        let side = self.side(line, record)?;
        if code.is_none() && name.is_empty() {
            if cells.iter().all(Option::is_none) {
                // A printed blank line (a page break, a wrapped name's second line that
                // carries nothing): it holds no figure to lose.
                return Ok(None);
            }
            return Err(Error::Input {
                cause: None,
                line,
                column: "name".to_owned(),
                value: String::new(),
                reason: "a row with figures needs a code or a label (the total row is named 合计)"
                    .to_owned(),
            });
        }
        Ok(Some(TableRow {
            line,
            code,
            name,
            cells,
            side,
        }))
    }

    /// The record's side, if the header has a `side` column and the field is not blank.
    fn side(&self, line: u64, record: &[String]) -> Result<Option<RowSide>> {
        match self.side_col.and_then(|c| record.get(c)).map(|t| t.trim()) {
            None | Some("") => Ok(None),
            Some(text) => RowSide::parse(text).map(Some).map_err(|e| {
                e.at(
                    line,
                    self.side_col
                        .and_then(|c| self.all_names.get(c))
                        .map_or("side", String::as_str),
                )
            }),
        }
    }
}

impl PublishedTable {
    /// Read a table from CSV (see the type's documentation for the layout). Amounts are parsed
    /// as printed (`47,483,458`, `114.22`); blanks and dashes stay absent. The first bad cell is an
    /// [`Error::Input`] naming its line, column and text.
    ///
    /// ```
    /// use sunlit::{Error, PublishedTable, tables::TableReadOptions};
    /// let csv = "类,款,项,name,合计\n208,05,05,机关事业单位基本养老保险缴费支出,\"2,302,464\"\n";
    /// let t = PublishedTable::read_csv(csv.as_bytes(), &TableReadOptions::default()).unwrap();
    /// assert_eq!(t.rows()[0].key(), "2080505");
    /// let bad = "code,name,合计\n208,x,12.3.4\n";
    /// assert!(matches!(PublishedTable::read_csv(bad.as_bytes(), &TableReadOptions::default()),
    ///     Err(Error::Input { line: 2, ref column, .. }) if column == "合计"));
    /// // A bad split code names the column of its bad part.
    /// let bad = "类,款,项,name,合计\n208,05,5,x,1\n";
    /// assert!(matches!(PublishedTable::read_csv(bad.as_bytes(), &TableReadOptions::default()),
    ///     Err(Error::Input { line: 2, ref column, ref value, .. }) if column == "项" && value == "208|05|5"));
    /// ```
    pub fn read_csv<R: Read>(reader: R, opts: &TableReadOptions) -> Result<PublishedTable> {
        if opts.input.quoting == Quoting::Lenient {
            return Err(Error::value(
                "quoting",
                "lenient",
                "lenient quoting reports a warning for every relaxed field: read with PublishedTable::read_csv_with, which returns them",
            ));
        }
        PublishedTable::read_csv_with(reader, opts).map(|(table, _)| table)
    }

    /// [`PublishedTable::read_csv`] returning also the warnings of the fields read under
    /// lenient quoting (`opts.input.quoting`; none under strict quoting).
    ///
    /// ```
    /// use sunlit::{PublishedTable, input::{InputOptions, Quoting}, tables::TableReadOptions};
    /// let csv = "code,name,合计\n208,x,\"1,0\"00\n";
    /// let strict = TableReadOptions::default();
    /// assert!(PublishedTable::read_csv_with(csv.as_bytes(), &strict).is_err());
    /// let lenient = TableReadOptions {
    ///     input: InputOptions { quoting: Quoting::Lenient, ..Default::default() },
    ///     ..Default::default()
    /// };
    /// let (t, findings) = PublishedTable::read_csv_with(csv.as_bytes(), &lenient).unwrap();
    /// assert_eq!(t.rows()[0].cells[0].unwrap().to_string(), "1000");
    /// assert_eq!(findings[0].column.as_deref(), Some("合计"));
    /// ```
    pub fn read_csv_with<R: Read>(
        reader: R,
        opts: &TableReadOptions,
    ) -> Result<(PublishedTable, Vec<Finding>)> {
        let (mut reader, all_names) = crate::io::open_csv(reader, &opts.input)?;
        let header = CsvHeader::parse(all_names)?;
        let kind = resolve_kind(opts);
        // Validate the columns before reading rows, so a bad header is reported as such.
        let mut table = PublishedTable::new(kind, opts.unit, header.columns.clone(), Vec::new())?;
        while let Some(rec) = reader.next_record(&header.all_names)? {
            if rec.fields.len() != header.all_names.len() {
                return Err(crate::io::width_error(&rec, &header.all_names));
            }
            if let Some(row) = header.row(rec.line, &rec.fields, kind)? {
                table.rows.push(row);
            }
        }
        table.title = opts.title.clone();
        table.settle_sides();
        let findings = reader
            .relaxed
            .iter()
            .map(|r| crate::io::relaxed_finding(r, &header.all_names))
            .collect();
        Ok((table, findings))
    }

    /// [`PublishedTable::read_csv`] from a string.
    ///
    /// ```
    /// use sunlit::{PublishedTable, tables::TableReadOptions};
    /// assert!(PublishedTable::read_csv_str("code,name\n", &TableReadOptions::default()).is_err());
    /// ```
    pub fn read_csv_str(text: &str, opts: &TableReadOptions) -> Result<PublishedTable> {
        PublishedTable::read_csv(text.as_bytes(), opts)
    }

    /// [`PublishedTable::read_csv`] from a file. Without a kind or title in `opts`, the file
    /// name is tried as a title (`一般公共预算支出功能分类预算表.csv`).
    ///
    /// ```
    /// use sunlit::{Error, PublishedTable, tables::TableReadOptions};
    /// let r = PublishedTable::read_csv_path("/no/such/收入决算表.csv", &TableReadOptions::default());
    /// assert!(matches!(r, Err(Error::File { .. })));
    /// ```
    pub fn read_csv_path(
        path: impl AsRef<Path>,
        opts: &TableReadOptions,
    ) -> Result<PublishedTable> {
        let path = path.as_ref();
        let mut opts = opts.clone();
        if opts.kind.is_none() && opts.title.is_none() {
            opts.kind = path
                .file_stem()
                .and_then(|s| s.to_str())
                .and_then(TableKind::from_title);
        }
        read_file(path, |file| {
            PublishedTable::read_csv(std::io::BufReader::new(file), &opts)
        })
    }

    /// Read a table from JSON: `{"title", "kind", "unit", "columns": [...], "rows": [{"code",
    /// "name", "cells": {column: amount}}]}`. `kind` and `title` are optional, `unit` defaults to
    /// 元; a code is a string (or an array of split parts) or null; amounts are strings or
    /// integers — a fractional JSON number is refused. Errors name the 1-based row as `line`.
    ///
    /// ```
    /// use sunlit::{Error, PublishedTable};
    /// let ok = r#"{"kind": "budget_three_public", "unit": "万元", "columns": ["合计", "公务接待费"],
    ///             "rows": [{"name": "预算数", "cells": {"合计": "0.46", "公务接待费": "0.46"}}]}"#;
    /// let t = PublishedTable::from_json(ok).unwrap();
    /// assert_eq!(t.rows()[0].cells[0].unwrap().to_string(), "0.46");
    /// let float = ok.replace("\"0.46\"", "0.46");
    /// assert!(matches!(PublishedTable::from_json(&float), Err(Error::Input { line: 1, .. })));
    /// ```
    pub fn from_json(text: &str) -> Result<PublishedTable> {
        PublishedTable::from_json_with(text, &InputOptions::default())
    }

    /// [`PublishedTable::from_json`] with [`InputOptions`] (its limits: size, rows, string
    /// length, depth). A duplicate key is an error naming its line and key; so are two cell keys
    /// that are one column once trimmed (`"合计"` and `" 合计 "`).
    ///
    /// ```
    /// use sunlit::{Error, PublishedTable, input::{InputOptions, Limits}};
    /// let dup = r#"{"columns": ["合计"], "rows": [{"name": "x", "cells": {"合计": "9.99", "合计": "1.00"}}]}"#;
    /// assert!(matches!(PublishedTable::from_json(dup), Err(Error::Input { line: 1, ref column, .. }) if column == "合计"));
    /// let shallow = InputOptions { limits: Limits { max_json_depth: 2, ..Limits::default() }, ..Default::default() };
    /// let ok = r#"{"columns": ["合计"], "rows": [{"name": "x", "cells": {"合计": "1"}}]}"#;
    /// assert!(matches!(PublishedTable::from_json_with(ok, &shallow), Err(Error::Limit { value: 3, cap: 2, .. })));
    /// ```
    pub fn from_json_with(text: &str, opts: &InputOptions) -> Result<PublishedTable> {
        let value = crate::io::parse_json_with(text, &opts.limits)?;
        let err = json_err;
        let Value::Object(map) = value else {
            return Err(err(
                0,
                "",
                String::new(),
                "a JSON table is an object with columns and rows",
            ));
        };
        for key in map.keys() {
            if !matches!(key.as_str(), "title" | "kind" | "unit" | "columns" | "rows") {
                return Err(err(
                    0,
                    key,
                    String::new(),
                    "unknown key; expected title, kind, unit, columns, rows",
                ));
            }
        }
        let text_of = |key: &str| -> Result<Option<String>> {
            match map.get(key) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(s)) => Ok(Some(s.clone())),
                Some(other) => Err(err(0, key, other.to_string(), "expected a string")),
            }
        };
        let title = text_of("title")?;
        let kind = text_of("kind")?
            .map(|k| TableKind::parse(&k).map_err(|e| e.at(0, "kind")))
            .transpose()?;
        let unit = text_of("unit")?
            .map(|u| Unit::parse(&u).map_err(|e| e.at(0, "unit")))
            .transpose()?
            .unwrap_or_default();
        let kind = kind.or_else(|| title.as_deref().and_then(TableKind::from_title));
        let columns = json_columns(map.get("columns"))?;
        let mut table = PublishedTable::new(kind, unit, columns.clone(), Vec::new())?;
        let rows = match map.get("rows") {
            Some(Value::Array(items)) => items.as_slice(),
            None => &[],
            Some(other) => return Err(err(0, "rows", other.to_string(), "rows must be an array")),
        };
        for (i, item) in rows.iter().enumerate() {
            let line = i as u64 + 1;
            table.rows.push(json_row(item, line, &columns, kind)?);
        }
        table.title = title;
        table.settle_sides();
        Ok(table)
    }

    /// [`PublishedTable::from_json`] from a file.
    ///
    /// ```
    /// assert!(sunlit::PublishedTable::read_json_path("/no/such.json").is_err());
    /// ```
    pub fn read_json_path(path: impl AsRef<Path>) -> Result<PublishedTable> {
        PublishedTable::read_json_path_with(path, &InputOptions::default())
    }

    /// [`PublishedTable::read_json_path`] with [`InputOptions`] (its limits). A file that is not
    /// UTF-8, or starts with a byte-order mark, is an [`Error::Input`] on the line of the first
    /// bad byte saying what was found (a GBK file is named as probably GBK).
    ///
    /// ```
    /// use sunlit::{Error, PublishedTable, input::InputOptions};
    /// let r = PublishedTable::read_json_path_with("/no/such.json", &InputOptions::default());
    /// assert!(matches!(r, Err(Error::File { .. })));
    /// ```
    pub fn read_json_path_with(
        path: impl AsRef<Path>,
        opts: &InputOptions,
    ) -> Result<PublishedTable> {
        let text = crate::io::read_json_file(path.as_ref(), &opts.limits)?;
        PublishedTable::from_json_with(&text, opts)
    }
}

fn resolve_kind(opts: &TableReadOptions) -> Option<TableKind> {
    opts.kind
        .or_else(|| opts.title.as_deref().and_then(TableKind::from_title))
}

/// An input error on `line` of a JSON table.
fn json_err(line: u64, column: &str, value: String, reason: &str) -> Error {
    Error::Input {
        cause: None,
        line,
        column: column.to_owned(),
        value,
        reason: reason.to_owned(),
    }
}

/// A JSON table's `columns`: an array of headings (trimmed).
fn json_columns(columns: Option<&Value>) -> Result<Vec<String>> {
    match columns {
        Some(Value::Array(items)) => items
            .iter()
            .map(|v| match v {
                Value::String(s) => Ok(s.trim().to_owned()),
                other => Err(json_err(
                    0,
                    "columns",
                    other.to_string(),
                    "a column heading is a string",
                )),
            })
            .collect(),
        other => Err(json_err(
            0,
            "columns",
            other.map(Value::to_string).unwrap_or_default(),
            "columns must be an array of headings",
        )),
    }
}

/// One JSON row into a [`TableRow`].
fn json_row(
    item: &Value,
    line: u64,
    columns: &[String],
    kind: Option<TableKind>,
) -> Result<TableRow> {
    let err = |column: &str, value: String, reason: &str| json_err(line, column, value, reason);
    let Value::Object(map) = item else {
        return Err(err("", item.to_string(), "each row is a JSON object"));
    };
    for key in map.keys() {
        if !matches!(key.as_str(), "code" | "name" | "cells" | "side") {
            return Err(err(
                key,
                String::new(),
                "unknown key; expected code, name, cells, side",
            ));
        }
    }
    let code = json_code(map.get("code"), line, kind)?;
    let name = match map.get("name") {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.trim().to_owned(),
        Some(other) => return Err(err("name", other.to_string(), "a name is a string")),
    };
    let cells = json_cells(map.get("cells"), line, columns)?;
    if code.is_none() && name.is_empty() {
        return Err(err(
            "name",
            String::new(),
            "a row needs a code or a label (the total row is named 合计)",
        ));
    }
    let side = match map.get("side") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(RowSide::parse(s).map_err(|e| e.at(line, "side"))?),
        Some(other) => {
            return Err(err(
                "side",
                other.to_string(),
                "a side is income / expenditure (收 / 支)",
            ));
        }
    };
    Ok(TableRow {
        line,
        code,
        name,
        cells,
        side,
    })
}

/// A JSON row's `code`: a string, an array of split parts, or absent.
fn json_code(code: Option<&Value>, line: u64, kind: Option<TableKind>) -> Result<Option<Code>> {
    let err = |value: &Value, reason: &str| json_err(line, "code", value.to_string(), reason);
    let parts: Vec<String> = match code {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(a)) => a
            .iter()
            .map(|p| match p {
                Value::String(s) => Ok(s.clone()),
                other => Err(err(other, "a split code part is a string")),
            })
            .collect::<Result<_>>()?,
        Some(other) => {
            return Err(err(other, "a code is a string or an array of split parts"));
        }
    };
    let refs: Vec<&str> = parts.iter().map(String::as_str).collect();
    row_code(&refs, kind).map_err(|e| e.at(line, "code"))
}

/// A JSON row's `cells`: an object from column heading to amount, one cell per column.
fn json_cells(
    cells: Option<&Value>,
    line: u64,
    columns: &[String],
) -> Result<Vec<Option<Decimal>>> {
    let err = |column: &str, value: String, reason: &str| json_err(line, column, value, reason);
    let mut out = vec![None; columns.len()];
    let cm = match cells {
        None | Some(Value::Null) => return Ok(out),
        Some(Value::Object(cm)) => cm,
        Some(other) => {
            return Err(err(
                "cells",
                other.to_string(),
                "cells is an object from column heading to amount",
            ));
        }
    };
    let mut given: Vec<Option<&str>> = vec![None; columns.len()];
    for (key, v) in cm {
        let Some(i) = columns.iter().position(|c| c == key.trim()) else {
            return Err(err(
                key,
                String::new(),
                "a cell of a column the table does not have",
            ));
        };
        if let Some(slot) = given.get_mut(i) {
            if let Some(first) = slot {
                return Err(err(
                    key,
                    String::new(),
                    &format!(
                        "cell keys {first:?} and {key:?} are the same column once trimmed: give each column once"
                    ),
                ));
            }
            *slot = Some(key);
        }
        let text = match v {
            Value::Null => continue,
            Value::String(s) => s.clone(),
            Value::Number(n) if n.is_i64() || n.is_u64() => n.to_string(),
            Value::Number(n) => {
                return Err(err(
                    key,
                    n.to_string(),
                    "a fractional amount must be a JSON string (e.g. \"114.22\"): JSON numbers are binary floating point",
                ));
            }
            other => {
                return Err(err(
                    key,
                    other.to_string(),
                    "an amount is a string or an integer",
                ));
            }
        };
        if let Some(slot) = out.get_mut(i) {
            *slot = parse_amount(&text).map_err(|e| e.at(line, key))?;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column_of(csv: &str) -> (u64, String, String) {
        match PublishedTable::read_csv_str(csv, &TableReadOptions::default()) {
            Err(Error::Input {
                line,
                column,
                value,
                ..
            }) => (line, column, value),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_bad_split_code_names_the_column_of_its_bad_part() {
        let header = "类,款,项,name,合计\n208,05,05,ok,1\n";
        for (row, column, value) in [
            ("20,05,05", "类", "20|05|05"),
            ("2x8,05,05", "类", "2x8|05|05"),
            ("208,5,05", "款", "208|5|05"),
            ("208,0a,05", "款", "208|0a|05"),
            ("208,05,5", "项", "208|05|5"),
            ("208,05,050", "项", "208|05|050"),
            ("208,,05", "款", "208||05"),     // a skipped level
            ("108,05,05", "类", "108|05|05"), // no functional or economic code
            (",05,05", "类", "|05|05"),       // a skipped level
        ] {
            let csv = format!("{header}{row},x,1\n");
            assert_eq!(
                column_of(&csv),
                (3, column.to_owned(), value.to_owned()),
                "{row}"
            );
        }
        // Economic split codes: 类,款.
        assert_eq!(
            column_of("类,款,name,合计\n301,1,x,1\n"),
            (2, "款".to_owned(), "301|1".to_owned())
        );
        // An economic code in a functional table is the 类's fault.
        let t5 = TableReadOptions {
            kind: Some(TableKind::BudgetGeneralFunctional),
            ..Default::default()
        };
        assert!(matches!(
            PublishedTable::read_csv_str("类,款,项,name,合计\n301,01,,x,1\n", &t5),
            Err(Error::Input { ref column, .. }) if column == "类"
        ));
        // A whole code keeps naming its own column.
        assert_eq!(column_of("code,name,合计\n20805a,x,1\n").1, "code");
    }
}
