"""The query library's files and the pure row conversion (no server needed)."""

from __future__ import annotations

import datetime as dt

import pytest

from graphnet.errors import InputError
from graphnet.model import Actor, Attendance, Link, Network
from graphnet.neo4j import load_queries, query_by_name
from graphnet.neo4j.connection import ConnectionSettings, settings_from_env
from graphnet.neo4j.queries import parse_query
from graphnet.neo4j.rows import actor_rows, link_rows, network_from_rows


@pytest.mark.parametrize("query", list(load_queries().values()), ids=lambda q: q.name)
def test_every_query_header_describes_it_in_both_languages_with_examples(query):
    assert query.description["en"] and query.description["cs"]
    for parameter in query.parameters.values():
        assert parameter.description["en"] and parameter.description["cs"], parameter.name
        assert parameter.example is not None, parameter.name
    examples = {name: p.example for name, p in query.parameters.items()}
    assert query.coerce(examples) == examples


def test_malformed_header_names_the_file_and_every_problem():
    with pytest.raises(InputError) as error:
        parse_query("// name: x\n// parameters:\n//   a: {type: number}\nRETURN 1", "bad.cypher")
    message = str(error.value)
    assert message.startswith("bad.cypher")
    assert "missing description" in message
    assert 'parameter "a" has type "number"' in message
    assert 'parameter "a" has no example' in message


def test_unknown_query_name_lists_the_known_ones():
    with pytest.raises(InputError, match="isolated"):
        query_by_name("isolatd")


def test_missing_and_unknown_parameters_are_reported_together():
    query = query_by_name("no-partner-in-sector")
    with pytest.raises(InputError) as error:
        query.coerce({"dataset": "d", "sektor": "education"})
    message = str(error.value)
    assert 'unknown parameter "sektor"' in message
    assert 'parameter "sector" is needed' in message
    assert 'parameter "other" is needed' in message


def test_list_parameters_accept_json_or_commas():
    query = query_by_name("needs-without-provider")
    assert query.coerce({"needs": "safety, health"})["needs"] == ["safety", "health"]
    assert query.coerce({"needs": '["safety"]'})["needs"] == ["safety"]
    assert query.coerce({})["levels"] == ["universal", "targeted", "specialised"]


def test_password_is_not_in_the_settings_repr():
    settings = settings_from_env(environ={"NEO4J_PASSWORD": "hunter2-secret"})
    assert settings.password == "hunter2-secret"
    assert "hunter2-secret" not in repr(settings)
    assert "hunter2-secret" not in settings.describe()


def test_environment_fills_what_options_leave_out():
    env = {"NEO4J_URI": "neo4j://db:7687", "NEO4J_USERNAME": "analyst",
           "NEO4J_DATABASE": "orps"}
    assert settings_from_env(username="me", environ=env) == ConnectionSettings(
        "neo4j://db:7687", "me", None, "orps")


def _network(*links: Link) -> Network:
    return Network((Actor("a", "A", "police"), Actor("b", "B", "health")), links,
                   (Attendance("m", "a", dt.date(2025, 1, 2), "Platform"),
                    Attendance("m", "b", dt.date(2025, 1, 2), "Platform")))


def test_identical_links_get_distinct_keys_stable_across_pushes():
    network = _network(Link("a", "b", "referral"), Link("a", "b", "referral"))
    keys = [row["key"] for row in link_rows(network, "d")]
    assert len(set(keys)) == len(keys) == 3  # two reported, one derived from the meeting
    assert keys == [row["key"] for row in link_rows(network, "d")]


def test_link_key_changes_with_what_identifies_a_link_but_not_with_its_weight():
    heavy = link_rows(_network(Link("a", "b", "referral", weight=5.0)), "d")[0]["key"]
    light = link_rows(_network(Link("a", "b", "referral", weight=1.0)), "d")[0]["key"]
    dated = link_rows(_network(Link("a", "b", "referral", date=dt.date(2025, 1, 1))), "d")
    assert heavy == light != dated[0]["key"]


def test_personal_fields_leave_only_when_asked():
    network = Network((Actor("a", "A", "police", contact="jana@example.cz"),))
    assert actor_rows(network, "d")[0]["props"]["contact"] is None
    assert actor_rows(network, "d", include_personal=True)[0]["props"]["contact"] == \
        "jana@example.cz"


def test_rows_turn_back_into_the_same_network_without_derived_meeting_links():
    network = _network(Link("a", "b", "cooperation", 2.0, note="<script>x</script>"))
    actors = [row["props"] for row in actor_rows(network, "d")]
    links = [{**row["props"], "type": row["type"], "source": row["source"].split(":")[1],
              "target": row["target"].split(":")[1]} for row in link_rows(network, "d")]
    attendance = [{"meeting": r.meeting, "actor": r.actor, "date": r.date, "title": r.title}
                  for r in network.attendance]
    back = network_from_rows({"id": "d"}, actors, links, attendance)
    assert back.canonical() == network.canonical()


def test_queries_into_a_closed_pipe_ends_quietly() -> None:
    """`graphnet neo4j queries | head`: a reader gone is no internal error."""
    import os
    import subprocess
    import sys

    read, write = os.pipe()
    os.close(read)  # the reader has gone before anything is written
    try:
        done = subprocess.run([sys.executable, "-m", "graphnet.cli", "neo4j", "queries"],
                              stdout=write, stderr=subprocess.PIPE, text=True, check=False)
    finally:
        os.close(write)
    assert done.returncode == 141
    assert done.stderr == ""
