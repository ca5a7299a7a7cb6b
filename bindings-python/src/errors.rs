//! One Python exception hierarchy for the core's one error type.
//!
//! `SunlitError` (a `ValueError`) is the root; each core error variant maps to a subclass that
//! carries the variant's fields as attributes (`InputError.line`, `.column`, `.value` …).

use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

create_exception!(
    sunlit,
    SunlitError,
    PyValueError,
    "Root of every sunlit error (a subclass of ValueError)."
);
create_exception!(
    sunlit,
    InputError,
    SunlitError,
    "A bad cell, row or header of an input; attributes line, column, value, reason, cause (the cell's own error, also __cause__, or None)."
);
create_exception!(
    sunlit,
    CodeError,
    SunlitError,
    "A classification code that does not fit its scheme; attributes scheme, value, reason."
);
create_exception!(
    sunlit,
    AmountError,
    SunlitError,
    "An amount that is not an exact decimal; attributes value, reason."
);
create_exception!(
    sunlit,
    FieldError,
    SunlitError,
    "A value outside its vocabulary (book, phase, nature …); attributes field (a stable snake_case id), value, reason."
);
create_exception!(
    sunlit,
    ArithmeticOverflowError,
    SunlitError,
    "An exact computation that does not fit 28 digits; attribute operation."
);
create_exception!(
    sunlit,
    LevelConflictError,
    SunlitError,
    "Lines at two levels of one branch; attributes upper, lower, upper_row, lower_row."
);
create_exception!(
    sunlit,
    MixedDimensionError,
    SunlitError,
    "Mixing years or phases in one sum, or units in one printed table; attributes dimension, values."
);
create_exception!(
    sunlit,
    FileError,
    SunlitError,
    "A file that cannot be read or written; attributes path, kind (the OS error kind as a snake_case id: not_found, permission_denied, invalid_data …), reason."
);
create_exception!(
    sunlit,
    UncoveredYearError,
    SunlitError,
    "A date in a year the working-day calendar has no official holiday data for; attributes year, date, covered."
);
create_exception!(
    sunlit,
    HistoryError,
    SunlitError,
    "An event that would make a disclosure request's history impossible; attributes event (the event kind's id), date, reason."
);

create_exception!(
    sunlit,
    LimitError,
    SunlitError,
    "An input beyond a reader's limits (InputOptions); attributes limit, line, value, cap."
);

/// An attribute value of an exception.
enum Attr {
    Int(u64),
    Year(i32),
    Date(chrono::NaiveDate),
    Str(String),
    List(Vec<String>),
    /// Another error, converted in turn (or `None`).
    Error(Option<PyErr>),
}

