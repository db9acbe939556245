"""One TOML document on disk, read and changed safely.

* Writes are atomic: a temp file in the same directory, flush, fsync, `os.replace`,
  then fsync of the directory. File mode 0600 (the files hold phone numbers).
* Changes are functions applied under an exclusive lock (`fcntl.flock` on a
  sibling `.lock` file) to the *freshest* content on disk, so two running
  instances never lose each other's changes: each one re-reads before it writes.
* A file that cannot be read (bad TOML, wrong type, a schema newer than this
  program) is never overwritten: it is renamed aside to
  `NAME.damaged-YYYYmmdd-HHMMSS.toml` and reading starts from empty;
  `quarantined` says where it went so the UI can tell the user.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import tempfile
import tomllib
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

Raw = dict[str, Any]
Migration = Callable[[Raw], Raw]


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
        self.quarantined: list[tuple[Path, str]] = []

    # -- reading -------------------------------------------------------------
    def read(self) -> Raw:
        """The current document (migrated), or `{}` if there is none."""
        with self._locked():
            return self._read_unlocked()

    def _read_unlocked(self) -> Raw:
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return {}
        try:
            doc = tomllib.loads(data.decode("utf-8"))
            return self._migrate(doc)
        except (UnicodeDecodeError, tomllib.TOMLDecodeError, ValueError) as exc:
            self._quarantine(str(exc))
            return {}

    def _migrate(self, doc: Raw) -> Raw:
        version = doc.get("schema", 1)
        if not isinstance(version, int) or version < 1:
            raise ValueError(f"'schema' must be a positive integer, not {version!r}")
        if version > self.schema:
            raise ValueError(
                f"written by a newer esim-ready (schema {version}; this version reads up to {self.schema})"
            )
        while version < self.schema:
            step = self.migrations.get(version)
            if step is None:
                raise ValueError(f"no migration from schema {version}")
            doc = step(doc)
            version += 1
            doc["schema"] = version
        doc["schema"] = self.schema
        return doc

    def _quarantine(self, reason: str) -> None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.stem}.damaged-{stamp}{self.path.suffix}")
        n = 1
        while target.exists():
            n += 1
            target = self.path.with_name(f"{self.path.stem}.damaged-{stamp}-{n}{self.path.suffix}")
        os.replace(self.path, target)
        self.quarantined.append((target, reason))

    # -- writing -------------------------------------------------------------
    def update(self, change: Callable[[Raw], Raw]) -> Raw:
        """Apply `change` to the freshest document on disk and save it atomically.

        Returns the document as written.
        """
        with self._locked():
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
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()

    def _write_unlocked(self, doc: Raw) -> None:
        import tomli_w  # only when saving: start-up only reads

        ordered = {"schema": doc["schema"], **{k: v for k, v in doc.items() if k != "schema"}}
        payload = tomli_w.dumps(ordered).encode("utf-8")
        directory = self.path.parent
        directory.mkdir(parents=True, exist_ok=True)
        replace_atomically(self.path, payload)
        dir_fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock_path = self.path.with_name(self.path.name + ".lock")
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)


def replace_atomically(path: Path, payload: bytes) -> None:
    """Write `payload` to a temp file `.NAME.*.tmp` beside `path` (mode 0600, fsynced),
    then rename it over `path`: readers see the old file or the new one, never half."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
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
