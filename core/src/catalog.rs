//! Catalogues of code names (科目名称), keyed by scheme and catalogue year.
//!
//! The MOF issues a new 《政府收支分类科目》 every year and names change between editions (e.g.
//! 210 was 医疗卫生与计划生育支出 before it became 卫生健康支出; fiscal.md §0 point 1, §1.3), so a name
//! is only meaningful for a (scheme, year). A [`Catalog`] answers "what is this code called in
//! that year's catalogue" and nothing else: a code it does not hold has no name — it never
//! guesses from a neighbouring year or a similar code.
//!
//! [`Catalog::seed`] embeds the verified partial seed read off real published documents (see
//! `core/data/classification/SOURCE.md`): 67 functional codes and 65 departmental economic codes,
//! registered for the 2024 and 2026 catalogue years they were read from. It is **not** the national
//! catalogue; load a full one with [`Catalog::load_csv`].
//!
//! [`Catalog::embedded`] adds the functional 类 names per year and the code→name pairs printed in
//! real documents for the catalogue years 2017, 2019 and 2023–2026, with a year-aware lookup
//! ([`Catalog::name_in`], [`Catalog::presence`], [`Catalog::history`], [`Catalog::change`],
//! [`Catalog::match_name`]) and the `catalogue.*` checks of printed 科目
//! ([`Catalog::check_table`]; every document read is checked against the catalogue of its year).
//!
//! ```
//! use sunlit::Catalog;
//! use sunlit::catalog::functional_class_by_name;
//! use sunlit::classification::Scheme;
//! assert!(Catalog::seed().years(Scheme::Functional).contains(&2026));
//! assert_eq!(functional_class_by_name("一、教育支出", None).map(|c| c.to_string()).as_deref(), Some("205"));
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::sync::LazyLock;

use crate::budget::Ledger;
use crate::classification::{Code, Scheme};
use crate::error::{Error, Result};
use crate::finding::{Finding, Findings};

pub(crate) use crate::rules::catalog as rules;

mod check;
mod editions;
pub(crate) use check::check_document;
pub use editions::{Change, NameMatch, Presence};

const SEED_FUNCTIONAL: &str = include_str!("../data/classification/functional_observed_seed.csv");
const SEED_DEPT_ECONOMIC: &str =
    include_str!("../data/classification/dept_economic_basic_subset.csv");
/// The catalogue years the seed rows were read from (SOURCE.md).
const SEED_YEARS: [i32; 2] = [2024, 2026];

static SEED: LazyLock<Catalog> = LazyLock::new(|| {
    let mut c = Catalog::new();
    for year in SEED_YEARS {
        // The embedded files are checked by the crate's tests; a failure here would be a
        // packaging bug, and an empty catalogue is the honest answer then.
        let _ = c.load_csv(Scheme::Functional, year, SEED_FUNCTIONAL.as_bytes());
        let _ = c.load_csv(Scheme::DeptEconomic, year, SEED_DEPT_ECONOMIC.as_bytes());
    }
    c
});

const FUNCTIONAL_CLASSES: &str = include_str!("../data/classification/functional_classes.csv");

/// One functional 类 name with the catalogue years it was in force.
struct ClassName {
    code: Code,
    name: String,
    first: i32,
    last: Option<i32>,
}

/// The embedded 类 names (`core/data/classification/functional_classes.csv`, SOURCE.md). A line
/// that does not read is a packaging bug caught by `class_names_load_completely`, skipped here.
static CLASSES: LazyLock<Vec<ClassName>> = LazyLock::new(|| {
    FUNCTIONAL_CLASSES
        .lines()
        .skip(1)
        .filter_map(|l| {
            let f: Vec<&str> = l.split(',').map(str::trim).collect();
            let code = Code::functional(f.first()?)
                .ok()
                .filter(|c| c.level() == 1)?;
            Some(ClassName {
                code,
                name: crate::tables::normalize_label(f.get(1)?),
                first: f.get(2)?.parse().ok()?,
                last: match f.get(3)? {
                    &"" => None,
                    y => Some(y.parse().ok()?),
                },
            })
        })
        .collect()
});

