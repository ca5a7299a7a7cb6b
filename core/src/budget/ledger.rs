//! The ledger: line items stored by column.

use rustc_hash::FxHashMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::rollup::{GroupKey, GroupValue};
use super::{Book, Nature, Phase};
use crate::classification::{Code, Scheme};
use crate::error::{Error, Result};
use crate::money::{format_amount, parse_amount};

/// One budget line (预算明细): one amount of one unit, classified.
///
/// ```
/// use sunlit::{Code, budget::{Book, LineItem, Nature, Phase}};
/// use rust_decimal::Decimal;
/// let item = LineItem {
///     year: 2026, book: Book::General, phase: Phase::Budget, unit: "城管执法局".into(),
///     functional: Code::functional("2120104").unwrap(), economic: None,
///     nature: Nature::Project, source: None, amount: Decimal::from(10_992_193),
/// };
/// assert_eq!(item.functional.level_name(), "项");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineItem {
    /// Budget year (预算年度).
    pub year: i32,
    /// Which of the four budgets (四本预算).
    pub book: Book,
    /// Budget, adjusted budget or final account.
    pub phase: Phase,
    /// The department or unit (部门 / 单位) as named or coded by the source, kept exactly.
    pub unit: String,
    /// Functional code (支出功能分类), at any level.
    pub functional: Code,
    /// Economic code (支出经济分类, 3xx or 5xx), if the line has one.
    pub economic: Option<Code>,
    /// 基本支出, 项目支出 …
    pub nature: Nature,
    /// Fund source (资金来源) as written, if any.
    pub source: Option<String>,
    /// The amount in 元.
    pub amount: Decimal,
}

/// A line item as text fields, exactly as in the ledger CSV header
/// `year,book,phase,unit,functional,economic,nature,source,amount`. This is the form every
/// reader (CSV, JSON, Python dicts, Kotlin records) produces first; [`LineRecord::parse`]
/// applies the one set of rules that turns it into a [`LineItem`].
///
/// ```
/// use sunlit::budget::LineRecord;
/// let r = LineRecord {
///     year: "2026".into(), book: "一般公共预算".into(), phase: "预算".into(),
///     unit: "城管执法局".into(), functional: "2080505".into(), economic: "".into(),
///     nature: "基本支出".into(), source: "".into(), amount: "2,302,464".into(),
/// };
/// let item = r.parse(2).unwrap();
/// assert_eq!(item.amount.to_string(), "2302464");
/// let bad = LineRecord { amount: "1e5".into(), ..r };
/// assert!(bad.parse(2).is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineRecord {
    /// Budget year, four digits.
    pub year: String,
    /// Book id or Chinese name.
    pub book: String,
    /// Phase id or Chinese name.
    pub phase: String,
    /// Unit, kept exactly; must not be blank.
    pub unit: String,
    /// Functional code, whole.
    pub functional: String,
    /// Economic code, whole, or blank.
    pub economic: String,
    /// Nature id or Chinese name.
    pub nature: String,
    /// Fund source, or blank.
    pub source: String,
    /// Amount in 元 as printed; must not be blank.
    pub amount: String,
}

impl LineRecord {
    /// The column names, in CSV order.
    pub const COLUMNS: [&'static str; 9] = [
        "year",
        "book",
        "phase",
        "unit",
        "functional",
        "economic",
        "nature",
        "source",
        "amount",
    ];

