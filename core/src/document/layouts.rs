//! Layouts beyond the standard nine-table form, read into the shapes the assembler knows:
//! templates with more than nine tables (the Jiangsu provincial '公开01表' … '公开12表' and the
//! numbered captions '一、2017年度…部门收支预算总表'), captions and the 部门 / 单位 line printed
//! inside an Excel-made grid, function and economic tables with one amount column whose cells a
//! PDF reader scattered over many columns, and continuation pages without a repeated header.
//!
//! Everything here only rearranges what is printed (cells keep their provenance); where a grid
//! does not fit the shape exactly it is left as read.

use super::assemble::{self, Assembled};
use super::recognise::DocumentTable;
use super::{SourceCell, SourceLine, SourceTable, normalize_text};
use crate::budget::Phase;
use crate::money::parse_amount;
use crate::tables::{PublishedTable, TableKind};

/// The table kind a normalised title names, with the names of templates that publish more than
/// the standard nine tables: '“三公”经费、会议费、培训费支出预算表' is 预算表九, '政府性基金预算财政拨款支出
/// 预算表' / '财政拨款政府性基金支出预算表' is 预算表六 (财预〔2016〕143号 lists the nine; the extra
/// tables — 财政拨款支出预算表, 机关运行经费支出预算表, 政府采购支出预算表 — name no standard kind).
pub(crate) fn kind_of_title(norm: &str) -> Option<TableKind> {
    if let Some(k) = TableKind::from_title(norm) {
        return Some(k);
    }
    let t = strip_remark(norm);
    let budget = t.ends_with("预算表");
    if !budget || t.contains("决算") {
        return None;
    }
    if t.contains("三公") && t.contains("经费") && t.contains("支出预算表") {
        return Some(TableKind::BudgetThreePublic);
    }
    if t.contains("政府性基金")
        && t.ends_with("支出预算表")
        && !t.contains("收支")
        && !t.contains("国有资本")
    {
        return Some(TableKind::BudgetFundFunctional);
    }
    None
}

/// A normalised title without a trailing bracketed remark ('（功能科目）', '(经济科目)').
fn strip_remark(norm: &str) -> &str {
    let t = norm.trim_end();
    for (open, close) in [('(', ')'), ('（', '）')] {
        if t.ends_with(close)
            && let Some(i) = t.rfind(open)
        {
            return &t[..i];
        }
    }
    t
}

/// The year of a document whose cover and first pages print none the usual way: the first
/// '20xx年' in a table caption or heading cell, else anywhere in its text.
pub(crate) fn year_fallback(
    lines: &[SourceLine],
    tables: &[SourceTable],
    year_of: impl Fn(&str) -> Option<i32>,
) -> Option<i32> {
    tables
        .iter()
        .flat_map(|t| {
            t.context
                .iter()
                .map(|l| l.norm.clone())
                .chain(t.rows.iter().take(3).flatten().map(|c| c.norm.clone()))
        })
        .chain(lines.iter().map(|l| l.norm.clone()))
        .find_map(|n| year_of(&n))
}

/// What a cell holds, for rows of a one-amount coded table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Code,
    Label,
    Amount,
}

fn slot_of(c: &SourceCell) -> Option<Slot> {
    let n = &c.norm;
    if n.is_empty() {
        return None;
    }
    if matches!(n.len(), 3 | 5 | 7) && n.chars().all(|d| d.is_ascii_digit()) {
        return Some(Slot::Code);
    }
    if matches!(parse_amount(n), Ok(Some(_))) {
        return Some(Slot::Amount);
    }
    Some(Slot::Label)
}

/// Whether a normalised heading names the code column.
fn code_heading(n: &str) -> bool {
    n.contains("编码") || n.contains("代码") || n == "科目"
}

/// Whether a normalised heading names the label column.
fn name_heading(n: &str) -> bool {
    n.contains("名称")
}

/// A caption row printed inside the grid: only a title, a 部门 / 单位 line, or both.
fn caption_row(row: &[SourceCell]) -> bool {
    row.iter().all(|c| {
        c.is_blank()
            || c.norm.contains("单位:")
            || c.norm.starts_with("部门")
            || c.norm.ends_with('表')
            || c.norm.contains("表部门")
            || c.norm.contains("表单位")
    })
}

