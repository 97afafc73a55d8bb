"""``survey confirm``: the ties others reported with an actor that it did not."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from click.testing import CliRunner

from graphnet.cli import main
from graphnet.survey import confirm


def _dataset(folder: Path) -> Path:
    folder.mkdir()
    (folder / "akteri.csv").write_text(
        "id;název;sektor\nA;OSPOD A;OSPOD\nB;SAS B;sociální služby\nC;ZŠ C;školství\n"
        "D;PPP D;PPP\n", encoding="utf-8-sig")
    (folder / "vazby.csv").write_text(
        "od;komu;typ;váha;datum;uvedl;poznámka\n"
        "A;B;doporučení;24;1.2.2025;A;\n"
        "A;B;doporučení;20;1.2.2025;B;\n"       # both ends: nothing to confirm
        "C;D;spolupráce;4;1.2.2025;;\n",        # the networker's own record: nothing
        encoding="utf-8-sig")
    (folder / "vazby-dotaznik.csv").write_text(
        "\ufeffod;komu;typ;váha;datum;uvedl;poznámka\r\n"
        "B;C;informace;12;3.3.2025;B;\r\n"      # C did not report it
        "D;A;doporučení;4;3.3.2025;A;\r\n"      # A says D sends to A; D did not say
        "C;A;setkání;52;3.3.2025;C;\r\n"        # undirected, reported by C only
        "A;C;setkání;12;3.3.2025;A;\r\n",       # ... and by A: confirmed
        encoding="utf-8")
    return folder


def _rows(path: Path) -> list[tuple[str, ...]]:
    sheet = openpyxl.load_workbook(path)["Potvrzení"]
    return [tuple(str(v) for v in row[:6]) for row in sheet.iter_rows(min_row=5,
                                                                        values_only=True)
            if row[0]]


def test_only_actors_with_something_to_confirm_get_a_file(tmp_path: Path) -> None:
    data = _dataset(tmp_path / "data")
    result = CliRunner().invoke(main, ["survey", "confirm", str(data), "-o",
                                       str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert files == ["C-zs-c.xlsx", "D-ppp-d.xlsx"]
    assert _rows(tmp_path / "out" / "C-zs-c.xlsx") == [
        ("B", "SAS B", "informace", "od nich k vám", "SAS B", "12")]
    assert _rows(tmp_path / "out" / "D-ppp-d.xlsx") == [
        ("A", "OSPOD A", "doporučení", "od vás k nim", "OSPOD A", "4")]
    book = openpyxl.load_workbook(tmp_path / "out" / "C-zs-c.xlsx")
    assert book["graphnet"]["B1"].value == "graphnet.survey-confirm/1"
    assert book["Potvrzení"]["G5"].protection.locked is False


def test_nobody_to_confirm(tmp_path: Path) -> None:
    data = _dataset(tmp_path / "data")
    (data / "vazby-dotaznik.csv").unlink()
    result = confirm(data, tmp_path / "out")
    assert result.files == ()
