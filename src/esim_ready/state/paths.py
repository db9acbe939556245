"""Where the user's data lives.

`ESIM_READY_CONFIG_DIR` (or the CLI's `--config-dir`, which sets it) overrides
platformdirs' `user_config_path("esim-ready")`.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "ESIM_READY_CONFIG_DIR"
APP_NAME = "esim-ready"


def config_dir() -> Path:
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False)


def user_data_dir() -> Path:
    """Folder for the user's own country files (corrections to shipped data)."""
    return config_dir() / "data"
