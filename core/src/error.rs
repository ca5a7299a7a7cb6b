//! The one error type of the library.
//!
//! Every variant carries the facts a caller needs to act on it — which value, which line, which
//! column, which code — as structured fields, never only as prose. Data that parses but breaks a
//! rule is not an error: it is a [`Finding`](crate::Finding).
//!
//! [`Error`] and [`Result`] are also at the crate root.
//!
//! ```
//! use sunlit::Error;
//! use sunlit::money::parse_amount;
//! let err = parse_amount("12.3.4").unwrap_err();
//! assert!(matches!(err, Error::Amount { .. }));
//! assert!(err.to_string().contains("12.3.4"));
//! ```

use chrono::NaiveDate;

use crate::classification::Scheme;
use crate::request::EventKind;

/// `Result` with the library's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in sunlit.
///
/// Errors are values that name their input: a bad code names the code and its scheme, a bad
/// cell names its line, column and text. The enum is `#[non_exhaustive]`: later versions add
/// variants for new domains.
///
/// ```
/// use sunlit::{Code, Error};
/// let err = Code::functional("20805a5").unwrap_err();
/// assert!(matches!(err, Error::Code { ref value, .. } if value == "20805a5"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A classification code that does not fit its scheme (letters, wrong length, a level the
    /// scheme lacks, a leading digit outside the scheme's range).
    #[error("invalid {scheme} code {}: {}", shown(.value), clipped(.reason))]
    Code {
        /// The scheme the code was read in.
        scheme: Scheme,
        /// The text as given (split parts joined with `|`).
        value: String,
        /// Why it was rejected.
        reason: String,
    },
    /// An amount that is not an exact decimal number as printed in Chinese budget tables.
    #[error("invalid amount {}: {}", shown(.value), clipped(.reason))]
    Amount {
        /// The text as given.
        value: String,
        /// Why it was rejected.
        reason: String,
    },
    /// A field value outside its vocabulary (an unknown budget book, phase, nature, unit …).
    /// Python `FieldError`, Kotlin `SunlitException.Field`.
    ///
    /// ```
    /// use sunlit::{Error, budget::Book};
    /// let err = Book::parse("no such book").unwrap_err();
    /// assert!(matches!(err, Error::Field { field: "book", ref value, .. } if value == "no such book"));
    /// ```
    #[error("invalid {field} {}: {}", shown(.value), clipped(.reason))]
    Field {
        /// The field, as a stable snake_case id fixed in the library (`book`, `phase`,
        /// `credit_code`, `request_row` …): the option, column or vocabulary it belongs to.
        field: &'static str,
        /// The text as given.
        value: String,
        /// Why it was rejected, usually the accepted values.
        reason: String,
    },
    /// A bad cell, row or header in an input file, located by line and column.
    ///
    /// `line` is the 1-based physical line for CSV input, as an editor shows it (the header is
    /// line 1; CRLF, LF and CR end lines; blank lines count; a quoted field's line breaks
    /// count). For JSON it is the line of the text for a syntax error, a duplicate key, a
    /// byte-order mark or bytes that are not UTF-8, and the 1-based record number for a bad
    /// value in a record (as for in-memory records). `column` is the column name (or the JSON
    /// key; `field N` for a CSV field beyond the header; empty when the whole input is at
    /// fault).
    ///
    /// An error of one cell located by [`Error::at`] keeps the cell's own error as its `cause`
    /// ([`std::error::Error::source`]): a [`Error::Code`], [`Error::Amount`] or [`Error::Field`]
    /// with its structured fields.
    #[error(
        "line {line}, column {}: {} (value {})",
        shown(.column),
        clipped(.reason),
        shown(.value)
    )]
    Input {
        /// 1-based line (CSV) or record number (records, JSON).
        line: u64,
        /// The column name as in the header.
        column: String,
        /// The offending text.
        value: String,
        /// What is wrong with it (for a located cell error, the cause's message).
        reason: String,
        /// The error of the cell itself, when one was located by [`Error::at`];
        /// [`source()`](std::error::Error::source) returns it (as the `Box<Error>` held here).
        #[source]
        cause: Option<Box<Error>>,
    },
    /// An exact sum or conversion that does not fit a 96-bit decimal. Never wraps.
    #[error("arithmetic overflow in {}", clipped(.operation))]
    Overflow {
        /// What was being computed.
        operation: String,
    },
    /// Two rows of the same context sit at two levels of one branch (e.g. 208 and 2080505), so
    /// summing both would count the money twice. Say that the upper row is a published subtotal
    /// ([`Subtotals::Check`](crate::budget::Subtotals::Check)) to compare it instead.
    #[error(
        "rows at two levels of one branch: {upper} (row {upper_row}) contains {lower} (row {lower_row}); \
         mark upper rows as published subtotals to check them instead of adding them"
    )]
    LevelConflict {
        /// The upper (containing) position, e.g. `208`.
        upper: String,
        /// The lower position, e.g. `2080505`.
        lower: String,
        /// 1-based ledger row of the upper row.
        upper_row: u64,
        /// 1-based ledger row of the lower row.
        lower_row: u64,
    },
    /// An operation would add up money across a dimension that must never be summed implicitly
    /// (several years or several phases), or render several units into one printed table.
    #[error("the data mixes {dimension} values {values:?}; group by {dimension} or filter first")]
    MixedDimension {
        /// `year`, `phase` or `unit`.
        dimension: String,
        /// The distinct values found.
        values: Vec<String>,
    },
    /// A date in a year the working-day calendar has no official holiday data for (before 2007,
    /// or a year whose State Council notice is not loaded). Load that year's official file
    /// ([`WorkCalendar::with_year_json`](crate::WorkCalendar::with_year_json)) or opt in to
    /// [`Uncovered::WeekendsOnly`](crate::calendar::Uncovered::WeekendsOnly).
    #[error(
        "{date}: year {year} is not covered by the working-day calendar (official holiday data: \
         {covered}); load that year's official file or opt in to weekends only"
    )]
    UncoveredYear {
        /// The uncovered year.
        year: i32,
        /// The date that needed it.
        date: NaiveDate,
        /// The covered years as ranges, e.g. `2007–2026`.
        covered: String,
    },
    /// An event that would make the history of a disclosure request impossible (an answer before
    /// receipt, a second correction request, an extension beyond 20 working days, events out of
    /// order …). Names the event and its date.
    #[error("{event} on {date}: {}", clipped(.reason))]
    History {
        /// The kind of event, e.g. [`EventKind::CorrectionRequested`] (shown by its id,
        /// `correction_requested`).
        event: EventKind,
        /// The date given for the event.
        date: NaiveDate,
        /// Why the history would be impossible, citing the article where one applies.
        reason: String,
    },
    /// An input beyond one of the reader's [`Limits`](crate::input::Limits): a file too large, too many
    /// rows, a field too long, JSON nested too deeply. Raise the limit in the reader's options
    /// ([`InputOptions::limits`](crate::input::InputOptions::limits)) if the input is genuine.
    ///
    /// ```
    /// use sunlit::{Error, Ledger, input::{InputOptions, Limits}};
    /// let opts = InputOptions { limits: Limits { max_rows: 1, ..Limits::default() }, ..Default::default() };
    /// let csv = "year,book,phase,unit,functional,economic,nature,source,amount\n2026,general,budget,u,208,,basic,,1\n";
    /// let err = Ledger::read_csv_with(csv.as_bytes(), &opts).unwrap_err();
    /// assert!(matches!(err, Error::Limit { ref limit, line: 2, value: 2, cap: 1 } if limit == "max_rows"));
    /// assert!(err.to_string().contains("raise Limits.max_rows"));
    /// ```
    #[error(
        "{limit} exceeded{}: {value} > {cap}; if the input is genuine, raise Limits.{limit} in the reader's options",
        if *line > 0 { format!(" at line {line}") } else { String::new() }
    )]
    Limit {
        /// The limit's field name in [`Limits`](crate::input::Limits): `max_file_bytes`, `max_rows`,
        /// `max_field_bytes`, `max_json_depth` or `max_cells`.
        limit: String,
        /// The 1-based line where it was exceeded (0 for the file size and a grid's cells).
        line: u64,
        /// The value found (bytes, rows, depth or cells).
        value: u64,
        /// The limit in force.
        cap: u64,
    },
    /// A file could not be read or written. Python `FileError`, Kotlin `SunlitException.File`.
    ///
    /// ```
    /// use sunlit::{Error, Ledger};
    /// let err = Ledger::read_csv_path("/no/such/ledger.csv").unwrap_err();
    /// assert!(matches!(err, Error::File { kind: std::io::ErrorKind::NotFound, .. }));
    /// assert_eq!(err.io_kind_id().as_deref(), Some("not_found"));
    /// ```
    #[error("{}: {}", clipped(.path), clipped(.reason))]
    File {
        /// The path.
        path: String,
        /// What kind of failure, as the operating system reported it
        /// ([`std::io::ErrorKind::InvalidData`] for a file that was read but cannot be used,
        /// [`std::io::ErrorKind::Other`] for a reader that failed inside).
        kind: std::io::ErrorKind,
        /// The operating system's (or reader's) message.
        reason: String,
    },
}

