//! The ledger CSV fast path: the canonical header, unquoted fields, line breaks `\n` or `\r\n`,
//! and every field in its plain form. The input is cut into chunks at line breaks (`memchr`);
//! the ledger's columns are grown once by the block's line count and each chunk, parsed in
//! parallel (rayon), writes its lines straight into its own slice of every column, without
//! allocating per line (no per-chunk columns, no copy). A name the ledger already has gets its
//! ledger id at once; a new one a chunk-local id, mapped after the block once the chunks' new
//! names have been interned in chunk order (so ids are given out in first-seen order, as by
//! the strict reader). A file is read in blocks, the next block read while the previous one
//! is parsed.
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
const BLOCK: usize = 8 << 20;

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

/// [`parse_stream`] reading `block` bytes at a time. Reading overlaps parsing: while one block
/// is parsed (on another thread, itself in parallel chunks), the next is read into a second
/// buffer that starts with the first one's incomplete last line.
pub(crate) fn parse_stream_with<R: Read>(
    mut reader: R,
    size: Option<u64>,
    limits: &Limits,
    block: usize,
) -> Option<Ledger> {
    let mut ledger = Ledger::new();
    let mut cur: Vec<u8> = Vec::with_capacity(block + (64 << 10));
    let mut next: Vec<u8> = Vec::with_capacity(block + (64 << 10));
    let mut total = 0u64;
    let mut eof = false;
    // The header line first (it may be longer than a block).
    while !eof && memchr::memchr(b'\n', &cur).is_none() {
        if cur.len() as u64 > limits.max_field_bytes {
            return None;
        }
        let want = cur.len() + block;
        let read;
        (eof, read) = fill(&mut reader, &mut cur, want)?;
        total = total.saturating_add(read as u64);
        if total > limits.max_file_bytes {
            return None;
        }
    }
    let body = strip_header(&cur)?;
    let mut start = cur.len() - body.len();
    if let Some(size) = size {
        ledger.reserve(estimate_lines(body, size));
    }
    loop {
        // Complete lines only, unless this is the end.
        let end = if eof {
            cur.len()
        } else {
            match memchr::memrchr(b'\n', &cur[start..]) {
                Some(i) => start + i + 1,
                None if (cur.len() - start) as u64 > limits.max_field_bytes => return None,
                None => start, // one line longer than a block: read on
            }
        };
        next.clear();
        next.extend_from_slice(&cur[end..]);
        let lines = &cur[start..end];
        if eof {
            parse_block(lines, &mut ledger, limits)?;
            check_rows(&ledger, limits)?;
            return Some(ledger);
        }
        let want = next.len() + block;
        let (parsed, filled) = std::thread::scope(|s| {
            let parser = std::thread::Builder::new().spawn_scoped(s, || {
                parse_block(lines, &mut ledger, limits)?;
                check_rows(&ledger, limits)
            });
            let filled = fill(&mut reader, &mut next, want);
            // A parser that panicked (a defect) hands the input to the strict reader.
            (parser.ok().map(|p| p.join().ok().flatten()), filled)
        });
        match parsed {
            Some(parsed) => parsed?,
            // No thread to be had: parse here, after the read.
            None => {
                parse_block(lines, &mut ledger, limits)?;
                check_rows(&ledger, limits)?;
            }
        }
        let read;
        (eof, read) = filled?;
        total = total.saturating_add(read as u64);
        if total > limits.max_file_bytes {
            return None;
        }
        std::mem::swap(&mut cur, &mut next);
        start = 0;
    }
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

/// Parse complete lines, in parallel chunks, straight into the ledger's columns (grown once by
/// the block's line count, each chunk writing its own slice of every column).
fn parse_block(block: &[u8], ledger: &mut Ledger, limits: &Limits) -> Option<()> {
    if block.is_empty() {
        return Some(());
    }
    let chunks = split_chunks(block);
    let counts: Vec<usize> = chunks.par_iter().map(|c| line_count(c)).collect();
    let Ledger {
        year,
        book,
        phase,
        nature,
        unit,
        source,
        functional,
        economic,
        amount,
        exact,
        units,
        sources,
    } = ledger;
    let base = amount.len();
    let grow = counts.iter().sum::<usize>();
    let new_len = base.checked_add(grow)?;
    year.resize(new_len, 0);
    book.resize(new_len, Book::General);
    phase.resize(new_len, Phase::Budget);
    nature.resize(new_len, Nature::Basic);
    unit.resize(new_len, NO_VALUE);
    source.resize(new_len, NO_VALUE);
    functional.resize(new_len, 0);
    economic.resize(new_len, 0);
    amount.resize(new_len, 0);
    let mut tail = Out {
        year: year.get_mut(base..)?,
        book: book.get_mut(base..)?,
        phase: phase.get_mut(base..)?,
        nature: nature.get_mut(base..)?,
        unit: unit.get_mut(base..)?,
        source: source.get_mut(base..)?,
        functional: functional.get_mut(base..)?,
        economic: economic.get_mut(base..)?,
        amount: amount.get_mut(base..)?,
    };
    let mut outs = Vec::with_capacity(counts.len());
    for &n in &counts {
        outs.push(tail.split_off(n)?);
    }
    let known = Known {
        units: &*units,
        sources: &*sources,
    };
    let locals: Vec<Local<'_>> = chunks
        .par_iter()
        .zip(outs.par_iter_mut())
        .map(|(c, out)| parse_chunk(c, out, limits, &known))
        .collect::<Option<_>>()?;
    // The chunks' new names into the ledger's tables, in chunk order (ids in first-seen order,
    // as the strict reader gives them), then the chunks' local ids and exact indexes mapped.
    let mut maps = Vec::with_capacity(locals.len());
    for local in locals {
        let intern = |names: &Names<'_>, table: &mut Interner| {
            names
                .list
                .iter()
                .map(|s| table.intern(s).ok())
                .collect::<Option<Vec<u32>>>()
        };
        let map = Remap {
            units: intern(&local.units, units)?,
            sources: intern(&local.sources, sources)?,
            exact_base: i64::try_from(exact.len()).ok()?,
            has_exact: !local.exact.is_empty(),
        };
        exact.extend(local.exact);
        maps.push(map);
    }
    outs.par_iter_mut()
        .zip(maps.par_iter())
        .for_each(|(out, map)| map.apply(out));
    Some(())
}

