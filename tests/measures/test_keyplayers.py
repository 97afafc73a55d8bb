"""Fragmentation and key players against R's exhaustive search (fixtures)."""

from __future__ import annotations

import itertools

import networkx as nx
import pytest
from reference_networks import fixture_graph, reference

from graphnet.measures import DEFAULT_K, fragmentation, key_players


@pytest.mark.parametrize("name", ["karate", "florentine", "disconnected"])
def test_fragmentation_before_matches_r(name: str) -> None:
    graph, _ = fixture_graph(name)
    expected = reference("keyplayers").query("graph == @name")["fragmentation_before"].iloc[0]
    assert fragmentation(graph) == pytest.approx(expected, abs=1e-12)


@pytest.mark.parametrize("name", ["karate", "florentine", "disconnected"])
def test_key_players_find_the_exhaustive_optimum_for_one_or_two(name: str) -> None:
    graph, _ = fixture_graph(name)
    for row in reference("keyplayers").query("graph == @name and k <= 2").itertuples():
        found = key_players(graph, int(row.k))
        assert found.fragmentation_after == pytest.approx(row.fragmentation_after, abs=1e-12)
        assert "|".join(sorted(found.actors)) in row.best_sets.split(" ")


@pytest.mark.parametrize("name", ["karate", "florentine"])
def test_three_key_players_never_beat_the_optimum_and_beat_greedy_alone(name: str) -> None:
    graph, _ = fixture_graph(name)
    optimum = reference("keyplayers").query("graph == @name and k == 3")["fragmentation_after"]
    greedy_only = key_players(graph, 3, restarts=0)
    for seed in range(5):
        found = key_players(graph, 3, seed=seed)
        assert greedy_only.fragmentation_after - 1e-12 <= found.fragmentation_after
        assert found.fragmentation_after <= optimum.iloc[0] + 1e-12


def test_restarts_reach_the_florentine_optimum_for_three() -> None:
    graph, _ = fixture_graph("florentine")
    row = reference("keyplayers").query("graph == 'florentine' and k == 3").iloc[0]
    found = key_players(graph, 3)
    assert "|".join(sorted(found.actors)) in row["best_sets"].split(" ")


def test_fragmentation_after_is_that_of_the_graph_without_the_key_players() -> None:
    graph = nx.gnp_random_graph(60, 0.05, seed=3)
    found = key_players(graph, 4, seed=1)
    rest = graph.subgraph(set(graph) - set(found.actors))
    assert len(set(found.actors)) == 4
    assert found.fragmentation_after == pytest.approx(fragmentation(rest), abs=1e-12)
    assert found.fragmentation_before == pytest.approx(fragmentation(graph), abs=1e-12)


def test_no_single_swap_improves_the_key_player_set() -> None:
    graph = nx.gnp_random_graph(40, 0.07, seed=8)
    found = key_players(graph, 3)
    others = set(graph) - set(found.actors)
    for out, into in itertools.product(found.actors, others):
        swapped = (set(found.actors) - {out}) | {into}
        after = fragmentation(graph.subgraph(set(graph) - swapped))
        assert after <= found.fragmentation_after + 1e-12


def test_fragmentation_counts_unreachable_pairs() -> None:
    assert fragmentation(nx.complete_graph(4)) == 0.0
    assert fragmentation(nx.empty_graph(4)) == 1.0
    two_pairs = nx.Graph([(0, 1), (2, 3)])
    assert fragmentation(two_pairs) == pytest.approx(1 - 4 / 12)


def test_key_players_k_is_capped_and_defaults_to_three() -> None:
    assert len(key_players(nx.path_graph(10)).actors) == DEFAULT_K == 3
    assert len(key_players(nx.path_graph(2), 5).actors) == 2
    assert key_players(nx.Graph(), 2).actors == ()


def test_key_players_leave_the_graph_unchanged() -> None:
    graph = nx.karate_club_graph()
    key_players(graph, 2)
    assert graph.number_of_nodes() == 34
