//! The checks of the explanation text: against the recognised tables (value, unit, 为0), against
//! itself (share, growth rate, direction words) and of its wording (placeholders, template
//! leftovers, year words).

use rust_decimal::Decimal;

use super::extract::{self, Sentence};
use super::{Basis, Direction, NarrativeStatement};
use crate::document::{DocumentKind, DocumentTable, SourceLine};
use crate::finding::{Finding, Findings};
use crate::money::Unit;
use crate::rules::Rule;
use crate::rules::narrative as rules;
use crate::tables::{PublishedTable, RowLabel, TableColumn, TableKind};

/// Check the explanation text of a budget or final account against its tables and itself (rule
/// family [`narrative`](crate::rules::narrative)); other documents give no finding. Each finding
/// quotes the sentence (in `printed`) and gives its page.
///
/// ```
/// use sunlit::document::{DocumentKind, SourceLine};
/// let lines = [SourceLine::new(5, "本年支出合计100.00万元，其中：基本支出60.00万元，占70.00%；项目支出40.00万元，占30.00%。")];
/// let f = sunlit::narrative::check(&lines, Some(2024), DocumentKind::Final, &[], None);
/// assert_eq!(f.len(), 2); // both shares are wrong: they are 60.00% and 40.00%
/// assert_eq!((f.as_slice()[0].rule.as_str(), f.as_slice()[0].page), ("narrative.share", Some(5)));
/// assert!(sunlit::narrative::check(&lines, None, DocumentKind::PowerList, &[], None).is_empty());
/// ```
pub fn check(
    lines: &[SourceLine],
    year: Option<i32>,
    kind: DocumentKind,
    tables: &[DocumentTable],
    issuer: Option<&str>,
) -> Findings {
    let mut out = Findings::new();
    if !matches!(kind, DocumentKind::Budget | DocumentKind::Final) {
        return out;
    }
    let sentences = extract::sentences(lines);
    for s in &sentences {
        wording(s, year, &mut out);
    }
    let sts = super::statements(lines, year);
    let ctx = Ctx {
        tables,
        kind,
        issuer: issuer.map(crate::document::normalize_text),
    };
    for (i, st) in sts.iter().enumerate() {
        share(&sts, i, &mut out);
        change(st, &mut out);
        ctx.value(st, &mut out);
    }
    for s in &sentences {
        ctx.nothing(s, &mut out);
    }
    if kind == DocumentKind::Final {
        super::budget::check(&sentences, tables, &mut out);
    }
    out.sort();
    out
}

/// A finding of `rule` on the sentence `sentence` of `page`.
pub(super) fn on(rule: &Rule, page: u32, sentence: &str, zh: String, en: String) -> Finding {
    Finding::new(rule, zh, en)
        .with_table("情况说明")
        .with_page(page)
        .with_printed(sentence)
}

/// Half a unit of the last printed digit of `v` (0.005 for 1.23, 0.5 for 12).
/// (A figure printed with all 28 places gets one unit of the 28th place: `Decimal` holds no finer.)
pub(super) fn half_unit(v: Decimal) -> Decimal {
    match v.scale() {
        s @ 0..28 => Decimal::new(5, s + 1),
        _ => Decimal::new(1, 28),
    }
}

/// One unit of the last printed digit of `v`.
pub(super) fn unit_of_last_digit(v: Decimal) -> Decimal {
    Decimal::new(1, v.scale().min(28))
}

/// Does `[lo, hi]` (a true ratio in percent, from rounded operands) meet the printed `rate` ±
/// `slack`?
pub(super) fn meets(lo: Decimal, hi: Decimal, rate: Decimal, slack: Decimal) -> bool {
    rate + slack >= lo && rate - slack <= hi
}

/// The range of `part / whole × 100` when both are rounded to their printed precision.
pub(super) fn ratio_range(part: Decimal, whole: Decimal) -> Option<(Decimal, Decimal)> {
    let (hp, hw) = (half_unit(part), half_unit(whole));
    let hundred = Decimal::ONE_HUNDRED;
    let w_lo = whole.checked_sub(hw)?;
    if w_lo <= Decimal::ZERO {
        return None;
    }
    let p_lo = (part - hp).max(Decimal::ZERO);
    let lo = p_lo
        .checked_mul(hundred)?
        .checked_div(whole.checked_add(hw)?)?;
    let hi = (part + hp).checked_mul(hundred)?.checked_div(w_lo)?;
    Some((lo, hi))
}

// ---------------------------------------------------------------------------------------------
// Wording: placeholders, template leftovers, year words.

