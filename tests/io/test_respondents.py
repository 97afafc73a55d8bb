"""The respondents table and the survey's reports, read as networkers' files come."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

import graphnet
from graphnet.errors import ValidationError

ACTORS_CS = "id;název;sektor\r\nOSPOD;OSPOD Lhota;OSPOD\r\nSAS;SAS Rodina;sociální služby\r\n" \
            "ZS;ZŠ Komenského;školství\r\n"
LINKS_CS = "od;komu;typ;váha;datum;uvedl;poznámka\r\nOSPOD;SAS;doporučení;24;31.1.2025;OSPOD;\r\n"


def _folder(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    for name, content in files.items():
        data = content if isinstance(content, bytes) else content.encode("utf-8-sig")
        (folder / name).write_bytes(data)
    return folder


def test_czech_csv_with_bom_and_semicolons(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {
        "akteri.csv": ACTORS_CS, "vazby.csv": LINKS_CS,
        "respondenti.csv": "aktér;odpověděl;datum;způsob;poznámka\r\n"
                           "OSPOD;ano;31.1.2025;rozhovor;vedoucí\r\n"
                           "SAS;Ano;14.2.2025;Dotazník;\r\n"
                           "ZS;ne;;;nevyplnila\r\n",
    })
    net = graphnet.load(folder)
    assert [(r.actor, r.answered, r.date, r.method, r.note) for r in net.respondents] == [
        ("OSPOD", True, dt.date(2025, 1, 31), "interview", "vedoucí"),
        ("SAS", True, dt.date(2025, 2, 14), "questionnaire", None),
        ("ZS", False, None, None, "nevyplnila"),
    ]


def test_english_windows_1250_comma_and_tab_files(tmp_path: Path) -> None:
    actors = "id,name,sector\nOSPOD,OSPOD,child_protection\nSAS,SAS,social_services\n"
    folder = _folder(tmp_path, {
        "actors.csv": actors,
        "respondents.txt": "actor\tanswered\tmethod\nOSPOD\tyes\tinterview\nSAS\t0\t\n",
    })
    net = graphnet.load(folder)
    assert [(r.actor, r.answered, r.method) for r in net.respondents] == [
        ("OSPOD", True, "interview"), ("SAS", False, None)]
    (folder / "respondents.txt").unlink()
    (folder / "respondenti.csv").write_bytes(
        "aktér;odpověděl;způsob\r\nSAS;1;dotazník\r\n".encode("windows-1250"))
    assert graphnet.load(folder).respondents[0].method == "questionnaire"


def test_survey_links_are_more_reports(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {
        "akteri.csv": ACTORS_CS, "vazby.csv": LINKS_CS,
        "vazby-dotaznik.csv": "od;komu;typ;váha;datum;uvedl;poznámka\r\n"
                              "OSPOD;SAS;doporučení;20;14.2.2025;SAS;z dotazníku\r\n",
    })
    net = graphnet.load(folder)
    assert [(link.reported_by, link.weight) for link in net.links] == [("OSPOD", 24.0),
                                                                        ("SAS", 20.0)]
    from graphnet.ties import tie_list

    tie = tie_list(net, "mean")[0]
    assert (tie.weight, tie.status) == (22.0, "confirmed")


def test_workbook_with_respondents_and_survey_sheets(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "actors"
    for row in (["id", "name", "sector"], ["A", "OSPOD", "child_protection"],
                ["B", "SAS", "social_services"]):
        sheet.append(row)
    survey = workbook.create_sheet("survey_links")
    for row in (["source", "target", "kind", "weight", "reported_by"],
                ["A", "B", "referral", 3, "B"]):
        survey.append(row)
    respondents = workbook.create_sheet("respondents")
    for row in (["actor", "answered", "date", "method"], ["B", True, dt.datetime(2025, 2, 1),
                                                          "questionnaire"], ["A", False]):
        respondents.append(row)
    path = tmp_path / "mapa.xlsx"
    workbook.save(path)
    net = graphnet.load(path)
    assert [(r.actor, r.answered, r.date) for r in net.respondents] == [
        ("B", True, dt.date(2025, 2, 1)), ("A", False, None)]
    assert [(link.source, link.target, link.weight, link.reported_by) for link in net.links] == [
        ("A", "B", 3.0, "B")]


def test_every_problem_at_once_with_file_row_and_column(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {
        "akteri.csv": ACTORS_CS, "vazby.csv": LINKS_CS,
        "respondenti.csv": "aktér;odpověděl;způsob\r\n"
                           "OSPD;ano;dotazník\r\n"      # unknown actor (row 2)
                           "SAS;možná;dotaznik\r\n"     # bad answered (row 3)
                           "ZS;ne;telefon\r\n"          # bad method (row 4)
                           "SAS;ano;\r\n"               # duplicate (row 5)
                           "OSPOD;;\r\n",               # empty answered (row 6)
    })
    with pytest.raises(ValidationError) as raised:
        graphnet.load(folder, lang="cs")
    errors = [(p.file, p.row, p.column, p.value) for p in raised.value.problems
              if p.severity == "error"]
    assert errors == [
        ("respondenti.csv", 2, "aktér", "OSPD"),
        ("respondenti.csv", 3, "odpověděl", "možná"),
        ("respondenti.csv", 4, "způsob", "telefon"),
        ("respondenti.csv", 5, "aktér", "SAS"),
        ("respondenti.csv", 6, "odpověděl", None),
    ]
    by_row = {p.row: p for p in raised.value.problems if p.file == "respondenti.csv"}
    assert by_row[2].suggestion == "OSPOD"
    assert "ano" in by_row[3].message and "ne" in by_row[3].message
    assert "dotazník" in by_row[4].message and "rozhovor" in by_row[4].message
    assert "řádku 3" in by_row[5].message


def test_english_messages_and_missing_column(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {
        "akteri.csv": ACTORS_CS,
        "respondents.csv": "actor,date\nOSPOD,2025-01-01\n",
    })
    problems = graphnet.validate(folder, lang="en")
    missing = [p for p in problems if p.file == "respondents.csv"]
    assert len(missing) == 1 and missing[0].row == 1
    assert "answered" in missing[0].message and "odpověděl" in missing[0].message


def test_a_non_respondent_who_reports_links_is_a_warning(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {
        "akteri.csv": ACTORS_CS, "vazby.csv": LINKS_CS,
        "respondenti.csv": "aktér;odpověděl\r\nOSPOD;ne\r\nSAS;ano\r\n",
    })
    net = graphnet.load(folder)
    warnings = [p for p in net.problems if p.file == "respondenti.csv"]
    assert [(p.row, p.severity) for p in warnings] == [(2, "warning")]


def test_being_listed_as_respondent_is_no_link(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {
        "akteri.csv": ACTORS_CS, "vazby.csv": LINKS_CS,
        "respondenti.csv": "aktér;odpověděl\r\nZS;ano\r\n",
    })
    isolated = [p.value for p in graphnet.load(folder).problems
                if p.file == "akteri.csv" and p.severity == "warning"]
    assert isolated == ["ZS"]


@pytest.mark.parametrize("suffix", ["json", "graphml", "gexf", "csv"])
def test_respondents_survive_every_format(tmp_path: Path, suffix: str,
                                          sample_network: graphnet.Network) -> None:
    target = tmp_path / ("out" if suffix == "csv" else f"out.{suffix}")
    graphnet.save(sample_network, target, format=suffix)
    back = graphnet.load(target)
    assert back.respondents == sample_network.respondents
    assert len(back.respondents) == len(sample_network.actors)


def test_english_csv_round_trip_writes_respondents_file(tmp_path: Path,
                                                        sample_network: graphnet.Network) -> None:
    from dataclasses import replace

    english = replace(sample_network, language="en")
    graphnet.save(english, tmp_path / "en", format="csv")
    text = (tmp_path / "en" / "respondents.csv").read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == "actor,answered,date,method,note"
    assert "OSPOD,yes,2025-01-31,interview," in text
    assert graphnet.load(tmp_path / "en").respondents == sample_network.respondents


def test_no_respondents_table_changes_nothing_in_json(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {"akteri.csv": ACTORS_CS, "vazby.csv": LINKS_CS})
    graphnet.save(graphnet.load(folder), tmp_path / "n.json")
    assert '"respondents"' not in (tmp_path / "n.json").read_text(encoding="utf-8")


@pytest.mark.parametrize(("respondents", "survey"), [
    ("respondenti.xlsx", "vazby-dotazník.xlsx"), ("Respondents.csv", "survey_links.csv"),
    ("RESPONDENTI.CSV", "vazby_dotaznik.csv")])
def test_file_names_in_either_language_csv_or_xlsx(tmp_path: Path, respondents: str,
                                                   survey: str) -> None:
    folder = _folder(tmp_path, {"akteri.csv": ACTORS_CS, "vazby.csv": LINKS_CS})
    tables = {respondents: [["aktér", "odpověděl"], ["SAS", "ano"]],
              survey: [["od", "komu", "typ", "váha", "uvedl"],
                       ["OSPOD", "SAS", "doporučení", "20", "SAS"]]}
    for name, rows in tables.items():
        if name.lower().endswith(".xlsx"):
            workbook = openpyxl.Workbook()
            for row in rows:
                workbook.active.append(row)
            workbook.save(folder / name)
        else:
            text = "".join(";".join(row) + "\r\n" for row in rows)
            (folder / name).write_bytes(text.encode("utf-8-sig"))
    net = graphnet.load(folder)
    assert [(r.actor, r.answered) for r in net.respondents] == [("SAS", True)]
    assert sorted(link.reported_by or "" for link in net.links) == ["OSPOD", "SAS"]


def test_a_bad_survey_row_names_its_own_file(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {
        "akteri.csv": ACTORS_CS, "vazby.csv": LINKS_CS,
        "vazby-dotaznik.csv": "od;komu;typ;váha;uvedl\r\nOSPOD;SAS;doporuceni;x;SAS\r\n"
                              "OSPOD;SOS;informace;1;SAS\r\n",
    })
    problems = [(p.file, p.row, p.column) for p in graphnet.validate(folder)
                if p.severity == "error"]
    assert problems == [("vazby-dotaznik.csv", 2, "váha"), ("vazby-dotaznik.csv", 3, "komu")]
