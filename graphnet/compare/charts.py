"""Small before/after charts of a comparison, as inline SVG data URIs.

Drawn with matplotlib and written by the report's
:func:`graphnet.report.charts.figure_to_data_uri`, so they look like the report's
pictures, keep the page self-contained and keep any text inside them inert.

>>> from graphnet.compare.records import FigureChange
>>> figure_bars([FigureChange("isolated", 4, 1)], "en").startswith("data:image/svg+xml")
True
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from graphnet.compare.records import FigureChange, SectorPairChange
from graphnet.i18n import format_number, format_percent, t
from graphnet.report.charts import figure_to_data_uri
from graphnet.vocab import Vocabulary

__all__ = ["figure_bars", "sector_pair_bars", "BEFORE_COLOR", "AFTER_COLOR"]

BEFORE_COLOR = "#a6c8e6"  # the report's blue, light: the earlier mapping
AFTER_COLOR = "#0b4f8a"  # the report's blue: the later mapping
INK = "#333333"
GRID = "#d9d9d9"
FONT = {"family": "DejaVu Sans", "size": 8}

#: Figures whose scale is fixed (shares 0–1, E-I −1…+1); others scale to their values.
_SCALES = {
    "density": (0.0, 1.0),
    "cross_sector_share": (0.0, 1.0),
    "largest_component_share": (0.0, 1.0),
    "degree_centralization": (0.0, 1.0),
    "key_players_fragmentation_before": (0.0, 1.0),
    "key_players_fragmentation_after": (0.0, 1.0),
    "ei_index": (-1.0, 1.0),
}
_PERCENT = frozenset({"cross_sector_share", "largest_component_share"})


def _label(key: str, value: float | None, lang: str) -> str:
    if value is None:
        return "–"
    if key in _PERCENT:
        return format_percent(value, lang)
    if float(value).is_integer() and key not in _SCALES:
        return format_number(int(value), lang)
    return format_number(value, lang, 3)


def _ticks(axes: Axes, percent: bool, lang: str) -> None:
    """Axis ticks written as the labels beside the bars are: the language's decimal
    mark, shares as percentages (matplotlib would write ``0.2`` beside ``11,4 %``)."""
    def tick(value: float, _position: object) -> str:
        return format_percent(value, lang) if percent else format_number(value, lang)

    axes.xaxis.set_major_formatter(FuncFormatter(tick))


def _style(axes: Axes) -> None:
    axes.set_yticks([])
    axes.tick_params(axis="x", labelsize=7, colors=INK)
    for side in ("top", "right", "left"):
        axes.spines[side].set_visible(False)
    axes.spines["bottom"].set_color(GRID)


def figure_bars(figures: Sequence[FigureChange], lang: str) -> str:
    """One small panel per figure: a light bar for before, a dark one for after."""
    count = len(figures)
    columns = min(count, 3) or 1
    rows = -(-count // columns)
    figure = Figure(figsize=(2.8 * columns, 1.3 * rows), dpi=100)
    for index, change in enumerate(figures):
        axes = figure.add_subplot(rows, columns, index + 1)
        values = [change.before, change.after]
        low, high = _SCALES.get(change.key, (0.0, max([abs(v or 0.0) for v in values] + [1.0])))
        axes.set_xlim(low, high * 1.35 if change.key not in _SCALES else high)
        axes.barh([1, 0], [v or 0.0 for v in values], color=[BEFORE_COLOR, AFTER_COLOR],
                  height=0.7)
        for y, value in zip((1, 0), values, strict=True):
            x = max(value or 0.0, low) if change.key in _SCALES else (value or 0.0)
            axes.text(x, y, " " + _label(change.key, value, lang), va="center",
                      fontdict=FONT, color=INK)
        title = textwrap.fill(t(f"compare.figure_{change.key}", lang), width=34)
        axes.set_title(title, fontdict=FONT, loc="left", color=INK)
        _style(axes)
        _ticks(axes, change.key in _PERCENT, lang)
    figure.subplots_adjust(hspace=1.4, wspace=0.3)
    return figure_to_data_uri(figure)


def sector_pair_bars(pairs: Sequence[SectorPairChange], sectors: Vocabulary, lang: str) -> str:
    """Density of each sector pair before (light) and after (dark), one row per pair."""
    figure = Figure(figsize=(7.5, 0.42 * len(pairs) + 0.6), dpi=100)
    axes = figure.add_subplot(1, 1, 1)
    labels = [f"{sectors.label(p.sector_a, lang)} – {sectors.label(p.sector_b, lang)}"
              for p in pairs]
    rows = range(len(pairs) - 1, -1, -1)  # first pair on top
    before = [p.density_before or 0.0 for p in pairs]
    after = [p.density_after or 0.0 for p in pairs]
    axes.barh([r + 0.2 for r in rows], before, height=0.38, color=BEFORE_COLOR)
    axes.barh([r - 0.2 for r in rows], after, height=0.38, color=AFTER_COLOR)
    for r, value in zip(rows, after, strict=True):
        axes.text(value, r - 0.2, " " + format_percent(value, lang), va="center",
                  fontdict=FONT, color=INK)
    axes.set_yticks(list(rows))
    axes.set_yticklabels(labels, fontdict=FONT)
    axes.set_xlim(0, max([*before, *after, 0.05]) * 1.25)
    axes.tick_params(axis="x", labelsize=7, colors=INK)
    _ticks(axes, True, lang)
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    return figure_to_data_uri(figure)
