"""The one reader and writer of files the user names (imports, exports; CLI and app).

    text, shown = read_user_file("trip.toml")        # "-" reads standard input
    written = write_user_file("out.toml", text)      # "-" writes standard output

Reading: `~` expanded; refused with a plain `CannotRead` (what and why) for a
missing name, a folder, a named pipe, device or socket (opened without waiting
and refused: reading one could wait for ever and freeze the app; "-" reads
standard input), a missing or unreadable file, a file over
`limits.MAX_FILE_BYTES` (refused before it is read whole), text that is not
UTF-8 (with the byte where it stops being UTF-8).

Writing: a regular file (or a new one) is replaced atomically and readable by
the owner only; a symbolic link is followed and its target replaced (the link
stays); a device or FIFO (`/dev/stdout`, a named pipe) is written through, not
replaced; a named pipe that no program reads within two seconds is refused
instead of waited on for ever. Problems come back as `CannotWrite`. Never imports Textual.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from esim_ready import limits
from esim_ready.errors import UserError
from esim_ready.i18n import t

STDIO = "-"
_SPECIAL = ("/dev/", "/proc/")  # /dev/stdout is a link to /proc/self/fd/1: a stream, whatever it points at


class CannotAccess(UserError):
    """A file the user named cannot be read or written; says which and why."""

    def __init__(self, verb: str, path: str, reason: str) -> None:
        self.verb = verb
        self.path = path
        self.reason = reason
        super().__init__(path)

    def __str__(self) -> str:
        from esim_ready.i18n import t

        path = self.path if len(self.path) <= 120 else self.path[:119] + "…"  # a paste taken for a name
        return t(f"cli.cannot_{self.verb}", path=path, reason=self.reason)


class CannotRead(CannotAccess):
    def __init__(self, path: str, reason: str) -> None:
        super().__init__("read", path, reason)


class CannotWrite(CannotAccess):
    def __init__(self, path: str, reason: str) -> None:
        super().__init__("write", path, reason)


def _reason(exc: OSError) -> str:
    from esim_ready.state.tomlfile import os_reason

    return t("cli.os_no_such_file") if isinstance(exc, FileNotFoundError) else os_reason(exc)


def _path(name: str | Path, make: Callable[[str, str], CannotAccess]) -> Path:
    text = str(name).strip()
    if not text:
        raise make("''", t("cli.os_no_name"))
    return Path(text).expanduser()


def decode(data: bytes, shown: str) -> str:
    """`data` as UTF-8 text (a leading byte-order mark dropped), or `CannotRead` saying where it breaks."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CannotRead(shown, t("cli.not_utf8_at", byte=exc.start + 1)) from None  # counted from 1


def read_bytes(
    name: str | Path, *, stdin: BinaryIO | None = None, limit: int = limits.MAX_FILE_BYTES, too_large: str = ""
) -> tuple[bytes, str]:
    """The bytes of the file `name` (or of standard input for "-"), at most `limit`
    (else `CannotRead`, saying `too_large` if given); and the name to show the user."""
    if str(name).strip() == STDIO:
        shown = t("cli.standard_input")
        source = stdin or getattr(sys.stdin, "buffer", None)
        if source is None:  # a text stream standing in for stdin (tests, embedding)
            data = sys.stdin.read(limit + 1).encode("utf-8", "surrogateescape")
        else:
            data = source.read(limit + 1)
    else:
        path = _path(name, CannotRead)
        shown = str(name).strip()
        try:
            if path.is_dir():
                raise CannotRead(shown, t("cli.os_is_a_folder"))
            with _open_regular(path, shown) as fh:
                data = fh.read(limit + 1)
        except OSError as exc:
            raise CannotRead(shown, _reason(exc)) from None
    if len(data) > limit:
        raise CannotRead(shown, too_large or t("cli.too_large", limit=limits.describe_bytes(limit)))
    return data, shown


def _open_regular(path: Path, shown: str) -> BinaryIO:
    """`path` opened for reading if it is a regular file; a named pipe, device or socket
    is refused (opened without waiting for a writer, so this never blocks)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise CannotRead(shown, t("cli.os_is_a_folder"))
        if not stat.S_ISREG(mode):
            raise CannotRead(shown, t("cli.os_not_a_regular_file"))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def cannot_read(name: str | Path) -> CannotRead | None:
    """Why the file `name` cannot be read as text, or None: for a dialog that stays open so
    the name can be fixed (every file the app imports is UTF-8 text: a UTF-16 file, or
    GBK as Notepad saves it on a Chinese Windows, is refused there too). Standard input
    ("-") is for the command line, so refused here."""
    if str(name).strip() == STDIO:
        return CannotRead(STDIO, t("cli.stdin_for_cli"))
    try:
        decode(*read_bytes(name))
    except CannotRead as exc:
        return exc
    return None


def read_user_file(name: str | Path, *, stdin: BinaryIO | None = None) -> tuple[str, str]:
    """(text, name to show) of the file `name`, or of standard input for "-"."""
    data, shown = read_bytes(name, stdin=stdin)
    return decode(data, shown), shown


def cannot_write_in_app(name: str | Path) -> CannotWrite | None:
    """Why the app cannot export to `name`, or None: standard output ("-", /dev/stdout)
    is the app's own screen, so it is for the command line only."""
    if is_standard_output(name):
        return CannotWrite(str(name).strip(), t("cli.stdout_for_cli"))
    return None


