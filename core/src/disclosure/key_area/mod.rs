//! Key-area disclosure checklists (重点领域信息公开): for each area State Council documents name
//! (预决算, 公共资源配置, 重大建设项目, 社会公益事业, 社会救助 …), the items that must be published,
//! by which organs, within what period, citing the document — as data, not code.
//!
//! A [`Checklist`] is JSON (format in `docs/key-areas.md`); the national one is embedded
//! ([`Checklist::embedded`], `core/data/key_areas/national.json`, every item with the URL its
//! citation was checked against and `verified: false` where the period could not be), and a
//! province loads its own with [`Checklist::from_json`] / [`Checklist::from_path`].
//! [`Checklist::check`] reads a catalogue (and published facts, e.g. from an OCDS release,
//! [`ocds`]) for one organ and year and reports what is missing or late (`key_area.*`).
//!
//! ```
//! use chrono::NaiveDate;
//! use sunlit::WorkCalendar;
//! use sunlit::disclosure::{CatalogueEntry, OrganLevel};
//! use sunlit::disclosure::key_area::{Checklist, Organ, OrganKind};
//! let list = Checklist::embedded();
//! assert!(list.areas.len() >= 8);
//! let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day);
//! let entries = vec![CatalogueEntry {
//!     title: "某县2024年政府预算公开".into(),
//!     formed: d(1, 10), published: d(2, 20), ..Default::default()
//! }];
//! let organ = Organ { name: "某县人民政府".into(), level: OrganLevel::County, kind: OrganKind::Government };
//! let report = list.check(&entries, &[], &organ, 2024, &WorkCalendar::china());
//! assert!(report.findings.iter().any(|f| f.rule == "key_area.late"
//!     && f.code.as_deref() == Some("budget.government_budget")));
//! ```

pub mod ocds;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{CatalogueEntry, Category, OrganLevel};
use crate::calendar::WorkCalendar;
use crate::error::{Error, Result};
use crate::finding::Finding;
use crate::rules::key_area as rules;

mod check;
mod load;

pub use check::{ItemState, ItemStatus, KeyAreaReport};
pub use load::{entries_from_json, facts_from_json, facts_to_json};

pub use crate::disclosure::OrganKind;

/// The organ whose catalogue is checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Organ {
    /// Its name, e.g. `某县人民政府`.
    pub name: String,
    /// Its level.
    pub level: OrganLevel,
    /// Its kind.
    pub kind: OrganKind,
}

/// A checklist: areas and their items, versioned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    /// Always `sunlit.key_areas`.
    pub format: String,
    /// The checklist's id, e.g. `national`.
    pub id: String,
    /// Its version (a date, `2026-12-05`), to cite in a report.
    pub version: String,
    /// Its title.
    pub title: String,
    /// The areas.
    pub areas: Vec<Area>,
}

/// One key area (重点领域) with its items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// A stable id, e.g. `budget`.
    pub id: String,
    /// The Chinese name, e.g. `预决算`.
    pub name: String,
    /// The document(s) that make it a key area.
    #[serde(default)]
    pub basis: Vec<Citation>,
    /// The items.
    pub items: Vec<Item>,
}

/// One item of an area: what must be published, by whom, when, under which document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// A stable id, `area.item`, e.g. `budget.government_budget`.
    pub id: String,
    /// Its name, e.g. `本级政府预算`.
    pub name: String,
    /// What must be published.
    pub publish: String,
    /// The organ levels bound; empty = every level.
    #[serde(default)]
    pub levels: Vec<OrganLevel>,
    /// The organ kinds bound; empty = every kind. A finance department is also a department.
    #[serde(default)]
    pub kinds: Vec<OrganKind>,
    /// The period; `None` when the documents set none beyond "timely" (presence is checked).
    #[serde(default)]
    pub period: Option<Period>,
    /// The document, article and paragraph.
    pub citation: Citation,
    /// The art. 20/21 category an entry of this item falls under, if one (an entry of another
    /// category, other than `other`, does not match).
    #[serde(default)]
    pub category: Option<Category>,
    /// Words a title (or summary) must contain to match this item.
    pub keywords: Keywords,
    /// Whether the period (and citation) was checked against a published source.
    pub verified: bool,
    /// The URL(s) the citation was checked against.
    #[serde(default)]
    pub sources: Vec<String>,
    /// What was and was not verified, and anything else to know.
    #[serde(default)]
    pub note: Option<String>,
}

/// A document cited: its number, title and the article/paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// 文号 or the instrument's name, e.g. `财预〔2016〕143号`.
    pub document: String,
    /// The title, e.g. `地方预决算公开操作规程`.
    #[serde(default)]
    pub title: String,
    /// The article/paragraph, when known.
    #[serde(default)]
    pub article: Option<String>,
}

