"""Replay every scenario under tests/fixtures/scenarios/ and check the agent's JSON lines.

`test_scenario_checks` runs the generic checks of `replaycheck` (the invariants documented for
expect.toml); the tests below it pin behaviour specific to one scenario.  The replay runs in
process: `agent.cli.main(["replay", "--approve-all", "--json", DIR])`, stdout captured.
"""

from __future__ import annotations

import datetime as dt
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
drafts = st.drafts
in_window = st.in_window
recipients = st.recipients
sent_drafts = st.sent_drafts
sent_ids = st.sent_ids
t = st.t

SCENARIOS = Path(__file__).resolve().parent / "fixtures" / "scenarios"
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
    assert len(SCENARIO_DIRS) >= 17
    for d in SCENARIO_DIRS:
        s = rc.load_scenario(d)
        assert s.apps, d.name
        names = rc.planned_checks(s)
        assert len(names) == len(set(names)), d.name
        for m in s.msgs:
            assert m in s.mail, f"{d.name}: {m} not in mail/"


# ============================================================================ pinned behaviour
def test_friday_afternoon_thank_you_by_monday(capsys: pytest.CaptureFixture[str]) -> None:
    name = "friday_afternoon"
    lines = replay(name, capsys)
    tz = "America/Chicago"
    end = dt.datetime(2026, 3, 13, 16, 0, tzinfo=ZoneInfo(tz))
    monday = dt.datetime(2026, 3, 16, 16, 0, tzinfo=ZoneInfo(tz))
    ravi = "ravi.menon@larchmontrobotics.example"
    tys = [d for d in sent_drafts(lines, "thank_you") if ravi in recipients(d)]
    assert len(tys) == 1, tys
    when = t(tys[0]["send_at"])
    assert end <= when <= monday, when
    assert in_window(when, tz), f"thank-you at {when} outside Mon-Fri 09:00-17:00 Chicago"


def test_panel_of_three_one_thank_you_each(capsys: pytest.CaptureFixture[str]) -> None:
    name = "panel_of_three"
    lines = replay(name, capsys)
    tys = sent_drafts(lines, "thank_you")
    assert len(tys) == 3, [recipients(d) for d in tys]
    to = [recipients(d) for d in tys]
    assert all(len(x) == 1 for x in to), to
    assert {x[0] for x in to} == {
        "aisha.bello@quillfeather.example",
        "florian.kessler@quillfeather.example",
        "yuki.sato@quillfeather.example",
    }


def test_reschedule_thank_you_after_new_end(capsys: pytest.CaptureFixture[str]) -> None:
    name = "reschedule"
    lines = replay(name, capsys)
    new_end = t(expect(name)["application"][0]["interview"][0]["end"])
    cancelled = {
        str(x["draft_id"]): x.get("reason") for x in lines if x.get("action") == "cancelled"
    }
    sent = sent_drafts(lines, "thank_you")
    assert sent, "no thank-you sent"
    assert all(t(d["send_at"]) >= new_end for d in sent), [d["send_at"] for d in sent]
    for d in drafts(lines, "thank_you"):
        if t(d["send_at"]) < new_end:  # drafted for the old time: must be withdrawn as such
            assert cancelled.get(str(d["draft_id"])) in ("rescheduled", "superseded"), d


def test_cancel_no_thank_you(capsys: pytest.CaptureFixture[str]) -> None:
    lines = replay("cancel", capsys)
    assert not sent_drafts(lines, "thank_you")


def test_stated_decision_date_first_check_in(capsys: pytest.CaptureFixture[str]) -> None:
    name = "stated_decision_date"
    lines = replay(name, capsys)
    tz = ZoneInfo("America/Denver")
    cis = sorted(t(d["send_at"]) for d in sent_drafts(lines, "check_in"))
    assert cis, "no check-in sent"
    # decision by Friday 20 March: check-in 1 on the next business day, Monday 23 March
    assert cis[0].astimezone(tz).date() == dt.date(2026, 3, 23), cis[0]


