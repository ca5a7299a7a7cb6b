//! Identities across tables and documents (`identity.*`): a budget's 收支总表 人员经费 / 公用经费
//! against its basic-expenditure table; this year's 年初结转和结余 (a budget's 上年结转) against
//! last year's final account; a final account's "三公" 预算数 against the budget of the same year.
//! Documents are compared like with like only — the same department and scope (部门 / 单位), the
//! years that must follow, the units converted — and otherwise an info says why not.

use rust_decimal::Decimal;

use super::{Document, DocumentKind};
use crate::finding::{Finding, Findings};
use crate::money::Unit;
use crate::rules::identity as rules;
use crate::tables::{PublishedTable, RowLabel, TableColumn, TableKind};

/// The documents a document is checked against ([`Document::check`]): each identity is checked
/// only when its document is given.
///
/// ```
/// let o = sunlit::document::CheckOptions::default();
/// assert!(o.last_year.is_none() && o.budget.is_none());
/// ```
#[derive(Debug, Clone, Copy, Default)]
pub struct CheckOptions<'a> {
    /// Last year's final account (部门决算 of the year before) of the same department: its
    /// 年末结转和结余 is this year's 年初结转和结余 (a budget's 上年结转).
    pub last_year: Option<&'a Document>,
    /// For a final account, the budget (部门预算) of the same year and department: its "三公"
    /// budget is the final account's "三公" 预算数.
    pub budget: Option<&'a Document>,
}

impl Document {
    /// The identities that join this document to the documents of `opts`: 年初结转和结余 against
    /// `last_year`'s 年末结转和结余, the "三公" 预算数 against `budget`. Findings name both files;
    /// documents that are not comparable (another department or scope, years that do not follow,
    /// a figure not printed) give an `identity.not_compared` info saying why. Nothing given,
    /// nothing found.
    ///
    /// ```
    /// use sunlit::{Document, ReadOptions, document::CheckOptions};
    /// let a = Document::from_csv_bytes("a.csv", b"x\n", &ReadOptions::default()).unwrap();
    /// let b = Document::from_csv_bytes("b.csv", b"x\n", &ReadOptions::default()).unwrap();
    /// assert!(a.check(&CheckOptions::default()).is_empty());
    /// let f = a.check(&CheckOptions { last_year: Some(&b), ..CheckOptions::default() });
    /// assert_eq!(f.as_slice()[0].rule, "identity.not_compared"); // neither is a budget or final
    /// ```
    pub fn check(&self, opts: &CheckOptions<'_>) -> Findings {
        let mut out = Findings::new();
        if let Some(prev) = opts.last_year {
            carry_over(self, prev, &mut out);
        }
        if let Some(budget) = opts.budget {
            budget_column(self, budget, &mut out);
        }
        out
    }

    /// This document with the findings of [`Document::check`] added to its own.
    ///
    /// ```
    /// use sunlit::{Document, ReadOptions, document::CheckOptions};
    /// let a = Document::from_csv_bytes("a.csv", b"x\n", &ReadOptions::default()).unwrap();
    /// let b = a.clone();
    /// let checked = a.with_checks(&CheckOptions { budget: Some(&b), ..CheckOptions::default() });
    /// assert!(checked.findings.iter().any(|f| f.rule == "identity.not_compared"));
    /// ```
    #[must_use]
    pub fn with_checks(mut self, opts: &CheckOptions<'_>) -> Document {
        let found = self.check(opts);
        self.findings.extend(found.into_vec());
        self
    }
}

/// A file's name without its folders, for messages.
fn short(doc: &Document) -> &str {
    doc.path.rsplit(['/', '\\']).next().unwrap_or(&doc.path)
}

/// Whether a budget or final account is a unit's own (单位预算 / 单位决算) rather than a
/// department's, from its first lines.
fn unit_scope(doc: &Document) -> bool {
    doc.source
        .lines
        .iter()
        .take(12)
        .any(|l| l.norm.contains("单位预算") || l.norm.contains("单位决算"))
}

/// Why `other` cannot be compared with `doc` as a document of `kind` and `year`, if it cannot.
fn not_comparable(
    doc: &Document,
    other: &Document,
    kind: DocumentKind,
    year: Option<i32>,
) -> Option<String> {
    let norm = |s: &str| -> String {
        super::normalize_text(s)
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect()
    };
    if !matches!(doc.kind, DocumentKind::Budget | DocumentKind::Final) {
        return Some(format!("本文件不是预算或决算（{}）", doc.kind.name_zh()));
    }
    if other.kind != kind {
        return Some(format!(
            "应为{}，实为{}",
            kind.name_zh(),
            other.kind.name_zh()
        ));
    }
    match (year, other.year) {
        (Some(want), Some(got)) if want == got => {}
        (want, got) => {
            return Some(format!(
                "年度不符：应为{}年，实为{}",
                want.map_or("?".to_owned(), |y| y.to_string()),
                got.map_or("未印年度".to_owned(), |y| format!("{y}年"))
            ));
        }
    }
    match (&doc.issuer, &other.issuer) {
        (Some(a), Some(b)) if norm(a) == norm(b) => {}
        (a, b) => {
            return Some(format!(
                "部门不同或未印出：{} / {}",
                a.as_deref().unwrap_or("?"),
                b.as_deref().unwrap_or("?")
            ));
        }
    }
    (unit_scope(doc) != unit_scope(other)).then(|| "口径不同（部门 / 单位）".to_owned())
}

