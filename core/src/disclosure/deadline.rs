//! Publication deadlines in working days: proactive disclosure, 双公示, withdrawal.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{DeadlineKind, PublicityKind, rules};
use crate::calendar::WorkCalendar;
use crate::error::{Error, Result};
use crate::finding::Finding;
use crate::rules::Rule;

/// A publication deadline: `workdays` working days after `start` (the start day not counted,
/// 民法典 art. 201), due on `due`, with the articles that set it.
///
/// ```
/// use sunlit::{WorkCalendar, disclosure::{DeadlineKind, proactive_deadline}};
/// use chrono::NaiveDate;
/// let d = proactive_deadline(NaiveDate::from_ymd_opt(2024, 1, 26).unwrap(), &WorkCalendar::china())?;
/// assert_eq!(d.kind, DeadlineKind::Proactive);
/// assert_eq!(d.due, NaiveDate::from_ymd_opt(2024, 2, 28).unwrap()); // across Spring Festival
/// # Ok::<(), sunlit::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Deadline {
    /// Which duty.
    pub kind: DeadlineKind,
    /// The day the period starts from (not counted).
    pub start: NaiveDate,
    /// Length of the period in working days.
    pub workdays: u32,
    /// The last day on which the duty is met.
    pub due: NaiveDate,
    /// The articles that set the period.
    pub articles: Vec<String>,
}

fn deadline(
    kind: DeadlineKind,
    start: NaiveDate,
    workdays: u32,
    articles: &[&str],
    cal: &WorkCalendar,
) -> Result<Deadline> {
    Ok(Deadline {
        kind,
        start,
        workdays,
        due: cal.add_workdays(start, i64::from(workdays))?,
        articles: articles.iter().map(|a| (*a).to_owned()).collect(),
    })
}

/// The deadline to proactively disclose information formed or changed on `formed`: within 20
/// working days (政府信息公开条例 2019 art. 26, unless a law or regulation sets another period).
///
/// ```
/// use sunlit::{WorkCalendar, disclosure::proactive_deadline};
/// use chrono::NaiveDate;
/// let cal = WorkCalendar::china();
/// let d = proactive_deadline(NaiveDate::from_ymd_opt(2024, 9, 20).unwrap(), &cal)?;
/// assert_eq!((d.workdays, d.due), (20, NaiveDate::from_ymd_opt(2024, 10, 23).unwrap()));
/// assert_eq!(d.articles, ["art. 26"]);
/// assert!(proactive_deadline(NaiveDate::from_ymd_opt(2026, 12, 10).unwrap(), &cal).is_err());
/// # Ok::<(), sunlit::Error>(())
/// ```
pub fn proactive_deadline(formed: NaiveDate, cal: &WorkCalendar) -> Result<Deadline> {
    deadline(DeadlineKind::Proactive, formed, 20, &["art. 26"], cal)
}

/// The 双公示 deadline: a licensing or penalty decision made on `decided` must be online within
/// 7 working days of the decision (自作出行政决定之日起7个工作日内上网公开, 国办发〔2015〕51号, item
/// (十八)), unless laws or regulations provide otherwise.
///
/// ```
/// use sunlit::{WorkCalendar, disclosure::{PublicityKind, publicity_deadline}};
/// use chrono::NaiveDate;
/// let cal = WorkCalendar::china();
/// let d = publicity_deadline(PublicityKind::Penalty, NaiveDate::from_ymd_opt(2024, 9, 27).unwrap(), &cal)?;
/// assert_eq!(d.due, NaiveDate::from_ymd_opt(2024, 10, 12).unwrap()); // 09-29 and 10-12 worked, 10-01…07 off
/// assert!(publicity_deadline(PublicityKind::Licensing, NaiveDate::from_ymd_opt(2005, 1, 4).unwrap(), &cal).is_err());
/// # Ok::<(), sunlit::Error>(())
/// ```
pub fn publicity_deadline(
    kind: PublicityKind,
    decided: NaiveDate,
    cal: &WorkCalendar,
) -> Result<Deadline> {
    let _ = kind; // both kinds share the period; the kind documents the caller's intent
    deadline(
        DeadlineKind::Publicity,
        decided,
        7,
        &["国办发〔2015〕51号 (十八)"],
        cal,
    )
}

