//! The Rust side of `benches/compare.py`: read a ledger CSV, roll it up 项 → 款 → 类 per (year,
//! phase, unit), print one JSON line with the node count, the exact total per (year, phase) and
//! the load and roll-up times.

use std::collections::BTreeMap;
use std::time::Instant;

use sunlit::{
    Ledger, RollupOptions,
    budget::{GroupKey, GroupValue},
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: compare_rollup LEDGER.csv")?;
    let t0 = Instant::now();
    let ledger = Ledger::read_csv_path(&path)?;
    let t1 = Instant::now();
    let by = vec![GroupKey::Year, GroupKey::Phase, GroupKey::Unit];
    let r = ledger.rollup(&RollupOptions {
        by,
        ..Default::default()
    })?;
    let t2 = Instant::now();
    let mut totals = BTreeMap::new();
    for y in ledger.distinct(GroupKey::Year) {
        for p in ledger.distinct(GroupKey::Phase) {
            if let Some(t) = r.total(&[y.clone(), p.clone()])? {
                let (GroupValue::Year(yy), GroupValue::Phase(pp)) = (&y, &p) else {
                    continue;
                };
                totals.insert(format!("{yy}/{}", pp.id()), t.to_string());
            }
        }
    }
    let totals: Vec<String> = totals
        .iter()
        .map(|(k, v)| format!("\"{k}\": \"{v}\""))
        .collect();
    println!(
        "{{\"nodes\": {}, \"totals\": {{{}}}, \"load\": {}, \"rollup\": {}}}",
        r.len(),
        totals.join(", "),
        (t1 - t0).as_secs_f64(),
        (t2 - t1).as_secs_f64()
    );
    Ok(())
}
