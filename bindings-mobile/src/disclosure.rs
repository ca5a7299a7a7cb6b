//! Disclosure rules: the decision table and the publication deadlines.

use std::sync::Arc;

use chrono::NaiveDate;
use sunlit::{
    Finding,
    disclosure::{Deadline, Decision, InfoItem, PublicityKind},
};

use crate::calendar::{WorkCalendar, calendar};
use crate::errors::Result;

functions! {
    /// Decide how an information item is disclosed (政府信息公开条例 2019); `cal` defaults to the
    /// national calendar.
    export(default(cal = None))
    fn decide(item: InfoItem, cal: Option<Arc<WorkCalendar>>) -> Result<Decision> =
        Ok(sunlit::disclosure::decide(&item, &calendar(cal))?);
    /// The art. 26 deadline: 20 working days after the information is formed or changed.
    export(default(cal = None))
    fn proactive_deadline(formed: NaiveDate, cal: Option<Arc<WorkCalendar>>) -> Result<Deadline> =
        Ok(sunlit::disclosure::proactive_deadline(formed, &calendar(cal))?);
    /// The 双公示 deadline: 7 working days after the decision (国办发〔2015〕51号).
    export(default(cal = None))
    fn publicity_deadline(kind: PublicityKind, decided: NaiveDate, cal: Option<Arc<WorkCalendar>>)
        -> Result<Deadline> = Ok(sunlit::disclosure::publicity_deadline(kind, decided, &calendar(cal))?);
    /// The withdrawal deadline of a changed or revoked penalty decision: 3 working days
    /// (行政处罚法 2021 arts. 48, 85).
    export(default(cal = None))
    fn withdrawal_deadline(changed: NaiveDate, cal: Option<Arc<WorkCalendar>>) -> Result<Deadline> =
        Ok(sunlit::disclosure::withdrawal_deadline(changed, &calendar(cal))?);
    /// A finding when the duty was met late (`done`) or is overdue on `asOf`, else null.
    export(default(cal = None))
    fn check_deadline(
        deadline: Deadline,
        done: Option<NaiveDate>,
        as_of: NaiveDate,
        cal: Option<Arc<WorkCalendar>>,
    )
        -> Result<Option<Finding>> = Ok(deadline.check(done, as_of, &calendar(cal))?);
}
