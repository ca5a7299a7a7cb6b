//! The disclosure guide (政府信息公开指南, 政府信息公开条例 2019 art. 12 ¶1): what it must say — the
//! classification (分类), arrangement system (编排体系) and way of obtaining information (获取方式),
//! and the disclosure office's name (名称), address (办公地址), hours (办公时间), telephone (联系电话),
//! fax (传真号码) and internet contact (互联网联系方式).
//!
//! [`DisclosureGuide::from_text`] reads a guide page's text (simplified or traditional
//! characters — portals and their mirrors print both) and records, for each element, whether it
//! is there, where and what it says; [`DisclosureGuide::check`] gives one `guide.*` finding per
//! missing element (warning) and an info where an element is labelled but unclear. Detection
//! reads labels (`办公地址：`, `传真号码：`) and patterns (a time range, an e-mail address, a URL);
//! what it reads for each element is listed in `docs/key-areas.md`.
//!
//! ```
//! use sunlit::disclosure::guide::{DisclosureGuide, GuideElement};
//! let guide = DisclosureGuide::from_text(
//!     "本机关政府信息编排体系包括索引号、分类、名称、生成日期。\n\
//!      获取方式：登录本机关网站查阅，或依申请公开。\n\
//!      工作机构：某县人民政府办公室\n办公地址：某县人民路1号\n\
//!      办公时间：周一至周五 8:30-12:00\n联系电话：0123-4567890\n电子邮箱：gk@example.cn",
//! );
//! let findings = guide.check();
//! assert_eq!(findings.len(), 1);
//! assert_eq!(findings[0].rule, "guide.missing_fax");
//! assert!(guide.found(GuideElement::Internet).is_some());
//! ```

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::document::SourceDocument;
use crate::error::{Error, Result};
use crate::finding::Finding;
use crate::rules::{Rule, guide as rules};
use crate::vocab::vocabulary;

vocabulary! {
    /// An element a disclosure guide must contain (政府信息公开条例 2019 art. 12 ¶1).
    pub enum GuideElement("guide_element") {
        /// 分类 — how the information is classified.
        Classification = "classification", "分类";
        /// 编排体系 — the arrangement system of the catalogue.
        Arrangement = "arrangement", "编排体系" | "排列体系";
        /// 获取方式 — how to obtain the information.
        Access = "access", "获取方式";
        /// 名称 — the name of the disclosure office (政府信息公开工作机构).
        OfficeName = "office_name", "工作机构名称" | "名称";
        /// 办公地址 — the office address.
        Address = "address", "办公地址";
        /// 办公时间 — the office hours.
        Hours = "hours", "办公时间";
        /// 联系电话 — the telephone number.
        Phone = "phone", "联系电话";
        /// 传真号码 — the fax number.
        Fax = "fax", "传真号码";
        /// 互联网联系方式 — an internet contact: e-mail or website.
        Internet = "internet", "互联网联系方式";
    }
}

impl GuideElement {
    fn rule(self) -> &'static Rule {
        match self {
            GuideElement::Classification => &rules::MISSING_CLASSIFICATION,
            GuideElement::Arrangement => &rules::MISSING_ARRANGEMENT,
            GuideElement::Access => &rules::MISSING_ACCESS,
            GuideElement::OfficeName => &rules::MISSING_OFFICE_NAME,
            GuideElement::Address => &rules::MISSING_ADDRESS,
            GuideElement::Hours => &rules::MISSING_HOURS,
            GuideElement::Phone => &rules::MISSING_PHONE,
            GuideElement::Fax => &rules::MISSING_FAX,
            GuideElement::Internet => &rules::MISSING_INTERNET,
        }
    }
}

/// What the reader found for one element.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct GuideFinding {
    /// The element.
    pub element: GuideElement,
    /// `true` when the element is there with a value; `false` when only its label is (the
    /// value missing or unclear: an info, not a missing element).
    pub clear: bool,
    /// The 1-based line of the text where it was found.
    pub line: u64,
    /// The text found (the value after the label, or the line), at most 80 characters.
    pub text: String,
}

/// A disclosure guide read from its text: for each element of art. 12 ¶1, what was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DisclosureGuide {
    /// One entry per element found (clearly or only by its label), in [`GuideElement::ALL`]
    /// order; an element not listed was not found.
    pub elements: Vec<GuideFinding>,
}

