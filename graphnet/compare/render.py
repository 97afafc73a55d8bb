"""Writing a :class:`~graphnet.compare.Comparison`: HTML, Markdown, JSON, CSV and a map.

:func:`write_comparison` puts every file into the output folder at once (through
:func:`graphnet.atomic.atomic_directory`): ``compare.html`` (one self-contained
file, the report's look, charts inline), ``compare.md``, ``compare.json`` (schema
``graphnet.compare/1``, see ``docs/compare-schema.md``), the tables as
``compare_*.csv`` (UTF-8 with BOM and the spreadsheet habits of the language,
as the report writes them) and, when the new network is small enough for an
actor map, ``compare_map.html``: the new network with gained links in green and
lost links in red dashed.

Every user-facing word comes from the ``compare`` message catalogue; user text
(actor names) is escaped by Jinja's autoescape in HTML and by
:func:`graphnet.report.render.escape_markdown` in Markdown.

>>> from graphnet.compare.comparison import compare_networks
>>> from graphnet.model import Actor, Network
>>> old, new = Network(actors=()), Network(actors=(Actor("a", "<b>A</b>", "police"),))
>>> html = render_html(compare_networks(old, new), "en")
>>> "&lt;b&gt;A&lt;/b&gt;" in html, "<b>A" in html
(True, False)
"""

from __future__ import annotations

import datetime as dt
import math
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from graphnet._version import __version__
from graphnet.atomic import atomic_directory
from graphnet.compare.charts import figure_bars, sector_pair_bars
from graphnet.compare.comparison import Comparison
from graphnet.compare.records import (
    FigureChange,
    LinkChange,
    MappingInfo,
)
from graphnet.compare.serialise import json_bytes
from graphnet.compare.tables import CSV_FILES, tables
from graphnet.i18n import LANGUAGES, format_date, format_number, format_percent, t
from graphnet.map import AGGREGATE_ABOVE, ExtraEdge, write_map
from graphnet.report.files import write_csv
from graphnet.report.render import escape_markdown
from graphnet.templating import environment
from graphnet.vocab import LINK_KINDS, Vocabulary

__all__ = [
    "write_comparison",
    "render_html",
    "render_markdown",
    "render_json",
    "tables",
    "CSV_FILES",
    "TOP",
]

#: How many rows of each list the HTML and Markdown show; the CSVs hold them all.
TOP = 30

#: Figures shown as a percentage.
PERCENT_FIGURES = frozenset({"cross_sector_share", "largest_component_share",
                             "response_rate"})
#: Figures counted in whole numbers.
COUNT_FIGURES = frozenset({"actors", "links", "linked_pairs", "isolated", "components",
                           "unknown", "ties_confirmed", "ties_one_sided", "ties_unanswered",
                           "ties_recorded", "platform_pairs"})
#: The figures drawn as small before/after charts.
CHART_FIGURES = (
    "density", "isolated", "components", "cross_sector_share", "ei_index",
    "degree_centralization", "key_players_fragmentation_after",
)


def _m(key: str, lang: str, **params: object) -> str:
    return t(f"compare.{key}", lang, **params)


# --- numbers --------------------------------------------------------------------------


def _is_missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def figure_value(key: str, value: float | None, lang: str) -> str:
    """One figure as people read it (counts whole, shares as percentages)."""
    if _is_missing(value):
        return "–"
    assert value is not None
    if key in PERCENT_FIGURES:
        return format_percent(value, lang)
    if key in COUNT_FIGURES:
        return format_number(int(value), lang)
    return format_number(value, lang, 3)


def signed(value: float | None, lang: str, *, percent: bool = False, digits: int = 3) -> str:
    """A change with its sign (+, − or ±0)."""
    if _is_missing(value):
        return "–"
    assert value is not None
    if abs(value) < 1e-12:
        return "±0"
    magnitude = abs(value)
    if percent:
        text = format_number(round(magnitude * 100, 1), lang, 1)
        text += "\xa0" + _m("unit_percentage_points", lang)
    elif float(magnitude).is_integer():
        text = format_number(int(magnitude), lang)
    else:
        text = format_number(magnitude, lang, digits)
    return ("+" if value > 0 else "−") + text


def figure_change(figure: FigureChange, lang: str) -> str:
    return signed(figure.difference, lang, percent=figure.key in PERCENT_FIGURES)


