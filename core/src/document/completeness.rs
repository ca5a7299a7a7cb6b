//! Completeness (`completeness.*`): whether a published document prints everything its kind
//! asks for — the standard tables of a budget or final account (a table printed empty with a
//! sentence saying why is present), the contents list against the body, the six sections of an
//! annual report (2021 format), the required columns of a power list. Severity follows what a
//! careful reader can confirm: a table absent from a document that prints the rest of its set is a
//! warning; from an excerpt, a document that does not say what it is, or a set that depends on the
//! year or the template, one info listing them.

use super::{Document, DocumentKind, ReadOptions, SourceLine};
use crate::finding::{Finding, Findings};
use crate::rules::completeness as rules;
use crate::tables::TableKind;

/// The four tables of the template of the universities under the Ministry of Education
/// (收支总表, 收入表, 支出表, 财政拨款支出表; tests/data/documents/chongqing).
const MOE_SET: [u8; 4] = [1, 2, 3, 5];

/// The completeness checks of a recognised document, their findings added to it; fills
/// [`Document::missing`]. `kind_printed`: the document's kind was read from its own text (or
/// given), not inferred from its tables.
pub(crate) fn check(doc: &mut Document, opts: &ReadOptions, kind_printed: bool) {
    let mut found = Findings::new();
    match doc.kind {
        DocumentKind::Budget | DocumentKind::Final => {
            doc.missing = standard_set(opts)
                .into_iter()
                .filter(|n| !doc.tables.iter().any(|t| t.number == Some(*n)))
                .collect();
            empty_tables(doc, &mut found);
            missing_tables(doc, opts, kind_printed, &mut found);
        }
        DocumentKind::AnnualReport => annual_sections(doc, kind_printed, &mut found),
        DocumentKind::PowerList => power_columns(doc, &mut found),
        DocumentKind::Unknown => {}
    }
    super::identities::within(doc, &mut found);
    doc.findings.extend(found);
}

/// The numbers of the standard set: the options' own, else the nine.
fn standard_set(opts: &ReadOptions) -> Vec<u8> {
    opts.standard_tables
        .clone()
        .unwrap_or_else(|| (1..=9).collect())
}

/// Standard tables printed with no figure and no sentence saying why (the first of each kind).
fn empty_tables(doc: &Document, found: &mut Findings) {
    let mut seen: Vec<TableKind> = Vec::new();
    for t in &doc.tables {
        let Some(k) = t.kind else { continue };
        if seen.contains(&k) {
            continue;
        }
        seen.push(k);
        let Some(table) = &t.table else { continue };
        let blank = table
            .rows()
            .iter()
            .all(|r| r.cells.iter().all(Option::is_none));
        if !blank || t.empty_note.is_some() {
            continue;
        }
        let f = if body_missed(doc, t) {
            // The page prints figures under the title that the grid did not hold: the reader
            // missed the table's body, which is not the department's fault.
            Finding::new(
                &crate::rules::document::UNREAD_TABLE,
                format!(
                    "{}（{}）页面上表题之下印有数字，但未能读入表格，未检查",
                    k.name_zh(),
                    t.title
                ),
                format!(
                    "{} ({}): the page prints figures under its title that could not be read into the table; not checked",
                    k.id(),
                    t.title
                ),
            )
        } else {
            Finding::new(
                &rules::EMPTY_UNEXPLAINED,
                format!(
                    "{}未印任何数字，也没有说明为空的原因（如“本表为空表”）",
                    k.name_zh()
                ),
                format!(
                    "{} prints no figure and no sentence saying why it is empty",
                    k.id()
                ),
            )
        };
        let mut f = f.with_table(k.name_zh());
        if let Some(p) = t.pages.first() {
            f = f.with_page(*p);
        }
        found.push(f);
    }
}

