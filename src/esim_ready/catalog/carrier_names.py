"""Normalising carrier names: one operator, one name.

The phonenumbers data spells some operators several ways (case, legal entity,
brand). `AliasTable` maps spellings to one canonical name using the curated
`data/carrier_aliases.toml`; spellings that differ only in case, spacing or
punctuation are merged automatically.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

_PUNCT = re.compile(r"[\s.,\-_/&()']+")


def name_key(name: str) -> str:
    """'T-Mobile ' and 'T Mobile' and 't-mobile' share one key; so do 'Türk' and 'Turk'."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _PUNCT.sub("", plain).casefold()


@dataclass
class AliasTable:
    # (region or "*", name_key) -> canonical name
    table: dict[tuple[str, str], str] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> AliasTable:
        from esim_ready import shipped_toml  # the shipped table: kept parsed for the next launch

        doc = shipped_toml.loads(path.read_text("utf-8")) if path.exists() else {}
        out = cls()
        for entry in doc.get("alias", []):
            for region in entry.get("regions", ["*"]):
                for name in [entry["canonical"], *entry["names"]]:
                    out.table[(region, name_key(name))] = entry["canonical"]
        return out

    def canonical(self, region: str, name: str) -> str:
        clean = " ".join(name.split())
        key = name_key(clean)
        return self.table.get((region, key)) or self.table.get(("*", key)) or clean
