//! Table 3 收到和处理政府信息公开申请情况: requests received and handled, by applicant type.

use chrono::{Datelike, NaiveDate};

use super::ReportFormat;
use super::labels::{find_by_key, key_without_prefix, label_key};
use super::{check_cell, count_decimal, rules};
use crate::disclosure::ExemptionGround;
use crate::error::{Error, Result};
use crate::finding::{Finding, Findings};
use crate::request::{
    Applicant, CannotProvideReason, DisclosureRequest, NotProcessedReason, OtherReason, Outcome,
    RequestEvent,
};
use crate::vocab::vocabulary;

/// The table id used in findings.
pub(crate) const TABLE: &str = "requests";
/// The label spanning the result rows.
pub(crate) const RESULTS_LABEL: &str = "三、本年度办理结果";
/// The identity printed in the top-left cell of Table 3.
pub(crate) const COLUMN_NOTE: &str =
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
/// The heading above the applicant columns.
pub(crate) const APPLICANT_HEADING: &str = "申请人情况";
/// The heading above the five organisation columns.
pub(crate) const ORGANISATION_HEADING: &str = "法人或其他组织";

vocabulary! {
    /// A column of Table 3 (申请人情况): the type of applicant, or the total. The five columns
    /// between 自然人 and 总计 are the legal persons and other organisations (法人或其他组织).
    pub enum RequestColumn("request_column") {
        /// 自然人 — natural persons.
        NaturalPerson = "natural_person", "自然人";
        /// 商业企业 — commercial enterprises.
        CommercialEnterprise = "commercial_enterprise", "商业企业";
        /// 科研机构 — research institutions.
        ResearchInstitution = "research_institution", "科研机构";
        /// 社会公益组织 — public-welfare organisations.
        PublicWelfareOrganization = "public_welfare_organization", "社会公益组织";
        /// 法律服务机构 — legal-service institutions.
        LegalServiceInstitution = "legal_service_institution", "法律服务机构";
        /// 其他 — other organisations.
        OtherOrganization = "other_organization", "其他";
        /// 总计 — all applicants.
        Total = "total", "总计";
    }
}

impl RequestColumn {
    /// The six applicant columns, in printed order (without 总计).
    pub const APPLICANTS: [RequestColumn; 6] = [
        RequestColumn::NaturalPerson,
        RequestColumn::CommercialEnterprise,
        RequestColumn::ResearchInstitution,
        RequestColumn::PublicWelfareOrganization,
        RequestColumn::LegalServiceInstitution,
        RequestColumn::OtherOrganization,
    ];

    /// The column of an applicant type: each [`Applicant`] has its own.
    ///
    /// ```
    /// use sunlit::{report::RequestColumn, request::Applicant};
    /// assert_eq!(RequestColumn::of_applicant(Applicant::LegalServiceInstitution), RequestColumn::LegalServiceInstitution);
    /// assert_eq!(RequestColumn::of_applicant(Applicant::OtherOrganization).name_zh(), "其他");
    /// ```
    pub fn of_applicant(applicant: Applicant) -> RequestColumn {
        match applicant {
            Applicant::NaturalPerson => RequestColumn::NaturalPerson,
            Applicant::CommercialEnterprise => RequestColumn::CommercialEnterprise,
            Applicant::ResearchInstitution => RequestColumn::ResearchInstitution,
            Applicant::PublicWelfareOrganization => RequestColumn::PublicWelfareOrganization,
            Applicant::LegalServiceInstitution => RequestColumn::LegalServiceInstitution,
            Applicant::OtherOrganization => RequestColumn::OtherOrganization,
        }
    }

    fn index(self) -> usize {
        match self {
            RequestColumn::NaturalPerson => 0,
            RequestColumn::CommercialEnterprise => 1,
            RequestColumn::ResearchInstitution => 2,
            RequestColumn::PublicWelfareOrganization => 3,
            RequestColumn::LegalServiceInstitution => 4,
            RequestColumn::OtherOrganization => 5,
            RequestColumn::Total => 6,
        }
    }
}