/// The grid's caption rows (title, 部门, 单位 printed inside the grid) moved to its context lines
/// (nearest last), each text line of a cell one line; the grid keeps the rows from its first
/// non-caption row on.
pub(crate) fn captions_to_context(t: &mut SourceTable) {
    let n = t.rows.iter().take_while(|r| caption_row(r)).count();
    if n == 0 || n >= t.rows.len() {
        return;
    }
    let mut lines = Vec::new();
    for row in t.rows.iter().take(n) {
        for c in row.iter().filter(|c| !c.is_blank()) {
            let page = c.at.page.or_else(|| t.pages.first().copied()).unwrap_or(1);
            for part in c.text.split('\n').filter(|p| !p.trim().is_empty()) {
                lines.push(SourceLine::new(page, part.trim()));
            }
        }
    }
    if lines.is_empty() {
        return;
    }
    t.rows.drain(..n);
    shift_merged(t, n);
    t.context.extend(lines);
}

fn shift_merged(t: &mut SourceTable, n: usize) {
    let n = u32::try_from(n).unwrap_or(u32::MAX);
    t.merged = t
        .merged
        .iter()
        .filter(|m| m.0 >= n)
        .map(|&(r0, c0, r1, c1)| (r0 - n, c0, r1 - n, c1))
        .collect();
    t.continuations = t
        .continuations
        .iter()
        .filter_map(|&c| c.checked_sub(n as usize))
        .collect();
}

/// The rows of a coded table with one amount column, each `[code, label, amount]`: every
/// non-blank cell of a row is a code, a label or an amount, at most one of each; an amount alone
/// on the next row completes a row without one ('合计' / its amount on two text lines). `None`
/// when a row does not fit.
fn coded_rows(rows: &[Vec<SourceCell>]) -> Option<Vec<[Option<SourceCell>; 3]>> {
    let mut out: Vec<[Option<SourceCell>; 3]> = Vec::new();
    for row in rows {
        let mut slots: [Option<SourceCell>; 3] = [None, None, None];
        for c in row {
            let Some(s) = slot_of(c) else { continue };
            let i = match s {
                Slot::Code => 0,
                Slot::Label => 1,
                Slot::Amount => 2,
            };
            if slots[i].is_some() {
                return None;
            }
            slots[i] = Some(c.clone());
        }
        match &slots {
            [None, None, None] => continue,
            [None, None, Some(_)] => {
                let prev = out.last_mut()?;
                if prev[2].is_some() {
                    return None;
                }
                prev[2] = slots[2].take();
            }
            _ => out.push(slots),
        }
    }
    Some(out)
}

/// Whether the normalised label row is the header of a one-amount coded table: a code heading, a
/// name heading and exactly one other heading.
fn coded_header(row: &[SourceCell]) -> Option<()> {
    let heads: Vec<&str> = row
        .iter()
        .filter(|c| !c.is_blank())
        .map(|c| c.norm.as_str())
        .collect();
    let code = heads.iter().filter(|h| code_heading(h)).count();
    let name = heads
        .iter()
        .filter(|h| name_heading(h) && !code_heading(h))
        .count();
    (code == 1 && name == 1 && heads.len() == 3).then_some(())
}

/// A coded table with one amount column rebuilt as three clean columns (code, label, amount),
/// the cells scattered by the reader gathered per row. The header row is the first row with a
/// code heading, a name heading and one amount heading; rows above it must be captions (moved to
/// the context). `None` when the grid is not such a table.
pub(crate) fn compact_coded(t: &SourceTable) -> Option<SourceTable> {
    let h = t.rows.iter().position(|r| coded_header(r).is_some())?;
    if !t.rows.iter().take(h).all(|r| caption_row(r)) {
        return None;
    }
    let width = t.rows.first().map_or(0, Vec::len);
    if width <= 3 {
        return None;
    }
    let header = t.rows.get(h)?;
    let heads: Vec<SourceCell> = header.iter().filter(|c| !c.is_blank()).cloned().collect();
    let code_h = heads.iter().find(|c| code_heading(&c.norm))?.clone();
    let name_h = heads
        .iter()
        .find(|c| name_heading(&c.norm) && !code_heading(&c.norm))?
        .clone();
    let amount_h = heads
        .iter()
        .find(|c| !code_heading(&c.norm) && !name_heading(&c.norm))?
        .clone();
    let body = coded_rows(t.rows.get(h + 1..)?)?;
    let mut out = t.clone();
    let mut caption = t.clone();
    caption.rows.truncate(h);
    caption.merged.clear();
    let mut lines = Vec::new();
    for c in caption.rows.iter().flatten().filter(|c| !c.is_blank()) {
        let page = c.at.page.or_else(|| t.pages.first().copied()).unwrap_or(1);
        for part in c.text.split('\n').filter(|p| !p.trim().is_empty()) {
            lines.push(SourceLine::new(page, part.trim()));
        }
    }
    out.context.extend(lines);
    out.merged.clear();
    out.continuations = t
        .continuations
        .iter()
        .filter_map(|&c| c.checked_sub(h))
        .collect();
    out.rows = vec![vec![code_h, name_h, amount_h]];
    out.rows.extend(body.into_iter().filter_map(filled_row));
    Some(out)
}