impl Error {
    /// Attach a location to an error raised while reading one cell, turning it into
    /// [`Error::Input`]. Errors that already carry a location keep it.
    ///
    /// ```
    /// use sunlit::{Code, Error};
    /// let err = Code::functional("2O8").unwrap_err().at(3, "functional");
    /// assert!(matches!(err, Error::Input { line: 3, ref column, ref value, .. }
    ///     if column == "functional" && value == "2O8"));
    /// // the cell's own error is kept, with its fields, as the cause (also `source()`)
    /// assert!(matches!(err, Error::Input { cause: Some(ref c), .. }
    ///     if matches!(**c, Error::Code { ref value, .. } if value == "2O8")));
    /// use std::error::Error as _;
    /// assert!(err.source().is_some_and(|c| c.downcast_ref::<Box<Error>>().is_some()));
    /// ```
    #[must_use]
    pub fn at(self, line: u64, column: &str) -> Error {
        let value = match &self {
            Error::Input { .. } => return self,
            Error::Code { value, .. }
            | Error::Amount { value, .. }
            | Error::Field { value, .. } => value.clone(),
            _ => String::new(),
        };
        Error::Input {
            line,
            column: column.to_owned(),
            value,
            reason: self.to_string(),
            cause: Some(Box::new(self)),
        }
    }

