"""A secret (matching ID, confirmation code, PUK) as a value that masks itself.

`str()`, `repr()` and f-strings show `••••••••`; only `reveal()` gives the text,
so a secret cannot reach a log line, an error message or a terminal by accident.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MASK = "••••••••"


@dataclass(frozen=True, slots=True)
class Secret:
    value: str = field(repr=False)

    def reveal(self) -> str:
        return self.value

    def __str__(self) -> str:
        return MASK if self.value else ""

    def __repr__(self) -> str:
        return f"Secret({MASK!r})"

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __bool__(self) -> bool:
        return bool(self.value)
