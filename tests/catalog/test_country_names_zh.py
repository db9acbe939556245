"""Chinese names as a traveller from the mainland types them: the CLDR standard
name, the everyday short name, or its pinyin, each finds the country first."""

import pytest

from esim_ready.catalog import countries

TYPED = [
    # standard names pycountry's Chinese had wrong
    ("柬埔寨", "KH"), ("马耳他", "MT"), ("危地马拉", "GT"), ("吉尔吉斯斯坦", "KG"), ("法属波利尼西亚", "PF"),
    ("特立尼达和多巴哥", "TT"), ("南乔治亚和南桑威奇群岛", "GS"), ("韩国", "KR"), ("朝鲜", "KP"), ("老挝", "LA"),
    ("伊朗", "IR"), ("叙利亚", "SY"), ("摩尔多瓦", "MD"), ("委内瑞拉", "VE"), ("玻利维亚", "BO"),
    # everyday short names
    ("印尼", "ID"), ("澳洲", "AU"), ("波黑", "BA"), ("阿联酋", "AE"), ("迪拜", "AE"), ("新西兰", "NZ"),
    ("纽西兰", "NZ"), ("英国", "GB"), ("英格兰", "GB"), ("南韩", "KR"), ("北韩", "KP"), ("缅甸", "MM"),
    ("泰国", "TH"), ("捷克", "CZ"), ("沙特", "SA"), ("沙特阿拉伯", "SA"), ("梵蒂冈", "VA"), ("美国", "US"),
    ("香港", "HK"), ("中国香港", "HK"), ("澳门", "MO"), ("中国澳门", "MO"), ("台湾", "TW"), ("中国台湾", "TW"),
    ("大马", "MY"), ("马来西亚", "MY"), ("新加坡", "SG"), ("越南", "VN"), ("菲律宾", "PH"), ("日本", "JP"),
    ("刚果金", "CD"), ("刚果布", "CG"), ("象牙海岸", "CI"), ("巴勒斯坦", "PS"), ("马其顿", "MK"),
    ("斯里兰卡", "LK"), ("马尔代夫", "MV"), ("尼泊尔", "NP"), ("孟加拉", "BD"), ("俄罗斯", "RU"), ("土耳其", "TR"),
    ("荷兰", "NL"), ("瑞士", "CH"), ("希腊", "GR"), ("葡萄牙", "PT"), ("墨西哥", "MX"), ("哈萨克斯坦", "KZ"),
    ("埃及", "EG"), ("摩洛哥", "MA"), ("挪威", "NO"), ("加拿大", "CA"), ("古巴", "CU"), ("哥伦比亚", "CO"),
    # the place, not the country, as travellers name where they go
    ("马代", "MV"), ("努美阿", "NC"), ("哈瓦那", "CU"), ("马拉喀什", "MA"), ("卡萨布兰卡", "MA"), ("奥斯陆", "NO"),
    ("波哥大", "CO"), ("伊斯坦布尔", "TR"), ("吴哥窟", "KH"), ("暹粒", "KH"), ("芽庄", "VN"), ("东京", "JP"),
    ("北海道", "JP"), ("曼谷", "TH"), ("首尔", "KR"), ("开罗", "EG"), ("Havana", "CU"), ("Tromso", "NO"),
    ("Noumea", "NC"), ("Marrakech", "MA"), ("Bogota", "CO"),
    # pinyin of those names, full or initials
    ("jianpuzhai", "KH"), ("yinni", "ID"), ("aozhou", "AU"), ("bohei", "BA"), ("alianqiu", "AE"),
    ("xinxilan", "NZ"), ("xianggang", "HK"), ("aomen", "MO"), ("taiguo", "TH"), ("mlxy", "MY"),
    ("madai", "MV"), ("hawana", "CU"), ("dongjing", "JP"),
    # the initials of a Chinese name rank above English names that merely contain the letters
    ("rb", "JP"), ("fg", "FR"), ("yn", "ID"), ("xl", "GR"), ("els", "RU"),
]


@pytest.mark.parametrize(("typed", "code"), TYPED)
def test_a_chinese_name_as_typed_finds_the_country_first(typed, code):
    found = countries.search(typed)
    assert found and found[0].alpha2 == code, [c.alpha2 for c in found[:5]]


def test_a_citys_initials_do_not_crowd_out_a_countrys():
    # 曼谷 (Bangkok) is "mangu": "mg" is 美国 and 蒙古 (and Madagascar's code), not Thailand
    assert "TH" not in [c.alpha2 for c in countries.search("mg")]
    assert countries.search("mangu")[0].alpha2 == "TH"


def test_the_shown_chinese_names_are_cldrs_not_pycountrys_typos():
    names = {c.alpha2: c.name_zh for c in countries.all_countries()}
    assert names["KH"] == "柬埔寨" and names["MT"] == "马耳他" and names["KG"] == "吉尔吉斯斯坦"
    assert "柬埔塞" not in countries.search("柬埔")[0].names
