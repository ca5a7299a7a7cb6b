//! The evaluators: each gives a score in `[0, max]`, the facts it rests on and any `scoring.*`
//! findings.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::evidence::{Evidence, EvidenceDocument, OrganKind};
use super::score::Fact;
use super::{Evaluator, Source};
use crate::disclosure::Category;
use crate::document::DocumentKind;
use crate::finding::{Finding, Severity};
use crate::rules::scoring as rules;

/// What an evaluator produced.
pub(crate) struct Outcome {
    pub score: Decimal,
    pub facts: Vec<Fact>,
    pub findings: Vec<Finding>,
}

impl Outcome {
    fn new(score: Decimal) -> Outcome {
        Outcome {
            score,
            facts: Vec::new(),
            findings: Vec::new(),
        }
    }

    fn fact(mut self, name: &str, value: impl Into<String>) -> Outcome {
        self.facts.push(Fact {
            name: name.to_owned(),
            value: value.into(),
        });
        self
    }

    /// Score 0 for want of evidence, with the finding saying what is missing.
    fn missing(id: &str, zh: String, en: String) -> Outcome {
        let f = Finding::new(&rules::MISSING_EVIDENCE, zh, en).with_code(id);
        let mut o = Outcome::new(Decimal::ZERO).fact("missing", f.message_en.clone());
        o.findings.push(f);
        o
    }
}

/// Score one leaf.
pub(crate) fn evaluate(id: &str, e: &Evaluator, ev: &Evidence) -> Outcome {
    let max = e.max();
    match e {
        Evaluator::Manual { .. } => manual(id, max, ev),
        Evaluator::AnnualReportPresent { offset, .. } => {
            let year = ev.year + offset;
            let reports = ev.documents_of(DocumentKind::AnnualReport, year);
            let score = if reports.is_empty() {
                Decimal::ZERO
            } else {
                max
            };
            with_documents(Outcome::new(score).fact("year", year.to_string()), &reports)
        }
        Evaluator::AnnualReportOnTime { offset, .. } => on_time(id, max, ev, ev.year + offset),
        Evaluator::DocumentsPresent {
            sources, offset, ..
        } => present(max, ev, sources, ev.year + offset),
        Evaluator::FindingsAbsent {
            rules,
            severity,
            source,
            deduct,
            offset,
            ..
        } => {
            let spec = Absent {
                rules,
                severity: *severity,
                source: *source,
                deduct: *deduct,
                year: ev.year + offset,
            };
            absent(id, max, ev, &spec)
        }
        Evaluator::CatalogueCategories {
            categories,
            offset,
            local,
            ..
        } => match required(categories, *local, ev) {
            Some(cats) => catalogue(id, max, ev, &cats, ev.year + offset),
            None => Outcome::missing(
                id,
                "未提供机关层级，无法确定第二十一条的类别".to_owned(),
                "the organ's level is not given, so its art. 21 categories are unknown".to_owned(),
            ),
        },
    }
}

fn with_documents(mut o: Outcome, docs: &[&EvidenceDocument]) -> Outcome {
    for d in docs {
        o = o.fact("document", d.name.clone());
    }
    o
}

fn manual(id: &str, max: Decimal, ev: &Evidence) -> Outcome {
    let Some((_, v)) = ev.manual.iter().find(|(k, _)| k == id) else {
        return Outcome::missing(
            id,
            format!("指标 {id} 未录入人工评分"),
            format!("no manual score recorded for {id}"),
        );
    };
    if v.is_sign_negative() || *v > max {
        let f = Finding::new(
            &rules::MANUAL_OUT_OF_RANGE,
            format!("指标 {id} 的人工评分 {v} 超出 0–{max}"),
            format!("the manual score {v} of {id} lies outside 0–{max}"),
        )
        .with_code(id)
        .with_values(max, *v);
        let mut o = Outcome::new(Decimal::ZERO).fact("manual", v.to_string());
        o.findings.push(f);
        return o;
    }
    Outcome::new(*v).fact("manual", v.to_string())
}

/// The art. 49 deadline of the report on `year`.
fn deadline(kind: OrganKind, year: i32) -> Option<NaiveDate> {
    match kind {
        OrganKind::Department | OrganKind::Finance => NaiveDate::from_ymd_opt(year + 1, 1, 31),
        OrganKind::Government => NaiveDate::from_ymd_opt(year + 1, 3, 31),
    }
}

fn on_time(id: &str, max: Decimal, ev: &Evidence, year: i32) -> Outcome {
    let reports = ev.documents_of(DocumentKind::AnnualReport, year);
    let Some(due) = deadline(ev.kind, year) else {
        return Outcome::missing(
            id,
            format!("{year}年无法计算期限"),
            format!("no deadline for {year}"),
        );
    };
    if reports.is_empty() {
        return Outcome::missing(
            id,
            format!("未提供{year}年度报告"),
            format!("no annual report on {year} was supplied"),
        );
    }
    let dated: Vec<(&EvidenceDocument, NaiveDate)> = reports
        .iter()
        .filter_map(|d| d.published.map(|p| (*d, p)))
        .collect();
    let Some((doc, first)) = dated.iter().min_by_key(|(_, p)| *p) else {
        let o = Outcome::missing(
            id,
            format!("{year}年度报告的公开日期未知"),
            format!("the publication date of the annual report on {year} is not known"),
        );
        return with_documents(o, &reports);
    };
    let score = if *first <= due { max } else { Decimal::ZERO };
    Outcome::new(score)
        .fact("document", doc.name.clone())
        .fact("published", first.to_string())
        .fact("deadline", format!("{due} (art. 49, {})", ev.kind.id()))
        .fact("on_time", (*first <= due).to_string())
}

