//! Invariants of power lists: numerals round-trip, lists survive CSV and JSON, a diff of a list
//! with itself (in any row order) is empty, and a diff finds exactly the items added and removed.
//! Issue 11: list cells hold ANY list of strings losslessly; `diff(a, a)` is empty even with
//! duplicate items; the changes of `diff(a, b)` applied to `a`'s items give `b`'s.

use proptest::prelude::*;
use sunlit::{
    PowerList,
    power::{
        PowerCategory, PowerChangeKind, chinese_numeral, credit_code_check_char, parse_citation,
        parse_numeral,
    },
};
use sunlit_tests::data_file;

fn v1() -> PowerList {
    PowerList::read_csv_path(data_file("power/list_v1.csv")).expect("golden list")
}

/// Entry text: no line breaks, not blank, not ending in the list punctuation `；` / `，` that
/// splitting removes (markers such as `1.` or `（2）` inside or at the start are allowed).
fn entry() -> impl Strategy<Value = String> {
    "[受理审查决定送达责任事项甲乙丙（）、；。.0-9a-z]{1,12}"
        .prop_map(|s| s.trim().to_owned())
        .prop_filter("a real entry", |s| {
            !s.is_empty() && s != "无" && !s.ends_with(['；', '，', ';', ','])
        })
}

/// Any entry text: arbitrary Unicode, or text made of list markers, separators, brackets,
/// quotes, arrows, spaces and line breaks.
fn any_entry() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9一二①②.、．（）() ；;，,。\n\r\t\\[\\]\"→>无/-]{0,10}",
        Just(String::new()),
    ]
}

/// The multiset of (code, name) of a list's items.
fn refs(list: &PowerList) -> Vec<sunlit::power::PowerItemRef> {
    let mut v: Vec<_> = list
        .items
        .iter()
        .map(|i| sunlit::power::PowerItemRef {
            code: i.code().map(str::to_owned),
            name: i.name.clone(),
        })
        .collect();
    v.sort();
    v
}

/// A list of items drawn, with repetition, from the first items of the golden list, some with
/// a changed promised time limit.
fn drawn(picks: &[(usize, bool)]) -> PowerList {
    let pool = v1();
    let mut list = PowerList::new();
    for &(i, changed) in picks {
        let mut item = pool.items[i % 8].clone();
        if changed {
            item.promised_limit = sunlit::power::TimeLimit::parse("1个工作日").ok();
        }
        list.items.push(item);
    }
    list
}

proptest! {
    /// Issue 11 defect 3: a list cell carries any list of strings, through CSV and JSON, and
    /// writing what was read gives the same text again.
    #[test]
    fn any_list_of_strings_survives_csv_and_json(
        responsibilities in proptest::collection::vec(any_entry(), 0..5),
        procedure in proptest::collection::vec(any_entry(), 0..5),
        sub_items in proptest::collection::vec(any_entry(), 0..4),
        accountability in proptest::collection::vec(any_entry(), 0..4),
    ) {
        let mut list = v1();
        list.items.truncate(2);
        list.items[0].responsibilities = responsibilities;
        list.items[0].procedure = procedure;
        list.items[1].sub_items = sub_items;
        list.items[1].accountability = accountability;
        let csv = list.to_csv_string().unwrap();
        let back = PowerList::read_csv_str(&csv).unwrap();
        prop_assert_eq!(&back, &list);
        prop_assert_eq!(back.to_csv_string().unwrap(), csv);
        let json = list.to_json();
        let back = PowerList::from_json(&json).unwrap();
        prop_assert_eq!(&back, &list);
        prop_assert_eq!(back.to_json(), json);
    }

    /// Issue 11 defect 4: `diff(a, a)` is empty, duplicates and all; the changes of
    /// `diff(a, b)`, applied to the items of `a` (each change takes out its `old` items and
    /// puts in its `new` ones), give the items of `b`.
    #[test]
    fn diff_with_itself_is_empty_and_a_diff_applied_gives_the_new_list(
        a in proptest::collection::vec((0usize..8, any::<bool>()), 0..10),
        b in proptest::collection::vec((0usize..8, any::<bool>()), 0..10),
    ) {
        let (a, b) = (drawn(&a), drawn(&b));
        prop_assert!(PowerList::diff(&a, &a).is_empty());
        prop_assert!(PowerList::diff(&b, &b).is_empty());
        let changes = PowerList::diff(&a, &b);
        // The change log of the diff survives CSV and JSON.
        let log = sunlit::power::ChangeLog::from_changes(&changes, Some("某府办发〔2025〕1号"), chrono::NaiveDate::from_ymd_opt(2025, 7, 1));
        prop_assert_eq!(&sunlit::power::ChangeLog::read_csv_str(&log.to_csv_string().unwrap()).unwrap(), &log);
        prop_assert_eq!(&sunlit::power::ChangeLog::from_json(&log.to_json()).unwrap(), &log);
        let mut items = refs(&a);
        for change in changes {
            for gone in &change.old {
                let at = items.iter().position(|r| r == gone);
                prop_assert!(at.is_some(), "{:?} not in {:?}", gone, items);
                items.remove(at.unwrap_or_default());
            }
            items.extend(change.new.iter().cloned());
        }
        items.sort();
        prop_assert_eq!(items, refs(&b));
    }
}

