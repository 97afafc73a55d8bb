"""The fast writers give what the plain ones give: compare.json the values the
standard library writes, the records what dataclasses.asdict gives, and the HTML
and Markdown with only the shown rows formatted."""

from __future__ import annotations

import json
from dataclasses import asdict, replace

import pytest

from graphnet.compare import Comparison
from graphnet.compare.render import build_content, render_json
from graphnet.report.files import json_ready

FIXED_TIME = "2026-11-22T17:00:00+00:00"

#: Floats orjson spells otherwise than Python's repr (1e-9 <= |x| < 1e-4), their
#: neighbours across the limits, and numbers that merely contain "0.0000".
AWKWARD_FLOATS = (1e-05, -2.5e-05, 3e-06, 1.5e-07, -7.431470752516421e-09, 1e-09,
                  9.999999999999999e-05, 1e-04, 1e-10, 10.00001, 1e16, 0.0, -0.0)


def standard_library_json(comparison: Comparison) -> str:
    data = json_ready(comparison.to_dict(generated_at=FIXED_TIME))
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def with_awkward_floats(comparison: Comparison) -> Comparison:
    positions = list(comparison.positions)
    assert len(positions) >= len(AWKWARD_FLOATS)
    for i, value in enumerate(AWKWARD_FLOATS):
        positions[i] = replace(positions[i], betweenness_before=value,
                               betweenness_after=float("nan") if i % 2 else -value)
    return replace(comparison, positions=tuple(positions))


def same_json(text: str, expected: str) -> None:
    """The two JSON texts hold the same values, floats bit for bit, keys in the same order."""
    ours, theirs = json.loads(text), json.loads(expected)
    assert ours == theirs
    assert json.dumps(ours) == json.dumps(theirs)  # same key order, same float reprs


def test_json_holds_what_the_standard_library_writes(sample_comparison: Comparison) -> None:
    text = render_json(sample_comparison, FIXED_TIME)
    same_json(text, standard_library_json(sample_comparison))
    assert text.endswith("}\n") and text.startswith('{\n  "schema": "graphnet.compare/1",\n')


def test_json_writes_small_floats_and_nan_as_the_same_values(
        sample_comparison: Comparison) -> None:
    awkward = with_awkward_floats(sample_comparison)
    text = render_json(awkward, FIXED_TIME)
    same_json(text, standard_library_json(awkward))
    values = [p["betweenness_before"] for p in json.loads(text)["positions"]]
    assert values[:len(AWKWARD_FLOATS)] == list(AWKWARD_FLOATS)
    assert [p["betweenness_after"] for p in json.loads(text)["positions"]][1] is None  # NaN


def test_to_dict_records_equal_dataclasses_asdict(sample_comparison: Comparison) -> None:
    data = sample_comparison.to_dict()
    assert data["positions"] == [
        asdict(p) | {"degree_change": p.degree_change,
                     "betweenness_change": p.betweenness_change}
        for p in sample_comparison.positions]
    assert data["links"]["lost"] == [asdict(c) | {"weight_change": c.weight_change}
                                     for c in sample_comparison.links.lost]


# The sample loses 12 ties (it lost more links when both ends' reports and the
# platform's pairs were counted as links), fewer than TOP: 1 and 10 cut the list.
@pytest.mark.parametrize("top", [1, 10])
def test_html_and_markdown_content_shows_top_rows_and_counts_all(
        sample_comparison: Comparison, top: int) -> None:
    content = build_content(sample_comparison, "en", top=top)
    lost = sample_comparison.links.lost
    assert len(lost) > top
    assert content["lost"]["total"] == len(lost)
    assert [r["source"] for r in content["lost"]["rows"]] == [c.source_name for c in lost[:top]]
    assert "compare_links.csv" in content["lost"]["more"]
