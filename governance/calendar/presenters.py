"""Dated events as an iCalendar file (RFC 5545) that calendar apps subscribe to or import."""

from __future__ import annotations

import datetime

from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event

from governance.calendar.events import DatedEvent

PRODUCT = "-//Joined-up//Governance dates//EN"
UK = "Europe/London"


def _event(dated: DatedEvent, stamp: datetime.datetime) -> Event:
    event = Event()
    event.add("uid", dated.uid)
    event.add("dtstamp", stamp)
    # A whole day: DTSTART as a DATE, and DTEND the day after (exclusive), so no time zone applies.
    event.add("dtstart", dated.on)
    event.add("dtend", dated.on + datetime.timedelta(days=1))
    event.add("summary", f"{dated.summary} ({dated.initiative})")
    event.add("description", "\n".join(part for part in (dated.description, dated.url) if part))
    event.add("url", dated.url)
    if dated.repeats:
        event.add("rrule", dated.repeats)
    event.add("transp", "TRANSPARENT")  # a reminder of a date, not time the person is busy
    return event


def ical(name: str, events: list[DatedEvent]) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", UK)
    stamp = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)
    for dated in events:
        calendar.add_component(_event(dated, stamp))
    return calendar.to_ical()


def ical_response(name: str, events: list[DatedEvent], *, filename: str = "") -> HttpResponse:
    response = HttpResponse(ical(name, events), content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "no-store"
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
