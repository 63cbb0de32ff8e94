"""Parsing one message: headers that cannot be parsed fall back to their raw text."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from agent.mail.htmltext import html_to_text
from agent.mail.message import fresh_part, parse_message

MESSAGES = Path(__file__).resolve().parent / "fixtures" / "messages"


def _msg(headers: str, body: str = "Hello.\n") -> bytes:
    return (headers.strip("\n") + "\n\n" + body).encode("utf-8")


def test_outlook_bracketed_message_id_is_kept_as_written() -> None:
    msg = parse_message(MESSAGES.joinpath("20-granitepeak-outlook-when.eml").read_bytes())
    assert msg.message_id == "<[4F8A2C9D1B7E]@outlook.example>"


def test_a_message_id_without_brackets_gets_them() -> None:
    msg = parse_message(_msg("From: a@b.example\nMessage-ID: abc123@b.example"))
    assert msg.message_id == "<abc123@b.example>"


def test_a_missing_message_id_gets_a_stable_stand_in() -> None:
    raw = _msg("From: a@b.example\nSubject: hi\nDate: Mon, 02 Mar 2026 10:00:00 -0500")
    first, second = parse_message(raw).stable_id(), parse_message(raw).stable_id()
    assert first == second and first.endswith("@missing-id.invalid>")


def test_trailing_commas_in_address_lists_are_ignored() -> None:
    msg = parse_message(_msg("From: Ann <ann@x.example>\nTo: a@x.example, b@y.example,\nCc: ,,"))
    assert [a.email for a in msg.to] == ["a@x.example", "b@y.example"]
    assert msg.cc == ()


def test_encoded_names_and_subjects_are_decoded() -> None:
    msg = parse_message(
        _msg(
            "From: =?UTF-8?Q?Marek_Dvo=C5=99=C3=A1k?= <marek@x.example>\n"
            "Subject: =?UTF-8?B?w5xiZXIgZGFzIEludGVydmlldw==?="
        )
    )
    assert msg.sender is not None and msg.sender.name == "Marek Dvořák"
    assert msg.subject == "Über das Interview"


def test_a_broken_encoded_word_falls_back_to_the_raw_text() -> None:
    msg = parse_message(_msg("From: x@y.example\nSubject: =?UTF-8?B?invalid base64?="))
    assert msg.subject == "=?UTF-8?B?invalid base64?="


def test_a_missing_date_falls_back_to_the_newest_received_stamp() -> None:
    msg = parse_message(
        _msg(
            "Received: from a by b; Tue, 03 Mar 2026 09:15:00 +0100\n"
            "Received: from c by a; Tue, 03 Mar 2026 09:14:00 +0100\n"
            "From: x@y.example"
        )
    )
    assert msg.date == datetime(2026, 3, 3, 9, 15, tzinfo=timezone(timedelta(hours=1)))


def test_a_malformed_date_without_received_is_none() -> None:
    assert parse_message(_msg("From: x@y.example\nDate: Tuesday 3rd March")).date is None


def test_a_date_without_zone_is_read_as_utc() -> None:
    msg = parse_message(_msg("From: x@y.example\nDate: Tue, 03 Mar 2026 09:15:00 -0000"))
    assert msg.date == datetime(2026, 3, 3, 9, 15, tzinfo=UTC)


def test_html_only_mail_becomes_readable_text() -> None:
    html = (
        "<html><head><style>p{color:red}</style></head><body><p>Hi&nbsp;Noor,</p>"
        "<p>We&#x27;d like to <b>invite</b> you.<br>Pick a time: <a href='https://cal.example/x'>here</a></p>"
        "<ul><li>One</li><li>Two</li></ul></body></html>"
    )
    text = html_to_text(html)
    assert "color" not in text
    assert "Hi Noor," in text
    assert "We'd like to invite you." in text
    assert "here (https://cal.example/x)" in text
    assert "- One" in text and "- Two" in text


def test_wrong_or_missing_charsets_never_lose_the_text() -> None:
    raw = b"From: x@y.example\nContent-Type: text/plain; charset=utf8mb4\n\nCaf\xc3\xa9 Lumi\xc3\xa8re\n"
    assert "Café Lumière" in parse_message(raw).text
    latin1 = b"From: x@y.example\nContent-Type: text/plain; charset=utf-8\n\nEntretien pr\xe9vu\n"
    assert "Entretien prévu" in parse_message(latin1).text
    bare = b"From: x@y.example\n\nR\xe9sum\xe9 received\n"
    assert "Résumé received" in parse_message(bare).text


def test_plain_text_is_preferred_and_attachments_skipped() -> None:
    msg = parse_message(MESSAGES.joinpath("62-kestrel-offer-nested-mime.eml").read_bytes())
    assert "pleased to offer you" in msg.text
    assert "<html" not in msg.text.lower()
    assert msg.attachments


def test_calendar_parts_are_collected() -> None:
    msg = parse_message(MESSAGES.joinpath("01-kestrel-gcal-request.eml").read_bytes())
    assert msg.calendars and b"BEGIN:VCALENDAR" in msg.calendars[0]


def test_delivery_reports_name_the_failed_recipient_and_the_original() -> None:
    msg = parse_message(MESSAGES.joinpath("74-postfix-bounce-5-1-1.eml").read_bytes())
    assert msg.report is not None
    assert msg.report.status == "5.1.1"
    assert msg.report.failed_recipients
    assert msg.report.original_message_id is not None


def test_quoted_replies_are_not_fresh_text() -> None:
    text = (
        "Thursday works, see you then.\n\nOn Tue, Mar 3, 2026 at 10:00 AM Jane <j@x.example> wrote:\n"
        "> Can you do Tuesday at 2pm?\n"
    )
    assert fresh_part(text) == "Thursday works, see you then."
    outlook = (
        "New time: Wed 10:00.\n\nFrom: Jane\nSent: Monday\nSubject: old\n\nOld time: Mon 9:00\n"
    )
    assert fresh_part(outlook) == "New time: Wed 10:00."


ALL_MAIL = sorted(
    [
        *Path(__file__).resolve().parent.glob("fixtures/messages*/*.eml"),
        *Path(__file__).resolve().parent.glob("fixtures/scenarios*/*/mail/*.eml"),
    ]
)


def test_the_fast_mime_reader_agrees_with_the_standard_parser() -> None:
    """Every fixture's text, calendars and attachments come out the same either way."""
    from agent.mail.message import parse_body

    assert len(ALL_MAIL) > 200
    for path in ALL_MAIL:
        raw = path.read_bytes()
        msg = parse_message(raw)
        fast = parse_body(raw, msg.content_type)
        slow = parse_body(raw, msg.content_type, fast_path=False)
        for field in ("text", "calendars", "attachments", "report"):
            assert getattr(fast, field) == getattr(slow, field), (path.name, field)


