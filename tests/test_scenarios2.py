"""Replay every scenario under tests/fixtures/scenarios2/ and check the agent's JSON lines.

The second batch of recorded scenarios (generator: `tests/fixtures/scenarios2/make_scenarios2.py`).
`test_scenario_checks` runs every check of `replaycheck` (the invariants documented for
expect.toml); each test below it pins the one point its scenario is about.  The replay runs in
process: `agent.cli.main(["replay", "--approve-all", "--json", DIR])`, stdout captured.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

try:
    import replaycheck as rc
    import scenariotools as st
except ModuleNotFoundError:  # tests/ imported as a package
    from tests import replaycheck as rc
    from tests import scenariotools as st

business_days_after = st.business_days_after
closed = st.closed
detected = st.detected
drafts = st.drafts
everyone = st.everyone
in_window = st.in_window
local = st.local
recipients = st.recipients
sent_drafts = st.sent_drafts
t = st.t

SCENARIOS = Path(__file__).resolve().parent / "fixtures" / "scenarios2"
BATCH = st.ScenarioDir(SCENARIOS)
SCENARIO_DIRS = [SCENARIOS / name for name in BATCH.names]
FOLLOW_UPS = ("thank_you", "check_in")
replay = BATCH.replay
message_id = BATCH.message_id
mail_date = BATCH.mail_date
expect = BATCH.expect
settings = BATCH.settings


# ============================================================================ generic checks
@pytest.mark.parametrize("scenario", [p.name for p in SCENARIO_DIRS])
def test_scenario_checks(scenario: str, capsys: pytest.CaptureFixture[str]) -> None:
    lines = replay(scenario, capsys)
    results = rc.check(SCENARIOS / scenario, lines)
    bad = rc.failures(results)
    assert not bad, f"{len(bad)}/{len(results)} checks failed:\n" + rc.format_results(bad)


def test_expectations_are_well_formed() -> None:
    """Every scenario loads and plans at least one check per application (no agent needed)."""
    assert len(SCENARIO_DIRS) == 13
    for d in SCENARIO_DIRS:
        s = rc.load_scenario(d)
        assert s.apps, d.name
        names = rc.planned_checks(s)
        assert len(names) == len(set(names)), d.name
        for m in s.msgs:
            assert m in s.mail, f"{d.name}: {m} not in mail/"


def test_generator_is_up_to_date() -> None:
    gen = SCENARIOS / "make_scenarios2.py"
    proc = subprocess.run(
        [sys.executable, str(gen), "--check"], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stderr[-2000:]


# ============================================================================ pinned behaviour
def test_ats_rejection_nothing_to_noreply(capsys: pytest.CaptureFixture[str]) -> None:
    name = "ats_rejection_after_onsite"
    lines = replay(name, capsys)
    noreply = "no-reply@us.greenhouse-mail.example"
    invite, rejection = message_id(name, "01.eml"), message_id(name, "02.eml")
    rejected_at = mail_date(name, "02.eml")
    for d in drafts(lines):
        assert noreply not in everyone(d), d
        assert d.get("in_reply_to") != rejection or "keiko.yamamoto@driftwoodpay.example" in (
            recipients(d)
        ), d
    thanked = sorted(x for d in sent_drafts(lines, "thank_you") for x in recipients(d))
    assert thanked == ["andre.leclerc@driftwoodpay.example", "shreya.pillai@driftwoodpay.example"]
    cis = sent_drafts(lines, "check_in")
    assert len(cis) <= 1, [d["send_at"] for d in cis]
    for d in cis:
        assert recipients(d) == ["keiko.yamamoto@driftwoodpay.example"], d
        assert d["in_reply_to"] == invite, d
        assert t(d["send_at"]) < rejected_at, d
    assert [x["reason"] for x in closed(lines)] == ["rejection"], closed(lines)


def test_interviewer_reply_restarts_wait(capsys: pytest.CaptureFixture[str]) -> None:
    name = "interviewer_replies_to_thank_you"
    lines = replay(name, capsys)
    zone = "America/New_York"
    invite, reply = message_id(name, "01.eml"), message_id(name, "03.eml")
    reply_at = mail_date(name, "03.eml")
    to = [recipients(d) for d in sent_drafts(lines, "thank_you")]
    assert to == [["devon.mitchell@sablecreek.example"]], to  # Inês was thanked by hand
    cis = sent_drafts(lines, "check_in")
    assert len(cis) == 2, [d["send_at"] for d in cis]
    first = t(cis[0]["send_at"])
    # a reply without a date starts a new 7-day wait: not before the day a week after it
    assert local(first, zone).date() >= local(reply_at, zone).date() + dt.timedelta(days=7), first
    assert all(d["in_reply_to"] in (invite, reply) for d in cis), [d["in_reply_to"] for d in cis]


def test_decision_date_in_invitation(capsys: pytest.CaptureFixture[str]) -> None:
    name = "decision_date_in_invitation"
    lines = replay(name, capsys)
    zone = "America/Chicago"
    cis = sent_drafts(lines, "check_in")
    assert cis, "no check-in sent"
    days = [local(t(d["send_at"]), zone).date() for d in cis]
    assert all(x > dt.date(2026, 4, 17) for x in days), days
    # decision by Friday 17 April: check-in 1 on the next business day, Monday 20 April
    assert days[0] == dt.date(2026, 4, 20), days


def test_check_in_never_leaves_with_the_thank_you(capsys: pytest.CaptureFixture[str]) -> None:
    """Decision due the day of a Friday interview: check-in 1 would fall on Monday 09:00, the
    thank-you's own moment; it waits five business days after the thank-you instead."""
    name = "decision_the_day_after"
    lines = replay(name, capsys)
    zone = "America/Denver"
    (thanks,) = sent_drafts(lines, "thank_you")
    cis = sent_drafts(lines, "check_in")
    assert len(cis) == 2, cis
    thanked = t(thanks["send_at"])
    assert local(thanked, zone).date() == dt.date(2026, 10, 12)
    assert t(cis[0]["send_at"]) >= business_days_after(thanked, 5, zone)
    assert local(t(cis[0]["send_at"]), zone).date() == dt.date(2026, 10, 19)


