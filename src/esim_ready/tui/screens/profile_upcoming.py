"""The keep-alive list: every number with a rule, soonest due first, with its yearly cost."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Static

from esim_ready.errors import UserError
from esim_ready.i18n import t
from esim_ready.state.keepalive import Upcoming, upcoming, yearly_totals
from esim_ready.state.profiles import ProfileStore
from esim_ready.tui import format as fmt
from esim_ready.tui import profile_format as pf
from esim_ready.tui.bindings import LocalizedScreenMixin
from esim_ready.tui.safe_text import one_line
from esim_ready.tui.widgets.key_footer import KeyFooter

COLUMNS = ("due", "when", "name", "number", "per_year")
LEFT_OUT = ("per_year", "number")  # on a narrow screen, in this order (the detail and the totals line say them)
NAME_LEAST = 5
GAP = 2  # the cells after each column (the table has no cell padding)


def upcoming_widths(natural: dict[str, int], room: int) -> dict[str, int]:
    """The columns shown and their widths: as wide as what they hold; when they do not
    fit `room` cells, the nickname is cut (down to NAME_LEAST), then the yearly cost
    and the number are left out, so no column is cut off at the right edge."""
    widths = {key: natural[key] for key in COLUMNS}

    def used() -> int:
        return sum(widths.values()) + GAP * len(widths)

    widths["name"] = max(min(natural["name"], NAME_LEAST), widths["name"] - max(0, used() - room))
    for key in LEFT_OUT:
        if used() <= room:
            break
        del widths[key]
    if used() < room and widths["name"] < natural["name"]:
        widths["name"] = min(natural["name"], widths["name"] + room - used())
    return widths


class UpcomingScreen(LocalizedScreenMixin, Screen[None]):
    DEFAULT_CSS = """
    UpcomingScreen #upcoming-title { height: 1; padding: 0 1; background: $boost; }
    UpcomingScreen #upcoming {
        height: 1fr; min-height: 4; padding-left: 1; border: round $foreground 30%;
    }
    UpcomingScreen #upcoming:focus { border: heavy $text-accent; }
    UpcomingScreen #upcoming-detail-box { height: 6; border: round $foreground 30%; padding: 0 1; }
    UpcomingScreen #upcoming-detail-box:focus { border: heavy $text-accent; }
    UpcomingScreen #upcoming-totals { height: auto; padding: 0 1; text-style: bold; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="profiles_back"),
        Binding("k", "mark_done", "Kept alive today", id="profile_done"),
        Binding("ctrl+z", "undo_done", "Undo keep-alive done", id="profile_undo", show=False),
    ]

    per_year_shown = True

    def __init__(self, store: ProfileStore, today: date | None = None) -> None:
        super().__init__()
        self.store = store
        self.fixed_today = today  # a test's; else the date when asked

    @property
    def today(self) -> date:
        return self.fixed_today or date.today()
        self.items: list[Upcoming] = []

    def compose(self) -> ComposeResult:
        yield Static(id="upcoming-title")
        yield DataTable(id="upcoming", cursor_type="row", zebra_stripes=True, cell_padding=0)
        yield Static(id="upcoming-totals")
        with VerticalScroll(id="upcoming-detail-box"):
            yield Static(id="upcoming-detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#upcoming", DataTable).focus()

    async def relocalize(self) -> None:
        row = self.query_one("#upcoming", DataTable).cursor_row
        await self.recompose()
        self.reload(row)
        self.query_one("#upcoming", DataTable).focus()

    def reload(self, row: int = 0) -> None:
        try:
            self.items = upcoming(self.store.list(), self.today)
        except UserError as exc:
            self.items = []
            self.notify(str(exc), severity="error", timeout=20)
        table = self.query_one("#upcoming", DataTable)
        rows = []
        for item in self.items:
            style = pf.STATUS_STYLE[item.status]
            rows.append(
                {
                    "due": Text(item.due.isoformat(), style),
                    "when": Text(pf.when_text(item.days_left), style),
                    "name": Text(one_line(item.profile.display_name)),
                    "number": Text(item.profile.number_display),
                    "per_year": Text(pf.money(item.yearly_cost, item.currency)),
                }
            )
        headers = {key: t(f"profiles.col_{key}") for key in COLUMNS}
        widths = upcoming_widths(
            {key: max([Text(header).cell_len, *(cells[key].cell_len for cells in rows)]) for key, header in headers.items()},
            self.app.size.width - 5,  # the border, the left padding and the scroll bar
        )
        self.per_year_shown = "per_year" in widths
        table.clear(columns=True)
        for key, width in widths.items():
            table.add_column(headers[key], key=key, width=width + GAP)
        for item, cells in zip(self.items, rows, strict=True):
            table.add_row(*(pf.fit_text(cells[key], width) for key, width in widths.items()), key=item.profile.id)
        title = t("profiles.upcoming_title")
        hint = fmt.fitted_hint(t("profiles.upcoming_hint"), self.app.size.width - 2 - cell_len(title) - 2)  # padding
        self.query_one("#upcoming-title", Static).update(Text.assemble((title, "bold"), "  ", (hint, "dim")))
        totals = yearly_totals(self.items)
        money = t("profiles.list_sep").join(pf.money(v, c) for c, v in sorted(totals.items()))
        self.query_one("#upcoming-totals", Static).update(
            t("profiles.totals", totals=money) if totals else t("profiles.totals_none")
        )
        detail = self.query_one("#upcoming-detail", Static)
        if not self.items:
            detail.update(t("profiles.upcoming_empty"))
            return
        table.move_cursor(row=min(row, len(self.items) - 1))
        self._show(self.items[table.cursor_row])

    def _show(self, item: Upcoming) -> None:
        profile = pf.shown(item.profile)  # the user's text made safe to show
        text = Text.assemble(
            (profile.display_name, "bold"),
            "  ",
            profile.carrier or "",
            "\n",
            t("profiles.keepalive_line", rule=pf.describe_rule(item.rule), last=item.rule.last_done.isoformat()),
        )
        if not self.per_year_shown and item.yearly_cost is not None:  # its column left out on a narrow screen
            text.append(" · " + t("profiles.per_year", cost=pf.money(item.yearly_cost, item.currency)))
        if item.rule.source:
            text.append("\n" + t("profiles.rule_source", source=one_line(item.rule.source)), "dim")
        self.query_one("#upcoming-detail", Static).update(text)

    def on_resize(self) -> None:
        if self.is_mounted and self.items:
            self.reload(self.query_one("#upcoming", DataTable).cursor_row)

    @on(DataTable.RowHighlighted, "#upcoming")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if 0 <= event.cursor_row < len(self.items):
            self._show(self.items[event.cursor_row])

    def action_back(self) -> None:
        self.dismiss(None)

    def action_mark_done(self) -> None:
        table = self.query_one("#upcoming", DataTable)
        if not self.items:
            return
        from esim_ready.tui import keepalive_undo

        keepalive_undo.mark_done(self, self.store, self.items[table.cursor_row].profile, self.today)
        self.reload(table.cursor_row)

    def action_undo_done(self) -> None:
        from esim_ready.tui import keepalive_undo

        if keepalive_undo.undo(self, self.store):
            self.reload(self.query_one("#upcoming", DataTable).cursor_row)