def weight(value: float | None, lang: str) -> str:
    return "–" if value is None else format_number(value, lang)


# --- JSON -----------------------------------------------------------------------------


def render_json(comparison: Comparison, generated_at: str | None = None) -> str:
    """``compare.json``: the comparison in schema ``graphnet.compare/1``.

    Keys keep their documented order; the same input gives the same text apart
    from ``generated_at``.
    """
    return json_bytes(comparison.to_dict(generated_at=generated_at)).decode("utf-8")


# --- what the HTML and Markdown show ---------------------------------------------------


def _mapping_label(info: MappingInfo, lang: str) -> str:
    name = info.name or _m("mapping_unnamed", lang)
    if info.mapped_on is not None:
        return f"{name} ({format_date(info.mapped_on, lang)})"
    return name


def _sector(sectors: Vocabulary, code: str, lang: str) -> str:
    return sectors.label(code, lang) if code else ""


def _kind(code: str, lang: str) -> str:
    return LINK_KINDS.label(code, lang)


def _top(items: Sequence[Any], file_key: str, lang: str, top: int = TOP,
         row: Callable[[Any], Any] | None = None) -> dict[str, Any]:
    """The first ``top`` of ``items`` as shown (``row`` makes one shown row of an
    item; only the shown ones are made: a national comparison lists 100,000 links)
    and a note where the rest are."""
    shown = items[:top]
    more = max(len(items) - top, 0)
    note = _m("more_in_file", lang, n=format_number(more, lang), file=CSV_FILES[file_key])
    return {"rows": [row(i) for i in shown] if row else list(shown), "total": len(items),
            "more": note if more else ""}


def _summary(comparison: Comparison, lang: str) -> list[str]:
    if not comparison.has_changes:
        return [_m("no_change", lang)]
    n = lambda value: format_number(value, lang)  # noqa: E731 - a local short-hand
    actors, links, findings = comparison.actors, comparison.links, comparison.findings
    lines = [
        _m("summary_actors", lang, added=n(len(actors.added)), removed=n(len(actors.removed))),
        _m("summary_links", lang, gained=n(len(links.gained)), lost=n(len(links.lost)),
           reweighted=n(len(links.reweighted))),
        _m("summary_pairs", lang, working=n(len(comparison.pairs.new_working)),
           platform=n(len(comparison.pairs.platform_only))),
    ]
    rate = next((f for f in comparison.figures if f.key == "response_rate"), None)
    if rate is not None and not (_is_missing(rate.before) and _is_missing(rate.after)):
        lines.append(_m("summary_response_rate", lang,
                        before=figure_value("response_rate", rate.before, lang),
                        after=figure_value("response_rate", rate.after, lang)))
    if findings.resolved or findings.new or findings.still_open:
        lines.append(_m("summary_findings", lang, resolved=n(len(findings.resolved)),
                        new=n(len(findings.new)), open=n(len(findings.still_open))))
    expected = [p for p in comparison.sector_pairs if p.expected]
    connected = [p for p in expected if p.linked_before == 0 and p.linked_after > 0]
    missing = [p for p in expected if p.linked_before == 0 and p.linked_after == 0
               and p.possible_after > 0]
    pair = lambda p: (f"{_sector(comparison.sectors, p.sector_a, lang)} – "  # noqa: E731
                      f"{_sector(comparison.sectors, p.sector_b, lang)}")
    if connected:
        lines.append(_m("summary_expected_gained", lang, pairs="; ".join(map(pair, connected))))
    if missing:
        lines.append(_m("summary_expected_still_missing", lang,
                        pairs="; ".join(map(pair, missing))))
    if actors.id_suggestions:
        lines.append(_m("summary_suggestions", lang, n=n(len(actors.id_suggestions))))
    return lines


def _generated_on(generated_at: str | None, lang: str) -> str:
    """The day of ``generated_at`` (ISO text, as compare.json holds it) written as the
    report writes it (``1. 12. 2026`` in Czech); other text as given.

    >>> _generated_on("2026-12-01T17:00:00+00:00", "cs"), _generated_on(None, "en")
    ('1. 12. 2026', '–')
    """
    if not generated_at:
        return "–"
    try:
        moment = dt.datetime.fromisoformat(generated_at)
    except ValueError:
        return generated_at
    return format_date(moment.date(), lang)


