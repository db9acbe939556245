"""Command line: no subcommand opens the TUI; subcommands print plain text or JSON.

Each command group lives in `esim_ready.commands.<name>` and exposes
`register(subparsers)`; a command's handler returns an exit status. Errors the
user can cause (`UserError`, the disk's `OSError`s) print their message and exit
2, never a traceback; so does, as a last resort, any other error (with its
secrets masked). Everything a command prints goes through `textsafe.SafeStream`:
no control character of the user's data reaches the terminal.

The parser (argparse, `cli_parser`) is imported only when it is needed: not
to open the app with no arguments or with its own options written in full.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from esim_ready.errors import UserError
from esim_ready.state.paths import ENV_VAR

if TYPE_CHECKING:
    import argparse

    from esim_ready.tui.app import EsimReadyApp

# The app's own options (before any command): the attribute each one sets.
_APP_OPTIONS = {"--config-dir": "config_dir", "--country": "country", "--lang": "lang"}


def build_parser() -> argparse.ArgumentParser:
    """The parser, its help in the current language (argparse's own words too)."""
    from esim_ready.cli_parser import build_parser

    return build_parser()


def _app_options_in_full(argv: list[str]) -> SimpleNamespace | None:
    """The options, when `argv` holds only the app's own options, each written in full
    (`--lang zh`, `--lang=zh`) with a value argparse would take as it is; else None.
    As argparse reads them (the last of one option given twice wins), without it."""
    values: dict[str, str | None] = dict.fromkeys(_APP_OPTIONS.values())
    i = 0
    while i < len(argv):
        name, eq, value = argv[i].partition("=")
        dest = _APP_OPTIONS.get(name)
        if dest is None:
            return None
        if not eq:
            if i + 1 == len(argv) or argv[i + 1].startswith("-"):
                return None  # a value missing, or one argparse may read otherwise
            i += 1
            value = argv[i]
        if dest == "lang" and value not in ("en", "zh"):
            return None
        values[dest] = value
        i += 1
    return SimpleNamespace(command=None, **values)


def _app_alone(argv: list[str]) -> Any:
    """The options, when `argv` only opens the app (no command, no --help or
    --version, nothing wrong), read without importing every command's module,
    which cost each launch of the app some 20 ms (and, written in full, without
    argparse). Else None: the full parser reads `argv` (and says, in the user's
    language, what is wrong)."""
    found = _app_options_in_full(argv)
    if found is not None:
        return found
    from esim_ready.cli_parser import app_alone  # abbreviations (--coun), anything unusual

    return app_alone(argv)


def main(argv: Sequence[str] | None = None) -> int:
    from esim_ready import i18n

    _never_fail_to_encode()
    given = list(sys.argv[1:] if argv is None else argv)
    # the parser's help and errors: --lang, else the locale (the saved setting is read
    # only for a command: reading it may keep a damaged file aside, which the app reports)
    i18n.set_language(_lang_given(given) or i18n.locale_language())
    args = _app_alone(given)
    if args is None:
        args = build_parser().parse_args(given)
    if args.config_dir:
        os.environ[ENV_VAR] = args.config_dir
    if args.command is not None:
        _set_language(args.lang)
    if args.command is None:
        return _guarded(lambda: _run_tui(args))
    with _safe_output():
        return _guarded(lambda: _run_command(args))


def _run_command(args: Any) -> int:
    from esim_ready.catalog import curated
    from esim_ready.state.paths import user_data_dir

    curated.set_user_data_dir(user_data_dir())  # the user's own data, as the app reads it
    try:
        return int(args.handler(args) or 0)
    finally:  # the app shows a skipped file of the user's as a notice; here it goes to stderr
        from esim_ready.i18n import t

        for problem in curated.problems_seen():
            print(t("cli.error_line", message=t("main.user_data_problem", problem=problem)), file=sys.stderr)


def _guarded(run: Callable[[], int]) -> int:
    """Run, turning every error into a message on stderr and exit status 2."""
    from esim_ready.i18n import t

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
        message = t("cli.cannot_use", where=where, reason=os_reason(exc))
    except RecursionError:
        message = t("cli.nested_too_deeply")
    except Exception as exc:  # a bug: say so, without a traceback full of the user's data
        message = t("cli.unexpected", error=f"{type(exc).__name__}: {exc}")
    from esim_ready.textsafe import mask_known

    print(t("cli.error_line", message=mask_known(message, _known_secrets())), file=sys.stderr)
    return 2


def _known_secrets() -> list[str]:
    """The stored secrets, to mask in an error message (none if they cannot be read)."""
    try:
        from esim_ready.state.profiles import SECRET_FIELDS, ProfileStore

        return [getattr(p, n) for p in ProfileStore().list() for n in SECRET_FIELDS if getattr(p, n)]
    except Exception:
        return []


def _never_fail_to_encode() -> None:
    """Output that is not UTF-8 (Windows writes a redirected `> out.txt` in its ANSI code
    page, cp1252 or GBK) takes what it cannot encode as a backslash escape ("\\xc5land"
    for Åland, "\\u2265" for ≥) instead of the command dying halfway with a
    UnicodeEncodeError. UTF-8 output is left as it is."""
    import io

    for stream in (sys.stdout, sys.stderr):
        if (isinstance(stream, io.TextIOWrapper) and stream.errors == "strict"
                and (stream.encoding or "").replace("-", "").lower() not in ("utf8", "utf8sig")):
            stream.reconfigure(errors="backslashreplace")


@contextlib.contextmanager
def _safe_output() -> Iterator[None]:
    from esim_ready.textsafe import SafeStream

    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(sys.stdout), SafeStream(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def _lang_given(argv: list[str]) -> str | None:
    """The first `--lang` in `argv`, read ahead of argparse for the parser's own help
    and errors: before the command or after it (`plans NO --lang zh --help`)."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--lang" and i + 1 < len(argv):
            value: str | None = argv[i + 1]
            break
        if arg.startswith("--lang="):
            value = arg.partition("=")[2]
            break
        i += 2 if arg in _APP_OPTIONS else 1  # an app option's value is no option
    else:
        value = None
    return value if value in ("en", "zh") else None


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


def _run_tui(args: Any) -> int:
    from esim_ready.catalog import countries

    if args.country:
        countries.get(args.country)  # raises UnknownCountry before the screen opens
    _check_terminal()
    import gc

    # Python's cyclic collector pauses from here until the main screen settled
    # (tui/heap.py turns it on again): importing the app and Textual set off some
    # hundred collections that only walked what lives as long as the app.
    gc.disable()
    from esim_ready import dataclass_code, shipped_toml

    # the methods of the dataclasses about to be made and the shipped TOML files about to
    # be read, as an earlier launch worked them out (the app keeps them, and Textual's
    # parsed CSS, for the next once its main screen is idle: launch_cache.py)
    dataclass_code.install(dataclass_code.cache_file())
    shipped_toml.install(shipped_toml.cache_file())
    app = _app_class()(initial_country=args.country, language=args.lang, settle_heap=True, prepare_compare=True,
                       launch_cache=True)
    app.run()
    return app.return_code or 0


def _check_terminal() -> None:
    """The app draws a full screen and reads keys: with its output in a file or a pipe,
    or its input not a keyboard (a cron line that forgot its command), it would write
    screen codes there and never end. Say so instead (the benchmark, which runs the app
    headless, replaces this)."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        from esim_ready.i18n import t

        raise UserError(t("cli.needs_terminal"))


def _app_class() -> type[EsimReadyApp]:
    """The app (imported here, with Textual: the benchmark measures a subclass of it)."""
    from esim_ready.tui.app import EsimReadyApp

    return EsimReadyApp
