"""The reminder file parses as iCalendar, falls three months on, and holds the private link."""

import datetime as dt

import icalendar
import pytest

from assessment.reminder import Reminder, months_later, reminder_file

LINK = "https://example.org/results?m=abc123&r=tok456"


@pytest.mark.parametrize(("today", "later"), [
    (dt.date(2026, 12, 1), dt.date(2027, 3, 1)),     # across a year
    (dt.date(2026, 11, 30), dt.date(2027, 2, 28)),   # 30 Feb does not exist: the month's last day
    (dt.date(2027, 11, 30), dt.date(2028, 2, 29)),   # a leap year
    (dt.date(2026, 1, 15), dt.date(2026, 4, 15)),
])
def test_months_later__three_months__same_day_or_the_months_last(today, later):
    assert months_later(today) == later


def test_reminder_file__parsed_back__one_all_day_event_with_the_link():
    ics = reminder_file(Reminder("Take Wide & Deep again", "See how your network changed; a long line, with commas; "
                                 "and semicolons " * 3, LINK), dt.date(2026, 12, 1))
    (event,) = icalendar.Calendar.from_ical(ics).walk("VEVENT")
    assert event.decoded("dtstart") == dt.date(2027, 3, 1)
    assert event.decoded("dtend") == dt.date(2027, 3, 2)
    assert str(event["summary"]) == "Take Wide & Deep again"
    assert str(event["url"]) == LINK
    assert str(event["description"]).endswith("\n\n" + LINK)
    assert "commas; and" in str(event["description"])  # escaped on the way out, read back as written
    assert all(len(line) <= 75 for line in ics.split(b"\r\n"))  # folded (RFC 5545 3.1)


def test_reminder_file__no_link__no_url_and_the_description_alone():
    (event,) = icalendar.Calendar.from_ical(reminder_file(Reminder("T", "D"), dt.date(2026, 12, 1))).walk("VEVENT")
    assert ("url" in event, str(event["description"])) == (False, "D")
