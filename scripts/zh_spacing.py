"""Put a space between Chinese and Latin letters or digits in the data's Chinese text.

    python scripts/zh_spacing.py            # fix data/*.toml and data/countries/*.toml in place
    python scripts/zh_spacing.py --check    # list what it would change, exit 1 if anything

The app's Chinese follows the common mainland UI rule: "SIM 卡", "3 天",
"Telenor 预付费", "5 GB", never "SIM卡" or "5GB" (tests/i18n/test_zh_style.py checks it). Only
one-line `*_zh = "..."` values are touched, as text, so comments, order and
everything else in the file stay as they are.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINE = re.compile(r'^(\s*\w+_zh\s*=\s*")(.*)("\s*(?:#.*)?)$')
IDEOGRAPH = "\u4e00-\u9fff"
TIGHT = re.compile(rf"(?<=[{IDEOGRAPH}])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=[{IDEOGRAPH}])")
UNIT = re.compile(r"(?<=\d)(?=(?:[KMGT]B|[kKMG]bps|[kKMG]bit/s)(?![A-Za-z]))")  # 5 GB, 128 Kbps, as the app writes them


def spaced(text: str) -> str:
    return UNIT.sub(" ", TIGHT.sub(" ", text))


def fix(path: Path) -> list[tuple[int, str, str]]:
    """The changed lines (number, before, after), written back to `path`."""
    lines = path.read_text("utf-8").split("\n")
    changed = []
    for i, line in enumerate(lines):
        m = LINE.match(line)
        if m:
            after = m.group(1) + spaced(m.group(2)) + m.group(3)
            if after != line:
                changed.append((i + 1, line, after))
                lines[i] = after
    if changed:
        path.write_text("\n".join(lines), "utf-8")
    return changed


def main(argv: list[str]) -> int:
    check = "--check" in argv
    paths = sorted([*(ROOT / "data").glob("*.toml"), *(ROOT / "data" / "countries").glob("*.toml")])
    total = 0
    for path in paths:
        if check:
            original = path.read_text("utf-8")
            changed = fix(path)
            path.write_text(original, "utf-8")
        else:
            changed = fix(path)
        for number, _, after in changed:
            print(f"{path.relative_to(ROOT)}:{number}: {after.strip()[:100]}")
        total += len(changed)
    print(f"{total} line(s) {'to change' if check else 'changed'}", file=sys.stderr)
    return 1 if check and total else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
