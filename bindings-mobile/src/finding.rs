//! Findings: the shared vocabulary of check results (the core's own record, exported as is).

use rust_decimal::Decimal;
use sunlit::{Finding, Findings, Severity};

use crate::errors::Result;

/// How serious a finding is.
#[uniffi::remote(Enum)]
pub enum Severity {
    Error,
    Warning,
    Info,
}

/// One finding: rule id, severity, location, expected / actual / difference, messages.
#[uniffi::remote(Record)]
pub struct Finding {
    pub rule: String,
    pub severity: Severity,
    pub table: Option<String>,
    pub code: Option<String>,
    pub column: Option<String>,
    pub expected: Option<Decimal>,
    pub actual: Option<Decimal>,
    pub difference: Option<Decimal>,
    pub message_zh: String,
    pub message_en: String,
    pub page: Option<u32>,
    pub printed: Option<String>,
}

/// Findings as CSV text.
#[uniffi::export]
pub fn findings_to_csv(findings: Vec<Finding>) -> Result<String> {
    Ok(Findings::from(findings).to_csv()?)
}

/// Findings as JSON.
#[uniffi::export]
pub fn findings_to_json(findings: Vec<Finding>) -> Result<String> {
    Ok(Findings::from(findings).to_json())
}

/// Findings sorted: errors first, then by rule, table, code, column.
#[uniffi::export]
pub fn sort_findings(findings: Vec<Finding>) -> Result<Vec<Finding>> {
    let mut all = Findings::from(findings);
    all.sort();
    Ok(all.into_vec())
}

/// The findings of the given rules (all when empty; a trailing `.` selects a family) and severity.
#[uniffi::export]
pub fn filter_findings(
    findings: Vec<Finding>,
    rules: Vec<String>,
    severity: Option<Severity>,
) -> Result<Vec<Finding>> {
    Ok(Findings::from(findings)
        .filter(&sunlit::FindingFilter { rules, severity })
        .into_vec())
}