def _severity(severity: str, lang: str) -> str:
    try:
        return t(f"findings.severity_{severity}", lang)
    except KeyError:  # a severity the findings catalogue does not name
        return severity


def _map_note(comparison: Comparison, map_file: str | None, lang: str) -> str:
    if map_file:
        return _m("map_note", lang, map=map_file)

    if len(comparison.new.actors) > AGGREGATE_ABOVE:
        return _m("map_too_big", lang, n=format_number(len(comparison.new.actors), lang),
                  limit=format_number(AGGREGATE_ABOVE, lang))
    return ""


def _verdict(change: float | None) -> str:
    if change is None or abs(change) < 1e-12:
        return ""
    return "better" if change > 0 else "worse"


def _shown_sector_pairs(comparison: Comparison) -> list[Any]:
    rows = [p for p in comparison.sector_pairs if p.changed or p.expected]
    return sorted(rows, key=lambda p: (not p.expected, -abs(p.density_change or 0.0)))


def build_content(comparison: Comparison, lang: str, *, generated_at: str | None = None,
                  map_file: str | None = None, charts: dict[str, str] | None = None,
                  top: int = TOP) -> dict[str, Any]:
    """Everything the HTML and Markdown show, as plain values (no markup)."""
    if lang not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}, not {lang!r}")
    sectors = comparison.sectors
    figures = [
        {"key": f.key, "label": _m(f"figure_{f.key}", lang),
         "before": figure_value(f.key, f.before, lang),
         "after": figure_value(f.key, f.after, lang),
         "change": figure_change(f, lang), "changed": f.changed, "verdict": f.verdict or ""}
        for f in comparison.figures
    ]
    actors = comparison.actors
    ref = lambda a: {"id": a.id, "name": a.name,  # noqa: E731
                     "sector": _sector(sectors, a.sector, lang)}
    link = lambda c: {  # noqa: E731
        "kind": _kind(c.kind, lang), "directed": c.directed,
        "source": c.source_name, "target": c.target_name,
        "before": weight(c.weight_before, lang), "after": weight(c.weight_after, lang),
        "change": signed(c.weight_change, lang),
    }
    def sector_pair(p: Any) -> dict[str, Any]:
        return {"a": _sector(sectors, p.sector_a, lang), "b": _sector(sectors, p.sector_b, lang),
                "before": _m("of_possible", lang, linked=format_number(p.linked_before, lang),
                             possible=format_number(p.possible_before, lang)),
                "after": _m("of_possible", lang, linked=format_number(p.linked_after, lang),
                            possible=format_number(p.possible_after, lang)),
                "density_before": format_percent(p.density_before, lang),
                "density_after": format_percent(p.density_after, lang),
                "change": signed(p.density_change, lang, percent=True),
                "verdict": _verdict(p.density_change),
                "expected": _m("word_yes" if p.expected else "word_no", lang)
                if p.expected is not None else "–"}

    def position(p: Any) -> dict[str, Any]:
        return {"name": p.name, "sector": _sector(sectors, p.sector, lang),
                "degree_before": format_number(p.degree_before, lang),
                "degree_after": format_number(p.degree_after, lang),
                "degree_change": signed(p.degree_change, lang),
                "betweenness_before": format_number(p.betweenness_before, lang, 3),
                "betweenness_after": format_number(p.betweenness_after, lang, 3),
                "betweenness_change": signed(p.betweenness_change, lang)}

    def role(r: Any) -> dict[str, Any]:
        return {"name": r.name, "sector": _sector(sectors, r.sector, lang),
                "role": _m(f"role_{r.role}", lang), "change": _m(f"role_{r.change}", lang)}

    def pair(p: Any) -> dict[str, Any]:
        return {"a": p.source_name, "b": p.target_name,
                "sector_a": _sector(sectors, p.source_sector, lang),
                "sector_b": _sector(sectors, p.target_sector, lang),
                "change": _m(f"pair_change_{p.change}", lang),
                "met_before": _m("word_yes" if p.platform_before else "word_no", lang),
                "works_together": _m("word_yes" if p.working_after else "word_no", lang)}

    pairs = comparison.pairs
    rules = {"layer": _m(f"layer_{comparison.layer}", lang),
             "combine": _m(f"combine_{comparison.combine}", lang)}
    finding = lambda f: {"severity": f.severity, "text": f.text.get(lang, ""),  # noqa: E731
                         "severity_label": _severity(f.severity, lang)}
    findings = comparison.findings
    return {
        "lang": lang,
        "title": _m("title", lang),
        "subtitle": _m("subtitle", lang, old=_mapping_label(comparison.old_info, lang),
                       new=_mapping_label(comparison.new_info, lang)),
        "generated": _m("generated", lang, date=_generated_on(generated_at, lang),
                        version=__version__),
        "tie_rules": _m("tie_rules", lang, **rules),
        "summary": _summary(comparison, lang),
        "figures": figures,
        "charts": charts or {},
        "actors": {
            "added": _top(actors.added, "actors", lang, top, ref),
            "removed": _top(actors.removed, "actors", lang, top, ref),
            "edited": _top(actors.edited, "actors", lang, top,
                           lambda e: {"id": e.id, "name_before": e.name_before,
                                      "name": e.name_after,
                                      "sector_before": _sector(sectors, e.sector_before, lang),
                                      "sector": _sector(sectors, e.sector_after, lang)}),
            "suggestions": [{"old_id": s.old_id, "new_id": s.new_id, "old_name": s.old_name,
                             "new_name": s.new_name,
                             "old_sector": _sector(sectors, s.old_sector, lang),
                             "new_sector": _sector(sectors, s.new_sector, lang)}
                            for s in actors.id_suggestions],
        },
        "kinds": [{"kind": _kind(k.kind, lang), "before": format_number(k.before, lang),
                   "after": format_number(k.after, lang), "gained": format_number(k.gained, lang),
                   "lost": format_number(k.lost, lang),
                   "reweighted": format_number(k.reweighted, lang)} for k in comparison.kinds],
        "gained": _top(comparison.links.gained, "links", lang, top, link),
        "lost": _top(comparison.links.lost, "links", lang, top, link),
        "reweighted": _top(comparison.links.reweighted, "links", lang, top, link),
        "pairs": {
            "new_working": _top(pairs.new_working, "pairs", lang, top, pair),
            "platform_only": _top(pairs.platform_only, "pairs", lang, top, pair),
            "platform_also": _top(tuple(p for p in pairs.new_platform if not p.platform_only),
                                  "pairs", lang, top, pair),
        },
        "sector_pairs": _top(_shown_sector_pairs(comparison), "sector_pairs", lang, top,
                             sector_pair),
        "positions": _top(comparison.positions, "positions", lang, top, position),
        "roles": _top(comparison.roles, "roles", lang, top, role),
        "findings": {
            "resolved": _top(findings.resolved, "findings", lang, top, finding),
            "new": _top(findings.new, "findings", lang, top, finding),
            "still_open": _top(findings.still_open, "findings", lang, top, finding),
        },
        "conventions": {key: _m(f"convention_{key}", lang, **rules)
                        for key in comparison.conventions},
        "analysed": comparison.analysed,
        "files": ", ".join(["compare.json", *CSV_FILES.values()]),
        "map_file": map_file,
        "map_note": _map_note(comparison, map_file, lang),
    }


