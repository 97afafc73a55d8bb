"""The per-actor table: columns, order, and values equal to the reference measures."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import graphnet
from graphnet.graphs import collaboration_graph, flow_graph
from graphnet.measures import ACTOR_COLUMNS, actor_table
from graphnet.model import Actor, Link, Network

ISSUE_COLUMNS = [
    "id", "name", "sector", "degree", "in_degree", "out_degree", "strength", "betweenness",
    "closeness", "eigenvector", "pagerank", "constraint", "effective_size", "core_number",
    "community", "brokerage_coordinator", "brokerage_itinerant", "brokerage_representative",
    "brokerage_gatekeeper", "brokerage_liaison", "brokerage_total", "is_isolated",
    "is_peripheral", "is_sector_closed", "is_cut_point",
]


@pytest.fixture(scope="module")
def sample(sample_dir: Path) -> tuple[Network, pd.DataFrame]:
    network = graphnet.load(sample_dir)
    return network, actor_table(network)


def tiny() -> Network:
    actors = (
        Actor("o", "OSPOD", "child_protection", orp="Lhota"),
        Actor("z", "ZŠ", "education", orp="Lhota"),
        Actor("p", "PPP", "education", orp="Lhota"),
        Actor("s", "SAS", "social_services", orp="Lhota"),
        Actor("alone", "Nikdo", "health", orp="Lhota"),
    )
    links = (
        Link("z", "o", "referral", 2.0), Link("o", "s", "referral"), Link("z", "p", "meeting", 3.0),
        Link("s", "o", "information"),
    )
    return Network(actors=actors, links=links)


def test_columns_are_the_issue_columns_in_order_then_more() -> None:
    table = actor_table(tiny())
    assert list(table.columns[: len(ISSUE_COLUMNS)]) == ISSUE_COLUMNS
    assert list(table.columns) == list(ACTOR_COLUMNS)


def test_one_row_per_actor_indexed_by_id_in_network_order() -> None:
    table = actor_table(tiny())
    assert list(table.index) == ["o", "z", "p", "s", "alone"]
    assert (table.index == table["id"]).all()


def test_degrees_count_partners_and_arcs() -> None:
    table = actor_table(tiny())
    assert table.loc["o", ["degree", "in_degree", "out_degree"]].tolist() == [2, 2, 1]
    # meeting z–p is an arc both ways on the flow graph
    assert table.loc["p", ["degree", "in_degree", "out_degree"]].tolist() == [1, 1, 1]
    assert table.loc["z", "strength"] == 5.0


def test_flags_isolated_peripheral_sector_closed_cut_point() -> None:
    table = actor_table(tiny())
    assert table["is_isolated"].tolist() == [False, False, False, False, True]
    assert table["is_peripheral"].tolist() == [False, False, True, True, False]
    assert table["is_sector_closed"].tolist() == [False, False, True, False, False]
    assert table["is_cut_point"].tolist() == [True, True, False, False, False]


def test_sample_table_matches_networkx_on_its_graphs(sample: tuple[Network, pd.DataFrame]) -> None:
    network, table = sample
    collab = collaboration_graph(network)
    checks = {
        "degree": dict(collab.degree()),
        "strength": dict(collab.degree(weight="weight")),
        "betweenness": nx.betweenness_centrality(collab),
        "closeness": nx.closeness_centrality(collab),
        "eigenvector": nx.eigenvector_centrality(collab),
        "pagerank": nx.pagerank(collab, alpha=0.85, weight="weight"),
        "core_number": nx.core_number(collab),
        "constraint": nx.constraint(collab),
        "effective_size": nx.effective_size(collab),
    }
    for column, expected in checks.items():
        np.testing.assert_allclose(table[column].to_numpy(dtype=float),
                                   [expected[v] for v in table.index], atol=1e-6, err_msg=column)
    flow = flow_graph(network)
    assert table["in_degree"].to_dict() == dict(flow.in_degree())
    assert set(table.index[table["is_cut_point"]]) == set(nx.articulation_points(collab))


def test_sample_isolates_have_empty_structural_holes(sample: tuple[Network, pd.DataFrame]) -> None:
    _, table = sample
    isolated = table[table["is_isolated"]]
    assert len(isolated) > 0
    assert isolated["constraint"].isna().all() and isolated["effective_size"].isna().all()
    assert (isolated["closeness"] == 0).all()


def test_brokerage_total_is_the_sum_of_roles(sample: tuple[Network, pd.DataFrame]) -> None:
    _, table = sample
    roles = table[[c for c in table.columns
                   if c.startswith("brokerage_") and c != "brokerage_total"]]
    assert (roles.sum(axis=1) == table["brokerage_total"]).all()
    assert table["brokerage_total"].sum() > 0


def test_table_is_the_same_for_the_same_seed_and_leaves_graphs_unchanged() -> None:
    network = tiny()
    collab = collaboration_graph(network)
    before = nx.to_dict_of_dicts(collab)
    first = actor_table(network, collaboration=collab, seed=3)
    assert first.equals(actor_table(network, seed=3))
    assert nx.to_dict_of_dicts(collab) == before


def test_table_of_a_network_without_links() -> None:
    network = Network(actors=(Actor("a", "A", "police"), Actor("b", "B", "health")))
    table = actor_table(network)
    assert table["is_isolated"].all() and (table["degree"] == 0).all()
    assert table["community"].tolist() in ([0, 1], [1, 0])


def test_orp_columns_are_measures_on_each_orps_own_subgraph() -> None:
    actors = tuple(Actor(f"{o}{i}", f"{o}{i}", "health", orp=o) for o in "AB" for i in range(4))
    links = tuple(Link(f"{o}{i}", f"{o}{i + 1}", "cooperation") for o in "AB" for i in range(3))
    links += (Link("A0", "B0", "cooperation"),)  # a link across ORPs, left out per ORP
    network = Network(actors=actors, links=links)
    table = actor_table(network)
    path = nx.path_graph(4)
    expected_b = nx.betweenness_centrality(path)
    expected_c = nx.closeness_centrality(path)
    for o in "AB":
        for i in range(4):
            assert table.loc[f"{o}{i}", "orp_betweenness"] == pytest.approx(expected_b[i])
            assert table.loc[f"{o}{i}", "orp_closeness"] == pytest.approx(expected_c[i])
    # the whole-network figures see the link across
    assert table.loc["A0", "betweenness"] > 0


def test_orp_columns_are_empty_without_an_orp() -> None:
    network = Network(actors=(Actor("a", "A", "police", orp="X"), Actor("b", "B", "health")),
                      links=(Link("a", "b", "cooperation"),))
    table = actor_table(network)
    assert np.isnan(table.loc["b", "orp_betweenness"]) and table.loc["a", "orp_closeness"] == 0.0


def test_orp_columns_match_networkx_on_each_orp_of_any_size() -> None:
    # ORPs of one, two and more actors, listed interleaved, one in two pieces, one
    # with no link inside, links across ORPs: each ORP is measured on its own.
    orp_of = {"a1": "A", "b1": "B", "a2": "A", "c1": "C", "a3": "A", "d1": "D", "d2": "D",
              "a4": "A", "e1": "E", "e2": "E", "e3": "E", "a5": "A", "b2": "B"}
    pairs = [("a1", "a2"), ("a2", "a3"), ("a3", "a1"), ("a3", "a4"), ("a5", "b1"),
             ("b1", "b2"), ("c1", "a1"), ("e1", "e2"), ("d1", "a2"), ("e3", "b2")]
    network = Network(actors=tuple(Actor(i, i, "health", orp=o) for i, o in orp_of.items()),
                      links=tuple(Link(u, v, "cooperation") for u, v in pairs))
    table = actor_table(network)
    for orp in set(orp_of.values()):
        members = [i for i, o in orp_of.items() if o == orp]
        sub = nx.Graph()
        sub.add_nodes_from(members)
        sub.add_edges_from((u, v) for u, v in pairs if u in members and v in members)
        between = nx.betweenness_centrality(sub)
        close = nx.closeness_centrality(sub)
        for actor in members:
            assert table.loc[actor, "orp_betweenness"] == pytest.approx(between[actor], abs=1e-12)
            assert table.loc[actor, "orp_closeness"] == pytest.approx(close[actor], abs=1e-12)
