//! Requests for disclosure (依申请公开) and the information-processing fee.

use std::sync::{Arc, Mutex, MutexGuard};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use sunlit::{
    Finding,
    request::{
        Applicant, Channel, ConsultParty, FeeMethod, FeeQuote, FeeTier, Outcome, RequestEvent,
        RequestStatus, TimelineEntry,
    },
};

use crate::calendar::{WorkCalendar, calendar};
use crate::errors::Result;

functions! {
    /// The fee of 国办函〔2020〕109号 arts. 4–5 for `quantity` requests in a natural month or pages.
    fn information_fee(method: FeeMethod, quantity: u32) -> FeeQuote =
        sunlit::request::information_fee(method, quantity);
    /// The bands of the schedule a quote reaches (past the first 100 rising per-request bands,
    /// one merged tier whose rate rises from `rate` to `last_rate`); they add up to the quote.
    fn fee_tiers(quote: FeeQuote) -> Result<Vec<FeeTier>> = Ok(quote.tiers());
    /// Parse an outcome from its group and reason (ids or Chinese labels).
    export(default(reason = None))
    fn parse_outcome(outcome: String, reason: Option<String>) -> Result<Outcome> =
        Ok(Outcome::parse(&outcome, reason.as_deref())?);
}

/// A request for disclosure and its history. Every method that would make the history
/// impossible throws `SunlitException.History` naming the event; nothing is recorded then.
#[derive(Debug, uniffi::Object)]
pub struct DisclosureRequest(Mutex<sunlit::DisclosureRequest>);

impl DisclosureRequest {
    pub(crate) fn inner(&self) -> MutexGuard<'_, sunlit::DisclosureRequest> {
        // A poisoned lock only means another thread panicked mid-call; the request itself is
        // only replaced after a successful check, so its state is consistent.
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn push(&self, event: RequestEvent, cal: Option<Arc<WorkCalendar>>) -> Result<()> {
        Ok(self.inner().push(event, &calendar(cal))?)
    }
}

#[uniffi::export]
impl DisclosureRequest {
    /// A request received on `received` (art. 31) through `channel` by `applicant`; `submitted`
    /// is checked against the channel's receipt rule.
    #[uniffi::constructor(default(submitted = None, reference = "", description = ""))]
    pub fn new(
        received: NaiveDate,
        channel: Channel,
        applicant: Applicant,
        submitted: Option<NaiveDate>,
        reference: String,
        description: String,
    ) -> Result<Arc<DisclosureRequest>> {
        let mut req = sunlit::DisclosureRequest::new(received, channel, applicant)
            .with_reference(reference)
            .with_description(description);
        if let Some(s) = submitted {
            req = req.with_submitted(s)?;
        }
        Ok(Arc::new(DisclosureRequest(Mutex::new(req))))
    }
}

methods! { DisclosureRequest(r) {
    /// The receipt date.
    fn received() -> NaiveDate = r.inner().received();
    /// The channel.
    fn channel() -> Channel = r.inner().channel();
    /// The applicant type.
    fn applicant() -> Applicant = r.inner().applicant();
    /// The reference (申请编号).
    fn reference() -> String = r.inner().reference().to_owned();
    /// The recorded events.
    fn events() -> Vec<RequestEvent> = r.inner().events().to_vec();
    /// Ask for a correction, once, within 7 working days of receipt (art. 30).
    #[uniffi::method(default(cal = None))]
    fn request_correction(on: NaiveDate, cal: Option<Arc<WorkCalendar>>) -> Result<()> =
        r.push(RequestEvent::CorrectionRequested { on }, cal);
    /// The corrected application arrives: the period restarts (art. 30).
    #[uniffi::method(default(cal = None))]
    fn receive_correction(on: NaiveDate, cal: Option<Arc<WorkCalendar>>) -> Result<()> =
        r.push(RequestEvent::CorrectionReceived { on }, cal);
    /// Start a consultation (arts. 32, 34): the clock pauses.
    #[uniffi::method(default(cal = None))]
    fn start_consultation(on: NaiveDate, party: ConsultParty, cal: Option<Arc<WorkCalendar>>)
        -> Result<()> =
        r.push(RequestEvent::ConsultationStarted { on, party }, cal);
    /// End the open consultation: the clock runs again.
    #[uniffi::method(default(cal = None))]
    fn end_consultation(on: NaiveDate, cal: Option<Arc<WorkCalendar>>) -> Result<()> =
        r.push(RequestEvent::ConsultationEnded { on }, cal);
    /// Approve an extension (at most 20 working days in total, art. 33).
    #[uniffi::method(default(cal = None))]
    fn extend(on: NaiveDate, workdays: u32, cal: Option<Arc<WorkCalendar>>) -> Result<()> =
        r.push(RequestEvent::Extended { on, workdays }, cal);
    /// Send a fee notice of `amount` 元.
    #[uniffi::method(default(cal = None))]
    fn fee_notice(on: NaiveDate, amount: Decimal, cal: Option<Arc<WorkCalendar>>) -> Result<()> =
        r.push(RequestEvent::FeeNotice { on, amount }, cal);
    /// The applicant pays the fee.
    #[uniffi::method(default(cal = None))]
    fn pay_fee(on: NaiveDate, cal: Option<Arc<WorkCalendar>>) -> Result<()> =
        r.push(RequestEvent::FeePaid { on }, cal);
    /// Answer with an outcome.
    #[uniffi::method(default(cal = None))]
    fn answer(on: NaiveDate, outcome: Outcome, cal: Option<Arc<WorkCalendar>>) -> Result<()> =
        r.push(RequestEvent::Answered { on, outcome }, cal);
    /// The applicant withdraws the request.
    #[uniffi::method(default(cal = None))]
    fn withdraw(on: NaiveDate, cal: Option<Arc<WorkCalendar>>) -> Result<()> =
        r.push(RequestEvent::Withdrawn { on }, cal);
    /// Carry the open request over from `year` into the next (recorded on 31 December).
    #[uniffi::method(default(cal = None))]
    fn carry_over(year: i32, cal: Option<Arc<WorkCalendar>>) -> Result<()> =
        Ok(r.inner().carry_over(year, &calendar(cal))?);
    /// The answer due date, or null while the clock stands still.
    #[uniffi::method(default(cal = None))]
    fn due_date(cal: Option<Arc<WorkCalendar>>) -> Result<Option<NaiveDate>> =
        Ok(r.inner().due_date(&calendar(cal))?);
    /// Where the request stands on `asOf`.
    #[uniffi::method(default(cal = None))]
    fn status(as_of: NaiveDate, cal: Option<Arc<WorkCalendar>>) -> Result<RequestStatus> =
        Ok(r.inner().status(as_of, &calendar(cal))?);
    /// The full timeline: events and milestones in date order.
    #[uniffi::method(default(cal = None))]
    fn timeline(cal: Option<Arc<WorkCalendar>>) -> Result<Vec<TimelineEntry>> =
        Ok(r.inner().timeline(&calendar(cal))?);
    /// Findings on `asOf`: request.overdue or request.answered_late, and
    /// request.consultation_reply_overdue (a warning) for a consultation still open after the
    /// consulted party's 15 working days (arts. 32, 34).
    #[uniffi::method(default(cal = None))]
    fn findings(as_of: NaiveDate, cal: Option<Arc<WorkCalendar>>) -> Result<Vec<Finding>> =
        Ok(r.inner().findings(as_of, &calendar(cal))?.into_vec());
}}
