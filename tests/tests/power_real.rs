//! A real published power list (克拉玛依市医疗保障局2024年权责清单, tests/data/power/karamay_medical_2024):
//! its columns are read under their local names, responsibility items and accountability cases are
//! used, and columns that are no field are kept.

use sunlit::{PowerList, Severity, power::PowerField};
use sunlit_tests::data_file;

const LIST: &str = "power/karamay_medical_2024/list.csv";

fn read(text: &str) -> PowerList {
    PowerList::read_csv_str(text).unwrap()
}

#[test]
fn real_list_uses_its_responsibility_columns() {
    let text = std::fs::read_to_string(data_file(LIST)).unwrap();
    let list = read(&text);
    assert_eq!(list.items.len(), 17);
    assert_eq!(list.extra_columns, ["追责对象范围"]);
    for item in &list.items {
        assert!(!item.responsibilities.is_empty(), "{}", item.name);
        assert!(!item.accountability.is_empty(), "{}", item.name);
        assert!(item.department.is_some(), "{}", item.name);
        assert!(item.extra.contains_key("追责对象范围"), "{}", item.name);
        assert!(!item.legal_basis.is_missing(), "{}", item.name);
    }
    let findings = list.check();
    assert!(
        findings
            .iter()
            .all(|f| f.rule != "power.missing_responsibility"),
        "{findings:#?}"
    );
    assert!(
        findings.iter().all(|f| f.severity != Severity::Error),
        "{findings:#?}"
    );
    // Written back and read again, nothing is lost.
    let again = read(&list.to_csv_string().unwrap());
    assert_eq!(again.items.len(), 17);
    assert_eq!(
        again.items[6].responsibilities,
        list.items[6].responsibilities
    );
    assert_eq!(again.items[6].extra, list.items[6].extra);
}

#[test]
fn local_header_spellings_read_the_same_list() {
    let text = std::fs::read_to_string(data_file(LIST)).unwrap();
    let (header, body) = text.split_once('\n').unwrap();
    assert_eq!(
        header,
        "序号,事项名称,子项名称,权力类型,行使主体,承办机构,实施依据,责任事项内容,责任事项依据,追责对象范围,追责情形,备注"
    );
    // Issue 10's spellings from other real lists, and a wrapped header as PDFs give it.
    let local = "序号,权责事项名称,子项名称,权责类型,实施主体,责任科室,设定依据,\"责任事项\n内容\",责任事项依据,追责对象范围,责任追究情形,备注";
    let a = read(&text);
    let b = read(&format!("{local}\n{body}"));
    assert_eq!(a.items.len(), b.items.len());
    for (x, y) in a.items.iter().zip(&b.items) {
        assert_eq!(x.name, y.name);
        assert_eq!(x.category, y.category);
        assert_eq!(x.responsibilities, y.responsibilities);
        assert_eq!(x.accountability, y.accountability);
        assert_eq!(x.department, y.department);
    }
    assert_eq!(a.check(), b.check());
    for (h, f) in [
        ("权责事项名称", PowerField::Name),
        ("权责类型", PowerField::Category),
        ("事项名称", PowerField::Name),
        ("职权类型", PowerField::Category),
        ("设定依据", PowerField::LegalBasis),
        ("实施依据", PowerField::LegalBasis),
        ("责任事项内容", PowerField::Responsibilities),
        ("实施层级", PowerField::Levels),
        ("行使层级", PowerField::Levels),
        ("责任追究情形", PowerField::Accountability),
        ("追责情形", PowerField::Accountability),
        ("责任科室", PowerField::Department),
        ("承办机构", PowerField::Department),
        ("实施主体", PowerField::Body),
    ] {
        assert_eq!(PowerField::recognise(h), Some(f), "{h}");
    }
    // 实施层级及权限 holds remit text, not levels: kept as an extra column, not misread.
    assert_eq!(PowerField::recognise("实施层级及权限"), None);
    // Without 责任事项内容 the same penalty items do lack responsibility items.
    let bare = text.replacen("责任事项内容", "责任说明", 1);
    let rules: Vec<String> = read(&bare).check().iter().map(|f| f.rule.clone()).collect();
    assert!(rules.iter().any(|r| r == "power.missing_responsibility"));
}
