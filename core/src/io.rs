//! Readers and writers: CSV and JSON with line-and-column errors.
//!
//! Every reader either returns everything it was given or an error naming the line (CSV: the
//! physical line, header = 1; JSON: the record number), the column and the offending text. It
//! never skips a row and never returns a partial result.

use std::fs::File;
use std::io::{Read, Write};
use std::path::Path;

use serde::Serialize;
use serde_json::Value;

use crate::budget::{Ledger, LineRecord};
use crate::error::{Error, Result};
use crate::money::format_amount;

/// A CSV source with a validated header: exactly the expected columns, in any order.
pub(crate) struct CsvTable<R: Read> {
    reader: csv::Reader<R>,
    /// For each expected column, its index in the file.
    index: Vec<usize>,
    names: Vec<String>,
    record: csv::StringRecord,
}

/// One row of a [`CsvTable`], fields in the expected order.
pub(crate) struct CsvRow<'a> {
    pub(crate) line: u64,
    record: &'a csv::StringRecord,
    index: &'a [usize],
}

impl CsvRow<'_> {
    /// The field of the `i`-th expected column.
    pub(crate) fn get(&self, i: usize) -> &str {
        self.index
            .get(i)
            .and_then(|&j| self.record.get(j))
            .unwrap_or("")
    }
}

pub(crate) fn csv_error(err: &csv::Error, names: &[String]) -> Error {
    let line = err.position().map_or(0, csv::Position::line);
    match err.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => Error::Input {
            line,
            column: String::new(),
            value: String::new(),
            reason: format!("the row has {len} fields but the header has {expected_len}"),
        },
        csv::ErrorKind::Utf8 { err: e, .. } => Error::Input {
            line,
            column: names.get(e.field()).cloned().unwrap_or_default(),
            value: String::new(),
            reason: "the text is not valid UTF-8 (save the file as UTF-8)".to_owned(),
        },
        csv::ErrorKind::Io(e) => Error::Io {
            path: "<csv>".to_owned(),
            reason: e.to_string(),
        },
        _ => Error::Input {
            line,
            column: String::new(),
            value: String::new(),
            reason: err.to_string(),
        },
    }
}

/// Open a CSV source with a header row: the reader and the header names, trimmed, without a
/// UTF-8 BOM. Rows must all have the header's number of fields.
pub(crate) fn open_csv<R: Read>(reader: R) -> Result<(csv::Reader<R>, Vec<String>)> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(reader);
    let header = reader.headers().map_err(|e| csv_error(&e, &[]))?.clone();
    let names: Vec<String> = header
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let h = if i == 0 {
                h.trim_start_matches('\u{feff}')
            } else {
                h
            };
            h.trim().to_owned()
        })
        .collect();
    Ok((reader, names))
}

impl<R: Read> CsvTable<R> {
    /// Open a CSV source whose header must hold exactly `expected` (any order). A UTF-8 BOM is
    /// ignored.
    pub(crate) fn read(reader: R, expected: &[&str]) -> Result<CsvTable<R>> {
        let (reader, names) = open_csv(reader)?;
        let header_err = |column: &str, reason: String| Error::Input {
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
            reader,
            index,
            names,
            record: csv::StringRecord::new(),
        })
    }

    /// Open a CSV source with whatever columns its header has (trimmed, BOM removed); row
    /// field `i` is the file's column `i`. A blank or repeated column name is an error on
    /// line 1.
    pub(crate) fn read_any(reader: R) -> Result<CsvTable<R>> {
        let (reader, names) = open_csv(reader)?;
        for (i, n) in names.iter().enumerate() {
            if n.is_empty() || names[..i].contains(n) {
                return Err(Error::Input {
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
            reader,
            index: (0..names.len()).collect(),
            names,
            record: csv::StringRecord::new(),
        })
    }

    /// The header names in file order.
    pub(crate) fn names(&self) -> &[String] {
        &self.names
    }

    /// The next row, or `None` at the end.
    pub(crate) fn next_row(&mut self) -> Result<Option<CsvRow<'_>>> {
        let more = self
            .reader
            .read_record(&mut self.record)
            .map_err(|e| csv_error(&e, &self.names))?;
        if !more {
            return Ok(None);
        }
        let line = self.record.position().map_or(0, csv::Position::line);
        Ok(Some(CsvRow {
            line,
            record: &self.record,
            index: &self.index,
        }))
    }
}

/// Parse JSON text; a syntax error is an [`Error::Input`] naming its line.
pub(crate) fn parse_json(text: &str) -> Result<Value> {
    serde_json::from_str(text).map_err(|e| Error::Input {
        line: e.line() as u64,
        column: String::new(),
        value: String::new(),
        reason: format!("not valid JSON: {e}"),
    })
}

