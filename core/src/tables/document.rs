//! A disclosure document: the tables of one unit, one year, one phase, and the identities that
//! bind them.

use rust_decimal::Decimal;

use super::check::{Tree, differs, finding, sum_cells};
use super::kind::TableKind;
use super::table::{PublishedTable, RowLabel, TableColumn, TableRow};
use super::{TableCheckOptions, rules};
use crate::budget::Phase;
use crate::classification::Code;
use crate::error::{Error, Result};
use crate::finding::Findings;
use crate::money::Unit;
use crate::rules::Rule;

/// A figure quoted in the narrative of a document (情况说明), to be checked against its table
/// (fiscal.md §2.3 identity 16): "2024年本年支出合计 1,234.56 万元" is `table` 收入支出决算总表, `row`
/// 本年支出合计, `amount` 1234.56, `unit` 万元.
///
/// ```
/// use sunlit::{Unit, tables::{NarrativeFigure, TableKind}};
/// let f = NarrativeFigure { table: TableKind::BudgetSummary, row: "收入总计".into(), column: None,
///     amount: "4748.35".parse().unwrap(), unit: Unit::WanYuan, text: "收入总预算4748.35万元".into() };
/// assert_eq!(f.unit, Unit::WanYuan);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct NarrativeFigure {
    /// The table the figure comes from.
    pub table: TableKind,
    /// The row: a code (`208`) or a label (`收入总计`, `合计`).
    pub row: String,
    /// The figure as quoted.
    pub amount: Decimal,
    /// The unit it is quoted in (narratives use 万元).
    pub unit: Unit,
    /// The column heading as printed; `None` for the table's amount column (合计 / 预算数 / 决算数).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub column: Option<String>,
    /// The quoted sentence, for the reader (not parsed).
    #[cfg_attr(feature = "uniffi", uniffi(default = ""))]
    pub text: String,
}

/// The tables of one disclosure (one unit, one year, one phase): at most one table of each
/// [`TableKind`], all budget tables or all final-account tables, plus figures quoted in the
/// narrative.
///
/// ```
/// use sunlit::{PublishedTable, Unit, tables::{DisclosureDocument, TableKind, TableReadOptions}};
/// let opts = |k| TableReadOptions { kind: Some(k), unit: Unit::Yuan, ..Default::default() };
/// let t5 = PublishedTable::read_csv_str("code,name,合计,基本支出,项目支出\n,合计,100,60,40\n",
///     &opts(TableKind::BudgetGeneralFunctional)).unwrap();
/// let t8 = PublishedTable::read_csv_str("code,name,合计,人员经费,公用经费\n,合计,61,50,11\n",
///     &opts(TableKind::BudgetBasicEconomic)).unwrap();
/// let doc = DisclosureDocument::new(vec![t5.clone(), t8]).unwrap();
/// let f = doc.check(&Default::default()).unwrap();
/// assert_eq!(f.as_slice()[0].rule, "tables.basic_economic"); // 61 ≠ 60
/// assert!(DisclosureDocument::new(vec![t5.clone(), t5]).is_err()); // one table per kind
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisclosureDocument {
    tables: Vec<PublishedTable>,
    narrative: Vec<NarrativeFigure>,
}

impl DisclosureDocument {
    /// A document of `tables`. Every table must have a kind; no kind may appear twice; budget and
    /// final-account tables do not mix (one document is one phase). Otherwise an
    /// [`Error::Field`] naming the table.
    ///
    /// ```
    /// use sunlit::{PublishedTable, Unit, tables::DisclosureDocument};
    /// let unknown = PublishedTable::new(None, Unit::Yuan, vec!["合计".into()], vec![]).unwrap();
    /// assert!(DisclosureDocument::new(vec![unknown]).is_err());
    /// assert!(DisclosureDocument::new(vec![]).unwrap().tables().is_empty());
    /// ```
    pub fn new(tables: Vec<PublishedTable>) -> Result<DisclosureDocument> {
        let mut phase: Option<Phase> = None;
        for (i, t) in tables.iter().enumerate() {
            let Some(kind) = t.kind() else {
                return Err(Error::value(
                    "tables",
                    t.title().unwrap_or(""),
                    format!(
                        "table {} has no kind; give its kind or a recognisable title",
                        i + 1
                    ),
                ));
            };
            if tables[..i].iter().any(|o| o.kind() == Some(kind)) {
                return Err(Error::value(
                    "tables",
                    kind.name_zh(),
                    "a document holds one table of each kind",
                ));
            }
            match phase {
                Some(p) if p != kind.phase() => {
                    return Err(Error::value(
                        "tables",
                        kind.name_zh(),
                        "a document is one phase: budget tables and final-account tables do not mix",
                    ));
                }
                _ => phase = Some(kind.phase()),
            }
        }
        Ok(DisclosureDocument {
            tables,
            narrative: Vec::new(),
        })
    }

