"""Reminders for the phone's calendar: an iCalendar file (RFC 5545), written with `icalendar`.

`calendar_events(profiles, trips, language, alarm_days)` decides what goes in;
`render_calendar(events, now)` turns it into the bytes of a `.ics` file that
Apple Calendar, Google Calendar and Outlook import:

* every keep-alive duty on its next due date: what to do and what it costs
  ("top-up (100 NOK)"), the number, the rule's source, and an alarm at 09:00
  `alarm_days` days ahead (default 7);
* each trip: its departure and its return, the departure with a "re-check your
  backups" alarm at 09:00 the day before;
* a profile's plan expiry, where the user entered one, with the same alarm as
  a keep-alive duty.

Every event is an all-day event (`DTSTART;VALUE=DATE`, no time, no time zone);
alarms are relative to the start of that day, so nothing depends on the time
zone of the machine that wrote the file or the phone that reads it. Each UID
says what the event is about (`keepalive-<profile id>@esim-ready`,
`trip-<trip id>-departure@esim-ready`, ...), never a date, so importing a newer
file moves the event instead of adding a second one; SEQUENCE grows with the
export time (whole minutes) so calendars take the newer copy.

Texts are in `language` ("en" or "zh"). User text (names, nicknames, sources)
loses control characters; `icalendar` escapes commas, semicolons, backslashes
and line breaks, folds lines at 75 octets (not characters: a Chinese character
is 3 octets) and ends lines with CRLF.

Pure: returns data and bytes; `write_calendar` writes a file the user names
(atomically, owner-only: it holds phone numbers). Never imports Textual.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from esim_ready.errors import Refused, UserError
from esim_ready.i18n import text as message_in
from esim_ready.problems import Problem, shown_value
from esim_ready.state.keepalive import amount_text, next_due

if TYPE_CHECKING:
    from icalendar.parser import Contentline

    from esim_ready.state.profiles import Profile
    from esim_ready.state.trips import Trip

DEFAULT_ALARM_DAYS = 7
MAX_ALARM_DAYS = 365
ALARM_HOUR = 9  # alarms ring at 09:00 local time, whatever the time zone
UID_DOMAIN = "esim-ready"
PRODID = "-//esim-ready//esim-ready calendar export//EN"
_SEQUENCE_EPOCH = datetime(2026, 1, 1, tzinfo=UTC)


class NothingToExport(UserError):
    def __str__(self) -> str:  # worded when shown, in the current language
        from esim_ready.i18n import t

        return t("calendar.nothing")


class BadAlarmDays(Refused):
    def __init__(self, value: object) -> None:
        super().__init__(Problem("bad_alarm_days", args={"max": MAX_ALARM_DAYS, "got": shown_value(value)}))


@dataclass(frozen=True, slots=True)
class Alarm:
    """A reminder `days_before` the event's day, at 09:00 local time."""

    days_before: int
    text: str

    @property
    def trigger(self) -> timedelta:
        """Relative to the start (00:00) of the event's day: -N days + 9 hours."""
        return timedelta(days=-self.days_before, hours=ALARM_HOUR)


@dataclass(frozen=True, slots=True)
class CalendarEvent:
    """One all-day event, before it becomes iCalendar text."""

    uid: str
    day: date
    summary: str
    description: str
    alarms: tuple[Alarm, ...] = ()


def check_alarm_days(value: object) -> int:
    """`value` as a number of days (0 to 365), or `BadAlarmDays`."""
    if isinstance(value, str):
        try:
            value = int(value.strip())
        except ValueError:
            raise BadAlarmDays(value) from None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_ALARM_DAYS:
        raise BadAlarmDays(value)
    return value


def clean(text: str) -> str:
    """User or data text without control characters (line breaks become spaces)."""
    return "".join(" " if ch in "\r\n\t" else ch for ch in text if ch in "\r\n\t" or unicodedata.category(ch) != "Cc")


class _Texts:
    def __init__(self, language: str) -> None:
        self.language = language if language in ("en", "zh") else "en"

    def __call__(self, key: str, **kwargs: object) -> str:
        return message_in(self.language, key, **kwargs)

    def lines(self, *lines: str) -> str:
        return "\n".join(line for line in lines if line)


def _uid(*parts: str) -> str:
    return "-".join(parts) + "@" + UID_DOMAIN


