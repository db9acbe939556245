"""The terminal sizes and languages every main screen is snapshotted at (issue 11):
the smallest terminal people use, the classic one, a laptop's, a big monitor's."""

import pytest

SIZES = ((60, 20), (80, 24), (120, 40), (200, 60))

every_size = pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
both_languages = pytest.mark.parametrize("language", ["en", "zh"], ids=["english", "chinese"])
