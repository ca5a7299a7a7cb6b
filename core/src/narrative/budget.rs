//! A final account against its budget: "完成年初预算的98.20%" and "决算数小于预算数" checked
//! against the 决算 and 预算 figures printed beside them ("年初预算为2993.92万元，支出决算为
//! 2940.05万元"), or, for a 三公 item whose budget the text does not print, against the 预算数 row
//! of the final account's 三公 table.
//!
//! A figure after 年初预算 / 全年预算 / 调整预算 opens a group; the next figure after 决算 closes
//! it (a 决算 naming another item, "其中：公务接待费支出决算为0.39万元", takes its budget from the
//! 三公 table instead). A rate or comparison is judged against the latest group of its item. Where
//! the phrase names no budget and two differ, a phrase true for either is not reported; where it
//! names one (年初) but fits only the other, it is an info. A sentence starting a new item (1、 (三)
//! 六、) starts afresh.

use rust_decimal::Decimal;

use super::Direction;
use super::check::{half_unit, meets, on, ratio_range, u_convert, unit_of_last_digit};
use super::extract::{self, NumberUnit, Sentence};
use crate::document::{DocumentTable, normalize_text};
use crate::finding::Findings;
use crate::money::Unit;
use crate::rules::narrative as rules;
use crate::tables::TableKind;

/// Which budget a figure or a phrase is about.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Which {
    /// 年初预算.
    Initial,
    /// 全年预算 / 调整预算 / 调整后预算.
    Full,
    /// 预算数 without a word (the 三公 table's row, or a phrase naming neither).
    Plain,
}

impl Which {
    fn zh(self) -> &'static str {
        match self {
            Which::Initial => "年初预算",
            Which::Full => "全年（调整）预算",
            Which::Plain => "预算数",
        }
    }
}

/// A printed figure.
#[derive(Clone, Copy, Debug)]
struct Fig {
    value: Decimal,
    unit: Unit,
}

/// A 决算 figure with the budgets it is measured against.
struct Record {
    key: Option<&'static str>,
    fin: Fig,
    budgets: Vec<(Which, Fig)>,
    /// A named item (its budget from the table), and the sentence it is in.
    sub: bool,
    sentence: usize,
}

/// Budgets stated, awaiting their 决算.
struct Pending {
    subject: String,
    key: Option<&'static str>,
    budgets: Vec<(Which, Fig)>,
}

/// What a phrase says.
enum Kind {
    /// 完成年初预算的X%.
    Completion(Decimal),
    /// 决算数小于预算数, 与年初预算相比减少X万元, 决算数与预算数(基本)持平.
    Compare {
        dir: Direction,
        basic: bool,
        amount: Option<Fig>,
    },
}

struct Phrase {
    at: usize,
    which: Which,
    kind: Kind,
    printed: String,
    key: Option<&'static str>,
}

/// The state of the walk through the text.
#[derive(Default)]
struct Walk {
    records: Vec<Record>,
    pending: Option<Pending>,
}

/// Check the completion rates and budget comparisons of a final account's text.
pub(super) fn check(sentences: &[Sentence], tables: &[DocumentTable], out: &mut Findings) {
    let mut walk = Walk::default();
    let mut paragraph = usize::MAX;
    for (si, s) in sentences.iter().enumerate() {
        if s.paragraph != paragraph {
            paragraph = s.paragraph;
            if extract::starts_item(&s.text) {
                walk = Walk::default();
            }
        }
        let t = s.text.as_str();
        let mut phrases = phrases(t).into_iter().peekable();
        for n in extract::numbers(t) {
            while let Some(p) = phrases.next_if(|p| p.at < n.start) {
                walk.judge(s, si, &p, out);
            }
            if let Some(NumberUnit::Money(unit)) = n.unit
                && extract::direction_before(t, n.start).is_none()
            {
                let clause = t
                    .get(extract::clause_start(t, n.start)..n.start)
                    .unwrap_or("");
                let fig = Fig {
                    value: n.value,
                    unit,
                };
                walk.figure(clause, fig, tables, si);
            }
        }
        for p in phrases {
            walk.judge(s, si, &p, out);
        }
    }
}

