//! Peak memory of loading and rolling up a generated ledger.
//!
//! `cargo run --release -p sunlit-benches --bin peak_memory -- [rows]`: writes the generated CSV to
//! a temporary file (streaming, little memory), then reads it with `Ledger::read_csv_path`, rolls it
//! up, and prints the process's peak resident set (VmHWM) and the wall time of each step.

use std::time::Instant;

use sunlit::{Ledger, RollupOptions, budget::GroupKey};
use sunlit_benches::{GeneratorOptions, write_csv};

fn vm_hwm_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rows: usize = std::env::args()
        .nth(1)
        .map(|a| a.parse())
        .transpose()?
        .unwrap_or(1_000_000);
    let path = std::env::temp_dir().join(format!("sunlit-ledger-{rows}.csv"));
    write_csv(
        &GeneratorOptions {
            rows,
            ..Default::default()
        },
        std::fs::File::create(&path)?,
    )?;
    let size = std::fs::metadata(&path)?.len();
    let before = vm_hwm_kib().unwrap_or(0);
    let t = Instant::now();
    let ledger = Ledger::read_csv_path(&path)?;
    let load = t.elapsed();
    let after_load = vm_hwm_kib().unwrap_or(0);
    let t = Instant::now();
    let r = ledger.rollup(&RollupOptions::default())?;
    let rollup = t.elapsed();
    let t = Instant::now();
    let g = ledger.rollup(&RollupOptions {
        by: vec![GroupKey::Unit, GroupKey::Nature],
        ..Default::default()
    })?;
    let grouped = t.elapsed();
    let peak = vm_hwm_kib().unwrap_or(0);
    println!("rows: {rows}, CSV: {:.1} MiB", size as f64 / 1048576.0);
    println!("load: {load:.2?}, rollup: {rollup:.2?}, rollup by unit+nature: {grouped:.2?}");
    println!(
        "nodes: {} ungrouped, {} grouped; total {}",
        r.rows().count(),
        g.rows().count(),
        r.total(&[])?.unwrap_or_default()
    );
    println!(
        "peak RSS: before load {:.1} MiB, after load {:.1} MiB, after roll-ups {:.1} MiB",
        before as f64 / 1024.0,
        after_load as f64 / 1024.0,
        peak as f64 / 1024.0
    );
    std::fs::remove_file(&path)?;
    Ok(())
}
