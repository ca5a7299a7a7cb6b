//! Disclosure duties of a power list: what must be published, and by when.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::PowerCategory;
use super::diff::ChangeRecord;
use super::list::PowerList;
use crate::calendar::WorkCalendar;
use crate::disclosure::{Deadline, PublicityKind, proactive_deadline, publicity_deadline};
use crate::error::{Error, Result};
use crate::vocab::vocabulary;

/// 双公示: licensing and penalty decisions online within 7 working days of the decision.
const PUBLICITY_SOURCE: &str = "国办发〔2015〕51号 (十八)";
/// The working days of [`PUBLICITY_SOURCE`].
const PUBLICITY_WORKDAYS: u32 = 7;
/// Information formed or changed is disclosed within 20 working days (政府信息公开条例 2019
/// art. 26), unless a law or regulation sets another period.
const PROACTIVE_WORKDAYS: u32 = 20;

vocabulary! {
    /// A duty to disclose that follows from a power list (disclosure.md §1.4, §3, §4.5).
    pub enum DutyKind("duty_kind") {
        /// 政府信息公开条例 2019 art. 20(5): the basis, conditions, procedure and results of
        /// licensing and other external management and service items — for every item that is
        /// not a penalty or coercive measure (our reading of 其他对外管理服务事项).
        ServiceRules = "service_rules", "行政许可和其他对外管理服务事项公开" | "第二十条第（五）项";
        /// 政府信息公开条例 2019 art. 20(6): the basis, conditions and procedure of penalties and
        /// coercive measures.
        EnforcementRules = "enforcement_rules", "行政处罚、行政强制事项公开" | "第二十条第（六）项";
        /// 双公示: each licensing or penalty decision under the item online within 7 working
        /// days of the decision (国办发〔2015〕51号 item (十八)).
        DecisionPublicity = "decision_publicity", "双公示";
        /// A change of the list (新增, 取消, 下放, 合并, 分设, 变更) published within the period
        /// the caller sets: 20 working days by default (art. 26), or a local rule's period,
        /// cited from [`DutyOptions::change_basis`].
        ListChange = "list_change", "清单调整公开";
    }
}

/// Options of [`PowerList::disclosure_duties`].
///
/// ```
/// let o = sunlit::power::DutyOptions::default();
/// assert_eq!((o.change_workdays, o.changes.len(), o.change_basis), (20, 0, None));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DutyOptions {
    /// Working days within which a change of the list must be published. Default 20: changed
    /// information is disclosed within 20 working days (政府信息公开条例 2019 art. 26); local
    /// rules may set less (a city rule sends approved lists to publication within 3 working
    /// days, disclosure.md §4.5).
    pub change_workdays: u32,
    /// The source of `change_workdays` (a local rule, a document number), cited by each
    /// list-change duty. Art. 26 is cited only for a period of 20 working days; another period
    /// without a source is cited as [`DutyOptions::CALLER_PERIOD`].
    pub change_basis: Option<String>,
    /// The changes of this version to publish, e.g. `ChangeLog::from_changes(&PowerList::diff(
    /// &old, &new), …).records` or a published change log. A record's effective date starts its
    /// period; without one, the list's.
    pub changes: Vec<ChangeRecord>,
}

impl DutyOptions {
    /// How a list-change duty cites a period other than art. 26's 20 working days when the
    /// caller names no source ([`DutyOptions::change_basis`]).
    pub const CALLER_PERIOD: &'static str = "period set by the caller";
}

impl Default for DutyOptions {
    fn default() -> DutyOptions {
        DutyOptions {
            change_workdays: PROACTIVE_WORKDAYS,
            change_basis: None,
            changes: Vec::new(),
        }
    }
}

