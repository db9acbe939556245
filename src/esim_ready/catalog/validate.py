"""Validate country files: `python -m esim_ready.catalog.validate [FILE ...]`.

Without arguments it checks every shipped file. Prints each problem with
file, line and field; exit status 2 if any file has problems.
"""

from __future__ import annotations

import sys
from pathlib import Path

from esim_ready.catalog.country_files import parse_country_file
from esim_ready.catalog.datafiles import data_path
from esim_ready.errors import DataFileError


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted(Path(str(data_path("countries"))).glob("*.toml"))
    bad = 0
    for path in paths:
        try:
            parse_country_file(str(path), path.read_text("utf-8"), path.stem, "curated")
        except DataFileError as exc:
            bad += 1
            print(exc)
        else:
            print(f"{path}: ok")
    return 2 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
