//! The disclosure catalogue (政府信息公开目录) of a real organ: 60 entries of the State Council
//! policy library on www.gov.cn (索引号 front part 000014349, the organization code of 国务院办公厅),
//! as printed on each item's page (tests/data/disclosure/catalogue/SOURCE.md). It loads, every
//! index number parses, and what the checks find is pinned and explained.

use std::collections::BTreeMap;

use sunlit::{
    Error, Severity, WorkCalendar,
    disclosure::{
        Category, OrganLevel,
        catalogue::{
            CatalogueCheckOptions, CatalogueIndex, DisclosureCatalogue, IndexKind, IndexNumber,
            SearchQuery,
        },
    },
};

const FILE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/disclosure/catalogue/state_council_000014349.csv"
);

fn load() -> DisclosureCatalogue {
    let mut c = DisclosureCatalogue::read_csv_path(FILE).unwrap();
    c.organ = Some("国务院办公厅".into());
    c.level = Some(OrganLevel::National);
    c
}

#[test]
fn it_loads_and_every_index_number_parses_as_an_organization_code() {
    let c = load();
    assert_eq!(c.len(), 60);
    for e in &c.entries {
        let n = IndexNumber::parse(&e.index).unwrap();
        assert_eq!(n.kind, IndexKind::OrganizationCode, "{}", e.index);
        assert_eq!(n.organ, "000014349");
        assert_eq!(n.check_ok, Some(true));
        assert!(e.formed.is_some() && e.published.is_some(), "{}", e.index);
        assert!(
            e.source
                .as_deref()
                .is_some_and(|u| u.starts_with("http://www.gov.cn/zhengce/"))
        );
    }
}

#[test]
fn what_the_checks_find_and_why() {
    let c = load();
    let cal = WorkCalendar::china();
    let opts = CatalogueCheckOptions {
        years: vec![2018],
        ..CatalogueCheckOptions::for_level(OrganLevel::National)
    };
    let findings = c.check(&opts, &cal).unwrap();
    let mut count: BTreeMap<&str, usize> = BTreeMap::new();
    for f in findings.iter() {
        *count.entry(f.rule.as_str()).or_default() += 1;
    }
    // Zero errors: no entry formed since 2008-05-01 was published late, no duplicate, every
    // check digit right.
    assert_eq!(findings.error_count(), 0);
    assert!(findings.iter().all(|f| f.severity != Severity::Error));
    assert_eq!(
        count,
        BTreeMap::from([
            ("directory.date_unchecked", 26),
            ("directory.missing_category", 2),
            ("directory.uncategorised", 1),
        ])
    );
    // 26 historical documents (1981–2006) published in November/December 2018: formed before the
    // Regulations took effect, so no period applies — said, not flagged.
    let old = findings
        .iter()
        .find(|f| f.code.as_deref() == Some("000014349/1981-00021"))
        .unwrap();
    assert!(
        old.message_en
            .contains("formed 1981-05-23, before the Regulations took effect on 2008-05-01")
    );
    // The slice has no 统计 and no 预决算 entry in 2018 (a warning about this listing).
    let missing: Vec<&str> = findings
        .iter()
        .filter(|f| f.rule == "directory.missing_category")
        .filter_map(|f| f.code.as_deref())
        .collect();
    assert_eq!(missing, ["statistics", "budgets"]);
    let other = findings
        .iter()
        .find(|f| f.rule == "directory.uncategorised")
        .unwrap();
    assert!(other.message_en.starts_with("49 of 60 entries"));
}

