"""Every non-GDS query of ``cypher/`` on the sample ORP, against rows computed here
independently from the loaded Network with plain Python and networkx."""

from __future__ import annotations

import itertools
import uuid
from collections import Counter
from collections.abc import Iterator
from typing import Any

import networkx as nx
import pytest

import graphnet
from graphnet.neo4j import load_queries, push, run_query
from graphnet.neo4j.rows import RELATIONSHIP_TYPES
from graphnet.ties import tie_graph, tie_list
from graphnet.vocab import LEVELS, NEEDS, UNDIRECTED_KINDS

pytestmark = pytest.mark.bolt


class Pushed:
    def __init__(self, settings: Any, before: str, after: str, early: graphnet.Network,
                 late: graphnet.Network):
        self.settings, self.before, self.after = settings, before, after
        self.early, self.late = early, late
        # The queries count cooperation on working ties, as the analysis does.
        self.analysis = graphnet.analyse(early)
        self.graph = tie_graph(tie_list(early), "working", network=early)

    def rows(self, name: str, **params: Any) -> list[dict[str, Any]]:
        return run_query(self.settings, name, params).records()


@pytest.fixture(scope="module")
def pushed(bolt: Any, graph_state: Any, sample_dir: Any, sample_dir_later: Any
           ) -> Iterator[Pushed]:
    """The sample's two mappings pushed side by side (the first with measures)."""
    tag = uuid.uuid4().hex[:8]
    before, after = f"test-{tag}-2025", f"test-{tag}-2026"
    early, late = graphnet.load(sample_dir), graphnet.load(sample_dir_later)
    push(early, bolt, dataset=before, analysis=graphnet.analyse(early))
    push(late, bolt, dataset=after)
    yield Pushed(bolt, before, after, early, late)
    graph_state.delete(bolt, before)
    graph_state.delete(bolt, after)


def ids(rows: list[dict[str, Any]]) -> list[str]:
    return [row["id"] for row in rows]


def test_library_has_twelve_plain_queries_and_gds_variants() -> None:
    queries = load_queries().values()
    assert len([q for q in queries if not q.needs_gds]) >= 12
    assert {"betweenness-gds", "communities-louvain-gds", "articulation-points-gds",
            "bridges-gds", "link-prediction-gds"} <= {q.name for q in queries if q.needs_gds}


def test_isolated_lists_the_actors_without_partners(pushed: Pushed) -> None:
    table = pushed.analysis.actors
    expected = sorted(str(i) for i in table.index[table["is_isolated"].astype(bool)])
    assert expected, "the sample should have isolated actors"
    assert ids(pushed.rows("isolated", dataset=pushed.before)) == expected


def test_unknown_lists_the_actors_the_analysis_calls_unknown(pushed: Pushed) -> None:
    table = pushed.analysis.actors
    expected = sorted(str(i) for i in table.index[table["is_unknown"].astype(bool)])
    assert expected, "the sample should have an unknown actor"
    assert ids(pushed.rows("unknown", dataset=pushed.before)) == expected


def test_response_rate_by_sector_is_the_analysis_rate(pushed: Pushed) -> None:
    rows = pushed.rows("response-rate-by-sector", dataset=pushed.before)
    expected = dict(pushed.analysis.respondents.by_sector)
    assert {r["sector"]: r["response_rate"] for r in rows} == pytest.approx(expected)


def test_platform_without_work_lists_pairs_that_only_meet(pushed: Pushed) -> None:
    ties = tie_list(pushed.early)
    working = {frozenset(t.ends) for t in ties if t.layer == "working"}
    sector = {a.id: a.sector for a in pushed.early.actors}
    expected = sorted((t.source, t.target) for t in ties if t.layer == "platform"
                      and frozenset(t.ends) not in working
                      and sector[t.source] != sector[t.target])
    assert expected, "the sample should have pairs that only meet at the platform"
    rows = pushed.rows("platform-without-work", dataset=pushed.before)
    assert [(r["source"], r["target"]) for r in rows] == expected


