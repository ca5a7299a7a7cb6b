//! Text PDFs (feature `pdf`): positioned characters → lines of running text, ruled tables →
//! grids of cells, with tables continued over pages joined.
//!
//! Characters and ruled tables come from the pure-Rust `pdfplumber` crate (pinned, cross-checked
//! against Python pdfplumber by `tests/crosscheck/pdfplumber_crosscheck.py`). What is done here:
//!
//! - **Lines.** A page's characters are grouped into lines by their vertical centre, with a
//!   tolerance of 0.55 × the font size (not a fixed number of points), so digits that some
//!   documents print a few points below the Chinese text stay on their label's line. Each line is
//!   read left to right; a gap wider than 0.2 × the font size prints as one space.
//! - **Tables.** pdfplumber's table finder (ruling lines) on each page; its 0-based pages become
//!   1-based. Every grid is rectangular. A cell that spans several grid positions (a merged
//!   header cell) keeps its text in its top-left position; the positions it covers are blank and
//!   the span is recorded in [`SourceTable::merged`]. Wrapped text keeps its `\n`.
//! - **Context.** The up to four lines printed just above a table on its page (and below the
//!   previous table there): title, 编制部门/单位：元 line, 表 number — nearest last. When the grid
//!   prints its title and 单位 line in its own first rows (a sheet exported with the whole page
//!   ruled, or an Excel caption merged over the grid), those rows' lines follow as context lines
//!   too, one per printed line (the rows stay in the grid).
//! - **Continuations.** A page's first table is appended to the previous page's last table when
//!   nothing but page numbers and running footers follows the previous table on its page, nothing
//!   title-like (a line with 表, 单位, 编制 or 万元, or more than two lines of anything besides
//!   running headers) precedes the new table on its
//!   page, its first four rows print no title of their own (a row of one or two cells, one ending
//!   in 表 or starting with 编制 or 单位:, as in project performance forms or sheets ruled as a
//!   whole page), and both have the same number of columns — or the new grid has fewer columns,
//!   each starting within 7 pt of one of the previous grid's (blank slivers between double rules
//!   absorbed; one column ruled at two offsets shared), with the same left and right
//!   edges (rulings drawn differently on the new page): then each cell goes to the column it
//!   starts at, and the columns it spans up to the next are blank and recorded as merged (their
//!   provenance column is the cell's own on its page). Rows printed just above the new grid but
//!   outside its rulings (Word leaves the first row of a continued table unruled: lines with an
//!   amount, nothing title-like) are read into its columns and come first. Its rows are
//!   appended (a repeated header
//!   row is kept; recognition drops it), the row index where it starts goes to
//!   [`SourceTable::continuations`] and its page to [`SourceTable::pages`]. Provenance rows
//!   restart at 1 on each page.
//! - **Labels split over the page break.** When the continuation's first row prints text but no
//!   number at all, only in columns where the previous page's last row prints a label (non-numeric
//!   text), that last row prints at least one number, **and** there is evidence the label was cut
//!   — the label has an unclosed bracket or ends with a connector (和 及 与 或 、 , 的 ( -), the
//!   fragment starts with a closing bracket or punctuation, or the last row carries a code
//!   (all digits) left of the label while the fragment has none — the fragment is the rest of
//!   that label: its text is appended to the label (after `\n`, as a wrapped line) and the
//!   fragment row is dropped. The label keeps the provenance of its first part. Without such
//!   evidence the row is kept as printed: a label-only row with blank amounts is common on real
//!   continuations (使用非财政拨款结余 | 结余分配 on a 决算 收支总表).
//! - **No text layer** (scanned pages): an [`Error::File`] saying so.

use pdfplumber::{Cell, Char, Pdf, Table, TableSettings};

use super::source::{
    Provenance, SourceCell, SourceDocument, SourceFormat, SourceLine, SourceTable, io, to_u32,
};
use super::text::normalize_text;
use crate::error::Result;

/// A line of text with its vertical extent on the page.
#[derive(Debug, Clone)]
struct PageLine {
    top: f64,
    bottom: f64,
    text: String,
    norm: String,
}

/// The effective size of a character: its font size, or its box height when the size is unknown.
fn char_size(c: &Char) -> f64 {
    if c.size > 0.0 && c.size.is_finite() {
        c.size
    } else {
        (c.bbox.bottom - c.bbox.top).abs().max(1.0)
    }
}

fn centre(c: &Char) -> f64 {
    (c.bbox.top + c.bbox.bottom) / 2.0
}

