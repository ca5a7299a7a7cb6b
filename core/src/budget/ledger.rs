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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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

    /// The index of a name already interned.
    pub(crate) fn lookup(&self, s: &str) -> Option<u32> {
        self.index.get(s).copied()
    }

    /// Every name, in the order the indexes were given out.
    pub(crate) fn names(&self) -> &[Box<str>] {
        &self.names
    }
}

pub(crate) const NO_VALUE: u32 = u32::MAX;

/// Amounts are stored as one `i64` each: `fen << 2 | scale` for an amount with at most two
/// decimal places whose 分 fit in 61 bits (every real one), `index << 2 | 3` for any other, the
/// index pointing into the ledger's exact side table of [`Decimal`]s. Never a float.
pub(crate) const EXACT_TAG: i64 = 3;
/// The largest |分| stored inline (2^60).
const MAX_FEN: i128 = 1 << 60;

/// The inline form of `amount`, if it has at most two places and fits.
pub(crate) fn pack_amount(amount: Decimal) -> Option<i64> {
    let scale = amount.scale();
    // A negative zero keeps its sign only as a Decimal.
    if scale > 2 || (amount.is_zero() && amount.is_sign_negative()) {
        return None;
    }
    let fen = amount.mantissa().checked_mul(10i128.pow(2 - scale))?;
    if fen.abs() >= MAX_FEN {
        return None;
    }
    Some(((fen as i64) << 2) | i64::from(scale as u8))
}

/// The amount of an inline packed value (the caller has checked the tag is not [`EXACT_TAG`]).
pub(crate) fn unpack_inline(packed: i64) -> Decimal {
    let scale = (packed & 3) as u32;
    let fen = packed >> 2;
    // The value has `scale` places: its 分 are a multiple of 10^(2 − scale).
    Decimal::new(fen / 10i64.pow(2 - scale.min(2)), scale.min(2))
}

/// The digits of a functional code back as a [`Code`].
pub(crate) fn functional_code(digits: u32) -> Code {
    Code::from_digits(Scheme::Functional, digits)
}

