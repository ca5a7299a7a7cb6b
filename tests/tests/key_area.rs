//! Issue 15 (area15): disclosure guides read from real portal pages, the embedded key-area
//! checklist, catalogue checks against it, real OCDS releases as published facts, hostile
//! checklists and OCDS files, and policy interpretations.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use sunlit::{
    Error, WorkCalendar,
    disclosure::{
        CatalogueEntry, Category, OrganLevel,
        guide::{DisclosureGuide, GuideElement},
        interpretation::{self, InterpretationOptions},
        key_area::{
            Checklist, ItemState, Organ, OrganKind, Period, PublishedFact,
            ocds::{self, OcdsMapping},
        },
    },
};
use sunlit_tests::data_file;

fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, day)
}

fn rules_of(findings: &[sunlit::Finding]) -> Vec<(String, Option<String>)> {
    findings
        .iter()
        .map(|f| (f.rule.clone(), f.code.clone()))
        .collect()
}

#[test]
fn real_guides() {
    let read =
        |f: &str| DisclosureGuide::read_path(data_file(&format!("disclosure/guides/{f}"))).unwrap();
    let pair = |r: &str, c: &str| (r.to_owned(), Some(c.to_owned()));
    let dxal = read("daxinganling-2016.txt");
    assert_eq!(
        rules_of(&dxal.check()),
        [
            pair("guide.ambiguous", "classification"),
            pair("guide.missing_arrangement", "arrangement")
        ]
    );
    assert_eq!(dxal.found(GuideElement::Fax).unwrap().text, "0457-2730740");
    // the e-mail address right after a Chinese character (邮箱dxal…): its text, not the line
    let g = DisclosureGuide::from_text("邮箱dxalzwgkb@163.com邮编:165000");
    assert_eq!(
        g.found(GuideElement::Internet).unwrap().text,
        "dxalzwgkb@163.com"
    );
    let kedong = read("kedong.txt");
    assert_eq!(
        rules_of(&kedong.check()),
        [
            pair("guide.ambiguous", "phone"),
            pair("guide.missing_fax", "fax")
        ]
    );
    let longting = read("longting-traditional.txt");
    assert_eq!(rules_of(&longting.check()), []);
    assert_eq!(
        longting.found(GuideElement::Phone).unwrap().text,
        "0371-22786565"
    );
    assert_eq!(
        longting.found(GuideElement::Internet).unwrap().text,
        "longtingqufu@126.com"
    );
}

#[test]
fn guide_labels_without_values_are_infos_not_warnings() {
    let g = DisclosureGuide::from_text("传真、邮寄等便民措施\n办公时间：\n联系电话：见网站");
    let f = g.check();
    let ambiguous: Vec<_> = f.iter().filter(|f| f.rule == "guide.ambiguous").collect();
    assert_eq!(ambiguous.len(), 4, "{f:#?}"); // fax, hours, phone, internet (网站)
    assert!(f.iter().all(|f| f.rule != "guide.missing_fax"));
}

#[test]
fn embedded_checklist_is_valid_and_has_eight_areas() {
    let text =
        std::fs::read_to_string(data_file("../../core/data/key_areas/national.json")).unwrap();
    let list = Checklist::from_json(&text).unwrap();
    assert_eq!(list, Checklist::embedded());
    assert!(list.areas.len() >= 8);
    let names: Vec<&str> = list.areas.iter().map(|a| a.name.as_str()).collect();
    for n in [
        "预决算",
        "公共资源配置",
        "重大建设项目",
        "社会公益事业",
        "社会救助",
        "生态环境",
        "食品药品安全",
        "突发事件应对",
        "饮用水水质",
        "政策解读",
    ] {
        assert!(names.contains(&n), "{n}");
    }
    for item in list.areas.iter().flat_map(|a| &a.items) {
        assert!(item.verified || item.note.is_some(), "{}", item.id);
        assert!(!item.verified || !item.sources.is_empty(), "{}", item.id);
    }
    let budget = list.item("budget.government_budget").unwrap();
    assert_eq!(budget.citation.document, "财预〔2016〕143号");
    assert_eq!(
        budget.period,
        Some(Period::CalendarDays {
            days: 20,
            after: "本级人大或其常委会批准".into()
        })
    );
}

fn county() -> Organ {
    Organ {
        name: "某县人民政府".into(),
        level: OrganLevel::County,
        kind: OrganKind::Government,
    }
}

