"""Centrality measures agree with networkx to 1e-6 (exact and sampled paths)."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp

from graphnet.measures import centrality
from graphnet.measures._index import index_graph

TOL = 1e-6


def assert_matches(ours: pd.Series, reference: dict) -> None:
    expected = np.array([reference[v] for v in ours.index], dtype=float)
    np.testing.assert_allclose(ours.to_numpy(dtype=float), expected, atol=TOL, rtol=0)


def test_betweenness_matches_networkx_normalized(test_graph: nx.Graph) -> None:
    assert_matches(centrality.betweenness(test_graph), nx.betweenness_centrality(test_graph))


def test_closeness_matches_networkx_wf_improved(test_graph: nx.Graph) -> None:
    assert_matches(centrality.closeness(test_graph), nx.closeness_centrality(test_graph))


def test_eigenvector_matches_networkx_power_iteration(test_graph: nx.Graph) -> None:
    assert_matches(centrality.eigenvector(test_graph), nx.eigenvector_centrality(test_graph))


def test_pagerank_matches_networkx_weighted(test_graph: nx.Graph) -> None:
    assert_matches(centrality.pagerank(test_graph),
                   nx.pagerank(test_graph, alpha=0.85, weight="weight"))


def test_core_number_matches_networkx(test_graph: nx.Graph) -> None:
    assert_matches(centrality.core_number(test_graph), nx.core_number(test_graph))


def test_cut_points_are_networkx_articulation_points(test_graph: nx.Graph) -> None:
    flags = centrality.cut_points(test_graph)
    assert set(flags[flags].index) == set(nx.articulation_points(test_graph))


def test_strength_sums_link_weights(test_graph: nx.Graph) -> None:
    assert_matches(centrality.strength(test_graph), dict(test_graph.degree(weight="weight")))


def test_sampled_paths_with_every_actor_as_source_are_exact(test_graph: nx.Graph) -> None:
    # limit=1 forces the sampled code path; a sample larger than any component
    # takes every actor as a source, which must give the exact values.
    assert_matches(centrality.betweenness(test_graph, limit=1, sample=10_000),
                   nx.betweenness_centrality(test_graph))
    assert_matches(centrality.closeness(test_graph, limit=1, sample=10_000),
                   nx.closeness_centrality(test_graph))


def test_sampled_betweenness_is_the_networkx_estimator_for_the_same_sources() -> None:
    graph = nx.karate_club_graph()
    sources, scale = centrality.path_sources(graph, seed=3, limit=10, sample=12)
    assert len(sources) == 12 and np.allclose(scale, 34 / 12)
    ours = centrality.betweenness(graph, seed=3, limit=10, sample=12)
    # networkx's own sampled estimator over the same sources (k=12 of 34)
    expected = nx.betweenness_centrality_subset(graph, sources=list(sources), targets=list(graph),
                                                normalized=False)
    n = 34
    scaled = {v: 2 * b * (n / 12) / ((n - 1) * (n - 2)) for v, b in expected.items()}
    assert_matches(ours, scaled)


def test_sampled_paths_are_reproducible_with_the_seed() -> None:
    graph = nx.gnp_random_graph(300, 0.03, seed=1)
    first = centrality.betweenness(graph, seed=7, limit=50, sample=40)
    again = centrality.betweenness(graph, seed=7, limit=50, sample=40)
    other = centrality.betweenness(graph, seed=8, limit=50, sample=40)
    assert first.equals(again) and not first.equals(other)


def test_bfs_distances_match_networkx_shortest_paths() -> None:
    graph = nx.gnp_random_graph(80, 0.04, seed=2)
    ix = index_graph(graph)
    dist, reached = centrality.bfs_distances(sp.csr_matrix(ix.adjacency), 0)
    expected = nx.single_source_shortest_path_length(graph, ix.nodes[0])
    assert {ix.nodes[i] for i in np.flatnonzero(reached)} == set(expected)
    for i in np.flatnonzero(reached):
        assert dist[i] == expected[ix.nodes[i]]


def test_eigenvector_runs_past_networkx_default_iterations_on_loose_networks() -> None:
    # Two similar dense parts joined by one link (like two ORPs) converge slowly;
    # networkx's default 100 steps are not enough.
    graph = nx.disjoint_union(nx.gnp_random_graph(40, 0.2, seed=0),
                              nx.gnp_random_graph(40, 0.2, seed=100))
    graph.add_edge(0, 40)
    with pytest.raises(nx.PowerIterationFailedConvergence):
        nx.eigenvector_centrality(graph)
    assert_matches(centrality.eigenvector(graph), nx.eigenvector_centrality(graph, max_iter=1000))


def test_measures_of_an_empty_graph_are_empty() -> None:
    graph = nx.Graph()
    for measure in (centrality.betweenness, centrality.closeness, centrality.eigenvector,
                    centrality.pagerank, centrality.degree):
        assert measure(graph).empty


def test_measures_leave_the_graph_unchanged() -> None:
    graph = nx.karate_club_graph()
    before = nx.to_dict_of_dicts(graph)
    centrality.betweenness(graph)
    centrality.pagerank(graph)
    assert nx.to_dict_of_dicts(graph) == before
