"""Every message key the code uses exists in both languages, and every key in the
catalogues is used by some code (no dead text to translate, no key shown raw).

Keys are found in the source as string literals `"area.name"`, as f-strings
whose fixed start names a family (`f"main.tri_{value}"` uses every
`main.tri_*`), as Binding ids (`Binding(..., id="quit")` uses `keys.quit`), and,
for typed problems turned into words by `f"code.{problem.part}_{problem.code}"`,
as a key whose name is made of string literals of the source joined by "_"
(`code.address_chars` from "address" and "chars").
"""

from __future__ import annotations

import ast
import re
from functools import cache
from pathlib import Path

from esim_ready import i18n

SRC = Path(i18n.__file__).resolve().parents[1]
KEY = re.compile(r"[a-z][a-z0-9_]*\.[a-z0-9_]+")
FILE = re.compile(r"\.(toml|tcss|md|json|py)$")  # "trips.toml" is a file name, not a key


@cache
def usage() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(literal keys, f-string prefixes, areas with keys made wholly at run time,
    every string literal) found in the package's source."""
    areas = {key.partition(".")[0] for key in i18n.messages("en")}
    literals: set[str] = set()
    prefixes: set[str] = set()
    dynamic: set[str] = set()
    strings: set[str] = set()
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"), filename=str(path))
        in_fstrings = {id(part) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for part in node.values}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in in_fstrings:
                strings.add(node.value)
                if KEY.fullmatch(node.value) and node.value.partition(".")[0] in areas and not FILE.search(node.value):
                    literals.add(node.value)
            elif isinstance(node, ast.JoinedStr) and node.values:
                head = node.values[0]
                if isinstance(head, ast.Constant) and isinstance(head.value, str):
                    area, dot, rest = head.value.partition(".")
                    if dot and area in areas and rest:
                        prefixes.add(head.value)
                    elif dot and area in areas:  # f"code.{part}_{code}": the name is made at run time
                        dynamic.add(area)
            elif isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) == "Binding":
                for keyword in node.keywords:
                    if keyword.arg == "id" and isinstance(keyword.value, ast.Constant):
                        literals.add(f"keys.{keyword.value.value}")
    return frozenset(literals), frozenset(prefixes), frozenset(dynamic), frozenset(strings)


# Keys landed ahead of the code that shows them (qrcode's code screen, issue 9).
# Remove each from here when its screen lands: the test then checks it as any other.
PENDING: frozenset[str] = frozenset()


def _made_of(name: str, strings: frozenset[str]) -> bool:
    """`name` is one of `strings`, or two or more of them joined by "_"."""
    if name in strings:
        return True
    parts = name.split("_")
    return any(
        "_".join(parts[:i]) in strings and _made_of("_".join(parts[i:]), strings) for i in range(1, len(parts))
    )


def test_every_key_the_code_uses_exists_in_both_languages():
    literals, prefixes, _, _ = usage()
    for language in i18n.LANGUAGES:
        catalogue = i18n.messages(language)
        missing = sorted(k for k in literals if k not in catalogue)
        assert not missing, f"{language}: used in code but not in the catalogue: {missing}"
        empty = sorted(p for p in prefixes if not any(k.startswith(p) for k in catalogue))
        assert not empty, f"{language}: no key starts with these f-string prefixes: {empty}"


def test_every_catalogue_key_is_used_by_the_code():
    literals, prefixes, dynamic, strings = usage()

    def used(key: str) -> bool:
        area, _, name = key.partition(".")
        return (
            key in literals
            or any(key.startswith(p) for p in prefixes)
            or (area in dynamic and area != "keys" and _made_of(name, strings))
        )

    unused = sorted(k for k in i18n.messages("en") if not used(k) and k not in PENDING)
    assert not unused, f"in the catalogue but used nowhere in src/: {unused}"


def test_a_missing_key_never_shows_the_key(monkeypatch):
    assert "no_such_key" not in i18n.t("main.no_such_key")
