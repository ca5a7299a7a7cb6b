//! Reading and writing a [`Ledger`]: CSV and JSON, with the line-and-column errors, limits and
//! atomic writes of the crate's readers and writers ([`crate::io`]).

use std::io::{Read, Write};
use std::path::Path;

use serde::Serialize;
use serde_json::Value;

use super::{Ledger, LineRecord};
use crate::error::{Error, Result};
use crate::finding::Finding;
use crate::io::{
    CsvTable, InputOptions, Quoting, parse_json_with, read_capped, read_file, write_err,
    write_file, write_string,
};
use crate::money::format_amount;

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
        Ledger::read_csv_with(reader, &InputOptions::default()).map(|(ledger, _)| ledger)
    }

    /// [`Ledger::read_csv`] with [`InputOptions`]: quoting and limits. Returns the ledger and
    /// the warnings of the fields read under [`Quoting::Lenient`](crate::input::Quoting::Lenient) (none under strict quoting).
    ///
    /// ```
    /// use sunlit::{Error, Ledger, input::{InputOptions, Quoting}};
    /// let csv = "year,book,phase,unit,functional,economic,nature,source,amount\r\n\
    ///            2026,general,budget,u,208,,basic,,\"1,0\"00\r\n";
    /// let strict = Ledger::read_csv_with(csv.as_bytes(), &InputOptions::default());
    /// assert!(matches!(strict, Err(Error::Input { line: 2, ref column, ref value, .. })
    ///     if column == "amount" && value == "\"1,0\"00"));
    /// let lenient = InputOptions { quoting: Quoting::Lenient, ..Default::default() };
    /// let (ledger, findings) = Ledger::read_csv_with(csv.as_bytes(), &lenient).unwrap();
    /// assert_eq!(ledger.len(), 1);
    /// assert_eq!(findings.len(), 1);
    /// assert!(findings[0].message_en.contains("line 2"));
    /// ```
    pub fn read_csv_with<R: Read>(
        reader: R,
        opts: &InputOptions,
    ) -> Result<(Ledger, Vec<Finding>)> {
        let bytes = read_capped(reader, &opts.limits)?;
        if opts.quoting == Quoting::Strict
            && let Some(ledger) = super::fast_csv::parse_bytes(&bytes, &opts.limits)
        {
            return Ok((ledger, Vec::new()));
        }
        Ledger::read_csv_strict(&bytes[..], opts)
    }

    /// The strict reader: every record split by the RFC 4180 splitter and validated field by
    /// field; the first bad field is the error. (The fast path hands everything it does not take
    /// to this.)
    pub(crate) fn read_csv_strict<R: Read>(
        reader: R,
        opts: &InputOptions,
    ) -> Result<(Ledger, Vec<Finding>)> {
        let mut table = CsvTable::read(reader, &LineRecord::COLUMNS, opts)?;
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
        let findings = table.findings();
        Ok((ledger, findings))
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
    /// assert!(matches!(sunlit::Ledger::read_csv_path("/no/such.csv"), Err(sunlit::Error::File { .. })));
    /// ```
    pub fn read_csv_path(path: impl AsRef<Path>) -> Result<Ledger> {
        read_file(path.as_ref(), Ledger::read_csv)
    }

    /// [`Ledger::read_csv_with`] from a file.
    ///
    /// ```
    /// let r = sunlit::Ledger::read_csv_path_with("/no/such.csv", &Default::default());
    /// assert!(matches!(r, Err(sunlit::Error::File { .. })));
    /// ```
    pub fn read_csv_path_with(
        path: impl AsRef<Path>,
        opts: &InputOptions,
    ) -> Result<(Ledger, Vec<Finding>)> {
        let path = path.as_ref();
        if opts.quoting == Quoting::Strict
            && let Ok(file) = std::fs::File::open(path)
        {
            let size = file.metadata().ok().map(|m| m.len());
            if let Some(ledger) = super::fast_csv::parse_stream(file, size, &opts.limits) {
                return Ok((ledger, Vec::new()));
            }
        }
        read_file(path, |f| Ledger::read_csv_strict(f, opts))
    }

    /// [`Ledger::read_csv_path_with`], telling `progress(bytes_read, file_size)` how far it has
    /// got: about every 4 MiB and once at the end (`file_size` is `None` when the file system does
    /// not say). For a long load in a notebook (Python: `Ledger.read_csv(path, progress=…)`,
    /// which also takes a tqdm bar). When the fast reader hands the file to the strict one (a
    /// quoted field, a bad value), reading starts again from byte 0 and so does the count.
    ///
    /// ```
    /// use sunlit::Ledger;
    /// let dir = std::env::temp_dir().join("sunlit-doc-progress");
    /// std::fs::create_dir_all(&dir).unwrap();
    /// let path = dir.join("ledger.csv");
    /// std::fs::write(&path, "year,book,phase,unit,functional,economic,nature,source,amount\n\
    ///     2026,general,budget,u,2080505,,basic,,1\n").unwrap();
    /// let mut seen = Vec::new();
    /// let (ledger, _) = Ledger::read_csv_path_with_progress(&path, &Default::default(),
    ///     &mut |done, total| seen.push((done, total))).unwrap();
    /// assert_eq!(ledger.len(), 1);
    /// let size = std::fs::metadata(&path).unwrap().len();
    /// assert_eq!(seen.last(), Some(&(size, Some(size))));
    /// assert!(Ledger::read_csv_path_with_progress("/no/such.csv", &Default::default(), &mut |_, _| {}).is_err());
    /// ```
    pub fn read_csv_path_with_progress(
        path: impl AsRef<Path>,
        opts: &InputOptions,
        progress: &mut dyn FnMut(u64, Option<u64>),
    ) -> Result<(Ledger, Vec<Finding>)> {
        let path = path.as_ref();
        if opts.quoting == Quoting::Strict
            && let Ok(file) = std::fs::File::open(path)
        {
            let size = file.metadata().ok().map(|m| m.len());
            let mut counted = Counted::new(file, size, &mut *progress);
            let fast = super::fast_csv::parse_stream(&mut counted, size, &opts.limits);
            if let Some(ledger) = fast {
                counted.finish();
                return Ok((ledger, Vec::new()));
            }
        }
        read_file(path, |f| {
            let size = f.metadata().ok().map(|m| m.len());
            let mut counted = Counted::new(f, size, &mut *progress);
            let read = Ledger::read_csv_strict(&mut counted, opts);
            counted.finish();
            read
        })
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
        Ledger::from_json_with(text, &InputOptions::default())
    }

    /// [`Ledger::from_json`] with [`InputOptions`] (its limits; quoting is for CSV). A duplicate
    /// key is an error naming its line and key.
    ///
    /// ```
    /// use sunlit::{Error, Ledger, input::InputOptions};
    /// let dup = r#"[{"year":2026,"book":"general","phase":"budget","unit":"u",
    ///     "functional":"208","nature":"basic","amount":"9.99","amount":"1.00"}]"#;
    /// let err = Ledger::from_json_with(dup, &InputOptions::default()).unwrap_err();
    /// assert!(matches!(err, Error::Input { line: 2, ref column, .. } if column == "amount"));
    /// ```
    pub fn from_json_with(text: &str, opts: &InputOptions) -> Result<Ledger> {
        let value = parse_json_with(text, &opts.limits)?;
        let Value::Array(items) = value else {
            return Err(Error::Input {
                cause: None,
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
        cause: None,
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

/// A reader that tells a callback how many bytes it has read: every [`Counted::STEP`] bytes and
/// at [`Counted::finish`].
struct Counted<'a, R> {
    inner: R,
    done: u64,
    size: Option<u64>,
    next: u64,
    report: &'a mut dyn FnMut(u64, Option<u64>),
}

impl<'a, R: Read> Counted<'a, R> {
    /// Report about every 4 MiB.
    const STEP: u64 = 4 << 20;

    fn new(inner: R, size: Option<u64>, report: &'a mut dyn FnMut(u64, Option<u64>)) -> Self {
        report(0, size);
        Counted {
            inner,
            done: 0,
            size,
            next: Self::STEP,
            report,
        }
    }

    /// The last report: everything read.
    fn finish(&mut self) {
        (self.report)(self.done, self.size);
    }
}

impl<R: Read> Read for Counted<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.done += n as u64;
        if self.done >= self.next {
            (self.report)(self.done, self.size);
            self.next = self.done + Self::STEP;
        }
        Ok(n)
    }
}
