//! Pre-2019 statistics (政府信息公开情况统计): requests by channel, shares and correction rates.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::rules;
use crate::error::Result;
use crate::finding::{Finding, Findings};
use crate::money::percent;
use crate::vocab::vocabulary;

vocabulary! {
    /// The channel a request came by, as counted by the statistics forms issued under the 2007
    /// regulations (申请总数, 其中: 当面, 传真, 电子邮件, 网上, 信函, 其他形式; disclosure.md §2.7).
    pub enum LegacyChannel("channel") {
        /// 当面申请 — in person.
        InPerson = "in_person", "当面申请" | "当面";
        /// 传真申请 — by fax.
        Fax = "fax", "传真申请" | "传真";
        /// 电子邮件申请 — by e-mail.
        Email = "email", "电子邮件申请" | "电子邮件";
        /// 网上申请 — online.
        Online = "online", "网上申请" | "网上";
        /// 信函申请 — by letter.
        Letter = "letter", "信函申请" | "信函";
        /// 其他形式申请 — other.
        Other = "other", "其他形式申请" | "其他形式" | "其他";
    }
}

/// The statistics of one year and one organ (or region) before the national report format:
/// requests in total and by channel, reconsideration (行政复议) and litigation (行政诉讼) cases with
/// the number corrected (纠错). Any figure may be unknown (`None`, or a channel left out).
///
/// ```
/// use sunlit::report::{LegacyChannel, LegacyStatistics};
/// // Guangdong 2016, as quoted in the seed article.
/// let s = LegacyStatistics {
///     year: Some(2016),
///     requests: Some(45104),
///     channels: [(LegacyChannel::InPerson, 24121)].into(),
///     reviews: Some(1408),
///     reviews_corrected: Some(245),
///     suits: Some(727),
///     suits_corrected: Some(65),
/// };
/// assert_eq!(s.channel_share(LegacyChannel::InPerson, 1)?.unwrap().to_string(), "53.5");
/// assert_eq!(s.review_correction_rate(1)?.unwrap().to_string(), "17.4");
/// assert_eq!(s.suit_correction_rate(1)?.unwrap().to_string(), "8.9");
/// assert!(s.check().is_empty());
/// # Ok::<(), sunlit::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LegacyStatistics {
    /// The year the figures cover.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub year: Option<i32>,
    /// 申请总数 — requests received.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub requests: Option<i64>,
    /// Requests by channel (其中 …); channels not given are unknown, not zero.
    pub channels: BTreeMap<LegacyChannel, i64>,
    /// 行政复议 — reconsideration cases.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub reviews: Option<i64>,
    /// Reconsideration cases corrected (纠错).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub reviews_corrected: Option<i64>,
    /// 行政诉讼 — litigation cases.
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub suits: Option<i64>,
    /// Litigation cases corrected (纠错).
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub suits_corrected: Option<i64>,
}

fn rate(part: Option<i64>, whole: Option<i64>, places: u32) -> Result<Option<Decimal>> {
    match (part, whole) {
        (Some(p), Some(w)) => percent(Decimal::from(p), Decimal::from(w), places),
        _ => Ok(None),
    }
}

impl LegacyStatistics {
    /// The share of a channel in 申请总数, in percent rounded half up to `places`; `None` when a
    /// figure is unknown or the total is zero.
    ///
    /// ```
    /// use sunlit::report::{LegacyChannel, LegacyStatistics};
    /// let s = LegacyStatistics { requests: Some(8), channels: [(LegacyChannel::Online, 1)].into(), ..Default::default() };
    /// assert_eq!(s.channel_share(LegacyChannel::Online, 1).unwrap().unwrap().to_string(), "12.5");
    /// assert_eq!(s.channel_share(LegacyChannel::Fax, 1).unwrap(), None);
    /// assert!(s.channel_share(LegacyChannel::Online, 29).is_err()); // at most 28 places
    /// ```
    pub fn channel_share(&self, channel: LegacyChannel, places: u32) -> Result<Option<Decimal>> {
        rate(self.channels.get(&channel).copied(), self.requests, places)
    }

