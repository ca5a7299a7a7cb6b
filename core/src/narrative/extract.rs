//! Extraction: the running text of a document → paragraphs → sentences → figures with their
//! unit, subject, share and comparison.

use rust_decimal::Decimal;

use super::{Basis, Direction, NarrativeChange, NarrativeStatement};
use crate::document::SourceLine;
use crate::money::Unit;

/// A sentence of running text with the page it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Sentence {
    pub page: u32,
    pub text: String,
    /// The paragraph the sentence belongs to (0-based, document-wide).
    pub paragraph: usize,
}

/// A line starts a new paragraph item: 一、 (一) 1. 1、 第.
pub(crate) fn starts_item(norm: &str) -> bool {
    // 十一、 二十三、: Chinese numerals of more than one character.
    let numeral = norm
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .count();
    if (2..=3).contains(&numeral) && norm.chars().nth(numeral) == Some('、') {
        return true;
    }
    let mut chars = norm.chars();
    let first = chars.next();
    let second = chars.next();
    // "1." starts an item, "1.5%" does not.
    let after_dot = |n: usize| !norm.chars().nth(n).is_some_and(|c| c.is_ascii_digit());
    match (first, second) {
        (Some('('), Some(c)) => {
            (c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
                && norm
                    .chars()
                    .nth(2)
                    .is_some_and(|e| e == ')' || "一二三四五六七八九十".contains(e))
        }
        (Some(c), Some('、' | '.' | '．')) => {
            (c.is_ascii_digit() && after_dot(2)) || "一二三四五六七八九十".contains(c)
        }
        (Some(c), Some(d)) if c.is_ascii_digit() && d.is_ascii_digit() => {
            norm.chars().nth(2).is_some_and(|e| e == '.' || e == '、') && after_dot(3)
        }
        _ => false,
    }
}

/// [`paged_paragraphs`] with the page each paragraph starts on (the tests' view).
#[cfg(test)]
fn paragraphs(lines: &[SourceLine]) -> Vec<(u32, String)> {
    paged_paragraphs(lines)
        .into_iter()
        .map(|(text, starts)| (starts.first().map_or(1, |s| s.1), text))
        .collect()
}

/// The running text as paragraphs: lines joined where a sentence wraps (Chinese wraps without a
/// space), also across a page break, split where a line ends a sentence or is short (a title, a
/// cell), or where the next line starts an item; page numbers are dropped. With each paragraph,
/// where each of its lines starts (byte offset in its text) and on which page.
fn paged_paragraphs(lines: &[SourceLine]) -> Vec<(String, Vec<(usize, u32)>)> {
    let mut out: Vec<(String, Vec<(usize, u32)>)> = Vec::new();
    let mut current: Option<(String, Vec<(usize, u32)>)> = None;
    for (i, line) in lines.iter().enumerate() {
        let norm = line.norm.as_str();
        if norm.is_empty() || page_number_at(lines, i) {
            continue;
        }
        if starts_item(norm) {
            out.extend(current.take());
        }
        let cur = current.get_or_insert_with(|| (String::new(), Vec::new()));
        cur.1.push((cur.0.len(), line.page));
        cur.0.push_str(norm);
        // A sentence runs on across a page break ("…各增加3608.98万元，增长" | page number |
        // "17.31%。"): a line of running text (20 characters or more: not a heading such as
        // "(一)机关运行经费支出情况") that ends without a stop continues on the next page unless
        // that page starts an item; the paragraph keeps the page it starts on.
        let next = (i + 1..lines.len())
            .filter_map(|j| lines.get(j))
            .enumerate()
            .find(|(k, l)| !l.norm.is_empty() && !page_number_at(lines, i + 1 + k))
            .map(|(_, l)| l);
        let runs_on = next.is_some_and(|l| {
            l.page == line.page || (norm.chars().count() >= 20 && !starts_item(&l.norm))
        });
        let ends =
            norm.ends_with(['。', ':', ';', '!', '?']) || norm.chars().count() < 12 || !runs_on;
        if ends {
            out.extend(current.take());
        }
    }
    out.extend(current);
    out
}

/// Line `i` is the page number printed at the foot or head of its page ("3", "─7─", "- 12 -",
/// "第3页", "3/20"): not text. Left in, a sentence that runs on to the next page would end in it
/// ("…各增加3608.98万元，增长" + "3", 江苏省委办公厅 2018 部门预算 p.5) and read as a rate.
fn page_number_at(lines: &[SourceLine], i: usize) -> bool {
    let Some(line) = lines.get(i) else {
        return false;
    };
    // The lines of a page are contiguous: the nearest non-empty line before (after) it is on
    // another page, or there is none.
    let alone = |mut others: std::slice::Iter<'_, SourceLine>, back: bool| {
        let next = if back {
            others.rfind(|l| !l.norm.is_empty())
        } else {
            others.find(|l| !l.norm.is_empty())
        };
        next.is_none_or(|l| l.page != line.page)
    };
    let first = alone(lines.get(..i).unwrap_or_default().iter(), true);
    let last = alone(lines.get(i + 1..).unwrap_or_default().iter(), false);
    if !(last || first) {
        return false;
    }
    let core: String = line
        .norm
        .chars()
        .filter(|c| !c.is_whitespace() && !"-—─–_·第页".contains(*c))
        .collect();
    let digits = |t: &str| (1..=4).contains(&t.len()) && t.chars().all(|c| c.is_ascii_digit());
    match core.split_once('/') {
        Some((a, b)) => digits(a) && digits(b),
        None => digits(&core),
    }
}

