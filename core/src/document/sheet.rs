//! XLSX and XLS workbooks (calamine): every sheet becomes one grid with its merged ranges; the
//! sheet's rows also become text lines so that titles and 单位 lines can be searched.
//!
//! **Numbers.** Formulas are not evaluated: the value cached in the file is read. `.xls`
//! integers arrive as integers and print as such. Floating-point values (all `.xlsx` numbers)
//! are printed as a spreadsheet shows a number in General format: rounded to 15 significant
//! digits (the precision Excel keeps and displays), then in the shortest form that reads back
//! to that value — so a cached `1234567.8900000001` or `0.30000000000000004` prints `1234567.89`
//! and `0.3`. Nothing is rounded further: a value such as `1234.5678` keeps all its decimals, so
//! an amount parser that expects at most two decimals rejects it with a clear error instead of
//! reading a silently rounded amount.

use std::io::Cursor;

use calamine::{Data, DataRef, Dimensions, Reader, Sheets};

use super::source::{
    Provenance, SourceCell, SourceDocument, SourceFormat, SourceLine, SourceTable, io, to_u32,
};
use crate::error::{Error, Result};
use crate::io::Limits;

/// The first eight bytes of a compound (OLE) file: an .xls, or a password-protected workbook.
const COMPOUND_FILE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// Print a floating-point cell value as a spreadsheet shows it (15 significant digits, shortest
/// form, no exponent, no `-0`).
pub(super) fn float_text(f: f64) -> String {
    if !f.is_finite() {
        return f.to_string();
    }
    let rounded: f64 = format!("{f:.14e}").parse().unwrap_or(f);
    if rounded == 0.0 {
        return "0".to_owned();
    }
    format!("{rounded}")
}

/// The text of one cell value.
fn data_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => float_text(*f),
        Data::Bool(true) => "TRUE".to_owned(),
        Data::Bool(false) => "FALSE".to_owned(),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, h, mi, s, _) = dt.to_ymd_hms_milli();
            if (h, mi, s) == (0, 0, 0) {
                format!("{y:04}-{m:02}-{d:02}")
            } else {
                format!("{y:04}-{m:02}-{d:02} {h:02}:{mi:02}:{s:02}")
            }
        }
        Data::DateTime(dt) => float_text(dt.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// The little-endian u32 at `at`, when the bytes are there.
fn word(b: &[u8], at: usize) -> Option<u32> {
    let w: [u8; 4] = b.get(at..at.checked_add(4)?)?.try_into().ok()?;
    Some(u32::from_le_bytes(w))
}

/// The little-endian u32s of some bytes (a last partial word is left out).
fn words(b: &[u8]) -> Vec<u32> {
    b.chunks_exact(4)
        .map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]]))
        .collect()
}

/// A directory entry of a compound file: name, first sector, stream length.
type Entry = (String, u32, usize);

/// A compound file as calamine reads it: its 512-byte header, the sectors after it, their size.
struct CompoundFile<'b> {
    header: &'b [u8],
    body: &'b [u8],
    size: usize,
}

impl<'b> CompoundFile<'b> {
    const RESERVED: u32 = 0xFFFF_FFFA;
    const DIFSECT: u32 = 0xFFFF_FFFC;
    const ENDOFCHAIN: u32 = 0xFFFF_FFFE;

    /// The header and sectors of a compound file; `None` for other bytes or a sector size
    /// other than 512 or 4096 (left to calamine's own errors).
    fn new(bytes: &'b [u8]) -> Option<Self> {
        let header = bytes
            .get(..512)
            .filter(|h| h.starts_with(COMPOUND_FILE_MAGIC))?;
        let size: usize = match header.get(30..32) {
            Some([9, 0]) => 512,
            Some([12, 0]) => 4096,
            _ => return None,
        };
        let body = bytes.get(size.max(512)..).unwrap_or(&[]);
        Some(CompoundFile { header, body, size })
    }

