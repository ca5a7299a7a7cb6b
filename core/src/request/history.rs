//! The event history of a request, replayed against a working-day calendar.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{
    Applicant, CannotProvideReason, Channel, ClockState, ConsultParty, EventKind, OtherReason,
    Outcome, RequestState, rules,
};
use crate::calendar::WorkCalendar;
use crate::error::{Error, Result};
use crate::finding::{Finding, Findings};

/// Working days to answer a request (art. 33 ¶2).
const ANSWER_WORKDAYS: i64 = 20;
/// Most working days all extensions may add (art. 33 ¶2).
const MAX_EXTENSION: i64 = 20;
/// Working days after receipt within which a correction may be requested (art. 30).
const CORRECTION_WORKDAYS: i64 = 7;
/// Working days a consulted party has to reply (arts. 32, 34).
const CONSULTATION_WORKDAYS: i64 = 15;

/// One recorded event of a request's history.
///
/// Serialised with its kind under `event`: `{"event": "extended", "on": "2024-03-05",
/// "workdays": 10}`; an outcome as `group/reason` (`"refused/state_secret"`).
///
/// ```
/// use sunlit::request::{EventKind, RequestEvent};
/// use chrono::NaiveDate;
/// let e = RequestEvent::Extended { on: NaiveDate::from_ymd_opt(2024, 3, 5).unwrap(), workdays: 10 };
/// assert_eq!(e.kind(), EventKind::Extended);
/// let json = serde_json::to_string(&e).unwrap();
/// assert_eq!(json, r#"{"event":"extended","on":"2024-03-05","workdays":10}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum RequestEvent {
    /// 告知补正 — the applicant is asked, once, to correct the request (art. 30).
    CorrectionRequested {
        /// Day of the notice.
        on: NaiveDate,
    },
    /// 收到补正后的申请 — the corrected application arrives; the period restarts (art. 30).
    CorrectionReceived {
        /// Day of receipt.
        on: NaiveDate,
    },
    /// 征求意见 — consultation of a third party (art. 32) or another organ (art. 34) starts; the
    /// period pauses (art. 33 ¶3).
    ConsultationStarted {
        /// Day the consultation letter is sent.
        on: NaiveDate,
        /// Whom.
        party: ConsultParty,
    },
    /// 征求意见结束 — the consultation ends (reply received, or the organ decides after the reply
    /// period); the period runs again from the next day.
    ConsultationEnded {
        /// Day it ends.
        on: NaiveDate,
    },
    /// 延长答复期限 — extension approved and notified (art. 33 ¶2).
    Extended {
        /// Day of approval.
        on: NaiveDate,
        /// Working days added (all extensions together at most 20).
        workdays: u32,
    },
    /// 收费通知 — fee notice (国办函〔2020〕109号).
    FeeNotice {
        /// Day of the notice.
        on: NaiveDate,
        /// Amount in 元.
        amount: Decimal,
    },
    /// 缴纳费用 — the applicant paid.
    FeePaid {
        /// Day of payment.
        on: NaiveDate,
    },
    /// 答复 — the answer, with its outcome.
    Answered {
        /// Day of the answer.
        on: NaiveDate,
        /// The outcome (a row of the 2021 template).
        outcome: Outcome,
    },
    /// 撤回申请 — withdrawn by the applicant.
    Withdrawn {
        /// Day of withdrawal.
        on: NaiveDate,
    },
    /// 结转下年度继续办理 — still open at the end of the year, carried into the next; recorded on
    /// 31 December.
    CarriedOver {
        /// 31 December of the year it leaves.
        on: NaiveDate,
    },
}

impl RequestEvent {
    /// The event's kind.
    ///
    /// ```
    /// use sunlit::request::{EventKind, RequestEvent};
    /// let e = RequestEvent::Withdrawn { on: chrono::NaiveDate::from_ymd_opt(2024, 3, 5).unwrap() };
    /// assert_eq!(e.kind(), EventKind::Withdrawn);
    /// ```
    pub fn kind(&self) -> EventKind {
        match self {
            RequestEvent::CorrectionRequested { .. } => EventKind::CorrectionRequested,
            RequestEvent::CorrectionReceived { .. } => EventKind::CorrectionReceived,
            RequestEvent::ConsultationStarted { .. } => EventKind::ConsultationStarted,
            RequestEvent::ConsultationEnded { .. } => EventKind::ConsultationEnded,
            RequestEvent::Extended { .. } => EventKind::Extended,
            RequestEvent::FeeNotice { .. } => EventKind::FeeNotice,
            RequestEvent::FeePaid { .. } => EventKind::FeePaid,
            RequestEvent::Answered { .. } => EventKind::Answered,
            RequestEvent::Withdrawn { .. } => EventKind::Withdrawn,
            RequestEvent::CarriedOver { .. } => EventKind::CarriedOver,
        }
    }

    /// The event's date.
    ///
    /// ```
    /// use sunlit::request::RequestEvent;
    /// let on = chrono::NaiveDate::from_ymd_opt(2024, 3, 5).unwrap();
    /// assert_eq!(RequestEvent::FeePaid { on }.date(), on);
    /// ```
    pub fn date(&self) -> NaiveDate {
        match self {
            RequestEvent::CorrectionRequested { on }
            | RequestEvent::CorrectionReceived { on }
            | RequestEvent::ConsultationStarted { on, .. }
            | RequestEvent::ConsultationEnded { on }
            | RequestEvent::Extended { on, .. }
            | RequestEvent::FeeNotice { on, .. }
            | RequestEvent::FeePaid { on }
            | RequestEvent::Answered { on, .. }
            | RequestEvent::Withdrawn { on }
            | RequestEvent::CarriedOver { on } => *on,
        }
    }
}

/// A request for disclosure (政府信息公开申请) and its history.
///
/// ```
/// use sunlit::{
///     DisclosureRequest, WorkCalendar,
///     request::{Applicant, Channel, Outcome, RequestState},
/// };
/// use chrono::NaiveDate;
/// let cal = WorkCalendar::china();
/// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let mut req = DisclosureRequest::new(d(2024, 9, 20), Channel::Online, Applicant::NaturalPerson);
/// assert_eq!(req.due_date(&cal)?, Some(d(2024, 10, 23))); // 20 working days, across National Day
/// req.answer(d(2024, 10, 25), Outcome::Granted, &cal)?;
/// let s = req.status(d(2024, 11, 1), &cal)?;
/// assert_eq!((s.state, s.overdue_by), (RequestState::AnsweredLate, 2));
/// // An impossible history is an error naming the event:
/// assert!(req.withdraw(d(2024, 11, 2), &cal).is_err());
/// # Ok::<(), sunlit::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DisclosureRequest {
    received: NaiveDate,
    channel: Channel,
    applicant: Applicant,
    submitted: Option<NaiveDate>,
    reference: String,
    description: String,
    events: Vec<RequestEvent>,
}

