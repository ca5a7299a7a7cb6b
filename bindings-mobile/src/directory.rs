//! Disclosure catalogues (政府信息公开目录, art. 12): reading, checking (rules `directory.*`),
//! searching, and index numbers (索引号). Entries, index numbers and queries are the core's
//! records.

use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;
use sunlit::{
    Finding,
    disclosure::{
        Category, OrganLevel,
        catalogue::{CatalogueEntry, CatalogueIndex, IndexNumber, SearchQuery},
    },
};

use crate::calendar::{WorkCalendar, calendar};
use crate::errors::Result;

/// What `DisclosureCatalogue.check` requires.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CatalogueCheckOptions {
    /// The organ level whose default required categories apply (null: the catalogue's level;
    /// without one, none are required).
    #[uniffi(default = None)]
    pub level: Option<OrganLevel>,
    /// The required categories, replacing the level's defaults (null: the defaults).
    #[uniffi(default = None)]
    pub required: Option<Vec<Category>>,
    /// The years checked for coverage (empty: every ended year with an entry).
    #[uniffi(default = [])]
    pub years: Vec<i32>,
    /// The day of the check (null: the latest date of the catalogue).
    #[uniffi(default = None)]
    pub as_of: Option<NaiveDate>,
    /// Days without a new entry after which a category is stale.
    #[uniffi(default = 365)]
    pub stale_after_days: u32,
}

/// One organ's disclosure catalogue. Immutable, so the search index is built once, on the first
/// search.
#[derive(Debug, uniffi::Object)]
pub struct DisclosureCatalogue(
    sunlit::disclosure::DisclosureCatalogue,
    OnceLock<CatalogueIndex>,
);

fn wrap(c: sunlit::disclosure::DisclosureCatalogue) -> Arc<DisclosureCatalogue> {
    Arc::new(DisclosureCatalogue(c, OnceLock::new()))
}

constructors! { DisclosureCatalogue {
    /// Read a catalogue CSV (UTF-8 or GBK; 索引号, 名称/标题, 内容概述, 生成日期/成文日期, 发布日期,
    /// 发布机构/发文机关, 主题分类, 发文字号 … and their aliases).
    #[uniffi::constructor]
    fn read_csv(path: String) -> Result<Arc<DisclosureCatalogue>> =
        Ok(wrap(sunlit::disclosure::DisclosureCatalogue::read_csv_path(&path)?));
    /// Parse catalogue CSV text.
    #[uniffi::constructor]
    fn from_csv(text: String) -> Result<Arc<DisclosureCatalogue>> =
        Ok(wrap(sunlit::disclosure::DisclosureCatalogue::read_csv_str(&text)?));
    /// Parse catalogue JSON.
    #[uniffi::constructor]
    fn from_json(text: String) -> Result<Arc<DisclosureCatalogue>> =
        Ok(wrap(sunlit::disclosure::DisclosureCatalogue::from_json(&text)?));
    /// Read a catalogue JSON file.
    #[uniffi::constructor]
    fn read_json(path: String) -> Result<Arc<DisclosureCatalogue>> =
        Ok(wrap(sunlit::disclosure::DisclosureCatalogue::read_json_path(&path)?));
    /// Read the first sheet of an XLSX (or XLS) workbook.
    #[uniffi::constructor]
    fn read_xlsx(path: String) -> Result<Arc<DisclosureCatalogue>> =
        Ok(wrap(sunlit::disclosure::DisclosureCatalogue::read_xlsx_path(&path)?));
    /// A catalogue of the given entries. (Fallible so that a date the core cannot hold is a
    /// `SunlitException`, not an internal error of the lift.)
    #[uniffi::constructor]
    fn from_entries(entries: Vec<CatalogueEntry>, organ: Option<String>, level: Option<OrganLevel>)
        -> Result<Arc<DisclosureCatalogue>> =
        Ok(wrap(sunlit::disclosure::DisclosureCatalogue { organ, level, entries }));
}}

methods! { DisclosureCatalogue(c) {
    /// A copy with the organ and level set (null keeps the current value).
    fn with_organ(organ: Option<String>, level: Option<OrganLevel>) -> Arc<DisclosureCatalogue> = {
        let mut n = c.0.clone();
        n.organ = organ.or(n.organ);
        n.level = level.or(n.level);
        wrap(n)
    };
    /// The organ, if known.
    fn organ() -> Option<String> = c.0.organ.clone();
    /// The organ level, if known.
    fn level() -> Option<OrganLevel> = c.0.level;
    /// The entries, in listing order.
    fn entries() -> Vec<CatalogueEntry> = c.0.entries.clone();
    /// Number of entries.
    fn len() -> u64 = c.0.len() as u64;
    /// Check the catalogue (rules directory.*; null calendar: national).
    #[uniffi::method(default(cal = None))]
    fn check(options: CatalogueCheckOptions, cal: Option<Arc<WorkCalendar>>) -> Result<Vec<Finding>> = {
        let level = options.level.or(c.0.level);
        let mut o = level.map_or_else(Default::default, sunlit::disclosure::catalogue::CatalogueCheckOptions::for_level);
        if let Some(r) = options.required {
            o.required = r;
        }
        o.years = options.years;
        o.as_of = options.as_of;
        o.stale_after_days = options.stale_after_days;
        Ok(c.0.check(&o, &calendar(cal))?.into_vec())
    };
    /// The entries matching the query, in catalogue order.
    fn search(query: SearchQuery) -> Result<Vec<CatalogueEntry>> = {
        let index = c.1.get_or_init(|| CatalogueIndex::build(&c.0));
        Ok(index.search(&c.0, &query)?.into_iter().cloned().collect())
    };
    /// The catalogue as CSV text.
    fn to_csv() -> Result<String> = Ok(c.0.to_csv_string()?);
    /// The catalogue as JSON.
    fn to_json() -> String = c.0.to_json();
}}

functions! {
    /// Parse an index number (索引号): `front/[category/]YYYY[MM]-serial`.
    fn parse_index_number(text: String) -> Result<IndexNumber> = Ok(IndexNumber::parse(&text)?);
    /// Make `organ/YYYY-NNNNN` for a valid organ code.
    fn generate_index_number(organ: String, year: i32, serial: u32) -> Result<IndexNumber> =
        Ok(IndexNumber::generate(&organ, year, serial)?);
    /// An index number as printed.
    fn index_number_to_string(number: IndexNumber) -> String = number.to_string();
}
