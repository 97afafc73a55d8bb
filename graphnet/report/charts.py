"""The report's static pictures, drawn with matplotlib (Agg) into inline SVG data URIs.

Each function returns a ``data:image/svg+xml;base64,…`` string that the HTML puts
in an ``<img>``: the page stays one self-contained file, and text inside a picture
(actor names) can never become live markup. The pictures are deterministic: a
fixed layout seed, a fixed SVG hash salt and no creation date, so the same input
gives the same bytes. (The sector mixing matrix is not a picture: it is an HTML
table coloured cell by cell, built in :mod:`graphnet.report.content`; crisp in
print, searchable, and far quicker than 144 matplotlib labels.)

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
from typing import Any

import matplotlib
import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure

from graphnet.graphs import collaboration_graph
from graphnet.i18n import format_number
from graphnet.map.layout import actor_positions
from graphnet.model import Network
from graphnet.vocab import Vocabulary, sector_color

__all__ = [
    "AGGREGATE_ABOVE",
    "LAYOUT_SEED",
    "network_picture",
    "ei_chart",
    "figure_to_data_uri",
]

#: Above this many actors the picture shows sectors, not actors (30,000 dots help nobody).
AGGREGATE_ABOVE = 400
#: Connected parts up to this size get the Kamada-Kawai layout, larger ones a spring one.
KAMADA_KAWAI_UP_TO = 200
#: The seed of the spring layout, so the same network always gives the same picture.
LAYOUT_SEED = 42

INK = "#333333"
MUTED = "#8a8a8a"
GRID = "#d9d9d9"

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
    buffer = io.BytesIO()
    with matplotlib.rc_context(_RC):
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None},
                       bbox_inches="tight", pad_inches=0.05, transparent=False,
                       facecolor="white")
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _new_figure(width: float, height: float) -> Figure:
    with matplotlib.rc_context(_RC):
        return Figure(figsize=(width, height), dpi=100)


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


def _actor_picture(graph: nx.Graph, sectors: Vocabulary, actors: pd.DataFrame, seed: int) -> str:
    with matplotlib.rc_context(_RC):
        figure = _new_figure(10.0, 6.4)
        axes = figure.add_axes((0, 0, 1, 1))
        axes.set_axis_off()
        nodes = sorted(graph.nodes)
        positions = _layout(graph, sectors, seed)
        edges = sorted(graph.edges(data=True))
        segments = [(positions[u], positions[v]) for u, v, _ in edges]
        widths = [0.5 + min(float(d.get("weight", 1.0)), 10.0) * 0.12 for _, _, d in edges]
        axes.add_collection(LineCollection(segments, colors="#b5b5b5", linewidths=widths,
                                           zorder=1, capstyle="round"))
        cut_points = set(actors.index[actors["is_cut_point"].astype(bool)]) \
            if "is_cut_point" in actors.columns else set()
        xy = np.array([positions[n] for n in nodes]).reshape(-1, 2)
        colours = [sector_color(sectors, graph.nodes[n].get("sector") or "") for n in nodes]
        sizes = np.array([28 + 14 * math.sqrt(graph.degree(n)) for n in nodes])
        linked_mask = np.array([graph.degree(n) > 0 for n in nodes], dtype=bool)
        cut_mask = np.array([n in cut_points for n in nodes], dtype=bool)
        if cut_mask.any():
            axes.scatter(xy[cut_mask, 0], xy[cut_mask, 1], s=sizes[cut_mask] + 60,
                         facecolors="none", edgecolors=INK, linewidths=1.2, zorder=2)
        if linked_mask.any():
            axes.scatter(xy[linked_mask, 0], xy[linked_mask, 1], s=sizes[linked_mask],
                         c=[c for c, m in zip(colours, linked_mask, strict=True) if m],
                         edgecolors="white", linewidths=0.8, zorder=3)
        if (~linked_mask).any():
            axes.scatter(xy[~linked_mask, 0], xy[~linked_mask, 1], s=sizes[~linked_mask],
                         facecolors="white", linewidths=1.8, zorder=3,
                         edgecolors=[c for c, m in zip(colours, linked_mask, strict=True)
                                     if not m])
        # Name the few actors a reader looks for: single points of failure and hubs.
        by_degree = sorted(nodes, key=lambda n: (-graph.degree(n), n))
        named = [n for n in by_degree if n in cut_points][:6]
        hubs = [n for n in by_degree if n not in named and graph.degree(n) > 0]
        named += hubs[: max(0, 8 - len(named))]
        for node in named:
            x, y = positions[node]
            axes.annotate(_shorten(str(graph.nodes[node].get("name") or node)), (x, y),
                          xytext=(5, 5), textcoords="offset points", fontsize=7.5,
                          color=INK, zorder=4,
                          bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none",
                                "alpha": 0.75})
        axes.set_aspect("equal")
        axes.autoscale_view()
        axes.margins(0.04)
        return figure_to_data_uri(figure)


def _layout(graph: nx.Graph, sectors: Vocabulary, seed: int) -> dict[str, np.ndarray]:
    """The interactive map's layout (seeded, grouped by sector), so that the report's
    picture and map.html show the network the same way; y flipped (screen y runs down)."""
    group_of = {n: str(graph.nodes[n].get("sector") or "") for n in graph.nodes}
    placed = actor_positions(graph, group_of, group_order=sectors.codes, seed=seed)
    return {n: np.array([float(x), -float(y)]) for n, (x, y) in placed.items()}


def _sector_picture(counts: dict[str, int], pairs: dict[tuple[str, str], int],
                    sectors: Vocabulary, lang: str) -> str:
    present = [code for code in sectors.codes if code in counts] + sorted(
        code for code in counts if code not in sectors)
    angle = {code: 2 * math.pi * i / len(present) + math.pi / 2 for i, code in enumerate(present)}
    where = {code: (math.cos(a), math.sin(a)) for code, a in angle.items()}
    with matplotlib.rc_context(_RC):
        figure = _new_figure(8.0, 7.0)
        axes = figure.add_axes((0, 0, 1, 1))
        axes.set_axis_off()
        axes.set_aspect("equal")
        largest = max([n for (a, b), n in pairs.items() if a != b] or [1])
        drawn = [(a, b, n) for (a, b), n in sorted(pairs.items())
                 if a != b and n > 0 and a in where and b in where]
        axes.add_collection(LineCollection(
            [(where[a], where[b]) for a, b, _ in drawn], colors="#9a9a9a", alpha=0.7, zorder=1,
            linewidths=[0.4 + 9.0 * n / largest for _, _, n in drawn], capstyle="round"))
        biggest = max(counts.values())
        axes.scatter([where[c][0] for c in present], [where[c][1] for c in present],
                     s=[250 + 1900 * counts[c] / biggest for c in present],
                     c=[sector_color(sectors, c) for c in present],
                     edgecolors="white", linewidths=1.5, zorder=3)
        for code in present:
            x, y = where[code]
            label = f"{sectors.label(code, lang)}\n{format_number(counts[code], lang)}"
            axes.annotate(label, (x * 1.33, y * 1.27), ha="center", va="center",
                          fontsize=8.5, color=INK, zorder=4)
        axes.set_xlim(-1.75, 1.75)
        axes.set_ylim(-1.5, 1.5)
        return figure_to_data_uri(figure)


def _present_sectors(codes: Sequence[str], sectors: Vocabulary) -> list[str]:
    wanted = set(codes)
    return [c for c in sectors.codes if c in wanted] + sorted(wanted - set(sectors.codes))


def ei_chart(sector_ei: pd.DataFrame, sectors: Vocabulary, lang: str) -> str:
    """E-I index per sector as horizontal bars from −1 to +1, in the sector colours."""
    rows = sector_ei.copy()
    order = {c: i for i, c in enumerate(_present_sectors(list(rows["sector"]), sectors))}
    rows = rows.assign(_order=rows["sector"].map(order)).sort_values("_order")
    with matplotlib.rc_context(_RC):
        figure = _new_figure(7.5, 0.5 + 0.34 * max(len(rows), 1))
        axes = figure.add_subplot(1, 1, 1)
        names = [_shorten(sectors.label(s, lang), 30) for s in rows["sector"]]
        values = [0.0 if pd.isna(v) else float(v) for v in rows["ei"]]
        positions = list(range(len(rows)))[::-1]
        axes.barh(positions, values, color=[sector_color(sectors, s) for s in rows["sector"]],
                  height=0.62)
        for y, value, raw in zip(positions, values, rows["ei"], strict=True):
            text = "–" if pd.isna(raw) else format_number(value, lang, 2)
            axes.text(value + (0.03 if value >= 0 else -0.03), y, text, va="center",
                      ha="left" if value >= 0 else "right", fontsize=7.5)
        axes.set_yticks(positions, names)
        axes.set_xlim(-1.15, 1.15)
        axes.axvline(0, color=MUTED, linewidth=0.8)
        ticks = [-1.0, -0.5, 0.0, 0.5, 1.0]
        axes.set_xticks(ticks, [format_number(v, lang, 1) for v in ticks])
        axes.tick_params(length=0)
        axes.grid(axis="x", color=GRID, linewidth=0.5)
        axes.set_axisbelow(True)
        for spine in axes.spines.values():
            spine.set_visible(False)
        return figure_to_data_uri(figure)
