"""Child process for bench_startup: start an app headless, say READY once its
screen is complete and idle: after the Ready event (first frame), every pending
message handled and two more refreshes painted."""

import os
import sys
import tempfile

which = sys.argv[1]

from textual import events  # noqa: E402 (after reading argv, as the timed child does)
from textual.app import App  # noqa: E402
from textual.widgets import Static  # noqa: E402


def ready(app: App) -> None:
    def say() -> None:
        sys.stdout.write("READY\n")
        sys.stdout.flush()
        app.exit()

    app.call_after_refresh(lambda: app.call_after_refresh(say))


if which == "bare":

    class Bare(App):
        def compose(self):
            yield Static("hello")

        def on_ready(self, event: events.Ready) -> None:
            ready(self)

    Bare().run(headless=True, size=(80, 24))
else:
    os.environ.setdefault("ESIM_READY_CONFIG_DIR", tempfile.mkdtemp())
    from esim_ready.tui.app import EsimReadyApp

    class Measured(EsimReadyApp):
        def on_ready(self) -> None:
            super().on_ready()  # the start-up notices too
            screen = self.screen
            for pane in ("#search", "#countries", "#carriers", "#plans", "#detail-box", "Footer"):
                assert screen.query_one(pane).region.area, pane  # every pane laid out and painted
            assert screen.query_one("#carriers").row_count  # the country (remembered from last time) is open
            ready(self)

    Measured(initial_country="JP", language="en").run(headless=True, size=(80, 24))