    /// The same document with figures quoted in its narrative.
    ///
    /// ```
    /// let doc = sunlit::tables::DisclosureDocument::new(vec![]).unwrap().with_narrative(vec![]);
    /// assert!(doc.narrative().is_empty());
    /// ```
    #[must_use]
    pub fn with_narrative(mut self, figures: Vec<NarrativeFigure>) -> DisclosureDocument {
        self.narrative = figures;
        self
    }

    /// The tables, in the order given.
    ///
    /// ```
    /// assert!(sunlit::tables::DisclosureDocument::new(vec![]).unwrap().tables().is_empty());
    /// ```
    pub fn tables(&self) -> &[PublishedTable] {
        &self.tables
    }

    /// The narrative figures.
    ///
    /// ```
    /// assert!(sunlit::tables::DisclosureDocument::new(vec![]).unwrap().narrative().is_empty());
    /// ```
    pub fn narrative(&self) -> &[NarrativeFigure] {
        &self.narrative
    }

    /// The table of `kind`, if the document has it.
    ///
    /// ```
    /// let doc = sunlit::tables::DisclosureDocument::new(vec![]).unwrap();
    /// assert!(doc.table(sunlit::tables::TableKind::BudgetSummary).is_none());
    /// ```
    pub fn table(&self, kind: TableKind) -> Option<&PublishedTable> {
        self.tables.iter().find(|t| t.kind() == Some(kind))
    }

    /// Budget or final account; `None` for an empty document.
    ///
    /// ```
    /// assert_eq!(sunlit::tables::DisclosureDocument::new(vec![]).unwrap().phase(), None);
    /// ```
    pub fn phase(&self) -> Option<Phase> {
        self.tables
            .first()
            .and_then(PublishedTable::kind)
            .map(TableKind::phase)
    }

    /// Check every table ([`PublishedTable::check`]) and every identity of fiscal.md §2.3 that the
    /// document's tables allow (see the [module table](crate::rules::tables)); an identity whose
    /// tables are not all present is not checked. Amounts in different units are compared within
    /// the rounding of both (a 万元 figure against a 元 table: ±0.005 万元). Findings come sorted.
    ///
    /// ```
    /// use sunlit::{PublishedTable, tables::{DisclosureDocument, TableKind, TableReadOptions}};
    /// let read = |csv: &str, k| PublishedTable::read_csv_str(csv,
    ///     &TableReadOptions { kind: Some(k), ..Default::default() }).unwrap();
    /// let t3 = read("code,name,合计\n208,x,90\n", TableKind::BudgetExpenditure);
    /// let t5 = read("code,name,合计\n208,x,100\n", TableKind::BudgetGeneralFunctional);
    /// let f = DisclosureDocument::new(vec![t3, t5]).unwrap().check(&Default::default()).unwrap();
    /// assert_eq!(f.as_slice()[0].rule, "tables.scope"); // all funds 90 < appropriations 100
    /// // Cells whose sums do not fit 28 digits are an overflow error.
    /// let max = sunlit::Decimal::MAX;
    /// let t8 = read(&format!("code,name,合计,人员经费,公用经费\n301,x,1,{max},{max}\n"), TableKind::BudgetBasicEconomic);
    /// assert!(matches!(DisclosureDocument::new(vec![t8]).unwrap().check(&Default::default()),
    ///     Err(sunlit::Error::Overflow { .. })));
    /// ```
    pub fn check(&self, opts: &TableCheckOptions) -> Result<Findings> {
        let mut out = Findings::new();
        for t in &self.tables {
            out.extend(t.check(opts)?);
        }
        let mut x = Cross {
            doc: self,
            opts,
            out,
        };
        x.summary_detail()?;
        x.income_total()?;
        x.appropriation_split()?;
        x.basic_economic()?;
        x.scope()?;
        if opts.heuristics {
            x.running_costs()?;
            x.social_insurance_mirror()?;
            x.income_expenditure_mirror()?;
        }
        x.narrative()?;
        let mut out = x.out;
        out.sort();
        Ok(out)
    }
}