def _rule_text(tx: _Texts, profile: Profile) -> tuple[str, str]:
    """(what to do, how often) of the profile's keep-alive rule, in the user's language."""
    rule = profile.keepalive
    assert rule is not None
    what = tx(f"profiles.action_{rule.action}")
    if rule.amount is not None:
        what = tx("profiles.rule_amount", action=what, amount=f"{amount_text(rule.amount)} {rule.currency or ''}".strip())
    if rule.every_months is not None:
        every = tx("profiles.every_months", n=rule.every_months)
    else:
        every = tx("profiles.every_days", n=rule.every_days)
    return what, every


def _keepalive_event(tx: _Texts, profile: Profile, alarm_days: int, today: date | None = None) -> CalendarEvent:
    rule = profile.keepalive
    assert rule is not None
    name = clean(profile.display_name)
    what, every = _rule_text(tx, profile)
    description = tx.lines(
        tx("calendar.keepalive_what", what=what),
        tx("calendar.keepalive_every", every=every, last=rule.last_done.isoformat()),
        tx("calendar.number", number=profile.number_display) if profile.number else "",
        tx("calendar.carrier", carrier=clean(profile.carrier)) if profile.carrier else "",
        tx("calendar.source", source=clean(rule.source)) if rule.source else tx("calendar.source_own"),
        tx("calendar.keepalive_after"),
    )
    due = next_due(rule)
    if today is not None and due < today:
        # overdue: on its past date the phone would never remind; put it on the day of
        # the export with a same-day alarm, and say since when it is due (same UID, so
        # the next export moves it to the new due date once it is done)
        return CalendarEvent(
            uid=_uid("keepalive", profile.id),
            day=today,
            summary=tx("calendar.keepalive_overdue_summary", name=name, what=what, due=due.isoformat()),
            description=description,
            alarms=(Alarm(0, tx("calendar.keepalive_overdue_summary", name=name, what=what, due=due.isoformat())),),
        )
    alarm = Alarm(alarm_days, tx("calendar.keepalive_alarm_today", name=name, what=what) if alarm_days == 0
                  else tx("calendar.keepalive_alarm", name=name, what=what, n=alarm_days))  # not "in 0 days"
    return CalendarEvent(
        uid=_uid("keepalive", profile.id),
        day=due,
        summary=tx("calendar.keepalive_summary", name=name, what=what),
        description=description,
        alarms=(alarm,),
    )


def _expiry_event(tx: _Texts, profile: Profile, alarm_days: int) -> CalendarEvent:
    assert profile.expiry is not None
    name = clean(profile.display_name)
    description = tx.lines(
        tx("calendar.expiry_plan", plan=clean(profile.plan)) if profile.plan else "",
        tx("calendar.number", number=profile.number_display) if profile.number else "",
        tx("calendar.carrier", carrier=clean(profile.carrier)) if profile.carrier else "",
        tx("calendar.expiry_after"),
    )
    return CalendarEvent(
        uid=_uid("expiry", profile.id),
        day=profile.expiry,
        summary=tx("calendar.expiry_summary", name=name),
        description=description,
        alarms=(Alarm(alarm_days, tx("calendar.expiry_alarm_today", name=name) if alarm_days == 0
                      else tx("calendar.expiry_alarm", name=name, n=alarm_days)),),
    )


def _trip_events(tx: _Texts, trip: Trip) -> list[CalendarEvent]:
    from esim_ready.catalog import countries

    found = countries.find(trip.country)
    country = found.name(tx.language) if found else trip.country
    name = clean(trip.name)
    phone = tx(f"trips.platform_{trip.platform}")
    about = tx("calendar.trip_about", country=country, phone=phone, id=trip.id)
    out = []
    if trip.start is not None:
        recheck = tx("calendar.trip_recheck", name=name)
        out.append(
            CalendarEvent(
                uid=_uid("trip", trip.id, "departure"),
                day=trip.start,
                summary=tx("calendar.departure_summary", name=name),
                description=tx.lines(about, recheck),
                alarms=(Alarm(1, recheck),),
            )
        )
    if trip.end is not None:
        out.append(
            CalendarEvent(
                uid=_uid("trip", trip.id, "return"),
                day=trip.end,
                summary=tx("calendar.return_summary", name=name),
                description=about,
            )
        )
    return out


