//! A short tour of sunlit on embedded data: `cargo run -p sunlit --example tour`.
//!
//! The 2026 departmental budget of 上海市普陀区城市管理行政执法局 (fiscal.md §4.1) as 项-level
//! lines, rolled up 类 → 款 → 项 with names from the embedded catalogue seed, and the checks a
//! reader of published budgets runs on it; then the same budget as its published tables (表五, 表八,
//! 表九, 表一) checked table by table and across tables, a corrupted copy, and a 万元 final account
//! whose rounding is told apart from a real error; special funds against their approved amounts,
//! disclosure period and published list total, and the ledger as a Fiscal Data Package. Then
//! working days over the official holiday calendar, the disclosure decision table and the life of
//! one disclosure request; a power list (权责清单) read, checked and compared with its next version.
//! Last, the annual report of disclosure work (政府信息公开工作年度报告): a published report's
//! tables read, checked and rendered, and the legacy statistics of the seed article. At the very
//! end, `sunlit check` on a published document: read as printed, recognised, checked, reported.

use chrono::NaiveDate;
use sunlit::{
    AnnualReport, Catalog, Code, DisclosureRequest, Ledger, RollupOptions, WorkCalendar,
    budget::{GroupKey, GroupValue, Nature, Subtotals},
    catalog::CatalogCheckOptions,
    disclosure::{Category, ExemptionFact, InfoItem, decide},
    money::format_grouped,
    report::{
        LegacyChannel, LegacyStatistics, ProactiveTable, ReportCheckOptions, ReportFormat,
        ReportInput, RequestColumn, RequestRow, RequestTable, ReviewBlock, ReviewTable,
    },
    request::{Applicant, Channel, ConsultParty, FeeMethod, Outcome, information_fee},
};
use sunlit::{
    Decimal, SpecialFundList,
    fdp::FdpOptions,
    special_fund::{Allocation, FundCheckOptions, FundStage, SpecialFund, StageDate},
};
use sunlit::{
    PublishedTable, Unit,
    tables::{DisclosureDocument, TableCheckOptions, TableKind, TableReadOptions},
};

use sunlit::{
    PowerList,
    power::{CreditCode, parse_citation},
};
use unicode_width::UnicodeWidthStr;

/// Pad to a display width (CJK characters take two columns); right-align when `right`.
fn pad(text: &str, width: usize, right: bool) -> String {
    let fill = " ".repeat(width.saturating_sub(text.width()));
    if right {
        format!("{fill}{text}")
    } else {
        format!("{text}{fill}")
    }
}

const LEDGER: &str = include_str!("../../tests/data/budget/chengguan_2026_ledger.csv");
const T1: &str = include_str!("../../tests/data/tables/chengguan_2026/t1_summary.csv");
const T5: &str = include_str!("../../tests/data/tables/chengguan_2026/t5_general_functional.csv");
const T8: &str = include_str!("../../tests/data/tables/chengguan_2026/t8_basic_economic.csv");
const T9: &str = include_str!("../../tests/data/tables/chengguan_2026/t9_three_public.csv");
const T5_BROKEN: &str = include_str!("../../tests/data/tables/corrupted/class_total_changed.csv");
const F1: &str = include_str!("../../tests/data/tables/synthetic_final_2024/f1_summary.csv");
const F1_BROKEN: &str =
    include_str!("../../tests/data/tables/synthetic_final_2024/f1_summary_error.csv");
const F5: &str =
    include_str!("../../tests/data/tables/synthetic_final_2024/f5_general_functional.csv");
const F6: &str = include_str!("../../tests/data/tables/synthetic_final_2024/f6_general_basic.csv");

fn table(csv: &str, kind: TableKind, unit: Unit) -> Result<PublishedTable, sunlit::Error> {
    PublishedTable::read_csv_str(
        csv,
        &TableReadOptions {
            unit,
            kind: Some(kind),
            title: None,
            ..Default::default()
        },
    )
}

