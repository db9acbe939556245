"""Malformed documents fed to checklist import: a clear DataFileError every time, never a traceback."""

from __future__ import annotations

import copy
import re
from datetime import UTC, date, datetime, time
from typing import Any

import tomli_w
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from esim_ready.catalog import countries
from esim_ready.catalog.checklist import load_templates
from esim_ready.errors import DataFileError
from esim_ready.exchange.checklist_toml import parse_checklist

TEMPLATES = load_templates()
ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

VALID: dict[str, Any] = {
    "format": "esim-ready-checklist",
    "version": 1,
    "trip": {
        "id": "ma-abc123",
        "name": "Morocco",
        "country": "MA",
        "platform": "ios",
        "start": date(2026, 12, 1),
        "end": date(2026, 12, 14),
    },
    "items": [
        {"id": "cloud-backup-on", "category": "cloud-backup", "title": "Backup", "done": True,
         "done_at": datetime(2026, 11, 21, 10, 0, tzinfo=UTC), "note": "ok"},
        {"id": "contacts-synced", "category": "contacts", "title": "Contacts", "done": False, "note": ""},
        {"id": "wechat-backup", "category": "chats", "title": "WeChat", "done": False, "note": "later"},
    ],
}
VALID_TEXT = tomli_w.dumps(VALID)

ANY_VALUE = st.one_of(
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False),
    st.booleans(),
    st.text(max_size=12),
    st.dates(),
    st.datetimes(),
    st.datetimes(timezones=st.just(UTC)),
    st.times(),
    st.lists(st.integers(min_value=0, max_value=9), max_size=3),
    st.dictionaries(st.sampled_from(["a", "b", "id"]), st.integers(min_value=0, max_value=9), max_size=2),
)


def _is_date(v: Any) -> bool:
    return isinstance(v, date) and not isinstance(v, datetime)


def _is_code(v: Any) -> bool:
    return isinstance(v, str) and countries.find(v) is not None


# field -> (is the value acceptable?, required?)
FIELDS: dict[tuple[str | int, ...], tuple[Any, bool]] = {
    ("format",): (lambda v: v == "esim-ready-checklist", True),
    ("version",): (lambda v: type(v) is int and v == 1, True),
    ("trip",): (lambda v: False, True),  # replacing the whole table with a value is always wrong
    ("items",): (lambda v: isinstance(v, list) and v == [], True),
    ("trip", "id"): (lambda v: isinstance(v, str) and bool(ID.match(v)), False),
    ("trip", "name"): (lambda v: isinstance(v, str) and bool(v.strip()) and len(v) <= 200, True),
    ("trip", "country"): (lambda v: _is_code(v), True),
    ("trip", "platform"): (lambda v: v in ("ios", "android"), True),
    ("trip", "start"): (lambda v: _is_date(v) and v <= date(2026, 12, 14), False),
    ("trip", "end"): (lambda v: _is_date(v) and v >= date(2026, 12, 1), False),
    ("items", 1, "id"): (lambda v: isinstance(v, str) and bool(ID.match(v)) and v not in ("cloud-backup-on", "wechat-backup"), True),
    ("items", 0, "done"): (lambda v: v is True, True),
    ("items", 0, "done_at"): (lambda v: isinstance(v, datetime), False),
    ("items", 2, "note"): (lambda v: isinstance(v, str), False),
    ("items", 1, "category"): (lambda v: isinstance(v, str), False),
    ("items", 2, "title"): (lambda v: isinstance(v, str), False),
    ("items", 1): (lambda v: False, True),
}


def _set(doc: dict[str, Any], path: tuple[str | int, ...], value: Any) -> None:
    node: Any = doc
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value


def _delete(doc: dict[str, Any], path: tuple[str | int, ...]) -> None:
    node: Any = doc
    for part in path[:-1]:
        node = node[part]
    del node[path[-1]]


def _dump(doc: dict[str, Any]) -> str | None:
    try:
        return tomli_w.dumps(doc)
    except (TypeError, ValueError):
        return None


FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def test_the_unmutated_document_imports() -> None:
    assert parse_checklist(VALID_TEXT, templates=TEMPLATES).trip.id == "ma-abc123"