/// The functional 类 (支出功能分类, 201–234) a line printed by **name without a code** stands for —
/// `一般公共服务支出` → 201, `二十、粮油物资储备支出` → 222 — in the catalogue of `year` (names
/// renamed in 2019 such as 医疗卫生与计划生育支出 belong to the years they were in force), or in any
/// year with `None` (no 类 name ever meant two codes). Spaces, enumerators (`一、`), bracketed
/// remarks and Kangxi radicals are ignored; anything else must match exactly. `None` for a name
/// that is not a 类 name. Source: 财政部《政府收支分类科目》 as printed in the MOF 2024 final-account
/// template and real 2024–2026 documents (`core/data/classification/SOURCE.md`).
///
/// ```
/// use sunlit::{Code, catalog::functional_class_by_name};
/// assert_eq!(functional_class_by_name("五、教育支出", Some(2024)), Some(Code::functional("205")?));
/// assert_eq!(functional_class_by_name("医疗卫生与计划生育支出", Some(2016)), Some(Code::functional("210")?));
/// assert_eq!(functional_class_by_name("医疗卫生与计划生育支出", Some(2024)), None); // renamed in 2019
/// assert_eq!(functional_class_by_name("医疗卫生与计划生育支出", None), Some(Code::functional("210")?));
/// assert_eq!(functional_class_by_name("行政运行", None), None);
/// # Ok::<(), sunlit::Error>(())
/// ```
pub fn functional_class_by_name(name: &str, year: Option<i32>) -> Option<Code> {
    let n = crate::tables::normalize_label(name);
    if n.is_empty() {
        return None;
    }
    CLASSES
        .iter()
        .find(|c| {
            c.name == n && year.is_none_or(|y| y >= c.first && c.last.is_none_or(|last| y <= last))
        })
        .map(|c| c.code)
}

/// The name of a functional 类 in the catalogue of `year` (see [`functional_class_by_name`]);
/// `None` for a code that is not a 类 or a year before its name was in force.
///
/// ```
/// use sunlit::{Code, catalog::functional_class_name};
/// let c = Code::functional("210")?;
/// assert_eq!(functional_class_name(c, 2024), Some("卫生健康支出"));
/// assert_eq!(functional_class_name(c, 2016), Some("医疗卫生与计划生育支出"));
/// assert_eq!(functional_class_name(Code::functional("21011")?, 2024), None);
/// # Ok::<(), sunlit::Error>(())
/// ```
pub fn functional_class_name(code: Code, year: i32) -> Option<&'static str> {
    CLASSES
        .iter()
        .find(|c| c.code == code && year >= c.first && c.last.is_none_or(|last| year <= last))
        .map(|c| c.name.as_str())
}

/// Names of codes per (scheme, catalogue year).
///
/// ```
/// use sunlit::{Catalog, Code};
/// let seed = Catalog::seed();
/// let c = Code::functional("2080505").unwrap();
/// assert_eq!(seed.name(c, 2026), Some("机关事业单位基本养老保险缴费支出"));
/// assert_eq!(seed.name(c, 2025), None); // no 2025 catalogue: no guess
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Catalog {
    names: BTreeMap<(Scheme, i32), BTreeMap<Code, String>>,
    /// (scheme, year, level) catalogues declared complete ([`Catalog::set_complete`]).
    complete: BTreeSet<(Scheme, i32, u8)>,
    /// Known additions: the first catalogue year with the code.
    added: BTreeMap<Code, i32>,
    /// Known retirements: the first catalogue year without the code.
    retired: BTreeMap<Code, i32>,
}

/// Options of [`Catalog::check_ledger`].
///
/// ```
/// let o = sunlit::catalog::CatalogCheckOptions { year: Some(2026), economic: true };
/// assert!(o.economic);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CatalogCheckOptions {
    /// Check against this catalogue year instead of each line's own budget year.
    pub year: Option<i32>,
    /// Also check the economic codes.
    pub economic: bool,
}

