"""Business days and send windows, in the zones that matter.

This module owns calendar arithmetic:

- a business day is a weekday in the window's days that is not a public
  holiday of the configured country (holidays come in as a container of
  dates, built by the shell from the ``holidays`` package);
- ``add_business_days`` keeps the local wall-clock time and skips
  non-business days ("one business day after Friday 15:45" is Monday 15:45);
- ``next_slot`` finds the first moment at or after ``t`` inside the send
  window in every zone given (the recipient's and the user's); when the
  windows never overlap it falls back to the first zone alone, which is the
  recipient's.

All datetimes are timezone-aware; zones are ``zoneinfo`` zones, so DST
changes on either side are handled by construction. Pure: no clock.
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo

_SEARCH_DAYS = 21


@dataclass(frozen=True)
class Window:
    """When messages may go out: local days and hours, and holidays."""

    days: frozenset[int] = frozenset({0, 1, 2, 3, 4})  # Monday = 0
    start: time = time(9, 0)
    end: time = time(17, 0)
    holidays: Container[date] = field(default_factory=frozenset)

    def is_business_day(self, day: date) -> bool:
        return day.weekday() in self.days and day not in self.holidays

    def is_open(self, t: datetime, zone: tzinfo) -> bool:
        local = t.astimezone(zone)
        return self.is_business_day(local.date()) and self.start <= local.time() < self.end


def _local(day: date, at: time, zone: tzinfo) -> datetime:
    """A wall-clock time on a day in a zone (a time skipped by DST moves forward)."""
    return datetime.combine(day, at, tzinfo=zone).astimezone(UTC).astimezone(zone)


def next_business_day(day: date, window: Window) -> date:
    """The first business day strictly after ``day``."""
    day += timedelta(days=1)
    for _ in range(366):
        if window.is_business_day(day):
            return day
        day += timedelta(days=1)
    return day


def add_business_days(t: datetime, n: int, window: Window, zone: tzinfo) -> datetime:
    """``t`` moved ``n`` business days later in ``zone``, keeping the local time."""
    local = t.astimezone(zone)
    day = local.date()
    for _ in range(n):
        day = next_business_day(day, window)
    return _local(day, local.time().replace(tzinfo=None), zone)


def _next_open_in(t: datetime, zone: tzinfo, window: Window) -> datetime | None:
    """The first moment at or after ``t`` when the window is open in ``zone``."""
    local = t.astimezone(zone)
    day = local.date()
    for offset in range(_SEARCH_DAYS):
        d = day + timedelta(days=offset)
        if not window.is_business_day(d):
            continue
        opens = _local(d, window.start, zone)
        closes = _local(d, window.end, zone)
        if t < closes:
            return max(t, opens)
    return None


def next_slot(t: datetime, zones: Sequence[tzinfo], window: Window) -> datetime:
    """The first moment at or after ``t`` inside the window in all ``zones``.

    When the zones' windows do not overlap within three weeks, only the
    first zone counts. Returns ``t`` unchanged when the window never opens
    (an empty ``days`` setting).
    """
    if not zones:
        return t
    candidate = t
    horizon = t + timedelta(days=_SEARCH_DAYS)
    while candidate <= horizon:
        openings = [_next_open_in(candidate, zone, window) for zone in zones]
        if any(o is None for o in openings):
            break
        latest = max(o for o in openings if o is not None)
        if latest == candidate:
            return candidate
        candidate = latest
    if len(zones) > 1:
        return next_slot(t, zones[:1], window)
    return t


def end_of_business_day(t: datetime, window: Window, zone: tzinfo) -> datetime:
    """The window's closing time on ``t``'s local day (or ``t`` if later)."""
    local = t.astimezone(zone)
    return max(t, _local(local.date(), window.end, zone))
