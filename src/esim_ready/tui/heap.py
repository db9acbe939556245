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
  is left is frozen and the collector runs again as usual.

Only the real app does this (the command line turns it on); tests, which make
hundreds of apps in one process, keep Python's usual collector.
"""

from __future__ import annotations

import gc


def after_imports() -> None:
    gc.freeze()
    gc.disable()


def settle() -> None:
    gc.collect()
    gc.freeze()
    gc.enable()
