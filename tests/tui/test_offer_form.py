"""'Add an offer I saw', by keyboard: checked like the data files, saved as the
user's own, editable, deletable, exported and imported."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input, Static

from esim_ready.state.user_offers import UserOffers
from esim_ready.tui.app import EsimReadyApp
from esim_ready.tui.screens.compare import CompareScreen
from esim_ready.tui.screens.dialogs import ConfirmDialog, PathDialog, ProblemsDialog
from esim_ready.tui.screens.offer_form import OfferForm
from tui.helpers import TODAY, settle, wait_for_screen

pytestmark = pytest.mark.usefixtures("use_samples")  # Norway: offers of every kind, no shipped data


async def open_compare(pilot) -> CompareScreen:
    await pilot.pause()
    pilot.app.show_compare("NO", days=7)
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, CompareScreen)
    return screen


async def fill(pilot, form: OfferForm, **fields: str) -> None:
    for field, value in fields.items():
        widget = form.query_one(f"#f-{field}", Input)
        widget.focus()
        widget.value = ""
        await pilot.press(*value) if value else None
    await pilot.pause()


async def import_offers_file(pilot, path) -> None:
    """`i` in compare, the file's name typed, Enter."""
    await pilot.press("i")
    await pilot.pause()
    pilot.app.screen.query_one(Input).value = str(path)
    await pilot.press("enter")


def row_of(screen: CompareScreen, seller: str) -> int:
    table = screen.query_one("#offers", DataTable)
    return next(i for i in range(table.row_count) if str(table.get_row_at(i)[1]) == seller)


async def test_add_an_offer_i_saw_and_see_it_ranked_as_mine(config_dir) -> None:
    app = EsimReadyApp(initial_country="NO", language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_compare(pilot)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, OfferForm)
        from textual.widgets import Select

        form.query_one("#f-kind", Select).value = "local"  # the network's own SIM, bought at a kiosk
        await fill(pilot, form, seller="Kiosk", name="Tourist 10", network="Telenor", data_gb="10",
                   validity_days="30", price="50", currency="nok")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        # 10 GB for 30 days at 50 NOK covers 7 days x 1 GB: the cheapest of all
        table = screen.query_one("#offers", DataTable)
        assert str(table.get_row_at(0)[1]) == "★ Kiosk" and table.cursor_row == 0
        detail = str(screen.query_one("#offer-detail", Static).render())
        assert "your offer" in detail and "1 × 10 GB pack (30 days), 50 NOK each = 50 NOK" in detail
        # a kiosk selling the network's own SIM is not an MVNO: the form asks only which network
        assert "network: Telenor" in detail and "MVNO" not in detail
    saved = UserOffers(config_dir / "data").offers("NO")
    assert any(o["seller"] == "Kiosk" and o["as_of"] == TODAY.isoformat() for o in saved)


async def test_problems_show_under_their_fields_and_nothing_is_saved(config_dir) -> None:
    before = (config_dir / "data" / "NO.toml").read_text("utf-8")
    app = EsimReadyApp(initial_country="NO", language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_compare(pilot)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, OfferForm)
        await fill(pilot, form, seller="", name="X", price="12", currency="XYZ", fair_use_gb="3")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # still open
        shown = {f: str(form.query_one(f"#issue-{f}", Static).render()) for f in ("seller", "currency", "fair_use_gb")}
        assert "missing" in shown["seller"] and "ISO 4217" in shown["currency"]
        assert "only with unlimited" in shown["fair_use_gb"]
        assert form.focused is form.query_one("#f-seller", Input)
        await pilot.press("escape")
        await pilot.pause()
    assert (config_dir / "data" / "NO.toml").read_text("utf-8") == before


async def test_a_chinese_user_reads_every_field_problem_in_chinese(config_dir) -> None:
    app = EsimReadyApp(initial_country="NO", language="zh", today=TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_compare(pilot)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, OfferForm)
        await fill(pilot, form, seller="", name="X", validity_days="0", price="12", currency="ZZZ",
                   as_of="2027-99-01", data_gb="abc")
        await pilot.press("ctrl+s")
        await pilot.pause()
        shown = {f: str(form.query_one(f"#issue-{f}", Static).render()) for f in ("data_gb",)}
        assert "应为数字，而不是 \"abc\"" in shown["data_gb"]  # not even a number: said before the rest
        await fill(pilot, form, data_gb="3")
        await pilot.press("ctrl+s")
        await pilot.pause()
        fields = ("seller", "validity_days", "currency", "as_of")
        shown = {f: str(form.query_one(f"#issue-{f}", Static).render()) for f in fields}
        assert "缺少此项" in shown["seller"]
        assert "应大于 0，而不是 0" in shown["validity_days"]
        assert "未知的 ISO 4217 币种代码 \"ZZZ\"" in shown["currency"]
        assert "应写成 年-月-日（如 2026-12-01）" in shown["as_of"] and "\"2027-99-01\"" in shown["as_of"]
        assert not any(word in text for text in shown.values() for word in ("missing", "must", "unknown"))


