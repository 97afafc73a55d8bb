"""The checks: every problem at once, each located as the spreadsheet shows it."""

from __future__ import annotations

from pathlib import Path

import pytest

import graphnet
from graphnet.checks import build_network
from graphnet.errors import Problem, ValidationError
from graphnet.table import Table

ACTORS = "id;název;sektor;potřeby;úrovně\r\na;OSPOD;OSPOD;vztahy;cílená\r\nb;ZŠ;školství;;\r\n"


def _folder(tmp_path: Path, actors: str = ACTORS, links: str | None = None,
            meetings: str | None = None) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "akteri.csv").write_text(actors, encoding="utf-8")
    if links is not None:
        (folder / "vazby.csv").write_text(links, encoding="utf-8")
    if meetings is not None:
        (folder / "setkani.csv").write_text(meetings, encoding="utf-8")
    return folder


def _errors(path: Path) -> list[Problem]:
    return [p for p in graphnet.validate(path) if p.severity == "error"]


def _warnings(path: Path) -> list[Problem]:
    return [p for p in graphnet.validate(path) if p.severity == "warning"]


def _where(problem: Problem) -> tuple[str, int | None, str | None, str | None]:
    return (problem.file, problem.row, problem.column, problem.value)


def test_missing_required_column_is_named_with_its_aliases(tmp_path: Path) -> None:
    (problem,) = _errors(_folder(tmp_path, "id;název\r\na;OSPOD\r\n"))
    assert (problem.file, problem.row, problem.column) == ("akteri.csv", 1, "sector")
    assert "sektor" in problem.message


def test_empty_and_duplicate_ids_are_errors(tmp_path: Path) -> None:
    folder = _folder(tmp_path, ACTORS + ";Bez id;policie;;\r\na;Znovu;policie;;\r\n")
    assert [_where(p) for p in _errors(folder)] == [
        ("akteri.csv", 4, "id", None),
        ("akteri.csv", 5, "id", "a"),
    ]
    assert "row 2" in _errors(folder)[1].message


@pytest.mark.parametrize(("column", "value", "suggestion"), [
    ("sektor", "zdravotnistvi", "zdravotnictví"),
    ("potřeby", "bezpeci, vztahyy", "vztahy"),
    ("úrovně", "cilna", "cílená"),
])
def test_unknown_vocabulary_value_suggests_the_closest(tmp_path: Path, column: str, value: str,
                                                       suggestion: str) -> None:
    row = {"sektor": "OSPOD", "potřeby": "", "úrovně": ""}
    row[column] = value
    folder = _folder(tmp_path, ACTORS + f"c;Nový;{row['sektor']};{row['potřeby']};"
                                        f"{row['úrovně']}\r\n")
    (problem,) = _errors(folder)
    assert (problem.row, problem.column, problem.suggestion) == (4, column, suggestion)


def test_unknown_link_kind_and_unknown_actor_name_the_link_row(tmp_path: Path) -> None:
    folder = _folder(tmp_path, links="od;komu;typ\r\na;b;doporuceni\r\na;bb;informace\r\n"
                                     "a;b;posilani\r\n")
    assert [(p.row, p.column, p.value, p.suggestion) for p in _errors(folder)] == [
        (3, "komu", "bb", "b"),
        (4, "typ", "posilani", None),
    ]


@pytest.mark.parametrize(("weight", "message"), [("abc", "not a number"),
                                                 ("-1", "negative"), ("nan", "not a number")])
def test_bad_weights_are_errors(tmp_path: Path, weight: str, message: str) -> None:
    (problem,) = _errors(_folder(tmp_path, links=f"od;komu;typ;váha\r\na;b;informace;{weight}\r\n"))
    assert (problem.row, problem.column, problem.value) == (2, "váha", weight)
    assert message in problem.message


@pytest.mark.parametrize("value", ["32.1.2025", "1/3/2025", "březen"])
def test_unreadable_date_is_an_error(tmp_path: Path, value: str) -> None:
    (problem,) = _errors(_folder(tmp_path, links=f"od;komu;typ;datum\r\na;b;informace;{value}\r\n"))
    assert (problem.column, problem.value) == ("datum", value)


def test_attendance_of_unknown_actor_is_an_error(tmp_path: Path) -> None:
    folder = _folder(tmp_path, meetings="setkání;aktér\r\np1;a\r\np1;x\r\n")
    assert [_where(p) for p in _errors(folder)] == [("setkani.csv", 3, "aktér", "x")]


def test_every_error_is_reported_at_once(tmp_path: Path) -> None:
    folder = _folder(tmp_path, ACTORS + "a;Dup;zdravotnistvi;;\r\n",
                     links="od;komu;typ;váha\r\na;x;informace;abc\r\n")
    with pytest.raises(ValidationError) as caught:
        graphnet.load(folder)
    assert len(caught.value.errors) == 4


def test_warnings_do_not_stop_loading(tmp_path: Path) -> None:
    folder = _folder(tmp_path, ACTORS + "c;Sám;policie;;\r\n",
                     links="od;komu;typ;váha\r\na;a;informace;1\r\na;b;informace;0\r\n")
    network = graphnet.load(folder)
    messages = sorted(p.message.split(" (")[0] for p in network.problems)
    assert messages == ["a link from an actor to itself", "the actor has no link and attends no "
                        "meeting", "the link has weight 0"]


def test_duplicate_links_are_merged_with_a_warning(tmp_path: Path) -> None:
    folder = _folder(tmp_path, links="od;komu;typ;váha;datum;uvedl;poznámka\r\n"
                                     "a;b;spolupráce;1;1.3.2025;a;první\r\n"
                                     "b;a;spolupráce;2;2025-03-01;a;druhá\r\n"
                                     "a;b;spolupráce;1;1.3.2025;b;\r\n")
    network = graphnet.load(folder)
    merged = [link for link in network.links if link.reported_by == "a"]
    assert [(link.weight, link.note) for link in merged] == [(3.0, "první | druhá")]
    assert len(network.links) == 2
    (warning,) = network.problems
    assert warning.row == 3 and "row 2" in warning.message


def test_directed_links_in_opposite_directions_are_not_merged(tmp_path: Path) -> None:
    folder = _folder(tmp_path, links="od;komu;typ\r\na;b;doporučení\r\nb;a;doporučení\r\n")
    assert len(graphnet.load(folder).links) == 2


def test_build_network_does_not_change_the_tables() -> None:
    actors = Table.from_records("a.csv", [{"id": " a ", "name": "A", "sector": "policie"}])
    before = actors.frame.copy()
    network, problems = build_network(actors)
    assert network is not None and network.actors[0].id == "a"
    assert actors.frame.equals(before)


def test_actor_named_only_by_a_broken_link_row_is_not_called_isolated(tmp_path: Path) -> None:
    folder = _folder(tmp_path, links="od;komu;typ;váha\r\na;b;informace;abc\r\n")
    assert [p.column for p in graphnet.validate(folder)] == ["váha"]


def test_unknown_actor_differing_in_case_gets_its_actor_suggested(tmp_path: Path) -> None:
    folder = _folder(tmp_path, links="od;komu;typ\r\nA;b;informace\r\n")
    (problem,) = _errors(folder)
    assert (problem.value, problem.suggestion) == ("A", "a")


def test_problem_messages_in_czech_when_asked(tmp_path: Path) -> None:
    folder = _folder(tmp_path, links="od;komu;typ;váha\r\na;b;informace;abc\r\n")
    (problem,) = graphnet.validate(folder, lang="cs")
    assert problem.message.startswith("váha není číslo")
