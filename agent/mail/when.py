"""Dates and times written in recruiter mail, read against the message's own Date.

This module owns reading the plain text of one email (already decoded from MIME
and HTML) for: the interview's date and time (:func:`find_interview_time`), the
date by which the hiring side said the candidate will hear back
(:func:`find_decision_date`), the date an out-of-office sender is back
(:func:`find_return_date`), and the zone-name table behind them
(:func:`zone_from_name`). It is pure: no I/O beyond zoneinfo's own data, no
logging, never the system clock (``sent`` is "now"), and it never raises on any
text.

Rules:

- Quoted text is ignored: lines starting with ``>``, ``Sent:`` lines, and
  everything from a reply header ("On ... wrote:", "-----Original Message-----",
  an Outlook "From:/Sent:" block) on. A forward loses its header lines only.
- A month/day without a year is its first occurrence on or after the sent date,
  up to 7 days back still counting as this year; "the 20th" is the next 20th on or
  after the sent date. "3/10" is month/day when the sent offset is negative
  (Americas), day/month otherwise; an impossible reading is skipped.
- A weekday alone is the next such day strictly after the sent date; "next
  Tuesday" is the Tuesday of the following Monday-based week; "this Tuesday" is
  this week's if not past (interviews; elsewhere it is a plain weekday). A weekday
  written with a date is only a check: the date wins.
- Zone: a zone named right after the time wins (US/EU abbreviations mean their
  DST-aware region whatever the S/D letter says; "(UTC-05:00) Eastern Time" is
  America/New_York); else the sender's offset (``sent.tzinfo``).
- An interview time needs a date (or today/tomorrow/a weekday): in its sentence or
  paragraph, else (weakest) a future date elsewhere in the message; the best
  candidate sits near interview words; times in sentences about replying or
  deciding, or after "by"/"before"/"until", are skipped.
- A decision date comes from the first sentence with a decision cue that yields a
  date on or after the sent date: in a clause with the cue, after it if possible,
  skipping the interview's own date ("we'll be in touch" about scheduling is no cue).
- A return date is the date after back/return, else after until; a range end
  ("through", "to", "March 2-6", "until ... inclusive") gives the day after it.

For speed every pattern runs over a lower-cased copy of the text (case is checked
against the original where it matters: "ET", "May", "Sun") and the main ones run
once, as a single tokenizer (``_TOKEN_RE``).
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from functools import cache, cached_property, lru_cache
from operator import attrgetter
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


def _numbered(groups: str, start: int) -> dict[str, int]:
    """``"january jan|february feb"`` -> ``{"january": 1, "jan": 1, "february": 2, ...}``."""
    return {word: n for n, names in enumerate(groups.split("|"), start) for word in names.split()}


def _inverted(rows: dict[str, str]) -> dict[str, str]:
    """``{"Europe/Berlin": "cet|cest"}`` -> ``{"cet": "Europe/Berlin", "cest": ...}``."""
    return {key: value for value, keys in rows.items() for key in keys.split("|")}


_MONTHS = _numbered(
    "january jan|february feb|march mar|april apr|may|june jun|july jul|august aug"
    "|september sep sept|october oct|november nov|december dec",
    1,
)
_WEEKDAYS = _numbered(
    "monday mon|tuesday tue tues|wednesday wed|thursday thu thur thurs|friday fri"
    "|saturday sat|sunday sun",
    0,
)
_NUMBER_WORDS = _numbered(
    "one a an|two couple|three few|four|five|six|seven|eight|nine|ten|eleven|twelve", 1
) | {"a couple": 2, "a few": 3}
# Abbreviations, matched only in capitals ("ET", not "et").
_ZONE_ABBREVIATIONS = _inverted(
    {
        "America/New_York": "EST|EDT|ET",
        "America/Chicago": "CST|CDT|CT",
        "America/Denver": "MST|MDT|MT",
        "America/Los_Angeles": "PST|PDT|PT",
        "Europe/Berlin": "CET|CEST",
        "Europe/London": "BST",
        "UTC": "GMT|UTC",
        "Europe/Helsinki": "EET|EEST",
        "Asia/Kolkata": "IST",
        "Asia/Tokyo": "JST",
        "Asia/Singapore": "SGT",
        "Australia/Sydney": "AEST|AEDT|AET",
        "Europe/Lisbon": "WET|WEST",
        "Pacific/Auckland": "NZST|NZDT",
        "Pacific/Honolulu": "HST",
        "America/Anchorage": "AKST|AKDT",
    }
)
# Names in any case; the Windows TZIDs follow CLDR's windowsZones.xml.
_WINDOWS_ZONES = _inverted(
    {
        "Europe/Berlin": "w. europe standard time",
        "Europe/Paris": "romance standard time",
        "Europe/Budapest": "central europe standard time",
        "Europe/London": "gmt standard time",
        "Europe/Helsinki": "fle standard time",
        "Europe/Bucharest": "gtb standard time",
        "Asia/Jerusalem": "israel standard time",
        "Asia/Shanghai": "china standard time",
        "Asia/Singapore": "singapore standard time",
        "America/Phoenix": "us mountain standard time",
        "America/Halifax": "atlantic standard time",
        "America/Sao_Paulo": "e. south america standard time",
    }
)
_ZONE_NAMES = _WINDOWS_ZONES | _inverted(
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
    }
)
# Cities people name that are not the last component of an IANA zone name.
_CITY_ALIASES = _inverted(
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
    }
)
_IANA_REGION_RE = re.compile(
    r"(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/"
)

# Cue words by kind (regex alternations over lower-case text, each starting with a
# letter); one word can have several kinds.
_CUES: dict[str, str] = {
    # Near a date or time: it is probably the interview's.
    "interview": r"interview\w*|calls?|chats?|meet|meets|meeting|meetings|conversations?"
    r"|sessions?|panels?|onsites?|on-sites?|screens?|screening|scheduled|booked|confirmed"
    r"|when\s*:|time\s*:|date\s*:",
    # The hiring side will decide ...
    "decision": r"hear(?:d|ing)?\s+back|hear\s+from\s+(?:us|me|them|the\s+team)|decisions?|decid(?:e|es|ed|ing)"
    r"|feedback|make\s+a\s+call|finali[sz](?:e|es|ed|ing)|wrap(?:s|ped|ping)?\s+up|sign\s+off"
    r"|answer\s+for\s+you|get\s+you\s+an\s+answer|give\s+you\s+an\s+answer",
    # ... or come back to the candidate (unless it is about scheduling).
    "update": r"let\s+you\s+know|back\s+to\s+you|updat(?:e|ing)\s+(?:for\s+)?you|an\s+update"
    r"|have\s+(?:the\s+\w+|it|them|details)\s+(?:over\s+)?to\s+you"
    r"|get\s+(?:the\s+\w+|it|them|details)\s+(?:over\s+)?to\s+you"
    r"|in\s+touch|next\s+steps?"
    r"|reach(?:es|ed|ing)?\s+out|follow(?:ing)?\s+up\s+with\s+you|expect(?:s|ing)?\s+to",
    "scheduling": r"schedul\w*|find\s+a\s+time|time\s+that\s+works|availability|arrange\w*"
    r"|coordinat\w*|set\s+up|book\s+(?:a|the|your)",
    # The candidate is asked to reply.
    "reply": r"let\s+(?:us|me)\s+know|repl(?:y|ies|ying)|respond\w*|responses?|deadlines?"
    r"|get\s+back\s+to\s+(?:us|me)",
    # Before a date: that date is a meeting's, not a deadline.
    "appointment": r"interview\w*|chat|meeting|panel|onsite|on-site|conversation|session|screening"
    r"|our\s+call|your\s+call|the\s+call|phone\s+call|video\s+call|spoke|speaking|talking"
    r"|met|visit\w*|coming\s+in|came\s+in|your\s+time",
    # Open slots a scheduling link offers ("slots are available from Monday to Friday"): a window.
    "slots": r"slots?|time\s*slots?|time\s+windows?",
    # Before a date or time: a deadline.
    "deadline": r"by|before|until|till|due|no\s+later\s+than|deadline(?:\s+(?:is|of))?",
    # Out of office: the date after these is the day the sender is back.
    "until": r"until|till|til",
    "back": r"back|back\s+to\s+you|return\w*|respond\w*|repl(?:y|ying)|resum\w*"
    r"|in\s+the\s+office|available(?:\s+again)?(?:\s+from)?|reachable",
    # Out of office: the date after these is the first day away.
    "start": r"from|starting|beginning|between|since|leaving",
}

# ----------------------------------------------------------------------------- patterns


def _trie(alternatives: Iterable[str]) -> str:
    """An alternation, longest first, grouped by first letter so that sre tries only a few."""
    groups: dict[str, list[str]] = {}
    for alternative in sorted(set(alternatives), key=len, reverse=True):
        first = alternative[0] if alternative[0].isalnum() else alternative
        groups.setdefault(first, []).append(alternative[len(first) :])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())


def _alt(words: Iterable[str]) -> str:
    """An alternation of literal phrases; a space matches any whitespace."""
    return _trie(re.escape(word).replace(r"\ ", r"\s+") for word in words)


def _gate(words: Iterable[str]) -> str:
    """A cheap look-ahead for where one of ``words`` may start: their first three letters."""
    return _trie(word[:3] for word in words)


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regex (no escaped parentheses or "|" in it)."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(pattern):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    return [*parts, pattern[start:]]


_MON = _alt(_MONTHS)
_WD = _alt(_WEEKDAYS)
_ORD = r"(?:st|nd|rd|th)?"
_NUM = r"(?<![\w/.:-])"  # a number not glued to another number or word

_DATE = (
    r"(?P<iy>\d{4})[-/](?P<im>\d{1,2})[-/](?P<id>\d{1,2})(?![\d/-])"
    rf"|(?:(?P<wp>{_WD})\.?,?\s+)?(?:"
    rf"(?P<md_m>{_MON})\.?\s+(?:the\s+)?(?P<md_d>\d{{1,2}}){_ORD}(?![\d:])"
    rf"(?:\s*-\s*(?P<md_e>\d{{1,2}}){_ORD}(?![\d:]|\s*[ap]m\b))?"
    r"(?:,?\s+(?P<md_y>\d{4})(?![\d:]))?"
    rf"|{_NUM}(?:the\s+)?(?:(?P<dm_s>\d{{1,2}}){_ORD}\s*-\s*)?"
    rf"(?P<dm_d>\d{{1,2}}){_ORD}(?:\s+of)?\s+(?P<dm_m>{_MON})\b\.?"
    r"(?:,?\s+(?P<dm_y>\d{4})(?![\d:]))?"
    rf"|{_NUM}(?P<n_a>\d{{1,2}})/(?P<n_b>\d{{1,2}})(?:/(?P<n_y>\d{{4}}|\d{{2}}))?(?![\d/])"
    rf"|{_NUM}(?P<nd_a>\d{{1,2}})\.(?P<nd_b>\d{{1,2}})\.(?P<nd_y>\d{{4}})(?!\d)"
    r"|the\s+(?P<th_d>\d{1,2})(?:st|nd|rd|th)\b)"
    r"|(?P<rel>today|tonight|tomorrow)\b"
    rf"|(?:(?P<mod>next|this|coming|(?:the\s+)?following)\s+)?(?P<wd>{_WD})\b\.?"
)
_ZONE = (
    r"(?P<zoff>(?:utc|gmt)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?)(?!\w)"
    rf"|(?P<zword>{_alt(_ZONE_NAMES)})(?!\w)(?:\s*\(us\s*&\s*canada\))?"
    rf"|(?P<zabbr>{_alt(k.lower() for k in _ZONE_ABBREVIATIONS)})(?!\w)"
    r"|(?P<zcity>[a-z]+(?:[ -][a-z]+){0,2})\s+time\b"
    r"|(?P<ziana>[a-z]+/[a-z_]+(?:/[a-z_]+)?)"
)


def _clock(n: int) -> str:
    """h, h:mm, h.mm (with am/pm) or 14h00, then am/pm; not "10 March" (that is a date)."""
    return (
        rf"(?P<h{n}>\d{{1,2}})(?:(?P<f{n}>[:h.])(?P<m{n}>\d{{2}}))?(?!\d|\.\d)"
        rf"(?!{_ORD}\s+(?:of\s+)?(?:{_MON})\b)(?:\s*(?P<ap{n}>[ap]m)\b)?(?:\s*o'?clock)?"
    )


_TIME = (
    r"(?:(?P<pre>at|@|from|between|around|starting\s+at)\s*)?"
    rf"(?:(?P<noon>(?:12\s*)?(?:noon|midday))|{_clock(1)})"
    rf"(?:\s*(?P<sep>-|to|until|till|and)\s*{_clock(2)})?"
    rf"(?:\s*,?\s*\(?\s*(?:{_ZONE})\s*\)?)?"
)
_ZONE_AFTER_RE = re.compile(rf"\s*,?\s*\(?\s*(?:{_ZONE})")
_CUE = _trie(p for a in _CUES.values() for p in _alternatives(a))


def _lead(pattern: str) -> str:
    r"""How a cue pattern starts, for the gate: "interview\w*" -> "int", "in\s+touch" ->
    "in\s+to" (two words when the first is plain and short words are too common)."""
    first, _, rest = pattern.partition(r"\s+")
    word, second = re.split(r"[^a-z-]", first)[0], re.split(r"[^a-z]", rest)[0]
    if not word:
        raise ValueError(f"a cue pattern must start with a letter: {pattern!r}")
    return rf"{word}\s+{second[:2]}" if word == first and second else word[:3]


# Cheap look-aheads: where a date, a time or a cue may start.
_DATE_LEADS: tuple[str, ...] = (
    *(word[:3] for word in [*_MONTHS, *_WEEKDAYS]),
    *("tod", "ton", "tom", r"the\s+(?:\d|following)"),
    *(rf"{word}\s+(?:{_gate(_WEEKDAYS)})" for word in ("next", "this", "coming", "following")),
)
_TIME_WORDS = ("at", "from", "between", "around", "@")  # then a number
_TIME_LEADS = (*(rf"{w}\s*\d" for w in _TIME_WORDS), r"at\s+(?:noon|midday)", "noon", "midday")
# A number is a time only with minutes, am/pm, "o'clock" or a range after it.
_TIME_NUMBER = r"\d{1,2}(?:[:h]\d\d|\.\d\d\s*[ap]\.?\s?m\b|\s*[ap]m\b|\s*o'?clock|\s*(?:-|to|until|till)\s*\d|\s*noon)"
_CUE_LEADS = tuple(_lead(p) for a in _CUES.values() for p in _alternatives(a))
# The tokenizer: dates, times and cue words, each after a separator character (the
# cleaned text starts with one).
_TOKEN_RE = re.compile(
    rf"[\s(,;\"'\[<*•](?=[\d@]|{_trie([*_DATE_LEADS, *_TIME_LEADS, *_CUE_LEADS])})"
    rf"(?:(?=\d|{_trie(_DATE_LEADS)})(?P<date>{_DATE})|(?={_TIME_NUMBER}|{_trie(_TIME_LEADS)})"
    rf"(?P<time>{_TIME})|(?P<cue>{_CUE})(?!\w))"
)
_CUE_KINDS = {kind: re.compile(alternation) for kind, alternation in _CUES.items()}

_DURATION_RE = re.compile(
    r"[^\w.](?:(?P<min>\d{1,3})[\s-]*(?:minutes?|mins?)\b"
    r"|(?P<hr>\d{1,2}(?:\.\d+)?|an?|one|two|three|four)[\s-]*(?:hours?|hrs?)\b"
    r"(?P<half>\s+and\s+a\s+half)?|(?P<halfhr>half[\s-]+an?[\s-]+hour|half[\s-]hour)\b)"
)
_FINISH_BEFORE_RE = re.compile(
    r"\b(?:wrap(?:s|ping)?\s+up|finish(?:es|ing)?|end(?:s|ing)?|be\s+(?:done|finished|over)|run\s+until)"
    r"\s+(?:by|at|around|about|before)?\s*$"
)
_DURATION_NOT_AFTER_RE = re.compile(r"\b(?:in|within|every|after|before)\s+$")
_DURATION_NOT_BEFORE_RE = re.compile(
    r"\s+(?:early|earlier|before|beforehand|prior|ahead|late|later|ago|after|in\s+advance)\b"
)

_WITHIN = r"(?:(?:within|in|over)\s+(?:the\s+)?(?:next\s+|coming\s+)?|(?:the\s+)?next\s+)"
_ONE_COUNT = rf"(?:\d{{1,3}}|(?:{_alt(_NUMBER_WORDS)})(?:\s+of)?)"
_COUNT = rf"{_ONE_COUNT}(?:\s*(?:-|to|or)\s*{_ONE_COUNT})?"  # "5-7": the last one counts
_THE = r"(?:the\s+)?"
_START_OF, _END_OF = rf"{_THE}(?:beginning|start)\s+of", rf"{_THE}(?:end|close)\s+of"
# Decision phrases without a calendar date: name -> pattern; _relative() resolves them.
_RELATIVE: dict[str, str] = {
    "end_next_week": rf"{_END_OF}\s+next\s+week|late\s+next\s+week|next\s+week",
    "early_next_week": rf"early\s+next\s+week|{_START_OF}\s+next\s+week",
    "mid_next_week": r"mid(?:dle\s+of)?[\s-]*next\s+week",
    "end_this_week": rf"{_END_OF}\s+(?:the\s+|this\s+)?week|this\s+week",
    "few_days": rf"{_WITHIN}(?:a\s+)?few\s+(?:business\s+|working\s+)?days|in\s+the\s+coming\s+days",
    "business_days": rf"{_WITHIN}(?P<business_days_n>{_COUNT})\s+(?:business|working)\s+days?",
    "days": rf"{_WITHIN}(?P<days_n>{_COUNT})\s+(?:calendar\s+)?days?",
    "hours": rf"{_WITHIN}(?P<hours_n>{_COUNT})\s+hours?",
    "weeks": rf"{_WITHIN}(?P<weeks_n>{_COUNT})\s+weeks?|{_WITHIN}a\s+fortnight",
    "same_day": rf"{_END_OF}\s+{_THE}(?:business\s+)?day|eod|cob|today",
    "early_next_month": rf"early\s+next\s+month|{_START_OF}\s+next\s+month",
    "mid_next_month": r"mid(?:dle\s+of)?[\s-]*next\s+month",
    "end_next_month": rf"{_END_OF}\s+next\s+month|late\s+next\s+month|next\s+month",
    "end_this_month": rf"{_END_OF}\s+(?:the\s+|this\s+)?month|this\s+month",
    "early_month": rf"(?:early|{_START_OF})[\s-]*(?P<early_month_m>{_MON})",
    "mid_month": rf"(?:mid|{_THE}middle\s+of)[\s-]*(?P<mid_month_m>{_MON})",
    "end_month": rf"(?:late|{_END_OF})[\s-]*(?P<end_month_m>{_MON})",
}
# Where a _RELATIVE phrase may start (plain "the", "in" or "next" are too common to try).
_RELATIVE_LEADS = (
    *("end", "close", "late", "early", "beginning", "start", "mid", "within", "over", "eod"),
    *("cob", "today", r"this\s+(?:week|month)", r"the\s+(?:end|close|beg|sta|mid|next|com)"),
    rf"(?:in|next)\s+(?:the\s+(?:next|coming)|\d|{_alt(_NUMBER_WORDS)}|week|month|few)\b",
)
_RELATIVE_RE = re.compile(
    rf"[^\w](?={_trie(_RELATIVE_LEADS)})(?:"
    + "|".join(f"(?P<{name}>{pattern})" for name, pattern in _RELATIVE.items())
    + r")\b"
)

_DEADLINE_GAP_RE = re.compile(r"\s*(?:(?:the\s+)?(?:end|close)\s+of\s+)?(?:on\s+)?")
_APPOINTMENT_GAP_RE = re.compile(r"[^.;:!?\n]{0,16}")
_INCLUSIVE_RE = re.compile(r"[\s,(]*(?:inclusive|included|incl\b)")
_GLUE_RE = re.compile(r"[\s,]*(?:on\s+)?")
_RANGE_END_BEFORE_RE = re.compile(r"(?:\b(?P<through>through|thru|and\s+including)|\bto|-)\s*$")

_TRANSLATE = str.maketrans(
    {c: "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2212"}
    | {c: " " for c in "\u00a0\u2009\u202f"}
    | {"\u2019": "'"}
)
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_QUOTE_START_RE = re.compile(  # over the lower-cased text, which starts with a newline
    r"\n[ \t]*(?:on\b[^\n]{0,300}?(?:\n[^\n]{0,300}?)?\bwrote:[ \t]*$"
    r"|-{2,}[ \t]*original[ \t]+message[ \t]*-{2,}|from:[^\n]*\n[ \t]*(?:sent|date):)",
    re.M,
)
_FORWARD_HEADER_RE = re.compile(  # the From:/Date:/... lines under a forward's marker line
    r"(?:forwarded message|original appointment)[^\n]*\n(?:[ \t]*\n)?"
    r"(?:[ \t]*(?:from|sent|date|to|cc|subject):[^\n]*\n)+",
    re.I,
)
_QUOTED_LINE_RE = re.compile(r"\n[ \t]*(?:>|[Ss]ent:)[^\n]*")
_AMPM_RE = re.compile(r"\.(?<=[^A-Za-z][AaPp]\.)\s?[Mm]\b\.?")  # the "." of "a.m.", "p. m."
_BREAK_RE = re.compile(  # sentence ends, blank lines, "Heading:" lines, bullets, "Label:" lines
    r"[.!?;:\n](?:(?<=[.!?;])[.!?;]*(?=\s)|(?<=:)[ \t]*\n|(?<=\n)[ \t]*\n"
    r"|(?<=\n)(?=[ \t]*(?:[-*•·]\s|\d{1,2}[.)]\s|[A-Z][A-Za-z ]{0,24}:)))"
)
_PARAGRAPH_RE = re.compile(r"\n[ \t]*\n")
_OFFSET_NAME_RE = re.compile(
    r"\(?\s*(?:UTC|GMT)\s*(?:(?P<sign>[+-])\s*(?P<hh>\d{1,2})(?::?(?P<mm>\d{2}))?)?\s*\)?"
    r"\s*(?P<rest>.*)",
    re.I | re.S,
)
_US_CANADA_RE = re.compile(r"\(\s*US\s*&\s*Canada\s*\)", re.I)
_CLAUSE_BREAK_RE = re.compile(
    r",\s*(?:and|but|so|while|although|though|because|whereas)\b|\s-\s|[()]"
)
_SKIP_KINDS = ("reply", "decision", "update", "slots")  # near an interview time: not the interview
_RETURN_KINDS = ("back", "until", "start")
_MAX_CHARS = 100_000
_FAR = 1 << 30  # a distance past any text
_LAST = -1  # as a day of the month: the month's last day
_START = attrgetter("start")

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
    """A zone from the tables, an IANA name or "<City> (time)"; not from offsets."""
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
    """The IANA name of a zone read from text; whole-hour fixed offsets as Etc/GMT∓N."""
    if isinstance(tz, ZoneInfo):
        return tz.key
    offset = tz.utcoffset(None)
    if offset is None or offset % timedelta(hours=1):
        return None
    hours = offset // timedelta(hours=1)
    return "UTC" if hours == 0 else f"Etc/GMT{-hours:+d}" if -12 <= hours <= 14 else None


def _zone_after_time(m: re.Match[str], text: str) -> tzinfo | None:
    """The zone named right after a time; ``text`` is the original-case text."""
    if m["zoff"]:
        if any(c.isdigit() for c in m["zoff"]):
            tail = text[m.end() : m.end() + 80].split("\n", 1)[0]
            if tail[:1].isspace() and (named := _named_zone(tail.split(",")[0])) is not None:
                return named  # Outlook: "(UTC-05:00) Eastern Time (US & Canada)"
        return zone_from_name(m["zoff"])
    if m["zabbr"]:
        written = text[m.start("zabbr") : m.end("zabbr")]
        return _zone(_ZONE_ABBREVIATIONS[written]) if written in _ZONE_ABBREVIATIONS else None
    name = m["zword"] or m["zcity"] or m["ziana"]
    return _named_zone(name) if name else None


# ----------------------------------------------------------------------------- calendar


def _date(year: int, month: int, day: int) -> date | None:
    """A date, or None when impossible; day ``_LAST`` is the month's last day."""
    if not (1970 <= year <= 2200 and 1 <= month <= 12):
        return None
    last = calendar.monthrange(year, month)[1]
    day = last if day == _LAST else day
    return date(year, month, day) if 1 <= day <= last else None


