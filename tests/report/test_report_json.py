"""report.json: the library's analysis plus the report's metadata, deterministic."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import graphnet
from graphnet.analysis import SCHEMA as ANALYSIS_SCHEMA
from graphnet.analysis import Analysis
from graphnet.report import REPORT_SCHEMA, ReportOptions, build_report, write_report


def _without_generation_time(data: dict) -> dict:
    data = json.loads(json.dumps(data))
    data["analysis"].pop("generated_at")
    return data


@pytest.fixture(scope="module")
def fresh_analysis(sample_dir: Path) -> Analysis:
    """The sample read and analysed again, apart from the session's report."""
    return graphnet.analyse(graphnet.load(sample_dir))


def test_report_json_figures_equal_the_library_analysis(
        fresh_analysis: Analysis, sample_reports: dict[str, Path]) -> None:
    written = json.loads((sample_reports["en"] / "report.json").read_text("utf-8"))
    fresh = fresh_analysis.to_dict()
    fresh.pop("generated_at")
    assert _without_generation_time(written)["analysis"] == json.loads(json.dumps(fresh))


def test_report_json_declares_its_schema_and_conventions(sample_reports: dict[str, Path]) -> None:
    data = json.loads((sample_reports["cs"] / "report.json").read_text("utf-8"))
    assert data["schema"] == REPORT_SCHEMA
    assert data["analysis"]["schema"] == ANALYSIS_SCHEMA
    assert data["analysis"]["conventions"]["betweenness"]
    assert data["report"]["language"] == "cs"
    assert data["report"]["top"] == 5


def test_report_json_summary_points_at_the_findings_the_summary_shows(
        sample_reports: dict[str, Path]) -> None:
    data = json.loads((sample_reports["en"] / "report.json").read_text("utf-8"))
    html = (sample_reports["en"] / "report.html").read_text("utf-8")
    chosen = data["report"]["summary"]["findings"]
    assert len(chosen) == 5
    for index in chosen:
        text = data["analysis"]["findings"][index]["text"]["en"]
        assert text.replace("'", "&#39;").replace('"', "&#34;") in html


def test_same_input_gives_byte_identical_report_json_apart_from_generation_time(
        fresh_analysis: Analysis, sample_reports: dict[str, Path], tmp_path: Path) -> None:
    write_report(build_report(fresh_analysis, ReportOptions(lang="cs", top=5)), tmp_path)
    first = (sample_reports["cs"] / "report.json").read_bytes().splitlines()
    second = (tmp_path / "report.json").read_bytes().splitlines()
    assert len(first) == len(second)
    differing = [a for a, b in zip(first, second, strict=True) if a != b]
    assert all(line.strip().startswith(b'"generated_at"') for line in differing)
    assert len(differing) <= 1
