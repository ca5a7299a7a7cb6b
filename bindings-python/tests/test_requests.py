import datetime
from decimal import Decimal

import pytest

import sunlit
from conftest import day, read_json

CASES = read_json("disclosure/requests.json")
CAL = sunlit.WorkCalendar.china()


def request(c):
    return sunlit.DisclosureRequest(
        received=day(c["received"]),
        channel=c["channel"],
        applicant=c["applicant"],
        submitted=day(c.get("submitted")),
    )


def apply(req, e):
    on = day(e.get("on"))
    kind = e["event"]
    if kind == "correction_requested":
        req.request_correction(on)
    elif kind == "correction_received":
        req.receive_correction(on)
    elif kind == "consultation_started":
        req.start_consultation(on, e.get("party", "third_party"))
    elif kind == "consultation_ended":
        req.end_consultation(on)
    elif kind == "extended":
        req.extend(on, e["workdays"])
    elif kind == "fee_notice":
        req.fee_notice(on, Decimal(e["amount"]))
    elif kind == "fee_paid":
        req.pay_fee(on)
    elif kind == "answered":
        req.answer(on, e["outcome"], e.get("reason"))
    elif kind == "withdrawn":
        req.withdraw(on)
    elif kind == "carried_over":
        req.carry_over(e["year"])
    else:
        raise AssertionError(kind)


@pytest.mark.parametrize("case", CASES["cases"], ids=lambda c: c["name"])
def test_request_timelines(case):
    req = request(case)
    for e in case["events"]:
        apply(req, e)
    assert req.due_date(CAL) == day(case["due"])
    for s in case["status"]:
        st = req.status(day(s["as_of"]), CAL)
        assert (st.state, st.clock, st.due, st.overdue_by, st.remaining) == (
            s["state"], s["clock"], day(s["due"]), s["overdue_by"], s["remaining"]
        ), s["as_of"]
        if "findings" in s:
            got = [(f.rule, f.severity, f.expected, f.actual) for f in req.findings(day(s["as_of"]), CAL)]
            want = [(f["rule"], f["severity"], Decimal(f["expected"]), Decimal(f["actual"])) for f in s["findings"]]
            assert got == want, s["as_of"]
    t = req.timeline(CAL)
    assert [e.date for e in t] == sorted(e.date for e in t)
    assert sum(e.recorded for e in t) == len(case["events"]) + 1
    assert t[0].kind == "received"
    if case["due"]:
        assert any(e.kind == "answer_due" and e.date == day(case["due"]) for e in t)
    assert [e["event"] for e in req.events()] == [e["event"] for e in case["events"]]


@pytest.mark.parametrize("case", CASES["impossible"], ids=lambda c: c["name"])
def test_impossible_histories_raise_naming_the_event(case):
    if case["index"] is None:
        with pytest.raises(sunlit.HistoryError) as e:
            request(case)
    else:
        req = request(case)
        for ev in case["events"][: case["index"]]:
            apply(req, ev)
        before = len(req.events())
        with pytest.raises(sunlit.HistoryError) as e:
            apply(req, case["events"][case["index"]])
        assert len(req.events()) == before  # nothing recorded
    assert e.value.event == case["event"]
    assert isinstance(e.value.date, datetime.date)
    assert e.value.reason
    assert isinstance(e.value, sunlit.SunlitError)


def test_status_outcome_findings_and_vocabulary():
    req = sunlit.DisclosureRequest(received=datetime.date(2024, 9, 20), channel="网上申请",
                                   applicant="自然人", reference="2024-017")
    assert (req.channel, req.applicant) == ("online", "natural_person")
    assert req.findings(datetime.date(2024, 10, 24))[0].rule == "request.overdue"
    req.answer(datetime.date(2024, 10, 25), "不予公开", "属于国家秘密")
    st = req.status(datetime.date(2024, 11, 1))
    assert (st.state, st.overdue_by, st.outcome, st.reason) == ("answered_late", 2, "refused", "state_secret")
    f = req.findings(datetime.date(2024, 11, 1))[0]
    assert (f.rule, f.code, f.difference) == ("request.answered_late", "2024-017", Decimal(2))
    with pytest.raises(sunlit.FieldError):
        sunlit.DisclosureRequest(received=datetime.date(2024, 3, 1), channel="email", applicant="natural_person")
    with pytest.raises(sunlit.FieldError):
        sunlit.DisclosureRequest(received=datetime.datetime(2024, 3, 1, 9), channel="online",
                                 applicant="natural_person")
    r = sunlit.DisclosureRequest(received=datetime.date(2024, 3, 1), channel="online", applicant="natural_person")
    with pytest.raises(sunlit.FieldError):
        r.answer(datetime.date(2024, 3, 5), "refused")  # a refusal needs its reason
    with pytest.raises(sunlit.InputError):
        r.fee_notice(datetime.date(2024, 3, 5), 1.5)  # floats are refused
    with pytest.raises(sunlit.FieldError):
        r.status(datetime.date(2024, 2, 1))
    with pytest.raises(sunlit.UncoveredYearError):
        sunlit.DisclosureRequest(received=datetime.date(2026, 12, 20), channel="online",
                                 applicant="natural_person").due_date()


@pytest.mark.parametrize(
    "applicant",
    ["natural_person", "commercial_enterprise", "research_institution", "public_welfare_organization",
     "legal_service_institution", "other_organization", "商业企业", "其他"],
)
def test_every_applicant_column(applicant):
    r = sunlit.DisclosureRequest(received=datetime.date(2024, 3, 1), channel="fax", applicant=applicant)
    assert r.applicant in {"natural_person", "commercial_enterprise", "research_institution",
                           "public_welfare_organization", "legal_service_institution", "other_organization"}


@pytest.mark.parametrize(
    "outcome,reason",
    [("granted", None), ("partly_granted", None)]
    + [("refused", r) for r in ["state_secret", "law_forbids", "security_stability", "third_party",
                                "internal_affairs", "process_info", "enforcement_file", "admin_query"]]
    + [("cannot_provide", r) for r in ["not_held", "needs_new_work"]]
    + [("not_processed", r) for r in ["petition", "repeat", "publication", "excessive", "confirm_reissue"]]
    + [("other", "other")],
)
def test_every_outcome_of_the_2021_template(outcome, reason):
    r = sunlit.DisclosureRequest(received=datetime.date(2024, 3, 1), channel="in_person", applicant="natural_person")
    r.answer(datetime.date(2024, 3, 8), outcome, reason)
    st = r.status(datetime.date(2024, 3, 8))
    assert (st.outcome, st.reason) == (outcome, reason)
