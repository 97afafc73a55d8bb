"""On the two sample mappings, the comparison's figures equal those computed here by hand
from the two link lists, with plain Python sets (no graphnet code but the loader).

A link row is a report; the comparison counts ties. By hand: a working tie is the
identity (source, target, kind) of the reported rows (co-attendance at the platform
is no working tie); each reporting end's rows are added, the rows with no end as
reporter (the networker's records) count as one more reporter, and the tie's weight
is the largest of these (``max``, the default). The expected values below were
recounted this way when the comparison moved from reports to ties (issue 11): before,
the helpers added both ends' reports up and counted the attendance pairs.
"""

from __future__ import annotations

from collections import defaultdict

import pytest

from graphnet.compare import Comparison
from graphnet.model import Network
from graphnet.vocab import DIRECTED_KINDS


def identities(network: Network) -> dict[tuple[str, str, str], float]:
    """Working tie → its weight under max: each end's rows added, the largest end wins."""
    sides: dict[tuple[str, str, str], dict[str | None, float]] = defaultdict(dict)
    for link in network.links:
        if link.source == link.target:
            continue
        a, b = link.source, link.target
        if link.kind not in DIRECTED_KINDS:
            a, b = min(a, b), max(a, b)
        reporter = link.reported_by if link.reported_by in (a, b) else None
        side = sides[(a, b, link.kind)]
        side[reporter] = side.get(reporter, 0.0) + link.weight
    return {key: max(side.values()) for key, side in sides.items()}


def linked_pairs(network: Network) -> set[frozenset[str]]:
    return {frozenset((a, b)) for a, b, _ in identities(network)}


def unknown(network: Network) -> set[str]:
    """Did not answer (the respondents table) and no working tie names them."""
    answered = {r.actor for r in network.respondents if r.answered}
    named = {a for pair in linked_pairs(network) for a in pair}
    return {a.id for a in network.actors if a.id not in answered and a.id not in named}


def components(network: Network) -> int:
    parent = {actor.id: actor.id for actor in network.actors}

    def root(x: str) -> str:
        while parent[x] != x:
            x = parent[x]
        return x

    for pair in linked_pairs(network):
        a, b = sorted(pair)
        parent[root(a)] = root(b)
    return len({root(x) for x in parent})


def hand_figures(network: Network) -> dict[str, float]:
    n = len(network.actors)
    pairs = linked_pairs(network)
    sector = {actor.id: actor.sector for actor in network.actors}
    crossing = sum(1 for pair in pairs if len({sector[a] for a in pair}) == 2)
    linked = {a for pair in pairs for a in pair}
    return {
        "actors": n,
        "links": len(identities(network)),
        "linked_pairs": len(pairs),
        "density": len(pairs) / (n * (n - 1) / 2),
        # an unknown actor (no answer, named by nobody) is not isolated
        "isolated": sum(1 for actor in network.actors
                        if actor.id not in linked and actor.id not in unknown(network)),
        "components": components(network),
        "cross_sector_share": crossing / len(pairs),
        "ei_index": (crossing - (len(pairs) - crossing)) / len(pairs),
    }


def keys(changes: tuple) -> set[tuple[str, str, str]]:
    return {(c.source, c.target, c.kind) for c in changes}


def test_gained_links_are_those_only_in_the_new_link_list(
    sample_comparison: Comparison, sample_network: Network, sample_network_later: Network
) -> None:
    expected = identities(sample_network_later).keys() - identities(sample_network).keys()
    assert keys(sample_comparison.links.gained) == expected
    assert expected  # the sample is built with links gained


def test_lost_links_are_those_only_in_the_old_link_list(
    sample_comparison: Comparison, sample_network: Network, sample_network_later: Network
) -> None:
    expected = identities(sample_network).keys() - identities(sample_network_later).keys()
    assert keys(sample_comparison.links.lost) == expected
    assert expected


