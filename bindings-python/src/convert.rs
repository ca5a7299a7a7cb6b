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
pub fn decimal_arg(obj: &Bound<'_, PyAny>, name: &str) -> PyResult<Decimal> {
    let text =
        amount_text(obj).map_err(|reason| crate::errors::input_error(0, name, "", &reason))?;
    match sunlit::parse_amount(&text).py()? {
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
pub fn date_arg(obj: &Bound<'_, PyAny>, name: &str) -> PyResult<NaiveDate> {
    let refuse = |reason: &str| {
        crate::errors::to_py(sunlit::Error::Value {
            field: name.to_owned(),
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
pub fn opt_date_arg(obj: Option<&Bound<'_, PyAny>>, name: &str) -> PyResult<Option<NaiveDate>> {
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