def _month_day(month: int, day: int, year: str | None, today: date) -> date | None:
    """The year rule: the first occurrence on or after ``today``, with 7 days' grace."""
    if year is not None:
        return _date(int(year) + (2000 if len(year) == 2 else 0), month, day)
    for candidate in range(today.year, today.year + 9):
        found = _date(candidate, month, day)
        if found is not None and found >= today - timedelta(days=7):
            return found
    return None


def _day_of_month(day: int, today: date) -> date | None:
    """ "The 20th": the next 20th on or after ``today``."""
    year, month = today.year, today.month
    for _ in range(3):
        found = _date(year, month, day) if day > 0 else None
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
    """A _COUNT as a number: "two" 2, "a couple of" 2, "5-7" 7, "one or two" 2."""
    words = re.split(r"\s*(?:-|\bto\b|\bor\b)\s*", " ".join((text or "").split()))[-1]
    words = words.removesuffix(" of")
    return int(words) if words.isdigit() else _NUMBER_WORDS.get(words, 2)


def _relative(m: re.Match[str], sent: datetime) -> date | None:
    """The date a decision phrase from _RELATIVE means, in a message sent at ``sent``."""
    today, kind = sent.date(), m.lastgroup or ""
    part = kind.split("_")[0]
    day = {"early": 10, "mid": 15, "end": _LAST}.get(part, 0)  # of a month
    match kind:
        case "end_next_week" | "early_next_week" | "mid_next_week":  # Friday, Tuesday, Wednesday
            return _next_monday(today) + timedelta(days={"early": 1, "mid": 2, "end": 4}[part])
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
            return _next_month(today, day)
        case "end_this_month":
            return _date(today.year, today.month, _LAST)
        case "early_month" | "mid_month" | "end_month":
            return _month_day(_MONTHS[m[f"{kind}_m"]], day, None, today)
    return None


