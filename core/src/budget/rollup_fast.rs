//! The integer roll-up of the functional tree: exact sums of packed 分 (`i64`, checked), groups
//! as dense integer keys, leaves counted into their groups, then each group's distinct codes
//! sorted and climbed 项 → 款 → 类, groups in parallel.
//!
//! It applies when the answer cannot differ from the exact [`Decimal`](rust_decimal::Decimal)
//! path's: the functional hierarchy, every amount packed (at most two places), no two distinct
//! codes of the ledger on one branch (so every line is a leaf and no subtotal question arises),
//! and a dense key space not much larger than the ledger. Anything else — and any sum that
//! overflows — returns `None`, and the caller takes the exact path.

use std::ops::Range;
use std::sync::atomic::{AtomicI64, AtomicU32, Ordering::Relaxed};

use rayon::prelude::*;

use super::ledger::{EXACT_TAG, Ledger, NO_VALUE, economic_code};
use super::rollup::{GroupKey, Hierarchy, KeyDict, NodeTable, NodeValues, Rollup, RollupOptions};
use super::{Book, Nature, Phase};
use crate::finding::Findings;

/// The roll-up by the integer path, or `None` when it does not apply (see the module).
pub(crate) fn rollup(l: &Ledger, opts: &RollupOptions) -> crate::Result<Option<Rollup>> {
    if opts.hierarchy != Hierarchy::Functional
        || !l.exact.is_empty()
        || u32::try_from(l.len()).is_err()
        || may_nest(l)
    {
        return Ok(None);
    }
    let Some(dims) = Dims::new(l, &opts.by) else {
        return Ok(None);
    };
    let Some(table) = build(l, &dims) else {
        return Ok(None);
    };
    Ok(Some(Rollup {
        hierarchy: opts.hierarchy,
        by: opts.by.clone(),
        findings: Findings::new(),
        table,
        groups: std::sync::OnceLock::new(),
    }))
}

/// A set of code digits below `cap`, as bits; `None` if a value is out of range.
fn bitset(values: &[u32], cap: u32) -> Option<Vec<u64>> {
    let mut bits = vec![0u64; (cap as usize).div_ceil(64)];
    let mut last = u32::MAX;
    for &v in values {
        if v == last {
            continue;
        }
        last = v;
        *bits.get_mut((v / 64) as usize)? |= 1 << (v % 64);
    }
    Some(bits)
}

fn has(bits: &[u64], v: u32) -> bool {
    bits.get((v / 64) as usize)
        .is_some_and(|w| w & (1 << (v % 64)) != 0)
}

/// Whether some distinct functional (or economic) code of the ledger is an ancestor of another.
fn may_nest(l: &Ledger) -> bool {
    let nested = |values: &[u32], cap: u32| match bitset(values, cap) {
        None => true,
        Some(bits) => bits.iter().enumerate().any(|(w, &word)| {
            let mut word = word;
            while word != 0 {
                let v = (w as u32) * 64 + word.trailing_zeros();
                word &= word - 1;
                let mut a = v / 100;
                while v != 0 && a >= 100 {
                    if has(&bits, a) {
                        return true;
                    }
                    a /= 100;
                }
            }
            false
        }),
    };
    let (f, e) = rayon::join(
        || nested(&l.functional, 3_000_000),
        || nested(&l.economic, 60_000),
    );
    f || e
}

/// One grouping dimension: how many ranks it has and its stride in the dense index.
struct Dim {
    key: GroupKey,
    card: usize,
    stride: usize,
}

/// The dense group index of a line: the ranks of its values (in the order of
/// [`GroupValue`](super::GroupValue)'s `Ord`) in mixed radix, `by` order, so that index order is
/// key order.
struct Dims {
    dims: Vec<Dim>,
    product: usize,
    year_min: i16,
    /// rank of each unit id, and the unit id of each rank
    unit_rank: Vec<u32>,
    unit_by_rank: Vec<u32>,
    source_rank: Vec<u32>,
    source_by_rank: Vec<u32>,
    /// rank of each economic code's digits (0: none), and the digits of each rank
    econ_rank: Vec<u32>,
    econ_by_rank: Vec<u32>,
}

