"""The key footer, recomposed only when the keys it shows change.

Textual's Footer rebuilds all its key widgets (about ten) after every bindings
update of its screen: the screen's first focus, each focus change, a binding
relabelled. At launch that is three rebuilds of the same keys, ~40 ms of the
main screen's start. This one remembers what it shows (key, label, enabled,
tooltip of each shown binding) and skips a rebuild that would draw the same.
"""

from __future__ import annotations

from typing import Any

from textual.widgets import Footer


class SteadyFooter(Footer):
    _shown: tuple[Any, ...] | None = None

    def _what_it_shows(self) -> tuple[Any, ...] | None:
        if not self._bindings_ready or not self.is_attached:
            return None
        return tuple(
            (binding.key, binding.action, binding.description, binding.group, enabled, tooltip)
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show
        )

    async def recompose(self) -> None:
        shown = self._what_it_shows()
        if shown is not None and shown == self._shown:
            return
        self._shown = shown
        await super().recompose()