@FAST
@given(path=st.sampled_from(sorted(FIELDS, key=str)), value=ANY_VALUE)
def test_a_wrong_value_anywhere_is_reported_by_field(path: tuple[str | int, ...], value: Any) -> None:
    acceptable, _required = FIELDS[path]
    assume(not acceptable(value))
    doc = copy.deepcopy(VALID)
    _set(doc, path, value)
    text = _dump(doc)
    assume(text is not None)
    try:
        parse_checklist(text, "doc.toml", templates=TEMPLATES)
    except DataFileError as exc:
        field = str(path[-1])
        message = str(exc)
        assert message.startswith("doc.toml: ")
        assert exc.words("en") and all(p.strip() for p in exc.words("en"))
        named = (f".{field}", f"{field}:", f"{field}.", f"[{field}]")
        assert any(n in message for n in named), (path, message)
    else:
        raise AssertionError(f"accepted {path}={value!r}")


@FAST
@given(path=st.sampled_from([p for p, (_, required) in FIELDS.items() if required and not isinstance(p[-1], int)]))
def test_a_missing_required_field_is_reported(path: tuple[str | int, ...]) -> None:
    doc = copy.deepcopy(VALID)
    _delete(doc, path)
    try:
        parse_checklist(tomli_w.dumps(doc), templates=TEMPLATES)
    except DataFileError as exc:
        assert any(p.key == path[-1] and "missing" in p.code for p in exc.problems), str(exc)
    else:
        raise AssertionError(f"accepted a document without {path}")


@FAST
@given(where=st.sampled_from([(), ("trip",), ("items", 0)]), key=st.text(alphabet="abcxyz_", min_size=1, max_size=8))
def test_an_unknown_field_is_reported(where: tuple[str | int, ...], key: str) -> None:
    doc = copy.deepcopy(VALID)
    node: Any = doc
    for part in where:
        node = node[part]
    assume(key not in node)
    node[key] = 1
    try:
        parse_checklist(tomli_w.dumps(doc), templates=TEMPLATES)
    except DataFileError as exc:
        assert any(p.key == key and p.code == "unknown_key" for p in exc.problems), str(exc)
    else:
        raise AssertionError(f"accepted unknown field {key!r}")


TOMLISH = st.text(alphabet=st.sampled_from([*'[]{}=."\'\n #,:-_TZ0123456789abcdefinotrusm ', "中", "\t", "\\"]), max_size=200)


@FAST
@given(text=st.one_of(st.text(max_size=200), TOMLISH))
def test_random_text_gives_a_data_file_error_never_a_traceback(text: str) -> None:
    try:
        parse_checklist(text, templates=TEMPLATES)
    except DataFileError as exc:
        assert exc.words("en")
    # (a random text that happens to be a valid checklist would be fine too)


@FAST
@given(data=st.data())
def test_damaged_copies_of_a_real_export_never_give_a_traceback(data: st.DataObject) -> None:
    start = data.draw(st.integers(min_value=0, max_value=len(VALID_TEXT)))
    end = data.draw(st.integers(min_value=start, max_value=len(VALID_TEXT)))
    insert = data.draw(st.one_of(st.just(""), TOMLISH))
    text = VALID_TEXT[:start] + insert + VALID_TEXT[end:]
    try:
        parse_checklist(text, templates=TEMPLATES)
    except DataFileError as exc:
        assert exc.words("en")


@FAST
@given(
    start=st.one_of(st.dates(), st.datetimes(), st.times(), st.text(max_size=10)),
    done_at=st.one_of(st.dates(), st.times(), st.text(max_size=10), st.integers()),
)
def test_bad_dates_are_reported_as_such(start: Any, done_at: Any) -> None:
    assume(not _is_date(start))
    doc = copy.deepcopy(VALID)
    doc["trip"]["start"] = start
    doc["items"][0]["done_at"] = done_at
    try:
        parse_checklist(tomli_w.dumps(doc), templates=TEMPLATES)
    except DataFileError as exc:
        message = str(exc)
        assert "trip.start: must be a date like 2026-12-01" in message
        assert any(p.key == "done_at" and p.code == "not_datetime" for p in exc.problems), message
    else:
        raise AssertionError("accepted bad dates")


def test_a_time_is_not_a_date() -> None:
    doc = copy.deepcopy(VALID)
    doc["trip"]["end"] = time(10, 0)
    try:
        parse_checklist(tomli_w.dumps(doc), templates=TEMPLATES)
    except DataFileError as exc:
        assert "trip.end: must be a date" in str(exc)
    else:
        raise AssertionError("accepted a time as a date")
