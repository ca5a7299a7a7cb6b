//! Transparency scoring (政务公开评估): an index as a weighted indicator tree from data, organs
//! scored from their documents, ranked and explained.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use sunlit::Finding;
use sunlit::disclosure::OrganLevel;
use sunlit::scoring::{Evidence, EvidenceDocument, IndicatorScore, OrganKind};

use crate::errors::Result;

/// A document file of an organ, with the day its portal published it when known.
#[derive(Debug, Clone, uniffi::Record)]
pub struct EvidenceFile {
    /// The file (.pdf, .xlsx, .xls, .csv, .html), read and checked when scored.
    pub path: String,
    /// The day it was published (for the art. 49 deadline of an annual report).
    #[uniffi(default = None)]
    pub published: Option<NaiveDate>,
}

/// What is known of one organ for the year assessed.
#[derive(Debug, Clone, uniffi::Record)]
pub struct ScoringEvidence {
    /// The organ.
    pub organ: String,
    /// Government (report due 31 March) or department (31 January).
    pub kind: OrganKind,
    /// The year assessed.
    pub year: i32,
    /// Its documents.
    #[uniffi(default = [])]
    pub documents: Vec<EvidenceFile>,
    /// Manual scores by indicator id.
    #[uniffi(default = None)]
    pub manual: Option<HashMap<String, Decimal>>,
    /// Findings of checks made elsewhere.
    #[uniffi(default = [])]
    pub findings: Vec<Finding>,
    /// The rule families (`directory.`) those checks cover.
    #[uniffi(default = [])]
    pub checked: Vec<String>,
    /// Catalogue entries of the organ as a JSON array (the fields of the core's
    /// `CatalogueEntry`), or null.
    #[uniffi(default = None)]
    pub catalogue_json: Option<String>,
    /// The organ's level (for the art. 21 categories of its catalogue), or null.
    #[uniffi(default = None)]
    pub level: Option<OrganLevel>,
}

impl ScoringEvidence {
    fn core(self) -> Result<Evidence> {
        let mut e = Evidence::new(&self.organ, self.kind, self.year);
        e.level = self.level;
        for f in self.documents {
            e.documents
                .push(EvidenceDocument::read(&f.path, f.published)?);
        }
        let mut manual: Vec<(String, Decimal)> =
            self.manual.unwrap_or_default().into_iter().collect();
        manual.sort_by(|a, b| a.0.cmp(&b.0));
        e.manual = manual;
        e.findings = self.findings.into();
        e.checked = self.checked;
        if let Some(json) = self.catalogue_json {
            e.add_catalogue_json(&json)?;
        }
        Ok(e)
    }
}

/// An index (指标体系); weights never published must be supplied before it scores. (Named
/// ScoringScheme here: `Scheme` is the classification scheme in Kotlin.)
#[derive(Debug, uniffi::Object)]
pub struct ScoringScheme(sunlit::scoring::Scheme);

constructors! { ScoringScheme {
    /// A shipped scheme by id: "cass-2022" or "xianning-2023".
    #[uniffi::constructor]
    fn embedded(name: String) -> Result<Arc<ScoringScheme>> =
        Ok(Arc::new(ScoringScheme(sunlit::scoring::Scheme::embedded(&name)?)));
    /// A scheme from JSON text.
    #[uniffi::constructor]
    fn from_json(text: String) -> Result<Arc<ScoringScheme>> =
        Ok(Arc::new(ScoringScheme(sunlit::scoring::Scheme::from_json(&text)?)));
    /// A scheme from a JSON file.
    #[uniffi::constructor]
    fn from_path(path: String) -> Result<Arc<ScoringScheme>> =
        Ok(Arc::new(ScoringScheme(sunlit::scoring::Scheme::from_path(path)?)));
}}

