//! Readers and writers: CSV and JSON with line-and-column errors.
//!
//! Every reader either returns everything it was given or an error naming the line (CSV: the
//! physical line as an editor shows it, header = 1; JSON: the line of the text for syntax,
//! duplicate-key and depth errors, the record number for a bad value), the column and the
//! offending text. It never skips a row and never returns a partial result. CSV is split by the
//! crate's one strict splitter (`csv_strict`); JSON is parsed by `serde_json` through a visitor
//! that refuses duplicate keys and caps the nesting depth. Every reader is bounded by
//! [`Limits`]. Every file writer writes a temporary file next to the target and renames it into
//! place, so a failed write leaves the previous file intact.

use std::cell::RefCell;
use std::fs::File;
use std::io::{Read, Write};
use std::path::Path;

use serde::de::{DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use crate::csv_strict::{Record, Relaxed, Splitter, column_name};
use crate::error::{Error, Result};
use crate::finding::Finding;

pub(crate) use crate::rules::input as rules;

/// Caps on what a reader accepts, so that a hostile or broken file fails with a clear
/// [`Error::Limit`] instead of exhausting memory. Every reader takes them through its options
/// ([`InputOptions::limits`], [`TableReadOptions::input`](crate::tables::TableReadOptions::input),
/// [`ReadOptions::input`](crate::ReadOptions::input)).
///
/// ```
/// let l = sunlit::input::Limits::default();
/// assert_eq!(l.max_file_bytes, 2 << 30);
/// assert_eq!((l.max_rows, l.max_field_bytes, l.max_json_depth), (50_000_000, 1 << 20, 64));
/// assert_eq!(l.max_cells, 10_000_000);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Largest input, in bytes. Default 2 GiB (`2 << 30`): readers hold the whole input in
    /// memory with its parsed form, so 2 GiB is about the most a desktop can take; the largest
    /// published budget data sets are tens of megabytes.
    pub max_file_bytes: u64,
    /// Most CSV records (the header counts) or items of any one JSON array. Default 50,000,000:
    /// a national ledger of every unit's lines is a few million rows.
    pub max_rows: u64,
    /// Longest CSV field or JSON string, in bytes. Default 1 MiB (`1 << 20`): the longest real
    /// cells (a power's legal basis, a narrative paragraph) are a few kilobytes.
    pub max_field_bytes: u64,
    /// Deepest nesting of JSON arrays and objects. Default 64: sunlit's JSON formats nest at most
    /// five levels; `serde_json` itself stops at 128, so a cap above 128 acts as 128.
    pub max_json_depth: u64,
    /// Most positions (rows × columns, blank ones included) of one grid a document reader lays
    /// out from a sheet. Default 10,000,000: a published budget workbook has tens of thousands;
    /// a few bytes of XLSX can claim billions (cells at A1 and XFD1048576), so the grid is
    /// checked before it is built. (Runs of blank rows and columns are shortened first, see
    /// [`SourceTable`](crate::document::SourceTable).)
    pub max_cells: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_file_bytes: 2 << 30,
            max_rows: 50_000_000,
            max_field_bytes: 1 << 20,
            max_json_depth: 64,
            max_cells: 10_000_000,
        }
    }
}

/// How strictly CSV quoting is read.
///
/// ```
/// assert_eq!(sunlit::input::Quoting::default(), sunlit::input::Quoting::Strict);
/// assert_eq!(sunlit::input::Quoting::parse("lenient").unwrap(), sunlit::input::Quoting::Lenient);
/// assert!(sunlit::input::Quoting::parse("loose").is_err());
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Quoting {
    /// RFC 4180: text after a closing quote (`"1,0"00`), a quote inside an unquoted field
    /// (`1"0`) and a quote never closed are errors naming the line, column and text.
    #[default]
    Strict,
    /// For messy sources: text after a closing quote is appended to the field and a quote inside
    /// an unquoted field is kept as text; each such field is reported as an
    /// `input.relaxed_quoting` warning. A quote never closed is still an error.
    Lenient,
}