impl Catalog {
    /// An empty catalogue.
    ///
    /// ```
    /// assert!(sunlit::Catalog::new().is_empty());
    /// ```
    pub fn new() -> Catalog {
        Catalog::default()
    }

    /// The embedded verified seed (partial; see the module docs).
    ///
    /// ```
    /// assert!(sunlit::Catalog::seed().years(sunlit::classification::Scheme::Functional).contains(&2026));
    /// ```
    pub fn seed() -> &'static Catalog {
        &SEED
    }

    /// Whether the catalogue holds no names at all.
    ///
    /// ```
    /// assert!(!sunlit::Catalog::seed().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.names.values().all(BTreeMap::is_empty)
    }

    /// Add or replace one name.
    ///
    /// ```
    /// use sunlit::{Catalog, Code};
    /// let mut c = Catalog::new();
    /// c.insert(2026, Code::functional("229").unwrap(), "其他支出");
    /// assert_eq!(c.name(Code::functional("229").unwrap(), 2026), Some("其他支出"));
    /// ```
    pub fn insert(&mut self, year: i32, code: Code, name: impl Into<String>) {
        self.names
            .entry((code.scheme(), year))
            .or_default()
            .insert(code, name.into());
    }

    /// The name of `code` in the `year` catalogue of its scheme, or `None`.
    ///
    /// ```
    /// use sunlit::{Catalog, Code};
    /// assert_eq!(Catalog::seed().name(Code::economic("30113").unwrap(), 2024), Some("住房公积金"));
    /// assert_eq!(Catalog::seed().name(Code::functional("229").unwrap(), 2024), None);
    /// ```
    pub fn name(&self, code: Code, year: i32) -> Option<&str> {
        self.names
            .get(&(code.scheme(), year))
            .and_then(|m| m.get(&code))
            .map(String::as_str)
    }

    /// The catalogue years held for a scheme, ascending.
    ///
    /// ```
    /// assert_eq!(sunlit::Catalog::seed().years(sunlit::classification::Scheme::Revenue), Vec::<i32>::new());
    /// ```
    pub fn years(&self, scheme: Scheme) -> Vec<i32> {
        self.names
            .iter()
            .filter(|((s, _), m)| *s == scheme && !m.is_empty())
            .map(|((_, y), _)| *y)
            .collect()
    }

    /// The codes and names of one catalogue, in code order.
    ///
    /// ```
    /// let n = sunlit::Catalog::seed().entries(sunlit::classification::Scheme::DeptEconomic, 2024).count();
    /// assert_eq!(n, 65);
    /// ```
    pub fn entries(&self, scheme: Scheme, year: i32) -> impl Iterator<Item = (Code, &str)> + '_ {
        self.names
            .get(&(scheme, year))
            .into_iter()
            .flat_map(|m| m.iter().map(|(c, n)| (*c, n.as_str())))
    }

    /// Load one catalogue from CSV with the header `code,name,level,parent` (UTF-8, an optional
    /// BOM). Every row is checked: the code must parse in `scheme`, `level` must be its level and
    /// `parent` its parent (blank for a 类), the name must not be blank, and no code may repeat.
    /// Any violation is an [`Error::Input`] naming line and column; nothing is loaded then.
    /// Returns the number of rows loaded.
    ///
    /// ```
    /// use sunlit::{Catalog, Code, classification::Scheme};
    /// let mut c = Catalog::new();
    /// let n = c.load_csv(Scheme::Functional, 2026, "code,name,level,parent\n229,其他支出,1,\n".as_bytes()).unwrap();
    /// assert_eq!(n, 1);
    /// let bad = "code,name,level,parent\n22999,其他支出,1,\n";
    /// assert!(c.load_csv(Scheme::Functional, 2026, bad.as_bytes()).is_err());
    /// ```
    pub fn load_csv<R: Read>(&mut self, scheme: Scheme, year: i32, reader: R) -> Result<usize> {
        self.load_csv_with(scheme, year, reader, &crate::io::InputOptions::default())
            .map(|(n, _)| n)
    }

    /// [`Catalog::load_csv`] with [`InputOptions`](crate::input::InputOptions) (quoting and limits);
    /// returns the number of rows loaded and the warnings of the fields read under lenient
    /// quoting. Nothing is loaded on an error.
    ///
    /// ```
    /// use sunlit::{Catalog, Error, classification::Scheme, input::{InputOptions, Limits}};
    /// let csv = "code,name,level,parent\n229,其他支出,1,\n";
    /// let mut c = Catalog::new();
    /// let tiny = InputOptions { limits: Limits { max_field_bytes: 8, ..Limits::default() }, ..Default::default() };
    /// assert!(matches!(c.load_csv_with(Scheme::Functional, 2026, csv.as_bytes(), &tiny),
    ///     Err(Error::Limit { ref limit, line: 2, .. }) if limit == "max_field_bytes"));
    /// assert!(c.years(Scheme::Functional).is_empty());
    /// let (n, findings) = c.load_csv_with(Scheme::Functional, 2026, csv.as_bytes(), &InputOptions::default()).unwrap();
    /// assert_eq!((n, findings.len()), (1, 0));
    /// ```
    pub fn load_csv_with<R: Read>(
        &mut self,
        scheme: Scheme,
        year: i32,
        reader: R,
        opts: &crate::io::InputOptions,
    ) -> Result<(usize, Vec<crate::Finding>)> {
        let mut rows =
            crate::io::CsvTable::read(reader, &["code", "name", "level", "parent"], opts)?;
        let mut loaded: BTreeMap<Code, String> = BTreeMap::new();
        while let Some(row) = rows.next_row()? {
            let line = row.line;
            let code = Code::parse(scheme, row.get(0)).map_err(|e| e.at(line, "code"))?;
            let name = row.get(1).trim();
            if name.is_empty() {
                return Err(
                    Error::value("name", row.get(1), "a catalogue name must not be blank")
                        .at(line, "name"),
                );
            }
            let level = row.get(2).trim();
            if level != code.level().to_string() {
                return Err(Error::value(
                    "level",
                    row.get(2),
                    format!("code {code} is at level {}", code.level()),
                )
                .at(line, "level"));
            }
            let parent = row.get(3).trim();
            let want = code.parent().map(|p| p.to_string()).unwrap_or_default();
            if parent != want {
                return Err(Error::value(
                    "parent",
                    row.get(3),
                    format!("the parent of {code} is {want:?}"),
                )
                .at(line, "parent"));
            }
            if loaded.insert(code, name.to_owned()).is_some() {
                return Err(
                    Error::value("code", row.get(0), "the code appears twice").at(line, "code")
                );
            }
        }
        let n = loaded.len();
        self.names.entry((scheme, year)).or_default().extend(loaded);
        Ok((n, rows.findings()))
    }

    /// List the ledger's codes that the catalogue lacks, as findings
    /// ([`rules::UNKNOWN_CODE`], one per distinct code and year), or one
    /// [`rules::NO_CATALOGUE`] finding per (scheme, year) with no catalogue at all.
    ///
    /// ```
    /// use sunlit::{Catalog, Ledger, catalog::CatalogCheckOptions};
    /// let ledger = Ledger::read_csv_str("year,book,phase,unit,functional,economic,nature,source,amount\n\
    ///     2026,general,budget,u,2080505,,basic,,1\n2026,general,budget,u,2299999,,basic,,1\n").unwrap();
    /// let f = Catalog::seed().check_ledger(&ledger, &CatalogCheckOptions::default());
    /// assert_eq!(f.len(), 1);
    /// assert_eq!(f.as_slice()[0].code.as_deref(), Some("2299999"));
    /// ```
    pub fn check_ledger(&self, ledger: &Ledger, opts: &CatalogCheckOptions) -> Findings {
        let mut wanted: BTreeSet<(Scheme, i32, Code)> = BTreeSet::new();
        for line in ledger.iter() {
            let year = opts.year.unwrap_or(line.year);
            wanted.insert((Scheme::Functional, year, line.functional));
            if let Some(e) = line.economic.filter(|_| opts.economic) {
                wanted.insert((e.scheme(), year, e));
            }
        }
        let mut findings = Findings::new();
        let mut reported_missing: BTreeSet<(Scheme, i32)> = BTreeSet::new();
        for (scheme, year, code) in wanted {
            match self.names.get(&(scheme, year)).filter(|m| !m.is_empty()) {
                None => {
                    if reported_missing.insert((scheme, year)) {
                        findings.push(
                            Finding::new(
                                &rules::NO_CATALOGUE,
                                format!("没有{year}年{}科目表，无法核对科目", scheme.name_zh()),
                                format!(
                                    "no {year} catalogue of the {} scheme; codes not checked",
                                    scheme.id()
                                ),
                            )
                            .with_table(format!("{}:{year}", scheme.id())),
                        );
                    }
                }
                Some(m) if !m.contains_key(&code) => findings.push(
                    Finding::new(
                        &rules::UNKNOWN_CODE,
                        format!("科目 {code} 不在{year}年{}科目表中", scheme.name_zh()),
                        format!("code {code} is not in the {year} {} catalogue", scheme.id()),
                    )
                    .with_table(format!("{}:{year}", scheme.id()))
                    .with_code(code.to_string()),
                ),
                Some(_) => {}
            }
        }
        findings
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_loads_completely() {
        let seed = Catalog::seed();
        assert_eq!(seed.entries(Scheme::Functional, 2024).count(), 67);
        assert_eq!(seed.entries(Scheme::Functional, 2026).count(), 67);
        assert_eq!(seed.entries(Scheme::DeptEconomic, 2026).count(), 65);
        // the embedded files load without error (the LazyLock ignores errors)
        let mut c = Catalog::new();
        assert_eq!(
            c.load_csv(Scheme::Functional, 2024, SEED_FUNCTIONAL.as_bytes())
                .unwrap(),
            67
        );
        assert_eq!(
            c.load_csv(Scheme::DeptEconomic, 2024, SEED_DEPT_ECONOMIC.as_bytes())
                .unwrap(),
            65
        );
    }

    #[test]
    fn class_names_load_completely() {
        let lines = FUNCTIONAL_CLASSES.lines().skip(1).count();
        assert_eq!(CLASSES.len(), lines);
        assert_eq!(lines, 35);
        // Every 类 of the seed has its name in the class table for 2024 and 2026.
        for year in [2024, 2026] {
            for (code, name) in Catalog::seed().entries(Scheme::Functional, year) {
                if code.level() == 1 {
                    assert_eq!(functional_class_name(code, year), Some(name), "{code}");
                }
            }
        }
    }

    #[test]
    fn bad_rows_name_line_and_column() {
        let cases = [
            ("code,name,level,parent\n208,x,1,\n208,y,1,\n", 3, "code"),
            ("code,name,level,parent\n208,x,2,\n", 2, "level"),
            ("code,name,level,parent\n20805,x,2,209\n", 2, "parent"),
            ("code,name,level,parent\n208,,1,\n", 2, "name"),
            ("code,name,level,parent\n2a8,x,1,\n", 2, "code"),
        ];
        for (csv, line, column) in cases {
            let mut c = Catalog::new();
            match c.load_csv(Scheme::Functional, 2026, csv.as_bytes()) {
                Err(Error::Input {
                    line: l,
                    column: col,
                    ..
                }) => {
                    assert_eq!((l, col.as_str()), (line, column), "{csv}");
                }
                other => panic!("{csv}: {other:?}"),
            }
            assert!(c.is_empty(), "nothing loaded on error");
        }
    }
}