def test_unusual_mime_goes_to_the_standard_parser() -> None:
    from agent.mail.message import _fast_parts

    no_boundary = b"Content-Type: multipart/mixed\n\nhello\n"
    assert _fast_parts(no_boundary) is None
    report = MESSAGES.joinpath("74-postfix-bounce-5-1-1.eml").read_bytes()
    assert _fast_parts(report) is None
    plain = b"Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\nSGVsbG8gdGhlcmU=\n"
    assert _fast_parts(plain) == {
        "plain": ["Hello there"],
        "html": [],
        "calendars": [],
        "attachments": [],
    }


def test_a_part_without_header_fields_is_all_body() -> None:
    """A MIME part that opens with its empty line is text/plain (RFC 2046), read whole."""
    from agent.mail.message import parse_body

    raw = (
        b'Content-Type: multipart/mixed; boundary="b1"\n\n'
        b"--b1\n\nFirst paragraph.\n\nSecond paragraph.\n"
        b"--b1--\n"
    )
    for fast_path in (True, False):
        body = parse_body(raw, "multipart/mixed", fast_path=fast_path)
        assert "First paragraph." in body.text and "Second paragraph." in body.text, fast_path


def test_a_bare_lf_message_splits_at_its_first_empty_line() -> None:
    """A CRLF pair further down (an attachment stored verbatim) is not the end of the headers."""
    raw = b"From: a@b.example\nSubject: hi\n\nbody line\r\n\r\nSubject: not a header\r\n"
    msg = parse_message(raw)
    assert msg.subject == "hi"
    assert "body line" in msg.text and "not a header" in msg.text


def test_the_keyword_gate_text_is_what_the_readable_text_is_made_from() -> None:
    """``raw_text`` holds the plain parts when there are any, else the HTML, markup and all."""
    from agent.mail.message import parse_body

    alternative = (
        b'Content-Type: multipart/alternative; boundary="b1"\n\n'
        b"--b1\nContent-Type: text/plain\n\nSee you soon.\n"
        b"--b1\nContent-Type: text/html\n\n<p>See you soon.</p><p>Open position: Analyst</p>\n"
        b"--b1--\n"
    )
    html_only = b"Content-Type: text/html\n\n<html><body><p>Open <b>position</b>: Analyst</p></body></html>\n"
    blank_plain = alternative.replace(
        b"See you soon.\n--b1\nContent-Type: text/html", b" \n--b1\nContent-Type: text/html"
    )
    for fast_path in (True, False):
        body = parse_body(alternative, "multipart/alternative", fast_path=fast_path)
        assert "position" not in body.raw_text and "position" not in body.text, fast_path
        body = parse_body(html_only, "text/html", fast_path=fast_path)
        assert "<b>position</b>" in body.raw_text and "Open position: Analyst" in body.text
        body = parse_body(blank_plain, "multipart/alternative", fast_path=fast_path)
        assert "position" in body.raw_text and "position" in body.text, fast_path
