"""The engine: mail in, drafts and their fate out, on a clock it is given.

The daemon and ``followup replay`` drive this same object. It holds the
state (applications, drafts), files each message through the tracker,
asks the policy what every touched application wants, and reconciles the
drafts with that plan: a draft nobody wants any more is cancelled with a
reason, a wanted draft whose time has come is written. Every change is
returned as an event in the shape of the replay contract.

Sending is the shell's job; the engine says which drafts are due
(``due``) after checking, once more, the rules no setting can lift: never
twice, never a third check-in in one wait, never to a no-reply address or
the user, never with a placeholder, never a follow-up after the
application closed.

Pure: no I/O; ``now`` is always an argument.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from agent.core import compose, policy, tracker
from agent.core.model import (
    APPROVED,
    AUTO_SENDABLE,
    CANCELLED,
    CHECK_IN,
    NEEDS_USER,
    QUEUED,
    SENT,
    THANK_YOU,
    Application,
    Draft,
)
from agent.core.policy import Plan, Rules, Want
from agent.mail.addresses import is_noreply
from agent.mail.classify import Reading, classify
from agent.mail.message import Message

Event = dict[str, Any]


def _iso(t: datetime) -> str:
    return t.isoformat()


@dataclass
class Engine:
    rules: Rules
    user_name: str
    templates: Mapping[str, str]
    auto_send: frozenset[str] = frozenset()  # kinds the user lets go out without approval
    approve_all: bool = False
    # application id or company -> a topic the user noted for the thank-you
    topics: Mapping[str, str] = field(default_factory=dict)
    apps: dict[str, Application] = field(default_factory=dict)
    drafts: dict[str, Draft] = field(default_factory=dict)
    by_message: dict[str, str] = field(default_factory=dict)
    seen: set[str] = field(default_factory=set)
    wake: dict[str, datetime | None] = field(default_factory=dict)
    dirty: set[str] = field(default_factory=set)
    # Indexes over the state above, kept in step by the methods that change it.
    by_app: dict[str, list[Draft]] = field(default_factory=dict)
    sendable: dict[str, Draft] = field(default_factory=dict)  # approved, or opted in, not sent
    sent_ids: dict[str, str] = field(default_factory=dict)  # Message-ID -> draft id
    # every hiring-side address of every application, and min(wake) as tick last saw it
    contacts: set[str] = field(default_factory=set)
    earliest_wake: datetime | None = None

    # --- mail in ---------------------------------------------------------------

    def receive(self, msg: Message, now: datetime) -> list[Event]:
        """File one message; returns the ``detected`` (and any ``closed``) events."""
        mid = msg.stable_id()
        if mid in self.seen:
            return []
        self.seen.add(mid)
        user = self.rules.user_email
        from_user = msg.sender is not None and msg.sender.email == user
        thread_app = next(
            (self.by_message[r] for r in msg.thread_ids if r in self.by_message), None
        )
        if msg.report and msg.report.original_message_id in self.by_message:
            thread_app = self.by_message[msg.report.original_message_id]
        known = thread_app is not None or self._known_contact(msg)
        # The user's own mail needs no reading: who it went to and what it says is enough.
        reading = (
            Reading("other")
            if from_user
            else classify(msg, user=user, in_thread=known, receipt_names=False)
        )
        draft_id = self.sent_ids.get(mid)
        if draft_id is not None:  # the agent's own sent message: it belongs where its draft did
            app: Application | None = self.apps[self.drafts[draft_id].application]
        else:
            app = self._file(msg, reading, thread_app, from_user, now)
        events: list[Event] = []
        if not from_user or draft_id is None:
            events.append(
                {
                    "at": _iso(now),
                    "action": "detected",
                    "message_id": mid,
                    "category": "other" if from_user else reading.category,
                    "application": app.id if app else None,
                    "from": msg.sender.email if msg.sender else None,
                    "subject": msg.subject,
                    "from_user": from_user,
                }
            )
        if app is None:
            return events
        self.by_message[mid] = app.id
        record = tracker.mail_record(msg, reading, now, from_user=from_user, draft_id=draft_id)
        app.mails.append(record)
        app.last_activity = now
        self.dirty.add(app.id)
        if from_user:
            if record.withdraws and app.is_open:
                events.extend(self._close(app, "withdrawn", now))
            return events
        if reading.auto_kind == "bounce":
            app.bounced.update(reading.bounced)
            return events
        tracker.learn(app, msg, reading, user)
        self.contacts.update(app.people)
        tracker.apply_interviews(app, msg, reading, now, user)
        if reading.category in ("rejection", "offer") and app.is_open:
            events.extend(self._close(app, reading.category, now))
        return events

    def _known_contact(self, msg: Message) -> bool:
        """Whether the sender (or Reply-To) is a hiring-side person of a tracked application."""
        addresses = {a.email for a in (msg.sender, *msg.reply_to) if a is not None}
        return bool(addresses & self.contacts)

    def _file(
        self, msg: Message, reading: Reading, thread_app: str | None, from_user: bool, now: datetime
    ) -> Application | None:
        if thread_app is not None:
            return self.apps[thread_app]
        apps = list(self.apps.values())
        if from_user:
            return tracker.find_user_application(apps, msg)
        if reading.auto_kind == "bounce":
            return next((a for a in apps if set(reading.bounced) & set(a.people)), None)
        if reading.category not in ("invitation", "update", "rejection", "offer", "auto_reply"):
            return None
        found = tracker.find_application(apps, msg, reading, self.rules.user_email)
        if reading.category == "auto_reply":
            sender = msg.sender.email if msg.sender else ""
            return found if found is not None and sender in found.people else None
        if found is not None or not tracker.starts_application(reading):
            return found
        app_id = tracker.new_application_id(reading, msg, set(self.apps))
        app = Application(id=app_id, company=reading.company, role=reading.role, opened_at=now)
        self.apps[app_id] = app
        return app

    # --- decisions -------------------------------------------------------------

    def tick(self, now: datetime) -> list[Event]:
        """Re-plan every application that changed or whose time came; returns the events."""
        if not self.dirty and (self.earliest_wake is None or self.earliest_wake > now):
            return []
        due = {a for a, t in self.wake.items() if t is not None and t <= now}
        events: list[Event] = []
        for app_id in sorted(self.dirty | due):
            events.extend(self._reconcile(self.apps[app_id], now))
        self.dirty.clear()
        self.earliest_wake = min((t for t in self.wake.values() if t is not None), default=None)
        return events

    def _app_drafts(self, app: Application) -> list[Draft]:
        return self.by_app.get(app.id, [])

    def _status(self, draft: Draft, status: str) -> None:
        """Every status change goes through here, so the send queue stays exact."""
        draft.status = status
        if status == APPROVED or (status == QUEUED and draft.auto_send):
            self.sendable[draft.id] = draft
        else:
            self.sendable.pop(draft.id, None)

    def _reconcile(self, app: Application, now: datetime) -> list[Event]:
        events: list[Event] = []
        plan: Plan = policy.plan(app, self._app_drafts(app), now, self.rules)
        if plan.close:
            events.extend(self._close(app, plan.close, now))
            plan = policy.plan(app, self._app_drafts(app), now, self.rules)
        wanted = {w.key: w for w in plan.wants}
        for draft in self._app_drafts(app):
            if not draft.pending:
                continue
            want = wanted.get(draft.key)
            if want is None:
                events.append(
                    self._cancel(draft, policy.cancel_reason(draft, app, now, self.rules), now)
                )
            elif self._differs(draft, want):
                # Moved, re-addressed or re-threaded: this draft goes now; the new one is
                # written when its own time comes (it may be later, after an absence).
                events.append(
                    self._cancel(draft, policy.cancel_reason(draft, app, now, self.rules), now)
                )
        live = {d.key for d in self._app_drafts(app) if d.pending or d.status == SENT}
        for want in plan.wants:
            if want.draft_at <= now and want.key not in live:
                events.append(self._write(app, want, now))
                live.add(want.key)
        self.wake[app.id] = plan.wake_at
        return events

    @staticmethod
    def _differs(draft: Draft, want: Want) -> bool:
        anchor = want.anchor.id if want.anchor else None
        return (
            tuple(draft.to) != want.to
            or draft.in_reply_to != anchor
            or draft.send_at != want.send_at
        )

    def _close(self, app: Application, reason: str, now: datetime) -> list[Event]:
        app.closed_at, app.closed_reason = now, reason
        events: list[Event] = [
            {"at": _iso(now), "action": "closed", "application": app.id, "reason": reason}
        ]
        for draft in self._app_drafts(app):
            if draft.pending:
                events.append(self._cancel(draft, reason, now))
        self.dirty.add(app.id)
        return events

    def _cancel(self, draft: Draft, reason: str, now: datetime) -> Event:
        self._status(draft, CANCELLED)
        draft.cancelled_at, draft.cancel_reason = now, reason
        return {
            "at": _iso(now),
            "action": "cancelled",
            "draft_id": draft.id,
            "reason": reason,
            "application": draft.application,
            "kind": draft.kind,
        }

    def _draft_id(self, key: str) -> str:
        base = "d-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
        candidate, n = base, 2
        while candidate in self.drafts:
            candidate, n = f"{base}-{n}", n + 1
        return candidate

    def _write(self, app: Application, want: Want, now: datetime) -> Event:
        template_name = want.kind
        if want.kind == CHECK_IN and want.number >= 2:
            template_name = "check_in_2"
        template = self.templates.get(template_name) or self.templates.get(want.kind, "")
        topic = self.topics.get(app.id) or self.topics.get(app.company or "")
        fields = compose.fields(
            recipient_name=want.recipient_name,
            user_name=self.user_name,
            company=app.company,
            role=app.role,
            interview_end=want.interview.end if want.interview else None,
            send_at=want.send_at,
            zone=self.rules.user_zone,
            topic=topic if want.kind == THANK_YOU else None,
        )
        composed = compose.render(template, fields)
        anchor = want.anchor
        if anchor is not None:
            subject = compose.reply_subject(anchor.subject)
            in_reply_to: str | None = anchor.id
            references = compose.thread_references(anchor.id, anchor.references)
        else:
            subject = composed.subject or f"Following up{' on ' + app.role if app.role else ''}"
            in_reply_to, references = None, []
        problems = list(composed.problems)
        to = [a for a in want.to if a]
        problems.extend(self._recipient_problems(to, app))
        draft = Draft(
            id=self._draft_id(want.key),
            key=want.key,
            kind=want.kind,
            application=app.id,
            to=to,
            cc=[],
            subject=subject,
            in_reply_to=in_reply_to,
            references=references,
            body=composed.body,
            created_at=now,
            send_at=want.send_at,
            problems=problems,
            auto_send=want.kind in AUTO_SENDABLE and want.kind in self.auto_send,
            wait=want.wait,
            interview=want.interview.key if want.interview else None,
        )
        self.drafts[draft.id] = draft
        self.by_app.setdefault(app.id, []).append(draft)
        self._status(draft, NEEDS_USER if problems else (APPROVED if self.approve_all else QUEUED))
        return {
            "at": _iso(now),
            "action": "draft",
            "draft_id": draft.id,
            "kind": draft.kind,
            "application": app.id,
            "to": list(draft.to),
            "cc": list(draft.cc),
            "subject": draft.subject,
            "in_reply_to": draft.in_reply_to,
            "references": list(draft.references),
            "send_at": _iso(draft.send_at),
            "body": draft.body,
            "status": draft.status,
            "problems": list(draft.problems),
        }

    def _recipient_problems(self, to: list[str], app: Application) -> list[str]:
        problems = []
        if not to:
            problems.append("no recipient with a usable address")
        for a in to:
            if a == self.rules.user_email:
                problems.append(f"{a} is your own address")
            elif is_noreply(a, self.rules.noreply):
                problems.append(f"{a} is a no-reply address")
            elif a in app.bounced:
                problems.append(f"mail to {a} bounced")
        return problems

    # --- sending ---------------------------------------------------------------

    def approve(self, draft_id: str) -> Draft:
        draft = self.drafts[draft_id]
        if draft.status == QUEUED:
            self._status(draft, APPROVED)
        return draft

    def send_problems(self, draft: Draft, now: datetime) -> list[str]:
        """Why this draft may not go out now; empty when it may. The last line of defence."""
        problems: list[str] = []
        if draft.status == SENT or any(
            d.key == draft.key and d.status == SENT and d.id != draft.id
            for d in self._app_drafts(self.apps[draft.application])
        ):
            problems.append("already sent")
        if draft.status not in (APPROVED, QUEUED):
            problems.append(f"the draft is {draft.status}")
        for where, text in (("body", draft.body), ("subject", draft.subject)):
            m = compose.PLACEHOLDER.search(text)
            if m:
                problems.append(f"the {where} still holds the placeholder {m.group(0)!r}")
        app = self.apps[draft.application]
        problems.extend(self._recipient_problems(draft.to, app))
        if draft.kind in (THANK_YOU, CHECK_IN) and not app.is_open:
            problems.append(f"the application is closed ({app.closed_reason})")
        if draft.kind == CHECK_IN:
            sent = [
                d
                for d in self._app_drafts(app)
                if d.kind == CHECK_IN and d.status == SENT and d.wait == draft.wait
            ]
            if len(sent) >= min(self.rules.max_check_ins, policy.MAX_CHECK_INS):
                problems.append("two check-ins already went out in this wait")
        return problems

    def due(self, now: datetime) -> list[Draft]:
        """Drafts that should go out now: approved (or opted in), and their time has come."""
        ready = [d for d in self.sendable.values() if d.send_at <= now]
        return sorted(ready, key=lambda d: (d.send_at, d.id))

    def hold(self, draft: Draft, problems: list[str], now: datetime) -> Event:
        """A send refused by ``send_problems``: the draft stays, marked as needing the user."""
        self._status(draft, NEEDS_USER)
        draft.problems = problems
        return {
            "at": _iso(now),
            "action": "held",
            "draft_id": draft.id,
            "reason": "; ".join(problems),
            "application": draft.application,
            "kind": draft.kind,
        }

    def mark_sent(self, draft: Draft, message_id: str, now: datetime) -> Event:
        self._status(draft, SENT)
        draft.sent_at, draft.message_id = now, message_id
        self.sent_ids[message_id] = draft.id
        self.dirty.add(draft.application)
        return {
            "at": _iso(now),
            "action": "sent",
            "draft_id": draft.id,
            "message_id": message_id,
            "application": draft.application,
            "kind": draft.kind,
        }

    def next_wakeup(self) -> datetime | None:
        times = [self.earliest_wake] if self.earliest_wake is not None else []
        times += [d.send_at for d in self.sendable.values()]
        return min(times) if times else None
