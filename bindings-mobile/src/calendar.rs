//! Working days over the official holiday calendar.

use std::sync::Arc;

use chrono::NaiveDate;
use sunlit::calendar::{CalendarDay, LocalCalendar, Uncovered};

use crate::errors::Result;

/// A working-day calendar (工作日): official holidays and make-up working days 2007–2026,
/// local layers, and a policy for uncovered years.
#[derive(Debug, Clone, uniffi::Object)]
pub struct WorkCalendar(pub sunlit::WorkCalendar);

/// The calendar given, or the national one.
pub fn calendar(cal: Option<Arc<WorkCalendar>>) -> sunlit::WorkCalendar {
    cal.map_or_else(sunlit::WorkCalendar::china, |c| c.0.clone())
}

#[uniffi::export]
impl WorkCalendar {
    /// The national calendar from the embedded official data; dates of uncovered years throw
    /// `SunlitException.UncoveredYear`.
    #[uniffi::constructor]
    pub fn china() -> Arc<WorkCalendar> {
        Arc::new(WorkCalendar(sunlit::WorkCalendar::china()))
    }

    /// A calendar without official data that counts weekends only.
    #[uniffi::constructor]
    pub fn weekends_only() -> Arc<WorkCalendar> {
        Arc::new(WorkCalendar(sunlit::WorkCalendar::weekends_only()))
    }

    /// The same calendar with another policy for uncovered years.
    pub fn with_uncovered(&self, uncovered: Uncovered) -> Arc<WorkCalendar> {
        Arc::new(WorkCalendar(self.0.with_uncovered(uncovered)))
    }

    /// The policy for uncovered years.
    pub fn uncovered(&self) -> Uncovered {
        self.0.uncovered()
    }

    /// A new calendar with one more official year file (holiday-cn JSON text).
    pub fn with_year_json(&self, text: String) -> Result<Arc<WorkCalendar>> {
        Ok(Arc::new(WorkCalendar(self.0.with_year_json(&text)?)))
    }

    /// A new calendar with a local layer on top.
    pub fn with_local(&self, local: LocalCalendar) -> Result<Arc<WorkCalendar>> {
        Ok(Arc::new(WorkCalendar(self.0.with_local(&local)?)))
    }

    /// The covered years, ascending.
    pub fn covered_years(&self) -> Vec<i32> {
        self.0.covered_years()
    }

    /// Whether a year is covered.
    pub fn is_covered(&self, year: i32) -> bool {
        self.0.is_covered(year)
    }

    /// The listed day at a date, or null. (A `Result` so that a date the core cannot hold, such
    /// as `LocalDate.MAX`, is a `SunlitException.Field`, not uniffi's `InternalException`.)
    pub fn day(&self, date: NaiveDate) -> Result<Option<CalendarDay>> {
        Ok(self.0.day(date))
    }

    /// Every listed day of a year.
    pub fn days(&self, year: i32) -> Vec<CalendarDay> {
        self.0.days(year)
    }

    /// Whether `date` is a working day.
    pub fn is_workday(&self, date: NaiveDate) -> Result<bool> {
        Ok(self.0.is_workday(date)?)
    }

    /// The n-th working day after `date` (start day not counted; negative n counts back).
    pub fn add_workdays(&self, date: NaiveDate, n: i64) -> Result<NaiveDate> {
        Ok(self.0.add_workdays(date, n)?)
    }

    /// Working days in (a, b]; negative when b < a.
    pub fn workdays_between(&self, a: NaiveDate, b: NaiveDate) -> Result<i64> {
        Ok(self.0.workdays_between(a, b)?)
    }

    /// The first working day strictly after `date`.
    pub fn next_workday(&self, date: NaiveDate) -> Result<NaiveDate> {
        Ok(self.0.next_workday(date)?)
    }

    /// `date` when it is a working day, else the next one.
    pub fn workday_on_or_after(&self, date: NaiveDate) -> Result<NaiveDate> {
        Ok(self.0.workday_on_or_after(date)?)
    }
}

/// `calendar` with one more official year file (holiday-cn JSON text), read within the limits of
/// `options` (`WorkCalendar.withYearJson` applies the default limits).
#[uniffi::export]
pub fn calendar_with_year_json(
    calendar: Arc<WorkCalendar>,
    text: String,
    options: crate::input::InputOptions,
) -> Result<Arc<WorkCalendar>> {
    let opts = crate::input::core_options(Some(options))?;
    Ok(Arc::new(WorkCalendar(
        calendar.0.with_year_json_with(&text, &opts)?,
    )))
}
