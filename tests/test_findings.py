"""Findings on small hand-made networks (answers checked by hand) and on the sample ORP."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

import graphnet
from graphnet.analysis import Finding, KeyPlayers
from graphnet.coverage import needs_coverage
from graphnet.findings import (
    actor_groups,
    coverage_findings,
    find,
    key_player_finding,
    missing_links_by_orp,
    missing_sector_links,
    name_list,
    order_findings,
    plural,
    sector_pairs_table,
    single_points_of_failure,
)
from graphnet.i18n import catalogue
from graphnet.measures import actor_table
from graphnet.model import Actor, Link, Network
from graphnet.optimal_model import default_model, parse_model


def _coop(a: str, b: str, reported_by: str | None = None) -> Link:
    return Link(a, b, "cooperation", reported_by=reported_by)


def _of(findings: list[Finding], kind: str) -> list[Finding]:
    return [f for f in findings if f.kind == kind]


# --- the catalogue ---------------------------------------------------------------------

def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_findings_message_has_czech_and_english_with_the_same_placeholders() -> None:
    messages = {k: v for k, v in catalogue().items() if k.startswith("findings.")}
    assert messages
    for key, texts in messages.items():
        assert texts.get("cs") and texts.get("en"), key
        assert _placeholders(texts["cs"]) == _placeholders(texts["en"]), key


def test_every_built_in_sector_has_its_own_no_link_phrases() -> None:
    messages = catalogue()
    for code in graphnet.vocab.SECTORS.codes:
        assert f"findings.subject_none.{code}" in messages
        assert f"findings.partner_none.{code}" in messages


# --- words -----------------------------------------------------------------------------

def test_czech_counts_take_three_forms() -> None:
    assert [plural("findings.actors", "cs", n) for n in (1, 3, 5)] == \
        ["1 aktér", "3 aktéři", "5 aktérů"]
    assert [plural("findings.actors", "en", n) for n in (1, 3)] == ["1 actor", "3 actors"]


def test_long_name_lists_end_with_how_many_more() -> None:
    assert name_list(list("ABCDEFGHIJ"), "cs") == "A, B, C, D, E, F, G, H a další (2)"


# --- isolated, peripheral, sector-closed -----------------------------------------------

def _doctors() -> Network:
    return Network(actors=(
        Actor("o", "OSPOD Lhota", "child_protection"),
        Actor("z", "ZŠ Lhota", "education"),
        Actor("m", "MŠ Lhota", "education"),
        Actor("d1", "MUDr. Nová", "health"),
        Actor("d2", "MUDr. Malý", "health"),
        Actor("s", "SAS Lhota", "social_services"),
    ), links=(_coop("o", "z"), _coop("z", "m"), _coop("o", "s")))


def test_isolated_actors_are_one_high_finding_per_sector_with_their_names() -> None:
    net = _doctors()
    found = _of(actor_groups(net, actor_table(net)), "isolated")
    assert len(found) == 1
    assert found[0].severity == "high"
    assert found[0].actors == ("d2", "d1")  # by name: Malý before Nová
    assert found[0].text["en"] == ("2 actors in health care have no link to anyone in the "
                                   "network: MUDr. Malý and MUDr. Nová.")
    assert found[0].text["cs"] == ("2 aktéři ze sektoru zdravotnictví nemají v síti žádnou "
                                   "vazbu: MUDr. Malý a MUDr. Nová.")


def test_a_single_peripheral_actor_is_named_with_its_only_partner() -> None:
    net = _doctors()
    found = {f.sectors: f for f in _of(actor_groups(net, actor_table(net)), "peripheral")}
    assert found[("social_services",)].text["en"] == (
        "SAS Lhota (social services) has a single partner in the network: OSPOD Lhota.")


def test_an_actor_whose_partners_are_all_in_its_sector_is_sector_closed() -> None:
    net = _doctors()
    found = _of(actor_groups(net, actor_table(net)), "sector_closed")
    assert [f.actors for f in found] == [("m",)]
    assert "MŠ Lhota (školství) spolupracuje jen uvnitř vlastního sektoru." == found[0].text["cs"]


# --- missing links between sectors -----------------------------------------------------

def _schools_and_services(linked: int) -> Network:
    actors = [Actor("o", "OSPOD", "child_protection")]
    actors += [Actor(f"z{i}", f"ZŠ {i}", "education") for i in range(2)]
    actors += [Actor(f"s{i}", f"SAS {i}", "social_services") for i in range(2)]
    links = [_coop("o", a.id) for a in actors[1:]]
    links += [_coop("z0", "s0"), _coop("z1", "s1")][:linked]
    return Network(actors=tuple(actors), links=tuple(links))


def test_no_link_between_an_expected_sector_pair_is_said_in_both_languages() -> None:
    net = _schools_and_services(0)
    found = missing_sector_links(net, sector_pairs_table(net))
    assert [f.sectors for f in found] == [("education", "social_services")]
    assert found[0].severity == "high"
    assert found[0].figures["possible_pairs"] == 4
    assert found[0].text["en"] == ("No school is linked to any social service "
                                   "(0 of 4 possible pairs).")
    assert found[0].text["cs"] == ("Žádná škola není propojena s žádnou sociální službou "
                                   "(0 z 4 možných dvojic).")


def test_a_pair_below_the_models_density_is_a_medium_finding() -> None:
    net = _schools_and_services(1)
    model = parse_model("expected_pairs:\n  - between: [education, social_services]\n"
                        "    min_density: 0.5\n")
    found = missing_sector_links(net, sector_pairs_table(net, model))
    assert len(found) == 1 and found[0].severity == "medium"
    assert found[0].text["en"] == ("Only 1 of 4 possible pairs of schools and social services "
                                   "are linked (25%); the model expects at least 50%.")


def test_a_pair_meeting_the_model_gives_no_finding() -> None:
    net = _schools_and_services(2)
    model = parse_model("expected_pairs:\n  - between: [education, social_services]\n"
                        "    min_density: 0.5\n")
    assert missing_sector_links(net, sector_pairs_table(net, model)) == []


# --- single points of failure ----------------------------------------------------------

def _hub() -> Network:
    # W, X, Y, Z a clique; OSPOD joins it (to W and X) with A, B and C (A–C).
    names = {"o": ("OSPOD Horní Lhota", "child_protection"), "w": ("W", "education"),
             "x": ("X", "education"), "y": ("Y", "health"), "z": ("Z", "health"),
             "a": ("A", "social_services"), "b": ("B", "police"), "c": ("C", "community")}
    actors = tuple(Actor(k, n, s) for k, (n, s) in names.items())
    links = [_coop(u, v) for u, v in [("w", "x"), ("w", "y"), ("w", "z"), ("x", "y"),
                                      ("x", "z"), ("y", "z"), ("o", "w"), ("o", "x"),
                                      ("o", "a"), ("o", "b"), ("a", "c")]]
    return Network(actors=actors, links=tuple(links))


def test_a_cut_point_says_who_would_lose_all_contact() -> None:
    found = _of(single_points_of_failure(_hub()), "cut_point")
    ospod = next(f for f in found if f.figures["actor"] == "o")
    assert ospod.figures["cut_off"] == 3
    assert ospod.severity == "high"
    assert ospod.text["en"] == ("If OSPOD Horní Lhota left, 3 actors would lose all contact "
                                "with the rest: A, B and C.")
    assert ospod.text["cs"] == ("Pokud OSPOD Horní Lhota ze sítě vypadne, ztratí 3 aktéři "
                                "veškerý kontakt se zbytkem sítě: A, B a C.")


def test_a_bridge_to_two_or_more_actors_is_a_finding_but_one_to_a_leaf_is_not() -> None:
    found = _of(single_points_of_failure(_hub()), "bridge")
    assert [f.figures["link"] for f in found] == [["o", "a"]]
    assert found[0].figures["cut_off"] == 2
    assert found[0].text["en"].startswith("If the link between OSPOD Horní Lhota and A broke, "
                                          "2 actors would lose all contact")


# --- key players, coverage -------------------------------------

def test_key_players_are_named_with_fragmentation_before_and_after() -> None:
    found = key_player_finding(_hub(), KeyPlayers(("o", "w"), 0.0, 0.5))
    assert found[0].text["en"] == ("Losing these actors would split the network most: "
                                   "OSPOD Horní Lhota and W; fragmentation would rise from "
                                   "0 to 0.5.")
    assert key_player_finding(_hub(), KeyPlayers((), 0.0, 0.0)) == []


def test_coverage_gaps_and_far_providers_become_findings() -> None:
    net = Network(actors=(
        Actor("o", "OSPOD", "child_protection"),
        Actor("d", "MUDr. Daleká", "health", needs=("health",), levels=("universal",))))
    model = default_model()
    found = coverage_findings(net, needs_coverage(net, model), model)
    gaps = _of(found, "coverage_gap")
    assert len(gaps) == 17  # every need x level but health x universal
    assert any(g.text["en"] == "Nobody covers the need “learning” at the universal level; the "
               "model expects schools there." for g in gaps)
    far = _of(found, "provider_far_from_child_protection")
    assert far[0].actors == ("d",)
    assert far[0].text["cs"] == ("MUDr. Daleká pokrývá potřeby dětí, ale cesta k OSPOD je delší "
                                 "než 2 kroky.")


def test_no_coverage_findings_when_no_actor_lists_its_needs() -> None:
    net = _hub()
    analysis = graphnet.analyse(net)
    assert not [f for f in analysis.findings if f.kind.startswith(("coverage", "provider"))]


# --- order ---------------------------------------------------------------------------

def test_findings_come_by_severity_and_the_first_of_each_kind_before_the_second() -> None:
    def finding(kind: str, severity: str, size: int) -> Finding:
        return Finding(kind, severity, (), (), {"count": size}, {"cs": "", "en": ""})

    ordered = order_findings([
        finding("peripheral", "low", 1), finding("isolated", "high", 2),
        finding("missing_sector_link", "high", 1), finding("isolated", "high", 5),
        finding("cut_point", "medium", 9)])
    assert [(f.kind, f.figures["count"]) for f in ordered] == [
        ("missing_sector_link", 1), ("isolated", 5), ("isolated", 2), ("cut_point", 9),
        ("peripheral", 1)]


# --- the sample ORP ------------------------------------------------------------------

@pytest.fixture(scope="module")
def sample_findings(sample_dir: Path) -> tuple[Network, list[Finding]]:
    net = graphnet.load(sample_dir)
    return net, list(graphnet.analyse(net).findings)


def test_sample_orp_doctors_without_ties_are_isolated_when_they_answered(sample_findings) -> None:
    # The one doctor who answered "we work with nobody" is isolated; the two who did
    # not answer and whom nobody names are unknown (their isolation may be missing data).
    net, findings = sample_findings
    isolated = [f for f in _of(findings, "isolated") if f.sectors == ("health",)]
    assert isolated and isolated[0].severity == "high"
    assert [net.actor(a).name for a in isolated[0].actors] == [
        "MUDr. Tomáš Král – praktický lékař pro děti a dorost"]
    unknown = [f for f in _of(findings, "unknown") if f.sectors == ("health",)]
    doctors = [net.actor(a).name for a in unknown[0].actors]
    assert len(doctors) == 2 and all(name.startswith("MUDr.") for name in doctors)
    assert "missing data" in unknown[0].text["en"]
    for lang in ("cs", "en"):
        assert all(name in unknown[0].text[lang] for name in doctors)


def test_sample_orp_findings_say_no_school_works_with_a_social_service(sample_findings) -> None:
    _, findings = sample_findings
    missing = [f for f in _of(findings, "missing_sector_link")
               if set(f.sectors) == {"education", "social_services"}]
    assert missing and missing[0].figures["linked_pairs"] == 0
    assert missing[0].text["en"].startswith("No school is linked to any social service (0 of ")
    assert missing[0].text["cs"].startswith(
        "Žádná škola není propojena s žádnou sociální službou (0 z ")


def test_sample_orp_findings_name_the_single_ospod_as_a_cut_point(sample_findings) -> None:
    net, findings = sample_findings
    ospods = [a for a in net.actors if a.sector == "child_protection"]
    cut = [f for f in _of(findings, "cut_point") if f.figures["actor"] == ospods[0].id]
    assert len(ospods) == 1 and cut and cut[0].severity == "high"
    assert re.match(rf"If {re.escape(ospods[0].name)} left, \d+ actors would lose all contact",
                    cut[0].text["en"])
    assert cut[0].text["cs"].startswith(f"Pokud {ospods[0].name} ze sítě vypadne, ztratí ")


def test_sample_orp_top_five_names_the_three_weaknesses_it_was_built_with(sample_findings) -> None:
    _, findings = sample_findings
    top = findings[:5]
    kinds = [f.kind for f in top]
    assert {"missing_sector_link", "isolated", "cut_point"} <= set(kinds)
    assert all(f.severity == "high" for f in top)


def test_find_never_changes_the_actor_table_it_reads() -> None:
    net = _hub()
    table = actor_table(net)
    before = table.copy()
    model = default_model()
    find(net, model, actors=table, sector_pairs=sector_pairs_table(net), key_players=None,
         coverage=needs_coverage(net, model))
    assert table.equals(before)


def test_with_several_orps_a_pair_missing_inside_orps_names_those_orps() -> None:
    actors, links = [], []
    for orp in ("Lhota", "Ves", "Hora"):
        actors += [Actor(f"z-{orp}", f"ZŠ {orp}", "education", orp=orp),
                   Actor(f"s-{orp}", f"SAS {orp}", "social_services", orp=orp)]
    links = [_coop("z-Hora", "s-Hora"), _coop("z-Lhota", "s-Ves")]  # across ORPs: no help
    model = parse_model("expected_pairs:\n  - between: [education, social_services]\n")
    found = missing_links_by_orp(Network(actors=tuple(actors), links=tuple(links)), model)
    assert [f.figures["orps"] for f in found] == [["Lhota", "Ves"]]
    assert found[0].severity == "high"
    assert found[0].text["en"] == ("No school is linked to any social service in 2 of the 3 "
                                   "ORPs that have both: Lhota and Ves.")
    assert found[0].text["cs"] == ("Žádná škola není propojena s žádnou sociální službou v 2 z "
                                   "3 ORP, kde jsou oba sektory: Lhota a Ves.")


def test_a_network_of_one_orp_has_no_findings_by_orp() -> None:
    assert missing_links_by_orp(_schools_and_services(0), default_model()) == []


def test_sample_orp_one_sided_pairs_are_the_five_it_was_built_with(sample_findings) -> None:
    _, findings = sample_findings
    pairs = {f.actors for f in _of(findings, "one_sided")}
    assert pairs == {("PCR", "NZDM"), ("ZS-KOM", "OSPOD"), ("TERENNI", "UP"),
                     ("OSPOD", "POMOC"), ("OSPOD", "PPP")}


def test_sample_orp_coverage_gaps_are_the_two_it_was_built_with(sample_findings) -> None:
    _, findings = sample_findings
    gaps = {(f.figures["need"], f.figures["level"]) for f in _of(findings, "coverage_gap")}
    assert gaps == {("behaviour", "universal"), ("material_security", "specialised")}


def test_sample_orp_ospod_would_leave_all_but_the_largest_part_cut_off(sample_findings) -> None:
    # Without OSPOD its component (50 actors) falls into parts of 20, 20, 4, 2, 2 and 1.
    _, findings = sample_findings
    ospod = next(f for f in _of(findings, "cut_point") if f.figures["actor"] == "OSPOD")
    assert ospod.figures["cut_off"] == 49 - 20
    assert {"NEMOCNICE", "SOUD", "PMS", "NRP-NARUC", "PLDD-NOVAK"} <= set(ospod.actors)


def test_sample_orp_sector_closed_actors_are_the_ones_it_was_built_with(sample_findings) -> None:
    _, findings = sample_findings
    # The foster parents' club meets other sectors only at meetings (platform layer):
    # its one working partner is in its own sector.
    closed = {a for f in _of(findings, "sector_closed") for a in f.actors}
    assert closed == {"FARNOST", "GYM", "MS-KOP", "MS-VRB", "MS-ZAL", "OU-DL", "OU-VRB",
                      "PLDD-CERNY", "PSYCHIATR", "PSYCHOLOG", "NRP-KLUB"}