/// An `identity.not_compared` info naming both files and the reason.
fn not_compared(doc: &Document, other: &Document, what: &str, why: &str) -> Finding {
    Finding::new(
        &rules::NOT_COMPARED,
        format!("{}与{}未比较{what}：{why}", short(doc), short(other)),
        format!(
            "{} and {} not compared ({what}): {why}",
            short(doc),
            short(other)
        ),
    )
}

/// The first table of `kind` that was read.
fn table(doc: &Document, kind: TableKind) -> Option<&PublishedTable> {
    doc.tables
        .iter()
        .filter(|t| t.kind == Some(kind))
        .find_map(|t| t.table.as_ref())
}

/// The amount of the row labelled `label` in the summary table (表一) of `doc`, with its unit.
fn summary_line(doc: &Document, label: RowLabel) -> Option<(Decimal, Unit)> {
    let kind = match doc.kind {
        DocumentKind::Budget => TableKind::BudgetSummary,
        _ => TableKind::FinalSummary,
    };
    let t = table(doc, kind)?;
    let row = t.row_by_label(label)?;
    Some((t.row_amount(row)?, t.unit()))
}

/// Whether two printed amounts differ beyond rounding: in one unit, by anything; in two, by more
/// than the coarser unit's last printed place (0.01) allows. The difference in the first's unit.
fn differ(a: (Decimal, Unit), b: (Decimal, Unit)) -> Option<Decimal> {
    let b_in_a = b.1.convert(b.0, a.1).ok()?;
    // Two figures at the edge of `Decimal` with opposite signs (only a hostile file prints them)
    // have no representable difference: not compared rather than a panic.
    let diff = a.0.checked_sub(b_in_a)?;
    if a.1 == b.1 {
        // An amount printed without its fen (22,118,861 for 22,118,861.34) is rounded to units.
        let whole = a.0.scale() == 0 || b.0.scale() == 0;
        let allowed = if whole {
            Decimal::new(5, 1)
        } else {
            Decimal::ZERO
        };
        return (diff.abs() > allowed).then_some(diff);
    }
    let coarse = if a.1.exponent() >= b.1.exponent() {
        a.1
    } else {
        b.1
    };
    let step = coarse.convert(Decimal::new(1, 2), a.1).ok()?;
    (diff.abs() > step).then_some(diff)
}

/// 年初结转和结余 (a budget's 上年结转) against last year's final 年末结转和结余.
fn carry_over(doc: &Document, prev: &Document, out: &mut Findings) {
    let what = "年初结转和结余";
    if let Some(why) = not_comparable(doc, prev, DocumentKind::Final, doc.year.map(|y| y - 1)) {
        out.push(not_compared(doc, prev, what, &why));
        return;
    }
    let (Some(opening), Some(closing)) = (
        summary_line(doc, RowLabel::OpeningBalance),
        summary_line(prev, RowLabel::ClosingBalance),
    ) else {
        out.push(not_compared(
            doc,
            prev,
            what,
            "收支总表未印出年初结转和结余（上年结转）或上年的年末结转和结余",
        ));
        return;
    };
    let Some(diff) = differ(opening, closing) else {
        return;
    };
    let (rule, label) = if doc.kind == DocumentKind::Budget {
        (&rules::CARRY_OVER_ESTIMATE, "上年结转")
    } else {
        (&rules::CARRY_OVER, "年初结转和结余")
    };
    let f = Finding::new(
        rule,
        format!(
            "{}的{label} {} {} 与上年决算{}的年末结转和结余 {} {} 相差 {}",
            short(doc),
            opening.0,
            opening.1.symbol(),
            short(prev),
            closing.0,
            closing.1.symbol(),
            diff
        ),
        format!(
            "{}: {label} {} differs from the closing balance {} of last year's final account {} by {diff}",
            short(doc),
            opening.0,
            closing.0,
            short(prev)
        ),
    )
    .with_table(doc_summary_name(doc))
    .with_code(label)
    .with_values(opening.0 - diff, opening.0);
    out.push(f);
}