# --- HTML -----------------------------------------------------------------------------


def render_html(comparison: Comparison, lang: str = "cs", *, generated_at: str | None = None,
                map_file: str | None = None, with_charts: bool = True) -> str:
    """``compare.html``: one self-contained page (no external URL), user text escaped."""
    charts = _charts(comparison, lang) if with_charts else {}
    content = build_content(comparison, lang, generated_at=generated_at, map_file=map_file,
                            charts=charts)
    return environment().get_template("compare/compare.html.j2").render(c=content, lang=lang,
                                                                         m=_m)


def _charts(comparison: Comparison, lang: str) -> dict[str, str]:
    charts = {}
    figures = [f for f in comparison.figures if f.key in CHART_FIGURES]
    if figures:
        charts["figures"] = figure_bars(figures, lang)
    expected = [p for p in comparison.sector_pairs if p.expected]
    if expected:
        charts["sector_pairs"] = sector_pair_bars(expected, comparison.sectors, lang)
    return charts


# --- Markdown -------------------------------------------------------------------------

def _md_table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(escape_markdown(h) for h in headers) + " |",
             "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(escape_markdown(v) for v in row) + " |" for row in rows]
    return lines


def render_markdown(comparison: Comparison, lang: str = "cs", *,
                    generated_at: str | None = None, map_file: str | None = None) -> str:
    """``compare.md``: the same content as the HTML, as Markdown, user text escaped."""
    c = build_content(comparison, lang, generated_at=generated_at, map_file=map_file)
    m = lambda key, **p: _m(key, lang, **p)  # noqa: E731
    out = [f"# {escape_markdown(c['title'])}", "", escape_markdown(c["subtitle"]), "",
           escape_markdown(c["tie_rules"]), ""]

    def section(key: str) -> None:
        out.extend(["", f"## {m(key)}", ""])

    def listing(heading: str, block: dict[str, Any], headers: Sequence[str],
                cells: Any) -> None:
        out.extend([f"### {heading}", ""])
        if block["rows"]:
            out.extend(_md_table(headers, (cells(r) for r in block["rows"])))
            if block["more"]:
                out.extend(["", escape_markdown(block["more"])])
        else:
            out.append(escape_markdown(m("none")))
        out.append("")

    section("section_summary")
    out.extend(f"- {escape_markdown(line)}" for line in c["summary"])
    section("section_figures")
    out.extend(_md_table(
        [m("figure"), m("before"), m("after"), m("change")],
        ([f["label"], f["before"], f["after"], f["change"]] for f in c["figures"]),
    ))
    section("section_actors")
    who = [m("name"), m("sector")]
    listing(m("actors_added"), c["actors"]["added"], who, lambda r: [r["name"], r["sector"]])
    listing(m("actors_removed"), c["actors"]["removed"], who, lambda r: [r["name"], r["sector"]])
    listing(m("actors_edited"), c["actors"]["edited"],
            [m("name_before"), m("name"), m("sector_before"), m("sector")],
            lambda r: [r["name_before"], r["name"], r["sector_before"], r["sector"]])
    suggestions = {"rows": c["actors"]["suggestions"], "more": ""}
    listing(m("id_suggestions"), suggestions,
            [m("old_id"), m("new_id"), m("name"), m("sector")],
            lambda r: [r["old_id"], r["new_id"], r["new_name"], r["new_sector"]])
    if suggestions["rows"]:
        out.extend([escape_markdown(m("id_suggestions_note")), ""])
    section("section_links")
    out.extend([f"### {m('links_by_kind')}", ""])
    out.extend(_md_table(
        [m("kind"), m("before"), m("after"), m("gained"), m("lost"), m("reweighted")],
        ([k["kind"], k["before"], k["after"], k["gained"], k["lost"], k["reweighted"]]
         for k in c["kinds"]),
    ))
    out.append("")
    link_headers = [m("kind"), m("source"), m("target"), m("weight_before"), m("weight_after")]
    link_cells = lambda r: [r["kind"], r["source"], r["target"], r["before"], r["after"]]  # noqa: E731
    listing(m("links_gained"), c["gained"], link_headers, link_cells)
    listing(m("links_lost"), c["lost"], link_headers, link_cells)
    listing(m("links_reweighted"), c["reweighted"], link_headers, link_cells)
    section("section_pairs")
    out.extend([escape_markdown(m("pairs_note")), ""])
    pair_headers = [m("actor_a"), m("sector"), m("actor_b"), m("sector")]
    pair_cells = lambda r: [r["a"], r["sector_a"], r["b"], r["sector_b"]]  # noqa: E731
    listing(m("pairs_new_working"), c["pairs"]["new_working"],
            [*pair_headers, m("met_before")], lambda r: [*pair_cells(r), r["met_before"]])
    listing(m("pairs_platform_only"), c["pairs"]["platform_only"], pair_headers, pair_cells)
    listing(m("pairs_platform_also"), c["pairs"]["platform_also"], pair_headers, pair_cells)
    section("section_sectors")
    out.extend([escape_markdown(m("sector_pairs_note")), ""])
    listing(m("section_sectors"), c["sector_pairs"],
            [m("sector_pair"), m("linked_before"), m("linked_after"), m("density_before"),
             m("density_after"), m("change"), m("expected")],
            lambda r: [f"{r['a']} – {r['b']}", r["before"], r["after"], r["density_before"],
                       r["density_after"], r["change"], r["expected"]])
    section("section_positions")
    out.extend([escape_markdown(m("positions_note")), ""])
    if not c["analysed"]:
        out.extend([escape_markdown(m("not_analysed")), ""])
    listing(m("section_positions"), c["positions"],
            [m("name"), m("sector"), m("degree_before"), m("degree_after"),
             m("betweenness_before"), m("betweenness_after")],
            lambda r: [r["name"], r["sector"], r["degree_before"], r["degree_after"],
                       r["betweenness_before"], r["betweenness_after"]])
    listing(m("roles"), c["roles"], [m("name"), m("sector"), m("role"), m("change")],
            lambda r: [r["name"], r["sector"], r["role"], r["change"]])
    section("section_findings")
    out.extend([escape_markdown(m("findings_note")), ""])
    if not c["analysed"]:
        out.extend([escape_markdown(m("not_analysed")), ""])
    for key in ("resolved", "new", "still_open"):
        listing(m(f"findings_{key}"), c["findings"][key], [m("severity"), m("text")],
                lambda r: [r["severity_label"], r["text"]])
    section("section_method")
    out.extend([escape_markdown(m("method_intro")), ""])
    out.extend(f"- **{escape_markdown(key)}**: {escape_markdown(text)}"
               for key, text in c["conventions"].items())
    out.extend(["", escape_markdown(m("files_note", files=c["files"]))])
    if c["map_note"]:
        out.extend(["", escape_markdown(c["map_note"])])
    out.extend(["", escape_markdown(c["generated"]), ""])
    return "\n".join(out)


