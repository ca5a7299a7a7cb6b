//! The recognition pass behind [`Document::from_source`](crate::Document::from_source).

use super::assemble::{self, Assembled};
use super::recognise::{Document, DocumentTable};
use super::rules;
use super::{DocumentKind, ReadOptions, SourceDocument, SourceLine, SourceTable};
use crate::budget::Phase;
use crate::error::Result;
use crate::finding::{Finding, Findings};
use crate::money::Unit;
use crate::tables::{DisclosureDocument, PublishedTable, TableColumn, TableKind};

/// The kind a line of running text announces, if any.
fn kind_of_line(norm: &str) -> Option<DocumentKind> {
    if norm.contains("政府信息公开工作年度报告") || norm.contains("政务公开工作年度报告")
    {
        Some(DocumentKind::AnnualReport)
    } else if norm.contains("权责清单") || norm.contains("权力清单") || norm.contains("责任清单")
    {
        Some(DocumentKind::PowerList)
    } else if norm.contains("决算") && !norm.contains("决算表") {
        Some(DocumentKind::Final)
    } else if norm.contains("预算") && !norm.contains("预算表") && !norm.contains("预算数")
    {
        Some(DocumentKind::Budget)
    } else {
        None
    }
}

/// The first four-digit year (20xx / 19xx) followed by 年 in a normalised line.
fn year_of(norm: &str) -> Option<i32> {
    let chars: Vec<char> = norm.chars().collect();
    for i in 0..chars.len().saturating_sub(4) {
        let w = &chars[i..i + 4];
        if w.iter().all(char::is_ascii_digit)
            && (i == 0 || !chars[i - 1].is_ascii_digit())
            && chars.get(i + 4) == Some(&'年')
        {
            let y: String = w.iter().collect();
            if let Ok(y) = y.parse::<i32>()
                && (1990..=2100).contains(&y)
            {
                return Some(y);
            }
        }
    }
    None
}

/// The money unit printed in a normalised line (单位:元, 单位:万元, 金额单位:万元 …).
pub(crate) fn unit_of(norm: &str) -> Option<Unit> {
    let mut rest = norm;
    while let Some(i) = rest.find("单位:") {
        let after = &rest[i + "单位:".len()..];
        if after.starts_with("万元") {
            return Some(Unit::WanYuan);
        }
        if after.starts_with("亿元") {
            return Some(Unit::YiYuan);
        }
        if after.starts_with('元') {
            return Some(Unit::Yuan);
        }
        rest = after;
    }
    None
}

/// The issuing department: after 编制部门 / 编制单位 / 预算主管部门 / 部门名称, else the text before
/// the year in the title line.
fn issuer_of(lines: &[SourceLine], title: Option<&SourceLine>) -> Option<String> {
    for l in lines.iter().take(400) {
        for key in [
            "预算主管部门:",
            "编制部门:",
            "编制单位:",
            "部门名称:",
            "单位名称:",
        ] {
            if let Some(i) = l.norm.find(key) {
                let after = &l.norm[i + key.len()..];
                let end = after.find("单位:").unwrap_or(after.len());
                let name = after[..end].trim_end_matches(['(', ',']);
                if name.chars().count() >= 2 {
                    return Some(name.to_owned());
                }
            }
        }
    }
    let t = title?;
    let i = t.norm.find(|c: char| c.is_ascii_digit())?;
    let name = &t.norm[..i];
    (name.chars().count() >= 4).then(|| name.to_owned())
}

/// A sentence saying a table is empty on purpose.
fn empty_sentence(norm: &str) -> bool {
    norm.contains("空表")
        || norm.contains("本表为空")
        || norm.contains("本表无数据")
        || (norm.contains("本表") && (norm.contains("没有") || norm.contains("无")))
        || (norm.contains("故") && norm.contains("为空"))
        || norm.contains("此表为空")
        || norm.contains("此表无数据")
        || (norm.starts_with('注')
            && ["无此项", "无该项", "无相关", "没有相关", "单位无", "部门无", "未安排"]
                .iter()
                .any(|w| norm.contains(w)))
        // "注：本部门无相关收支项目" under an empty 政府性基金预算财政拨款支出预算表 (江苏省人大常委会办公厅
        // 2018 部门预算, 公开10表; "注：我单位无2017年政府性基金支出安排。", 江苏省政协办公厅 2017),
        // also printed without its 注.
        || norm.contains("本部门无相关收支")
        || norm.contains("本单位无相关收支")
}

