//! Transparency scoring (政务公开评估 / 政府透明度指数): an index as a versioned, weighted tree of
//! indicators (一级/二级/三级指标) loaded from data, each leaf scored by an evaluator that reads
//! the library's own objects — published documents and their findings, annual reports, a
//! disclosure catalogue, extra findings of any family — or by a recorded manual score; organs
//! scored, ranked, and every score explained down to the facts that produced it.
//!
//! - A [`Scheme`] is data (JSON): [`Scheme::embedded`] gives the shipped schemes
//!   ([`EMBEDDED`]: the CASS 2022 first-level structure, whose weights were never published, and
//!   the Xianning 2023 assessment with its published 70/30 split), [`Scheme::from_json`] and
//!   [`Scheme::from_path`] a scheme of one's own. A weight may be `unknown` (never published):
//!   such a scheme refuses to score — an error naming the indicator — until the caller supplies
//!   the weight ([`Scheme::with_weights`]).
//! - [`Evidence`] is what is known of one organ for one year: its documents as read and checked
//!   ([`EvidenceDocument`], with the day each was published), catalogue entries, extra findings
//!   with the families that were checked, and manual scores.
//! - [`Scheme::score`] gives an [`OrganScore`]: the total and a tree of [`IndicatorScore`]s with
//!   the facts ([`Fact`]) and the `scoring.*` findings of each leaf, printable as text or Markdown
//!   and serialisable as JSON; [`rank`] orders several organs, ties stated.
//!
//! **Arithmetic.** A node's share of the total is its parent's share × its weight ÷ the sum of
//! its siblings' weights (weights are relative: 70/30 and 0.7/0.3 are the same); a leaf earns its
//! share × evaluator score ÷ evaluator maximum. Everything is `Decimal` (divisions to Decimal's 28
//! significant digits); the total and each printed score are rounded to 2 places, half up, at the
//! end only — so the printed parts may differ from the printed total in the last place.
//!
//! ```
//! use sunlit::scoring::{Evidence, OrganKind, Scheme};
//! let scheme = Scheme::embedded("cass-2022")?;
//! assert_eq!(scheme.indicators().len(), 5); // 决策公开 … 依申请公开
//! // Its weights were never published: scoring refuses, naming the indicator.
//! let evidence = Evidence::new("深圳市人民政府", OrganKind::Government, 2021);
//! let err = scheme.score(&evidence).unwrap_err();
//! assert!(err.to_string().contains("cass-2022.decision"));
//! # Ok::<(), sunlit::Error>(())
//! ```

mod evaluate;
mod evidence;
mod load;
mod render;
mod score;

pub use evidence::{Evidence, EvidenceDocument, OrganKind};
pub use score::{Fact, IndicatorScore, OrganScore, Ranked, rank};

use rust_decimal::Decimal;
use serde::Serialize;

use crate::disclosure::Category;
use crate::document::DocumentKind;
use crate::finding::Severity;

/// The schemes shipped with the library, by id, with their JSON (core/data/indices/, sources in
/// core/data/indices/SOURCE.md).
///
/// ```
/// assert!(sunlit::scoring::EMBEDDED.iter().any(|(id, _)| *id == "xianning-2023"));
/// ```
pub const EMBEDDED: &[(&str, &str)] = &[
    (
        "cass-2022",
        include_str!("../../data/indices/cass-2022.json"),
    ),
    (
        "xianning-2023",
        include_str!("../../data/indices/xianning-2023.json"),
    ),
];

/// An index: a versioned tree of weighted indicators. Read from JSON ([`Scheme::from_json`]);
/// see docs/scoring.md for the format.
///
/// ```
/// let s = sunlit::scoring::Scheme::embedded("xianning-2023")?;
/// assert_eq!((s.id(), s.version()), ("xianning-2023", "2023"));
/// assert_eq!(s.total().to_string(), "100");
/// # Ok::<(), sunlit::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scheme {
    id: String,
    version: String,
    name_zh: String,
    name_en: String,
    source: String,
    total: Decimal,
    indicators: Vec<Indicator>,
}

