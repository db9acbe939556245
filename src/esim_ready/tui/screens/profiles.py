"""The profiles screen: the eSIM profiles on the user's phone, and the numbers to keep alive.

A table of profiles (defaults, role, state, next keep-alive) with the highlighted
profile's details below it. Every change goes through `ProfileStore` and is
saved at once; files are read and written only through the exchange layer.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from esim_ready.errors import DataFileError, UserError, WouldLoseProgress
from esim_ready.i18n import t
from esim_ready.state.keepalive import next_due, status_on
from esim_ready.state.profiles import SECRET_FIELDS, LikelySame, Profile, ProfileStore, Saved
from esim_ready.textsafe import one_line
from esim_ready.tui import format as fmt
from esim_ready.tui import profile_format as pf
from esim_ready.tui.bindings import LocalizedScreenMixin
from esim_ready.tui.host import host
from esim_ready.tui.safe_text import plain
from esim_ready.tui.widgets.key_footer import KeyFooter
from esim_ready.tui.widgets.single_line_list import SingleLineOptionList


class ProfileList(SingleLineOptionList):
    """A click shows a profile's details; a click on the highlighted one (or a double
    click, or Enter) edits it."""

    async def _on_click(self, event: events.Click) -> None:
        event.prevent_default()  # not OptionList's own: it would open the form on every click
        clicked = event.style.meta.get("option")
        if clicked is None:
            return
        if clicked == self.highlighted or event.chain > 1:
            self.action_select()
        else:
            self.highlighted = clicked


class ProfilesScreen(LocalizedScreenMixin, Screen[None]):
    CSS_PATH = "profiles.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="profiles_back"),
        Binding("a", "add", "Add", id="profile_add"),
        Binding("e", "edit", "Edit", id="profile_edit"),
        Binding("d", "delete", "Delete", id="profile_delete"),
        Binding("D", "default('data')", "Default data", id="profile_default_data", show=False),
        Binding("V", "default('voice')", "Default voice", id="profile_default_voice", show=False),
        Binding("s", "reveal", "Show secrets", id="profile_secrets", show=False),
        Binding("k", "mark_done", "Kept alive today", id="profile_done", show=False),
        Binding("ctrl+z", "undo_done", "Undo keep-alive done", id="profile_undo", show=False),
        Binding("u", "upcoming", "Keep-alive list", id="profile_upcoming"),
        Binding("Q", "qr", "QR code", id="profile_qr"),
        Binding("i", "import_lpac", "Import lpac", id="profile_import"),
        Binding("x", "export", "Export", id="profile_export"),
        Binding("C", "calendar", "Calendar", id="calendar_export", show=False),
    ]

    @property
    def store(self) -> ProfileStore:
        return self._store if self._store is not None else host(self).profiles

    @property
    def today(self) -> date:
        return self.fixed_today or date.today()

    def __init__(self, store: ProfileStore | None = None, today: date | None = None) -> None:
        super().__init__()
        self._store = store  # None: the app's (a test may give its own)
        self.fixed_today = today  # a test's; else the date when asked (the screen may stay open past midnight)
        self.profiles: tuple[Profile, ...] = ()
        self.revealed: set[str] = set()  # profile ids whose secrets are shown
        self.last_import = ""
        self.last_export = "~/esim-ready-profiles.toml"
        self.widths: dict[str, int] = {}
        self._shown: dict[str, Text] = {}  # what the title and header Statics show
        self._options: dict[str, Option] = {}  # profile id -> its row, as last shown

    # -- layout ---------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Static(id="profiles-title")
        with Vertical(id="profiles-box"):
            yield Static(id="profiles-header")
            yield ProfileList(id="profiles")
        with VerticalScroll(id="profile-detail-box"):
            yield Static(id="profile-detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#profiles-box").border_subtitle = t("profiles.legend")
        self.query_one("#profiles", OptionList).focus()

    async def relocalize(self) -> None:
        current = self.current()
        self._shown.clear()
        self._options.clear()
        await self.recompose()
        self.query_one("#profiles-box").border_subtitle = t("profiles.legend")
        self.reload(current.id if current else None)
        self.query_one("#profiles", OptionList).focus()

    def on_screen_resume(self) -> None:  # first shown, and back from the keep-alive list or a dialog
        self.reload()

    def on_resize(self) -> None:
        if self.is_mounted:
            current = self.current()
            self._fill(current.id if current else None)

    def _tell_quarantined(self) -> None:
        for path, reason in self.store.quarantined:
            self.notify(t("main.damaged_file", path=path, reason=reason), severity="error", timeout=30)
        self.store.quarantined.clear()

    # -- the table --------------------------------------------------------------------
    # One line per profile in a one-line option list (the columns laid out here): it
    # rebuilds and paints 50 rows in about half the time of a DataTable, which renders
    # every cell separately (see benchmarks/bench_profiles.py).
    def reload(self, select: str | None = None) -> None:
        """Read the profiles afresh (another window may have changed them) and show them."""
        try:
            listed = self.store.list()
        except UserError as exc:  # the file cannot be read: say so, show none, overwrite nothing
            listed = ()
            self.notify(str(exc), severity="error", timeout=20)
        # test profiles (from test cards) apart, after the real ones
        self.profiles = tuple(p for p in listed if not p.is_test) + tuple(p for p in listed if p.is_test)
        self._tell_quarantined()
        if select is None and (current := self.current()) is not None:
            select = current.id
        self._fill(select)

    def _cells(self, p: Profile) -> dict[str, Text]:
        state_style = "green" if p.state == "enabled" else "dim"
        cells = {
            "default": Text(pf.default_marks(p), style="bold cyan"),
            "name": Text.assemble((t("code.test_mark") + " ", "yellow"), plain(p.display_name))
            if p.is_test
            else plain(p.display_name),
            "number": plain(p.number_display),
            "carrier": plain(pf.carrier_text(p)),
            "role": Text(pf.role_text(p.role)),
            "state": Text(pf.state_text(p.state), style=state_style),
            "keepalive": Text(""),
        }
        if p.keepalive is not None:
            status = status_on(p.keepalive, self.today)
            cells["keepalive"] = Text.assemble(
                next_due(p.keepalive).isoformat(), " ", (pf.status_text(status), pf.STATUS_STYLE[status])
            )
        return cells

    def _line(self, cells: dict[str, Text]) -> Text:
        """The cells side by side, each cut or padded to its column's width."""
        out = Text(no_wrap=True, overflow="ellipsis", end="")
        for n, (key, width) in enumerate(self.widths.items()):  # the columns shown, in order
            cell = pf.fit_text(cells[key], width)
            out.append_text(cell)
            if n < len(self.widths) - 1:
                out.append(" " * (width - cell.cell_len + 1))
        return out

    def _fill(self, select: str | None = None) -> None:
        rows = [(p, self._cells(p)) for p in self.profiles]
        headers = {key: Text(t(message)) for key, message, _, _ in pf.COLUMNS}
        natural = {key: max((cells[key].cell_len for _, cells in rows), default=0) for key, _, _, _ in pf.COLUMNS}
        # the terminal's width less the border (2), the margins (2) and the scroll bar (1), plus
        # the gap after the last column that `column_widths` counts but `_line` leaves out
        self.widths = pf.column_widths(natural, {k: v.cell_len for k, v in headers.items()}, self.app.size.width - 4)
        self._update_if_changed("#profiles-header", self._line(headers))
        listing = self.query_one("#profiles", ProfileList)
        before, self._options = self._options, {}
        listing.set_options(self._option(before, p.id, self._line(cells)) for p, cells in rows)
        count = len(self.profiles)
        title = Text.assemble((t("profiles.title"), "bold"), "  ", t("profiles.count", n=count))
        hint = fmt.fitted_hint(t("profiles.title_hint"), self.app.size.width - 2 - title.cell_len - 2)  # padding
        if hint:
            title.append("  " + hint, "dim")
        self._update_if_changed("#profiles-title", title)
        if not count:
            self.query_one("#profile-detail", Static).update(t("profiles.empty"))
            return
        index = next((i for i, p in enumerate(self.profiles) if p.id == select), 0)
        listing.highlighted = index
        self._show_detail(self.profiles[index])

    def _option(self, before: dict[str, Option], profile_id: str, line: Text) -> Option:
        """The row's option, the same object as last time when its line is unchanged, so the
        list's cache of rendered lines still holds (a re-import or a reload repaints little)."""
        option = before.get(profile_id)
        if option is None or option.prompt != line:
            option = Option(line, id=profile_id)
        self._options[profile_id] = option
        return option

    def _update_if_changed(self, selector: str, text: Text) -> None:
        """Update a one-line Static only when its text changes (each update re-lays out the screen)."""
        if self._shown.get(selector) != text:
            self.query_one(selector, Static).update(text)
            self._shown[selector] = text

    def current(self) -> Profile | None:
        if not self.is_mounted or not self.profiles:
            return None
        row = self.query_one("#profiles", OptionList).highlighted
        return self.profiles[row] if row is not None and 0 <= row < len(self.profiles) else None

    @on(OptionList.OptionHighlighted, "#profiles")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if 0 <= event.option_index < len(self.profiles):
            self._show_detail(self.profiles[event.option_index])

    @on(OptionList.OptionSelected, "#profiles")
    def _selected(self) -> None:
        self.action_edit()

    # -- the detail pane ----------------------------------------------------------------
    def _show_detail(self, p: Profile) -> None:
        cells = self._cells(p)  # what the table leaves out or cuts, the details say whole
        not_whole = {key for key, cell in cells.items() if cell.cell_len > self.widths.get(key, 0)}
        self.query_one("#profile-detail", Static).update(pf.detail_text(p, self.today, p.id in self.revealed, not_whole))

    # -- actions -------------------------------------------------------------------------
    def _need_current(self) -> Profile | None:
        current = self.current()
        if current is None:
            self.notify(t("profiles.none_selected"), severity="warning")
        return current

    def _attempt(self, change: Callable[[], object], done: str | None, select: str | None = None) -> None:
        """Run a store change; a problem the user can fix becomes a notification."""
        try:
            change()
        except UserError as exc:
            self.notify(str(exc), title=t("profiles.not_saved"), severity="error", timeout=15)
        else:
            if done:
                self.notify(done, timeout=4)
        self.reload(select)

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_add(self) -> None:
        from esim_ready.tui.screens.profile_form import ProfileForm

        self.app.push_screen(ProfileForm(self.store, None, self.today), self._after_form)

    def action_edit(self) -> None:
        from esim_ready.tui.screens.profile_form import ProfileForm

        if (current := self._need_current()) is not None:
            self.app.push_screen(ProfileForm(self.store, current, self.today), self._after_form)

    def _after_form(self, saved: Saved | None) -> None:
        if saved is None:
            return
        self.reload(saved.profile.id)
        self.notify(t("profiles.saved", name=saved.profile.display_name), timeout=4)
        if saved.warnings:
            lines = "\n".join(pf.issue_text(w) for w in saved.warnings)
            self.notify(lines, title=t("profiles.saved_with_warnings"), severity="warning", timeout=15)

    def action_delete(self) -> None:
        from esim_ready.tui.screens.dialogs import ConfirmDialog

        if (current := self._need_current()) is None:
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self._attempt(
                    lambda: self.store.delete(current.id), t("profiles.deleted", name=current.display_name)
                )

        question = t("profiles.confirm_delete", name=current.display_name)
        self.app.push_screen(ConfirmDialog(question, t("profiles.delete"), t("profiles.keep")), answered)

    def action_default(self, kind: str) -> None:
        if (current := self._need_current()) is None:
            return
        already = current.default_data if kind == "data" else current.default_voice
        target = None if already else current.id
        key = f"profiles.default_{kind}_{'off' if already else 'on'}"
        self._attempt(
            lambda: self.store.set_default(kind, target),  # type: ignore[arg-type]
            t(key, name=current.display_name),
            current.id,
        )

    def action_reveal(self) -> None:
        if (current := self._need_current()) is None:
            return
        if not any(getattr(current, name) for name in SECRET_FIELDS):
            self.notify(t("profiles.no_secrets"), timeout=4)
            return
        self.revealed ^= {current.id}
        self._show_detail(current)

    def action_mark_done(self) -> None:
        if (current := self._need_current()) is None:
            return
        if current.keepalive is None:
            self.notify(t("profiles.no_rule", name=current.display_name), severity="warning")
            return
        from esim_ready.tui import keepalive_undo

        keepalive_undo.mark_done(self, self.store, current, self.today)
        self.reload(current.id)

    def action_undo_done(self) -> None:
        from esim_ready.tui import keepalive_undo

        changed = keepalive_undo.undo(self, self.store)
        if changed:
            self.reload(changed)

    def action_qr(self) -> None:
        from esim_ready.tui.screens.activation_qr import ActivationQrScreen

        if (current := self._need_current()) is not None:
            self.app.push_screen(ActivationQrScreen(current))

    def action_upcoming(self) -> None:
        from esim_ready.tui.screens.profile_upcoming import UpcomingScreen

        self.app.push_screen(UpcomingScreen(self.store, self.fixed_today))  # on_screen_resume re-reads after it

    def action_import_lpac(self) -> None:
        from esim_ready.exchange.profile_files import is_pasted_json
        from esim_ready.tui.screens.dialogs import PathDialog, readable

        dialog = PathDialog(
            t("profiles.import_title"),
            t("profiles.import_hint"),
            t("profiles.import_button"),
            self.last_import,
            placeholder=t("profiles.path_placeholder"),
            check=lambda text: None if is_pasted_json(text) else readable(text),  # lpac's output pasted: taken
        )
        self.app.push_screen(dialog, self._import_chosen)

    def _import_chosen(self, path: str | None, replace: bool = False) -> None:
        """Import what the user named: esim-ready's own profiles export or saved lpac output."""
        if path is None:
            return
        from esim_ready.exchange.lpac import LpacError
        from esim_ready.exchange.profile_files import import_file, import_pasted, is_pasted_json
        from esim_ready.tui.screens.dialogs import ConfirmDialog, ProblemsDialog

        pasted = is_pasted_json(path)
        if not pasted:
            self.last_import = path
        current = self.current()
        profile_id = current.id if current else None
        try:
            summary, from_lpac = (import_pasted(path, self.store, profile_id) if pasted
                                  else import_file(path, self.store, profile_id=profile_id, replace=replace))
        except WouldLoseProgress as exc:  # ask first: the file would put keep-alive dates back

            def answered(yes: bool | None) -> None:
                if yes:
                    self._import_chosen(path, replace=True)

            question = t("trips.import_would_lose", losses="\n".join(f"• {loss}" for loss in exc.losses))
            self.app.push_screen(ConfirmDialog(question, t("trips.import_lose_yes"), t("trips.import_lose_no")), answered)
            return
        except DataFileError as exc:  # an export with problems: every one, with its line
            title = t("trips.import_problems", path=exc.path, n=len(exc.problems))
            self.app.push_screen(ProblemsDialog(title, exc.words(), t("trips.import_problems_hint")))
            return
        except UserError as exc:  # the title says nothing was imported
            why = exc.why() if isinstance(exc, LpacError) else str(exc)
            self.notify(why, title=t("profiles.import_failed"), severity="error", timeout=20)
            return
        select = (summary.added or summary.updated or (None,))[0]
        self.reload(select.id if select is not None else None)
        counts = {"added": len(summary.added), "updated": len(summary.updated)}
        notes = [str(w) for w in summary.warnings]
        if summary.skipped_lines:
            notes.append(t("code.lpac_skipped", n=summary.skipped_lines))
        if summary.eid:
            notes.append(t("code.lpac_eid", eid=summary.eid, n=len(summary.added) + len(summary.updated)))

        def tell() -> None:
            self.notify(t("profiles.imported", **counts) if from_lpac else
                        t("profiles.imported_export", name=os.path.basename(path.strip()), **counts), timeout=6)
            if notes:
                self.notify("\n".join(notes), severity="warning" if summary.warnings else "information", timeout=15)

        # a question first, the notices after it: toasts over a dialog hid its buttons at 80x24
        self._offer_same(list(summary.same), then=tell)

    def _offer_same(self, pairs: list[LikelySame], then: Callable[[], None] = lambda: None) -> None:
        """Ask, one pair at a time, whether a profile typed by hand and one just imported
        from the chip are one profile (the user decides; "keep both" has the focus);
        `then` once every pair is answered."""
        if not pairs:
            then()
            return
        from esim_ready.tui.screens.dialogs import ConfirmDialog

        pair, rest = pairs[0], pairs[1:]

        def answered(merge: bool | None) -> None:
            if merge:
                try:
                    saved = self.store.merge_same(pair.typed.id, pair.imported.id)
                except UserError as exc:
                    self.notify(str(exc), title=t("profiles.not_saved"), severity="error", timeout=15)
                else:
                    self.reload(saved.profile.id)
                    self.notify(t("profiles.merged", name=saved.profile.display_name,
                                  iccid=saved.profile.iccid or ""), timeout=6)  # fmt: skip
            self._offer_same(rest, then)

        question = t(
            "profiles.same_question",
            imported=one_line(pair.imported.display_name),
            iccid=pair.imported.iccid,
            typed=one_line(pair.typed.display_name),
            why=t(f"profiles.same_{pair.reason}"),
        )
        dialog = ConfirmDialog(question, t("profiles.same_merge"), t("profiles.same_keep"), danger=False)
        self.app.push_screen(dialog, answered)

    def action_export(self) -> None:
        from esim_ready.tui.screens.dialogs import PathOptionDialog

        dialog = PathOptionDialog(
            t("profiles.export_title", n=len(self.profiles)),
            t("profiles.export_hint"),
            t("profiles.export_button"),
            self.last_export,
            option=t("profiles.export_secrets"),
            write=self._export,
        )
        self.app.push_screen(dialog)

    def _export(self, answer: tuple[str, bool]) -> str | None:
        """Write the export (asked "replace?" first by the dialog when the file is there);
        why it failed (the dialog stays open with the name) or None."""
        from esim_ready.exchange.profile_files import export_profiles_file

        path, secrets = answer
        self.last_export = path
        profiles = self.store.list()
        try:
            target = export_profiles_file(path, profiles, include_secrets=secrets)
        except UserError as exc:
            return str(exc)
        key = "profiles.exported_secrets" if secrets else "profiles.exported"
        self.notify(t(key, n=len(profiles), path=target), timeout=8)
        return None

    def action_calendar(self) -> None:
        from esim_ready.tui.calendar_action import export_calendar

        export_calendar(self, self.store)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"edit", "delete", "default", "reveal", "mark_done", "qr"} and not self.profiles:
            return None  # shown dimmed in the footer: there is nothing to act on
        return True
