//! Legal-basis citations (设定依据): `《中华人民共和国行政许可法》第十二条第一项`, `第X条第Y款第Z项`,
//! Arabic or Chinese numerals, several citations in one cell.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::numeral::{chinese_numeral, is_numeral_char, parse_numeral};
use super::text::is_blank_word;
use crate::error::{Error, Result};

/// A provision as a comparable key: (title without 中华人民共和国, article, paragraph, item).
pub(crate) type ProvisionKey = (String, Option<u32>, Option<u32>, Option<u32>);

/// One citation of a legal provision (法律依据): the instrument and, where given, its article
/// (条), paragraph (款) and item (项).
///
/// `law` is the title as written between 《》 (or before 第 when the title is written without
/// 《》); `note` is a parenthetical right after the title, e.g. a decree number (国务院令第593号)
/// or an edition (2019年修正). A 项 without a 条 (`附件第112项`) is an entry of the instrument's
/// list or annex. `text` is the source span exactly as written.
///
/// ```
/// let c = sunlit::power::parse_citation("《中华人民共和国行政许可法》第十二条第一项").unwrap();
/// assert_eq!(c.law, "中华人民共和国行政许可法");
/// assert_eq!((c.article, c.paragraph, c.item), (Some(12), None, Some(1)));
/// assert_eq!(c.law_key(), "行政许可法");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Citation {
    /// The instrument's title, without 《》.
    pub law: String,
    /// A parenthetical after the title (decree number, edition), without the brackets.
    pub note: Option<String>,
    /// 条 — the article.
    pub article: Option<u32>,
    /// 款 — the paragraph of the article.
    pub paragraph: Option<u32>,
    /// 项 — the item of the paragraph (or of the article, or of the instrument's list).
    pub item: Option<u32>,
    /// The citation as written in the source.
    pub text: String,
}

impl Citation {
    /// The title without the prefix 中华人民共和国 and without spaces, so that `《行政许可法》` and
    /// `《中华人民共和国行政许可法》` name the same law.
    ///
    /// ```
    /// let c = sunlit::power::parse_citation("《中华人民共和国公路法》第四十四条").unwrap();
    /// assert_eq!(c.law_key(), "公路法");
    /// ```
    pub fn law_key(&self) -> &str {
        let t = self.law.trim();
        t.strip_prefix("中华人民共和国").unwrap_or(t)
    }

    /// The citation in canonical form: 《title》（note）第N条第N款第N项 with Chinese numerals.
    ///
    /// ```
    /// let c = sunlit::power::parse_citation("《行政处罚法》第 23 条").unwrap();
    /// assert_eq!(c.canonical(), "《行政处罚法》第二十三条");
    /// ```
    pub fn canonical(&self) -> String {
        let mut out = format!("《{}》", self.law);
        if let Some(n) = &self.note {
            out.push('（');
            out.push_str(n);
            out.push('）');
        }
        for (n, unit) in [
            (self.article, '条'),
            (self.paragraph, '款'),
            (self.item, '项'),
        ] {
            if let Some(n) = n {
                out.push('第');
                out.push_str(&chinese_numeral(n));
                out.push(unit);
            }
        }
        out
    }

    /// The provision as a comparable key: (title without 中华人民共和国, article, paragraph, item).
    pub(crate) fn key(&self) -> ProvisionKey {
        (
            self.law_key().replace(char::is_whitespace, ""),
            self.article,
            self.paragraph,
            self.item,
        )
    }
}

impl fmt::Display for Citation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.canonical())
    }
}

