"""Small reference networks for the measure tests, and the R reference values.

The networks are the CSV files in ``fixtures/graphs`` (written by
``fixtures/make_graphs.py``); ``fixtures/reference_*.csv`` hold the values R
computed on them (``fixtures/make_reference.R``). Nothing here needs R.
"""

from __future__ import annotations

import networkx as nx
import pytest


def _test_graphs() -> dict[str, nx.Graph]:
    disconnected = nx.gnp_random_graph(60, 0.04, seed=5)
    disconnected.add_nodes_from(range(60, 65))  # isolates
    weighted = nx.gnp_random_graph(50, 0.12, seed=9)
    for i, (u, v) in enumerate(weighted.edges()):
        weighted[u][v]["weight"] = 1.0 + (i * 7) % 5
    return {
        "karate": nx.karate_club_graph(),
        "florentine": nx.florentine_families_graph(),
        "random_disconnected_isolates": disconnected,
        "two_parts_and_isolate": nx.disjoint_union(nx.complete_graph(5), nx.path_graph(7)),
        "star": nx.star_graph(6),
        "weighted_random": weighted,
    }


TEST_GRAPHS = _test_graphs()
TEST_GRAPHS["two_parts_and_isolate"].add_node(99)


@pytest.fixture(params=sorted(TEST_GRAPHS))
def test_graph(request: pytest.FixtureRequest) -> nx.Graph:
    """Each small undirected test graph in turn (copies, so a test cannot spoil one)."""
    return TEST_GRAPHS[request.param].copy()
