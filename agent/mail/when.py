"""Dates and times written in recruiter mail, read against the message's own Date.

This module owns reading the plain text of one email (already decoded from MIME
and HTML) for: the interview's date and time (:func:`find_interview_time`), the
date by which the hiring side said the candidate will hear back
(:func:`find_decision_date`), the date an out-of-office sender is back
(:func:`find_return_date`), and the zone-name table behind them
(:func:`zone_from_name`). It is pure: no I/O beyond zoneinfo's own data, no
logging, and never the system clock; ``sent`` is "now". It never raises on any
text.

Rules:

- Quoted text is ignored: lines starting with ``>``, ``Sent:`` header lines, and
  everything from a reply header ("On ... wrote:", "-----Original Message-----",
  an Outlook "From:/Sent:" block) on.
- A month/day without a year is its first occurrence on or after the sent date,
  up to 7 days back still counting as this year; "the 20th" is the next 20th on or
  after the sent date. "3/10" is month/day when the sent offset is negative
  (Americas), day/month otherwise; an impossible reading is skipped.
- A weekday alone is the next such day strictly after the sent date; "next
  Tuesday" is the Tuesday of the following Monday-based week; "this Tuesday" is
  this week's if not past (interviews; for decisions and returns it is a plain
  weekday). A weekday written with a date is only a check: the date wins.
- Zone: a zone named next to the time wins (US/EU abbreviations are their
  DST-aware region whatever the S/D letter says; "(UTC-05:00) Eastern Time" is
  America/New_York); else the sender's offset (``sent.tzinfo``).
- An interview time needs a date (or today/tomorrow/a weekday) in its sentence or
  paragraph; the best candidate sits near interview words; times in sentences
  about replying or deciding, or after "by"/"before"/"until", are skipped.
- A decision date comes from the first sentence with a decision cue that yields a
  date on or after the sent date, skipping the interview's own date.
- A return date is the date after until/back/return; a range end ("through",
  "to", "March 2-6") gives the day after it.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from functools import cache, cached_property
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

__all__ = [
    "Span",
    "find_decision_date",
    "find_interview_time",
    "find_return_date",
    "zone_from_name",
]


@dataclass(frozen=True)
class Span:
    """An interview time. ``zone`` is the IANA name of the zone the text named, or None."""

    start: datetime
    end: datetime | None
    zone: str | None


# ----------------------------------------------------------------------------- word tables


def _table(rows: dict[str, str], sep: str = " ") -> dict[str, str]:
    """Invert ``{value: "key key ..."}`` rows into ``{key: value}``."""
    return {key: value for value, keys in rows.items() for key in keys.split(sep)}


_MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            "january jan",
            "february feb",
            "march mar",
            "april apr",
            "may",
            "june jun",
            "july jul",
            "august aug",
            "september sep sept",
            "october oct",
            "november nov",
            "december dec",
        ),
        start=1,
    )
    for name in names.split()
}
_WEEKDAYS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            "monday mon",
            "tuesday tue tues",
            "wednesday wed",
            "thursday thu thur thurs",
            "friday fri",
            "saturday sat",
            "sunday sun",
        )
    )
    for name in names.split()
}
_NUMBER_WORDS: dict[str, int] = {
    **{
        word: number
        for number, word in enumerate(
            (
                "one",
                "two",
                "three",
                "four",
                "five",
                "six",
                "seven",
                "eight",
                "nine",
                "ten",
                "eleven",
                "twelve",
            ),
            start=1,
        )
    },
    **{"a": 1, "an": 1, "a couple": 2, "couple": 2, "a few": 3},
}

# Abbreviations, matched case-sensitively in text ("ET", not "et").
_ZONE_ABBREVIATIONS: dict[str, str] = _table(
    {
        "America/New_York": "EST EDT ET",
        "America/Chicago": "CST CDT CT",
        "America/Denver": "MST MDT MT",
        "America/Los_Angeles": "PST PDT PT",
        "Europe/Berlin": "CET CEST",
        "Europe/London": "BST",
        "UTC": "GMT UTC",
        "Europe/Helsinki": "EET EEST",
        "Asia/Kolkata": "IST",
        "Asia/Tokyo": "JST",
        "Asia/Singapore": "SGT",
        "Australia/Sydney": "AEST AEDT AET",
        "Europe/Lisbon": "WET WEST",
        "Pacific/Auckland": "NZST NZDT",
        "Pacific/Honolulu": "HST",
        "America/Anchorage": "AKST AKDT",
    }
)
# Names, matched case-insensitively; the Windows TZIDs follow CLDR's windowsZones.
_ZONE_NAMES: dict[str, str] = _table(
    {
        "Europe/Berlin": "w. europe standard time",
        "Europe/Paris": "romance standard time",
        "Europe/Budapest": "central europe standard time",
        "Europe/Warsaw": "central european standard time",
        "Europe/London": "gmt standard time",
        "Atlantic/Reykjavik": "greenwich standard time",
        "Europe/Bucharest": "gtb standard time",
        "Europe/Chisinau": "e. europe standard time",
        "Europe/Kiev": "fle standard time",
        "Europe/Istanbul": "turkey standard time",
        "Europe/Moscow": "russian standard time",
        "Asia/Jerusalem": "israel standard time",
        "Africa/Johannesburg": "south africa standard time",
        "Africa/Cairo": "egypt standard time",
        "Africa/Lagos": "w. central africa standard time",
        "Asia/Dubai": "arabian standard time",
        "Asia/Shanghai": "china standard time",
        "Asia/Seoul": "korea standard time",
        "Asia/Singapore": "singapore standard time",
        "Australia/Perth": "w. australia standard time",
        "Pacific/Auckland": "new zealand standard time",
        "Pacific/Honolulu": "hawaiian standard time",
        "America/Anchorage": "alaskan standard time",
        "America/Phoenix": "us mountain standard time",
        "America/Halifax": "atlantic standard time",
        "America/Sao_Paulo": "e. south america standard time",
        "America/Bogota": "sa pacific standard time",
        "America/Mexico_City": "central standard time (mexico)",
    },
    sep="|",
) | _table(
    {
        "America/New_York": "eastern|eastern time|us eastern|us/eastern|eastern standard time"
        "|eastern daylight time",
        "America/Chicago": "central|central time|us central|us/central|central standard time"
        "|central daylight time",
        "America/Denver": "mountain|mountain time|us mountain|mountain standard time"
        "|mountain daylight time",
        "America/Los_Angeles": "pacific|pacific time|us pacific|us/pacific"
        "|pacific standard time|pacific daylight time",
        "Europe/Berlin": "central european|central european time|central european summer time"
        "|central european standard time",
        "Europe/London": "uk|uk time|british|british time|british summer time",
        "UTC": "utc|gmt|utc time|gmt time|greenwich mean time|coordinated universal time|zulu",
        "Europe/Helsinki": "eastern european|eastern european time|eastern european summer time",
        "Asia/Kolkata": "india|india time|indian standard time|india standard time",
        "Asia/Tokyo": "japan|japan time|japan standard time|tokyo standard time",
        "Australia/Sydney": "aus eastern standard time|australian eastern time",
        "Europe/Lisbon": "western european|western european time|western european summer time",
    },
    sep="|",
)
# Cities people name that are not the last component of an IANA zone.
_CITY_ALIASES: dict[str, str] = _table(
    {
        "America/New_York": "boston|washington|atlanta|miami|philadelphia|east coast",
        "America/Los_Angeles": "san francisco|seattle|san diego|silicon valley|west coast",
        "America/Chicago": "austin|dallas|houston",
        "America/Toronto": "montreal|ottawa",
        "Europe/Berlin": "munich|frankfurt|hamburg|cologne",
        "Europe/Madrid": "barcelona|valencia",
        "Europe/Rome": "milan",
        "Europe/Zurich": "geneva",
        "Europe/London": "edinburgh|manchester",
        "Europe/Amsterdam": "rotterdam|the hague",
        "Asia/Kolkata": "bangalore|bengaluru|mumbai|delhi|new delhi|hyderabad|pune|chennai",
        "Asia/Jerusalem": "tel aviv",
        "Asia/Shanghai": "beijing",
    },
    sep="|",
)
_IANA_REGION_RE = re.compile(
    r"(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/"
)

# Words that put a date or time near an interview.
_INTERVIEW_WORDS: tuple[str, ...] = (
    r"interview\w*",
    r"calls?",
    r"chats?",
    r"meet(?:s|ing|ings)?",
    r"conversations?",
    r"sessions?",
    r"panels?",
    r"on-?sites?",
    r"screen(?:ing)?s?",
    r"scheduled",
    r"booked",
    r"confirmed",
    r"(?:when|time|date)\s*:",
)
# Words that say the hiring side will decide or come back to the candidate.
_DECISION_WORDS: tuple[str, ...] = (
    r"let\s+you\s+know",
    r"hear(?:d|ing)?\s+back",
    r"hear\s+from\s+us",
    r"back\s+to\s+you",
    r"decisions?",
    r"decid(?:e|es|ed|ing)",
    r"updat(?:e|ing)\s+you",
    r"in\s+touch",
    r"feedback",
    r"next\s+steps?",
    r"make\s+a\s+call",
    r"reach(?:es|ed|ing)?\s+out",
    r"follow(?:ing)?\s+up\s+with\s+you",
    r"expect(?:s|ing)?\s+to",
    r"finali[sz](?:e|es|ed|ing)",
    r"wrap(?:s|ped|ping)?\s+up",
)
# Words that put a date or time in a request for the candidate's reply.
_REPLY_WORDS: tuple[str, ...] = (
    r"let\s+(?:us|me)\s+know",
    r"repl(?:y|ies|ying)",
    r"respond\w*",
    r"responses?",
    r"deadlines?",
    r"get\s+back\s+to\s+(?:us|me)",
)
# Words before a date that make it the interview (or another meeting), not a deadline.
_APPOINTMENT_WORDS: tuple[str, ...] = (
    r"interview\w*",
    r"chat",
    r"meeting",
    r"panel",
    r"on-?site",
    r"conversation",
    r"session",
    r"screen(?:ing)?",
    r"(?:our|your|the|phone|video)\s+call",
    r"spoke",
    r"speaking",
    r"talking",
    r"met",
    r"visit\w*",
    r"c(?:ame|oming)\s+in",
    r"your\s+time",
)

# ----------------------------------------------------------------------------- patterns


def _alt(words: Iterable[str]) -> str:
    """An alternation of literal phrases, longest first; a space matches any whitespace."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in ordered)


