"""Business days and send windows across zones, holidays and DST."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import holidays

from agent.core.businesstime import Window, add_business_days, next_business_day, next_slot

NY = ZoneInfo("America/New_York")
LONDON = ZoneInfo("Europe/London")
TOKYO = ZoneInfo("Asia/Tokyo")
W = Window()


def test_one_business_day_after_friday_afternoon_is_monday_same_time() -> None:
    friday = datetime(2026, 3, 6, 15, 45, tzinfo=NY)
    assert add_business_days(friday, 1, W, NY) == datetime(2026, 3, 9, 15, 45, tzinfo=NY)


def test_adding_business_days_keeps_wall_clock_time_across_dst() -> None:
    """The US springs forward on 2026-03-08: Friday 15:45 EST is Monday 15:45 EDT."""
    friday = datetime(2026, 3, 6, 15, 45, tzinfo=NY)
    monday = add_business_days(friday, 1, W, NY)
    assert monday.utcoffset() is not None and monday.utcoffset().total_seconds() == -4 * 3600  # type: ignore[union-attr]
    assert (monday.hour, monday.minute) == (15, 45)


def test_holidays_are_not_business_days() -> None:
    us = Window(holidays=holidays.country_holidays("US"))
    # 2026-07-03 (Friday) is the observed Independence Day holiday.
    assert next_business_day(date(2026, 7, 2), us) == date(2026, 7, 6)
    assert next_business_day(date(2026, 7, 2), W) == date(2026, 7, 3)


def test_next_slot_inside_the_window_is_now() -> None:
    t = datetime(2026, 3, 10, 11, 0, tzinfo=NY)
    assert next_slot(t, [NY], W) == t


def test_next_slot_after_hours_moves_to_the_next_morning() -> None:
    t = datetime(2026, 3, 10, 18, 30, tzinfo=NY)
    assert next_slot(t, [NY], W) == datetime(2026, 3, 11, 9, 0, tzinfo=NY)


def test_next_slot_on_friday_evening_moves_to_monday() -> None:
    t = datetime(2026, 3, 13, 17, 0, tzinfo=NY)
    assert next_slot(t, [NY], W) == datetime(2026, 3, 16, 9, 0, tzinfo=NY)


def test_next_slot_fits_both_zones_when_they_overlap() -> None:
    """Between the US (8 March) and EU (29 March) changes London is 4 hours ahead of New York:
    09:00-17:00 in both is 09:00-13:00 New York."""
    t = datetime(2026, 3, 18, 13, 30, tzinfo=NY)
    slot = next_slot(t, [LONDON, NY], W)
    assert slot == datetime(2026, 3, 19, 9, 0, tzinfo=NY)
    assert time(9) <= slot.astimezone(LONDON).time() < time(17)


def test_next_slot_falls_back_to_the_recipient_when_windows_never_meet() -> None:
    t = datetime(2026, 3, 18, 10, 0, tzinfo=NY)
    slot = next_slot(t, [TOKYO, NY], W)
    local = slot.astimezone(TOKYO)
    assert W.is_open(slot, TOKYO) and local.date() == date(2026, 3, 19) and local.time() == time(9)


def test_an_empty_window_leaves_the_time_alone() -> None:
    t = datetime(2026, 3, 18, 10, 0, tzinfo=NY)
    assert next_slot(t, [NY], Window(days=frozenset())) == t