def test_reply_after_checkin_threads_on_reply(capsys: pytest.CaptureFixture[str]) -> None:
    name = "reply_after_checkin"
    lines = replay(name, capsys)
    invite, reply = message_id(name, "01.eml"), message_id(name, "02.eml")
    reply_at = mail_date(name, "02.eml")
    cis = sent_drafts(lines, "check_in")
    before = [d for d in cis if t(d["send_at"]) < reply_at]
    after = [d for d in cis if t(d["send_at"]) > reply_at]
    assert len(before) == 1, before
    assert before[0]["in_reply_to"] == invite
    assert 1 <= len(after) <= 2, after
    assert all(d["in_reply_to"] == reply for d in after), [d["in_reply_to"] for d in after]


def test_out_of_office_is_not_answered(capsys: pytest.CaptureFixture[str]) -> None:
    name = "out_of_office"
    lines = replay(name, capsys)
    ooo = message_id(name, "02.eml")
    ooo_at = mail_date(name, "02.eml")
    assert not [d for d in drafts(lines) if d.get("in_reply_to") == ooo]
    later = [t(d["send_at"]) for d in sent_drafts(lines, "check_in") if t(d["send_at"]) > ooo_at]
    # back on Monday 23 March: the next check-in waits for the business day after
    london = ZoneInfo("Europe/London")
    assert all(x.astimezone(london).date() >= dt.date(2026, 3, 24) for x in later), later
    detected = [x for x in lines if x.get("action") == "detected" and x.get("message_id") == ooo]
    assert detected and detected[0]["category"] == "auto_reply", detected


def test_rejection_closes_and_stops(capsys: pytest.CaptureFixture[str]) -> None:
    name = "rejection_before_thank_you"
    lines = replay(name, capsys)
    rejected_at = mail_date(name, "02.eml")
    closed = [x for x in lines if x.get("action") == "closed"]
    assert [x["reason"] for x in closed] == ["rejection"], closed
    closed_at = t(closed[0]["at"])
    assert closed_at >= rejected_at
    kinds = {str(d["draft_id"]): d.get("kind") for d in drafts(lines)}
    late = [
        x
        for x in lines
        if x.get("action") == "sent"
        and t(x["at"]) >= closed_at
        and kinds.get(str(x["draft_id"])) in FOLLOW_UPS
    ]
    assert not late, late


def test_manual_thank_you_not_repeated(capsys: pytest.CaptureFixture[str]) -> None:
    lines = replay("manual_thank_you", capsys)
    tys = sent_drafts(lines, "thank_you")
    to = [recipients(d) for d in tys]
    assert not [x for x in to if "sanne.devries@dunmorepike.example" in x], to
    assert [x for x in to if x == ["joost.bakker@dunmorepike.example"]], to


def test_manual_check_in_counts(capsys: pytest.CaptureFixture[str]) -> None:
    name = "manual_check_in"
    lines = replay(name, capsys)
    own = mail_date(name, "02.eml")
    cis = sent_drafts(lines, "check_in")
    assert len(cis) == 1, [d["send_at"] for d in cis]
    assert t(cis[0]["send_at"]) >= business_days_after(own, 5, "America/New_York")


def test_second_round_restarts_check_ins(capsys: pytest.CaptureFixture[str]) -> None:
    name = "second_round"
    lines = replay(name, capsys)
    rounds = expect(name)["application"][0]["interview"]
    end2 = t(rounds[1]["end"])
    tys = sent_drafts(lines, "thank_you")
    thanked = {x for d in tys for x in recipients(d)}
    assert {
        "curtis.vance@meridianfreight.example",
        "elena.park@meridianfreight.example",
        "marcus.oyelaran@meridianfreight.example",
    } <= thanked, thanked
    cis = sorted(t(d["send_at"]) for d in sent_drafts(lines, "check_in"))
    assert len(cis) == 2, cis
    assert cis[0] >= end2 + dt.timedelta(days=7), cis[0]


