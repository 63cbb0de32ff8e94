"""Tests for agent.mail.when: dates and times in recruiter mail, read against the Date."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agent.mail.when import (
    Span,
    find_decision_date,
    find_interview_time,
    find_return_date,
    zone_from_name,
)

NY = ZoneInfo("America/New_York")
LA = ZoneInfo("America/Los_Angeles")
BERLIN = ZoneInfo("Europe/Berlin")
MADRID = ZoneInfo("Europe/Madrid")
EST = timezone(timedelta(hours=-5))
CET = timezone(timedelta(hours=1))

# Tuesday 3 March 2026, 09:00: from New York (still EST) and from Berlin (CET).
SENT_US = datetime(2026, 3, 3, 9, 0, tzinfo=EST)
SENT_EU = datetime(2026, 3, 3, 9, 0, tzinfo=CET)
MONDAY_US = datetime(2026, 3, 2, 9, 0, tzinfo=EST)
THURSDAY_US = datetime(2026, 3, 5, 9, 0, tzinfo=EST)


def interview(text: str, sent: datetime = SENT_US) -> Span:
    span = find_interview_time(text, sent)
    assert span is not None, text
    return span


# ----------------------------------------------------------------------------- interview times


def test_weekday_date_and_time_with_et_is_new_york_time() -> None:
    span = interview("Can we do Tuesday, March 10 at 2:00 PM ET for the interview?")
    assert span.start == datetime(2026, 3, 10, 14, 0, tzinfo=NY)
    assert span.start.utcoffset() == timedelta(hours=-4)  # the US switched on March 8
    assert span.end is None
    assert span.zone == "America/New_York"


def test_est_written_in_summer_still_means_eastern_daylight_time() -> None:
    sent = datetime(2026, 7, 1, 9, 0, tzinfo=EST)
    span = interview("Your call is on Tuesday, July 14 at 2pm EST.", sent)
    assert span.start == datetime(2026, 7, 14, 14, 0, tzinfo=NY)
    assert span.start.utcoffset() == timedelta(hours=-4)


def test_twenty_four_hour_time_with_cet() -> None:
    span = interview("The interview is on Thursday 12 March, 14:00 CET.", SENT_EU)
    assert span.start == datetime(2026, 3, 12, 14, 0, tzinfo=BERLIN)
    assert span.zone == "Europe/Berlin"


def test_next_weekday_is_in_the_following_week_and_bare_hour_after_at() -> None:
    span = interview("Could we meet next Tuesday at 10?", MONDAY_US)
    assert span.start == datetime(2026, 3, 10, 10, 0, tzinfo=EST)


def test_plain_weekday_is_the_next_one_strictly_after_the_sent_date() -> None:
    monday = interview("Let's chat on Tuesday at 3pm.", MONDAY_US)
    thursday = interview("Let's chat on Thursday at 3pm.", THURSDAY_US)
    assert monday.start == datetime(2026, 3, 3, 15, 0, tzinfo=EST)
    assert thursday.start == datetime(2026, 3, 12, 15, 0, tzinfo=EST)


def test_this_weekday_is_this_week_unless_past() -> None:
    not_past = interview("Call this Tuesday at 3pm?", MONDAY_US)
    past = interview("Call this Tuesday at 3pm?", THURSDAY_US)
    assert not_past.start == datetime(2026, 3, 3, 15, 0, tzinfo=EST)
    assert past.start == datetime(2026, 3, 10, 15, 0, tzinfo=EST)


def test_tomorrow_at_11am() -> None:
    span = interview("Are you free for a quick call tomorrow at 11am?")
    assert span.start == datetime(2026, 3, 4, 11, 0, tzinfo=EST)


def test_an_end_said_in_a_later_sentence_ends_the_interview() -> None:
    span = interview(
        "We would like to invite you to interview on Wednesday 11 March at 3.30pm. "
        "Please bring your portfolio. We'll wrap up by 4.30pm, after which you can look around."
    )
    assert span.start == datetime(2026, 3, 11, 15, 30, tzinfo=EST)
    assert span.end == datetime(2026, 3, 11, 16, 30, tzinfo=EST)


def test_a_window_of_open_slots_is_not_an_interview_time() -> None:
    text = (
        "Please choose a slot that works for you using the link below. Slots are available "
        "from Monday, 9 March to Friday, 13 March, between 09:00 and 17:00 Eastern."
    )
    assert find_interview_time(text, SENT_US) is None


def test_range_takes_pm_from_its_end() -> None:
    sent = datetime(2026, 2, 12, 9, 0, tzinfo=EST)
    span = interview("Interview: Thursday, February 19, 3:00-3:45 PM Eastern", sent)
    assert span.start == datetime(2026, 2, 19, 15, 0, tzinfo=NY)
    assert span.end == datetime(2026, 2, 19, 15, 45, tzinfo=NY)


def test_city_time_zone_and_24_hour_range() -> None:
    sent = datetime(2026, 2, 27, 9, 0, tzinfo=CET)
    span = interview("Could you join us on Tuesday 3 March, 10:00-11:00 (Madrid time)?", sent)
    assert span.start == datetime(2026, 3, 3, 10, 0, tzinfo=MADRID)
    assert span.end == datetime(2026, 3, 3, 11, 0, tzinfo=MADRID)
    assert span.zone == "Europe/Madrid"


def test_range_from_morning_into_afternoon_pt() -> None:
    span = interview("Panel on Wednesday, March 11, 11:30am-12:15pm PT.")
    assert span.start == datetime(2026, 3, 11, 11, 30, tzinfo=LA)
    assert span.end == datetime(2026, 3, 11, 12, 15, tzinfo=LA)


def test_bare_hour_range_with_am_on_the_end() -> None:
    span = interview("Can you do the screen on Friday, March 6, 10-11am?")
    assert span.start == datetime(2026, 3, 6, 10, 0, tzinfo=EST)
    assert span.end == datetime(2026, 3, 6, 11, 0, tzinfo=EST)


def test_from_two_to_three_pm() -> None:
    span = interview("The interview is on Friday, March 6 from 2 to 3pm.")
    assert span.start == datetime(2026, 3, 6, 14, 0, tzinfo=EST)
    assert span.end == datetime(2026, 3, 6, 15, 0, tzinfo=EST)


def test_en_dash_range_with_cet() -> None:
    span = interview("Onsite on 12 March, 10:00–11:00 CET.", SENT_EU)
    assert span.start == datetime(2026, 3, 12, 10, 0, tzinfo=BERLIN)
    assert span.end == datetime(2026, 3, 12, 11, 0, tzinfo=BERLIN)


def test_dotted_am_with_zone_in_parentheses() -> None:
    span = interview("We booked Monday, March 9 at 9:30 a.m. (Pacific) for you.")
    assert span.start == datetime(2026, 3, 9, 9, 30, tzinfo=LA)


def test_day_month_year_with_zone_in_parentheses() -> None:
    span = interview("Interview: Monday 9 March 2026 at 14:30 (CET)", SENT_EU)
    assert span.start == datetime(2026, 3, 9, 14, 30, tzinfo=BERLIN)


def test_ordinal_date_with_year_and_dotted_pm() -> None:
    span = interview("Your interview is scheduled for March 10th, 2026, 2:00 p.m. EST.")
    assert span.start == datetime(2026, 3, 10, 14, 0, tzinfo=NY)


def test_slash_date_is_month_day_for_a_sender_west_of_utc() -> None:
    span = interview("Are you available on 3/10 at 2pm for a call?")
    assert span.start == datetime(2026, 3, 10, 14, 0, tzinfo=EST)


def test_slash_date_is_day_month_for_a_sender_east_of_utc() -> None:
    span = interview("Are you available on 10/3 at 14:00 for a call?", SENT_EU)
    assert span.start == datetime(2026, 3, 10, 14, 0, tzinfo=CET)


def test_french_style_14h00() -> None:
    span = interview("Interview on 10 March at 14h00.", SENT_EU)
    assert span.start == datetime(2026, 3, 10, 14, 0, tzinfo=CET)


def test_iso_date_and_time() -> None:
    span = interview("Interview scheduled: 2026-03-10 14:00")
    assert span.start == datetime(2026, 3, 10, 14, 0, tzinfo=EST)


def test_noon() -> None:
    span = interview("Does Thursday at noon work for a chat?")
    assert span.start == datetime(2026, 3, 5, 12, 0, tzinfo=EST)


def test_outlook_when_line_means_the_named_windows_zone() -> None:
    text = (
        "When: Wednesday, April 1, 2026 10:00 AM-11:00 AM (UTC-05:00) Eastern Time (US & Canada)\n"
        "Where: Microsoft Teams Meeting"
    )
    span = interview(text)
    assert span.start == datetime(2026, 4, 1, 10, 0, tzinfo=NY)
    assert span.end == datetime(2026, 4, 1, 11, 0, tzinfo=NY)
    assert span.start.utcoffset() == timedelta(hours=-4)
    assert span.zone == "America/New_York"


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("We'd like to set up a 45-minute call on Friday, March 6 at 2pm.", 45),
        ("Phone screen (30 min): Friday, March 6 at 2pm", 30),
        ("Let's chat for an hour on Friday, March 6 at 2pm.", 60),
        ("Technical interview, 1 hour: Friday, March 6 at 2pm", 60),
    ],
)
def test_a_duration_gives_the_end(text: str, minutes: int) -> None:
    span = interview(text)
    assert span.start == datetime(2026, 3, 6, 14, 0, tzinfo=EST)
    assert span.end == span.start + timedelta(minutes=minutes)


def test_a_duration_about_arriving_early_is_not_the_length() -> None:
    span = interview("Interview on Friday, March 6 at 2pm. Please join 5 minutes early.")
    assert span.end is None


def test_no_named_zone_uses_the_senders_offset() -> None:
    span = interview("Interview on Friday, March 6 at 2pm.")
    assert span.start.tzinfo == EST
    assert span.zone is None


def test_utc_offset_is_a_fixed_zone() -> None:
    span = interview("Interview on Friday, March 6 at 15:00 UTC+2.")
    assert span.start == datetime(2026, 3, 6, 15, 0, tzinfo=timezone(timedelta(hours=2)))
    assert span.zone == "Etc/GMT-2"


def test_month_day_in_january_sent_in_december_is_next_year() -> None:
    sent = datetime(2025, 12, 28, 9, 0, tzinfo=EST)
    span = interview("Interview on January 6 at 10am.", sent)
    assert span.start == datetime(2026, 1, 6, 10, 0, tzinfo=EST)


def test_month_day_up_to_a_week_back_stays_this_year() -> None:
    sent = datetime(2026, 3, 5, 9, 0, tzinfo=EST)
    assert interview("Our call on March 1 at 10am", sent).start == datetime(
        2026, 3, 1, 10, 0, tzinfo=EST
    )
    assert interview("Our call on February 20 at 10am", sent).start == datetime(
        2027, 2, 20, 10, 0, tzinfo=EST
    )


def test_us_time_in_the_weeks_when_the_us_has_switched_and_europe_has_not() -> None:
    span = interview("Interview: Tuesday, March 10 at 2:00 PM ET", SENT_EU)
    assert span.start == datetime(2026, 3, 10, 14, 0, tzinfo=NY)
    assert span.start.utcoffset() == timedelta(hours=-4)
    assert span.start.astimezone(BERLIN).hour == 19  # not 20: Berlin is still on CET


def test_madrid_time_on_the_monday_after_europe_switches() -> None:
    sent = datetime(2026, 3, 20, 9, 0, tzinfo=CET)  # sent on CET, interview on CEST
    after = interview("Interview on Monday 30 March at 10:00 (Madrid time)", sent)
    before = interview("Interview on Friday 27 March at 10:00 (Madrid time)", sent)
    assert after.start == datetime(2026, 3, 30, 10, 0, tzinfo=MADRID)
    assert before.start == datetime(2026, 3, 27, 10, 0, tzinfo=MADRID)
    assert after.start.utcoffset() == timedelta(hours=2)
    assert before.start.utcoffset() == timedelta(hours=1)
    assert after.start.astimezone(UTC).hour == 8


def test_date_and_time_on_separate_labelled_lines() -> None:
    text = "Interview details:\nDate: Tuesday, March 10\nTime: 2:00 PM ET\nLocation: Zoom"
    span = interview(text)
    assert span.start == datetime(2026, 3, 10, 14, 0, tzinfo=NY)


def test_a_weekday_with_a_date_is_only_a_check_the_date_wins() -> None:
    span = interview("Interview on Wednesday, March 10 at 2pm.")  # March 10 is a Tuesday
    assert span.start == datetime(2026, 3, 10, 14, 0, tzinfo=EST)


def test_quoted_reply_header_and_quoted_lines_are_ignored() -> None:
    text = (
        "Thanks, see you then!\n\n"
        "On Tue, Mar 3, 2026 at 10:00 AM Jane Doe <jane@acme.example> wrote:\n"
        "> Your interview is on Thursday, March 5 at 3pm.\n"
    )
    assert find_interview_time(text, SENT_US) is None


def test_lines_quoted_with_a_marker_are_ignored_but_the_reply_is_read() -> None:
    text = (
        "> Could you do Thursday, March 5 at 3pm?\n"
        "That doesn't work; your interview is now Friday, March 6 at 11am.\n"
    )
    assert interview(text).start == datetime(2026, 3, 6, 11, 0, tzinfo=EST)


def test_a_forwarded_message_is_read_but_its_header_date_is_not() -> None:
    text = (
        "Hi Priya, see below from the client.\n\n"
        "---------- Forwarded message ---------\nFrom: Jane Doe <jane@acme.example>\n"
        "Date: Tue, Mar 3, 2026 at 10:00 AM\nSubject: Interview\nTo: <agent@agency.example>\n\n"
        "We would like to interview Priya on Thursday, March 12 at 1pm ET.\n"
    )
    assert interview(text).start == datetime(2026, 3, 12, 13, 0, tzinfo=NY)


def test_reply_deadline_is_not_an_interview_time() -> None:
    assert find_interview_time("Please let us know by Friday at 5pm.", SENT_US) is None


def test_interview_time_is_preferred_over_a_reply_deadline() -> None:
    text = (
        "Please confirm by Thursday, March 5 at 5pm. "
        "Your interview is on Tuesday, March 10 at 2pm ET."
    )
    assert interview(text).start == datetime(2026, 3, 10, 14, 0, tzinfo=NY)


def test_decision_sentence_is_not_an_interview_time() -> None:
    text = "We will make a decision on Friday, March 13 at 10am and let you know."
    assert find_interview_time(text, SENT_US) is None


def test_a_date_near_interview_words_beats_another_date_and_time() -> None:
    text = (
        "Our office opens on Monday, March 9 at 9am. Your interview is on Tuesday, March 10 at 2pm."
    )
    assert interview(text).start == datetime(2026, 3, 10, 14, 0, tzinfo=EST)


def test_a_bare_time_without_a_date_is_not_an_interview_time() -> None:
    assert find_interview_time("The interview will be at 2pm.", SENT_US) is None


def test_a_bare_time_with_today_is_an_interview_time() -> None:
    span = interview("Can we do the call today at 4pm?")
    assert span.start == datetime(2026, 3, 3, 16, 0, tzinfo=EST)


@pytest.mark.parametrize("time", ["25:00", "13pm", "10:75"])
def test_invalid_times_are_rejected(time: str) -> None:
    assert find_interview_time(f"Interview on March 10 at {time}.", SENT_US) is None


def test_date_in_the_row_above_a_blank_line_pairs_with_the_time() -> None:
    text = "Date Monday, March 23, 2026\n\nTime 9:00 AM – 10:00 AM Mountain Time\n\nFormat Video"
    span = interview(text, datetime(2026, 3, 16, 8, 0, tzinfo=timezone(timedelta(hours=-6))))
    denver = ZoneInfo("America/Denver")
    assert span.start == datetime(2026, 3, 23, 9, 0, tzinfo=denver)
    assert span.end == datetime(2026, 3, 23, 10, 0, tzinfo=denver)


def test_a_time_far_from_any_date_takes_the_date_at_the_top_of_the_message() -> None:
    text = (
        "Onsite interview\nTuesday Mar 24, 2026\n\nLocation\nMadison Plant\n\n"
        "Please arrive at 9:00 AM (Central) at the front lobby."
    )
    span = interview(text)
    assert span.start == datetime(2026, 3, 24, 9, 0, tzinfo=ZoneInfo("America/Chicago"))


def test_a_zone_after_the_date_applies_to_a_time_written_before_it() -> None:
    text = "Confirmed: 10:00am - 10:30am, Wednesday, March 11, 2026 (Eastern Time - US & Canada)"
    span = interview(text)
    assert span.start == datetime(2026, 3, 11, 10, 0, tzinfo=NY)
    assert span.zone == "America/New_York"


def test_outlook_sent_header_is_ignored() -> None:
    text = "Sounds good.\n\nFrom: Jane Doe\nSent: Tuesday, March 3, 2026 10:00 AM\nTo: me\n"
    assert find_interview_time(text, SENT_US) is None


def test_forwarded_outlook_appointment_keeps_its_when_line() -> None:
    text = (
        "FYI, see below.\n\n-----Original Appointment-----\nFrom: Jane Doe\n"
        "Sent: Tuesday, March 3, 2026 10:00 AM\nSubject: Interview\n"
        "When: Thursday, March 12, 2026 1:00 PM-2:00 PM (UTC-05:00) Eastern Time (US & Canada)\n"
    )
    assert interview(text).start == datetime(2026, 3, 12, 13, 0, tzinfo=NY)


def test_text_with_no_time_gives_none() -> None:
    assert find_interview_time("Thanks for applying! We'll review soon.", SENT_US) is None


# ----------------------------------------------------------------------------- decision dates


def decision(text: str, sent: datetime = SENT_US) -> date | None:
    return find_decision_date(text, sent)


def test_decision_by_weekday_is_the_next_one_strictly_after() -> None:
    assert decision("We'll let you know by Friday.") == date(2026, 3, 6)
    assert decision("We'll get back to you on Tuesday.") == date(2026, 3, 10)


def test_decision_this_weekday_is_like_a_plain_weekday() -> None:
    assert decision("We will decide this Tuesday.") == date(2026, 3, 10)


def test_decision_next_weekday_is_in_the_following_week() -> None:
    assert decision("You'll hear back next Monday.", THURSDAY_US) == date(2026, 3, 9)
    assert decision("You'll hear back next Friday.") == date(2026, 3, 13)


@pytest.mark.parametrize(
    ("text", "expected", "sent"),
    [
        ("We'll make a decision by Wednesday, 25 February.", date(2026, 2, 25), date(2026, 2, 20)),
        ("Expect to hear back by Friday 13 March.", date(2026, 3, 13), None),
        ("We'll get back to you by March 20.", date(2026, 3, 20), None),
        ("We'll be in touch by 20 March.", date(2026, 3, 20), None),
        ("We will decide by the 20th.", date(2026, 3, 20), None),
        ("Decision expected by 2026-03-20.", date(2026, 3, 20), None),
    ],
)
def test_decision_explicit_date(text: str, expected: date, sent: date | None) -> None:
    at = SENT_US if sent is None else datetime(sent.year, sent.month, sent.day, 9, tzinfo=EST)
    assert decision(text, at) == expected


def test_decision_slash_date_reads_by_the_senders_side_of_utc() -> None:
    assert decision("We'll let you know by 3/20.") == date(2026, 3, 20)
    assert decision("We'll let you know by 20/3.", SENT_EU) == date(2026, 3, 20)
    assert decision("We'll let you know by 3/20.", SENT_EU) is None  # no 20th month


def test_decision_month_day_in_january_sent_in_december_is_next_year() -> None:
    sent = datetime(2025, 12, 28, 9, 0, tzinfo=EST)
    assert decision("We'll be in touch by January 6.", sent) == date(2026, 1, 6)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("by the end of the week", date(2026, 3, 6)),
        ("by the end of this week", date(2026, 3, 6)),
        ("this week", date(2026, 3, 6)),
        ("by the end of next week", date(2026, 3, 13)),
        ("next week", date(2026, 3, 13)),
        ("early next week", date(2026, 3, 10)),
        ("within two weeks", date(2026, 3, 17)),
        ("in two weeks", date(2026, 3, 17)),
        ("in a couple of weeks", date(2026, 3, 17)),
        ("within 5 days", date(2026, 3, 8)),
        ("in three days", date(2026, 3, 6)),
        ("within a week", date(2026, 3, 10)),
        ("in the next 5 business days", date(2026, 3, 10)),
        ("within five working days", date(2026, 3, 10)),
        ("in the next few days", date(2026, 3, 6)),
        ("in a few days", date(2026, 3, 6)),
        ("tomorrow", date(2026, 3, 4)),
        ("today", date(2026, 3, 3)),
        ("by end of day", date(2026, 3, 3)),
        ("by EOD", date(2026, 3, 3)),
        ("early next month", date(2026, 4, 10)),
        ("mid next month", date(2026, 4, 15)),
        ("by the middle of next month", date(2026, 4, 15)),
        ("by the end of the month", date(2026, 3, 31)),
        ("by the end of this month", date(2026, 3, 31)),
        ("by the end of next month", date(2026, 4, 30)),
        ("in early March", date(2026, 3, 10)),
        ("by mid-March", date(2026, 3, 15)),
        ("by the middle of March", date(2026, 3, 15)),
        ("by the end of March", date(2026, 3, 31)),
        ("in late March", date(2026, 3, 31)),
        ("by mid-April", date(2026, 4, 15)),
    ],
)
def test_decision_relative_phrase(phrase: str, expected: date) -> None:
    assert decision(f"We will let you know {phrase}.") == expected


def test_decision_end_of_week_sent_on_a_weekend_is_the_next_friday() -> None:
    saturday = datetime(2026, 3, 7, 10, 0, tzinfo=EST)
    assert decision("We'll be in touch by the end of the week.", saturday) == date(2026, 3, 13)


def test_decision_business_days_skip_the_weekend() -> None:
    assert decision("Expect feedback within 3 business days.", THURSDAY_US) == date(2026, 3, 10)


def test_decision_needs_a_decision_cue() -> None:
    assert decision("Our office is closed on Friday.") is None
    assert decision("Please send your portfolio by Friday.") is None


@pytest.mark.parametrize(
    "cue",
    [
        "We'll update you",
        "We will be in touch",
        "You will get feedback",
        "We'll share next steps",
        "We'll make a call",
        "Someone will reach out",
        "The team will follow up with you",
        "We hope to finalize things",
        "We plan to wrap up interviews",
        "We're deciding",
        "We'll come back to you",
        "You'll hear from us",
    ],
)
def test_decision_cues(cue: str) -> None:
    assert decision(f"{cue} by Friday.") == date(2026, 3, 6)


def test_decision_in_touch_about_scheduling_is_not_a_decision_date() -> None:
    text = "Our coordinator will be in touch in the next few days to find a time for the panel."
    assert decision(text) is None


def test_decision_date_in_another_clause_about_something_else_is_ignored() -> None:
    text = "We're still deciding between two candidates, and the manager is away this week."
    assert decision(text) is None


def test_decision_date_after_the_cue_beats_an_earlier_one() -> None:
    text = "We're meeting the last candidates this week and will confirm our decision by 27 March."
    assert decision(text) == date(2026, 3, 27)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We'll have an answer for you by the end of the week.", date(2026, 3, 6)),
        ("The team meets early next month to sign off on the hire.", date(2026, 4, 10)),
        ("You should hear back within 5-7 business days.", date(2026, 3, 12)),
        ("We'll be in touch within one to two weeks.", date(2026, 3, 17)),
        ("We'll get back to you within 48 hours.", date(2026, 3, 5)),
        ("We will let you know by close of business Friday.", date(2026, 3, 6)),
    ],
)
def test_decision_more_phrasings(text: str, expected: date) -> None:
    assert decision(text) == expected


def test_decision_phrase_opening_a_paragraph() -> None:
    assert decision("Thanks!\n\nNext week we will let you know.") == date(2026, 3, 13)


def test_decision_ignores_the_interview_date_and_time() -> None:
    text = (
        "Your interview is confirmed for Tuesday, March 10 at 2:00 PM ET. "
        "We will get back to you with a decision by Friday, March 13."
    )
    assert decision(text) == date(2026, 3, 13)


def test_decision_skips_the_interview_date_in_the_same_sentence() -> None:
    text = "After your interview on Tuesday, March 10, we expect to decide by March 20."
    assert decision(text) == date(2026, 3, 20)


def test_decision_takes_the_first_decision_sentence_with_a_date() -> None:
    text = "We'll be in touch soon. We expect to decide by March 20, or March 27 at the latest."
    assert decision(text) == date(2026, 3, 20)


def test_decision_in_quoted_text_is_ignored() -> None:
    text = "Thanks!\n\n> We'll let you know by Friday.\n"
    assert decision(text) is None


def test_decision_is_the_sent_zones_date() -> None:
    late_evening = datetime(2026, 3, 5, 23, 0, tzinfo=EST)  # already Friday in UTC
    assert decision("We'll let you know tomorrow.", late_evening) == date(2026, 3, 6)


# ----------------------------------------------------------------------------- return dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I'm travelling without email until Monday, March 9.", date(2026, 3, 9)),
        ("I'll be back on March 9.", date(2026, 3, 9)),
        ("I am out of the office, returning 9 March.", date(2026, 3, 9)),
        ("I return on Monday.", date(2026, 3, 9)),
        ("I'm out of the office until 3/9.", date(2026, 3, 9)),
        ("I'll be back in the office on the 9th.", date(2026, 3, 9)),
        ("I'm away until Tuesday.", date(2026, 3, 10)),
    ],
)
def test_return_date_is_the_date_after_until_back_or_return(text: str, expected: date) -> None:
    assert find_return_date(text, SENT_US) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I'm out from March 2 to March 6.",
        "I'm out of the office through March 6.",
        "I'm on vacation March 2-6.",
        "I'm on leave 2-6 March.",
    ],
)
def test_return_date_after_a_range_is_the_day_after_its_last_day(text: str) -> None:
    assert find_return_date(text, SENT_US) == date(2026, 3, 7)


def test_return_date_weekday_range_ends_after_it_starts() -> None:
    text = "I'm out Friday through Tuesday."
    assert find_return_date(text, THURSDAY_US) == date(2026, 3, 11)


def test_return_date_slash_date_for_a_european_sender() -> None:
    assert find_return_date("Out of the office until 9/3.", SENT_EU) == date(2026, 3, 9)


def test_return_date_back_on_beats_until() -> None:
    text = "I'm away until Friday April 3 and will be back on Monday, April 6."
    assert find_return_date(text, SENT_US) == date(2026, 4, 6)


def test_return_date_until_a_day_inclusive_is_the_day_after() -> None:
    text = "I'm out of the office from 2 March until 6 March inclusive."
    assert find_return_date(text, SENT_US) == date(2026, 3, 7)


def test_return_date_without_a_date_is_none() -> None:
    assert find_return_date("I'm out of the office with limited access to email.", SENT_US) is None


# ----------------------------------------------------------------------------- zone names


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("ET", "America/New_York"),
        ("EST", "America/New_York"),
        ("EDT", "America/New_York"),
        ("Eastern", "America/New_York"),
        ("CT", "America/Chicago"),
        ("Central", "America/Chicago"),
        ("MST", "America/Denver"),
        ("Mountain", "America/Denver"),
        ("PT", "America/Los_Angeles"),
        ("Pacific", "America/Los_Angeles"),
        ("CET", "Europe/Berlin"),
        ("CEST", "Europe/Berlin"),
        ("Central European", "Europe/Berlin"),
        ("BST", "Europe/London"),
        ("UK time", "Europe/London"),
        ("British time", "Europe/London"),
        ("GMT", "UTC"),
        ("UTC", "UTC"),
        ("EET", "Europe/Helsinki"),
        ("IST", "Asia/Kolkata"),
        ("JST", "Asia/Tokyo"),
        ("SGT", "Asia/Singapore"),
        ("AEDT", "Australia/Sydney"),
        ("WEST", "Europe/Lisbon"),
        ("Madrid time", "Europe/Madrid"),
        ("New York time", "America/New_York"),
        ("Toronto time", "America/Toronto"),
        ("Zurich time", "Europe/Zurich"),
        ("Sydney time", "Australia/Sydney"),
        ("Europe/Amsterdam", "Europe/Amsterdam"),
        ("Eastern Standard Time", "America/New_York"),
        ("Central Standard Time", "America/Chicago"),
        ("Mountain Standard Time", "America/Denver"),
        ("Pacific Standard Time", "America/Los_Angeles"),
        ("W. Europe Standard Time", "Europe/Berlin"),
        ("GMT Standard Time", "Europe/London"),
        ("Romance Standard Time", "Europe/Paris"),
        ("Central Europe Standard Time", "Europe/Budapest"),
        ("(UTC-05:00) Eastern Time (US & Canada)", "America/New_York"),
    ],
)
def test_zone_from_name_named_zones(name: str, key: str) -> None:
    zone = zone_from_name(name)
    assert isinstance(zone, ZoneInfo)
    assert zone.key == key


@pytest.mark.parametrize(
    ("name", "hours"),
    [("UTC+2", 2), ("GMT-5", -5), ("UTC-05:00", -5), ("(UTC+01:00)", 1), ("UTC+05:30", 5.5)],
)
def test_zone_from_name_offsets_are_fixed(name: str, hours: float) -> None:
    zone = zone_from_name(name)
    assert zone is not None
    assert zone.utcoffset(None) == timedelta(hours=hours)


@pytest.mark.parametrize("name", ["", "Nowhere", "Narnia time", "UTC+99", "Tuesday"])
def test_zone_from_name_unknown_is_none(name: str) -> None:
    assert zone_from_name(name) is None


# ----------------------------------------------------------------------------- robustness

FRAGMENTS = [
    "Tuesday, March 10 at 2:00 PM ET",
    "2pm EST",
    "14:00 CET",
    "next Tuesday at 10",
    "tomorrow at 11am",
    "Thursday, February 19, 3:00-3:45 PM Eastern",
    "Tuesday 3 March, 10:00-11:00 (Madrid time)",
    "11:30am-12:15pm PT",
    "10-11am",
    "from 2 to 3pm",
    "10:00–11:00 CET",
    "9:30 a.m. (Pacific)",
    "Monday 9 March 2026 at 14:30 (CET)",
    "March 10th, 2026, 2:00 p.m. EST",
    "on 3/10 at 2pm",
    "14h00",
    "2026-03-10 14:00",
    "at noon",
    "When: Wednesday, April 1, 2026 10:00 AM-11:00 AM (UTC-05:00) Eastern Time (US & Canada)",
    "a 45-minute call",
    "(30 min)",
    "for an hour",
    "let us know by Friday",
    "we'll make a decision within two weeks",
    "On Tue, Mar 3, 2026 at 10:00 AM Jane wrote:",
    "> quoted",
    "back on March 9",
    "out from March 2 to March 6",
    "by the 20th",
    "UTC+2",
    "25:00",
    "13pm",
    "\n",
    ". ",
]


def check_results(text: str, sent: datetime) -> None:
    span = find_interview_time(text, sent)
    if span is not None:
        assert span.start.utcoffset() is not None
        assert span.end is None or span.end.utcoffset() is not None
        assert span.end is None or span.end > span.start
    for found in (find_decision_date(text, sent), find_return_date(text, sent)):
        assert found is None or type(found) is date
    for word in text.split()[:5]:
        zone = zone_from_name(word)
        assert zone is None or isinstance(zone, tzinfo)


SENTS = st.datetimes(
    min_value=datetime(1990, 1, 1),
    max_value=datetime(2100, 12, 31),
    timezones=st.sampled_from([UTC, EST, CET, NY, BERLIN]),
)


@settings(deadline=None)
@given(text=st.text(max_size=400), sent=SENTS)
def test_arbitrary_text_never_raises(text: str, sent: datetime) -> None:
    check_results(text, sent)


@settings(deadline=None)
@given(
    parts=st.lists(st.sampled_from(FRAGMENTS), max_size=12),
    glue=st.lists(st.sampled_from([" ", "\n", ", ", ". ", "-", "", "/", ":"]), min_size=1),
    sent=SENTS,
)
def test_shuffled_example_fragments_never_raise(
    parts: list[str], glue: list[str], sent: datetime
) -> None:
    text = "".join(part + glue[i % len(glue)] for i, part in enumerate(parts))
    check_results(text, sent)


def test_extreme_sent_dates_do_not_raise() -> None:
    for sent in (datetime.min.replace(tzinfo=UTC), datetime.max.replace(tzinfo=EST)):
        check_results("We'll let you know by Friday. Back on March 9. " + FRAGMENTS[0], sent)
