"""The aggregate map counts ties (the two ends' reports of one tie once), per layer."""

from __future__ import annotations

from collections import Counter

import pytest

from graphnet.map.aggregate import PLATFORM_KIND, aggregate_map_data
from graphnet.model import Actor, Link, Network
from graphnet.synth import synthesize
from graphnet.ties import tie_list


def _expected(network, layer, combine):
    """Ties per (group pair, kind) inside one ORP, from graphnet.ties itself."""
    group = {a.id: f"{a.orp}|{a.sector}" for a in network.actors}
    counts: Counter = Counter()
    for tie in tie_list(network, combine):
        if layer not in (tie.layer, "all"):
            continue
        ga, gb = group[tie.source], group[tie.target]
        if ga == gb or ga.split("|")[0] != gb.split("|")[0]:
            continue
        kind = PLATFORM_KIND if tie.layer == "platform" else tie.kind
        counts[(*sorted((ga, gb)), kind)] += 1
    return counts


@pytest.mark.parametrize("layer", ["working", "platform", "all"])
@pytest.mark.parametrize("combine", ["max", "min"])
def test_aggregate_edges_count_exactly_the_ties_of_the_layer(layer, combine):
    network = synthesize(orps=2, seed=3)
    data = aggregate_map_data(network, lang="en", layer=layer, combine=combine)
    drawn: Counter = Counter()
    for edge in data.edges:
        if edge.get("between_orps"):
            continue
        for kind, n in edge["byKind"].items():
            drawn[(edge["from"], edge["to"], kind)] += n
    assert drawn == _expected(network, layer, combine)
    assert drawn


def test_two_reports_of_one_tie_count_once():
    network = Network(
        actors=(Actor("o", "OSPOD", "child_protection", orp="Lhota"),
                Actor("s", "SAS", "social_services", orp="Lhota")),
        links=(Link("o", "s", "referral", 24, reported_by="o"),
               Link("o", "s", "referral", 20, reported_by="s")))
    data = aggregate_map_data(network, lang="en")
    assert [(e["links"], e["byKind"]) for e in data.edges] == [(1, {"referral": 1})]


def test_the_analysis_ties_give_the_same_aggregate_map():
    from graphnet.analysis import analyse
    from graphnet.map import map_data

    network = synthesize(orps=2, seed=3)
    analysis = analyse(network, top_suggestions=0)
    with_analysis = map_data(network, analysis, view="aggregate", lang="en")
    assert with_analysis.edges == aggregate_map_data(network, lang="en").edges
    orp = network.actors[0].orp
    one = map_data(network, analysis, view="aggregate", orp=orp, lang="en")
    assert one.edges == map_data(network, view="aggregate", orp=orp, lang="en").edges