def test_two_interviews_same_day_each_after_own_session(
    capsys: pytest.CaptureFixture[str],
) -> None:
    name = "two_interviews_same_day"
    lines = replay(name, capsys)
    zone = "Europe/London"
    ends = {
        "nikolai.petrov@kittiwakebs.example": dt.datetime(
            2026, 3, 25, 10, 45, tzinfo=ZoneInfo(zone)
        ),
        "amara.nwosu@kittiwakebs.example": dt.datetime(2026, 3, 25, 11, 45, tzinfo=ZoneInfo(zone)),
    }
    tys = sent_drafts(lines, "thank_you")
    to = [recipients(d) for d in tys]
    assert sorted(x[0] for x in to if len(x) == 1) == sorted(ends) and len(to) == 2, to
    for d in tys:
        who = recipients(d)[0]
        assert t(d["send_at"]) >= ends[who], (who, d["send_at"])
        assert t(d["send_at"]) <= business_days_after(ends[who], 1, zone), (who, d["send_at"])


def test_reschedule_by_text_one_thank_you_after_new_time(
    capsys: pytest.CaptureFixture[str],
) -> None:
    name = "reschedule_by_text"
    lines = replay(name, capsys)
    new_end = t(expect(name)["application"][0]["interview"][0]["end"])
    moved = message_id(name, "02.eml")
    sent = sent_drafts(lines, "thank_you")
    assert [recipients(d) for d in sent] == [["gareth.lowe@copperline.example"]], sent
    assert t(sent[0]["send_at"]) >= new_end, sent[0]["send_at"]
    cancelled = {
        str(x["draft_id"]): x.get("reason") for x in lines if x.get("action") == "cancelled"
    }
    for d in drafts(lines, "thank_you"):
        if t(d["send_at"]) < new_end:  # drafted for the old time: must be withdrawn as such
            assert cancelled.get(str(d["draft_id"])) in ("rescheduled", "superseded"), d
    cis = sent_drafts(lines, "check_in")
    assert cis and all(d["in_reply_to"] == moved for d in cis), [d["in_reply_to"] for d in cis]


def test_new_thread_same_application(capsys: pytest.CaptureFixture[str]) -> None:
    name = "recruiter_thread_and_new_thread"
    lines = replay(name, capsys)
    invite, update = message_id(name, "01.eml"), message_id(name, "02.eml")
    det = detected(lines)
    assert invite in det and update in det, sorted(det)
    app = det[invite].get("application")
    assert app is not None and det[update].get("application") == app, (det[invite], det[update])
    cis = sent_drafts(lines, "check_in")
    assert len(cis) == 2, [d["send_at"] for d in cis]
    for d in cis:
        assert d["in_reply_to"] == update, d
        assert recipients(d) == ["brianna.holt@juniperridge.example"], d


def test_documents_requested_waits_for_user_reply(capsys: pytest.CaptureFixture[str]) -> None:
    name = "documents_requested"
    lines = replay(name, capsys)
    zone = "Europe/Paris"
    request = message_id(name, "02.eml")
    own = mail_date(name, "03.eml")
    cis = sent_drafts(lines, "check_in")
    assert len(cis) == 2, [d["send_at"] for d in cis]
    earliest = business_days_after(own, 5, zone)
    assert all(t(d["send_at"]) >= earliest for d in cis), [d["send_at"] for d in cis]
    assert all(d["in_reply_to"] == request for d in cis), [d["in_reply_to"] for d in cis]
    assert [x["reason"] for x in closed(lines)] == ["no_response"], closed(lines)


