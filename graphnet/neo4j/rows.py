"""A :class:`~graphnet.model.Network` as the rows graphnet writes to Neo4j, and back.

Pure functions over plain data: no driver here. The schema (see ``cypher/README.md``):

- ``(:Actor {uid, dataset, id, name, sector, type, municipality, orp, region, needs,
  levels, notes, attributes})`` — ``uid = dataset + ":" + id`` is unique across the
  whole database, ``id`` is unique inside one dataset. ``attributes`` holds the
  extra columns of the user's file as a JSON object (Neo4j has no map properties).
  Personal fields (``contact``) are written only when asked.
- ``(:Sector {code, name_cs, name_en})``, shared by every dataset; ``IN_SECTOR``.
- ``REFERS_TO`` and ``INFORMS`` (directed, source → target), ``MEETS_WITH`` and
  ``COOPERATES_WITH`` (stored once, in the order the user wrote; query them without
  direction). Each carries ``key, dataset, weight, date, reported_by, note``. Meeting
  links graphnet derives from attendance lists are stored too, as ``MEETS_WITH``
  with ``derived_from = "attendance"``, so that queries see the same network the
  measures do; pull leaves them out (they come back from the attendance).
- ``(:Meeting {uid, dataset, id, date, title})`` and ``(:Actor)-[:ATTENDED]->(:Meeting)``.
- ``(:Dataset {id, name, orp, mapped_on, source, language, sectors, combine})``.
- ``TIE`` (one per tie of :func:`graphnet.ties.tie_list`, both layers): ``key, dataset,
  kind, layer`` (``working``/``platform``), ``weight`` (the reports combined by
  ``combine``), ``status``, ``combine``, ``directed`` and, per reporting side in the
  order of ``tie_record``, ``reported_by`` (list; the networker's record as ``""``)
  with ``report_weights`` (list) and ``reports`` (their count). A referral or
  information tie points source → target; cooperation and meeting ties are stored
  once (source < target as graphnet orders them): query them without direction.
  The report relationships above stay as they are: pull reads only them.
- The respondents table rides on the actor node: ``respondent_answered``
  (true/false; absent = the actor is not in the table), ``respondent_date``,
  ``respondent_method``, ``respondent_note``; and ``responded``: whether the actor
  answered as the analysis takes it (from the table, else from ``reported_by``; null
  when nothing tells who answered). ``Dataset.respondents_source`` says which.

A link has no natural id, so its ``key`` is a hash of (dataset, source, target,
kind, date, reported_by, note, derived_from) plus its position among identical
links (two identical rows are two links). Pushing the same data again yields the
same keys, so MERGE finds what exists.

>>> from graphnet.model import Actor, Link, Network
>>> net = Network((Actor("a", "A", "police"), Actor("b", "B", "health")),
...               (Link("a", "b", "referral"), Link("a", "b", "referral")))
>>> [r["key"][-2:] for r in link_rows(net, "d")]
[':0', ':1']
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from graphnet.model import (
    ACTOR_LIST_FIELDS,
    ACTOR_TEXT_FIELDS,
    DERIVED_FROM_ATTENDANCE,
    PERSONAL_FIELDS,
    Actor,
    Attendance,
    Link,
    Network,
    Respondent,
    actor_fields,
)
from graphnet.vocab import SECTORS, Term, Vocabulary

__all__ = [
    "RELATIONSHIP_TYPES",
    "KIND_OF_TYPE",
    "actor_uid",
    "actor_rows",
    "link_rows",
    "meeting_rows",
    "attendance_rows",
    "sector_rows",
    "dataset_row",
    "network_from_rows",
    "tie_rows",
    "RESPONDENT_PROPERTIES",
]

#: Actor-node properties that hold the respondents table row.
RESPONDENT_PROPERTIES = ("respondent_answered", "respondent_date", "respondent_method",
                         "respondent_note")

#: Link kind → relationship type.
RELATIONSHIP_TYPES: dict[str, str] = {
    "referral": "REFERS_TO",
    "information": "INFORMS",
    "meeting": "MEETS_WITH",
    "cooperation": "COOPERATES_WITH",
}
KIND_OF_TYPE = {rel: kind for kind, rel in RELATIONSHIP_TYPES.items()}


def actor_uid(dataset: str, actor_id: str) -> str:
    """The database-wide key of an actor: ``dataset:id``.

    >>> actor_uid("orp-horni-lhota-2025", "ospod")
    'orp-horni-lhota-2025:ospod'
    """
    return f"{dataset}:{actor_id}"


def _json(value: Mapping[str, str]) -> str | None:
    return json.dumps(dict(value), ensure_ascii=False, sort_keys=True) if value else None


#: The actor fields written on the node as they are (the personal ones only when asked,
#: the extra columns as one JSON text).
_NODE_FIELDS = actor_fields(without=("attributes", *PERSONAL_FIELDS))


def actor_rows(network: Network, dataset: str, *, include_personal: bool = False
               ) -> list[dict[str, Any]]:
    """One row per actor: ``uid``, ``sector`` and ``props`` (the node's properties)."""
    from graphnet.ties import respondents_of  # who answered, as the analysis takes it

    respondents = {row.actor: row for row in network.respondents}
    known = respondents_of(network)
    rows = []
    for actor in network.actors:
        props: dict[str, Any] = {"uid": actor_uid(dataset, actor.id), "dataset": dataset}
        for name in _NODE_FIELDS:
            value = getattr(actor, name)
            props[name] = list(value) if name in ACTOR_LIST_FIELDS else value
        props["attributes"] = _json(actor.attributes)
        for name in PERSONAL_FIELDS:
            props[name] = getattr(actor, name) if include_personal else None
        answer = respondents.get(actor.id)
        props["respondent_answered"] = answer.answered if answer else None
        props["respondent_date"] = answer.date if answer else None
        props["respondent_method"] = answer.method if answer else None
        props["respondent_note"] = answer.note if answer else None
        props["responded"] = actor.id in known.answered if known.source != "none" else None
        rows.append({"uid": props["uid"], "sector": actor.sector, "props": props})
    return rows


def tie_rows(network: Network, dataset: str, combine: str = "max") -> list[dict[str, Any]]:
    """One row per tie (working, then platform) for the ``TIE`` relationships:
    ``key``, ``source``/``target`` uids and ``props``. The key is (layer, kind, source,
    target): pushing the same data again MERGEs onto the same relationship."""
    from graphnet.ties import tie_list, tie_record  # the tie model, only when pushing

    rows = []
    for tie in tie_list(network, combine):
        record = tie_record(tie)
        key = f"{dataset}:{tie.layer}:{tie.kind}:{tie.source}:{tie.target}"
        reports = record["reports"]
        rows.append({
            "key": key,
            "source": actor_uid(dataset, tie.source),
            "target": actor_uid(dataset, tie.target),
            "props": {
                "key": key, "dataset": dataset, "kind": tie.kind, "layer": tie.layer,
                "weight": float(tie.weight), "status": tie.status, "combine": combine,
                "directed": tie.kind in ("referral", "information"),
                "reported_by": [r["reported_by"] or "" for r in reports],
                "report_weights": [float(r["weight"]) for r in reports],
                "reports": len(reports),
            },
        })
    return rows


def _link_identity(dataset: str, link: Link) -> str:
    parts = [link.source, link.target, link.kind,
             link.date.isoformat() if link.date else None, link.reported_by, link.note,
             link.attributes.get("derived_from")]
    return hashlib.sha1(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()[:20]


def link_rows(network: Network, dataset: str) -> list[dict[str, Any]]:
    """One row per link (reported ones, then meeting links derived from attendance):
    ``key``, ``type`` (relationship type), ``source``/``target`` uids and ``props``."""
    seen: Counter[str] = Counter()
    rows = []
    for link in network.all_links():
        identity = _link_identity(dataset, link)
        key = f"{dataset}:{identity}:{seen[identity]}"
        seen[identity] += 1
        attributes = {k: v for k, v in link.attributes.items() if k != "derived_from"}
        rows.append({
            "key": key,
            "type": RELATIONSHIP_TYPES[link.kind],
            "source": actor_uid(dataset, link.source),
            "target": actor_uid(dataset, link.target),
            "props": {
                "key": key,
                "dataset": dataset,
                "weight": float(link.weight),
                "date": link.date,
                "reported_by": link.reported_by,
                "note": link.note,
                "derived_from": link.attributes.get("derived_from"),
                "attributes": _json(attributes),
            },
        })
    return rows


def meeting_rows(network: Network, dataset: str) -> list[dict[str, Any]]:
    """One row per meeting (date and title from its first attendance row that has them)."""
    meetings: dict[str, dict[str, Any]] = {}
    for row in network.attendance:
        meeting = meetings.setdefault(row.meeting, {
            "uid": actor_uid(dataset, row.meeting), "dataset": dataset, "id": row.meeting,
            "date": None, "title": None})
        meeting["date"] = meeting["date"] or row.date
        meeting["title"] = meeting["title"] or row.title
    return [{"uid": m["uid"], "props": m} for m in meetings.values()]


def attendance_rows(network: Network, dataset: str) -> list[dict[str, Any]]:
    """One row per attendance row; its date and title ride on the ``ATTENDED`` link so
    that pull gives back exactly the rows the user wrote."""
    seen: Counter[tuple[str, str]] = Counter()
    rows = []
    for row in network.attendance:
        n = seen[(row.meeting, row.actor)]
        seen[(row.meeting, row.actor)] += 1
        key = f"{dataset}:{row.meeting}:{row.actor}:{n}"
        rows.append({
            "key": key,
            "actor": actor_uid(dataset, row.actor),
            "meeting": actor_uid(dataset, row.meeting),
            "props": {"key": key, "dataset": dataset, "date": row.date, "title": row.title},
        })
    return rows


def sector_rows(network: Network) -> list[dict[str, Any]]:
    """One row per sector of the network's vocabulary."""
    return [{"code": term.code, "name_cs": term.cs, "name_en": term.en}
            for term in network.sectors]


def _own_sectors(vocabulary: Vocabulary) -> list[Term]:
    """The terms a project added (or changed) on top of the built-in sectors."""
    return [term for term in vocabulary if SECTORS.get(term.code) != term]


def dataset_row(network: Network, dataset: str) -> dict[str, Any]:
    """The properties of the ``(:Dataset)`` node."""
    orps = Counter(actor.orp for actor in network.actors if actor.orp)
    own = [{"code": t.code, "en": t.en, "cs": t.cs, "aliases": list(t.aliases),
             "extra": dict(t.extra)} for t in _own_sectors(network.sectors)]
    return {
        "id": dataset,
        "name": network.name,
        "orp": orps.most_common(1)[0][0] if orps else None,
        "mapped_on": network.mapped_on,
        "source": network.source,
        "language": network.language,
        "sectors": json.dumps(own, ensure_ascii=False) if own else None,
    }


def _date(value: Any) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    if hasattr(value, "to_native"):  # neo4j.time.Date
        native = value.to_native()
        return native if isinstance(native, dt.date) else None
    return dt.date.fromisoformat(str(value)[:10])


def _attributes(value: Any) -> dict[str, str]:
    return dict(json.loads(value)) if value else {}


def network_from_rows(dataset: Mapping[str, Any], actors: Sequence[Mapping[str, Any]],
                      links: Sequence[Mapping[str, Any]],
                      attendance: Sequence[Mapping[str, Any]]
                      ) -> Network:
    """Rebuild a Network from what a pull read (the inverse of the row functions).

    ``links`` rows carry ``type``, ``source``, ``target`` (actor ids) and the link's
    properties; derived meeting links are skipped (attendance brings them back).
    """
    sectors = SECTORS
    if dataset.get("sectors"):
        own = [Term(s["code"], s["en"], s["cs"], tuple(s.get("aliases", ())),
                    dict(s.get("extra", {}))) for s in json.loads(dataset["sectors"])]
        sectors = SECTORS.with_terms(own)
    built_actors = []
    respondents: list[Respondent] = []
    for row in actors:
        fields: dict[str, Any] = {name: row.get(name) for name in ACTOR_TEXT_FIELDS}
        fields.update({name: tuple(row.get(name) or ()) for name in ACTOR_LIST_FIELDS})
        if row.get("respondent_answered") is not None:
            respondents.append(Respondent(
                actor=row["id"], answered=bool(row["respondent_answered"]),
                date=_date(row.get("respondent_date")), method=row.get("respondent_method"),
                note=row.get("respondent_note")))
        built_actors.append(Actor(id=row["id"], name=row["name"], sector=row["sector"],
                                  attributes=_attributes(row.get("attributes")), **fields))
    built_links = []
    for row in links:
        if row.get("derived_from") == DERIVED_FROM_ATTENDANCE:
            continue
        built_links.append(Link(
            source=row["source"], target=row["target"], kind=KIND_OF_TYPE[row["type"]],
            weight=float(row["weight"]) if row.get("weight") is not None else 1.0,
            date=_date(row.get("date")), reported_by=row.get("reported_by"),
            note=row.get("note"), attributes=_attributes(row.get("attributes")),
        ))
    built_attendance = [
        Attendance(meeting=row["meeting"], actor=row["actor"], date=_date(row.get("date")),
                   title=row.get("title"))
        for row in attendance
    ]
    return Network(
        actors=tuple(built_actors), links=tuple(built_links),
        attendance=tuple(built_attendance), respondents=tuple(respondents), sectors=sectors,
        name=dataset.get("name"),
        mapped_on=_date(dataset.get("mapped_on")), source=dataset.get("source"),
        language=dataset.get("language"),
    )
