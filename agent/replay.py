"""``followup replay``: the engine over a recorded mailbox, on a simulated clock.

A scenario directory holds ``scenario.toml`` (``[user]``, ``[clock]``, an
optional ``[settings]`` table with the config file's keys, an optional
``[notes]`` table mapping a company or application id to a topic you
discussed) and ``mail/*.eml``. Each message is delivered when the clock
reaches its Date (messages dated before the start arrive at the start).
Approved drafts are sent at their send time and the sent message joins
the mailbox, exactly as the daemon's would.
"""

from __future__ import annotations

import textwrap
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from agent.core import compose
from agent.core.engine import Engine, Event
from agent.core.model import Draft
from agent.errors import ConfigError, ScenarioError
from agent.mail.message import Message, parse_message
from agent.settings import Settings, load_templates, settings_from_mapping

#: Safety stop: how many rounds the clock may spend on one instant.
_MAX_ROUNDS_PER_INSTANT = 50
#: Safety stop: how many drafts may go out at one instant (each send is re-planned before the next).
_MAX_SENDS_PER_INSTANT = 10_000


@dataclass
class Scenario:
    directory: Path
    user_name: str
    user_email: str
    zone: ZoneInfo
    start: datetime
    end: datetime
    settings: Settings
    mail: list[tuple[datetime, str, Message]]
    topics: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def _time(value: Any, key: str, where: Path) -> datetime:
    if isinstance(value, datetime):
        parsed = value
    else:
        try:
            parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
        except ValueError:
            raise ScenarioError(f"{where}: {key}: {value!r} is not an RFC 3339 time") from None
    if parsed.tzinfo is None:
        raise ScenarioError(f"{where}: {key}: {value!r} needs a UTC offset")
    return parsed


#: Told (done, total) as a long job goes on: ``followup`` draws a progress bar with it.
OnProgress = Callable[[int, int], None]