    /// Build a record from (key, value) pairs as found in a JSON object or a Python dict, after
    /// the caller has turned each value into text (`None` for null). Every key must be one of
    /// [`LineRecord::COLUMNS`]; `economic` and `source` may be missing or null, every other key
    /// is required. Errors name `line` (the record number) and the key.
    ///
    /// ```
    /// use sunlit::{Error, budget::LineRecord};
    /// let ok = LineRecord::from_pairs([("year", Some("2026".into())), ("book", Some("general".into())),
    ///     ("phase", Some("budget".into())), ("unit", Some("u".into())), ("functional", Some("208".into())),
    ///     ("nature", Some("basic".into())), ("amount", Some("1".into())), ("source", None)], 1).unwrap();
    /// assert_eq!(ok.economic, "");
    /// let missing = LineRecord::from_pairs([("year", Some("2026".into()))], 4);
    /// assert!(matches!(missing, Err(Error::Input { line: 4, ref column, .. }) if column == "book"));
    /// ```
    pub fn from_pairs<'k>(
        pairs: impl IntoIterator<Item = (&'k str, Option<String>)>,
        line: u64,
    ) -> Result<LineRecord> {
        let err = |column: &str, reason: &str| Error::Input {
            cause: None,
            line,
            column: column.to_owned(),
            value: String::new(),
            reason: reason.to_owned(),
        };
        let mut fields: [Option<String>; 9] = Default::default();
        for (key, value) in pairs {
            let Some(i) = LineRecord::COLUMNS.iter().position(|c| *c == key) else {
                return Err(err(key, "unknown key"));
            };
            fields[i] = Some(value.unwrap_or_default());
        }
        for (i, column) in LineRecord::COLUMNS.iter().enumerate() {
            if fields[i].is_none() && !matches!(*column, "economic" | "source") {
                return Err(err(column, "missing key"));
            }
        }
        let [
            year,
            book,
            phase,
            unit,
            functional,
            economic,
            nature,
            source,
            amount,
        ] = fields.map(Option::unwrap_or_default);
        Ok(LineRecord {
            year,
            book,
            phase,
            unit,
            functional,
            economic,
            nature,
            source,
            amount,
        })
    }

    /// Validate and convert. Any bad field is an [`Error::Input`] carrying `line`, the column
    /// name and the text.
    ///
    /// ```
    /// use sunlit::{Error, budget::LineRecord};
    /// let r = LineRecord { year: "26".into(), ..Default::default() };
    /// assert!(matches!(r.parse(7), Err(Error::Input { line: 7, ref column, .. }) if column == "year"));
    /// ```
    pub fn parse(&self, line: u64) -> Result<LineItem> {
        parse_fields(
            [
                &self.year,
                &self.book,
                &self.phase,
                &self.unit,
                &self.functional,
                &self.economic,
                &self.nature,
                &self.source,
                &self.amount,
            ],
            line,
        )
    }

    /// The record of a line item (the exact inverse of [`LineRecord::parse`]).
    ///
    /// ```
    /// use sunlit::{Ledger, budget::LineRecord};
    /// let r = LineRecord { year: "2026".into(), book: "general".into(), phase: "budget".into(),
    ///     unit: "u".into(), functional: "208".into(), nature: "basic".into(),
    ///     amount: "1.50".into(), ..Default::default() };
    /// assert_eq!(LineRecord::from_item(&r.parse(2).unwrap()), r);
    /// ```
    pub fn from_item(item: &LineItem) -> LineRecord {
        LineRecord {
            year: item.year.to_string(),
            book: item.book.id().to_owned(),
            phase: item.phase.id().to_owned(),
            unit: item.unit.clone(),
            functional: item.functional.to_string(),
            economic: item.economic.map(|c| c.to_string()).unwrap_or_default(),
            nature: item.nature.id().to_owned(),
            source: item.source.clone().unwrap_or_default(),
            amount: format_amount(item.amount),
        }
    }
}

/// Parse a four-digit year (1000–9999: `0226` is refused, as it would be written `226`).
pub(crate) fn parse_year(text: &str) -> Result<i32> {
    let t = text.trim();
    if t.len() != 4 || !t.bytes().all(|b| b.is_ascii_digit()) || t.starts_with('0') {
        return Err(Error::value(
            "year",
            text,
            "a year is four digits, e.g. 2026",
        ));
    }
    let year = t
        .parse()
        .map_err(|_| Error::value("year", text, "a year is four digits, e.g. 2026"))?;
    crate::calendar::check_year("year", year)?;
    Ok(year)
}