vocabulary! {
    /// A row of Table 3, with its official label (the Chinese name, character for character).
    /// The result sub-rows are named after the outcome and reason of a request
    /// (政府信息公开条例 2019 arts. 36–39); [`RequestRow::Other`] is the single 其他处理 row of the
    /// 2019 format, which the 2021 format splits into three.
    pub enum RequestRow("request_row") {
        /// 一、本年新收 — new requests received this year.
        New = "new", "一、本年新收政府信息公开申请数量";
        /// 二、上年结转 — requests carried over from last year.
        CarriedOver = "carried_over", "二、上年结转政府信息公开申请数量";
        /// （一）予以公开 — granted (art. 36(1)(2)).
        Granted = "granted", "（一）予以公开";
        /// （二）部分公开 — partly granted (art. 37).
        PartlyGranted = "partly_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）";
        /// 不予公开 1 — state secret (art. 14).
        RefusedStateSecret = "refused_state_secret", "1.属于国家秘密";
        /// 不予公开 2 — other laws or administrative regulations forbid (art. 14).
        RefusedLawForbids = "refused_law_forbids", "2.其他法律行政法规禁止公开";
        /// 不予公开 3 — endangers the "three securities and one stability" (art. 14).
        RefusedSecurityStability = "refused_security_stability", "3.危及“三安全一稳定”";
        /// 不予公开 4 — protects third-party rights (art. 15).
        RefusedThirdParty = "refused_third_party", "4.保护第三方合法权益";
        /// 不予公开 5 — internal-affairs information (art. 16 ¶1).
        RefusedInternalAffairs = "refused_internal_affairs", "5.属于三类内部事务信息";
        /// 不予公开 6 — process information (art. 16 ¶2).
        RefusedProcessInfo = "refused_process_info", "6.属于四类过程性信息";
        /// 不予公开 7 — law-enforcement case file (art. 16 ¶2).
        RefusedEnforcementFile = "refused_enforcement_file", "7.属于行政执法案卷";
        /// 不予公开 8 — administrative-query matter (art. 36(7) in practice).
        RefusedAdminQuery = "refused_admin_query", "8.属于行政查询事项";
        /// 无法提供 1 — this organ does not hold it (art. 36(4)(5)).
        CannotProvideNotHeld = "cannot_provide_not_held", "1.本机关不掌握相关政府信息";
        /// 无法提供 2 — nothing ready-made, would need new work (art. 38).
        CannotProvideNeedsNewWork = "cannot_provide_needs_new_work", "2.没有现成信息需要另行制作";
        /// 无法提供 3 — still unclear after correction (art. 30).
        CannotProvideStillUnclear = "cannot_provide_still_unclear", "3.补正后申请内容仍不明确";
        /// 不予处理 1 — petition, report or complaint (art. 39).
        NotProcessedPetition = "not_processed_petition", "1.信访举报投诉类申请";
        /// 不予处理 2 — repeat request (art. 36(6)).
        NotProcessedRepeat = "not_processed_repeat", "2.重复申请";
        /// 不予处理 3 — asks for published materials (art. 39).
        NotProcessedPublication = "not_processed_publication", "3.要求提供公开出版物";
        /// 不予处理 4 — mass repeated requests without good reason (art. 35).
        NotProcessedExcessive = "not_processed_excessive", "4.无正当理由大量反复申请";
        /// 不予处理 5 — asks to confirm or re-issue information already obtained.
        NotProcessedConfirmReissue = "not_processed_confirm_reissue", "5.要求行政机关确认或重新出具已获取信息";
        /// 其他处理 1 — no correction in time (art. 30); 2021 format.
        OtherNoCorrection = "other_no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请";
        /// 其他处理 2 — fee not paid in time (国办函〔2020〕109号); 2021 format.
        OtherNoFee = "other_no_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请";
        /// 其他处理 3 — other; 2021 format.
        OtherOther = "other_other", "3.其他";
        /// （六）其他处理 — other handling, one row in the 2019 format.
        Other = "other", "（六）其他处理";
        /// （七）总计 — total handled this year.
        Total = "total", "（七）总计";
        /// 四、结转下年度继续办理 — carried forward to next year.
        CarriedForward = "carried_forward", "四、结转下年度继续办理";
    }
}

use RequestRow as R;

const ROWS_2021: [RequestRow; 25] = [
    R::New,
    R::CarriedOver,
    R::Granted,
    R::PartlyGranted,
    R::RefusedStateSecret,
    R::RefusedLawForbids,
    R::RefusedSecurityStability,
    R::RefusedThirdParty,
    R::RefusedInternalAffairs,
    R::RefusedProcessInfo,
    R::RefusedEnforcementFile,
    R::RefusedAdminQuery,
    R::CannotProvideNotHeld,
    R::CannotProvideNeedsNewWork,
    R::CannotProvideStillUnclear,
    R::NotProcessedPetition,
    R::NotProcessedRepeat,
    R::NotProcessedPublication,
    R::NotProcessedExcessive,
    R::NotProcessedConfirmReissue,
    R::OtherNoCorrection,
    R::OtherNoFee,
    R::OtherOther,
    R::Total,
    R::CarriedForward,
];

/// The 2019 rows: those of 2021 with the three 其他处理 sub-rows as the one row （六）其他处理.
const ROWS_2019: [RequestRow; 23] = merge_other(ROWS_2021);

