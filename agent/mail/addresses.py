"""Email addresses: parsing header values and telling people from machines.

This module owns:

- ``Address`` and the parsing of address headers that never raises
  (trailing commas, stray quotes, RFC 2047 names, bare addresses);
- ``is_noreply``: addresses nobody reads (no-reply, notifications, bounces,
  mailer-daemon, postmaster) -- the agent never writes to one;
- ``is_ats_domain`` and ``is_free_mail``: applicant-tracking and scheduling
  systems that relay recruiters' mail, and free-mail providers;
- ``looks_like_person``: a display name or local part that names a human,
  not a team, a company or a robot;
- ``org_from_domain``: a readable guess at an organisation from its domain.

Pure: no I/O, no clock.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from email.errors import HeaderParseError
from email.header import decode_header, make_header
from email.utils import getaddresses
from functools import lru_cache

# Local parts nobody reads. Matched as whole words of the local part, so
# "reply-to-jane" is fine but "jobs-noreply" is not.
NOREPLY_LOCAL = re.compile(
    r"(^|[._+-])(no-?reply|do-?not-?reply|donotreply|noreply|notifications?|notify|"
    r"mailer-daemon|mailerdaemon|postmaster|bounces?|alerts?|newsletters?|news|digest|"
    r"automated|auto-?confirm|system|daemon)([._+-]|$)",
    re.IGNORECASE,
)

# Applicant-tracking and scheduling systems. Matched against the labels of the
# domain without its public suffix, so "greenhouse-mail.io" and
# "greenhouse-mail.example" both match.
ATS_DOMAIN_LABELS = frozenset(
    {
        "greenhouse",
        "greenhouse-mail",
        "lever",
        "hire",
        "ashbyhq",
        "ashby",
        "myworkday",
        "myworkdayjobs",
        "workday",
        "smartrecruiters",
        "icims",
        "taleo",
        "successfactors",
        "workable",
        "workablemail",
        "jobvite",
        "bamboohr",
        "breezy",
        "breezyhr",
        "recruitee",
        "teamtailor",
        "personio",
        "pinpointhq",
        "jazzhr",
        "applytojob",
        "rippling",
        "gem",
        "goodtime",
        "calendly",
        "gohire",
        "recruiterbox",
        "comeet",
        "jobdiva",
        "bullhorn",
        "avature",
        "phenom",
        "eightfold",
        "paradox",
        "hirevue",
        "ats",
    }
)

FREE_MAIL_LABELS = frozenset(
    {
        "gmail",
        "googlemail",
        "outlook",
        "hotmail",
        "live",
        "msn",
        "yahoo",
        "ymail",
        "aol",
        "icloud",
        "me",
        "mac",
        "proton",
        "protonmail",
        "pm",
        "gmx",
        "web",
        "mail",
        "yandex",
        "zoho",
        "fastmail",
        "hey",
        "tutanota",
        "qq",
        "163",
        "rediffmail",
        "example",  # example.com/.net/.org (RFC 2606): a private person's placeholder address
    }
)

# Words that make a display name a team or an organisation, not a person.
NON_PERSON_WORDS = frozenset(
    {
        "team",
        "recruiting",
        "recruitment",
        "recruiter",
        "careers",
        "career",
        "jobs",
        "job",
        "talent",
        "acquisition",
        "hr",
        "people",
        "hiring",
        "notifications",
        "notification",
        "support",
        "service",
        "services",
        "info",
        "admin",
        "office",
        "department",
        "group",
        "inc",
        "llc",
        "ltd",
        "gmbh",
        "corp",
        "co",
        "company",
        "hospital",
        "university",
        "bank",
        "labs",
        "lab",
        "systems",
        "solutions",
        "technologies",
        "alerts",
        "newsletter",
        "digest",
        "noreply",
        "no-reply",
        "calendar",
        "mailer",
        "daemon",
        "postmaster",
        "system",
        "via",
        "at",
        "the",
        "and",
        "of",
        "&",
    }
)

# Second-level public suffixes: "example.co.uk" is the organisation "example".
_TWO_PART_SUFFIXES = frozenset({"co", "com", "org", "net", "ac", "gov", "edu"})

_NAME_TOKEN = re.compile(r"^[A-Z][a-zà-ÿ'’-]+\.?$|^[A-ZÀ-Þ][a-zà-ÿ'’-]*$")
_WS = re.compile(r"\s+")
_ADDR = re.compile(r"^[^@\s<>()\[\],;:\"]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")


@dataclass(frozen=True)
class Address:
    """One mailbox: an optional display name and a lower-cased address."""

    name: str | None
    email: str

    @property
    def local(self) -> str:
        return self.email.split("@", 1)[0]

    @property
    def domain(self) -> str:
        return self.email.rpartition("@")[2]

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>" if self.name else self.email


def decode_words(value: str) -> str:
    """Decode RFC 2047 encoded words; on any trouble return the raw text."""
    if "=?" not in value:
        return value
    try:
        return str(make_header(decode_header(value)))
    except (ValueError, LookupError, UnicodeError, AssertionError, HeaderParseError):
        return value


def clean_name(name: str | None) -> str | None:
    """A display name without quotes, surrounding space or encoded words."""
    if not name:
        return None
    name = decode_words(name)
    name = _WS.sub(" ", name).strip().strip("\"'").strip()
    if not name or "@" in name:
        return None
    return name


_SIMPLE_ADDRESS = re.compile(
    r'^\s*(?:(?P<name>"[^"\\]*"|[^"<>,;:@()\\\[\]]*?)\s*<(?P<angle>[^<>\s@,;:"()\\]+@[^<>\s,;:"()\\]+)>'
    r'|(?P<bare>[^<>\s@,;:"()\\]+@[^<>\s,;:"()\\]+))\s*$'
)


def parse_addresses(value: str | None) -> list[Address]:
    """Every valid address in a header value, in order, without duplicates.

    Tolerates what real mail carries: trailing commas, encoded names, missing
    angle brackets. Invalid items are dropped, never raised.
    """
    if not value:
        return []
    simple = _SIMPLE_ADDRESS.match(value)
    if simple:  # one plain mailbox, by far the common case: no need for the full grammar
        addr = (simple.group("angle") or simple.group("bare") or "").lower()
        if _ADDR.match(addr):
            return [Address(clean_name(simple.group("name")), addr)]
    try:
        pairs = getaddresses([value.replace("\r", " ").replace("\n", " ")])
    except (ValueError, TypeError, IndexError):  # malformed headers: fall back below
        pairs = []
    out: list[Address] = []
    seen: set[str] = set()
    for name, addr in pairs:
        addr = addr.strip().strip("<>").lower()
        if not _ADDR.match(addr) or addr in seen:
            continue
        seen.add(addr)
        out.append(Address(clean_name(name), addr))
    if not out:
        for m in re.finditer(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+", value):
            addr = m.group(0).lower()
            if _ADDR.match(addr) and addr not in seen:
                seen.add(addr)
                out.append(Address(None, addr))
    return out


def parse_address(value: str | None) -> Address | None:
    found = parse_addresses(value)
    return found[0] if found else None


def domain_labels(domain: str) -> list[str]:
    """The labels of a domain without its public suffix ("mail.acme.co.uk" -> mail, acme)."""
    parts = [p for p in domain.lower().split(".") if p]
    if len(parts) > 1:
        parts = parts[:-1]
    if len(parts) > 1 and parts[-1] in _TWO_PART_SUFFIXES:
        parts = parts[:-1]  # "acme.co.uk", "council.gov.example"
    return parts


def org_label(domain: str) -> str:
    """The registrable label of a domain: "jobs.acme.co.uk" -> "acme"."""
    labels = domain_labels(domain)
    return labels[-1] if labels else domain.lower()


def same_organisation(a: str, b: str) -> bool:
    """Whether two domains belong to one organisation (same registrable label)."""
    return bool(a) and bool(b) and org_label(a) == org_label(b)


def is_noreply(email: str, extra: frozenset[str] = frozenset()) -> bool:
    """Whether an address is one nobody reads."""
    email = email.lower()
    if email in extra:
        return True
    return bool(NOREPLY_LOCAL.search(email.split("@", 1)[0]))


def is_ats_domain(domain: str) -> bool:
    return any(label in ATS_DOMAIN_LABELS for label in domain_labels(domain))


def is_free_mail(domain: str) -> bool:
    labels = domain_labels(domain)
    return bool(labels) and labels[-1] in FREE_MAIL_LABELS


def looks_like_person(name: str | None) -> bool:
    """Whether a display name reads as a person's name ("Jana Král", "Dr. Ana Ruiz")."""
    if not name:
        return False
    words = [w for w in re.split(r"[\s,]+", name.strip()) if w]
    if not 1 <= len(words) <= 4:
        return False
    if any(w.lower().strip(".()") in NON_PERSON_WORDS for w in words):
        return False
    if any(any(c.isdigit() for c in w) for w in words):
        return False
    caps = [w for w in words if w[:1].isupper()]
    return len(caps) == len(words) and (len(words) >= 2 or len(words[0]) >= 2)