/// The published tables of the same budget, and a final account in 万元.
fn published_tables() -> Result<(), sunlit::Error> {
    println!("\nPublished tables (预决算公开表格)");
    let opts = TableCheckOptions::default();
    let doc = DisclosureDocument::new(vec![
        table(T1, TableKind::BudgetSummary, Unit::Yuan)?,
        table(T5, TableKind::BudgetGeneralFunctional, Unit::Yuan)?,
        table(T8, TableKind::BudgetBasicEconomic, Unit::Yuan)?,
        table(T9, TableKind::BudgetThreePublic, Unit::WanYuan)?,
    ])?;
    let findings = doc.check(&opts)?;
    println!(
        "  [{}] 表一/五/八/九: {} errors — every row sum, 类/款 subtotal, 合计, 收支平衡, 表八 = 表五基本支出, 三公 in 万元",
        if findings.error_count() == 0 {
            "ok"
        } else {
            "FAIL"
        },
        findings.error_count()
    );
    let (granularity, other): (Vec<_>, Vec<_>) = findings
        .iter()
        .partition(|f| f.rule == sunlit::rules::tables::GRANULARITY);
    for f in other {
        println!("  [finding] {f}");
    }
    if !granularity.is_empty() {
        // The reference gives this table's 类 totals only (its 款 rows were not transcribed), so
        // the copy here stops at 类 and the granularity rule says so.
        println!(
            "  [finding] {} × tables.granularity (warning): our copy of 表八 has only the 类 rows the reference transcribed ({}), so it does not reach 款 — e.g. {}",
            granularity.len(),
            granularity
                .iter()
                .filter_map(|f| f.code.as_deref())
                .collect::<Vec<_>>()
                .join(", "),
            granularity[0].message_zh
        );
    }
    let broken = table(T5_BROKEN, TableKind::BudgetGeneralFunctional, Unit::Yuan)?;
    for f in &broken.check(&opts)? {
        println!("  [finding, 类 208 changed by 100 元] {f}");
    }
    let final_doc = |f1: &str| -> Result<DisclosureDocument, sunlit::Error> {
        DisclosureDocument::new(vec![
            table(f1, TableKind::FinalSummary, Unit::WanYuan)?,
            table(F5, TableKind::FinalGeneralFunctional, Unit::WanYuan)?,
            table(F6, TableKind::FinalGeneralBasic, Unit::WanYuan)?,
        ])
    };
    let rounded = final_doc(F1)?.check(&opts)?;
    println!(
        "  [{}] a 万元 final account off by 0.01 through rounding: {} errors (tolerance 0.005 × (n + 1) 万元)",
        if rounded.error_count() == 0 {
            "ok"
        } else {
            "FAIL"
        },
        rounded.error_count()
    );
    for f in final_doc(F1_BROKEN)?.check(&opts)?.iter() {
        println!("  [finding, 0.05 万元 error] {f}");
    }
    Ok(())
}

/// Special funds (专项资金): one fund over-allocated and disclosed late, a list in the seed's shape
/// (50 funds published as 648亿元), and the budget ledger as a Fiscal Data Package.
fn special_funds(ledger: &Ledger) -> Result<(), sunlit::Error> {
    println!("\n专项资金 — special funds (申报 → 审批 → 分配 → 公开 → 监督)");
    let yi = |s: &str| {
        s.parse::<Decimal>().map_err(|e| sunlit::Error::Amount {
            value: s.to_owned(),
            reason: e.to_string(),
        })
    };
    let to = |recipient: &str, amount: &str| -> Result<Allocation, sunlit::Error> {
        Ok(Allocation {
            recipient: recipient.into(),
            region: None,
            amount: yi(amount)?,
            date: None,
        })
    };
    let fund = SpecialFund {
        name: "交通建设专项资金".into(),
        department: "省交通运输厅".into(),
        year: 2016,
        approved: yi("12.5")?,
        unit: Unit::YiYuan,
        stages: vec![
            StageDate {
                stage: FundStage::Approval,
                date: day(2016, 3, 1)?,
            },
            StageDate {
                stage: FundStage::Disclosure,
                date: day(2016, 4, 1)?,
            },
        ],
        allocations: vec![to("甲市", "7.5")?, to("乙市", "5.5")?],
    };
    for f in &fund.check(&FundCheckOptions::default()) {
        println!("  [finding] {f}");
    }
    // Fifty funds adding up to 647.83 亿元 print as the published 648亿元; drop one and the count
    // and the total no longer hold.
    let funds = (1..=50)
        .map(|i| {
            Ok(SpecialFund {
                name: format!("专项资金{i:02}"),
                approved: yi(if i == 1 { "10.83" } else { "13" })?,
                stages: vec![],
                allocations: vec![],
                ..fund.clone()
            })
        })
        .collect::<Result<Vec<_>, sunlit::Error>>()?;
    let list = SpecialFundList {
        funds,
        published_total: Some(yi("648")?),
        total_unit: Unit::YiYuan,
        published_count: Some(50),
    };
    let ok = list.check(&FundCheckOptions::default())?;
    println!(
        "  [{}] 50 funds, exactly {} 亿元, published as 50 项、648亿元: {} findings",
        if ok.is_empty() { "ok" } else { "FAIL" },
        list.total()?,
        ok.len()
    );
    let mut short = list.clone();
    short.funds.pop();
    for f in &short.check(&FundCheckOptions::default())? {
        println!("  [finding, one fund left out] {f}");
    }
    let dir = std::env::temp_dir().join("sunlit-tour-fdp");
    let package = ledger.to_fiscal_data_package(
        Catalog::seed(),
        &FdpOptions {
            name: "chengguan-2026".into(),
            ..Default::default()
        },
    )?;
    println!(
        "  Fiscal Data Package: {} (+ {})",
        package.write(&dir)?.display(),
        package.resource_path
    );
    Ok(())
}