impl Walk {
    fn figure(&mut self, clause: &str, fig: Fig, tables: &[DocumentTable], sentence: usize) {
        if let Some(which) = budget_word(clause) {
            let fresh = || Pending {
                subject: clause.to_owned(),
                key: key_of(clause),
                budgets: Vec::new(),
            };
            let p = match which {
                Which::Initial => self.pending.insert(fresh()),
                _ => self.pending.get_or_insert_with(fresh),
            };
            p.budgets.push((which, fig));
            return;
        }
        if !clause.contains("决算") {
            return;
        }
        let named = item_named(clause);
        let record = match self.pending.take() {
            Some(p) if named.is_empty() || p.subject.contains(&named) => Record {
                key: p.key,
                fin: fig,
                budgets: p.budgets,
                sub: false,
                sentence,
            },
            other => {
                self.pending = other;
                let key = key_of(&named);
                Record {
                    key,
                    fin: fig,
                    budgets: table_budgets(tables, key),
                    sub: !named.is_empty(),
                    sentence,
                }
            }
        };
        self.records.push(record);
    }

    /// The record a phrase speaks of: the latest of its item (named), else the latest — unless
    /// that is a named sub-item of an earlier sentence (the phrase is then about the whole).
    fn record(&self, p: &Phrase, sentence: usize) -> Option<&Record> {
        match p.key {
            Some(k) => self.records.iter().rev().find(|r| r.key == Some(k)),
            None => self
                .records
                .last()
                .filter(|r| !r.sub || r.sentence == sentence),
        }
    }

    fn judge(&self, s: &Sentence, si: usize, p: &Phrase, out: &mut Findings) {
        let Some(r) = self.record(p, si) else { return };
        if let Some(f) = outcome(r, p).and_then(|o| finding(r.fin, p, &o, s)) {
            out.push(f);
        }
    }
}

/// What a phrase comes to against its record's budgets.
enum Outcome {
    /// A rate cut off rather than rounded, against budget `Fig`: the figures' rate.
    Truncated(Fig, Decimal),
    /// The phrase fits only a budget it does not name.
    OtherBudget(Which, Fig),
    /// The phrase is wrong against every budget it may mean: the first, and the figures' value.
    Wrong(Which, Fig, Decimal),
}

fn outcome(r: &Record, p: &Phrase) -> Option<Outcome> {
    let verdict = |b: &Fig| match &p.kind {
        Kind::Completion(rate) => completion(r.fin, *b, *rate),
        Kind::Compare { dir, basic, amount } => compare(r.fin, *b, *dir, *basic, *amount),
    };
    let (named, others): (Vec<_>, Vec<_>) = r
        .budgets
        .iter()
        .partition(|(w, _)| p.which == Which::Plain || *w == p.which || *w == Which::Plain);
    let vs: Vec<(Which, Fig, Verdict)> = named.iter().map(|(w, b)| (*w, *b, verdict(b))).collect();
    if vs.iter().any(|v| v.2 == Verdict::Agree) {
        return None;
    }
    if let Some((_, b, Verdict::Truncated(exact))) =
        vs.iter().find(|v| matches!(v.2, Verdict::Truncated(_)))
    {
        return Some(Outcome::Truncated(*b, *exact));
    }
    if let Some((w, b)) = others.iter().find(|(_, b)| verdict(b) == Verdict::Agree) {
        return Some(Outcome::OtherBudget(*w, *b));
    }
    if vs.iter().any(|v| v.2 == Verdict::Unsure) {
        return None;
    }
    match vs.first() {
        Some((w, b, Verdict::Wrong(x))) => Some(Outcome::Wrong(*w, *b, *x)),
        _ => None,
    }
}

