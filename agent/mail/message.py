"""One email, parsed: bytes in, a ``Message`` of plain facts out.

This module owns the reading of RFC 5322 / MIME structure and nothing
about what the mail means:

- headers read raw and decoded by hand, so a header that cannot be parsed
  falls back to its raw text instead of raising (the standard library's
  lazy header objects raise on Outlook's ``<[...]@...>`` Message-IDs and
  on trailing commas, see cpython#105802);
- Date from the Date header, else the newest Received stamp, else None;
- the body: text/plain preferred within multipart/alternative, HTML-only
  mail turned into text, attachments skipped, charsets tried in turn
  (declared, UTF-8, Windows-1252) so no byte ever raises;
- the "fresh" part of the body, without quoted replies and forwarded
  headers, which is what the classifier should read;
- calendar parts (text/calendar or .ics attachments) kept as bytes;
- delivery reports (multipart/report) read into ``DeliveryReport``.

Pure: no I/O, no clock.
"""

from __future__ import annotations

import base64
import binascii
import email
import email.policy
import hashlib
import quopri
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import Message as StdMessage
from email.utils import parsedate_to_datetime
from functools import cached_property
from typing import Any

from agent.mail.addresses import Address, decode_words, parse_address, parse_addresses
from agent.mail.htmltext import html_to_text

MAX_TEXT = 64 * 1024  # characters of body text kept; recruiters do not write novels
MAX_HTML = (
    48 * 1024
)  # characters of HTML read: what a person wrote comes first, templates pad the rest

_MSGID = re.compile(r"<[^<>\s]+>")
_QUOTE_START = re.compile(
    r"^(?:On\s.{4,200}?\bwrote:\s*$"  # Gmail / Apple Mail attribution
    r"|Am\s.{4,200}?\bschrieb.*:\s*$"
    r"|Le\s.{4,200}?\ba écrit\s*:\s*$"
    r"|El\s.{4,200}?\bescribió:\s*$"
    r"|-{2,}\s*Original Message\s*-{2,}"
    r"|-{2,}\s*Forwarded message\s*-{2,}"
    r"|Begin forwarded message:"
    r"|_{10,}\s*$"  # Outlook's rule above its header block
    r"|From:\s.+\n\s*(?:Sent|Date):\s)",
    re.IGNORECASE | re.MULTILINE,
)
_CHARSET_ALIASES = {
    "utf8mb4": "utf-8",
    "utf8": "utf-8",
    "unknown-8bit": "utf-8",
    "x-unknown": "utf-8",
}


@dataclass(frozen=True)
class DeliveryReport:
    """A delivery status notification (RFC 3464)."""

    failed_recipients: tuple[str, ...]
    status: str | None
    original_message_id: str | None


#: How a calendar part shows in raw mail, in the spellings mailers use.
_CALENDAR_MARKS = (b"alendar", b"ALENDAR", b".ics")


@dataclass(frozen=True)
class Body:
    """What the MIME structure holds: the readable text, calendars, attachments, a report.

    The text parts are kept as decoded; turning HTML into text waits until
    the text is read, since a cheap look at ``raw_text`` settles much mail.
    """

    plain: tuple[str, ...] = ()
    html: tuple[str, ...] = ()
    calendars: tuple[bytes, ...] = ()
    attachments: tuple[str, ...] = ()
    report: DeliveryReport | None = None
    defects: tuple[str, ...] = ()

    @cached_property
    def _has_plain(self) -> bool:
        return any(p.strip() for p in self.plain)

    @cached_property
    def raw_text(self) -> str:
        """The decoded parts ``text`` is made from, markup included: for keyword gates.

        A word missing here is missing from ``text`` too (HTML entities aside), so a gate that finds
        nothing here settles the message without turning HTML into text (and,
        for multipart/alternative mail, without reading the HTML twin at all).
        """
        return "\n".join(self.plain if self._has_plain else self.html)

    @cached_property
    def text(self) -> str:
        """The readable text: plain parts preferred, HTML-only mail turned into text."""
        if self._has_plain:
            text = "\n\n".join(p.replace("\r\n", "\n").replace("\r", "\n") for p in self.plain)
        else:
            text = "\n\n".join(html_to_text(h) for h in self.html)
        text = text[:MAX_TEXT]
        if "<" in text and re.search(r"<(?:br|div|p|html|body|table)\b", text, re.I):
            text = html_to_text(text)  # HTML sent as text/plain happens
        return text

    @cached_property
    def fresh_text(self) -> str:
        return fresh_part(self.text)


