//! The cross-table identities and structure rules on small synthetic tables (the golden
//! documents do not contain every table), special funds and the Fiscal Data Package, and
//! properties of rendering a ledger into a published table.

use std::str::FromStr;

use proptest::prelude::*;
use rust_decimal::Decimal;
use sunlit::{
    Catalog, Finding, Ledger, PublishedTable, RollupOptions, Severity, Unit,
    budget::{Book, LineItem, Nature, Phase},
    fdp::FdpOptions,
    tables::{
        DisclosureDocument, NarrativeFigure, RenderOptions, TableCheckOptions, TableKind,
        TableLedgerOptions, TableReadOptions,
    },
};

fn t(csv: &str, kind: TableKind) -> PublishedTable {
    PublishedTable::read_csv_str(
        csv,
        &TableReadOptions {
            unit: kind.usual_unit(),
            kind: Some(kind),
            title: None,
            ..Default::default()
        },
    )
    .unwrap()
}

fn check(tables: Vec<PublishedTable>) -> Vec<Finding> {
    DisclosureDocument::new(tables)
        .unwrap()
        .check(&TableCheckOptions {
            granularity: false,
            ..Default::default()
        })
        .unwrap()
        .into_vec()
}

fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

/// Expected and actual of a finding.
fn values(f: &Finding) -> (Option<Decimal>, Option<Decimal>) {
    (f.expected, f.actual)
}

fn rules(f: &[Finding]) -> Vec<(String, String)> {
    f.iter()
        .map(|f| (f.rule.clone(), f.code.clone().unwrap_or_default()))
        .collect()
}

const T3: &str = "code,name,合计,基本支出,项目支出\n208,社会保障和就业支出,100,60,40\n210,卫生健康支出,50,50,\n,合计,150,110,40\n";

#[test]
fn identity_1_summary_against_expenditure() {
    let t1 = "code,name,预算数\n,财政拨款收入,150\n,一般公共预算,150\n,收入总计,150\n208,x,100\n210,y,51\n,支出总计,151\n";
    let f = check(vec![
        t(t1, TableKind::BudgetSummary),
        t(T3, TableKind::BudgetExpenditure),
    ]);
    assert_eq!(
        rules(&f),
        [
            ("tables.summary_balance".into(), "支出总计".into()), // 收入总计 150 ≠ 151
            ("tables.summary_detail".into(), "210".into()),
            ("tables.summary_detail".into(), "支出总计".into()),
        ]
    );
}

#[test]
fn identity_3_and_9_income_table() {
    let t1 =
        "code,name,预算数\n,财政拨款收入,150\n,收入总计,150\n208,x,100\n210,y,50\n,支出总计,150\n";
    let t2 =
        "code,name,合计,财政拨款收入,事业收入\n208,x,100,100,\n210,y,60,50,10\n,合计,160,150,10\n";
    let f = check(vec![
        t(t1, TableKind::BudgetSummary),
        t(t2, TableKind::BudgetIncome),
        t(T3, TableKind::BudgetExpenditure),
    ]);
    let got: Vec<(String, Severity, String)> = f
        .iter()
        .map(|f| {
            (
                f.rule.clone(),
                f.severity,
                f.code.clone().unwrap_or_default(),
            )
        })
        .collect();
    assert!(
        got.contains(&(
            "tables.income_total".into(),
            Severity::Error,
            "收入总计".into()
        )),
        "{got:?}"
    );
    assert!(
        got.contains(&(
            "tables.income_expenditure_mirror".into(),
            Severity::Warning,
            "210".into()
        )),
        "{got:?}"
    );
}

#[test]
fn identity_4_appropriation_split_by_book() {
    let t4 = "code,name,合计,一般公共预算,政府性基金预算,国有资本经营预算\n,一般公共预算,150,,,\n,收入总计,150,,,\n208,x,100,100,,\n210,y,50,49,1,\n,支出总计,150,149,1,\n";
    let t5 = "code,name,合计,基本支出,项目支出\n208,x,100,60,40\n210,y,50,50,\n,合计,150,110,40\n";
    let f = check(vec![
        t(t4, TableKind::BudgetAppropriation),
        t(t5, TableKind::BudgetGeneralFunctional),
    ]);
    assert_eq!(
        rules(&f),
        [
            ("tables.appropriation_split".into(), "210".into()),
            ("tables.appropriation_split".into(), "支出总计".into()),
        ]
    );
    assert_eq!(f[0].expected, Some(Decimal::from(50)));
    assert_eq!(f[0].actual, Some(Decimal::from(49)));
}

