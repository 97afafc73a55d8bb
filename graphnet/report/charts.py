"""The report's static pictures, written as SVG by hand into inline data URIs.

Each function returns a ``data:image/svg+xml;base64,…`` string that the HTML puts
in an ``<img>``: the page stays one self-contained file, and text inside a picture
(actor names) can never become live markup (it is XML-escaped, and an ``<img>``
runs no script anyway). The pictures are deterministic: the map's seeded layout,
coordinates rounded to two decimals and no date, so the same input gives the same
bytes. They are drawn without matplotlib: a dozen circles, lines and labels do not
need a plotting library whose import alone took longer than the whole analysis of
an ORP (:func:`figure_to_data_uri` still turns the comparison's matplotlib charts
into the same kind of URI). Sizes are in points, as matplotlib's were: a dot of
"size" *s* has the area *s* pt². (The sector mixing matrix is not a picture: it is
an HTML table coloured cell by cell, built in :mod:`graphnet.report.content`.)

>>> import pandas as pd
>>> from graphnet.vocab import SECTORS
>>> ei = pd.DataFrame({"sector": ["health"], "internal": [1], "external": [3], "ei": [0.5]})
>>> ei_chart(ei, SECTORS, "en").startswith("data:image/svg+xml;base64,")
True
"""

from __future__ import annotations

import base64
import io
import math
from collections.abc import Sequence
from html import escape
from typing import TYPE_CHECKING, Any

import networkx as nx
import pandas as pd

from graphnet.graphs import collaboration_graph
from graphnet.i18n import format_number
from graphnet.map.layout import actor_positions
from graphnet.model import Network
from graphnet.vocab import Vocabulary, sector_color

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "AGGREGATE_ABOVE",
    "LAYOUT_SEED",
    "network_picture",
    "ei_chart",
    "figure_to_data_uri",
]

#: Above this many actors the picture shows sectors, not actors (30,000 dots help nobody).
AGGREGATE_ABOVE = 400
#: The seed of the layout, so the same network always gives the same picture.
LAYOUT_SEED = 42

INK = "#333333"
MUTED = "#8a8a8a"
GRID = "#d9d9d9"
FONT = "'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif"
#: About how wide a character of FONT is, in font sizes (to leave room for labels).
CHAR_WIDTH = 0.55

# Typed loosely: matplotlib's stubs want literal keys.
_RC: Any = {
    "svg.fonttype": "none",  # text stays text: smaller files, the reader's own font
    "svg.hashsalt": "graphnet",  # stable element ids
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.edgecolor": GRID,
    "axes.labelcolor": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "text.color": INK,
}