/// Ranks of interned names in string order, and the ids in that order.
fn name_ranks(names: &[Box<str>]) -> (Vec<u32>, Vec<u32>) {
    let mut by_rank: Vec<u32> = (0..names.len() as u32).collect();
    by_rank.sort_unstable_by(|&a, &b| names[a as usize].cmp(&names[b as usize]));
    let mut rank = vec![0u32; names.len()];
    for (r, &id) in by_rank.iter().enumerate() {
        rank[id as usize] = r as u32;
    }
    (rank, by_rank)
}

impl Dims {
    fn new(l: &Ledger, by: &[GroupKey]) -> Option<Dims> {
        let mut d = Dims {
            dims: Vec::new(),
            product: 1,
            year_min: 0,
            unit_rank: Vec::new(),
            unit_by_rank: Vec::new(),
            source_rank: Vec::new(),
            source_by_rank: Vec::new(),
            econ_rank: Vec::new(),
            econ_by_rank: Vec::new(),
        };
        for &key in by {
            let card = match key {
                GroupKey::Year => {
                    let min = l.year.iter().copied().min().unwrap_or(0);
                    let max = l.year.iter().copied().max().unwrap_or(0);
                    d.year_min = min;
                    usize::try_from(i32::from(max) - i32::from(min) + 1).ok()?
                }
                GroupKey::Book => Book::ALL.len(),
                GroupKey::Phase => Phase::ALL.len(),
                GroupKey::Nature => Nature::ALL.len(),
                GroupKey::Unit => {
                    (d.unit_rank, d.unit_by_rank) = name_ranks(l.units.names());
                    l.units.len().max(1)
                }
                GroupKey::Source => {
                    (d.source_rank, d.source_by_rank) = name_ranks(l.sources.names());
                    l.sources.len() + 1
                }
                GroupKey::Economic => d.economic_ranks(l)?,
            };
            d.product = d.product.checked_mul(card)?;
            d.dims.push(Dim {
                key,
                card,
                stride: 0,
            });
        }
        if d.product > l.len().max(1 << 16) || d.product > 1 << 25 {
            return None;
        }
        let mut stride = 1;
        for dim in d.dims.iter_mut().rev() {
            dim.stride = stride;
            stride *= dim.card;
        }
        Some(d)
    }

    /// Ranks of the economic codes present (none first, then code order); the cardinality.
    fn economic_ranks(&mut self, l: &Ledger) -> Option<usize> {
        let bits = bitset(&l.economic, 60_000)?;
        let mut present: Vec<u32> = (1..60_000).filter(|&v| has(&bits, v)).collect();
        present.sort_unstable_by_key(|&v| economic_code(v));
        self.econ_rank = vec![0u32; 60_000];
        self.econ_by_rank = vec![0];
        for (r, &v) in present.iter().enumerate() {
            *self.econ_rank.get_mut(v as usize)? = r as u32 + 1;
            self.econ_by_rank.push(v);
        }
        Some(self.econ_by_rank.len())
    }

    /// The dense group index of line `i`.
    #[inline]
    fn index(&self, l: &Ledger, i: usize) -> usize {
        let mut g = 0;
        for dim in &self.dims {
            let rank = match dim.key {
                GroupKey::Year => (l.year[i] - self.year_min) as usize,
                GroupKey::Book => l.book[i] as usize,
                GroupKey::Phase => l.phase[i] as usize,
                GroupKey::Nature => l.nature[i] as usize,
                GroupKey::Unit => self.unit_rank[l.unit[i] as usize] as usize,
                GroupKey::Source => match l.source[i] {
                    NO_VALUE => 0,
                    s => self.source_rank[s as usize] as usize + 1,
                },
                GroupKey::Economic => self.econ_rank[l.economic[i] as usize] as usize,
            };
            g += rank * dim.stride;
        }
        g
    }

    /// The raw key values (see [`KeyDict`]) of dense index `g`, appended to `out`.
    fn raw_key(&self, g: usize, out: &mut Vec<u32>) {
        for dim in &self.dims {
            let rank = (g / dim.stride) % dim.card;
            out.push(match dim.key {
                GroupKey::Year => (i32::from(self.year_min) + rank as i32) as u32,
                GroupKey::Book | GroupKey::Phase | GroupKey::Nature => rank as u32,
                GroupKey::Unit => self.unit_by_rank.get(rank).copied().unwrap_or_default(),
                GroupKey::Source if rank == 0 => NO_VALUE,
                GroupKey::Source => self
                    .source_by_rank
                    .get(rank - 1)
                    .copied()
                    .unwrap_or_default(),
                GroupKey::Economic => self.econ_by_rank.get(rank).copied().unwrap_or_default(),
            });
        }
    }
}

