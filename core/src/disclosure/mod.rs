//! Disclosure rules (政府信息公开): what must be published proactively and by when, what may be
//! withheld and on which ground, and the publication deadlines of 双公示.
//!
//! Source: the Regulations on Open Government Information (中华人民共和国政府信息公开条例), revised
//! by State Council Decree No. 711 (国务院令第711号), in force 2019-05-15. Article numbers without
//! a law's name (`art. 26`) are articles of these Regulations; other instruments are named
//! (`行政处罚法 2021 art. 48`, `国办发〔2015〕51号 (十八)`).
//!
//! An [`InfoItem`] (政府信息, art. 2) is described by its category (the 15 items of art. 20 and
//! the local items of art. 21), its stage (the five disclosures 五公开) and the facts that bear on
//! exemption; [`decide`] turns it into a [`Decision`]: proactive disclosure with its deadline,
//! disclosure on request only, withheld on one of the eight grounds, or partial. Disclosure is the
//! default (以公开为常态、不公开为例外, art. 5): without an exemption fact an item is never withheld.
//!
//! ```
//! use chrono::NaiveDate;
//! use sunlit::WorkCalendar;
//! use sunlit::disclosure::{Category, DisclosureMode, InfoItem, decide};
//! let item = InfoItem {
//!     formed: NaiveDate::from_ymd_opt(2024, 3, 1).unwrap(),
//!     category: Category::Penalties,
//!     ..Default::default()
//! };
//! let decision = decide(&item, &WorkCalendar::china())?;
//! assert_eq!(decision.mode, DisclosureMode::Proactive);
//! # Ok::<(), sunlit::Error>(())
//! ```

pub mod catalogue;
mod deadline;
mod decide;
pub mod guide;
pub mod interpretation;
pub mod key_area;

pub use catalogue::{
    CatalogueColumn, CatalogueEntry, DisclosureCatalogue, IndexKind, IndexNumber,
    PublicationChannel,
};
pub use deadline::{Deadline, proactive_deadline, publicity_deadline, withdrawal_deadline};
pub use decide::{Decision, InfoItem, decide};
pub use guide::{DisclosureGuide, GuideElement};
pub use key_area::{Checklist, ItemState};

pub(crate) use crate::rules::disclosure as rules;

use crate::vocab::vocabulary;

