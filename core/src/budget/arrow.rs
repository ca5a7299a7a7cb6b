//! Arrow record batches in and out (feature `arrow`): a [`Ledger`], a [`Rollup`] and
//! [`Findings`] as [`RecordBatch`]es that pyarrow, polars, pandas, DuckDB and Spark read without
//! a copy per row.
//!
//! Amounts are `decimal128(38, s)` with `s` the largest number of decimal places among the
//! amounts and at least 2 (分) — exact, never a float. A column has one scale, so the value of
//! every amount survives a round trip but not how many places it was written with (`0` comes
//! back as `0.00`). Text dimensions are dictionary-encoded
//! (`dictionary<uint32, utf8>`): a unit or code is stored once however many lines name it.
//!
//! Reading ([`Ledger::from_arrow`]) applies the very rules of the CSV reader
//! ([`LineRecord::parse`]): every bad value is an [`Error::Input`] naming its row (1-based,
//! counted across the batches), its column and the value. A float column is refused — a float
//! cannot hold an amount exactly; cast it to decimal or text first. `economic` and `source` may
//! be missing; every other column of [`LineRecord::COLUMNS`] must be there.

use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::UInt32Type;
use arrow_array::{
    Array, ArrayRef, Decimal128Array, DictionaryArray, Int32Array, RecordBatch, StringArray,
    UInt8Array, UInt32Array,
};
use arrow_buffer::{BooleanBuffer, NullBuffer};
use arrow_schema::{DataType, Field, Schema};
use rayon::prelude::*;
use rust_decimal::Decimal;

use super::ledger::{EXACT_TAG, NO_VALUE, economic_code, functional_code};
use super::{Book, GroupKey, GroupValue, Ledger, LineRecord, Nature, Phase, Rollup};
use crate::{Code, Error, Findings, Result};

/// An Arrow error while building a batch (arrays of unequal length and the like: a defect of
/// this module, not of the data) as a field error naming Arrow.
fn arrow_err(e: arrow_schema::ArrowError) -> Error {
    Error::value("arrow", "", e.to_string())
}

/// Decimal places of the amount column: the most any amount has, at least 2 (分).
fn amount_scale(amounts: impl Iterator<Item = Decimal>) -> u32 {
    amounts.map(|a| a.scale()).fold(2, u32::max)
}

/// An amount as the `i128` mantissa of a `decimal128(38, scale)` (`scale` ≥ its own scale, ≤ 28).
fn mantissa_at(amount: Decimal, scale: u32) -> Result<i128> {
    let shift = scale.saturating_sub(amount.scale());
    10i128
        .checked_pow(shift)
        .and_then(|f| amount.mantissa().checked_mul(f))
        .ok_or_else(|| Error::overflow(format!("{amount} as decimal128(38, {scale})")))
}

/// A `decimal128(38, s)` array of amounts (`None` → null).
fn decimal_array(amounts: &[Option<Decimal>]) -> Result<(Decimal128Array, u32)> {
    let scale = amount_scale(amounts.iter().flatten().copied());
    let values = amounts
        .iter()
        .map(|a| a.map(|a| mantissa_at(a, scale)).transpose())
        .collect::<Result<Vec<_>>>()?;
    Ok((with_scale(Decimal128Array::from(values), scale)?, scale))
}

/// Mantissas as `decimal128(38, scale)`.
fn with_scale(array: Decimal128Array, scale: u32) -> Result<Decimal128Array> {
    let scale =
        i8::try_from(scale).map_err(|_| Error::overflow("an amount scale beyond decimal128"))?;
    array.with_precision_and_scale(38, scale).map_err(arrow_err)
}

/// A dictionary array of `keys` into `names`.
fn dictionary_array(keys: UInt32Array, names: StringArray) -> Result<ArrayRef> {
    let array = DictionaryArray::<UInt32Type>::try_new(keys, Arc::new(names)).map_err(arrow_err)?;
    Ok(Arc::new(array))
}

