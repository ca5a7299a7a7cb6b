//! The one FFI error: Kotlin sees `SunlitException` with one subclass per core error variant,
//! each carrying the same structured fields.

use chrono::NaiveDate;

use crate::request::EventKind;

/// Every error of sunlit, as seen from Kotlin and Swift.
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum SunlitError {
    /// A bad cell, row or header: 1-based line (CSV) or record, column name, text.
    #[error("line {line}, column {column:?}: {reason} (value {value:?})")]
    Input {
        /// Line or record number.
        line: u64,
        /// Column name.
        column: String,
        /// Offending text.
        value: String,
        /// What is wrong.
        reason: String,
        /// The error of the cell itself (a `Code`, `Amount` or `Field` error), when one was
        /// located; Python's `InputError.cause`. Kotlin calls it `causeError`, because
        /// `Throwable.cause` is taken.
        cause: Option<Box<SunlitError>>,
    },
    /// A code that does not fit its scheme.
    #[error("invalid {scheme} code {value:?}: {reason}")]
    Code {
        /// Scheme id.
        scheme: String,
        /// The text.
        value: String,
        /// Why.
        reason: String,
    },
    /// An amount that is not an exact decimal.
    #[error("invalid amount {value:?}: {reason}")]
    Amount {
        /// The text.
        value: String,
        /// Why.
        reason: String,
    },
    /// A value outside its vocabulary.
    #[error("invalid {field} {value:?}: {reason}")]
    Field {
        /// The field, as a stable snake_case id (`book`, `credit_code` …).
        field: String,
        /// The text.
        value: String,
        /// Why.
        reason: String,
    },
    /// An exact computation that does not fit.
    #[error("arithmetic overflow in {operation}")]
    Overflow {
        /// What was computed.
        operation: String,
    },
    /// Lines at two levels of one branch.
    #[error(
        "rows at two levels of one branch: {upper} (row {upper_row}) contains {lower} (row {lower_row})"
    )]
    LevelConflict {
        /// Upper position.
        upper: String,
        /// Lower position.
        lower: String,
        /// Row of the upper line.
        upper_row: u64,
        /// Row of the lower line.
        lower_row: u64,
    },
    /// Adding up several years or phases, or several units in one printed table.
    #[error("the data mixes {dimension} values {values:?}")]
    MixedDimension {
        /// `year`, `phase` or `unit`.
        dimension: String,
        /// The values found.
        values: Vec<String>,
    },
    /// A file that cannot be read or written.
    #[error("{path}: {reason}")]
    File {
        /// The path.
        path: String,
        /// The operating system's error kind as a snake_case id (`not_found`,
        /// `permission_denied`, `invalid_data` …).
        kind: String,
        /// The reason.
        reason: String,
    },
    /// A date in a year the working-day calendar has no official holiday data for.
    #[error("{date}: year {year} is not covered by the working-day calendar ({covered})")]
    UncoveredYear {
        /// The uncovered year.
        year: i32,
        /// The date that needed it.
        date: NaiveDate,
        /// The covered years as ranges, e.g. `2007–2026`.
        covered: String,
    },
    /// An event that would make a disclosure request's history impossible.
    #[error("{event} on {date}: {reason}")]
    History {
        /// The kind of event, e.g. `EventKind.CORRECTION_REQUESTED`.
        event: EventKind,
        /// The date given for the event.
        date: NaiveDate,
        /// Why.
        reason: String,
    },
    /// An input beyond a reader's limits (`InputOptions`): which limit, where, the value and
    /// the limit in force.
    #[error("{limit} exceeded at line {line}: {value} > {cap}; raise it in InputOptions")]
    Limit {
        /// `max_file_bytes`, `max_rows`, `max_field_bytes` or `max_json_depth`.
        limit: String,
        /// 1-based line (0 for the file size).
        line: u64,
        /// The value found.
        value: u64,
        /// The limit in force.
        cap: u64,
    },
    /// Any other error of a later core version.
    #[error("{description}")]
    Other {
        /// What went wrong.
        description: String,
    },
}

impl From<crate::Error> for SunlitError {
    fn from(e: crate::Error) -> SunlitError {
        use crate::Error as E;
        let io_kind = e.io_kind_id().unwrap_or_default();
        // A bounded copy of every text field: a 100 MB value never reaches the exception.
        match e.bounded() {
            E::Input {
                line,
                column,
                value,
                reason,
                cause,
            } => SunlitError::Input {
                line,
                column,
                value,
                reason,
                cause: cause.map(|c| Box::new(SunlitError::from(*c))),
            },
            E::Code {
                scheme,
                value,
                reason,
            } => SunlitError::Code {
                scheme: scheme.id().to_owned(),
                value,
                reason,
            },
            E::Amount { value, reason } => SunlitError::Amount { value, reason },
            E::Field {
                field,
                value,
                reason,
            } => SunlitError::Field {
                field: field.to_owned(),
                value,
                reason,
            },
            E::Overflow { operation } => SunlitError::Overflow { operation },
            E::LevelConflict {
                upper,
                lower,
                upper_row,
                lower_row,
            } => SunlitError::LevelConflict {
                upper,
                lower,
                upper_row,
                lower_row,
            },
            E::MixedDimension { dimension, values } => {
                SunlitError::MixedDimension { dimension, values }
            }
            E::File { path, reason, .. } => SunlitError::File {
                path,
                kind: io_kind,
                reason,
            },
            E::Limit {
                limit,
                line,
                value,
                cap,
            } => SunlitError::Limit {
                limit,
                line,
                value,
                cap,
            },
            E::UncoveredYear {
                year,
                date,
                covered,
            } => SunlitError::UncoveredYear {
                year,
                date,
                covered,
            },
            E::History {
                event,
                date,
                reason,
            } => SunlitError::History {
                event,
                date,
                reason,
            },
            #[allow(unreachable_patterns)] // `Error` is non_exhaustive for other crates
            other => SunlitError::Other {
                description: other.to_string(),
            },
        }
    }
}

/// Result type of every exported function.
pub type Result<T> = std::result::Result<T, SunlitError>;

#[cfg(test)]
mod tests {
    use super::SunlitError;
    use crate::{Code, Error, request::EventKind};

    #[test]
    fn a_located_cell_error_keeps_its_cause_and_the_history_event_its_kind() {
        let located = Code::functional("2O8").unwrap_err().at(3, "functional");
        let SunlitError::Input { line, cause, .. } = SunlitError::from(located) else {
            panic!("not an Input error");
        };
        assert_eq!(line, 3);
        assert!(
            matches!(cause.as_deref(), Some(SunlitError::Code { value, .. }) if value == "2O8")
        );
        let history = Error::History {
            event: EventKind::Extended,
            date: chrono::NaiveDate::MIN,
            reason: String::new(),
        };
        assert!(matches!(
            SunlitError::from(history),
            SunlitError::History {
                event: EventKind::Extended,
                ..
            }
        ));
    }
}