/// One duty to disclose: which kind, for which item, what, under which articles, within how
/// many working days, from when and by when.
///
/// For [`DutyKind::DecisionPublicity`] the period runs from each decision: `start` and `due`
/// are empty and [`DisclosureDuty::decision_deadline`] gives the deadline of one decision.
/// For the other kinds `start` is the list's (or the change's) effective date and `due` the
/// last day, when that date is known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct DisclosureDuty {
    /// The kind of duty.
    pub kind: DutyKind,
    /// The item's code (or the changed item's).
    pub code: Option<String>,
    /// The item's name.
    pub name: String,
    /// The item's category (none for a list change).
    pub category: Option<PowerCategory>,
    /// What must be disclosed, in the words of the source.
    pub what: String,
    /// The articles and documents that set the duty.
    pub articles: Vec<String>,
    /// The period in working days.
    pub workdays: u32,
    /// The day the period starts from (not counted), if known.
    pub start: Option<NaiveDate>,
    /// The last day on which the duty is met, if known.
    pub due: Option<NaiveDate>,
}

impl DisclosureDuty {
    /// The deadline of one decision made on `decided` under a 双公示 duty: online within 7
    /// working days (国办发〔2015〕51号 (十八)). Any other kind of duty is an
    /// [`Error::Field`]; a date the calendar does not cover is an error of the calendar.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sunlit::{PowerList, WorkCalendar, power::{DutyKind, DutyOptions}};
    /// let cal = WorkCalendar::china();
    /// let list = PowerList::read_csv_str("权力分类,事项名称\n行政处罚,对超限运输的处罚\n")?;
    /// let duties = list.disclosure_duties(&DutyOptions::default(), &cal)?;
    /// let publicity = duties.iter().find(|d| d.kind == DutyKind::DecisionPublicity).unwrap();
    /// // Decided on Friday 2025-01-24: 01-26 (a make-up Sunday) and 01-27 work, 01-28…02-04 off.
    /// let d = publicity.decision_deadline(NaiveDate::from_ymd_opt(2025, 1, 24).unwrap(), &cal)?;
    /// assert_eq!(d.due, NaiveDate::from_ymd_opt(2025, 2, 10).unwrap());
    /// assert!(duties[0].decision_deadline(NaiveDate::from_ymd_opt(2025, 1, 24).unwrap(), &cal).is_err());
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn decision_deadline(&self, decided: NaiveDate, cal: &WorkCalendar) -> Result<Deadline> {
        let kind = match (self.kind, self.category) {
            (DutyKind::DecisionPublicity, Some(PowerCategory::Penalty)) => PublicityKind::Penalty,
            (DutyKind::DecisionPublicity, _) => PublicityKind::Licensing,
            (other, _) => {
                return Err(Error::value(
                    "duty_kind",
                    other.id(),
                    "only 双公示 (decision_publicity) duties run from each decision",
                ));
            }
        };
        publicity_deadline(kind, decided, cal)
    }
}