# --- the files ------------------------------------------------------------------------

MAP_FILE = "compare_map.html"
GAINED_COLOR = "#228833"  # green: a link that is new
LOST_COLOR = "#CC3311"  # red (dashed on the map): a link that is gone


def write_comparison(comparison: Comparison, outdir: str | os.PathLike[str], *,
                     lang: str = "cs", with_map: bool = True,
                     generated_at: str | None = None) -> list[Path]:
    """Write every comparison file into ``outdir`` at once; returns their paths.

    A failure leaves ``outdir`` as it was (files of earlier runs are replaced only
    on success; other files there are kept).
    """
    generated_at = generated_at or dt.datetime.now(dt.timezone.utc).replace(
        microsecond=0).isoformat()
    outdir = Path(outdir)
    with atomic_directory(outdir) as staging:
        map_file = MAP_FILE if with_map and _write_map(comparison, staging / MAP_FILE,
                                                       lang) else None
        (staging / "compare.json").write_bytes(
            json_bytes(comparison.to_dict(generated_at=generated_at)))
        (staging / "compare.md").write_text(
            render_markdown(comparison, lang, generated_at=generated_at, map_file=map_file),
            "utf-8")
        (staging / "compare.html").write_text(
            render_html(comparison, lang, generated_at=generated_at, map_file=map_file), "utf-8")
        for key, table in tables(comparison, lang).items():
            write_csv(table, staging / CSV_FILES[key], lang)
        names = sorted(p.name for p in staging.iterdir())
    return [outdir / name for name in names]


def _write_map(comparison: Comparison, path: Path, lang: str) -> bool:
    """The new network with gained links green and lost links red dashed (lost links
    to actors no longer there cannot be drawn). False when the network is too big for
    an actor map (the aggregate map has no room for single links)."""
    new = comparison.new
    if len(new.actors) > AGGREGATE_ABOVE:
        return False
    present = set(new.actor_ids)

    def extra(change: LinkChange, label: str, color: str, dashes: bool) -> ExtraEdge:
        weights = f"{weight(change.weight_before, lang)} → {weight(change.weight_after, lang)}"
        return ExtraEdge(change.source, change.target, label, color=color, dashes=dashes,
                         directed=change.directed, title=f"{_kind(change.kind, lang)}: {weights}")

    extras = [extra(c, _m("map_gained", lang), GAINED_COLOR, False)
              for c in comparison.links.gained]
    extras += [extra(c, _m("map_lost", lang), LOST_COLOR, True) for c in comparison.links.lost
               if c.source in present and c.target in present]
    write_map(new, path, comparison.new_analysis, lang=lang, extra_edges=extras,
              view="actors", measures=comparison.new_analysis is not None,
              title=f"{_m('title', lang)}: {_mapping_label(comparison.new_info, lang)}")
    return True
