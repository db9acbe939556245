"""`esim-ready trips`, `export` and `import`: trips and their checklists, scripted.

    esim-ready trips [--json]
    esim-ready export TRIP_ID -o FILE.toml            (-o - : standard output)
    esim-ready export TRIP_ID -o FILE.md              (or --format markdown; --lang zh)
    esim-ready export --country MA --platform ios -o FILE.toml   (the blank checklist)
    esim-ready import FILE.toml                       (- : standard input)

`import` checks the whole document first; with any problem it prints every one
(line, item id, field) and exits 2 without changing anything. Otherwise it
creates the trip, or replaces the trip with the same id.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from esim_ready.catalog import countries
from esim_ready.commands import print_table, warn_quarantined
from esim_ready.errors import UserError
from esim_ready.exchange.checklist_files import apply_import, format_for, render  # shared with the app's screens
from esim_ready.exchange.user_files import read_user_file, write_user_file
from esim_ready.i18n import current_language, t


class UsageError(UserError):
    """The command line asks for something impossible."""


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("trips", help=t("cli.h_trips_list_your_trips_how_ready_ea"))
    p.add_argument("--json", action="store_true", help=t("cli.h_browse_print_json"))
    p.set_defaults(handler=cmd_trips)

    p = subparsers.add_parser(
        "export",
        help=t("cli.h_trips_write_trip_checklist_blank_o"),
        description=t("cli.d_export"),
    )
    p.add_argument("trip_id", nargs="?", metavar="TRIP_ID", help=t("cli.h_trips_trip_see_esim_ready_trips"))
    p.add_argument("-o", "--output", required=True, metavar="FILE", help=t("cli.h_calendar_where_write_standard_output"))
    p.add_argument(
        "--format",
        choices=["toml", "markdown"],
        dest="export_format",
        help=t("cli.h_trips_default_markdown_md_file_nam"),
    )
    p.add_argument("--country", dest="blank_country", metavar="CODE", help=t("cli.h_trips_blank_checklist_country"))
    p.add_argument("--platform", dest="blank_platform", choices=["ios", "android"], help=t("cli.h_trips_country"))
    p.add_argument("--lang", dest="export_lang", choices=["en", "zh"], help=t("cli.h_trips_language_titles_default_en"))
    p.set_defaults(handler=cmd_export)

    p = subparsers.add_parser("import", help=t("cli.h_trips_read_checklist_toml_document"))
    p.add_argument("file", metavar="FILE.toml", help=t("cli.h_trips_document_standard_input"))
    p.add_argument(
        "--replace", action="store_true", help=t("cli.h_trips_import_even_if_takes_back_ti")
    )
    p.set_defaults(handler=cmd_import)


def _store() -> Any:
    from esim_ready.state.trips import TripStore

    return TripStore()


def _dates(trip: Any) -> str:
    """In the words the app uses ("2026-12-20 至 2026-12-27" in Chinese), whole dates."""
    if trip.start and trip.end:
        return t("trips.dates_range", start=trip.start.isoformat(), end=trip.end.isoformat())
    if trip.start:
        return t("trips.dates_from", start=trip.start.isoformat())
    if trip.end:
        return t("trips.dates_until", end=trip.end.isoformat())
    return ""


# -- trips -----------------------------------------------------------------------------


def cmd_trips(args: argparse.Namespace) -> int:
    from esim_ready.state.checklist_logic import readiness

    store = _store()
    trips = store.list_trips()
    warn_quarantined(store, "cli.fresh_trips")
    templates = store.templates
    scores = [readiness(trip, templates) for trip in trips]
    if args.json:
        out = [
            {
                "id": trip.id,
                "name": trip.name,
                "country": trip.country,
                "platform": trip.platform,
                "start": trip.start.isoformat() if trip.start else None,
                "end": trip.end.isoformat() if trip.end else None,
                "created": trip.created.isoformat(),
                "readiness": {
                    "percent": s.percent,
                    "done": s.done,
                    "total": s.total,
                    "critical_open": list(s.critical_open),
                    "stale_backups": list(s.stale),
                },
                "backup_days": trip.fresh_days,
            }
            for trip, s in zip(trips, scores, strict=True)
        ]
        print(json.dumps({"trips": out}, ensure_ascii=False, indent=2))
        return 0
    if not trips:
        print(t("cli.no_trips"))
        return 0
    head = ("id", "name", "country", "phone", "dates", "ready", "critical_open", "stale")
    rows = [tuple(t(f"cli.trips_col_{name}") for name in head)]
    for trip, s in zip(trips, scores, strict=True):
        rows.append(
            (trip.id, trip.name, trip.country, t(f"trips.short_{trip.platform}"), _dates(trip), f"{s.percent}%",
             str(len(s.critical_open)), str(len(s.stale)))
        )
    print_table(rows)
    return 0


# -- export ---------------------------------------------------------------------------


def cmd_export(args: argparse.Namespace) -> int:
    from esim_ready.exchange.checklist_toml import blank_trip

    language = args.export_lang or getattr(args, "lang", None) or "en"
    fmt = format_for(args.output, args.export_format)
    store = _store()
    if args.blank_country or args.blank_platform:
        if args.trip_id:
            raise UsageError(t("cli.export_both"))
        if not (args.blank_country and args.blank_platform):
            raise UsageError(t("cli.export_blank_needs"))
        trip = blank_trip(args.blank_country, args.blank_platform, store.templates, language)
        what = t("cli.export_what_blank", country=countries.name_of(trip.country, current_language()),
                 platform=t(f"trips.short_{trip.platform}"))
    elif args.trip_id:
        trip = store.get_trip(args.trip_id)
        warn_quarantined(store, "cli.fresh_trips")
        what = t("cli.export_what_trip", id=trip.id, name=trip.name)
    else:
        raise UsageError(t("cli.export_which"))
    text = render(trip, store.templates, fmt, language)
    if write_user_file(args.output, text) is None:  # "-": standard output
        return 0
    print(t("cli.exported", what=what, path=args.output, format=t(f"checklist.format_{fmt}")))  # as the app says it
    return 0


# -- import ---------------------------------------------------------------------------


def cmd_import(args: argparse.Namespace) -> int:
    text, name = read_user_file(args.file)
    store = _store()
    result = apply_import(store, text, name, replace=args.replace)  # checks all before any change
    saved = result.trip
    warn_quarantined(store, "cli.fresh_trips")
    done = "cli.imported_created" if result.created else "cli.imported_replaced"
    print(
        t(done, id=saved.id, name=saved.name, country=countries.name_of(saved.country, current_language()),
          platform=t(f"trips.short_{saved.platform}"), path=name)
        + t("cli.imported_items", n=len(saved.items), ticked=result.ticked)
    )
    if result.unknown_items:
        ids = t("profiles.list_sep").join(result.unknown_items)
        print(t("cli.imported_unknown", n=len(result.unknown_items), ids=ids))
    return 0
