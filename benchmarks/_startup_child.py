"""Child process for bench_startup: start an app headless, print `READY <cpu ms>`
once its screen is complete and idle: after the Ready event (first frame), every
pending message handled and two more refreshes painted. The CPU time is the
whole process's (interpreter start-up included), less disturbed than the wall
clock by other work on the machine.

`esim` starts the app the way a user does: the `esim-ready` command's own entry
point (`cli.main([])`, no arguments), with a config folder whose settings
remember the language (English) and the last country viewed (Japan), as on any
launch after the first. The config folder is named by the parent. Textual is
imported by the app's launch (`cli._run_tui`), as when the command runs; the bare
app imports it itself."""

import sys
import time

which = sys.argv[1]
linger = False


def ready(app) -> None:
    def say() -> None:
        sys.stdout.write(f"READY {time.process_time() * 1000:.1f}\n")
        sys.stdout.flush()
        if not linger:
            app.exit()

    app.call_after_refresh(lambda: app.call_after_refresh(say))


if which == "bare":
    from textual import events
    from textual.app import App
    from textual.widgets import Static

    class Bare(App):
        def compose(self):
            yield Static("hello")

        def on_ready(self, event: events.Ready) -> None:
            ready(self)

    Bare().run(headless=True, size=(80, 24))
else:
    import os
    import tempfile
    from pathlib import Path

    if "ESIM_READY_CONFIG_DIR" not in os.environ:  # run by hand: a remembering config folder of its own
        os.environ["ESIM_READY_CONFIG_DIR"] = tempfile.mkdtemp()
        Path(os.environ["ESIM_READY_CONFIG_DIR"], "settings.toml").write_text(
            'schema = 1\nlanguage = "en"\nlast_country = "JP"\n', "utf-8"
        )
    from esim_ready import cli  # Textual is imported by the app's launch, as for the command

    # `esim-linger`: stays on after READY until the app has kept what the launch worked out
    # for the next (launch_cache.py), as any session longer than a second does
    linger = which == "esim-linger"

    app_class = cli._app_class

    def measured_app():
        class Measured(app_class()):  # type: ignore[misc]
            def on_ready(self) -> None:  # EsimReadyApp.on_ready (the start-up notices) runs too: Textual
                # calls every class's handler of a message; calling super() here ran the notices twice
                screen = self.screen
                for pane in ("#search", "#countries", "#carriers", "#plans", "#detail-box", "KeyFooter"):
                    assert screen.query_one(pane).region.area, pane  # every pane laid out and painted
                assert screen.query_one("#carriers").row_count  # the remembered country is open
                ready(self)

            def _keep_launch_caches(self) -> None:
                super()._keep_launch_caches()
                if linger:
                    self.exit()

            def run(self, **kwargs):  # type: ignore[override]
                return super().run(headless=True, size=(80, 24))

        return Measured

    cli._app_class = measured_app  # what cli._run_tui starts
    if "ESIM_READY_BENCH_CACHE" in os.environ:  # the bench's own cache folder (warm, or none yet: cold)
        from esim_ready import launch_cache

        launch_cache.cache_dir = lambda: Path(os.environ["ESIM_READY_BENCH_CACHE"])
    cli._check_terminal = lambda: None  # headless: its output is the READY line
    sys.exit(cli.main([]))
