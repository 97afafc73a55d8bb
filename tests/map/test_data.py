"""The map's node and edge records (before any HTML)."""

from __future__ import annotations

from collections import defaultdict

import pytest

from graphnet.graphs import collaboration_graph
from graphnet.map import ExtraEdge, MapOptions, map_data
from graphnet.map.data import SUGGESTION_COLOR, scaled_sizes
from graphnet.model import PERSONAL_FIELDS
from graphnet.vocab import sector_color


def link_records(data):
    return [e for e in data.edges if e["layer"] == "link"]


def test_nodes_are_exactly_the_actors(small):
    data = map_data(small, measures=False)
    assert [n["id"] for n in data.nodes] == [a.id for a in small.actors]
    assert [n["label"] for n in data.nodes] == [a.name for a in small.actors]


def test_link_pairs_are_exactly_the_collaboration_edges_with_their_kinds(small):
    data = map_data(small, measures=False)
    kinds_of_pair = defaultdict(set)
    for edge in link_records(data):
        kinds_of_pair[frozenset((edge["from"], edge["to"]))].add(edge["kind"])
    graph = collaboration_graph(small)
    assert set(kinds_of_pair) == {frozenset(e) for e in graph.edges()}
    for u, v, attributes in graph.edges(data=True):
        assert kinds_of_pair[frozenset((u, v))] == set(attributes["kinds"])
    assert len(link_records(data)) == sum(len(d["kinds"]) for *_, d in graph.edges(data=True))


def test_referrals_both_ways_make_one_edge_with_two_arrows(small):
    edges = {e["id"]: e for e in map_data(small, measures=False).edges}
    both = edges["referral:ospod|sas"]
    assert both["arrows"] == "to, from"
    assert both["weight"] == 3.0


def test_one_way_information_points_from_source_to_target(small):
    edges = {e["id"]: e for e in map_data(small, measures=False).edges}
    info = edges["information:ospod|zs"]
    assert (info["from"], info["to"], info["arrows"]) == ("zs", "ospod", "to")
    assert info["dashes"]


def test_undirected_kinds_have_no_arrows_and_cooperation_is_thicker_than_meeting(small):
    edges = {e["id"]: e for e in map_data(small, measures=False).edges}
    meeting, cooperation = edges["meeting:ospod|ppp"], edges["cooperation:sas|zs"]
    assert meeting["arrows"] == cooperation["arrows"] == ""
    assert cooperation["width"] > meeting["width"]


def test_heavier_links_are_drawn_wider(small):
    edges = {e["id"]: e for e in map_data(small, measures=False).edges}
    assert edges["cooperation:ppp|x1"]["width"] > edges["cooperation:sas|zs"]["width"]


def test_isolated_actor_is_marked_without_an_analysis(small):
    nodes = {n["id"]: n for n in map_data(small, measures=False).nodes}
    assert nodes["iso"]["marks"] == ["isolated"]
    assert nodes["iso"]["shape"] == "square"
    assert all(n["marks"] == [] for k, n in nodes.items() if k != "iso")


def test_sector_colours_are_the_reports_palette(small):
    nodes = {n["id"]: n for n in map_data(small, measures=False).nodes}
    for actor in small.actors:
        assert nodes[actor.id]["color"]["background"] == sector_color(small.sectors, actor.sector)


def test_colour_by_orp_gives_one_colour_per_orp(small):
    data = map_data(small, measures=False, color_by="orp")
    colour_of_orp = defaultdict(set)
    for node, actor in zip(data.nodes, small.actors, strict=True):
        colour_of_orp[actor.orp].add(node["color"]["background"])
    assert all(len(c) == 1 for c in colour_of_orp.values())
    assert colour_of_orp["Lhota"] != colour_of_orp["Ves"]


def test_without_analysis_size_follows_the_number_of_partners(small):
    nodes = {n["id"]: n for n in map_data(small, measures=False).nodes}
    # sas has 3 partners (ospod, zs, ppp), zs 2, iso none.
    assert nodes["sas"]["size"] > nodes["zs"]["size"] > nodes["iso"]["size"]


def test_scaled_sizes_put_the_smallest_and_largest_at_the_ends():
    sizes = scaled_sizes({"a": 0.0, "b": 1.0, "c": 4.0})
    assert sizes["a"] == 14.0 and sizes["c"] == 46.0 and 14.0 < sizes["b"] < 46.0


def test_tooltip_holds_sector_needs_levels_and_no_personal_field(small):
    nodes = {n["id"]: n for n in map_data(small, measures=False, lang="en").nodes}
    assert nodes["sas"]["tooltip"][:5] == [
        "SAS Rodina",
        "Sector: social services",
        "ORP: Lhota",
        "Needs: relationships",
        "Support levels: targeted",
    ]
    text = repr(map_data(small, measures=False).nodes)
    for name in PERSONAL_FIELDS:
        assert getattr(small.actor("ospod"), name) not in text


def test_tooltip_is_in_czech_when_asked(small):
    nodes = {n["id"]: n for n in map_data(small, measures=False, lang="cs").nodes}
    assert nodes["sas"]["tooltip"][1] == "Sektor: sociální služby"


def test_measures_marks_and_findings_come_from_the_analysis(sample_network, sample_analysis):
    data = map_data(sample_network, sample_analysis, lang="en")
    nodes = {n["id"]: n for n in data.nodes}
    table = sample_analysis.actors
    for actor_id in table.index[table["is_cut_point"].astype(bool)]:
        assert "cut_point" in nodes[actor_id]["marks"]
    for actor_id in sample_analysis.key_players.actors:
        assert nodes[actor_id]["shape"] == "star"
    finding = next(f for f in sample_analysis.findings if len(f.actors) == 1)
    assert finding.text["en"] in " ".join(nodes[finding.actors[0]]["tooltip"])