/// The legal basis of an item (设定依据 / 实施依据) as written in one cell, with the citations
/// read from it and the parts that are not citations.
///
/// A cell may hold several citations separated by line breaks, `；`, `、`, `，` or words such
/// as 和 / 以及, numbered (`1.` `（2）` `③`) or not. One title may be followed by several
/// provisions (`第四十四条第二款、第四十五条`; a 款 or 项 alone inherits the article before it).
/// After a citation, only text that is recognisably not a basis is skipped: a closing formula
/// (`的规定`, `之规定`, `规定`), a quotation of the provision in quotation marks
/// (`：“下列事项可以设定行政许可：（一）…”`, `:"…"` — the lines after it only while the `“` is
/// still open; a `“` never closed skips only the rest of its line), and a quotation after a
/// colon without marks (`第十条：申请从事…`), which runs to
/// the end of its line. Any other text is kept in [`LegalBasis::unparsed`] — the rest of the
/// segment after a citation (`第四十四条和市政府会议纪要` → `市政府会议纪要`), the text before
/// the first citation of a segment, a segment (line or `；`-part) with no citation at all, and
/// one with a 第 that does not make a provision (`第十二A条`) — so that nothing written in the
/// cell is silently lost. Parsing never fails.
///
/// ```
/// use sunlit::power::LegalBasis;
/// let b = LegalBasis::parse("1.《中华人民共和国公路法》第四十四条第二款、第四十五条；\n2.《公路安全保护条例》（国务院令第593号）第二十七条第（一）项");
/// let cited: Vec<String> = b.citations.iter().map(|c| c.canonical()).collect();
/// assert_eq!(cited, ["《中华人民共和国公路法》第四十四条第二款", "《中华人民共和国公路法》第四十五条",
///                    "《公路安全保护条例》（国务院令第593号）第二十七条第一项"]);
/// assert!(b.unparsed.is_empty());
/// assert_eq!(LegalBasis::parse("根据上级有关文件精神").unparsed, ["根据上级有关文件精神"]);
/// let b = LegalBasis::parse("《中华人民共和国公路法》第四十四条和市政府会议纪要");
/// assert_eq!((b.citations.len(), b.unparsed), (1, vec!["市政府会议纪要".to_owned()]));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LegalBasis {
    /// The cell as written (trimmed).
    pub text: String,
    /// The citations found, in order.
    pub citations: Vec<Citation>,
    /// The text that is not a citation, as written: segments that hold no citation or a
    /// malformed one, and the text around citations that is neither a connector, a closing
    /// formula nor a quotation of the provision.
    pub unparsed: Vec<String>,
}

impl LegalBasis {
    /// Read a legal-basis cell (see the type's documentation). Blank, `无`, `—`, `/` give an
    /// empty basis.
    ///
    /// ```
    /// let b = sunlit::power::LegalBasis::parse("《中华人民共和国行政处罚法》第二十三条、《中华人民共和国道路运输条例》第七十条");
    /// assert_eq!(b.citations.len(), 2);
    /// assert!(sunlit::power::LegalBasis::parse("无").is_missing());
    /// ```
    pub fn parse(text: &str) -> LegalBasis {
        let text = text.trim();
        let mut basis = LegalBasis {
            text: text.to_owned(),
            ..LegalBasis::default()
        };
        if is_blank_word(text) {
            return basis;
        }
        let mut quote = Quote::None;
        // The segments after the one that opened a quotation not yet closed.
        let mut held: Vec<Segment<'_>> = Vec::new();
        for seg in segments(text) {
            if seg.new_line && quote == Quote::ToEndOfLine {
                quote = Quote::None;
            }
            let mut body = seg.text;
            if let Quote::Until(close) = quote {
                // Inside a quotation opened by “ on an earlier segment: skip to its end.
                let Some(p) = body.find(close) else {
                    held.push(seg);
                    continue;
                };
                held.clear();
                body = &body[p + close.len_utf8()..];
                quote = basis.after_citation(body);
                continue;
            }
            let body = strip_intro(strip_numbering(body.trim()));
            if body.chars().all(|c| c.is_whitespace() || is_punctuation(c)) {
                continue;
            }
            let starts = body.starts_with('《') || bare_law_len(body).is_some();
            if !starts && quote == Quote::ToEndOfLine {
                // The rest of a line quoted after a colon (`第十条：…；（二）…`).
                continue;
            }
            let start = if starts {
                0
            } else if let Some(p) = body.find('《') {
                let before = leading_text(&body[..p]);
                if !before.is_empty() {
                    basis.unparsed.push(before.to_owned());
                }
                p
            } else {
                basis.unparsed.push(seg.text.trim().to_owned());
                quote = Quote::None;
                continue;
            };
            let mut cur = Cursor::new(body, start);
            match parse_group(&mut cur) {
                Some(found) => {
                    basis.citations.extend(found);
                    quote = basis.after_citation(cur.rest());
                }
                None => {
                    basis.unparsed.push(seg.text.trim().to_owned());
                    quote = Quote::None;
                }
            }
        }
        // A quotation never closed is not recognisably one: keep the lines it would swallow.
        if matches!(quote, Quote::Until(_)) {
            basis.unparsed.extend(
                held.iter()
                    .skip_while(|s| !s.new_line)
                    .map(|s| s.text.trim())
                    .filter(|t| !t.chars().all(|c| c.is_whitespace() || is_punctuation(c)))
                    .map(str::to_owned),
            );
        }
        basis
    }

