//! Checks of a catalogue (rules `directory.*`).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::{CatalogueEntry, DisclosureCatalogue, IndexNumber};
use crate::calendar::WorkCalendar;
use crate::disclosure::{Category, OrganLevel, proactive_deadline};
use crate::error::{Error, Result};
use crate::finding::{Finding, Findings};
use crate::rules::directory as rules;

/// What [`DisclosureCatalogue::check`] requires of a catalogue.
///
/// `required` is the set of categories that must have at least one entry dated in each checked
/// year (rule `directory.missing_category`, a warning). It is the caller's to set: art. 20 binds
/// every organ, but only to what its work produces (a department has no 重大建设项目 of its own,
/// a 机构职能 page is not re-dated every year), so [`CatalogueCheckOptions::for_level`] gives
/// defaults for a *government* of a level, which the caller narrows or widens.
///
/// ```
/// use sunlit::disclosure::{Category, OrganLevel, catalogue::CatalogueCheckOptions};
/// let o = CatalogueCheckOptions::for_level(OrganLevel::County);
/// assert!(o.required.contains(&Category::LandExpropriation));
/// assert!(!o.required.contains(&Category::MajorProjects));
/// assert_eq!(o.stale_after_days, 365);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogueCheckOptions {
    /// Categories that must have an entry in each checked year.
    pub required: Vec<Category>,
    /// The years checked for coverage; empty = every year with a dated entry that ended before
    /// `as_of` (a running year is not checked: it may still get its entries).
    pub years: Vec<i32>,
    /// The day of the check (for staleness and running years); `None` = the latest date of the
    /// catalogue.
    pub as_of: Option<NaiveDate>,
    /// Days without a new entry after which a category is stale (default 365).
    pub stale_after_days: u32,
}

impl Default for CatalogueCheckOptions {
    fn default() -> CatalogueCheckOptions {
        CatalogueCheckOptions {
            required: Vec::new(),
            years: Vec::new(),
            as_of: None,
            stale_after_days: 365,
        }
    }
}

impl CatalogueCheckOptions {
    /// Defaults for the *government* (人民政府) of a level: the art. 20 items such a government
    /// publishes every year — 规范性文件 (1), 统计信息 (4), 预决算 (7), 民生政策 (11), 突发公共事件
    /// (12); a township only 预决算 — and every art. 21 item of the level (city and county: 市政
    /// 建设, 公共服务, 公益事业, 土地征收, 房屋征收, 治安管理, 社会救助; township: 农业农村政策,
    /// 农田水利, 土地承包经营权流转, 宅基地审核, 土地征收, 房屋征收, 筹资筹劳, 社会救助).
    ///
    /// ```
    /// use sunlit::disclosure::{Category, OrganLevel, catalogue::CatalogueCheckOptions};
    /// let t = CatalogueCheckOptions::for_level(OrganLevel::Township);
    /// assert!(t.required.contains(&Category::HomesteadReview));
    /// assert!(!t.required.contains(&Category::Regulations));
    /// assert_eq!(CatalogueCheckOptions::for_level(OrganLevel::National).required.len(), 5);
    /// ```
    pub fn for_level(level: OrganLevel) -> CatalogueCheckOptions {
        use Category as C;
        let mut required = match level {
            OrganLevel::Township => vec![C::Budgets],
            _ => vec![
                C::Regulations,
                C::Statistics,
                C::Budgets,
                C::Livelihood,
                C::Emergencies,
            ],
        };
        required.extend(
            Category::ALL
                .iter()
                .filter(|c| c.local_levels().contains(&level)),
        );
        CatalogueCheckOptions {
            required,
            ..CatalogueCheckOptions::default()
        }
    }
}