/// One side of a cross-table comparison: a value, its unit, how many printed cells it sums.
#[derive(Clone, Copy)]
struct Side {
    value: Option<Decimal>,
    unit: Unit,
    cells: usize,
}

fn side(t: &PublishedTable, value: Option<Decimal>) -> Side {
    Side {
        value,
        unit: t.unit(),
        cells: 1,
    }
}

/// The cell of the 合计 row in `role` (or in the amount column when `role` is not printed).
fn total_cell(t: &PublishedTable, role: TableColumn) -> Option<Decimal> {
    let row = t.row_by_label(RowLabel::Total)?;
    t.cell(row, role)
}

/// The cell of `row` in the table's amount column (of the row's side in a summary table).
fn amount(t: &PublishedTable, row: &TableRow) -> Option<Decimal> {
    t.row_amount(row)
}

/// The 基本支出 of `row`: its 基本支出 cell, else 人员经费 + 公用经费 where the table prints those
/// instead, with the number of printed cells involved.
fn basic_of(t: &PublishedTable, row: &TableRow) -> Result<(Option<Decimal>, usize)> {
    if t.column(TableColumn::Basic).is_some() {
        let v = t.cell(row, TableColumn::Basic);
        return Ok((v, 1));
    }
    if t.column(TableColumn::Personnel).is_none() && t.column(TableColumn::Public).is_none() {
        return Ok((None, 0));
    }
    let (v, n) = sum_cells([
        t.cell(row, TableColumn::Personnel),
        t.cell(row, TableColumn::Public),
    ])?;
    Ok((v, n.max(1)))
}

/// The grand total of a basic-expenditure economic table: its 合计 row, or 人员经费合计 +
/// 公用经费合计.
fn economic_total(t: &PublishedTable) -> Result<Option<Side>> {
    if let Some(r) = t.row_by_label(RowLabel::Total) {
        let col = t.column(TableColumn::Total).unwrap_or(t.amount_column());
        return Ok(Some(side(t, r.cells.get(col).copied().flatten())));
    }
    let (Some(a), Some(b)) = (
        t.row_by_label(RowLabel::PersonnelTotal),
        t.row_by_label(RowLabel::PublicTotal),
    ) else {
        return Ok(None);
    };
    let (value, _) = sum_cells([amount(t, a), amount(t, b)])?;
    Ok(Some(Side {
        value,
        unit: t.unit(),
        cells: 2,
    }))
}

/// The printed heading of column `col`.
fn heading(t: &PublishedTable, col: usize) -> String {
    t.columns().get(col).cloned().unwrap_or_default()
}

/// The codes of a table's rows: all of them, or only those without a printed ancestor.
fn codes(t: &PublishedTable, tops_only: bool) -> Vec<Code> {
    if tops_only {
        Tree::of(t)
            .tops
            .iter()
            .filter_map(|&i| t.rows().get(i).and_then(TableRow::effective_code))
            .collect()
    } else {
        t.rows()
            .iter()
            .filter_map(TableRow::effective_code)
            .collect()
    }
}

/// Whether a summary table carries a balance forward: 结转下年 / 年末结转和结余 printed with a
/// figure other than zero (then 支出总计 = 本年支出合计 + 结转下年).
fn carries_forward(t1: &PublishedTable) -> bool {
    t1.row_by_label(RowLabel::ClosingBalance)
        .and_then(|r| amount(t1, r))
        .is_some_and(|v| !v.is_zero())
}