vocabulary! {
    /// The category of an information item: one of the 15 items every administrative organ must
    /// proactively disclose (政府信息公开条例 2019 art. 20), one of the additional local items
    /// (art. 21), or `other`.
    #[derive(Default)]
    pub enum Category("category") {
        /// 行政法规、规章和规范性文件 — art. 20(1).
        Regulations = "regulations", "行政法规、规章和规范性文件" | "规范性文件";
        /// 机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名 — art. 20(2).
        Organization = "organization", "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名" | "机构职能";
        /// 国民经济和社会发展规划、专项规划、区域规划及相关政策 — art. 20(3).
        Plans = "plans", "国民经济和社会发展规划、专项规划、区域规划及相关政策" | "规划";
        /// 国民经济和社会发展统计信息 — art. 20(4).
        Statistics = "statistics", "国民经济和社会发展统计信息" | "统计信息";
        /// 办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果 — art. 20(5).
        Licensing = "licensing", "办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果" | "行政许可";
        /// 实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定 —
        /// art. 20(6).
        Penalties = "penalties", "实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定" | "行政处罚" | "行政处罚和行政强制";
        /// 财政预算、决算信息 — art. 20(7).
        Budgets = "budgets", "财政预算、决算信息" | "预决算";
        /// 行政事业性收费项目及其依据、标准 — art. 20(8).
        Fees = "fees", "行政事业性收费项目及其依据、标准" | "行政事业性收费";
        /// 政府集中采购项目的目录、标准及实施情况 — art. 20(9).
        Procurement = "procurement", "政府集中采购项目的目录、标准及实施情况" | "政府集中采购";
        /// 重大建设项目的批准和实施情况 — art. 20(10).
        MajorProjects = "major_projects", "重大建设项目的批准和实施情况" | "重大建设项目";
        /// 扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况 — art. 20(11).
        Livelihood = "livelihood", "扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况" | "民生政策";
        /// 突发公共事件的应急预案、预警信息及应对情况 — art. 20(12).
        Emergencies = "emergencies", "突发公共事件的应急预案、预警信息及应对情况" | "突发公共事件";
        /// 环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况 — art. 20(13).
        Inspections = "inspections", "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况" | "监督检查";
        /// 公务员招考的职位、名额、报考条件等事项以及录用结果 — art. 20(14).
        CivilServiceRecruitment = "civil_service_recruitment", "公务员招考的职位、名额、报考条件等事项以及录用结果" | "公务员招考";
        /// 法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息 — art. 20(15), the catch-all.
        OtherMandatory = "other_mandatory", "法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息";
        /// 市政建设 — art. 21, city (设区的市级) and county governments and their departments.
        MunicipalConstruction = "municipal_construction", "市政建设";
        /// 公共服务 — art. 21, city and county.
        PublicServices = "public_services", "公共服务";
        /// 公益事业 — art. 21, city and county.
        PublicWelfare = "public_welfare", "公益事业";
        /// 土地征收 — art. 21, city, county and township.
        LandExpropriation = "land_expropriation", "土地征收";
        /// 房屋征收 — art. 21, city, county and township.
        HousingExpropriation = "housing_expropriation", "房屋征收";
        /// 治安管理 — art. 21, city and county.
        PublicOrder = "public_order", "治安管理";
        /// 社会救助 — art. 21, city, county and township.
        SocialAssistance = "social_assistance", "社会救助";
        /// 贯彻落实农业农村政策 — art. 21, township (乡、镇).
        RuralPolicy = "rural_policy", "贯彻落实农业农村政策";
        /// 农田水利工程建设运营 — art. 21, township.
        FarmlandWater = "farmland_water", "农田水利工程建设运营";
        /// 农村土地承包经营权流转 — art. 21, township.
        LandContractTransfer = "land_contract_transfer", "农村土地承包经营权流转";
        /// 宅基地使用情况审核 — art. 21, township.
        HomesteadReview = "homestead_review", "宅基地使用情况审核";
        /// 筹资筹劳 — art. 21, township.
        FundsAndLabour = "funds_and_labour", "筹资筹劳";
        /// Any other information: proactive only if it passes the art. 19 test, else on request.
        #[default]
        Other = "other", "其他";
    }
}

impl Category {
    /// The article that makes the category a proactive-disclosure duty: `art. 20(n)` for the
    /// 15 national items, `art. 21` for the local ones, `None` for `other`.
    ///
    /// ```
    /// use sunlit::disclosure::Category;
    /// assert_eq!(Category::Budgets.article(), Some("art. 20(7)"));
    /// assert_eq!(Category::HomesteadReview.article(), Some("art. 21"));
    /// assert_eq!(Category::Other.article(), None);
    /// ```
    pub fn article(self) -> Option<&'static str> {
        use Category as C;
        Some(match self {
            C::Regulations => "art. 20(1)",
            C::Organization => "art. 20(2)",
            C::Plans => "art. 20(3)",
            C::Statistics => "art. 20(4)",
            C::Licensing => "art. 20(5)",
            C::Penalties => "art. 20(6)",
            C::Budgets => "art. 20(7)",
            C::Fees => "art. 20(8)",
            C::Procurement => "art. 20(9)",
            C::MajorProjects => "art. 20(10)",
            C::Livelihood => "art. 20(11)",
            C::Emergencies => "art. 20(12)",
            C::Inspections => "art. 20(13)",
            C::CivilServiceRecruitment => "art. 20(14)",
            C::OtherMandatory => "art. 20(15)",
            C::Other => return None,
            _ => "art. 21",
        })
    }

    /// The organ levels an art. 21 item binds (city and county governments and their departments;
    /// township governments); empty for the art. 20 items, which bind every organ, and for
    /// `other`.
    ///
    /// ```
    /// use sunlit::disclosure::{Category, OrganLevel};
    /// assert_eq!(Category::PublicOrder.local_levels(), &[OrganLevel::Municipal, OrganLevel::County]);
    /// assert!(Category::SocialAssistance.local_levels().contains(&OrganLevel::Township));
    /// assert!(Category::Budgets.local_levels().is_empty());
    /// ```
    pub fn local_levels(self) -> &'static [OrganLevel] {
        use Category as C;
        const CITY_COUNTY: &[OrganLevel] = &[OrganLevel::Municipal, OrganLevel::County];
        const TOWNSHIP: &[OrganLevel] = &[OrganLevel::Township];
        const ALL_LOCAL: &[OrganLevel] = &[
            OrganLevel::Municipal,
            OrganLevel::County,
            OrganLevel::Township,
        ];
        match self {
            C::MunicipalConstruction | C::PublicServices | C::PublicWelfare | C::PublicOrder => {
                CITY_COUNTY
            }
            C::LandExpropriation | C::HousingExpropriation | C::SocialAssistance => ALL_LOCAL,
            C::RuralPolicy
            | C::FarmlandWater
            | C::LandContractTransfer
            | C::HomesteadReview
            | C::FundsAndLabour => TOWNSHIP,
            _ => &[],
        }
    }
}