def local_looks_personal(local: str) -> bool:
    """Whether a local part reads like a person ("jana.kral", "j.smith", "ana_ruiz")."""
    parts = [p for p in re.split(r"[._-]", local.lower()) if p]
    return 2 <= len(parts) <= 3 and all(p.isalpha() for p in parts)


def is_human_address(addr: Address, extra_noreply: frozenset[str] = frozenset()) -> bool:
    """Whether a follow-up may be addressed here: a person, not a robot or an ATS relay.

    Addresses at an applicant-tracking system count only when both the display
    name and the local part look like a person (some ATSs relay replies).
    """
    if is_noreply(addr.email, extra_noreply):
        return False
    if is_ats_domain(addr.domain):
        return looks_like_person(addr.name) and local_looks_personal(addr.local)
    return True


def org_from_domain(domain: str) -> str | None:
    """A readable organisation name from a domain ("ostrava-instruments.com" -> "Ostrava Instruments")."""
    if is_free_mail(domain) or is_ats_domain(domain):
        return None
    label = org_label(domain)
    if not label or label.isdigit():
        return None
    words = [w for w in re.split(r"[-_]+", label) if w]
    if len(words) == 1:
        words = _unglued(words[0])
    return " ".join(w.capitalize() for w in words)


#: Words many company names end with: a one-word domain label is split before them
#: ("halyardrobotics" -> "Halyard Robotics"), when at least four letters come first.
COMPANY_TAILS = frozenset(
    [
        "analytics",
        "automation",
        "bank",
        "bio",
        "biotech",
        "brands",
        "capital",
        "cloud",
        "consulting",
        "data",
        "design",
        "devices",
        "diagnostics",
        "digital",
        "dynamics",
        "electric",
        "energy",
        "engineering",
        "foods",
        "games",
        "genomics",
        "group",
        "health",
        "industries",
        "instruments",
        "insurance",
        "interactive",
        "labs",
        "learning",
        "logistics",
        "manufacturing",
        "materials",
        "media",
        "mobility",
        "motors",
        "networks",
        "partners",
        "pay",
        "payments",
        "pharma",
        "power",
        "research",
        "robotics",
        "sciences",
        "security",
        "software",
        "solutions",
        "studio",
        "studios",
        "systems",
        "technologies",
        "therapeutics",
        "travel",
        "ventures",
        "works",
    ]
)
_NAME_TAILS = sorted(COMPANY_TAILS, key=len, reverse=True)


def _unglued(label: str) -> list[str]:
    for tail in _NAME_TAILS:
        if label.endswith(tail) and len(label) - len(tail) >= 4:
            return [label[: -len(tail)], tail]
    return [label]


_LETTERS = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}
)


@lru_cache(maxsize=16384)
def squash(text: str) -> str:
    """Lower-case ASCII letters and digits only ("Dvořák & Co." -> "dvorakco"), for loose comparisons."""
    folded = unicodedata.normalize("NFKD", text.lower().translate(_LETTERS))
    return re.sub(r"[^0-9a-z]", "", folded.encode("ascii", "ignore").decode("ascii"))
