//! From a printed grid to the rows and columns of a [`PublishedTable`]: header rows found and
//! flattened, line-number columns dropped, code / name / amount columns told apart, side-by-side
//! blocks split (收 | 支) or linearised (决算表六), wrapped labels joined, repeated headers and
//! totals at continuations dropped.

use rust_decimal::Decimal;

use super::SourceTable;
use crate::money::parse_amount;
use crate::tables::{HeadingRole, RowLabel, RowSide, TableColumn, TableKind, TableRow};

/// What one column of the grid holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// A code column (whole or one of 类 / 款 / 项).
    Code,
    /// The name or label column.
    Name,
    /// 行次 / 栏次: ignored.
    Line,
    /// An amount column, with its meaning when recognised.
    Amount(Option<TableColumn>),
    /// Nothing printed in it.
    Blank,
}

/// A cell that could not be read as an amount.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BadCell {
    pub row: usize,
    pub column: usize,
    pub text: String,
    pub reason: String,
}

/// The table as assembled, before [`PublishedTable`](crate::PublishedTable) validates it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Assembled {
    /// Headings of the amount columns (printed, most specific part).
    pub columns: Vec<String>,
    /// Flattened full headings (all header parts joined by `/`).
    pub full: Vec<String>,
    /// Rows.
    pub rows: Vec<TableRow>,
    /// Source row of each row.
    pub row_at: Vec<usize>,
    /// Source column of each amount column (first occurrence).
    pub column_at: Vec<usize>,
    /// Per row, the source column of each amount column (`None` when the row's block lacks it).
    pub cell_at: Vec<Vec<Option<usize>>>,
    /// Per row and column, the source (row, column) of the cell when it is not
    /// (`row_at[row]`, `cell_at[row][column]`) — a transposed table.
    pub cell_src: Vec<Vec<Option<(usize, usize)>>>,
    /// Cells that did not read as amounts (kept blank).
    pub bad: Vec<BadCell>,
    /// Columns kept in the grid but not read (a second code column), with their heading.
    pub skipped: Vec<(usize, String)>,
    /// Number of header rows.
    #[allow(dead_code)]
    pub header_rows: usize,
    /// Whether any amount was printed.
    pub any_amount: bool,
}

/// Whether a normalised cell text looks like a classification code: 3, 5 or 7 digits starting
/// with 2, 3 or 5 (whole), or 2 digits (款 / 项 of a split code).
fn is_code_text(t: &str) -> bool {
    let n = t.len();
    t.chars().all(|c| c.is_ascii_digit())
        && (n == 2
            || ((n == 3 || n == 5 || n == 7) && matches!(t.as_bytes()[0], b'2' | b'3' | b'5')))
}

/// Whether a normalised cell text reads as a printed amount (digits, separators, a sign).
fn is_amount_text(t: &str) -> bool {
    t.chars().any(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '-'))
        && matches!(parse_amount(t), Ok(Some(_)))
}

/// A row of printed column numbers (1, 2, 3 …, maybe after 栏次).
fn is_number_row(row: &[String]) -> bool {
    let nums: Vec<u32> = row
        .iter()
        .filter(|t| !t.is_empty())
        .filter_map(|t| t.parse::<u32>().ok())
        .collect();
    let texts = row.iter().filter(|t| !t.is_empty()).count();
    let labelled = row
        .iter()
        .any(|t| matches!(HeadingRole::recognise(t), Some(HeadingRole::LineNumber)));
    nums.len() >= 2
        && (nums.len() == texts || (labelled && nums.len() + 1 >= texts))
        && nums.windows(2).all(|w| w[1] == w[0] + 1)
}

/// A heading-only row: no amounts, no codes, and a heading the library knows (or 项目 …).
fn is_header_row(row: &[String]) -> bool {
    if is_number_row(row) {
        return true;
    }
    if row
        .iter()
        .any(|t| is_amount_text(t) || (is_code_text(t) && t.len() > 2))
    {
        return false;
    }
    let first = row.iter().find(|t| !t.is_empty());
    let Some(first) = first else {
        return false;
    };
    if first == "无" || first.contains("本表") {
        return false;
    }
    row.iter()
        .filter(|t| !t.is_empty())
        .any(|t| HeadingRole::recognise(t).is_some())
}

fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join("")
}

