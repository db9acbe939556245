"""Binding descriptions follow the interface language.

Every Binding has an `id`; its description is the message `keys.<id>`.
Textual builds a node's bindings once, so on a language change we swap the
descriptions in place and ask the footer to refresh.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from typing import TYPE_CHECKING, TypeGuard

from textual import events
from textual.dom import DOMNode
from textual.widgets import Input

from esim_ready.i18n import t

if TYPE_CHECKING:
    from textual.widgets import TextArea


def localize_bindings(node: DOMNode) -> None:
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        table[key] = [
            # no tooltip: the keys panel shows it after the description ("搜索 搜索"), and the
            # footer's hover falls back to the description anyway
            replace(b, description=t(f"keys.{b.id}"), tooltip="")
            if b.id and b.description != ""
            else b
            for b in bindings
        ]
    if node.is_attached:
        node.refresh_bindings()


class LocalizedScreenMixin:
    """Screens whose binding descriptions follow the interface language, and
    that keep what is typed while they open."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        localize_bindings(self)  # type: ignore[arg-type]

    def on_key(self, event: events.Key) -> None:
        """A printable key reaches the screen itself, though a text box has the
        focus, only when it was typed before the screen had focused anything
        (it was still opening): type it into that box instead of dropping it."""
        focused = getattr(self, "focused", None)  # Screen's
        if not (event.is_printable and event.character):
            return
        if isinstance(focused, Input):
            focused.insert_text_at_cursor(event.character)
            event.stop()
        elif _is_text_area(focused) and not focused.read_only:
            focused.insert(event.character)
            event.stop()


def _is_text_area(widget: object) -> TypeGuard[TextArea]:
    """A TextArea: only when some screen has loaded the widget (importing it to ask
    cost the launch ~4 ms: the main screen has none)."""
    module = sys.modules.get("textual.widgets._text_area")
    return module is not None and isinstance(widget, module.TextArea)
