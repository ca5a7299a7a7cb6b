//! The decision table, rule by rule with its articles (`decisions.json`); 双公示 and withdrawal
//! deadlines; the information-processing fee; and the default-disclosure principle (art. 5) by
//! property testing.

use chrono::NaiveDate;
use proptest::prelude::*;
use sunlit::{
    Error, WorkCalendar,
    disclosure::{
        Category, DisclosureMode, DisclosureStage, ExemptionFact, ExemptionGround, InfoItem,
        OrganLevel, PublicityKind, Strength, decide, proactive_deadline, publicity_deadline,
        withdrawal_deadline,
    },
    request::{FeeMethod, information_fee},
};
use sunlit_tests::{date, opt_str, read_json, str_at};

fn item(v: &serde_json::Value) -> InfoItem {
    InfoItem {
        title: str_at(v, "title").to_owned(),
        organ: str_at(v, "organ").to_owned(),
        formed: date(str_at(v, "formed")),
        category: opt_str(v, "category")
            .map(|c| Category::parse(c).unwrap())
            .unwrap_or_default(),
        stage: opt_str(v, "stage").map(|s| DisclosureStage::parse(s).unwrap()),
        organ_level: opt_str(v, "organ_level").map(|s| OrganLevel::parse(s).unwrap()),
        wide_concern: v["wide_concern"].as_bool().unwrap_or(false),
        facts: v["facts"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|f| ExemptionFact::parse(f.as_str().unwrap()).unwrap())
                    .collect()
            })
            .unwrap_or_default(),
        separable: v["separable"].as_bool().unwrap_or(false),
    }
}

