"""Push, push again, push a newer mapping, a push that dies half-way, pull."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

import graphnet
from graphnet.neo4j import pull, push
from graphnet.neo4j.rows import RELATIONSHIP_TYPES
from graphnet.ties import tie_list

pytestmark = pytest.mark.bolt


@pytest.fixture(scope="module")
def sample(sample_dir: Any) -> graphnet.Network:
    return graphnet.load(sample_dir)


@pytest.fixture(scope="module")
def sample_later(sample_dir_later: Any) -> graphnet.Network:
    return graphnet.load(sample_dir_later)


@pytest.fixture(scope="module")
def pushed_with_measures(bolt: Any, graph_state: Any, sample: graphnet.Network
                         ) -> Any:
    """The sample pushed once with its measures (for the tests that only read)."""
    import uuid

    dataset = f"test-{uuid.uuid4().hex[:8]}-measured"
    analysis = graphnet.analyse(sample)
    result = push(sample, bolt, dataset=dataset, analysis=analysis)
    yield dataset, analysis, result
    graph_state.delete(bolt, dataset)


def expected_counts(network: graphnet.Network) -> dict[str, int]:
    links = Counter(RELATIONSHIP_TYPES[link.kind] for link in network.all_links())
    return {"Actor": len(network.actors),
            "Meeting": len({row.meeting for row in network.attendance}),
            "IN_SECTOR": len(network.actors), "ATTENDED": len(network.attendance),
            "TIE": len(tie_list(network)), **links}


def test_push_stores_as_many_nodes_and_relationships_as_the_input(
        bolt, graph_state, pushed_with_measures, sample):
    dataset, _, result = pushed_with_measures
    assert graph_state.counts(bolt, dataset) == expected_counts(sample)
    assert result.actors == len(sample.actors)


def test_push_twice_leaves_the_same_graph(bolt, graph_state, dataset_ids, sample):
    dataset = dataset_ids()
    push(sample, bolt, dataset=dataset)
    first = graph_state.snapshot(bolt, dataset)
    again = push(sample, bolt, dataset=dataset)
    assert graph_state.snapshot(bolt, dataset) == first
    assert again.removed == 0


def test_newer_mapping_updates_the_dataset_to_exactly_the_new_network(
        bolt, graph_state, dataset_ids, sample, sample_later):
    dataset, clean, other = dataset_ids("updated"), dataset_ids("clean"), dataset_ids("other")
    push(sample, bolt, dataset=other)
    other_before = graph_state.snapshot(bolt, other)
    push(sample, bolt, dataset=dataset)
    push(sample_later, bolt, dataset=dataset)
    push(sample_later, bolt, dataset=clean)
    assert graph_state.snapshot(bolt, dataset) == graph_state.snapshot(bolt, clean)
    assert graph_state.counts(bolt, dataset) == expected_counts(sample_later)
    assert graph_state.snapshot(bolt, other) == other_before


def test_newer_mapping_removes_exactly_the_actors_that_are_gone(
        bolt, graph_state, dataset_ids, sample, sample_later):
    dataset = dataset_ids()
    push(sample, bolt, dataset=dataset)
    push(sample_later, bolt, dataset=dataset)
    gone = set(sample.actor_ids) - set(sample_later.actor_ids)
    stored = {row["id"] for row in _actors(bolt, dataset)}
    assert stored == set(sample_later.actor_ids)
    assert not gone & stored


def _actors(settings: Any, dataset: str) -> list[dict[str, Any]]:
    from graphnet.neo4j import open_session

    with open_session(settings) as session:
        return [dict(r) for r in session.run("MATCH (a:Actor {dataset: $d}) RETURN a.id AS id",
                                             d=dataset)]


class Interrupted(Exception):
    """Raised between batches to stand for a push killed half-way."""


def test_push_interrupted_half_way_then_rerun_ends_as_one_clean_push(
        bolt, graph_state, dataset_ids, sample, sample_later):
    dataset, clean, other = dataset_ids("crashed"), dataset_ids("clean"), dataset_ids("other")
    push(sample, bolt, dataset=other)
    other_before = graph_state.snapshot(bolt, other)
    push(sample, bolt, dataset=dataset)

    def die_in_the_links(step: str, batch: int) -> None:
        if step == "referral" and batch == 2:
            raise Interrupted

    with pytest.raises(Interrupted):
        push(sample_later, bolt, dataset=dataset, batch_size=10, on_batch=die_in_the_links)
    # really half-way: a mixture of the two mappings
    assert graph_state.snapshot(bolt, dataset) != graph_state.snapshot(bolt, other)
    push(sample_later, bolt, dataset=dataset, batch_size=10)
    push(sample_later, bolt, dataset=clean)
    assert graph_state.snapshot(bolt, dataset) == graph_state.snapshot(bolt, clean)
    assert graph_state.snapshot(bolt, other) == other_before


def test_pull_gives_back_the_pushed_network(bolt, pushed_with_measures, sample):
    dataset, _, _ = pushed_with_measures
    pulled = pull(bolt, dataset)
    expected = sample.without_personal()
    assert expected.respondents, "the sample should have a respondents table"
    assert pulled.canonical() == expected.canonical()


def test_pull_gives_back_personal_fields_only_when_they_were_pushed(bolt, dataset_ids, sample):
    with_contacts = [a for a in sample.actors if a.contact]
    if not with_contacts:
        pytest.skip("the sample has no contact persons")
    dataset = dataset_ids()
    push(sample, bolt, dataset=dataset, include_personal=True)
    assert pull(bolt, dataset).canonical() == sample.canonical()


def test_push_reports_progress_up_to_the_total(bolt, dataset_ids, sample):
    seen: list[tuple[int, int]] = []
    push(sample, bolt, dataset=dataset_ids(), batch_size=25,
         progress=lambda done, total: seen.append((done, total)))
    assert seen[0][0] == 0
    assert seen[-1][0] == seen[-1][1]
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_with_measures_writes_labels_and_properties_of_the_analysis(bolt, pushed_with_measures):
    from graphnet.neo4j import open_session

    dataset, analysis, _ = pushed_with_measures
    with open_session(bolt) as session:
        cut = {r["id"] for r in session.run(
            "MATCH (a:Actor:CutPoint {dataset: $d}) RETURN a.id AS id", d=dataset)}
        isolated = {r["id"] for r in session.run(
            "MATCH (a:Actor:Isolated {dataset: $d}) RETURN a.id AS id", d=dataset)}
        betweenness = {r["id"]: r["b"] for r in session.run(
            "MATCH (a:Actor {dataset: $d}) RETURN a.id AS id, a.betweenness AS b", d=dataset)}
    table = analysis.actors
    assert cut == {str(i) for i in table.index[table["is_cut_point"].astype(bool)]}
    assert isolated == {str(i) for i in table.index[table["is_isolated"].astype(bool)]}
    assert betweenness == pytest.approx(
        {str(i): float(v) for i, v in table["betweenness"].items()})


def test_push_without_measures_clears_those_an_earlier_push_wrote(bolt, dataset_ids, sample):
    from graphnet.neo4j import open_session

    dataset = dataset_ids()
    push(sample, bolt, dataset=dataset, analysis=graphnet.analyse(sample))
    push(sample, bolt, dataset=dataset)
    with open_session(bolt) as session:
        left = session.run("MATCH (a:Actor {dataset: $d}) WHERE a:CutPoint OR "
                           "a.betweenness IS NOT NULL RETURN count(a) AS n", d=dataset).single()
    assert left["n"] == 0