/// The finding of an outcome, quoting the sentence.
fn finding(f: Fig, p: &Phrase, o: &Outcome, s: &Sentence) -> Option<crate::Finding> {
    let (pr, q) = (p.printed.as_str(), p.which.zh());
    let (fv, fu) = (f.value, f.unit.symbol());
    let (rule, zh, en, values) = match (o, &p.kind) {
        (Outcome::Truncated(b, x), _) => (
            &rules::RATE_TRUNCATED,
            format!(
                "“{pr}”：决算{fv}÷预算{}为{x}%，末位被截去而非四舍五入",
                b.value
            ),
            format!(
                "\"{pr}\": {fv} / {} is {x}%, cut off rather than rounded",
                b.value
            ),
            Some(*x),
        ),
        (Outcome::OtherBudget(w, b), _) => (
            &rules::BUDGET_BASIS,
            format!("“{pr}”与{}{}相符，而非文中所称的{q}", w.zh(), b.value),
            format!(
                "\"{pr}\" fits the {} {}, not the {q} the text names",
                w.zh(),
                b.value
            ),
            None,
        ),
        (Outcome::Wrong(w, b, x), Kind::Completion(_)) => (
            &rules::BUDGET_COMPLETION,
            format!(
                "决算{fv}{fu}为{}{}{}的{x}%，文中写作“{pr}”",
                w.zh(),
                b.value,
                b.unit.symbol()
            ),
            format!(
                "the 决算 {fv} {fu} is {x}% of the {} {} {}, but the text says \"{pr}\"",
                w.zh(),
                b.value,
                b.unit.symbol()
            ),
            Some(*x),
        ),
        (Outcome::Wrong(w, b, x), Kind::Compare { .. }) => (
            &rules::BUDGET_COMPARISON,
            format!(
                "决算{fv}{fu}与{}{}{}（相差{x}）不符“{pr}”",
                w.zh(),
                b.value,
                b.unit.symbol()
            ),
            format!(
                "the 决算 {fv} {fu} and the {} {} {} (difference {x}) contradict \"{pr}\"",
                w.zh(),
                b.value,
                b.unit.symbol()
            ),
            Some(*x),
        ),
    };
    let mut out = on(rule, s.page, &s.text, zh, en).with_code(q);
    if let Some(x) = values {
        out = out.with_values(x, printed_rate(&p.kind));
    }
    Some(out)
}

/// The printed rate (or amount) of a phrase, for the finding's `actual`.
fn printed_rate(k: &Kind) -> Decimal {
    match k {
        Kind::Completion(r) => *r,
        Kind::Compare { amount, .. } => amount.map_or(Decimal::ZERO, |a| a.value),
    }
}

/// A phrase against one budget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Verdict {
    /// The figures agree with the phrase.
    Agree,
    /// Nothing can be said (a budget of 0, equal printed figures said to differ).
    Unsure,
    /// A rate cut off rather than rounded: the figures' rate.
    Truncated(Decimal),
    /// The figures say otherwise: the rate, or the difference 决算 − 预算.
    Wrong(Decimal),
}

/// `b` in `f`'s unit; `None` when it does not convert.
fn in_unit(b: Fig, f: Fig) -> Option<Decimal> {
    u_convert(b.value, b.unit, f.unit)
}

fn completion(f: Fig, b: Fig, rate: Decimal) -> Verdict {
    let Some(bv) = in_unit(b, f).filter(|v| *v > Decimal::ZERO) else {
        return Verdict::Unsure;
    };
    let Some((lo, hi)) = ratio_range(f.value, bv) else {
        return Verdict::Unsure;
    };
    if meets(lo, hi, rate, half_unit(rate)) {
        return Verdict::Agree;
    }
    let Some(exact) = f
        .value
        .checked_mul(Decimal::ONE_HUNDRED)
        .and_then(|x| x.checked_div(bv))
        .map(|x| x.round_dp(rate.scale() + 1))
    else {
        return Verdict::Unsure;
    };
    if rate < lo && rate + unit_of_last_digit(rate) > lo {
        Verdict::Truncated(exact)
    } else {
        Verdict::Wrong(exact)
    }
}

