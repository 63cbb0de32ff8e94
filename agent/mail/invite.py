"""Calendar invites (iTIP over email) read with the icalendar library.

This module owns what an invite says about an interview:

- METHOD (REQUEST, CANCEL, PUBLISH, ...), UID and SEQUENCE, so a later
  invite with the same UID and a higher SEQUENCE moves the interview and
  METHOD:CANCEL (or STATUS:CANCELLED) cancels it;
- DTSTART/DTEND with TZID and VTIMEZONE (including Outlook's Windows zone
  names), UTC and floating forms (floating times take the message's own
  offset), all-day events (midnight to midnight), DURATION when DTEND is
  missing;
- ORGANIZER and ATTENDEEs with their CN, role and CUTYPE (rooms and
  resources are not people).

Invites are parsed leniently: a calendar part that icalendar cannot read,
or an event without a usable DTSTART, is skipped, never raised.

Pure: no I/O, no clock.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

import icalendar

from agent.mail.addresses import clean_name
from agent.mail.when import zone_from_name


@dataclass(frozen=True)
class Attendee:
    name: str | None
    email: str | None
    role: str  # REQ-PARTICIPANT, OPT-PARTICIPANT, CHAIR, NON-PARTICIPANT
    cutype: str  # INDIVIDUAL, ROOM, RESOURCE, GROUP, UNKNOWN

    @property
    def is_person(self) -> bool:
        return self.cutype in ("INDIVIDUAL", "UNKNOWN", "") and self.role != "NON-PARTICIPANT"


@dataclass(frozen=True)
class Invite:
    method: str
    uid: str | None
    sequence: int
    start: datetime
    end: datetime | None
    all_day: bool
    zone: str | None  # IANA name of the event's zone, when known
    location: str | None
    summary: str
    description: str
    organizer: Attendee | None
    attendees: tuple[Attendee, ...]

    @property
    def cancelled(self) -> bool:
        return self.method == "CANCEL"


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def _address(value: object) -> Attendee | None:
    if value is None:
        return None
    raw = _text(value).strip()
    params = getattr(value, "params", {}) or {}
    email: str | None = None
    if raw.lower().startswith("mailto:"):
        email = raw[7:].strip().lower() or None
    elif "@" in raw:
        email = raw.lower()
    if email is not None and ("@" not in email or " " in email):
        email = None
    name = clean_name(_text(params.get("CN", "")) or None)
    return Attendee(
        name=name,
        email=email,
        role=_text(params.get("ROLE", "REQ-PARTICIPANT")).upper(),
        cutype=_text(params.get("CUTYPE", "INDIVIDUAL")).upper(),
    )


def _zone_name(tz: tzinfo | None, tzid: str) -> str | None:
    if isinstance(tz, ZoneInfo):
        return tz.key
    if tzid:
        mapped = zone_from_name(tzid)
        if isinstance(mapped, ZoneInfo):
            return mapped.key
    return None


def _moment(value: object, fallback: tzinfo) -> tuple[datetime, bool] | None:
    """An aware datetime from a decoded DTSTART/DTEND; all-day dates start at midnight."""
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            value = value.replace(tzinfo=fallback)
        return value, False
    if isinstance(value, date):
        return datetime.combine(value, time(0), tzinfo=fallback), True
    return None


def _decoded(event: icalendar.cal.Component, name: str) -> object:
    try:
        return event.decoded(name)
    except (KeyError, ValueError, TypeError, AttributeError):
        return None


def _one_event(event: icalendar.cal.Component, method: str, fallback: tzinfo) -> Invite | None:
    prop = event.get("DTSTART")
    tzid = _text(getattr(prop, "params", {}).get("TZID", "")) if prop is not None else ""
    zone = fallback
    if tzid:
        mapped = zone_from_name(tzid)
        if mapped is not None:
            zone = mapped
    start = _moment(_decoded(event, "DTSTART"), zone)
    if start is None:
        return None
    start_at, all_day = start
    end_at: datetime | None = None
    end = _moment(_decoded(event, "DTEND"), zone)
    if end is not None:
        end_at = end[0]
    else:
        duration = _decoded(event, "DURATION")
        if isinstance(duration, timedelta):
            end_at = start_at + duration
        elif all_day:
            end_at = start_at + timedelta(days=1)
    if end_at is not None and end_at < start_at:
        end_at = None
    try:
        sequence = int(_text(event.get("SEQUENCE", 0)) or 0)
    except ValueError:
        sequence = 0
    status = _text(event.get("STATUS", "")).upper()
    attendees_raw = event.get("ATTENDEE", [])
    if not isinstance(attendees_raw, list):
        attendees_raw = [attendees_raw]
    attendees = tuple(a for a in (_address(v) for v in attendees_raw) if a is not None)
    location = _text(event.get("LOCATION", "")).strip() or None
    return Invite(
        method="CANCEL" if status == "CANCELLED" else method,
        uid=_text(event.get("UID", "")).strip() or None,
        sequence=sequence,
        start=start_at,
        end=end_at,
        all_day=all_day,
        zone=_zone_name(start_at.tzinfo, tzid),
        location=location,
        summary=_text(event.get("SUMMARY", "")).strip(),
        description=_text(event.get("DESCRIPTION", "")).strip(),
        organizer=_address(event.get("ORGANIZER")),
        attendees=attendees,
    )


_BLOCK = re.compile(rb"^BEGIN:(VTIMEZONE|VALARM)\r?$.*?^END:\1\r?$\n?", re.M | re.S | re.I)
_ALARM = re.compile(rb"^BEGIN:VALARM\r?$.*?^END:VALARM\r?$\n?", re.M | re.S | re.I)
#: The properties the agent reads; the others (stamps, X- extensions...) are left unparsed.
_WANTED = frozenset(
    b"BEGIN END METHOD UID SEQUENCE STATUS DTSTART DTEND DURATION SUMMARY DESCRIPTION LOCATION "
    b"ORGANIZER ATTENDEE".split()
)
_WANTED_WITH_ZONES = _WANTED | frozenset(b"TZID TZOFFSETFROM TZOFFSETTO RRULE RDATE TZNAME".split())
#: Attendee parameters the agent never reads (only CN, CUTYPE and ROLE matter).
_PEOPLE_PARAMS = re.compile(
    rb';(?:PARTSTAT|RSVP|X-[A-Z0-9-]+|SENT-BY|DIR|LANGUAGE|MEMBER|DELEGATED-(?:TO|FROM))=(?:"[^"]*"|[^;:]*)',
    re.I,
)
_TZID = re.compile(rb";TZID=\"?([^:;\"\r\n]+)", re.I)


def _slim(data: bytes) -> bytes:
    """The calendar without the blocks the agent does not need.

    Alarms never matter; VTIMEZONE blocks are dropped only when every TZID is
    a zone the agent knows by name (IANA or Windows), which is nearly always:
    they are most of an invite's lines and most of its parsing time.
    """
    unfolded = re.sub(rb"\r?\n[ \t]", b"", data)
    names = {m.group(1).decode("utf-8", "replace").strip() for m in _TZID.finditer(unfolded)}
    if all(zone_from_name(name) is not None for name in names):
        unfolded = _BLOCK.sub(b"", unfolded)
        keep = _WANTED
    else:
        unfolded = _ALARM.sub(b"", unfolded)
        keep = _WANTED_WITH_ZONES
    lines = []
    for line in unfolded.splitlines():
        name = line.split(b":", 1)[0].split(b";", 1)[0].upper()
        if name in keep:
            lines.append(
                _PEOPLE_PARAMS.sub(b"", line) if name in (b"ATTENDEE", b"ORGANIZER") else line
            )
    return b"\r\n".join(lines) + b"\r\n"


def parse_invites(data: bytes, fallback: tzinfo) -> list[Invite]:
    """Every event in one calendar part; ``fallback`` is the zone for floating times."""
    try:
        calendars = icalendar.Calendar.from_ical(_slim(data), multiple=True)
    except (ValueError, KeyError, TypeError, IndexError, AttributeError):
        return []
    out: list[Invite] = []
    for cal in calendars:
        method = _text(cal.get("METHOD", "")).strip().upper() or "PUBLISH"
        try:
            events = cal.walk("VEVENT")
        except (ValueError, KeyError, TypeError, AttributeError):
            continue
        for event in events:
            try:
                invite = _one_event(event, method, fallback)
            except (ValueError, KeyError, TypeError, AttributeError, OverflowError):
                invite = None
            if invite is not None:
                out.append(invite)
    return out
