"""The report says what it rests on (issue 11 §2): ties, not reports; who answered;
the platform apart from the working ties.

On the sample (fictional Horní Lhota 2025) OSPOD reports 24 referrals to SAS Rodina
and SAS Rodina reports 20 from OSPOD: one tie, 24 under max, 20 under min, never 44.
12 of 53 actors answered (22.6 %).
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphnet.analysis import Analysis
from graphnet.cli import main
from graphnet.report import ReportOptions
from graphnet.report.content import build_content

# Working ties on the sample under max, and the platform pairs.
STATUS_COUNTS = {"confirmed": 7, "one_sided": 17, "unanswered": 31, "recorded": 36,
                 "derived": 115}


def _visible(page: str) -> str:
    """The page without its pictures (base64 holds any digits)."""
    return re.sub(r"data:[^\"']+", "", page)


def _ties_csv(folder: Path, separator: str) -> list[dict[str, str]]:
    with (folder / "ties.csv").open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=separator))


def _ospod_sas_referral(rows: list[dict[str, str]], lang: str) -> dict[str, str]:
    kind = "referral" if lang == "en" else "doporučení"
    head = ("Actor A", "Actor B", "Kind of tie") if lang == "en" else \
        ("Aktér A", "Aktér B", "Druh vazby")
    (row,) = [r for r in rows if (r[head[0]], r[head[1]], r[head[2]])
              == ("OSPOD", "SAS-RODINA", kind)]
    return row


def test_the_data_section_gives_the_response_rate_overall_and_per_sector(
        sample_reports: dict[str, Path]) -> None:
    page = (sample_reports["en"] / "report.html").read_text("utf-8")
    section = page[page.index('<section id="basis">'):page.index('<section id="sectors">')]
    assert "Answered: 12 of 53 actors (22.6%)." in section
    assert "respondents table" in section
    # education: 1 of 13 schools and kindergartens answered
    assert re.search(r"schools</td><td class=\"num\">1</td><td class=\"num\">13</td>"
                     r"<td class=\"num\">7.7%</td>", section)
    czech = (sample_reports["cs"] / "report.html").read_text("utf-8")
    assert "Odpověděli: 12 z 53 aktérů (22,6\xa0%)." in czech


def test_report_json_carries_the_rate_statuses_layer_and_rule(
        sample_reports: dict[str, Path]) -> None:
    data = json.loads((sample_reports["en"] / "report.json").read_text("utf-8"))
    basis = data["report"]["data"]
    assert round(basis["response_rate"], 3) == 0.226
    assert basis["respondents_source"] == "table"
    assert basis["response_rate_by_sector"]["child_protection"] == 1.0
    assert basis["tie_statuses"] == STATUS_COUNTS
    assert (basis["layer"], basis["combine"]) == ("working", "max")
    assert data["analysis"]["tie_rules"] == {"layer": "working", "combine": "max"}
    assert "SPC" in basis["non_respondents"]


def test_the_tie_statuses_are_counted_in_the_page(sample_reports: dict[str, Path]) -> None:
    page = (sample_reports["en"] / "report.html").read_text("utf-8")
    for status, n in STATUS_COUNTS.items():
        assert re.search(rf'<tr data-status="{status}"><td>[^<]+</td><td class="num">{n}</td>',
                         page), status


def test_non_respondents_are_named_and_unknown_actors_are_not_called_isolated(
        sample_analysis: Analysis) -> None:
    content = build_content(sample_analysis, ReportOptions(lang="en", top=100))
    basis = content["basis"]
    named = {row["name"] for row in basis["non_respondents"]["rows"]}
    assert len(named) == 41
    assert {"SPC Horní Lhota", "Městská policie Horní Lhota"} <= named
    unknown = {row["name"] for row in basis["unknown"]}
    assert unknown and unknown <= named
    isolated = {row["name"] for row in content["actors"]["isolated"]["rows"]}
    assert not unknown & isolated


def test_ospod_sas_rodina_is_one_tie_of_24_never_44(sample_reports: dict[str, Path]) -> None:
    page = _visible((sample_reports["en"] / "report.html").read_text("utf-8"))
    assert "44" not in page
    row = _ospod_sas_referral(_ties_csv(sample_reports["en"], ","), "en")
    assert (row["Reported by A"], row["Reported by B"], row["Tie weight"]) == \
        ("24.0", "20.0", "24.0")
    assert row["Confirmation"] == "confirmed"
    data = json.loads((sample_reports["en"] / "report.json").read_text("utf-8"))
    (tie,) = [t for t in data["analysis"]["ties"] if (t["source"], t["target"], t["kind"])
              == ("OSPOD", "SAS-RODINA", "referral")]
    assert tie["weight"] == 24
    assert sorted(r["weight"] for r in tie["reports"]) == [20, 24]


def test_combine_min_makes_the_tie_20_and_says_so(sample_dir: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["report", str(sample_dir), "-o", str(tmp_path),
                                       "--lang", "cs", "--combine", "min"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    row = _ospod_sas_referral(_ties_csv(tmp_path, ";"), "cs")
    assert (row["Váha vazby"], row["Pravidlo"]) == ("20,0", "min")
    data = json.loads((tmp_path / "report.json").read_text("utf-8"))
    assert data["report"]["data"]["combine"] == "min"
    # under min only what both ends (or the networker) confirm counts
    assert data["report"]["data"]["tie_statuses"]["one_sided"] == 0
    page = (tmp_path / "report.html").read_text("utf-8")
    assert "platí menší z obou hlášení" in page


def test_ties_platform_measures_the_platform(sample_dir: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["report", str(sample_dir), "-o", str(tmp_path),
                                       "--lang", "en", "--ties", "platform"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "report.json").read_text("utf-8"))
    assert data["report"]["data"]["layer"] == "platform"
    page = (tmp_path / "report.html").read_text("utf-8")
    assert "Only the networking platform is measured" in page


def test_the_sector_matrix_shows_working_ties_and_the_platform_apart(
        sample_analysis: Analysis, sample_reports: dict[str, Path]) -> None:
    content = build_content(sample_analysis, ReportOptions(lang="en"))
    working, platform = content["sectors"]["matrix"], content["sectors"]["platform_matrix"]
    assert working["rows"] and platform["rows"]
    assert working["rows"] != platform["rows"]
    page = (sample_reports["en"] / "report.html").read_text("utf-8")
    assert "Working ties between sectors" in page
    assert "Platform co-attendance between sectors" in page


def test_the_platform_section_has_attendance_dropouts_and_pairs_that_do_not_work_together(
        sample_reports: dict[str, Path]) -> None:
    page = (sample_reports["en"] / "report.html").read_text("utf-8")
    section = page[page.index('<section id="platform">'):page.index('<section id="actors">')]
    meetings = section[section.index('id="platform-meetings"'):]
    assert meetings.count("<tr>") == 7  # header and six meetings
    assert "child protection (OSPOD): 1; social services: 6" in section
    assert "Městská policie Horní Lhota" in section  # stopped coming
    assert "Policie ČR OO Horní Lhota – SAS Rodina" in section  # meet, do not work together


@pytest.mark.parametrize("lang", ["cs", "en"])
def test_findings_table_names_the_new_kinds(sample_reports: dict[str, Path], lang: str) -> None:
    text = (sample_reports[lang] / "findings.csv").read_text("utf-8-sig")
    labels = {"en": ["one-sided tie", "unknown actor", "meet at the platform",
                     "stopped attending"],
              "cs": ["jednostranná vazba", "neznámý aktér", "potkávají se na platformě",
                     "přestal chodit"]}[lang]
    for label in labels:
        assert label in text
    assert "unreciprocated" not in text and "neopětovan" not in text


def test_the_method_states_the_layer_and_the_rule(sample_reports: dict[str, Path]) -> None:
    page = (sample_reports["en"] / "report.html").read_text("utf-8")
    method = page[page.index('<section id="method">'):]
    assert "<dt>tie_layer</dt>" in method and "<dt>tie_combine</dt>" in method


def test_a_hostile_name_among_the_non_respondents_stays_text(hostile_report: Path) -> None:
    page = (hostile_report / "report.html").read_text("utf-8")
    named = page[page.index('id="non-respondents"'):]
    named = named[:named.index("</p>")]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in named
    assert "<script>" not in page
    markdown = (hostile_report / "report.md").read_text("utf-8")
    assert "\\<script\\>" in markdown
