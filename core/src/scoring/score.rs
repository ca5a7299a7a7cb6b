//! Scoring an organ on a scheme, and ranking organs.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serialize;

use super::evaluate::evaluate;
use super::evidence::Evidence;
use super::{Indicator, Scheme, Weight};
use crate::error::{Error, Result};
use crate::finding::{Finding, Findings};

/// One fact an indicator's score rests on: a document name, a date, a rule and its count.
///
/// ```
/// let f = sunlit::scoring::Fact { name: "published".into(), value: "2025-02-25".into() };
/// assert_eq!(f.to_string(), "published: 2025-02-25");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fact {
    /// What it is (`document`, `published`, `deadline`, `finding`, `count`, `manual`, `missing` …).
    pub name: String,
    /// Its value as text.
    pub value: String,
}

impl std::fmt::Display for Fact {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.name, self.value)
    }
}

/// The score of one indicator, with its children or its evaluator's facts.
///
/// ```
/// # use sunlit::scoring::*;
/// # let s = Scheme::embedded("cass-2022")?;
/// # let w: Vec<_> = s.unknown_weights().into_iter().map(|id| (id, 1.into())).collect();
/// let score = s.with_weights(&w)?.score(&Evidence::new("x", OrganKind::Government, 2021))?;
/// let first = &score.indicators[0];
/// assert_eq!(first.share.to_string(), "20"); // 100 × 1/5
/// assert_eq!(first.score.to_string(), "0"); // no manual score recorded
/// # Ok::<(), sunlit::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorScore {
    /// The indicator's id.
    pub id: String,
    /// Chinese name.
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// 1 for 一级指标, 2 for 二级 …
    pub level: u32,
    /// `published` or `sunlit`.
    pub origin: &'static str,
    /// The weight used (supplied where the scheme's was unknown).
    pub weight: Decimal,
    /// The points it can earn out of the scheme's total (exact).
    pub share: Decimal,
    /// The points it earned (exact; rounded only when printed).
    pub score: Decimal,
    /// The evaluator of a leaf (`manual`, `findings_absent` …).
    pub evaluator: Option<&'static str>,
    /// The evaluator's own score and maximum (a leaf).
    pub raw: Option<(Decimal, Decimal)>,
    /// The facts the score rests on (a leaf).
    pub facts: Vec<Fact>,
    /// `scoring.*` findings of the leaf.
    pub findings: Vec<Finding>,
    /// Children.
    pub children: Vec<IndicatorScore>,
}

/// The score of one organ: total, the explanation tree, and every `scoring.*` finding.
///
/// ```
/// # use sunlit::scoring::*;
/// # let s = Scheme::embedded("cass-2022")?;
/// # let w: Vec<_> = s.unknown_weights().into_iter().map(|id| (id, 1.into())).collect();
/// let score = s.with_weights(&w)?.score(&Evidence::new("x", OrganKind::Government, 2021))?;
/// assert_eq!(score.total.to_string(), "0.00");
/// assert_eq!(score.findings.len(), 5); // five manual scores missing
/// # Ok::<(), sunlit::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OrganScore {
    /// The organ.
    pub organ: String,
    /// The scheme's id.
    pub scheme: String,
    /// The scheme's version.
    pub version: String,
    /// The year assessed.
    pub year: i32,
    /// The scheme's maximum.
    pub max: Decimal,
    /// The total, rounded to 2 places half up.
    pub total: Decimal,
    /// The total before rounding.
    pub exact: Decimal,
    /// The first-level indicators.
    pub indicators: Vec<IndicatorScore>,
    /// Every `scoring.*` finding, in tree order.
    pub findings: Findings,
}

/// Round to 2 places, half up (scores are never negative).
pub(crate) fn round2(d: Decimal) -> Decimal {
    let mut r = d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    r.rescale(2);
    r
}