@dataclass(frozen=True)
class Message:
    """The facts of one email that the agent reads. Every field is safe to use.

    Headers are read at once; the body (MIME walk, decoding, HTML to text) only
    when something asks for it, so mail the rules can settle from its headers
    alone (a mailing list's digest) costs little.
    """

    message_id: str | None
    in_reply_to: str | None
    references: tuple[str, ...]
    subject: str
    date: datetime | None
    sender: Address | None
    headers: dict[str, str]
    content_type: str
    raw: bytes = field(default=b"", repr=False)

    @cached_property
    def reply_to(self) -> tuple[Address, ...]:
        return tuple(parse_addresses(self.headers.get("reply-to")))

    @cached_property
    def to(self) -> tuple[Address, ...]:
        return tuple(parse_addresses(self.headers.get("to")))

    @cached_property
    def cc(self) -> tuple[Address, ...]:
        return tuple(parse_addresses(self.headers.get("cc")))

    @cached_property
    def body(self) -> Body:
        return parse_body(self.raw, self.content_type)

    @cached_property
    def has_calendar(self) -> bool:
        """Whether a calendar part is there (a byte search: the body stays unread)."""
        return any(mark in self.raw for mark in _CALENDAR_MARKS)

    @property
    def text(self) -> str:
        return self.body.text

    @property
    def fresh_text(self) -> str:
        return self.body.fresh_text

    @property
    def calendars(self) -> tuple[bytes, ...]:
        return self.body.calendars

    @property
    def attachments(self) -> tuple[str, ...]:
        return self.body.attachments

    @property
    def report(self) -> DeliveryReport | None:
        """The delivery report, for multipart/report mail (no body is read for other mail)."""
        return self.body.report if self.content_type == "multipart/report" else None

    @property
    def defects(self) -> tuple[str, ...]:
        return self.body.defects

    def header(self, name: str) -> str:
        """A header's decoded value, or "" when absent."""
        return self.headers.get(name.lower(), "")

    @property
    def thread_ids(self) -> tuple[str, ...]:
        """Message-IDs this message refers to (References, then In-Reply-To)."""
        ids = list(self.references)
        if self.in_reply_to and self.in_reply_to not in ids:
            ids.append(self.in_reply_to)
        return tuple(ids)

    def stable_id(self) -> str:
        """The Message-ID, or a deterministic stand-in when the header is missing."""
        if self.message_id:
            return self.message_id
        digest = hashlib.sha1(
            f"{self.sender}|{self.date}|{self.subject}|".encode("utf-8", "replace")
            + self.raw[-2000:]
        ).hexdigest()[:20]
        return f"<{digest}@missing-id.invalid>"


def _raw_to_str(value: object) -> str:
    """A header value as text, whatever the parser handed over."""
    text = str(value)
    if not text.isascii() and any("\udc80" <= ch <= "\udcff" for ch in text):
        raw = text.encode("utf-8", "surrogateescape")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", "replace")
    return text


_FIELD_NAME = re.compile(r"^[!-9;-~]+$")  # RFC 5322 ftext: printable ASCII but ':'


_FIELD = re.compile(r"^([!-9;-~]+)[ \t]*:[ \t]*(.*(?:\r?\n[ \t].*)*)", re.M)


