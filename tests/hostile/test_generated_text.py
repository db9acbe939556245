"""Generated user text (hypothesis) through every screen that shows it and every CLI output:
no crash, no control character or escape byte out, never read as markup. Bounded examples."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import tempfile
from pathlib import Path

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from esim_ready.cli import main
from hostile.screen_text import controls_in, screen_text

SPECIAL = [*"[]/\\=@\x1b\x07\x9b\x85\u2028\u2029\u202e\u2066\u061c\r\n\t\x00\x7f", "[/]", "[b]", "[link=x]", "\x1b[2J", "\x1b]0;t\x07"]
TEXT = st.lists(st.one_of(st.characters(exclude_categories=["Cs"]), st.sampled_from(SPECIAL)), min_size=1, max_size=12).map("".join)


def write_state(config: Path, text: str) -> None:
    """Trips, profiles and a data file holding `text` everywhere (as a hand edit could leave them)."""
    config.mkdir(parents=True, exist_ok=True)
    created = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
    trips = {"schema": 2, "trips": [{"id": "ma-1", "name": text, "country": "MA", "platform": "ios", "created": created,
                                     "items": [{"id": "cloud-backup-on", "done": True, "done_at": created, "note": text}]}]}  # fmt: skip
    rule = {"action": "topup", "every_days": 30, "last_done": dt.date(2026, 1, 1), "source": text, "amount": 10, "currency": "NOK"}
    profiles = {"schema": 1, "profiles": [{"id": "p1", "nickname": text, "carrier": text, "device": text, "plan": text,
                                           "provider_name": text, "profile_name": text, "keepalive": rule}]}  # fmt: skip
    (config / "trips.toml").write_text(tomli_w.dumps(trips), "utf-8")
    (config / "profiles.toml").write_text(tomli_w.dumps(profiles), "utf-8")
    (config / "data").mkdir(exist_ok=True)
    carrier = {"country": "MA", "carriers": [{"id": "user-carrier", "name": text, "esim": "unknown", "note_en": text,
                                              "plans": [{"id": "p", "name": text, "source": text, "as_of": "undated"}]}]}  # fmt: skip
    (config / "data" / "MA.toml").write_text(tomli_w.dumps(carrier), "utf-8")


def run_cli(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue() + err.getvalue()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT)
def test_every_cli_output_neutralises_generated_text(text: str, monkeypatch) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "config"
        monkeypatch.setenv("ESIM_READY_CONFIG_DIR", str(config))
        write_state(config, text)
        for argv in (("trips",), ("trips", "--json"), ("profiles", "list"), ("profiles", "list", "--json"),
                     ("due", "--today", "2026-11-21"), ("due", "--json", "--today", "2026-11-21"),
                     ("carriers", "MA"), ("carriers", "MA", "--json"), ("plans", "MA"),
                     ("export", "ma-1", "-o", "-"), ("export", "ma-1", "-o", "-", "--format", "markdown"),
                     ("profiles", "export", "-o", "-")):  # fmt: skip
            code, output = run_cli(*argv)
            assert code in (0, 1, 2), argv
            assert "unexpected error" not in output, (argv, output[-500:])
            assert controls_in(output.replace("\t", " ")) == [], (argv, controls_in(output))
            if "--json" in argv and code != 2:
                json.loads(output[: output.rindex("}") + 1] if "}" in output else output)


@settings(max_examples=2, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(TEXT, min_size=3, max_size=3))
async def test_every_screen_shows_generated_text_as_text(texts: list[str], monkeypatch) -> None:
    from esim_ready.catalog import curated
    from esim_ready.tui.app import EsimReadyApp
    from tui.helpers import TODAY

    with tempfile.TemporaryDirectory() as tmp:
        config = Path(tmp) / "config"
        monkeypatch.setenv("ESIM_READY_CONFIG_DIR", str(config))
        write_state(config, texts[0])
        curated.set_user_data_dir(config / "data")
        app = EsimReadyApp(initial_country="MA", language="en", today=TODAY)
        async with app.run_test(size=(100, 30)) as pilot:
            for text in texts:
                write_state(config, text)
                curated.set_user_data_dir(config / "data")  # read the data file afresh
                while len(app.screen_stack) > 1:
                    app.pop_screen()
                app.goto_country("MA")
                for keys in ((), ("down",), ("tab", "down")):  # a carrier's details, then a plan's
                    await pilot.press(*keys)
                    await pilot.pause()
                    assert controls_in(screen_text(app)) == []
                app.show_trips()
                await pilot.pause()
                assert controls_in(screen_text(app)) == []
                await pilot.press("enter")  # the checklist, its note in the details
                await pilot.pause()
                assert controls_in(screen_text(app)) == []
                app.show_profiles()
                await pilot.pause()
                assert controls_in(screen_text(app)) == []
                await pilot.press("u")
                await pilot.pause()
                assert controls_in(screen_text(app)) == []
        assert app.return_code in (None, 0)
