"""Sector mixing matrix, E-I index (against R) and sector modularity (against networkx)."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pytest
from reference_networks import fixture_graph, reference

from graphnet.graphs import collaboration_graph
from graphnet.measures import ei_index, sector_ei, sector_mixing, sector_modularity
from graphnet.model import Actor, Link, Network


def small_network() -> Network:
    # 2 schools, 3 social services, 1 OSPOD; one school linked to one social service.
    actors = (
        Actor("z1", "ZŠ 1", "education"), Actor("z2", "ZŠ 2", "education"),
        Actor("s1", "SAS 1", "social_services"), Actor("s2", "SAS 2", "social_services"),
        Actor("s3", "SAS 3", "social_services"), Actor("o", "OSPOD", "child_protection"),
    )
    links = (
        Link("z1", "s1", "cooperation"), Link("s1", "z1", "referral"),  # one pair, two links
        Link("s1", "s2", "meeting"), Link("o", "s1", "referral"), Link("o", "z2", "information"),
    )
    return Network(actors=actors, links=links)


def test_mixing_matrix_counts_linked_and_possible_pairs() -> None:
    table = sector_mixing(small_network()).set_index(["sector_a", "sector_b"])
    school_social = table.loc[("social_services", "education")]
    assert (school_social["linked_pairs"], school_social["possible_pairs"]) == (1, 6)
    assert school_social["density"] == pytest.approx(1 / 6)
    within_social = table.loc[("social_services", "social_services")]
    assert (within_social["linked_pairs"], within_social["possible_pairs"]) == (1, 3)


def test_mixing_matrix_has_every_sector_pair_once_in_vocabulary_order() -> None:
    table = sector_mixing(small_network())
    assert len(table) == 6  # 3 sectors: 3 pairs across + 3 with themselves
    assert list(table.iloc[0][["sector_a", "sector_b"]]) == ["child_protection", "child_protection"]
    assert math.isnan(table.set_index(["sector_a", "sector_b"]).loc[
        ("child_protection", "child_protection"), "density"])  # one actor: no pair possible


def test_mixing_matrix_linked_pairs_sum_to_the_links() -> None:
    network = small_network()
    links = collaboration_graph(network).number_of_edges()
    assert sector_mixing(network)["linked_pairs"].sum() == links


@pytest.mark.parametrize("name", ["karate", "florentine", "disconnected"])
def test_ei_index_matches_r(name: str) -> None:
    graph, group = fixture_graph(name)
    ref = reference("ei").query("graph == @name")
    whole = ref.query("scope == 'network'").iloc[0]
    assert ei_index(graph, group) == pytest.approx(whole["ei"], abs=1e-12)
    per_group = sector_ei(graph, group).set_index("sector")
    for row in ref.query("scope == 'group'").itertuples():
        ours = per_group.loc[row.group]
        assert (ours["internal"], ours["external"]) == (row.internal, row.external)
        assert ours["ei"] == pytest.approx(row.ei, abs=1e-12)


def test_sector_ei_of_a_network_uses_its_sectors() -> None:
    table = sector_ei(small_network()).set_index("sector")
    assert table.loc["child_protection"].tolist() == [0, 2, 1.0]
    assert table.loc["social_services", "ei"] == pytest.approx((2 - 1) / 3)


def test_ei_index_without_links_is_nan() -> None:
    graph = nx.empty_graph(3)
    assert math.isnan(ei_index(graph, dict.fromkeys(graph, "x")))


def test_sector_modularity_matches_networkx(test_graph: nx.Graph) -> None:
    sectors = {v: str(i % 3) for i, v in enumerate(test_graph)}
    parts = [{v for v in test_graph if sectors[v] == s} for s in "012"]
    expected = nx.community.modularity(test_graph, [p for p in parts if p], weight=None)
    assert sector_modularity(test_graph, sectors) == pytest.approx(expected, abs=1e-9)
    assert np.isnan(sector_modularity(nx.empty_graph(2), {0: "a", 1: "b"}))
