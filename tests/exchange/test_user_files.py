"""Which names an app export asks about before writing ("replace it?") and which it refuses."""

from __future__ import annotations

import os
from pathlib import Path

from esim_ready.exchange.user_files import cannot_write_in_app, would_replace


def test_only_a_file_that_is_there_would_be_replaced(tmp_path: Path) -> None:
    there = tmp_path / "shared.toml"
    there.write_text("x", "utf-8")
    link = tmp_path / "link.toml"
    link.symlink_to(there)
    assert would_replace(there) and would_replace(f"  {there}  ") and would_replace(link)
    assert not would_replace(tmp_path / "new.toml")  # written without a question
    assert not would_replace(tmp_path)  # a folder: the write says "add a file name"
    assert not would_replace("") and not would_replace("-")
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe")
        assert not would_replace(tmp_path / "pipe")  # written into, not replaced


def test_standard_output_is_for_the_command_line() -> None:
    refused = cannot_write_in_app("-")
    assert refused is not None and "standard output is for the command line" in str(refused)
    assert cannot_write_in_app("out.toml") is None