/// Where a request stands on a day ([`DisclosureRequest::status`]).
///
/// ```
/// use sunlit::{
///     DisclosureRequest, WorkCalendar,
///     request::{Applicant, Channel, ClockState, RequestState},
/// };
/// use chrono::NaiveDate;
/// let cal = WorkCalendar::china();
/// let req = DisclosureRequest::new(NaiveDate::from_ymd_opt(2024, 3, 1).unwrap(), Channel::InPerson, Applicant::NaturalPerson);
/// let s = req.status(NaiveDate::from_ymd_opt(2024, 3, 4).unwrap(), &cal)?;
/// assert_eq!((s.state, s.clock, s.remaining), (RequestState::Open, ClockState::Running, 19));
/// # Ok::<(), sunlit::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct RequestStatus {
    /// Open, answered on time, answered late, overdue or withdrawn.
    pub state: RequestState,
    /// Running, waiting for a correction, paused for a consultation, or stopped.
    pub clock: ClockState,
    /// The answer due date in force (at the answer or withdrawal for a closed request); `None`
    /// while the clock stands still (waiting for a correction, consulting).
    pub due: Option<NaiveDate>,
    /// Working days past `due`: how late the answer was, or how long it is overdue. An answer on
    /// a non-working day right after `due` is late by 0 working days (still `answered_late`).
    pub overdue_by: i64,
    /// Working days left until `due` for an open request with a running clock, else 0.
    pub remaining: i64,
    /// The day the request was answered or withdrawn.
    pub closed: Option<NaiveDate>,
    /// The outcome of an answered request.
    pub outcome: Option<Outcome>,
}

/// One line of a request's timeline ([`DisclosureRequest::timeline`]): a recorded event or a
/// computed milestone.
///
/// ```
/// use sunlit::{DisclosureRequest, WorkCalendar, request::{Applicant, Channel, EventKind}};
/// use chrono::NaiveDate;
/// let req = DisclosureRequest::new(NaiveDate::from_ymd_opt(2024, 3, 1).unwrap(), Channel::Fax, Applicant::ResearchInstitution);
/// let t = req.timeline(&WorkCalendar::china())?;
/// assert_eq!(t[0].kind, EventKind::Received);
/// assert_eq!(t.last().unwrap().kind, EventKind::AnswerDue);
/// # Ok::<(), sunlit::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct TimelineEntry {
    /// The day.
    pub date: NaiveDate,
    /// What happens.
    pub kind: EventKind,
    /// True for a recorded event, false for a computed milestone.
    pub recorded: bool,
    /// The answer due date in force after this entry (`None` while the clock stands still).
    pub due: Option<NaiveDate>,
    /// A one-line explanation in English.
    pub note: String,
    /// The articles that apply.
    pub articles: Vec<String>,
}

/// The answer clock while replaying.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Running,
    AwaitingCorrection {
        requested: NaiveDate,
    },
    Consulting {
        since: NaiveDate,
        party: ConsultParty,
    },
    Answered {
        on: NaiveDate,
        outcome: Outcome,
    },
    Withdrawn {
        on: NaiveDate,
    },
}

/// The state of a history after replaying its events.
struct Replay<'a> {
    cal: &'a WorkCalendar,
    received: NaiveDate,
    phase: Phase,
    /// Start of the current running segment of the answer period.
    start: NaiveDate,
    /// Working days of the period used before `start`.
    used: i64,
    /// 20 + extensions.
    allowed: i64,
    extended: i64,
    correction: Option<(NaiveDate, Option<NaiveDate>)>,
    fee: Option<(NaiveDate, Option<NaiveDate>)>,
    /// The first event that started processing (consultation, extension, fee notice).
    processing: Option<(EventKind, NaiveDate)>,
    /// The previous event and its date, for the order check.
    last: (EventKind, NaiveDate),
    /// The earliest date of the next event.
    not_before: NaiveDate,
    carried: Vec<i32>,
    /// The due date in force when the request was closed.
    due_at_close: Option<NaiveDate>,
    /// Whether to build the timeline (notes, milestones, due date after each event); validation
    /// does not need it.
    track: bool,
    timeline: Vec<TimelineEntry>,
}

fn history(kind: EventKind, on: NaiveDate, reason: impl Into<String>) -> Error {
    Error::History {
        event: kind,
        date: on,
        reason: reason.into(),
    }
}

/// Complete a two-step pair (correction asked → corrected application received, fee notice →
/// payment): the first step must have happened and the second not yet.
fn complete(
    pair: &mut Option<(NaiveDate, Option<NaiveDate>)>,
    kind: EventKind,
    on: NaiveDate,
    missing: &str,
    already: &str,
) -> Result<()> {
    match pair {
        None => Err(history(kind, on, missing)),
        Some((_, Some(day))) => Err(history(kind, on, format!("{already} on {day}"))),
        Some((_, second)) => {
            *second = Some(on);
            Ok(())
        }
    }
}

/// `Ok` when `on` lies in [`SUPPORTED_YEARS`](crate::calendar::SUPPORTED_YEARS), else the history error
/// naming the event and the date.
fn supported(kind: EventKind, on: NaiveDate) -> Result<()> {
    crate::calendar::check_date("date", on).map_err(|e| match e {
        Error::Field { reason, .. } => history(kind, on, reason),
        other => other,
    })
}

