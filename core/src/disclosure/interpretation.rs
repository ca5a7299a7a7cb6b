//! Policy interpretations (政策解读 / 回应关切): a policy document and its interpretation(s),
//! which must be published together with it — the national rule is that policy documents and
//! their interpretation plans and materials are organised, signed off and deployed together
//! (同步组织、同步审签、同步部署, 国办发〔2016〕80号《〈关于全面推进政务公开工作的意见〉实施细则》
//! 二(一)) — or within the working days a local rule allows (e.g. Zhengzhou 2016: at the latest 3
//! working days after the policy, 中原网 2016-10-22). The period is
//! [`InterpretationOptions::workdays`], national default 0 (the same day).
//!
//! [`pair`] groups a catalogue into policies and their interpretations by title and document
//! number; [`check`] gives `interpretation.missing` / `.late` / `.undated`; [`counts`] gives
//! per-year counts: the policies of the year are the figure 行政规范性文件 本年制发件数 of the
//! annual report's proactive block when they are the organ's normative documents
//! ([`InterpretationCounts::proactive_cell`]), and the interpretations published are what the
//! report's overview (一、总体情况) states.
//!
//! ```
//! use chrono::NaiveDate;
//! use sunlit::WorkCalendar;
//! use sunlit::disclosure::{CatalogueEntry, Category};
//! use sunlit::disclosure::interpretation::{InterpretationOptions, check, pair};
//! let d = |m, day| NaiveDate::from_ymd_opt(2024, m, day);
//! let entries = vec![
//!     CatalogueEntry { title: "某县人民政府关于印发某某管理办法的通知".into(), document_number: Some("某政发〔2024〕3号".into()),
//!         category: Category::Regulations, published: d(3, 1), ..Default::default() },
//!     CatalogueEntry { title: "《某政发〔2024〕3号》政策解读".into(), published: d(3, 8), ..Default::default() },
//! ];
//! let policies = pair(&entries);
//! assert_eq!(policies[0].interpretations.len(), 1);
//! let findings = check(&policies, &InterpretationOptions::default(), &WorkCalendar::china())?;
//! assert_eq!(findings[0].rule, "interpretation.late");
//! # Ok::<(), sunlit::Error>(())
//! ```

use std::collections::BTreeMap;

use chrono::Datelike;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{CatalogueEntry, Category};
use crate::calendar::WorkCalendar;
use crate::error::Result;
use crate::finding::Finding;
use crate::report::{ProactiveCell, ProactiveColumn, ProactiveRow};
use crate::rules::interpretation as rules;

/// The national rule the default period rests on.
pub const NATIONAL_RULE: &str = "国办发〔2016〕80号《〈关于全面推进政务公开工作的意见〉实施细则》二(一)：同步组织、同步审签、同步部署";

/// The period an interpretation may follow its policy, and the rule that sets it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct InterpretationOptions {
    /// Working days after the policy's publication within which the interpretation must be
    /// published; 0 = the same day (the national 同步 rule).
    pub workdays: u32,
    /// The rule setting the period, cited in findings.
    pub rule: String,
}

impl Default for InterpretationOptions {
    /// The national rule: the same day ([`NATIONAL_RULE`]).
    fn default() -> Self {
        InterpretationOptions {
            workdays: 0,
            rule: NATIONAL_RULE.to_owned(),
        }
    }
}

/// A policy document and the interpretations found for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Policy {
    /// The policy document.
    pub policy: CatalogueEntry,
    /// Its interpretations (解读, 答记者问, 图解 …).
    pub interpretations: Vec<CatalogueEntry>,
}

const MARKERS: &[&str] = &["解读", "答记者问", "一图读懂", "图解"];

/// Whether a title is an interpretation's.
///
/// ```
/// use sunlit::disclosure::interpretation::is_interpretation;
/// assert!(is_interpretation("《关于某某的通知》政策解读"));
/// assert!(!is_interpretation("关于某某的通知"));
/// ```
pub fn is_interpretation(title: &str) -> bool {
    MARKERS.iter().any(|m| title.contains(m))
}