/// Group characters into lines by their vertical centre (tolerance 0.55 × the larger font size),
/// top to bottom, each sorted left to right.
fn line_groups<'a>(chars: impl Iterator<Item = &'a Char>) -> Vec<Vec<&'a Char>> {
    let mut cs: Vec<&Char> = chars
        .filter(|c| !c.text.trim().is_empty() && c.bbox.top.is_finite() && c.bbox.x0.is_finite())
        .collect();
    cs.sort_by(|a, b| centre(a).total_cmp(&centre(b)));
    // (reference centre, reference size, chars)
    let mut groups: Vec<(f64, f64, Vec<&Char>)> = Vec::new();
    for c in cs {
        let (y, size) = (centre(c), char_size(c));
        match groups.last_mut() {
            Some((ry, rs, g)) if (y - *ry).abs() <= 0.55 * rs.max(size) => g.push(c),
            _ => groups.push((y, size, vec![c])),
        }
    }
    groups
        .into_iter()
        .map(|(_, _, mut g)| {
            g.sort_by(|a, b| a.bbox.x0.total_cmp(&b.bbox.x0));
            g
        })
        .collect()
}

/// The text of characters on one line, left to right: a glyph drawn twice at the same place (a
/// bold effect) is read once; a gap wider than 0.2 × the font size is one space.
fn chars_text(g: &[&Char]) -> String {
    let mut text = String::new();
    let mut prev: Option<&Char> = None;
    for &c in g {
        if let Some(p) = prev {
            if p.text == c.text
                && (p.bbox.x0 - c.bbox.x0).abs() < 0.5
                && (p.bbox.top - c.bbox.top).abs() < 0.5
            {
                continue;
            }
            if c.bbox.x0 - p.bbox.x1 > 0.2 * char_size(c).max(char_size(p)) {
                text.push(' ');
            }
        }
        text.push_str(&c.text);
        prev = Some(c);
    }
    text
}

/// Group a page's characters into lines, top to bottom, each read left to right.
fn page_lines(chars: &[Char]) -> Vec<PageLine> {
    line_groups(chars.iter())
        .into_iter()
        .map(|g| {
            let top = g.iter().map(|c| c.bbox.top).fold(f64::INFINITY, f64::min);
            let bottom = g
                .iter()
                .map(|c| c.bbox.bottom)
                .fold(f64::NEG_INFINITY, f64::max);
            let text = chars_text(&g);
            let norm = normalize_text(&text);
            PageLine {
                top,
                bottom,
                text,
                norm,
            }
        })
        .collect()
}

/// A line of running text that reads as a table row: at least two words, one of them an amount
/// (digits with a decimal point or thousands separator), nothing title-like, not a page number.
fn row_like(text: &str) -> bool {
    let norm = normalize_text(text);
    let words: Vec<String> = text.split_whitespace().map(normalize_text).collect();
    !title_like(&norm)
        && !page_number_like(&norm)
        && words.len() >= 2
        && words
            .iter()
            .any(|w| numeric(w) && (w.contains('.') || w.contains(',')))
}

/// Rows printed just above a grid but outside its rulings (Word leaves the first row of a
/// continued table unruled at the top of the page): the row-like lines directly above the grid,
/// within its left and right edges, each split into the grid's columns by the characters'
/// horizontal centres (only among columns where the grid's own rows print something, so text
/// lands where the grid's cells start rather than in a blank sliver between double rules).
fn lead_rows(chars: &[Char], t: &Table, xs: &[f64], rows: &[Vec<String>]) -> Vec<Vec<String>> {
    let used: Vec<bool> = (0..xs.len())
        .map(|j| {
            j == 0
                || rows
                    .iter()
                    .any(|r| r.get(j).is_some_and(|t| !t.trim().is_empty()))
        })
        .collect();
    let above = chars.iter().filter(|c| {
        centre(c) < t.bbox.top && c.bbox.x0 >= t.bbox.x0 - 2.0 && c.bbox.x1 <= t.bbox.x1 + 2.0
    });
    let groups = line_groups(above);
    let mut out = Vec::new();
    for g in groups.iter().rev() {
        if xs.is_empty() || !row_like(&chars_text(g)) {
            break;
        }
        let mut columns: Vec<Vec<&Char>> = vec![Vec::new(); xs.len()];
        for &c in g {
            let cx = (c.bbox.x0 + c.bbox.x1) / 2.0;
            let j = xs
                .iter()
                .enumerate()
                .rposition(|(j, &x)| x <= cx && used.get(j) == Some(&true))
                .unwrap_or(0);
            if let Some(col) = columns.get_mut(j) {
                col.push(c);
            }
        }
        out.push(columns.iter().map(|c| chars_text(c)).collect());
    }
    out.reverse();
    out
}

/// A merged range: 0-based first row, first column, last row, last column (inclusive).
type Span = (u32, u32, u32, u32);