/// What an applied event adds to its timeline entry: the note (empty when the timeline is not
/// built) and the articles that apply.
type Applied = (String, Vec<&'static str>);

/// The note of a timeline entry, formatted only when the timeline is built (`$track`).
macro_rules! describe {
    ($track:expr, $($arg:tt)*) => {
        if $track { format!($($arg)*) } else { String::new() }
    };
}

impl<'a> Replay<'a> {
    fn new(req: &DisclosureRequest, cal: &'a WorkCalendar, track: bool) -> Result<Replay<'a>> {
        supported(EventKind::Received, req.received)?;
        if let Some(submitted) = req.submitted {
            supported(EventKind::Received, submitted)?;
        }
        let mut r = Replay {
            cal,
            received: req.received,
            phase: Phase::Running,
            start: req.received,
            used: 0,
            allowed: ANSWER_WORKDAYS,
            extended: 0,
            correction: None,
            fee: None,
            processing: None,
            last: (EventKind::Received, req.received),
            not_before: req.received,
            carried: Vec::new(),
            due_at_close: None,
            track,
            timeline: Vec::new(),
        };
        if track {
            let due = r.due()?;
            r.note(
                req.received,
                EventKind::Received,
                true,
                due,
                format!(
                    "received by {}: {} counts as receipt; answer within 20 working days",
                    req.channel.id(),
                    req.channel.receipt_rule()
                ),
                &[req.channel.receipt_article(), "art. 33"],
            );
            let limit = cal.add_workdays(req.received, CORRECTION_WORKDAYS)?;
            r.note(
                limit,
                EventKind::CorrectionDeadline,
                false,
                None,
                "last day to ask for a correction (7 working days after receipt)".to_owned(),
                &["art. 30"],
            );
        }
        Ok(r)
    }

    fn note(
        &mut self,
        date: NaiveDate,
        kind: EventKind,
        recorded: bool,
        due: Option<NaiveDate>,
        note: String,
        articles: &[&str],
    ) {
        if !self.track {
            return;
        }
        self.timeline.push(TimelineEntry {
            date,
            kind,
            recorded,
            due,
            note,
            articles: articles.iter().map(|a| (*a).to_owned()).collect(),
        });
    }

    /// The due date while the clock runs.
    fn due(&self) -> Result<Option<NaiveDate>> {
        match self.phase {
            Phase::Running => Ok(Some(
                self.cal
                    .add_workdays(self.start, self.allowed - self.used)?,
            )),
            _ => Ok(None),
        }
    }

    /// The error for an event on a closed request, if it is closed.
    fn closed(&self, kind: EventKind, on: NaiveDate) -> Result<()> {
        match self.phase {
            Phase::Answered { on: day, .. } => Err(history(
                kind,
                on,
                format!("the request was already answered on {day}"),
            )),
            Phase::Withdrawn { on: day } => Err(history(
                kind,
                on,
                format!("the request was already withdrawn on {day}"),
            )),
            _ => Ok(()),
        }
    }

    fn awaiting(&self, kind: EventKind, on: NaiveDate) -> Result<()> {
        match self.phase {
            Phase::AwaitingCorrection { requested } => Err(history(
                kind,
                on,
                format!(
                    "waiting for the corrected application asked for on {requested}: the answer \
                     period has not started again (art. 30)"
                ),
            )),
            _ => Ok(()),
        }
    }

    fn apply(&mut self, event: &RequestEvent) -> Result<()> {
        let kind = event.kind();
        let on = event.date();
        supported(kind, on)?;
        self.in_order(kind, on)?;
        self.closed(kind, on)?;
        let (note, articles) = match *event {
            RequestEvent::CorrectionRequested { on } => self.correction_requested(on)?,
            RequestEvent::CorrectionReceived { on } => self.correction_received(on)?,
            RequestEvent::ConsultationStarted { on, party } => {
                self.consultation_started(on, party)?
            }
            RequestEvent::ConsultationEnded { on } => self.consultation_ended(on)?,
            RequestEvent::Extended { on, workdays } => self.extended(on, workdays)?,
            RequestEvent::FeeNotice { on, amount } => self.fee_notice(on, amount)?,
            RequestEvent::FeePaid { on } => self.fee_paid(on)?,
            RequestEvent::Answered { on, outcome } => self.answered(on, outcome)?,
            RequestEvent::Withdrawn { on } => self.withdrawn(on)?,
            RequestEvent::CarriedOver { on } => self.carried_over(on)?,
        };
        self.last = (kind, on);
        self.not_before = match kind {
            EventKind::CarriedOver => on.succ_opt().unwrap_or(on),
            _ => on,
        };
        if self.track {
            let due = match self.phase {
                Phase::Answered { .. } | Phase::Withdrawn { .. } => self.due_at_close,
                _ => self.due()?,
            };
            self.note(on, kind, true, due, note, &articles);
        }
        Ok(())
    }

    /// The error for an event dated before the previous one (or before receipt, or inside a
    /// year the request was carried out of).
    fn in_order(&self, kind: EventKind, on: NaiveDate) -> Result<()> {
        if on >= self.not_before {
            return Ok(());
        }
        let (prev, day) = self.last;
        let reason = match (prev, kind) {
            (EventKind::Received, _) => {
                format!("before the request was received on {day}")
            }
            (EventKind::CarriedOver, _) => format!(
                "the request was carried over into {}; later events fall in that year",
                day.year() + 1
            ),
            _ => format!("events out of order: after {} on {day}", prev.id()),
        };
        Err(history(kind, on, reason))
    }

    /// 告知补正 ([`RequestEvent::CorrectionRequested`]).
    fn correction_requested(&mut self, on: NaiveDate) -> Result<Applied> {
        let kind = EventKind::CorrectionRequested;
        if let Some((first, _)) = self.correction {
            return Err(history(
                kind,
                on,
                format!(
                    "the applicant is notified of corrections once (art. 30); a \
                     correction was already asked for on {first}"
                ),
            ));
        }
        if let Some((k, day)) = self.processing {
            return Err(history(
                kind,
                on,
                format!(
                    "a correction must be asked for before processing starts ({} on \
                     {day}): the corrected application restarts the period (art. 30)",
                    k.id()
                ),
            ));
        }
        let received = self.received;
        let limit = self.cal.add_workdays(received, CORRECTION_WORKDAYS)?;
        if on > limit {
            return Err(history(
                kind,
                on,
                format!(
                    "a correction must be asked for within 7 working days of receipt \
                     ({received}), by {limit} (art. 30)"
                ),
            ));
        }
        self.correction = Some((on, None));
        self.phase = Phase::AwaitingCorrection { requested: on };
        let note = describe!(
            self.track,
            "correction asked for (once): the clock stops until the corrected \
                application arrives"
        );
        Ok((note, vec!["art. 30"]))
    }

    /// 收到补正后的申请 ([`RequestEvent::CorrectionReceived`]).
    fn correction_received(&mut self, on: NaiveDate) -> Result<Applied> {
        complete(
            &mut self.correction,
            EventKind::CorrectionReceived,
            on,
            "no correction was asked for",
            "the corrected application was already received",
        )?;
        self.phase = Phase::Running;
        self.start = on;
        self.used = 0;
        self.allowed = ANSWER_WORKDAYS + self.extended;
        let note = describe!(
            self.track,
            "corrected application received: the 20 working days start again"
        );
        Ok((note, vec!["art. 30", "art. 33"]))
    }

    /// 征求意见 ([`RequestEvent::ConsultationStarted`]).
    fn consultation_started(&mut self, on: NaiveDate, party: ConsultParty) -> Result<Applied> {
        let kind = EventKind::ConsultationStarted;
        self.awaiting(kind, on)?;
        if let Phase::Consulting { since, .. } = self.phase {
            return Err(history(
                kind,
                on,
                format!("a consultation is already open since {since}"),
            ));
        }
        if let Some(due) = self.due()?.filter(|due| on > *due) {
            return Err(history(
                kind,
                on,
                format!(
                    "the answer period ended on {due}; consultation time is left out \
                     only while the period runs (art. 33)"
                ),
            ));
        }
        // The consultation occupies [on, end]: the days from the start of the running
        // segment up to the day before `on` are used.
        let mut used = self.cal.workdays_between(self.start, on)?;
        if on > self.start && self.cal.is_workday(on)? {
            used -= 1;
        }
        self.used += used;
        self.phase = Phase::Consulting { since: on, party };
        self.processing.get_or_insert((kind, on));
        let article = match party {
            ConsultParty::ThirdParty => "art. 32",
            ConsultParty::OtherOrgan => "art. 34",
        };
        if self.track {
            let reply = self.cal.add_workdays(on, CONSULTATION_WORKDAYS)?;
            self.note(
                reply,
                EventKind::ConsultationReplyDue,
                false,
                None,
                format!("the {} has 15 working days to reply", party.id()),
                &[article],
            );
        }
        let note = describe!(
            self.track,
            "{} consulted: the clock pauses ({} working days used so far)",
            party.id(),
            self.used
        );
        Ok((note, vec![article, "art. 33"]))
    }

    /// 征求意见结束 ([`RequestEvent::ConsultationEnded`]).
    fn consultation_ended(&mut self, on: NaiveDate) -> Result<Applied> {
        let Phase::Consulting { since, .. } = self.phase else {
            return Err(history(
                EventKind::ConsultationEnded,
                on,
                "no consultation is open",
            ));
        };
        self.phase = Phase::Running;
        self.start = on;
        let note = describe!(
            self.track,
            "consultation since {since} ended: the clock runs again"
        );
        Ok((note, vec!["art. 33"]))
    }

    /// 延长答复期限 ([`RequestEvent::Extended`]).
    fn extended(&mut self, on: NaiveDate, workdays: u32) -> Result<Applied> {
        let kind = EventKind::Extended;
        self.awaiting(kind, on)?;
        let n = i64::from(workdays);
        if n == 0 {
            return Err(history(
                kind,
                on,
                "an extension adds at least 1 working day",
            ));
        }
        if self.extended + n > MAX_EXTENSION {
            return Err(history(
                kind,
                on,
                format!(
                    "extensions total at most 20 working days (art. 33); {} already \
                     granted, {n} more asked",
                    self.extended
                ),
            ));
        }
        if let Some(due) = self.due()?.filter(|due| on > *due) {
            return Err(history(
                kind,
                on,
                format!(
                    "an extension is approved within the answer period, which ended on \
                     {due} (art. 33)"
                ),
            ));
        }
        self.allowed += n;
        self.extended += n;
        self.processing.get_or_insert((kind, on));
        let note = describe!(self.track, "extended by {n} working days");
        Ok((note, vec!["art. 33"]))
    }

    /// 收费通知 ([`RequestEvent::FeeNotice`]).
    fn fee_notice(&mut self, on: NaiveDate, amount: Decimal) -> Result<Applied> {
        let kind = EventKind::FeeNotice;
        self.awaiting(kind, on)?;
        if let Some((day, _)) = self.fee {
            return Err(history(
                kind,
                on,
                format!("a fee notice was already sent on {day}"),
            ));
        }
        if amount <= Decimal::ZERO {
            return Err(history(
                kind,
                on,
                format!("a fee notice needs a positive amount in 元, not {amount}"),
            ));
        }
        self.fee = Some((on, None));
        self.processing.get_or_insert((kind, on));
        let note = describe!(
            self.track,
            "fee notice: {amount} 元 (effect on the period not encoded)"
        );
        Ok((note, vec!["art. 42", "国办函〔2020〕109号"]))
    }

    /// 缴纳费用 ([`RequestEvent::FeePaid`]).
    fn fee_paid(&mut self, on: NaiveDate) -> Result<Applied> {
        complete(
            &mut self.fee,
            EventKind::FeePaid,
            on,
            "no fee notice was sent",
            "the fee was already paid",
        )?;
        let note = describe!(self.track, "fee paid");
        Ok((note, vec!["国办函〔2020〕109号"]))
    }

    /// 答复 ([`RequestEvent::Answered`]).
    fn answered(&mut self, on: NaiveDate, outcome: Outcome) -> Result<Applied> {
        self.answerable(on, outcome)?;
        self.due_at_close = self.due()?;
        self.phase = Phase::Answered { on, outcome };
        let note = describe!(self.track, "answered: {} ({outcome})", outcome.label_zh());
        Ok((note, outcome.articles()))
    }

    /// The error for an answer with `outcome` on `on` that the history does not allow.
    fn answerable(&self, on: NaiveDate, outcome: Outcome) -> Result<()> {
        let kind = EventKind::Answered;
        match (self.phase, outcome) {
            (Phase::Consulting { since, .. }, _) => {
                return Err(history(
                    kind,
                    on,
                    format!(
                        "a consultation is still open since {since}: end it first \
                         (arts. 32–34)"
                    ),
                ));
            }
            (
                Phase::AwaitingCorrection { .. },
                Outcome::Other {
                    reason: OtherReason::NoCorrection | OtherReason::Other,
                },
            ) => {}
            (Phase::AwaitingCorrection { requested }, _) => {
                return Err(history(
                    kind,
                    on,
                    format!(
                        "waiting for the corrected application asked for on {requested} \
                         (art. 30): only other/no_correction or other/other can close \
                         the request now, not {outcome}"
                    ),
                ));
            }
            (
                _,
                Outcome::Other {
                    reason: OtherReason::NoCorrection,
                },
            ) => {
                return Err(history(
                    kind,
                    on,
                    "other/no_correction needs a correction asked for and not received \
                     (art. 30)",
                ));
            }
            _ => {}
        }
        if outcome
            == (Outcome::CannotProvide {
                reason: CannotProvideReason::StillUnclear,
            })
            && !matches!(self.correction, Some((_, Some(_))))
        {
            return Err(history(
                kind,
                on,
                "cannot_provide/still_unclear needs a corrected application (art. 30)",
            ));
        }
        if outcome
            == (Outcome::Other {
                reason: OtherReason::NoFee,
            })
            && !matches!(self.fee, Some((_, None)))
        {
            return Err(history(
                kind,
                on,
                "other/no_fee needs a fee notice that was not paid",
            ));
        }
        Ok(())
    }

    /// 撤回申请 ([`RequestEvent::Withdrawn`]).
    fn withdrawn(&mut self, on: NaiveDate) -> Result<Applied> {
        self.due_at_close = self.due()?;
        self.phase = Phase::Withdrawn { on };
        let note = describe!(self.track, "withdrawn by the applicant");
        Ok((note, Vec::new()))
    }

    /// 结转下年度继续办理 ([`RequestEvent::CarriedOver`]).
    fn carried_over(&mut self, on: NaiveDate) -> Result<Applied> {
        let kind = EventKind::CarriedOver;
        if (on.month(), on.day()) != (12, 31) {
            return Err(history(
                kind,
                on,
                "a carry-over is recorded on 31 December of the year it leaves",
            ));
        }
        if self.carried.contains(&on.year()) {
            return Err(history(
                kind,
                on,
                format!("already carried over from {}", on.year()),
            ));
        }
        self.carried.push(on.year());
        let note = describe!(
            self.track,
            "still open: carried over into {}",
            on.year() + 1
        );
        Ok((note, Vec::new()))
    }
}

impl DisclosureRequest {
    /// A request received on `received` (the receipt date of art. 31 for its channel), with no
    /// events yet.
    ///
    /// ```
    /// use sunlit::{DisclosureRequest, request::{Applicant, Channel}};
    /// let req = DisclosureRequest::new(chrono::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap(),
    ///     Channel::parse("网上申请")?, Applicant::parse("自然人")?);
    /// assert_eq!(req.channel(), Channel::Online);
    /// assert!(req.events().is_empty());
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn new(received: NaiveDate, channel: Channel, applicant: Applicant) -> DisclosureRequest {
        DisclosureRequest {
            received,
            channel,
            applicant,
            submitted: None,
            reference: String::new(),
            description: String::new(),
            events: Vec::new(),
        }
    }

    /// Record the day the applicant submitted the request, checked against the receipt rule of
    /// art. 31: in person (and orally, art. 29) the receipt day is the submission day; by post,
    /// online or by fax it cannot come before it.
    ///
    /// ```
    /// use sunlit::{DisclosureRequest, Error, request::{Applicant, Channel}};
    /// use chrono::NaiveDate;
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let online = DisclosureRequest::new(d(2024, 3, 4), Channel::Online, Applicant::NaturalPerson)
    ///     .with_submitted(d(2024, 3, 2))?; // confirmed by both sides on 03-04
    /// assert_eq!(online.submitted(), Some(d(2024, 3, 2)));
    /// let in_person = DisclosureRequest::new(d(2024, 3, 4), Channel::InPerson, Applicant::NaturalPerson)
    ///     .with_submitted(d(2024, 3, 2));
    /// assert!(matches!(in_person, Err(Error::History { event, .. }) if event.id() == "received"));
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn with_submitted(mut self, submitted: NaiveDate) -> Result<DisclosureRequest> {
        if self.received < submitted {
            return Err(history(
                EventKind::Received,
                self.received,
                format!("received before it was submitted on {submitted}"),
            ));
        }
        if self.channel.same_day() && self.received != submitted {
            return Err(history(
                EventKind::Received,
                self.received,
                format!(
                    "a request made {} is received the day it is made ({}), here {submitted}",
                    if self.channel == Channel::Oral {
                        "orally"
                    } else {
                        "in person"
                    },
                    self.channel.receipt_article()
                ),
            ));
        }
        self.submitted = Some(submitted);
        Ok(self)
    }

    /// Attach a reference (申请编号), used as the `code` of findings.
    ///
    /// ```
    /// use sunlit::{DisclosureRequest, request::{Applicant, Channel}};
    /// let req = DisclosureRequest::new(chrono::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap(),
    ///     Channel::Fax, Applicant::NaturalPerson).with_reference("2024-001");
    /// assert_eq!(req.reference(), "2024-001");
    /// ```
    #[must_use]
    pub fn with_reference(mut self, reference: impl Into<String>) -> DisclosureRequest {
        self.reference = reference.into();
        self
    }

    /// Attach the description of the information asked for (art. 29(2)).
    ///
    /// ```
    /// use sunlit::{DisclosureRequest, request::{Applicant, Channel}};
    /// let req = DisclosureRequest::new(chrono::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap(),
    ///     Channel::Fax, Applicant::NaturalPerson).with_description("2023年某项目批复文件");
    /// assert!(req.description().contains("批复"));
    /// ```
    #[must_use]
    pub fn with_description(mut self, description: impl Into<String>) -> DisclosureRequest {
        self.description = description.into();
        self
    }

    /// The receipt date (art. 31).
    ///
    /// ```
    /// use sunlit::{DisclosureRequest, request::{Applicant, Channel}};
    /// let d = chrono::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap();
    /// assert_eq!(DisclosureRequest::new(d, Channel::Fax, Applicant::NaturalPerson).received(), d);
    /// ```
    pub fn received(&self) -> NaiveDate {
        self.received
    }

    /// The channel.
    ///
    /// ```
    /// use sunlit::{DisclosureRequest, request::{Applicant, Channel}};
    /// let d = chrono::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap();
    /// assert_eq!(DisclosureRequest::new(d, Channel::Fax, Applicant::NaturalPerson).channel(), Channel::Fax);
    /// ```
    pub fn channel(&self) -> Channel {
        self.channel
    }

    /// The applicant type.
    ///
    /// ```
    /// use sunlit::{DisclosureRequest, request::{Applicant, Channel}};
    /// let d = chrono::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap();
    /// let req = DisclosureRequest::new(d, Channel::Fax, Applicant::LegalServiceInstitution);
    /// assert_eq!(req.applicant(), Applicant::LegalServiceInstitution);
    /// ```
    pub fn applicant(&self) -> Applicant {
        self.applicant
    }

    /// The submission date, if recorded.
    ///
    /// ```
    /// use sunlit::{DisclosureRequest, request::{Applicant, Channel}};
    /// let d = chrono::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap();
    /// assert_eq!(DisclosureRequest::new(d, Channel::Fax, Applicant::NaturalPerson).submitted(), None);
    /// ```
    pub fn submitted(&self) -> Option<NaiveDate> {
        self.submitted
    }

    /// The reference (empty when none).
    ///
    /// ```
    /// use sunlit::{DisclosureRequest, request::{Applicant, Channel}};
    /// let d = chrono::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap();
    /// assert_eq!(DisclosureRequest::new(d, Channel::Fax, Applicant::NaturalPerson).reference(), "");
    /// ```
    pub fn reference(&self) -> &str {
        &self.reference
    }

    /// The description (empty when none).
    ///
    /// ```
    /// use sunlit::{DisclosureRequest, request::{Applicant, Channel}};
    /// let d = chrono::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap();
    /// assert_eq!(DisclosureRequest::new(d, Channel::Fax, Applicant::NaturalPerson).description(), "");
    /// ```
    pub fn description(&self) -> &str {
        &self.description
    }

    /// The recorded events, in order.
    ///
    /// ```
    /// use sunlit::{DisclosureRequest, WorkCalendar, request::{Applicant, Channel}};
    /// let d = |day| chrono::NaiveDate::from_ymd_opt(2024, 3, day).unwrap();
    /// let mut req = DisclosureRequest::new(d(1), Channel::Fax, Applicant::NaturalPerson);
    /// req.request_correction(d(4), &WorkCalendar::china())?;
    /// assert_eq!(req.events().len(), 1);
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn events(&self) -> &[RequestEvent] {
        &self.events
    }

    /// Replay the history (events up to `until`, all when `None`).
    fn replay<'a>(
        &self,
        events: &[RequestEvent],
        cal: &'a WorkCalendar,
        until: Option<NaiveDate>,
        track: bool,
    ) -> Result<Replay<'a>> {
        let mut r = Replay::new(self, cal, track)?;
        for e in events {
            if until.is_some_and(|u| e.date() > u) {
                break;
            }
            r.apply(e)?;
        }
        Ok(r)
    }

    /// Record an event after checking it against the history so far; an event that would make
    /// the history impossible is [`Error::History`] naming it, and nothing is recorded.
    ///
    /// ```
    /// use sunlit::{
    ///     DisclosureRequest, Error, WorkCalendar,
    ///     request::{Applicant, Channel, RequestEvent},
    /// };
    /// let d = |day| chrono::NaiveDate::from_ymd_opt(2024, 3, day).unwrap();
    /// let cal = WorkCalendar::china();
    /// let mut req = DisclosureRequest::new(d(4), Channel::Online, Applicant::NaturalPerson);
    /// req.push(RequestEvent::Extended { on: d(20), workdays: 15 }, &cal)?;
    /// let err = req.push(RequestEvent::Extended { on: d(21), workdays: 6 }, &cal).unwrap_err();
    /// assert!(matches!(err, Error::History { event, .. } if event.id() == "extended"));
    /// assert_eq!(req.events().len(), 1);
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn push(&mut self, event: RequestEvent, cal: &WorkCalendar) -> Result<()> {
        let mut events = self.events.clone();
        events.push(event);
        self.replay(&events, cal, None, false)?;
        self.events = events;
        Ok(())
    }

    /// Ask the applicant, once, to correct the request — within 7 working days of receipt
    /// (art. 30). The clock stops until the corrected application arrives.
    ///
    /// ```
    /// use sunlit::{DisclosureRequest, WorkCalendar, request::{Applicant, Channel}};
    /// let d = |day| chrono::NaiveDate::from_ymd_opt(2024, 3, day).unwrap();
    /// let cal = WorkCalendar::china();
    /// let mut req = DisclosureRequest::new(d(1), Channel::Online, Applicant::NaturalPerson);
    /// assert!(req.request_correction(d(13), &cal).is_err()); // the 7th working day is 03-12
    /// req.request_correction(d(12), &cal)?;
    /// assert!(req.request_correction(d(12), &cal).is_err()); // only once
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn request_correction(&mut self, on: NaiveDate, cal: &WorkCalendar) -> Result<()> {
        self.push(RequestEvent::CorrectionRequested { on }, cal)
    }

    /// The corrected application arrives: the 20 working days start again from `on` (art. 30).
    ///
    /// ```
    /// use sunlit::{DisclosureRequest, WorkCalendar, request::{Applicant, Channel}};
    /// let d = |day| chrono::NaiveDate::from_ymd_opt(2024, 4, day).unwrap();
    /// let cal = WorkCalendar::china();
    /// let mut req = DisclosureRequest::new(d(1), Channel::Online, Applicant::NaturalPerson);
    /// assert!(req.receive_correction(d(3), &cal).is_err()); // none was asked for
    /// req.request_correction(d(2), &cal)?;
    /// req.receive_correction(d(10), &cal)?;
    /// assert_eq!(req.due_date(&cal)?, Some(chrono::NaiveDate::from_ymd_opt(2024, 5, 10).unwrap()));
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn receive_correction(&mut self, on: NaiveDate, cal: &WorkCalendar) -> Result<()> {
        self.push(RequestEvent::CorrectionReceived { on }, cal)
    }

    /// Start consulting a third party (art. 32) or another organ (art. 34): the clock pauses
    /// (art. 33 ¶3) from this day to the day the consultation ends, both included. Must happen
    /// while the period runs (on or before the due date).
    ///
    /// ```
    /// use sunlit::{DisclosureRequest, WorkCalendar, request::{Applicant, Channel, ConsultParty}};
    /// let d = |day| chrono::NaiveDate::from_ymd_opt(2024, 3, day).unwrap();
    /// let cal = WorkCalendar::china();
    /// let mut req = DisclosureRequest::new(d(1), Channel::Online, Applicant::NaturalPerson);
    /// req.start_consultation(d(8), ConsultParty::ThirdParty, &cal)?;
    /// assert_eq!(req.due_date(&cal)?, None); // paused
    /// assert!(req.start_consultation(d(9), ConsultParty::OtherOrgan, &cal).is_err()); // one at a time
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn start_consultation(
        &mut self,
        on: NaiveDate,
        party: ConsultParty,
        cal: &WorkCalendar,
    ) -> Result<()> {
        self.push(RequestEvent::ConsultationStarted { on, party }, cal)
    }

    /// End the open consultation: the clock runs again.
    ///
    /// ```
    /// use sunlit::{DisclosureRequest, WorkCalendar, request::{Applicant, Channel, ConsultParty}};
    /// let d = |day| chrono::NaiveDate::from_ymd_opt(2024, 3, day).unwrap();
    /// let cal = WorkCalendar::china();
    /// let mut req = DisclosureRequest::new(d(1), Channel::Online, Applicant::NaturalPerson);
    /// assert!(req.end_consultation(d(8), &cal).is_err()); // none open
    /// req.start_consultation(d(8), ConsultParty::ThirdParty, &cal)?; // 03-04…07 used: 4 days
    /// req.end_consultation(d(15), &cal)?; // 03-08…15 not counted
    /// // 16 more working days after 03-15, across 清明 (04-04…06 off, 04-07 worked):
    /// assert_eq!(req.due_date(&cal)?, Some(chrono::NaiveDate::from_ymd_opt(2024, 4, 9).unwrap()));
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn end_consultation(&mut self, on: NaiveDate, cal: &WorkCalendar) -> Result<()> {
        self.push(RequestEvent::ConsultationEnded { on }, cal)
    }

    /// Approve an extension of `workdays` working days (all extensions together at most 20,
    /// approved within the period; art. 33 ¶2).
    ///
    /// ```
    /// use sunlit::{DisclosureRequest, WorkCalendar, request::{Applicant, Channel}};
    /// let d = |day| chrono::NaiveDate::from_ymd_opt(2024, 3, day).unwrap();
    /// let cal = WorkCalendar::china();
    /// let mut req = DisclosureRequest::new(d(1), Channel::Online, Applicant::NaturalPerson);
    /// assert!(req.extend(d(20), 21, &cal).is_err());
    /// req.extend(d(20), 20, &cal)?;
    /// assert_eq!(req.due_date(&cal)?, Some(chrono::NaiveDate::from_ymd_opt(2024, 4, 28).unwrap())); // a Sunday worked
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn extend(&mut self, on: NaiveDate, workdays: u32, cal: &WorkCalendar) -> Result<()> {
        self.push(RequestEvent::Extended { on, workdays }, cal)
    }

    /// Send a fee notice of `amount` 元 (国办函〔2020〕109号; see [`information_fee`](crate::request::information_fee)).
    ///
    /// ```
    /// use sunlit::{Decimal, DisclosureRequest, WorkCalendar, request::{Applicant, Channel}};
    /// let d = |day| chrono::NaiveDate::from_ymd_opt(2024, 3, day).unwrap();
    /// let cal = WorkCalendar::china();
    /// let mut req = DisclosureRequest::new(d(1), Channel::Online, Applicant::NaturalPerson);
    /// assert!(req.fee_notice(d(5), Decimal::ZERO, &cal).is_err());
    /// req.fee_notice(d(5), Decimal::from(300), &cal)?;
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn fee_notice(&mut self, on: NaiveDate, amount: Decimal, cal: &WorkCalendar) -> Result<()> {
        self.push(RequestEvent::FeeNotice { on, amount }, cal)
    }

    /// The applicant pays the fee.
    ///
    /// ```
    /// use sunlit::{Decimal, DisclosureRequest, WorkCalendar, request::{Applicant, Channel}};
    /// let d = |day| chrono::NaiveDate::from_ymd_opt(2024, 3, day).unwrap();
    /// let cal = WorkCalendar::china();
    /// let mut req = DisclosureRequest::new(d(1), Channel::Online, Applicant::NaturalPerson);
    /// assert!(req.pay_fee(d(6), &cal).is_err()); // no notice
    /// req.fee_notice(d(5), Decimal::from(300), &cal)?;
    /// req.pay_fee(d(6), &cal)?;
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn pay_fee(&mut self, on: NaiveDate, cal: &WorkCalendar) -> Result<()> {
        self.push(RequestEvent::FeePaid { on }, cal)
    }

    /// Answer the request with an outcome. Checked: not before receipt or the previous event,
    /// not during a consultation, `other/no_correction` only while waiting for a correction,
    /// `cannot_provide/still_unclear` only after one, `other/no_fee` only with an unpaid fee
    /// notice.
    ///
    /// ```
    /// use sunlit::{DisclosureRequest, WorkCalendar, request::{Applicant, Channel, Outcome}};
    /// let d = |day| chrono::NaiveDate::from_ymd_opt(2024, 3, day).unwrap();
    /// let cal = WorkCalendar::china();
    /// let mut req = DisclosureRequest::new(d(5), Channel::Online, Applicant::NaturalPerson);
    /// assert!(req.answer(d(4), Outcome::Granted, &cal).is_err()); // before receipt
    /// req.answer(d(20), Outcome::parse("refused", Some("process_info"))?, &cal)?;
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn answer(&mut self, on: NaiveDate, outcome: Outcome, cal: &WorkCalendar) -> Result<()> {
        self.push(RequestEvent::Answered { on, outcome }, cal)
    }

    /// The applicant withdraws the request.
    ///
    /// ```
    /// use sunlit::{DisclosureRequest, WorkCalendar, request::{Applicant, Channel, RequestState}};
    /// let d = |day| chrono::NaiveDate::from_ymd_opt(2024, 3, day).unwrap();
    /// let cal = WorkCalendar::china();
    /// let mut req = DisclosureRequest::new(d(5), Channel::Online, Applicant::NaturalPerson);
    /// req.withdraw(d(6), &cal)?;
    /// assert_eq!(req.status(d(7), &cal)?.state, RequestState::Withdrawn);
    /// assert!(req.withdraw(d(8), &cal).is_err());
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn withdraw(&mut self, on: NaiveDate, cal: &WorkCalendar) -> Result<()> {
        self.push(RequestEvent::Withdrawn { on }, cal)
    }

    /// Carry the still-open request over from `year` into the next (结转下年度继续办理), recorded on
    /// 31 December of `year`; later events fall in the next year or after.
    ///
    /// ```
    /// use sunlit::{DisclosureRequest, WorkCalendar, request::{Applicant, Channel, Outcome}};
    /// use chrono::NaiveDate;
    /// let cal = WorkCalendar::china();
    /// let mut req = DisclosureRequest::new(NaiveDate::from_ymd_opt(2024, 12, 20).unwrap(),
    ///     Channel::Online, Applicant::NaturalPerson);
    /// req.carry_over(2024, &cal)?;
    /// assert!(req.answer(NaiveDate::from_ymd_opt(2024, 12, 31).unwrap(), Outcome::Granted, &cal).is_err());
    /// req.answer(NaiveDate::from_ymd_opt(2025, 1, 6).unwrap(), Outcome::Granted, &cal)?;
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn carry_over(&mut self, year: i32, cal: &WorkCalendar) -> Result<()> {
        let on = NaiveDate::from_ymd_opt(year, 12, 31)
            .ok_or_else(|| Error::value("year", &year.to_string(), "not a calendar year"))?;
        self.push(RequestEvent::CarriedOver { on }, cal)
    }

    /// The answer due date: 20 working days after receipt (art. 33), or after receipt of the
    /// corrected application (art. 30), plus extensions, not counting consultation time. `None`
    /// while the clock stands still (waiting for a correction, consulting); for a closed request,
    /// the due date in force when it closed.
    ///
    /// ```
    /// use sunlit::{DisclosureRequest, WorkCalendar, request::{Applicant, Channel}};
    /// use chrono::NaiveDate;
    /// let cal = WorkCalendar::china();
    /// // Across Spring Festival 2024 (02-10…17 off; 02-04 and 02-18 worked).
    /// let req = DisclosureRequest::new(NaiveDate::from_ymd_opt(2024, 1, 26).unwrap(), Channel::InPerson, Applicant::NaturalPerson);
    /// assert_eq!(req.due_date(&cal)?, NaiveDate::from_ymd_opt(2024, 2, 28));
    /// let late = DisclosureRequest::new(NaiveDate::from_ymd_opt(2026, 12, 15).unwrap(), Channel::InPerson, Applicant::NaturalPerson);
    /// assert!(late.due_date(&cal).is_err()); // runs into 2027, not covered
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn due_date(&self, cal: &WorkCalendar) -> Result<Option<NaiveDate>> {
        let r = self.replay(&self.events, cal, None, false)?;
        Ok(match r.phase {
            Phase::Answered { .. } | Phase::Withdrawn { .. } => r.due_at_close,
            _ => r.due()?,
        })
    }

    /// Where the request stands on `as_of`, from the events up to that day: open, answered on
    /// time, answered late, overdue by N working days, or withdrawn. `as_of` before receipt is an
    /// error.
    ///
    /// ```
    /// use sunlit::{DisclosureRequest, WorkCalendar, request::{Applicant, Channel, RequestState}};
    /// use chrono::NaiveDate;
    /// let cal = WorkCalendar::china();
    /// let d = |m, d| NaiveDate::from_ymd_opt(2024, m, d).unwrap();
    /// let req = DisclosureRequest::new(d(3, 1), Channel::InPerson, Applicant::NaturalPerson);
    /// let s = req.status(d(4, 2), &cal)?; // due 03-29
    /// assert_eq!((s.state, s.overdue_by), (RequestState::Overdue, 2));
    /// assert!(req.status(d(2, 1), &cal).is_err());
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn status(&self, as_of: NaiveDate, cal: &WorkCalendar) -> Result<RequestStatus> {
        if as_of < self.received {
            return Err(Error::value(
                "as_of",
                &as_of.to_string(),
                format!("before the request was received on {}", self.received),
            ));
        }
        let r = self.replay(&self.events, cal, Some(as_of), false)?;
        let mut s = RequestStatus {
            state: RequestState::Open,
            clock: ClockState::Stopped,
            due: r.due_at_close,
            overdue_by: 0,
            remaining: 0,
            closed: None,
            outcome: None,
        };
        match r.phase {
            Phase::Answered { on, outcome } => {
                s.closed = Some(on);
                s.outcome = Some(outcome);
                s.state = RequestState::AnsweredOnTime;
                if let Some(due) = s.due.filter(|due| on > *due) {
                    s.state = RequestState::AnsweredLate;
                    s.overdue_by = cal.workdays_between(due, on)?;
                }
            }
            Phase::Withdrawn { on } => {
                s.closed = Some(on);
                s.state = RequestState::Withdrawn;
                if let Some(due) = s.due.filter(|due| on > *due) {
                    s.overdue_by = cal.workdays_between(due, on)?;
                }
            }
            Phase::Running => {
                s.clock = ClockState::Running;
                let due = r.due()?;
                s.due = due;
                if let Some(due) = due {
                    if as_of > due {
                        s.state = RequestState::Overdue;
                        s.overdue_by = cal.workdays_between(due, as_of)?;
                    } else {
                        s.remaining = cal.workdays_between(as_of, due)?;
                    }
                }
            }
            Phase::AwaitingCorrection { .. } => s.clock = ClockState::AwaitingCorrection,
            Phase::Consulting { .. } => s.clock = ClockState::Consulting,
        }
        Ok(s)
    }

    /// The full timeline: receipt, every recorded event with the due date in force after it,
    /// and the computed milestones (last day to ask for a correction, consultation reply due,
    /// answer due), in date order.
    ///
    /// ```
    /// use sunlit::{DisclosureRequest, WorkCalendar, request::{Applicant, Channel, EventKind}};
    /// let d = |day| chrono::NaiveDate::from_ymd_opt(2024, 3, day).unwrap();
    /// let cal = WorkCalendar::china();
    /// let mut req = DisclosureRequest::new(d(1), Channel::Online, Applicant::NaturalPerson);
    /// req.extend(d(25), 5, &cal)?;
    /// let kinds: Vec<_> = req.timeline(&cal)?.iter().map(|t| t.kind).collect();
    /// assert_eq!(kinds, [EventKind::Received, EventKind::CorrectionDeadline, EventKind::Extended, EventKind::AnswerDue]);
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn timeline(&self, cal: &WorkCalendar) -> Result<Vec<TimelineEntry>> {
        let mut r = self.replay(&self.events, cal, None, true)?;
        let due = match r.phase {
            Phase::Answered { .. } | Phase::Withdrawn { .. } => r.due_at_close,
            _ => r.due()?,
        };
        if let Some(due) = due {
            r.note(
                due,
                EventKind::AnswerDue,
                false,
                Some(due),
                format!(
                    "answer due: {} working days, not counting consultation time",
                    r.allowed
                ),
                &["art. 33"],
            );
        }
        let mut t = r.timeline;
        t.sort_by_key(|e| e.date);
        Ok(t)
    }

    /// The findings on `as_of`: `request.overdue` for an open request past its due date,
    /// `request.answered_late` for a late answer (expected = working days allowed, actual = taken,
    /// difference = working days late), and `request.consultation_reply_overdue` (a warning) for
    /// a consultation still open after the consulted party's 15 working days to reply (arts. 32,
    /// 34; expected = 15, actual = working days since the consultation started, difference =
    /// working days past the reply due date). A consultation pauses the answer period, so
    /// without this warning a consultation never ended would keep the request open for ever.
    ///
    /// ```
    /// use sunlit::{
    ///     DisclosureRequest, WorkCalendar,
    ///     request::{Applicant, Channel, ConsultParty},
    ///     rules,
    /// };
    /// use chrono::NaiveDate;
    /// let cal = WorkCalendar::china();
    /// let d = |m, d| NaiveDate::from_ymd_opt(2024, m, d).unwrap();
    /// let req = DisclosureRequest::new(d(3, 1), Channel::InPerson, Applicant::NaturalPerson).with_reference("A-7");
    /// let f = req.findings(d(4, 2), &cal)?;
    /// assert_eq!(f.as_slice()[0].rule, rules::request::OVERDUE);
    /// assert_eq!(f.as_slice()[0].code.as_deref(), Some("A-7"));
    /// assert!(req.findings(d(3, 29), &cal)?.is_empty());
    ///
    /// // Another organ consulted on 03-04 must reply by 03-25 (15 working days); its silence
    /// // counts as consent (art. 34), but the paused clock would keep the request open.
    /// let mut req = DisclosureRequest::new(d(3, 1), Channel::InPerson, Applicant::NaturalPerson);
    /// req.start_consultation(d(3, 4), ConsultParty::OtherOrgan, &cal)?;
    /// assert!(req.findings(d(3, 25), &cal)?.is_empty());
    /// let f = req.findings(d(6, 3), &cal)?;
    /// assert_eq!(f.as_slice()[0].rule, rules::request::CONSULTATION_REPLY_OVERDUE);
    /// assert_eq!(f.as_slice()[0].expected, Some(15.into()));
    /// # Ok::<(), sunlit::Error>(())
    /// ```
    pub fn findings(&self, as_of: NaiveDate, cal: &WorkCalendar) -> Result<Findings> {
        let s = self.status(as_of, cal)?;
        let r = self.replay(&self.events, cal, Some(as_of), false)?;
        let mut out = Findings::new();
        let mut push = |f: Finding| match self.reference.as_str() {
            "" => out.push(f),
            code => out.push(f.with_code(code)),
        };
        let late = match (s.state, s.due) {
            (RequestState::Overdue, Some(due)) => Some((
                &rules::OVERDUE,
                format!(
                    "依申请公开应于{due}前答复，截至{as_of}仍未答复，已逾期{}个工作日",
                    s.overdue_by
                ),
                format!(
                    "request due {due} still unanswered on {as_of}: {} working days overdue",
                    s.overdue_by
                ),
            )),
            (RequestState::AnsweredLate, Some(due)) => {
                let on = s.closed.unwrap_or(as_of);
                Some((
                    &rules::ANSWERED_LATE,
                    format!(
                        "依申请公开应于{due}前答复，实际{on}答复，逾期{}个工作日",
                        s.overdue_by
                    ),
                    format!(
                        "request due {due} answered {on}: {} working days late",
                        s.overdue_by
                    ),
                ))
            }
            _ => None,
        };
        if let Some((rule, zh, en)) = late {
            push(Finding::new(rule, zh, en).with_values(
                Decimal::from(r.allowed),
                Decimal::from(r.allowed + s.overdue_by),
            ));
        }
        if let Phase::Consulting { since, party } = r.phase {
            let reply = cal.add_workdays(since, CONSULTATION_WORKDAYS)?;
            if as_of > reply {
                let past = cal.workdays_between(reply, as_of)?;
                let (zh, en) = match party {
                    ConsultParty::ThirdParty => (
                        format!(
                            "{since}征求第三方意见，第三方应于{reply}前（15个工作日内）提出意见，截至{as_of}征求意见仍未结束，已超过{past}个工作日；第三方逾期未提出意见的，由行政机关依照条例规定决定是否公开（第三十二条），答复期限暂停期间申请一直未办结"
                        ),
                        format!(
                            "third party consulted on {since} was due to reply by {reply} (15 working days, art. 32); on {as_of} the consultation is still open, {past} working days later: without a reply the organ decides itself — end the consultation, or the paused answer period keeps the request open"
                        ),
                    ),
                    ConsultParty::OtherOrgan => (
                        format!(
                            "{since}征求其他机关意见，被征求意见机关应于{reply}前（15个工作日内）提出意见，截至{as_of}征求意见仍未结束，已超过{past}个工作日；逾期未提出意见的视为同意公开（第三十四条），答复期限暂停期间申请一直未办结"
                        ),
                        format!(
                            "other organ consulted on {since} was due to reply by {reply} (15 working days, art. 34); on {as_of} the consultation is still open, {past} working days later: its silence counts as consent to disclose (art. 34) — end the consultation, or the paused answer period keeps the request open"
                        ),
                    ),
                };
                push(
                    Finding::new(&rules::CONSULTATION_REPLY_OVERDUE, zh, en).with_values(
                        Decimal::from(CONSULTATION_WORKDAYS),
                        Decimal::from(CONSULTATION_WORKDAYS + past),
                    ),
                );
            }
        }
        Ok(out)
    }
}
