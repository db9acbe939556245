"""Command line: no subcommand opens the TUI; subcommands print plain text or JSON.

Each command group lives in `esim_ready.commands.<name>` and exposes
`register(subparsers)`; a command's handler returns an exit status. Errors the
user can cause (`UserError`, the disk's `OSError`s) print their message and exit
2, never a traceback; so does, as a last resort, any other error (with its
secrets masked). Everything a command prints goes through `textsafe.SafeStream`:
no control character of the user's data reaches the terminal.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence

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
    if args.command is not None:
        _set_language(args.lang)
    if args.command is None:
        return _guarded(lambda: _run_tui(args))
    with _safe_output():
        return _guarded(lambda: _run_command(args))


def _run_command(args: argparse.Namespace) -> int:
    from esim_ready.catalog import curated
    from esim_ready.state.paths import user_data_dir

    curated.set_user_data_dir(user_data_dir())  # the user's own data, as the app reads it
    return int(args.handler(args) or 0)


def _guarded(run: Callable[[], int]) -> int:
    """Run, turning every error into a message on stderr and exit status 2."""
    try:
        return run()
    except UserError as exc:
        message = str(exc)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
    except OSError as exc:
        from esim_ready.state.tomlfile import os_reason

        where = f" {exc.filename}" if exc.filename else ""
        message = f"cannot use{where}: {os_reason(exc)}"
    except RecursionError:
        message = "the input is nested too deeply to read"
    except Exception as exc:  # a bug: say so, without a traceback full of the user's data
        message = f"unexpected error ({type(exc).__name__}: {exc}); please report it"
    from esim_ready.textsafe import mask_known

    print(f"esim-ready: {mask_known(message, _known_secrets())}", file=sys.stderr)
    return 2


def _known_secrets() -> list[str]:
    """The stored secrets, to mask in an error message (none if they cannot be read)."""
    try:
        from esim_ready.state.profiles import SECRET_FIELDS, ProfileStore

        return [getattr(p, n) for p in ProfileStore().list() for n in SECRET_FIELDS if getattr(p, n)]
    except Exception:
        return []


@contextlib.contextmanager
def _safe_output() -> Iterator[None]:
    from esim_ready.textsafe import SafeStream

    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(sys.stdout), SafeStream(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def _set_language(chosen: str | None) -> None:
    """Commands speak the app's language: --lang, else the saved setting, else the locale."""
    from esim_ready import i18n

    if chosen is None:
        from esim_ready.state.settings import SettingsStore

        try:
            saved = SettingsStore().load().language
        except (UserError, OSError):  # the command itself says what is wrong with the folder
            saved = None
        chosen = saved or i18n.locale_language()
    i18n.set_language(chosen)


def _run_tui(args: argparse.Namespace) -> int:
    from esim_ready.catalog import countries

    if args.country:
        countries.get(args.country)  # raises UnknownCountry before the screen opens
    from esim_ready.tui.app import EsimReadyApp

    app = EsimReadyApp(initial_country=args.country, language=args.lang)
    app.run()
    return app.return_code or 0