#[test]
fn catalogue_against_checklist_missing_late_and_on_time() {
    let e = |t: &str, formed, published| CatalogueEntry {
        title: t.into(),
        formed,
        published,
        ..Default::default()
    };
    let entries = vec![
        // approved 2024-01-10, due 01-30 (20 days), published 02-20: late
        e("某县2024年政府预算公开", d(2024, 1, 10), d(2024, 2, 20)),
        // approved 2024-07-01, published 07-15: on time
        e("某县2023年政府决算公开", d(2024, 7, 1), d(2024, 7, 15)),
        // annual report due 03-31, published 03-20
        e(
            "某县人民政府2023年政府信息公开工作年度报告",
            d(2024, 3, 20),
            d(2024, 3, 20),
        ),
        // an entry of another year does not count
        e("某县突发事件应急预案", d(2023, 5, 1), d(2023, 5, 2)),
    ];
    let report =
        Checklist::embedded().check(&entries, &[], &county(), 2024, &WorkCalendar::china());
    let state = |id: &str| report.items.iter().find(|i| i.item == id).map(|i| i.state);
    assert_eq!(state("budget.government_budget"), Some(ItemState::Late));
    assert_eq!(
        state("budget.government_final_accounts"),
        Some(ItemState::Published)
    );
    assert_eq!(
        state("annual_report.government"),
        Some(ItemState::Published)
    );
    assert_eq!(state("emergencies.plans"), Some(ItemState::Missing));
    assert_eq!(state("budget.department_budget"), None); // binds departments only
    let late = report
        .findings
        .iter()
        .find(|f| f.rule == "key_area.late")
        .unwrap();
    assert_eq!(late.code.as_deref(), Some("budget.government_budget"));
    assert!(
        late.message_zh.contains("2024-01-30") && late.message_zh.contains("财预〔2016〕143号")
    );
    assert_eq!(
        (late.expected, late.actual),
        (Some(Decimal::from(20)), Some(Decimal::from(41)))
    );
    // drinking water: quarterly, at county level
    assert!(report.findings.iter().any(|f| f.code.as_deref()
        == Some("drinking_water.safety_status")
        && f.rule == "key_area.missing"));
}

#[test]
fn an_entry_matching_two_items_is_undecided_not_missing() {
    // "年度报告" of 政府信息公开 binds both report items only when the organ is both kinds;
    // build a checklist where one title matches two items
    let text = r#"{"format": "sunlit.key_areas", "id": "t", "version": "1", "title": "t", "areas": [
      {"id": "a", "name": "A", "items": [
        {"id": "a.one", "name": "一", "publish": "x", "citation": {"document": "D"}, "keywords": {"any": ["预算"]}, "verified": true, "sources": ["u"]},
        {"id": "a.two", "name": "二", "publish": "x", "citation": {"document": "D"}, "keywords": {"any": ["公开"]}, "verified": true, "sources": ["u"]}
      ]}]}"#;
    let list = Checklist::from_json(text).unwrap();
    let entries = [CatalogueEntry {
        title: "预算公开".into(),
        published: d(2024, 3, 1),
        ..Default::default()
    }];
    let report = list.check(&entries, &[], &county(), 2024, &WorkCalendar::china());
    assert!(report.items.iter().all(|i| i.state == ItemState::Undecided));
    assert!(
        report
            .findings
            .iter()
            .all(|f| f.rule == "key_area.ambiguous")
    );
}

