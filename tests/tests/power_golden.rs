//! Power lists (权责清单): the two versions of the synthetic 示例市交通运输局 list in
//! `tests/data/power` — validation, diff, CSV/JSON round trips — and the tables of written
//! citations, legal-basis cells, credit codes and malformed rows.

use sunlit::{
    Error, PowerList, Severity, WorkCalendar,
    power::{
        ChangeLog, CreditCode, DutyKind, DutyOptions, LegalBasis, PowerCategory, PowerChangeKind,
        PowerField, credit_code_check_char, parse_citation,
    },
};
use sunlit_tests::{data_file, field, read_table, unescape};

fn list(version: u8) -> PowerList {
    PowerList::read_csv_path(data_file(&format!("power/list_v{version}.csv"))).expect("golden list")
}

fn opt_u32(text: &str) -> Option<u32> {
    (!text.is_empty()).then(|| text.parse().expect("number"))
}

#[test]
fn v1_covers_every_category_and_reads_aliases() {
    let l = list(1);
    assert_eq!(l.len(), 36);
    for c in PowerCategory::ALL {
        assert!(
            l.items.iter().any(|i| i.category == *c),
            "no item of category {c}"
        );
    }
    let first = &l.items[0];
    assert_eq!(first.name, "公路建设项目施工许可");
    assert_eq!(first.basic_code.as_deref(), Some("XK00101000"));
    assert_eq!(first.responsibilities.len(), 6);
    assert!(first.responsibilities[0].starts_with("受理责任"));
    assert_eq!(first.procedure, ["受理", "审查", "决定", "送达"]);
    assert_eq!(first.risk_points.len(), 2);
    assert_eq!(
        first
            .statutory_limit
            .as_ref()
            .map(ToString::to_string)
            .as_deref(),
        Some("20个工作日")
    );
    assert_eq!(
        first.extra.get("审核组意见").map(String::as_str),
        Some("同意")
    );
    let split = l.find("XK00102000")[0];
    assert_eq!(
        split.sub_items,
        ["占用、挖掘公路许可", "跨越、穿越公路修建桥梁许可"]
    );
    assert_eq!(split.legal_basis.citations.len(), 3);
    let local = l.find("DF00001000")[0];
    assert_eq!(
        (local.category, local.category_label.as_str()),
        (PowerCategory::Local, "非行政许可审批")
    );
}

#[test]
fn v1_findings_are_exactly_the_planted_problems() {
    let findings = list(1).check();
    let expected = read_table("power/list_v1_findings.tsv", b'\t');
    let actual: Vec<[String; 4]> = findings
        .iter()
        .map(|f| {
            [
                f.severity.id().to_owned(),
                f.rule.clone(),
                f.code.clone().unwrap_or_default(),
                f.column.clone().unwrap_or_default(),
            ]
        })
        .collect();
    let expected: Vec<[String; 4]> = expected
        .iter()
        .map(|r| ["severity", "rule", "code", "column"].map(|c| field(r, c).to_owned()))
        .collect();
    assert_eq!(actual, expected);
    let dup = findings
        .iter()
        .find(|f| f.rule == sunlit::rules::power::DUPLICATE_CODE)
        .unwrap();
    assert_eq!(dup.actual.map(|d| d.to_string()).as_deref(), Some("2"));
    let late = findings
        .iter()
        .find(|f| f.rule == sunlit::rules::power::PROMISED_EXCEEDS_STATUTORY)
        .unwrap();
    assert_eq!(
        (
            late.expected.unwrap().to_string(),
            late.actual.unwrap().to_string()
        ),
        ("20".into(), "25".into())
    );
    assert_eq!(
        findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count(),
        7
    );
}

/// `changes` are exactly the rows of a diff table (kind, code, name, old, new, fields).
fn assert_changes(changes: &[sunlit::power::PowerChange], table: &str) {
    let expected = read_table(table, b'\t');
    assert_eq!(changes.len(), expected.len(), "{table}: {changes:#?}");
    for (c, row) in changes.iter().zip(&expected) {
        let codes = |refs: &[sunlit::power::PowerItemRef]| {
            refs.iter()
                .map(|r| r.code.clone().unwrap_or_default())
                .collect::<Vec<_>>()
                .join("|")
        };
        let fields = c
            .fields
            .iter()
            .map(|f| f.field.id())
            .collect::<Vec<_>>()
            .join("|");
        assert_eq!(
            [
                c.kind.id(),
                c.code.as_deref().unwrap_or(""),
                c.name.as_str(),
                &codes(&c.old),
                &codes(&c.new),
                &fields
            ],
            ["kind", "code", "name", "old", "new", "fields"].map(|k| field(row, k)),
            "{table}"
        );
    }
}

