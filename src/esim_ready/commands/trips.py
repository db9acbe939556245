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

from esim_ready.commands import print_table, warn_quarantined
from esim_ready.errors import UserError
from esim_ready.exchange.checklist_files import apply_import, format_for, render  # shared with the app's screens
from esim_ready.exchange.user_files import read_user_file, write_user_file


class UsageError(UserError):
    """The command line asks for something impossible."""


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("trips", help="list your trips and how ready each one is")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_trips)

    p = subparsers.add_parser(
        "export",
        help="write a trip's checklist (or a blank one) to TOML or printable Markdown",
        description="Write a trip's checklist, or with --country and --platform the blank checklist, "
        "to a TOML document (for `esim-ready import`) or a printable Markdown checklist.",
    )
    p.add_argument("trip_id", nargs="?", metavar="TRIP_ID", help="the trip (see `esim-ready trips`)")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="where to write (- for standard output)")
    p.add_argument(
        "--format",
        choices=["toml", "markdown"],
        dest="export_format",
        help="default: markdown for a .md file name, else toml",
    )
    p.add_argument("--country", dest="blank_country", metavar="CODE", help="blank checklist for this country")
    p.add_argument("--platform", dest="blank_platform", choices=["ios", "android"], help="with --country")
    p.add_argument("--lang", dest="export_lang", choices=["en", "zh"], help="language of the titles (default en)")
    p.set_defaults(handler=cmd_export)

    p = subparsers.add_parser("import", help="read a checklist TOML document (creates or replaces the trip by id)")
    p.add_argument("file", metavar="FILE.toml", help="the document (- for standard input)")
    p.add_argument(
        "--replace", action="store_true", help="import even if it takes back ticks or notes made since (listed otherwise)"
    )
    p.set_defaults(handler=cmd_import)


def _store() -> Any:
    from esim_ready.state.trips import TripStore

    return TripStore()


def _dates(trip: Any) -> str:
    if trip.start is None and trip.end is None:
        return ""
    return f"{trip.start or '…'} – {trip.end or '…'}"


# -- trips -----------------------------------------------------------------------------


def cmd_trips(args: argparse.Namespace) -> int:
    from esim_ready.state.checklist_logic import readiness

    store = _store()
    trips = store.list_trips()
    warn_quarantined(store, "an empty list of trips")
    templates = store.templates
    scores = [readiness(t, templates) for t in trips]
    if args.json:
        out = [
            {
                "id": t.id,
                "name": t.name,
                "country": t.country,
                "platform": t.platform,
                "start": t.start.isoformat() if t.start else None,
                "end": t.end.isoformat() if t.end else None,
                "created": t.created.isoformat(),
                "readiness": {
                    "percent": s.percent,
                    "done": s.done,
                    "total": s.total,
                    "critical_open": list(s.critical_open),
                    "stale_backups": list(s.stale),
                },
                "backup_days": t.fresh_days,
            }
            for t, s in zip(trips, scores, strict=True)
        ]
        print(json.dumps({"trips": out}, ensure_ascii=False, indent=2))
        return 0
    if not trips:
        print("No trips yet. Create one in the app (esim-ready), or import a checklist: esim-ready import FILE.toml")
        return 0
    rows = [("ID", "NAME", "COUNTRY", "PHONE", "DATES", "READY", "CRITICAL OPEN", "STALE BACKUPS")]
    for t, s in zip(trips, scores, strict=True):
        rows.append(
            (t.id, t.name, t.country, t.platform, _dates(t), f"{s.percent}%", str(len(s.critical_open)), str(len(s.stale)))
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
            raise UsageError("give either TRIP_ID or --country/--platform (a blank checklist), not both")
        if not (args.blank_country and args.blank_platform):
            raise UsageError("a blank checklist needs both --country CODE and --platform ios|android")
        trip = blank_trip(args.blank_country, args.blank_platform, store.templates, language)
        what = f"blank checklist for {trip.country} ({trip.platform})"
    elif args.trip_id:
        trip = store.get_trip(args.trip_id)
        warn_quarantined(store, "an empty list of trips")
        what = f"trip {trip.id} \"{trip.name}\""
    else:
        raise UsageError("say which trip (TRIP_ID, see `esim-ready trips`) or --country CODE --platform ios|android")
    text = render(trip, store.templates, fmt, language)
    if write_user_file(args.output, text) is None:  # "-": standard output
        return 0
    print(f"Exported {what} to {args.output} ({fmt}).")
    return 0


# -- import ---------------------------------------------------------------------------


def cmd_import(args: argparse.Namespace) -> int:
    text, name = read_user_file(args.file)
    store = _store()
    result = apply_import(store, text, name, replace=args.replace)  # checks all before any change
    saved = result.trip
    warn_quarantined(store, "an empty list of trips")
    verb = "Created" if result.created else "Replaced"
    print(
        f"{verb} trip {saved.id} \"{saved.name}\" ({saved.country}, {saved.platform}) from {name}: "
        f"{len(saved.items)} item(s), {result.ticked} ticked."
    )
    if result.unknown_items:
        ids = ", ".join(result.unknown_items)
        print(f"Kept {len(result.unknown_items)} item(s) this version does not know (not shown or scored): {ids}")
    return 0