/// A row of placed cells with its gaps filled by blank cells at the provenance of its first
/// printed cell (page, row) and their own column; `None` for a row with no cell at all.
fn filled_row(r: [Option<SourceCell>; 3]) -> Option<Vec<SourceCell>> {
    let any = r.iter().flatten().next().cloned()?;
    Some(
        r.into_iter()
            .enumerate()
            .map(|(j, c)| {
                c.unwrap_or_else(|| {
                    let mut at = any.at.clone();
                    at.column = u32::try_from(j + 1).unwrap_or(1);
                    SourceCell::new("", at)
                })
            })
            .collect(),
    )
}

/// Whether a row is a table's own caption printed inside the grid: a caption row with a cell
/// whose lines give a title naming a table and a 单位 line ('财政拨款支出预算表（功能科目）⏎部门：… 单位：万元').
fn inner_caption(row: &[SourceCell]) -> bool {
    caption_row(row)
        && row.iter().any(|c| {
            let lines: Vec<String> = c.text.split('\n').map(normalize_text).collect();
            lines.len() >= 2
                && lines.iter().any(|l| l.contains("单位:"))
                && lines.iter().any(|l| l.ends_with('表') || l.ends_with(')'))
        })
}

/// A grid the reader ran over two tables (one per page, the second's caption inside the grid)
/// split at the second caption; the pages follow the cells.
fn split_at_captions(t: SourceTable) -> Vec<SourceTable> {
    let cuts: Vec<usize> = t
        .rows
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(i, r)| {
            inner_caption(r) && t.rows.iter().take(*i).any(|above| !caption_row(above))
        })
        .map(|(i, _)| i)
        .collect();
    if cuts.is_empty() {
        return vec![t];
    }
    let mut out = Vec::new();
    let mut bounds = vec![0];
    bounds.extend(cuts.iter().copied());
    bounds.push(t.rows.len());
    for w in bounds.windows(2) {
        let (a, b) = (w[0], w[1]);
        let mut part = t.clone();
        part.rows = t.rows.get(a..b).map(<[_]>::to_vec).unwrap_or_default();
        let au = u32::try_from(a).unwrap_or(u32::MAX);
        let bu = u32::try_from(b).unwrap_or(u32::MAX);
        part.merged = t
            .merged
            .iter()
            .filter(|m| m.0 >= au && m.2 < bu)
            .map(|&(r0, c0, r1, c1)| (r0 - au, c0, r1 - au, c1))
            .collect();
        part.continuations = t
            .continuations
            .iter()
            .filter(|&&c| c > a && c < b)
            .map(|&c| c - a)
            .collect();
        let mut pages: Vec<u32> = part
            .rows
            .iter()
            .flatten()
            .filter_map(|c| c.at.page)
            .collect();
        pages.sort_unstable();
        pages.dedup();
        if !pages.is_empty() {
            part.pages = pages;
        }
        if a > 0 {
            part.context.clear();
        }
        out.push(part);
    }
    out
}

/// The indices of the rows that print something.
fn filled_rows(t: &SourceTable) -> Vec<usize> {
    (0..t.rows.len())
        .filter(|&i| {
            t.rows
                .get(i)
                .is_some_and(|r| r.iter().any(|c| !c.is_blank()))
        })
        .collect()
}

/// A table of one heading row over one row of figures (支出预算总表 printed as a single row)
/// whose figures the reader placed a column or two away from their headings: each figure moved
/// under the nearest heading. `None` unless every non-blank cell below the headings is an
/// amount, all in one row, and no two figures share a heading.
pub(crate) fn compact_single_row(t: &SourceTable) -> Option<SourceTable> {
    let filled = filled_rows(t);
    let [h, d] = filled.as_slice() else {
        return None;
    };
    let (header, data) = (t.rows.get(*h)?, t.rows.get(*d)?);
    let heads: Vec<usize> = (0..header.len())
        .filter(|&j| header.get(j).is_some_and(|c| !c.is_blank()))
        .collect();
    if heads.len() < 3
        || heads
            .iter()
            .any(|&j| header.get(j).and_then(slot_of) != Some(Slot::Label))
    {
        return None;
    }
    let mut row: Vec<SourceCell> = header
        .iter()
        .map(|c| {
            let mut at = c.at.clone();
            at.row = data.first().map_or(at.row, |d| d.at.row);
            SourceCell::new("", at)
        })
        .collect();
    let mut moved = false;
    for (j, c) in data.iter().enumerate() {
        match slot_of(c) {
            None => continue,
            Some(Slot::Label) => return None,
            Some(_) => {}
        }
        let &to = heads.iter().min_by_key(|&&k| k.abs_diff(j))?;
        let slot = row.get_mut(to)?;
        if !slot.is_blank() {
            return None;
        }
        moved |= to != j;
        *slot = c.clone();
    }
    if !moved {
        return None;
    }
    let mut out = t.clone();
    out.rows = vec![header.clone(), row];
    out.merged.clear();
    out.continuations.clear();
    Some(out)
}

