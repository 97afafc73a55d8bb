"""The records of a comparison as JSON-ready data, and the text of ``compare.json``.

:meth:`graphnet.compare.Comparison.to_dict` builds the schema ``graphnet.compare/1``
(``docs/compare-schema.md``) from these converters; :func:`json_bytes` writes it.

>>> from graphnet.compare.records import ActorRef
>>> records([ActorRef("a", "OSPOD", "child_protection")])
[{'id': 'a', 'name': 'OSPOD', 'sector': 'child_protection'}]
>>> json_bytes({"density": float("nan"), "ids": ("a", "b")})
b'{\\n  "density": null,\\n  "ids": [\\n    "a",\\n    "b"\\n  ]\\n}\\n'
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import fields
from typing import Any

import orjson

from graphnet.analysis import Finding
from graphnet.compare.records import LinkChange, MappingInfo, PairChange
from graphnet.model import Network
from graphnet.report.files import json_ready

__all__ = ["records", "link_record", "pair_record", "finding_record", "mapping_record",
           "json_bytes"]


def records(items: Sequence[Any]) -> list[dict[str, Any]]:
    """Flat dataclass records (fields of plain values only) as dicts, in field order:
    what :func:`dataclasses.asdict` gives for them, without its recursive deep copy,
    which took seconds over the 100,000 records of a national comparison."""
    if not items:
        return []
    names = [f.name for f in fields(items[0])]
    return [{name: getattr(item, name) for name in names} for item in items]


def link_record(change: LinkChange) -> dict[str, Any]:
    """A gained, lost or re-weighted link with its weight change."""
    return {
        "source": change.source,
        "target": change.target,
        "kind": change.kind,
        "directed": change.directed,
        "weight_before": change.weight_before,
        "weight_after": change.weight_after,
        "source_name": change.source_name,
        "target_name": change.target_name,
        "weight_change": change.weight_change,
    }


def pair_record(change: PairChange) -> dict[str, Any]:
    """A pair that started working together or meeting at the platform."""
    return {
        "source": change.source,
        "target": change.target,
        "source_name": change.source_name,
        "target_name": change.target_name,
        "source_sector": change.source_sector,
        "target_sector": change.target_sector,
        "change": change.change,
        "platform_only": change.platform_only,
        "working_before": change.working_before,
        "working_after": change.working_after,
        "platform_before": change.platform_before,
        "platform_after": change.platform_after,
    }


def finding_record(finding: Finding) -> dict[str, Any]:
    """A finding as the analysis's JSON writes it (texts in both languages)."""
    return {
        "kind": finding.kind,
        "severity": finding.severity,
        "actors": list(finding.actors),
        "sectors": list(finding.sectors),
        "figures": dict(finding.figures),
        "text": dict(finding.text),
    }


def mapping_record(info: MappingInfo, network: Network, links: float | None) -> dict[str, Any]:
    """Which mapping one side is, with its numbers of actors and links."""
    mapped_on = info.mapped_on.isoformat() if info.mapped_on is not None else None
    return {
        "name": info.name,
        "mapped_on": mapped_on,
        "source": info.source,
        "actors": len(network.actors),
        "links": links,
    }


def json_bytes(data: Mapping[str, Any]) -> bytes:
    """``data`` as strict JSON in UTF-8: keys in the order given, indented by two
    spaces, NaN and infinity as null, a newline at the end.

    Written by orjson, as the report writes ``report.json``
    (:func:`graphnet.report.files.write_json`): the 40 MB of a national comparison
    take it a tenth of a second where the standard library's indented writer needs
    seconds. What orjson does not know (sets, numpy scalars, dates) goes through
    :func:`graphnet.report.files.json_ready`. Every float is the shortest text that
    reads back as the same double; for 1e-9 ≤ |x| < 1e-4 orjson spells it otherwise
    than Python's ``repr`` (``1.5e-7``, ``0.00001``), the same value. Data orjson
    refuses (a key that is not text, an integer beyond 64 bits) is written by the
    standard library.
    """
    try:
        text = orjson.dumps(data, default=json_ready,
                            option=orjson.OPT_INDENT_2 | orjson.OPT_PASSTHROUGH_DATETIME)
    except TypeError:  # orjson.JSONEncodeError is a TypeError
        plain = json.dumps(json_ready(data), ensure_ascii=False, indent=2, allow_nan=False)
        return (plain + "\n").encode("utf-8")
    return text + b"\n"
