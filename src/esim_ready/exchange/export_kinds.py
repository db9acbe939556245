"""The three files esim-ready exports, told apart by their `format` line: a file handed
to the wrong import gets one line saying what it is and where it goes, not a list of
every field the other kind of file lacks."""

from __future__ import annotations

from typing import Any

from esim_ready.catalog.validation import Problems

# format -> the problem code whose words say what the file is and where to import it
KINDS = {
    "esim-ready-checklist": "export_is_checklist",
    "esim-ready-profiles": "export_is_profiles",
    "esim-ready-offers": "export_is_offers",
}


def refuse_other_export(path: str, text: str, doc: dict[str, Any], expected: str) -> None:
    """Raise `DataFileError` with that one line when `doc` is another kind of esim-ready export."""
    found = doc.get("format")
    if isinstance(found, str) and found != expected and found in KINDS:
        problems = Problems(path, text)
        problems.add((), "format", KINDS[found])
        problems.raise_if_any()