/// A vertical list of labelled amounts under one name heading and one amount heading (收入预算总表
/// printed as a list), its category printed in a merged cell left of the items: rebuilt as two
/// columns, label and amount, an item's 小计 labelled with its category ('其他资金/小计'). `None`
/// unless every row below the headings holds at most two labels and one amount and no code.
pub(crate) fn compact_label_list(t: &SourceTable) -> Option<SourceTable> {
    let h = t
        .rows
        .iter()
        .position(|r| r.iter().any(|c| !c.is_blank()))?;
    let header = t.rows.get(h)?;
    let heads: Vec<&SourceCell> = header.iter().filter(|c| !c.is_blank()).collect();
    let [name_h, amount_h] = heads.as_slice() else {
        return None;
    };
    if !name_heading(&name_h.norm) || slot_of(amount_h) != Some(Slot::Label) {
        return None;
    }
    if name_heading(&amount_h.norm) || code_heading(&amount_h.norm) {
        return None;
    }
    let mut rows: Vec<Vec<SourceCell>> = vec![vec![(*name_h).clone(), (*amount_h).clone()]];
    let mut category: Option<String> = None;
    let mut top: Option<u32> = None;
    for r in t.rows.iter().skip(h + 1) {
        let mut labels: Vec<&SourceCell> = Vec::new();
        let mut amount: Option<&SourceCell> = None;
        for c in r {
            match slot_of(c) {
                None => {}
                Some(Slot::Code) => return None,
                Some(Slot::Label) => labels.push(c),
                Some(Slot::Amount) if amount.replace(c).is_some() => return None,
                Some(Slot::Amount) => {}
            }
        }
        let (label, text) = match labels.as_slice() {
            [] if amount.is_none() => continue,
            [] => return None,
            [cat, item] => {
                category = Some(cat.text.trim().to_owned());
                top.get_or_insert(cat.at.column);
                ((*item).clone(), item.text.trim().to_owned())
            }
            [one] => {
                if top.is_none_or(|c| c == one.at.column) {
                    top = Some(one.at.column);
                    category = Some(one.text.trim().to_owned());
                }
                ((*one).clone(), one.text.trim().to_owned())
            }
            _ => return None,
        };
        let text = match (&category, label.norm.as_str()) {
            (Some(cat), "小计") => format!("{cat}/小计"),
            _ => text,
        };
        let mut name = label.clone();
        name.norm = normalize_text(&text);
        name.text = text;
        let value = amount.cloned().unwrap_or_else(|| {
            let mut at = label.at.clone();
            at.column = amount_h.at.column;
            SourceCell::new("", at)
        });
        rows.push(vec![name, value]);
    }
    if rows.len() < 3 {
        return None;
    }
    let mut out = t.clone();
    out.rows = rows;
    out.merged.clear();
    out.continuations.clear();
    Some(out)
}

