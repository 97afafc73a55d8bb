"""Ties: reports combined into ties, statuses, combine rules, layers, who answered."""

from __future__ import annotations

from typing import Any

import networkx as nx
import pytest

from graphnet.model import Actor, Attendance, Link, Network, Respondent
from graphnet.ties import (
    COMBINE_RULES,
    is_networker,
    respondent_summary,
    respondents_of,
    tie_graph,
    tie_list,
    tie_record,
    unknown_actors,
)

ACTORS = (
    Actor("ospod", "OSPOD", "child_protection"),
    Actor("sas", "SAS", "social_services"),
    Actor("zs", "ZŠ", "education"),
    Actor("pcr", "PČR", "police"),
    Actor("pldd", "PLDD", "health"),
)


def _net(links: tuple[Link, ...] = (), respondents: tuple[Respondent, ...] = (),
         attendance: tuple[Attendance, ...] = ()) -> Network:
    return Network(actors=ACTORS, links=links, respondents=respondents, attendance=attendance)


def _one(ties: list[Any], source: str, target: str, kind: str, layer: str = "working") -> Any:
    found = [t for t in ties if (t.source, t.target, t.kind, t.layer) == (source, target, kind,
                                                                          layer)]
    assert len(found) == 1, found
    return found[0]


# --- statuses ---------------------------------------------------------------------

def test_both_ends_reporting_is_one_confirmed_tie() -> None:
    net = _net((Link("ospod", "sas", "referral", 24, reported_by="ospod"),
                Link("ospod", "sas", "referral", 20, reported_by="sas")))
    ties = tie_list(net)
    assert len(ties) == 1
    tie = ties[0]
    assert (tie.source, tie.target, tie.status, tie.weight) == ("ospod", "sas", "confirmed", 24)
    assert len(tie.reports) == 2


def test_one_end_reporting_and_other_answered_is_one_sided() -> None:
    net = _net((Link("pcr", "sas", "information", 5, reported_by="pcr"),
                Link("sas", "ospod", "information", 1, reported_by="sas")))
    assert _one(tie_list(net), "pcr", "sas", "information").status == "one_sided"


def test_one_end_reporting_and_other_silent_is_unanswered() -> None:
    net = _net((Link("pcr", "zs", "information", 5, reported_by="pcr"),))
    assert _one(tie_list(net), "pcr", "zs", "information").status == "unanswered"


@pytest.mark.parametrize("reporter", [None, "", "síťař", "SITAR", "Networker", "síťařka"])
def test_networker_or_empty_reporter_is_recorded(reporter: str | None) -> None:
    net = _net((Link("ospod", "zs", "cooperation", 3, reported_by=reporter),
                Link("pcr", "sas", "information", 1, reported_by="pcr")))
    tie = _one(tie_list(net), "ospod", "zs", "cooperation")
    assert tie.status == "recorded"
    assert tie_record(tie)["reports"] == [{"reported_by": None, "weight": 3.0}]


def test_a_third_actor_reporting_a_pair_counts_as_a_record() -> None:
    net = _net((Link("ospod", "zs", "cooperation", 3, reported_by="pcr"),))
    assert tie_list(net)[0].status == "recorded"


def test_is_networker() -> None:
    assert is_networker(None) and is_networker("  ") and is_networker("Síťař")
    assert not is_networker("OSPOD")


def test_platform_pairs_are_derived_and_separate_from_working_ties() -> None:
    attendance = tuple(Attendance(m, a) for m, people in
                       (("p1", ("zs", "sas", "ospod")), ("p2", ("zs", "sas")))
                       for a in people)
    net = _net((Link("ospod", "sas", "cooperation", 4, reported_by="ospod"),),
               attendance=attendance)
    ties = tie_list(net)
    platform = [t for t in ties if t.layer == "platform"]
    # The pairs derived today from the attendance lists (Network.meeting_links), no other.
    assert [(t.source, t.target, t.weight) for t in platform] == [
        (link.source, link.target, link.weight) for link in net.meeting_links()]
    assert {t.status for t in platform} == {"derived"}
    assert _one(ties, "sas", "zs", "meeting", "platform").weight == 2
    # Co-attendance never makes a working tie: school and SAS meet but do not work together.
    working = tie_graph(ties, "working", network=net)
    assert not working.has_edge("zs", "sas")
    assert tie_graph(ties, "platform").has_edge("zs", "sas")
    assert tie_record(_one(ties, "sas", "zs", "meeting", "platform"))["reports"] == []


