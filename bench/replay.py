#!/usr/bin/env python3
"""A year of mail through ``followup replay``: load (parse) time, run time and peak memory.

    .venv/bin/python bench/replay.py                       # generate in a temporary directory
    .venv/bin/python bench/replay.py --out /tmp/year       # keep the scenario directory
    .venv/bin/python bench/replay.py --out /tmp/year --reuse   # time an existing directory again
    .venv/bin/python bench/replay.py --profile             # plus cProfile of a second load + run

Generates one user's year (2026-01-05 to 2026-12-31: 200 applications, 20,000 messages, see
``bench/mailgen.py``) as a scenario directory, in a child process so that the generator's
memory does not count. Then, in this process, times ``load_scenario(dir)`` (reading and
parsing every message) and ``run_scenario(scenario, approve_all=True)`` (classifying, filing,
planning, drafting and sending on the simulated clock), and prints what the agent did and
the peak resident set size from ``resource.getrusage``. Prints figures only: nothing here
asserts a timing.

The stated target is under 10 seconds for the whole replay (load + run).
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import os
import platform
import pstats
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from agent.replay import load_scenario, run_scenario  # noqa: E402

TARGET_SECONDS = 10.0
MAILGEN = Path(__file__).resolve().parent / "mailgen.py"


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def generate(out: Path, seed: int, applications: int, messages: int, quiet: bool = False) -> float:
    """Write the scenario with bench/mailgen.py in a child process; returns its wall seconds."""
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            str(MAILGEN),
            "--out",
            str(out),
            "--seed",
            str(seed),
            "--applications",
            str(applications),
            "--messages",
            str(messages),
            *(["--quiet"] if quiet else []),
        ],
        check=True,
    )
    return time.perf_counter() - start


def tally(events: list[dict[str, Any]]) -> dict[str, Any]:
    actions = Counter(e["action"] for e in events)
    detected = [e for e in events if e["action"] == "detected"]
    return {
        "events": len(events),
        "delivered": len(detected),
        "applications": len({e["application"] for e in detected if e.get("application")}),
        "categories": dict(Counter(e["category"] for e in detected)),
        "drafts": actions["draft"],
        "draft_kinds": dict(Counter(e["kind"] for e in events if e["action"] == "draft")),
        "sent": actions["sent"],
        "cancelled": actions["cancelled"],
        "cancel_reasons": dict(Counter(e["reason"] for e in events if e["action"] == "cancelled")),
        "closed": actions["closed"],
        "close_reasons": dict(Counter(e["reason"] for e in events if e["action"] == "closed")),
        "held": actions["held"],
    }


def fmt_counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1])) or "-"


def profile_replay(directory: Path, top: int, sort: str, dump: Path | None = None) -> str:
    profiler = cProfile.Profile()
    profiler.enable()
    scenario = load_scenario(directory)
    run_scenario(scenario, approve_all=True)
    profiler.disable()
    if dump is not None:
        profiler.dump_stats(dump)
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(sort).print_stats(top)
    return out.getvalue()


#: Functions timed by --breakdown: (module, attribute path, label). Times are inclusive (a
#: function's time contains the time of the functions it calls); a name the agent no longer
#: has is skipped.
BREAKDOWN = [
    ("agent.replay", "parse_message", "parse_message (load + re-parse of sent mail)"),
    ("email", "message_from_bytes", "  email.message_from_bytes (stdlib MIME parser)"),
    ("agent.mail.message", "_headers", "  _headers (decode every header)"),
    ("agent.mail.message", "_raw_to_str", "    _raw_to_str (surrogate scan per value)"),
    ("agent.mail.message", "html_to_text", "  html_to_text"),
    ("agent.mail.message", "fresh_part", "  fresh_part"),
    ("agent.replay", "Replayer.deliver", "Replayer.deliver (receive + settle)"),
    ("agent.core.engine", "Engine.receive", "  Engine.receive"),
    ("agent.core.engine", "classify", "    classify"),
    ("agent.mail.classify", "_gather", "      _gather (every lexicon over every sentence)"),
    ("agent.mail.classify", "sentences", "        sentences"),
    ("agent.mail.classify", "_any_sentence", "        _any_sentence"),
    ("agent.mail.classify", "parse_invites", "      parse_invites (icalendar)"),
    ("agent.mail.classify", "_hiring_reading", "      _hiring_reading"),
    ("agent.mail.classify", "find_company", "        find_company"),
    ("agent.mail.classify", "find_interview_time", "      find_interview_time"),
    ("agent.mail.classify", "find_decision_date", "      find_decision_date"),
    ("agent.core.engine", "Engine._known_contact", "    Engine._known_contact"),
    ("agent.core.engine", "Engine._file", "    Engine._file"),
    ("agent.replay", "Replayer.advance", "Replayer.advance (move the clock)"),
    ("agent.replay", "Replayer._settle", "Replayer._settle (in deliver and advance)"),
    ("agent.core.engine", "Engine.tick", "  Engine.tick"),
    ("agent.core.policy", "plan", "    policy.plan"),
    ("agent.core.engine", "Engine.due", "  Engine.due"),
    ("agent.replay", "Replayer._send", "  Replayer._send"),
    ("agent.core.engine", "Engine.next_wakeup", "Engine.next_wakeup"),
]


def instrument(undo: list[tuple[Any, str, Any]]) -> list[tuple[str, list[int]]]:
    """Wrap the BREAKDOWN functions with wall-clock counters; returns (label, [ns, calls]).

    Every replaced attribute is recorded in ``undo`` as (owner, name, original).
    """
    import functools
    import importlib

    stats: list[tuple[str, list[int]]] = []
    clock = time.perf_counter_ns
    for module_name, path, label in BREAKDOWN:
        try:
            owner: Any = importlib.import_module(module_name)
        except ImportError:
            continue
        *parents, name = path.split(".")
        for parent in parents:
            owner = getattr(owner, parent, None)
        fn = getattr(owner, name, None) if owner is not None else None
        if fn is None:
            continue
        stat = [0, 0]

        def make(fn: Any, stat: list[int]) -> Any:
            @functools.wraps(fn)
            def timed(*args: Any, **kwargs: Any) -> Any:
                t = clock()
                try:
                    return fn(*args, **kwargs)
                finally:
                    stat[0] += clock() - t
                    stat[1] += 1

            return timed

        undo.append((owner, name, fn))
        setattr(owner, name, make(fn, stat))
        stats.append((label, stat))
    return stats


def instrument_classify(undo: list[tuple[Any, str, Any]]) -> dict[str, list[int]]:
    """Time the engine's classify calls by the category they return ([ns, calls] per category)."""
    import agent.core.engine as engine

    by_category: dict[str, list[int]] = {}
    inner = engine.classify
    clock = time.perf_counter_ns

    def timed(*args: Any, **kwargs: Any) -> Any:
        t = clock()
        reading = inner(*args, **kwargs)
        key = reading.category + (" (bulk)" if getattr(reading, "bulk", False) else "")
        stat = by_category.setdefault(key, [0, 0])
        stat[0] += clock() - t
        stat[1] += 1
        return reading

    undo.append((engine, "classify", inner))
    engine.classify = timed  # type: ignore[assignment]
    return by_category


