#!/usr/bin/env python3
"""Throughput of parse + classify on one core: the project's own fixtures, repeated.

    .venv/bin/python bench/classify.py                 # 10,000 messages
    .venv/bin/python bench/classify.py --n 50000
    .venv/bin/python bench/classify.py --profile       # plus the top functions from cProfile

Reads every ``tests/fixtures/messages/*.eml`` and ``tests/fixtures/scenarios/*/mail/*.eml``
into memory once (file reading is not timed), runs one warm-up pass over all of them, then
parses and classifies N messages (the fixtures in turn, repeated until N), timing each
message with ``time.perf_counter_ns``. The process is pinned to one CPU when the platform
allows it. Prints figures only: nothing here asserts a timing.

The stated target is 2,000 messages per second on one core.
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
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from agent.mail.classify import classify  # noqa: E402
from agent.mail.message import parse_message  # noqa: E402

TARGET_PER_SECOND = 2_000
FIXTURE_GLOBS = ("tests/fixtures/messages/*.eml", "tests/fixtures/scenarios/*/mail/*.eml")


def fixtures(root: Path) -> list[tuple[str, bytes]]:
    """(path relative to the repository, bytes) for every fixture message, in a stable order."""
    paths = sorted({p for pattern in FIXTURE_GLOBS for p in root.glob(pattern)})
    return [(str(p.relative_to(root)), p.read_bytes()) for p in paths]


def pin_to_one_cpu() -> str:
    """Pin this process to one CPU if the OS lets us; returns a note for the report."""
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity on this platform)"
    try:
        cpus = sorted(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpus[-1]})
    except OSError as exc:
        return f"not pinned ({exc})"
    return f"pinned to CPU {cpus[-1]} of {len(cpus)}"


def percentile(sorted_values: list[int], q: float) -> int:
    """Nearest-rank percentile of an already sorted list."""
    if not sorted_values:
        return 0
    rank = max(1, round(q / 100 * len(sorted_values)))
    return sorted_values[min(rank, len(sorted_values)) - 1]


_BOUNDARY = re.compile(rb'boundary\s*=\s*"?([^";\s]+)"?', re.IGNORECASE)


def with_fresh_boundaries(corpus: list[tuple[str, bytes]], n: int) -> list[bytes]:
    """The ``n`` messages to time, each repetition's MIME boundaries renamed.

    The standard library's MIME parser compiles one regular expression per boundary and
    ``re`` caches only 512 of them, so repeating 130 fixtures verbatim keeps every boundary
    pattern cached, which real mail (a fresh boundary in every message) never does.
    """
    out = []
    for i in range(n):
        raw = corpus[i % len(corpus)][1]
        rep = i // len(corpus)
        if rep:
            for token in set(_BOUNDARY.findall(raw)):
                raw = raw.replace(token, token + b"_r%d" % rep)
        out.append(raw)
    return out


def run(
    corpus: list[tuple[str, bytes]], n: int, messages: list[bytes] | None = None
) -> dict[str, object]:
    """Parse and classify ``n`` messages (``messages``, else the corpus in turn); the figures."""
    count = len(corpus)
    parse_ns = [0] * n
    classify_ns = [0] * n
    per_file: list[list[int]] = [[] for _ in corpus]
    clock = time.perf_counter_ns
    wall_start = clock()
    for i in range(n):
        k = i % count
        raw = messages[i] if messages is not None else corpus[k][1]
        t0 = clock()
        msg = parse_message(raw)
        t1 = clock()
        classify(msg)
        t2 = clock()
        parse_ns[i] = t1 - t0
        classify_ns[i] = t2 - t1
        per_file[k].append(t2 - t0)
    wall_ns = clock() - wall_start
    totals = sorted(p + c for p, c in zip(parse_ns, classify_ns, strict=True))
    parse_total, classify_total = sum(parse_ns), sum(classify_ns)
    slowest = sorted(
        (
            (statistics.median(times), corpus[k][0], len(corpus[k][1]))
            for k, times in enumerate(per_file)
            if times
        ),
        reverse=True,
    )[:5]
    return {
        "n": n,
        "fixtures": count,
        "wall_s": wall_ns / 1e9,
        "msg_per_s": n / (wall_ns / 1e9),
        "median_us": statistics.median(totals) / 1e3,
        "p99_us": percentile(totals, 99) / 1e3,
        "max_us": totals[-1] / 1e3,
        "parse_s": parse_total / 1e9,
        "classify_s": classify_total / 1e9,
        "parse_share": parse_total / (parse_total + classify_total),
        "slowest": [
            {"path": path, "median_us": med / 1e3, "bytes": size} for med, path, size in slowest
        ],
    }


def report(fig: dict[str, object], pin_note: str) -> str:
    rate = float(fig["msg_per_s"])  # type: ignore[arg-type]
    verdict = "meets" if rate >= TARGET_PER_SECOND else "MISSES"
    lines = [
        f"parse + classify, {fig['n']:,} messages ({fig['fixtures']} fixture files repeated), "
        f"one process, {pin_note}"
        + (", fresh MIME boundaries in every repetition" if fig.get("fresh_boundaries") else ""),
        f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs visible",
        f"total          {fig['wall_s']:.2f} s",
        f"throughput     {rate:,.0f} msg/s   (target {TARGET_PER_SECOND:,} msg/s on one core: {verdict})",
        f"per message    median {fig['median_us']:,.0f} us   p99 {fig['p99_us']:,.0f} us   "
        f"max {fig['max_us']:,.0f} us",
        f"split          parse {fig['parse_s']:.2f} s ({float(fig['parse_share']):.0%})   "  # type: ignore[arg-type]
        f"classify {fig['classify_s']:.2f} s ({1 - float(fig['parse_share']):.0%})",  # type: ignore[arg-type]
        "slowest fixtures (median parse + classify):",
    ]
    for row in fig["slowest"]:  # type: ignore[attr-defined]
        lines.append(f"  {row['median_us']:>9,.0f} us  {row['bytes']:>7,} B  {row['path']}")
    return "\n".join(lines)


def profile(raws: list[bytes], top: int, sort: str) -> str:
    profiler = cProfile.Profile()
    profiler.enable()
    for raw in raws:
        classify(parse_message(raw))
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.strip_dirs().sort_stats(sort).print_stats(top)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=10_000, help="messages to time (default 10,000)")
    parser.add_argument(
        "--profile", action="store_true", help="also print the top functions from cProfile"
    )
    parser.add_argument("--top", type=int, default=25, help="functions to list with --profile")
    parser.add_argument(
        "--sort",
        default="cumulative",
        choices=("cumulative", "tottime"),
        help="cProfile ordering with --profile (default cumulative)",
    )
    parser.add_argument(
        "--profile-n",
        type=int,
        default=None,
        help="messages to profile (default: the same N as the timed run)",
    )
    parser.add_argument(
        "--fresh-boundaries",
        action="store_true",
        help="rename the MIME boundaries in every repetition, as in real mail (see README)",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON line")
    parser.add_argument("--no-pin", action="store_true", help="do not pin the process to one CPU")
    parser.add_argument(
        "--mailbox",
        type=Path,
        help="time the .eml files under this directory instead of the fixtures (for instance the "
        "year bench/mailgen.py writes: mostly newsletters and personal mail, as a real inbox)",
    )
    args = parser.parse_args(argv)

    if args.mailbox:
        paths = sorted(args.mailbox.glob("**/*.eml"))
        corpus = [(str(p), p.read_bytes()) for p in paths]
    else:
        corpus = fixtures(ROOT)
    if not corpus:
        print("bench/classify.py: no fixture messages found", file=sys.stderr)
        return 2
    pin_note = "not pinned (--no-pin)" if args.no_pin else pin_to_one_cpu()

    for _, raw in corpus:  # warm-up: imports, compiled regexes, caches
        classify(parse_message(raw))
    n = max(1, args.n)
    messages = with_fresh_boundaries(corpus, n) if args.fresh_boundaries else None
    gc.collect()
    fig = run(corpus, n, messages)
    fig["fresh_boundaries"] = args.fresh_boundaries
    if args.json:
        print(json.dumps(fig))
    else:
        print(report(fig, pin_note))
    if args.profile:
        n = args.profile_n or args.n
        if args.fresh_boundaries:
            raws = with_fresh_boundaries(corpus, n)
        else:
            raws = [corpus[i % len(corpus)][1] for i in range(n)]
        print(f"\ncProfile of {n:,} messages, top {args.top} by {args.sort} time:")
        print(profile(raws, args.top, args.sort))
    return 0


if __name__ == "__main__":
    sys.exit(main())
