//! Outcomes of a request: the full taxonomy of the 2021 annual-report template.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::disclosure::ExemptionGround;
use crate::error::{Error, Result};
use crate::vocab::vocabulary;

vocabulary! {
    /// The six groups of outcomes of 三、本年度办理结果 in the 2021 annual-report template
    /// (国办公开办函〔2021〕30号; disclosure.md §2.4).
    pub enum OutcomeKind("outcome") {
        /// （一）予以公开 — granted.
        Granted = "granted", "予以公开";
        /// （二）部分公开 — partly granted (separable cases, art. 37).
        PartlyGranted = "partly_granted", "部分公开";
        /// （三）不予公开 — refused, with one of the eight grounds.
        Refused = "refused", "不予公开";
        /// （四）无法提供 — cannot be provided.
        CannotProvide = "cannot_provide", "无法提供";
        /// （五）不予处理 — not processed.
        NotProcessed = "not_processed", "不予处理";
        /// （六）其他处理 — other handling.
        Other = "other", "其他处理";
    }
}

vocabulary! {
    /// Why information cannot be provided (（四）无法提供).
    pub enum CannotProvideReason("reason") {
        /// 1. 本机关不掌握相关政府信息 — this organ does not hold it (art. 36(4); art. 36(5) is
        /// commonly counted here too \[M\]).
        NotHeld = "not_held", "本机关不掌握相关政府信息" | "不掌握";
        /// 2. 没有现成信息需要另行制作 — nothing ready-made; it would need new work (art. 38).
        NeedsNewWork = "needs_new_work", "没有现成信息需要另行制作" | "需要另行制作";
        /// 3. 补正后申请内容仍不明确 — still unclear after correction (art. 30).
        StillUnclear = "still_unclear", "补正后申请内容仍不明确" | "仍不明确";
    }
}

vocabulary! {
    /// Why a request is not processed (（五）不予处理).
    pub enum NotProcessedReason("reason") {
        /// 1. 信访举报投诉类申请 — a petition, report or complaint (art. 39).
        Petition = "petition", "信访举报投诉类申请";
        /// 2. 重复申请 — a repeat request (art. 36(6)).
        Repeat = "repeat", "重复申请";
        /// 3. 要求提供公开出版物 — asks for published materials (art. 39).
        Publication = "publication", "要求提供公开出版物";
        /// 4. 无正当理由大量反复申请 — mass repeated requests without good reason (art. 35).
        Excessive = "excessive", "无正当理由大量反复申请";
        /// 5. 要求行政机关确认或重新出具已获取信息 — asks to confirm or re-issue information already
        /// obtained (no single article of its own, disclosure.md §1.5 \[M\]).
        ConfirmReissue = "confirm_reissue", "要求行政机关确认或重新出具已获取信息";
    }
}

vocabulary! {
    /// Other handling (（六）其他处理).
    pub enum OtherReason("reason") {
        /// 1. 申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 — the applicant did not
        /// correct in time; the request is deemed abandoned (art. 30).
        NoCorrection = "no_correction", "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请" | "逾期不补正";
        /// 2. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 — the applicant
        /// did not pay the fee in time (art. 42; 国办函〔2020〕109号).
        NoFee = "no_fee", "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请" | "逾期未缴费";
        /// 3. 其他 — other.
        Other = "other", "其他";
    }
}

/// How a request was answered: exactly one row of 三、本年度办理结果 of the 2021 template.
///
/// ```
/// use sunlit::{disclosure::ExemptionGround, request::Outcome};
/// let o = Outcome::parse("refused", Some("state_secret"))?;
/// assert_eq!(o, Outcome::Refused { ground: ExemptionGround::StateSecret });
/// assert_eq!(o.to_string(), "refused/state_secret");
/// assert_eq!(Outcome::parse("不予公开", Some("属于国家秘密"))?, o);
/// assert!(Outcome::parse("refused", None).is_err()); // a refusal needs its reason
/// # Ok::<(), sunlit::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Outcome {
    /// （一）予以公开 (art. 36(2)).
    Granted,
    /// （二）部分公开 (art. 37).
    PartlyGranted,
    /// （三）不予公开 on a ground (art. 36(3)).
    Refused {
        /// The ground.
        ground: ExemptionGround,
    },
    /// （四）无法提供.
    CannotProvide {
        /// Why.
        reason: CannotProvideReason,
    },
    /// （五）不予处理.
    NotProcessed {
        /// Why.
        reason: NotProcessedReason,
    },
    /// （六）其他处理.
    Other {
        /// Why.
        reason: OtherReason,
    },
}

