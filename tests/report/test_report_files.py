"""The report folder: every file there, tables in the spreadsheet dialect of the language."""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import load_workbook

from graphnet.analysis import Analysis
from graphnet.model import Actor, Network
from graphnet.report import REPORT_FILES, ReportOptions, build_report, make_report, write_report

CONTACT = "Jana Nováková, jana.novakova@example.org"  # as in conftest.py


def _rows(path: Path, delimiter: str) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, delimiter=delimiter))


def test_report_folder_holds_every_file_and_the_map(sample_reports: dict[str, Path]) -> None:
    names = {p.name for p in sample_reports["cs"].iterdir()}
    assert set(REPORT_FILES) | {"map.html"} <= names


def test_csv_files_start_with_a_bom(sample_reports: dict[str, Path]) -> None:
    for name in ("actors.csv", "sector_pairs.csv", "findings.csv", "suggestions.csv",
                 "coverage.csv"):
        assert (sample_reports["cs"] / name).read_bytes().startswith(b"\xef\xbb\xbf"), name


def test_czech_csv_uses_semicolons_and_decimal_commas(
        sample_reports: dict[str, Path], sample_analysis: Analysis) -> None:
    rows = _rows(sample_reports["cs"] / "sector_pairs.csv", ";")
    assert len(rows) == len(sample_analysis.sector_pairs) + 1
    density = rows[0].index("Hustota")
    fractional = [r[density] for r in rows[1:] if r[density] not in ("0", "0,0", "1", "1,0", "")]
    assert fractional and all("," in v and "." not in v for v in fractional)


def test_english_csv_uses_commas_and_decimal_points(sample_reports: dict[str, Path]) -> None:
    rows = _rows(sample_reports["en"] / "sector_pairs.csv", ",")
    density = rows[0].index("Density")
    fractional = [r[density] for r in rows[1:] if r[density] not in ("0.0", "1.0", "0", "1", "")]
    assert fractional and all("." in v for v in fractional)


def test_xlsx_sheets_hold_the_same_tables_as_the_csv_files(
        sample_reports: dict[str, Path]) -> None:
    workbook = load_workbook(sample_reports["en"] / "report.xlsx")
    stems = ["actors", "sector_pairs", "findings", "suggestions", "coverage", "ties"]
    assert len(workbook.worksheets) == len(stems)
    for sheet, stem in zip(workbook.worksheets, stems, strict=True):
        rows = _rows(sample_reports["en"] / f"{stem}.csv", ",")
        assert sheet.max_row == len(rows), stem
        assert [c.value for c in sheet[1]] == rows[0], stem


def test_personal_fields_are_left_out_by_default(hostile_report: Path) -> None:
    for path in hostile_report.iterdir():
        if path.suffix in (".html", ".md", ".json", ".csv"):
            assert "jana.novakova" not in path.read_text("utf-8-sig"), path.name


def test_personal_fields_are_shown_when_asked(hostile_analysis: Analysis, tmp_path: Path) -> None:
    options = ReportOptions(lang="en", include_personal=True)
    write_report(build_report(hostile_analysis, options, with_map=False), tmp_path)
    rows = _rows(tmp_path / "actors.csv", ",")
    assert "Contact" in rows[0]
    assert {r[rows[0].index("Contact")] for r in rows[1:]} == {CONTACT}


def test_a_network_of_one_actor_still_gets_a_whole_report(tmp_path: Path) -> None:
    network = Network(actors=(Actor("a", "OSPOD Lhota", "child_protection"),), name="Lhota")
    html = make_report(network, tmp_path / "one", lang="en")
    assert set(REPORT_FILES) <= {p.name for p in html.parent.iterdir()}
    page = html.read_text("utf-8")
    assert "OSPOD Lhota" in page and 'id="method"' in page