/// The header texts of each column, top to bottom, merged cells spread over their span.
fn header_parts(t: &SourceTable, header_rows: usize, width: usize) -> Vec<Vec<(String, String)>> {
    let mut grid: Vec<Vec<Option<(String, String)>>> = t
        .rows
        .iter()
        .take(header_rows)
        .map(|r| {
            let norms: Vec<String> = r.iter().map(|c| c.norm.clone()).collect();
            let caption = is_caption_row(&norms);
            r.iter()
                .map(|c| (!c.is_blank() && !caption).then(|| (clean(&c.text), c.norm.clone())))
                .collect()
        })
        .collect();
    for &(r0, c0, r1, c1) in &t.merged {
        let (r0, c0, c1) = (r0 as usize, c0 as usize, c1 as usize);
        let _ = r1;
        if r0 >= header_rows {
            continue;
        }
        let Some(v) = grid.get(r0).and_then(|r| r.get(c0)).cloned().flatten() else {
            continue;
        };
        if let Some(row) = grid.get_mut(r0) {
            for c in c0..=c1.min(width.saturating_sub(1)) {
                if let Some(cell) = row.get_mut(c)
                    && cell.is_none()
                {
                    *cell = Some(v.clone());
                }
            }
        }
    }
    (0..width)
        .map(|j| {
            let mut parts: Vec<(String, String)> = Vec::new();
            for row in &grid {
                if let Some(Some(p)) = row.get(j)
                    && parts.last().is_none_or(|l| l.1 != p.1)
                {
                    parts.push(p.clone());
                }
            }
            parts
        })
        .collect()
}

/// Find the number of leading header rows (a title row printed inside the grid counts).
pub(crate) fn header_count(t: &SourceTable) -> usize {
    let mut n = 0;
    for row in &t.rows {
        let norms: Vec<String> = row.iter().map(|c| c.norm.clone()).collect();
        let joined: String = norms.concat();
        let title = TableKind::from_title(&joined).is_some()
            && norms.iter().filter(|t| !t.is_empty()).count() == 1;
        if title || is_header_row(&norms) || is_caption_row(&norms) {
            n += 1;
        } else if norms.iter().all(String::is_empty)
            && t.rows
                .iter()
                .skip(n + 1)
                .map(|r| r.iter().map(|c| c.norm.clone()).collect::<Vec<String>>())
                .find(|r| r.iter().any(|c| !c.is_empty()))
                .is_some_and(|next| is_header_row(&next) || is_caption_row(&next))
        {
            n += 1; // a blank line inside the heading
        } else {
            break;
        }
    }
    n
}

/// A row printing the table's title, 编制部门 or 单位 line inside the grid.
fn is_caption_row(norms: &[String]) -> bool {
    let joined: String = norms.concat();
    if norms.iter().any(|t| is_amount_text(t)) {
        return false;
    }
    (TableKind::from_title(&joined).is_some()
        && norms.iter().filter(|t| !t.is_empty()).count() == 1)
        || joined.contains("编制单位:")
        || joined.contains("编制部门:")
        || (joined.starts_with("单位:") && joined.chars().count() < 12)
        // "部门： | 江苏省人大常委会办公厅 | 单位：万元" (江苏 2017 部门预算): the organ and the
        // unit, printed in the grid above the headings.
        || (["部门:", "部门名称:", "单位名称:", "预算单位:", "填报单位:", "编报单位:"]
            .iter()
            .any(|p| joined.starts_with(p))
            && ["单位:万元", "单位:元", "单位:亿元"]
                .iter()
                .any(|u| joined.contains(u))
            && !norms.iter().any(|t| HeadingRole::recognise(t).is_some()))
}