/// A ruled table found on one page, before joining.
struct PageTable {
    page: u32,
    rows: Vec<Vec<String>>,
    merged: Vec<Span>,
    context: Vec<SourceLine>,
    /// Nothing title-like above it on its page (it may continue the previous page's table).
    bare_top: bool,
    /// Nothing but page numbers below it on its page (it may continue on the next page).
    bare_bottom: bool,
    /// The first table on its page: the lines above it.
    above: Option<Vec<String>>,
    /// The last table on its page: the lines below it (normalised).
    below: Option<Vec<String>>,
    /// Where each grid column starts, and where the grid ends (points from the left).
    xs: Vec<f64>,
    x1: f64,
    /// Rows printed just above the grid outside its rulings (the first table on a page only);
    /// kept only when the grid continues the previous page's table.
    lead: Vec<Vec<String>>,
}

/// The key of a line for spotting running headers and footers: its text without digits.
fn furniture_key(norm: &str) -> String {
    norm.chars().filter(|c| !c.is_ascii_digit()).collect()
}

/// Running headers and footers: lines (digits ignored) printed on at least half of the pages and
/// on at least three, that name no table (never a 表, 单位 or 编制 line).
fn furniture(lines: &[SourceLine], pages: usize) -> rustc_hash::FxHashSet<String> {
    let mut seen: rustc_hash::FxHashMap<String, rustc_hash::FxHashSet<u32>> =
        rustc_hash::FxHashMap::default();
    for l in lines {
        if !l.norm.is_empty() && !title_like(&l.norm) {
            seen.entry(furniture_key(&l.norm))
                .or_default()
                .insert(l.page);
        }
    }
    seen.into_iter()
        .filter(|(_, p)| p.len() >= 3 && p.len() * 2 >= pages)
        .map(|(k, _)| k)
        .collect()
}

/// Set `bare_top` and `bare_bottom` from the lines around each table, page furniture ignored.
fn mark_bare(found: &mut [PageTable], furniture: &rustc_hash::FxHashSet<String>) {
    let ignorable = |n: &String| page_number_like(n) || furniture.contains(&furniture_key(n));
    for t in found {
        // Lines above: page furniture and rows printed outside the rulings do not count.
        t.bare_top = t.above.as_ref().is_some_and(|above| {
            let rest: Vec<String> = above
                .iter()
                .filter(|l| !row_like(l))
                .map(|l| normalize_text(l))
                .filter(|n| !ignorable(n))
                .collect();
            rest.len() <= 2 && rest.iter().all(|n| !title_like(n))
        });
        t.bare_bottom = t
            .below
            .as_ref()
            .is_some_and(|below| below.iter().all(ignorable));
    }
}

fn real(c: &Cell) -> bool {
    c.text.is_some() && c.bbox.x1 > c.bbox.x0
}

/// The grid of one pdfplumber table: text per position, and merged spans from the cells' boxes.
fn grid(t: &Table) -> (Vec<Vec<String>>, Vec<Span>, Vec<f64>) {
    let width = t.rows.iter().map(Vec::len).max().unwrap_or(0);
    // Start of each row and column, from the cells that start there.
    let ys: Vec<f64> = t
        .rows
        .iter()
        .map(|r| {
            r.iter()
                .filter(|c| real(c))
                .map(|c| c.bbox.top)
                .fold(f64::INFINITY, f64::min)
        })
        .collect();
    let xs: Vec<f64> = (0..width)
        .map(|j| {
            t.rows
                .iter()
                .filter_map(|r| r.get(j))
                .filter(|c| real(c))
                .map(|c| c.bbox.x0)
                .fold(f64::INFINITY, f64::min)
        })
        .collect();
    let mut merged = Vec::new();
    let rows = t
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut row: Vec<String> = r
                .iter()
                .enumerate()
                .map(|(j, c)| {
                    if real(c) {
                        let last_row = ys
                            .iter()
                            .rposition(|&y| y < c.bbox.bottom - 0.5)
                            .unwrap_or(i)
                            .max(i);
                        let last_col = xs
                            .iter()
                            .rposition(|&x| x < c.bbox.x1 - 0.5)
                            .unwrap_or(j)
                            .max(j);
                        if last_row > i || last_col > j {
                            merged.push((to_u32(i), to_u32(j), to_u32(last_row), to_u32(last_col)));
                        }
                    }
                    c.text.clone().unwrap_or_default()
                })
                .collect();
            row.resize(width, String::new());
            row
        })
        .collect();
    (rows, merged, xs)
}

/// A page number or page furniture (`3`, `-3-`, `第3页`, `第 3 页 共 20 页`, `3/20`).
fn page_number_like(norm: &str) -> bool {
    norm.chars().any(|c| c.is_ascii_digit())
        && norm
            .chars()
            .all(|c| c.is_ascii_digit() || "-—–第页共/()".contains(c))
}

