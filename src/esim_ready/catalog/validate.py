"""Validate data files: `python -m esim_ready.catalog.validate [FILE ...]`.

A file named `roaming.toml` is checked as the home-roaming file, `rates.toml`
as the exchange-rates file, any other as a country file (`XX.toml`). Without
arguments it checks every shipped file. Prints each problem with file, line
and field; exit status 2 if any file has problems.
"""

from __future__ import annotations

import sys
from pathlib import Path

from esim_ready.catalog.country_files import parse_country_file
from esim_ready.catalog.datafiles import data_path
from esim_ready.catalog.roaming import parse_roaming_file
from esim_ready.errors import DataFileError


def check_file(path: Path) -> None:
    """Raise DataFileError (every problem) or OSError/UnicodeDecodeError."""
    text = path.read_text("utf-8")
    if path.name == "roaming.toml":
        parse_roaming_file(str(path), text)
    elif path.name == "rates.toml":
        from esim_ready.catalog.rates import ecb_table, parse_rates_file

        parse_rates_file(str(path), text, ecb_table())
    else:
        parse_country_file(str(path), text, path.stem, "curated")


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv]
    if not paths:
        paths = sorted(Path(str(data_path("countries"))).glob("*.toml"))
        paths += [Path(str(data_path("roaming.toml"))), Path(str(data_path("rates.toml")))]
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