def test_reweighted_links_are_in_both_lists_with_another_weight(
    sample_comparison: Comparison, sample_network: Network, sample_network_later: Network
) -> None:
    before, after = identities(sample_network), identities(sample_network_later)
    expected = {k for k in before.keys() & after.keys() if abs(before[k] - after[k]) > 1e-9}
    assert keys(sample_comparison.links.reweighted) == expected
    assert expected
    for change in sample_comparison.links.reweighted:
        key = (change.source, change.target, change.kind)
        assert (change.weight_before, change.weight_after) == (before[key], after[key])


def test_links_by_kind_count_each_kind_before_and_after(
    sample_comparison: Comparison, sample_network: Network, sample_network_later: Network
) -> None:
    for row in sample_comparison.kinds:
        assert row.before == sum(1 for k in identities(sample_network) if k[2] == row.kind)
        assert row.after == sum(1 for k in identities(sample_network_later) if k[2] == row.kind)
        assert row.gained == sum(1 for c in sample_comparison.links.gained if c.kind == row.kind)


def test_actors_added_and_removed_are_the_ids_in_one_mapping_only(
    sample_comparison: Comparison, sample_network: Network, sample_network_later: Network
) -> None:
    old_ids, new_ids = set(sample_network.actor_ids), set(sample_network_later.actor_ids)
    assert {a.id for a in sample_comparison.actors.added} == new_ids - old_ids
    assert {a.id for a in sample_comparison.actors.removed} == old_ids - new_ids


def test_the_actor_whose_id_changed_is_suggested_not_merged(
    sample_comparison: Comparison, sample_network: Network, sample_network_later: Network
) -> None:
    old_ids, new_ids = set(sample_network.actor_ids), set(sample_network_later.actor_ids)
    removed_names = {sample_network.actor(i).name.casefold(): i for i in old_ids - new_ids}
    added_names = {i: sample_network_later.actor(i).name.casefold() for i in new_ids - old_ids}
    same_name = {
        (removed_names[name], i) for i, name in added_names.items() if name in removed_names
    }
    assert same_name  # the 2026 sample renames one actor's id
    suggested = {(s.old_id, s.new_id) for s in sample_comparison.actors.id_suggestions}
    assert suggested == same_name
    added = {a.id for a in sample_comparison.actors.added}
    assert {new for _, new in same_name} <= added


@pytest.mark.parametrize(
    "key",
    [
        "actors",
        "links",
        "linked_pairs",
        "density",
        "isolated",
        "components",
        "cross_sector_share",
        "ei_index",
        "unknown",
    ],
)
def test_network_figures_equal_the_hand_computed_ones(
    sample_comparison: Comparison, sample_network: Network, sample_network_later: Network, key: str
) -> None:
    figure = {f.key: f for f in sample_comparison.figures}[key]
    if key == "unknown":
        assert (figure.before, figure.after) == (len(unknown(sample_network)),
                                                 len(unknown(sample_network_later)))
        return
    assert figure.before == pytest.approx(hand_figures(sample_network)[key])
    assert figure.after == pytest.approx(hand_figures(sample_network_later)[key])
    assert figure.difference == pytest.approx(
        hand_figures(sample_network_later)[key] - hand_figures(sample_network)[key]
    )


def test_sector_pairs_count_the_hand_computed_linked_pairs(
    sample_comparison: Comparison, sample_network: Network, sample_network_later: Network
) -> None:
    def count(network: Network, a: str, b: str) -> tuple[int, int]:
        sector = {actor.id: actor.sector for actor in network.actors}
        linked = sum(
            1 for pair in linked_pairs(network) if sorted(sector[x] for x in pair) == sorted((a, b))
        )
        sizes = [sum(1 for s in sector.values() if s == code) for code in (a, b)]
        possible = sizes[0] * (sizes[0] - 1) // 2 if a == b else sizes[0] * sizes[1]
        return linked, possible

    for row in sample_comparison.sector_pairs:
        assert (row.linked_before, row.possible_before) == count(
            sample_network, row.sector_a, row.sector_b
        )
        assert (row.linked_after, row.possible_after) == count(
            sample_network_later, row.sector_a, row.sector_b
        )


def test_schools_and_social_services_connected_in_the_second_mapping(
    sample_comparison: Comparison,
) -> None:
    pair = next(
        p
        for p in sample_comparison.sector_pairs
        if {p.sector_a, p.sector_b} == {"education", "social_services"}
    )
    assert pair.linked_before == 0 and pair.linked_after > 0
    assert pair.expected is True