/// The lines of a table's pages between its printed title and the next table title print an
/// amount with fen (33,172.15) although its grid holds none: the text extraction split the table
/// and its body was not read (江苏省高级人民法院 2018 部门预算, 四、财政拨款收支预算总表). Without a
/// title to find, nothing is assumed.
fn body_missed(doc: &Document, t: &super::DocumentTable) -> bool {
    let title = super::normalize_text(&t.title);
    if title.chars().count() < 4 {
        return false;
    }
    // Its pages and the next one: a body split from its title runs on to the next page.
    let last = t.pages.iter().max().copied().unwrap_or(0);
    let on_pages = |p: u32| t.pages.contains(&p) || p == last + 1;
    // Any table's title ends the body: a known kind, or a line that ends in 表 (十一、…机关运行经费
    // 支出预算表, 公开09表).
    let a_title = |n: &str| {
        super::layouts::kind_of_title(n).is_some()
            || (n.ends_with('表') && n.chars().count() <= 60 && !prints_fen_amount(n))
    };
    let mut inside = false;
    for l in doc.source.lines.iter().filter(|l| on_pages(l.page)) {
        if a_title(&l.norm) || l.norm.contains(title.as_str()) {
            inside = l.norm.contains(title.as_str());
            continue;
        }
        if inside && prints_fen_amount(&l.norm) {
            return true;
        }
    }
    false
}

/// A token such as 33,172.15 or 0.50: digits (with thousands commas) and two decimals.
pub(super) fn prints_fen_amount(norm: &str) -> bool {
    norm.split(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .any(|tok| {
            tok.split_once('.').is_some_and(|(int, frac)| {
                !int.is_empty()
                    && int.chars().next().is_some_and(|c| c.is_ascii_digit())
                    && frac.len() == 2
                    && frac.chars().all(|c| c.is_ascii_digit())
            })
        })
}

/// Why an absent table is not judged a gap, when it is not.
fn unsure_reason(
    doc: &Document,
    n: u8,
    moe: bool,
    judged: bool,
    custom: bool,
) -> Option<(&'static str, &'static str)> {
    let state_capital = match doc.kind {
        DocumentKind::Budget => 7,
        _ => 9,
    };
    if moe && !MOE_SET.contains(&n) {
        Some((
            "教育部直属高校四表模板不含此表",
            "not in the four-table template of the universities under the Ministry of Education",
        ))
    } else if !custom && n == state_capital && doc.year.is_some_and(|y| y < 2021) {
        Some((
            "2021年以前国有资本经营预算表不在最低公开范围内",
            "before 2021 the minimum set was eight tables, without the state-capital table",
        ))
    } else if !judged {
        Some((
            "文件只印出部分表格或未写明文件类型，可能是节选",
            "the document prints few of its tables or does not say what it is (an excerpt?)",
        ))
    } else {
        None
    }
}

/// Absent standard tables: a finding each where the gap is plain, one info listing the rest.
fn missing_tables(doc: &Document, opts: &ReadOptions, kind_printed: bool, found: &mut Findings) {
    if doc.missing.is_empty() {
        return;
    }
    let custom = opts.standard_tables.is_some();
    let moe = !custom && moe_template(doc);
    let required: Vec<u8> = if moe {
        MOE_SET.to_vec()
    } else {
        standard_set(opts)
    };
    let absent = required.iter().filter(|n| doc.missing.contains(n)).count();
    let judged = kind_printed && absent <= 2;
    let contents = contents_tables(&doc.source.lines, doc.kind);
    let which = if doc.kind == DocumentKind::Budget {
        "预算"
    } else {
        "决算"
    };
    let mut unsure: Vec<(u8, (&str, &str))> = Vec::new();
    for &n in &doc.missing {
        let name = table_name(doc.kind, n);
        if let Some(entry) = contents.iter().find(|(k, _)| k.number() == n) {
            found.push(
                Finding::new(
                    &rules::CONTENTS_TABLE,
                    format!("目录列有“{}”，正文未印出此表（{which}表{n}）", entry.1),
                    format!(
                        "the contents list names {:?}, which the body does not print",
                        entry.1
                    ),
                )
                .with_table(name)
                .with_printed(entry.1.clone()),
            );
        } else if let Some(reason) = unsure_reason(doc, n, moe, judged, custom) {
            unsure.push((n, reason));
        } else if title_in_grids(doc, n) {
            // Printed, but run together with the table before it (江苏省人大常委会办公厅 2017:
            // 收入预算总表 starts inside the grid of 收支预算总表): not missing.
            unsure.push((
                n,
                (
                    "正文印有此表的表题，但表格与相邻表格连在一起，未能单独识别",
                    "its title is printed in the body, but the table runs into its neighbour and was not recognised on its own",
                ),
            ));
        } else {
            found.push(
                Finding::new(
                    &rules::MISSING_TABLE,
                    format!("未印出{which}表{n}“{name}”，也没有说明为空的空表（财预〔2016〕143号规定公开）"),
                    format!("table {n} ({name}) of the standard {} set is not printed, not even empty", doc.kind.id()),
                )
                .with_table(name),
            );
        }
    }
    if !unsure.is_empty() {
        let list: Vec<String> = unsure.iter().map(|(n, _)| n.to_string()).collect();
        let mut reasons: Vec<(&str, &str)> = unsure.iter().map(|(_, r)| *r).collect();
        reasons.dedup();
        let zh: Vec<&str> = reasons.iter().map(|r| r.0).collect();
        let en: Vec<&str> = reasons.iter().map(|r| r.1).collect();
        found.push(Finding::new(
            &rules::MISSING_UNSURE,
            format!(
                "未印出{which}表{}；未判定为缺失：{}",
                list.join("、"),
                zh.join("；")
            ),
            format!(
                "tables {} are not printed; not judged missing: {}",
                list.join(", "),
                en.join("; ")
            ),
        ));
    }
}

/// The name of standard table `n` of a budget or final account.
fn table_name(kind: DocumentKind, n: u8) -> &'static str {
    TableKind::ALL
        .iter()
        .find(|k| {
            k.number() == n
                && (k.phase() == crate::budget::Phase::Budget) == (kind == DocumentKind::Budget)
        })
        .map_or("", |k| k.name_zh())
}

