"""Check the JSON lines of `followup replay --approve-all --json` against a scenario's expect.toml.

    results = check(scenario_dir, lines)          # -> [(check_name, ok, detail), ...]

`lines` is the list of JSON objects the replay printed (see `parse_json_lines`).  The checks are
the invariants of the product rules, as documented for expect.toml:

run                    exit status 0, JSON lines with `at` and `action`, in time order, inside
                       the simulated clock, every time with a UTC offset
detected               every expected inbound message has a `detected` line with an accepted
                       category
filing                 the messages of one application share one application id, different
                       applications get different ids, unrelated mail is filed under none
thank_you[a/i/who]     per interviewer: exactly one thank-you sent in [own session end, end + 1
                       business day]; none for cancelled interviews or `thank_you = "none"`;
                       none after the user thanked that person by hand
thank_you_recipients   every thank-you goes to exactly one expected person of its own
                       application, inside that person's window, at most once per interview
business_hours         the listed kinds are sent Monday-Friday inside business_hours (user zone)
check_in_count[a]      at most two check-ins between two hiring-side replies, and the exact or
                       bounded counts of check_ins_exact / check_ins_between
check_in_timing[a]     check_in_min_days of silence before each check-in, after any stated
                       decision date, never while an interview is pending
check_in_threading[a]  check-ins reply to the expected anchor message and are addressed to its
                       sender (unless that is a no-reply address)
closed[a]              the expected `closed` reason (or never rejection/offer when none expected)
after_end[a]           no thank-you or check-in drafted or sent at or after the end
no_noreply             no draft to a no-reply address, to the user, or to nobody
reply_threading        in_reply_to is a message present at drafting time, not an auto-reply, and
                       not superseded by a newer hiring-side message in the same thread
draft_lifecycle        every draft sent or cancelled (if due before the clock ends), never sent
                       early, never both sent and cancelled
no_crosstalk           (several applications) no draft addressed or threaded to another one

Standard library only.  Run as a script to check a saved output:
    python tests/replaycheck.py SCENARIO_DIR [OUTPUT.jsonl]   (default: stdin)
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import email.utils
import itertools
import json
import re
import sys
import tomllib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

Result = tuple[str, bool, str]

FOLLOW_UPS = ("thank_you", "check_in")
SLACK = dt.timedelta(minutes=1)
NOREPLY_RE = re.compile(
    r"(?:^|[._+-])(?:no-?reply|do-?not-?reply|donotreply|notifications?|mailer-daemon|postmaster"
    r"|bounces?)(?:[._+-]|$)",
    re.IGNORECASE,
)


# ============================================================================ helpers
def parse_json_lines(text: str) -> list[dict[str, Any]]:
    """The JSON objects of a replay's stdout, one per line; other lines are ignored."""
    out: list[dict[str, Any]] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line.startswith("{"):
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(obj, dict):
            out.append(obj)
    return out


def parse_time(value: Any) -> dt.datetime | None:
    if isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return dt.datetime.fromisoformat(
            value.strip().replace("Z", "+00:00").replace("z", "+00:00")
        )
    except ValueError:
        return None


def is_aware(t: dt.datetime | None) -> bool:
    return t is not None and t.tzinfo is not None and t.utcoffset() is not None


def add_business_days(t: dt.datetime, n: int, tz: dt.tzinfo) -> dt.datetime:
    """Same local wall-clock time, `n` weekdays later (in zone `tz`)."""
    local = t.astimezone(tz)
    day = local.date()
    while n > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return dt.datetime.combine(day, local.time().replace(tzinfo=None), tzinfo=tz)


def in_business_hours(t: dt.datetime, tz: dt.tzinfo, hours: Sequence[int]) -> bool:
    local = t.astimezone(tz)
    hms = (local.hour, local.minute, local.second)
    return local.weekday() < 5 and (hours[0], 0, 0) <= hms <= (hours[1], 0, 0)


def show(t: dt.datetime | None, tz: dt.tzinfo | None = None) -> str:
    if t is None:
        return "-"
    return (t.astimezone(tz) if tz else t).strftime("%a %Y-%m-%d %H:%M %z")


