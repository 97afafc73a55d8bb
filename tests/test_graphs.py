"""The three graph views every measure uses, built from a small hand-made network."""

from __future__ import annotations

import datetime as dt

import networkx as nx

from graphnet.graphs import collaboration_graph, flow_graph, multigraph
from graphnet.model import Actor, Attendance, Link, Network


def small_network() -> Network:
    actors = (
        Actor("ospod", "OSPOD Lhota", "child_protection", contact="jana@example.org"),
        Actor("zs", "ZŠ Komenského", "education"),
        Actor("sas", "SAS Rodina", "social_services"),
        Actor("dr", "MUDr. Nováková", "health"),
    )
    links = (
        Link("ospod", "zs", "referral", 2.0),
        Link("zs", "ospod", "information", 1.5),
        Link("ospod", "sas", "cooperation", 3.0),
        Link("sas", "sas", "meeting", 1.0),
    )
    attendance = (
        Attendance("m1", "ospod", dt.date(2025, 3, 1)),
        Attendance("m1", "zs", dt.date(2025, 3, 1)),
        Attendance("m2", "ospod"),
        Attendance("m2", "zs"),
        Attendance("m2", "sas"),
    )
    return Network(actors, links, attendance)


def test_attendance_becomes_meeting_links_weighted_by_shared_meetings():
    derived = {(m.source, m.target): m.weight for m in small_network().meeting_links()}
    assert derived == {("ospod", "zs"): 2.0, ("ospod", "sas"): 1.0, ("sas", "zs"): 1.0}


def test_multigraph_keeps_every_link_and_meeting_link():
    graph = multigraph(small_network())
    assert isinstance(graph, nx.MultiDiGraph)
    assert graph.number_of_edges() == 4 + 3
    assert graph.number_of_edges("ospod", "zs") == 2  # referral + derived meeting


def test_collaboration_graph_merges_pairs_sums_weights_and_keeps_isolates():
    graph = collaboration_graph(small_network())
    assert set(graph.nodes) == {"ospod", "zs", "sas", "dr"}
    assert graph.degree("dr") == 0
    edge = graph["ospod"]["zs"]
    assert edge["weight"] == 2.0 + 1.5 + 2.0
    assert edge["kinds"] == {"referral", "information", "meeting"}
    assert not nx.number_of_selfloops(graph)


def test_flow_graph_has_directed_arcs_one_way_and_undirected_links_both_ways():
    graph = flow_graph(small_network())
    assert graph["ospod"]["zs"]["kinds"] == {"referral", "meeting"}
    assert graph["zs"]["ospod"]["kinds"] == {"information", "meeting"}
    assert graph.has_edge("sas", "ospod") and graph.has_edge("ospod", "sas")
    assert not graph.has_edge("dr", "ospod")


def test_personal_fields_never_enter_a_graph():
    graph = collaboration_graph(small_network())
    assert "contact" not in graph.nodes["ospod"]
    assert all("jana@example.org" not in str(v) for v in graph.nodes["ospod"].values())


def test_building_graphs_leaves_the_network_unchanged():
    network = small_network()
    before = repr(network)
    collaboration_graph(network).nodes["ospod"]["name"] = "changed"
    flow_graph(network)
    assert repr(network) == before