#[test]
fn the_slowest_entry_took_exactly_twenty_working_days() {
    // 国办发〔2018〕118号: formed 2018-12-05, published 2019-01-03 — 20 working days counting the
    // make-up working Saturday 2018-12-29 and skipping 2018-12-31 and 2019-01-01: on time.
    let c = load();
    let cal = WorkCalendar::china();
    let mut taken: Vec<(i64, &str)> = c
        .entries
        .iter()
        .filter(|e| e.formed.unwrap() >= chrono::NaiveDate::from_ymd_opt(2008, 5, 1).unwrap())
        .map(|e| {
            let n = cal
                .workdays_between(e.formed.unwrap(), e.published.unwrap())
                .unwrap();
            (n, e.index.as_str())
        })
        .collect();
    taken.sort();
    assert_eq!(taken.len(), 34);
    assert_eq!(taken.last(), Some(&(20, "000014349/2018-00226")));
    // One working day later would have been late, and the check says so with its numbers.
    let mut late = c.clone();
    let e = late
        .entries
        .iter_mut()
        .find(|e| e.index == "000014349/2018-00226")
        .unwrap();
    e.published = chrono::NaiveDate::from_ymd_opt(2019, 1, 4);
    let opts = CatalogueCheckOptions {
        years: vec![2018],
        ..CatalogueCheckOptions::default()
    };
    let findings = late.check(&opts, &cal).unwrap();
    let f = findings
        .iter()
        .find(|f| f.rule == "directory.late")
        .unwrap();
    assert_eq!(
        f.message_en,
        "000014349/2018-00226 «国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见»: \
         formed 2018-12-05, due 2019-01-03 (20 working days), published 2019-01-04: 21 working days"
    );
    assert_eq!(f.severity, Severity::Error);
}

#[test]
fn categories_from_the_portal_subjects() {
    let c = load();
    let by = |cat: Category| c.entries.iter().filter(|e| e.category == cat).count();
    assert_eq!(by(Category::Regulations), 2); // 国令第706号, 国令第707号
    assert!(by(Category::Livelihood) >= 5); // 扶贫, 教育, 劳动就业
    assert!(by(Category::Emergencies) >= 2); // 综合政务\应急管理
    assert_eq!(by(Category::Other), 49);
}

#[test]
fn search_finds_the_same_entries_with_and_without_the_index() {
    let c = load();
    let index = CatalogueIndex::build(&c);
    for (text, n) in [
        ("教育", 2),
        ("应急", 2),
        ("国务院办公厅 答复", 5),
        ("不存在的词", 0),
    ] {
        let q = SearchQuery {
            text: Some(text.into()),
            ..Default::default()
        };
        let scan = c.search(&q);
        assert_eq!(scan.len(), n, "{text}");
        assert_eq!(index.search(&c, &q).unwrap(), scan, "{text}");
    }
    let q = SearchQuery {
        from: chrono::NaiveDate::from_ymd_opt(2019, 1, 1),
        category: Some(Category::Livelihood),
        ..Default::default()
    };
    assert!(
        c.search(&q)
            .iter()
            .all(|e| e.published >= chrono::NaiveDate::from_ymd_opt(2019, 1, 1))
    );
}

#[test]
fn round_trips_through_csv_and_json() {
    let c = load();
    let csv = c.to_csv_string().unwrap();
    let mut back = DisclosureCatalogue::read_csv_str(&csv).unwrap();
    back.organ = c.organ.clone();
    back.level = c.level;
    assert_eq!(back, c);
    assert_eq!(DisclosureCatalogue::from_json(&c.to_json()).unwrap(), c);
}

#[test]
fn a_malformed_index_number_is_an_error_naming_line_column_and_value() {
    let text = std::fs::read_to_string(FILE)
        .unwrap()
        .replace("000014349/2018-00213", "000014349/2018-0O213");
    let err = DisclosureCatalogue::read_csv_str(&text).unwrap_err();
    assert!(
        matches!(err, Error::Input { line: 39, ref column, ref value, .. }
            if column == "索引号" && value == "000014349/2018-0O213"),
        "{err:?}"
    );
}

#[test]
fn the_real_index_number_variants() {
    for (text, kind) in [
        ("000014349/2019-00007", IndexKind::OrganizationCode), // www.gov.cn
        ("6107280000/2024-001005", IndexKind::LocalCode),      // 镇巴县, zb.gov.cn
    ] {
        assert_eq!(IndexNumber::parse(text).unwrap().kind, kind);
    }
}