/// One indicator (指标): a node of the tree, either with children or with an evaluator.
///
/// ```
/// let s = sunlit::scoring::Scheme::embedded("cass-2022")?;
/// let first = &s.indicators()[0];
/// assert_eq!(first.name_zh, "决策公开");
/// assert!(first.weight.is_unknown());
/// # Ok::<(), sunlit::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Indicator {
    /// Stable id, unique in the scheme (`cass-2022.decision`); manual scores and supplied
    /// weights name it.
    pub id: String,
    /// Chinese name as published (决策公开).
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// Its weight among its siblings.
    pub weight: Weight,
    /// Whether the indicator is the published scheme's own or sunlit's operationalisation of it.
    pub origin: Origin,
    /// A note (what the source says, what is not known).
    pub note: Option<String>,
    /// Children (empty for a leaf).
    pub children: Vec<Indicator>,
    /// The evaluator of a leaf (`None` for a node with children).
    pub evaluator: Option<Evaluator>,
}

/// The weight of an indicator among its siblings.
///
/// ```
/// use sunlit::scoring::Weight;
/// assert!(Weight::Unknown.is_unknown());
/// assert!(!Weight::Known(70.into()).is_unknown());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Weight {
    /// Published (or set by the scheme's author).
    Known(Decimal),
    /// Never published: the caller must supply it ([`Scheme::with_weights`]).
    Unknown,
}

impl Weight {
    /// Whether the weight is unknown (to be supplied).
    ///
    /// ```
    /// assert!(sunlit::scoring::Weight::Unknown.is_unknown());
    /// ```
    pub fn is_unknown(self) -> bool {
        matches!(self, Weight::Unknown)
    }
}

/// Where an indicator comes from.
///
/// ```
/// assert_eq!(sunlit::scoring::Origin::Sunlit.id(), "sunlit");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// Part of the published scheme.
    #[default]
    Published,
    /// Added by sunlit to make a published indicator measurable from documents (not part of the
    /// published scheme; its weight is sunlit's choice, stated in the data).
    Sunlit,
}

impl Origin {
    /// `published` or `sunlit`.
    ///
    /// ```
    /// assert_eq!(sunlit::scoring::Origin::Published.id(), "published");
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            Origin::Published => "published",
            Origin::Sunlit => "sunlit",
        }
    }
}

/// Which documents (or findings) an evaluator reads.
///
/// ```
/// assert_eq!(sunlit::scoring::Source::AnnualReport.id(), "annual_report");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// The annual reports (政府信息公开工作年度报告) of the year.
    AnnualReport,
    /// The budgets (部门预算 / 单位预算) of the year.
    Budget,
    /// The final accounts (部门决算) of the year.
    Final,
    /// The extra findings of the evidence (checks made elsewhere: `directory.*`, `guide.*` …).
    Extra,
}

impl Source {
    /// The id used in scheme JSON.
    ///
    /// ```
    /// assert_eq!(sunlit::scoring::Source::Extra.id(), "extra");
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            Source::AnnualReport => "annual_report",
            Source::Budget => "budget",
            Source::Final => "final",
            Source::Extra => "extra",
        }
    }

    /// The document kind it reads (`None` for extra findings).
    fn kind(self) -> Option<DocumentKind> {
        match self {
            Source::AnnualReport => Some(DocumentKind::AnnualReport),
            Source::Budget => Some(DocumentKind::Budget),
            Source::Final => Some(DocumentKind::Final),
            Source::Extra => None,
        }
    }
}

