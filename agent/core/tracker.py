"""Filing messages under applications, and what each message changes there.

This module owns the tracking rules:

- A message belongs to the application of any message it refers to
  (In-Reply-To, References): threads first.
- Otherwise, mail from the hiring side goes by who sent it: an application
  whose people include the sender or its Reply-To, or whose domain is the
  sender's (never a free-mail or ATS domain), or, for ATS mail, whose
  company has the same name. When several match, the role decides; a
  different role at the same company is a different application.
- A new application starts with an invitation, an update, a rejection or
  an offer that matches none; automatic mail and other mail never start one.
- The user's own messages file by thread, then by their recipients.
- Interviews: a calendar invite with a known UID and a higher SEQUENCE
  moves its interview; METHOD:CANCEL cancels it; an invite or a text time
  at the same start as a known interview is the same interview; a text
  reschedule moves the pending interview.

Pure: no I/O, no clock.
"""

from __future__ import annotations

import re
from datetime import datetime

from agent.core.model import DEFAULT_INTERVIEW_LENGTH, Application, Contact, Interview, Mail
from agent.mail.addresses import is_ats_domain, is_free_mail, is_noreply, squash
from agent.mail.classify import HIRING_CATEGORIES, Reading
from agent.mail.extract import Person
from agent.mail.invite import Invite
from agent.mail.message import Message

_RESCHEDULE = re.compile(
    r"\b(?:re-?schedul\w*|mov(?:e|ed|ing) (?:your|the|our)\s+(?:\w+\s+){0,2}(?:interview|call|meeting)|"
    r"new (?:time|date)|change (?:of|to) (?:the )?(?:time|date)|push(?:ed)? (?:it |the \w+ )?back|"
    r"(?:updated|revised) (?:time|invite|invitation))\b",
    re.I,
)
_CANCEL = re.compile(
    r"\b(?:cancel(?:led|ed|ling|ing)?|call off|called off)\b[^.]{0,60}\b(?:interview|call|meeting|session)\b|"
    r"\b(?:interview|call|meeting|session)\b[^.]{0,40}\b(?:has been|is|was) (?:cancel(?:led|ed)|called off)\b",
    re.I,
)
#: A note thanking for an interview (a "Thanks," sign-off alone is not one).
_THANKS = re.compile(
    r"\bthank(?:s| you)(?: (?:so|very) much| again)?,? for (?:your time|the (?:interview|conversation|chat|call|"
    r"meeting|opportunity|time|discussion)|taking the time|speaking|meeting|talking|chatting|having me|"
    r"(?:the|a) (?:great|lovely|good|wonderful) (?:conversation|chat|interview|discussion))"
    r"|\bthank(?:s| you)(?: (?:so|very) much| again)?,? for (?:(?:our|this|today['’]s|yesterday['’]s|"
    r"this (?:morning|afternoon)['’]s|earlier|great|lovely|good|wonderful|insightful)\s+)+"
    r"(?:interview|conversation|chat|call|meeting|discussion|session|time)"
    r"|\bthank(?:s| you)(?: again)?,? for (?:this morning|this afternoon|today|yesterday|earlier)\b"
    r"|\b(?:great|lovely|a pleasure) (?:to meet|to speak|meeting|speaking|talking)\b"
    r"|\benjoyed (?:our|the|meeting|speaking|talking)\b",
    re.I,
)
#: A user's note asking for news: a hand-written check-in.
_NUDGE = re.compile(
    r"\b(?:follow(?:ing)? up|check(?:ing)? in|any (?:update|news)|an update|the (?:status|timeline)|"
    r"where things stand|hear(?:d)? back|next steps)\b",
    re.I,
)
_WITHDRAW = re.compile(
    r"\b(?:withdraw(?:ing|n)?|pull(?:ing)? out) (?:my(?:self)?|from)\b|\bwithdraw my (?:application|candidacy)\b",
    re.I,
)


def slug(text: str) -> str:
    return re.sub(r"-+", "-", re.sub(r"[^a-z0-9]+", "-", text.lower())).strip("-")[:40]


def same_role(a: str | None, b: str | None) -> bool | None:
    """Whether two role names are the same job; None when either is unknown."""
    if not a or not b:
        return None
    sa, sb = squash(a), squash(b)
    if sa == sb or (len(sb) >= 5 and sb in sa) or (len(sa) >= 5 and sa in sb):
        return True
    ta = set(re.findall(r"[a-z0-9]+", a.lower()))
    tb = set(re.findall(r"[a-z0-9]+", b.lower()))
    return bool(ta and tb) and len(ta & tb) / len(ta | tb) >= 0.75


def hiring_addresses(msg: Message, reading: Reading) -> list[str]:
    out: list[str] = []
    for a in (msg.sender, *msg.reply_to):
        if a is not None and a.email not in out:
            out.append(a.email)
    if reading.reply_to and reading.reply_to not in out:
        out.append(reading.reply_to)
    return out


