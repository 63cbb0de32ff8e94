"""A progress bar on standard error, for the commands that can run for a while.

It draws only when the stream is a terminal (never into a pipe, a log or a
file that another program reads), redraws at most ten times a second, and
erases itself when the work is done, so the command's own output stays clean.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

_WIDTH = 24
_EVERY = 0.1  # seconds between redraws


class Progress:
    """``step(done, total)`` as work goes on, ``close()`` at the end (or use ``with``)."""

    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = _is_terminal(self.stream)
        self._last = float("-inf")  # the first step always draws
        self._drawn = False

    def step(self, done: int, total: int) -> None:
        if not self.enabled or total <= 0:
            return
        now = time.monotonic()
        if done < total and now - self._last < _EVERY:
            return
        self._last = now
        filled = _WIDTH * done // total
        bar = "#" * filled + "-" * (_WIDTH - filled)
        self.stream.write(
            f"\r{self.label} [{bar}] {100 * done // total:3d}%  {done:,}/{total:,}\x1b[K"
        )
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        if self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._drawn = False

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
