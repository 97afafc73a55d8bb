"""Garbage in gives problems, never a traceback."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import graphnet
from graphnet.errors import InputError, ValidationError


def _folder_with_actors(tmp_path: Path, content: bytes, name: str = "akteri.csv") -> Path:
    folder = tmp_path / "data"
    folder.mkdir(exist_ok=True)
    (folder / name).write_bytes(content)
    return folder


@pytest.mark.parametrize("content", [b"", b"\r\n\r\n", b"\x00\x01\x02PK\x03\x04" * 50,
                                     b"\x81\x83\x88\x90\x98"])
def test_empty_or_binary_actors_file_is_one_clear_problem(tmp_path: Path, content: bytes) -> None:
    folder = _folder_with_actors(tmp_path, content)
    problems = graphnet.validate(folder)
    assert [p.file for p in problems] == ["akteri.csv"]
    with pytest.raises(ValidationError):
        graphnet.load(folder)


def test_missing_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        graphnet.load(tmp_path / "nowhere")
    assert "no such file" in graphnet.validate(tmp_path / "nowhere")[0].message


def test_folder_without_actors_file_says_what_is_expected(tmp_path: Path) -> None:
    (tmp_path / "vazby.csv").write_text("od;komu;typ\n")
    (problem,) = graphnet.validate(tmp_path)
    assert "akteri.csv" in problem.message


@pytest.mark.parametrize("name", ["net.json", "net.graphml", "net.gexf", "net.xlsx"])
@pytest.mark.parametrize("content", [b"", b"\x00\xff garbage", b"{\"format\": 1}",
                                     b"<graphml><node/></graphml>"])
def test_broken_files_of_every_format_give_problems(tmp_path: Path, name: str,
                                                    content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    problems = graphnet.validate(path)
    assert problems and all(p.severity == "error" for p in problems[:1])
    with pytest.raises(ValidationError):
        graphnet.load(path)


def test_ragged_row_is_reported_not_dropped(tmp_path: Path) -> None:
    folder = _folder_with_actors(tmp_path, b"id;nazev;sektor\na;A;OSPOD;navic\nb;B;OSPOD\n")
    (problem,) = [p for p in graphnet.validate(folder) if p.severity == "error"]
    assert problem.row == 2 and "4 cells" in problem.message


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.binary(max_size=300) | st.text(max_size=300).map(lambda s: s.encode("utf-8")))
def test_any_bytes_as_actors_file_never_raise_anything_else(tmp_path: Path,
                                                            content: bytes) -> None:
    folder = _folder_with_actors(tmp_path, b"id;n\xc3\xa1zev;sektor\n" + content)
    with contextlib.suppress(ValidationError):
        graphnet.load(folder)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda children: st.lists(children, max_size=3)
    | st.dictionaries(st.sampled_from(["id", "name", "sector", "needs", "source", "target",
                                       "kind", "weight", "date", "attributes", "x"]),
                      children, max_size=5),
    max_leaves=12,
)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actors=_JSON, links=_JSON)
def test_any_json_document_never_raises_anything_else(tmp_path: Path, actors: object,
                                                      links: object) -> None:
    path = tmp_path / "net.json"
    path.write_text(json.dumps({"format": "graphnet.network/1", "actors": actors,
                                "links": links}), encoding="utf-8")
    with contextlib.suppress(ValidationError):
        graphnet.load(path)
