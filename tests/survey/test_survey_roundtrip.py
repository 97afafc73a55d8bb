"""Forms filled in as people fill them come back as exactly the reports they hold."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

import openpyxl
from click.testing import CliRunner
from survey_filling import (
    ACTORS_SHEET,
    RECORD_SHEET,
    collected,
    fill,
    form_of,
    header_columns,
    snapshot,
)

import graphnet
from graphnet.cli import main
from graphnet.io.csvwrite import write_csv_folder
from graphnet.survey import collect

RESPONDENTS = ["OSPOD", "SAS-RODINA", "ZS-KOM", "PPP", "PLDD-NOVAK"]


def _fill_several(blank_forms: Path, out: Path, typed: bool = False) -> set[tuple[str, ...]]:
    expected: set[tuple[str, ...]] = set()
    for seed, actor in enumerate(RESPONDENTS):
        filled = fill(form_of(blank_forms, actor), out / f"{seed}-{actor}.xlsx", seed,
                      typed=typed, note_every=7)
        expected |= filled.reports
    return expected


def _respondents(data: Path) -> dict[str, list[str]]:
    with (data / "respondenti.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0] == ["aktér", "odpověděl", "datum", "způsob", "poznámka"]
    return {row[0]: row[1:] for row in rows[1:]}


def test_collected_reports_equal_filled_answers(blank_forms: Path, data: Path,
                                                tmp_path: Path) -> None:
    before = graphnet.load(data)
    expected = _fill_several(blank_forms, tmp_path / "returned", typed=True)
    assert len(expected) > 100
    vazby, akteri = (data / "vazby.csv").read_bytes(), (data / "akteri.csv").read_bytes()
    result = CliRunner().invoke(main, ["survey", "collect", str(tmp_path / "returned"),
                                       "--into", str(data)])
    assert result.exit_code == 0, result.output
    assert collected(data) == expected
    # every respondent is an answered questionnaire row; the other actors did not answer
    table = _respondents(data)
    assert set(table) == {a.id for a in before.actors}
    for actor, (answered, date, method, _note) in table.items():
        assert method == "dotazník"
        assert answered == ("ano" if actor in RESPONDENTS else "ne")
        assert bool(date) == (actor in RESPONDENTS)
    # the networker's own files are untouched and the folder still loads the same
    assert (data / "vazby.csv").read_bytes() == vazby
    assert (data / "akteri.csv").read_bytes() == akteri
    after = graphnet.load(data)  # the survey's reports come after the networker's own
    assert after.links[:len(before.links)] == before.links and after.actors == before.actors


def test_reports_file_has_the_columns_and_dialect_of_vazby(blank_forms: Path, data: Path,
                                                           tmp_path: Path) -> None:
    fill(form_of(blank_forms, "OSPOD"), tmp_path / "in" / "a.xlsx", 3)
    collect(tmp_path / "in", data)
    raw = (data / "vazby-dotaznik.csv").read_bytes()
    header = (data / "vazby.csv").read_bytes().split(b"\r\n")[0]
    assert raw.startswith(header + b"\r\n")  # same BOM, same header, CRLF
    line = raw.split(b"\r\n")[1].decode()
    assert line.count(";") == 6 and line.split(";")[5] == "OSPOD"
    day, month, year = line.split(";")[4].split(".")
    assert len(year) == 4 and 1 <= int(month) <= 12 and 1 <= int(day) <= 31


def test_collecting_twice_changes_nothing(blank_forms: Path, data: Path, tmp_path: Path) -> None:
    _fill_several(blank_forms, tmp_path / "returned")
    collect(tmp_path / "returned", data)
    first = snapshot(data)
    result = collect(tmp_path / "returned", data)
    assert snapshot(data) == first
    assert result.messages == ()


def test_renamed_file_extra_column_and_deleted_rows(blank_forms: Path, data: Path,
                                                    tmp_path: Path) -> None:
    filled = fill(form_of(blank_forms, "SAS-RODINA"), tmp_path / "work.xlsx", 11, skip=0.0)
    book = openpyxl.load_workbook(filled.path)
    sheet = book[ACTORS_SHEET]
    header, columns = header_columns(sheet)
    # an extra column between the questions, with something typed in it
    sheet.insert_cols(columns["Předáváme si informace"])
    sheet.cell(header, columns["Předáváme si informace"], "naše poznámka")
    sheet.cell(header + 3, columns["Předáváme si informace"], "blabla")
    # delete three actor rows: their answers are gone
    deleted = [str(sheet.cell(r, 1).value) for r in (header + 2, header + 3, header + 4)]
    sheet.delete_rows(header + 2, 3)
    # the respondent sorts: two actor rows swap places, hidden id and all
    last = max(r for r in range(header + 1, sheet.max_row + 1)
               if str(sheet.cell(r, 1).value or "").isupper())
    for column in range(1, sheet.max_column + 1):
        top, bottom = sheet.cell(header + 2, column), sheet.cell(last, column)
        top.value, bottom.value = bottom.value, top.value
    renamed = tmp_path / "returned" / "Dotaznik - nase verze FINAL (2).xlsx"
    renamed.parent.mkdir()
    book.save(renamed)
    expected = {r for r in filled.reports if not ({r[0], r[1]} & set(deleted))}
    assert expected != filled.reports
    collect(renamed.parent, data)
    assert collected(data) == expected


def test_corrections_and_new_actors_are_review_lists(blank_forms: Path, data: Path,
                                                     tmp_path: Path) -> None:
    book = openpyxl.load_workbook(form_of(blank_forms, "NZDM"))
    record = book[RECORD_SHEET]
    rows = {record.cell(r, 1).value: r for r in range(1, record.max_row + 1)}
    record.cell(rows["name"], 4, "NZDM Klub Pod mostem, z. s.")
    record.cell(rows["municipality"], 4, "Dolní Lhota")
    sheet = book[ACTORS_SHEET]
    new_rows = [r for r in range(1, sheet.max_row + 1)
                if str(sheet.cell(r, 1).value).startswith("new:")]
    sheet.cell(new_rows[0], 2, "Klub maminek Sluníčko")
    sheet.cell(new_rows[0], 3, "ostatni")
    target = tmp_path / "in" / "nzdm.xlsx"
    target.parent.mkdir()
    book.save(target)
    akteri = (data / "akteri.csv").read_bytes()
    collect(target.parent, data)
    assert (data / "akteri.csv").read_bytes() == akteri
    corrections = (data / "opravy-akteru.csv").read_text("utf-8-sig").splitlines()
    assert corrections[0] == "aktér;pole;v seznamu;oprava;soubor"
    assert sorted(corrections[1:]) == sorted([
        "NZDM;název;NZDM Klub Pod mostem;NZDM Klub Pod mostem, z. s.;nzdm.xlsx",
        "NZDM;obec;Horní Lhota;Dolní Lhota;nzdm.xlsx"])
    new = (data / "novi-akteri.csv").read_text("utf-8-sig").splitlines()
    assert new[1].startswith("NZDM;Klub maminek Sluníčko;")
    assert graphnet.load(data).actors == graphnet.load(data).actors


def test_networkers_own_respondent_rows_are_kept(blank_forms: Path, data: Path,
                                                 tmp_path: Path) -> None:
    (data / "respondenti.csv").write_text(
        "aktér;odpověděl;datum;způsob;poznámka\r\n"
        "PCR;ano;3.2.2025;rozhovor;rozhovor s vedoucím\r\n"
        "SAS-RODINA;ne;;rozhovor;nezastihli jsme je\r\n", encoding="utf-8-sig")
    fill(form_of(blank_forms, "OSPOD"), tmp_path / "in" / "a.xlsx", 5)
    collect(tmp_path / "in", data)
    table = _respondents(data)
    assert table["PCR"] == ["ano", "3.2.2025", "rozhovor", "rozhovor s vedoucím"]
    assert table["SAS-RODINA"] == ["ne", "", "rozhovor", "nezastihli jsme je"]
    assert table["OSPOD"][0] == "ano" and table["OSPOD"][2] == "dotazník"


def test_never_and_empty_make_no_report(blank_forms: Path, data: Path, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(form_of(blank_forms, "AZYL"))
    sheet = book[ACTORS_SHEET]
    header, columns = header_columns(sheet)
    for row in range(header + 1, sheet.max_row + 1):
        if sheet.cell(row, 1).value == "OSPOD":
            sheet.cell(row, columns["Posíláme jim rodiny"], "nikdy")
            sheet.cell(row, columns["Posílají nám rodiny"], "NIKDY")
            sheet.cell(row, columns["Pravidelně se scházíme"], "týdně")
    target = tmp_path / "in" / "azyl.xlsx"
    target.parent.mkdir()
    book.save(target)
    collect(target.parent, data)
    assert collected(data) == {("AZYL", "OSPOD", "setkání", "52", "AZYL", "")}
    assert _respondents(data)["AZYL"][0] == "ano"


def test_scale_weights_come_from_graphnet_yaml(blank_forms: Path, data: Path,
                                               tmp_path: Path) -> None:
    with (data / "graphnet.yaml").open("a", encoding="utf-8") as handle:
        handle.write("survey:\n  frequency: {weekly: 50, monthly: 10}\n")
    book = openpyxl.load_workbook(form_of(blank_forms, "AZYL"))
    sheet = book[ACTORS_SHEET]
    header, columns = header_columns(sheet)
    for row in range(header + 1, sheet.max_row + 1):
        if sheet.cell(row, 1).value == "NZDM":
            sheet.cell(row, columns["Posíláme jim rodiny"], "týdně")
            sheet.cell(row, columns["Předáváme si informace"], "měsíčně")
            sheet.cell(row, columns["Spolupracujeme na případech"], "ročně")
    target = tmp_path / "in" / "azyl.xlsx"
    target.parent.mkdir()
    book.save(target)
    collect(target.parent, data)
    assert collected(data) == {("AZYL", "NZDM", "doporučení", "50", "AZYL", ""),
                               ("AZYL", "NZDM", "informace", "10", "AZYL", ""),
                               ("AZYL", "NZDM", "spolupráce", "1", "AZYL", "")}
    graphnet.load(data)  # the survey section is a known key: no warning, no error


def test_english_dataset_gets_english_files(tmp_path: Path, sample_dir: Path) -> None:
    network = graphnet.load(sample_dir)
    english = tmp_path / "en"
    english.mkdir()
    write_csv_folder(replace(network, language="en"), english)
    out = tmp_path / "forms"
    graphnet.survey.forms(english, out, lang="en")
    book = openpyxl.load_workbook(form_of(out, "OSPOD"))
    assert "Cooperation" in book.sheetnames
    sheet = book["Cooperation"]
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row, 1).value == "PPP":
            sheet.cell(row, 4, "Weekly")
    (tmp_path / "in").mkdir()
    book.save(tmp_path / "in" / "back.xlsx")
    collect(tmp_path / "in", english)
    text = (english / "survey_links.csv").read_text("utf-8-sig").splitlines()
    assert text[0] == "source,target,kind,weight,date,reported_by,note"
    assert text[1].startswith("OSPOD,PPP,referral,52,") and text[1].endswith(",OSPOD,")
    assert (english / "respondents.csv").read_text("utf-8-sig").startswith(
        "actor,answered,date,method,note")