/// The role of each column, from its flattened heading, else from its content.
fn column_roles(t: &SourceTable, parts: &[Vec<(String, String)>], header_rows: usize) -> Vec<Role> {
    parts
        .iter()
        .enumerate()
        .map(|(j, ps)| {
            // A code or name heading above an amount heading wins (合计 printed under 科目编码 is
            // the total row's label, not a column).
            let roles: Vec<Option<HeadingRole>> =
                ps.iter().map(|(_, n)| HeadingRole::recognise(n)).collect();
            if let Some(r) = roles.iter().rev().flatten().find(|r| {
                matches!(
                    r,
                    HeadingRole::Code | HeadingRole::Name | HeadingRole::LineNumber
                )
            }) {
                return match r {
                    HeadingRole::Code => Role::Code,
                    HeadingRole::Name => Role::Name,
                    _ => Role::Line,
                };
            }
            if let Some(c) = sub_column_role(ps) {
                return Role::Amount(Some(c));
            }
            for (_, norm) in ps.iter().rev() {
                match HeadingRole::recognise(norm) {
                    Some(HeadingRole::Column(c)) => return Role::Amount(Some(c)),
                    Some(HeadingRole::Code) => return Role::Code,
                    Some(HeadingRole::Name) => return Role::Name,
                    Some(HeadingRole::LineNumber) => return Role::Line,
                    Some(HeadingRole::Group) | None => {}
                }
            }
            // From the content.
            let cells: Vec<&str> = t
                .rows
                .iter()
                .skip(header_rows)
                .filter_map(|r| r.get(j))
                .map(|c| c.norm.as_str())
                .filter(|s| !s.is_empty())
                .collect();
            if cells.is_empty() {
                return if ps.is_empty() {
                    Role::Blank
                } else {
                    Role::Amount(None)
                };
            }
            let codes = cells.iter().filter(|s| is_code_text(s)).count();
            let amounts = cells.iter().filter(|s| is_amount_text(s)).count();
            if codes * 2 > cells.len() && cells.iter().all(|s| s.len() <= 7) && amounts <= codes {
                // Codes are also amounts by form; a column of codes has no decimals/commas.
                if cells.iter().all(|s| !s.contains('.') && !s.contains(',')) {
                    return Role::Code;
                }
            }
            if amounts * 2 >= cells.len() {
                Role::Amount(None)
            } else {
                Role::Name
            }
        })
        .collect()
}

/// The role of a column whose bottom heading only makes sense under the one above it: an "of
/// which" sub-column (其中：教育收费) or a plain 金额 / 小计 under a column heading
/// ([`TableColumn::recognise_path`]).
fn sub_column_role(parts: &[(String, String)]) -> Option<TableColumn> {
    let heads: Vec<&str> = parts.iter().map(|(_, n)| n.as_str()).collect();
    TableColumn::recognise_path(&heads)
}

/// The printed heading that names an amount column: the lowest part recognised as its role
/// (事业收入 over 金额), else the lowest part recognised as any column, else the lowest part.
fn specific_heading(parts: &[(String, String)], role: Option<TableColumn>) -> String {
    parts
        .iter()
        .rev()
        .find(|(_, n)| role.is_some() && TableColumn::recognise(n) == role)
        .or_else(|| {
            parts
                .iter()
                .rev()
                .find(|(_, n)| matches!(HeadingRole::recognise(n), Some(HeadingRole::Column(_))))
        })
        .or_else(|| parts.last())
        .map(|(p, _)| p.clone())
        .unwrap_or_default()
}

/// One block of columns: codes, a name, amounts.
#[derive(Debug, Clone, Default)]
struct Block {
    codes: Vec<usize>,
    name: Option<usize>,
    amounts: Vec<usize>,
    /// Code columns printed after the name (government economic codes): not read.
    extra: Vec<usize>,
}

fn blocks(roles: &[Role]) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    let mut cur = Block::default();
    for (j, r) in roles.iter().enumerate() {
        match r {
            Role::Code | Role::Name => {
                if !cur.amounts.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
                if *r == Role::Code && cur.name.is_some() && cur.amounts.is_empty() {
                    // A second code column after the name (政府预算经济分类 5xxxx between the
                    // name and the amounts): kept in the grid, not part of the row's code.
                    cur.extra.push(j);
                } else if *r == Role::Code {
                    cur.codes.push(j);
                } else if cur.name.is_none() {
                    cur.name = Some(j);
                } else {
                    // A second name column in one block: treat it as the start of another.
                    out.push(std::mem::take(&mut cur));
                    cur.name = Some(j);
                }
            }
            Role::Amount(_) => cur.amounts.push(j),
            Role::Line | Role::Blank => {}
        }
    }
    if !cur.amounts.is_empty() || cur.name.is_some() || !cur.codes.is_empty() {
        out.push(cur);
    }
    out
}

/// Whether a row of the grid repeats a header (at a continuation).
fn repeats_header(row: &[String], header: &[Vec<String>]) -> bool {
    header.iter().any(|h| h.as_slice() == row)
        || (is_header_row(row) && !row.iter().all(String::is_empty))
}

