"""A date as people type it, for every field and option that asks for one.

ISO (2026-12-27) is what the app writes and suggests; a user also types
2026/12/27, 2026.12.27, 2026-1-5, 20261227 or 2026年12月27日, and a Chinese input
method in full-width mode sends ２０２６－１２－２７. Each is the same day."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

_TYPED = re.compile(
    r"(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
    r"|(?P<cy>\d{4})(?P<cm>\d{2})(?P<cd>\d{2})",
    re.ASCII,
)


def typed_date(text: str) -> date | None:
    """'' (or spaces) -> None; a date in one of the forms above -> that date;
    anything else (or a day that does not exist, 2026-02-30) -> ValueError."""
    folded = unicodedata.normalize("NFKC", text).strip()
    if not folded:
        return None
    found = _TYPED.fullmatch(folded)
    if found is None:
        raise ValueError(text)
    y, m, d = (found["y"], found["m"], found["d"]) if found["y"] else (found["cy"], found["cm"], found["cd"])
    return date(int(y), int(m), int(d))
