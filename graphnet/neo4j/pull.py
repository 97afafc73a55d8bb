"""Read a pushed dataset back out of Neo4j as a :class:`~graphnet.model.Network`.

Pull after push gives the network that was pushed (personal fields only when they
were pushed; meeting links derived from attendance come back from the attendance).

>>> net = pull(settings_from_env(), "orp-horni-lhota-2025")  # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any

from graphnet.errors import InputError
from graphnet.model import Network
from graphnet.neo4j.connection import ConnectionSettings, open_session
from graphnet.neo4j.rows import KIND_OF_TYPE, network_from_rows

__all__ = ["pull", "list_datasets"]

_DATASETS = "MATCH (d:Dataset) RETURN d.id AS id ORDER BY id"
_DATASET = "MATCH (d:Dataset {id: $dataset}) RETURN properties(d) AS props"
_ACTORS = """
MATCH (a:Actor {dataset: $dataset})
RETURN properties(a) AS props
ORDER BY a.id
"""
_LINKS = """
MATCH (a:Actor {dataset: $dataset})-[l]->(b:Actor)
WHERE type(l) IN $types AND l.dataset = $dataset
RETURN type(l) AS type, a.id AS source, b.id AS target, properties(l) AS props
ORDER BY l.key
"""
_ATTENDANCE = """
MATCH (a:Actor {dataset: $dataset})-[x:ATTENDED]->(m:Meeting)
RETURN m.id AS meeting, a.id AS actor, properties(x) AS props
ORDER BY x.key
"""


def list_datasets(settings: ConnectionSettings) -> list[str]:
    """The ids of the datasets in the database."""
    with open_session(settings) as session:
        return [record["id"] for record in session.run(_DATASETS)]


def _read(session: Any, dataset: str) -> Network:
    record = session.run(_DATASET, dataset=dataset).single()
    if record is None:
        known = [r["id"] for r in session.run(_DATASETS)]
        raise InputError(f'no dataset "{dataset}" in the database; there are: '
                         + (", ".join(known) or "none"))
    actors = [dict(r["props"]) for r in session.run(_ACTORS, dataset=dataset)]
    links = [{**dict(r["props"]), "type": r["type"], "source": r["source"],
              "target": r["target"]}
             for r in session.run(_LINKS, dataset=dataset, types=list(KIND_OF_TYPE))]
    attendance = [{**dict(r["props"]), "meeting": r["meeting"], "actor": r["actor"]}
                  for r in session.run(_ATTENDANCE, dataset=dataset)]
    return network_from_rows(dict(record["props"]), actors, links, attendance)


def pull(settings: ConnectionSettings, dataset: str | None = None) -> Network:
    """The network stored as ``dataset`` (the only dataset when None and there is one)."""
    with open_session(settings) as session:
        if dataset is None:
            known = [r["id"] for r in session.run(_DATASETS)]
            if len(known) != 1:
                raise InputError("say which dataset to pull (--dataset); the database holds: "
                                 + (", ".join(known) or "none"))
            dataset = known[0]
        return _read(session, dataset)