/// A validated line whose text fields still borrow from the input.
pub(crate) struct LineParts<'a> {
    pub(crate) year: i32,
    pub(crate) book: Book,
    pub(crate) phase: Phase,
    pub(crate) unit: &'a str,
    pub(crate) functional: Code,
    pub(crate) economic: Option<Code>,
    pub(crate) nature: Nature,
    pub(crate) source: Option<&'a str>,
    pub(crate) amount: Decimal,
}

/// Validate the nine fields of a line, in [`LineRecord::COLUMNS`] order, without allocating.
pub(crate) fn parse_parts(f: [&str; 9], line: u64) -> Result<LineParts<'_>> {
    let col = LineRecord::COLUMNS;
    let year = parse_year(f[0]).map_err(|e| e.at(line, col[0]))?;
    let book = Book::parse(f[1]).map_err(|e| e.at(line, col[1]))?;
    let phase = Phase::parse(f[2]).map_err(|e| e.at(line, col[2]))?;
    if f[3].trim().is_empty() {
        return Err(
            Error::value("unit", f[3], "the unit (部门/单位) must not be blank").at(line, col[3]),
        );
    }
    let functional = Code::functional(f[4]).map_err(|e| e.at(line, col[4]))?;
    let economic = if f[5].trim().is_empty() {
        None
    } else {
        Some(Code::economic(f[5]).map_err(|e| e.at(line, col[5]))?)
    };
    let nature = Nature::parse(f[6]).map_err(|e| e.at(line, col[6]))?;
    let source = (!f[7].trim().is_empty()).then_some(f[7]);
    let amount = parse_amount(f[8])
        .map_err(|e| e.at(line, col[8]))?
        .ok_or_else(|| {
            Error::Amount {
                value: f[8].to_owned(),
                reason: "a ledger line must state its amount; blank is not zero".to_owned(),
            }
            .at(line, col[8])
        })?;
    Ok(LineParts {
        year,
        book,
        phase,
        unit: f[3],
        functional,
        economic,
        nature,
        source,
        amount,
    })
}

/// Validate the nine fields of a line into an owned [`LineItem`].
pub(crate) fn parse_fields(f: [&str; 9], line: u64) -> Result<LineItem> {
    let p = parse_parts(f, line)?;
    Ok(LineItem {
        year: p.year,
        book: p.book,
        phase: p.phase,
        unit: p.unit.to_owned(),
        functional: p.functional,
        economic: p.economic,
        nature: p.nature,
        source: p.source.map(str::to_owned),
        amount: p.amount,
    })
}

/// One line of a [`Ledger`], borrowed.
///
/// ```
/// let ledger = sunlit::Ledger::new();
/// assert!(ledger.get(0).is_none());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line<'a> {
    /// 1-based row number in the ledger.
    pub row: u64,
    /// Budget year.
    pub year: i32,
    /// Book.
    pub book: Book,
    /// Phase.
    pub phase: Phase,
    /// Unit.
    pub unit: &'a str,
    /// Functional code.
    pub functional: Code,
    /// Economic code.
    pub economic: Option<Code>,
    /// Nature.
    pub nature: Nature,
    /// Fund source.
    pub source: Option<&'a str>,
    /// Amount in 元.
    pub amount: Decimal,
}

