"""Shared fixtures. The developer's own config never leaks into a test:
every test gets an empty config directory of its own, and starts in English
(the interface language is process-wide state)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def config_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "config"
    monkeypatch.setenv("ESIM_READY_CONFIG_DIR", str(path))
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    from esim_ready import i18n
    from esim_ready.catalog import curated

    i18n.set_language("en")  # a test that ran the app in Chinese must not leave the next one Chinese
    curated.set_user_data_dir(path / "data")
    yield path
    curated.set_user_data_dir(None)
    i18n.set_language("en")
