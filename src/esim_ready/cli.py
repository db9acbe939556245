"""Command line: no subcommand opens the TUI; subcommands print plain text or JSON.

Each command group lives in `esim_ready.commands.<name>` and exposes
`register(subparsers)`; a command's handler returns an exit status. Errors the
user can cause (`UserError`) print their message and exit 2, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from esim_ready import __version__
from esim_ready.errors import UserError
from esim_ready.state.paths import ENV_VAR

COMMAND_MODULES = ("browse", "compare", "trips", "profiles", "code", "calendar")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="esim-ready",
        description="Get a phone and its owner ready to travel on an eSIM.",
    )
    parser.add_argument("--version", action="version", version=f"esim-ready {__version__}")
    parser.add_argument(
        "--config-dir",
        metavar="DIR",
        help=f"where your data lives (default: the platform's config dir; env {ENV_VAR})",
    )
    parser.add_argument("--country", metavar="CODE", help="open the app on this country (ISO code)")
    parser.add_argument("--lang", choices=["en", "zh"], help="interface language for this run")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"esim_ready.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"esim_ready.commands.{name}":
                raise
            continue
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.config_dir:
        os.environ[ENV_VAR] = args.config_dir
    try:
        if args.command is None:
            return _run_tui(args)
        return int(args.handler(args) or 0)
    except UserError as exc:
        print(f"esim-ready: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


def _run_tui(args: argparse.Namespace) -> int:
    from esim_ready.catalog import countries

    if args.country:
        countries.get(args.country)  # raises UnknownCountry before the screen opens
    from esim_ready.tui.app import EsimReadyApp

    app = EsimReadyApp(initial_country=args.country, language=args.lang)
    app.run()
    return app.return_code or 0
