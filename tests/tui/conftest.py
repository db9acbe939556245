"""Fixtures shared by the TUI tests."""

from tui.compare_samples import use_samples  # noqa: F401 (a fixture: Norway with offers of every kind)