#[test]
fn hostile_checklists_name_line_and_field() {
    let base = |items: &str| {
        format!(
            "{{\"format\": \"sunlit.key_areas\", \"id\": \"t\", \"version\": \"1\", \"title\": \"t\",\n\"areas\": [{{\"id\": \"a\", \"name\": \"A\", \"items\": [\n{items}\n]}}]}}"
        )
    };
    let ok_item = r#"{"id": "a.x", "name": "x", "publish": "x", "citation": {"document": "D"}, "keywords": {"any": ["x"]}, "verified": true, "sources": ["u"]}"#;
    let cases: [(String, u64, &str); 7] = [
        (base(&ok_item.replace("\"verified\": true, \"sources\": [\"u\"]", "\"verified\": true")), 3, "sources"),
        (base(&ok_item.replace("\"verified\": true, \"sources\": [\"u\"]", "\"verified\": false")), 3, "note"),
        (base(&ok_item.replace("{\"any\": [\"x\"]}", "{}")), 3, "keywords"),
        (base(&format!("{ok_item},\n{ok_item}")), 3, "id"),
        (base(&ok_item.replace("\"publish\": \"x\",", "\"publish\": \"x\", \"period\": {\"kind\": \"working_days\", \"days\": 0, \"after\": \"x\"},")), 3, "period"),
        (base(&ok_item.replace("\"publish\": \"x\",", "\"publish\": \"x\", \"period\": {\"kind\": \"fixed_date\", \"month\": 2, \"day\": 30, \"year_offset\": 0},")), 3, "period"),
        (base(&ok_item.replace("\"publish\"", "\"publsh\"")), 3, "publsh"),
    ];
    for (text, line, column) in &cases {
        let err = Checklist::from_json(text).unwrap_err();
        assert!(
            matches!(&err, Error::Input { line: l, column: c, .. } if l == line && c == column),
            "{column}: {err:?}"
        );
    }
    for text in [
        "",
        "{",
        "[]",
        "\u{feff}{}",
        "{\"format\": \"x\", \"format\": \"y\"}",
        "null",
    ] {
        assert!(Checklist::from_json(text).is_err(), "{text:?}");
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("province.json");
    std::fs::write(&path, &cases[0].0).unwrap();
    let err = Checklist::from_path(&path).unwrap_err();
    assert!(err.to_string().contains("province.json"), "{err}");
}

#[test]
fn real_ocds_releases_give_exact_facts() {
    let moldova = ocds::read_path(
        data_file("disclosure/ocds/moldova-ocds-ngfbwp-17634378.json"),
        &OcdsMapping::default(),
    )
    .unwrap();
    assert_eq!(moldova.len(), 3);
    let (tender, award, contract) = (&moldova[0], &moldova[1], &moldova[2]);
    assert_eq!(
        tender.item.as_deref(),
        Some("public_resources.procurement_notice")
    );
    assert_eq!(
        (tender.formed, tender.published, tender.amount),
        (d(2017, 2, 3), d(2017, 2, 3), None)
    );
    assert_eq!(
        (award.formed, award.amount),
        (None, Some(Decimal::new(1_807_392, 1)))
    );
    assert_eq!(award.currency.as_deref(), Some("mdl"));
    assert_eq!(
        (contract.formed, contract.amount.map(|a| a.to_string())),
        (d(2017, 2, 23), Some("180739.2".into()))
    );
    let montreal = ocds::read_path(
        data_file("disclosure/ocds/montreal-ocds-a1234567-mt-f1347447.json"),
        &OcdsMapping::major_projects(),
    )
    .unwrap();
    let award = montreal
        .iter()
        .find(|f| f.title.contains("awards"))
        .unwrap();
    assert_eq!(
        award.amount.map(|a| a.to_string()).as_deref(),
        Some("10656.23")
    );
    assert_eq!(award.item.as_deref(), Some("major_projects.tender"));
    // the facts feed the checklist: 2017, an organ bound by the procurement items
    let organ = Organ {
        name: "PRIMĂRIA COMUNEI COCIERI".into(),
        level: OrganLevel::Township,
        kind: OrganKind::Government,
    };
    let cal = WorkCalendar::china();
    let report = Checklist::embedded().check(&[], &moldova, &organ, 2017, &cal);
    let state = |id: &str| report.items.iter().find(|i| i.item == id).map(|i| i.state);
    assert_eq!(
        state("public_resources.procurement_notice"),
        Some(ItemState::Published)
    );
    assert_eq!(
        state("public_resources.procurement_contract"),
        Some(ItemState::Published)
    );
    // the award's date is blank: its 2 working days cannot be checked — said, not guessed
    assert_eq!(
        state("public_resources.procurement_award"),
        Some(ItemState::Undecided)
    );
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.rule == "key_area.ambiguous"
                && f.code.as_deref() == Some("public_resources.procurement_award"))
    );
}