fn compare(f: Fig, b: Fig, dir: Direction, basic: bool, amount: Option<Fig>) -> Verdict {
    let Some(bv) = in_unit(b, f) else {
        return Verdict::Unsure;
    };
    let Some(diff) = f.value.checked_sub(bv) else {
        return Verdict::Unsure;
    };
    let rounding = half_unit(f.value) + half_unit(bv);
    let sided = match dir {
        Direction::Increase => diff.is_sign_positive() && !diff.is_zero(),
        Direction::Decrease => diff.is_sign_negative() && !diff.is_zero(),
        Direction::Flat => {
            let share = if basic {
                Decimal::new(5, 2)
            } else {
                Decimal::new(1, 2)
            };
            let tol = bv
                .abs()
                .checked_mul(share)
                .unwrap_or(Decimal::MAX)
                .max(rounding);
            return if diff.abs() <= tol {
                Verdict::Agree
            } else {
                Verdict::Wrong(diff)
            };
        }
    };
    if diff.is_zero() {
        return Verdict::Unsure; // equal as printed: the unprinted digits may differ
    }
    if !sided {
        return Verdict::Wrong(diff);
    }
    match amount.and_then(|a| u_convert(a.value, a.unit, f.unit).map(|v| (a.value, v))) {
        Some((printed, v)) => {
            let tol = unit_of_last_digit(printed) + rounding;
            let off = (diff.abs() - v).abs();
            if off <= tol {
                Verdict::Agree
            } else {
                Verdict::Wrong(diff)
            }
        }
        None => Verdict::Agree,
    }
}

/// The budget a figure's clause names: 年初预算, 全年/调整预算.
fn budget_word(clause: &str) -> Option<Which> {
    if clause.contains("年初预算") {
        return Some(Which::Initial);
    }
    [
        "全年预算",
        "调整预算",
        "调整后预算",
        "调整后的预算",
        "预算调整为",
    ]
    .iter()
    .any(|w| clause.contains(w))
    .then_some(Which::Full)
}

/// The item a 决算 clause names: "其中:因公出国(境)费决算为" → 因公出国(境)费; "支出决算为" → "".
fn item_named(clause: &str) -> String {
    let t: String = clause
        .chars()
        .filter(|c| !"“”\"'‘’「」".contains(*c))
        .collect();
    let mut t = t.as_str();
    t = t.strip_prefix("其中").unwrap_or(t);
    for suffix in ["为", "数", "决算", "支出"] {
        t = t.strip_suffix(suffix).unwrap_or(t);
    }
    t.trim_matches(|c: char| ",:;、。 ".contains(c)).to_owned()
}

/// The 三公 item a text names (longest first), if any.
fn key_of(s: &str) -> Option<&'static str> {
    let s = normalize_text(s);
    [
        ("公务用车购置及运行", "公务用车"),
        ("公务用车购置费", "公务用车购置"),
        ("公务用车运行", "公务用车运行"),
        ("公务接待", "公务接待"),
        ("因公出国", "因公出国"),
        ("三公", "三公"),
    ]
    .iter()
    .find(|(w, _)| s.contains(w))
    .map(|(_, k)| *k)
}

/// The budget of a 三公 item in the final account's 三公 table (a row 预算数, a column per item).
fn table_budgets(tables: &[DocumentTable], key: Option<&str>) -> Vec<(Which, Fig)> {
    let needles: &[&str] = match key {
        Some("三公") => &["合计"],
        Some("因公出国") => &["因公出国"],
        Some("公务用车") => &["公务用车购置及运行", "小计"],
        Some("公务用车购置") => &["公务用车购置费"],
        Some("公务用车运行") => &["公务用车运行"],
        Some("公务接待") => &["公务接待"],
        _ => return Vec::new(),
    };
    let mut out = Vec::new();
    for t in tables
        .iter()
        .filter(|t| t.kind == Some(TableKind::FinalThreePublic))
    {
        let Some(t) = t.table.as_ref() else { continue };
        let names: Vec<String> = t.columns().iter().map(|c| normalize_text(c)).collect();
        let Some(j) = needles
            .iter()
            .find_map(|n| names.iter().position(|c| c.contains(n)))
        else {
            continue;
        };
        let budget = t.rows().iter().find(|r| {
            let n = normalize_text(&r.name);
            n.contains("预算") && !n.contains("决算")
        });
        if let Some(v) = budget.and_then(|r| r.cells.get(j).copied().flatten()) {
            out.push((
                Which::Plain,
                Fig {
                    value: v,
                    unit: t.unit(),
                },
            ));
        }
    }
    out
}

const QUALIFIERS: &[(&str, Which)] = &[
    ("年初", Which::Initial),
    ("全年", Which::Full),
    ("调整后的", Which::Full),
    ("调整后", Which::Full),
    ("调整", Which::Full),
];

const COMPARE_WORDS: &[(&str, Direction)] = &[
    ("大于", Direction::Increase),
    ("高于", Direction::Increase),
    ("多于", Direction::Increase),
    ("超过", Direction::Increase),
    ("小于", Direction::Decrease),
    ("低于", Direction::Decrease),
    ("少于", Direction::Decrease),
];

