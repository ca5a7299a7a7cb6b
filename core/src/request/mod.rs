//! Requests for disclosure (依申请公开): who asks, through which channel, when the request counts as
//! received, the history of what happened to it, its due date and whether it is overdue.
//!
//! Source: 政府信息公开条例 2019, arts. 27–45 (article numbers without a law's name are of these
//! Regulations). A [`DisclosureRequest`] starts at its receipt date (art. 31) and records events;
//! each event is checked against the history so far, and an event that would make the history
//! impossible — an answer before receipt, a second correction request, an extension beyond 20
//! working days, events out of order — is [`Error::History`](crate::Error::History) naming the event. The answer period
//! is 20 working days from receipt (art. 33), counted without the start day (民法典 art. 201):
//!
//! - a correction request (补正, art. 30) must be sent once, within 7 working days of receipt;
//!   the period then **restarts** from receipt of the corrected application;
//! - consulting a third party (art. 32) or another organ (art. 34) **pauses** the period: the
//!   consultation time is not counted (art. 33 ¶3); the consulted party has 15 working days to
//!   reply;
//! - an extension approved by the head of the disclosure office adds at most 20 working days in
//!   total (art. 33 ¶2);
//! - a fee notice and payment (国办函〔2020〕109号) are recorded; their effect on the period is not
//!   encoded (the measures' later articles could not be read; disclosure.md §1.6 \[L\]).
//!
//! [`DisclosureRequest`] is also at the crate root.
//!
//! ```
//! use sunlit::request::{FeeMethod, information_fee};
//! assert_eq!(information_fee(FeeMethod::PerRequest, 10).amount.to_string(), "0");
//! assert_eq!(information_fee(FeeMethod::PerRequest, 30).amount.to_string(), "2000");
//! ```

mod fee;
mod history;
mod outcome;

pub use fee::{FeeMethod, FeeQuote, FeeTier, information_fee};
pub use history::{DisclosureRequest, RequestEvent, RequestStatus, TimelineEntry};
pub use outcome::{CannotProvideReason, NotProcessedReason, OtherReason, Outcome, OutcomeKind};

use crate::vocab::vocabulary;

pub(crate) use crate::rules::request as rules;

vocabulary! {
    /// How a request reached the organ; decides which day counts as receipt (art. 31).
    pub enum Channel("channel") {
        /// 当面提交 — in person: received the day it is submitted (art. 31(1)).
        InPerson = "in_person", "当面提交" | "当面申请" | "当面";
        /// 邮寄（需签收） — by post needing a signature: received the day the organ signs for it
        /// (art. 31(2)).
        PostSigned = "post_signed", "邮寄（签收）" | "邮寄签收" | "挂号信";
        /// 平常信函 — ordinary post needing no signature: received the day the office confirms
        /// with the applicant, which it must do on the day it gets the letter (art. 31(2)).
        PostUnsigned = "post_unsigned", "平常信函" | "邮寄（无需签收）" | "平信";
        /// 互联网渠道 — online: received the day both sides confirm (art. 31(3)).
        Online = "online", "互联网渠道" | "网上申请" | "网上" | "互联网";
        /// 传真 — the office's fax: received the day both sides confirm (art. 31(3)).
        Fax = "fax", "传真" | "传真申请";
        /// 口头 — oral, where writing is truly difficult and the office fills in the form
        /// (art. 29): received the day it is made (our reading; art. 31 does not name it).
        Oral = "oral", "口头提出" | "口头申请" | "口头";
    }
}

impl Channel {
    /// The article that fixes the receipt date for the channel.
    ///
    /// ```
    /// assert_eq!(sunlit::request::Channel::Online.receipt_article(), "art. 31(3)");
    /// assert_eq!(sunlit::request::Channel::Oral.receipt_article(), "art. 29");
    /// ```
    pub fn receipt_article(self) -> &'static str {
        match self {
            Channel::InPerson => "art. 31(1)",
            Channel::PostSigned | Channel::PostUnsigned => "art. 31(2)",
            Channel::Online | Channel::Fax => "art. 31(3)",
            Channel::Oral => "art. 29",
        }
    }

    /// Which day counts as receipt, in English.
    ///
    /// ```
    /// assert!(sunlit::request::Channel::PostSigned.receipt_rule().contains("signs"));
    /// ```
    pub fn receipt_rule(self) -> &'static str {
        match self {
            Channel::InPerson => "the day the request is submitted in person",
            Channel::PostSigned => "the day the organ signs for the letter",
            Channel::PostUnsigned => {
                "the day the office confirms with the applicant (on the day the letter arrives)"
            }
            Channel::Online | Channel::Fax => "the day both sides confirm",
            Channel::Oral => "the day the oral request is made and recorded",
        }
    }

    /// Whether the receipt day must be the submission day itself (in person, oral).
    fn same_day(self) -> bool {
        matches!(self, Channel::InPerson | Channel::Oral)
    }
}