/// A split or merge in which one item keeps its code is reported as such, not as a change
/// plus an added or cancelled item; a renamed item next to an unrelated new item under the same
/// article stays a change and an addition.
#[test]
fn diff_finds_splits_and_merges_that_keep_a_code() {
    let read = |f: &str| PowerList::read_csv_path(data_file(&format!("power/{f}"))).unwrap();
    let (old, new) = (read("regroup_v1.csv"), read("regroup_v2.csv"));
    assert_changes(&PowerList::diff(&old, &new), "power/diff_regroup.tsv");
    // Deterministic: row order does not matter.
    let mut shuffled = new.clone();
    shuffled.items.reverse();
    assert_eq!(
        PowerList::diff(&old, &shuffled),
        PowerList::diff(&old, &new)
    );
    let mut shuffled = old.clone();
    shuffled.items.rotate_left(2);
    assert_eq!(
        PowerList::diff(&shuffled, &new),
        PowerList::diff(&old, &new)
    );
}

#[test]
fn diff_v1_v2_is_exactly_the_expected_changes() {
    let changes = PowerList::diff(&list(1), &list(2));
    assert_changes(&changes, "power/diff_v1_v2.tsv");
    // Every kind of change occurs.
    for kind in PowerChangeKind::ALL {
        assert!(changes.iter().any(|c| c.kind == *kind), "no {kind}");
    }
    let promised = changes
        .iter()
        .find(|c| c.name == "公路建设项目施工许可")
        .unwrap();
    assert_eq!(
        (
            promised.fields[0].old.as_str(),
            promised.fields[0].new.as_str()
        ),
        ("10个工作日", "7个工作日")
    );
    let delegated = changes
        .iter()
        .find(|c| c.kind == PowerChangeKind::Delegated)
        .unwrap();
    let levels = delegated
        .fields
        .iter()
        .find(|f| f.field == PowerField::Levels)
        .unwrap();
    assert_eq!((levels.old.as_str(), levels.new.as_str()), ("市级", "县级"));
}

#[test]
fn diff_is_deterministic_and_ignores_row_order() {
    let (v1, v2) = (list(1), list(2));
    let changes = PowerList::diff(&v1, &v2);
    let mut shuffled = v2.clone();
    shuffled.items.reverse();
    let mut old_shuffled = v1.clone();
    old_shuffled.items.rotate_left(7);
    assert_eq!(PowerList::diff(&old_shuffled, &shuffled), changes);
    assert!(PowerList::diff(&v1, &v1).is_empty());
    assert!(PowerList::diff(&v2, &shuffled).is_empty());
}

#[test]
fn change_log_records_every_change_and_round_trips() {
    let changes = PowerList::diff(&list(1), &list(2));
    let log = ChangeLog::from_changes(
        &changes,
        Some("示例府办发〔2025〕1号"),
        "2025-01-01".parse().ok(),
    );
    assert_eq!(log.records.len(), changes.len());
    let merged = log
        .records
        .iter()
        .find(|r| r.kind == PowerChangeKind::Merged)
        .unwrap();
    assert_eq!(
        merged.remarks.as_deref(),
        Some("由道路旅客运输经营许可（XK00103000）、道路货物运输经营许可（XK00104000）合并")
    );
    let csv = log.to_csv_string().unwrap();
    assert_eq!(ChangeLog::read_csv_str(&csv).unwrap(), log);
    assert_eq!(ChangeLog::from_json(&log.to_json()).unwrap(), log);
}

#[test]
fn csv_and_json_round_trip_every_item() {
    for v in [1, 2] {
        let l = list(v);
        let again = PowerList::read_csv_str(&l.to_csv_string().unwrap()).unwrap();
        assert_eq!(again, l, "csv v{v}");
        let mut with_meta = l.clone();
        with_meta.organ = Some("示例市交通运输局".into());
        with_meta.effective = "2025-01-01".parse().ok();
        assert_eq!(
            PowerList::from_json(&with_meta.to_json()).unwrap(),
            with_meta,
            "json v{v}"
        );
    }
}

#[test]
fn citations_parse_as_written() {
    let rows = read_table("power/citations.tsv", b'\t');
    assert!(rows.len() >= 30);
    for row in &rows {
        let text = field(row, "text");
        match (field(row, "ok"), parse_citation(text)) {
            ("yes", Ok(c)) => {
                assert_eq!(c.law, field(row, "law"), "{text}");
                assert_eq!(
                    c.note.as_deref().unwrap_or(""),
                    field(row, "note"),
                    "{text}"
                );
                assert_eq!(c.article, opt_u32(field(row, "article")), "{text}");
                assert_eq!(c.paragraph, opt_u32(field(row, "paragraph")), "{text}");
                assert_eq!(c.item, opt_u32(field(row, "item")), "{text}");
            }
            (
                "no",
                Err(Error::Field {
                    field: f, value, ..
                }),
            ) => {
                assert_eq!((f, value.as_str()), ("citation", text));
            }
            (ok, other) => panic!("{text}: expected ok={ok}, got {other:?}"),
        }
    }
}

