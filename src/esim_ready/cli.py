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
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, NoReturn

from esim_ready import __version__
from esim_ready.errors import UserError
from esim_ready.state.paths import ENV_VAR

COMMAND_MODULES = ("browse", "compare", "trips", "profiles", "code", "calendar")


# argparse's own words (Python 3.11's msgids, read through its module-level `_`):
# the catalogue key of each; argparse's English stays where the key is missing.
_ARGPARSE = {
    "usage: ": "cli.ap_usage",
    "positional arguments": "cli.ap_positionals",
    "options": "cli.ap_options",
    "show this help message and exit": "cli.ap_help",
    "show program's version number and exit": "cli.ap_version",
    "the following arguments are required: %s": "cli.ap_required",
    "one of the arguments %s is required": "cli.ap_one_required",
    "unrecognized arguments: %s": "cli.ap_unrecognized",
    "invalid choice: %(value)r (choose from %(choices)s)": "cli.ap_invalid_choice",
    "invalid %(type)s value: %(value)r": "cli.ap_invalid_value",
    "argument %(argument_name)s: %(message)s": "cli.ap_argument",
    "expected one argument": "cli.ap_expected_one",
    "not allowed with argument %s": "cli.ap_not_allowed_with",
    "ambiguous option: %(option)s could match %(matches)s": "cli.ap_ambiguous",
    "%(prog)s: error: %(message)s\n": "cli.ap_error",
}


def _argparse_words(message: str) -> str:
    from esim_ready import i18n

    key = _ARGPARSE.get(message)
    return i18n.t(key) if key and key.partition(".")[2] else message


_CJK = "\u2e80-\u9fff\u3000-\u303f\uff00-\uffef“”‘’"
# A unit that wrapping keeps whole: a Latin word, or one CJK character with the
# punctuation that may not start a line glued after it (and that may not end one before it).
_UNIT = re.compile(rf"[“‘（《]*(?:[{_CJK}]|[^\s{_CJK}]+)[，。、：；！？）》”’]*|\s+")


def _cells(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _wrap_cjk(text: str, width: int) -> list[str]:
    """Wrap by display width, breaking between CJK characters too (textwrap breaks only
    at spaces, so a Chinese sentence ran past the terminal's edge)."""
    lines: list[str] = []
    line = ""
    for unit in _UNIT.findall(" ".join(text.split())):
        if unit.isspace():
            unit = " "
        if line and _cells(line + unit.rstrip()) > width:
            lines.append(line.rstrip())
            line = "" if unit == " " else unit
        else:
            line += unit
    if line.strip():
        lines.append(line.rstrip())
    return lines


class _Formatter(argparse.HelpFormatter):
    def _split_lines(self, text: str, width: int) -> list[str]:
        return _wrap_cjk(text, width) if re.search(f"[{_CJK}]", text) else super()._split_lines(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if not re.search(f"[{_CJK}]", text):
            return super()._fill_text(text, width, indent)
        return "\n".join(indent + line for line in _wrap_cjk(text, width - len(indent)))

    def format_help(self) -> str:
        """A section heading ("options:") takes the language's colon (选项：)."""
        from esim_ready.i18n import current_language

        text = super().format_help()
        return re.sub(r"(?m)^(\S[^\n]*):$", r"\1：", text) if current_language() == "zh" else text


class _Parser(argparse.ArgumentParser):
    """Every parser (the subcommands' too) formats its help with `_Formatter`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)


def _add_app_options(parser: argparse.ArgumentParser, t: Callable[..., str]) -> None:
    """The options of the app itself (before any command)."""
    parser.add_argument("--config-dir", metavar="DIR", help=t("cli.h_config_dir", env=ENV_VAR))
    parser.add_argument("--country", metavar="COUNTRY", help=t("cli.h_country"))
    parser.add_argument("--lang", choices=["en", "zh"], help=t("cli.h_lang"))


class _NotTheAppAlone(Exception):
    pass


class _AppOptionsParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _NotTheAppAlone


def _app_alone(argv: list[str]) -> argparse.Namespace | None:
    """The options, when `argv` only opens the app (no command, no --help or
    --version, nothing wrong), read without importing every command's module,
    which cost each launch of the app some 20 ms. Else None: the full parser
    reads `argv` (and says, in the user's language, what is wrong)."""
    parser = _AppOptionsParser(prog="esim-ready", add_help=False)
    _add_app_options(parser, lambda key, **values: "")
    try:
        args, rest = parser.parse_known_args(argv)
    except _NotTheAppAlone:
        return None
    if rest:
        return None
    args.command = None
    return args


def build_parser() -> argparse.ArgumentParser:
    """The parser, its help in the current language (argparse's own words too)."""
    from esim_ready.i18n import t

    argparse._ = _argparse_words  # type: ignore[attr-defined]  # gettext-style: argparse looks `_` up at each use
    parser = _Parser(prog="esim-ready", description=t("cli.description"))
    parser.add_argument("--version", action="version", version=f"esim-ready {__version__}", help=t("cli.ap_version"))
    _add_app_options(parser, t)
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
    from esim_ready import i18n

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


def _run_command(args: argparse.Namespace) -> int:
    from esim_ready.catalog import curated
    from esim_ready.state.paths import user_data_dir

    curated.set_user_data_dir(user_data_dir())  # the user's own data, as the app reads it
    return int(args.handler(args) or 0)


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


@contextlib.contextmanager
def _safe_output() -> Iterator[None]:
    from esim_ready.textsafe import SafeStream

    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(sys.stdout), SafeStream(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def _option_value(argv: list[str], option: str) -> str | None:
    """The value of a top-level `option` (before the command), read ahead of argparse."""
    for i, arg in enumerate(argv):
        if not arg.startswith("-"):
            return None  # the command: options after it are its own
        if arg == option and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith(option + "="):
            return arg.partition("=")[2]
    return None


def _lang_given(argv: list[str]) -> str | None:
    value = _option_value(argv, "--lang")
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


def _run_tui(args: argparse.Namespace) -> int:
    from esim_ready.catalog import countries

    if args.country:
        countries.get(args.country)  # raises UnknownCountry before the screen opens
    from esim_ready.tui.app import EsimReadyApp

    app = EsimReadyApp(initial_country=args.country, language=args.lang, settle_heap=True, prepare_compare=True)
    app.run()
    return app.return_code or 0
