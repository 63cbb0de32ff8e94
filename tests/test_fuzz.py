"""Nothing a mailbox can hold makes parsing, classifying or filing raise.

Hypothesis feeds arbitrary bytes, and real messages mutated in the ways real
mail is broken (truncated, bytes flipped, headers dropped or doubled, Outlook
Message-IDs, trailing commas, bad charsets and encodings), through
``parse_message``, every header the agent reads, ``classify`` and the engine.
"""

from __future__ import annotations

import email
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent.core import compose
from agent.mail.classify import classify
from agent.mail.message import parse_message
from agent.replay import Replayer
from agent.settings import Settings

FIXTURES = sorted((Path(__file__).resolve().parent / "fixtures" / "messages").glob("*.eml"))
SAMPLES = [p.read_bytes() for p in FIXTURES]
READ_HEADERS = (
    "from",
    "to",
    "cc",
    "reply-to",
    "subject",
    "date",
    "message-id",
    "in-reply-to",
    "references",
    "content-type",
    "auto-submitted",
    "precedence",
    "list-id",
    "list-unsubscribe",
    "x-autoreply",
    "received",
)
NASTY_HEADERS = [
    b"Message-ID: <[4F8A2C9D1B7E]@outlook.example>",
    b"Message-ID: not-an-id at all",
    b"To: a@x.example, b@y.example,",
    b"Cc: ,,,",
    b'From: "unterminated <x@y.example>',
    b"From: =?utf-8?q?=E2=80?= <x@y.example>",
    b"From: =?bogus-charset?B?////?= <x@y.example>",
    b"Subject: =?UTF-8?B?invalid base64?=",
    b"Subject: =?UTF-8?Q?=0ABcc:_victim@example.com?=",
    b"Date: Tuesday 3rd March",
    b"Date: Mon, 99 Foo 2026 99:99:99 +9999",
    b"Date: ",
    b"References: <a@b> <<<>>> <c@d",
    b"In-Reply-To: <>",
    b'Content-Type: multipart/mixed; boundary=""',
    b"Content-Type: text/plain; charset=utf8mb4",
    b"Content-Type: text/calendar; charset=unknown-8bit; method=REQUEST",
    b"Content-Transfer-Encoding: base64",
    b"Content-Transfer-Encoding: x-uuencode",
    b"Auto-Submitted: \xff\xfe",
    b"Received: from x by y; garbage date",
    b"X-Autoreply: \x00",
]


def _read_everything(raw: bytes) -> None:
    msg = parse_message(raw)
    for name in READ_HEADERS:
        assert isinstance(msg.header(name), str)
    assert msg.stable_id().startswith("<")
    assert msg.date is None or msg.date.tzinfo is not None
    for user in (None, "someone@example.org"):
        reading = classify(msg, user=user)
        out = reading.contract("x.eml")
        assert out["category"] in (
            "invitation",
            "update",
            "rejection",
            "offer",
            "auto_reply",
            "other",
        )
        if out["interview"] is not None:
            assert datetime.fromisoformat(out["interview"]["start"]).tzinfo is not None


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=4096))
def test_arbitrary_bytes_never_raise(raw: bytes) -> None:
    _read_everything(raw)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=3000))
def test_arbitrary_text_as_a_message_never_raises(text: str) -> None:
    _read_everything(text.encode("utf-8", "surrogatepass"))


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    raw = draw(st.sampled_from(SAMPLES))
    head, sep, body = raw.partition(b"\n\n")
    if not sep:
        head, sep, body = raw.partition(b"\r\n\r\n")
    lines = head.splitlines()
    for _ in range(draw(st.integers(0, 4))):
        choice = draw(st.integers(0, 5))
        if choice == 0 and lines:
            del lines[draw(st.integers(0, len(lines) - 1))]
        elif choice == 1 and lines:
            lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from(lines)))
        elif choice == 2:
            lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from(NASTY_HEADERS)))
        elif choice == 3 and body:
            cut = draw(st.integers(0, len(body)))
            body = body[:cut]
        elif choice == 4 and body:
            at = draw(st.integers(0, len(body) - 1))
            body = body[:at] + bytes([draw(st.integers(0, 255))]) + body[at + 1 :]
        else:
            body = body + draw(st.binary(max_size=200))
    return b"\n".join(lines) + (sep or b"\n\n") + body


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_real_messages_never_raise(raw: bytes) -> None:
    _read_everything(raw)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(mutated(), min_size=1, max_size=6))
def test_the_engine_files_broken_mail_without_raising(raws: list[bytes]) -> None:
    """A malformed message is handled like any other: the watch loop never dies on one."""
    replayer = Replayer(
        Settings(),
        user_name="Priya Raman",
        user_email="priya.raman@example.org",
        zone=ZoneInfo("America/New_York"),
        start=datetime(2026, 3, 1, tzinfo=UTC),
        approve_all=True,
    )
    for raw in raws:
        replayer.deliver(parse_message(raw))
    replayer.advance(datetime(2026, 6, 1, tzinfo=UTC))
    assert all(
        e["action"] in ("detected", "draft", "sent", "cancelled", "closed", "held")
        for e in replayer.events
    )


@settings(max_examples=200, deadline=None)
@given(
    subject=st.text(max_size=200),
    name=st.text(max_size=80),
    reference=st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=60),
)
def test_built_messages_carry_only_the_intended_headers(
    subject: str, name: str, reference: str
) -> None:
    """Recruiter-controlled text (subjects, names, ids) can never inject a header."""
    raw = compose.build_message(
        from_name=name,
        from_email="priya.raman@example.org",
        to=["recruiter@example.com"],
        cc=[],
        subject=compose.reply_subject(subject),
        body="Thank you.\n",
        message_id="<followup.abc@example.org>",
        date=datetime(2026, 3, 2, 12, 0, tzinfo=UTC),
        in_reply_to=f"<{reference}>",
        references=[f"<{reference}>"],
    )
    parsed = email.message_from_bytes(raw)
    names = {k.lower() for k in parsed}
    assert names <= {
        "from",
        "to",
        "subject",
        "date",
        "message-id",
        "in-reply-to",
        "references",
        "content-type",
        "content-transfer-encoding",
        "mime-version",
    }
    assert parsed.get_all("To") == ["recruiter@example.com"]
    assert "Bcc" not in parsed