impl DisclosureGuide {
    /// Read a guide from its text (a page's text, lines as printed). Traditional characters
    /// and full-width digits and colons are read as their simplified / ASCII forms.
    ///
    /// ```
    /// use sunlit::disclosure::guide::{DisclosureGuide, GuideElement};
    /// let g = DisclosureGuide::from_text("傳真號碼：0455-6462822");
    /// assert_eq!(g.found(GuideElement::Fax).map(|f| f.text.as_str()), Some("0455-6462822"));
    /// assert!(g.found(GuideElement::Phone).is_none());
    /// ```
    pub fn from_text(text: &str) -> DisclosureGuide {
        let norm = normalise(text);
        let lines: Vec<&str> = norm.lines().collect();
        let elements = GuideElement::ALL
            .iter()
            .filter_map(|&e| detect(e, &lines))
            .collect();
        DisclosureGuide { elements }
    }

    /// Read a guide from a file: plain text (UTF-8), an HTML page (`.html`/`.htm`, its text
    /// read line by line from the markup), or a PDF, workbook or CSV file read by the library's
    /// document readers ([`DisclosureGuide::from_source`]; a PDF needs the `pdf` feature). A file
    /// that cannot be read or is not UTF-8 text is an error.
    ///
    /// ```
    /// use sunlit::disclosure::guide::DisclosureGuide;
    /// let dir = std::env::temp_dir().join("sunlit-guide-doc");
    /// std::fs::create_dir_all(&dir).unwrap();
    /// let path = dir.join("guide.html");
    /// std::fs::write(&path, "<p>传真：010-1234567</p><p>联系电话：010-7654321</p>").unwrap();
    /// let g = DisclosureGuide::read_path(&path)?;
    /// assert_eq!(g.check().len(), 7);
    /// assert!(DisclosureGuide::read_path(dir.join("none.txt")).is_err());
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn read_path(path: impl AsRef<Path>) -> Result<DisclosureGuide> {
        let path = path.as_ref();
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        if matches!(ext.as_str(), "pdf" | "xlsx" | "xls" | "csv") {
            let doc = SourceDocument::read(path, &crate::ReadOptions::default())?;
            return Ok(DisclosureGuide::from_source(&doc));
        }
        let limits = crate::input::Limits::default();
        let bytes = crate::io::read_file(path, |f| crate::io::read_capped(f, &limits))?;
        let text = String::from_utf8(bytes).map_err(|e| Error::File {
            path: path.display().to_string(),
            kind: std::io::ErrorKind::InvalidData,
            reason: format!("not UTF-8 text: {e}"),
        })?;
        if ext == "html" || ext == "htm" {
            return Ok(DisclosureGuide::from_text(&html_text(&text)));
        }
        Ok(DisclosureGuide::from_text(&text))
    }

    /// Read a guide from a document the library's readers read (a PDF, a workbook, a CSV file):
    /// its running text, line by line, table cells included as printed.
    ///
    /// ```
    /// use sunlit::{ReadOptions, document::{SourceDocument, SourceFormat}};
    /// use sunlit::disclosure::guide::{DisclosureGuide, GuideElement};
    /// let csv = "项目,内容\n传真号码,010-1234567\n办公地址,某县人民路1号\n";
    /// let doc = SourceDocument::from_bytes("guide.csv", SourceFormat::Csv, csv.as_bytes(), &ReadOptions::default())?;
    /// let g = DisclosureGuide::from_source(&doc);
    /// assert!(g.found(GuideElement::Fax).is_some());
    /// assert!(g.found(GuideElement::Hours).is_none());
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn from_source(doc: &SourceDocument) -> DisclosureGuide {
        let text: Vec<&str> = doc.lines.iter().map(|l| l.text.as_str()).collect();
        DisclosureGuide::from_text(&text.join("\n"))
    }

    /// What was found for `element`, if anything (clearly or only by its label).
    ///
    /// ```
    /// use sunlit::disclosure::guide::{DisclosureGuide, GuideElement};
    /// let g = DisclosureGuide::from_text("办公地址：\n网址：www.example.gov.cn");
    /// assert!(!g.found(GuideElement::Address).unwrap().clear); // a label with nothing after it
    /// assert!(g.found(GuideElement::Internet).unwrap().clear);
    /// ```
    pub fn found(&self, element: GuideElement) -> Option<&GuideFinding> {
        self.elements.iter().find(|f| f.element == element)
    }

    /// The `guide.*` findings: a warning per element not found at all, an info
    /// (`guide.ambiguous`) per element found only by its label.
    ///
    /// ```
    /// use sunlit::disclosure::guide::DisclosureGuide;
    /// let f = DisclosureGuide::from_text("").check();
    /// assert_eq!(f.len(), 9);
    /// assert_eq!(f[0].rule, "guide.missing_classification");
    /// ```
    pub fn check(&self) -> Vec<Finding> {
        GuideElement::ALL
            .iter()
            .filter_map(|&e| match self.found(e) {
                None => Some(
                    Finding::new(
                        e.rule(),
                        format!("政府信息公开指南未载明{}（条例第十二条）", e.name_zh()),
                        format!("the guide does not give its {} (art. 12 ¶1)", e.id()),
                    )
                    .with_code(e.id()),
                ),
                Some(f) if !f.clear => Some(
                    Finding::new(
                        &rules::AMBIGUOUS,
                        format!("第{}行有“{}”但内容不明确：{}", f.line, e.name_zh(), f.text),
                        format!(
                            "line {}: {} is labelled but unclear: {}",
                            f.line,
                            e.id(),
                            f.text
                        ),
                    )
                    .with_code(e.id())
                    .with_printed(f.text.clone()),
                ),
                Some(_) => None,
            })
            .collect()
    }
}

