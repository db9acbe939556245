import pytest

from esim_ready.catalog import countries
from esim_ready.errors import UnknownCountry


def test_every_iso_country_has_english_and_chinese_names():
    all_ = countries.all_countries()
    assert len(all_) == 249
    assert len({c.alpha2 for c in all_}) == 249
    for c in all_:
        assert c.name_en and c.name_zh
        # the Chinese name is really Chinese (at least one CJK character)
        assert any("\u4e00" <= ch <= "\u9fff" for ch in c.name_zh), c


@pytest.mark.parametrize(
    ("query", "expected_first"),
    [
        ("cote", "CI"),  # accents ignored
        ("CÔTE", "CI"),
        ("摩洛", "MA"),  # Chinese
        ("ma", "MA"),  # alpha-2 beats names starting with "ma"
        ("mar", "MA"),  # alpha-3, any case
        ("norway", "NO"),
        ("挪威", "NO"),
        ("uk", "GB"),  # everyday alias
        ("韩国", "KR"),
        ("turkey", "TR"),
    ],
)
def test_search_finds_the_country_first(query, expected_first):
    assert countries.search(query)[0].alpha2 == expected_first


def test_search_matches_inside_names_after_prefix_matches():
    found = [c.alpha2 for c in countries.search("guinea")]
    assert found[0] == "GN"  # "Guinea" itself starts with the query
    assert {"GQ", "GW", "PG"} <= set(found)  # Equatorial Guinea, Guinea-Bissau, Papua New Guinea


def test_empty_search_lists_everything_and_nonsense_lists_nothing():
    assert len(countries.search("")) == 249
    assert countries.search("zzqx") == []


def test_get_accepts_both_codes_and_rejects_unknown_with_a_clear_message():
    assert countries.get("ma").alpha2 == "MA"
    assert countries.get("MAR").alpha2 == "MA"
    with pytest.raises(UnknownCountry) as info:
        countries.get("XQ")
    assert "XQ" in str(info.value) and "ISO 3166-1" in str(info.value)


