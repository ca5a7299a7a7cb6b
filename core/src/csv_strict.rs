//! The crate's one CSV record splitter: RFC 4180 (comma-separated, `"` quoting with `""`
//! escapes), strict by default, with exact physical line numbers.
//!
//! Every CSV reader of the crate (ledgers, published tables, power lists, change logs, report
//! tables, catalogues and CSV documents) splits records here, so that all of them agree on:
//!
//! - **Line numbers**: a record's line is the physical line it starts on, as an editor shows
//!   it: CRLF, LF and a lone CR each end a line, blank lines are skipped but counted, and a
//!   quoted field holding line breaks moves the following records down.
//! - **Quoting** ([`Quoting::Strict`], the default): text after a closing quote (`"1,0"00`), a
//!   quote inside an unquoted field (`1"0`) and a quote never closed are errors naming the line,
//!   the column and the text. [`Quoting::Lenient`] keeps such text literally and reports every
//!   relaxed field (a quote never closed stays an error: it would swallow the rest of the file).
//! - **Encoding**: the splitter works on bytes; a field that is not valid UTF-8 is an error
//!   naming its line and column and showing the bytes (and their GBK reading, when they have one).
//! - **Limits**: rows and field length are capped by [`Limits`].

use crate::error::{Error, Result};
use crate::io::{Limits, Quoting};

/// One record with the physical line it starts on.
#[derive(Debug)]
pub(crate) struct Record {
    /// 1-based physical line of the record's first byte.
    pub(crate) line: u64,
    /// The fields, unquoted.
    pub(crate) fields: Vec<String>,
}

/// A field read under [`Quoting::Lenient`] that strict reading would have refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Relaxed {
    /// 1-based physical line of the field.
    pub(crate) line: u64,
    /// 0-based field index in its record.
    pub(crate) field: usize,
    /// The field as written in the file.
    pub(crate) raw: String,
    /// The field as read.
    pub(crate) read: String,
    /// What was relaxed.
    pub(crate) what: &'static str,
}

/// The name of field `i`: its header name, or `field N` (1-based).
pub(crate) fn column_name(names: &[String], i: usize) -> String {
    names
        .get(i)
        .filter(|n| !n.is_empty())
        .cloned()
        .unwrap_or_else(|| format!("field {}", i + 1))
}

/// Show bytes that are not UTF-8: their lossy text, their hex, and their GBK reading if they have
/// one (a GBK file read as UTF-8 is the usual cause).
pub(crate) fn describe_non_utf8(bytes: &[u8], bad_at: usize) -> (String, String) {
    let shown = String::from_utf8_lossy(bytes).into_owned();
    let end = bytes.len().min(bad_at.saturating_add(4));
    let hex: Vec<String> = bytes
        .get(bad_at..end)
        .unwrap_or_default()
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect();
    let (gbk, _, malformed) = encoding_rs::GB18030.decode(bytes);
    let hint = if malformed {
        String::new()
    } else {
        format!("; the bytes read as GBK/GB18030 {gbk:?} — the file is probably GBK")
    };
    (
        shown,
        format!(
            "not valid UTF-8: bytes {} at byte {bad_at} of the text{hint}; save the file as UTF-8",
            hex.join(" ")
        ),
    )
}

/// Splits bytes into records, one at a time.
pub(crate) struct Splitter {
    bytes: Vec<u8>,
    pos: usize,
    line: u64,
    quoting: Quoting,
    limits: Limits,
    records: u64,
    /// The fields relaxed so far (lenient quoting only).
    pub(crate) relaxed: Vec<Relaxed>,
}

impl Splitter {
    /// A splitter over `bytes`; a leading UTF-8 byte-order mark is skipped.
    pub(crate) fn new(bytes: Vec<u8>, quoting: Quoting, limits: &Limits) -> Splitter {
        let pos = if bytes.starts_with(b"\xEF\xBB\xBF") {
            3
        } else {
            0
        };
        Splitter {
            bytes,
            pos,
            line: 1,
            quoting,
            limits: limits.clone(),
            records: 0,
            relaxed: Vec::new(),
        }
    }

