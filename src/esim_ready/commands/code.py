"""`esim-ready code …`: check an activation code, draw it as a QR code, read it from a picture.

    esim-ready code check CODE|- [--json] [--show]   the parts, or every problem (exit 2)
    esim-ready code qr CODE|- [-o FILE.png|FILE.svg]   the terminal without -o; files are 0600
    esim-ready code read IMAGE [--show] [--json] [--pick N]

A code given as `-` is read from standard input (so it stays out of the shell's
history). The matching ID is masked unless `--show`.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from typing import Any

from esim_ready.cli_parser import whole_number
from esim_ready.errors import UserError
from esim_ready.i18n import t

DARK = "\x1b[38;5;16m"  # the 256-colour palette's black and white: the same in light and dark themes
LIGHT = "\x1b[48;5;231m"
RESET = "\x1b[0m"


def register(subparsers: Any) -> None:
    code = subparsers.add_parser("code", help=t("cli.h_code_check_esim_activation_code_s"))
    sub = code.add_subparsers(dest="code_command", metavar="ACTION", required=True)

    p = sub.add_parser("check", help=t("cli.h_code_parts_activation_code_every"))
    p.add_argument("code", metavar="CODE", help=t("cli.h_code_lpa_1_reads_from_standard_in"))
    p.add_argument("--json", action="store_true", help=t("cli.h_browse_print_json"))
    p.add_argument("--show", action="store_true", help=t("cli.h_code_print_matching_id_too"))
    p.set_defaults(handler=cmd_check)

    p = sub.add_parser("qr", help=t("cli.h_code_draw_code_qr_code_terminal_w"))
    p.add_argument("code", metavar="CODE", help=t("cli.h_code_lpa_1_reads_from_standard_in"))
    p.add_argument("-o", "--output", metavar="FILE.png|FILE.svg", help=t("cli.h_code_write_picture_readable_you_o"))
    p.set_defaults(handler=cmd_qr)

    p = sub.add_parser("read", help=t("cli.h_code_read_activation_code_from_pi"))
    p.add_argument("image", metavar="IMAGE", help=t("cli.h_code_screenshot_photo_png_jpeg"))
    p.add_argument("--show", action="store_true", help=t("cli.h_code_print_matching_id_too"))
    p.add_argument("--json", action="store_true", help=t("cli.h_browse_print_json"))
    p.add_argument("--pick", type=whole_number, metavar="N", help=t("cli.h_code_when_picture_holds_several_c"))
    p.set_defaults(handler=cmd_read)


def _code_arg(value: str) -> tuple[str, str]:
    """(the code, where it came from)."""
    if value == "-":
        text, source = sys.stdin.read(), t("cli.standard_input")
    else:
        text, source = value, "CODE"
    text = text.strip()
    if not text:
        raise UserError(t("code.nothing_in", source=source))
    return text, source


def _parts(checked: Any, show: bool) -> dict[str, Any]:
    code = checked.code
    return {
        "ok": True,
        "code": code.text if show else code.masked,
        "address": code.address,
        "matching_id": code.matching_id.reveal() if show else str(code.matching_id),
        "oid": code.oid,
        "confirmation_required": code.confirmation_required,
        "extra": list(code.extra),
    }


def _problems(checked: Any) -> list[dict[str, Any]]:
    from esim_ready.esim.activation import part_number, short_code
    from esim_ready.esim.words import problem_text

    return [
        {"part": p.field, "number": part_number(p), "code": short_code(p), "message": problem_text(p)}
        for p in checked.errors
    ]


def _warnings(checked: Any) -> list[str]:
    from esim_ready.esim.words import problem_text

    return [problem_text(p) for p in checked.warnings]


def _print_checked(checked: Any, show: bool, as_json: bool) -> int:
    """The parts (exit 0) or every problem (exit 2)."""
    if as_json:
        doc = _parts(checked, show) if checked.ok else {"ok": False, "problems": _problems(checked)}
        doc["warnings"] = _warnings(checked)
        print(json.dumps(doc, ensure_ascii=False, indent=2))
        return 0 if checked.ok else 2
    if not checked.ok:
        print(t("code.problems", n=len(checked.errors)), file=sys.stderr)
        for problem in _problems(checked):
            print(f"  - {problem['message']}", file=sys.stderr)
        for warning in _warnings(checked):
            print("  - " + t("code.warning", text=warning), file=sys.stderr)
        return 2
    code = checked.code
    from esim_ready.commands import print_table

    print(code.text if show else code.masked)
    rows = [
        (t("code.label_address"), code.address),
        (
            t("code.label_matching_id"),
            code.matching_id.reveal() if show else f"{code.matching_id} {t('code.hidden_hint')}",
        ),
        (t("code.label_oid"), code.oid or "—"),
        (
            t("code.label_confirmation"),
            t("code.confirmation_needed" if code.confirmation_required else "code.confirmation_not_needed"),
        ),
    ]
    if code.extra:
        rows.append((t("code.label_extra"), "$".join(code.extra)))
    print_table(rows)
    for warning in _warnings(checked):
        print(t("code.warning", text=warning))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from esim_ready.esim.activation import check

    text, _ = _code_arg(args.code)
    return _print_checked(check(text), args.show, args.json)


def terminal_lines(code_text: str, colours: bool = True) -> list[str]:
    """The QR code as lines of half blocks, black on white by explicit colours (without
    them for a pipe or a file: the reader's terminal decides)."""
    from esim_ready.esim import qr

    lines = qr.block_lines(code_text)
    return [DARK + LIGHT + line + RESET for line in lines] if colours else lines


def cmd_qr(args: argparse.Namespace) -> int:
    from esim_ready.esim.activation import check

    text, _ = _code_arg(args.code)
    checked = check(text)
    if not checked.ok:
        return _print_checked(checked, False, False)
    assert checked.code is not None  # ok means parsed
    code_text = checked.code.text
    if args.output:
        from esim_ready.exchange.code_files import write_qr

        target = write_qr(args.output, code_text)
        print(t("code.qr_written", path=target))
        return 0
    from esim_ready.esim import qr

    need_w, need_h = qr.terminal_size(code_text)
    tty = sys.stdout.isatty()
    if tty:
        size = shutil.get_terminal_size()
        if size.columns < need_w or size.lines < need_h:
            raise UserError(
                t("code.qr_too_big", width=size.columns, height=size.lines, need_w=need_w, need_h=need_h)
            )
    from esim_ready.textsafe import print_raw

    colours = tty and not os.environ.get("NO_COLOR")  # no escape codes in a pipe or a file (no-color.org)
    print_raw("\n".join(terminal_lines(code_text, colours)))  # our own colours: past the escape filter
    print(t("code.screen_masked"), file=sys.stderr)  # as the app's QR screen says: it installs the eSIM
    return 0


def cmd_read(args: argparse.Namespace) -> int:
    from esim_ready.exchange.code_files import codes_in_picture

    found = codes_in_picture(args.image)
    if len(found) > 1 and args.pick is None and args.json:
        several = [
            {
                "n": n,
                "x": item.x,
                "y": item.y,
                "address": item.checked.code.address if item.checked.code else None,
                "code": item.text if args.show else (item.checked.code.masked if item.checked.code else None),
            }
            for n, item in enumerate(found, start=1)
        ]
        print(json.dumps({"ok": False, "several": several}, ensure_ascii=False, indent=2))
        return 2
    if len(found) > 1 and args.pick is None:
        print(t("code.read_several", path=args.image, n=len(found)), file=sys.stderr)
        for n, item in enumerate(found, start=1):
            shown = item.text if args.show else (item.checked.code.masked if item.checked.code else t("code.not_a_code"))
            print(t("code.read_several_item", n=n, x=item.x, y=item.y, code=shown), file=sys.stderr)
        print(t("code.read_pick"), file=sys.stderr)
        return 2
    index = (args.pick or 1) - 1
    if not 0 <= index < len(found):
        raise UserError(t("code.read_several", path=args.image, n=len(found)))
    return _print_checked(found[index].checked, args.show, args.json)
