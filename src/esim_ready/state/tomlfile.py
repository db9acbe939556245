"""One TOML document on disk, read and changed safely, on Linux, macOS and Windows.

* Writes are atomic: a temp file in the same directory, flush, fsync, `os.replace`,
  then fsync of the directory where the platform allows it. Owner-only (0600
  files, a 0700 folder) where the platform has modes (the files hold phone numbers).
  A state file that is a symbolic link keeps the link: its target is replaced.
* Changes are functions applied under an exclusive lock (the `filelock` library:
  `flock` on POSIX, `msvcrt` on Windows, on a sibling `.lock` file) to the
  *freshest* content on disk, so two running instances never lose each other's
  changes: each one re-reads before it writes.
* A file that cannot be read as a document (bad TOML or UTF-8, nested too deep,
  too large, a folder where the file should be, a schema newer than this program)
  is never overwritten: it is renamed aside to `NAME.damaged-YYYYmmdd-HHMMSS.toml`
  (owner-only) and reading starts from empty; `quarantined` says where it went
  so the UI can tell the user.
* A file or folder the disk will not let us read or write (permissions, a full
  disk, `--config-dir` naming a file) raises `StorageError`, a `UserError` that
  says what and where: nothing is overwritten, what was saved stays.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import stat
import tempfile
import tomllib
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from esim_ready import limits
from esim_ready.errors import UserError
from esim_ready.problems import Problem, ProblemError, shown_value, toml_problem

Raw = dict[str, Any]
Migration = Callable[[Raw], Raw]


Verb = Literal["read", "save", "use_folder", "move_aside"]


class StorageError(UserError):
    """The disk refuses: a file or folder cannot be read or written. Says what and where
    (`verb`: the message `problems.storage_<verb>`, worded when shown)."""

    def __init__(self, verb: Verb, path: Path, reason: str) -> None:
        self.verb = verb
        self.path = path
        self.reason = reason  # already in the user's language (os_reason)
        super().__init__(f"{verb} {path}")

    def __str__(self) -> str:
        from esim_ready.i18n import t

        return t(f"problems.storage_{self.verb}", path=self.path, reason=self.reason)


def os_reason(exc: OSError) -> str:
    """A short, plain reason for a disk error, in the current language (the system's
    own words where there is no message of ours)."""
    import errno

    from esim_ready.i18n import t

    if exc.errno == errno.ENOSPC:
        return t("cli.os_disk_full")
    if exc.errno == errno.EROFS:
        return t("cli.os_read_only")
    if isinstance(exc, PermissionError):
        return t("cli.os_permission")
    if isinstance(exc, NotADirectoryError | FileExistsError):
        return t("cli.os_in_the_way")
    if isinstance(exc, FileNotFoundError):
        return t("cli.os_not_found")
    if isinstance(exc, IsADirectoryError):
        return t("cli.os_is_a_folder")
    worded = {errno.ENAMETOOLONG: "cli.os_name_too_long", errno.ELOOP: "cli.os_link_loop", errno.EIO: "cli.os_io_error",
              errno.EDQUOT: "cli.os_quota", errno.EMFILE: "cli.os_too_many_open", errno.ENFILE: "cli.os_too_many_open"}
    if exc.errno in worded:
        return t(worded[exc.errno])
    # the system's words, named: "system error EXDEV: Invalid cross-device link"
    name = errno.errorcode.get(exc.errno, "") if isinstance(exc.errno, int) else ""
    return t("cli.os_other", name=name or "?", reason=exc.strerror or str(exc))


def make_private_dir(directory: Path) -> None:
    """Create `directory` (and parents) owner-only; StorageError if it cannot be a folder."""
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError("use_folder", directory, os_reason(exc)) from None
    if not directory.is_dir():
        from esim_ready.i18n import t

        raise StorageError("use_folder", directory, t("cli.os_in_the_way"))


class _Damaged(Exception):
    """Read without the lock: the file must be moved aside, which needs the lock."""


class DocumentFile:
    """A schema-versioned TOML document.

    `migrations[n]` turns a document of schema `n` into schema `n + 1`.
    """

    def __init__(
        self,
        path: Path,
        schema: int,
        migrations: dict[int, Migration] | None = None,
    ) -> None:
        self.path = path
        self.schema = schema
        self.migrations = migrations or {}
        self.quarantined: list[tuple[Path, Problem]] = []  # (where it was kept, why)
        # The bytes this object last read or wrote and the document they parse to
        # (pickled, so every read gets its own copy). Every read and change re-reads the
        # file; when it still holds exactly those bytes, parsing them again is skipped:
        # with 300 trips that parse was most of a tick. Another copy's save changes the bytes.
        self._known: tuple[bytes, bytes] | None = None

    # -- reading -------------------------------------------------------------
    def read(self) -> Raw:
        """The current document (migrated), or `{}` if there is none.

        Read without the lock: saves replace the file whole, so a read never sees
        half of one (and a launch neither waits for another copy of the app nor
        creates anything). Only a damaged file takes the lock: it is read again
        under it (another copy may just have replaced it) before it is moved aside."""
        try:
            return self._read_unlocked(quarantine=False)
        except _Damaged:
            with self._locked(required=False):
                return self._read_unlocked()

    def _read_unlocked(self, *, quarantine: bool = True) -> Raw:
        def damaged(reason: Problem) -> Raw:
            if not quarantine:
                raise _Damaged
            self._quarantine(reason)
            return {}

        try:
            if self.path.is_dir():
                return damaged(Problem("folder_in_the_way"))
            # not blocking: a named pipe put in the file's place would wait for a writer forever
            fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
            with os.fdopen(fd, "rb") as fh:
                if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                    return damaged(Problem("not_a_regular_file"))
                data = fh.read(limits.MAX_FILE_BYTES + 1)
        except FileNotFoundError:
            return {}
        except OSError as exc:
            raise StorageError("read", self.path, os_reason(exc)) from None
        known = self._known
        if known is not None and known[0] == data:
            doc: Raw = pickle.loads(known[1])
            return doc
        if len(data) > limits.MAX_FILE_BYTES:
            return damaged(Problem("file_too_large", args={"limit": limits.describe_bytes(limits.MAX_FILE_BYTES)}))
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return damaged(Problem("not_utf8"))
        try:
            doc = self._migrate(tomllib.loads(text))
            self._known = (data, pickle.dumps(doc, pickle.HIGHEST_PROTOCOL))
            return doc
        except RecursionError:
            return damaged(Problem("nested_too_deeply"))
        except tomllib.TOMLDecodeError as exc:
            return damaged(toml_problem(exc, text))
        except ProblemError as exc:
            return damaged(exc.problem)
        except (ValueError, TypeError, OverflowError) as exc:  # a number too long, a check not typed yet
            return damaged(Problem("not_usable_toml", args={"reason": str(exc)}))

    def _migrate(self, doc: Raw) -> Raw:
        version = doc.get("schema", 1)
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            raise ProblemError(Problem("schema_not_number", "schema", args={"got": shown_value(version)}))
        if version > self.schema:
            raise ProblemError(Problem("version_newer", "schema", args={"got": version, "version": self.schema}))
        while version < self.schema:
            step = self.migrations.get(version)
            if step is None:
                raise ProblemError(Problem("schema_no_migration", "schema", args={"got": version}))
            doc = step(doc)
            version += 1
            doc["schema"] = version
        doc["schema"] = self.schema
        return doc

    def _quarantine(self, reason: Problem) -> None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.stem}.damaged-{stamp}{self.path.suffix}")
        n = 1
        while target.exists():
            n += 1
            target = self.path.with_name(f"{self.path.stem}.damaged-{stamp}-{n}{self.path.suffix}")
        try:
            os.replace(self.path, target)
        except OSError as exc:
            raise StorageError("move_aside", self.path, os_reason(exc)) from None
        if target.is_file():
            _chmod(target, 0o600)  # it may hold numbers and codes
        self.quarantined.append((target, reason))

    # -- writing -------------------------------------------------------------
    def update(self, change: Callable[[Raw], Raw]) -> Raw:
        """Apply `change` to the freshest document on disk and save it atomically.

        Returns the document as written.
        """
        with self._locked(required=True):
            self._remove_stale_temp_files()
            current = self._read_unlocked()
            new = change(current)
            new["schema"] = self.schema
            self._write_unlocked(new)
            return new

    def write(self, doc: Raw) -> None:
        """Replace the whole document (used by tests and bulk imports)."""
        self.update(lambda _old: doc)

    def _remove_stale_temp_files(self) -> None:
        """Temp files left by a process killed mid-save. Under the lock nobody else
        is writing, so any that exist are leftovers; the real file is intact."""
        for leftover in self.path.parent.glob(f".{self.path.name}.*.tmp"):
            with contextlib.suppress(OSError):
                leftover.unlink()

    def _write_unlocked(self, doc: Raw) -> None:
        import tomli_w  # only when saving: start-up only reads

        ordered = {"schema": doc["schema"], **{k: v for k, v in doc.items() if k != "schema"}}
        payload = tomli_w.dumps(ordered).encode("utf-8")
        target = self.path.resolve() if self.path.is_symlink() else self.path  # keep the link
        self._known = None
        try:
            replace_atomically(target, payload)
        except OSError as exc:
            raise StorageError("save", self.path, os_reason(exc)) from None
        fsync_dir(target.parent)
        self._known = (payload, pickle.dumps(as_parsed(ordered), pickle.HIGHEST_PROTOCOL))

    @contextlib.contextmanager
    def _locked(self, *, required: bool) -> Iterator[None]:
        """Hold the sibling `.lock` file. Where it cannot be taken: a change raises
        `StorageError`; a read (`required=False`) goes on without it."""
        from filelock import FileLock

        lock = None
        try:
            make_private_dir(self.path.parent)
            lock_path = self.path.with_name(self.path.name + ".lock")
            if lock_path.is_dir():  # nothing of ours: move it out of the way
                aside = lock_path.with_name(f"{lock_path.name}.damaged-{datetime.now():%Y%m%d-%H%M%S}")
                os.replace(lock_path, aside)
            candidate = FileLock(str(lock_path), mode=0o600)
            candidate.acquire()
            lock = candidate
        except (OSError, StorageError) as exc:
            if required:
                reason = exc.reason if isinstance(exc, StorageError) else os_reason(exc)
                raise StorageError("save", self.path, reason) from None
        try:
            yield
        finally:
            if lock is not None:
                lock.release()


def as_parsed(value: Any) -> Any:
    """`value` as TOML gives it back once written: tuples become lists (the only
    container tomli_w writes that tomllib reads as another type)."""
    if isinstance(value, dict):
        return {key: as_parsed(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [as_parsed(item) for item in value]
    return value


def _chmod(path: Path, mode: int) -> None:
    with contextlib.suppress(OSError, NotImplementedError):
        os.chmod(path, mode)


def fsync_dir(directory: Path) -> None:
    """Make a rename in `directory` durable where the platform can (not on Windows)."""
    try:
        dir_fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def replace_atomically(path: Path, payload: bytes) -> None:
    """Write `payload` to a temp file `.NAME.*.tmp` beside `path` (mode 0600, fsynced),
    then rename it over `path`: readers see the old file or the new one, never half."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        if hasattr(os, "fchmod"):  # POSIX; on Windows mkstemp's file is the user's own already
            os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
