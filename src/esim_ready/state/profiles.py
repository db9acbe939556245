"""The eSIM profiles on the user's phone(s), kept in `config_dir()/profiles.toml`.

Domain: `Profile` (frozen), checked by `prepare(profile)` which normalises what
it can (phone number to E.164, ICCID without spaces, country upper-case) and
returns a `Report` of errors (refusals) and warnings (e.g. a failed ICCID Luhn
check digit), each tied to a field so a form can show it beside that field.

Storage: `ProfileStore` saves every change at once through `DocumentFile`
(atomic write, 0600, `flock` + re-read before each write so two running
instances keep each other's changes; a damaged file is moved aside and listed
in `store.quarantined`). Each method is one change applied to the freshest file.

Secrets (activation code, confirmation code, PUK) live in the file but are
never in a `repr`, and `mask_secret` is what a screen shows until asked.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from esim_ready.errors import Refused, UserError, WouldLoseProgress
from esim_ready.limits import MAX_TEXT, MAX_YEAR, MIN_YEAR, date_in_range
from esim_ready.problems import Arg, Problem, ProblemError, shown_value
from esim_ready.state.keepalive import KeepAlive, check_keepalive
from esim_ready.state.keepalive import mark_done as keepalive_done
from esim_ready.state.paths import config_dir
from esim_ready.state.tomlfile import DocumentFile, Raw
from esim_ready.textsafe import encodable, has_controls

Role = Literal["data", "voice", "backup", "home"]
ProfileState = Literal["enabled", "disabled"]
DefaultKind = Literal["data", "voice"]

ROLES: tuple[str, ...] = ("data", "voice", "backup", "home")
STATES: tuple[str, ...] = ("enabled", "disabled")
PROFILE_CLASSES: tuple[str, ...] = ("operational", "test", "provisioning")
SECRET_FIELDS: tuple[str, ...] = ("activation_code", "confirmation_code", "puk")
NICKNAME_MAX_BYTES = 64  # SGP.22 profileNickname: UTF8String (SIZE(0..64)), counted in bytes
ICCID_MIN, ICCID_MAX = 18, 22
TEST_CLASS = "test"  # lpac's profileClass of test profiles: kept, never a number to keep alive
SCHEMA = 1
MIGRATIONS: dict[int, Callable[[Raw], Raw]] = {}  # n -> function turning schema n into n + 1
MASK = "••••••••"


def new_id() -> str:
    return uuid.uuid4().hex


@dataclass(frozen=True, kw_only=True)
class Profile:
    """One eSIM profile. Build it freely; `prepare` (or the store) checks it."""

    id: str = field(default_factory=new_id)
    nickname: str | None = None  # at most 64 bytes of UTF-8
    carrier: str | None = None  # free text, or the catalog carrier's name
    carrier_id: str | None = None  # the catalog carrier id, when picked from the catalog
    country: str | None = None  # ISO 3166-1 alpha-2
    number: str | None = None  # E.164 once prepared; `number_display` for screens
    iccid: str | None = None  # digits only, 18-22 long
    role: Role | None = None
    state: ProfileState = "disabled"
    device: str | None = None
    eid: str | None = None  # the EID of the phone (eUICC) it is on: 32 digits
    plan: str | None = None
    expiry: date | None = None
    default_data: bool = False
    default_voice: bool = False  # default for voice calls and SMS
    provider_name: str | None = None  # from the chip (lpac serviceProviderName)
    profile_name: str | None = None  # from the chip (lpac profileName)
    profile_class: str | None = None  # from the chip: operational | test | provisioning
    isdp_aid: str | None = None  # from the chip (lpac isdpAid)
    keepalive: KeepAlive | None = None
    activation_code: str | None = field(default=None, repr=False)  # secret: LPA:1$...
    confirmation_code: str | None = field(default=None, repr=False)  # secret
    puk: str | None = field(default=None, repr=False)  # secret

    @property
    def display_name(self) -> str:
        return self.nickname or self.profile_name or self.provider_name or self.carrier or self.iccid or "(unnamed)"

    @property
    def is_test(self) -> bool:
        """A test profile (test cards report class "test"): shown apart, never kept alive."""
        return self.profile_class == TEST_CLASS

    @property
    def number_display(self) -> str:
        """The number in international format (e.g. '+47 406 12 345'), or ''."""
        return format_international(self.number) if self.number else ""


@dataclass(frozen=True)
class ChipProfile:
    """What an eSIM chip reports about one profile (e.g. via `lpac profile list`)."""

    iccid: str
    state: ProfileState
    nickname: str | None = None
    provider_name: str | None = None
    profile_name: str | None = None
    profile_class: str | None = None
    isdp_aid: str | None = None


# -- checking -------------------------------------------------------------------


def issue(field: str, code: str, /, **args: Arg) -> Problem:
    """A problem of one profile field. `code` names the message `profiles.issue_<code>`;
    a dotted one names another area's ("code.eid_length"), "problems.<code>" the shared
    ones ("problems.too_long")."""
    if code.startswith("problems."):
        code = code.removeprefix("problems.")
    elif "." not in code:
        code = f"profiles.issue_{code}"
    return Problem(code, field, args=args)


@dataclass(frozen=True)
class Report:
    errors: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors

    def for_field(self, name: str) -> list[Problem]:
        return [i for i in (*self.errors, *self.warnings) if i.field == name]


class ProfileInvalid(UserError):
    """A profile was refused; `report.errors` says why, field by field (worded when shown)."""

    def __init__(self, report: Report, imported: str | None = None) -> None:
        self.report = report
        self.imported = imported  # the name of the profile an import would have saved
        super().__init__("profile_not_saved")

    def __str__(self) -> str:
        from esim_ready.i18n import t

        lines = "\n".join(f"  - {issue.words()}" for issue in self.report.errors)
        if self.imported is not None:
            return f"{t('profiles.import_refused', name=self.imported)}\n{lines}"
        return f"{t('profiles.not_saved_because')}\n{lines}"


class LastDoneLater(Refused):
    """Marking a keep-alive done on a date before the one already recorded (never moved back silently)."""

    def __init__(self, name: str, last_done: date, when: date) -> None:
        self.last_done = last_done
        self.when = when
        super().__init__(
            Problem("keepalive_later", args={"name": name, "last": last_done.isoformat(), "when": when.isoformat()})
        )


class UndoTooLate(Refused):
    def __init__(self, name: str) -> None:
        super().__init__(Problem("keepalive_undo_too_late", args={"name": name}))


@dataclass(frozen=True)
class Done:
    """A keep-alive marked done: the profile as saved and the `last_done` it had before."""

    profile: Profile
    previous: date

    @property
    def when(self) -> date:
        assert self.profile.keepalive is not None
        return self.profile.keepalive.last_done


class ProfileNotFound(Refused):
    def __init__(self, profile_id: str) -> None:
        self.profile_id = profile_id
        super().__init__(Problem("profile_not_found", args={"id": profile_id}))


def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def check_iccid(iccid: str, field_name: str = "iccid") -> tuple[list[Problem], list[Problem]]:
    """(errors, warnings) for an ICCID that has already lost its spaces."""
    if not iccid.isascii() or not iccid.isdigit():
        return [issue(field_name, "iccid_not_digits", got=shown_value(iccid))], []
    if not ICCID_MIN <= len(iccid) <= ICCID_MAX:
        return [issue(field_name, "iccid_length", n=len(iccid))], []
    if not luhn_ok(iccid):
        return [], [issue(field_name, "iccid_luhn")]
    return [], []


def check_nickname(nickname: str) -> list[Problem]:
    size = len(nickname.encode("utf-8"))
    if size <= NICKNAME_MAX_BYTES:
        return []
    return [issue("nickname", "nickname_too_long", size=size, over=size - NICKNAME_MAX_BYTES)]


def parse_number(text: str, country: str | None) -> str:
    """`text` as E.164, read as a local number of `country` unless it starts with +.

    Raises ValueError when it is not a valid number (`prepare` words that, as the
    problem `invalid_number`, in the user's language).
    """
    import phonenumbers

    try:
        parsed = phonenumbers.parse(text, country.upper() if country else None)
    except phonenumbers.NumberParseException as exc:
        raise ValueError(text) from exc
    if not phonenumbers.is_valid_number(parsed):
        raise ValueError(text)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


@lru_cache(maxsize=256)
def example_number(country: str | None) -> str | None:
    """A mobile number of `country` as an example of its format (phonenumbers' own
    example, international format), or None for no country or none known."""
    import phonenumbers

    if not country:
        return None
    example = phonenumbers.example_number_for_type(country.upper(), phonenumbers.PhoneNumberType.MOBILE)
    if example is None:
        return None
    return phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


@lru_cache(maxsize=1024)
def format_international(e164: str) -> str:
    import phonenumbers

    try:
        parsed = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def _is_country(code: str) -> bool:
    from esim_ready.catalog import countries

    return len(code) == 2 and countries.find(code) is not None


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    text = text.strip()
    return text or None


def prepare(profile: Profile, others: Iterable[Profile] = ()) -> tuple[Profile, Report]:
    """`profile` normalised, and every error and warning about it.

    `others` are the other stored profiles (for the unique-ICCID check).
    """
    errors: list[Problem] = []
    warnings: list[Problem] = []
    changes: dict[str, Any] = {}
    for name in ("nickname", "carrier", "carrier_id", "device", "plan"):
        changes[name] = _clean(getattr(profile, name))
    for name in SECRET_FIELDS:
        changes[name] = _clean(getattr(profile, name))
    country = _clean(profile.country)
    if country is not None:
        country = country.upper()
        if not _is_country(country):
            errors.append(issue("country", "unknown_country", got=shown_value(country)))
    changes["country"] = country
    for name in (*_STR_FIELDS[1:], "number"):
        value = changes.get(name, getattr(profile, name))
        if isinstance(value, str):
            errors += text_issues(name, value)
    if profile.expiry is not None and isinstance(profile.expiry, date) and not date_in_range(profile.expiry):
        errors.append(out_of_range("expiry", profile.expiry))
    if any(i.field != "country" for i in errors):
        return replace(profile, **changes), Report(tuple(errors), tuple(warnings))
    if changes["nickname"] is not None:
        errors += check_nickname(changes["nickname"])
    number = _clean(profile.number)
    if number is not None:
        try:
            number = parse_number(number, country if country and not errors_for(errors, "country") else None)
        except ValueError:
            errors.append(issue("number", "invalid_number", got=shown_value(number)))
    changes["number"] = number
    iccid = _clean(profile.iccid)
    if iccid is not None:
        iccid = iccid.replace(" ", "").replace("-", "")
        e, w = check_iccid(iccid)
        errors += e
        warnings += w
        if not e and any(o.iccid == iccid and o.id != profile.id for o in others):
            errors.append(issue("iccid", "iccid_taken"))
    changes["iccid"] = iccid
    eid = _clean(profile.eid)
    if eid is not None:
        from esim_ready.esim.identifiers import check_eid, normalise_eid  # not for the launch's reading

        eid = normalise_eid(eid)
        problem = check_eid(eid)
        if problem is not None:
            errors.append(problem)
    changes["eid"] = eid
    if changes["activation_code"] is not None:
        code, e, w = check_activation_code(changes["activation_code"])
        errors += e
        warnings += w
        changes["activation_code"] = code
        if not e and not changes["confirmation_code"] and _needs_confirmation(code):
            warnings.append(issue("confirmation_code", "code.confirmation_missing"))
    for name, allowed in (("role", ROLES), ("state", STATES), ("profile_class", PROFILE_CLASSES)):
        value = getattr(profile, name)
        if (value is not None or name == "state") and value not in allowed:
            errors.append(issue(name, "invalid_choice", options=", ".join(allowed), got=shown_value(value)))
    if profile.expiry is not None and not isinstance(profile.expiry, date):
        errors.append(issue("expiry", "not_a_date"))
    if profile.keepalive is not None:
        errors += check_keepalive(profile.keepalive)
        last = profile.keepalive.last_done
        if isinstance(last, date) and last > date.today():  # a warning: a file saved so still loads
            warnings.append(issue("keepalive.last_done", "last_done_future", got=last.isoformat(),
                                  today=date.today().isoformat()))
    if not profile.id:
        errors.append(issue("id", "problems.missing"))
    return replace(profile, **changes), Report(tuple(errors), tuple(warnings))


def out_of_range(field: str, value: date) -> Problem:
    """A date outside the years the program takes (limits.MIN_YEAR..MAX_YEAR)."""
    return issue(field, "problems.date_out_of_range", min=MIN_YEAR, max=MAX_YEAR, got=value.isoformat())


def check_activation_code(text: str) -> tuple[str, list[Problem], list[Problem]]:
    """(the code in canonical form 'LPA:1$…', errors, warnings): one problem per problem of
    the code, its code `code.<part>_<problem>` (the words of esim_ready.esim.words), never the secret."""
    from esim_ready.esim.activation import check

    checked = check(text)

    def issues(problems: Iterable[Problem]) -> list[Problem]:
        return [replace(p, field="activation_code") for p in problems]

    canonical = checked.code.text if checked.code is not None else text
    return canonical, issues(checked.errors), issues(checked.warnings)


def _needs_confirmation(code: str) -> bool:
    from esim_ready.esim.activation import check

    checked = check(code)
    return checked.code is not None and checked.code.confirmation_required


def text_issues(name: str, value: str) -> list[Problem]:
    if not encodable(value):
        return [issue(name, "problems.not_unicode")]
    if len(value) > MAX_TEXT:
        return [issue(name, "problems.too_long", limit=MAX_TEXT)]
    if has_controls(value):
        return [issue(name, "problems.control_characters")]
    return []


def errors_for(issues: Iterable[Problem], name: str) -> list[Problem]:
    return [i for i in issues if i.field == name]


def mask_secret(secret: str | None) -> str:
    """What a screen shows instead of a secret: 'LPA:1$rsp.example.com$••••••••' for an
    activation code (the server is no secret, the matching ID is), '••••••••' or ''."""
    from esim_ready.esim.activation import check

    if not secret:
        return ""
    if secret.upper().startswith("LPA:1$"):
        checked = check(secret)
        return checked.code.masked if checked.code is not None else secret[:6] + MASK
    return MASK


# -- the raw (TOML) form ------------------------------------------------------------

_STR_FIELDS = (
    "id", "nickname", "carrier", "carrier_id", "country", "number", "iccid", "role", "state", "device",
    "eid", "plan", "provider_name", "profile_name", "profile_class", "isdp_aid", *SECRET_FIELDS,
)  # fmt: skip
_FIELD_ORDER = tuple(f.name for f in fields(Profile))
_KEEPALIVE_TYPES: dict[str, tuple[type, ...]] = {
    "action": (str,),
    "every_days": (int,),
    "every_months": (int,),
    "amount": (int, float),
    "currency": (str,),
    "last_done": (date,),
    "source": (str,),
}


def profile_to_dict(profile: Profile, *, include_secrets: bool = True) -> dict[str, Any]:
    """The TOML table of a profile: None and False left out, keys in field order."""
    out: dict[str, Any] = {}
    for name in _FIELD_ORDER:
        value = getattr(profile, name)
        if value is None or value is False or (name in SECRET_FIELDS and not include_secrets):
            continue
        if name == "keepalive":
            value = {k: getattr(value, k) for k in _KEEPALIVE_TYPES if getattr(value, k) is not None}
        out[name] = value
    return out


def profile_from_dict(
    raw: Mapping[str, Any], *, id_required: bool = True, partial: bool = False
) -> tuple[Profile | None, list[Problem]]:
    """A profile from its TOML table, or None and every structural problem.

    Checks keys, types and choices only; `prepare` checks the values. With
    `partial`, a profile of the fields that did decode is returned even when
    others did not (so an import can report the value problems of those too).
    """
    issues: list[Problem] = []
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key in _STR_FIELDS:
            if not isinstance(value, str):
                issues.append(issue(key, "problems.not_text", got=shown_value(value)))
            else:
                values[key] = value
        elif key == "expiry":
            if isinstance(value, date) and not hasattr(value, "hour"):
                values[key] = value
            else:
                issues.append(issue(key, "problems.not_date", got=shown_value(value)))
        elif key in ("default_data", "default_voice"):
            if isinstance(value, bool):
                values[key] = value
            else:
                issues.append(issue(key, "problems.not_bool", got=shown_value(value)))
        elif key == "keepalive":
            rule, rule_issues = _keepalive_from_dict(value)
            issues += rule_issues
            values[key] = rule
        else:
            issues.append(issue(key, "problems.unknown_field"))
    if id_required and "id" not in raw:
        issues.append(issue("id", "problems.missing"))
    for key, allowed in (("role", ROLES), ("state", STATES), ("profile_class", PROFILE_CLASSES)):
        value = values.get(key)
        if value is not None and value not in allowed:
            issues.append(issue(key, "invalid_choice", options=", ".join(allowed), got=shown_value(value)))
            del values[key]
    if issues and not partial:
        return None, issues
    if values.get("keepalive", False) is None:
        del values["keepalive"]
    return Profile(**values), issues


def _keepalive_from_dict(raw: Any) -> tuple[KeepAlive | None, list[Problem]]:
    if not isinstance(raw, Mapping):
        return None, [issue("keepalive", "problems.not_table", name="keepalive", got=shown_value(raw))]
    issues: list[Problem] = []
    values: dict[str, Any] = {}
    for key, value in raw.items():
        allowed = _KEEPALIVE_TYPES.get(key)
        if allowed is None:
            issues.append(issue(f"keepalive.{key}", "problems.unknown_field"))
        elif isinstance(value, bool) or not isinstance(value, allowed) or hasattr(value, "hour"):
            issues.append(issue(f"keepalive.{key}", "problems.wrong_type", got=shown_value(value)))
        else:
            values[key] = value
    for key in ("action", "last_done"):
        if key not in raw:
            issues.append(issue(f"keepalive.{key}", "problems.missing"))
    if issues:
        return None, issues
    rule = KeepAlive(**values)
    issues = check_keepalive(rule)
    return (None, issues) if issues else (rule, [])


# -- the store ------------------------------------------------------------------------


@dataclass(frozen=True)
class Saved:
    """A profile as saved, with the warnings the user should see."""

    profile: Profile
    warnings: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class LikelySame:
    """A profile the user typed by hand (no ICCID) and one just imported that is probably
    the same line: `reason` is "number" (the same number) or "carrier" (the chip's
    provider is the carrier typed, in a country the ICCID does not contradict)."""

    typed: Profile
    imported: Profile
    reason: str


def likely_same(profiles: Sequence[Profile], imported: Sequence[Profile]) -> tuple[LikelySame, ...]:
    """For each profile in `imported` (with an ICCID), the one profile of `profiles` typed by
    hand without an ICCID that is probably the same line; offered only when exactly one
    fits, and each typed profile once. Nothing is merged here: the user decides."""
    new_ids = {p.id for p in imported}
    typed = [p for p in profiles if not p.iccid and p.id not in new_ids and not p.is_test]
    out: list[LikelySame] = []
    used: set[str] = set()
    for new in imported:
        if not new.iccid or new.is_test:
            continue
        fits = [(p, reason) for p in typed if p.id not in used and (reason := _same_line(p, new))]
        if len(fits) == 1:
            match, reason = fits[0]
            used.add(match.id)
            out.append(LikelySame(match, new, reason))
    return tuple(out)


def _same_line(typed: Profile, new: Profile) -> str | None:
    if typed.number and new.number:
        return "number" if typed.number == new.number else None
    from esim_ready.catalog.curated import carrier_name_forms

    typed_names = carrier_name_forms(typed.carrier) if typed.carrier and typed.carrier.strip() else frozenset()
    names = {n.strip().casefold() for n in (new.provider_name, new.carrier) if n and n.strip()}
    if not any(_same_name(mine, name) for mine in typed_names for name in names):  # 中国移动 = China Mobile
        return None
    return None if _iccid_regions_against(typed, new) else "carrier"


def _iccid_regions_against(typed: Profile, chip: Profile) -> tuple[str, ...]:
    """The regions the chip's ICCID belongs to when the country typed is not one of them, else ()."""
    from esim_ready.esim.identifiers import iccid_country

    found = iccid_country(chip.iccid or "")
    if typed.country and found is not None and found.regions and typed.country not in found.regions:
        return tuple(found.regions)
    return ()


def merge_conflict(typed: Profile, chip: Profile) -> Problem | None:
    """Why `typed` and `chip` cannot be one line, or None. A merge would give `typed`
    the chip's ICCID and drop `chip`: two ICCIDs, two numbers or an ICCID of another
    country than the one typed mean two lines, and merging them loses one."""
    names = {"typed": typed.display_name, "imported": chip.display_name}
    if typed.iccid and chip.iccid and typed.iccid != chip.iccid:
        return Problem("merge_two_iccids", args={**names, "iccid": typed.iccid, "other": chip.iccid})
    if typed.number and chip.number and typed.number != chip.number:
        return Problem("merge_two_numbers", args={**names, "number": typed.number, "other": chip.number})
    if regions := _iccid_regions_against(typed, chip):
        return Problem("merge_other_country", args={**names, "country": typed.country or "", "regions": ", ".join(regions)})
    return None


class CannotMerge(Refused):
    """Two profiles that are plainly two lines (`merge_conflict`): nothing was changed."""


def _same_name(a: str, b: str) -> bool:
    """"telenor" and "telenor norge" name one carrier; "orange" and "orangeade" do not."""
    return a == b or a.startswith(b + " ") or b.startswith(a + " ")


CHIP_FACTS = ("iccid", "state", "provider_name", "profile_name", "profile_class", "isdp_aid")


def merged_profile(typed: Profile, chip: Profile) -> Profile:
    """One profile from a profile typed by hand and the same line read from the chip: the
    chip's facts (ICCID, state, names, class), and everything else as the user set it,
    filled from the chip where the user left it empty. Keeps the typed profile's id."""
    changes: dict[str, Any] = {name: getattr(chip, name) for name in CHIP_FACTS}
    for f in fields(Profile):
        if f.name in CHIP_FACTS or f.name == "id":
            continue
        mine = getattr(typed, f.name)
        if mine is None or mine is False:
            changes[f.name] = getattr(chip, f.name)
    return replace(typed, **changes)


@dataclass(frozen=True)
class ImportSummary:
    added: tuple[Profile, ...] = ()
    updated: tuple[Profile, ...] = ()
    warnings: tuple[Problem, ...] = ()  # worded at the edge
    skipped_lines: int = 0  # lines of pasted lpac output that were not lpac's JSON
    eid: str | None = None  # the chip's EID, when `lpac chip info` output was imported
    same: tuple[LikelySame, ...] = ()  # added ones that are probably a profile typed by hand


class _ProfilesFile(DocumentFile):
    """A profiles document whose every entry must decode; otherwise it is damaged."""

    def _migrate(self, doc: Raw) -> Raw:
        doc = super()._migrate(doc)
        entries = doc.get("profiles", [])
        if not isinstance(entries, list):
            raise ProblemError(Problem("not_table_list", "profiles", args={"name": "profiles", "got": shown_value(entries)}))
        for n, entry in enumerate(entries):
            if not isinstance(entry, dict):
                raise ProblemError(Problem("entry_not_table", f"profiles[{n}]", args={"name": "profiles", "got": shown_value(entry)}))
            _, issues = profile_from_dict(entry)
            if issues:  # the first one says enough: the file is kept aside whole
                raise ProblemError(replace(issues[0], field=f"profiles[{n}].{issues[0].field}"))
        return doc


_Profiles = list[Profile]  # aliases: inside ProfileStore, `list` names the method
_Saveds = list[Saved]
_Summaries = list[ImportSummary]
_Quarantined = list[tuple[Path, Problem]]


class _Unchanged(Exception):
    """Raised inside a change to skip the write (and its fsync) when nothing differs."""


def _decode(doc: Raw) -> list[Profile]:
    out = []
    for entry in doc.get("profiles", []):
        profile, _ = profile_from_dict(entry)
        assert profile is not None  # _ProfilesFile refused anything that does not decode
        out.append(profile)
    return out


def _encode(doc: Raw, profiles: Sequence[Profile]) -> Raw:
    return {**doc, "profiles": [profile_to_dict(p) for p in profiles]}


class ProfileStore:
    """The user's profiles. Every method reads the freshest file; changes save at once."""

    def __init__(self, path: Path | None = None) -> None:
        self.file = _ProfilesFile(path or config_dir() / "profiles.toml", SCHEMA, MIGRATIONS)

    @property
    def path(self) -> Path:
        return self.file.path

    @property
    def quarantined(self) -> _Quarantined:
        """Damaged files moved aside (path, reason): tell the user."""
        return self.file.quarantined

    def list(self) -> tuple[Profile, ...]:
        return tuple(_decode(self.file.read()))

    def get(self, profile_id: str) -> Profile:
        for profile in self.list():
            if profile.id == profile_id:
                return profile
        raise ProfileNotFound(profile_id)

    def find_iccid(self, iccid: str) -> Profile | None:
        return next((p for p in self.list() if p.iccid == iccid), None)

    def _change(self, change: Callable[[_Profiles], _Profiles]) -> _Profiles:
        """Apply `change` under the lock to the freshest profiles; save unless nothing changed."""
        result: _Profiles = []

        def apply(doc: Raw) -> Raw:
            nonlocal result
            before = _decode(doc)
            result = change(list(before))
            if result == before and doc:
                raise _Unchanged
            return _encode(doc, result)

        try:
            self.file.update(apply)
        except _Unchanged:
            pass
        return result

    def add(self, profile: Profile) -> Saved:
        """Add a new profile (refused with `ProfileInvalid` if it has errors)."""
        saved: _Saveds = []

        def change(profiles: _Profiles) -> _Profiles:
            if any(p.id == profile.id for p in profiles):
                raise ValueError(f"profile id {profile.id!r} already exists")
            ready, report = prepare(profile, profiles)
            if not report.ok:
                raise ProfileInvalid(report)
            saved.append(Saved(ready, report.warnings))
            return _one_default([*profiles, ready], ready)

        self._change(change)
        return saved[0]

    def update(self, profile_id: str, **changes: Any) -> Saved:
        """Change some fields of one profile, e.g. `update(p.id, nickname="工作", number="+4740612345")`.

        Only the named fields change, applied to the freshest copy on disk.
        """
        if "id" in changes:
            raise TypeError("a profile's id cannot change")
        return self._edit(profile_id, lambda profile: replace(profile, **changes))

    def _edit(self, profile_id: str, edit: Callable[[Profile], Profile]) -> Saved:
        """Save `edit` of the freshest copy of one profile (refused with `ProfileInvalid` if it has errors)."""
        saved: _Saveds = []

        def change(profiles: _Profiles) -> _Profiles:
            index = _index(profiles, profile_id)
            ready, report = prepare(edit(profiles[index]), profiles)
            if not report.ok:
                raise ProfileInvalid(report)
            saved.append(Saved(ready, report.warnings))
            profiles[index] = ready
            return _one_default(profiles, ready)

        self._change(change)
        return saved[0]

    def save_edit(self, original: Profile, edited: Profile) -> Saved:
        """Save what the user changed in a form: only the fields where `edited` differs
        from `original` (the profile as the form showed it), applied to the freshest copy,
        so a change made meanwhile elsewhere (a keep-alive marked done) is kept."""
        ready, _ = prepare(edited)  # compare normalised values: "+47 406 12 345" is no change
        changes = changed_fields(original, ready)
        rule = changes.pop("keepalive", _SAME)

        def edit(fresh: Profile) -> Profile:
            new = replace(fresh, **changes)
            if rule is not _SAME:
                new = replace(new, keepalive=_merge_rule(original.keepalive, rule, fresh.keepalive))
            return new

        return self._edit(original.id, edit)

    def delete(self, profile_id: str) -> None:
        def change(profiles: _Profiles) -> _Profiles:
            index = _index(profiles, profile_id)
            return profiles[:index] + profiles[index + 1 :]

        self._change(change)

    def set_default(self, kind: DefaultKind, profile_id: str | None) -> None:
        """Make one profile the default for data or for voice/SMS (None: no default)."""
        if kind not in ("data", "voice"):
            raise ValueError(f"kind must be 'data' or 'voice', not {kind!r}")
        attr = f"default_{kind}"

        def change(profiles: _Profiles) -> _Profiles:
            if profile_id is not None:
                _index(profiles, profile_id)
            return [_with(p, attr, p.id == profile_id) for p in profiles]

        self._change(change)

    def mark_done(self, profile_id: str, when: date) -> Profile:
        """Record that the keep-alive action was done on `when` (see `keepalive_done`)."""
        return self.keepalive_done(profile_id, when).profile

    def keepalive_done(self, profile_id: str, when: date) -> Done:
        """Record that the keep-alive action was done on `when`; says what it was before.

        Never moves `last_done` backwards: a rule already done later than `when`
        raises `LastDoneLater` (an earlier date is set by editing the profile)."""
        before: list[date] = []

        def edit(profile: Profile) -> Profile:
            if profile.keepalive is None:
                raise Refused(Problem("no_keepalive_rule", args={"name": profile.display_name}))
            if when < profile.keepalive.last_done:
                raise LastDoneLater(profile.display_name, profile.keepalive.last_done, when)
            before.append(profile.keepalive.last_done)
            return replace(profile, keepalive=keepalive_done(profile.keepalive, when))

        return Done(self._edit(profile_id, edit).profile, before[0])

    def undo_done(self, profile_id: str, done: Done) -> Profile:
        """Put `last_done` back to what it was before `done`, if nothing changed it since
        (else `UndoTooLate`): the one way the app moves it backwards, on the user's word."""

        def edit(profile: Profile) -> Profile:
            rule = profile.keepalive
            if rule is None or rule.last_done != done.when:
                raise UndoTooLate(profile.display_name)
            return replace(profile, keepalive=replace(rule, last_done=done.previous))

        return self._edit(profile_id, edit).profile

    def sync_chip(self, chips: Sequence[ChipProfile], eid: str | None = None) -> ImportSummary:
        """Merge what a chip reports, matched by ICCID: new ones are added; known ones
        get the chip's fields (state, provider, names, class, and the chip's `eid`
        when given) and keep everything the user set (role, number, keep-alive, ...).

        The nickname is the user's: the chip's fills it only when it is empty. When
        the chip calls a known profile something else, the user's name stays and a
        `chip_nickname_kept` warning says what the chip calls it (rename it in the
        app to take the chip's)."""
        summary: _Summaries = []

        def change(profiles: _Profiles) -> _Profiles:
            by_iccid = {p.iccid: i for i, p in enumerate(profiles) if p.iccid}
            added, updated, warnings = [], [], []
            for chip in chips:
                facts: dict[str, Any] = {
                    "state": chip.state,
                    "provider_name": chip.provider_name,
                    "profile_name": chip.profile_name,
                    "profile_class": chip.profile_class,
                    "isdp_aid": chip.isdp_aid,
                }
                if eid is not None:
                    facts["eid"] = eid
                if chip.iccid in by_iccid:
                    index = by_iccid[chip.iccid]
                    mine = profiles[index].nickname
                    if chip.nickname and not mine:
                        facts["nickname"] = chip.nickname
                    elif chip.nickname and chip.nickname != mine:
                        warnings.append(
                            Problem("chip_nickname_kept", args={"mine": mine or "", "chip": chip.nickname},
                                    item=f"ICCID {chip.iccid}")
                        )
                    new = replace(profiles[index], **facts)
                    if new != profiles[index]:
                        updated.append(new)
                    profiles[index] = new
                else:
                    new = Profile(iccid=chip.iccid, nickname=chip.nickname, carrier=chip.provider_name, **facts)
                    by_iccid[chip.iccid] = len(profiles)
                    profiles.append(new)
                    added.append(new)
                warnings += [replace(w, field="", item=f"ICCID {chip.iccid}") for w in check_iccid(chip.iccid)[1]]
            same = likely_same(profiles, added)
            summary.append(ImportSummary(tuple(added), tuple(updated), tuple(warnings), eid=eid, same=same))
            return profiles

        self._change(change)
        return summary[0]

    def merge_same(self, typed_id: str, imported_id: str) -> Saved:
        """Make one profile of a profile typed by hand and the same line imported from the
        chip (see `merged_profile`): the typed one takes the chip's facts, the imported one
        goes. Refused with `CannotMerge` when the two are plainly different lines (`merge_conflict`),
        with `ProfileInvalid` if the result has errors."""
        if typed_id == imported_id:
            raise ValueError("a profile cannot be merged with itself")
        saved: _Saveds = []

        def change(profiles: _Profiles) -> _Profiles:
            typed = profiles[_index(profiles, typed_id)]
            chip = profiles[_index(profiles, imported_id)]
            conflict = merge_conflict(typed, chip)
            if conflict is not None:
                raise CannotMerge(conflict)
            rest = [p for p in profiles if p.id != imported_id]
            ready, report = prepare(merged_profile(typed, chip), [p for p in rest if p.id != typed_id])
            if not report.ok:
                raise ProfileInvalid(report)
            saved.append(Saved(ready, report.warnings))
            rest[_index(rest, typed_id)] = ready
            return _one_default(rest, ready)

        self._change(change)
        return saved[0]

    def merge(
        self,
        incoming: Sequence[Profile],
        *,
        replace_progress: bool = False,
        given: Sequence[frozenset[str]] | None = None,
    ) -> ImportSummary:
        """Merge profiles read from an export: matched by id, else by ICCID; all their
        fields replace the stored ones, except secrets the import does not carry. With
        `given` (the keys each incoming profile's table had), only those fields change:
        an older export does not erase what was added since.
        Refused as a whole (`ProfileInvalid`) if any merged profile has errors, and
        (`WouldLoseProgress`, listing them) if it would put a keep-alive's `last_done`
        back to an older date, unless `replace_progress`."""
        summary: _Summaries = []

        def change(profiles: _Profiles) -> _Profiles:
            added, updated, warnings, losses = [], [], [], []
            placed: dict[str, str] = {}  # incoming id -> stored id
            by_id = {p.id: i for i, p in enumerate(profiles)}
            by_iccid = {p.iccid: i for i, p in reversed(list(enumerate(profiles))) if p.iccid}
            for n, item in enumerate(incoming):
                index = by_id.get(item.id)
                if index is None and item.iccid:
                    index = by_iccid.get(item.iccid)
                if index is None:
                    new = item
                    profiles.append(new)
                    index = len(profiles) - 1
                    by_id.setdefault(new.id, index)
                    if new.iccid:
                        by_iccid.setdefault(new.iccid, index)
                    added.append(new)
                else:
                    old = profiles[index]
                    if given is not None:
                        new = replace(old, **{k: getattr(item, k) for k in given[n] if k != "id"})
                    else:
                        keep = {k: getattr(old, k) for k in SECRET_FIELDS if getattr(item, k) is None}
                        new = replace(item, id=old.id, **keep)
                    if old.keepalive and new.keepalive and new.keepalive.last_done < old.keepalive.last_done:
                        dates = {"was": old.keepalive.last_done.isoformat(), "now": new.keepalive.last_done.isoformat()}
                        losses.append(Problem("keepalive_would_go_back", "", None, dates, old.display_name))
                    if new != old:
                        updated.append(new)
                    if old.keepalive and new.keepalive and new.keepalive.last_done < old.keepalive.last_done:
                        was, now = old.keepalive.last_done, new.keepalive.last_done
                        warnings.append(Problem("keepalive_moved_back", "keepalive.last_done", None, {"was": str(was), "now": str(now)}, item.display_name))
                ready, report = prepare(new, profiles)
                if not report.ok:
                    raise ProfileInvalid(report, imported=item.display_name)
                warnings += [replace(w, item=item.display_name) for w in report.warnings]
                profiles[index] = ready
                placed[item.id] = ready.id
            if losses and not replace_progress:
                raise WouldLoseProgress("", losses)
            for kind in ("default_data", "default_voice"):
                chosen = [placed[p.id] for p in incoming if getattr(p, kind)]
                if chosen:
                    profiles = [_with(p, kind, p.id == chosen[-1]) for p in profiles]
            same = likely_same(profiles, added)
            summary.append(ImportSummary(tuple(added), tuple(updated), tuple(warnings), same=same))
            return profiles

        self._change(change)
        return summary[0]


_SAME = object()


def changed_fields(original: Profile, edited: Profile) -> dict[str, Any]:
    """The fields (but the id) whose value differs between two versions of a profile."""
    return {
        f.name: getattr(edited, f.name)
        for f in fields(Profile)
        if f.name != "id" and getattr(original, f.name) != getattr(edited, f.name)
    }


def _merge_rule(before: KeepAlive | None, after: Any, fresh: KeepAlive | None) -> KeepAlive | None:
    """The rule after a form's edit: a rule added or removed is the user's choice; a rule
    edited changes only its edited parts on the freshest rule."""
    if before is None or after is None or fresh is None:
        return after  # type: ignore[no-any-return]
    edited = {f.name: getattr(after, f.name) for f in fields(KeepAlive) if getattr(before, f.name) != getattr(after, f.name)}
    return replace(fresh, **edited)


def _index(profiles: Sequence[Profile], profile_id: str) -> int:
    for i, p in enumerate(profiles):
        if p.id == profile_id:
            return i
    raise ProfileNotFound(profile_id)


def _with(profile: Profile, name: str, value: Any) -> Profile:
    return replace(profile, **{name: value})


def _one_default(profiles: list[Profile], changed: Profile) -> list[Profile]:
    """At most one default for data and one for voice: `changed` wins."""
    clear: dict[str, Any] = {k: False for k in ("default_data", "default_voice") if getattr(changed, k)}
    if not clear:
        return profiles
    return [p if p.id == changed.id else replace(p, **clear) for p in profiles]
