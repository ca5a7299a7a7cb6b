//! Power-and-responsibility lists (权责清单): items, categories, legal basis, time limits, risk
//! points; validation; versions and diffs; disclosure duties.
//!
//! Every department publishes the list of its administrative powers (权力事项) with their
//! legal basis (设定依据), implementing body (实施主体), procedure, time limits, responsibilities
//! (责任事项) and accountability cases (追责情形), and keeps it current as laws change
//! (disclosure.md §4). A [`PowerItem`] is one row of such a list; a [`PowerList`] is one organ's
//! items at one version (effective date), read from and written to CSV and JSON in the column
//! layout of published lists ([`PowerField`] documents the column names and their aliases).
//!
//! - [`PowerList::check`] turns rule breaches into [`Finding`](crate::Finding)s with the rule
//!   ids of [`rules`].
//! - [`PowerList::diff`] compares two versions: added (新增), cancelled (取消), delegated (下放),
//!   merged (合并), split (分设) and changed items, matched by code first, then by name and
//!   basis; [`ChangeLog`] records each change with its approving document and effective date.
//! - [`PowerList::disclosure_duties`] derives what must be disclosed and by when: the rules
//!   of licensing and services (政府信息公开条例 2019 art. 20(5)), of penalties and coercion
//!   (art. 20(6)), 双公示 of each licensing or penalty decision within 7 working days, and the
//!   list's changes within the period the caller sets — on the working-day calendar.
//! - [`parse_citation`] and [`LegalBasis::parse`] read citations such as
//!   `《中华人民共和国行政许可法》第十二条第一项`; [`CreditCode`] checks unified social credit
//!   codes (GB 32100—2015).
//!
//! Codes (基本编码, 实施编码) are opaque strings kept exactly as written: their national layout
//! could not be read (GB/T 39554.1—2020), and real codes differ by province (disclosure.md
//! §4.4).
//!
//! [`PowerList`] is also at the crate root.
//!
//! ```
//! use sunlit::power::{CreditCode, parse_citation, parse_numeral};
//! assert_eq!(parse_numeral("一百零五")?, 105);
//! assert!(parse_citation("《中华人民共和国行政许可法》第十二条第一项").is_ok());
//! assert!(CreditCode::parse("not a code").is_err());
//! # Ok::<(), sunlit::Error>(())
//! ```

mod check;
mod citation;
mod credit;
mod diff;
mod duties;
mod item;
mod list;
mod numeral;
mod text;

pub use citation::{Citation, LegalBasis, parse_citation};
pub use credit::{CreditCode, credit_code_check_char};
pub use diff::{ChangeLog, ChangeRecord, FieldChange, PowerChange, PowerItemRef};
pub use duties::{DisclosureDuty, DutyKind, DutyOptions};
pub use item::{ImplementingBody, PowerItem, RiskPoint, TimeLimit};
pub use list::PowerList;
pub use numeral::{chinese_numeral, parse_numeral};

use crate::vocab::vocabulary;

pub(crate) use crate::rules::power as rules;

vocabulary! {
    /// The category of an administrative power (事项类型), coded as in GB/T 39046—2020
    /// 《政务服务平台基础数据规范》 Table A.1 (00 … 10, 20). Local labels that map clearly are
    /// aliases (行政许可类, 其他行政权力, the legacy codes XK/ZS/QR/QT); any other label — such as
    /// Zhejiang's 非行政许可审批 or Zibo's 行政监督 and 行政审批 — is [`PowerCategory::Local`] and
    /// the item keeps the label as written ([`PowerItem::category_label`]).
    #[derive(Default)]
    pub enum PowerCategory("category") {
        /// 00 行政权力事项 — an administrative power without a finer category.
        #[default]
        General = "general", "行政权力事项" | "00" | "行政权力";
        /// 01 行政许可 — licensing (行政许可法).
        Licensing = "licensing", "行政许可" | "01" | "行政许可类" | "许可" | "XK";
        /// 02 行政处罚 — penalty (行政处罚法).
        Penalty = "penalty", "行政处罚" | "02" | "行政处罚类" | "处罚";
        /// 03 行政强制 — coercive measures and enforcement (行政强制法).
        Coercion = "coercion", "行政强制" | "03" | "行政强制类" | "行政强制措施" | "行政强制执行" | "强制";
        /// 04 行政征收 — levy and expropriation.
        Levy = "levy", "行政征收" | "04" | "行政征收类" | "征收" | "ZS";
        /// 05 行政给付 — benefit payment.
        Payment = "payment", "行政给付" | "05" | "行政给付类" | "给付";
        /// 06 行政检查 — inspection.
        Inspection = "inspection", "行政检查" | "06" | "行政检查类" | "检查";
        /// 07 行政确认 — confirmation.
        Confirmation = "confirmation", "行政确认" | "07" | "行政确认类" | "确认" | "QR";
        /// 08 行政奖励 — reward.
        Reward = "reward", "行政奖励" | "08" | "行政奖励类" | "奖励";
        /// 09 行政裁决 — adjudication.
        Adjudication = "adjudication", "行政裁决" | "09" | "行政裁决类" | "裁决";
        /// 10 其他类别事项 — other powers (其他行政权力 in most local lists).
        Other = "other", "其他类别事项" | "10" | "其他行政权力" | "其他权力" | "其他职权" | "其他" | "QT";
        /// 20 公共服务事项 — public service.
        PublicService = "public_service", "公共服务事项" | "20" | "公共服务" | "公共服务类";
        /// A local category with no GB/T 39046 code; the label is kept on the item.
        Local = "local", "地方类别";
    }
}