/// The day the Regulations first took effect (国务院令第492号, 2007 text, art. 18: the same 20
/// working days as art. 26 of the 2019 text); an item formed before it had no such period.
const FIRST_IN_FORCE: NaiveDate = match NaiveDate::from_ymd_opt(2008, 5, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// The date an entry counts for in a year: formed, else published.
fn entry_date(e: &CatalogueEntry) -> Option<NaiveDate> {
    e.formed.or(e.published)
}

/// Where an entry is, for messages: its index number (or position) and title.
fn label(e: &CatalogueEntry, i: usize) -> String {
    if e.index.is_empty() {
        format!("#{} «{}»", i + 1, e.title)
    } else {
        format!("{} «{}»", e.index, e.title)
    }
}

/// A finding about one entry: its index number as `code`, its title as `printed`.
fn about(f: Finding, e: &CatalogueEntry) -> Finding {
    let f = f.with_printed(e.title.clone());
    if e.index.is_empty() {
        f
    } else {
        f.with_code(e.index.clone())
    }
}

/// Why an entry's timeliness cannot be checked from its dates, if it cannot: a blank date, a
/// publication before formation, a formation before the Regulations took effect. Otherwise its
/// two dates.
fn dates_to_check(e: &CatalogueEntry, i: usize) -> Result<(NaiveDate, NaiveDate), Box<Finding>> {
    let (Some(formed), Some(published)) = (e.formed, e.published) else {
        let blank = if e.formed.is_none() {
            "生成日期"
        } else {
            "发布日期"
        };
        return Err(Box::new(about(
            Finding::new(
                &rules::DATE_UNCHECKED,
                format!("{}：{blank}为空，未检查发布时效", label(e, i)),
                format!("{}: {blank} is blank; timeliness not checked", label(e, i)),
            ),
            e,
        )));
    };
    if published < formed {
        return Err(Box::new(about(
            Finding::new(
                &rules::PUBLISHED_BEFORE_FORMED,
                format!("{}：发布日期{published}早于生成日期{formed}", label(e, i)),
                format!(
                    "{}: published {published}, before it was formed on {formed}",
                    label(e, i)
                ),
            ),
            e,
        )));
    }
    if formed < FIRST_IN_FORCE {
        return Err(Box::new(about(
            Finding::new(
                &rules::DATE_UNCHECKED,
                format!(
                    "{}：生成日期{formed}早于《政府信息公开条例》施行日2008-05-01，不适用20个工作日时限",
                    label(e, i)
                ),
                format!(
                    "{}: formed {formed}, before the Regulations took effect on 2008-05-01: the 20-working-day period does not apply",
                    label(e, i)
                ),
            ),
            e,
        )));
    }
    Ok((formed, published))
}

/// Timeliness of one entry (art. 26).
fn timeliness(e: &CatalogueEntry, i: usize, cal: &WorkCalendar) -> Option<Finding> {
    let (formed, published) = match dates_to_check(e, i) {
        Ok(d) => d,
        Err(f) => return Some(*f),
    };
    let unchecked = |why: &Error| {
        about(
            Finding::new(
                &rules::DATE_UNCHECKED,
                format!("{}：工作日历未覆盖，未检查发布时效（{why}）", label(e, i)),
                format!(
                    "{}: not checked, the calendar does not cover it ({why})",
                    label(e, i)
                ),
            ),
            e,
        )
    };
    let deadline = match proactive_deadline(formed, cal) {
        Ok(d) => d,
        Err(why) => return Some(unchecked(&why)),
    };
    if published <= deadline.due {
        return None;
    }
    let taken = match cal.workdays_between(formed, published) {
        Ok(n) => n,
        Err(why) => return Some(unchecked(&why)),
    };
    let f = Finding::new(
        &rules::LATE,
        format!(
            "{}：生成日期{formed}，应于{}前公开（20个工作日），实际{published}发布，用时{taken}个工作日",
            label(e, i),
            deadline.due
        ),
        format!(
            "{}: formed {formed}, due {} (20 working days), published {published}: {taken} working days",
            label(e, i),
            deadline.due
        ),
    )
    .with_values(Decimal::from(20), Decimal::from(taken));
    Some(about(f, e))
}

/// Index-number findings: blank, bad check character, year differing from the entry's.
fn index_findings(e: &CatalogueEntry, i: usize, out: &mut Findings) -> Result<()> {
    if e.index.trim().is_empty() {
        out.push(about(
            Finding::new(
                &rules::NO_INDEX,
                format!("{}：没有索引号", label(e, i)),
                format!("{}: no index number", label(e, i)),
            ),
            e,
        ));
        return Ok(());
    }
    let n = IndexNumber::parse(&e.index).map_err(|err| err.at(i as u64 + 1, "index"))?;
    if n.check_ok == Some(false) {
        out.push(about(
            Finding::new(
                &rules::BAD_CHECK_CHARACTER,
                format!(
                    "{}：前段码{}的校验码不符合{}",
                    label(e, i),
                    n.organ,
                    standard(&n)
                ),
                format!(
                    "{}: the check character of {} is wrong ({})",
                    label(e, i),
                    n.organ,
                    standard(&n)
                ),
            ),
            e,
        ));
    }
    if let Some(d) = entry_date(e).filter(|d| d.year() != n.year) {
        out.push(about(
            Finding::new(
                &rules::INDEX_YEAR_MISMATCH,
                format!("{}：索引号年份{}与日期{d}的年份不同", label(e, i), n.year),
                format!(
                    "{}: index year {} differs from the entry's date {d}",
                    label(e, i),
                    n.year
                ),
            ),
            e,
        ));
    }
    Ok(())
}

/// The standard a front part's check character follows.
fn standard(n: &IndexNumber) -> &'static str {
    match n.kind {
        super::IndexKind::CreditCode => "GB 32100—2015",
        _ => "GB 11714—1997",
    }
}

