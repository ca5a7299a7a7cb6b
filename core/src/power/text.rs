//! Cell conventions of published lists: blank words and numbered lists in one cell.

use super::numeral::{is_numeral_char, parse_numeral};

/// Words that mean "nothing here" in a published cell.
const BLANK_WORDS: [&str; 10] = ["", "无", "暂无", "/", "／", "-", "－", "—", "——", "–"];

/// Whether a cell says nothing (blank, 无, /, —).
pub(crate) fn is_blank_word(s: &str) -> bool {
    BLANK_WORDS.contains(&s.trim())
}

/// The trimmed text, or `None` for a blank word.
pub(crate) fn optional(s: &str) -> Option<String> {
    (!is_blank_word(s)).then(|| s.trim().to_owned())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    ArabicDot,
    ArabicComma,
    ArabicParen,
    ParenArabic,
    ChineseComma,
    ParenChinese,
    Circled,
}

/// A list marker at the start of `s`: its style, number and byte length.
fn marker_at(s: &str) -> Option<(Style, u32, usize)> {
    let first = s.chars().next()?;
    if ('①'..='⑳').contains(&first) {
        let n = u32::from(first) - u32::from('①') + 1;
        return Some((Style::Circled, n, first.len_utf8()));
    }
    let (open, body) = match s.strip_prefix(['（', '(']) {
        Some(rest) => (s.len() - rest.len(), rest),
        None => (0, s),
    };
    let digits = body
        .chars()
        .take_while(|&c| is_numeral_char(c))
        .map(char::len_utf8)
        .sum::<usize>();
    let number = body.get(..digits).filter(|d| !d.is_empty())?;
    let arabic = number.chars().all(|c| c.is_ascii_digit());
    let n = parse_numeral(number).ok()?;
    let after = body.get(digits..)?;
    let close = after.chars().next()?;
    let len = open + digits + close.len_utf8();
    let style = match (open > 0, arabic, close) {
        (true, true, '）' | ')') => Style::ParenArabic,
        (true, false, '）' | ')') => Style::ParenChinese,
        (false, true, '.' | '．') => {
            // 1.5倍 is a number, not a list marker.
            if after[close.len_utf8()..].starts_with(|c: char| c.is_ascii_digit()) {
                return None;
            }
            Style::ArabicDot
        }
        (false, true, '、') => Style::ArabicComma,
        (false, true, '）' | ')') => Style::ArabicParen,
        (false, false, '、') => Style::ChineseComma,
        _ => return None,
    };
    Some((style, n, len))
}

/// The exact entries of a cell written in the encoded form: a JSON array of strings
/// (`["2.②", ") (1)；"]`), the form [`join_list`] writes when the numbered form would not read
/// back exactly. `None` for any other text.
fn encoded(text: &str) -> Option<Vec<String>> {
    let t = text.trim();
    if !(t.starts_with('[') && t.ends_with(']')) {
        return None;
    }
    serde_json::from_str::<Vec<String>>(t).ok()
}

/// Split a cell holding a list into its entries.
///
/// A cell that is a JSON array of strings (`["1.5倍", ""]`, the encoded form [`join_list`]
/// writes for entries the numbered form cannot carry) gives exactly those entries. A cell that
/// starts with a list marker (`1.` `1、` `1）` `（1）` `一、` `（一）` `①`) is split at each next
/// marker of the same style and the next number (2, 3 …) that starts a line or follows
/// whitespace or `。；，`; the markers are removed. Markers of other styles inside an entry
/// (`（一）` inside `1.`) stay. A cell without a leading marker is split at line breaks. Each
/// entry is trimmed, and list punctuation (`；` `，`) at its end removed.
pub(crate) fn split_list(text: &str) -> Vec<String> {
    if let Some(entries) = encoded(text) {
        return entries;
    }
    split_printed(text)
}

/// [`split_list`] for the printed forms only (no encoded form).
fn split_printed(text: &str) -> Vec<String> {
    let t = text.trim();
    if is_blank_word(t) {
        return Vec::new();
    }
    let Some((style, 1, first_len)) = marker_at(t) else {
        return t
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect();
    };
    let mut items = Vec::new();
    let mut start = first_len;
    let mut next = 2;
    let mut boundary = false;
    for (i, c) in t.char_indices() {
        if i < first_len {
            continue;
        }
        if boundary
            && !c.is_whitespace()
            && let Some((s, n, len)) = marker_at(&t[i..])
            && s == style
            && n == next
        {
            items.push(entry(&t[start..i]));
            start = i + len;
            next += 1;
            boundary = false;
            continue;
        }
        boundary = c.is_whitespace() || "。；;，,！!？?".contains(c);
    }
    items.push(entry(&t[start..]));
    items.retain(|s| !s.is_empty());
    items
}

fn entry(s: &str) -> String {
    s.trim()
        .trim_end_matches(['；', ';', '，', ','])
        .trim()
        .to_owned()
}

/// Write list entries into one cell, the exact inverse of [`split_list`]: a single plain entry
/// as is, otherwise numbered one per line — `1.` `2.` …, or `（1）` `（2）` … or `①` `②` … when
/// an entry's own text would be misread with the plainer style. When no printed form reads
/// back exactly (an entry that is empty, starts or ends with spaces or `；`, holds a control
/// character other than a line break, or would be split differently) the cell is the encoded
/// form, a JSON array of strings, which [`split_list`] reads back exactly. So
/// `split_list(&join_list(v)) == v` for every `v`.
pub(crate) fn join_list(items: &[String]) -> String {
    join_with(items, split_list)
}

