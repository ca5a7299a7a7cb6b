//! Roll-ups: adding line items up the classification tree, exactly.

use std::collections::BTreeMap;
use std::collections::hash_map::Entry;

use rustc_hash::{FxHashMap, FxHashSet};

use rust_decimal::Decimal;

use super::ledger::{NO_VALUE, economic_code, functional_code, unpack_inline};
use super::{Book, Ledger, Nature, Phase};
use crate::catalog::Catalog;
use crate::classification::{Code, Scheme};
use crate::error::{Error, Result};
use crate::finding::{Finding, Findings};
use crate::vocab::vocabulary;

pub(crate) use crate::rules::budget as rules;

vocabulary! {
    /// A dimension of a line item that roll-ups and comparisons can group by.
    pub enum GroupKey("group_key") {
        /// Budget year.
        Year = "year", "年度";
        /// Which of the four budgets.
        Book = "book", "预算类型" | "四本预算";
        /// Budget, adjusted budget or final account.
        Phase = "phase", "阶段";
        /// Department or unit.
        Unit = "unit", "单位" | "部门";
        /// Basic or project expenditure.
        Nature = "nature", "支出性质";
        /// Fund source.
        Source = "source", "资金来源";
        /// Economic code (as given on the line).
        Economic = "economic", "经济分类";
    }
}

vocabulary! {
    /// Which classification tree a roll-up climbs.
    #[derive(Default)]
    pub enum Hierarchy("hierarchy") {
        /// 支出功能分类: 项 → 款 → 类 (the default).
        #[default]
        Functional = "functional", "支出功能分类" | "功能分类";
        /// 支出经济分类: 款 → 类; every line must then carry an economic code.
        Economic = "economic", "支出经济分类" | "经济分类";
    }
}

vocabulary! {
    /// What to do with lines at two levels of one branch (e.g. a 类 line 208 and a 项 line
    /// 2080505 of the same unit, book, phase, nature and source).
    #[derive(Default)]
    pub enum Subtotals("subtotals") {
        /// Refuse: summing both would count the money twice ([`Error::LevelConflict`]). The default.
        #[default]
        Reject = "reject", "拒绝";
        /// Treat the upper lines as published subtotals: leave them out of the sums and compare
        /// each with the sum of the lines under it ([`rules::SUBTOTAL_MISMATCH`]).
        Check = "check", "核对";
    }
}

/// The value of one [`GroupKey`] for a group of lines.
///
/// ```
/// use sunlit::budget::{GroupKey, GroupValue, Nature};
/// assert_eq!(GroupValue::parse(GroupKey::Nature, "基本支出").unwrap(), GroupValue::Nature(Nature::Basic));
/// assert_eq!(GroupValue::parse(GroupKey::Source, "").unwrap(), GroupValue::Source(None));
/// assert!(GroupValue::parse(GroupKey::Year, "twenty").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GroupValue {
    /// A year.
    Year(i32),
    /// A book.
    Book(Book),
    /// A phase.
    Phase(Phase),
    /// A unit.
    Unit(String),
    /// A nature.
    Nature(Nature),
    /// A fund source, or none.
    Source(Option<String>),
    /// An economic code, or none.
    Economic(Option<Code>),
}

impl GroupValue {
    /// The dimension of this value.
    ///
    /// ```
    /// use sunlit::budget::{GroupKey, GroupValue};
    /// assert_eq!(GroupValue::Year(2026).key(), GroupKey::Year);
    /// ```
    pub fn key(&self) -> GroupKey {
        match self {
            GroupValue::Year(_) => GroupKey::Year,
            GroupValue::Book(_) => GroupKey::Book,
            GroupValue::Phase(_) => GroupKey::Phase,
            GroupValue::Unit(_) => GroupKey::Unit,
            GroupValue::Nature(_) => GroupKey::Nature,
            GroupValue::Source(_) => GroupKey::Source,
            GroupValue::Economic(_) => GroupKey::Economic,
        }
    }

    /// Parse the text form of a value of `key` (ids or Chinese names; blank is "none" for
    /// source and economic).
    ///
    /// ```
    /// use sunlit::budget::{Book, GroupKey, GroupValue};
    /// assert_eq!(GroupValue::parse(GroupKey::Book, "general").unwrap(), GroupValue::Book(Book::General));
    /// assert!(GroupValue::parse(GroupKey::Economic, "401").is_err());
    /// ```
    pub fn parse(key: GroupKey, text: &str) -> Result<GroupValue> {
        let blank = text.trim().is_empty();
        Ok(match key {
            GroupKey::Year => GroupValue::Year(super::ledger::parse_year(text)?),
            GroupKey::Book => GroupValue::Book(Book::parse(text)?),
            GroupKey::Phase => GroupValue::Phase(Phase::parse(text)?),
            GroupKey::Unit => GroupValue::Unit(text.to_owned()),
            GroupKey::Nature => GroupValue::Nature(Nature::parse(text)?),
            GroupKey::Source => GroupValue::Source((!blank).then(|| text.to_owned())),
            GroupKey::Economic => GroupValue::Economic(if blank {
                None
            } else {
                Some(Code::economic(text)?)
            }),
        })
    }