pub(crate) fn open(path: &Path) -> Result<File> {
    File::open(path).map_err(|e| Error::io(path, &e))
}

pub(crate) fn write_err(e: impl std::fmt::Display) -> Error {
    Error::Io {
        path: "<output>".to_owned(),
        reason: e.to_string(),
    }
}

/// Read a file with `read`, naming the path in I/O errors.
pub(crate) fn read_file<T>(path: &Path, read: impl FnOnce(File) -> Result<T>) -> Result<T> {
    read(open(path)?).map_err(|e| match e {
        Error::Io { reason, .. } => Error::Io {
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

/// Create a file and write it with `write` through a buffer.
pub(crate) fn write_file(
    path: &Path,
    write: impl FnOnce(std::io::BufWriter<File>) -> Result<()>,
) -> Result<()> {
    let file = File::create(path).map_err(|e| Error::io(path, &e))?;
    write(std::io::BufWriter::new(file))
}

impl Ledger {
    /// Read a ledger from CSV with the header `year,book,phase,unit,functional,economic,nature,
    /// source,amount` (those nine columns, any order, an optional UTF-8 BOM). Amounts are in 元 as
    /// printed (`2,302,464`, `1234.56`). The first bad cell is an [`Error::Input`] with its line,
    /// column and text, and no ledger is returned.
    ///
    /// ```
    /// use sunlit::{Error, Ledger};
    /// let bad = "year,book,phase,unit,functional,economic,nature,source,amount\n\
    ///            2026,general,budget,u,2080505,,basic,,1e5\n";
    /// match Ledger::read_csv(bad.as_bytes()) {
    ///     Err(Error::Input { line, column, value, .. }) => {
    ///         assert_eq!((line, column.as_str(), value.as_str()), (2, "amount", "1e5"));
    ///     }
    ///     other => panic!("{other:?}"),
    /// }
    /// ```
    pub fn read_csv<R: Read>(reader: R) -> Result<Ledger> {
        let mut table = CsvTable::read(reader, &LineRecord::COLUMNS)?;
        let mut ledger = Ledger::new();
        while let Some(row) = table.next_row()? {
            let f = [
                row.get(0),
                row.get(1),
                row.get(2),
                row.get(3),
                row.get(4),
                row.get(5),
                row.get(6),
                row.get(7),
                row.get(8),
            ];
            let parts = crate::budget::ledger_parse_parts(f, row.line)?;
            ledger
                .push_line_parts(parts)
                .map_err(|e| e.at(row.line, ""))?;
        }
        Ok(ledger)
    }

    /// [`Ledger::read_csv`] from a string.
    ///
    /// ```
    /// assert!(sunlit::Ledger::read_csv_str("year,book\n").is_err()); // header incomplete
    /// ```
    pub fn read_csv_str(text: &str) -> Result<Ledger> {
        Ledger::read_csv(text.as_bytes())
    }

    /// [`Ledger::read_csv`] from a file.
    ///
    /// ```
    /// assert!(matches!(sunlit::Ledger::read_csv_path("/no/such.csv"), Err(sunlit::Error::Io { .. })));
    /// ```
    pub fn read_csv_path(path: impl AsRef<Path>) -> Result<Ledger> {
        read_file(path.as_ref(), Ledger::read_csv)
    }

    /// Write the ledger as CSV with the canonical header, amounts as plain exact digits with
    /// their scale, blank for absent economic code and source. Reading it back gives an equal
    /// ledger.
    ///
    /// ```
    /// let text = "year,book,phase,unit,functional,economic,nature,source,amount\n\
    ///             2026,general,budget,u,2080505,30108,basic,本级财力,1200.50\n";
    /// let ledger = sunlit::Ledger::read_csv_str(text).unwrap();
    /// assert_eq!(ledger.to_csv_string().unwrap(), text);
    /// ```
    pub fn write_csv<W: Write>(&self, writer: W) -> Result<()> {
        let mut w = csv::Writer::from_writer(writer);
        w.write_record(LineRecord::COLUMNS).map_err(write_err)?;
        let mut year = String::new();
        for l in self.iter() {
            year.clear();
            year.push_str(&l.year.to_string());
            let functional = l.functional.to_string();
            let economic = l.economic.map(|c| c.to_string()).unwrap_or_default();
            w.write_record([
                year.as_str(),
                l.book.id(),
                l.phase.id(),
                l.unit,
                &functional,
                &economic,
                l.nature.id(),
                l.source.unwrap_or(""),
                &format_amount(l.amount),
            ])
            .map_err(write_err)?;
        }
        w.flush().map_err(write_err)
    }

    /// [`Ledger::write_csv`] into a string.
    ///
    /// ```
    /// assert!(sunlit::Ledger::new().to_csv_string().unwrap().starts_with("year,book,phase"));
    /// ```
    pub fn to_csv_string(&self) -> Result<String> {
        write_string(|w| self.write_csv(w))
    }

    /// [`Ledger::write_csv`] into a file.
    ///
    /// ```
    /// assert!(sunlit::Ledger::new().write_csv_path("/no/such/dir/x.csv").is_err());
    /// ```
    pub fn write_csv_path(&self, path: impl AsRef<Path>) -> Result<()> {
        write_file(path.as_ref(), |w| self.write_csv(w))
    }

    /// Read a ledger from JSON: an array of objects with the nine ledger keys. `economic` and
    /// `source` may be null or missing; `year` a number or string; `amount` a string (or an
    /// integer) — a JSON fraction would have passed through binary floating point, so it is
    /// refused. Errors name the record (1-based) as `line` and the key as `column`.
    ///
    /// ```
    /// use sunlit::{Error, Ledger};
    /// let ok = r#"[{"year":2026,"book":"general","phase":"budget","unit":"u",
    ///              "functional":"2080505","nature":"basic","amount":"1200.50"}]"#;
    /// assert_eq!(Ledger::from_json(ok).unwrap().len(), 1);
    /// let float = ok.replace("\"1200.50\"", "1200.5");
    /// assert!(matches!(Ledger::from_json(&float), Err(Error::Input { line: 1, ref column, .. }) if column == "amount"));
    /// ```
    pub fn from_json(text: &str) -> Result<Ledger> {
        let value = parse_json(text)?;
        let Value::Array(items) = value else {
            return Err(Error::Input {
                line: 1,
                column: String::new(),
                value: String::new(),
                reason: "a JSON ledger is an array of line objects".to_owned(),
            });
        };
        let mut ledger = Ledger::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let line = i as u64 + 1;
            let record = json_record(item, line)?;
            ledger
                .push(record.parse(line)?)
                .map_err(|e| e.at(line, ""))?;
        }
        Ok(ledger)
    }

    /// The ledger as a JSON array (see [`Ledger::from_json`]); amounts are strings so that no
    /// digit or trailing zero is lost.
    ///
    /// ```
    /// let ledger = sunlit::Ledger::read_csv_str("year,book,phase,unit,functional,economic,nature,source,amount\n\
    ///     2026,general,budget,u,2080505,,basic,,1200.50\n").unwrap();
    /// let json = ledger.to_json();
    /// assert!(json.contains("\"amount\": \"1200.50\""));
    /// assert_eq!(sunlit::Ledger::from_json(&json).unwrap(), ledger);
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| "[]".to_owned())
    }
}

/// Convert one JSON object into a [`LineRecord`], strictly: strings as they are, integers for
/// `year` and `amount`, null for absent; a fractional JSON number is refused.
fn json_record(item: &Value, line: u64) -> Result<LineRecord> {
    let err = |column: &str, value: String, reason: &str| Error::Input {
        line,
        column: column.to_owned(),
        value,
        reason: reason.to_owned(),
    };
    let Value::Object(map) = item else {
        return Err(err(
            "",
            item.to_string(),
            "each ledger line is a JSON object",
        ));
    };
    let mut pairs = Vec::with_capacity(map.len());
    for (key, value) in map {
        let text = match value {
            Value::Null => None,
            Value::String(s) => Some(s.clone()),
            Value::Number(n)
                if (key == "year" || key == "amount") && (n.is_i64() || n.is_u64()) =>
            {
                Some(n.to_string())
            }
            Value::Number(n) if key == "amount" => {
                return Err(err(
                    key,
                    n.to_string(),
                    "a fractional amount must be a JSON string (e.g. \"1200.50\"): JSON numbers are binary floating point",
                ));
            }
            other => return Err(err(key, other.to_string(), "expected a string")),
        };
        pairs.push((key.as_str(), text));
    }
    LineRecord::from_pairs(pairs, line)
}

#[derive(Serialize)]
struct JsonLine<'a> {
    year: i32,
    book: &'a str,
    phase: &'a str,
    unit: &'a str,
    functional: String,
    economic: Option<String>,
    nature: &'a str,
    source: Option<&'a str>,
    amount: String,
}

impl Serialize for Ledger {
    /// A JSON-style array of line objects (see [`Ledger::from_json`]).
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_seq(self.iter().map(|l| JsonLine {
            year: l.year,
            book: l.book.id(),
            phase: l.phase.id(),
            unit: l.unit,
            functional: l.functional.to_string(),
            economic: l.economic.map(|c| c.to_string()),
            nature: l.nature.id(),
            source: l.source,
            amount: format_amount(l.amount),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
