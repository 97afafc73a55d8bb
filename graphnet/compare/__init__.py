"""Comparing two mappings of the same network: did it improve?

:func:`compare` gives the changes as plain data (:mod:`graphnet.compare.diff`);
:func:`write_comparison` writes them as HTML, Markdown, JSON and CSV
(:mod:`graphnet.compare.render`).
"""

from __future__ import annotations

from graphnet.compare.diff import SCHEMA, Comparison, compare, compare_networks
from graphnet.compare.render import write_comparison

__all__ = ["SCHEMA", "Comparison", "compare", "compare_networks", "write_comparison"]
