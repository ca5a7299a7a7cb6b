//! Conversions of Python values into the text forms the core parses.
//!
//! pyo3's own `Decimal` extraction accepts floats (and rounds past 28 digits), so amounts are
//! taken as `decimal.Decimal`, `int` or `str` only and turned into exact text here; the core then
//! applies its one set of rules.

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDate, PyDateTime, PyFloat, PyInt, PyString, PyTuple, PyType};
use rust_decimal::Decimal;

use crate::errors::IntoPy;

/// Exact text of a Python amount (`decimal.Decimal`, `int` or `str`), or the reason it is refused.
pub fn amount_text(obj: &Bound<'_, PyAny>) -> Result<String, String> {
    if obj.is_none() {
        return Ok(String::new());
    }
    if obj.is_instance_of::<PyBool>() {
        return Err("a bool is not an amount".to_owned());
    }
    if obj.is_instance_of::<PyFloat>() {
        return Err(
            "float amounts are refused (binary floating point is not exact); pass decimal.Decimal, int or str"
                .to_owned(),
        );
    }
    // By value, never by `str()`, which a subclass can override to say anything.
    if let Ok(s) = obj.cast::<PyString>() {
        return s
            .to_cow()
            .map(|c| c.into_owned())
            .map_err(|e| e.to_string());
    }
    if obj.is_instance_of::<PyInt>() {
        return obj
            .py()
            .get_type::<PyInt>()
            .getattr("__repr__")
            .and_then(|r| r.call1((obj,)))
            .and_then(|t| t.extract::<String>())
            .map_err(|e| e.to_string());
    }
    let is_decimal = decimal_type(obj.py())
        .and_then(|t| obj.is_instance(t.bind(obj.py())))
        .unwrap_or(false);
    if !is_decimal {
        let type_name = obj
            .get_type()
            .name()
            .map(|n| n.to_string())
            .unwrap_or_default();
        return Err(format!(
            "an amount is a decimal.Decimal, int or str, not {type_name}"
        ));
    }
    decimal_text(obj).map_err(|e| e.to_string())
}

static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// The `decimal.Decimal` class.
fn decimal_type(py: Python<'_>) -> PyResult<&Py<PyType>> {
    DECIMAL.get_or_try_init(py, || {
        Ok(py
            .import("decimal")?
            .getattr("Decimal")?
            .cast_into::<PyType>()?
            .unbind())
    })
}

/// Exact plain text of a `decimal.Decimal` from its `as_tuple()` (sign, digits, exponent).
fn decimal_text(obj: &Bound<'_, PyAny>) -> PyResult<String> {
    // Decimal's own methods, which a subclass cannot override.
    let decimal = decimal_type(obj.py())?.bind(obj.py());
    let own_str = || -> PyResult<String> { decimal.getattr("__str__")?.call1((obj,))?.extract() };
    let t = decimal.getattr("as_tuple")?.call1((obj,))?;
    let t = t.cast::<PyTuple>()?;
    let sign: u8 = t.get_item(0)?.extract()?;
    let digits: Vec<u8> = t.get_item(1)?.extract()?;
    let exponent = t.get_item(2)?;
    let Ok(exponent) = exponent.extract::<i64>() else {
        return own_str(); // NaN / Infinity: the core refuses the text
    };
    let mut s: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
    if exponent >= 0 {
        if exponent > 40 {
            return own_str();
        }
        s.extend(std::iter::repeat_n('0', exponent as usize));
    } else {
        let frac = (-exponent) as usize;
        if frac > 60 {
            return own_str();
        }
        if s.len() <= frac {
            s = format!("0.{}{}", "0".repeat(frac - s.len()), s);
        } else {
            let point = s.len() - frac;
            s.insert(point, '.');
        }
    }
    if sign == 1 {
        s.insert(0, '-');
    }
    Ok(s)
}

