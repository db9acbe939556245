"""`esim-ready profiles …` and `esim-ready due`: the profiles and keep-alive duties, scripted.

    esim-ready profiles list [--json] [--show-secrets]
    esim-ready profiles export -o FILE.toml [--include-secrets]     (-o - : standard output)
    esim-ready profiles import FILE.toml                            (- : standard input)
    esim-ready profiles import-lpac FILE                            (- : standard input)
    esim-ready profiles merge TYPED IMPORTED                        (one profile of the two)
    esim-ready due [--json] [--today YYYY-MM-DD]

`due` exits 1 when a number's keep-alive is overdue (for cron), else 0.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import Any

from esim_ready.commands import print_table, warn_quarantined
from esim_ready.dates import typed_date
from esim_ready.errors import UserError
from esim_ready.i18n import t
from esim_ready.textsafe import one_line


def register(subparsers: Any) -> None:
    profiles = subparsers.add_parser("profiles", help=t("cli.h_profiles_list_export_import_your_esim"))
    profiles.set_defaults(handler=cmd_list, json=False, show_secrets=False)
    sub = profiles.add_subparsers(dest="profiles_command", metavar="ACTION")

    p = sub.add_parser("list", help=t("cli.h_profiles_show_your_profiles"))
    p.add_argument("--json", action="store_true", help=t("cli.h_profiles_print_json_secrets_left_out"))
    p.add_argument("--show-secrets", action="store_true", help=t("cli.h_profiles_also_print_activation_codes"))
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser("export", help=t("cli.h_profiles_write_your_profiles_toml_fil"))
    p.add_argument("-o", "--output", required=True, metavar="FILE.toml", help=t("cli.h_calendar_where_write_standard_output"))
    p.add_argument(
        "--include-secrets", action="store_true", help=t("cli.h_profiles_also_write_activation_codes")
    )
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("import", help=t("cli.h_profiles_read_profiles_from_esim_read"))
    p.add_argument("file", metavar="FILE.toml", help=t("cli.h_profiles_file_standard_input"))
    p.add_argument("--replace", action="store_true", help=t("cli.h_profiles_import_even_if_puts_keep_ali"))
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser(
        "import-lpac", help=t("cli.h_profiles_read_what_lpac_profile_list")
    )
    p.add_argument("file", metavar="FILE", help=t("cli.h_profiles_saved_output_standard_input"))
    p.add_argument(
        "--profile", metavar="ID|ICCID|NICKNAME", help=t("cli.h_profiles_chip_info_alone_profile_whos")
    )
    p.set_defaults(handler=cmd_import_lpac)

    p = sub.add_parser("merge", help=t("cli.h_profiles_merge"))
    p.add_argument("typed", metavar="TYPED", help=t("cli.h_profiles_merge_typed"))
    p.add_argument("imported", metavar="IMPORTED", help=t("cli.h_profiles_merge_imported"))
    p.set_defaults(handler=cmd_merge)

    p = subparsers.add_parser("due", help=t("cli.h_profiles_keep_alive_duties_due_date_e"))
    p.add_argument("--json", action="store_true", help=t("cli.h_browse_print_json"))
    p.add_argument("--today", type=_date_arg, metavar="YYYY-MM-DD", help=t("cli.h_profiles_count_from_date_instead_toda"))
    p.set_defaults(handler=cmd_due)


def _date_arg(text: str) -> date:
    try:
        day = typed_date(text)
    except ValueError:
        day = None
    if day is None:
        raise argparse.ArgumentTypeError(t("cli.not_a_date", text=text))
    return day


def _store() -> Any:
    from esim_ready.state.profiles import ProfileStore

    return ProfileStore()


# -- profiles list ---------------------------------------------------------------


def cmd_list(args: argparse.Namespace) -> int:
    from esim_ready.state.profiles import profile_to_dict

    store = _store()
    profiles = store.list()
    warn_quarantined(store, "cli.fresh_profiles")
    if args.json:
        items = []
        for p in profiles:
            item = profile_to_dict(p, include_secrets=args.show_secrets)
            item["number_international"] = p.number_display or None
            items.append(item)
        print(json.dumps({"profiles": items}, ensure_ascii=False, indent=2, default=str))
        return 0
    if not profiles:
        print(t("cli.no_profiles"))
        return 0
    header = (t("profiles.col_default"), t("profiles.col_name"), t("profiles.col_role"), t("profiles.col_state"),
              t("profiles.col_number"), t("profiles.col_carrier"), "ICCID")
    for n, group in enumerate(([p for p in profiles if not p.is_test], [p for p in profiles if p.is_test])):
        if not group:
            continue
        if n:
            print("\n" + t("code.test_profiles"))
        rows = [header]
        for p in group:
            default = "+".join(t(key) for key, on in (("profiles.role_data", p.default_data),
                                                       ("profiles.role_voice", p.default_voice)) if on)
            role = t(f"profiles.role_{p.role}") if p.role else ""
            rows.append(
                (default, p.display_name, role, t(f"profiles.state_{p.state}"), p.number_display, p.carrier or "",
                 p.iccid or "")
            )
        print_table(rows)
    if args.show_secrets:
        print()
        for p in profiles:
            for name in ("activation_code", "confirmation_code", "puk"):
                if getattr(p, name):
                    print(f"{p.display_name}  " + t(f"profiles.secret_{name}", value=getattr(p, name)))
    elif any(p.activation_code or p.confirmation_code or p.puk for p in profiles):
        print("\n" + t("cli.secrets_hidden"))
    return 0


# -- export / import ---------------------------------------------------------------


def cmd_export(args: argparse.Namespace) -> int:
    from esim_ready.exchange.profiles_toml import export_profiles
    from esim_ready.exchange.user_files import write_user_file

    store = _store()
    profiles = store.list()
    warn_quarantined(store, "cli.fresh_profiles")
    text = export_profiles(profiles, include_secrets=args.include_secrets)
    if write_user_file(args.output, text) is None:  # "-": standard output
        return 0
    secrets = t("cli.with_secrets") if args.include_secrets else t("cli.without_secrets")
    print(t("cli.profiles_exported", n=len(profiles), path=args.output, secrets=secrets))
    return 0


def _summary(what: str, summary: Any) -> None:
    for warning in summary.warnings:
        print(t("cli.error_line", message=t("cli.warning", message=warning)), file=sys.stderr)
    if summary.skipped_lines:
        print(t("cli.error_line", message=t("code.lpac_skipped", n=summary.skipped_lines)), file=sys.stderr)
    print(t("cli.profiles_imported", path=what, added=len(summary.added), updated=len(summary.updated)))
    if summary.eid:
        print(t("code.lpac_eid", eid=summary.eid, n=len(summary.added) + len(summary.updated)))
    for pair in summary.same:  # the user decides: say so and how
        print(
            "\n"
            + t(
                "profiles.same_cli",
                imported=one_line(pair.imported.display_name),
                iccid=pair.imported.iccid,
                typed=one_line(pair.typed.display_name),
                why=t(f"profiles.same_{pair.reason}"),
                command=f"esim-ready profiles merge {pair.typed.id} {pair.imported.id}",
            )
        )


def _import(args: argparse.Namespace, importer: Any) -> int:
    """Read FILE (or stdin), hand it to `importer(text, store, name)`, report."""
    from esim_ready.exchange.user_files import read_user_file

    text, name = read_user_file(args.file)
    store = _store()
    summary = importer(text, store, name)
    warn_quarantined(store, "cli.fresh_profiles")
    _summary(name, summary)
    return 0


def _profile_named(store: Any, name: str) -> str:
    """The id of the profile with this id, ICCID or nickname, or else with this name as
    `profiles list` shows it (the chip's name of a profile you gave no nickname)."""
    profiles = store.list()
    for p in profiles:
        if name in (p.id, p.iccid, p.nickname):
            return str(p.id)
    shown = [p for p in profiles if p.display_name == name]
    if len(shown) == 1:
        return str(shown[0].id)
    if shown:
        raise UserError(t("code.profile_name_shared", name=name, ids=t("profiles.list_sep").join(p.id for p in shown)))
    raise UserError(t("code.no_such_profile", name=name))


def cmd_import(args: argparse.Namespace) -> int:
    from esim_ready.exchange.profiles_toml import import_profiles

    return _import(args, lambda text, store, name: import_profiles(text, store, name, replace=args.replace))


def cmd_import_lpac(args: argparse.Namespace) -> int:
    from esim_ready.exchange.lpac import import_lpac

    target = _profile_named(_store(), args.profile) if args.profile else None
    return _import(args, lambda text, store, name: import_lpac(text, store, name, profile_id=target))


def cmd_merge(args: argparse.Namespace) -> int:
    store = _store()
    typed, imported = _profile_named(store, args.typed), _profile_named(store, args.imported)
    if typed == imported:
        raise UserError(t("profiles.merge_self", name=one_line(args.typed)))
    saved = store.merge_same(typed, imported)
    for warning in saved.warnings:
        print(t("cli.error_line", message=t("cli.warning", message=warning)), file=sys.stderr)
    print(t("profiles.merged", name=one_line(saved.profile.display_name), iccid=saved.profile.iccid or ""))
    return 0


# -- due -------------------------------------------------------------------------------


def cmd_due(args: argparse.Namespace) -> int:
    from esim_ready.state.keepalive import Status, upcoming, yearly_totals

    today = args.today or date.today()
    store = _store()
    items = upcoming(store.list(), today)
    warn_quarantined(store, "cli.fresh_profiles")
    overdue = sum(1 for u in items if u.status is Status.OVERDUE)
    totals = yearly_totals(items)
    if args.json:
        doc = {
            "today": today.isoformat(),
            "overdue": overdue,
            "items": [
                {
                    "profile_id": u.profile.id,
                    "name": u.profile.display_name,
                    "number": u.profile.number_display or None,
                    "carrier": u.profile.carrier,
                    "action": u.rule.action,
                    "every_days": u.rule.every_days,
                    "every_months": u.rule.every_months,
                    "amount": u.rule.amount,
                    "currency": u.currency,
                    "last_done": u.rule.last_done.isoformat(),
                    "due": u.due.isoformat(),
                    "days_left": u.days_left,
                    "status": str(u.status),
                    "yearly_cost": u.yearly_cost,
                    "source": u.rule.source,
                }
                for u in items
            ],
            "yearly_totals": totals,
        }
        print(json.dumps(doc, ensure_ascii=False, indent=2))
        return 1 if overdue else 0
    from esim_ready.keepalive_text import describe_rule, when_text  # the screens' words too

    if not items:
        print(t("profiles.due_none"))
        return 0
    from esim_ready.pricing import amount  # 811,120 NOK, as the app's keep-alive list writes it

    rows = [tuple(t(f"profiles.col_{key}") for key in ("due", "when", "name", "number", "todo", "per_year"))]
    for u in items:
        cost = amount(u.yearly_cost, u.currency) if u.yearly_cost is not None else t("main.unknown")
        rows.append((u.due.isoformat(), when_text(u.days_left), u.profile.display_name, u.profile.number_display,
                     describe_rule(u.rule), cost))  # fmt: skip
    print_table(rows)
    if totals:
        sep = t("profiles.list_sep")
        print("\n" + t("profiles.totals", totals=sep.join(amount(total, cur) for cur, total in sorted(totals.items()))))
    if overdue:
        print("\n" + t("profiles.due_overdue", n=overdue))
    return 1 if overdue else 0