/// The department's printed totals (合计, 基本支出, 项目支出).
const PUBLISHED_TOTALS: [&str; 3] = ["47483458", "36197265", "11286193"];

fn main() -> Result<(), sunlit::Error> {
    let ledger = Ledger::read_csv_str(LEDGER)?;
    println!(
        "sunlit tour — 上海市普陀区城市管理行政执法局 2026年部门预算（一般公共预算，单位：元）"
    );
    println!("{} 项-level lines read from CSV\n", ledger.len());

    let rollup = ledger.rollup(&RollupOptions {
        by: vec![GroupKey::Nature],
        ..Default::default()
    })?;
    let overall = ledger.rollup(&RollupOptions::default())?;
    let basic = [GroupValue::Nature(Nature::Basic)];
    let project = [GroupValue::Nature(Nature::Project)];
    let cell = |v: Option<sunlit::Decimal>| v.map(format_grouped).unwrap_or_default();

    let row = |code: &str, name: &str, cells: [String; 3]| {
        let [a, b, c] = cells;
        format!(
            "{}{}{}{}{}",
            pad(code, 12, false),
            pad(name, 36, false),
            pad(&a, 14, true),
            pad(&b, 14, true),
            pad(&c, 14, true)
        )
    };
    println!(
        "{}",
        row(
            "科目编码",
            "科目名称",
            ["合计".into(), "基本支出".into(), "项目支出".into()]
        )
    );
    for rec in overall.records(Catalog::seed()) {
        let indent = "  ".repeat(usize::from(rec.level) - 1);
        let name = rec.name.unwrap_or_else(|| "(未知科目)".to_owned());
        println!(
            "{}",
            row(
                &format!("{indent}{}", rec.code),
                &format!("{indent}{name}"),
                [
                    format_grouped(rec.amount),
                    cell(rollup.amount(rec.code, &basic)?),
                    cell(rollup.amount(rec.code, &project)?),
                ],
            )
        );
    }
    let totals = [
        rollup.total(&[])?,
        rollup.total(&basic)?,
        rollup.total(&project)?,
    ];
    println!(
        "{}",
        row(
            "合计",
            "",
            [cell(totals[0]), cell(totals[1]), cell(totals[2])]
        )
    );

    println!("\nChecks");
    let matches = totals
        .iter()
        .zip(PUBLISHED_TOTALS)
        .all(|(t, p)| t.map(|t| t.to_string()) == Some(p.to_owned()));
    println!(
        "  [{}] roll-up reproduces the printed 合计 / 基本支出 / 项目支出 (47,483,458 / 36,197,265 / 11,286,193)",
        if matches { "ok" } else { "FAIL" }
    );
    let unknown = Catalog::seed().check_ledger(&ledger, &CatalogCheckOptions::default());
    println!(
        "  [{}] every code is in the 2026 catalogue seed ({} findings)",
        if unknown.is_empty() { "ok" } else { "!!" },
        unknown.len()
    );

    // A published 类 subtotal typed as a line, 1 元 off: refused by default, checked on request.
    let with_subtotal =
        format!("{LEDGER}2026,general,budget,上海市普陀区城市管理行政执法局,208,,basic,,6103097\n");
    let ledger2 = Ledger::read_csv_str(&with_subtotal)?;
    match ledger2.rollup(&RollupOptions::default()) {
        Err(e) => println!("  [ok] a 类 subtotal typed in as a line is refused: {e}"),
        Ok(_) => println!("  [FAIL] a subtotal line was added twice"),
    }
    let checked = ledger2.rollup(&RollupOptions {
        subtotals: Subtotals::Check,
        ..Default::default()
    })?;
    for f in checked.findings() {
        println!("  [finding] {f}");
    }

    // A malformed amount: an error naming line, column and text; no partial ledger.
    let bad = format!("{LEDGER}2026,general,budget,u,2080505,,basic,,1e5\n");
    if let Err(e) = Ledger::read_csv_str(&bad) {
        println!("  [ok] malformed input is an error, not a guess: {e}");
    }
    let c = Code::functional_split(&["208", "05", "05"])?;
    println!(
        "\nCode {c}: level {} ({}), parent {}, ancestors {:?}",
        c.level(),
        c.level_name(),
        c.parent().map(|p| p.to_string()).unwrap_or_default(),
        c.ancestors()
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
    );
    published_tables()?;
    special_funds(&ledger)?;
    disclosure_tour()?;
    power_tour()?;
    annual_report()?;
    check_document()
}

