//! `sunlit.WorkCalendar`: working days over the official holiday calendar.

use chrono::NaiveDate;
use pyo3::prelude::*;
use sunlit::{
    WorkCalendar,
    calendar::{CalendarDay, LocalCalendar, Uncovered},
};

use crate::convert::{Day, Int, Text, date_arg, date_repr, str_repr};
use crate::errors::IntoPy;
use crate::input::{PyInputOptions, input_options};

/// A working-day calendar (工作日): official holidays and make-up working days, local layers, and
/// a policy for uncovered years ("error" or "weekends_only").
#[pyclass(module = "sunlit", name = "WorkCalendar", frozen)]
#[derive(Clone)]
pub struct PyWorkCalendar(pub WorkCalendar);

/// One listed day: a holiday (`off`) or a make-up working day.
#[pyclass(module = "sunlit", name = "CalendarDay", frozen, get_all, eq)]
#[derive(Clone, PartialEq)]
pub struct PyCalendarDay {
    date: NaiveDate,
    name: String,
    off: bool,
    local: bool,
}

impl From<CalendarDay> for PyCalendarDay {
    fn from(d: CalendarDay) -> Self {
        PyCalendarDay {
            date: d.date,
            name: d.name,
            off: d.off,
            local: d.local,
        }
    }
}

#[pymethods]
impl PyCalendarDay {
    fn __repr__(&self) -> String {
        format!(
            "CalendarDay({}, {}, off={}, local={})",
            date_repr(Some(self.date)),
            str_repr(Some(&self.name)),
            if self.off { "True" } else { "False" },
            if self.local { "True" } else { "False" }
        )
    }
}

/// The calendar given, or the national one.
pub fn calendar(cal: Option<&Bound<'_, PyWorkCalendar>>) -> WorkCalendar {
    cal.map_or_else(WorkCalendar::china, |c| c.get().0.clone())
}

fn dates(values: Vec<Bound<'_, PyAny>>, name: &'static str) -> PyResult<Vec<NaiveDate>> {
    values.iter().map(|v| date_arg(v, name)).collect()
}

#[pymethods]
impl PyWorkCalendar {
    /// The national calendar from the embedded official data (2007–2026). `uncovered` is
    /// "error" (default: a date of an uncovered year raises UncoveredYearError) or
    /// "weekends_only".
    #[staticmethod]
    #[pyo3(signature = (uncovered = Text::from("error")), text_signature = "(uncovered=\"error\")")]
    fn china(uncovered: Text) -> PyResult<PyWorkCalendar> {
        Ok(PyWorkCalendar(
            WorkCalendar::china().with_uncovered(Uncovered::parse(&uncovered).py()?),
        ))
    }

    /// A calendar without official data that counts weekends only.
    #[staticmethod]
    fn weekends_only() -> PyWorkCalendar {
        PyWorkCalendar(WorkCalendar::weekends_only())
    }

    /// The same calendar with another policy for uncovered years.
    fn with_uncovered(&self, uncovered: Text) -> PyResult<PyWorkCalendar> {
        Ok(PyWorkCalendar(
            self.0.with_uncovered(Uncovered::parse(&uncovered).py()?),
        ))
    }

    /// The policy for uncovered years: "error" or "weekends_only".
    #[getter]
    fn uncovered(&self) -> &'static str {
        self.0.uncovered().id()
    }

    /// A new calendar with one more official year file loaded (holiday-cn JSON text);
    /// `options` (an `InputOptions`) sets the limits (default: 2 GiB, 1 MiB strings, depth 64).
    #[pyo3(signature = (text, options=None))]
    fn with_year_json(
        &self,
        py: Python<'_>,
        text: Text,
        options: Option<PyRef<'_, PyInputOptions>>,
    ) -> PyResult<PyWorkCalendar> {
        let opts = input_options(options.as_deref());
        py.detach(|| self.0.with_year_json_with(&text, &opts))
            .map(PyWorkCalendar)
            .py()
    }

    /// A new calendar with a local layer: extra days off and extra working days.
    #[pyo3(signature = (holidays = Vec::new(), workdays = Vec::new(), name = Text::from("")), text_signature = "($self, holidays=..., workdays=..., name=\"\")")]
    fn with_local(
        &self,
        holidays: Vec<Bound<'_, PyAny>>,
        workdays: Vec<Bound<'_, PyAny>>,
        name: Text,
    ) -> PyResult<PyWorkCalendar> {
        let local = LocalCalendar {
            name: name.to_owned().0,
            holidays: dates(holidays, "holidays")?,
            workdays: dates(workdays, "workdays")?,
        };
        self.0.with_local(&local).map(PyWorkCalendar).py()
    }

    /// The covered years, ascending.
    fn covered_years(&self) -> Vec<i32> {
        self.0.covered_years()
    }

    /// Whether a year is covered.
    fn is_covered(&self, year: Int) -> PyResult<bool> {
        Ok(self.0.is_covered(year.get("year")?))
    }

    /// The listed day at a date, or None.
    fn day(&self, date: &Bound<'_, PyAny>) -> PyResult<Option<PyCalendarDay>> {
        Ok(self.0.day(date_arg(date, "date")?).map(PyCalendarDay::from))
    }

    /// Every listed day of a year, in date order.
    fn days(&self, year: Int) -> PyResult<Vec<PyCalendarDay>> {
        Ok(self
            .0
            .days(year.get("year")?)
            .into_iter()
            .map(PyCalendarDay::from)
            .collect())
    }

    /// Whether `date` is a working day.
    fn is_workday(&self, date: &Bound<'_, PyAny>) -> PyResult<bool> {
        self.0.is_workday(date_arg(date, "date")?).py()
    }

    /// The n-th working day after `date` (the start day not counted; negative n counts back).
    fn add_workdays(&self, date: &Bound<'_, PyAny>, n: Int) -> PyResult<Day> {
        let date = date_arg(date, "date")?;
        self.0.add_workdays(date, n.get("n")?).py().map(Day)
    }

    /// The number of working days in (a, b] (negative when b < a).
    fn workdays_between(&self, a: &Bound<'_, PyAny>, b: &Bound<'_, PyAny>) -> PyResult<i64> {
        self.0
            .workdays_between(date_arg(a, "a")?, date_arg(b, "b")?)
            .py()
    }

    /// The first working day strictly after `date`.
    fn next_workday(&self, date: &Bound<'_, PyAny>) -> PyResult<Day> {
        self.0.next_workday(date_arg(date, "date")?).py().map(Day)
    }

    /// `date` when it is a working day, else the next working day.
    fn workday_on_or_after(&self, date: &Bound<'_, PyAny>) -> PyResult<Day> {
        self.0
            .workday_on_or_after(date_arg(date, "date")?)
            .py()
            .map(Day)
    }

    fn __repr__(&self) -> String {
        let years = self.0.covered_years();
        match (years.first(), years.last()) {
            (Some(a), Some(b)) => format!(
                "WorkCalendar(covered {a}–{b}, uncovered={})",
                str_repr(Some(self.0.uncovered().id()))
            ),
            _ => format!(
                "WorkCalendar(no official data, uncovered={})",
                str_repr(Some(self.0.uncovered().id()))
            ),
        }
    }
}