proptest! {
    #[test]
    fn numerals_round_trip(n in 1u32..=9999) {
        prop_assert_eq!(parse_numeral(&chinese_numeral(n)).unwrap(), n);
        prop_assert_eq!(parse_numeral(&n.to_string()).unwrap(), n);
    }

    #[test]
    fn citations_read_back_their_canonical_form(a in 1u32..=1300, p in proptest::option::of(1u32..=9), i in proptest::option::of(1u32..=30)) {
        let mut text = format!("《中华人民共和国行政许可法》第{}条", chinese_numeral(a));
        if let Some(p) = p { text.push_str(&format!("第{p}款")); }
        if let Some(i) = i { text.push_str(&format!("第（{}）项", chinese_numeral(i))); }
        let c = parse_citation(&text).unwrap();
        prop_assert_eq!((c.article, c.paragraph, c.item), (Some(a), p, i));
        prop_assert_eq!(parse_citation(&c.canonical()).unwrap().canonical(), c.canonical());
    }

    #[test]
    fn a_changed_check_character_is_refused(body in "[0-9A-HJ-NP-RT-UW-Y]{17}", other in 0usize..31) {
        let check = credit_code_check_char(&body).unwrap();
        let alphabet: Vec<char> = "0123456789ABCDEFGHJKLMNPQRTUWXY".chars().collect();
        let wrong = alphabet[other];
        let good = format!("{body}{check}");
        prop_assert!(sunlit::power::CreditCode::is_valid(&good));
        prop_assert_eq!(sunlit::power::CreditCode::is_valid(&format!("{body}{wrong}")), wrong == check);
    }

    #[test]
    fn lists_of_entries_survive_csv_and_json(
        responsibilities in proptest::collection::vec(entry(), 0..5),
        procedure in proptest::collection::vec(entry(), 0..5),
        sub_items in proptest::collection::vec(entry(), 0..3),
    ) {
        let mut list = v1();
        list.items.truncate(3);
        list.items[0].responsibilities = responsibilities;
        list.items[1].procedure = procedure;
        list.items[2].sub_items = sub_items;
        let csv = list.to_csv_string().unwrap();
        prop_assert_eq!(&PowerList::read_csv_str(&csv).unwrap(), &list);
        prop_assert_eq!(&PowerList::from_json(&list.to_json()).unwrap(), &list);
    }

    #[test]
    fn a_list_does_not_differ_from_itself_in_any_order(seed in any::<u64>()) {
        let list = v1();
        let mut shuffled = list.clone();
        // A seeded Fisher–Yates shuffle.
        let mut state = seed | 1;
        for i in (1..shuffled.items.len()).rev() {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            let j = (state % (i as u64 + 1)) as usize;
            shuffled.items.swap(i, j);
        }
        prop_assert!(PowerList::diff(&list, &shuffled).is_empty());
    }

    #[test]
    fn removed_and_appended_items_are_cancelled_and_added(remove in 0usize..36) {
        let old = v1();
        let mut new = old.clone();
        let gone = new.items.remove(remove);
        let mut fresh = gone.clone();
        fresh.name = "全新的事项".to_owned();
        fresh.basic_code = Some("NEW0001".to_owned());
        fresh.implementation_code = None;
        fresh.sub_items.clear();
        fresh.category = PowerCategory::Inspection;
        fresh.category_label = "行政检查".to_owned();
        fresh.legal_basis = sunlit::power::LegalBasis::parse("《某某条例》第九百九十九条");
        new.items.push(fresh);
        let changes = PowerList::diff(&old, &new);
        let kinds: Vec<_> = changes.iter().map(|c| (c.kind, c.name.clone())).collect();
        prop_assert!(kinds.contains(&(PowerChangeKind::Added, "全新的事项".to_owned())), "{:?}", kinds);
        prop_assert!(kinds.contains(&(PowerChangeKind::Cancelled, gone.name.clone())), "{:?}", kinds);
        // The removed item's duplicate-code twin (if any) may now match by code and show as changed.
        prop_assert!(changes.len() <= 3, "{:?}", kinds);
    }
}