/// Words of a title that name a policy instrument (国办发〔2016〕80号 asks interpretation of
/// 重要政策文件: opinions, measures, plans, regulations …).
const POLICY_WORDS: &[&str] = &[
    "意见", "办法", "规定", "条例", "方案", "规划", "计划", "决定", "细则", "措施", "政策", "规则",
    "指导", "标准",
];

/// Words of a title that mark a document that is not a policy to interpret: approvals (批复),
/// letters (函), appointments and the make-up of committees, commendations.
const NOT_POLICY_WORDS: &[&str] = &[
    "批复",
    "复函",
    "的函",
    "任免",
    "组成人员",
    "表彰",
    "通报",
    "放假",
];

/// Whether a numbered document's title names a policy that needs an interpretation: it contains
/// a word of a policy instrument (意见, 办法, 方案 …) and none of an approval, letter or
/// personnel notice. A heuristic; entries of category `regulations` are policies whatever their
/// title.
///
/// ```
/// use sunlit::disclosure::interpretation::is_policy_title;
/// assert!(is_policy_title("国务院办公厅关于印发《政府网站集约化试点工作方案》的通知"));
/// assert!(!is_policy_title("国务院办公厅关于调整国务院第二次全国污染源普查领导小组组成人员的通知"));
/// assert!(!is_policy_title("国务院关于同意设立某某综合保税区的批复"));
/// ```
pub fn is_policy_title(title: &str) -> bool {
    POLICY_WORDS.iter().any(|w| title.contains(w))
        && !NOT_POLICY_WORDS.iter().any(|w| title.contains(w))
}

/// Group a catalogue into policies and their interpretations. A policy is an entry of category
/// `regulations`, or one with a document number whose title names a policy instrument
/// ([`is_policy_title`]: 意见, 办法, 方案 … — not a 批复, a 函 or a personnel notice), and whose
/// title is not an interpretation's; an
/// interpretation belongs to a policy when its title or summary contains the policy's document
/// number or the policy's core title (the title without 关于印发 / 的通知 and quotation
/// marks, at least 6 characters). An interpretation that fits several policies is given to the
/// first.
///
/// ```
/// use sunlit::disclosure::{CatalogueEntry, Category};
/// use sunlit::disclosure::interpretation::pair;
/// let e = |t: &str, c| CatalogueEntry { title: t.into(), category: c, ..Default::default() };
/// let p = pair(&[e("关于印发《某县养老服务补贴办法》的通知", Category::Regulations),
///                e("《某县养老服务补贴办法》解读", Category::Other)]);
/// assert_eq!((p.len(), p[0].interpretations.len()), (1, 1));
/// ```
pub fn pair(entries: &[CatalogueEntry]) -> Vec<Policy> {
    let mut policies: Vec<Policy> = entries
        .iter()
        .filter(|e| !is_interpretation(&e.title))
        .filter(|e| {
            e.category == Category::Regulations
                || (e.document_number.is_some() && is_policy_title(&e.title))
        })
        .map(|e| Policy {
            policy: e.clone(),
            interpretations: Vec::new(),
        })
        .collect();
    for e in entries.iter().filter(|e| is_interpretation(&e.title)) {
        let text = format!("{} {}", e.title, e.summary.as_deref().unwrap_or(""));
        if let Some(p) = policies.iter_mut().find(|p| refers_to(&text, &p.policy)) {
            p.interpretations.push(e.clone());
        }
    }
    policies
}

fn refers_to(text: &str, policy: &CatalogueEntry) -> bool {
    if let Some(n) = policy.document_number.as_deref().filter(|n| !n.is_empty())
        && text.contains(n)
    {
        return true;
    }
    let core = core_title(&policy.title);
    core.chars().count() >= 6 && text.contains(&core)
}