def address(value: Any) -> str | None:
    """The bare lower-case address of 'Name <a@b>', 'a@b' or {"email": ...}."""
    if isinstance(value, dict):
        value = value.get("email") or value.get("address")
    if value is None:
        return None
    text = str(value).strip()
    _, addr = email.utils.parseaddr(text)
    addr = (addr or text).strip().strip("<>").lower()
    return addr or None


def addresses(value: Any) -> list[str]:
    if value is None:
        return []
    items: Iterable[Any] = value.split(",") if isinstance(value, str) else value
    return [a for a in (address(x) for x in items) if a]


def is_noreply(addr: str | None, extra: Iterable[str] = ()) -> bool:
    if not addr:
        return False
    addr = addr.lower()
    if addr in {x.lower() for x in extra}:
        return True
    return bool(NOREPLY_RE.search(addr.split("@", 1)[0]))


# ============================================================================ the scenario
@dataclass
class Mail:
    date: dt.datetime
    sender: str | None
    refs: list[str]


@dataclass
class Interview:
    id: str
    announced_at: dt.datetime
    start: dt.datetime
    end: dt.datetime
    cancelled_at: dt.datetime | None
    interviewers: list[str]
    optional: list[str]
    thank_you: str
    sessions: dict[str, dt.datetime]
    manual: dict[str, dt.datetime]


@dataclass
class Application:
    key: str
    closed: str
    terminal_at: dt.datetime | None
    messages: list[str]
    people: set[str]
    decision_by: list[tuple[dt.datetime, dt.date]]
    check_ins_exact: list[tuple[str, int]]
    check_ins_between: list[tuple[str, str, int, int]]
    interviews: list[Interview]
    anchors: list[tuple[dt.datetime, list[str]]]


@dataclass
class Message:
    id: str
    at: dt.datetime
    categories: list[str]
    application: str
    required: bool
    hiring: bool