/// Traditional → simplified for the characters the labels use; full-width digits, colons and
/// letters to ASCII.
fn normalise(text: &str) -> String {
    const PAIRS: &[(char, char)] = &[
        ('類', '类'),
        ('編', '编'),
        ('體', '体'),
        ('獲', '获'),
        ('聯', '联'),
        ('繫', '系'),
        ('電', '电'),
        ('話', '话'),
        ('傳', '传'),
        ('碼', '码'),
        ('號', '号'),
        ('辦', '办'),
        ('時', '时'),
        ('間', '间'),
        ('郵', '邮'),
        ('網', '网'),
        ('構', '构'),
        ('機', '机'),
        ('關', '关'),
        ('稱', '称'),
        ('開', '开'),
        ('請', '请'),
        ('詢', '询'),
        ('閱', '阅'),
        ('錄', '录'),
        ('欄', '栏'),
        ('訊', '讯'),
        ('處', '处'),
        ('廳', '厅'),
        ('務', '务'),
        ('門', '门'),
        ('戶', '户'),
        ('標', '标'),
        ('動', '动'),
        ('節', '节'),
        ('設', '设'),
        ('單', '单'),
        ('寫', '写'),
        ('條', '条'),
        ('應', '应'),
        ('當', '当'),
        ('圖', '图'),
        ('書', '书'),
        ('館', '馆'),
        ('檔', '档'),
        ('政', '政'),
        ('區', '区'),
        ('縣', '县'),
        ('鎮', '镇'),
        ('鄉', '乡'),
        ('華', '华'),
        ('國', '国'),
        ('∶', ':'),
        ('：', ':'),
    ];
    text.chars()
        .map(|c| match c {
            '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '＠' | '．' | '－' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            _ => PAIRS.iter().find(|(t, _)| *t == c).map_or(c, |(_, s)| *s),
        })
        .collect()
}

/// The text of an HTML page, one line per text node.
fn html_text(html: &str) -> String {
    let doc = scraper::Html::parse_document(html);
    let mut out = String::new();
    for t in doc.root_element().text() {
        let t = t.trim();
        if !t.is_empty() {
            out.push_str(t);
            out.push('\n');
        }
    }
    out
}

/// The value printed after `label` on `line`: skip 号码, colons and blanks, stop at a
/// sentence or clause end; at most 80 characters.
fn value_after<'a>(line: &'a str, label: &str) -> Option<&'a str> {
    let at = line.find(label)? + label.len();
    let rest = line.get(at..)?;
    let rest = rest.strip_prefix("号码").unwrap_or(rest);
    let rest = rest.trim_start_matches([':', ' ', '\t', '\u{3000}', '为', '是']);
    let end = rest
        .char_indices()
        .find(|(_, c)| matches!(c, '；' | ';' | '。' | '，' | ','))
        .map_or(rest.len(), |(i, _)| i);
    let v = rest.get(..end).unwrap_or(rest).trim();
    Some(clip(v))
}

fn clip(s: &str) -> &str {
    match s.char_indices().nth(80) {
        Some((i, _)) => s.get(..i).unwrap_or(s),
        None => s,
    }
}

fn digits(s: &str) -> usize {
    s.chars().filter(char::is_ascii_digit).count()
}

fn found(element: GuideElement, clear: bool, line: usize, text: &str) -> GuideFinding {
    GuideFinding {
        element,
        clear,
        line: line as u64 + 1,
        text: clip(text.trim()).to_owned(),
    }
}

/// The first line with any of `labels` whose value passes `ok`; else the first line with a
/// label at all, as unclear.
fn labelled(
    e: GuideElement,
    lines: &[&str],
    labels: &[&str],
    ok: impl Fn(&str) -> bool,
) -> Option<GuideFinding> {
    let mut unclear = None;
    for (i, line) in lines.iter().enumerate() {
        for label in labels {
            if let Some(v) = value_after(line, label) {
                if ok(v) {
                    return Some(found(e, true, i, v));
                }
                unclear.get_or_insert_with(|| found(e, false, i, line));
            }
        }
    }
    unclear
}

