"""Forms that went through LibreOffice (headless) read back exactly."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from survey_filling import ACTORS_SHEET, collected, fill, form_of, header_columns

from graphnet.survey import collect

SOFFICE = shutil.which("soffice")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed: "
                       "apt-get install libreoffice-calc-nogui"),
]


def _convert(files: list[Path], out: Path, profile: Path) -> list[Path]:
    """Open and save each file in LibreOffice Calc as .xlsx (what a respondent's save does)."""
    out.mkdir(parents=True, exist_ok=True)
    assert SOFFICE is not None
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "xlsx:Calc Office Open XML", "--outdir", str(out),
                    *map(str, files)], check=True, capture_output=True, timeout=240)
    converted = [out / f.name for f in files]
    assert all(path.is_file() for path in converted), list(out.iterdir())
    return converted


def test_filled_then_saved_by_libreoffice(blank_forms: Path, data: Path, tmp_path: Path) -> None:
    filled = [fill(form_of(blank_forms, actor), tmp_path / "filled" / f"{actor}.xlsx", seed,
                   typed=True, note_every=5)
              for seed, actor in enumerate(["OSPOD", "ZS-KOM", "PLDD-SVOB"])]
    _convert([f.path for f in filled], tmp_path / "returned", tmp_path / "profile")
    collect(tmp_path / "returned", data)
    expected = set().union(*(f.reports for f in filled))
    assert len(expected) > 50
    assert collected(data) == expected


def test_blank_opened_in_libreoffice_then_filled(blank_forms: Path, data: Path,
                                                 tmp_path: Path) -> None:
    [converted] = _convert([form_of(blank_forms, "SAS-RODINA")], tmp_path / "lo",
                           tmp_path / "profile")
    book = openpyxl.load_workbook(converted)
    # LibreOffice kept the layout graphnet made: hidden id column, protection, drop-downs
    sheet = book[ACTORS_SHEET]
    assert sheet.column_dimensions["A"].hidden
    assert sheet.protection.sheet
    assert any(v.type == "list" for v in sheet.data_validations.dataValidation)
    assert book["graphnet"].sheet_state in ("hidden", "veryHidden")
    header, _ = header_columns(sheet)
    assert header == 1
    filled = fill(converted, tmp_path / "returned" / "sas.xlsx", 8)
    collect(tmp_path / "returned", data)
    assert collected(data) == filled.reports
