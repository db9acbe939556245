"""Profiles to and from files the user names: the screens ask here and never open files.

`import_lpac_file` reads what `lpac profile list` printed (saved to a file) and
merges it; `export_profiles_file` writes the TOML export, readable by the owner
only. Problems a person can fix come back as `UserError` with a plain message.
Never imports Textual.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from esim_ready.exchange.user_files import CannotRead, CannotWrite, read_user_file, would_replace, write_user_file
from esim_ready.state.profiles import ImportSummary, Profile, ProfileStore

__all__ = [
    "CannotRead", "CannotWrite", "exists", "export_profiles_file", "import_file", "import_lpac_file", "read_text_file",
]


def read_text_file(path: str | Path) -> str:
    """The UTF-8 text of `path` (`~` expanded), or `CannotRead` saying why not."""
    return read_user_file(path)[0]


def exists(path: str | Path) -> bool:
    """Whether an export to `path` would replace a file (ask the user first)."""
    return would_replace(path)


def import_lpac_file(path: str | Path, store: ProfileStore, profile_id: str | None = None) -> ImportSummary:
    """Read saved `lpac profile list` output from `path` and merge it by ICCID, as one change
    (`lpac chip info` alone sets the EID of the profile `profile_id`)."""
    from esim_ready.exchange.lpac import import_lpac

    return import_lpac(read_text_file(path), store, source=str(path).strip(), profile_id=profile_id)


class ImportedFile(NamedTuple):
    summary: ImportSummary
    from_lpac: bool  # lpac output, not esim-ready's own export


def import_file(
    path: str | Path, store: ProfileStore, profile_id: str | None = None, *, replace: bool = False
) -> ImportedFile:
    """What the app's import takes: esim-ready's own profiles export (TOML, told by its
    `format` line; `WouldLoseProgress` unless `replace` if it would put a keep-alive date
    back), or else saved `lpac` output, as `import_lpac_file`."""
    from esim_ready.exchange.profiles_toml import FORMAT, import_profiles

    text = read_text_file(path)
    if _is_profiles_export(text, FORMAT):
        return ImportedFile(import_profiles(text, store, str(path).strip(), replace=replace), from_lpac=False)
    from esim_ready.exchange.lpac import import_lpac

    return ImportedFile(import_lpac(text, store, source=str(path).strip(), profile_id=profile_id), from_lpac=True)


def is_pasted_json(text: str) -> bool:
    """Whether what was typed where a file name goes is JSON itself (the output of
    `lpac profile list`, pasted after reading it in the terminal), not a name."""
    return text.lstrip().startswith(("{", "["))


def import_pasted(text: str, store: ProfileStore, profile_id: str | None = None) -> ImportedFile:
    """lpac output pasted in place of a file name: imported as if it had been saved to a file."""
    from esim_ready.exchange.lpac import import_lpac
    from esim_ready.i18n import t

    return ImportedFile(import_lpac(text, store, source=t("profiles.pasted_source"), profile_id=profile_id), True)


def _is_profiles_export(text: str, format_name: str) -> bool:
    """The document says it is esim-ready's profiles export (a first look: its problems,
    if any, are for the full import to report with their lines)."""
    import re

    return re.search(rf'^\s*format\s*=\s*["\']{re.escape(format_name)}["\']', text, re.MULTILINE) is not None


def export_profiles_file(path: str | Path, profiles: Sequence[Profile], *, include_secrets: bool) -> Path:
    """Write the TOML export of `profiles` to `path` (atomically, owner-only); where it went."""
    from esim_ready.exchange.profiles_toml import export_profiles

    written = write_user_file(path, export_profiles(profiles, include_secrets=include_secrets))
    assert written is not None  # "-" (standard output) is for the command line
    return written