def org_domains(addresses: list[str]) -> set[str]:
    return {
        a.rpartition("@")[2]
        for a in addresses
        if "@" in a
        and not is_free_mail(a.rpartition("@")[2])
        and not is_ats_domain(a.rpartition("@")[2])
    }


def find_application(
    apps: list[Application], msg: Message, reading: Reading, user_email: str
) -> Application | None:
    """The application a message from outside belongs to, by who sent it (threads are checked first, elsewhere)."""
    addresses = [a for a in hiring_addresses(msg, reading) if a != user_email]
    domains = org_domains(addresses)
    company = squash(reading.company or "")
    matches: list[Application] = []
    for app in apps:
        if (
            any(a in app.people for a in addresses)
            or domains & app.domains
            or (company and len(company) >= 4 and app.company and squash(app.company) == company)
        ):
            matches.append(app)
    if not matches:
        return None
    if reading.role:
        same = [a for a in matches if same_role(a.role, reading.role)]
        if same:
            return _most_recent(same)
        unknown = [a for a in matches if a.role is None]
        if unknown:
            return _most_recent(unknown)
        return None  # a different role at a known company: a new application
    by_person = [a for a in matches if any(x in a.people for x in addresses)]
    return _most_recent(by_person or matches)


def _most_recent(apps: list[Application]) -> Application:
    return max(apps, key=lambda a: (a.is_open, a.last_activity or a.opened_at))


def find_user_application(apps: list[Application], msg: Message) -> Application | None:
    recipients = [a.email for a in (*msg.to, *msg.cc)]
    domains = org_domains(recipients)
    matches = [a for a in apps if any(r in a.people for r in recipients)]
    if not matches:
        matches = [a for a in apps if domains & a.domains]
    return _most_recent(matches) if matches else None


def starts_application(reading: Reading) -> bool:
    return reading.category in HIRING_CATEGORIES and not reading.bulk


def new_application_id(reading: Reading, msg: Message, taken: set[str]) -> str:
    parts = [p for p in (reading.company, reading.role) if p]
    if not parts and msg.sender:
        parts = [msg.sender.domain]
    base = slug(" ".join(parts)) or "application"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def learn(app: Application, msg: Message, reading: Reading, user_email: str) -> None:
    """Add what a hiring-side message says about who is who."""
    if reading.company and not app.company:
        app.company = reading.company
    if reading.role and not app.role:
        app.role = reading.role
    if reading.bulk:
        return
    for a in (msg.sender, *msg.reply_to):
        if a is not None and a.email != user_email and not is_noreply(a.email):
            app.people.setdefault(a.email, a.name)
    if reading.reply_to:
        app.people.setdefault(reading.reply_to, None)
    for p in reading.interviewers:
        if p.email and p.email != user_email:
            app.people.setdefault(p.email, p.name)
    for inv in reading.invites:
        for person in (inv.organizer, *inv.attendees):
            if person and person.email and person.email != user_email and person.is_person:
                app.people.setdefault(person.email, person.name)
    app.domains |= org_domains([a for a in app.people if a != user_email])


def mail_record(
    msg: Message, reading: Reading, at: datetime, *, from_user: bool, draft_id: str | None
) -> Mail:
    automatic = reading.category == "auto_reply"
    text = msg.fresh_text
    return Mail(
        id=msg.stable_id(),
        at=at,
        sender=msg.sender.email if msg.sender else None,
        sender_name=msg.sender.name if msg.sender else None,
        reply_to=reading.reply_to,
        to=tuple(a.email for a in (*msg.to, *msg.cc)),
        subject=msg.subject,
        references=msg.thread_ids,
        category=reading.category,
        from_user=from_user,
        draft_id=draft_id,
        automatic=automatic,
        hiring=not from_user and reading.category in HIRING_CATEGORIES,
        decision_by=reading.decision_by,
        return_date=reading.return_date,
        out_of_office=reading.auto_kind == "out_of_office",
        no_date_update=reading.no_date_update,
        asks_references=reading.asks_references,
        asks=reading.asks,
        thanks=from_user and _THANKS.search(text) is not None,
        nudges=from_user and _NUDGE.search(text) is not None,
        withdraws=from_user and _WITHDRAW.search(text) is not None,
        zone=reading.interview.zone if reading.interview else None,
    )


def _contacts(people: tuple[Person, ...], *, named_only: bool = False) -> list[Contact]:
    """Interviewers as contacts; ``named_only`` leaves out a sender only assumed to hold the meeting."""
    return [Contact(p.name, p.email) for p in people if not (named_only and p.assumed)]