/// Dictionary-encode text values (`None` → null), each distinct text stored once.
fn dictionary<'a>(values: impl Iterator<Item = Option<&'a str>>) -> Result<ArrayRef> {
    let mut index = rustc_hash::FxHashMap::<&str, u32>::default();
    let mut names: Vec<&str> = Vec::new();
    let mut keys: Vec<Option<u32>> = Vec::new();
    for v in values {
        keys.push(match v {
            None => None,
            Some(v) => Some(match index.get(v) {
                Some(&k) => k,
                None => {
                    let k = u32::try_from(names.len())
                        .map_err(|_| Error::overflow("more than 4 billion distinct values"))?;
                    names.push(v);
                    index.insert(v, k);
                    k
                }
            }),
        });
    }
    dictionary_array(UInt32Array::from(keys), StringArray::from(names))
}

/// Dictionary keys with the given validity (`None`: all valid), taking the vector as the key
/// buffer without a copy.
fn keys_array(keys: Vec<u32>, nulls: Option<NullBuffer>) -> Result<UInt32Array> {
    UInt32Array::try_new(keys.into(), nulls).map_err(arrow_err)
}

/// The validity of `values`: `None` when every value is valid.
fn validity(values: &[u32], valid: impl Fn(u32) -> bool + Sync) -> Option<NullBuffer> {
    values.par_iter().any(|&v| !valid(v)).then(|| {
        let bits =
            BooleanBuffer::collect_bool(values.len(), |i| values.get(i).is_some_and(|&v| valid(v)));
        NullBuffer::new(bits)
    })
}

/// Lines per rayon task when a column is converted in parallel.
const MIN_LEN: usize = 1 << 18;

/// A vocabulary column (book, phase, nature) as dictionary keys into the vocabulary's ids.
/// `index` is the value's position in `all` (its declaration order, as the enum's
/// discriminant).
fn vocabulary_column<T: Copy + Sync>(
    values: &[T],
    all: &[T],
    index: impl Fn(T) -> u32 + Sync,
    id: fn(T) -> &'static str,
) -> Result<ArrayRef> {
    let keys: Vec<u32> = values
        .par_iter()
        .with_min_len(MIN_LEN)
        .map(|&v| index(v))
        .collect();
    let names: Vec<&str> = all.iter().map(|&a| id(a)).collect();
    dictionary_array(keys_array(keys, None)?, StringArray::from(names))
}

/// An interned column (unit, source) as dictionary keys into the interner's names, the ids
/// being the keys already (a copy, no lookup); the no-value index is null.
fn interned_column(ids: &[u32], names: &[Box<str>]) -> Result<ArrayRef> {
    let nulls = validity(ids, |i| i != NO_VALUE);
    let keys: Vec<u32> = if nulls.is_some() {
        ids.par_iter()
            .with_min_len(MIN_LEN)
            .map(|&i| if i == NO_VALUE { 0 } else { i })
            .collect()
    } else {
        ids.to_vec()
    };
    let values = StringArray::from_iter_values(names.iter().map(|n| &**n));
    dictionary_array(keys_array(keys, nulls)?, values)
}

/// The distinct nonzero code digits of a column as a bitset over `[min, min + 64 × words)`,
/// with the number of set bits before each word: a digit's dictionary key is its rank, one
/// popcount, no hashing per line.
struct Ranks {
    min: u32,
    bits: Vec<u64>,
    before: Vec<u32>,
}