def test_size_by_betweenness_orders_nodes_as_the_analysis_does(sample_network, sample_analysis):
    nodes = {
        n["id"]: n for n in map_data(sample_network, sample_analysis, size_by="betweenness").nodes
    }
    column = sample_analysis.actors["betweenness"]
    top, bottom = column.idxmax(), column.idxmin()
    assert nodes[top]["size"] == 46.0 and nodes[bottom]["size"] == 14.0


def test_suggestions_are_the_top_n_hidden_and_dashed(sample_network, sample_analysis):
    data = map_data(sample_network, sample_analysis, suggestions=5)
    shown = [e for e in data.edges if e["layer"] == "suggestion"]
    expected = [(s.source, s.target) for s in sample_analysis.suggestions[:5]]
    assert [(e["from"], e["to"]) for e in shown] == expected
    assert all(
        e["hidden"] and e["dashes"] and e["color"]["color"] == SUGGESTION_COLOR for e in shown
    )


def test_extra_edges_carry_their_own_style_and_legend(small):
    extras = [
        ExtraEdge("ospod", "iso", "gained", color="#228833"),
        ExtraEdge("zs", "ppp", "lost", color="#CC3311", dashes=True),
    ]
    data = map_data(small, measures=False, extra_edges=extras)
    drawn = [e for e in data.edges if e["layer"] == "extra"]
    assert [(e["from"], e["to"], e["color"]["color"], bool(e["dashes"])) for e in drawn] == [
        ("ospod", "iso", "#228833", False),
        ("zs", "ppp", "#CC3311", True),
    ]
    assert [x["label"] for x in data.legend["extras"]] == ["gained", "lost"]


def test_extra_edge_to_an_actor_not_on_the_map_is_refused(small):
    with pytest.raises(ValueError, match="nobody"):
        map_data(small, measures=False, extra_edges=[ExtraEdge("ospod", "nobody", "gained")])


def test_extra_edge_colour_must_be_a_hex_colour(small):
    with pytest.raises(ValueError, match="hex colour"):
        map_data(
            small,
            measures=False,
            extra_edges=[ExtraEdge("ospod", "zs", "x", color="red;background:url(x)")],
        )


def test_kinds_option_draws_only_those_kinds(small):
    data = map_data(small, measures=False, kinds=["cooperation", "informace"])
    assert {e["kind"] for e in link_records(data)} == {"cooperation", "information"}
    assert [k["key"] for k in data.legend["kinds"]] == ["information", "cooperation"]


def test_colour_by_community_gives_each_community_of_the_analysis_one_colour(
    sample_network, sample_analysis
):
    data = map_data(sample_network, sample_analysis, color_by="community")
    colour = {n["id"]: n["color"]["background"] for n in data.nodes}
    community = sample_analysis.actors["community"]
    by_community = defaultdict(set)
    for actor_id, value in community.items():
        by_community[value].add(colour[actor_id])
    assert all(len(c) == 1 for c in by_community.values())
    assert len(data.legend["colors"]["entries"]) == community.nunique()


def test_missing_measure_values_do_not_break_the_map(sample_network, sample_analysis):
    from dataclasses import replace

    table = sample_analysis.actors.copy()
    table.loc[table.index[0], "betweenness"] = float("nan")
    data = map_data(sample_network, replace(sample_analysis, actors=table), size_by="betweenness")
    first = next(n for n in data.nodes if n["id"] == table.index[0])
    assert first["size"] == 14.0
    assert any(line.endswith("–") for line in first["tooltip"])


def test_ego_map_opens_focused_on_its_centre(small):
    assert map_data(small, measures=False, ego="SAS Rodina").focus == "sas"
    assert map_data(small, measures=False).focus is None


def test_options_given_as_one_object_or_by_name_draw_the_same_map(small):
    options = MapOptions(lang="en", measures=False, kinds=["referral"], title="Lhota")
    assert map_data(small, None, options) == map_data(
        small, lang="en", measures=False, kinds=["referral"], title="Lhota")
    assert map_data(small, None, options, lang="cs").legend != map_data(small, None, options).legend


def test_an_unknown_option_is_refused_by_name(small):
    with pytest.raises(TypeError, match="colour_by"):
        map_data(small, colour_by="sector")


def test_node_and_edge_options_are_what_pyvis_builds():
    """The map builds vis-network options as pyvis's Node and Edge do, keys in the
    same order (the page's JSON stays byte for byte the same), without importing pyvis."""
    from pyvis.edge import Edge
    from pyvis.node import Node

    from graphnet.map.data import edge_options, node_options

    node = node_options("a", "dot", "A", color={"background": "#fff"}, size=3.5, x=1, y=-2,
                        borderWidth=2, shapeProperties={})
    expected = Node("a", "dot", "A", color={"background": "#fff"}, size=3.5, x=1, y=-2,
                    borderWidth=2, shapeProperties={}).options
    assert list(node.items()) == list(expected.items())
    edge = edge_options("a", "b", id="referral:a|b", arrows="to", width=2.0, dashes=False)
    expected = Edge("a", "b", False, id="referral:a|b", arrows="to", width=2.0,
                    dashes=False).options
    assert list(edge.items()) == list(expected.items())