def _invite_people(inv: Invite, user_email: str) -> list[Contact]:
    org = inv.organizer.email if inv.organizer else None
    panel = [
        a
        for a in inv.attendees
        if a.is_person and a.email and a.email != user_email and a.email != org
    ]
    if not panel and inv.organizer and org and org != user_email and not is_noreply(org):
        panel = [inv.organizer]
    return [Contact(a.name, a.email) for a in panel]


def apply_interviews(
    app: Application, msg: Message, reading: Reading, at: datetime, user_email: str
) -> list[str]:
    """Record the interviews a message announces, moves or cancels; returns what changed."""
    changes: list[str] = []
    if reading.category != "invitation":
        return changes
    invites = list(reading.invites)
    if invites:
        single = len(invites) == 1
        for i, inv in enumerate(invites):
            people = _contacts(reading.interviewers) if single else _invite_people(inv, user_email)
            key = inv.uid or f"{msg.stable_id()}#{i}"
            changes.extend(_apply_invite(app, inv, key, people, msg, at))
        return changes
    text = msg.fresh_text
    pending = [
        iv for iv in app.interviews if iv.pending(at) or (iv.cancelled_at is None and iv.start > at)
    ]
    if reading.interview is None:
        if _CANCEL.search(text) and pending:
            iv = max(pending, key=lambda i: i.announced_at)
            iv.cancelled_at = at
            changes.append(f"cancelled:{iv.key}")
        return changes
    start = reading.interview.start
    end = reading.interview.end or start + DEFAULT_INTERVIEW_LENGTH
    people = _contacts(reading.interviewers)
    named = _contacts(reading.interviewers, named_only=True)
    for iv in app.interviews:
        if iv.cancelled_at is None and iv.start == start:
            _merge_people(iv, named)
            return changes
    if pending and _RESCHEDULE.search(text):
        iv = max(pending, key=lambda i: i.announced_at)
        iv.start, iv.end, iv.moved_at = start, end, at
        iv.zone = reading.interview.zone or iv.zone
        _merge_people(iv, named)  # a moved interview keeps its people; the mover is not one
        return [f"moved:{iv.key}"]
    app.interviews.append(
        Interview(
            key=msg.stable_id(),
            uid=None,
            sequence=0,
            start=start,
            end=end,
            zone=reading.interview.zone,
            interviewers=people,
            announced_at=at,
            message_id=msg.stable_id(),
        )
    )
    return [f"new:{msg.stable_id()}"]


def _merge_people(iv: Interview, people: list[Contact]) -> None:
    for p in people:
        if not any(
            (p.email and q.email == p.email) or (p.name and q.name == p.name)
            for q in iv.interviewers
        ):
            iv.interviewers.append(p)
        elif p.email:
            iv.interviewers = [
                Contact(q.name or p.name, q.email or p.email) if q.name and q.name == p.name else q
                for q in iv.interviewers
            ]


def _apply_invite(
    app: Application, inv: Invite, key: str, people: list[Contact], msg: Message, at: datetime
) -> list[str]:
    existing = next((iv for iv in app.interviews if iv.uid and iv.uid == inv.uid), None)
    end = inv.end or inv.start + DEFAULT_INTERVIEW_LENGTH
    if inv.cancelled:
        if (
            existing is not None
            and existing.cancelled_at is None
            and inv.sequence >= existing.sequence
        ):
            existing.cancelled_at = at
            return [f"cancelled:{existing.key}"]
        same = next(
            (iv for iv in app.interviews if iv.cancelled_at is None and iv.start == inv.start), None
        )
        if same is not None:
            same.cancelled_at = at
            return [f"cancelled:{same.key}"]
        return []
    if existing is not None:
        if inv.sequence < existing.sequence:
            return []  # an older copy arriving late
        changed = existing.start != inv.start or existing.end != end
        if existing.cancelled_at is not None and inv.sequence > existing.sequence:
            existing.cancelled_at = None  # re-invited after a cancellation
            changed = True
        existing.sequence = inv.sequence
        if changed:
            existing.start, existing.end, existing.moved_at = inv.start, end, at
            existing.zone = inv.zone or existing.zone
        _merge_people(existing, people)
        return [f"moved:{existing.key}"] if changed else []
    same_time = next(
        (iv for iv in app.interviews if iv.cancelled_at is None and iv.start == inv.start), None
    )
    if same_time is not None:
        same_time.uid = same_time.uid or inv.uid
        same_time.end = end
        same_time.zone = inv.zone or same_time.zone
        _merge_people(same_time, people)
        return []
    app.interviews.append(
        Interview(
            key=key,
            uid=inv.uid,
            sequence=inv.sequence,
            start=inv.start,
            end=end,
            zone=inv.zone,
            interviewers=people,
            announced_at=at,
            message_id=msg.stable_id(),
        )
    )
    return [f"new:{key}"]
