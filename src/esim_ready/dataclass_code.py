"""The methods Python writes for each dataclass, compiled once and kept for the next
launch (a file of launch_cache.py).

For each `@dataclass` Python writes the source of `__init__`, `__repr__`, `__eq__`
(`__hash__`, `__setattr__`, `__delattr__` when frozen) and compiles each with `exec`:
at launch some 70 classes (ours, Textual's, Rich's), ~300 small compilations, ~20 ms
of every launch for the same result each time. Python keeps the compiled code of
modules (`__pycache__`), not that of these methods.

`install(path)`, as the command line's app starts (before Textual is imported), gives
the `dataclasses` module an `exec` of its own: a module global, which its
`_create_fn` finds before the built-in one; nothing else of it changes. That `exec`
looks the source text up among the compiled code kept in `path` and compiles only
what is not there, as `exec` would have (the same text, `"<string>"`, no
`__future__` flags inherited). `save()`, once the main screen is idle, keeps what
the launch compiled if it compiled something new (a new version of the app, of
Textual or Python), and takes the `exec` away again: dataclasses made later are
compiled as usual.

The code is kept in Python's `marshal` format, used only by the Python whose bytecode
it is (its magic number is the file's header).
"""

from __future__ import annotations

import builtins
import dataclasses
import marshal
import sys
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from types import CodeType
from typing import Any

from esim_ready import launch_cache

NAME = "dataclass-code.marshal"
HEADER = ("dataclass-code", 1, MAGIC_NUMBER)


def cache_file() -> Path:
    return launch_cache.cache_dir() / NAME


class _Compiled:
    """The code kept (source text -> marshalled code: read one by one, as used, it loads
    five times faster than a file of code objects)."""

    def __init__(self, path: Path) -> None:
        self.memo = launch_cache.Memo(path, HEADER)

    def exec(self, source: Any, globals: Any = None, locals: Any = None, /) -> None:
        if globals is None:  # as exec does: the caller's
            globals = sys._getframe(1).f_globals
        if isinstance(source, str):
            kept = self.memo.get(source)
            code = _code(kept) if kept is not None else None
            if code is None:
                code = compile(source, "<string>", "exec", dont_inherit=True)
                self.memo.put(source, marshal.dumps(code))
            source = code
        builtins.exec(source, globals, locals)


def _code(marshalled: bytes) -> CodeType | None:
    try:
        code = marshal.loads(marshalled)
    except Exception:
        return None
    return code if isinstance(code, CodeType) else None


_installed: _Compiled | None = None


def install(path: Path) -> None:
    """From now on (until `save`), dataclasses' methods come compiled from `path`."""
    global _installed
    _installed = _Compiled(path)
    dataclasses.exec = _installed.exec  # type: ignore[attr-defined]


def uninstall() -> None:
    """Dataclasses compiled as usual again."""
    global _installed
    if _installed is not None and vars(dataclasses).get("exec") == _installed.exec:
        del dataclasses.exec  # type: ignore[attr-defined]
    _installed = None


def save() -> bool:
    """Keep what this launch compiled, if it compiled something new (say if the file was
    written); dataclasses are compiled as usual from now on."""
    compiled = _installed
    uninstall()
    return compiled is not None and compiled.memo.save()