/// The sum of two packed amounts, if it fits, with the scale [`Decimal`](rust_decimal::Decimal)
/// addition gives: a zero operand leaves the other as it is, else the larger scale.
#[inline]
pub(crate) fn add_packed(a: i64, b: i64) -> Option<i64> {
    if a >> 2 == 0 {
        return Some(b);
    }
    if b >> 2 == 0 {
        return Some(a);
    }
    let fen = (a >> 2).checked_add(b >> 2)?;
    if fen.unsigned_abs() >= 1 << 60 {
        return None;
    }
    Some((fen << 2) | (a & 3).max(b & 3))
}

/// Sort key of functional digits: code order (digit by digit, a parent before its children).
#[inline]
fn order_key(d: u32) -> u64 {
    let (padded, len) = match d {
        0..=999 => (d * 10_000, 3),
        1_000..=99_999 => (d * 100, 5),
        _ => (d, 7),
    };
    (u64::from(padded) << 4) | len
}

/// Sort a group's leaves by code and add up equal codes, in place; the number of distinct
/// codes, or `None` on overflow.
fn merge_leaves(codes: &mut [u32], amounts: &mut [i64]) -> Option<usize> {
    let k = codes.len();
    if k > 32 {
        let mut pairs: Vec<(u64, u32, i64)> = codes
            .iter()
            .zip(amounts.iter())
            .map(|(&c, &a)| (order_key(c), c, a))
            .collect();
        pairs.sort_unstable_by_key(|p| p.0);
        for (i, (_, c, a)) in pairs.into_iter().enumerate() {
            codes[i] = c;
            amounts[i] = a;
        }
    } else {
        for i in 1..k {
            let mut j = i;
            while j > 0 && order_key(codes[j - 1]) > order_key(codes[j]) {
                codes.swap(j - 1, j);
                amounts.swap(j - 1, j);
                j -= 1;
            }
        }
    }
    let mut m = 0;
    for i in 0..k {
        if m > 0 && codes[m - 1] == codes[i] {
            amounts[m - 1] = add_packed(amounts[m - 1], amounts[i])?;
        } else {
            codes[m] = codes[i];
            amounts[m] = amounts[i];
            m += 1;
        }
    }
    Some(m)
}

/// An open node while climbing: its digits, its index among the group's nodes, its sum so far.
type Open = (u32, usize, i64);

/// Climb a group's sorted distinct leaves: every node in code order (类 before its 款 before
/// its 项), written by `emit` (index, digits, amount) and re-written as sums grow; returns the
/// node count and the group's total, or `None` on overflow. A leaf at 类 or 款 level has
/// nothing under it (no code of the ledger nests), so it is its own node.
fn climb(
    codes: &[u32],
    amounts: &[i64],
    mut emit: impl FnMut(usize, u32, i64),
) -> Option<(usize, i64)> {
    let mut n = 0;
    // (digits, node index, running sum) of the open 类 and 款
    let mut lei: Option<Open> = None;
    let mut kuan: Option<Open> = None;
    let mut total = 0i64;
    for (&d, &a) in codes.iter().zip(amounts) {
        let (p1, p2) = match d {
            0..=999 => (d, None),
            1_000..=99_999 => (d / 100, Some(d)),
            _ => (d / 10_000, Some(d / 100)),
        };
        if lei.is_none_or(|(c, _, _)| c != p1) {
            if let Some((c, i, v)) = kuan.take() {
                emit(i, c, v);
            }
            if let Some((c, i, v)) = lei {
                emit(i, c, v);
                total = add_packed(total, v)?;
            }
            lei = Some((p1, n, 0));
            n += 1;
        }
        if let Some(l) = lei.as_mut() {
            l.2 = add_packed(l.2, a)?;
        }
        let Some(p2) = p2 else { continue };
        if kuan.is_none_or(|(c, _, _)| c != p2) {
            if let Some((c, i, v)) = kuan {
                emit(i, c, v);
            }
            kuan = Some((p2, n, 0));
            n += 1;
        }
        if let Some(k) = kuan.as_mut() {
            k.2 = add_packed(k.2, a)?;
        }
        if d >= 100_000 {
            emit(n, d, a);
            n += 1;
        }
    }
    if let Some((c, i, v)) = kuan {
        emit(i, c, v);
    }
    if let Some((c, i, v)) = lei {
        emit(i, c, v);
        total = add_packed(total, v)?;
    }
    Some((n, total))
}