def would_replace(name: str | Path) -> bool:
    """Whether writing to `name` would replace a file that is there (a regular file, or
    a link to one): the app asks first. Standard output, devices and pipes are written
    into, not replaced; a name that cannot be looked at is left to the write to report."""
    text = str(name).strip()
    if not text or text == STDIO:
        return False
    try:
        return Path(text).expanduser().is_file()
    except (OSError, ValueError):
        return False


def write_user_bytes(name: str | Path, payload: bytes) -> Path:
    """Write `payload` to the file `name` as `write_user_file` does (no standard output)."""
    path = _path(name, CannotWrite)
    shown = str(name).strip()
    try:
        if path.is_dir():
            raise CannotWrite(shown, t("cli.os_folder_add_name"))
        write_through(path, payload)
    except OSError as exc:
        reason = t("cli.os_no_such_folder") if isinstance(exc, FileNotFoundError) else _reason(exc)
        raise CannotWrite(shown, reason) from None
    return Path(os.path.abspath(path))


def write_user_file(name: str | Path, text: str) -> Path | None:
    """Write `text` to `name` ("-" or a name of standard output: written there, returns
    None so the caller prints nothing after it); returns the absolute path.

    See the module doc for files, links, devices and FIFOs."""
    if is_standard_output(name):
        sys.stdout.write(text)
        sys.stdout.flush()
        return None
    return write_user_bytes(name, text.encode("utf-8"))


def is_standard_output(name: str | Path) -> bool:
    """Whether `name` means standard output: "-" or a name of it (`/dev/stdout`...)."""
    return str(name).strip() == STDIO or _is_stdout(name)


def _is_stdout(name: str | Path) -> bool:
    """Whether `name` is this process's standard output (`/dev/stdout`, `/proc/self/fd/1`...)."""
    try:
        out = os.fstat(sys.stdout.fileno())
        there = os.stat(Path(str(name).strip()).expanduser())
    except (OSError, ValueError, AttributeError):  # no such file; stdout is not a real file (tests)
        return False
    return (out.st_dev, out.st_ino) == (there.st_dev, there.st_ino)


PIPE_READER_WAIT = 2.0  # seconds a named pipe may take to get its reader (`cat pipe &` just started)


def _open_for_writing(path: Path, flags: int, fifo: bool) -> int:
    """A descriptor to write into `path`. A named pipe with no reader is tried again for
    `PIPE_READER_WAIT` seconds (its reader may be starting), then refused: opening it
    the usual way would wait for ever and freeze the app."""
    if not fifo:
        return os.open(path, flags)
    import time

    deadline = time.monotonic() + PIPE_READER_WAIT
    while True:
        try:
            return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))
        except OSError as exc:
            if exc.errno != errno.ENXIO:
                raise
            if time.monotonic() >= deadline:
                raise CannotWrite(str(path), t("cli.os_pipe_not_read")) from None
            time.sleep(0.02)


def write_through(path: Path, payload: bytes) -> None:
    """Replace a regular file atomically (through a symbolic link: its target), or
    write straight into a device or FIFO. Raises OSError."""
    from esim_ready.state.tomlfile import replace_atomically

    target = path.resolve() if path.is_symlink() else path
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    special = str(path.absolute()).startswith(_SPECIAL) or str(target).startswith(_SPECIAL)
    if special or (mode is not None and not stat.S_ISREG(mode)):
        # /dev/stdout, /dev/null, a named pipe...: written into, never replaced
        flags = os.O_WRONLY | (os.O_APPEND if special and mode is not None and stat.S_ISREG(mode) else 0)
        fifo = mode is not None and stat.S_ISFIFO(mode)
        fd = _open_for_writing(path, flags, fifo)
        if fifo and hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        with os.fdopen(fd, "wb") as fh:
            if fh.isatty():  # a terminal gets no escape sequence from the user's text
                from esim_ready.textsafe import neutralise

                payload = neutralise(payload.decode("utf-8")).encode("utf-8")
            fh.write(payload)
        return
    replace_atomically(target, payload)
