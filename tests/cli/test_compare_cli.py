"""`compare`: every kind of offer with the trip's cost, cheapest first; JSON; bad input exits 2."""

import json

import pytest

from esim_ready.cli import main

USER_NO = """\
country = "NO"

[[offers]]
id = "seen-at-airport"
kind = "travel-esim"
seller = "Kiosk eSIM"
name = "Norway 5 GB"
data_gb = 5
validity_days = 30
price = 100
currency = "NOK"
source = "my receipt"
as_of = "2026-11-01"

[[offers]]
id = "daily"
kind = "travel-esim"
seller = "DayCo"
name = "Day pass 1 GB"
billing = "day"
data_gb = 1
price = 2
currency = "USD"
source = "my receipt"
as_of = "2026-11-01"

[[offers]]
id = "unpriced"
kind = "local"
seller = "Somebody"
name = "Unknown price"
data_gb = 5
validity_days = 30
source = "my receipt"
as_of = "2026-11-01"
"""


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def with_offers(config_dir):
    folder = config_dir / "data"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "NO.toml").write_text(USER_NO, "utf-8")
    from esim_ready.catalog import curated

    curated.set_user_data_dir(folder)


def test_compare_json_ranks_cheapest_first_with_the_arithmetic(capsys, config_dir):
    with_offers(config_dir)
    code, out, _ = run(capsys, "compare", "NOR", "--days", "7", "--gb", "10", "--currency", "eur", "--json")
    assert code == 0
    doc = json.loads(out)
    assert (doc["country"], doc["days"], doc["gb"], doc["home_currency"]) == ("NO", 7, 10, "EUR")
    mine = [o for o in doc["offers"] if o["offer"]["origin"] == "user"]
    kiosk = next(o for o in mine if o["offer"]["id"] == "seen-at-airport")
    assert kiosk["units"] == 2 and kiosk["total"] == 200 and kiosk["currency"] == "NOK"
    assert kiosk["arithmetic"].startswith("2 × 5 GB pack (30 days), 100 NOK each = 200 NOK ≈ ")
    assert kiosk["rates"][0]["as_of"]  # the rate's date is always there
    daily = next(o for o in mine if o["offer"]["id"] == "daily")
    assert daily["covers"] is False and daily["reason"] == "too_little_per_day"
    unpriced = next(o for o in mine if o["offer"]["id"] == "unpriced")
    assert unpriced["reason"] == "no_price"
    covered = [o for o in doc["offers"] if o["covers"] and o["home_total"] is not None]
    current = [o["home_total"] for o in covered if not o["ranked_after_newer"]]
    old = [o["home_total"] for o in covered if o["ranked_after_newer"]]
    assert current == sorted(current) and old == sorted(old)  # pages over 3 years old after the rest
    assert covered == [o for o in covered if not o["ranked_after_newer"]] + [o for o in covered if o["ranked_after_newer"]]
    assert doc["offers"][-1]["covers"] is False


def test_compare_text_shows_kinds_and_sources(capsys, config_dir):
    with_offers(config_dir)
    code, out, _ = run(capsys, "compare", "NO", "--days", "3", "--gb-per-day", "0.5")
    assert code == 0
    assert "Norway (NO): 3 days, 1.5 GB in all" in out
    assert "travel eSIM" in out and "Kiosk eSIM" in out and "[my receipt]" in out
    assert "1 × 5 GB pack (30 days), 100 NOK each = 100 NOK ≈ " in out


def test_compare_refuses_bad_input_with_status_2(capsys):
    assert run(capsys, "compare", "XX")[0] == 2
    code, _, err = run(capsys, "compare", "NO", "--days", "0")
    assert code == 2 and "--days" in err and "Traceback" not in err
    code, _, err = run(capsys, "compare", "NO", "--gb", "nan")
    assert code == 2 and "GB" in err
    code, _, err = run(capsys, "compare", "NO", "--currency", "ABC")
    assert code == 2 and "ABC" in err


def test_a_number_option_that_is_no_number_says_so_in_the_users_words(capsys):
    # argparse said "参数 --gb：无效的 float 值：'abc'": Python's word for a number
    with pytest.raises(SystemExit) as refused:
        run(capsys, "compare", "NO", "--gb", "abc", "--lang", "zh")
    err = capsys.readouterr().err
    assert refused.value.code == 2 and "参数 --gb：不是数字：abc" in err and "float" not in err
    code, out, _ = run(capsys, "compare", "NO", "--days", "７", "--gb", "1。5", "--json")  # a Chinese input method
    assert code == 0 and (json.loads(out)["days"], json.loads(out)["gb"]) == (7, 1.5)


def test_countries_json_counts_offers_zero_where_none(capsys, config_dir):
    with_offers(config_dir)
    code, out, _ = run(capsys, "countries", "--json")
    counts = {c["alpha2"]: c["offers"] for c in json.loads(out)["countries"]}
    assert code == 0 and len(counts) == 249
    assert counts["NO"] >= 3 and counts["AQ"] == 0