/// How a leaf is scored, in `[0, max]`. Years are the evidence's year plus `offset`.
///
/// ```
/// use sunlit::scoring::Evaluator;
/// let e = Evaluator::Manual { max: 100.into() };
/// assert_eq!(e.max().to_string(), "100");
/// assert_eq!(e.id(), "manual");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Evaluator {
    /// A score recorded by an assessor ([`Evidence::manual`]); none recorded scores 0 with a
    /// `scoring.missing_evidence` finding.
    Manual {
        /// The maximum.
        max: Decimal,
    },
    /// The annual report on the year is among the documents: `max`, else 0.
    AnnualReportPresent {
        /// The maximum.
        max: Decimal,
        /// Year offset.
        offset: i32,
    },
    /// The annual report on the year was published by the art. 49 deadline — 31 January of the
    /// next year for a department, 31 March for a people's government, the day itself on time:
    /// `max`; late or no date known: 0.
    AnnualReportOnTime {
        /// The maximum.
        max: Decimal,
        /// Year offset.
        offset: i32,
    },
    /// Documents of these sources (budget, final, annual report) for the year are among the
    /// evidence: `max` × the share of sources present.
    DocumentsPresent {
        /// The maximum.
        max: Decimal,
        /// The sources required.
        sources: Vec<Source>,
        /// Year offset.
        offset: i32,
    },
    /// No finding of these rules (ids, or families written `family.`) at this severity or a
    /// more serious one, in the documents of `source` (at least one needed) or in the extra
    /// findings (their family must be listed in [`Evidence::checked`]): `max`, less `deduct`
    /// per finding (floor 0) — or 0 at the first finding when `deduct` is `None`.
    FindingsAbsent {
        /// The maximum.
        max: Decimal,
        /// Rule ids or family prefixes (`report.`, `completeness.annual_section`).
        rules: Vec<String>,
        /// The least serious severity counted.
        severity: Severity,
        /// Where the findings come from.
        source: Source,
        /// Points off per finding (`None`: any finding scores 0).
        deduct: Option<Decimal>,
        /// Year offset.
        offset: i32,
    },
    /// The catalogue has at least one entry published in the year in each category:
    /// `max` × the share of categories covered.
    CatalogueCategories {
        /// The maximum.
        max: Decimal,
        /// The art. 20/21 categories required.
        categories: Vec<Category>,
        /// Also require the art. 21 categories that bind the organ's level
        /// ([`Category::local_levels`]; the evidence must give the level).
        local: bool,
        /// Year offset.
        offset: i32,
    },
}

impl Evaluator {
    /// The maximum score of the evaluator.
    ///
    /// ```
    /// let e = sunlit::scoring::Evaluator::AnnualReportPresent { max: 10.into(), offset: 0 };
    /// assert_eq!(e.max().to_string(), "10");
    /// ```
    pub fn max(&self) -> Decimal {
        match self {
            Evaluator::Manual { max }
            | Evaluator::AnnualReportPresent { max, .. }
            | Evaluator::AnnualReportOnTime { max, .. }
            | Evaluator::DocumentsPresent { max, .. }
            | Evaluator::FindingsAbsent { max, .. }
            | Evaluator::CatalogueCategories { max, .. } => *max,
        }
    }

    /// The evaluator's kind as written in JSON (`manual`, `findings_absent` …).
    ///
    /// ```
    /// let e = sunlit::scoring::Evaluator::Manual { max: 5.into() };
    /// assert_eq!(e.id(), "manual");
    /// ```
    pub fn id(&self) -> &'static str {
        match self {
            Evaluator::Manual { .. } => "manual",
            Evaluator::AnnualReportPresent { .. } => "annual_report_present",
            Evaluator::AnnualReportOnTime { .. } => "annual_report_on_time",
            Evaluator::DocumentsPresent { .. } => "documents_present",
            Evaluator::FindingsAbsent { .. } => "findings_absent",
            Evaluator::CatalogueCategories { .. } => "catalogue_categories",
        }
    }
}

impl Scheme {
    /// The scheme's id (`cass-2022`).
    ///
    /// ```
    /// assert_eq!(sunlit::scoring::Scheme::embedded("cass-2022")?.id(), "cass-2022");
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Its version (the year of the scheme).
    ///
    /// ```
    /// assert_eq!(sunlit::scoring::Scheme::embedded("cass-2022")?.version(), "2022");
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn version(&self) -> &str {
        &self.version
    }

