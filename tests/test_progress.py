"""The progress bar: drawn on a terminal only, throttled, erased when done."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from agent import progress as progress_module
from agent.progress import Progress
from agent.replay import load_scenario, run_scenario

SCENARIOS = Path(__file__).resolve().parent / "fixtures" / "scenarios"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_nothing_is_drawn_into_a_pipe_or_file() -> None:
    stream = io.StringIO()
    with Progress("loading", stream) as bar:
        for done in range(1, 101):
            bar.step(done, 100)
    assert stream.getvalue() == ""


def test_a_terminal_sees_the_bar_then_a_clean_line(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = iter(range(0, 1000))
    monkeypatch.setattr(progress_module.time, "monotonic", lambda: float(next(clock)))
    stream = Terminal()
    with Progress("loading", stream) as bar:
        bar.step(1, 4)
        bar.step(4, 4)
    out = stream.getvalue()
    assert "loading [######------------------]  25%  1/4" in out
    assert "loading [########################] 100%  4/4" in out
    assert out.endswith("\r\x1b[K")  # erased: the command's output starts on a clean line


def test_redraws_are_throttled_but_the_last_step_always_shows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(progress_module.time, "monotonic", lambda: 100.0)  # time stands still
    stream = Terminal()
    bar = Progress("replaying", stream)
    for done in range(1, 1001):
        bar.step(done, 1000)
    out = stream.getvalue()
    assert out.count("\r") == 2  # the first step and the last, nothing between
    assert "1,000/1,000" in out


def test_load_and_run_report_every_message_and_finish_at_the_total() -> None:
    seen_load: list[tuple[int, int]] = []
    seen_run: list[tuple[int, int]] = []
    scenario = load_scenario(
        SCENARIOS / "panel_of_three", progress=lambda d, t: seen_load.append((d, t))
    )
    run_scenario(scenario, approve_all=True, progress=lambda d, t: seen_run.append((d, t)))
    files = len(list((SCENARIOS / "panel_of_three" / "mail").glob("*.eml")))
    assert seen_load == [(n, files) for n in range(1, files + 1)]
    assert seen_run[-1] == (len(scenario.mail), len(scenario.mail))
    assert [d for d, _ in seen_run] == sorted(d for d, _ in seen_run)
