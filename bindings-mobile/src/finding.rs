//! Findings: the shared vocabulary of check results (the core's own record, exported as is).

use sunlit::{Finding, Findings, Severity, finding::FindingFilter};

use crate::errors::Result;

functions! {
    /// Findings as CSV text.
    fn findings_to_csv(findings: Vec<Finding>) -> Result<String> =
        Ok(Findings::from(findings).to_csv()?);
    /// Findings as JSON.
    fn findings_to_json(findings: Vec<Finding>) -> Result<String> =
        Ok(Findings::from(findings).to_json());
    /// Findings sorted: errors first, then by rule, table, code, column.
    fn sort_findings(findings: Vec<Finding>) -> Result<Vec<Finding>> = {
        let mut all = Findings::from(findings);
        all.sort();
        Ok(all.into_vec())
    };
    /// The findings of the given rules (all when empty; a trailing `.` selects a family) and
    /// severity.
    fn filter_findings(findings: Vec<Finding>, rules: Vec<String>, severity: Option<Severity>)
        -> Result<Vec<Finding>> =
        Ok(Findings::from(findings).filter(&FindingFilter { rules, severity }).into_vec());
}