# ----------------------------------------------------------------------------- clock times


@dataclass(frozen=True)
class _Clock:
    """A time (or time range) in the text, in minutes after midnight."""

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
    """One end of a time: hour, minute, am/pm, whether clearly a time, am/pm guess."""
    if n == "1" and m["noon"]:
        return 12, 0, "pm", True, None
    hour_text, form = m[f"h{n}"], m[f"f{n}"]
    hour, ap = int(hour_text), m[f"ap{n}"]
    if form == "h" and hour < 7:
        return None  # "2h30" is a duration
    if form == "." and ap is None and n == "1" and m["ap2"] is None:
        return None  # "10.30" alone may be a number or a date; "10.30am" is a British time
    # No am/pm and no 24-hour clue: 1-6 o'clock is the afternoon (unless written "06:00").
    guess = "pm" if 1 <= hour <= 6 and not hour_text.startswith("0") and form != "h" else None
    return hour, int(m[f"m{n}"] or 0), ap, ap is not None or form is not None, guess


def _read_clock(m: re.Match[str], text: str) -> _Clock | None:
    """A _TOKEN_RE time match as a _Clock, or None when it is not a valid time."""
    pre = " ".join((m["pre"] or "").split())
    has_end = m["h2"] is not None and (m["sep"] != "and" or pre == "between")
    sides = [_side(m, "1"), *([_side(m, "2")] if has_end else [])]
    read = [side for side in sides if side is not None]
    if len(read) < len(sides):
        return None
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
        overnight = None not in aps  # "11pm-1am"; any other backwards end is dropped
        finish = finish if overnight else None
    tz = _zone_after_time(m, text)
    return _Clock(m.start("time"), m.end("time"), begin, finish, overnight, tz)


