//! Parsers of the vocabularies from their ids or Chinese labels (`"online"`, `"网上申请"`), so
//! Kotlin and Swift accept the same strings as Python and the core.

use sunlit::{
    calendar::Uncovered,
    disclosure::{
        Category, DisclosureStage, ExemptionFact, ExemptionGround, OrganLevel, PublicityKind,
    },
    request::{Applicant, Channel, ConsultParty, FeeMethod},
};

use crate::errors::Result;

macro_rules! parsers {
    ($($(#[$meta:meta])* $name:ident => $ty:ident;)+) => {
        $(
            $(#[$meta])*
            #[uniffi::export]
            pub fn $name(text: String) -> Result<$ty> {
                Ok($ty::parse(&text)?)
            }
        )+
    };
}

parsers! {
    /// A category (art. 20 item, art. 21 local item, or other) from its id or Chinese name.
    parse_category => Category;
    /// An organ level from its id or Chinese name.
    parse_organ_level => OrganLevel;
    /// One of the five disclosures (五公开) from its id or Chinese name.
    parse_disclosure_stage => DisclosureStage;
    /// An exemption fact from its id or Chinese name.
    parse_exemption_fact => ExemptionFact;
    /// An exemption ground from its id or its row label in the report template.
    parse_exemption_ground => ExemptionGround;
    /// 行政许可 / 行政处罚 from its id or Chinese name.
    parse_publicity_kind => PublicityKind;
    /// A channel from its id or Chinese name.
    parse_channel => Channel;
    /// An applicant type from its id or its column label in the report template.
    parse_applicant => Applicant;
    /// A consulted party from its id or Chinese name.
    parse_consult_party => ConsultParty;
    /// A fee method (按件计收 / 按量计收) from its id or Chinese name.
    parse_fee_method => FeeMethod;
    /// A policy for uncovered years from its id.
    parse_uncovered => Uncovered;
}
