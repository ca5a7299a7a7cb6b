//! Working days (工作日) over China's official holiday calendar.
//!
//! Every time limit of open-government law is counted in working days: 20 working days to
//! publish new information (政府信息公开条例 2019 art. 26) or to answer a request (art. 33), 7 to
//! ask for a correction (art. 30), 7 for 双公示 (国办发〔2015〕51号). A working day is a day that is
//! neither a weekend nor a statutory holiday (法定节假日), except that the State Council's yearly
//! holiday notice turns some weekend days into make-up working days (调休上班).
//!
//! [`WorkCalendar::china`] embeds the official data of NateScarlet/holiday-cn (MIT, compiled
//! from the State Council notices; `core/data/holidays-cn/SOURCE.md`), one file per notice year,
//! 2007–2026. The rule (disclosure.md §7.3): a date listed in the data is off when its `isOffDay`
//! is true and worked when it is false; any other Saturday or Sunday is off; any other weekday
//! works. Files are keyed by the year of the notice, so late-December dates can sit in the next
//! year's file (2018-12-29…31 are in `2019.json`); every file is loaded, so that is handled.
//!
//! **Coverage.** A year is covered when its own official file lists at least one day (and a
//! file that lists days must list one of its own year; dates of the December before it are
//! allowed only in its last week, for the 元旦 break across the turn of the year). Years and
//! dates outside [`SUPPORTED_YEARS`] (1949–9999) are refused everywhere. `2027.json`
//! is an empty placeholder (the 2027 notice was not out when the data was copied), so 2027 is
//! **not** covered: its holidays are unknown, and guessing "weekends only" would put every
//! 2027 deadline across Spring Festival or National Day in the wrong place. A date in an
//! uncovered year is therefore [`Error::UncoveredYear`], naming the year, unless the caller opts
//! in with [`Uncovered::WeekendsOnly`]. A newer year's official file (same JSON shape) can be
//! loaded at run time with [`WorkCalendar::with_year_json`]; local holidays and working days
//! (e.g. of an ethnic autonomous area, which the national data lacks) are layered on top with
//! [`WorkCalendar::with_local`].
//!
//! The last days of the last covered year can still be changed by the next year's notice (the
//! 2019 notice made 2018-12-29 a working day and 2018-12-31 a holiday): until that notice is
//! loaded they follow the data at hand.
//!
//! **Counting.** The start day is not counted (开始的当日不计入, 民法典 art. 201): the deadline "20
//! working days after receipt" is the 20th working day after the day of receipt, and
//! [`WorkCalendar::workdays_between`] counts the working days in `(a, b]`.
//!
//! **Speed.** Each year is precomputed once into a bitset of its working days and a prefix count,
//! so [`WorkCalendar::is_workday`] is a bit test, [`WorkCalendar::workdays_between`] two look-ups
//! per year crossed and [`WorkCalendar::add_workdays`] a binary search over at most 367 counts per
//! year crossed (figures in `benches/README.md`).
//!
//! ```
//! use chrono::NaiveDate;
//! use sunlit::WorkCalendar;
//! use sunlit::calendar::SUPPORTED_YEARS;
//! let cal = WorkCalendar::china();
//! let received = NaiveDate::from_ymd_opt(2024, 9, 20).unwrap();
//! // 20 working days across National Day 2024.
//! assert_eq!(cal.add_workdays(received, 20)?, NaiveDate::from_ymd_opt(2024, 10, 23).unwrap());
//! assert!(SUPPORTED_YEARS.contains(&2024));
//! # Ok::<(), sunlit::Error>(())
//! ```

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, LazyLock};

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::vocab::vocabulary;

vocabulary! {
    /// What a [`WorkCalendar`] does with a date in a year it has no official holiday data for.
    #[derive(Default)]
    pub enum Uncovered("uncovered") {
        /// Refuse: [`Error::UncoveredYear`] naming the year (the default). Holidays of an
        /// uncovered year are unknown, so any working-day count across it could be wrong.
        #[default]
        Error = "error", "报错";
        /// Count Saturdays and Sundays as off and every other day as worked (plus any dates of
        /// that year the loaded files or local layers list) — an approximation the caller chose.
        WeekendsOnly = "weekends_only", "仅按周末";
    }
}

/// One listed day of a calendar: a holiday (`off`) or a make-up working day (`!off`).
///
/// ```
/// use sunlit::WorkCalendar;
/// use chrono::NaiveDate;
/// let cal = WorkCalendar::china();
/// let day = cal.day(NaiveDate::from_ymd_opt(2024, 10, 12).unwrap()).unwrap();
/// assert!(!day.off); // a Saturday worked (调休上班)
/// assert!(day.name.contains("国庆"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CalendarDay {
    /// The date.
    pub date: NaiveDate,
    /// The name as written in the notice (free text: "春节", "国庆节、中秋节" …) or in the local
    /// layer.
    pub name: String,
    /// True for a day off, false for a make-up working day.
    pub off: bool,
    /// True when the day comes from a local layer ([`WorkCalendar::with_local`]), false when
    /// it comes from an official file.
    pub local: bool,
}

/// A local calendar to layer on top of the national one: extra days off (e.g. a local festival
/// of an ethnic autonomous area) and extra working days. Local days win over the official data.
///
/// ```
/// use sunlit::calendar::LocalCalendar;
/// use chrono::NaiveDate;
/// let local = LocalCalendar {
///     name: "三月三".into(),
///     holidays: vec![NaiveDate::from_ymd_opt(2024, 4, 11).unwrap()],
///     ..Default::default()
/// };
/// assert!(local.workdays.is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LocalCalendar {
    /// A name recorded on every day of the layer (e.g. the festival or the regulation).
    #[cfg_attr(feature = "uniffi", uniffi(default = ""))]
    pub name: String,
    /// Dates that are off.
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub holidays: Vec<NaiveDate>,
    /// Dates that are worked.
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub workdays: Vec<NaiveDate>,
}

