"""Who and what a recruiter email is about: company, role and people.

This module owns the extraction rules, applied in order of trust:

- company: the calendar invite's summary, subject patterns ("<role> at
  <Company>"), body patterns ("position at <Company>", "the <Company>
  team"), signature lines ("Talent, <Company>", "<Company> | Recruiting"),
  an organisation-like sender name ("Acme Recruiting" -> "Acme"), then the
  sender's domain. A candidate that matches a hiring-side domain wins.
- role: subject patterns ("Interview: <role>", "<role> - next steps",
  "Your application: <role>"), body patterns ("for the <role> position"),
  the invite's summary. Titles ending in a job noun (Engineer, Analyst, ...)
  win over other capitalised phrases.
- people: names in "with <Name> (<title>)", "you'll meet <Name>", "Panel:
  <A>, <B> and <C>" lines; an address from the text, or from the company's
  address pattern (first.last@) learnt from a known hiring-side address.

Pure: no I/O, no clock.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agent.mail.addresses import (
    NON_PERSON_WORDS,
    Address,
    is_ats_domain,
    is_free_mail,
    looks_like_person,
    org_from_domain,
    squash,
)
from agent.mail.lexicon import ROLE_NOUNS


@dataclass(frozen=True)
class Person:
    name: str | None
    email: str | None
    assumed: bool = False  # the sender, taken to hold a meeting for which nobody is named


# A capitalised phrase: "Brisa Solar", "Bank of Lyon", "O'Neil & Sons", "AT&T".
_CAP = r"[A-Z0-9][\w'’&.+-]*"
_CONNECT = r"(?:of|and|&|de|du|der|la|le|for|the|von|van|y|e)"
_NAME_PHRASE = rf"{_CAP}(?:[ ]+(?:{_CONNECT}[ ]+)?{_CAP}){{0,5}}"
_COMPANY_IN_SUBJECT = (
    re.compile(rf"\bat\s+(?P<c>{_NAME_PHRASE})\s*(?:$|[-–—|:(,!])"),
    re.compile(rf"\b(?:to|with|from|join)\s+(?P<c>{_NAME_PHRASE})\s*(?:$|[-–—|:(,!])"),
    re.compile(rf"^(?:re:\s*|fwd?:\s*)*(?P<c>{_NAME_PHRASE})\s*(?:[-–—|:]|\bx\b)\s", re.I),
    re.compile(rf"\((?P<c>{_NAME_PHRASE})\)\s*$"),
)
_COMPANY_IN_BODY = (
    re.compile(
        rf"\b(?:position|role|opening|job|vacancy|team|career|opportunit(?:y|ies)|interview|offer)"
        rf"\s+(?:here\s+)?(?:at|with)\s+(?P<c>{_NAME_PHRASE})"
    ),
    re.compile(
        rf"\b(?:here at|on behalf of|interest in|join(?:ing)?|welcome to)\s+(?P<c>{_NAME_PHRASE})"
    ),
    re.compile(
        rf"\b(?:the|our)\s+(?P<c>{_NAME_PHRASE})\s+(?:team|family|recruiting team|hiring team)\b"
    ),
    re.compile(rf"\bapplying (?:to|at|with)\s+(?P<c>{_NAME_PHRASE})"),
    re.compile(
        rf"\b(?P<c>{_NAME_PHRASE})(?:'s|’s)\s+(?:hiring|recruiting|talent|people|engineering)\b"
    ),
)
_DEPT = (
    r"(?:Talent(?: Acquisition| Team| Partner)?|Recruiting(?: Team)?|Recruitment(?: Team)?|HR|Human Resources|"
    r"People(?: Team| Operations| Ops)?|Careers|Hiring Team|Talent Team|Engineering|Team)"
)
_SIGNATURE = (
    re.compile(rf"^\s*{_DEPT}\s*[,|@–—-]\s*(?P<c>{_NAME_PHRASE})\s*$"),
    re.compile(rf"^\s*(?P<c>{_NAME_PHRASE})\s*[,|–—-]\s*{_DEPT}\s*$"),
    re.compile(rf"^\s*(?P<c>{_NAME_PHRASE})\s+{_DEPT}\s*$"),
    re.compile(
        rf"^\s*(?:The\s+)?(?P<c>{_NAME_PHRASE})\s+(?:Talent|Recruiting|Hiring|People)\s+Team\s*$"
    ),
    re.compile(rf"^\s*[A-Z][\w ]{{2,60}}?\s+(?:at|@|\|)\s+(?P<c>{_NAME_PHRASE})\s*$"),
)
_ORG_SUFFIX = re.compile(
    rf"\s*(?:[-–—|,]\s*)?(?:{_DEPT}|Jobs|Careers|Notifications?|Calendar|Scheduling|Hiring)\s*$",
    re.I,
)
_VIA = re.compile(r"\s+(?:via|through|from|@)\s+.*$", re.I)
_COMPANY_STOP = frozenset(
    [
        "hi",
        "hello",
        "dear",
        "thanks",
        "thank",
        "regards",
        "best",
        "kind",
        "cheers",
        "the",
        "we",
        "our",
        "your",
        "you",
        "i",
        "it",
        "this",
        "that",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "interview",
        "interviews",
        "application",
        "update",
        "next",
        "steps",
        "re",
        "fwd",
        "fw",
        "invitation",
        "confirmed",
        "booked",
        "panel",
        "video",
        "phone",
        "call",
        "onsite",
        "round",
        "final",
        "first",
        "second",
        "third",
        "team",
        "recruiting",
        "talent",
        "hr",
        "careers",
        "jobs",
        "offer",
        "rejection",
        "position",
        "role",
        "opening",
        "zoom",
        "google",
        "microsoft",
        "teams",
        "meet",
    ]
)

_ROLE_IN_SUBJECT = (
    re.compile(
        r"(?:interview|invitation|invite|application|applying|candidacy|offer(?: letter)?|update|"
        r"next steps|booked|confirmed|scheduled|rescheduled|cancell?ed|regarding|re|your application)"
        r"\s*(?:for|:|-|–|—)\s*(?:the\s+|our\s+|your\s+)?(?P<r>[^:|()\[\]]{3,80}?)"
        r"(?:\s+(?:role|position|opening|vacancy))?\s*(?:$|\s(?:at|with)\s|[|(\[]|\s[-–—]\s)",
        re.I,
    ),
    re.compile(
        r"^(?:(?:re|fwd?|aw|sv):\s*)*(?P<r>[^:|()\[\]]{3,80}?)\s*(?:[-–—:|]\s*|\s+)"
        r"(?:next steps|interview|application|update|offer|role|position|opening|panel|"
        r"phone screen|technical|onsite|final round)",
        re.I,
    ),
)
_ROLE_IN_BODY = (
    re.compile(
        r"\b(?:for|of|as|about|to)\s+(?:the|our|a|an|your)\s+(?P<r>[A-Z][\w/&+.,' -]{2,70}?)\s+"
        r"(?:role|position|opening|vacancy|job|opportunity|post|req(?:uisition)?)\b"
    ),
    re.compile(
        r"\b(?:position|role) of\s+(?:the\s+)?(?P<r>[A-Z][\w/&+.' -]{2,70}?)(?:\s+(?:at|with|in)\b|[.,;:(]|$)"
    ),
    re.compile(
        r"\bapplication (?:for|to) (?:the )?(?P<r>[A-Z][\w/&+.' -]{2,70}?)(?:\s+(?:at|with|role|position)\b|[.,;:(]|$)"
    ),
    re.compile(
        r"\bas (?:a|an|our) (?:new )?(?P<r>[A-Z][\w/&+.' -]{2,70}?)(?:\s+(?:at|with|in|on)\b|[.,;:(]|$)"
    ),
)
_ROLE_TRIM = re.compile(
    r"^(?:the|our|your|a|an|new|open|exciting)\s+|\s+(?:role|position|opening|vacancy|job|interview|"
    r"application|opportunity|req|candidate)s?$",
    re.I,
)
_ROLE_BAD = re.compile(
    r"\b(?:interview|application|update|thank|thanks|hello|hi|dear|your|our|we|you|next steps|"
    r"invitation|confirmed|booked|reminder|feedback|re|fwd)\b",
    re.I,
)

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
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")


def _clean_company(text: str) -> str | None:
    text = _VIA.sub("", text.strip())
    text = _ORG_SUFFIX.sub("", text).strip(" ,.-–—|:;'\"")
    text = re.sub(r"^(?:the)\s+", "", text, flags=re.I)
    words = text.split()
    while words and words[-1].lower().strip(".,") in _COMPANY_STOP:
        words.pop()
    while words and words[0].lower().strip(".,") in _COMPANY_STOP:
        words.pop(0)
    text = " ".join(words)
    if len(text) < 2 or len(words) > 6 or not any(c.isalpha() for c in text):
        return None
    return text


def _domain_match(candidate: str, domains: list[str]) -> bool:
    sq = squash(candidate)
    if len(sq) < 3:
        return False
    for domain in domains:
        label = squash(org_from_domain(domain) or "")
        if len(label) >= 3 and (sq.startswith(label) or label.startswith(sq) or label in sq):
            return True
    return False


def hiring_domains(addresses: list[Address]) -> list[str]:
    """Domains that belong to the hiring company (not free mail, not an ATS)."""
    out: list[str] = []
    for a in addresses:
        if not is_free_mail(a.domain) and not is_ats_domain(a.domain) and a.domain not in out:
            out.append(a.domain)
    return out


def find_company(
    subject: str,
    lines: list[str],
    signature: list[str],
    sender: Address | None,
    summaries: list[str],
    domains: list[str],
) -> str | None:
    """The hiring company's name, or None."""
    scored: list[tuple[int, int, str]] = []

    def add(raw: str | None, weight: int) -> None:
        if not raw:
            return
        name = _clean_company(raw)
        if not name or squash(name) in {squash(w) for w in _COMPANY_STOP}:
            return
        bonus = 10 if _domain_match(name, domains) else 0
        scored.append((weight + bonus, -len(scored), name))

    for summary in summaries:
        for pat in _COMPANY_IN_SUBJECT:
            m = pat.search(summary)
            if m:
                add(m.group("c"), 6)
        for piece in re.split(r"\s+[-–—|:]\s+", summary):
            if _domain_match(piece, domains):
                add(piece, 5)
    for pat in _COMPANY_IN_SUBJECT:
        m = pat.search(subject)
        if m:
            add(m.group("c"), 6)
    for line in lines:
        for pat in _COMPANY_IN_BODY:
            for m in pat.finditer(line):
                add(m.group("c"), 4)
    for line in signature:
        for pat in _SIGNATURE:
            m = pat.match(line)
            if m:
                add(m.group("c"), 5)
    if sender and sender.name and not looks_like_person(sender.name):
        add(sender.name, 5)
    if scored:
        best = max(scored)
        if best[0] >= 10 or not domains:
            return best[2]
        domain_name = org_from_domain(domains[0])
        return best[2] if best[0] >= 5 or not domain_name else domain_name
    return org_from_domain(domains[0]) if domains else None


