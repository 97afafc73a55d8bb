"""graphnet's own JSON format, ``graphnet.network/1`` (documented in ``docs/formats.md``).

The document is also the metadata GraphML and GEXF files carry, so every format
reads through the same checks. :func:`to_document` gives the plain dict,
:func:`tables_from_document` the :class:`~graphnet.table.Table` s to check.

>>> from graphnet.model import Actor, Network
>>> doc = to_document(Network(actors=(Actor("a", "OSPOD", "child_protection", contact="x@y"),)))
>>> doc["format"], doc["actors"][0]["id"], "contact" in doc["actors"][0]
('graphnet.network/1', 'a', False)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from graphnet.errors import Problem
from graphnet.i18n import t
from graphnet.model import (
    PERSONAL_FIELDS,
    Actor,
    Attendance,
    Link,
    Network,
    Respondent,
    actor_fields,
)
from graphnet.settings import check_sectors
from graphnet.table import REQUIRED, Table
from graphnet.vocab import SECTORS, Term

__all__ = ["FORMAT", "ACTOR_FIELDS", "LINK_FIELDS", "ATTENDANCE_FIELDS", "RESPONDENT_FIELDS",
           "to_document", "actor_record", "link_record", "attendance_record",
           "respondent_record", "tables_from_records",
           "tables_from_document", "custom_sectors"]

FORMAT = "graphnet.network/1"

#: The actor fields that are one value each in the document (``attributes``, the extra
#: columns, is an object of its own).
ACTOR_FIELDS = actor_fields(without=("attributes",))
LINK_FIELDS = ("source", "target", "kind", "weight", "date", "reported_by", "note")
ATTENDANCE_FIELDS = ("meeting", "actor", "date", "title")
RESPONDENT_FIELDS = ("actor", "answered", "date", "method", "note")


def custom_sectors(network: Network) -> list[Term]:
    """The sectors a project added to the built-in ones."""
    return [term for term in network.sectors if term.code not in SECTORS]


def actor_record(actor: Actor, include_personal: bool = False) -> dict[str, Any]:
    record: dict[str, Any] = {}
    for name in ACTOR_FIELDS:
        if name in PERSONAL_FIELDS and not include_personal:
            continue
        value = getattr(actor, name)
        record[name] = list(value) if isinstance(value, tuple) else value
    record["attributes"] = dict(actor.attributes)
    return record


def link_record(link: Link) -> dict[str, Any]:
    record: dict[str, Any] = {name: getattr(link, name) for name in LINK_FIELDS}
    record["date"] = link.date.isoformat() if link.date else None
    record["attributes"] = dict(link.attributes)
    return record


def attendance_record(row: Attendance) -> dict[str, Any]:
    return {"meeting": row.meeting, "actor": row.actor,
            "date": row.date.isoformat() if row.date else None, "title": row.title}


def respondent_record(row: Respondent) -> dict[str, Any]:
    return {"actor": row.actor, "answered": row.answered,
            "date": row.date.isoformat() if row.date else None, "method": row.method,
            "note": row.note}


def to_document(network: Network, include_personal: bool = False, *,
                with_tables: bool = True) -> dict[str, Any]:
    """The network as a JSON-ready dict; personal fields only when asked.

    ``with_tables=False`` leaves out actors and links (the metadata GraphML and
    GEXF carry beside their nodes and edges).
    """
    document: dict[str, Any] = {
        "format": FORMAT,
        "name": network.name,
        "source": network.source,
        "mapped_on": network.mapped_on.isoformat() if network.mapped_on else None,
        "language": network.language,
        "sectors": [{"code": s.code, "en": s.en, "cs": s.cs} for s in custom_sectors(network)],
        "personal_fields_included": include_personal,
    }
    if with_tables:
        document["actors"] = [actor_record(a, include_personal) for a in network.actors]
        document["links"] = [link_record(link) for link in network.links]
    document["attendance"] = [attendance_record(row) for row in network.attendance]
    if network.respondents:  # only when the data has a respondents table
        document["respondents"] = [respondent_record(row) for row in network.respondents]
    return document


def tables_from_records(kind: str, file: str, records: Sequence[Any], lang: str = "en"
                        ) -> tuple[Table, list[Problem]]:
    """A table of one kind from JSON-like records (dicts with an optional ``attributes``)."""
    problems: list[Problem] = []
    rows: list[Mapping[str, Any]] = []
    # Extra attributes column by column (most records have none).
    extras: dict[str, list[Any]] = {}
    for position, record in enumerate(records):
        if not isinstance(record, Mapping):
            problems.append(Problem(file, position + 1, None, str(record)[:80],
                                    t("data.bad_json", lang, reason="not an object")))
            record = {}
        rows.append(record)
        attributes = record.get("attributes")
        if not attributes:
            continue
        if not isinstance(attributes, Mapping):
            problems.append(Problem(file, position + 1, "attributes", str(attributes)[:80],
                                    t("data.bad_json", lang, reason="attributes: not an object")))
            continue
        for key, value in attributes.items():
            extras.setdefault(str(key), [None] * len(records))[position] = value
    fields = {"actors": ACTOR_FIELDS, "links": LINK_FIELDS, "meetings": ATTENDANCE_FIELDS,
              "respondents": RESPONDENT_FIELDS}[kind]
    present = [name for name in fields if any(name in record for record in rows)]
    if not rows:
        present = list(REQUIRED[kind])
    frame = pd.DataFrame({name: pd.Series([record.get(name) for record in rows], dtype=object)
                          for name in present}, columns=present)
    table = Table(
        file=file,
        frame=frame,
        headers={name: name for name in present},
        rows=list(range(1, len(rows) + 1)),
        extras=pd.DataFrame({key: pd.Series(values, dtype=object)
                             for key, values in extras.items()}),
        missing={name: name for name in REQUIRED[kind] if name not in present},
    )
    return table, problems


def tables_from_document(document: Any, file: str, lang: str = "en"
                         ) -> tuple[dict[str, Table], dict[str, Any], list[Problem]]:
    """The tables and the metadata of a JSON document, and problems with its shape.

    Rows in problems count the records of each list from 1 (``actors`` record 3 is
    row 3 of ``file (actors)``).
    """
    if not isinstance(document, Mapping):
        return {}, {}, [Problem(file, None, None, None,
                                t("data.bad_json", lang, reason="not an object"))]
    problems: list[Problem] = []
    version = document.get("format")
    if version != FORMAT:
        problems.append(Problem(file, None, "format", None if version is None else str(version),
                                t("data.bad_format_version", lang, expected=FORMAT)))
    tables: dict[str, Table] = {}
    for kind, key in (("actors", "actors"), ("links", "links"), ("meetings", "attendance"),
                      ("respondents", "respondents")):
        records = document.get(key)
        if records is None:
            continue
        if not isinstance(records, list):
            problems.append(Problem(file, None, key, None,
                                    t("data.bad_json", lang, reason=f"{key}: not a list")))
            continue
        table, table_problems = tables_from_records(kind, f"{file} ({key})", records, lang)
        tables[kind] = table
        problems += table_problems
    meta = {key: document.get(key) for key in ("name", "source", "mapped_on", "language")}
    sectors, sector_problems = check_sectors(document.get("sectors"), file, lang=lang)
    meta["sectors"] = sectors
    problems += sector_problems
    return tables, meta, problems
