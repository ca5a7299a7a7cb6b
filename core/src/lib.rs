#![doc = include_str!("lib.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod vocab;

// The README and docs/*.md, their Rust blocks run as doctests.
#[cfg(doctest)]
mod doctests;

#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!();

mod budget;
mod calendar;
mod catalog;
mod classification;
mod csv_strict;
mod disclosure;
mod document;
mod error;
mod fdp;
#[cfg(feature = "uniffi")]
pub mod ffi;
mod finding;
mod io;
mod money;
mod power;
mod report;
mod request;
mod special_fund;
mod tables;

pub use budget::{
    Book, CompareAxis, CompareOptions, Comparison, ComparisonRow, GroupKey, GroupValue, Hierarchy,
    Ledger, Line, LineItem, LineRecord, Nature, Phase, Rollup, RollupGroup, RollupOptions,
    RollupRecord, RollupRow, Selection, Subtotals,
};
pub use calendar::{CalendarDay, LocalCalendar, SUPPORTED_YEARS, Uncovered, WorkCalendar};
pub use catalog::{Catalog, CatalogCheckOptions, functional_class_by_name, functional_class_name};
pub use classification::{Code, Scheme};
pub use disclosure::{
    Category, Deadline, DeadlineKind, Decision, DisclosureMode, DisclosureStage, ExemptionFact,
    ExemptionGround, InfoItem, OrganLevel, PublicityKind, Strength, decide, proactive_deadline,
    publicity_deadline, withdrawal_deadline,
};
pub use document::{
    Document, DocumentKind, DocumentTable, Provenance, ReadOptions, SourceCell, SourceDocument,
    SourceFormat, SourceLine, SourceTable, normalize_text,
};
pub use document::{documents_to_html, documents_to_json, documents_to_text};
pub use error::{Error, Result, SHOWN_TEXT_CHARS, SHOWN_VALUE_CHARS};
pub use fdp::{FdpOptions, FiscalDataPackage};
pub use finding::{Finding, FindingFilter, Findings, Severity};
pub use io::{InputOptions, Limits, Quoting};
pub use money::{
    ToleranceOptions, Unit, checked_sum, div_round, format_amount, format_grouped, parse_amount,
    percent, rounds_to,
};
pub use power::{
    BodyNature, ChangeLog, ChangeRecord, Citation, CreditCode, DisclosureDuty, DutyKind,
    DutyOptions, ExercisingLevel, FieldChange, ImplementingBody, LegalBasis, LimitUnit,
    PowerCategory, PowerChange, PowerChangeKind, PowerField, PowerItem, PowerItemRef, PowerList,
    RiskGrade, RiskPoint, TimeLimit, chinese_numeral, credit_code_check_char, parse_citation,
    parse_numeral,
};
pub use request::{
    Applicant, CannotProvideReason, Channel, ClockState, ConsultParty, DisclosureRequest,
    EventKind, FeeMethod, FeeQuote, FeeTier, NotProcessedReason, OtherReason, Outcome, OutcomeKind,
    RequestEvent, RequestState, RequestStatus, TimelineEntry, information_fee,
};
pub use special_fund::{
    Allocation, FundCheckOptions, FundStage, SpecialFund, SpecialFundList, StageDate,
};
pub use tables::{
    DisclosureDocument, HeadingRole, NarrativeFigure, PublishedTable, RenderOptions, RowLabel,
    RowSide, TableCheckOptions, TableColumn, TableKind, TableLedgerOptions, TableReadOptions,
    TableRow,
};

pub use report::{
    AnnualReport, LegacyChannel, LegacyStatistics, ProactiveCell, ProactiveColumn, ProactiveRow,
    ProactiveTable, ReportCell, ReportCheckOptions, ReportFormat, ReportInput, ReportRow,
    ReportTableKind, ReportTableView, RequestColumn, RequestRow, RequestTable, ReviewBlock,
    ReviewColumn, ReviewCount, ReviewTable, TableFiles,
};

/// Re-export of the decimal type every amount uses.
pub use rust_decimal::Decimal;

