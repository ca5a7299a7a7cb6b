//! The decision table: proactive, on request, withheld or partial.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{
    Category, DisclosureMode, DisclosureStage, ExemptionFact, ExemptionGround, OrganLevel,
    Strength, proactive_deadline,
};
use crate::calendar::WorkCalendar;
use crate::error::Result;

/// An information item (政府信息): information made or obtained by an administrative organ while
/// performing its functions, recorded in some form (政府信息公开条例 2019 art. 2).
///
/// ```
/// use sunlit::disclosure::{Category, InfoItem};
/// use chrono::NaiveDate;
/// let item = InfoItem {
///     title: "2024年部门预算".into(),
///     organ: "某区财政局".into(),
///     formed: NaiveDate::from_ymd_opt(2024, 2, 1).unwrap(),
///     category: Category::Budgets,
///     ..Default::default()
/// };
/// assert!(item.facts.is_empty());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct InfoItem {
    /// Title (名称).
    pub title: String,
    /// The organ that made or obtained it (制作或者获取机关).
    pub organ: String,
    /// The day it was formed or last changed (形成或者变更之日): the start of the art. 26 period.
    pub formed: NaiveDate,
    /// Its category: an art. 20 item, an art. 21 local item, or `other`.
    #[serde(default)]
    pub category: Category,
    /// Which of the five disclosures (五公开) it belongs to, if known. Descriptive only.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub stage: Option<DisclosureStage>,
    /// The level of the organ, which decides whether an art. 21 local item binds it. `None`
    /// means "as categorised": an art. 21 category is then taken to apply.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub organ_level: Option<OrganLevel>,
    /// The art. 19 test: the item involves the adjustment of public interests (涉及公众利益调整),
    /// needs wide public awareness (需要公众广泛知晓) or public participation in decision-making
    /// (需要公众参与决策), so it must be proactively disclosed whatever its category.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub wide_concern: bool,
    /// Facts that bear on exemption, and the overrides that lift one.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = []))]
    pub facts: Vec<ExemptionFact>,
    /// Whether the exempt part can be separated from the rest (能够作区分处理, art. 37).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default = false))]
    pub separable: bool,
}

/// What [`decide`] concludes for an item, with the articles it rests on.
///
/// Articles are written `art. N` (the 2019 Regulations), `art. N(k)` for item k, `art. N ¶p` for
/// paragraph p.
///
/// ```
/// use sunlit::{WorkCalendar, disclosure::{Category, DisclosureMode, InfoItem, decide}};
/// use chrono::NaiveDate;
/// let item = InfoItem { formed: NaiveDate::from_ymd_opt(2024, 9, 20).unwrap(),
///     category: Category::Budgets, ..Default::default() };
/// let d = decide(&item, &WorkCalendar::china())?;
/// assert_eq!(d.mode, DisclosureMode::Proactive);
/// assert_eq!(d.deadline, NaiveDate::from_ymd_opt(2024, 10, 23)); // across National Day
/// assert!(d.articles.contains(&"art. 26".to_owned()));
/// # Ok::<(), sunlit::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct Decision {
    /// Proactive, on request, withheld or partial.
    pub mode: DisclosureMode,
    /// The ground that decides a withheld or partial item (the first of `grounds` in template
    /// order), else `None`.
    pub ground: Option<ExemptionGround>,
    /// How binding `ground` is.
    pub strength: Option<Strength>,
    /// Every ground that applies, in template order.
    pub grounds: Vec<ExemptionGround>,
    /// The articles the decision rests on.
    pub articles: Vec<String>,
    /// For proactive disclosure (and the disclosable part of a partial item that falls under a
    /// proactive duty): the last day to publish, 20 working days after `formed` (art. 26).
    pub deadline: Option<NaiveDate>,
}

