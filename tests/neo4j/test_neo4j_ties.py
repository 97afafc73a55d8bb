"""The tie model in Neo4j: one ``TIE`` per tie beside the reports, the respondents
on the actor nodes, the dataset recording the layer and the combine rule."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest

import graphnet
from graphnet.neo4j import open_session, pull, push
from graphnet.ties import tie_list

pytestmark = pytest.mark.bolt

_TIE = """
MATCH (a:Actor {uid: $source})-[t:TIE {kind: $kind, layer: 'working'}]->(b:Actor {uid: $target})
RETURN properties(t) AS props
"""
_LAYERS = """
MATCH (a:Actor {dataset: $d})-[t:TIE]->(:Actor)
RETURN t.layer AS layer, count(t) AS n
"""
_DATASET = "MATCH (d:Dataset {id: $d}) RETURN properties(d) AS props"


@pytest.fixture(scope="module")
def sample(sample_dir: Any) -> graphnet.Network:
    return graphnet.load(sample_dir)


def _read(settings: Any, query: str, **params: Any) -> list[dict[str, Any]]:
    with open_session(settings) as session:
        return [dict(record) for record in session.run(query, **params)]


def _referral(settings: Any, dataset: str) -> dict[str, Any]:
    rows = _read(settings, _TIE, source=f"{dataset}:OSPOD", target=f"{dataset}:SAS-RODINA",
                 kind="referral")
    assert len(rows) == 1, rows
    return dict(rows[0]["props"])


@pytest.fixture
def dataset(dataset_ids: Any) -> Iterator[str]:
    yield dataset_ids("ties")


def test_the_two_reports_of_a_referral_are_one_confirmed_tie(bolt, dataset, sample):
    push(sample, bolt, dataset=dataset)
    tie = _referral(bolt, dataset)
    assert tie["weight"] == 24
    assert tie["status"] == "confirmed"
    assert tie["combine"] == "max"
    assert sorted(zip(tie["reported_by"], tie["report_weights"], strict=True)) == [
        ("OSPOD", 24.0), ("SAS-RODINA", 20.0)]
    assert tie["reports"] == 2


def test_combine_mean_gives_the_mean_and_the_dataset_records_it(bolt, dataset, sample):
    analysis = graphnet.analyse(sample, ties="all", combine="mean")
    push(sample, bolt, dataset=dataset, analysis=analysis)
    assert _referral(bolt, dataset)["weight"] == 22
    props = _read(bolt, _DATASET, d=dataset)[0]["props"]
    assert (props["combine"], props["layer"]) == ("mean", "all")


def test_ties_per_layer_are_the_analysis_ties(bolt, graph_state, dataset, sample):
    push(sample, bolt, dataset=dataset)
    expected = Counter(tie.layer for tie in graphnet.analyse(sample).ties)
    assert {r["layer"]: r["n"] for r in _read(bolt, _LAYERS, d=dataset)} == dict(expected)
    assert expected["working"] and expected["platform"]
    first = graph_state.counts(bolt, dataset)
    push(sample, bolt, dataset=dataset)
    assert graph_state.counts(bolt, dataset) == first
    assert first["TIE"] == len(tie_list(sample))


def test_respondents_round_trip_through_pull(bolt, dataset, sample):
    assert sample.respondents, "the sample should have a respondents table"
    push(sample, bolt, dataset=dataset)
    assert pull(bolt, dataset).canonical().respondents == sample.canonical().respondents


def test_measures_written_back_include_the_tie_columns(bolt, dataset, sample):
    analysis = graphnet.analyse(sample)
    push(sample, bolt, dataset=dataset, analysis=analysis)
    rows = _read(bolt, "MATCH (a:Actor {dataset: $d}) RETURN a.id AS id, a.degree_working AS w, "
                       "a.degree_platform AS p, a.answered AS answered, a.is_unknown AS unknown",
                 d=dataset)
    table = analysis.actors
    for row in rows:
        record = table.loc[row["id"]]
        assert (row["w"], row["p"]) == (record["degree_working"], record["degree_platform"])
        assert (row["answered"], row["unknown"]) == (bool(record["answered"]),
                                                     bool(record["is_unknown"]))