impl Outcome {
    /// Every outcome, in the row order of the 2021 template (21 rows).
    ///
    /// ```
    /// assert_eq!(sunlit::request::Outcome::all().len(), 21);
    /// assert_eq!(sunlit::request::Outcome::all()[0], sunlit::request::Outcome::Granted);
    /// ```
    pub fn all() -> Vec<Outcome> {
        let mut all = vec![Outcome::Granted, Outcome::PartlyGranted];
        all.extend(
            ExemptionGround::ALL
                .iter()
                .map(|&ground| Outcome::Refused { ground }),
        );
        all.extend(
            CannotProvideReason::ALL
                .iter()
                .map(|&reason| Outcome::CannotProvide { reason }),
        );
        all.extend(
            NotProcessedReason::ALL
                .iter()
                .map(|&reason| Outcome::NotProcessed { reason }),
        );
        all.extend(
            OtherReason::ALL
                .iter()
                .map(|&reason| Outcome::Other { reason }),
        );
        all
    }

    /// Parse an outcome from its group and reason (ids or Chinese labels). Granted and partly
    /// granted take no reason; every other group needs one of its own.
    ///
    /// ```
    /// use sunlit::request::{OtherReason, Outcome};
    /// assert_eq!(Outcome::parse("other", Some("no_fee"))?, Outcome::Other { reason: OtherReason::NoFee });
    /// assert_eq!(Outcome::parse("予以公开", None)?, Outcome::Granted);
    /// assert!(Outcome::parse("granted", Some("state_secret")).is_err());
    /// assert!(Outcome::parse("cannot_provide", Some("petition")).is_err());
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn parse(outcome: &str, reason: Option<&str>) -> Result<Outcome> {
        let kind = OutcomeKind::parse(outcome)?;
        let reason = reason.map(str::trim).filter(|r| !r.is_empty());
        let need = || {
            reason.ok_or_else(|| {
                Error::value(
                    "reason",
                    "",
                    format!("the outcome {} needs a reason", kind.id()),
                )
            })
        };
        Ok(match kind {
            OutcomeKind::Granted | OutcomeKind::PartlyGranted => {
                if let Some(r) = reason {
                    return Err(Error::value(
                        "reason",
                        r,
                        format!("the outcome {} takes no reason", kind.id()),
                    ));
                }
                if kind == OutcomeKind::Granted {
                    Outcome::Granted
                } else {
                    Outcome::PartlyGranted
                }
            }
            OutcomeKind::Refused => Outcome::Refused {
                ground: ExemptionGround::parse(need()?)?,
            },
            OutcomeKind::CannotProvide => Outcome::CannotProvide {
                reason: CannotProvideReason::parse(need()?)?,
            },
            OutcomeKind::NotProcessed => Outcome::NotProcessed {
                reason: NotProcessedReason::parse(need()?)?,
            },
            OutcomeKind::Other => Outcome::Other {
                reason: OtherReason::parse(need()?)?,
            },
        })
    }

    /// The group.
    ///
    /// ```
    /// use sunlit::request::{Outcome, OutcomeKind};
    /// assert_eq!(Outcome::parse("not_processed", Some("repeat"))?.kind(), OutcomeKind::NotProcessed);
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn kind(self) -> OutcomeKind {
        match self {
            Outcome::Granted => OutcomeKind::Granted,
            Outcome::PartlyGranted => OutcomeKind::PartlyGranted,
            Outcome::Refused { .. } => OutcomeKind::Refused,
            Outcome::CannotProvide { .. } => OutcomeKind::CannotProvide,
            Outcome::NotProcessed { .. } => OutcomeKind::NotProcessed,
            Outcome::Other { .. } => OutcomeKind::Other,
        }
    }

