"""Link suggestions: candidates, scores and reasons on hand-made networks."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
import scipy.sparse as sp

from graphnet.model import Actor, Link, Network
from graphnet.optimal_model import default_model
from graphnet.suggestions import adamic_adar_pairs, candidates, pair_features, suggest


def _coop(a: str, b: str) -> Link:
    return Link(a, b, "cooperation")


def _lhota() -> Network:
    """OSPOD works with two schools, SAS and a counselling centre; a doctor is isolated;
    the police work with the court (a pair the model does not expect)."""
    actors = (
        Actor("o", "OSPOD Lhota", "child_protection", municipality="Lhota", orp="Lhota"),
        Actor("z1", "ZŠ Komenského", "education", municipality="Lhota", orp="Lhota"),
        Actor("z2", "ZŠ Vrbice", "education", municipality="Vrbice", orp="Lhota"),
        Actor("s", "SAS Rodina", "social_services", municipality="Lhota", orp="Lhota"),
        Actor("p", "PPP Lhota", "school_counselling", municipality="Lhota", orp="Lhota"),
        Actor("d", "MUDr. Nová", "health", municipality="Lhota", orp="Lhota"),
        Actor("pol", "Policie ČR Lhota", "police", municipality="Lhota", orp="Lhota"),
        Actor("soud", "Okresní soud", "justice", municipality="Lhota", orp="Lhota"),
    )
    links = (_coop("o", "z1"), _coop("o", "z2"), _coop("o", "s"), _coop("o", "p"),
             _coop("p", "z1"), _coop("pol", "soud"), _coop("o", "pol"))
    return Network(actors=actors, links=links)


def _pairs(found) -> set[frozenset[str]]:
    return {frozenset((s.source, s.target)) for s in found}


def test_suggestions_are_never_pairs_already_linked() -> None:
    net = _lhota()
    linked = {frozenset((link.source, link.target)) for link in net.links}
    assert not _pairs(suggest(net)) & linked


def test_suggestions_only_join_sectors_the_model_expects_to_cooperate() -> None:
    net = _lhota()
    model = default_model()
    for s in suggest(net):
        assert model.expects(net.actor(s.source).sector, net.actor(s.target).sector)
    assert frozenset(("z1", "z2")) not in _pairs(suggest(net))  # same sector


def test_a_school_and_a_social_service_with_a_shared_partner_get_reasons_in_words() -> None:
    net = _lhota()
    found = {frozenset((s.source, s.target)): s for s in suggest(net)}
    school = found[frozenset(("z1", "s"))]
    assert school.reasons["en"].split("; ") == [
        "shared partners: OSPOD Lhota",
        "the model expects schools and social services to cooperate",
        "schools and social services have no link at all yet",
        "SAS Rodina has no partner in schools",
        "ZŠ Komenského has no partner in social services",
        "both are in Lhota",
    ]
    assert school.reasons["cs"].startswith(
        "společní partneři: OSPOD Lhota; model počítá se spoluprací sektorů školství a "
        "sociální služby")
    assert school.figures["shared_partners"] == ["o"]


def test_an_isolated_actor_gets_a_suggestion_saying_it_has_no_link() -> None:
    found = [s for s in suggest(_lhota()) if "d" in (s.source, s.target)]
    assert found
    assert found[0].source == "d"  # the end that needs the link is named first
    assert "MUDr. Nová has no link in the network yet" in found[0].reasons["en"]


def test_no_actor_appears_in_more_suggestions_than_per_actor() -> None:
    found = suggest(_lhota(), per_actor=1)
    ends = [e for s in found for e in (s.source, s.target)]
    assert len(ends) == len(set(ends))


def test_suggestions_come_best_first_and_top_limits_them() -> None:
    found = suggest(_lhota(), top=3)
    assert len(found) == 3
    assert [s.score for s in found] == sorted((s.score for s in found), reverse=True)


def test_shared_partners_raise_the_score_of_a_pair() -> None:
    net = _lhota()
    table = candidates(net).set_index(["source", "target"])
    # z1 shares OSPOD and PPP... with nobody else of social services; compare z1–s
    # (shares OSPOD) with z2–s (shares OSPOD too) — z1 and z2 differ in municipality only.
    assert table.loc[("z1", "s"), "score"] > table.loc[("z2", "s"), "score"]
    assert table.loc[("z1", "s"), "shared_partners"] == 1


def test_the_same_input_gives_the_same_suggestions() -> None:
    assert suggest(_lhota()) == suggest(_lhota())


@pytest.mark.parametrize("seed", range(3))
def test_adamic_adar_and_resource_allocation_agree_with_networkx(seed: int) -> None:
    graph = nx.gnm_random_graph(30, 60, seed=seed)
    adjacency = sp.csr_array(nx.to_scipy_sparse_array(graph, nodelist=range(30)))
    i, j, aa, ra, shared = adamic_adar_pairs(adjacency)
    pairs = list(zip(i.tolist(), j.tolist(), strict=True))
    expected_pairs = sorted((u, v) for u in range(30) for v in range(u + 1, 30)
                            if not graph.has_edge(u, v)
                            and set(graph[u]) & set(graph[v]))
    assert pairs == expected_pairs
    reference_aa = {(u, v): p for u, v, p in nx.adamic_adar_index(graph, pairs)}
    reference_ra = {(u, v): p for u, v, p in nx.resource_allocation_index(graph, pairs)}
    assert np.allclose(aa, [reference_aa[p] for p in pairs], atol=1e-12)
    assert np.allclose(ra, [reference_ra[p] for p in pairs], atol=1e-12)
    assert shared.tolist() == [len(set(graph[u]) & set(graph[v])) for u, v in pairs]


def test_pair_features_score_any_pair_including_unexpected_ones() -> None:
    features = pair_features(_lhota(), [("z1", "s"), ("d", "pol")])
    assert features["expected"].tolist() == [True, False]
    assert features["shared_partners"].tolist() == [1, 0]
    assert features["isolated_source"].tolist() == [False, True]


def test_an_actor_lacking_an_expected_sector_gets_same_orp_candidates_without_shared_partners(
) -> None:
    table = candidates(_lhota())
    doctor = table[(table.source == "d") | (table.target == "d")]
    assert not doctor.empty and (doctor.shared_partners == 0).all()


def test_sector_rate_is_log_of_links_over_chance_between_the_two_sectors() -> None:
    # _lhota: 7 links, degrees by sector: child_protection 5, education 3, social 1,
    # counselling 2, police 2, justice 1 (2m = 14). OSPOD–education: 2 links,
    # chance 5·3/14; police–justice: 1 link, chance 2·1/14.
    features = pair_features(_lhota(), [("o", "z1"), ("pol", "soud"), ("z1", "s")])
    expected = [np.log(3 / (1 + 15 / 14)), np.log(2 / (1 + 2 / 14)), np.log(1 / (1 + 3 / 14))]
    assert np.allclose(features["sector_rate"], expected)


def test_a_pair_of_sectors_that_already_work_together_more_than_chance_says_so() -> None:
    # One school already works with a PPP; another school and an SPC share no partner.
    actors = (
        Actor("z1", "ZŠ Lhota", "education", orp="L"),
        Actor("p1", "PPP Lhota", "school_counselling", orp="L"),
        Actor("z2", "ZŠ Vrbice", "education", orp="L"),
        Actor("p2", "SPC Lhota", "school_counselling", orp="L"),
        Actor("d", "MUDr. Nová", "health", orp="L"),
        Actor("c", "Rodinné centrum", "community", orp="L"),
    )
    links = (_coop("z1", "p1"), _coop("z2", "d"), _coop("p2", "c"))
    net = Network(actors=actors, links=links)
    # education–counselling: 1 link, chance 2·2/6; health–community: none, chance 1·1/6.
    rates = pair_features(net, [("z2", "p2"), ("d", "c")])["sector_rate"].tolist()
    assert rates[0] > 0 > rates[1]
    found = {frozenset((s.source, s.target)): s for s in suggest(net, top=50, per_actor=5)}
    reasons = found[frozenset(("z2", "p2"))].reasons
    assert "already work together more often than their numbers of links would predict" \
        in reasons["en"]
    assert "častěji, než by odpovídalo počtu jejich vazeb" in reasons["cs"]
    features = candidates(net).set_index(["source", "target"])
    for suggestion in found.values():
        rate = features.loc[tuple(sorted((suggestion.source, suggestion.target),
                                         key=[a.id for a in actors].index)), "sector_rate"]
        assert ("more often than" in suggestion.reasons["en"]) == (rate > 0)