# ----------------------------------------------------------------------------- the text


@dataclass(frozen=True)
class _Cue:
    start: int
    end: int
    kinds: frozenset[str]


@lru_cache(maxsize=2048)
def _cue_kinds(word: str) -> frozenset[str]:
    word = " ".join(word.split())
    return frozenset(kind for kind, pattern in _CUE_KINDS.items() if pattern.fullmatch(word))


def _case_ok(m: re.Match[str], text: str) -> bool:
    """Month and weekday abbreviations (and "May") count only when capitalised."""
    for group in ("md_m", "dm_m", "wd"):
        word = m[group]
        if word and (word == "may" or (len(word) < 5 and group == "wd")):
            return text[m.start(group)].isupper()
    return True


def _lower(text: str) -> str:
    """``text`` in lower case, character for character (positions stay the same)."""
    low = text.lower()
    return low if len(low) == len(text) else text.translate(_ASCII_LOWER)


def _clean(text: str) -> str:
    """Normalise dashes, spaces and a.m./p.m. and drop quoted text; the result starts
    with a newline (a separator before the first word)."""
    text = "\n" + text[:_MAX_CHARS].replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii():
        text = text.translate(_TRANSLATE)
    low = _lower(text)
    if "forwarded message" in low or "original appointment" in low:
        text = _FORWARD_HEADER_RE.sub("\n", text)  # a forward keeps its body (and When: line)
        low = _lower(text)
    if m := _QUOTE_START_RE.search(low):
        text = text[: m.start()]
    return _AMPM_RE.sub("m", _QUOTED_LINE_RE.sub("\n", text))


