"""One trip's backup-readiness checklist: tick items, add notes, see how and why.

Widget choice: an `OptionList`. Category headings are *disabled* options, so the
cursor (keys and mouse) skips them while they still show where each group
starts; items are enabled options whose prompt is a two-column grid (the
"[✓] !" marks, then the title), so a long or Chinese title wraps under itself
instead of under the mark. `SelectionList` toggles by itself but has no
headings; a `DataTable` has no headings either and cuts long titles to one
line. Space, Enter or a click ticks the highlighted item.

Every tick and note is saved at once through `TripStore` (one locked, atomic
change per call); the screen shows the trip the store hands back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, ProgressBar, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from esim_ready.catalog.checklist import Category
from esim_ready.errors import UserError
from esim_ready.i18n import current_language, t
from esim_ready.state.checklist_logic import Entry, Section, fresh_from, readiness, sections
from esim_ready.state.trips import Trip, TripNotFound, TripStore
from esim_ready.tui import format as fmt
from esim_ready.tui import trip_actions
from esim_ready.tui.bindings import LocalizedScreenMixin
from esim_ready.tui.breakpoints import set_breakpoint_classes
from esim_ready.tui.host import host
from esim_ready.tui.safe_text import neutralise, one_line, plain
from esim_ready.tui.widgets.cjk_text import CJKText
from esim_ready.tui.widgets.key_footer import KeyFooter

FILTERS = ("all", "open", "critical")
HEADING = "category:"  # option id prefix of a category heading
NOTHING = "__nothing__"


def _item_prompt(entry: Entry, language: str) -> Table:
    template, state = entry.template, entry.state
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=3, no_wrap=True)
    grid.add_column(width=1, no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    if entry.stale:
        mark = Text("[~]", style="bold yellow")
    else:
        mark = Text("[✓]", style="bold green") if state.done else Text("[ ]")
    critical = Text("!", style="bold red") if template.critical else Text(" ")
    title = plain(template.title(language), style="dim" if state.done and not entry.stale else "")
    if entry.stale:
        title.append(t("checklist.stale_mark"), style="yellow")
    elif entry.recheck_from is not None:
        title.append(t("checklist.recheck_mark", first=entry.recheck_from.isoformat()), style="dim")
    if state.note:
        title.append(" ✎", style="cyan")
    grid.add_row(mark, critical, title)
    return grid


HEAD_NAME_LEAST = 12  # the trip's name in the checklist's head, cut (its full name is in the trips list)


def trip_line(trip: Trip, room: int) -> str:
    """The head's trip line in `room` cells: name · country · phone · dates. The name is
    cut so that the rest stays whole (a long name pushed the country and the dates out
    at 80x24); when that leaves it under HEAD_NAME_LEAST cells, the phone is left out
    (the how-to pane's title names it), and then the name is cut down to a few cells:
    the country and the dates say which trip it is. Past that, the end is cut."""
    name, country = one_line(trip.name), trip_actions.country_name(trip.country)
    named = name == country  # the trip is named after its country: it is said once
    facts = {"country": country, "platform": trip_actions.platform_name(trip.platform, short=True),
             "dates": trip_actions.trip_dates(trip)}
    whole = "checklist.trip_line_country_named" if named else "checklist.trip_line"
    short = "checklist.trip_line_country_named_short" if named else "checklist.trip_line_short"
    tries = ((whole, HEAD_NAME_LEAST), (short, HEAD_NAME_LEAST), (short, 6))
    for key, least in tries:
        name_room = room - cell_len(t(key, name="", **facts))
        if name_room >= min(cell_len(name), least) or (key, least) == tries[-1]:
            shown = name if cell_len(name) <= name_room else fmt.ellipsized(Text(name), max(name_room, least)).plain
            return t(key, name=shown, **facts)
    raise AssertionError  # the last try always answers


def _heading_prompt(category: Category, rows: tuple[Entry, ...], language: str) -> Content:
    done = sum(1 for e in rows if e.state.done)
    return Content.assemble((category.label(language), "bold"), (f"  {done}/{len(rows)}", "dim"))


class ChecklistScreen(LocalizedScreenMixin, Screen):
    CSS_PATH = "checklist.tcss"
    # small: a shorter bar; wide: the how-to beside the list
    HORIZONTAL_BREAKPOINTS = [(0, "-small"), (70, "-narrow"), (110, "-wide")]  # noqa: RUF012 (Textual declares it so)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "tick", "Tick", id="toggle_item"),
        Binding("n", "note", "Note", id="edit_note"),
        Binding("f", "cycle_filter", "Filter", id="cycle_filter"),
        Binding("x", "export", "Export", id="export"),
        Binding("o", "compare", "Compare offers", id="compare", show=False),  # in help (?)
        Binding("escape", "back", "Back", id="back"),
    ]

    def __init__(self, trip_id: str) -> None:
        super().__init__()
        self.trip_id = trip_id
        self.trip: Trip | None = None
        self.filter = "all"
        self._sticky: set[str] = set()  # ticked while "open" is shown: kept until the filter changes

    @property
    def store(self) -> TripStore:
        return host(self).trips

    # -- layout --------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        set_breakpoint_classes(self)  # the first frame already wide or small
        with Horizontal(id="head"):
            yield Static("", id="trip-line", markup=False)
            yield Static("", id="filter", markup=False)
        with Horizontal(id="score-row"):
            yield ProgressBar(total=100, show_eta=False, id="progress")
            yield Static("", id="score", markup=False)
        with Container(id="body"):
            items = OptionList(id="items")
            items.border_title = t("checklist.items_title")
            yield items
            with VerticalScroll(id="how-box") as how:
                how.border_title = t("checklist.how_title")
                yield Static("", id="how")
        yield KeyFooter()

    def on_mount(self) -> None:
        try:
            self.trip = self.store.open_trip(self.trip_id)
        except UserError as exc:
            trip_actions.tell_damage(self.app)
            self.notify(t("checklist.gone") if isinstance(exc, TripNotFound) else str(exc), severity="error")
            self.app.pop_screen()
            return
        trip_actions.tell_damage(self.app)
        self._show_all()
        self.query_one("#items", OptionList).focus()

    async def relocalize(self) -> None:
        highlighted = self._highlighted_id()
        await self.recompose()
        self._show_all(keep=highlighted)
        self.query_one("#items", OptionList).focus()

    def _show_all(self, keep: str | None = None) -> None:
        self._show_head()
        self._fill(keep)
        self._show_score()

    def on_resize(self) -> None:  # the trip's name is cut to the new width
        if self.trip is not None:
            self._show_head()

    def _show_head(self) -> None:
        assert self.trip is not None
        trip = self.trip
        shown_filter = t("checklist.filter", filter=t(f"checklist.filter_{self.filter}"))
        room = self.app.size.width - 2 - (cell_len(shown_filter) + 2)  # less the head's padding and the filter's
        self.query_one("#trip-line", Static).update(trip_line(trip, room))
        self.query_one("#filter", Static).update(shown_filter)
        self.query_one("#how-box").border_title = t(
            "checklist.how_title_item", platform=trip_actions.platform_name(trip.platform)
        )

    # -- the list ----------------------------------------------------------------------------
    def _visible(self, entry: Entry) -> bool:
        if self.filter == "open":
            return not entry.state.done or entry.template.id in self._sticky
        if self.filter == "critical":
            return entry.template.critical
        return True

    def _fill(self, keep: str | None = None) -> None:
        assert self.trip is not None
        lang = current_language()
        options: list[Option] = []
        shown = total = 0
        for section in sections(self.trip, self.store.templates, today=host(self).today):
            total += len(section.entries)
            rows = [e for e in section.entries if self._visible(e)]
            if not rows:
                continue
            shown += len(rows)
            heading = _heading_prompt(section.category, section.entries, lang)
            options.append(Option(heading, id=HEADING + section.category.id, disabled=True))
            options.extend(Option(_item_prompt(e, lang), id=e.template.id) for e in rows)
        if not options:
            empty = t("checklist.none_open") if self.filter == "open" else t("checklist.none_shown")
            options.append(Option(empty, id=NOTHING, disabled=True))
        items = self.query_one("#items", OptionList)
        items.set_options(options)
        # the legend sits here, not on the score line: there it cut the score at 80 columns
        items.border_subtitle = Content.assemble(
            (t("checklist.legend"), "$text-error"), " · ", t("checklist.shown", shown=shown, total=total)
        )
        self._highlight(keep)
        self._show_how()

    def _highlight(self, item_id: str | None) -> None:
        items = self.query_one("#items", OptionList)
        if item_id:
            try:
                items.highlighted = items.get_option_index(item_id)
                return
            except OptionDoesNotExist:
                pass
        items.action_first()
        items.scroll_home(animate=False)  # show the first heading too

    def _highlighted_id(self) -> str | None:
        items = self.query_one("#items", OptionList)
        if items.highlighted is None:
            return None
        option = items.get_option_at_index(items.highlighted)
        return None if option.disabled else option.id

    def _find(self, item_id: str) -> tuple[Section, Entry] | None:
        """The item's entry in the trip as last saved, and the section it is in."""
        assert self.trip is not None
        for section in sections(self.trip, self.store.templates, today=host(self).today):
            for entry in section.entries:
                if entry.template.id == item_id:
                    return section, entry
        return None

    def _entry(self, item_id: str) -> Entry | None:
        found = self._find(item_id)
        return found[1] if found else None

    def _show_saved(self, item_id: str, before: tuple[Any, ...]) -> None:
        """After a save: the item redrawn in place, or, when the save brought in what
        another window changed meanwhile (other items differ), the whole list."""
        assert self.trip is not None
        others = {i.id: i for i in self.trip.items if i.id != item_id}
        if others != {i.id: i for i in before if i.id != item_id}:
            self._fill(keep=item_id)
        else:
            self._refresh_item(item_id)

    def _refresh_item(self, item_id: str) -> None:
        """Redraw one item and its heading in place (the cursor stays where it is)."""
        if (found := self._find(item_id)) is None:
            return
        section, entry = found
        lang = current_language()
        items = self.query_one("#items", OptionList)
        items.replace_option_prompt(item_id, _item_prompt(entry, lang))
        heading = _heading_prompt(section.category, section.entries, lang)
        items.replace_option_prompt(HEADING + section.category.id, heading)

    # -- score and how ----------------------------------------------------------------------------
    def _show_score(self) -> None:
        assert self.trip is not None
        score = readiness(self.trip, self.store.templates, today=host(self).today)
        self.query_one("#progress", ProgressBar).update(progress=score.percent)
        key = "checklist.score_ready" if score.ready else "checklist.score"
        text = t(key, done=score.done, total=score.total, critical=len(score.critical_open))
        if score.stale:
            text += t("checklist.score_stale", n=len(score.stale))
        self.query_one("#score", Static).update(text)

    def _show_how(self) -> None:
        assert self.trip is not None
        item_id = self._highlighted_id()
        entry = self._entry(item_id) if item_id else None
        how = self.query_one("#how", Static)
        if entry is None:
            how.update("")
            return
        lang = current_language()
        template, state = entry.template, entry.state
        weight = t(f"checklist.weight_{template.weight}")
        parts: list[Content] = [
            Content.assemble(
                (one_line(template.title(lang)), "bold"), "  ", (weight, "$text-error" if template.critical else "dim")
            ),
            Content(neutralise(template.how(self.trip.platform, lang) or t("checklist.no_how"))),
        ]
        how_source, checked = template.how_source(self.trip.platform)
        if how_source:
            parts.append(Content.styled(t("checklist.how_checked", checked=checked, source=how_source), "dim"))
        if also := template.how_also(self.trip.platform):
            sources = t("checklist.how_also_separator").join(also)
            parts.append(Content.styled(t("checklist.how_also", sources=sources), "dim"))
        if template.source:
            date = fmt.dated(template.as_of, host(self).today)
            parts.append(Content.styled(t("checklist.source", source=one_line(template.source), date=date), "dim"))
        if state.note:
            parts.append(Content.styled(t("checklist.note", note=neutralise(state.note)), "$text-accent"))
        else:
            parts.append(Content.styled(t("checklist.no_note"), "dim"))
        if state.done and state.done_at is not None:
            when = state.done_at.astimezone().strftime("%Y-%m-%d %H:%M")
            parts.append(Content.styled(t("checklist.ticked_at", when=when), "dim"))
        if entry.stale:
            first = fresh_from(self.trip)
            text = t("checklist.stale_how", n=self.trip.fresh_days, start=self.trip.start, first=first)
            parts.append(Content.styled(text, "$text-warning"))
        elif entry.recheck_from is not None:
            text = t("checklist.recheck_how", n=self.trip.fresh_days, start=self.trip.start, first=entry.recheck_from)
            parts.append(Content.styled(text, "$text-accent"))
        how.update(CJKText(Content("\n").join(parts)))
        self.query_one("#how-box", VerticalScroll).scroll_home(animate=False)

    @on(OptionList.OptionHighlighted, "#items")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        items = self.query_one("#items", OptionList)
        first = next((i for i, o in enumerate(items.options) if not o.disabled), None)
        if event.option_index == first:
            items.scroll_home(animate=False)  # keep the first heading in view
        self._show_how()

    @on(OptionList.OptionSelected, "#items")
    def _selected(self, event: OptionList.OptionSelected) -> None:  # Enter or a click
        self.action_tick()

    # -- actions ----------------------------------------------------------------------------------
    def _save(self, change: Callable[[], Trip]) -> bool:
        try:
            self.trip = change()
        except UserError as exc:
            self.notify(t("checklist.failed", error=exc), severity="error", timeout=10)
            return False
        return True

    def action_tick(self) -> None:
        item_id = self._highlighted_id()
        entry = self._entry(item_id) if item_id else None
        if self.trip is None or item_id is None or entry is None:
            return
        done = not entry.state.done or entry.stale  # what the user saw, flipped (right even with two windows open)
        before = self.trip.items
        if entry.stale:  # checked again: fresh, still ticked
            if not self._save(lambda: self.store.retick(self.trip_id, item_id)):
                return
            self.notify(t("checklist.rechecked"), timeout=3)
        elif not self._save(lambda: self.store.set_done(self.trip_id, item_id, done)):
            return
        if self.filter == "open" and done:
            self._sticky.add(item_id)
        self._show_saved(item_id, before)
        self._show_score()
        self._show_how()

    def action_note(self) -> None:
        from esim_ready.tui.screens.dialogs import NoteDialog

        item_id = self._highlighted_id()
        entry = self._entry(item_id) if item_id else None
        if entry is None or item_id is None:
            return

        def save(note: str) -> str | None:
            """Saved before the dialog closes; a refusal (too long, disk full) is shown in
            the dialog, which keeps the text (a toast over a closed dialog lost it)."""
            if note == entry.state.note:
                return None
            before = self.trip.items if self.trip is not None else ()
            try:
                self.trip = self.store.set_note(self.trip_id, item_id, note)
            except UserError as exc:
                return t("checklist.failed", error=exc)
            self._show_saved(item_id, before)
            self._show_score()
            self._show_how()
            self.notify(t("checklist.note_saved" if note else "checklist.note_removed"), timeout=2)
            return None

        title = t("checklist.note_title", title=entry.template.title(current_language()))
        self.app.push_screen(NoteDialog(title, entry.state.note, save=save))

    def action_cycle_filter(self) -> None:
        self.filter = FILTERS[(FILTERS.index(self.filter) + 1) % len(FILTERS)]
        self._sticky.clear()
        keep = self._highlighted_id()
        self._show_head()
        self._fill(keep)  # the header says which filter is on

    def action_compare(self) -> None:
        """The trip country's offers, priced for the trip's days (7 when it has no dates)."""
        if self.trip is None:
            return
        days = 7
        if self.trip.start and self.trip.end and self.trip.end >= self.trip.start:
            days = (self.trip.end - self.trip.start).days + 1
        host(self).show_compare(self.trip.country, days=days)

    def action_export(self) -> None:
        if self.trip is not None:
            trip_actions.export_trip(self, self.trip)

    def action_back(self) -> None:
        self.app.pop_screen()