def _names(table: dict[str, int], sensitive: Iterable[str]) -> str:
    """Full names match in any case; abbreviations (and ``sensitive``) only as Xxx or XXX."""
    full = [name for name in table if len(name) > 4 and name not in sensitive]
    short = [name for name in table if name not in full]
    cased = [v for name in short for v in (name.capitalize(), name.upper())]
    return rf"(?:{_alt(full)}|(?-i:{_alt(cased)}))"


def _words(words: Iterable[str]) -> str:
    return r"\b(?:" + "|".join(words) + r")(?!\w)"


_MON = _names(_MONTHS, {"march", "may", "june", "july"} - {"march"})
_WD = _names(_WEEKDAYS, ())
_ORD = r"(?:st|nd|rd|th)?"
_NOT_IN_NUMBER = r"(?<![\w/.:-])"

_DATE_RE = re.compile(
    r"\b(?:"
    rf"{_NOT_IN_NUMBER}(?P<iy>\d{{4}})[-/](?P<im>\d{{1,2}})[-/](?P<id>\d{{1,2}})(?![\d/-])"
    rf"|(?:(?P<wp>{_WD})\.?,?\s+)?(?:"
    rf"(?P<md_m>{_MON})\.?\s+(?:the\s+)?(?P<md_d>\d{{1,2}}){_ORD}(?![\d:])"
    rf"(?:\s*-\s*(?P<md_e>\d{{1,2}}){_ORD}(?![\d:]|\s*[ap]m\b))?"
    r"(?:,?\s+(?P<md_y>\d{4})(?![\d:]))?"
    rf"|{_NOT_IN_NUMBER}(?:the\s+)?(?:(?P<dm_s>\d{{1,2}}){_ORD}\s*-\s*)?"
    rf"(?P<dm_d>\d{{1,2}}){_ORD}(?:\s+of)?\s+(?P<dm_m>{_MON})\b\.?"
    r"(?:,?\s+(?P<dm_y>\d{4})(?![\d:]))?"
    rf"|{_NOT_IN_NUMBER}(?P<n_a>\d{{1,2}})/(?P<n_b>\d{{1,2}})(?:/(?P<n_y>\d{{4}}|\d{{2}}))?(?![\d/])"
    rf"|{_NOT_IN_NUMBER}(?P<nd_a>\d{{1,2}})\.(?P<nd_b>\d{{1,2}})\.(?P<nd_y>\d{{4}})(?!\d)"
    r"|the\s+(?P<th_d>\d{1,2})(?:st|nd|rd|th)\b"
    r")"
    r"|(?P<rel>today|tonight|tomorrow)\b"
    rf"|(?:(?P<mod>next|this|coming|(?:the\s+)?following)\s+)?(?P<wd>{_WD})\b\.?"
    r")",
    re.I,
)

