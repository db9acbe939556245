"""What a launch works out is kept for the next (launch_cache.py): Textual's
parsed CSS (tui/css_cache.py) and the compiled methods of dataclasses
(dataclass_code.py). The next launch uses them and looks the same; a damaged,
unreadable or other version's file is ignored, as if there were none."""

from __future__ import annotations

import dataclasses
import inspect
import os
import sys
import tomllib
import types
from datetime import date
from pathlib import Path

import pytest
from textual.css import stylesheet as textual_stylesheet
from textual.css.stylesheet import Stylesheet

from esim_ready import dataclass_code, i18n, launch_cache, shipped_toml
from esim_ready.catalog import curated
from esim_ready.state.settings import SettingsStore
from esim_ready.tui import css_cache
from esim_ready.tui.app import EsimReadyApp
from tui.helpers import MA_PLANS, TODAY


@pytest.fixture
def cache_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setattr(launch_cache, "cache_dir", lambda: folder)
    return folder


def parse_counter(monkeypatch) -> list[str]:
    """The CSS Textual parses from now on (each source's text)."""
    parsed: list[str] = []
    parse = textual_stylesheet.parse

    def counting(scope, css, *args, **kwargs):
        parsed.append(css)
        return parse(scope, css, *args, **kwargs)

    monkeypatch.setattr(textual_stylesheet, "parse", counting)
    return parsed


async def launch(launch_cache: bool = True, keep: bool = True) -> str:
    """The main screen as a launch of the command line's app shows it (an SVG), and
    what the launch worked out kept (as the app does once its main screen is idle)."""
    app = EsimReadyApp(initial_country="JP", language="en", today=TODAY, launch_cache=launch_cache)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shot = app.export_screenshot(title="main")
        if keep:
            app._keep_launch_caches()
    return shot


# -- the file --------------------------------------------------------------------


def test_a_file_is_read_back_as_written(tmp_path):
    path = tmp_path / "deep" / "f"
    assert launch_cache.write(path, ("h", 1), b"content")
    assert launch_cache.read(path, ("h", 1)) == b"content"
    assert os.stat(path).st_mode & 0o077 == 0  # owner-only
    assert [p.name for p in path.parent.iterdir()] == ["f"]  # no temp file left