/// A working-day calendar: official holiday data per notice year, optional local layers, a
/// policy for uncovered years, and a precomputed table per covered year.
///
/// Cloning is cheap (the tables are shared); the `with_*` methods return a new calendar.
///
/// ```
/// use sunlit::WorkCalendar;
/// use chrono::NaiveDate;
/// let cal = WorkCalendar::china();
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert!(!cal.is_workday(d(2024, 10, 1))?);      // 国庆节
/// assert!(cal.is_workday(d(2024, 9, 29))?);       // a Sunday worked
/// assert_eq!(cal.add_workdays(d(2024, 9, 30), 1)?, d(2024, 10, 8));
/// assert!(cal.is_workday(d(2027, 3, 1)).is_err()); // 2027 not covered
/// # Ok::<(), sunlit::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct WorkCalendar {
    inner: Arc<Inner>,
    uncovered: Uncovered,
}

/// One listed day: name and whether it is off.
type Listed = (String, bool);

#[derive(Debug, Clone, Default)]
struct Inner {
    /// The loaded official files by notice year, each with its listed days.
    files: BTreeMap<i32, BTreeMap<NaiveDate, Listed>>,
    /// Every official day of every file, by date (derived from `files`).
    official: BTreeMap<NaiveDate, Listed>,
    /// Local layers, merged (a later layer overwrote an earlier one).
    local: BTreeMap<NaiveDate, Listed>,
    /// First year of `tables`.
    base: i32,
    /// One entry per year from `base`; `Some` for covered years.
    tables: Vec<Option<Box<YearTable>>>,
}

/// The working days of one year: a bitset by day of year and the prefix counts.
#[derive(Debug, Clone, PartialEq, Eq)]
struct YearTable {
    year: i32,
    /// 365 or 366.
    len: u32,
    /// Bit `i` set when day `i` (0-based day of year) is a working day.
    work: [u64; 6],
    /// `before[i]` = working days among days `0..i`; `before[len]` is the year's total.
    before: [u16; 367],
    /// `nth[k - 1]` = the date of the k-th working day (later slots hold 1 January).
    nth: [NaiveDate; 366],
}

impl YearTable {
    fn build(year: i32, is_work: impl Fn(NaiveDate) -> bool) -> Result<YearTable> {
        let first = NaiveDate::from_yo_opt(year, 1)
            .ok_or_else(|| Error::overflow(format!("dates of year {year}")))?;
        let len = if NaiveDate::from_yo_opt(year, 366).is_some() {
            366
        } else {
            365
        };
        let mut t = YearTable {
            year,
            len,
            work: [0; 6],
            before: [0; 367],
            nth: [first; 366],
        };
        let mut count = 0u16;
        for (i, date) in (0u16..).zip(first.iter_days().take(len as usize)) {
            let at = usize::from(i);
            if is_work(date) {
                if let Some(w) = t.work.get_mut(at / 64) {
                    *w |= 1 << (at % 64);
                }
                if let Some(slot) = t.nth.get_mut(usize::from(count)) {
                    *slot = date;
                }
                count += 1;
            }
            if let Some(slot) = t.before.get_mut(at + 1) {
                *slot = count;
            }
        }
        Ok(t)
    }

    #[inline]
    fn is_work(&self, ord0: u32) -> bool {
        let i = ord0 as usize;
        self.work
            .get(i / 64)
            .is_some_and(|w| w >> (i % 64) & 1 == 1)
    }

    /// Working days among days `0..ord0`.
    #[inline]
    fn before(&self, ord0: u32) -> i64 {
        self.before.get(ord0 as usize).copied().map_or(0, i64::from)
    }

    #[inline]
    fn total(&self) -> i64 {
        self.before(self.len)
    }