/// The deadline to withdraw a published penalty decision that was changed, revoked, found
/// unlawful or void on `changed`: within three days (行政处罚法 2021 art. 48), which are working
/// days (art. 85: the law's periods of 二日、三日、五日、七日 are working days).
///
/// ```
/// use sunlit::{WorkCalendar, disclosure::withdrawal_deadline};
/// use chrono::NaiveDate;
/// let cal = WorkCalendar::china();
/// let d = withdrawal_deadline(NaiveDate::from_ymd_opt(2024, 2, 8).unwrap(), &cal)?;
/// assert_eq!(d.due, NaiveDate::from_ymd_opt(2024, 2, 19).unwrap()); // 02-10…17 off, 02-18 worked
/// assert!(withdrawal_deadline(NaiveDate::from_ymd_opt(2026, 12, 30).unwrap(), &cal).is_err());
/// # Ok::<(), sunlit::Error>(())
/// ```
pub fn withdrawal_deadline(changed: NaiveDate, cal: &WorkCalendar) -> Result<Deadline> {
    deadline(
        DeadlineKind::Withdrawal,
        changed,
        3,
        &["行政处罚法 2021 art. 48", "行政处罚法 2021 art. 85"],
        cal,
    )
}

impl Deadline {
    /// The rule a missed deadline of this kind is reported under.
    ///
    /// ```
    /// use sunlit::{WorkCalendar, disclosure::proactive_deadline, rules};
    /// let d = proactive_deadline(chrono::NaiveDate::from_ymd_opt(2024, 5, 6).unwrap(), &WorkCalendar::china())?;
    /// assert_eq!(d.rule(), &rules::disclosure::PROACTIVE_LATE);
    /// assert_eq!(d.rule().id, "disclosure.proactive_late");
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn rule(&self) -> &'static Rule {
        match self.kind {
            DeadlineKind::Proactive => &rules::PROACTIVE_LATE,
            DeadlineKind::Publicity => &rules::PUBLICITY_LATE,
            DeadlineKind::Withdrawal => &rules::WITHDRAWAL_LATE,
        }
    }

    /// Check the deadline against what happened: `done` is the day the duty was met (published,
    /// put online, withdrawn), `None` if not yet; `as_of` is the day of the check. Returns a
    /// finding under [`Deadline::rule`] when the duty was met late or is overdue, with `expected`
    /// = the allowed working days, `actual` = the working days taken (until `done` or `as_of`),
    /// `difference` = working days late. A `done` before `start` is an error.
    ///
    /// A duty met on a non-working day right after `due` is late by 0 working days: it is still
    /// reported (the period ended on `due`).
    ///
    /// ```
    /// use sunlit::{WorkCalendar, disclosure::proactive_deadline};
    /// use chrono::NaiveDate;
    /// let cal = WorkCalendar::china();
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let dl = proactive_deadline(d(2024, 9, 20), &cal)?; // due 2024-10-23
    /// assert!(dl.check(Some(d(2024, 10, 23)), d(2024, 12, 1), &cal)?.is_none());
    /// let late = dl.check(Some(d(2024, 10, 25)), d(2024, 12, 1), &cal)?.unwrap();
    /// assert_eq!(late.difference.unwrap().to_string(), "2");
    /// let open = dl.check(None, d(2024, 10, 24), &cal)?.unwrap();
    /// assert_eq!(open.rule, "disclosure.proactive_late");
    /// assert!(dl.check(Some(d(2024, 9, 1)), d(2024, 12, 1), &cal).is_err());
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn check(
        &self,
        done: Option<NaiveDate>,
        as_of: NaiveDate,
        cal: &WorkCalendar,
    ) -> Result<Option<Finding>> {
        if let Some(d) = done.filter(|d| *d < self.start) {
            return Err(Error::value(
                "done",
                &d.to_string(),
                format!("before the period starts on {}", self.start),
            ));
        }
        let end = done.unwrap_or(as_of);
        if end <= self.due {
            return Ok(None);
        }
        let late = cal.workdays_between(self.due, end)?;
        let taken = cal.workdays_between(self.start, end)?;
        let (what_zh, what_en) = match self.kind {
            DeadlineKind::Proactive => ("主动公开", "proactive disclosure"),
            DeadlineKind::Publicity => ("双公示", "publicity (双公示)"),
            DeadlineKind::Withdrawal => ("撤回公示", "withdrawal"),
        };
        let (zh, en) = match done {
            Some(d) => (
                format!(
                    "{what_zh}应于{}前完成（{}个工作日），实际{}完成，逾期{late}个工作日",
                    self.due, self.workdays, d
                ),
                format!(
                    "{what_en} due {} ({} working days after {}), done {}: {late} working days late",
                    self.due, self.workdays, self.start, d
                ),
            ),
            None => (
                format!(
                    "{what_zh}应于{}前完成（{}个工作日），截至{}仍未完成，已逾期{late}个工作日",
                    self.due, self.workdays, as_of
                ),
                format!(
                    "{what_en} due {} ({} working days after {}) not done as of {}: {late} working days overdue",
                    self.due, self.workdays, self.start, as_of
                ),
            ),
        };
        Ok(Some(Finding::new(self.rule(), zh, en).with_values(
            Decimal::from(self.workdays),
            Decimal::from(taken),
        )))
    }
}