/// The columns kept in the grid but not read (code columns printed after the name), with their
/// headings flattened.
fn skipped_columns(blocks: &[Block], parts: &[Vec<(String, String)>]) -> Vec<(usize, String)> {
    blocks
        .iter()
        .flat_map(|b| b.extra.iter())
        .map(|&j| {
            let heading = parts
                .get(j)
                .map(|ps| {
                    ps.iter()
                        .map(|(p, _)| p.as_str())
                        .collect::<Vec<_>>()
                        .join("/")
                })
                .unwrap_or_default();
            (j, heading)
        })
        .collect()
}

/// The headings of a column from its header parts: the most specific ([`specific_heading`]) and
/// the full one (all parts joined by `/`).
fn column_headings(ps: &[(String, String)], role: Option<TableColumn>) -> (String, String) {
    let specific = specific_heading(ps, role);
    let full: String = ps
        .iter()
        .map(|(p, _)| p.as_str())
        .collect::<Vec<_>>()
        .join("/");
    (specific, full)
}

/// Union of amount columns, by role (or by heading for unknown ones): each new one added to
/// `a`'s columns; for each block, the column of `a` each of its amount columns fills.
fn amount_columns(
    a: &mut Assembled,
    blocks: &[Block],
    roles: &[Role],
    parts: &[Vec<(String, String)>],
) -> Vec<Vec<usize>> {
    let mut keys: Vec<(Option<TableColumn>, String)> = Vec::new();
    let mut block_cols: Vec<Vec<usize>> = Vec::new();
    for b in blocks {
        let mut idx = Vec::new();
        for &j in &b.amounts {
            let role = match roles.get(j) {
                Some(Role::Amount(r)) => *r,
                _ => None,
            };
            let ps = parts.get(j).cloned().unwrap_or_default();
            let (specific, full) = column_headings(&ps, role);
            let key_name = if role.is_some_and(|r| r != TableColumn::OfWhich) {
                String::new()
            } else {
                full.clone()
            };
            let k = match keys.iter().position(|(r, n)| *r == role && *n == key_name) {
                Some(k) => k,
                None => {
                    keys.push((role, key_name));
                    let heading = if specific.is_empty() {
                        format!("第{}列", j + 1)
                    } else {
                        specific
                    };
                    a.columns.push(heading);
                    a.full.push(if full.is_empty() {
                        format!("第{}列", j + 1)
                    } else {
                        full
                    });
                    a.column_at.push(j);
                    keys.len() - 1
                }
            };
            idx.push(k);
        }
        block_cols.push(idx);
    }
    block_cols
}

/// The rows below the header that hold data: neither a header repeated at a continuation nor a
/// row of column numbers.
fn data_rows(t: &SourceTable, header_rows: usize) -> Vec<usize> {
    let header_norms: Vec<Vec<String>> = t
        .rows
        .iter()
        .take(header_rows)
        .map(|r| r.iter().map(|c| c.norm.clone()).collect())
        .collect();
    (header_rows..t.rows.len())
        .filter(|&i| {
            let norms: Vec<String> = t
                .rows
                .get(i)
                .map(|r| r.iter().map(|c| c.norm.clone()).collect())
                .unwrap_or_default();
            let repeated =
                t.continuations.iter().any(|&c| c <= i) && continuation_header(t, i, &header_norms);
            !repeated && !is_number_row(&norms)
        })
        .collect()
}

/// The normalised text of cell `j` of a row (empty when absent).
fn norm_at(row: &[super::SourceCell], j: usize) -> String {
    row.get(j).map(|c| c.norm.clone()).unwrap_or_default()
}

/// The printed text of cell `j` of a row, cleaned (empty when absent).
fn printed_at(row: &[super::SourceCell], j: usize) -> String {
    row.get(j).map(|c| clean(&c.text)).unwrap_or_default()
}

/// A classification code read from its joined text: functional, else economic.
fn code_of(code_text: &str) -> Option<crate::classification::Code> {
    if code_text.is_empty() {
        None
    } else {
        crate::classification::Code::functional(code_text)
            .or_else(|_| crate::classification::Code::economic(code_text))
            .ok()
    }
}