def calendar_events(
    profiles: Iterable[Profile],
    trips: Iterable[Trip],
    language: str = "en",
    alarm_days: int = DEFAULT_ALARM_DAYS,
    today: date | None = None,
) -> list[CalendarEvent]:
    """Every event of the export, sorted by day then UID (see module doc). A keep-alive
    duty already overdue on `today` is put on `today` (see `_keepalive_event`)."""
    alarm_days = check_alarm_days(alarm_days)
    tx = _Texts(language)
    out: list[CalendarEvent] = []
    for profile in profiles:
        if profile.keepalive is not None:
            out.append(_keepalive_event(tx, profile, alarm_days, today))
        if profile.expiry is not None:
            out.append(_expiry_event(tx, profile, alarm_days))
    for trip in trips:
        out.extend(_trip_events(tx, trip))
    out.sort(key=lambda e: (e.day, e.uid))
    return out


def sequence_for(now: datetime) -> int:
    """A SEQUENCE that grows with every later export: whole minutes since 2026-01-01 UTC."""
    return max(0, int((now - _SEQUENCE_EPOCH).total_seconds() // 60))


def _line(line: Contentline) -> bytes:
    """One content line as bytes, folded by icalendar when longer than 75 octets
    (most lines are short and skip its character-by-character loop)."""
    raw = line.encode("utf-8")
    return raw if len(raw) < 75 else line.to_ical()  # type: ignore[no-untyped-call]


def render_calendar(events: Sequence[CalendarEvent], now: datetime, language: str = "en") -> bytes:
    """The `.ics` bytes (UTF-8, CRLF, folded) of `events`; `now` (aware) is the export time.

    Built as `icalendar` components with typed values (its escaping and value
    formats); the values shared by every event are made once, and only lines
    long enough to need it go through the folding loop (same output as
    `Calendar.to_ical`, in the order the properties were added).
    """
    from icalendar import Alarm as VAlarm
    from icalendar import Calendar, Event
    from icalendar.prop import vDDDTypes, vInt, vText

    stamp = vDDDTypes(now.astimezone(UTC).replace(microsecond=0))
    sequence = vInt(sequence_for(now.astimezone(UTC)))
    transparent, display = vText("TRANSPARENT"), vText("DISPLAY")
    cal = Calendar()
    cal.add("version", "2.0")
    cal.add("prodid", PRODID)
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", _Texts(language)("calendar.calendar_name"))
    for item in events:
        event = Event()
        event["UID"] = vText(item.uid)
        event["DTSTAMP"] = stamp
        event["SEQUENCE"] = sequence
        event["DTSTART"] = vDDDTypes(item.day)  # a date: VALUE=DATE, all day
        event["DTEND"] = vDDDTypes(item.day + timedelta(days=1))  # exclusive end: one day
        event["SUMMARY"] = vText(item.summary)
        event["DESCRIPTION"] = vText(item.description)
        event["TRANSP"] = transparent  # a reminder, not a busy day
        for alarm in item.alarms:
            valarm = VAlarm()
            valarm["ACTION"] = display
            valarm["DESCRIPTION"] = vText(alarm.text)
            valarm["TRIGGER"] = vDDDTypes(alarm.trigger)
            event.add_component(valarm)
        cal.add_component(event)
    return b"\r\n".join(_line(line) for line in cal.content_lines(sorted=False) if line) + b"\r\n"


def export_calendar(
    profiles: Iterable[Profile],
    trips: Iterable[Trip],
    *,
    language: str = "en",
    alarm_days: int = DEFAULT_ALARM_DAYS,
    now: datetime | None = None,
    today: date | None = None,
) -> tuple[bytes, int]:
    """(the `.ics` bytes, how many events) for these profiles and trips.

    `NothingToExport` when there is no event (RFC 5545 wants at least one)."""
    now = now or datetime.now(UTC)
    events = calendar_events(profiles, trips, language, alarm_days, today=today or now.date())
    if not events:
        raise NothingToExport
    return render_calendar(events, now, language), len(events)


def write_calendar(path: str | Path, data: bytes) -> Path:
    """Write the file the user named (atomic, owner-only; into a device, FIFO or link
    target as it is); returns its absolute path. The bytes go as they are: CRLF line
    ends are the format's, and every text in them has been `clean`ed."""
    from esim_ready.exchange.user_files import write_user_bytes

    return write_user_bytes(path, data)
