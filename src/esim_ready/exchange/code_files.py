"""Activation codes to and from files the user names: QR pictures read, QR codes written.

The screens and the CLI ask here and never open files. Problems a person can fix
come back as `UserError` with a plain message (never the code itself).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from esim_ready.errors import UserError
from esim_ready.esim import qr
from esim_ready.esim.activation import Checked, check, looks_like_code
from esim_ready.exchange.user_files import CannotWrite, read_bytes, write_user_bytes
from esim_ready.i18n import t

MAX_PICTURE_BYTES = 64 * 1024 * 1024
QR_KINDS = (".png", ".svg")


def read_picture(path: str | Path) -> bytes:
    """The bytes of the picture at `path` (`~` expanded), or `CannotRead` saying why not."""
    return read_bytes(path, limit=MAX_PICTURE_BYTES, too_large=t("code.picture_too_large"))[0]


class NoCode(UserError):
    """A picture without a usable activation code; the message says what was found instead."""


@dataclass(frozen=True)
class FoundCode:
    checked: Checked
    text: str  # as read: a secret, shown only when the user asks
    x: int
    y: int

    @property
    def address(self) -> str:
        return self.checked.code.address if self.checked.code else "?"


def codes_in_picture(path: str | Path) -> list[FoundCode]:
    """Every activation code in the picture at `path` (one or more), or `NoCode` / `CannotRead`."""
    name = str(path).strip()
    data = read_picture(path)
    try:
        found = qr.read(data)
    except qr.NotAPicture as exc:
        raise NoCode(t("code.read_picture_problem", path=name, reason=t(f"code.picture_{exc.reason}"))) from None
    if not found:
        raise NoCode(t("code.read_none", path=name))
    codes = [FoundCode(check(f.text), f.text, f.x, f.y) for f in found if looks_like_code(f.text)]
    if not codes:
        start = "".join(ch if ch.isprintable() else "?" for ch in found[0].text[:16])
        more = "…" if len(found[0].text) > 16 else ""
        raise NoCode(t("code.read_not_code", path=name, start=repr(start + more)))
    return codes


def write_qr(path: str | Path, code_text: str) -> Path:
    """Write `code_text` as a QR code to `path` (.png or .svg), atomically, owner-only."""
    name = str(path).strip()
    if not name:
        raise CannotWrite("''", t("cli.os_no_name"))
    target = Path(name).expanduser()
    kind = target.suffix.lower()
    if kind not in QR_KINDS:
        raise UserError(t("code.qr_kind", path=name))
    if target.is_dir():
        raise CannotWrite(name, "it is a folder: add a file name, e.g. esim.png")
    payload = qr.to_png(code_text) if kind == ".png" else qr.to_svg(code_text)
    write_user_bytes(target, payload)
    return target
