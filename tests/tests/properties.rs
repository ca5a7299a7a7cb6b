//! Invariants, by property testing: roll-ups conserve the total at every level and in every
//! group; parse(format(x)) == x for codes, amounts and whole ledgers.

use std::collections::BTreeMap;

use proptest::prelude::*;
use rust_decimal::Decimal;
use sunlit::{
    Code, Ledger, RollupOptions,
    budget::{Book, GroupKey, Hierarchy, LineItem, Nature, Phase, Subtotals},
    classification::Scheme,
    money::{format_amount, format_grouped, parse_amount},
};

fn amount() -> impl Strategy<Value = Decimal> {
    (-10_000_000_000_000i64..10_000_000_000_000i64, 0u32..=2).prop_map(|(m, s)| Decimal::new(m, s))
}

fn functional_leaf() -> impl Strategy<Value = Code> {
    (1u32..=3, 1u32..=4, 1u32..=5)
        .prop_map(|(l, k, x)| Code::functional(&format!("2{l:02}{k:02}{x:02}")).unwrap())
}

fn any_code() -> impl Strategy<Value = Code> {
    prop_oneof![
        (0u32..100, 0u32..100, 0u32..100)
            .prop_map(|(a, b, c)| Code::functional(&format!("2{a:02}{b:02}{c:02}")).unwrap()),
        (0u32..100).prop_map(|a| Code::functional(&format!("2{a:02}")).unwrap()),
        (0u32..100, 0u32..100)
            .prop_map(|(a, b)| Code::economic(&format!("3{a:02}{b:02}")).unwrap()),
        (0u32..100, 0u32..100)
            .prop_map(|(a, b)| Code::economic(&format!("5{a:02}{b:02}")).unwrap()),
        (0u32..100, 0u32..100, 0u32..100, 0u32..100)
            .prop_map(|(a, b, c, d)| Code::revenue(&format!("1{a:02}{b:02}{c:02}{d:02}")).unwrap()),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("城管执法局".to_owned()),
        Just("a, \"quoted\" unit".to_owned()),
        Just("line\nbreak".to_owned()),
        "[a-z市局 ]{1,8}".prop_filter("not blank", |s| !s.trim().is_empty()),
    ]
}

fn line_item() -> impl Strategy<Value = LineItem> {
    (
        prop::sample::select(vec![Book::General, Book::Fund, Book::StateCapital]),
        text(),
        functional_leaf(),
        prop::option::of(
            (1u32..=3, 1u32..=20)
                .prop_map(|(a, b)| Code::economic(&format!("30{a}{b:02}")).unwrap()),
        ),
        prop::sample::select(vec![Nature::Basic, Nature::Project]),
        prop::option::of(text()),
        amount(),
    )
        .prop_map(
            |(book, unit, functional, economic, nature, source, amount)| LineItem {
                year: 2026,
                book,
                phase: Phase::Budget,
                unit,
                functional,
                economic,
                nature,
                source,
                amount,
            },
        )
}

fn ledger_of(items: &[LineItem]) -> Ledger {
    let mut l = Ledger::new();
    for i in items {
        l.push(i.clone()).unwrap();
    }
    l
}