/// Split `s` into consecutive pieces of the given lengths.
fn split_mut<T>(mut s: &mut [T], lens: impl Iterator<Item = usize>) -> Vec<&mut [T]> {
    let mut out = Vec::new();
    for len in lens {
        let at = len.min(s.len());
        let (a, b) = std::mem::take(&mut s).split_at_mut(at);
        out.push(a);
        s = b;
    }
    out
}

/// The lines scattered into their groups: groups present (dense indexes, in key order), each
/// group's first line, and the lines' code digits and packed amounts in group order.
struct Scattered {
    groups: Vec<usize>,
    line_starts: Vec<usize>,
    codes: Vec<u32>,
    amounts: Vec<i64>,
}

/// Count the lines of each group, then scatter their codes and amounts into group order, both
/// in parallel over consecutive parts of the ledger: each part's lines of a group go to that
/// part's own range of the group's place (parts in order), so every group keeps its lines in
/// ledger order, as one sequential pass would.
fn scatter(l: &Ledger, dims: &Dims) -> Scattered {
    let n = l.len();
    let parts = rayon::current_num_threads().clamp(1, 8);
    let chunk = n.div_ceil(parts).max(1);
    let ranges: Vec<Range<usize>> = (0..parts)
        .map(|p| (p * chunk).min(n)..((p + 1) * chunk).min(n))
        .collect();
    // Per part, per group: its line count, then where its next line goes.
    let mut next: Vec<Vec<u32>> = ranges
        .par_iter()
        .map(|r| {
            let mut c = vec![0u32; dims.product];
            for i in r.clone() {
                c[dims.index(l, i)] += 1;
            }
            c
        })
        .collect();
    let mut groups = Vec::new();
    let mut line_starts = Vec::new();
    let mut acc = 0u32;
    for g in 0..dims.product {
        let first = acc;
        for part in next.iter_mut() {
            let c = part[g];
            part[g] = acc;
            acc += c;
        }
        if acc > first {
            groups.push(g);
            line_starts.push(first as usize);
        }
    }
    line_starts.push(acc as usize);
    let codes: Vec<AtomicU32> = (0..n).map(|_| AtomicU32::new(0)).collect();
    let amounts: Vec<AtomicI64> = (0..n).map(|_| AtomicI64::new(0)).collect();
    ranges
        .par_iter()
        .zip(next.par_iter_mut())
        .for_each(|(r, next)| {
            for i in r.clone() {
                let g = dims.index(l, i);
                let p = next[g] as usize;
                next[g] += 1;
                codes[p].store(l.functional[i], Relaxed);
                amounts[p].store(l.amount[i], Relaxed);
            }
        });
    drop(next);
    let codes: Vec<u32> = codes.into_iter().map(AtomicU32::into_inner).collect();
    let amounts: Vec<i64> = amounts.into_iter().map(AtomicI64::into_inner).collect();
    debug_assert!(amounts.iter().all(|a| a & 3 != EXACT_TAG));
    Scattered {
        groups,
        line_starts,
        codes,
        amounts,
    }
}

/// Pass 1: sort and merge each group's leaves in place; per group its distinct leaves and its
/// node count (`None` on overflow).
fn merge_pass(sc: &mut Scattered, chunks: &[Range<usize>]) -> Option<Vec<(usize, usize)>> {
    let starts = &sc.line_starts;
    let lens = chunks.iter().map(|r| starts[r.end] - starts[r.start]);
    let code_chunks = split_mut(&mut sc.codes, lens.clone());
    let amount_chunks = split_mut(&mut sc.amounts, lens);
    let sizes: Vec<Vec<(usize, usize)>> = code_chunks
        .into_par_iter()
        .zip(amount_chunks)
        .zip(chunks.par_iter())
        .map(|((cs, am), r)| {
            let base = starts[r.start];
            let mut out = Vec::with_capacity(r.len());
            for g in r.clone() {
                let (a, b) = (starts[g] - base, starts[g + 1] - base);
                let m = merge_leaves(&mut cs[a..b], &mut am[a..b])?;
                let (nodes, _) = climb(&cs[a..a + m], &am[a..a + m], |_, _, _| {})?;
                out.push((m, nodes));
            }
            Some(out)
        })
        .collect::<Option<_>>()?;
    Some(sizes.into_iter().flatten().collect())
}