def load_scenario(directory: Path, *, progress: OnProgress | None = None) -> Scenario:
    """Read a scenario directory; a ScenarioError says what is wrong and where."""
    toml_path = directory / "scenario.toml"
    if not directory.is_dir():
        raise ScenarioError(f"{directory}: no such directory")
    try:
        data = tomllib.loads(toml_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ScenarioError(
            f"{toml_path}: missing (a scenario needs scenario.toml and mail/)"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ScenarioError(f"{toml_path}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ScenarioError(f"{toml_path}: not valid TOML: {exc}") from None
    user = data.get("user")
    clock = data.get("clock")
    if not isinstance(user, dict) or not isinstance(clock, dict):
        raise ScenarioError(f"{toml_path}: needs a [user] and a [clock] table")
    for key in ("name", "email"):
        if not isinstance(user.get(key), str) or not user[key].strip():
            raise ScenarioError(f"{toml_path}: user.{key} is missing")
    zone_name = str(user.get("timezone", "UTC"))
    try:
        zone = ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ScenarioError(
            f"{toml_path}: user.timezone: unknown time zone {zone_name!r}"
        ) from None
    if "start" not in clock or "end" not in clock:
        raise ScenarioError(f"{toml_path}: clock.start and clock.end are required")
    start = _time(clock["start"], "clock.start", toml_path)
    end = _time(clock["end"], "clock.end", toml_path)
    if end <= start:
        raise ScenarioError(f"{toml_path}: clock.end must be after clock.start")
    try:
        settings = settings_from_mapping(data.get("settings", {}), f"{toml_path} [settings]")
    except ConfigError as exc:
        raise ScenarioError(str(exc)) from None
    notes = data.get("notes", {})
    topics = {str(k): str(v) for k, v in notes.items()} if isinstance(notes, dict) else {}
    mail_dir = directory / "mail"
    if not mail_dir.is_dir():
        raise ScenarioError(f"{mail_dir}: missing (put one .eml file per message there)")
    scenario = Scenario(
        directory=directory,
        user_name=user["name"].strip(),
        user_email=user["email"].strip().lower(),
        zone=zone,
        start=start,
        end=end,
        settings=settings,
        mail=[],
        topics=topics,
    )
    paths = sorted(mail_dir.glob("*.eml"), key=lambda p: p.name)
    for done, path in enumerate(paths, 1):
        if progress is not None:
            progress(done, len(paths))
        try:
            msg = parse_message(path.read_bytes())
        except OSError as exc:
            scenario.warnings.append(f"{path.name}: cannot read: {exc.strerror}; skipped")
            continue
        if msg.date is None:
            scenario.warnings.append(f"{path.name}: no usable Date header; skipped")
            continue
        scenario.mail.append((max(msg.date, start), path.name, msg))
    scenario.mail.sort(key=lambda item: (item[0], item[1]))
    return scenario


class Replayer:
    """The engine on a simulated clock: deliver messages, move time, send what is due.

    ``followup replay`` feeds it a recorded mailbox; property tests feed it
    generated mail one step at a time. Sent drafts become messages (built
    exactly as they would go out) and are delivered back as the user's own.
    """

    def __init__(
        self,
        settings: Settings,
        *,
        user_name: str,
        user_email: str,
        zone: ZoneInfo,
        start: datetime,
        approve_all: bool = False,
        topics: dict[str, str] | None = None,
    ) -> None:
        try:
            templates = load_templates(settings)
        except ConfigError as exc:
            raise ScenarioError(str(exc)) from None
        self.user_name = user_name
        self.user_email = user_email.lower()
        self.engine = Engine(
            rules=settings.rules(self.user_email, zone.key),
            user_name=user_name,
            templates=templates,
            auto_send=settings.auto_send(),
            approve_all=approve_all,
            topics=topics or {},
        )
        self.now = start
        self.events: list[Event] = []
        self.warnings: list[str] = []
        self.sent_mail: list[bytes] = []

    def deliver(self, msg: Message) -> list[Event]:
        """A message arrives now."""
        events = self.engine.receive(msg, self.now)
        events += self._settle()
        self.events.extend(events)
        return events

    def advance(self, until: datetime) -> list[Event]:
        """Move the clock to ``until``, acting at every moment something is due on the way."""
        events: list[Event] = []
        rounds = 0
        while True:
            wake = self.engine.next_wakeup()
            if wake is None or wake > until:
                break
            moment = max(wake, self.now)
            rounds = rounds + 1 if moment == self.now else 0
            if rounds > _MAX_ROUNDS_PER_INSTANT:
                self.warnings.append(f"the clock stalled at {moment.isoformat()}")
                break
            self.now = moment
            events += self._settle()
        self.now = max(self.now, until)
        events += self._settle()
        self.events.extend(events)
        return events

    def _settle(self) -> list[Event]:
        """Decide and send at the current moment until nothing more changes."""
        events = self.engine.tick(self.now)
        for _ in range(_MAX_SENDS_PER_INSTANT):
            due = self.engine.due(self.now)
            if not due:
                break
            # One at a time: each send is filed and re-planned before the next is looked at.
            events += self._send(due[0])
            events += self.engine.tick(self.now)
        return events

    def _send(self, draft: Draft) -> list[Event]:
        problems = self.engine.send_problems(draft, self.now)
        if problems:
            return [self.engine.hold(draft, problems, self.now)]
        message_id = compose.message_id_for(draft.id, self.user_email)
        raw = compose.build_message(
            from_name=self.user_name,
            from_email=self.user_email,
            to=draft.to,
            cc=draft.cc,
            subject=draft.subject,
            body=draft.body,
            message_id=message_id,
            date=self.now,
            in_reply_to=draft.in_reply_to,
            references=draft.references,
        )
        self.sent_mail.append(raw)
        events = [self.engine.mark_sent(draft, message_id, self.now)]
        events += self.engine.receive(parse_message(raw), self.now)
        return events


def run_scenario(
    scenario: Scenario, *, approve_all: bool = False, progress: OnProgress | None = None
) -> list[Event]:
    """Replay the scenario; returns the events in time order."""
    replayer = Replayer(
        scenario.settings,
        user_name=scenario.user_name,
        user_email=scenario.user_email,
        zone=scenario.zone,
        start=scenario.start,
        approve_all=approve_all,
        topics=scenario.topics,
    )
    total = len(scenario.mail)
    for done, (at, _name, msg) in enumerate(scenario.mail, 1):
        if at > scenario.end:
            break
        replayer.advance(at)
        replayer.deliver(msg)
        if progress is not None:
            progress(done, total)
    replayer.advance(scenario.end)
    if progress is not None:
        progress(total, total)
    scenario.warnings.extend(replayer.warnings)
    return replayer.events


# --- the readable timeline ------------------------------------------------------------


def render_timeline(scenario: Scenario, events: list[Event], *, approve_all: bool = False) -> str:
    zone = scenario.zone

    def when(value: str) -> str:
        return datetime.fromisoformat(value).astimezone(zone).strftime("%a %d %b %Y %H:%M")

    lines = [
        f"Replay of {scenario.directory.name}: {scenario.user_name} <{scenario.user_email}>, times in {zone.key}",
        f"from {when(scenario.start.isoformat())} to {when(scenario.end.isoformat())}",
        "every draft approved as soon as it is written"
        if approve_all
        else "nothing approved: drafts wait for you (only kinds you opted into go out)",
        "",
    ]
    counts = {"draft": 0, "sent": 0, "cancelled": 0, "held": 0}
    closed: list[str] = []
    for e in events:
        action = e["action"]
        at = when(e["at"])
        if action == "detected":
            who = "you" if e.get("from_user") else (e.get("from") or "?")
            filed = f" -> {e['application']}" if e.get("application") else ""
            lines.append(
                f"{at}  mail      {e['category']:<10}  {who}: {e.get('subject') or '(no subject)'}{filed}"
            )
        elif action == "draft":
            counts["draft"] += 1
            status = " [needs you: " + "; ".join(e["problems"]) + "]" if e.get("problems") else ""
            lines.append(
                f"{at}  draft     {e['kind']:<10}  to {', '.join(e['to']) or '(nobody)'}, "
                f"to send {when(e['send_at'])}  ({e['draft_id']}){status}"
            )
            lines.append(f"{'':19}Subject: {e['subject']}")
            for body_line in e["body"].rstrip().split("\n"):
                wrapped = textwrap.wrap(body_line, 78) or [""]
                lines.extend(f"{'':19}| {w}" for w in wrapped)
        elif action == "sent":
            counts["sent"] += 1
            lines.append(f"{at}  sent      {e.get('kind', ''):<10}  {e['draft_id']}")
        elif action == "cancelled":
            counts["cancelled"] += 1
            lines.append(f"{at}  cancelled {e.get('kind', ''):<10}  {e['draft_id']}: {e['reason']}")
        elif action == "held":
            counts["held"] += 1
            lines.append(f"{at}  held      {e.get('kind', ''):<10}  {e['draft_id']}: {e['reason']}")
        elif action == "closed":
            closed.append(f"{e['application']} ({e['reason']})")
            lines.append(f"{at}  closed    {e['reason']:<10}  {e['application']}")
    lines.append("")
    lines.append(
        f"{counts['draft']} drafts written, {counts['sent']} sent, {counts['cancelled']} cancelled"
        + (f", {counts['held']} held back" if counts["held"] else "")
        + "."
    )
    if closed:
        lines.append("Closed: " + ", ".join(closed) + ".")
    return "\n".join(lines)
