"""The user's own offers: validated like the data files, saved in their data
folder, marked as theirs, editable, deletable, exported and imported as TOML."""

from datetime import date

import pytest

from esim_ready.catalog import curated
from esim_ready.errors import DataFileError, UserError
from esim_ready.exchange.offers_toml import export_offers, import_offers
from esim_ready.state.user_offers import OfferInvalid, UserOffers

KIOSK = {
    "kind": "travel-esim", "seller": "Airport kiosk", "name": "Tourist eSIM 10 GB", "billing": "pack",
    "data_gb": "10", "validity_days": "15", "price": "250", "currency": "nok", "source": "seen at OSL arrivals",
    "note_en": "cash only",
}


def store(config_dir) -> UserOffers:
    curated.set_user_data_dir(config_dir / "data")
    return UserOffers(config_dir / "data")


def test_an_added_offer_is_saved_in_the_data_folder_and_shown_as_yours(config_dir):
    offers = store(config_dir)
    saved = offers.add("NO", KIOSK, today=date(2026, 11, 21))
    assert saved.offer_id == "airport-kiosk-tourist-esim-10-gb"
    text = (config_dir / "data" / "NO.toml").read_text("utf-8")
    assert 'currency = "NOK"' in text and 'as_of = "2026-11-21"' in text
    mine = [o for o in curated.country_data("NO").offers if o.origin == "user"]
    assert [(o.seller, o.price, o.data_gb, o.kind) for o in mine] == [("Airport kiosk", 250, 10, "travel-esim")]
    assert (config_dir / "data" / "NO.toml").stat().st_mode & 0o777 == 0o600
    # a second one with the same names gets its own id
    assert offers.add("NO", KIOSK).offer_id == "airport-kiosk-tourist-esim-10-gb-2"


def test_a_currency_typed_as_a_name_is_saved_as_its_code(config_dir):
    offers = store(config_dir)
    offers.add("NO", KIOSK | {"currency": "挪威克朗"})
    offers.add("NO", KIOSK | {"currency": "ＥＵＲ", "seller": "Kiosk 2"})
    text = (config_dir / "data" / "NO.toml").read_text("utf-8")
    assert text.count('currency = "NOK"') == 1 and text.count('currency = "EUR"') == 1


def test_problems_are_named_field_by_field_and_nothing_is_saved(config_dir):
    offers = store(config_dir)
    bad = KIOSK | {"price": "12,5x", "validity_days": "1.5", "currency": "XYZ", "seller": ""}
    with pytest.raises(OfferInvalid) as info:
        offers.add("NO", bad)
    assert set(info.value.issues) == {"price", "validity_days"}  # not numbers: said before validating
    with pytest.raises(OfferInvalid) as info:
        offers.add("NO", KIOSK | {"currency": "XYZ", "seller": "", "fair_use_gb": "5", "billing": "week"})
    issues = {field: str(problem) for field, problem in info.value.issues.items()}  # worded when shown
    assert "unknown ISO 4217" in issues["currency"] and issues["seller"] == "missing"
    assert "only with unlimited" in issues["fair_use_gb"] and "pack, day" in issues["billing"]
    assert not (config_dir / "data" / "NO.toml").exists()


def test_edit_keeps_the_id_and_delete_removes_only_that_offer(config_dir):
    offers = store(config_dir)
    first = offers.add("NO", KIOSK)
    second = offers.add("NO", KIOSK | {"seller": "Other kiosk"})
    offers.update("NO", first.offer_id, KIOSK | {"price": "199", "unlimited": True, "data_gb": "",
                                                  "fair_use_gb": "20"})
    table = offers.table("NO", first.offer_id)
    assert table is not None and table["price"] == 199 and table["unlimited"] is True and "data_gb" not in table
    offers.delete("NO", first.offer_id)
    assert [o["id"] for o in offers.offers("NO")] == [second.offer_id]
    with pytest.raises(UserError):
        offers.update("NO", "gone", KIOSK)