    /// Sector `id`: shorter at the end of the file, empty beyond it.
    fn sector(&self, id: u32) -> &'b [u8] {
        let start = (id as usize).saturating_mul(self.size);
        self.body
            .get(start..)
            .map(|s| s.get(..self.size).unwrap_or(s))
            .unwrap_or(&[])
    }

    /// The FAT: the sectors the DIFAT lists (the header's ids, then the DIFAT chain, walked at
    /// most once per sector of the file).
    fn fat(&self) -> Vec<u32> {
        let sectors = self.body.len() / self.size + 1;
        let mut difat = self.header.get(76..512).map(words).unwrap_or_default();
        let mut id = word(self.header, 68).unwrap_or(Self::ENDOFCHAIN);
        let mut steps = 0;
        while id < Self::RESERVED && steps <= sectors {
            steps += 1;
            difat.extend(words(self.sector(id)));
            id = difat.pop().unwrap_or(Self::ENDOFCHAIN);
        }
        difat
            .iter()
            .filter(|&&id| id < Self::DIFSECT)
            .flat_map(|&id| words(self.sector(id)))
            .collect()
    }

    /// The mini FAT, read along its chain in the FAT (which must have no cycle).
    fn minifat(&self, fat: &[u32]) -> Vec<u32> {
        let mini_len = word(self.header, 64).unwrap_or(0) as usize;
        let mut mini = Vec::new();
        let mut id = word(self.header, 60).unwrap_or(Self::ENDOFCHAIN);
        while mini_len > 0
            && id != Self::ENDOFCHAIN
            && mini.len() < mini_len.saturating_mul(self.size)
        {
            let Some(&next) = fat.get(id as usize) else {
                break;
            };
            mini.extend_from_slice(self.sector(id));
            id = next;
        }
        words(&mini)
    }

    /// The directory's entries, read along its chain in the FAT (which must have no cycle).
    fn entries(&self, fat: &[u32]) -> Vec<Entry> {
        let dirs = follow(
            word(self.header, 48).unwrap_or(Self::ENDOFCHAIN),
            fat,
            |id| self.sector(id),
            usize::MAX,
        );
        dirs.chunks_exact(128).map(|e| self.entry(e)).collect()
    }

    /// One 128-byte directory entry: its UTF-16 name (to the first NUL), its first sector and
    /// its stream's length (32 bits with 512-byte sectors, 64 bits with 4096-byte ones).
    fn entry(&self, e: &[u8]) -> Entry {
        let units: Vec<u16> = e
            .get(..64)
            .unwrap_or(&[])
            .chunks_exact(2)
            .map(|u| u16::from_le_bytes([u[0], u[1]]))
            .take_while(|&u| u != 0)
            .collect();
        let len = if self.size == 512 {
            word(e, 120).map_or(0, |l| l as usize)
        } else {
            e.get(120..128)
                .and_then(|b| <[u8; 8]>::try_from(b).ok())
                .map_or(0, |b| {
                    usize::try_from(u64::from_le_bytes(b)).unwrap_or(usize::MAX)
                })
        };
        (
            String::from_utf16_lossy(&units),
            word(e, 116).unwrap_or(Self::ENDOFCHAIN),
            len,
        )
    }

    /// The `Workbook` (or `Book`) stream: from the mini stream (the root entry's stream) when
    /// shorter than 4096 bytes, else from the sectors. `None` without a root or a workbook entry.
    fn workbook(&self, fat: &[u32], minifat: &[u32], entries: &[Entry]) -> Option<Vec<u8>> {
        let (_, root_start, root_len) = entries.first()?;
        let ministream = follow(*root_start, fat, |id| self.sector(id), *root_len);
        let minisector = |id: u32| -> &[u8] {
            let start = (id as usize).saturating_mul(64);
            ministream
                .get(start..)
                .map(|s| s.get(..64).unwrap_or(s))
                .unwrap_or(&[])
        };
        let (_, start, len) = ["Workbook", "Book"]
            .iter()
            .find_map(|n| entries.iter().find(|e| e.0.eq_ignore_ascii_case(n)))?;
        Some(if *len < 4096 {
            follow(*start, minifat, minisector, *len)
        } else {
            follow(*start, fat, |id| self.sector(id), *len)
        })
    }
}

