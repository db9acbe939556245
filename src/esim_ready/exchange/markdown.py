"""A printable checklist in Markdown: `- [ ]` / `- [x]` boxes grouped by category.

`export_markdown(trip, templates, language)` writes the trip's checklist in
English ("en") or Simplified Chinese ("zh"): a heading, the country, phone,
dates and readiness score, then one section per category with each item's
title, weight, the "how" for the trip's platform, and the user's note. A trip
with id "" (`checklist_toml.blank_trip`) is printed as a blank checklist.
Pure: returns text, writes nothing.
"""

from __future__ import annotations

from esim_ready.catalog.checklist import Templates
from esim_ready.i18n import text as _t
from esim_ready.state.checklist_logic import readiness, sections
from esim_ready.state.trips import Trip
from esim_ready.textsafe import neutralise

MARKDOWN_SIGNS = "\\`*_[]>|~"  # what would turn a name or note into emphasis, code, a link, a quote, a table


def _inline(text: str) -> str:
    """User text on one Markdown line, printed as typed: no raw HTML or entity, no
    emphasis or link made of its stars and brackets, lines kept apart."""
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    text = "".join("\\" + ch if ch in MARKDOWN_SIGNS else ch for ch in text)
    lines = [line.strip() for line in text.splitlines()]
    return " / ".join(line for line in lines if line)


def export_markdown(trip: Trip, templates: Templates, language: str = "en") -> str:
    from esim_ready.catalog import countries

    country = countries.find(trip.country)
    country_name = country.name(language) if country else trip.country
    if trip.start and trip.end:
        dates = _t(language, "trips.dates_range", start=trip.start, end=trip.end)
    elif trip.start:
        dates = _t(language, "trips.dates_from", start=trip.start)
    elif trip.end:
        dates = _t(language, "trips.dates_until", end=trip.end)
    else:
        dates = _t(language, "trips.no_dates")
    country_value = _t(language, "trips.md_country_value", name=country_name, code=trip.country)
    out = [
        f"# {_t(language, 'trips.md_title', name=_inline(trip.name))}",
        "",
        _t(language, "trips.md_field", label=_t(language, "trips.md_country"), value=country_value),
        _t(language, "trips.md_field", label=_t(language, "trips.md_platform"), value=_t(language, f"trips.platform_{trip.platform}")),
        _t(language, "trips.md_field", label=_t(language, "trips.md_dates"), value=dates),
    ]
    if trip.id:
        score = readiness(trip, templates)
        value = _t(language, "trips.md_readiness_value", percent=score.percent, done=score.done, total=score.total)
        out.append(_t(language, "trips.md_field", label=_t(language, "trips.md_readiness"), value=value))
        if score.critical_open:
            out.append(_t(language, "trips.md_critical_open", n=len(score.critical_open)))
    else:
        out.append(_t(language, "trips.md_blank"))
    for section in sections(trip, templates):
        out += ["", f"## {section.category.label(language)}", ""]
        for entry in section.entries:
            box = "[x]" if entry.state.done else "[ ]"
            line = f"- {box} **{entry.template.title(language)}**"
            if entry.template.critical:
                line += _t(language, "trips.md_critical")
            if entry.state.done and entry.state.done_at is not None:
                when = entry.state.done_at.astimezone().strftime("%Y-%m-%d")
                line += _t(language, "trips.md_done_at", when=when)
            if entry.stale:
                line += _t(language, "trips.md_stale")
            out.append(line)
            how = entry.template.how(trip.platform, language)
            if how:
                out += ["", f"  {how}"]
            if entry.state.note:
                out += ["", "  " + _t(language, "trips.md_note", note=_inline(entry.state.note))]
            out.append("")
        while out and out[-1] == "":
            out.pop()
    # a name or note edited by hand may hold control characters: shown, never sent
    return neutralise("\n".join(out) + "\n")