/// Duplicate index numbers: one finding per repeated number, naming every position.
fn duplicates(c: &DisclosureCatalogue, out: &mut Findings) {
    let mut seen: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, e) in c.entries.iter().enumerate() {
        let t = e.index.trim();
        if !t.is_empty() {
            seen.entry(t).or_default().push(i + 1);
        }
    }
    for (index, at) in seen.into_iter().filter(|(_, at)| at.len() > 1) {
        let list = at
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        out.push(
            Finding::new(
                &rules::DUPLICATE_INDEX,
                format!("索引号{index}重复：第{list}条"),
                format!("index number {index} is carried by entries {list}"),
            )
            .with_code(index),
        );
    }
}

/// The years whose coverage is checked: those given, else every year with a dated entry that
/// ended before `as_of`.
fn coverage_years(
    c: &DisclosureCatalogue,
    opts: &CatalogueCheckOptions,
    as_of: NaiveDate,
) -> Vec<i32> {
    if !opts.years.is_empty() {
        return opts.years.clone();
    }
    let years: BTreeSet<i32> = c
        .entries
        .iter()
        .filter_map(entry_date)
        .map(|d| d.year())
        .filter(|y| NaiveDate::from_ymd_opt(*y, 12, 31).is_some_and(|end| end < as_of))
        .collect();
    years.into_iter().collect()
}