/// Read an XLSX or XLS workbook's bytes.
/// Why calamine must not be given this compound file (the container of an XLS workbook), if it
/// must not: calamine follows sector chains without noticing a cycle (a chain that loops back
/// made it grow a buffer until memory ran out), and reserves room for every cell a DIMENSIONS
/// record claims (a claim beyond BIFF8's 65,536 rows and 256 columns made it ask for terabytes
/// and abort). The tables and the `Workbook` stream are read as calamine reads them (header,
/// DIFAT chain, FAT, mini FAT, directory, mini stream); anything else malformed is left to
/// calamine's own errors. The stream's records are then walked from its start, and from every
/// sheet's BOF as calamine walks them (see [`beyond_the_sheet`]): there a DIMENSIONS record
/// claiming too much is refused, and so is a cell beyond BIFF8's 256 columns, which made calamine
/// lay out a dense grid of 65,536 × 65,536 cells.
fn unreadable_compound_file(bytes: &[u8]) -> Option<String> {
    const LOOPS: &str = "a sector chain of the compound file loops back on itself";
    let file = CompoundFile::new(bytes)?;
    let fat = file.fat();
    if loops(&fat) {
        return Some(LOOPS.to_owned());
    }
    // The mini FAT is read along its chain in the FAT, which has no cycle now.
    let minifat = file.minifat(&fat);
    if loops(&minifat) {
        return Some(LOOPS.to_owned());
    }
    // No chain loops now: read the directory, the mini stream and the workbook stream.
    let entries = file.entries(&fat);
    let stream = file.workbook(&fat, &minifat, &entries)?;
    beyond_the_sheet(&stream)
}

/// The little-endian u16 at `at`, when the bytes are there.
fn half(b: &[u8], at: usize) -> Option<u16> {
    let h: [u8; 2] = b.get(at..at.checked_add(2)?)?.try_into().ok()?;
    Some(u16::from_le_bytes(h))
}

/// The cells' columns in a record: (name, [first column, last column]).
fn cell_columns(typ: u16, data: &[u8]) -> Option<(&'static str, [Option<u16>; 2])> {
    let first = half(data, 2);
    let name = match typ {
        0x0203 => "NUMBER",
        0x027E => "RK",
        0x00FD => "LABELSST",
        0x0204 => "LABEL",
        0x0201 => "BLANK",
        0x0205 => "BOOLERR",
        0x0006 => "FORMULA",
        0x00D6 => "RSTRING",
        0x00BD | 0x00BE => {
            let last = data.len().checked_sub(2).and_then(|at| half(data, at));
            let name = if typ == 0x00BD { "MULRK" } else { "MULBLANK" };
            return Some((name, [first, last]));
        }
        _ => return None,
    };
    Some((name, [first, None]))
}

/// Whether a DIMENSIONS record claims more than BIFF8 holds (BIFF8's 14-byte form, with
/// 32-bit rows; the 10-byte form of older BIFF, with 16-bit rows).
fn dimensions_too_big(data: &[u8]) -> bool {
    let h = |at| half(data, at).map_or(0, u32::from);
    let w = |at: usize| {
        data.get(at..at + 4)
            .map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    };
    let (rf, rl, cf, cl) = match data.len() {
        10 => (h(0), h(2), h(4), h(6)),
        14 | 16 => (w(0), w(4), h(8), h(10)),
        _ => return false,
    };
    let cf = if cf > 0xFF || cl < cf { 0 } else { cf };
    let rows = i64::from(rl) - i64::from(rf);
    let cols = i64::from(cl) - i64::from(cf);
    rl >= 1 && cl >= 1 && (!(1..=65_536).contains(&rows) || !(1..=256).contains(&cols))
}

/// Why a cell record cannot be given to calamine: a cell in a column beyond BIFF8's 256.
fn cell_beyond_columns(at: usize, typ: u16, data: &[u8]) -> Option<String> {
    let (name, cols) = cell_columns(typ, data)?;
    let col = cols.into_iter().flatten().find(|&col| col >= 256)?;
    Some(format!(
        "the {name} record at offset {at} of the workbook stream puts a cell \
         in column {col}, beyond BIFF8's 256 columns"
    ))
}

/// Walk from `start` to the EOF that closes the substream begun there (nested substreams,
/// such as embedded charts, open with a BOF and close with their own EOF), collecting the
/// sheets' offsets from BOUNDSHEET records.
fn walk_substream(stream: &[u8], start: usize, sheets: &mut Vec<usize>) -> Option<String> {
    let mut at = start;
    let mut seen_bof = false;
    let mut depth = 0usize;
    while at < stream.len() {
        let (Some(typ), Some(len)) = (half(stream, at), half(stream, at + 2)) else {
            return Some(format!(
                "the record at offset {at} of the workbook stream is cut short by the \
                 stream's end at {}",
                stream.len()
            ));
        };
        let data_at = at + 4;
        let Some(data) = stream.get(data_at..data_at + usize::from(len)) else {
            return Some(format!(
                "the record at offset {at} of the workbook stream (type 0x{typ:04X}) \
                 claims {len} bytes, past the stream's end at {}",
                stream.len()
            ));
        };
        match typ {
            0x0809 if seen_bof => depth += 1,
            0x0809 => seen_bof = true,
            0x000A if depth == 0 => return None,
            0x000A => depth -= 1,
            0x0085 => {
                if let Some(pos) = data.get(..4).and_then(|b| <[u8; 4]>::try_from(b).ok()) {
                    sheets.push(u32::from_le_bytes(pos) as usize);
                }
            }
            0x0200 if dimensions_too_big(data) => {
                return Some(format!(
                    "the DIMENSIONS record at offset {at} of the workbook stream claims more \
                     than 65,536 rows or 256 columns (or fewer than one)"
                ));
            }
            _ => {}
        }
        if let Some(reason) = cell_beyond_columns(at, typ, data) {
            return Some(reason);
        }
        at = data_at + usize::from(len);
    }
    None
}

