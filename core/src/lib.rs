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
    PERCENT_PLACES, ToleranceOptions, Unit, checked_sum, div_round, format_amount, format_grouped,
    parse_amount, percent, rounds_to,
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

pub mod rules;