def test_two_roles_closed_separately(capsys: pytest.CaptureFixture[str]) -> None:
    name = "two_roles_one_company"
    lines = replay(name, capsys)
    invite_a, invite_b = message_id(name, "01.eml"), message_id(name, "02.eml")
    app_of = {x["message_id"]: x.get("application") for x in lines if x.get("action") == "detected"}
    a, b = app_of.get(invite_a), app_of.get(invite_b)
    assert a is not None and b is not None and a != b, (a, b)
    closed = {str(x["application"]): x["reason"] for x in lines if x.get("action") == "closed"}
    assert closed.get(str(b)) == "rejection", closed
    assert closed.get(str(a)) != "rejection", closed


def test_dst_user_zone_local_hours(capsys: pytest.CaptureFixture[str]) -> None:
    lines = replay("dst_user_zone", capsys)
    sends = [t(d["send_at"]) for k in FOLLOW_UPS for d in sent_drafts(lines, k)]
    assert sends
    bad = [x for x in sends if not in_window(x, "America/New_York")]
    assert not bad, f"outside Mon-Fri 09:00-17:00 New York time: {bad}"


def test_dst_recipient_zone_both_windows(capsys: pytest.CaptureFixture[str]) -> None:
    lines = replay("dst_recipient_zone", capsys)
    tys = [
        d
        for d in sent_drafts(lines, "thank_you")
        if "harriet.gough@fenwickrowe.example" in recipients(d)
    ]
    assert len(tys) == 1, tys
    when = t(tys[0]["send_at"])
    assert in_window(when, "Europe/London"), f"{when} outside 09:00-17:00 London"
    assert in_window(when, "America/New_York"), f"{when} outside 09:00-17:00 New York"


def test_offer_closes(capsys: pytest.CaptureFixture[str]) -> None:
    name = "offer"
    lines = replay(name, capsys)
    offer_at = mail_date(name, "02.eml")
    closed = [x for x in lines if x.get("action") == "closed"]
    assert [x["reason"] for x in closed] == ["offer"], closed
    assert not sent_drafts(lines, "check_in"), "check-in sent despite the offer"
    late = [d for k in FOLLOW_UPS for d in drafts(lines, k) if t(d["at"]) >= offer_at]
    assert not late, late


def test_noreply_ats_uses_reply_to(capsys: pytest.CaptureFixture[str]) -> None:
    name = "noreply_ats"
    lines = replay(name, capsys)
    invite = message_id(name, "02.eml")
    for d in drafts(lines):
        everyone = recipients(d) + rc.addresses(d.get("cc"))
        assert "no-reply@vantageorchard.hirewell.example" not in everyone, d
    cis = sent_drafts(lines, "check_in")
    assert cis
    for d in cis:
        assert recipients(d) == ["ruth.adair@vantageorchard.example"], d
        assert d["in_reply_to"] == invite, d


def test_bounce_stops_follow_ups_to_address(capsys: pytest.CaptureFixture[str]) -> None:
    name = "bounce"
    lines = replay(name, capsys)
    bounced_at = mail_date(name, "02.eml")
    evan = "evan.shore@pinecrestlogistics.example"
    assert [d for d in sent_drafts(lines, "check_in") if evan in recipients(d)], "no check-in 1"
    later = [
        d
        for d in drafts(lines)
        if t(d["at"]) >= bounced_at and evan in recipients(d) + rc.addresses(d.get("cc"))
    ]
    assert not later, later
    sent = sent_ids(lines)
    late_sends = [
        (d.get("kind"), sent[str(d["draft_id"])])
        for d in drafts(lines)
        if evan in recipients(d) and str(d["draft_id"]) in sent
        if sent[str(d["draft_id"])] > bounced_at
    ]
    assert not late_sends, late_sends


def test_references_get_heads_up(capsys: pytest.CaptureFixture[str]) -> None:
    name = "references_request"
    lines = replay(name, capsys)
    refs = [r["email"].lower() for r in settings(name)["references"]]
    assert refs
    others = [d for d in drafts(lines) if d.get("kind") not in FOLLOW_UPS]
    for ref in refs:
        assert [d for d in others if ref in recipients(d)], f"no heads-up drafted for {ref}"