/// Why the records of a `Workbook` stream cannot be given to calamine, if they cannot. The
/// records (u16 type, u16 length, data) are walked as calamine walks them: the workbook globals
/// from the stream's start to their EOF, then each sheet from the offset its BOUNDSHEET record
/// gives (which may fall anywhere in the stream) to the EOF that closes it. On those walks a
/// record whose length runs past the end of the stream is refused, and so are a DIMENSIONS record
/// claiming more than 65,536 rows or 256 columns (calamine reserves room for every claimed cell)
/// and a cell record whose column is beyond BIFF8's 256 (rows are u16, below 65,536 by
/// construction). Bytes after the
/// last EOF (writers pad the stream, with zeros or otherwise) are not read by calamine, nor here.
fn beyond_the_sheet(stream: &[u8]) -> Option<String> {
    let mut sheets = Vec::new();
    if let Some(reason) = walk_substream(stream, 0, &mut sheets) {
        return Some(reason);
    }
    sheets.sort_unstable();
    sheets.dedup();
    sheets
        .into_iter()
        .find_map(|pos| walk_substream(stream, pos, &mut Vec::new()))
}

/// The bytes of a chain of sectors from `start`, following `next`, at most `len` of them; a
/// sector that is missing, or an id outside `next`, ends it. `next` has no cycle.
fn follow<'a>(start: u32, next: &[u32], unit: impl Fn(u32) -> &'a [u8], len: usize) -> Vec<u8> {
    const ENDOFCHAIN: u32 = 0xFFFF_FFFE;
    let mut out = Vec::new();
    let mut id = start;
    while id != ENDOFCHAIN && out.len() < len {
        let piece = unit(id);
        if piece.is_empty() {
            break;
        }
        out.extend_from_slice(piece);
        match next.get(id as usize) {
            Some(&n) => id = n,
            None => break,
        }
    }
    out.truncate(len);
    out
}

/// Whether following `next[id]` from some id comes back to an id already on the path (ids
/// outside the table end a chain).
fn loops(next: &[u32]) -> bool {
    // 0: not seen, 1: on the current path, 2: known to end.
    let mut state = vec![0u8; next.len()];
    for start in 0..next.len() {
        let mut path = Vec::new();
        let mut id = start;
        while let Some(s) = state.get_mut(id) {
            match *s {
                0 => *s = 1,
                1 => return true,
                _ => break,
            }
            path.push(id);
            id = next.get(id).map_or(usize::MAX, |&n| n as usize);
        }
        for p in path {
            if let Some(s) = state.get_mut(p) {
                *s = 2;
            }
        }
    }
    false
}