/// The sentences of the paragraphs (split at 。 ; and at ! ?), each with its page.
pub(crate) fn sentences(lines: &[SourceLine]) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (n, (text, starts)) in paged_paragraphs(lines).into_iter().enumerate() {
        let mut at = 0;
        for s in text.split_inclusive(['。', ';', '!', '?']) {
            let begin = at + (s.len() - s.trim_start().len());
            at += s.len();
            let s = s.trim();
            if !s.is_empty() {
                // The page the sentence starts on.
                let page = starts
                    .iter()
                    .take_while(|(offset, _)| *offset <= begin)
                    .last()
                    .or(starts.first())
                    .map_or(1, |(_, p)| *p);
                out.push(Sentence {
                    page,
                    text: s.to_owned(),
                    paragraph: n,
                });
            }
        }
    }
    out
}

/// A number printed in a sentence: its byte range, value, printed text and the unit word that
/// follows it (万元, 元, 亿元) or `%`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Number {
    pub start: usize,
    pub end: usize,
    pub value: Decimal,
    pub printed: String,
    pub unit: Option<NumberUnit>,
}

/// What follows a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumberUnit {
    /// A money unit word.
    Money(Unit),
    /// A percent sign.
    Percent,
}

/// The numbers of `s`: digits with optional thousands commas (`3,355.65`) and decimals, not part
/// of a year (`2024年`) or a code.
pub(crate) fn numbers(s: &str) -> Vec<Number> {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let prev_alnum = i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'.');
        if !bytes[i].is_ascii_digit() || prev_alnum {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i;
        loop {
            while j < bytes.len() && bytes[j].is_ascii_digit() {
                j += 1;
            }
            // A thousands comma: exactly three digits follow and then no digit.
            let grouped = j + 3 < bytes.len() + 1
                && bytes.get(j) == Some(&b',')
                && bytes
                    .get(j + 1..j + 4)
                    .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
                && !bytes.get(j + 4).is_some_and(u8::is_ascii_digit);
            if grouped {
                j += 1;
                continue;
            }
            break;
        }
        if bytes.get(j) == Some(&b'.') && bytes.get(j + 1).is_some_and(u8::is_ascii_digit) {
            j += 1;
            while j < bytes.len() && bytes[j].is_ascii_digit() {
                j += 1;
            }
        }
        let printed = s.get(start..j).unwrap_or("");
        let rest = s.get(j..).unwrap_or("");
        let unit = if rest.starts_with("万元") {
            Some(NumberUnit::Money(Unit::WanYuan))
        } else if rest.starts_with("亿元") {
            Some(NumberUnit::Money(Unit::YiYuan))
        } else if rest.starts_with('元') {
            Some(NumberUnit::Money(Unit::Yuan))
        } else if rest.starts_with('%') {
            Some(NumberUnit::Percent)
        } else {
            None
        };
        // A figure beyond any budget (10¹⁸) or printed to more than six places is not a statement
        // the checks can weigh: it is left out (said nothing about), never a panic downstream.
        let plausible = |v: &Decimal| v.scale() <= 6 && v.abs() < Decimal::from(10u64.pow(18));
        if let Ok(value) = printed.replace(',', "").parse::<Decimal>()
            && plausible(&value)
        {
            out.push(Number {
                start,
                end: j,
                value,
                printed: printed.to_owned(),
                unit,
            });
        }
        i = j.max(i + 1);
    }
    out
}