def test_the_users_corrections_in_the_same_file_are_kept(config_dir):
    folder = config_dir / "data"
    folder.mkdir(parents=True)
    (folder / "NO.toml").write_text(
        'country = "NO"\n\n[[carriers]]\nid = "telenor"\nname = "Telenor"\nesim = "yes"\n'
        'esim_source = "my phone"\nesim_as_of = "2026-10"\n', "utf-8")
    offers = store(config_dir)
    offers.add("NO", KIOSK)
    no = curated.country_data("NO")
    assert next(c for c in no.carriers if c.id == "telenor").origin == "user"
    assert any(o.origin == "user" for o in no.offers)


def test_a_broken_file_is_never_overwritten(config_dir):
    folder = config_dir / "data"
    folder.mkdir(parents=True)
    (folder / "NO.toml").write_text("country = \n[[", "utf-8")
    with pytest.raises(UserError, match="not valid TOML"):
        store(config_dir).add("NO", KIOSK)
    assert (folder / "NO.toml").read_text("utf-8") == "country = \n[["


def test_export_then_import_into_another_setup(config_dir, tmp_path):
    mine = store(config_dir)
    mine.add("NO", KIOSK)
    mine.add("MA", KIOSK | {"seller": "Souk", "currency": "MAD", "price": "50"})
    document = export_offers(mine)
    assert 'format = "esim-ready-offers"' in document and 'country = "MA"' in document
    friend = UserOffers(tmp_path / "friend" / "data")
    result = import_offers(document, friend)
    assert result.offers == 2 and set(result.countries) == {"MA", "NO"}
    assert friend.offers("MA")[0]["seller"] == "Souk"
    import_offers(document, friend)  # again: replaces, does not duplicate
    assert len(friend.offers("NO")) == 1


def test_an_import_with_problems_saves_nothing_and_names_each(tmp_path):
    friend = UserOffers(tmp_path / "friend" / "data")
    document = """\
format = "esim-ready-offers"
version = 1

[[offers]]
country = "NO"
id = "ok"
kind = "travel-esim"
seller = "A"
name = "B"
source = "x"
as_of = "2026-01"

[[offers]]
country = "ZZ"
id = "where"

[[offers]]
country = "MA"
id = "bad"
kind = "travel-esim"
seller = "A"
name = "B"
price = -1
currency = "MAD"
source = "x"
as_of = "2026-01"
"""
    with pytest.raises(DataFileError) as info:
        import_offers(document, friend, "friend.toml")
    problems = info.value.words("en")
    assert any("line 14: offers[1].country" in p for p in problems), problems
    assert any("line 23: offers[2].price: must be 0 or more" in p for p in problems), problems
    assert friend.countries() == []


def test_an_import_with_control_characters_or_bidi_overrides_saves_nothing_and_says_where(tmp_path):
    friend = UserOffers(tmp_path / "friend" / "data")
    document = (
        'format = "esim-ready-offers"\nversion = 1\n\n[[offers]]\ncountry = "MA"\nid = "kiosk"\n'
        'kind = "travel-esim"\nseller = "bad\\u0007sel\\u001b[31mler"\nname = "Pass \\u202eoG 02"\n'
        'source = "x"\nas_of = "2026-01"\nnote_en = "two\\nlines are fine"\n'
    )
    with pytest.raises(DataFileError) as caught:
        import_offers(document, friend)
    found = {(p.field, p.line, p.code) for p in caught.value.problems}
    assert found == {("offers[0].seller", 8, "control_characters"), ("offers[0].name", 9, "control_characters")}
    assert friend.offers("MA") == []
    assert "control characters" in caught.value.problems[0].words("en")