    /// Read what follows a citation (or a closed quotation) in a segment: connectors, closing
    /// formulas (`的规定`, `之规定`, `规定`), further citations, and quotations (`：“…”`,
    /// `:"…"`, `“…”`, or `：…` to the end of the line). Anything else is kept in `unparsed`,
    /// with the rest of the segment. Returns the quotation still open at the segment's end.
    fn after_citation(&mut self, rest: &str) -> Quote {
        let mut cur = Cursor::new(rest, 0);
        loop {
            cur.skip_filler();
            if cur.at_end() {
                return Quote::None;
            }
            // The next citation, possibly numbered (`… 2.《…》`).
            let rest = cur.rest();
            let next = strip_numbering(rest);
            if next.starts_with('《') {
                cur.pos += rest.len() - next.len();
                match parse_group(&mut cur) {
                    Some(found) => {
                        self.citations.extend(found);
                        continue;
                    }
                    None => {
                        self.unparsed.push(next.trim().to_owned());
                        return Quote::None;
                    }
                }
            }
            let colon = cur.eat_char('：') || cur.eat_char(':');
            cur.skip_ws();
            let close = if cur.eat_char('“') {
                '”'
            } else if cur.eat_char('"') {
                '"'
            } else if colon {
                return Quote::ToEndOfLine;
            } else {
                self.unparsed.push(rest.trim().to_owned());
                return Quote::None;
            };
            match cur.rest().find(close) {
                Some(p) => cur.pos += p + close.len_utf8(),
                None => return Quote::Until(close),
            }
        }
    }

    /// Whether the cell gives no basis at all (blank, `无`, `—`).
    ///
    /// ```
    /// assert!(sunlit::power::LegalBasis::parse("").is_missing());
    /// assert!(!sunlit::power::LegalBasis::parse("《行政许可法》").is_missing());
    /// ```
    pub fn is_missing(&self) -> bool {
        self.citations.is_empty() && self.unparsed.is_empty()
    }

    /// The provisions cited, as comparable keys, sorted and deduplicated.
    pub(crate) fn keys(&self) -> Vec<ProvisionKey> {
        let mut keys: Vec<_> = self.citations.iter().map(Citation::key).collect();
        keys.sort();
        keys.dedup();
        keys
    }

    /// The normalised content: canonical citations and unparsed segments (whitespace removed),
    /// so that `第12条` and `第十二条` compare equal.
    pub(crate) fn normalized(&self) -> (Vec<ProvisionKey>, Vec<String>) {
        let unparsed = self
            .unparsed
            .iter()
            .map(|u| u.replace(char::is_whitespace, ""))
            .collect();
        (self.keys(), unparsed)
    }
}

