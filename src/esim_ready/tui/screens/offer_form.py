"""'Add an offer I saw': one offer typed in (at the airport kiosk, on a seller's
site), checked like the data files, saved as the user's own.

The form only reads what was typed; `UserOffers` (state) turns it into an
`[[offers]]` table, validates it with the data files' validator and saves it in
the user's data folder. Every problem shows under its field.
"""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Select, Static

from esim_ready.catalog import countries
from esim_ready.catalog.models import BILLINGS, OFFER_KINDS
from esim_ready.errors import UserError
from esim_ready.i18n import current_language, t
from esim_ready.state.user_offers import FORM_FIELDS, OfferInvalid, Saved, UserOffers, form_from_table
from esim_ready.tui.bindings import LocalizedScreenMixin
from esim_ready.tui.focus_rows import mark_focused_row
from esim_ready.tui.safe_text import SafeInput
from esim_ready.tui.screens.discard_guard import AsksBeforeDiscarding
from esim_ready.tui.widgets.keepalive_fields import form_row

TEXT_FIELDS = ("seller", "name", "network", "data_gb", "fair_use_gb", "validity_days", "price", "currency",
               "source", "as_of", "note_en")


class OfferForm(AsksBeforeDiscarding, LocalizedScreenMixin, ModalScreen[Saved | None]):
    """Dismissed with the `Saved` offer, or None when cancelled."""

    CSS_PATH = "offer_form.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="offer_save"),
        Binding("escape", "cancel", "Cancel", id="offer_cancel"),
    ]

    def __init__(self, store: UserOffers, country: str, today: date, offer_id: str | None = None) -> None:
        super().__init__()
        self.store = store
        self.country = country
        self.today = today
        self.offer_id = offer_id
        table = store.table(country, offer_id) if offer_id else None
        self.values: dict[str, Any] = form_from_table(table) if table else {
            "kind": "travel-esim", "billing": "pack", "unlimited": False,
            "source": t("offer_form.source_default"), "as_of": today.isoformat(),
        }

    def compose(self) -> ComposeResult:
        v = self.values
        name = countries.get(self.country).name(current_language())
        title = t("offer_form.title_edit" if self.offer_id else "offer_form.title_add", country=name)
        with Vertical(id="form"):
            yield Static(title, id="form-title", markup=False)
            with VerticalScroll(id="form-body"):
                yield Static("", id="issue-general", classes="issue", markup=False)
                kinds = [(t(f"compare.kind_{k}"), k) for k in OFFER_KINDS]
                yield from form_row(t("offer_form.f_kind"),
                                    Select(kinds, id="f-kind", value=v.get("kind") or "travel-esim",
                                           allow_blank=False, compact=True), issue="kind")
                for field in ("seller", "name", "network"):
                    yield from self._text_row(field)
                billings = [(t(f"offer_form.billing_{b}"), b) for b in BILLINGS]
                yield from form_row(t("offer_form.f_billing"),
                                    Select(billings, id="f-billing", value=v.get("billing") or "pack",
                                           allow_blank=False, compact=True), issue="billing")
                yield from self._text_row("data_gb")
                yield from form_row(t("offer_form.f_unlimited"),
                                    Checkbox(t("offer_form.unlimited"), bool(v.get("unlimited")), id="f-unlimited",
                                             compact=True), issue="unlimited")
                for field in ("fair_use_gb", "validity_days", "price", "currency", "source", "as_of", "note_en"):
                    yield from self._text_row(field)
            yield Static(t("offer_form.keys"), id="form-keys", markup=False)

    def _text_row(self, field: str) -> ComposeResult:
        hint = self._currency_hint() if field == "currency" else t(f"offer_form.p_{field}")
        widget = SafeInput(str(self.values.get(field) or ""), id=f"f-{field}", compact=True, placeholder=hint)
        yield from form_row(t(f"offer_form.f_{field}"), widget, issue=field)

    def _currency_hint(self) -> str:
        """The country's own currency first (Cuba: CUP, USD; it said NOK, MAD, USD for every
        country), then US dollars, which travel eSIMs are priced in."""
        from collections import Counter

        from esim_ready.catalog.curated import country_data

        used = Counter(o.currency for o in country_data(self.country, roaming=False).offers
                       if o.currency and o.kind == "local")
        codes = [code for code, _ in used.most_common(2)]
        codes += [c for c in ("USD", "EUR") if c not in codes][: 3 - len(codes)]
        return t("offer_form.p_currency", codes=t("offer_form.codes_sep").join(codes))

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        mark_focused_row(self, event.widget)  # its label turns bold

    def on_mount(self) -> None:
        for box in self.query(".issue"):
            box.display = False
        self.query_one("#f-seller", Input).focus()
        self.remember_opened()

    def read(self) -> dict[str, Any]:
        out: dict[str, Any] = {field: self.query_one(f"#f-{field}", Input).value for field in TEXT_FIELDS}
        out["kind"] = self.query_one("#f-kind", Select).value
        out["billing"] = self.query_one("#f-billing", Select).value
        out["unlimited"] = self.query_one("#f-unlimited", Checkbox).value
        return out

    def _show(self, field: str, text: str) -> None:
        box = self.query_one(f"#issue-{field}", Static)
        box.update(text)
        box.display = bool(text)

    def action_save(self) -> None:
        for field in (*FORM_FIELDS, "general"):
            self._show(field, "")
        try:
            if self.offer_id:
                saved = self.store.update(self.country, self.offer_id, self.read())
            else:
                saved = self.store.add(self.country, self.read(), today=self.today)
        except OfferInvalid as exc:
            first = None
            for field, message in exc.issues.items():
                place = field if field in FORM_FIELDS else "general"
                self._show(place, t("offer_form.problem", message=message))
                first = first or (place if place != "general" else None)
            if first:
                self.query_one(f"#f-{first}").focus()
            self.notify(t("offer_form.not_saved"), severity="error")
            return
        except UserError as exc:
            self._show("general", str(exc))
            return
        self.dismiss(saved)

    @on(Input.Changed)
    def _stale_issue(self, event: Input.Changed) -> None:
        """A problem under a field goes once the user changes that field."""
        field = (event.input.id or "").removeprefix("f-")
        if field in FORM_FIELDS:
            self._show(field, "")

    def action_cancel(self) -> None:
        """Esc: an untouched form closes at once; a changed one asks before its changes go."""
        self.close_asking()