const fn merge_other(rows: [RequestRow; 25]) -> [RequestRow; 23] {
    let mut out = [R::New; 23];
    let (mut i, mut j) = (0, 0);
    while i < rows.len() && j < out.len() {
        match rows[i] {
            R::OtherNoCorrection | R::OtherNoFee => {}
            R::OtherOther => {
                out[j] = R::Other;
                j += 1;
            }
            r => {
                out[j] = r;
                j += 1;
            }
        }
        i += 1;
    }
    out
}

impl RequestRow {
    /// The rows of Table 3 in printed order: 25 in the 2021 format, 23 in the 2019 format.
    ///
    /// ```
    /// use sunlit::report::{ReportFormat, RequestRow};
    /// assert_eq!(RequestRow::rows(ReportFormat::Y2021).len(), 25);
    /// assert!(RequestRow::rows(ReportFormat::Y2019).contains(&RequestRow::Other));
    /// ```
    pub fn rows(format: ReportFormat) -> &'static [RequestRow] {
        match format {
            ReportFormat::Y2021 => &ROWS_2021,
            ReportFormat::Y2019 => &ROWS_2019,
        }
    }

    /// The label of the merged cell a sub-row sits in (`（三）不予公开`, `（四）无法提供`,
    /// `（五）不予处理`, `（六）其他处理`), or `None`.
    ///
    /// ```
    /// use sunlit::report::RequestRow;
    /// assert_eq!(RequestRow::RefusedAdminQuery.group(), Some("（三）不予公开"));
    /// assert_eq!(RequestRow::Granted.group(), None);
    /// ```
    pub fn group(self) -> Option<&'static str> {
        match self {
            R::RefusedStateSecret
            | R::RefusedLawForbids
            | R::RefusedSecurityStability
            | R::RefusedThirdParty
            | R::RefusedInternalAffairs
            | R::RefusedProcessInfo
            | R::RefusedEnforcementFile
            | R::RefusedAdminQuery => Some("（三）不予公开"),
            R::CannotProvideNotHeld
            | R::CannotProvideNeedsNewWork
            | R::CannotProvideStillUnclear => Some("（四）无法提供"),
            R::NotProcessedPetition
            | R::NotProcessedRepeat
            | R::NotProcessedPublication
            | R::NotProcessedExcessive
            | R::NotProcessedConfirmReissue => Some("（五）不予处理"),
            R::OtherNoCorrection | R::OtherNoFee | R::OtherOther => Some("（六）其他处理"),
            _ => None,
        }
    }

    /// Whether the row sits in the block 三、本年度办理结果 (the results and their total).
    ///
    /// ```
    /// use sunlit::report::RequestRow;
    /// assert!(RequestRow::Total.in_results());
    /// assert!(!RequestRow::CarriedForward.in_results());
    /// ```
    pub fn in_results(self) -> bool {
        !matches!(self, R::New | R::CarriedOver | R::CarriedForward)
    }

    /// Whether the row counts one result of handling (every row of 三 except （七）总计): a
    /// request answered this year is counted in exactly one of them.
    ///
    /// ```
    /// use sunlit::report::RequestRow;
    /// assert!(RequestRow::NotProcessedRepeat.is_outcome());
    /// assert!(!RequestRow::Total.is_outcome());
    /// ```
    pub fn is_outcome(self) -> bool {
        self.in_results() && self != R::Total
    }

    /// The label as written in a published table's CSV: the official label, preceded by its
    /// group for a sub-row (`（三）不予公开 1.属于国家秘密`).
    ///
    /// ```
    /// use sunlit::report::RequestRow;
    /// assert_eq!(RequestRow::RefusedStateSecret.label(), "（三）不予公开 1.属于国家秘密");
    /// assert_eq!(RequestRow::Total.label(), "（七）总计");
    /// ```
    pub fn label(self) -> String {
        match self.group() {
            Some(g) => format!("{g} {}", self.name_zh()),
            None => self.name_zh().to_owned(),
        }
    }

    /// The result row of an outcome in the 2021 format: exactly one per outcome (see
    /// [`RequestRow::in_format`] for the 2019 format).
    ///
    /// ```
    /// use sunlit::{report::RequestRow, request::Outcome};
    /// assert_eq!(RequestRow::of_outcome(Outcome::parse("refused", Some("admin_query"))?), RequestRow::RefusedAdminQuery);
    /// assert_eq!(RequestRow::of_outcome(Outcome::Granted), RequestRow::Granted);
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn of_outcome(outcome: Outcome) -> RequestRow {
        use ExemptionGround as G;
        match outcome {
            Outcome::Granted => R::Granted,
            Outcome::PartlyGranted => R::PartlyGranted,
            Outcome::Refused { ground } => match ground {
                G::StateSecret => R::RefusedStateSecret,
                G::LawForbids => R::RefusedLawForbids,
                G::SecurityStability => R::RefusedSecurityStability,
                G::ThirdParty => R::RefusedThirdParty,
                G::InternalAffairs => R::RefusedInternalAffairs,
                G::ProcessInfo => R::RefusedProcessInfo,
                G::EnforcementFile => R::RefusedEnforcementFile,
                G::AdminQuery => R::RefusedAdminQuery,
            },
            Outcome::CannotProvide { reason } => match reason {
                CannotProvideReason::NotHeld => R::CannotProvideNotHeld,
                CannotProvideReason::NeedsNewWork => R::CannotProvideNeedsNewWork,
                CannotProvideReason::StillUnclear => R::CannotProvideStillUnclear,
            },
            Outcome::NotProcessed { reason } => match reason {
                NotProcessedReason::Petition => R::NotProcessedPetition,
                NotProcessedReason::Repeat => R::NotProcessedRepeat,
                NotProcessedReason::Publication => R::NotProcessedPublication,
                NotProcessedReason::Excessive => R::NotProcessedExcessive,
                NotProcessedReason::ConfirmReissue => R::NotProcessedConfirmReissue,
            },
            Outcome::Other { reason } => match reason {
                OtherReason::NoCorrection => R::OtherNoCorrection,
                OtherReason::NoFee => R::OtherNoFee,
                OtherReason::Other => R::OtherOther,
            },
        }
    }

    /// The row an outcome is counted in under a format: the three 其他处理 rows of 2021 are the
    /// one row [`RequestRow::Other`] in 2019; `Other` has no single row in 2021 (an error).
    ///
    /// ```
    /// use sunlit::report::{ReportFormat, RequestRow};
    /// assert_eq!(RequestRow::OtherNoFee.in_format(ReportFormat::Y2019).unwrap(), RequestRow::Other);
    /// assert!(RequestRow::Other.in_format(ReportFormat::Y2021).is_err());
    /// ```
    pub fn in_format(self, format: ReportFormat) -> Result<RequestRow> {
        match (format, self) {
            (ReportFormat::Y2019, R::OtherNoCorrection | R::OtherNoFee | R::OtherOther) => {
                Ok(R::Other)
            }
            (ReportFormat::Y2021, R::Other) => Err(Error::value(
                "request_row",
                self.id(),
                "the 2021 format splits （六）其他处理 into other_no_correction, other_no_fee and other_other",
            )),
            _ => Ok(self),
        }
    }

    /// Find a row of `format` by its printed label, tolerating the usual variants (half-width
    /// punctuation, spaces, missing numbering, the group written or not, `部分公开` without its
    /// remark), or by its id.
    ///
    /// ```
    /// use sunlit::report::{ReportFormat, RequestRow};
    /// let f = ReportFormat::Y2021;
    /// assert_eq!(RequestRow::from_label("(三)不予公开 1、属于国家秘密", f).unwrap(), RequestRow::RefusedStateSecret);
    /// assert_eq!(RequestRow::from_label("部分公开", f).unwrap(), RequestRow::PartlyGranted);
    /// assert!(RequestRow::from_label("（六）其他处理", f).is_err()); // three sub-rows in 2021
    /// ```
    pub fn from_label(text: &str, format: ReportFormat) -> Result<RequestRow> {
        let rows = RequestRow::rows(format);
        if let Some(r) = rows.iter().find(|r| r.id() == text.trim()) {
            return Ok(*r);
        }
        let candidates: Vec<(RequestRow, Vec<String>)> = rows
            .iter()
            .map(|&r| {
                let item = label_key(r.name_zh());
                let mut keys = vec![item.clone()];
                if let Some(g) = r.group() {
                    keys.push(format!("{}{item}", label_key(g)));
                }
                if r == R::PartlyGranted {
                    keys.push("部分公开".to_owned());
                }
                (r, keys)
            })
            .collect();
        let key = key_without_prefix(text, &label_key(RESULTS_LABEL));
        find_by_key(&key, &candidates).ok_or_else(|| {
            Error::value(
                "request_row",
                text,
                format!(
                    "not a row label of Table 3 in the {} format (e.g. {})",
                    format.id(),
                    rows.iter()
                        .map(|r| r.label())
                        .take(4)
                        .collect::<Vec<_>>()
                        .join("; ")
                ),
            )
        })
    }
}

