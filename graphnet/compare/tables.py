"""The comparison as tables, one per ``compare_*.csv`` file.

>>> sorted(CSV_FILES)[:3]
['actors', 'figures', 'findings']
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from graphnet.compare.comparison import Comparison
from graphnet.compare.records import FindingChanges, LinkChanges

__all__ = ["CSV_FILES", "tables"]

#: The CSV tables, file name → what they hold.
CSV_FILES = {
    "actors": "compare_actors.csv",
    "id_suggestions": "compare_id_suggestions.csv",
    "links": "compare_links.csv",
    "links_by_kind": "compare_links_by_kind.csv",
    "sector_pairs": "compare_sector_pairs.csv",
    "figures": "compare_figures.csv",
    "positions": "compare_positions.csv",
    "roles": "compare_roles.csv",
    "findings": "compare_findings.csv",
}


# --- plain tables (CSV) ---------------------------------------------------------------


def _link_frame(links: LinkChanges) -> pd.DataFrame:
    """The links gained, lost and re-weighted, one row each, built column by column
    (a national comparison has 100,000 of them; a dict per row took a quarter second).
    """
    changes = [*links.gained, *links.lost, *links.reweighted]
    change = (["gained"] * len(links.gained) + ["lost"] * len(links.lost)
              + ["reweighted"] * len(links.reweighted))
    names = ("kind", "source", "source_name", "target", "target_name", "directed",
             "weight_before", "weight_after", "weight_change")
    if not changes:  # no values to infer types from: columns of objects, as for other tables
        return _frame([], ["change", *names])
    columns: dict[str, list[Any]] = {"change": change}
    for name in names:
        columns[name] = [getattr(c, name) for c in changes]
    return pd.DataFrame(columns, columns=list(columns))


def _finding_rows(findings: FindingChanges, lang: str) -> list[dict[str, Any]]:
    rows = []
    for status, group in (("resolved", findings.resolved), ("new", findings.new),
                          ("still_open", findings.still_open)):
        for finding in group:
            rows.append({
                "status": status,
                "kind": finding.kind,
                "severity": finding.severity,
                "actors": "|".join(finding.actors),
                "sectors": "|".join(finding.sectors),
                "text": finding.text.get(lang, ""),
            })
    return rows


def _frame(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=list(columns))


def tables(comparison: Comparison, lang: str = "cs") -> dict[str, pd.DataFrame]:
    """The comparison as tables, one per CSV file (keys of :data:`CSV_FILES`).

    Columns are stable English names; values are codes and plain numbers, so the
    tables read the same in either language (finding texts are in ``lang``).
    """
    actors = comparison.actors
    actor_rows = (
        [{"change": "added", "id": a.id, "name": a.name, "sector": a.sector,
          "name_before": None, "sector_before": None} for a in actors.added]
        + [{"change": "removed", "id": a.id, "name": None, "sector": None,
            "name_before": a.name, "sector_before": a.sector} for a in actors.removed]
        + [{"change": "edited", "id": e.id, "name": e.name_after, "sector": e.sector_after,
            "name_before": e.name_before, "sector_before": e.sector_before}
           for e in actors.edited]
    )
    links = comparison.links
    return {
        "actors": _frame(actor_rows, ["change", "id", "name", "sector", "name_before",
                                      "sector_before"]),
        "id_suggestions": _frame(
            [{"old_id": s.old_id, "new_id": s.new_id, "old_name": s.old_name,
              "new_name": s.new_name, "old_sector": s.old_sector, "new_sector": s.new_sector,
              "same_sector": s.same_sector} for s in actors.id_suggestions],
            ["old_id", "new_id", "old_name", "new_name", "old_sector", "new_sector",
             "same_sector"],
        ),
        "links": _link_frame(links),
        "links_by_kind": _frame(
            [vars(k) for k in comparison.kinds],
            ["kind", "before", "after", "gained", "lost", "reweighted"],
        ),
        "sector_pairs": _frame(
            [vars(p) | {"density_change": p.density_change} for p in comparison.sector_pairs],
            ["sector_a", "sector_b", "linked_before", "linked_after", "possible_before",
             "possible_after", "density_before", "density_after", "density_change", "expected"],
        ),
        "figures": _frame(
            [{"key": f.key, "before": f.before, "after": f.after, "difference": f.difference,
              "better_when": f.better_when, "verdict": f.verdict} for f in comparison.figures],
            ["key", "before", "after", "difference", "better_when", "verdict"],
        ),
        "positions": _frame(
            [vars(p) | {"degree_change": p.degree_change,
                        "betweenness_change": p.betweenness_change}
             for p in comparison.positions],
            ["id", "name", "sector", "degree_before", "degree_after", "degree_change",
             "betweenness_before", "betweenness_after", "betweenness_change"],
        ),
        "roles": _frame([vars(r) for r in comparison.roles],
                        ["id", "name", "sector", "role", "change"]),
        "findings": _frame(_finding_rows(comparison.findings, lang),
                           ["status", "kind", "severity", "actors", "sectors", "text"]),
    }


