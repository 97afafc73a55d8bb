"""Comparing two mappings of the same network: did it improve?

:func:`compare` gives the changes as plain data (:mod:`graphnet.compare.comparison`,
the records in :mod:`graphnet.compare.records`, made by :mod:`graphnet.compare.diff`
and :mod:`graphnet.compare.findings`); :func:`write_comparison` writes them as HTML,
Markdown, JSON, CSV and a map (:mod:`graphnet.compare.render`, the tables in
:mod:`graphnet.compare.tables`, the JSON by :mod:`graphnet.compare.serialise`). The
JSON schema is ``graphnet.compare/1`` (``docs/compare-schema.md``).

>>> from graphnet.model import Actor, Link, Network
>>> ospod, school = Actor("o", "OSPOD", "child_protection"), Actor("z", "ZŠ", "education")
>>> before = Network(actors=(ospod, school))
>>> after = Network(actors=(ospod, school), links=(Link("z", "o", "referral"),))
>>> changes = compare_networks(before, after)  # compare() adds positions and findings
>>> [(c.source, c.target, c.kind) for c in changes.links.gained]
[('z', 'o', 'referral')]
"""

from __future__ import annotations

from graphnet.compare.comparison import SCHEMA, Comparison, compare, compare_networks
from graphnet.compare.render import write_comparison

__all__ = ["SCHEMA", "Comparison", "compare", "compare_networks", "write_comparison"]
