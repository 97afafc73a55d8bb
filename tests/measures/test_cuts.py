"""Cut points and bridges (graphnet.measures.cuts) against networkx, by removing each
actor and each link and looking at what is left."""

from __future__ import annotations

import networkx as nx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphnet.measures import centrality
from graphnet.measures.cuts import articulation_points, find_cuts
from graphnet.measures.keyplayers import fragmentation, key_players


def _left_when_gone(graph: nx.Graph, node: object) -> list[set]:
    rest = graph.subgraph(nx.node_connected_component(graph, node) - {node})
    return [set(c) for c in nx.connected_components(rest)]


def _expected_cut_off(graph: nx.Graph, node: object) -> set:
    """Everyone outside the largest part; equally large parts: the one holding the
    actor first in the graph's order stays."""
    order = {v: i for i, v in enumerate(graph)}
    parts = _left_when_gone(graph, node)
    keep = min(parts, key=lambda part: (-len(part), min(order[v] for v in part)))
    return set().union(*(part for part in parts if part is not keep))


def _check(graph: nx.Graph) -> None:
    cuts = find_cuts(graph)
    expected_points = set(nx.articulation_points(graph))
    assert set(cuts.cut_points) == expected_points
    assert len(cuts.cut_points) == len(expected_points)
    for node in graph:
        parts = _left_when_gone(graph, node)
        assert sorted(cuts.part_sizes(node)) == sorted(len(p) for p in parts)
        expected = _expected_cut_off(graph, node) if node in expected_points else set()
        assert set(cuts.cut_off(node)) == expected
        assert cuts.cut_off_count(node) == len(expected)
        if node in expected_points:
            assert sorted(map(sorted, cuts.parts(node))) == sorted(map(sorted, parts))
    assert {frozenset((b.near, b.far)) for b in cuts.bridges} == \
        {frozenset(e) for e in nx.bridges(graph)}
    order = {v: i for i, v in enumerate(graph)}
    for bridge in cuts.bridges:
        broken = graph.copy()
        broken.remove_edge(bridge.near, bridge.far)
        near = nx.node_connected_component(broken, bridge.near)
        far = nx.node_connected_component(broken, bridge.far)
        assert set(bridge.cut_off) == far and bridge.rest == len(near)
        assert len(far) < len(near) or (len(far) == len(near)
                                        and min(map(order.get, near)) < min(map(order.get, far)))


@st.composite
def _graphs(draw: st.DrawFn) -> nx.Graph:
    n = draw(st.integers(0, 18))
    pairs = [(u, v) for u in range(n) for v in range(u + 1, n)]
    edges = draw(st.lists(st.sampled_from(pairs), max_size=2 * n)) if pairs else []
    graph = nx.Graph()
    # nodes in a drawn order, named as text: the graph's order is not the names' order
    graph.add_nodes_from(f"a{v}" for v in draw(st.permutations(range(n))))
    graph.add_edges_from((f"a{u}", f"a{v}") for u, v in edges)
    if n and draw(st.booleans()):
        graph.add_edge("a0", "a0")  # a self-loop changes nothing
    return graph


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_graphs())
def test_cut_points_parts_and_bridges_are_those_networkx_finds(graph: nx.Graph) -> None:
    _check(graph)


def test_the_reference_networks(test_graph: nx.Graph) -> None:
    _check(test_graph)
    flags = centrality.cut_points(test_graph)
    assert set(flags[flags].index) == set(nx.articulation_points(test_graph))
    nodes = list(test_graph)
    assert {nodes[i] for i in articulation_points(test_graph)} == \
        set(nx.articulation_points(test_graph))


def test_the_key_player_of_a_chain_of_stars_is_its_middle_cut_point() -> None:
    # three stars of 4 leaves, their hubs in a row: the middle hub splits most
    graph = nx.Graph([("h1", "h2"), ("h2", "h3")])
    for hub in ("h1", "h2", "h3"):
        graph.add_edges_from((hub, f"{hub}-{k}") for k in range(4))
    chosen = key_players(graph, 1)
    assert chosen.actors == ("h2",)
    without = graph.copy()
    without.remove_node("h2")
    assert abs(chosen.fragmentation_after - fragmentation(without)) < 1e-12
