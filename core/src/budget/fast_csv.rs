//! The ledger CSV fast path: the canonical header, unquoted fields, line breaks `\n` or `\r\n`,
//! and every field in its plain form. The input is cut into chunks at line breaks (`memchr`),
//! the chunks parsed in parallel (rayon) into narrow columns without allocating per line (units
//! and sources interned per chunk, borrowing the input), then appended in order, the chunk's
//! names re-interned into the ledger's tables (so ids are given out in first-seen order, as by
//! the strict reader).
//!
//! Anything else — a quote, a blank line, a field in a form the fast parsers do not take, a
//! bad field, a limit reached — gives `None`, and the caller reads the input with the strict
//! reader, which accepts what it should and names the line, column and text of the first bad
//! field exactly as before. The fast path never decides that something is wrong.

use std::io::Read;

use rayon::prelude::*;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use super::ledger::{EXACT_TAG, Interner, Ledger, NO_VALUE, pack_amount};
use super::{Book, Nature, Phase};
use crate::classification::Code;
use crate::io::Limits;
use crate::money::parse_amount;

const HEADER: &[u8] = b"year,book,phase,unit,functional,economic,nature,source,amount";
/// Bytes read from a stream at a time.
const BLOCK: usize = 16 << 20;

/// A ledger from CSV bytes held in memory, or `None` (read it strictly).
pub(crate) fn parse_bytes(bytes: &[u8], limits: &Limits) -> Option<Ledger> {
    if bytes.len() as u64 > limits.max_file_bytes {
        return None;
    }
    let body = strip_header(bytes)?;
    let mut ledger = Ledger::new();
    parse_block(body, &mut ledger, limits)?;
    check_rows(&ledger, limits)?;
    Some(ledger)
}

/// A ledger from a CSV stream read block by block (the whole text is never held), or `None`
/// (read it strictly). `size` is the stream's length if known, to size the columns once.
pub(crate) fn parse_stream<R: Read>(
    reader: R,
    size: Option<u64>,
    limits: &Limits,
) -> Option<Ledger> {
    parse_stream_with(reader, size, limits, BLOCK)
}

/// [`parse_stream`] reading `block` bytes at a time.
pub(crate) fn parse_stream_with<R: Read>(
    mut reader: R,
    size: Option<u64>,
    limits: &Limits,
    block: usize,
) -> Option<Ledger> {
    let mut ledger = Ledger::new();
    let mut buf: Vec<u8> = Vec::with_capacity(block + (64 << 10));
    let mut total = 0u64;
    let mut header_done = false;
    loop {
        let want = buf.len() + block;
        let (eof, read) = fill(&mut reader, &mut buf, want)?;
        total = total.saturating_add(read as u64);
        if total > limits.max_file_bytes {
            return None;
        }
        let mut start = 0;
        if !header_done {
            if !eof && memchr::memchr(b'\n', &buf).is_none() {
                if buf.len() as u64 > limits.max_field_bytes {
                    return None;
                }
                continue; // the header is not complete yet
            }
            let body = strip_header(&buf)?;
            start = buf.len() - body.len();
            header_done = true;
            if let Some(size) = size {
                ledger.reserve(estimate_lines(body, size));
            }
        }
        // Complete lines only, unless this is the end.
        let end = if eof {
            buf.len()
        } else {
            match memchr::memrchr(b'\n', &buf[start..]) {
                Some(i) => start + i + 1,
                None if (buf.len() - start) as u64 > limits.max_field_bytes => return None,
                None => start, // one line longer than a block: read on
            }
        };
        parse_block(&buf[start..end], &mut ledger, limits)?;
        check_rows(&ledger, limits)?;
        if eof {
            break;
        }
        buf.copy_within(end.., 0);
        buf.truncate(buf.len() - end);
    }
    Some(ledger)
}