def header_fields(head: bytes) -> list[tuple[str, str]]:
    """The header fields of a header section, unfolded, in order.

    A plain splitter (the standard parser costs more than all the rules that
    read the result): continuation lines join the field above, a line without
    a colon or with an invalid name is skipped, bytes that are not UTF-8 are
    read as Windows-1252.
    """
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        text = head.decode("cp1252", "replace")
    return [
        (
            name,
            " ".join(line.strip() for line in value.splitlines())
            if "\n" in value
            else value.strip(),
        )
        for name, value in _FIELD.findall(text)
    ]


def _headers(fields: list[tuple[str, str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, value in fields:
        key = name.lower()
        if key == "received":
            out[key] = out[key] + "\n" + value if key in out else value
        elif key not in out:
            out[key] = decode_words(value)
    return out


def _content_type(value: str) -> str:
    """The media type of a Content-Type value; text/plain when missing or malformed (RFC 2045)."""
    main = value.split(";", 1)[0].strip().lower()
    kind, slash, sub = main.partition("/")
    return main if slash and kind and sub and " " not in main else "text/plain"


def _date(headers: dict[str, str]) -> datetime | None:
    candidates = [headers.get("date", "")]
    # Received stamps, newest first: a stand-in when Date is missing or broken.
    for line in headers.get("received", "").split("\n"):
        if ";" in line:
            candidates.append(line.rsplit(";", 1)[1])
    for value in candidates:
        value = value.strip()
        if not value:
            continue
        try:
            parsed = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError, OverflowError):
            continue
        if parsed is None:
            continue
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=UTC)
        if 1980 <= parsed.year <= 2200:
            return parsed
    return None


def _one_id(value: str) -> str | None:
    found = _MSGID.findall(value)
    if found:
        return str(found[0])
    value = value.strip()
    return f"<{value}>" if value and " " not in value else None


def _charset(part: StdMessage) -> str:
    try:
        cs = part.get_content_charset() or ""
    except (ValueError, LookupError, TypeError):
        cs = ""
    cs = cs.strip().strip('"').lower()
    return _CHARSET_ALIASES.get(cs, cs)


def decode_bytes(raw: bytes, charset: str = "") -> str:
    """Bytes to text: the declared charset if it works, else UTF-8, else Windows-1252."""
    for cs in (charset, "utf-8", "cp1252"):
        if not cs:
            continue
        try:
            return raw.decode(cs)
        except (UnicodeDecodeError, LookupError, ValueError):  # ValueError: a NUL in the name
            continue
    return raw.decode("latin-1")


def _payload(part: StdMessage) -> bytes:
    try:
        data = part.get_payload(decode=True)
    except (ValueError, TypeError, AssertionError, IndexError):
        data = None
    if isinstance(data, bytes):
        return data
    raw = part.get_payload()
    return raw.encode("utf-8", "surrogateescape") if isinstance(raw, str) else b""


def _filename(part: StdMessage) -> str:
    try:
        name = part.get_filename() or ""
    except (ValueError, TypeError, LookupError, IndexError):
        name = ""
    return decode_words(_raw_to_str(name))


def _is_attachment(part: StdMessage) -> bool:
    disposition = _raw_to_str(part.get("Content-Disposition", "")).lower()
    return disposition.startswith("attachment") or bool(_filename(part))


def _report(msg: StdMessage) -> DeliveryReport | None:
    recipients: list[str] = []
    status: str | None = None
    original: str | None = None
    found = False
    for part in msg.walk():
        ctype = part.get_content_type()
        if ctype == "message/delivery-status":
            found = True
            text = _delivery_status_text(part)
            action_failed = re.search(r"^Action:\s*failed", text, re.I | re.M) is not None
            for m in re.finditer(
                r"^(?:Final|Original)-Recipient:\s*(?:rfc822;)?\s*(\S+)", text, re.I | re.M
            ):
                addr = m.group(1).strip("<>").lower()
                if "@" in addr and addr not in recipients and action_failed:
                    recipients.append(addr)
            sm = re.search(r"^Status:\s*([245]\.\d{1,3}\.\d{1,3})", text, re.I | re.M)
            if sm:
                status = sm.group(1)
        elif ctype in ("message/rfc822", "text/rfc822-headers") and original is None:
            inner = part.get_payload()
            if isinstance(inner, list) and inner and isinstance(inner[0], StdMessage):
                original = _one_id(_raw_to_str(inner[0].get("Message-ID", "")))
            else:
                found_id = re.search(
                    r"^Message-ID:\s*(<[^>]+>)", decode_bytes(_payload(part)), re.I | re.M
                )
                original = found_id.group(1) if found_id else None
    if not found:
        return None
    return DeliveryReport(tuple(recipients), status, original)


def _delivery_status_text(part: StdMessage) -> str:
    inner = part.get_payload()
    if isinstance(inner, list):  # the stdlib parses delivery-status into header blocks
        return "\n".join(
            f"{k}: {_raw_to_str(v)}"
            for block in inner
            if isinstance(block, StdMessage)
            for k, v in block.items()
        )
    return decode_bytes(_payload(part))


def fresh_part(text: str) -> str:
    """The text a sender wrote in this message: quoted replies and forwards removed."""
    m = _QUOTE_START.search(text)
    if m and m.start() > 0:
        text = text[: m.start()]
    lines = [line for line in text.split("\n") if not line.lstrip().startswith(">")]
    return "\n".join(lines).strip()


_PARAM = re.compile(r';\s*([\w*-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;\s]*)')
_MAX_PARTS = 64


def _params(value: str) -> dict[str, str]:
    return {m.group(1).lower(): m.group(2).strip('"') for m in _PARAM.finditer(value)}


def _decode_transfer(payload: bytes, encoding: str) -> bytes:
    encoding = encoding.strip().lower()
    if encoding == "base64":
        return base64.b64decode(re.sub(rb"[^A-Za-z0-9+/=]", b"", payload) + b"===", validate=False)
    if encoding == "quoted-printable":
        return quopri.decodestring(payload)
    return payload


class _Unusual(Exception):
    """The fast reader met something it leaves to the standard parser."""


def _walk_fast(raw: bytes, depth: int, out: dict[str, list[Any]]) -> None:
    head = _header_block(raw)
    fields = {name.lower(): value for name, value in header_fields(head)}
    body = raw[len(head) :]
    ctype_value = fields.get("content-type", "text/plain")
    ctype = _content_type(ctype_value)
    params = _params(ctype_value)
    disposition = fields.get("content-disposition", "")
    name = _params(disposition).get("filename") or params.get("name") or ""
    if ctype.startswith("multipart/"):
        boundary = params.get("boundary", "")
        if not boundary or depth > 5 or ctype == "multipart/report":
            raise _Unusual
        delimiter = b"\n--" + boundary.encode("utf-8", "surrogateescape")
        chunks = (b"\n" + body).split(delimiter)
        if len(chunks) < 3 or len(chunks) > _MAX_PARTS:
            raise _Unusual
        for chunk in chunks[1:]:
            if chunk.startswith(b"--"):
                break  # the closing delimiter; the epilogue follows
            part = chunk.split(b"\n", 1)[1] if b"\n" in chunk else b""
            _walk_fast(part[:-1] if part.endswith(b"\r") else part, depth + 1, out)
        return
    if ctype.startswith("message/") or "=?" in name or "*" in "".join(_params(disposition)):
        raise _Unusual
    data = _decode_transfer(body, fields.get("content-transfer-encoding", ""))
    lowered_name = name.lower()
    if ctype in ("text/calendar", "application/ics") or lowered_name.endswith((".ics", ".vcs")):
        out["calendars"].append(data)
    elif disposition.lower().startswith("attachment") or name:
        out["attachments"].append(name or ctype)
    elif ctype in ("text/plain", "text/html"):
        charset = params.get("charset", "").lower()
        text = decode_bytes(data, _CHARSET_ALIASES.get(charset, charset))
        out["plain" if ctype == "text/plain" else "html"].append(
            text if ctype == "text/plain" else text[:MAX_HTML]
        )


def _fast_parts(raw: bytes) -> dict[str, list[Any]] | None:
    """Text, HTML, calendars and attachment names of well-formed MIME; None for anything unusual.

    The standard parser reads every line and compiles a pattern per boundary;
    splitting on the boundary is several times faster. Anything out of the
    ordinary (nested messages, reports, encoded or continued file names,
    missing boundaries) goes to the standard parser instead.
    """
    out: dict[str, list[Any]] = {"plain": [], "html": [], "calendars": [], "attachments": []}
    try:
        _walk_fast(raw, 0, out)
    except (_Unusual, ValueError, binascii.Error, IndexError):
        return None
    return out


def parse_body(raw: bytes, content_type: str, *, fast_path: bool = True) -> Body:
    """The body of a message: text (plain preferred, HTML made readable), calendars, report.

    Well-formed MIME is split by hand; anything else, and every delivery
    report, goes through the standard library's parser (``fast_path=False``
    forces it, for tests that hold the two to the same result).
    """
    fast = _fast_parts(raw) if fast_path and content_type != "multipart/report" else None
    if fast is not None:
        return _assemble(fast, None, ())
    msg = email.message_from_bytes(raw, policy=email.policy.compat32)
    parts: dict[str, list[Any]] = {"plain": [], "html": [], "calendars": [], "attachments": []}
    for part in msg.walk():
        if part.is_multipart():
            continue
        ctype = part.get_content_type()
        name = _filename(part)
        if ctype in ("text/calendar", "application/ics") or name.lower().endswith((".ics", ".vcs")):
            parts["calendars"].append(_payload(part))
        elif ctype.startswith("message/") or ctype == "text/rfc822-headers":
            continue
        elif _is_attachment(part):
            parts["attachments"].append(name or ctype)
        elif ctype == "text/plain":
            parts["plain"].append(decode_bytes(_payload(part), _charset(part)))
        elif ctype == "text/html":
            parts["html"].append(decode_bytes(_payload(part), _charset(part))[:MAX_HTML])
    report = _report(msg) if content_type == "multipart/report" else None
    return _assemble(parts, report, tuple(type(d).__name__ for d in getattr(msg, "defects", [])))


def _assemble(
    parts: dict[str, list[Any]], report: DeliveryReport | None, defects: tuple[str, ...]
) -> Body:
    # Google sends the same invite inline and attached: keep one.
    calendars = {c.strip(): c for c in parts["calendars"]}
    return Body(
        plain=tuple(parts["plain"]),
        html=tuple(parts["html"]),
        calendars=tuple(calendars.values()),
        attachments=tuple(parts["attachments"]),
        report=report,
        defects=defects,
    )


def _header_block(raw: bytes) -> bytes:
    """The header section of a message (up to the first empty line).

    The first line's ending says which empty line to look for, so a message
    stored with bare LFs is not scanned to its end for a CRLF pair first.
    """
    if raw.startswith((b"\n", b"\r\n")):
        return raw[: raw.find(b"\n") + 1]  # no header fields at all (a bare MIME part)
    first = raw.find(b"\n")
    seps = (b"\r\n\r\n", b"\n\n") if first > 0 and raw[first - 1] == 13 else (b"\n\n", b"\r\n\r\n")
    for sep in seps:
        at = raw.find(sep)
        if at >= 0:
            return raw[: at + len(sep)]
    return raw


def parse_message(raw: bytes) -> Message:
    """Parse one RFC 5322 message's headers; the body is parsed when first read. Never raises."""
    headers = _headers(header_fields(_header_block(raw)))
    sender = parse_address(headers.get("from")) or parse_address(headers.get("sender"))
    references = tuple(dict.fromkeys(_MSGID.findall(headers.get("references", ""))))
    return Message(
        message_id=_one_id(headers.get("message-id", "")),
        in_reply_to=_one_id(headers.get("in-reply-to", "")) if headers.get("in-reply-to") else None,
        references=references,
        subject=headers.get("subject", "").strip(),
        date=_date(headers),
        sender=sender,
        headers=headers,
        content_type=_content_type(headers.get("content-type", "")),
        raw=raw,
    )