    fn at(&self, i: usize) -> Option<u8> {
        self.bytes.get(i).copied()
    }

    /// Consume a line break at the current position (CRLF, LF or lone CR), if any.
    fn eat_break(&mut self) -> bool {
        match self.at(self.pos) {
            Some(b'\r') => {
                self.pos += 1;
                if self.at(self.pos) == Some(b'\n') {
                    self.pos += 1;
                }
                self.line += 1;
                true
            }
            Some(b'\n') => {
                self.pos += 1;
                self.line += 1;
                true
            }
            _ => false,
        }
    }

    fn raw(&self, from: usize, to: usize) -> String {
        String::from_utf8_lossy(self.bytes.get(from..to).unwrap_or_default()).into_owned()
    }

    /// The end of the current field's raw text (the next comma or line break outside quotes,
    /// approximately: used only to show the text of a malformed field).
    fn field_end(&self, from: usize) -> usize {
        let mut i = from;
        while let Some(b) = self.at(i) {
            if matches!(b, b',' | b'\r' | b'\n') {
                break;
            }
            i += 1;
        }
        i
    }

    /// The next record, or `None` at the end. `names` name the columns in errors.
    pub(crate) fn next_record(&mut self, names: &[String]) -> Result<Option<Record>> {
        // Blank lines: skipped, counted.
        while self.eat_break() {}
        if self.pos >= self.bytes.len() {
            return Ok(None);
        }
        self.count_record()?;
        let start_line = self.line;
        let mut fields = Vec::new();
        loop {
            let field = Field {
                names,
                index: fields.len(),
                line: self.line,
                start: self.pos,
            };
            self.next_field(field, &mut fields)?;
            match self.at(self.pos) {
                Some(b',') => self.pos += 1,
                _ => {
                    self.eat_break();
                    break;
                }
            }
        }
        Ok(Some(Record {
            line: start_line,
            fields,
        }))
    }

    /// Count one more record against [`Limits::max_rows`].
    #[inline(always)]
    fn count_record(&mut self) -> Result<()> {
        self.records += 1;
        if self.records > self.limits.max_rows {
            return Err(Error::Limit {
                limit: "max_rows".to_owned(),
                line: self.line,
                value: self.records,
                cap: self.limits.max_rows,
            });
        }
        Ok(())
    }

    /// Read the field starting at the current position, up to (not including) the comma or line
    /// break that ends it, onto `fields`.
    #[inline(always)]
    fn next_field(&mut self, field: Field<'_>, fields: &mut Vec<String>) -> Result<()> {
        let mut buf: Vec<u8> = Vec::new();
        if self.at(self.pos) == Some(b'"') {
            self.pos += 1;
            self.quoted_field(field, &mut buf)?;
            self.after_closing_quote(field, &mut buf)?;
        } else {
            self.unquoted_field(field, &mut buf)?;
        }
        if buf.len() as u64 > self.limits.max_field_bytes {
            return Err(Error::Limit {
                limit: "max_field_bytes".to_owned(),
                line: field.line,
                value: buf.len() as u64,
                cap: self.limits.max_field_bytes,
            });
        }
        match String::from_utf8(buf) {
            Ok(t) => {
                fields.push(t);
                Ok(())
            }
            Err(e) => Err(non_utf8_field(field, e)),
        }
    }