@pytest.mark.parametrize(("field", "value", "says"), [
    ("price", "nan", "must be a finite number, not nan"),
    ("price", "inf", "must be a finite number, not inf"),
    ("price", "1e300", "must be at most 1,000,000,000"),
    ("data_gb", "-inf", "must be a finite number"),
    ("data_gb", "1e12", "must be at most 1,000,000,000"),
    ("data_gb", "5e-324", "must be 0 or at least 0.001"),  # made a trip need 10^300 packs: a crash
])
def test_an_import_with_nan_inf_or_absurd_amounts_saves_nothing(tmp_path, field, value, says):
    # price = nan used to be saved, and then every compare of that country crashed
    friend = UserOffers(tmp_path / "friend" / "data")
    document = """\
format = "esim-ready-offers"
version = 1

[[offers]]
country = "NO"
id = "kiosk"
kind = "travel-esim"
seller = "Airport kiosk"
name = "Tourist eSIM"
data_gb = 10
validity_days = 15
price = 250
currency = "NOK"
source = "seen at OSL arrivals"
as_of = "2026-01"
""".replace(f"\n{field} = ", f"\n{field} = {value}\n#", 1)
    with pytest.raises(DataFileError) as info:
        import_offers(document, friend, "friend.toml")
    assert any(f"offers[0].{field}: {says}" in p for p in info.value.words("en")), info.value.words("en")
    assert friend.countries() == []


def test_a_saved_offer_with_nan_from_an_older_version_is_reported_not_a_crash(config_dir):
    folder = config_dir / "data"
    folder.mkdir(parents=True)
    (folder / "NO.toml").write_text(
        'country = "NO"\n\n[[offers]]\nid = "k"\nkind = "travel-esim"\nseller = "S"\nname = "N"\n'
        'data_gb = 10\nvalidity_days = 15\nprice = nan\ncurrency = "NOK"\nsource = "x"\nas_of = "2026-01"\n', "utf-8")
    curated.set_user_data_dir(folder)
    assert [o for o in curated.country_data("NO").offers if o.origin == "user"] == []  # skipped, shipped data shown
    assert any("price: must be a finite number, not nan" in p for p in curated.load_problems())


def test_an_import_that_would_change_one_of_your_offers_asks_first(config_dir, tmp_path):
    from esim_ready.errors import WouldLoseProgress

    mine = store(config_dir)
    mine.add("NO", KIOSK)
    document = export_offers(mine)
    assert import_offers(document, mine).offers == 1  # the same offer again: nothing to ask
    friends = document.replace("price = 250", "price = 199")
    with pytest.raises(WouldLoseProgress) as info:
        import_offers(friends, mine)
    assert [str(x) for x in info.value.losses] == ['Norway: your offer "Airport kiosk Tourist eSIM 10 GB": Price 250 → 199']  # what differs
    assert mine.offers("NO")[0]["price"] == 250  # nothing changed
    import_offers(friends, mine, replace=True)
    assert mine.offers("NO")[0]["price"] == 199
    # the name in the question comes from the user's own file, perhaps edited by hand: no escapes pass
    path = config_dir / "data" / "NO.toml"
    path.write_text(path.read_text("utf-8").replace('seller = "Airport kiosk"', 'seller = "Kiosk\\u001b[31m\\nred"'), "utf-8")
    with pytest.raises(WouldLoseProgress) as info:
        import_offers(friends, mine)
    assert "\x1b" not in str(info.value.losses[0]) and "\n" not in str(info.value.losses[0])


def test_a_full_disk_is_a_message_naming_the_file_not_a_crash(config_dir, monkeypatch):
    # the offer form caught only OfferInvalid: OSError ENOSPC quit the app and lost the typed offer
    import errno

    from esim_ready.state import user_offers

    offers = store(config_dir)
    offers.add("NO", KIOSK)
    before = (config_dir / "data" / "NO.toml").read_bytes()

    def full(path, payload):
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(user_offers, "replace_atomically", full)
    with pytest.raises(UserError) as caught:
        offers.add("NO", KIOSK | {"seller": "Second kiosk"})
    assert "NO.toml" in str(caught.value) and "full" in str(caught.value)
    with pytest.raises(UserError):  # an import too (of one's own export: it saves again)
        import_offers(export_offers(offers), offers)
    assert (config_dir / "data" / "NO.toml").read_bytes() == before  # nothing half-written
