"""What the scenario tests share: replaying a recorded scenario in process, reading its files,
and picking drafts out of the JSON lines.

`test_scenarios.py` and `test_scenarios2.py` each bind a `ScenarioDir` to their batch of
scenarios; the functions below it read the agent's output and are the same for every batch.
"""

from __future__ import annotations

import datetime as dt
import email
import email.message
import email.policy
import tomllib
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

try:
    import replaycheck as rc
except ModuleNotFoundError:  # tests/ imported as a package
    from tests import replaycheck as rc


class ScenarioDir:
    """One directory of scenarios (`<name>/scenario.toml`, `mail/`, `expect.toml`)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.names = sorted(p.name for p in root.iterdir() if (p / "scenario.toml").is_file())
        self._cache: dict[str, tuple[int, list[dict[str, Any]], str]] = {}

    def replay(self, name: str, capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
        """The JSON lines of `followup replay --approve-all --json` for one scenario (cached)."""
        if name not in self._cache:
            from agent.cli import main

            capsys.readouterr()  # drop anything printed before
            try:
                status = main(["replay", "--approve-all", "--json", str(self.root / name)])
            except SystemExit as e:
                status = e.code if isinstance(e.code, int) else 1
            out, err = capsys.readouterr()
            self._cache[name] = (int(status or 0), rc.parse_json_lines(out), err)
        status, lines, err = self._cache[name]
        assert status == 0, f"replay of {name} exited with {status}: {err.strip()[-500:]}"
        return lines

    def mail(self, name: str, filename: str) -> email.message.EmailMessage:
        path = self.root / name / "mail" / filename
        msg: email.message.EmailMessage = email.message_from_bytes(
            path.read_bytes(), policy=email.policy.default
        )
        return msg

    def message_id(self, name: str, filename: str) -> str:
        return str(self.mail(name, filename)["Message-ID"]).strip()

    def mail_date(self, name: str, filename: str) -> dt.datetime:
        d: dt.datetime = self.mail(name, filename)["Date"].datetime
        return d

    def expect(self, name: str) -> dict[str, Any]:
        return tomllib.loads((self.root / name / "expect.toml").read_text(encoding="utf-8"))

    def settings(self, name: str) -> dict[str, Any]:
        sc = tomllib.loads((self.root / name / "scenario.toml").read_text(encoding="utf-8"))
        s: dict[str, Any] = sc.get("settings", {})
        return s


# ============================================================================ reading the output
def t(value: str) -> dt.datetime:
    parsed = rc.parse_time(value)
    assert parsed is not None and rc.is_aware(parsed), f"not an RFC 3339 time: {value!r}"
    return parsed


def drafts(lines: list[dict[str, Any]], kind: str | None = None) -> list[dict[str, Any]]:
    return [x for x in lines if x.get("action") == "draft" and kind in (None, x.get("kind"))]


def sent_ids(lines: list[dict[str, Any]]) -> dict[str, dt.datetime]:
    return {str(x["draft_id"]): t(x["at"]) for x in lines if x.get("action") == "sent"}


def sent_drafts(lines: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    """The drafts of a kind that went out, in the order they were sent."""
    sent = sent_ids(lines)
    out = [d for d in drafts(lines, kind) if str(d["draft_id"]) in sent]
    return sorted(out, key=lambda d: t(d["send_at"]))


def recipients(d: dict[str, Any]) -> list[str]:
    return rc.addresses(d.get("to"))


def everyone(d: dict[str, Any]) -> list[str]:
    return rc.addresses(d.get("to")) + rc.addresses(d.get("cc"))


def detected(lines: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {str(x["message_id"]).strip(): x for x in lines if x.get("action") == "detected"}


def closed(lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [x for x in lines if x.get("action") == "closed"]


# ============================================================================ time
def local(when: dt.datetime, zone: str) -> dt.datetime:
    return when.astimezone(ZoneInfo(zone))


def in_window(when: dt.datetime, zone: str, start_hour: int = 9, end_hour: int = 17) -> bool:
    lt = local(when, zone)
    hms = (lt.hour, lt.minute, lt.second)
    return lt.weekday() < 5 and (start_hour, 0, 0) <= hms <= (end_hour, 0, 0)


def business_days_after(
    when: dt.datetime, n: int, zone: str, holidays: frozenset[dt.date] = frozenset()
) -> dt.datetime:
    """Same local wall-clock time, `n` business days later (weekends and `holidays` skipped)."""
    tz = ZoneInfo(zone)
    lt = when.astimezone(tz)
    day = lt.date()
    while n > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5 and day not in holidays:
            n -= 1
    return dt.datetime.combine(day, lt.time().replace(tzinfo=None), tzinfo=tz)