impl Line<'_> {
    /// An owned copy.
    ///
    /// ```
    /// # let ledger = sunlit::Ledger::read_csv_str(
    /// #   "year,book,phase,unit,functional,economic,nature,source,amount\n2026,general,budget,u,208,,basic,,1\n").unwrap();
    /// let item = ledger.get(0).unwrap().to_item();
    /// assert_eq!(item.unit, "u");
    /// ```
    pub fn to_item(&self) -> LineItem {
        LineItem {
            year: self.year,
            book: self.book,
            phase: self.phase,
            unit: self.unit.to_owned(),
            functional: self.functional,
            economic: self.economic,
            nature: self.nature,
            source: self.source.map(str::to_owned),
            amount: self.amount,
        }
    }

    /// The value of one grouping dimension for this line.
    ///
    /// ```
    /// # let ledger = sunlit::Ledger::read_csv_str(
    /// #   "year,book,phase,unit,functional,economic,nature,source,amount\n2026,general,budget,u,208,,basic,,1\n").unwrap();
    /// use sunlit::budget::{GroupKey, GroupValue, Nature};
    /// assert_eq!(ledger.get(0).unwrap().value(GroupKey::Nature), GroupValue::Nature(Nature::Basic));
    /// ```
    pub fn value(&self, key: GroupKey) -> GroupValue {
        match key {
            GroupKey::Year => GroupValue::Year(self.year),
            GroupKey::Book => GroupValue::Book(self.book),
            GroupKey::Phase => GroupValue::Phase(self.phase),
            GroupKey::Unit => GroupValue::Unit(self.unit.to_owned()),
            GroupKey::Nature => GroupValue::Nature(self.nature),
            GroupKey::Source => GroupValue::Source(self.source.map(str::to_owned)),
            GroupKey::Economic => GroupValue::Economic(self.economic),
        }
    }
}

/// Interned strings: each distinct unit or source stored once, rows hold a `u32`.
#[derive(Debug, Clone, Default)]
pub(crate) struct Interner {
    names: Vec<Box<str>>,
    index: FxHashMap<Box<str>, u32>,
}

impl Interner {
    pub(crate) fn intern(&mut self, s: &str) -> Result<u32> {
        if let Some(&i) = self.index.get(s) {
            return Ok(i);
        }
        let i = u32::try_from(self.names.len())
            .ok()
            .filter(|&i| i != NO_VALUE)
            .ok_or_else(|| Error::overflow("more than 4 billion distinct names"))?;
        self.names.push(s.into());
        self.index.insert(s.into(), i);
        Ok(i)
    }

    /// The name of index `i` (empty for an index this table never gave out).
    pub(crate) fn get(&self, i: u32) -> &str {
        self.names.get(i as usize).map_or("", |s| s)
    }

    pub(crate) fn len(&self) -> usize {
        self.names.len()
    }
}

pub(crate) const NO_VALUE: u32 = u32::MAX;

/// Which lines to keep in [`Ledger::select`]: every listed dimension value must match, and the
/// functional code must lie under `under` (or be it) when given.
///
/// ```
/// use sunlit::{Code, budget::{GroupValue, Phase, Selection}};
/// let s = Selection { values: vec![GroupValue::Phase(Phase::Final)],
///                     under: Some(Code::functional("208").unwrap()) };
/// assert_eq!(s.values.len(), 1);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// Dimension values that must all match.
    pub values: Vec<GroupValue>,
    /// Keep only lines whose functional code is this code or one of its descendants.
    pub under: Option<Code>,
}

/// A ledger (预算明细账): line items stored column by column.
///
/// Codes are stored as integers, units and fund sources interned, so a line costs about fifty
/// bytes and reading a row allocates nothing. Read one with [`Ledger::read_csv`] or
/// [`Ledger::from_json`], build one with [`Ledger::push`].
///
/// ```
/// use sunlit::{Code, Ledger, RollupOptions};
/// let ledger = Ledger::read_csv_str("\
/// year,book,phase,unit,functional,economic,nature,source,amount
/// 2026,general,budget,城管执法局,2080505,,basic,,\"2,302,464\"
/// 2026,一般公共预算,预算,城管执法局,2080801,,项目支出,,294000
/// ").unwrap();
/// assert_eq!(ledger.len(), 2);
/// let r = ledger.rollup(&RollupOptions::default()).unwrap();
/// assert_eq!(r.amount(Code::functional("208").unwrap(), &[]).unwrap().unwrap().to_string(), "2596464");
/// ```
#[derive(Debug, Clone, Default)]
pub struct Ledger {
    year: Vec<i32>,
    book: Vec<Book>,
    phase: Vec<Phase>,
    unit: Vec<u32>,
    functional: Vec<Code>,
    economic: Vec<Option<Code>>,
    nature: Vec<Nature>,
    source: Vec<u32>,
    amount: Vec<Decimal>,
    units: Interner,
    sources: Interner,
}

