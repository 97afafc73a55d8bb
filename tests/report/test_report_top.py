"""Long lists stop at --top in the HTML and point to the CSV file holding the rest."""

from __future__ import annotations

import csv
from pathlib import Path

from graphnet.analysis import Analysis
from graphnet.graphs import collaboration_graph
from graphnet.i18n import t
from graphnet.report import ReportOptions
from graphnet.report.content import build_content


def test_lists_are_cut_at_top_with_the_count_of_the_rest(sample_analysis: Analysis) -> None:
    content = build_content(sample_analysis, ReportOptions(lang="en", top=3))
    peripheral = content["actors"]["peripheral"]
    expected = int(sample_analysis.actors["is_peripheral"].sum())
    assert expected > 3
    assert len(peripheral["rows"]) == 3
    assert peripheral["total"] == expected
    assert peripheral["more"] == expected - 3
    assert "actors.csv" in peripheral["more_text"]


def test_html_points_to_the_csv_for_the_rest(sample_reports: dict[str, Path],
                                             sample_analysis: Analysis) -> None:
    page = (sample_reports["en"] / "report.html").read_text("utf-8")
    rest = len(sample_analysis.suggestions) - 5
    assert t("report.more_in_file", "en", n=rest, file="suggestions.csv") in page
    with (sample_reports["en"] / "suggestions.csv").open(encoding="utf-8-sig") as handle:
        assert sum(1 for _ in csv.reader(handle)) == len(sample_analysis.suggestions) + 1


def test_peripheral_actors_are_shown_with_their_only_partner(sample_analysis: Analysis) -> None:
    # The only partner by working ties (the layer measured): meeting at the platform
    # is no partnership, so the graph is drawn from the analysis's view, not the data.
    content = build_content(sample_analysis, ReportOptions(lang="en", top=50))
    graph = collaboration_graph(sample_analysis.view)
    network = sample_analysis.network
    rows = content["actors"]["peripheral"]["rows"]
    assert rows
    for row in rows:
        (partner,) = graph[row["id"]]
        assert row["partner"] == network.actor(partner).name