/// Parse one citation, e.g. `《中华人民共和国行政许可法》第十二条第一项` or `《行政处罚法》第23条第1款`.
/// Quoted text after the provision is allowed and ignored. A text that holds no citation, a
/// malformed one, or several is an [`Error::Field`] with the field `citation` (use
/// [`LegalBasis::parse`] for a cell with several).
///
/// ```
/// use sunlit::power::parse_citation;
/// let c = parse_citation("《公路安全保护条例》第二十七条第一款第（三）项").unwrap();
/// assert_eq!((c.article, c.paragraph, c.item), (Some(27), Some(1), Some(3)));
/// assert!(parse_citation("有关规定").is_err());
/// assert!(parse_citation("《行政许可法》第十二A条").is_err());
/// assert!(parse_citation("《行政许可法》第十二条、第十三条").is_err()); // two provisions
/// ```
pub fn parse_citation(text: &str) -> Result<Citation> {
    let basis = LegalBasis::parse(text);
    if let Some(bad) = basis.unparsed.first() {
        return Err(Error::value(
            "citation",
            text,
            format!("not a citation of the form 《title》第N条第N款第N项: {bad:?}"),
        ));
    }
    match <[Citation; 1]>::try_from(basis.citations) {
        Ok([c]) => Ok(c),
        Err(found) if found.is_empty() => Err(Error::value("citation", text, "no citation found")),
        Err(found) => Err(Error::value(
            "citation",
            text,
            format!(
                "{} provisions cited; parse a cell with several with LegalBasis::parse",
                found.len()
            ),
        )),
    }
}

fn is_punctuation(c: char) -> bool {
    matches!(
        c,
        '。' | '，' | ',' | '、' | '；' | ';' | '：' | ':' | '.' | '．' | '!' | '！' | '?' | '？'
    )
}

/// A segment of a legal-basis cell: a line, or a `；`-part of one.
#[derive(Clone, Copy)]
struct Segment<'a> {
    text: &'a str,
    /// Whether the segment starts a line (the first segment does).
    new_line: bool,
}

/// A quotation of the provision's text after a citation, still open at the end of a segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quote {
    /// None open.
    None,
    /// Opened by `“` (or `"`): everything up to this closing mark is quoted, across lines.
    Until(char),
    /// Opened by a colon without quotation marks (`第十条：…`): the rest of the line is quoted.
    ToEndOfLine,
}