impl Quoting {
    /// The id: `strict` or `lenient`.
    ///
    /// ```
    /// assert_eq!(sunlit::input::Quoting::Lenient.id(), "lenient");
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            Quoting::Strict => "strict",
            Quoting::Lenient => "lenient",
        }
    }

    /// Parse an id (`strict`, `lenient`).
    ///
    /// ```
    /// assert!(sunlit::input::Quoting::parse("strict").is_ok());
    /// assert!(matches!(sunlit::input::Quoting::parse(""), Err(sunlit::Error::Field { .. })));
    /// ```
    pub fn parse(text: &str) -> Result<Quoting> {
        match text.trim() {
            "strict" => Ok(Quoting::Strict),
            "lenient" => Ok(Quoting::Lenient),
            other => Err(Error::value("quoting", other, "expected strict or lenient")),
        }
    }
}

/// How to read a CSV or JSON input: its quoting (CSV) and its limits. The readers' `*_with`
/// forms take it; [`TableReadOptions`](crate::tables::TableReadOptions) and
/// [`ReadOptions`](crate::ReadOptions) carry it as `input`.
///
/// ```
/// use sunlit::{Ledger, input::{InputOptions, Quoting}};
/// let csv = "year,book,phase,unit,functional,economic,nature,source,amount\n\
///            2026,general,budget,u,208,,basic,,\"1,0\"00\n";
/// assert!(Ledger::read_csv_str(csv).is_err()); // strict by default
/// let lenient = InputOptions { quoting: Quoting::Lenient, ..Default::default() };
/// let (ledger, findings) = Ledger::read_csv_with(csv.as_bytes(), &lenient).unwrap();
/// assert_eq!(ledger.len(), 1);
/// assert_eq!(findings[0].rule, "input.relaxed_quoting");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InputOptions {
    /// CSV quoting; strict unless told.
    pub quoting: Quoting,
    /// Caps on size, rows, field length and JSON depth.
    pub limits: Limits,
}

/// Read all of `reader`, at most `limits.max_file_bytes`.
pub(crate) fn read_capped<R: Read>(reader: R, limits: &Limits) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader
        .take(limits.max_file_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| Error::File {
            kind: e.kind(),
            path: "<input>".to_owned(),
            reason: e.to_string(),
        })?;
    check_size(bytes.len(), limits)?;
    Ok(bytes)
}

/// An [`Error::Limit`] if `len` bytes exceed `max_file_bytes`.
pub(crate) fn check_size(len: usize, limits: &Limits) -> Result<()> {
    if len as u64 > limits.max_file_bytes {
        return Err(Error::Limit {
            limit: "max_file_bytes".to_owned(),
            line: 0,
            value: len as u64,
            cap: limits.max_file_bytes,
        });
    }
    Ok(())
}

/// The warning for one relaxed field.
pub(crate) fn relaxed_finding(r: &Relaxed, names: &[String]) -> Finding {
    let column = column_name(names, r.field);
    Finding::new(
        &rules::RELAXED_QUOTING,
        format!(
            "第 {} 行「{column}」列引号不规范（{}），按宽松模式读作 {:?}",
            r.line, r.raw, r.read
        ),
        format!(
            "line {}, column {column:?}: malformed quoting {:?} read leniently as {:?} ({})",
            r.line, r.raw, r.read, r.what
        ),
    )
    .with_column(column)
    .with_printed(r.raw.clone())
}

/// A CSV source with a validated header: exactly the expected columns, in any order.
pub(crate) struct CsvTable {
    splitter: Splitter,
    /// For each expected column, its index in the file.
    index: Vec<usize>,
    names: Vec<String>,
    record: Record,
}

/// One row of a [`CsvTable`], fields in the expected order.
pub(crate) struct CsvRow<'a> {
    pub(crate) line: u64,
    record: &'a Record,
    index: &'a [usize],
}

impl CsvRow<'_> {
    /// The field of the `i`-th expected column.
    pub(crate) fn get(&self, i: usize) -> &str {
        self.index
            .get(i)
            .and_then(|&j| self.record.fields.get(j))
            .map_or("", String::as_str)
    }
}

/// The error for a record whose field count differs from the header's.
pub(crate) fn width_error(record: &Record, names: &[String]) -> Error {
    let (n, m) = (record.fields.len(), names.len());
    Error::Input {
        cause: None,
        line: record.line,
        column: column_name(names, n.min(m)),
        value: record.fields.join(","),
        reason: format!(
            "the row has {n} field{} but the header has {m}{}",
            if n == 1 { "" } else { "s" },
            if n < m {
                format!(
                    " (column {:?} and after are missing)",
                    column_name(names, n)
                )
            } else {
                " (extra fields at the end)".to_owned()
            }
        ),
    }
}

