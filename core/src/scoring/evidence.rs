//! What is known of one organ for one year.

use std::path::Path;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::disclosure::{CatalogueEntry, OrganLevel};
use crate::document::DocumentKind;
use crate::error::Result;
use crate::finding::Findings;
use crate::{Document, ReadOptions};

pub use crate::disclosure::OrganKind;

/// One published document as evidence: what it is, its year, the day it was published (when
/// known — from the portal page, never guessed) and its findings.
///
/// ```
/// use sunlit::scoring::EvidenceDocument;
/// use sunlit::document::DocumentKind;
/// let d = EvidenceDocument::new("report.pdf", DocumentKind::AnnualReport, Some(2024));
/// assert!(d.published.is_none() && d.findings.is_empty());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvidenceDocument {
    /// The file or title, for the explanation.
    pub name: String,
    /// What the document is.
    pub kind: DocumentKind,
    /// The year it is about.
    pub year: Option<i32>,
    /// The issuer as printed.
    #[serde(default)]
    pub issuer: Option<String>,
    /// The day it was published (公开日期 / 发布日期 of its page), when known.
    #[serde(default)]
    pub published: Option<NaiveDate>,
    /// The findings of its checks.
    #[serde(default)]
    pub findings: Findings,
}

impl EvidenceDocument {
    /// A document with no findings and no publication date.
    ///
    /// ```
    /// use sunlit::{document::DocumentKind, scoring::EvidenceDocument};
    /// assert_eq!(EvidenceDocument::new("b.pdf", DocumentKind::Budget, None).name, "b.pdf");
    /// ```
    pub fn new(name: &str, kind: DocumentKind, year: Option<i32>) -> EvidenceDocument {
        EvidenceDocument {
            name: name.to_owned(),
            kind,
            year,
            issuer: None,
            published: None,
            findings: Findings::new(),
        }
    }

    /// The evidence of a document read and checked by [`Document::read`]: its kind, year,
    /// issuer and findings; `name` is the file name without its directories.
    ///
    /// ```
    /// use sunlit::scoring::EvidenceDocument;
    /// let doc = sunlit::Document::from_source(
    ///     sunlit::document::SourceDocument::from_csv_bytes("x.csv", b"a\n1\n", &Default::default())?,
    ///     &Default::default())?;
    /// let e = EvidenceDocument::from_document(&doc, None);
    /// assert_eq!(e.name, "x.csv");
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn from_document(doc: &Document, published: Option<NaiveDate>) -> EvidenceDocument {
        let name = Path::new(&doc.path)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| doc.path.clone());
        EvidenceDocument {
            name,
            kind: doc.kind,
            year: doc.year,
            issuer: doc.issuer.clone(),
            published,
            findings: doc.findings.clone(),
        }
    }

    /// Read, recognise and check a document file ([`Document::read`]) as evidence.
    ///
    /// ```
    /// let err = sunlit::scoring::EvidenceDocument::read("/no/such.pdf", None).unwrap_err();
    /// assert!(matches!(err, sunlit::Error::File { .. }));
    /// ```
    pub fn read(path: impl AsRef<Path>, published: Option<NaiveDate>) -> Result<EvidenceDocument> {
        let doc = Document::read(path, &ReadOptions::default())?;
        Ok(EvidenceDocument::from_document(&doc, published))
    }
}

/// Everything known of one organ for the year assessed.
///
/// ```
/// use sunlit::scoring::{Evidence, OrganKind};
/// let mut e = Evidence::new("淮安市人民政府", OrganKind::Government, 2024);
/// e.manual.push(("xianning-2023.channels".into(), 80.into()));
/// assert_eq!(e.year, 2024);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// The organ's name.
    pub organ: String,
    /// Government or department (the art. 49 deadline).
    pub kind: OrganKind,
    /// The organ's level (county, municipal …), which decides the art. 21 categories its
    /// catalogue must cover; `None` when not given.
    #[serde(default)]
    pub level: Option<OrganLevel>,
    /// The year assessed (the year the annual report is about).
    pub year: i32,
    /// Documents as read and checked.
    #[serde(default)]
    pub documents: Vec<EvidenceDocument>,
    /// Entries of the organ's disclosure catalogue.
    #[serde(default)]
    pub catalogue: Vec<CatalogueEntry>,
    /// Findings of checks made elsewhere (catalogue, guide, key areas …).
    #[serde(default)]
    pub findings: Findings,
    /// The rule ids or families (`directory.`) whose checks were run for `findings`: an absent
    /// finding of a family not listed here is not evidence.
    #[serde(default)]
    pub checked: Vec<String>,
    /// Manual scores by indicator id.
    #[serde(default)]
    pub manual: Vec<(String, Decimal)>,
}

impl Evidence {
    /// Evidence with nothing in it yet.
    ///
    /// ```
    /// use sunlit::scoring::{Evidence, OrganKind};
    /// assert!(Evidence::new("x", OrganKind::Department, 2024).documents.is_empty());
    /// ```
    pub fn new(organ: &str, kind: OrganKind, year: i32) -> Evidence {
        Evidence {
            organ: organ.to_owned(),
            kind,
            level: None,
            year,
            documents: Vec::new(),
            catalogue: Vec::new(),
            findings: Findings::new(),
            checked: Vec::new(),
            manual: Vec::new(),
        }
    }

    /// Read evidence from JSON (the fields of [`Evidence`]; dates `YYYY-MM-DD`, decimals as
    /// strings, manual scores as `[["id", "80"], …]`).
    ///
    /// ```
    /// let e = sunlit::scoring::Evidence::from_json(
    ///     r#"{"organ":"x","kind":"government","year":2024}"#)?;
    /// assert_eq!(e.organ, "x");
    /// assert!(sunlit::scoring::Evidence::from_json(r#"{"organ":"x"}"#).is_err());
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn from_json(json: &str) -> Result<Evidence> {
        let v = crate::io::parse_json_with(json, &crate::input::Limits::default())?;
        serde_json::from_value(v).map_err(|e| crate::Error::Input {
            line: 1,
            column: String::new(),
            value: String::new(),
            reason: format!("not valid evidence: {e}"),
            cause: None,
        })
    }

    /// Add catalogue entries from a JSON array of [`CatalogueEntry`] objects (`index`, `title`,
    /// optional `organ`, `formed`, `published` as `YYYY-MM-DD`, `category` id …).
    ///
    /// ```
    /// use sunlit::scoring::{Evidence, OrganKind};
    /// let mut e = Evidence::new("x", OrganKind::Government, 2024);
    /// e.add_catalogue_json(r#"[{"index":"1/2024-1","title":"t","category":"budgets","published":"2024-03-01"}]"#)?;
    /// assert_eq!(e.catalogue.len(), 1);
    /// assert!(e.add_catalogue_json(r#"[{"title":"no index"}]"#).is_err());
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn add_catalogue_json(&mut self, json: &str) -> Result<()> {
        let v = crate::io::parse_json_with(json, &crate::input::Limits::default())?;
        let entries: Vec<CatalogueEntry> =
            serde_json::from_value(v).map_err(|e| crate::Error::Input {
                line: 1,
                column: "catalogue".to_owned(),
                value: String::new(),
                reason: format!("not a list of catalogue entries: {e}"),
                cause: None,
            })?;
        self.catalogue.extend(entries);
        Ok(())
    }

    /// The documents of a kind about a year.
    pub(crate) fn documents_of(&self, kind: DocumentKind, year: i32) -> Vec<&EvidenceDocument> {
        self.documents
            .iter()
            .filter(|d| d.kind == kind && d.year == Some(year))
            .collect()
    }
}
