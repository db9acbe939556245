"""Profiles to and from files the user names: the screens ask here and never open files.

`import_lpac_file` reads what `lpac profile list` printed (saved to a file) and
merges it; `export_profiles_file` writes the TOML export, readable by the owner
only. Problems a person can fix come back as `UserError` with a plain message.
Never imports Textual.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from esim_ready.errors import UserError
from esim_ready.state.profiles import ImportSummary, Profile, ProfileStore


class CannotRead(UserError):
    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"cannot read {path}: {reason}")


class CannotWrite(UserError):
    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"cannot write {path}: {reason}")


def _target(path: str | Path) -> Path:
    return Path(str(path).strip()).expanduser()


def read_text_file(path: str | Path) -> str:
    """The UTF-8 text of `path` (`~` expanded), or `CannotRead` saying why not."""
    name = str(path).strip()
    if not name:
        raise CannotRead("''", "no file name given")
    target = _target(name)
    if target.is_dir():
        raise CannotRead(name, "it is a folder, not a file")
    try:
        return target.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CannotRead(name, "no such file (check the name and the folder)") from None
    except PermissionError:
        raise CannotRead(name, "permission denied") from None
    except UnicodeDecodeError:
        raise CannotRead(name, "not UTF-8 text (is it the JSON that lpac prints?)") from None
    except OSError as exc:
        raise CannotRead(name, exc.strerror or str(exc)) from None


def exists(path: str | Path) -> bool:
    """Whether an export to `path` would replace something (ask the user first)."""
    return bool(str(path).strip()) and _target(path).exists()


def import_lpac_file(path: str | Path, store: ProfileStore, profile_id: str | None = None) -> ImportSummary:
    """Read saved `lpac profile list` output from `path` and merge it by ICCID, as one change
    (`lpac chip info` alone sets the EID of the profile `profile_id`)."""
    from esim_ready.exchange.lpac import import_lpac

    return import_lpac(read_text_file(path), store, source=str(path).strip(), profile_id=profile_id)


def export_profiles_file(path: str | Path, profiles: Sequence[Profile], *, include_secrets: bool) -> Path:
    """Write the TOML export of `profiles` to `path` (atomically, owner-only); where it went."""
    from esim_ready.exchange.profiles_toml import export_profiles, write_private

    target = _target(path)
    if not str(path).strip():
        raise CannotWrite("''", "no file name given")
    if target.is_dir():
        raise CannotWrite(str(path), "it is a folder: add a file name, e.g. profiles.toml")
    try:
        write_private(target, export_profiles(profiles, include_secrets=include_secrets))
    except OSError as exc:
        raise CannotWrite(str(path), exc.strerror or str(exc)) from None
    return target