/// Required categories without an entry in a checked year, and categories gone stale.
fn coverage(
    c: &DisclosureCatalogue,
    opts: &CatalogueCheckOptions,
    as_of: NaiveDate,
    out: &mut Findings,
) {
    let mut by_category: BTreeMap<Category, (BTreeSet<i32>, NaiveDate)> = BTreeMap::new();
    for e in &c.entries {
        if let Some(d) = entry_date(e) {
            let slot = by_category
                .entry(e.category)
                .or_insert((BTreeSet::new(), d));
            slot.0.insert(d.year());
            slot.1 = slot.1.max(e.published.unwrap_or(d).max(d));
        }
    }
    let organ = c.organ.as_deref().unwrap_or("本目录");
    for year in coverage_years(c, opts, as_of) {
        for cat in &opts.required {
            if by_category
                .get(cat)
                .is_some_and(|(years, _)| years.contains(&year))
            {
                continue;
            }
            out.push(
                Finding::new(
                    &rules::MISSING_CATEGORY,
                    format!(
                        "{organ}{year}年没有“{}”（{}）类的条目",
                        cat.name_zh(),
                        cat.article().unwrap_or("")
                    ),
                    format!(
                        "{organ}: no entry of category {} ({}) dated in {year}",
                        cat.id(),
                        cat.article().unwrap_or("")
                    ),
                )
                .with_code(cat.id()),
            );
        }
    }
    for (cat, (_, latest)) in by_category.iter().filter(|(c, _)| **c != Category::Other) {
        let days = (as_of - *latest).num_days();
        if days > i64::from(opts.stale_after_days) {
            out.push(
                Finding::new(
                    &rules::STALE_CATEGORY,
                    format!(
                        "“{}”类最近一条为{latest}，至{as_of}已{days}天未更新",
                        cat.name_zh()
                    ),
                    format!(
                        "category {}: latest entry {latest}, {days} days before {as_of}",
                        cat.id()
                    ),
                )
                .with_code(cat.id())
                .with_values(Decimal::from(opts.stale_after_days), Decimal::from(days)),
            );
        }
    }
}

impl DisclosureCatalogue {
    /// Check the catalogue (rules `directory.*`): each entry's timeliness — published within 20
    /// working days of the date printed as formed (art. 26) on `cal`, a blank date an info, never
    /// guessed; index numbers (none, a wrong check character, duplicates, a year other than the
    /// entry's); the categories of `opts.required` with no entry dated in a checked year; categories
    /// with nothing new for more than `opts.stale_after_days`; and, in one info, how many entries
    /// could not be categorised. An index number that does not parse is an [`Error::Input`]
    /// naming the entry (1-based) and the column `index` (the readers refuse such files already).
    ///
    /// ```
    /// use sunlit::{Error, WorkCalendar, disclosure::{OrganLevel, catalogue::*}};
    /// let c = DisclosureCatalogue::read_csv_str("索引号,标题,生成日期,发布日期\n\
    ///     6107280000/2024-000001,2024年部门预算,2024-01-26,2024-02-29\n")?;
    /// let opts = CatalogueCheckOptions { years: vec![2024], ..CatalogueCheckOptions::for_level(OrganLevel::County) };
    /// let findings = c.check(&opts, &WorkCalendar::china())?;
    /// let late = findings.iter().find(|f| f.rule == "directory.late").unwrap();
    /// assert!(late.message_en.contains("due 2024-02-28"));
    /// assert!(findings.iter().any(|f| f.rule == "directory.missing_category" && f.code.as_deref() == Some("social_assistance")));
    /// let mut bad = c.clone();
    /// bad.entries[0].index = "x".into();
    /// assert!(matches!(bad.check(&opts, &WorkCalendar::china()), Err(Error::Input { line: 1, .. })));
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn check(&self, opts: &CatalogueCheckOptions, cal: &WorkCalendar) -> Result<Findings> {
        let mut out = Findings::new();
        for (i, e) in self.entries.iter().enumerate() {
            index_findings(e, i, &mut out)?;
            if let Some(f) = timeliness(e, i, cal) {
                out.push(f);
            }
        }
        duplicates(self, &mut out);
        let latest = self
            .entries
            .iter()
            .flat_map(|e| [e.formed, e.published])
            .flatten()
            .max();
        if let Some(as_of) = opts.as_of.or(latest) {
            coverage(self, opts, as_of, &mut out);
        }
        let other = self
            .entries
            .iter()
            .filter(|e| e.category == Category::Other)
            .count();
        if other > 0 {
            out.push(Finding::new(
                &rules::UNCATEGORISED,
                format!("{other}/{}条目无法从主题分类或标题归入条例第二十、二十一条的类别", self.len()),
                format!("{other} of {} entries could not be categorised from their subject or title", self.len()),
            ).with_values(Decimal::from(self.len()), Decimal::from(other)));
        }
        Ok(out)
    }
}
