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
from datetime import UTC, date, datetime, timedelta
from functools import cached_property, lru_cache
from typing import Any

from agent.mail import lexicon as lx
from agent.mail import when
from agent.mail.addresses import (
    Address,
    is_ats_domain,
    is_free_mail,
    is_human_address,
    is_noreply,
    local_looks_personal,
    looks_like_person,
    org_from_domain,
    org_label,
    parse_addresses,
    squash,
)
from agent.mail.extract import (
    Person,
    address_pattern,
    emails_in,
    find_people,
    guess_address,
    name_matches,
    resolve_first_names,
)
from agent.mail.invite import Invite, parse_invites
from agent.mail.message import Message
from agent.mail.names import find_company, find_role

# Pure functions of (text, sent): the rules ask each question more than once per message.
find_interview_time = lru_cache(maxsize=16)(when.find_interview_time)
find_decision_date = lru_cache(maxsize=16)(when.find_decision_date)
find_return_date = when.find_return_date

#: How much of a body the rules read: what matters comes first, and long mail is newsletters.
_MAX_READ = 8000
CATEGORIES = ("invitation", "update", "rejection", "offer", "auto_reply", "other")
HIRING_CATEGORIES = frozenset({"invitation", "update", "rejection", "offer"})

#: Subjects that may carry news of an application even from a bulk sender (ATS mail often is).
_ABOUT_AN_APPLICATION = re.compile(
    r"\b(?:application|candidacy|applied|applying|offer|decision|status|unfortunately|regret|position|"
    r"role|interview|update|next steps?)\b",
    re.I,
)
_REPLY_SUBJECT = re.compile(r"^\s*(?:re|aw|sv|vs|antw|r)\s*(?:\[\d+\])?\s*:", re.I)
_YOUR_APPLICATION = re.compile(r"\byour (?:application|candidacy)\b", re.I)
_UNMONITORED = re.compile(
    r"\b(?:(?:this|the) (?:e-?mail|mailbox|inbox|address) is (?:not|un)(?:monitored|attended)|"
    r"(?:please )?do not (?:reply|respond)|don't reply to this|replies (?:to this (?:e-?mail|message|address) )?"
    r"(?:are not|will not be|aren't|won't be) (?:monitored|read|received|delivered|forwarded|seen)|"
    r"cannot (?:receive|accept) replies|"
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
#: The sender will hold the meeting themselves.
#: The sender is on the panel with the people they name ("me and Theo", "Annika Berg ... and me").
_SENDER_JOINS = re.compile(
    r"\b(?:me and (?:our |my )?(?:\w+ )?(?=[A-Z])|and me\b|(?:it'll|it will|it’ll) (?:still )?be (?:just )?me\b|"
    r"join(?:s|ing)? me\b|join (?:me|us) and\b)"
)
#: The sender holds the meeting themselves ("I'll call you", "book time with me").
_SENDER_HOLDS = re.compile(
    r"\b(?:with me|join me|I(?:'ll| will|’ll) (?:call|ring|phone|walk|meet|talk|chat|speak|host|run|lead)|"
    r"I(?:'d| would|’d) (?:like|love) to (?:set up|schedule|have|arrange|book|chat|talk|meet|speak)|"
    r"(?:chat|speak|talk) with me|my calendar|book time with me|meet me|let's (?:chat|talk|meet|do))\b"
)
#: A sentence about a meeting that already happened ("thanks for speaking with me last week").
_PAST_MEETING = re.compile(
    r"\b(?:thanks|thank you|enjoyed|last (?:week|month|time)|yesterday|earlier|ago|the other day)\b",
    re.I,
)


def _sender_on_the_panel(sentences_: list[str], others_named: bool) -> bool:
    """Whether the sender says they take part in the meeting being arranged."""
    for s in sentences_:
        if _PAST_MEETING.search(s):
            continue
        if _SENDER_JOINS.search(s) or (not others_named and _SENDER_HOLDS.search(s)):
            return True
    return False


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
    asks: bool = False  # the hiring side waits for something from the candidate
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
_ABBREVIATION = re.compile(
    r"(?:^|\s|\()(?:Dr|Mr|Ms|Mrs|Prof|St|Mt|No|vs|e\.g|i\.e|approx|incl|Jr|Sr)\.$"
)
_LIST_NUMBER = re.compile(r"\(?\d{1,2}[.)]")
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
        pieces = [p.strip() for p in _SENTENCE_END.split(chunk) if p.strip()]
        for piece in pieces:
            if (
                out
                and out[-1] in pieces
                and (_ABBREVIATION.search(out[-1]) or _LIST_NUMBER.fullmatch(out[-1]))
            ):
                out[-1] = f"{out[-1]} {piece}"  # "Dr. Jones", "1. Vikram Nair, ..."
            else:
                out.append(piece)
    return out


def signature_lines(text: str) -> list[str]:
    """The short lines that close a message (sign-off, name, title, company)."""
    out: list[str] = []
    for line in reversed(text.strip().split("\n")):
        line = line.strip()
        if not line:
            continue
        if len(line) > 70 or len(out) >= 8:
            break
        out.append(line)
    return out[::-1]


def _calendar_invites(msg: Message) -> tuple[Invite, ...]:
    """The invites a message carries; a byte search first keeps the body of most mail unread."""
    if not msg.has_calendar:
        return ()
    zone = msg.date.tzinfo if msg.date and msg.date.tzinfo else UTC
    return tuple(inv for data in msg.calendars for inv in parse_invites(data, zone))


def _mentions_a_job(msg: Message) -> bool:
    if _names_a_title(msg.subject) or lx.JOB_CONTEXT.search(msg.subject):
        return True
    # The decoded parts, markup and all, first: no job word there, none in the text either.
    if not lx.JOB_CONTEXT.search(msg.body.raw_text[: 4 * _MAX_READ]):
        return False
    return lx.JOB_CONTEXT.search(msg.fresh_text[:_MAX_READ]) is not None


def _names_a_title(text: str) -> bool:
    """Whether a subject or invite title names a job title ("Data Engineer - final round")."""
    return any(w in lx.ROLE_NOUNS for w in re.findall(r"[a-z]+", text.lower()))


def asks_candidate(items: list[str]) -> bool:
    """Whether the hiring side asks the candidate for something (a reply, a document, a choice)."""
    lowered = [lx.fold(s) for s in items]
    return any(
        lx.ASKS_SOMETHING.search_lower(s) and not lx.COURTESY_QUESTION.search_lower(s)
        for s in lowered
    )


class Sentences(list[str]):
    """A message's sentences, with their lower-cased forms computed once."""

    @cached_property
    def lowered(self) -> list[str]:
        return [lx.fold(item) for item in self]

    @cached_property
    def joined(self) -> str:
        return "\n".join(self.lowered)


def _any_sentence(rule: lx.Rule, items: list[str], *, unconditional: bool = False) -> bool:
    """Whether a sentence matches (with ``unconditional``, one not hedged by "if"/"once")."""
    sentences_ = items if isinstance(items, Sentences) else Sentences(items)
    if not rule.search_lower(sentences_.joined):
        return False  # one pass over the whole text settles most cases
    return any(
        rule.search_lower(s) and not (unconditional and lx.CONDITIONAL.search_lower(s))
        for s in sentences_.lowered
    )


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


def _interview_request(invites: tuple[Invite, ...]) -> bool:
    """A request for an interview by its calendar title ("Onsite Interview - Mateo Salgado").

    Such mail is one person's business even when it comes with list headers
    (applicant-tracking systems add List-Unsubscribe to everything they send);
    a webinar invite sent to a list, the user among its attendees, is not.
    """
    return any(
        inv.method in ("REQUEST", "CANCEL", "ADD")
        and lx.INTERVIEW_WORD.search(inv.summary) is not None
        and lx.OTHER_SENSE.search(inv.summary) is None
        for inv in invites
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


class _Evidence:
    """What the text and headers say: each fact found when first asked for, then kept."""

    def __init__(self, msg: Message, in_thread: bool) -> None:
        self.msg = msg
        self.in_thread = in_thread
        self.items = Sentences(sentences(msg.fresh_text[:_MAX_READ]))
        self.subject_items = Sentences([msg.subject, *self.items])

    @cached_property
    def invites(self) -> tuple[Invite, ...]:
        return _calendar_invites(self.msg)

    @cached_property
    def _invite_text(self) -> list[str]:
        return [f"{i.summary} {i.description}" for i in self.invites]

    @cached_property
    def strong_job(self) -> bool:
        """A title, a position, an application, hiring words."""
        return (
            _names_a_title(self.msg.subject)
            or _any_sentence(lx.STRONG_JOB, self.subject_items)
            or any(lx.STRONG_JOB.search(t) for t in self._invite_text)
            or any(_names_a_title(i.summary) for i in self.invites)
        )

    @cached_property
    def job(self) -> bool:
        """Strong job context, or interview words."""
        return (
            self.strong_job
            or _any_sentence(lx.JOB_CONTEXT, self.subject_items)
            or any(lx.JOB_CONTEXT.search(t) for t in self._invite_text)
        )

    @cached_property
    def free_mail(self) -> bool:
        return self.msg.sender is not None and is_free_mail(self.msg.sender.domain)

    @cached_property
    def human_sender(self) -> bool:
        sender = self.msg.sender
        return (
            sender is not None
            and is_human_address(sender)
            and (looks_like_person(sender.name) or local_looks_personal(sender.local))
        )

    @cached_property
    def rejected(self) -> bool:
        return _any_sentence(lx.REJECTION, self.subject_items)

    @cached_property
    def offered(self) -> bool:
        if not _any_sentence(lx.OFFER, self.subject_items):
            return False
        return any(
            lx.OFFER.search_lower(s)
            and not lx.OFFER_NEAR_MISS.search_lower(s)
            and not lx.REJECTION.search_lower(s)
            for s in self.subject_items.lowered
        )

    @cached_property
    def other_sense(self) -> bool:
        if lx.OTHER_SENSE.search(self.msg.subject):
            return True
        if not _any_sentence(lx.OTHER_SENSE, self.subject_items):
            return False
        return _any_sentence(
            lx.OTHER_SENSE, [s for s in self.subject_items if lx.MEETING_WORD.search(s)]
        )

    @cached_property
    def scheduling_link(self) -> bool:
        return lx.SCHEDULING_LINK.search(self.msg.text) is not None

    @cached_property
    def scam(self) -> bool:
        return self.free_mail and (
            _any_sentence(lx.SCAM, self.subject_items) or (self.offered and not self.in_thread)
        )

    @cached_property
    def newsletter(self) -> bool:
        return _any_sentence(lx.NEWSLETTER, self.subject_items)

    @cached_property
    def cold(self) -> bool:
        return not self.in_thread and _any_sentence(lx.COLD_OUTREACH, self.items)

    @cached_property
    def bulk(self) -> bool:
        return _is_bulk(self.msg)

    @cached_property
    def interview_request(self) -> bool:
        return _interview_request(self.invites)


def classify(
    msg: Message, user: str | None = None, *, in_thread: bool = False, receipt_names: bool = True
) -> Reading:
    """Read one message.

    ``user`` is the candidate's own address (when unknown, the first To
    address stands for the candidate). ``in_thread`` says the message
    belongs to an application the agent already tracks (it replies into one
    of its threads, or comes from one of its people), which makes a plain
    human message from the hiring side an ``update``. ``receipt_names=False``
    skips finding the company and role of automatic receipts, which only
    ``followup classify`` shows.
    """
    sent = msg.date or datetime(1970, 1, 1, tzinfo=UTC)
    me = {user.lower()} if user else {a.email for a in msg.to[:1]}

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
            bulk=_is_bulk(msg),
        )
    if _is_auto_answer(msg):
        text = msg.fresh_text
        ooo = lx.OUT_OF_OFFICE.search(msg.subject + "\n" + text[:2000]) is not None or bool(
            re.search(r"out of (?:the )?office|vacation|away|holiday|leave", msg.subject, re.I)
        )
        said = msg.subject + "\n" + text[:2000]
        receipt = not ooo and bool(lx.ACKNOWLEDGEMENT.search(said) or lx.REPLY_PROMISE.search(said))
        company, role = (
            company_and_role(msg, (), me, []) if receipt and receipt_names else (None, None)
        )
        return Reading(
            "auto_reply",
            company=company,
            role=role,
            auto_kind="out_of_office" if ooo else ("acknowledgement" if receipt else "other_auto"),
            return_date=find_return_date(text, sent) if ooo else None,
            bulk=_is_bulk(msg),
        )

    # Rule 3: a list's mail is other, unless it is about the user's own application.
    if (
        not in_thread
        and _is_bulk(msg)
        and not (
            _ABOUT_AN_APPLICATION.search(msg.subject)
            and _YOUR_APPLICATION.search(msg.body.raw_text)
            and _YOUR_APPLICATION.search(msg.fresh_text[:_MAX_READ])
        )
        and not _interview_request(_calendar_invites(msg))
    ):
        return Reading("other", bulk=True, invites=_calendar_invites(msg))
    if not in_thread and not msg.has_calendar and not _mentions_a_job(msg):
        # Rule 4's first test, done early: no job words at all (personal mail, receipts).
        auto = bool(_auto_submitted(msg))
        return Reading("auto_reply" if auto else "other", auto_kind="other_auto" if auto else None)
    text = msg.fresh_text
    ev = _Evidence(msg, in_thread)
    category = _category(msg, ev, sent, in_thread)
    if category == "other":
        return Reading("other", invites=ev.invites, bulk=ev.bulk)
    if category == "auto_reply":
        ooo = _any_sentence(lx.OUT_OF_OFFICE, ev.items[:4])
        company, role = (
            company_and_role(msg, ev.invites, me, [i.summary for i in ev.invites])
            if receipt_names
            else (None, None)
        )
        return Reading(
            "auto_reply",
            company=company,
            role=role,
            auto_kind="out_of_office" if ooo else "acknowledgement",
            return_date=find_return_date(text, sent) if ooo else None,
            invites=ev.invites,
            bulk=ev.bulk,
        )
    return _hiring_reading(
        msg,
        category,
        ev.items,
        ev.invites,
        me,
        sent,
        ev.scheduling_link,
        ev.bulk and not ev.interview_request,
    )


def _category(msg: Message, ev: _Evidence, sent: datetime, in_thread: bool) -> str:
    """Rules 3 to 10 of the module docstring."""
    if ev.scam:
        return "other"
    if (
        not in_thread
        and (ev.bulk or ev.newsletter)
        and not ((ev.rejected or ev.offered) and _YOUR_APPLICATION.search(msg.fresh_text))
        and not ev.interview_request
    ):
        return "other"
    if ev.rejected:
        return "rejection"
    if ev.offered:
        return "offer"
    if not in_thread:
        if ev.other_sense and not ev.strong_job:
            return "other"
        if ev.free_mail and not ev.strong_job:
            return "other"  # personal mail that mentions someone's interviews
        if not ev.job:
            return "auto_reply" if _auto_submitted(msg) else "other"
    meeting = _any_sentence(lx.MEETING_WORD, ev.subject_items)
    # A reply keeps its thread's subject ("Re: Interview invitation"): only its own words count.
    said_here = ev.items if _REPLY_SUBJECT.match(msg.subject) else ev.subject_items
    invite_phrase = _any_sentence(lx.INVITATION, said_here, unconditional=True)
    span = find_interview_time(msg.fresh_text, sent) if meeting else None
    timed = span is not None and span.start > sent
    has_invite = any(i.method in ("REQUEST", "CANCEL", "PUBLISH", "ADD") for i in ev.invites)
    linked = ev.scheduling_link and meeting
    if _auto_submitted(msg):
        return "invitation" if has_invite or (invite_phrase and (linked or timed)) else "auto_reply"
    if ev.cold and not (has_invite or timed or linked):
        return "other"
    if has_invite or invite_phrase or linked or timed:
        return "invitation"
    received = _any_sentence(lx.ACKNOWLEDGEMENT, ev.subject_items)
    thanked = _any_sentence(lx.THANKS_FOR_APPLYING, ev.subject_items)
    if received or (thanked and not ev.human_sender):
        quiet = find_decision_date(msg.fresh_text, sent) is None and not asks_candidate(ev.items)
        if quiet:
            return "auto_reply"
    if _any_sentence(lx.OUT_OF_OFFICE, ev.items[:3]):
        return "auto_reply"
    if in_thread or _any_sentence(lx.UPDATE, ev.subject_items) or (thanked and ev.strong_job):
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
    summaries = [i.summary for i in invites if i.summary]
    company, role = company_and_role(msg, invites, me, summaries)
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
    asks = asks_refs or asks_candidate(items)
    no_date = (
        category == "update"
        and decision_by is None
        and not asks
        and _any_sentence(lx.TIMELINE_NEWS, items)
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
        asks=asks,
        no_date_update=no_date,
        bulk=bulk,
    )


def _labels(msg: Message, invites: tuple[Invite, ...], me: set[str]) -> list[str]:
    """Squashed labels of the hiring side's domains (and of ATS mailboxes named after the company)."""
    addresses = [a for a in (*msg.reply_to, msg.sender) if a is not None]
    for inv in invites:
        for person in (inv.organizer, *inv.attendees):
            if person and person.email:
                addresses.append(Address(person.name, person.email))
    addresses += [Address(None, e) for e in emails_in(msg.fresh_text)[:10]]
    my_domains = {m.rpartition("@")[2] for m in me}
    labels: list[str] = []
    for a in addresses:
        if a.email in me or a.domain in my_domains or is_free_mail(a.domain):
            continue
        if is_ats_domain(a.domain):
            if not is_noreply(a.email) and not local_looks_personal(a.local) and len(a.local) >= 4:
                label = squash(a.local)
            else:
                continue
        else:
            label = squash(org_label(a.domain))
        if len(label) >= 3 and label not in labels:
            labels.append(label)
    return labels


def _names_mailbox(name: str, email: str) -> bool:
    """Whether a display name is the person the mailbox belongs to ("Tessa Marquez" <tessa@...>)."""
    raw_local, _, domain = email.partition("@")
    local = squash(raw_local)
    if squash(name) == local:  # "Ironclad Rail" <ironcladrail@...>: an organisation's mailbox
        return False
    if is_ats_domain(domain) and not local_looks_personal(raw_local):
        return False  # "Cresthaven Hospital" <cresthaven@myworkday...>: the company's ATS mailbox
    return any(len(w) >= 3 and w in local for w in (squash(x) for x in name.split()))


def company_and_role(
    msg: Message, invites: tuple[Invite, ...], me: set[str], summaries: list[str]
) -> tuple[str | None, str | None]:
    text = msg.fresh_text[:6000]
    signature = signature_lines(text)
    pairs = [
        (a.name, a.email) for a in (msg.sender, *msg.reply_to, *msg.to, *msg.cc) if a is not None
    ]
    for inv in invites:
        pairs += [(p.name, p.email or "") for p in (inv.organizer, *inv.attendees) if p]
    labels = _labels(msg, invites, me)
    # A display name that spells a hiring-side domain ("Tidewater Logistics") is the company's.
    people = [
        name
        for name, email in pairs
        if name and _names_mailbox(name, email) and squash(name) not in labels
    ]
    sender_name = msg.sender.name if msg.sender else None
    sender = msg.sender
    sender_is_org = sender is not None and (
        is_noreply(sender.email)
        or (is_ats_domain(sender.domain) and not local_looks_personal(sender.local))
    )
    agencies = [label for label in labels if _AGENCY_LABEL.search(label)]
    labels = [label for label in labels if label not in agencies]
    company = find_company(
        msg.subject,
        text,
        signature,
        sender_name,
        summaries,
        labels,
        people,
        sender_is_org,
        agencies,
    )
    if company is None and labels and len(msg.text) > len(text):
        # a short reply: the company is named in the quoted message below it
        quoted = msg.text[:12000]
        company = find_company(
            msg.subject,
            quoted,
            signature_lines(quoted),
            sender_name,
            summaries,
            labels,
            people,
            sender_is_org,
            agencies,
        )
    if company is None:
        for a in (msg.sender, *msg.reply_to):
            guess = org_from_domain(a.domain) if a is not None else None
            if guess:
                company = guess
                break
    # Sentences, not lines: a title hard-wrapped over two lines ("Flight Software\nEngineer").
    role = find_role(msg.subject, "\n".join(sentences(text)), signature, summaries, company)
    return company, role


#: Domain labels of recruitment agencies ("harlowsearch", "brightstaffing"): they write for a client.
_AGENCY_LABEL = re.compile(r"(?<!re)search|recruit|staffing|resourcing|headhunt|personnel")

_WRAP_UP = re.compile(
    r"\b(?:wrap(?:ping)? up|finish(?:es|ed)?|ends?|done|conclude[sd]?|over|until)\b[^.\n]{0,20}?"
    r"\b(?:by|at|around|about|by about|until)?\s*(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s*(?P<ap>[ap]\.?\s?m\b\.?)?",
    re.I,
)


def day_hours(invite: Invite, text: str, sent: datetime) -> tuple[datetime, datetime]:
    """Real hours of an all-day invite (an onsite day): from the text, else 09:00 to 17:00 there."""
    day = invite.start
    span = find_interview_time(text, sent)
    if span is not None and span.start.astimezone(day.tzinfo).date() == day.date():
        start = span.start
    else:
        start = day.replace(hour=9, minute=0)
    end = start.replace(hour=17, minute=0) if start.hour < 17 else start + timedelta(hours=1)
    if span is not None and span.end is not None and span.end > start:
        end = span.end
    else:
        for m in _WRAP_UP.finditer(text):
            hour, minute = int(m.group("h")), int(m.group("m") or 0)
            ap = (m.group("ap") or "").lower()
            if (ap.startswith("p") and hour < 12) or (not ap and hour < 8):
                hour += 12
            if hour < 24 and minute < 60:
                candidate = start.replace(hour=hour, minute=minute)
                if candidate > start:
                    end = candidate
                    break
    return start, end


def _interview_time(
    msg: Message, invites: tuple[Invite, ...], sent: datetime
) -> InterviewTime | None:
    location = _location(msg)
    if invites:
        first = min(invites, key=lambda i: i.start)
        if first.all_day:
            day_start, day_end = day_hours(first, f"{first.description}\n{msg.fresh_text}", sent)
            return InterviewTime(day_start, day_end, first.location or location, first.zone)
        ends = [i.end for i in invites if i.end is not None]
        return InterviewTime(
            first.start, max(ends) if ends else None, first.location or location, first.zone
        )
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
    text_names = find_people([msg.subject, *items], company)
    if not text_names and not people:
        text_names = resolve_first_names([msg.subject, *items], msg.text, company)
    known = [*known, *(a for a in (*msg.to, *msg.cc) if a.email not in me)]
    pattern = address_pattern([a for a in known if a.name and looks_like_person(a.name)])
    body_emails = emails_in(msg.text)
    for name in text_names:
        if any(name_matches(name, p.name) for p in people):
            continue
        email = (
            _email_for(name, body_emails)
            or _known_email(name, known)
            or guess_address(name, pattern)
        )
        add(name, email)
    if not people:
        # Nobody named as on the panel: colleagues copied in and named where the meeting is
        # described ("Ravi Shankar, our firmware lead (cc'd), ... your technical interview").
        for copied in msg.cc:
            if copied.email in me or not copied.name or not is_human_address(copied):
                continue
            first = copied.name.split()[0]
            if any(
                _MEETING_SENTENCE.search(s) and re.search(rf"\b{re.escape(first)}\b", s)
                for s in items
            ):
                add(copied.name, copied.email)
    writer = _writer(msg, me)
    if writer is not None:
        # The writer takes part when they say so; a writer who sent the mail themselves, with
        # no invite and nobody else named, is taken to hold the meeting.
        invited = any(a.email and a.email not in me for inv in invites for a in inv.attendees)
        says_so = _sender_on_the_panel(items, others_named=bool(people))
        sent_it = writer is msg.sender  # not a service sending on the writer's behalf
        holds_it = says_so or (sent_it and not invited and not people and not invites)
        if holds_it and not any(p.email == writer.email for p in people):
            people.insert(0, Person(writer.name, writer.email, assumed=not says_so))
    return tuple(people)


#: A sentence that describes the meeting (for colleagues copied in).
_MEETING_SENTENCE = re.compile(
    r"\b(?:interview\w*|call|chat|conversation|panel|session|meet\w*|speak\w*|talk\w*|screen\w*)\b",
    re.I,
)


def _writer(msg: Message, me: set[str]) -> Address | None:
    """The person who wrote the message: the sender, or the human in Reply-To when a service sent it."""
    sender = msg.sender
    if (
        sender is not None
        and sender.email not in me
        and is_human_address(sender)
        and not is_ats_domain(sender.domain)
    ):
        return sender
    if sender is not None and (is_noreply(sender.email) or is_ats_domain(sender.domain)):
        for a in msg.reply_to:
            if a.email not in me and is_human_address(a) and not is_ats_domain(a.domain):
                return a
    return None


def _me_names(msg: Message, me: set[str]) -> list[Address]:
    return [a for a in msg.to if a.email in me and a.name]


def _email_for(name: str, emails: list[str]) -> str | None:
    parts = [p.lower() for p in re.findall(r"[A-Za-zÀ-ÿ]+", name)]
    if len(parts) < 2:
        return None
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
