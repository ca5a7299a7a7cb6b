//! Text normalisation for matching: PDF text extraction often yields Kangxi radicals (⼀ U+2F00,
//! ⽀ U+2F40, ⼊ U+2F0A) or CJK Radicals Supplement forms (⻄ U+2EC4) instead of the ideographs,
//! and full-width letters, digits and brackets. Matching uses the normalised form; the printed text
//! is always kept beside it.

use unicode_normalization::UnicodeNormalization;

/// CJK Radicals Supplement code points (U+2E80–U+2EFF) that NFKC leaves alone, mapped to the
/// unified ideograph they stand for in printed documents. Source: the Unicode code charts'
/// "≈" cross-references for the block (Unicode 15, U+2E80–U+2EF3).
const RADICALS_SUPPLEMENT: &[(char, char)] = &[
    ('\u{2E80}', '丶'),
    ('\u{2E81}', '厂'),
    ('\u{2E82}', '乛'),
    ('\u{2E83}', '乚'),
    ('\u{2E84}', '乙'),
    ('\u{2E85}', '亻'),
    ('\u{2E86}', '冂'),
    ('\u{2E87}', '几'),
    ('\u{2E88}', '刀'),
    ('\u{2E89}', '刂'),
    ('\u{2E8A}', '卜'),
    ('\u{2E8B}', '卩'),
    ('\u{2E8C}', '小'),
    ('\u{2E8D}', '小'),
    ('\u{2E8E}', '兀'),
    ('\u{2E8F}', '尢'),
    ('\u{2E90}', '尢'),
    ('\u{2E91}', '尢'),
    ('\u{2E92}', '巳'),
    ('\u{2E93}', '幺'),
    ('\u{2E94}', '彑'),
    ('\u{2E95}', '彐'),
    ('\u{2E96}', '忄'),
    ('\u{2E97}', '心'),
    ('\u{2E98}', '扌'),
    ('\u{2E99}', '攵'),
    ('\u{2E9B}', '旡'),
    ('\u{2E9C}', '日'),
    ('\u{2E9D}', '月'),
    ('\u{2E9E}', '歹'),
    ('\u{2E9F}', '母'),
    ('\u{2EA0}', '民'),
    ('\u{2EA1}', '氵'),
    ('\u{2EA2}', '氵'),
    ('\u{2EA3}', '灬'),
    ('\u{2EA4}', '爫'),
    ('\u{2EA5}', '爫'),
    ('\u{2EA6}', '丬'),
    ('\u{2EA7}', '牛'),
    ('\u{2EA8}', '犭'),
    ('\u{2EA9}', '王'),
    ('\u{2EAA}', '疋'),
    ('\u{2EAB}', '目'),
    ('\u{2EAC}', '示'),
    ('\u{2EAD}', '礻'),
    ('\u{2EAE}', '竹'),
    ('\u{2EAF}', '糸'),
    ('\u{2EB0}', '纟'),
    ('\u{2EB1}', '网'),
    ('\u{2EB2}', '罒'),
    ('\u{2EB3}', '罒'),
    ('\u{2EB4}', '罒'),
    ('\u{2EB5}', '罒'),
    ('\u{2EB6}', '羊'),
    ('\u{2EB7}', '羊'),
    ('\u{2EB8}', '羊'),
    ('\u{2EB9}', '老'),
    ('\u{2EBA}', '肀'),
    ('\u{2EBB}', '肀'),
    ('\u{2EBC}', '月'),
    ('\u{2EBD}', '臼'),
    ('\u{2EBE}', '艹'),
    ('\u{2EBF}', '艹'),
    ('\u{2EC0}', '艹'),
    ('\u{2EC1}', '虎'),
    ('\u{2EC2}', '衤'),
    ('\u{2EC3}', '覀'),
    ('\u{2EC4}', '西'),
    ('\u{2EC5}', '见'),
    ('\u{2EC6}', '见'),
    ('\u{2EC7}', '角'),
    ('\u{2EC8}', '讠'),
    ('\u{2EC9}', '贝'),
    ('\u{2ECA}', '足'),
    ('\u{2ECB}', '车'),
    ('\u{2ECC}', '辶'),
    ('\u{2ECD}', '辶'),
    ('\u{2ECE}', '辶'),
    ('\u{2ECF}', '阝'),
    ('\u{2ED0}', '钅'),
    ('\u{2ED1}', '长'),
    ('\u{2ED2}', '长'),
    ('\u{2ED3}', '长'),
    ('\u{2ED4}', '门'),
    ('\u{2ED5}', '阜'),
    ('\u{2ED6}', '阝'),
    ('\u{2ED7}', '雨'),
    ('\u{2ED8}', '青'),
    ('\u{2ED9}', '韦'),
    ('\u{2EDA}', '页'),
    ('\u{2EDB}', '风'),
    ('\u{2EDC}', '飞'),
    ('\u{2EDD}', '食'),
    ('\u{2EDE}', '食'),
    ('\u{2EDF}', '食'),
    ('\u{2EE0}', '饣'),
    ('\u{2EE1}', '首'),
    ('\u{2EE2}', '马'),
    ('\u{2EE3}', '骨'),
    ('\u{2EE4}', '鬼'),
    ('\u{2EE5}', '鱼'),
    ('\u{2EE6}', '鸟'),
    ('\u{2EE7}', '卤'),
    ('\u{2EE8}', '麦'),
    ('\u{2EE9}', '黄'),
    ('\u{2EEA}', '黾'),
    ('\u{2EEB}', '斉'),
    ('\u{2EEC}', '齐'),
    ('\u{2EED}', '歯'),
    ('\u{2EEE}', '齿'),
    ('\u{2EEF}', '竜'),
    ('\u{2EF0}', '龙'),
    ('\u{2EF1}', '龜'),
    ('\u{2EF2}', '亀'),
    ('\u{2EF3}', '龟'),
];

