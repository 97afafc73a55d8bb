"""The tables behind the report: labels in the language, numbers rounded for people only."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from graphnet.analysis import Analysis
from graphnet.report.tables import actors_table, findings_table, significant


def test_significant_keeps_six_digits_of_small_and_large_numbers() -> None:
    rounded = significant(pd.Series([0.0020760123456, 123456789.0, 1.5e-9, 0.0, float("nan")]))
    assert rounded.tolist()[:4] == [0.00207601, 123457000.0, 1.5e-9, 0.0]
    assert pd.isna(rounded.iloc[4])


def test_spreadsheet_numbers_are_rounded_but_report_json_keeps_full_precision(
        sample_analysis: Analysis, sample_reports: dict[str, Path]) -> None:
    table = actors_table(sample_analysis, "en")
    shown = dict(zip(table["ID"], table["Betweenness"], strict=True))
    data = json.loads((sample_reports["en"] / "report.json").read_text("utf-8"))
    exact = {r["id"]: r["betweenness"] for r in data["analysis"]["actors"]}
    assert exact == dict(sample_analysis.actors["betweenness"].items())
    assert all(abs(shown[i] - exact[i]) <= 1e-5 * max(abs(exact[i]), 1e-12) for i in exact)


def test_findings_table_names_actors_and_labels_kinds_in_czech(sample_analysis: Analysis) -> None:
    table = findings_table(sample_analysis, "cs")
    assert len(table) == len(sample_analysis.findings)
    assert "jediné místo selhání" in set(table["Druh zjištění"])
    ospod = next(a.name for a in sample_analysis.network.actors if a.sector == "child_protection")
    assert any(ospod in names for names in table["Aktéři"])
