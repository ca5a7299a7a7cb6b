//! The `catalogue.*` checks of a document's printed 科目: each coded row's code and name against
//! the catalogue of the document's year.

use std::collections::BTreeSet;

use super::editions::{NameMatch, Presence};
use super::{Catalog, Change};
use crate::classification::{Code, Scheme};
use crate::document::DocumentTable;
use crate::finding::{Finding, Findings};
use crate::rules::catalogue as rules;
use crate::tables::PublishedTable;

/// One coded row to check: the code, the name as printed, and where it was printed.
struct Printed<'a> {
    table: String,
    code: Code,
    name: &'a str,
    row: usize,
    page: Option<u32>,
}

impl Catalog {
    /// The `catalogue.*` findings of one table's coded rows against the catalogue of `year`
    /// (see [`crate::rules::catalogue`]): a name that is another code's name
    /// (`name_of_other_code`, warning), a name that differs (`name_mismatch`, info), a code the
    /// year's incomplete catalogue does not list (`unlisted_code`, info) or a complete one lacks
    /// (`not_in_year`, error), a code retired or not yet added that year (`code_not_in_force`,
    /// warning). Each code and printed name is reported once, at its first row; the finding's
    /// `code` is the code, `printed` the name as printed. Documents read with
    /// [`Document::read`](crate::Document::read) are checked this way against
    /// [`Catalog::embedded`], with the page of each row.
    ///
    /// ```
    /// use sunlit::{Catalog, PublishedTable, Severity};
    /// use sunlit::tables::{TableKind, TableReadOptions};
    /// let opts = TableReadOptions { kind: Some(TableKind::BudgetBasicEconomic), ..Default::default() };
    /// let t = PublishedTable::read_csv_str("code,name,合计\n302,商品和服务支出,3\n30201,办公费,1\n30202,咨询费,2\n", &opts)?;
    /// let f = Catalog::embedded().check_table(&t, 2024);
    /// assert_eq!(f.len(), 1);
    /// assert_eq!(f.as_slice()[0].rule, "catalogue.name_of_other_code");
    /// assert_eq!(f.as_slice()[0].severity, Severity::Warning);
    /// assert_eq!(f.as_slice()[0].printed.as_deref(), Some("咨询费"));
    /// assert!(Catalog::embedded().check_table(&t, 1990).as_slice().iter().all(|f| f.severity == Severity::Info));
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn check_table(&self, table: &PublishedTable, year: i32) -> Findings {
        let name = table.label();
        let rows = table.rows().iter().enumerate().filter_map(|(i, r)| {
            Some(Printed {
                table: name.clone(),
                code: r.code?,
                name: r.name.as_str(),
                row: i + 1,
                page: None,
            })
        });
        self.check_printed(rows, year)
    }

