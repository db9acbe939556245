"""Child process for bench_startup: start an app headless, say READY on its first frame."""

import os
import sys
import tempfile

which = sys.argv[1]

from textual import events  # noqa: E402 (after reading argv, as the timed child does)
from textual.app import App  # noqa: E402
from textual.widgets import Static  # noqa: E402


def ready(app: App) -> None:
    sys.stdout.write("READY\n")
    sys.stdout.flush()
    app.exit()


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
        def on_ready(self, event: events.Ready) -> None:
            ready(self)

    Measured(language="en").run(headless=True, size=(80, 24))