#[test]
fn legal_basis_cells_give_their_citations_and_leftovers() {
    for row in read_table("power/bases.tsv", b'\t') {
        let text = unescape(field(&row, "text"));
        let b = LegalBasis::parse(&text);
        let split = |s: &str| -> Vec<String> {
            if s.is_empty() {
                vec![]
            } else {
                s.split(" | ").map(str::to_owned).collect()
            }
        };
        let canonical: Vec<String> = b.citations.iter().map(|c| c.canonical()).collect();
        assert_eq!(canonical, split(field(&row, "citations")), "{text}");
        assert_eq!(b.unparsed, split(field(&row, "unparsed")), "{text}");
    }
}

/// Text after a citation that is not a quotation or a closing formula is not dropped: every
/// basis cell of `bases.tsv` with a leftover makes `check()` warn with exactly that leftover.
#[test]
fn leftover_basis_text_is_a_finding() {
    let mut csv = String::from("权力分类,事项名称,编码,设定依据,责任事项\n");
    let mut expected = Vec::new();
    for (n, row) in read_table("power/bases.tsv", b'\t').iter().enumerate() {
        let text = unescape(field(row, "text"));
        let unparsed = field(row, "unparsed");
        if unparsed.is_empty() || LegalBasis::parse(&text).citations.is_empty() {
            continue;
        }
        let quoted = format!("\"{}\"", text.replace('"', "\"\""));
        csv.push_str(&format!("行政处罚,事项{n},CF{n:03},{quoted},立案责任\n"));
        for part in unparsed.split(" | ") {
            expected.push((format!("CF{n:03}"), part.to_owned()));
        }
    }
    assert!(expected.len() >= 8, "{expected:?}");
    let list = PowerList::read_csv_str(&csv).expect("list");
    let found: Vec<(String, String)> = list
        .check()
        .iter()
        .filter(|f| f.rule == sunlit::rules::power::CITATION_UNPARSED)
        .map(|f| {
            let code = f.code.clone().unwrap_or_default();
            let part = expected
                .iter()
                .find(|(c, p)| *c == code && f.message_zh.contains(p.as_str()))
                .map(|(_, p)| p.clone())
                .unwrap_or_else(|| panic!("unexpected finding {f:?}"));
            (code, part)
        })
        .collect();
    let mut want = expected.clone();
    want.sort();
    let mut got = found;
    got.sort();
    assert_eq!(got, want);
}

#[test]
fn credit_code_check_characters() {
    let rows = read_table("power/credit_codes.tsv", b'\t');
    assert!(rows.len() >= 15);
    for row in &rows {
        let code = field(row, "code");
        assert_eq!(
            CreditCode::is_valid(code),
            field(row, "valid") == "yes",
            "{code:?}"
        );
        let first17: String = code.trim().chars().take(17).collect();
        match field(row, "check") {
            "" => assert!(
                code.trim().chars().count() != 18 || credit_code_check_char(&first17).is_err(),
                "{code:?}"
            ),
            check => assert_eq!(
                credit_code_check_char(&first17).unwrap().to_string(),
                check,
                "{code:?}"
            ),
        }
    }
}

const HEADER: &str = "序号,权力分类,事项名称,设定依据,行使层级,实施主体性质,法定办结时限,承诺办结时限,是否收费,风险环节,风险等级";
const GOOD: &str = "2,行政许可,乙,《行政许可法》第十二条,省级,法定机关,20个工作日,10个工作日,否,,";

#[test]
fn every_bad_row_names_line_column_and_value() {
    let rows = read_table("power/bad_rows.tsv", b'\t');
    assert!(rows.len() >= 15);
    for row in &rows {
        let name = field(row, "name");
        let text = match field(row, "header") {
            "" => format!("{HEADER}\n{GOOD}\n{}\n", unescape(field(row, "row"))),
            header => format!("{header}\n"),
        };
        match PowerList::read_csv_str(&text) {
            Err(Error::Input {
                line,
                column,
                value,
                ..
            }) => assert_eq!(
                (line.to_string(), column, value),
                (
                    field(row, "line").to_owned(),
                    field(row, "column").to_owned(),
                    unescape(field(row, "value"))
                ),
                "{name}"
            ),
            other => panic!("{name}: expected an input error, got {other:?}"),
        }
    }
}