    fn check_printed<'a>(&self, rows: impl Iterator<Item = Printed<'a>>, year: i32) -> Findings {
        let mut findings = Findings::new();
        let mut seen: BTreeSet<(Code, String)> = BTreeSet::new();
        let mut codes: BTreeSet<Code> = BTreeSet::new();
        let mut no_catalogue: BTreeSet<Scheme> = BTreeSet::new();
        for p in rows {
            let printed = crate::tables::normalize_label(p.name);
            if !seen.insert((p.code, printed)) {
                continue;
            }
            // The code itself is judged once; each further name printed beside it is compared.
            let first = codes.insert(p.code);
            if let Some(f) = self.check_one(&p, year, first, &mut no_catalogue) {
                let f = f
                    .with_table(p.table.clone())
                    .with_code(p.code.to_string())
                    .with_printed(p.name.trim());
                findings.push(match p.page {
                    Some(page) => f.with_page(page),
                    None => f,
                });
            }
        }
        findings
    }

    fn check_one(
        &self,
        p: &Printed<'_>,
        year: i32,
        first: bool,
        no_catalogue: &mut BTreeSet<Scheme>,
    ) -> Option<Finding> {
        let (code, at) = (p.code, format!("{} row {}", p.table, p.row));
        let at_zh = format!("{}第{}行", p.table, p.row);
        if let Some(change) = self.out_of_force(code, year).filter(|_| first) {
            let (zh, en) = match change {
                Change::Retired { year: y } => (
                    format!("{at_zh}科目 {code} 已于{y}年停用，{year}年不应使用"),
                    format!("{at}: code {code} was retired in {y}, before this {year} document"),
                ),
                Change::Added { year: y } => (
                    format!("{at_zh}科目 {code} 至{y}年才设立，{year}年尚不存在"),
                    format!("{at}: code {code} was only added in {y}, after {year}"),
                ),
                _ => return None,
            };
            return Some(Finding::new(&rules::CODE_NOT_IN_FORCE, zh, en));
        }
        match self.presence(code, year) {
            Presence::Listed => {}
            _ if !first => return None,
            Presence::Absent => {
                return Some(Finding::new(
                    &rules::NOT_IN_YEAR,
                    format!(
                        "{at_zh}科目 {code} 不在{year}年{}科目表中",
                        code.scheme().name_zh()
                    ),
                    format!("{at}: code {code} does not exist in the {year} catalogue"),
                ));
            }
            Presence::NotListed => {
                return Some(Finding::new(
                    &rules::UNLISTED_CODE,
                    format!(
                        "{at_zh}科目 {code} 未收录于内置的{year}年科目表（该表不完整），未核对名称"
                    ),
                    format!(
                        "{at}: code {code} is not listed in the embedded (incomplete) {year} catalogue; its name is not checked"
                    ),
                ));
            }
            Presence::NoCatalogue => {
                return no_catalogue.insert(code.scheme()).then(|| {
                    Finding::new(
                        &rules::UNLISTED_CODE,
                        format!("没有{year}年{}科目表，未核对科目", code.scheme().name_zh()),
                        format!(
                            "no {year} catalogue of the {} scheme; codes not checked",
                            code.scheme().id()
                        ),
                    )
                });
            }
        }
        if p.name.trim().is_empty() {
            return None;
        }
        let name = p.name.trim();
        match self.match_name(code, year, name) {
            NameMatch::Exact | NameMatch::Variant | NameMatch::Unknown => None,
            NameMatch::OtherCode {
                code: other,
                expected,
            } => Some(Finding::new(
                &rules::NAME_OF_OTHER_CODE,
                format!(
                    "{at_zh}科目 {code} 印作“{name}”，这是{year}年科目 {other} 的名称；{code} 应为“{expected}”"
                ),
                format!(
                    "{at}: code {code} is printed as {name:?}, the {year} name of {other}; {code} is {expected:?}"
                ),
            )),
            NameMatch::OtherYear { year: y, expected } => Some(Finding::new(
                &rules::NAME_MISMATCH,
                format!(
                    "{at_zh}科目 {code} 印作“{name}”，为{y}年科目表的名称；{year}年为“{expected}”"
                ),
                format!(
                    "{at}: code {code} is printed as {name:?}, its name in the {y} catalogue; in {year} it is {expected:?}"
                ),
            )),
            NameMatch::Mismatch { expected } => Some(Finding::new(
                &rules::NAME_MISMATCH,
                format!("{at_zh}科目 {code} 印作“{name}”，{year}年科目表为“{expected}”"),
                format!(
                    "{at}: code {code} is printed as {name:?}; the {year} catalogue has {expected:?}"
                ),
            )),
        }
    }
}

/// The `catalogue.*` findings of a read document's tables against [`Catalog::embedded`] for the
/// document's year (none without a year), each with the page of its row.
pub(crate) fn check_document(tables: &[DocumentTable], year: Option<i32>) -> Findings {
    let Some(year) = year else {
        return Findings::new();
    };
    let rows = tables.iter().flat_map(|dt| {
        dt.table.iter().flat_map(move |t| {
            let name = t.label();
            t.rows().iter().enumerate().filter_map(move |(i, r)| {
                let src = dt.row_at.get(i).copied();
                let page = src
                    .and_then(|s| dt.source.rows.get(s))
                    .and_then(|cells| cells.iter().find_map(|c| c.at.page))
                    .or_else(|| dt.pages.first().copied());
                Some(Printed {
                    table: name.clone(),
                    code: r.code?,
                    name: r.name.as_str(),
                    row: src.map_or(i + 1, |s| s + 1),
                    page,
                })
            })
        })
    });
    Catalog::embedded().check_printed(rows, year)
}
