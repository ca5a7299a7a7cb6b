//! Python bindings of sunlit: `import sunlit`.
//!
//! A thin layer: every function converts its Python arguments, calls the core and converts the
//! result back. No rule lives here.

mod arrow;
mod calendar;
mod catalog;
mod code;
mod convert;
mod directory;
mod disclosure;
mod document;
mod errors;
mod finding;
mod input;
mod key_area;
mod ledger;
mod money;
mod narrative;
mod power;
mod progress;
mod report;
mod request;
mod scoring;
mod special_fund;
mod tables;

use pyo3::prelude::*;

/// The native module `sunlit._sunlit`; the package `sunlit` re-exports it.
#[pymodule]
mod _sunlit {
    #[pymodule_export]
    use super::arrow::PyArrowBatch;
    #[pymodule_export]
    use super::calendar::{PyCalendarDay, PyWorkCalendar};
    #[pymodule_export]
    use super::catalog::PyCatalog;
    #[pymodule_export]
    use super::code::PyCode;
    #[pymodule_export]
    use super::directory::{PyCatalogueEntry, PyDisclosureCatalogue, PyIndexNumber};
    #[pymodule_export]
    use super::disclosure::{
        PyDeadline, PyDecision, PyInfoItem, decide, proactive_deadline, publicity_deadline,
        withdrawal_deadline,
    };
    #[pymodule_export]
    use super::document::{
        PyDocument, PyDocumentTable, documents_to_html, documents_to_json, documents_to_text,
        read_document,
    };
    #[pymodule_export]
    use super::errors::{
        AmountError, ArithmeticOverflowError, CodeError, FieldError, FileError, HistoryError,
        InputError, LevelConflictError, LimitError, MixedDimensionError, SunlitError,
        UncoveredYearError,
    };
    #[pymodule_export]
    use super::finding::{
        PyFinding, PyRule, filter_findings, findings_to_arrow, findings_to_csv, findings_to_html,
        findings_to_json, rules, sort_findings,
    };
    #[pymodule_export]
    use super::input::PyInputOptions;
    #[pymodule_export]
    use super::key_area::{
        PyChecklist, PyDisclosureGuide, PyKeyAreaReport, check_interpretations,
        interpretation_counts, read_ocds, read_ocds_path,
    };
    #[pymodule_export]
    use super::ledger::{PyLedger, PyRollup};
    #[pymodule_export]
    use super::money::{convert, parse_amount, share};
    #[pymodule_export]
    use super::narrative::{PyNarrativeChange, PyNarrativeStatement};
    #[pymodule_export]
    use super::power::{
        PyChangeLog, PyCitation, PyDisclosureDuty, PyFieldChange, PyLegalBasis, PyPowerChange,
        PyPowerItem, PyPowerList, PyRiskPoint, PyTimeLimit, chinese_numeral,
        credit_code_check_char, is_valid_credit_code, parse_citation, parse_legal_basis,
        parse_numeral,
    };
    #[pymodule_export]
    use super::report::{PyAnnualReport, PyLegacyStatistics};
    #[pymodule_export]
    use super::request::{
        PyDisclosureRequest, PyFeeQuote, PyFeeTier, PyRequestStatus, PyTimelineEntry,
        information_fee,
    };
    #[pymodule_export]
    use super::special_fund::{PyAllocation, PySpecialFund, PySpecialFundList};
    #[pymodule_export]
    use super::tables::{
        PyDisclosureDocument, PyNarrativeFigure, PyPublishedTable, PyTolerance,
        functional_class_of, heading_role_of, table_kind_of,
    };

    #[pymodule_export]
    use super::scoring::{PyOrganScore, PyRanked, PyScheme, rank, ranking_to_markdown};

    use super::*;

    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        m.add("__version__", env!("CARGO_PKG_VERSION"))?;
        m.add("Findings", super::finding::findings_class(m)?)?;
        Ok(())
    }
}