    /// The text form: ids for vocabularies, digits for codes and years, blank for "none".
    ///
    /// ```
    /// use sunlit::budget::{GroupValue, Phase};
    /// assert_eq!(GroupValue::Phase(Phase::Final).text(), "final");
    /// assert_eq!(GroupValue::Source(None).text(), "");
    /// ```
    pub fn text(&self) -> String {
        match self {
            GroupValue::Year(y) => y.to_string(),
            GroupValue::Book(b) => b.id().to_owned(),
            GroupValue::Phase(p) => p.id().to_owned(),
            GroupValue::Unit(u) => u.clone(),
            GroupValue::Nature(n) => n.id().to_owned(),
            GroupValue::Source(s) => s.clone().unwrap_or_default(),
            GroupValue::Economic(c) => c.map(|c| c.to_string()).unwrap_or_default(),
        }
    }
}

/// Options of [`Ledger::rollup`].
///
/// ```
/// use sunlit::{RollupOptions, budget::GroupKey};
/// let o = RollupOptions { by: vec![GroupKey::Nature], ..Default::default() };
/// assert_eq!(o.subtotals, sunlit::budget::Subtotals::Reject);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RollupOptions {
    /// Group by these dimensions (none: one group). Lines of different years or phases are never
    /// added together: group by `year` / `phase` or select first.
    pub by: Vec<GroupKey>,
    /// Which tree to climb.
    pub hierarchy: Hierarchy,
    /// What to do with lines at two levels of one branch.
    pub subtotals: Subtotals,
}

/// One group of a [`Rollup`]: its dimension values and the amount at every node of the tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RollupGroup {
    /// The values of the grouping dimensions, in [`RollupOptions::by`] order.
    pub key: Vec<GroupValue>,
    /// The budget year of the group's lines (used to look names up in a catalogue).
    pub year: i32,
    /// Amount at every code that has lines at or under it, in code order.
    pub amounts: BTreeMap<Code, Decimal>,
    /// Sum of the 类 (level-1) amounts: the group's 合计.
    pub total: Decimal,
}

/// One node of a roll-up, borrowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RollupRow<'a> {
    /// The group's dimension values.
    pub group: &'a [GroupValue],
    /// The code.
    pub code: Code,
    /// Its level (1 = 类).
    pub level: u8,
    /// The amount at or under it.
    pub amount: Decimal,
}

/// One node of a roll-up with its name from a catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RollupRecord {
    /// The group's dimension values.
    pub group: Vec<GroupValue>,
    /// The code.
    pub code: Code,
    /// Its level (1 = 类).
    pub level: u8,
    /// Its name in the catalogue of the group's year, if the catalogue has it.
    pub name: Option<String>,
    /// The amount at or under it.
    pub amount: Decimal,
}

/// The result of [`Ledger::rollup`]: amounts at every level of the tree, per group, plus the
/// findings of any subtotal check.
///
/// ```
/// use sunlit::{Code, Ledger, RollupOptions, budget::{GroupKey, GroupValue, Nature}};
/// let ledger = Ledger::read_csv_str("\
/// year,book,phase,unit,functional,economic,nature,source,amount
/// 2026,general,budget,u,2120104,,basic,,22783399
/// 2026,general,budget,u,2120104,,project,,10992193
/// ").unwrap();
/// let r = ledger.rollup(&RollupOptions { by: vec![GroupKey::Nature], ..Default::default() }).unwrap();
/// let c = Code::functional("212").unwrap();
/// assert_eq!(r.amount(c, &[]).unwrap().unwrap().to_string(), "33775592");
/// assert_eq!(r.amount(c, &[GroupValue::Nature(Nature::Project)]).unwrap().unwrap().to_string(), "10992193");
/// assert!(r.amount(c, &[GroupValue::Year(2026)]).is_err()); // not grouped by year
/// ```
#[derive(Debug, Clone)]
pub struct Rollup {
    pub(crate) hierarchy: Hierarchy,
    pub(crate) by: Vec<GroupKey>,
    pub(crate) findings: Findings,
    /// The roll-up as columns: groups in key order, each with its nodes in code order.
    pub(crate) table: NodeTable,
    /// The groups as [`RollupGroup`]s, built on first use of [`Rollup::groups`] / [`Rollup::rows`].
    pub(crate) groups: std::sync::OnceLock<Vec<RollupGroup>>,
}

/// The columns of a roll-up: per group its key (`by.len()` raw values, see [`KeyDict`]), year
/// and first node; per node its code's digits and amount.
#[derive(Debug, Clone, Default)]
pub(crate) struct NodeTable {
    pub(crate) keys: Vec<u32>,
    pub(crate) dict: KeyDict,
    pub(crate) years: Vec<i32>,
    /// `starts[g]..starts[g + 1]` are group `g`'s nodes; one more entry than groups.
    pub(crate) starts: Vec<usize>,
    pub(crate) codes: Vec<u32>,
    pub(crate) values: NodeValues,
}

/// Node amounts and group totals: packed 分 with their scale (as in the ledger) when every sum
/// fits, exact decimals otherwise.
#[derive(Debug, Clone)]
pub(crate) enum NodeValues {
    Packed {
        nodes: Vec<i64>,
        totals: Vec<i64>,
    },
    Exact {
        nodes: Vec<Decimal>,
        totals: Vec<Decimal>,
    },
}

