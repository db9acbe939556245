"""The app with hostile user text and a hostile disk: it starts, shows text as text
(never markup, never a control character), and a crash report holds no secret."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from rich.console import Console

from esim_ready.state.keepalive import KeepAlive
from esim_ready.state.profiles import Profile, ProfileStore
from esim_ready.state.trips import TripStore
from esim_ready.tui.app import EsimReadyApp
from hostile.screen_text import controls_in, screen_text
from hostile_corpus import ESCAPES, MARKUP
from tui.helpers import TODAY

SIZE = (100, 30)
SECRETS = {"activation_code": "LPA:1$smdp.example.com$SECRET-MATCHING-ID", "confirmation_code": "CONF98765", "puk": "87654321"}


def hostile_profile_file(config_dir: Path, name: str) -> None:
    """A profiles file with `name` in every text field (as a hand edit or an old version could leave)."""
    import tomli_w

    config_dir.mkdir(parents=True, exist_ok=True)
    rule = {"action": "topup", "every_days": 30, "last_done": date(2026, 1, 1), "source": name}
    doc = {"schema": 1, "profiles": [{"id": "p1", "nickname": name, "carrier": name, "device": name, "plan": name,
                                      "provider_name": name, "profile_name": name, "keepalive": rule}]}  # fmt: skip
    (config_dir / "profiles.toml").write_text(tomli_w.dumps(doc), "utf-8")


def hostile_trip_file(config_dir: Path, name: str, note: str) -> str:
    store = TripStore()
    trip = store.create_trip("MA", "ios", name="placeholder")
    store.set_note(trip.id, trip.items[0].id, "x")
    path = config_dir / "trips.toml"
    import tomllib

    import tomli_w

    doc = tomllib.loads(path.read_text("utf-8"))
    doc["trips"][0]["name"] = name
    doc["trips"][0]["items"][0]["note"] = note
    path.write_text(tomli_w.dumps(doc), "utf-8")
    return trip.id


async def assert_clean(pilot, *wanted: str) -> str:
    await pilot.pause()
    text = screen_text(pilot.app)
    assert controls_in(text) == [], controls_in(text)
    for piece in wanted:
        assert piece in text, (piece, text)
    return text


@pytest.mark.parametrize("name", [MARKUP, ESCAPES, "bad [/] tag"])
async def test_hostile_names_start_the_app_and_show_as_text_in_every_screen(config_dir: Path, name: str) -> None:
    hostile_profile_file(config_dir, name)  # with an overdue keep-alive: the launch notice quotes it
    trip_id = hostile_trip_file(config_dir, name, name + "\nsecond line")
    (config_dir / "data").mkdir()
    (config_dir / "data" / "MA.toml").write_text(
        f'country = "MA"\n[[carriers]]\nid = "evil"\nname = {_toml(name)}\nesim = "unknown"\n'
        f'[[carriers.plans]]\nid = "p"\nname = {_toml(name)}\nsource = {_toml(name)}\nas_of = "undated"\n', "utf-8"
    )  # fmt: skip
    shown = "bad [/] tag" if name == "bad [/] tag" else ("[blink]x[/" if name == MARKUP else "\\u001b")
    app = EsimReadyApp(initial_country="MA", language="en", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await assert_clean(pilot, shown)  # the main screen with the user's carrier, and the notices
        await pilot.press("tab", "tab", "down")  # the user's carrier in the carriers pane: its details
        await assert_clean(pilot)
        await pilot.press("tab", "down")  # a plan: its details
        await assert_clean(pilot)
        app.show_trips()
        await assert_clean(pilot, shown[:8])
        await pilot.press("enter")  # the checklist: the trip's name, the note in the "how" pane
        await assert_clean(pilot)
        app.show_profiles()
        await assert_clean(pilot, shown[:8])
        await pilot.press("u")  # the keep-alive list
        await assert_clean(pilot)
    assert trip_id


def _toml(text: str) -> str:
    import tomli_w

    return tomli_w.dumps({"x": text})[4:].strip()


async def test_a_crash_report_holds_no_secret(config_dir: Path) -> None:
    ProfileStore().add(Profile(nickname="home", **SECRETS))
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()

        def crash(profiles: list[Profile]) -> None:
            document = {"profiles": [vars(p) for p in profiles]}  # a local full of secrets
            raise RuntimeError(f"could not handle {document['profiles'][0]['puk']} {SECRETS['activation_code']}")

        try:
            crash(list(ProfileStore().list()))
        except RuntimeError:
            app._fatal_error()
        report = app._exit_renderables[-1]
    console = Console(width=120, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(report)
    text = console.export_text()
    assert "RuntimeError" in text and "could not handle" in text  # still a useful report
    for secret in SECRETS.values():
        assert secret not in text
    assert "SECRET-MATCHING-ID" not in text and "87654321" not in text


async def test_an_lpac_file_with_a_lone_surrogate_is_refused_in_the_app_not_a_crash(config_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "lpac.json"
    path.write_text(
        '{"type":"lpa","payload":{"code":0,"message":"success","data":[{"iccid":"8947000000001234560",'
        '"profileState":"enabled","serviceProviderName":"\\udcff"}]}}', "utf-8"
    )  # fmt: skip
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.show_profiles()
        await pilot.pause()
        app.screen._import_chosen(str(path))
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("not valid Unicode" in m for m in messages), messages
        assert ProfileStore().list() == ()


async def test_the_app_starts_when_the_config_folder_cannot_be_read(config_dir: Path, tmp_path: Path, monkeypatch) -> None:
    afile = tmp_path / "afile"
    afile.write_text("x")
    monkeypatch.setenv("ESIM_READY_CONFIG_DIR", str(afile))
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.show_profiles()
        await pilot.pause()
        app.show_trips()
        await pilot.pause()
        messages = " ".join(n.message for n in app._notifications)
        assert "cannot read" in messages and str(afile) in messages
    assert app.return_code in (None, 0)


async def test_a_profile_with_out_of_range_numbers_cannot_break_the_launch(config_dir: Path) -> None:
    import tomli_w

    config_dir.mkdir(parents=True)
    rule = {"action": "topup", "every_months": 99999999, "last_done": date(9999, 12, 31), "amount": 1e300, "currency": "NOK"}
    (config_dir / "profiles.toml").write_text(tomli_w.dumps({"schema": 1, "profiles": [{"id": "x", "keepalive": rule}]}))
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert any("kept aside" in n.message for n in app._notifications)
    assert len(list(config_dir.glob("profiles.damaged-*"))) == 1
    assert KeepAlive  # the rule type the file is checked against


async def test_editors_filled_from_a_hand_edited_file_show_escapes_as_text(config_dir: Path) -> None:
    """A name or note with ESC ] 0 ; ... BEL and ESC [ 2 J, edited into the files by hand:
    the rename, edit and note editors and the profile form show it, never send it."""
    hostile_profile_file(config_dir, ESCAPES)
    hostile_trip_file(config_dir, ESCAPES, ESCAPES)
    app = EsimReadyApp(initial_country="MA", language="en", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.show_trips()
        await pilot.pause()
        for key in ("r", "e", "c"):  # rename, edit, duplicate: a field filled with the name
            await pilot.press(key)
            await assert_clean(pilot, "\\u001b")
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("enter")  # the checklist; its first item holds the note
        await pilot.pause()
        await pilot.press("n")
        await assert_clean(pilot, "\\u001b")
        await pilot.press("escape")
        app.show_profiles()
        await pilot.pause()
        await pilot.press("e")
        await assert_clean(pilot, "\\u001b")