/// [`join_list`] for procedure cells: the exact inverse of [`split_steps`].
pub(crate) fn join_steps(items: &[String]) -> String {
    join_with(items, split_steps)
}

fn join_with(items: &[String], split: fn(&str) -> Vec<String>) -> String {
    let reads_back = |text: &str| {
        encoded(text).is_none()
            && !text.chars().any(|c| c.is_control() && c != '\n')
            && split(text) == items
    };
    if items.is_empty() {
        return String::new();
    }
    if let [one] = items
        && !one.contains('\n')
        && marker_at(one).is_none()
        && reads_back(one)
    {
        return one.clone();
    }
    let styles: [fn(usize) -> Option<String>; 3] = [
        |i| Some(format!("{i}.")),
        |i| Some(format!("（{i}）")),
        |i| {
            u32::try_from(i)
                .ok()
                .and_then(|i| char::from_u32(i + u32::from('①') - 1))
                .filter(|c| ('①'..='⑳').contains(c))
                .map(String::from)
        },
    ];
    let numbered = |mark: fn(usize) -> Option<String>| {
        items
            .iter()
            .enumerate()
            .map(|(i, s)| mark(i + 1).map(|m| format!("{m}{s}")))
            .collect::<Option<Vec<_>>>()
            .map(|lines| lines.join("\n"))
    };
    styles
        .iter()
        .filter_map(|&mark| numbered(mark))
        .find(|text| reads_back(text))
        .unwrap_or_else(|| serde_json::to_string(items).unwrap_or_default())
}

/// Split a procedure cell: arrows (→, ->) separate steps as well as list markers and lines. The
/// encoded form (a JSON array of strings) gives its entries exactly, arrows and all.
pub(crate) fn split_steps(text: &str) -> Vec<String> {
    if let Some(entries) = encoded(text) {
        return entries;
    }
    let mut t = text.to_owned();
    for arrow in ["—>", "－>", "->", "→", "⇒", "➝", "➔"] {
        t = t.replace(arrow, "\n");
    }
    split_printed(&t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_entries_split_at_the_next_number_only() {
        let cell = "1.受理责任：公示应当提交的材料；一次性告知补正材料（一）、（二）。2.审查责任：审查申请材料。3、决定责任";
        assert_eq!(
            split_list(cell),
            [
                "受理责任：公示应当提交的材料；一次性告知补正材料（一）、（二）。",
                "审查责任：审查申请材料。3、决定责任"
            ]
        );
        assert_eq!(
            split_list("一、立案\n二、调查\n三、决定"),
            ["立案", "调查", "决定"]
        );
        assert_eq!(split_list("（1）受理 （2）审查"), ["受理", "审查"]);
        assert_eq!(split_list("受理\n\n审查"), ["受理", "审查"]);
        assert_eq!(split_list("1.5倍以下罚款"), ["1.5倍以下罚款"]);
        assert!(split_list("无").is_empty());
        assert_eq!(split_steps("受理→审查->决定"), ["受理", "审查", "决定"]);
    }

    #[test]
    fn join_inverts_split() {
        for items in [
            vec!["受理".to_owned()],
            vec!["1.5倍".to_owned()],
            vec!["1.5倍".to_owned(), "2.5倍".to_owned()],
            vec!["a\nb".to_owned(), "c".to_owned()],
            vec![
                "受理责任：公示；告知。".to_owned(),
                "审查".to_owned(),
                "决定".to_owned(),
            ],
        ] {
            assert_eq!(split_list(&join_list(&items)), items);
        }
    }

    /// Issue 11 defect 3: entries that begin with numbers or markers, hold list punctuation,
    /// arrows, quotes or line breaks, or are empty, read back exactly — and writing again gives
    /// the same text (no number prepended on each round trip).
    #[test]
    fn hostile_entries_read_back_exactly() {
        let cases: Vec<Vec<String>> = vec![
            vec!["2.②".into(), ") (1)；".into()],
            vec!["1.1.2.②".into()],
            vec!["（1）受理".into(), "2.审查".into()],
            vec!["".into()],
            vec!["".into(), "".into()],
            vec![" 前后有空格 ".into()],
            vec!["无".into()],
            vec!["a；".into(), "b，".into()],
            vec!["受理→审查".into(), "决定->送达".into()],
            vec!["[\"json\"]".into()],
            vec!["\"引号\"".into(), "a\r\nb".into(), "\u{0}".into()],
            vec!["1.".into(), "2.".into(), "3.".into()],
            (1..=25).map(|i| format!("第{i}步")).collect(),
        ];
        for items in cases {
            let cell = join_list(&items);
            assert_eq!(split_list(&cell), items, "{cell:?}");
            assert_eq!(join_list(&split_list(&cell)), cell);
            let steps = join_steps(&items);
            assert_eq!(split_steps(&steps), items, "{steps:?}");
        }
        // Plain lists keep their printed form.
        let plain = vec!["受理".to_owned(), "审查".to_owned()];
        assert_eq!(join_list(&plain), "1.受理\n2.审查");
        assert_eq!(join_steps(&plain), "1.受理\n2.审查");
        assert_eq!(
            join_list(&["2.②".to_owned(), ") (1)；".to_owned()]),
            r#"["2.②",") (1)；"]"#
        );
    }
}