@dataclass
class Scenario:
    dir: Path
    user: str
    tz: dt.tzinfo
    start: dt.datetime
    end: dt.datetime
    min_days: float
    hours: list[int]
    hours_kinds: set[str]
    noreply: list[str]
    auto_ids: set[str]
    apps: list[Application]
    msgs: dict[str, Message]
    mail: dict[str, Mail]
    thread: dict[str, str]
    raw_expect: dict[str, Any] = field(default_factory=dict)
    raw_scenario: dict[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.dir.name


def _t(value: Any) -> dt.datetime:
    t = parse_time(value)
    if t is None or not is_aware(t):
        raise ValueError(f"expect.toml: not an RFC 3339 time with offset: {value!r}")
    return t


def load_scenario(directory: Path | str) -> Scenario:
    d = Path(directory)
    sc = tomllib.loads((d / "scenario.toml").read_text(encoding="utf-8"))
    ex = tomllib.loads((d / "expect.toml").read_text(encoding="utf-8"))
    conf = ex.get("scenario", {})
    apps: list[Application] = []
    for a in ex.get("application", []):
        interviews = [
            Interview(
                id=str(iv["id"]),
                announced_at=_t(iv["announced_at"]),
                start=_t(iv["start"]),
                end=_t(iv["end"]),
                cancelled_at=_t(iv["cancelled_at"]) if iv.get("cancelled_at") else None,
                interviewers=[x.lower() for x in iv.get("interviewers", [])],
                optional=[x.lower() for x in iv.get("optional", [])],
                thank_you=iv.get("thank_you", "each"),
                sessions={x["email"].lower(): _t(x["end"]) for x in iv.get("sessions", [])},
                manual={x["email"].lower(): _t(x["at"]) for x in iv.get("manual", [])},
            )
            for iv in a.get("interview", [])
        ]
        apps.append(
            Application(
                key=a["key"],
                closed=a.get("closed", ""),
                terminal_at=_t(a["terminal_at"]) if a.get("terminal_at") else None,
                messages=list(a.get("messages", [])),
                people={p.lower() for p in a.get("people", [])},
                decision_by=sorted(
                    (_t(x["set_at"]), dt.date.fromisoformat(x["date"]))
                    for x in a.get("decision_by", [])
                ),
                check_ins_exact=[
                    (x["after"], int(x["count"])) for x in a.get("check_ins_exact", [])
                ],
                check_ins_between=[
                    (x["after"], x["before"], int(x.get("min", 0)), int(x.get("max", 2)))
                    for x in a.get("check_ins_between", [])
                ],
                interviews=interviews,
                anchors=sorted(
                    ((_t(x["from"]), list(x["message_id"])) for x in a.get("reply_anchor", [])),
                    key=lambda x: x[0],
                ),
            )
        )
    msgs = {
        m["id"]: Message(
            id=m["id"],
            at=_t(m["at"]),
            categories=list(m["category"]),
            application=m.get("application", ""),
            required=bool(m.get("required", True)),
            hiring=bool(m.get("hiring", False)),
        )
        for m in ex.get("message", [])
    }
    # the recorded mailbox: dates, senders and threads (union-find over References/In-Reply-To)
    mail: dict[str, Mail] = {}
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for f in sorted((d / "mail").glob("*.eml")):
        msg = email.message_from_bytes(f.read_bytes(), policy=email.policy.default)
        mid = str(msg["Message-ID"] or "").strip()
        refs = str(msg["References"] or "").split()
        if msg["In-Reply-To"]:
            refs.append(str(msg["In-Reply-To"]).strip())
        mail[mid] = Mail(msg["Date"].datetime, address(str(msg["From"] or "")), refs)
        for r in refs:
            parent[root(r)] = root(mid)
    thread = {m: root(m) for m in mail}
    return Scenario(
        dir=d,
        user=sc["user"]["email"].lower(),
        tz=ZoneInfo(sc["user"].get("timezone", "UTC")),
        start=_t(sc["clock"]["start"]),
        end=_t(sc["clock"]["end"]),
        min_days=float(conf.get("check_in_min_days", 4)),
        hours=list(conf.get("business_hours", [8, 18])),
        hours_kinds=set(conf.get("business_hours_kinds", list(FOLLOW_UPS))),
        noreply=[x.lower() for x in conf.get("noreply_addresses", [])],
        auto_ids=set(conf.get("auto_reply_ids", [])),
        apps=apps,
        msgs=msgs,
        mail=mail,
        thread=thread,
        raw_expect=ex,
        raw_scenario=sc,
    )


def planned_checks(s: Scenario) -> list[str]:
    """Every check name `check` produces for this scenario, in order."""
    names = ["run", "detected", "filing"]
    for a in s.apps:
        for iv in a.interviews:
            names += [thank_you_name(a.key, iv.id, em) for em in iv.interviewers]
    names += ["thank_you_recipients", "business_hours"]
    for a in s.apps:
        names += [
            f"{c}[{a.key}]"
            for c in (
                "check_in_count",
                "check_in_timing",
                "check_in_threading",
                "closed",
                "after_end",
            )
        ]
    names += ["no_noreply", "reply_threading", "draft_lifecycle"]
    if len(s.apps) > 1:
        names.append("no_crosstalk")
    return names


def thank_you_name(app: str, interview: str, em: str) -> str:
    return f"thank_you[{app}/{interview}/{em.split('@')[0]}]"


# ============================================================================ the output
@dataclass
class Draft:
    id: str
    kind: str | None
    application: str | None  # the agent's application id, as a string
    at: dt.datetime
    send_at: dt.datetime
    to: list[str]
    cc: list[str]
    in_reply_to: str | None
    references: list[str]
    app: str | None = None  # the expect.toml application key it belongs to
    sent_at: dt.datetime | None = None
    cancelled_at: dt.datetime | None = None


@dataclass
class Output:
    drafts: dict[str, Draft]
    sent: dict[str, dt.datetime | None]
    sent_ids: dict[str, dt.datetime | None]
    cancelled: dict[str, dt.datetime | None]
    detected: dict[str, tuple[str | None, str | None]]  # message id -> (category, application)
    closed: list[tuple[dt.datetime | None, str | None, str | None]]  # (at, application, reason)


def index_output(lines: list[dict[str, Any]], tz: dt.tzinfo) -> Output:
    def t(value: Any) -> dt.datetime | None:
        x = parse_time(value)
        if x is not None and not is_aware(x):
            x = x.replace(tzinfo=tz)
        return x

    out = Output({}, {}, {}, {}, {}, [])
    for line in lines:
        action = line.get("action")
        at = t(line.get("at"))
        if action == "draft" and at is not None:
            irt = line.get("in_reply_to")
            d = Draft(
                id=str(line.get("draft_id")),
                kind=line.get("kind"),
                application=None if line.get("application") is None else str(line["application"]),
                at=at,
                send_at=t(line.get("send_at")) or at,
                to=addresses(line.get("to")),
                cc=addresses(line.get("cc")),
                in_reply_to=str(irt).strip() if irt else None,
                references=[str(r).strip() for r in (line.get("references") or [])],
            )
            out.drafts[d.id] = d
        elif action == "sent":
            out.sent[str(line.get("draft_id"))] = at
            if line.get("message_id"):
                out.sent_ids[str(line["message_id"]).strip()] = at
        elif action == "cancelled":
            out.cancelled[str(line.get("draft_id"))] = at
        elif action == "detected":
            mid = str(line.get("message_id", "")).strip()
            app = line.get("application")
            out.detected.setdefault(mid, (line.get("category"), None if app is None else str(app)))
        elif action == "closed":
            app = line.get("application")
            out.closed.append((at, None if app is None else str(app), line.get("reason")))
    for did, d in out.drafts.items():
        d.sent_at = out.sent.get(did)
        d.cancelled_at = out.cancelled.get(did)
    return out


# ============================================================================ the checks
class _Checker:
    def __init__(self, s: Scenario, lines: list[dict[str, Any]], returncode: int, stderr: str):
        self.s = s
        self.lines = lines
        self.returncode = returncode
        self.stderr = stderr
        self.results: list[Result] = []
        self.out = index_output(lines, s.tz)
        self.app_of_id: dict[str, str] = {}  # agent application id -> expected key
        self.app_msgs: dict[str, set[str]] = {
            a.key: set(a.messages) | {m.id for m in s.msgs.values() if m.application == a.key}
            for a in s.apps
        }

    def add(self, name: str, problems: list[str], ok_detail: str, limit: int = 4) -> None:
        self.results.append((name, not problems, "; ".join(problems[:limit]) or ok_detail))

    # ---------------------------------------------------------------- run
    def run(self) -> bool:
        s, lines = self.s, self.lines
        problems = []
        if self.returncode != 0:
            tail = (self.stderr.strip().splitlines() or [""])[-1][:200]
            problems.append(f"exit status {self.returncode}" + (f": {tail}" if tail else ""))
        if not lines:
            problems.append("no JSON lines")
        times: list[dt.datetime] = []
        bad = naive = 0
        for line in lines:
            t = parse_time(line.get("at"))
            if "action" not in line or t is None:
                bad += 1
            elif not is_aware(t):
                naive += 1
            else:
                times.append(t)
        if bad:
            problems.append(f"{bad} line(s) without a valid at/action")
        if naive:
            problems.append(f"{naive} time(s) without a UTC offset")
        if any(b < a for a, b in itertools.pairwise(times)):
            problems.append("lines not in time order")
        outside = [t for t in times if not s.start <= t <= s.end]
        if outside:
            problems.append(f"{len(outside)} line(s) outside the clock, first {show(outside[0])}")
        self.add("run", problems, f"{len(lines)} JSON lines")
        return self.returncode == 0 and bool(lines)

    # ---------------------------------------------------------------- detected / filing
    def detected(self) -> None:
        problems = []
        for mid, m in self.s.msgs.items():
            det = self.out.detected.get(mid)
            if det is None:
                if m.required and "other" not in m.categories:
                    problems.append(f"{mid} not detected")
            elif det[0] not in m.categories:
                problems.append(f"{mid} detected as {det[0]}, expected {'/'.join(m.categories)}")
        self.add("detected", problems, f"{len(self.s.msgs)} message(s) ok")

    def filing(self) -> None:
        problems = []
        det = self.out.detected
        for a in self.s.apps:
            ids = [det[m][1] for m in a.messages if m in det]
            missing = len(a.messages) - len(ids)
            if missing:
                problems.append(f"{a.key}: {missing} message(s) not detected")
            filed = [i for i in ids if i is not None]
            if len(filed) < len(ids):
                problems.append(f"{a.key}: {len(ids) - len(filed)} message(s) filed under none")
            if len(set(filed)) > 1:
                problems.append(f"{a.key}: split over applications {sorted(set(filed))}")
            if filed:
                main = Counter(filed).most_common(1)[0][0]
                other = self.app_of_id.get(main)
                if other is not None and other != a.key:
                    problems.append(f"{a.key} and {other} share application id {main}")
                self.app_of_id.setdefault(main, a.key)
        for mid, m in self.s.msgs.items():
            if mid not in det or det[mid][1] is None:
                continue
            got = self.app_of_id.get(str(det[mid][1]))
            if m.application == "":
                problems.append(f"{mid} ({'/'.join(m.categories)}) filed under an application")
            elif got is not None and got != m.application:
                problems.append(f"{mid} filed under {got}, expected {m.application}")
        self.add("filing", problems, "one application id per expected application")

    # ---------------------------------------------------------------- attribution
    def attribute(self) -> None:
        s, app_msgs = self.s, self.app_msgs
        for d in self.out.drafts.values():
            key = self.app_of_id.get(d.application) if d.application is not None else None
            if key is None and d.in_reply_to:
                key = next((a.key for a in s.apps if d.in_reply_to in app_msgs[a.key]), None)
            if key is None:
                hits = {a.key for a in s.apps for x in d.to if x in a.people}
                if len(hits) == 1:
                    key = hits.pop()
                elif not hits and len(s.apps) == 1:
                    key = s.apps[0].key
            d.app = key

    def effective(self, kind: str) -> list[Draft]:
        """Sent drafts of one kind, by send time."""
        return sorted(
            (d for d in self.out.drafts.values() if d.kind == kind and d.sent_at is not None),
            key=lambda d: d.send_at,
        )

    # ---------------------------------------------------------------- thank-yous
    def thank_yous(self) -> None:
        s, tz = self.s, self.s.tz
        tys = self.effective("thank_you")
        # where a thank-you to someone is legitimate: (app, email, earliest, latest)
        windows: list[tuple[str, str, dt.datetime, dt.datetime]] = []
        for a in s.apps:
            for iv in a.interviews:
                latest = add_business_days(iv.end, 1, tz) + SLACK
                if iv.thank_you == "each" and iv.cancelled_at is None:
                    for em in iv.interviewers + iv.optional:
                        windows.append((a.key, em, iv.sessions.get(em, iv.end), latest))
                for em in iv.interviewers:
                    name = thank_you_name(a.key, iv.id, em)
                    lo = iv.sessions.get(em, iv.end)
                    to_em = [d for d in tys if em in d.to]
                    inside = [d for d in to_em if lo <= d.send_at <= latest]
                    if iv.thank_you == "none" or iv.cancelled_at is not None:
                        lo2 = iv.start if iv.cancelled_at is not None else lo
                        bad = [d for d in to_em if lo2 <= d.send_at <= latest]
                        detail = f"{len(bad)} sent, expected none"
                        if bad:
                            detail += f"; first at {show(bad[0].send_at, tz)}"
                        self.results.append((name, not bad, detail))
                    elif em in iv.manual:
                        after = [d for d in to_em if d.send_at > iv.manual[em]]
                        ok = not after and len(inside) <= 1
                        self.results.append(
                            (
                                name,
                                ok,
                                f"thanked by the user at {show(iv.manual[em], tz)}; "
                                f"{len(after)} agent thank-you(s) after that, "
                                f"{len(inside)} in window",
                            )
                        )
                    else:
                        detail = (
                            f"{len(inside)} sent in [{show(lo, tz)} .. {show(latest - SLACK, tz)}]"
                        )
                        outside = [show(d.send_at, tz) for d in to_em if d not in inside]
                        if outside:
                            detail += "; outside the window: " + ", ".join(outside)
                        self.results.append((name, len(inside) == 1, detail))

        problems = []
        people = {a.key: a.people for a in s.apps}
        for d in tys:
            if d.app is None:
                problems.append(f"thank-you {d.id}: cannot tell which application it is for")
                continue
            if not d.to:
                problems.append(f"thank-you {d.id}: empty to")
                continue
            outsiders = [x for x in d.to + d.cc if x not in people[d.app]]
            if outsiders:
                problems.append(f"thank-you {d.id} to {outsiders}, outside {d.app}'s hiring team")
            targets = [x for x in d.to if any(w[0] == d.app and w[1] == x for w in windows)]
            if len(targets) != 1:
                problems.append(f"thank-you {d.id} to {d.to}: not exactly one person to thank")
            for x in d.to:
                fits = any(
                    w[0] == d.app and w[1] == x and w[2] <= d.send_at <= w[3] for w in windows
                )
                if not fits and x in people[d.app]:
                    problems.append(
                        f"thank-you to {x} at {show(d.send_at, tz)} outside every interview window"
                    )
        per_window: Counter[tuple[str | None, str, dt.datetime]] = Counter()
        for d in tys:
            for x in d.to:
                starts = [w[2] for w in windows if w[1] == x and w[2] <= d.send_at <= w[3]]
                if starts:
                    per_window[(d.app, x, min(starts))] += 1
        for (_, x, _), n in per_window.items():
            if n > 1:
                problems.append(f"{n} thank-yous to {x} for the same interview")
        self.add("thank_you_recipients", problems, f"{len(tys)} thank-you(s) ok")

    # ---------------------------------------------------------------- business hours
    def business_hours(self) -> None:
        s = self.s
        sends = [
            d for d in self.out.drafts.values() if d.sent_at is not None and d.kind in s.hours_kinds
        ]
        problems = [
            f"{d.kind} at {show(d.send_at, s.tz)}"
            for d in sorted(sends, key=lambda d: d.send_at)
            if not in_business_hours(d.send_at, s.tz, s.hours)
        ]
        self.add(
            "business_hours",
            problems,
            f"all {len(sends)} send(s) Mon-Fri {s.hours[0]:02d}:00-{s.hours[1]:02d}:00",
        )

    # ---------------------------------------------------------------- per application
    def message_time(self, mid: str) -> dt.datetime:
        if mid in self.s.msgs:
            return self.s.msgs[mid].at
        return self.s.mail[mid].date

    def per_application(self, a: Application) -> None:
        s, tz = self.s, self.s.tz
        mine = [d for d in self.effective("check_in") if d.app == a.key]
        replies = sorted(m.at for m in s.msgs.values() if m.application == a.key and m.hiring)

        # counts
        problems = []
        lo = s.start
        for hi in [*replies, s.end + dt.timedelta(days=1)]:
            n = sum(1 for d in mine if lo < d.send_at <= hi)
            if n > 2:
                problems.append(f"{n} check-ins between {show(lo, tz)} and {show(hi, tz)}")
            lo = hi
        for after, count in a.check_ins_exact:
            t0 = self.message_time(after)
            n = sum(1 for d in mine if d.send_at > t0)
            if n != count:
                problems.append(f"{n} check-in(s) after {show(t0, tz)}, expected exactly {count}")
        for after, before, least, most in a.check_ins_between:
            t0, t1 = self.message_time(after), self.message_time(before)
            n = sum(1 for d in mine if t0 < d.send_at < t1)
            if not least <= n <= most:
                problems.append(
                    f"{n} check-in(s) between {show(t0, tz)} and {show(t1, tz)}, "
                    f"expected {least}..{most}"
                )
        self.add(f"check_in_count[{a.key}]", problems, f"{len(mine)} check-in(s) sent")

        # timing
        problems = []
        ends = [iv.end for iv in a.interviews if iv.cancelled_at is None]
        pending = [(iv.announced_at, iv.cancelled_at or iv.end) for iv in a.interviews]
        previous: dt.datetime | None = None
        for d in mine:
            t = d.send_at
            base = [x for x in replies + ends if x <= t] + ([previous] if previous else [])
            if base and t < max(base) + dt.timedelta(days=s.min_days):
                gap = (t - max(base)).total_seconds() / 86400
                problems.append(
                    f"check-in at {show(t, tz)} only {gap:.1f} days after {show(max(base), tz)}"
                )
            stated = [date for set_at, date in a.decision_by if set_at <= t]
            if stated and t.astimezone(tz).date() <= stated[-1]:
                problems.append(
                    f"check-in at {show(t, tz)} not after the stated date {stated[-1].isoformat()}"
                )
            for p0, p1 in pending:
                if p0 <= t <= p1:
                    problems.append(
                        f"check-in at {show(t, tz)} while an interview is pending "
                        f"(until {show(p1, tz)})"
                    )
            previous = t
        self.add(f"check_in_timing[{a.key}]", problems, "ok", limit=3)

        # threading
        problems = []
        for d in mine:
            usable = [ids for since, ids in a.anchors if since <= d.at]
            want = usable[-1] if usable else []
            when = show(d.send_at, tz)
            if not d.in_reply_to:
                problems.append(f"check-in at {when} has no in_reply_to (expected {want})")
                continue
            if want and d.in_reply_to not in want:
                problems.append(f"check-in at {when} replies to {d.in_reply_to}, expected {want}")
            if d.references and d.in_reply_to not in d.references:
                problems.append(f"check-in at {when}: references lack its in_reply_to")
            parent = s.mail.get(d.in_reply_to)
            sender = parent.sender if parent else None
            if sender and sender not in d.to and not is_noreply(sender, s.noreply):
                problems.append(f"check-in at {when} not addressed to {sender}")
        self.add(f"check_in_threading[{a.key}]", problems, f"{len(mine)} check-in(s) ok", limit=3)

        # closed
        closings = [
            c
            for c in self.out.closed
            if (c[1] is not None and self.app_of_id.get(c[1]) == a.key)
            or (len(s.apps) == 1 and (c[1] is None or c[1] not in self.app_of_id))
        ]
        reasons = [str(c[2]) for c in closings]
        if a.closed:
            ok = a.closed in reasons and all(r == a.closed for r in reasons)
        else:
            ok = not any(r in ("rejection", "offer") for r in reasons)
        self.results.append(
            (
                f"closed[{a.key}]",
                ok,
                f"closed reasons {reasons or 'none'}, expected {a.closed or 'not rejection/offer'}",
            )
        )

        # nothing after the end (gracious replies, acknowledgements, heads-ups may follow it)
        problems = []
        ends_at = [a.terminal_at] if a.terminal_at else []
        ends_at += [c[0] for c in closings if c[0] is not None]
        if ends_at:
            t_end = min(ends_at)
            for d in self.out.drafts.values():
                if d.app != a.key or d.kind not in FOLLOW_UPS:
                    continue
                if d.at >= t_end:
                    problems.append(
                        f"{d.kind} drafted at {show(d.at, tz)}, after {show(t_end, tz)}"
                    )
                if d.sent_at is not None and d.sent_at >= t_end:
                    problems.append(
                        f"{d.kind} sent at {show(d.sent_at, tz)}, after {show(t_end, tz)}"
                    )
        self.add(
            f"after_end[{a.key}]",
            problems,
            f"nothing after {show(min(ends_at), tz)}" if ends_at else "still open",
            limit=3,
        )

    # ---------------------------------------------------------------- global checks
    def no_noreply(self) -> None:
        problems = []
        for d in self.out.drafts.values():
            if not d.to:
                problems.append(f"{d.kind} {d.id}: empty to")
            for x in d.to + d.cc:
                if is_noreply(x, self.s.noreply):
                    problems.append(f"{d.kind} {d.id} addressed to no-reply {x}")
                if x == self.s.user:
                    problems.append(f"{d.kind} {d.id} addressed to the user")
        self.add("no_noreply", problems, f"{len(self.out.drafts)} draft(s) ok")

    def reply_threading(self) -> None:
        s = self.s
        problems = []
        for d in self.out.drafts.values():
            r = d.in_reply_to
            if not r:
                continue
            if r in s.auto_ids:
                problems.append(f"{d.kind} {d.id} replies to the auto-reply {r}")
                continue
            sent_at = self.out.sent_ids.get(r)
            known = (r in s.mail and s.mail[r].date <= d.at) or (
                r in self.out.sent_ids and sent_at is not None and sent_at <= d.at
            )
            if not known:
                problems.append(
                    f"{d.kind} {d.id} replies to {r}, not in the mailbox at {show(d.at, s.tz)}"
                )
                continue
            if r in s.mail and r in s.msgs and s.msgs[r].hiring:
                newer = [
                    m.id
                    for m in s.msgs.values()
                    if m.hiring
                    and m.id != r
                    and m.id not in s.auto_ids
                    and s.thread.get(m.id) == s.thread.get(r)
                    and s.mail[r].date < m.at <= d.at
                ]
                if newer:
                    problems.append(f"{d.kind} {d.id} replies to {r} but {newer[0]} is newer")
        self.add("reply_threading", problems, "ok", limit=3)

    def lifecycle(self) -> None:
        s = self.s
        problems = []
        for d in self.out.drafts.values():
            if d.sent_at is not None and d.id in self.out.cancelled:
                if d.cancelled_at is not None and d.cancelled_at >= d.sent_at:
                    problems.append(f"draft {d.id} cancelled after it was sent")
                else:
                    problems.append(f"draft {d.id} sent after it was cancelled")
            elif d.sent_at is None and d.id not in self.out.cancelled and d.send_at < s.end:
                problems.append(
                    f"draft {d.id} ({d.kind}, send_at {show(d.send_at, s.tz)}) "
                    "neither sent nor cancelled"
                )
            if d.sent_at is not None and d.sent_at + SLACK < d.send_at:
                problems.append(f"draft {d.id} sent before its send_at")
        for did in [*self.out.sent, *self.out.cancelled]:
            if did not in self.out.drafts:
                problems.append(f"sent/cancelled line for unknown draft {did}")
        self.add(
            "draft_lifecycle",
            problems,
            f"{len(self.out.drafts)} draft(s), {len(self.out.sent)} sent, "
            f"{len(self.out.cancelled)} cancelled",
            limit=3,
        )

    def crosstalk(self) -> None:
        s = self.s
        problems = []
        people = {a.key: a.people for a in s.apps}
        for d in self.out.drafts.values():
            if d.app is None:
                problems.append(f"draft {d.id} to {d.to}: application unknown")
                continue
            for x in d.to + d.cc:
                for a in s.apps:
                    if a.key != d.app and x in a.people and x not in people[d.app]:
                        problems.append(f"{d.app} draft {d.id} addressed to {x} of {a.key}")
            if d.in_reply_to and any(
                d.in_reply_to in self.app_msgs[a.key] for a in s.apps if a.key != d.app
            ):
                problems.append(f"{d.app} draft {d.id} threaded onto another application's mail")
        self.add("no_crosstalk", problems, "ok", limit=3)


def check(
    scenario: Scenario | Path | str,
    lines: list[dict[str, Any]],
    returncode: int = 0,
    stderr: str = "",
) -> list[Result]:
    """All checks for one scenario: a list of (check_name, ok, detail)."""
    s = scenario if isinstance(scenario, Scenario) else load_scenario(scenario)
    c = _Checker(s, lines, returncode, stderr)
    ran = c.run()
    if not ran:
        return c.results + [
            (n, False, "not evaluated: the replay did not run") for n in planned_checks(s)[1:]
        ]
    c.detected()
    c.filing()
    c.attribute()
    c.thank_yous()
    c.business_hours()
    for a in s.apps:
        c.per_application(a)
    c.no_noreply()
    c.reply_threading()
    c.lifecycle()
    if len(s.apps) > 1:
        c.crosstalk()
    produced = {n for n, _, _ in c.results}
    for n in planned_checks(s):
        if n not in produced:  # cannot happen unless expect.toml is odd; count it as failed
            c.results.append((n, False, "not evaluated"))
    return c.results


def failures(results: list[Result]) -> list[Result]:
    return [r for r in results if not r[1]]


def format_results(results: list[Result]) -> str:
    width = max((len(n) for n, _, _ in results), default=0)
    return "\n".join(
        f"{n:<{width}}  {'PASS' if ok else 'FAIL'}  {detail}" for n, ok, detail in results
    )


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] in ("-h", "--help"):
        print(__doc__)
        return 0 if args else 2
    text = Path(args[1]).read_text(encoding="utf-8") if len(args) > 1 else sys.stdin.read()
    results = check(args[0], parse_json_lines(text))
    print(format_results(results))
    bad = failures(results)
    print(f"{len(results) - len(bad)}/{len(results)} checks passed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