/// The words that make a clause a comparison, and their direction.
pub(crate) const DIRECTIONS: &[(&str, Direction)] = &[
    ("增加", Direction::Increase),
    ("增长", Direction::Increase),
    ("上升", Direction::Increase),
    ("减少", Direction::Decrease),
    ("下降", Direction::Decrease),
    ("降低", Direction::Decrease),
];

/// The direction word ending just before byte `at` of `s` (within two characters), if any.
pub(crate) fn direction_before(s: &str, at: usize) -> Option<(Direction, &'static str)> {
    let head = s.get(..at)?;
    let head = head.strip_suffix('了').unwrap_or(head); // 减少了 1237.7万元
    DIRECTIONS
        .iter()
        .find(|(w, _)| head.ends_with(w))
        .map(|(w, d)| (*d, *w))
}

/// Strip the filler before a figure: 为 是 共 达 计 约 合计为 …, a leading org name is kept (the
/// check matches on the end of the subject).
fn clean_subject(s: &str) -> String {
    let mut t = s.trim_matches(|c: char| ",:;、。 ".contains(c)).to_owned();
    for filler in ["合计为", "总计为", "为", "是", "达", "约"] {
        if let Some(x) = t.strip_suffix(filler) {
            t = x.to_owned();
        }
    }
    // A heading glued before the sentence (…总体情况说明上海市…局2024年度收入支出总计): keep what
    // follows the last 说明 / 情况.
    for heading in ["说明", "情况"] {
        if let Some((_, tail)) = t.rsplit_once(heading)
            && !tail.is_empty()
        {
            t = tail.to_owned();
        }
    }
    for lead in ["其中", "另外", "此外", "全年"] {
        if let Some(x) = t.strip_prefix(lead) {
            t = x.to_owned();
        }
    }
    t.trim_matches(|c: char| ",:;、。 ".contains(c)).to_owned()
}

/// The start of the clause holding byte `at`: after the last `,` `:` `;` `、` `。` that is not a
/// thousands comma.
pub(crate) fn clause_start(s: &str, at: usize) -> usize {
    let head = s.get(..at).unwrap_or("");
    let bytes = head.as_bytes();
    let mut cut = 0;
    for (i, c) in head.char_indices() {
        let is_sep = match c {
            ',' => {
                let digit_before = i > 0 && bytes.get(i - 1).is_some_and(u8::is_ascii_digit);
                let digits_after = s
                    .as_bytes()
                    .get(i + 1..i + 4)
                    .is_some_and(|d| d.iter().all(u8::is_ascii_digit));
                !(digit_before && digits_after)
            }
            ':' | ';' | '、' | '。' => true,
            _ => false,
        };
        if is_sep {
            cut = i + c.len_utf8();
        }
    }
    cut
}

/// What a figure is about in time: the year of the document, the previous year, or a budget
/// quoted in a final account (年初预算).
fn basis_of(clause: &str, year: Option<i32>) -> Basis {
    if ["上年", "上一年", "去年"]
        .iter()
        .any(|w| clause.contains(w))
    {
        return Basis::PreviousYear;
    }
    if let Some(y) = year {
        let prev = format!("{}年", y - 1);
        if clause.contains(&prev) {
            return Basis::PreviousYear;
        }
    }
    if ["年初预算", "预算数", "调整预算", "全年预算"]
        .iter()
        .any(|w| clause.contains(w))
    {
        return Basis::Budget;
    }
    Basis::Current
}

/// Is the clause before a figure a comparison (比上年 / 与上年相比 / 较上年)?
fn is_comparison(clause: &str) -> bool {
    clause.contains('比') || clause.contains("相比") || clause.starts_with('较')
}

