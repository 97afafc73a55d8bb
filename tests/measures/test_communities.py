"""Louvain communities: networkx's partition, numbered by size."""

from __future__ import annotations

import networkx as nx

from graphnet.measures.communities import communities


def test_communities_are_networkx_louvain_with_the_seed() -> None:
    graph = nx.karate_club_graph()
    numbers = communities(graph, seed=42)
    expected = nx.community.louvain_communities(graph, weight="weight", seed=42)
    ours = {frozenset(numbers[numbers == c].index) for c in numbers.unique()}
    assert ours == {frozenset(c) for c in expected}


def test_communities_are_numbered_by_size_largest_first() -> None:
    graph = nx.disjoint_union_all([nx.complete_graph(3), nx.complete_graph(6),
                                   nx.complete_graph(4)])
    numbers = communities(graph)
    sizes = numbers.value_counts().sort_index().tolist()
    assert sizes == [6, 4, 3]


def test_an_isolate_is_a_community_of_its_own() -> None:
    graph = nx.complete_graph(4)
    graph.add_node("alone")
    numbers = communities(graph)
    assert (numbers == numbers["alone"]).sum() == 1


def test_large_networks_use_igraph_louvain_reproducibly() -> None:
    graph = nx.connected_caveman_graph(8, 6)
    first = communities(graph, seed=5, limit=10)
    assert first.equals(communities(graph, seed=5, limit=10))
    # the caves are the obvious communities; both implementations find them
    parts = {frozenset(first[first == c].index) for c in first.unique()}
    expected = {frozenset(c) for c in nx.community.louvain_communities(graph, seed=5)}
    assert parts == expected


def test_igraph_louvain_leaves_pythons_random_state_alone() -> None:
    import random

    random.seed(123)
    expected = random.random()
    random.seed(123)
    communities(nx.karate_club_graph(), limit=1)
    assert random.random() == expected