/// The completion rates and budget comparisons of a sentence, in order.
fn phrases(t: &str) -> Vec<Phrase> {
    let mut out = Vec::new();
    for (i, _) in t.match_indices("预算") {
        let head = t.get(..i).unwrap_or("");
        let (head, which) = QUALIFIERS
            .iter()
            .find_map(|(q, w)| head.strip_suffix(q).map(|h| (h, *w)))
            .unwrap_or((head, Which::Plain));
        let after = i + "预算".len();
        let tail = t.get(after..).unwrap_or("");
        let tail = tail.strip_prefix('数').unwrap_or(tail);
        let tail_at = t.len() - tail.len();
        let found = completion_phrase(head, tail).or_else(|| compare_phrase(head, tail));
        if let Some((start, end, kind)) = found {
            let start = head.len().saturating_sub(start);
            let clause = t.get(extract::clause_start(t, start)..start).unwrap_or("");
            out.push(Phrase {
                at: i,
                which,
                kind,
                printed: t.get(start..tail_at + end).unwrap_or("").to_owned(),
                key: key_of(clause),
            });
        }
    }
    out
}

/// 完成/为/达到 …预算(数)的X%: the bytes it takes before the head's end and after the tail's
/// start, and the rate.
fn completion_phrase(head: &str, tail: &str) -> Option<(usize, usize, Kind)> {
    let verb = ["完成", "达到", "为"].iter().find(|v| head.ends_with(*v))?;
    let rest = tail.strip_prefix('的')?;
    let n = extract::numbers(rest).into_iter().next()?;
    (n.start == 0 && n.unit == Some(NumberUnit::Percent)).then(|| {
        let end = "的".len() + n.end + 1;
        (verb.len(), end, Kind::Completion(n.value))
    })
}