    /// The date of the `k`-th (1-based, `1 <= k <= total`) working day of the year.
    #[inline]
    fn nth(&self, k: i64) -> Result<NaiveDate> {
        usize::try_from(k - 1)
            .ok()
            .filter(|_| k <= self.total())
            .and_then(|i| self.nth.get(i).copied())
            .ok_or_else(|| Error::overflow(format!("working day {k} of {}", self.year)))
    }
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The first day of December of the year before its notice that a holiday file may list. A
/// notice's 元旦 break can start in the December before its year, with a make-up working day
/// there: in the embedded data 2007.json lists 2006-12-30/31, 2008.json 2007-12-29…31,
/// 2012.json 2011-12-31, 2019.json 2018-12-29…31 (国办发明电〔2018〕15号) and 2023.json
/// 2022-12-31 — never earlier than the 29th. The last week of December allows exactly that.
const LAST_WEEK_OF_DECEMBER: u32 = 25;

/// The official files embedded at compile time, by notice year.
const EMBEDDED: [(i32, &str); 21] = [
    (2007, include_str!("../data/holidays-cn/2007.json")),
    (2008, include_str!("../data/holidays-cn/2008.json")),
    (2009, include_str!("../data/holidays-cn/2009.json")),
    (2010, include_str!("../data/holidays-cn/2010.json")),
    (2011, include_str!("../data/holidays-cn/2011.json")),
    (2012, include_str!("../data/holidays-cn/2012.json")),
    (2013, include_str!("../data/holidays-cn/2013.json")),
    (2014, include_str!("../data/holidays-cn/2014.json")),
    (2015, include_str!("../data/holidays-cn/2015.json")),
    (2016, include_str!("../data/holidays-cn/2016.json")),
    (2017, include_str!("../data/holidays-cn/2017.json")),
    (2018, include_str!("../data/holidays-cn/2018.json")),
    (2019, include_str!("../data/holidays-cn/2019.json")),
    (2020, include_str!("../data/holidays-cn/2020.json")),
    (2021, include_str!("../data/holidays-cn/2021.json")),
    (2022, include_str!("../data/holidays-cn/2022.json")),
    (2023, include_str!("../data/holidays-cn/2023.json")),
    (2024, include_str!("../data/holidays-cn/2024.json")),
    (2025, include_str!("../data/holidays-cn/2025.json")),
    (2026, include_str!("../data/holidays-cn/2026.json")),
    (2027, include_str!("../data/holidays-cn/2027.json")),
];

static CHINA: LazyLock<WorkCalendar> = LazyLock::new(|| {
    let mut inner = Inner::default();
    for (_, text) in EMBEDDED {
        // The embedded files are checked by this module's tests; a failure here would be a
        // packaging bug, and a calendar without that year (which then refuses its dates) is
        // the honest answer.
        let _ = inner.load_year(text, &crate::io::Limits::default());
    }
    let _ = inner.rebuild();
    WorkCalendar {
        inner: Arc::new(inner),
        uncovered: Uncovered::Error,
    }
});

/// The JSON shape of one official file (holiday-cn; disclosure.md §7.2). Unknown keys (`$schema`,
/// `$id`) are ignored.
#[derive(Deserialize)]
struct YearFile {
    year: i32,
    #[serde(default)]
    #[allow(dead_code)]
    papers: Vec<String>,
    days: Vec<DayRecord>,
}

#[derive(Deserialize)]
struct DayRecord {
    name: String,
    date: String,
    #[serde(rename = "isOffDay")]
    is_off_day: bool,
}

/// The years sunlit accepts wherever a year or a date enters — holiday files, calendar
/// queries and their results, local calendars, ledger and budget years, request dates: 1949 to
/// 9999. Anything else is an error naming the field and the value.
///
/// Why these bounds: every document sunlit reads is one of the People's Republic (budgets,
/// disclosure reports, power lists), whose first national holiday rules are of 23 December
/// 1949 (政务院《全国年节及纪念日放假办法》), so an earlier year is a typing error, not data.
/// 9999 is the last year written with the four digits of `YYYY-MM-DD`, the only date form the
/// readers accept and the writers produce; chrono can represent later years but prints them as
/// `+10000-01-01`, which nothing could read back. (The weekend rule itself, Saturday and Sunday
/// off, holds from 1 May 1995 (国务院令第174号); weekends-only counting before that date is the
/// caller's approximation.)
///
/// ```
/// use chrono::NaiveDate;
/// use sunlit::{WorkCalendar, calendar::SUPPORTED_YEARS};
/// assert!(SUPPORTED_YEARS.contains(&2026) && !SUPPORTED_YEARS.contains(&0));
/// let cal = WorkCalendar::weekends_only();
/// assert!(cal.is_workday(NaiveDate::from_ymd_opt(0, 1, 3).unwrap()).is_err());
/// ```
pub const SUPPORTED_YEARS: std::ops::RangeInclusive<i32> = 1949..=9999;

/// `Ok` when `year` is in [`SUPPORTED_YEARS`], else an [`Error::Field`] naming `field` and the
/// year.
pub(crate) fn check_year(field: &'static str, year: i32) -> Result<()> {
    if SUPPORTED_YEARS.contains(&year) {
        Ok(())
    } else {
        Err(Error::value(
            field,
            &year.to_string(),
            format!(
                "year {year} is outside the supported years {}–{}",
                SUPPORTED_YEARS.start(),
                SUPPORTED_YEARS.end()
            ),
        ))
    }
}

/// `Ok` when the year of `date` is in [`SUPPORTED_YEARS`], else an [`Error::Field`] naming
/// `field` and the date.
pub(crate) fn check_date(field: &'static str, date: NaiveDate) -> Result<()> {
    check_year(field, date.year()).map_err(|e| match e {
        Error::Field { field, reason, .. } => Error::Field {
            field,
            value: date.to_string(),
            reason,
        },
        other => other,
    })
}

/// Parse an ISO date `YYYY-MM-DD` strictly (exactly ten characters).
pub(crate) fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    let d = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()?;
    (d.format("%Y-%m-%d").to_string() == text).then_some(d)
}

impl Inner {
    /// Load one official file, replacing an earlier file of the same notice year. Returns the
    /// year. Does not rebuild the tables.
    fn load_year(&mut self, text: &str, limits: &crate::io::Limits) -> Result<i32> {
        // The generic JSON reader first: size, depth, string length and array length within
        // `limits`, no duplicate key, no BOM. Then the typed reading, which names lines.
        crate::io::parse_json_with(text, limits)?;
        let file: YearFile = serde_json::from_str(text).map_err(|e| Error::Input {
            cause: None,
            line: e.line() as u64,
            column: String::new(),
            value: String::new(),
            reason: format!("not an official holiday file (holiday-cn JSON shape): {e}"),
        })?;
        let year = file.year;
        check_year("year", year).map_err(|e| e.at(0, "year"))?;
        let mut days: BTreeMap<NaiveDate, Listed> = BTreeMap::new();
        for (i, d) in file.days.iter().enumerate() {
            let bad = |reason: String| Error::Input {
                cause: None,
                line: i as u64 + 1,
                column: "date".to_owned(),
                value: d.date.clone(),
                reason,
            };
            let date =
                parse_iso_date(&d.date).ok_or_else(|| bad("not a date YYYY-MM-DD".to_owned()))?;
            let in_file = date.year() == year
                || (date.year().checked_add(1) == Some(year)
                    && date.month() == 12
                    && date.day() >= LAST_WEEK_OF_DECEMBER);
            if !in_file {
                return Err(bad(format!(
                    "a date of the {year} file must fall in {year} or in the last week of \
                     December {} (the 元旦 break across the turn of the year)",
                    year.saturating_sub(1)
                )));
            }
            let other = self
                .files
                .iter()
                .filter(|(y, _)| **y != year)
                .find_map(|(y, f)| f.get(&date).map(|(_, off)| (*y, *off)));
            if let Some((other, off)) = other.filter(|(_, off)| *off != d.is_off_day) {
                let word = |off: bool| if off { "off" } else { "worked" };
                return Err(bad(format!(
                    "the {other} file says this date is {}, the {year} file says {}",
                    word(off),
                    word(d.is_off_day)
                )));
            }
            if days.insert(date, (d.name.clone(), d.is_off_day)).is_some() {
                return Err(bad("the date is listed twice".to_owned()));
            }
        }
        // A file whose days all lie in the December before its year says nothing about its
        // year: it must not make that year covered.
        if let Some((first, _)) = days.first_key_value()
            && !days.keys().any(|d| d.year() == year)
        {
            let line = file
                .days
                .iter()
                .position(|d| parse_iso_date(&d.date) == Some(*first))
                .map_or(1, |i| i as u64 + 1);
            return Err(Error::Input {
                cause: None,
                line,
                column: "date".to_owned(),
                value: first.to_string(),
                reason: format!(
                    "the {year} file lists no date of {year}: a date of the December before \
                     belongs in it only beside the {year} notice's own dates"
                ),
            });
        }
        self.files.insert(year, days);
        self.official = self
            .files
            .values()
            .flat_map(|f| f.iter().map(|(d, l)| (*d, l.clone())))
            .collect();
        Ok(year)
    }