def _distance(span: tuple[int, int], pos: int) -> int:
    return pos - span[1] if span[1] <= pos else max(span[0] - pos, 0)


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    m: re.Match[str]


class _Doc:
    """One email body, cleaned and tokenized once."""

    def __init__(self, text: str, sent: datetime) -> None:
        if sent.utcoffset() is None:
            sent = sent.replace(tzinfo=UTC)
        offset = sent.utcoffset()
        self.sent, self.today = sent, sent.date()
        self.month_first = offset is not None and offset < timedelta(0)
        self.text = _clean(text)
        self.low = _lower(self.text)
        self.starts = [0, *(m.end() for m in _BREAK_RE.finditer(self.text))]
        self.paragraphs = [0, *(m.end() for m in _PARAGRAPH_RE.finditer(self.text))]
        self.dates: list[_Hit] = []
        self.times: list[_Clock] = []
        self.cues: dict[tuple[int, str], list[_Cue]] = {}  # by sentence and kind, in order
        for m in _TOKEN_RE.finditer(self.low):
            if m["date"] is not None:
                if _case_ok(m, self.text):
                    self.dates.append(_Hit(m.start("date"), m.end("date"), m))
            elif m["time"] is not None:
                if (clock := _read_clock(m, self.text)) is not None:
                    self.times.append(clock)
            elif kinds := _cue_kinds(m["cue"]):
                cue, s = _Cue(m.start("cue"), m.end("cue"), kinds), self.sentence(m.start("cue"))
                for kind in kinds:
                    self.cues.setdefault((s, kind), []).append(cue)
        self.dates_in: dict[int, list[_Hit]] = {}
        for hit in self.dates:
            self.dates_in.setdefault(self.sentence(hit.start), []).append(hit)

    def sentence(self, pos: int) -> int:
        return bisect_right(self.starts, pos) - 1

    def paragraph(self, pos: int) -> int:
        return bisect_right(self.paragraphs, pos) - 1

    def cues_of(self, s: int, kind: str) -> list[_Cue]:
        return self.cues.get((s, kind), [])

    def cue_around(self, pos: int, kind: str) -> tuple[_Cue | None, _Cue | None]:
        """The last ``kind`` cue before ``pos`` in its sentence, and the first after it."""
        cues = self.cues_of(self.sentence(pos), kind)
        i = bisect_right(cues, pos, key=_START)
        return (cues[i - 1] if i else None), (cues[i] if i < len(cues) else None)

    def cue_before(self, pos: int, kind: str, gap: re.Pattern[str]) -> bool:
        """Whether a ``kind`` cue ends right before ``pos``, ``gap`` matching what lies between."""
        cue = self.cue_around(pos, kind)[0]
        return cue is not None and cue.end <= pos and bool(gap.fullmatch(self.low, cue.end, pos))

    def distance(self, pos: int, kinds: Iterable[str]) -> int:
        """How far ``pos`` is from the nearest cue of ``kinds`` in its sentence."""
        near = (c for kind in kinds for c in self.cue_around(pos, kind) if c is not None)
        return min((_distance((c.start, c.end), pos) for c in near), default=_FAR)

    def day(self, hit: _Hit, *, this_week: bool = False, last: bool = False) -> date | None:
        """The date a date token means (``last``: a range's last day)."""
        d, today = hit.m, self.today
        if d["iy"]:
            return _date(int(d["iy"]), int(d["im"]), int(d["id"]))
        if d["md_m"]:
            day = d["md_e"] if last and d["md_e"] else d["md_d"]
            return _month_day(_MONTHS[d["md_m"]], int(day), d["md_y"], today)
        if d["dm_m"]:
            day = d["dm_s"] if d["dm_s"] and not last else d["dm_d"]
            return _month_day(_MONTHS[d["dm_m"]], int(day), d["dm_y"], today)
        if d["n_a"]:
            a, b = int(d["n_a"]), int(d["n_b"])
            month, day_number = (a, b) if self.month_first else (b, a)
            return _month_day(month, day_number, d["n_y"], today) if day_number else None
        if d["nd_a"]:
            return _date(int(d["nd_y"]), int(d["nd_b"]), int(d["nd_a"]) or 99)
        if d["th_d"]:
            return _day_of_month(int(d["th_d"]), today)
        if d["rel"]:
            return today + timedelta(days=d["rel"] == "tomorrow")
        weekday = _WEEKDAYS[d["wd"]]
        modifier = (d["mod"] or "").split()[-1:]
        if modifier in (["next"], ["following"]):
            return _next_monday(today) + timedelta(days=weekday)
        if modifier == ["this"] and this_week and weekday >= today.weekday():
            return today + timedelta(days=weekday - today.weekday())
        return _weekday_after(today, weekday)

    def skipped(self, pos: int) -> bool:
        """Whether ``pos`` follows "by"/"before"/... or sits nearer a reply or decision
        cue than an interview cue in its sentence."""
        if self.cue_before(pos, "deadline", _DEADLINE_GAP_RE):
            return True
        skip = self.distance(pos, _SKIP_KINDS)
        return skip < _FAR and skip <= self.distance(pos, ("interview",))

    def date_for(self, clock: _Clock) -> _Hit | None:
        """The date a time belongs to: in its sentence, else nearby in its paragraph (or
        in the line before, as a table turned into text gives)."""
        s = self.sentence(clock.start)
        same = self.dates_in.get(s, [])
        i = bisect_right(same, clock.start, key=_START)
        before, after = (same[i - 1] if i else None), (same[i] if i < len(same) else None)
        if after and _GLUE_RE.fullmatch(self.low, clock.end, after.start):
            return after  # "2pm on Tuesday"
        if before or after:
            return before or after
        paragraph = self.paragraph(clock.start)
        for t in (s - 1, s - 2, s - 3, s + 1):
            near = self.dates_in.get(t)
            if not near:
                continue
            hit = near[-1] if t < s else near[0]
            gap = clock.start - hit.end if t < s else hit.start - clock.end
            if self.paragraph(hit.start) == paragraph or gap <= 60:  # "Date ...\n\nTime ..."
                return hit
        return None

    def score(self, clock: _Clock, hit: _Hit) -> int:
        """Interview cues in the sentence(s) count 2, in the one before 1; one sentence 1."""
        a, b = self.sentence(clock.start), self.sentence(hit.start)
        first = min(a, b)
        if self.cues_of(a, "interview") or self.cues_of(b, "interview"):
            bonus = 2
        else:
            heading = first > 0 and bool(self.cues_of(first - 1, "interview"))
            bonus = int(heading and self.paragraph(self.starts[first - 1]) == self.paragraph(b))
        return bonus + (a == b)

    @cached_property
    def interview(self) -> tuple[Span, date] | None:
        best: tuple[int, _Clock, date, _Hit] | None = None
        for clock in self.times:
            if self.skipped(clock.start):
                continue
            hit, elsewhere = self.date_for(clock), False
            if hit is None and self.free_dates:  # weakest: a date elsewhere (an invite's top)
                i = bisect_right(self.free_dates, clock.start, key=_START)
                hit, elsewhere = self.free_dates[i - 1 if i else 0], True
            if hit is None or self.skipped(hit.start):
                continue
            day = self.day(hit, this_week=True)
            score = -1 if elsewhere else self.score(clock, hit)
            if day is None or (elsewhere and day < self.today):
                continue
            if best is None or score > best[0]:
                best = (score, clock, day, hit)
        if best is None:
            return None
        _, clock, day, hit = best
        named = clock.tz
        if named is None and hit.start >= clock.end:  # "10:00am, Wednesday, March 11 (ET)"
            after = _ZONE_AFTER_RE.match(self.low, hit.end)
            named = _zone_after_time(after, self.text) if after else None
        tz = named or self.sent.tzinfo
        start = datetime(day.year, day.month, day.day, *divmod(clock.begin, 60), tzinfo=tz)
        end = None
        if clock.finish is not None:
            last = day + timedelta(days=clock.overnight)
            end = datetime(last.year, last.month, last.day, *divmod(clock.finish, 60), tzinfo=tz)
        elif (minutes := self.duration_near(clock.start)) is not None:
            end = start + timedelta(minutes=minutes)
        elif (finish := self.finish_after(clock)) is not None:
            end = datetime(day.year, day.month, day.day, *divmod(finish, 60), tzinfo=tz)
        return Span(start, end, _zone_key(named) if named else None), day

    def finish_after(self, clock: _Clock) -> int | None:
        """The time a meeting is said to end ("we'll wrap up by 4.30pm") soon after its start."""
        for later in self.times:
            if not clock.end <= later.start <= clock.end + 400 or later.finish is not None:
                continue
            if later.begin <= clock.begin or later.begin - clock.begin > 480:
                continue
            if _FINISH_BEFORE_RE.search(self.low, max(0, later.start - 30), later.start):
                return later.begin
        return None

    def duration_near(self, pos: int) -> int | None:
        """The length of a duration ("45-minute", "for an hour") nearest ``pos``."""
        found = []
        for m in _DURATION_RE.finditer(self.low, max(0, pos - 300), pos + 300):
            if _DURATION_NOT_AFTER_RE.search(self.low, max(0, m.start() - 12), m.start() + 1):
                continue  # "within 1 hour"
            if _DURATION_NOT_BEFORE_RE.match(self.low, m.end()):
                continue  # "5 minutes early"
            if m["min"]:
                minutes = int(m["min"])
            elif m["hr"]:
                hours = float(m["hr"]) if m["hr"][0].isdigit() else _count(m["hr"])
                minutes = round(hours * 60) + (30 if m["half"] else 0)
            else:
                minutes = 30
            if 10 <= minutes <= 480:
                found.append((abs(m.start() - pos), minutes))
        return min(found)[1] if found else None

    def appointment(self, hit: _Hit, day: date) -> bool:
        """Whether a date in a decision sentence is a meeting's (the interview's)."""
        if self.cue_before(hit.start, "appointment", _APPOINTMENT_GAP_RE):
            return True
        i = bisect_right(self.times, hit.start, key=_START)
        if i and _GLUE_RE.fullmatch(self.low, self.times[i - 1].end, hit.start):
            return True  # "2pm on Tuesday"
        if i < len(self.times) and _GLUE_RE.fullmatch(self.low, hit.end, self.times[i].start):
            return True  # "Tuesday at 2pm"
        return self.interview is not None and self.interview[1] == day

    def decision_cues(self, s: int) -> list[_Cue]:
        """The decision cues of sentence ``s``; "we'll be in touch" about scheduling is none."""
        strong, weak = self.cues_of(s, "decision"), self.cues_of(s, "update")
        if strong or not self.cues_of(s, "scheduling"):
            return sorted({*strong, *weak}, key=_START)
        return []

    @cached_property
    def decision(self) -> date | None:
        for s in sorted({s for s, kind in self.cues if kind in ("decision", "update")}):
            if not (cues := self.decision_cues(s)):
                continue
            end = self.starts[s + 1] if s + 1 < len(self.starts) else len(self.low)
            found: list[tuple[int, int, date | None, _Hit | None]] = [
                (hit.start, hit.end, self.day(hit), hit) for hit in self.dates_in.get(s, [])
            ]
            found += [
                (m.start() + 1, m.end(), _relative(m, self.sent), None)
                for m in _RELATIVE_RE.finditer(self.low, max(0, self.starts[s] - 1), end)
            ]
            # Only dates in a clause with a cue; those after the first cue first.
            breaks = [m.end() for m in _CLAUSE_BREAK_RE.finditer(self.low, self.starts[s], end)]
            clauses = {bisect_right(breaks, c.start) for c in cues}
            first = cues[0].start
            for start, stop, day, hit in sorted(found, key=lambda f: (f[0] < first, f[0])):
                if day is None or day < self.today or bisect_right(breaks, start) not in clauses:
                    continue
                if hit is None:
                    same = self.dates_in.get(s, [])
                    i = bisect_right(same, start, key=_START)
                    if i < len(same) and _GLUE_RE.fullmatch(self.low, stop, same[i].start):
                        continue  # "end of day Friday": the date says more
                elif not self.cue_before(start, "deadline", _DEADLINE_GAP_RE) and (
                    self.appointment(hit, day)
                ):
                    continue
                return day
        return None

    @cached_property
    def free_dates(self) -> list[_Hit]:
        """The dates not in a reply, decision or deadline context."""
        return [hit for hit in self.dates if not self.skipped(hit.start)]

    @cached_property
    def returning(self) -> date | None:
        """The first "back on" date; else the first "until" date or range end."""
        found: list[tuple[bool, int, date]] = []
        for hits in self.dates_in.values():
            for i, hit in enumerate(hits):
                day = self.day(hit, last=True)
                if day is None:
                    continue
                if hit.m["md_e"] or hit.m["dm_s"]:
                    found.append((True, hit.start, day + timedelta(days=1)))  # "March 2-6"
                    continue
                back, until, away = (self.cue_around(hit.start, k)[0] for k in _RETURN_KINDS)
                before = [c for c in (back, until, away) if c is not None and c.end <= hit.start]
                end = _RANGE_END_BEFORE_RE.search(self.low, max(0, hit.start - 20), hit.start)
                if end and (end["through"] or i or away in before):
                    first = self.day(hits[i - 1]) if i and hit.m["wd"] else None
                    if first is not None and day < first:  # "Friday to Tuesday"
                        day += timedelta(weeks=(first - day).days // 7 + 1)
                    found.append((True, hit.start, day + timedelta(days=1)))  # "through March 6"
                    continue
                last = max(before, key=_START) if before else None
                if last is not None and "start" not in last.kinds:
                    if "until" in last.kinds and _INCLUSIVE_RE.match(self.low, hit.end):
                        day += timedelta(days=1)  # "until Friday 3 April inclusive"
                    found.append(("back" not in last.kinds, hit.start, day))
        return min(found)[2] if found else None


# ----------------------------------------------------------------------------- public API


@lru_cache(maxsize=8)
def _doc(text: str, sent: datetime) -> _Doc:
    """One tokenised text, shared by the questions asked of the same message."""
    return _Doc(text, sent)


def find_interview_time(text: str, sent: datetime) -> Span | None:
    """The interview's date and time in ``text`` (a message sent at ``sent``), or None."""
    try:
        found = _doc(text, sent).interview
    except (ValueError, OverflowError):  # a date at the edge of the calendar
        return None
    return found[0] if found else None


def find_decision_date(text: str, sent: datetime) -> date | None:
    """The date by which the hiring side said the candidate will hear back, or None."""
    try:
        return _doc(text, sent).decision
    except (ValueError, OverflowError):
        return None


def find_return_date(text: str, sent: datetime) -> date | None:
    """The date an out-of-office auto-reply says its sender is back, or None."""
    try:
        return _doc(text, sent).returning
    except (ValueError, OverflowError):
        return None