    /// The reason id (`state_secret`, `not_held`, …), `None` for granted and partly granted.
    ///
    /// ```
    /// use sunlit::request::Outcome;
    /// assert_eq!(Outcome::parse("cannot_provide", Some("not_held"))?.reason(), Some("not_held"));
    /// assert_eq!(Outcome::Granted.reason(), None);
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn reason(self) -> Option<&'static str> {
        match self {
            Outcome::Granted | Outcome::PartlyGranted => None,
            Outcome::Refused { ground } => Some(ground.id()),
            Outcome::CannotProvide { reason } => Some(reason.id()),
            Outcome::NotProcessed { reason } => Some(reason.id()),
            Outcome::Other { reason } => Some(reason.id()),
        }
    }

    /// The row label of the template: `予以公开`, `不予公开 — 属于国家秘密`, ….
    ///
    /// ```
    /// use sunlit::request::Outcome;
    /// assert_eq!(Outcome::parse("not_processed", Some("repeat"))?.label_zh(), "不予处理 — 重复申请");
    /// assert_eq!(Outcome::Granted.label_zh(), "予以公开");
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn label_zh(self) -> String {
        let reason = match self {
            Outcome::Granted | Outcome::PartlyGranted => None,
            Outcome::Refused { ground } => Some(ground.name_zh()),
            Outcome::CannotProvide { reason } => Some(reason.name_zh()),
            Outcome::NotProcessed { reason } => Some(reason.name_zh()),
            Outcome::Other { reason } => Some(reason.name_zh()),
        };
        match reason {
            Some(r) => format!("{} — {r}", self.kind().name_zh()),
            None => self.kind().name_zh().to_owned(),
        }
    }

    /// The articles of 政府信息公开条例 2019 (and other instruments) the answer rests on; empty
    /// where the template row has no article of its own (`confirm_reissue`, `other/other`).
    ///
    /// ```
    /// use sunlit::request::Outcome;
    /// assert_eq!(Outcome::parse("refused", Some("process_info"))?.articles(), ["art. 36(3)", "art. 16 ¶2"]);
    /// assert_eq!(Outcome::parse("cannot_provide", Some("needs_new_work"))?.articles(), ["art. 38"]);
    /// assert!(Outcome::parse("not_processed", Some("confirm_reissue"))?.articles().is_empty());
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn articles(self) -> Vec<&'static str> {
        match self {
            Outcome::Granted => vec!["art. 36(2)"],
            Outcome::PartlyGranted => vec!["art. 37"],
            Outcome::Refused { ground } => vec!["art. 36(3)", ground.article()],
            Outcome::CannotProvide { reason } => match reason {
                CannotProvideReason::NotHeld => vec!["art. 36(4)"],
                CannotProvideReason::NeedsNewWork => vec!["art. 38"],
                CannotProvideReason::StillUnclear => vec!["art. 30"],
            },
            Outcome::NotProcessed { reason } => match reason {
                NotProcessedReason::Petition | NotProcessedReason::Publication => vec!["art. 39"],
                NotProcessedReason::Repeat => vec!["art. 36(6)"],
                NotProcessedReason::Excessive => vec!["art. 35"],
                NotProcessedReason::ConfirmReissue => vec![],
            },
            Outcome::Other { reason } => match reason {
                OtherReason::NoCorrection => vec!["art. 30"],
                OtherReason::NoFee => vec!["art. 42", "国办函〔2020〕109号"],
                OtherReason::Other => vec![],
            },
        }
    }
}

impl fmt::Display for Outcome {
    /// `granted`, `refused/state_secret`, … (group id, then reason id).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.kind().id())?;
        if let Some(r) = self.reason() {
            write!(f, "/{r}")?;
        }
        Ok(())
    }
}

impl std::str::FromStr for Outcome {
    type Err = Error;
    /// Parse `group` or `group/reason` (the [`Display`](fmt::Display) form).
    fn from_str(s: &str) -> Result<Outcome> {
        match s.split_once('/') {
            Some((kind, reason)) => Outcome::parse(kind, Some(reason)),
            None => Outcome::parse(s, None),
        }
    }
}

impl Serialize for Outcome {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Outcome {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Outcome, D::Error> {
        let s = <std::borrow::Cow<'de, str> as Deserialize>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}