vocabulary! {
    /// The level of the organ that produced an item; decides which local items of art. 21 bind
    /// it.
    pub enum OrganLevel("organ_level") {
        /// 国务院部门 — a central (State Council) department.
        National = "national", "国务院部门" | "中央";
        /// 省级 — a province and its departments.
        Provincial = "provincial", "省级";
        /// 设区的市级 — a city divided into districts and its departments.
        Municipal = "municipal", "设区的市级" | "市级";
        /// 县级 — a county-level government and its departments.
        County = "county", "县级";
        /// 乡（镇） — a township government.
        Township = "township", "乡（镇）" | "乡镇" | "乡(镇)";
    }
}

vocabulary! {
    /// The kind of organ (beside its level): a government, one of its departments, or the finance
    /// department. Key-area items bind by kind; the annual-report deadline of art. 49 depends on
    /// it (a department by 31 January, a government by 31 March).
    pub enum OrganKind("organ_kind") {
        /// 人民政府 — a people's government (its portal and its office).
        Government = "government", "人民政府" | "政府";
        /// 政府部门 — a department of a government.
        Department = "department", "政府部门" | "部门";
        /// 财政部门 — the finance department (publishes the government's budget and final
        /// accounts; also a department).
        Finance = "finance", "财政部门";
    }
}

vocabulary! {
    /// The five disclosures (五公开) by which open-government work is organised and evaluated:
    /// decision-making, execution, management, service and results. Descriptive only: it does
    /// not change a [`Decision`]. (The CASS transparency index uses 决策公开, 管理服务公开 and
    /// 执行和结果公开 as first-level indicators, disclosure.md §5.1.)
    pub enum DisclosureStage("stage") {
        /// 决策公开 — decision-making.
        Decision = "decision", "决策公开";
        /// 执行公开 — execution.
        Execution = "execution", "执行公开";
        /// 管理公开 — management.
        Management = "management", "管理公开";
        /// 服务公开 — services.
        Service = "service", "服务公开";
        /// 结果公开 — results.
        Result = "result", "结果公开";
    }
}