/// Open a CSV source with a header row: the splitter and the header names, trimmed, without a
/// UTF-8 BOM. An empty source is an error on line 1.
pub(crate) fn open_csv<R: Read>(reader: R, opts: &InputOptions) -> Result<(Splitter, Vec<String>)> {
    let bytes = read_capped(reader, &opts.limits)?;
    let mut splitter = Splitter::new(bytes, opts.quoting, &opts.limits);
    let Some(header) = splitter.next_record(&[])? else {
        return Err(Error::Input {
            cause: None,
            line: 1,
            column: String::new(),
            value: String::new(),
            reason: "the CSV is empty: a header row is needed".to_owned(),
        });
    };
    let names: Vec<String> = header.fields.iter().map(|h| h.trim().to_owned()).collect();
    Ok((splitter, names))
}

impl CsvTable {
    /// Open a CSV source whose header must hold exactly `expected` (any order). A UTF-8 BOM is
    /// ignored.
    pub(crate) fn read<R: Read>(
        reader: R,
        expected: &[&str],
        opts: &InputOptions,
    ) -> Result<CsvTable> {
        let (splitter, names) = open_csv(reader, opts)?;
        let header_err = |column: &str, reason: String| Error::Input {
            cause: None,
            line: 1,
            column: column.to_owned(),
            value: names.join(","),
            reason,
        };
        for (i, n) in names.iter().enumerate() {
            if !expected.contains(&n.as_str()) {
                return Err(header_err(
                    n,
                    format!(
                        "unknown column {n:?}; the header must be {}",
                        expected.join(",")
                    ),
                ));
            }
            if names[..i].contains(n) {
                return Err(header_err(n, format!("column {n:?} appears twice")));
            }
        }
        let mut index = Vec::with_capacity(expected.len());
        for e in expected {
            match names.iter().position(|n| n == e) {
                Some(i) => index.push(i),
                None => {
                    return Err(header_err(
                        e,
                        format!(
                            "missing column {e:?}; the header must be {}",
                            expected.join(",")
                        ),
                    ));
                }
            }
        }
        Ok(CsvTable {
            splitter,
            index,
            names,
            record: Record {
                line: 0,
                fields: Vec::new(),
            },
        })
    }

    /// Open a CSV source with whatever columns its header has (trimmed, BOM removed); row
    /// field `i` is the file's column `i`. A blank or repeated column name is an error on
    /// line 1.
    pub(crate) fn read_any<R: Read>(reader: R, opts: &InputOptions) -> Result<CsvTable> {
        let (splitter, names) = open_csv(reader, opts)?;
        for (i, n) in names.iter().enumerate() {
            if n.is_empty() || names[..i].contains(n) {
                return Err(Error::Input {
                    cause: None,
                    line: 1,
                    column: n.clone(),
                    value: names.join(","),
                    reason: if n.is_empty() {
                        format!("column {} has no name", i + 1)
                    } else {
                        format!("column {n:?} appears twice")
                    },
                });
            }
        }
        Ok(CsvTable {
            splitter,
            index: (0..names.len()).collect(),
            names,
            record: Record {
                line: 0,
                fields: Vec::new(),
            },
        })
    }

    /// The header names in file order.
    pub(crate) fn names(&self) -> &[String] {
        &self.names
    }

    /// The next row, or `None` at the end. A row whose field count differs from the header's is
    /// an error naming the first missing (or extra) column.
    pub(crate) fn next_row(&mut self) -> Result<Option<CsvRow<'_>>> {
        let Some(record) = self.splitter.next_record(&self.names)? else {
            return Ok(None);
        };
        if record.fields.len() != self.names.len() {
            return Err(width_error(&record, &self.names));
        }
        self.record = record;
        Ok(Some(CsvRow {
            line: self.record.line,
            record: &self.record,
            index: &self.index,
        }))
    }

    /// The warnings for the fields read leniently so far (none under strict quoting).
    pub(crate) fn findings(&self) -> Vec<Finding> {
        self.splitter
            .relaxed
            .iter()
            .map(|r| relaxed_finding(r, &self.names))
            .collect()
    }
}