    /// Chinese name.
    ///
    /// ```
    /// assert!(sunlit::scoring::Scheme::embedded("cass-2022")?.name_zh().contains("透明度"));
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn name_zh(&self) -> &str {
        &self.name_zh
    }

    /// English name.
    ///
    /// ```
    /// assert!(sunlit::scoring::Scheme::embedded("cass-2022")?.name_en().contains("Transparency"));
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn name_en(&self) -> &str {
        &self.name_en
    }

    /// Where the scheme was published (see core/data/indices/SOURCE.md).
    ///
    /// ```
    /// assert!(sunlit::scoring::Scheme::embedded("xianning-2023")?.source().contains("henanshanlin.com"));
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The maximum total (100 for both shipped schemes).
    ///
    /// ```
    /// assert_eq!(sunlit::scoring::Scheme::embedded("cass-2022")?.total().to_string(), "100");
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn total(&self) -> Decimal {
        self.total
    }

    /// The first-level indicators.
    ///
    /// ```
    /// let s = sunlit::scoring::Scheme::embedded("xianning-2023")?;
    /// assert_eq!(s.indicators()[0].weight, sunlit::scoring::Weight::Known(70.into()));
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn indicators(&self) -> &[Indicator] {
        &self.indicators
    }

    /// Every indicator, depth first, with its level (1 = 一级指标).
    ///
    /// ```
    /// let s = sunlit::scoring::Scheme::embedded("cass-2022")?;
    /// assert!(s.walk().iter().all(|(level, _)| *level == 1));
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn walk(&self) -> Vec<(u32, &Indicator)> {
        fn go<'a>(level: u32, nodes: &'a [Indicator], out: &mut Vec<(u32, &'a Indicator)>) {
            for n in nodes {
                out.push((level, n));
                go(level + 1, &n.children, out);
            }
        }
        let mut out = Vec::new();
        go(1, &self.indicators, &mut out);
        out
    }

    /// The ids of the indicators whose weight is unknown (to be supplied before scoring).
    ///
    /// ```
    /// let s = sunlit::scoring::Scheme::embedded("cass-2022")?;
    /// assert_eq!(s.unknown_weights().len(), 5);
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn unknown_weights(&self) -> Vec<String> {
        self.walk()
            .into_iter()
            .filter(|(_, n)| n.weight.is_unknown())
            .map(|(_, n)| n.id.clone())
            .collect()
    }

    /// The same scheme with weights supplied by id (for unknown weights, or to override known
    /// ones). An id that names no indicator, or a negative weight, is an error naming it.
    ///
    /// ```
    /// use rust_decimal::Decimal;
    /// let s = sunlit::scoring::Scheme::embedded("cass-2022")?;
    /// let ids = s.unknown_weights();
    /// let w: Vec<(String, Decimal)> = ids.iter().map(|id| (id.clone(), Decimal::ONE)).collect();
    /// assert!(s.with_weights(&w)?.unknown_weights().is_empty());
    /// assert!(s.with_weights(&[("no.such".into(), Decimal::ONE)]).is_err());
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn with_weights(&self, weights: &[(String, Decimal)]) -> crate::Result<Scheme> {
        let mut out = self.clone();
        for (id, w) in weights {
            if w.is_sign_negative() {
                return Err(crate::Error::Field {
                    field: "weight",
                    value: format!("{id}={w}"),
                    reason: "a weight must be 0 or more".to_owned(),
                });
            }
            let node = find_mut(&mut out.indicators, id).ok_or_else(|| crate::Error::Field {
                field: "weight",
                value: id.clone(),
                reason: format!("no indicator {id:?} in scheme {}", self.id),
            })?;
            node.weight = Weight::Known(*w);
        }
        Ok(out)
    }
}

fn find_mut<'a>(nodes: &'a mut [Indicator], id: &str) -> Option<&'a mut Indicator> {
    for n in nodes {
        if n.id == id {
            return Some(n);
        }
        if let Some(found) = find_mut(&mut n.children, id) {
            return Some(found);
        }
    }
    None
}
