"""Write data/countries.json from pycountry: every ISO 3166-1 country, English and
Simplified Chinese names (pycountry's own zh_CN gettext catalogue).

    python scripts/build_countries.py

Reading this small JSON at start-up costs about a millisecond; importing
pycountry and its translations costs ~30 ms. A test checks the file matches
the installed pycountry, so it can never drift from its source.
"""

from __future__ import annotations

import gettext
import json
from importlib.metadata import version
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parents[1]


def build() -> dict:
    zh = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"])
    rows = []
    for c in pycountry.countries:
        rows.append({
            "alpha2": c.alpha_2,
            "alpha3": c.alpha_3,
            "name": c.name,
            "common_name": getattr(c, "common_name", None) or c.name,
            "official_name": getattr(c, "official_name", None) or c.name,
            "name_zh": zh.gettext(c.name),
        })
    return {
        "source": f"pycountry {version('pycountry')} (ISO 3166-1, iso-codes zh_CN translations)",
        "countries": rows,
    }


def main() -> int:
    out = ROOT / "data" / "countries.json"
    out.write_text(json.dumps(build(), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{out}: {len(build()['countries'])} countries")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