_ZONE_TEXT = (
    r"(?P<zoff>(?:UTC|GMT)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?)(?!\w)"
    rf"|(?P<zword>{_alt(_ZONE_NAMES)})(?!\w)(?:\s*\(US\s*&\s*Canada\))?"
    rf"|(?-i:(?P<zabbr>{_alt(_ZONE_ABBREVIATIONS)}))(?!\w)"
    r"|(?-i:(?P<zcity>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}))\s+time\b"
    r"|(?-i:(?P<ziana>[A-Z][a-z]+/[A-Z][A-Za-z_]+(?:/[A-Z][A-Za-z_]+)?))"
)


def _clock(n: int) -> str:
    return (
        rf"(?P<h{n}>\d{{1,2}})(?:(?P<f{n}>[:h])(?P<m{n}>\d{{2}}))?(?!\d)"
        rf"(?:\s*(?P<ap{n}>[ap]m)\b)?(?:\s*o'?clock)?"
    )


_TIME_RE = re.compile(
    r"(?<![\w:/.$£€-])(?:(?P<pre>at|@|from|between|around|starting\s+at)\s*)?"
    rf"(?:(?P<noon>(?:12\s*)?(?:noon|midday))|{_clock(1)})"
    rf"(?:\s*(?P<sep>-|to|until|till|and)\s*{_clock(2)})?"
    rf"(?:\s*,?\s*\(?\s*(?:{_ZONE_TEXT})\s*\)?)?",
    re.I,
)
_DURATION_RE = re.compile(
    r"(?<![\w.])(?:(?P<min>\d{1,3})[\s-]*(?:minutes?|mins?)\b"
    r"|(?P<hr>\d{1,2}(?:\.\d+)?|an?|one|two|three|four)[\s-]*(?:hours?|hrs?)\b"
    r"(?P<half>\s+and\s+a\s+half)?"
    r"|(?P<halfhr>half[\s-]+an?[\s-]+hour|half[\s-]hour)\b)",
    re.I,
)
_DURATION_NOT_AFTER_RE = re.compile(r"\b(?:in|within|every|after|before)\s+$", re.I)
_DURATION_NOT_BEFORE_RE = re.compile(
    r"\s+(?:early|earlier|before|beforehand|prior|ahead|late|later|ago|after|in\s+advance)\b",
    re.I,
)