impl PowerCategory {
    /// The two-digit code of GB/T 39046—2020 Table A.1, or `None` for a local category.
    ///
    /// ```
    /// use sunlit::power::PowerCategory;
    /// assert_eq!(PowerCategory::Licensing.gb_code(), Some("01"));
    /// assert_eq!(PowerCategory::PublicService.gb_code(), Some("20"));
    /// assert_eq!(PowerCategory::Local.gb_code(), None);
    /// ```
    pub fn gb_code(self) -> Option<&'static str> {
        Some(match self {
            PowerCategory::General => "00",
            PowerCategory::Licensing => "01",
            PowerCategory::Penalty => "02",
            PowerCategory::Coercion => "03",
            PowerCategory::Levy => "04",
            PowerCategory::Payment => "05",
            PowerCategory::Inspection => "06",
            PowerCategory::Confirmation => "07",
            PowerCategory::Reward => "08",
            PowerCategory::Adjudication => "09",
            PowerCategory::Other => "10",
            PowerCategory::PublicService => "20",
            PowerCategory::Local => return None,
        })
    }

    /// The category of a label as printed: a known label or code, else
    /// [`PowerCategory::Local`] (never an error: the label is kept on the item and reported by
    /// the `power.local_category` check).
    ///
    /// ```
    /// use sunlit::power::PowerCategory;
    /// assert_eq!(PowerCategory::from_label("行政许可类"), PowerCategory::Licensing);
    /// assert_eq!(PowerCategory::from_label("非行政许可审批"), PowerCategory::Local);
    /// ```
    pub fn from_label(label: &str) -> PowerCategory {
        PowerCategory::parse(label).unwrap_or(PowerCategory::Local)
    }
}

vocabulary! {
    /// The level that exercises a power (行使层级), GB/T 39046—2020 Table A.2, highest first.
    pub enum ExercisingLevel("level") {
        /// 1 国家级 — national (ministries and their bureaus).
        National = "national", "国家级" | "1" | "国家" | "中央" | "部级";
        /// 2 省级 — provincial.
        Provincial = "provincial", "省级" | "2" | "省" | "省本级" | "自治区级";
        /// 3 市级 — prefecture-level city.
        Municipal = "municipal", "市级" | "3" | "市" | "设区的市级" | "设区市级" | "地市级" | "市州级" | "市本级" | "地州市级" | "地州级";
        /// 4 县级 — county, county-level city, district.
        County = "county", "县级" | "4" | "县" | "县（市、区）级" | "县(市、区)级" | "县区级" | "区县级" | "县市区级" | "区级";
        /// 5 镇（乡、街道）级 — township, town, sub-district.
        Township = "township", "镇（乡、街道）级" | "5" | "镇(乡、街道)级" | "乡镇（街道）级" | "乡镇级" | "乡级" | "镇级" | "街道级" | "乡镇";
        /// 6 村（社区）级 — village, community.
        Village = "village", "村（社区）级" | "6" | "村(社区)级" | "村级" | "社区级";
        /// 7 分级管理 — graded management (each level within its remit).
        Graded = "graded", "分级管理" | "7";
    }
}

impl ExercisingLevel {
    /// The administrative tier, 1 (national) to 6 (village); `None` for graded management.
    ///
    /// ```
    /// use sunlit::power::ExercisingLevel;
    /// assert!(ExercisingLevel::Municipal.tier() > ExercisingLevel::Provincial.tier());
    /// assert_eq!(ExercisingLevel::Graded.tier(), None);
    /// ```
    pub fn tier(self) -> Option<u8> {
        Some(match self {
            ExercisingLevel::National => 1,
            ExercisingLevel::Provincial => 2,
            ExercisingLevel::Municipal => 3,
            ExercisingLevel::County => 4,
            ExercisingLevel::Township => 5,
            ExercisingLevel::Village => 6,
            ExercisingLevel::Graded => return None,
        })
    }
}

