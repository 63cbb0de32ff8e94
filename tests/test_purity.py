"""The pure core (parse, classify, policy, compose) does no I/O and never reads the clock."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent / "agent"
PURE = sorted([*(ROOT / "mail").glob("*.py"), *(ROOT / "core").glob("*.py")])
FORBIDDEN_MODULES = {
    "imapclient",
    "aiosmtplib",
    "sqlite3",
    "asyncio",
    "keyring",
    "socket",
    "smtplib",
    "imaplib",
    "subprocess",
    "apscheduler",
    "time",
    "logging",
    "agent.settings",
    "agent.replay",
    "agent.cli",
}
#: Calls that read the clock or touch the outside world.
FORBIDDEN_CALLS = {
    "now",
    "utcnow",
    "today",
    "monotonic",
    "perf_counter",
    "open",
    "read_text",
    "read_bytes",
}
# (the `time` module itself is a forbidden import, so `time.time()` cannot appear)


def _imports(tree: ast.AST) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def _calls(tree: ast.AST) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute):
                names.add(func.attr)
            elif isinstance(func, ast.Name):
                names.add(func.id)
    return names


def test_the_pure_modules_are_all_found() -> None:
    """Guards the guard: the list covers parse, classify, policy and compose."""
    names = {p.stem for p in PURE}
    assert {
        "message",
        "classify",
        "invite",
        "when",
        "policy",
        "compose",
        "engine",
        "tracker",
    } <= names


@pytest.mark.parametrize("path", PURE, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_pure_module_imports_no_io_library(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported = _imports(tree)
    bad = {m for m in imported if m in FORBIDDEN_MODULES or m.split(".")[0] in FORBIDDEN_MODULES}
    assert not bad, f"{path.name} imports {sorted(bad)}"


@pytest.mark.parametrize("path", PURE, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_pure_module_never_reads_the_clock_or_files(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bad = _calls(tree) & FORBIDDEN_CALLS
    assert not bad, f"{path.name} calls {sorted(bad)}"


def test_the_check_catches_a_clock_read(tmp_path: Path) -> None:
    """The scan is not vacuous: a module calling datetime.now() is caught."""
    sample = "import asyncio\nfrom datetime import datetime\nx = datetime.now()\n"
    tree = ast.parse(sample)
    assert "asyncio" in _imports(tree)
    assert "now" in _calls(tree)
