"""The comparison's network-only parts on tiny mappings whose answers are checked by hand."""

from __future__ import annotations

import pytest

from graphnet.compare.diff import (
    basic_figures,
    diff_actors,
    diff_figures,
    diff_links,
    diff_sector_pairs,
    link_key,
    link_weights,
    summarise_kinds,
)
from graphnet.model import Actor, Attendance, Link, Network

ACTORS = (
    Actor("ospod", "OSPOD Lhota", "child_protection"),
    Actor("zs", "ZŠ Komenského", "education"),
    Actor("sas", "SAS Rodina", "social_services"),
    Actor("pl", "MUDr. Dětská", "health"),
)
LINKS = (
    Link("ospod", "zs", "information", 4.0),
    Link("zs", "ospod", "referral", 2.0),
    Link("sas", "ospod", "cooperation", 6.0),
)


@pytest.fixture
def old() -> Network:
    return Network(actors=ACTORS, links=LINKS)


def test_undirected_link_identity_ignores_the_order_of_its_ends() -> None:
    assert link_key("sas", "ospod", "cooperation") == link_key("ospod", "sas", "cooperation")


def test_directed_link_identity_keeps_the_order_of_its_ends() -> None:
    assert link_key("zs", "ospod", "referral") != link_key("ospod", "zs", "referral")


def test_the_networkers_rows_of_one_tie_add_up(old: Network) -> None:
    # neither row names a reporter: both are the networker's record, one reporter
    both_report = Network(actors=ACTORS, links=(*LINKS, Link("ospod", "sas", "cooperation", 1.0)))
    assert link_weights(both_report)[("ospod", "sas", "cooperation")] == 7.0


def test_self_loops_are_no_links() -> None:
    net = Network(actors=ACTORS, links=(Link("zs", "zs", "meeting"),))
    assert link_weights(net) == {}


def test_meeting_at_the_platform_is_no_working_tie_but_a_platform_one() -> None:
    net = Network(actors=ACTORS, attendance=(Attendance("m1", "zs"), Attendance("m1", "pl")))
    assert link_weights(net) == {}
    assert link_weights(net, "platform") == {("pl", "zs", "meeting"): 1.0}


def test_two_ends_reports_of_one_tie_are_combined_never_added() -> None:
    reports = (Link("ospod", "sas", "referral", 24.0, reported_by="ospod"),
               Link("ospod", "sas", "referral", 20.0, reported_by="sas"))
    net = Network(actors=ACTORS, links=reports)
    key = ("ospod", "sas", "referral")
    assert [link_weights(net, combine=rule)[key] for rule in ("max", "mean", "min")] == [
        24.0, 22.0, 20.0]


def test_comparing_a_network_with_itself_finds_no_link_change(old: Network) -> None:
    links = diff_links(old, old)
    assert (links.gained, links.lost, links.reweighted) == ((), (), ())


def test_comparing_a_network_with_itself_finds_no_actor_change(old: Network) -> None:
    actors = diff_actors(old, old)
    assert (actors.added, actors.removed, actors.edited, actors.id_suggestions) == ((), (), (), ())


def test_comparing_a_network_with_itself_changes_no_figure_or_sector_pair(old: Network) -> None:
    assert not any(f.changed for f in diff_figures(old, old))
    assert not any(p.changed or p.density_change for p in diff_sector_pairs(old, old))


def test_a_reversed_undirected_link_is_no_change(old: Network) -> None:
    reversed_coop = Network(actors=ACTORS,
                            links=(*LINKS[:2], Link("ospod", "sas", "cooperation", 6.0)))
    links = diff_links(old, reversed_coop)
    assert (links.gained, links.lost, links.reweighted) == ((), (), ())


def test_a_reversed_directed_link_is_one_gained_and_one_lost(old: Network) -> None:
    new = Network(actors=ACTORS, links=(Link("ospod", "zs", "referral", 2.0), *LINKS[::2]))
    links = diff_links(old, new)
    assert [(c.source, c.target) for c in links.gained] == [("ospod", "zs")]
    assert [(c.source, c.target) for c in links.lost] == [("zs", "ospod")]