/// The rows of one block of columns, read one source row at a time, with what carries from a row
/// to the next.
struct BlockRows<'a> {
    t: &'a SourceTable,
    kind: Option<TableKind>,
    block: &'a Block,
    /// The column of the table each of the block's amount columns fills.
    cols: Vec<usize>,
    /// The number of amount columns of the table.
    ncols: usize,
    /// A summary table (收 | 支): rows are not joined as wrapped labels.
    summary: bool,
    side: Option<RowSide>,
    /// The last part printed in each code column (类 / 款 carried to rows that leave it blank).
    last_code: Vec<String>,
    /// A wrapped label held for the row it belongs to.
    pending: Option<String>,
}

impl BlockRows<'_> {
    /// Read source row `i` of the block into `a` (nothing when the block prints nothing there).
    fn row(&mut self, a: &mut Assembled, i: usize) {
        let Some(row) = self.t.rows.get(i) else {
            return;
        };
        let (code_parts, label_in_code) = self.code_parts(row);
        let mut name = self
            .block
            .name
            .map(|j| printed_at(row, j))
            .unwrap_or_default();
        if name.is_empty() {
            name = label_in_code;
        }
        let (cells, at, any) = self.amounts(a, row, i);
        let code_text = self.code_text(&code_parts);
        let code = code_of(&code_text);
        if code.is_none() && !code_text.is_empty() {
            a.bad.push(BadCell {
                row: i,
                column: self.block.codes.first().copied().unwrap_or(0),
                text: code_text.clone(),
                reason: "not a classification code".to_owned(),
            });
            if name.is_empty() {
                name = code_text.clone();
            }
        }
        if name.is_empty() && code.is_none() && !any {
            return; // nothing printed in this block on this row
        }
        if (name == "无" || name == "-") && !any && code.is_none() {
            return;
        }
        if code.is_none() && !any && self.is_wrapped_label(&name) {
            self.hold_wrapped(a, i, &name);
            return;
        }
        if let Some(p) = self.pending.take() {
            name = p + &name;
        }
        if name.is_empty()
            && code.is_none()
            && self.block.name.is_none()
            && self.block.codes.is_empty()
        {
            // A table of figures only (三公): the row is the figure of the table's phase.
            name = match self.kind.map(TableKind::phase) {
                Some(crate::budget::Phase::Final) => "决算数".to_owned(),
                _ => "预算数".to_owned(),
            };
        }
        a.any_amount |= any;
        a.rows.push(TableRow {
            line: i as u64 + 1,
            code,
            name,
            cells,
            side: self.side,
        });
        a.row_at.push(i);
        a.cell_at.push(at);
    }

    /// Code parts; a non-code text in a code column is a label (returned second).
    fn code_parts(&self, row: &[super::SourceCell]) -> (Vec<String>, String) {
        let mut label_in_code = String::new();
        let mut code_parts: Vec<String> = Vec::new();
        for (k, &j) in self.block.codes.iter().enumerate() {
            let s = norm_at(row, j);
            if s.is_empty() || s.chars().all(|c| c.is_ascii_digit()) {
                // 款 / 项 printed without their leading zero (a spreadsheet's number format).
                let s = if k > 0 && s.len() == 1 {
                    format!("0{s}")
                } else {
                    s
                };
                code_parts.push(s);
            } else {
                if label_in_code.is_empty() {
                    label_in_code = printed_at(row, j);
                }
                code_parts.push(String::new());
            }
        }
        (code_parts, label_in_code)
    }

    /// Amounts: the row's figures in the table's columns, the source column of each, and whether
    /// any was printed; a cell that does not read as an amount is kept blank and noted in `a`.
    fn amounts(
        &self,
        a: &mut Assembled,
        row: &[super::SourceCell],
        i: usize,
    ) -> (Vec<Option<Decimal>>, Vec<Option<usize>>, bool) {
        let mut cells: Vec<Option<Decimal>> = vec![None; self.ncols];
        let mut at: Vec<Option<usize>> = vec![None; self.ncols];
        let mut any = false;
        for (&j, &k) in self.block.amounts.iter().zip(&self.cols) {
            let Some(c) = row.get(j) else { continue };
            if let Some(slot) = at.get_mut(k) {
                *slot = Some(j);
            }
            if c.is_blank() {
                continue;
            }
            let joined: String = c.norm.chars().filter(|ch| !ch.is_whitespace()).collect();
            match parse_amount(&joined) {
                Ok(Some(v)) => {
                    if let Some(slot) = cells.get_mut(k) {
                        *slot = Some(v);
                    }
                    any = true;
                }
                Ok(None) => {}
                Err(e) => a.bad.push(BadCell {
                    row: i,
                    column: j,
                    text: c.text.clone(),
                    reason: e.to_string(),
                }),
            }
        }
        (cells, at, any)
    }

    /// The code: split parts with the 类 / 款 carried from the row above when blank.
    fn code_text(&mut self, code_parts: &[String]) -> String {
        let has_code = code_parts.iter().any(|p| !p.is_empty());
        if !(has_code && code_parts.len() > 1) {
            return code_parts.concat();
        }
        let first_blank = code_parts.first().is_some_and(String::is_empty);
        let mut out = String::new();
        for (k, p) in code_parts.iter().enumerate() {
            if p.is_empty() {
                if first_blank
                    && code_parts.iter().skip(k + 1).any(|q| !q.is_empty())
                    && let Some(carried) = self.last_code.get(k)
                {
                    out.push_str(carried);
                }
            } else {
                out.push_str(p);
            }
        }
        for (k, p) in code_parts.iter().enumerate() {
            if !p.is_empty()
                && let Some(slot) = self.last_code.get_mut(k)
            {
                *slot = p.clone();
            }
        }
        out
    }

    /// A label wrapped onto a row of its own (no code, no amount, not a known label), in a block
    /// with code columns and not in a summary table.
    fn is_wrapped_label(&self, name: &str) -> bool {
        let b = self.block;
        !self.summary
            && !name.is_empty()
            && RowLabel::recognise(name).is_none()
            && crate::catalog::functional_class_by_name(name, None).is_none()
            && b.codes.len() + usize::from(b.name.is_some()) > 0
            && !b.codes.is_empty()
    }

    /// Append a wrapped label to the previous row when it came from the row just above, else
    /// hold it for the next row.
    fn hold_wrapped(&mut self, a: &mut Assembled, i: usize, name: &str) {
        let prev_above = a.row_at.last().is_some_and(|&p| p + 1 == i)
            && a.rows.last().is_some_and(|r| r.code.is_some());
        if prev_above && self.pending.is_none() {
            if let Some(r) = a.rows.last_mut() {
                r.name.push_str(name);
            }
        } else {
            self.pending = Some(self.pending.take().unwrap_or_default() + name);
        }
    }
}

