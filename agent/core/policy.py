"""The follow-up policy: which drafts an application wants, and when.

Rule 1 (thank-you). After each interview ends, one thank-you per
interviewer with a usable address; when none is known, one to the
recruiter. It is drafted when the interview ends and sent at the first
moment, ``thank_you_delay`` after the end, that is inside the send window
in the recipient's zone (the invite's TZID) and the user's; never later
than ``thank_you_business_days`` business days after the end. Someone the
user thanked by hand is not thanked again.

Rule 2 (the wait). A wait starts when the last interview ends, and again
with every human message from the hiring side after it. While an interview
is scheduled there is no wait, and no check-in.

Rule 3 (check-in 1). Due the business day after the stated decision date
(the latest one stated since the interview was announced, if it is still
ahead), else ``check_in_after`` after the interview, or ``reply_wait``
after a reply that gave no date. Never sooner than
``min_gap_business_days`` after the user's or the agent's last message,
or after a thank-you still to go out (so the two never leave together).

Rule 4 (check-in 2). ``second_check_in_after`` after the first, with the
same gap rule. Hand-written check-ins count. Never more than
``max_check_ins`` (at most two) in one wait.

Rule 5 (moving on). ``close_after`` after the last allowed check-in with
no reply, the application closes as ``no_response``.

Rule 5b (the ball in the user's court). While the newest human message
from the hiring side asks the user for something (references, documents,
a reply) and the user has not answered, there is no check-in. An
interview that took place after the message settles what it asked ("let
me know if this time doesn't work").

Rule 6 (out of office). An out-of-office reply is not a reply and is never
replied to; a return date postpones the next check-in to the business day
after it. A bounced address is never written to again.

Rule 7 (closing replies). A rejection or an offer closes the application
(the engine does it when the mail arrives) and the policy then wants one
gracious reply to it, which always waits for the user's approval.

Rule 8 (approval-only kinds). An update that gives no date and asks
nothing wants a short acknowledgement; a request for references wants a
heads-up to each configured reference. Neither is ever sent on its own.

Every follow-up to the hiring side replies to the newest human message of
its thread (In-Reply-To, References, "Re:" subject), addressed to that
message's human sender or Reply-To.

Pure: the policy reads the application and returns a ``Plan``; ``now`` is
an argument.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from agent.core.businesstime import Window, add_business_days, next_business_day, next_slot
from agent.core.model import (
    ACKNOWLEDGEMENT,
    CHECK_IN,
    OFFER_REPLY,
    REFERENCE_HEADS_UP,
    REJECTION_REPLY,
    SENT,
    THANK_YOU,
    Application,
    Contact,
    Draft,
    Interview,
    Mail,
)
from agent.mail.addresses import is_noreply

#: Close reasons that end an application on the hiring side's word, and the
#: gracious reply each one wants.
CLOSING_REPLY = {"rejection": REJECTION_REPLY, "offer": OFFER_REPLY}
#: Hard ceiling on check-ins per wait, whatever the settings say.
MAX_CHECK_INS = 2
#: How late a missed thank-you may still be drafted (after its deadline).
THANK_YOU_GRACE = timedelta(days=1)


@dataclass(frozen=True)
class Rules:
    """Every number of the policy; built from the settings by the shell."""

    user_email: str
    user_zone: ZoneInfo
    window: Window = field(default_factory=Window)
    thank_you_delay: timedelta = timedelta(hours=2)
    thank_you_business_days: int = 1
    check_in_after: timedelta = timedelta(days=7)
    decision_buffer_business_days: int = 1
    min_gap_business_days: int = 5
    second_check_in_after: timedelta = timedelta(days=7)
    close_after: timedelta = timedelta(days=7)
    reply_wait: timedelta = timedelta(days=7)
    max_check_ins: int = 2
    draft_lead: timedelta = timedelta(hours=24)
    noreply: frozenset[str] = frozenset()
    references: tuple[Contact, ...] = ()


@dataclass(frozen=True)
class Want:
    """A draft the application wants, now or later."""

    key: str
    kind: str
    to: tuple[str, ...]
    recipient_name: str | None
    anchor: Mail | None  # the message this replies to; None starts a new thread
    draft_at: datetime
    send_at: datetime
    wait: str | None = None
    interview: Interview | None = None
    number: int = 0  # check-ins: 1 or 2


@dataclass(frozen=True)
class Plan:
    wants: tuple[Want, ...]
    close: str | None = None
    wake_at: datetime | None = None


def usable(email: str | None, app: Application, rules: Rules) -> bool:
    """Whether a follow-up may be addressed to ``email``."""
    return (
        bool(email)
        and email != rules.user_email
        and not is_noreply(email or "", rules.noreply)
        and email not in app.bounced
    )


def _zone(name: str | None, rules: Rules) -> ZoneInfo:
    if name:
        try:
            return ZoneInfo(name)
        except (KeyError, ValueError):
            return rules.user_zone
    return rules.user_zone


def send_time(earliest: datetime, zone_name: str | None, rules: Rules) -> datetime:
    """The first moment at or after ``earliest`` inside the window for the recipient and the user."""
    zones = [_zone(zone_name, rules)]
    if zones[0] != rules.user_zone:
        zones.append(rules.user_zone)
    return next_slot(earliest, zones, rules.window)


def _latest_in_thread(app: Application, mail: Mail, now: datetime) -> Mail:
    thread = _thread_of(app, mail)
    newest = mail
    for m in app.hiring_mails(now):
        if _thread_of(app, m) == thread and m.at >= newest.at:
            newest = m
    return newest


def _thread_of(app: Application, mail: Mail) -> str:
    ids = {m.id: m for m in app.mails}
    seen = {mail.id}
    current = mail
    while True:
        parent = next((r for r in current.references if r in ids and r not in seen), None)
        if parent is None:
            return current.id
        seen.add(parent)
        current = ids[parent]


def _last_outbound(app: Application, now: datetime) -> datetime | None:
    """When the user (or the agent) last wrote to the hiring side; a note to a reference does not count."""
    times = [
        m.at
        for m in app.user_mails(now)
        if any(a in app.people or a.rpartition("@")[2] in app.domains for a in m.to)
    ]
    return max(times) if times else None


# --- Rule 1 -----------------------------------------------------------------------


def _answers_the_user(app: Application, mail: Mail) -> bool:
    """Whether a hiring-side message replies directly to one of the user's (or the agent's) messages."""
    ids = {m.id for m in app.mails if m.from_user}
    return bool(mail.references) and mail.references[-1] in ids


def _recruiter_mail(
    app: Application, iv: Interview | None, now: datetime, rules: Rules
) -> Mail | None:
    """The newest human hiring-side message with a usable address, preferring the recruiter's.

    An interviewer's answer to the user's thank-you ends the wait, but the
    check-in goes to whoever runs the process when they have written.
    """
    candidates = [m for m in app.hiring_mails(now) if usable(m.reply_to, app, rules)]
    interviewers = {c.email for i in app.interviews for c in i.interviewers if c.email}
    process = [
        m for m in candidates if not (_answers_the_user(app, m) and m.sender in interviewers)
    ]
    candidates = process or candidates
    if iv is not None:
        invitation = next((m for m in candidates if m.id == iv.message_id), None)
        later = [m for m in candidates if m.at > iv.announced_at]
        if invitation and not later:
            return invitation
    return max(candidates, key=lambda m: m.at) if candidates else None


def _thanked_by_user(app: Application, iv: Interview, email: str, now: datetime) -> bool:
    return any(
        m.thanks and m.draft_id is None and m.at >= iv.start and email in m.to
        for m in app.user_mails(now)
    )


def thank_you_deadline(iv: Interview, rules: Rules) -> datetime:
    return add_business_days(iv.end, rules.thank_you_business_days, rules.window, rules.user_zone)


def _thank_you_send_at(iv: Interview, rules: Rules) -> datetime:
    deadline = thank_you_deadline(iv, rules)
    for earliest in (iv.end + rules.thank_you_delay, iv.end):
        slot = send_time(earliest, iv.zone, rules)
        if slot <= deadline:
            return slot
    slot = next_slot(iv.end, [rules.user_zone], rules.window)
    return min(slot, deadline)


def _thank_yous(
    app: Application, iv: Interview, now: datetime, rules: Rules, written: set[str]
) -> list[Want]:
    """Rule 1. ``written`` holds the keys of drafts already written (a late one is kept, not dropped)."""
    if iv.cancelled_at is not None:
        return []
    too_late = now > thank_you_deadline(iv, rules) + THANK_YOU_GRACE
    targets: list[Contact] = []
    for person in iv.interviewers:
        if usable(person.email, app, rules) and all(t.email != person.email for t in targets):
            targets.append(person)
    if not targets:
        recruiter = _recruiter_mail(app, iv, iv.end, rules)
        if recruiter is not None and recruiter.reply_to:
            targets.append(
                Contact(
                    app.people.get(recruiter.reply_to) or recruiter.sender_name, recruiter.reply_to
                )
            )
    send_at = _thank_you_send_at(iv, rules)
    wants = []
    for person in targets:
        email = person.email or ""
        if _thanked_by_user(app, iv, email, now):
            continue
        key = f"{THANK_YOU}:{iv.key}:{email}"
        if too_late and key not in written:
            continue  # the agent was not running in time: better no thank-you than a stale one
        anchor = _own_thread(app, email, iv.end)
        wants.append(
            Want(
                key=key,
                kind=THANK_YOU,
                to=(email,),
                recipient_name=person.name,
                anchor=anchor,
                draft_at=iv.end,
                send_at=max(send_at, iv.end),
                interview=iv,
            )
        )
    return wants


def _own_thread(app: Application, email: str, now: datetime) -> Mail | None:
    """The newest message of a thread this person wrote in, if they wrote its newest message."""
    theirs = [m for m in app.hiring_mails(now) if email in (m.sender, m.reply_to)]
    if not theirs:
        return None
    newest = _latest_in_thread(app, max(theirs, key=lambda m: m.at), now)
    return newest if email in (newest.sender, newest.reply_to) else None


# --- Rules 2 to 6 -------------------------------------------------------------------


@dataclass(frozen=True)
class Wait:
    key: str
    since: datetime
    due: datetime  # check-in 1 before the gap and out-of-office rules
    interview: Interview


def current_wait(app: Application, now: datetime, rules: Rules) -> Wait | None:
    """The wait the application is in at ``now``, or None (no interview yet, one scheduled, closed)."""
    if not app.is_open:
        return None
    if any(iv.pending(now) for iv in app.interviews):
        return None
    ended = [iv for iv in app.interviews if iv.ended(now)]
    if not ended:
        return None
    last = max(ended, key=lambda iv: iv.end)
    replies = [m for m in app.hiring_mails(now) if m.at > last.end]
    stated = [
        m.decision_by
        for m in app.hiring_mails(now)
        if m.decision_by is not None and m.at >= last.announced_at
    ]
    if replies:
        newest = max(replies, key=lambda m: m.at)
        since, key, base = newest.at, f"mail:{newest.id}", newest.at + rules.reply_wait
    else:
        since, key, base = last.end, f"interview:{last.key}", last.end + rules.check_in_after
    due = base
    if stated:
        decided = stated[-1]
        if decided >= since.astimezone(rules.user_zone).date():
            day = decided
            for _ in range(max(1, rules.decision_buffer_business_days)):
                day = next_business_day(day, rules.window)
            due = datetime.combine(day, time(0), tzinfo=rules.user_zone)
            due = max(due, since + timedelta(days=1))
    return Wait(key=key, since=since, due=due, interview=last)


def _check_ins_done(
    app: Application, drafts: list[Draft], wait: Wait, now: datetime
) -> list[datetime]:
    """When each check-in of this wait went out: the agent's and the user's own."""
    times = [
        d.sent_at
        for d in drafts
        if d.kind == CHECK_IN
        and d.status == SENT
        and d.sent_at is not None
        and d.sent_at > wait.since
    ]
    agent_ids = {d.message_id for d in drafts if d.message_id}
    for m in app.user_mails(now):
        if (
            m.at > wait.since
            and m.id not in agent_ids
            and m.draft_id is None
            and _is_check_in(app, m)
        ):
            times.append(m.at)
    return sorted(times)


def _is_check_in(app: Application, mail: Mail) -> bool:
    """Whether a message the user wrote by hand counts as a check-in of the wait.

    Asking for news does; a thank-you note does not; an answer to something
    the hiring side asked for (documents, references, a time) does not
    either. Anything else written while waiting counts, to stay on the safe
    side of the two-check-in limit.
    """
    if _is_thank_you(app, mail):
        return False  # a thank-you note may well ask about next steps; it is still a thank-you
    if mail.nudges:
        return True
    parent = next((m for m in app.mails if mail.references and m.id == mail.references[-1]), None)
    return not (parent is not None and parent.hiring and parent.asks)


def _is_thank_you(app: Application, mail: Mail) -> bool:
    """A hand-written message that thanks for an interview that ended shortly before."""
    if not mail.thanks:
        return False
    return any(
        iv.cancelled_at is None
        and iv.end - timedelta(hours=1) <= mail.at <= iv.end + timedelta(days=4)
        for iv in app.interviews
    )


def _postponed_by_absence(
    app: Application, target: str, due: datetime, now: datetime, rules: Rules
) -> datetime:
    """Rule 6: the business day after the target's announced return, when they are away on ``due``.

    Any out-of-office from the person the check-in goes to counts, whenever it
    arrived: a return date still ahead is still ahead.
    """
    for m in app.mails:
        if not (m.out_of_office and m.at <= now and m.return_date and m.sender == target):
            continue
        back = next_business_day(m.return_date, rules.window)
        back_at = datetime.combine(back, time(0), tzinfo=rules.user_zone)
        due = max(due, back_at)
    return due


def _check_ins(
    app: Application,
    drafts: list[Draft],
    now: datetime,
    rules: Rules,
    upcoming: tuple[datetime, ...] = (),
) -> tuple[list[Want], str | None, datetime | None]:
    """Rules 2 to 5b. ``upcoming``: when the thank-yous not yet sent are to go out."""
    wait = current_wait(app, now, rules)
    if wait is None:
        return [], None, None
    newest = max(app.hiring_mails(now), key=lambda m: m.at, default=None)
    if (
        newest is not None
        and newest.asks
        and not _replied_since(app, newest, now)
        and not _met_since(app, newest, now)
    ):
        return [], None, None  # the hiring side is waiting on the user, not the other way round
    limit = min(rules.max_check_ins, MAX_CHECK_INS)
    done = _check_ins_done(app, drafts, wait, now)
    if len(done) >= limit:
        last = done[-1] if done else wait.due
        close_at = last + rules.close_after
        if now >= close_at:
            return [], "no_response", None
        return [], None, close_at
    target_mail = _recruiter_mail(app, None, now, rules)
    if target_mail is None or target_mail.reply_to is None:
        return [], None, None
    target = target_mail.reply_to
    anchor = _latest_in_thread(app, target_mail, now)
    due = done[-1] + rules.second_check_in_after if done else wait.due
    last_out = max(
        (t for t in (_last_outbound(app, now), *upcoming) if t is not None), default=None
    )
    if last_out is not None:
        due = max(
            due,
            add_business_days(last_out, rules.min_gap_business_days, rules.window, rules.user_zone),
        )
    due = _postponed_by_absence(app, target, due, now, rules)
    zone = next(
        (iv.zone for iv in reversed(app.interviews) if iv.cancelled_at is None and iv.zone), None
    )
    send_at = send_time(due, zone, rules)
    number = len(done) + 1
    want = Want(
        key=f"{CHECK_IN}:{wait.key}:{number}",
        kind=CHECK_IN,
        to=(target,),
        recipient_name=app.people.get(target) or target_mail.sender_name,
        anchor=anchor,
        draft_at=max(wait.since, send_at - rules.draft_lead),
        send_at=send_at,
        wait=wait.key,
        interview=wait.interview,
        number=number,
    )
    return [want], None, None


# --- Rules 7 and 8 ------------------------------------------------------------------


def _replied_since(app: Application, mail: Mail, now: datetime) -> bool:
    return any(m.at > mail.at and m.draft_id is None for m in app.user_mails(now))


def _met_since(app: Application, mail: Mail, now: datetime) -> bool:
    """Whether an interview took place after the message: what it asked was settled there."""
    return any(i.ended(now) and i.end > mail.at for i in app.interviews)


def _closing_reply(app: Application, now: datetime, rules: Rules) -> list[Want]:
    kind = CLOSING_REPLY.get(app.closed_reason or "")
    if kind is None or app.closed_at is None:
        return []
    closing = [m for m in app.hiring_mails(now) if m.category == app.closed_reason]
    if not closing:
        return []
    mail = max(closing, key=lambda m: m.at)
    if not usable(mail.reply_to, app, rules) or _replied_since(app, mail, now):
        return []
    return [
        Want(
            key=f"{kind}:{mail.id}",
            kind=kind,
            to=(mail.reply_to or "",),
            recipient_name=app.people.get(mail.reply_to or "") or mail.sender_name,
            anchor=_latest_in_thread(app, mail, now),
            draft_at=mail.at,
            send_at=send_time(mail.at + rules.thank_you_delay, None, rules),
        )
    ]


def _acknowledgement(app: Application, now: datetime, rules: Rules) -> list[Want]:
    hiring = app.hiring_mails(now)
    if not hiring or not app.is_open:
        return []
    newest = max(hiring, key=lambda m: m.at)
    if not newest.no_date_update or not usable(newest.reply_to, app, rules):
        return []
    if _answers_the_user(app, newest):
        return []  # a reply to the user's own note ("great to meet you too") needs no acknowledgement
    if _replied_since(app, newest, now):
        return []
    return [
        Want(
            key=f"{ACKNOWLEDGEMENT}:{newest.id}",
            kind=ACKNOWLEDGEMENT,
            to=(newest.reply_to or "",),
            recipient_name=app.people.get(newest.reply_to or "") or newest.sender_name,
            anchor=newest,
            draft_at=newest.at,
            send_at=send_time(newest.at + rules.thank_you_delay, None, rules),
        )
    ]


def _heads_ups(app: Application, now: datetime, rules: Rules) -> list[Want]:
    asked = [m for m in app.hiring_mails(now) if m.asks_references]
    if not asked or not app.is_open:
        return []
    first = min(asked, key=lambda m: m.at)
    wants = []
    for ref in rules.references:
        if not ref.email or is_noreply(ref.email, rules.noreply) or ref.email in app.bounced:
            continue
        wants.append(
            Want(
                key=f"{REFERENCE_HEADS_UP}:{app.id}:{ref.email}",
                kind=REFERENCE_HEADS_UP,
                to=(ref.email,),
                recipient_name=ref.name,
                anchor=None,
                draft_at=first.at,
                send_at=send_time(first.at + rules.thank_you_delay, None, rules),
            )
        )
    return wants


# --- the plan -----------------------------------------------------------------------


def plan(app: Application, drafts: list[Draft], now: datetime, rules: Rules) -> Plan:
    """Everything the application wants at ``now``, and when to look again."""
    wants: list[Want] = []
    wake: list[datetime] = []
    if app.is_open:
        written = {d.key for d in drafts if d.pending or d.status == SENT}
        for iv in app.interviews:
            if iv.cancelled_at is not None:
                continue
            if iv.end > now:
                wake.append(iv.end)
                continue
            wants.extend(_thank_yous(app, iv, now, rules, written))
        upcoming = tuple(w.send_at for w in wants if w.kind == THANK_YOU)
        check_ins, close, close_at = _check_ins(app, drafts, now, rules, upcoming)
        if close:
            return Plan(tuple(wants), close=close)
        wants.extend(check_ins)
        if close_at:
            wake.append(close_at)
        wants.extend(_acknowledgement(app, now, rules))
        wants.extend(_heads_ups(app, now, rules))
    else:
        wants.extend(_closing_reply(app, now, rules))
    wake.extend(w.draft_at for w in wants if w.draft_at > now)
    return Plan(tuple(wants), wake_at=min(wake) if wake else None)


def cancel_reason(draft: Draft, app: Application, now: datetime, rules: Rules) -> str:
    """Why a pending draft is no longer wanted, in the words of the contract where it has them."""
    if not app.is_open and draft.kind not in CLOSING_REPLY.values():
        return app.closed_reason or "closed"
    if any(email in app.bounced for email in draft.to):
        return "bounced"
    later_hiring = [m for m in app.hiring_mails(now) if m.at > draft.created_at]
    later_user = [m for m in app.user_mails(now) if m.at > draft.created_at and m.draft_id is None]
    if draft.kind == THANK_YOU:
        iv = next((i for i in app.interviews if i.key == draft.interview), None)
        if iv is None or iv.cancelled_at is not None:
            return "interview_cancelled"
        if iv.moved_at is not None and iv.moved_at > draft.created_at:
            return "rescheduled"
        if later_user:
            return "user_sent"
        return "superseded"
    if draft.kind == CHECK_IN:
        if any(iv.pending(now) for iv in app.interviews):
            return "interview_scheduled"
        if later_hiring:
            return "reply_received"
        if later_user:
            return "user_sent"
        if any(m.out_of_office and m.at > draft.created_at for m in app.mails):
            return "postponed"
        return "superseded"
    if later_user:
        return "user_sent"
    if later_hiring:
        return "reply_received"
    return "superseded"