/// The nodes of a roll-up: per group its first node; per node digits and packed amount; per
/// group its packed total.
struct Nodes {
    starts: Vec<usize>,
    codes: Vec<u32>,
    values: Vec<i64>,
    totals: Vec<i64>,
}

/// Pass 2: climb each group's merged leaves into its nodes (`None` on overflow).
fn write_pass(sc: &Scattered, sizes: &[(usize, usize)], chunks: &[Range<usize>]) -> Option<Nodes> {
    let mut starts = Vec::with_capacity(sizes.len() + 1);
    let mut total_nodes = 0usize;
    for &(_, nodes) in sizes {
        starts.push(total_nodes);
        total_nodes += nodes;
    }
    starts.push(total_nodes);
    let mut codes = vec![0u32; total_nodes];
    let mut values = vec![0i64; total_nodes];
    let mut totals = vec![0i64; sizes.len()];
    let node_lens = chunks.iter().map(|r| starts[r.end] - starts[r.start]);
    let oc = split_mut(&mut codes, node_lens.clone());
    let ov = split_mut(&mut values, node_lens);
    let ot = split_mut(&mut totals, chunks.iter().map(|r| r.len()));
    let lines = &sc.line_starts;
    oc.into_par_iter()
        .zip(ov)
        .zip(ot)
        .zip(chunks.par_iter())
        .try_for_each(|(((oc, ov), ot), r)| {
            let nbase = starts[r.start];
            for (k, g) in r.clone().enumerate() {
                let (a, m) = (lines[g], sizes[g].0);
                let off = starts[g] - nbase;
                let (_, total) = climb(&sc.codes[a..a + m], &sc.amounts[a..a + m], |i, c, v| {
                    oc[off + i] = c;
                    ov[off + i] = v;
                })?;
                ot[k] = total;
            }
            Some(())
        })?;
    Some(Nodes {
        starts,
        codes,
        values,
        totals,
    })
}

/// The node table of the integer roll-up, or `None` on overflow.
fn build(l: &Ledger, dims: &Dims) -> Option<NodeTable> {
    let mut sc = scatter(l, dims);
    // Chunks of groups for the parallel passes.
    let n_groups = sc.groups.len();
    let per = n_groups
        .div_ceil((rayon::current_num_threads() * 16).max(1))
        .max(1);
    let chunks: Vec<Range<usize>> = (0..n_groups)
        .step_by(per)
        .map(|a| a..(a + per).min(n_groups))
        .collect();
    let sizes = merge_pass(&mut sc, &chunks)?;
    let nodes = write_pass(&sc, &sizes, &chunks)?;
    let Scattered {
        groups,
        codes,
        amounts,
        ..
    } = sc;
    drop((codes, amounts));
    let mut keys = Vec::with_capacity(groups.len() * dims.dims.len());
    for &g in &groups {
        dims.raw_key(g, &mut keys);
    }
    let year_pos = dims.dims.iter().position(|d| d.key == GroupKey::Year);
    let width = dims.dims.len();
    let single_year = l.year.first().map_or(0, |&y| i32::from(y));
    let years = (0..groups.len())
        .map(|g| year_pos.map_or(single_year, |p| keys[g * width + p] as i32))
        .collect();
    let grouped = |k: GroupKey| dims.dims.iter().any(|d| d.key == k);
    let names = |k: GroupKey, i: &super::ledger::Interner| {
        if grouped(k) {
            i.names().to_vec()
        } else {
            Vec::new()
        }
    };
    Some(NodeTable {
        keys,
        dict: KeyDict {
            units: names(GroupKey::Unit, &l.units),
            sources: names(GroupKey::Source, &l.sources),
        },
        years,
        starts: nodes.starts,
        codes: nodes.codes,
        values: NodeValues::Packed {
            nodes: nodes.values,
            totals: nodes.totals,
        },
    })
}