    /// Whether a date is worked, by the rule: local layer, then official data, then weekday.
    fn rule(&self, date: NaiveDate) -> bool {
        if let Some((_, off)) = self.local.get(&date) {
            return !off;
        }
        if let Some((_, off)) = self.official.get(&date) {
            return !off;
        }
        !is_weekend(date)
    }

    fn covered(&self) -> Vec<i32> {
        self.files
            .iter()
            .filter(|(_, f)| !f.is_empty())
            .map(|(y, _)| *y)
            .collect()
    }

    /// Recompute the table of every covered year.
    fn rebuild(&mut self) -> Result<()> {
        let covered = self.covered();
        let (Some(&first), Some(&last)) = (covered.first(), covered.last()) else {
            self.tables.clear();
            return Ok(());
        };
        let mut tables = Vec::new();
        for year in first..=last {
            tables.push(if covered.contains(&year) {
                Some(Box::new(YearTable::build(year, |d| self.rule(d))?))
            } else {
                None
            });
        }
        self.base = first;
        self.tables = tables;
        Ok(())
    }
}

/// Format covered years as ranges: `2007–2026`, `2007–2020, 2022`.
fn year_ranges(years: &[i32]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while let Some(&start) = years.get(i) {
        let mut end = start;
        while years.get(i + 1) == Some(&(end + 1)) {
            end += 1;
            i += 1;
        }
        out.push(if start == end {
            start.to_string()
        } else {
            format!("{start}–{end}")
        });
        i += 1;
    }
    if out.is_empty() {
        "none".to_owned()
    } else {
        out.join(", ")
    }
}

impl WorkCalendar {
    /// The national calendar from the embedded official data (2007–2026), refusing dates of
    /// uncovered years. Parsed once per process; each call returns a cheap clone.
    ///
    /// ```
    /// let cal = sunlit::WorkCalendar::china();
    /// assert_eq!(cal.covered_years().first(), Some(&2007));
    /// assert_eq!(cal.covered_years().last(), Some(&2026));
    /// assert!(!cal.is_covered(2027)); // 2027.json is an empty placeholder
    /// ```
    pub fn china() -> WorkCalendar {
        CHINA.clone()
    }

    /// A calendar without any official data that counts weekends only (every year uncovered,
    /// policy [`Uncovered::WeekendsOnly`]). For tests and for places without statutory data.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let cal = sunlit::WorkCalendar::weekends_only();
    /// // 2024-10-01 is a Tuesday: a working day if only weekends count.
    /// assert!(cal.is_workday(NaiveDate::from_ymd_opt(2024, 10, 1).unwrap())?);
    /// assert!(cal.covered_years().is_empty());
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn weekends_only() -> WorkCalendar {
        WorkCalendar {
            inner: Arc::new(Inner::default()),
            uncovered: Uncovered::WeekendsOnly,
        }
    }

    /// The same calendar with another policy for uncovered years.
    ///
    /// ```
    /// use sunlit::{WorkCalendar, calendar::Uncovered};
    /// use chrono::NaiveDate;
    /// let d = NaiveDate::from_ymd_opt(2030, 1, 7).unwrap(); // a Monday
    /// assert!(WorkCalendar::china().is_workday(d).is_err());
    /// let lenient = WorkCalendar::china().with_uncovered(Uncovered::WeekendsOnly);
    /// assert!(lenient.is_workday(d)?);
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    #[must_use]
    pub fn with_uncovered(&self, uncovered: Uncovered) -> WorkCalendar {
        WorkCalendar {
            inner: Arc::clone(&self.inner),
            uncovered,
        }
    }

    /// The policy for uncovered years.
    ///
    /// ```
    /// assert_eq!(sunlit::WorkCalendar::china().uncovered(), sunlit::calendar::Uncovered::Error);
    /// ```
    pub fn uncovered(&self) -> Uncovered {
        self.uncovered
    }

