"""The profiles screen, by keyboard only, checking what a user would notice:
the table, the details pane, the form's messages, the notifications, and what
is on disk afterwards (read back through a fresh ProfileStore)."""

from datetime import date

from rich.cells import cell_len
from textual.widgets import Button, DataTable, Input, OptionList, Select, Static

from esim_ready.state.keepalive import KeepAlive
from esim_ready.state.profiles import Profile, ProfileStore
from esim_ready.tui.app import EsimReadyApp
from esim_ready.tui.profile_format import column_widths
from esim_ready.tui.screens.dialogs import ConfirmDialog
from esim_ready.tui.screens.profile_form import ProfileForm
from esim_ready.tui.screens.profile_upcoming import UpcomingScreen
from esim_ready.tui.screens.profiles import ProfilesScreen
from tui.helpers import TODAY, settle, wait_for_screen
from tui.profile_samples import BRITAIN, CHINA, LPAC_DIR, NORWAY, TRAVEL, save_samples

SIZE = (80, 24)


async def open_profiles(pilot) -> ProfilesScreen:
    await pilot.press("tab", "p")  # from the search box to the country list, then p
    return await wait_for_screen(pilot, ProfilesScreen)


def cells(line: str, widths: list[int]) -> list[str]:
    """A table line cut into its columns (each `width` terminal cells, then a 1-cell gap)."""
    out, current, room = [], "", widths[0]
    for ch in line:
        if room <= 0 and len(out) < len(widths) - 1:
            out.append(current.rstrip())
            current, room = "", widths[len(out)] + 1
            if ch == " ":
                room -= 1
                continue
        current += ch
        room -= cell_len(ch)
    return [*out, current.rstrip()]


def rows(screen) -> list[list[str]]:
    """What the profiles table shows, row by row and column by column."""
    listing = screen.query_one("#profiles", OptionList)
    widths = list(screen.widths.values())
    return [cells(str(listing.get_option_at_index(i).prompt), widths) for i in range(listing.option_count)]


def column(screen, key: str) -> list[str]:
    """One column of the table (by key: the columns shown depend on the width and the data)."""
    index = list(screen.widths).index(key)
    return [row[index] for row in rows(screen)]


def header(screen) -> list[str]:
    return cells(str(screen.query_one("#profiles-header", Static).render()), list(screen.widths.values()))


def names(screen) -> list[str]:
    return [row[1] for row in rows(screen)]


def detail(screen) -> str:
    return str(screen.query_one("#profile-detail", Static).render())


def messages(app) -> list[str]:
    return [n.message for n in app._notifications]


def issue(form, place: str) -> str:
    box = form.query_one(f"#issue-{place}", Static)
    return str(box.render()) if box.display else ""


async def test_p_opens_the_profiles_screen_and_escape_goes_back():
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_profiles(pilot)
        assert "No profiles yet" in detail(screen)
        await pilot.press("escape")
        assert app.screen.__class__.__name__ == "BrowseScreen"


async def test_the_command_palette_opens_the_profiles_screen():
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p", *"esim profiles")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ProfilesScreen)


async def test_add_a_profile_by_keyboard_and_find_it_after_a_restart(config_dir):
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_profiles(pilot)
        await pilot.press("a")
        form = app.screen
        assert isinstance(form, ProfileForm)
        await pilot.press(*"挪威保号")
        assert str(form.query_one("#f-nickname-bytes", Static).render()) == "12/64 bytes"  # 3 bytes a character
        await pilot.press("tab", *"NO")  # country
        assert str(form.query_one("#f-country-name", Static).render()) == "Norway"
        await pilot.press("tab", "tab", *"Telenor")  # past the catalog list, into the free-text carrier
        await pilot.press("tab", *"912 34 567")  # a local number: the country gives the rest
        await pilot.press("tab", *"8947000000001234560")
        await pilot.press("tab", "enter", "down", "down", "down", "down", "enter")  # role: home
        assert form.query_one("#f-role", Select).value == "home"
        await pilot.press("ctrl+s")  # the catalog's Telenor rule is filled in, but not when it was last done
        assert "give the date it was last done" in issue(form, "ka-last")
        await pilot.press(*"2026-11-02", "ctrl+s")  # the focus went to that field
        assert isinstance(app.screen, ProfilesScreen)
        row = rows(screen)[0]
        assert row[1] == "挪威保号" and row[2] == "+47 91 23 45 67" and row[4] == "home"
        assert any("Saved 挪威保号" in m for m in messages(app))
    (saved,) = ProfileStore().list()
    assert (saved.nickname, saved.number, saved.iccid, saved.role, saved.country) == (
        "挪威保号", "+4791234567", "8947000000001234560", "home", "NO",
    )  # fmt: skip
    # the catalog's sourced Telenor rule was offered as the default keep-alive
    assert saved.keepalive is not None and saved.keepalive.every_months == 15
    assert saved.keepalive.source and "telenor" in saved.keepalive.source
    assert saved.keepalive.last_done == date(2026, 11, 2)
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_profiles(pilot)
        assert names(screen) == ["挪威保号"]


