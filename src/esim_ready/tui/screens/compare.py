"""The compare view: every offer for one country, of every kind (local plans,
travel eSIMs, home roaming), in one table ranked by what the trip costs.

The arithmetic is `esim_ready.pricing`'s; this screen only shows it. The trip
(days, GB in total or per day) and the home currency are edited in the bar
above the table and re-rank at once; the home currency is saved as a setting
through the app. The highlighted offer's details (full names, the arithmetic,
sources and the rates' dates) and the country's practical notes show below.
"""

from __future__ import annotations

import asyncio
import math
import os
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult, RenderResult
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.containers import VerticalScroll
from textual.geometry import Region, Size
from textual.screen import Screen
from textual.strip import Strip
from textual.visual import Visual, VisualType, visualize
from textual.widget import Widget
from textual.widgets import DataTable, Input, Static
from textual.widgets.data_table import ColumnKey

from esim_ready.catalog import countries
from esim_ready.catalog.country_files import typed_currency
from esim_ready.catalog.curated import country_data, reset_if_changed, seller_shown
from esim_ready.catalog.models import OLD_AFTER_YEARS, has_ended, is_outdated
from esim_ready.errors import UserError
from esim_ready.i18n import current_language, t, words_of_today
from esim_ready.limits import MAX_TRIP_DAYS, MAX_TRIP_GB
from esim_ready.pricing import (
    Trip,
    TripCost,
    amount,
    arithmetic,
    gb,
    rank,
    ranked_after_newer,
    rate_date,
    rate_source,
    sale_ended,
)
from esim_ready.state.user_offers import Saved
from esim_ready.tui import format as fmt
from esim_ready.tui.bindings import LocalizedScreenMixin
from esim_ready.tui.format import cut
from esim_ready.tui.host import host
from esim_ready.tui.safe_text import neutralise, one_line
from esim_ready.tui.widgets.cjk_text import CJKText
from esim_ready.tui.widgets.currency_input import CURRENCY_TYPED, LONGEST_NAME, currency_edit
from esim_ready.tui.widgets.fixed_table import FixedColumnsTable
from esim_ready.tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from datetime import date

    from esim_ready.catalog.models import CountryData, Offer
    from esim_ready.catalog.rates import Rates

COLUMNS = ("kind", "seller", "data", "days", "cost", "per_gb", "name")
DECIDING = ("kind", "data", "days", "cost", "per_gb")  # never cut: each as wide as its longest cell
SELLER_MOST = 18  # a longer seller is cut (whole in the details), but where the name keeps
NAME_WIDE = 30  # this many cells (a wide terminal) the seller takes the rest
SELLER_KEEP = 10  # the seller gives way down to this to keep the name's column in view
SELLER_MIN = 6
NAME_MIN = 8  # narrower, the offer's name is left out of the table (it leads the details)
PADDING = 2  # a cell's padding, one each side