/// Assemble the grid of a recognised table of `kind`.
pub(crate) fn assemble(t: &SourceTable, kind: Option<TableKind>) -> Assembled {
    let width = t.rows.first().map_or(0, Vec::len);
    let header_rows = header_count(t);
    let parts = header_parts(t, header_rows, width);
    let roles = column_roles(t, &parts, header_rows);
    let blocks = blocks(&roles);
    let summary = kind.is_some_and(TableKind::is_summary) && blocks.len() == 2;

    let mut a = Assembled {
        header_rows,
        skipped: skipped_columns(&blocks, &parts),
        ..Assembled::default()
    };
    let block_cols = amount_columns(&mut a, &blocks, &roles, &parts);
    let ncols = a.columns.len();

    // Rows, block by block (summary: block 0 income, block 1 expenditure; otherwise linearised).
    let data = data_rows(t, header_rows);
    let _ = repeats_header;
    for (bi, b) in blocks.iter().enumerate() {
        let side = if summary {
            Some(if bi == 0 {
                RowSide::Income
            } else {
                RowSide::Expenditure
            })
        } else {
            None
        };
        let mut rows = BlockRows {
            t,
            kind,
            block: b,
            cols: block_cols.get(bi).cloned().unwrap_or_default(),
            ncols,
            summary,
            side,
            last_code: vec![String::new(); b.codes.len()],
            pending: None,
        };
        for &i in &data {
            rows.row(&mut a, i);
        }
    }
    dedupe_totals(&mut a);
    a
}

/// Whether row `i` repeats the header at the start of a continuation.
fn continuation_header(t: &SourceTable, i: usize, header: &[Vec<String>]) -> bool {
    let Some(&start) = t.continuations.iter().filter(|&&c| c <= i).max() else {
        return false;
    };
    // Only rows that follow the continuation start without a data row between.
    (start..=i).all(|k| {
        let norms: Vec<String> = t.rows[k].iter().map(|c| c.norm.clone()).collect();
        repeats_header(&norms, header) || is_number_row(&norms)
    })
}

