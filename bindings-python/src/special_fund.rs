//! `sunlit.SpecialFund`, `sunlit.Allocation`, `sunlit.SpecialFundList`: special funds (专项资金).

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::{PyMapping, PyTuple};
use rust_decimal::Decimal;
use sunlit::{
    SpecialFundList, Unit,
    special_fund::{Allocation, FundCheckOptions, FundStage, SpecialFund, StageDate},
};

use crate::convert::{Int, Text, date_arg, decimal_arg, opt_date_arg, opt_int};
use crate::errors::{IntoPy, input_error};
use crate::finding::{FindingList, wrap};

/// One allocation of a special fund: recipient, amount (in the fund's unit), region, date.
#[pyclass(module = "sunlit", name = "Allocation", frozen)]
#[derive(Clone)]
pub struct PyAllocation(pub Allocation);

#[pymethods]
impl PyAllocation {
    /// `amount` is a Decimal, int or str; `date` a datetime.date (a datetime.datetime is
    /// refused).
    #[new]
    #[pyo3(signature = (recipient, amount, region=None, date=None))]
    fn new(
        recipient: Text,
        amount: &Bound<'_, PyAny>,
        region: Option<Text>,
        date: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<PyAllocation> {
        Ok(PyAllocation(Allocation {
            recipient: recipient.0,
            region: region.map(String::from),
            amount: decimal_arg(amount, "amount")?,
            date: opt_date_arg(date, "date")?,
        }))
    }

    /// The recipient.
    #[getter]
    fn recipient(&self) -> &str {
        &self.0.recipient
    }

    /// The region, or None.
    #[getter]
    fn region(&self) -> Option<&str> {
        self.0.region.as_deref()
    }

    /// The amount.
    #[getter]
    fn amount(&self) -> Decimal {
        self.0.amount
    }

    /// The date, or None.
    #[getter]
    fn date(&self) -> Option<NaiveDate> {
        self.0.date
    }

    fn __repr__(&self) -> String {
        format!("Allocation({}, {})", self.0.recipient, self.0.amount)
    }
}

/// Stages given as a mapping {stage: date} or a list of (stage, date) pairs; stage names are
/// ids (application, approval, allocation, disclosure, supervision) or Chinese (申报 …).
fn stages(obj: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<StageDate>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(Vec::new());
    };
    // A (stage, date) pair; the date a datetime.date (a datetime.datetime is refused).
    let pair = |item: &Bound<'_, PyAny>| -> PyResult<(String, NaiveDate)> {
        let (Text(stage), date): (Text, Bound<'_, PyAny>) = item.extract()?;
        let date = date_arg(&date, "stages")?;
        Ok((stage, date))
    };
    let pairs: Vec<(String, NaiveDate)> = match obj.cast::<PyMapping>() {
        Ok(map) => map
            .items()?
            .iter()
            .map(|item| pair(&item))
            .collect::<PyResult<_>>()?,
        Err(_) => obj
            .try_iter()?
            .map(|item| {
                let item = item?;
                let t = item.cast::<PyTuple>().map_err(|_| {
                    input_error(0, "stages", "", "each stage is a (stage, date) pair")
                })?;
                pair(t.as_any())
            })
            .collect::<PyResult<_>>()?,
    };
    pairs
        .into_iter()
        .map(|(s, date)| {
            Ok(StageDate {
                stage: FundStage::parse(&s).py()?,
                date,
            })
        })
        .collect()
}

/// The check options from the keyword arguments (`as_of` a datetime.date or None); a value left
/// None takes the core's default (`FundCheckOptions::default()`).
fn options(
    disclosure_days: Option<Int>,
    as_of: Option<&Bound<'_, PyAny>>,
) -> PyResult<FundCheckOptions> {
    let d = FundCheckOptions::default();
    Ok(FundCheckOptions {
        disclosure_days: opt_int(disclosure_days, "disclosure_days")?.unwrap_or(d.disclosure_days),
        as_of: opt_date_arg(as_of, "as_of")?.or(d.as_of),
    })
}

/// A special fund (专项资金): name, managing department, year, approved amount, stage dates,
/// allocations.
#[pyclass(module = "sunlit", name = "SpecialFund", frozen)]
#[derive(Clone)]
pub struct PySpecialFund(pub SpecialFund);

