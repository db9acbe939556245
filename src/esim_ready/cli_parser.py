"""The command line's parser (argparse), in the user's language.

Kept apart from `cli` (the entry point): opening the app with no arguments, or
with its own options written out in full, needs none of it. argparse, and the
wrapping pattern below, cost each launch of the app a few ms.
"""

from __future__ import annotations

import argparse
import importlib
import re
from collections.abc import Callable
from typing import Any, NoReturn

from esim_ready import __version__
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


def whole_number(text: str) -> int:
    """An option's whole number, as typed (full-width digits too): argparse said
    "invalid int value: 'abc'", "int" being Python's word, not the user's."""
    import unicodedata

    from esim_ready.i18n import t

    try:
        return int(unicodedata.normalize("NFKC", text).strip())
    except ValueError:
        raise argparse.ArgumentTypeError(t("cli.not_a_whole_number", text=text)) from None


def number(text: str) -> float:
    """An option's number (1.5, １．５, 1。5 as a Chinese input method types it); its range
    (nan, 0) is the command's to check, with the words of the field it is."""
    import unicodedata

    from esim_ready.i18n import t

    try:
        return float(unicodedata.normalize("NFKC", text).replace("。", ".").strip())
    except ValueError:
        raise argparse.ArgumentTypeError(t("cli.not_a_number", text=text)) from None


def _argparse_words(message: str) -> str:
    from esim_ready import i18n

    key = _ARGPARSE.get(message)
    return i18n.t(key) if key and key.partition(".")[2] else message


_CJK = "\u2e80-\u9fff\u3000-\u303f\uff00-\uffef“”‘’"
# A unit that wrapping keeps whole: a Latin word, or one CJK character with the
# punctuation that may not start a line glued after it (and that may not end one before it).
# Compiled when help is first wrapped (~4 ms: its character classes are large).
_UNIT = rf"[“‘（《]*(?:[{_CJK}]|[^\s{_CJK}]+)[，。、：；！？）》”’]*|\s+"


def _cells(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _wrap_cjk(text: str, width: int) -> list[str]:
    """Wrap by display width, breaking between CJK characters too (textwrap breaks only
    at spaces, so a Chinese sentence ran past the terminal's edge)."""
    lines: list[str] = []
    line = ""
    for unit in re.findall(_UNIT, " ".join(text.split())):
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


def app_alone(argv: list[str]) -> argparse.Namespace | None:
    """The options, when `argv` only opens the app (no command, no --help or
    --version, nothing wrong), as argparse reads them (abbreviations such as
    `--coun` too), without importing every command's module. Else None."""
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
    for command in sub.choices.values():
        _accept_lang_after(command, t)
    return parser


def _accept_lang_after(parser: argparse.ArgumentParser, t: Callable[..., str]) -> None:
    """`--lang` is taken after the command too (`plans NO --lang zh`), as the README
    promises, by every command that does not give it a meaning of its own (the
    language of an exported file's texts)."""
    if "--lang" not in parser._option_string_actions:
        parser.add_argument("--lang", choices=["en", "zh"], default=argparse.SUPPRESS, help=t("cli.h_lang"))
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for nested in action.choices.values():
                _accept_lang_after(nested, t)