/// The title of a table from its context lines (nearest last) and the kind it names.
fn title_of(t: &SourceTable) -> (String, Option<TableKind>) {
    for (i, l) in t.context.iter().enumerate().rev() {
        if let Some(k) = super::layouts::kind_of_title(&l.norm) {
            return (l.text.trim().to_owned(), Some(k));
        }
        // A title wrapped over two lines ("公开 09 表：一般公共预算“三公”经费、会议费、培训费" |
        // "支出预算表", 江苏省人民检察院 2018 部门预算).
        if let Some(prev) = i.checked_sub(1).and_then(|j| t.context.get(j))
            && let Some(k) = super::layouts::kind_of_title(&format!("{}{}", prev.norm, l.norm))
        {
            return (format!("{}{}", prev.text.trim(), l.text.trim()), Some(k));
        }
    }
    // A title printed inside the grid's first rows.
    for row in t.rows.iter().take(2) {
        let joined: String = row.iter().map(|c| c.norm.as_str()).collect();
        if let Some(k) = super::layouts::kind_of_title(&joined) {
            let printed: String = row.iter().map(|c| c.text.trim()).collect();
            return (printed, Some(k));
        }
    }
    // A workbook sheet named after its table (表一 财务收支预算总表).
    if let Some(sheet) = &t.sheet
        && let Some(k) = super::layouts::kind_of_title(&super::normalize_text(sheet))
    {
        return (sheet.clone(), Some(k));
    }
    let title = t
        .context
        .iter()
        .rev()
        .find(|l| l.norm.ends_with('表') || l.norm.contains("表"))
        .map(|l| l.text.trim().to_owned())
        .unwrap_or_default();
    (title, None)
}

/// The kind a table's header shape says when its title does not: a "三公" table by its items, a
/// basic-expenditure economic table by 人员经费 / 公用经费 over 3xx codes.
fn kind_by_shape(t: &SourceTable, phase: Option<Phase>) -> Option<TableKind> {
    let phase = phase?;
    let header = assemble::header_count(t);
    let headings: Vec<Option<TableColumn>> = t
        .rows
        .iter()
        .take(header)
        .flatten()
        .map(|c| TableColumn::recognise(&c.norm))
        .collect();
    let has = |c: TableColumn| headings.contains(&Some(c));
    // Every heading must be known: a 合计 over 三公 and other items (会议费, 培训费 — a Jiangsu
    // layout) is not the 三公 合计 the checks know.
    let all_known = t
        .rows
        .iter()
        .take(header)
        .flatten()
        .filter(|c| !c.is_blank())
        .all(|c| crate::tables::HeadingRole::recognise(&c.norm).is_some());
    if has(TableColumn::AbroadTravel) && has(TableColumn::Reception) && all_known {
        return Some(match phase {
            Phase::Final => TableKind::FinalThreePublic,
            _ => TableKind::BudgetThreePublic,
        });
    }
    let economic_codes = class_code_rows(t, header, '3');
    if has(TableColumn::Personnel)
        && has(TableColumn::Public)
        && economic_codes >= 2
        && phase == Phase::Budget
    {
        return Some(TableKind::BudgetBasicEconomic);
    }
    // 合计 / 基本支出 / 项目支出 over functional codes, nothing else: in a final account only 决算表五
    // has exactly these columns (决算表三 adds 上缴上级支出, 经营支出 …); in a budget both 预算表三 and
    // 表五 do, so the shape alone does not tell them apart (left unrecognised).
    let functional_codes = class_code_rows(t, header, '2');
    let only_functional_columns = headings.iter().flatten().all(|c| {
        matches!(
            c,
            TableColumn::Total | TableColumn::Basic | TableColumn::Project
        )
    });
    if phase == Phase::Final
        && functional_codes >= 1
        && has(TableColumn::Total)
        && has(TableColumn::Basic)
        && has(TableColumn::Project)
        && only_functional_columns
    {
        return Some(TableKind::FinalGeneralFunctional);
    }
    None
}

/// What the first pages of a document say: its kind, year, issuer and money unit (each from
/// the options when given).
struct Head {
    kind: Option<DocumentKind>,
    year: Option<i32>,
    issuer: Option<String>,
    unit: Option<Unit>,
}

/// The cover: page 1's lines joined (a title broken over lines) up to the first that completes
/// a kind's name.
fn cover_line(lines: &[SourceLine]) -> SourceLine {
    let mut cover = String::new();
    for l in lines.iter().filter(|l| l.page == 1).take(6) {
        cover.push_str(&l.text);
        if kind_of_line(&super::normalize_text(&cover)).is_some() {
            break;
        }
    }
    SourceLine::new(1, cover)
}