impl Ranks {
    /// The ranks of the nonzero values of `digits`, or `None` when they spread over more than
    /// 2^24 values (the caller then hashes).
    fn new(digits: &[u32]) -> Option<Ranks> {
        let (min, max) = digits
            .par_iter()
            .with_min_len(MIN_LEN)
            .filter(|&&d| d != 0)
            .fold(|| (u32::MAX, 0), |(a, b), &d| (a.min(d), b.max(d)))
            .reduce(|| (u32::MAX, 0), |(a, b), (c, d)| (a.min(c), b.max(d)));
        let words = if min > max {
            0
        } else {
            let span = (max - min) as usize + 1;
            if span > 1 << 24 {
                return None;
            }
            span.div_ceil(64)
        };
        let bits = digits
            .par_chunks(MIN_LEN)
            .fold(
                || vec![0u64; words],
                |mut bits, chunk| {
                    let mut last = 0;
                    for &d in chunk {
                        if d != last && d != 0 {
                            last = d;
                            let o = (d - min) as usize;
                            if let Some(w) = bits.get_mut(o / 64) {
                                *w |= 1 << (o % 64);
                            }
                        }
                    }
                    bits
                },
            )
            .reduce(
                || vec![0u64; words],
                |mut a, b| {
                    a.iter_mut().zip(b).for_each(|(x, y)| *x |= y);
                    a
                },
            );
        let mut before = Vec::with_capacity(words);
        let mut seen = 0u32;
        for w in &bits {
            before.push(seen);
            seen += w.count_ones();
        }
        Some(Ranks { min, bits, before })
    }

    /// The rank of a digit present in the column (0 for any other).
    #[inline]
    fn rank(&self, d: u32) -> u32 {
        let o = d.wrapping_sub(self.min) as usize;
        match (self.bits.get(o / 64), self.before.get(o / 64)) {
            (Some(&w), Some(&before)) => before + (w & ((1u64 << (o % 64)) - 1)).count_ones(),
            _ => 0,
        }
    }

    /// The distinct digits, in rank order.
    fn values(&self) -> impl Iterator<Item = u32> + '_ {
        self.bits.iter().enumerate().flat_map(move |(w, &word)| {
            let base = self.min + (w as u32) * 64;
            (0..64u32)
                .filter(move |b| word & (1 << b) != 0)
                .map(move |b| base + b)
        })
    }
}

/// A code column from code digits: the dictionary is the distinct codes in digit order, each
/// line's key its code's rank; digits 0 (no code: `code` gives `None`) are null.
fn code_column(digits: &[u32], code: fn(u32) -> Option<Code>) -> Result<ArrayRef> {
    let nulls = validity(digits, |d| d != 0);
    if nulls.is_some() && code(0).is_some() {
        return code_column_hashed(digits, code);
    }
    let Some(ranks) = Ranks::new(digits) else {
        return code_column_hashed(digits, code);
    };
    let names: Vec<String> = ranks
        .values()
        .map(|d| code(d).map(|c| c.to_string()).unwrap_or_default())
        .collect();
    let keys: Vec<u32> = digits
        .par_iter()
        .with_min_len(MIN_LEN)
        .map(|&d| ranks.rank(d))
        .collect();
    dictionary_array(keys_array(keys, nulls)?, StringArray::from(names))
}

/// [`code_column`] for digits spread too wide for a bitset: one hash probe per change of code.
fn code_column_hashed(digits: &[u32], code: fn(u32) -> Option<Code>) -> Result<ArrayRef> {
    let mut index = rustc_hash::FxHashMap::<u32, u32>::default();
    let mut names: Vec<String> = Vec::new();
    let mut keys: Vec<Option<u32>> = Vec::with_capacity(digits.len());
    let mut last: Option<(u32, Option<u32>)> = None;
    for &d in digits {
        let key = match last {
            Some((ld, k)) if ld == d => k,
            _ => {
                let k = match index.get(&d) {
                    Some(&k) => Some(k),
                    None => match code(d) {
                        None => None,
                        Some(c) => {
                            let k = u32::try_from(names.len())
                                .map_err(|_| Error::overflow("more than 4 billion codes"))?;
                            names.push(c.to_string());
                            index.insert(d, k);
                            Some(k)
                        }
                    },
                };
                last = Some((d, k));
                k
            }
        };
        keys.push(key);
    }
    dictionary_array(UInt32Array::from(keys), StringArray::from(names))
}