    /// The [`std::io::ErrorKind`] of a [`Error::File`] as a stable snake_case id (`not_found`,
    /// `permission_denied`, `invalid_data` …), the `kind` the Python and Kotlin errors carry;
    /// `None` for other errors.
    ///
    /// ```
    /// use sunlit::Error;
    /// let err = Error::File { path: "x".into(), kind: std::io::ErrorKind::PermissionDenied, reason: "no".into() };
    /// assert_eq!(err.io_kind_id().as_deref(), Some("permission_denied"));
    /// assert_eq!(sunlit::Code::functional("x").unwrap_err().io_kind_id(), None);
    /// ```
    pub fn io_kind_id(&self) -> Option<String> {
        let Error::File { kind, .. } = self else {
            return None;
        };
        let mut id = String::new();
        for c in format!("{kind:?}").chars() {
            if c.is_ascii_uppercase() {
                if !id.is_empty() {
                    id.push('_');
                }
                id.push(c.to_ascii_lowercase());
            } else {
                id.push(c);
            }
        }
        Some(id)
    }

    /// Prefix the reason of a located or value error with its context (a file, a table), keeping
    /// every structured field; other errors are returned unchanged.
    pub(crate) fn in_context(self, context: &str) -> Error {
        match self {
            Error::Input {
                line,
                column,
                value,
                reason,
                cause,
            } => Error::Input {
                line,
                column,
                value,
                reason: format!("{context}: {reason}"),
                cause,
            },
            Error::Field {
                field,
                value,
                reason,
            } => Error::Field {
                field,
                value,
                reason: format!("{context}: {reason}"),
            },
            other => other,
        }
    }

    /// Shorthand for an [`Error::Field`].
    pub(crate) fn value(field: &'static str, value: &str, reason: impl Into<String>) -> Error {
        Error::Field {
            field,
            value: value.to_owned(),
            reason: reason.into(),
        }
    }

    /// Shorthand for an [`Error::Overflow`].
    pub(crate) fn overflow(operation: impl Into<String>) -> Error {
        Error::Overflow {
            operation: operation.into(),
        }
    }

    /// Shorthand for an [`Error::File`].
    pub(crate) fn io(path: &std::path::Path, err: &std::io::Error) -> Error {
        Error::File {
            path: path.display().to_string(),
            kind: err.kind(),
            reason: err.to_string(),
        }
    }
}

/// Most characters of an offending value (a cell, a code, a column name) that an error message
/// shows; a longer value is shown as its first `SHOWN_VALUE_CHARS` characters followed by
/// `… (N characters)`. [`Error::bounded`] keeps the same prefix in the structured fields.
pub const SHOWN_VALUE_CHARS: usize = 200;

