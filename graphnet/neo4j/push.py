"""Push a network into Neo4j: schema, then actors, links and meetings in batches.

How a push stays idempotent and crash-safe: every push draws a fresh token
(``gen``) and writes it on every node and relationship it MERGEs. Only when
everything is written does it delete, *inside this dataset only*, the elements
whose token is older — the actors, links, meetings and attendance that are no
longer in the input. A push killed half-way leaves its elements with its token
and the old ones untouched; the next push rewrites all of them with a new token
and then removes whatever is stale, so it ends in the state one clean push would
have left. Other datasets are never matched: every stale-delete starts from
``{dataset: $dataset}``.

>>> from graphnet.neo4j import settings_from_env
>>> push(network, settings_from_env(), dataset="orp-horni-lhota-2025")  # doctest: +SKIP
PushResult(dataset='orp-horni-lhota-2025', actors=…)
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from graphnet.errors import InputError
from graphnet.model import Network
from graphnet.neo4j.connection import ConnectionSettings, open_session
from graphnet.neo4j.rows import (
    RELATIONSHIP_TYPES,
    actor_rows,
    attendance_rows,
    dataset_row,
    link_rows,
    meeting_rows,
    sector_rows,
    tie_rows,
)
from graphnet.neo4j.schema import ensure_schema
from graphnet.neo4j.writeback import measure_rows, write_measures

__all__ = ["PushResult", "push", "DEFAULT_BATCH_SIZE", "ProgressCallback", "BatchHook"]

DEFAULT_BATCH_SIZE = 1000

#: ``progress(done, total)``: rows written so far out of all rows of this push.
ProgressCallback = Callable[[int, int], None]
#: ``on_batch(step, batch_number)``: called after each batch is committed (a test
#: raises from it to simulate a push that dies half-way).
BatchHook = Callable[[str, int], None]

_DATASET = """
MERGE (d:Dataset {id: $props.id})
SET d += $props, d.status = 'pushing'
"""
_SECTORS = """
UNWIND $rows AS r
MERGE (s:Sector {code: r.code})
SET s.name_cs = r.name_cs, s.name_en = r.name_en
"""
_ACTORS = """
UNWIND $rows AS r
MERGE (a:Actor {uid: r.uid})
SET a += r.props, a.gen = $gen
WITH a, r
MATCH (s:Sector {code: r.sector})
MERGE (a)-[i:IN_SECTOR]->(s)
SET i.gen = $gen, i.dataset = r.props.dataset
"""
_LINKS = """
UNWIND $rows AS r
MATCH (a:Actor {{uid: r.source}})
MATCH (b:Actor {{uid: r.target}})
MERGE (a)-[l:{type} {{key: r.key}}]->(b)
SET l += r.props, l.gen = $gen
"""
_TIES = _LINKS.format(type="TIE")
_MEETINGS = """
UNWIND $rows AS r
MERGE (m:Meeting {uid: r.uid})
SET m += r.props, m.gen = $gen
"""
_ATTENDANCE = """
UNWIND $rows AS r
MATCH (a:Actor {uid: r.actor})
MATCH (m:Meeting {uid: r.meeting})
MERGE (a)-[x:ATTENDED {key: r.key}]->(m)
SET x += r.props, x.gen = $gen
"""
# Stale elements of this dataset only, in slices so a big delete stays a small transaction.
_STALE_RELATIONSHIPS = """
MATCH (a:Actor {dataset: $dataset})-[r]->()
WHERE r.gen IS NOT NULL AND r.gen <> $gen
WITH r LIMIT $limit
DELETE r
RETURN count(*) AS n
"""
_STALE_ACTORS = """
MATCH (a:Actor {dataset: $dataset})
WHERE a.gen <> $gen
WITH a LIMIT $limit
DETACH DELETE a
RETURN count(*) AS n
"""
_STALE_MEETINGS = """
MATCH (m:Meeting {dataset: $dataset})
WHERE m.gen <> $gen
WITH m LIMIT $limit
DETACH DELETE m
RETURN count(*) AS n
"""
_DATASET_DONE = """
MATCH (d:Dataset {id: $dataset})
SET d.status = 'complete', d.gen = $gen
"""


@dataclass(frozen=True)
class PushResult:
    """What a push wrote: counts of the input it put into the database."""

    dataset: str
    actors: int
    links: int
    meetings: int
    attendance: int
    removed: int
    measures: bool
    ties: int = 0
    ties_by_layer: tuple[tuple[str, int], ...] = ()


def _batches(rows: Sequence[dict[str, Any]], size: int) -> Iterable[list[dict[str, Any]]]:
    for start in range(0, len(rows), size):
        yield list(rows[start:start + size])


def _check_links(network: Network) -> None:
    known = set(network.actor_ids)
    unknown = sorted({end for link in network.all_links() for end in (link.source, link.target)
                      if end not in known}
                     | {row.actor for row in network.attendance if row.actor not in known})
    if unknown:
        raise InputError(
            "links or attendance name actors that are not in the actor list: "
            + ", ".join(unknown[:10]) + (" …" if len(unknown) > 10 else ""))
    ids = network.actor_ids
    if len(set(ids)) != len(ids):
        raise InputError("actor ids are not unique; run `graphnet validate` first")


def push(
    network: Network,
    settings: ConnectionSettings,
    *,
    dataset: str,
    analysis: Any = None,
    include_personal: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: ProgressCallback | None = None,
    on_batch: BatchHook | None = None,
    combine: str | None = None,
) -> PushResult:
    """Write ``network`` into Neo4j as dataset ``dataset``; see the module doc.

    ``analysis`` (a :class:`graphnet.analysis.Analysis`) writes measures and labels
    back onto the actors. ``combine`` is the rule the ``TIE`` weights are combined by
    (default: the analysis's, else ``max``). ``progress`` is called after each batch;
    nothing is printed.
    """
    if not dataset:
        raise InputError("a dataset id is needed (--dataset, or `dataset` in graphnet.yaml)")
    from graphnet.ties import respondents_of  # the tie model (pandas), only when pushing

    _check_links(network)
    gen = uuid.uuid4().hex
    actors = actor_rows(network, dataset, include_personal=include_personal)
    links = link_rows(network, dataset)
    rule = combine or getattr(analysis, "combine", None) or "max"
    ties = tie_rows(network, dataset, rule)
    meetings = meeting_rows(network, dataset)
    attendance = attendance_rows(network, dataset)
    measures = measure_rows(analysis, dataset) if analysis is not None else []
    steps: list[tuple[str, str, list[dict[str, Any]]]] = [("actors", _ACTORS, actors)]
    for kind, rel_type in RELATIONSHIP_TYPES.items():
        rows = [row for row in links if row["type"] == rel_type]
        steps.append((kind, _LINKS.format(type=rel_type), rows))
    steps.append(("ties", _TIES, ties))
    steps += [("meetings", _MEETINGS, meetings), ("attendance", _ATTENDANCE, attendance)]
    total = sum(len(rows) for _, _, rows in steps) + len(measures)
    done = 0

    with open_session(settings) as session:
        ensure_schema(session)
        props = {**dataset_row(network, dataset), "combine": rule,
                 "layer": getattr(analysis, "layer", None),
                 "respondents_source": respondents_of(network).source}
        session.run(_DATASET, props=props).consume()
        session.run(_SECTORS, rows=sector_rows(network)).consume()
        if progress:
            progress(0, total)
        for step, query, rows in steps:
            for number, batch in enumerate(_batches(rows, batch_size), start=1):
                session.execute_write(_write, query, batch, gen)
                done += len(batch)
                if progress:
                    progress(done, total)
                if on_batch:
                    on_batch(step, number)
        removed = 0
        for query in (_STALE_RELATIONSHIPS, _STALE_ACTORS, _STALE_MEETINGS):
            removed += _delete_in_slices(session, query, dataset, gen, batch_size)
        write_measures(session, dataset, measures, batch_size,
                       lambda n: progress(done + n, total) if progress else None)
        session.run(_DATASET_DONE, dataset=dataset, gen=gen).consume()
    layers = Counter(str(row["props"]["layer"]) for row in ties)
    return PushResult(dataset, len(actors), len(links), len(meetings), len(attendance),
                      removed, analysis is not None, len(ties), tuple(sorted(layers.items())))


def _write(tx: Any, query: str, rows: list[dict[str, Any]], gen: str) -> None:
    tx.run(query, rows=rows, gen=gen).consume()


def _delete_in_slices(session: Any, query: str, dataset: str, gen: str, limit: int) -> int:
    removed = 0
    while True:
        record = session.run(query, dataset=dataset, gen=gen, limit=limit).single()
        n = int(record["n"]) if record else 0
        removed += n
        if n < limit:
            return removed