/// The published document of the `sunlit check` section (path as the command line names it): the
/// 2025 department budget of 上海市普陀区人民政府万里街道办事处, a 31-page PDF whose 21201 line
/// is printed 1 元 above the sum of its items in three tables (tests/data/documents/SOURCE.md).
const CHECK_DOC: &str = "tests/data/documents/shanghai/putuo-wanli-budget-2025.pdf";

/// `sunlit check` on a published document: what the command prints (`Document::to_text`); the
/// same document gives `--json` (`Document::to_json`) and `--html` (`Document::to_html`). Reading
/// a PDF needs the `pdf` feature, which the crate's examples and tests turn on.
fn check_document() -> Result<(), sunlit::Error> {
    println!("\nsunlit check {CHECK_DOC}");
    let bytes = include_bytes!("../../tests/data/documents/shanghai/putuo-wanli-budget-2025.pdf");
    let opts = sunlit::ReadOptions::default();
    match sunlit::document::SourceDocument::from_bytes(
        CHECK_DOC,
        sunlit::document::SourceFormat::Pdf,
        bytes,
        &opts,
    ) {
        Ok(source) => print!(
            "{}",
            sunlit::Document::from_source(source, &opts)?.to_text()
        ),
        Err(e) => println!("  ({e}: run the tour with --features pdf to read the PDF)"),
    }
    Ok(())
}

fn day(y: i32, m: u32, d: u32) -> Result<NaiveDate, sunlit::Error> {
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| sunlit::Error::Field {
        field: "date",
        value: format!("{y}-{m}-{d}"),
        reason: "not a date".into(),
    })
}

