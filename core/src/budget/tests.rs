//! Properties of the ledger fast paths: the fast CSV reader agrees with the strict reader on
//! any generated ledger text (bad fields included), the integer roll-up with the exact
//! `Decimal` roll-up, and a roll-up conserves the ledger's total.

use proptest::prelude::*;
use rust_decimal::Decimal;

use super::{GroupKey, Ledger, RollupOptions};
use crate::io::{InputOptions, Limits};

const HEADER: &str = "year,book,phase,unit,functional,economic,nature,source,amount";

/// Field pools: good values first (`good` of them), then forms only the strict reader takes,
/// then bad ones. A line is drawn from the good values only nine times in ten.
fn field(col: usize, clean: bool) -> BoxedStrategy<String> {
    let pool: &[&str] = match col {
        0 => &[
            "2026", "2026", "2025", " 2026", "0226", "26", "20x6", "1948",
        ],
        1 => &["general", "一般公共预算", "fund", "general ", "bogus"],
        2 => &["budget", "final", "决算", "adjusted", "x"],
        3 => &["u1", "城管执法局", "u2", "a b", " ", "", "\"q,u\""],
        4 => &[
            "2080505", "2080506", "2120104", "2010601", "20805", "208", "3010101", "20805a5",
            " 2120104", "2080",
        ],
        5 => &["", "", "30101", "501", "50101", " ", "401", "3010101"],
        6 => &["basic", "project", "项目支出", "zz"],
        7 => &["", "财政拨款", "其他收入", " "],
        _ => &[
            "1",
            "1.50",
            "-3.2",
            "0.01",
            "\"1,000\"",
            "1e5",
            "",
            "0.001",
            "+5",
            "007",
            "1.",
            "-0",
            "12345678901234567",
            "123456789012345678901234.5",
            "99.9",
        ],
    };
    let good = [3, 4, 4, 3, 6, 5, 3, 3, 5][col];
    let pool = if clean { &pool[..good] } else { pool };
    prop::sample::select(pool.to_vec())
        .prop_map(str::to_owned)
        .boxed()
}

fn line() -> impl Strategy<Value = String> {
    prop::bool::weighted(0.9).prop_flat_map(|clean| {
        (0..9usize)
            .map(|c| field(c, clean))
            .collect::<Vec<_>>()
            .prop_map(|f| f.join(","))
    })
}

/// A ledger text: lines joined by LF or CRLF, now and then a blank line or a bad width.
fn text() -> impl Strategy<Value = String> {
    (
        prop::collection::vec((line(), 0..200u8), 0..30),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(lines, crlf, bom)| {
            let nl = if crlf { "\r\n" } else { "\n" };
            let mut s = String::from(if bom { "\u{feff}" } else { "" });
            s.push_str(HEADER);
            s.push_str(nl);
            for (l, odd) in lines {
                match odd {
                    0 => s.push_str(nl),                    // blank line
                    1 => s.push_str("2026,general,budget"), // too few fields
                    _ => s.push_str(&l),
                }
                s.push_str(nl);
            }
            s
        })
}

/// Mostly valid lines (for the roll-up properties).
fn good_ledger() -> impl Strategy<Value = Ledger> {
    let line = (
        prop::sample::select(vec!["2025", "2026"]),
        prop::sample::select(vec!["general", "fund"]),
        prop::sample::select(vec!["budget", "final"]),
        prop::sample::select(vec!["u1", "城管执法局", "u2", "u3"]),
        prop::sample::select(vec![
            "2080505", "2080506", "2120104", "2010601", "2010602", "2130101", "20101",
        ]),
        prop::sample::select(vec!["", "30101", "50101"]),
        prop::sample::select(vec!["basic", "project"]),
        prop::sample::select(vec!["", "财政拨款", "其他收入"]),
        prop_oneof![
            (-10_000_000_000i64..10_000_000_000).prop_map(|f| Decimal::new(f, 2).to_string()),
            (1i64..10_000_000_000).prop_map(|f| Decimal::new(f, 2).to_string()),
            (-1000i64..1000).prop_map(|v| v.to_string()),
            (1i64..1000).prop_map(|v| v.to_string()),
            (1i64..1000).prop_map(|v| Decimal::new(v, 1).to_string()),
        ],
    );
    (prop::collection::vec(line, 0..60), any::<bool>()).prop_map(|(lines, positive)| {
        let mut s = format!("{HEADER}\n");
        for (y, b, p, u, f, e, n, src, a) in lines {
            let a = if positive && a != "0" && a != "0.00" && a != "0.0" {
                a.trim_start_matches('-').to_owned()
            } else {
                a
            };
            s.push_str(&format!("{y},{b},{p},{u},{f},{e},{n},{src},{a}\n"));
        }
        Ledger::read_csv_str(&s).unwrap_or_default()
    })
}