/// Split a cell into segments at line breaks and `；`, outside 《》 and parentheses (which never
/// span a line).
fn segments(text: &str) -> Vec<Segment<'_>> {
    let mut out = Vec::new();
    let mut depth: u32 = 0;
    let mut start = 0;
    let mut new_line = true;
    for (i, c) in text.char_indices() {
        match c {
            '《' | '（' | '(' | '〈' => depth += 1,
            '》' | '）' | ')' | '〉' => depth = depth.saturating_sub(1),
            '\n' | '\r' => {
                depth = 0;
                out.push(Segment {
                    text: &text[start..i],
                    new_line,
                });
                new_line = true;
                start = i + c.len_utf8();
            }
            '；' | ';' if depth == 0 => {
                out.push(Segment {
                    text: &text[start..i],
                    new_line,
                });
                new_line = false;
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    out.push(Segment {
        text: &text[start..],
        new_line,
    });
    out
}

/// The text of a segment before its first citation, without connectors, punctuation and an
/// introductory word at its end (`省交通厅内部规定和《…》` → `省交通厅内部规定`); empty when
/// nothing else is there.
fn leading_text(s: &str) -> &str {
    let mut t = s.trim();
    loop {
        let before = t.len();
        t = t.trim_end_matches(|c: char| c.is_whitespace() || is_punctuation(c));
        for w in [
            "以及", "或者", "和", "及", "与", "或", "并", "依据", "根据", "依照", "按照", "参照",
            "详见", "见",
        ] {
            if let Some(rest) = t.strip_suffix(w) {
                t = rest;
                break;
            }
        }
        if t.len() == before {
            return t;
        }
    }
}

/// Remove a leading list number: `1.` `1、` `1）` `(1)` `（一）` `一、` `①`.
pub(crate) fn strip_numbering(s: &str) -> &str {
    let t = s.trim_start();
    if let Some(c) = t.chars().next()
        && ('①'..='⑳').contains(&c)
    {
        return t[c.len_utf8()..].trim_start();
    }
    if let Some(rest) = t.strip_prefix(['（', '(']) {
        let n = rest
            .chars()
            .take_while(|&c| is_numeral_char(c))
            .map(char::len_utf8)
            .sum::<usize>();
        if n > 0
            && let Some(after) = rest[n..].strip_prefix(['）', ')'])
        {
            return after.trim_start();
        }
        return t;
    }
    let n = t
        .chars()
        .take_while(|&c| is_numeral_char(c))
        .map(char::len_utf8)
        .sum::<usize>();
    if n > 0
        && !t[n..].starts_with(['条', '款', '项'])
        && let Some(after) = t[n..].strip_prefix(['.', '、', '．', ')', '）'])
    {
        return after.trim_start();
    }
    t
}

/// Remove an introductory word before a citation (依据, 根据 …) and a colon after it.
fn strip_intro(s: &str) -> &str {
    for w in ["依据", "根据", "依照", "按照", "参照", "详见", "见"] {
        if let Some(rest) = s.strip_prefix(w) {
            return rest.trim_start_matches([':', '：', ' ']).trim_start();
        }
    }
    s
}

/// Title suffixes of instruments that may be cited without 《》.
const TITLE_SUFFIXES: [&str; 8] = ["法", "条例", "规定", "办法", "决定", "细则", "规则", "规章"];

/// The byte length of a title written without 《》 at the start of `s` (it must end in a title
/// suffix and be followed by 第N条 or a parenthetical), or `None`.
fn bare_law_len(s: &str) -> Option<usize> {
    let end = s.find(['第', '（', '('])?;
    let name = &s[..end];
    if name.chars().count() < 2
        || name
            .chars()
            .any(|c| is_punctuation(c) || c.is_whitespace() || "《》“”\"".contains(c))
        || !TITLE_SUFFIXES.iter().any(|x| name.ends_with(x))
    {
        return None;
    }
    let mut cur = Cursor::new(s, end);
    cur.skip_notes();
    cur.skip_ws();
    let rest = cur.rest();
    let digits: String = rest
        .strip_prefix('第')?
        .chars()
        .take_while(|&c| is_numeral_char(c))
        .collect();
    let after = rest.get('第'.len_utf8() + digits.len()..).unwrap_or("");
    if digits.is_empty() || !after.trim_start().starts_with('条') {
        return None;
    }
    Some(end)
}

/// A position in a segment.
struct Cursor<'a> {
    s: &'a str,
    pos: usize,
}

/// A malformed provision (`第十二A条`, `第零条`, a 款 without an article).
struct Malformed;

/// `Ok(None)`: not here; `Ok(Some)`: read; `Err`: malformed.
type Parsed<T> = std::result::Result<Option<T>, Malformed>;

#[derive(Default, Clone, Copy)]
struct Loc {
    article: Option<u32>,
    paragraph: Option<u32>,
    item: Option<u32>,
}

impl<'a> Cursor<'a> {
    fn new(s: &'a str, pos: usize) -> Cursor<'a> {
        Cursor { s, pos }
    }
    fn rest(&self) -> &'a str {
        self.s.get(self.pos..).unwrap_or("")
    }
    fn at_end(&self) -> bool {
        self.rest().is_empty()
    }
    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }
    fn eat(&mut self, prefix: &str) -> bool {
        if self.rest().starts_with(prefix) {
            self.pos += prefix.len();
            true
        } else {
            false
        }
    }
    fn eat_char(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += c.len_utf8();
            true
        } else {
            false
        }
    }
    fn skip_ws(&mut self) {
        let rest = self.rest();
        self.pos += rest.len() - rest.trim_start().len();
    }
    /// Connectors and filler between citations.
    fn skip_filler(&mut self) {
        loop {
            self.skip_ws();
            let before = self.pos;
            for w in [
                "的有关规定",
                "的相关规定",
                "之规定",
                "的规定",
                "等规定",
                "有关规定",
                "规定",
                "以及",
                "或者",
                "等",
                "的",
                "和",
                "及",
                "与",
                "或",
                "并",
                "、",
                "，",
                ",",
                "。",
                "．",
            ] {
                if self.eat(w) {
                    break;
                }
            }
            if self.pos == before {
                return;
            }
        }
    }
    /// A numeral run: `Ok(None)` when there is none, `Err` when it does not parse or is 0.
    fn numeral(&mut self) -> Parsed<u32> {
        let run: usize = self
            .rest()
            .chars()
            .take_while(|&c| is_numeral_char(c) || c == ' ')
            .map(char::len_utf8)
            .sum();
        let text = self.rest().get(..run).unwrap_or("").trim();
        if text.is_empty() {
            return Ok(None);
        }
        self.pos += run;
        match parse_numeral(&text.replace(' ', "")) {
            Ok(0) | Err(_) => Err(Malformed),
            Ok(n) => Ok(Some(n)),
        }
    }
    /// A parenthesised numeral `（一）` / `(1)`, if one is next (else nothing is consumed).
    fn paren_numeral(&mut self) -> Parsed<u32> {
        let save = self.pos;
        if self.eat_char('（') || self.eat_char('(') {
            let n = self.numeral();
            if matches!(n, Ok(Some(_)) | Err(_)) && (self.eat_char('）') || self.eat_char(')')) {
                return n;
            }
        }
        self.pos = save;
        Ok(None)
    }
    /// Parentheticals after a title that are not item numbers; their contents joined by `；`.
    fn skip_notes(&mut self) -> Option<String> {
        let mut notes: Vec<&str> = Vec::new();
        loop {
            self.skip_ws();
            let save = self.pos;
            if !matches!(self.paren_numeral(), Ok(None)) {
                self.pos = save;
                break;
            }
            let close = if self.eat_char('（') {
                '）'
            } else if self.eat_char('(') {
                ')'
            } else {
                break;
            };
            let rest = self.rest();
            let Some(end) = rest.find([close, '）', ')']) else {
                self.pos = save;
                break;
            };
            notes.push(rest[..end].trim());
            self.pos += end;
            self.eat_char('）');
            self.eat_char(')');
        }
        (!notes.is_empty()).then(|| notes.join("；"))
    }
    /// Whether a provision (第N…, （N）, 附件第N项) starts here.
    fn at_locator(&self) -> bool {
        let rest = self.rest().trim_start();
        let rest = rest
            .strip_prefix("附件")
            .or_else(|| rest.strip_prefix("附表"))
            .unwrap_or(rest);
        if let Some(after) = rest.strip_prefix('第') {
            return after
                .chars()
                .next()
                .is_some_and(|c| is_numeral_char(c) || c == '（' || c == '(' || c == ' ');
        }
        let mut probe = Cursor::new(rest, 0);
        !matches!(probe.paren_numeral(), Ok(None))
    }
    /// An item part after an article or paragraph: 第N项, 第（N）项, （N）项, （N）.
    fn item_part(&mut self) -> Parsed<u32> {
        let save = self.pos;
        let had_di = self.eat_char('第');
        if let Some(n) = self.paren_numeral()? {
            self.eat_char('项');
            return Ok(Some(n));
        }
        if had_di
            && let Some(n) = self.numeral()?
            && self.eat_char('项')
        {
            return Ok(Some(n));
        }
        self.pos = save;
        Ok(None)
    }
    /// A paragraph part: 第N款.
    fn paragraph_part(&mut self) -> Parsed<u32> {
        let save = self.pos;
        if self.eat_char('第')
            && let Some(n) = self.numeral()?
            && self.eat_char('款')
        {
            return Ok(Some(n));
        }
        self.pos = save;
        Ok(None)
    }
    /// One provision, inheriting article and paragraph from the previous one when it starts
    /// below the article. `Ok(None)`: no provision here (nothing consumed).
    fn locator(&mut self, prev: Option<Loc>) -> Parsed<Loc> {
        self.skip_ws();
        let save = self.pos;
        let annex = self.eat("附件") || self.eat("附表");
        // What a 项 alone inherits: nothing in an annex, else the provision before it.
        let base = if annex {
            Loc::default()
        } else {
            prev.unwrap_or_default()
        };
        let di = self.eat_char('第');
        if self.rest().starts_with(['（', '(']) && (di || !annex) {
            if di {
                self.pos -= '第'.len_utf8();
            }
            return match self.item_part()? {
                Some(n) => Ok(Some(Loc {
                    item: Some(n),
                    ..base
                })),
                None if di => Err(Malformed),
                None => {
                    self.pos = save;
                    Ok(None)
                }
            };
        }
        if !di {
            self.pos = save;
            return Ok(None);
        }
        let n = self.numeral()?.ok_or(Malformed)?;
        self.skip_ws();
        match self.peek() {
            Some('条') if !annex => {
                self.eat_char('条');
                self.skip_ws();
                let paragraph = self.paragraph_part()?;
                self.skip_ws();
                let item = self.item_part()?;
                Ok(Some(Loc {
                    article: Some(n),
                    paragraph,
                    item,
                }))
            }
            Some('款') if !annex => {
                self.eat_char('款');
                // A 款 needs the article of the provision before it.
                let article = prev.and_then(|p| p.article).ok_or(Malformed)?;
                self.skip_ws();
                let item = self.item_part()?;
                Ok(Some(Loc {
                    article: Some(article),
                    paragraph: Some(n),
                    item,
                }))
            }
            Some('项') => {
                self.eat_char('项');
                Ok(Some(Loc {
                    item: Some(n),
                    ..base
                }))
            }
            // A chapter, section or part (第三章): not a provision this model holds; the
            // citation is the title alone and the rest is text.
            Some('章' | '节' | '编' | '目') => {
                self.pos = save;
                Ok(None)
            }
            _ => Err(Malformed),
        }
    }
}