const PLACEHOLDERS: &[&str] = &["XX", "xx", "××", "**", "某某", "○○", "□□"];
const TEMPLATE_PAIRS: &[&str] = &[
    "增加(减少)",
    "减少(增加)",
    "增长(下降)",
    "下降(增长)",
    "上升(下降)",
    "下降(上升)",
    "大于(小于)",
    "小于(大于)",
    "增加/减少",
    "增长/下降",
    "增加(减少、持平)",
];

fn wording(s: &Sentence, year: Option<i32>, out: &mut Findings) {
    let t = s.text.as_str();
    if let Some(p) = PLACEHOLDERS.iter().find(|p| placeholder_at(t, p)) {
        out.push(
            on(
                &rules::PLACEHOLDER,
                s.page,
                t,
                format!("情况说明留有占位符“{p}”"),
                format!("the explanation still holds the placeholder \"{p}\""),
            )
            .with_code(*p),
        );
    }
    if let Some(p) = TEMPLATE_PAIRS.iter().find(|p| t.contains(*p)) {
        let zero = all_zero_after(t, p);
        let (rule, zh, en) = if zero {
            (
                &rules::TEMPLATE_ZERO,
                "，所述增减为0",
                " (the change it describes is 0)",
            )
        } else {
            (&rules::TEMPLATE, "，未选定", "")
        };
        out.push(
            on(
                rule,
                s.page,
                t,
                format!("情况说明留有模板选项“{p}”{zh}"),
                format!("the explanation keeps the template's alternative \"{p}\"{en}"),
            )
            .with_code(*p),
        );
    } else if let Some(n) = rate_without_percent(t) {
        out.push(
            on(
                &rules::TEMPLATE,
                s.page,
                t,
                format!("增减幅度“{n}”缺少百分号"),
                format!("the rate \"{n}\" lacks its % sign"),
            )
            .with_code(n),
        );
    }
    if let Some(y) = year {
        year_words(s, y, out);
    }
}

/// Every number that follows an occurrence of the template alternative `p` in `t` is 0, and at
/// least one does ("增加(减少)0万元，增长(减少)0%"); an alternative followed by no figure (the
/// sentence breaks off) is not taken as zero.
fn all_zero_after(t: &str, p: &str) -> bool {
    let mut any = false;
    for (at, _) in t.match_indices(p) {
        let rest = t.get(at + p.len()..).unwrap_or("");
        match extract::numbers(rest).first() {
            Some(n) if n.start == 0 && n.value.is_zero() => any = true,
            _ => return false,
        }
    }
    any
}

/// `p` occurs in `t` not inside an ASCII word (XX in "XXL" or "**" in markup is not a
/// placeholder).
fn placeholder_at(t: &str, p: &str) -> bool {
    t.match_indices(p).any(|(i, _)| {
        let before = t.get(..i).and_then(|h| h.chars().next_back());
        let after = t.get(i + p.len()..).and_then(|r| r.chars().next());
        let word = |c: Option<char>| {
            c.is_some_and(|c| c.is_ascii_alphabetic() || p.starts_with(c) || c == '*')
        };
        !word(before) && !word(after)
    })
}

/// A number after 增长/下降/上升/降低 (or a template's "下降(增长)") that ends its clause without a
/// unit or % sign.
fn rate_without_percent(t: &str) -> Option<String> {
    for n in extract::numbers(t) {
        if n.unit.is_some() {
            continue;
        }
        let head = t.get(..n.start).unwrap_or("");
        let head = match head.strip_suffix(')') {
            Some(h) => h.rsplit_once('(').map_or(h, |(a, _)| a),
            None => head,
        };
        let rate_word = ["增长", "下降", "上升", "降低"]
            .iter()
            .any(|w| head.ends_with(w));
        let next = t.get(n.end..).and_then(|r| r.chars().next());
        if rate_word && next.is_none_or(|c| ",;。".contains(c)) {
            return Some(n.printed);
        }
    }
    None
}