vocabulary! {
    /// Who asks: the columns of the request table of the 2021 annual-report template
    /// (申请人情况; disclosure.md §2.4), in order.
    pub enum Applicant("applicant") {
        /// 自然人 — a natural person.
        NaturalPerson = "natural_person", "自然人" | "公民";
        /// 商业企业 — a commercial enterprise.
        CommercialEnterprise = "commercial_enterprise", "商业企业";
        /// 科研机构 — a research institution.
        ResearchInstitution = "research_institution", "科研机构";
        /// 社会公益组织 — a public-welfare organisation.
        PublicWelfareOrganization = "public_welfare_organization", "社会公益组织";
        /// 法律服务机构 — a legal-service institution.
        LegalServiceInstitution = "legal_service_institution", "法律服务机构";
        /// 其他 — another legal person or organisation.
        OtherOrganization = "other_organization", "其他" | "其他组织";
    }
}

vocabulary! {
    /// Whom the organ consults, pausing the answer period (art. 33 ¶3).
    #[derive(Default)]
    pub enum ConsultParty("party") {
        /// 第三方 — a third party whose rights disclosure may harm (art. 32).
        #[default]
        ThirdParty = "third_party", "第三方";
        /// 其他机关 — another organ that co-produced the information (art. 34).
        OtherOrgan = "other_organ", "其他机关" | "有关行政机关";
    }
}

vocabulary! {
    /// The events of a request's history, and the milestones a timeline adds.
    pub enum EventKind("event") {
        /// 收到申请 — received (the receipt date of art. 31).
        Received = "received", "收到申请";
        /// 告知补正 — correction requested (art. 30).
        CorrectionRequested = "correction_requested", "告知补正" | "补正告知";
        /// 收到补正后的申请 — corrected application received; the period restarts (art. 30).
        CorrectionReceived = "correction_received", "收到补正申请" | "补正";
        /// 征求意见 — consultation of a third party or another organ started (arts. 32, 34).
        ConsultationStarted = "consultation_started", "征求意见" | "开始征求意见";
        /// 征求意见结束 — consultation ended; the period runs again.
        ConsultationEnded = "consultation_ended", "征求意见结束";
        /// 延长答复期限 — extension approved (art. 33 ¶2).
        Extended = "extended", "延长答复期限" | "延期";
        /// 收费通知 — fee notice sent (国办函〔2020〕109号).
        FeeNotice = "fee_notice", "收费通知";
        /// 缴纳费用 — fee paid.
        FeePaid = "fee_paid", "缴纳费用" | "缴费";
        /// 答复 — answered, with an outcome.
        Answered = "answered", "答复";
        /// 撤回申请 — withdrawn by the applicant.
        Withdrawn = "withdrawn", "撤回申请" | "撤回";
        /// 结转下年度继续办理 — carried over into the next year (recorded on 31 December).
        CarriedOver = "carried_over", "结转下年度继续办理" | "结转";
        /// Milestone: the last day to ask for a correction, 7 working days after receipt (art. 30).
        CorrectionDeadline = "correction_deadline", "补正告知期限";
        /// Milestone: the consulted party's reply is due, 15 working days after the consultation
        /// started (arts. 32, 34).
        ConsultationReplyDue = "consultation_reply_due", "征求意见答复期限";
        /// Milestone: the answer is due (art. 33).
        AnswerDue = "answer_due", "答复期限";
    }
}

vocabulary! {
    /// Where a request stands on a given day.
    pub enum RequestState("state") {
        /// 办理中 — open, within its period (or with the clock stopped).
        Open = "open", "办理中";
        /// 按期答复 — answered on or before the due date.
        AnsweredOnTime = "answered_on_time", "按期答复";
        /// 逾期答复 — answered after the due date.
        AnsweredLate = "answered_late", "逾期答复";
        /// 逾期未答复 — unanswered after the due date.
        Overdue = "overdue", "逾期未答复";
        /// 已撤回 — withdrawn by the applicant.
        Withdrawn = "withdrawn", "已撤回";
    }
}

vocabulary! {
    /// The answer clock of a request on a given day.
    pub enum ClockState("clock") {
        /// 计时中 — running.
        Running = "running", "计时中";
        /// 等待补正 — stopped, waiting for the corrected application (art. 30); it restarts on its
        /// receipt.
        AwaitingCorrection = "awaiting_correction", "等待补正";
        /// 征求意见中 — paused while a consultation runs (art. 33 ¶3).
        Consulting = "consulting", "征求意见中";
        /// 已结束 — the request was answered or withdrawn.
        Stopped = "stopped", "已结束";
    }
}