/// Most characters of prose (a reason, a path, an operation) that an error message shows; the
/// rest is replaced by `… (N characters)`. Reasons quote values, so they are bounded too.
pub const SHOWN_TEXT_CHARS: usize = 1000;

/// `text` cut to its first `max` characters plus `… (N characters)` when longer, else itself.
fn cut(text: &str, max: usize) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(max) {
        None => std::borrow::Cow::Borrowed(text),
        Some((end, _)) => std::borrow::Cow::Owned(format!(
            "{}… ({} characters)",
            text.get(..end).unwrap_or_default(),
            text.chars().count()
        )),
    }
}

/// A value as a message shows it: quoted and escaped like `{:?}`, at most
/// [`SHOWN_VALUE_CHARS`] characters of it, then `… (N characters)` outside the quotes.
fn shown(value: &str) -> String {
    match value.char_indices().nth(SHOWN_VALUE_CHARS) {
        None => format!("{value:?}"),
        Some((end, _)) => format!(
            "{:?}… ({} characters)",
            value.get(..end).unwrap_or_default(),
            value.chars().count()
        ),
    }
}

/// Prose as a message shows it: at most [`SHOWN_TEXT_CHARS`] characters.
fn clipped(text: &str) -> std::borrow::Cow<'_, str> {
    cut(text, SHOWN_TEXT_CHARS)
}

impl Error {
    /// The same error with every text field bounded as messages show it: a value or column
    /// longer than [`SHOWN_VALUE_CHARS`] characters keeps its first `SHOWN_VALUE_CHARS` characters
    /// followed by `… (N characters)`, a reason, path or other text longer than
    /// [`SHOWN_TEXT_CHARS`] likewise. Short fields are unchanged. The error's own fields keep
    /// the full value (the caller holds the input anyway); the Python and mobile bindings raise
    /// the bounded copy, so an exception never carries a 100 MB string.
    ///
    /// ```
    /// use sunlit::{Error, money::parse_amount};
    /// let long = "9".repeat(1_000_000) + "x";
    /// let err = parse_amount(&long).unwrap_err();
    /// assert!(err.to_string().len() < 2_000);
    /// assert!(err.to_string().contains("… (1000001 characters)"));
    /// let Error::Amount { value, .. } = err.bounded() else { panic!() };
    /// assert_eq!(value, format!("{}… (1000001 characters)", "9".repeat(200)));
    /// let short = parse_amount("x").unwrap_err();
    /// assert_eq!(short.clone().bounded(), short);
    /// ```
    #[must_use]
    pub fn bounded(self) -> Error {
        let v = |s: String| match cut(&s, SHOWN_VALUE_CHARS) {
            std::borrow::Cow::Borrowed(_) => s,
            std::borrow::Cow::Owned(o) => o,
        };
        let t = |s: String| match cut(&s, SHOWN_TEXT_CHARS) {
            std::borrow::Cow::Borrowed(_) => s,
            std::borrow::Cow::Owned(o) => o,
        };
        match self {
            Error::Code {
                scheme,
                value,
                reason,
            } => Error::Code {
                scheme,
                value: v(value),
                reason: t(reason),
            },
            Error::Amount { value, reason } => Error::Amount {
                value: v(value),
                reason: t(reason),
            },
            Error::Field {
                field,
                value,
                reason,
            } => Error::Field {
                field,
                value: v(value),
                reason: t(reason),
            },
            Error::Input {
                line,
                column,
                value,
                reason,
                cause,
            } => Error::Input {
                line,
                column: v(column),
                value: v(value),
                reason: t(reason),
                cause: cause.map(|c| Box::new(c.bounded())),
            },
            Error::Overflow { operation } => Error::Overflow {
                operation: t(operation),
            },
            Error::LevelConflict {
                upper,
                lower,
                upper_row,
                lower_row,
            } => Error::LevelConflict {
                upper: v(upper),
                lower: v(lower),
                upper_row,
                lower_row,
            },
            Error::MixedDimension { dimension, values } => Error::MixedDimension {
                dimension: v(dimension),
                values: values.into_iter().map(v).collect(),
            },
            Error::History {
                event,
                date,
                reason,
            } => Error::History {
                event,
                date,
                reason: t(reason),
            },
            Error::File { path, kind, reason } => Error::File {
                path: t(path),
                kind,
                reason: t(reason),
            },
            other => other,
        }
    }
}