/// The summary line the expenditure table's 合计 details: `total`, or 本年支出合计 when the
/// summary carries a balance forward — 结转下年 is not spent in the year, so the expenditure
/// table does not hold it (the MoE university template: 支出总计 557,259.13 = 本年支出合计
/// 468,779.07 + 结转下年 88,480.06, 支出预算表 合计 468,779.07; tests/data/documents/chongqing).
fn expenditure_line(t1: &PublishedTable, total: RowLabel) -> Option<&TableRow> {
    let current = t1.row_by_label(RowLabel::CurrentExpenditure);
    match current {
        Some(c) if total == RowLabel::ExpenditureTotal && carries_forward(t1) => Some(c),
        _ => t1.row_by_label(total),
    }
}

/// The grand total of an income table: its 合计 row, else its only row when it has no code (a
/// 收入预算表 printed as one row under its headings, SWU-B24 p9).
fn income_table_total(t2: &PublishedTable) -> Option<Decimal> {
    if t2.row_by_label(RowLabel::Total).is_some() {
        return total_cell(t2, TableColumn::Total);
    }
    match t2.rows() {
        [only] if only.code.is_none() => t2.cell(only, TableColumn::Total),
        _ => None,
    }
}

/// The summary line an income table's total is: 收入总计, or 本年收入合计 when the income table
/// prints no balance column (上年结转, 使用非财政拨款结余) and its total is that line's figure —
/// the income of the year only (SWU-B24 p9: 本年收入合计 445,059.97, 收入总计 582,276.35).
fn income_line<'t>(
    t1: &'t PublishedTable,
    t2: &PublishedTable,
    expected: Option<Decimal>,
) -> Result<Option<&'t TableRow>> {
    let balances = [TableColumn::CarriedOver, TableColumn::UseOfBalance];
    if !balances.iter().any(|c| t2.column(*c).is_some())
        && let (Some(row), Some(e)) = (t1.row_by_label(RowLabel::CurrentIncome), expected)
        && amount(t1, row) == Some(t2.unit().convert(e, t1.unit())?)
    {
        return Ok(Some(row));
    }
    Ok(t1.row_by_label(RowLabel::IncomeTotal))
}

/// Whether income by function should mirror expenditure by function: the income table prints
/// codes, and the summary carries nothing forward (what is carried forward was received but is
/// not spent in the year: the MoE 收入预算表 prints 上年结转 and 使用非财政拨款结余 in 收入合计).
fn mirror_holds(t1: Option<&PublishedTable>, t2: &PublishedTable) -> bool {
    t2.rows().iter().any(|r| r.code.is_some()) && !t1.is_some_and(carries_forward)
}

struct Cross<'a> {
    doc: &'a DisclosureDocument,
    opts: &'a TableCheckOptions,
    out: Findings,
}