/// Map one character of the CJK Radicals Supplement to its ideograph; others unchanged.
fn radical(c: char) -> char {
    if ('\u{2E80}'..='\u{2EFF}').contains(&c) {
        RADICALS_SUPPLEMENT
            .binary_search_by_key(&c, |&(r, _)| r)
            .map(|i| RADICALS_SUPPLEMENT[i].1)
            .unwrap_or(c)
    } else {
        c
    }
}

/// Normalise text for matching: Unicode NFKC (Kangxi radicals → ideographs, full-width forms →
/// ASCII, ideographic space → space), CJK Radicals Supplement forms mapped to their ideographs,
/// then every whitespace character removed; when removing whitespace brings a letter and a
/// combining mark together (NFKC turns U+0384 GREEK TONOS into a space and U+0301), the result is
/// normalised once more, so that normalising is idempotent. The printed text is kept elsewhere;
/// this form is only compared.
///
/// ```
/// use sunlit::document::normalize_text;
/// assert_eq!(normalize_text("⼀般公共预算⽀出"), "一般公共预算支出"); // Kangxi radicals
/// assert_eq!(normalize_text("⻄藏"), "西藏"); // CJK Radicals Supplement
/// assert_eq!(normalize_text("因公出国（境）费 "), "因公出国(境)费");
/// assert_eq!(normalize_text("合　计"), "合计");
/// assert_eq!(normalize_text(""), "");
/// assert_eq!(normalize_text("Η΄"), "Ή"); // tonos: a space and a combining accent under NFKC
/// ```
pub fn normalize_text(text: &str) -> String {
    let pass = |t: &str| -> String {
        t.nfkc()
            .map(radical)
            .filter(|c| !c.is_whitespace())
            .collect()
    };
    let once = pass(text);
    if unicode_normalization::is_nfkc(&once) {
        once
    } else {
        pass(&once)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_for_binary_search() {
        assert!(RADICALS_SUPPLEMENT.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn kangxi_block_is_covered_by_nfkc() {
        // Every assigned Kangxi radical (U+2F00–U+2FD5) normalises to one CJK ideograph.
        for cp in 0x2F00u32..=0x2FD5 {
            let c = char::from_u32(cp).unwrap();
            let n = normalize_text(&c.to_string());
            let chars: Vec<char> = n.chars().collect();
            assert_eq!(chars.len(), 1, "U+{cp:04X}");
            assert!(
                ('\u{4E00}'..='\u{9FFF}').contains(&chars[0]),
                "U+{cp:04X} -> {n}"
            );
        }
    }
}