def _clean_role(raw: str, company: str | None) -> str | None:
    role = raw.strip(" .,:;-–—|'\"")
    if company:
        role = re.sub(rf"\s+(?:at|with|@|-|–|—|\|)\s+{re.escape(company)}.*$", "", role, flags=re.I)
        role = re.sub(rf"^{re.escape(company)}\s*[-–—|:]?\s*", "", role, flags=re.I)
    role = re.sub(r"\s+(?:at|with)\s+[A-Z][\w&.' -]*$", "", role)
    for _ in range(3):
        role = _ROLE_TRIM.sub("", role).strip(" .,:;-–—|")
    words = role.split()
    if not 1 <= len(words) <= 8 or len(role) < 2:
        return None
    if _ROLE_BAD.search(role) and not _has_role_noun(role):
        return None
    return role


def _has_role_noun(text: str) -> bool:
    words = re.findall(r"[A-Za-z]+", text.lower())
    return any(w in ROLE_NOUNS for w in words)


def find_role(
    subject: str, lines: list[str], summaries: list[str], company: str | None
) -> str | None:
    """The job title, or None."""
    found: list[tuple[int, int, str]] = []

    def add(raw: str | None, weight: int) -> None:
        if not raw:
            return
        role = _clean_role(raw, company)
        if role is None:
            return
        if company and squash(role) == squash(company):
            return
        score = weight + (6 if _has_role_noun(role) else 0)
        found.append((score, -len(found), role))

    for pat in _ROLE_IN_SUBJECT:
        m = pat.search(subject)
        if m:
            add(m.group("r"), 4)
    for summary in summaries:
        for piece in re.split(r"\s+[-–—|:]\s+|\s+at\s+|\(|\)", summary):
            if _has_role_noun(piece):
                add(piece, 3)
    for line in lines:
        for pat in _ROLE_IN_BODY:
            for m in pat.finditer(line):
                add(m.group("r"), 3)
    good = [f for f in found if f[0] >= 6]
    return max(good)[2] if good else None


def _name_ok(name: str, company: str | None) -> bool:
    words = name.split()
    if any(w.lower() in NON_PERSON_WORDS or w.lower() in _COMPANY_STOP for w in words):
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
            for name in _names_in(label.group("rest")):
                add(name)
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