/// A required amount argument as an exact `Decimal`.
pub fn decimal_arg(obj: &Bound<'_, PyAny>, name: &'static str) -> PyResult<Decimal> {
    let text =
        amount_text(obj).map_err(|reason| crate::errors::input_error(0, name, "", &reason))?;
    match sunlit::money::parse_amount(&text).py()? {
        Some(d) => Ok(d),
        None => Err(crate::errors::input_error(
            0,
            name,
            &text,
            "an amount is required; blank is not zero",
        )),
    }
}

/// The text form of a dimension value given in Python (int, str, Code, None).
pub fn value_text(obj: &Bound<'_, PyAny>) -> PyResult<String> {
    if obj.is_none() {
        return Ok(String::new());
    }
    if obj.is_instance_of::<PyFloat>() || obj.is_instance_of::<PyBool>() {
        return Err(crate::errors::input_error(
            0,
            "",
            &obj.str()?.to_string(),
            "expected a str or int",
        ));
    }
    Ok(obj.str()?.to_string())
}

/// A `datetime.date` argument. A `datetime.datetime` (a subclass of `date`) is refused so that a
/// time of day is never silently dropped; anything else is refused too. Both raise `FieldError`.
pub fn date_arg(obj: &Bound<'_, PyAny>, name: &'static str) -> PyResult<NaiveDate> {
    let refuse = |reason: &str| {
        crate::errors::to_py(sunlit::Error::Field {
            field: name,
            value: obj.repr().map(|r| r.to_string()).unwrap_or_default(),
            reason: reason.to_owned(),
        })
    };
    if obj.is_instance_of::<PyDateTime>() {
        return Err(refuse(
            "a datetime.datetime is refused (its time of day would be dropped); pass a datetime.date",
        ));
    }
    if !obj.is_instance_of::<PyDate>() {
        return Err(refuse("expected a datetime.date"));
    }
    obj.extract::<NaiveDate>()
        .map_err(|e| refuse(&e.to_string()))
}

/// An optional `datetime.date` argument (`None` stays `None`).
pub fn opt_date_arg(
    obj: Option<&Bound<'_, PyAny>>,
    name: &'static str,
) -> PyResult<Option<NaiveDate>> {
    match obj {
        Some(o) if !o.is_none() => date_arg(o, name).map(Some),
        _ => Ok(None),
    }
}

/// Python-style repr of an optional date: `datetime.date(2024, 10, 23)` or `None`.
pub fn date_repr(d: Option<NaiveDate>) -> String {
    use chrono::Datelike;
    d.map_or_else(
        || "None".to_owned(),
        |d| format!("datetime.date({}, {}, {})", d.year(), d.month(), d.day()),
    )
}

/// Python-style repr of an optional string: `'text'` or `None`.
pub fn str_repr(s: Option<&str>) -> String {
    s.map_or_else(|| "None".to_owned(), |s| format!("{s:?}").replace('"', "'"))
}

/// A Python `int` argument whose range the function checks: extraction never fails on size, so
/// an integer too large or too negative for its parameter is a `FieldError` naming the parameter
/// ([`Int::get`]) instead of pyo3's `OverflowError`. A value that is not an int is still a
/// `TypeError`.
#[derive(Clone, Debug)]
pub struct Int(Result<i64, String>);

impl Int {
    /// A default value.
    pub const fn of(n: i64) -> Self {
        Int(Ok(n))
    }