/// Table 3 收到和处理政府信息公开申请情况: for each row of the format, one count per applicant
/// column and the total. A cell is `None` when a published table leaves it blank (blank is not
/// zero).
///
/// ```
/// use sunlit::report::{ReportFormat, RequestColumn as C, RequestRow as R, RequestTable};
/// let mut t = RequestTable::new(ReportFormat::Y2021);
/// t.add(R::New, C::NaturalPerson, 3)?;
/// t.add(R::Granted, C::NaturalPerson, 2)?;
/// t.add(R::Total, C::NaturalPerson, 2)?;
/// t.add(R::CarriedForward, C::NaturalPerson, 1)?;
/// assert_eq!(t.get(R::New, C::Total)?, Some(3));
/// assert!(t.check().is_empty());
/// assert!(t.add(R::Other, C::NaturalPerson, 1).is_err()); // not a 2021 row
/// # Ok::<(), sunlit::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestTable {
    format: ReportFormat,
    cells: Vec<[Option<i64>; 7]>,
}

/// The request a report counts: applicant column, date received, and the date and result row
/// when it was closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RequestFacts {
    pub(crate) applicant: RequestColumn,
    pub(crate) received: NaiveDate,
    pub(crate) closed: Option<(NaiveDate, RequestRow)>,
}

