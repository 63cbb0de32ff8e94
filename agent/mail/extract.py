"""The people a recruiter email names, and their addresses.

This module owns:

- people: names in "Interviewers: A, B" lines, "with <Name> (<title>)",
  "you'll meet <Name>", "me and <Name>", lists introduced by "you will meet
  with:", and "<Name> will join" sentences; a first name used alone
  ("Dana can do Thursday") resolved against the full names of the thread;
- addresses: one written next to the name, a known hiring-side address of
  that person, else the company's address pattern (first.last@) learnt from
  a known person whose name and address show it.

The company and the job title are found in ``names.py``.

Pure: no I/O, no clock.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agent.mail.addresses import (
    NON_PERSON_WORDS,
    Address,
    looks_like_person,
    squash,
)
from agent.mail.lexicon import ROLE_NOUNS
from agent.mail.names import NOT_A_NAME


@dataclass(frozen=True)
class Person:
    name: str | None
    email: str | None
    assumed: bool = False  # the sender, taken to hold a meeting for which nobody is named


_PARTICLE = r"(?:de|da|del|der|den|van|von|le|la|du|dos|di|bin|al|ten|ter)"
_PNAME = (
    r"(?:(?:Dr|Mr|Ms|Mrs|Prof)\.?\s+)?(?P<name>[A-ZÀ-Þ][\w'’-]+"
    rf"(?:\s+(?:{_PARTICLE}\s+)?[A-ZÀ-Þ][\w'’-]+){{1,2}})"
)
_NAME = re.compile(_PNAME)
#: A line that lists the people the candidate will meet.
_PEOPLE_LABEL = re.compile(
    r"^\s*(?i:interviewers?(?:\(s\))?|interview panel|panel|with|guests|you(?:'ll| will) (?:meet|be meeting)(?: with)?)"
    r"\s*:\s*(?P<rest>.+)$"
)
#: Words right before a name that make it someone the candidate will meet.
_BEFORE_NAME = re.compile(
    r"(?i:\b(?:with|meet|meeting|joined by|speak(?:ing)? (?:with|to)|talk(?:ing)? (?:with|to)|chat(?:ting)? with|"
    r"me and|both me and|be me and|interviewers? (?:is|are|will be)|panel (?:is|will be)))\s*"
    r"(?:our\s+[\w ]{0,30}?,?\s*)?(?:[A-Z][\w'’-]+\s*\(\s*)?$"
)
#: Words right after a name that make it someone the candidate will meet.
_AFTER_NAME = re.compile(
    r"^\s*(?:\([^)]*\)\s*)?(?:will (?:join|be joining|interview|meet|call|lead)|from (?:our|the) )",
    re.I,
)
_MEETING = re.compile(
    r"(?i:\binterview|\bcall\b|\bchat\b|\bmeet|\bconversation|\bpanel|\bscreen|\bsession|\bvideo|"
    r"\bphone|\bonsite|\bzoom|\bteams\b|\bjoin|\btalk|\bspeak)"
)
#: "me and Theo (Theo Grant, ...)": a first name, then the full name in brackets.
_BRACKETED_FULL_NAME = re.compile(
    r"\b(?P<first>[A-ZÀ-Þ][\w'’-]+)\s*\(\s*(?P<full>(?P=first)\s+[A-ZÀ-Þ][\w'’-]+)"
)
_LIST_SEPARATOR = re.compile(r"\s*(?:[,;/|]|\band\b|&)\s*")
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")


def _has_role_noun(text: str) -> bool:
    words = re.findall(r"[A-Za-z]+", text.lower())
    return any(w in ROLE_NOUNS for w in words)


def _name_ok(name: str, company: str | None) -> bool:
    words = name.split()
    if any(w.lower() in NON_PERSON_WORDS or w.lower() in NOT_A_NAME for w in words):
        return False
    if _has_role_noun(name) or (company and squash(name) == squash(company)):
        return False
    return looks_like_person(" ".join(w for w in words if not re.fullmatch(_PARTICLE, w)))


def _names_in(text: str) -> list[str]:
    return [m.group("name") for m in _NAME.finditer(text)]


def find_people(lines: list[str], company: str | None) -> list[str]:
    """Names of the people the candidate will meet, in order of mention.

    A name counts when a line lists interviewers ("Interviewers: A, B"),
    when it follows "with"/"meet"/"me and" in a sentence about the meeting,
    when it is followed by "will join"/"from our team", or when it is an
    item of a list introduced by such a sentence ("you will meet with:").
    """
    names: list[str] = []

    def add(name: str) -> None:
        name = name.strip(" .")
        if _name_ok(name, company) and name not in names:
            names.append(name)

    listing = False
    for line in lines:
        label = _PEOPLE_LABEL.match(line)
        if label:
            # "Interviewers: Dr. Jürg Baumann, Head of Computational Biology; Ana Ruiz": a name
            # opens its item; what follows a name inside the item is a title, not a person.
            for item in _LIST_SEPARATOR.split(label.group("rest")):
                first = _NAME.match(item.strip())
                if first:
                    add(first.group("name"))
            listing = False
            continue
        bullet = re.match(r"^\s*(?:[-*•·]|\d+[.)])\s+(?P<item>.+)$", line)
        if listing and bullet:
            first = _NAME.match(bullet.group("item").strip())
            if first:
                add(first.group("name"))
            continue
        listing = False
        if not _MEETING.search(line) and not re.search(r"\bme and\b", line):
            continue
        chained = False
        for m in _BRACKETED_FULL_NAME.finditer(line):
            if _BEFORE_NAME.search(line[: m.start()]):
                add(m.group("full"))
        # Titles in brackets ("Gareth Pryce (Head of Market Risk) and ...") are not names.
        line = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group(0)), line)
        for m in _NAME.finditer(line):
            before, after = line[: m.start()], line[m.end() :]
            if _BEFORE_NAME.search(before) or _AFTER_NAME.match(after):
                add(m.group("name"))
                chained = True
            elif chained and re.search(r"(?:,|\band\b|&)\s*$", before[-30:]):
                add(m.group("name"))  # "with Pablo Alba and Nerea Iglesias"
            else:
                chained = False
        if line.rstrip().endswith(":"):
            listing = True
    return names


_FIRST_NAME_CUE = re.compile(
    r"(?:\b(?:with|meet|meeting)\s+(?P<a>[A-ZÀ-Þ][a-zà-ÿ'’-]+)\b(?!\s+[A-ZÀ-Þ])"
    r"|\b(?P<b>[A-ZÀ-Þ][a-zà-ÿ'’-]+)\s+(?:can|could|will|would)\s+(?:do|meet|make|join|call))"
)


def resolve_first_names(lines: list[str], whole_text: str, company: str | None) -> list[str]:
    """Full names for first names used alone ("Dana can do Thursday"), from the whole thread.

    A reply often names the interviewer only by first name; the full name is
    in the quoted message below it. A first name counts only when exactly
    one full name in the thread starts with it.
    """
    firsts: list[str] = []
    for line in lines:
        for m in _FIRST_NAME_CUE.finditer(line):
            first = m.group("a") or m.group("b")
            if first and first not in firsts and first.lower() not in NON_PERSON_WORDS:
                firsts.append(first)
    if not firsts:
        return []
    full = [n for n in dict.fromkeys(_names_in(whole_text)) if _name_ok(n, company)]
    out: list[str] = []
    for first in firsts:
        matches = [n for n in full if n.split()[0] == first]
        if len(matches) == 1 and matches[0] not in out:
            out.append(matches[0])
    return out


def emails_in(text: str) -> list[str]:
    return [e.lower().rstrip(".") for e in _EMAIL.findall(text)]


def _name_parts(name: str) -> tuple[str, str] | None:
    words = [squash(w) for w in name.split() if squash(w)]
    words = [w for w in words if w not in ("dr", "mr", "ms", "mrs")]
    if len(words) < 2:
        return None
    return words[0], words[-1]


def address_pattern(known: list[Address]) -> tuple[str, str] | None:
    """The company's address pattern, learnt from a known person: ("first.last", domain)."""
    for a in known:
        parts = _name_parts(a.name or "") if a.name else None
        if not parts:
            continue
        first, last = parts
        local = a.local
        for pattern in (
            "first.last",
            "first_last",
            "firstlast",
            "flast",
            "first.l",
            "f.last",
            "first",
        ):
            if _render(pattern, first, last) == local:
                return pattern, a.domain
    return None


def _render(pattern: str, first: str, last: str) -> str:
    return {
        "first.last": f"{first}.{last}",
        "first_last": f"{first}_{last}",
        "firstlast": f"{first}{last}",
        "flast": f"{first[:1]}{last}",
        "first.l": f"{first}.{last[:1]}",
        "f.last": f"{first[:1]}.{last}",
        "first": first,
    }[pattern]


def guess_address(name: str, pattern: tuple[str, str] | None) -> str | None:
    """An address for a named person from the company's pattern, or None."""
    if pattern is None:
        return None
    parts = _name_parts(name)
    if parts is None:
        return None
    style, domain = pattern
    if style == "first":  # too ambiguous to guess for someone else
        return None
    return f"{_render(style, *parts)}@{domain}"


def name_matches(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    pa, pb = _name_parts(a), _name_parts(b)
    if pa and pb:
        return pa == pb
    return squash(a) == squash(b)