_WITHIN = r"(?:(?:within|in|over)\s+(?:the\s+)?(?:next\s+|coming\s+)?|(?:the\s+)?next\s+)"
_COUNT = rf"(?:\d{{1,3}}|(?:{_alt(_NUMBER_WORDS)})(?:\s+of)?)"
# Decision phrases without a calendar date: (name, pattern); names dispatch in _relative().
_RELATIVE: tuple[tuple[str, str], ...] = (
    (
        "end_next_week",
        r"(?:the\s+)?(?:end|close)\s+of\s+next\s+week|late\s+next\s+week|next\s+week",
    ),
    ("early_next_week", r"early\s+next\s+week|(?:the\s+)?(?:beginning|start)\s+of\s+next\s+week"),
    ("mid_next_week", r"mid(?:dle\s+of)?[\s-]*next\s+week"),
    ("end_this_week", r"(?:the\s+)?(?:end|close)\s+of\s+(?:the\s+|this\s+)?week|this\s+week"),
    (
        "few_days",
        rf"{_WITHIN}(?:a\s+)?few\s+(?:business\s+|working\s+)?days|in\s+the\s+coming\s+days",
    ),
    (
        "business_days",
        rf"{_WITHIN}(?P<business_days_n>{_COUNT})\s+(?:business|working|work)\s+days?",
    ),
    ("days", rf"{_WITHIN}(?P<days_n>{_COUNT})\s+(?:calendar\s+)?days?"),
    ("hours", rf"{_WITHIN}(?P<hours_n>{_COUNT})\s+hours?"),
    ("weeks", rf"{_WITHIN}(?P<weeks_n>{_COUNT})\s+weeks?|{_WITHIN}a\s+fortnight"),
    (
        "same_day",
        r"(?:the\s+)?(?:end|close)\s+of\s+(?:the\s+)?(?:business\s+)?day|EOD|COB"
        r"|close\s+of\s+business|today|tonight",
    ),
    (
        "early_next_month",
        r"early\s+next\s+month|(?:the\s+)?(?:beginning|start)\s+of\s+next\s+month",
    ),
    ("mid_next_month", r"mid(?:dle\s+of)?[\s-]*next\s+month"),
    ("end_next_month", r"(?:the\s+)?end\s+of\s+next\s+month|late\s+next\s+month|next\s+month"),
    ("end_this_month", r"(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?month|this\s+month"),
    (
        "early_month",
        rf"(?:early|(?:the\s+)?(?:beginning|start)\s+of)[\s-]*(?P<early_month_m>{_MON})",
    ),
    ("mid_month", rf"(?:mid|(?:the\s+)?middle\s+of)[\s-]*(?P<mid_month_m>{_MON})"),
    ("end_month", rf"(?:late|(?:the\s+)?end\s+of)[\s-]*(?P<end_month_m>{_MON})"),
)
_RELATIVE_RE = re.compile(
    r"\b(?:" + "|".join(f"(?P<{name}>{pattern})" for name, pattern in _RELATIVE) + r")\b", re.I
)

_INTERVIEW_RE = re.compile(_words(_INTERVIEW_WORDS), re.I)
_DECISION_RE = re.compile(_words(_DECISION_WORDS), re.I)
_SKIP_RE = re.compile(_words(_DECISION_WORDS + _REPLY_WORDS), re.I)
_APPOINTMENT_BEFORE_RE = re.compile(_words(_APPOINTMENT_WORDS) + r"[^.;:!?\n]{0,16}$", re.I)
_DEADLINE_BEFORE_RE = re.compile(
    r"(?:\b(?:by|before|until|till|due)|no\s+later\s+than|deadline(?:\s+(?:is|of))?)\s*"
    r"(?:(?:the\s+)?(?:end|close)\s+of\s+)?(?:on\s+)?$",
    re.I,
)
_RANGE_END_BEFORE_RE = re.compile(
    r"(?:\b(?P<through>through|thru|and\s+including)|\bto|-)\s*$", re.I
)
_RETURN_CUE_RE = re.compile(
    r"\b(?:(?P<back>until|till|til|back|return\w*|respond\w*|repl(?:y|ying)|resum\w*"
    r"|in\s+the\s+office|available(?:\s+again)?(?:\s+from)?|reachable)"
    r"|(?P<start>from|starting|beginning|between|since|leaving))\b",
    re.I,
)
_GLUE_RE = re.compile(r"[\s,]*(?:on\s+)?")

