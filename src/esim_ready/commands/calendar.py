"""`esim-ready calendar`: keep-alive duties, trips and plan expiry dates as an iCalendar file.

    esim-ready calendar -o FILE.ics [--alarm-days N] [--lang en|zh]     (-o - : standard output)

Texts are in `--lang`, else the app's saved language, else the locale's.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from esim_ready.commands import warn_quarantined
from esim_ready.i18n import t


def register(subparsers: Any) -> None:
    from esim_ready.exchange.calendar_ics import DEFAULT_ALARM_DAYS, MAX_ALARM_DAYS

    p = subparsers.add_parser(
        "calendar",
        help=t("cli.h_calendar_write_keep_alive_duties_trip"),
        description=t("cli.d_calendar"),
    )
    p.add_argument("-o", "--output", required=True, metavar="FILE.ics", help=t("cli.h_calendar_where_write_standard_output"))
    p.add_argument(
        "--alarm-days",
        type=_alarm_days,
        default=DEFAULT_ALARM_DAYS,
        metavar="N",
        help=t("cli.h_calendar_alarm_days", max=MAX_ALARM_DAYS, default=DEFAULT_ALARM_DAYS),
    )
    p.add_argument("--lang", dest="calendar_lang", choices=["en", "zh"], help=t("cli.h_calendar_language_texts"))
    p.set_defaults(handler=cmd_calendar)


def _alarm_days(text: str) -> int:
    from esim_ready.exchange.calendar_ics import BadAlarmDays, check_alarm_days

    try:
        return check_alarm_days(text)
    except BadAlarmDays as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _language(args: argparse.Namespace) -> str:
    chosen = args.calendar_lang or getattr(args, "lang", None)
    if chosen:
        return str(chosen)
    from esim_ready.i18n import locale_language
    from esim_ready.state.settings import SettingsStore

    return SettingsStore().load().language or locale_language()


def cmd_calendar(args: argparse.Namespace) -> int:
    if args.calendar_lang:  # `calendar --lang zh`: the command's own messages too, as `--lang zh calendar`
        from esim_ready.i18n import set_language

        set_language(args.calendar_lang)
    from esim_ready.exchange.calendar_ics import export_calendar, write_calendar
    from esim_ready.exchange.user_files import is_standard_output
    from esim_ready.state.profiles import ProfileStore
    from esim_ready.state.trips import TripStore

    profiles_store, trips_store = ProfileStore(), TripStore()
    profiles, trips = profiles_store.list(), trips_store.list_trips()
    warn_quarantined(profiles_store, "cli.fresh_profiles")
    warn_quarantined(trips_store, "cli.fresh_trips")
    data, count = export_calendar(profiles, trips, language=_language(args), alarm_days=args.alarm_days)
    if is_standard_output(args.output):  # "-", /dev/stdout...: the document alone
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    written = write_calendar(args.output, data)
    print(t("cli.calendar_written", n=count, path=written))
    return 0
