"""The trips screen: every trip with how ready it is; open, create, rename, delete,
export and import.

A `DataTable` (one row per trip, a few short columns, sortable by eye); the
highlighted trip's id and open critical items show under the table. Changes go
through `TripStore`; imports and exports through
`esim_ready.exchange.checklist_files`, the same functions the CLI uses.
"""

from __future__ import annotations

import os
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.screen import Screen
from textual.widgets import DataTable, Static
from textual.widgets.data_table import RowDoesNotExist

from esim_ready.errors import DataFileError, UserError, WouldLoseProgress
from esim_ready.i18n import t
from esim_ready.state.checklist_logic import readiness
from esim_ready.state.trips import Trip, TripStore
from esim_ready.tui import format as fmt
from esim_ready.tui import trip_actions
from esim_ready.tui.bindings import LocalizedScreenMixin
from esim_ready.tui.host import host
from esim_ready.tui.safe_text import plain
from esim_ready.tui.widgets.cjk_text import CJKText
from esim_ready.tui.widgets.key_footer import KeyFooter

NAME_LEAST = 10  # the trip name column is never narrower (names are cut with …)


class TripsScreen(LocalizedScreenMixin, Screen):
    CSS_PATH = "trips.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        # priority: the table's own (hidden) Enter binding would otherwise hide this one in the footer
        Binding("enter", "open", "Open", id="open_trip", priority=True),
        Binding("n", "new", "New trip", id="new_trip"),
        Binding("r", "rename", "Rename", id="rename_trip"),
        Binding("e", "edit", "Edit", id="edit_trip", show=False),
        Binding("c", "copy", "Duplicate", id="copy_trip", show=False),
        Binding("d", "delete", "Delete", id="delete_trip"),
        Binding("x", "export", "Export", id="export"),
        Binding("i", "import", "Import", id="import"),
        Binding("C", "calendar", "Calendar", id="calendar_export", show=False),
        Binding("escape", "back", "Back", id="back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.trips: tuple[Trip, ...] = ()

    @property
    def store(self) -> TripStore:
        return host(self).trips

    def compose(self) -> ComposeResult:
        yield Static(t("trips.screen_title"), id="title")
        table: DataTable[str | Text] = DataTable(id="trips", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static(CJKText(t("trips.empty")), id="empty")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#trips", DataTable).focus()

    def on_screen_resume(self) -> None:  # first shown, and back from a checklist or a dialog
        self.refresh_trips(keep=self._selected_id())

    def on_resize(self) -> None:  # the name column takes the new width; the file is not read again
        self._fill(keep=self._selected_id())

    async def relocalize(self) -> None:
        keep = self._selected_id()
        await self.recompose()
        self.refresh_trips(keep)
        self.query_one("#trips", DataTable).focus()

    # -- the table -------------------------------------------------------------------------
    def refresh_trips(self, keep: str | None = None) -> None:
        """Read the trips afresh (a checklist or another window may have changed them) and show them."""
        try:
            self.trips = self.store.list_trips()
        except UserError as exc:  # e.g. the file is locked by a stuck process
            self.notify(str(exc), severity="error", timeout=10)
            self.trips = ()
        trip_actions.tell_damage(self.app)
        self._fill(keep)

    def _fill(self, keep: str | None = None) -> None:
        table = self.query_one("#trips", DataTable)
        table.clear(columns=True)
        templates = self.store.templates
        # Short columns as wide as their longest cell; the name takes what is left (80 columns fit).
        cells = [
            (
                plain(trip.name, overflow="ellipsis", no_wrap=True),
                Text(trip_actions.country_name(trip.country), overflow="ellipsis", no_wrap=True),
                trip_actions.platform_name(trip.platform, short=True),
                trip_actions.trip_dates(trip),
                readiness(trip, templates, today=host(self).today),
            )
            for trip in self.trips
        ]
        headers = {key: t(f"trips.col_{key}") for key in ("name", "country", "platform", "dates", "ready")}

        def widest(key: str, index: int, cap: int) -> int:
            return min(cap, max([cell_len(headers[key])] + [cell_len(str(row[index])) for row in cells]))

        ready = [
            t("trips.ready_stale", percent=score.percent, n=len(score.stale)) if score.stale else f"{score.percent}%"
            for *_, score in cells
        ]
        # readiness right after the name: what this screen is for stays in view on a
        # narrow terminal, where the last columns scroll sideways
        widths = {
            "ready": min(24, max([cell_len(headers["ready"]), 4] + [cell_len(r) for r in ready])),  # "100%"
            "country": widest("country", 1, 16),
            "platform": widest("platform", 2, 8),
            "dates": widest("dates", 3, 24),
        }

        def room() -> int:  # for the name: less the border, each column's padding, a scrollbar, the short columns
            return self.app.size.width - 2 - 2 * (len(widths) + 1) - 2 - sum(widths.values())

        # on a narrow terminal the phone, then the country give way (the checklist's head
        # names both), so that the dates are never cut (60x20 cut "2027-01-10 至 0")
        for optional in ("platform", "country"):
            if room() < NAME_LEAST:
                del widths[optional]
        if room() < NAME_LEAST:  # a long "· 3 backups stale" is cut last (the checklist says it whole)
            widths["ready"] = max(cell_len(headers["ready"]), 4, widths["ready"] - (NAME_LEAST - room()))
        # no wider than the longest name: at 200 columns 130 empty cells parted a short
        # name from its readiness
        name_width = max(min(room(), max([cell_len(headers["name"])] + [row[0].cell_len for row in cells])), NAME_LEAST)
        table.add_column(headers["name"], key="name", width=name_width)
        for key, width in widths.items():
            table.add_column(headers[key], key=key, width=width)

        def fitted(text: Text, width: int) -> Text:  # cut here: "行：…", not "行： …" as the table cuts
            return text if text.cell_len <= width else fmt.ellipsized(text, width)

        for trip, (name, country, platform, dates, score), shown in zip(self.trips, cells, ready, strict=True):
            style = "yellow" if score.stale else "bold green" if score.ready else ""
            row = {"ready": fitted(Text(shown, style=style, overflow="ellipsis", no_wrap=True), widths["ready"]),
                   "country": fitted(country, widths.get("country", 0)), "platform": platform, "dates": dates}
            table.add_row(fitted(name, name_width), *(row[key] for key in widths), key=trip.id)
        empty = not self.trips
        table.display = not empty
        self.query_one("#empty").display = empty
        if keep:
            try:
                table.move_cursor(row=table.get_row_index(keep))
            except RowDoesNotExist:
                pass
        self._show_selected()

    def _selected_id(self) -> str | None:
        table = self.query_one("#trips", DataTable)
        if not self.trips or table.row_count == 0:
            return None
        row = min(table.cursor_row, table.row_count - 1)
        return table.coordinate_to_cell_key(Coordinate(row, 0)).row_key.value

    def _selected(self) -> Trip | None:
        trip_id = self._selected_id()
        trip = next((tr for tr in self.trips if tr.id == trip_id), None)
        if trip is None:
            self.notify(t("trips.no_trip"), severity="warning", timeout=3)
        return trip

    def _show_selected(self) -> None:
        table = self.query_one("#trips", DataTable)
        trip_id = self._selected_id()
        table.border_subtitle = t("trips.count", n=len(self.trips), id=trip_id) if trip_id else ""

    @on(DataTable.RowHighlighted, "#trips")
    def _row_highlighted(self) -> None:
        self._show_selected()

    @on(DataTable.RowSelected, "#trips")
    def _row_selected(self) -> None:  # a click on a row
        self.action_open()

    # -- actions -------------------------------------------------------------------------------
    def action_open(self) -> None:
        from esim_ready.tui.screens.checklist import ChecklistScreen

        trip = self._selected()
        if trip is not None:
            self.app.push_screen(ChecklistScreen(trip.id))

    def action_new(self) -> None:
        trip_actions.new_trip(self)

    def action_edit(self) -> None:
        self._trip_form("edit")

    def action_copy(self) -> None:
        self._trip_form("copy")

    def _trip_form(self, mode: str) -> None:
        """The trip form filled in from the selected trip: save it (edit) or a new one (copy)."""
        from esim_ready.tui.screens.dialogs import NewTrip, NewTripDialog

        trip = self._selected()
        if trip is None:
            return

        def answered(answer: NewTrip | None) -> None:
            if answer is None:
                return
            from esim_ready.state.trips import TripFields

            change = self.store.edit_trip if mode == "edit" else self.store.duplicate_trip
            fields = TripFields(answer.name, answer.country, answer.platform, answer.start, answer.end, answer.backup_days)
            try:
                saved = change(trip.id, fields)
            except UserError as exc:
                self.notify(t("checklist.failed", error=exc), severity="error", timeout=10)
                return
            finally:
                trip_actions.tell_damage(self.app)
            self.refresh_trips(keep=saved.id)
            self.notify(t("trips.edited" if mode == "edit" else "trips.copied", name=saved.name), timeout=4)

        self.app.push_screen(NewTripDialog(trip=trip, mode=mode), answered)

    def action_rename(self) -> None:
        from esim_ready.state.trips import InvalidTrip, check_trip_fields
        from esim_ready.tui.screens.dialogs import TextDialog

        trip = self._selected()
        if trip is None:
            return

        def check(name: str) -> str | None:
            try:
                check_trip_fields(name, trip.platform, None, None)
            except InvalidTrip as exc:
                return str(exc)
            return None

        def renamed(name: str | None) -> None:
            if not name or name == trip.name:
                return
            try:
                saved = self.store.rename_trip(trip.id, name)
            except UserError as exc:
                self.notify(t("checklist.failed", error=exc), severity="error", timeout=10)
                return
            self.refresh_trips(keep=trip.id)
            self.notify(t("trips.renamed", name=saved.name), timeout=3)

        dialog = TextDialog(t("trips.rename_title", name=trip.name), trip.name, action=t("trips.rename_action"), check=check)
        self.app.push_screen(dialog, renamed)

    def action_delete(self) -> None:
        from esim_ready.tui.screens.dialogs import ConfirmDialog

        trip = self._selected()
        if trip is None:
            return

        def answered(yes: bool | None) -> None:
            if not yes:
                self.notify(t("trips.kept"), timeout=2)
                return
            try:
                self.store.delete_trip(trip.id)
            except UserError as exc:
                self.notify(t("checklist.failed", error=exc), severity="error", timeout=10)
                return
            self.refresh_trips()
            self.notify(t("trips.deleted", name=trip.name), timeout=3)

        question = t("trips.delete_question", name=trip.name)
        self.app.push_screen(ConfirmDialog(question, t("trips.delete_yes"), t("trips.delete_no")), answered)

    def action_export(self) -> None:
        trip = self._selected()
        if trip is not None:
            trip_actions.export_trip(self, trip)

    def action_import(self) -> None:
        from esim_ready.tui.screens.dialogs import PathDialog

        def chosen(path: str | None) -> None:
            if path:
                self._import(path)

        def problem(path: str) -> str | None:  # shown in the dialog, which stays open
            from esim_ready.exchange.checklist_files import import_problem

            found = import_problem(path)
            if isinstance(found, DataFileError):  # e.g. the Markdown export: its words, no file name
                return "\n".join(found.words())
            return str(found) if found is not None else None

        hint = t("trips.import_hint", cwd=os.getcwd())
        dialog = PathDialog(t("trips.import_title"), hint, t("trips.import_action"), check=problem)
        self.app.push_screen(dialog, chosen)

    def _import(self, path: str, replace: bool = False) -> None:
        from esim_ready.exchange.checklist_files import import_file
        from esim_ready.tui.screens.dialogs import ConfirmDialog, ProblemsDialog

        try:
            result = import_file(self.store, path, replace=replace)
        except WouldLoseProgress as exc:  # ask first: the file would take ticks or notes back

            def answered(yes: bool | None) -> None:
                if yes:
                    self._import(path, replace=True)

            question = t("trips.import_would_lose", losses="\n".join(self._loss_text(loss) for loss in exc.details))
            self.app.push_screen(ConfirmDialog(question, t("trips.import_lose_yes"), t("trips.import_lose_no")), answered)
            return
        except DataFileError as exc:
            title = t("trips.import_problems", path=exc.path, n=len(exc.problems))
            self.app.push_screen(ProblemsDialog(title, exc.words(), t("trips.import_problems_hint")))
            return
        except UserError as exc:
            self.notify(t("trips.import_failed", error=exc), severity="error", timeout=10)
            return
        finally:
            trip_actions.tell_damage(self.app)
        key = "trips.import_created" if result.created else "trips.import_replaced"
        self.notify(t(key, name=result.trip.name, ticked=result.ticked, n=len(result.trip.items)), timeout=6)
        if result.unknown_items:
            self.notify(t("trips.import_unknown", n=len(result.unknown_items)), severity="warning", timeout=8)
        self.refresh_trips(keep=result.trip.id)

    def _loss_text(self, loss: object) -> str:
        from esim_ready.i18n import current_language
        from esim_ready.state.trips import Loss, preview

        assert isinstance(loss, Loss)
        item = loss.title(current_language())
        if loss.kind == "tick":
            return t("trips.lost_tick", item=item)
        return t("trips.lost_note", item=item, note=preview(loss.note))

    def action_calendar(self) -> None:
        from esim_ready.tui.calendar_action import export_calendar

        export_calendar(self)

    def action_back(self) -> None:
        self.app.pop_screen()