#[test]
fn identity_2_and_4_row_sums_of_income_and_appropriation_tables() {
    // T2: 合计 = Σ funding columns, row by row. Row 210 prints 合计 61 for 50 + 10; the same cell
    // also spoils Σ 类 = 合计 in the 合计 column.
    let t2 =
        "code,name,合计,财政拨款收入,事业收入\n208,x,100,90,10\n210,y,61,50,10\n,合计,160,140,20\n";
    let f = check(vec![t(t2, TableKind::BudgetIncome)]);
    assert_eq!(
        rules(&f),
        [
            ("tables.row_sum".into(), "210".into()),
            ("tables.total_sum".into(), "合计".into()),
        ]
    );
    let r = &f[0];
    assert_eq!(r.column.as_deref(), Some("合计"));
    assert_eq!(
        (r.expected, r.actual),
        (Some(Decimal::from(60)), Some(Decimal::from(61)))
    );
    // T4: 合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算, on every row that prints the split.
    let t4 = "code,name,合计,一般公共预算,政府性基金预算,国有资本经营预算\n,一般公共预算,150,,,\n,收入总计,150,,,\n208,x,100,100,,\n210,y,50,45,4,\n,支出总计,150,145,4,\n";
    let f = check(vec![t(t4, TableKind::BudgetAppropriation)]);
    assert_eq!(
        rules(&f),
        [
            ("tables.row_sum".into(), "210".into()),
            ("tables.row_sum".into(), "支出总计".into()),
        ]
    );
    assert!(f.iter().all(|f| {
        f.column.as_deref() == Some("合计")
            && f.expected
                .zip(f.actual)
                .is_some_and(|(e, a)| a - e == Decimal::ONE)
    }));
    // Consistent, both are clean.
    let ok2 = t2.replace("210,y,61", "210,y,60");
    assert!(check(vec![t(&ok2, TableKind::BudgetIncome)]).is_empty());
    let ok4 = t4
        .replace("210,y,50,45,4", "210,y,50,46,4")
        .replace("支出总计,150,145", "支出总计,150,146");
    assert!(check(vec![t(&ok4, TableKind::BudgetAppropriation)]).is_empty());
}

fn golden(relative: &str) -> String {
    std::fs::read_to_string(sunlit_tests::data_file(relative)).unwrap()
}

#[test]
fn identity_10_expenditure_side_of_the_final_summary() {
    let f1 = golden("tables/synthetic_final_2024/f1_summary.csv");
    assert!(check(vec![t(&f1, TableKind::FinalSummary)]).is_empty());
    // 支出总计 664.67 ≠ 本年支出合计 628.87 + 结余分配 (blank) + 年末结转和结余 35.90.
    let broken = f1.replace(",年末结转和结余,35.80", ",年末结转和结余,35.90");
    let f = check(vec![t(&broken, TableKind::FinalSummary)]);
    assert_eq!(
        rules(&f),
        [("tables.summary_balance".into(), "支出总计".into())]
    );
    assert_eq!(values(&f[0]), (Some(d("664.77")), Some(d("664.67"))));
}