fn dated_v2() -> (PowerList, DutyOptions) {
    let mut v2 = list(2);
    v2.effective = "2025-01-01".parse().ok();
    let changes = PowerList::diff(&list(1), &v2);
    let opts = DutyOptions {
        change_workdays: 3,
        changes: ChangeLog::from_changes(&changes, Some("示例府办发〔2025〕1号"), None).records,
        ..DutyOptions::default()
    };
    (v2, opts)
}

#[test]
fn disclosure_duties_of_v2_are_exactly_the_expected_ones() {
    let (v2, opts) = dated_v2();
    let duties = v2.disclosure_duties(&opts, &WorkCalendar::china()).unwrap();
    let expected = read_table("power/duties_v2.tsv", b'\t');
    let show = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
    let actual: Vec<[String; 5]> = duties
        .iter()
        .map(|d| {
            [
                d.kind.id().to_owned(),
                d.code.clone().unwrap_or_default(),
                d.workdays.to_string(),
                show(d.start),
                show(d.due),
            ]
        })
        .collect();
    let expected: Vec<[String; 5]> = expected
        .iter()
        .map(|r| ["kind", "code", "workdays", "start", "due"].map(|c| field(r, c).to_owned()))
        .collect();
    assert_eq!(actual, expected);
    let rules = duties
        .iter()
        .find(|d| d.kind == DutyKind::EnforcementRules)
        .unwrap();
    assert_eq!(rules.articles, ["art. 20(6)", "art. 26"]);
    let publicity = duties
        .iter()
        .find(|d| d.kind == DutyKind::DecisionPublicity)
        .unwrap();
    assert_eq!(publicity.articles, ["国办发〔2015〕51号 (十八)"]);
}

/// A list change cites art. 26 only when it is published within art. 26's 20 working days;
/// another period cites the caller's source, or says the caller set it.
#[test]
fn list_change_duties_cite_the_source_of_their_period() {
    let (v2, opts) = dated_v2();
    let cal = WorkCalendar::china();
    let articles = |opts: &DutyOptions| -> Vec<Vec<String>> {
        let duties = v2.disclosure_duties(opts, &cal).unwrap();
        let changes: Vec<_> = duties
            .into_iter()
            .filter(|d| d.kind == DutyKind::ListChange)
            .map(|d| d.articles)
            .collect();
        assert_eq!(changes.len(), 12);
        changes
    };
    let rule = "示例市行政权力清单管理办法（批准后3个工作日内公开）";
    for (workdays, basis, expected) in [
        (3, None, vec![DutyOptions::CALLER_PERIOD]),
        (3, Some(rule), vec![rule]),
        (20, None, vec!["art. 26"]),
        (20, Some(rule), vec!["art. 26", rule]),
    ] {
        let opts = DutyOptions {
            change_workdays: workdays,
            change_basis: basis.map(str::to_owned),
            ..opts.clone()
        };
        for a in articles(&opts) {
            assert_eq!(a, expected, "{workdays} {basis:?}");
        }
    }
}

#[test]
fn decision_deadlines_follow_the_holiday_calendar() {
    let (v2, opts) = dated_v2();
    let cal = WorkCalendar::china();
    let duties = v2.disclosure_duties(&opts, &cal).unwrap();
    for row in read_table("power/decision_deadlines.tsv", b'\t') {
        let code = field(&row, "code");
        let duty = duties
            .iter()
            .filter(|d| d.code.as_deref() == Some(code))
            .find(|d| d.kind == DutyKind::DecisionPublicity)
            .or_else(|| duties.iter().find(|d| d.code.as_deref() == Some(code)))
            .unwrap_or_else(|| panic!("no duty for {code}"));
        let decided = sunlit_tests::date(field(&row, "decided"));
        match (field(&row, "due"), duty.decision_deadline(decided, &cal)) {
            ("", Err(_)) => {}
            (due, Ok(d)) => {
                assert_eq!(d.due.to_string(), due, "{code} {decided}");
                assert_eq!((d.start, d.workdays), (decided, 7));
            }
            (due, Err(e)) => panic!("{code} {decided}: expected {due:?}, got {e}"),
        }
    }
}

#[test]
fn duties_without_an_effective_date_have_no_due_date() {
    let duties = list(1)
        .disclosure_duties(&DutyOptions::default(), &WorkCalendar::china())
        .unwrap();
    assert_eq!(duties.len(), 36 + 18);
    assert!(duties.iter().all(|d| d.due.is_none() && d.start.is_none()));
}