/// A line that names or introduces a table.
fn title_like(norm: &str) -> bool {
    norm.contains('表')
        || norm.contains("单位:")
        || norm.starts_with("单位")
        || norm.contains("编制")
        || norm.contains("万元")
}

/// The title and 单位 lines a grid prints in its own first rows (sheets exported with the whole
/// page ruled): leading rows of one or two non-blank cells, at least one title-like, blank rows
/// skipped; the first other row ends them.
fn grid_titles(rows: &[Vec<String>], page: u32) -> Vec<SourceLine> {
    let mut out = Vec::new();
    for r in rows {
        let printed: Vec<&str> = r
            .iter()
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
            .collect();
        if printed.is_empty() {
            continue;
        }
        if printed.len() > 2 || !printed.iter().any(|t| title_like(&normalize_text(t))) {
            break;
        }
        // One line per printed line: a merged cell's wrapped lines ("收支预算总表\n部门：…
        // 单位：万元") apart, the cells of one row side by side ("编制单位：…" "单位：元").
        let cells: Vec<Vec<&str>> = printed
            .iter()
            .map(|t| t.lines().map(str::trim).filter(|l| !l.is_empty()).collect())
            .collect();
        let depth = cells.iter().map(Vec::len).max().unwrap_or(0);
        for i in 0..depth {
            let line: Vec<&str> = cells.iter().filter_map(|c| c.get(i).copied()).collect();
            out.push(SourceLine::new(page, line.join(" ")));
        }
    }
    out
}

/// Whether a cell's normalised text is a number (an amount, a code, a percentage).
fn numeric(norm: &str) -> bool {
    norm.chars().any(|c| c.is_ascii_digit())
        && norm
            .chars()
            .all(|c| c.is_ascii_digit() || ",.-%".contains(c))
}

/// The grids found on one page, top to bottom then left to right, each with its context (the
/// lines between it and the grid above, titles printed in its rows), the text above the first
/// and below the last, and the first grid's lead rows.
fn page_tables(
    page_no: u32,
    chars: &[Char],
    mut tables: Vec<Table>,
    plines: &[PageLine],
) -> Vec<PageTable> {
    let mut found: Vec<PageTable> = Vec::new();
    tables.sort_by(|a, b| {
        a.bbox
            .top
            .total_cmp(&b.bbox.top)
            .then(a.bbox.x0.total_cmp(&b.bbox.x0))
    });
    let mut above_from = f64::NEG_INFINITY;
    let n_tables = tables.len();
    for (k, t) in tables.iter().enumerate() {
        let (rows, merged, xs) = grid(t);
        if rows.is_empty() {
            continue;
        }
        let above: Vec<&PageLine> = plines
            .iter()
            .filter(|l| l.bottom <= t.bbox.top + 1.0 && l.top >= above_from - 1.0)
            .collect();
        let mut context: Vec<SourceLine> = above
            .iter()
            .map(|l| SourceLine::new(page_no, l.text.clone()))
            .collect();
        for l in grid_titles(&rows, page_no) {
            if !context.iter().any(|c| c.norm == l.norm) {
                context.push(l);
            }
        }
        let context = context.split_off(context.len().saturating_sub(4));
        let lead = if k == 0 {
            lead_rows(chars, t, &xs, &rows)
        } else {
            Vec::new()
        };
        let above = (k == 0).then(|| above.iter().map(|l| l.text.clone()).collect());
        let below = (k + 1 == n_tables).then(|| {
            plines
                .iter()
                .filter(|l| l.top >= t.bbox.bottom - 1.0)
                .map(|l| l.norm.clone())
                .collect()
        });
        above_from = t.bbox.bottom;
        found.push(PageTable {
            page: page_no,
            rows,
            merged,
            context,
            bare_top: false,
            bare_bottom: false,
            above,
            below,
            xs,
            x1: t.bbox.x1,
            lead,
        });
    }
    found
}

/// Read a PDF's bytes.
pub(super) fn read_pdf(name: &str, bytes: &[u8]) -> Result<SourceDocument> {
    let pdf =
        Pdf::open_bytes(bytes, None).map_err(|e| io(name, format!("not a readable PDF: {e}")))?;
    let count = pdf.page_count();
    let settings = TableSettings::default();
    let mut lines = Vec::new();
    let mut found: Vec<PageTable> = Vec::new();
    let mut chars_seen = 0usize;
    for index in 0..count {
        let page_no = to_u32(index + 1);
        let page = pdf
            .page(index)
            .map_err(|e| io(name, format!("page {page_no}: {e}")))?;
        chars_seen += page.chars().len();
        let plines = page_lines(page.chars());
        found.extend(page_tables(
            page_no,
            page.chars(),
            page.find_tables(&settings),
            &plines,
        ));
        lines.extend(plines.into_iter().map(|l| SourceLine::new(page_no, l.text)));
    }
    if chars_seen == 0 {
        return Err(io(
            name,
            format!(
                "the PDF has no text layer ({count} page(s) without any text: scanned images?); \
                 only text PDFs can be read"
            ),
        ));
    }
    mark_bare(&mut found, &furniture(&lines, count));
    Ok(SourceDocument {
        path: name.to_owned(),
        format: SourceFormat::Pdf,
        pages: to_u32(count),
        lines,
        tables: join(name, found),
    })
}