#[test]
fn identity_12_appropriation_final_summary() {
    let f4 = golden("tables/synthetic_final_2024/f4_appropriation.csv");
    let checked = |csv: &str| check(vec![t(csv, TableKind::FinalAppropriation)]);
    let one = |rule: &str, code: &str| vec![(rule.to_owned(), code.to_owned())];
    // The book rows printed under 年初 / 年末财政拨款结转和结余 repeat the income lines' labels:
    // they break the balance down, they are no duplicate rows.
    let clean = checked(&f4);
    assert!(clean.is_empty(), "{clean:?}");
    // Income side: 收入总计 625.66 ≠ 本年收入合计 619.98 + 年初财政拨款结转和结余 5.73.
    let income = f4
        .replace(
            ",年初财政拨款结转和结余,5.68,",
            ",年初财政拨款结转和结余,5.73,",
        )
        .replacen(
            ",一般公共预算财政拨款,5.68,",
            ",一般公共预算财政拨款,5.73,",
            1,
        );
    let f = checked(&income);
    assert_eq!(rules(&f), one("tables.summary_balance", "收入总计"));
    assert_eq!(values(&f[0]), (Some(d("625.71")), Some(d("625.66"))));
    // Expenditure side: 支出总计 ≠ 本年支出合计 + 年末财政拨款结转和结余, in 合计 and in the book column
    // (the 年末 row and its book row, the last 一般公共预算财政拨款, both 5.68 → 5.73).
    let (before, after) = f4.split_at(f4.find(",年末财政拨款结转和结余,").unwrap());
    let expenditure = format!(
        "{before}{}",
        after.replacen(",5.68,5.68,", ",5.73,5.73,", 1).replacen(
            ",一般公共预算财政拨款,5.68,",
            ",一般公共预算财政拨款,5.73,",
            1
        )
    );
    let f = checked(&expenditure);
    let got: Vec<(&str, &str, &str)> = f
        .iter()
        .map(|f| {
            (
                f.rule.as_str(),
                f.code.as_deref().unwrap_or(""),
                f.column.as_deref().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("tables.summary_balance", "支出总计", "一般公共预算"),
            ("tables.summary_balance", "支出总计", "合计"),
        ]
    );
    // A balance that is not the sum of its book rows.
    let f = checked(&f4.replacen(
        ",一般公共预算财政拨款,5.68,",
        ",一般公共预算财政拨款,5.70,",
        1,
    ));
    assert_eq!(rules(&f), one("tables.total_sum", "年初财政拨款结转和结余"));
    assert_eq!(values(&f[0]), (Some(d("5.70")), Some(d("5.68"))));
    // An income line printed twice is still a duplicate.
    let twice = f4.replacen(
        ",本年收入合计,",
        ",一般公共预算财政拨款,619.98,,,\n,本年收入合计,",
        1,
    );
    let f = checked(&twice);
    assert_eq!(
        rules(&f),
        one("tables.duplicate_row", "一般公共预算财政拨款")
    );
}

#[test]
fn identity_13_personnel_and_public_totals_against_basic_expenditure() {
    let f5 = golden("tables/synthetic_final_2024/f5_general_functional.csv");
    let f6 = golden("tables/synthetic_final_2024/f6_general_basic.csv");
    let doc = |f6: &str| {
        check(vec![
            t(&f5, TableKind::FinalGeneralFunctional),
            t(f6, TableKind::FinalGeneralBasic),
        ])
    };
    assert!(doc(&f6).is_empty());
    // F6 adds up in itself (办公费, 302 and 公用经费合计 all +1.00) but its 人员经费合计 + 公用经费合计
    // is 1.00 more than F5's 基本支出 合计.
    let more = f6
        .replace(",办公费,45.68", ",办公费,46.68")
        .replace(",商品和服务支出,137.04", ",商品和服务支出,138.04")
        .replace(",公用经费合计,137.04", ",公用经费合计,138.04");
    let f = doc(&more);
    assert_eq!(
        rules(&f),
        [(
            "tables.basic_economic".into(),
            "人员经费合计+公用经费合计".into()
        )]
    );
    assert_eq!(values(&f[0]), (Some(d("496.52")), Some(d("497.52"))));
}

#[test]
fn identity_8_social_insurance_mirror_and_15_scope() {
    let t5 = "code,name,合计,基本支出,项目支出\n208,x,100,100,\n20805,y,100,100,\n2080505,z,100,100,\n,合计,100,100,\n";
    let t8 = "code,name,合计,人员经费,公用经费\n301,a,100,100,\n30108,b,99,99,\n30101,c,1,1,\n,合计,100,100,\n";
    let t3 = "code,name,合计,基本支出,项目支出\n208,x,90,90,\n20805,y,90,90,\n2080505,z,90,90,\n,合计,90,90,\n";
    let f = check(vec![
        t(t5, TableKind::BudgetGeneralFunctional),
        t(t8, TableKind::BudgetBasicEconomic),
        t(t3, TableKind::BudgetExpenditure),
    ]);
    let mirror: Vec<&Finding> = f
        .iter()
        .filter(|f| f.rule == "tables.social_insurance_mirror")
        .collect();
    assert_eq!(mirror.len(), 1);
    assert_eq!(
        (mirror[0].code.as_deref(), mirror[0].severity),
        (Some("30108"), Severity::Warning)
    );
    let scope: Vec<&Finding> = f.iter().filter(|f| f.rule == "tables.scope").collect();
    assert_eq!(scope.len(), 8); // four rows × 合计 and 基本支出
    assert!(
        scope
            .iter()
            .all(|f| f.expected == Some(Decimal::from(100)) && f.actual == Some(Decimal::from(90)))
    );
    // All funds larger than appropriations is the rule, not a finding.
    let bigger = t3.replace(",90", ",110");
    let f = check(vec![
        t(t5, TableKind::BudgetGeneralFunctional),
        t(&bigger, TableKind::BudgetExpenditure),
    ]);
    assert!(f.iter().all(|f| f.rule != "tables.scope"), "{f:?}");
}

#[test]
fn identity_16_narrative_across_units() {
    let t1 = "code,name,预算数\n,收入总计,47483458\n,支出总计,47483458\n";
    let fig = |amount: &str| NarrativeFigure {
        table: TableKind::BudgetSummary,
        row: "收入总计".into(),
        column: None,
        amount: Decimal::from_str(amount).unwrap(),
        unit: Unit::WanYuan,
        text: String::new(),
    };
    let doc = |a: &str| {
        DisclosureDocument::new(vec![t(t1, TableKind::BudgetSummary)])
            .unwrap()
            .with_narrative(vec![fig(a)])
            .check(&TableCheckOptions::default())
            .unwrap()
    };
    assert!(doc("4748.35").is_empty()); // 4748.3458 rounds to 4748.35
    let f = doc("4748.36");
    assert_eq!(f.len(), 1);
    assert_eq!(
        values(&f.as_slice()[0]),
        (Some(d("4748.3458")), Some(d("4748.36")))
    );
    let missing = NarrativeFigure {
        row: "上年结转".into(),
        ..fig("1")
    };
    let f = DisclosureDocument::new(vec![t(t1, TableKind::BudgetSummary)])
        .unwrap()
        .with_narrative(vec![missing])
        .check(&TableCheckOptions::default())
        .unwrap();
    assert_eq!(
        (f.as_slice()[0].rule.as_str(), f.as_slice()[0].expected),
        ("tables.narrative", None)
    );
}

#[test]
fn structure_rules() {
    let dup = "code,name,合计\n208,x,1\n2080505,y,1\n2080505,y,1\n,合计,1\n";
    let f = t(dup, TableKind::BudgetGeneralFunctional)
        .check(&TableCheckOptions::default())
        .unwrap();
    let r = rules(f.as_slice());
    assert!(
        r.contains(&("tables.duplicate_row".into(), "2080505".into())),
        "{r:?}"
    );
    let coarse = "code,name,合计,基本支出,项目支出\n208,x,5,5,\n20805,y,5,5,\n,合计,5,5,\n";
    let f = t(coarse, TableKind::BudgetGeneralFunctional)
        .check(&TableCheckOptions::default())
        .unwrap();
    assert_eq!(
        rules(f.as_slice()),
        [("tables.granularity".into(), "20805".into())]
    );
    assert_eq!(f.as_slice()[0].expected, Some(Decimal::from(7)));
    let f = t(coarse, TableKind::BudgetGeneralFunctional)
        .check(&TableCheckOptions {
            granularity: false,
            ..Default::default()
        })
        .unwrap();
    assert!(f.is_empty());
    // A table of unknown kind is checked in itself, without granularity.
    let unknown = PublishedTable::read_csv_str(coarse, &TableReadOptions::default()).unwrap();
    assert!(
        unknown
            .check(&TableCheckOptions::default())
            .unwrap()
            .is_empty()
    );
}

#[test]
fn final_account_rows_and_three_public() {
    let f3 = "code,name,本年支出合计,基本支出,项目支出,上缴上级支出,经营支出,对附属单位补助支出\n201,x,10.00,5.00,3.00,1.00,0.50,0.40\n,合计,10.00,5.00,3.00,1.00,0.50,0.40\n";
    let no_granularity = TableCheckOptions {
        granularity: false,
        ..Default::default()
    };
    let f = t(f3, TableKind::FinalExpenditure)
        .check(&no_granularity)
        .unwrap();
    assert_eq!(
        rules(f.as_slice()),
        [
            ("tables.row_sum".into(), "201".into()),
            ("tables.row_sum".into(), "合计".into())
        ]
    );
    assert_eq!(
        f.as_slice()[0].expected,
        Some(Decimal::from_str("9.90").unwrap())
    );
    let f7 = "code,name,合计,因公出国（境）费,公务用车购置及运行维护费,购置费,运行维护费,公务接待费\n,预算数,3.00,1.00,1.00,0.50,0.60,1.00\n,决算数,3.00,1.00,1.00,0.50,0.50,1.00\n";
    let f = t(f7, TableKind::FinalThreePublic)
        .check(&TableCheckOptions::default())
        .unwrap();
    assert_eq!(
        rules(f.as_slice()),
        [("tables.row_sum".into(), "预算数".into())]
    );
    assert_eq!(
        f.as_slice()[0].column.as_deref(),
        Some("公务用车购置及运行维护费")
    );
}

#[test]
fn special_fund_list_of_fifty() {
    use sunlit::{SpecialFundList, special_fund::SpecialFund};
    let fund = |i: usize| SpecialFund {
        name: format!("专项资金{i}"),
        department: "省财政厅".into(),
        year: 2016,
        approved: Decimal::from_str("12.96").unwrap(),
        unit: Unit::YiYuan,
        stages: vec![],
        allocations: vec![],
    };
    let list = SpecialFundList {
        funds: (0..50).map(fund).collect(),
        published_total: Some(Decimal::from(648)),
        total_unit: Unit::YiYuan,
        published_count: Some(50),
    };
    assert!(list.check(&Default::default()).unwrap().is_empty());
    assert_eq!(list.total().unwrap(), Decimal::from(648));
    let mut off = list.clone();
    off.funds[0].approved = Decimal::from_str("13.50").unwrap();
    let f = off.check(&Default::default()).unwrap();
    assert_eq!(f.as_slice()[0].rule, "special_fund.list_total");
    assert_eq!(
        f.as_slice()[0].actual,
        Some(Decimal::from_str("648.54").unwrap())
    );
}

#[test]
fn fiscal_data_package_descriptor() {
    let ledger =
        Ledger::read_csv_path(sunlit_tests::data_file("budget/chengguan_2026_ledger.csv")).unwrap();
    let p = ledger
        .to_fiscal_data_package(Catalog::seed(), &FdpOptions::default())
        .unwrap();
    let d = &p.descriptor;
    assert!(d.contains("\"countryCode\": \"CN\""));
    assert!(d.contains("\"classificationType\": \"functional\""));
    assert!(d.contains("\"parent\": \"functional_kuan\""));
    assert!(d.contains("\"fiscalPeriod\""));
    assert_eq!(p.csv.lines().count(), 11);
    let total: Decimal = p
        .csv
        .lines()
        .skip(1)
        .map(|l| Decimal::from_str(l.rsplit(',').next().unwrap()).unwrap())
        .sum();
    assert_eq!(total, Decimal::from(47_483_458));
}

#[test]
fn rendering_never_mixes_books_or_units() {
    // General 100 + fund 50 + another unit's 7 used to render as a 一般公共预算 table showing 157.
    let ledger = Ledger::read_csv_str(
        "year,book,phase,unit,functional,economic,nature,source,amount\n\
         2026,general,budget,城管执法局,2120104,,basic,,100\n\
         2026,fund,budget,城管执法局,2120104,,project,,50\n\
         2026,general,budget,绿化市容局,2120104,,basic,,7\n",
    )
    .unwrap();
    let t5 = RenderOptions {
        kind: Some(TableKind::BudgetGeneralFunctional),
        ..Default::default()
    };
    let render = |l: &Ledger, o: &RenderOptions| PublishedTable::from_ledger(l, Catalog::seed(), o);
    match render(&ledger, &t5) {
        Err(sunlit::Error::Field { field, value, .. }) => {
            assert_eq!((field, value.as_str()), ("book", "fund"));
        }
        other => panic!("{other:?}"),
    }
    let skip = RenderOptions {
        skip_other_books: true,
        ..t5.clone()
    };
    match render(&ledger, &skip) {
        Err(sunlit::Error::MixedDimension { dimension, values }) => {
            assert_eq!(dimension, "unit");
            assert_eq!(values, ["城管执法局", "绿化市容局"]);
        }
        other => panic!("{other:?}"),
    }
    let one_unit = ledger.select(&sunlit::budget::Selection {
        values: vec![sunlit::budget::GroupValue::Unit("城管执法局".into())],
        under: None,
    });
    let total = |t: &PublishedTable| t.rows().last().unwrap().cells[0];
    assert_eq!(
        total(&render(&one_unit, &skip).unwrap()),
        Some(Decimal::from(100))
    );
    // The fund's own table takes the fund's line only; an all-funds table takes both books.
    let t6 = RenderOptions {
        kind: Some(TableKind::BudgetFundFunctional),
        skip_other_books: true,
        ..Default::default()
    };
    assert_eq!(
        total(&render(&one_unit, &t6).unwrap()),
        Some(Decimal::from(50))
    );
    let t3 = RenderOptions {
        kind: Some(TableKind::BudgetExpenditure),
        ..Default::default()
    };
    assert_eq!(
        total(&render(&one_unit, &t3).unwrap()),
        Some(Decimal::from(150))
    );
    assert!(matches!(
        render(&ledger, &t3),
        Err(sunlit::Error::MixedDimension { .. })
    ));
}

#[test]
fn table_to_ledger_uses_the_callers_tolerance() {
    let wan = t(
        "code,name,合计,基本支出,项目支出\n2080505,x,1.02,0.50,0.50\n2080506,y,1.01,0.50,0.50\n",
        TableKind::FinalGeneralFunctional,
    );
    let opts = TableLedgerOptions {
        year: 2024,
        unit: "u".into(),
        ..Default::default()
    };
    // 2080505 is 0.02 off its 合计: more than 0.005 × 3 allows.
    match wan.to_ledger(&opts) {
        Err(sunlit::Error::Input { line, column, .. }) => {
            assert_eq!((line, column.as_str()), (2, "合计"))
        }
        other => panic!("{other:?}"),
    }
    let loose = TableLedgerOptions {
        tolerance: sunlit::money::ToleranceOptions {
            wan_yuan: Some(Decimal::from_str("0.02").unwrap()),
            ..Default::default()
        },
        ..opts.clone()
    };
    assert_eq!(wan.to_ledger(&loose).unwrap().len(), 4);
    // The 0.01 of 2080506 passes by default and is refused when every cell must be exact.
    let one = t(
        "code,name,合计,基本支出,项目支出\n2080506,y,1.01,0.50,0.50\n",
        TableKind::FinalGeneralFunctional,
    );
    assert_eq!(one.to_ledger(&opts).unwrap().len(), 2);
    let exact = TableLedgerOptions {
        tolerance: sunlit::money::ToleranceOptions::exact(),
        ..opts
    };
    assert!(one.to_ledger(&exact).is_err());
}

fn leaf_codes() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "2010601", "2010602", "2080501", "2080505", "2080506", "2101101", "2101102", "2120104",
        "2210201", "2210203",
    ])
}

