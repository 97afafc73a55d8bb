"""Measures and findings written back onto the actors of a pushed dataset.

Every per-actor measure of :func:`graphnet.analysis.analyse` (``Analysis.actors``:
``betweenness``, ``community``, ``is_isolated`` …) becomes a property of the actor
node, under the same name; the findings become labels an analyst can MATCH on:
``:Isolated`` (no tie), ``:Unknown`` (did not answer, named by nobody),
``:CutPoint`` (its removal splits the network), ``:Broker`` (a broker finding names
it). Measures are those of the analysis's layer (``--ties``, default working ties)
and combine rule, with the conventions ``Analysis.conventions`` states; the Dataset
node keeps them in ``conventions`` (JSON) so the numbers are never read without
their meaning.

A later push first clears what an earlier write-back put there (the property names
are kept on the Dataset node), so measures never outlive the data they were
computed from.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from graphnet.model import ACTOR_FIELDS
from graphnet.neo4j.rows import actor_uid
from graphnet.plain import to_plain

__all__ = ["MEASURE_LABELS", "measure_rows", "write_measures"]

#: Label → the per-actor boolean column (or finding kind) that gives it.
MEASURE_LABELS = {"Isolated": "is_isolated", "Unknown": "is_unknown", "CutPoint": "is_cut_point",
                  "Broker": "broker"}

# Columns that are the actor's own data, already on the node (with the node's keys).
_ACTOR_FIELDS = {*ACTOR_FIELDS, "uid", "dataset", "gen"}


def _property(value: Any) -> Any:
    """``value`` as a Neo4j property: plain (:func:`graphnet.plain.to_plain`); a list only
    when it holds text, numbers or booleans alone (Neo4j stores no other), else None;
    a mapping as JSON text."""
    plain = to_plain(value)
    if isinstance(plain, list):
        return plain if all(isinstance(v, (str, int, float, bool)) for v in plain) else None
    if isinstance(plain, dict):
        return json.dumps(plain, ensure_ascii=False)
    return plain


def measure_rows(analysis: Any, dataset: str) -> list[dict[str, Any]]:
    """One row per actor: ``uid``, ``props`` (the measures) and ``labels``."""
    table = analysis.actors
    brokers = {actor for finding in analysis.findings if finding.kind == "broker"
               for actor in finding.actors}
    rows = []
    for actor_id, record in table.iterrows():
        actor_id = str(record.get("id", actor_id))
        props = {str(column): _property(value) for column, value in record.items()
                 if str(column) not in _ACTOR_FIELDS}
        labels = [label for label, column in MEASURE_LABELS.items()
                  if bool(props.get(column)) or (label == "Broker" and actor_id in brokers)]
        rows.append({"uid": actor_uid(dataset, actor_id), "props": props, "labels": labels})
    conventions = getattr(analysis, "conventions", {}) or {}
    if rows:
        rows[0]["conventions"] = json.dumps(dict(conventions), ensure_ascii=False)
    return rows


_FORMER = "MATCH (d:Dataset {id: $dataset}) RETURN d.measure_properties AS names"
_CLEAR_PROPS = """
MATCH (a:Actor {dataset: $dataset})
SET a += $nulls
"""
_CLEAR_LABEL = "MATCH (a:Actor:{label} {{dataset: $dataset}}) REMOVE a:{label}"
_SET_PROPS = """
UNWIND $rows AS r
MATCH (a:Actor {uid: r.uid})
SET a += r.props
"""
_SET_LABEL = """
UNWIND $uids AS uid
MATCH (a:Actor {{uid: uid}})
SET a:{label}
"""
_REMEMBER = """
MATCH (d:Dataset {id: $dataset})
SET d.measure_properties = $names, d.conventions = $conventions
"""


def write_measures(session: Any, dataset: str, rows: list[dict[str, Any]], batch_size: int,
                   progress: Callable[[int], None]) -> None:
    """Clear the measures an earlier push wrote on ``dataset``, then write ``rows``."""
    record = session.run(_FORMER, dataset=dataset).single()
    former = list(record["names"] or []) if record else []
    if former:
        session.run(_CLEAR_PROPS, dataset=dataset, nulls=dict.fromkeys(former)).consume()
    for label in MEASURE_LABELS:
        session.run(_CLEAR_LABEL.format(label=label), dataset=dataset).consume()
    names: set[str] = set()
    for start in range(0, len(rows), batch_size):
        batch = rows[start:start + batch_size]
        session.run(_SET_PROPS, rows=[{"uid": r["uid"], "props": r["props"]} for r in batch]
                    ).consume()
        for row in batch:
            names.update(row["props"])
        progress(start + len(batch))
    for label in MEASURE_LABELS:
        uids = [row["uid"] for row in rows if label in row["labels"]]
        if uids:
            session.run(_SET_LABEL.format(label=label), uids=uids).consume()
    conventions = rows[0].get("conventions") if rows else None
    session.run(_REMEMBER, dataset=dataset, names=sorted(names) or None,
                conventions=conventions).consume()
