//! A seeded generator of realistic budget ledgers, for benchmarks and comparisons.
//!
//! Shape (fiscal.md §1): about 1,400 functional 项 under 30 类 (3/5/7-digit codes), the 61
//! departmental economic 款 of the basic-expenditure template on basic lines, several units,
//! all four books, basic and project natures, a few fund sources, amounts in 元 with 分. The
//! same seed always gives the same ledger (ChaCha8).

use std::io::Write;

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use sunlit::{Catalog, Code, Ledger, classification::Scheme};

/// Options of the generator.
#[derive(Debug, Clone)]
pub struct GeneratorOptions {
    /// Number of lines.
    pub rows: usize,
    /// RNG seed.
    pub seed: u64,
    /// Number of distinct units.
    pub units: usize,
    /// Budget year of every line.
    pub year: i32,
}

impl Default for GeneratorOptions {
    fn default() -> Self {
        GeneratorOptions {
            rows: 1_000_000,
            seed: 20260101,
            units: 40,
            year: 2026,
        }
    }
}

/// The functional 类 codes used (30 of them).
const CLASSES: [u32; 30] = [
    201, 202, 203, 204, 205, 206, 207, 208, 210, 211, 212, 213, 214, 215, 216, 217, 219, 220, 221,
    222, 224, 227, 229, 230, 231, 232, 233, 234, 209, 223,
];

/// About 1,400 functional 项 codes: 30 类 × 8 款 × 6 项 (款 01–08, 项 01–05 and 99).
pub fn functional_items() -> Vec<Code> {
    let mut out = Vec::with_capacity(1440);
    for class in CLASSES {
        for k in 1..=8u32 {
            for x in [1u32, 2, 3, 4, 5, 99] {
                let text = format!("{class}{k:02}{x:02}");
                if let Ok(c) = Code::functional(&text) {
                    out.push(c);
                }
            }
        }
    }
    out
}

/// The departmental economic 款 of the embedded seed (the basic-expenditure template).
pub fn economic_sections() -> Vec<Code> {
    Catalog::seed()
        .entries(Scheme::DeptEconomic, 2026)
        .map(|(c, _)| c)
        .filter(|c| c.level() == 2)
        .collect()
}

/// Write a generated ledger as CSV (the canonical header) to `out`.
pub fn write_csv<W: Write>(opts: &GeneratorOptions, out: W) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(out);
    let mut rng = ChaCha8Rng::seed_from_u64(opts.seed);
    let items = functional_items();
    let economic = economic_sections();
    let books = [
        "general",
        "general",
        "general",
        "general",
        "general",
        "general",
        "general",
        "fund",
        "fund",
        "state_capital",
        "social_insurance",
    ];
    let sources = ["财政拨款", "财政拨款", "事业收入", "其他收入", ""];
    writeln!(
        out,
        "year,book,phase,unit,functional,economic,nature,source,amount"
    )?;
    for _ in 0..opts.rows {
        let item = items[rng.random_range(0..items.len())];
        let book = books[rng.random_range(0..books.len())];
        let unit = rng.random_range(0..opts.units);
        let basic = rng.random_bool(0.6);
        let econ = if basic || rng.random_bool(0.5) {
            economic[rng.random_range(0..economic.len())].to_string()
        } else {
            String::new()
        };
        let source = sources[rng.random_range(0..sources.len())];
        let fen: u64 = rng.random_range(1..10_000_000_000);
        writeln!(
            out,
            "{},{book},budget,单位{unit:03},{item},{econ},{},{source},{}.{:02}",
            opts.year,
            if basic { "basic" } else { "project" },
            fen / 100,
            fen % 100
        )?;
    }
    out.flush()
}

/// A generated ledger as CSV text.
pub fn csv_text(opts: &GeneratorOptions) -> String {
    let mut buf = Vec::with_capacity(opts.rows * 80);
    // Writing into a Vec cannot fail.
    let _ = write_csv(opts, &mut buf);
    String::from_utf8(buf).unwrap_or_default()
}

/// A generated ledger.
pub fn ledger(opts: &GeneratorOptions) -> Result<Ledger, sunlit::Error> {
    Ledger::read_csv_str(&csv_text(opts))
}