/// Keep one of identical total rows printed on every page (same label, side and figures).
fn dedupe_totals(a: &mut Assembled) {
    let mut keep = vec![true; a.rows.len()];
    for i in 0..a.rows.len() {
        if !matches!(a.rows[i].label(), Some(RowLabel::Total)) {
            continue;
        }
        for j in 0..i {
            if keep[j]
                && a.rows[j].label() == a.rows[i].label()
                && a.rows[j].side == a.rows[i].side
                && a.rows[j].cells == a.rows[i].cells
            {
                keep[i] = false;
            }
        }
    }
    let mut k = keep.iter();
    a.rows.retain(|_| *k.next().unwrap_or(&true));
    let mut k = keep.iter();
    a.row_at.retain(|_| *k.next().unwrap_or(&true));
    let mut k = keep.iter();
    a.cell_at.retain(|_| *k.next().unwrap_or(&true));
}

/// The flattened headings and the first row of figures of a "三公" table printed with 预算数 /
/// 决算数 sub-columns, when it is one.
pub(crate) fn figure_columns(t: &SourceTable) -> Option<(Vec<String>, Vec<usize>, usize)> {
    let width = t.rows.first().map_or(0, Vec::len);
    let header_rows = header_count(t);
    let parts = header_parts(t, header_rows, width);
    let mut heads = Vec::new();
    let mut cols = Vec::new();
    let mut figures = 0;
    for (j, ps) in parts.iter().enumerate() {
        if ps.is_empty() {
            continue;
        }
        let full: String = ps
            .iter()
            .map(|(_, n)| n.as_str())
            .collect::<Vec<_>>()
            .join("/");
        if let Some((_, Some(_))) = TableColumn::recognise_with_figure(&full) {
            figures += 1;
        }
        let printed: String = ps
            .iter()
            .map(|(p, _)| p.as_str())
            .collect::<Vec<_>>()
            .join("/");
        heads.push(printed);
        cols.push(j);
    }
    (figures >= 2 && figures == heads.len()).then_some((heads, cols, header_rows))
}

/// A "三公" table printed as a vertical list (one row per item: 因公出国(境)费, 公务用车购置及运行费 …,
/// with a 预算数 / 决算数 / 金额 column or two): transposed to the layout the checks know — one
/// column per item, one row per figure. `None` when the rows are not such a list.
pub(crate) fn transpose_three_public(a: &Assembled, kind: TableKind) -> Option<Assembled> {
    let items: Vec<Option<TableColumn>> = a
        .rows
        .iter()
        .map(|r| TableColumn::recognise(&r.name))
        .collect();
    let known = items
        .iter()
        .flatten()
        .filter(|c| {
            !matches!(
                c,
                TableColumn::Budgeted | TableColumn::Actual | TableColumn::Amount
            )
        })
        .count();
    if known < 3
        || items.iter().any(Option::is_none)
        || a.columns.len() > 2
        || a.rows.iter().any(|r| r.code.is_some())
    {
        return None;
    }
    let default_figure = match kind.phase() {
        crate::budget::Phase::Final => "决算数",
        _ => "预算数",
    };
    let mut t = Assembled {
        columns: a.rows.iter().map(|r| r.name.clone()).collect(),
        full: a.rows.iter().map(|r| r.name.clone()).collect(),
        column_at: a
            .row_at
            .iter()
            .map(|_| a.column_at.first().copied().unwrap_or(0))
            .collect(),
        header_rows: a.header_rows,
        any_amount: a.any_amount,
        bad: a.bad.clone(),
        ..Assembled::default()
    };
    for (i, heading) in a.columns.iter().enumerate() {
        let name = match TableColumn::recognise(heading) {
            Some(TableColumn::Budgeted | TableColumn::Actual) => heading.clone(),
            _ => default_figure.to_owned(),
        };
        t.rows.push(TableRow {
            line: a.rows.first().map_or(1, |r| r.line),
            code: None,
            name,
            cells: a
                .rows
                .iter()
                .map(|r| r.cells.get(i).copied().flatten())
                .collect(),
            side: None,
        });
        t.row_at.push(a.row_at.first().copied().unwrap_or(0));
        t.cell_at.push(
            a.cell_at
                .iter()
                .map(|c| c.get(i).copied().flatten())
                .collect(),
        );
        t.cell_src.push(
            a.row_at
                .iter()
                .zip(&a.cell_at)
                .map(|(&r, c)| c.get(i).copied().flatten().map(|col| (r, col)))
                .collect(),
        );
    }
    Some(t)
}
