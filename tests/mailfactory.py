"""Small builders for realistic test mail (standard library only).

Copied and trimmed from ``tests/fixtures/scenarios/make_scenarios.py``: people, dates written
the way recruiters write them, an iCalendar REQUEST/CANCEL with its VTIMEZONE, and one RFC 5322
message (text/plain, optional text/html, optional base64 text/calendar attachment) as bytes.
"""

from __future__ import annotations

import base64
import datetime as dt
import email.utils
import html
import quopri
from collections.abc import Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@dataclass(frozen=True)
class Person:
    name: str
    email: str

    @property
    def first(self) -> str:
        return self.name.split()[0]

    def __repr__(self) -> str:
        return f"<{self.email}>"

    def _repr_pretty_(self, p: object, cycle: bool) -> None:  # Hypothesis' printer
        p.text(repr(self))  # type: ignore[attr-defined]

    def header(self) -> str:
        return email.utils.formataddr((self.name, self.email))


def us_day(d: dt.datetime | dt.date) -> str:
    """'Friday, March 13'."""
    return f"{WEEKDAYS[d.weekday()]}, {MONTHS[d.month - 1]} {d.day}"


def hm12(d: dt.datetime) -> str:
    """'3:00 PM'."""
    h = d.hour % 12 or 12
    return f"{h}:{d.minute:02d} {'AM' if d.hour < 12 else 'PM'}"


# ============================================================================ iCalendar
_VTZ: dict[str, tuple[str, str, str, str, str]] = {
    # zone: (standard offset, daylight offset, std name, dst name, rule family)
    "America/New_York": ("-0500", "-0400", "EST", "EDT", "us"),
    "America/Chicago": ("-0600", "-0500", "CST", "CDT", "us"),
    "America/Los_Angeles": ("-0800", "-0700", "PST", "PDT", "us"),
    "Europe/London": ("+0000", "+0100", "GMT", "BST", "eu0"),
    "Europe/Berlin": ("+0100", "+0200", "CET", "CEST", "eu1"),
}


def vtimezone(tzid: str) -> list[str]:
    std, dst, std_name, dst_name, family = _VTZ[tzid]
    if family == "us":
        day_start, day_rule = "19700308T020000", "FREQ=YEARLY;BYMONTH=3;BYDAY=2SU"
        std_start, std_rule = "19701101T020000", "FREQ=YEARLY;BYMONTH=11;BYDAY=1SU"
    elif family == "eu0":
        day_start, day_rule = "19700329T010000", "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"
        std_start, std_rule = "19701025T020000", "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"
    else:
        day_start, day_rule = "19700329T020000", "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"
        std_start, std_rule = "19701025T030000", "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"
    return [
        "BEGIN:VTIMEZONE",
        f"TZID:{tzid}",
        f"X-LIC-LOCATION:{tzid}",
        "BEGIN:DAYLIGHT",
        f"TZOFFSETFROM:{std}",
        f"TZOFFSETTO:{dst}",
        f"TZNAME:{dst_name}",
        f"DTSTART:{day_start}",
        f"RRULE:{day_rule}",
        "END:DAYLIGHT",
        "BEGIN:STANDARD",
        f"TZOFFSETFROM:{dst}",
        f"TZOFFSETTO:{std}",
        f"TZNAME:{std_name}",
        f"DTSTART:{std_start}",
        f"RRULE:{std_rule}",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]


def ics_text(s: str) -> str:
    return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def ics_param(s: str) -> str:
    return f'"{s}"' if any(c in s for c in ":;,") else s


def fold(line: str) -> str:
    """RFC 5545 folding: at most 75 octets a line, never inside a UTF-8 sequence."""
    out: list[str] = []
    cur = ""
    for ch in line:
        if len((cur + ch).encode("utf-8")) > 75:
            out.append(cur)
            cur = " " + ch
        else:
            cur += ch
    out.append(cur)
    return "\r\n".join(out)


