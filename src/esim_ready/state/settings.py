"""The user's settings: interface language, last country viewed, home currency.

Stored in `<config dir>/settings.toml` (atomic writes, see tomlfile.py).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from esim_ready.problems import Problem
from esim_ready.state.paths import config_dir
from esim_ready.state.tomlfile import DocumentFile

SCHEMA = 1
LANGUAGES = ("en", "zh")


@dataclass(frozen=True, slots=True)
class Settings:
    language: str | None = None  # None: follow the locale
    last_country: str | None = None
    home_currency: str = "CNY"  # trip costs are also shown in this currency (ISO 4217)


def _from_raw(raw: dict[str, Any]) -> Settings:
    language = raw.get("language")
    country = raw.get("last_country")
    currency = raw.get("home_currency")
    return Settings(
        language=language if language in LANGUAGES else None,
        last_country=country if isinstance(country, str) and len(country) == 2 else None,
        home_currency=currency if currency is not None and _is_currency(currency) else "CNY",
    )


def _is_currency(value: object) -> bool:
    from esim_ready.catalog.country_files import currency_codes

    return isinstance(value, str) and value in currency_codes()


def _to_raw(settings: Settings) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if settings.language:
        out["language"] = settings.language
    if settings.last_country:
        out["last_country"] = settings.last_country
    if settings.home_currency != "CNY":
        out["home_currency"] = settings.home_currency
    return out


class SettingsStore:
    def __init__(self, directory: Path | None = None) -> None:
        self.file = DocumentFile((directory or config_dir()) / "settings.toml", SCHEMA)

    @property
    def quarantined(self) -> list[tuple[Path, Problem]]:
        return self.file.quarantined

    def load(self) -> Settings:
        return _from_raw(self.file.read())

    def change(self, **fields: Any) -> Settings:
        """Set some fields (on the freshest file) and save at once."""
        def apply(raw: dict[str, Any]) -> dict[str, Any]:
            return {"schema": SCHEMA, **_to_raw(replace(_from_raw(raw), **fields))}

        return _from_raw(self.file.update(apply))