vocabulary! {
    /// The legal nature of the implementing body (实施主体性质), GB/T 39046—2020 Table A.3.
    pub enum BodyNature("body_nature") {
        /// 1 法定机关 — an administrative organ acting under its statutory powers.
        Statutory = "statutory", "法定机关" | "1" | "行政机关";
        /// 2 授权组织 — an organisation empowered by a law or regulation.
        Authorized = "authorized", "授权组织" | "2" | "法律法规授权组织" | "法律、法规授权组织" | "法律法规规章授权组织";
        /// 3 受委托组织 — an organisation acting on an organ's commission.
        Entrusted = "entrusted", "受委托组织" | "3" | "委托组织";
        /// 9 其他 — other.
        Other = "other", "其他" | "9";
    }
}

vocabulary! {
    /// The unit of a time limit (办结时限单位): working days (工作日) or calendar days (日) —
    /// statutes say 日 for calendar days — or months.
    pub enum LimitUnit("time_limit_unit") {
        /// 工作日 — working days (weekends and statutory holidays excluded).
        WorkingDays = "working_days", "工作日" | "个工作日";
        /// 日 — calendar days (自然日).
        CalendarDays = "calendar_days", "日" | "天" | "自然日" | "个自然日" | "日历日";
        /// 个月 — months.
        Months = "months", "个月" | "月";
    }
}

vocabulary! {
    /// The grade of an integrity-risk point (廉政风险等级): three levels in practice
    /// (disclosure.md §4.6, confidence M).
    pub enum RiskGrade("risk_grade") {
        /// 高 / 一级 — powers over money, projects, personnel, major approvals.
        High = "high", "高" | "一级" | "高风险" | "Ⅰ级" | "I级";
        /// 中 / 二级 — ordinary licensing, confirmation, inspection.
        Medium = "medium", "中" | "二级" | "中风险" | "Ⅱ级" | "II级";
        /// 低 / 三级 — little control over people, money or goods.
        Low = "low", "低" | "三级" | "低风险" | "Ⅲ级" | "III级";
    }
}

vocabulary! {
    /// The kind of a change between two versions of a list (disclosure.md §4.5).
    pub enum PowerChangeKind("change_kind") {
        /// 新增 — an item that is new.
        Added = "added", "新增" | "增加";
        /// 取消 — an item that is gone.
        Cancelled = "cancelled", "取消";
        /// 下放 — an item now exercised at a lower level.
        Delegated = "delegated", "下放";
        /// 合并 — several items merged into one.
        Merged = "merged", "合并";
        /// 分设 — one item split into several.
        Split = "split", "分设" | "拆分";
        /// 变更 — an item whose content changed.
        Changed = "changed", "变更" | "调整";
    }
}

