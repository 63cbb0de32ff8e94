"""The hiring company and the job title, found as capitalised phrases.

This module owns two rules.

Company. Every capitalised phrase of the subject, the body, the invite's
title and the sender's name is a candidate ("Pinecrest Credit Union",
"Quarry & Vine"). A candidate whose letters spell a hiring-side domain
wins: each word may be used whole, cut short or (after the first) left out,
so "pinecrestcu.com" is "Pinecrest Credit Union", "pembertoncarto.com" is
"Pemberton Cartography" and "marlowfinch.com" is "Marlow & Finch"; the
longest such phrase wins. Without a domain to go by (free mail, an ATS
with no company address), phrases in a company context win: a signature
line ("Talent Acquisition, Acme"), "at Acme", "Acme Recruiting" as the
sender's name. Department words and "The" are trimmed.

Role. A capitalised phrase ending in a job noun ("Engineer", "Analyst",
"Manager" ...; a Roman numeral or a bracketed speciality may follow) is a
candidate. It scores for being in the subject or the invite's title, for
being followed by "role"/"position"/"opening", for being preceded by "for
the"/"as a"/"Position:", and for repetition; it loses for being a
person's title ("Igor Sokolov, Lead Engineer") or sitting in the
signature.

Pure: no I/O, no clock.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from agent.mail.addresses import COMPANY_TAILS, looks_like_person, squash
from agent.mail.lexicon import ROLE_NOUNS

_SEPARATORS = re.compile(r"\s+[-–—|·•@]\s+|[|:;()\[\]{}!?\"“”«»/,\n\t@]|\.\s|\.$|\s[-–—]\s*|\s{3,}")
_TOKEN = re.compile(r"&|[^\W_](?:[\w'’+&-]|\.(?=\w))*", re.UNICODE)
_MAX_TEXT = 6000  # company and title appear early or in the signature; long bodies are mostly noise
_CONNECTORS = frozenset(
    {
        "of",
        "and",
        "&",
        "de",
        "du",
        "des",
        "la",
        "le",
        "for",
        "von",
        "van",
        "der",
        "den",
        "y",
        "e",
        "da",
        "do",
        "di",
    }
)
#: Words that end a company name but are not part of it.
_DEPT_WORDS = frozenset(
    [
        "team",
        "talent",
        "acquisition",
        "recruiting",
        "hr",
        "careers",
        "career",
        "hiring",
        "operations",
        "ops",
        "jobs",
        "notifications",
        "calendar",
        "scheduling",
        "resources",
        "human",
        "via",
    ]
)
#: Words that never start a company or a title.
_LEADING_NOISE = frozenset(
    [
        "the",
        "your",
        "our",
        "a",
        "an",
        "re",
        "fw",
        "fwd",
        "aw",
        "sv",
        "interview",
        "interviews",
        "invitation",
        "invitación",
        "einladung",
        "vorstellungsgespräch",
        "entrevista",
        "entretien",
        "updated",
        "update",
        "new",
        "next",
        "step",
        "steps",
        "panel",
        "onsite",
        "on-site",
        "final",
        "first",
        "second",
        "third",
        "round",
        "thank",
        "thanks",
        "hi",
        "hello",
        "dear",
        "welcome",
        "congratulations",
        "confirmed",
        "booked",
        "scheduled",
        "rescheduled",
        "cancelled",
        "canceled",
        "offer",
        "letter",
        "application",
        "applying",
        "status",
        "schedule",
        "action",
        "needed",
        "reminder",
        "quick",
        "virtual",
        "video",
        "phone",
        "call",
        "chat",
        "for",
        "with",
        "at",
        "from",
        "to",
        "in",
        "on",
        "this",
        "that",
        "just",
        "great",
        "good",
    ]
)
#: Words that are never a company, nor part of a person's name.
NOT_A_NAME = frozenset(
    [
        "first",
        "second",
        "third",
        "fw",
        "the",
        "interviews",
        "hi",
        "hello",
        "dear",
        "thanks",
        "thank",
        "regards",
        "best",
        "kind",
        "cheers",
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
        "application",
        "update",
        "next",
        "steps",
        "re",
        "fwd",
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
        "calendly",
        "greenhouse",
        "lever",
        "ashby",
        "workday",
        "please",
        "date",
        "time",
        "location",
        "where",
        "when",
        "format",
        "duration",
        "interviewer",
        "interviewers",
        "guests",
        "organizer",
        "join",
        "reply",
        "view",
        "mr",
        "ms",
        "mrs",
        "dr",
    ]
)
#: Tokens that end a capitalised run: pronouns start a new clause.
_BREAKERS = frozenset(
    {"i", "i'd", "i'm", "i'll", "i've", "i’d", "i’m", "i’ll", "we", "we're", "we'll", "you", "it"}
)
_LEGAL = frozenset(
    {
        "inc",
        "llc",
        "ltd",
        "gmbh",
        "corp",
        "co",
        "plc",
        "ag",
        "sa",
        "se",
        "bv",
        "as",
        "ab",
        "llp",
        "lp",
    }
)
_ROMAN = re.compile(r"^(?:I{1,3}|IV|V|VI{0,3})$")
_AFTER_ROLE = re.compile(
    r"^\s*(?:\([^)]{1,30}\)\s*)?(?:role|position|opening|job|vacancy|post|req\b|requisition|opportunity|hire|"
    r"interview|candidacy|application|team)",
    re.I,
)
_BEFORE_ROLE = re.compile(
    r"(?:\bfor(?: the| our| a| an)?|\bas(?: a| an| our)?|\bthe|\bapplying (?:for|to)|\bapplication (?:for|to)|"
    r"\bposition of|\brole of|\b(?:position|role|job|title|vacancy)\s*:)\s*$",
    re.I,
)
_ROMANCE_TAIL = re.compile(
    r"^\s+((?:de|du|des|de la|di|da|do)\s+[a-zà-ÿ]+(?:\s+[a-zà-ÿ]{3,})?)(?=\s*(?:[.,;:)(]|$))"
)
_PERSON_BEFORE = re.compile(
    r"([A-ZÀ-Þ][\w'’.-]+(?:\s+[A-ZÀ-Þ][\w'’.-]+){1,2})\s*(?:,|\()\s*(?:our|the|their)?\s*$"
)
_COMPANY_CONTEXT = re.compile(
    r"(?:\bat|\bwith|\bjoin(?:ing)?|\bto|\bon behalf of|\bhere at|\binterest in|\bfrom)\s+$", re.I
)


@dataclass(frozen=True)
class Phrase:
    words: tuple[str, ...]
    source: str  # subject, body, summary, signature, sender
    before: str  # up to 40 characters of text before the phrase
    after: str  # up to 40 characters after

    @property
    def text(self) -> str:
        return " ".join(self.words)


@lru_cache(maxsize=8192)
def _fold(word: str) -> str:
    return squash(word.replace("&", "and"))


def _phrase(text: str, run: list[re.Match[str]], source: str) -> Phrase | None:
    while run and run[-1].group(0).lower() in _CONNECTORS:
        run.pop()
    if not run:
        return None
    start, end = run[0].start(), run[-1].end()
    words = tuple(t.group(0).rstrip(".") or t.group(0) for t in run)
    return Phrase(words, source, text[max(0, start - 40) : start], text[end : end + 40])


_SCAN = re.compile(f"(?P<sep>{_SEPARATORS.pattern})|(?P<tok>{_TOKEN.pattern})", re.UNICODE)


def phrases(text: str, source: str) -> list[Phrase]:
    """Maximal runs of capitalised words (with inner connectors) in each segment of ``text``."""
    return list(_phrases(text[:_MAX_TEXT], source))


@lru_cache(maxsize=128)
def _phrases(text: str, source: str) -> tuple[Phrase, ...]:
    found: list[Phrase | None] = []
    run: list[re.Match[str]] = []
    for m in _SCAN.finditer(text):
        word = m.group("tok")
        if word is None:  # a separator ends the run
            if run:
                found.append(_phrase(text, run, source))
                run = []
            continue
        first = word[:1]
        if first.isupper() or (run and (first.isdigit() or word == "&")):
            if word.lower() in _BREAKERS and not (len(word) > 1 and word.isupper()):  # "IT"
                found.append(_phrase(text, run, source))
                run = []
            else:
                run.append(m)
        elif run and word.lower() in _CONNECTORS:
            run.append(m)
        elif run:
            found.append(_phrase(text, run, source))
            run = []
    if run:
        found.append(_phrase(text, run, source))
    return tuple(p for p in found if p is not None)


@lru_cache(maxsize=4096)
def _spells(words: tuple[str, ...], label: str) -> bool:
    """Whether ``label`` is the words in order, each whole, cut short, or (after the first) left out."""
    folded = [_fold(w) for w in words]
    if not folded or not folded[0] or not label:
        return False

    @cache
    def go(i: int, j: int) -> bool:
        if j == len(label):
            return True
        if i == len(folded):
            return False
        word = folded[i]
        if i > 0 and go(i + 1, j):
            return True
        shortest = min(3, len(word)) if i == 0 else 1
        for k in range(len(word), shortest - 1, -1):
            if label.startswith(word[:k], j) and go(i + 1, j + k):
                return True
        return False

    return go(0, 0)


#: Meeting words in other languages ("Vorstellungsgespräch", "Entretien") never start a name.
_MEETING_WORD = re.compile(
    r"interview|gespr[äa]ch|entretien|entrevista|einladung|colloquio|sollicitatie", re.I
)


def _trim(words: tuple[str, ...]) -> tuple[str, ...]:
    w = list(words)
    while w and (
        w[0].lower().strip(".") in _LEADING_NOISE
        or w[0].lower() in _CONNECTORS
        or _MEETING_WORD.search(w[0])
    ):
        w.pop(0)
    while w and (w[-1].lower().strip(".") in _DEPT_WORDS or w[-1].lower() in _CONNECTORS):
        w.pop()
    return tuple(w)


#: Meeting words that also qualify a job title ("Video Producer"), kept before a bare role noun.
_TITLE_QUALIFIERS = frozenset({"video", "phone", "virtual"})
#: Titles that name a function after the role noun: "Head of IT", "Director of Nursing".
_HEAD_OF = frozenset({"head", "director", "vp", "chief", "manager", "lead", "dean", "professor"})


def _is_role(words: tuple[str, ...]) -> bool:
    w = list(words)
    while w and _ROMAN.match(w[-1]):
        w.pop()
    if bool(w) and w[-1].lower().strip(".") in ROLE_NOUNS:
        return True
    lowered = [x.lower() for x in w]
    return "of" in lowered[1:-1] and lowered[lowered.index("of") - 1] in _HEAD_OF


def _subphrases(words: tuple[str, ...], longest: int = 6) -> Iterable[tuple[str, ...]]:
    n = len(words)
    for size in range(min(n, longest), 0, -1):
        for i in range(n - size + 1):
            yield words[i : i + size]


def find_company(
    subject: str,
    body: str,
    signature: list[str],
    sender_name: str | None,
    summaries: list[str],
    labels: list[str],
    people: Iterable[str] = (),
    sender_is_org: bool = False,
    agencies: Iterable[str] = (),
) -> str | None:
    """The hiring company's name, or None. ``labels`` are squashed hiring-side domain labels.

    The subject, the invite, the signature and the sender's name are read
    first; the body only when they do not name the company. ``agencies`` are
    the squashed domain labels of recruitment agencies writing on a client's
    behalf: a name that spells one is never the hiring company.
    """
    agencies = list(agencies)
    near: list[Phrase] = list(phrases(subject, "subject"))
    for s in summaries:
        near += phrases(s, "summary")
    if agencies:  # an agency's signature and sender name are the agency's, not its client's
        signature, sender_name = [], None
    for line in signature:
        near += phrases(line, "signature")
    if sender_name:
        inner = re.search(r"\(([^)]+)\)", sender_name)
        near += phrases(inner.group(1) if inner else sender_name, "sender")
    if agencies:
        near = [ph for ph in near if not _spells_any(_trim(ph.words), agencies)]
    person_words = {squash(p) for p in people if p}
    if labels:
        found = _spelled_by_labels(near, labels, person_words)
        if found:
            return found
    candidates = [*near, *phrases(body, "body")]
    if agencies:
        candidates = [ph for ph in candidates if not _spells_any(_trim(ph.words), agencies)]
    if labels:
        found = _spelled_by_labels(candidates, labels, person_words)
        if found:
            return found
    context = _company_from_context(candidates, person_words, sender_is_org)
    return _without_legal(context) if context else None


def _spells_any(words: tuple[str, ...], labels: list[str]) -> bool:
    """Whether the words, or a run of them from the first, spell one of the labels."""
    return any(_spells(words[:n], label) for n in range(len(words), 0, -1) for label in labels)


def _spelled_by_labels(
    candidates: list[Phrase], labels: list[str], person_words: set[str]
) -> str | None:
    """The phrase that spells a hiring-side domain, counted over whole phrases first."""
    whole: dict[tuple[str, ...], int] = {}
    partial: dict[tuple[str, ...], int] = {}
    starts = {label[:3] for label in labels}
    for ph in candidates:
        trimmed = _trim(ph.words)
        # A name spelling a label starts with the label's first letters: skip the rest early.
        if not any(_fold(w)[:3] in starts for w in trimmed):
            continue
        for sub in _subphrases(trimmed):
            if _fold(sub[0])[:3] not in starts:
                continue
            sub = _trim(sub)
            if not sub or _is_role(sub) or squash(" ".join(sub)) in person_words:
                continue
            if len(sub) == 1 and sub[0].lower() in NOT_A_NAME:
                continue
            if any(_spells(sub, label) for label in labels):
                bonus = 2 if ph.source in ("signature", "sender", "subject") else 1
                table = whole if sub == trimmed else partial
                table[sub] = table.get(sub, 0) + bonus
    pool = whole or partial
    if not pool:
        return None
    best = max(pool.items(), key=lambda kv: (kv[1], len(kv[0])))[0]
    return _without_legal(" ".join(best))


def _without_legal(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[-1].lower().strip(".,") in _LEGAL:
        words.pop()
    return " ".join(words).rstrip(",")


def _company_from_context(
    candidates: list[Phrase], person_words: set[str], sender_is_org: bool
) -> str | None:
    scores: dict[str, int] = {}
    for ph in candidates:
        words = _trim(ph.words)
        if not words or _is_role(words) or len(words) > 5:
            continue
        name = " ".join(words)
        if len(words) == 1 and words[0].lower().strip(".") in NOT_A_NAME:
            continue
        if any(w.lower() in NOT_A_NAME or w[:1].isdigit() for w in words):
            continue
        if squash(name) in person_words or (
            ph.source not in ("sender", "signature")
            and looks_like_person(name)
            and words[-1].lower() not in COMPANY_TAILS  # "Quillfeather Analytics" is no one
        ):
            continue
        score = 0
        if ph.source == "sender" and (sender_is_org or not looks_like_person(name)):
            score += 4
        if ph.source == "signature":
            score += (
                3
                if len(ph.words) != len(words) or ph.before.rstrip().endswith((",", "|", "-"))
                else 2
            )
        if _COMPANY_CONTEXT.search(ph.before):
            score += 2
        if ph.source == "subject":
            score += 1
        if score:
            scores[name] = scores.get(name, 0) + score
    if not scores:
        return None
    name, score = max(scores.items(), key=lambda kv: kv[1])
    return name if score >= 3 else None


def find_role(
    subject: str,
    body: str,
    signature: list[str],
    summaries: list[str],
    company: str | None,
) -> str | None:
    """The job title, or None."""
    found: dict[str, int] = {}
    display: dict[str, str] = {}
    signature_text = "\n".join(signature)
    sources: list[Phrase] = phrases(subject, "subject")
    for s in summaries:
        sources += phrases(s, "summary")
    sources += phrases(body, "body")
    company_key = squash(company or "")
    for ph in sources:
        words = _trim(ph.words)
        if len(words) == 1 and len(ph.words) > 1 and ph.words[-1] == words[0]:
            qualifier = ph.words[-2]
            if qualifier.lower() in _TITLE_QUALIFIERS:
                words = (qualifier, *words)  # "Video Producer", "Virtual Assistant"
        if not _is_role(words):
            continue
        if company_key and squash(words[0]) and company_key.startswith(squash(" ".join(words[:1]))):
            # "Kestrel Bio Computational Biologist": drop the company's words in front
            while words and company_key.startswith(squash(words[0])) and len(words) > 1:
                words = words[1:]
        name = " ".join(words)
        if len(words) > 7:
            continue
        romance = _ROMANCE_TAIL.match(ph.after)
        if romance and len(words) == 1:
            name = f"{name} {romance.group(1)}"  # "Chef de projet digital"
        bracket = re.match(r"\s*\(([^)]{1,30})\)", ph.after)
        if (
            bracket
            and not re.search(r"\d", bracket.group(1))
            and not looks_like_person(bracket.group(1))
        ):
            name = f"{name} ({bracket.group(1).strip()})"
        key = squash(name)
        score = 0
        if ph.source == "subject":
            score += 4
        elif ph.source == "summary":
            score += 3
        if _AFTER_ROLE.match(ph.after):
            score += 4
        if _BEFORE_ROLE.search(ph.before):
            score += 2
        if ph.source == "body" and _PERSON_BEFORE.search(ph.before):
            score -= 6  # "Igor Sokolov, Lead GIS Engineer": an interviewer's title
        if ph.source == "body" and name in signature_text:
            score -= 6
        if key in found:
            found[key] += 1 + max(score, 0) // 2
        else:
            found[key] = score
            display[key] = name
    if not found:
        return None
    key, score = max(found.items(), key=lambda kv: kv[1])
    return display[key] if score >= 0 else None