/// A record batch from named columns.
fn batch(columns: Vec<(&str, ArrayRef, bool)>) -> Result<RecordBatch> {
    let fields: Vec<Field> = columns
        .iter()
        .map(|(name, array, nullable)| Field::new(*name, array.data_type().clone(), *nullable))
        .collect();
    let arrays = columns.into_iter().map(|(_, a, _)| a).collect();
    RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays).map_err(arrow_err)
}

impl Ledger {
    /// The ledger as one Arrow record batch with the columns of [`LineRecord::COLUMNS`]:
    /// `year` int32, `book`/`phase`/`nature` ids, `unit`, `functional`, `economic` and `source`
    /// dictionary-encoded text (`economic`, `source` nullable), `amount` `decimal128(38, s)` in
    /// 元 (s ≥ 2, exact).
    ///
    /// ```
    /// use sunlit::Ledger;
    /// let ledger = Ledger::read_csv_str("\
    /// year,book,phase,unit,functional,economic,nature,source,amount
    /// 2026,general,budget,城管执法局,2080505,,basic,,2302464.5
    /// ").unwrap();
    /// let batch = ledger.to_arrow().unwrap();
    /// assert_eq!(batch.num_rows(), 1);
    /// assert_eq!(batch.schema().field(8).data_type().to_string(), "Decimal128(38, 2)");
    /// assert_eq!(Ledger::from_arrow(&batch).unwrap(), ledger); // a lossless round trip
    /// ```
    pub fn to_arrow(&self) -> Result<RecordBatch> {
        // Straight from the columns, every column on its own task and the long ones split
        // further: years widened, vocabularies and interned names as dictionary keys (the ids
        // are the keys), codes keyed by their rank among the distinct codes (a bitset, no hash),
        // amounts widened from their packed 分.
        let scale = amount_scale(self.exact.iter().copied());
        let arrays = (0..LineRecord::COLUMNS.len())
            .into_par_iter()
            .map(|i| self.arrow_column(i, scale))
            .collect::<Result<Vec<ArrayRef>>>()?;
        let nullable = |name: &str| matches!(name, "economic" | "source");
        batch(
            LineRecord::COLUMNS
                .iter()
                .zip(arrays)
                .map(|(&name, array)| (name, array, nullable(name)))
                .collect(),
        )
    }

    /// Column `i` of [`LineRecord::COLUMNS`] as an Arrow array.
    fn arrow_column(&self, i: usize, scale: u32) -> Result<ArrayRef> {
        Ok(match i {
            0 => {
                let years: Vec<i32> = self
                    .year
                    .par_iter()
                    .with_min_len(MIN_LEN)
                    .map(|&y| i32::from(y))
                    .collect();
                Arc::new(Int32Array::from(years))
            }
            1 => vocabulary_column(&self.book, Book::ALL, |v| v as u32, Book::id)?,
            2 => vocabulary_column(&self.phase, Phase::ALL, |v| v as u32, Phase::id)?,
            3 => interned_column(&self.unit, self.units.names())?,
            4 => code_column(&self.functional, |d| Some(functional_code(d)))?,
            5 => code_column(&self.economic, economic_code)?,
            6 => vocabulary_column(&self.nature, Nature::ALL, |v| v as u32, Nature::id)?,
            7 => interned_column(&self.source, self.sources.names())?,
            _ => Arc::new(self.amount_column(scale)?),
        })
    }