vocabulary! {
    /// A column of a published power list, with the header names seen in real lists as
    /// aliases (disclosure.md §4.3 (c), GB/T 39046—2020 Table 4). The canonical header is the
    /// Chinese name; the id is the key in JSON and Python. Local spellings reported from real
    /// lists in issue 10 — 权责事项名称, 权责类型, 实施层级, 责任事项内容, 责任追究情形, 责任科室 — and
    /// met in a public importer of real county lists (责任处室, 办理机构, 责任依据) are aliases too.
    /// A header is matched as printed or NFKC-normalised ([`PowerField::recognise`]); a header
    /// that is no field is kept as an extra column, never dropped.
    pub enum PowerField("column") {
        /// 序号 — the row number as printed.
        Number = "number", "序号";
        /// 权力分类 — category.
        Category = "category", "权力分类" | "职权类型" | "权力类别" | "权力类型" | "职权类别" | "事项类型" | "类别" | "权责类型" | "权责事项类型" | "权责类别";
        /// 事项名称 — the item's name.
        Name = "name", "事项名称" | "项目名称" | "权力名称" | "职权名称" | "权力事项名称" | "权力事项" | "权责事项名称" | "权责事项" | "权责名称" | "职权事项";
        /// 子项 — sub-items.
        SubItems = "sub_items", "子项" | "子项名称" | "子项目";
        /// 基本编码 — basic code (the list's 编码 column).
        BasicCode = "basic_code", "基本编码" | "编码" | "事项编码" | "职权编码" | "权力编码" | "行政许可事项编号" | "事项编号";
        /// 实施编码 — implementation code.
        ImplementationCode = "implementation_code", "实施编码";
        /// 设定依据 — legal basis.
        LegalBasis = "legal_basis", "设定依据" | "实施依据" | "法律依据" | "依据" | "设定和实施依据" | "职权依据";
        /// 行使层级 — exercising level(s), separated by 、 or ，.
        Levels = "levels", "行使层级" | "层级" | "实施层级";
        /// 实施主体 — implementing body.
        Body = "body", "实施主体" | "行使主体" | "责任主体" | "法定主体" | "实施机关";
        /// 实施主体代码 — the body's unified social credit code.
        BodyCreditCode = "body_credit_code", "实施主体代码" | "实施主体编码" | "统一社会信用代码";
        /// 实施主体性质 — the body's legal nature.
        BodyNature = "body_nature", "实施主体性质";
        /// 承办机构 — the internal office that handles the item.
        Department = "department", "承办机构" | "内设机构" | "承办科室" | "责任科室" | "责任处室" | "承办处室" | "办理机构";
        /// 法定办结时限 — statutory time limit.
        StatutoryLimit = "statutory_limit", "法定办结时限" | "法定时限" | "法定期限";
        /// 承诺办结时限 — promised time limit.
        PromisedLimit = "promised_limit", "承诺办结时限" | "承诺时限" | "承诺期限";
        /// 是否收费 — whether a fee is charged.
        ChargesFee = "charges_fee", "是否收费" | "收费";
        /// 收费依据 — fee basis.
        FeeBasis = "fee_basis", "收费依据" | "收费标准及依据";
        /// 办理流程 — procedure steps.
        Procedure = "procedure", "办理流程" | "运行流程" | "流程" | "办理程序";
        /// 责任事项 — responsibility items.
        Responsibilities = "responsibilities", "责任事项" | "责任事项内容" | "责任内容";
        /// 责任事项依据 — basis of the responsibility items.
        ResponsibilityBasis = "responsibility_basis", "责任事项依据" | "责任依据";
        /// 追责情形 — accountability cases.
        Accountability = "accountability", "追责情形" | "问责情形" | "责任追究情形";
        /// 追责依据 — basis of accountability.
        AccountabilityBasis = "accountability_basis", "追责依据" | "问责依据";
        /// 监督电话 — supervision telephone.
        SupervisionPhone = "supervision_phone", "监督电话" | "监督投诉电话" | "投诉电话" | "监督投诉方式";
        /// 风险环节 — steps of the risk points, one per line.
        RiskSteps = "risk_steps", "风险环节" | "环节" | "环节名称";
        /// 风险点 — manifestations of the risk points, one per line.
        RiskDescriptions = "risk_descriptions", "风险点" | "廉政风险点" | "表现形式" | "风险表现" | "风险点描述";
        /// 风险等级 — grades of the risk points, one per line.
        RiskGrades = "risk_grades", "风险等级" | "风险点等级" | "廉政风险等级";
        /// 防控措施 — controls of the risk points, one per line.
        RiskControls = "risk_controls", "防控措施" | "风险防控措施";
        /// 风险责任人 — responsible persons of the risk points, one per line.
        RiskOwners = "risk_owners", "风险责任人" | "责任人";
        /// 备注 — remarks.
        Remarks = "remarks", "备注";
    }
}

impl PowerField {
    /// Recognise a printed column header: the id, canonical name or an alias, as printed or
    /// after NFKC normalisation ([`normalize_text`](crate::document::normalize_text): Kangxi radicals,
    /// full-width forms, spaces and line breaks inside a wrapped header) with enumerators and
    /// bracketed remarks dropped (`设定依据（法律法规条款）`). `None` for a header that is no field.
    ///
    /// ```
    /// use sunlit::power::PowerField;
    /// assert_eq!(PowerField::recognise("权责事项名称"), Some(PowerField::Name));
    /// assert_eq!(PowerField::recognise("责任事项\n内容"), Some(PowerField::Responsibilities));
    /// assert_eq!(PowerField::recognise("责任追究情形"), Some(PowerField::Accountability));
    /// assert_eq!(PowerField::recognise("设定依据（法律法规条款）"), Some(PowerField::LegalBasis));
    /// assert_eq!(PowerField::recognise("审核组意见"), None);
    /// ```
    pub fn recognise(header: &str) -> Option<PowerField> {
        if let Ok(f) = PowerField::parse(header) {
            return Some(f);
        }
        let n = crate::tables::normalize_label(header);
        if n.is_empty() {
            return None;
        }
        PowerField::ALL.iter().copied().find(|f| {
            std::iter::once(f.name_zh())
                .chain(f.aliases().iter().copied())
                .any(|a| crate::tables::normalize_label(a) == n)
        })
    }
}