impl<'a> Cross<'a> {
    fn get(&self, kind: TableKind) -> Option<&'a PublishedTable> {
        self.doc.table(kind)
    }

    /// Compare `expected` with `actual` within the rounding of both; report in `actual`'s unit.
    #[allow(clippy::too_many_arguments)]
    fn compare(
        &mut self,
        rule: &Rule,
        table: &str,
        code: &str,
        column: &str,
        expected: Side,
        actual: Side,
        what_zh: &str,
        what_en: &str,
    ) -> Result<()> {
        let e = expected
            .value
            .map(|v| expected.unit.convert(v, actual.unit))
            .transpose()?;
        let allowed = self.opts.tolerance.allowed_mixed(
            &[(expected.unit, expected.cells), (actual.unit, actual.cells)],
            actual.unit,
        )?;
        if differs(e, actual.value, allowed)? {
            let show = |v: Option<Decimal>| v.map_or_else(|| "空白".to_owned(), |d| d.to_string());
            let show_en =
                |v: Option<Decimal>| v.map_or_else(|| "blank".to_owned(), |d| d.to_string());
            let f = finding(
                rule,
                table,
                code,
                (!column.is_empty()).then_some(column),
                e,
                actual.value,
                format!(
                    "{code} {column} {} 与{what_zh} {} 不符",
                    show(actual.value),
                    show(e)
                ),
                format!(
                    "{code} {column} {} differs from {what_en} ({})",
                    show_en(actual.value),
                    show_en(e)
                ),
            );
            self.out.push(f);
        }
        Ok(())
    }

    /// Compare, code by code, column `ca` of `ta` (the printed figure) with column `ce` of `te`
    /// (what it should be), over `codes` (deduplicated here).
    fn compare_codes(
        &mut self,
        rule: &Rule,
        mut codes: Vec<Code>,
        (te, ce): (&PublishedTable, usize),
        (ta, ca): (&PublishedTable, usize),
        what: (&str, &str),
    ) -> Result<()> {
        codes.sort();
        codes.dedup();
        let name = ta.label();
        let col_name = heading(ta, ca);
        for code in codes {
            let actual = ta
                .row_by_code(code)
                .and_then(|r| r.cells.get(ca).copied().flatten());
            let expected = te
                .row_by_code(code)
                .and_then(|r| r.cells.get(ce).copied().flatten());
            self.compare(
                rule,
                &name,
                &code.to_string(),
                &col_name,
                side(te, expected),
                side(ta, actual),
                what.0,
                what.1,
            )?;
        }
        Ok(())
    }

    /// Identity 1: T1 类 lines and 支出总计 = T3; likewise F1 类 lines and 本年支出合计 = F3.
    fn summary_detail(&mut self) -> Result<()> {
        for (summary, detail, total) in [
            (
                TableKind::BudgetSummary,
                TableKind::BudgetExpenditure,
                RowLabel::ExpenditureTotal,
            ),
            (
                TableKind::FinalSummary,
                TableKind::FinalExpenditure,
                RowLabel::CurrentExpenditure,
            ),
        ] {
            let (Some(t1), Some(t3)) = (self.get(summary), self.get(detail)) else {
                continue;
            };
            self.summary_detail_of(t1, t3, total)?;
        }
        Ok(())
    }

    fn summary_detail_of(
        &mut self,
        t1: &PublishedTable,
        t3: &PublishedTable,
        total: RowLabel,
    ) -> Result<()> {
        let name = t1.label();
        let col1 = heading(t1, t1.amount_column());
        let col3 = t3.column(TableColumn::Total).unwrap_or(t3.amount_column());
        let mut all = codes(t1, false);
        all.extend(codes(t3, true));
        // A 支出预算总表 printed as one row (no functional codes) has no 类 to compare.
        let coded = t3.rows().iter().any(|r| r.code.is_some());
        if coded {
            self.compare_codes(
                &rules::SUMMARY_DETAIL,
                all,
                (t3, col3),
                (t1, t1.amount_column()),
                (
                    t3.kind().map_or("支出表", TableKind::name_zh),
                    "the expenditure table (T3 / F3)",
                ),
            )?;
        }
        if let Some(et) = expenditure_line(t1, total) {
            let expected = total_cell(t3, TableColumn::Total);
            let key = et.key();
            self.compare(
                &rules::SUMMARY_DETAIL,
                &name,
                &key,
                &col1,
                side(t3, expected),
                side(t1, amount(t1, et)),
                &format!("{}合计", t3.kind().map_or("支出表", TableKind::name_zh)),
                "the 合计 of the expenditure table (T3 / F3)",
            )?;
        }
        Ok(())
    }

    /// Identity 3: T2 合计 = T1 收入总计.
    fn income_total(&mut self) -> Result<()> {
        let (Some(t1), Some(t2)) = (
            self.get(TableKind::BudgetSummary),
            self.get(TableKind::BudgetIncome),
        ) else {
            return Ok(());
        };
        let expected = income_table_total(t2);
        let Some(it) = income_line(t1, t2, expected)? else {
            return Ok(());
        };
        let actual = amount(t1, it);
        let name = t1.label();
        let col = t1
            .columns()
            .get(t1.amount_column())
            .cloned()
            .unwrap_or_default();
        self.compare(
            &rules::INCOME_TOTAL,
            &name,
            &it.key(),
            &col,
            side(t2, expected),
            side(t1, actual),
            "部门收入预算总表合计",
            "the 合计 of the income table (T2)",
        )
    }

    /// Identity 4: T4 book columns = T5 / T6 / T7 (支出总计 and each code T4 prints, by code or by
    /// the name of its 类); likewise the 一般公共预算 column of F4 (本年支出合计 and each 类) = F5.
    fn appropriation_split(&mut self) -> Result<()> {
        self.appropriation_split_of(
            TableKind::BudgetAppropriation,
            RowLabel::ExpenditureTotal,
            &[
                (TableColumn::General, TableKind::BudgetGeneralFunctional),
                (TableColumn::Fund, TableKind::BudgetFundFunctional),
                (
                    TableColumn::StateCapital,
                    TableKind::BudgetStateCapitalFunctional,
                ),
            ],
        )?;
        // F8 / F9 print income, expenditure and balances by fund, not one amount per 类: only the
        // general budget has a functional table of the F4 column's shape (F5).
        self.appropriation_split_of(
            TableKind::FinalAppropriation,
            RowLabel::CurrentExpenditure,
            &[(TableColumn::General, TableKind::FinalGeneralFunctional)],
        )
    }

    fn appropriation_split_of(
        &mut self,
        summary: TableKind,
        total: RowLabel,
        books: &[(TableColumn, TableKind)],
    ) -> Result<()> {
        let Some(t4) = self.get(summary) else {
            return Ok(());
        };
        let name = t4.label();
        for &(role, kind) in books {
            let (Some(tk), Some(col)) = (self.get(kind), t4.column(role)) else {
                continue;
            };
            let col_name = heading(t4, col);
            let what_en = format!("the 合计 of {}", kind.name_zh());
            if let Some(et) = t4.row_by_label(total) {
                let expected = total_cell(tk, TableColumn::Total);
                let actual = et.cells.get(col).copied().flatten();
                self.compare(
                    &rules::APPROPRIATION_SPLIT,
                    &name,
                    &et.key(),
                    &col_name,
                    side(tk, expected),
                    side(t4, actual),
                    kind.name_zh(),
                    &what_en,
                )?;
            }
            let tk_col = tk.column(TableColumn::Total).unwrap_or(tk.amount_column());
            let mut all = codes(t4, false);
            all.extend(codes(tk, true));
            self.compare_codes(
                &rules::APPROPRIATION_SPLIT,
                all,
                (tk, tk_col),
                (t4, col),
                (kind.name_zh(), &what_en),
            )?;
        }
        Ok(())
    }

    /// Identities 5 and 13: basic expenditure by economic nature = by function.
    fn basic_economic(&mut self) -> Result<()> {
        for (economic, functional) in [
            (
                TableKind::BudgetBasicEconomic,
                TableKind::BudgetGeneralFunctional,
            ),
            (
                TableKind::FinalGeneralBasic,
                TableKind::FinalGeneralFunctional,
            ),
        ] {
            let (Some(te), Some(tf)) = (self.get(economic), self.get(functional)) else {
                continue;
            };
            let Some(actual) = economic_total(te)? else {
                continue;
            };
            let (expected, cells) = match tf.row_by_label(RowLabel::Total) {
                Some(r) => basic_of(tf, r)?,
                None => (None, 1),
            };
            if cells == 0 {
                // The functional table prints no 基本支出 split (one 金额 column): nothing to compare.
                continue;
            }
            let name = te.label();
            let code = if te.row_by_label(RowLabel::Total).is_some() {
                "合计"
            } else {
                "人员经费合计+公用经费合计"
            };
            let col = te
                .columns()
                .get(te.column(TableColumn::Total).unwrap_or(te.amount_column()))
                .cloned()
                .unwrap_or_default();
            self.compare(
                &rules::BASIC_ECONOMIC,
                &name,
                code,
                &col,
                Side {
                    value: expected,
                    unit: tf.unit(),
                    cells: cells.max(1),
                },
                actual,
                &format!("{}基本支出合计", functional.name_zh()),
                &format!("the 基本支出 合计 of {}", functional.name_zh()),
            )?;
        }
        Ok(())
    }

    /// Identity 15: all funds ≥ appropriations, row by row.
    fn scope(&mut self) -> Result<()> {
        for (all, appropriation) in [
            (
                TableKind::BudgetExpenditure,
                TableKind::BudgetGeneralFunctional,
            ),
            (
                TableKind::FinalExpenditure,
                TableKind::FinalGeneralFunctional,
            ),
        ] {
            let (Some(ta), Some(tp)) = (self.get(all), self.get(appropriation)) else {
                continue;
            };
            let name = ta.label();
            for row in tp.rows() {
                let other = match (row.code, row.label()) {
                    (Some(c), _) => ta.row_by_code(c),
                    (None, Some(RowLabel::Total)) => ta.row_by_label(RowLabel::Total),
                    _ => continue,
                };
                for role in [TableColumn::Total, TableColumn::Basic, TableColumn::Project] {
                    let (Some(pc), Some(ac)) = (tp.column(role), ta.column(role)) else {
                        continue;
                    };
                    let Some(pv) = row.cells.get(pc).copied().flatten() else {
                        continue;
                    };
                    let av = other.and_then(|r| r.cells.get(ac).copied().flatten());
                    let allowed = self
                        .opts
                        .tolerance
                        .allowed_mixed(&[(tp.unit(), 1), (ta.unit(), 1)], ta.unit())?;
                    let pv_a = tp.unit().convert(pv, ta.unit())?;
                    let short = match av {
                        None => pv_a.abs() > allowed && pv_a > Decimal::ZERO,
                        Some(a) => pv_a.checked_sub(a).is_some_and(|d| d > allowed),
                    };
                    if short {
                        let key = row.key();
                        let col = heading(ta, ac);
                        let f = finding(
                            &rules::SCOPE,
                            &name,
                            &key,
                            Some(&col),
                            Some(pv_a),
                            av,
                            format!(
                                "{key} {col}：全部资金 {} 小于财政拨款 {pv_a}（{}）",
                                av.map_or_else(|| "空白".to_owned(), |d| d.to_string()),
                                appropriation.name_zh()
                            ),
                            format!(
                                "{key} {col}: all funds {} are less than the appropriations {pv_a} of {}",
                                av.map_or_else(|| "blank".to_owned(), |d| d.to_string()),
                                appropriation.name_zh()
                            ),
                        );
                        self.out.push(f);
                    }
                }
            }
        }
        Ok(())
    }

    /// Identity 7 (heuristic): 机关运行经费 ≈ T8 公用经费 合计.
    fn running_costs(&mut self) -> Result<()> {
        let (Some(t9), Some(t8)) = (
            self.get(TableKind::BudgetThreePublic),
            self.get(TableKind::BudgetBasicEconomic),
        ) else {
            return Ok(());
        };
        let Some(col) = t9.column(TableColumn::RunningCosts) else {
            return Ok(());
        };
        let Some(row) = t9
            .rows()
            .iter()
            .find(|r| r.cells.get(col).copied().flatten().is_some())
        else {
            return Ok(());
        };
        let actual = row.cells.get(col).copied().flatten();
        let Some(expected) = total_cell(t8, TableColumn::Public) else {
            return Ok(());
        };
        let name = t9.label();
        let col_name = heading(t9, col);
        self.compare(
            &rules::RUNNING_COSTS,
            &name,
            &row.key(),
            &col_name,
            side(t8, Some(expected)),
            side(t9, actual),
            "基本支出经济分类表公用经费合计",
            "the 公用经费 合计 of T8",
        )
    }

    /// Identity 8 (heuristic): social-insurance 款 of T8 = their 项 in T5.
    fn social_insurance_mirror(&mut self) -> Result<()> {
        let (Some(t8), Some(t5)) = (
            self.get(TableKind::BudgetBasicEconomic),
            self.get(TableKind::BudgetGeneralFunctional),
        ) else {
            return Ok(());
        };
        let col5 = t5.column(TableColumn::Basic).unwrap_or(t5.amount_column());
        let col8 = t8.column(TableColumn::Total).unwrap_or(t8.amount_column());
        let name = t8.label();
        let col_name = heading(t8, col8);
        for (economic, functional) in [
            ("30108", &["2080505"][..]),
            ("30109", &["2080506"][..]),
            ("30110", &["2101101", "2101102"][..]),
            ("30113", &["2210201"][..]),
        ] {
            let Some(r8) = Code::economic(economic)
                .ok()
                .and_then(|c| t8.row_by_code(c))
            else {
                continue;
            };
            let rows5: Vec<&TableRow> = functional
                .iter()
                .filter_map(|f| Code::functional(f).ok().and_then(|c| t5.row_by_code(c)))
                .collect();
            if rows5.is_empty() {
                continue;
            }
            // 基本支出, or 人员经费 + 公用经费 where T5 prints those instead.
            let split = t5.column(TableColumn::Basic).is_none()
                && (t5.column(TableColumn::Personnel).is_some()
                    || t5.column(TableColumn::Public).is_some());
            let basics: Vec<Option<Decimal>> = if split {
                rows5
                    .iter()
                    .map(|r| basic_of(t5, r).map(|(v, _)| v))
                    .collect::<Result<_>>()?
            } else {
                rows5
                    .iter()
                    .map(|r| r.cells.get(col5).copied().flatten())
                    .collect()
            };
            let (expected, n) = sum_cells(basics)?;
            let actual = r8.cells.get(col8).copied().flatten();
            let what = format!("一般公共预算支出功能分类预算表 {}", functional.join("+"));
            let what_en = format!("{} in the functional table (T5)", functional.join(" + "));
            self.compare(
                &rules::SOCIAL_INSURANCE_MIRROR,
                &name,
                economic,
                &col_name,
                Side {
                    value: expected,
                    unit: t5.unit(),
                    cells: n.max(1),
                },
                side(t8, actual),
                &what,
                &what_en,
            )?;
        }
        Ok(())
    }

    /// Identity 9 (heuristic): T2 合计 = T3 合计 per code.
    fn income_expenditure_mirror(&mut self) -> Result<()> {
        let (Some(t2), Some(t3)) = (
            self.get(TableKind::BudgetIncome),
            self.get(TableKind::BudgetExpenditure),
        ) else {
            return Ok(());
        };
        if !mirror_holds(self.get(TableKind::BudgetSummary), t2) {
            return Ok(());
        }
        let c2 = t2.column(TableColumn::Total).unwrap_or(t2.amount_column());
        let c3 = t3.column(TableColumn::Total).unwrap_or(t3.amount_column());
        let mut all = codes(t2, false);
        all.extend(codes(t3, false));
        self.compare_codes(
            &rules::INCOME_EXPENDITURE_MIRROR,
            all,
            (t3, c3),
            (t2, c2),
            ("部门支出预算总表", "the expenditure table (T3)"),
        )
    }

    /// Identity 16: narrative figures = their tables.
    fn narrative(&mut self) -> Result<()> {
        for fig in self.doc.narrative.clone() {
            let Some(t) = self.get(fig.table) else {
                continue; // the table is not in the document: not checked
            };
            let row = match Code::functional(&fig.row).or_else(|_| Code::economic(&fig.row)) {
                Ok(code) => t.row_by_code(code),
                Err(_) => match RowLabel::recognise(&fig.row) {
                    Some(l) => t.row_by_label(l),
                    None => t.rows().iter().find(|r| r.name.trim() == fig.row.trim()),
                },
            };
            let col = match &fig.column {
                None => Some(t.amount_column()),
                Some(c) => TableColumn::recognise(c).and_then(|r| t.column(r)),
            };
            let col_name = col
                .and_then(|c| t.columns().get(c))
                .cloned()
                .unwrap_or_default();
            let value = match (row, col) {
                (Some(r), Some(c)) => r.cells.get(c).copied().flatten(),
                _ => None,
            };
            let name = format!("{}（情况说明）", t.label());
            let expected = Side {
                value,
                unit: t.unit(),
                cells: 1,
            };
            let actual = Side {
                value: Some(fig.amount),
                unit: fig.unit,
                cells: 1,
            };
            if row.is_none() || col.is_none() {
                let f = finding(
                    &rules::NARRATIVE,
                    &name,
                    &fig.row,
                    fig.column.as_deref(),
                    None,
                    Some(fig.amount),
                    format!(
                        "情况说明引用的 {} {} 在{}中没有",
                        fig.row,
                        fig.column.as_deref().unwrap_or(""),
                        t.label()
                    ),
                    format!(
                        "the narrative quotes {} {} which {} does not print",
                        fig.row,
                        fig.column.as_deref().unwrap_or(""),
                        t.label()
                    ),
                );
                self.out.push(f);
                continue;
            }
            self.compare(
                &rules::NARRATIVE,
                &name,
                &fig.row,
                &col_name,
                expected,
                actual,
                &t.label(),
                &format!("the table {}", t.label()),
            )?;
        }
        Ok(())
    }
}