/// Convert a core error into the matching Python exception with its fields as attributes.
pub fn to_py(err: sunlit::Error) -> PyErr {
    use sunlit::Error as E;
    // The message shows a bounded prefix of a long value, and the exception keeps a bounded copy
    // of every text field (a 100 MB value would otherwise sit in its attributes); see
    // `sunlit::Error::bounded`.
    let message = err.to_string();
    let io_kind = err.io_kind_id().unwrap_or_default();
    let err = err.bounded();
    let (pyerr, attrs): (PyErr, Vec<(&str, Attr)>) = match err {
        E::Input {
            line,
            column,
            value,
            reason,
            cause,
        } => (
            InputError::new_err(message),
            vec![
                ("line", Attr::Int(line)),
                ("column", Attr::Str(column)),
                ("value", Attr::Str(value)),
                ("reason", Attr::Str(reason)),
                ("cause", Attr::Error(cause.map(|c| to_py(*c)))),
            ],
        ),
        E::Code {
            scheme,
            value,
            reason,
        } => (
            CodeError::new_err(message),
            vec![
                ("scheme", Attr::Str(scheme.id().to_owned())),
                ("value", Attr::Str(value)),
                ("reason", Attr::Str(reason)),
            ],
        ),
        E::Amount { value, reason } => (
            AmountError::new_err(message),
            vec![("value", Attr::Str(value)), ("reason", Attr::Str(reason))],
        ),
        E::Field {
            field,
            value,
            reason,
        } => (
            FieldError::new_err(message),
            vec![
                ("field", Attr::Str(field.to_owned())),
                ("value", Attr::Str(value)),
                ("reason", Attr::Str(reason)),
            ],
        ),
        E::Overflow { operation } => (
            ArithmeticOverflowError::new_err(message),
            vec![("operation", Attr::Str(operation))],
        ),
        E::LevelConflict {
            upper,
            lower,
            upper_row,
            lower_row,
        } => (
            LevelConflictError::new_err(message),
            vec![
                ("upper", Attr::Str(upper)),
                ("lower", Attr::Str(lower)),
                ("upper_row", Attr::Int(upper_row)),
                ("lower_row", Attr::Int(lower_row)),
            ],
        ),
        E::MixedDimension { dimension, values } => (
            MixedDimensionError::new_err(message),
            vec![
                ("dimension", Attr::Str(dimension)),
                ("values", Attr::List(values)),
            ],
        ),
        E::File { path, reason, .. } => (
            FileError::new_err(message),
            vec![
                ("path", Attr::Str(path)),
                ("kind", Attr::Str(io_kind)),
                ("reason", Attr::Str(reason)),
            ],
        ),
        E::UncoveredYear {
            year,
            date,
            covered,
        } => (
            UncoveredYearError::new_err(message),
            vec![
                ("year", Attr::Year(year)),
                ("date", Attr::Date(date)),
                ("covered", Attr::Str(covered)),
            ],
        ),
        E::History {
            event,
            date,
            reason,
        } => (
            HistoryError::new_err(message),
            vec![
                ("event", Attr::Str(event.id().to_owned())),
                ("date", Attr::Date(date)),
                ("reason", Attr::Str(reason)),
            ],
        ),
        E::Limit {
            limit,
            line,
            value,
            cap,
        } => (
            LimitError::new_err(message),
            vec![
                ("limit", Attr::Str(limit)),
                ("line", Attr::Int(line)),
                ("value", Attr::Int(value)),
                ("cap", Attr::Int(cap)),
            ],
        ),
        _ => (SunlitError::new_err(message), vec![]),
    };
    Python::attach(|py| {
        let value = pyerr.value(py);
        for (name, attr) in attrs {
            let set = match attr {
                Attr::Int(i) => value.setattr(name, i),
                Attr::Year(y) => value.setattr(name, y),
                // a date outside the years datetime.date holds (1 to 9999) is given as None,
                // so that the SunlitError itself is raised, not Python's ValueError
                Attr::Date(d) => match crate::convert::Day::check(d, name) {
                    Ok(d) => value.setattr(name, d),
                    Err(_) => value.setattr(name, py.None()),
                },
                Attr::Str(s) => value.setattr(name, s),
                Attr::List(l) => value.setattr(name, l),
                Attr::Error(None) => value.setattr(name, py.None()),
                Attr::Error(Some(cause)) => {
                    let cause_value = cause.value(py).clone();
                    pyerr.set_cause(py, Some(cause));
                    value.setattr(name, cause_value)
                }
            };
            if let Err(e) = set {
                return e;
            }
        }
        pyerr
    })
}

/// `Result` into `PyResult`.
pub trait IntoPy<T> {
    /// Map the error.
    fn py(self) -> PyResult<T>;
}

impl<T> IntoPy<T> for Result<T, sunlit::Error> {
    fn py(self) -> PyResult<T> {
        self.map_err(to_py)
    }
}

/// An input error raised by the binding itself while converting a Python value (same class and
/// attributes as the core's).
pub fn input_error(line: u64, column: &str, value: &str, reason: &str) -> PyErr {
    to_py(sunlit::Error::Input {
        line,
        column: column.to_owned(),
        value: value.to_owned(),
        reason: reason.to_owned(),
        cause: None,
    })
}
