"""Replay every scenario under tests/fixtures/scenarios3/ and check the agent's JSON lines.

The third batch of recorded scenarios (generator: `tests/fixtures/scenarios3/make.py`), written
from the product rules alone and scored before any change was made for them (116 of 130 checks
passed at first). `test_scenario_checks` runs every check of `replaycheck`; each test below it
pins the one point that first failed.
"""

from __future__ import annotations

import filecmp
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

try:
    import replaycheck as rc
    import scenariotools as st
except ModuleNotFoundError:  # tests/ imported as a package
    from tests import replaycheck as rc
    from tests import scenariotools as st

SCENARIOS = Path(__file__).resolve().parent / "fixtures" / "scenarios3"
BATCH = st.ScenarioDir(SCENARIOS)
replay = BATCH.replay
message_id = BATCH.message_id
mail_date = BATCH.mail_date


@pytest.mark.parametrize("scenario", BATCH.names)
def test_scenario_checks(scenario: str, capsys: pytest.CaptureFixture[str]) -> None:
    lines = replay(scenario, capsys)
    results = rc.check(SCENARIOS / scenario, lines)
    bad = rc.failures(results)
    assert not bad, f"{len(bad)}/{len(results)} checks failed:\n" + rc.format_results(bad)


def test_expectations_are_well_formed() -> None:
    assert len(BATCH.names) == 8
    for name in BATCH.names:
        s = rc.load_scenario(SCENARIOS / name)
        assert s.apps, name
        for m in s.msgs:
            assert m in s.mail, f"{name}: {m} not in mail/"


def test_generator_is_up_to_date(tmp_path: Path) -> None:
    """The generator, run elsewhere, writes exactly the files that are here."""
    shutil.copy(SCENARIOS / "make.py", tmp_path / "make.py")
    proc = subprocess.run(
        [sys.executable, str(tmp_path / "make.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    for name in BATCH.names:
        for sub in ("", "mail"):
            here, there = SCENARIOS / name / sub, tmp_path / name / sub
            files = sorted(p.name for p in here.iterdir() if p.is_file())
            assert files == sorted(p.name for p in there.iterdir() if p.is_file()), name
            _match, mismatch, errors = filecmp.cmpfiles(here, there, files, shallow=False)
            assert not mismatch and not errors, f"{name}/{sub}: {mismatch or errors}"


# ============================================================================ pinned behaviour
def test_an_ats_invitation_with_list_headers_is_filed_and_its_panel_thanked(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Applicant-tracking systems put List-Unsubscribe on one-to-one mail too."""
    name = "greenhouse_panel_update_then_rejection"
    lines = replay(name, capsys)
    invite = st.detected(lines)[message_id(name, "01.eml")]
    assert invite["category"] == "invitation" and invite["application"]
    thanked = sorted(a for d in st.sent_drafts(lines, "thank_you") for a in st.recipients(d))
    assert thanked == [
        "colette.marchand@kestrelrobotics.example",
        "yusuf.adeyemi@kestrelrobotics.example",
    ]


def test_going_ahead_with_a_candidate_who_fits_better_is_a_rejection(
    capsys: pytest.CaptureFixture[str],
) -> None:
    name = "reschedule_and_cancellation"
    lines = replay(name, capsys)
    rejection = mail_date(name, "05.eml")
    assert st.detected(lines)[message_id(name, "05.eml")]["category"] == "rejection"
    assert [c["reason"] for c in st.closed(lines)] == ["rejection"]
    after = [d for d in st.drafts(lines, "check_in") if st.t(d["at"]) >= rejection]
    assert after == []


def test_a_hand_written_thanks_for_this_mornings_conversation_counts(
    capsys: pytest.CaptureFixture[str],
) -> None:
    name = "manual_thank_you_then_withdrawal"
    lines = replay(name, capsys)
    thanked = [a for d in st.sent_drafts(lines, "thank_you") for a in st.recipients(d)]
    assert thanked == ["mira.okonkwo@feldmark.example"]
    cancelled = [x for x in lines if x.get("action") == "cancelled"]
    assert [c["reason"] for c in cancelled] == ["user_sent"]


def test_an_invitations_question_is_settled_by_the_interview(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """'Let me know if this time doesn't work' does not hold back the check-ins afterwards."""
    name = "out_of_office_return_date"
    lines = replay(name, capsys)
    check_ins = st.sent_drafts(lines, "check_in")
    assert len(check_ins) == 2
    back = mail_date(name, "02.eml")  # the out-of-office arrives between the two
    assert st.t(check_ins[0]["send_at"]) < back < st.t(check_ins[1]["send_at"])
    assert [c["reason"] for c in st.closed(lines)] == ["no_response"]
