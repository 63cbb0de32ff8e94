"""Small builders for realistic test mail (standard library only).

The dates written the way recruiters write them and the iCalendar pieces come from
``tests/fixtures/scenarios/make_scenarios.py``; this module adds people with short reprs (for
Hypothesis' reports), an iCalendar REQUEST/CANCEL built from plain arguments, and one RFC 5322
message (text/plain, optional text/html, optional base64 text/calendar attachment) as bytes.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures" / "scenarios"))

from make_scenarios import (
    b64_lines as _b64_lines,
)
from make_scenarios import (
    fold as fold,
)
from make_scenarios import (
    hm12 as hm12,
)
from make_scenarios import (
    ics_param as ics_param,
)
from make_scenarios import (
    ics_text as ics_text,
)
from make_scenarios import (
    qp as _qp,
)
from make_scenarios import (
    to_html as _to_html,
)
from make_scenarios import (
    us_day as us_day,
)
from make_scenarios import (
    vtimezone as vtimezone,
)


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


# ============================================================================ iCalendar


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
