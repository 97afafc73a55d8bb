"""``graphnet neo4j …`` on the command line: push, pull, queries, query, and errors."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import graphnet
from graphnet.cli import main
from graphnet.neo4j import ConnectionSettings, load_queries, open_session, push
from graphnet.ties import tie_graph, tie_list

pytestmark = pytest.mark.bolt


def connection_args(settings: ConnectionSettings, database: str | None = None) -> list[str]:
    return ["--uri", settings.uri, "--username", settings.username,
            "--database", database or settings.database or "neo4j", "--password-stdin"]


def invoke(args: list[str], password: str | None) -> Any:
    runner = CliRunner()
    # The messages checked here are the English ones (the sample's own language is Czech).
    env = {"NEO4J_PASSWORD": None, "NEO4J_URI": None, "NEO4J_USERNAME": None,
           "NEO4J_DATABASE": None, "GRAPHNET_LANG": "en"}
    return runner.invoke(main, args, input=(password or "") + "\n", env=env,
                         catch_exceptions=False)


def test_push_command_pushes_and_says_what_it_wrote(bolt, dataset_ids, sample_dir):
    dataset = dataset_ids()
    result = invoke(["neo4j", "push", str(sample_dir), "--dataset", dataset,
                     *connection_args(bolt)], bolt.password)
    assert result.exit_code == 0, result.output
    network = graphnet.load(sample_dir)
    assert f"{len(network.actors)} actors" in result.stdout
    assert bolt.password not in result.output


def test_push_command_with_measures_writes_the_findings_as_labels(bolt, dataset_ids, sample_dir):
    dataset = dataset_ids()
    result = invoke(["neo4j", "push", str(sample_dir), "--dataset", dataset, "--with-measures",
                     *connection_args(bolt)], bolt.password)
    assert result.exit_code == 0, result.output
    network = graphnet.load(sample_dir)
    expected = sorted(__import__("networkx").articulation_points(
        tie_graph(tie_list(network), "working", network=network)))
    assert expected, "the sample should have cut points on its working ties"
    rows = invoke(["neo4j", "query", "cut-points", "--param", f"dataset={dataset}",
                   "--format", "json", *connection_args(bolt)], bolt.password)
    assert [row["id"] for row in json.loads(rows.stdout)] == expected


def test_push_command_takes_the_dataset_id_from_the_settings_file(bolt, graph_state, tmp_path,
                                                                  sample_dir):
    network = graphnet.load(sample_dir)
    result = invoke(["neo4j", "push", str(sample_dir), *connection_args(bolt)], bolt.password)
    try:
        assert result.exit_code == 0, result.output
        assert graph_state.counts(bolt, network.source)["Actor"] == len(network.actors)
    finally:
        graph_state.delete(bolt, network.source)


def test_pull_command_writes_the_network_back_in_graphnets_format(bolt, dataset_ids, tmp_path,
                                                                  sample_dir):
    dataset = dataset_ids()
    invoke(["neo4j", "push", str(sample_dir), "--dataset", dataset, *connection_args(bolt)],
           bolt.password)
    out = tmp_path / "pulled"
    result = invoke(["neo4j", "pull", "-o", str(out), "--dataset", dataset,
                     *connection_args(bolt)], bolt.password)
    assert result.exit_code == 0, result.output
    original = graphnet.load(sample_dir).without_personal()
    pulled = graphnet.load(out)
    assert pulled.actors and sorted(pulled.actors, key=lambda a: a.id) == sorted(
        original.actors, key=lambda a: a.id)
    assert pulled.canonical().links == original.canonical().links
    assert pulled.canonical().attendance == original.canonical().attendance


def test_queries_command_lists_every_query_and_marks_gds_ones():
    result = CliRunner().invoke(main, ["neo4j", "queries", "--lang", "en"],
                                catch_exceptions=False)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    for query in load_queries().values():
        header = [line for line in lines if line.split(" ")[0] == query.name]
        assert header, query.name
        assert ("[needs Neo4j GDS]" in header[0]) == query.needs_gds


@pytest.fixture(scope="module")
def pushed(bolt: ConnectionSettings, graph_state: Any, sample_dir: Path) -> Any:
    """The sample pushed once, for the query commands."""
    import uuid

    dataset = f"test-{uuid.uuid4().hex[:8]}-cli"
    push(graphnet.load(sample_dir), bolt, dataset=dataset)
    yield dataset
    graph_state.delete(bolt, dataset)


@pytest.mark.parametrize("fmt", ["csv", "json", "table"])
def test_query_command_prints_rows_in_the_chosen_format(bolt, pushed, sample_dir, fmt):
    dataset = pushed
    network = graphnet.load(sample_dir)
    table = graphnet.analyse(network).actors  # isolated on working ties, unknown left out
    isolated = sorted(str(i) for i in table.index[table["is_isolated"].astype(bool)])
    result = invoke(["neo4j", "query", "isolated", "--param", f"dataset={dataset}",
                     "--format", fmt, *connection_args(bolt)], bolt.password)
    assert result.exit_code == 0, result.output
    if fmt == "json":
        assert [row["id"] for row in json.loads(result.stdout)] == isolated
    elif fmt == "csv":
        lines = result.stdout.strip().splitlines()
        assert lines[0] == "id,name,sector"
        assert [line.split(",")[0] for line in lines[1:]] == isolated
    else:
        assert [line.split()[0] for line in result.stdout.strip().splitlines()[2:]] == isolated


def _one_line_error(result: Any, password: str | None) -> str:
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    if password:
        assert password not in result.output
    return lines[0]


def test_wrong_password_gives_one_line_and_exit_1(bolt, sample_dir):
    wrong = "not-the-password-" + "x7"
    result = invoke(["neo4j", "push", str(sample_dir), "--dataset", "never",
                     *connection_args(bolt)], wrong)
    line = _one_line_error(result, wrong)
    assert "wrong user name or password" in line
    assert bolt.password not in result.output


def test_wrong_password_from_the_environment_is_never_printed(bolt):
    wrong = "env-secret-" + "q9"
    result = CliRunner().invoke(main, ["neo4j", "query", "isolated", "--param", "dataset=x"],
                                env={"NEO4J_URI": bolt.uri, "NEO4J_USERNAME": bolt.username,
                                     "NEO4J_DATABASE": bolt.database, "NEO4J_PASSWORD": wrong},
                                catch_exceptions=False)
    _one_line_error(result, wrong)


def test_unreachable_server_gives_one_line_and_exit_1():
    with __import__("socket").socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # bound, never listening: nothing answers
        result = invoke(["neo4j", "query", "isolated", "--param", "dataset=x", "--uri",
                         f"bolt://127.0.0.1:{port}", "--password-stdin"], "secret-pw-1")
    line = _one_line_error(result, "secret-pw-1")
    assert "Cannot reach Neo4j" in line


def test_missing_database_gives_one_line_and_exit_1(bolt):
    result = invoke(["neo4j", "query", "isolated", "--param", "dataset=x",
                     *connection_args(bolt, database="no-such-db")], bolt.password)
    line = _one_line_error(result, bolt.password)
    assert 'no database named "no-such-db"' in line


def test_query_the_server_rejects_gives_one_line_and_exit_1(bolt):
    # ArcadeDB has no Graph Data Science: the server rejects the GDS procedures.
    if os.environ.get("NEO4J_URI") == bolt.uri:
        pytest.skip("the real Neo4j may have GDS installed")
    result = invoke(["neo4j", "query", "articulation-points-gds", "--param", "dataset=x",
                     *connection_args(bolt)], bolt.password)
    line = _one_line_error(result, bolt.password)
    assert "rejected the query" in line


def test_query_with_a_wrongly_typed_parameter_says_what_would_be_right():
    result = CliRunner().invoke(main, ["neo4j", "query", "expected-pairs-without-links",
                                       "--param", "dataset=x", "--param", "max_pairs=many"],
                                input="\n", catch_exceptions=False)
    line = _one_line_error(result, None)
    assert 'parameter "max_pairs" must be a integer' in line


def _cli(args: list[str]) -> list[str]:
    return [sys.executable, "-c", "from graphnet.cli import main; main()", *args]


def test_push_killed_mid_way_then_rerun_ends_as_one_clean_push(
        bolt, graph_state, dataset_ids, sample_dir, sample_dir_later):
    dataset, clean = dataset_ids("killed"), dataset_ids("clean")
    env = {**os.environ, "NEO4J_URI": bolt.uri, "NEO4J_USERNAME": bolt.username,
           "NEO4J_DATABASE": bolt.database or "", "NEO4J_PASSWORD": bolt.password or ""}
    push(graphnet.load(sample_dir), bolt, dataset=dataset)
    process = subprocess.Popen(
        _cli(["neo4j", "push", str(sample_dir_later), "--dataset", dataset, "--batch-size", "2"]),
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # wait until the links are being rewritten
        with open_session(bolt) as session:
            written = session.run(
                "MATCH (d:Dataset {id: $d}) MATCH (:Actor {dataset: $d})-[r:REFERS_TO]->() "
                "WHERE r.gen <> d.gen RETURN count(r) AS n", d=dataset).single()["n"]
        if written >= 4 or process.poll() is not None:
            break
        time.sleep(0.05)
    assert process.poll() is None, "the push ended before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait()
    half_way = graph_state.snapshot(bolt, dataset)
    later = graphnet.load(sample_dir_later)
    push(later, bolt, dataset=dataset)  # the rerun
    push(later, bolt, dataset=clean)
    assert graph_state.snapshot(bolt, dataset) == graph_state.snapshot(bolt, clean)
    assert half_way != graph_state.snapshot(bolt, clean)


def test_every_cypher_file_is_a_query_of_the_library():
    from graphnet.bundled import cypher_dir

    names = sorted(p.name for p in cypher_dir().glob("*.cypher"))
    assert len(names) == len(load_queries()) >= 17


def test_push_command_takes_ties_and_combine_for_the_measures(bolt, dataset_ids, sample_dir):
    dataset = dataset_ids()
    result = invoke(["neo4j", "push", str(sample_dir), "--dataset", dataset, "--with-measures",
                     "--ties", "all", "--combine", "mean", "--lang", "en",
                     *connection_args(bolt)], bolt.password)
    assert result.exit_code == 0, result.output
    assert "ties (" in result.stdout and "combine mean" in result.stdout
    with open_session(bolt) as session:
        props = session.run("MATCH (d:Dataset {id: $d}) RETURN properties(d) AS p",
                            d=dataset).single()["p"]
    assert (props["layer"], props["combine"]) == ("all", "mean")
