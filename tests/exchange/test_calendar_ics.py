"""The calendar export: read back by two independent parsers (icalendar, vobject),
the RFC 5545 rules that bite (CRLF, folding at 75 octets, escaping, UTF-8), all-day
dates whatever the time zone, and UIDs that stay put across exports."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta

import icalendar
import pytest
import vobject

from esim_ready.exchange.calendar_ics import (
    BadAlarmDays,
    NothingToExport,
    calendar_events,
    check_alarm_days,
    export_calendar,
)
from esim_ready.state.keepalive import KeepAlive
from esim_ready.state.profiles import Profile
from esim_ready.state.trips import Trip

NOW = datetime(2026, 11, 21, 10, 0, tzinfo=UTC)
LONG_ZH = "挪威的预付费号码，要每隔一百八十天充值一次；否则号码会被运营商收回，验证码也就收不到了" * 2


def norway(**changes: object) -> Profile:
    rule = KeepAlive(
        action="topup", last_done=date(2026, 6, 1), every_days=180, amount=100, currency="NOK",
        source="https://www.telenor.no/privat/vilkar/",
    )  # fmt: skip
    values: dict[str, object] = {
        "id": "p-norway", "nickname": "挪威号, work; spare", "number": "+4740612345", "carrier": "Telenor",
        "country": "NO", "keepalive": rule, "expiry": date(2027, 1, 5), "plan": "Tourist 20 GB",
    }  # fmt: skip
    values.update(changes)
    return Profile(**values)  # type: ignore[arg-type]


def morocco(**changes: object) -> Trip:
    values: dict[str, object] = {
        "id": "ma-3f9a2c", "name": "摩洛哥", "country": "MA", "platform": "ios",
        "start": date(2026, 12, 1), "end": date(2026, 12, 14), "created": NOW,
    }  # fmt: skip
    values.update(changes)
    return Trip(**values)  # type: ignore[arg-type]


def export(profiles=None, trips=None, language="zh", **kw) -> bytes:  # type: ignore[no-untyped-def]
    data, _ = export_calendar(
        [norway()] if profiles is None else profiles,
        [morocco()] if trips is None else trips,
        language=language,
        now=kw.pop("now", NOW),
        **kw,
    )
    return data


def by_uid_icalendar(data: bytes) -> dict[str, icalendar.Event]:
    cal = icalendar.Calendar.from_ical(data)
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def by_uid_vobject(data: bytes) -> dict[str, object]:
    cal = vobject.readOne(data.decode("utf-8"))
    return {e.uid.value: e for e in cal.vevent_list}


UIDS = {
    "keepalive-p-norway@esim-ready": date(2026, 11, 28),  # 2026-06-01 + 180 days
    "expiry-p-norway@esim-ready": date(2027, 1, 5),
    "trip-ma-3f9a2c-departure@esim-ready": date(2026, 12, 1),
    "trip-ma-3f9a2c-return@esim-ready": date(2026, 12, 14),
}


@pytest.mark.parametrize("reader", [by_uid_icalendar, by_uid_vobject])
def test_two_parsers_read_the_same_all_day_events(reader) -> None:  # type: ignore[no-untyped-def]
    events = reader(export())
    assert set(events) == set(UIDS)
    for uid, day in UIDS.items():
        event = events[uid]
        if reader is by_uid_icalendar:
            start, end, summary = event["DTSTART"].dt, event["DTEND"].dt, str(event["SUMMARY"])
        else:
            start, end, summary = event.dtstart.value, event.dtend.value, event.summary.value  # type: ignore[attr-defined]
        assert type(start) is date and start == day  # a date, not a date-time: all day
        assert end == day + timedelta(days=1)
        if uid.startswith("keepalive"):
            assert summary == "保号：挪威号, work; spare——充值（100 NOK）"  # commas and semicolons come back


def test_keepalive_event_says_what_to_do_what_it_costs_and_the_source_with_an_alarm_days_ahead() -> None:
    events = by_uid_icalendar(export(language="en", alarm_days=3))
    duty = events["keepalive-p-norway@esim-ready"]
    text = str(duty["DESCRIPTION"])
    assert "To do: top-up (100 NOK)." in text
    assert "every 180 days; last done 2026-06-01" in text
    assert "Rule's source: https://www.telenor.no/privat/vilkar/" in text
    assert "Number: +47 40 61 23 45" in text
    [alarm] = duty.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert alarm["TRIGGER"].dt == -timedelta(days=2, hours=15)  # 09:00, three days before the due date
    assert "In 3 days" in str(alarm["DESCRIPTION"])


@pytest.mark.parametrize(("language", "words"), [("en", "Today: keep"), ("zh", "今天要为")])
def test_an_alarm_on_the_day_says_today_not_in_0_days(language: str, words: str) -> None:
    events = by_uid_icalendar(export(language=language, alarm_days=0))
    [alarm] = events["keepalive-p-norway@esim-ready"].walk("VALARM")
    said = str(alarm["DESCRIPTION"])
    assert said.startswith(words) and " 0 " not in said and "(100 NOK))" not in said


def test_default_alarm_is_seven_days_ahead_and_departure_warns_the_day_before() -> None:
    raw = export().decode("utf-8")
    events = by_uid_icalendar(export())
    [duty_alarm] = events["keepalive-p-norway@esim-ready"].walk("VALARM")
    assert duty_alarm["TRIGGER"].dt == -timedelta(days=6, hours=15)
    [leave] = events["trip-ma-3f9a2c-departure@esim-ready"].walk("VALARM")
    assert leave["TRIGGER"].dt == -timedelta(hours=15)  # 09:00 the day before departure
    assert "重新检查备份" in str(leave["DESCRIPTION"])
    assert "TRIGGER:-P6DT15H\r\n" in raw and "TRIGGER:-PT15H\r\n" in raw
    assert not events["trip-ma-3f9a2c-return@esim-ready"].walk("VALARM")


def test_lines_end_in_crlf_and_fold_at_75_octets_even_in_chinese() -> None:
    data = export(profiles=[norway(plan=LONG_ZH)])
    assert data.endswith(b"\r\n")
    lines = data.split(b"\r\n")[:-1]
    assert b"\n" not in b"".join(lines) and b"\r" not in b"".join(lines)  # no bare line ends
    assert max(len(line) for line in lines) <= 75
    assert any(len(line.decode("utf-8")) < 70 and len(line) > 70 for line in lines)  # octets, not characters
    for line in lines:
        line.decode("utf-8")  # a fold never splits a character
    plan = str(by_uid_icalendar(data)["expiry-p-norway@esim-ready"]["DESCRIPTION"])
    assert LONG_ZH in plan  # unfolded, it is the text again


def test_commas_semicolons_and_backslashes_are_escaped_and_control_characters_removed() -> None:
    data = export(profiles=[norway(nickname="a,b;c\\d\x1b[31m")], trips=[])
    raw = data.decode("utf-8")
    assert "a\\,b\\;c\\\\d" in raw
    assert "\x1b" not in raw
    summary = str(by_uid_icalendar(data)["keepalive-p-norway@esim-ready"]["SUMMARY"])
    assert summary.startswith("保号：a,b;c\\d[31m——")


def test_texts_follow_the_language() -> None:
    zh = by_uid_icalendar(export(language="zh"))["trip-ma-3f9a2c-departure@esim-ready"]
    en = by_uid_icalendar(export(language="en"))["trip-ma-3f9a2c-departure@esim-ready"]
    assert str(zh["SUMMARY"]) == "出发：摩洛哥" and "摩洛哥，iPhone（iOS）" in str(zh["DESCRIPTION"])
    assert str(en["SUMMARY"]) == "Trip starts: 摩洛哥" and "Morocco, iPhone (iOS)" in str(en["DESCRIPTION"])


def test_uids_stay_when_dates_change_so_a_newer_import_moves_the_event() -> None:
    first = by_uid_icalendar(export())
    moved = norway(keepalive=KeepAlive(action="outgoing", last_done=date(2026, 11, 20), every_months=3))
    second = by_uid_icalendar(
        export(profiles=[moved], trips=[morocco(start=date(2027, 2, 1), end=None)], now=NOW + timedelta(days=3))
    )
    assert set(second) <= set(first)
    assert second["keepalive-p-norway@esim-ready"]["DTSTART"].dt == date(2027, 2, 20)
    assert second["trip-ma-3f9a2c-departure@esim-ready"]["DTSTART"].dt == date(2027, 2, 1)
    assert "trip-ma-3f9a2c-return@esim-ready" not in second
    for uid in second:  # the later file wins where calendars compare SEQUENCE
        assert int(second[uid]["SEQUENCE"]) > int(first[uid]["SEQUENCE"])
    other = by_uid_icalendar(export(profiles=[norway(id="p-other")], trips=[morocco(id="no-aaaaaa")]))
    assert not set(other) & set(first)  # another profile or trip: other events


def test_nothing_depends_on_the_machines_time_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    outputs = []
    for zone in ("UTC", "Asia/Shanghai", "America/Los_Angeles", "Pacific/Kiritimati"):
        monkeypatch.setenv("TZ", zone)
        time.tzset()
        outputs.append(export())
    monkeypatch.delenv("TZ")
    time.tzset()
    assert len(set(outputs)) == 1
    assert b"TZID" not in outputs[0] and b"VTIMEZONE" not in outputs[0]
    assert b"DTSTART;VALUE=DATE:20261201\r\n" in outputs[0]


def test_trips_without_dates_and_profiles_without_rules_make_no_events() -> None:
    assert calendar_events([Profile(nickname="plain")], [morocco(start=None, end=None)]) == []
    with pytest.raises(NothingToExport):
        export(profiles=[Profile(nickname="plain")], trips=[])


@pytest.mark.parametrize("bad", [-1, 366, "seven", True, 2.5])
def test_alarm_days_out_of_range_are_refused(bad: object) -> None:
    with pytest.raises(BadAlarmDays):
        check_alarm_days(bad)
    assert check_alarm_days("0") == 0 and check_alarm_days(365) == 365



def test_an_overdue_duty_is_put_on_the_export_day_with_an_alarm_that_day() -> None:
    """Due 2026-11-28 (2026-06-01 + 180 days), exported on 2026-12-03: on its past date
    the phone would never remind, so it goes on the export day, saying since when."""
    later = datetime(2026, 12, 3, 8, 0, tzinfo=UTC)
    data, _ = export_calendar([norway(expiry=None)], [], language="en", now=later)
    [event] = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert event["DTSTART"].dt == date(2026, 12, 3)
    assert "Overdue since 2026-11-28" in str(event["SUMMARY"])
    [alarm] = event.walk("VALARM")
    assert str(alarm["TRIGGER"].to_ical(), "ascii") == "PT9H"  # 09:00 on the day itself
    [before] = icalendar.Calendar.from_ical(export_calendar([norway(expiry=None)], [], now=NOW)[0]).walk("VEVENT")
    assert before["DTSTART"].dt == date(2026, 11, 28) and before["UID"] == event["UID"]