@pytest.mark.parametrize("damage", ["cut short", "a byte changed", "empty", "another program's"])
def test_a_damaged_file_is_ignored(tmp_path, damage):
    path = tmp_path / "f"
    launch_cache.write(path, ("h", 1), b"content" * 100)
    data = path.read_bytes()
    damaged = {
        "cut short": data[: len(data) // 2],
        "a byte changed": data[:-10] + bytes([data[-10] ^ 1]) + data[-9:],
        "empty": b"",
        "another program's": b"\x00" * len(data),
    }[damage]
    path.write_bytes(damaged)
    assert launch_cache.read(path, ("h", 1)) is None


def test_another_versions_file_or_none_is_ignored(tmp_path):
    path = tmp_path / "f"
    assert launch_cache.read(path, ("h", 1)) is None  # none yet
    launch_cache.write(path, ("h", 1), b"content")
    assert launch_cache.read(path, ("h", 2)) is None
    (tmp_path / "folder").mkdir()
    assert launch_cache.read(tmp_path / "folder", ("h", 1)) is None


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_in_place_of_a_file_is_not_waited_on(tmp_path):
    """A FIFO there made every launch wait for a writer on a blank screen (QA)."""
    os.mkfifo(tmp_path / "f")
    assert launch_cache.read(tmp_path / "f", ("h", 1)) is None


def test_a_file_too_large_is_not_read(tmp_path, monkeypatch):
    launch_cache.write(tmp_path / "f", ("h", 1), b"x" * 1000)
    monkeypatch.setattr(launch_cache, "MAX_BYTES", 500)
    assert launch_cache.read(tmp_path / "f", ("h", 1)) is None


def test_the_cache_folder_is_the_users_alone(tmp_path):
    launch_cache.write(tmp_path / "cache" / "f", ("h", 1), b"content")
    if os.name == "posix":
        assert os.stat(tmp_path / "cache").st_mode & 0o077 == 0


def test_a_disk_that_refuses_the_file_is_not_an_error(tmp_path):
    (tmp_path / "a file").write_text("")
    assert not launch_cache.write(tmp_path / "a file" / "f", ("h", 1), b"content")


# -- Textual's parsed CSS ----------------------------------------------------------


async def test_the_next_launch_parses_no_css_and_looks_the_same(cache_dir, monkeypatch):
    without = await launch(launch_cache=False, keep=False)
    assert not cache_dir.exists()  # tests' apps keep nothing
    first = await launch()
    assert (cache_dir / css_cache.NAME).is_file()
    parsed = parse_counter(monkeypatch)
    second = await launch()
    assert parsed == []
    assert first == second == without


@pytest.mark.parametrize("damage", ["garbage", "not rule sets", "cut short"])
async def test_a_damaged_css_file_starts_the_app_as_without_it(cache_dir, damage):
    without = await launch(launch_cache=False, keep=False)
    await launch()
    path = cache_dir / css_cache.NAME
    if damage == "garbage":
        path.write_bytes(os.urandom(5000))
    elif damage == "not rule sets":
        launch_cache.write(path, css_cache._header(EsimReadyApp(language="en").stylesheet),
                           b"\x80\x04K\x01.")  # the pickle of 1
    else:
        path.write_bytes(path.read_bytes()[:3000])
    assert await launch() == without
    assert await launch() == without  # and the file written anew is good


def test_css_kept_for_other_theme_variables_is_not_used(tmp_path):
    path = tmp_path / "css"
    sheet = Stylesheet(variables={"primary": "#ff0000"})
    sheet.add_source("Static { color: $primary; }", read_from=("x", "y"))
    sheet.parse()
    assert css_cache.save(sheet, path, set())
    assert css_cache.load(Stylesheet(variables={"primary": "#ff0000"}), path)
    assert css_cache.load(Stylesheet(variables={"primary": "#00ff00"}), path) == set()


# -- dataclasses' methods ------------------------------------------------------------

PROBE = """
from __future__ import annotations
from dataclasses import dataclass, field

@dataclass(frozen=True, slots=True)
class Plan:
    name: str
    price: float | None = None
    tags: tuple[str, ...] = ()
    secret: str = field(default="", repr=False)

@dataclass(kw_only=True)
class Form:
    title: str
    rows: list[int] = field(default_factory=list)
"""


def probe_classes() -> tuple[type, type]:
    """The classes of PROBE, made anew (a module of their own)."""
    module = types.ModuleType("launch_cache_probe")
    sys.modules[module.__name__] = module
    try:
        exec(PROBE, module.__dict__)
    finally:
        del sys.modules[module.__name__]
    return module.Plan, module.Form


def behaviour(plan_class: type, form_class: type) -> list[object]:
    """What a user of the classes sees of them."""
    plan = plan_class("Big", 9.5, ("5G",), secret="s")
    with pytest.raises(dataclasses.FrozenInstanceError):
        plan.name = "other"
    form = form_class(title="t")
    form.rows.append(1)
    methods = ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__")
    return [
        repr(plan), plan == plan_class("Big", 9.5, ("5G",)), hash(plan) == hash(plan_class("Big", 9.5, ("5G",))),
        plan_class("Big") != plan, str(inspect.signature(plan_class)), str(inspect.signature(form_class)),
        plan_class.__init__.__annotations__, repr(form), form == form_class(title="t", rows=[1]),
        [getattr(plan_class, m).__code__.co_code for m in methods if hasattr(getattr(plan_class, m), "__code__")],
    ]


@pytest.fixture
def code_file(tmp_path):
    yield tmp_path / "code"
    dataclass_code.uninstall()


def test_dataclasses_made_with_kept_code_are_the_same(code_file, monkeypatch):
    plain = behaviour(*probe_classes())
    dataclass_code.install(code_file)
    first = behaviour(*probe_classes())  # compiled, as without
    assert dataclass_code.save()
    assert "exec" not in vars(dataclasses)  # taken away again once kept
    assert not dataclass_code.save()  # nothing new

    def no_compiling(*args, **kwargs):
        raise AssertionError("compiled again")

    dataclass_code.install(code_file)
    monkeypatch.setattr(dataclass_code, "compile", no_compiling, raising=False)
    second = behaviour(*probe_classes())
    assert plain == first == second
    assert not dataclass_code.save()  # everything was kept: not written again


def test_a_damaged_code_file_is_compiled_again(code_file):
    plain = behaviour(*probe_classes())
    dataclass_code.install(code_file)
    probe_classes()
    dataclass_code.save()
    data = code_file.read_bytes()
    code_file.write_bytes(data[:-200] + bytes(200))
    dataclass_code.install(code_file)
    assert behaviour(*probe_classes()) == plain
    assert dataclass_code.save()  # written anew
    dataclass_code.install(code_file)
    assert behaviour(*probe_classes()) == plain


# -- shipped TOML files ------------------------------------------------------------


@pytest.fixture
def toml_file(tmp_path):
    yield tmp_path / "toml"
    shipped_toml.uninstall()


def fresh_catalog() -> None:
    """Messages and country data read again, as in a new process."""
    i18n._area.cache_clear()
    i18n.messages.cache_clear()
    curated.reset()
    curated._parsed.clear()


def test_shipped_files_parsed_at_an_earlier_launch_are_not_parsed_again(toml_file, monkeypatch):
    fresh_catalog()
    plain = (i18n.messages("en"), i18n.messages("zh"), curated.country_data("JP"))
    shipped_toml.install(toml_file)
    fresh_catalog()
    first = (i18n.messages("en"), i18n.messages("zh"), curated.country_data("JP"))
    assert shipped_toml.save()
    assert not shipped_toml.save()  # taken away once kept

    def no_parsing(*args, **kwargs):
        raise AssertionError("parsed again")

    shipped_toml.install(toml_file)
    monkeypatch.setattr(tomllib, "loads", no_parsing)
    fresh_catalog()
    second = (i18n.messages("en"), i18n.messages("zh"), curated.country_data("JP"))
    assert plain == first == second
    assert not shipped_toml.save()  # everything was kept: not written again


def test_a_changed_shipped_file_is_parsed_again(toml_file):
    shipped_toml.install(toml_file)
    assert shipped_toml.loads('a = 1\n[b]\nc = 2026-12-05\n') == {"a": 1, "b": {"c": date(2026, 12, 5)}}
    shipped_toml.save()
    shipped_toml.install(toml_file)
    assert shipped_toml.loads("a = 2\n") == {"a": 2}
    with pytest.raises(tomllib.TOMLDecodeError):  # as tomllib says
        shipped_toml.loads("a = \n")


def test_the_users_own_files_are_never_kept(toml_file, config_dir):
    """Their settings, profiles and own country files stay in their config folder only."""
    (config_dir / "data").mkdir(parents=True)
    (config_dir / "data" / "MA.toml").write_text(MA_PLANS.replace("Big pass", "Secret pass"), "utf-8")
    SettingsStore().change(language="zh", last_country="MA")
    fresh_catalog()
    shipped_toml.install(toml_file)
    assert any(p.name == "Secret pass" for p in curated.country_data("MA").plans)
    SettingsStore().load()
    i18n.messages("en")
    assert shipped_toml.save()
    kept = toml_file.read_bytes()
    assert b"Secret pass" not in kept and b"last_country" not in kept
    assert b"Maroc Telecom" in kept  # the shipped MA.toml is


def test_a_damaged_toml_file_is_parsed_again(toml_file):
    fresh_catalog()
    plain = i18n.messages("en")
    shipped_toml.install(toml_file)
    fresh_catalog()
    i18n.messages("en")
    shipped_toml.save()
    data = toml_file.read_bytes()
    toml_file.write_bytes(data[:100] + bytes(50) + data[150:])
    shipped_toml.install(toml_file)
    fresh_catalog()
    assert i18n.messages("en") == plain
