//! Every small text parser of core, one per value of the first input byte (the rest is the
//! text): classification codes and schemes, amounts and units, credit codes, Chinese numerals,
//! time limits, citations and legal bases, outcomes, vocabulary words, report and table labels,
//! catalogue CSV. Where a value can be written back, the written form must parse to the same
//! value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sunlit::{
    Catalog, Code, Unit,
    budget::{GroupKey, GroupValue},
    catalog::functional_class_by_name,
    classification::Scheme,
    document::normalize_text,
    money::{format_amount, format_grouped, parse_amount},
    power::{
        CreditCode, LegalBasis, PowerCategory, TimeLimit, chinese_numeral, credit_code_check_char,
        parse_citation, parse_numeral,
    },
    report::{ProactiveColumn, ProactiveRow, ReportFormat, RequestRow, ReviewBlock},
    request::{Applicant, Channel, Outcome},
    tables::TableKind,
};

const SCHEMES: [Scheme; 4] = [
    Scheme::Functional,
    Scheme::DeptEconomic,
    Scheme::GovEconomic,
    Scheme::Revenue,
];

fn codes(text: &str) {
    if let Ok(s) = Scheme::parse(text) {
        assert_eq!(Scheme::parse(s.id()).unwrap(), s);
    }
    for scheme in SCHEMES {
        if let Ok(c) = Code::parse(scheme, text) {
            assert_eq!(
                Code::parse(scheme, &c.to_string()).unwrap(),
                c,
                "Display of {text:?}"
            );
            assert_eq!(
                Code::parse_split(scheme, &c.split()).unwrap(),
                c,
                "split of {text:?}"
            );
            for a in c.ancestors() {
                assert!(a.is_ancestor_of(c));
            }
            let _ = (c.level_name(), c.parent(), c.at_level(c.level()));
        }
        let parts: Vec<&str> = text.split(',').collect();
        if let Ok(c) = Code::parse_split(scheme, &parts) {
            assert_eq!(Code::parse(scheme, &c.to_string()).unwrap(), c);
        }
    }
    let _ = functional_class_by_name(text, None);
    let _ = functional_class_by_name(text, Some(2024));
}

fn amounts(text: &str) {
    if let Ok(Some(d)) = parse_amount(text) {
        for written in [format_amount(d), format_grouped(d), d.to_string()] {
            let again = parse_amount(&written).unwrap_or_else(|e| panic!("{written:?}: {e}"));
            assert_eq!(again, Some(d), "{text:?} written as {written:?}");
        }
        for from in Unit::ALL {
            for to in Unit::ALL {
                if let Ok(x) = from.convert(d, to) {
                    if let Ok(back) = to.convert(x, from) {
                        assert_eq!(back, d, "{d} {from} -> {x} {to} -> {back}");
                    }
                }
            }
        }
    }
    if let Ok(u) = Unit::parse(text) {
        assert_eq!(Unit::parse(u.id()).unwrap(), u);
        assert_eq!(Unit::parse(u.symbol()).unwrap(), u);
    }
}

fn credit(text: &str) {
    if let Ok(c) = CreditCode::parse(text) {
        assert!(CreditCode::is_valid(c.as_str()));
        assert_eq!(CreditCode::parse(&c.to_string()).unwrap(), c);
        let _ = (c.registrar(), c.region(), c.organisation());
    }
    let _ = credit_code_check_char(text);
}

fn numerals(text: &str) {
    if let Ok(n) = parse_numeral(text) {
        assert_eq!(parse_numeral(&chinese_numeral(n)).unwrap(), n, "{text:?}");
    }
}

fn time_limits(text: &str) {
    let (a, b) = text.split_once('|').unwrap_or((text, "20个工作日"));
    if let Ok(t) = TimeLimit::parse(a) {
        let written = t.to_string();
        assert_eq!(
            TimeLimit::parse(&written).unwrap(),
            t,
            "{a:?} written as {written:?}"
        );
        if let Ok(u) = TimeLimit::parse(b) {
            let _ = (t.exceeds(&u), u.exceeds(&t));
        }
    }
}

fn citations(text: &str) {
    if let Ok(c) = parse_citation(text) {
        let canonical = c.canonical();
        let again = parse_citation(&canonical).unwrap_or_else(|e| panic!("{canonical:?}: {e}"));
        assert_eq!(
            (
                &again.law,
                &again.note,
                again.article,
                again.paragraph,
                again.item
            ),
            (&c.law, &c.note, c.article, c.paragraph, c.item),
            "{text:?} canonical {canonical:?}"
        );
    }
    let basis = LegalBasis::parse(text);
    let _ = basis.is_missing();
}

fn words(text: &str) {
    let (outcome, reason) = match text.split_once('|') {
        Some((o, r)) => (o, Some(r)),
        None => (text, None),
    };
    if let Ok(o) = Outcome::parse(outcome, reason) {
        let _ = (o.label_zh(), o.to_string());
    }
    if let Ok(c) = Channel::parse(text) {
        assert_eq!(Channel::parse(c.id()).unwrap(), c);
    }
    if let Ok(a) = Applicant::parse(text) {
        assert_eq!(Applicant::parse(a.name_zh()).unwrap(), a);
    }
    for key in GroupKey::ALL {
        let _ = GroupValue::parse(*key, text);
    }
    let _ = PowerCategory::from_label(text);
}

fn labels(text: &str) {
    for format in ReportFormat::ALL {
        let _ = RequestRow::from_label(text, *format);
        let _ = ProactiveRow::from_label(text, *format);
        let _ = ProactiveColumn::from_label(text, *format);
    }
    let _ = ReviewBlock::from_label(text);
    if let Some(k) = TableKind::from_title(text) {
        assert_eq!(TableKind::parse(k.id()).unwrap(), k);
    }
    let n = normalize_text(text);
    assert_eq!(
        normalize_text(&n),
        n,
        "normalize_text is not idempotent on {text:?}"
    );
}

fn catalog(rest: &[u8]) {
    let Some((&sel, csv)) = rest.split_first() else {
        return;
    };
    let scheme = SCHEMES[usize::from(sel) % SCHEMES.len()];
    let mut cat = Catalog::new();
    if let Ok(n) = cat.load_csv(scheme, 2024, csv) {
        assert_eq!(cat.entries(scheme, 2024).count(), n);
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    if sel % 9 == 8 {
        return catalog(rest);
    }
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    match sel % 9 {
        0 => codes(text),
        1 => amounts(text),
        2 => credit(text),
        3 => numerals(text),
        4 => time_limits(text),
        5 => citations(text),
        6 => words(text),
        _ => labels(text),
    }
});
