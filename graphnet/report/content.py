"""What the report says, as plain data in one language, before any rendering.

:func:`build_content` turns an :class:`~graphnet.analysis.Analysis` into a dict of
sections (strings already in the chosen language, numbers already formatted);
the HTML and Markdown templates only lay it out. Nothing here measures the
network: every figure comes from the analysis, the report only selects, orders
and words it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from graphnet._version import __version__
from graphnet.analysis import Analysis, Finding
from graphnet.i18n import format_date, format_number, format_percent, t
from graphnet.model import Link
from graphnet.report.basis import data_basis, platform_section
from graphnet.report.charts import AGGREGATE_ABOVE
from graphnet.vocab import LEVELS, NEEDS, sector_color

__all__ = ["ReportOptions", "build_content", "files_note", "TABLE_FILES", "SUMMARY_FINDINGS"]

#: How many findings the summary names.
SUMMARY_FINDINGS = 5
#: How many recommendations drawn from findings, and how many suggested links, the
#: summary names (the rest are in their sections).
MAX_RECOMMENDATIONS = 5
SUGGESTIONS_IN_SUMMARY = 2
#: The CSV tables written beside the report, in the order the report mentions them.
TABLE_FILES = ("actors.csv", "sector_pairs.csv", "findings.csv", "suggestions.csv",
               "coverage.csv", "ties.csv")

_HEX_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")

# One recommendation per kind of finding, in the catalogue (keys spelled out so the
# catalogue test sees every key the report uses).
_RECOMMENDATION = {
    "isolated": "report.rec_isolated",
    "peripheral": "report.rec_peripheral",
    "sector_closed": "report.rec_sector_closed",
    "missing_sector_link": "report.rec_missing_sector_link",
    "cut_point": "report.rec_cut_point",
    "coverage_gap": "report.rec_coverage_gap",
    "provider_far_from_child_protection": "report.rec_far_from_child_protection",
    "one_sided": "report.rec_one_sided",
    "unknown": "report.rec_unknown",
    "platform_without_work": "report.rec_platform_without_work",
}

# Kinds of finding counted from a flag of the per-actor table.
_FLAG_COLUMN = {"isolated": "is_isolated", "peripheral": "is_peripheral",
                "sector_closed": "is_sector_closed"}

# Plain-words explanation of each measure, in the order the method section lists them.
_METHOD_KEYS = (
    "report.method_degree",
    "report.method_density",
    "report.method_betweenness",
    "report.method_brokerage",
    "report.method_cut_point",
    "report.method_ei",
    "report.method_mixing",
    "report.method_key_players",
    "report.method_coverage",
    "report.method_suggestions",
    "report.method_one_sided",
    "report.method_ties",
    "report.method_platform",
)


@dataclass(frozen=True)
class ReportOptions:
    """How to word and cut the report.

    ``top``: how many rows each list shows before pointing to the CSV files;
    ``include_personal``: show contact fields (off by default, they are personal data);
    ``map_file``: the name of the interactive map beside the report, if one is written.
    """

    lang: str = "cs"
    title: str | None = None
    top: int = 20
    include_personal: bool = False
    generated_at: dt.datetime | None = None
    map_file: str | None = None


def _is_true(value: Any) -> bool:
    return bool(value) and not (isinstance(value, float) and pd.isna(value))


def _number(value: Any, lang: str, digits: int = 2) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return "–"
    if isinstance(value, bool):
        return t("report.word_yes" if value else "report.word_no", lang)
    if hasattr(value, "item"):  # numpy scalar
        value = value.item()
    return format_number(value, lang, digits)


class _Namer:
    """Actor names and sector labels and colours for one network and language."""

    def __init__(self, analysis: Analysis, lang: str):
        self.network = analysis.network
        self.lang = lang
        self.sectors = analysis.network.sectors
        self._sector_cache: dict[str, dict[str, str]] = {}

    def name(self, actor_id: str) -> str:
        if self.network.has_actor(actor_id):
            return self.network.actor(actor_id).name
        return str(actor_id)

    def sector_of(self, actor_id: str) -> str:
        return self.network.actor(actor_id).sector if self.network.has_actor(actor_id) else ""

    def sector(self, code: str) -> dict[str, str]:
        if code not in self._sector_cache:
            self._sector_cache[code] = self._sector(code)
        return self._sector_cache[code]

    def _sector(self, code: str) -> dict[str, str]:
        colour = sector_color(self.sectors, code)
        # The colour goes into a style attribute: only a plain hex colour may.
        if not _HEX_COLOUR.fullmatch(colour):
            colour = "#BBBBBB"
        return {"code": code, "label": self.sectors.label(code, self.lang), "color": colour}

    def actor(self, actor_id: str, **extra: Any) -> dict[str, Any]:
        row = {"id": actor_id, "name": self.name(actor_id),
               "sector": self.sector(self.sector_of(actor_id))}
        row.update(extra)
        return row


def _cut(rows: Sequence[Any], top: int, file: str | None, lang: str) -> dict[str, Any]:
    """The first ``top`` rows and, when some are left out, where to find them."""
    more = max(0, len(rows) - top)
    return {
        "rows": list(rows[:top]),
        "total": len(rows),
        "more": more,
        "more_text": t("report.more_in_file", lang, n=format_number(more, lang), file=file)
        if more and file else "",
    }


def files_note(lang: str, map_file: str | None) -> str:
    """The sentence that points to the tables (and the map) beside the report."""
    files = ", ".join(TABLE_FILES) + ", report.xlsx"
    if map_file:
        return t("report.files_note", lang, files=files, map=map_file)
    return t("report.files_note_nomap", lang, files=files)


def _cut_lazy(items: Sequence[Any], top: int, file: str | None, lang: str,
              make: Callable[[Any], dict[str, Any]]) -> dict[str, Any]:
    """As :func:`_cut`, making rows only for the items shown (30,000 actors, 20 rows)."""
    shown = _cut(items, top, file, lang)
    shown["rows"] = [make(item) for item in shown["rows"]]
    return shown


def _summary_findings(findings: Sequence[Finding], count: int) -> list[Finding]:
    """The ``count`` most important findings, one per kind first so that five
    isolated actors do not crowd out a missing link between sectors."""
    chosen: list[Finding] = []
    kinds: set[str] = set()
    for finding in findings:
        if finding.kind not in kinds:
            chosen.append(finding)
            kinds.add(finding.kind)
        if len(chosen) == count:
            return chosen
    for finding in findings:
        if len(chosen) == count:
            break
        if finding not in chosen:
            chosen.append(finding)
    # Keep the analysis's order of importance.
    order = {id(f): i for i, f in enumerate(findings)}
    return sorted(chosen, key=lambda f: order[id(f)])


def _findings_of(analysis: Analysis, kind: str) -> list[Finding]:
    return [f for f in analysis.findings if f.kind == kind]


def _key_figures(analysis: Analysis, lang: str) -> list[dict[str, str]]:
    measures = analysis.network_measures
    graph_pairs = measures.get("linked_pairs")
    sectors_present = analysis.actors["sector"].nunique() if len(analysis.actors) else 0
    missing = _missing_pairs(analysis)
    gaps = int(analysis.coverage["gap"].map(_is_true).sum()) if len(analysis.coverage) else 0
    figures = [
        ("report.figure_actors", _number(measures.get("actors", len(analysis.actors)), lang)),
        ("report.figure_links", _number(graph_pairs if graph_pairs is not None
                                        else measures.get("links"), lang)),
        ("report.figure_sectors", _number(int(sectors_present), lang)),
        ("report.figure_isolated", _number(measures.get("isolated"), lang)),
        ("report.figure_response_rate",
         format_percent(analysis.respondents.response_rate, lang)
         if analysis.respondents is not None and analysis.respondents.source != "none" else "–"),
        ("report.figure_largest_component",
         format_percent(measures.get("largest_component_share"), lang)),
        ("report.figure_density", format_percent(measures.get("density"), lang)),
        ("report.figure_ei", _number(measures.get("ei_index"), lang)),
        ("report.figure_missing_pairs", _number(len(missing), lang)),
        ("report.figure_coverage_gaps", _number(gaps, lang)),
    ]
    return [{"label": t(key, lang), "value": value} for key, value in figures]


def _missing_pairs(analysis: Analysis) -> pd.DataFrame:
    pairs = analysis.sector_pairs
    if not len(pairs) or "expected" not in pairs.columns:
        return pairs.iloc[0:0]
    expected = pairs[pairs["expected"].map(_is_true)]
    flagged = {tuple(sorted(f.sectors[:2])) for f in _findings_of(analysis, "missing_sector_link")
               if len(f.sectors) >= 2}
    weak = expected.apply(
        lambda r: int(r["linked_pairs"]) == 0
        or tuple(sorted((r["sector_a"], r["sector_b"]))) in flagged, axis=1)
    return expected[weak.astype(bool)] if len(expected) else expected


def _recommendations(analysis: Analysis, namer: _Namer, lang: str) -> list[str]:
    texts: list[str] = []
    seen: set[str] = set()
    for finding in analysis.findings:
        key = _RECOMMENDATION.get(finding.kind)
        if key is None or finding.kind in seen:
            continue
        seen.add(finding.kind)
        same = _findings_of(analysis, finding.kind)
        if finding.kind in _FLAG_COLUMN:
            column = _FLAG_COLUMN[finding.kind]
            n = int(analysis.actors[column].map(_is_true).sum()) \
                if column in analysis.actors.columns else len(same)
            texts.append(t(key, lang, n=format_number(n, lang)))
        elif finding.kind == "missing_sector_link":
            pairs = [" – ".join(namer.sector(s)["label"] for s in f.sectors[:2])
                     for f in same if len(f.sectors) >= 2][:4]
            texts.append(t(key, lang, pairs="; ".join(pairs)))
        elif finding.kind == "cut_point":
            names = [namer.name(f.actors[0]) for f in same if f.actors][:3]
            texts.append(t(key, lang, names=", ".join(names)))
        elif finding.kind == "provider_far_from_child_protection":
            n = sum(int(f.figures.get("count", len(f.actors))) for f in same)
            texts.append(t(key, lang, n=format_number(n, lang)))
        elif finding.kind == "coverage_gap":
            gaps = int(analysis.coverage["gap"].map(_is_true).sum()) \
                if "gap" in analysis.coverage.columns else len(same)
            texts.append(t(key, lang, n=format_number(gaps or len(same), lang)))
        else:
            texts.append(t(key, lang, n=format_number(len(same), lang)))
    texts = texts[:MAX_RECOMMENDATIONS]
    for suggestion in analysis.suggestions[:SUGGESTIONS_IN_SUMMARY]:
        texts.append(t("report.rec_suggestion", lang, a=namer.name(suggestion.source),
                       b=namer.name(suggestion.target), reason=suggestion.reasons.get(lang, "")))
    network = analysis.network
    has_platform = bool(network.attendance) or any(tie.kind == "meeting" for tie in analysis.ties)
    if not has_platform:
        texts.append(t("report.rec_meeting", lang))
    return texts


def _legend(analysis: Analysis, namer: _Namer, lang: str) -> list[dict[str, str]]:
    counts = analysis.actors["sector"].value_counts()
    codes = [c for c in namer.sectors.codes if c in counts.index]
    codes += sorted(c for c in counts.index if c not in codes)
    return [dict(namer.sector(c), count=_number(int(counts[c]), lang)) for c in codes]


def _only_partners(analysis: Analysis, actor_ids: Sequence[str]) -> dict[str, str]:
    """The one partner of each of these (peripheral) actors, from the ties measured
    (:attr:`Analysis.view`: one link per tie of the layer analysed)."""
    wanted = set(actor_ids)
    partners: dict[str, str] = {}

    def scan(links: Sequence[Link]) -> None:
        for link in links:
            if len(partners) == len(wanted):
                return  # every one found: later links change nothing (first one wins)
            source, target = link.source, link.target
            if source == target:  # a self-loop
                continue
            if source in wanted:
                partners.setdefault(source, target)
            if target in wanted:
                partners.setdefault(target, source)

    view = analysis.view if analysis.view is not None else analysis.network
    scan(view.links)
    return partners


def _actor_lists(analysis: Analysis, namer: _Namer, top: int, lang: str) -> dict[str, Any]:
    actors = analysis.actors
    sector_rank = {c: i for i, c in enumerate(namer.sectors.codes)}

    def ordered(mask_column: str) -> list[str]:
        if mask_column not in actors.columns:
            return []
        chosen = actors[actors[mask_column].map(_is_true)]
        return sorted(chosen.index, key=lambda i: (sector_rank.get(namer.sector_of(i), 99),
                                                   namer.name(i).casefold(), str(i)))

    peripheral_ids = ordered("is_peripheral")
    partners = _only_partners(analysis, peripheral_ids[:top])

    brokers: list[str] = []
    if "brokerage_total" in actors.columns and "betweenness" in actors.columns:
        ranked = actors[(actors["brokerage_total"].fillna(0) > 0)
                        | (actors["betweenness"].fillna(0) > 0)]
        brokers = list(ranked.sort_values(["brokerage_total", "betweenness"],
                                          ascending=False, kind="mergesort").index)

    cut_findings = _findings_of(analysis, "cut_point")

    def cut_point_row(finding: Finding) -> dict[str, Any]:
        head = finding.actors[0] if finding.actors else ""
        depends = [namer.name(a) for a in finding.actors[1:]]
        return namer.actor(head, text=finding.text.get(lang, ""),
                           depends=", ".join(depends[:12]) + (" …" if len(depends) > 12 else ""))

    cut_points = _cut_lazy(cut_findings, top, "findings.csv", lang, cut_point_row)
    if not cut_findings and "is_cut_point" in actors.columns:
        cut_points = _cut_lazy(ordered("is_cut_point"), top, "actors.csv", lang,
                               lambda i: namer.actor(i, text="", depends=""))
    return {
        "isolated": _cut_lazy(ordered("is_isolated"), top, "actors.csv", lang, namer.actor),
        "peripheral": _cut_lazy(
            peripheral_ids, top, "actors.csv", lang,
            lambda i: namer.actor(i, partner=namer.name(partners[i]) if i in partners else "–")),
        "sector_closed": _cut_lazy(
            ordered("is_sector_closed"), top, "actors.csv", lang,
            lambda i: namer.actor(i, degree=_number(actors.at[i, "degree"], lang))),
        "brokers": _cut_lazy(
            brokers, top, "actors.csv", lang,
            lambda i: namer.actor(i, betweenness=_number(actors.at[i, "betweenness"], lang, 3),
                                  brokerage=_number(actors.at[i, "brokerage_total"], lang))),
        "cut_points": cut_points,
    }


def _sectors(analysis: Analysis, namer: _Namer, top: int, lang: str) -> dict[str, Any]:
    ei_rows = []
    order = {c: i for i, c in enumerate(namer.sectors.codes)}
    for row in sorted(analysis.sector_ei.to_dict("records"),
                      key=lambda r: (order.get(r["sector"], 99), r["sector"])):
        ei_rows.append({"sector": namer.sector(row["sector"]),
                        "internal": _number(row.get("internal"), lang),
                        "external": _number(row.get("external"), lang),
                        "ei": _number(row.get("ei"), lang)})
    texts = {tuple(sorted(f.sectors[:2])): f.text.get(lang, "")
             for f in _findings_of(analysis, "missing_sector_link") if len(f.sectors) >= 2}
    missing = []
    for row in _missing_pairs(analysis).sort_values(
            ["linked_pairs", "density"], kind="mergesort").to_dict("records"):
        key = tuple(sorted((row["sector_a"], row["sector_b"])))
        missing.append({"a": namer.sector(row["sector_a"]), "b": namer.sector(row["sector_b"]),
                        "linked": _number(row["linked_pairs"], lang),
                        "possible": _number(row["possible_pairs"], lang),
                        "density": format_percent(row["density"], lang)
                        if not pd.isna(row["density"]) else "–",
                        "text": texts.get(key, "")})
    return {"ei": ei_rows, "missing": _cut(missing, top, "sector_pairs.csv", lang),
            "matrix": _mixing_matrix(analysis.sector_pairs, namer, lang),
            "layer_label": t(_LAYER_LABEL.get(analysis.layer, "report.layer_label_all"), lang),
            "platform_matrix": _mixing_matrix(
                analysis.platform_sector_pairs if analysis.layer != "platform" else None,
                namer, lang)}


_LAYER_LABEL = {"working": "report.layer_label_working",
                "platform": "report.layer_label_platform",
                "all": "report.layer_label_all"}


# The heatmap's scale: white to the report's blue, text turning white on dark cells.
_LIGHT, _DARK = (255, 255, 255), (11, 79, 138)


def _shade(share: float) -> str:
    share = min(max(share, 0.0), 1.0)
    r, g, b = (round(lo + (hi - lo) * share) for lo, hi in zip(_LIGHT, _DARK, strict=True))
    return f"#{r:02x}{g:02x}{b:02x}"


def _mixing_matrix(pairs: pd.DataFrame | None, namer: _Namer, lang: str) -> dict[str, Any]:
    """A sector mixing table (working ties: ``Analysis.sector_pairs``; the platform:
    ``Analysis.platform_sector_pairs``) as a heatmap of HTML cells: density as colour
    and as a percentage, expected pairs framed (in red when they have no link at all)."""
    if pairs is None or not len(pairs):
        return {"sectors": [], "rows": []}
    present = set(pairs["sector_a"]) | set(pairs["sector_b"])
    codes = [c for c in namer.sectors.codes if c in present] + sorted(
        present - set(namer.sectors.codes))
    cells: dict[tuple[str, str], dict[str, Any]] = {}
    densities = [float(d) for d in pairs["density"] if d is not None and not pd.isna(d)]
    top = max(densities + [0.05])
    for record in pairs.to_dict("records"):
        raw: Any = record.get("density")
        linked = int(record.get("linked_pairs") or 0)
        known = raw is not None and not pd.isna(raw)
        density = float(raw) if known else 0.0
        share = density / top
        expected = _is_true(record.get("expected"))
        cell = {
            "text": ("0" if linked == 0 else format_percent(density, lang, 0)) if known else "",
            "background": _shade(share) if known else "#f4f6f8",
            "color": "#ffffff" if share > 0.55 else "#222a33",
            "frame": ("missing" if linked == 0 else "expected") if expected else "",
        }
        cells[(record["sector_a"], record["sector_b"])] = cell
        cells[(record["sector_b"], record["sector_a"])] = cell
    empty = {"text": "", "background": "#f4f6f8", "color": "#222a33", "frame": ""}
    return {
        "sectors": [namer.sector(c) for c in codes],
        "rows": [{"sector": namer.sector(a), "cells": [cells.get((a, b), empty) for b in codes]}
                 for a in codes],
    }


def _coverage(analysis: Analysis, namer: _Namer, top: int, lang: str) -> dict[str, Any]:
    coverage = analysis.coverage
    if not len(coverage):
        return {"levels": [], "grid": [], "rows": _cut([], top, None, lang)}
    need_codes = [c for c in NEEDS.codes if c in set(coverage["need"])]
    need_codes += sorted(set(coverage["need"]) - set(need_codes))
    level_codes = [c for c in LEVELS.codes if c in set(coverage["level"])]
    level_codes += sorted(set(coverage["level"]) - set(level_codes))
    cells = {(r["need"], r["level"]): r for r in coverage.to_dict("records")}
    grid = []
    rows = []
    for need in need_codes:
        line = []
        for level in level_codes:
            record = cells.get((need, level))
            if record is None:
                line.append({"state": "none", "text": "", "far": False})
                continue
            n = int(record.get("n_providers") or 0)
            far = list(record.get("far_from_child_protection") or ())
            gap = _is_true(record.get("gap"))
            state = "gap" if gap or n == 0 else ("thin" if n == 1 else "ok")
            line.append({"state": state, "text": _number(n, lang), "far": bool(far)})
            providers = [namer.name(a) for a in (record.get("providers") or ())]
            rows.append({
                "need": NEEDS.label(need, lang), "level": LEVELS.label(level, lang),
                "n": _number(n, lang), "state": state,
                "providers": ", ".join(providers[:top]) + (" …" if len(providers) > top else ""),
                "far": ", ".join(namer.name(a) for a in far[:top]),
                "expected": ", ".join(namer.sector(s)["label"]
                                      for s in (record.get("expected_sectors") or ())),
            })
        grid.append({"need": NEEDS.label(need, lang), "cells": line})
    return {"levels": [LEVELS.label(c, lang) for c in level_codes], "grid": grid,
            "rows": _cut(rows, len(rows), None, lang)}


def _quality(analysis: Analysis, namer: _Namer, top: int, lang: str) -> dict[str, Any]:
    warnings = [{"file": p.file, "row": "" if p.row is None else str(p.row),
                 "column": p.column or "", "value": "" if p.value is None else str(p.value),
                 "message": p.message} for p in analysis.network.problems]
    one_sided = [{"text": f.text.get(lang, "")} for f in _findings_of(analysis, "one_sided")]
    shown = _cut(warnings, top, None, lang)
    if shown["more"]:
        shown["more_text"] = t("report.more_warnings", lang, n=format_number(shown["more"], lang))
    return {"warnings": shown,
            "one_sided": _cut(one_sided, top, "findings.csv", lang)}


def build_content(analysis: Analysis, options: ReportOptions,
                  pictures: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The report's sections as plain data in ``options.lang``.

    ``pictures`` maps ``network`` and ``ei`` to image data URIs
    (see :mod:`graphnet.report.charts`); missing pictures are simply left out.
    """
    lang = options.lang
    namer = _Namer(analysis, lang)
    network = analysis.network
    top = max(1, options.top)
    pictures = dict(pictures or {})
    generated = options.generated_at or dt.datetime.now(dt.timezone.utc)

    title = options.title or network.name or t("report.default_title", lang)
    subtitle = []
    if network.name and network.name != title:
        subtitle.append(t("report.subtitle_dataset", lang, name=network.name))
    if network.mapped_on:
        subtitle.append(t("report.subtitle_mapped", lang,
                          date=format_date(network.mapped_on, lang)))

    summary_findings = _summary_findings(analysis.findings, SUMMARY_FINDINGS)
    position = {id(f): i for i, f in enumerate(analysis.findings)}

    key_players = analysis.key_players
    suggestions = [
        {"rank": i + 1, "a": namer.actor(s.source), "b": namer.actor(s.target),
         "score": _number(s.score, lang, 3), "reason": s.reasons.get(lang, "")}
        for i, s in enumerate(analysis.suggestions)
    ]
    conventions = [{"measure": k, "text": v} for k, v in analysis.conventions.items()]
    n_actors = len(analysis.actors)

    return {
        "lang": lang,
        "title": title,
        "subtitle": " · ".join(subtitle),
        "generated": t("report.generated", lang, date=format_date(generated.date(), lang),
                       version=__version__),
        "files_note": files_note(lang, options.map_file),
        "map_file": options.map_file,
        "summary": {
            "figures": _key_figures(analysis, lang),
            "findings": [{"text": f.text.get(lang, ""), "severity": f.severity,
                          "kind": f.kind, "index": position[id(f)]} for f in summary_findings],
            "recommendations": _recommendations(analysis, namer, lang),
        },
        "glance": {
            "picture": pictures.get("network"),
            "aggregate": n_actors > AGGREGATE_ABOVE,
            "intro": t("report.glance_aggregate", lang, n=format_number(n_actors, lang))
            if n_actors > AGGREGATE_ABOVE else t("report.glance_intro", lang),
            "legend": _legend(analysis, namer, lang),
        },
        "sectors": dict(_sectors(analysis, namer, top, lang),
                        ei_picture=pictures.get("ei")),
        "actors": _actor_lists(analysis, namer, top, lang),
        "suggestions": _cut(suggestions, top, "suggestions.csv", lang),
        "coverage": _coverage(analysis, namer, top, lang),
        "key_players": {
            "actors": [namer.actor(a) for a in key_players.actors],
            "effect": t("report.key_players_effect", lang,
                        before=format_number(key_players.fragmentation_before, lang, 3),
                        after=format_number(key_players.fragmentation_after, lang, 3)),
        },
        "quality": _quality(analysis, namer, top, lang),
        "basis": data_basis(analysis, namer, _cut, top, lang),
        "platform": platform_section(analysis, namer, lang),
        "method": {"measures": [t(k, lang) for k in _METHOD_KEYS], "conventions": conventions},
    }

