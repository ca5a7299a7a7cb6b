//! `sunlit.DisclosureRequest` and the information-processing fee.

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use rust_decimal::Decimal;
use sunlit::{
    DisclosureRequest,
    request::{
        Applicant, Channel, ConsultParty, FeeMethod, FeeQuote, FeeTier, Outcome, RequestEvent,
        RequestStatus, TimelineEntry,
    },
};

use crate::calendar::{PyWorkCalendar, calendar};
use crate::convert::{Day, Int, Text, date_arg, date_repr, decimal_arg, str_repr};
use crate::errors::IntoPy;
use crate::finding::FindingList;

type Cal<'a, 'py> = Option<&'a Bound<'py, PyWorkCalendar>>;

/// A request for disclosure (依申请公开) and its event history. Every method that would make the
/// history impossible raises HistoryError naming the event; nothing is recorded then.
#[pyclass(module = "sunlit", name = "DisclosureRequest")]
pub struct PyDisclosureRequest(pub DisclosureRequest);

/// Where a request stands on a day.
#[pyclass(module = "sunlit", name = "RequestStatus", frozen, get_all, eq)]
#[derive(Clone, PartialEq)]
pub struct PyRequestStatus {
    state: &'static str,
    clock: &'static str,
    due: Option<Day>,
    overdue_by: i64,
    remaining: i64,
    closed: Option<Day>,
    outcome: Option<&'static str>,
    reason: Option<&'static str>,
}

impl From<RequestStatus> for PyRequestStatus {
    fn from(s: RequestStatus) -> Self {
        PyRequestStatus {
            state: s.state.id(),
            clock: s.clock.id(),
            due: s.due.map(Day),
            overdue_by: s.overdue_by,
            remaining: s.remaining,
            closed: s.closed.map(Day),
            outcome: s.outcome.map(|o| o.kind().id()),
            reason: s.outcome.and_then(Outcome::reason),
        }
    }
}

#[pymethods]
impl PyRequestStatus {
    fn __repr__(&self) -> String {
        format!(
            "RequestStatus(state={}, due={}, overdue_by={}, remaining={})",
            str_repr(Some(self.state)),
            date_repr(self.due.map(|d| d.0)),
            self.overdue_by,
            self.remaining
        )
    }
}

/// One line of a request's timeline: a recorded event or a computed milestone.
#[pyclass(module = "sunlit", name = "TimelineEntry", frozen, get_all, eq)]
#[derive(Clone, PartialEq)]
pub struct PyTimelineEntry {
    date: NaiveDate,
    kind: &'static str,
    recorded: bool,
    due: Option<Day>,
    note: String,
    articles: Vec<String>,
}

impl From<TimelineEntry> for PyTimelineEntry {
    fn from(t: TimelineEntry) -> Self {
        PyTimelineEntry {
            date: t.date,
            kind: t.kind.id(),
            recorded: t.recorded,
            due: t.due.map(Day),
            note: t.note,
            articles: t.articles,
        }
    }
}

#[pymethods]
impl PyTimelineEntry {
    fn __repr__(&self) -> String {
        format!(
            "TimelineEntry({}, {}, {})",
            date_repr(Some(self.date)),
            str_repr(Some(self.kind)),
            str_repr(Some(&self.note))
        )
    }
}

fn event_dict<'py>(py: Python<'py>, e: &RequestEvent) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("event", e.kind().id())?;
    d.set_item("on", e.date())?;
    match e {
        RequestEvent::ConsultationStarted { party, .. } => d.set_item("party", party.id())?,
        RequestEvent::Extended { workdays, .. } => d.set_item("workdays", workdays)?,
        RequestEvent::FeeNotice { amount, .. } => d.set_item("amount", amount)?,
        RequestEvent::Answered { outcome, .. } => {
            d.set_item("outcome", outcome.kind().id())?;
            d.set_item("reason", outcome.reason())?;
        }
        _ => {}
    }
    Ok(d)
}

#[pymethods]
impl PyDisclosureRequest {
    /// A request received on `received` (the receipt date of art. 31) through `channel` by
    /// `applicant`; `submitted` is checked against the channel's receipt rule.
    #[new]
    #[pyo3(signature = (received, channel, applicant, submitted = None, reference = Text::from(""), description = Text::from("")), text_signature = "(received, channel, applicant, submitted=None, reference=\"\", description=\"\")")]
    fn new(
        received: &Bound<'_, PyAny>,
        channel: Text,
        applicant: Text,
        submitted: Option<&Bound<'_, PyAny>>,
        reference: Text,
        description: Text,
    ) -> PyResult<PyDisclosureRequest> {
        let mut req = DisclosureRequest::new(
            date_arg(received, "received")?,
            Channel::parse(&channel).py()?,
            Applicant::parse(&applicant).py()?,
        )
        .with_reference(reference)
        .with_description(description);
        if let Some(s) = crate::convert::opt_date_arg(submitted, "submitted")? {
            req = req.with_submitted(s).py()?;
        }
        Ok(PyDisclosureRequest(req))
    }

