//! Tolerant matching of printed labels.
//!
//! Real reports copy the template's labels with small changes: half-width punctuation (`(一)`,
//! `1、`), spaces, missing numbering (`予以公开` for `（一）予以公开`), straight quotes. A label's
//! *key* drops all of that — numbering tokens, punctuation, spaces — and keeps the words, so two
//! labels match when their keys are equal. Words are never guessed: `不予公开` does not match
//! `部分公开`.

/// Fold full-width ASCII forms (U+FF01–U+FF5E) to ASCII and the ideographic space to a space.
fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

fn is_cn_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

/// Length in chars of a numbering token starting at `i` (`一、`, `(三)`, `1.`, `2、`, `(4)`),
/// or 0.
fn numbering_at(chars: &[char], i: usize) -> usize {
    let at = |k: usize| chars.get(i + k).copied();
    let run = |start: usize, pred: fn(char) -> bool| {
        let mut n = 0;
        while at(start + n).is_some_and(pred) && n < 3 {
            n += 1;
        }
        n
    };
    // (三) or (4)
    if at(0) == Some('(') {
        let n = run(1, is_cn_numeral).max(run(1, |c| c.is_ascii_digit()));
        if n > 0 && at(1 + n) == Some(')') {
            return n + 2;
        }
        return 0;
    }
    // 一、 (or, at the start of a segment, 一. and 一 followed by a space)
    let n = run(0, is_cn_numeral);
    if n > 0 {
        let segment_start = i == 0 || chars.get(i - 1).is_some_and(|c| !c.is_alphanumeric());
        return match at(n) {
            Some('、') => n + 1,
            Some('.' | ' ' | ',') if segment_start => n + 1,
            _ => 0,
        };
    }
    // 1. 1、 1)
    let n = run(0, |c| c.is_ascii_digit());
    if n > 0 && matches!(at(n), Some('.' | '、' | ')')) {
        return n + 1;
    }
    0
}

/// The key of a printed label: numbering, punctuation and spaces removed, full-width forms
/// folded.
pub(crate) fn label_key(text: &str) -> String {
    let chars: Vec<char> = text.chars().map(fold_width).collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let skip = numbering_at(&chars, i);
        if skip > 0 {
            i += skip;
            continue;
        }
        if c.is_alphanumeric() {
            out.push(c);
        }
        i += 1;
    }
    out
}

/// The key of `text` with one optional leading group word removed (`本年度办理结果`, `行政诉讼`).
pub(crate) fn key_without_prefix(text: &str, prefix: &str) -> String {
    let key = label_key(text);
    match key.strip_prefix(prefix) {
        Some(rest) if !rest.is_empty() => rest.to_owned(),
        _ => key,
    }
}

/// Find the candidate whose keys contain `key`.
pub(crate) fn find_by_key<T: Copy>(key: &str, candidates: &[(T, Vec<String>)]) -> Option<T> {
    candidates
        .iter()
        .find(|(_, keys)| keys.iter().any(|k| k == key))
        .map(|(t, _)| *t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_drop_numbering_and_punctuation() {
        assert_eq!(
            label_key("（三）不予公开 1.属于国家秘密"),
            "不予公开属于国家秘密"
        );
        assert_eq!(
            label_key("(三)不予公开1、属于国家秘密"),
            "不予公开属于国家秘密"
        );
        assert_eq!(label_key("３．危及“三安全一稳定”"), "危及三安全一稳定");
        assert_eq!(label_key("3.危及\"三安全一稳定\""), "危及三安全一稳定");
        assert_eq!(
            label_key("一、本年新收政府信息公开申请数量"),
            "本年新收政府信息公开申请数量"
        );
        assert_eq!(label_key("本年增/减"), "本年增减");
        assert_eq!(label_key(" 四 结转下年度继续办理"), "结转下年度继续办理");
        assert_eq!(label_key("一.本年新收"), "本年新收");
        assert_eq!(label_key("危及 三安全一稳定"), "危及三安全一稳定");
        assert_eq!(label_key("5.属于三类内部事务信息"), "属于三类内部事务信息");
        assert_eq!(
            key_without_prefix("三、本年度办理结果 （一）予以公开", "本年度办理结果"),
            "予以公开"
        );
        assert_eq!(
            key_without_prefix("三、本年度办理结果", "本年度办理结果"),
            "本年度办理结果"
        );
    }
}