def test_a_meeting_link_two_actors_report_is_a_working_tie() -> None:
    net = _net((Link("sas", "ospod", "meeting", 10, reported_by="ospod"),))
    tie = tie_list(net)[0]
    assert (tie.layer, tie.source, tie.target) == ("working", "ospod", "sas")


# --- combine rules ----------------------------------------------------------------

TWO_SIDED = (Link("ospod", "sas", "referral", 24, reported_by="ospod"),
             Link("ospod", "sas", "referral", 20, reported_by="sas"))


@pytest.mark.parametrize(("rule", "expected"), [("max", 24), ("mean", 22), ("min", 20)])
def test_combine_rules_on_a_two_sided_tie(rule: str, expected: float) -> None:
    assert tie_list(_net(TWO_SIDED), rule)[0].weight == expected


def test_min_leaves_out_one_end_only_unless_recorded() -> None:
    links = (*TWO_SIDED,
             Link("pcr", "zs", "information", 5, reported_by="pcr"),         # unanswered
             Link("pcr", "sas", "information", 2, reported_by="pcr"),        # one_sided
             Link("zs", "pldd", "cooperation", 1),                           # recorded
             Link("ospod", "zs", "information", 6, reported_by="ospod"),     # one end …
             Link("ospod", "zs", "information", 3, reported_by="síťař"))     # … + networker
    net = _net(links)
    kept = {(t.source, t.target, t.kind): t for t in tie_list(net, "min")}
    assert ("pcr", "zs", "information") not in kept
    assert ("pcr", "sas", "information") not in kept
    assert kept[("pldd", "zs", "cooperation")].status == "recorded"
    assert kept[("ospod", "zs", "information")].status == "recorded"
    assert kept[("ospod", "zs", "information")].weight == 3
    assert len(tie_list(net, "max")) == len(kept) + 2


def test_reports_of_one_reporter_add_up_but_reporters_never_do() -> None:
    net = _net((Link("ospod", "sas", "referral", 10, reported_by="ospod"),
                Link("ospod", "sas", "referral", 5, reported_by="ospod",
                     date=__import__("datetime").date(2025, 2, 1)),
                Link("ospod", "sas", "referral", 12, reported_by="sas")))
    tie = tie_list(net, "max")[0]
    assert tie.weight == 15
    assert tie_list(net, "min")[0].weight == 12
    assert tie_record(tie)["reports"] == [{"reported_by": "ospod", "weight": 15.0},
                                          {"reported_by": "sas", "weight": 12.0}]


def test_unknown_combine_rule_is_refused() -> None:
    with pytest.raises(ValueError, match="max, mean, min"):
        tie_list(_net(), "sum")
    assert COMBINE_RULES == ("max", "mean", "min")


# --- direction --------------------------------------------------------------------

def test_directed_kinds_keep_the_order_undirected_fold_it() -> None:
    net = _net((Link("ospod", "sas", "referral", 3, reported_by="ospod"),
                Link("sas", "ospod", "referral", 1, reported_by="sas"),
                Link("sas", "ospod", "cooperation", 2, reported_by="sas"),
                Link("ospod", "sas", "cooperation", 4, reported_by="ospod")))
    ties = tie_list(net)
    assert sorted((t.source, t.target, t.kind) for t in ties) == [
        ("ospod", "sas", "cooperation"), ("ospod", "sas", "referral"),
        ("sas", "ospod", "referral")]
    # Each referral direction is reported by its sender only: the receiver answered.
    assert _one(ties, "sas", "ospod", "referral").status == "one_sided"
    assert _one(ties, "ospod", "sas", "cooperation").status == "confirmed"
    assert _one(ties, "ospod", "sas", "cooperation").weight == 4


def test_tie_graph_sums_ties_of_a_pair_and_directs_on_request() -> None:
    net = _net((Link("ospod", "sas", "referral", 3, reported_by="ospod"),
                Link("ospod", "sas", "referral", 1, reported_by="sas"),
                Link("sas", "ospod", "cooperation", 2)))
    ties = tie_list(net)
    graph = tie_graph(ties, network=net)
    assert isinstance(graph, nx.Graph) and not graph.is_directed()
    assert graph["ospod"]["sas"]["weight"] == 5  # max(3, 1) + 2, never 3 + 1 + 2
    assert graph["ospod"]["sas"]["kinds"] == {"referral", "cooperation"}
    assert graph.number_of_nodes() == len(ACTORS)
    assert graph.nodes["zs"]["sector"] == "education"
    arcs = tie_graph(ties, directed=True)
    assert arcs["ospod"]["sas"]["weight"] == 5 and arcs["sas"]["ospod"]["weight"] == 2
    with pytest.raises(ValueError):
        tie_graph(ties, "both")