vocabulary! {
    /// A fact about an item that bears on exemption (arts. 14–16, 36(7)) or lifts one (the
    /// overrides of arts. 15 and 16 ¶2).
    pub enum ExemptionFact("exemption_fact") {
        /// 依法确定为国家秘密 — lawfully classified as a state secret (art. 14).
        StateSecret = "state_secret", "国家秘密";
        /// 法律、行政法规禁止公开 — a law or administrative regulation forbids disclosure (art. 14).
        LawForbids = "law_forbids", "法律、行政法规禁止公开" | "法律行政法规禁止公开";
        /// 危及国家安全、公共安全、经济安全、社会稳定 — disclosure may endanger the "三安全一稳定"
        /// (art. 14).
        SecurityStability = "security_stability", "三安全一稳定" | "危及“三安全一稳定”" | "危及\"三安全一稳定\"";
        /// 商业秘密、个人隐私 — trade secrets or personal privacy whose disclosure would harm a third
        /// party's lawful rights (art. 15).
        ThirdParty = "third_party", "商业秘密、个人隐私" | "第三方合法权益";
        /// 第三方同意公开 — the third party consents (art. 15 override).
        ThirdPartyConsent = "third_party_consent", "第三方同意公开";
        /// 不公开会对公共利益造成重大影响 — the organ finds non-disclosure would seriously affect the
        /// public interest (art. 15 override).
        PublicInterest = "public_interest", "不公开会对公共利益造成重大影响" | "公共利益";
        /// 内部事务信息 — personnel, logistics, internal work procedures (art. 16 ¶1).
        InternalAffairs = "internal_affairs", "内部事务信息";
        /// 过程性信息 — discussion records, drafts, consultation letters, requests for
        /// instructions and reports (art. 16 ¶2).
        ProcessInfo = "process_info", "过程性信息";
        /// 行政执法案卷信息 — an administrative law-enforcement case file (art. 16 ¶2).
        EnforcementFile = "enforcement_file", "行政执法案卷信息" | "行政执法案卷";
        /// 行政查询事项 — records such as business or real-estate registration that other laws open
        /// through their own route (art. 36(7); reason 8 of the report template).
        AdminQuery = "admin_query", "行政查询事项";
        /// 法律、法规、规章规定应当公开 — a law, regulation or rule requires disclosure of art. 16 ¶2
        /// information, which then prevails (art. 16 ¶2 override).
        LawRequiresDisclosure = "law_requires_disclosure", "法律、法规、规章规定应当公开";
    }
}

impl ExemptionFact {
    /// Whether the fact is itself a reason to withhold (false for the three overrides).
    ///
    /// ```
    /// use sunlit::disclosure::ExemptionFact;
    /// assert!(ExemptionFact::ProcessInfo.is_exemption());
    /// assert!(!ExemptionFact::ThirdPartyConsent.is_exemption());
    /// ```
    pub fn is_exemption(self) -> bool {
        !matches!(
            self,
            ExemptionFact::ThirdPartyConsent
                | ExemptionFact::PublicInterest
                | ExemptionFact::LawRequiresDisclosure
        )
    }
}

vocabulary! {
    /// The ground on which information is withheld: exactly the eight reasons of 不予公开 in the
    /// 2021 annual-report template (国办公开办函〔2021〕30号; disclosure.md §2.4, §6), in template
    /// order. Also the `reason` of a refused request.
    pub enum ExemptionGround("ground") {
        /// 属于国家秘密 — state secret (art. 14).
        StateSecret = "state_secret", "属于国家秘密" | "国家秘密";
        /// 其他法律行政法规禁止公开 — other laws or administrative regulations forbid (art. 14).
        LawForbids = "law_forbids", "其他法律行政法规禁止公开" | "法律行政法规禁止公开";
        /// 危及“三安全一稳定” — endangers national, public or economic security or social
        /// stability (art. 14).
        SecurityStability = "security_stability", "危及“三安全一稳定”" | "危及\"三安全一稳定\"" | "三安全一稳定";
        /// 保护第三方合法权益 — protects a third party's lawful rights (art. 15).
        ThirdParty = "third_party", "保护第三方合法权益" | "第三方合法权益";
        /// 属于三类内部事务信息 — internal-affairs information (art. 16 ¶1).
        InternalAffairs = "internal_affairs", "属于三类内部事务信息" | "内部事务信息";
        /// 属于四类过程性信息 — process information (art. 16 ¶2).
        ProcessInfo = "process_info", "属于四类过程性信息" | "过程性信息";
        /// 属于行政执法案卷 — law-enforcement case file (art. 16 ¶2).
        EnforcementFile = "enforcement_file", "属于行政执法案卷" | "行政执法案卷";
        /// 属于行政查询事项 — administrative-query matter (art. 36(7) routing; mapping from the
        /// template's usage, disclosure.md §1.3 \[M\]).
        AdminQuery = "admin_query", "属于行政查询事项" | "行政查询事项";
    }
}