/// Read until `buf` holds `want` bytes or the stream ends: whether it ended, and how many bytes
/// were read.
fn fill<R: Read>(reader: &mut R, buf: &mut Vec<u8>, want: usize) -> Option<(bool, usize)> {
    let mut read = 0;
    while buf.len() < want {
        let have = buf.len();
        buf.resize(want, 0);
        let n = loop {
            match reader.read(&mut buf[have..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => {
                    buf.truncate(have);
                    return None;
                }
            }
        };
        buf.truncate(have + n);
        read += n;
        if n == 0 {
            return Some((true, read));
        }
    }
    Some((false, read))
}

/// Lines expected in a stream of `size` bytes, judged from its first block.
fn estimate_lines(sample: &[u8], size: u64) -> usize {
    let lines = memchr::memchr_iter(b'\n', sample).count().max(1);
    let per_line = (sample.len() / lines).max(1) as u64;
    // A little over, so that the columns are not grown (doubled) near the end.
    usize::try_from(size / per_line + size / per_line / 50 + 16).unwrap_or(0)
}

/// The header (after an optional BOM) must be the canonical one; the rest of the text.
fn strip_header(bytes: &[u8]) -> Option<&[u8]> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let nl = memchr::memchr(b'\n', bytes)?;
    let line = &bytes[..nl];
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    (line == HEADER).then(|| &bytes[nl + 1..])
}

/// The strict reader counts the header as a record: past `max_rows`, let it say so.
fn check_rows(ledger: &Ledger, limits: &Limits) -> Option<()> {
    ((ledger.len() as u64) < limits.max_rows).then_some(())
}

/// Parse complete lines, in parallel chunks, appending to `ledger`.
fn parse_block(block: &[u8], ledger: &mut Ledger, limits: &Limits) -> Option<()> {
    if block.is_empty() {
        return Some(());
    }
    let parts = rayon::current_num_threads().max(1) * 4;
    let target = block.len().div_ceil(parts).max(64 << 10);
    let mut chunks = Vec::with_capacity(parts + 1);
    let mut start = 0;
    while start < block.len() {
        let cut = (start + target).min(block.len());
        let end = if cut == block.len() {
            cut
        } else {
            match memchr::memchr(b'\n', &block[cut..]) {
                Some(i) => cut + i + 1,
                None => block.len(),
            }
        };
        chunks.push(&block[start..end]);
        start = end;
    }
    let known = Known {
        units: &ledger.units,
        sources: &ledger.sources,
    };
    let parsed: Vec<Chunk<'_>> = chunks
        .par_iter()
        .map(|c| Chunk::parse(c, limits, &known))
        .collect::<Option<_>>()?;
    for c in parsed {
        c.append_to(ledger)?;
    }
    Some(())
}

/// The columns of one chunk, names interned locally.
#[derive(Default)]
struct Chunk<'a> {
    year: Vec<i16>,
    book: Vec<Book>,
    phase: Vec<Phase>,
    nature: Vec<Nature>,
    unit: Vec<u32>,
    source: Vec<u32>,
    functional: Vec<u32>,
    economic: Vec<u32>,
    amount: Vec<i64>,
    exact: Vec<Decimal>,
    units: Names<'a>,
    sources: Names<'a>,
}

/// The ledger's names so far: a name found there is stored with its ledger id at once.
struct Known<'l> {
    units: &'l Interner,
    sources: &'l Interner,
}

/// Marks an id given out by a chunk (to be mapped to a ledger id when appended), as opposed to
/// a ledger id found in [`Known`].
const LOCAL: u32 = 1 << 31;

/// Names interned within a chunk, borrowed from the input.
#[derive(Default)]
struct Names<'a> {
    list: Vec<&'a str>,
    index: FxHashMap<&'a str, u32>,
    last: Option<(&'a [u8], u32)>,
}

impl<'a> Names<'a> {
    /// The ledger id of the name if the ledger has it, else a chunk id marked [`LOCAL`].
    #[inline]
    fn intern(&mut self, field: &'a [u8], known: &Interner) -> Option<u32> {
        if let Some((b, i)) = self.last
            && b == field
        {
            return Some(i);
        }
        let s = std::str::from_utf8(field).ok()?;
        let i = match known.lookup(s).filter(|&g| g < LOCAL) {
            Some(g) => g,
            None => {
                let next = self.list.len() as u32;
                if next >= LOCAL {
                    return None;
                }
                let i = *self.index.entry(s).or_insert(next);
                if i == next {
                    self.list.push(s);
                }
                i | LOCAL
            }
        };
        self.last = Some((field, i));
        Some(i)
    }
}