/// Working days (工作日), the decision table and one request (政府信息公开条例 2019).
fn disclosure_tour() -> Result<(), sunlit::Error> {
    let cal = WorkCalendar::china();
    let years = cal.covered_years();
    println!(
        "\n工作日 — official holiday data {}–{} (2027 not yet published)",
        years.first().copied().unwrap_or_default(),
        years.last().copied().unwrap_or_default()
    );
    let worked: Vec<String> = cal
        .days(2024)
        .iter()
        .filter(|d| !d.off && d.name.contains("国庆"))
        .map(|d| d.date.to_string())
        .collect();
    println!("  国庆节 2024: 10-01…10-07 off, make-up working days {worked:?}");
    let formed = day(2024, 9, 20)?;
    println!(
        "  20 working days after {formed} (start day not counted, 民法典 art. 201): {}",
        cal.add_workdays(formed, 20)?
    );
    match cal.add_workdays(day(2026, 12, 20)?, 20) {
        Err(e) => println!("  [ok] a deadline running into 2027 is refused: {e}"),
        Ok(d) => println!("  [FAIL] guessed {d} without 2027 data"),
    }

    println!("\n主动公开 or not — decide() with its articles");
    let budget = InfoItem {
        title: "2024年部门预算".into(),
        organ: "区财政局".into(),
        formed,
        category: Category::Budgets,
        ..Default::default()
    };
    let private = InfoItem {
        title: "行政处罚决定书（含个人信息）".into(),
        facts: vec![ExemptionFact::ThirdParty],
        separable: true,
        category: Category::Penalties,
        ..budget.clone()
    };
    for item in [&budget, &private] {
        let d = decide(item, &cal)?;
        println!(
            "  {}: {} {} {:?}{}",
            item.title,
            d.mode.name_zh(),
            d.ground.map(|g| g.name_zh()).unwrap_or_default(),
            d.articles,
            d.deadline.map(|d| format!(", by {d}")).unwrap_or_default()
        );
    }

    println!("\n依申请公开 — one request, consulted and extended");
    let mut req =
        DisclosureRequest::new(day(2024, 3, 1)?, Channel::Online, Applicant::NaturalPerson)
            .with_reference("2024-031");
    req.start_consultation(day(2024, 3, 8)?, ConsultParty::OtherOrgan, &cal)?;
    req.end_consultation(day(2024, 3, 15)?, &cal)?;
    req.extend(day(2024, 3, 29)?, 5, &cal)?;
    req.answer(
        day(2024, 4, 17)?,
        Outcome::parse("cannot_provide", Some("not_held"))?,
        &cal,
    )?;
    for t in req.timeline(&cal)? {
        println!(
            "  {} {:<22} {} {:?}",
            t.date,
            t.kind.id(),
            t.note,
            t.articles
        );
    }
    let s = req.status(day(2024, 4, 30)?, &cal)?;
    println!(
        "  status: {} (due {}, {} working day(s) late)",
        s.state.id(),
        s.due.map(|d| d.to_string()).unwrap_or_default(),
        s.overdue_by
    );
    for f in req.findings(day(2024, 4, 30)?, &cal)?.iter() {
        println!("  [finding] {f}");
    }
    match req.extend(day(2024, 4, 18)?, 5, &cal) {
        Err(e) => println!("  [ok] an impossible history is refused: {e}"),
        Ok(()) => println!("  [FAIL] an extension after the answer was accepted"),
    }
    let fee = information_fee(FeeMethod::PerRequest, 35);
    println!(
        "  信息处理费, 35 requests by one applicant in a month, 按件计收: {} 元 (国办函〔2020〕109号 art. 4)",
        fee.amount
    );
    Ok(())
}

/// Two versions of a (synthetic) city transport bureau's power list, in the published layout.
const POWER_V1: &str = include_str!("../../tests/data/power/list_v1.csv");
const POWER_V2: &str = include_str!("../../tests/data/power/list_v2.csv");

