"""No keystroke lost while a screen opens or the focus moves.

Textual hands each key to the widget focused *when the key arrives*. Keys typed
fast (or handed over in one read by the terminal) arrive before the first key's
work is done: `/` moves the focus to the search box a moment later, so the `c`
of "cuba" still reaches the main screen and plans a trip; `n` opens the note
dialog a moment later, so the first letters of the note go to the checklist.

`KeysInOrder` (mixed into the app) handles one key at a time: after a key, the
next waits until that key has been handled all the way up (its widget, each
parent, the screen, the app's bindings), the focus changes it asked for are
made, and any screen it opened is mounted with its focus set. Keys typed at a
human pace find the gate open and are handled at once, as before; characters
typed into the focused text field go straight to it (they cannot move the
focus), so a burst of text is as fast as before.

A paste (bracketed paste: one `Paste` event) waits in the same line: pasted
right after `/`, it lands in the search box, not on the list.

A line feed (Ctrl+J) is Enter: typed before the app put the terminal in raw
mode, Enter reaches it as a line feed.
"""

from __future__ import annotations

import asyncio
from collections import deque
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App
from textual.screen import Screen

if TYPE_CHECKING:
    from textual.message_pump import MessagePump

SETTLE_TIMEOUT = 10.0  # never hold keys longer than this (a key never goes to a screen not mounted)
UNFOCUSED_ROUNDS = 3  # a screen that opened with nothing focused gets the keys after this many rounds


async def _after_queue(node: MessagePump) -> None:
    """Return once `node` has handled every message queued to it so far."""
    done = asyncio.Event()
    if node.call_later(done.set):
        await done.wait()


class KeysInOrder(App[Any]):
    """An App that never lets a key overtake the work of the key before it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._keys_held: deque[events.Key | events.Paste] = deque()
        self._key_busy = False
        self._settling: asyncio.Task[None] | None = None
        self._typed_into: MessagePump | None = None  # the field characters went straight to

    def keys_waiting(self) -> int:
        """How many keys wait for the previous one's work (tests wait for 0)."""
        return len(self._keys_held) + self._key_busy

    def _screen_ready(self) -> bool:
        if not self.screen_stack:
            return False
        screen = self.screen
        return type(screen) is not Screen and screen.is_mounted  # Textual's bare default: ours is not up yet

    async def on_event(self, event: events.Event) -> None:
        if self._exit and isinstance(event, events.Key | events.MouseEvent):
            return  # arrived after `q` (same burst): it would open a form on a closing app
        if isinstance(event, events.Key) and not event.is_forwarded:
            if event.key == "ctrl+j":  # Enter typed before the terminal was in raw mode
                event = _as_enter(event)
            if self._key_busy or self._keys_held or not self._screen_ready():
                self._keys_held.append(event)
                self._start_settling(None)
                return
            await self._handle_key(event)
            return
        if (isinstance(event, events.Paste) and not event.is_forwarded
                and (self._key_busy or self._keys_held or not self._screen_ready())):
            self._keys_held.append(event)  # after the keys typed before it
            self._start_settling(None)
            return
        await super().on_event(event)

    async def _handle_key(self, event: events.Key | events.Paste) -> None:
        if isinstance(event, events.Paste):  # text for the focused field: it cannot move the focus
            await super().on_event(event)
            return
        focused = self.focused
        target: MessagePump = focused or self.screen
        screen = self.screen
        if focused is not None and event.is_printable and focused.check_consume_key(event.key, event.character):
            # a character typed into a text field: that field takes it (no binding, no focus
            # move), and its own queue keeps the order, so the next key need not wait
            await super().on_event(event)
            self._typed_into = focused
            return
        if self._typed_into is not None:
            # the characters typed just before may still wait in their field's queue: a
            # priority binding (Ctrl+S saves the note) is acted on before they would reach
            # it, and "n", "ab", Ctrl+S in one burst saved an empty note. This key waits.
            field, self._typed_into = self._typed_into, None
            self._keys_held.appendleft(event)
            self._key_busy = True
            self._start_settling((field, self.screen))
            return
        self._key_busy = True
        try:
            await super().on_event(event)
        finally:
            self._start_settling((target, screen))

    def _start_settling(self, handled: tuple[MessagePump, Screen[Any]] | None) -> None:
        if self._settling is not None and not self._settling.done():
            return
        self._settling = asyncio.create_task(self._settle(handled))

    async def _settle(self, handled: tuple[MessagePump, Screen[Any]] | None) -> None:
        try:
            await asyncio.wait_for(self._wait_for_work(handled), SETTLE_TIMEOUT)
        except TimeoutError:
            pass
        except Exception:  # the app is closing: nothing more to deliver
            self._keys_held.clear()
        finally:
            self._key_busy = False
            self._settling = None
        if self._keys_held and self.is_running:
            self.call_later(self._next_key)

    async def _next_key(self) -> None:
        if self._exit:  # the app is closing: keys held behind `q` are not acted on
            self._keys_held.clear()
            return
        if self._key_busy or not self._keys_held:
            return
        if not self._screen_ready():
            self._start_settling(None)
            return
        await self._handle_key(self._keys_held.popleft())
        if not self._key_busy and self._keys_held:  # a character went straight to its field
            self.call_later(self._next_key)

    async def _wait_for_work(self, handled: tuple[MessagePump, Screen[Any]] | None) -> None:
        """Until the last key's work is done and the screen on top is ready for the next."""
        if handled is not None:
            target, _ = handled
            # the key bubbles from its widget up to the app, one queue after another
            await _after_queue(self)
            node: MessagePump | None = target
            while node is not None and node is not self:
                await _after_queue(node)
                node = node._parent
            await _after_queue(self)  # its bindings' actions (they may move the focus)
        before = handled[1] if handled is not None else None
        unfocused_rounds = 0
        while self.is_running and not self._exit:
            await _after_queue(self)  # focus changes and screens asked for meanwhile
            if self._screen_ready():
                screen = self.screen
                await _after_queue(screen)  # the screen's own mount work (it may push a dialog)
                await _after_queue(self)  # the focus its mount asked for
                if self.screen is screen and self._screen_ready():
                    if screen is before or screen.focused is not None or not screen.focus_chain:
                        return
                    unfocused_rounds += 1  # a screen that opened with nothing focused
                    if unfocused_rounds > UNFOCUSED_ROUNDS:
                        return
                    continue
            await asyncio.sleep(0.005)


def _as_enter(event: events.Key) -> events.Key:
    enter = events.Key("enter", "\r")
    if event._sender is not None:
        enter.set_sender(event._sender)
    return enter
