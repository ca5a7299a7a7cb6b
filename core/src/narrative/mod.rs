//! What the explanation text of a budget or final account says (情况说明), read and checked
//! against its own tables (rule family `narrative.*`).
//!
//! The 部门预算/部门决算 templates print, before or after the nine tables, an explanation of
//! each: 收支总体情况, 财政拨款支出, 三公经费, 机关运行经费 … Its sentences quote the tables:
//! "收入预算18,976.76万元，其中：财政拨款收入18,976.76万元，比2024年预算增加3,355.65万元",
//! "一般公共服务支出（类）2106.66万元，占71.73%". [`statements`] reads them from the running
//! text of a [`SourceDocument`](crate::document::SourceDocument) (lines joined where a sentence
//! wraps, Kangxi radicals normalised); [`check`] compares each with the recognised tables and
//! with itself (a share with its parts, a growth rate with its amounts, a direction word with
//! its sign), and flags placeholders, template leftovers and wrong year words. Every finding
//! quotes the sentence and gives its page. Rounding is never an error: a share may be off by the
//! nudge that makes parts add up to 100 %, a 元 figure may be quoted rounded to 万元. Where the
//! text does not say clearly which line it talks about, nothing is checked.
//!
//! [`Document::narrative`](crate::Document::narrative) gives the statements of a document; the
//! checks run inside [`Document::from_source`](crate::Document::from_source).
//!
//! ```
//! use sunlit::document::SourceLine;
//! use sunlit::narrative::{statements, Direction};
//! let lines = [SourceLine::new(4, "本年支出合计2940.05万元，其中：基本支出2336.91万元，占79.49%；"),
//!              SourceLine::new(4, "机关运行经费支出184.65万元，比2023年度增加2.55万元，增长1.40%。")];
//! let st = statements(&lines, Some(2024));
//! assert_eq!(st[1].subject, "基本支出");
//! assert_eq!(st[1].share.map(|s| s.to_string()).as_deref(), Some("79.49"));
//! assert_eq!(st[2].change.as_ref().map(|c| c.direction), Some(Direction::Increase));
//! ```

mod budget;
mod check;
pub(crate) mod extract;

pub use check::check;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::document::SourceLine;
use crate::money::Unit;

/// The direction a comparison states.
///
/// ```
/// assert_eq!(sunlit::narrative::Direction::Increase.id(), "increase");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Direction {
    /// 增加 / 增长 / 上升 / 大于.
    Increase,
    /// 减少 / 下降 / 降低 / 小于.
    Decrease,
    /// 持平.
    Flat,
}

impl Direction {
    /// The stable id: `increase`, `decrease`, `flat`.
    ///
    /// ```
    /// assert_eq!(sunlit::narrative::Direction::Flat.id(), "flat");
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            Direction::Increase => "increase",
            Direction::Decrease => "decrease",
            Direction::Flat => "flat",
        }
    }
}

/// The time a figure is about.
///
/// ```
/// assert_eq!(sunlit::narrative::Basis::PreviousYear.id(), "previous_year");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Basis {
    /// The document's own year (本年, or the year of a budget's own 预算).
    Current,
    /// The previous year (上年, the year before the document's).
    PreviousYear,
    /// A budget figure quoted in a final account (年初预算, 预算数).
    Budget,
}

impl Basis {
    /// The stable id: `current`, `previous_year`, `budget`.
    ///
    /// ```
    /// assert_eq!(sunlit::narrative::Basis::Current.id(), "current");
    /// ```
    pub fn id(self) -> &'static str {
        match self {
            Basis::Current => "current",
            Basis::PreviousYear => "previous_year",
            Basis::Budget => "budget",
        }
    }
}

/// A comparison stated after a figure: "比上年增加3,355.65万元，增长21.48%", "与上年持平".
///
/// ```
/// let c = sunlit::narrative::NarrativeChange { direction: sunlit::narrative::Direction::Flat,
///     amount: None, rate: None, rate_direction: None, printed: "持平".into(),
///     sentence: "与上年持平。".into() };
/// assert!(c.amount.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct NarrativeChange {
    /// The direction of the amount word (增加/减少), or of the rate word when no amount is given.
    pub direction: Direction,
    /// The amount of the change, in the figure's unit.
    pub amount: Option<Decimal>,
    /// The rate in percent (增长21.48% → 21.48).
    pub rate: Option<Decimal>,
    /// The direction of the rate word (增长/下降), when a rate is printed.
    pub rate_direction: Option<Direction>,
    /// The words as printed (normalised): `增加3,355.65万元增长21.48%`.
    pub printed: String,
    /// The sentence that states the comparison (it may follow the figure's own sentence).
    pub sentence: String,
}

/// A figure of the explanation text: what it is about, the amount and unit word, and the share
/// and comparison printed after it, with the sentence and page.
///
/// ```
/// use sunlit::document::SourceLine;
/// let st = sunlit::narrative::statements(&[SourceLine::new(2, "事业收入0.00万元。")], None);
/// assert_eq!((st[0].page, st[0].subject.as_str(), st[0].unit), (2, "事业收入", sunlit::Unit::WanYuan));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct NarrativeStatement {
    /// The 1-based page of the sentence.
    pub page: u32,
    /// The sentence (normalised text: full-width forms folded, spaces removed).
    pub sentence: String,
    /// What the figure is about, as written before it (`财政拨款收入`,
    /// `一般公共服务支出(类)统计信息事务(款)专项普查活动(项)"科目`); the checks match its end.
    pub subject: String,
    /// The time the figure is about.
    pub basis: Basis,
    /// The amount as printed.
    pub amount: Decimal,
    /// The unit word printed after it.
    pub unit: Unit,
    /// The figure as printed (normalised), with its unit word.
    pub printed: String,
    /// The share printed after it (占79.49% → 79.49).
    pub share: Option<Decimal>,
    /// The share as printed (`79.49%`), empty when none.
    pub share_printed: String,
    /// The whole the share names (占本年支出合计的 → `本年支出合计`), when named.
    pub share_of: Option<String>,
    /// The comparison printed after it.
    pub change: Option<NarrativeChange>,
    /// The 0-based paragraph of the running text it is in (shares are of a figure of the same
    /// paragraph).
    pub paragraph: u32,
}

/// The figures of a document's running text, in reading order. `year` is the document's year
/// (to tell 上年 figures from this year's).
///
/// ```
/// use sunlit::document::SourceLine;
/// let st = sunlit::narrative::statements(&[SourceLine::new(1, "2023年支出决算100.00万元。")], Some(2024));
/// assert_eq!(st[0].basis, sunlit::narrative::Basis::PreviousYear);
/// assert!(sunlit::narrative::statements(&[], None).is_empty());
/// ```
pub fn statements(lines: &[SourceLine], year: Option<i32>) -> Vec<NarrativeStatement> {
    let mut out = Vec::new();
    let mut from = 0;
    let mut paragraph = usize::MAX;
    for s in extract::sentences(lines) {
        if s.paragraph != paragraph {
            from = out.len();
            paragraph = s.paragraph;
        }
        extract::statements_of(&s, year, &mut out, from);
    }
    out
}

impl crate::Document {
    /// The figures of the document's explanation text ([`statements`]), in reading order.
    ///
    /// ```
    /// let d = sunlit::Document::from_csv_bytes("x.csv", b"a\n", &sunlit::ReadOptions::default()).unwrap();
    /// assert!(d.narrative().is_empty());
    /// ```
    pub fn narrative(&self) -> Vec<NarrativeStatement> {
        statements(&self.source.lines, self.year)
    }
}