async def test_edit_a_profile():
    save_samples()
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_profiles(pilot)
        await pilot.press("down", "e")  # the second profile
        form = app.screen
        assert isinstance(form, ProfileForm)
        assert form.query_one("#f-nickname", Input).value == "国内主号"
        await pilot.press("ctrl+u", *"家里的号")
        for _ in range(8):  # country, carrier list, carrier, number, ICCID, role, state, data default
            await pilot.press("tab")
        assert form.focused is form.query_one("#f-default-data")
        await pilot.press("tab", "tab", *"iPhone 15")  # past the voice default, to the device
        await pilot.press("enter")  # Enter moves on to the next field; it does not save
        assert app.screen is form
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ProfilesScreen)
        assert names(screen)[1] == "家里的号"
        assert "on iPhone 15" in detail(screen)
    edited = ProfileStore().get(CHINA.id)
    assert (edited.nickname, edited.device, edited.number, edited.keepalive) == (
        "家里的号", "iPhone 15", CHINA.number, CHINA.keepalive,
    )  # fmt: skip


async def test_delete_asks_first_and_cancel_keeps_the_profile():
    save_samples()
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_profiles(pilot)
        await pilot.press("d")
        assert "Delete the profile “挪威保号”?" in str(app.screen.query_one(Static).render())
        assert [str(b.label) for b in app.screen.query(Button)] == ["Delete (y)", "Keep it (n)"]  # one key hint each
        await pilot.press("enter")  # the focus starts on "Keep it"
        assert names(screen)[0] == "挪威保号"
        await pilot.press("d", "escape")
        assert len(ProfileStore().list()) == 4
        await pilot.press("d", "y")
        assert "挪威保号" not in names(screen)
        assert any("Deleted 挪威保号" in m for m in messages(app))
    assert [p.id for p in ProfileStore().list()] == [CHINA.id, BRITAIN.id, TRAVEL.id]


async def test_set_the_default_for_data_and_for_voice():
    save_samples()
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_profiles(pilot)
        assert [r[0] for r in rows(screen)] == ["V", "", "D", ""]
        await pilot.press("down", "D")  # the Chinese number becomes the data default
        assert [r[0] for r in rows(screen)] == ["V", "D", "", ""]
        assert any("国内主号 is now the default for data" in m for m in messages(app))
        await pilot.press("V")
        assert [r[0] for r in rows(screen)] == ["", "DV", "", ""]
    defaults = {p.id: (p.default_data, p.default_voice) for p in ProfileStore().list()}
    assert defaults == {NORWAY.id: (False, False), CHINA.id: (True, True), BRITAIN.id: (False, False),
                        TRAVEL.id: (False, False)}  # fmt: skip


