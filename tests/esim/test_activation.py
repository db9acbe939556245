"""Activation codes (GSMA SGP.22 4.1): well-formed ones give their parts, broken ones say
which part is wrong and why, and the matching ID never shows unless asked."""

from __future__ import annotations

import pytest

from esim_ready.esim.activation import InvalidActivationCode, check, looks_like_code, parse, short_code
from esim_ready.esim.secret import MASK, Secret
from esim_ready.esim.words import problem_text
from esim_ready.i18n import set_language

GOOD = "LPA:1$rsp.example.com$K2-LM3N4P5Q-R6S7T"


def errors(text: str) -> list[tuple[str, str]]:
    return [(p.field, short_code(p)) for p in check(text).errors]


@pytest.mark.parametrize(
    ("text", "address", "oid", "needs_cc"),
    [
        (GOOD, "rsp.example.com", None, False),
        ("1$rsp.example.com$K2-LM3N4P5Q-R6S7T", "rsp.example.com", None, False),  # LPA: is optional
        ("lpa:1$SMDP.GSMA.COM$04386-AGYFT-A74Y8-3F815", "SMDP.GSMA.COM", None, False),  # any case
        ("LPA:1$smdp.example.com$ABC$1.3.6.1.4.1.31746", "smdp.example.com", "1.3.6.1.4.1.31746", False),  # OID, no flag
        ("LPA:1$smdp.example.com$ABC$1.3.6.1.4.1.31746$1", "smdp.example.com", "1.3.6.1.4.1.31746", True),
        ("LPA:1$smdp.example.com$ABC$$1", "smdp.example.com", None, True),  # flag with an empty OID
        ("  LPA:1$smdp.example.com$abc-def\n", "smdp.example.com", None, False),  # pasted with a newline
    ],
)
def test_well_formed_codes_give_their_parts(text: str, address: str, oid: str | None, needs_cc: bool) -> None:
    code = parse(text)
    assert (code.address, code.oid, code.confirmation_required) == (address, oid, needs_cc)
    assert parse(code.text) == code  # the canonical form reads back the same
    assert code.text.startswith("LPA:1$")


def test_the_matching_id_is_a_secret_that_masks_itself() -> None:
    code = parse(GOOD)
    assert code.matching_id.reveal() == "K2-LM3N4P5Q-R6S7T"
    for shown in (str(code), repr(code), f"{code}", code.masked, str(code.matching_id), f"{code.matching_id}"):
        assert "K2-LM3N4P5Q" not in shown
    assert code.masked == f"LPA:1$rsp.example.com${MASK}"
    assert repr(Secret("1234")) == f"Secret({MASK!r})" and not Secret("")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", [("code", "empty")]),
        ("K2-LM3N4P5Q-R6S7T", [("code", "no_delimiter")]),
        ("LPA:1$rsp.example.com", [("matching_id", "missing")]),
        ("LPA:$rsp.example.com$ABC", [("version", "empty")]),
        ("LPA:2$rsp.example.com$ABC", [("version", "unknown")]),
        ("LPA:1$$ABC", [("address", "empty")]),
        ("LPA:1$https://rsp.example.com$ABC", [("address", "scheme")]),
        ("LPA:1$rsp.example.com:443$ABC", [("address", "port")]),
        ("LPA:1$rsp.example.com/x$ABC", [("address", "path")]),
        ("LPA:1$rsp .example.com$ABC", [("address", "space")]),
        ("LPA:1$localhost$ABC", [("address", "one_label")]),
        ("LPA:1$rsp..example.com$ABC", [("address", "empty_label")]),
        ("LPA:1$rsp_1.example.com$ABC", [("address", "chars")]),
        ("LPA:1$-rsp.example.com$ABC", [("address", "hyphen")]),
        ("LPA:1$10.0.0.1$ABC", [("address", "ip")]),
        ("LPA:1$rsp.example.com$K2 LM3N", [("matching_id", "space")]),
        ("LPA:1$rsp.example.com$K2_LM3N", [("matching_id", "chars")]),
        ("LPA:1$rsp.example.com$ABC$1", [("oid", "looks_like_flag")]),  # a flag with no OID
        ("LPA:1$rsp.example.com$ABC$123456", [("oid", "no_dots")]),  # a confirmation code tacked on
        ("LPA:1$rsp.example.com$ABC$1.03.6", [("oid", "form")]),
        ("LPA:1$rsp.example.com$ABC$1.3.6.1$yes", [("flag", "value")]),
        ("LPA:1$rsp.example.com$ABC$$1$\x1b]0;pwned\x07", [("code", "unprintable")]),  # escapes never pass
        ("LPA:1$rsp.example.com$AB\u202eC", [("code", "unprintable")]),  # nor bidi controls
        ("LPA:3$$A B$1", [("version", "unknown"), ("address", "empty"), ("matching_id", "space"), ("oid", "looks_like_flag")]),
    ],
)
def test_malformed_codes_name_every_wrong_part(text: str, expected: list[tuple[str, str]]) -> None:
    assert errors(text) == expected
    with pytest.raises(InvalidActivationCode):
        parse(text)