def test_peripheral_lists_the_actors_with_one_partner(pushed: Pushed) -> None:
    g = pushed.graph
    expected = sorted((n, next(iter(g[n]))) for n in g if g.degree(n) == 1)
    rows = pushed.rows("peripheral", dataset=pushed.before)
    assert [(r["id"], r["partner"]) for r in rows] == expected


def test_sector_closed_lists_actors_whose_partners_share_their_sector(pushed: Pushed) -> None:
    g = pushed.graph
    sector = nx.get_node_attributes(g, "sector")
    expected = sorted(n for n in g if g.degree(n) and all(sector[m] == sector[n] for m in g[n]))
    assert ids(pushed.rows("sector-closed", dataset=pushed.before)) == expected


def test_sector_pair_matrix_counts_linked_pairs_per_sector_pair(pushed: Pushed) -> None:
    sector = nx.get_node_attributes(pushed.graph, "sector")
    expected = Counter(tuple(sorted((sector[a], sector[b]))) for a, b in pushed.graph.edges())
    rows = pushed.rows("sector-pair-matrix", dataset=pushed.before)
    assert {(r["sector_a"], r["sector_b"]): r["linked_pairs"] for r in rows} == dict(expected)


def test_expected_pairs_without_links_reports_pairs_at_or_below_the_threshold(
        pushed: Pushed) -> None:
    sector = nx.get_node_attributes(pushed.graph, "sector")
    linked = Counter(frozenset((sector[a], sector[b])) for a, b in pushed.graph.edges())
    pairs = [list(p) for p in itertools.combinations(sorted(set(sector.values())), 2)]
    pairs += [["social_services", "education"], ["health", "health"]]  # reversed; one sector
    threshold = 1
    expected = sorted((a, b) for a, b in pairs if linked[frozenset((a, b))] <= threshold)
    rows = pushed.rows("expected-pairs-without-links", dataset=pushed.before, pairs=pairs,
                       max_pairs=threshold)
    assert sorted((r["sector_a"], r["sector_b"]) for r in rows) == expected
    assert all(r["linked_pairs"] == linked[frozenset((r["sector_a"], r["sector_b"]))]
               for r in rows)


@pytest.mark.parametrize(("sector", "other"), [("education", "social_services"),
                                               ("health", "child_protection")])
def test_no_partner_in_sector_lists_actors_of_x_without_a_partner_in_y(
        pushed: Pushed, sector: str, other: str) -> None:
    g = pushed.graph
    sectors = nx.get_node_attributes(g, "sector")
    expected = sorted(n for n in g if sectors[n] == sector
                      and not any(sectors[m] == other for m in g[n]))
    rows = pushed.rows("no-partner-in-sector", dataset=pushed.before, sector=sector, other=other)
    assert ids(rows) == expected


def test_shortest_referral_path_follows_referrals_in_their_direction(pushed: Pushed) -> None:
    referrals = nx.DiGraph()
    referrals.add_edges_from((link.source, link.target) for link in pushed.early.links
                             if link.kind == "referral" and not link.is_self_loop)
    lengths = dict(nx.all_pairs_shortest_path_length(referrals))
    start, end = max(((a, b) for a in sorted(lengths) for b in sorted(lengths[a])),
                     key=lambda pair: lengths[pair[0]][pair[1]])
    rows = pushed.rows("shortest-referral-path", dataset=pushed.before, **{"from": start,
                                                                           "to": end})
    assert len(rows) == 1
    path = rows[0]["path"]
    assert rows[0]["steps"] == lengths[start][end] >= 2
    assert path[0] == start and path[-1] == end
    assert all(referrals.has_edge(a, b) for a, b in itertools.pairwise(path))


