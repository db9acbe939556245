"""A form's row that holds the focus is marked `-focused`, so its label can say so.

Textual's `:focus-within` on a row restyles the row but not the label inside it
when the focus moves on: the label of the field just left stayed bold. A class set
on the row restyles its children. Forms call `mark_focused_row` on DescendantFocus;
their CSS styles `.row.-focused .label` (ProfileForm, OfferForm, NewTripDialog).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.widget import Widget


def mark_focused_row(form: Widget, focused: Widget) -> None:
    row = next((node for node in focused.ancestors_with_self if node.has_class("row")), None)
    for other in form.query(".row.-focused"):
        if other is not row:
            other.remove_class("-focused")
    if row is not None:
        row.add_class("-focused")