/// The statements of one sentence: every amount (with its subject), the share (占X%) and the
/// comparison (增加/减少 X, 增长/下降 Y%, 持平) that follow it.
///
/// `out` holds the statements so far; those from `from` on are of the same paragraph, and a
/// share or comparison at the start of a sentence belongs to the last of them.
pub(crate) fn statements_of(
    sentence: &Sentence,
    year: Option<i32>,
    out: &mut Vec<NarrativeStatement>,
    from: usize,
) {
    let s = sentence.text.as_str();
    for n in numbers(s) {
        let Some(unit) = n.unit else {
            continue;
        };
        let clause = s.get(clause_start(s, n.start)..n.start).unwrap_or("");
        let dir = direction_before(s, n.start);
        match (unit, dir) {
            (NumberUnit::Percent, _) => {
                if let Some(st) = out.get_mut(from..).and_then(|p| p.last_mut()) {
                    percent(st, s, clause, dir, &n);
                }
            }
            (NumberUnit::Money(u), Some((d, w))) => {
                let target = out.get_mut(from..).and_then(|p| p.last_mut());
                comparison(target, s, clause, (d, w), &n, u);
                continue;
            }
            (NumberUnit::Money(u), None) => out.push(NarrativeStatement {
                page: sentence.page,
                sentence: s.to_owned(),
                subject: clean_subject(clause),
                basis: basis_of(clause, year),
                amount: n.value,
                unit: u,
                printed: format!("{}{}", n.printed, u.symbol()),
                share: None,
                share_printed: String::new(),
                share_of: None,
                change: None,
                paragraph: u32::try_from(sentence.paragraph).unwrap_or(u32::MAX),
            }),
        }
        if let Some(st) = out.get_mut(from..).and_then(|p| p.last_mut()) {
            flat(st, s, &n);
        }
    }
}

