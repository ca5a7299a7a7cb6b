//! The catalogue year by year: names printed in real documents per catalogue year, known changes
//! between editions, and the questions a checker asks of a printed line — what is this code
//! called in year Y, is it listed in Y, was it renamed, added or retired, and does the printed
//! name match.
//!
//! [`Catalog::embedded`] holds the verified seed, the functional 类 names per year and the
//! code→name pairs printed in real published documents (`core/data/classification/printed_names.csv`,
//! provenance in `SOURCE.md`): authentic per year, but **no year is complete**, so a code the
//! catalogue does not list is "not listed", never "does not exist".
//!
//! ```
//! use sunlit::{Catalog, Code};
//! use sunlit::catalog::{NameMatch, Presence};
//! let cat = Catalog::embedded();
//! let c = Code::functional("2080505")?;
//! assert_eq!(cat.name_in(c, 2025), Some("机关事业单位基本养老保险缴费支出"));
//! assert_eq!(cat.presence(c, 2025), Presence::Listed);
//! assert!(matches!(cat.match_name(c, 2025, "机关事业单位基本养老保\n险缴费支出"), NameMatch::Exact));
//! assert_eq!(cat.presence(Code::functional("2299999")?, 2025), Presence::NotListed);
//! # Ok::<(), sunlit::Error>(())
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::sync::LazyLock;

use super::{Catalog, functional_class_name};
use crate::classification::{Code, Scheme};
use crate::error::{Error, Result};

const PRINTED: &str = include_str!("../../data/classification/printed_names.csv");
const CHANGES: &str = include_str!("../../data/classification/changes.csv");

static EMBEDDED: LazyLock<Catalog> = LazyLock::new(|| {
    let mut c = Catalog::seed().clone();
    // The embedded files are checked by the crate's tests (`embedded_files_load`); a failure
    // here would be a packaging bug, and the seed alone is the honest answer then.
    let _ = c.load_printed_csv(PRINTED.as_bytes());
    let _ = c.load_changes_csv(CHANGES.as_bytes());
    c
});

/// Whether a code is listed in a year's catalogue.
///
/// ```
/// use sunlit::{Catalog, Code, catalog::Presence, classification::Scheme};
/// let mut c = Catalog::new();
/// c.insert(2026, Code::functional("22999")?, "其他支出");
/// assert_eq!(c.presence(Code::functional("22999")?, 2026), Presence::Listed);
/// assert_eq!(c.presence(Code::functional("22960")?, 2026), Presence::NotListed);
/// c.set_complete(Scheme::Functional, 2026, 2);
/// assert_eq!(c.presence(Code::functional("22960")?, 2026), Presence::Absent);
/// assert_eq!(c.presence(Code::functional("22999")?, 2019), Presence::NoCatalogue);
/// # Ok::<(), sunlit::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// The year's catalogue lists the code.
    Listed,
    /// The year's catalogue does not list it and is incomplete at the code's level: the code
    /// may exist all the same.
    NotListed,
    /// The year's catalogue is complete at the code's level and does not list it: the code does
    /// not exist that year.
    Absent,
    /// No catalogue of that scheme and year at all.
    NoCatalogue,
}

/// How a code changed between two catalogue years.
///
/// ```
/// use sunlit::{Catalog, Code, catalog::Change};
/// let cat = Catalog::embedded();
/// let c = Code::functional("210")?;
/// assert!(matches!(cat.change(c, 2018, 2024), Change::Renamed { .. }));
/// assert_eq!(cat.change(Code::functional("22006")?, 2023, 2024), Change::Added { year: 2024 });
/// # Ok::<(), sunlit::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// The same name in both years.
    Same,
    /// Listed in both years under different names.
    Renamed {
        /// The name in the first year.
        from: String,
        /// The name in the second year.
        to: String,
    },
    /// Added to the catalogue in `year` (a known change, `changes.csv`).
    Added {
        /// The first catalogue year with the code.
        year: i32,
    },
    /// Retired in `year`: not in that year's catalogue or later ones (a known change).
    Retired {
        /// The first catalogue year without the code.
        year: i32,
    },
    /// Not enough is known of one of the years to say.
    Unknown,
}

