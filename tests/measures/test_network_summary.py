"""Network-level figures: values against networkx, JSON-ready output."""

from __future__ import annotations

import json
import math
from pathlib import Path

import networkx as nx
import pytest

import graphnet
from graphnet.graphs import collaboration_graph
from graphnet.measures import actor_table, fragmentation, network_summary
from graphnet.measures.summary import degree_centralization, reciprocity
from graphnet.model import Actor, Link, Network


@pytest.fixture(scope="module")
def sample(sample_dir: Path) -> tuple[Network, dict]:
    network = graphnet.load(sample_dir)
    return network, network_summary(network, actor_table(network))


def test_summary_figures_match_networkx(sample: tuple[Network, dict]) -> None:
    network, summary = sample
    collab = collaboration_graph(network)
    components = list(nx.connected_components(collab))
    assert summary["actors"] == collab.number_of_nodes()
    assert summary["links"] == collab.number_of_edges()
    assert summary["density"] == pytest.approx(nx.density(collab))
    assert summary["components"] == len(components)
    assert summary["largest_component_share"] == pytest.approx(
        max(map(len, components)) / collab.number_of_nodes())
    assert summary["isolated"] == nx.number_of_isolates(collab)
    assert summary["transitivity"] == pytest.approx(nx.transitivity(collab))
    assert summary["key_players"]["fragmentation_before"] == pytest.approx(fragmentation(collab))


def test_summary_is_json_ready(sample: tuple[Network, dict]) -> None:
    _, summary = sample
    assert json.loads(json.dumps(summary, allow_nan=False)) == summary


def test_links_by_kind_count_reported_and_attendance_links(sample: tuple[Network, dict]) -> None:
    network, summary = sample
    assert sum(summary["links_by_kind"].values()) == len(network.all_links())


def test_freeman_centralization_is_one_for_a_star_zero_for_a_cycle() -> None:
    assert degree_centralization([d for _, d in nx.star_graph(5).degree()]) == 1.0
    assert degree_centralization([2] * 6) == 0.0


def test_reciprocity_counts_directed_reported_links_only() -> None:
    actors = tuple(Actor(x, x, "health") for x in "abc")
    network = Network(actors=actors, links=(
        Link("a", "b", "referral"), Link("b", "a", "information"),  # reciprocated
        Link("a", "c", "referral"),
        Link("b", "c", "cooperation"),  # undirected: not part of reciprocity
    ))
    assert reciprocity(network) == pytest.approx(2 / 3)
    assert math.isnan(reciprocity(Network(actors=actors)))


def test_summary_of_a_network_without_links_uses_none_for_undefined_figures() -> None:
    network = Network(actors=(Actor("a", "A", "police"), Actor("b", "B", "health")))
    summary = network_summary(network, actor_table(network))
    assert summary["ei_index"] is None and summary["reciprocity"] is None
    assert summary["density"] == 0.0 and summary["isolated"] == 2


def test_key_player_set_given_is_reused() -> None:
    network = graphnet.model.Network(actors=(Actor("a", "A", "police"),))
    given = graphnet.analysis.KeyPlayers(("a",), 0.0, 0.0)
    summary = network_summary(network, actor_table(network), key_player_set=given)
    assert summary["key_players"]["actors"] == ["a"]