/// Whether the document follows the four-table template of the universities under the Ministry
/// of Education: it prints only tables of that set, and its appropriations table is the plain
/// 财政拨款支出预算表 / 决算表, not the 一般公共预算 table of the nine.
fn moe_template(doc: &Document) -> bool {
    let numbers: Vec<u8> = doc.tables.iter().filter_map(|t| t.number).collect();
    let t5 = doc.tables.iter().find(|t| t.number == Some(5));
    !numbers.is_empty()
        && numbers.iter().all(|n| MOE_SET.contains(n))
        && t5.is_some_and(|t| {
            let title = super::normalize_text(&t.title);
            title.contains("财政拨款支出") && !title.contains("一般公共预算")
        })
}

/// Table `n` of the document's phase has its title printed as a row inside one of the grids
/// read (a table run into the grid of the one before it).
fn title_in_grids(doc: &Document, n: u8) -> bool {
    let budget = doc.kind == DocumentKind::Budget;
    doc.source
        .tables
        .iter()
        .flat_map(|t| t.rows.iter())
        .any(|row| {
            let joined: String = row.iter().map(|c| c.norm.as_str()).collect();
            row.iter().filter(|c| !c.norm.is_empty()).count() == 1
                && super::layouts::kind_of_title(&joined).is_some_and(|k| {
                    k.number() == n && (k.phase() == crate::budget::Phase::Budget) == budget
                })
        })
}

/// The tables a contents list (目录) names, of the document's phase, with the entry as printed:
/// the lines after a 目录 heading on its page that carry leader dots (……, ....).
fn contents_tables(lines: &[SourceLine], kind: DocumentKind) -> Vec<(TableKind, String)> {
    let Some(at) = lines.iter().position(|l| {
        let n: String = l.norm.chars().filter(|c| !c.is_whitespace()).collect();
        n == "目录"
    }) else {
        return Vec::new();
    };
    let page = lines.get(at).map(|l| l.page);
    let budget = kind == DocumentKind::Budget;
    lines
        .iter()
        .skip(at + 1)
        .take_while(|l| Some(l.page) == page)
        .filter_map(|l| {
            let text = l.text.trim();
            let cut = text.find(['…', '·']).or_else(|| text.find(".."))?;
            let entry = text.get(..cut)?.trim().to_owned();
            let k = TableKind::from_title(&entry)?;
            ((k.phase() == crate::budget::Phase::Budget) == budget).then_some((k, entry))
        })
        .collect()
}

