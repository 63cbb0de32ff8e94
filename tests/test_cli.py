"""The command line: classify, replay and demo, in process and as the installed command."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from agent.cli import main

try:
    import replaycheck as rc
except ModuleNotFoundError:  # tests/ imported as a package
    from tests import replaycheck as rc

ROOT = Path(__file__).resolve().parent.parent
MESSAGES = Path(__file__).resolve().parent / "fixtures" / "messages"
SCENARIOS = Path(__file__).resolve().parent / "fixtures" / "scenarios"
DEMO = ROOT / "agent" / "demo"
CONTRACT_KEYS = [
    "path",
    "category",
    "company",
    "role",
    "interview",
    "interviewers",
    "decision_by",
    "reply_to",
]


def test_classify_json_prints_one_contract_object_per_file_in_order(
    capsys: pytest.CaptureFixture[str],
) -> None:
    paths = [
        str(MESSAGES / "13-brightmoor-text-et.eml"),
        str(MESSAGES / "77-hireloop-job-alert.eml"),
    ]
    assert main(["classify", "--json", *paths]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [obj["path"] for obj in lines] == paths
    assert all(list(obj) == CONTRACT_KEYS for obj in lines)
    assert lines[0]["category"] == "invitation"
    assert lines[0]["interview"]["start"] == "2026-03-10T14:00:00-04:00"
    assert lines[1]["category"] == "other"


def test_classify_reports_an_unreadable_file_and_still_prints_the_others(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "nope.eml"
    good = str(MESSAGES / "54-lumenfold-plain-rejection.eml")
    assert main(["classify", "--json", str(missing), good]) == 1
    out, err = capsys.readouterr()
    assert str(missing) in err and "cannot read" in err
    assert [json.loads(line)["category"] for line in out.splitlines()] == ["rejection"]


def test_classify_calls_an_empty_file_not_a_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    empty = tmp_path / "empty.eml"
    empty.write_bytes(b"")
    assert main(["classify", "--json", str(empty)]) == 1
    assert "empty file" in capsys.readouterr().err


def test_classify_without_json_is_readable(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["classify", str(MESSAGES / "06-marlowfinch-greenhouse-london.eml")]) == 0
    out = capsys.readouterr().out
    assert "invitation" in out and "Marlow & Finch" in out and "oliver.pryce@" in out


def test_replay_of_a_missing_directory_exits_2_and_says_why(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["replay", str(tmp_path / "absent")]) == 2
    assert "no such directory" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("[user]\nname = 'A'\n", "needs a [user] and a [clock] table"),
        ("not toml at all = = =", "not valid TOML"),
        (
            "[user]\nname='A'\nemail='a@b.example'\ntimezone='Mars/Base'\n[clock]\nstart=2026-01-01T00:00:00Z\nend=2026-02-01T00:00:00Z\n",
            "unknown time zone",
        ),
        (
            "[user]\nname='A'\nemail='a@b.example'\n[clock]\nstart=2026-01-01T00:00:00Z\nend=2026-02-01T00:00:00Z\n"
            "[settings.policy]\nmax_check_in = 3\n",
            "policy.max_check_in: unknown key",
        ),
        (
            "[user]\nname='A'\nemail='a@b.example'\n[clock]\nstart=2026-01-01T00:00:00Z\nend=2026-02-01T00:00:00Z\n"
            "[settings.policy]\nmax_check_ins = 3\n",
            "policy.max_check_ins: Input should be less than or equal to 2",
        ),
    ],
)
def test_replay_of_a_bad_scenario_exits_2_naming_the_problem(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, toml: str, message: str
) -> None:
    (tmp_path / "mail").mkdir()
    (tmp_path / "scenario.toml").write_text(toml, encoding="utf-8")
    assert main(["replay", "--json", str(tmp_path)]) == 2
    out, err = capsys.readouterr()
    assert message in err
    assert out == ""


def test_replay_timeline_shows_mail_drafts_and_sends(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["replay", "--approve-all", str(SCENARIOS / "panel_of_three")]) == 0
    out = capsys.readouterr().out
    assert "mail      invitation" in out
    assert out.count("draft     thank_you") == 3
    assert "sent      thank_you" in out
    assert "drafts written" in out


def test_replay_without_approval_sends_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["replay", "--json", str(SCENARIOS / "panel_of_three")]) == 0
    events = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert any(e["action"] == "draft" for e in events)
    assert not any(e["action"] == "sent" for e in events)


def test_demo_meets_its_own_expectations(capsys: pytest.CaptureFixture[str]) -> None:
    """The demo is a scenario like the others: its expect.toml invariants all hold."""
    assert main(["demo", "--json"]) == 0
    lines = rc.parse_json_lines(capsys.readouterr().out)
    failed = [(name, detail) for name, ok, detail in rc.check(DEMO, lines) if not ok]
    assert not failed, failed
    kinds = {e["kind"] for e in lines if e["action"] == "sent"}
    assert {"thank_you", "check_in", "reference_heads_up", "offer_reply"} <= kinds


def test_demo_no_approve_shows_drafts_waiting(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--no-approve"]) == 0
    out = capsys.readouterr().out
    assert "draft     thank_you" in out
    assert "0 sent" in out


def test_demo_files_match_their_generator() -> None:
    """agent/demo/ is generated by tests/fixtures/make_demo.py; they must not drift apart."""
    script = Path(__file__).resolve().parent / "fixtures" / "make_demo.py"
    result = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def _installed_command() -> list[str]:
    exe = shutil.which("followup") or str(Path(sys.executable).with_name("followup"))
    return [exe] if Path(exe).exists() else [sys.executable, "-m", "agent"]


def test_installed_command_runs_the_demo() -> None:
    result = subprocess.run(
        [*_installed_command(), "demo"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert (
        "Closed: " in result.stdout
        and "(offer)" in result.stdout
        and "(no_response)" in result.stdout
    )


def test_installed_command_classifies() -> None:
    path = str(MESSAGES / "66-kestrel-ooo-rfc3834.eml")
    result = subprocess.run(
        [*_installed_command(), "classify", "--json", path],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["category"] == "auto_reply"


def test_help_lists_the_commands() -> None:
    result = subprocess.run(
        [*_installed_command(), "--help"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0
    assert all(word in result.stdout for word in ("classify", "replay", "demo"))