    /// A new calendar with one more official file loaded (the holiday-cn JSON shape:
    /// `{"year": 2027, "papers": [...], "days": [{"name", "date", "isOffDay"}]}`), e.g. next
    /// year's notice once published. A file for a year already loaded replaces it. A file with
    /// no days leaves its year uncovered.
    ///
    /// The file's year must lie in [`SUPPORTED_YEARS`] (else an [`Error::Input`] with line 0
    /// and column `year`). Every date must fall in the file's year or in the last week of the
    /// December before it (25–31 December: a notice's 元旦 break and its make-up working day
    /// can start there), and a file that lists any day must list one of its own year — a 2027
    /// file listing only 2026-12-31 is refused rather than making 2027 covered. A date listed
    /// twice or contradicting another year's file is refused. Errors name the 1-based position
    /// in `days` as `line` and the date as `value`.
    ///
    /// ```
    /// use sunlit::{Error, WorkCalendar};
    /// use chrono::NaiveDate;
    /// let json = r#"{"year": 2027, "papers": [], "days": [
    ///     {"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}"#;
    /// let cal = WorkCalendar::china().with_year_json(json)?;
    /// assert!(cal.is_covered(2027));
    /// assert!(!cal.is_workday(NaiveDate::from_ymd_opt(2027, 1, 1).unwrap())?);
    ///
    /// let bad = r#"{"year": 2027, "days": [{"name": "x", "date": "2025-05-01", "isOffDay": true}]}"#;
    /// assert!(matches!(WorkCalendar::china().with_year_json(bad),
    ///     Err(Error::Input { line: 1, ref value, .. }) if value == "2025-05-01"));
    /// // Only the December before: the file says nothing about 2027.
    /// let eve = r#"{"year": 2027, "days": [{"name": "元旦", "date": "2026-12-31", "isOffDay": true}]}"#;
    /// assert!(matches!(WorkCalendar::china().with_year_json(eve),
    ///     Err(Error::Input { line: 1, ref value, .. }) if value == "2026-12-31"));
    /// // Year 0 is no year of any notice.
    /// let zero = r#"{"year": 0, "days": [{"name": "x", "date": "0000-01-01", "isOffDay": true}]}"#;
    /// assert!(matches!(WorkCalendar::china().with_year_json(zero),
    ///     Err(Error::Input { line: 0, ref column, .. }) if column == "year"));
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn with_year_json(&self, text: &str) -> Result<WorkCalendar> {
        self.with_year_json_with(text, &crate::io::InputOptions::default())
    }

    /// [`WorkCalendar::with_year_json`] within the limits of `opts` (size, number of days,
    /// string length, nesting; quoting does not apply to JSON). The default limits apply to
    /// `with_year_json`; a duplicate key or a byte-order mark is an [`Error::Input`] either way.
    ///
    /// ```
    /// use sunlit::{Error, WorkCalendar, input::{InputOptions, Limits}};
    /// let json = r#"{"year": 2027, "papers": [], "days": [
    ///     {"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}"#;
    /// assert!(WorkCalendar::china().with_year_json_with(json, &InputOptions::default()).is_ok());
    /// let tiny = InputOptions { limits: Limits { max_file_bytes: 20, ..Limits::default() }, ..Default::default() };
    /// assert!(matches!(WorkCalendar::china().with_year_json_with(json, &tiny),
    ///     Err(Error::Limit { ref limit, .. }) if limit == "max_file_bytes"));
    /// let twice = r#"{"year": 2027, "year": 2028, "days": []}"#;
    /// assert!(matches!(WorkCalendar::china().with_year_json(twice),
    ///     Err(Error::Input { ref column, .. }) if column == "year"));
    /// ```
    pub fn with_year_json_with(
        &self,
        text: &str,
        opts: &crate::io::InputOptions,
    ) -> Result<WorkCalendar> {
        let mut inner = (*self.inner).clone();
        inner.load_year(text, &opts.limits)?;
        inner.rebuild()?;
        Ok(WorkCalendar {
            inner: Arc::new(inner),
            uncovered: self.uncovered,
        })
    }

    /// A new calendar with a local layer on top: its holidays are off and its working days
    /// worked, whatever the official data says. Layers stack; a later layer wins. A date both
    /// in `holidays` and in `workdays` is refused. Local days never make a year covered.
    ///
    /// ```
    /// use sunlit::{WorkCalendar, calendar::LocalCalendar};
    /// use chrono::NaiveDate;
    /// let d = NaiveDate::from_ymd_opt(2024, 4, 11).unwrap(); // a Thursday
    /// let local = LocalCalendar { name: "三月三".into(), holidays: vec![d], ..Default::default() };
    /// let cal = WorkCalendar::china().with_local(&local)?;
    /// assert!(!cal.is_workday(d)?);
    /// assert!(cal.day(d).unwrap().local);
    ///
    /// let both = LocalCalendar { holidays: vec![d], workdays: vec![d], ..Default::default() };
    /// assert!(WorkCalendar::china().with_local(&both).is_err());
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn with_local(&self, local: &LocalCalendar) -> Result<WorkCalendar> {
        for d in local.holidays.iter().chain(&local.workdays) {
            check_date("local_calendar", *d)?;
        }
        let holidays: BTreeSet<NaiveDate> = local.holidays.iter().copied().collect();
        if let Some(d) = local.workdays.iter().find(|d| holidays.contains(d)) {
            return Err(Error::value(
                "local_calendar",
                &d.to_string(),
                "a date cannot be both a local holiday and a local working day",
            ));
        }
        let mut inner = (*self.inner).clone();
        for d in &local.holidays {
            inner.local.insert(*d, (local.name.clone(), true));
        }
        for d in &local.workdays {
            inner.local.insert(*d, (local.name.clone(), false));
        }
        inner.rebuild()?;
        Ok(WorkCalendar {
            inner: Arc::new(inner),
            uncovered: self.uncovered,
        })
    }

    /// The covered years (official file loaded and not empty), ascending.
    ///
    /// ```
    /// assert_eq!(sunlit::WorkCalendar::china().covered_years().len(), 20);
    /// ```
    pub fn covered_years(&self) -> Vec<i32> {
        self.inner.covered()
    }

    /// Whether a year is covered.
    ///
    /// ```
    /// let cal = sunlit::WorkCalendar::china();
    /// assert!(cal.is_covered(2020) && !cal.is_covered(2006) && !cal.is_covered(2027));
    /// ```
    pub fn is_covered(&self, year: i32) -> bool {
        self.inner.files.get(&year).is_some_and(|f| !f.is_empty())
    }