impl Default for NodeValues {
    fn default() -> NodeValues {
        NodeValues::Packed {
            nodes: Vec::new(),
            totals: Vec::new(),
        }
    }
}

/// What a group key's raw values stand for: year as is; book, phase and nature as their index
/// in `ALL`; unit and source as an index into these names (source [`NO_VALUE`] for none);
/// economic code as its digits (0 for none).
#[derive(Debug, Clone, Default)]
pub(crate) struct KeyDict {
    pub(crate) units: Vec<Box<str>>,
    pub(crate) sources: Vec<Box<str>>,
}

/// Where a set of lines sits: its context (every dimension but the codes) and its position in
/// the two trees (the climbed code and the other code).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct PosKey {
    year: i32,
    unit: u32,
    source: u32,
    book: Book,
    phase: Phase,
    nature: Nature,
    hier: Code,
    other: Option<Code>,
}

#[derive(Debug, Clone, Copy)]
struct Pos {
    sum: Decimal,
    first_row: usize,
}

fn ancestors_or_self(c: Code) -> impl Iterator<Item = Code> {
    (1..=c.level()).filter_map(move |l| c.at_level(l))
}

/// Positions that contain `k` (excluding `k`). An upper position contains a lower one when its
/// climbed code is an ancestor-or-self and its other code an ancestor-or-self of the lower's —
/// or, when the climbed code is a strict ancestor, absent (a 类 line without economic code
/// contains the 项 lines of every economic code). A line without an economic code at the same
/// climbed code as lines with one is unclassified, not a subtotal.
fn covering(k: &PosKey) -> impl Iterator<Item = PosKey> + '_ {
    let others: Vec<Option<Code>> = match k.other {
        None => vec![None],
        Some(o) => ancestors_or_self(o).map(Some).collect(),
    };
    ancestors_or_self(k.hier)
        .flat_map(move |h| {
            let strict = h != k.hier;
            others
                .clone()
                .into_iter()
                .chain((strict && k.other.is_some()).then_some(None))
                .map(move |o| PosKey {
                    hier: h,
                    other: o,
                    ..*k
                })
        })
        .filter(move |u| u != k)
}

/// Whether any two lines could sit at two levels of one branch: some distinct code of the
/// climbed tree (or of the other tree) is an ancestor of another. A cheap pass over the distinct
/// codes, so flat ledgers skip the per-context search.
fn rows_may_nest(c: &Ledger, hierarchy: Hierarchy) -> Result<bool> {
    let mut hier: FxHashSet<Code> = FxHashSet::default();
    let mut other: FxHashSet<Code> = FxHashSet::default();
    let mut last: Option<(Code, Option<Code>)> = None;
    for i in 0..c.len() {
        let pair = codes_at(c, i, hierarchy)?;
        if last == Some(pair) {
            continue;
        }
        last = Some(pair);
        hier.insert(pair.0);
        if let Some(o) = pair.1 {
            other.insert(o);
        }
    }
    let nested = |set: &FxHashSet<Code>| {
        set.iter()
            .any(|c| c.ancestors().iter().any(|a| set.contains(a)))
    };
    Ok(nested(&hier) || nested(&other))
}

/// The climbed code and the other code of line `i`.
fn codes_at(c: &Ledger, i: usize, hierarchy: Hierarchy) -> Result<(Code, Option<Code>)> {
    match hierarchy {
        Hierarchy::Functional => Ok((
            functional_code(c.functional[i]),
            economic_code(c.economic[i]),
        )),
        Hierarchy::Economic => match economic_code(c.economic[i]) {
            Some(e) => Ok((e, Some(functional_code(c.functional[i])))),
            None => Err(Error::value(
                "economic",
                "",
                format!(
                    "ledger row {} has no economic code; an economic roll-up needs one on every line",
                    i + 1
                ),
            )),
        },
    }
}

/// Which dimensions a roll-up groups by.
#[derive(Debug, Clone, Copy)]
struct Mask {
    year: bool,
    book: bool,
    phase: bool,
    unit: bool,
    nature: bool,
    source: bool,
    economic: bool,
}

/// The grouping values of a line, with the dimensions not grouped by left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct RawGroup {
    year: Option<i32>,
    unit: Option<u32>,
    source: Option<u32>,
    book: Option<Book>,
    phase: Option<Phase>,
    nature: Option<Nature>,
    economic: Option<Option<Code>>,
}