def test_a_one_day_trip_says_one_day(capsys):
    assert main(["compare", "MA", "--days", "1", "--gb", "1"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert "1 day, 1 GB in all" in first and "1 days" not in first


def test_your_offer_is_starred_and_a_source_saved_in_chinese_reads_in_english(capsys, config_dir):
    # an offer added in the Chinese app saves the form's default source "本人所见"
    with_offers(config_dir)
    path = config_dir / "data" / "NO.toml"
    path.write_text(path.read_text("utf-8").replace('source = "my receipt"', 'source = "本人所见"', 1), "utf-8")
    code, out, _ = run(capsys, "compare", "NO", "--days", "3", "--gb", "1")
    assert code == 0
    assert "★ Kiosk" in out  # yours, as the app marks it
    assert "[seen by me]" in out and "本人所见" not in out
    code, out, _ = run(capsys, "--lang", "zh", "compare", "NO", "--days", "3", "--gb", "1")
    assert "[本人所见]" in out


def test_a_broken_file_of_yours_is_named_on_stderr_and_the_rest_still_shows(capsys, config_dir):
    # the app shows a skipped data file as a notice; the command line said nothing,
    # so the user's own offer simply vanished from the table
    with_offers(config_dir)
    (config_dir / "data" / "NO.toml").write_text(USER_NO.replace("price = 100", "price = nan"), "utf-8")
    code, out, err = run(capsys, "compare", "NO", "--days", "3", "--gb", "1")
    assert code == 0
    assert "Saily" in out  # the shipped offers still compare
    assert "Kiosk eSIM" not in out
    assert "NO.toml" in err and "skipped" in err
    code, out, err = run(capsys, "--lang", "zh", "compare", "NO", "--days", "3", "--gb", "1")
    assert "NO.toml" in err and "跳过" in err


def test_a_command_that_opens_no_country_does_not_report_your_data_files(capsys, config_dir):
    with_offers(config_dir)
    (config_dir / "data" / "NO.toml").write_text("not toml [", "utf-8")
    code, _, err = run(capsys, "trips")
    assert code == 0 and "NO.toml" not in err
    code, _, err = run(capsys, "countries", "--json")  # counts your offers too: says why NO's is missing
    assert code == 0 and "NO.toml" in err


def test_a_promotion_whose_sale_has_ended_is_marked_and_ranked_last(capsys, config_dir):
    with_offers(config_dir)
    path = config_dir / "data" / "NO.toml"
    ended = USER_NO.replace('name = "Norway 5 GB"\n', 'name = "Norway 5 GB"\nsold_until = "2026-01-17"\n')
    path.write_text(ended.replace("price = 100", "price = 1"), "utf-8")  # the cheapest by far
    code, out, _ = run(capsys, "compare", "NO", "--days", "3", "--gb", "1", "--json")
    offers = json.loads(out)["offers"]
    kiosk = next(i for i, o in enumerate(offers) if o["offer"]["seller"] == "Kiosk eSIM")
    assert offers[kiosk]["sale_ended"] and offers[kiosk]["offer"]["sold_until"] == "2026-01-17"
    assert all(o["sale_ended"] or not o["covers"] for o in offers[kiosk:])  # after every one on sale
    code, out, _ = run(capsys, "compare", "NO", "--days", "3", "--gb", "1")
    assert "ended: Norway 5 GB" in out and "sold until 2026-01-17" in out
    path.write_text(ended.replace('"2026-01-17"', '"soon"'), "utf-8")
    code, out, err = run(capsys, "compare", "NO", "--days", "3", "--gb", "1")
    assert code == 0 and "Kiosk eSIM" not in out
    assert "sold_until" in err and "YYYY-MM" in err  # the file is skipped, and says why


def test_rmb_is_the_yuan_on_the_command_line(capsys):
    code, out, _ = run(capsys, "compare", "NO", "--days", "3", "--gb", "1", "--currency", "RMB", "--json")
    assert code == 0 and json.loads(out)["home_currency"] == "CNY"


@pytest.mark.parametrize(("typed", "code"), [("人民币", "CNY"), ("美元", "USD"), ("Euro", "EUR"), ("港币", "HKD")])
def test_a_currency_named_in_words_is_taken(capsys, typed, code):
    status, out, _ = run(capsys, "compare", "NO", "--days", "3", "--gb", "1", "--currency", typed, "--json")
    assert status == 0 and json.loads(out)["home_currency"] == code


def test_a_word_that_names_no_currency_is_refused(capsys):
    status, _, err = run(capsys, "compare", "NO", "--days", "3", "--gb", "1", "--currency", "块")
    assert status != 0 and "块" in err