pub(super) fn read_workbook(
    name: &str,
    format: SourceFormat,
    bytes: &[u8],
    limits: &Limits,
) -> Result<SourceDocument> {
    // An "XLSX" that is a compound (OLE) file is a password-protected workbook or an .xls under
    // the wrong name. calamine's XLSX reader opens such a file as a compound file to look for
    // the encryption streams, without the checks below (a looping sector chain made it grow a
    // buffer to 4 GiB: fuzz target document_sheet); it is read as the XLS it claims to be.
    if format == SourceFormat::Xlsx && bytes.starts_with(COMPOUND_FILE_MAGIC) {
        return read_workbook(name, SourceFormat::Xls, bytes, limits).map_err(|e| match e {
            Error::File { reason, .. } => io(
                name,
                format!(
                    "not a readable XLSX workbook: it is a compound (OLE) file, as a \
                     password-protected workbook or an .xls file is, and read as XLS: {reason}"
                ),
            ),
            other => other,
        });
    }
    if format == SourceFormat::Xls
        && let Some(reason) = unreadable_compound_file(bytes)
    {
        return Err(io(name, format!("not a readable XLS workbook: {reason}")));
    }
    let cursor = Cursor::new(bytes);
    let mut book: Sheets<Cursor<&[u8]>> = match format {
        SourceFormat::Xls => calamine::Xls::new(cursor)
            .map(Sheets::Xls)
            .map_err(|e| io(name, format!("not a readable XLS workbook: {e}")))?,
        _ => calamine::Xlsx::new(cursor)
            .map(Sheets::Xlsx)
            .map_err(|e| io(name, format!("not a readable XLSX workbook: {e}")))?,
    };
    let names = book.sheet_names();
    let mut lines = Vec::new();
    let mut tables = Vec::with_capacity(names.len());
    for (index, sheet) in names.iter().enumerate() {
        let cells = match &mut book {
            // XLSX cells are read one by one: calamine's `worksheet_range` lays a sheet out as a
            // dense grid over the bounding box of its cells, which for two cells at A1 and
            // XFD1048576 is 17 billion cells.
            Sheets::Xlsx(x) => xlsx_cells(x, sheet).map_err(|e| e.to_string()),
            _ => book
                .worksheet_range(sheet)
                .map(|range| {
                    let (r0, c0) = range.start().unwrap_or((0, 0));
                    range
                        .used_cells()
                        .map(|(r, c, d)| (r0 + to_u32(r), c0 + to_u32(c), data_text(d)))
                        .collect()
                })
                .map_err(|e| e.to_string()),
        }
        .map_err(|e| io(name, format!("sheet `{sheet}`: {e}")))?;
        let merges = match &mut book {
            Sheets::Xlsx(x) => x
                .merge_cells_by_sheet_name(sheet)
                .map_err(|e| io(name, format!("sheet `{sheet}` merged cells: {e}")))?,
            Sheets::Xls(x) => x
                .merge_cells_by_sheet_name(sheet)
                .map_err(|e| io(name, format!("sheet `{sheet}` merged cells: {e}")))?,
            _ => Vec::new(),
        };
        let page = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let grid = Grid::lay_out(cells, limits)?;
        tables.push(sheet_table(name, sheet, page, grid, &merges, &mut lines));
    }
    Ok(SourceDocument {
        path: name.to_owned(),
        format,
        pages: u32::try_from(names.len()).unwrap_or(u32::MAX),
        lines,
        tables,
    })
}

/// A sheet's cells as read: 0-based sheet row and column, and the text.
type Cells = Vec<(u32, u32, String)>;