    /// The amount column at `scale` (≥ 2) from the packed amounts and the exact side table.
    fn amount_column(&self, scale: u32) -> Result<Decimal128Array> {
        if self.exact.is_empty() && scale == 2 {
            // Every amount inline: its 分 are the mantissa at scale 2.
            let values: Vec<i128> = self
                .amount
                .par_iter()
                .with_min_len(MIN_LEN)
                .map(|&packed| i128::from(packed >> 2))
                .collect();
            return with_scale(Decimal128Array::from(values), scale);
        }
        let factor = 10i128.pow(scale.saturating_sub(2).min(28));
        let values = self
            .amount
            .iter()
            .enumerate()
            .map(|(i, &packed)| {
                if packed & 3 == EXACT_TAG {
                    mantissa_at(self.amount_at(i), scale)
                } else {
                    // inline: the 分 in the upper bits
                    Ok(i128::from(packed >> 2) * factor)
                }
            })
            .collect::<Result<Vec<i128>>>()?;
        with_scale(Decimal128Array::from(values), scale)
    }

    /// A ledger from one Arrow record batch; see [`Ledger::from_arrow_batches`].
    ///
    /// ```
    /// use sunlit::Ledger;
    /// let ledger = Ledger::read_csv_str("\
    /// year,book,phase,unit,functional,economic,nature,source,amount
    /// 2026,general,budget,u,2080505,,basic,,1.25
    /// ").unwrap();
    /// assert_eq!(Ledger::from_arrow(&ledger.to_arrow().unwrap()).unwrap().len(), 1);
    /// ```
    pub fn from_arrow(batch: &RecordBatch) -> Result<Ledger> {
        Ledger::from_arrow_batches([batch])
    }

    /// A ledger from Arrow record batches whose columns are named as in
    /// [`LineRecord::COLUMNS`] (any order, extra columns refused). Each column may be text
    /// (utf8, large or view, dictionary-encoded or not), an integer or a decimal; the values go
    /// through [`LineRecord::parse`], the CSV reader's rules, so a bad value is an
    /// [`Error::Input`] naming the row (1-based across the batches), the column and the value.
    /// A null is a blank cell (blank is not zero: a null amount is an error). Floats are refused
    /// with an [`Error::Input`] at row 0 (the schema).
    ///
    /// ```
    /// use sunlit::{Error, Ledger};
    /// let ledger = Ledger::read_csv_str("\
    /// year,book,phase,unit,functional,economic,nature,source,amount
    /// 2026,general,budget,u,2080505,,basic,,1.25
    /// 2026,general,budget,u,2080506,,basic,,2
    /// ").unwrap();
    /// let batch = ledger.to_arrow().unwrap();
    /// let twice = Ledger::from_arrow_batches([&batch, &batch]).unwrap();
    /// assert_eq!(twice.len(), 4);
    /// // a missing column is named
    /// let cut = batch.project(&[0, 1, 2, 3, 4, 6, 8]).unwrap(); // economic, source may go
    /// assert_eq!(Ledger::from_arrow(&cut).unwrap().len(), 2);
    /// let cut = batch.project(&[0, 1, 2, 3, 4]).unwrap();
    /// assert!(matches!(Ledger::from_arrow(&cut), Err(Error::Input { line: 0, ref column, .. })
    ///     if column == "nature"));
    /// ```
    pub fn from_arrow_batches<'a>(
        batches: impl IntoIterator<Item = &'a RecordBatch>,
    ) -> Result<Ledger> {
        let mut ledger = Ledger::new();
        let mut row: u64 = 0;
        for batch in batches {
            let columns = text_columns(batch)?;
            // Only a decimal column prints its amounts at the column's scale (`fitting_amount`);
            // text is read exactly as the CSV reader would read it.
            let decimal_amount = batch.column_by_name("amount").is_some_and(|a| {
                matches!(
                    a.data_type(),
                    DataType::Decimal128(..) | DataType::Decimal256(..)
                )
            });
            for i in 0..batch.num_rows() {
                row += 1;
                let cell = |c: usize| -> String {
                    columns[c]
                        .as_ref()
                        .filter(|a| a.is_valid(i))
                        .map_or_else(String::new, |a| a.value(i).to_owned())
                };
                let record = LineRecord {
                    year: cell(0),
                    book: cell(1),
                    phase: cell(2),
                    unit: cell(3),
                    functional: cell(4),
                    economic: cell(5),
                    nature: cell(6),
                    source: cell(7),
                    amount: if decimal_amount {
                        fitting_amount(cell(8))
                    } else {
                        cell(8)
                    },
                };
                ledger.push(record.parse(row)?)?;
            }
        }
        Ok(ledger)
    }
}

