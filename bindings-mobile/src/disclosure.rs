//! Disclosure rules: the decision table and the publication deadlines.

use std::sync::Arc;

use chrono::NaiveDate;
use sunlit::{
    Category, Deadline, DeadlineKind, Decision, DisclosureMode, DisclosureStage, ExemptionFact,
    ExemptionGround, Finding, InfoItem, OrganLevel, PublicityKind, Strength,
};

use crate::calendar::{WorkCalendar, calendar};
use crate::errors::Result;

/// The category of an information item: the 15 items of art. 20, the local items of art. 21,
/// or other.
#[uniffi::remote(Enum)]
pub enum Category {
    Regulations,
    Organization,
    Plans,
    Statistics,
    Licensing,
    Penalties,
    Budgets,
    Fees,
    Procurement,
    MajorProjects,
    Livelihood,
    Emergencies,
    Inspections,
    CivilServiceRecruitment,
    OtherMandatory,
    MunicipalConstruction,
    PublicServices,
    PublicWelfare,
    LandExpropriation,
    HousingExpropriation,
    PublicOrder,
    SocialAssistance,
    RuralPolicy,
    FarmlandWater,
    LandContractTransfer,
    HomesteadReview,
    FundsAndLabour,
    Other,
}

/// The level of the producing organ.
#[uniffi::remote(Enum)]
pub enum OrganLevel {
    National,
    Provincial,
    Municipal,
    County,
    Township,
}

/// The five disclosures (五公开).
#[uniffi::remote(Enum)]
pub enum DisclosureStage {
    Decision,
    Execution,
    Management,
    Service,
    Result,
}

/// Facts that bear on exemption, and the overrides that lift one.
#[uniffi::remote(Enum)]
pub enum ExemptionFact {
    StateSecret,
    LawForbids,
    SecurityStability,
    ThirdParty,
    ThirdPartyConsent,
    PublicInterest,
    InternalAffairs,
    ProcessInfo,
    EnforcementFile,
    AdminQuery,
    LawRequiresDisclosure,
}

/// The eight grounds of 不予公开 in the 2021 report template.
#[uniffi::remote(Enum)]
pub enum ExemptionGround {
    StateSecret,
    LawForbids,
    SecurityStability,
    ThirdParty,
    InternalAffairs,
    ProcessInfo,
    EnforcementFile,
    AdminQuery,
}

/// How binding a ground is.
#[uniffi::remote(Enum)]
pub enum Strength {
    Mandatory,
    Conditional,
    Discretionary,
    Routing,
}

/// Proactive, on request, withheld or partial.
#[uniffi::remote(Enum)]
pub enum DisclosureMode {
    Proactive,
    OnRequest,
    Withheld,
    Partial,
}

/// Which publication duty a deadline belongs to.
#[uniffi::remote(Enum)]
pub enum DeadlineKind {
    Proactive,
    Publicity,
    Withdrawal,
}

/// 行政许可 or 行政处罚 (双公示).
#[uniffi::remote(Enum)]
pub enum PublicityKind {
    Licensing,
    Penalty,
}

/// An information item (政府信息).
#[uniffi::remote(Record)]
pub struct InfoItem {
    pub title: String,
    pub organ: String,
    pub formed: NaiveDate,
    pub category: Category,
    #[uniffi(default = None)]
    pub stage: Option<DisclosureStage>,
    #[uniffi(default = None)]
    pub organ_level: Option<OrganLevel>,
    #[uniffi(default = false)]
    pub wide_concern: bool,
    #[uniffi(default = [])]
    pub facts: Vec<ExemptionFact>,
    #[uniffi(default = false)]
    pub separable: bool,
}

/// What `decide` concludes, with its articles.
#[uniffi::remote(Record)]
pub struct Decision {
    pub mode: DisclosureMode,
    pub ground: Option<ExemptionGround>,
    pub strength: Option<Strength>,
    pub grounds: Vec<ExemptionGround>,
    pub articles: Vec<String>,
    pub deadline: Option<NaiveDate>,
}

/// A publication deadline.
#[uniffi::remote(Record)]
pub struct Deadline {
    pub kind: DeadlineKind,
    pub start: NaiveDate,
    pub workdays: u32,
    pub due: NaiveDate,
    pub articles: Vec<String>,
}

/// Decide how an information item is disclosed (政府信息公开条例 2019); `cal` defaults to the
/// national calendar.
#[uniffi::export(default(cal = None))]
pub fn decide(item: InfoItem, cal: Option<Arc<WorkCalendar>>) -> Result<Decision> {
    Ok(sunlit::decide(&item, &calendar(cal))?)
}

/// The art. 26 deadline: 20 working days after the information is formed or changed.
#[uniffi::export(default(cal = None))]
pub fn proactive_deadline(formed: NaiveDate, cal: Option<Arc<WorkCalendar>>) -> Result<Deadline> {
    Ok(sunlit::proactive_deadline(formed, &calendar(cal))?)
}

/// The 双公示 deadline: 7 working days after the decision (国办发〔2015〕51号).
#[uniffi::export(default(cal = None))]
pub fn publicity_deadline(
    kind: PublicityKind,
    decided: NaiveDate,
    cal: Option<Arc<WorkCalendar>>,
) -> Result<Deadline> {
    Ok(sunlit::publicity_deadline(kind, decided, &calendar(cal))?)
}

/// The withdrawal deadline of a changed or revoked penalty decision: 3 working days
/// (行政处罚法 2021 arts. 48, 85).
#[uniffi::export(default(cal = None))]
pub fn withdrawal_deadline(changed: NaiveDate, cal: Option<Arc<WorkCalendar>>) -> Result<Deadline> {
    Ok(sunlit::withdrawal_deadline(changed, &calendar(cal))?)
}

/// A finding when the duty was met late (`done`) or is overdue on `asOf`, else null.
#[uniffi::export(default(cal = None))]
pub fn check_deadline(
    deadline: Deadline,
    done: Option<NaiveDate>,
    as_of: NaiveDate,
    cal: Option<Arc<WorkCalendar>>,
) -> Result<Option<Finding>> {
    Ok(deadline.check(done, as_of, &calendar(cal))?)
}
