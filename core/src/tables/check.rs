//! The checks inside one published table.

use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use super::table::{PublishedTable, RowLabel, RowSide, TableColumn};
use super::{TableCheckOptions, rules};
use crate::error::{Error, Result};
use crate::finding::{Finding, Findings};
use crate::rules::Rule;

/// The sum of the present values and how many there were (`None` when all are blank).
pub(crate) fn sum_cells(
    values: impl IntoIterator<Item = Option<Decimal>>,
) -> Result<(Option<Decimal>, usize)> {
    let mut sum: Option<Decimal> = None;
    let mut n = 0;
    for v in values.into_iter().flatten() {
        n += 1;
        let acc = sum.unwrap_or(Decimal::ZERO);
        sum = Some(
            acc.checked_add(v)
                .ok_or_else(|| Error::overflow(format!("sum {acc} + {v}")))?,
        );
    }
    Ok((sum, n))
}

/// Whether `expected` and `actual` differ by more than `allowed`. Two blanks agree; a blank
/// against a value agrees only when the value is within `allowed` of zero.
pub(crate) fn differs(
    expected: Option<Decimal>,
    actual: Option<Decimal>,
    allowed: Decimal,
) -> Result<bool> {
    let d = match (expected, actual) {
        (None, None) => return Ok(false),
        (Some(e), Some(a)) => a
            .checked_sub(e)
            .ok_or_else(|| Error::overflow(format!("{a} − {e}")))?,
        (Some(v), None) | (None, Some(v)) => v,
    };
    Ok(d.abs() > allowed)
}

/// A finding with optional expected and actual values.
#[allow(clippy::too_many_arguments)]
pub(crate) fn finding(
    rule: &Rule,
    table: &str,
    code: &str,
    column: Option<&str>,
    expected: Option<Decimal>,
    actual: Option<Decimal>,
    zh: String,
    en: String,
) -> Finding {
    let mut f = Finding::new(rule, zh, en).with_table(table).with_code(code);
    if let Some(c) = column {
        f = f.with_column(c);
    }
    match (expected, actual) {
        (Some(e), Some(a)) => f.with_values(e, a),
        (e, a) => {
            f.expected = e;
            f.actual = a;
            f
        }
    }
}

fn show(v: Option<Decimal>) -> String {
    v.map_or_else(|| "空白".to_owned(), |d| d.to_string())
}

fn show_en(v: Option<Decimal>) -> String {
    v.map_or_else(|| "blank".to_owned(), |d| d.to_string())
}

/// The coded rows of a table as a tree: each row hangs under its nearest printed ancestor.
pub(crate) struct Tree {
    /// Coded rows (first occurrence of each code), in printed order.
    pub(crate) rows: Vec<usize>,
    /// Nearest printed ancestor of each row (by table row index).
    pub(crate) parent: Vec<Option<usize>>,
    /// Rows directly under each row (by table row index).
    pub(crate) children: Vec<Vec<usize>>,
    /// Rows without a printed ancestor, in printed order.
    pub(crate) tops: Vec<usize>,
    /// (first, repeated) pairs of rows with the same code or total label.
    pub(crate) duplicates: Vec<(usize, usize)>,
    /// Balance rows (年初 / 年末 (财政拨款) 结转和结余, 上年结转) and the book rows printed under
    /// them (一般公共预算财政拨款, 政府性基金预算财政拨款, 国有资本经营预算财政拨款): the balance
    /// broken down by book, as the 财政拨款收入支出决算总表 (F4) prints it. Those rows repeat the
    /// labels of the income lines without being them.
    pub(crate) balances: Vec<(usize, Vec<usize>)>,
}

/// Whether a label row breaks a balance down by book when printed under it.
fn is_book_label(l: RowLabel) -> bool {
    matches!(
        l,
        RowLabel::General | RowLabel::Fund | RowLabel::StateCapital
    )
}

