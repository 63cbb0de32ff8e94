"""The agent's state: applications, their mail and interviews, and drafts.

Plain mutable dataclasses owned by the engine; the policy reads them and
never changes them. Every datetime is timezone-aware.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

#: Draft kinds that count as follow-ups under the two-check-in cap.
THANK_YOU = "thank_you"
CHECK_IN = "check_in"
REJECTION_REPLY = "rejection_reply"
OFFER_REPLY = "offer_reply"
ACKNOWLEDGEMENT = "acknowledgement"
REFERENCE_HEADS_UP = "reference_heads_up"
#: Kinds the agent may send on its own when the user opts in; the others
#: always wait for the user's approval.
AUTO_SENDABLE = frozenset({THANK_YOU, CHECK_IN})

#: Draft statuses. A draft moves queued -> approved -> sent, or to cancelled;
#: needs_user drafts (a placeholder left, no valid recipient) can never be sent.
QUEUED, APPROVED, SENT, CANCELLED, NEEDS_USER = (
    "queued",
    "approved",
    "sent",
    "cancelled",
    "needs_user",
)
PENDING = frozenset({QUEUED, APPROVED, NEEDS_USER})

DEFAULT_INTERVIEW_LENGTH = timedelta(hours=1)


@dataclass(frozen=True)
class Contact:
    name: str | None
    email: str | None


@dataclass
class Mail:
    """A message as an application remembers it."""

    id: str
    at: datetime
    sender: str | None
    sender_name: str | None
    reply_to: str | None  # the human to answer, if any
    to: tuple[str, ...]
    subject: str
    references: tuple[str, ...]
    category: str
    from_user: bool = False
    draft_id: str | None = None  # set when the agent sent it
    automatic: bool = False
    hiring: bool = False  # inbound, from the hiring side, written by a human
    decision_by: date | None = None
    return_date: date | None = None  # out-of-office return
    out_of_office: bool = False
    no_date_update: bool = False
    asks_references: bool = False
    asks: bool = False  # the hiring side waits for something from the user
    thanks: bool = False  # the user's message thanks someone for an interview
    nudges: bool = False  # the user's message asks the hiring side for news
    withdraws: bool = False  # the user's message withdraws the application
    zone: str | None = None


@dataclass
class Interview:
    key: str
    uid: str | None
    sequence: int
    start: datetime
    end: datetime
    zone: str | None
    interviewers: list[Contact]
    announced_at: datetime
    message_id: str
    cancelled_at: datetime | None = None
    moved_at: datetime | None = None

    def pending(self, now: datetime) -> bool:
        return self.cancelled_at is None and self.announced_at <= now < self.end

    def ended(self, now: datetime) -> bool:
        return self.cancelled_at is None and self.end <= now


@dataclass
class Application:
    id: str
    company: str | None
    role: str | None
    opened_at: datetime
    domains: set[str] = field(default_factory=set)
    people: dict[str, str | None] = field(default_factory=dict)  # hiring-side address -> name
    mails: list[Mail] = field(default_factory=list)
    interviews: list[Interview] = field(default_factory=list)
    bounced: set[str] = field(default_factory=set)
    closed_at: datetime | None = None
    closed_reason: str | None = None
    last_activity: datetime | None = None

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    def hiring_mails(self, now: datetime) -> list[Mail]:
        return [m for m in self.mails if m.hiring and m.at <= now]

    def user_mails(self, now: datetime) -> list[Mail]:
        return [m for m in self.mails if m.from_user and m.at <= now]


@dataclass
class Draft:
    id: str
    key: str  # what it is for; one live draft per key
    kind: str
    application: str
    to: list[str]
    cc: list[str]
    subject: str
    in_reply_to: str | None
    references: list[str]
    body: str
    created_at: datetime
    send_at: datetime
    status: str = QUEUED
    problems: list[str] = field(default_factory=list)
    auto_send: bool = False
    message_id: str | None = None
    sent_at: datetime | None = None
    cancelled_at: datetime | None = None
    cancel_reason: str | None = None
    wait: str | None = None  # check-ins: the wait they belong to
    interview: str | None = None  # thank-yous: the interview they are for

    @property
    def pending(self) -> bool:
        return self.status in PENDING
