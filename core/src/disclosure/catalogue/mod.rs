//! The disclosure catalogue (政府信息公开目录, 政府信息公开条例 2019 art. 12): one entry per item an
//! organ discloses, with its index number (索引号), name (名称), summary (内容概述) and the date it
//! was formed (生成日期) — the four fields art. 12 names — plus what a portal listing prints
//! beside them: the organ (发布机构), the art. 20/21 category, the channel of art. 23 and the
//! day the item went up (发布日期).
//!
//! The entry is the shared currency of the disclosure work: catalogue checks (art. 26 timeliness,
//! categories an organ level must cover), key-area checklists, policy interpretations and
//! transparency scoring all read entries.
//!
//! ```
//! use chrono::NaiveDate;
//! use sunlit::disclosure::Category;
//! use sunlit::disclosure::catalogue::{CatalogueEntry, PublicationChannel};
//! let entry = CatalogueEntry {
//!     index: "6107280000/2024-001005".into(),
//!     title: "镇巴县人民政府工作规则".into(),
//!     organ: "镇巴县人民政府".into(),
//!     formed: NaiveDate::from_ymd_opt(2024, 4, 6),
//!     published: NaiveDate::from_ymd_opt(2024, 4, 6),
//!     category: Category::Regulations,
//!     channel: Some(PublicationChannel::Website),
//!     ..Default::default()
//! };
//! assert_eq!(entry.category.article(), Some("art. 20(1)"));
//! ```

mod categorise;
mod check;
mod index;
mod read;
mod search;

pub use categorise::categorise;
pub use check::CatalogueCheckOptions;
pub use index::{IndexKind, IndexNumber, organization_code_check_char};
pub use search::{CatalogueIndex, SearchQuery};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Category, OrganLevel};
use crate::vocab::vocabulary;

/// One entry of a disclosure catalogue (政府信息公开目录条目, 政府信息公开条例 2019 art. 12: 索引、名称、
/// 内容概述、生成日期), as printed on a portal listing or exported from a catalogue system.
///
/// Dates are `None` when the listing leaves them blank: blank is not a date, and checks that
/// need a date say so in a finding rather than guess.
///
/// ```
/// use sunlit::disclosure::catalogue::CatalogueEntry;
/// let entry = CatalogueEntry { index: "003129766/201901-00336".into(), ..Default::default() };
/// assert!(entry.formed.is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct CatalogueEntry {
    /// 索引号 as printed, e.g. `11370000MB28542867/2024-00123` or `6107280000/2024-001005`.
    pub index: String,
    /// 名称 — the item's title.
    pub title: String,
    /// 内容概述 — the summary, if printed.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub summary: Option<String>,
    /// 发布机构 — the organ responsible for the item.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = ""))]
    pub organ: String,
    /// 生成日期 / 成文日期 — the day the item was formed or last changed (the start of the
    /// art. 26 period).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub formed: Option<NaiveDate>,
    /// 发布日期 — the day the item was published.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub published: Option<NaiveDate>,
    /// The art. 20 (一)–(十五) or art. 21 category of the item; `other` when not mapped. (No
    /// uniffi default: uniffi takes no enum value as a field default; Kotlin passes it.)
    #[serde(default)]
    pub category: Category,
    /// The portal's own subject classification (主题分类 / 组配分类 / 信息分类) as printed.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub topic: Option<String>,
    /// 发文字号, e.g. `镇政发〔2024〕7号`, if the item is a document with a number.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub document_number: Option<String>,
    /// The channel of proactive disclosure (art. 23) it went up on.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub channel: Option<PublicationChannel>,
    /// Where the entry was read from (a URL or file), for provenance.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub source: Option<String>,
}

vocabulary! {
    /// The channel an item is proactively disclosed on (政府信息公开条例 2019 art. 23: 政府公报、
    /// 政府网站或者其他互联网政务媒体、新闻发布会以及报刊、广播、电视等途径).
    pub enum PublicationChannel("channel") {
        /// 政府公报 — the government gazette.
        Gazette = "gazette", "政府公报" | "公报";
        /// 政府网站 — the government website (the unified platform of art. 24).
        Website = "website", "政府网站" | "门户网站" | "网站";
        /// 其他互联网政务媒体 — other internet government media (政务微博, 政务微信, apps).
        NewMedia = "new_media", "其他互联网政务媒体" | "政务新媒体" | "政务微博" | "政务微信";
        /// 新闻发布会 — a press conference.
        PressConference = "press_conference", "新闻发布会";
        /// 报刊、广播、电视 — newspapers, radio, television.
        Press = "press", "报刊、广播、电视" | "报刊" | "广播电视";
        /// 其他 — any other channel (reading rooms of art. 25, notice boards 公开栏 …).
        Other = "other", "其他" | "公开栏";
    }
}

