"""Nothing that matters is cut at the sizes of issue 11 (60x20, 80x24, 120x40, 200x60),
in either language: what a user reads on the screen itself, line by line."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest

from esim_ready.i18n import set_language, t
from esim_ready.state.trips import TripStore
from esim_ready.tui.app import EsimReadyApp
from esim_ready.tui.screens.browse import BrowseScreen
from esim_ready.tui.screens.checklist import ChecklistScreen
from esim_ready.tui.screens.trips import TripsScreen
from tui.helpers import TODAY, wait_for_screen
from tui.sizes import both_languages, every_size


def screen_lines(app) -> list[str]:
    """The screen as the terminal shows it, one string per line."""
    return ["".join(segment.text for segment in strip) for strip in app.screen._compositor.render_strips()]


def on_screen(app, text: str) -> bool:
    return any(text in line for line in screen_lines(app))


@both_languages
async def test_the_main_screen_hint_is_whole_at_80x24(config_dir, language):
    app = EsimReadyApp(language=language, today=TODAY)  # no country open yet: the hint shows
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_screen(pilot, BrowseScreen)
        await pilot.pause()
        set_language(language)
        assert on_screen(app, t("main.pick_country"))  # "Type to search, ↓ then Enter to open a country."


async def test_the_checklist_score_with_a_stale_backup_is_whole_at_80x24(config_dir):
    """"1/38 done · 16 critical open · 1 back…" was cut by the legend beside it; the
    legend is on the list's border now."""
    long_ago = datetime(TODAY.year, TODAY.month, TODAY.day, 12, tzinfo=UTC) - timedelta(days=20)
    store = TripStore(clock=lambda: long_ago)
    trip = store.create_trip("MA", "ios", name="Soon", start=TODAY + timedelta(days=2))
    store.set_done(trip.id, "photos-backed-up", True)
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(ChecklistScreen(trip.id))
        await wait_for_screen(pilot, ChecklistScreen)
        await pilot.pause()
        assert on_screen(app, "critical open · 1 backup stale")
        assert any(re.search(r"! = critical · \d+ of \d+ shown", line) for line in screen_lines(app))


@every_size
@both_languages
async def test_the_trips_list_shows_every_date_whole(config_dir, size, language):
    store = TripStore()
    store.create_trip("NO", "android", name="Nordlys winter trip with a rather long name",
                      start=date(2026, 12, 20), end=date(2027, 1, 10))
    store.create_trip("CU", "ios", name="古巴", start=date(2027, 1, 3), end=date(2027, 1, 10))
    app = EsimReadyApp(language=language, today=TODAY)
    async with app.run_test(size=size) as pilot:
        await pilot.press("tab", "t")
        await wait_for_screen(pilot, TripsScreen)
        await pilot.pause()
        between = {"en": "–", "zh": "至"}[language]
        assert on_screen(app, f"2026-12-20 {between} 2027-01-10")
        assert on_screen(app, f"2027-01-03 {between} 01-10")
        assert on_screen(app, "0%")  # readiness, what this screen is for
        assert on_screen(app, "Nordlys")


async def test_a_trip_named_after_its_country_names_it_once_and_the_dates_fit_at_60x20(config_dir):
    trip = TripStore().create_trip("CU", "ios", name="古巴", start=date(2027, 1, 3), end=date(2027, 1, 10))
    app = EsimReadyApp(language="zh", today=TODAY)
    async with app.run_test(size=(60, 20)) as pilot:
        app.push_screen(ChecklistScreen(trip.id))
        await wait_for_screen(pilot, ChecklistScreen)
        await pilot.pause()
        assert on_screen(app, "古巴 · iPhone · 2027-01-03 至 01-10")  # was "古巴 · 古巴 · … 至 01-…"


@every_size
@both_languages
async def test_profiles_show_every_nickname_whole_and_what_the_table_leaves_out_is_in_the_details(
    config_dir, size, language
):
    """At 60 columns the nicknames read "Trav…", "UK d…" beside full numbers; the
    carrier and role left out were nowhere on screen."""
    from esim_ready.tui.screens.profiles import ProfilesScreen
    from tui.profile_samples import SAMPLES, save_samples

    save_samples()
    app = EsimReadyApp(language=language, today=TODAY)
    async with app.run_test(size=size) as pilot:
        await pilot.press("tab", "p")
        screen = await wait_for_screen(pilot, ProfilesScreen)
        await pilot.pause()
        for profile in SAMPLES:
            assert on_screen(app, profile.nickname)
        from esim_ready.tui.profile_format import carrier_text

        for profile in screen.profiles:  # each one highlighted in turn: its number and carrier show
            screen.query_one("#profiles").highlighted = screen.profiles.index(profile)
            await pilot.pause()
            for fact in (profile.number_display, carrier_text(profile)):  # 中国移动 in the Chinese app
                if fact:
                    assert on_screen(app, fact), (profile.nickname, fact)