def test_brokers_between_sectors_count_the_pairs_only_they_join(pushed: Pushed) -> None:
    g = pushed.graph
    sector = nx.get_node_attributes(g, "sector")
    sector_a, sector_b = "education", "social_services"
    expected = []
    for x in g:
        side_a = [p for p in g[x] if sector[p] == sector_a]
        side_b = [q for q in g[x] if sector[q] == sector_b]
        brokered = sum(1 for p in side_a for q in side_b if p != q and not g.has_edge(p, q))
        if brokered:
            expected.append((x, len(side_a), len(side_b), brokered))
    expected.sort(key=lambda row: (-row[3], row[0]))
    assert expected, "the sample should have brokers between schools and social services"
    rows = pushed.rows("brokers-between-sectors", dataset=pushed.before, sector_a=sector_a,
                       sector_b=sector_b)
    assert [(r["id"], r["partners_a"], r["partners_b"], r["brokered_pairs"]) for r in rows] \
        == expected


def test_cut_points_are_the_articulation_points_written_back(pushed: Pushed) -> None:
    expected = sorted(nx.articulation_points(pushed.graph))
    assert expected, "the sample should have cut points"
    assert ids(pushed.rows("cut-points", dataset=pushed.before)) == expected


def test_needs_without_provider_lists_uncovered_needs_and_levels(pushed: Pushed) -> None:
    covered = {(need, level) for actor in pushed.early.actors for need in actor.needs
               for level in actor.levels}
    expected = sorted((n, lv) for n in NEEDS.codes for lv in LEVELS.codes
                      if (n, lv) not in covered)
    rows = pushed.rows("needs-without-provider", dataset=pushed.before)
    assert [(r["need"], r["level"]) for r in rows] == expected
    assert {r["dataset"] for r in rows} <= {pushed.before}


def test_orp_comparison_gives_density_and_shares_per_dataset(pushed: Pushed) -> None:
    rows = pushed.rows("orp-comparison", datasets=[pushed.before, pushed.after])
    assert [r["dataset"] for r in rows] == [pushed.before, pushed.after]
    for row, network in zip(rows, (pushed.early, pushed.late), strict=True):
        g = tie_graph(tie_list(network), "working", network=network)
        sector = nx.get_node_attributes(g, "sector")
        assert row["actors"] == g.number_of_nodes()
        assert row["linked_pairs"] == g.number_of_edges()
        assert row["density"] == pytest.approx(nx.density(g))
        assert row["isolated_share"] == pytest.approx(nx.number_of_isolates(g) / len(g))
        cross = sum(1 for a, b in g.edges() if sector[a] != sector[b])
        assert row["cross_sector_share"] == pytest.approx(cross / g.number_of_edges())


def _pairs(network: graphnet.Network) -> set[tuple[str, str, str]]:
    pairs = set()
    for link in network.all_links():
        a, b = link.source, link.target
        if link.kind in UNDIRECTED_KINDS and b < a:
            a, b = b, a
        pairs.add((RELATIONSHIP_TYPES[link.kind], a, b))
    return pairs


def test_changes_between_mappings_lists_what_was_added_removed_and_changed(
        pushed: Pushed) -> None:
    early, late = pushed.early, pushed.late
    before, after = set(early.actor_ids), set(late.actor_ids)
    changed = {i for i in before & after
               if (early.actor(i).sector, early.actor(i).name)
               != (late.actor(i).sector, late.actor(i).name)}
    old, new = _pairs(early), _pairs(late)
    expected = sorted(
        [("actor_added", i, None, None) for i in after - before]
        + [("actor_removed", i, None, None) for i in before - after]
        + [("actor_changed", i, None, None) for i in changed]
        + [("link_added", a, b, t) for t, a, b in new - old]
        + [("link_removed", a, b, t) for t, a, b in old - new], key=repr)
    assert expected, "the two sample mappings should differ"
    rows = pushed.rows("changes-between-mappings", before=pushed.before, after=pushed.after)
    assert sorted(((r["change"], r["source"], r["target"], r["type"]) for r in rows),
                  key=repr) == expected