impl Tree {
    pub(crate) fn of(t: &PublishedTable) -> Tree {
        let n = t.rows().len();
        let mut present = FxHashMap::default();
        let mut labels: FxHashMap<RowLabel, usize> = FxHashMap::default();
        let mut tree = Tree {
            rows: Vec::new(),
            parent: vec![None; n],
            children: vec![Vec::new(); n],
            tops: Vec::new(),
            duplicates: Vec::new(),
            balances: Vec::new(),
        };
        // The balance row whose book rows may follow.
        let mut balance: Option<usize> = None;
        for (i, r) in t.rows().iter().enumerate() {
            let label = r.label();
            match (balance, label) {
                (Some(b), Some(l)) if is_book_label(l) => {
                    if let Some((_, subs)) = tree.balances.iter_mut().find(|(x, _)| *x == b) {
                        subs.push(i);
                    }
                    continue;
                }
                (_, Some(RowLabel::OpeningBalance | RowLabel::ClosingBalance)) => {
                    balance = Some(i);
                    tree.balances.push((i, Vec::new()));
                }
                _ => balance = None,
            }
            match (t.row_code(r), label) {
                (Some(c), _) => match present.get(&c) {
                    Some(&first) => tree.duplicates.push((first, i)),
                    None => {
                        present.insert(c, i);
                        tree.rows.push(i);
                    }
                },
                (None, Some(l)) => match labels.get(&l) {
                    Some(&first) => tree.duplicates.push((first, i)),
                    None => {
                        labels.insert(l, i);
                    }
                },
                (None, None) => {}
            }
        }
        tree.balances.retain(|(_, subs)| !subs.is_empty());
        for &i in &tree.rows {
            let Some(code) = t.rows().get(i).and_then(|r| t.row_code(r)) else {
                continue;
            };
            let parent = code
                .ancestors()
                .iter()
                .rev()
                .find_map(|a| present.get(a).copied());
            match parent {
                Some(p) => {
                    if let Some(slot) = tree.parent.get_mut(i) {
                        *slot = Some(p);
                    }
                    if let Some(list) = tree.children.get_mut(p) {
                        list.push(i);
                    }
                }
                None => tree.tops.push(i),
            }
        }
        tree
    }

    pub(crate) fn children_of(&self, i: usize) -> &[usize] {
        self.children.get(i).map_or(&[], Vec::as_slice)
    }

    pub(crate) fn is_leaf(&self, i: usize) -> bool {
        self.children_of(i).is_empty()
    }

    /// Whether row `i` breaks a balance row down by book (see [`Tree::balances`]).
    pub(crate) fn is_balance_part(&self, i: usize) -> bool {
        self.balances.iter().any(|(_, subs)| subs.contains(&i))
    }
}

/// One table under check.
struct Check<'a> {
    t: &'a PublishedTable,
    opts: &'a TableCheckOptions,
    tree: Tree,
    name: String,
    out: Findings,
}

/// One group of a row-sum check: the total's role and column, its parts' columns, and the
/// columns the form does not name.
#[derive(Clone, Copy)]
struct RowSum<'a> {
    /// The total's role.
    total: TableColumn,
    /// The total's column.
    tc: usize,
    /// The parts' columns.
    pcs: &'a [usize],
    /// The columns the form does not name.
    unnamed: &'a [usize],
}