@pytest.mark.usefixtures("use_samples")  # Norway: offers of every kind
async def test_the_compare_reasons_are_whole_at_80x24(config_dir):
    """"✗ too littl" was cut in the trip-cost column at 80x24."""
    from textual.widgets import Input

    from esim_ready.tui.screens.compare import CompareScreen

    app = EsimReadyApp(initial_country="NO", language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_screen(pilot, BrowseScreen)
        await pilot.press("tab", "o")
        screen = await wait_for_screen(pilot, CompareScreen)
        gb = screen.query_one("#gb", Input)
        gb.focus()
        gb.value = ""
        await pilot.press("3")  # 3 GB a day: a 1 GB day pass cannot cover it, an unlimited one is capped
        await pilot.pause()
        assert on_screen(app, "✗ low data") and on_screen(app, "✗ fair use")


@every_size
@both_languages
async def test_a_phone_number_in_the_profiles_table_is_whole_or_left_out(config_dir, size, language):
    """A Moroccan number is 18 cells as its country writes it: the column held 17
    ("+212 6 12 34 56 …" at 80x24)."""
    from esim_ready.state.profiles import Profile, ProfileStore
    from esim_ready.tui.screens.profiles import ProfilesScreen

    store = ProfileStore()
    store.add(Profile(nickname="Orange Maroc", carrier="Orange Maroc", country="MA", number="+212612345678"))
    store.add(Profile(nickname="Airalo Morocco 10 GB for the Atlas trip", carrier="Airalo", country="MA"))
    app = EsimReadyApp(language=language, today=TODAY)
    async with app.run_test(size=size) as pilot:
        await pilot.press("tab", "p")
        await wait_for_screen(pilot, ProfilesScreen)
        await pilot.pause()
        number = "+212 6 12 34 56 78"
        assert on_screen(app, number)  # in the table or, left out of it, in the details
        assert all(number in line for line in screen_lines(app) if "+212" in line)


@pytest.mark.parametrize("size", [(60, 20), (80, 24)], ids=["60x20", "80x24"])
async def test_a_cut_chinese_name_ends_in_an_ellipsis_with_no_gap(config_dir, size):
    """Rich cuts a two-cell character that does not fit into a space: "摩洛哥春节自由行： …",
    "Cubacel 旅 …" read as a gap in the name."""
    from esim_ready.state.profiles import Profile, ProfileStore
    from esim_ready.tui.screens.profiles import ProfilesScreen

    for start in ("", "a"):  # one of the two ends mid-character, whatever the column's width
        TripStore().create_trip("MA", "android", name=start + "摩洛哥春节自由行：马拉喀什—菲斯—舍夫沙万")
    store = ProfileStore()
    for nickname in ("挪威保号（Telenor 预付费，每半年充值）", "a挪威保号（Telenor 预付费，每半年充值）"):
        store.add(Profile(nickname=nickname, carrier="Cubacel (ETECSA) prepaid", country="CU"))
    gap = re.compile(r"[\u2e80-\u9fff\uff00-\uffef] …")
    app = EsimReadyApp(language="zh", today=TODAY)
    async with app.run_test(size=size) as pilot:
        await pilot.press("tab", "t")
        await wait_for_screen(pilot, TripsScreen)
        await pilot.pause()
        assert any("…" in line for line in screen_lines(app))  # the names are cut here
        assert not [line for line in screen_lines(app) if gap.search(line)]
        await pilot.press("escape", "p")
        await wait_for_screen(pilot, ProfilesScreen)
        await pilot.pause()
        assert any("…" in line for line in screen_lines(app))
        assert not [line for line in screen_lines(app) if gap.search(line)]


async def _placeholders_cut(app) -> list[tuple[str, str, int]]:
    from rich.cells import cell_len
    from textual.widgets import Input

    return [(field.id or "", str(field.placeholder), field.content_region.width)
            for field in app.screen.query(Input)
            if field.display and not field.value and field.placeholder
            and cell_len(str(field.placeholder)) > field.content_region.width]


@every_size
@both_languages
async def test_every_hint_inside_a_form_field_reads_whole(config_dir, size, language):
    """At 60 columns the profile form read "18 to 22 digits", "or type the", "+ and the
    country code, or set the", "… lpac chip inf"; at 80 "on the SIM card or"."""
    from esim_ready.tui.screens.dialogs import NewTripDialog
    from esim_ready.tui.screens.offer_form import OfferForm
    from esim_ready.tui.screens.profile_form import ProfileForm
    from tui.helpers import press_settled

    app = EsimReadyApp(initial_country="MA", language=language, today=TODAY)
    async with app.run_test(size=size) as pilot:
        await wait_for_screen(pilot, BrowseScreen)
        await press_settled(pilot, "tab", "p", "a")
        await wait_for_screen(pilot, ProfileForm)
        await pilot.pause()
        assert await _placeholders_cut(app) == []
        set_language(language)
        for word in t("profiles.form_keys").split():  # beside the buttons: "… · Esc" at 60x20
            assert on_screen(app, word), word  # (on a second line when narrow)
        await press_settled(pilot, "tab", *"MA")  # the number's hint becomes a Moroccan example
        assert await _placeholders_cut(app) == []
        await press_settled(pilot, "escape", "y")  # drop what was typed
        await press_settled(pilot, "escape")
        await wait_for_screen(pilot, BrowseScreen)
        await press_settled(pilot, "tab", "t", "n")
        await wait_for_screen(pilot, NewTripDialog)
        assert await _placeholders_cut(app) == []
        await press_settled(pilot, "escape", "escape")
        await wait_for_screen(pilot, BrowseScreen)
        await press_settled(pilot, "o", "a")
        await wait_for_screen(pilot, OfferForm)
        assert await _placeholders_cut(app) == []


@every_size
@both_languages
async def test_a_title_line_s_hint_ends_on_a_whole_part(config_dir, size, language):
    """The profiles title read "… d delete · ?" and "… ? 全部按" at 60 columns: the hint
    keeps its first parts ("? all keys" first) and leaves out the rest."""
    from esim_ready.tui.screens.profile_upcoming import UpcomingScreen
    from esim_ready.tui.screens.profiles import ProfilesScreen
    from tui.profile_samples import save_samples

    save_samples()
    app = EsimReadyApp(language=language, today=TODAY)
    async with app.run_test(size=size) as pilot:
        await pilot.press("tab", "p")
        await wait_for_screen(pilot, ProfilesScreen)
        await pilot.pause()
        set_language(language)
        parts = t("profiles.title_hint").split(" · ")
        title = screen_lines(app)[0].rstrip()
        assert parts[0] in title  # "? all keys"
        assert title.endswith((*parts, t("profiles.count", n=4)))
        await pilot.press("u")
        await wait_for_screen(pilot, UpcomingScreen)
        await pilot.pause()
        title = screen_lines(app)[0].rstrip()
        assert title.endswith((*t("profiles.upcoming_hint").split(" · "), t("profiles.upcoming_title")))


LONG_CODE = "LPA:1$smdp.telenor.example.com$TN-4F7A-99C2-1B3D-E5F6-A7B8-C9D0"  # a real code's length


@every_size
@both_languages
async def test_the_qr_screen_says_how_to_show_the_code_and_shows_it_whole(config_dir, size, language):
    """With a code of a real length the QR box at 80x24 was taller than the window: the
    line under the code, "Enter or r: show the QR code", was cut off."""
    from esim_ready.state.profiles import Profile, ProfileStore
    from esim_ready.tui.screens.activation_qr import ActivationQrScreen, qr_text
    from esim_ready.tui.screens.profiles import ProfilesScreen

    ProfileStore().add(Profile(nickname="挪威保号（Telenor 预付费，每半年充值）", country="NO",
                               activation_code=LONG_CODE))
    app = EsimReadyApp(language=language, today=TODAY)
    async with app.run_test(size=size) as pilot:
        await pilot.press("tab", "p")
        await wait_for_screen(pilot, ProfilesScreen)
        await pilot.press("Q")
        await wait_for_screen(pilot, ActivationQrScreen)
        await pilot.pause()
        set_language(language)
        assert on_screen(app, t("code.screen_reveal_hint"))
        await pilot.press("enter")
        await pilot.pause()
        assert on_screen(app, t("code.screen_shown_hint"))
        drawing = [line.rstrip() for line in qr_text(LONG_CODE).plain.split("\n")]
        width, height = len(drawing[0]), len(drawing)
        if width <= size[0] and height + 2 <= size[1]:  # the window holds it: every line shows
            assert all(on_screen(app, line.strip()) for line in drawing if line.strip())


@both_languages
async def test_a_long_line_of_the_keys_panel_wraps_under_its_own_words(config_dir, language):
    """"Ctrl+P  Command palette: jump to any country, switch" went on with "language" under
    the keys column."""
    from esim_ready.tui.screens.help import HelpScreen

    app = EsimReadyApp(language=language, today=TODAY)
    async with app.run_test(size=(60, 40)) as pilot:  # narrow, tall enough for every key
        await wait_for_screen(pilot, BrowseScreen)
        await pilot.press("f1")
        await wait_for_screen(pilot, HelpScreen)
        await pilot.pause()
        set_language(language)
        lines = screen_lines(app)
        first = next(i for i, line in enumerate(lines) if "Ctrl+P" in line)
        column = lines[first].index(t("help.palette")[:4])  # where the words begin
        assert lines[first + 1][column - 2:column] == "  "  # the next line: under the words, keys column empty
        assert lines[first + 1][column:].strip()  # (the line did wrap)


@both_languages
async def test_in_every_form_the_field_with_the_focus_names_itself(config_dir, language):
    """The new-trip form's focused field differed from the others by a slightly lighter
    background only: its label is bold (and accent-coloured) now, the others are not."""
    from textual.widgets import Label

    from esim_ready.tui.screens.dialogs import NewTripDialog
    from esim_ready.tui.screens.offer_form import OfferForm
    from esim_ready.tui.screens.profile_form import ProfileForm
    from tui.helpers import press_settled

    def bold_labels() -> list[str]:
        return [str(label.render()) for label in app.screen.query(Label)
                if label.display and label.rich_style.bold and str(label.render()).strip()]

    app = EsimReadyApp(initial_country="MA", language=language, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for_screen(pilot, BrowseScreen)
        set_language(language)
        await press_settled(pilot, "tab", "t", "n")
        await wait_for_screen(pilot, NewTripDialog)
        await pilot.pause()
        assert bold_labels() == [t("trips.field_country")]
        await press_settled(pilot, "tab")
        assert bold_labels() == [t("trips.field_name")]
        await press_settled(pilot, "escape", "escape")
        await wait_for_screen(pilot, BrowseScreen)
        await press_settled(pilot, "tab", "p", "a")
        await wait_for_screen(pilot, ProfileForm)
        await pilot.pause()
        assert bold_labels() == [t("profiles.f_nickname")]
        await press_settled(pilot, "tab")
        assert bold_labels() == [t("profiles.f_country")]
        await press_settled(pilot, "escape", "escape")
        await wait_for_screen(pilot, BrowseScreen)
        await press_settled(pilot, "o", "a")
        await wait_for_screen(pilot, OfferForm)
        await pilot.pause()
        assert len(bold_labels()) == 1


async def test_on_a_wide_terminal_a_trip_s_readiness_stays_beside_its_name(config_dir):
    store = TripStore()
    store.create_trip("NO", "android", name="Nordlys winter trip")
    store.create_trip("MA", "ios", name="Marrakesh")
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.press("tab", "t")
        await wait_for_screen(pilot, TripsScreen)
        await pilot.pause()
        line = next(line for line in screen_lines(app) if "Nordlys winter trip" in line)
        assert re.search(r"Nordlys winter trip {2,4}0%", line)  # the column's padding, not 130 cells


@every_size
@both_languages
async def test_a_long_trip_name_is_cut_in_the_checklist_head_and_the_country_and_dates_stay(config_dir, size, language):
    """At 80x24 'Marrakesh, Fes and the Atlas mountains with the whole family (…' left
    no room for the country, the phone and the dates."""
    from esim_ready.tui import trip_actions

    name = "Marrakesh, Fes and the Atlas mountains with the whole family (spring)"
    trip = TripStore().create_trip("MA", "ios", name=name, start=date(2027, 1, 3), end=date(2027, 1, 10))
    app = EsimReadyApp(language=language, today=TODAY)
    async with app.run_test(size=size) as pilot:
        app.push_screen(ChecklistScreen(trip.id))
        await wait_for_screen(pilot, ChecklistScreen)
        await pilot.pause()
        set_language(language)
        head = screen_lines(app)[0]
        between = {"en": "–", "zh": "至"}[language]
        assert f" · {trip_actions.country_name('MA')} · " in head
        assert f"2027-01-03 {between} 01-10  " in head  # whole, before the filter
        assert "Marrakesh" in head
        assert (name in head) is (size[0] >= 200)
        assert ("iPhone" in head) is (size[0] >= 80)  # at 60 the phone gives way (the how-to pane names it)
