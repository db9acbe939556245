"""EIDs and ICCIDs: the chip's and the profile's numbers, checked without files.

EID (eUICC identifier): exactly 32 decimal digits whose last two are check digits
per ISO/IEC 7064 MOD 97-10 (the whole number modulo 97 is 1), as GSMA SGP.29
section 10 defines it and SGP.02/SGP.22 inherit it (read on euicc.tech's
"SGP.29 EID format" article and Infineon's optiga-connect-iot wiki "What is the
EID"). The check itself is python-stdnum's `iso7064.mod_97_10`.

ICCID country: ITU-T E.118 puts the major industry identifier 89 first, then the
country's E.164 calling code of 1 to 3 digits (owiki.org/wiki/E.118; Infineon's
wiki "What is the ICCID?"). Calling codes are prefix-free, so at most one of the
three lengths is an assigned code; phonenumbers names its region(s). Issuers do
not all follow this (some North American cards carry "01" or a mobile country
code), so the result is a hint ("by its number"), never a check.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from esim_ready.problems import Problem

EID_LENGTH = 32
ICCID_PREFIX = "89"  # ISO/IEC 7812 major industry identifier: telecommunications


def normalise_eid(text: str) -> str:
    """The EID without the spaces and dashes people copy with it."""
    return "".join(text.split()).replace("-", "")


def check_eid(eid: str, field: str = "eid") -> Problem | None:
    """What is wrong with an EID (already normalised), or None: code `code.eid_not_digits`,
    `code.eid_length` or `code.eid_check_digits`, its `n` the number of characters."""
    from stdnum.iso7064 import mod_97_10

    if not eid.isascii() or not eid.isdigit():
        code = "code.eid_not_digits"
    elif len(eid) != EID_LENGTH:
        code = "code.eid_length"
    elif not mod_97_10.is_valid(eid):
        code = "code.eid_check_digits"
    else:
        return None
    return Problem(code, field, args={"n": len(eid)})


def eid_check_digits(first30: str) -> str:
    """The two check digits that complete 30 digits into an EID (98 - n*100 mod 97)."""
    from stdnum.iso7064 import mod_97_10

    return mod_97_10.calc_check_digits(first30)


@dataclass(frozen=True)
class IccidCountry:
    calling_code: int
    regions: tuple[str, ...]  # ISO 3166-1 alpha-2, the main one first; empty for 882/883 and the like


@lru_cache(maxsize=256)
def iccid_country(iccid: str) -> IccidCountry | None:
    """The country an ICCID's prefix names (E.118: 89 + E.164 calling code), or None."""
    import phonenumbers

    if not iccid.startswith(ICCID_PREFIX) or not iccid.isdigit():
        return None
    rest = iccid[len(ICCID_PREFIX) :]
    for size in (1, 2, 3):
        code = int(rest[:size]) if len(rest) >= size else 0
        if code <= 0 or str(code) != rest[:size]:
            continue
        regions = phonenumbers.region_codes_for_country_code(code)
        if not regions:
            continue
        main = phonenumbers.region_code_for_country_code(code)
        named = tuple(r for r in regions if r != "001")
        ordered = tuple(dict.fromkeys(([main] if main in named else []) + list(named)))
        return IccidCountry(code, ordered)
    return None