/// Power lists (权责清单): read, check, compare two versions; citations and credit codes.
fn power_tour() -> Result<(), sunlit::Error> {
    let v1 = PowerList::read_csv_str(POWER_V1)?;
    let v2 = PowerList::read_csv_str(POWER_V2)?;
    println!(
        "\n权责清单 — 示例市交通运输局 (synthetic, tests/data/power): {} items",
        v1.len()
    );
    let mut by_category: Vec<(String, usize)> = Vec::new();
    for item in &v1.items {
        let label = match item.category.gb_code() {
            Some(code) => format!("{code} {}", item.category.name_zh()),
            None => format!("地方 {}", item.category_label),
        };
        match by_category.iter_mut().find(|(l, _)| *l == label) {
            Some((_, n)) => *n += 1,
            None => by_category.push((label, 1)),
        }
    }
    by_category.sort();
    let summary: Vec<String> = by_category
        .iter()
        .map(|(l, n)| format!("{l} ×{n}"))
        .collect();
    println!("  categories: {}", summary.join("，"));
    println!("  checks:");
    for f in v1.check().iter() {
        println!(
            "    [{}] {} {}: {}",
            f.severity,
            f.rule,
            f.code.as_deref().unwrap_or(""),
            f.message_zh
        );
    }
    println!("  changes in version 2:");
    for c in PowerList::diff(&v1, &v2) {
        let names = |refs: &[sunlit::power::PowerItemRef]| {
            refs.iter()
                .map(|r| r.name.as_str())
                .collect::<Vec<_>>()
                .join("、")
        };
        let mut fields: Vec<String> = c
            .fields
            .iter()
            .map(|f| format!("{} {:?} → {:?}", f.field.name_zh(), f.old, f.new))
            .collect();
        match c.kind {
            sunlit::power::PowerChangeKind::Merged => fields.push(format!("← {}", names(&c.old))),
            sunlit::power::PowerChangeKind::Split => fields.push(format!("→ {}", names(&c.new))),
            _ => {}
        }
        println!(
            "    {} {} {} {}",
            c.kind.name_zh(),
            c.code.as_deref().unwrap_or(""),
            c.name,
            fields.join("; ")
        );
    }
    // What version 2 obliges the bureau to publish, and by when, on the holiday calendar.
    let cal = sunlit::WorkCalendar::china();
    let mut v2 = v2;
    v2.effective = chrono::NaiveDate::from_ymd_opt(2025, 1, 1);
    let changes = PowerList::diff(&v1, &v2);
    let opts = sunlit::power::DutyOptions {
        change_workdays: 3,
        change_basis: Some("示例市行政权力清单管理办法（批准后3个工作日内公开）".into()),
        changes: sunlit::power::ChangeLog::from_changes(
            &changes,
            Some("示例府办发〔2025〕1号"),
            None,
        )
        .records,
    };
    let duties = v2.disclosure_duties(&opts, &cal)?;
    println!(
        "  disclosure duties of version 2 (in force 2025-01-01): {}",
        duties.len()
    );
    for kind in sunlit::power::DutyKind::ALL {
        let of_kind: Vec<_> = duties.iter().filter(|d| d.kind == *kind).collect();
        if let Some(d) = of_kind.first() {
            let when = match d.due {
                Some(due) => format!("due {due}"),
                None => format!("{} working days after each decision", d.workdays),
            };
            println!(
                "    {} ×{}: {} — {} [{}]",
                kind.name_zh(),
                of_kind.len(),
                d.what,
                when,
                d.articles.join(", ")
            );
        }
    }
    if let Some(d) = duties
        .iter()
        .find(|d| d.kind == sunlit::power::DutyKind::DecisionPublicity)
    {
        let decided = chrono::NaiveDate::from_ymd_opt(2025, 1, 24).unwrap_or_default();
        let deadline = d.decision_deadline(decided, &cal)?;
        println!(
            "    a licensing decision of {decided} under “{}” is online by {} (Spring Festival in between)",
            d.name, deadline.due
        );
    }
    let c = parse_citation("《中华人民共和国行政许可法》第十二条第（一）项")?;
    println!(
        "  citation: {} → law {}, article {:?}, item {:?}",
        c.text, c.law, c.article, c.item
    );
    for code in ["12441500196720244T", "12441500196720244X"] {
        match CreditCode::parse(code) {
            Ok(_) => println!("  credit code {code}: valid (GB 32100—2015)"),
            Err(e) => println!("  credit code {code}: {e}"),
        }
    }
    Ok(())
}

const REPORT_REQUESTS: &str = include_str!("../../tests/data/report/published_2024_requests.csv");
const REPORT_PROACTIVE: &str = include_str!("../../tests/data/report/published_2024_proactive.csv");
const REPORT_REVIEWS: &str = include_str!("../../tests/data/report/published_2024_reviews.csv");