/// The stable rule ids of every check, grouped by domain. Each constant's documentation cites
/// the rule's source.
pub mod rules {
    /// Budget ledger checks.
    pub mod budget {
        pub use crate::budget::rules::*;
    }
    /// Catalogue checks.
    pub mod catalog {
        pub use crate::catalog::rules::*;
    }
    /// Special-fund checks (专项资金).
    pub mod special_fund {
        pub use crate::special_fund::rules::*;
    }
    /// Published-table checks (预决算公开表格): in-table sums, structure, granularity and the
    /// cross-table identities of fiscal.md §2.3, numbered as there:
    ///
    /// | identity | what | rule |
    /// | --- | --- | --- |
    /// | 1 | T1 收入总计 = 支出总计 | [`SUMMARY_BALANCE`](crate::rules::tables::SUMMARY_BALANCE) |
    /// | 1 | T1 类 lines and 支出总计 = T3 | [`SUMMARY_DETAIL`](crate::rules::tables::SUMMARY_DETAIL) |
    /// | 2, 5, 11 | 合计 = 基本 + 项目 (+ 上缴上级 + 经营 + 对附属单位补助); 合计 = 人员 + 公用 | [`ROW_SUM`](crate::rules::tables::ROW_SUM) |
    /// | 2, 5 | parent row = Σ children | [`PARENT_SUM`](crate::rules::tables::PARENT_SUM) |
    /// | 2, 5 | Σ 类 = 合计 row | [`TOTAL_SUM`](crate::rules::tables::TOTAL_SUM) |
    /// | 3 | T2 row: 合计 = Σ funding columns | [`ROW_SUM`](crate::rules::tables::ROW_SUM) |
    /// | 3 | T2 合计 = T1 收入总计 | [`INCOME_TOTAL`](crate::rules::tables::INCOME_TOTAL) |
    /// | 4 | T4 支出总计 = Σ books (row) and book columns = T5 / T6 / T7 | [`ROW_SUM`](crate::rules::tables::ROW_SUM), [`APPROPRIATION_SPLIT`](crate::rules::tables::APPROPRIATION_SPLIT) |
    /// | 5, 13 | basic expenditure by economic nature (T8, F6) = by function (T5, F5 基本支出) | [`BASIC_ECONOMIC`](crate::rules::tables::BASIC_ECONOMIC) |
    /// | 6, 14 | "三公" 合计 = 出国 + 车 + 接待; 车 = 购置 + 运行 | [`ROW_SUM`](crate::rules::tables::ROW_SUM) |
    /// | 7 (H) | 机关运行经费 ≈ T8 公用经费 | [`RUNNING_COSTS`](crate::rules::tables::RUNNING_COSTS) |
    /// | 8 (H) | social-insurance 款 of T8 = their 项 in T5 | [`SOCIAL_INSURANCE_MIRROR`](crate::rules::tables::SOCIAL_INSURANCE_MIRROR) |
    /// | 9 (H) | T2 = T3 per code | [`INCOME_EXPENDITURE_MIRROR`](crate::rules::tables::INCOME_EXPENDITURE_MIRROR) |
    /// | 10, 12 | F1 / F4 totals: 总计 = 本年 + 结转结余 on each side, both sides equal | [`SUMMARY_BALANCE`](crate::rules::tables::SUMMARY_BALANCE) |
    /// | 15 | all-funds table ≥ appropriation table, row by row (T3 ≥ T5, F3 ≥ F5) | [`SCOPE`](crate::rules::tables::SCOPE) |
    /// | 16 | figures quoted in the narrative = their table | [`NARRATIVE`](crate::rules::tables::NARRATIVE) |
    ///
    ///
    /// An identity whose tables are not all in the document is **not checked** (a missing table is
    /// no evidence of anything), nor one over blank cells only. Structure: [`DUPLICATE_ROW`](crate::rules::tables::DUPLICATE_ROW),
    /// [`MISSING_PARENT`](crate::rules::tables::MISSING_PARENT), [`SUBTOTAL_AS_LEAF`](crate::rules::tables::SUBTOTAL_AS_LEAF); granularity (细化程度): [`GRANULARITY`](crate::rules::tables::GRANULARITY).
    pub mod tables {
        pub use crate::tables::rules::*;
    }
    /// Document recognition (`document.*`): missing standard tables, tables or cells that could not
    /// be read.
    pub mod document {
        pub use crate::document::rules::*;
    }
    /// Disclosure deadline checks (主动公开, 双公示, withdrawal).
    pub mod disclosure {
        pub use crate::disclosure::rules::*;
    }
    /// Request checks (依申请公开).
    pub mod request {
        pub use crate::request::rules::*;
    }
    /// Power-list checks.
    pub mod power {
        pub use crate::power::rules::*;
    }
    /// Readers (`input.*`): fields read under lenient CSV quoting.
    pub mod input {
        pub use crate::io::rules::*;
    }
    /// Annual-report checks (政府信息公开工作年度报告).
    pub mod report {
        pub use crate::report::rules::*;
    }
}
