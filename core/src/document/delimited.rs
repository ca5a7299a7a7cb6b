//! CSV files as departments and portals publish them: UTF-8 (with or without a byte-order mark),
//! GBK or GB18030, records ended by CRLF, LF or a lone CR.
//!
//! Decoding is never lossy: bytes that do not decode in the declared (or detected) encoding are an
//! error naming their byte offset and physical line. Records are split by the crate's one strict
//! CSV splitter (`crate::csv_strict`, shared with every other CSV reader) so that (a) each
//! record's physical line is known exactly (a quoted field may hold line breaks; blank lines are
//! skipped but counted) and (b) malformed quoting — text after a closing quote (`"1,0"00`), a
//! quote inside an unquoted field, a quote left open — is an error rather than a guess.

use super::source::{
    Provenance, SourceCell, SourceDocument, SourceFormat, SourceLine, SourceTable, io, to_u32,
};
use crate::csv_strict::Splitter;
use crate::error::{Error, Result};
use crate::io::{InputOptions, Quoting, check_size};

/// An encoding a CSV file can be read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CsvEncoding {
    Utf8,
    Gb18030,
}

/// The 1-based physical line holding byte `offset` (CRLF, LF and a lone CR each end a line).
fn line_of(bytes: &[u8], offset: usize) -> usize {
    let mut line = 1;
    let mut i = 0;
    let end = offset.min(bytes.len());
    while i < end {
        match bytes.get(i) {
            Some(b'\n') => line += 1,
            Some(b'\r') if bytes.get(i + 1) != Some(&b'\n') => line += 1,
            _ => {}
        }
        i += 1;
    }
    line
}

/// Parse the declared encoding name.
fn declared(path: &str, name: &str) -> Result<CsvEncoding> {
    match name
        .trim()
        .to_ascii_lowercase()
        .replace(['-', '_'], "")
        .as_str()
    {
        "utf8" | "utf8sig" => Ok(CsvEncoding::Utf8),
        // GBK and GB2312 are subsets of GB18030 (the WHATWG decoder for GBK is the GB18030 one).
        "gbk" | "gb2312" | "gb18030" | "cp936" => Ok(CsvEncoding::Gb18030),
        other => Err(io(
            path,
            format!("unknown CSV encoding `{other}`: expected utf-8, gbk or gb18030"),
        )),
    }
}

/// Decode strictly as UTF-8 (a leading BOM dropped).
fn decode_utf8(path: &str, bytes: &[u8]) -> Result<String> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let skip = bytes.len() - body.len();
    std::str::from_utf8(body).map(str::to_owned).map_err(|e| {
        let at = skip + e.valid_up_to();
        io(
            path,
            format!(
                "not valid UTF-8: undecodable byte 0x{:02X} at byte offset {at} (line {})",
                bytes.get(at).copied().unwrap_or(0),
                line_of(bytes, at)
            ),
        )
    })
}

/// Decode strictly as GB18030 (which covers GBK and GB2312): no replacement characters.
fn decode_gb18030(path: &str, bytes: &[u8]) -> Result<String> {
    let mut decoder = encoding_rs::GB18030.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(bytes.len() * 3 / 2 + 16);
    let mut pos = 0usize;
    loop {
        let rest = bytes.get(pos..).unwrap_or_default();
        if out.capacity() - out.len() < rest.len() * 3 + 16 {
            out.reserve(rest.len() * 3 + 16);
        }
        let (result, read) = decoder.decode_to_string_without_replacement(rest, &mut out, true);
        match result {
            encoding_rs::DecoderResult::InputEmpty => return Ok(out),
            encoding_rs::DecoderResult::OutputFull => {
                pos += read;
            }
            encoding_rs::DecoderResult::Malformed(len, extra) => {
                let at = (pos + read).saturating_sub(usize::from(extra) + usize::from(len));
                return Err(io(
                    path,
                    format!(
                        "not valid GBK/GB18030: undecodable byte 0x{:02X} at byte offset {at} (line {})",
                        bytes.get(at).copied().unwrap_or(0),
                        line_of(bytes, at)
                    ),
                ));
            }
        }
    }
}

/// Decode the file: the declared encoding, or detected (valid UTF-8, else strict GB18030, else
/// an error naming the first byte that is neither).
pub(crate) fn decode(path: &str, bytes: &[u8], encoding: Option<&str>) -> Result<String> {
    match encoding.map(|e| declared(path, e)).transpose()? {
        Some(CsvEncoding::Utf8) => decode_utf8(path, bytes),
        Some(CsvEncoding::Gb18030) => decode_gb18030(path, bytes),
        None => {
            if bytes.starts_with(b"\xEF\xBB\xBF") {
                // A UTF-8 byte-order mark declares the encoding.
                return decode_utf8(path, bytes);
            }
            match decode_utf8(path, bytes) {
                Ok(s) => Ok(s),
                Err(utf8_err) => decode_gb18030(path, bytes).map_err(|gb_err| {
                    let (Error::File { reason: a, .. }, Error::File { reason: b, .. }) =
                        (&utf8_err, &gb_err)
                    else {
                        return gb_err;
                    };
                    io(
                        path,
                        format!("encoding not recognised: {a}; {b}; declare the encoding"),
                    )
                }),
            }
        }
    }
}