    /// The correction rate (纠错率) of reconsideration: corrected ÷ cases × 100, half up.
    ///
    /// ```
    /// let s = sunlit::report::LegacyStatistics { reviews: Some(1408), reviews_corrected: Some(245), ..Default::default() };
    /// assert_eq!(s.review_correction_rate(2).unwrap().unwrap().to_string(), "17.40");
    /// assert_eq!(sunlit::report::LegacyStatistics::default().review_correction_rate(1).unwrap(), None);
    /// ```
    pub fn review_correction_rate(&self, places: u32) -> Result<Option<Decimal>> {
        rate(self.reviews_corrected, self.reviews, places)
    }

    /// The correction rate (纠错率) of litigation: corrected ÷ cases × 100, half up.
    ///
    /// ```
    /// let s = sunlit::report::LegacyStatistics { suits: Some(727), suits_corrected: Some(65), ..Default::default() };
    /// assert_eq!(s.suit_correction_rate(1).unwrap().unwrap().to_string(), "8.9");
    /// assert_eq!(sunlit::report::LegacyStatistics::default().suit_correction_rate(1).unwrap(), None);
    /// ```
    pub fn suit_correction_rate(&self, places: u32) -> Result<Option<Decimal>> {
        rate(self.suits_corrected, self.suits, places)
    }

    /// Check the figures: the channels add up to no more than 申请总数, and to exactly it when all
    /// six are given ([`rules::LEGACY_CHANNEL_SUM`]); corrected cases ≤ cases
    /// ([`rules::LEGACY_CORRECTED`]); nothing negative ([`rules::NEGATIVE_COUNT`]).
    ///
    /// ```
    /// use sunlit::report::{LegacyChannel, LegacyStatistics};
    /// let s = LegacyStatistics { requests: Some(10), channels: [(LegacyChannel::InPerson, 11)].into(), ..Default::default() };
    /// assert_eq!(s.check().as_slice()[0].rule, "report.legacy_channel_sum");
    /// ```
    pub fn check(&self) -> Findings {
        const TABLE: &str = "legacy";
        let mut out = Findings::new();
        let mut figures: Vec<(&str, i64)> = [
            ("申请总数", self.requests),
            ("行政复议", self.reviews),
            ("行政复议纠错", self.reviews_corrected),
            ("行政诉讼", self.suits),
            ("行政诉讼纠错", self.suits_corrected),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v)))
        .collect();
        figures.extend(self.channels.iter().map(|(c, v)| (c.name_zh(), *v)));
        for (code, v) in figures {
            if v < 0 {
                let mut f =
                    Finding::new(&rules::NEGATIVE_COUNT, "数量为负数", "a count is negative")
                        .with_table(TABLE)
                        .with_code(code);
                f.actual = Some(Decimal::from(v));
                out.push(f);
            }
        }
        if let Some(total) = self.requests {
            let sum: i128 = self.channels.values().map(|v| i128::from(*v)).sum();
            let complete = self.channels.len() == LegacyChannel::ALL.len();
            if sum > i128::from(total) || (complete && sum != i128::from(total)) {
                out.push(
                    Finding::new(
                        &rules::LEGACY_CHANNEL_SUM,
                        "各渠道申请数之和与申请总数不符",
                        "the requests by channel do not fit the total",
                    )
                    .with_table(TABLE)
                    .with_code("申请总数")
                    .with_values(Decimal::from(total), super::count_decimal(sum)),
                );
            }
        }
        for (code, cases, corrected) in [
            ("行政复议", self.reviews, self.reviews_corrected),
            ("行政诉讼", self.suits, self.suits_corrected),
        ] {
            if let (Some(cases), Some(corrected)) = (cases, corrected)
                && corrected > cases
            {
                out.push(
                    Finding::new(
                        &rules::LEGACY_CORRECTED,
                        "纠错案件数大于案件总数",
                        "more cases corrected than cases",
                    )
                    .with_table(TABLE)
                    .with_code(code)
                    .with_values(Decimal::from(cases), Decimal::from(corrected)),
                );
            }
        }
        out
    }
}