#[pymethods]
impl PySpecialFund {
    /// `approved` is a Decimal, int or str in `unit`; `stages` a dict {stage: date} or a list of
    /// (stage, date); `allocations` a list of sunlit.Allocation.
    #[new]
    #[pyo3(signature = (name, department, year, approved, unit = Text::from("元"), stages=None, allocations=None), text_signature = "(name, department, year, approved, unit=\"元\", stages=None, allocations=None)")]
    fn new(
        name: Text,
        department: Text,
        year: Int,
        approved: &Bound<'_, PyAny>,
        unit: Text,
        stages: Option<&Bound<'_, PyAny>>,
        allocations: Option<Vec<PyRef<'_, PyAllocation>>>,
    ) -> PyResult<PySpecialFund> {
        Ok(PySpecialFund(SpecialFund {
            name: name.0,
            department: department.0,
            year: year.get("year")?,
            approved: decimal_arg(approved, "approved")?,
            unit: Unit::parse(&unit).py()?,
            stages: self::stages(stages)?,
            allocations: allocations
                .unwrap_or_default()
                .iter()
                .map(|a| a.0.clone())
                .collect(),
        }))
    }

    /// The fund's name.
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }

    /// The managing department.
    #[getter]
    fn department(&self) -> &str {
        &self.0.department
    }

    /// The year.
    #[getter]
    fn year(&self) -> i32 {
        self.0.year
    }

    /// The approved amount.
    #[getter]
    fn approved(&self) -> Decimal {
        self.0.approved
    }

    /// The unit: "元", "万元" or "亿元".
    #[getter]
    fn unit(&self) -> &'static str {
        self.0.unit.symbol()
    }

    /// The stages as (stage id, date) pairs, as given.
    #[getter]
    fn stages(&self) -> Vec<(&'static str, NaiveDate)> {
        self.0
            .stages
            .iter()
            .map(|s| (s.stage.id(), s.date))
            .collect()
    }

    /// The allocations.
    #[getter]
    fn allocations(&self) -> Vec<PyAllocation> {
        self.0
            .allocations
            .iter()
            .cloned()
            .map(PyAllocation)
            .collect()
    }

    /// The exact sum of the allocations.
    fn allocated(&self) -> PyResult<Decimal> {
        self.0.allocated().py()
    }

    /// Check the fund (allocations ≤ approved, stages in order, no allocation before approval,
    /// disclosure within `disclosure_days` of approval — as of `as_of` when not yet disclosed).
    #[pyo3(
        signature = (disclosure_days=None, as_of=None),
        text_signature = "($self, disclosure_days=None, as_of=None)"
    )]
    fn check(
        &self,
        disclosure_days: Option<Int>,
        as_of: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<FindingList> {
        Ok(wrap(self.0.check(&options(disclosure_days, as_of)?)))
    }

    fn __repr__(&self) -> String {
        format!(
            "SpecialFund({}, {} {})",
            self.0.name, self.0.approved, self.0.unit
        )
    }
}

/// A published list of special funds with its printed count and total.
#[pyclass(module = "sunlit", name = "SpecialFundList", frozen)]
pub struct PySpecialFundList(SpecialFundList);

#[pymethods]
impl PySpecialFundList {
    /// `total` (Decimal, int or str, as printed, in `unit`) and `count` as published.
    #[new]
    #[pyo3(signature = (funds, total=None, unit=None, count=None))]
    fn new(
        funds: Vec<PyRef<'_, PySpecialFund>>,
        total: Option<&Bound<'_, PyAny>>,
        unit: Option<Text>,
        count: Option<Int>,
    ) -> PyResult<PySpecialFundList> {
        Ok(PySpecialFundList(SpecialFundList {
            funds: funds.iter().map(|f| f.0.clone()).collect(),
            published_total: total
                .filter(|t| !t.is_none())
                .map(|t| decimal_arg(t, "total"))
                .transpose()?,
            total_unit: match unit {
                Some(u) => Unit::parse(&u).py()?,
                None => SpecialFundList::default().total_unit,
            },
            published_count: opt_int(count, "count")?,
        }))
    }

    /// The exact sum of the approved amounts in the list's unit.
    fn total(&self) -> PyResult<Decimal> {
        self.0.total().py()
    }

    /// Check the count, the total as printed and every fund.
    #[pyo3(
        signature = (disclosure_days=None, as_of=None),
        text_signature = "($self, disclosure_days=None, as_of=None)"
    )]
    fn check(
        &self,
        disclosure_days: Option<Int>,
        as_of: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<FindingList> {
        Ok(wrap(self.0.check(&options(disclosure_days, as_of)?).py()?))
    }

    fn __len__(&self) -> usize {
        self.0.funds.len()
    }

    fn __repr__(&self) -> String {
        format!("SpecialFundList({} funds)", self.0.funds.len())
    }
}