impl ExemptionGround {
    /// The article the ground rests on: `art. 14`, `art. 15`, `art. 16 ¶1`, `art. 16 ¶2` or
    /// `art. 36(7)`.
    ///
    /// ```
    /// use sunlit::disclosure::ExemptionGround;
    /// assert_eq!(ExemptionGround::SecurityStability.article(), "art. 14");
    /// assert_eq!(ExemptionGround::EnforcementFile.article(), "art. 16 ¶2");
    /// ```
    pub fn article(self) -> &'static str {
        use ExemptionGround as G;
        match self {
            G::StateSecret | G::LawForbids | G::SecurityStability => "art. 14",
            G::ThirdParty => "art. 15",
            G::InternalAffairs => "art. 16 ¶1",
            G::ProcessInfo | G::EnforcementFile => "art. 16 ¶2",
            G::AdminQuery => "art. 36(7)",
        }
    }

    /// How binding the ground is: mandatory (art. 14), conditional (art. 15: unless the third
    /// party consents or the public interest prevails), discretionary (art. 16: "may"), or routing
    /// (art. 36(7): another law's access route applies).
    ///
    /// ```
    /// use sunlit::disclosure::{ExemptionGround, Strength};
    /// assert_eq!(ExemptionGround::StateSecret.strength(), Strength::Mandatory);
    /// assert_eq!(ExemptionGround::ProcessInfo.strength(), Strength::Discretionary);
    /// ```
    pub fn strength(self) -> Strength {
        use ExemptionGround as G;
        match self {
            G::StateSecret | G::LawForbids | G::SecurityStability => Strength::Mandatory,
            G::ThirdParty => Strength::Conditional,
            G::InternalAffairs | G::ProcessInfo | G::EnforcementFile => Strength::Discretionary,
            G::AdminQuery => Strength::Routing,
        }
    }
}

vocabulary! {
    /// How binding an exemption ground is.
    pub enum Strength("strength") {
        /// 不予公开 — must not be disclosed (art. 14).
        Mandatory = "mandatory", "不予公开" | "应当不予公开";
        /// Must not be disclosed unless the third party consents or non-disclosure would seriously
        /// affect the public interest (art. 15).
        Conditional = "conditional", "附条件不予公开";
        /// 可以不予公开 — may be withheld (art. 16).
        Discretionary = "discretionary", "可以不予公开";
        /// 按照有关法律、行政法规的规定办理 — another law sets the access route (art. 36(7)).
        Routing = "routing", "按有关法律法规办理";
    }
}

vocabulary! {
    /// The outcome of [`decide`].
    pub enum DisclosureMode("mode") {
        /// 主动公开 — publish proactively, within 20 working days (arts. 19–21, 26).
        Proactive = "proactive", "主动公开";
        /// 依申请公开 — disclose on request (art. 27).
        OnRequest = "on_request", "依申请公开";
        /// 不予公开 — withhold, on a ground.
        Withheld = "withheld", "不予公开";
        /// 部分公开 — disclose the separable part, withhold the rest (art. 37).
        Partial = "partial", "部分公开";
    }
}

vocabulary! {
    /// Which publication duty a [`Deadline`] belongs to.
    pub enum DeadlineKind("deadline_kind") {
        /// 主动公开 — 20 working days after the information is formed or changed (art. 26).
        Proactive = "proactive", "主动公开";
        /// 双公示 — licensing and penalty decisions online within 7 working days
        /// (国办发〔2015〕51号 (十八)).
        Publicity = "publicity", "双公示";
        /// 撤回公示 — a changed or revoked penalty decision withdrawn within 3 working days
        /// (行政处罚法 2021 arts. 48, 85).
        Withdrawal = "withdrawal", "撤回公示" | "撤回";
    }
}

vocabulary! {
    /// The two kinds of administrative decision published under 双公示.
    pub enum PublicityKind("publicity_kind") {
        /// 行政许可 — a licensing decision.
        Licensing = "licensing", "行政许可";
        /// 行政处罚 — a penalty decision.
        Penalty = "penalty", "行政处罚";
    }
}
