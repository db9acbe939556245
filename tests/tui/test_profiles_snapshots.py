"""Snapshots of the profiles screen (English and Chinese, at the four sizes of issue 11), its keep-alive list
and the profile form. Four profiles are saved through the store before launch;
TODAY is fixed, so due dates and statuses are stable.

Update after an intended change with `./dev.sh test tests/tui --snapshot-update`,
then look at the SVGs."""

from esim_ready.tui.app import EsimReadyApp
from esim_ready.tui.screens.profiles import ProfilesScreen
from tui.helpers import TODAY, press_settled, wait_for_screen
from tui.profile_samples import save_samples
from tui.sizes import both_languages, every_size

TO_PROFILES = ["tab", "p"]  # from the country search to the list, then p


async def quiet(pilot):
    """The launch notice (tested in test_profiles_screen) would cover the details."""
    await pilot.pause()
    pilot.app.clear_notifications()


@every_size
@both_languages
def test_profiles_screen(snap_compare, language, size):
    async def run_before(pilot) -> None:
        await quiet(pilot)
        await press_settled(pilot, *TO_PROFILES)
        await wait_for_screen(pilot, ProfilesScreen)
        await press_settled(pilot, "down")

    save_samples()
    app = EsimReadyApp(language=language, today=TODAY)
    assert snap_compare(app, terminal_size=size, run_before=run_before)


def test_keepalive_list_chinese_80x24(snap_compare):
    save_samples()
    app = EsimReadyApp(language="zh", today=TODAY)
    assert snap_compare(app, terminal_size=(80, 24), press=[*TO_PROFILES, "u"], run_before=quiet)


def test_profile_form_english_80x24(snap_compare):
    save_samples()
    app = EsimReadyApp(language="en", today=TODAY)
    assert snap_compare(app, terminal_size=(80, 24), press=[*TO_PROFILES, "e"], run_before=quiet)


def test_activation_qr_revealed_english_80x24(snap_compare):
    save_samples()
    app = EsimReadyApp(language="en", today=TODAY)
    assert snap_compare(app, terminal_size=(80, 24), press=[*TO_PROFILES, "Q", "enter"], run_before=quiet)


def test_activation_qr_hidden_chinese_80x24(snap_compare):
    save_samples()
    app = EsimReadyApp(language="zh", today=TODAY)
    assert snap_compare(app, terminal_size=(80, 24), press=[*TO_PROFILES, "Q"], run_before=quiet)


def test_activation_qr_revealed_chinese_80x24(snap_compare):
    save_samples()
    app = EsimReadyApp(language="zh", today=TODAY)
    assert snap_compare(app, terminal_size=(80, 24), press=[*TO_PROFILES, "Q", "enter"], run_before=quiet)


def test_profile_form_code_checked_as_typed_chinese_80x24(snap_compare):
    """The secrets section with a mistyped code: each wrong part named, the code itself hidden."""
    from textual.widgets import Input

    async def type_code(pilot):
        await quiet(pilot)
        await press_settled(pilot, *TO_PROFILES, "a")
        form = pilot.app.screen
        form.query_one("#f-eid", Input).value = "89049032000000000000000000000067"
        field = form.query_one("#f-activation_code", Input)
        field.value = "LPA:1$rsp.example.com$K2 LM3N$1"
        field.focus()
        await pilot.pause()

    app = EsimReadyApp(language="zh", today=TODAY)
    assert snap_compare(app, terminal_size=(80, 24), run_before=type_code)
