"""Binding descriptions follow the interface language.

Every Binding has an `id`; its description is the message `keys.<id>`.
Textual builds a node's bindings once, so on a language change we swap the
descriptions in place and ask the footer to refresh.
"""

from __future__ import annotations

from dataclasses import replace

from textual.dom import DOMNode

from esim_ready.i18n import t


def localize_bindings(node: DOMNode) -> None:
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        table[key] = [
            replace(b, description=t(f"keys.{b.id}"), tooltip=t(f"keys.{b.id}"))
            if b.id and b.description != ""
            else b
            for b in bindings
        ]
    if node.is_attached:
        node.refresh_bindings()


class LocalizedScreenMixin:
    """Screens whose binding descriptions follow the interface language."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        localize_bindings(self)  # type: ignore[arg-type]