    /// Read a quoted field's content after its opening quote, through its closing quote: `""` is
    /// one quote, line breaks are kept as written.
    #[inline(always)]
    fn quoted_field(&mut self, field: Field<'_>, buf: &mut Vec<u8>) -> Result<()> {
        loop {
            match self.at(self.pos) {
                None => {
                    let shown: String = self.raw(field.start, self.bytes.len());
                    let shown: String = shown.chars().take(60).collect();
                    return Err(field.quote_error(
                        field.line,
                        shown,
                        "a quoted field is never closed before the end of the file",
                    ));
                }
                Some(b'"') if self.at(self.pos + 1) == Some(b'"') => {
                    buf.push(b'"');
                    self.pos += 2;
                }
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(());
                }
                Some(b'\r' | b'\n') => {
                    let from = self.pos;
                    self.eat_break();
                    buf.extend_from_slice(self.bytes.get(from..self.pos).unwrap_or_default());
                }
                Some(b) => {
                    buf.push(b);
                    self.pos += 1;
                }
            }
        }
    }

    /// Text after a closing quote: an error when strict, kept (and reported) when lenient.
    #[inline(always)]
    fn after_closing_quote(&mut self, field: Field<'_>, buf: &mut Vec<u8>) -> Result<()> {
        if matches!(self.at(self.pos), None | Some(b',' | b'\r' | b'\n')) {
            return Ok(());
        }
        let end = self.field_end(self.pos);
        let raw = self.raw(field.start, end);
        match self.quoting {
            Quoting::Strict => Err(field.quote_error(
                self.line,
                raw,
                "text after the closing quote of a quoted field (quote the whole field, doubling inner quotes)",
            )),
            Quoting::Lenient => {
                buf.extend_from_slice(self.bytes.get(self.pos..end).unwrap_or_default());
                self.pos = end;
                self.relaxed.push(Relaxed {
                    line: self.line,
                    field: field.index,
                    read: String::from_utf8_lossy(buf).into_owned(),
                    raw,
                    what: "text after the closing quote was kept",
                });
                Ok(())
            }
        }
    }

    /// Read an unquoted field; a quote inside it is an error when strict, kept (and reported)
    /// when lenient.
    #[inline(always)]
    fn unquoted_field(&mut self, field: Field<'_>, buf: &mut Vec<u8>) -> Result<()> {
        let mut bare_quote = false;
        while let Some(b) = self.at(self.pos) {
            if matches!(b, b',' | b'\r' | b'\n') {
                break;
            }
            if b == b'"' {
                if self.quoting == Quoting::Strict {
                    let end = self.field_end(self.pos);
                    return Err(field.quote_error(
                        self.line,
                        self.raw(field.start, end),
                        "a quote inside an unquoted field (quote the whole field, doubling inner quotes)",
                    ));
                }
                bare_quote = true;
            }
            buf.push(b);
            self.pos += 1;
        }
        if bare_quote {
            let text = String::from_utf8_lossy(buf).into_owned();
            self.relaxed.push(Relaxed {
                line: self.line,
                field: field.index,
                raw: text.clone(),
                read: text,
                what: "a quote inside an unquoted field was kept as text",
            });
        }
        Ok(())
    }
}

/// Where a field being read is: what its errors name.
#[derive(Clone, Copy)]
struct Field<'a> {
    /// The column names.
    names: &'a [String],
    /// 0-based field index in its record.
    index: usize,
    /// 1-based physical line the field starts on.
    line: u64,
    /// Byte offset of the field's first byte (its opening quote, if quoted).
    start: usize,
}

impl Field<'_> {
    /// A malformed-quoting error at `line`, showing `value`.
    #[cold]
    fn quote_error(&self, line: u64, value: String, what: &str) -> Error {
        Error::Input {
            cause: None,
            line,
            column: column_name(self.names, self.index),
            value,
            reason: format!("malformed CSV quoting: {what}"),
        }
    }
}