/// 决算数小于预算数, 决算数与预算数(基本)持平, 与年初预算相比减少X万元, 比年初预算增加X万元.
fn compare_phrase(head: &str, tail: &str) -> Option<(usize, usize, Kind)> {
    let after_final = |h: &str| {
        ["决算数", "决算"]
            .iter()
            .find(|w| h.ends_with(*w))
            .map(|w| w.len())
    };
    for (w, dir) in COMPARE_WORDS {
        if let Some(h) = head.strip_suffix(w)
            && let Some(l) = after_final(h)
        {
            let kind = Kind::Compare {
                dir: *dir,
                basic: false,
                amount: None,
            };
            return Some((w.len() + l, 0, kind));
        }
    }
    let joiner = ["与", "同", "和", "跟"].iter().find(|j| head.ends_with(*j));
    let by = head.ends_with('比');
    if joiner.is_none() && !by {
        return None;
    }
    let lead = match joiner {
        Some(j) => {
            j.len()
                + head
                    .get(..head.len() - j.len())
                    .and_then(after_final)
                    .unwrap_or(0)
        }
        None => "比".len(),
    };
    let mut rest = tail;
    if joiner.is_some() {
        rest = rest
            .strip_prefix("相比较")
            .or_else(|| rest.strip_prefix("相比"))
            .unwrap_or(rest);
        rest = rest.strip_prefix(',').unwrap_or(rest);
    }
    let used = tail.len() - rest.len();
    for (word, basic) in [("基本持平", true), ("持平", false)] {
        if rest.starts_with(word) {
            let kind = Kind::Compare {
                dir: Direction::Flat,
                basic,
                amount: None,
            };
            return Some((lead, used + word.len(), kind));
        }
    }
    // A direction word within a few characters (与年初预算相比，决算数减少…), before any digit.
    let window: String = rest
        .chars()
        .take_while(|c| !c.is_ascii_digit() && !",;。".contains(*c))
        .take(8)
        .collect();
    let (d, w) = extract::DIRECTIONS
        .iter()
        .filter_map(|(w, d)| window.find(w).map(|p| (p, *d, *w)))
        .min_by_key(|x| x.0)
        .map(|(_, d, w)| (d, w))?;
    let at = rest.find(w)? + w.len();
    let after = rest.get(at..)?;
    let after_le = after.strip_prefix('了').unwrap_or(after);
    let amount = extract::numbers(after_le)
        .into_iter()
        .next()
        .filter(|n| n.start == 0)
        .and_then(|n| match n.unit {
            Some(NumberUnit::Money(u)) => Some((
                n.end,
                Fig {
                    value: n.value,
                    unit: u,
                },
            )),
            _ => None,
        });
    let end = used + at + (after.len() - after_le.len()) + amount.map_or(0, |(e, _)| e);
    let kind = Kind::Compare {
        dir: d,
        basic: false,
        amount: amount.map(|(_, f)| f),
    };
    Some((lead, end, kind))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::SourceLine;

    fn run(text: &str) -> Vec<(String, crate::Severity)> {
        let lines = [SourceLine::new(3, text)];
        let mut out = Findings::new();
        check(&extract::sentences(&lines), &[], &mut out);
        out.iter().map(|f| (f.rule.clone(), f.severity)).collect()
    }

    #[test]
    fn true_rates_and_comparisons_pass() {
        assert!(run("一般公共预算财政拨款支出年初预算为2993.92万元，支出决算为2940.05万元，完成年初预算的98.20%。决算数小于预算数的主要原因：调减。").is_empty());
        assert!(
            run("年初预算为10.00万元，支出决算为10.00万元。决算数与预算数基本持平。").is_empty()
        );
        assert!(run("年初预算为54.53万元，支出决算为54.53万元，完成年初预算的100.00%。决算数同预算数持平。").is_empty());
        assert!(
            run("年初预算为100.00万元，支出决算为90.00万元，与年初预算相比减少10.00万元。")
                .is_empty()
        );
        assert!(
            run("年初预算为42.73万元，支出决算为40.35万元，与年初预算相比，减少2.38万元。")
                .is_empty()
        );
    }

    #[test]
    fn wrong_rates_and_comparisons_are_reported() {
        let r = run("年初预算为2993.92万元，支出决算为2940.05万元，完成年初预算的97.20%。");
        assert_eq!(
            r,
            [(
                "narrative.budget_completion".to_owned(),
                crate::Severity::Error
            )]
        );
        let r =
            run("年初预算为1560.05万元，支出决算为1511.89万元。决算数大于预算数的主要原因：增人。");
        assert_eq!(
            r,
            [(
                "narrative.budget_comparison".to_owned(),
                crate::Severity::Error
            )]
        );
        let r = run("年初预算为100.00万元，支出决算为90.00万元。决算数与预算数持平。");
        assert_eq!(
            r,
            [(
                "narrative.budget_comparison".to_owned(),
                crate::Severity::Error
            )]
        );
        let r = run("年初预算为42.73万元，支出决算为40.35万元，与年初预算相比，增加2.38万元。");
        assert_eq!(
            r,
            [(
                "narrative.budget_comparison".to_owned(),
                crate::Severity::Error
            )]
        );
        let r = run("年初预算为100.00万元，支出决算为90.00万元，比年初预算减少12.00万元。");
        assert_eq!(
            r,
            [(
                "narrative.budget_comparison".to_owned(),
                crate::Severity::Error
            )]
        );
    }

    #[test]
    fn truncation_and_the_other_budget_are_infos() {
        let r = run("年初预算为10210.34万元，支出决算为9746.50万元，完成年初预算的95.45%。");
        assert_eq!(
            r,
            [("narrative.rate_truncated".to_owned(), crate::Severity::Info)]
        );
        let r = run(
            "年初预算为0万元，全年预算为321.02万元，支出决算为307.82万元，完成年初预算的95.89%。决算数小于预算数的主要原因：人员经费支出数小于预算数。",
        );
        assert_eq!(
            r,
            [("narrative.budget_basis".to_owned(), crate::Severity::Info)]
        );
    }

    #[test]
    fn nothing_is_said_without_both_figures() {
        assert!(run("支出决算为90.00万元，完成年初预算的12.00%。").is_empty());
        assert!(run("年初预算为0.00万元，支出决算为0.00万元，完成预算的0%。").is_empty());
        // Equal as printed: 小于 may hold in the unprinted digits.
        assert!(run("年初预算为258.50万元，支出决算为258.50万元。决算数小于预算数。").is_empty());
    }
}