impl PowerList {
    /// What this list obliges its organ to disclose, and by when: for each item, the basis,
    /// conditions and procedure under 政府信息公开条例 2019 art. 20(5) (licensing and other
    /// external services) or art. 20(6) (penalties, coercive measures), within 20 working days
    /// of the list's effective date (art. 26); for each licensing or penalty item, 双公示 of
    /// every decision within 7 working days (国办发〔2015〕51号 (十八)); for each change in
    /// `opts.changes`, its publication within `opts.change_workdays` working days of its
    /// effective date, citing art. 26 when that is 20 working days (and `opts.change_basis`
    /// beside it when given), else `opts.change_basis` or [`DutyOptions::CALLER_PERIOD`]. Items in list
    /// order (each item's duties together), then the changes. Dates come from `cal`; a date it
    /// does not cover is an error.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sunlit::{PowerList, WorkCalendar, power::{DutyKind, DutyOptions}};
    /// let mut list = PowerList::read_csv_str("权力分类,事项名称,编码\n行政许可,公路施工许可,XK001\n")?;
    /// list.effective = NaiveDate::from_ymd_opt(2025, 1, 1);
    /// let duties = list.disclosure_duties(&DutyOptions::default(), &WorkCalendar::china())?;
    /// let kinds: Vec<_> = duties.iter().map(|d| d.kind).collect();
    /// assert_eq!(kinds, [DutyKind::ServiceRules, DutyKind::DecisionPublicity]);
    /// // 20 working days after 2025-01-01, across the Spring Festival break.
    /// assert_eq!(duties[0].due, NaiveDate::from_ymd_opt(2025, 2, 5));
    ///
    /// // A change published within a local rule's 3 working days cites that rule, not art. 26.
    /// let change = sunlit::power::ChangeRecord { kind: sunlit::power::PowerChangeKind::Added, code: Some("XK001".into()),
    ///     name: "公路施工许可".into(), document: None, effective: None, remarks: None };
    /// let opts = DutyOptions { change_workdays: 3, changes: vec![change], ..DutyOptions::default() };
    /// let duties = list.disclosure_duties(&opts, &WorkCalendar::china())?;
    /// assert_eq!(duties[2].articles, [DutyOptions::CALLER_PERIOD]);
    /// assert_eq!(duties[2].due, NaiveDate::from_ymd_opt(2025, 1, 6));
    /// list.effective = NaiveDate::from_ymd_opt(1999, 1, 1);
    /// assert!(list.disclosure_duties(&DutyOptions::default(), &WorkCalendar::china()).is_err());
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn disclosure_duties(
        &self,
        opts: &DutyOptions,
        cal: &WorkCalendar,
    ) -> Result<Vec<DisclosureDuty>> {
        let proactive = self
            .effective
            .map(|d| proactive_deadline(d, cal))
            .transpose()?;
        let mut duties = Vec::new();
        for item in &self.items {
            let (kind, article, what) = match item.category {
                PowerCategory::Penalty | PowerCategory::Coercion => (
                    DutyKind::EnforcementRules,
                    "art. 20(6)",
                    "实施行政处罚、行政强制的依据、条件、程序",
                ),
                _ => (
                    DutyKind::ServiceRules,
                    "art. 20(5)",
                    "办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果",
                ),
            };
            let mut articles = vec![article.to_owned()];
            articles.extend(proactive.iter().flat_map(|d| d.articles.iter().cloned()));
            if proactive.is_none() {
                articles.push("art. 26".to_owned());
            }
            duties.push(DisclosureDuty {
                kind,
                code: item.code().map(str::to_owned),
                name: item.name.clone(),
                category: Some(item.category),
                what: what.to_owned(),
                articles,
                workdays: PROACTIVE_WORKDAYS,
                start: self.effective,
                due: proactive.as_ref().map(|d| d.due),
            });
            let decision = match item.category {
                PowerCategory::Licensing => "行政许可决定",
                PowerCategory::Penalty => "行政处罚决定",
                _ => continue,
            };
            duties.push(DisclosureDuty {
                kind: DutyKind::DecisionPublicity,
                code: item.code().map(str::to_owned),
                name: item.name.clone(),
                category: Some(item.category),
                what: format!("每一项{decision}，自作出行政决定之日起7个工作日内上网公开"),
                articles: vec![PUBLICITY_SOURCE.to_owned()],
                workdays: PUBLICITY_WORKDAYS,
                start: None,
                due: None,
            });
        }
        let mut change_articles = Vec::new();
        if opts.change_workdays == PROACTIVE_WORKDAYS {
            change_articles.push("art. 26".to_owned());
        }
        match opts.change_basis.as_deref().map(str::trim) {
            Some(basis) if !basis.is_empty() => change_articles.push(basis.to_owned()),
            _ if change_articles.is_empty() => {
                change_articles.push(DutyOptions::CALLER_PERIOD.to_owned())
            }
            _ => {}
        }
        for change in &opts.changes {
            let start = change.effective.or(self.effective);
            let due = start
                .map(|s| cal.add_workdays(s, i64::from(opts.change_workdays)))
                .transpose()?;
            duties.push(DisclosureDuty {
                kind: DutyKind::ListChange,
                code: change.code.clone(),
                name: change.name.clone(),
                category: None,
                what: format!("权责清单调整（{}）：{}", change.kind.name_zh(), change.name),
                articles: change_articles.clone(),
                workdays: opts.change_workdays,
                start,
                due,
            });
        }
        Ok(duties)
    }
}