def breakdown(directory: Path) -> str:
    """One more load + run with timers around the main stages (no profiler overhead)."""
    undo: list[tuple[Any, str, Any]] = []
    try:
        stats = instrument(undo)
        by_category = instrument_classify(undo)
        t0 = time.perf_counter()
        scenario = load_scenario(directory)
        run_scenario(scenario, approve_all=True)
        total = time.perf_counter() - t0
    finally:
        for owner, name, original in reversed(undo):
            setattr(owner, name, original)
    lines = [f"{'stage (inclusive wall time)':<52} {'calls':>9} {'seconds':>9} {'share':>6}"]
    for label, (ns, calls) in stats:
        lines.append(f"{label:<52} {calls:>9,} {ns / 1e9:>9.2f} {ns / 1e9 / total:>6.0%}")
    lines.append(f"{'load + run (instrumented)':<52} {'':>9} {total:>9.2f} {1:>6.0%}")
    lines.append("classify by the category it returned:")
    for key, (ns, calls) in sorted(by_category.items(), key=lambda kv: -kv[1][0]):
        lines.append(
            f"  {key:<50} {calls:>9,} {ns / 1e9:>9.2f} {ns / 1e9 / total:>6.0%}"
            f"   {ns / 1e3 / max(calls, 1):,.0f} us/msg"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    parser.add_argument("--applications", type=int, default=200)
    parser.add_argument("--messages", type=int, default=20_000)
    parser.add_argument("--out", type=Path, help="write (and keep) the scenario directory here")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="with --out: time the scenario already there instead of generating it",
    )
    parser.add_argument(
        "--profile", action="store_true", help="also profile a second load + run with cProfile"
    )
    parser.add_argument("--top", type=int, default=25, help="functions to list with --profile")
    parser.add_argument(
        "--sort", default="cumulative", choices=("cumulative", "tottime"), help="cProfile order"
    )
    parser.add_argument(
        "--breakdown",
        action="store_true",
        help="also time a second load + run with wall-clock timers around the main stages",
    )
    parser.add_argument(
        "--profile-out", type=Path, help="with --profile: also save the raw stats (pstats format)"
    )
    parser.add_argument(
        "--cli",
        action="store_true",
        help="also time `followup replay --approve-all --json DIR` end to end in a child process",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON line")
    args = parser.parse_args(argv)
    if args.reuse and not args.out:
        parser.error("--reuse needs --out")

    temporary = args.out is None
    directory = Path(tempfile.mkdtemp(prefix="followup-bench-")) if temporary else args.out
    try:
        gen_s = None
        if not (args.reuse and (directory / "scenario.toml").exists()):
            gen_s = generate(directory, args.seed, args.applications, args.messages, args.json)
        files = len(list((directory / "mail").glob("*.eml")))
        size = sum(p.stat().st_size for p in (directory / "mail").glob("*.eml"))

        gc.collect()
        rss_before = peak_rss_mb()
        t0 = time.perf_counter()
        scenario = load_scenario(directory)
        t1 = time.perf_counter()
        rss_load = peak_rss_mb()
        events = run_scenario(scenario, approve_all=True)
        t2 = time.perf_counter()
        rss_run = peak_rss_mb()
        load_s, run_s = t1 - t0, t2 - t1
        fig = tally(events)
        fig.update(
            {
                "files": files,
                "bytes": size,
                "loaded": len(scenario.mail),
                "warnings": len(scenario.warnings),
                "generate_s": gen_s,
                "load_s": load_s,
                "run_s": run_s,
                "total_s": load_s + run_s,
                "rss_start_mb": rss_before,
                "rss_after_load_mb": rss_load,
                "rss_peak_mb": rss_run,
            }
        )
        cli_s = None
        if args.cli:
            exe = Path(sys.executable).with_name("followup")
            cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "agent"]
            c0 = time.perf_counter()
            subprocess.run(
                [*cmd, "replay", "--approve-all", "--json", str(directory)],
                check=True,
                stdout=subprocess.DEVNULL,
            )
            cli_s = time.perf_counter() - c0
            fig["cli_s"] = cli_s

        if args.json:
            print(json.dumps(fig))
        else:
            verdict = "meets" if load_s + run_s < TARGET_SECONDS else "MISSES"
            print(
                f"replay of {directory}{' (temporary)' if temporary else ''}: seed {args.seed}, "
                f"{files:,} files, {size / 1e6:.1f} MB"
            )
            print(
                f"python {platform.python_version()} on {platform.machine()}, "
                f"{os.cpu_count()} CPUs visible"
            )
            if gen_s is not None:
                print(f"generate       {gen_s:8.2f} s   (child process, not part of the replay)")
            print(f"load (parse)   {load_s:8.2f} s   {len(scenario.mail) / load_s:,.0f} msg/s")
            print(f"run            {run_s:8.2f} s   {fig['delivered'] / run_s:,.0f} msg/s")
            print(
                f"load + run     {load_s + run_s:8.2f} s   "
                f"(target under {TARGET_SECONDS:.0f} s for the whole replay: {verdict})"
            )
            if cli_s is not None:
                print(f"CLI end to end {cli_s:8.2f} s   (followup replay --approve-all --json)")
            print(
                f"peak RSS       {rss_run:8.1f} MB  (after imports {rss_before:.1f} MB, "
                f"after load {rss_load:.1f} MB)"
            )
            print(
                f"messages       {fig['loaded']:,} loaded, {fig['delivered']:,} delivered "
                f"(detected), {fig['warnings']} warnings"
            )
            print(f"  categories   {fmt_counts(fig['categories'])}")
            print(f"applications   {fig['applications']} detected")
            print(f"drafts         {fig['drafts']}   ({fmt_counts(fig['draft_kinds'])})")
            print(f"sent           {fig['sent']}")
            print(f"cancelled      {fig['cancelled']}   ({fmt_counts(fig['cancel_reasons'])})")
            print(f"closed         {fig['closed']}   ({fmt_counts(fig['close_reasons'])})")
            if fig["held"]:
                print(f"held           {fig['held']}")
            for warning in scenario.warnings[:5]:
                print(f"  warning: {warning}")

        if args.breakdown or args.profile:
            del scenario, events
            gc.collect()
        if args.breakdown:
            print("\nwhere the time goes (second load + run, wall-clock timers):")
            print(breakdown(directory))
            gc.collect()
        if args.profile:
            gc.collect()
            print(f"\ncProfile of a second load + run, top {args.top} by {args.sort} time:")
            print(profile_replay(directory, args.top, args.sort, args.profile_out))
    finally:
        if temporary:
            shutil.rmtree(directory, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