_TRANSLATE = str.maketrans(
    {c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2212"}
    | {c: " " for c in "\u00a0\u2009\u202f"}
    | {"\u2019": "'", "\r": "\n"}
)
_QUOTE_START_RE = re.compile(
    r"^[ \t]*On\b[^\n]{0,300}?(?:\n[^\n]{0,300}?)?\bwrote:[ \t]*$"
    r"|^[ \t]*-{2,}[ \t]*Original[ \t]+Message[ \t]*-{2,}"
    r"|^[ \t]*From:[^\n]*\n[ \t]*(?:Sent|Date):",
    re.M | re.I,
)
_QUOTED_LINE_RE = re.compile(r"^[ \t]*(?:>|Sent:)[^\n]*", re.M | re.I)
_AMPM_RE = re.compile(r"(?<![a-z])([ap])\.\s?m\.?(?!\w)", re.I)
_BREAK_RE = re.compile(
    r"[.!?;]+(?=\s)|\n[ \t]*\n|:[ \t]*\n"
    r"|\n(?=[ \t]*(?:[-*•·]\s|\d{1,2}[.)]\s|[A-Z][A-Za-z ]{0,24}:))"
)
_PARAGRAPH_RE = re.compile(r"\n[ \t]*\n")
_OFFSET_NAME_RE = re.compile(
    r"\(?\s*(?:UTC|GMT)\s*(?:(?P<sign>[+-])\s*(?P<hh>\d{1,2})(?::?(?P<mm>\d{2}))?)?\s*\)?"
    r"\s*(?P<rest>.*)",
    re.I | re.S,
)
_US_CANADA_RE = re.compile(r"\(\s*US\s*&\s*Canada\s*\)", re.I)
_MAX_CHARS = 100_000
_LAST = -1  # day of month: the last one

# ----------------------------------------------------------------------------- zones


@cache
def _iana_names() -> dict[str, str]:
    return {name.lower(): name for name in available_timezones()}


@cache
def _city_zones() -> dict[str, str]:
    cities: dict[str, str] = {}
    for name in sorted(available_timezones()):
        if _IANA_REGION_RE.match(name):
            cities.setdefault(name.rsplit("/", 1)[-1].replace("_", " ").lower(), name)
    return _CITY_ALIASES | cities


def _zone(name: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _named_zone(name: str) -> tzinfo | None:
    """A zone from a name in the tables, an IANA name, or "<City> (time)"; no offsets."""
    key = " ".join(_US_CANADA_RE.sub("", name).strip(" \t()[].,").lower().split())
    for candidate in (key, key.removesuffix(" time")):
        if candidate in _ZONE_NAMES:
            return _zone(_ZONE_NAMES[candidate])
        if candidate.upper() in _ZONE_ABBREVIATIONS:
            return _zone(_ZONE_ABBREVIATIONS[candidate.upper()])
    if key in _iana_names():
        return _zone(_iana_names()[key])
    city = _city_zones().get(key.split(",")[0].strip().removesuffix(" time"))
    return _zone(city) if city else None


def zone_from_name(name: str) -> tzinfo | None:
    """The zone a name means: "ET", "Pacific", "CET", "Madrid time", "UTC+2", IANA and
    common Windows names ("W. Europe Standard Time"); None when unknown."""
    text = " ".join(name.translate(_TRANSLATE).split())
    if not text or len(text) > 120:
        return None
    named = _named_zone(text)
    if named is not None:
        return named
    m = _OFFSET_NAME_RE.fullmatch(text)
    if m is None:
        return None
    if m["rest"] and (named := _named_zone(m["rest"])) is not None:
        return named  # Outlook: "(UTC-05:00) Eastern Time (US & Canada)"
    if m["sign"] is None:
        return _zone("UTC")
    hours, minutes = int(m["hh"]), int(m["mm"] or 0)
    if hours > 14 or minutes > 59:
        return None
    offset = timedelta(hours=hours, minutes=minutes)
    return timezone(-offset if m["sign"] == "-" else offset)


def _zone_key(tz: tzinfo) -> str | None:
    """The IANA name for a zone read from text; fixed whole-hour offsets as Etc/GMT∓N."""
    if isinstance(tz, ZoneInfo):
        return tz.key
    offset = tz.utcoffset(None)
    if offset is None or offset % timedelta(hours=1):
        return None
    hours = offset // timedelta(hours=1)
    return "UTC" if hours == 0 else f"Etc/GMT{-hours:+d}" if -12 <= hours <= 14 else None


def _zone_after_time(m: re.Match[str], text: str) -> tzinfo | None:
    if m["zoff"]:
        if any(c.isdigit() for c in m["zoff"]):
            tail = text[m.end() : m.end() + 80].split("\n", 1)[0]
            if tail[:1].isspace() and (named := _named_zone(tail.split(",")[0])) is not None:
                return named  # Outlook: "(UTC-05:00) Eastern Time (US & Canada)"
        return zone_from_name(m["zoff"])
    if m["zabbr"]:
        return _zone(_ZONE_ABBREVIATIONS[m["zabbr"]])
    name = m["zword"] or m["zcity"] or m["ziana"]
    return _named_zone(name) if name else None


# ----------------------------------------------------------------------------- calendar


def _date(year: int, month: int, day: int) -> date | None:
    """A date, or None when impossible; ``_LAST`` for the month's last day."""
    if not (1970 <= year <= 2200 and 1 <= month <= 12):
        return None
    last = calendar.monthrange(year, month)[1]
    if day == _LAST:
        day = last
    return date(year, month, day) if 1 <= day <= last else None


def _month_day(month: int, day: int, year: str | None, today: date) -> date | None:
    """The year rule: the first occurrence on or after ``today``, 7 days' grace."""
    if year is not None:
        return _date(int(year) + (2000 if len(year) == 2 else 0), month, day)
    for candidate in range(today.year, today.year + 9):
        found = _date(candidate, month, day)
        if found is not None and found >= today - timedelta(days=7):
            return found
    return None


def _day_of_month(day: int, today: date) -> date | None:
    year, month = today.year, today.month
    for _ in range(3):
        found = _date(year, month, day) if day else None
        if found is not None and found >= today:
            return found
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None


def _weekday_after(today: date, weekday: int) -> date:
    return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)


def _next_monday(today: date) -> date:
    return today + timedelta(days=7 - today.weekday())


def _next_month(today: date, day: int) -> date | None:
    year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    return _date(year, month, day)


def _business_days(today: date, count: int) -> date:
    day = today
    while count > 0:
        day += timedelta(days=1)
        count -= day.weekday() < 5
    return day


def _count(text: str | None) -> int:
    words = " ".join((text or "").lower().split()).removesuffix(" of")
    return int(words) if words.isdigit() else _NUMBER_WORDS.get(words, 2)


def _relative(m: re.Match[str], sent: datetime) -> date | None:
    """The date a decision phrase from _RELATIVE means, sent on ``sent``."""
    today, kind = sent.date(), m.lastgroup or ""
    month = m[f"{kind}_m"] if kind in ("early_month", "mid_month", "end_month") else None
    match kind:
        case "end_next_week" | "early_next_week" | "mid_next_week":
            offset = {"end_next_week": 4, "early_next_week": 1, "mid_next_week": 2}[kind]
            return _next_monday(today) + timedelta(days=offset)
        case "end_this_week":
            return today + timedelta(days=(4 - today.weekday()) % 7)
        case "few_days":
            return _business_days(today, 3)
        case "business_days":
            return _business_days(today, min(_count(m["business_days_n"]), 366))
        case "days":
            return today + timedelta(days=_count(m["days_n"]))
        case "hours":
            return (sent + timedelta(hours=_count(m["hours_n"]))).date()
        case "weeks":
            return today + timedelta(weeks=_count(m["weeks_n"]))
        case "same_day":
            return today
        case "early_next_month" | "mid_next_month" | "end_next_month":
            return _next_month(today, {"early": 10, "mid": 15, "end": _LAST}[kind.split("_")[0]])
        case "end_this_month":
            return _date(today.year, today.month, _LAST)
        case "early_month" | "mid_month" | "end_month" if month:
            day = {"early": 10, "mid": 15, "end": _LAST}[kind.split("_")[0]]
            return _month_day(_MONTHS[month.lower()], day, None, today)
    return None


# ----------------------------------------------------------------------------- clock times


@dataclass(frozen=True)
class _Clock:
    """A time (or time range) found in the text; minutes after midnight."""

    start: int
    end: int
    begin: int
    finish: int | None
    overnight: bool
    tz: tzinfo | None


def _minutes(hour: int, minute: int, ap: str | None) -> int | None:
    """Minutes after midnight, or None when not a valid reading ("25:00", "13pm")."""
    if minute > 59:
        return None
    if ap:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ap == "pm" else 0)
    elif hour > 23:
        return None
    return hour * 60 + minute