/// Whether a normalised label starts a new item rather than continuing a wrapped one: an
/// enumerator (一、 / 1.), a total or carry-over line, or a name of four or more characters.
fn starts_item(norm: &str) -> bool {
    let first = norm.chars().next();
    let enumerated = norm
        .char_indices()
        .find(|(_, c)| *c == '、' || *c == '.')
        .is_some_and(|(i, _)| {
            i > 0
                && norm[..i]
                    .chars()
                    .all(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
        });
    enumerated
        || first == Some('(')
        || ["合计", "小计", "总计", "结转", "结余"]
            .iter()
            .any(|k| norm.contains(k))
}

/// The columns of a table of side-by-side blocks: block `b` is label column `labels[b]` and
/// amount column `amounts[b]`, compacted to columns `2b` and `2b + 1`.
struct BlockColumns {
    labels: Vec<usize>,
    amounts: Vec<usize>,
}

impl BlockColumns {
    /// The number of blocks.
    fn len(&self) -> usize {
        self.labels.len()
    }

    /// The compacted column of source column `j`, when it is a label or an amount column.
    fn out_col(&self, j: usize) -> Option<usize> {
        self.labels
            .iter()
            .position(|&c| c == j)
            .map(|b| 2 * b)
            .or_else(|| self.amounts.iter().position(|&c| c == j).map(|b| 2 * b + 1))
    }
}

/// The last heading row (the rows before the first amount) and the blocks' columns (under
/// 金额 and the name headings), when there are at least two blocks, each a label column followed
/// by its amount column before the next block.
fn block_columns(t: &SourceTable) -> Option<(usize, BlockColumns)> {
    let width = t.rows.first().map_or(0, Vec::len);
    let mut label_cols: Vec<usize> = Vec::new();
    let mut amount_cols: Vec<usize> = Vec::new();
    let mut header_end = None;
    for (i, r) in t.rows.iter().enumerate() {
        if r.iter().any(|c| slot_of(c) == Some(Slot::Amount)) {
            break;
        }
        for (j, c) in r.iter().enumerate() {
            if c.norm == "金额" {
                amount_cols.push(j);
                header_end = Some(i);
            } else if name_heading(&c.norm) {
                label_cols.push(j);
                header_end = Some(i);
            }
        }
    }
    let header_end = header_end?;
    label_cols.sort_unstable();
    label_cols.dedup();
    amount_cols.sort_unstable();
    amount_cols.dedup();
    let n = label_cols.len();
    if n < 2 || amount_cols.len() != n || width < 2 * n {
        return None;
    }
    for b in 0..n {
        let (l, a) = (label_cols.get(b)?, amount_cols.get(b)?);
        if a <= l || label_cols.get(b + 1).is_some_and(|next| next <= a) {
            return None;
        }
    }
    let cols = BlockColumns {
        labels: label_cols,
        amounts: amount_cols,
    };
    Some((header_end, cols))
}

/// A row of `width` blank cells where `like` was printed, numbered from column 1.
fn blank_row(like: &SourceCell, width: usize) -> Vec<SourceCell> {
    (0..width)
        .map(|j| {
            let mut at = like.at.clone();
            at.column = u32::try_from(j + 1).unwrap_or(1);
            SourceCell::new("", at)
        })
        .collect()
}

/// Header rows, each cell moved to its block column.
fn compact_header(
    t: &SourceTable,
    header_end: usize,
    cols: &BlockColumns,
) -> Option<Vec<Vec<SourceCell>>> {
    let mut rows: Vec<Vec<SourceCell>> = Vec::new();
    for r in t.rows.iter().take(header_end + 1) {
        if r.iter().all(SourceCell::is_blank) {
            continue;
        }
        let mut row = blank_row(r.first()?, 2 * cols.len());
        for (j, c) in r.iter().enumerate().filter(|(_, c)| !c.is_blank()) {
            *row.get_mut(cols.out_col(j)?)? = c.clone();
        }
        // A heading row that fills only columns the row above leaves blank continues that row
        // (the reader put a block's lower headings one text line lower than its neighbour's).
        if rows.len() >= 2
            && let Some(prev) = rows.last_mut()
            && prev
                .iter()
                .zip(&row)
                .all(|(a, b)| a.is_blank() || b.is_blank())
        {
            for (a, b) in prev.iter_mut().zip(row) {
                if a.is_blank() {
                    *a = b;
                }
            }
            continue;
        }
        rows.push(row);
    }
    Some(rows)
}

/// An item of a block: the row it starts on, its label and its amount.
type Item = (usize, SourceCell, Option<SourceCell>);

/// The cells of one line of a block table, by block.
type BlockCells<'r> = Vec<Option<&'r SourceCell>>;

/// The label and amount cells of a data line, by block; `None` when a cell sits outside the
/// blocks' columns or is not what its column holds.
fn line_cells<'r>(
    r: &'r [SourceCell],
    cols: &BlockColumns,
) -> Option<(BlockCells<'r>, BlockCells<'r>)> {
    let n = cols.len();
    let mut labels: BlockCells<'r> = vec![None; n];
    let mut amounts: BlockCells<'r> = vec![None; n];
    for (j, c) in r.iter().enumerate().filter(|(_, c)| !c.is_blank()) {
        let o = cols.out_col(j)?;
        let slot = slot_of(c)?;
        match (o % 2, slot) {
            (0, Slot::Label) => *labels.get_mut(o / 2)? = Some(c),
            (1, Slot::Amount) => *amounts.get_mut(o / 2)? = Some(c),
            _ => return None,
        }
    }
    Some((labels, amounts))
}