/// Decide how an information item is disclosed.
///
/// The table, in order (政府信息公开条例 2019):
///
/// 1. Grounds to withhold, in the template order of [`ExemptionGround`]: a state secret, a law
///    forbidding disclosure, or danger to the 三安全一稳定 — mandatory (art. 14); third-party trade
///    secrets or privacy — unless the third party consents or the public interest prevails
///    (art. 15); internal affairs (art. 16 ¶1); process information and law-enforcement case files
///    — unless a law, regulation or rule requires disclosure (art. 16 ¶2); administrative-query
///    matters, which follow another law's route (art. 36(7); mapping \[M\]).
/// 2. With a ground: `withheld`, or `partial` when the exempt part is separable (art. 37).
/// 3. Without one, disclosure is the rule (以公开为常态、不公开为例外, art. 5; art. 13):
///    `proactive` when the item is an art. 20 item, an art. 21 item binding the organ's level, or
///    passes the art. 19 test, with the deadline of 20 working days (art. 26); otherwise
///    `on_request` (art. 27).
///
/// A partial item under a proactive duty also gets the art. 26 deadline for its disclosable part
/// (art. 37 is written for requests; applying its separation to proactive disclosure is our
/// reading). Discretionary grounds (art. 16, "may") still yield `withheld` with
/// [`Strength::Discretionary`]: the organ may choose to disclose.
///
/// Errors only when the deadline falls in a year the calendar does not cover.
///
/// ```
/// use sunlit::{
///     WorkCalendar,
///     disclosure::{Category, DisclosureMode, ExemptionFact, ExemptionGround, InfoItem, decide},
/// };
/// use chrono::NaiveDate;
/// let cal = WorkCalendar::china();
/// let mut item = InfoItem { formed: NaiveDate::from_ymd_opt(2024, 3, 1).unwrap(),
///     category: Category::Penalties, facts: vec![ExemptionFact::ThirdParty], ..Default::default() };
/// let d = decide(&item, &cal)?;
/// assert_eq!((d.mode, d.ground), (DisclosureMode::Withheld, Some(ExemptionGround::ThirdParty)));
/// assert_eq!(d.articles, ["art. 15"]);
///
/// item.facts.push(ExemptionFact::ThirdPartyConsent); // art. 15 override
/// assert_eq!(decide(&item, &cal)?.mode, DisclosureMode::Proactive);
///
/// item.formed = NaiveDate::from_ymd_opt(2027, 3, 1).unwrap(); // 2027 not covered
/// assert!(decide(&item, &cal).is_err());
/// # Ok::<(), sunlit::Error>(())
/// ```
pub fn decide(item: &InfoItem, cal: &WorkCalendar) -> Result<Decision> {
    use ExemptionFact as F;
    use ExemptionGround as G;
    let has = |f: F| item.facts.contains(&f);
    let mut articles: Vec<&'static str> = Vec::new();

    let mut grounds = Vec::new();
    for (fact, ground) in [
        (F::StateSecret, G::StateSecret),
        (F::LawForbids, G::LawForbids),
        (F::SecurityStability, G::SecurityStability),
    ] {
        if has(fact) {
            grounds.push(ground);
        }
    }
    if has(F::ThirdParty) {
        if has(F::ThirdPartyConsent) || has(F::PublicInterest) {
            articles.push("art. 15"); // the override is part of the reasoning
        } else {
            grounds.push(G::ThirdParty);
        }
    }
    if has(F::InternalAffairs) {
        grounds.push(G::InternalAffairs);
    }
    for (fact, ground) in [
        (F::ProcessInfo, G::ProcessInfo),
        (F::EnforcementFile, G::EnforcementFile),
    ] {
        if has(fact) {
            if has(F::LawRequiresDisclosure) {
                articles.push("art. 16 ¶2");
            } else {
                grounds.push(ground);
            }
        }
    }
    if has(F::AdminQuery) {
        grounds.push(G::AdminQuery);
    }

    let duty = proactive_duty(item);
    let ground = grounds.first().copied();
    let (mode, deadline) = match (ground, item.separable, duty) {
        (Some(_), false, _) => {
            articles = grounds.iter().map(|g| g.article()).collect();
            (DisclosureMode::Withheld, None)
        }
        (Some(_), true, _) => {
            articles = grounds.iter().map(|g| g.article()).collect();
            articles.push("art. 37");
            let deadline = match duty {
                Some(article) => {
                    articles.extend([article, "art. 26"]);
                    Some(proactive_deadline(item.formed, cal)?.due)
                }
                None => None,
            };
            (DisclosureMode::Partial, deadline)
        }
        (None, _, Some(article)) => {
            let mut a = vec!["art. 5", "art. 13", article, "art. 26"];
            a.extend(articles);
            articles = a;
            (
                DisclosureMode::Proactive,
                Some(proactive_deadline(item.formed, cal)?.due),
            )
        }
        (None, _, None) => {
            let mut a = vec!["art. 5", "art. 13", "art. 27"];
            a.extend(articles);
            articles = a;
            (DisclosureMode::OnRequest, None)
        }
    };
    let mut seen = Vec::new();
    articles.retain(|a| {
        let new = !seen.contains(a);
        seen.push(a);
        new
    });
    Ok(Decision {
        mode,
        ground,
        strength: ground.map(ExemptionGround::strength),
        grounds,
        articles: articles.into_iter().map(str::to_owned).collect(),
        deadline,
    })
}

/// The article that makes the item a proactive-disclosure duty, if any: its art. 20 item, art. 21
/// when the local item binds the organ's level, else art. 19 when the item passes its test.
fn proactive_duty(item: &InfoItem) -> Option<&'static str> {
    let levels = item.category.local_levels();
    let binds = levels.is_empty() || item.organ_level.is_none_or(|l| levels.contains(&l));
    match item.category.article() {
        Some(article) if binds => Some(article),
        _ if item.wide_concern => Some("art. 19"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(category: Category, facts: &[ExemptionFact]) -> InfoItem {
        InfoItem {
            formed: NaiveDate::from_ymd_opt(2024, 3, 1).unwrap(),
            category,
            facts: facts.to_vec(),
            ..Default::default()
        }
    }

    #[test]
    fn local_items_bind_only_their_levels() {
        let cal = WorkCalendar::china();
        let mut i = item(Category::HomesteadReview, &[]);
        assert_eq!(decide(&i, &cal).unwrap().mode, DisclosureMode::Proactive);
        i.organ_level = Some(OrganLevel::Municipal);
        let d = decide(&i, &cal).unwrap();
        assert_eq!(d.mode, DisclosureMode::OnRequest);
        assert_eq!(d.articles, ["art. 5", "art. 13", "art. 27"]);
        i.wide_concern = true;
        let d = decide(&i, &cal).unwrap();
        assert_eq!(d.mode, DisclosureMode::Proactive);
        assert!(d.articles.contains(&"art. 19".to_owned()));
    }

    #[test]
    fn several_grounds_keep_template_order() {
        let cal = WorkCalendar::china();
        let i = item(
            Category::Other,
            &[ExemptionFact::AdminQuery, ExemptionFact::StateSecret],
        );
        let d = decide(&i, &cal).unwrap();
        assert_eq!(d.ground, Some(ExemptionGround::StateSecret));
        assert_eq!(
            d.grounds,
            [ExemptionGround::StateSecret, ExemptionGround::AdminQuery]
        );
        assert_eq!(d.articles, ["art. 14", "art. 36(7)"]);
        assert_eq!(d.strength, Some(Strength::Mandatory));
    }
}