    /// The listed day (holiday or make-up working day) at a date, local layers first; `None`
    /// for an ordinary day.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let cal = sunlit::WorkCalendar::china();
    /// assert_eq!(cal.day(NaiveDate::from_ymd_opt(2024, 2, 10).unwrap()).unwrap().name, "春节");
    /// assert!(cal.day(NaiveDate::from_ymd_opt(2024, 3, 5).unwrap()).is_none());
    /// ```
    pub fn day(&self, date: NaiveDate) -> Option<CalendarDay> {
        if let Some((name, off)) = self.inner.local.get(&date) {
            return Some(CalendarDay {
                date,
                name: name.clone(),
                off: *off,
                local: true,
            });
        }
        self.inner
            .official
            .get(&date)
            .map(|(name, off)| CalendarDay {
                date,
                name: name.clone(),
                off: *off,
                local: false,
            })
    }

    /// Every listed day falling in `year` (whichever file lists it), in date order, with local
    /// layers applied.
    ///
    /// ```
    /// let cal = sunlit::WorkCalendar::china();
    /// let days = cal.days(2024);
    /// assert_eq!(days.iter().filter(|d| !d.off).count(), 8); // eight make-up working days
    /// assert!(cal.days(1999).is_empty());
    /// ```
    pub fn days(&self, year: i32) -> Vec<CalendarDay> {
        let (Some(first), Some(last)) = (
            NaiveDate::from_ymd_opt(year, 1, 1),
            NaiveDate::from_ymd_opt(year, 12, 31),
        ) else {
            return Vec::new();
        };
        let dates: BTreeSet<NaiveDate> = self
            .inner
            .official
            .range(first..=last)
            .map(|(d, _)| *d)
            .chain(self.inner.local.range(first..=last).map(|(d, _)| *d))
            .collect();
        dates.into_iter().filter_map(|d| self.day(d)).collect()
    }

    fn uncovered_error(&self, date: NaiveDate) -> Error {
        Error::UncoveredYear {
            year: date.year(),
            date,
            covered: year_ranges(&self.inner.covered()),
        }
    }

    /// The precomputed table of a covered year.
    #[inline]
    fn covered_table(&self, year: i32) -> Option<&YearTable> {
        // A year before `base` wraps to a huge index and finds nothing.
        let i = year.wrapping_sub(self.inner.base) as u32 as usize;
        self.inner.tables.get(i)?.as_deref()
    }

    /// Working days in `[from, b]` when every year involved is covered, else `None`.
    #[inline]
    fn covered_between(&self, from: NaiveDate, b: NaiveDate) -> Option<i64> {
        let ta = self.covered_table(from.year())?;
        let tb = self.covered_table(b.year())?;
        let upto_b = tb.before(b.ordinal0() + 1);
        if from.year() == b.year() {
            return Some(upto_b - ta.before(from.ordinal0()));
        }
        let mut n = ta.total() - ta.before(from.ordinal0()) + upto_b;
        for year in from.year() + 1..b.year() {
            n += self.covered_table(year)?.total();
        }
        Some(n)
    }

    /// The `n`-th (`n > 0`) working day counted from `from` (included) when every year involved
    /// is covered, else `None`.
    #[inline]
    fn covered_add(&self, from: NaiveDate, n: i64) -> Option<Result<NaiveDate>> {
        let mut year = from.year();
        let mut t = self.covered_table(year)?;
        let mut k = t.before(from.ordinal0()).checked_add(n)?;
        while k > t.total() {
            k -= t.total();
            year = year.checked_add(1)?;
            t = self.covered_table(year)?;
        }
        Some(t.nth(k))
    }

