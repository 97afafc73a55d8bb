"""``graphnet validate`` and ``graphnet convert``."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import graphnet
from graphnet.cli import main

BROKEN_ACTORS = ("id;název;sektor\r\n"
                 "ospod;OSPOD Horní Lhota;OSPOD\r\n"
                 "zs;ZŠ Horní Lhota;školství\r\n"
                 "zs;ZŠ Dolní Lhota;školství\r\n"
                 "pl;MUDr. Šťastná;zdravotnistvi\r\n")
BROKEN_LINKS = ("od;komu;typ;váha\r\n"
                "ospod;zs;informace;1\r\n"
                "ospod;nikdo;doporučení;2\r\n"
                "zs;ospod;spolupráce;abc\r\n")


def _write(folder: Path, actors: str, links: str) -> Path:
    folder.mkdir()
    (folder / "akteri.csv").write_bytes(actors.encode("windows-1250"))
    (folder / "vazby.csv").write_bytes(links.encode("windows-1250"))
    return folder


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    return _write(tmp_path / "broken", BROKEN_ACTORS, BROKEN_LINKS)


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return _write(tmp_path / "good", BROKEN_ACTORS.replace("zs;ZŠ Dolní", "zs2;ZŠ Dolní")
                  .replace("zdravotnistvi", "zdravotnictví"),
                  BROKEN_LINKS.replace("nikdo", "pl").replace("abc", "1,5"))


def test_validate_broken_set_lists_one_line_per_problem_and_exits_1(broken: Path) -> None:
    result = CliRunner().invoke(main, ["validate", "--lang", "en", str(broken)])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 4
    expected = [
        ('akteri.csv, row 4, column "id"', '"zs"'),
        ('akteri.csv, row 5, column "sektor"', '"zdravotnistvi"', 'did you mean "zdravotnictví"'),
        ('vazby.csv, row 3, column "komu"', '"nikdo"'),
        ('vazby.csv, row 4, column "váha"', '"abc"'),
    ]
    for parts in expected:
        assert any(all(part in line for part in parts) for line in errors), parts


def test_validate_in_czech_names_row_column_and_suggestion_in_czech(broken: Path) -> None:
    result = CliRunner().invoke(main, ["validate", "--lang", "cs", str(broken)])
    assert result.exit_code == 1
    assert ('chyba: akteri.csv, řádek 5, sloupec "sektor": neznámý sektor' in result.stderr)
    assert '"zdravotnistvi" (nemysleli jste "zdravotnictví"?)' in result.stderr
    assert "Chyby: 4" in result.stderr


def test_convert_of_broken_set_writes_nothing(broken: Path, tmp_path: Path) -> None:
    for output in ("out.json", "out.graphml", "out.gexf", "outfolder"):
        result = CliRunner().invoke(main, ["convert", str(broken), "-o", str(tmp_path / output)])
        assert result.exit_code == 1
        assert not (tmp_path / output).exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken"]


def test_validate_good_set_exits_0_with_a_summary(good: Path) -> None:
    result = CliRunner().invoke(main, ["validate", "--lang", "en", str(good)])
    assert result.exit_code == 0, result.output
    assert "OK: 4 actors, 3 links, 0 meetings" in result.stdout
    assert "  schools: 2" in result.stdout
    assert "  information: 1" in result.stdout


def test_validate_summary_in_czech(good: Path) -> None:
    result = CliRunner().invoke(main, ["validate", "--lang", "cs", str(good)])
    assert "  školství: 2" in result.stdout


def test_validate_missing_path_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["validate", "--lang", "en", str(tmp_path / "nic")])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "no such file or folder" in result.stderr


@pytest.mark.parametrize("output", ["net.json", "net.graphml", "net.gexf", "folder"])
def test_convert_writes_a_file_that_loads_back(good: Path, tmp_path: Path, output: str) -> None:
    target = tmp_path / output
    result = CliRunner().invoke(main, ["convert", str(good), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert graphnet.load(target).canonical().links == graphnet.load(good).canonical().links


def test_convert_keeps_contacts_only_when_asked(tmp_path: Path) -> None:
    folder = _write(tmp_path / "c", "id;název;sektor;kontakt\r\na;A;OSPOD;jana@example.cz\r\n",
                    "od;komu;typ\r\n")
    CliRunner().invoke(main, ["convert", str(folder), "-o", str(tmp_path / "plain.json")])
    CliRunner().invoke(main, ["convert", str(folder), "-o", str(tmp_path / "full.json"),
                              "--include-personal"])
    assert "jana@example.cz" not in (tmp_path / "plain.json").read_text("utf-8")
    assert "jana@example.cz" in (tmp_path / "full.json").read_text("utf-8")


def test_csv_written_by_convert_has_bom_and_czech_headers(good: Path, tmp_path: Path) -> None:
    CliRunner().invoke(main, ["convert", str(good), "-o", str(tmp_path / "out")])
    data = (tmp_path / "out" / "akteri.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbfid;n\xc3\xa1zev;sektor") and b"\r\n" in data
