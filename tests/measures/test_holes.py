"""Constraint and effective size agree with networkx and with R (igraph, Burt's formula)."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
from reference_networks import fixture_graph, reference

from graphnet.measures import holes


def test_constraint_matches_networkx(test_graph: nx.Graph) -> None:
    ours = holes.constraint(test_graph)
    expected = nx.constraint(test_graph)
    np.testing.assert_allclose(ours.to_numpy(), [expected[v] for v in ours.index], atol=1e-6)


def test_effective_size_matches_networkx(test_graph: nx.Graph) -> None:
    ours = holes.effective_size(test_graph)
    expected = nx.effective_size(test_graph)
    np.testing.assert_allclose(ours.to_numpy(), [expected[v] for v in ours.index], atol=1e-6)


@pytest.mark.parametrize("name", ["karate", "florentine", "disconnected"])
def test_constraint_and_effective_size_match_r(name: str) -> None:
    graph, _ = fixture_graph(name)
    ref = reference("holes").query("graph == @name").set_index("id")
    np.testing.assert_allclose(holes.constraint(graph).loc[ref.index], ref["constraint"], atol=1e-6)
    np.testing.assert_allclose(holes.effective_size(graph).loc[ref.index], ref["effective_size"],
                               atol=1e-6)


def test_isolates_have_no_constraint_or_effective_size() -> None:
    graph = nx.Graph([("a", "b")])
    graph.add_node("alone")
    assert np.isnan(holes.constraint(graph)["alone"])
    assert np.isnan(holes.effective_size(graph)["alone"])


def test_weights_and_directions_are_ignored() -> None:
    # networkx's effective_size goes wrong on weighted or directed input; graphnet
    # measures the unweighted undirected view whatever it is given.
    plain = nx.karate_club_graph()
    weighted = plain.copy()
    for i, (u, v) in enumerate(weighted.edges()):
        weighted[u][v]["weight"] = 1 + i % 4
    directed = plain.to_directed()
    expected = holes.effective_size(plain)
    assert holes.effective_size(weighted).equals(expected)
    np.testing.assert_allclose(holes.effective_size(directed), expected)
    np.testing.assert_allclose(holes.constraint(weighted), holes.constraint(plain))