/// The text cut at line breaks into about four chunks per thread (at least 64 KiB each).
fn split_chunks(block: &[u8]) -> Vec<&[u8]> {
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
    chunks
}

/// The lines [`parse_chunk`] will find: one per line break, and one for a last line without.
fn line_count(text: &[u8]) -> usize {
    memchr::memchr_iter(b'\n', text).count() + usize::from(text.last().is_some_and(|&b| b != b'\n'))
}

/// One chunk's slice of every column of the ledger.
struct Out<'a> {
    year: &'a mut [i16],
    book: &'a mut [Book],
    phase: &'a mut [Phase],
    nature: &'a mut [Nature],
    unit: &'a mut [u32],
    source: &'a mut [u32],
    functional: &'a mut [u32],
    economic: &'a mut [u32],
    amount: &'a mut [i64],
}

impl<'a> Out<'a> {
    /// The first `n` lines of every column, leaving the rest in `self`.
    fn split_off(&mut self, n: usize) -> Option<Out<'a>> {
        fn cut<'a, T>(s: &mut &'a mut [T], n: usize) -> Option<&'a mut [T]> {
            let (a, b) = std::mem::take(s).split_at_mut_checked(n)?;
            *s = b;
            Some(a)
        }
        Some(Out {
            year: cut(&mut self.year, n)?,
            book: cut(&mut self.book, n)?,
            phase: cut(&mut self.phase, n)?,
            nature: cut(&mut self.nature, n)?,
            unit: cut(&mut self.unit, n)?,
            source: cut(&mut self.source, n)?,
            functional: cut(&mut self.functional, n)?,
            economic: cut(&mut self.economic, n)?,
            amount: cut(&mut self.amount, n)?,
        })
    }
}

/// What a chunk keeps apart from the columns: the names the ledger did not know yet and the
/// amounts that do not pack.
#[derive(Default)]
struct Local<'a> {
    units: Names<'a>,
    sources: Names<'a>,
    exact: Vec<Decimal>,
}

/// A chunk's local ids as ledger ids, its exact indexes shifted to the ledger's side table.
struct Remap {
    units: Vec<u32>,
    sources: Vec<u32>,
    exact_base: i64,
    has_exact: bool,
}

