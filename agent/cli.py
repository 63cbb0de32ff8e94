"""The ``followup`` command line.

Subcommands import what they need when they run, so ``followup --help``
stays fast.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from agent import __version__


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="followup",
        description="Follows up after job interviews: thank-yous, check-ins and replies, "
        "drafted in your own mailbox for your approval.",
    )
    parser.add_argument("--version", action="version", version=f"followup {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser(
        "classify", help="read .eml files and print what the agent understands of each"
    )
    p.add_argument("--json", action="store_true", help="one JSON object per file, one per line")
    p.add_argument("paths", nargs="+", metavar="PATH", help="an RFC 5322 message file (.eml)")

    p = sub.add_parser(
        "replay", help="run the agent over a recorded mailbox with a simulated clock"
    )
    p.add_argument(
        "--approve-all", action="store_true", help="approve every draft as soon as it is queued"
    )
    p.add_argument("--json", action="store_true", help="JSON lines instead of a readable timeline")
    p.add_argument(
        "scenario", metavar="SCENARIO_DIR", help="a directory with scenario.toml and mail/"
    )

    p = sub.add_parser(
        "demo",
        help="replay a bundled example job search and show what the agent does",
        description="Replays two months of a made-up job search (bundled with followup) on a "
        "simulated clock and prints what the agent drafts, sends and cancels. Every draft is "
        "approved as soon as it is written, as if you had clicked approve each time.",
    )
    p.add_argument("--json", action="store_true", help="JSON lines instead of a readable timeline")
    p.add_argument(
        "--no-approve", action="store_true", help="approve nothing: show the drafts waiting for you"
    )
    return parser


def _classify(paths: Sequence[str], as_json: bool) -> int:
    from agent.mail.classify import classify
    from agent.mail.message import parse_message
    from agent.progress import Progress

    status = 0
    # A bar only when the results go elsewhere (a file, a pipe): on a terminal they show progress.
    bar = Progress("reading") if len(paths) > 1 and not sys.stdout.isatty() else None
    for done, path in enumerate(paths, 1):
        if bar is not None:
            bar.step(done - 1, len(paths))
        try:
            raw = Path(path).read_bytes()
        except OSError as exc:
            print(f"followup classify: {path}: cannot read: {exc.strerror or exc}", file=sys.stderr)
            status = 1
            continue
        if not raw.strip():
            print(f"followup classify: {path}: empty file, not a message", file=sys.stderr)
            status = 1
            continue
        reading = classify(parse_message(raw))
        obj = reading.contract(path)
        if as_json:
            print(json.dumps(obj, ensure_ascii=False))
        else:
            print(_describe(obj))
    if bar is not None:
        bar.close()
    return status


def _describe(obj: dict[str, object]) -> str:
    lines = [f"{obj['path']}: {obj['category']}"]
    for key in ("company", "role", "decision_by", "reply_to"):
        if obj.get(key):
            lines.append(f"  {key.replace('_', ' ')}: {obj[key]}")
    interview = obj.get("interview")
    if isinstance(interview, dict):
        lines.append(f"  interview: {interview['start']} to {interview['end'] or '?'}")
        if interview.get("location"):
            lines.append(f"  location: {interview['location']}")
    interviewers = obj.get("interviewers")
    if isinstance(interviewers, list):
        for person in interviewers:
            lines.append(
                f"  interviewer: {person.get('name') or ''} <{person.get('email') or '?'}>"
            )
    return "\n".join(lines)


def _replay(directory: str, approve_all: bool, as_json: bool) -> int:
    from agent.errors import ScenarioError
    from agent.progress import Progress
    from agent.replay import load_scenario, render_timeline, run_scenario

    try:
        with Progress("loading mail") as bar:
            scenario = load_scenario(Path(directory), progress=bar.step)
    except ScenarioError as exc:
        print(f"followup replay: {exc}", file=sys.stderr)
        return 2
    with Progress("replaying  ") as bar:
        events = run_scenario(scenario, approve_all=approve_all, progress=bar.step)
    if as_json:
        for event in events:
            print(json.dumps(event, ensure_ascii=False))
    else:
        print(render_timeline(scenario, events, approve_all=approve_all))
    for warning in scenario.warnings:
        print(f"followup replay: warning: {warning}", file=sys.stderr)
    return 0


def _demo(approve_all: bool, as_json: bool) -> int:
    from importlib.resources import as_file, files

    with as_file(files("agent") / "demo") as path:
        return _replay(str(path), approve_all, as_json)


def main(argv: Sequence[str] | None = None) -> int:
    parser = _build_parser()
    args = parser.parse_args(argv)
    if args.command == "classify":
        return _classify(args.paths, args.json)
    if args.command == "replay":
        return _replay(args.scenario, args.approve_all, args.json)
    if args.command == "demo":
        return _demo(not args.no_approve, args.json)
    parser.print_help()
    return 0