fn core_title(title: &str) -> String {
    let start = ["关于印发", "关于转发"]
        .iter()
        .find_map(|k| title.find(k).map(|p| p + k.len()))
        .or_else(|| title.find("关于"))
        .unwrap_or(0);
    let mut t = title.get(start..).unwrap_or(title).to_owned();
    if let Some(p) = t.rfind("的通知") {
        t.truncate(p);
    }
    for quote in ["《", "》", "“", "”"] {
        t = t.replace(quote, "");
    }
    t.trim().to_owned()
}

/// The `interpretation.*` findings: a policy without interpretation (`missing`, warning) — or,
/// when two or more policies are given and none has any interpretation, one `none_listed` info
/// instead (a listing that omits interpretations is not evidence that none was published), an
/// interpretation published more than `opts.workdays` working days after its policy (`late`,
/// warning; with 0, any later day), and a policy or interpretation without publication date
/// (`undated`, info). An error when the working-day calendar does not cover a date.
///
/// ```
/// use sunlit::WorkCalendar;
/// use sunlit::disclosure::CatalogueEntry;
/// use sunlit::disclosure::interpretation::{InterpretationOptions, Policy, check};
/// let p = Policy { policy: CatalogueEntry { title: "办法".into(), ..Default::default() }, interpretations: vec![] };
/// let f = check(&[p.clone()], &InterpretationOptions::default(), &WorkCalendar::china())?;
/// assert_eq!(f[0].rule, "interpretation.missing");
/// let mut q = p; q.policy.published = chrono::NaiveDate::from_ymd_opt(2030, 1, 2);
/// q.interpretations.push(CatalogueEntry { title: "解读".into(), published: chrono::NaiveDate::from_ymd_opt(2030, 1, 9), ..Default::default() });
/// assert!(check(&[q], &InterpretationOptions { workdays: 3, ..Default::default() }, &WorkCalendar::china()).is_err());
/// # Ok::<(), sunlit::Error>(())
/// ```
pub fn check(
    policies: &[Policy],
    opts: &InterpretationOptions,
    cal: &WorkCalendar,
) -> Result<Vec<Finding>> {
    let mut out = Vec::new();
    if policies.len() > 1 && policies.iter().all(|p| p.interpretations.is_empty()) {
        let n = policies.len();
        out.push(Finding::new(
            &rules::NONE_LISTED,
            format!("目录列出{n}件政策文件，但没有任何政策解读：解读可能另行列出，未逐件检查"),
            format!(
                "the catalogue lists {n} policy documents and no interpretation at all: \
                 interpretations may be listed elsewhere, so policies were not checked one by one"
            ),
        ));
        return Ok(out);
    }
    for p in policies {
        if let Some(f) = judge(p, opts, cal)? {
            out.push(f);
        }
    }
    Ok(out)
}

fn judge(p: &Policy, opts: &InterpretationOptions, cal: &WorkCalendar) -> Result<Option<Finding>> {
    let title = &p.policy.title;
    if p.interpretations.is_empty() {
        return Ok(Some(
            Finding::new(
                &rules::MISSING,
                format!("政策文件“{title}”没有解读（{}）", opts.rule),
                format!("policy “{title}” has no interpretation ({})", opts.rule),
            )
            .with_code(p.policy.index.clone()),
        ));
    }
    let first = p.interpretations.iter().filter_map(|i| i.published).min();
    let (Some(policy_day), Some(first)) = (p.policy.published, first) else {
        return Ok(Some(
            Finding::new(
                &rules::UNDATED,
                format!("政策文件“{title}”或其解读缺少发布日期，未检查时限"),
                format!("policy “{title}” or its interpretation has no publication date"),
            )
            .with_code(p.policy.index.clone()),
        ));
    };
    let due = cal.add_workdays(policy_day, i64::from(opts.workdays))?;
    if first <= due {
        return Ok(None);
    }
    let late = cal.workdays_between(due, first)?;
    Ok(Some(
        Finding::new(
            &rules::LATE,
            format!(
                "政策文件“{title}”{policy_day}发布，解读应于{due}前发布（{}个工作日，{}），实际{first}发布，晚{late}个工作日",
                opts.workdays, opts.rule
            ),
            format!(
                "policy “{title}” published {policy_day}, interpretation due {due} ({} working days, {}), published {first}: {late} working days late",
                opts.workdays, opts.rule
            ),
        )
        .with_code(p.policy.index.clone())
        .with_values(
            Decimal::from(opts.workdays),
            Decimal::from(opts.workdays) + Decimal::from(late),
        ),
    ))
}