    /// The receipt date.
    #[getter]
    fn received(&self) -> NaiveDate {
        self.0.received()
    }
    /// Channel id.
    #[getter]
    fn channel(&self) -> &'static str {
        self.0.channel().id()
    }
    /// Applicant id.
    #[getter]
    fn applicant(&self) -> &'static str {
        self.0.applicant().id()
    }
    /// Submission date, or None.
    #[getter]
    fn submitted(&self) -> Option<NaiveDate> {
        self.0.submitted()
    }
    /// Reference (申请编号).
    #[getter]
    fn reference(&self) -> &str {
        self.0.reference()
    }
    /// Description of the information asked for.
    #[getter]
    fn description(&self) -> &str {
        self.0.description()
    }

    /// The recorded events as dicts (`event`, `on`, and `party`, `workdays`, `amount`, `outcome`,
    /// `reason` where they apply).
    fn events<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyDict>>> {
        self.0.events().iter().map(|e| event_dict(py, e)).collect()
    }

    /// Ask for a correction, once, within 7 working days of receipt (art. 30).
    #[pyo3(signature = (on, cal = None))]
    fn request_correction(&mut self, on: &Bound<'_, PyAny>, cal: Cal<'_, '_>) -> PyResult<()> {
        self.0
            .request_correction(date_arg(on, "on")?, &calendar(cal))
            .py()
    }

    /// The corrected application arrives: the period restarts (art. 30).
    #[pyo3(signature = (on, cal = None))]
    fn receive_correction(&mut self, on: &Bound<'_, PyAny>, cal: Cal<'_, '_>) -> PyResult<()> {
        self.0
            .receive_correction(date_arg(on, "on")?, &calendar(cal))
            .py()
    }

    /// Start consulting "third_party" (art. 32) or "other_organ" (art. 34): the clock pauses.
    #[pyo3(signature = (on, party = Text::from("third_party"), cal = None), text_signature = "($self, on, party=\"third_party\", cal=None)")]
    fn start_consultation(
        &mut self,
        on: &Bound<'_, PyAny>,
        party: Text,
        cal: Cal<'_, '_>,
    ) -> PyResult<()> {
        let party = ConsultParty::parse(&party).py()?;
        self.0
            .start_consultation(date_arg(on, "on")?, party, &calendar(cal))
            .py()
    }

    /// End the open consultation: the clock runs again.
    #[pyo3(signature = (on, cal = None))]
    fn end_consultation(&mut self, on: &Bound<'_, PyAny>, cal: Cal<'_, '_>) -> PyResult<()> {
        self.0
            .end_consultation(date_arg(on, "on")?, &calendar(cal))
            .py()
    }

    /// Approve an extension (all extensions together at most 20 working days, art. 33).
    #[pyo3(signature = (on, workdays, cal = None))]
    fn extend(&mut self, on: &Bound<'_, PyAny>, workdays: Int, cal: Cal<'_, '_>) -> PyResult<()> {
        let on = date_arg(on, "on")?;
        self.0
            .extend(on, workdays.get("workdays")?, &calendar(cal))
            .py()
    }

    /// Send a fee notice of `amount` 元 (decimal.Decimal, int or str).
    #[pyo3(signature = (on, amount, cal = None))]
    fn fee_notice(
        &mut self,
        on: &Bound<'_, PyAny>,
        amount: &Bound<'_, PyAny>,
        cal: Cal<'_, '_>,
    ) -> PyResult<()> {
        let amount: Decimal = decimal_arg(amount, "amount")?;
        self.0
            .fee_notice(date_arg(on, "on")?, amount, &calendar(cal))
            .py()
    }

    /// The applicant pays the fee.
    #[pyo3(signature = (on, cal = None))]
    fn pay_fee(&mut self, on: &Bound<'_, PyAny>, cal: Cal<'_, '_>) -> PyResult<()> {
        self.0.pay_fee(date_arg(on, "on")?, &calendar(cal)).py()
    }

    /// Answer with an outcome ("granted", "partly_granted", "refused", "cannot_provide",
    /// "not_processed", "other") and, except for the first two, its reason.
    #[pyo3(signature = (on, outcome, reason = None, cal = None))]
    fn answer(
        &mut self,
        on: &Bound<'_, PyAny>,
        outcome: Text,
        reason: Option<Text>,
        cal: Cal<'_, '_>,
    ) -> PyResult<()> {
        let outcome = Outcome::parse(&outcome, reason.as_deref()).py()?;
        self.0
            .answer(date_arg(on, "on")?, outcome, &calendar(cal))
            .py()
    }

    /// The applicant withdraws the request.
    #[pyo3(signature = (on, cal = None))]
    fn withdraw(&mut self, on: &Bound<'_, PyAny>, cal: Cal<'_, '_>) -> PyResult<()> {
        self.0.withdraw(date_arg(on, "on")?, &calendar(cal)).py()
    }

    /// Carry the still-open request over from `year` into the next (recorded on 31 December).
    #[pyo3(signature = (year, cal = None))]
    fn carry_over(&mut self, year: Int, cal: Cal<'_, '_>) -> PyResult<()> {
        self.0.carry_over(year.get("year")?, &calendar(cal)).py()
    }

    /// The answer due date, or None while the clock stands still.
    #[pyo3(signature = (cal = None))]
    fn due_date(&self, cal: Cal<'_, '_>) -> PyResult<Option<Day>> {
        Ok(self.0.due_date(&calendar(cal)).py()?.map(Day))
    }

    /// Where the request stands on `as_of`.
    #[pyo3(signature = (as_of, cal = None))]
    fn status(&self, as_of: &Bound<'_, PyAny>, cal: Cal<'_, '_>) -> PyResult<PyRequestStatus> {
        self.0
            .status(date_arg(as_of, "as_of")?, &calendar(cal))
            .map(PyRequestStatus::from)
            .py()
    }

    /// The full timeline: events and milestones in date order.
    #[pyo3(signature = (cal = None))]
    fn timeline(&self, cal: Cal<'_, '_>) -> PyResult<Vec<PyTimelineEntry>> {
        Ok(self
            .0
            .timeline(&calendar(cal))
            .py()?
            .into_iter()
            .map(PyTimelineEntry::from)
            .collect())
    }

    /// Findings on `as_of`: request.overdue or request.answered_late, and
    /// request.consultation_reply_overdue (a warning) for a consultation still open after the
    /// consulted party's 15 working days (arts. 32, 34).
    #[pyo3(signature = (as_of, cal = None))]
    fn findings(&self, as_of: &Bound<'_, PyAny>, cal: Cal<'_, '_>) -> PyResult<FindingList> {
        self.0
            .findings(date_arg(as_of, "as_of")?, &calendar(cal))
            .py()
            .map(crate::finding::wrap)
    }

    fn __repr__(&self) -> String {
        format!(
            "DisclosureRequest(received={}, channel={}, applicant={}, {} events)",
            date_repr(Some(self.0.received())),
            str_repr(Some(self.0.channel().id())),
            str_repr(Some(self.0.applicant().id())),
            self.0.events().len()
        )
    }
}