/// The labels of line `i`: each starts an item, or continues the block's last label when it
/// does not look like the start of one (a wrapped label). Which blocks started an item.
fn add_labels(items: &mut [Vec<Item>], labels: &BlockCells<'_>, i: usize) -> Option<Vec<bool>> {
    let mut fresh = vec![false; items.len()];
    for (b, label) in labels.iter().enumerate() {
        let Some(c) = label else {
            continue;
        };
        let block = items.get_mut(b)?;
        match block.last_mut() {
            Some(last) if !starts_item(&c.norm) => {
                last.1.text.push_str(c.text.trim());
                last.1.norm.push_str(&c.norm);
            }
            _ => {
                block.push((i, (*c).clone(), None));
                *fresh.get_mut(b)? = true;
            }
        }
    }
    Some(fresh)
}

/// The amounts of line `i`: each to its block's last item (an amount printed on the line
/// between attached to its item), else to a total of a block to the left.
fn add_amounts(
    items: &mut [Vec<Item>],
    (labels, amounts): (&BlockCells<'_>, &BlockCells<'_>),
    fresh: &[bool],
    i: usize,
) -> Option<()> {
    for (b, amount) in amounts.iter().enumerate() {
        let Some(a) = amount else {
            continue;
        };
        let own = items.get_mut(b)?.last_mut().filter(|last| {
            last.2.is_none() && (labels.get(b).copied().flatten().is_some() || last.0 < i)
        });
        if let Some(last) = own {
            last.2 = Some((*a).clone());
            continue;
        }
        // A total's amount printed under the next block: the nearest block to the left with
        // a fresh label on this line and no amount.
        let to = (0..b).rev().find(|&k| {
            fresh.get(k).copied().unwrap_or(false) && amounts.get(k).copied().flatten().is_none()
        })?;
        let last = items.get_mut(to)?.last_mut()?;
        if last.2.is_some() {
            return None;
        }
        last.2 = Some((*a).clone());
    }
    Some(())
}

/// Items per block: (start row, label, amount).
fn block_items(t: &SourceTable, header_end: usize, cols: &BlockColumns) -> Option<Vec<Vec<Item>>> {
    let mut items: Vec<Vec<Item>> = vec![Vec::new(); cols.len()];
    for (i, r) in t.rows.iter().enumerate().skip(header_end + 1) {
        let (labels, amounts) = line_cells(r, cols)?;
        let fresh = add_labels(&mut items, &labels, i)?;
        add_amounts(&mut items, (&labels, &amounts), &fresh, i)?;
    }
    Some(items)
}

/// The data rows: one per row an item starts on, each block's item in its two columns.
fn item_rows(items: &[Vec<Item>], like: &SourceCell) -> Option<Vec<Vec<SourceCell>>> {
    let mut starts: Vec<usize> = items.iter().flatten().map(|x| x.0).collect();
    starts.sort_unstable();
    starts.dedup();
    let mut rows = Vec::new();
    for s in starts {
        let mut row = blank_row(like, 2 * items.len());
        for (b, block) in items.iter().enumerate() {
            if let Some((_, label, amount)) = block.iter().find(|x| x.0 == s) {
                *row.get_mut(2 * b)? = label.clone();
                if let Some(a) = amount {
                    *row.get_mut(2 * b + 1)? = a.clone();
                }
            }
        }
        rows.push(row);
    }
    Some(rows)
}

/// A table of side-by-side blocks, each a label column and an amount column (收支预算总表: 收入 |
/// 支出 by function | 支出 by use), whose cells the reader spread over many columns and text
/// lines: rebuilt as two columns per block, a label wrapped over two lines ('2.政府性基金预' / '算')
/// joined, an amount printed on the line between attached to its item, and a total's amount
/// printed under the next block moved to the total. `None` unless every cell sits in a label or
/// an amount column of the headings.
pub(crate) fn compact_blocks(t: &SourceTable) -> Option<SourceTable> {
    let (header_end, cols) = block_columns(t)?;
    let mut rows = compact_header(t, header_end, &cols)?;
    let items = block_items(t, header_end, &cols)?;
    let like = t.rows.get(header_end)?.first()?.clone();
    rows.extend(item_rows(&items, &like)?);
    let mut out = t.clone();
    out.rows = rows;
    out.merged.clear();
    out.continuations.clear();
    Some(out)
}

/// A budget's 机关运行经费支出预算表 printed apart from its "三公" table (templates with more than
/// nine tables): part of 预算表九 ("三公"经费和机关运行经费预算表, 财预〔2016〕143号), so it is
/// numbered 9 and read, without a kind of its own and so not checked on its own.
pub(crate) fn part_of_standard(dt: &mut DocumentTable, phase: Option<Phase>) -> Option<Assembled> {
    let title = normalize_text(&dt.title);
    if phase != Some(Phase::Budget)
        || !title.contains("机关运行经费")
        || title.contains("三公")
        || !title.ends_with("预算表")
    {
        return None;
    }
    let a = assemble::assemble(&dt.source, None);
    let unit = dt.unit?;
    let table =
        PublishedTable::new_keeping_unknown(None, unit, a.columns.clone(), a.rows.clone()).ok()?;
    if table.rows().is_empty() {
        return None;
    }
    dt.number = Some(9);
    dt.row_at = a.row_at.clone();
    dt.column_at = a.column_at.clone();
    dt.table = Some(table.with_title(dt.title.clone()));
    Some(a)
}