    /// The value as `T`, or a `FieldError` naming `name` and the range of `T`.
    pub fn get<T: Bounded>(&self, name: &'static str) -> PyResult<T> {
        let out_of_range = |value: String| {
            crate::errors::to_py(sunlit::Error::Field {
                field: name,
                value,
                reason: format!(
                    "out of range: expected an integer from {} to {}",
                    T::MIN_TEXT,
                    T::MAX_TEXT
                ),
            })
        };
        match &self.0 {
            Ok(n) => T::try_from(*n).map_err(|_| out_of_range(n.to_string())),
            Err(text) => Err(out_of_range(text.clone())),
        }
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for Int {
    type Error = PyErr;

    fn extract(obj: pyo3::Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        match obj.extract::<i64>() {
            Ok(n) => Ok(Int(Ok(n))),
            Err(e) if e.is_instance_of::<pyo3::exceptions::PyOverflowError>(obj.py()) => {
                Ok(Int(Err(obj.str()?.to_string())))
            }
            Err(e) => Err(e),
        }
    }
}

/// The integer types an [`Int`] converts to, with their bounds as text for messages.
pub trait Bounded: TryFrom<i64> {
    /// The smallest value, as text.
    const MIN_TEXT: &'static str;
    /// The largest value, as text.
    const MAX_TEXT: &'static str;
}

macro_rules! bounded {
    ($($t:ty: $min:literal ..= $max:literal),*) => {$(
        impl Bounded for $t {
            const MIN_TEXT: &'static str = $min;
            const MAX_TEXT: &'static str = $max;
        }
    )*};
}
bounded!(
    u8: "0" ..= "255",
    u32: "0" ..= "4294967295",
    u64: "0" ..= "9223372036854775807", // an Int holds an i64
    usize: "0" ..= "9223372036854775807", // an Int holds an i64
    i32: "-2147483648" ..= "2147483647",
    i64: "-9223372036854775808" ..= "9223372036854775807"
);

/// An optional [`Int`] argument as `T` (`None` stays `None`).
pub fn opt_int<T: Bounded>(value: Option<Int>, name: &'static str) -> PyResult<Option<T>> {
    value.map(|v| v.get(name)).transpose()
}

/// A date for Python: `datetime.date` holds years 1 to 9999 only, so a date outside them (a
/// deadline computed past 9999, a year 0) is a `FieldError` instead of Python's plain
/// `ValueError`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Day(pub NaiveDate);

impl Day {
    /// The date, or the `FieldError` for a year `datetime.date` cannot hold.
    pub fn check(date: NaiveDate, name: &'static str) -> PyResult<NaiveDate> {
        use chrono::Datelike;
        if (1..=9999).contains(&date.year()) {
            Ok(date)
        } else {
            Err(crate::errors::to_py(sunlit::Error::Field {
                field: name,
                value: date.to_string(),
                reason: "outside the years 1 to 9999 a Python datetime.date can hold".to_owned(),
            }))
        }
    }
}

impl<'py> pyo3::IntoPyObject<'py> for Day {
    type Target = PyDate;
    type Output = Bound<'py, PyDate>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Self::Output> {
        Day::check(self.0, "date")?.into_pyobject(py)
    }
}

impl<'py> pyo3::IntoPyObject<'py> for &Day {
    type Target = PyDate;
    type Output = Bound<'py, PyDate>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Self::Output> {
        (*self).into_pyobject(py)
    }
}

/// A Python `str` argument. pyo3's own `&str` and `String` raise Python's `UnicodeEncodeError` for
/// a str holding a lone surrogate (how Python carries undecodable bytes, e.g. from
/// `os.fsdecode`); this raises `FieldError` instead. Anything but a str is still a `TypeError`
/// naming the argument.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text(pub String);

impl std::ops::Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text(s.to_owned())
    }
}

impl From<Text> for String {
    fn from(t: Text) -> String {
        t.0
    }
}

impl<'a, 'py> FromPyObject<'a, 'py> for Text {
    type Error = PyErr;

    fn extract(obj: pyo3::Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        let s = obj.cast::<PyString>()?;
        match s.to_cow() {
            Ok(t) => Ok(Text(t.into_owned())),
            Err(_) => {
                let lossy = s.to_string_lossy();
                let at = lossy.chars().position(|c| c == '\u{fffd}').unwrap_or(0);
                Err(crate::errors::to_py(sunlit::Error::Field {
                    field: "text",
                    value: lossy.chars().take(80).collect(),
                    reason: format!(
                        "not valid Unicode: a lone surrogate at character {at} (undecodable bytes?); decode the input with its real encoding"
                    ),
                }))
            }
        }
    }
}