proptest! {
    /// A ledger rendered into the printed layout checks clean — exactly in 元, within rounding in
    /// 万元 — and its leaves are the ledger again.
    #[test]
    fn rendered_tables_check_clean_and_round_trip(
        lines in prop::collection::vec((leaf_codes(), any::<bool>(), 0i64..10_000_000_000), 1..30)
    ) {
        let mut ledger = Ledger::new();
        for (code, basic, fen) in &lines {
            ledger.push(LineItem {
                year: 2026, book: Book::General, phase: Phase::Budget, unit: "u".into(),
                functional: sunlit::Code::functional(code).unwrap(), economic: None,
                nature: if *basic { Nature::Basic } else { Nature::Project }, source: None,
                amount: Decimal::new(*fen, 2),
            }).unwrap();
        }
        for unit in [Unit::Yuan, Unit::WanYuan] {
            let table = PublishedTable::from_ledger(&ledger, Catalog::seed(), &RenderOptions {
                kind: Some(TableKind::BudgetGeneralFunctional), unit, ..Default::default() }).unwrap();
            let f = table.check(&TableCheckOptions::default()).unwrap();
            prop_assert_eq!(f.error_count(), 0, "{:?}", f);
            // CSV and JSON carry every cell: written again, they are the same text.
            let csv = table.to_csv_string().unwrap();
            let opts = sunlit::tables::TableReadOptions { unit, ..Default::default() };
            let back = PublishedTable::read_csv_str(&csv, &opts).unwrap();
            prop_assert_eq!(back.to_csv_string().unwrap(), csv);
            let json = table.to_json();
            let back = PublishedTable::from_json(&json).unwrap();
            prop_assert_eq!(back.to_json(), json);
            prop_assert_eq!(back.rows().len(), table.rows().len());
            if unit == Unit::Yuan {
                prop_assert!(f.is_empty());
                let back = table.to_ledger(&TableLedgerOptions { year: 2026, unit: "u".into(), ..Default::default() }).unwrap();
                let a = ledger.rollup(&RollupOptions::default()).unwrap();
                let b = back.rollup(&RollupOptions::default()).unwrap();
                prop_assert_eq!(a.groups(), b.groups());
            }
        }
    }
}