impl Ledger {
    /// An empty ledger.
    ///
    /// ```
    /// assert!(sunlit::Ledger::new().is_empty());
    /// ```
    pub fn new() -> Ledger {
        Ledger::default()
    }

    /// An empty ledger with room for `n` lines.
    ///
    /// ```
    /// assert_eq!(sunlit::Ledger::with_capacity(10).len(), 0);
    /// ```
    pub fn with_capacity(n: usize) -> Ledger {
        Ledger {
            year: Vec::with_capacity(n),
            book: Vec::with_capacity(n),
            phase: Vec::with_capacity(n),
            unit: Vec::with_capacity(n),
            functional: Vec::with_capacity(n),
            economic: Vec::with_capacity(n),
            nature: Vec::with_capacity(n),
            source: Vec::with_capacity(n),
            amount: Vec::with_capacity(n),
            units: Interner::default(),
            sources: Interner::default(),
        }
    }

    /// Number of lines.
    ///
    /// ```
    /// assert_eq!(sunlit::Ledger::new().len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.amount.len()
    }

    /// Whether the ledger has no lines.
    ///
    /// ```
    /// assert!(sunlit::Ledger::new().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.amount.is_empty()
    }

    /// Append a line. The year must lie in [`SUPPORTED_YEARS`](crate::calendar::SUPPORTED_YEARS), the
    /// functional code must be of the functional scheme and the economic code of an economic
    /// scheme; a unit must not be blank.
    ///
    /// ```
    /// use sunlit::{Code, Ledger, budget::{Book, LineItem, Nature, Phase}};
    /// use rust_decimal::Decimal;
    /// let mut ledger = Ledger::new();
    /// let mut item = LineItem { year: 2026, book: Book::General, phase: Phase::Budget,
    ///     unit: "u".into(), functional: Code::functional("208").unwrap(), economic: None,
    ///     nature: Nature::Basic, source: None, amount: Decimal::ONE };
    /// ledger.push(item.clone()).unwrap();
    /// item.year = 0;
    /// assert!(ledger.push(item.clone()).is_err());
    /// item.year = 2026;
    /// item.functional = Code::revenue("101").unwrap();
    /// assert!(ledger.push(item).is_err());
    /// ```
    pub fn push(&mut self, item: LineItem) -> Result<()> {
        self.push_parts(
            item.year,
            item.book,
            item.phase,
            &item.unit,
            item.functional,
            item.economic,
            item.nature,
            item.source.as_deref(),
            item.amount,
        )
    }

    /// Append a validated line that borrows its text.
    pub(crate) fn push_line_parts(&mut self, p: LineParts<'_>) -> Result<()> {
        self.push_parts(
            p.year,
            p.book,
            p.phase,
            p.unit,
            p.functional,
            p.economic,
            p.nature,
            p.source,
            p.amount,
        )
    }

    #[allow(clippy::too_many_arguments)]
    pub(crate) fn push_parts(
        &mut self,
        year: i32,
        book: Book,
        phase: Phase,
        unit: &str,
        functional: Code,
        economic: Option<Code>,
        nature: Nature,
        source: Option<&str>,
        amount: Decimal,
    ) -> Result<()> {
        crate::calendar::check_year("year", year)?;
        if functional.scheme() != Scheme::Functional {
            return Err(Error::value(
                "functional",
                &functional.to_string(),
                format!("a {} code is not a functional code", functional.scheme()),
            ));
        }
        if let Some(e) = economic
            && !matches!(e.scheme(), Scheme::DeptEconomic | Scheme::GovEconomic)
        {
            return Err(Error::value(
                "economic",
                &e.to_string(),
                format!("a {} code is not an economic code", e.scheme()),
            ));
        }
        if unit.trim().is_empty() {
            return Err(Error::value(
                "unit",
                unit,
                "the unit (部门/单位) must not be blank",
            ));
        }
        let unit = self.units.intern(unit)?;
        let source = match source {
            Some(s) if !s.trim().is_empty() => self.sources.intern(s)?,
            _ => NO_VALUE,
        };
        self.year.push(year);
        self.book.push(book);
        self.phase.push(phase);
        self.unit.push(unit);
        self.functional.push(functional);
        self.economic.push(economic);
        self.nature.push(nature);
        self.source.push(source);
        self.amount.push(amount);
        Ok(())
    }

    /// The line at 0-based `index`, if any.
    ///
    /// ```
    /// # let ledger = sunlit::Ledger::read_csv_str(
    /// #   "year,book,phase,unit,functional,economic,nature,source,amount\n2026,general,budget,u,208,,basic,,1\n").unwrap();
    /// assert_eq!(ledger.get(0).unwrap().row, 1);
    /// assert!(ledger.get(1).is_none());
    /// ```
    pub fn get(&self, index: usize) -> Option<Line<'_>> {
        (index < self.len()).then(|| self.line_at(index))
    }

    /// The line at an index known to be in range.
    fn line_at(&self, index: usize) -> Line<'_> {
        let source = self.source[index];
        Line {
            row: index as u64 + 1,
            year: self.year[index],
            book: self.book[index],
            phase: self.phase[index],
            unit: self.units.get(self.unit[index]),
            functional: self.functional[index],
            economic: self.economic[index],
            nature: self.nature[index],
            source: (source != NO_VALUE).then(|| self.sources.get(source)),
            amount: self.amount[index],
        }
    }

    /// Iterate over the lines in order.
    ///
    /// ```
    /// assert_eq!(sunlit::Ledger::new().iter().count(), 0);
    /// ```
    pub fn iter(&self) -> impl ExactSizeIterator<Item = Line<'_>> + '_ {
        (0..self.len()).map(move |i| self.line_at(i))
    }

    /// The lines that match `selection`, as a new ledger.
    ///
    /// ```
    /// use sunlit::budget::{GroupValue, Nature, Selection};
    /// let ledger = sunlit::Ledger::read_csv_str(
    ///   "year,book,phase,unit,functional,economic,nature,source,amount\n\
    ///    2026,general,budget,u,2080505,,basic,,1\n2026,general,budget,u,2120104,,project,,2\n").unwrap();
    /// let basic = ledger.select(&Selection { values: vec![GroupValue::Nature(Nature::Basic)], under: None });
    /// assert_eq!(basic.len(), 1);
    /// ```
    pub fn select(&self, selection: &Selection) -> Ledger {
        let mut out = Ledger::new();
        for line in self.iter() {
            let keep = selection.values.iter().all(|v| line.value(v.key()) == *v)
                && selection
                    .under
                    .is_none_or(|u| u == line.functional || u.is_ancestor_of(line.functional));
            if keep {
                // Cannot fail: the line was valid when it entered this ledger.
                let _ = out.push_parts(
                    line.year,
                    line.book,
                    line.phase,
                    line.unit,
                    line.functional,
                    line.economic,
                    line.nature,
                    line.source,
                    line.amount,
                );
            }
        }
        out
    }

    /// Append every line of `other`.
    ///
    /// ```
    /// let mut a = sunlit::Ledger::new();
    /// a.extend_from(&sunlit::Ledger::new()).unwrap();
    /// assert!(a.is_empty());
    /// ```
    pub fn extend_from(&mut self, other: &Ledger) -> Result<()> {
        for l in other.iter() {
            self.push_parts(
                l.year,
                l.book,
                l.phase,
                l.unit,
                l.functional,
                l.economic,
                l.nature,
                l.source,
                l.amount,
            )?;
        }
        Ok(())
    }

    /// The distinct values of one dimension, sorted.
    ///
    /// ```
    /// use sunlit::budget::{GroupKey, GroupValue};
    /// let ledger = sunlit::Ledger::read_csv_str(
    ///   "year,book,phase,unit,functional,economic,nature,source,amount\n\
    ///    2026,general,budget,u,2080505,,basic,,1\n2025,general,budget,u,2080505,,basic,,2\n").unwrap();
    /// assert_eq!(ledger.distinct(GroupKey::Year), [GroupValue::Year(2025), GroupValue::Year(2026)]);
    /// ```
    pub fn distinct(&self, key: GroupKey) -> Vec<GroupValue> {
        let mut out: Vec<GroupValue> = match key {
            GroupKey::Unit => (0..self.units.len() as u32)
                .map(|i| GroupValue::Unit(self.units.get(i).to_owned()))
                .collect(),
            GroupKey::Year => dedup(self.year.iter().copied())
                .into_iter()
                .map(GroupValue::Year)
                .collect(),
            GroupKey::Phase => dedup(self.phase.iter().copied())
                .into_iter()
                .map(GroupValue::Phase)
                .collect(),
            GroupKey::Book => dedup(self.book.iter().copied())
                .into_iter()
                .map(GroupValue::Book)
                .collect(),
            GroupKey::Nature => dedup(self.nature.iter().copied())
                .into_iter()
                .map(GroupValue::Nature)
                .collect(),
            GroupKey::Economic => dedup(self.economic.iter().copied())
                .into_iter()
                .map(GroupValue::Economic)
                .collect(),
            GroupKey::Source => dedup(self.source.iter().copied())
                .into_iter()
                .map(|s| {
                    GroupValue::Source((s != NO_VALUE).then(|| self.sources.get(s).to_owned()))
                })
                .collect(),
        };
        out.sort();
        out.dedup();
        out
    }

    // Column access for the roll-up.
    pub(crate) fn columns(&self) -> Columns<'_> {
        Columns {
            year: &self.year,
            book: &self.book,
            phase: &self.phase,
            unit: &self.unit,
            functional: &self.functional,
            economic: &self.economic,
            nature: &self.nature,
            source: &self.source,
            amount: &self.amount,
            units: &self.units,
            sources: &self.sources,
        }
    }
}

fn dedup<T: Ord + Copy>(it: impl Iterator<Item = T>) -> Vec<T> {
    it.collect::<std::collections::BTreeSet<T>>()
        .into_iter()
        .collect()
}

/// Borrowed columns of a ledger.
pub(crate) struct Columns<'a> {
    pub(crate) year: &'a [i32],
    pub(crate) book: &'a [Book],
    pub(crate) phase: &'a [Phase],
    pub(crate) unit: &'a [u32],
    pub(crate) functional: &'a [Code],
    pub(crate) economic: &'a [Option<Code>],
    pub(crate) nature: &'a [Nature],
    pub(crate) source: &'a [u32],
    pub(crate) amount: &'a [Decimal],
    pub(crate) units: &'a Interner,
    pub(crate) sources: &'a Interner,
}

impl PartialEq for Ledger {
    /// Two ledgers are equal when they hold the same lines in the same order (amounts compared
    /// by value, so `1.50` equals `1.5`).
    fn eq(&self, other: &Ledger) -> bool {
        self.len() == other.len() && self.iter().zip(other.iter()).all(|(a, b)| a == b)
    }
}

impl Eq for Ledger {}