/// The digits of an economic code (0: none) back as a [`Code`].
pub(crate) fn economic_code(digits: u32) -> Option<Code> {
    if digits == 0 {
        return None;
    }
    let mut lead = digits;
    while lead >= 10 {
        lead /= 10;
    }
    let scheme = if lead == 5 {
        Scheme::GovEconomic
    } else {
        Scheme::DeptEconomic
    };
    Some(Code::from_digits(scheme, digits))
}

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
/// Each column is as narrow as its data: years as `i16`, books, phases and natures as one-byte
/// enums, codes as their digits (`u32`), units and fund sources interned (`u32`), amounts as
/// integer 分 with their scale in one `i64` (an amount with more places, or too large, kept
/// exactly as a [`Decimal`] beside), so a line costs 30 bytes and reading a row allocates
/// nothing. Read one with [`Ledger::read_csv`] or [`Ledger::from_json`], build one with
/// [`Ledger::push`].
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
    pub(crate) year: Vec<i16>,
    pub(crate) book: Vec<Book>,
    pub(crate) phase: Vec<Phase>,
    pub(crate) nature: Vec<Nature>,
    pub(crate) unit: Vec<u32>,
    pub(crate) source: Vec<u32>,
    /// Digits of the functional code.
    pub(crate) functional: Vec<u32>,
    /// Digits of the economic code; 0 for none.
    pub(crate) economic: Vec<u32>,
    /// Packed amounts (see [`pack_amount`]).
    pub(crate) amount: Vec<i64>,
    /// Amounts that do not pack, indexed by their packed value.
    pub(crate) exact: Vec<Decimal>,
    pub(crate) units: Interner,
    pub(crate) sources: Interner,
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
        let mut l = Ledger::default();
        l.reserve(n);
        l
    }

    /// Room for `n` more lines in every column.
    pub(crate) fn reserve(&mut self, n: usize) {
        self.year.reserve(n);
        self.book.reserve(n);
        self.phase.reserve(n);
        self.nature.reserve(n);
        self.unit.reserve(n);
        self.source.reserve(n);
        self.functional.reserve(n);
        self.economic.reserve(n);
        self.amount.reserve(n);
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
        let packed = match pack_amount(amount) {
            Some(p) => p,
            None => {
                let i = i64::try_from(self.exact.len())
                    .map_err(|_| Error::overflow("too many exact amounts"))?;
                self.exact.push(amount);
                (i << 2) | EXACT_TAG
            }
        };
        // In SUPPORTED_YEARS (checked above): fits i16.
        self.year.push(year as i16);
        self.book.push(book);
        self.phase.push(phase);
        self.nature.push(nature);
        self.unit.push(unit);
        self.source.push(source);
        self.functional.push(functional.digits());
        self.economic.push(economic.map_or(0, Code::digits));
        self.amount.push(packed);
        Ok(())
    }

    /// The amount of line `index` (in range).
    pub(crate) fn amount_at(&self, index: usize) -> Decimal {
        let packed = self.amount[index];
        if packed & 3 == EXACT_TAG {
            self.exact
                .get((packed >> 2) as usize)
                .copied()
                .unwrap_or_default()
        } else {
            unpack_inline(packed)
        }
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
            year: i32::from(self.year[index]),
            book: self.book[index],
            phase: self.phase[index],
            unit: self.units.get(self.unit[index]),
            functional: functional_code(self.functional[index]),
            economic: economic_code(self.economic[index]),
            nature: self.nature[index],
            source: (source != NO_VALUE).then(|| self.sources.get(source)),
            amount: self.amount_at(index),
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
                let _ = out.push_line(&line);
            }
        }
        out
    }

    /// Append a line of another ledger.
    pub(super) fn push_line(&mut self, l: &Line<'_>) -> Result<()> {
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
        )
    }

    /// Append every line of `other`.
    ///
    /// ```
    /// let mut a = sunlit::Ledger::new();
    /// a.extend_from(&sunlit::Ledger::new()).unwrap();
    /// assert!(a.is_empty());
    /// ```
    pub fn extend_from(&mut self, other: &Ledger) -> Result<()> {
        self.reserve(other.len());
        for l in other.iter() {
            self.push_line(&l)?;
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
            GroupKey::Year => dedup(&self.year)
                .into_iter()
                .map(|y| GroupValue::Year(i32::from(y)))
                .collect(),
            GroupKey::Phase => dedup(&self.phase)
                .into_iter()
                .map(GroupValue::Phase)
                .collect(),
            GroupKey::Book => dedup(&self.book)
                .into_iter()
                .map(GroupValue::Book)
                .collect(),
            GroupKey::Nature => dedup(&self.nature)
                .into_iter()
                .map(GroupValue::Nature)
                .collect(),
            GroupKey::Economic => dedup(&self.economic)
                .into_iter()
                .map(|e| GroupValue::Economic(economic_code(e)))
                .collect(),
            GroupKey::Source => dedup(&self.source)
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
}

/// The distinct values of a column (unordered): one hash probe per run of equal values.
fn dedup<T: Copy + Eq + std::hash::Hash>(column: &[T]) -> Vec<T> {
    let mut seen: rustc_hash::FxHashSet<T> = rustc_hash::FxHashSet::default();
    let mut last: Option<T> = None;
    for &v in column {
        if last != Some(v) {
            seen.insert(v);
            last = Some(v);
        }
    }
    seen.into_iter().collect()
}

impl PartialEq for Ledger {
    /// Two ledgers are equal when they hold the same lines in the same order (amounts compared
    /// by value, so `1.50` equals `1.5`).
    fn eq(&self, other: &Ledger) -> bool {
        self.len() == other.len() && self.iter().zip(other.iter()).all(|(a, b)| a == b)
    }
}

impl Eq for Ledger {}