/// Document kind, year, issuer, unit: from the options, else the title line and the first pages.
fn head_of(source: &SourceDocument, opts: &ReadOptions) -> Head {
    let head: Vec<&SourceLine> = source
        .lines
        .iter()
        .filter(|l| l.page <= 3)
        .take(60)
        .collect();
    // The cover: page 1's lines joined (a title broken over lines), else the first line naming a kind.
    let cover = cover_line(&source.lines);
    let title_line = Some(&cover)
        .filter(|l| l.norm.chars().count() <= 80 && kind_of_line(&l.norm).is_some())
        .or_else(|| {
            head.iter()
                .copied()
                .find(|l| kind_of_line(&l.norm).is_some())
        });
    let kind = opts
        .kind
        .or_else(|| title_line.and_then(|l| kind_of_line(&l.norm)));
    let year = opts.year.or_else(|| {
        title_line
            .and_then(|l| year_of(&l.norm))
            .or_else(|| head.iter().find_map(|l| year_of(&l.norm)))
            .or_else(|| super::layouts::year_fallback(&source.lines, &source.tables, year_of))
    });
    let issuer = issuer_of(&source.lines, title_line);
    let unit = opts.unit.or_else(|| {
        source
            .tables
            .iter()
            .flat_map(|t| t.context.iter())
            .chain(source.lines.iter())
            .find_map(|l| unit_of(&l.norm))
    });
    Head {
        kind,
        year,
        issuer,
        unit,
    }
}

/// The kind of a document whose title names none: the phase of its first table recognised by
/// title.
fn kind_by_tables(titled: &[(String, Option<TableKind>)]) -> Option<DocumentKind> {
    let phase = titled.iter().find_map(|(_, k)| k.map(TableKind::phase))?;
    Some(match phase {
        Phase::Final => DocumentKind::Final,
        _ => DocumentKind::Budget,
    })
}

/// A finding placed on `page`, when known.
fn on_page(f: Finding, page: Option<u32>) -> Finding {
    match page {
        Some(p) => f.with_page(p),
        None => f,
    }
}

/// A table's own unit: its context lines, else a 单位 line printed in its first rows.
fn table_unit(t: &SourceTable) -> Option<Unit> {
    t.context
        .iter()
        .rev()
        .find_map(|l| unit_of(&l.norm))
        .or_else(|| {
            t.rows
                .iter()
                .take(assemble::header_count(t).max(1))
                .flatten()
                .find_map(|c| unit_of(&c.norm))
        })
}

/// The sentence saying a table is empty on purpose: in its context or on its pages, else in
/// its cells, else — for a table of one fund (政府性基金, 国有资本经营) — a line anywhere in the
/// document saying the department has none of that fund ("本部门无政府性基金预算。", in the
/// 情况说明 of 江苏省人民检察院 2017 部门预算, p.30, far from its empty 表七).
fn empty_note_of(t: &SourceTable, kind: TableKind, lines: &[SourceLine]) -> Option<String> {
    t.context
        .iter()
        .chain(lines.iter().filter(|l| t.pages.contains(&l.page)))
        .find(|l| empty_sentence(&l.norm))
        .map(|l| l.text.trim().to_owned())
        .or_else(|| {
            t.rows
                .iter()
                .flatten()
                .find(|c| empty_sentence(&c.norm))
                .map(|c| c.text.trim().to_owned())
        })
        .or_else(|| {
            // Only for a grid that prints no amount: a sentence elsewhere is no note of a table
            // that has figures.
            let blank = !t
                .rows
                .iter()
                .flatten()
                .any(|c| super::completeness::prints_fen_amount(&c.norm));
            let fund = ["政府性基金", "国有资本经营"]
                .into_iter()
                .find(|f| kind.name_zh().contains(f))?;
            blank.then(|| fund_note(fund, lines)).flatten()
        })
}

/// A sentence of the document saying the department has none of `fund`, or that its spending
/// of it is 0 ("本部门无政府性基金预算。"; "江苏省高级人民法院2018年政府性基金支出预算支出0万元。").
fn fund_note(fund: &str, lines: &[SourceLine]) -> Option<String> {
    let text: String = lines.iter().map(|l| l.norm.as_str()).collect();
    let none = [
        "本部门无",
        "本单位无",
        "我单位无",
        "我部门无",
        "没有使用",
        "无此项",
    ];
    text.split_inclusive('。')
        .find(|s| {
            s.chars().count() <= 200
                && s.contains(fund)
                && !s.contains("表反映")
                && (none.iter().any(|w| s.contains(w)) || says_zero(s))
        })
        .map(|s| s.trim().to_owned())
}

/// The sentence gives an amount of 0 (…支出0万元, 为0, 为零) and no other amount in 元/万元/亿元
/// (amounts read as the narrative checks read them).
fn says_zero(s: &str) -> bool {
    use crate::narrative::extract::{NumberUnit, numbers};
    let money: Vec<_> = numbers(s)
        .into_iter()
        .filter(|n| matches!(n.unit, Some(NumberUnit::Money(_))))
        .collect();
    money.iter().all(|n| n.value.is_zero())
        && (!money.is_empty() || s.contains("为0") || s.contains("为零"))
}

/// The recognition of a document's grids, one at a time, and the findings it makes.
struct Recogniser<'a> {
    /// The document's lines of text.
    lines: &'a [SourceLine],
    /// The phase of a budget or final account; `None` for other documents (no table kinds).
    phase: Option<Phase>,
    /// The document's unit, for a table that prints none.
    unit: Option<Unit>,
    /// The findings so far.
    findings: Findings,
}

