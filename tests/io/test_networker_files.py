"""What networkers really keep loads: Czech Excel CSV, XLSX files and workbooks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

import graphnet
from graphnet.io.csvfile import decode, detect_delimiter

CZECH_ACTORS = [
    ["id", "Název", "SEKTOR", "typ", "obec", "orp", "kraj", "potřeby", "úrovně", "kontakt",
     "poznámka", "kapacita"],
    ["ospod", "OSPOD Horní Lhota", "OSPOD", "orgán SPOD", "Horní Lhota", "Horní Lhota",
     "Vysočina", "vztahy; bezpečí", "specializovaná", "Jana Nováková", "", "3"],
    ["zs1", "ZŠ Školní, Horní Lhota", "školství", "ZŠ", "Horní Lhota", "Horní Lhota",
     "Vysočina", "učení|chování", "všeobecná, cílená", "", "škola \"U lípy\"", ""],
    ["pl", "MUDr. Šťastná – pediatr", "zdravotnictvi", "", "Dolní Lhota", "Horní Lhota",
     "Vysočina", "zdraví", "", "", "", ""],
]
CZECH_LINKS = [
    ["od", "komu", "typ", "váha", "datum", "uvedl", "poznámka"],
    ["zs1", "ospod", "doporučení", "2,5", "1.3.2025", "zs1", "případ"],
    ["ospod", "pl", "Informace", "1", "15. 10. 2024", "ospod", ""],
    ["pl", "zs1", "spolupráce", "0,75", "2025-01-31", "", ""],
]
CZECH_MEETINGS = [
    ["setkání", "aktér", "datum", "název"],
    ["p1", "ospod", "1.3.2025", "Platforma Horní Lhota"],
    ["p1", "zs1", "1.3.2025", "Platforma Horní Lhota"],
]
ENGLISH_ACTORS = [
    ["id", "name", "sector", "type", "municipality", "orp", "region", "needs", "levels",
     "contact", "notes", "kapacita"],
    ["ospod", "OSPOD Horní Lhota", "child_protection", "orgán SPOD", "Horní Lhota",
     "Horní Lhota", "Vysočina", "relationships,safety", "specialised", "Jana Nováková", "",
     "3"],
    ["zs1", "ZŠ Školní, Horní Lhota", "schools", "ZŠ", "Horní Lhota", "Horní Lhota",
     "Vysočina", "learning,behaviour", "universal,targeted", "", "škola \"U lípy\"", ""],
    ["pl", "MUDr. Šťastná – pediatr", "health", "", "Dolní Lhota", "Horní Lhota", "Vysočina",
     "health", "", "", "", ""],
]
ENGLISH_LINKS = [
    ["source", "target", "kind", "weight", "date", "reported_by", "note"],
    ["zs1", "ospod", "referral", "2.5", "2025-03-01", "zs1", "případ"],
    ["ospod", "pl", "information", "1", "2024-10-15", "ospod", ""],
    ["pl", "zs1", "cooperation", "0.75", "2025-01-31", "", ""],
]
ENGLISH_MEETINGS = [
    ["meeting", "actor", "date", "title"],
    ["p1", "ospod", "2025-03-01", "Platforma Horní Lhota"],
    ["p1", "zs1", "2025-03-01", "Platforma Horní Lhota"],
]


def _csv(rows: list[list[str]], delimiter: str) -> str:
    def cell(value: str) -> str:
        if any(ch in value for ch in (delimiter, '"', "\n")):
            return '"' + value.replace('"', '""') + '"'
        return value

    return "".join(delimiter.join(cell(v) for v in row) + "\r\n" for row in rows)


def _write_czech_excel_csv(folder: Path) -> Path:
    """As Czech Excel saves "CSV (oddělený středníkem)": Windows-1250, ;, CRLF."""
    folder.mkdir()
    for name, rows in (("akteri.csv", CZECH_ACTORS), ("vazby.csv", CZECH_LINKS),
                       ("setkání.csv", CZECH_MEETINGS)):
        (folder / name).write_bytes(_csv(rows, ";").encode("windows-1250"))
    return folder


def _write_english_csv(folder: Path) -> Path:
    folder.mkdir()
    for name, rows in (("actors.csv", ENGLISH_ACTORS), ("links.csv", ENGLISH_LINKS),
                       ("meetings.csv", ENGLISH_MEETINGS)):
        (folder / name).write_text(_csv(rows, ","), encoding="utf-8", newline="")
    return folder


def _same_data(network: graphnet.Network) -> graphnet.Network:
    """The network without what may differ between two files of the same data."""
    return network.canonical().__class__(
        **{**network.canonical().__dict__, "name": None, "source": None, "language": None})


def test_czech_excel_export_gives_the_same_network_as_english_utf8(tmp_path: Path) -> None:
    czech = graphnet.load(_write_czech_excel_csv(tmp_path / "cs"))
    english = graphnet.load(_write_english_csv(tmp_path / "en"))
    assert _same_data(czech) == _same_data(english)
    assert (czech.language, english.language) == ("cs", "en")


def test_czech_export_values_are_read_as_written(tmp_path: Path) -> None:
    net = graphnet.load(_write_czech_excel_csv(tmp_path / "cs"))
    referral = next(link for link in net.links if link.kind == "referral")
    assert referral.weight == 2.5
    assert referral.date == dt.date(2025, 3, 1)
    assert net.actor("ospod").needs == ("relationships", "safety")
    assert net.actor("zs1").notes == 'škola "U lípy"'
    assert net.actor("ospod").attributes == {"kapacita": "3"}
    assert net.actor("zs1").attributes == {}
    assert {link.kind for link in net.meeting_links()} == {"meeting"}


def test_utf8_with_bom_and_tabs_read_like_windows_1250(tmp_path: Path) -> None:
    folder = tmp_path / "bom"
    folder.mkdir()
    for name, rows in (("aktéři.csv", CZECH_ACTORS), ("VAZBY.csv", CZECH_LINKS)):
        (folder / name).write_bytes(_csv(rows, "\t").encode("utf-8-sig"))
    czech = graphnet.load(_write_czech_excel_csv(tmp_path / "cs"))
    bom = graphnet.load(folder)
    assert bom.canonical().actors == czech.canonical().actors
    assert bom.canonical().links == czech.canonical().links


def test_delimiter_is_counted_outside_quotes() -> None:
    assert detect_delimiter('"a;b;c;d",x,y') == ","
    assert detect_delimiter("id\tnázev\tsektor") == "\t"


def test_windows_1250_is_recognised_when_not_utf8() -> None:
    assert decode("Šťastná".encode("windows-1250")) == ("Šťastná", "windows-1250")
    assert decode("Šťastná".encode()) == ("Šťastná", "utf-8")


def _write_xlsx(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


def _as_excel_values(rows: list[list[str]]) -> list[list[object]]:
    """What Excel stores once a networker types the cells: numbers and dates, not text."""
    out: list[list[object]] = [list(rows[0])]
    for row in rows[1:]:
        cells: list[object] = []
        for value in row:
            if value.replace(",", "").isdigit():
                cells.append(float(value.replace(",", ".")))
            elif value.count(".") == 2 and value.replace(".", "").replace(" ", "").isdigit():
                day, month, year = (int(p) for p in value.replace(" ", "").split("."))
                cells.append(dt.datetime(year, month, day))
            else:
                cells.append(value or None)
        out.append(cells)
    return out


def test_xlsx_files_in_a_folder_load_like_csv(tmp_path: Path) -> None:
    folder = tmp_path / "xlsx"
    folder.mkdir()
    _write_xlsx(folder / "akteri.xlsx", {"List1": _as_excel_values(CZECH_ACTORS)})
    _write_xlsx(folder / "vazby.xlsx", {"List1": _as_excel_values(CZECH_LINKS)})
    _write_xlsx(folder / "setkani.xlsx", {"List1": _as_excel_values(CZECH_MEETINGS)})
    from_xlsx = graphnet.load(folder)
    from_csv = graphnet.load(_write_czech_excel_csv(tmp_path / "cs"))
    assert _same_data(from_xlsx) == _same_data(from_csv)


def test_one_workbook_with_three_sheets_loads_like_csv(tmp_path: Path) -> None:
    workbook = _write_xlsx(tmp_path / "lhota.xlsx", {
        "Aktéři": _as_excel_values(CZECH_ACTORS),
        "vazby": _as_excel_values(CZECH_LINKS),
        "Setkání": _as_excel_values(CZECH_MEETINGS),
    })
    from_xlsx = graphnet.load(workbook)
    from_csv = graphnet.load(_write_czech_excel_csv(tmp_path / "cs"))
    assert _same_data(from_xlsx) == _same_data(from_csv)
    assert from_xlsx.name == "lhota"


def test_workbook_problems_name_the_sheet_and_its_row(tmp_path: Path) -> None:
    links = [list(row) for row in CZECH_LINKS]
    links[2][3] = "hodně"
    workbook = _write_xlsx(tmp_path / "lhota.xlsx", {"akteri": CZECH_ACTORS, "vazby": links})
    (problem,) = [p for p in graphnet.validate(workbook) if p.severity == "error"]
    assert (problem.file, problem.row, problem.column, problem.value) == (
        "lhota.xlsx [vazby]", 3, "váha", "hodně")


def test_settings_file_adds_sectors_and_names_the_dataset(tmp_path: Path) -> None:
    folder = _write_czech_excel_csv(tmp_path / "cs")
    (folder / "graphnet.yaml").write_text(
        "dataset: lhota-2025\nname: ORP Horní Lhota\norp: Horní Lhota\nmapped_on: 1. 3. 2025\n"
        "sectors:\n  - {code: housing, en: housing, cs: bydlení}\n", encoding="utf-8")
    with (folder / "akteri.csv").open("ab") as handle:
        handle.write("byt;Bytové družstvo;Bydlení;;;;;;;;;\r\n".encode("windows-1250"))
    net = graphnet.load(folder)
    assert net.actor("byt").sector == "housing"
    assert net.actor("byt").orp == "Horní Lhota"
    assert (net.name, net.source, net.mapped_on) == ("ORP Horní Lhota", "lhota-2025",
                                                     dt.date(2025, 3, 1))


def test_link_may_name_an_actor_by_its_exact_unique_name(tmp_path: Path) -> None:
    folder = tmp_path / "names"
    folder.mkdir()
    (folder / "akteri.csv").write_text("id;název;sektor\na;OSPOD Lhota;OSPOD\nb;ZŠ;školy\n")
    (folder / "vazby.csv").write_text("od;komu;typ\nOSPOD Lhota;ZŠ;informace\n")
    link = graphnet.load(folder).links[0]
    assert (link.source, link.target) == ("a", "b")


def test_blank_lines_keep_spreadsheet_row_numbers(tmp_path: Path) -> None:
    folder = tmp_path / "blank"
    folder.mkdir()
    (folder / "akteri.csv").write_text("id;název;sektor\r\na;A;OSPOD\r\n\r\nb;B;sektorx\r\n")
    (error,) = [p for p in graphnet.validate(folder) if p.severity == "error"]
    assert (error.row, error.value) == (4, "sektorx")


@pytest.mark.parametrize("header", ["Potřeby", "POTREBY", " potreby ", "needs"])
def test_headers_match_in_any_case_with_or_without_diacritics(tmp_path: Path,
                                                              header: str) -> None:
    folder = tmp_path / "h"
    folder.mkdir()
    (folder / "akteri.csv").write_text(f"ID,Nazev,Sektor,{header}\na,A,OSPOD,zdravi\n")
    assert graphnet.load(folder).actor("a").needs == ("health",)


def test_extra_columns_with_repeated_or_empty_headers_are_all_kept(tmp_path: Path) -> None:
    folder = tmp_path / "extra"
    folder.mkdir()
    (folder / "akteri.csv").write_text("id;název;sektor;x;x;;poznámka;Poznámka\n"
                                       "a;A;OSPOD;1;2;3;p1;p2\n")
    assert graphnet.load(folder).actor("a").attributes == {
        "x": "1", "x (2)": "2", "column 6": "3", "Poznámka": "p2"}


def test_excel_sep_line_sets_the_delimiter_and_is_not_a_row(tmp_path: Path) -> None:
    folder = tmp_path / "sep"
    folder.mkdir()
    (folder / "akteri.csv").write_text(
        "sep=;\r\nid;název;sektor;a,b,c,d\r\na;A;OSPOD;\r\nb;B;x;\r\n")
    (error,) = [p for p in graphnet.validate(folder) if p.severity == "error"]
    assert (error.row, error.column, error.value) == (3, "sektor", "x")