impl Check<'_> {
    fn cell(&self, row: usize, col: usize) -> Option<Decimal> {
        self.t
            .rows()
            .get(row)
            .and_then(|r| r.cells.get(col).copied().flatten())
    }

    /// The columns the checks look at: every column but those kept unrecognised
    /// ([`TableColumn::Other`]).
    fn checked_columns(&self) -> Vec<usize> {
        (0..self.t.columns().len())
            .filter(|&c| self.t.column_roles().get(c) != Some(&TableColumn::Other))
            .collect()
    }

    fn key(&self, row: usize) -> String {
        self.t.rows().get(row).map(|r| r.key()).unwrap_or_default()
    }

    fn column_name(&self, col: usize) -> &str {
        self.t.columns().get(col).map_or("", String::as_str)
    }

    fn sum_allowed(&self, addends: usize) -> Result<Decimal> {
        self.opts.tolerance.sum_allowed(self.t.unit(), addends)
    }

    /// The first row printed with `label`, book rows under a balance aside.
    fn label_row(&self, label: RowLabel) -> Option<usize> {
        self.t
            .rows()
            .iter()
            .enumerate()
            .position(|(i, r)| r.label() == Some(label) && !self.tree.is_balance_part(i))
    }

    /// Σ of the leaves under `row` in `col` (the row itself when it is a leaf) and how many
    /// printed cells that involves.
    fn computed(&self, row: usize, col: usize) -> Result<(Option<Decimal>, usize)> {
        let children = self.tree.children_of(row);
        if children.is_empty() {
            let v = self.cell(row, col);
            return Ok((v, usize::from(v.is_some())));
        }
        let mut sum = None;
        let mut n = 0;
        for &c in children {
            let (v, k) = self.computed(c, col)?;
            n += k;
            let (s, _) = sum_cells([sum, v])?;
            sum = s;
        }
        Ok((sum, n))
    }

    /// Whether `row` (with children) differs from the sum of its children in `col`.
    fn parent_differs(&self, row: usize, col: usize) -> Result<bool> {
        let children = self.tree.children_of(row);
        if children.is_empty() {
            return Ok(false);
        }
        let (expected, n) = sum_cells(children.iter().map(|&c| self.cell(c, col)))?;
        differs(expected, self.cell(row, col), self.sum_allowed(n)?)
    }

    /// Whether a difference between `actual` and the printed sum of `rows` in `col` is explained
    /// by a wrong subtotal among `rows` (reported there): some row of `rows` differs from its own
    /// children, and `actual` agrees with the sum of the leaves.
    fn explained_below(&self, rows: &[usize], col: usize, actual: Option<Decimal>) -> Result<bool> {
        let mut below = false;
        for &r in rows {
            if self.parent_differs(r, col)? {
                below = true;
            }
        }
        if !below {
            return Ok(false);
        }
        let mut sum = None;
        let mut n = 0;
        for &r in rows {
            let (v, k) = self.computed(r, col)?;
            n += k;
            sum = sum_cells([sum, v])?.0;
        }
        Ok(!differs(sum, actual, self.sum_allowed(n)?)?)
    }

    fn push(&mut self, f: Finding) {
        self.out.push(f);
    }

    /// Report an error: the printed cell of row `key` in column `col` (`actual`) differs from
    /// `what` (`expected`).
    fn report(
        &mut self,
        rule: &Rule,
        key: &str,
        col: usize,
        (expected, actual): (Option<Decimal>, Option<Decimal>),
        what_zh: &str,
        what_en: &str,
    ) {
        let col_name = self.column_name(col).to_owned();
        let f = finding(
            rule,
            &self.name,
            key,
            Some(&col_name),
            expected,
            actual,
            format!(
                "{key} 的{col_name} {} 不等于{what_zh} {}",
                show(actual),
                show(expected)
            ),
            format!(
                "{key}: {col_name} {} differs from {what_en} ({})",
                show_en(actual),
                show_en(expected)
            ),
        );
        self.push(f);
    }

    fn duplicates(&mut self) {
        let dups = std::mem::take(&mut self.tree.duplicates);
        for &(first, dup) in &dups {
            let (Some(a), Some(b)) = (self.t.rows().get(first), self.t.rows().get(dup)) else {
                continue;
            };
            let key = b.key();
            let f = finding(
                &rules::DUPLICATE_ROW,
                &self.name,
                &key,
                None,
                None,
                None,
                format!("{key} 重复列示（第{}行与第{}行）", a.line, b.line),
                format!("{key} is printed twice (lines {} and {})", a.line, b.line),
            );
            self.push(f);
        }
        self.tree.duplicates = dups;
    }

    /// 合计 = Σ parts in every row, for each group of columns the table prints.
    fn row_sums(&mut self) -> Result<()> {
        // A column the form does not name (单位预留机动经费, 会议费, 培训费, a "三公" 小计 …) may
        // be part of 合计: a row printing a figure in one is not summed (ambiguous, no finding).
        let unnamed: Vec<usize> = (0..self.t.columns().len())
            .filter(|&j| self.t.column_roles().get(j) == Some(&TableColumn::Other))
            .collect();
        for (total, parts) in self.row_sum_groups() {
            let Some(tc) = self.t.column(total) else {
                continue;
            };
            let pcs: Vec<usize> = parts.iter().filter_map(|p| self.t.column(*p)).collect();
            if pcs.is_empty() {
                continue;
            }
            let sum = RowSum {
                total,
                tc,
                pcs: &pcs,
                unnamed: &unnamed,
            };
            for i in 0..self.t.rows().len() {
                self.row_sum(i, &sum)?;
            }
        }
        Ok(())
    }

    /// The (total, parts) column groups whose rows add up, as far as the table prints them.
    fn row_sum_groups(&self) -> Vec<(TableColumn, Vec<TableColumn>)> {
        use TableColumn as C;
        let has = |c: C| self.t.column(c).is_some();
        let income_first: Vec<C> = if has(C::Appropriation) {
            vec![C::Appropriation]
        } else {
            vec![C::General, C::Fund, C::StateCapital]
        };
        let mut income = income_first;
        income.extend([
            C::OperatingIncome,
            C::BusinessIncome,
            C::OtherIncome,
            C::SuperiorGrant,
            C::AffiliateRemit,
        ]);
        // 非财政拨款 is either a part of 合计 (when its own parts are not printed) or the
        // subtotal of 事业收入, 经营收入, 其他收入 … (when they are).
        let non_appropriation_parts = [
            C::OperatingIncome,
            C::BusinessIncome,
            C::OtherIncome,
            C::SuperiorGrant,
            C::AffiliateRemit,
        ];
        if !non_appropriation_parts.iter().any(|c| has(*c)) {
            income.push(C::NonAppropriation);
        }
        income.push(C::CarriedOver);
        income.push(C::UseOfBalance);
        // 基本支出, or its two halves 人员经费 + 公用经费 where the table prints those instead
        // (预算表一 / 三 / 五 of some 2026 forms: 合计 = 人员经费 + 公用经费 + 项目支出).
        let basic: Vec<C> = if has(C::Basic) {
            vec![C::Basic]
        } else {
            vec![C::Personnel, C::Public]
        };
        let mut expenditure = basic;
        expenditure.extend([
            C::Project,
            C::RemitToSuperior,
            C::BusinessExpenditure,
            C::SubsidyToAffiliates,
        ]);
        let mut groups: Vec<(C, Vec<C>)> = vec![
            (C::Total, expenditure),
            (C::Basic, vec![C::Personnel, C::Public]),
            (C::Total, vec![C::AbroadTravel, C::Vehicles, C::Reception]),
            (C::Vehicles, vec![C::VehiclePurchase, C::VehicleOperation]),
            (C::Total, income),
            (C::Appropriation, vec![C::General, C::Fund, C::StateCapital]),
        ];
        if non_appropriation_parts.iter().any(|c| has(*c)) {
            groups.push((C::NonAppropriation, non_appropriation_parts.to_vec()));
        }
        groups
    }

    /// Check one row's total against the sum of its parts.
    fn row_sum(&mut self, i: usize, sum: &RowSum<'_>) -> Result<()> {
        let RowSum {
            total,
            tc,
            pcs,
            unnamed,
        } = *sum;
        let (expected, n) = sum_cells(pcs.iter().map(|&c| self.cell(i, c)))?;
        let actual = self.cell(i, tc);
        let coded = self.t.rows().get(i).is_some_and(|r| r.code.is_some());
        if total == TableColumn::Total && unnamed.iter().any(|&c| self.cell(i, c).is_some()) {
            if pcs.len() >= 2 {
                self.report_unknown_columns(i, tc, unnamed, actual);
            }
            return Ok(());
        }
        if n == 0 && !coded {
            return Ok(()); // a label row that prints no split (e.g. income lines of T4)
        }
        if differs(expected, actual, self.sum_allowed(n)?)? {
            let key = self.key(i);
            let parts = pcs
                .iter()
                .map(|&c| self.column_name(c))
                .collect::<Vec<_>>()
                .join(" + ");
            let printed: Vec<Option<Decimal>> = std::iter::once(tc)
                .chain(pcs.iter().copied())
                .map(|c| self.cell(i, c))
                .collect();
            if self.whole_yuan_rounding(&printed, expected, actual)? {
                self.report_rounding(&key, tc, (expected, actual), &parts);
                return Ok(());
            }
            self.report(
                &rules::ROW_SUM,
                &key,
                tc,
                (expected, actual),
                &format!("{parts} 之和"),
                &format!("the sum of {parts}"),
            );
        }
        Ok(())
    }

    /// [`rules::UNKNOWN_COLUMN`]: row `i`'s total in column `tc` is not checked because the
    /// row prints figures in columns the form does not name.
    fn report_unknown_columns(
        &mut self,
        i: usize,
        tc: usize,
        unnamed: &[usize],
        actual: Option<Decimal>,
    ) {
        let key = self.key(i);
        let col_name = self.column_name(tc).to_owned();
        let others = unnamed
            .iter()
            .map(|&c| self.column_name(c))
            .collect::<Vec<_>>()
            .join("、");
        let f = finding(
            &rules::UNKNOWN_COLUMN,
            &self.name,
            &key,
            Some(&col_name),
            None,
            actual,
            format!("{key} 的{col_name}未核对：表中另有未识别的列（{others}），不能确定合计的构成"),
            format!(
                "{key}: {col_name} not checked: the table has columns not recognised ({others}), so what the total sums is not known"
            ),
        );
        self.out.push(f);
    }

    /// Whether a 元 difference is explained by cells printed to whole 元 among cells printed
    /// with 分 (`printed`: the total and its parts as printed). A real 2026 预算表一 prints
    /// 79,189,400.34 against 12,604,173 + 1,744,680 + 64,840,547, and its 支出预算总表 a 基本支出
    /// 合计 of 22,118,861 against 类 rows adding up to 22,118,861.34: each figure printed without
    /// decimals in a table that prints 分 may have been rounded by up to 0.5 元, so a difference
    /// within 0.5 × (number of such figures) cannot be told from rounding (at most an info).
    fn whole_yuan_rounding(
        &self,
        printed: &[Option<Decimal>],
        expected: Option<Decimal>,
        actual: Option<Decimal>,
    ) -> Result<bool> {
        let (Some(e), Some(a)) = (expected, actual) else {
            return Ok(false);
        };
        if self.t.unit() != crate::money::Unit::Yuan {
            return Ok(false);
        }
        let values: Vec<Decimal> = printed.iter().flatten().copied().collect();
        let whole = values.iter().filter(|v| v.scale() == 0).count();
        if whole == 0 || values.iter().all(|v| v.scale() == 0) {
            return Ok(false);
        }
        let d = a
            .checked_sub(e)
            .ok_or_else(|| Error::overflow(format!("{a} − {e}")))?;
        Ok(d.abs() <= Decimal::new(5, 1) * Decimal::from(whole))
    }

    /// An info finding: a 元 difference within the rounding of figures printed to whole 元.
    fn report_rounding(
        &mut self,
        key: &str,
        col: usize,
        (expected, actual): (Option<Decimal>, Option<Decimal>),
        parts: &str,
    ) {
        let col_name = self.column_name(col).to_owned();
        let f = finding(
            &rules::WHOLE_YUAN_ROUNDING,
            &self.name,
            key,
            Some(&col_name),
            expected,
            actual,
            format!(
                "{key} 的{col_name} {} 与{parts} 之和 {} 相差不足各取整到元的分项舍入，无法判定为错误",
                show(actual),
                show(expected)
            ),
            format!(
                "{key}: {col_name} {} differs from the sum of {parts} ({}) by no more than the rounding of parts printed to whole 元",
                show_en(actual),
                show_en(expected)
            ),
        );
        self.push(f);
    }

    /// Every parent row = Σ its children; a leaf equal to its parent and to the sum of its
    /// siblings is a subtotal printed as an item.
    fn parent_sums(&mut self) -> Result<()> {
        let cols = self.checked_columns();
        for p in self.tree.rows.clone() {
            let children = self.tree.children_of(p).to_vec();
            if children.is_empty() {
                continue;
            }
            let mut failing = Vec::new();
            for &col in &cols {
                let (expected, _) = sum_cells(children.iter().map(|&c| self.cell(c, col)))?;
                let actual = self.cell(p, col);
                if self.parent_differs(p, col)? && !self.explained_below(&children, col, actual)? {
                    failing.push((col, expected, actual));
                }
            }
            if failing.is_empty() {
                continue;
            }
            if let (Some(x), Some(&(col, expected, actual))) =
                (self.subtotal_leaf(p, &children)?, failing.first())
            {
                let key = self.key(x);
                let parent = self.key(p);
                let col_name = self.column_name(col).to_owned();
                let f = finding(
                    &rules::SUBTOTAL_AS_LEAF,
                    &self.name,
                    &key,
                    Some(&col_name),
                    actual,
                    expected,
                    format!(
                        "{key} 等于其同级明细之和与上级 {parent}，是作为明细列示的小计：{parent} 的下级合计 {} 重复计算为 {}",
                        show(actual),
                        show(expected)
                    ),
                    format!(
                        "{key} equals its siblings' sum and its parent {parent}: a subtotal printed as an item, counting {} twice ({})",
                        show_en(actual),
                        show_en(expected)
                    ),
                );
                self.push(f);
                continue;
            }
            for (col, expected, actual) in failing {
                let key = self.key(p);
                self.report(
                    &rules::PARENT_SUM,
                    &key,
                    col,
                    (expected, actual),
                    "其下级科目之和",
                    "the sum of the rows under it",
                );
            }
        }
        Ok(())
    }

    /// The last leaf child of `p` that equals `p` and the sum of its siblings in every column.
    fn subtotal_leaf(&self, p: usize, children: &[usize]) -> Result<Option<usize>> {
        if children.len() < 2 {
            return Ok(None);
        }
        'candidates: for &x in children.iter().rev() {
            if !self.tree.is_leaf(x) {
                continue;
            }
            let mut any = false;
            for col in self.checked_columns() {
                let xv = self.cell(x, col);
                let pv = self.cell(p, col);
                let mut others = None;
                let mut n = 0;
                for &c in children.iter().filter(|&&c| c != x) {
                    let (v, k) = self.computed(c, col)?;
                    n += k;
                    others = sum_cells([others, v])?.0;
                }
                if xv.is_some() {
                    any = true;
                }
                if differs(others, pv, self.sum_allowed(n)?)?
                    || differs(xv, pv, self.opts.tolerance.allowed(self.t.unit(), 2)?)?
                {
                    continue 'candidates;
                }
            }
            if any {
                return Ok(Some(x));
            }
        }
        Ok(None)
    }

    /// Σ 类 = the 合计 row (or 人员经费合计 + 公用经费合计 when the table prints those instead).
    fn total_sum(&mut self) -> Result<()> {
        let tops = self.tree.tops.clone();
        if tops.is_empty() {
            return Ok(());
        }
        let total_rows: Vec<usize> = match self.label_row(RowLabel::Total) {
            Some(r) => vec![r],
            None => match (
                self.label_row(RowLabel::PersonnelTotal),
                self.label_row(RowLabel::PublicTotal),
            ) {
                (Some(a), Some(b)) => vec![a, b],
                _ => return Ok(()),
            },
        };
        let key = total_rows
            .iter()
            .map(|&r| self.key(r))
            .collect::<Vec<_>>()
            .join("+");
        for col in self.checked_columns() {
            let (actual, k) = sum_cells(total_rows.iter().map(|&r| self.cell(r, col)))?;
            let (expected, n) = sum_cells(tops.iter().map(|&r| self.cell(r, col)))?;
            let allowed = self.opts.tolerance.allowed(self.t.unit(), n + k.max(1))?;
            if differs(expected, actual, allowed)? && !self.explained_below(&tops, col, actual)? {
                let printed: Vec<Option<Decimal>> = total_rows
                    .iter()
                    .chain(&tops)
                    .map(|&r| self.cell(r, col))
                    .collect();
                if self.whole_yuan_rounding(&printed, expected, actual)? {
                    self.report_rounding(&key, col, (expected, actual), "各类");
                    continue;
                }
                self.report(
                    &rules::TOTAL_SUM,
                    &key,
                    col,
                    (expected, actual),
                    "各类之和",
                    "the sum of the 类 rows",
                );
            }
        }
        Ok(())
    }

    /// Compare a printed total row with the sum of other rows in `col`.
    #[allow(clippy::too_many_arguments)]
    fn rows_equal(
        &mut self,
        rule: &Rule,
        total: usize,
        parts: &[usize],
        col: usize,
        what_zh: &str,
        what_en: &str,
    ) -> Result<()> {
        if parts.is_empty() {
            return Ok(());
        }
        let (expected, n) = sum_cells(parts.iter().map(|&r| self.cell(r, col)))?;
        let actual = self.cell(total, col);
        if n == 0 && actual.is_none() {
            return Ok(());
        }
        if differs(expected, actual, self.sum_allowed(n)?)? {
            let key = self.key(total);
            self.report(rule, &key, col, (expected, actual), what_zh, what_en);
        }
        Ok(())
    }

    /// The rows that stand for `lines` one level up: the printed row `label`, checked against the
    /// sum of `lines` in `col` under `rule`, or the lines themselves when it is not printed.
    fn subtotal_or_lines(
        &mut self,
        label: RowLabel,
        lines: Vec<usize>,
        col: usize,
        rule: &Rule,
        what: (&str, &str),
    ) -> Result<Vec<usize>> {
        match self.label_row(label) {
            Some(r) => {
                self.rows_equal(rule, r, &lines, col, what.0, what.1)?;
                Ok(vec![r])
            }
            None => Ok(lines),
        }
    }

    /// The totals of a summary table (收支总表, 财政拨款收支总表).
    fn summary(&mut self) -> Result<()> {
        use RowLabel as L;
        let a = self.t.side_amount_column(Some(RowSide::Income));
        let rows = |labels: &[L], this: &Self| -> Vec<usize> {
            labels.iter().filter_map(|l| this.label_row(*l)).collect()
        };
        let unknown = self.unknown_lines();
        // Income side (the amount column). A line the library cannot place (an unknown label
        // with a figure) leaves the side's sums undecidable: said as an info, not checked.
        let income_known = !unknown.iter().any(|&i| {
            self.t
                .rows()
                .get(i)
                .is_some_and(|r| r.side == Some(RowSide::Income))
                && self.cell(i, a).is_some()
        });
        if income_known {
            self.income_side(a)?;
        }
        // Expenditure side (every column: the appropriation summary splits it by book).
        let tops = self.tree.tops.clone();
        for col in self.checked_columns() {
            if unknown.iter().any(|&i| {
                self.t
                    .rows()
                    .get(i)
                    .is_some_and(|r| r.side == Some(RowSide::Expenditure))
                    && self.cell(i, col).is_some()
            }) {
                continue;
            }
            let mut parts = self.subtotal_or_lines(
                L::CurrentExpenditure,
                tops.clone(),
                col,
                &rules::TOTAL_SUM,
                ("各类支出之和", "the sum of the 类 lines"),
            )?;
            parts.extend(rows(&[L::Distribution, L::ClosingBalance], self));
            self.subtotal_or_lines(
                L::ExpenditureTotal,
                parts,
                col,
                &rules::SUMMARY_BALANCE,
                ("支出方各项之和", "the sum of the expenditure side"),
            )?;
        }
        self.summary_balances(a)
    }

    /// The income side of a summary table in column `a`: books = 财政拨款收入, lines = 本年收入
    /// (合计), 本年收入 + balances = 收入总计.
    fn income_side(&mut self, a: usize) -> Result<()> {
        use RowLabel as L;
        let rows = |labels: &[L], this: &Self| -> Vec<usize> {
            labels.iter().filter_map(|l| this.label_row(*l)).collect()
        };
        let books = rows(&[L::General, L::Fund, L::StateCapital], self);
        let mut lines = self.subtotal_or_lines(
            L::Appropriation,
            books,
            a,
            &rules::TOTAL_SUM,
            ("各本预算财政拨款之和", "the sum of the books"),
        )?;
        lines.extend(rows(
            &[
                L::OperatingIncome,
                L::BusinessIncome,
                L::OtherIncome,
                L::SuperiorGrant,
                L::AffiliateRemit,
            ],
            self,
        ));
        let mut income = self.subtotal_or_lines(
            L::CurrentIncome,
            lines,
            a,
            &rules::TOTAL_SUM,
            ("各项收入之和", "the sum of the income lines"),
        )?;
        income.extend(rows(&[L::UseOfBalance, L::OpeningBalance], self));
        self.subtotal_or_lines(
            L::IncomeTotal,
            income,
            a,
            &rules::SUMMARY_BALANCE,
            ("收入方各项之和", "the sum of the income side"),
        )?;
        Ok(())
    }

    /// The balances broken down by book and the balance of the two sides.
    fn summary_balances(&mut self, a: usize) -> Result<()> {
        use RowLabel as L;
        // A balance broken down by book: the balance = Σ its book rows, in every column they fill.
        for (balance, parts) in self.tree.balances.clone() {
            for col in self.checked_columns() {
                if parts.iter().all(|&p| self.cell(p, col).is_none()) {
                    continue;
                }
                self.rows_equal(
                    &rules::TOTAL_SUM,
                    balance,
                    &parts,
                    col,
                    "其下各本预算之和",
                    "the sum of its books",
                )?;
            }
        }
        // The two sides.
        if let (Some(it), Some(et)) = (
            self.label_row(L::IncomeTotal),
            self.label_row(L::ExpenditureTotal),
        ) {
            let e = self.t.side_amount_column(Some(RowSide::Expenditure));
            let expected = self.cell(it, a);
            let actual = self.cell(et, e);
            if differs(
                expected,
                actual,
                self.opts.tolerance.allowed(self.t.unit(), 2)?,
            )? {
                let key = self.key(et);
                self.report(
                    &rules::SUMMARY_BALANCE,
                    &key,
                    e,
                    (expected, actual),
                    "收入总计",
                    "收入总计 (income total)",
                );
            }
        }
        Ok(())
    }

    /// Lines of a summary table printed by a name that is neither a known label nor (on the
    /// expenditure side) the name of a functional 类: not placed, said as an info; returns them.
    fn unknown_lines(&mut self) -> Vec<usize> {
        let mut out = Vec::new();
        for (i, r) in self.t.rows().iter().enumerate() {
            if r.side.is_none()
                || r.code.is_some()
                || r.label().is_some()
                || r.class_code().is_some()
                || self.tree.is_balance_part(i)
            {
                continue;
            }
            let key = r.key();
            let (zh, en) = if r.side == Some(RowSide::Income) {
                (
                    format!("收入项目“{key}”不是已知的收入项目名称，收入方合计未核对"),
                    format!(
                        "the income line {key:?} is not a known income line; the income side's sums are not checked"
                    ),
                )
            } else {
                (
                    format!("支出项目“{key}”不是已知的功能分类类级科目名称，未与明细表核对"),
                    format!(
                        "the expenditure line {key:?} is not the name of a functional 类; not compared with the detail tables"
                    ),
                )
            };
            let f = finding(
                &rules::UNKNOWN_LINE,
                &self.name,
                &key,
                None,
                None,
                self.t.row_amount(r),
                zh,
                en,
            );
            self.out.push(f);
            out.push(i);
        }
        out
    }

    /// 类 / 款 rows a hierarchical table lacks.
    fn missing_parents(&mut self) -> Result<()> {
        let hierarchical = self.tree.rows.iter().any(|&r| !self.tree.is_leaf(r));
        if !hierarchical {
            return Ok(());
        }
        let codes: Vec<(usize, crate::Code)> = self
            .tree
            .rows
            .iter()
            .filter_map(|&i| self.t.rows().get(i).and_then(|r| r.code).map(|c| (i, c)))
            .collect();
        let Some(min_level) = codes.iter().map(|(_, c)| c.level()).min() else {
            return Ok(());
        };
        let present: std::collections::BTreeSet<crate::Code> =
            codes.iter().map(|(_, c)| *c).collect();
        let mut missing: std::collections::BTreeSet<crate::Code> =
            std::collections::BTreeSet::new();
        for (_, c) in &codes {
            for a in c.ancestors() {
                if a.level() >= min_level && !present.contains(&a) {
                    missing.insert(a);
                }
            }
        }
        let col = self.t.amount_column();
        for m in missing {
            // The top-most printed rows under the missing code.
            let under: Vec<usize> = codes
                .iter()
                .filter(|(i, c)| {
                    m.is_ancestor_of(*c)
                        && self
                            .tree
                            .parent
                            .get(*i)
                            .copied()
                            .flatten()
                            .and_then(|p| self.t.rows().get(p).and_then(|r| r.code))
                            .is_none_or(|pc| !m.is_ancestor_of(pc))
                })
                .map(|(i, _)| *i)
                .collect();
            let (expected, _) = sum_cells(under.iter().map(|&r| self.cell(r, col)))?;
            let key = m.to_string();
            let col_name = self.column_name(col).to_owned();
            let level = m.level_name();
            let f = finding(
                &rules::MISSING_PARENT,
                &self.name,
                &key,
                Some(&col_name),
                expected,
                None,
                format!("缺少{level} {key} 的行；其下级合计 {}", show(expected)),
                format!(
                    "the {level} row {key} is missing; the rows under it add up to {}",
                    show_en(expected)
                ),
            );
            self.push(f);
        }
        Ok(())
    }

    /// Detailed rows that stop above the level the table must reach.
    fn granularity(&mut self) {
        let Some(kind) = self.t.kind() else {
            return;
        };
        let (Some(level), Some(scheme)) = (kind.required_level(), kind.scheme()) else {
            return;
        };
        let required_digits = 1 + 2 * level;
        for &i in &self.tree.rows.clone() {
            let Some(code) = self.t.rows().get(i).and_then(|r| r.code) else {
                continue;
            };
            if !self.tree.is_leaf(i) || code.level() >= level || code.scheme() != scheme {
                continue;
            }
            let key = code.to_string();
            let want = ["类", "款", "项", "目"]
                .get(usize::from(level.saturating_sub(1)))
                .copied()
                .unwrap_or("项");
            let f = finding(
                &rules::GRANULARITY,
                &self.name,
                &key,
                None,
                Some(Decimal::from(required_digits)),
                Some(Decimal::from(code.digit_count())),
                format!(
                    "{key} 只细化到{}，本表应细化到{want}（{required_digits}位编码）",
                    code.level_name()
                ),
                format!(
                    "{key} stops at {} level; this table must reach {want} ({required_digits}-digit codes)",
                    code.level_name()
                ),
            );
            self.push(f);
        }
    }
}