fn outcome(r: crate::Result<Ledger>) -> Result<(String, Vec<String>), String> {
    r.map(|l| {
        let units = (0..l.units.len() as u32)
            .map(|i| l.units.get(i).to_owned())
            .collect();
        (l.to_csv_string().unwrap_or_default(), units)
    })
    .map_err(|e| format!("{e:?}"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn fast_reader_agrees_with_the_strict_reader(text in text(), block in 16usize..200) {
        let opts = InputOptions::default();
        let strict = outcome(Ledger::read_csv_strict(text.as_bytes(), &opts).map(|(l, _)| l));
        let fast = outcome(Ledger::read_csv_str(&text));
        prop_assert_eq!(&fast, &strict);
        // The stream reader, with blocks small enough to cut lines.
        let streamed = super::fast_csv::parse_stream_with(
            text.as_bytes(), Some(text.len() as u64), &Limits::default(), block);
        if let Some(l) = streamed {
            prop_assert_eq!(&outcome(Ok(l)), &strict);
        }
    }

    #[test]
    fn integer_rollup_equals_the_exact_rollup(ledger in good_ledger(), by in prop::sample::subsequence(
        vec![GroupKey::Year, GroupKey::Book, GroupKey::Phase, GroupKey::Unit, GroupKey::Nature,
             GroupKey::Source, GroupKey::Economic], 0..4)) {
        let mut by = by;
        for k in [GroupKey::Year, GroupKey::Phase] {
            if !by.contains(&k) { by.push(k); }
        }
        let opts = RollupOptions { by, ..Default::default() };
        let fast = ledger.rollup(&opts).unwrap();
        let exact = ledger.rollup_exact(&opts).unwrap();
        prop_assert_eq!(&fast, &exact);
        let show = |r: &super::Rollup| r.records(crate::Catalog::seed()).iter()
            .map(|x| format!("{:?} {} {}", x.group, x.code, x.amount)).collect::<Vec<_>>();
        // Order, and scale too: a Decimal sum keeps the larger scale unless an operand is zero,
        // so with zero sums along the way the scale depends on the order of addition (the
        // exact path's is hash order); without them it is the same whatever the order.
        if ledger.iter().all(|l| l.amount > Decimal::ZERO) {
            prop_assert_eq!(show(&fast), show(&exact));
        }
        prop_assert_eq!(fast.len(), exact.len());
        for g in exact.groups() {
            prop_assert_eq!(fast.total(&g.key).unwrap(), Some(g.total));
            for (code, v) in &g.amounts {
                prop_assert_eq!(fast.amount(*code, &g.key).unwrap(), Some(*v));
            }
        }
        // Conservation: the totals add up to the ledger's sum.
        let sum: Decimal = ledger.iter().map(|l| l.amount).sum();
        prop_assert_eq!(fast.total(&[]).unwrap().unwrap_or_default(), sum);
    }
}

#[test]
fn too_large_amounts_take_the_exact_path() {
    let text = format!(
        "{HEADER}\n2026,general,budget,u,2080505,,basic,,4611686018427387904\n\
         2026,general,budget,u,2080505,,basic,,4611686018427387904\n\
         2026,general,budget,u,2080506,,basic,,0.125\n"
    );
    let ledger = Ledger::read_csv_str(&text).unwrap();
    assert_eq!(ledger.exact.len(), 3);
    let r = ledger.rollup(&RollupOptions::default()).unwrap();
    assert_eq!(
        r.total(&[]).unwrap().unwrap().to_string(),
        "9223372036854775808.125"
    );
    // Packed sums that overflow i64 fall back to the exact path too.
    let big = "1000000000000000.00"; // 10^17 分: 24 of them pass 2^60 分
    let mut text = format!("{HEADER}\n");
    for _ in 0..24 {
        text.push_str(&format!("2026,general,budget,u,2080505,,basic,,{big}\n"));
    }
    let ledger = Ledger::read_csv_str(&text).unwrap();
    assert!(ledger.exact.is_empty());
    let r = ledger.rollup(&RollupOptions::default()).unwrap();
    assert_eq!(
        r.total(&[]).unwrap().unwrap().to_string(),
        "24000000000000000.00"
    );
    assert_eq!(r, ledger.rollup_exact(&RollupOptions::default()).unwrap());
}

/// A text of `n` good lines whose units and sources keep appearing for the first time late in
/// the text (so later chunks and blocks meet names earlier ones did not), with now and then an
/// amount only the exact side table holds.
fn many_lines(n: usize, odd_amounts: bool) -> String {
    let mut s = format!("{HEADER}\n");
    let books = ["general", "fund", "一般公共预算", "social_insurance"];
    let sources = ["", "财政拨款", "其他收入", "事业收入"];
    for i in 0..n {
        let unit = format!("地区{:03}单位{:05}", i % 7, (i * 7919) % (i / 3 + 1));
        let source = if i % 997 == 0 {
            format!("来源{i}")
        } else {
            sources[i % 4].to_owned()
        };
        let economic = ["", "30101", "50101", "30201"][i % 4];
        let amount = match i % 1009 {
            0 if odd_amounts => format!("{i}.125"),
            1 if odd_amounts => "123456789012345678901234.5".to_owned(),
            _ => format!("{}.{:02}", i * 31, i % 100),
        };
        s.push_str(&format!(
            "{},{},{},{unit},{},{economic},{},{source},{amount}\n",
            2024 + i % 3,
            books[i % 4],
            ["budget", "adjusted", "决算"][i % 3],
            [2080505, 2120104, 2010601, 20805, 2130101][i % 5],
            ["basic", "project", "项目支出"][i % 3],
        ));
    }
    s
}

/// The fast reader cuts a large text into several chunks and blocks and writes each chunk
/// straight into its slice of the columns: names first met in later chunks or blocks get their
/// ids in first-seen order, exact amounts their place in the side table, exactly as by the
/// strict reader.
#[test]
fn fast_reader_agrees_with_the_strict_reader_over_many_chunks_and_blocks() {
    let text = many_lines(20_000, true);
    assert!(text.len() > 4 * (64 << 10), "several chunks");
    let opts = InputOptions::default();
    let strict = outcome(Ledger::read_csv_strict(text.as_bytes(), &opts).map(|(l, _)| l));
    assert!(strict.is_ok());
    let fast = super::fast_csv::parse_bytes(text.as_bytes(), &Limits::default());
    assert_eq!(outcome(fast.ok_or(crate::Error::overflow("fast"))), strict);
    for block in [100_000, 300_000, 1 << 20] {
        let streamed = super::fast_csv::parse_stream_with(
            text.as_bytes(),
            Some(text.len() as u64),
            &Limits::default(),
            block,
        );
        assert_eq!(
            outcome(streamed.ok_or(crate::Error::overflow("stream"))),
            strict
        );
    }
    // A bad field late in the text: the fast reader hands it over, the error is the strict one.
    let bad = format!("{text}2026,general,budget,u,2080505,,basic,,1e5\n");
    let err = Ledger::read_csv_str(&bad).unwrap_err();
    assert!(
        matches!(err, crate::Error::Input { line: 20_002, ref column, ref value, .. }
        if column == "amount" && value == "1e5")
    );
}

/// `to_arrow` keys the code columns by rank among the distinct codes and takes the interned ids
/// as keys: the round trip gives the same ledger, nulls where there is no economic code or
/// source.
#[cfg(feature = "arrow")]
#[test]
fn many_lines_round_trip_through_arrow() {
    use arrow_array::Array;
    let ledger = Ledger::read_csv_str(&many_lines(5_000, true)).unwrap();
    assert!(!ledger.exact.is_empty());
    let batch = ledger.to_arrow().unwrap();
    assert_eq!(Ledger::from_arrow(&batch).unwrap(), ledger);
    let plain = Ledger::read_csv_str(&many_lines(1_000, false)).unwrap();
    assert!(plain.exact.is_empty());
    let batch = plain.to_arrow().unwrap();
    assert_eq!(batch.column(5).null_count(), 250);
    assert_eq!(batch.column(7).null_count(), 250 - 1);
    assert_eq!(Ledger::from_arrow(&batch).unwrap(), plain);
}
