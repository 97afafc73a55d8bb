"""graphnet.analyse: measures, findings and suggestions as plain data, and the JSON
export (schema graphnet.analysis/1) documented in docs/analysis-schema.md."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

import graphnet
from graphnet.analysis import SCHEMA, Analysis, Finding, Suggestion
from graphnet.measures import ACTOR_COLUMNS, CONVENTIONS
from graphnet.model import Actor, Link, Network, Respondent

REPO = Path(__file__).resolve().parent.parent


def _small() -> Network:
    return Network(
        actors=(
            Actor("o", "OSPOD Lhota", "child_protection", orp="Lhota", contact="jana@example.org"),
            Actor("z", "ZŠ <script>alert(1)</script>", "education", orp="Lhota",
                  needs=("learning",), levels=("universal",)),
            Actor("s", "SAS Lhota", "social_services", orp="Lhota"),
            Actor("d", "MUDr. Nová", "health", orp="Lhota", needs=("health",),
                  levels=("universal",)),
        ),
        links=(Link("o", "z", "cooperation", reported_by="o"),
               Link("o", "s", "referral", reported_by="s"),
               Link("s", "o", "information", reported_by="s")),
        name="Lhota",
    )


@pytest.fixture(scope="module")
def sample(sample_dir: Path) -> Analysis:
    return graphnet.analyse(graphnet.load(sample_dir))


def test_analyse_returns_every_part_as_plain_data() -> None:
    result = graphnet.analyse(_small())
    assert isinstance(result.actors, pd.DataFrame)
    assert list(result.actors.columns[: len(ACTOR_COLUMNS)]) == list(ACTOR_COLUMNS)
    assert result.network_measures["actors"] == 4
    assert {"sector_a", "sector_b", "linked_pairs", "possible_pairs", "density", "expected",
            "at_least", "min_density"} <= set(result.sector_pairs.columns)
    assert len(result.coverage) == 18
    assert all(isinstance(f, Finding) for f in result.findings)
    assert all(isinstance(s, Suggestion) for s in result.suggestions)


def test_sector_pairs_carry_the_models_expectation() -> None:
    pairs = graphnet.analyse(_small()).sector_pairs.set_index(["sector_a", "sector_b"])
    assert bool(pairs.loc[("child_protection", "education"), "expected"])
    assert not bool(pairs.loc[("education", "education"), "expected"])


def test_conventions_hold_the_measures_and_the_findings_conventions() -> None:
    conventions = graphnet.analyse(_small()).conventions
    assert set(CONVENTIONS) <= set(conventions)
    assert {"findings", "suggestions", "coverage", "missing_sector_link"} <= set(conventions)


def test_analyse_does_not_change_the_network_it_reads() -> None:
    network = _small()
    graphnet.analyse(network)
    assert network == _small()


def test_to_dict_is_json_with_the_schema_id_and_no_nan() -> None:
    data = graphnet.analyse(_small()).to_dict()
    assert data["schema"] == SCHEMA == "graphnet.analysis/1"
    text = json.dumps(data, allow_nan=False)
    assert json.loads(text)["network"]["actors"] == 4


def test_the_same_input_gives_identical_json_apart_from_generated_at(sample_dir: Path) -> None:
    first = graphnet.analyse(graphnet.load(sample_dir)).to_json()
    second = graphnet.analyse(graphnet.load(sample_dir)).to_json()
    pattern = re.compile(r'"generated_at": "[^"]*"')
    assert pattern.sub("", first) == pattern.sub("", second)
    assert len(pattern.findall(first)) == 1


def test_personal_fields_never_reach_the_json() -> None:
    text = graphnet.analyse(_small()).to_json()
    assert "jana@example.org" not in text
    assert '"contact"' not in text


def test_json_actors_hold_the_measures_and_the_public_fields() -> None:
    actors = {a["id"]: a for a in graphnet.analyse(_small()).to_dict()["actors"]}
    assert actors["z"]["needs"] == ["learning"]
    # d reports nothing (it did not answer) and nobody names it: unknown, not isolated.
    assert (actors["d"]["is_isolated"], actors["d"]["is_unknown"]) == (False, True)
    assert (actors["o"]["answered"], actors["z"]["answered"]) == (True, False)
    assert actors["o"]["degree"] == 2


def test_an_actor_that_answered_and_has_no_tie_is_isolated() -> None:
    answered = replace(_small(), respondents=(Respondent("o", True), Respondent("d", True)))
    actors = {a["id"]: a for a in graphnet.analyse(answered).to_dict()["actors"]}
    assert (actors["d"]["is_isolated"], actors["d"]["is_unknown"]) == (True, False)
    # z did not answer but o names it: known through o's answer.
    assert (actors["z"]["is_unknown"], actors["z"]["degree_working"]) == (False, 1)


def test_without_respondents_or_reported_by_every_actor_without_a_tie_is_isolated() -> None:
    plain = replace(_small(), links=tuple(replace(link, reported_by=None)
                                          for link in _small().links))
    result = graphnet.analyse(plain)
    assert bool(result.actors.loc["d", "is_isolated"]) is True
    assert not result.actors["is_unknown"].any() and not result.actors["answered"].any()
    assert result.to_dict()["respondents"]["source"] == "none"


def test_the_model_used_is_written_into_the_json(tmp_path: Path) -> None:
    model = tmp_path / "model.yaml"
    model.write_text("expected_pairs:\n  - between: [education, health]\n", encoding="utf-8")
    result = graphnet.analyse(_small(), model=model)
    data = result.to_dict()
    assert data["model"]["source"] == "model.yaml"
    assert data["model"]["expected_pairs"] == [
        {"sector_a": "education", "sector_b": "health", "at_least": 1, "min_density": None,
         "why": {}}]
    kinds = {(f.kind, f.sectors) for f in result.findings}
    assert ("missing_sector_link", ("education", "health")) in kinds
    assert not [f for f in result.findings if f.kind == "missing_sector_link"
                and f.sectors != ("education", "health")]


def test_write_json_writes_the_whole_analysis(tmp_path: Path) -> None:
    target = tmp_path / "out" / "analysis.json"
    graphnet.analyse(_small()).write_json(target)
    data = json.loads(target.read_text("utf-8"))
    assert data["schema"] == SCHEMA
    assert [p.name for p in target.parent.iterdir()] == ["analysis.json"]


def test_every_top_level_and_record_field_is_documented_in_the_schema_doc(
        sample: Analysis) -> None:
    doc = (REPO / "docs" / "analysis-schema.md").read_text("utf-8")
    data = sample.to_dict()
    documented = set(re.findall(r"`([a-z_@0-9]+)`", doc))
    missing = set(data) - documented
    for part in ("network", "key_players"):
        missing |= set(data[part]) - documented
    for part in ("actors", "sector_pairs", "sector_ei", "coverage", "findings", "suggestions"):
        missing |= set(data[part][0]) - documented
    missing |= set(data["network_measures"]) - documented
    missing |= set(data["model"]) - documented
    missing |= set(data["suggestions"][0]["figures"]) - documented
    assert not missing


def test_sample_orp_analysis_has_findings_and_suggestions_in_both_languages(
        sample: Analysis) -> None:
    assert len(sample.findings) >= 5 and len(sample.suggestions) >= 10
    for item in (*sample.findings, ):
        assert item.text["cs"] and item.text["en"] and item.text["cs"] != item.text["en"]
    for suggestion in sample.suggestions:
        assert suggestion.reasons["cs"] and suggestion.reasons["en"]


@pytest.mark.parametrize("actors", [(), (Actor("o", "OSPOD", "child_protection"),)])
def test_a_network_without_links_or_actors_still_gives_a_whole_analysis(actors) -> None:
    result = graphnet.analyse(Network(actors=actors))
    data = json.loads(result.to_json())
    assert data["network"]["actors"] == len(actors)
    assert data["suggestions"] == []


def test_no_suggestions_asked_gives_none_and_the_same_measures_and_findings(
        sample: Analysis, sample_dir: Path) -> None:
    without = graphnet.analyse(graphnet.load(sample_dir), top_suggestions=0)
    assert without.suggestions == () and sample.suggestions
    pd.testing.assert_frame_equal(without.actors, sample.actors)
    pd.testing.assert_frame_equal(without.sector_pairs, sample.sector_pairs)
    pd.testing.assert_frame_equal(without.coverage, sample.coverage)
    assert without.network_measures == sample.network_measures
    assert without.key_players == sample.key_players
    assert without.findings == sample.findings
    assert without.conventions == sample.conventions


def test_no_suggestions_asked_never_generates_candidates(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import graphnet.suggestions

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("candidates generated although no suggestion was asked for")

    monkeypatch.setattr(graphnet.suggestions, "candidates", refuse)
    assert graphnet.analyse(_small(), top_suggestions=0).suggestions == ()
    with pytest.raises(AssertionError, match="candidates generated"):
        graphnet.analyse(_small(), top_suggestions=5)