impl Recogniser<'_> {
    /// A grid recognised: its kind, unit and note of emptiness, and its table when it has a kind.
    fn table(
        &mut self,
        t: &SourceTable,
        title: String,
        by_title: Option<TableKind>,
    ) -> (DocumentTable, Option<Assembled>) {
        let page = t.pages.first().copied();
        let tkind = self.table_kind(t, &title, by_title, page);
        let empty_note = tkind.and_then(|k| empty_note_of(t, k, self.lines));
        let mut dt = DocumentTable {
            number: tkind.map(TableKind::number),
            kind: tkind,
            title,
            unit: table_unit(t).or(self.unit),
            pages: t.pages.clone(),
            source: t.clone(),
            table: None,
            empty_note,
            row_at: Vec::new(),
            column_at: Vec::new(),
        };
        let mut layout = None;
        if let Some(k) = tkind {
            layout = self.read_table(&mut dt, t, k, page);
        }
        if tkind.is_none() && self.phase.is_some() {
            layout = super::layouts::part_of_standard(&mut dt, self.phase);
        }
        (dt, layout)
    }

    /// A grid's kind in a budget or final account, by its title else by its shape; a table of the
    /// other phase is reported and left without a kind.
    fn table_kind(
        &mut self,
        t: &SourceTable,
        title: &str,
        by_title: Option<TableKind>,
        page: Option<u32>,
    ) -> Option<TableKind> {
        let phase = self.phase?;
        let k = by_title.or_else(|| kind_by_shape(t, Some(phase)))?;
        if k.phase() != phase {
            let f = Finding::new(
                &rules::AMBIGUOUS_KIND,
                format!("表格标题“{title}”属于另一阶段的表格，未检查"),
                format!("the title {title:?} names a table of the other phase; not checked"),
            );
            self.findings.push(on_page(f, page));
            return None;
        }
        Some(k)
    }

    /// Read a grid of kind `k` into `dt`'s table, reporting what could not be read; its layout.
    fn read_table(
        &mut self,
        dt: &mut DocumentTable,
        t: &SourceTable,
        k: TableKind,
        page: Option<u32>,
    ) -> Option<Assembled> {
        let u = dt.unit.unwrap_or_else(|| k.usual_unit());
        match build_table(t, k, u) {
            Ok((table, a)) => {
                self.bad_cells(t, k, &a);
                self.skipped_columns(k, page, &a);
                dt.row_at = a.row_at.clone();
                dt.column_at = a.column_at.clone();
                self.empty_note_with_figures(dt, &table, k, page);
                dt.table = Some(table.with_title(dt.title.clone()));
                Some(a)
            }
            Err(e) => {
                let f = Finding::new(
                    &rules::UNREAD_TABLE,
                    format!(
                        "{}（第{}页）未能读取，未检查：{e}",
                        k.name_zh(),
                        page.unwrap_or(0)
                    ),
                    format!(
                        "{} (page {}) could not be read and is not checked: {e}",
                        k.id(),
                        page.unwrap_or(0)
                    ),
                )
                .with_table(k.name_zh());
                self.findings.push(on_page(f, page));
                None
            }
        }
    }

    /// Each cell that did not read as an amount (kept blank), at its page and printed text.
    fn bad_cells(&mut self, t: &SourceTable, k: TableKind, a: &Assembled) {
        for b in &a.bad {
            let p = t
                .rows
                .get(b.row)
                .and_then(|r| r.get(b.column))
                .and_then(|c| c.at.page);
            let f = Finding::new(
                &rules::UNREAD_CELL,
                format!(
                    "{}：单元格“{}”未能读取，按空白处理（{}）",
                    k.name_zh(),
                    b.text,
                    b.reason
                ),
                format!(
                    "{}: cell {:?} could not be read; kept blank ({})",
                    k.id(),
                    b.text,
                    b.reason
                ),
            )
            .with_table(k.name_zh())
            .with_printed(b.text.clone());
            self.findings.push(on_page(f, p));
        }
    }

    /// Each column kept as printed but not read (a second code column).
    fn skipped_columns(&mut self, k: TableKind, page: Option<u32>, a: &Assembled) {
        for (j, heading) in &a.skipped {
            let f = Finding::new(
                &rules::UNREAD_COLUMN,
                format!(
                    "{}：第{}列“{heading}”保留原样，未读取、未检查",
                    k.name_zh(),
                    j + 1
                ),
                format!(
                    "{}: column {} {heading:?} is kept as printed, not read or checked",
                    k.id(),
                    j + 1
                ),
            )
            .with_table(k.name_zh())
            .with_column(heading.clone());
            self.findings.push(on_page(f, page));
        }
    }

    /// A note saying the table is empty while it prints figures: reported, and the note dropped.
    fn empty_note_with_figures(
        &mut self,
        dt: &mut DocumentTable,
        table: &PublishedTable,
        k: TableKind,
        page: Option<u32>,
    ) {
        let figures = table
            .rows()
            .iter()
            .any(|r| r.cells.iter().any(Option::is_some));
        if figures && let Some(note) = dt.empty_note.take() {
            let f = Finding::new(
                &rules::EMPTY_NOTE_WITH_FIGURES,
                format!("{}印有数字，但说明称本表为空：“{note}”", k.name_zh()),
                format!(
                    "{} prints figures but its note says it is empty: {note:?}",
                    k.id()
                ),
            )
            .with_table(k.name_zh())
            .with_printed(note);
            self.findings.push(on_page(f, page));
        }
    }
}