/// A year printed next to 本年/上年 that is not the document's year (or the one before), and a
/// comparison "比YYYY年" with a year not before the document's.
fn year_words(s: &Sentence, year: i32, out: &mut Findings) {
    let t = s.text.as_str();
    for n in extract::numbers(t) {
        let Ok(y) = i32::try_from(n.value.trunc().mantissa()) else {
            continue;
        };
        if n.value.scale() != 0 || !(1990..=2100).contains(&y) || n.printed.len() != 4 {
            continue;
        }
        let after = t.get(n.end..).unwrap_or("");
        let Some(after) = after.strip_prefix('年') else {
            continue;
        };
        let after = after.strip_prefix('度').unwrap_or(after);
        let head = t.get(..n.start).unwrap_or("");
        let head = head.strip_suffix('(').unwrap_or(head);
        let says = |w: &str| {
            after.starts_with(w)
                || after.starts_with(&format!("({w}"))
                || head.ends_with(w)
                || head.ends_with(&format!("{w}度"))
        };
        let wrong =
            if says("本年") && !after.starts_with("本年收入") && !after.starts_with("本年支出")
            {
                (y != year).then_some(("本年", year))
            } else if says("上年") {
                (y != year - 1).then_some(("上年", year - 1))
            } else if head.ends_with('比') && y >= year {
                Some(("上年", year - 1))
            } else {
                None
            };
        if let Some((word, want)) = wrong {
            out.push(
                on(
                    &rules::YEAR,
                    s.page,
                    t,
                    format!("{word}应为{want}年，文中写作{y}年"),
                    format!("{word} is {want} in a document of {year}, but the text says {y}"),
                )
                .with_code(format!("{y}年")),
            );
            return;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Shares and comparisons: the text against itself.

/// The figures a share at statement `i` may be a part of, nearest first: the named whole
/// (占本年支出合计的) in the same paragraph, else the nearest figure before it in the paragraph
/// that introduces parts (其中 / 主要用于以下方面 / a colon) together with any other such figure
/// of the same sentence. A sentence can name two wholes — "收入预算490,808.40万元（本年预算收入
/// 390,140.45万元），其中：…占总收入的44.12%" (西南大学 2021 部门预算) — and the text does not say
/// which one 总收入 is: a share that fits either is not reported.
fn wholes_of(sts: &[NarrativeStatement], i: usize) -> Vec<&NarrativeStatement> {
    let Some((st, before)) = sts.get(i).zip(sts.get(..i)) else {
        return Vec::new();
    };
    let same = || {
        before
            .iter()
            .rev()
            .take_while(|o| o.paragraph == st.paragraph)
    };
    if let Some(name) = &st.share_of {
        let named = same().find(|o| !name.is_empty() && o.subject.ends_with(name.as_str()));
        // 占收入总额 / 占总支出: the whole the paragraph's figure introduces.
        let generic = [
            "收入总额",
            "支出总额",
            "总收入",
            "总支出",
            "收入总计",
            "支出总计",
        ];
        if named.is_some() || !generic.contains(&name.as_str()) {
            return named.into_iter().collect();
        }
    }
    let opener = |o: &&NarrativeStatement| o.share.is_none() && o.unit == st.unit && opens_parts(o);
    let Some(nearest) = same().find(|o| opens_parts(o)).filter(|o| opener(o)) else {
        return Vec::new();
    };
    std::iter::once(nearest)
        .chain(
            same()
                .filter(|o| !std::ptr::eq(*o, nearest) && o.sentence == nearest.sentence)
                .filter(opener),
        )
        .collect()
}

/// The text right after the figure introduces its parts. An aside in brackets right after the
/// figure is passed over: "490,808.40万元（本年预算收入390,140.45万元），其中：" introduces parts of
/// 490,808.40 as much as of the figure in the brackets.
fn opens_parts(st: &NarrativeStatement) -> bool {
    let Some(at) = st.sentence.find(&st.printed) else {
        return false;
    };
    let rest = st.sentence.get(at + st.printed.len()..).unwrap_or("");
    let next_number = |t: &str| extract::numbers(t).first().map_or(t.len(), |n| n.start);
    let introduces = |t: &str| {
        let gap = t.get(..next_number(t)).unwrap_or("");
        gap.contains("其中") || gap.contains("以下") || gap.contains("如下") || gap.ends_with(':')
    };
    if introduces(rest) {
        return true;
    }
    // Only a bracket that follows the figure and its unit at once is an aside of the figure
    // ("2940.05万元，主要用于以下方面：一般公共服务支出（类）" is not).
    let Some(open) = rest.find(['（', '(']) else {
        return false;
    };
    let unit_only = rest
        .get(..open)
        .is_some_and(|u| matches!(u.trim(), "" | "元" | "万元" | "亿元"));
    let after = rest
        .get(open..)
        .and_then(|t| t.find(['）', ')']).map(|close| open + close))
        .and_then(|close| rest.get(close..))
        .and_then(|t| t.chars().next().and_then(|c| t.get(c.len_utf8()..)));
    unit_only && after.is_some_and(introduces)
}

fn share(sts: &[NarrativeStatement], i: usize, out: &mut Findings) {
    let Some(st) = sts.get(i) else { return };
    let Some(rate) = st.share else { return };
    let wholes = wholes_of(sts, i);
    let Some(&whole) = wholes.first() else {
        return;
    };
    // Rounding (half a unit) and the nudge that makes the parts add up to 100 % (one unit).
    let slack = half_unit(rate) + unit_of_last_digit(rate);
    let fits = |w: &NarrativeStatement| {
        ratio_range(st.amount, w.amount).is_none_or(|(lo, hi)| meets(lo, hi, rate, slack))
    };
    if wholes.iter().any(|w| fits(w)) {
        return;
    }
    let Some(exact) = st
        .amount
        .checked_mul(Decimal::ONE_HUNDRED)
        .and_then(|x| x.checked_div(whole.amount))
    else {
        return;
    };
    let exact = exact.round_dp(rate.scale() + 1);
    out.push(
        on(
            &rules::SHARE,
            st.page,
            &st.sentence,
            format!(
                "{}{}占{}{}的比例写作{}，按数字计算为{}%",
                st.subject, st.printed, whole.subject, whole.printed, st.share_printed, exact
            ),
            format!(
                "{} {} is {}% of {} {}, but the text says {}",
                st.subject, st.printed, exact, whole.subject, whole.printed, st.share_printed
            ),
        )
        .with_code(st.subject.clone())
        .with_values(exact, rate),
    );
}

fn change(st: &NarrativeStatement, out: &mut Findings) {
    let Some(ch) = &st.change else { return };
    if let (Some(rd), d) = (ch.rate_direction, ch.direction)
        && ch.amount.is_some()
        && rd != d
        && d != Direction::Flat
    {
        out.push(
            on(
                &rules::DIRECTION,
                st.page,
                &ch.sentence,
                format!("“{}”中增减金额与增减幅度的方向相反", ch.printed),
                format!(
                    "\"{}\": the amount and the rate go opposite ways",
                    ch.printed
                ),
            )
            .with_code(st.subject.clone()),
        );
        return;
    }
    let (Some(delta), Some(rate)) = (ch.amount, ch.rate) else {
        return;
    };
    if st.basis != Basis::Current && st.basis != Basis::Budget {
        return;
    }
    let previous = match ch.direction {
        Direction::Increase => st.amount - delta,
        Direction::Decrease => st.amount + delta,
        Direction::Flat => return,
    };
    // The previous figure carries the rounding of both printed figures.
    let hp = half_unit(st.amount) + half_unit(delta);
    let p_lo = previous - hp;
    if p_lo <= Decimal::ZERO {
        return; // from nothing: no rate to check
    }
    let d_lo = (delta - half_unit(delta)).max(Decimal::ZERO);
    let (Some(lo), Some(hi)) = (
        (d_lo * Decimal::ONE_HUNDRED).checked_div(previous + hp),
        ((delta + half_unit(delta)) * Decimal::ONE_HUNDRED).checked_div(p_lo),
    ) else {
        return;
    };
    if meets(lo, hi, rate, half_unit(rate)) {
        return;
    }
    // Cut off instead of rounded: some true rate t in [lo, hi] has rate ≤ t < rate + one unit.
    let truncated = rate < lo && rate + unit_of_last_digit(rate) > lo;
    let rule = if truncated {
        &rules::RATE_TRUNCATED
    } else {
        &rules::RATE
    };
    let exact = (delta * Decimal::ONE_HUNDRED / previous).round_dp(rate.scale() + 1);
    out.push(
        on(
            rule,
            st.page,
            &ch.sentence,
            format!(
                "{}{}“{}”：上年为{}，幅度应为{}%",
                st.subject, st.printed, ch.printed, previous, exact
            ),
            format!(
                "{} {} \"{}\": the previous figure is {}, so the rate is {}%",
                st.subject, st.printed, ch.printed, previous, exact
            ),
        )
        .with_code(st.subject.clone())
        .with_values(exact, rate),
    );
}

// ---------------------------------------------------------------------------------------------
// Values against the tables.

struct Ctx<'a> {
    tables: &'a [DocumentTable],
    kind: DocumentKind,
    issuer: Option<String>,
}

/// Which cells of which tables a subject may quote.
#[derive(Clone, Copy)]
enum Sel {
    /// Every cell of the rows with this label.
    Label(RowLabel),
    /// The cell of the 合计 row in this column.
    TotalCol(TableColumn),
    /// Every cell in a column whose heading contains this text (三公 tables).
    Heading(&'static str),
}

/// A cell a figure may quote: value and unit.
type Candidate = (Decimal, Unit);

impl Ctx<'_> {
    fn table(&self, kind: TableKind) -> Option<&PublishedTable> {
        self.tables
            .iter()
            .filter(|t| t.kind == Some(kind))
            .find_map(|t| t.table.as_ref())
    }

    fn budget(&self) -> bool {
        self.kind == DocumentKind::Budget
    }

    /// The tables of a role, by phase.
    fn kinds(&self, role: Role) -> &'static [TableKind] {
        use TableKind as K;
        match (role, self.budget()) {
            (Role::Summary, true) => &[K::BudgetSummary],
            (Role::Summary, false) => &[K::FinalSummary],
            (Role::Income, true) => &[K::BudgetIncome],
            (Role::Income, false) => &[K::FinalIncome],
            (Role::Expenditure, true) => &[K::BudgetExpenditure],
            (Role::Expenditure, false) => &[K::FinalExpenditure],
            (Role::Appropriation, true) => &[K::BudgetAppropriation],
            (Role::Appropriation, false) => &[K::FinalAppropriation],
            (Role::General, true) => &[K::BudgetGeneralFunctional],
            (Role::General, false) => &[K::FinalGeneralFunctional],
            (Role::Economic, true) => &[K::BudgetBasicEconomic],
            (Role::Economic, false) => &[K::FinalGeneralBasic],
            (Role::ThreePublic, true) => &[K::BudgetThreePublic],
            (Role::ThreePublic, false) => &[K::FinalThreePublic],
            (Role::Functional, true) => &[
                K::BudgetGeneralFunctional,
                K::BudgetExpenditure,
                K::BudgetIncome,
                K::BudgetFundFunctional,
                K::BudgetStateCapitalFunctional,
            ],
            (Role::Functional, false) => &[
                K::FinalGeneralFunctional,
                K::FinalExpenditure,
                K::FinalIncome,
                K::FinalFund,
                K::FinalStateCapital,
            ],
        }
    }

    fn cells(&self, role: Role, sel: Sel, acc: &mut Vec<Candidate>) {
        for k in self.kinds(role) {
            let Some(t) = self.table(*k) else { continue };
            let unit = t.unit();
            match sel {
                Sel::Label(l) => {
                    for r in t.rows().iter().filter(|r| r.label() == Some(l)) {
                        acc.extend(r.cells.iter().flatten().map(|v| (*v, unit)));
                    }
                }
                Sel::TotalCol(c) => {
                    for r in t.rows().iter().filter(|r| {
                        matches!(
                            r.label(),
                            Some(
                                RowLabel::Total
                                    | RowLabel::IncomeTotal
                                    | RowLabel::ExpenditureTotal
                            )
                        )
                    }) {
                        acc.extend(t.cell(r, c).map(|v| (v, unit)));
                    }
                }
                Sel::Heading(h) => {
                    for (j, name) in t.columns().iter().enumerate() {
                        if crate::document::normalize_text(name).contains(h) {
                            for r in t.rows() {
                                acc.extend(r.cells.get(j).copied().flatten().map(|v| (v, unit)));
                            }
                        }
                    }
                }
            }
        }
    }

    /// The cells a subject may quote; empty when the subject names no line the checks know.
    fn candidates(&self, subject: &str) -> Vec<Candidate> {
        let mut acc = Vec::new();
        let subject = subject_core(subject);
        if subject.contains("(类)") {
            self.by_path(&subject, &mut acc);
            return acc;
        }
        for (keys, picks) in SUMMARY {
            // 收入/支出 alone are the totals of a budget (收入预算, 支出预算); in a final account
            // 支出决算 is said of whatever line the paragraph is about.
            let generic = |k: &&&str| matches!(**k, "收入" | "支出") && !self.budget();
            if !keys
                .iter()
                .any(|k| !generic(&k) && self.ends_with_item(&subject, k))
            {
                continue;
            }
            for (role, sel) in *picks {
                self.cells(*role, *sel, &mut acc);
            }
            return acc;
        }
        acc
    }

    /// `subject` is `key`, or ends with it after a year, 本部门/本单位 or the issuer's name
    /// (so that 养老保险缴费支出 is not read as 支出).
    fn ends_with_item(&self, subject: &str, key: &str) -> bool {
        let Some(rest) = subject.strip_suffix(key) else {
            return false;
        };
        if key.chars().count() >= 4 {
            return !rest.ends_with(['基', '事', '其', '总']) || rest.is_empty();
        }
        rest.is_empty()
            || rest.ends_with(['年', '度'])
            || rest.ends_with("本部门")
            || rest.ends_with("本单位")
            || self.issuer.as_deref().is_some_and(|i| rest.ends_with(i))
    }

    /// The rows named by a 科目 path "X(类)Y(款)Z(项)": the amount of that row in each functional
    /// table.
    fn by_path(&self, path: &str, acc: &mut Vec<Candidate>) {
        let mut names: Vec<&str> = Vec::new();
        let mut rest = path;
        for level in ["(类)", "(款)", "(项)"] {
            match rest.split_once(level) {
                Some((name, tail)) => {
                    names.push(name);
                    rest = tail;
                }
                None => break,
            }
        }
        if !rest.is_empty() || names.is_empty() {
            return; // more after the path: not a plain subject
        }
        for k in self.kinds(Role::Functional) {
            let Some(t) = self.table(*k) else { continue };
            let mut prefix = String::new();
            let mut found = None;
            for (depth, name) in names.iter().enumerate() {
                let len = 3 + 2 * depth;
                let name = crate::document::normalize_text(name);
                let hit = t.rows().iter().find(|r| {
                    r.code.is_some_and(|c| {
                        let c = c.to_string();
                        c.len() == len && c.starts_with(&prefix)
                    }) && crate::document::normalize_text(&r.name) == name
                });
                match hit {
                    Some(r) => {
                        prefix = r.code.map(|c| c.to_string()).unwrap_or_default();
                        found = Some(r);
                    }
                    None => {
                        found = None;
                        break;
                    }
                }
            }
            // The 科目's amount (合计), not its parts: a 项目支出 of 0 does not make "为0" true.
            if let Some(v) = found.and_then(|r| t.row_amount(r)) {
                acc.push((v, t.unit()));
            }
        }
    }

    fn value(&self, st: &NarrativeStatement, out: &mut Findings) {
        let current = st.basis == Basis::Current || (self.budget() && st.basis == Basis::Budget);
        if !current || st.subject.contains("上年") || st.subject.contains("同比") {
            return;
        }
        let cands = self.candidates(&st.subject);
        if cands.is_empty() || cands.iter().any(|c| fits(st.amount, st.unit, *c)) {
            return;
        }
        let nearest = cands.iter().copied().min_by_key(|c| {
            u_convert(c.0, c.1, st.unit)
                .and_then(|v| v.checked_sub(st.amount))
                .map_or(Decimal::MAX, |d| d.abs())
        });
        let (printed_as, want) = match nearest {
            Some((v, u)) => (v, u),
            None => return,
        };
        let in_unit = u_convert(printed_as, want, st.unit);
        // A number that fits only in the other unit: the unit word is wrong.
        let other = match st.unit {
            Unit::Yuan => Some(Unit::WanYuan),
            Unit::WanYuan => Some(Unit::Yuan),
            Unit::YiYuan => None,
        };
        if let Some(o) = other
            && cands.iter().any(|c| fits(st.amount, o, *c))
        {
            out.push(
                on(
                    &rules::UNIT,
                    st.page,
                    &st.sentence,
                    format!("{}{}的单位应为{}", st.subject, st.printed, o.symbol()),
                    format!(
                        "{} {}: the number is in {}",
                        st.subject,
                        st.printed,
                        o.symbol()
                    ),
                )
                .with_code(st.subject.clone())
                .with_values(in_unit.unwrap_or(printed_as), st.amount),
            );
            return;
        }
        let rule = if st.amount.is_zero() {
            &rules::ZERO
        } else {
            &rules::VALUE
        };
        let shown = in_unit.map_or_else(|| printed_as.to_string(), |v| v.normalize().to_string());
        out.push(
            on(
                rule,
                st.page,
                &st.sentence,
                format!(
                    "{}写作{}，表中为{}{}",
                    st.subject,
                    st.printed,
                    shown,
                    st.unit.symbol()
                ),
                format!(
                    "{} is quoted as {} but the table prints {} {}",
                    st.subject,
                    st.printed,
                    shown,
                    st.unit.symbol()
                ),
            )
            .with_code(st.subject.clone())
            .with_values(in_unit.unwrap_or(printed_as), st.amount),
        );
    }

    /// "没有/无 政府性基金(国有资本经营)预算…" said of a document whose table of that budget has an
    /// amount.
    fn nothing(&self, s: &Sentence, out: &mut Findings) {
        let t = s.text.as_str();
        if !(t.contains("没有") || t.contains('无')) || t.contains("万元") {
            return;
        }
        let (budget, kinds): (&str, &[TableKind]) = if t.contains("政府性基金") {
            (
                "政府性基金",
                &[TableKind::BudgetFundFunctional, TableKind::FinalFund],
            )
        } else if t.contains("国有资本经营") {
            (
                "国有资本经营",
                &[
                    TableKind::BudgetStateCapitalFunctional,
                    TableKind::FinalStateCapital,
                ],
            )
        } else {
            return;
        };
        let amount = kinds.iter().filter_map(|k| self.table(*k)).find_map(|t| {
            t.rows()
                .iter()
                .filter(|r| r.label() == Some(RowLabel::Total))
                .flat_map(|r| r.cells.iter().flatten())
                .find(|v| !v.is_zero())
                .map(|v| (*v, t.unit()))
        });
        if let Some((v, u)) = amount {
            out.push(on(
                &rules::ZERO,
                s.page,
                t,
                format!("文中称没有{budget}预算收支，表中合计为{v}{}", u.symbol()),
                format!(
                    "the text says there is no {budget} budget money, but its table totals {v} {}",
                    u.symbol()
                ),
            )
            .with_code(budget)
            .with_values(v, Decimal::ZERO));
        }
    }
}

/// The roles tables play for the summary items.
#[derive(Clone, Copy)]
enum Role {
    Summary,
    Income,
    Expenditure,
    Appropriation,
    General,
    Economic,
    ThreePublic,
    Functional,
}

use RowLabel as L;
use TableColumn as C;

/// A summary item: its words, and where its figure may be printed.
type Item = (&'static [&'static str], &'static [(Role, Sel)]);

/// Summary items: the subject's last words → where the figure may be printed. Longer keys first.
const SUMMARY: &[Item] = &[
    (
        &[
            "财政拨款收入支出总计",
            "财政拨款收支总计",
            "财政拨款收支总预算",
        ],
        &[
            (Role::Appropriation, Sel::Label(L::IncomeTotal)),
            (Role::Appropriation, Sel::Label(L::ExpenditureTotal)),
            (Role::Appropriation, Sel::Label(L::Total)),
        ],
    ),
    (
        &[
            "一般公共预算财政拨款支出",
            "一般公共预算拨款支出",
            "一般公共预算支出",
        ],
        &[
            (Role::General, Sel::TotalCol(C::Total)),
            (Role::Appropriation, Sel::TotalCol(C::General)),
        ],
    ),
    (
        &["一般公共预算财政拨款基本支出", "一般公共预算基本支出"],
        &[
            (Role::General, Sel::TotalCol(C::Basic)),
            (Role::Economic, Sel::TotalCol(C::Total)),
        ],
    ),
    (
        &["本年收入合计", "本年收入"],
        &[
            (Role::Summary, Sel::Label(L::CurrentIncome)),
            (Role::Income, Sel::TotalCol(C::Total)),
        ],
    ),
    (
        &["本年支出合计", "本年支出"],
        &[
            (Role::Summary, Sel::Label(L::CurrentExpenditure)),
            (Role::Expenditure, Sel::TotalCol(C::Total)),
        ],
    ),
    (
        &[
            "收入支出总计",
            "收支总计",
            "收支总预算",
            "收入总计",
            "支出总计",
            "收入预算",
            "支出预算",
            "收入",
            "支出",
        ],
        // The MoE final-account template calls 本年收入合计 "收入总计".
        &[
            (Role::Summary, Sel::Label(L::IncomeTotal)),
            (Role::Summary, Sel::Label(L::ExpenditureTotal)),
            (Role::Summary, Sel::Label(L::CurrentIncome)),
            (Role::Summary, Sel::Label(L::CurrentExpenditure)),
        ],
    ),
    (
        &["财政拨款收入"],
        &[
            (Role::Summary, Sel::Label(L::Appropriation)),
            (Role::Summary, Sel::Label(L::General)),
            (Role::Appropriation, Sel::Label(L::Appropriation)),
            (Role::Appropriation, Sel::Label(L::General)),
            (Role::Income, Sel::TotalCol(C::Appropriation)),
        ],
    ),
    (
        &["事业单位经营收入"],
        &[(Role::Summary, Sel::Label(L::BusinessIncome))],
    ),
    (
        &["事业收入"],
        &[(Role::Summary, Sel::Label(L::OperatingIncome))],
    ),
    (
        &["上级补助收入"],
        &[(Role::Summary, Sel::Label(L::SuperiorGrant))],
    ),
    (
        &["附属单位上缴收入"],
        &[(Role::Summary, Sel::Label(L::AffiliateRemit))],
    ),
    (
        &["基本支出"],
        &[
            (Role::Expenditure, Sel::TotalCol(C::Basic)),
            (Role::General, Sel::TotalCol(C::Basic)),
            (Role::Economic, Sel::TotalCol(C::Total)),
        ],
    ),
    (
        &["项目支出"],
        &[
            (Role::Expenditure, Sel::TotalCol(C::Project)),
            (Role::General, Sel::TotalCol(C::Project)),
        ],
    ),
    (
        &["人员经费"],
        &[
            (Role::Economic, Sel::TotalCol(C::Personnel)),
            (Role::Economic, Sel::Label(L::PersonnelTotal)),
        ],
    ),
    (
        &["公用经费"],
        &[
            (Role::Economic, Sel::TotalCol(C::Public)),
            (Role::Economic, Sel::Label(L::PublicTotal)),
        ],
    ),
    (
        &["因公出国(境)费", "因公出国(境)经费"],
        &[(Role::ThreePublic, Sel::Heading("因公出国"))],
    ),
    (
        &["公务接待费"],
        &[(Role::ThreePublic, Sel::Heading("公务接待"))],
    ),
    (
        &["公务用车购置及运行费", "公务用车购置及运行维护费"],
        &[(Role::ThreePublic, Sel::Heading("公务用车"))],
    ),
    (
        &["三公经费", "三公经费财政拨款支出", "三公经费支出"],
        &[(Role::ThreePublic, Sel::Heading("合计"))],
    ),
    (
        &["机关运行经费"],
        &[(Role::ThreePublic, Sel::Heading("机关运行"))],
    ),
];

/// The subject without quotes, item numbers, 科目 and a trailing 预算/决算/数.
fn subject_core(subject: &str) -> String {
    let mut s: String = subject
        .chars()
        .filter(|c| !"“”\"'「」‘’".contains(*c))
        .collect();
    // Item numbers: 1. 12. (一) 一、
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && s.chars().nth(digits) == Some('.') {
        s = s.chars().skip(digits + 1).collect();
    }
    for suffix in ["科目", "预算数", "决算数", "预算", "决算"] {
        if let Some(x) = s.strip_suffix(suffix) {
            s = x.to_owned();
        }
    }
    s
}

/// `amount` in `unit` quotes `cand` within the rounding of both.
fn fits(amount: Decimal, unit: Unit, cand: Candidate) -> bool {
    let (v, u) = cand;
    let Some(in_unit) = u_convert(v, u, unit) else {
        return false;
    };
    let table_half = u_convert(half_unit(v), u, unit).unwrap_or(Decimal::ZERO);
    // A figure may be rounded or truncated to its printed precision.
    let (Some(tol), Some(diff)) = (
        unit_of_last_digit(amount).checked_add(table_half),
        in_unit.checked_sub(amount),
    ) else {
        return false;
    };
    diff.abs() <= tol
}

pub(super) fn u_convert(v: Decimal, from: Unit, to: Unit) -> Option<Decimal> {
    from.convert(v, to).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_and_shares_within_rounding_pass() {
        // 56.95 / (2995.39 + 56.95) = 1.866 %
        let (lo, hi) = ratio_range(Decimal::new(5695, 2), Decimal::new(305234, 2)).unwrap();
        assert!(meets(lo, hi, Decimal::new(187, 2), Decimal::new(5, 3)));
        assert!(!meets(lo, hi, Decimal::new(180, 2), Decimal::new(5, 3)));
    }

    #[test]
    fn placeholders_not_in_words() {
        assert!(placeholder_at("2024年收入XX万元", "XX"));
        assert!(!placeholder_at("XXL号", "XX"));
        assert_eq!(
            rate_without_percent("比上年下降(增长)27.78,主要原因").as_deref(),
            Some("27.78")
        );
        assert_eq!(rate_without_percent("增长27.78%,"), None);
    }
}

#[cfg(test)]
mod hostile {
    use super::*;

    /// Figures at the edge of `Decimal` in the text give findings or nothing, never a panic.
    #[test]
    fn huge_figures_in_the_text_do_not_panic() {
        let max = "79228162514264337593543950335";
        let texts = [
            format!("本年支出合计{max}万元，比上年增加{max}万元，增长5.00%。"),
            format!("本年支出合计1.00万元，比上年减少{max}万元，下降99.99%。"),
            format!("基本支出{max}万元，占{max}%；项目支出{max}万元，占0.01%。"),
            format!(
                "机关运行经费支出{max}元，比2023年度减少0.0000000000000000000000000001万元，增长{max}%。"
            ),
            "本年收入合计0.00万元，其中财政拨款收入0.00万元，占100%。".to_owned(),
            format!("年初预算为{max}万元，支出决算为{max}元，完成年初预算的{max}%。决算数小于预算数。"),
            "年初预算为999999999999999999亿元，支出决算为0.000001元，与年初预算相比减少999999999999999999亿元。".to_owned(),
            "全年预算为0.000001万元，支出决算为999999999999999999万元，完成全年预算的0.000001%。决算数与预算数持平。".to_owned(),
        ];
        for t in &texts {
            let lines = [SourceLine::new(1, t.as_str())];
            let _ = check(&lines, Some(2024), DocumentKind::Final, &[], None);
            let _ = check(&lines, Some(2024), DocumentKind::Budget, &[], None);
        }
    }
}
