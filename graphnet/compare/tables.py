"""The comparison as tables, one per ``compare_*.csv`` file, in the report's conventions.

Each table reads as the report's tables read (:mod:`graphnet.report.tables`): headers
from the message catalogue in the user's language, codes as words (sectors, kinds of
link and of finding, severities, what changed), flags as "ano"/"ne" ("yes"/"no"),
actor ids beside the names so a row can be traced back to the input, floats to six
significant digits, counts as whole numbers. The writer
(:func:`graphnet.report.files.write_csv`) adds the language's separator and decimal
mark.

>>> from graphnet.compare.comparison import compare_networks
>>> from graphnet.model import Actor, Link, Network
>>> old = Network(actors=(Actor("o", "OSPOD", "child_protection"), Actor("z", "ZŠ", "education")))
>>> new = Network(actors=old.actors, links=(Link("z", "o", "referral", 2.0),))
>>> links = tables(compare_networks(old, new), "cs")["links"]
>>> links.iloc[0, :3].tolist(), links.columns[:3].tolist()
(['vzniklá', 'doporučení', 'z'], ['Změna', 'Druh vazby', 'Od (ID)'])
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import pandas as pd

from graphnet.compare.comparison import Comparison
from graphnet.compare.records import FigureChange, FindingChanges, LinkChanges
from graphnet.i18n import t
from graphnet.report.tables import KIND_KEYS, SEVERITY_KEYS, headers, label, significant, yes_no
from graphnet.vocab import LINK_KINDS, Vocabulary

__all__ = ["CSV_FILES", "COLUMN_KEYS", "tables"]

#: The CSV tables, file name → what they hold.
CSV_FILES = {
    "actors": "compare_actors.csv",
    "id_suggestions": "compare_id_suggestions.csv",
    "links": "compare_links.csv",
    "links_by_kind": "compare_links_by_kind.csv",
    "pairs": "compare_pairs.csv",
    "sector_pairs": "compare_sector_pairs.csv",
    "figures": "compare_figures.csv",
    "positions": "compare_positions.csv",
    "roles": "compare_roles.csv",
    "findings": "compare_findings.csv",
}

#: The header of each column: the report's own where the report has the column.
COLUMN_KEYS: Mapping[str, str] = {
    "id": "report.col_id",
    "name": "report.col_name",
    "sector": "report.col_sector",
    "sector_a": "report.col_sector_a",
    "sector_b": "report.col_sector_b",
    "expected": "report.col_expected",
    "finding_kind": "report.col_kind",
    "severity": "report.col_severity",
    "actors": "report.col_actors",
    "sectors": "report.col_sectors",
    "text": "report.col_text",
    "actor_ids": "report.col_id",
    **{column: f"compare.col_{column}" for column in (
        "change", "name_before", "sector_before", "old_id", "new_id", "old_name", "new_name",
        "old_sector", "new_sector", "same_sector", "source", "source_name", "target",
        "target_name", "directed", "weight_before", "weight_after", "weight_change",
        "before", "after", "gained", "lost", "reweighted", "linked_before", "linked_after",
        "possible_before", "possible_after", "density_before", "density_after",
        "density_change", "figure", "difference", "better_when", "verdict",
        "degree_before", "degree_after", "degree_change", "betweenness_before",
        "betweenness_after", "betweenness_change", "role", "role_change", "status",
        "pair_change", "platform_only", "working_before", "working_after", "platform_before",
        "platform_after", "source_sector", "target_sector", "actor_a", "actor_a_name",
        "actor_b", "actor_b_name",
    )},
    "link_kind": "compare.col_link_kind",
}

#: Actors and sectors listed in one cell, as the report lists them.
LIST_SEPARATOR = "; "


def _m(key: str, lang: str) -> str:
    return t(f"compare.{key}", lang)


def _frame(rows: Sequence[dict[str, Any]], columns: Sequence[str], lang: str) -> pd.DataFrame:
    return headers(pd.DataFrame(list(rows), columns=list(columns)), lang, COLUMN_KEYS)


def _words(codes: Iterable[str], word: Any) -> list[str]:
    """Each code as its word, each distinct code looked up once (100,000 links)."""
    known: dict[str, str] = {}
    return [known[c] if c in known else known.setdefault(c, word(c)) for c in codes]


def _link_frame(links: LinkChanges, lang: str) -> pd.DataFrame:
    """The links gained, lost and re-weighted, one row each, built column by column
    (a national comparison has 100,000 of them; a dict per row took a quarter second).
    """
    changes = [*links.gained, *links.lost, *links.reweighted]
    change = ([_m("change_gained", lang)] * len(links.gained)
              + [_m("change_lost", lang)] * len(links.lost)
              + [_m("change_reweighted", lang)] * len(links.reweighted))
    names = ("source", "source_name", "target", "target_name", "weight_before",
             "weight_after", "weight_change")
    columns: dict[str, list[Any]] = {
        "change": change,
        "link_kind": _words((c.kind for c in changes), lambda k: LINK_KINDS.label(k, lang)),
    }
    for name in names:
        columns[name] = [getattr(c, name) for c in changes]
    word = yes_no(lang)
    columns["directed"] = [word(c.directed) for c in changes]
    order = ["change", "link_kind", "source", "source_name", "target", "target_name",
             "directed", "weight_before", "weight_after", "weight_change"]
    frame = pd.DataFrame({name: columns[name] for name in order}, columns=order)
    if not changes:  # no values to infer types from: columns of objects, as for other tables
        frame = frame.astype(object)
    else:
        frame = frame.astype({c: float for c in ("weight_before", "weight_after",
                                                 "weight_change")})
    return headers(frame, lang, COLUMN_KEYS)


def _figure_values(values: Iterable[float | None]) -> list[Any]:
    """Counts stay whole numbers and shares keep six significant digits in one column
    (a float column would write 53 actors as ``53,0``)."""
    cells = list(values)
    floats = [i for i, v in enumerate(cells) if isinstance(v, float)]
    rounded = significant(pd.Series([cells[i] for i in floats], dtype=float)).tolist()
    for i, value in zip(floats, rounded, strict=True):
        cells[i] = None if math.isnan(value) else value  # NaN: an empty cell
    return cells


def _figure_frame(figures: Sequence[FigureChange], lang: str) -> pd.DataFrame:
    columns = {
        "figure": [_m(f"figure_{f.key}", lang) for f in figures],
        "before": _figure_values(f.before for f in figures),
        "after": _figure_values(f.after for f in figures),
        "difference": _figure_values(f.difference for f in figures),
        "better_when": [_m(f"better_when_{f.better_when}", lang) if f.better_when else None
                        for f in figures],
        "verdict": [_m(f"verdict_{f.verdict}", lang) if f.verdict else None for f in figures],
    }
    frame = pd.DataFrame(columns, columns=list(columns), dtype=object)
    return frame.rename(columns={c: label(COLUMN_KEYS, c, lang) for c in frame.columns})


def _finding_rows(findings: FindingChanges, names: Mapping[str, str], sectors: Vocabulary,
                  lang: str) -> list[dict[str, Any]]:
    rows = []
    for status, group in (("resolved", findings.resolved), ("new", findings.new),
                          ("still_open", findings.still_open)):
        for finding in group:
            rows.append({
                "status": _m(f"status_{status}", lang),
                "finding_kind": label(KIND_KEYS, finding.kind, lang),
                "severity": label(SEVERITY_KEYS, finding.severity, lang),
                "text": finding.text.get(lang, ""),
                "actors": LIST_SEPARATOR.join(names.get(a, a) for a in finding.actors),
                "sectors": LIST_SEPARATOR.join(sectors.label(s, lang) for s in finding.sectors),
                "actor_ids": LIST_SEPARATOR.join(finding.actors),
            })
    return rows


def tables(comparison: Comparison, lang: str = "cs") -> dict[str, pd.DataFrame]:
    """The comparison as tables, one per CSV file (keys of :data:`CSV_FILES`), with
    headers and words in ``lang`` (see the module doc)."""
    sectors = comparison.sectors

    def sector(code: str | None) -> str | None:
        return sectors.label(code, lang) if code else None

    word = yes_no(lang)
    actors = comparison.actors
    actor_rows = (
        [{"change": _m("change_added", lang), "id": a.id, "name": a.name,
          "sector": sector(a.sector), "name_before": None, "sector_before": None}
         for a in actors.added]
        + [{"change": _m("change_removed", lang), "id": a.id, "name": None, "sector": None,
            "name_before": a.name, "sector_before": sector(a.sector)} for a in actors.removed]
        + [{"change": _m("change_edited", lang), "id": e.id, "name": e.name_after,
            "sector": sector(e.sector_after), "name_before": e.name_before,
            "sector_before": sector(e.sector_before)} for e in actors.edited]
    )
    names = ({a.id: a.name for a in comparison.old.actors}
             | {a.id: a.name for a in comparison.new.actors})
    return {
        "actors": _frame(actor_rows, ["change", "id", "name", "sector", "name_before",
                                      "sector_before"], lang),
        "id_suggestions": _frame(
            [{"old_id": s.old_id, "new_id": s.new_id, "old_name": s.old_name,
              "new_name": s.new_name, "old_sector": sector(s.old_sector),
              "new_sector": sector(s.new_sector), "same_sector": word(s.same_sector)}
             for s in actors.id_suggestions],
            ["old_id", "new_id", "old_name", "new_name", "old_sector", "new_sector",
             "same_sector"], lang,
        ),
        "links": _link_frame(comparison.links, lang),
        "pairs": _frame(
            [{"pair_change": _m(f"pair_change_{p.change}", lang),
              "platform_only": word(p.platform_only),
              "actor_a": p.source, "actor_a_name": p.source_name,
              "source_sector": sector(p.source_sector),
              "actor_b": p.target, "actor_b_name": p.target_name,
              "target_sector": sector(p.target_sector),
              "working_before": word(p.working_before), "working_after": word(p.working_after),
              "platform_before": word(p.platform_before),
              "platform_after": word(p.platform_after)}
             for p in (*comparison.pairs.new_working,
                       *(q for q in comparison.pairs.new_platform if not q.working_after
                         or q.working_before))],
            ["pair_change", "platform_only", "actor_a", "actor_a_name", "source_sector",
             "actor_b", "actor_b_name", "target_sector", "working_before", "working_after",
             "platform_before", "platform_after"], lang,
        ),
        "links_by_kind": _frame(
            [vars(k) | {"link_kind": LINK_KINDS.label(k.kind, lang)} for k in comparison.kinds],
            ["link_kind", "before", "after", "gained", "lost", "reweighted"], lang,
        ),
        "sector_pairs": _frame(
            [vars(p) | {"sector_a": sector(p.sector_a), "sector_b": sector(p.sector_b),
                        "density_change": p.density_change, "expected": word(p.expected)}
             for p in comparison.sector_pairs],
            ["sector_a", "sector_b", "linked_before", "linked_after", "possible_before",
             "possible_after", "density_before", "density_after", "density_change", "expected"],
            lang,
        ),
        "figures": _figure_frame(comparison.figures, lang),
        "positions": _frame(
            [vars(p) | {"sector": sector(p.sector), "degree_change": p.degree_change,
                        "betweenness_change": p.betweenness_change}
             for p in comparison.positions],
            ["id", "name", "sector", "degree_before", "degree_after", "degree_change",
             "betweenness_before", "betweenness_after", "betweenness_change"], lang,
        ),
        "roles": _frame([{"id": r.id, "name": r.name, "sector": sector(r.sector),
                          "role": _m(f"role_{r.role}", lang),
                          "role_change": _m(f"role_{r.change}", lang)}
                         for r in comparison.roles],
                        ["id", "name", "sector", "role", "role_change"], lang),
        "findings": _frame(_finding_rows(comparison.findings, names, sectors, lang),
                           ["status", "finding_kind", "severity", "text", "actors", "sectors",
                            "actor_ids"], lang),
    }