/// Counts for one year (the year the policy was published, else formed).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct InterpretationCounts {
    /// The year.
    pub year: i32,
    /// Policy documents of the year.
    pub policies: u64,
    /// Of them, with at least one interpretation.
    pub interpreted: u64,
    /// Of them, interpreted within the period.
    pub on_time: u64,
    /// Interpretations published in total for the year's policies.
    pub interpretations: u64,
}

impl InterpretationCounts {
    /// The year's policies as the cell 行政规范性文件 · 本年制发件数 of the annual report's
    /// proactive block (2021 format) — valid when the policies given are the organ's
    /// normative documents of the year.
    ///
    /// ```
    /// use sunlit::disclosure::interpretation::InterpretationCounts;
    /// use sunlit::report::{ProactiveColumn, ProactiveRow};
    /// let c = InterpretationCounts { year: 2024, policies: 7, ..Default::default() }.proactive_cell();
    /// assert_eq!((c.row, c.column, c.value.unwrap().to_string().as_str()),
    ///     (ProactiveRow::NormativeDocuments, ProactiveColumn::Issued, "7"));
    /// ```
    pub fn proactive_cell(&self) -> ProactiveCell {
        ProactiveCell {
            row: ProactiveRow::NormativeDocuments,
            column: ProactiveColumn::Issued,
            value: Some(Decimal::from(self.policies)),
        }
    }
}

/// Per-year counts of policies and interpretations, in year order; policies without any date
/// are not counted (they have no year). An error when the calendar does not cover a date.
///
/// ```
/// use sunlit::WorkCalendar;
/// use sunlit::disclosure::CatalogueEntry;
/// use sunlit::disclosure::interpretation::{InterpretationOptions, Policy, counts};
/// let day = chrono::NaiveDate::from_ymd_opt(2024, 5, 6);
/// let e = |t: &str| CatalogueEntry { title: t.into(), published: day, ..Default::default() };
/// let p = Policy { policy: e("办法"), interpretations: vec![e("解读")] };
/// let c = counts(&[p], &InterpretationOptions::default(), &WorkCalendar::china())?;
/// assert_eq!((c[0].year, c[0].policies, c[0].interpreted, c[0].on_time), (2024, 1, 1, 1));
/// // a period that leaves the calendar's years is an error, not a guess
/// let far = InterpretationOptions { workdays: 2_000, ..Default::default() };
/// assert!(counts(&[Policy { policy: e("办法"), interpretations: vec![e("解读")] }], &far, &WorkCalendar::china()).is_err());
/// # Ok::<(), sunlit::Error>(())
/// ```
pub fn counts(
    policies: &[Policy],
    opts: &InterpretationOptions,
    cal: &WorkCalendar,
) -> Result<Vec<InterpretationCounts>> {
    let mut by_year: BTreeMap<i32, InterpretationCounts> = BTreeMap::new();
    for p in policies {
        let Some(year) = p.policy.published.or(p.policy.formed).map(|d| d.year()) else {
            continue;
        };
        let c = by_year.entry(year).or_insert_with(|| InterpretationCounts {
            year,
            ..Default::default()
        });
        c.policies += 1;
        c.interpretations += p.interpretations.len() as u64;
        if !p.interpretations.is_empty() {
            c.interpreted += 1;
            if judge(p, opts, cal)?.is_none() {
                c.on_time += 1;
            }
        }
    }
    Ok(by_year.into_values().collect())
}