/// How a printed name compares with the code's name in the catalogue of the year.
///
/// ```
/// use sunlit::{Catalog, Code, catalog::NameMatch};
/// let cat = Catalog::embedded();
/// let c = Code::functional("2080505")?;
/// assert_eq!(cat.match_name(c, 2024, "机关事业单位基本养老保险缴费支出"), NameMatch::Exact);
/// assert_eq!(cat.match_name(c, 2024, "机关事业单位基本养老保险缴费"), NameMatch::Variant);
/// assert!(matches!(cat.match_name(c, 2024, "机关事业单位职业年金缴费支出"), NameMatch::OtherCode { .. }));
/// assert!(matches!(cat.match_name(c, 2024, "公务接待"), NameMatch::Mismatch { .. }));
/// assert_eq!(cat.match_name(Code::functional("2299999")?, 2024, "x"), NameMatch::Unknown);
/// # Ok::<(), sunlit::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameMatch {
    /// The same name, up to whitespace, line breaks, full-width forms, Kangxi radicals,
    /// enumerators and bracketed remarks.
    Exact,
    /// An accepted variant: the name with or without a trailing 支出, a name cut short where
    /// it wrapped, or a short form keeping the official name's characters in order.
    Variant,
    /// The code's name in another catalogue year (the code was renamed).
    OtherYear {
        /// The year whose name was printed.
        year: i32,
        /// The name in the year asked about.
        expected: String,
    },
    /// The name of another code in the same year's catalogue, and not a variant of this one's.
    OtherCode {
        /// The code whose name was printed.
        code: Code,
        /// The name of the printed code in the year asked about.
        expected: String,
    },
    /// A different name.
    Mismatch {
        /// The name in the year asked about.
        expected: String,
    },
    /// The catalogue has no name for the code in that year: nothing to compare.
    Unknown,
}

/// A name reduced for comparison (see [`NameMatch::Exact`]).
fn key(name: &str) -> String {
    crate::tables::normalize_label(name)
}

/// Whether `short` keeps the characters of `long` in order (a short form).
fn subsequence(short: &str, long: &str) -> bool {
    let mut it = long.chars();
    short.chars().all(|c| it.any(|l| l == c))
}

/// Whether two reduced names are accepted variants of each other.
fn variant(a: &str, b: &str) -> bool {
    let strip = |s: &'_ str| -> String { s.strip_suffix("支出").unwrap_or(s).to_owned() };
    let (sa, sb) = (strip(a), strip(b));
    if sa == sb {
        return true;
    }
    let (short, long) = if sa.chars().count() <= sb.chars().count() {
        (&sa, &sb)
    } else {
        (&sb, &sa)
    };
    short.chars().count() >= 2 && (long.starts_with(short.as_str()) || subsequence(short, long))
}

