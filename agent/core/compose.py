"""Writing drafts: templates filled in, threaded replies, the final message.

This module owns:

- the fill-in of a template (``str.format`` fields such as ``{greeting}``
  and ``{the_role}``), with plain fallbacks when a fact is unknown
  ("Hello," for an unknown name, "the role" for an unknown title);
- placeholder detection: a field left unfilled, ``[Company]``-style
  brackets, ``TODO``/``TBD``/``XXX``: a draft with one can never be sent;
- threading: In-Reply-To is the parent's Message-ID, References the
  parent's References plus its Message-ID, the subject "Re: " plus the
  parent's with every Re:/RE:/AW:/SV:/Fwd: prefix collapsed into one;
- the RFC 5322 message itself, built with ``email.message.EmailMessage``,
  with a Message-ID derived from the draft id so a retry can never produce
  a second, different message; header values are stripped of CR/LF.

Templates arrive as text (the shell reads the files); a template may start
with a ``Subject:`` line, used when the draft starts a new thread.

Pure: no I/O, no clock.
"""

from __future__ import annotations

import hashlib
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, tzinfo
from email.charset import QP, Charset
from email.header import Header
from email.mime.text import MIMEText
from email.utils import format_datetime, formataddr
from typing import Any, cast

PLACEHOLDER = re.compile(
    r"\{[A-Za-z_][^{}\n]{0,40}\}"
    r"|\[\s*(?:[A-Z][A-Za-z]*)(?:\s+[A-Za-z]+){0,5}\s*\]"
    r"|<\s*(?:insert|your|name|company|role|topic)[^>]{0,40}>"
    r"|\b(?:TODO|TBD|XXX|FIXME)\b|lorem ipsum",
    re.IGNORECASE,
)
_PREFIX = re.compile(
    r"^\s*(?:(?:re|aw|sv|vs|antw|fwd?|wg|tr)\s*(?:\[\d+\])?\s*:\s*)+", re.IGNORECASE
)
_MAX_REFERENCES = 20
_UTF8_QP = Charset("utf-8")
_UTF8_QP.body_encoding = QP  # readable in any mail client's "show source", unlike base64


@dataclass(frozen=True)
class Composed:
    subject: str | None  # from the template's Subject line, for new threads
    body: str
    problems: tuple[str, ...]


