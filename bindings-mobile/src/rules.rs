//! The rule registry (`sunlit::rules`): every rule with its id, family, severity, citation and
//! summaries, as records.

use sunlit::Severity;

/// One rule of the registry, with the field names of the core's `sunlit::rules::Rule`.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Rule {
    /// Stable id, `family.name` (e.g. `tables.row_sum`).
    pub id: String,
    /// The family: the id's prefix (`tables`).
    pub family: String,
    /// The severity of every finding of this rule.
    pub severity: Severity,
    /// The source the rule rests on.
    pub citation: String,
    /// One line in Chinese.
    pub summary_zh: String,
    /// One line in English.
    pub summary_en: String,
}

/// Every rule of the library, family by family.
#[uniffi::export]
pub fn rules() -> Vec<Rule> {
    sunlit::rules::all()
        .map(|r| Rule {
            id: r.id.to_owned(),
            family: r.family.to_owned(),
            severity: r.severity,
            citation: r.citation.to_owned(),
            summary_zh: r.summary_zh.to_owned(),
            summary_en: r.summary_en.to_owned(),
        })
        .collect()
}
