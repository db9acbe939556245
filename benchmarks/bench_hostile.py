"""How fast hostile or huge documents are refused, and error reports stay linear.

    python benchmarks/bench_hostile.py [RUNS]

Prints p50/p95 in milliseconds for:
* refusing a 10 MB document named on the command line (`read_user_file`: refused
  by size before it is read whole) — target 1,000 ms;
* refusing the worst documents under the size limit: a checklist with 1,000 bad
  items, TOML nested 5,000 deep, lpac JSON nested 100,000 deep;
* validating an export of 2,000 profiles, each with a warning (a wrong ICCID
  check digit, reported with its line) — target 500 ms.
Numbers are noisy on a loaded machine: compare runs made at the same time.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "tests"))

from _stats import report, timed  # benchmarks/_stats.py

from esim_ready.errors import UserError
from esim_ready.exchange.checklist_toml import parse_checklist
from esim_ready.exchange.lpac import parse_lpac
from esim_ready.exchange.profiles_toml import parse_profiles
from esim_ready.exchange.user_files import read_user_file
from hostile_corpus import DOCUMENTS, checklist_with_bad_items, profiles_with_warnings  # tests/hostile_corpus.py


def refused(fn) -> None:  # type: ignore[no-untyped-def]
    try:
        fn()
    except UserError:
        return
    raise AssertionError("accepted a hostile document")


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.toml"
        big.write_bytes(DOCUMENTS["10 MB"])
        report("refuse a 10 MB document (read + limit)", timed(lambda: refused(lambda: read_user_file(big)), runs), 1000)
    bad_items = checklist_with_bad_items(1000)
    report("refuse a checklist with 1,000 bad items", timed(lambda: refused(lambda: parse_checklist(bad_items)), runs), 1000)
    deep = DOCUMENTS["toml nested 5000 deep"].decode()
    report("refuse TOML nested 5,000 deep", timed(lambda: refused(lambda: parse_checklist(deep)), runs), 1000)
    deep_json = DOCUMENTS["json nested 100000 deep"].decode()
    report("refuse lpac JSON nested 100,000 deep", timed(lambda: refused(lambda: parse_lpac(deep_json)), runs), 1000)
    text = profiles_with_warnings(2000)
    warned = parse_profiles(text).warnings
    assert len(warned) == 2000 and all(w.line is not None for w in warned), warned[:3]  # each with its line
    report("validate 2,000 profiles with warnings", timed(lambda: parse_profiles(text), runs), 500)


if __name__ == "__main__":
    main()