impl Mask {
    fn of(by: &[GroupKey]) -> Mask {
        Mask {
            year: by.contains(&GroupKey::Year),
            book: by.contains(&GroupKey::Book),
            phase: by.contains(&GroupKey::Phase),
            unit: by.contains(&GroupKey::Unit),
            nature: by.contains(&GroupKey::Nature),
            source: by.contains(&GroupKey::Source),
            economic: by.contains(&GroupKey::Economic),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn project(
        &self,
        year: i32,
        book: Book,
        phase: Phase,
        unit: u32,
        nature: Nature,
        source: u32,
        other: Option<Code>,
    ) -> RawGroup {
        RawGroup {
            year: self.year.then_some(year),
            unit: self.unit.then_some(unit),
            source: self.source.then_some(source),
            book: self.book.then_some(book),
            phase: self.phase.then_some(phase),
            nature: self.nature.then_some(nature),
            economic: self.economic.then_some(other),
        }
    }
}

impl RawGroup {
    /// The group's values in `by` order.
    fn values(&self, by: &[GroupKey], c: &Ledger) -> Vec<GroupValue> {
        by.iter()
            .map(|key| match key {
                GroupKey::Year => GroupValue::Year(self.year.unwrap_or_default()),
                GroupKey::Book => GroupValue::Book(self.book.unwrap_or(Book::General)),
                GroupKey::Phase => GroupValue::Phase(self.phase.unwrap_or(Phase::Budget)),
                GroupKey::Unit => GroupValue::Unit(
                    self.unit
                        .map(|u| c.units.get(u).to_owned())
                        .unwrap_or_default(),
                ),
                GroupKey::Nature => GroupValue::Nature(self.nature.unwrap_or(Nature::Basic)),
                GroupKey::Source => GroupValue::Source(
                    self.source
                        .filter(|s| *s != NO_VALUE)
                        .map(|s| c.sources.get(s).to_owned()),
                ),
                GroupKey::Economic => GroupValue::Economic(self.economic.flatten()),
            })
            .collect()
    }
}

#[derive(Debug, Clone, Copy)]
struct Leaf {
    sum: Decimal,
    year: i32,
}

fn add_leaf(
    leaves: &mut FxHashMap<(RawGroup, Code), Leaf>,
    group: RawGroup,
    code: Code,
    amount: Decimal,
    year: i32,
) -> Result<()> {
    match leaves.entry((group, code)) {
        Entry::Occupied(mut o) => add_to(&mut o.get_mut().sum, amount),
        Entry::Vacant(v) => {
            v.insert(Leaf { sum: amount, year });
            Ok(())
        }
    }
}

impl Ledger {
    /// Add the lines up the tree — 项 → 款 → 类 → 合计 — exactly, per group.
    ///
    /// Lines may sit at any level. Two lines of the same context (year, book, phase, unit,
    /// nature, source) at two levels of one branch would be counted twice, so they are an
    /// [`Error::LevelConflict`] unless `subtotals` is [`Subtotals::Check`]; then the upper ones
    /// are compared with the sum under them, reported as findings, and left out of the sums.
    /// Lines of several years or phases are only added up when grouped by `year` / `phase`
    /// ([`Error::MixedDimension`] otherwise): a budget plus its final account is no total.
    ///
    /// ```
    /// use sunlit::{Code, Error, Ledger, RollupOptions, budget::Subtotals};
    /// let ledger = Ledger::read_csv_str("\
    /// year,book,phase,unit,functional,economic,nature,source,amount
    /// 2026,general,budget,u,208,,basic,,100
    /// 2026,general,budget,u,2080505,,basic,,60
    /// 2026,general,budget,u,2080506,,basic,,40
    /// ").unwrap();
    /// assert!(matches!(ledger.rollup(&RollupOptions::default()), Err(Error::LevelConflict { .. })));
    /// let r = ledger.rollup(&RollupOptions { subtotals: Subtotals::Check, ..Default::default() }).unwrap();
    /// assert!(r.findings().is_empty()); // 208 = 60 + 40
    /// assert_eq!(r.total(&[]).unwrap().unwrap().to_string(), "100");
    /// ```
    pub fn rollup(&self, opts: &RollupOptions) -> Result<Rollup> {
        validate_by(&opts.by, opts.hierarchy)?;
        self.check_mixed(&opts.by)?;
        if let Some(r) = super::rollup_fast::rollup(self, opts)? {
            return Ok(r);
        }
        self.rollup_exact(opts)
    }

    /// The roll-up in exact decimals, through hash maps of (group, code): any ledger, any
    /// tree, nested lines and subtotals (the integer path hands everything else to this).
    pub(crate) fn rollup_exact(&self, opts: &RollupOptions) -> Result<Rollup> {
        validate_by(&opts.by, opts.hierarchy)?;
        self.check_mixed(&opts.by)?;
        let c = self;
        let mask = Mask::of(&opts.by);
        let mut findings = Findings::new();
        let mut leaves: FxHashMap<(RawGroup, Code), Leaf> = FxHashMap::default();

        if rows_may_nest(c, opts.hierarchy)? {
            // Slow path: lines may sit at two levels of one branch; find them per context.
            let positions = positions(c, opts.hierarchy)?;
            let mut uppers: FxHashSet<PosKey> = FxHashSet::default();
            let mut pairs: Vec<(PosKey, PosKey)> = Vec::new();
            for k in positions.keys() {
                for u in covering(k) {
                    if positions.contains_key(&u) {
                        pairs.push((u, *k));
                    }
                }
            }
            if !pairs.is_empty() {
                match opts.subtotals {
                    Subtotals::Reject => {
                        // 1-based ledger row of a position (every pair's keys are positions).
                        let row =
                            |k: &PosKey| positions.get(k).map_or(0, |p| p.first_row as u64 + 1);
                        let (u, l) = pairs
                            .iter()
                            .min_by_key(|(u, l)| (row(u), row(l)))
                            .copied()
                            .ok_or_else(|| Error::overflow("level conflict"))?;
                        return Err(Error::LevelConflict {
                            upper: position_label(&u),
                            lower: position_label(&l),
                            upper_row: row(&u),
                            lower_row: row(&l),
                        });
                    }
                    Subtotals::Check => {
                        uppers = pairs.iter().map(|(u, _)| *u).collect();
                        findings = check_subtotals(&positions, &uppers, &pairs, c)?;
                    }
                }
            }
            for (k, p) in &positions {
                if !uppers.contains(k) {
                    let g =
                        mask.project(k.year, k.book, k.phase, k.unit, k.nature, k.source, k.other);
                    add_leaf(&mut leaves, g, k.hier, p.sum, k.year)?;
                }
            }
        } else {
            // Fast path: every line is a leaf; one hash update per line.
            for i in 0..c.len() {
                let (hier, other) = codes_at(c, i, opts.hierarchy)?;
                let g = mask.project(
                    i32::from(c.year[i]),
                    c.book[i],
                    c.phase[i],
                    c.unit[i],
                    c.nature[i],
                    c.source[i],
                    other,
                );
                add_leaf(&mut leaves, g, hier, c.amount_at(i), i32::from(c.year[i]))?;
            }
        }

        let mut groups = groups_from_leaves(leaves, &opts.by, c)?;
        groups.sort_by(|a, b| a.key.cmp(&b.key));
        findings.sort();
        let table = NodeTable::from_groups(&groups, &opts.by);
        Ok(Rollup {
            hierarchy: opts.hierarchy,
            by: opts.by.clone(),
            findings,
            table,
            groups: std::sync::OnceLock::from(groups),
        })
    }

    /// Refuse to add up several years or phases unless grouped by them.
    pub(crate) fn check_mixed(&self, by: &[GroupKey]) -> Result<()> {
        for (key, name) in [(GroupKey::Year, "year"), (GroupKey::Phase, "phase")] {
            if by.contains(&key) {
                continue;
            }
            let values = self.distinct(key);
            if values.len() > 1 {
                return Err(Error::MixedDimension {
                    dimension: name.to_owned(),
                    values: values.iter().map(GroupValue::text).collect(),
                });
            }
        }
        Ok(())
    }
}

/// The leaves' groups, each climbed up the tree (ancestors-or-self of every leaf code), with
/// the group's total (the sum of its 类).
fn groups_from_leaves(
    leaves: FxHashMap<(RawGroup, Code), Leaf>,
    by: &[GroupKey],
    c: &Ledger,
) -> Result<Vec<RollupGroup>> {
    // Leaves into groups, then up the tree.
    let mut grouped: FxHashMap<RawGroup, (i32, Vec<(Code, Decimal)>)> = FxHashMap::default();
    for ((g, code), leaf) in leaves {
        grouped
            .entry(g)
            .or_insert_with(|| (leaf.year, Vec::new()))
            .1
            .push((code, leaf.sum));
    }
    let mut groups = Vec::with_capacity(grouped.len());
    for (raw, (year, codes)) in grouped {
        let mut amounts: BTreeMap<Code, Decimal> = BTreeMap::new();
        for (code, sum) in codes {
            for a in ancestors_or_self(code) {
                add_to(amounts.entry(a).or_insert(Decimal::ZERO), sum)?;
            }
        }
        let mut total = Decimal::ZERO;
        for (code, v) in &amounts {
            if code.level() == 1 {
                add_to(&mut total, *v)?;
            }
        }
        groups.push(RollupGroup {
            key: raw.values(by, c),
            year,
            amounts,
            total,
        });
    }
    Ok(groups)
}

fn add_to(acc: &mut Decimal, x: Decimal) -> Result<()> {
    *acc = acc
        .checked_add(x)
        .ok_or_else(|| Error::overflow(format!("sum {acc} + {x}")))?;
    Ok(())
}

fn validate_by(by: &[GroupKey], hierarchy: Hierarchy) -> Result<()> {
    for (i, k) in by.iter().enumerate() {
        if by[..i].contains(k) {
            return Err(Error::value("by", k.id(), "a dimension is listed twice"));
        }
        if *k == GroupKey::Economic && hierarchy == Hierarchy::Economic {
            return Err(Error::value(
                "by",
                k.id(),
                "an economic roll-up cannot also be grouped by the economic code",
            ));
        }
    }
    Ok(())
}

/// Sum the lines by context and position.
fn positions(c: &Ledger, hierarchy: Hierarchy) -> Result<FxHashMap<PosKey, Pos>> {
    let mut positions: FxHashMap<PosKey, Pos> = FxHashMap::default();
    for i in 0..c.len() {
        let (hier, other) = codes_at(c, i, hierarchy)?;
        let key = PosKey {
            year: i32::from(c.year[i]),
            unit: c.unit[i],
            source: c.source[i],
            book: c.book[i],
            phase: c.phase[i],
            nature: c.nature[i],
            hier,
            other,
        };
        match positions.entry(key) {
            Entry::Occupied(mut o) => add_to(&mut o.get_mut().sum, c.amount_at(i))?,
            Entry::Vacant(v) => {
                v.insert(Pos {
                    sum: c.amount_at(i),
                    first_row: i,
                });
            }
        }
    }
    Ok(positions)
}

fn position_label(k: &PosKey) -> String {
    match k.other {
        Some(o) => format!("{}/{}", k.hier, o),
        None => k.hier.to_string(),
    }
}

/// Compare each upper position with the sum of the leaf positions it contains.
fn check_subtotals(
    positions: &FxHashMap<PosKey, Pos>,
    uppers: &FxHashSet<PosKey>,
    pairs: &[(PosKey, PosKey)],
    c: &Ledger,
) -> Result<Findings> {
    let mut computed: FxHashMap<PosKey, Decimal> = FxHashMap::default();
    for (u, l) in pairs {
        if let Some(lower) = positions.get(l).filter(|_| !uppers.contains(l)) {
            add_to(computed.entry(*u).or_insert(Decimal::ZERO), lower.sum)?;
        }
    }
    let mut findings = Findings::new();
    for u in uppers {
        let Some(upper) = positions.get(u) else {
            continue; // every upper is a position
        };
        let expected = computed.get(u).copied().unwrap_or(Decimal::ZERO);
        let actual = upper.sum;
        if expected != actual {
            let context = format!(
                "{} {} {} {} {}{}",
                c.units.get(u.unit),
                u.year,
                u.book.name_zh(),
                u.phase.name_zh(),
                u.nature.name_zh(),
                if u.source == NO_VALUE {
                    String::new()
                } else {
                    format!(" {}", c.sources.get(u.source))
                }
            );
            findings.push(
                Finding::new(
                    &rules::SUBTOTAL_MISMATCH,
                    format!(
                        "已列示的小计 {}（{context}，第{}行）不等于其下级明细之和",
                        position_label(u),
                        upper.first_row + 1
                    ),
                    format!(
                        "subtotal {} ({context}, row {}) differs from the sum of the lines under it",
                        position_label(u),
                        upper.first_row + 1
                    ),
                )
                .with_code(u.hier.to_string())
                .with_column("amount")
                .with_values(expected, actual),
            );
        }
    }
    Ok(findings)
}

impl Rollup {
    /// The tree that was climbed.
    ///
    /// ```
    /// let r = sunlit::Ledger::new().rollup(&Default::default()).unwrap();
    /// assert_eq!(r.hierarchy(), sunlit::budget::Hierarchy::Functional);
    /// ```
    pub fn hierarchy(&self) -> Hierarchy {
        self.hierarchy
    }

    /// The grouping dimensions.
    ///
    /// ```
    /// let r = sunlit::Ledger::new().rollup(&Default::default()).unwrap();
    /// assert!(r.by().is_empty());
    /// ```
    pub fn by(&self) -> &[GroupKey] {
        &self.by
    }

    /// The groups, sorted by their key.
    ///
    /// ```
    /// let r = sunlit::Ledger::new().rollup(&Default::default()).unwrap();
    /// assert!(r.groups().is_empty());
    /// ```
    pub fn groups(&self) -> &[RollupGroup] {
        self.groups
            .get_or_init(|| self.table.groups(self.hierarchy, &self.by))
    }

    /// Findings of the subtotal check (empty unless [`Subtotals::Check`] found a mismatch).
    ///
    /// ```
    /// let r = sunlit::Ledger::new().rollup(&Default::default()).unwrap();
    /// assert!(r.findings().is_empty());
    /// ```
    pub fn findings(&self) -> &Findings {
        &self.findings
    }

    /// The indexes of the groups that match `filter`.
    fn matching(&self, filter: &[GroupValue]) -> Result<Vec<usize>> {
        let mut wanted: Vec<(usize, u32)> = Vec::with_capacity(filter.len());
        for v in filter {
            let Some(pos) = self.by.iter().position(|k| *k == v.key()) else {
                return Err(Error::value(
                    "filter",
                    v.key().id(),
                    format!(
                        "the roll-up is not grouped by {}; group by it to filter on it",
                        v.key().id()
                    ),
                ));
            };
            match self.table.dict.raw(v) {
                Some(raw) => wanted.push((pos, raw)),
                None => return Ok(Vec::new()), // a value no group has
            }
        }
        let width = self.by.len();
        Ok((0..self.table.group_count())
            .filter(|&g| {
                wanted
                    .iter()
                    .all(|&(pos, raw)| self.table.keys.get(g * width + pos) == Some(&raw))
            })
            .collect())
    }

    /// The amount at `code`, summed over the groups that match `filter` (every group when
    /// empty). `Ok(None)` when no matching group has anything at or under the code — absent, not
    /// zero. Filtering on a dimension the roll-up is not grouped by is an error, as is a code of
    /// the other tree.
    ///
    /// ```
    /// use sunlit::{Code, Ledger};
    /// let ledger = Ledger::read_csv_str("year,book,phase,unit,functional,economic,nature,source,amount\n\
    ///     2026,general,budget,u,2101101,,basic,,1439040\n").unwrap();
    /// let r = ledger.rollup(&Default::default()).unwrap();
    /// assert_eq!(r.amount(Code::functional("21011").unwrap(), &[]).unwrap().unwrap().to_string(), "1439040");
    /// assert_eq!(r.amount(Code::functional("208").unwrap(), &[]).unwrap(), None);
    /// ```
    pub fn amount(&self, code: Code, filter: &[GroupValue]) -> Result<Option<Decimal>> {
        let fits = match self.hierarchy {
            Hierarchy::Functional => code.scheme() == Scheme::Functional,
            Hierarchy::Economic => {
                matches!(code.scheme(), Scheme::DeptEconomic | Scheme::GovEconomic)
            }
        };
        if !fits {
            return Err(Error::value(
                "code",
                &code.to_string(),
                format!(
                    "a {} code is not in a {} roll-up",
                    code.scheme(),
                    self.hierarchy
                ),
            ));
        }
        let mut out: Option<Decimal> = None;
        for g in self.matching(filter)? {
            if let Some(v) = self.table.find(g, code, self.hierarchy) {
                add_to(out.get_or_insert(Decimal::ZERO), v)?;
            }
        }
        Ok(out)
    }

    /// The total (合计: the sum of the 类) over the groups that match `filter`; `Ok(None)` when
    /// no group matches.
    ///
    /// ```
    /// let r = sunlit::Ledger::new().rollup(&Default::default()).unwrap();
    /// assert_eq!(r.total(&[]).unwrap(), None);
    /// ```
    pub fn total(&self, filter: &[GroupValue]) -> Result<Option<Decimal>> {
        let mut out: Option<Decimal> = None;
        for g in self.matching(filter)? {
            add_to(out.get_or_insert(Decimal::ZERO), self.table.total(g))?;
        }
        Ok(out)
    }

    /// The number of nodes (every code of every group), without building them.
    ///
    /// ```
    /// let ledger = sunlit::Ledger::read_csv_str("year,book,phase,unit,functional,economic,nature,source,amount\n\
    ///     2026,general,budget,u,2101101,,basic,,1\n").unwrap();
    /// assert_eq!(ledger.rollup(&Default::default()).unwrap().len(), 3); // 210, 21011, 2101101
    /// ```
    pub fn len(&self) -> usize {
        self.table.codes.len()
    }

    /// Whether the roll-up has no node.
    ///
    /// ```
    /// assert!(sunlit::Ledger::new().rollup(&Default::default()).unwrap().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.table.codes.is_empty()
    }

    /// The number of groups, without building them.
    ///
    /// ```
    /// assert_eq!(sunlit::Ledger::new().rollup(&Default::default()).unwrap().group_count(), 0);
    /// ```
    pub fn group_count(&self) -> usize {
        self.table.group_count()
    }

    /// Every node of every group, groups in key order, nodes in code order.
    ///
    /// ```
    /// let r = sunlit::Ledger::new().rollup(&Default::default()).unwrap();
    /// assert_eq!(r.rows().count(), 0);
    /// ```
    pub fn rows(&self) -> impl Iterator<Item = RollupRow<'_>> + '_ {
        self.groups().iter().flat_map(|g| {
            g.amounts.iter().map(move |(code, amount)| RollupRow {
                group: &g.key,
                code: *code,
                level: code.level(),
                amount: *amount,
            })
        })
    }

    /// Every node with its name from `catalog` (looked up in the catalogue of the group's year;
    /// `None` when the catalogue lacks the code — never a guess).
    ///
    /// ```
    /// use sunlit::{Catalog, Ledger};
    /// let ledger = Ledger::read_csv_str("year,book,phase,unit,functional,economic,nature,source,amount\n\
    ///     2026,general,budget,u,2101101,,basic,,1439040\n").unwrap();
    /// let recs = ledger.rollup(&Default::default()).unwrap().records(Catalog::seed());
    /// assert_eq!(recs[0].name.as_deref(), Some("卫生健康支出"));
    /// ```
    pub fn records(&self, catalog: &Catalog) -> Vec<RollupRecord> {
        let t = &self.table;
        let mut out = Vec::with_capacity(t.codes.len());
        for g in 0..t.group_count() {
            let key = t.key(g, &self.by);
            let year = t.years.get(g).copied().unwrap_or_default();
            for n in t.nodes(g) {
                let code = t.code(n, self.hierarchy);
                out.push(RollupRecord {
                    group: key.clone(),
                    code,
                    level: code.level(),
                    name: catalog.name(code, year).map(str::to_owned),
                    amount: t.value(n),
                });
            }
        }
        out
    }
}

impl PartialEq for Rollup {
    fn eq(&self, other: &Rollup) -> bool {
        self.hierarchy == other.hierarchy
            && self.by == other.by
            && self.findings == other.findings
            && self.groups() == other.groups()
    }
}

impl Eq for Rollup {}

impl KeyDict {
    /// The raw value of `v`, or `None` when no group can have it (a unit or source not here).
    fn raw(&self, v: &GroupValue) -> Option<u32> {
        let index = |names: &[Box<str>], s: &str| {
            names
                .iter()
                .position(|n| &**n == s)
                .and_then(|i| u32::try_from(i).ok())
        };
        Some(match v {
            GroupValue::Year(y) => u32::try_from(*y).ok()?,
            GroupValue::Book(b) => *b as u32,
            GroupValue::Phase(p) => *p as u32,
            GroupValue::Nature(n) => *n as u32,
            GroupValue::Unit(u) => index(&self.units, u)?,
            GroupValue::Source(None) => NO_VALUE,
            GroupValue::Source(Some(s)) => index(&self.sources, s)?,
            GroupValue::Economic(e) => e.map_or(0, Code::digits),
        })
    }

