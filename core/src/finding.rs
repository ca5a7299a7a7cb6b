//! Findings (检查发现): one vocabulary for every check in the library.
//!
//! A finding is data that parses but breaks a rule: a parent row that is not the sum of its
//! children, a code missing from the catalogue, a deadline missed. It is never an error: the
//! input was read; the finding says what is wrong with it, where, and by how much. Every finding
//! is made from a rule of the registry ([`crate::rules`]): it carries the rule's stable id
//! (`budget.subtotal_mismatch`, `catalog.unknown_code`, …), which users filter by, and the rule's
//! severity; the rule cites its source.
//!
//! [`Finding`], [`Findings`] and [`Severity`] are also at the crate root.
//!
//! ```
//! use sunlit::finding::FindingFilter;
//! use sunlit::{Finding, Findings, Severity, rules};
//! let all = Findings::from(vec![Finding::new(&rules::tables::ROW_SUM, "甲", "a")]);
//! let errors = all.filter(&FindingFilter { severity: Some(Severity::Error), ..Default::default() });
//! assert_eq!(errors.len(), 1);
//! ```

use std::fmt;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::io::{write_err, write_string};
use crate::rules::Rule;

/// How serious a finding is.
///
/// ```
/// use sunlit::Severity;
/// assert!(Severity::Error < Severity::Warning); // errors sort first
/// assert_eq!("warning".parse::<Severity>().unwrap(), Severity::Warning);
/// assert!("fatal".parse::<Severity>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Severity {
    /// An identity that must hold (up to the unit's rounding tolerance) does not.
    Error,
    /// A heuristic that usually holds does not; worth a look, not proof of a mistake.
    Warning,
    /// Something a reader should know that is not a mistake: a place where the document is
    /// ambiguous and the library declined to guess, or a table it could not read.
    Info,
}

impl Severity {
    /// `error`, `warning` or `info`.
    ///
    /// ```
    /// assert_eq!(sunlit::Severity::Error.id(), "error");
    /// assert_eq!(sunlit::Severity::Info.id(), "info");
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl std::str::FromStr for Severity {
    type Err = Error;
    fn from_str(s: &str) -> Result<Severity> {
        match s.trim() {
            "error" | "错误" => Ok(Severity::Error),
            "warning" | "警告" => Ok(Severity::Warning),
            "info" | "提示" | "信息" => Ok(Severity::Info),
            _ => Err(Error::value(
                "severity",
                s,
                "expected error, warning or info",
            )),
        }
    }
}

/// One finding: which rule, how serious, where (table, code or row label, column), the expected
/// and actual values and their difference, and a one-line message in Chinese and English.
///
/// ```
/// use sunlit::{Finding, Severity};
/// use rust_decimal::Decimal;
/// let f = Finding::new(&sunlit::rules::budget::SUBTOTAL_MISMATCH,
///         "上级科目不等于下级科目之和", "parent row is not the sum of its children")
///     .with_code("208")
///     .with_values(Decimal::from(10), Decimal::from(12));
/// assert_eq!(f.difference, Some(Decimal::from(2)));
/// assert_eq!(f.code.as_deref(), Some("208"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Finding {
    /// Stable rule id, e.g. `budget.subtotal_mismatch`.
    pub rule: String,
    /// Error (an identity) or warning (a heuristic).
    pub severity: Severity,
    /// The table the finding is about, if any.
    pub table: Option<String>,
    /// The code or row label the finding is about, if any.
    pub code: Option<String>,
    /// The column the finding is about, if any.
    pub column: Option<String>,
    /// What the rule expects (e.g. the sum of the children).
    #[serde(with = "rust_decimal::serde::str_option")]
    pub expected: Option<Decimal>,
    /// What the data says (e.g. the printed parent).
    #[serde(with = "rust_decimal::serde::str_option")]
    pub actual: Option<Decimal>,
    /// `actual − expected`.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub difference: Option<Decimal>,
    /// One line in Chinese.
    pub message_zh: String,
    /// One line in English.
    pub message_en: String,
    /// The 1-based page of the published document where the finding's cell is printed, if known.
    #[serde(default)]
    pub page: Option<u32>,
    /// The text of the finding's cell exactly as printed (e.g. `1,234.00`), if known.
    #[serde(default)]
    pub printed: Option<String>,
}