/// The first line containing any of `words`.
fn mentioned(e: GuideElement, lines: &[&str], words: &[&str], clear: bool) -> Option<GuideFinding> {
    lines.iter().enumerate().find_map(|(i, l)| {
        words
            .iter()
            .any(|w| l.contains(w))
            .then(|| found(e, clear, i, l))
    })
}

fn detect(e: GuideElement, lines: &[&str]) -> Option<GuideFinding> {
    use GuideElement as G;
    let phone_like = |v: &str| digits(v) >= 7;
    match e {
        G::Classification => mentioned(e, lines, &["分类", "类别", "类目"], true)
            .or_else(|| mentioned(e, lines, &["栏目"], false)),
        G::Arrangement => mentioned(e, lines, &["编排", "排列体系", "索引号"], true)
            .or_else(|| mentioned(e, lines, &["目录"], false)),
        G::Access => mentioned(
            e,
            lines,
            &[
                "获取",
                "依申请公开",
                "申请渠道",
                "查询方式",
                "公开渠道",
                "公开方式",
                "公开形式",
                "查阅",
            ],
            true,
        ),
        G::OfficeName => office(lines),
        G::Address => labelled(
            e,
            lines,
            &["办公地址", "通信地址", "通讯地址", "联系地址", "地址"],
            |v| v.chars().count() >= 4,
        ),
        G::Hours => labelled(
            e,
            lines,
            &["办公时间", "受理时间", "工作时间"],
            |v| digits(v) > 0 || v.contains('周') || v.contains("工作日"),
        ),
        G::Phone => labelled(e, lines, &["联系电话", "咨询电话", "电话"], phone_like),
        G::Fax => labelled(e, lines, &["传真"], phone_like),
        G::Internet => internet(lines),
    }
}

/// The office: a line naming 工作机构 / 受理机构 / 公开办 with an organ word on it or the next
/// line.
fn office(lines: &[&str]) -> Option<GuideFinding> {
    const LABELS: &[&str] = &[
        "工作机构",
        "受理机构",
        "受理单位",
        "公开机构",
        "政务公开办",
        "信息公开办",
    ];
    const ORGANS: &[&str] = &[
        "办公室",
        "办公厅",
        "局",
        "委员会",
        "中心",
        "政府",
        "公开办",
        "办",
    ];
    let e = GuideElement::OfficeName;
    let mut unclear = None;
    for (i, line) in lines.iter().enumerate() {
        let Some(label) = LABELS.iter().find(|l| line.contains(**l)) else {
            continue;
        };
        let after = value_after(line, label).unwrap_or("");
        let next = lines.get(i + 1).copied().unwrap_or("");
        for candidate in [after, next] {
            if ORGANS.iter().any(|o| candidate.contains(o)) && !candidate.trim().is_empty() {
                return Some(found(e, true, i, candidate));
            }
        }
        if ORGANS.iter().any(|o| line.replace(label, "").contains(o)) {
            return Some(found(e, true, i, line));
        }
        unclear.get_or_insert_with(|| found(e, false, i, line));
    }
    unclear
}

/// An e-mail address (`x@y.z`, a space after `@` tolerated) or a URL (`http`, `www.`); the
/// words 网站/邮箱 alone are unclear.
fn internet(lines: &[&str]) -> Option<GuideFinding> {
    let e = GuideElement::Internet;
    for (i, line) in lines.iter().enumerate() {
        if let Some(at) = line.find('@') {
            let host = line.get(at + 1..).unwrap_or("").trim_start();
            let before = line.get(..at).unwrap_or("");
            if before.ends_with(|c: char| c.is_ascii_alphanumeric() || c == '_' || c == '.')
                && host.contains('.')
            {
                return Some(found(e, true, i, email_around(line, at)));
            }
        }
        for scheme in ["http://", "https://", "www."] {
            if let Some(p) = line.find(scheme) {
                let url = line.get(p..).unwrap_or("");
                let end = url
                    .find(|c: char| c.is_whitespace() || !c.is_ascii())
                    .unwrap_or(url.len());
                return Some(found(e, true, i, url.get(..end).unwrap_or(url)));
            }
        }
    }
    mentioned(e, lines, &["电子邮箱", "邮箱", "网站", "网址"], false)
}

fn email_around(line: &str, at: usize) -> &str {
    let is_part = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-' | '@' | ' ');
    let start = line
        .get(..at)
        .and_then(|b| {
            b.char_indices()
                .rev()
                .find(|(_, c)| !is_part(*c) || *c == ' ')
                .map(|(p, c)| p + c.len_utf8())
        })
        .unwrap_or(0);
    let end = line
        .get(at + 1..)
        .map(|r| r.trim_start())
        .and_then(|r| {
            let skipped = line.len() - at - 1 - r.len();
            r.find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-')))
                .map(|p| at + 1 + skipped + p)
        })
        .unwrap_or(line.len());
    line.get(start..end).unwrap_or(line).trim()
}
