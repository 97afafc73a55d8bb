"""Brokerage counts equal R's sna::brokerage raw counts, and a hand count."""

from __future__ import annotations

import itertools

import networkx as nx
import numpy as np
import pytest
from reference_networks import fixture_graph, reference

from graphnet.measures.brokerage import BROKERAGE_COLUMNS, brokerage

SNA_COLUMNS = ["w_I", "w_O", "b_IO", "b_OI", "b_O", "t"]


@pytest.mark.parametrize("name", ["services", "random_directed", "karate", "disconnected"])
def test_brokerage_matches_sna(name: str) -> None:
    graph, group = fixture_graph(name)
    flow = graph if graph.is_directed() else graph.to_directed()
    ref = reference("brokerage").query("graph == @name").set_index("id")
    ours = brokerage(flow, group).loc[ref.index]
    np.testing.assert_array_equal(ours.to_numpy(), ref[SNA_COLUMNS].to_numpy())


def test_each_role_by_hand() -> None:
    # b brokers one open two-path into each role; closed and reciprocal paths do not count.
    graph = nx.DiGraph([("a1", "b"), ("b", "a2"),
                        ("x", "b"), ("b", "y")])
    group = {"a1": "A", "a2": "A", "b": "B", "x": "C", "y": "B"}
    row = brokerage(graph, group).loc["b"]
    # open paths through b: a1->a2 (A,B,A itinerant), a1->y (A,B,B gatekeeper),
    # x->a2 (C,B,A liaison), x->y (C,B,B gatekeeper)
    assert row.tolist() == [0, 1, 0, 2, 1, 4]


def test_closed_and_returning_two_paths_are_not_brokerage() -> None:
    graph = nx.DiGraph([("a", "b"), ("b", "c"), ("a", "c"), ("b", "a")])
    counts = brokerage(graph, dict.fromkeys("abc", "s"))
    assert counts.loc["b", "brokerage_total"] == 0  # a->b->c is closed by a->c; a->b->a returns


def test_brokerage_agrees_with_a_brute_force_count() -> None:
    graph = nx.gnp_random_graph(30, 0.15, seed=4, directed=True)
    group = {v: "pqr"[v % 3] for v in graph}
    ours = brokerage(graph, group)
    for b in graph:
        counts = dict.fromkeys(BROKERAGE_COLUMNS, 0)
        for a, c in itertools.product(graph.predecessors(b), graph.successors(b)):
            if a == c or graph.has_edge(a, c):
                continue
            ga, gb, gc = group[a], group[b], group[c]
            if ga == gb == gc:
                role = "brokerage_coordinator"
            elif ga == gc:
                role = "brokerage_itinerant"
            elif ga == gb:
                role = "brokerage_representative"
            elif gb == gc:
                role = "brokerage_gatekeeper"
            else:
                role = "brokerage_liaison"
            counts[role] += 1
            counts["brokerage_total"] += 1
        assert ours.loc[b].to_dict() == counts


def test_brokerage_of_a_graph_without_links_is_zero() -> None:
    graph = nx.DiGraph()
    graph.add_nodes_from(["a", "b"])
    assert brokerage(graph, {"a": "x", "b": "y"}).to_numpy().sum() == 0