class _Keep(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render(template: str, fields: Mapping[str, str]) -> Composed:
    """Fill a template; report placeholders and unknown fields as problems."""
    subject: str | None = None
    text = template.replace("\r\n", "\n")
    if text.startswith("Subject:"):
        first, _, text = text.partition("\n")
        subject = first[len("Subject:") :].strip()
    problems: list[str] = []
    try:
        body = string.Formatter().vformat(text, (), _Keep(fields))
        if subject is not None:
            subject = string.Formatter().vformat(subject, (), _Keep(fields))
    except (ValueError, IndexError, KeyError, AttributeError) as exc:
        body, problems = text, [f"the template cannot be filled in: {exc}"]
    body = re.sub(r"[ \t]+\n", "\n", body)
    body = re.sub(r"\n{3,}", "\n\n", body).strip() + "\n"
    for where, value in (("body", body), ("subject", subject or "")):
        for m in PLACEHOLDER.finditer(value):
            problems.append(f"the {where} still holds the placeholder {m.group(0)!r}")
    return Composed(subject, body, tuple(problems))


def first_name(name: str | None) -> str | None:
    if not name:
        return None
    words = [w for w in re.split(r"\s+", name.strip()) if w]
    words = [w for w in words if w.lower().strip(".") not in ("dr", "mr", "ms", "mrs", "prof")]
    if not words:
        return None
    if "," in name:  # "Sokolov, Igor"
        after = name.split(",", 1)[1].split()
        if after:
            return after[0]
    word = words[0].strip(",")
    return word if word[:1].isalpha() else None


def _when(interview_end: datetime | None, send_at: datetime, zone: tzinfo) -> str:
    if interview_end is None:
        return "recently"
    day = interview_end.astimezone(zone).date()
    sent = send_at.astimezone(zone).date()
    if day == sent:
        return "today"
    if (sent - day).days == 1:
        return "yesterday"
    return "on " + interview_end.astimezone(zone).strftime("%A")


def fields(
    *,
    recipient_name: str | None,
    user_name: str,
    company: str | None,
    role: str | None,
    interview_end: datetime | None = None,
    send_at: datetime,
    zone: tzinfo,
    topic: str | None = None,
) -> dict[str, str]:
    """The values templates may use."""
    first = first_name(recipient_name)
    return {
        "greeting": f"Hi {first}," if first else "Hello,",
        "first_name": first or "",
        "recipient_name": recipient_name or "",
        "user_name": user_name,
        "user_first_name": first_name(user_name) or user_name,
        "company": company or "",
        "role": role or "",
        "the_role": f"the {role} role" if role else "the role",
        "at_company": f" at {company}" if company else "",
        "company_or_team": company or "the team",
        "company_or_employer": company or "a prospective employer",
        "role_or_interview": role or "recent",
        "when": _when(interview_end, send_at, zone),
        "topic_sentence": f" I especially enjoyed our discussion of {topic.strip().rstrip('.')}."
        if topic
        else "",
    }


def reply_subject(subject: str) -> str:
    """ "Re: " plus the subject without its reply and forward prefixes."""
    base = _PREFIX.sub("", subject or "").strip()
    return f"Re: {base}" if base else "Re:"


def thread_references(parent_id: str, parent_references: tuple[str, ...] | list[str]) -> list[str]:
    """The parent's References plus its Message-ID, trimmed as RFC 5322 allows (first and newest)."""
    refs = [r for r in dict.fromkeys([*parent_references, parent_id]) if r]
    if len(refs) > _MAX_REFERENCES:
        refs = refs[:1] + refs[-(_MAX_REFERENCES - 1) :]
    return refs


def message_id_for(draft_id: str, user_email: str) -> str:
    """A Message-ID that depends only on the draft: resending can never mint a second one."""
    domain = user_email.rpartition("@")[2] or "localhost"
    digest = hashlib.sha256(draft_id.encode("utf-8")).hexdigest()[:24]
    return f"<followup.{digest}@{domain}>"


#: Every character str.splitlines() breaks on, and the other C0/C1 controls: none may reach a header.
_UNSAFE_IN_HEADER = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def _header_safe(value: str) -> str:
    return _UNSAFE_IN_HEADER.sub(" ", value).strip()


def build_message(
    *,
    from_name: str,
    from_email: str,
    to: list[str],
    cc: list[str],
    subject: str,
    body: str,
    message_id: str,
    date: datetime,
    in_reply_to: str | None,
    references: list[str],
) -> bytes:
    """The message as it goes out (and as it is appended to Drafts).

    Plain text, UTF-8, quoted-printable; names and subjects outside ASCII are
    RFC 2047 encoded, ASCII ones left readable. Every header value passes
    through ``_header_safe``, so recruiter-controlled text cannot add a header.
    """
    msg = MIMEText(body, "plain", cast(Any, _UTF8_QP))  # a Charset is accepted; typeshed says str
    msg["From"] = formataddr((_header_safe(from_name), _header_safe(from_email)), charset="utf-8")
    msg["To"] = ", ".join(_header_safe(a) for a in to)
    if cc:
        msg["Cc"] = ", ".join(_header_safe(a) for a in cc)
    subject = _header_safe(subject)
    msg["Subject"] = subject if subject.isascii() else Header(subject, "utf-8").encode()
    msg["Date"] = format_datetime(date)
    msg["Message-ID"] = _header_safe(message_id)
    if in_reply_to:
        msg["In-Reply-To"] = _header_safe(in_reply_to)
    if references:
        msg["References"] = " ".join(_header_safe(r) for r in references)
    return msg.as_bytes()