impl Citation {
    /// The citation as one line: `财预〔2016〕143号《地方预决算公开操作规程》 art. …`.
    ///
    /// ```
    /// use sunlit::disclosure::key_area::Citation;
    /// let c = Citation { document: "国办发〔2017〕97号".into(), title: "关于推进公共资源配置领域政府信息公开的意见".into(), article: None };
    /// assert_eq!(c.text(), "国办发〔2017〕97号《关于推进公共资源配置领域政府信息公开的意见》");
    /// ```
    pub fn text(&self) -> String {
        let mut s = self.document.clone();
        if !self.title.is_empty() {
            s.push_str(&format!("《{}》", self.title));
        }
        if let Some(a) = &self.article {
            s.push(' ');
            s.push_str(a);
        }
        s
    }
}

/// The words an entry must contain to match an item: every word of `all`, at least one of
/// `any` (when given), none of `none`. Read in the title, summary and topic.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Keywords {
    /// Every one must occur.
    #[serde(default)]
    pub all: Vec<String>,
    /// At least one must occur (ignored when empty).
    #[serde(default)]
    pub any: Vec<String>,
    /// None may occur.
    #[serde(default)]
    pub none: Vec<String>,
}

impl Keywords {
    /// Whether `text` matches.
    ///
    /// ```
    /// use sunlit::disclosure::key_area::Keywords;
    /// let k = Keywords { all: vec!["预算".into()], any: vec!["政府".into(), "县".into()], none: vec!["部门".into()] };
    /// assert!(k.matches("某县2024年预算"));
    /// assert!(!k.matches("某县财政局2024年部门预算"));
    /// ```
    pub fn matches(&self, text: &str) -> bool {
        self.all.iter().all(|w| text.contains(w.as_str()))
            && (self.any.is_empty() || self.any.iter().any(|w| text.contains(w.as_str())))
            && !self.none.iter().any(|w| text.contains(w.as_str()))
    }
}

/// The period within which an item must be published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Period {
    /// N working days after the item was formed, changed or decided (the day itself not
    /// counted), on the working-day calendar.
    WorkingDays {
        /// N.
        days: u32,
        /// What starts the period, as the document says (`形成或者变更`, `作出决定`).
        after: String,
    },
    /// N calendar days (日) after approval or formation.
    CalendarDays {
        /// N.
        days: u32,
        /// What starts the period (`人大批准`, `财政部门批复`).
        after: String,
    },
    /// By a fixed date: `month`-`day` of the year after the item's year plus `year_offset`
    /// (0: the same year, 1: the next).
    FixedDate {
        /// Month, 1–12.
        month: u32,
        /// Day of month.
        day: u32,
        /// Years after the checked year.
        year_offset: i32,
    },
    /// At least once in each quarter of the year.
    Quarterly,
}

impl Period {
    /// The last day to publish an item formed on `formed` in `year`; `None` for
    /// [`Period::Quarterly`] (checked per quarter). An error when the working-day calendar
    /// does not cover the dates, or a fixed date does not exist.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sunlit::WorkCalendar;
    /// use sunlit::disclosure::key_area::Period;
    /// let cal = WorkCalendar::china();
    /// let p = Period::CalendarDays { days: 20, after: "人大批准".into() };
    /// let d = NaiveDate::from_ymd_opt(2024, 1, 20).unwrap();
    /// assert_eq!(p.due(Some(d), 2024, &cal)?, Some(NaiveDate::from_ymd_opt(2024, 2, 9).unwrap()));
    /// let w = Period::WorkingDays { days: 20, after: "形成".into() };
    /// assert!(w.due(NaiveDate::from_ymd_opt(2005, 1, 4), 2005, &cal).is_err());
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn due(
        &self,
        formed: Option<NaiveDate>,
        year: i32,
        cal: &WorkCalendar,
    ) -> Result<Option<NaiveDate>> {
        match self {
            Period::WorkingDays { days, .. } => formed
                .map(|f| cal.add_workdays(f, i64::from(*days)))
                .transpose(),
            Period::CalendarDays { days, .. } => {
                Ok(formed.and_then(|f| f.checked_add_days(chrono::Days::new(u64::from(*days)))))
            }
            Period::FixedDate {
                month,
                day,
                year_offset,
            } => NaiveDate::from_ymd_opt(year.saturating_add(*year_offset), *month, *day)
                .map(Some)
                .ok_or_else(|| {
                    Error::value("period", &format!("{month}-{day}"), "not a date".to_owned())
                }),
            Period::Quarterly => Ok(None),
        }
    }

