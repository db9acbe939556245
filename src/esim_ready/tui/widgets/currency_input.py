"""Typing a currency as people write it: a field whose text names a currency
("人民币", "美元", "ＣＮＹ", "eur") shows its ISO code at once, so the user sees what
was understood and the narrow field holds it whole."""

from __future__ import annotations

from esim_ready.catalog.country_files import currency_codes, typed_currency
from esim_ready.tui.safe_text import SafeInput

# Letters of any script (a Chinese name, full-width Latin), not digits or marks.
CURRENCY_TYPED = r"[^\W\d_]*"
LONGEST_NAME = 8  # 摩洛哥迪拉姆, 哥伦比亚比索 and the like, typed before they turn into a code


def currency_edit(value: str, text: str, start: int, end: int) -> tuple[str, int, int]:
    """An edit of a currency field (Input.replace's arguments): when the field's text
    would then name a currency, the edit replaces the whole text with its code."""
    whole = value[:start] + text + value[end:]
    code = typed_currency(whole)
    if code != whole and code in currency_codes():
        return code, 0, len(value)
    return text, start, end


class CurrencyInput(SafeInput):
    """A SafeInput for a currency code that takes its names too."""

    def __init__(self, value: str = "", **kwargs: object) -> None:
        super().__init__(value, max_length=LONGEST_NAME, restrict=CURRENCY_TYPED, **kwargs)  # type: ignore[arg-type]

    def replace(self, text: str, start: int, end: int) -> None:
        super().replace(*currency_edit(self.value, text, start, end))
