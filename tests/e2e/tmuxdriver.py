"""Drive the installed `esim-ready` command in a real terminal (tmux)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path


def installed_command() -> str:
    """The `esim-ready` script installed next to this Python (the README's setup puts it there)."""
    candidate = Path(sys.executable).parent / "esim-ready"
    return str(candidate) if candidate.exists() else (shutil.which("esim-ready") or "esim-ready")


class Tmux:
    def __init__(self, config_dir: Path, width: int = 80, height: int = 24, lang: str = "en_US.UTF-8") -> None:
        self.session = f"esim-{uuid.uuid4().hex[:8]}"
        self.config_dir = config_dir
        self.width, self.height, self.lang = width, height, lang
        self.socket = ["-L", self.session]

    def tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", *self.socket, *args], check=True, capture_output=True, text=True).stdout

    def start(self, *app_args: str) -> None:
        env = f"LANG={self.lang} LC_ALL={self.lang} ESIM_READY_CONFIG_DIR={self.config_dir} TERM=xterm-256color"
        env += f" XDG_CACHE_HOME={self.config_dir}/cache"  # the launch cache (launch_cache.py): not the user's
        command = f"env {env} {installed_command()} {' '.join(app_args)}; echo EXITED-$?; sleep 30"
        self.tmux("new-session", "-d", "-s", self.session, "-x", str(self.width), "-y", str(self.height), command)

    def keys(self, *keys: str, literal: bool = False) -> None:
        self.tmux("send-keys", "-t", self.session, *(["-l"] if literal else []), *keys)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-t", self.session, "-p")

    def wait_for(self, text: str, timeout: float = 40.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{text!r} not on screen after {timeout}s:\n{screen}")

    def close(self) -> None:
        subprocess.run(["tmux", *self.socket, "kill-server"], capture_output=True)


def have_tmux() -> bool:
    return shutil.which("tmux") is not None and os.name == "posix"