proptest! {
    #[test]
    fn amounts_round_trip(x in amount()) {
        prop_assert_eq!(parse_amount(&format_amount(x)).unwrap(), Some(x));
        prop_assert_eq!(parse_amount(&format_grouped(x)).unwrap(), Some(x));
        prop_assert_eq!(format_amount(parse_amount(&format_amount(x)).unwrap().unwrap()), format_amount(x));
    }

    #[test]
    fn codes_round_trip(c in any_code()) {
        prop_assert_eq!(Code::parse(c.scheme(), &c.to_string()).unwrap(), c);
        prop_assert_eq!(Code::parse_split(c.scheme(), &c.split()).unwrap(), c);
        if let Some(p) = c.parent() {
            prop_assert!(p.is_ancestor_of(c));
            prop_assert!(p < c);
        }
        prop_assert_eq!(c.ancestors().len(), usize::from(c.level()) - 1);
    }

    #[test]
    fn code_order_is_string_order(a in any_code(), b in any_code()) {
        if a.scheme() == b.scheme() {
            prop_assert_eq!(a.cmp(&b), a.to_string().cmp(&b.to_string()));
        }
    }

    #[test]
    fn ledgers_round_trip(items in prop::collection::vec(line_item(), 0..40)) {
        let ledger = ledger_of(&items);
        let csv = ledger.to_csv_string().unwrap();
        let back = Ledger::read_csv_str(&csv).unwrap();
        prop_assert_eq!(&back, &ledger);
        // every digit, including trailing zeros of the scale
        prop_assert_eq!(back.to_csv_string().unwrap(), csv);
        prop_assert_eq!(Ledger::from_json(&ledger.to_json()).unwrap(), ledger);
    }

    #[test]
    fn rollup_conserves_totals(
        items in prop::collection::vec(line_item(), 1..60),
        by in prop::sample::subsequence(vec![GroupKey::Book, GroupKey::Unit, GroupKey::Nature, GroupKey::Source, GroupKey::Economic], 0..=3),
    ) {
        let ledger = ledger_of(&items);
        let grand: Decimal = items.iter().map(|i| i.amount).sum();
        let r = ledger.rollup(&RollupOptions { by: by.clone(), ..Default::default() }).unwrap();
        prop_assert_eq!(r.total(&[]).unwrap(), Some(grand));
        let mut all_groups = Decimal::ZERO;
        for g in r.groups() {
            // every parent equals the sum of its children; the total equals the sum of 类
            let mut children: BTreeMap<Code, Decimal> = BTreeMap::new();
            for (code, amount) in &g.amounts {
                if let Some(p) = code.parent() {
                    *children.entry(p).or_default() += *amount;
                }
            }
            for (parent, sum) in children {
                prop_assert_eq!(g.amounts[&parent], sum);
            }
            let classes: Decimal = g.amounts.iter().filter(|(c, _)| c.level() == 1).map(|(_, a)| *a).sum();
            prop_assert_eq!(g.total, classes);
            // the group's total equals the sum of its own lines
            let own: Decimal = items.iter().filter(|i| {
                let line = [i.book.id().to_owned(), i.unit.clone(), i.nature.id().to_owned(),
                            i.source.clone().unwrap_or_default(), i.economic.map(|c| c.to_string()).unwrap_or_default()];
                by.iter().zip(&g.key).all(|(k, v)| {
                    let idx = [GroupKey::Book, GroupKey::Unit, GroupKey::Nature, GroupKey::Source, GroupKey::Economic]
                        .iter().position(|x| x == k).unwrap();
                    line[idx] == v.text()
                })
            }).map(|i| i.amount).sum();
            prop_assert_eq!(g.total, own);
            all_groups += g.total;
        }
        prop_assert_eq!(all_groups, grand);
    }

    #[test]
    fn economic_rollup_conserves_totals(items in prop::collection::vec(line_item(), 1..40)) {
        let items: Vec<LineItem> = items.into_iter().filter(|i| i.economic.is_some()).collect();
        let ledger = ledger_of(&items);
        let grand: Decimal = items.iter().map(|i| i.amount).sum();
        let r = ledger.rollup(&RollupOptions { hierarchy: Hierarchy::Economic, ..Default::default() }).unwrap();
        prop_assert_eq!(r.total(&[]).unwrap().unwrap_or_default(), grand);
        for g in r.groups() {
            for (code, amount) in &g.amounts {
                prop_assert_eq!(code.scheme(), Scheme::DeptEconomic);
                if code.level() == 1 {
                    let kids: Decimal = g.amounts.iter().filter(|(c, _)| code.is_ancestor_of(**c)).map(|(_, a)| *a).sum();
                    prop_assert_eq!(*amount, kids);
                }
            }
        }
    }

    #[test]
    fn subtotals_are_checked_not_added(items in prop::collection::vec(line_item(), 1..30), delta in amount()) {
        // Add, for the first line's context, its 类 subtotal (no economic code: it contains the
        // lines of every economic code) as a line; with Check the totals do not change and a
        // finding appears exactly when the subtotal is off.
        let first = items[0].clone();
        let same_ctx: Decimal = items.iter().filter(|i| i.book == first.book && i.unit == first.unit
            && i.nature == first.nature && i.source == first.source
            && i.functional.at_level(1) == first.functional.at_level(1)).map(|i| i.amount).sum();
        prop_assume!(first.economic.is_none());
        let mut with_sub = items.clone();
        with_sub.push(LineItem { functional: first.functional.at_level(1).unwrap(), amount: same_ctx + delta, ..first.clone() });
        let ledger = ledger_of(&with_sub);
        prop_assert!(ledger.rollup(&RollupOptions::default()).is_err());
        let r = ledger.rollup(&RollupOptions { subtotals: Subtotals::Check, ..Default::default() }).unwrap();
        let grand: Decimal = items.iter().map(|i| i.amount).sum();
        prop_assert_eq!(r.total(&[]).unwrap(), Some(grand));
        prop_assert_eq!(r.findings().is_empty(), delta.is_zero());
    }

    /// A roll-up done in parts is the roll-up of the whole: compact each part, concatenate the
    /// compacted parts, roll up once (`Ledger::compact`, `Ledger::concat`; docs/scale-out.md).
    #[test]
    fn partial_rollups_merge_exactly(
        items in prop::collection::vec(line_item(), 1..60),
        cuts in prop::collection::vec(0usize..120, 0..4),
        by in prop::sample::subsequence(vec![GroupKey::Book, GroupKey::Unit, GroupKey::Nature, GroupKey::Source, GroupKey::Economic], 0..=3),
    ) {
        // every line twice, so that compaction has lines to add together
        let doubled: Vec<LineItem> = items.iter().chain(items.iter()).cloned().collect();
        let whole = ledger_of(&doubled);
        let mut bounds: Vec<usize> = cuts.into_iter().map(|c| c % (doubled.len() + 1)).collect();
        bounds.extend([0, doubled.len()]);
        bounds.sort_unstable();
        let parts: Vec<Ledger> = bounds.windows(2).map(|w| ledger_of(&doubled[w[0]..w[1]]).compact().unwrap()).collect();
        let merged = Ledger::concat(&parts).unwrap();
        prop_assert!(merged.len() <= doubled.len());
        let opts = RollupOptions { by, ..Default::default() };
        let a = whole.rollup(&opts).unwrap();
        let b = merged.rollup(&opts).unwrap();
        prop_assert_eq!(a.groups(), b.groups());
    }

    /// Arrow record batches carry a ledger without loss: every dimension, every digit of every
    /// amount (decimal128, never a float; the column has one scale, so `0` comes back as `0.00`).
    #[test]
    fn ledgers_round_trip_through_arrow(items in prop::collection::vec(line_item(), 0..40)) {
        let ledger = ledger_of(&items);
        let batch = ledger.to_arrow().unwrap();
        prop_assert_eq!(batch.num_rows(), items.len());
        let back = Ledger::from_arrow(&batch).unwrap();
        // equal values (a decimal128 column has one scale, so 0 comes back as 0.00)
        prop_assert_eq!(&back, &ledger);
        for (a, b) in back.iter().zip(ledger.iter()) {
            prop_assert_eq!(a.amount.normalize(), b.amount.normalize());
        }
    }

    /// Unit conversions (元 / 万元 / 亿元) are exact: there and back gives the amount again, and
    /// two steps are one.
    #[test]
    fn unit_conversions_round_trip(x in amount(), u in 0usize..3, v in 0usize..3, w in 0usize..3) {
        let units = [sunlit::Unit::Yuan, sunlit::Unit::WanYuan, sunlit::Unit::YiYuan];
        let (u, v, w) = (units[u], units[v], units[w]);
        prop_assert_eq!(u.convert(x, u).unwrap(), x);
        if let Ok(y) = u.convert(x, v) {
            prop_assert_eq!(v.convert(y, u).unwrap(), x);
            if let (Ok(z), Ok(direct)) = (v.convert(y, w), u.convert(x, w)) {
                prop_assert_eq!(z, direct);
            }
        }
        // Towards a larger unit never fails for these amounts (the point moves left).
        prop_assert!(sunlit::Unit::Yuan.convert(x, sunlit::Unit::YiYuan).is_ok());
    }
}