fn weights_of(scheme: &Scheme, nodes: &[Indicator]) -> Result<Vec<Decimal>> {
    let mut out = Vec::with_capacity(nodes.len());
    for n in nodes {
        match n.weight {
            Weight::Known(w) => out.push(w),
            Weight::Unknown => {
                return Err(Error::Field {
                    field: "weight",
                    value: n.id.clone(),
                    reason: format!(
                        "the weight of {} ({}) in scheme {} was never published; supply it \
                         (Scheme::with_weights) before scoring",
                        n.id,
                        n.name_zh,
                        scheme.id()
                    ),
                });
            }
        }
    }
    if out.iter().all(Decimal::is_zero) {
        let ids: Vec<&str> = nodes.iter().map(|n| n.id.as_str()).collect();
        return Err(Error::Field {
            field: "weight",
            value: ids.join(", "),
            reason: "the weights of these sibling indicators are all 0".to_owned(),
        });
    }
    Ok(out)
}

fn score_nodes(
    scheme: &Scheme,
    nodes: &[Indicator],
    share: Decimal,
    level: u32,
    ev: &Evidence,
) -> Result<Vec<IndicatorScore>> {
    let weights = weights_of(scheme, nodes)?;
    let sum: Decimal = weights.iter().sum();
    let mut out = Vec::with_capacity(nodes.len());
    for (n, w) in nodes.iter().zip(weights) {
        let mine = share * w / sum;
        let mut s = IndicatorScore {
            id: n.id.clone(),
            name_zh: n.name_zh.clone(),
            name_en: n.name_en.clone(),
            level,
            origin: n.origin.id(),
            weight: w,
            share: mine.normalize(),
            score: Decimal::ZERO,
            evaluator: n.evaluator.as_ref().map(|e| e.id()),
            raw: None,
            facts: Vec::new(),
            findings: Vec::new(),
            children: Vec::new(),
        };
        if let Some(e) = &n.evaluator {
            let o = evaluate(&n.id, e, ev);
            s.score = (mine * o.score / e.max()).normalize();
            s.raw = Some((o.score, e.max()));
            s.facts = o.facts;
            s.findings = o.findings;
        } else {
            s.children = score_nodes(scheme, &n.children, mine, level + 1, ev)?;
            s.score = s
                .children
                .iter()
                .map(|c| c.score)
                .sum::<Decimal>()
                .normalize();
        }
        out.push(s);
    }
    Ok(out)
}

fn collect(nodes: &[IndicatorScore], out: &mut Findings) {
    for n in nodes {
        out.extend(n.findings.iter().cloned());
        collect(&n.children, out);
    }
}

impl Scheme {
    /// Score one organ: every leaf evaluated on the evidence, shares by weight, exact
    /// arithmetic, the total rounded to 2 places half up at the end. An unknown weight is an
    /// [`Error::Field`] naming the indicator; missing evidence is not an error but a
    /// `scoring.missing_evidence` finding (the leaf scores 0).
    ///
    /// ```
    /// use sunlit::scoring::{Evidence, OrganKind, Scheme};
    /// // CASS 2021 results for 深圳市 as published, with equal weights (stated: the real ones
    /// // were never published, and the published total 84.97 shows they are not equal).
    /// let s = Scheme::embedded("cass-2022")?;
    /// let w: Vec<_> = s.unknown_weights().into_iter().map(|id| (id, 1.into())).collect();
    /// let mut e = Evidence::new("深圳市人民政府", OrganKind::Government, 2021);
    /// for (id, v) in [("decision", "87.80"), ("management_service", "81.70"),
    ///                 ("execution_result", "81.15"), ("platform", "95.00"), ("on_request", "87.50")] {
    ///     e.manual.push((format!("cass-2022.{id}"), v.parse().unwrap()));
    /// }
    /// assert_eq!(s.with_weights(&w)?.score(&e)?.total.to_string(), "86.63");
    /// assert!(s.score(&e).is_err()); // weights unknown
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn score(&self, evidence: &Evidence) -> Result<OrganScore> {
        let indicators = score_nodes(self, &self.indicators, self.total, 1, evidence)?;
        let exact: Decimal = indicators.iter().map(|c| c.score).sum();
        let mut findings = Findings::new();
        collect(&indicators, &mut findings);
        findings.extend(self.stray_manual(evidence));
        Ok(OrganScore {
            organ: evidence.organ.clone(),
            scheme: self.id.clone(),
            version: self.version.clone(),
            year: evidence.year,
            max: self.total,
            total: round2(exact),
            exact: exact.normalize(),
            indicators,
            findings,
        })
    }
}