def test_self_loops_make_no_tie() -> None:
    assert tie_list(_net((Link("zs", "zs", "cooperation", 1),))) == []


# --- who answered -----------------------------------------------------------------

def test_respondents_from_the_table() -> None:
    net = _net((Link("pcr", "zs", "information", 1, reported_by="pcr"),),
               respondents=(Respondent("pcr", True), Respondent("zs", True),
                            Respondent("sas", False)))
    known = respondents_of(net)
    assert known.source == "table" and known.answered == {"pcr", "zs"}
    # zs answered and did not name the tie: one-sided, not unanswered.
    assert tie_list(net)[0].status == "one_sided"
    summary = respondent_summary(net)
    assert summary.response_rate == pytest.approx(2 / 5)
    assert summary.by_sector == {"child_protection": 0, "social_services": 0, "education": 1,
                                 "police": 1, "health": 0}
    assert summary.non_respondents == ("ospod", "sas", "pldd")


def test_respondents_from_reported_by_when_no_table() -> None:
    net = _net((Link("pcr", "zs", "information", 1, reported_by="pcr"),
                Link("sas", "ospod", "referral", 1, reported_by="SAS"),  # by its name
                Link("ospod", "pldd", "cooperation", 1)))
    known = respondents_of(net)
    assert known.source == "reported_by"
    assert known.answered == {"pcr", "sas"}
    assert _one(tie_list(net), "sas", "ospod", "referral").status == "unanswered"
    assert respondent_summary(net).response_rate == pytest.approx(2 / 5)


def test_no_table_and_no_reporter_means_every_link_is_recorded() -> None:
    net = _net((Link("pcr", "zs", "information", 1), Link("sas", "ospod", "referral", 2)))
    assert respondents_of(net).source == "none"
    ties = tie_list(net, "min")
    assert len(ties) == 2 and {t.status for t in ties} == {"recorded"}
    summary = respondent_summary(net)
    assert (summary.source, summary.response_rate, summary.non_respondents) == ("none", 0.0, ())
    # Nothing is known to be missing: an actor without a tie is isolated, as before.
    assert unknown_actors(net, ties) == []


def test_unknown_is_a_silent_actor_nobody_names_isolated_is_an_answer() -> None:
    attendance = (Attendance("m", "sas"), Attendance("m", "pldd"))
    net = _net((Link("pcr", "zs", "information", 1, reported_by="pcr"),),
               respondents=(Respondent("pcr", True), Respondent("pldd", True)),
               attendance=attendance)
    ties = tie_list(net)
    # zs did not answer but pcr names it; pldd answered and names nobody (isolated);
    # ospod and sas did not answer and nobody names them (sas only attends a meeting).
    assert unknown_actors(net, ties) == ["ospod", "sas"]


# --- the sample -------------------------------------------------------------------

def test_sample_ospod_to_sas_referral(sample_network: Network) -> None:
    expected = {"max": 24, "mean": 22, "min": 20}
    for rule, weight in expected.items():
        tie = _one(tie_list(sample_network, rule), "OSPOD", "SAS-RODINA", "referral")
        assert tie.weight == weight
        assert tie.status == "confirmed"
        assert sorted(r["reported_by"] for r in tie_record(tie)["reports"]) == [
            "OSPOD", "SAS-RODINA"]


@pytest.mark.parametrize("which", ["sample_network", "sample_network_later"])
def test_sample_shows_every_status(which: str, request: pytest.FixtureRequest) -> None:
    net = request.getfixturevalue(which)
    ties = tie_list(net)
    assert {t.status for t in ties} == set(("confirmed", "one_sided", "unanswered", "recorded",
                                            "derived"))
    assert respondents_of(net).source == "table"
    unknown = unknown_actors(net, ties)
    assert "PLDD-SVOB" in unknown
    # PLDD-KRAL answered that it works with nobody: isolated, not unknown.
    assert "PLDD-KRAL" not in unknown
    assert "PLDD-KRAL" in respondents_of(net).answered
    # Fewer ties than rows: both ends of a tie are two rows.
    assert len([t for t in ties if t.layer == "working"]) < len(net.links)


def test_sample_platform_pairs_that_do_not_work_together(sample_network_later: Network
                                                         ) -> None:
    ties = tie_list(sample_network_later)
    working = tie_graph(ties, "working")
    platform_only = [t for t in ties if t.layer == "platform"
                     and not working.has_edge(t.source, t.target)]
    sectors = {a.id: a.sector for a in sample_network_later.actors}
    assert any({sectors[t.source], sectors[t.target]} == {"school_counselling",
                                                          "social_services"}
               for t in platform_only)