/// The error for a field that is not UTF-8, on the physical line of its first bad byte.
#[cold]
fn non_utf8_field(field: Field<'_>, e: std::string::FromUtf8Error) -> Error {
    let bad = e.utf8_error().valid_up_to();
    let bytes = e.into_bytes();
    let before = bytes.get(..bad).unwrap_or_default();
    let line = field.line
        + before
            .iter()
            .enumerate()
            .filter(|&(k, &b)| b == b'\n' || (b == b'\r' && before.get(k + 1) != Some(&b'\n')))
            .count() as u64;
    let (value, reason) = describe_non_utf8(&bytes, bad);
    Error::Input {
        cause: None,
        line,
        column: column_name(field.names, field.index),
        value,
        reason,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &[u8], quoting: Quoting) -> Result<Vec<(u64, Vec<String>)>> {
        let mut s = Splitter::new(text.to_vec(), quoting, &Limits::default());
        let mut out = Vec::new();
        while let Some(r) = s.next_record(&[])? {
            out.push((r.line, r.fields));
        }
        Ok(out)
    }

    #[test]
    fn physical_lines() {
        let r = split(b"a,b\r\n\r\n1,2\r3,\"x\ny\"\n\n4,5", Quoting::Strict).unwrap();
        let lines: Vec<u64> = r.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [1, 3, 4, 7]);
        assert_eq!(r[2].1, ["3", "x\ny"]);
        let r = split(b"a\r\rb\r\"c\r\r\"\rd", Quoting::Strict).unwrap();
        let lines: Vec<u64> = r.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [1, 3, 4, 7]);
        // A trailing comma makes an empty last field; an empty line at the end adds nothing.
        assert_eq!(split(b"a,\n\n", Quoting::Strict).unwrap()[0].1, ["a", ""]);
    }

    #[test]
    fn strict_and_lenient_quoting() {
        for bad in [&b"a,\"1,0\"00\n"[..], b"a,1\"0\n", b"\"x\"\"y\" ,1\n"] {
            let e = split(bad, Quoting::Strict).unwrap_err();
            assert!(
                matches!(&e, Error::Input { line: 1, column, reason, .. } if column.starts_with("field") && reason.contains("malformed CSV quoting")),
                "{e:?}"
            );
        }
        let e = split(b"a\n\"open\nmore\n", Quoting::Lenient).unwrap_err();
        assert!(matches!(e, Error::Input { line: 2, .. }), "{e:?}");
        let mut s = Splitter::new(
            b"a,\"1,0\"00,1\"0\n".to_vec(),
            Quoting::Lenient,
            &Limits::default(),
        );
        let r = s.next_record(&[]).unwrap().unwrap();
        assert_eq!(r.fields, ["a", "1,000", "1\"0"]);
        assert_eq!(s.relaxed.len(), 2);
        assert_eq!(s.relaxed[0].raw, "\"1,0\"00");
    }

    #[test]
    fn limits() {
        let limits = Limits {
            max_rows: 2,
            max_field_bytes: 3,
            ..Limits::default()
        };
        let mut s = Splitter::new(b"a\nb\nc\n".to_vec(), Quoting::Strict, &limits);
        assert!(s.next_record(&[]).unwrap().is_some());
        assert!(s.next_record(&[]).unwrap().is_some());
        assert!(matches!(
            s.next_record(&[]),
            Err(Error::Limit {
                line: 3,
                value: 3,
                cap: 2,
                ..
            })
        ));
        let mut s = Splitter::new(b"abc\nabcd\n".to_vec(), Quoting::Strict, &limits);
        assert!(s.next_record(&[]).unwrap().is_some());
        assert!(matches!(
            s.next_record(&[]),
            Err(Error::Limit {
                line: 2,
                value: 4,
                cap: 3,
                ..
            })
        ));
    }

    #[test]
    fn non_utf8_is_named_and_shown() {
        let (gbk, _, _) = encoding_rs::GBK.encode("教育");
        let mut bytes = b"a,b\n1,\"x\n".to_vec();
        bytes.extend_from_slice(&gbk);
        bytes.extend_from_slice(b"\"\n");
        let mut s = Splitter::new(bytes, Quoting::Strict, &Limits::default());
        let names = vec!["a".to_owned(), "b".to_owned()];
        s.next_record(&names).unwrap();
        let e = s.next_record(&names).unwrap_err();
        let Error::Input {
            line,
            column,
            value,
            reason,
            ..
        } = e
        else {
            panic!("{e:?}")
        };
        assert_eq!((line, column.as_str()), (3, "b"));
        assert!(value.starts_with('x'), "{value}");
        assert!(
            reason.contains("GBK") && reason.contains("教育"),
            "{reason}"
        );
    }
}
