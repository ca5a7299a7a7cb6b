//! Working days over the official holiday calendar.

use std::sync::Arc;

use chrono::NaiveDate;
use sunlit::calendar::{CalendarDay, LocalCalendar, Uncovered};

use crate::errors::Result;
use crate::input::{InputOptions, core_options};

/// A working-day calendar (工作日): official holidays and make-up working days 2007–2026,
/// local layers, and a policy for uncovered years.
#[derive(Debug, Clone, uniffi::Object)]
pub struct WorkCalendar(pub sunlit::WorkCalendar);

/// The calendar given, or the national one.
pub fn calendar(cal: Option<Arc<WorkCalendar>>) -> sunlit::WorkCalendar {
    cal.map_or_else(sunlit::WorkCalendar::china, |c| c.0.clone())
}

fn wrap(c: sunlit::WorkCalendar) -> Arc<WorkCalendar> {
    Arc::new(WorkCalendar(c))
}

constructors! { WorkCalendar {
    /// The national calendar from the embedded official data; dates of uncovered years throw
    /// `SunlitException.UncoveredYear`.
    #[uniffi::constructor]
    fn china() -> Arc<WorkCalendar> = wrap(sunlit::WorkCalendar::china());
    /// A calendar without official data that counts weekends only.
    #[uniffi::constructor]
    fn weekends_only() -> Arc<WorkCalendar> = wrap(sunlit::WorkCalendar::weekends_only());
}}

methods! { WorkCalendar(c) {
    /// The same calendar with another policy for uncovered years.
    fn with_uncovered(uncovered: Uncovered) -> Arc<WorkCalendar> =
        wrap(c.0.with_uncovered(uncovered));
    /// The policy for uncovered years.
    fn uncovered() -> Uncovered = c.0.uncovered();
    /// A new calendar with one more official year file (holiday-cn JSON text).
    fn with_year_json(text: String) -> Result<Arc<WorkCalendar>> =
        Ok(wrap(c.0.with_year_json(&text)?));
    /// A new calendar with a local layer on top.
    fn with_local(local: LocalCalendar) -> Result<Arc<WorkCalendar>> =
        Ok(wrap(c.0.with_local(&local)?));
    /// The covered years, ascending.
    fn covered_years() -> Vec<i32> = c.0.covered_years();
    /// Whether a year is covered.
    fn is_covered(year: i32) -> bool = c.0.is_covered(year);
    /// The listed day at a date, or null. (A `Result` so that a date the core cannot hold, such
    /// as `LocalDate.MAX`, is a `SunlitException.Field`, not uniffi's `InternalException`.)
    fn day(date: NaiveDate) -> Result<Option<CalendarDay>> = Ok(c.0.day(date));
    /// Every listed day of a year.
    fn days(year: i32) -> Vec<CalendarDay> = c.0.days(year);
    /// Whether `date` is a working day.
    fn is_workday(date: NaiveDate) -> Result<bool> = Ok(c.0.is_workday(date)?);
    /// The n-th working day after `date` (start day not counted; negative n counts back).
    fn add_workdays(date: NaiveDate, n: i64) -> Result<NaiveDate> = Ok(c.0.add_workdays(date, n)?);
    /// Working days in (a, b]; negative when b < a.
    fn workdays_between(a: NaiveDate, b: NaiveDate) -> Result<i64> =
        Ok(c.0.workdays_between(a, b)?);
    /// The first working day strictly after `date`.
    fn next_workday(date: NaiveDate) -> Result<NaiveDate> = Ok(c.0.next_workday(date)?);
    /// `date` when it is a working day, else the next one.
    fn workday_on_or_after(date: NaiveDate) -> Result<NaiveDate> =
        Ok(c.0.workday_on_or_after(date)?);
}}

functions! {
    /// `calendar` with one more official year file (holiday-cn JSON text), read within the limits
    /// of `options` (`WorkCalendar.withYearJson` applies the default limits).
    fn calendar_with_year_json(calendar: Arc<WorkCalendar>, text: String, options: InputOptions)
        -> Result<Arc<WorkCalendar>> = {
        let opts = core_options(Some(options))?;
        Ok(wrap(calendar.0.with_year_json_with(&text, &opts)?))
    };
}