/// Duplicates: only the first table of a kind is checked, the others reported. The indices of
/// the tables to check.
fn first_of_each_kind(tables: &[DocumentTable], findings: &mut Findings) -> Vec<usize> {
    let mut seen: Vec<TableKind> = Vec::new();
    let mut checked: Vec<usize> = Vec::new();
    for (i, dt) in tables.iter().enumerate() {
        let Some(k) = dt.kind else { continue };
        if seen.contains(&k) {
            let f = Finding::new(
                &rules::DUPLICATE_TABLE,
                format!("{}出现不止一次，只检查第一张", k.name_zh()),
                format!(
                    "{} is printed more than once; only the first is checked",
                    k.id()
                ),
            )
            .with_table(k.name_zh());
            findings.push(on_page(f, dt.pages.first().copied()));
            continue;
        }
        seen.push(k);
        if dt.table.is_some() {
            checked.push(i);
        }
    }
    checked
}

/// A power list: its grids, read through the power-list reader and checked; what could not be
/// read is reported.
fn read_power_list(grids: &[SourceTable], findings: &mut Findings) -> Option<crate::PowerList> {
    match power_list_of(grids) {
        Some(Ok(list)) => {
            for f in list.check() {
                findings.push(f);
            }
            Some(list)
        }
        Some(Err(e)) => {
            findings.push(Finding::new(
                &rules::UNREAD_TABLE,
                format!("权责清单未能读取，未检查：{e}"),
                format!("the power list could not be read and is not checked: {e}"),
            ));
            None
        }
        None => {
            findings.push(Finding::new(
                &rules::UNREAD_TABLE,
                "未找到权责清单的表头（事项名称、权力类型 …），未检查".to_owned(),
                "no power-list header row (事项名称, 权力类型 …) was found; not checked".to_owned(),
            ));
            None
        }
    }
}

/// Checks: the checked tables as one disclosure document, each finding pointed at its cell.
fn check_tables(
    tables: &[DocumentTable],
    layouts: &[Option<Assembled>],
    checked: &[usize],
    opts: &ReadOptions,
    findings: &mut Findings,
) -> Result<()> {
    let published: Vec<PublishedTable> = checked
        .iter()
        .filter_map(|&i| tables.get(i).and_then(|t| t.table.clone()))
        .collect();
    if !published.is_empty() {
        let doc = DisclosureDocument::new(published)?;
        for f in doc.check(&opts.check)? {
            findings.push(locate(f, tables, layouts, checked));
        }
    }
    Ok(())
}

/// The recognition pass.
pub(crate) fn recognise(source: SourceDocument, opts: &ReadOptions) -> Result<Document> {
    // Document kind, year, issuer, unit.
    let head = head_of(&source, opts);

    // Tables.
    // The annual report's reader takes the grids as joined; the budget layouts (one-amount
    // tables compacted, captions moved to context) are for budget and final-account tables.
    let joined = join_fragments(&source.tables);
    let grids = super::layouts::normalise(joined.clone());
    let titled: Vec<(String, Option<TableKind>)> = grids.iter().map(title_of).collect();
    let kind = head
        .kind
        .or_else(|| kind_by_tables(&titled))
        .unwrap_or(DocumentKind::Unknown);
    let phase = match kind {
        DocumentKind::Budget => Some(Phase::Budget),
        DocumentKind::Final => Some(Phase::Final),
        _ => None,
    };
    let mut recogniser = Recogniser {
        lines: &source.lines,
        phase,
        unit: head.unit,
        findings: Findings::new(),
    };
    let mut tables: Vec<DocumentTable> = Vec::new();
    let mut layouts: Vec<Option<Assembled>> = Vec::new();
    let titled = super::recognise::plain_titles(titled, phase, head.issuer.as_deref());
    for (t, (title, by_title)) in grids.iter().zip(titled) {
        let (dt, layout) = recogniser.table(t, title, by_title);
        tables.push(dt);
        layouts.push(layout);
    }
    let mut findings = recogniser.findings;
    let checked = first_of_each_kind(&tables, &mut findings);
    let power_list = (kind == DocumentKind::PowerList)
        .then(|| read_power_list(&grids, &mut findings))
        .flatten();
    // An annual report: Tables 2–4 from its grids (document/annual.rs).
    let mut annual_report = None;
    if kind == DocumentKind::AnnualReport {
        let (report, found) = super::annual::annual_report_of(&joined, head.year);
        findings.extend(found);
        annual_report = report;
    }
    check_tables(&tables, &layouts, &checked, opts, &mut findings)?;
    findings.extend(crate::catalog::check_document(&tables, head.year));
    // The explanation text against the tables (narrative.*).
    findings.extend(crate::narrative::check(
        &source.lines,
        head.year,
        kind,
        &tables,
        head.issuer.as_deref(),
    ));
    let mut doc = Document {
        path: source.path.clone(),
        kind,
        year: head.year,
        issuer: head.issuer,
        unit: head.unit,
        tables,
        missing: Vec::new(),
        findings,
        source,
        power_list,
        annual_report,
    };
    // Completeness and the identities within the document (document/completeness.rs).
    super::completeness::check(&mut doc, opts, head.kind.is_some());
    Ok(doc)
}