/// A continuation column that maps to no column of the previous grid (a blank sliver).
const ABSORBED: usize = usize::MAX;

/// How the columns of a continuation grid map onto the previous grid: the same number of
/// columns, or (rulings drawn differently on the new page) fewer columns, each starting within
/// 7 pt of a column of the previous grid, left to right, with both grids' left and right edges
/// within 2 pt. A column that matches none is absorbed when it is blank on every row (a sliver
/// between double rules) or shares its left neighbour's column when it starts within 7 pt of
/// that column and no row prints in both (one column ruled at two offsets).
fn column_map(
    prev: (&[f64], f64),
    next: (&[f64], f64),
    prev_width: usize,
    rows: &[&Vec<String>],
) -> Option<Vec<usize>> {
    let next_width = rows.iter().map(|r| r.len()).max().unwrap_or(0);
    if next_width == prev_width {
        return Some((0..next_width).collect());
    }
    let ((pxs, px1), (nxs, nx1)) = (prev, next);
    let printed = |r: &Vec<String>, j: usize| r.get(j).is_some_and(|t| !t.trim().is_empty());
    let blank = |j: usize| rows.iter().all(|r| !printed(r, j));
    if next_width > prev_width
        || pxs.len() != prev_width
        || nxs.len() != next_width
        || (px1 - nx1).abs() > 2.0
        || pxs
            .first()
            .zip(nxs.first())
            .is_none_or(|(a, b)| (a - b).abs() > 2.0)
    {
        return None;
    }
    let mut map: Vec<usize> = Vec::with_capacity(next_width);
    let mut from = 0usize;
    for (j, &x) in nxs.iter().enumerate() {
        let width = nxs.get(j + 1).copied().unwrap_or(nx1) - x;
        // A sliver between double rules, blank on every row: absorbed by its left neighbour.
        if j > 0 && width < 8.0 && blank(j) {
            map.push(ABSORBED);
            continue;
        }
        // The previous grid's nearest column start, within 7 pt, left to right.
        let k = (from..prev_width)
            .filter_map(|k| pxs.get(k).map(|&p| (k, (p - x).abs())))
            .filter(|&(_, d)| d <= 7.0)
            .min_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((k, _)) = k {
            map.push(k);
            from = k + 1;
            continue;
        }
        if j > 0 && blank(j) {
            map.push(ABSORBED);
            continue;
        }
        // Sharing the left neighbour's column: close to its start, never printed beside it.
        let last = from.checked_sub(1)?;
        let near = pxs.get(last).is_some_and(|&p| (p - x).abs() <= 7.0);
        let sharers: Vec<usize> = (0..j).filter(|&i| map.get(i) == Some(&last)).collect();
        let apart = rows
            .iter()
            .all(|r| !printed(r, j) || sharers.iter().all(|&i| !printed(r, i)));
        if !(near && apart) {
            return None;
        }
        map.push(last);
    }
    Some(map)
}

/// Whether `next` continues `prev` (see the module documentation), and how its columns map.
fn continues(
    prev: &SourceTable,
    prev_geometry: (&[f64], f64),
    prev_bare_bottom: bool,
    next: &PageTable,
) -> Option<Vec<usize>> {
    let width = prev.rows.first().map_or(0, Vec::len);
    // A grid that prints its own title or 单位 line in its first rows (财政项目支出绩效目标填报表;
    // WPS sheets ruled as a whole page) starts a table of its own.
    let titled = next.rows.iter().take(4).any(|r| {
        let texts: Vec<String> = r
            .iter()
            .map(|t| normalize_text(t))
            .filter(|t| !t.is_empty())
            .collect();
        (1..=2).contains(&texts.len())
            && texts
                .iter()
                .any(|t| t.ends_with('表') || t.starts_with("编制") || t.starts_with("单位:"))
    });
    if titled
        || !prev_bare_bottom
        || !next.bare_top
        || prev.pages.last().is_none_or(|&p| p + 1 != next.page)
    {
        return None;
    }
    let rows: Vec<&Vec<String>> = next.lead.iter().chain(&next.rows).collect();
    column_map(prev_geometry, (&next.xs, next.x1), width, &rows)
}