async def test_edit_and_delete_only_my_own_offers(config_dir) -> None:
    app = EsimReadyApp(initial_country="NO", language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_compare(pilot)
        table = screen.query_one("#offers", DataTable)
        table.move_cursor(row=row_of(screen, "China Mobile"))  # shipped roaming: not mine
        await pilot.press("e")
        await pilot.pause()
        assert app.screen is screen
        assert any("Only the offers you added" in n.message for n in app._notifications)
        table.move_cursor(row=row_of(screen, "★ Airalo"))
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, OfferForm)
        assert form.query_one("#f-price", Input).value == "9.5"
        await fill(pilot, form, price="4")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert UserOffers(config_dir / "data").table("NO", "airalo-3gb")["price"] == 4
        table.move_cursor(row=row_of(screen, "★ Airalo"))
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert not any(str(table.get_row_at(i)[1]) == "★ Airalo" for i in range(table.row_count))
    assert UserOffers(config_dir / "data").table("NO", "airalo-3gb") is None


async def test_export_and_import_my_offers(config_dir, tmp_path) -> None:
    target = tmp_path / "shared.toml"
    app = EsimReadyApp(initial_country="NO", language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_compare(pilot)
        await pilot.press("x")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PathDialog)
        dialog.query_one(Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
    text = target.read_text("utf-8")
    assert 'format = "esim-ready-offers"' in text and "Holafly" in text
    # a travel companion, starting with nothing of theirs, imports it
    (config_dir / "data" / "NO.toml").unlink()
    app = EsimReadyApp(initial_country="NO", language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_compare(pilot)
        assert not any(c.offer.origin == "user" for c in screen.costs)
        await import_offers_file(pilot, target)
        await pilot.pause()
        assert sum(c.offer.origin == "user" and c.offer.kind == "travel-esim" for c in screen.costs) == 3
        # the companion's copy says another price for one of them: importing it again asks first
        first = target.read_text("utf-8").index("price = ")
        end = target.read_text("utf-8").index("\n", first)
        changed = tmp_path / "changed.toml"
        changed.write_text(target.read_text("utf-8")[:first] + "price = 1" + target.read_text("utf-8")[end:], "utf-8")
        await import_offers_file(pilot, changed)
        question = await wait_for_screen(pilot, ConfirmDialog)
        assert "your offer" in question.question
        await pilot.press("n")  # keep mine
        await pilot.pause()
        assert not any(c.offer.origin == "user" and c.offer.price == 1 for c in screen.costs)


async def test_escape_asks_before_a_filled_form_is_thrown_away(config_dir) -> None:
    app = EsimReadyApp(initial_country="NO", language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = await open_compare(pilot)
        await pilot.press("a")
        form = await wait_for_screen(pilot, OfferForm)
        await pilot.press("escape")  # untouched: closes at once
        await settle(pilot)
        assert app.screen is screen
        await pilot.press("a")
        form = await wait_for_screen(pilot, OfferForm)
        await pilot.press(*"kiosk", "escape")  # typed into Seller
        question = await wait_for_screen(pilot, ConfirmDialog)
        assert "Discard your changes?" in str(question.query_one(Static).render())
        await pilot.press("n")  # keep editing: the form, as it was
        await wait_for_screen(pilot, OfferForm)
        assert app.screen is form and form.query_one("#f-seller", Input).value == "kiosk"
        await pilot.press("escape")
        await wait_for_screen(pilot, ConfirmDialog)
        await pilot.press("y")  # discard
        await settle(pilot)
        assert app.screen is screen
        assert not any(c.offer.seller == "kiosk" for c in screen.costs)


async def test_a_chinese_user_is_asked_in_chinese(config_dir) -> None:
    app = EsimReadyApp(initial_country="NO", language="zh", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_compare(pilot)
        await pilot.press("a")
        await wait_for_screen(pilot, OfferForm)
        await pilot.press(*"kiosk", "escape")
        question = await wait_for_screen(pilot, ConfirmDialog)
        assert "放弃所做的修改？" in str(question.query_one(Static).render())
        assert [str(b.label) for b in question.query("Button")] == ["放弃（y）", "继续编辑（n）"]


async def test_a_file_with_hundreds_of_problems_shows_the_first_fifty_and_how_many_more(config_dir, tmp_path) -> None:
    # 3,000 problems (a bidi override in every seller) took about a minute to open, one by one
    offers = "".join(
        f'[[offers]]\ncountry = "NO"\nid = "o{i}"\nkind = "travel-esim"\nseller = "Bad\u202eSeller"\n'
        f'name = "Pack {i}"\ndata_gb = 5\nvalidity_days = 30\nprice = 100\ncurrency = "NOK"\n'
        f'source = "my receipt"\nas_of = "2026-11-01"\n\n'
        for i in range(300)
    )
    path = tmp_path / "bulk.toml"
    path.write_text('format = "esim-ready-offers"\nversion = 1\n\n' + offers, "utf-8")
    app = EsimReadyApp(initial_country="NO", language="en", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_compare(pilot)
        await import_offers_file(pilot, path)
        dialog = await wait_for_screen(pilot, ProblemsDialog)
        assert "300 problems" in dialog.title_text
        shown = [str(s.render()) for s in dialog.query(".problem")]
        assert len(shown) == 51 and "offers[0].seller" in shown[0]
        assert shown[-1] == "… and 250 more problems: fix these, then import again to see the rest."