/// Build the [`PublishedTable`] of a recognised grid.
fn build_table(t: &SourceTable, k: TableKind, unit: Unit) -> Result<(PublishedTable, Assembled)> {
    if matches!(
        k,
        TableKind::FinalThreePublic | TableKind::BudgetThreePublic
    ) && let Some((heads, cols, header)) = assemble::figure_columns(t)
    {
        let data = t
            .rows
            .iter()
            .enumerate()
            .skip(header)
            .find(|(_, r)| r.iter().any(|c| !c.is_blank()));
        let (ri, values) = match data {
            Some((ri, r)) => (
                ri,
                cols.iter()
                    .map(|&j| {
                        r.get(j)
                            .and_then(|c| crate::money::parse_amount(&c.norm).ok().flatten())
                    })
                    .collect::<Vec<_>>(),
            ),
            None => (header, vec![None; cols.len()]),
        };
        let table = PublishedTable::from_figure_columns(Some(k), unit, &heads, &values)?;
        let n = table.rows().len();
        // Each item's first source column.
        let mut column_at = Vec::new();
        for h in table.columns() {
            let j = heads
                .iter()
                .position(|x| x.replace('/', "").contains(h.as_str()))
                .and_then(|p| cols.get(p).copied())
                .unwrap_or(0);
            column_at.push(j);
        }
        let a = Assembled {
            row_at: vec![ri; n],
            cell_at: vec![column_at.iter().map(|&j| Some(j)).collect(); n],
            column_at,
            columns: table.columns().to_vec(),
            header_rows: header,
            ..Assembled::default()
        };
        return Ok((table, a));
    }
    let mut a = assemble::assemble(t, Some(k));
    if matches!(
        k,
        TableKind::FinalThreePublic | TableKind::BudgetThreePublic
    ) && let Some(transposed) = assemble::transpose_three_public(&a, k)
    {
        a = transposed;
    }
    let table =
        PublishedTable::new_keeping_unknown(Some(k), unit, a.columns.clone(), a.rows.clone())?;
    Ok((table, a))
}

/// Point a check finding at the cell it is about: page and printed text from the row (the
/// finding's code or label) and column (its heading).
fn locate(
    mut f: Finding,
    tables: &[DocumentTable],
    layouts: &[Option<Assembled>],
    checked: &[usize],
) -> Finding {
    let Some(name) = f.table.clone() else {
        return f;
    };
    let Some(&ti) = checked.iter().find(|&&i| {
        tables
            .get(i)
            .and_then(|t| t.kind)
            .is_some_and(|k| k.name_zh() == name)
    }) else {
        return f;
    };
    let (Some(dt), Some(Some(a))) = (tables.get(ti), layouts.get(ti)) else {
        return f;
    };
    let Some(table) = &dt.table else { return f };
    let row = f.code.as_deref().and_then(|code| {
        table
            .rows()
            .iter()
            .position(|r| r.key() == code)
            .or_else(|| {
                table
                    .rows()
                    .iter()
                    .position(|r| r.effective_code().is_some_and(|c| c.to_string() == code))
            })
    });
    let col = f
        .column
        .as_deref()
        .and_then(|c| table.columns().iter().position(|h| h == c));
    let Some(ri) = row else {
        if let Some(p) = dt.pages.first() {
            f = f.with_page(*p);
        }
        return f;
    };
    let transposed = col.and_then(|cj| {
        a.cell_src
            .get(ri)
            .and_then(|r| r.get(cj))
            .copied()
            .flatten()
    });
    let src_row = transposed
        .map(|(r, _)| r)
        .or_else(|| a.row_at.get(ri).copied());
    let src_col = match (transposed, col) {
        (Some((_, c)), _) => Some(c),
        (None, Some(cj)) => a.cell_at.get(ri).and_then(|r| r.get(cj)).copied().flatten(),
        (None, None) => None,
    };
    let cell = src_row
        .and_then(|r| dt.source.rows.get(r))
        .and_then(|r| match src_col {
            Some(c) => r.get(c),
            None => r.iter().find(|c| !c.is_blank()),
        });
    if let Some(c) = cell {
        if let Some(p) = c.at.page {
            f = f.with_page(p);
        }
        f = f.with_printed(c.text.clone());
    } else if let Some(p) = dt.pages.first() {
        f = f.with_page(*p);
    }
    f
}