/// The sections of the 2021 annual-report format, each with the words that recognise its heading
/// (any one of the alternatives, all its words).
const SECTIONS: [(&str, &[&[&str]]); 6] = [
    ("一、总体情况", &[&["总体情况"]]),
    ("二、主动公开政府信息情况", &[&["主动公开政府信息"]]),
    (
        "三、收到和处理政府信息公开申请情况",
        &[&["收到和处理"], &["收到", "申请情况"]],
    ),
    (
        "四、政府信息公开行政复议、行政诉讼情况",
        &[&["行政复议", "行政诉讼"]],
    ),
    (
        "五、存在的主要问题及改进情况",
        &[&["主要问题"], &["存在", "问题", "改进"]],
    ),
    ("六、其他需要报告的事项", &[&["其他需要报告"]]),
];

/// An annual report's sections: each absent heading a warning, or one info when most are absent
/// (an excerpt, or a report not in the 2021 format) or the document does not say what it is.
fn annual_sections(doc: &Document, kind_printed: bool, found: &mut Findings) {
    let texts: Vec<&str> = doc
        .source
        .lines
        .iter()
        .map(|l| l.norm.as_str())
        .chain(
            doc.source
                .tables
                .iter()
                .flat_map(|t| t.rows.iter().flatten().map(|c| c.norm.as_str())),
        )
        .collect();
    let absent: Vec<&str> = SECTIONS
        .iter()
        .filter(|(_, alts)| {
            !texts
                .iter()
                .any(|t| alts.iter().any(|words| words.iter().all(|w| t.contains(w))))
        })
        .map(|(name, _)| *name)
        .collect();
    if absent.is_empty() {
        return;
    }
    if kind_printed && absent.len() <= 2 && doc.year.is_none_or(|y| y >= 2021) {
        for name in absent {
            found.push(Finding::new(
                &rules::ANNUAL_SECTION,
                format!("年度报告缺少“{name}”部分（国办公开办函〔2021〕30号格式）"),
                format!("the annual report lacks the section {name:?} of the 2021 format"),
            ));
        }
    } else {
        found.push(Finding::new(
            &rules::MISSING_UNSURE,
            format!(
                "年度报告未见以下部分：{}；文件可能是节选或非2021年格式，未判定为缺失",
                absent.join("、")
            ),
            format!(
                "sections not found: {}; the document may be an excerpt or not in the 2021 format",
                absent.join(", ")
            ),
        ));
    }
}

/// A power list's required columns (事项名称, 权力类型, 设定依据 under their local names), read
/// from the header row of its first grid that has one.
fn power_columns(doc: &Document, found: &mut Findings) {
    use crate::power::PowerField;
    let Some((t, h)) = doc
        .source
        .tables
        .iter()
        .find_map(|t| super::build::power_header(t).map(|h| (t, h)))
    else {
        return;
    };
    let fields: Vec<PowerField> = t
        .rows
        .get(h)
        .into_iter()
        .flatten()
        .filter_map(|c| PowerField::recognise(&c.norm))
        .collect();
    let page = t.pages.first().copied();
    for (field, name) in [
        (PowerField::Name, "事项名称"),
        (PowerField::Category, "权力类型（事项类型）"),
        (PowerField::LegalBasis, "设定依据（实施依据）"),
    ] {
        if !fields.contains(&field) {
            let mut f = Finding::new(
                &rules::POWER_COLUMN,
                format!("权责清单的表头没有“{name}”列（GB/T 39046—2020 表4）"),
                format!("the power list's header has no {name} column"),
            )
            .with_column(name);
            if let Some(p) = page {
                f = f.with_page(p);
            }
            found.push(f);
        }
    }
}