def test_shipped_country_names_are_what_pycountry_and_babel_say():
    import importlib.util
    import json
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location("build_countries", root / "scripts" / "build_countries.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    shipped = json.loads((root / "data" / "countries.json").read_text("utf-8"))
    built = module.build()
    assert shipped["countries"] == built["countries"]  # names, codes, pinyin and order
    assert shipped["currencies"] == built["currencies"]  # ISO 4217, for checking prices
    assert "Babel" in shipped["source"] and "CLDR" in shipped["source"]
    names = json.loads((root / "data" / "currency_names.json").read_text("utf-8"))
    assert names == module.build_currency_names()  # CLDR's currency names, as typed


@pytest.mark.parametrize(("typed", "code"), [
    ("cny", "CNY"), ("ＣＮＹ", "CNY"), (" rmb ", "CNY"), ("人民币", "CNY"), ("美元", "USD"), ("欧元", "EUR"),
    ("日元", "JPY"), ("港币", "HKD"), ("港元", "HKD"), ("澳门币", "MOP"), ("新台币", "TWD"), ("韩元", "KRW"),
    ("泰铢", "THB"), ("摩洛哥迪拉姆", "MAD"), ("挪威克朗", "NOK"), ("US Dollar", "USD"), ("euro", "EUR"), ("€", "EUR"),
    ("Norwegian Krone", "NOK"),
])
def test_a_currency_is_taken_as_people_write_it(typed, code):
    from esim_ready.catalog.country_files import typed_currency

    assert typed_currency(typed) == code


@pytest.mark.parametrize("typed", ["块", "元", "¥", "$", "dollar", "XYZ"])
def test_an_ambiguous_or_unknown_currency_stays_unknown(typed):
    from esim_ready.catalog.country_files import currency_codes, typed_currency

    assert typed_currency(typed) not in currency_codes()


@pytest.mark.parametrize(("query", "expected"), [("moluo", "MA"), ("moluoge", "MA"), ("mlg", "MA"), ("hanguo", "KR"), ("nuowei", "NO"), ("mo luo ge", "MA"), ("mó luò gē", "MA"), ("Nuo Wei", "NO")])
def test_pinyin_finds_the_chinese_name(query, expected):
    assert expected in [c.alpha2 for c in countries.search(query)][:3]


def test_pinyin_never_outranks_an_english_name():
    found = countries.search("mal")
    english = [c for c in found if c.name_en.casefold().startswith("mal")]
    assert len(english) >= 4
    assert found[: len(english)] == english


@pytest.mark.parametrize(
    ("typed", "code"),
    [("Maroc", "MA"), ("Norge", "NO"), ("Nouvelle-Calédonie", "NC"), ("nouvelle caledonie", "NC"),
     ("Schweiz", "CH"), ("Svizzera", "CH"), ("Việt Nam", "VN"), ("Deutschland", "DE"), ("España", "ES"),
     ("Ελλάδα", "GR"), ("Nouvelle", "NC"), ("한국", "KR"), ("ประเทศไทย", "TH")],
)
def test_the_countrys_own_name_finds_it_first(typed, code):
    # what a traveller copies from a local page, a ticket or a SIM pack
    assert countries.search(typed)[0].alpha2 == code


def test_a_local_name_never_outranks_an_english_or_chinese_one():
    # "ma" is Macao, Madagascar, Malawi... before Magyarország (Hungary's own name)
    found = [c.alpha2 for c in countries.search("ma")]
    assert found.index("HU") > found.index("MY") > found.index("MO")


def test_a_local_name_is_taken_where_a_country_is_named():
    assert countries.get("Maroc").alpha2 == "MA"
    assert countries.get("Norge").alpha2 == "NO"


def test_in_chinese_the_list_is_in_pinyin_order_as_mainland_lists_are():
    names = [c.name_zh for c in countries.in_order("zh")]
    assert names[:3] == ["阿尔巴尼亚", "阿尔及利亚", "阿富汗"]  # a'erbaniya < a'erjiliya < afuhan
    assert names.index("中国") > names.index("智利") > names.index("阿根廷")
    assert [c.name_en for c in countries.in_order("en")][:2] == ["Afghanistan", "Åland Islands"]


def test_a_chinese_search_lists_its_matches_in_pinyin_order():
    # exact, then starting with it, then containing it; within each, pinyin order
    # (babuyaxinjineiya before chidaojineiya; in English Equatorial Guinea comes first)
    assert [c.name_zh for c in countries.search("几内亚", "zh")] == ["几内亚", "几内亚比绍", "巴布亚新几内亚", "赤道几内亚"]
    assert [c.alpha2 for c in countries.search("几内亚")] == ["GN", "GW", "GQ", "PG"]


@pytest.mark.parametrize(("typed", "code"), [("Hongkong", "HK"), ("HongKong", "HK"), ("newzealand", "NZ"), ("southkorea", "KR")])
def test_a_name_typed_without_its_spaces_finds_the_country(typed, code):
    assert countries.search(typed)[0].alpha2 == code
    assert countries.get(typed).alpha2 == code  # the command line takes it too


@pytest.mark.parametrize(("typed", "code"), [("Bali", "ID"), ("巴厘岛", "ID"), ("Phuket", "TH"), ("普吉岛", "TH"),
                                           ("济州岛", "KR"), ("Saipan", "MP"), ("大溪地", "PF"), ("沙巴", "MY")])
def test_a_destination_a_traveller_names_finds_its_country_first(typed, code):
    # "Bali" once opened Bahrain (pinyin "balin")
    assert countries.search(typed)[0].alpha2 == code


@pytest.mark.parametrize(("text", "code", "several"), [
    ("刚果", None, {"CG", "CD"}), ("CD", "CD", set()), ("nor", "NO", set()), ("中国", "CN", set()), ("", None, set()),
    ("zzzz", None, set()),
])
def test_a_form_field_takes_a_country_and_never_picks_one_of_two(text, code, several):
    found, which = countries.typed(text, "zh")
    assert (found.alpha2 if found else None, {c.alpha2 for c in which}) == (code, several)