    /// The table of a year: precomputed when covered, built on the fly under
    /// [`Uncovered::WeekendsOnly`], else the error naming `date`.
    #[inline]
    fn table(&self, year: i32, date: NaiveDate) -> Result<Cow<'_, YearTable>> {
        if let Some(t) = self.covered_table(year) {
            return Ok(Cow::Borrowed(t));
        }
        self.uncovered_table(year, date).map(Cow::Owned)
    }

    /// A table built on the fly under [`Uncovered::WeekendsOnly`], else the error naming `date`.
    #[cold]
    #[inline(never)]
    fn uncovered_table(&self, year: i32, date: NaiveDate) -> Result<YearTable> {
        check_date("date", date)?;
        match self.uncovered {
            Uncovered::Error => Err(self.uncovered_error(date)),
            Uncovered::WeekendsOnly => YearTable::build(year, |d| self.inner.rule(d)),
        }
    }

    /// `Ok` when the calendar can answer for `date`'s year: covered, or uncovered under
    /// [`Uncovered::WeekendsOnly`]; else the error naming the year that [`Self::is_workday`]
    /// gives for `date`.
    #[inline]
    fn check_date(&self, date: NaiveDate) -> Result<()> {
        check_date("date", date)?;
        match (self.covered_table(date.year()), self.uncovered) {
            (Some(_), _) | (None, Uncovered::WeekendsOnly) => Ok(()),
            (None, Uncovered::Error) => Err(self.uncovered_error(date)),
        }
    }

    /// Whether `date` is a working day (工作日).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let cal = sunlit::WorkCalendar::china();
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// assert!(!cal.is_workday(d(2024, 10, 7))?);  // 国庆节
    /// assert!(cal.is_workday(d(2024, 10, 12))?);  // Saturday, 调休上班
    /// assert!(!cal.is_workday(d(2024, 10, 13))?); // an ordinary Sunday
    /// assert!(cal.is_workday(d(2006, 6, 1)).is_err()); // before the data starts
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    #[inline]
    pub fn is_workday(&self, date: NaiveDate) -> Result<bool> {
        if let Some(t) = self.covered_table(date.year()) {
            return Ok(t.is_work(date.ordinal0()));
        }
        Ok(self
            .uncovered_table(date.year(), date)?
            .is_work(date.ordinal0()))
    }

    /// The `n`-th working day after `date`; the start day is not counted (民法典 art. 201). This
    /// is the deadline "within n working days of `date`". `n = 0` gives `date` itself; a negative
    /// `n` counts backwards: the `|n|`-th working day before `date`.
    ///
    /// Errors: a year crossed that is not covered ([`Error::UncoveredYear`]), or a date beyond
    /// the representable range ([`Error::Overflow`]). The start day is not counted, so its own
    /// year need not be covered — except for `n = 0`, where it is the result: then an uncovered
    /// year is the same error [`Self::is_workday`] gives for that date.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let cal = sunlit::WorkCalendar::china();
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// // 20 working days across National Day 2024 (10-01…07 off, 09-29 and 10-12 worked).
    /// assert_eq!(cal.add_workdays(d(2024, 9, 20), 20)?, d(2024, 10, 23));
    /// assert_eq!(cal.add_workdays(d(2024, 10, 8), -1)?, d(2024, 9, 30));
    /// assert!(cal.add_workdays(d(2026, 12, 20), 20).is_err()); // runs into 2027
    /// assert!(cal.add_workdays(d(2030, 1, 1), 0).is_err()); // 2030 not covered, like is_workday
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn add_workdays(&self, date: NaiveDate, n: i64) -> Result<NaiveDate> {
        let overflow = || Error::overflow(format!("{date} + {n} working days"));
        check_date("date", date)?;
        if n == 0 {
            return self.check_date(date).map(|()| date);
        }
        if n > 0 {
            // Fast path: the deadline falls in covered years.
            if let Some(found) = date.succ_opt().and_then(|from| self.covered_add(from, n)) {
                return found;
            }
            // Counting starts the day after `date`. The target is the k-th working day (1-based)
            // of the year of that day, counted from 1 January; later years take the remainder.
            let mut from = date.succ_opt().ok_or_else(overflow)?;
            let mut t = self.table(from.year(), from)?;
            let mut k = t
                .before(from.ordinal0())
                .checked_add(n)
                .ok_or_else(overflow)?;
            while k > t.total() {
                k -= t.total();
                from = from
                    .year()
                    .checked_add(1)
                    .and_then(|y| NaiveDate::from_yo_opt(y, 1))
                    .ok_or_else(overflow)?;
                t = self.table(from.year(), from)?;
            }
            t.nth(k)
        } else {
            // Counting backwards starts the day before `date`.
            let mut to = date.pred_opt().ok_or_else(overflow)?;
            let mut t = self.table(to.year(), to)?;
            let mut k = t
                .before(to.ordinal0() + 1)
                .checked_add(n)
                .and_then(|k| k.checked_add(1))
                .ok_or_else(overflow)?;
            while k < 1 {
                to = to
                    .year()
                    .checked_sub(1)
                    .and_then(|y| NaiveDate::from_ymd_opt(y, 12, 31))
                    .ok_or_else(overflow)?;
                t = self.table(to.year(), to)?;
                k += t.total();
            }
            t.nth(k)
        }
    }

    /// The number of working days in `(a, b]`: after `a`, up to and including `b` (the start
    /// day is not counted, 民法典 art. 201). Negative when `b < a` (minus the count in `(b, a]`).
    /// `workdays_between(a, add_workdays(a, n)) == n` for every `n >= 0`. The later date's year
    /// must be covered (as for [`Self::is_workday`]) even when `a == b`; the earlier date is not
    /// counted, so its own year need not be.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let cal = sunlit::WorkCalendar::china();
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// assert_eq!(cal.workdays_between(d(2024, 9, 30), d(2024, 10, 8))?, 1);
    /// assert_eq!(cal.workdays_between(d(2024, 10, 8), d(2024, 9, 30))?, -1);
    /// assert_eq!(cal.workdays_between(d(2023, 12, 29), d(2024, 1, 2))?, 1); // 01-01 off
    /// assert!(cal.workdays_between(d(2026, 12, 1), d(2027, 1, 10)).is_err());
    /// assert!(cal.workdays_between(d(2030, 1, 1), d(2030, 1, 1)).is_err());
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn workdays_between(&self, a: NaiveDate, b: NaiveDate) -> Result<i64> {
        check_date("date", a)?;
        check_date("date", b)?;
        if b < a {
            return Ok(-self.workdays_between(b, a)?);
        }
        if a == b {
            return self.check_date(b).map(|()| 0);
        }
        // Fast path: (a, b] over covered years only.
        if let Some(n) = a.succ_opt().and_then(|from| self.covered_between(from, b)) {
            return Ok(n);
        }
        let overflow = || Error::overflow(format!("working days from {a} to {b}"));
        // Counting starts the day after `a`, year by year.
        let mut from = a.succ_opt().ok_or_else(overflow)?;
        let mut count = 0i64;
        loop {
            let t = self.table(from.year(), from)?;
            let skipped = t.before(from.ordinal0());
            if from.year() == b.year() {
                return Ok(count + t.before(b.ordinal0() + 1) - skipped);
            }
            count += t.total() - skipped;
            from = from
                .year()
                .checked_add(1)
                .and_then(|y| NaiveDate::from_yo_opt(y, 1))
                .ok_or_else(overflow)?;
        }
    }

    /// The first working day strictly after `date` (= `add_workdays(date, 1)`).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let cal = sunlit::WorkCalendar::china();
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// assert_eq!(cal.next_workday(d(2024, 9, 30))?, d(2024, 10, 8));
    /// assert!(cal.next_workday(d(2026, 12, 31)).is_err()); // 2027 not covered
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn next_workday(&self, date: NaiveDate) -> Result<NaiveDate> {
        self.add_workdays(date, 1)
    }

    /// `date` itself when it is a working day, else the next working day: where a period whose
    /// last day falls on a holiday ends (民法典 art. 203), e.g. a report due 31 January.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let cal = sunlit::WorkCalendar::china();
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// assert_eq!(cal.workday_on_or_after(d(2021, 1, 31))?, d(2021, 2, 1)); // a Sunday
    /// assert_eq!(cal.workday_on_or_after(d(2024, 1, 31))?, d(2024, 1, 31));
    /// assert!(cal.workday_on_or_after(d(2030, 1, 31)).is_err());
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn workday_on_or_after(&self, date: NaiveDate) -> Result<NaiveDate> {
        if self.is_workday(date)? {
            Ok(date)
        } else {
            self.next_workday(date)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn every_embedded_file_loads() {
        let mut inner = Inner::default();
        for (year, text) in EMBEDDED {
            assert_eq!(
                inner
                    .load_year(text, &crate::io::Limits::default())
                    .unwrap(),
                year
            );
        }
        assert_eq!(inner.covered(), (2007..=2026).collect::<Vec<_>>());
        assert_eq!(inner.official.len(), 678);
        assert_eq!(WorkCalendar::china().covered_years(), inner.covered());
    }

    #[test]
    fn tables_agree_with_the_rule_day_by_day() {
        let cal = WorkCalendar::china();
        let lenient = WorkCalendar::weekends_only();
        for date in d(2007, 1, 1)
            .iter_days()
            .take_while(|x| *x <= d(2026, 12, 31))
        {
            let expected = match cal.day(date) {
                Some(day) => !day.off,
                None => !is_weekend(date),
            };
            assert_eq!(cal.is_workday(date).unwrap(), expected, "{date}");
            assert_eq!(lenient.is_workday(date).unwrap(), !is_weekend(date));
        }
    }

    #[test]
    fn add_and_between_agree_with_a_day_by_day_walk() {
        let cal = WorkCalendar::china();
        let start = d(2007, 1, 1);
        for (i, a) in start.iter_days().step_by(7).take(1000).enumerate() {
            let n = (i % 45) as i64;
            let b = cal.add_workdays(a, n).unwrap();
            let mut walk = a;
            let mut left = n;
            while left > 0 {
                walk = walk.succ_opt().unwrap();
                if cal.is_workday(walk).unwrap() {
                    left -= 1;
                }
            }
            assert_eq!(b, walk, "{a} + {n}");
            assert_eq!(cal.workdays_between(a, b).unwrap(), n, "{a}..{b}");
            if n > 0 {
                let back = cal.add_workdays(b, -n).unwrap();
                assert!(back <= a && cal.is_workday(back).unwrap());
            }
        }
    }

    #[test]
    fn uncovered_years_are_errors_naming_the_year() {
        let cal = WorkCalendar::china();
        let err = cal.is_workday(d(2027, 5, 3)).unwrap_err();
        assert_eq!(
            err,
            Error::UncoveredYear {
                year: 2027,
                date: d(2027, 5, 3),
                covered: "2007–2026".to_owned()
            }
        );
        assert!(err.to_string().contains("2027"));
        // 2006-12-30/31 are listed in 2007.json but 2006 itself is not covered.
        assert!(cal.is_workday(d(2006, 12, 31)).is_err());
        // The start day is not counted: starting on 2006-12-31 needs only 2007.
        assert_eq!(cal.add_workdays(d(2006, 12, 31), 1).unwrap(), d(2007, 1, 4));
        assert_eq!(
            cal.workdays_between(d(2006, 12, 31), d(2007, 1, 4))
                .unwrap(),
            1
        );
        let lenient = cal.with_uncovered(Uncovered::WeekendsOnly);
        // Listed days of an uncovered year still apply under weekends-only: 2006-12-30 is a
        // Saturday worked (2007.json).
        assert!(lenient.is_workday(d(2006, 12, 30)).unwrap());
        assert!(!lenient.is_workday(d(2006, 12, 23)).unwrap());
        assert_eq!(
            lenient.add_workdays(d(2026, 12, 31), 1).unwrap(),
            d(2027, 1, 1)
        );
    }

    /// Zero working days after a date is the date itself, so its year must be covered exactly
    /// as `is_workday` requires; likewise an empty interval ending in an uncovered year.
    #[test]
    fn zero_workdays_need_the_date_covered() {
        let cal = WorkCalendar::china();
        for date in [d(2030, 1, 1), d(2006, 12, 31), d(2027, 1, 4)] {
            let expected = cal.is_workday(date).unwrap_err();
            assert_eq!(cal.add_workdays(date, 0).unwrap_err(), expected, "{date}");
            assert_eq!(cal.workdays_between(date, date).unwrap_err(), expected);
            assert!(expected.to_string().contains(&date.year().to_string()));
        }
        assert_eq!(cal.add_workdays(d(2024, 10, 1), 0).unwrap(), d(2024, 10, 1));
        assert_eq!(
            cal.workdays_between(d(2024, 10, 1), d(2024, 10, 1))
                .unwrap(),
            0
        );
        let lenient = cal.with_uncovered(Uncovered::WeekendsOnly);
        assert_eq!(
            lenient.add_workdays(d(2030, 1, 1), 0).unwrap(),
            d(2030, 1, 1)
        );
        assert_eq!(
            lenient
                .workdays_between(d(2030, 1, 1), d(2030, 1, 1))
                .unwrap(),
            0
        );
    }

    #[test]
    fn year_ranges_format() {
        assert_eq!(year_ranges(&[2007, 2008, 2010]), "2007–2008, 2010");
        assert_eq!(year_ranges(&[]), "none");
    }

    #[test]
    fn strict_dates() {
        assert_eq!(parse_iso_date("2024-01-05"), Some(d(2024, 1, 5)));
        assert_eq!(parse_iso_date("2024-1-5"), None);
        assert_eq!(parse_iso_date("2024-02-30"), None);
    }
}