def test_a_link_whose_weight_changed_is_reweighted_not_gained(old: Network) -> None:
    new = Network(actors=ACTORS, links=(*LINKS[:2], Link("sas", "ospod", "cooperation", 2.5)))
    links = diff_links(old, new)
    assert links.gained == () and links.lost == ()
    assert [(c.kind, c.weight_before, c.weight_after) for c in links.reweighted] == [
        ("cooperation", 6.0, 2.5)
    ]


def test_gained_links_carry_the_names_of_their_ends(old: Network) -> None:
    new = Network(actors=ACTORS, links=(*LINKS, Link("pl", "ospod", "referral")))
    (gained,) = diff_links(old, new).gained
    assert (gained.source_name, gained.target_name) == ("MUDr. Dětská", "OSPOD Lhota")


def test_kind_summary_counts_links_before_after_and_changes(old: Network) -> None:
    new = Network(actors=ACTORS, links=(LINKS[0], Link("pl", "sas", "cooperation", 1.0),
                                        Link("sas", "ospod", "cooperation", 3.0)))
    rows = {row.kind: row for row in summarise_kinds(diff_links(old, new))}
    assert (rows["referral"].before, rows["referral"].after, rows["referral"].lost) == (1, 0, 1)
    coop = rows["cooperation"]
    assert (coop.before, coop.after, coop.gained, coop.reweighted) == (1, 2, 1, 1)


def test_an_actor_whose_id_changed_is_suggested_by_name_not_merged(old: Network) -> None:
    renamed = Actor("PL-7", "mudr.  DĚTSKÁ", "health")
    new = Network(actors=(*ACTORS[:3], renamed), links=LINKS)
    actors = diff_actors(old, new)
    assert [a.id for a in actors.added] == ["PL-7"]
    assert [a.id for a in actors.removed] == ["pl"]
    assert [(s.old_id, s.new_id, s.same_sector) for s in actors.id_suggestions] == [
        ("pl", "PL-7", True)
    ]


def test_actors_with_different_names_are_not_suggested(old: Network) -> None:
    new = Network(actors=(*ACTORS[:3], Actor("pl2", "Dětská ordinace", "health")), links=LINKS)
    assert diff_actors(old, new).id_suggestions == ()


def test_an_actor_whose_sector_changed_is_listed_as_edited(old: Network) -> None:
    moved = Actor("pl", "MUDr. Dětská", "ngo_other")
    new = Network(actors=(*ACTORS[:3], moved), links=LINKS)
    (edit,) = diff_actors(old, new).edited
    assert (edit.id, edit.sector_before, edit.sector_after) == ("pl", "health", "ngo_other")


def test_sector_pairs_count_linked_and_possible_pairs(old: Network) -> None:
    new = Network(
        actors=(*ACTORS, Actor("zs2", "ZŠ Husova", "education")),
        links=(*LINKS, Link("zs2", "sas", "cooperation"), Link("zs", "sas", "meeting")),
    )
    pairs = {(p.sector_a, p.sector_b): p for p in diff_sector_pairs(old, new)}
    school_social = pairs[("social_services", "education")]
    assert (school_social.linked_before, school_social.linked_after) == (0, 2)
    assert (school_social.possible_before, school_social.possible_after) == (1, 2)
    assert school_social.density_change == 1.0
    # two links (information and referral) between OSPOD and ZŠ are one linked pair
    assert pairs[("child_protection", "education")].linked_after == 1
    assert pairs[("education", "education")].possible_after == 1


def test_sector_pairs_mark_the_pairs_the_model_expects(old: Network) -> None:
    rows = diff_sector_pairs(old, old, expected=[("education", "social_services")])
    expected = {(p.sector_a, p.sector_b) for p in rows if p.expected}
    assert expected == {("social_services", "education")}


def test_basic_figures_of_a_small_network(old: Network) -> None:
    figures = basic_figures(old)
    assert figures == {
        "actors": 4,
        "links": 3,
        "linked_pairs": 2,
        "density": 2 / 6,
        "isolated": 1,
        "components": 2,
        "cross_sector_share": 1.0,
    }


def test_figures_report_before_after_and_difference(old: Network) -> None:
    new = Network(actors=ACTORS, links=(*LINKS, Link("pl", "ospod", "referral")))
    figures = {f.key: f for f in diff_figures(old, new)}
    assert (figures["isolated"].before, figures["isolated"].after) == (1, 0)
    assert figures["isolated"].difference == -1
    assert figures["density"].difference == pytest.approx(1 / 6)

