"""Errors a user can cause. Each carries a message written for a person.

The CLI maps them to exit status 2; the TUI shows them as a notification.
A traceback is always a bug.
"""

from __future__ import annotations


class UserError(Exception):
    """Base class: something the user can fix (a bad file, an unknown code)."""


class UnknownCountry(UserError):
    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(
            f"Unknown country {code!r}: use an ISO 3166-1 code such as MA or MAR, "
            "or try `esim-ready countries QUERY` to search."
        )


class WouldLoseProgress(UserError):
    """An import would take progress back (ticks, notes, a keep-alive's last date);
    `losses` lists each. Nothing was changed: ask first, or import with replace."""

    def __init__(self, what: str, losses: list[str], details: tuple[object, ...] = ()) -> None:
        self.what = what
        self.losses = losses
        self.details = details  # structured, for a screen to word in its language
        lines = "\n".join(f"  - {loss}" for loss in losses)
        super().__init__(
            f"{what}: importing would take back {len(losses)} thing(s) you have done since:\n{lines}\n"
            "Nothing was changed. To import anyway, give --replace."
        )


class DataFileError(UserError):
    """A reference-data or import file has problems; `problems` lists every one."""

    def __init__(self, path: str, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"{path}: {len(problems)} problem(s)\n{lines}")