impl Finding {
    /// A finding of `rule` (from the registry, [`crate::rules`]), with the rule's id and severity
    /// and the two messages; add the location and values with the `with_*` methods.
    ///
    /// ```
    /// use sunlit::{Finding, Severity, rules};
    /// let f = Finding::new(&rules::catalog::UNKNOWN_CODE, "中", "en");
    /// assert_eq!(f.rule, "catalog.unknown_code");
    /// assert_eq!(f.severity, Severity::Warning); // the rule's severity, always
    /// assert_eq!(f.expected, None);
    /// ```
    pub fn new(
        rule: &Rule,
        message_zh: impl Into<String>,
        message_en: impl Into<String>,
    ) -> Finding {
        Finding {
            rule: rule.id.to_owned(),
            severity: rule.severity,
            table: None,
            code: None,
            column: None,
            expected: None,
            actual: None,
            difference: None,
            message_zh: message_zh.into(),
            message_en: message_en.into(),
            page: None,
            printed: None,
        }
    }

    /// Set the table.
    ///
    /// ```
    /// let f = sunlit::Finding::new(&sunlit::rules::tables::ROW_SUM, "", "").with_table("T5");
    /// assert_eq!(f.table.as_deref(), Some("T5"));
    /// ```
    #[must_use]
    pub fn with_table(mut self, table: impl Into<String>) -> Finding {
        self.table = Some(table.into());
        self
    }

    /// Set the code or row label.
    ///
    /// ```
    /// let f = sunlit::Finding::new(&sunlit::rules::tables::ROW_SUM, "", "").with_code("合计");
    /// assert_eq!(f.code.as_deref(), Some("合计"));
    /// ```
    #[must_use]
    pub fn with_code(mut self, code: impl Into<String>) -> Finding {
        self.code = Some(code.into());
        self
    }

    /// Set the column.
    ///
    /// ```
    /// let f = sunlit::Finding::new(&sunlit::rules::tables::ROW_SUM, "", "").with_column("合计");
    /// assert_eq!(f.column.as_deref(), Some("合计"));
    /// ```
    #[must_use]
    pub fn with_column(mut self, column: impl Into<String>) -> Finding {
        self.column = Some(column.into());
        self
    }

    /// Set expected and actual; the difference is `actual − expected` (left empty if it would
    /// overflow).
    ///
    /// ```
    /// use rust_decimal::Decimal;
    /// let f = sunlit::Finding::new(&sunlit::rules::tables::ROW_SUM, "", "")
    ///     .with_values(Decimal::from(5), Decimal::from(3));
    /// assert_eq!(f.difference, Some(Decimal::from(-2)));
    /// ```
    #[must_use]
    pub fn with_values(mut self, expected: Decimal, actual: Decimal) -> Finding {
        self.expected = Some(expected);
        self.actual = Some(actual);
        self.difference = actual.checked_sub(expected);
        self
    }

    /// Set the page of the published document where the finding's cell is printed.
    ///
    /// ```
    /// let f = sunlit::Finding::new(&sunlit::rules::tables::ROW_SUM, "", "").with_page(7);
    /// assert_eq!(f.page, Some(7));
    /// ```
    #[must_use]
    pub fn with_page(mut self, page: u32) -> Finding {
        self.page = Some(page);
        self
    }

    /// Set the text of the finding's cell as printed.
    ///
    /// ```
    /// let f = sunlit::Finding::new(&sunlit::rules::tables::ROW_SUM, "", "").with_printed("1,234.00");
    /// assert_eq!(f.printed.as_deref(), Some("1,234.00"));
    /// ```
    #[must_use]
    pub fn with_printed(mut self, printed: impl Into<String>) -> Finding {
        self.printed = Some(printed.into());
        self
    }