def _side(m: re.Match[str], n: str) -> tuple[int, int, str | None, bool, str | None] | None:
    """One end of a clock reading: hour, minute, am/pm, explicit, am/pm guess."""
    if n == "1" and m["noon"]:
        return 12, 0, "pm", True, None
    hour_text, form = m[f"h{n}"], m[f"f{n}"]
    hour, ap = int(hour_text), (m[f"ap{n}"] or "").lower() or None
    if form == "h" and hour < 7:
        return None  # "2h30" is a duration
    # No am/pm and no 24-hour clue: 1-6 o'clock is the afternoon (unless written "06:00").
    guess = "pm" if 1 <= hour <= 6 and not hour_text.startswith("0") and form != "h" else None
    return hour, int(m[f"m{n}"] or 0), ap, ap is not None or form is not None, guess


def _read_clock(m: re.Match[str], text: str) -> _Clock | None:
    pre = " ".join((m["pre"] or "").lower().split())
    has_end = m["h2"] is not None and (m["sep"].lower() != "and" or pre == "between")
    sides = [_side(m, "1"), *([_side(m, "2")] if has_end else [])]
    if None in sides:
        return None
    read = [side for side in sides if side is not None]
    if not any(side[3] for side in read) and pre not in (
        ("from", "between") if has_end else ("at", "@", "around", "starting at")
    ):
        return None  # a bare number is a time only after "at" (or in "from 2 to 3")
    aps = [side[2] for side in read]
    if has_end and (aps[0] is None) != (aps[1] is None):  # "3:00-3:45 PM", "11-12pm"
        shared = aps[0] or aps[1]
        values = [_minutes(h, mi, ap or shared) for h, mi, ap, _, _ in read]
        if values[0] is not None and values[1] is not None and values[0] > values[1]:
            lone = aps.index(None)
            values[lone] = _minutes(read[lone][0], read[lone][1], "am" if shared == "pm" else "pm")
    else:
        values = [_minutes(h, mi, ap or guess) for h, mi, ap, _, guess in read]
    begin, finish = values[0], values[-1] if has_end else None
    if begin is None or (has_end and finish is None):
        return None
    overnight = False
    if finish is not None and finish <= begin:
        overnight = None not in aps  # "11pm-1am"; otherwise the end is nonsense: drop it
        finish = finish if overnight else None
    return _Clock(m.start(), m.end(), begin, finish, overnight, _zone_after_time(m, text))


# ----------------------------------------------------------------------------- the text


def _clean(text: str) -> str:
    """Normalise dashes, spaces and a.m./p.m., and drop quoted text."""
    text = text[:_MAX_CHARS].replace("\r\n", "\n").translate(_TRANSLATE)
    for m in _QUOTE_START_RE.finditer(text):
        if "original appointment" not in text[max(0, m.start() - 80) : m.start()].lower():
            text = text[: m.start()]  # a forwarded Outlook invite keeps its From:/When: block
            break
    return _AMPM_RE.sub(r"\1m", _QUOTED_LINE_RE.sub("", text))


def _distance(span: tuple[int, int], pos: int) -> int:
    return pos - span[1] if span[1] <= pos else max(span[0] - pos, 0)