/// One organ's disclosure catalogue (政府信息公开目录, art. 12): its entries in listing order, the
/// organ and its level (which decides the art. 21 categories it must cover).
///
/// Read from CSV (UTF-8 or GBK; the column names of portal listings and their local aliases, see
/// [`CatalogueColumn`]), JSON or XLSX; written to CSV and JSON. Checked by
/// [`DisclosureCatalogue::check`] (rules `directory.*`), searched by
/// [`DisclosureCatalogue::search`] or a [`CatalogueIndex`].
///
/// ```
/// use sunlit::disclosure::catalogue::DisclosureCatalogue;
/// let c = DisclosureCatalogue::read_csv_str("索引号,标题,成文日期,发布日期\n\
///     6107280000/2024-001005,镇巴县人民政府工作规则,2024年04月06日,2024年04月06日 16:34\n")?;
/// assert_eq!(c.len(), 1);
/// assert_eq!(c.entries[0].formed.unwrap().to_string(), "2024-04-06");
/// # Ok::<(), sunlit::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisclosureCatalogue {
    /// The organ whose catalogue it is, if known.
    #[serde(default)]
    pub organ: Option<String>,
    /// The organ's level, if known.
    #[serde(default)]
    pub level: Option<OrganLevel>,
    /// The entries, in listing order.
    #[serde(default)]
    pub entries: Vec<CatalogueEntry>,
}

impl DisclosureCatalogue {
    /// A catalogue of the given entries.
    ///
    /// ```
    /// use sunlit::disclosure::catalogue::{CatalogueEntry, DisclosureCatalogue};
    /// let c = DisclosureCatalogue::new(vec![CatalogueEntry::default()]);
    /// assert_eq!(c.len(), 1);
    /// ```
    pub fn new(entries: Vec<CatalogueEntry>) -> DisclosureCatalogue {
        DisclosureCatalogue {
            entries,
            ..DisclosureCatalogue::default()
        }
    }

    /// Number of entries.
    ///
    /// ```
    /// assert_eq!(sunlit::disclosure::catalogue::DisclosureCatalogue::default().len(), 0);
    /// ```
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are no entries.
    ///
    /// ```
    /// assert!(sunlit::disclosure::catalogue::DisclosureCatalogue::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

vocabulary! {
    /// A column of a catalogue file, with the names portal listings and local systems print.
    pub enum CatalogueColumn("catalogue_column") {
        /// 索引号 — the index number.
        Index = "index", "索引号" | "索引" | "信息索引号";
        /// 名称 — the title.
        Title = "title", "名称" | "标题" | "信息名称" | "文件名称" | "文件标题";
        /// 内容概述 — the summary.
        Summary = "summary", "内容概述" | "摘要" | "内容摘要" | "信息概述";
        /// 发布机构 — the organ.
        Organ = "organ", "发布机构" | "发文机关" | "发文机构" | "发布单位" | "信息来源";
        /// 生成日期 — the day formed.
        Formed = "formed", "生成日期" | "成文日期" | "发文日期" | "形成日期" | "产生日期";
        /// 发布日期 — the day published.
        Published = "published", "发布日期" | "公开日期" | "发布时间";
        /// The art. 20/21 category (id or Chinese name of [`Category`]).
        Category = "category", "类别" | "公开类别";
        /// 主题分类 — the portal's own subject classification.
        Topic = "topic", "主题分类" | "组配分类" | "信息分类" | "主题词" | "分类";
        /// 发文字号 — the document number.
        DocumentNumber = "document_number", "发文字号" | "文号";
        /// 公开渠道 — the channel (art. 23).
        Channel = "channel", "公开渠道" | "公开方式" | "发布渠道";
        /// 来源 — where the entry was read (URL or file).
        Source = "source", "网址" | "链接" | "URL" | "url";
    }
}
