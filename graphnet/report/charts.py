"""The report's static pictures, drawn with matplotlib (Agg) into inline SVG data URIs.

Each function returns a ``data:image/svg+xml;base64,…`` string that the HTML puts
in an ``<img>``: the page stays one self-contained file, and text inside a picture
(actor names) can never become live markup. The pictures are deterministic: a
fixed layout seed, a fixed SVG hash salt and no creation date, so the same input
gives the same bytes.

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

import matplotlib

matplotlib.use("Agg")  # no screen here, and never a window: pictures go into files

import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.colors import LinearSegmentedColormap  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402

from graphnet.i18n import format_number, format_percent, t  # noqa: E402
from graphnet.model import Network  # noqa: E402
from graphnet.vocab import Vocabulary, sector_color  # noqa: E402

__all__ = [
    "AGGREGATE_ABOVE",
    "LAYOUT_SEED",
    "network_picture",
    "sector_heatmap",
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

_RC = {
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

# A calm sequential scale from white to the report's blue.
DENSITY_CMAP = LinearSegmentedColormap.from_list("graphnet_density", ["#ffffff", "#0b4f8a"])


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
                    *, aggregate_above: int = AGGREGATE_ABOVE, seed: int = LAYOUT_SEED) -> str:
    """The collaboration network coloured by sector.

    Up to ``aggregate_above`` actors: one dot per actor (size = partners; isolated
    actors hollow, in a row beneath), a fixed-seed spring layout. Above it: one
    circle per sector (size = actors) with lines as wide as the linked pairs
    between sectors.
    """
    graph = network.collaboration_graph()
    if graph.number_of_nodes() > aggregate_above:
        return _sector_picture(graph, network.sectors, lang)
    return _actor_picture(graph, network.sectors, actors, seed)


def _actor_picture(graph: nx.Graph, sectors: Vocabulary, actors: pd.DataFrame, seed: int) -> str:
    with matplotlib.rc_context(_RC):
        figure = _new_figure(9.0, 6.2)
        axes = figure.add_axes((0, 0, 1, 1))
        axes.set_axis_off()
        nodes = sorted(graph.nodes)
        isolated = [n for n in nodes if graph.degree(n) == 0]
        positions = _packed_layout(graph, seed)
        # Isolated actors in a row below the network: visible, and visibly apart.
        if isolated:
            bottom = min((p[1] for p in positions.values()), default=0.0)
            left = min((p[0] for p in positions.values()), default=0.0)
            right = max((p[0] for p in positions.values()), default=1.0)
            per_row = max(8, math.ceil(math.sqrt(len(isolated)) * 3))
            step = max((right - left) / per_row, 0.25)
            for i, node in enumerate(isolated):
                row, col = divmod(i, per_row)
                positions[node] = np.array([left + step * (col + 0.5), bottom - 0.9 - 0.45 * row])
        for u, v, data in sorted(graph.edges(data=True)):
            (x1, y1), (x2, y2) = positions[u], positions[v]
            width = 0.5 + min(float(data.get("weight", 1.0)), 10.0) * 0.12
            axes.plot([x1, x2], [y1, y2], color="#b5b5b5", linewidth=width, zorder=1,
                      solid_capstyle="round")
        cut_points = set(actors.index[actors["is_cut_point"].astype(bool)]) \
            if "is_cut_point" in actors.columns else set()
        for node in nodes:
            x, y = positions[node]
            sector = graph.nodes[node].get("sector") or ""
            colour = sector_color(sectors, sector)
            degree = graph.degree(node)
            size = 28 + 14 * math.sqrt(degree)
            if degree == 0:
                axes.scatter([x], [y], s=size, facecolors="white", edgecolors=colour,
                             linewidths=1.8, zorder=3)
            else:
                axes.scatter([x], [y], s=size, color=colour, edgecolors="white",
                             linewidths=0.8 if node not in cut_points else 0, zorder=3)
                if node in cut_points:
                    axes.scatter([x], [y], s=size + 60, facecolors="none", edgecolors=INK,
                                 linewidths=1.2, zorder=2)
        # Name the few actors a reader looks for: single points of failure and hubs.
        by_degree = sorted(nodes, key=lambda n: (-graph.degree(n), n))
        named = [n for n in by_degree if n in cut_points][:6]
        named += [n for n in by_degree if n not in named and graph.degree(n) > 0][: max(0, 8 - len(named))]
        for node in named:
            x, y = positions[node]
            axes.annotate(_shorten(str(graph.nodes[node].get("name") or node)), (x, y),
                          xytext=(5, 5), textcoords="offset points", fontsize=7.5,
                          color=INK, zorder=4,
                          bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none",
                                "alpha": 0.75})
        axes.set_aspect("equal")
        axes.margins(0.04)
        return figure_to_data_uri(figure)


def _packed_layout(graph: nx.Graph, seed: int) -> dict[str, np.ndarray]:
    """Spring layout per connected part, the parts packed in rows largest first, so a
    few small islands do not squeeze the main network into a corner."""
    parts = sorted((sorted(c) for c in nx.connected_components(graph) if len(c) > 1),
                   key=lambda c: (-len(c), c[0]))
    positions: dict[str, np.ndarray] = {}
    if not parts:
        return positions
    sides = [math.sqrt(len(c)) for c in parts]
    width = max(sides[0] * 1.6, math.sqrt(sum(len(c) for c in parts)) * 1.25)
    x = y = row_height = 0.0
    for part, side in zip(parts, sides, strict=True):
        if x > 0 and x + side > width:
            x, y, row_height = 0.0, y - row_height - 0.6, 0.0
        sub = graph.subgraph(part)
        if len(part) == 2:
            local = {part[0]: np.array([-0.5, 0.0]), part[1]: np.array([0.5, 0.0])}
        elif len(part) <= KAMADA_KAWAI_UP_TO:
            # Kamada-Kawai spreads a hub-and-spoke network evenly (deterministic).
            local = nx.kamada_kawai_layout(sub, weight=None)
        else:
            local = nx.spring_layout(sub, seed=seed, k=1.5 / math.sqrt(len(part)),
                                     iterations=100)
        coords = np.array([local[n] for n in part], dtype=float)
        span = np.ptp(coords, axis=0)
        span[span == 0] = 1.0
        coords = (coords - coords.min(axis=0)) / span * side * 0.9
        if len(part) == 2:
            coords[:, 1] = side * 0.45
        for node, (cx, cy) in zip(part, coords, strict=True):
            positions[node] = np.array([x + cx, y - side + cy])
        x += side + 0.6
        row_height = max(row_height, side)
    return positions


def _sector_picture(graph: nx.Graph, sectors: Vocabulary, lang: str) -> str:
    counts: dict[str, int] = {}
    for _, data in graph.nodes(data=True):
        counts[data.get("sector") or ""] = counts.get(data.get("sector") or "", 0) + 1
    present = [code for code in sectors.codes if code in counts] + sorted(
        code for code in counts if code not in sectors)
    pairs: dict[tuple[str, str], int] = {}
    for u, v in graph.edges():
        a, b = sorted((graph.nodes[u].get("sector") or "", graph.nodes[v].get("sector") or ""))
        pairs[(a, b)] = pairs.get((a, b), 0) + 1
    angle = {code: 2 * math.pi * i / len(present) + math.pi / 2 for i, code in enumerate(present)}
    where = {code: (math.cos(a), math.sin(a)) for code, a in angle.items()}
    with matplotlib.rc_context(_RC):
        figure = _new_figure(8.0, 7.0)
        axes = figure.add_axes((0, 0, 1, 1))
        axes.set_axis_off()
        axes.set_aspect("equal")
        largest = max([n for (a, b), n in pairs.items() if a != b] or [1])
        for (a, b), n in sorted(pairs.items()):
            if a == b:
                continue
            (x1, y1), (x2, y2) = where[a], where[b]
            axes.plot([x1, x2], [y1, y2], color="#9a9a9a", alpha=0.7, zorder=1,
                      linewidth=0.4 + 9.0 * n / largest, solid_capstyle="round")
        biggest = max(counts.values())
        for code in present:
            x, y = where[code]
            size = 300 + 2600 * counts[code] / biggest
            axes.scatter([x], [y], s=size, color=sector_color(sectors, code),
                         edgecolors="white", linewidths=1.5, zorder=3)
            label = f"{sectors.label(code, lang)}\n{format_number(counts[code], lang)}"
            axes.annotate(label, (x * 1.22, y * 1.22), ha="center", va="center",
                          fontsize=8.5, color=INK, zorder=4)
        axes.set_xlim(-1.55, 1.55)
        axes.set_ylim(-1.45, 1.45)
        return figure_to_data_uri(figure)


def _present_sectors(codes: Sequence[str], sectors: Vocabulary) -> list[str]:
    wanted = set(codes)
    return [c for c in sectors.codes if c in wanted] + sorted(wanted - set(sectors.codes))


def sector_heatmap(sector_pairs: pd.DataFrame, sectors: Vocabulary, lang: str) -> str:
    """The sector mixing matrix as a heatmap of density; expected pairs framed."""
    codes = _present_sectors(
        list(sector_pairs["sector_a"]) + list(sector_pairs["sector_b"]), sectors)
    index = {c: i for i, c in enumerate(codes)}
    size = len(codes)
    density = np.full((size, size), np.nan)
    linked = np.zeros((size, size), dtype=int)
    expected = np.zeros((size, size), dtype=bool)
    for row in sector_pairs.itertuples(index=False):
        i, j = index[row.sector_a], index[row.sector_b]
        value = float(row.density) if row.density is not None and not pd.isna(row.density) else np.nan
        for a, b in ((i, j), (j, i)):
            density[a, b] = value
            linked[a, b] = int(row.linked_pairs)
            expected[a, b] = bool(getattr(row, "expected", False))
    labels = [_shorten(sectors.label(c, lang), 24) for c in codes]
    with matplotlib.rc_context(_RC):
        side = 1.2 + 0.55 * size
        figure = _new_figure(side + 1.6, side)
        axes = figure.add_subplot(1, 1, 1)
        top = max(float(np.nanmax(density)) if np.isfinite(density).any() else 0.0, 0.05)
        image = axes.imshow(np.nan_to_num(density, nan=0.0), cmap=DENSITY_CMAP, vmin=0.0,
                            vmax=top, aspect="equal")
        axes.set_xticks(range(size), labels, rotation=40, ha="right", rotation_mode="anchor")
        axes.set_yticks(range(size), labels)
        axes.tick_params(length=0)
        for spine in axes.spines.values():
            spine.set_visible(False)
        for i in range(size):
            for j in range(size):
                if np.isnan(density[i, j]):
                    text = ""
                else:
                    text = format_percent(density[i, j], lang, 0) if linked[i, j] else "0"
                dark = not np.isnan(density[i, j]) and density[i, j] > top * 0.55
                axes.text(j, i, text, ha="center", va="center", fontsize=7,
                          color="white" if dark else INK)
                if expected[i, j]:
                    colour = "#CC3311" if linked[i, j] == 0 else INK
                    axes.add_patch(Rectangle((j - 0.46, i - 0.46), 0.92, 0.92, fill=False,
                                             edgecolor=colour, linewidth=1.4))
        bar = figure.colorbar(image, ax=axes, fraction=0.035, pad=0.02)
        bar.set_label(t("report.heatmap_colorbar", lang))
        bar.outline.set_visible(False)
        ticks = bar.get_ticks()
        bar.set_ticks(ticks, labels=[format_percent(v, lang, 0) for v in ticks])
        return figure_to_data_uri(figure)


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