    /// The period in words, Chinese and English.
    ///
    /// ```
    /// use sunlit::disclosure::key_area::Period;
    /// let p = Period::WorkingDays { days: 20, after: "形成或者变更".into() };
    /// assert_eq!(p.describe().0, "形成或者变更之日起20个工作日内");
    /// ```
    pub fn describe(&self) -> (String, String) {
        match self {
            Period::WorkingDays { days, after } => (
                format!("{after}之日起{days}个工作日内"),
                format!("within {days} working days after {after}"),
            ),
            Period::CalendarDays { days, after } => (
                format!("{after}后{days}日内"),
                format!("within {days} days after {after}"),
            ),
            Period::FixedDate {
                month,
                day,
                year_offset,
            } => match year_offset {
                0 => (
                    format!("当年{month}月{day}日前"),
                    format!("by {month:02}-{day:02} of the year"),
                ),
                n => (
                    format!("{n}年后的{month}月{day}日前"),
                    format!("by {month:02}-{day:02}, {n} year(s) later"),
                ),
            },
            Period::Quarterly => ("每季度".to_owned(), "every quarter".to_owned()),
        }
    }
}

/// A fact published outside the catalogue (a procurement notice read from an OCDS release, a
/// page of a project platform): matched to an item by `item` when given, else by its title.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PublishedFact {
    /// The checklist item it belongs to (`public_resources.procurement_award`), if known.
    #[serde(default)]
    pub item: Option<String>,
    /// A title.
    pub title: String,
    /// The day the fact was formed (decided, signed, approved).
    #[serde(default)]
    pub formed: Option<NaiveDate>,
    /// The day it was published.
    #[serde(default)]
    pub published: Option<NaiveDate>,
    /// An amount, exact, if the fact has one.
    #[serde(default)]
    pub amount: Option<Decimal>,
    /// The amount's currency (ISO 4217), if given.
    #[serde(default)]
    pub currency: Option<String>,
    /// Where it was read from.
    #[serde(default)]
    pub source: Option<String>,
}

impl Item {
    /// Whether the item binds `organ`.
    ///
    /// ```
    /// use sunlit::disclosure::OrganLevel;
    /// use sunlit::disclosure::key_area::{Checklist, Organ, OrganKind};
    /// let list = Checklist::embedded();
    /// let item = list.item("budget.department_budget").unwrap();
    /// let dept = Organ { name: "某县财政局".into(), level: OrganLevel::County, kind: OrganKind::Finance };
    /// assert!(item.binds(&dept));
    /// ```
    pub fn binds(&self, organ: &Organ) -> bool {
        let level = self.levels.is_empty() || self.levels.contains(&organ.level);
        let kind = self.kinds.is_empty()
            || self.kinds.contains(&organ.kind)
            || (organ.kind == OrganKind::Finance && self.kinds.contains(&OrganKind::Department));
        level && kind
    }
}

impl Checklist {
    /// The item with this id, if any.
    ///
    /// ```
    /// let list = sunlit::disclosure::key_area::Checklist::embedded();
    /// assert!(list.item("budget.government_budget").is_some());
    /// assert!(list.item("no.such").is_none());
    /// ```
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.areas
            .iter()
            .flat_map(|a| a.items.iter())
            .find(|i| i.id == id)
    }

    /// Check a catalogue and published facts of `organ` for `year` against the checklist:
    /// every item that binds the organ is matched (facts by their `item`, entries and facts by
    /// keywords), then missing, late, ambiguous and unverified items are reported. Entries
    /// count for the year they were formed in (or published in, when the formation date is
    /// blank).
    ///
    /// ```
    /// use sunlit::WorkCalendar;
    /// use sunlit::disclosure::OrganLevel;
    /// use sunlit::disclosure::key_area::{Checklist, Organ, OrganKind, ItemState};
    /// let organ = Organ { name: "某县人民政府".into(), level: OrganLevel::County, kind: OrganKind::Government };
    /// let report = Checklist::embedded().check(&[], &[], &organ, 2024, &WorkCalendar::china());
    /// assert!(report.items.iter().all(|i| i.state == ItemState::Missing));
    /// assert!(report.findings.iter().all(|f| f.rule == "key_area.missing"));
    /// ```
    pub fn check(
        &self,
        entries: &[CatalogueEntry],
        facts: &[PublishedFact],
        organ: &Organ,
        year: i32,
        cal: &WorkCalendar,
    ) -> KeyAreaReport {
        check::run(self, entries, facts, organ, year, cal)
    }
}

fn year_of(formed: Option<NaiveDate>, published: Option<NaiveDate>) -> Option<i32> {
    formed.or(published).map(|d| d.year())
}

fn finding(rule: &'static crate::rules::Rule, item: &Item, zh: String, en: String) -> Finding {
    Finding::new(rule, zh, en)
        .with_code(item.id.clone())
        .with_table(item.citation.text())
}
