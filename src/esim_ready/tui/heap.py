"""The app's long-lived objects and Python's cyclic garbage collector.

A full collection walks every tracked object in the process: after start-up
that is Textual's and our modules, the main screen and the catalog read so far
(a hundred thousand objects and more), and in a long session such a pass took
30-80 ms in the middle of whatever the user was doing (it made the compare
view's slowest openings, p95, four times its median). These objects live as
long as the app, so they are frozen (`gc.freeze`): later collections only walk
what was made since.

* `after_imports()`: as the app is made (the command line's launch): what
  the imports made; and the collector pauses until `settle()`. Start-up makes
  mostly what lives as long as the app (the main screen, the catalog read):
  the fifty-odd collections it set off only walked and kept it (~5-8 ms of
  the launch).
* `settle()`: once the main screen is up and idle (a moment after the first
  frame): one full collection (what start-up left as garbage too), then what
  is left is frozen and the collector runs again, a youngest-generation pass
  every YOUNG_THRESHOLD new objects (Python's 700 is less than what drawing one
  frame of the compare table makes: re-ranking it on a typed day set off a pass
  nearly every time, ~0.4-1 ms of the re-rank, most of it walking objects the
  frame still used; with 5,000 the re-rank's own objects are mostly freed first).

Only the real app does this (the command line turns it on); tests, which make
hundreds of apps in one process, keep Python's usual collector.
"""

from __future__ import annotations

import gc

YOUNG_THRESHOLD = 5000  # new objects between two collections of the youngest generation (Python: 700)


def after_imports() -> None:
    gc.freeze()
    gc.disable()


def settle() -> None:
    gc.collect()
    gc.freeze()
    _, *older = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, *older)
    gc.enable()