def test_an_empty_matching_id_or_a_zero_flag_is_a_warning_not_an_error() -> None:
    checked = check("LPA:1$rsp.example.com$$$0")
    assert checked.ok
    assert [(p.field, short_code(p)) for p in checked.warnings] == [("matching_id", "empty"), ("flag", "zero")]


def test_a_setup_link_around_the_code_is_read_as_the_code() -> None:
    link = "https://esimsetup.apple.com/esim_qrcode_provisioning?carddata=LPA:1$rsp.example.com$ABC-1"
    assert parse(link).address == "rsp.example.com"
    assert looks_like_code(link) and looks_like_code("1$x$y") and not looks_like_code("https://example.com")


def test_problems_never_repeat_the_matching_id_and_read_well_in_both_languages() -> None:
    checked = check("LPA:1$rsp.example.com$SECRET9ID LEAK$12")
    try:
        for language in ("en", "zh"):
            set_language(language)
            texts = [problem_text(p) for p in checked.errors]
            assert len(texts) == 2
            assert not any("SECRET9ID" in text or "LEAK" in text for text in texts)
        set_language("en")
        assert problem_text(checked.errors[0]).startswith("part 3 (matching ID): has a space at character 10")
        set_language("zh")
        assert problem_text(checked.errors[1]).startswith("第 4 段（SM-DP+ OID）")
    finally:
        set_language("en")


def test_a_code_copied_across_two_lines_is_told_where_the_break_is() -> None:
    assert errors("LPA:1$rsp.example.com$K2-LM3N\n4P5Q") == [("matching_id", "space")]


@pytest.mark.parametrize("typed", [
    "LPA:1$rsp.\u200bexample.com$K2-\u200bABC-\u200bDEF",  # zero-width spaces from an HTML mail, pasted along
    "\ufeffLPA:1$rsp.example.com$K2-ABC-DEF\u00a0",  # a byte-order mark, a no-break space at the end
    "LPA：1￥rsp。example。com￥K2-ABC-DEF",  # a Chinese input method in Chinese-punctuation mode
    "ＬＰＡ：１＄ｒｓｐ．ｅｘａｍｐｌｅ．ｃｏｍ＄Ｋ２－ＡＢＣ－ＤＥＦ",  # full-width mode
])
def test_a_code_typed_or_pasted_as_people_do_is_the_code(typed: str) -> None:
    checked = check(typed)
    assert checked.errors == () and checked.code is not None
    assert checked.code.text == "LPA:1$rsp.example.com$K2-ABC-DEF"


def test_a_bidi_control_inside_a_code_is_still_refused() -> None:
    checked = check("LPA:1$rsp.example.com$K2\u202eFED")
    assert checked.code is None and checked.errors[0].code == "code.code_unprintable"