impl Catalog {
    /// Everything the library embeds: [`Catalog::seed`], the functional 类 names per year and
    /// the names printed in real published documents per catalogue year, with the known changes
    /// between editions (see the module docs and `core/data/classification/SOURCE.md`). No year
    /// is complete.
    ///
    /// ```
    /// use sunlit::{Catalog, classification::Scheme};
    /// let years = Catalog::embedded().years(Scheme::Functional);
    /// assert!(years.contains(&2017) && years.contains(&2025));
    /// assert!(!Catalog::embedded().is_complete(Scheme::Functional, 2025, 3));
    /// ```
    pub fn embedded() -> &'static Catalog {
        &EMBEDDED
    }

    /// Load names printed in documents, several years at once, from CSV with the header
    /// `year,code,name,source` (the scheme follows from the code's first digit: 1 revenue,
    /// 2 functional, 3 departmental economic, 5 government economic). A (year, code) given twice
    /// must carry the same name. Any bad row is an [`Error::Input`] naming line and column, and
    /// nothing is loaded then. Returns the number of rows loaded.
    ///
    /// ```
    /// use sunlit::{Catalog, Code};
    /// let mut c = Catalog::new();
    /// let csv = "year,code,name,source\n2025,2010101,行政运行,my-doc\n2025,30113,住房公积金,my-doc\n";
    /// assert_eq!(c.load_printed_csv(csv.as_bytes())?, 2);
    /// assert_eq!(c.name(Code::economic("30113")?, 2025), Some("住房公积金"));
    /// let bad = "year,code,name,source\n2025,2010101,行政运行,a\n2025,2010101,机关服务,b\n";
    /// assert!(c.load_printed_csv(bad.as_bytes()).is_err());
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn load_printed_csv<R: Read>(&mut self, reader: R) -> Result<usize> {
        let opts = crate::io::InputOptions::default();
        let mut rows =
            crate::io::CsvTable::read(reader, &["year", "code", "name", "source"], &opts)?;
        let mut loaded: BTreeMap<(i32, Code), String> = BTreeMap::new();
        while let Some(row) = rows.next_row()? {
            let line = row.line;
            let year = parse_year(row.get(0)).map_err(|e| e.at(line, "year"))?;
            let code = code_any_scheme(row.get(1)).map_err(|e| e.at(line, "code"))?;
            let name = row.get(2).trim();
            if name.is_empty() {
                return Err(
                    Error::value("name", row.get(2), "a catalogue name must not be blank")
                        .at(line, "name"),
                );
            }
            if let Some(old) = loaded.insert((year, code), name.to_owned())
                && old != name
            {
                return Err(Error::value(
                    "name",
                    row.get(2),
                    format!("{code} is already named {old:?} in {year}"),
                )
                .at(line, "name"));
            }
        }
        let n = loaded.len();
        for ((year, code), name) in loaded {
            self.insert(year, code, name);
        }
        Ok(n)
    }

    /// Load known changes between editions from CSV with the header `year,code,change,source`,
    /// `change` being `added` (first year with the code) or `retired` (first year without it).
    /// Bad rows are an [`Error::Input`] naming line and column; nothing is loaded then.
    ///
    /// ```
    /// use sunlit::{Catalog, Code, catalog::Change};
    /// let mut c = Catalog::new();
    /// c.load_changes_csv("year,code,change,source\n2021,2130599,retired,x\n".as_bytes())?;
    /// assert_eq!(c.change(Code::functional("2130599")?, 2020, 2022), Change::Retired { year: 2021 });
    /// assert!(c.load_changes_csv("year,code,change,source\n2021,2130599,moved,x\n".as_bytes()).is_err());
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn load_changes_csv<R: Read>(&mut self, reader: R) -> Result<usize> {
        let opts = crate::io::InputOptions::default();
        let mut rows =
            crate::io::CsvTable::read(reader, &["year", "code", "change", "source"], &opts)?;
        let mut loaded = Vec::new();
        while let Some(row) = rows.next_row()? {
            let line = row.line;
            let year = parse_year(row.get(0)).map_err(|e| e.at(line, "year"))?;
            let code = code_any_scheme(row.get(1)).map_err(|e| e.at(line, "code"))?;
            let added = match row.get(2).trim() {
                "added" => true,
                "retired" => false,
                other => {
                    return Err(Error::value("change", other, "expected added or retired")
                        .at(line, "change"));
                }
            };
            loaded.push((code, year, added));
        }
        let n = loaded.len();
        for (code, year, added) in loaded {
            if added {
                self.added.insert(code, year);
            } else {
                self.retired.insert(code, year);
            }
        }
        Ok(n)
    }

    /// Declare the catalogue of (scheme, year) complete at `level` (1 = 类 …): a code of that
    /// level it does not list is then [`Presence::Absent`]. Only do this for a catalogue read
    /// from a whole official edition.
    ///
    /// ```
    /// use sunlit::{Catalog, classification::Scheme};
    /// let mut c = Catalog::new();
    /// c.set_complete(Scheme::Functional, 2026, 1);
    /// assert!(c.is_complete(Scheme::Functional, 2026, 1));
    /// assert!(!c.is_complete(Scheme::Functional, 2026, 2));
    /// ```
    pub fn set_complete(&mut self, scheme: Scheme, year: i32, level: u8) {
        self.complete.insert((scheme, year, level));
    }

    /// Whether the catalogue of (scheme, year) is complete at `level` (see
    /// [`Catalog::set_complete`]); never for the embedded catalogue.
    ///
    /// ```
    /// use sunlit::{Catalog, classification::Scheme};
    /// assert!(!Catalog::embedded().is_complete(Scheme::Functional, 2024, 1));
    /// ```
    pub fn is_complete(&self, scheme: Scheme, year: i32, level: u8) -> bool {
        self.complete.contains(&(scheme, year, level))
    }

    /// The name of `code` in the catalogue of `year`: [`Catalog::name`], else for a functional
    /// 类 its name in force that year ([`functional_class_name`]).
    ///
    /// ```
    /// use sunlit::{Catalog, Code};
    /// let cat = Catalog::embedded();
    /// assert_eq!(cat.name_in(Code::functional("210")?, 2016), Some("医疗卫生与计划生育支出"));
    /// assert_eq!(cat.name_in(Code::functional("2109999")?, 2024), None);
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn name_in(&self, code: Code, year: i32) -> Option<&str> {
        self.name(code, year).or_else(|| {
            (code.scheme() == Scheme::Functional && code.level() == 1)
                .then(|| functional_class_name(code, year))
                .flatten()
        })
    }

    /// Whether `code` is listed in the catalogue of `year` (see [`Presence`]).
    ///
    /// ```
    /// use sunlit::{Catalog, Code, catalog::Presence};
    /// assert_eq!(Catalog::embedded().presence(Code::economic("30113")?, 2025), Presence::Listed);
    /// assert_eq!(Catalog::embedded().presence(Code::economic("30113")?, 1999), Presence::NoCatalogue);
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn presence(&self, code: Code, year: i32) -> Presence {
        if self.name_in(code, year).is_some() {
            return Presence::Listed;
        }
        let held = self
            .names
            .get(&(code.scheme(), year))
            .is_some_and(|m| !m.is_empty());
        if !held {
            Presence::NoCatalogue
        } else if self.is_complete(code.scheme(), year, code.level()) {
            Presence::Absent
        } else {
            Presence::NotListed
        }
    }

    /// The names of `code` in every catalogue year that lists it, ascending by year.
    ///
    /// ```
    /// use sunlit::{Catalog, Code};
    /// let h = Catalog::embedded().history(Code::functional("2080505")?);
    /// assert!(h.iter().any(|(y, n)| *y == 2025 && n == "机关事业单位基本养老保险缴费支出"));
    /// assert!(Catalog::new().history(Code::functional("208")?).is_empty());
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn history(&self, code: Code) -> Vec<(i32, String)> {
        let mut years: BTreeSet<i32> = self
            .names
            .iter()
            .filter(|((s, _), m)| *s == code.scheme() && m.contains_key(&code))
            .map(|((_, y), _)| *y)
            .collect();
        if code.scheme() == Scheme::Functional && code.level() == 1 {
            years.extend(self.years(Scheme::Functional));
        }
        years
            .into_iter()
            .filter_map(|y| self.name_in(code, y).map(|n| (y, n.to_owned())))
            .collect()
    }

    /// How `code` changed between the catalogues of `from` and `to` (see [`Change`]): a known
    /// addition or retirement between the two years first, else the names of both years.
    ///
    /// ```
    /// use sunlit::{Catalog, Code, catalog::Change};
    /// let cat = Catalog::embedded();
    /// assert_eq!(cat.change(Code::functional("2080505")?, 2024, 2025), Change::Same);
    /// assert_eq!(cat.change(Code::functional("2080505")?, 2020, 2025), Change::Unknown);
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn change(&self, code: Code, from: i32, to: i32) -> Change {
        let (lo, hi) = (from.min(to), from.max(to));
        if let Some(&y) = self.added.get(&code)
            && lo < y
            && y <= hi
        {
            return Change::Added { year: y };
        }
        if let Some(&y) = self.retired.get(&code)
            && lo < y
            && y <= hi
        {
            return Change::Retired { year: y };
        }
        match (self.name_in(code, from), self.name_in(code, to)) {
            (Some(a), Some(b)) if key(a) == key(b) => Change::Same,
            (Some(a), Some(b)) => Change::Renamed {
                from: a.to_owned(),
                to: b.to_owned(),
            },
            _ => Change::Unknown,
        }
    }

    /// Whether `code` is out of force in `year` by a known change: the year it was retired
    /// (the code is used in or after it) or added (the code is used before it).
    ///
    /// ```
    /// use sunlit::{Catalog, Code, catalog::Change};
    /// let cat = Catalog::embedded();
    /// assert_eq!(cat.out_of_force(Code::functional("22006")?, 2023), Some(Change::Added { year: 2024 }));
    /// assert_eq!(cat.out_of_force(Code::functional("22006")?, 2024), None);
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn out_of_force(&self, code: Code, year: i32) -> Option<Change> {
        if let Some(&y) = self.retired.get(&code)
            && year >= y
        {
            return Some(Change::Retired { year: y });
        }
        match self.added.get(&code) {
            Some(&y) if year < y => Some(Change::Added { year: y }),
            _ => None,
        }
    }

    /// Compare a printed name with the name of `code` in the catalogue of `year` (see
    /// [`NameMatch`]).
    ///
    /// ```
    /// use sunlit::{Catalog, Code, catalog::NameMatch};
    /// let c = Code::functional("2080505")?;
    /// assert_eq!(Catalog::embedded().match_name(c, 2025, " 机关事业单位基本养老保险缴费支出 "), NameMatch::Exact);
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn match_name(&self, code: Code, year: i32, printed: &str) -> NameMatch {
        let Some(official) = self.name_in(code, year) else {
            return NameMatch::Unknown;
        };
        let (p, o) = (key(printed), key(official));
        if p == o {
            return NameMatch::Exact;
        }
        if variant(&p, &o) {
            return NameMatch::Variant;
        }
        if let Some((y, _)) = self
            .history(code)
            .into_iter()
            .find(|(_, n)| variant(&key(n), &p) || key(n) == p)
        {
            return NameMatch::OtherYear {
                year: y,
                expected: official.to_owned(),
            };
        }
        let other = self
            .entries(code.scheme(), year)
            .find(|(c, n)| *c != code && c.level() == code.level() && key(n) == p);
        match other {
            Some((c, _)) => NameMatch::OtherCode {
                code: c,
                expected: official.to_owned(),
            },
            None => NameMatch::Mismatch {
                expected: official.to_owned(),
            },
        }
    }
}

