//! Special funds (专项资金) on the shared golden data of `tests/data/special_fund` (see its README):
//! every fund case raises exactly its findings, every list its total and findings.

use std::str::FromStr;

use rust_decimal::Decimal;
use serde_json::Value;
use sunlit::{
    Finding, SpecialFundList, Unit,
    special_fund::{Allocation, FundCheckOptions, FundStage, SpecialFund, StageDate},
};
use sunlit_tests::{date, opt_str, read_json, str_at};

fn dec(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

fn fund(v: &Value) -> SpecialFund {
    SpecialFund {
        name: str_at(v, "name").to_owned(),
        department: str_at(v, "department").to_owned(),
        year: v["year"]
            .as_i64()
            .and_then(|y| i32::try_from(y).ok())
            .expect("year"),
        approved: dec(str_at(v, "approved")),
        unit: Unit::parse(str_at(v, "unit")).expect("unit"),
        stages: v["stages"]
            .as_array()
            .expect("stages")
            .iter()
            .map(|s| StageDate {
                stage: FundStage::parse(str_at(s, "stage")).expect("stage"),
                date: date(str_at(s, "date")),
            })
            .collect(),
        allocations: v["allocations"]
            .as_array()
            .expect("allocations")
            .iter()
            .map(|a| Allocation {
                recipient: str_at(a, "recipient").to_owned(),
                region: opt_str(a, "region").map(str::to_owned),
                amount: dec(str_at(a, "amount")),
                date: opt_str(a, "date").map(date),
            })
            .collect(),
    }
}

/// (rule, code, column, expected, actual) of a finding, as in the data file.
type Row = (String, String, String, Option<Decimal>, Option<Decimal>);

fn row(f: &Finding) -> Row {
    (
        f.rule.clone(),
        f.code.clone().unwrap_or_default(),
        f.column.clone().unwrap_or_default(),
        f.expected,
        f.actual,
    )
}

fn expected(v: &Value) -> Vec<Row> {
    v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                str_at(f, "rule").to_owned(),
                str_at(f, "code").to_owned(),
                str_at(f, "column").to_owned(),
                opt_str(f, "expected").map(dec),
                opt_str(f, "actual").map(dec),
            )
        })
        .collect()
}

#[test]
fn every_fund_case_raises_exactly_its_findings() {
    let data = read_json("special_fund/funds.json");
    let cases = data["funds"].as_array().expect("funds");
    assert!(cases.len() >= 10);
    let mut rules: Vec<String> = Vec::new();
    for c in cases {
        let name = str_at(c, "case");
        let o = &c["options"];
        let opts = FundCheckOptions {
            disclosure_days: o["disclosure_days"]
                .as_u64()
                .and_then(|d| u32::try_from(d).ok())
                .expect("disclosure_days"),
            as_of: opt_str(o, "as_of").map(date),
        };
        let got: Vec<Row> = fund(&c["fund"]).check(&opts).iter().map(row).collect();
        assert_eq!(got, expected(c), "{name}");
        rules.extend(got.into_iter().map(|r| r.0));
    }
    // Every single-fund rule is exercised by the shared data.
    for rule in [
        sunlit::rules::special_fund::OVER_ALLOCATED,
        sunlit::rules::special_fund::STAGE_ORDER,
        sunlit::rules::special_fund::ALLOCATION_BEFORE_APPROVAL,
        sunlit::rules::special_fund::LATE_DISCLOSURE,
        sunlit::rules::special_fund::NOT_DISCLOSED,
    ] {
        assert!(rules.iter().any(|r| *r == rule), "{rule} is not covered");
    }
}

#[test]
fn every_list_adds_up_and_raises_exactly_its_findings() {
    let data = read_json("special_fund/funds.json");
    let fifty: Vec<SpecialFund> = data["fifty"]
        .as_array()
        .expect("fifty")
        .iter()
        .map(fund)
        .collect();
    assert_eq!(fifty.len(), 50);
    let cases = data["funds"].as_array().expect("funds");
    let mut rules: Vec<String> = Vec::new();
    for l in data["lists"].as_array().expect("lists") {
        let name = str_at(l, "case");
        let take = l["take"]
            .as_u64()
            .and_then(|n| usize::try_from(n).ok())
            .expect("take");
        let mut funds: Vec<SpecialFund> = fifty.iter().take(take).cloned().collect();
        for c in l["cases"].as_array().expect("cases") {
            let c = c.as_str().expect("case name");
            let v = cases
                .iter()
                .find(|x| str_at(x, "case") == c)
                .unwrap_or_else(|| panic!("no case {c}"));
            funds.push(fund(&v["fund"]));
        }
        let list = SpecialFundList {
            funds,
            published_total: opt_str(l, "published_total").map(dec),
            total_unit: Unit::parse(str_at(l, "total_unit")).expect("unit"),
            published_count: l["published_count"]
                .as_u64()
                .and_then(|n| u32::try_from(n).ok()),
        };
        assert_eq!(list.total().unwrap(), dec(str_at(l, "total")), "{name}");
        let got: Vec<Row> = list
            .check(&FundCheckOptions::default())
            .unwrap()
            .iter()
            .map(row)
            .collect();
        assert_eq!(got, expected(l), "{name}");
        rules.extend(got.into_iter().map(|r| r.0));
    }
    for rule in [
        sunlit::rules::special_fund::LIST_TOTAL,
        sunlit::rules::special_fund::LIST_COUNT,
    ] {
        assert!(rules.iter().any(|r| *r == rule), "{rule} is not covered");
    }
}