#[test]
fn each_rule_of_the_decision_table_with_its_articles() {
    let cal = WorkCalendar::china();
    let v = read_json("disclosure/decisions.json");
    let cases = v["cases"].as_array().unwrap();
    assert!(cases.len() >= 20);
    let mut modes = std::collections::BTreeSet::new();
    let mut grounds = std::collections::BTreeSet::new();
    for c in cases {
        let name = str_at(c, "name");
        let d = decide(&item(&c["item"]), &cal).unwrap();
        assert_eq!(d.mode.id(), str_at(c, "mode"), "{name}");
        assert_eq!(d.ground.map(|g| g.id()), opt_str(c, "ground"), "{name}");
        assert_eq!(d.strength.map(|s| s.id()), opt_str(c, "strength"), "{name}");
        assert_eq!(d.deadline, opt_str(c, "deadline").map(date), "{name}");
        let articles: Vec<&str> = c["articles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap())
            .collect();
        assert_eq!(d.articles, articles, "{name}");
        modes.insert(d.mode);
        grounds.extend(d.ground);
    }
    // every mode and every one of the eight grounds is exercised
    assert_eq!(modes.len(), DisclosureMode::ALL.len());
    assert_eq!(grounds.len(), ExemptionGround::ALL.len());
    for c in v["errors"].as_array().unwrap() {
        match decide(&item(&c["item"]), &cal) {
            Err(Error::UncoveredYear { year, .. }) => {
                assert_eq!(i64::from(year), c["year"].as_i64().unwrap());
            }
            other => panic!("{}: {other:?}", str_at(c, "name")),
        }
    }
}

#[test]
fn publicity_and_withdrawal_deadlines() {
    let cal = WorkCalendar::china();
    let v = read_json("disclosure/decisions.json");
    let articles = |c: &serde_json::Value| -> Vec<String> {
        c["articles"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap().to_owned())
            .collect()
    };
    for c in v["publicity"].as_array().unwrap() {
        let kind = PublicityKind::parse(str_at(c, "kind")).unwrap();
        let d = publicity_deadline(kind, date(str_at(c, "decided")), &cal).unwrap();
        assert_eq!(d.due, date(str_at(c, "due")), "{}", str_at(c, "name"));
        assert_eq!(d.workdays, 7);
        assert_eq!(d.articles, articles(c));
        // put online the day after the due date: late, with the rule id
        let late = d
            .check(d.due.succ_opt(), date("2030-01-01"), &cal)
            .unwrap()
            .unwrap();
        assert_eq!(late.rule, sunlit::rules::disclosure::PUBLICITY_LATE);
        assert!(d.check(Some(d.due), d.due, &cal).unwrap().is_none());
    }
    for c in v["withdrawal"].as_array().unwrap() {
        let d = withdrawal_deadline(date(str_at(c, "changed")), &cal).unwrap();
        assert_eq!(d.due, date(str_at(c, "due")), "{}", str_at(c, "name"));
        assert_eq!(d.workdays, 3);
        assert_eq!(d.articles, articles(c));
        let overdue = d
            .check(None, cal.add_workdays(d.due, 2).unwrap(), &cal)
            .unwrap()
            .unwrap();
        assert_eq!(overdue.rule, sunlit::rules::disclosure::WITHDRAWAL_LATE);
        assert_eq!(overdue.difference.unwrap().to_string(), "2");
    }
    let p = proactive_deadline(date("2024-09-20"), &cal).unwrap();
    let f = p
        .check(Some(date("2024-10-26")), date("2024-12-01"), &cal)
        .unwrap()
        .unwrap();
    assert_eq!(f.rule, sunlit::rules::disclosure::PROACTIVE_LATE);
    // published on a Saturday after the Wednesday due date: late by 2 working days (10-24, 10-25)
    assert_eq!(
        (
            f.expected.unwrap().to_string(),
            f.actual.unwrap().to_string()
        ),
        ("20".to_owned(), "22".to_owned())
    );
}

#[test]
fn information_fee_schedules() {
    let v = read_json("disclosure/decisions.json");
    for c in v["fees"].as_array().unwrap() {
        let method = FeeMethod::parse(str_at(c, "method")).unwrap();
        let q = u32::try_from(c["quantity"].as_u64().unwrap()).unwrap();
        let quote = information_fee(method, q);
        assert_eq!(
            quote.amount.to_string(),
            str_at(c, "amount"),
            "{method} {q}"
        );
        let sum: sunlit::Decimal = quote.tiers().iter().map(|t| t.amount).sum();
        assert_eq!(sum, quote.amount);
        if let Some(n) = c["tiers"].as_u64() {
            assert_eq!(quote.tiers().len() as u64, n, "{method} {q}");
        }
    }
}

fn category() -> impl Strategy<Value = Category> {
    prop::sample::select(Category::ALL.to_vec())
}

fn level() -> impl Strategy<Value = Option<OrganLevel>> {
    prop::option::of(prop::sample::select(OrganLevel::ALL.to_vec()))
}

fn facts(pool: Vec<ExemptionFact>) -> impl Strategy<Value = Vec<ExemptionFact>> {
    prop::collection::vec(prop::sample::select(pool), 0..4)
}

fn info_item(facts: impl Strategy<Value = Vec<ExemptionFact>>) -> impl Strategy<Value = InfoItem> {
    (
        category(),
        level(),
        any::<bool>(),
        facts,
        any::<bool>(),
        0i64..3000,
    )
        .prop_map(
            |(category, organ_level, wide_concern, facts, separable, day)| InfoItem {
                title: "t".into(),
                organ: "o".into(),
                formed: NaiveDate::from_ymd_opt(2010, 1, 1).unwrap() + chrono::Duration::days(day),
                category,
                stage: None,
                organ_level,
                wide_concern,
                facts,
                separable,
            },
        )
}

proptest! {
    /// 以公开为常态、不公开为例外 (art. 5): an item with no exemption fact — at most the overrides —
    /// is never withheld, in whole or in part.
    #[test]
    fn no_exemption_fact_is_never_withheld(item in info_item(facts(vec![
        ExemptionFact::ThirdPartyConsent, ExemptionFact::PublicInterest, ExemptionFact::LawRequiresDisclosure,
    ]))) {
        let d = decide(&item, &WorkCalendar::china()).unwrap();
        prop_assert!(matches!(d.mode, DisclosureMode::Proactive | DisclosureMode::OnRequest));
        prop_assert!(d.ground.is_none() && d.grounds.is_empty());
        prop_assert!(d.articles.contains(&"art. 5".to_owned()));
        prop_assert_eq!(d.deadline.is_some(), d.mode == DisclosureMode::Proactive);
    }

    /// Every withheld or partial decision rests on a fact of the item, cites the ground's
    /// article, and a mandatory fact (art. 14) always withholds.
    #[test]
    fn withholding_rests_on_a_fact(item in info_item(facts(ExemptionFact::ALL.to_vec()))) {
        let d = decide(&item, &WorkCalendar::china()).unwrap();
        let mandatory = item.facts.iter().any(|f| matches!(f,
            ExemptionFact::StateSecret | ExemptionFact::LawForbids | ExemptionFact::SecurityStability));
        if mandatory {
            prop_assert_eq!(d.strength, Some(Strength::Mandatory));
        }
        match d.ground {
            Some(g) => {
                prop_assert!(matches!(d.mode, DisclosureMode::Withheld | DisclosureMode::Partial));
                prop_assert_eq!(d.mode == DisclosureMode::Partial, item.separable);
                prop_assert!(item.facts.iter().any(|f| f.id() == g.id()));
                prop_assert!(d.articles.contains(&g.article().to_owned()));
            }
            None => prop_assert!(!mandatory),
        }
    }
}

proptest! {
    /// 国办函〔2020〕109号 arts. 4–5: for every quantity the API accepts, the tiers of a quote are
    /// few (the rising per-request tail is merged past `LISTED_TAIL_BANDS` bands), contiguous,
    /// and add up exactly to its amount and quantity.
    #[test]
    fn fee_tiers_add_up_for_any_quantity(
        method in prop::sample::select(FeeMethod::ALL.to_vec()),
        quantity in prop_oneof![0u32..2_000, any::<u32>()],
    ) {
        let quote = information_fee(method, quantity);
        let tiers = quote.tiers();
        prop_assert!(tiers.len() <= sunlit::request::FeeQuote::LISTED_TAIL_BANDS as usize + 3);
        let amount: sunlit::Decimal = tiers.iter().map(|t| t.amount).sum();
        prop_assert_eq!(amount, quote.amount);
        let units: u64 = tiers.iter().map(|t| u64::from(t.units)).sum();
        prop_assert_eq!(units, u64::from(quantity));
        let mut next = 1u64;
        for t in &tiers {
            prop_assert_eq!(u64::from(t.first), next);
            prop_assert!(t.units >= 1 && t.rate <= t.last_rate);
            next += u64::from(t.units);
        }
    }
}
