"""Needs coverage against the optimal model, on small networks checked by hand."""

from __future__ import annotations

import networkx as nx

from graphnet.coverage import needs_coverage, steps_to_sector
from graphnet.model import Actor, Link, Network
from graphnet.optimal_model import parse_model

MODEL = parse_model(
    "expected_coverage:\n"
    "  - need: health\n"
    "    universal: [health]\n"
    "    specialised: [health, child_protection]\n"
)


def _row(table, need: str, level: str):
    return table[(table.need == need) & (table.level == level)].iloc[0]


def _network() -> Network:
    # OSPOD — SAS — doctor A — doctor B: A is 2 steps from OSPOD, B is 3.
    return Network(
        actors=(
            Actor("o", "OSPOD", "child_protection"),
            Actor("s", "SAS", "social_services"),
            Actor("a", "MUDr. A", "health", needs=("health",), levels=("universal",)),
            Actor("b", "MUDr. B", "health", needs=("health",), levels=("universal",)),
            Actor("c", "Klinika", "health", needs=("health",)),
        ),
        links=(Link("o", "s", "cooperation"), Link("s", "a", "referral"),
               Link("a", "b", "cooperation")),
    )


def test_one_row_per_need_and_level() -> None:
    table = needs_coverage(_network(), MODEL)
    assert len(table) == 6 * 3


def test_providers_are_actors_listing_both_need_and_level() -> None:
    row = _row(needs_coverage(_network(), MODEL), "health", "universal")
    assert row.providers == ("a", "b")
    assert row.n_providers == 2
    assert not row.gap


def test_an_actor_with_needs_but_no_level_is_credited_at_no_level() -> None:
    table = needs_coverage(_network(), MODEL)
    assert all("c" not in providers for providers in table.providers)
    assert _row(table, "health", "specialised").unlevelled_providers == ("c",)


def test_a_need_and_level_nobody_covers_is_a_gap_with_the_sectors_missing() -> None:
    row = _row(needs_coverage(_network(), MODEL), "health", "specialised")
    assert bool(row.gap)
    assert row.missing_sectors == ("health", "child_protection")


def test_providers_more_than_two_steps_from_child_protection_are_far() -> None:
    row = _row(needs_coverage(_network(), MODEL), "health", "universal")
    assert row.far_from_child_protection == ("b",)


def test_reach_comes_from_the_model() -> None:
    model = parse_model("reach: 3\n")
    row = _row(needs_coverage(_network(), model), "health", "universal")
    assert row.far_from_child_protection == ()


def test_steps_to_sector_stops_at_the_cutoff() -> None:
    graph = nx.path_graph(["o", "x", "y", "z"])
    assert steps_to_sector(graph, ["o"], 2) == {"o": 0, "x": 1, "y": 2}
    assert steps_to_sector(graph, ["o", "z"], 1) == {"o": 0, "z": 0, "x": 1, "y": 1}
