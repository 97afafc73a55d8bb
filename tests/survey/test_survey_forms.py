"""The questionnaire workbooks as a respondent opens them."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner
from survey_filling import ACTORS_SHEET, RECORD_SHEET, form_of, header_columns

import graphnet
from graphnet.cli import main
from graphnet.survey import forms


def test_one_form_per_actor_named_by_id_and_name(blank_forms: Path, sample_network) -> None:
    files = sorted(p.name for p in blank_forms.iterdir())
    assert len(files) == len(sample_network.actors)
    for actor in sample_network.actors:
        [name] = [f for f in files if f.startswith(actor.id + "-")]
        assert re.fullmatch(r"[A-Za-z0-9._-]+\.xlsx", name), name
    assert "PLDD-SVOB-mudr-hana-svobodova-prakticky-lekar-pro-deti-a-dorost.xlsx" in files


def test_sheets_markers_and_protection(blank_forms: Path, sample_network) -> None:
    book = openpyxl.load_workbook(form_of(blank_forms, "OSPOD"))
    assert book.sheetnames == ["Pokyny", RECORD_SHEET, ACTORS_SHEET, "graphnet"]
    markers = {row[0]: row[1] for row in book["graphnet"].iter_rows(max_col=2, values_only=True)
               if row[0]}
    assert markers["form"] == "graphnet.survey/1"
    assert markers["graphnet_version"] == graphnet.__version__
    assert markers["actor"] == "OSPOD" and markers["lang"] == "cs"
    assert len(markers["roster_digest"]) == 16
    assert book["graphnet"].sheet_state == "veryHidden"
    assert book.security is not None and book.security.lockStructure
    for name in ("Pokyny", RECORD_SHEET, ACTORS_SHEET):
        assert book[name].protection.sheet, name
    instructions = " ".join(str(c.value) for c in book["Pokyny"]["A"] if c.value)
    assert "OSPOD MěÚ Horní Lhota" in instructions and "týdně" in instructions


def test_every_other_actor_once_grouped_by_sector(blank_forms: Path, sample_network) -> None:
    book = openpyxl.load_workbook(form_of(blank_forms, "OSPOD"))
    sheet = book[ACTORS_SHEET]
    header, columns = header_columns(sheet)
    assert sheet.column_dimensions["A"].hidden
    ids, sectors_seen = [], []
    current = None
    for row in range(header + 1, sheet.max_row + 1):
        marker = str(sheet.cell(row, 1).value or "")
        if marker.startswith("sector:"):
            current = marker[len("sector:"):]
            assert current not in sectors_seen
            sectors_seen.append(current)
        elif marker and not marker.startswith("new"):
            ids.append(marker)
            assert sample_network.actor(marker).sector == current
            assert sheet.cell(row, columns["Organizace"]).value == \
                sample_network.actor(marker).name
    assert sorted(ids) == sorted(a.id for a in sample_network.actors if a.id != "OSPOD")
    assert len(ids) == len(set(ids))


def test_answer_cells_are_open_drop_downs(blank_forms: Path) -> None:
    book = openpyxl.load_workbook(form_of(blank_forms, "NZDM"))
    sheet = book[ACTORS_SHEET]
    header, columns = header_columns(sheet)
    row = next(r for r in range(header + 1, sheet.max_row + 1)
               if sheet.cell(r, 1).value == "OSPOD")
    lists = [v for v in sheet.data_validations.dataValidation if v.type == "list"]
    steps = [c.value for c in book["graphnet"]["E"] if c.value]
    assert steps == ["nikdy", "ročně", "čtvrtletně", "měsíčně", "týdně"]
    for question in ("Posíláme jim rodiny", "Posílají nám rodiny", "Předáváme si informace",
                     "Spolupracujeme na případech", "Pravidelně se scházíme"):
        cell = sheet.cell(row, columns[question])
        assert cell.protection.locked is False
        [validation] = [v for v in lists if cell.coordinate in v.sqref]
        assert validation.formula1 == "graphnet!$E$1:$E$5"
    assert sheet.cell(row, columns["Poznámka"]).protection.locked is False
    assert sheet.cell(row, columns["Organizace"]).protection.locked is not False
    new_row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "new:1")
    sector_cell = sheet.cell(new_row, columns["Sektor"])
    assert sector_cell.protection.locked is False
    assert any(sector_cell.coordinate in v.sqref and v.formula1.startswith("graphnet!$D$1")
               for v in lists)
    record = book[RECORD_SHEET]
    fields = [c.value for c in record["A"]][1:]
    assert fields == ["name", "sector", "type", "municipality", "needs", "levels"]
    assert record["C2"].value == "NZDM Klub Pod mostem"
    assert record["D2"].protection.locked is False


def test_a_name_starting_with_equals_stays_text(tmp_path: Path) -> None:
    (tmp_path / "akteri.csv").write_text(
        "id;název;sektor\na;=HYPERLINK(\"http://x\");OSPOD\nb;ZŠ;školství\n", encoding="utf-8")
    forms(tmp_path, tmp_path / "out")
    book = openpyxl.load_workbook(form_of(tmp_path / "out", "b"))
    values = [c.value for c in book[ACTORS_SHEET]["B"]]
    assert '=HYPERLINK("http://x")' in values
    assert book[ACTORS_SHEET]["B3"].data_type == "s"


def test_english_forms(tmp_path: Path, sample_dir: Path) -> None:
    result = CliRunner().invoke(main, ["survey", "forms", str(sample_dir), "-o",
                                       str(tmp_path / "f"), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "Made 53 forms" in result.output
    book = openpyxl.load_workbook(form_of(tmp_path / "f", "OSPOD"))
    assert book.sheetnames == ["Instructions", "Your record", "Cooperation", "graphnet"]
    assert [c.value for c in book["graphnet"]["E"] if c.value] == [
        "never", "yearly", "quarterly", "monthly", "weekly"]


def test_forms_of_bad_data_exit_1(tmp_path: Path) -> None:
    (tmp_path / "akteri.csv").write_text("id;název;sektor\na;A;neznamy\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["survey", "forms", str(tmp_path), "-o",
                                       str(tmp_path / "out")])
    assert result.exit_code == 1 and "akteri.csv" in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("text, message", [
    ("survey:\n  frequency: {weekly: -1}\n", "survey.frequency.weekly"),
    ("survey:\n  frequency: {tydne2: 3}\n", "survey.frequency.tydne2"),
    ("survey:\n  frequency:\n    - {code: a, cs: a, en: a, weight: 2}\n", "survey.frequency[1]"),
])
def test_bad_survey_settings(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "akteri.csv").write_text("id;název;sektor\na;A;OSPOD\n", encoding="utf-8")
    (tmp_path / "graphnet.yaml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["survey", "forms", str(tmp_path), "-o",
                                       str(tmp_path / "out")])
    assert result.exit_code == 1, result.output
    assert "graphnet.yaml" in result.output and message in result.output


def test_a_scale_of_ones_own(tmp_path: Path) -> None:
    (tmp_path / "akteri.csv").write_text("id;název;sektor\na;A;OSPOD\nb;B;OSPOD\n",
                                         encoding="utf-8")
    (tmp_path / "graphnet.yaml").write_text(
        "survey:\n  frequency:\n    - {code: never, cs: vůbec, en: never, weight: 0}\n"
        "    - {code: daily, cs: denně, en: daily, weight: 250}\n", encoding="utf-8")
    forms(tmp_path, tmp_path / "out")
    book = openpyxl.load_workbook(form_of(tmp_path / "out", "a"))
    assert [c.value for c in book["graphnet"]["E"] if c.value] == ["vůbec", "denně"]


def test_xlsx_parts_are_well_formed(blank_forms: Path) -> None:
    with zipfile.ZipFile(form_of(blank_forms, "PPP")) as archive:
        assert archive.testzip() is None
        workbook = archive.read("xl/workbook.xml")
    assert b'<workbookProtection lockStructure="1"/>' in workbook