impl Remap {
    fn apply(&self, out: &mut Out<'_>) {
        let map = |ids: &[u32], id: u32| {
            if id == NO_VALUE || id & LOCAL == 0 {
                id
            } else {
                ids.get((id & !LOCAL) as usize).copied().unwrap_or(NO_VALUE)
            }
        };
        if !self.units.is_empty() {
            out.unit.iter_mut().for_each(|u| *u = map(&self.units, *u));
        }
        if !self.sources.is_empty() {
            out.source
                .iter_mut()
                .for_each(|s| *s = map(&self.sources, *s));
        }
        if self.has_exact {
            for p in out.amount.iter_mut() {
                if *p & 3 == EXACT_TAG {
                    *p = (((*p >> 2) + self.exact_base) << 2) | EXACT_TAG;
                }
            }
        }
    }
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
    /// The ledger id of the name if the ledger has it, else a chunk id marked [`LOCAL`]; `None`
    /// for a blank name or one that is not UTF-8.
    #[inline]
    fn intern(&mut self, field: &'a [u8], known: &Interner) -> Option<u32> {
        if let Some((b, i)) = self.last
            && b == field
        {
            return Some(i);
        }
        let s = std::str::from_utf8(field).ok()?;
        if s.chars().next().is_none_or(char::is_whitespace) && s.trim().is_empty() {
            return None;
        }
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

/// The values of a vocabulary column (book, phase, nature) seen so far, by their text: a few
/// byte comparisons instead of a parse per line.
struct Vocab<'a, T> {
    seen: Vec<(&'a [u8], T)>,
    parse: fn(&str) -> crate::Result<T>,
}

impl<'a, T: Copy> Vocab<'a, T> {
    fn new(parse: fn(&str) -> crate::Result<T>) -> Self {
        Vocab {
            seen: Vec::with_capacity(8),
            parse,
        }
    }

    #[inline]
    fn get(&mut self, field: &'a [u8]) -> Option<T> {
        if let Some(&(_, v)) = self.seen.iter().find(|(b, _)| *b == field) {
            return Some(v);
        }
        let v = (self.parse)(std::str::from_utf8(field).ok()?).ok()?;
        if self.seen.len() < 16 {
            self.seen.push((field, v));
        }
        Some(v)
    }
}

/// Parse a chunk into its slice of the columns (which holds exactly its lines).
fn parse_chunk<'a>(
    text: &'a [u8],
    out: &mut Out<'_>,
    limits: &Limits,
    known: &Known<'_>,
) -> Option<Local<'a>> {
    if memchr::memchr(b'"', text).is_some() {
        return None;
    }
    let has_cr = memchr::memchr(b'\r', text).is_some();
    let mut local = Local::default();
    let mut books = Vocab::new(Book::parse);
    let mut phases = Vocab::new(Phase::parse);
    let mut natures = Vocab::new(Nature::parse);
    let n = out.amount.len();
    let mut rest = text;
    let mut j = 0;
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
        if line.is_empty() || line.len() as u64 > limits.max_field_bytes || j >= n {
            return None;
        }
        let mut f = Fields { rest: line };
        out.year[j] = year(f.next()?)?;
        out.book[j] = books.get(f.next()?)?;
        out.phase[j] = phases.get(f.next()?)?;
        out.unit[j] = local.units.intern(f.next()?, known.units)?;
        out.functional[j] = functional(f.next()?)?;
        out.economic[j] = economic(f.next()?)?;
        out.nature[j] = natures.get(f.next()?)?;
        let source = f.next()?;
        out.source[j] = if source.is_empty() || std::str::from_utf8(source).ok()?.trim().is_empty()
        {
            NO_VALUE
        } else {
            local.sources.intern(source, known.sources)?
        };
        let amount = f.last()?;
        out.amount[j] = match fast_amount(amount) {
            Some(p) => p,
            None => slow_amount(amount, &mut local.exact)?,
        };
        j += 1;
    }
    (j == n).then_some(local)
}

/// An amount in any form [`parse_amount`] takes, packed or kept exactly in `exact`.
fn slow_amount(field: &[u8], exact: &mut Vec<Decimal>) -> Option<i64> {
    let d = parse_amount(std::str::from_utf8(field).ok()?).ok()??;
    if let Some(p) = pack_amount(d) {
        return Some(p);
    }
    let i = i64::try_from(exact.len()).ok()?;
    exact.push(d);
    Some((i << 2) | EXACT_TAG)
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