class _Doc:
    """One email body, cleaned, with each pattern run over it once."""

    def __init__(self, text: str, sent: datetime) -> None:
        if sent.utcoffset() is None:
            sent = sent.replace(tzinfo=UTC)
        offset = sent.utcoffset()
        self.sent, self.today = sent, sent.date()
        self.month_first = offset is not None and offset < timedelta(0)
        self.text = _clean(text)
        self.starts = [0, *(m.end() for m in _BREAK_RE.finditer(self.text))]
        self.paragraphs = [0, *(m.end() for m in _PARAGRAPH_RE.finditer(self.text))]
        self.dates = list(_DATE_RE.finditer(self.text))
        self.dates_in: dict[int, list[re.Match[str]]] = {}
        for found in self.dates:
            self.dates_in.setdefault(self.sentence(found.start()), []).append(found)

    def sentence(self, pos: int) -> int:
        return bisect_right(self.starts, pos) - 1

    def paragraph(self, pos: int) -> int:
        return bisect_right(self.paragraphs, pos) - 1

    def cues(self, pattern: re.Pattern[str]) -> dict[int, list[tuple[int, int]]]:
        """Where ``pattern`` matches, by sentence."""
        found: dict[int, list[tuple[int, int]]] = {}
        for m in pattern.finditer(self.text):
            found.setdefault(self.sentence(m.start()), []).append(m.span())
        return found

    @cached_property
    def interview_cues(self) -> dict[int, list[tuple[int, int]]]:
        return self.cues(_INTERVIEW_RE)

    @cached_property
    def skip_cues(self) -> dict[int, list[tuple[int, int]]]:
        return self.cues(_SKIP_RE)

    @cached_property
    def times(self) -> list[_Clock]:
        taken = [found.span() for found in self.dates]
        clocks = []
        for m in _TIME_RE.finditer(self.text):
            clock = _read_clock(m, self.text)
            if clock and not any(a < clock.end and clock.start < b for a, b in taken):
                clocks.append(clock)
        return clocks

    @cached_property
    def durations(self) -> list[tuple[int, int]]:
        """(position, minutes) of each duration that can be an interview's length."""
        found = []
        for m in _DURATION_RE.finditer(self.text):
            if _DURATION_NOT_AFTER_RE.search(
                self.text, max(0, m.start() - 12), m.start()
            ) or _DURATION_NOT_BEFORE_RE.match(self.text, m.end()):
                continue  # "10 minutes early", "within 1 hour"
            if m["min"]:
                minutes = int(m["min"])
            elif m["hr"]:
                hours = float(m["hr"]) if m["hr"][0].isdigit() else _count(m["hr"])
                minutes = round(hours * 60) + (30 if m["half"] else 0)
            else:
                minutes = 30
            if 10 <= minutes <= 480:
                found.append((m.start(), minutes))
        return found

    def day(self, d: re.Match[str], *, this_week: bool = False, last: bool = False) -> date | None:
        """The date a _DATE_RE match means (``last``: a range's last day)."""
        today = self.today
        if d["iy"]:
            return _date(int(d["iy"]), int(d["im"]), int(d["id"]))
        if d["md_m"]:
            day = d["md_e"] if last and d["md_e"] else d["md_d"]
            return _month_day(_MONTHS[d["md_m"].lower()], int(day), d["md_y"], today)
        if d["dm_m"]:
            day = d["dm_s"] if d["dm_s"] and not last else d["dm_d"]
            return _month_day(_MONTHS[d["dm_m"].lower()], int(day), d["dm_y"], today)
        if d["n_a"]:
            a, b = int(d["n_a"]), int(d["n_b"])
            month, day_number = (a, b) if self.month_first else (b, a)
            return _month_day(month, day_number, d["n_y"], today)
        if d["nd_a"]:
            return _date(int(d["nd_y"]), int(d["nd_b"]), int(d["nd_a"]))
        if d["th_d"]:
            return _day_of_month(int(d["th_d"]), today)
        if d["rel"]:
            return today + timedelta(days=d["rel"].lower() == "tomorrow")
        weekday = _WEEKDAYS[d["wd"].lower()]
        modifier = (d["mod"] or "").lower().split()[-1:]
        if modifier in (["next"], ["following"]):
            return _next_monday(today) + timedelta(days=weekday)
        if modifier == ["this"] and this_week and weekday >= today.weekday():
            return today + timedelta(days=weekday - today.weekday())
        return _weekday_after(today, weekday)

    def deadline_before(self, pos: int) -> bool:
        return _DEADLINE_BEFORE_RE.search(self.text, max(0, pos - 40), pos) is not None

    def skipped(self, pos: int) -> bool:
        """Whether ``pos`` is a deadline or in a sentence about replying or deciding."""
        if self.deadline_before(pos):
            return True
        s = self.sentence(pos)
        skips = self.skip_cues.get(s)
        if not skips:
            return False
        near_skip = min(_distance(span, pos) for span in skips)
        near_interview = min(
            (_distance(span, pos) for span in self.interview_cues.get(s, [])), default=_MAX_CHARS
        )
        return near_skip <= near_interview

    def date_for(self, clock: _Clock) -> re.Match[str] | None:
        """The date a time belongs to: in its sentence, else nearby in its paragraph."""
        s = self.sentence(clock.start)
        same = self.dates_in.get(s, [])
        before = [d for d in same if d.end() <= clock.start]
        after = [d for d in same if d.start() >= clock.end]
        if after and _GLUE_RE.fullmatch(self.text, clock.end, after[0].start()):
            return after[0]  # "2pm on Tuesday"
        if before or after:
            return before[-1] if before else after[0]
        paragraph = self.paragraph(clock.start)
        for t in (s - 1, s - 2, s - 3, s + 1):
            near = self.dates_in.get(t)
            if near and self.paragraph(near[0].start()) == paragraph:
                return near[-1] if t < s else near[0]
        return None

    def score(self, clock: _Clock, found: re.Match[str]) -> int:
        """Interview words in the sentence(s) count 2, in the line before 1; same sentence 1."""
        a, b = self.sentence(clock.start), self.sentence(found.start())
        first, cues = min(a, b), self.interview_cues
        if a in cues or b in cues:
            bonus = 2
        else:
            heading = first > 0 and first - 1 in cues
            bonus = int(heading and self.paragraph(self.starts[first - 1]) == self.paragraph(b))
        return bonus + (a == b)

    @cached_property
    def interview(self) -> tuple[Span, date] | None:
        best: tuple[int, _Clock, date] | None = None
        for clock in self.times:
            found = None if self.skipped(clock.start) else self.date_for(clock)
            if found is None or self.skipped(found.start()):
                continue
            day = self.day(found, this_week=True)
            score = self.score(clock, found)
            if day is not None and (best is None or score > best[0]):
                best = (score, clock, day)
        if best is None:
            return None
        _, clock, day = best
        tz = clock.tz or self.sent.tzinfo
        start = datetime(day.year, day.month, day.day, *divmod(clock.begin, 60), tzinfo=tz)
        end = None
        if clock.finish is not None:
            end_day = day + timedelta(days=clock.overnight)
            end = datetime(end_day.year, end_day.month, end_day.day, *divmod(clock.finish, 60))
            end = end.replace(tzinfo=tz)
        elif (minutes := self.duration_near(clock.start)) is not None:
            end = start + timedelta(minutes=minutes)
        return Span(start, end, _zone_key(clock.tz) if clock.tz else None), day

    def duration_near(self, pos: int) -> int | None:
        near = [(abs(p - pos), minutes) for p, minutes in self.durations if abs(p - pos) <= 400]
        return min(near)[1] if near else None

    def appointment(self, d: re.Match[str], day: date) -> bool:
        """Whether a date in a decision sentence is a meeting's (the interview's)."""
        text, start, end = self.text, d.start(), d.end()
        low = max(self.starts[self.sentence(start)], start - 40)
        if _APPOINTMENT_BEFORE_RE.search(text, low, start):
            return True
        for clock in self.times:
            if (clock.start >= end and _GLUE_RE.fullmatch(text, end, clock.start)) or (
                clock.end <= start and _GLUE_RE.fullmatch(text, clock.end, start)
            ):
                return True
        return self.interview is not None and self.interview[1] == day

    @cached_property
    def decision(self) -> date | None:
        sentences = self.cues(_DECISION_RE)
        found: list[tuple[int, int, int, date | None, re.Match[str] | None]] = [
            (s, d.start(), d.end(), self.day(d), d)
            for d in self.dates
            if (s := self.sentence(d.start())) in sentences
        ]
        found += [
            (s, m.start(), m.end(), _relative(m, self.sent), None)
            for m in (_RELATIVE_RE.finditer(self.text) if sentences else ())
            if (s := self.sentence(m.start())) in sentences
        ]
        for s, start, end, day, d in sorted(found, key=lambda item: item[:3]):
            if day is None or day < self.today:
                continue
            if d is None:
                if any(
                    e.start() >= end and _GLUE_RE.fullmatch(self.text, end, e.start())
                    for e in self.dates_in.get(s, [])
                ):
                    continue  # "end of day Friday": the date says more
            elif not self.deadline_before(start) and self.appointment(d, day):
                continue
            return day
        return None

    @cached_property
    def returning(self) -> date | None:
        for d in self.dates:
            s = self.sentence(d.start())
            window = self.text[max(self.starts[s], d.start() - 120) : d.start()]
            day = self.day(d, last=True)
            if day is None:
                continue
            if d["md_e"] or d["dm_s"]:
                return day + timedelta(days=1)  # "March 2-6"
            cues = list(_RETURN_CUE_RE.finditer(window))
            earlier = self.dates_in[s][0].start() < d.start() or any(c["start"] for c in cues)
            range_end = _RANGE_END_BEFORE_RE.search(window)
            if range_end and (range_end["through"] or earlier):
                return day + timedelta(days=1)  # "through March 6", "from March 2 to March 6"
            if cues and cues[-1]["back"]:
                return day  # "until", "back on", "returning"
        return None


# ----------------------------------------------------------------------------- public API


def find_interview_time(text: str, sent: datetime) -> Span | None:
    """The interview's date and time in ``text`` (a message sent at ``sent``), or None."""
    try:
        found = _Doc(text, sent).interview
    except (ValueError, OverflowError):  # a date at the edge of the calendar
        return None
    return found[0] if found else None


def find_decision_date(text: str, sent: datetime) -> date | None:
    """The date by which the hiring side said the candidate will hear back, or None."""
    try:
        return _Doc(text, sent).decision
    except (ValueError, OverflowError):
        return None


def find_return_date(text: str, sent: datetime) -> date | None:
    """The date an out-of-office auto-reply says its sender is back, or None."""
    try:
        return _Doc(text, sent).returning
    except (ValueError, OverflowError):
        return None
