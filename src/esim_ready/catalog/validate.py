"""Validate data files: `python -m esim_ready.catalog.validate [FILE ...]`.

A file named `roaming.toml` is checked as the home-roaming file, `rates.toml`
as the exchange-rates file, `regional.toml` as the multi-country packs (an id
that is also an offer of a country file in the `countries/` folder beside it,
else the shipped one, is a problem), any other as a country file (`XX.toml`). Without
arguments it checks every shipped file. Prints each problem with file, line
and field; exit status 2 if any file has problems.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

from esim_ready.catalog.country_files import parse_country_file
from esim_ready.catalog.datafiles import data_path
from esim_ready.catalog.regional import parse_regional_file
from esim_ready.catalog.roaming import parse_roaming_file
from esim_ready.errors import DataFileError


def check_file(path: Path) -> None:
    """Raise DataFileError (every problem) or OSError/UnicodeDecodeError."""
    text = path.read_text("utf-8")
    if path.name == "roaming.toml":
        parse_roaming_file(str(path), text)
    elif path.name == "regional.toml":
        folder = path.parent / "countries"
        parse_regional_file(str(path), text, country_offer_ids(folder if folder.is_dir() else None))
    elif path.name == "rates.toml":
        from esim_ready.catalog.rates import ecb_table, parse_rates_file

        parse_rates_file(str(path), text, ecb_table())
    else:
        parse_country_file(str(path), text, path.stem, "curated")


def country_offer_ids(folder: Path | None = None) -> dict[str, frozenset[str]]:
    """The ids of the [[offers]] of every country file in `folder` (default: the shipped
    ones), by file name; a file that is not TOML is left out (it is reported on its own)."""
    out = {}
    for path in sorted((folder or Path(str(data_path("countries")))).glob("*.toml")):
        try:
            doc = tomllib.loads(path.read_text("utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            continue
        offers = doc.get("offers", [])
        ids = (o.get("id") for o in offers if isinstance(o, dict)) if isinstance(offers, list) else ()
        out[path.name] = frozenset(i for i in ids if isinstance(i, str))
    return out


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv]
    if not paths:
        paths = sorted(Path(str(data_path("countries"))).glob("*.toml"))
        paths += [Path(str(data_path(name))) for name in ("roaming.toml", "regional.toml", "rates.toml")]
    bad = 0
    for path in paths:
        try:
            check_file(path)
        except (OSError, UnicodeDecodeError) as exc:
            bad += 1
            print(f"{path}: cannot be read: {exc}")
        except DataFileError as exc:
            bad += 1
            print(exc)
        else:
            print(f"{path}: ok")
    return 2 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
