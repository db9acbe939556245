"""Every problem code the validators give has its words in both languages.

A code is a plain string where the problem is made (`Problem("not_toml", …)`,
`problems.add(where, key, "missing")`, `issue("iccid", "iccid_luhn")`), so the
key test (test_keys_used) cannot see it: a misspelt code would show the user the
code itself. This test reads each such call in the source and checks the
message it names (`problems.<code>`; `profiles.issue_<code>` for a profile
check's `issue`; a dotted code names its own key).
"""

from __future__ import annotations

import ast
from pathlib import Path

from esim_ready import i18n

SRC = Path(i18n.__file__).resolve().parents[1]

# callable name -> position of the code among its arguments
CODE_AT = {
    "Problem": 0,
    "ProblemError": 0,
    "add": 2,  # Problems.add(where, key, code)
    "issue": 1,  # state.profiles.issue(field, code)
    "bad": 1,  # keepalive's bad(name, code): an issue
    "_bad": 1,  # trips' _bad(where, code)
    "InvalidTrip": 0,
    "LpacError": 1,
    "NeedsProfile": 1,
    "_problem": 1,  # esim.activation._problem(part, code)
}


ISSUES = {"issue", "bad"}  # a profile check's: `profiles.issue_<code>`


def message_key(function: str, code: str) -> str:
    if code.startswith("problems."):
        return code
    if "." in code:
        return code
    return f"profiles.issue_{code}" if function in ISSUES else f"problems.{code}"


def codes_in_source() -> dict[str, str]:
    """{message key: where it is used} for every literal code in the source."""
    found: dict[str, str] = {}
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            at = CODE_AT.get(name)
            if at is None or len(node.args) <= at:
                continue
            where = f"{path.relative_to(SRC)}:{node.lineno}"
            arg = node.args[at]
            if name == "_problem":  # an activation code's: `code.<part>_<code>`
                part = node.args[0]
                if isinstance(part, ast.Constant) and isinstance(arg, ast.Constant):
                    found.setdefault(f"code.{part.value}_{arg.value}", where)
            elif isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.setdefault(message_key(name, arg.value), where)
    return found


def test_the_source_gives_problem_codes() -> None:
    found = codes_in_source()
    assert len(found) > 100  # the reader still finds the calls (a rename would make this test empty)
    assert "problems.not_one_of" in found and "profiles.issue_iccid_luhn" in found and "code.oid_no_dots" in found


def test_every_problem_code_has_words_in_both_languages() -> None:
    found = codes_in_source()
    for language in i18n.LANGUAGES:
        catalogue = i18n.messages(language)
        missing = sorted(f"{key} ({where})" for key, where in found.items() if key not in catalogue)
        assert not missing, f"{language}: problem codes without words: {missing}"