/// A `decimal128` column prints every amount at the column's scale (`…335.00`); an amount of 27
/// or more integer digits then has more digits than a `Decimal` holds although its value fits.
/// Only there, and only for a decimal column, trailing zeros of the fraction are dropped until it
/// fits (the value is unchanged); text columns are read as the CSV reader reads them.
///
/// ```text
/// 79228162514264337593543950335.00 → 79228162514264337593543950335
/// 1234567890123456789012345678.70  → 1234567890123456789012345678.7 (still too long: named)
/// ```
fn fitting_amount(mut text: String) -> String {
    let Some(point) = text.find('.') else {
        return text;
    };
    let mut digits = text.bytes().filter(u8::is_ascii_digit).count();
    while digits > 28 && text.len() > point + 1 && text.ends_with('0') {
        text.pop();
        digits -= 1;
    }
    if text.len() == point + 1 {
        text.pop();
    }
    text
}

/// The ledger columns of a batch as text arrays, in [`LineRecord::COLUMNS`] order (`None` for a
/// missing optional column); an unknown, missing or float column is an error at row 0.
fn text_columns(batch: &RecordBatch) -> Result<Vec<Option<StringArray>>> {
    let schema = batch.schema();
    let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
    let header_err = |column: &str, reason: String| Error::Input {
        line: 0,
        column: column.to_owned(),
        value: names.join(","),
        reason,
        cause: None,
    };
    let wanted = LineRecord::COLUMNS;
    if let Some(unknown) = names.iter().find(|n| !wanted.contains(n)) {
        return Err(header_err(
            unknown,
            format!(
                "unknown column {unknown:?}; the columns must be {}",
                wanted.join(",")
            ),
        ));
    }
    let mut out = Vec::with_capacity(wanted.len());
    for name in wanted {
        let Some(array) = batch.column_by_name(name) else {
            if matches!(name, "economic" | "source") {
                out.push(None);
                continue;
            }
            return Err(header_err(
                name,
                format!(
                    "missing column {name:?}; the columns must be {}",
                    wanted.join(",")
                ),
            ));
        };
        let ty = array.data_type();
        let float = |t: &DataType| t.is_floating();
        if float(ty) || matches!(ty, DataType::Dictionary(_, v) if float(v)) {
            return Err(header_err(
                name,
                format!(
                    "column {name:?} is {ty}: a float cannot hold an amount or a code exactly; \
                     cast it to decimal128 or to text first"
                ),
            ));
        }
        let text = arrow_cast::cast(array, &DataType::Utf8).map_err(|e| {
            header_err(
                name,
                format!("column {name:?} of type {ty} is not text: {e}"),
            )
        })?;
        out.push(text.as_string_opt::<i32>().cloned());
    }
    Ok(out)
}