impl Scheme {
    /// A `scoring.manual_out_of_range` finding for each manual score that names no manual leaf
    /// of the scheme (a typo would otherwise be ignored silently).
    fn stray_manual(&self, evidence: &Evidence) -> Vec<Finding> {
        let leaves: Vec<&str> = self
            .walk()
            .into_iter()
            .filter(|(_, n)| matches!(n.evaluator, Some(super::Evaluator::Manual { .. })))
            .map(|(_, n)| n.id.as_str())
            .collect();
        evidence
            .manual
            .iter()
            .filter(|(id, _)| !leaves.contains(&id.as_str()))
            .map(|(id, v)| {
                Finding::new(
                    &crate::rules::scoring::MANUAL_OUT_OF_RANGE,
                    format!("人工评分 {id} = {v} 不对应本方案的人工评分指标，未计入"),
                    format!("the manual score {id} = {v} names no manual indicator of scheme {}; not counted", self.id),
                )
                .with_code(id.clone())
            })
            .collect()
    }
}

/// One organ's place in a ranking.
///
/// ```
/// let r = sunlit::scoring::Ranked { rank: 1, organ: "x".into(), total: 90.into(), tied: false };
/// assert_eq!(r.rank, 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ranked {
    /// 1-based place; organs with the same rounded total share the place and the next place
    /// skips (standard competition ranking, 1-2-2-4).
    pub rank: u32,
    /// The organ.
    pub organ: String,
    /// Its total (rounded to 2 places).
    pub total: Decimal,
    /// Whether another organ has the same total.
    pub tied: bool,
}

/// Rank organs scored on the same scheme and year, highest total first. Totals are compared as
/// published (rounded to 2 places); equal totals share a place (1-2-2-4) and are listed by
/// organ name. Scores of different schemes or years are an [`Error::MixedDimension`].
///
/// ```
/// use sunlit::scoring::{Evidence, OrganKind, Scheme, rank};
/// let s = Scheme::embedded("cass-2022")?;
/// let w: Vec<_> = s.unknown_weights().into_iter().map(|id| (id, 1.into())).collect();
/// let s = s.with_weights(&w)?;
/// let mut a = Evidence::new("甲", OrganKind::Government, 2021);
/// a.manual.push(("cass-2022.platform".into(), 90.into()));
/// let b = Evidence::new("乙", OrganKind::Government, 2021);
/// let c = Evidence::new("丙", OrganKind::Government, 2021);
/// let r = rank(&[s.score(&b)?, s.score(&a)?, s.score(&c)?])?;
/// assert_eq!((r[0].organ.as_str(), r[0].rank), ("甲", 1));
/// assert_eq!((r[1].rank, r[2].rank, r[1].tied), (2, 2, true));
/// let other = Evidence::new("丁", OrganKind::Government, 2020);
/// assert!(rank(&[s.score(&a)?, s.score(&other)?]).is_err());
/// # Ok::<(), sunlit::Error>(())
/// ```
pub fn rank(scores: &[OrganScore]) -> Result<Vec<Ranked>> {
    let mut kinds: Vec<String> = scores
        .iter()
        .map(|s| format!("{} {} / {}", s.scheme, s.version, s.year))
        .collect();
    kinds.sort();
    kinds.dedup();
    if kinds.len() > 1 {
        return Err(Error::MixedDimension {
            dimension: "scheme and year".to_owned(),
            values: kinds,
        });
    }
    let mut sorted: Vec<&OrganScore> = scores.iter().collect();
    sorted.sort_by(|a, b| b.total.cmp(&a.total).then_with(|| a.organ.cmp(&b.organ)));
    let mut out: Vec<Ranked> = Vec::with_capacity(sorted.len());
    for (i, s) in sorted.iter().enumerate() {
        let place = match out.last() {
            Some(prev) if prev.total == s.total => prev.rank,
            _ => u32::try_from(i + 1).unwrap_or(u32::MAX),
        };
        out.push(Ranked {
            rank: place,
            organ: s.organ.clone(),
            total: s.total,
            tied: sorted.iter().filter(|o| o.total == s.total).count() > 1,
        });
    }
    Ok(out)
}