/// Whether a grid is a short fragment of the table before it that the reader could not join (a
/// last 合计 row on the next page, printed with fewer columns): no title of its own, at most three
/// rows, each a label followed by amounts.
fn is_fragment(prev: &SourceTable, t: &SourceTable) -> bool {
    let width = prev.rows.first().map_or(0, Vec::len);
    let next_page = match (prev.pages.last(), t.pages.first()) {
        (Some(a), Some(b)) => *b == *a || *b == *a + 1,
        _ => false,
    };
    next_page
        && title_of(t).1.is_none()
        && title_of(prev).1.is_some()
        && !t.rows.is_empty()
        && t.rows.len() <= 3
        && t.rows.iter().all(|r| {
            r.len() <= width
                && r.first()
                    .is_some_and(|c| !c.is_blank() && crate::money::parse_amount(&c.norm).is_err())
                && r.iter().skip(1).all(|c| {
                    c.is_blank() || matches!(crate::money::parse_amount(&c.norm), Ok(Some(_)))
                })
        })
}

/// The grids with short fragments appended to the table they continue (label in the first
/// column, amounts aligned on the last columns), each a new continuation.
fn join_fragments(tables: &[SourceTable]) -> Vec<SourceTable> {
    let mut out: Vec<SourceTable> = Vec::new();
    for t in tables {
        if let Some(prev) = out.last_mut()
            && is_fragment(prev, t)
        {
            let width = prev.rows.first().map_or(0, Vec::len);
            prev.continuations.push(prev.rows.len());
            for p in &t.pages {
                if !prev.pages.contains(p) {
                    prev.pages.push(*p);
                }
            }
            for r in &t.rows {
                let Some(first) = r.first() else { continue };
                let mut row: Vec<super::SourceCell> = (0..width)
                    .map(|j| {
                        let mut at = first.at.clone();
                        at.column = u32::try_from(j + 1).unwrap_or(u32::MAX);
                        super::SourceCell::new("", at)
                    })
                    .collect();
                if let Some(c) = row.first_mut() {
                    *c = first.clone();
                }
                let rest = &r[1..];
                let offset = width - rest.len();
                for (k, c) in rest.iter().enumerate() {
                    if let Some(slot) = row.get_mut(offset + k) {
                        *slot = c.clone();
                    }
                }
                prev.rows.push(row);
            }
            continue;
        }
        out.push(t.clone());
    }
    out
}

/// The header row of a power-list grid: the first row with at least three headings the
/// power-list reader knows.
pub(super) fn power_header(t: &SourceTable) -> Option<usize> {
    t.rows.iter().position(|r| {
        r.iter()
            .filter(|c| crate::power::PowerField::recognise(&c.norm).is_some())
            .count()
            >= 3
    })
}

/// Read the grids of a power list: the header row of the first grid that has one, then every data
/// row of every grid with that header (repeated headers and blank rows dropped; a vertically
/// merged cell's text copied to the rows it spans), through [`PowerList::read_csv_str`].
fn power_list_of(grids: &[SourceTable]) -> Option<Result<crate::PowerList>> {
    let mut header: Option<Vec<String>> = None;
    let mut rows: Vec<Vec<String>> = Vec::new();
    for t in grids {
        let Some(h) = power_header(t) else { continue };
        let mut grid: Vec<Vec<String>> = t
            .rows
            .iter()
            .map(|r| r.iter().map(|c| c.text.trim().to_owned()).collect())
            .collect();
        for &(r0, c0, r1, c1) in &t.merged {
            let (r0, c0, r1, c1) = (r0 as usize, c0 as usize, r1 as usize, c1 as usize);
            if r0 <= h || c0 != c1 {
                continue;
            }
            let text = grid
                .get(r0)
                .and_then(|r| r.get(c0))
                .cloned()
                .unwrap_or_default();
            for r in r0 + 1..=r1 {
                if let Some(cell) = grid.get_mut(r).and_then(|row| row.get_mut(c0))
                    && cell.is_empty()
                {
                    *cell = text.clone();
                }
            }
        }
        // A heading cell left blank (the second column under a merged heading such as
        // 实施层级及权限) keeps its column as an extra column named by its position: its data is
        // kept, never dropped, and no meaning is guessed for it.
        let printed_head: Vec<String> = grid.get(h).cloned().unwrap_or_default();
        let head: Vec<String> = printed_head
            .clone()
            .into_iter()
            .enumerate()
            .map(|(i, c)| {
                if c.is_empty() {
                    format!("第{}列", i + 1)
                } else {
                    c
                }
            })
            .collect();
        let norm =
            |r: &[String]| -> Vec<String> { r.iter().map(|c| super::normalize_text(c)).collect() };
        let head_norm = norm(&printed_head);
        if header.is_none() {
            header = Some(head.clone());
        }
        for r in grid.into_iter().skip(h + 1) {
            if r.iter().all(String::is_empty) || norm(&r) == head_norm {
                continue;
            }
            rows.push(r);
        }
    }
    let header = header?;
    let mut w = csv::Writer::from_writer(Vec::new());
    let write =
        |w: &mut csv::Writer<Vec<u8>>, r: &[String]| w.write_record(r).map_err(|e| e.to_string());
    let mut out = write(&mut w, &header);
    for r in &rows {
        out = out.and_then(|()| write(&mut w, r));
    }
    let text = out
        .and_then(|()| w.into_inner().map_err(|e| e.to_string()))
        .and_then(|b| String::from_utf8(b).map_err(|e| e.to_string()));
    Some(match text {
        Ok(text) => crate::PowerList::read_csv_str(&text),
        Err(reason) => Err(crate::error::Error::File {
            kind: std::io::ErrorKind::InvalidData,
            path: String::new(),
            reason,
        }),
    })
}