/// A small cache of the last text of a vocabulary column and its value.
struct Vocab<'a, T> {
    last: Option<(&'a [u8], T)>,
    parse: fn(&str) -> crate::Result<T>,
}

impl<'a, T: Copy> Vocab<'a, T> {
    #[inline]
    fn get(&mut self, field: &'a [u8]) -> Option<T> {
        if let Some((b, v)) = self.last
            && b == field
        {
            return Some(v);
        }
        let v = (self.parse)(std::str::from_utf8(field).ok()?).ok()?;
        self.last = Some((field, v));
        Some(v)
    }
}

impl<'a> Chunk<'a> {
    fn parse(text: &'a [u8], limits: &Limits, known: &Known<'_>) -> Option<Chunk<'a>> {
        if memchr::memchr(b'"', text).is_some() {
            return None;
        }
        let has_cr = memchr::memchr(b'\r', text).is_some();
        let mut c = Chunk::default();
        let lines = memchr::memchr_iter(b'\n', text).count() + 1;
        c.reserve(lines);
        let mut books = Vocab {
            last: None,
            parse: Book::parse,
        };
        let mut phases = Vocab {
            last: None,
            parse: Phase::parse,
        };
        let mut natures = Vocab {
            last: None,
            parse: Nature::parse,
        };
        let mut rest = text;
        while !rest.is_empty() {
            let (line, after) = match memchr::memchr(b'\n', rest) {
                Some(i) => (&rest[..i], &rest[i + 1..]),
                None => (rest, &rest[rest.len()..]),
            };
            rest = after;
            let line = if has_cr {
                let l = line.strip_suffix(b"\r").unwrap_or(line);
                if memchr::memchr(b'\r', l).is_some() {
                    return None;
                }
                l
            } else {
                line
            };
            if line.is_empty() || line.len() as u64 > limits.max_field_bytes {
                return None;
            }
            let mut f = Fields { rest: line };
            c.year.push(year(f.next()?)?);
            c.book.push(books.get(f.next()?)?);
            c.phase.push(phases.get(f.next()?)?);
            let unit = f.next()?;
            if std::str::from_utf8(unit).ok()?.trim().is_empty() {
                return None;
            }
            c.unit.push(c.units.intern(unit, known.units)?);
            c.functional.push(functional(f.next()?)?);
            c.economic.push(economic(f.next()?)?);
            c.nature.push(natures.get(f.next()?)?);
            let source = f.next()?;
            c.source
                .push(if std::str::from_utf8(source).ok()?.trim().is_empty() {
                    NO_VALUE
                } else {
                    c.sources.intern(source, known.sources)?
                });
            let amount = f.last()?;
            let packed = match fast_amount(amount) {
                Some(p) => p,
                None => c.slow_amount(amount)?,
            };
            c.amount.push(packed);
        }
        Some(c)
    }

    fn reserve(&mut self, n: usize) {
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

    /// An amount in any form [`parse_amount`] takes, packed or kept exactly.
    fn slow_amount(&mut self, field: &[u8]) -> Option<i64> {
        let d = parse_amount(std::str::from_utf8(field).ok()?).ok()??;
        if let Some(p) = pack_amount(d) {
            return Some(p);
        }
        let i = i64::try_from(self.exact.len()).ok()?;
        self.exact.push(d);
        Some((i << 2) | EXACT_TAG)
    }

    /// Append to the ledger, re-interning the chunk's names.
    fn append_to(self, l: &mut Ledger) -> Option<()> {
        let units: Vec<u32> = self
            .units
            .list
            .iter()
            .map(|s| l.units.intern(s).ok())
            .collect::<Option<_>>()?;
        let sources: Vec<u32> = self
            .sources
            .list
            .iter()
            .map(|s| l.sources.intern(s).ok())
            .collect::<Option<_>>()?;
        let exact_base = i64::try_from(l.exact.len()).ok()?;
        l.year.extend_from_slice(&self.year);
        l.book.extend_from_slice(&self.book);
        l.phase.extend_from_slice(&self.phase);
        l.nature.extend_from_slice(&self.nature);
        let map = |ids: &[u32], id: u32| {
            if id == NO_VALUE || id & LOCAL == 0 {
                id
            } else {
                ids.get((id & !LOCAL) as usize).copied().unwrap_or(NO_VALUE)
            }
        };
        l.unit.extend(self.unit.iter().map(|&u| map(&units, u)));
        l.source
            .extend(self.source.iter().map(|&s| map(&sources, s)));
        l.functional.extend_from_slice(&self.functional);
        l.economic.extend_from_slice(&self.economic);
        if self.exact.is_empty() {
            l.amount.extend_from_slice(&self.amount);
        } else {
            l.amount.extend(self.amount.iter().map(|&p| {
                if p & 3 == EXACT_TAG {
                    (((p >> 2) + exact_base) << 2) | EXACT_TAG
                } else {
                    p
                }
            }));
            l.exact.extend(self.exact);
        }
        Some(())
    }
}

