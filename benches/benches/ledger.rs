//! CSV load and full roll-up of a realistic ledger at 1M lines (figures in benches/README.md).

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sunlit::{Ledger, RollupOptions, budget::GroupKey};
use sunlit_benches::{GeneratorOptions, csv_text};

fn bench(c: &mut Criterion) {
    let rows = std::env::var("SUNLIT_BENCH_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let csv = csv_text(&GeneratorOptions {
        rows,
        ..Default::default()
    });
    let ledger = Ledger::read_csv_str(&csv).expect("generated ledger");
    let by_unit_nature = RollupOptions {
        by: vec![GroupKey::Unit, GroupKey::Nature],
        ..Default::default()
    };
    let by_year_phase_unit = RollupOptions {
        by: vec![GroupKey::Year, GroupKey::Phase, GroupKey::Unit],
        ..Default::default()
    };
    // The same text as a file, for the streaming reader (Ledger::read_csv_path).
    let path = std::env::temp_dir().join(format!("sunlit-bench-ledger-{rows}.csv"));
    std::fs::write(&path, &csv).expect("write the bench file");

    let mut g = c.benchmark_group(format!("ledger_{rows}"));
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10))
        .throughput(Throughput::Elements(rows as u64));
    g.bench_function("csv_load", |b| {
        b.iter(|| Ledger::read_csv_str(black_box(&csv)).expect("load"))
    });
    g.bench_function("rollup", |b| {
        b.iter(|| {
            ledger
                .rollup(black_box(&RollupOptions::default()))
                .expect("rollup")
        })
    });
    g.bench_function("rollup_by_unit_nature", |b| {
        b.iter(|| ledger.rollup(black_box(&by_unit_nature)).expect("rollup"))
    });
    g.bench_function("csv_load_path", |b| {
        b.iter(|| Ledger::read_csv_path(black_box(&path)).expect("load"))
    });
    g.bench_function("rollup_by_year_phase_unit", |b| {
        b.iter(|| {
            ledger
                .rollup(black_box(&by_year_phase_unit))
                .expect("rollup")
        })
    });
    // Arrow out (issue 13's goal: a 10M-line ledger in under 100 ms): straight from the columns.
    g.bench_function("to_arrow", |b| {
        b.iter(|| ledger.to_arrow().expect("to_arrow"))
    });
    g.bench_function("csv_load_and_rollup", |b| {
        b.iter(|| {
            let l = Ledger::read_csv_str(black_box(&csv)).expect("load");
            l.rollup(&RollupOptions::default()).expect("rollup")
        })
    });
    g.finish();
    let _ = std::fs::remove_file(&path);
}

criterion_group!(benches, bench);
criterion_main!(benches);