/// Headings wrapped over two text lines that the reader put in two rows ('因公出国' / '（境）费',
/// '公务接' / '待费') joined in the upper cell, in a grid of heading rows over one row of figures,
/// when the pieces name no column and the whole does.
pub(crate) fn join_wrapped_headings(t: &mut SourceTable) {
    use crate::tables::TableColumn;
    let filled = filled_rows(t);
    let Some((&data, heads)) = filled.split_last() else {
        return;
    };
    if heads.len() < 2
        || t.rows
            .get(data)
            .is_none_or(|r| r.iter().any(|c| slot_of(c) == Some(Slot::Label)))
        || heads.iter().any(|&i| {
            t.rows
                .get(i)
                .is_some_and(|r| r.iter().any(|c| slot_of(c) == Some(Slot::Amount)))
        })
    {
        return;
    }
    let width = t.rows.first().map_or(0, Vec::len);
    for j in 0..width {
        let at: Vec<usize> = heads
            .iter()
            .copied()
            .filter(|&i| {
                t.rows
                    .get(i)
                    .and_then(|r| r.get(j))
                    .is_some_and(|c| !c.is_blank())
            })
            .collect();
        for w in at.windows(2) {
            let (a, b) = (w[0], w[1]);
            let (Some(top), Some(low)) = (
                t.rows.get(a).and_then(|r| r.get(j)).cloned(),
                t.rows.get(b).and_then(|r| r.get(j)).cloned(),
            ) else {
                continue;
            };
            if top.is_blank() || low.is_blank() {
                continue;
            }
            let whole = format!("{}{}", top.norm, low.norm);
            if TableColumn::recognise(&top.norm).is_none()
                && TableColumn::recognise(&low.norm).is_none()
                && TableColumn::recognise(&whole).is_some()
            {
                if let Some(c) = t.rows.get_mut(a).and_then(|r| r.get_mut(j)) {
                    c.text = format!("{}{}", top.text.trim(), low.text.trim());
                    c.norm = whole;
                }
                if let Some(c) = t.rows.get_mut(b).and_then(|r| r.get_mut(j)) {
                    c.text.clear();
                    c.norm.clear();
                }
            }
        }
    }
}

/// A grid of several heading rows over one row of figures with a column the form does not name
/// (会议费, 培训费 beside the "三公" items): one heading per figure column, the lowest printed in
/// it, a 小计 qualified by the group heading above it ('“三公”经费小计', '公务用车购置及运行维护费小计').
pub(crate) fn flatten_headings(t: &SourceTable) -> Option<SourceTable> {
    use crate::tables::TableColumn;
    let filled = filled_rows(t);
    let (&data, heads) = filled.split_last()?;
    if heads.len() < 2 {
        return None;
    }
    let row = t.rows.get(data)?;
    let mut header: Vec<SourceCell> = Vec::new();
    let mut unnamed = false;
    for (j, c) in row.iter().enumerate() {
        let above: Vec<&SourceCell> = heads
            .iter()
            .filter_map(|&i| t.rows.get(i).and_then(|r| r.get(j)))
            .filter(|c| !c.is_blank())
            .collect();
        // In a row of figures a three-digit number ('237') is an amount, not a code.
        if slot_of(c) == Some(Slot::Label) {
            return None;
        }
        let Some(low) = above.last() else {
            if !c.is_blank() {
                return None;
            }
            header.push(SourceCell::new("", c.at.clone()));
            continue;
        };
        let mut h = (*low).clone();
        if h.norm == "小计"
            && let Some(group) = above.iter().rev().nth(1)
        {
            h.text = format!("{}{}", group.text.trim(), h.text.trim());
            h.norm = normalize_text(&h.text);
        }
        if !c.is_blank() && TableColumn::recognise(&h.norm).is_none() {
            unnamed = true;
        }
        header.push(h);
    }
    if !unnamed {
        return None;
    }
    let mut out = t.clone();
    out.rows = vec![header, row.clone()];
    out.merged.clear();
    out.continuations.clear();
    Some(out)
}