/// One title with its provisions. `None` when the title or a provision is malformed.
fn parse_group(cur: &mut Cursor<'_>) -> Option<Vec<Citation>> {
    let start = cur.pos;
    let law = if cur.eat_char('《') {
        let rest = cur.rest();
        let end = rest.find('》')?;
        let law = rest[..end].trim();
        cur.pos += end + '》'.len_utf8();
        law.to_owned()
    } else {
        let len = bare_law_len(cur.rest())?;
        let law = cur.rest()[..len].trim().to_owned();
        cur.pos += len;
        law
    };
    if law.is_empty() {
        return None;
    }
    let note = cur.skip_notes();
    let mut locs: Vec<Loc> = Vec::new();
    loop {
        let save = cur.pos;
        match cur.locator(locs.last().copied()) {
            Ok(None) => {
                cur.pos = save;
                break;
            }
            Err(Malformed) => return None,
            Ok(Some(loc)) => locs.push(loc),
        }
        let after = cur.pos;
        cur.skip_ws();
        let mut connected = false;
        for w in ["以及", "或者", "、", "，", ",", "和", "及", "与", "或"] {
            if cur.eat(w) {
                connected = true;
                break;
            }
        }
        if !(connected && cur.at_locator()) {
            cur.pos = after;
            break;
        }
    }
    let text = cur.s.get(start..cur.pos).unwrap_or("").trim().to_owned();
    let make = |loc: Loc| Citation {
        law: law.clone(),
        note: note.clone(),
        article: loc.article,
        paragraph: loc.paragraph,
        item: loc.item,
        text: text.clone(),
    };
    if locs.is_empty() {
        Some(vec![make(Loc::default())])
    } else {
        Some(locs.into_iter().map(make).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cited(text: &str) -> Vec<ProvisionKey> {
        let b = LegalBasis::parse(text);
        assert!(b.unparsed.is_empty(), "{text}: {:?}", b.unparsed);
        b.citations
            .iter()
            .map(|c| (c.law.clone(), c.article, c.paragraph, c.item))
            .collect()
    }

    fn one(law: &str, a: Option<u32>, p: Option<u32>, i: Option<u32>) -> ProvisionKey {
        (law.to_owned(), a, p, i)
    }

    #[test]
    fn quoted_provisions_are_skipped() {
        let text = "《中华人民共和国行政许可法》第十二条：下列事项可以设定行政许可：（一）直接涉及国家安全、公共安全的特定活动；（二）有限自然资源开发利用。";
        assert_eq!(
            cited(text),
            [one("中华人民共和国行政许可法", Some(12), None, None)]
        );
        let text = "《中华人民共和国行政许可法》第十二条：“下列事项可以设定行政许可：\n（一）直接涉及国家安全、公共安全的特定活动；\n（二）有限自然资源开发利用”的规定；《公路法》第十条";
        assert_eq!(
            cited(text),
            [
                one("中华人民共和国行政许可法", Some(12), None, None),
                one("公路法", Some(10), None, None)
            ]
        );
        let text = "《道路运输条例》第十条:\"申请从事客运经营的，应当依照《中华人民共和国行政许可法》的规定提出申请\"";
        assert_eq!(cited(text), [one("道路运输条例", Some(10), None, None)]);
    }

    #[test]
    fn other_text_after_a_citation_is_kept() {
        let unparsed = |text: &str| {
            let b = LegalBasis::parse(text);
            assert_eq!(b.citations.len(), 1, "{text}");
            b.unparsed
        };
        assert_eq!(
            unparsed("《中华人民共和国公路法》第四十四条和市政府会议纪要"),
            ["市政府会议纪要"]
        );
        assert_eq!(
            unparsed("《中华人民共和国公路法》第四十四条，另见省政府文件"),
            ["另见省政府文件"]
        );
        assert_eq!(
            unparsed("《中华人民共和国公路法》第四十四条：“不得擅自占用。”\n省交通厅内部规定"),
            ["省交通厅内部规定"]
        );
        assert_eq!(
            unparsed("《中华人民共和国公路法》第四十四条：“不得擅自占用。”另见省政府文件"),
            ["另见省政府文件"]
        );
        // An unquoted quotation ends with its line; the lines after it are not skipped.
        assert_eq!(
            unparsed("《行政许可法》第十二条：下列事项可以设定行政许可：\n（三）提供公众服务。"),
            ["（三）提供公众服务。"]
        );
        // Not recognisably a quotation: kept, with the citation inside it.
        assert_eq!(
            unparsed("《道路运输条例》第十条 申请从事客运经营的，应当依照规定提出申请"),
            ["申请从事客运经营的，应当依照规定提出申请"]
        );
        // Text before the first citation of a segment.
        assert_eq!(
            unparsed("省交通厅内部规定和《公路法》第十条"),
            ["省交通厅内部规定"]
        );
        // A quotation never closed skips only the rest of its own line.
        assert_eq!(
            unparsed("《公路法》第十条：“不得擅自占用；擅自挖掘\n。；省交通厅\n市政府会议纪要"),
            ["省交通厅", "市政府会议纪要"]
        );
    }

    #[test]
    fn inherited_paragraphs_and_items() {
        assert_eq!(
            cited("《公路法》第三十八条第一款第（一）、（二）项"),
            [
                one("公路法", Some(38), Some(1), Some(1)),
                one("公路法", Some(38), Some(1), Some(2))
            ]
        );
        assert_eq!(
            cited("《公路法》第十条第一款、第二款"),
            [
                one("公路法", Some(10), Some(1), None),
                one("公路法", Some(10), Some(2), None)
            ]
        );
    }

    #[test]
    fn malformed_provisions_are_unparsed() {
        for text in [
            "《行政许可法》第十二A条",
            "《行政许可法》第零条",
            "《》第一条",
            "《行政许可法》第一款",
        ] {
            assert!(!LegalBasis::parse(text).unparsed.is_empty(), "{text}");
        }
    }

    #[test]
    fn numbering_is_stripped() {
        assert_eq!(strip_numbering("1.《a》"), "《a》");
        assert_eq!(strip_numbering("（二）《a》"), "《a》");
        assert_eq!(strip_numbering("③《a》"), "《a》");
        assert_eq!(strip_numbering("12条"), "12条");
    }
}
