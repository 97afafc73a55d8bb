"""graphnet JSON, GraphML and GEXF: problems located in them, files from other tools."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

import graphnet
from graphnet.errors import OutputError, ValidationError
from graphnet.model import Actor, Link, Network


def test_json_problem_names_the_list_and_the_record(tmp_path: Path) -> None:
    path = tmp_path / "net.json"
    path.write_text(json.dumps({
        "format": "graphnet.network/1",
        "actors": [{"id": "a", "name": "A", "sector": "police"},
                   {"id": "b", "name": "B", "sector": "polcie"}],
        "links": [{"source": "a", "target": "c", "kind": "referral"}],
    }), encoding="utf-8")
    errors = [p for p in graphnet.validate(path) if p.severity == "error"]
    assert [(p.file, p.row, p.column, p.value, p.suggestion) for p in errors] == [
        ("net.json (actors)", 2, "sector", "polcie", "police"),
        ("net.json (links)", 1, "target", "c", None),
    ]


def test_json_of_another_format_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "net.json"
    path.write_text('{"format": "graphnet.network/9", "actors": []}', encoding="utf-8")
    (problem,) = graphnet.validate(path)
    assert problem.column == "format" and "graphnet.network/1" in problem.message


@pytest.mark.parametrize("suffix", ["graphml", "gexf"])
def test_graph_from_another_tool_loads(tmp_path: Path, suffix: str) -> None:
    graph = nx.DiGraph()
    graph.add_node("1", label="OSPOD", sector="OSPOD", modularity_class=3)
    graph.add_node("2", label="ZŠ", sector="školství")
    graph.add_edge("1", "2", kind="informace", weight=2.0)
    path = tmp_path / f"gephi.{suffix}"
    (nx.write_graphml if suffix == "graphml" else nx.write_gexf)(graph, path)
    network = graphnet.load(path)
    assert [(a.id, a.name, a.sector) for a in network.canonical().actors] == [
        ("1", "OSPOD", "child_protection"), ("2", "ZŠ", "education")]
    assert network.actor("1").attributes == {"modularity_class": "3"}
    assert [(link.kind, link.weight) for link in network.links] == [("information", 2.0)]


@pytest.mark.parametrize("suffix", ["graphml", "gexf"])
def test_graph_without_sectors_is_a_validation_error(tmp_path: Path, suffix: str) -> None:
    graph = nx.Graph()
    graph.add_edge("1", "2")
    path = tmp_path / f"plain.{suffix}"
    (nx.write_graphml if suffix == "graphml" else nx.write_gexf)(graph, path)
    with pytest.raises(ValidationError) as caught:
        graphnet.load(path)
    assert {p.column for p in caught.value.errors} >= {"sector", "kind"}


@pytest.mark.parametrize("suffix", ["graphml", "gexf"])
def test_text_xml_cannot_hold_is_refused_and_nothing_written(tmp_path: Path, suffix: str) -> None:
    network = Network(actors=(Actor("a", "bell \x07", "police"),))
    with pytest.raises(OutputError):
        graphnet.save(network, tmp_path / f"net.{suffix}")
    assert list(tmp_path.iterdir()) == []


def test_gephi_sees_meeting_links_derived_from_attendance(tmp_path: Path) -> None:
    network = graphnet.load(_attendance_folder(tmp_path))
    graphnet.save(network, tmp_path / "net.graphml")
    graph = nx.read_graphml(tmp_path / "net.graphml", force_multigraph=True)
    derived = [d for _, _, d in graph.edges(data=True) if d.get("derived_from") == "attendance"]
    assert len(derived) == 1 and derived[0]["kind"] == "meeting"
    assert graphnet.load(tmp_path / "net.graphml").links == ()


def _attendance_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "actors.csv").write_text("id,name,sector\na,A,police\nb,B,health\n")
    (folder / "meetings.csv").write_text("meeting,actor\nm,a\nm,b\n")
    return folder


def test_unknown_output_format_is_refused(tmp_path: Path) -> None:
    network = Network(actors=(Actor("a", "A", "police"),), links=(Link("a", "a", "meeting"),))
    with pytest.raises(OutputError, match="unknown output format"):
        graphnet.save(network, tmp_path / "net.pdf")