#[test]
fn hostile_ocds() {
    let m = OcdsMapping::default();
    let cases: [(&str, &str); 8] = [
        (r#"{"date": "2024-13-45"}"#, "date"),
        (
            r#"{"date": "2024-01-01", "awards": [{"date": 5}]}"#,
            "awards.date",
        ),
        (
            r#"{"date": "2024-01-01", "awards": [{"value": {"amount": "12,5"}}]}"#,
            "awards.value.amount",
        ),
        (
            r#"{"date": "2024-01-01", "contracts": [{"value": {"amount": true}}]}"#,
            "contracts.value.amount",
        ),
        (
            r#"{"date": "2024-01-01", "tender": {"value": {"amount": 79228162514264337593543950336.5}}}"#,
            "tender.value.amount",
        ),
        (
            r#"{"date": "2024-01-01", "tender": {"title": {"zh": "x"}}}"#,
            "tender.title",
        ),
        (
            r#"{"date": "2024-01-01", "tender": {"id": []}}"#,
            "tender.id",
        ),
        (r#"{"ocid": 1.5e3, "date": ["2024"]}"#, "date"),
    ];
    for (text, column) in cases {
        let err = ocds::read(text, &m).unwrap_err();
        assert!(
            matches!(&err, Error::Input { column: c, line: 1, .. } if c == column),
            "{text}: {err:?}"
        );
    }
    for text in [
        "",
        "[",
        "{\"releases\": 5}",
        "{\"awards\": {}}",
        "{\"date\": \"2024-01-01\", \"date\": \"2024-01-02\"}",
        "{\"tender\": \"x\"}",
    ] {
        assert!(ocds::read(text, &m).is_err(), "{text:?}");
    }
    // an amount beyond f64 precision stays exact
    let facts = ocds::read(r#"{"date": "2024-01-01", "awards": [{"value": {"amount": 0.1000000000000000055511151231}}]}"#, &m).unwrap();
    assert_eq!(
        facts[0].amount.unwrap().to_string(),
        "0.1000000000000000055511151231"
    );
    // a negative or exponent amount is read as written
    let facts = ocds::read(r#"{"awards": [{"value": {"amount": -1.5E2}}]}"#, &m).unwrap();
    assert_eq!(facts[0].amount, Some(Decimal::from(-150)));
}

#[test]
fn interpretations_pair_check_and_count() {
    let e = |t: &str, number: Option<&str>, cat, published| CatalogueEntry {
        title: t.into(),
        document_number: number.map(str::to_owned),
        category: cat,
        published,
        ..Default::default()
    };
    let entries = vec![
        e(
            "某县人民政府关于印发某县养老服务补贴办法的通知",
            Some("某政发〔2024〕3号"),
            Category::Regulations,
            d(2024, 3, 1),
        ),
        e(
            "《某县养老服务补贴办法》政策解读",
            None,
            Category::Other,
            d(2024, 3, 1),
        ),
        e(
            "某县人民政府办公室关于印发某县河长制工作方案的通知",
            Some("某政办发〔2024〕9号"),
            Category::Regulations,
            d(2024, 4, 1),
        ),
        e(
            "某政办发〔2024〕9号文件解读",
            None,
            Category::Other,
            d(2024, 4, 8),
        ),
        e(
            "某县人民政府关于某某事项的通告",
            Some("某政通〔2024〕1号"),
            Category::Regulations,
            d(2024, 5, 6),
        ),
    ];
    let policies = interpretation::pair(&entries);
    assert_eq!(
        policies
            .iter()
            .map(|p| p.interpretations.len())
            .collect::<Vec<_>>(),
        [1, 1, 0]
    );
    let cal = WorkCalendar::china();
    let national =
        interpretation::check(&policies, &InterpretationOptions::default(), &cal).unwrap();
    assert_eq!(
        national.iter().map(|f| f.rule.as_str()).collect::<Vec<_>>(),
        ["interpretation.late", "interpretation.missing"]
    );
    let local = InterpretationOptions {
        workdays: 5,
        rule: "郑州 2016: 3个工作日 (example)".into(),
    };
    let f = interpretation::check(&policies, &local, &cal).unwrap();
    assert_eq!(
        f.iter().map(|f| f.rule.as_str()).collect::<Vec<_>>(),
        ["interpretation.missing"]
    );
    let counts =
        interpretation::counts(&policies, &InterpretationOptions::default(), &cal).unwrap();
    assert_eq!(counts.len(), 1);
    let c = &counts[0];
    assert_eq!(
        (
            c.year,
            c.policies,
            c.interpreted,
            c.on_time,
            c.interpretations
        ),
        (2024, 3, 2, 1, 2)
    );
    assert_eq!(c.proactive_cell().value, Some(Decimal::from(3)));
}

#[test]
fn facts_with_explicit_items_match_only_that_item() {
    let fact = PublishedFact {
        item: Some("major_projects.approval".into()),
        title: "预算 采购公告 解读".into(), // words of other items are ignored
        formed: d(2024, 6, 3),
        published: d(2024, 6, 4),
        ..Default::default()
    };
    let report = Checklist::embedded().check(&[], &[fact], &county(), 2024, &WorkCalendar::china());
    let published: Vec<&str> = report
        .items
        .iter()
        .filter(|i| i.state == ItemState::Published)
        .map(|i| i.item.as_str())
        .collect();
    assert_eq!(published, ["major_projects.approval"]);
}

#[test]
fn a_guide_in_a_workbook_or_csv_goes_through_the_document_readers() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("guide.csv");
    std::fs::write(
        &path,
        "项目,内容\n工作机构,某县人民政府办公室\n办公时间,周一至周五 8:30-17:30\n传真,0123-4567890\n",
    )
    .unwrap();
    let g = DisclosureGuide::read_path(&path).unwrap();
    assert!(
        g.found(GuideElement::Fax).is_some_and(|f| f.clear),
        "{g:#?}"
    );
    assert!(
        g.found(GuideElement::Hours).is_some_and(|f| f.clear),
        "{g:#?}"
    );
    assert!(
        g.found(GuideElement::OfficeName).is_some_and(|f| f.clear),
        "{g:#?}"
    );
    assert!(DisclosureGuide::read_path(dir.path().join("none.pdf")).is_err());
}
