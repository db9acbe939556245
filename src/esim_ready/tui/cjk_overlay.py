"""Wide (Chinese) characters of a toast, tooltip or dialog drawn over another widget
stay whole: a patch of Textual's compositor, for the Textual version named below.

The bug (Textual issue #6357, https://github.com/Textualize/textual/issues/6357,
open for Textual 8.x): the compositor draws each screen line in "chops", one per
span between two *cuts*, where a cut is every column at which any visible widget
starts or ends. Every widget's line is divided at every cut inside it, and the
top-most widget wins each chop. A toast over a bordered pane is divided at the
pane's edge too; dividing a line of text in the middle of a two-cell character
(`Strip.divide` → `Segment.split_cells`) replaces that character with two spaces,
so "已创建行程“古巴”。" showed as "已创建行  “古巴”。" although the toast wins both
halves.

The fix (as proposed in the issue's thread, written again here for 8.2): a widget's
line is divided only where the winner changes. A run of neighbouring chops that
this widget wins gets the whole undivided piece in its first chop and an empty
strip in the others (so no widget below claims them); a character is then split
only where another widget really covers half of it. The partial update's chop ends
(used to crop what is sent to the terminal) are measured from the chops themselves,
since a chop may now reach past the next cut.

A second change, for speed: Textual draws a partial update (a re-ranked table, a
typed character) by asking every widget whose clip touches the bounding box of the
changed regions for all of its lines (from its line cache), though only the changed
regions are sent to the terminal. Here only the widgets that show in a changed region
are asked (`_renders`): a widget elsewhere would only fill chops that are not sent
(a chop is sent only where it meets a changed region, cropped to it). On the compare
screen a re-rank drew 15 widgets for the table's, the details' and a field's lines.

`install()` is called once when the app starts. It patches only the Textual version
it was written and tested for (`PATCHED_FOR`): the two methods replaced are
private and may change. With another version it does nothing, and
tests/tui/test_cjk_overlay.py fails, saying to check whether upstream fixed the bug
(then delete this module) or to bring the patch up to date.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import cast

import textual
from textual._compositor import ChopsUpdate, Compositor
from textual.geometry import Region
from textual.strip import Strip

PATCHED_FOR = "8.2.8"  # the Textual version whose _render_chops this mirrors

_EMPTY = Strip([], 0)


def _render_chops(
    self: Compositor,
    crop: Region,
    is_rendered_line: Callable[[int], bool],
    changed: Sequence[Region] | None = None,
) -> Sequence[Mapping[int, Strip]]:
    """Textual 8.2.8's `Compositor._render_chops`, dividing a widget's line only
    between chops it wins and chops a widget above it already took; with `changed`
    (the regions a partial update sends), only the widgets shown in them."""
    cuts = self.cuts
    chops: list[dict[int, Strip | None]] = [dict.fromkeys(cut_set[:-1]) for cut_set in cuts]
    intersection = Region.intersection
    # Widgets come front to back: the first strip put in a chop wins it.
    renders = self._get_renders(crop) if changed is None else _renders(self, crop, changed)
    for region, clip, strips in renders:
        render_region = intersection(region, clip)
        render_x = render_region.x
        first_cut, last_cut = render_region.column_span
        for y, strip in zip(render_region.line_range, strips, strict=False):
            if not is_rendered_line(y):
                continue
            chops_line = chops[y]
            final_cuts = [cut for cut in cuts[y] if last_cut >= cut >= first_cut]
            free = [chops_line.get(cut) is None for cut in final_cuts[:-1]]
            # divide only where "free" changes: inside a run of free chops, no cut
            divide_at = [
                cut
                for index, cut in enumerate(final_cuts[1:-1], start=1)
                if free[index] != free[index - 1]
            ]
            pieces = iter(strip.divide([cut - render_x for cut in [*divide_at, final_cuts[-1]]]))
            for index, cut in enumerate(final_cuts[:-1]):
                if index == 0 or free[index] != free[index - 1]:
                    piece = next(pieces, None)  # a new run starts here
                    if piece is None:  # a strip shorter than its region: as Textual's zip
                        break
                    if free[index]:
                        chops_line[cut] = piece
                elif free[index]:
                    chops_line[cut] = _EMPTY  # taken by the run's first chop
    return cast("Sequence[Mapping[int, Strip]]", chops)


def _renders(
    self: Compositor, crop: Region, changed: Sequence[Region],
) -> Iterator[tuple[Region, Region, list[Strip]]]:
    """Textual 8.2.8's `Compositor._get_renders(crop)` for the widgets (front to back)
    whose visible part meets a region in `changed`: the others' lines would not be sent."""
    for widget, (region, clip) in self.visible_widgets.items():
        if not crop.overlaps(clip):
            continue
        x, y, width, height = shown = region.intersection(clip)
        if not width or not height or not any(shown.overlaps(dirty) for dirty in changed):
            continue
        if clip.contains_region(region):
            yield region, clip, widget.render_lines(Region(0, 0, region.width, region.height))
        else:
            yield region, clip, widget.render_lines(Region(x - region.x, y - region.y, width, height))


def _render_partial_update(self: Compositor) -> ChopsUpdate | None:
    """Textual 8.2.8's `Compositor.render_partial_update`, with each chop's end where
    its strip ends (a run's first chop reaches past the next cut, the others are empty)."""
    screen_region = self.size.region
    update_regions = self._dirty_regions.copy()
    self._dirty_regions.clear()
    if not update_regions:
        return None
    crop = Region.from_union(list(update_regions)).intersection(screen_region)
    spans = list(self._regions_to_spans(update_regions))
    is_rendered_line = {y for y, _, _ in spans}.__contains__
    chops = _render_chops(self, crop, is_rendered_line, list(update_regions))
    chop_ends = [
        [
            next_cut if strip is None else x + strip.cell_length
            for (x, strip), next_cut in zip(line.items(), cut_set[1:], strict=False)
        ]
        for line, cut_set in zip(chops, self.cuts, strict=False)
    ]
    return ChopsUpdate(chops, spans, chop_ends)


def textual_version() -> str:
    """The installed Textual's version, read from the name of its `textual-X.Y.Z.dist-info`
    folder beside the package (one directory listing). `textual.__version__` asks
    importlib.metadata, whose import (the email package, csv, zipfile) and search of
    every path cost each launch ~5 ms. Where there is no one such folder (another kind
    of install), it asks importlib.metadata after all."""
    site = Path(textual.__file__).parent.parent
    try:
        found = [n for n in os.listdir(site) if n.startswith("textual-") and n.endswith(".dist-info")]
    except OSError:
        found = []
    if len(found) == 1:
        return found[0].removeprefix("textual-").removesuffix(".dist-info")
    return str(textual.__version__)


def install() -> bool:
    """Patch the compositor if Textual is the version this was written for; say if it did."""
    if textual_version() != PATCHED_FOR:
        return False
    Compositor._render_chops = _render_chops  # type: ignore[method-assign]
    Compositor.render_partial_update = _render_partial_update  # type: ignore[method-assign]
    return True