/// The name of a document's summary table.
fn doc_summary_name(doc: &Document) -> &'static str {
    match doc.kind {
        DocumentKind::Budget => TableKind::BudgetSummary.name_zh(),
        _ => TableKind::FinalSummary.name_zh(),
    }
}

/// The "三公" items compared between a final account's 预算数 and the budget.
const THREE_PUBLIC: [TableColumn; 6] = [
    TableColumn::Total,
    TableColumn::AbroadTravel,
    TableColumn::Vehicles,
    TableColumn::VehiclePurchase,
    TableColumn::VehicleOperation,
    TableColumn::Reception,
];

/// A final account's "三公" 预算数 against the "三公" budget of the same year.
fn budget_column(doc: &Document, budget: &Document, out: &mut Findings) {
    let what = "“三公”经费预算数";
    if doc.kind != DocumentKind::Final {
        out.push(not_compared(doc, budget, what, "本文件不是决算"));
        return;
    }
    if let Some(why) = not_comparable(doc, budget, DocumentKind::Budget, doc.year) {
        out.push(not_compared(doc, budget, what, &why));
        return;
    }
    let final_row = table(doc, TableKind::FinalThreePublic)
        .and_then(|t| t.row_by_label(RowLabel::Budgeted).map(|r| (t, r)));
    let budget_row =
        table(budget, TableKind::BudgetThreePublic).and_then(|t| t.rows().first().map(|r| (t, r)));
    let (Some((ft, fr)), Some((bt, br))) = (final_row, budget_row) else {
        out.push(not_compared(
            doc,
            budget,
            what,
            "决算未印出“三公”经费预算数，或预算未印出“三公”经费预算表",
        ));
        return;
    };
    for role in THREE_PUBLIC {
        let (Some(a), Some(b)) = (ft.cell(fr, role), bt.cell(br, role)) else {
            continue;
        };
        let Some(diff) = differ((a, ft.unit()), (b, bt.unit())) else {
            continue;
        };
        let column = ft
            .column(role)
            .and_then(|i| ft.columns().get(i))
            .cloned()
            .unwrap_or_default();
        out.push(
            Finding::new(
                &rules::BUDGET_COLUMN,
                format!(
                    "{}的“三公”经费{column}预算数 {a} 与同年预算{}的 {b} 不符（相差 {diff}）",
                    short(doc),
                    short(budget)
                ),
                format!(
                    "{}: the 三公 budget figure {a} for {column} differs from {b} in the same year's budget {} (by {diff})",
                    short(doc),
                    short(budget)
                ),
            )
            .with_table(TableKind::FinalThreePublic.name_zh())
            .with_column(column)
            .with_values(a - diff, a),
        );
    }
}

/// Within one budget: 表一's 人员经费 / 公用经费 against 表八's 合计, where 表一 prints them and
/// all its income is general public budget appropriation (so both tables cover the same money).
pub(crate) fn within(doc: &Document, out: &mut Findings) {
    if doc.kind != DocumentKind::Budget {
        return;
    }
    let (Some(t1), Some(t8)) = (
        table(doc, TableKind::BudgetSummary),
        table(doc, TableKind::BudgetBasicEconomic),
    ) else {
        return;
    };
    let (Some(row1), Some(row8)) = (
        t1.row_by_label(RowLabel::ExpenditureTotal)
            .or_else(|| t1.row_by_label(RowLabel::Total)),
        t8.row_by_label(RowLabel::Total),
    ) else {
        return;
    };
    let general = t1
        .row_by_label(RowLabel::General)
        .and_then(|r| t1.row_amount(r));
    let income = t1
        .row_by_label(RowLabel::IncomeTotal)
        .and_then(|r| t1.row_amount(r));
    if general.is_none() || general != income {
        return;
    }
    for role in [TableColumn::Personnel, TableColumn::Public] {
        let (Some(a), Some(b)) = (t1.cell(row1, role), t8.cell(row8, role)) else {
            continue;
        };
        let Some(diff) = differ((a, t1.unit()), (b, t8.unit())) else {
            continue;
        };
        let name = role.name_zh();
        let page = doc
            .tables
            .iter()
            .find(|t| t.kind == Some(TableKind::BudgetSummary))
            .and_then(|t| t.pages.first().copied());
        let mut f = Finding::new(
            &rules::PERSONNEL_PUBLIC,
            format!(
                "收支总表的{name} {a} 与基本支出经济分类表合计的{name} {b} 不符（相差 {diff}）"
            ),
            format!("表一's {name} {a} differs from 表八's total {name} {b} (by {diff})"),
        )
        .with_table(TableKind::BudgetSummary.name_zh())
        .with_column(name)
        .with_values(a - diff, a);
        if let Some(p) = page {
            f = f.with_page(p);
        }
        out.push(f);
    }
}
