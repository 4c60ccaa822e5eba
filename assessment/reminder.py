"""An "Add a reminder" calendar file: take the assessment again in three months.

Written with ``icalendar`` (RFC 5545; maintained, pinned in requirements.txt) rather than by hand:
folding long lines at 75 octets and escaping commas and semicolons are easy to get wrong. The
event is a whole day (``DTSTART;VALUE=DATE``), so it lands on the same date in every time zone,
and carries the private link in its description and URL, so the person comes back to their own
result. The words come from the UI (``Reminder``), in the person's language.
"""

from __future__ import annotations

import calendar
import datetime as dt
import uuid
from dataclasses import dataclass

import icalendar

PRODUCT = "-//Wide & Deep//Reminder//EN"  # not-text
MONTHS_AHEAD = 3  # a quarter: the plan's own horizon for ties that cool (content/network.yaml "stale")


@dataclass(frozen=True, slots=True)
class Reminder:
    """What the calendar entry says; ``link`` is the private link (keep it out of logs)."""

    title: str
    description: str
    link: str = ""


def months_later(day: dt.date, months: int = MONTHS_AHEAD) -> dt.date:
    """The same day ``months`` later, or that month's last day (30 Nov + 3 months = 28 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def reminder_file(reminder: Reminder, today: dt.date, *, now: dt.datetime | None = None) -> bytes:
    """The .ics file: one all-day event ``MONTHS_AHEAD`` months after ``today``."""
    day = months_later(today)
    event = icalendar.Event()
    event.add("uid", f"{uuid.uuid4()}@wide-and-deep")
    event.add("dtstamp", now or dt.datetime.now(dt.timezone.utc))
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("summary", reminder.title)
    event.add("description", f"{reminder.description}\n\n{reminder.link}" if reminder.link else reminder.description)
    if reminder.link:
        event.add("url", reminder.link)
    event.add("transp", "TRANSPARENT")  # a reminder, not a meeting: the day stays free
    cal = icalendar.Calendar()
    cal.add("prodid", PRODUCT)
    cal.add("version", "2.0")
    cal.add_component(event)
    return cal.to_ical()