impl RequestFacts {
    /// What the report counts of a request: its applicant column, receipt date, and the date and
    /// row of its answer — or of its withdrawal, counted under 其他处理 / 3.其他 (a withdrawn
    /// request was received, so it must leave the identity 一 + 二 = （七） + 四 through a result
    /// row; the template has no row of its own for it).
    fn of(request: &DisclosureRequest) -> RequestFacts {
        let closed = request.events().iter().find_map(|e| match e {
            RequestEvent::Answered { on, outcome } => Some((*on, RequestRow::of_outcome(*outcome))),
            RequestEvent::Withdrawn { on } => Some((*on, R::OtherOther)),
            _ => None,
        });
        RequestFacts {
            applicant: RequestColumn::of_applicant(request.applicant()),
            received: request.received(),
            closed,
        }
    }
}

impl RequestTable {
    /// Table 3 of `year` built from request records (the `request` module's
    /// [`DisclosureRequest`]): a request received during the year counts in 一 (new), one
    /// received earlier and still open on 1 January in 二 (carried over); one answered during the
    /// year in exactly one result row — its outcome's ([`RequestRow::of_outcome`], merged into
    /// （六）其他处理 in the 2019 format), a withdrawal under 其他处理 / 3.其他 — one still open on 31
    /// December in 四 (carried forward). Requests closed before the year or received after it are
    /// not counted. Every column then satisfies 一 + 二 = （七） + 四.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use sunlit::{
    ///     DisclosureRequest, WorkCalendar,
    ///     report::{ReportFormat, RequestColumn as C, RequestRow as R, RequestTable},
    ///     request::{Applicant, Channel, Outcome},
    /// };
    /// let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// let cal = WorkCalendar::china();
    /// let mut late = DisclosureRequest::new(d(2023, 12, 20), Channel::Online, Applicant::NaturalPerson);
    /// late.answer(d(2024, 1, 10), Outcome::parse("refused", Some("state_secret"))?, &cal)?;
    /// let open = DisclosureRequest::new(d(2024, 12, 28), Channel::Fax, Applicant::CommercialEnterprise);
    /// let t = RequestTable::from_requests(ReportFormat::Y2021, 2024, &[late, open])?;
    /// assert_eq!(t.get(R::CarriedOver, C::NaturalPerson)?, Some(1));
    /// assert_eq!(t.get(R::RefusedStateSecret, C::Total)?, Some(1));
    /// assert_eq!(t.get(R::CarriedForward, C::CommercialEnterprise)?, Some(1));
    /// assert!(t.check().is_empty());
    /// assert!(RequestTable::from_requests(ReportFormat::Y2021, 300_000, &[]).is_err()); // no such year
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn from_requests(
        format: ReportFormat,
        year: i32,
        requests: &[DisclosureRequest],
    ) -> Result<RequestTable> {
        RequestTable::tally(format, year, requests.iter().map(RequestFacts::of))
    }

    /// A table of the format with every count zero.
    ///
    /// ```
    /// use sunlit::report::{ReportFormat, RequestColumn, RequestRow, RequestTable};
    /// let t = RequestTable::new(ReportFormat::Y2019);
    /// assert_eq!(t.get(RequestRow::Other, RequestColumn::Total).unwrap(), Some(0));
    /// ```
    pub fn new(format: ReportFormat) -> RequestTable {
        RequestTable {
            format,
            cells: vec![[Some(0); 7]; RequestRow::rows(format).len()],
        }
    }

    /// A table of the format with every cell blank (to be filled from a published table).
    pub(crate) fn blank(format: ReportFormat) -> RequestTable {
        RequestTable {
            format,
            cells: vec![[None; 7]; RequestRow::rows(format).len()],
        }
    }