/// The annual report of disclosure work: read a published report's tables, check them, break one
/// cell, render; and the legacy figures of the seed article.
fn annual_report() -> Result<(), sunlit::Error> {
    let format = ReportFormat::Y2021;
    let report = AnnualReport::new(format, Some(2024))
        .with_requests(RequestTable::read_csv(REPORT_REQUESTS.as_bytes(), format)?)?
        .with_proactive(ProactiveTable::read_csv(
            REPORT_PROACTIVE.as_bytes(),
            format,
        )?)?
        .with_reviews(ReviewTable::read_csv(REPORT_REVIEWS.as_bytes())?);
    println!(
        "\n政府信息公开工作年度报告 2024 (synthetic published tables, {})",
        format.document()
    );
    let requests = report.requests().ok_or_else(|| sunlit::Error::Field {
        field: "table",
        value: "requests".into(),
        reason: "missing".into(),
    })?;
    for r in [
        RequestRow::New,
        RequestRow::CarriedOver,
        RequestRow::Total,
        RequestRow::CarriedForward,
    ] {
        let cells: Vec<String> = RequestColumn::ALL
            .iter()
            .map(|c| {
                requests
                    .get(r, *c)
                    .ok()
                    .flatten()
                    .map(|v| v.to_string())
                    .unwrap_or_default()
            })
            .collect();
        println!(
            "  {}{}",
            pad(r.name_zh(), 36, false),
            cells.iter().map(|c| pad(c, 7, true)).collect::<String>()
        );
    }
    let findings = report.check(&ReportCheckOptions::default());
    println!(
        "  [{}] 一 + 二 = （七） + 四 in every column, rows and totals add up ({} findings)",
        if findings.is_empty() { "ok" } else { "FAIL" },
        findings.len()
    );
    let mut broken = requests.clone();
    let v = broken
        .get(RequestRow::Granted, RequestColumn::NaturalPerson)?
        .unwrap_or_default();
    broken.set(
        RequestRow::Granted,
        RequestColumn::NaturalPerson,
        Some(v + 1),
    )?;
    for f in broken.check().iter() {
        println!("  [finding] {f}");
    }
    println!(
        "  rendered: {} bytes of HTML (merged cells as printed), {} of Markdown; 纠错率 of 行政复议 {}%",
        report.to_html().len(),
        report.to_markdown().len(),
        report
            .reviews()
            .map(|t| t.correction_rate(ReviewBlock::Review, 1))
            .transpose()?
            .flatten()
            .map(|d| d.to_string())
            .unwrap_or_default()
    );

    // Before 2019: requests by channel and 纠错率, rounded half up (the seed article, Guangdong 2016).
    let legacy = LegacyStatistics {
        year: Some(2016),
        requests: Some(45104),
        channels: [(LegacyChannel::InPerson, 24121)].into(),
        reviews: Some(1408),
        reviews_corrected: Some(245),
        suits: Some(727),
        suits_corrected: Some(65),
    };
    let pct = |d: Option<sunlit::Decimal>| d.map(|d| format!("{d}%")).unwrap_or_default();
    println!(
        "  legacy 2016: 当面申请 {} of 45,104; 行政复议纠错率 {}; 行政诉讼纠错率 {}",
        pct(legacy.channel_share(LegacyChannel::InPerson, 1)?),
        pct(legacy.review_correction_rate(1)?),
        pct(legacy.suit_correction_rate(1)?)
    );

    // Table 3 from request records: 上年结转 and 结转下年度 follow from the dates.
    let cal = WorkCalendar::china();
    let mut over = DisclosureRequest::new(
        day(2023, 12, 27)?,
        Channel::Online,
        Applicant::NaturalPerson,
    );
    over.answer(
        day(2024, 1, 15)?,
        Outcome::parse("refused", Some("state_secret"))?,
        &cal,
    )?;
    let mut granted = DisclosureRequest::new(
        day(2024, 3, 4)?,
        Channel::InPerson,
        Applicant::CommercialEnterprise,
    );
    granted.answer(day(2024, 3, 20)?, Outcome::Granted, &cal)?;
    let open = DisclosureRequest::new(day(2024, 12, 30)?, Channel::Fax, Applicant::NaturalPerson);
    let built = AnnualReport::build(&ReportInput {
        year: 2024,
        requests: Some(&[over, granted, open]),
        ..Default::default()
    })?;
    println!("  Table 3 built from three requests (自然人 / 商业企业 / 总计):");
    if let Some(t) = built.requests() {
        for r in [
            RequestRow::New,
            RequestRow::CarriedOver,
            RequestRow::Granted,
            RequestRow::RefusedStateSecret,
            RequestRow::Total,
            RequestRow::CarriedForward,
        ] {
            let cells: String = [
                RequestColumn::NaturalPerson,
                RequestColumn::CommercialEnterprise,
                RequestColumn::Total,
            ]
            .iter()
            .map(|c| {
                let v = t.get(r, *c).ok().flatten().unwrap_or_default();
                pad(&v.to_string(), 5, true)
            })
            .collect();
            println!("    {}{cells}", pad(&r.label(), 40, false));
        }
    }
    println!(
        "  [{}] the built table satisfies every identity",
        if built.check(&ReportCheckOptions::default()).is_empty() {
            "ok"
        } else {
            "FAIL"
        }
    );
    Ok(())
}