impl Rollup {
    /// The roll-up as one Arrow record batch, one row per node: a column per grouping
    /// dimension ([`Rollup::by`]; `year` int32, the others text, null for a blank source or
    /// economic code), then `code`, `level` (uint8, 1 = 类) and `amount` (`decimal128(38, s)`).
    ///
    /// ```
    /// use sunlit::{Ledger, RollupOptions, budget::GroupKey};
    /// let ledger = Ledger::read_csv_str("\
    /// year,book,phase,unit,functional,economic,nature,source,amount
    /// 2026,general,budget,u,2080505,,basic,,1.25
    /// 2026,general,budget,u,2080506,,basic,,2
    /// ").unwrap();
    /// let r = ledger.rollup(&RollupOptions { by: vec![GroupKey::Year], ..Default::default() }).unwrap();
    /// let b = r.to_arrow().unwrap();
    /// assert_eq!(b.num_rows(), 4); // 208, 20805, 2080505, 2080506
    /// assert_eq!(b.schema().field(0).name(), "year");
    /// ```
    pub fn to_arrow(&self) -> Result<RecordBatch> {
        let rows: Vec<_> = self.rows().collect();
        let mut columns: Vec<(&str, ArrayRef, bool)> = Vec::new();
        for (i, key) in self.by().iter().enumerate() {
            let values = rows.iter().map(|r| r.group.get(i));
            let array: ArrayRef = match key {
                GroupKey::Year => Arc::new(Int32Array::from(
                    values
                        .map(|v| match v {
                            Some(GroupValue::Year(y)) => Some(*y),
                            _ => None,
                        })
                        .collect::<Vec<_>>(),
                )),
                _ => {
                    let texts: Vec<Option<String>> = values
                        .map(|v| v.map(GroupValue::text).filter(|t| !t.is_empty()))
                        .collect();
                    dictionary(texts.iter().map(|t| t.as_deref()))?
                }
            };
            columns.push((key.id(), array, !matches!(key, GroupKey::Year)));
        }
        let codes: Vec<String> = rows.iter().map(|r| r.code.to_string()).collect();
        let levels: Vec<u8> = rows.iter().map(|r| r.level).collect();
        let amounts: Vec<Option<Decimal>> = rows.iter().map(|r| Some(r.amount)).collect();
        let (amount, _) = decimal_array(&amounts)?;
        columns.push((
            "code",
            dictionary(codes.iter().map(|c| Some(c.as_str())))?,
            false,
        ));
        columns.push(("level", Arc::new(UInt8Array::from(levels)), false));
        columns.push(("amount", Arc::new(amount), false));
        batch(columns)
    }
}

impl Findings {
    /// The findings as one Arrow record batch with the columns of [`Findings::to_csv`]: `rule`,
    /// `severity`, `table`, `code`, `column`, `expected`, `actual`, `difference` (decimals,
    /// exact), `message_zh`, `message_en`, `page` (uint32) and `printed`.
    ///
    /// ```
    /// let findings = sunlit::Findings::default();
    /// let b = findings.to_arrow().unwrap();
    /// assert_eq!(b.num_rows(), 0);
    /// assert_eq!(b.schema().field(0).name(), "rule");
    /// ```
    pub fn to_arrow(&self) -> Result<RecordBatch> {
        let f = self.as_slice();
        let text = |get: &dyn Fn(&crate::Finding) -> Option<&str>| -> ArrayRef {
            Arc::new(StringArray::from(f.iter().map(get).collect::<Vec<_>>()))
        };
        let amounts = |get: &dyn Fn(&crate::Finding) -> Option<Decimal>| -> Result<ArrayRef> {
            let values: Vec<Option<Decimal>> = f.iter().map(get).collect();
            Ok(Arc::new(decimal_array(&values)?.0))
        };
        batch(vec![
            ("rule", text(&|x| Some(x.rule.as_str())), false),
            ("severity", text(&|x| Some(x.severity.id())), false),
            ("table", text(&|x| x.table.as_deref()), true),
            ("code", text(&|x| x.code.as_deref()), true),
            ("column", text(&|x| x.column.as_deref()), true),
            ("expected", amounts(&|x| x.expected)?, true),
            ("actual", amounts(&|x| x.actual)?, true),
            ("difference", amounts(&|x| x.difference)?, true),
            ("message_zh", text(&|x| Some(x.message_zh.as_str())), false),
            ("message_en", text(&|x| Some(x.message_en.as_str())), false),
            (
                "page",
                Arc::new(UInt32Array::from(
                    f.iter().map(|x| x.page).collect::<Vec<_>>(),
                )),
                true,
            ),
            ("printed", text(&|x| x.printed.as_deref()), true),
        ])
    }
}