    /// The format.
    ///
    /// ```
    /// use sunlit::report::{ReportFormat, RequestTable};
    /// assert_eq!(RequestTable::new(ReportFormat::Y2021).format(), ReportFormat::Y2021);
    /// ```
    pub fn format(&self) -> ReportFormat {
        self.format
    }

    /// The rows of the table's format, in printed order.
    ///
    /// ```
    /// use sunlit::report::{ReportFormat, RequestTable};
    /// assert_eq!(RequestTable::new(ReportFormat::Y2019).rows().len(), 23);
    /// ```
    pub fn rows(&self) -> &'static [RequestRow] {
        RequestRow::rows(self.format)
    }

    fn position(&self, row: RequestRow) -> Result<usize> {
        self.rows().iter().position(|r| *r == row).ok_or_else(|| {
            Error::value(
                "request_row",
                row.id(),
                format!("not a row of Table 3 in the {} format", self.format.id()),
            )
        })
    }

    /// The count in a cell (`None`: blank); an error for a row the format does not have.
    ///
    /// ```
    /// use sunlit::report::{ReportFormat, RequestColumn, RequestRow, RequestTable};
    /// let t = RequestTable::new(ReportFormat::Y2021);
    /// assert_eq!(t.get(RequestRow::Granted, RequestColumn::Total).unwrap(), Some(0));
    /// assert!(t.get(RequestRow::Other, RequestColumn::Total).is_err());
    /// ```
    pub fn get(&self, row: RequestRow, column: RequestColumn) -> Result<Option<i64>> {
        let i = self.position(row)?;
        Ok(self
            .cells
            .get(i)
            .and_then(|r| r.get(column.index()).copied())
            .flatten())
    }

    /// Set one cell as published (totals are not recomputed).
    ///
    /// ```
    /// use sunlit::report::{ReportFormat, RequestColumn, RequestRow, RequestTable};
    /// let mut t = RequestTable::new(ReportFormat::Y2021);
    /// t.set(RequestRow::New, RequestColumn::Total, None).unwrap();
    /// assert_eq!(t.get(RequestRow::New, RequestColumn::Total).unwrap(), None);
    /// assert!(t.set(RequestRow::Other, RequestColumn::Total, Some(1)).is_err());
    /// ```
    pub fn set(
        &mut self,
        row: RequestRow,
        column: RequestColumn,
        value: Option<i64>,
    ) -> Result<()> {
        let i = self.position(row)?;
        if let Some(cell) = self
            .cells
            .get_mut(i)
            .and_then(|r| r.get_mut(column.index()))
        {
            *cell = value;
        }
        Ok(())
    }

    /// Add `n` requests of one applicant column to a row: the applicant cell and the row's 总计
    /// both grow. An error for the 总计 column, a row the format lacks, a blank cell or an
    /// overflow.
    ///
    /// ```
    /// use sunlit::report::{ReportFormat, RequestColumn, RequestRow, RequestTable};
    /// let mut t = RequestTable::new(ReportFormat::Y2021);
    /// t.add(RequestRow::Granted, RequestColumn::ResearchInstitution, 4).unwrap();
    /// assert_eq!(t.get(RequestRow::Granted, RequestColumn::Total).unwrap(), Some(4));
    /// assert!(t.add(RequestRow::Granted, RequestColumn::Total, 1).is_err());
    /// ```
    pub fn add(&mut self, row: RequestRow, applicant: RequestColumn, n: i64) -> Result<()> {
        if applicant == RequestColumn::Total {
            return Err(Error::value(
                "request_column",
                applicant.id(),
                "add to an applicant column; the total follows",
            ));
        }
        let i = self.position(row)?;
        let cells = self
            .cells
            .get_mut(i)
            .ok_or_else(|| Error::value("request_row", row.id(), "no such row"))?;
        for j in [applicant.index(), RequestColumn::Total.index()] {
            let cell = cells
                .get_mut(j)
                .ok_or_else(|| Error::value("request_column", applicant.id(), "no such column"))?;
            let old = cell.ok_or_else(|| {
                Error::value("request_row", row.id(), "cannot add to a blank cell")
            })?;
            *cell = Some(
                old.checked_add(n)
                    .ok_or_else(|| Error::overflow(format!("adding to {}", row.id())))?,
            );
        }
        Ok(())
    }

    /// Count a year's requests: a request received during `year` is 一 (new), one received
    /// earlier and still open on 1 January is 二 (carried over); one closed during the year is
    /// counted in its result row, one still open on 31 December in 四 (carried forward). Requests
    /// closed before the year or received after it are not in the table.
    pub(crate) fn tally(
        format: ReportFormat,
        year: i32,
        requests: impl IntoIterator<Item = RequestFacts>,
    ) -> Result<RequestTable> {
        let bad_year = || Error::value("year", &year.to_string(), "not a calendar year");
        let start = NaiveDate::from_ymd_opt(year, 1, 1).ok_or_else(bad_year)?;
        let end = NaiveDate::from_ymd_opt(year, 12, 31).ok_or_else(bad_year)?;
        let mut table = RequestTable::new(format);
        for (i, f) in requests.into_iter().enumerate() {
            let line = i as u64 + 1;
            let closed = match f.closed {
                Some((date, row)) => {
                    if !row.is_outcome() {
                        return Err(Error::Input {
                            cause: None,
                            line,
                            column: "outcome".to_owned(),
                            value: row.id().to_owned(),
                            reason: "not a result row of Table 3".to_owned(),
                        });
                    }
                    if date < f.received {
                        return Err(Error::Input {
                            cause: None,
                            line,
                            column: "answered".to_owned(),
                            value: date.to_string(),
                            reason: format!("closed before it was received ({})", f.received),
                        });
                    }
                    Some((
                        date,
                        row.in_format(format).map_err(|e| e.at(line, "outcome"))?,
                    ))
                }
                None => None,
            };
            if f.received > end || closed.is_some_and(|(d, _)| d < start) {
                continue;
            }
            let intake = if f.received.year() == year {
                R::New
            } else {
                R::CarriedOver
            };
            table
                .add(intake, f.applicant, 1)
                .map_err(|e| e.at(line, "applicant"))?;
            match closed {
                Some((d, row)) if d <= end => {
                    table.add(row, f.applicant, 1)?;
                    table.add(R::Total, f.applicant, 1)?;
                }
                _ => table.add(R::CarriedForward, f.applicant, 1)?,
            }
        }
        Ok(table)
    }

    /// The rows with their seven cells, in printed order.
    pub(crate) fn cells(&self) -> impl Iterator<Item = (RequestRow, &[Option<i64>; 7])> {
        self.rows().iter().copied().zip(self.cells.iter())
    }

    /// Check the identities of Table 3: per row, 总计 = the six applicant columns
    /// ([`rules::ROW_TOTAL`]); per column, （七）总计 = the sum of the result rows
    /// ([`rules::OUTCOME_TOTAL`]) and 一 + 二 = （七） + 四 ([`rules::COLUMN_IDENTITY`]); no negative
    /// count ([`rules::NEGATIVE_COUNT`]); blank cells are warnings ([`rules::BLANK_CELL`]) and
    /// leave the identities that need them unchecked.
    ///
    /// ```
    /// use sunlit::report::{ReportFormat, RequestColumn as C, RequestRow as R, RequestTable};
    /// let mut t = RequestTable::new(ReportFormat::Y2021);
    /// t.add(R::New, C::NaturalPerson, 1)?;
    /// let findings = t.check(); // handled nothing, carried nothing forward
    /// assert_eq!(findings.as_slice()[0].rule, "report.column_identity");
    /// assert_eq!(findings.as_slice()[0].code.as_deref(), Some("四、结转下年度继续办理"));
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn check(&self) -> Findings {
        let mut out = Findings::new();
        let columns: Vec<RequestColumn> = RequestColumn::ALL.to_vec();
        for (row, cells) in self.cells() {
            for (&c, cell) in columns.iter().zip(cells) {
                let value = cell.map(rust_decimal::Decimal::from);
                check_cell(&mut out, TABLE, &row.label(), c.name_zh(), value, false);
            }
            let parts: Option<i128> = cells
                .get(..6)
                .unwrap_or(&[])
                .iter()
                .map(|c| c.map(i128::from))
                .sum();
            if let (Some(sum), Some(Some(total))) = (parts, cells.get(6))
                && sum != i128::from(*total)
            {
                out.push(
                    Finding::new(
                        &rules::ROW_TOTAL,
                        "总计不等于自然人与法人或其他组织各列之和",
                        "总计 is not the sum of the applicant columns",
                    )
                    .with_table(TABLE)
                    .with_code(row.label())
                    .with_column(RequestColumn::Total.name_zh())
                    .with_values(count_decimal(sum), count_decimal(i128::from(*total))),
                );
            }
        }
        for c in columns {
            let at = |row: RequestRow| self.get(row, c).ok().flatten().map(i128::from);
            let outcomes: Option<i128> = self
                .rows()
                .iter()
                .filter(|r| r.is_outcome())
                .map(|&r| at(r))
                .sum();
            let total = at(R::Total);
            if let (Some(sum), Some(total)) = (outcomes, total)
                && sum != total
            {
                out.push(
                    Finding::new(
                        &rules::OUTCOME_TOTAL,
                        "（七）总计不等于各项办理结果之和",
                        "（七）总计 is not the sum of the results above it",
                    )
                    .with_table(TABLE)
                    .with_code(R::Total.label())
                    .with_column(c.name_zh())
                    .with_values(count_decimal(sum), count_decimal(total)),
                );
            }
            if let (Some(new), Some(over), Some(total), Some(forward)) =
                (at(R::New), at(R::CarriedOver), total, at(R::CarriedForward))
            {
                let expected = new + over - total;
                if expected != forward {
                    out.push(
                        Finding::new(
                            &rules::COLUMN_IDENTITY,
                            "本列第一项加第二项之和不等于第三项加第四项之和",
                            "new + carried over ≠ handled (（七）总计) + carried forward in this column",
                        )
                        .with_table(TABLE)
                        .with_code(R::CarriedForward.label())
                        .with_column(c.name_zh())
                        .with_values(count_decimal(expected), count_decimal(forward)),
                    );
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn facts(applicant: RequestColumn, received: &str, closed: Option<(&str, R)>) -> RequestFacts {
        RequestFacts {
            applicant,
            received: d(received),
            closed: closed.map(|(c, r)| (d(c), r)),
        }
    }

    #[test]
    fn tally_counts_intake_results_and_carry() {
        use RequestColumn as C;
        let all = [
            facts(
                C::NaturalPerson,
                "2024-03-01",
                Some(("2024-03-20", R::Granted)),
            ),
            facts(
                C::NaturalPerson,
                "2023-12-20",
                Some(("2024-01-10", R::OtherNoFee)),
            ),
            facts(C::CommercialEnterprise, "2023-12-28", None),
            facts(
                C::ResearchInstitution,
                "2024-12-25",
                Some(("2025-01-08", R::Granted)),
            ),
            facts(
                C::NaturalPerson,
                "2023-05-01",
                Some(("2023-05-20", R::Granted)),
            ),
            facts(C::NaturalPerson, "2025-01-02", None),
        ];
        let t = RequestTable::tally(ReportFormat::Y2021, 2024, all).unwrap();
        let g = |r, c| t.get(r, c).unwrap().unwrap();
        assert_eq!(g(R::New, C::Total), 2);
        assert_eq!(g(R::CarriedOver, C::Total), 2);
        assert_eq!(g(R::CarriedOver, C::CommercialEnterprise), 1);
        assert_eq!(g(R::Granted, C::NaturalPerson), 1);
        assert_eq!(g(R::OtherNoFee, C::NaturalPerson), 1);
        assert_eq!(g(R::Total, C::Total), 2);
        assert_eq!(g(R::CarriedForward, C::Total), 2);
        assert!(t.check().is_empty());

        let t19 = RequestTable::tally(ReportFormat::Y2019, 2024, all).unwrap();
        assert_eq!(t19.get(R::Other, C::NaturalPerson).unwrap(), Some(1));
    }

    #[test]
    fn tally_refuses_impossible_facts() {
        use RequestColumn as C;
        let bad = [facts(
            C::NaturalPerson,
            "2024-03-01",
            Some(("2024-02-01", R::Granted)),
        )];
        assert!(matches!(
            RequestTable::tally(ReportFormat::Y2021, 2024, bad),
            Err(Error::Input { line: 1, .. })
        ));
        let bad = [facts(C::Total, "2024-03-01", None)];
        assert!(RequestTable::tally(ReportFormat::Y2021, 2024, bad).is_err());
        let bad = [facts(
            C::NaturalPerson,
            "2024-03-01",
            Some(("2024-03-02", R::New)),
        )];
        assert!(RequestTable::tally(ReportFormat::Y2021, 2024, bad).is_err());
    }

    #[test]
    fn every_label_round_trips() {
        for format in [ReportFormat::Y2021, ReportFormat::Y2019] {
            for &r in RequestRow::rows(format) {
                assert_eq!(RequestRow::from_label(&r.label(), format).unwrap(), r);
                assert_eq!(RequestRow::from_label(r.name_zh(), format).unwrap(), r);
                assert_eq!(RequestRow::from_label(r.id(), format).unwrap(), r);
            }
        }
        assert_eq!(
            RequestRow::from_label("其他处理", ReportFormat::Y2019).unwrap(),
            R::Other
        );
        assert_eq!(
            RequestRow::from_label("（六）其他处理 3、其他", ReportFormat::Y2021).unwrap(),
            R::OtherOther
        );
        assert!(
            RequestRow::from_label("（四）无法提供 1.属于国家秘密", ReportFormat::Y2021).is_err()
        );
    }
}