def test_two_companies_no_crosstalk(capsys: pytest.CaptureFixture[str]) -> None:
    name = "two_companies_parallel"
    lines = replay(name, capsys)
    inv_a, inv_b, rej_b = (message_id(name, f) for f in ("01.eml", "02.eml", "03.eml"))
    det = detected(lines)
    app_a, app_b = det[inv_a]["application"], det[inv_b]["application"]
    assert app_a is not None and app_b is not None and app_a != app_b, (app_a, app_b)
    assert det[rej_b]["application"] == app_b, det[rej_b]
    reasons = {str(x["application"]): x["reason"] for x in closed(lines)}
    assert reasons.get(str(app_a)) == "no_response", reasons
    assert reasons.get(str(app_b)) == "rejection", reasons
    a_people = {"colin.murray@pebblebrook.example", "anjali.rao@pebblebrook.example"}
    b_people = {
        "sylvie.tremblay@northgatetransit.example",
        "marcandre.gagnon@northgatetransit.example",
    }
    for d in drafts(lines):
        who = set(everyone(d))
        assert not (who & a_people and who & b_people), d
        if str(d.get("application")) == str(app_a):
            assert not who & b_people and d.get("in_reply_to") not in (inv_b, rej_b), d
        if str(d.get("application")) == str(app_b):
            assert not who & a_people and d.get("in_reply_to") != inv_a, d
    cis_a = [d for d in sent_drafts(lines, "check_in") if str(d["application"]) == str(app_a)]
    assert len(cis_a) == 2 and all(d["in_reply_to"] == inv_a for d in cis_a), cis_a


def test_user_withdraws_stops_everything(capsys: pytest.CaptureFixture[str]) -> None:
    name = "user_withdraws"
    lines = replay(name, capsys)
    withdrawn_at = mail_date(name, "02.eml")
    cl = closed(lines)
    assert [x["reason"] for x in cl] == ["withdrawn"], cl
    assert t(cl[0]["at"]) >= withdrawn_at, cl
    late_sends = [x for x in lines if x.get("action") == "sent" and t(x["at"]) >= withdrawn_at]
    assert not late_sends, late_sends
    late = [d for k in FOLLOW_UPS for d in drafts(lines, k) if t(d["at"]) >= withdrawn_at]
    assert not late, late


def test_late_interview_thank_you_next_morning(capsys: pytest.CaptureFixture[str]) -> None:
    name = "late_invite_next_week"
    lines = replay(name, capsys)
    zone = "Europe/Berlin"
    tys = [
        d
        for d in sent_drafts(lines, "thank_you")
        if "felix.braun@nordlicht-mobility.example" in recipients(d)
    ]
    assert len(tys) == 1, tys
    when = t(tys[0]["send_at"])
    assert local(when, zone).date() == dt.date(2026, 3, 17), when  # Tuesday
    assert in_window(when, zone), f"thank-you at {when} outside 09:00-17:00 Berlin"


def test_holiday_window_thanksgiving(capsys: pytest.CaptureFixture[str]) -> None:
    name = "holiday_window"
    lines = replay(name, capsys)
    zone = "America/New_York"
    tz = ZoneInfo(zone)
    thanksgiving = dt.date(2026, 11, 26)
    end = dt.datetime(2026, 11, 25, 11, 0, tzinfo=tz)
    friday = dt.datetime(2026, 11, 27, 11, 0, tzinfo=tz)  # one business day after Wednesday
    tys = [
        d
        for d in sent_drafts(lines, "thank_you")
        if "monica.alvarez@cedarandloom.example" in recipients(d)
    ]
    assert len(tys) == 1, tys
    when = t(tys[0]["send_at"])
    assert end <= when <= friday, when
    assert local(when, zone).date() != thanksgiving, f"thank-you on Thanksgiving: {when}"
    assert in_window(when, zone), f"thank-you at {when} outside 09:00-17:00 New York"
    cis = sent_drafts(lines, "check_in")
    assert len(cis) == 2, [d["send_at"] for d in cis]
    first = t(cis[0]["send_at"])
    # never sooner than 5 business days after the agent's last message; Thanksgiving is none
    assert first >= business_days_after(when, 5, zone, frozenset({thanksgiving})), first
    assert all(local(t(d["send_at"]), zone).date() != thanksgiving for d in cis)


def test_noisy_inbox_files_only_the_application(capsys: pytest.CaptureFixture[str]) -> None:
    name = "noisy_inbox"
    lines = replay(name, capsys)
    ex = expect(name)
    real = set(ex["application"][0]["messages"])
    det = detected(lines)
    apps = {det[m]["application"] for m in real if m in det}
    assert len(apps) == 1 and None not in apps, apps
    noise = [m["id"] for m in ex["message"] if m["application"] == ""]
    assert len(noise) == 15
    filed = [(m, det[m]["category"]) for m in noise if m in det and det[m]["application"]]
    assert not filed, filed
    others = {x.get("application") for x in det.values()} - {None} - apps
    assert not others, f"noise opened other applications: {others}"
    for d in drafts(lines):
        assert d.get("in_reply_to") not in noise, d
    assert [x["reason"] for x in closed(lines)] == ["no_response"], closed(lines)