def calendar(
    *,
    method: str,
    tzid: str,
    uid: str,
    sequence: int,
    start: dt.datetime,
    end: dt.datetime,
    organizer: Person,
    attendees: Sequence[Person],
    candidate: Person,
    summary: str,
    stamp: dt.datetime,
    location: str = "Video call",
) -> str:
    """One VCALENDAR with one VEVENT, times written with TZID and a VTIMEZONE."""
    zone = ZoneInfo(tzid)
    utc = stamp.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        f"METHOD:{method}",
        *vtimezone(tzid),
        "BEGIN:VEVENT",
        f"DTSTART;TZID={tzid}:{start.astimezone(zone).strftime('%Y%m%dT%H%M%S')}",
        f"DTEND;TZID={tzid}:{end.astimezone(zone).strftime('%Y%m%dT%H%M%S')}",
        f"DTSTAMP:{utc}",
        f"ORGANIZER;CN={ics_param(organizer.name)}:mailto:{organizer.email}",
        f"UID:{uid}",
    ]
    for p in attendees:
        lines.append(
            "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE;"
            f"CN={ics_param(p.name)}:mailto:{p.email}"
        )
    lines.append(
        "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;"
        f"CN={ics_param(candidate.name)}:mailto:{candidate.email}"
    )
    lines += [
        f"LAST-MODIFIED:{utc}",
        f"LOCATION:{ics_text(location)}",
        f"SEQUENCE:{sequence}",
        f"STATUS:{'CANCELLED' if method == 'CANCEL' else 'CONFIRMED'}",
        f"SUMMARY:{ics_text(summary)}",
        "TRANSP:OPAQUE",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(fold(x) + "\r\n" for x in lines)


# ============================================================================ messages
def _b64_lines(data: bytes) -> str:
    s = base64.b64encode(data).decode("ascii")
    return "\n".join(s[i : i + 76] for i in range(0, len(s), 76))


def _qp(text: str) -> str:
    return quopri.encodestring(text.encode("utf-8")).decode("ascii")


def _to_html(text: str) -> str:
    paras = text.rstrip("\n").split("\n")
    inner = "<br>\n".join(html.escape(p) for p in paras)
    return f'<div dir="ltr">{inner}<br></div>\n'


def build_message(
    *,
    sender: Person,
    to: Sequence[Person],
    date: dt.datetime,
    subject: str,
    text: str,
    message_id: str,
    reply_to: Person | None = None,
    in_reply_to: str | None = None,
    references: Sequence[str] = (),
    ics: str | None = None,
    method: str = "REQUEST",
    extra_headers: Sequence[tuple[str, str]] = (),
    html_part: bool = True,
    boundary: str = "b0undary",
) -> bytes:
    """One RFC 5322 message as bytes."""
    headers: list[tuple[str, str]] = [
        ("From", sender.header()),
        ("To", ", ".join(p.header() for p in to)),
        ("Subject", subject),
        ("Date", email.utils.format_datetime(date)),
        ("Message-ID", message_id),
    ]
    if reply_to is not None:
        headers.append(("Reply-To", reply_to.header()))
    if references:
        headers.append(("References", "\n ".join(references)))
    if in_reply_to:
        headers.append(("In-Reply-To", in_reply_to))
    headers += list(extra_headers)
    headers.append(("MIME-Version", "1.0"))

    def leaf(ctype: str, payload: str, cte: str = "quoted-printable", extra: str = "") -> str:
        return f"Content-Type: {ctype}\n{extra}Content-Transfer-Encoding: {cte}\n\n{payload}"

    counter = 0

    def multipart(sub: str, parts: list[str]) -> str:
        nonlocal counter
        counter += 1
        b = f"{boundary}{counter}"
        body = "".join(f"--{b}\n{p.rstrip(chr(10))}\n\n" for p in parts)
        return f'Content-Type: multipart/{sub}; boundary="{b}"\n\n{body}--{b}--\n'

    leaves = [leaf("text/plain; charset=utf-8", _qp(text))]
    if html_part:
        leaves.append(leaf('text/html; charset="utf-8"', _qp(_to_html(text))))
    if ics is not None:
        name = "cancel.ics" if method == "CANCEL" else "invite.ics"
        cal = leaf(
            f'text/calendar; charset="UTF-8"; method={method}; name="{name}"',
            _b64_lines(ics.encode("utf-8")),
            "base64",
            f'Content-Disposition: attachment;\n\tfilename="{name}"\n',
        )
        alt = multipart("alternative", leaves) if len(leaves) > 1 else leaves[0]
        body = multipart("mixed", [alt, cal])
    elif len(leaves) > 1:
        body = multipart("alternative", leaves)
    else:
        body = leaves[0]
    raw = "".join(f"{k}: {v}\n" for k, v in headers) + body
    return raw.encode("utf-8")