fn parse_year(text: &str) -> Result<i32> {
    text.trim()
        .parse::<i32>()
        .ok()
        .filter(|y| (1990..=2100).contains(y))
        .ok_or_else(|| Error::value("year", text, "expected a catalogue year such as 2025"))
}

/// A code in the scheme its first digit names.
fn code_any_scheme(text: &str) -> Result<Code> {
    let scheme = match text.trim().as_bytes().first() {
        Some(b'1') => Scheme::Revenue,
        Some(b'3') => Scheme::DeptEconomic,
        Some(b'5') => Scheme::GovEconomic,
        _ => Scheme::Functional,
    };
    Code::parse(scheme, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_files_load() {
        let mut c = Catalog::new();
        let n = c.load_printed_csv(PRINTED.as_bytes()).unwrap();
        assert_eq!(n, PRINTED.lines().skip(1).count());
        let m = c.load_changes_csv(CHANGES.as_bytes()).unwrap();
        assert_eq!(m, CHANGES.lines().skip(1).count());
    }

    #[test]
    fn printed_names_agree_with_the_seed() {
        // Where the seed (read off other documents) names a code for a year, the printed names
        // of the corpus agree with it, up to accepted variants.
        let mut c = Catalog::new();
        c.load_printed_csv(PRINTED.as_bytes()).unwrap();
        for scheme in [Scheme::Functional, Scheme::DeptEconomic] {
            for year in Catalog::seed().years(scheme) {
                for (code, name) in Catalog::seed().entries(scheme, year) {
                    if let Some(p) = c.name(code, year) {
                        assert!(
                            key(p) == key(name) || variant(&key(p), &key(name)),
                            "{year} {code}: {p} vs seed {name}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn variants() {
        assert!(variant("其他一般公共服务", "其他一般公共服务支出"));
        assert!(variant("社保和就业", "社会保障和就业"));
        assert!(!variant("行政运行", "机关服务"));
        assert!(!variant("办公费", "印刷费"));
    }
}