    fn sort_key(
        &self,
    ) -> (
        Severity,
        &str,
        &Option<String>,
        &Option<String>,
        &Option<String>,
    ) {
        (
            self.severity,
            &self.rule,
            &self.table,
            &self.code,
            &self.column,
        )
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}] {}", self.severity, self.rule)?;
        for (label, v) in [
            ("table", &self.table),
            ("code", &self.code),
            ("column", &self.column),
        ] {
            if let Some(v) = v {
                write!(f, " {label}={v}")?;
            }
        }
        if let (Some(e), Some(a)) = (self.expected, self.actual) {
            write!(f, " expected={e} actual={a}")?;
        }
        write!(f, ": {} / {}", self.message_zh, self.message_en)
    }
}

/// Which findings to keep: by rule id (any of the listed, or all when empty) and by severity.
///
/// ```
/// use sunlit::{Severity, finding::FindingFilter};
/// let f = FindingFilter { rules: vec!["budget.subtotal_mismatch".into()], severity: Some(Severity::Error) };
/// assert_eq!(f.rules.len(), 1);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FindingFilter {
    /// Keep findings of these rules (all rules when empty). A trailing `.` or `*` selects a
    /// family: `budget.` keeps every `budget.*` rule.
    pub rules: Vec<String>,
    /// Keep only this severity (both when `None`).
    pub severity: Option<Severity>,
}

impl FindingFilter {
    fn keeps(&self, f: &Finding) -> bool {
        let rule_ok = self.rules.is_empty()
            || self.rules.iter().any(|r| {
                let prefix = r.strip_suffix('*').unwrap_or(r);
                if prefix.ends_with('.') {
                    f.rule.starts_with(prefix)
                } else {
                    f.rule == *r
                }
            });
        rule_ok && self.severity.is_none_or(|s| s == f.severity)
    }
}

/// A list of findings: sortable, filterable, exportable to CSV and JSON.
///
/// ```
/// use sunlit::{Finding, Findings, Severity, finding::FindingFilter, rules};
/// let mut all = Findings::from(vec![
///     Finding::new(&rules::catalog::UNKNOWN_CODE, "乙", "b"),
///     Finding::new(&rules::tables::ROW_SUM, "甲", "a"),
/// ]);
/// all.sort();
/// assert_eq!(all.as_slice()[0].rule, rules::tables::ROW_SUM);
/// let errors = all.filter(&FindingFilter { severity: Some(Severity::Error), ..Default::default() });
/// assert_eq!(errors.len(), 1);
/// assert!(all.to_csv().unwrap().starts_with("rule,severity,table,code,column"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Findings {
    items: Vec<Finding>,
}

impl Findings {
    /// The CSV header of [`Findings::to_csv`].
    pub const CSV_HEADER: [&'static str; 12] = [
        "rule",
        "severity",
        "table",
        "code",
        "column",
        "expected",
        "actual",
        "difference",
        "message_zh",
        "message_en",
        "page",
        "printed",
    ];

    /// No findings.
    ///
    /// ```
    /// assert!(sunlit::Findings::new().is_empty());
    /// ```
    pub fn new() -> Findings {
        Findings::default()
    }

    /// Add one finding.
    ///
    /// ```
    /// let mut f = sunlit::Findings::new();
    /// f.push(sunlit::Finding::new(&sunlit::rules::tables::ROW_SUM, "", ""));
    /// assert_eq!(f.len(), 1);
    /// ```
    pub fn push(&mut self, finding: Finding) {
        self.items.push(finding);
    }

    /// Number of findings.
    ///
    /// ```
    /// assert_eq!(sunlit::Findings::new().len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether there are none.
    ///
    /// ```
    /// assert!(sunlit::Findings::new().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The findings as a slice.
    ///
    /// ```
    /// assert!(sunlit::Findings::new().as_slice().is_empty());
    /// ```
    pub fn as_slice(&self) -> &[Finding] {
        &self.items
    }

    /// Take the findings out.
    ///
    /// ```
    /// assert!(sunlit::Findings::new().into_vec().is_empty());
    /// ```
    pub fn into_vec(self) -> Vec<Finding> {
        self.items
    }