/// Every `directory.*` rule on a small made-up catalogue of a county government (not real data).
#[test]
fn every_rule_fires_where_it_should_and_explains_itself() {
    let csv = "索引号,标题,主题分类,生成日期,发布日期\n\
        11370000MB28542883/2023-00001,2023年部门预算公开,,2023-02-01,2023-02-10\n\
        11370000MB28542867/2023-00002,2023年城乡低保标准,,2023-03-01,2023-03-02\n\
        11370000MB28542883/2023-00002,关于集体土地征收的公告,,2023-05-04,2023-05-05\n\
        11370000MB28542883/2023-00002,县政府工作规则,,2022-12-30,2023-01-03\n\
        ,无索引号的通知,,2023-06-01,\n\
        6107280000/2023-000001,发布早于生成,,2023-07-10,2023-07-01\n";
    let c = DisclosureCatalogue::read_csv_str(csv).unwrap();
    let opts = CatalogueCheckOptions {
        years: vec![2023],
        as_of: chrono::NaiveDate::from_ymd_opt(2024, 6, 30),
        ..CatalogueCheckOptions::for_level(OrganLevel::County)
    };
    let findings = c.check(&opts, &WorkCalendar::china()).unwrap();
    let of = |rule: &str| {
        findings
            .iter()
            .filter(|f| f.rule == rule)
            .collect::<Vec<_>>()
    };
    let bad = of("directory.bad_check_character");
    assert_eq!(bad.len(), 1);
    assert!(
        bad[0].message_en.contains("11370000MB28542867") && bad[0].message_en.contains("GB 32100")
    );
    let dup = of("directory.duplicate_index");
    assert_eq!(dup.len(), 1);
    assert_eq!(
        dup[0].message_en,
        "index number 11370000MB28542883/2023-00002 is carried by entries 3, 4"
    );
    assert_eq!(of("directory.index_year_mismatch").len(), 1); // formed 2022-12-30, numbered 2023
    assert_eq!(of("directory.no_index").len(), 1);
    assert_eq!(of("directory.date_unchecked").len(), 1); // the blank 发布日期
    assert_eq!(of("directory.published_before_formed").len(), 1);
    assert!(of("directory.late").is_empty());
    // budgets, social assistance and land expropriation have entries in 2023; the other required
    // categories of a county government do not
    let missing: Vec<&str> = of("directory.missing_category")
        .iter()
        .filter_map(|f| f.code.as_deref())
        .collect();
    assert!(
        !missing.contains(&"budgets")
            && !missing.contains(&"social_assistance")
            && !missing.contains(&"land_expropriation")
    );
    assert!(missing.contains(&"housing_expropriation") && missing.contains(&"public_order"));
    // nothing new since 2023 by 2024-06-30: every category with entries is stale
    let stale = of("directory.stale_category");
    assert!(stale.iter().any(|f| f.code.as_deref() == Some("budgets")
        && f.message_en.contains("latest entry 2023-02-10")));
    assert_eq!(of("directory.uncategorised").len(), 1);
}

#[test]
fn gbk_and_xlsx_read_the_same_entries() {
    let c = load();
    let text = std::fs::read_to_string(FILE).unwrap();
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable);
    assert_eq!(
        DisclosureCatalogue::read_csv(&gbk[..]).unwrap().entries,
        c.entries
    );
    let xlsx = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/disclosure/catalogue/state_council_first5.xlsx"
    );
    assert_eq!(
        DisclosureCatalogue::read_xlsx_path(xlsx).unwrap().entries,
        c.entries[..5]
    );
}

/// The real listing names 60 numbered documents and no interpretation (the State Council lists
/// its 解读 in a column of its own). Only the titles that name a policy instrument count as
/// policies — not the 批复, the personnel notices — and with no interpretation in the listing at
/// all the check says so once, as an info, instead of a `missing` warning per document.
#[test]
fn interpretations_of_the_real_listing_are_not_guessed_missing() {
    use sunlit::disclosure::interpretation::{self, InterpretationOptions};
    let c = load();
    let policies = interpretation::pair(&c.entries);
    assert!(
        policies.len() < c.len(),
        "{} of {}",
        policies.len(),
        c.len()
    );
    let titles: Vec<&str> = policies.iter().map(|p| p.policy.title.as_str()).collect();
    assert!(
        titles
            .iter()
            .all(|t| !t.contains("批复") && !t.contains("组成人员")),
        "{titles:?}"
    );
    let f = interpretation::check(
        &policies,
        &InterpretationOptions::default(),
        &WorkCalendar::china(),
    )
    .unwrap();
    let rules: Vec<&str> = f.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(rules, ["interpretation.none_listed"]);
    assert_eq!(f[0].severity, Severity::Info);
    assert!(
        f[0].message_en
            .contains(&format!("{} policy documents", policies.len()))
    );
}