/// How many rows below the header print a three-digit 类 code starting with `lead` (`2`
/// functional, `3` economic) in some cell.
fn class_code_rows(t: &SourceTable, header: usize, lead: char) -> usize {
    t.rows
        .iter()
        .skip(header)
        .filter(|r| {
            r.iter().any(|c| {
                c.norm.len() == 3
                    && c.norm.starts_with(lead)
                    && c.norm.chars().all(|d| d.is_ascii_digit())
            })
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Provenance, SourceCell, SourceFormat};

    fn grid(page: u32, title: &str, rows: &[&[&str]]) -> SourceTable {
        let at = |r: usize, c: usize| Provenance {
            file: "t.pdf".into(),
            page: Some(page),
            sheet: None,
            row: r as u32 + 1,
            column: c as u32 + 1,
        };
        SourceTable {
            pages: vec![page],
            context: vec![
                SourceLine::new(page, title),
                SourceLine::new(page, "单位：万元"),
            ],
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    r.iter()
                        .enumerate()
                        .map(|(j, t)| SourceCell::new(*t, at(i, j)))
                        .collect()
                })
                .collect(),
            ..SourceTable::default()
        }
    }

    #[test]
    fn a_three_public_table_printed_as_a_vertical_list_is_transposed() {
        let t = grid(
            9,
            "2025年“三公”经费和机关运行经费预算表",
            &[
                &["项目", "预算数"],
                &["合计", "11.81"],
                &["因公出国（境）费", "0.00"],
                &["公务用车购置及运行费", "9.98"],
                &["购置费", "0.00"],
                &["运行费", "9.98"],
                &["公务接待费", "0.84"],
            ],
        );
        let source = SourceDocument {
            path: "t.pdf".into(),
            format: SourceFormat::Pdf,
            pages: 9,
            lines: vec![SourceLine::new(1, "某某局2025年部门预算")],
            tables: vec![t],
        };
        let doc = recognise(source, &ReadOptions::default()).unwrap();
        let table = doc.tables[0].table.as_ref().unwrap();
        assert_eq!(table.columns().len(), 6);
        assert_eq!(table.rows().len(), 1);
        assert_eq!(table.rows()[0].name, "预算数");
        // 11.81 ≠ 0 + 9.98 + 0.84 = 10.82: found at the printed 合计 cell.
        let f = doc
            .findings
            .iter()
            .find(|f| f.rule == "tables.row_sum")
            .unwrap();
        assert_eq!((f.page, f.printed.as_deref()), (Some(9), Some("11.81")));
    }

    #[test]
    fn a_government_economic_code_column_after_the_name_is_not_part_of_the_code() {
        let t = grid(
            5,
            "2025年一般公共预算支出功能分类预算表",
            &[
                &[
                    "科目编码",
                    "科目名称",
                    "政府预算经济分类",
                    "合计",
                    "基本支出",
                    "项目支出",
                ],
                &["201", "一般公共服务支出", "", "10", "6", "4"],
                &["2010101", "行政运行", "50101", "10", "6", "4"],
                &["合计", "", "", "10", "6", "4"],
            ],
        );
        let a = assemble::assemble(&t, Some(TableKind::BudgetGeneralFunctional));
        let codes: Vec<String> = a.rows.iter().map(|r| r.key()).collect();
        assert_eq!(codes, ["201", "2010101", "合计"]);
        assert_eq!(a.skipped, [(2, "政府预算经济分类".to_owned())]);
    }
}
