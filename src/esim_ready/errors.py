"""Errors a user can cause. Each carries a message written for a person.

The CLI maps them to exit status 2; the TUI shows them as a notification.
A traceback is always a bug.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from esim_ready.problems import Problem


class UserError(Exception):
    """Base class: something the user can fix (a bad file, an unknown code)."""


class Refused(UserError):
    """Something the user gave is refused for one reason, a typed `Problem` (worded in
    the current language when shown)."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(problem.code)

    def __str__(self) -> str:
        return self.problem.words()


class UnknownCountry(UserError):
    """No country has this code or name; or several have the name (`matches`:
    "alpha2 name" of each, so the message can list them)."""

    def __init__(self, code: str, matches: Sequence[str] = ()) -> None:
        self.code = code
        self.matches = tuple(matches)
        super().__init__(code)

    def __str__(self) -> str:
        from esim_ready.i18n import t

        if self.matches:
            return t("cli.ambiguous_country", code=self.code, matches=t("cli.list_sep").join(self.matches))
        return t("cli.unknown_country", code=self.code)


class WouldLoseProgress(UserError):
    """An import would take progress back (ticks, notes, a keep-alive's last date);
    `losses` lists each. Nothing was changed: ask first, or import with replace."""

    def __init__(self, what: str, losses: Sequence[object], details: tuple[object, ...] = ()) -> None:
        self.what = what  # the trip's id, or "" (profiles)
        self.losses = list(losses)  # each worded by str() in the current language
        self.details = details  # structured, for a screen to word in its language
        super().__init__(what)

    def __str__(self) -> str:
        from esim_ready.i18n import t

        head = t("cli.lose_trip", id=self.what, n=len(self.losses)) if self.what else t("cli.lose", n=len(self.losses))
        lines = "\n".join(f"  - {loss}" for loss in self.losses)
        return f"{head}\n{lines}\n{t('cli.lose_nothing_changed')}"


class DataFileError(UserError):
    """A reference-data or import file has problems; `problems` lists every one, typed
    (esim_ready.problems.Problem): worded in the current language when shown."""

    def __init__(self, path: str, problems: Sequence[Problem]) -> None:
        self.path = path
        self.problems = list(problems)
        super().__init__(path)

    def words(self, language: str | None = None) -> list[str]:
        """Each problem as a sentence in `language` (default: the current one)."""
        return [p.words(language) for p in self.problems]

    def __str__(self) -> str:
        from esim_ready.i18n import t

        lines = "\n".join(f"  - {w}" for w in self.words())
        return f"{t('problems.file_problems', path=self.path, n=len(self.problems))}\n{lines}"