def column_widths(longest: Mapping[str, int], room: int, seller_now: int | None = None) -> dict[str, int]:
    """Each column's width for `room` cells of table, from the width of its longest cell
    (header included). What a buyer decides by comes first and is never cut: the kind,
    data, days, trip cost and cost per GB. The seller and the offer's name share what is
    left: on a wide terminal the name up to NAME_WIDE cells and the seller the rest, else
    each whole if they can be, else half each (the seller up to SELLER_MOST, down to
    SELLER_KEEP to keep the name in view); below NAME_MIN cells the name is left out
    (it leads the details) and the seller takes the room, cut to it but not below
    SELLER_MIN. A cut name or seller shows whole in the details. With `seller_now` (the
    seller's width while the trip is typed), the name alone gives way to a wider cost
    column while it can: the seller's cells stay as they are."""
    out = {key: longest[key] for key in DECIDING}
    left = room - sum(out.values()) - PADDING * (len(out) + 1)  # for the seller, and the name with its padding
    both = left - PADDING  # for the seller and the name
    wide = both - min(longest["name"], NAME_WIDE)  # the seller's room if the name keeps NAME_WIDE cells
    if wide > SELLER_MOST:  # a wide terminal: the seller as wide as that
        seller = min(longest["seller"], wide)
    else:
        seller = min(longest["seller"], SELLER_MOST)
        if seller + longest["name"] > both:  # not both whole: half each, the seller at least SELLER_KEEP
            seller = min(seller, max(SELLER_KEEP, both // 2))
            if seller_now is not None and SELLER_KEEP <= seller_now <= min(longest["seller"], SELLER_MOST) \
                    and both - seller_now >= min(longest["name"], NAME_MIN):
                seller = seller_now
    if both - seller >= min(longest["name"], NAME_MIN):  # the name in view
        out["seller"] = seller
        out["name"] = min(longest["name"], both - seller)
    else:
        out["seller"] = max(min(longest["seller"], SELLER_MOST, left), min(longest["seller"], SELLER_MIN))
    return {key: out[key] for key in COLUMNS if key in out}


def number_text(value: float) -> str:
    """A number as typed in a field: 10, 1.5, 0.25."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def data_cell(o: Offer) -> str:
    per_day = t("compare.per_day") if o.billing == "day" else ""
    if o.unlimited:
        return "∞" if o.fair_use_gb is None else f"∞ ≤{gb(o.fair_use_gb)}{per_day}"
    if o.data_gb is None:
        return "?"
    return f"{gb(o.data_gb)}{per_day}"


def days_cell(o: Offer) -> str:
    if o.billing == "day":
        return "1"
    if o.no_expiry:
        return "∞"
    return "?" if o.validity_days is None else str(o.validity_days)


def cost_cell(c: TripCost) -> Text:
    if not c.covers and c.total is not None:  # a lower bound: how long a pack lasts is not stated
        low = amount(c.home.amount) if c.home is not None else amount(c.total, c.offer.currency)
        return Text("≥ " + low, style="dim")
    if not c.covers:
        return Text("✗ " + t(f"compare.short_{c.reason}"), style="dim")
    if c.home is not None:
        return Text(amount(c.home.amount))
    return Text(amount(c.total, c.offer.currency), style="italic")


def per_gb_cell(c: TripCost) -> str:
    if c.home_per_gb is not None:
        return amount(c.home_per_gb)
    if c.per_gb is not None:
        return amount(c.per_gb, c.offer.currency)
    return "—"


# full-width digits, and the decimal marks a Chinese input method or a European keyboard types
_NUMBER_MARKS = str.maketrans({**{chr(0xFF10 + d): str(d) for d in range(10)}, "。": ".", "．": ".", "，": ".", ",": "."})


class TripField(Input):
    """A field of the trip bar. Textual's Input asks for a layout of the whole screen
    whenever its value changes length (its scrollable width follows the text), a third
    of what re-ranking on a typed digit cost. These fields never change size and never
    scroll: compare.tcss makes each as wide as its longest value (max_length) and the
    cursor after it.

    A new value is handed to `changed` at once, as it is set (unless Input.Changed is
    prevented, as when the screen sets it): the re-ranked table is drawn in the same
    frame as the typed character (through Input.Changed, the field was drawn in a frame
    of its own while the message bubbled up to the screen, then the table in another)."""

    def __init__(self, value: str, *, changed: Callable[[TripField], None], **kwargs: Any) -> None:
        super().__init__(value, **kwargs)
        self._changed = changed
        self._cursor_kept = False  # focused by type_first: the value not selected

    def type_first(self, text: str) -> None:
        """Focus the field holding `text` (in place of its value: re-ranked as typed), the
        cursor after it, for the next characters typed to follow (a focus by Tab selects
        all of the value)."""
        self.value = text
        self.cursor_position = len(text)
        self._cursor_kept = True
        self.focus()

    def _on_focus(self, event: events.Focus) -> None:
        """(Runs before Input's, which selects all of the value unless told not to.)"""
        if self._cursor_kept:
            self._cursor_kept = False
            selects = self.select_on_focus
            self.select_on_focus = False
            self.call_next(setattr, self, "select_on_focus", selects)  # once this focus is handled

    def replace(self, text: str, start: int, end: int) -> None:
        """A number typed with a Chinese input method in full-width mode ("１．５", "1。5")
        or with a decimal comma ("1,5") means 1.5: Input dropped the mark it did not take
        and read 15, silently."""
        if self.type in ("number", "integer"):
            text = text.translate(_NUMBER_MARKS)
        elif self.id == "currency":  # 人民币, 美元, ＥＵＲ: the code it names
            text, start, end = currency_edit(self.value, text, start, end)
        super().replace(text, start, end)

    def _watch_value(self, value: str) -> None:
        self.set_reactive(Widget.virtual_size, Size(self.content_width, 1))  # without the layout
        if not self.is_mounted or self._is_prevented(Input.Changed):
            super()._watch_value(value)
            return
        with self.prevent(Input.Changed):  # nobody listens: it would bubble up to the app for nothing
            super()._watch_value(value)
        self._changed(self)


class TripBar(Widget):
    """The trip bar: the days, GB and currency fields, each after its labels, the labels
    drawn by the bar itself as Labels were (a cell of space each side). Four Labels
    were four more widgets to lay out, to draw again from their line caches in each
    re-rank's frame and to pass messages to."""

    def __init__(self, *fields: TripField, labels: list[tuple[str, ...]], id: str | None = None) -> None:
        super().__init__(*fields, id=id)
        self._fields = fields
        self._labels = labels  # the labels before each field
        self._place()

    def set_labels(self, index: int, labels: tuple[str, ...]) -> None:
        """The labels before field `index` are `labels` (the fields after them move)."""
        if self._labels[index] != labels:
            self._labels[index] = labels
            self._place()
            self.refresh()

    def _place(self) -> None:
        for labels, field in zip(self._labels, self._fields, strict=True):
            field.styles.margin = (0, 0, 0, sum(cell_len(label) + 2 for label in labels))

    def render_line(self, y: int) -> Strip:
        """Each label with a cell of space each side, then room for its field, drawn as
        Labels were (their spaces in the background's colour only, their text in the
        bar's colours)."""
        width, style = self.content_region.width, self.rich_style
        space = Style(bgcolor=style.bgcolor)
        if y:
            return Strip.blank(width, space)
        segments: list[Segment] = []
        for labels, field in zip(self._labels, self._fields, strict=True):
            for label in labels:
                segments += [Segment(" ", space), Segment(label, style), Segment(" ", space)]
            segments.append(Segment(" " * field.outer_size.width, space))  # under the field
        return Strip(segments).adjust_cell_length(width, space)


class OfferDetail(Static):
    """The details pane's text, given as its lines and wrapped one line at a time, each
    kept: a re-rank changes a line or two of it (the arithmetic). `show` draws only the
    lines that changed, and lays the screen out again only when the text takes another
    number of lines. (A Static's update wrapped it twice, to measure it and to draw it,
    then drew all of it again: a fifth of a re-rank.)"""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._paragraphs: list[Text] | None = None  # the text shown, as `show` was given it
        self._shown: Visual | None = None  # all of it at once (made when asked: render, a selection)
        self._wrapped: tuple[tuple[object, ...], list[Strip]] | None = None  # (how, lines) of _paragraphs
        self._wrapped_paragraphs: LRUCache[tuple[object, ...], list[Strip]] = LRUCache(256)

    def _visual(self) -> Visual:
        if self._shown is None:
            assert self._paragraphs is not None
            self._shown = visualize(self, Text("\n").join(self._paragraphs))
        return self._shown

    def render(self) -> RenderResult:
        return super().render() if self._paragraphs is None else self._visual()

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        self._paragraphs = self._shown = self._wrapped = None
        super().update(content, layout=layout)

    def show(self, lines: list[Text]) -> None:
        """Show `lines` (lines of text, without their newlines): only the changed ones
        are drawn again when the text takes as many lines on screen."""
        before = self._lines(self.size.width) if self._paragraphs is not None and self.size.width else None
        self._paragraphs, self._shown, self._wrapped = lines, None, None
        if before is None:
            self.refresh(layout=True)
            return
        width = self.size.width
        after = self._lines(width)
        if len(after) != len(before) or len(after) != self.size.height:
            self.refresh(layout=True)
            return
        for y, (was, now) in enumerate(zip(before, after, strict=True)):
            if was != now:
                self.refresh(Region(0, y, width, 1))

    def _lines(self, width: int) -> list[Strip]:
        """The text shown, wrapped to `width` cells as Static draws it (kept while
        the width, the styles and the selected text are the same). Each of its lines
        is wrapped on its own (as Static's Content does) and kept: a re-rank changes
        one or two of them."""
        assert self._paragraphs is not None
        style, selection = self.visual_style, self.text_selection
        how = (width, style, selection)
        if self._wrapped is None or self._wrapped[0] != how:
            if selection is not None:  # the selected text spans lines: all of it at once
                lines = Visual.to_strips(self, self._visual(), width, None, style)
            else:
                lines = []
                kept = self._wrapped_paragraphs
                for y, paragraph in enumerate(self._paragraphs):
                    key = (y, paragraph.plain, paragraph.style, tuple(paragraph.spans), width, style)
                    wrapped = kept.get(key)
                    if wrapped is None:  # its y lines above left blank: its cells' offsets (for the mouse) as whole
                        alone = Text("\n" * y).append_text(paragraph) if y else paragraph
                        wrapped = Visual.to_strips(self, visualize(self, alone), width, None, style)[y:]
                        kept[key] = wrapped
                    lines.extend(wrapped)
            self._wrapped = how, lines
        return self._wrapped[1]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if self._paragraphs is None:
            return super().get_content_height(container, viewport, width)
        return len(self._lines(width))

    def render_line(self, y: int) -> Strip:
        if self._paragraphs is None:
            return super().render_line(y)
        lines = self._lines(self.size.width)
        return lines[y] if y < len(lines) else Strip.blank(self.size.width, self.visual_style.rich_style)


def _lines_of(text: Text) -> list[Text]:
    """The lines of `text`, each ended by a newline (as `split` gives them, less the
    empty one after the last newline)."""
    return list(text.split("\n", allow_blank=True))[:-1] if text.plain else []


def _name_mark(o: Offer, today: date) -> str:
    """Before an offer's name: "ended: " for a promotion no longer sold, "⚠ " when its
    facts are over 12 months old (the details say why), else nothing."""
    if has_ended(o.sold_until, today):
        return t("compare.ended_mark")
    return "⚠ " if is_outdated(o.as_of, today) else ""


class CompareScreen(LocalizedScreenMixin, Screen[None]):
    CSS_PATH = "compare.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("g", "toggle_gb_mode", "GB total / per day", id="compare_gb_mode"),
        Binding("a", "add_offer", "Add an offer I saw", id="compare_add"),
        Binding("e", "edit_offer", "Edit my offer", id="compare_edit", show=False),
        Binding("d", "delete_offer", "Delete my offer", id="compare_delete", show=False),
        Binding("x", "export_offers", "Export my offers", id="compare_export", show=False),
        Binding("i", "import_offers", "Import offers", id="compare_import", show=False),
        Binding("escape", "back", "Back", id="back"),
    ]
    LETTER_ACTIONS: ClassVar[set[str]] = {
        "toggle_gb_mode", "add_offer", "edit_offer", "delete_offer", "export_offers", "import_offers",
    }

    def __init__(self, country: str, days: int = 7, gb_total: float | None = None,
                 gb_per_day: float = 1.0) -> None:
        super().__init__()
        self.code = countries.get(country).alpha2
        reset_if_changed()  # the user's own offers changed by another window or by hand: read again
        self.data: CountryData = country_data(self.code)
        self.per_day_mode = gb_total is None
        self.trip = Trip(days, gb_total) if gb_total is not None else Trip.per_day(days, gb_per_day)
        self.costs: list[TripCost] = []
        self._columns_for: tuple[object, ...] | None = None  # (language, home currency, columns) of the table
        self._widths: dict[str, int] = {}  # of the table's columns
        self._columns_for_room = 0  # the table's room when its columns were fitted
        self._grown_for: tuple[str, str, int] | None = None  # (country, home, room) the cost columns grew for
        self._trip_problems: dict[str, str] = {}  # why the days or GB field is red
        self._currency_problem = ""  # why the currency field is red
        self.language = current_language()  # of its labels: the app keeps the screen for the next opening
        self._styled_with: tuple[int, object] | None = None  # the app's CSS when it was last left
        self._cells_for: tuple[object, ...] | None = None  # (language, today, offers) of _offer_cells
        self._offer_cells: dict[Offer, tuple[str, str, str, str, str, str]] = {}  # cells not cut, name mark
        self._longest: dict[str, int] = {}  # of those cells and the headers that do not name the currency
        self._cut: dict[tuple[str, int, str], Text] = {}  # cut(text, width), ⚠ in front if outdated
        self._detail_shown: TripCost | None = None  # the offer whose details show
        self._offer_lines_kept: LRUCache[tuple[Offer, str, date], tuple[list[Text], list[Text], list[Text]]] = \
            LRUCache(512)
        self._notes_kept: tuple[CountryData, str, date, list[Text]] | None = None  # (for, lines)
        self._subtitle: tuple[DataTable[str | Text], str] | None = None  # the table's bottom border's
        self.laid_out_ahead = False  # built ahead, laid out and drawn off screen (lay_out_ahead)

    @property
    def rates(self) -> Rates:
        from esim_ready.catalog.rates import rates

        return rates()

    @property
    def home(self) -> str:
        return host(self).home_currency

    # -- layout --------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Static(id="compare-title")
        value = self.trip.gb_per_day if self.per_day_mode else self.trip.gb
        yield TripBar(
            TripField(str(self.trip.days), changed=self._trip_changed, id="days", type="integer", compact=True,
                      max_length=4),
            TripField(number_text(value), changed=self._trip_changed, id="gb", type="number", compact=True,
                      max_length=7),
            TripField(self.home, changed=self._currency_changed, id="currency", compact=True,
                      max_length=LONGEST_NAME, restrict=CURRENCY_TYPED),
            labels=[(t("compare.days_label"),), (t("compare.gb_label"),), self._currency_labels()], id="trip-bar")
        yield Static(id="trip-problem")  # why a red field is refused, and what the table still shows
        table: FixedColumnsTable[str | Text] = FixedColumnsTable(id="offers", cursor_type="row", zebra_stripes=True)
        yield table
        yield VerticalScroll(OfferDetail(id="offer-detail"), id="offer-detail-box")
        yield KeyFooter()

    def on_mount(self) -> None:
        self._title()
        self.rerank()
        self.query_one("#offers", DataTable).focus()
        if not self.is_current:  # built ahead, not shown (app.build_compare_ahead): styled with today's CSS
            self._styled_with = self._css_now()

    async def lay_out_ahead(self, size: Size) -> None:
        """Built ahead and not shown (app.build_compare_ahead): laid out and drawn at the
        app's `size`, off screen, as it would be on screen (its footer's keys built, the
        layouts that follow widgets' new sizes), so that showing it only draws what changed
        (else its footer's keys are built then, and it takes three layouts and two full
        draws: as it resumes, for its first resize, for the keys)."""
        if not self.is_attached or self.is_current:
            return
        self._layout_required = True
        quiet = 0
        for _ in range(50):  # as on screen, until the sizes settle (keys placed, scroll bars shown)
            if self.is_current or not self.is_attached:  # opened meanwhile: on screen, as usual
                return
            await self._invoke_and_clear_callbacks()  # what waits for a refresh (the footer's keys rebuilt)
            if self._layout_required:
                self._layout_required, quiet = False, 0
                self._refresh_layout(size)
            else:
                quiet += 1
                if quiet == 3:
                    break
            await asyncio.sleep(0.01)  # the widgets take their new sizes; some ask for another layout
        if self.is_attached and not self.is_current:
            self._compositor.render_update(full=True)
        self.laid_out_ahead = True

    def reopen(self, country: str, days: int = 7) -> None:
        """Show `country` for a trip of `days` days (1 GB a day) as a new screen would,
        in the widgets already built: the app keeps one compare screen, since building
        the fields and the table again was most of what opening it cost."""
        self.code = countries.get(country).alpha2
        reset_if_changed()  # the user's own offers changed by another window or by hand: read again
        self.data = country_data(self.code)
        self.per_day_mode = True
        self.trip = Trip.per_day(days, 1.0)
        for name, value in (("days", str(days)), ("gb", number_text(1.0)), ("currency", self.home)):
            field = self.query_one(f"#{name}", Input)
            with field.prevent(Input.Changed):
                field.value = value
            field.cursor_position = len(value)
            field.remove_class("-bad")
        problem = self.query_one("#trip-problem", Static)
        self._trip_problems, self._currency_problem = {}, ""
        if problem.display:  # a problem of the last visit goes with its values
            problem.display = False
        self.query_one(TripBar).set_labels(2, self._currency_labels())  # a layout only if it changed
        self._title()
        self.costs = []
        self._grown_for = None  # columns fitted afresh
        self.rerank()
        self.query_one("#offer-detail-box", VerticalScroll).scroll_home(animate=False)
        self.query_one("#offers", DataTable).focus()

    def _css_now(self) -> tuple[int, object]:
        return (self.app._css_update_count, self.app.stylesheet.rules)

    def _on_screen_suspend(self) -> None:
        self._styled_with = self._css_now()

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        """Reopened (the app keeps this screen): Textual would restyle every widget
        of it, which also drops the table's rendered cells, about a third of what
        reopening cost. Needless when neither the theme nor the stylesheet changed
        since it was left (Textual's own screen skips it when one above it closes);
        runs before Screen's handler."""
        if self._styled_with is not None and self._styled_with[0] == self.app._css_update_count \
                and self._styled_with[1] is self.app.stylesheet.rules:
            event.refresh_styles = False
        # The main screen below was marked to redraw as this one was pushed; Textual would pass
        # that on as a second full redraw of this one, a frame after the one its resuming asks
        # for. Nothing of it shows through (this screen is opaque); it redraws whole when shown again.
        if self.styles.background.a == 1:
            for below in self.app._background_screens:
                below._repaint_required = False
                below._dirty_widgets.clear()
                below._compositor._dirty_regions.clear()

    def on_resize(self) -> None:
        self._title()
        if self.costs and self._table_room() != self._columns_for_room:
            self._fill(keep=self._highlighted_key())

    async def relocalize(self) -> None:
        self.language = current_language()
        keep = self._highlighted_key()
        await self.recompose()
        self._columns_for = None  # a new table
        self._title()
        self.rerank(keep)
        self.query_one("#offers", DataTable).focus()

    def _mode_text(self) -> str:
        return t("compare.gb_per_day") if self.per_day_mode else t("compare.gb_total")

    def _currency_labels(self) -> tuple[str, str]:
        """Between the GB and currency fields: whether GB are per day or in total, then
        the currency's label."""
        return self._mode_text(), t("compare.currency_label")

    def _title(self) -> None:
        c = countries.get(self.code)
        lang = current_language()
        counts = {kind: sum(1 for o in self.data.offers if o.kind == kind) for kind in ("local", "travel-esim",
                                                                                      "home-roaming")}
        title = Text.assemble(
            (one_line(c.name(lang)), "bold"), f"  {c.alpha2}  ·  ",
            t("compare.title_counts", n=len(self.data.offers), local=counts["local"],
              esim=counts["travel-esim"], roaming=counts["home-roaming"]),
        )
        if title.cell_len > (self.size.width or self.app.size.width) - 2:  # its padding
            # too long for the line (60 columns): the number of offers only (the table shows their kinds)
            title = Text.assemble((one_line(c.name(lang)), "bold"), f"  {c.alpha2}  ·  ",
                                  t("compare.title_counts_short", n=len(self.data.offers)))
        shown = self.query_one("#compare-title", Static)
        if shown.content != title:  # the same country again: nothing to redraw
            shown.update(title, layout=False)  # one line (compare.tcss): its size never changes

    def _table_room(self) -> int:
        return (self.size.width or self.app.size.width) - 4  # its border and vertical scroll bar

    def _set_columns(self, widths: dict[str, int]) -> None:
        """The table's columns are `widths` (in order): set in place when only widths change."""
        table = self.query_one("#offers", DataTable)
        home = self.home
        labels = (current_language(), home, tuple(widths))
        if self._columns_for != labels:
            table.clear(columns=True)
            for key, width in widths.items():
                header = t(f"compare.h_{key}", home=home) if key in ("cost", "per_gb") else t(f"compare.h_{key}")
                table.add_column(header, key=key, width=width)
            self._columns_for = labels
        elif widths != self._widths:
            for key, width in widths.items():
                table.columns[ColumnKey(key)].width = width
        self._widths = widths

    # -- ranking ------------------------------------------------------------------------
    def rerank(self, keep: str | None = None) -> None:
        """Cost every offer for the current trip and show them cheapest first."""
        self.costs = rank(self.data.offers, self.trip, self.rates, self.home, host(self).today)
        self._fill(keep if keep is not None else self._highlighted_key())

    def _fill(self, keep: str | None = None) -> None:
        table = self.query_one("#offers", FixedColumnsTable)
        today = host(self).today
        lang = current_language()
        context = (lang, today, self.data.offers)
        if self._cells_for != context:  # the cells that do not depend on the trip, kept per offer
            self._cells_for, self._offer_cells, self._cut = context, {}, {}
            for o in self.data.offers:
                seller = ("★ " if o.origin == "user" else "") + one_line(seller_shown(o.seller, lang))
                self._offer_cells[o] = (t(f"compare.short_{o.kind}"), seller, data_cell(o), days_cell(o),
                                        one_line(o.name), _name_mark(o, today))
            columns = list(zip(*self._offer_cells.values(), strict=True)) or [()] * 6
            self._longest = {key: max([cell_len(t(f"compare.h_{key}"))] + [cell_len(x) for x in columns[i]])
                             for i, key in enumerate(("kind", "seller", "data", "days", "name"))}
            self._longest["name"] += max([cell_len(m) for m in columns[5]], default=0)  # "⚠ " before the name
        trip_cells = [(cost_cell(c), per_gb_cell(c)) for c in self.costs]
        home = self.home
        longest = dict(self._longest)
        longest["cost"] = max([cell_len(t("compare.h_cost", home=home))] + [x[0].cell_len for x in trip_cells])
        longest["per_gb"] = max([cell_len(t("compare.h_per_gb", home=home))] + [cell_len(x[1]) for x in trip_cells])
        room = self._table_room()
        seller_now = None
        if self._grown_for == (self.code, home, room):  # while the trip is typed, the columns never narrow
            for key in ("cost", "per_gb"):  # (they would move left and right; each move redraws the table)
                longest[key] = max(longest[key], self._widths.get(key, 0))
            seller_now = self._widths.get("seller")
        self._grown_for = (self.code, home, room)
        widths = column_widths(longest, room, seller_now)
        self._columns_for_room = room
        self._set_columns(widths)
        seller_width, name_width = widths["seller"], widths.get("name")
        rows: list[tuple[str, tuple[str | Text, ...]]] = []
        for c, (cost, per_gb) in zip(self.costs, trip_cells, strict=True):
            o = c.offer
            kind, seller, data, days, name, mark = self._offer_cells[o]
            if name_width is None:
                rows.append((o.key, (kind, self._cut_to(seller, seller_width), data, days, cost, per_gb)))
            else:
                rows.append((o.key, (kind, self._cut_to(seller, seller_width), data, days, cost, per_gb,
                                     self._cut_to(name, name_width, mark))))
        row = next((i for i, (key, _cells) in enumerate(rows) if key == keep), 0) if keep is not None else 0
        with table.prevent(DataTable.RowHighlighted):  # its details are shown below
            table.replace_rows(rows, repaint_changed=True, cursor_row=row)
        self._set_subtitle(table, t("compare.subtitle", n=self.trip.days, gb=gb(self.trip.gb), home=self.home))
        if not self.costs:
            self._detail_shown = None
            self._set_detail(list(self._notes_text(Text(t("compare.none"))).split("\n", allow_blank=True)))
            return
        self._show_detail(row)

    def _set_subtitle(self, table: DataTable[str | Text], subtitle: str) -> None:
        """The table's bottom border says `subtitle` (markup of the catalogue). Setting
        `border_subtitle` draws the whole table again: only that line is drawn."""
        if self._subtitle == (table, subtitle):
            return
        self._subtitle = (table, subtitle)
        if not table.is_mounted or not table.size:
            table.border_subtitle = subtitle
            return
        table._border_subtitle = table.render_str(subtitle).expand_tabs(4).split()[0]  # as Widget.border_subtitle
        offset, size = table.content_offset, table.outer_size
        table.refresh(Region(-offset.x, size.height - 1 - offset.y, size.width, 1))  # the bottom border's line

    def _cut_to(self, text: str, width: int, mark: str = "") -> Text:
        """`text` cut to `width` cells (an ellipsis where cut; whole in the details), after
        its `mark` (see _name_mark)."""
        key = (text, width, mark)
        out = self._cut.get(key)
        if out is None:
            out = self._cut[key] = Text.assemble((mark, "yellow"), cut(text, max(1, width - cell_len(mark)))) \
                if mark else cut(text, width)
        return out

    def _highlighted_key(self) -> str | None:
        table = self.query_one("#offers", DataTable)
        if not 0 <= table.cursor_row < len(self.costs):
            return None
        return self.costs[table.cursor_row].offer.key

    # -- details ------------------------------------------------------------------------
    def _show_detail(self, row: int) -> None:
        """The highlighted offer's details, then the country's notes. Only the lines of
        the arithmetic, the cost per GB, what it is ranked after and the rates depend on
        the trip: the others are made once per offer (and language, and day)."""
        if not 0 <= row < len(self.costs):
            return
        c = self.costs[row]
        if c is self._detail_shown:
            return  # shown already (a refill shows the first offer, then the table says it is highlighted)
        self._detail_shown = c
        o = c.offer
        today = host(self).today
        head, middle, tail = self._offer_lines(o, current_language(), today)
        text = Text().append(arithmetic(c) + "\n", style="" if c.covers else "yellow")
        if c.per_gb is not None:
            per_gb = amount(c.per_gb, o.currency)
            if c.home_per_gb is not None and c.home is not None and c.home.currency != o.currency:
                per_gb += f" ≈ {amount(c.home_per_gb, c.home.currency)}"
            text.append(t("compare.per_gb_line", value=per_gb) + "\n")
        after = Text()
        if ranked_after_newer(c, today):
            after.append(t("compare.ranked_after_old", years=OLD_AFTER_YEARS) + "\n", style="yellow")
        if sale_ended(c, today):
            after.append(t("compare.sale_ended", date=o.sold_until) + "\n", style="yellow")
        if c.home is not None:
            for s in c.home.sources:
                after.append(t("compare.rate_line", source=one_line(rate_source(s.source)), date=rate_date(s.as_of))
                             + "\n", style="dim")
        self._set_detail([*head, *_lines_of(text), *middle, *_lines_of(after), *tail, *self._notes_lines(), Text()])

    def _offer_lines(self, o: Offer, lang: str, today: date) -> tuple[list[Text], list[Text], list[Text]]:
        """The lines of an offer's details that do not depend on the trip: above the
        arithmetic, between it and what it is ranked after, and last (kept per offer)."""
        key = (o, lang, today)
        kept = self._offer_lines_kept.get(key)
        if kept is not None:
            return kept
        origin = t("compare.yours") if o.origin == "user" else t(f"compare.kind_{o.kind}")
        head = Text.assemble((one_line(o.name), "bold"), "  ", one_line(seller_shown(o.seller, lang)),
                             (t("main.detail_tags", tags=origin), "dim"), "\n")
        facts = []
        if o.network:
            # a carrier's plan names its host when the carrier is an MVNO; an offer's
            # `network` (yours from the form, a travel eSIM's) is only the network it uses
            mvno = o.kind == "local" and bool(o.carrier_id)
            facts.append(t("compare.mvno_of" if mvno else "compare.network", network=one_line(o.network)))
        if o.zone(lang):
            facts.append(t("compare.zone", zone=one_line(o.zone(lang))))
        if o.countries and o.kind == "home-roaming" and len(o.countries) > 1:
            facts.append(t("compare.zone_countries", n=len(o.countries)))
        if facts:
            head.append("  ·  ".join(facts) + "\n")
        middle = Text(t("compare.features", five_g=fmt.tristate(o.five_g), hotspot=fmt.tristate(o.hotspot),
                        number=fmt.tristate(o.number_sms), esim=fmt.tristate(o.esim)) + "\n")
        middle.append(t("compare.source_line", source=one_line(words_of_today("offer_form.source_default", o.source)),
                        date=fmt.dated(o.as_of, today)) + "\n")
        if o.kind == "local" and o.plan_kind != "tourist":  # a visitor's SIM is priced with its card
            middle.append(t("compare.sim_not_counted") + "\n", style="dim")
        tail = Text(neutralise(o.note(lang)) + "\n") if o.note(lang) else Text()
        kept = self._offer_lines_kept[key] = (_lines_of(head), _lines_of(middle), _lines_of(tail))
        return kept

    def _set_detail(self, lines: list[Text]) -> None:
        self.query_one("#offer-detail", OfferDetail).show(lines)

    def _notes_lines(self) -> list[Text]:
        """The country's practical notes, under whatever the detail shows (kept while
        the country, the language and the day are the same)."""
        lang, today = current_language(), host(self).today
        kept = self._notes_kept
        if kept is None or kept[0] is not self.data or kept[1:3] != (lang, today):
            kept = self._notes_kept = self.data, lang, today, _lines_of(self._notes_text(Text()))
        return kept[3]

    def _notes_text(self, text: Text) -> Text:
        """The country's practical notes, under whatever the detail shows."""
        if not self.data.notes:
            return text
        lang = current_language()
        text.append("\n" + t("compare.notes_heading") + "\n", style="bold")
        for note in self.data.notes:
            text.append("• " + t("compare.note_topic", topic=t(f"compare.topic_{note.topic}")), style="bold")
            text.append(neutralise(note.text(lang)))
            text.append("  " + t("compare.note_source", source=one_line(note.source),
                                 date=fmt.dated(note.as_of, host(self).today)) + "\n", style="dim")
        return text

    @on(DataTable.RowHighlighted, "#offers")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail(event.cursor_row)

    # -- the trip bar -------------------------------------------------------------------
    def _trip_changed(self, _field: TripField) -> None:
        trip, problems = self._read_trip()
        for name in ("days", "gb"):
            self.query_one(f"#{name}", Input).set_class(name in problems, "-bad")
        self._say_trip_problems(problems)
        if trip is not None and trip != self.trip:
            self.trip = trip
            self.rerank()

    def _read_trip(self) -> tuple[Trip | None, dict[str, str]]:
        """The trip the fields describe, or None and what is wrong with each field
        (the limits of `compare --days/--gb`)."""
        problems: dict[str, str] = {}
        try:
            days = int(self.query_one("#days", Input).value)
        except ValueError:
            days = 0
        if not 1 <= days <= MAX_TRIP_DAYS:
            problems["days"] = t("compare.field_bad_days", max=MAX_TRIP_DAYS)
        try:
            value = float(self.query_one("#gb", Input).value)
        except ValueError:
            value = math.nan
        if not 0 <= value <= MAX_TRIP_GB:  # also refuses NaN
            problems["gb"] = t("compare.field_bad_gb", max=MAX_TRIP_GB)
        if problems:
            return None, problems
        return (Trip.per_day(days, value) if self.per_day_mode else Trip(days, value)), problems

    def _say_trip_problems(self, problems: dict[str, str]) -> None:
        """Under the trip bar: why a field is red, and that the table still shows the last
        good trip (and home currency)."""
        self._trip_problems = problems
        said = []
        if problems:
            said.append(t("compare.field_still", problems=t("compare.field_join").join(problems.values()),
                          n=self.trip.days, gb=gb(self.trip.gb)))
        if self._currency_problem:
            said.append(self._currency_problem)
        box = self.query_one("#trip-problem", Static)
        if box.display != bool(said):  # setting it, even to the same, lays the screen out again
            box.display = bool(said)
        if said:
            box.update(CJKText("\n".join(said)))

    def on_key(self, event: events.Key) -> None:
        """A digit typed in the table (where the screen opens) starts the trip's days: it
        goes to the Days field in place of what it held, and the next digits follow it
        there (qa: a buyer types 14 for a fortnight and nothing happened)."""
        digit = (event.character or "").translate(_NUMBER_MARKS)
        if len(digit) != 1 or digit not in "0123456789" or self.focused is not self.query_one("#offers"):
            return  # (then LocalizedScreenMixin's)
        event.stop()
        event.prevent_default()
        self.query_one("#days", TripField).type_first(digit)

    def _currency_changed(self, field: TripField) -> None:
        from esim_ready.catalog.country_files import currency_codes

        code = typed_currency(field.value)
        valid = code in currency_codes()
        field.set_class(not valid, "-bad")
        self._currency_problem = "" if valid else t("compare.field_bad_currency", code=code or "—", home=self.home)
        self._say_trip_problems(self._trip_problems)
        if valid and code != self.home:
            host(self).set_home_currency(code)
            self.rerank(self._highlighted_key())

    def action_toggle_gb_mode(self) -> None:
        """GB in total <-> GB per day, keeping the same trip."""
        self.per_day_mode = not self.per_day_mode
        value = self.trip.gb_per_day if self.per_day_mode else self.trip.gb
        self.query_one(TripBar).set_labels(2, self._currency_labels())
        field = self.query_one("#gb", Input)
        with field.prevent(Input.Changed):
            field.value = number_text(value)

    # -- the user's own offers -----------------------------------------------------------
    def reload(self, keep: str | None = None) -> None:
        """Read the country's offers again (after the user's own changed)."""
        self.data = country_data(self.code)
        self._title()
        self.rerank(keep)

    def _mine(self) -> Offer | None:
        """The highlighted offer if it is one the user added, else a notice and None."""
        key = self._highlighted_key()
        offer = next((c.offer for c in self.costs if c.offer.key == key), None)
        if offer is None or offer.origin != "user" or offer.carrier_id:
            self.notify(t("compare.not_yours"), severity="warning")
            return None
        return offer

    def _saved(self, saved: Saved | None) -> None:
        if saved is None:
            return
        self.reload()
        for row, c in enumerate(self.costs):
            if c.offer.origin == "user" and c.offer.id == saved.offer_id and not c.offer.carrier_id:
                self.query_one("#offers", DataTable).move_cursor(row=row)
                break
        self.notify(t("compare.saved"), timeout=3)

    def action_add_offer(self) -> None:
        from esim_ready.tui.screens.offer_form import OfferForm

        self.app.push_screen(OfferForm(host(self).offers, self.code, host(self).today), self._saved)

    def action_edit_offer(self) -> None:
        from esim_ready.tui.screens.offer_form import OfferForm

        offer = self._mine()
        if offer is not None:
            self.app.push_screen(OfferForm(host(self).offers, self.code, host(self).today, offer.id), self._saved)

    def action_delete_offer(self) -> None:
        from esim_ready.tui.screens.dialogs import ConfirmDialog

        offer = self._mine()
        if offer is None:
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                host(self).offers.delete(self.code, offer.id)
            except UserError as exc:
                self.notify(str(exc), severity="error", timeout=10)
                return
            self.reload()
            self.notify(t("compare.deleted"), timeout=3)

        question = t("compare.delete_question", name=one_line(offer.name))
        self.app.push_screen(ConfirmDialog(question, t("compare.delete_yes"), t("compare.delete_no")), answered)

    def action_export_offers(self) -> None:
        from esim_ready.tui.screens.dialogs import PathDialog

        def write(path: str) -> str | None:  # a reason keeps the dialog open, with the name
            from esim_ready.exchange.offers_toml import export_offers_file

            try:
                written = export_offers_file(path, host(self).offers)
            except UserError as exc:
                return str(exc)
            self.notify(t("compare.exported", path=str(written or path)), timeout=8)
            return None

        hint = t("compare.export_hint", cwd=os.getcwd())
        self.app.push_screen(PathDialog(t("compare.export_title"), hint, t("compare.export_action"),
                                        initial="offers.toml", write=write))

    def action_import_offers(self) -> None:
        from esim_ready.tui.screens.dialogs import PathDialog, readable

        def chosen(path: str | None) -> None:
            if path:
                self._import(path)

        hint = t("compare.import_hint", cwd=os.getcwd())
        dialog = PathDialog(t("compare.import_title"), hint, t("compare.import_action"), check=readable)
        self.app.push_screen(dialog, chosen)

    def _import(self, path: str, replace: bool = False) -> None:
        from esim_ready.errors import DataFileError, WouldLoseProgress
        from esim_ready.exchange.offers_toml import import_offers_file
        from esim_ready.tui.screens.dialogs import ConfirmDialog, ProblemsDialog

        try:
            result = import_offers_file(path, host(self).offers, replace=replace)
        except WouldLoseProgress as exc:  # it would replace offers of yours that say something else

            def answered(yes: bool | None) -> None:
                if yes:
                    self._import(path, replace=True)

            question = t("compare.import_replace_question", offers="\n".join(f"• {x}" for x in exc.losses))
            self.app.push_screen(ConfirmDialog(question, t("compare.import_replace_yes"), t("trips.import_lose_no")),
                                 answered)
            return
        except DataFileError as exc:
            title = t("compare.import_problems", path=exc.path, n=len(exc.problems))
            self.app.push_screen(ProblemsDialog(title, exc.words(), t("compare.import_problems_hint")))
            return
        except UserError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return
        self.reload()
        self.notify(t("compare.imported", n=result.offers, countries=t("offer_form.codes_sep").join(
            countries.name_of(code, current_language()) for code in result.countries)), timeout=6)

    def action_back(self) -> None:
        self.dismiss()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # letters typed in a field are text, not commands
        return not (action in self.LETTER_ACTIONS and isinstance(self.focused, Input))