/// The leading integer digits of a JSON number literal beyond `u64`/`i64`, printed as written,
/// with its line: `serde_json` reads such integers as binary floats, so messages would show
/// `1.2345678901234568e23` instead of what the file says.
fn big_integer_literal(text: &str) -> Option<(u64, String)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut line = 1u64;
    let mut in_string = false;
    while let Some(&b) = bytes.get(i) {
        if in_string {
            match b {
                b'\\' => i += 1,
                b'"' => in_string = false,
                b'\n' => line += 1,
                _ => {}
            }
            i += 1;
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'\n' => line += 1,
            b'-' | b'0'..=b'9' => {
                let start = i;
                i += 1;
                while let Some(c) = bytes.get(i) {
                    if !(c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-')) {
                        break;
                    }
                    i += 1;
                }
                let token = text.get(start..i).unwrap_or("");
                let integral = !token.contains(['.', 'e', 'E']);
                if integral && token.parse::<i64>().is_err() && token.parse::<u64>().is_err() {
                    return Some((line, token.to_owned()));
                }
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// What went wrong inside the visitor, kept aside so that the error can be structured.
#[derive(Default)]
struct Trouble {
    duplicate: Option<String>,
    depth: Option<u64>,
    long: Option<u64>,
    rows: Option<u64>,
    big_float: bool,
}

/// A `serde_json::Value` seed that refuses duplicate object keys and caps nesting and string
/// length.
struct ValueSeed<'a> {
    depth: u64,
    limits: &'a Limits,
    trouble: &'a RefCell<Trouble>,
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_> {
    type Value = Value;
    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        d: D,
    ) -> std::result::Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl ValueSeed<'_> {
    fn inner(&self) -> ValueSeed<'_> {
        ValueSeed {
            depth: self.depth + 1,
            limits: self.limits,
            trouble: self.trouble,
        }
    }

    fn enter<E: serde::de::Error>(&self) -> std::result::Result<(), E> {
        if self.depth + 1 > self.limits.max_json_depth {
            self.trouble.borrow_mut().depth = Some(self.depth + 1);
            return Err(E::custom(format!(
                "nesting deeper than {} levels",
                self.limits.max_json_depth
            )));
        }
        Ok(())
    }

    fn string<E: serde::de::Error>(&self, s: String) -> std::result::Result<Value, E> {
        if s.len() as u64 > self.limits.max_field_bytes {
            self.trouble.borrow_mut().long = Some(s.len() as u64);
            return Err(E::custom("string too long"));
        }
        Ok(Value::String(s))
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> std::result::Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> std::result::Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> std::result::Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> std::result::Result<Value, E> {
        if v.fract() == 0.0 && v.abs() >= 9.2e18 {
            self.trouble.borrow_mut().big_float = true;
        }
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> std::result::Result<Value, E> {
        self.string(v.to_owned())
    }
    fn visit_string<E: serde::de::Error>(self, v: String) -> std::result::Result<Value, E> {
        self.string(v)
    }
    fn visit_unit<E>(self) -> std::result::Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> std::result::Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<Value, A::Error> {
        self.enter()?;
        let mut items = Vec::new();
        while let Some(v) = seq.next_element_seed(self.inner())? {
            items.push(v);
            if items.len() as u64 > self.limits.max_rows {
                self.trouble.borrow_mut().rows = Some(items.len() as u64);
                return Err(serde::de::Error::custom("too many items"));
            }
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<Value, A::Error> {
        self.enter()?;
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if out.contains_key(&key) {
                let message = format!("duplicate key {key:?}");
                self.trouble.borrow_mut().duplicate = Some(key);
                return Err(serde::de::Error::custom(message));
            }
            let value = map.next_value_seed(self.inner())?;
            out.insert(key, value);
        }
        Ok(Value::Object(out))
    }
}

/// Parse JSON text: a syntax error, a duplicate key (in any object) or a byte-order mark is an
/// [`Error::Input`] naming its line (and the key as `column`); nesting, size or string length
/// beyond `limits` is an [`Error::Limit`]; an integer literal beyond 64 bits is an error showing
/// it as written (it would have become a binary float).
pub(crate) fn parse_json_with(text: &str, limits: &Limits) -> Result<Value> {
    check_size(text.len(), limits)?;
    if text.starts_with('\u{feff}') {
        return Err(Error::Input {
            cause: None,
            line: 1,
            column: String::new(),
            value: "\u{feff}".to_owned(),
            reason: "the JSON text starts with a UTF-8 byte-order mark (BOM, bytes EF BB BF); \
                     save it as UTF-8 without BOM"
                .to_owned(),
        });
    }
    let trouble = RefCell::new(Trouble::default());
    let mut de = serde_json::Deserializer::from_str(text);
    let seed = ValueSeed {
        depth: 0,
        limits,
        trouble: &trouble,
    };
    let parsed = seed.deserialize(&mut de).and_then(|v| de.end().map(|()| v));
    let trouble = trouble.into_inner();
    match parsed {
        Ok(value) => {
            if trouble.big_float
                && let Some((line, digits)) = big_integer_literal(text)
            {
                return Err(Error::Input {
                    cause: None,
                    line,
                    column: String::new(),
                    value: digits,
                    reason: "an integer beyond 64 bits cannot be read exactly as a JSON number; \
                             write it as a string (\"…\")"
                        .to_owned(),
                });
            }
            Ok(value)
        }
        Err(e) => {
            let line = e.line() as u64;
            if let Some(key) = trouble.duplicate {
                return Err(Error::Input {
                    cause: None,
                    line,
                    value: key.clone(),
                    column: key,
                    reason: format!("duplicate key in a JSON object: {e}"),
                });
            }
            if let Some(depth) = trouble.depth {
                return Err(Error::Limit {
                    limit: "max_json_depth".to_owned(),
                    line,
                    value: depth,
                    cap: limits.max_json_depth,
                });
            }
            if let Some(n) = trouble.rows {
                return Err(Error::Limit {
                    limit: "max_rows".to_owned(),
                    line,
                    value: n,
                    cap: limits.max_rows,
                });
            }
            if let Some(len) = trouble.long {
                return Err(Error::Limit {
                    limit: "max_field_bytes".to_owned(),
                    line,
                    value: len,
                    cap: limits.max_field_bytes,
                });
            }
            Err(Error::Input {
                cause: None,
                line: line.max(1),
                column: String::new(),
                value: String::new(),
                reason: format!("not valid JSON: {e}"),
            })
        }
    }
}

/// Read a JSON file as text: at most `limits.max_file_bytes`; a file that is not UTF-8 is an
/// [`Error::Input`] naming the line of the first bad byte and showing it (with its GBK reading
/// when it has one).
pub(crate) fn read_json_file(path: &Path, limits: &Limits) -> Result<String> {
    let bytes = read_file(path, |f| read_capped(f, limits))?;
    json_text(bytes)
}

/// JSON bytes as text; see [`read_json_file`].
pub(crate) fn json_text(bytes: Vec<u8>) -> Result<String> {
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let bytes = e.into_bytes();
        let before = bytes.get(..at).unwrap_or_default();
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count() as u64;
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        let line_end = bytes
            .get(at..)
            .and_then(|r| r.iter().position(|&b| b == b'\n'))
            .map_or(bytes.len(), |p| at + p);
        let shown = bytes.get(line_start..line_end).unwrap_or_default();
        let (value, reason) = crate::csv_strict::describe_non_utf8(shown, at - line_start);
        Error::Input {
            cause: None,
            line,
            column: String::new(),
            value,
            reason: format!("JSON must be UTF-8: {reason}"),
        }
    })
}

pub(crate) fn open(path: &Path) -> Result<File> {
    File::open(path).map_err(|e| Error::io(path, &e))
}

pub(crate) fn write_err(e: impl std::fmt::Display) -> Error {
    Error::File {
        kind: std::io::ErrorKind::Other,
        path: "<output>".to_owned(),
        reason: e.to_string(),
    }
}

/// Read a file with `read`, naming the path in I/O errors.
pub(crate) fn read_file<T>(path: &Path, read: impl FnOnce(File) -> Result<T>) -> Result<T> {
    read(open(path)?).map_err(|e| match e {
        Error::File { reason, kind, .. } => Error::File {
            kind,
            path: path.display().to_string(),
            reason,
        },
        other => other,
    })
}

/// Collect what `write` writes into a string.
pub(crate) fn write_string(write: impl FnOnce(&mut Vec<u8>) -> Result<()>) -> Result<String> {
    let mut buf = Vec::new();
    write(&mut buf)?;
    String::from_utf8(buf).map_err(write_err)
}

/// Write a file atomically: `write` fills a temporary file in the target's directory, which is
/// then flushed, synced and renamed over `path`. If anything fails, the temporary file is
/// removed and a previous file at `path` is left exactly as it was.
pub(crate) fn write_file(
    path: &Path,
    write: impl FnOnce(&mut std::io::BufWriter<File>) -> Result<()>,
) -> Result<()> {
    let name_io = |e: Error| match e {
        Error::File { reason, kind, .. } => Error::File {
            kind,
            path: path.display().to_string(),
            reason,
        },
        other => other,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let tmp = tempfile::Builder::new()
        .prefix(".sunlit-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| Error::io(path, &e))?;
    let (file, tmp_path) = tmp.into_parts();
    let mut w = std::io::BufWriter::new(file);
    write(&mut w).map_err(name_io)?;
    let file = w.into_inner().map_err(|e| Error::io(path, e.error()))?;
    file.sync_all().map_err(|e| Error::io(path, &e))?;
    tempfile::NamedTempFile::from_parts(file, tmp_path)
        .persist(path)
        .map_err(|e| Error::io(path, &e.error))?;
    Ok(())
}

/// [`write_file`] of bytes already in memory.
pub(crate) fn write_bytes(path: &Path, bytes: &[u8]) -> Result<()> {
    write_file(path, |w| w.write_all(bytes).map_err(write_err))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::budget::Ledger;

    const HEADER: &str = "year,book,phase,unit,functional,economic,nature,source,amount";

    fn err_of(text: &str) -> (u64, String, String) {
        match Ledger::read_csv_str(text) {
            Err(Error::Input {
                line,
                column,
                value,
                ..
            }) => (line, column, value),
            other => panic!("expected an input error, got {other:?}"),
        }
    }

    #[test]
    fn header_must_be_exact() {
        let (line, column, _) = err_of("year,book,phase,unit,functional,economic,nature,source\n");
        assert_eq!((line, column.as_str()), (1, "amount"));
        let (_, column, _) = err_of(&format!("{HEADER},extra\n"));
        assert_eq!(column, "extra");
        let reordered = "amount,year,book,phase,unit,functional,economic,nature,source\n5,2026,general,budget,u,208,,basic,\n";
        assert_eq!(Ledger::read_csv_str(reordered).unwrap().len(), 1);
        let bom = format!("\u{feff}{HEADER}\n2026,general,budget,u,208,,basic,,1\n");
        assert_eq!(Ledger::read_csv_str(&bom).unwrap().len(), 1);
    }

    #[test]
    fn ragged_rows_are_errors() {
        let (line, _, _) = err_of(&format!(
            "{HEADER}\n2026,general,budget,u,208,,basic,,1\n2026,general\n"
        ));
        assert_eq!(line, 3);
    }

    #[test]
    fn quoted_newlines_keep_physical_lines() {
        let text = format!(
            "{HEADER}\n2026,general,budget,\"a\nb\",208,,basic,,1\n2026,general,budget,u,208,,basic,,x\n"
        );
        let (line, column, value) = err_of(&text);
        assert_eq!((line, column.as_str(), value.as_str()), (4, "amount", "x"));
    }

    #[test]
    fn json_errors_are_located() {
        let bad = r#"[{"year":2026,"book":"general","phase":"budget","unit":"u","functional":"208","nature":"basic","amount":"1"},
                     {"year":2026,"book":"general","phase":"budget","unit":"u","functional":"208","nature":"basic","amount":"1","colour":"red"}]"#;
        assert!(
            matches!(Ledger::from_json(bad), Err(Error::Input { line: 2, ref column, .. }) if column == "colour")
        );
    }

    #[test]
    fn a_write_failing_midway_leaves_the_previous_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.csv");
        std::fs::write(&path, "old content").unwrap();
        let r = write_file(&path, |w| {
            w.write_all(b"new, partial").map_err(write_err)?;
            w.flush().map_err(write_err)?;
            Err(Error::overflow("a failure half-way"))
        });
        assert!(r.is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old content");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left"
        );
        write_bytes(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
