"""What one email means for the job search: the ``Reading`` of a ``Message``.

Rules, in the order they are applied (the first that decides wins):

1. A delivery report (multipart/report, or a failure notice from
   MAILER-DAEMON/postmaster) is an ``auto_reply`` of kind ``bounce``.
2. An automatic answer is an ``auto_reply``: ``Auto-Submitted: auto-replied``,
   ``X-Autoreply``/``X-Autorespond``, ``Precedence: auto_reply``, or an
   "Automatic reply:"/"Out of Office" subject. ``X-Auto-Response-Suppress``
   is a request, not a marker, and is ignored.
3. Bulk mail (``List-Id``, ``List-Unsubscribe``, ``Precedence: bulk/list``)
   and job-board digests are ``other`` unless they state a rejection or an
   offer of this candidate's application: bulk mail is never an invitation.
4. "Interview" in another sense (press, podcast, blog, research study,
   webinar, tips) with no job context is ``other``; so is a "job offer"
   from a free-mail sender with scam wording, and unsolicited outreach
   that proposes no time.
5. A rejection phrase makes a ``rejection``; else an offer phrase (not a
   near miss such as "before the offer stage") makes an ``offer``.
6. Otherwise ``Auto-Submitted: auto-generated`` mail is an ``auto_reply``
   unless it is plainly an invitation.
7. A calendar invite, an invitation phrase, a scheduling link, or an
   interview time next to meeting words, with job context, makes an
   ``invitation``. Conditional wording ("if selected, we will contact you
   to schedule an interview") never does.
8. "We received your application" and out-of-office wording make an
   ``auto_reply``.
9. Job context with update wording, or any human reply inside a known
   application thread, makes an ``update``.
10. Everything else is ``other``.

``reply_to`` is the human to write back to: a human Reply-To, else a human
sender (not a no-reply address, not an ATS robot, not a mailbox that says it
is unmonitored), else the invite's organizer, else an address in the body;
never a no-reply address.

Pure: no I/O, no clock.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from agent.mail import lexicon as lx
from agent.mail.addresses import (
    Address,
    is_free_mail,
    is_human_address,
    is_noreply,
    looks_like_person,
    parse_addresses,
)
from agent.mail.extract import (
    Person,
    address_pattern,
    emails_in,
    find_company,
    find_people,
    find_role,
    guess_address,
    hiring_domains,
    name_matches,
)
from agent.mail.invite import Invite, parse_invites
from agent.mail.message import Message
from agent.mail.when import find_decision_date, find_interview_time, find_return_date

CATEGORIES = ("invitation", "update", "rejection", "offer", "auto_reply", "other")
HIRING_CATEGORIES = frozenset({"invitation", "update", "rejection", "offer"})

_UNMONITORED = re.compile(
    r"\b(?:(?:this|the) (?:e-?mail|mailbox|inbox|address) is (?:not|un)(?:monitored|attended)|"
    r"(?:please )?do not (?:reply|respond)|don't reply to this|replies (?:to this (?:e-?mail|message) )?"
    r"(?:are not|will not be) (?:monitored|read|received)|cannot (?:receive|accept) replies|"
    r"unattended mailbox|not monitored)\b",
    re.I,
)
_LOCATION = re.compile(
    r"^\s*(?:where|location|place|venue|address)\s*:\s*(?P<loc>.{3,120})$", re.I | re.M
)
_LOCATION_WORDS = (
    ("zoom", "Zoom"),
    ("google meet", "Google Meet"),
    ("microsoft teams", "Microsoft Teams"),
    ("video call", "video call"),
    ("phone call", "phone call"),
    ("phone screen", "phone call"),
    ("onsite", "onsite"),
    ("on-site", "onsite"),
    ("in person", "in person"),
)
_FIRST_PERSON_CALL = re.compile(
    r"\b(?:with me|i(?:'ll| will) (?:call|ring|phone)|i(?:'d| would) (?:like|love) to (?:set up|schedule|have|arrange)"
    r" (?:a|an|our)\s*(?:\w+ ){0,2}(?:call|chat|conversation|screen)|chat with me|speak with me|talk with me|"
    r"my calendar|book time with me)\b",
    re.I,
)


@dataclass(frozen=True)
class InterviewTime:
    start: datetime
    end: datetime | None
    location: str | None
    zone: str | None  # IANA zone the invite or text named, if any


@dataclass(frozen=True)
class Reading:
    """What the agent understood of one message."""

    category: str
    company: str | None = None
    role: str | None = None
    interview: InterviewTime | None = None
    interviewers: tuple[Person, ...] = ()
    decision_by: date | None = None
    reply_to: str | None = None
    auto_kind: str | None = None  # out_of_office, acknowledgement, bounce, other_auto
    return_date: date | None = None
    bounced: tuple[str, ...] = ()
    bounce_of: str | None = None
    invites: tuple[Invite, ...] = ()
    scheduling_link: bool = False
    asks_references: bool = False
    no_date_update: bool = False
    bulk: bool = False
    notes: tuple[str, ...] = field(default=())

    @property
    def invite(self) -> Invite | None:
        return self.invites[0] if self.invites else None

    def contract(self, path: str) -> dict[str, Any]:
        """The JSON object ``followup classify --json`` prints (see the contract)."""
        iv = self.interview
        return {
            "path": path,
            "category": self.category,
            "company": self.company,
            "role": self.role,
            "interview": None
            if iv is None
            else {
                "start": iv.start.isoformat(),
                "end": iv.end.isoformat() if iv.end else None,
                "location": iv.location,
            },
            "interviewers": [{"name": p.name, "email": p.email} for p in self.interviewers],
            "decision_by": self.decision_by.isoformat() if self.decision_by else None,
            "reply_to": self.reply_to,
        }


# --- text shape -------------------------------------------------------------------

_LABEL_LINE = re.compile(r"^\s*(?:[-*•·]\s+|\d+[.)]\s+|[A-Z][A-Za-z ]{1,20}:\s)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")


def sentences(text: str) -> list[str]:
    """Sentences and list items of a body, with hard-wrapped lines joined."""
    chunks: list[str] = []
    current = ""
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            if current:
                chunks.append(current)
            current = ""
            continue
        starts_new = (
            not current
            or _LABEL_LINE.match(line) is not None
            or current.endswith((".", "!", "?", ":", ","))
            or len(current) < 40
        )
        if starts_new:
            if current:
                chunks.append(current)
            current = line
        else:
            current += " " + line
    if current:
        chunks.append(current)
    out: list[str] = []
    for chunk in chunks:
        out.extend(s.strip() for s in _SENTENCE_END.split(chunk) if s.strip())
    return out


def signature_lines(text: str) -> list[str]:
    lines = [line.strip() for line in text.strip().split("\n") if line.strip()]
    return lines[-6:]


def _any_sentence(
    pattern: re.Pattern[str], items: list[str], *, unconditional: bool = False
) -> bool:
    for s in items:
        if pattern.search(s) and not (unconditional and lx.CONDITIONAL.search(s)):
            return True
    return False


# --- header evidence ----------------------------------------------------------------


def _auto_submitted(msg: Message) -> str:
    value = msg.header("auto-submitted").strip().lower()
    return "" if value in ("", "no") else value.split(";")[0].strip()


def _is_auto_answer(msg: Message) -> bool:
    if _auto_submitted(msg) == "auto-replied":
        return True
    for name in lx.AUTO_REPLY_HEADERS:
        value = msg.header(name).strip().lower()
        if value and value not in ("no", "false", "0"):
            return True
    if msg.header("precedence").strip().lower() in lx.AUTO_PRECEDENCE:
        return True
    return lx.AUTO_SUBJECT.search(msg.subject) is not None


def _is_bulk(msg: Message) -> bool:
    if any(msg.header(h) for h in lx.LIST_HEADERS):
        return True
    return (
        msg.header("precedence").strip().lower() in lx.BULK_PRECEDENCE
        and _auto_submitted(msg) != "auto-replied"
    )


def _is_bounce(msg: Message) -> bool:
    if msg.report is not None:
        return True
    sender = msg.sender.email if msg.sender else ""
    local = sender.split("@", 1)[0]
    return local in ("mailer-daemon", "postmaster", "mail-daemon") and bool(
        lx.BOUNCE_SUBJECT.search(msg.subject)
    )


# --- the reading ------------------------------------------------------------------


def classify(msg: Message, user: str | None = None, *, in_thread: bool = False) -> Reading:
    """Read one message.

    ``user`` is the candidate's own address (when unknown, the To addresses
    stand for the candidate). ``in_thread`` says the message replies into a
    thread the agent already files under an application, which makes a
    plain human reply from the hiring side an ``update``.
    """
    sent = msg.date or datetime(1970, 1, 1, tzinfo=UTC)
    me = {user.lower()} if user else {a.email for a in msg.to}
    text = msg.fresh_text
    items = sentences(text)
    subject_items = [msg.subject, *items]
    bulk = _is_bulk(msg)

    if _is_bounce(msg):
        report = msg.report
        bounced = (
            report.failed_recipients
            if report
            else tuple(e for e in emails_in(msg.text) if not is_noreply(e) and e not in me)[:1]
        )
        return Reading(
            "auto_reply",
            auto_kind="bounce",
            bounced=bounced,
            bounce_of=report.original_message_id if report else None,
            bulk=bulk,
        )
    if _is_auto_answer(msg):
        ooo = _any_sentence(lx.OUT_OF_OFFICE, subject_items) or bool(
            re.search(r"out of (?:the )?office|vacation|away|holiday|leave", msg.subject, re.I)
        )
        return Reading(
            "auto_reply",
            auto_kind="out_of_office" if ooo else "other_auto",
            return_date=find_return_date(text, sent) if ooo else None,
            bulk=bulk,
        )

    fallback_zone = msg.date.tzinfo if msg.date and msg.date.tzinfo else UTC
    invites = tuple(inv for data in msg.calendars for inv in parse_invites(data, fallback_zone))
    job = _any_sentence(lx.JOB_CONTEXT, subject_items) or any(
        lx.JOB_CONTEXT.search(f"{i.summary} {i.description}") for i in invites
    )
    interview_word = _any_sentence(lx.INTERVIEW_WORD, subject_items)
    other_sense = _any_sentence(lx.OTHER_SENSE, subject_items)
    sender = msg.sender
    free_mail = sender is not None and is_free_mail(sender.domain)
    scheduling_link = lx.SCHEDULING_LINK.search(msg.text) is not None

    rejected = _any_sentence(lx.REJECTION, subject_items)
    offered = any(
        lx.OFFER.search(s) and not lx.OFFER_NEAR_MISS.search(s) and not lx.REJECTION.search(s)
        for s in subject_items
    )
    scam = free_mail and (_any_sentence(lx.SCAM, subject_items) or (offered and not in_thread))
    newsletter = _any_sentence(lx.NEWSLETTER, subject_items)
    cold = _any_sentence(lx.COLD_OUTREACH, items) and not in_thread

    category: str
    if scam or (
        (bulk or newsletter)
        and not in_thread
        and not (
            (rejected or offered) and re.search(r"\byour (?:application|candidacy)\b", text, re.I)
        )
    ):
        category = "other"
    elif rejected:
        category = "rejection"
    elif offered:
        category = "offer"
    else:
        category = _invitation_or_rest(
            msg,
            items,
            subject_items,
            invites,
            job,
            interview_word,
            other_sense,
            scheduling_link,
            cold,
            in_thread,
            sent,
        )

    if category == "other" or category == "auto_reply":
        kind = None
        if category == "auto_reply":
            kind = "out_of_office" if _any_sentence(lx.OUT_OF_OFFICE, items) else "acknowledgement"
        return Reading(
            category,
            auto_kind=kind,
            return_date=find_return_date(text, sent) if kind == "out_of_office" else None,
            bulk=bulk,
        )

    return _hiring_reading(msg, category, items, invites, me, sent, scheduling_link, bulk)


def _invitation_or_rest(
    msg: Message,
    items: list[str],
    subject_items: list[str],
    invites: tuple[Invite, ...],
    job: bool,
    interview_word: bool,
    other_sense: bool,
    scheduling_link: bool,
    cold: bool,
    in_thread: bool,
    sent: datetime,
) -> str:
    """Rules 4 and 6-10 for mail that is neither a rejection nor an offer."""
    if (
        other_sense
        and not in_thread
        and not _any_sentence(
            re.compile(
                r"\b(?:position|role|opening|application|candidacy|hiring manager|vacancy)\b", re.I
            ),
            subject_items,
        )
    ):
        return "other"
    if not job and not in_thread:
        # No job context at all: personal mail, receipts, newsletters.
        if _auto_submitted(msg):
            return "auto_reply"
        return "other"
    invite_phrase = _any_sentence(lx.INVITATION, subject_items, unconditional=True)
    meeting = _any_sentence(lx.MEETING_WORD, subject_items)
    timed = meeting and find_interview_time(msg.fresh_text, sent) is not None
    has_invite = any(i.method in ("REQUEST", "CANCEL", "PUBLISH", "ADD") for i in invites)
    acknowledgement = _any_sentence(lx.ACKNOWLEDGEMENT, subject_items)
    if cold and not (has_invite or timed or scheduling_link):
        return "other"
    inviting = (
        has_invite or invite_phrase or (scheduling_link and meeting) or (timed and interview_word)
    )
    if acknowledgement and not has_invite and not (timed and invite_phrase):
        return "auto_reply"
    if _auto_submitted(msg) and not (has_invite or (invite_phrase and (scheduling_link or timed))):
        return "auto_reply"
    if inviting:
        return "invitation"
    if _any_sentence(lx.OUT_OF_OFFICE, items[:3]):
        return "auto_reply"
    if in_thread or _any_sentence(lx.UPDATE, subject_items):
        return "update"
    return "other"


def _hiring_reading(
    msg: Message,
    category: str,
    items: list[str],
    invites: tuple[Invite, ...],
    me: set[str],
    sent: datetime,
    scheduling_link: bool,
    bulk: bool,
) -> Reading:
    text = msg.fresh_text
    known = [a for a in (*msg.reply_to, *([msg.sender] if msg.sender else [])) if a.email not in me]
    for inv in invites:
        for person in (inv.organizer, *inv.attendees):
            if person and person.email and person.email not in me:
                known.append(Address(person.name, person.email))
    domains = hiring_domains(known)
    summaries = [i.summary for i in invites if i.summary]
    company = find_company(
        msg.subject, items, signature_lines(text), msg.sender, summaries, domains
    )
    role = find_role(msg.subject, items, summaries, company)
    reply_to = _reply_to(msg, invites, me)

    interview: InterviewTime | None = None
    interviewers: tuple[Person, ...] = ()
    if category == "invitation":
        interview = _interview_time(msg, invites, sent)
        interviewers = _interviewers(msg, invites, items, me, company, known)
    decision_by = None
    if category in ("invitation", "update"):
        decision_by = find_decision_date(text, sent)
    asks_refs = _any_sentence(lx.ASKS_REFERENCES, items)
    no_date = (
        category == "update"
        and decision_by is None
        and not asks_refs
        and not _any_sentence(lx.ASKS_SOMETHING, items)
    )
    return Reading(
        category,
        company=company,
        role=role,
        interview=interview,
        interviewers=interviewers,
        decision_by=decision_by,
        reply_to=reply_to,
        invites=invites,
        scheduling_link=scheduling_link and interview is None,
        asks_references=asks_refs,
        no_date_update=no_date,
        bulk=bulk,
    )


def _interview_time(
    msg: Message, invites: tuple[Invite, ...], sent: datetime
) -> InterviewTime | None:
    location = _location(msg)
    if invites:
        starts = min(invites, key=lambda i: i.start)
        ends = [i.end for i in invites if i.end is not None]
        end = max(ends) if ends else None
        return InterviewTime(starts.start, end, starts.location or location, starts.zone)
    span = find_interview_time(msg.fresh_text, sent)
    if span is None:
        return None
    return InterviewTime(span.start, span.end, location, span.zone)


def _location(msg: Message) -> str | None:
    m = _LOCATION.search(msg.fresh_text)
    if m:
        return m.group("loc").strip().rstrip(".")
    lowered = msg.fresh_text.lower()
    for word, label in _LOCATION_WORDS:
        if word in lowered:
            return label
    return None


def _reply_to(msg: Message, invites: tuple[Invite, ...], me: set[str]) -> str | None:
    unmonitored = _UNMONITORED.search(msg.text) is not None
    for a in msg.reply_to:
        if a.email not in me and is_human_address(a):
            return a.email
    sender = msg.sender
    if sender and sender.email not in me and is_human_address(sender) and not unmonitored:
        return sender.email
    for inv in invites:
        org = inv.organizer
        if (
            org
            and org.email
            and org.email not in me
            and is_human_address(Address(org.name, org.email))
        ):
            return org.email
    for email in emails_in(msg.fresh_text):
        found = parse_addresses(email)
        if found and email not in me and is_human_address(found[0]):
            return email
    return None


def _interviewers(
    msg: Message,
    invites: tuple[Invite, ...],
    items: list[str],
    me: set[str],
    company: str | None,
    known: list[Address],
) -> tuple[Person, ...]:
    people: list[Person] = []

    def add(name: str | None, email: str | None) -> None:
        if email and (email in me or is_noreply(email)):
            return
        if name and any(name_matches(name, a.name) for a in _me_names(msg, me)):
            return
        for i, p in enumerate(people):
            if (email and p.email == email) or name_matches(name, p.name):
                people[i] = Person(p.name or name, p.email or email)
                return
        people.append(Person(name, email))

    for inv in invites:
        others = [
            a for a in inv.attendees if a.is_person and a.email not in me and (a.email or a.name)
        ]
        organizer = inv.organizer
        org_email = organizer.email if organizer else None
        panel = [a for a in others if a.email != org_email]
        if (
            not panel
            and organizer
            and org_email
            and org_email not in me
            and not is_noreply(org_email)
        ):
            panel = [organizer]
        for a in panel:
            add(a.name, a.email)
    text_names = find_people(items, company)
    pattern = address_pattern([a for a in known if a.name and looks_like_person(a.name)])
    body_emails = emails_in(msg.fresh_text)
    for name in text_names:
        if any(name_matches(name, p.name) for p in people):
            continue
        email = (
            _email_for(name, body_emails)
            or _known_email(name, known)
            or guess_address(name, pattern)
        )
        add(name, email)
    if not people and _FIRST_PERSON_CALL.search(msg.fresh_text) and msg.sender:
        sender = msg.sender
        if is_human_address(sender) and sender.email not in me:
            add(sender.name, sender.email)
    return tuple(people)


def _me_names(msg: Message, me: set[str]) -> list[Address]:
    return [a for a in msg.to if a.email in me and a.name]


def _email_for(name: str, emails: list[str]) -> str | None:
    parts = [p.lower() for p in re.findall(r"[A-Za-zÀ-ÿ]+", name)]
    if len(parts) < 2:
        return None
    from agent.mail.addresses import squash

    first, last = squash(parts[0]), squash(parts[-1])
    for email in emails:
        local = squash(email.split("@", 1)[0])
        if last and last in local and (first in local or local.startswith(first[:1])):
            return email
    return None


def _known_email(name: str, known: list[Address]) -> str | None:
    for a in known:
        if name_matches(name, a.name):
            return a.email
    return None
