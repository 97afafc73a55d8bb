"""A real Bolt server for the Neo4j tests, started once per test session.

ArcadeDB's embedded server (PyPI ``arcadedb-embedded``, its own Java runtime inside)
speaks Bolt and Cypher to the official ``neo4j`` driver. It is started on free
loopback ports with a fresh database. When ``NEO4J_URI`` is set (with
``NEO4J_USERNAME``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``), every test runs
against that server too. Tests never wipe a database: each works in datasets of
its own (``test-<random>-…``) and removes them afterwards.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from graphnet.neo4j import ConnectionSettings, open_session

ARCADE_PASSWORD = "graphnet-" + uuid.uuid4().hex[:12]
ARCADE_DATABASE = "graphnet"



@pytest.fixture(scope="session")
def arcadedb_server() -> Iterator[ConnectionSettings]:
    """ArcadeDB embedded in a child process, Bolt on a free loopback port."""
    pytest.importorskip("arcadedb_embedded")
    root = tempfile.mkdtemp(prefix="graphnet-arcadedb-")
    process = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("arcadedb_server.py")), root,
         ARCADE_DATABASE], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL, text=True)
    try:
        assert process.stdin is not None and process.stdout is not None
        process.stdin.write(ARCADE_PASSWORD + "\n")
        process.stdin.flush()
        ready = _ready_line(process.stdout)
        yield ConnectionSettings(f"bolt://127.0.0.1:{ready['bolt_port']}", "root",
                                 ARCADE_PASSWORD, ARCADE_DATABASE)
    finally:
        if process.stdin:
            process.stdin.close()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(root, ignore_errors=True)


def _ready_line(stdout: Any) -> dict[str, int]:
    """The server's JSON ready line (ArcadeDB's own log lines come before it)."""
    for line in stdout:
        if line.startswith("{"):
            return dict(json.loads(line))
    raise RuntimeError("ArcadeDB's embedded server did not start")


def _servers() -> list[str]:
    return ["arcadedb", "neo4j"] if os.environ.get("NEO4J_URI") else ["arcadedb"]


@pytest.fixture(scope="session", params=_servers())
def bolt(request: pytest.FixtureRequest) -> ConnectionSettings:
    """Settings of a running Bolt server: ArcadeDB, and the NEO4J_URI one when set."""
    if request.param == "neo4j":
        from graphnet.neo4j import settings_from_env

        return settings_from_env()
    settings: ConnectionSettings = request.getfixturevalue("arcadedb_server")
    return settings


def delete_dataset(settings: ConnectionSettings, dataset: str) -> None:
    """Remove everything a test pushed as ``dataset`` (on a real server; the ArcadeDB
    database is thrown away with its folder, so the tests skip the slow deletes)."""
    if settings.password == ARCADE_PASSWORD:
        return
    with open_session(settings) as session:
        session.run("MATCH (a:Actor {dataset: $d}) DETACH DELETE a", d=dataset).consume()
        session.run("MATCH (m:Meeting {dataset: $d}) DETACH DELETE m", d=dataset).consume()
        session.run("MATCH (x:Dataset {id: $d}) DETACH DELETE x", d=dataset).consume()


@pytest.fixture
def dataset_ids(bolt: ConnectionSettings) -> Iterator[object]:
    """Make fresh dataset ids for one test; their data is deleted afterwards."""
    made: list[str] = []

    def make(label: str = "d") -> str:
        dataset = f"test-{uuid.uuid4().hex[:8]}-{label}"
        made.append(dataset)
        return dataset

    yield make
    for dataset in made:
        delete_dataset(bolt, dataset)


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return Path(__file__).resolve().parents[2]


def snapshot(settings: ConnectionSettings, dataset: str) -> dict[str, list[str]]:
    """Everything stored for ``dataset`` as sorted text, the push token left out and
    the dataset id replaced by ``DS`` (so two datasets holding the same data compare
    equal)."""

    def clean(props: dict[str, object]) -> str:
        kept = {k: v for k, v in props.items() if k != "gen"}
        return repr(sorted((k, repr(v).replace(dataset, "DS")) for k, v in kept.items()))

    with open_session(settings) as session:
        nodes = [f"{sorted(r['labels'])} {clean(dict(r['props']))}" for r in session.run(
            "MATCH (n) WHERE (n:Actor OR n:Meeting) AND n.dataset = $d "
            "RETURN labels(n) AS labels, properties(n) AS props", d=dataset)]
        rels = [f"{r['type']} {r['start']} {r['end']} {clean(dict(r['props']))}".replace(
            dataset, "DS") for r in session.run(
            "MATCH (a:Actor {dataset: $d})-[r]->(b) "
            "RETURN type(r) AS type, a.uid AS start, coalesce(b.uid, b.code) AS end, "
            "properties(r) AS props", d=dataset)]
        data = [clean(dict(r["props"])) for r in session.run(
            "MATCH (x:Dataset {id: $d}) RETURN properties(x) AS props", d=dataset)]
    return {"nodes": sorted(nodes), "relationships": sorted(rels), "dataset": data}


def counts(settings: ConnectionSettings, dataset: str) -> dict[str, int]:
    """Nodes by label and relationships by type stored for ``dataset``."""
    with open_session(settings) as session:
        found = {"Actor": session.run("MATCH (a:Actor {dataset: $d}) RETURN count(a) AS n",
                                      d=dataset).single()["n"],
                 "Meeting": session.run("MATCH (m:Meeting {dataset: $d}) RETURN count(m) AS n",
                                        d=dataset).single()["n"]}
        for record in session.run("MATCH (a:Actor {dataset: $d})-[r]->() "
                                  "RETURN type(r) AS type, count(r) AS n", d=dataset):
            found[record["type"]] = record["n"]
    return found


@pytest.fixture(scope="session")
def graph_state() -> Any:
    """The helpers :func:`snapshot` and :func:`counts` (tests/neo4j is no package)."""
    return SimpleNamespace(snapshot=snapshot, counts=counts, delete=delete_dataset)
