"""The five countries the product was born from (issue 7): each shows at least
three sourced offers, and practical notes on buying or registering a SIM."""

import pytest

from esim_ready.catalog import curated

BORN = ["MA", "CO", "NC", "NO", "CU"]


@pytest.mark.parametrize("code", BORN)
def test_at_least_three_offers_each_with_source_and_date(code):
    offers = [o for o in curated.country_data(code).offers if o.origin == "curated"]
    assert len(offers) >= 3, [o.name for o in offers]
    for offer in offers:
        assert offer.source.startswith("http"), offer.name
        assert offer.as_of, offer.name


@pytest.mark.parametrize("code", BORN)
def test_a_traveller_learns_where_to_buy_or_how_to_register(code):
    notes = [n for n in curated.country_data(code).notes if n.topic in ("buy", "registration")]
    assert notes
    for note in notes:
        assert note.text("en") and note.text("zh") and note.text("en") != note.text("zh")
        assert note.source.startswith("http") and note.as_of