    /// The value of dimension `key` from its raw value.
    fn value(&self, key: GroupKey, raw: u32) -> GroupValue {
        let name = |names: &[Box<str>]| names.get(raw as usize).map(|s| s.to_string());
        match key {
            GroupKey::Year => GroupValue::Year(raw as i32),
            GroupKey::Book => GroupValue::Book(Book::ALL[raw as usize % Book::ALL.len()]),
            GroupKey::Phase => GroupValue::Phase(Phase::ALL[raw as usize % Phase::ALL.len()]),
            GroupKey::Nature => GroupValue::Nature(Nature::ALL[raw as usize % Nature::ALL.len()]),
            GroupKey::Unit => GroupValue::Unit(name(&self.units).unwrap_or_default()),
            GroupKey::Source => GroupValue::Source(name(&self.sources)),
            GroupKey::Economic => GroupValue::Economic(economic_code(raw)),
        }
    }
}

impl NodeTable {
    pub(crate) fn group_count(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    fn nodes(&self, g: usize) -> std::ops::Range<usize> {
        let a = self.starts.get(g).copied().unwrap_or_default();
        let b = self.starts.get(g + 1).copied().unwrap_or(a);
        a..b
    }

    fn key(&self, g: usize, by: &[GroupKey]) -> Vec<GroupValue> {
        let w = by.len();
        by.iter()
            .enumerate()
            .map(|(i, k)| {
                self.dict
                    .value(*k, self.keys.get(g * w + i).copied().unwrap_or_default())
            })
            .collect()
    }

    fn code(&self, n: usize, hierarchy: Hierarchy) -> Code {
        let digits = self.codes.get(n).copied().unwrap_or_default();
        match hierarchy {
            Hierarchy::Functional => functional_code(digits),
            Hierarchy::Economic => economic_code(digits).unwrap_or_else(|| functional_code(digits)),
        }
    }

    fn value(&self, n: usize) -> Decimal {
        match &self.values {
            NodeValues::Packed { nodes, .. } => {
                nodes.get(n).copied().map(unpack_inline).unwrap_or_default()
            }
            NodeValues::Exact { nodes, .. } => nodes.get(n).copied().unwrap_or_default(),
        }
    }

    fn total(&self, g: usize) -> Decimal {
        match &self.values {
            NodeValues::Packed { totals, .. } => totals
                .get(g)
                .copied()
                .map(unpack_inline)
                .unwrap_or_default(),
            NodeValues::Exact { totals, .. } => totals.get(g).copied().unwrap_or_default(),
        }
    }

    /// The amount of group `g` at `code`, if it has that node (nodes are in code order).
    fn find(&self, g: usize, code: Code, hierarchy: Hierarchy) -> Option<Decimal> {
        let range = self.nodes(g);
        let start = range.start;
        let slice = self.codes.get(range)?;
        let i = slice
            .binary_search_by(|&d| {
                let c = match hierarchy {
                    Hierarchy::Functional => functional_code(d),
                    Hierarchy::Economic => economic_code(d).unwrap_or_else(|| functional_code(d)),
                };
                c.cmp(&code)
            })
            .ok()?;
        Some(self.value(start + i))
    }

    /// The groups as [`RollupGroup`]s.
    fn groups(&self, hierarchy: Hierarchy, by: &[GroupKey]) -> Vec<RollupGroup> {
        (0..self.group_count())
            .map(|g| RollupGroup {
                key: self.key(g, by),
                year: self.years.get(g).copied().unwrap_or_default(),
                amounts: self
                    .nodes(g)
                    .map(|n| (self.code(n, hierarchy), self.value(n)))
                    .collect(),
                total: self.total(g),
            })
            .collect()
    }

    /// The table of groups built by the exact path (already in key order).
    fn from_groups(groups: &[RollupGroup], by: &[GroupKey]) -> NodeTable {
        let mut t = NodeTable::default();
        let mut units: FxHashMap<String, u32> = FxHashMap::default();
        let mut sources: FxHashMap<String, u32> = FxHashMap::default();
        let intern = |map: &mut FxHashMap<String, u32>, names: &mut Vec<Box<str>>, s: &str| {
            *map.entry(s.to_owned()).or_insert_with(|| {
                names.push(s.into());
                (names.len() - 1) as u32
            })
        };
        let (mut nodes, mut totals) = (Vec::new(), Vec::new());
        t.starts.push(0);
        for g in groups {
            for v in &g.key {
                let raw = match v {
                    GroupValue::Unit(u) => intern(&mut units, &mut t.dict.units, u),
                    GroupValue::Source(Some(s)) => intern(&mut sources, &mut t.dict.sources, s),
                    other => t.dict.raw(other).unwrap_or_default(),
                };
                t.keys.push(raw);
            }
            debug_assert_eq!(g.key.len(), by.len());
            t.years.push(g.year);
            for (code, v) in &g.amounts {
                t.codes.push(code.digits());
                nodes.push(*v);
            }
            totals.push(g.total);
            t.starts.push(t.codes.len());
        }
        t.values = NodeValues::Exact { nodes, totals };
        t
    }
}