async def test_a_bad_number_is_shown_beside_its_field_and_nothing_is_saved():
    app = EsimReadyApp(language="zh", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_profiles(pilot)
        await pilot.press("a", *"test", "tab", "tab", "tab", "tab", *"12345")  # no country, no +
        await pilot.press("ctrl+s")
        form = app.screen
        assert isinstance(form, ProfileForm)  # still open
        assert "不是有效的电话号码" in issue(form, "number")
        assert form.focused is form.query_one("#f-number")
        assert issue(form, "nickname") == ""
        await pilot.press("ctrl+u", *"+4791234567")  # the error goes as soon as the number changes
        assert issue(form, "number") == ""
        await pilot.press("escape", "y")  # something was typed: it asks before dropping it
        assert isinstance(app.screen, ProfilesScreen)
    assert ProfileStore().list() == ()


async def test_a_nickname_over_64_bytes_is_refused():
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_profiles(pilot)
        await pilot.press("a", *("号" * 22))  # 66 bytes
        form = app.screen
        assert str(form.query_one("#f-nickname-bytes", Static).render()) == "66/64 bytes"
        await pilot.press("ctrl+s")
        assert "at most 64 bytes" in issue(form, "nickname")
    assert ProfileStore().list() == ()


async def test_an_iccid_with_a_wrong_check_digit_is_a_warning_and_is_saved():
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_profiles(pilot)
        await pilot.press("a", *"spare", "tab", "tab", "tab", "tab", "tab", *"8947000000001234561")
        form = app.screen
        assert "Luhn check digit" in issue(form, "iccid")  # shown while typing
        await pilot.press("ctrl+s")
        assert app.screen is screen
        assert any("Luhn check digit" in m for m in messages(app))
    assert ProfileStore().list()[0].iccid == "8947000000001234561"


async def test_lpac_import_through_the_dialog_shows_the_profiles():
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_profiles(pilot)
        await pilot.press("i", *str(LPAC_DIR / "profile_list.json"), "enter")
        assert app.screen is screen
        assert names(screen) == ["挪威保号", "CMCC eSIM", "UK data"]
        assert column(screen, "state") == ["enabled", "disabled", "disabled"]
        assert any("3 added, 0 updated" in m for m in messages(app))
        # the chip's later state: the same profiles are updated, not doubled
        await pilot.press("i", "ctrl+u", *str(LPAC_DIR / "profile_list_updated.json"), "enter")
        assert len(ProfileStore().list()) == len(rows(screen))
        assert any("updated" in m for m in messages(app)[-1:])


async def test_lpac_output_pasted_where_the_file_name_goes_is_imported():
    # "无法读取 {   "type": "lpa", …（the whole JSON）…：没有这个文件", and the dialog grew off the screen
    from textual import events

    from tui.helpers import from_terminal

    app = EsimReadyApp(language="zh", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_profiles(pilot)
        await pilot.press("i")
        await pilot.pause()
        from_terminal(app, events.Paste((LPAC_DIR / "profile_list.json").read_text("utf-8")))
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        assert names(screen) == ["挪威保号", "CMCC eSIM", "UK data"]
        assert any("新增 3 个" in m for m in messages(app))


async def test_a_bad_lpac_file_imports_nothing_and_says_why():
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_profiles(pilot)
        await pilot.press("i", *str(LPAC_DIR / "error_envelope.json"), "enter")
        assert any("lpac reported an error" in m for m in messages(app))
        await pilot.press("i", "ctrl+u", *"/no/such/file.json", "enter")
        dialog = app.screen  # stays open with the reason, the name kept to fix
        assert "no such file" in str(dialog.query_one("#error", Static).render())
        assert dialog.query_one("#text", Input).value == "/no/such/file.json"
        await pilot.press("escape")
        assert app.screen is screen
        assert rows(screen) == []
    assert ProfileStore().list() == ()


async def test_an_import_that_is_not_utf8_keeps_the_dialog_open_with_the_reason(tmp_path):
    # an lpac listing saved as UTF-16 (PowerShell's `>` does that): the dialog closed on a toast
    path = tmp_path / "chip.json"
    path.write_bytes((LPAC_DIR / "profile_list.json").read_text("utf-8").encode("utf-16"))
    app = EsimReadyApp(language="zh", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_profiles(pilot)
        await pilot.press("i", *str(path), "enter")
        await pilot.pause()
        dialog = app.screen
        error = str(dialog.query_one("#error", Static).render())
        assert "不是 UTF-8 文本（第 1 个字节处）" in error and "另存为 UTF-8" in error
        assert dialog.query_one("#text", Input).value == str(path)
    assert ProfileStore().list() == ()


async def test_a_chinese_user_reads_lpac_problems_and_warnings_in_chinese(tmp_path):
    app = EsimReadyApp(language="zh", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_profiles(pilot)
        await pilot.press("i", *str(LPAC_DIR / "profile_list_bad_entries.json"), "enter")
        failed = next(n for n in app._notifications if n.severity == "error")
        assert failed.title == "没有导入任何内容"
        assert "档案列表中有 3 个问题" in failed.message and "data[0].iccid：ICCID 只能包含数字" in failed.message
        assert "Nothing" not in failed.message and "没有导入任何内容" not in failed.message  # the title says it
        typo = (LPAC_DIR / "profile_list.json").read_text("utf-8").replace("8947000000001234560", "8947000000001234561")
        (tmp_path / "typo.json").write_text(typo, "utf-8")
        await pilot.press("i", "ctrl+u", *str(tmp_path / "typo.json"), "enter")
        shown = " ".join(messages(app))
        assert "已从 lpac 导入：新增 3 个" in shown
        assert "ICCID 8947000000001234561" in shown and "Luhn 校验位" in shown and "check digit" not in shown


async def test_export_leaves_secrets_out_unless_the_box_is_ticked(tmp_path):
    save_samples()
    target = tmp_path / "out.toml"
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_profiles(pilot)
        await pilot.press("x", "ctrl+u", *str(target), "enter")
        text = target.read_text("utf-8")
        assert "挪威保号" in text and "SECRET-MATCHING-ID" not in text and "12345678" not in text
        assert any("without secrets" in m for m in messages(app))
        await pilot.press("x", "tab", "space", "tab", "enter")  # tick the box, then Export (the same file)
        await wait_for_screen(pilot, ConfirmDialog)
        assert f"“{target}” exists — replace it?" in str(app.screen.query_one(Static).render())
        await pilot.press("y")
        await settle(pilot)
        assert "SECRET-MATCHING-ID" in target.read_text("utf-8")
    assert target.stat().st_mode & 0o777 == 0o600


async def test_secrets_are_masked_until_asked_for():
    save_samples()
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_profiles(pilot)
        shown = detail(screen)
        assert "LPA:1$smdp.example.com$••••••••" in shown and "SECRET-MATCHING-ID" not in shown and "12345678" not in shown
        await pilot.press("s")
        assert "LPA:1$smdp.example.com$SECRET-MATCHING-ID" in detail(screen) and "12345678" in detail(screen)
        await pilot.press("s")
        assert "SECRET-MATCHING-ID" not in detail(screen)
        await pilot.press("e")  # in the form they are password fields until "Show" is ticked
        form = app.screen
        assert form.query_one("#f-puk", Input).password
        form.query_one("#f-show-secrets").focus()
        await pilot.press("space")
        assert not form.query_one("#f-puk", Input).password


async def test_the_keepalive_list_is_sorted_by_due_date_with_yearly_totals():
    save_samples()
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_profiles(pilot)
        await pilot.press("u")
        view = app.screen
        assert isinstance(view, UpcomingScreen)
        table = view.query_one("#upcoming", DataTable)
        listed = [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert [r[0] for r in listed] == ["2026-11-16", "2026-11-28", "2027-03-01"]
        assert [r[1] for r in listed] == ["overdue 5 d", "in 7 d", "in 100 d"]
        assert listed[0][4] == "202.78 NOK"
        totals = str(view.query_one("#upcoming-totals", Static).render())
        assert totals == "Per year: 40.56 CNY, 20 GBP, 202.78 NOK"
        await pilot.press("k")  # the overdue one was just topped up
        assert [str(table.get_row_at(i)[0]) for i in range(table.row_count)] == [
            "2026-11-28", "2027-03-01", "2027-05-20",
        ]  # fmt: skip
        await pilot.press("escape")
        assert isinstance(app.screen, ProfilesScreen)
        assert "2027-05-20 ok" in rows(app.screen)[0][-1]
    assert ProfileStore().get(NORWAY.id).keepalive.last_done == TODAY


async def test_launch_notice_for_an_overdue_keepalive():
    save_samples([NORWAY, BRITAIN])
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        notices = [m for m in messages(app) if m.startswith("Keep-alive")]
        assert notices == [
            "Keep-alive: 1 overdue: 挪威保号 (due 2026-11-16). For the list press p, then u (Tab first if you are in the search box)."
        ]


async def test_the_launch_reminder_goes_when_the_user_opens_a_screen():
    """It covered the lower right of every screen for 30 s (qa: at 60x20 the checklist's
    how-to, the note dialog, the compare table); the list it points to is p, u."""
    save_samples([NORWAY, BRITAIN])
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(60, 20), notifications=True) as pilot:
        await pilot.pause()
        assert any(m.startswith("Keep-alive") for m in messages(app))
        app.notify("Something else")  # any other notice stays its time
        await open_profiles(pilot)
        await pilot.pause()
        assert not any(m.startswith("Keep-alive") for m in messages(app))
        assert "Something else" in messages(app)
        assert not app.screen.query("Toast").filter(".-error")


async def test_launch_notice_in_chinese_and_none_when_all_is_fine():
    save_samples([CHINA])
    app = EsimReadyApp(language="zh", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert any(m.startswith("保号提醒：1 个 7 天内到期：") for m in messages(app))
    app = EsimReadyApp(language="en", today=date(2026, 9, 1))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not any("Keep-alive" in m for m in messages(app))


async def test_without_a_profiles_file_the_launch_makes_no_profiles_store():
    """Nothing to say, so the store (and its module, ~6 ms to import) is left for when the
    user opens the profiles."""
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app._profiles is None and not any("Keep-alive" in m for m in messages(app))
        await open_profiles(pilot)
        assert app._profiles is not None


async def test_a_damaged_profiles_file_is_kept_aside_and_the_user_is_told(config_dir):
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "profiles.toml").write_text("[[profiles]]\nid = 'x'\nrole = 42\n", "utf-8")
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_profiles(pilot)
        assert any("kept aside" in m and "profiles.damaged-" in m for m in messages(app))
        assert rows(screen) == []
    assert len(list(config_dir.glob("profiles.damaged-*.toml"))) == 1


async def test_the_form_offers_the_catalogs_sourced_rule():
    app = EsimReadyApp(language="zh", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_profiles(pilot)
        await pilot.press("a", "tab", *"CU", "tab", "enter")  # Cuba; open the catalog's carrier list
        await pilot.press("down", "enter")  # ETECSA, the only carrier
        form = app.screen
        assert form.query_one("#f-carrier", Input).value == "ETECSA"
        suggestion = str(form.query_one("#f-suggestion", Static).render())
        assert "ETECSA" in suggestion and "cibercuba.com" in suggestion
        assert form.query_one("#f-ka-every", Input).value == "330"
        assert (form.query_one("#f-ka-amount", Input).value, form.query_one("#f-ka-currency", Input).value) == (
            "100", "CUP",
        )  # fmt: skip
        assert form.query_one("#f-ka-last", Input).value == ""  # only the user knows when they last did it


async def test_keepalive_fields_are_checked_beside_each_field():
    save_samples([TRAVEL])
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_profiles(pilot)
        await pilot.press("e")
        form = app.screen
        form.query_one("#f-ka-amount").focus()
        await pilot.press(*"25", "tab", *"XYZ", "tab", *"2026-13-01")
        await pilot.press("ctrl+s")
        assert "choose what keeps the number alive" in issue(form, "ka-action")
        form.query_one("#f-ka-action", Select).value = "topup"
        await pilot.press("ctrl+s")
        assert "give how often" in issue(form, "ka-every")
        assert "YYYY-MM-DD" in issue(form, "ka-last")
        form.query_one("#f-ka-every").focus()
        await pilot.press(*"30", "tab", "tab", "tab", "tab", "ctrl+u", *"2026-11-01", "ctrl+s")
        assert "XYZ\" is not a currency" in issue(form, "ka-amount")
    assert ProfileStore().get(TRAVEL.id).keepalive is None


async def test_a_keepalive_currency_typed_by_its_chinese_name_is_saved_as_its_code():
    save_samples([TRAVEL])
    app = EsimReadyApp(language="zh", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_profiles(pilot)
        await pilot.press("e")
        form = app.screen
        form.query_one("#f-ka-action", Select).value = "topup"
        form.query_one("#f-ka-every").focus()
        await pilot.press(*"30", "tab", "tab", *"25", "tab", *"挪威克朗")
        assert form.query_one("#f-ka-currency", Input).value == "NOK"  # the field shows what it understood
        await pilot.press("tab", *"2026-11-01", "ctrl+s")
        await pilot.pause()
    rule = ProfileStore().get(TRAVEL.id).keepalive
    assert rule is not None and (rule.amount, rule.currency) == (25, "NOK")


async def test_the_language_switch_relabels_the_profiles_screen():
    save_samples()
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_profiles(pilot)
        await pilot.press("down", "f2")
        await pilot.pause()
        assert header(app.screen)[1] == "昵称"
        assert column(app.screen, "state")[1] == "已启用"
        assert app.screen.query_one("#profiles", OptionList).highlighted == 1  # still on the same profile
        assert app.screen is screen


async def test_a_tiny_terminal_does_not_crash():
    save_samples()
    app = EsimReadyApp(language="zh", today=TODAY)
    async with app.run_test(size=(40, 12)) as pilot:
        await open_profiles(pilot)
        await pilot.press("a")
        await pilot.resize_terminal(30, 8)
        await pilot.press("escape", "u")
        await pilot.resize_terminal(120, 40)
        await pilot.press("escape")
        assert isinstance(app.screen, ProfilesScreen)


def test_columns_give_way_role_first_then_carrier_and_number_before_the_nickname_is_cut():
    natural = {"default": 2, "name": 11, "number": 17, "carrier": 12, "role": 6, "state": 8, "keepalive": 18}
    headers = {"default": 3, "name": 8, "number": 6, "carrier": 7, "role": 4, "state": 5, "keepalive": 15}
    assert column_widths(natural, headers, 200) == {"default": 3, "name": 11, "number": 17, "carrier": 12,
                                                    "role": 6, "state": 8, "keepalive": 18}
    at_80 = column_widths(natural, headers, 76)  # the role goes to the details; nothing is cut
    assert at_80 == {"default": 3, "name": 11, "number": 17, "carrier": 12, "state": 8, "keepalive": 18}
    at_70 = column_widths(natural, headers, 67)  # the carrier is cut (to its header), the nickname to 8
    assert sum(at_70.values()) + len(at_70) <= 67 and at_70["carrier"] == 7 and at_70["name"] == 8
    at_60 = column_widths(natural, headers, 56)  # the number goes too: the nickname stays whole
    assert at_60 == {"default": 3, "name": 11, "state": 8, "keepalive": 18}
    at_40 = column_widths(natural, headers, 36)
    assert at_40["name"] == 5 and at_40["keepalive"] == 18
    no_numbers = column_widths({**natural, "number": 0}, headers, 56)  # a column no one fills is left out
    assert "number" not in no_numbers and no_numbers["name"] == 11 and "carrier" in no_numbers



def test_room_left_over_makes_a_long_nickname_then_a_long_carrier_whole():
    """At 80x24 "挪威保号（Telen…" was cut at its 16-cell cap beside 30 empty columns."""
    natural = {"default": 2, "name": 38, "carrier": 24, "state": 8}
    headers = {"default": 3, "name": 8, "number": 6, "carrier": 7, "role": 4, "state": 5, "keepalive": 15}
    assert column_widths(natural, headers, 76) == {"default": 3, "name": 38, "carrier": 23, "state": 8}  # 76 in all
    assert column_widths(natural, headers, 200) == {"default": 3, "name": 38, "carrier": 24, "state": 8}
    assert column_widths(natural, headers, 56) == {"default": 3, "name": 27, "carrier": 14, "state": 8}  # to the edge

def test_profile_with_rule_in_months_is_described_in_both_languages():
    from esim_ready import i18n
    from esim_ready.tui.profile_format import describe_rule

    rule = KeepAlive(action="topup", every_months=15, last_done=TODAY)
    i18n.set_language("en")
    assert describe_rule(rule) == "top-up every 15 months"
    i18n.set_language("zh")
    try:
        assert describe_rule(rule) == "充值，每 15 个月"
        # one month, one day: 每月, 每天 (it read "每 1 个月")
        assert describe_rule(KeepAlive(action="topup", every_months=1, last_done=TODAY)) == "充值，每月"
        assert describe_rule(KeepAlive(action="data", every_days=1, last_done=TODAY)).endswith("，每天")
    finally:
        i18n.set_language("en")
    assert Profile(nickname="x").display_name == "x"


async def test_mouse_a_click_shows_a_profile_and_a_second_click_edits_it():
    save_samples()
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_profiles(pilot)
        await pilot.click("#profiles", offset=(5, 2))  # the third line: UK data
        assert detail(screen).startswith("UK data")
        assert isinstance(app.screen, ProfilesScreen)
        await pilot.click("#profiles", offset=(5, 2))
        await wait_for_screen(pilot, ProfileForm)
        assert app.screen.query_one("#f-nickname", Input).value == "UK data"
        await pilot.click("#cancel")
        assert await wait_for_screen(pilot, ProfilesScreen) is screen


async def test_the_palette_from_the_keepalive_list_goes_back_to_the_same_profiles_screen():
    save_samples()
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_profiles(pilot)
        await pilot.press("u", "k", "ctrl+p", *"esim profiles")  # kept alive, then back by the palette
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert sum(isinstance(s, ProfilesScreen) for s in app.screen_stack) == 1
        assert "2027-05-20 ok" in rows(screen)[0][-1]  # the table shows the new due date


async def test_a_four_digit_top_up_survives_editing_the_profile():
    """The amount field holds 1000, not the display form "1,000" that could not be saved."""
    from dataclasses import replace

    rule = replace(CHINA.keepalive, amount=1000, currency="JPY")
    ProfileStore().add(replace(CHINA, keepalive=rule))
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_profiles(pilot)
        await pilot.press("e")
        form = app.screen
        assert form.query_one("#f-ka-amount", Input).value == "1000"
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ProfilesScreen)
    assert ProfileStore().get(CHINA.id).keepalive.amount == 1000


async def test_what_is_typed_while_the_form_opens_is_kept():
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_profiles(pilot)
        app.push_screen(ProfileForm(screen.store, None, TODAY))  # not waited for: keys come at once
        await pilot.press(*"Oslo data")
        await pilot.pause()
        assert app.screen.query_one("#f-nickname", Input).value == "Oslo data"


async def test_the_delete_question_names_its_key_once():
    save_samples()
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_profiles(pilot)
        await pilot.press("d")
        await pilot.pause()
        labels = [str(b.label) for b in app.screen.query(Button)]
        assert "Delete (y)" in labels and not any("(y) (y)" in label for label in labels)


async def test_the_number_field_shows_the_chosen_countrys_format():
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_profiles(pilot)
        await pilot.press("a")
        form = await wait_for_screen(pilot, ProfileForm)
        number = form.query_one("#f-number", Input)
        assert "+47" not in number.placeholder and "country code" in number.placeholder
        await pilot.press("tab", *"MA")
        assert number.placeholder.startswith("e.g. +212 ")
        await pilot.press("ctrl+u", *"JP")
        assert number.placeholder.startswith("e.g. +81 ")


async def test_an_unknown_country_code_is_named_beside_the_field_as_typed():
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_profiles(pilot)
        await pilot.press("a")
        form = await wait_for_screen(pilot, ProfileForm)
        await pilot.press("tab", *"Z[b")
        shown = str(form.query_one("#f-country-name", Static).render())
        assert shown == 'no country or region is called "Z[b"'  # as typed, not markup


async def test_a_country_is_typed_by_its_name_and_its_carriers_are_listed_in_chinese(config_dir):
    # the field took a code of 3 characters: 中国 was refused, "China" cut to "Chi";
    # the carrier list then named China's carriers in English in the Chinese app
    app = EsimReadyApp(language="zh", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_profiles(pilot)
        await pilot.press("a")
        form = await wait_for_screen(pilot, ProfileForm)
        await pilot.press(*"国内", "tab", *"中国")
        assert str(form.query_one("#f-country-name", Static).render()) == "中国"
        pick = form.query_one("#f-carrier-pick", Select)
        assert [str(prompt) for prompt, _ in pick._options[1:]][:4] == ["中国移动", "中国联通", "中国电信", "中国广电"]
        pick.value = "china-mobile"
        await pilot.pause()
        assert form.query_one("#f-carrier", Input).value == "中国移动"
        form.query_one("#f-country", Input).value = "Norway"
        await pilot.pause()
        assert str(form.query_one("#f-country-name", Static).render()) == "挪威"
        await pilot.press("ctrl+s")
        await pilot.pause()
    (saved,) = ProfileStore().list()
    assert (saved.nickname, saved.country) == ("国内", "NO")


async def test_the_form_writes_dates_as_the_trip_form_does_in_chinese():
    app = EsimReadyApp(language="zh", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_profiles(pilot)
        await pilot.press("a")
        form = await wait_for_screen(pilot, ProfileForm)
        assert form.query_one("#f-expiry", Input).placeholder == "年-月-日"
        assert form.query_one("#f-ka-last", Input).placeholder == "年-月-日"


async def test_escape_closes_an_untouched_form_and_asks_before_dropping_typed_text():
    save_samples([TRAVEL])
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        profiles = await open_profiles(pilot)
        await pilot.press("a")
        await wait_for_screen(pilot, ProfileForm)
        await pilot.press("escape")  # nothing typed: closes at once
        assert app.screen is profiles
        await pilot.press("e")
        form = await wait_for_screen(pilot, ProfileForm)
        await pilot.press("escape")  # an edit opened and left as it was: closes at once
        assert app.screen is profiles
        await pilot.press("e")
        form = await wait_for_screen(pilot, ProfileForm)
        await pilot.press("end", *" 2")
        await pilot.press("escape")
        question = await wait_for_screen(pilot, ConfirmDialog)
        assert "Discard your changes" in str(question.query_one(".dialog-title", Static).render())
        await pilot.press("n")  # keep editing: the form and what was typed are still there
        assert app.screen is form
        assert form.query_one("#f-nickname", Input).value.endswith(" 2")
        await pilot.press("escape", "y")
        assert app.screen is profiles
    assert ProfileStore().get(TRAVEL.id).nickname == TRAVEL.nickname


async def test_at_60_columns_states_read_whole_and_the_due_date_stays_in_view():
    """Chinese 已启用 / 已停用 differ only after 已: the state is never cut; on a narrow
    terminal the carrier and role columns give way (the details show them)."""
    save_samples()
    app = EsimReadyApp(language="zh", today=TODAY)
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await open_profiles(pilot)
        keys = list(screen.widths)
        assert "carrier" not in keys and "role" not in keys
        table = rows(screen)
        assert [row[keys.index("state")] for row in table] == ["已停用", "已启用", "已启用", "已停用"]
        assert [row[keys.index("keepalive")] for row in table][:3] == [
            "2026-11-16 已逾期", "2026-11-28 将到期", "2027-03-01 正常"]


async def test_an_imported_profile_that_looks_like_one_typed_by_hand_is_offered_to_merge():
    typed = ProfileStore().add(Profile(nickname="Travel NO", carrier="Telenor", country="NO",
                                       number="+4791234567")).profile  # fmt: skip
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_profiles(pilot)
        await pilot.press("i", *str(LPAC_DIR / "profile_list.json"), "enter")
        question = await wait_for_screen(pilot, ConfirmDialog)
        text = str(question.query_one(".dialog-title", Static).render())
        assert "“挪威保号” from the chip (ICCID 8947000000001234560) looks like “Travel NO”" in text
        assert not app._notifications  # no toast over the question's buttons
        await pilot.press("y")
        await pilot.pause()
        assert app.screen is screen
        assert names(screen) == ["Travel NO", "CMCC eSIM", "UK data"]
        assert any(n.message.startswith("Imported from lpac:") for n in app._notifications)  # told after it
    merged = ProfileStore().get(typed.id)
    assert (merged.iccid, merged.number, merged.state) == ("8947000000001234560", "+4791234567", "enabled")


async def test_the_apps_own_profiles_export_imports_back_in_the_app(tmp_path):
    # i used to take only lpac JSON: "no lpac result in its 21 lines" for our own export
    from esim_ready.exchange.profile_files import export_profiles_file
    from esim_ready.tui.screens.dialogs import ProblemsDialog

    saved = save_samples().list()
    export = tmp_path / "profiles.toml"
    export_profiles_file(export, saved, include_secrets=False)
    for p in saved:
        ProfileStore().delete(p.id)
    app = EsimReadyApp(language="en", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_profiles(pilot)
        assert rows(screen) == []
        await pilot.press("i", *str(export), "enter")
        await settle(pilot)
        assert len(rows(screen)) == len(saved)
        assert sorted(p.display_name for p in ProfileStore().list()) == sorted(p.display_name for p in saved)
        assert any(f"Imported from profiles.toml: {len(saved)} added" in m for m in messages(app))
        broken = tmp_path / "broken.toml"
        broken.write_text(export.read_text("utf-8").replace('role = "', 'role = "spare-', 1), "utf-8")
        await pilot.press("i", "ctrl+u", *str(broken), "enter")
        problems = await wait_for_screen(pilot, ProblemsDialog)  # every problem with its line
        assert any("role" in line for line in problems.lines), problems.lines


async def test_a_carrier_typed_by_its_chinese_name_is_the_catalogs():
    # 中国移动 typed in the carrier field stayed "choose from the list", with no catalog facts
    from textual.widgets import Select

    app = EsimReadyApp(language="zh", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_profiles(pilot)
        await pilot.press("a", "tab", *"CN")
        await pilot.pause()
        form = app.screen
        form.query_one("#f-carrier", Input).value = "中国移动"
        await pilot.pause()
        assert form.query_one("#f-carrier-pick", Select).value == "china-mobile"
        assert form.query_one("#f-ka-currency", Input).placeholder == "如 CNY"  # it said 如 NOK for every country
