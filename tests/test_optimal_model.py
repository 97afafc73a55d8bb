"""The optimal model: the shipped default follows DOMAIN.md; model files are
validated like data (file, line, key, closest allowed value, all at once)."""

from __future__ import annotations

from pathlib import Path

import pytest

from graphnet.errors import InputError, ValidationError
from graphnet.optimal_model import default_model, load_model, parse_model
from graphnet.vocab import LEVELS, NEEDS, SECTORS

# Sector pairs DOMAIN.md and the issue name as expected to cooperate.
DOMAIN_PAIRS = [
    ("education", "social_services"), ("education", "school_counselling"),
    ("education", "health"), ("education", "child_protection"),
    ("health", "child_protection"), ("health", "social_services"),
    ("police", "child_protection"), ("justice", "child_protection"),
    ("labour_benefits", "social_services"), ("foster_care", "child_protection"),
    ("foster_care", "social_services"), ("community", "education"),
    ("community", "social_services"),
]


@pytest.mark.parametrize(("a", "b"), DOMAIN_PAIRS)
def test_default_model_expects_the_domain_pairs_in_either_order(a: str, b: str) -> None:
    model = default_model()
    assert model.expects(a, b) is not None
    assert model.expects(b, a) == model.expects(a, b)


def test_child_protection_is_expected_to_work_with_every_other_sector() -> None:
    model = default_model()
    others = [code for code in SECTORS.codes if code != "child_protection"]
    assert all(model.expects("child_protection", code) for code in others)


def test_a_sector_is_not_expected_to_cooperate_with_itself() -> None:
    assert default_model().expects("education", "education") is None


def test_pairs_the_model_does_not_name_are_not_expected() -> None:
    assert default_model().expects("police", "health") is None


def test_an_explicit_pair_replaces_the_wildcard_entry() -> None:
    model = parse_model(
        "expected_pairs:\n"
        "  - between: [child_protection, '*']\n"
        "  - between: [education, child_protection]\n"
        "    min_density: 0.4\n"
    )
    explicit = model.expects("education", "child_protection")
    wildcard = model.expects("police", "child_protection")
    assert explicit is not None and explicit.min_density == 0.4
    assert wildcard is not None and wildcard.min_density is None


def test_default_model_says_who_covers_every_need_at_every_level() -> None:
    model = default_model()
    for need in NEEDS.codes:
        for level in LEVELS.codes:
            assert model.expected_sectors(need, level), (need, level)


def test_sectors_may_be_written_as_czech_labels() -> None:
    model = parse_model("expected_pairs:\n  - between: [Školství, sociální služby]\n")
    assert model.expects("education", "social_services") is not None


def test_an_unknown_sector_names_file_line_key_and_the_closest_sector() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_model("reach: 2\nexpected_pairs:\n  - between: [education, polise]\n",
                    file="my-model.yaml")
    problem = caught.value.errors[0]
    assert (problem.file, problem.row, problem.column, problem.value) == (
        "my-model.yaml", 3, "expected_pairs[1].between", "polise")
    assert problem.suggestion == "police"


def test_every_problem_of_a_model_file_is_reported_at_once() -> None:
    text = (
        "expected_pairs:\n"
        "  - between: [education, social_services]\n"
        "    min_densty: 0.2\n"
        "  - between: [health, social_services]\n"
        "    min_density: 20\n"
        "expected_coverage:\n"
        "  - need: zdravi\n"
        "    universal: [health]\n"
        "  - need: safety\n"
        "    targetted: [police]\n"
    )
    with pytest.raises(ValidationError) as caught:
        parse_model(text, file="m.yaml")
    found = {(p.row, p.column, p.suggestion) for p in caught.value.errors}
    assert (3, "expected_pairs[1].min_densty", "min_density") in found
    assert (5, "expected_pairs[2].min_density", "0.2") in found
    assert (10, "expected_coverage[2].targetted", "targeted") in found
    assert len(caught.value.errors) == 3  # "zdravi" is a known spelling of health


def test_a_yaml_syntax_error_gives_its_line() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_model("expected_pairs:\n  - between: [education\n  - x: 1\n", file="m.yaml")
    assert caught.value.errors[0].file == "m.yaml"
    assert caught.value.errors[0].row is not None


def test_load_model_reads_a_file_written_by_excel_users_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "model.yaml"
    path.write_text("expected_pairs:\n  - between: [police, justice]\n", encoding="utf-8-sig")
    model = load_model(path)
    assert model.expects("police", "justice") is not None
    assert model.source == "model.yaml"


def test_load_model_of_a_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such model file"):
        load_model(tmp_path / "nope.yaml")


def test_model_to_dict_lists_pairs_wildcards_and_coverage() -> None:
    data = default_model().to_dict()
    assert data["schema"] == "graphnet.optimal_model/1"
    assert {"sector_a": "education", "sector_b": "social_services"}.items() <= \
        data["expected_pairs"][[p["sector_a"] + p["sector_b"] for p in data["expected_pairs"]]
                               .index("educationsocial_services")].items()
    assert data["wildcards"][0]["sector"] == "child_protection"
    assert len(data["expected_coverage"]) == len(NEEDS) * len(LEVELS)