/// Read a CSV file's bytes into a one-grid [`SourceDocument`].
pub(super) fn read_csv(
    name: &str,
    bytes: &[u8],
    encoding: Option<&str>,
    input: &InputOptions,
) -> Result<SourceDocument> {
    if input.quoting == Quoting::Lenient {
        return Err(Error::value(
            "quoting",
            "lenient",
            "CSV documents are read with strict quoting; read a messy table with PublishedTable::read_csv_with, which reports each relaxed field",
        ));
    }
    check_size(bytes.len(), &input.limits)?;
    let text = decode(name, bytes, encoding)?;
    let mut splitter = Splitter::new(text.into_bytes(), Quoting::Strict, &input.limits);
    let mut recs = Vec::new();
    while let Some(r) = splitter.next_record(&[]).map_err(|e| e.in_context(name))? {
        recs.push(r);
    }
    let width = recs.iter().map(|r| r.fields.len()).max().unwrap_or(0);
    let mut lines = Vec::with_capacity(recs.len());
    let rows = recs
        .into_iter()
        .map(|r| {
            let joined: Vec<&str> = r
                .fields
                .iter()
                .map(|f| f.trim())
                .filter(|f| !f.is_empty())
                .collect();
            if !joined.is_empty() {
                lines.push(SourceLine::new(1, joined.join(" ")));
            }
            let row = u32::try_from(r.line).unwrap_or(u32::MAX);
            let mut cells: Vec<SourceCell> = r
                .fields
                .into_iter()
                .enumerate()
                .map(|(j, t)| SourceCell::new(t, at(name, row, j)))
                .collect();
            for j in cells.len()..width {
                cells.push(SourceCell::new("", at(name, row, j)));
            }
            cells
        })
        .collect();
    Ok(SourceDocument {
        path: name.to_owned(),
        format: SourceFormat::Csv,
        pages: 1,
        lines,
        tables: vec![SourceTable {
            rows,
            ..SourceTable::default()
        }],
    })
}

fn at(name: &str, row: u32, j: usize) -> Provenance {
    Provenance {
        file: name.to_owned(),
        page: None,
        sheet: None,
        row,
        column: to_u32(j + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_csv(name: &str, bytes: &[u8], enc: Option<&str>) -> Result<SourceDocument> {
        super::read_csv(name, bytes, enc, &InputOptions::default())
    }

    fn rows(d: &SourceDocument) -> Vec<Vec<(String, u32)>> {
        d.tables[0]
            .rows
            .iter()
            .map(|r| r.iter().map(|c| (c.text.clone(), c.at.row)).collect())
            .collect()
    }

    #[test]
    fn line_numbers_with_crlf_cr_and_blank_lines() {
        let d = read_csv("t.csv", b"a,b\r\n\r\n1,2\r3,\"x\ny\"\n\n4,5", None).unwrap();
        let r = rows(&d);
        assert_eq!(r.len(), 4);
        assert_eq!(r[0][0], ("a".into(), 1));
        assert_eq!(r[1][0], ("1".into(), 3));
        assert_eq!(r[2][1], ("x\ny".into(), 4));
        assert_eq!(r[3][0], ("4".into(), 7));
    }

    #[test]
    fn rows_are_padded() {
        let d = read_csv("t.csv", b"a,b,c\n1\n", None).unwrap();
        assert_eq!(d.tables[0].rows[1].len(), 3);
        assert_eq!(d.tables[0].rows[1][2].at.column, 3);
    }

    #[test]
    fn malformed_quoting_is_an_error() {
        for bad in [
            &b"a,\"1,0\"00\n"[..],
            b"a,1\"0\n",
            b"a,\"open\n",
            b"\"x\"\"y\" ,1\n",
        ] {
            let e = read_csv("t.csv", bad, None).unwrap_err().to_string();
            assert!(e.contains("malformed CSV quoting"), "{e}");
        }
        let d = read_csv("t.csv", b"\"1,000\",\"say \"\"hi\"\"\"\n", None).unwrap();
        assert_eq!(d.tables[0].rows[0][0].text, "1,000");
        assert_eq!(d.tables[0].rows[0][1].text, "say \"hi\"");
    }

    #[test]
    fn encodings() {
        let (gbk, _, _) = encoding_rs::GBK.encode("项目,合计\n教育支出,1.00\n");
        let d = read_csv("t.csv", &gbk, None).unwrap();
        assert_eq!(d.tables[0].rows[1][0].text, "教育支出");
        let d = read_csv("t.csv", &gbk, Some("GBK")).unwrap();
        assert_eq!(d.tables[0].rows[0][1].text, "合计");
        let e = read_csv("t.csv", &gbk, Some("utf-8"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("byte offset 0 (line 1)"), "{e}");
        let bom = "\u{feff}项目\n".as_bytes();
        assert_eq!(
            read_csv("t.csv", bom, None).unwrap().tables[0].rows[0][0].text,
            "项目"
        );
        // UTF-8 declared as GBK: 0xE9 0xA1 0xB9 ("项") fails as GB18030 at line 2.
        let e = read_csv("t.csv", "a\n项\n".as_bytes(), Some("gbk"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 2"), "{e}");
        // Neither UTF-8 nor GB18030.
        let e = read_csv("t.csv", b"a\n\x81\x20\n", None)
            .unwrap_err()
            .to_string();
        assert!(e.contains("encoding not recognised"), "{e}");
        assert!(read_csv("t.csv", b"a", Some("latin1")).is_err());
    }
}