/// Whether a grid is a headless continuation of a coded table: no caption, every row a code with
/// its label (and an amount or none), the first row coded.
fn headless_coded(t: &SourceTable) -> Option<Vec<[Option<SourceCell>; 3]>> {
    let body = coded_rows(&t.rows)?;
    let first = body.first()?;
    (first[0].is_some() && body.iter().all(|r| r[1].is_some() || r[0].is_some())).then_some(body)
}

/// The grids with one-amount coded tables compacted ([`compact_coded`]), a headless coded grid on
/// the next page appended to the coded table before it, and captions printed inside other grids
/// moved to their context ([`captions_to_context`]).
pub(crate) fn normalise(grids: Vec<SourceTable>) -> Vec<SourceTable> {
    let mut out: Vec<SourceTable> = Vec::new();
    let mut last_coded = false;
    for t in grids.into_iter().flat_map(split_at_captions) {
        if let Some(c) = compact_coded(&t) {
            out.push(c);
            last_coded = true;
            continue;
        }
        if last_coded
            && t.context.iter().all(|l| kind_of_title(&l.norm).is_none())
            && let Some(prev) = out.last_mut()
            && let (Some(a), Some(b)) = (prev.pages.last().copied(), t.pages.first().copied())
            && (b == a || b == a + 1)
            && let Some(mut body) = headless_coded(&t)
        {
            let mut lead = rows_in_context(&t);
            lead.append(&mut body);
            let body = lead;
            prev.continuations.push(prev.rows.len());
            for p in &t.pages {
                if !prev.pages.contains(p) {
                    prev.pages.push(*p);
                }
            }
            prev.rows.extend(body.into_iter().filter_map(filled_row));
            continue;
        }
        last_coded = false;
        let mut t = t;
        captions_to_context(&mut t);
        join_wrapped_headings(&mut t);
        if let Some(c) = compact_single_row(&t)
            .or_else(|| flatten_headings(&t))
            .or_else(|| compact_label_list(&t))
            .or_else(|| compact_blocks(&t))
        {
            t = c;
        }
        out.push(t);
    }
    out
}

/// The coded rows a reader took for text lines above a headless continuation grid ('30206 电费
/// 235.00' on the continuation page), as cells: code, label, amount separated by spaces.
fn rows_in_context(t: &SourceTable) -> Vec<[Option<SourceCell>; 3]> {
    let (Some(page), Some(like)) = (
        t.pages.first().copied(),
        t.rows.iter().flatten().next().cloned(),
    ) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for l in t.context.iter().rev() {
        if l.page != page {
            break;
        }
        let parts: Vec<&str> = l.text.split_whitespace().collect();
        let (Some(code), Some(amount)) = (parts.first(), parts.last()) else {
            break;
        };
        if parts.len() < 3 {
            break;
        }
        let label = parts[1..parts.len() - 1].join("");
        let cell = |text: &str, column: u32| {
            let mut at = like.at.clone();
            at.page = Some(page);
            at.column = column;
            SourceCell::new(text, at)
        };
        let (c, a) = (cell(code, 1), cell(amount, 3));
        if slot_of(&c) != Some(Slot::Code) || slot_of(&a) != Some(Slot::Amount) {
            break;
        }
        out.push([Some(c), Some(cell(&label, 2)), Some(a)]);
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_beyond_the_nine() {
        let k = |t: &str| kind_of_title(&normalize_text(t));
        assert_eq!(
            k("“三公”经费、会议费、培训费支出预算表"),
            Some(TableKind::BudgetThreePublic)
        );
        assert_eq!(
            k("政府性基金预算财政拨款支出预算表"),
            Some(TableKind::BudgetFundFunctional)
        );
        assert_eq!(
            k("财政拨款政府性基金支出预算表"),
            Some(TableKind::BudgetFundFunctional)
        );
        assert_eq!(
            k("一般公共预算支出预算表（功能科目）"),
            Some(TableKind::BudgetGeneralFunctional)
        );
        assert_eq!(
            k("一、2017 年度江苏省高级人民法院部门收支预算总表"),
            Some(TableKind::BudgetSummary)
        );
        assert_eq!(k("财政拨款支出预算表（功能科目）"), None);
        assert_eq!(k("一般公共预算机关运行经费支出预算表"), None);
        assert_eq!(k("政府采购支出预算表"), None);
        assert_eq!(k("政府性基金预算财政拨款收支决算表"), None);
    }

    #[test]
    fn wrapped_labels_continue_items() {
        assert!(starts_item("三、单位预留机动经"));
        assert!(starts_item("2.政府性基金预"));
        assert!(starts_item("当年收入小计"));
        assert!(!starts_item("算"));
        assert!(!starts_item("费"));
    }
}
