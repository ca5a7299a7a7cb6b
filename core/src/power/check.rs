//! Validation of a power list: the rules of [`super::rules`].

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::credit::CreditCode;
use super::item::PowerItem;
use super::list::PowerList;
use super::{LimitUnit, PowerCategory, PowerField, RiskGrade, rules};
use crate::error::Error;
use crate::finding::{Finding, Findings};
use crate::rules::Rule;

fn finding(rule: &Rule, item: &PowerItem, column: PowerField, zh: String, en: String) -> Finding {
    Finding::new(rule, zh, en)
        .with_code(item.label())
        .with_column(column.name_zh())
}

impl PowerList {
    /// Check every item against the rules of [`rules::power`](crate::rules::power): missing
    /// legal basis, citations that do not parse, duplicate codes, promised time limits beyond
    /// the statutory ones, fees without basis, licensing and penalty items without
    /// responsibility items, invalid credit codes, high risks without controls, local
    /// categories. Each finding names the item (its code, else 序号, else name) as `code` and
    /// the column by its Chinese header. Sorted: errors first, then by rule.
    ///
    /// ```
    /// use sunlit::PowerList;
    /// let list = PowerList::read_csv_str("权力分类,事项名称,编码,设定依据,责任事项\n\
    ///     行政处罚,对擅自占用公路的处罚,CF01,《公路法》第七十六条,立案责任\n\
    ///     行政许可,公路施工许可,CF01,,\n").unwrap();
    /// let rules: Vec<String> = list.check().iter().map(|f| f.rule.clone()).collect();
    /// assert_eq!(rules, ["power.duplicate_code", "power.missing_basis", "power.missing_responsibility"]);
    /// ```
    pub fn check(&self) -> Findings {
        let mut out = Findings::new();
        for item in &self.items {
            check_item(item, &mut out);
        }
        check_duplicates(&self.items, &mut out);
        out.sort();
        out
    }
}

fn check_item(item: &PowerItem, out: &mut Findings) {
    let name = &item.name;
    if item.legal_basis.is_missing() {
        out.push(finding(
            &rules::MISSING_BASIS,
            item,
            PowerField::LegalBasis,
            format!("事项“{name}”未列明设定依据"),
            format!("item {name:?} gives no legal basis"),
        ));
    }
    for seg in &item.legal_basis.unparsed {
        out.push(finding(
            &rules::CITATION_UNPARSED,
            item,
            PowerField::LegalBasis,
            format!("事项“{name}”的设定依据“{seg}”不是可识别的法条引用（《名称》第N条第N款第N项）"),
            format!("item {name:?}: basis {seg:?} is not a citation of the form 《title》第N条第N款第N项"),
        ));
    }
    if let (Some(statutory), Some(promised)) = (&item.statutory_limit, &item.promised_limit)
        && promised.exceeds(statutory) == Some(true)
    {
        let mut f = finding(
            &rules::PROMISED_EXCEEDS_STATUTORY,
            item,
            PowerField::PromisedLimit,
            format!("事项“{name}”承诺办结时限{promised}超过法定办结时限{statutory}"),
            format!("item {name:?}: promised limit {promised} exceeds the statutory {statutory}"),
        );
        if promised.unit == statutory.unit || promised.unit == LimitUnit::WorkingDays {
            f = f.with_values(Decimal::from(statutory.days), Decimal::from(promised.days));
        }
        out.push(f);
    }
    if item.charges_fee == Some(true) && item.fee_basis.is_none() {
        out.push(finding(
            &rules::FEE_WITHOUT_BASIS,
            item,
            PowerField::FeeBasis,
            format!("事项“{name}”收费但未列明收费依据"),
            format!("item {name:?} charges a fee without a fee basis"),
        ));
    }
    if matches!(
        item.category,
        PowerCategory::Licensing | PowerCategory::Penalty
    ) && item.responsibilities.is_empty()
    {
        out.push(finding(
            &rules::MISSING_RESPONSIBILITY,
            item,
            PowerField::Responsibilities,
            format!("{}事项“{name}”未列明责任事项", item.category.name_zh()),
            format!(
                "{} item {name:?} lists no responsibility items",
                item.category.id()
            ),
        ));
    }
    if let Some(code) = &item.body.credit_code
        && let Err(e) = CreditCode::parse(code)
    {
        let reason = match e {
            Error::Field { reason, .. } => reason,
            other => other.to_string(),
        };
        out.push(finding(
            &rules::INVALID_CREDIT_CODE,
            item,
            PowerField::BodyCreditCode,
            format!("事项“{name}”实施主体统一社会信用代码“{code}”无效：{reason}"),
            format!("item {name:?}: invalid unified social credit code {code:?}: {reason}"),
        ));
    }
    for r in &item.risk_points {
        if r.grade == RiskGrade::High && r.controls.is_none() {
            let step = r.step.as_deref().unwrap_or("");
            out.push(finding(
                &rules::HIGH_RISK_WITHOUT_CONTROLS,
                item,
                PowerField::RiskControls,
                format!("事项“{name}”{step}环节高等级廉政风险点未列明防控措施"),
                format!("item {name:?}: high integrity risk at step {step:?} has no controls"),
            ));
        }
    }
    if item.category == PowerCategory::Local {
        let label = &item.category_label;
        out.push(finding(
            &rules::LOCAL_CATEGORY,
            item,
            PowerField::Category,
            format!("事项“{name}”的权力分类“{label}”不在GB/T 39046—2020表A.1中"),
            format!("item {name:?}: category {label:?} has no GB/T 39046—2020 Table A.1 code"),
        ));
    }
}

fn check_duplicates(items: &[PowerItem], out: &mut Findings) {
    // The implementation code identifies an item; without one, the basic code does.
    let mut by_code: BTreeMap<(PowerField, &str), Vec<&PowerItem>> = BTreeMap::new();
    for item in items {
        let key = match (&item.implementation_code, &item.basic_code) {
            (Some(c), _) => (PowerField::ImplementationCode, c.as_str()),
            (None, Some(c)) => (PowerField::BasicCode, c.as_str()),
            (None, None) => continue,
        };
        by_code.entry(key).or_default().push(item);
    }
    for ((column, code), group) in by_code {
        if group.len() < 2 {
            continue;
        }
        let names: Vec<&str> = group.iter().map(|i| i.name.as_str()).collect();
        let f = Finding::new(
            &rules::DUPLICATE_CODE,
            format!("编码“{code}”重复{}次：{}", group.len(), names.join("、")),
            format!(
                "code {code:?} appears {} times: {}",
                group.len(),
                names.join(", ")
            ),
        )
        .with_code(code)
        .with_column(column.name_zh())
        .with_values(Decimal::ONE, Decimal::from(group.len()));
        out.push(f);
    }
}
