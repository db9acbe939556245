"""Files that make the next launch faster, in the user's cache folder.

What each launch works out again and again, with the same result (Textual's parsed
CSS: tui/css_cache.py; the methods Python writes for each dataclass:
dataclass_code.py), kept for the next one. Only the command line's app uses
them: the first launch writes them once its main screen is idle; tests work
everything out as before, unless they test these.

A file is `MAGIC`, a CRC-32 of the rest, a header (what wrote it: the versions the
content depends on), then the content. It is used only when all of that matches:
a missing, damaged (cut short, changed), unreadable or other version's file is
ignored, as if there were none, and written anew; nothing is said, the app starts
and looks the same. Written atomically (a temp file, then `os.replace`),
owner-only; a disk that will not take it: not written, nothing said. Like
Python's own `__pycache__`, what is kept is code and objects the app loads from
the user's own folder: anyone who could write there could as well change the
user's shell start-up files.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import stat
import zlib
from pathlib import Path
from typing import Any

MAGIC = b"esim-ready launch cache 1\n"
MAX_BYTES = 8 * 1024 * 1024  # each file is well under 1 MB


def cache_dir() -> Path:
    """platformdirs' user cache folder (~/.cache/esim-ready on Linux)."""
    from platformdirs import user_cache_path

    from esim_ready.state.paths import APP_NAME

    return user_cache_path(APP_NAME, appauthor=False)


def read(path: Path, header: Any) -> bytes | None:
    """The content of `path`, if it is whole and was written with `header`; else None.
    Only a regular file of at most `MAX_BYTES` is read: a named pipe there would wait
    for a writer forever, a link to /dev/zero would never end."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with open(fd, "rb") as fh:
            st = os.fstat(fh.fileno())
            if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_BYTES:
                return None
            data = fh.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            return None
        if not data.startswith(MAGIC) or len(data) < len(MAGIC) + 4:
            return None
        body = data[len(MAGIC) + 4 :]
        if zlib.crc32(body) != int.from_bytes(data[len(MAGIC) : len(MAGIC) + 4], "big"):
            return None
        stored, content = marshal.loads(body)
    except Exception:  # missing, unreadable, damaged
        return None
    if stored != header or not isinstance(content, bytes):
        return None
    return content


def write(path: Path, header: Any, content: bytes) -> bool:
    """Write `content` under `header`, atomically; say if it was written."""
    import tempfile

    tmp = ""
    try:
        body = marshal.dumps((header, content))
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)  # owner-only, as the config folder
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)  # 0600
        with os.fdopen(fd, "wb") as fh:
            fh.write(MAGIC + zlib.crc32(body).to_bytes(4, "big") + body)
        os.replace(tmp, path)
        tmp = ""
    except Exception:  # a full disk, a read-only cache folder, a header marshal cannot write
        return False
    finally:
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return True


class Memo:
    """A file of values (bytes) by key (str): read once, as the launch starts; `get` and
    `put` as the launch works them out; `save` writes the file when anything was put
    (what this launch used, no more: what it no longer needs goes)."""

    def __init__(self, path: Path, header: Any) -> None:
        self.path = path
        self.header = header
        self.kept: dict[str, bytes] = {}
        self.used: dict[str, bytes] = {}
        self.new = False
        content = read(path, header)
        if content is not None:
            with contextlib.suppress(Exception):  # damaged inside: as none
                kept = marshal.loads(content)
                if isinstance(kept, dict) and all(isinstance(k, str) and isinstance(v, bytes) for k, v in kept.items()):
                    self.kept = kept

    def get(self, key: str) -> bytes | None:
        value = self.kept.get(key)
        if value is not None:
            self.used[key] = value
        return value

    def put(self, key: str, value: bytes) -> None:
        self.used[key] = value
        self.new = True

    def save(self) -> bool:
        """Write what was used, if anything was put; say if the file was written."""
        if not self.new:
            return False
        self.new = False
        return write(self.path, self.header, marshal.dumps(self.used))
