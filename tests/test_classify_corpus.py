"""Every labelled fixture in tests/fixtures/messages/ reads exactly as labelled.

The corpus (made by make_fixtures.py) covers each reading rule: MIME and
header oddities, calendar invites in every form, times and decision dates
written in text, automatic mail and bounces, reply-to selection, and hard
negatives. One test per message, asserting every field the label gives.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from agent.mail.classify import Reading, classify
from agent.mail.message import parse_message

HERE = Path(__file__).resolve().parent / "fixtures" / "messages"
LABELS = [
    json.loads(line)
    for line in (HERE / "labels.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]
LEGAL = {
    "inc",
    "llc",
    "ltd",
    "gmbh",
    "corp",
    "co",
    "plc",
    "ag",
    "sa",
    "the",
    "limited",
    "se",
    "bv",
    "ab",
    "as",
}


def norm(text: str | None) -> str:
    words = re.sub(r"[^\w\s]", " ", (text or "").lower().replace("&", " and ")).split()
    return " ".join(w for w in words if w not in LEGAL)


def same_instant(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is b
    return datetime.fromisoformat(a) == datetime.fromisoformat(b)


def mismatches(label: dict[str, Any], reading: Reading) -> list[str]:
    got = reading.contract(label["path"])
    out: list[str] = []

    def check(field: str, ok: bool) -> None:
        if not ok:
            want = label.get(field)
            alts = label.get(f"{field}_alt")
            out.append(
                f"{field}: expected {want!r}{f' (or {alts!r})' if alts else ''}, got {got.get(field)!r}"
            )

    check("category", got["category"] == label["category"])
    for field in ("company", "role"):
        if label.get(field) is not None:
            accepted = [norm(v) for v in [label[field], *label.get(f"{field}_alt", [])]]
            check(field, norm(got[field]) in accepted)
    want_iv, got_iv = label.get("interview"), got["interview"]
    if want_iv is None:
        check("interview", got_iv is None)
    else:
        check(
            "interview",
            got_iv is not None
            and same_instant(want_iv["start"], got_iv["start"])
            and (want_iv.get("end") is None or same_instant(want_iv["end"], got_iv["end"])),
        )
    required = {p["email"].lower() for p in label.get("interviewers", []) if p.get("email")}
    optional = {a.lower() for a in label.get("interviewers_optional", [])}
    # A person the label names without an address may be given one from the company's pattern.
    unaddressed = {
        norm(p["name"])
        for p in label.get("interviewers", [])
        if p.get("name") and not p.get("email")
    }
    emails = {
        (p["email"] or "").lower()
        for p in got["interviewers"]
        if p["email"] and norm(p["name"]).removeprefix("dr ") not in unaddressed
    }
    check("interviewers", required <= emails <= required | optional)
    check(
        "decision_by",
        got["decision_by"] in [label.get("decision_by"), *label.get("decision_by_alt", [])],
    )
    check("reply_to", got["reply_to"] in [label.get("reply_to"), *label.get("reply_to_alt", [])])
    extra = label.get("extra", {})
    if "auto_kind" in extra and reading.auto_kind != extra["auto_kind"]:
        out.append(f"auto_kind: expected {extra['auto_kind']!r}, got {reading.auto_kind!r}")
    if "return_date" in extra:
        got_rd = reading.return_date.isoformat() if reading.return_date else None
        if got_rd != extra["return_date"]:
            out.append(f"return_date: expected {extra['return_date']!r}, got {got_rd!r}")
    if "bounce_recipient" in extra and extra["bounce_recipient"].lower() not in reading.bounced:
        out.append(f"bounce: expected {extra['bounce_recipient']!r} among {reading.bounced!r}")
    invite = reading.invite
    if "invite_method" in extra and (invite is None or invite.method != extra["invite_method"]):
        out.append(
            f"invite_method: expected {extra['invite_method']!r}, got {invite and invite.method!r}"
        )
    if "invite_uid" in extra and (invite is None or invite.uid != extra["invite_uid"]):
        out.append(f"invite_uid: expected {extra['invite_uid']!r}, got {invite and invite.uid!r}")
    if "invite_sequence" in extra and (
        invite is None or invite.sequence != extra["invite_sequence"]
    ):
        out.append(
            f"invite_sequence: expected {extra['invite_sequence']}, got {invite and invite.sequence}"
        )
    for flag in ("scheduling_link", "asks_references", "no_date_update"):
        if flag in extra and getattr(reading, flag) != extra[flag]:
            out.append(f"{flag}: expected {extra[flag]}, got {getattr(reading, flag)}")
    return out


def test_the_corpus_is_there() -> None:
    """Guards the suite: the corpus covers every category, many times over."""
    categories = {label["category"] for label in LABELS}
    assert categories == {"invitation", "update", "rejection", "offer", "auto_reply", "other"}
    assert len(LABELS) >= 70


@pytest.mark.parametrize(
    "label", LABELS, ids=[label["path"].removesuffix(".eml") for label in LABELS]
)
def test_message_reads_as_labelled(label: dict[str, Any]) -> None:
    raw = (HERE / label["path"]).read_bytes()
    reading = classify(parse_message(raw))
    problems = mismatches(label, reading)
    assert not problems, f"{label['path']} ({label.get('note', '')}):\n  " + "\n  ".join(problems)
