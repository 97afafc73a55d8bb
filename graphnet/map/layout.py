"""Positions of the map's nodes, computed in Python with a fixed seed.

The same data always gives the same picture, and the browser shows it at once:
no physics has to settle first. Actors are grouped by sector: each sector has
an anchor on a circle, every actor is tied to its sector's anchor by a weak
spring, and a Fruchterman–Reingold layout (igraph, from a seeded start)
pulls linked actors together across sectors. A last pass pushes apart nodes
that would overlap, so labels stay readable.

Coordinates are vis-network pixels at zoom 1.

>>> import networkx as nx
>>> g = nx.path_graph(["a", "b", "c"])
>>> first = actor_positions(g, {"a": "x", "b": "x", "c": "y"})
>>> first == actor_positions(g, {"a": "x", "b": "x", "c": "y"})
True
>>> sorted(first)
['a', 'b', 'c']
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping, Sequence

import igraph
import networkx as nx
import numpy as np

__all__ = ["actor_positions", "grid_of_rings", "SPACING", "ASPECT"]

#: The distance (pixels) the layout aims to keep between neighbouring actors.
SPACING = 110.0
#: Up to this many nodes, distances between nodes are computed all at once (numpy);
#: above it, with scipy's k-d tree.
DIRECT_UP_TO = 1000
#: The width : height the layout aims at (a wide screen).
ASPECT = 16 / 9

def actor_positions(
    graph: nx.Graph,
    group_of: Mapping[str, str],
    *,
    group_order: Sequence[str] | None = None,
    seed: int = 42,
    anchor_weight: float = 0.6,
) -> dict[str, tuple[int, int]]:
    """Seeded positions for the nodes of ``graph``, grouped by ``group_of[node]``.

    ``group_order`` fixes where the groups sit around the circle (the sector
    vocabulary's order, so a sector is always in the same place); groups not in it
    follow in sorted order.
    """
    nodes = sorted(graph.nodes, key=str)
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0, 0)}
    present = {group_of.get(v, "") for v in nodes}
    ordered = [g for g in (group_order or ()) if g in present]
    ordered += sorted(present - set(ordered))

    # igraph's Fruchterman–Reingold (C, grid-accelerated for large graphs) from a
    # seeded start; the sector anchors are held in place by min = max bounds.
    rng = np.random.default_rng(seed)
    index = {v: i for i, v in enumerate(nodes)}
    radius = math.sqrt(n) * 0.9
    anchor_at: dict[str, tuple[float, float]] = {}
    if len(ordered) > 1:
        for i, group in enumerate(ordered):
            angle = 2 * math.pi * i / len(ordered) - math.pi / 2
            anchor_at[group] = (radius * math.cos(angle), radius * math.sin(angle))
    # Sorted, so that the order the caller built the graph in does not matter.
    edges = sorted({(min(index[u], index[v]), max(index[u], index[v]))
                    for u, v in graph.edges() if u != v})
    weights = [1.0] * len(edges)
    start = rng.uniform(-1.0, 1.0, size=(n + len(anchor_at), 2)) * (radius * 0.25)
    low = np.full((n + len(anchor_at), 2), -np.inf)
    high = np.full((n + len(anchor_at), 2), np.inf)
    for a, group in enumerate(anchor_at):
        slot = n + a
        start[slot] = anchor_at[group]
        low[slot] = high[slot] = anchor_at[group]
    if anchor_at:
        slot_of = {group: n + a for a, group in enumerate(anchor_at)}
        for v in nodes:
            slot = slot_of[group_of.get(v, "")]
            start[index[v]] += start[slot]
            edges.append((index[v], slot))
            weights.append(anchor_weight)
    springs = igraph.Graph(n=n + len(anchor_at), edges=edges)
    # igraph draws random numbers from a module-wide generator: lend it a seeded
    # one for this call only, so the same data gives the same picture.
    igraph.set_random_number_generator(random.Random(seed))
    try:
        layout = springs.layout_fruchterman_reingold(
            weights=weights,
            niter=500,
            seed=start.tolist(),
            minx=low[:, 0].tolist(), maxx=high[:, 0].tolist(),
            miny=low[:, 1].tolist(), maxy=high[:, 1].tolist(),
        )
    finally:
        igraph.set_random_number_generator(random)
    coords = np.array(layout.coords[:n], dtype=float)
    coords -= coords.mean(axis=0)
    # Scale so that the typical nearest-neighbour distance is SPACING pixels.
    typical = _median_nearest(coords)
    coords *= 0.6 * SPACING / typical if typical > 0 else SPACING
    # Screens and projectors are wide: stretch a tall or square picture sideways
    # (up to 16:9) so that fitting it to the window leaves no empty margins and
    # the labels come out larger.
    width, height = np.ptp(coords[:, 0]), np.ptp(coords[:, 1])
    if width > 0 and height > 0 and width / height < ASPECT:
        coords[:, 0] *= min(ASPECT * height / width, 2.5)
    # Labels are wider than tall: keep nodes 1.6 times as far apart across as down,
    # which also evens out a crowded centre.
    coords[:, 0] /= 1.6
    coords = _separate(coords, min_distance=SPACING * 1.25)
    coords[:, 0] *= 1.6
    return {v: (int(round(x)), int(round(y))) for v, (x, y) in zip(nodes, coords, strict=True)}


def _median_nearest(coords: np.ndarray) -> float:
    if len(coords) < 2:
        return 1.0
    sample = coords[:: len(coords) // 3000 + 1] if len(coords) > 3000 else coords

    if len(coords) <= DIRECT_UP_TO:
        # every distance at once; the second smallest of a row skips the point itself
        gaps = np.sqrt(((sample[:, None, :] - coords[None, :, :]) ** 2).sum(axis=2))
        return float(np.median(np.partition(gaps, 1, axis=1)[:, 1]))
    # Deferred: scipy.spatial takes a quarter of a second to import, and only networks
    # of more than DIRECT_UP_TO actors need its k-d tree.
    from scipy.spatial import cKDTree

    distances, _ = cKDTree(coords).query(sample, k=2)
    return float(np.median(distances[:, 1]))


def _pairs_within(coords: np.ndarray, distance: float) -> np.ndarray:
    """The pairs ``(i, j)``, ``i < j``, of points at most ``distance`` apart."""
    if len(coords) <= DIRECT_UP_TO:
        squared = ((coords[:, None, :] - coords[None, :, :]) ** 2).sum(axis=2)
        i, j = np.nonzero(np.triu(squared <= distance * distance, k=1))
        return np.column_stack([i, j])
    from scipy.spatial import cKDTree  # deferred: see _median_nearest

    return cKDTree(coords).query_pairs(distance, output_type="ndarray")


def _separate(coords: np.ndarray, min_distance: float, rounds: int = 120) -> np.ndarray:
    """Push apart pairs of nodes closer than ``min_distance`` (deterministic)."""
    coords = coords.copy()
    for _ in range(rounds):
        pairs = _pairs_within(coords, min_distance)
        if len(pairs) == 0:
            break
        i, j = pairs[:, 0], pairs[:, 1]
        delta = coords[j] - coords[i]
        dist = np.hypot(delta[:, 0], delta[:, 1])
        # Coincident nodes: separate along a fixed direction that depends on the pair.
        same = dist < 1e-9
        delta[same] = np.column_stack([np.cos(i[same] * 2.4), np.sin(i[same] * 2.4)])
        dist[same] = 1.0
        push = ((min_distance - dist) / 2 / dist)[:, None] * delta
        np.add.at(coords, i, -push)
        np.add.at(coords, j, push)
    return coords


def grid_of_rings(
    clusters: Sequence[str],
    members: Mapping[str, Sequence[str]],
    member_order: Sequence[str],
    *,
    cell: float = 420.0,
    ring: float = 130.0,
) -> tuple[dict[str, tuple[int, int]], dict[tuple[str, str], tuple[int, int]]]:
    """The aggregate map's layout: clusters (ORPs) on a square grid in the given
    order, each cluster's members (sectors) on a ring around its centre, every
    member at the same angle in every cluster (so a sector is easy to find).

    Returns the centre of each cluster and the position of each (cluster, member).
    """
    columns = max(1, math.ceil(math.sqrt(len(clusters))))
    slots = {m: i for i, m in enumerate(member_order)}
    count = max(1, len(member_order))
    centres: dict[str, tuple[int, int]] = {}
    places: dict[tuple[str, str], tuple[int, int]] = {}
    for index, cluster in enumerate(clusters):
        cx, cy = (index % columns) * cell, (index // columns) * cell
        centres[cluster] = (int(cx), int(cy))
        for member in members[cluster]:
            angle = 2 * math.pi * slots.get(member, 0) / count - math.pi / 2
            places[(cluster, member)] = (
                int(round(cx + ring * math.cos(angle))),
                int(round(cy + ring * math.sin(angle))),
            )
    return centres, places
