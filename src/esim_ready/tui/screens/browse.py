"""The main screen: pick a country, see its carriers and plans, every fact sourced."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content, Span
from textual.geometry import Size
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, Input, OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from esim_ready.catalog import countries
from esim_ready.catalog.curated import country_data, curated_countries, derived_source_text
from esim_ready.catalog.sorting import sort_plans
from esim_ready.i18n import current_language, t, words_of_today
from esim_ready.tui import format as fmt
from esim_ready.tui import plan_columns
from esim_ready.tui.bindings import LocalizedScreenMixin
from esim_ready.tui.breakpoints import set_breakpoint_classes
from esim_ready.tui.host import host
from esim_ready.tui.safe_text import SafeInput, markup_safe
from esim_ready.tui.widgets.fixed_table import FixedColumnsTable
from esim_ready.tui.widgets.key_footer import KeyFooter
from esim_ready.tui.widgets.single_line_list import SingleLineOptionList

if TYPE_CHECKING:
    from esim_ready.catalog.models import Carrier, CountryData, Plan

SORT_KEYS = ("price", "data", "validity", "price-per-gb")
SORT_COLUMN = {"price": "main.col_price", "data": "main.col_data", "validity": "main.col_validity",
               "price-per-gb": "main.col_per_gb"}  # the message naming each sort key
LEFT_WIDTH, LEFT_NARROW, NARROW_BELOW = 28, 24, 70  # the country list's width (browse.tcss), narrower below 70 columns
ALL_CARRIERS = "__all__"
RIGHT_PANES = {"country-title", "carriers", "plans", "detail-box"}  # right of the country list


def plans_room(width: int, left_shown: bool = True) -> int:
    """The plans table's width inside its border and scroll bar on a terminal `width`
    wide (from the terminal's width: the panes may not be laid out yet at this size)."""
    left = 0 if not left_shown else LEFT_NARROW if width < NARROW_BELOW else LEFT_WIDTH
    return width - left - 4


# the details box's height (rows with its border) below a terminal height
DETAIL_HEIGHTS = ((22, 5), (40, 6), (10_000, 8))
PANE_LEAST_ROWS = 3  # a squeezed carriers or plans pane still shows three rows


def add_carrier_columns(table: DataTable[Any]) -> None:
    """The carriers table's headers: Text, not markup (see BrowseScreen._fill_carriers)."""
    table.add_columns(Text(t("main.col_carrier")), Text(t("main.col_esim")), Text(t("main.col_plans")),
                      Text(t("main.col_from")))


@cache
def _country_options(language: str) -> dict[str, Option]:
    """Each country's option: its code in bold, a green • when curated, its name. The
    spans are given, not assembled (Content.assemble, 249 times, ~1 ms of the launch)."""
    marked = set(curated_countries())
    code, dot = Span(0, 3, "bold"), Span(3, 5, "green")
    out = {}
    for c in countries.all_countries():
        label = Content(f"{c.alpha2} {'• ' if c.alpha2 in marked else '  '}{c.name(language)}", [code, dot])
        out[c.alpha2] = Option(label, id=c.alpha2)
    return out


class SearchInput(SafeInput):
    """The country search box; `?` in the empty box opens help, as everywhere
    else (after some text it is typed, as in any search)."""

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return not (character == "?" and not self.value) and super().check_consume_key(key, character)

    async def _on_key(self, event: events.Key) -> None:
        if event.character == "?" and not self.value:
            event.stop()
            event.prevent_default()
            host(self).action_help()


class BrowseScreen(LocalizedScreenMixin, Screen):
    """Country search + list on the left; carriers, plans and details on the right."""

    # its CSS, browse.tcss, is the app's CSS_PATH (tui/app.py): parsed once, at start
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW_BELOW, "-normal")]  # noqa: RUF012 (Textual declares it so)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "focus_search", "Search", id="search"),
        Binding("s", "cycle_sort", "Sort", id="sort"),
        Binding("r", "reverse_sort", "Reverse", id="reverse", show=False),
        Binding("o", "compare", "Compare offers", id="compare"),
        Binding("c", "checklist", "Checklist", id="checklist"),
        Binding("t", "trips", "Trips", id="trips"),
        Binding("p", "profiles", "Profiles", id="profiles"),
    ]

    def __init__(self, initial_country: str | None = None) -> None:
        super().__init__()
        self.country: CountryData | None = None
        self.initial_country = initial_country
        self.sort_key = "price"
        self.sort_reverse = False
        self.carrier_filter = ALL_CARRIERS
        self._plans_shown: list[Plan] = []
        self._plans_filled_room: int | None = None  # the width the plans' columns were cut to
        self._plan_widths: dict[str, int] = {}  # the plans table's columns shown, by key
        self._carriers_filled_room: int | None = None  # the width the carriers' names were cut to
        self._countries_shown: tuple[str, ...] | None = None  # codes in the list now
        self._styled_with: tuple[int, object] | None = None  # see _on_screen_resume

    # -- layout ----------------------------------------------------------------
    def compose(self) -> ComposeResult:
        """Every pane and the footer are in the first frame: nothing appears, and
        no key goes elsewhere, after the user starts typing."""
        set_breakpoint_classes(self, update=False)  # browse.tcss styles only the panes by them
        # no containers: the search box and the country list are docked left, one
        # under the other (browse.tcss); the right panes are the screen's own column
        yield SearchInput(placeholder=t("main.search_placeholder"), id="search")
        country_list = SingleLineOptionList(id="countries")
        country_list.border_title = t("main.curated_legend")  # what the • after a code means
        yield country_list
        yield Static(t("main.pick_country"), id="country-title")
        carriers: FixedColumnsTable[str | Text] = FixedColumnsTable(id="carriers", cursor_type="row", zebra_stripes=True)
        carriers.border_title = t("main.carriers")
        add_carrier_columns(carriers)
        yield carriers
        plans: FixedColumnsTable[str | Text] = FixedColumnsTable(id="plans", cursor_type="row", zebra_stripes=True)
        plans.border_title = t("main.plans")
        yield plans
        with VerticalScroll(id="detail-box"):
            yield Static(t("main.detail_hint"), id="detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._setup("")
        if self.initial_country:
            self.open_country(self.initial_country)
        self._styled_with = self._css_now()

    def _css_now(self) -> tuple[int, object]:
        return (self.app._css_update_count, self.app.stylesheet.rules)

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        """First shown (at launch): Textual would style every widget again, though each
        was styled as it mounted, a moment before (~8 ms of the launch). Skipped when
        neither the theme nor the stylesheet changed since; later resumes are Textual's
        own. Runs before Screen's handler."""
        if self._styled_with is not None and self._styled_with[0] == self.app._css_update_count \
                and self._styled_with[1] is self.app.stylesheet.rules:
            event.refresh_styles = False
        self._styled_with = None

    def _screen_resized(self, size: Size) -> None:
        """A Resize to the size the screen is laid out at lays nothing out again (Textual's
        does, and draws what that touches): at launch the screen gets two, its own first
        one and the app's, after the first frame. A layout a widget asked for (a scroll
        bar it needs, before the first frame) is done now, as Textual does; one the
        screen asked for is left to Textual's update timer (it would do it once more)."""
        if size == self._compositor.size and self._compositor.widgets \
                and not any(widget._layout_required for widget in self._compositor.widgets if widget is not self):
            return  # a layout the screen itself asked for is Textual's update timer's to do
        super()._screen_resized(size)

    def _refresh_layout(self, size: Size | None = None, scroll: bool = False) -> None:
        """Textual's layout, without the layout it asks for again right after: each widget
        it sizes sets its virtual size, a reactive that asks for a layout, though no
        watcher reads it and the layout just made gave it (at launch: a second layout of
        the whole screen before the first frame). Such requests made during this layout
        are dropped when no scroll bar came or went in it (a scroll bar shown or hidden
        changes the room its widget has: that one is kept, as is any asked for before)."""
        if scroll:  # Textual's fast path for scrolling lays out only what scrolled into view
            super()._refresh_layout(size, scroll)
            return
        widgets: list[Widget] = [self, *self.walk_children(Widget, with_self=False)]
        asked = {widget for widget in widgets if widget._layout_required}
        bars = [(widget, widget.show_horizontal_scrollbar, widget.show_vertical_scrollbar) for widget in widgets]
        super()._refresh_layout(size, scroll)
        if all(widget.show_horizontal_scrollbar == x and widget.show_vertical_scrollbar == y for widget, x, y in bars):
            for widget in widgets:
                if widget._layout_required and widget not in asked:
                    widget._layout_required = False

    def _setup(self, query: str) -> None:
        search = self.query_one("#search", Input)
        search.value = query
        self._fill_countries(query)
        search.focus()

    async def relocalize(self) -> None:
        """Rebuild every label in the new language, keeping what the user was doing."""
        query = self.query_one("#search", Input).value
        focused = self.focused.id if self.focused else None
        carrier_filter = self.carrier_filter
        self._countries_shown = None  # a new, empty list widget
        await self.recompose()
        self._setup(query)
        if self.country is not None:
            self.open_country(self.country.country)
            self.carrier_filter = carrier_filter
            self._fill_plans()
        if focused:
            self.query_one(f"#{focused}").focus()

    # -- country list ------------------------------------------------------------
    def _fill_countries(self, query: str) -> None:
        options = _country_options(current_language())
        matches = countries.search(query, current_language())
        country_list = self.query_one("#countries", OptionList)
        shown = tuple(c.alpha2 for c in matches)
        if shown == self._countries_shown:
            return  # "moroc" -> "moroco": same list, nothing to redraw
        self._countries_shown = shown
        country_list.set_options(options[code] for code in shown)
        if matches:
            country_list.highlighted = 0
        country_list.border_subtitle = t("main.matches", n=len(matches))

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self._fill_countries(event.value)

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        country_list = self.query_one("#countries", OptionList)
        if country_list.highlighted is None:
            self.notify(t("main.no_match"), severity="warning")
            return
        option = country_list.get_option_at_index(country_list.highlighted)
        self.open_country(option.id or "")
        self.focus_carriers()

    def on_key(self, event) -> None:  # arrows from the search box go to the list
        search = self.query_one("#search", Input)
        if search.has_focus and event.key in ("down", "up"):
            country_list = self.query_one("#countries", OptionList)
            country_list.focus()
            event.stop()

    @on(OptionList.OptionSelected, "#countries")
    def _country_selected(self, event: OptionList.OptionSelected) -> None:
        self.open_country(event.option.id or "")
        self.focus_carriers()

    def focus_carriers(self) -> None:
        self.query_one("#carriers", DataTable).focus()

    # -- opening a country --------------------------------------------------------
    def open_country(self, code: str) -> None:
        found = countries.find(code)
        if found is None:
            self.notify(t("main.unknown_country", code=code), severity="error")
            return
        self.country = country_data(found.alpha2, roaming=False)  # home roaming: compare's
        self.carrier_filter = ALL_CARRIERS
        host(self).remember_country(found.alpha2)
        country_list = self.query_one("#countries", SingleLineOptionList)
        try:
            country_list.highlighted = country_list.get_option_index(found.alpha2)
        except OptionDoesNotExist:  # not in the current search results
            pass
        else:
            if country_list.scrollable_content_region:  # once the layout has settled
                self.call_after_refresh(country_list.scroll_to_highlight)
            else:  # at launch: in the first layout, so the first frame shows it
                country_list.scroll_to_highlight_when_sized()
        self._show_title()
        self._fill_carriers()
        self._fill_plans()
        self._show_detail_country()
        self._scroll_bars_before_layout()

    def _scroll_bars_before_layout(self) -> None:
        """At launch, before the panes' first layout: the scroll bars the tables and the
        details box will need, from what they hold and the heights `_share_height` gave
        them. Textual shows a scroll bar only once its widget has a size, after the first
        layout: a second layout of the whole screen before the first frame (the details
        text wrapped again a column narrower). Textual still decides (the same rules,
        `Widget._refresh_scrollbars`): were one wrong, the next layout would correct it."""
        carriers = self.query_one("#carriers", FixedColumnsTable)
        if carriers.size or self.country is None:
            return  # laid out already (Textual keeps them right from then on), or no country
        plans = self.query_one("#plans", FixedColumnsTable)
        box = self.query_one("#detail-box")
        detail = self.query_one("#detail", Static)
        width, height = self.app.size
        width -= 0 if self.has_class("-browsing") else LEFT_NARROW if width < NARROW_BELOW else LEFT_WIDTH
        heights = [carriers.styles.height, plans.styles.height, box.styles.height]
        fixed = sum(int(h.value) for h in heights if h is not None and h.is_cells)
        free = height - 2 - fixed  # less the footer and the country's title line
        if sum(1 for h in heights if h is None or not h.is_cells) != 1 or free < 0:
            return  # not one pane taking the rest: leave it to Textual
        carriers_h, plans_h, box_h = (int(h.value) if h is not None and h.is_cells else free for h in heights)
        for table, pane_height in ((carriers, carriers_h), (plans, plans_h)):
            if table._require_update_dimensions:  # as DataTable does when idle: its virtual size
                table._require_update_dimensions = False
                new_rows = table._new_rows.copy()
                table._new_rows.clear()
                table._update_dimensions(new_rows)
            inner_w, inner_h = width - 2, pane_height - 2  # inside the border
            virtual = table.virtual_size
            show_x, show_y = virtual.width > inner_w, virtual.height > inner_h
            if show_y and not show_x:
                show_x = virtual.width > inner_w - table.styles.scrollbar_size_vertical
            if show_x and not show_y:
                show_y = virtual.height > inner_h - table.styles.scrollbar_size_horizontal
            table.show_horizontal_scrollbar, table.show_vertical_scrollbar = show_x, show_y
        text_width = width - box.styles.gutter.width
        box.show_vertical_scrollbar = detail.get_content_height(
            Size(text_width, box_h), self.app.size, text_width) > box_h - box.styles.gutter.height

    def _show_title(self) -> None:
        assert self.country is not None
        c = countries.get(self.country.country)
        other = c.name_en if current_language() == "zh" else c.name_zh
        title = Text.assemble(
            (c.name(current_language()), "bold"),
            f"  {other}  ",
            (f"{c.alpha2} / {c.alpha3}", "dim"),
            "  ·  ",
            t("main.summary", carriers=t("main.n_carriers", n=len(self.country.carriers)),
              plans=t("main.n_plans", n=len(self.country.plans))),
        )
        self.query_one("#country-title", Static).update(title)

    def _fill_carriers(self) -> None:
        """Every cell a Text, as every header: a str cell is read as markup (and the
        first one loads Rich's emoji table, ~1.5 ms of the launch). The names are cut to
        what the pane leaves them (the details show them whole): a table one column too
        wide got a horizontal scroll bar, which took a row from a pane of a few rows."""
        assert self.country is not None
        table = self.query_one("#carriers", DataTable)
        table.clear(columns=True)  # a column keeps the widest cell it ever held: the last country's
        lang = current_language()
        labels = {"name": t("main.col_carrier"), "esim": t("main.col_esim"), "plans": t("main.col_plans"),
                  "from": t("main.col_from")}
        rows = {carrier.id: {"name": carrier.shown_name(lang), "esim": fmt.tristate(carrier.esim),
                             "plans": str(len(carrier.plans)) if carrier.plans else "—",
                             "from": t(f"main.origin_{carrier.origin}")} for carrier in self.country.carriers}
        first = {"name": t("main.all_carriers"), "esim": "", "plans": str(len(self.country.plans)), "from": ""}
        if not self.country.carriers:
            rows["__none__"] = {"name": t("main.no_carriers"), "esim": "", "plans": "", "from": ""}
        self._carriers_filled_room = room = self._plans_room()  # the carriers pane is as wide
        widths = plan_columns.carrier_widths(labels, [first, *rows.values()], room)  # the columns that fit
        for key in widths:
            table.add_column(Text(labels[key]), key=key)
        for key, row in ((ALL_CARRIERS, first), *rows.items()):
            table.add_row(fmt.cut(row["name"], widths["name"]), *(Text(row[column]) for column in widths if column != "name"),
                          key=key)

    def _fill_plans(self) -> None:
        assert self.country is not None
        table = self.query_one("#plans", DataTable)
        table.clear(columns=True)
        arrow = "↓" if self.sort_reverse else "↑"
        headers = {key: t(message) for key, message in SORT_COLUMN.items()}
        headers[self.sort_key] += arrow
        plans = self.country.plans
        if self.carrier_filter != ALL_CARRIERS:
            plans = tuple(p for p in plans if p.carrier_id == self.carrier_filter)
        self._plans_shown = sort_plans(plans, self.sort_key, self.sort_reverse)
        names = {c.id: c.shown_name(current_language()) for c in self.country.carriers}
        rows = plan_columns.cells(self._plans_shown, names)
        # what a buyer decides by first; the plan's full name is in the detail
        labels = {"carrier": t("main.col_carrier"), "data": headers["data"], "validity": headers["validity"],
                  "price": headers["price"], "price-per-gb": headers["price-per-gb"], "plan": t("main.col_plan"),
                  **{key: t(f"main.col_{key}") for key in plan_columns.FLAGS}}
        self._plans_filled_room = room = self._plans_room()
        self._plan_widths = widths = plan_columns.widths(labels, rows, room, keep=self.sort_key)  # the columns that fit
        for key, width in widths.items():
            table.add_column(Text(labels[key]), key=key, width=width)
        for p, row in zip(self._plans_shown, rows, strict=True):
            table.add_row(*(fmt.cut(row[key], width) for key, width in widths.items()), key=f"{p.carrier_id}/{p.id}")
        table.border_subtitle = t("main.sorted_by", key=headers[self.sort_key])
        if not self._plans_shown:
            table.border_subtitle = t("main.no_plans")
        self._share_height()

    def _plans_room(self) -> int:
        """The country list folds only below NARROW_BELOW (browse.tcss): at 80 columns
        with the focus on the right, the columns were cut for 76 and scrolled."""
        width = self.app.size.width
        return plans_room(width, left_shown=not (self.has_class("-browsing") and width < NARROW_BELOW))

    def _fold_left(self, focused: Widget) -> None:
        """Below 70 columns the country list folds away while the focus is on the
        right (carriers, plans, details): their numbers need every column. It comes
        back with the focus: '/', or Shift+Tab from the carriers."""
        browsing = self.country is not None and any(node.id in RIGHT_PANES for node in focused.ancestors_with_self)
        if browsing != self.has_class("-browsing"):
            self.set_class(browsing, "-browsing")
            if self.country is not None and self.app.size.width < NARROW_BELOW:
                self._refill_plans()
                self._refill_carriers()

    # -- pane sizes ----------------------------------------------------------------
    def on_resize(self) -> None:
        # the names take the new width; not refilled for the same width (the screen's
        # first Resize comes after the first frame: a refill then was a second paint)
        if self.country is not None and self._plans_room() != self._plans_filled_room:
            self._refill_plans()
        self._refill_carriers()
        self._share_height()

    def _refill_carriers(self) -> None:
        """The carriers' names cut again when the pane's width changed (a resize, the
        country list folding away or coming back)."""
        if self.country is None or self._plans_room() == self._carriers_filled_room:
            return
        table = self.query_one("#carriers", DataTable)
        row = table.cursor_row
        self._fill_carriers()
        table.move_cursor(row=row, animate=False)

    def _refill_plans(self) -> None:
        table = self.query_one("#plans", DataTable)
        row, column = table.cursor_coordinate
        self._fill_plans()
        table.move_cursor(row=row, column=column, animate=False)

    def _share_height(self) -> None:
        """The carriers and plans panes share the height by what they hold: each gets
        its rows when both fit (the plans pane, or an empty plans pane's carriers,
        takes what is left); when they do not, they split it in proportion to their
        rows, neither below a few rows. The details box has a fixed least height, taller
        on a tall terminal, and takes what the tables leave (a long note shows whole at
        200x60 instead of empty plan rows); it never depends on the highlighted row, so
        moving the cursor never re-lays-out the tables."""
        carriers = self.query_one("#carriers", DataTable)
        plans = self.query_one("#plans", DataTable)
        detail = self.query_one("#detail-box")
        height = self.app.size.height - 1  # less the footer
        detail_height = DETAIL_HEIGHTS[-1][1]
        for below, rows in DETAIL_HEIGHTS:
            if height < below:
                detail_height = rows
                break
        heights: tuple[int | str, int | str, int | str]  # carriers, plans, details
        if self.country is None:
            heights = ("1fr", "1fr", detail_height)
        else:
            room = height - 1 - detail_height  # less the country's title line
            frame = 3  # a border above and below, the header row
            need_carriers = carriers.row_count + frame
            need_plans = len(self._plans_shown) + frame if self._plans_shown else frame + 1  # columns fit: no horizontal scroll bar
            if need_carriers + need_plans <= room:
                if self._plans_shown:  # the details take the rest
                    heights = (need_carriers, need_plans, "1fr")
                else:  # no plans: the carriers get the room
                    heights = ("1fr", need_plans, detail_height)
            else:
                least_carriers = min(need_carriers, frame + PANE_LEAST_ROWS)
                least_plans = min(need_plans, frame + PANE_LEAST_ROWS)
                share = round(room * need_carriers / (need_carriers + need_plans))
                heights = (max(least_carriers, min(share, room - least_plans)), "1fr", detail_height)
        # each set once, to its final value: a height set and set back (the details box's
        # fixed least height, then "1fr") asked for a layout on every call, a Resize too
        carriers.styles.height, plans.styles.height, detail.styles.height = heights
        detail.styles.min_height = detail_height

    # -- details -----------------------------------------------------------------
    def _show_detail(self, markup: str) -> None:
        """The details pane shows `markup`; nothing is redrawn when it shows it
        already (a refilled table says again which row is highlighted: at launch
        the same plan's details came three times, each a layout of the screen)."""
        detail = self.query_one("#detail", Static)
        if getattr(detail, "_shown_markup", None) != markup:
            detail._shown_markup = markup  # type: ignore[attr-defined]
            detail.update(markup)

    def _show_detail_country(self) -> None:
        """The country as a whole: what a traveller must know before landing (its
        practical notes: where to buy, registration, top-up), then number-keeping
        rules and where the carrier list comes from."""
        assert self.country is not None
        lines = []
        if self.country.notes:
            lang, today = current_language(), host(self).today
            lines.append(f"[b]{t('main.notes_heading', n=len(self.country.notes))}[/b]")
            for note in self.country.notes:
                topic = t("compare.note_topic", topic=t(f"compare.topic_{note.topic}"))
                dated = t("compare.note_source", source=markup_safe(note.source), date=fmt.dated(note.as_of, today))
                lines.append(f"• [b]{markup_safe(topic)}[/b]{markup_safe(note.text(lang), multiline=True)} [dim]{dated}[/dim]")
        lines.append(t("main.carriers_from", source=markup_safe(derived_source_text(self.country.derived_source))))
        if not self.country.curated:
            lines.append(t("main.not_curated"))
        for rule in self.country.retention:
            lines.append(self._retention_line(rule))
        self._show_detail("\n".join(lines))

    def _retention_line(self, rule) -> str:
        return t(
            "main.retention",
            carrier=markup_safe(rule.carrier_name),
            rule=markup_safe(rule.rule(current_language())),
            source=markup_safe(rule.source),
            date=fmt.dated(rule.as_of, host(self).today),
        )

    def _show_detail_carrier(self, carrier: Carrier) -> None:
        assert self.country is not None
        lang = current_language()
        lines = [f"[b]{markup_safe(carrier.shown_name(current_language()))}[/b]" + t("main.detail_tags", tags=t(f"main.origin_{carrier.origin}"))]
        if carrier.esim == "unknown":
            lines.append(t("main.esim_unknown"))
        else:
            lines.append(
                t(
                    "main.esim_fact",
                    value=fmt.tristate(carrier.esim),
                    source=markup_safe(carrier.esim_source),
                    date=fmt.dated(carrier.esim_as_of, host(self).today),
                )
            )
        if carrier.website:
            lines.append(t("main.website", url=markup_safe(carrier.website)))
        if carrier.prefixes:
            lines.append(t("main.prefixes", n=carrier.prefixes, source=markup_safe(derived_source_text(self.country.derived_source))))
        if carrier.note(lang):
            lines.append(markup_safe(carrier.note(lang), multiline=True))
        for rule in self.country.retention:
            if rule.carrier_id == carrier.id:
                lines.append(self._retention_line(rule))
        self._show_detail("\n".join(lines))

    def _show_detail_plan(self, plan: Plan) -> None:
        lang = current_language()
        lines = [
            f"[b]{markup_safe(plan.name)}[/b]"
            + t("main.detail_tags", tags=t("main.detail_tag_sep").join((t(f"main.kind_{plan.kind}"), t(f"main.origin_{plan.origin}")))),
            t(
                "main.plan_facts",
                data=fmt.data_amount(plan),
                validity=fmt.validity(plan),
                price=fmt.price(plan),
                per_gb=fmt.price_per_gb(plan),
            ) + plan_columns.left_out_facts(plan, self._plan_widths),
            t("main.source_line", source=markup_safe(words_of_today("offer_form.source_default", plan.source)), date=fmt.dated(plan.as_of, host(self).today)),
        ]
        if plan.note(lang):
            lines.append(markup_safe(plan.note(lang), multiline=True))
        self._show_detail("\n".join(lines))

    @on(DataTable.RowHighlighted, "#carriers")
    def _carrier_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if self.country is not None:
            self._show_detail_row(event.row_key.value or "")

    def _show_detail_row(self, key: str) -> None:
        """The details of a carriers-table row: the country's for "All carriers", else the carrier's."""
        assert self.country is not None
        carrier = self.country.carrier(key)
        if carrier is None:
            self._show_detail_country()
        else:
            self._show_detail_carrier(carrier)

    @on(DataTable.RowSelected, "#carriers")
    def _carrier_selected(self, event: DataTable.RowSelected) -> None:
        if self.country is None or event.row_key.value == "__none__":
            return
        self.carrier_filter = event.row_key.value or ALL_CARRIERS
        self._fill_plans()
        self.query_one("#plans", DataTable).focus()

    @on(DataTable.RowHighlighted, "#plans")
    def _plan_highlighted(self, event: DataTable.RowHighlighted) -> None:
        # only when the user is in the plans: refilling them (a country opened, a carrier
        # picked) leaves the details on the country or carrier the cursor is on
        if event.data_table.has_focus and 0 <= event.cursor_row < len(self._plans_shown):
            self._show_detail_plan(self._plans_shown[event.cursor_row])

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """The details follow the table the user moves into; the country list folds
        on a narrow screen (`_fold_left`)."""
        self._fold_left(event.widget)
        if self.country is None or not isinstance(event.widget, DataTable):
            return
        table = event.widget
        if table.id == "plans" and 0 <= table.cursor_row < len(self._plans_shown):
            self._show_detail_plan(self._plans_shown[table.cursor_row])
        elif table.id == "carriers" and table.row_count:
            self._show_detail_row(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value or "")

    @on(DataTable.HeaderSelected, "#plans")
    def _header_selected(self, event: DataTable.HeaderSelected) -> None:
        key = event.column_key.value
        if key in SORT_KEYS:
            if key == self.sort_key:
                self.sort_reverse = not self.sort_reverse
            else:
                self.sort_key, self.sort_reverse = key, False
            self._fill_plans()

    # -- actions -----------------------------------------------------------------
    def action_focus_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_cycle_sort(self) -> None:
        self.sort_key = SORT_KEYS[(SORT_KEYS.index(self.sort_key) + 1) % len(SORT_KEYS)]
        self.sort_reverse = False
        if self.country:
            self._fill_plans()  # the plans pane's bottom line names the key: no notice over the table
        else:
            self.notify(t("main.sorted_by", key=t(SORT_COLUMN[self.sort_key])), timeout=2)

    def action_reverse_sort(self) -> None:
        self.sort_reverse = not self.sort_reverse
        if self.country:
            self._fill_plans()

    def _country_acted_on(self) -> str | None:
        """The country `c` and `o` act on: on the country list, the one highlighted
        there, opened first (with Japan open, "moro" typed and Tab, `c` planned a trip
        to Japan while the list showed Morocco); elsewhere the one open."""
        country_list = self.query_one("#countries", OptionList)
        if country_list.has_focus and country_list.highlighted is not None:
            code = country_list.get_option_at_index(country_list.highlighted).id or ""
            if self.country is None or code != self.country.country:
                self.open_country(code)
        if self.country is None:
            self.notify(t("main.pick_country_first"), severity="warning")
            return None
        return self.country.country

    def action_checklist(self) -> None:
        if (code := self._country_acted_on()) is not None:
            host(self).plan_trip(code)

    def action_compare(self) -> None:
        if (code := self._country_acted_on()) is not None:
            host(self).show_compare(code)

    def action_trips(self) -> None:
        host(self).show_trips()

    def action_profiles(self) -> None:
        host(self).show_profiles()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # letters typed in the search box are text, not commands
        if action in {"cycle_sort", "reverse_sort", "checklist", "trips", "profiles", "compare"}:
            focused = self.focused
            if isinstance(focused, Input):
                return False
        return True
