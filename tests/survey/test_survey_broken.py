"""Broken forms: one line per problem, exit 1, nothing written; --partial writes the rest."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from click.testing import CliRunner
from survey_filling import ACTORS_SHEET, collected, fill, form_of, header_columns, snapshot

from graphnet.cli import main


def _run(*args: str) -> tuple[int, list[str], str]:
    result = CliRunner().invoke(main, ["survey", "collect", "--lang", "en", *args])
    lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    return result.exit_code, lines, result.output


def _typo(source: Path, target: Path) -> int:
    """Type "mesicen" into the first answer cell of OSPOD's row; return that row."""
    book = openpyxl.load_workbook(source)
    sheet = book[ACTORS_SHEET]
    header, columns = header_columns(sheet)
    row = next(r for r in range(header + 1, sheet.max_row + 1)
               if sheet.cell(r, 1).value == "OSPOD")
    sheet.cell(row, columns["Předáváme si informace"], "mesicen")
    book.save(target)
    return row


def test_every_broken_form_is_one_line_and_nothing_is_written(blank_forms: Path, data: Path,
                                                              tmp_path: Path) -> None:
    returned = tmp_path / "returned"
    returned.mkdir()
    # a good form: it must not be collected either while others are broken
    fill(form_of(blank_forms, "NZDM"), returned / "good.xlsx", 1)
    # a typo in a frequency
    typo_row = _typo(form_of(blank_forms, "SAS-RODINA"), returned / "typo.xlsx")
    # a form of an actor that is not on the roster
    book = openpyxl.load_workbook(form_of(blank_forms, "AZYL"))
    book["graphnet"]["B3"] = "ZRUSENY-AKTER"
    book.save(returned / "unknown.xlsx")
    # the header row deleted
    book = openpyxl.load_workbook(form_of(blank_forms, "PPP"))
    book[ACTORS_SHEET].delete_rows(1)
    book.save(returned / "noheader.xlsx")
    # a workbook that is no graphnet form
    other = openpyxl.Workbook()
    assert other.active is not None
    other.active["A1"] = "seznam kontaktů"
    other.save(returned / "kontakty.xlsx")
    before = snapshot(data)

    code, lines, output = _run(str(returned), "--into", str(data))

    assert code == 1
    assert "Traceback" not in output
    assert len(lines) == 4, lines
    by_file = {line.split(" ")[1].rstrip(",:"): line for line in lines}
    assert set(by_file) == {"typo.xlsx", "unknown.xlsx", "noheader.xlsx", "kontakty.xlsx"}
    typo = by_file["typo.xlsx"]
    assert "[Spolupráce]" in typo and f"row {typo_row}" in typo
    assert 'column "Předáváme si informace"' in typo and '"mesicen"' in typo
    assert '(did you mean "měsíčně"?)' in typo
    assert '"ZRUSENY-AKTER"' in by_file["unknown.xlsx"]
    assert "roster" in by_file["unknown.xlsx"]
    assert "header" in by_file["noheader.xlsx"] and "[Spolupráce]" in by_file["noheader.xlsx"]
    assert "not a graphnet" in by_file["kontakty.xlsx"]
    assert "nothing was written" in output
    assert snapshot(data) == before


def test_partial_writes_what_is_valid(blank_forms: Path, data: Path, tmp_path: Path) -> None:
    returned = tmp_path / "returned"
    returned.mkdir()
    good = fill(form_of(blank_forms, "NZDM"), returned / "good.xlsx", 1)
    other = openpyxl.Workbook()
    other.save(returned / "kontakty.xlsx")
    code, lines, output = _run(str(returned), "--into", str(data), "--partial")
    assert code == 1
    assert len(lines) == 1 and "kontakty.xlsx" in lines[0]
    assert collected(data) == good.reports


def test_partial_keeps_the_valid_cells_of_a_form_with_a_typo(blank_forms: Path, data: Path,
                                                             tmp_path: Path) -> None:
    returned = tmp_path / "returned"
    returned.mkdir()
    filled = fill(form_of(blank_forms, "SAS-RODINA"), tmp_path / "filled.xlsx", 4, skip=0.0)
    _typo(filled.path, returned / "typo.xlsx")
    code, lines, _ = _run(str(returned), "--into", str(data), "--partial")
    assert code == 1 and len(lines) == 1
    lost = {r for r in filled.reports if r[2] == "informace" and "OSPOD" in r[:2]}
    assert collected(data) == filled.reports - lost


def test_an_ods_file_is_asked_to_be_saved_as_xlsx(data: Path, tmp_path: Path) -> None:
    returned = tmp_path / "returned"
    returned.mkdir()
    (returned / "dotaznik.ods").write_bytes(b"PK\x03\x04")
    code, lines, _ = _run(str(returned), "--into", str(data))
    assert code == 1 and len(lines) == 1 and ".xlsx" in lines[0]


def test_an_empty_folder_says_so(data: Path, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(main, ["survey", "collect", "--lang", "en", str(tmp_path / "empty"),
                                       "--into", str(data)])
    assert result.exit_code == 1 and "no forms" in result.output
    assert "Traceback" not in result.output