/// A percentage after a figure: its share (占X%) or the rate of its comparison (增长Y%).
fn percent(
    st: &mut NarrativeStatement,
    s: &str,
    clause: &str,
    dir: Option<(Direction, &'static str)>,
    n: &Number,
) {
    if clause.contains('占') && (dir.is_none() || clause.ends_with('占')) {
        if st.share.is_none() {
            st.share = Some(n.value);
            st.share_printed = format!("{}%", n.printed);
            st.share_of = share_of(clause);
        }
    } else if let Some((d, w)) = dir {
        let ch = st.change.get_or_insert_with(|| NarrativeChange {
            direction: d,
            amount: None,
            rate: None,
            rate_direction: None,
            printed: String::new(),
            sentence: s.to_owned(),
        });
        if ch.rate.is_none() {
            ch.rate = Some(n.value);
            ch.rate_direction = Some(d);
            ch.printed.push_str(&format!("{w}{}%", n.printed));
        }
    }
}

/// An amount after 增加/减少: the change of the figure it compares (the last of the paragraph,
/// when the clause names it or names nothing, or says 比/相比).
fn comparison(
    target: Option<&mut NarrativeStatement>,
    s: &str,
    clause: &str,
    (d, w): (Direction, &'static str),
    n: &Number,
    u: Unit,
) {
    let named = clause.strip_suffix('了').unwrap_or(clause);
    let named = named.strip_suffix(w).unwrap_or(named);
    let subject = clean_subject(named.split(['比', '较']).next().unwrap_or(""));
    let Some(st) = target
        .filter(|st| subject.is_empty() || st.subject.ends_with(&subject) || is_comparison(clause))
    else {
        return;
    };
    if st.change.is_none() {
        st.change = Some(NarrativeChange {
            direction: d,
            amount: Some(n.value),
            rate: None,
            rate_direction: None,
            printed: format!("{w}{}{}", n.printed, u.symbol()),
            sentence: s.to_owned(),
        });
    }
}

/// 持平 after a figure (before the next figure, years aside): a flat comparison.
fn flat(st: &mut NarrativeStatement, s: &str, n: &Number) {
    let after = s.get(n.end..).unwrap_or("");
    if st.change.is_some() || !after.contains("持平") {
        return;
    }
    let next_num = numbers(after)
        .iter()
        .find(|m| !after.get(m.end..).is_some_and(|r| r.starts_with('年')))
        .map_or(after.len(), |m| m.start);
    if after.find("持平").is_some_and(|p| p < next_num) {
        st.change = Some(NarrativeChange {
            direction: Direction::Flat,
            amount: None,
            rate: None,
            rate_direction: None,
            printed: "持平".into(),
            sentence: s.to_owned(),
        });
    }
}

/// The named denominator of a share: 占本年支出合计的 → 本年支出合计.
fn share_of(clause: &str) -> Option<String> {
    let after = clause.rsplit('占').next()?;
    let name = after.strip_suffix('的').unwrap_or(after);
    (!name.is_empty()).then(|| name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(t: &str) -> Sentence {
        Sentence {
            page: 1,
            text: t.into(),
            paragraph: 0,
        }
    }

    #[test]
    fn numbers_with_thousands_and_units() {
        let n = numbers("收入预算18,976.76万元,其中:财政拨款收入18,976.76万元,占99.79%;2024年");
        let v: Vec<String> = n.iter().map(|x| x.printed.clone()).collect();
        assert_eq!(v, ["18,976.76", "18,976.76", "99.79", "2024"]);
        assert_eq!(n[2].unit, Some(NumberUnit::Percent));
        assert_eq!(n[3].unit, None);
    }

    #[test]
    fn a_figure_with_its_comparison() {
        let mut st = Vec::new();
        statements_of(
            &sentence("其中:财政拨款收入18,976.76万元,比2024年预算增加3,355.65万元,增长21.48%;"),
            Some(2025),
            &mut st,
            0,
        );
        assert_eq!(st.len(), 1);
        assert_eq!(st[0].subject, "财政拨款收入");
        let ch = st[0].change.as_ref().unwrap();
        assert_eq!(ch.direction, Direction::Increase);
        assert_eq!(ch.amount.unwrap().to_string(), "3355.65");
        assert_eq!(ch.rate.unwrap().to_string(), "21.48");
    }

    #[test]
    fn shares_and_flat() {
        let mut st = Vec::new();
        statements_of(
            &sentence("本年收入合计2946.25万元,其中:财政拨款收入2940.05万元,占99.79%;"),
            Some(2024),
            &mut st,
            0,
        );
        assert_eq!(st[1].share.unwrap().to_string(), "99.79");
        statements_of(
            &sentence("政府性基金拨款支出预算0.00万元,比2024年预算持平;"),
            Some(2025),
            &mut st,
            2,
        );
        assert_eq!(st[2].change.as_ref().unwrap().direction, Direction::Flat);
    }

    #[test]
    fn page_numbers_are_not_text() {
        let lines = [
            SourceLine::new(5, "一、收支预算总体情况说明"),
            SourceLine::new(
                5,
                "江苏省委办公厅2018年度收入、支出预算总计24458.43万元，与上年相比收、支预算总计各增加3608.98万元，增长",
            ),
            SourceLine::new(5, "3"),
            SourceLine::new(6, "─4─"),
            SourceLine::new(6, "17.31%。"),
            SourceLine::new(6, "3"),
            SourceLine::new(6, "本年收入合计3万元。"),
        ];
        let text: Vec<String> = paragraphs(&lines).into_iter().map(|(_, t)| t).collect();
        // The sentence runs on across the page break, without the page numbers.
        assert!(
            text[0].ends_with("各增加3608.98万元,增长17.31%。"),
            "{text:?}"
        );
        // A "3" between lines of text is not a page number.
        assert_eq!(text[1], "3");
        assert_eq!(text.len(), 3, "{text:?}");
    }

    #[test]
    fn paragraphs_join_wrapped_lines() {
        let lines = [
            SourceLine::new(
                3,
                "2025年,某某收入预算18,976.76万元,其中:财政拨款收入18,976.76万元,比2024年预算增加",
            ),
            SourceLine::new(3, "3,355.65万元。"),
            SourceLine::new(3, "1. 第二项"),
        ];
        let p = paragraphs(&lines);
        assert_eq!(p.len(), 2);
        assert!(p[0].1.contains("增加3,355.65万元"));
    }
}