/// The non-empty cells of an XLSX sheet, read one at a time (never as calamine's dense range).
fn xlsx_cells(
    book: &mut calamine::Xlsx<Cursor<&[u8]>>,
    sheet: &str,
) -> std::result::Result<Cells, calamine::XlsxError> {
    let mut reader = match book.worksheet_cells_reader(sheet) {
        Ok(reader) => reader,
        // A chart sheet or dialog sheet holds no cells (calamine's own reading skips it too).
        Err(calamine::XlsxError::NotAWorksheet(_)) => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut cells = Vec::new();
    while let Some(cell) = reader.next_cell()? {
        if *cell.get_value() != DataRef::Empty {
            let (r, c) = cell.get_position();
            cells.push((r, c, data_text(&Data::from(cell.get_value().clone()))));
        }
    }
    Ok(cells)
}

/// The rows and columns of a sheet that its grid keeps, and the grid's text.
///
/// The grid starts at the sheet's row 1 and column 1 and ends at its last non-blank row and
/// column. Every non-blank row and column is kept; of a run of blank rows (or columns) between
/// them only the first two are kept, so that a sheet with one cell at row 60,931 is a grid of
/// a few rows, not 60,931 (each kept cell's provenance is still its own sheet row and column,
/// and blank rows carry nothing a reader of the table needs; two keep the fact of a gap).
struct Grid {
    /// The 0-based sheet rows kept, ascending.
    rows: Vec<u32>,
    /// The 0-based sheet columns kept, ascending.
    columns: Vec<u32>,
    /// `rows.len()` × `columns.len()` texts.
    text: Vec<Vec<String>>,
}

impl Grid {
    /// Lay the cells out; more than [`Limits::max_cells`] positions is an [`Error::Limit`].
    fn lay_out(cells: Cells, limits: &Limits) -> Result<Grid> {
        let blank = |t: &str| t.trim().is_empty();
        let kept = |mut used: Vec<u32>| -> Vec<u32> {
            used.sort_unstable();
            used.dedup();
            let mut kept = Vec::with_capacity(used.len());
            let mut next = 0u32;
            for u in used {
                // Up to two positions of the blank run before `u`, then `u`.
                kept.extend((next..u).take(2));
                kept.push(u);
                next = u.saturating_add(1);
            }
            kept
        };
        let rows = kept(cells.iter().filter(|c| !blank(&c.2)).map(|c| c.0).collect());
        let columns = kept(cells.iter().filter(|c| !blank(&c.2)).map(|c| c.1).collect());
        let size = (rows.len() as u64).saturating_mul(columns.len() as u64);
        if size > limits.max_cells {
            return Err(Error::Limit {
                limit: "max_cells".to_owned(),
                line: 0,
                value: size,
                cap: limits.max_cells,
            });
        }
        let mut text = vec![vec![String::new(); columns.len()]; rows.len()];
        for (r, c, t) in cells {
            if let (Ok(i), Ok(j)) = (rows.binary_search(&r), columns.binary_search(&c))
                && let Some(cell) = text.get_mut(i).and_then(|row| row.get_mut(j))
            {
                *cell = t;
            }
        }
        Ok(Grid {
            rows,
            columns,
            text,
        })
    }

    /// A merged range in sheet positions as grid indices: its first kept row and column and its
    /// last; `None` when it covers no kept row or column.
    fn merged(&self, m: &Dimensions) -> Option<(u32, u32, u32, u32)> {
        let span = |kept: &[u32], first: u32, last: u32| -> Option<(u32, u32)> {
            let a = kept.partition_point(|&k| k < first);
            let b = kept.partition_point(|&k| k <= last);
            (a < b).then(|| (to_u32(a), to_u32(b - 1)))
        };
        let (r0, r1) = span(&self.rows, m.start.0, m.end.0)?;
        let (c0, c1) = span(&self.columns, m.start.1, m.end.1)?;
        Some((r0, c0, r1, c1))
    }
}

/// One sheet's grid (see [`Grid`]) with its merged ranges; each cell's provenance is its own
/// sheet row and column (row 3 column 2 is cell B3), 1-based.
fn sheet_table(
    name: &str,
    sheet: &str,
    page: u32,
    grid: Grid,
    merges: &[Dimensions],
    lines: &mut Vec<SourceLine>,
) -> SourceTable {
    let mut merged: Vec<_> = merges.iter().filter_map(|m| grid.merged(m)).collect();
    merged.sort_unstable();
    let Grid {
        rows: sheet_rows,
        columns: sheet_columns,
        text,
    } = grid;
    let rows = text
        .into_iter()
        .zip(sheet_rows)
        .map(|(row, r)| {
            let printed: Vec<&str> = row
                .iter()
                .map(|t| t.trim())
                .filter(|t| !t.is_empty())
                .collect();
            if !printed.is_empty() {
                lines.push(SourceLine::new(page, printed.join(" ")));
            }
            row.into_iter()
                .zip(&sheet_columns)
                .map(|(t, &c)| {
                    SourceCell::new(
                        t,
                        Provenance {
                            file: name.to_owned(),
                            page: None,
                            sheet: Some(sheet.to_owned()),
                            row: r.saturating_add(1),
                            column: c.saturating_add(1),
                        },
                    )
                })
                .collect()
        })
        .collect();
    SourceTable {
        pages: Vec::new(),
        sheet: Some(sheet.to_owned()),
        context: Vec::new(),
        rows,
        merged,
        continuations: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_print_as_the_spreadsheet_shows() {
        assert_eq!(float_text(1234567.8900000001), "1234567.89");
        assert_eq!(float_text(0.1 + 0.2), "0.3");
        assert_eq!(float_text(87267272.44), "87267272.44");
        assert_eq!(float_text(1234.5678), "1234.5678");
        assert_eq!(float_text(-0.0), "0");
        assert_eq!(float_text(189767551.0), "189767551");
        assert_eq!(float_text(1e20), "100000000000000000000");
        assert_eq!(float_text(-2946.25), "-2946.25");
    }

    #[test]
    fn garbage_is_an_error() {
        assert!(
            read_workbook(
                "x.xlsx",
                SourceFormat::Xlsx,
                b"not a zip",
                &Limits::default()
            )
            .is_err()
        );
        assert!(read_workbook("x.xls", SourceFormat::Xls, b"not ole", &Limits::default()).is_err());
    }
}