fn present(max: Decimal, ev: &Evidence, sources: &[Source], year: i32) -> Outcome {
    let mut o = Outcome::new(Decimal::ZERO).fact("year", year.to_string());
    let mut found = 0u32;
    for s in sources {
        let docs = s
            .kind()
            .map(|k| ev.documents_of(k, year))
            .unwrap_or_default();
        o = o.fact(
            s.id(),
            if docs.is_empty() {
                "not supplied".to_owned()
            } else {
                docs.iter()
                    .map(|d| d.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            },
        );
        found += u32::from(!docs.is_empty());
    }
    let n = u32::try_from(sources.len()).unwrap_or(u32::MAX).max(1);
    o.score = max * Decimal::from(found) / Decimal::from(n);
    o
}

/// The parameters of a `findings_absent` evaluator.
struct Absent<'a> {
    rules: &'a [String],
    severity: Severity,
    source: Source,
    deduct: Option<Decimal>,
    year: i32,
}

fn matches(rule: &str, patterns: &[String]) -> bool {
    patterns.iter().any(|p| {
        let p = p.strip_suffix('*').unwrap_or(p);
        if p.ends_with('.') {
            rule.starts_with(p)
        } else {
            rule == p
        }
    })
}

fn absent(id: &str, max: Decimal, ev: &Evidence, a: &Absent<'_>) -> Outcome {
    let counted = |f: &&Finding| f.severity <= a.severity && matches(&f.rule, a.rules);
    let (mut o, found): (Outcome, Vec<&Finding>) = if let Some(kind) = a.source.kind() {
        let docs = ev.documents_of(kind, a.year);
        if docs.is_empty() {
            return Outcome::missing(
                id,
                format!("未提供{}年的{}", a.year, kind.name_zh()),
                format!("no {} on {} was supplied", kind.id(), a.year),
            );
        }
        let found = docs
            .iter()
            .flat_map(|d| d.findings.iter())
            .filter(counted)
            .collect();
        (with_documents(Outcome::new(max), &docs), found)
    } else {
        let unchecked: Vec<&String> = a
            .rules
            .iter()
            .filter(|r| {
                !ev.checked
                    .iter()
                    .any(|c| matches(r, std::slice::from_ref(c)) || *c == **r)
            })
            .collect();
        if !unchecked.is_empty() {
            let list = unchecked
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            return Outcome::missing(
                id,
                format!("未说明已检查 {list}"),
                format!("the evidence does not say {list} was checked"),
            );
        }
        (
            Outcome::new(max),
            ev.findings.iter().filter(counted).collect(),
        )
    };
    o = o
        .fact("rules", a.rules.join(", "))
        .fact("severity", format!("{} or more serious", a.severity.id()));
    let mut by_rule: BTreeMap<&str, usize> = BTreeMap::new();
    for f in &found {
        *by_rule.entry(f.rule.as_str()).or_default() += 1;
    }
    for (rule, n) in &by_rule {
        o = o.fact("finding", format!("{rule} ×{n}"));
    }
    let count = Decimal::from(found.len());
    o = o.fact("count", count.to_string());
    o.score = match a.deduct {
        _ if found.is_empty() => max,
        None => Decimal::ZERO,
        Some(d) => (max - d.saturating_mul(count)).max(Decimal::ZERO),
    };
    o
}

/// The categories required: those listed, plus (with `local`) the art. 21 ones binding the
/// organ's level; `None` when `local` needs a level the evidence does not give.
fn required(listed: &[Category], local: bool, ev: &Evidence) -> Option<Vec<Category>> {
    let mut cats = listed.to_vec();
    if local {
        let level = ev.level?;
        let extra: Vec<Category> = Category::ALL
            .iter()
            .copied()
            .filter(|c| c.local_levels().contains(&level) && !cats.contains(c))
            .collect();
        cats.extend(extra);
    }
    Some(cats)
}

fn catalogue(id: &str, max: Decimal, ev: &Evidence, cats: &[Category], year: i32) -> Outcome {
    if ev.catalogue.is_empty() {
        return Outcome::missing(
            id,
            "未提供政府信息公开目录".to_owned(),
            "no catalogue entries were supplied".to_owned(),
        );
    }
    let mut o = Outcome::new(Decimal::ZERO).fact("year", year.to_string());
    let mut covered = 0u32;
    for c in cats {
        let n = ev
            .catalogue
            .iter()
            .filter(|e| e.category == *c && e.published.is_some_and(|p| p.year() == year))
            .count();
        covered += u32::from(n > 0);
        o = o.fact("category", format!("{} ({}): {n}", c.id(), c.name_zh()));
    }
    let n = u32::try_from(cats.len()).unwrap_or(u32::MAX).max(1);
    o.score = max * Decimal::from(covered) / Decimal::from(n);
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_family_pattern_matches_its_rules_only() {
        let p = vec![
            "report.".to_owned(),
            "completeness.annual_section".to_owned(),
        ];
        assert!(matches("report.review_total", &p));
        assert!(matches("completeness.annual_section", &p));
        assert!(!matches("completeness.missing_table", &p));
        assert!(!matches("reports.x", &p));
    }

    #[test]
    fn the_art_49_deadlines() {
        assert_eq!(
            deadline(OrganKind::Department, 2024),
            NaiveDate::from_ymd_opt(2025, 1, 31)
        );
        assert_eq!(
            deadline(OrganKind::Government, 2024),
            NaiveDate::from_ymd_opt(2025, 3, 31)
        );
    }
}