/// The fields of one line, split at commas.
struct Fields<'a> {
    rest: &'a [u8],
}

impl<'a> Fields<'a> {
    /// The next field, which must be followed by a comma.
    #[inline]
    fn next(&mut self) -> Option<&'a [u8]> {
        let i = memchr::memchr(b',', self.rest)?;
        let f = &self.rest[..i];
        self.rest = &self.rest[i + 1..];
        Some(f)
    }

    /// The last field: no comma may follow.
    #[inline]
    fn last(self) -> Option<&'a [u8]> {
        memchr::memchr(b',', self.rest)
            .is_none()
            .then_some(self.rest)
    }
}

/// Four digits, no leading zero, a supported year.
#[inline]
fn year(f: &[u8]) -> Option<i16> {
    let [a, b, c, d] = *f else { return None };
    if !(b'1'..=b'9').contains(&a) || ![b, c, d].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let y = [a, b, c, d]
        .iter()
        .fold(0i32, |acc, &x| acc * 10 + i32::from(x - b'0'));
    crate::calendar::SUPPORTED_YEARS
        .contains(&y)
        .then_some(y as i16)
}

/// The digits of an all-digit field of an allowed length and first digit.
#[inline]
fn digits(f: &[u8], lens: &[usize], first: &[u8]) -> Option<u32> {
    if !lens.contains(&f.len()) || !first.contains(f.first()?) {
        return None;
    }
    let mut v = 0u32;
    for &b in f {
        if !b.is_ascii_digit() {
            return None;
        }
        v = v * 10 + u32::from(b - b'0');
    }
    Some(v)
}

#[inline]
fn functional(f: &[u8]) -> Option<u32> {
    digits(f, &[3, 5, 7], b"2").or_else(|| {
        Code::functional(std::str::from_utf8(f).ok()?)
            .ok()
            .map(Code::digits)
    })
}

#[inline]
fn economic(f: &[u8]) -> Option<u32> {
    if f.is_empty() {
        return Some(0);
    }
    digits(f, &[3, 5], b"35").or_else(|| {
        let s = std::str::from_utf8(f).ok()?;
        if s.trim().is_empty() {
            return Some(0);
        }
        Code::economic(s).ok().map(Code::digits)
    })
}

/// `-?digits(.d{1,2})?`, at most 15 integer digits, packed; anything else `None` (then the
/// general parser decides).
#[inline]
fn fast_amount(f: &[u8]) -> Option<i64> {
    let (neg, body) = match f.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, f),
    };
    let (int, frac) = match memchr::memchr(b'.', body) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    if int.is_empty() || int.len() > 15 {
        return None;
    }
    let mut v = 0i64;
    for &b in int {
        if !b.is_ascii_digit() {
            return None;
        }
        v = v * 10 + i64::from(b - b'0');
    }
    let scale = match frac {
        None => 0,
        Some(fr) if (1..=2).contains(&fr.len()) => {
            for &b in fr {
                if !b.is_ascii_digit() {
                    return None;
                }
                v = v * 10 + i64::from(b - b'0');
            }
            fr.len() as i64
        }
        Some(_) => return None,
    };
    let fen = v * [100, 10, 1][scale as usize];
    let fen = if neg { -fen } else { fen };
    Some((fen << 2) | scale)
}