impl PublishedTable {
    /// Check the table on its own: row sums ([`rules::ROW_SUM`]), parent rows
    /// ([`rules::PARENT_SUM`]), the total row ([`rules::TOTAL_SUM`]), the balance of a summary table
    /// ([`rules::SUMMARY_BALANCE`]), structure ([`rules::DUPLICATE_ROW`], [`rules::MISSING_PARENT`],
    /// [`rules::SUBTOTAL_AS_LEAF`]) and, for a table of known kind, granularity
    /// ([`rules::GRANULARITY`]). Amounts agree within the rounding tolerance of the table's unit.
    /// The findings come sorted (errors first).
    ///
    /// ```
    /// use sunlit::{PublishedTable, tables::{TableCheckOptions, TableReadOptions}};
    /// let csv = "code,name,合计,基本支出,项目支出\n\
    ///            212,城乡社区支出,33775592,22783399,10992193\n\
    ///            21201,城乡社区管理事务,33775592,22783399,10992193\n\
    ///            2120104,城管执法,33775593,22783400,10992193\n\
    ///            ,合计,33775592,22783399,10992193\n";
    /// let t = PublishedTable::read_csv_str(csv, &TableReadOptions::default()).unwrap();
    /// let findings = t.check(&TableCheckOptions::default()).unwrap();
    /// assert_eq!(findings.len(), 2); // 21201 in 合计 and in 基本支出
    /// let f = &findings.as_slice()[0];
    /// assert_eq!((f.rule.as_str(), f.code.as_deref()), ("tables.parent_sum", Some("21201")));
    /// assert_eq!(f.difference.unwrap().to_string(), "-1");
    /// // Sums that do not fit 28 digits are an overflow error, never a wrapped or rounded figure.
    /// let max = sunlit::Decimal::MAX;
    /// let huge = PublishedTable::read_csv_str(&format!("code,name,合计,基本支出,项目支出\n212,x,1,{max},{max}\n"),
    ///     &TableReadOptions::default()).unwrap();
    /// assert!(matches!(huge.check(&TableCheckOptions::default()), Err(sunlit::Error::Overflow { .. })));
    /// ```
    pub fn check(&self, opts: &TableCheckOptions) -> Result<Findings> {
        let mut c = Check {
            t: self,
            opts,
            tree: Tree::of(self),
            name: self.label(),
            out: Findings::new(),
        };
        c.duplicates();
        c.row_sums()?;
        c.parent_sums()?;
        let summary = match self.kind() {
            Some(k) => k.is_summary(),
            None => {
                c.label_row(RowLabel::IncomeTotal).is_some()
                    || c.label_row(RowLabel::ExpenditureTotal).is_some()
            }
        };
        if summary {
            c.summary()?;
        } else {
            c.total_sum()?;
            c.missing_parents()?;
        }
        if opts.granularity {
            c.granularity();
        }
        let mut out = c.out;
        out.sort();
        Ok(out)
    }
}
