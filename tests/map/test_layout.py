"""Positions computed in Python: seeded, stable, grouped, not overlapping."""

from __future__ import annotations

import math

import networkx as nx

from graphnet.map.layout import SPACING, actor_positions, grid_of_rings


def _graph(n: int = 60) -> tuple[nx.Graph, dict[str, str]]:
    graph = nx.relabel_nodes(nx.gnm_random_graph(n, 2 * n, seed=3), lambda i: f"a{i:03d}")
    groups = {v: f"s{int(v[1:]) % 5}" for v in graph}
    return graph, groups


def test_same_data_gives_the_same_positions():
    graph, groups = _graph()
    assert actor_positions(graph, groups) == actor_positions(graph.copy(), dict(groups))


def test_node_insertion_order_does_not_change_the_picture():
    graph, groups = _graph()
    shuffled = nx.Graph()
    shuffled.add_nodes_from(sorted(graph, reverse=True))
    shuffled.add_edges_from(reversed(list(graph.edges())))
    assert actor_positions(shuffled, groups) == actor_positions(graph, groups)


def test_another_seed_gives_another_picture():
    graph, groups = _graph()
    assert actor_positions(graph, groups, seed=1) != actor_positions(graph, groups, seed=2)


def test_no_two_actors_sit_on_top_of_each_other():
    graph, groups = _graph(120)
    points = list(actor_positions(graph, groups).values())
    closest = min(math.dist(p, q) for i, p in enumerate(points) for q in points[i + 1:])
    assert closest > SPACING * 0.5


def test_actors_of_a_sector_sit_closer_to_each_other_than_to_the_rest():
    graph = nx.Graph()
    graph.add_nodes_from(f"n{i}" for i in range(40))  # no links: only the sectors place them
    groups = {f"n{i}": ("a" if i < 20 else "b") for i in range(40)}
    pos = actor_positions(graph, groups)

    def centre(group):
        members = [pos[v] for v in pos if groups[v] == group]
        return (sum(p[0] for p in members) / 20, sum(p[1] for p in members) / 20)

    spread = max(math.dist(pos[v], centre(groups[v])) for v in pos)
    assert math.dist(centre("a"), centre("b")) > spread * 0.8


def test_grid_puts_each_sector_at_the_same_angle_in_every_orp():
    centres, places = grid_of_rings(["A", "B"], {"A": ["x", "y"], "B": ["y"]}, ["x", "y"])
    offset_a = (places[("A", "y")][0] - centres["A"][0], places[("A", "y")][1] - centres["A"][1])
    offset_b = (places[("B", "y")][0] - centres["B"][0], places[("B", "y")][1] - centres["B"][1])
    assert offset_a == offset_b
    assert centres["A"] != centres["B"]


def test_small_layouts_find_the_same_close_pairs_and_gaps_as_the_k_d_tree():
    """Up to DIRECT_UP_TO nodes the layout measures distances with numpy, above it with
    scipy's k-d tree: both give the same pairs and the same nearest-neighbour gap."""
    import numpy as np
    from scipy.spatial import cKDTree

    from graphnet.map import layout

    coords = np.random.default_rng(7).uniform(0, 100, size=(300, 2))
    coords[5] = coords[9]  # two nodes on one spot
    pairs = layout._pairs_within(coords, 6.0)
    expected = cKDTree(coords).query_pairs(6.0)
    assert {tuple(p) for p in pairs.tolist()} == expected
    assert len(pairs) == len(expected)
    gaps, _ = cKDTree(coords).query(coords, k=2)
    assert math.isclose(layout._median_nearest(coords), float(np.median(gaps[:, 1])),
                        rel_tol=1e-12)
