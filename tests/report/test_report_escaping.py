"""Hostile actor names stay text in every output: HTML, Markdown, XLSX and CSV."""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import load_workbook

SCRIPT_NAME = "<script>alert(1)</script>"  # as in conftest.py
FORMULA_NAME = '=HYPERLINK("http://example.org","x")'


def test_html_holds_the_script_name_only_escaped(hostile_report: Path) -> None:
    html = (hostile_report / "report.html").read_text("utf-8")
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_markdown_escapes_the_script_name(hostile_report: Path) -> None:
    markdown = (hostile_report / "report.md").read_text("utf-8")
    assert SCRIPT_NAME not in markdown
    assert r"\<script\>alert(1)\</script\>" in markdown


def test_xlsx_cells_hold_the_literal_names_as_text(hostile_report: Path) -> None:
    workbook = load_workbook(hostile_report / "report.xlsx")
    cells = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]
    script_cells = [c for c in cells if c.value == SCRIPT_NAME]
    formula_cells = [c for c in cells if c.value == FORMULA_NAME]
    assert script_cells and formula_cells
    assert {c.data_type for c in formula_cells} == {"s"}
    assert not any(c.data_type == "f" for c in cells)


def test_csv_defuses_a_name_that_starts_like_a_formula(hostile_report: Path) -> None:
    with (hostile_report / "actors.csv").open(encoding="utf-8-sig", newline="") as handle:
        values = [value for row in csv.reader(handle) for value in row]
    assert "'" + FORMULA_NAME in values
    assert FORMULA_NAME not in values
    assert SCRIPT_NAME in values