    /// Number of findings of severity error.
    ///
    /// ```
    /// use sunlit::{Finding, Findings, rules};
    /// let f = Findings::from(vec![Finding::new(&rules::catalog::UNKNOWN_CODE, "", "")]);
    /// assert_eq!(f.error_count(), 0);
    /// ```
    pub fn error_count(&self) -> usize {
        self.items
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count()
    }

    /// Sort: errors first, then by rule, table, code, column (stable, deterministic).
    ///
    /// ```
    /// use sunlit::{Finding, Findings, rules};
    /// let mut f = Findings::from(vec![
    ///     Finding::new(&rules::catalog::NO_CATALOGUE, "", ""), // a warning
    ///     Finding::new(&rules::tables::SCOPE, "", "")]);       // an error
    /// f.sort();
    /// assert_eq!(f.as_slice()[0].rule, "tables.scope");
    /// ```
    pub fn sort(&mut self) {
        self.items.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    }

    /// The findings the filter keeps, in their current order.
    ///
    /// ```
    /// use sunlit::{Finding, Findings, finding::FindingFilter, rules};
    /// let f = Findings::from(vec![Finding::new(&rules::budget::SUBTOTAL_MISMATCH, "", ""),
    ///                             Finding::new(&rules::catalog::UNKNOWN_CODE, "", "")]);
    /// let only = f.filter(&FindingFilter { rules: vec!["budget.".into()], severity: None });
    /// assert_eq!(only.len(), 1);
    /// ```
    pub fn filter(&self, filter: &FindingFilter) -> Findings {
        Findings {
            items: self
                .items
                .iter()
                .filter(|f| filter.keeps(f))
                .cloned()
                .collect(),
        }
    }

    /// CSV with the header [`Findings::CSV_HEADER`]; absent values are blank.
    ///
    /// ```
    /// let csv = sunlit::Findings::new().to_csv().unwrap();
    /// assert_eq!(csv.lines().count(), 1);
    /// ```
    pub fn to_csv(&self) -> Result<String> {
        write_string(|buf| {
            let mut w = csv::Writer::from_writer(buf);
            w.write_record(Findings::CSV_HEADER).map_err(write_err)?;
            let dec = |d: Option<Decimal>| d.map(|d| d.to_string()).unwrap_or_default();
            for f in &self.items {
                w.write_record([
                    f.rule.as_str(),
                    f.severity.id(),
                    f.table.as_deref().unwrap_or(""),
                    f.code.as_deref().unwrap_or(""),
                    f.column.as_deref().unwrap_or(""),
                    &dec(f.expected),
                    &dec(f.actual),
                    &dec(f.difference),
                    &f.message_zh,
                    &f.message_en,
                    &f.page.map(|p| p.to_string()).unwrap_or_default(),
                    f.printed.as_deref().unwrap_or(""),
                ])
                .map_err(write_err)?;
            }
            w.flush().map_err(write_err)
        })
    }

    /// JSON: an array of finding objects; amounts are strings so no digit is lost.
    ///
    /// ```
    /// assert_eq!(sunlit::Findings::new().to_json(), "[]");
    /// ```
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.items).unwrap_or_else(|_| "[]".to_owned())
    }

    /// Iterate over the findings.
    ///
    /// ```
    /// assert_eq!(sunlit::Findings::new().iter().count(), 0);
    /// ```
    pub fn iter(&self) -> std::slice::Iter<'_, Finding> {
        self.items.iter()
    }
}

impl From<Vec<Finding>> for Findings {
    fn from(items: Vec<Finding>) -> Findings {
        Findings { items }
    }
}

impl Extend<Finding> for Findings {
    fn extend<T: IntoIterator<Item = Finding>>(&mut self, iter: T) {
        self.items.extend(iter);
    }
}

impl IntoIterator for Findings {
    type Item = Finding;
    type IntoIter = std::vec::IntoIter<Finding>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<'a> IntoIterator for &'a Findings {
    type Item = &'a Finding;
    type IntoIter = std::slice::Iter<'a, Finding>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}