/// A continuation's rows laid onto the previous grid's columns: each cell at its mapped column
/// (its provenance column its own), the columns it spans up to the next mapped one blank (with
/// the same provenance) and recorded as merged; the continuation's own merged ranges widened
/// likewise. Absorbed columns are blank; of columns sharing one place, the one that prints wins.
fn remap(
    rows: Vec<Vec<String>>,
    merged: &[Span],
    map: &[usize],
    width: usize,
) -> (Vec<Vec<(String, u32)>>, Vec<Span>) {
    // The column a cell starts at (an absorbed sliver: its left neighbour's).
    let at = |j: usize| {
        map.iter()
            .take(j + 1)
            .rev()
            .find(|&&k| k != ABSORBED)
            .copied()
            .unwrap_or(0)
    };
    // The last column a cell spans: up to the next column mapped further right.
    let end = |j: usize| -> usize {
        let a = at(j);
        map.iter()
            .skip(j + 1)
            .find(|&&k| k != ABSORBED && k > a)
            .map_or(width, |&k| k)
            .saturating_sub(1)
            .max(a)
    };
    let mut spans: Vec<Span> = merged
        .iter()
        .map(|&(r0, c0, r1, c1)| (r0, to_u32(at(c0 as usize)), r1, to_u32(end(c1 as usize))))
        .collect();
    let covered = |r: usize, j: usize| {
        merged.iter().any(|&(r0, c0, r1, c1)| {
            (r0 as usize..=r1 as usize).contains(&r) && (c0 as usize..=c1 as usize).contains(&j)
        })
    };
    let rows = rows
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let mut out: Vec<(String, u32)> =
                (0..width).map(|k| (String::new(), to_u32(k + 1))).collect();
            let mut placed = vec![false; width];
            for (j, text) in r.into_iter().enumerate() {
                if map.get(j) == Some(&ABSORBED) {
                    continue;
                }
                let (a, b) = (at(j), end(j));
                let blank = text.trim().is_empty();
                // A blank cell does not displace one already placed there.
                if blank && placed.get(a) == Some(&true) {
                    continue;
                }
                for k in a..=b {
                    if let Some(slot) = out.get_mut(k) {
                        slot.1 = to_u32(j + 1);
                    }
                    if let Some(p) = placed.get_mut(k) {
                        *p = !blank || *p;
                    }
                }
                if let Some(slot) = out.get_mut(a) {
                    slot.0 = text;
                }
                if !blank && b > a && !covered(i, j) {
                    spans.push((to_u32(i), to_u32(a), to_u32(i), to_u32(b)));
                }
            }
            out
        })
        .collect();
    spans.sort_unstable();
    spans.dedup();
    (rows, spans)
}

fn cells(name: &str, page: u32, rows: Vec<Vec<(String, u32)>>) -> Vec<Vec<SourceCell>> {
    rows.into_iter()
        .enumerate()
        .map(|(i, r)| {
            r.into_iter()
                .map(|(t, column)| {
                    SourceCell::new(
                        t,
                        Provenance {
                            file: name.to_owned(),
                            page: Some(page),
                            sheet: None,
                            row: to_u32(i + 1),
                            column,
                        },
                    )
                })
                .collect()
        })
        .collect()
}

/// Rows with their own column numbers as provenance.
fn numbered(rows: Vec<Vec<String>>) -> Vec<Vec<(String, u32)>> {
    rows.into_iter()
        .map(|r| {
            r.into_iter()
                .enumerate()
                .map(|(j, t)| (t, to_u32(j + 1)))
                .collect()
        })
        .collect()
}

/// If the continuation's first row is the rest of the previous last row's label, append it there
/// and return true (the caller drops the fragment row).
fn repair_split_label(prev: &mut SourceTable, first: &[String]) -> bool {
    let Some(last) = prev.rows.last_mut() else {
        return false;
    };
    let norms: Vec<String> = first.iter().map(|t| normalize_text(t)).collect();
    let has_text = norms.iter().any(|n| !n.is_empty());
    let no_numbers = norms.iter().all(|n| !numeric(n));
    let last_has_amount = last.iter().any(|c| numeric(&c.norm));
    let fits = norms.iter().enumerate().all(|(j, n)| {
        n.is_empty()
            || last
                .get(j)
                .is_some_and(|c| !c.norm.is_empty() && !numeric(&c.norm))
    });
    if !(has_text && no_numbers && last_has_amount && fits) {
        return false;
    }
    // A label-only row with blank amounts is common (使用非财政拨款结余 | 结余分配 on a 决算 收支总表
    // continuation): fold only with evidence that the label is unfinished.
    let unfinished = norms.iter().enumerate().any(|(j, n)| {
        let Some(c) = last.get(j).filter(|_| !n.is_empty()) else {
            return false;
        };
        let open = c.norm.matches('(').count() + c.norm.matches('[').count();
        let close = c.norm.matches(')').count() + c.norm.matches(']').count();
        open > close
            || c.norm
                .ends_with(['和', '及', '与', '或', '、', ',', '的', '(', '-', '—'])
            || n.starts_with([')', ']', '、', ',', '。', ';', ':'])
    });
    let is_code = |n: &str| n.len() >= 2 && n.chars().all(|c| c.is_ascii_digit());
    let first_text = norms.iter().position(|n| !n.is_empty()).unwrap_or(0);
    let coded = last.iter().take(first_text).any(|c| is_code(&c.norm));
    if !(unfinished || coded) {
        return false;
    }
    for (j, t) in first.iter().enumerate() {
        if let Some(c) = last.get_mut(j)
            && !t.trim().is_empty()
        {
            *c = SourceCell::new(format!("{}\n{}", c.text, t), c.at.clone());
        }
    }
    true
}