def test_degree_changes_equal_the_hand_counted_partners(
    sample_comparison: Comparison, sample_network: Network, sample_network_later: Network
) -> None:
    def partners(network: Network) -> dict[str, int]:
        count = {actor.id: 0 for actor in network.actors}
        for pair in linked_pairs(network):
            for actor_id in pair:
                count[actor_id] += 1
        return count

    before, after = partners(sample_network), partners(sample_network_later)
    changed = {i for i in before.keys() & after.keys() if before[i] != after[i]}
    by_id = {p.id: p for p in sample_comparison.positions}
    assert changed <= by_id.keys()
    for actor_id in changed:
        assert (by_id[actor_id].degree_before, by_id[actor_id].degree_after) == (
            before[actor_id],
            after[actor_id],
        )
    biggest = max(abs(after[i] - before[i]) for i in changed)
    assert abs(sample_comparison.positions[0].degree_change) == biggest


def test_cut_points_started_and_stopped_follow_the_two_analyses(
    sample_comparison: Comparison, sample_analysis, sample_analysis_later
) -> None:
    before = set(sample_analysis.actors.index[sample_analysis.actors["is_cut_point"]])
    after = set(sample_analysis_later.actors.index[sample_analysis_later.actors["is_cut_point"]])
    roles = {(r.id, r.change) for r in sample_comparison.roles if r.role == "cut_point"}
    assert roles == {(i, "started") for i in after - before} | {
        (i, "stopped") for i in before - after
    }


def test_every_finding_is_resolved_new_or_still_open(
    sample_comparison: Comparison, sample_analysis, sample_analysis_later
) -> None:
    findings = sample_comparison.findings
    assert len(findings.resolved) + len(findings.still_open) == len(sample_analysis.findings)
    assert len(findings.new) + len(findings.still_open) == len(sample_analysis_later.findings)


@pytest.mark.parametrize("key", ["density", "isolated", "components"])
def test_network_figures_agree_with_the_analysis(
    sample_comparison: Comparison, sample_analysis, sample_analysis_later, key: str
) -> None:
    figure = {f.key: f for f in sample_comparison.figures}[key]
    assert figure.before == pytest.approx(sample_analysis.network_measures[key])
    assert figure.after == pytest.approx(sample_analysis_later.network_measures[key])


def test_analyses_run_in_parallel_give_the_same_comparison(
    sample_comparison: Comparison, sample_network: Network, sample_network_later: Network
) -> None:
    from graphnet.compare import compare

    parallel = compare(sample_network, sample_network_later, workers=2)
    assert parallel.to_dict() == sample_comparison.to_dict()


def test_the_analyses_a_comparison_computes_skip_the_suggestions(
    sample_network: Network, sample_network_later: Network
) -> None:
    from graphnet.compare import compare

    comparison = compare(sample_network, sample_network_later)
    assert comparison.new_analysis is not None
    assert comparison.new_analysis.suggestions == ()
    assert comparison.new_analysis.findings


def test_the_analysis_from_the_worker_process_holds_the_callers_network(
    sample_network: Network, sample_network_later: Network
) -> None:
    from graphnet.compare import compare

    parallel = compare(sample_network, sample_network_later, workers=2)
    assert parallel.new_analysis is not None
    assert parallel.new_analysis.network is sample_network_later
    assert parallel.new_analysis.suggestions == ()


def test_sector_pairs_agree_with_the_analysis(
    sample_comparison: Comparison, sample_analysis_later
) -> None:
    table = sample_analysis_later.sector_pairs
    theirs = {
        frozenset((a, b)): (int(linked), int(possible))
        for a, b, linked, possible in zip(
            table["sector_a"],
            table["sector_b"],
            table["linked_pairs"],
            table["possible_pairs"],
            strict=True,
        )
    }
    ours = {
        frozenset((p.sector_a, p.sector_b)): (p.linked_after, p.possible_after)
        for p in sample_comparison.sector_pairs
        if p.possible_after
    }
    assert {k: v for k, v in theirs.items() if v[1]} == ours