methods! { ScoringScheme(s) {
    /// The scheme's id.
    fn id() -> String = s.0.id().to_owned();
    /// Its version.
    fn version() -> String = s.0.version().to_owned();
    /// Chinese name.
    fn name_zh() -> String = s.0.name_zh().to_owned();
    /// The maximum total.
    fn total() -> Decimal = s.0.total();
    /// The ids of the indicators whose weight was never published.
    fn unknown_weights() -> Vec<String> = s.0.unknown_weights();
    /// The scheme with weights supplied by indicator id.
    fn with_weights(weights: HashMap<String, Decimal>) -> Result<Arc<ScoringScheme>> = {
        let mut w: Vec<(String, Decimal)> = weights.into_iter().collect();
        w.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(Arc::new(ScoringScheme(s.0.with_weights(&w)?)))
    };
    /// Score one organ (its documents are read and checked here).
    fn score(evidence: ScoringEvidence) -> Result<Arc<OrganScore>> =
        Ok(Arc::new(OrganScore(s.0.score(&evidence.core()?)?)));
}}

/// One indicator of an explanation, depth first.
#[derive(Debug, Clone, uniffi::Record)]
pub struct IndicatorLine {
    /// The indicator's id.
    pub id: String,
    /// Chinese name.
    pub name_zh: String,
    /// 1 for 一级指标 …
    pub level: u32,
    /// The weight used.
    pub weight: Decimal,
    /// The points it can earn (exact).
    pub share: Decimal,
    /// The points it earned (exact).
    pub score: Decimal,
    /// The facts of a leaf as "name: value".
    pub facts: Vec<String>,
}

fn lines(nodes: &[IndicatorScore], out: &mut Vec<IndicatorLine>) {
    for n in nodes {
        out.push(IndicatorLine {
            id: n.id.clone(),
            name_zh: n.name_zh.clone(),
            level: n.level,
            weight: n.weight,
            share: n.share,
            score: n.score,
            facts: n.facts.iter().map(ToString::to_string).collect(),
        });
        lines(&n.children, out);
    }
}

/// The score of one organ.
#[derive(Debug, uniffi::Object)]
pub struct OrganScore(sunlit::scoring::OrganScore);

methods! { OrganScore(o) {
    /// The organ.
    fn organ() -> String = o.0.organ.clone();
    /// The year assessed.
    fn year() -> i32 = o.0.year;
    /// The total, rounded to 2 places half up.
    fn total() -> Decimal = o.0.total;
    /// The total before rounding.
    fn exact() -> Decimal = o.0.exact;
    /// The scoring.* findings.
    fn findings() -> Vec<Finding> = o.0.findings.iter().cloned().collect();
    /// Every indicator, depth first, with its facts.
    fn explanation() -> Vec<IndicatorLine> = {
        let mut out = Vec::new();
        lines(&o.0.indicators, &mut out);
        out
    };
    /// The explanation as text.
    fn to_text() -> String = o.0.to_text();
    /// The explanation as a Markdown table.
    fn to_markdown() -> String = o.0.to_markdown();
    /// The score as JSON.
    fn to_json() -> String = o.0.to_json();
}}

/// One organ's place in a ranking.
#[derive(Debug, Clone, uniffi::Record)]
pub struct Ranked {
    /// The place (1-2-2-4).
    pub rank: u32,
    /// The organ.
    pub organ: String,
    /// Its total.
    pub total: Decimal,
    /// Whether another organ has the same total.
    pub tied: bool,
}

fn ranked(r: sunlit::scoring::Ranked) -> Ranked {
    Ranked {
        rank: r.rank,
        organ: r.organ,
        total: r.total,
        tied: r.tied,
    }
}

functions! {
    /// Rank organs scored on the same scheme and year; ties share a place.
    fn rank_scores(scores: Vec<Arc<OrganScore>>) -> Result<Vec<Ranked>> = {
        let all: Vec<sunlit::scoring::OrganScore> = scores.iter().map(|s| s.0.clone()).collect();
        Ok(sunlit::scoring::rank(&all)?.into_iter().map(ranked).collect())
    };
    /// A ranking as a Markdown table (fallible only in lifting its amounts: a total beyond a
    /// Decimal is a SunlitException).
    fn ranking_to_markdown(ranking: Vec<Ranked>) -> Result<String> = {
        let all: Vec<sunlit::scoring::Ranked> = ranking
            .into_iter()
            .map(|r| sunlit::scoring::Ranked { rank: r.rank, organ: r.organ, total: r.total, tied: r.tied })
            .collect();
        Ok(sunlit::scoring::Ranked::to_markdown(&all))
    };
}