/// Join tables continued over pages, in reading order.
fn join(name: &str, found: Vec<PageTable>) -> Vec<SourceTable> {
    let mut out: Vec<SourceTable> = Vec::new();
    // The column starts and right edge of each output table's first grid.
    let mut geometry: Vec<(Vec<f64>, f64)> = Vec::new();
    let mut prev_bare_bottom = false;
    for t in found {
        let map = match (out.last(), geometry.last()) {
            (Some(prev), Some((xs, x1))) => continues(prev, (xs, *x1), prev_bare_bottom, &t),
            _ => None,
        };
        if let (Some(map), Some(prev)) = (map, out.last_mut()) {
            let width = prev.rows.first().map_or(0, Vec::len);
            // Rows printed above the grid outside its rulings come first.
            let m = to_u32(t.lead.len());
            let mut grid_rows = t.lead;
            for r in &mut grid_rows {
                r.resize(t.xs.len().max(r.len()), String::new());
            }
            grid_rows.extend(t.rows);
            let shifted: Vec<Span> = t
                .merged
                .iter()
                .map(|&(r0, c0, r1, c1)| (r0 + m, c0, r1 + m, c1))
                .collect();
            let (rows, merged) = remap(grid_rows, &shifted, &map, width);
            let header_repeated = match (prev.rows.first(), rows.first()) {
                (Some(h), Some(r)) => h.iter().zip(r).all(|(a, b)| a.norm == normalize_text(&b.0)),
                _ => false,
            };
            let mut skip = 0usize;
            if !header_repeated && let Some(first) = rows.first() {
                let texts: Vec<String> = first.iter().map(|c| c.0.clone()).collect();
                if repair_split_label(prev, &texts) {
                    skip = 1;
                }
            }
            let start = prev.rows.len();
            let base = to_u32(start).saturating_sub(to_u32(skip));
            prev.continuations.push(start);
            prev.pages.push(t.page);
            prev.merged.extend(
                merged
                    .iter()
                    .filter(|m| m.0 as usize >= skip)
                    .map(|&(r0, c0, r1, c1)| (r0 + base, c0, r1 + base, c1)),
            );
            prev.rows
                .extend(cells(name, t.page, rows).into_iter().skip(skip));
            prev_bare_bottom = t.bare_bottom;
            continue;
        }
        prev_bare_bottom = t.bare_bottom;
        geometry.push((t.xs, t.x1));
        out.push(SourceTable {
            pages: vec![t.page],
            sheet: None,
            context: t.context,
            rows: cells(name, t.page, numbered(t.rows)),
            merged: t.merged,
            continuations: Vec::new(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        for bad in [
            &b""[..],
            b"not a pdf",
            b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF",
        ] {
            let e = read_pdf("x.pdf", bad);
            assert!(matches!(e, Err(crate::Error::File { .. })), "{e:?}");
        }
    }

    fn ch(text: &str, x0: f64, top: f64, size: f64) -> Char {
        Char {
            text: text.to_owned(),
            bbox: pdfplumber::BBox::new(x0, top, x0 + size, top + size),
            fontname: "F".to_owned(),
            size,
            advance: size,
            doctop: top,
            upright: true,
            direction: pdfplumber::TextDirection::Ltr,
            stroking_color: None,
            non_stroking_color: None,
            ctm: [1.0, 0.0, 0.0, 1.0, 0.0, 0.0],
            char_code: 0,
            mcid: None,
            tag: None,
        }
    }

    #[test]
    fn digits_a_few_points_below_stay_on_the_line() {
        // 10.5 pt Chinese label at top 100; its amount printed 4 pt lower, in a smaller font;
        // the next row 16 pt below.
        let mut chars = vec![
            ch("教", 50.0, 100.0, 10.5),
            ch("育", 60.5, 100.0, 10.5),
            ch("1", 200.0, 104.0, 9.0),
            ch("2", 205.0, 104.0, 9.0),
            ch("合", 50.0, 116.0, 10.5),
            ch("3", 200.0, 120.0, 9.0),
        ];
        chars.reverse();
        let lines: Vec<String> = page_lines(&chars).into_iter().map(|l| l.text).collect();
        assert_eq!(lines, ["教育 12", "合 3"]);
    }

    fn page_table(page: u32, rows: &[&[&str]], bare_top: bool, bare_bottom: bool) -> PageTable {
        PageTable {
            page,
            rows: rows
                .iter()
                .map(|r| r.iter().map(|t| (*t).to_owned()).collect())
                .collect(),
            merged: vec![(0, 0, 0, 1)],
            context: vec![SourceLine::new(page, "表一 收支总表")],
            bare_top,
            bare_bottom,
            above: None,
            below: None,
            xs: Vec::new(),
            x1: 0.0,
            lead: Vec::new(),
        }
    }

    #[test]
    fn continuations_and_split_labels() {
        let found = vec![
            page_table(
                1,
                &[&["项目", ""], &["一般公共服务(", "10.00"]],
                false,
                true,
            ),
            // The rest of the label on the next page, no amount: folded into the row above.
            page_table(2, &[&["款)", ""], &["教育支出", "5.00"]], true, true),
            // A grid printing its own title starts a new table.
            page_table(3, &[&["某项目绩效目标表", ""], &["a", "1"]], true, true),
            // Not bare on top (a title line above): a new table.
            page_table(4, &[&["项目", ""], &["x", "1"]], false, false),
            // Bare on top but the previous one did not run to the bottom: a new table.
            page_table(5, &[&["y", "2"]], true, false),
        ];
        let t = join("f.pdf", found);
        assert_eq!(t.len(), 4);
        assert_eq!(t[0].pages, vec![1, 2]);
        assert_eq!(t[0].continuations, vec![2]);
        assert_eq!(t[0].rows.len(), 3);
        assert_eq!(t[0].rows[1][0].text, "一般公共服务(\n款)");
        assert_eq!(t[0].rows[1][0].norm, "一般公共服务(款)");
        assert_eq!(t[0].rows[2][0].at.to_string(), "f.pdf p.2 r2 c1");
        // The fragment row's merge was dropped with it.
        assert_eq!(t[0].merged, vec![(0, 0, 0, 1)]);
        assert_eq!(t[1].pages, vec![3]);
        assert_eq!(t[2].pages, vec![4]);
        assert_eq!(t[3].pages, vec![5]);
    }

    #[test]
    fn a_label_only_row_is_folded_only_with_evidence() {
        // A 决算 收支总表 continuation (a real final account): a legitimate row with blank amounts.
        let found = vec![
            page_table(
                1,
                &[
                    &["项目", "", "项目", ""],
                    &["本年收入合计", "1.00", "本年支出合计", "1.00"],
                ],
                false,
                true,
            ),
            page_table(
                2,
                &[&["使用非财政拨款结余(含专用结余)", "", "结余分配", ""]],
                true,
                true,
            ),
        ];
        let t = join("f.pdf", found);
        assert_eq!(t[0].rows.len(), 3);
        assert_eq!(t[0].rows[1][0].text, "本年收入合计");
        // In a coded table, a row with neither code nor amount continues the label above.
        let found = vec![
            page_table(1, &[&["201", "一般公共服务", "10.00"]], false, true),
            page_table(2, &[&["", "支出", ""]], true, true),
        ];
        let t = join("f.pdf", found);
        assert_eq!(t[0].rows.len(), 1);
        assert_eq!(t[0].rows[0][1].norm, "一般公共服务支出");
    }

    #[test]
    fn a_label_only_row_before_a_label_only_row_is_kept() {
        // The previous last row prints no amount: nothing to repair.
        let found = vec![
            page_table(1, &[&["项目", ""], &["一、收入", ""]], false, true),
            page_table(2, &[&["财政拨款", ""]], true, true),
        ];
        let t = join("f.pdf", found);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].rows.len(), 3);
        assert_eq!(t[0].rows[2][0].text, "财政拨款");
    }

    #[test]
    fn page_numbers_and_titles() {
        assert!(page_number_like("-3-"));
        assert!(page_number_like("第3页共20页"));
        assert!(!page_number_like("合计"));
        assert!(title_like("单位:元"));
        assert!(title_like("表一"));
        assert!(!title_like("2026年部门预算"));
        assert!(numeric("87,267,272.44"));
        assert!(numeric("204"));
        assert!(!numeric("一般公共服务"));
    }
}
