"""`countries`, `carriers`, `plans`: scriptable, plain text or JSON; bad codes exit 2."""

import json

import pytest

from esim_ready.cli import main


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_countries_search_json(capsys):
    code, out, _ = run(capsys, "countries", "摩洛", "--json")
    assert code == 0
    found = json.loads(out)
    assert found["query"] == "摩洛"
    first = found["countries"][0]
    assert first | {"offers": 0} == {"alpha2": "MA", "alpha3": "MAR", "name_en": "Morocco", "name_zh": "摩洛哥",
                                     "offers": 0}
    assert isinstance(first["offers"], int)


def test_carriers_text_names_the_source(capsys):
    code, out, _ = run(capsys, "carriers", "NOR")
    assert code == 0
    assert "Norway (NO)" in out and "phonenumbers" in out and "Telenor" in out


def test_plans_sorted_by_price_per_gb(capsys):
    code, out, _ = run(capsys, "plans", "JP", "--sort", "price-per-gb", "--json")
    assert code == 0
    doc = json.loads(out)
    assert doc["country"] == "JP" and doc["sort"] == "price-per-gb"  # an object, like carriers --json
    plans = doc["plans"]
    per_gb = [p["price_per_gb"] for p in plans if p["price_per_gb"] is not None]
    assert per_gb == sorted(per_gb) and len(per_gb) >= 2
    # unknown values come last
    seen_unknown = False
    for p in plans:
        if p["price_per_gb"] is None:
            seen_unknown = True
        else:
            assert not seen_unknown


@pytest.mark.parametrize("args", [("carriers", "XQ"), ("plans", "ZZZ"), ("--country", "XQ")])
def test_unknown_country_code_exits_2_with_a_message(capsys, args):
    code, _out, err = run(capsys, *args)
    assert code == 2
    assert "Unknown country" in err and "Traceback" not in err


@pytest.mark.parametrize("name", ["Morocco", "morocco", "摩洛哥", "Maroc", "MA", "mar", "Marokko"])
def test_a_country_is_taken_by_name_as_the_search_box_takes_it(capsys, name):
    code, out, _ = run(capsys, "carriers", name)
    if name == "Marokko":  # German: neither Morocco's English, Chinese nor own name: refused as usual
        assert code == 2
        return
    assert code == 0 and "Morocco (MA)" in out


def test_a_name_that_several_countries_share_is_refused(capsys):
    code, _, err = run(capsys, "carriers", "Guinea-")
    assert code == 2 and "names more than one country" in err
    assert "GW Guinea-Bissau" in err and "GQ Equatorial Guinea" in err  # which, to pick the code
    code, _, err = run(capsys, "--lang", "zh", "carriers", "刚果")
    assert code == 2 and "CG 刚果（布）；CD 刚果（金）" in err


def test_plans_text_prints_prices_as_compare_does(capsys):
    # "2700 JPY" in plans but "2,700 JPY" in compare; a price of a million read "1e+06"
    _, out, _ = run(capsys, "plans", "JP", "--json")
    prices = {p["price"] for p in json.loads(out)["plans"] if p["price"] and p["price"] >= 1000 and p["currency"] == "JPY"}
    assert prices
    code, out, _ = run(capsys, "plans", "JP")
    assert code == 0
    for price in prices:
        assert f"{price:,.0f} JPY" in out