def figure_to_data_uri(figure: Figure) -> str:
    """A matplotlib figure as an inline SVG data URI (deterministic bytes)."""
    # Deferred: only the comparison's charts are drawn with matplotlib, and its
    # import costs more than a report of one ORP.
    import matplotlib

    buffer = io.BytesIO()
    with matplotlib.rc_context(_RC):
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None},
                       bbox_inches="tight", pad_inches=0.05, transparent=False,
                       facecolor="white")
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _n(value: float) -> str:
    """A coordinate as SVG text: two decimals, no trailing zeros, never ``-0``."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _svg_uri(width: float, height: float, body: Sequence[str]) -> str:
    """The picture ``body`` (SVG elements in points, origin top left) on a white
    ``width`` × ``height`` page, as a data URI."""
    text = "\n".join([
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_n(width)}pt" '
        f'height="{_n(height)}pt" viewBox="0 0 {_n(width)} {_n(height)}" '
        f'font-family="{FONT}" fill="{INK}">',
        f'<rect width="{_n(width)}" height="{_n(height)}" fill="#ffffff"/>',
        *body,
        "</svg>",
        "",
    ])
    return "data:image/svg+xml;base64," + base64.b64encode(text.encode("utf-8")).decode("ascii")


def _text(x: float, y: float, text: str, size: float, *, anchor: str = "start",
          extra: str = "") -> str:
    """One line of text whose middle sits at ``y`` (``anchor``: start, middle, end)."""
    return (f'<text x="{_n(x)}" y="{_n(y + 0.35 * size)}" font-size="{_n(size)}" '
            f'text-anchor="{anchor}"{extra}>{escape(text)}</text>')


def _text_width(text: str, size: float) -> float:
    return len(text) * size * CHAR_WIDTH


def _shorten(text: str, limit: int = 28) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def network_picture(network: Network, actors: pd.DataFrame, lang: str,
                    *, sector_pairs: pd.DataFrame | None = None,
                    aggregate_above: int = AGGREGATE_ABOVE, seed: int = LAYOUT_SEED) -> str:
    """The collaboration network coloured by sector.

    Up to ``aggregate_above`` actors: one dot per actor (size = partners, isolated
    actors hollow, single points of failure ringed) at the map's seeded positions. Above it: one
    circle per sector (size = actors) with lines as wide as the linked pairs
    between sectors (from ``sector_pairs``, the analysis's mixing table, when given:
    no graph of 30,000 actors is built for a picture of twelve circles).
    """
    if len(network.actors) > aggregate_above:
        counts = {str(k): int(v) for k, v in
                  pd.Series([a.sector for a in network.actors]).value_counts().items()}
        if sector_pairs is None:
            sector_pairs = _pairs_from_graph(collaboration_graph(network))
        pairs = {(str(r["sector_a"]), str(r["sector_b"])): int(r["linked_pairs"])
                 for r in sector_pairs.to_dict("records")}
        return _sector_picture(counts, pairs, network.sectors, lang)
    return _actor_picture(collaboration_graph(network), network.sectors, actors, seed)


def _pairs_from_graph(graph: nx.Graph) -> pd.DataFrame:
    pairs: dict[tuple[str, str], int] = {}
    for u, v in graph.edges():
        a, b = sorted((graph.nodes[u].get("sector") or "", graph.nodes[v].get("sector") or ""))
        pairs[(a, b)] = pairs.get((a, b), 0) + 1
    return pd.DataFrame([{"sector_a": a, "sector_b": b, "linked_pairs": n}
                         for (a, b), n in sorted(pairs.items())],
                        columns=["sector_a", "sector_b", "linked_pairs"])


#: The actor picture's drawing area in points (10 × 6.4 inches) and its margin.
ACTOR_PICTURE = (720.0, 460.8)
PAD = 4.0


def _actor_picture(graph: nx.Graph, sectors: Vocabulary, actors: pd.DataFrame, seed: int) -> str:
    nodes = sorted(graph.nodes)
    group_of = {n: str(graph.nodes[n].get("sector") or "") for n in nodes}
    placed = actor_positions(graph, group_of, group_order=sectors.codes, seed=seed)
    degree = dict(graph.degree())
    radius = {n: math.sqrt(28 + 14 * math.sqrt(degree[n])) / 2 for n in nodes}
    cut_points = set(actors.index[actors["is_cut_point"].astype(bool)]) \
        if "is_cut_point" in actors.columns else set()
    # Name the few actors a reader looks for: single points of failure and hubs.
    by_degree = sorted(nodes, key=lambda n: (-degree[n], n))
    named = [n for n in by_degree if n in cut_points][:6]
    hubs = [n for n in by_degree if n not in named and degree[n] > 0]
    named += hubs[: max(0, 8 - len(named))]
    labels = {n: _shorten(str(graph.nodes[n].get("name") or n)) for n in named}

    # Equal scales on both axes, 4 % margins, the picture as large as the area allows;
    # screen y runs down, as the layout's does.
    xs = [float(placed[n][0]) for n in nodes] or [0.0]
    ys = [float(placed[n][1]) for n in nodes] or [0.0]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    area_w, area_h = ACTOR_PICTURE
    scale = min(area_w / (span_x * 1.08), area_h / (span_y * 1.08))
    left, top = min(xs) - 0.04 * span_x, min(ys) - 0.04 * span_y
    where = {n: ((float(placed[n][0]) - left) * scale, (float(placed[n][1]) - top) * scale)
             for n in nodes}

    body: list[str] = []
    edges = sorted(graph.edges(data=True))
    if edges:
        body.append('<g stroke="#b5b5b5" stroke-linecap="round" fill="none">')
        for u, v, data in edges:
            (x1, y1), (x2, y2) = where[u], where[v]
            width = 0.5 + min(float(data.get("weight", 1.0)), 10.0) * 0.12
            body.append(f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" '
                        f'stroke-width="{_n(width)}"/>')
        body.append("</g>")
    ringed = [n for n in nodes if n in cut_points]
    if ringed:
        body.append(f'<g fill="none" stroke="{INK}" stroke-width="1.2">')
        for node in ringed:
            ring = math.sqrt((28 + 14 * math.sqrt(degree[node])) + 60) / 2
            x, y = where[node]
            body.append(f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(ring)}"/>')
        body.append("</g>")
    for node in nodes:  # linked actors filled, isolated ones hollow
        x, y = where[node]
        colour = sector_color(sectors, group_of[node])
        style = (f'fill="{colour}" stroke="#ffffff" stroke-width="0.8"' if degree[node] > 0
                 else f'fill="#ffffff" stroke="{colour}" stroke-width="1.8"')
        body.append(f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(radius[node])}" {style}/>')
    halo = ' stroke="#ffffff" stroke-opacity="0.75" stroke-width="3" paint-order="stroke"'
    # The page is cropped to what is drawn (dots, rings and labels), as matplotlib's
    # tight bounding box did.
    reach = {n: math.sqrt(28 + 14 * math.sqrt(degree[n]) + 60) / 2 if n in cut_points
             else radius[n] + 1 for n in nodes}
    extent = [min([where[n][0] - reach[n] for n in nodes] or [0.0]),
              min([where[n][1] - reach[n] for n in nodes] or [0.0]),
              max([where[n][0] + reach[n] for n in nodes] or [0.0]),
              max([where[n][1] + reach[n] for n in nodes] or [0.0])]
    for node in named:
        x, y = where[node]
        # the label's baseline 5 pt right of and above the dot's centre
        body.append(_text(x + 5, y - 8, labels[node], 7.5, extra=halo))
        extent[2] = max(extent[2], x + 5 + _text_width(labels[node], 7.5))
        extent[1] = min(extent[1], y - 8 - 7.5)
    shift_x, shift_y = PAD - extent[0], PAD - extent[1]
    body = [f'<g transform="translate({_n(shift_x)} {_n(shift_y)})">', *body, "</g>"]
    return _svg_uri(extent[2] - extent[0] + 2 * PAD, extent[3] - extent[1] + 2 * PAD, body)


#: The sector picture's area in points (8 × 7 inches) and its data limits.
SECTOR_PICTURE = (576.0, 504.0)
SECTOR_LIMITS = (1.75, 1.5)


def _sector_picture(counts: dict[str, int], pairs: dict[tuple[str, str], int],
                    sectors: Vocabulary, lang: str) -> str:
    present = [code for code in sectors.codes if code in counts] + sorted(
        code for code in counts if code not in sectors)
    angle = {code: 2 * math.pi * i / len(present) + math.pi / 2 for i, code in enumerate(present)}
    width, height = SECTOR_PICTURE
    scale = min(width / (2 * SECTOR_LIMITS[0]), height / (2 * SECTOR_LIMITS[1]))

    def screen(x: float, y: float) -> tuple[float, float]:
        return width / 2 + x * scale, height / 2 - y * scale

    unit = {code: (math.cos(a), math.sin(a)) for code, a in angle.items()}
    where = {code: screen(*xy) for code, xy in unit.items()}
    largest = max([n for (a, b), n in pairs.items() if a != b] or [1])
    drawn = [(a, b, n) for (a, b), n in sorted(pairs.items())
             if a != b and n > 0 and a in where and b in where]
    body = ['<g stroke="#9a9a9a" stroke-opacity="0.7" stroke-linecap="round" fill="none">']
    for a, b, n in drawn:
        (x1, y1), (x2, y2) = where[a], where[b]
        body.append(f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" '
                    f'stroke-width="{_n(0.4 + 9.0 * n / largest)}"/>')
    body.append("</g>")
    biggest = max(counts.values())
    body.append('<g stroke="#ffffff" stroke-width="1.5">')
    for code in present:
        x, y = where[code]
        r = math.sqrt(250 + 1900 * counts[code] / biggest) / 2
        body.append(f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(r)}" '
                    f'fill="{sector_color(sectors, code)}"/>')
    body.append("</g>")
    for code in present:
        x, y = screen(unit[code][0] * 1.33, unit[code][1] * 1.27)
        body.append(_text(x, y - 5.5, sectors.label(code, lang), 8.5, anchor="middle"))
        body.append(_text(x, y + 5.5, format_number(counts[code], lang), 8.5,
                          anchor="middle"))
    return _svg_uri(width, height, body)


def _present_sectors(codes: Sequence[str], sectors: Vocabulary) -> list[str]:
    wanted = set(codes)
    return [c for c in sectors.codes if c in wanted] + sorted(wanted - set(sectors.codes))


#: The E-I chart's bar area in points (−1.15 … +1.15) and the height of one row.
EI_WIDTH = 420.0
EI_ROW = 24.5


def ei_chart(sector_ei: pd.DataFrame, sectors: Vocabulary, lang: str) -> str:
    """E-I index per sector as horizontal bars from −1 to +1, in the sector colours."""
    rows = sector_ei.copy()
    order = {c: i for i, c in enumerate(_present_sectors(list(rows["sector"]), sectors))}
    rows = rows.assign(_order=rows["sector"].map(order)).sort_values("_order")
    names = [_shorten(sectors.label(s, lang), 30) for s in rows["sector"]]
    values = [0.0 if pd.isna(v) else float(v) for v in rows["ei"]]
    left = PAD + max([_text_width(name, 9) for name in names] or [0.0]) + 8
    top = PAD
    height = EI_ROW * max(len(rows), 1) + EI_ROW * 0.2

    def x_of(value: float) -> float:
        return left + (value + 1.15) / 2.3 * EI_WIDTH

    ticks = [-1.0, -0.5, 0.0, 0.5, 1.0]
    body = [f'<g stroke="{GRID}" stroke-width="0.5">']
    body += [f'<line x1="{_n(x_of(v))}" y1="{_n(top)}" x2="{_n(x_of(v))}" '
             f'y2="{_n(top + height)}"/>' for v in ticks]
    body.append("</g>")
    for i, (sector, value, raw, name) in enumerate(
            zip(rows["sector"], values, rows["ei"], names, strict=True)):
        middle = top + EI_ROW * (i + 0.6)
        bar = 0.62 * EI_ROW
        start, end = sorted((x_of(0.0), x_of(value)))
        body.append(f'<rect x="{_n(start)}" y="{_n(middle - bar / 2)}" '
                    f'width="{_n(end - start)}" height="{_n(bar)}" '
                    f'fill="{sector_color(sectors, sector)}"/>')
        body.append(_text(left - 4, middle, name, 9, anchor="end"))
        text = "–" if pd.isna(raw) else format_number(value, lang, 2)
        at = x_of(value + (0.03 if value >= 0 else -0.03))
        body.append(_text(at, middle, text, 7.5, anchor="start" if value >= 0 else "end"))
    body.append(f'<line x1="{_n(x_of(0.0))}" y1="{_n(top)}" x2="{_n(x_of(0.0))}" '
                f'y2="{_n(top + height)}" stroke="{MUTED}" stroke-width="0.8"/>')
    body += [_text(x_of(v), top + height + 9, format_number(v, lang, 1), 9, anchor="middle")
             for v in ticks]
    return _svg_uri(left + EI_WIDTH + PAD + 16, top + height + 18 + PAD, body)
