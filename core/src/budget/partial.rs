//! Partial roll-ups (部分汇总) for work split over processes or machines.
//!
//! A roll-up is a sum, so it can be done in parts: each worker compacts its batch of lines
//! ([`Ledger::compact`]: lines equal in every dimension added into one), the compacted parts
//! are gathered and concatenated ([`Ledger::concat`]), and the concatenation is rolled up once
//! ([`Ledger::rollup`]). The result is exactly the roll-up of all the lines — same nodes, same
//! amounts — because compaction keeps every code at its own level (so subtotal lines still meet
//! their leaves and [`super::Subtotals`] applies as before) and adds amounts exactly. Only the row
//! numbers a finding or error names become those of the compacted lines. `docs/scale-out.md`
//! shows it with Dask and Spark.

use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use super::{Ledger, Line};
use crate::{Error, Result};

impl Ledger {
    /// The same lines with those equal in every dimension (year, book, phase, unit, functional
    /// and economic code, nature, source) added into one, in order of first appearance: the
    /// mergeable partial result of a roll-up. Rolling up a compacted ledger, or the
    /// [`Ledger::concat`] of compacted parts, gives exactly the roll-up of the original lines.
    /// An [`Error::Overflow`] if a sum does not fit.
    ///
    /// ```
    /// use sunlit::{Ledger, RollupOptions};
    /// let ledger = Ledger::read_csv_str("\
    /// year,book,phase,unit,functional,economic,nature,source,amount
    /// 2026,general,budget,u,2080505,,basic,,1.25
    /// 2026,general,budget,u,2080505,,basic,,2
    /// 2026,general,budget,u,2080505,,project,,3
    /// ").unwrap();
    /// let small = ledger.compact().unwrap();
    /// assert_eq!(small.len(), 2);
    /// let opts = RollupOptions::default();
    /// assert_eq!(small.rollup(&opts).unwrap(), ledger.rollup(&opts).unwrap());
    /// ```
    pub fn compact(&self) -> Result<Ledger> {
        // A line with row 0 and amount 0 stands for its dimensions.
        let mut index: FxHashMap<Line<'_>, usize> = FxHashMap::default();
        let mut keys: Vec<Line<'_>> = Vec::new();
        let mut sums: Vec<Decimal> = Vec::new();
        for l in self.iter() {
            let key = Line {
                row: 0,
                amount: Decimal::ZERO,
                ..l
            };
            match index.get(&key) {
                Some(&i) => {
                    let sum = sums.get_mut(i).ok_or_else(|| Error::overflow("compact"))?;
                    *sum = sum
                        .checked_add(l.amount)
                        .ok_or_else(|| Error::overflow(format!("{sum} + {}", l.amount)))?;
                }
                None => {
                    index.insert(key, keys.len());
                    keys.push(key);
                    sums.push(l.amount);
                }
            }
        }
        let mut out = Ledger::with_capacity(keys.len());
        for (k, amount) in keys.into_iter().zip(sums) {
            out.push_line(&Line { amount, ..k })?;
        }
        Ok(out)
    }

    /// The lines of every part, one after another, as one ledger (e.g. the compacted parts of a
    /// roll-up done in pieces; see [`Ledger::compact`]).
    ///
    /// ```
    /// use sunlit::Ledger;
    /// let a = Ledger::read_csv_str("\
    /// year,book,phase,unit,functional,economic,nature,source,amount
    /// 2026,general,budget,u,2080505,,basic,,1.25
    /// ").unwrap();
    /// let both = Ledger::concat([&a, &a]).unwrap();
    /// assert_eq!(both.len(), 2);
    /// assert_eq!(both.compact().unwrap().get(0).unwrap().amount.to_string(), "2.50");
    /// ```
    pub fn concat<'a>(parts: impl IntoIterator<Item = &'a Ledger>) -> Result<Ledger> {
        let mut out = Ledger::new();
        for part in parts {
            out.extend_from(part)?;
        }
        Ok(out)
    }
}