/// One band of the fee schedule reached by a quantity.
#[pyclass(module = "sunlit", name = "FeeTier", frozen, get_all, eq)]
#[derive(Clone, PartialEq)]
pub struct PyFeeTier {
    first: u32,
    last: Option<u32>,
    rate: Decimal,
    last_rate: Decimal,
    units: u32,
    amount: Decimal,
}

impl From<FeeTier> for PyFeeTier {
    fn from(t: FeeTier) -> Self {
        PyFeeTier {
            first: t.first,
            last: t.last,
            rate: t.rate,
            last_rate: t.last_rate,
            units: t.units,
            amount: t.amount,
        }
    }
}

/// The information-processing fee for a quantity of requests or pages.
#[pyclass(module = "sunlit", name = "FeeQuote", frozen)]
pub struct PyFeeQuote(pub FeeQuote);

#[pymethods]
impl PyFeeQuote {
    /// "per_request" or "per_page".
    #[getter]
    fn method(&self) -> &'static str {
        self.0.method.id()
    }
    /// Requests in the natural month, or pages.
    #[getter]
    fn quantity(&self) -> u32 {
        self.0.quantity
    }
    /// The fee in 元 (decimal.Decimal).
    #[getter]
    fn amount(&self) -> Decimal {
        self.0.amount
    }
    /// The bands reached, with units and amount in each; past the first 100 rising per-request
    /// bands, one merged tier (rate rising from `rate` to `last_rate`). Bounded for any quantity.
    fn tiers(&self) -> Vec<PyFeeTier> {
        self.0.tiers().into_iter().map(PyFeeTier::from).collect()
    }
    fn __repr__(&self) -> String {
        format!(
            "FeeQuote({}, {}, amount=Decimal('{}'))",
            str_repr(Some(self.0.method.id())),
            self.0.quantity,
            self.0.amount
        )
    }
}

#[pymethods]
impl PyFeeTier {
    fn __repr__(&self) -> String {
        format!(
            "FeeTier(first={}, last={}, rate=Decimal('{}'), last_rate=Decimal('{}'), units={}, amount=Decimal('{}'))",
            self.first,
            self.last
                .map_or_else(|| "None".to_owned(), |l| l.to_string()),
            self.rate,
            self.last_rate,
            self.units,
            self.amount
        )
    }
}

/// The fee of 国办函〔2020〕109号: "per_request" (按件, art. 4; quantity = the applicant's requests in
/// the natural month) or "per_page" (按量, art. 5).
#[pyfunction]
pub fn information_fee(method: Text, quantity: Int) -> PyResult<PyFeeQuote> {
    Ok(PyFeeQuote(sunlit::request::information_fee(
        FeeMethod::parse(&method).py()?,
        quantity.get("quantity")?,
    )))
}
