"""Esc on a form: an untouched form closes at once; a changed one asks first.

One rule for every form (profile, offer, trip new/edit/duplicate): the form calls
`remember_opened()` once its fields hold what it opened with, and `close_asking()`
where it would have closed on Esc or Cancel. "Discard" (y) closes it with None,
"Keep editing" (n, Esc, the focused button) goes back to the fields as they were.
"""

from __future__ import annotations

from typing import ClassVar

from textual.screen import Screen

from esim_ready.i18n import t

# the widgets whose values are what a form holds (a TextArea's is its text)
FIELDS = "Input, Select, Checkbox, RadioButton, TextArea"


class AsksBeforeDiscarding:
    """Mixed into a form screen (before the Textual screen class)."""

    NOT_DATA: ClassVar[str] = ""  # a selector of fields that hold no data (e.g. "show secrets")
    _opened_with: list[tuple[str | None, object]] | None = None

    def _field_values(self) -> list[tuple[str | None, object]]:
        assert isinstance(self, Screen)
        fields = self.query(FIELDS)
        if self.NOT_DATA:
            fields = fields.exclude(self.NOT_DATA)
        return [(field.id, getattr(field, "value", getattr(field, "text", None))) for field in fields]

    def remember_opened(self) -> None:
        """What the fields hold now is 'untouched'."""
        self._opened_with = self._field_values()

    def changed(self) -> bool:
        return self._opened_with is not None and self._field_values() != self._opened_with

    def close_asking(self) -> None:
        """Close with None: at once when nothing changed, else after "discard your changes?"."""
        from esim_ready.tui.screens.dialogs import ConfirmDialog

        assert isinstance(self, Screen)
        screen = self
        if not self.changed():
            screen.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                screen.dismiss(None)

        question = ConfirmDialog(t("dialogs.discard_question"), t("dialogs.discard"), t("dialogs.keep_editing"))
        screen.app.push_screen(question, answered)
