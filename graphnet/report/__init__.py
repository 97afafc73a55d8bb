"""The interconnection report: what a town hall can act on, in Czech and English.

:func:`make_report` reads a network, analyses it and writes the report folder;
:func:`write_report` does the writing for an analysis already made. The folder
holds ``report.html`` (one self-contained page, printable on A4), ``report.md``,
``report.json`` (schema :data:`REPORT_SCHEMA`, see ``docs/report-schema.md``),
the tables ``actors.csv``, ``sector_pairs.csv``, ``findings.csv``,
``suggestions.csv``, ``coverage.csv``, ``ties.csv`` (UTF-8 with BOM), ``report.xlsx`` with the
same tables as sheets, and ``map.html`` when the map module can draw one.

Everything is written through :func:`graphnet.atomic.atomic_directory`: a run
that fails leaves the previous report as it was.

>>> from graphnet.report import make_report
>>> make_report("datasets/orp-horni-lhota-2025", "out/report", lang="en")  # doctest: +SKIP
PosixPath('out/report/report.html')
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from graphnet._version import __version__
from graphnet.analysis import Analysis, analyse
from graphnet.atomic import atomic_directory
from graphnet.bundled import sample_dir
from graphnet.errors import OutputError
from graphnet.i18n import LANGUAGES, choose_language, t
from graphnet.io import load_in_language
from graphnet.map import render_map
from graphnet.model import PERSONAL_FIELDS, Network
from graphnet.optimal_model import OptimalModel, load_model
from graphnet.report import basis, charts, files, render, tables
from graphnet.report.content import TABLE_FILES, ReportOptions, build_content, files_note

__all__ = [
    "REPORT_SCHEMA",
    "REPORT_FILES",
    "ReportOptions",
    "Report",
    "build_report",
    "write_report",
    "make_report",
    "report_language",
    "GENERATED_AT_FIELD",
    "sample_dataset",
]

#: The version of ``report.json``'s layout (documented in docs/report-schema.md).
REPORT_SCHEMA = "graphnet.report/1"
#: The one field of report.json that differs between two runs on the same input.
GENERATED_AT_FIELD = ("analysis", "generated_at")
#: The files every report folder holds (map.html comes on top when a map is drawn).
REPORT_FILES = ("report.html", "report.md", "report.json", *TABLE_FILES, "report.xlsx")
MAP_FILE = "map.html"
#: How many suggested links the report's map carries (hidden until switched on).
MAP_SUGGESTIONS = 10


@dataclass(frozen=True)
class Report:
    """A report ready to write: its content, its tables and its JSON, in one language."""

    options: ReportOptions
    content: dict[str, Any]
    tables: dict[str, Any]
    data: dict[str, Any]
    analysis: Analysis


def sample_dataset() -> Path:
    """The bundled sample ORP (fictional Horní Lhota): the copy shipped in the package
    when graphnet is installed, else the repository's ``datasets`` folder.

    >>> (sample_dataset() / "akteri.csv").exists()
    True
    """
    return sample_dir()


def report_language(network: Network, lang: str | None = None) -> str:
    """The language to write in: :func:`graphnet.i18n.choose_language` (the one asked
    for, else ``GRAPHNET_LANG``, else the data's, else Czech)."""
    return choose_language(lang, network.language)


def _without_personal(record: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k not in PERSONAL_FIELDS}


def _report_data(analysis: Analysis, options: ReportOptions,
                 content: Mapping[str, Any]) -> dict[str, Any]:
    network = analysis.network
    # to_dict() is JSON-ready already (documented); only the actor records are
    # touched, to keep personal fields out (or put them in when asked).
    analysis_data = analysis.to_dict()
    records = analysis_data.get("actors", [])
    if not options.include_personal:
        # The records share their keys (one row each of a table): look at the first.
        if records and any(name in records[0] for name in PERSONAL_FIELDS):
            analysis_data["actors"] = [_without_personal(r) for r in records]
    else:
        for record in analysis_data.get("actors", []):
            if network.has_actor(str(record.get("id"))):
                actor = network.actor(str(record["id"]))
                record.update({name: getattr(actor, name) for name in PERSONAL_FIELDS})
    chosen = [f["index"] for f in content["summary"]["findings"]]
    written = list(REPORT_FILES) + ([options.map_file] if options.map_file else [])
    return {
        "schema": REPORT_SCHEMA,
        "report": files.json_ready({
            "graphnet_version": __version__,
            "language": options.lang,
            "title": content["title"],
            "top": options.top,
            "include_personal": options.include_personal,
            "dataset": {
                "name": network.name,
                "source": network.source,
                "mapped_on": network.mapped_on.isoformat() if network.mapped_on else None,
            },
            "files": sorted(written),
            "summary": {
                "findings": chosen,
                "recommendations": list(content["summary"]["recommendations"]),
            },
            "data": _data_block(analysis),
        }),
        "analysis": analysis_data,
    }


def _data_block(analysis: Analysis) -> dict[str, Any]:
    """What the report rests on, in short (the whole tie list and the respondents are
    in ``analysis``): the layer and combine rule, ties by status, the response rate,
    its source and the non-respondents and unknown actors by id."""
    summary = analysis.respondents
    unknown = ([str(i) for i, flag in analysis.actors["is_unknown"].items() if flag]
               if "is_unknown" in analysis.actors.columns else [])
    return {
        "layer": analysis.layer,
        "combine": analysis.combine,
        "tie_statuses": basis.status_counts(analysis),
        "response_rate": summary.response_rate if summary is not None else None,
        "respondents_source": summary.source if summary is not None else "none",
        "response_rate_by_sector": dict(summary.by_sector) if summary is not None else {},
        "non_respondents": list(summary.non_respondents) if summary is not None else [],
        "unknown": unknown,
    }


def build_report(analysis: Analysis, options: ReportOptions | None = None, *,
                 with_map: bool = True) -> Report:
    """Everything the report shows, in ``options.lang``, ready to be written.

    Draws the pictures, words the sections, builds the six tables and the JSON.
    Personal fields (:data:`graphnet.model.PERSONAL_FIELDS`) stay out unless
    ``options.include_personal``.
    """
    return _build_report(analysis, options or ReportOptions(), with_map)


def _build_report(analysis: Analysis, options: ReportOptions, with_map: bool) -> Report:
    if options.lang not in LANGUAGES:
        raise ValueError(f"unknown language {options.lang!r}; use one of {', '.join(LANGUAGES)}")
    generated_at = options.generated_at or _analysed_at(analysis)
    # The map itself is drawn while the report is written (beside the tables); here
    # only whether there will be one, so that the text can point to it.
    options = replace(options, generated_at=generated_at,
                      map_file=MAP_FILE if with_map else None)
    network = analysis.network
    pictures = {
        # The picture draws the ties measured (one line per pair), not the reports.
        "network": charts.network_picture(analysis.view if analysis.view is not None
                                          else network, analysis.actors, options.lang,
                                          sector_pairs=analysis.sector_pairs),
        "ei": charts.ei_chart(analysis.sector_ei, network.sectors, options.lang)
        if len(analysis.sector_ei) else None,
    }
    content = build_content(analysis, options, {k: v for k, v in pictures.items() if v})
    built_tables = tables.build_tables(analysis, options.lang, options.include_personal)
    data = _report_data(analysis, options, content)
    return Report(options, content, built_tables, data, analysis)


def _analysed_at(analysis: Analysis) -> dt.datetime:
    """When the analysis was made: the report's one generation time (so that report.json
    has a single field that differs between runs)."""
    stamp = getattr(analysis, "generated_at", "") or ""
    try:
        return dt.datetime.fromisoformat(stamp)
    except ValueError:
        return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def _render_map(analysis: Analysis, lang: str, suggestions: int) -> str | None:
    """The interactive map page, or None when the map module cannot draw this network
    (it refuses maps a browser could not open; the report is still worth having)."""
    try:
        return render_map(analysis.network, analysis, lang=lang, suggestions=suggestions)
    except OutputError:
        return None


def _write_csv_files(report: Report, staging: Path) -> None:
    for stem, frame in report.tables.items():
        files.write_csv(frame, staging / f"{stem}.csv", report.options.lang)


def _write_workbook(report: Report, staging: Path) -> None:
    lang = report.options.lang
    sheets = {t(tables.SHEET_KEYS[stem], lang): frame for stem, frame in report.tables.items()}
    # A cell too long for Excel is cut and points to the CSV that holds it whole.
    whole_in = {t(tables.SHEET_KEYS[stem], lang): f"{stem}.csv" for stem in report.tables}
    files.write_xlsx(sheets, staging / "report.xlsx", lang=lang, whole_in=whole_in)


def _without_map(report: Report) -> Report:
    """The report as it reads when the map could not be drawn after all."""
    options = replace(report.options, map_file=None)
    content = dict(report.content, map_file=None,
                   files_note=files_note(options.lang, None))
    data = dict(report.data)
    data["report"] = dict(data["report"],
                          files=[f for f in data["report"]["files"] if f != MAP_FILE])
    return replace(report, options=options, content=content, data=data)


def write_report(report: Report, outdir: str | os.PathLike[str]) -> Path:
    """Write ``report`` into ``outdir`` (created if needed) and return report.html's path.

    All files are made in a staging folder first; only when every one of them is
    written do they replace the files of the same name in ``outdir``. The map is
    drawn here (not in :func:`build_report`); if it cannot be drawn after all, the
    report says nothing of it.
    """
    outdir = Path(outdir)
    lang = report.options.lang
    with atomic_directory(outdir) as staging:
        _write_csv_files(report, staging)
        _write_workbook(report, staging)
        if report.options.map_file:
            page = _render_map(report.analysis, lang, MAP_SUGGESTIONS)
            if page is None:
                report = _without_map(report)
            else:
                (staging / MAP_FILE).write_text(page, encoding="utf-8")
        files.write_json(report.data, staging / "report.json")
        (staging / "report.md").write_text(render.render_markdown(report.content),
                                           encoding="utf-8")
        (staging / "report.html").write_text(render.render_html(report.content),
                                             encoding="utf-8")
    return outdir / "report.html"


def make_report(source: str | os.PathLike[str] | Network, outdir: str | os.PathLike[str], *,
                lang: str | None = None, model: Any = None, title: str | None = None,
                top: int = 20, include_personal: bool = False, with_map: bool = True,
                generated_at: dt.datetime | None = None, ties: str = "working",
                combine: str = "max") -> Path:
    """Read ``source`` (a dataset path or a Network), analyse it and write the report
    folder ``outdir``; returns the path of report.html.

    ``lang`` defaults to the data's header language, else Czech; ``model`` is an
    optimal model (or its file) for :func:`graphnet.analysis.analyse`; ``top`` is how
    many rows each list shows in the HTML before pointing to the CSV files;
    ``ties`` (``working``, ``platform``, ``all``) and ``combine`` (``max``, ``mean``,
    ``min``) go to :func:`graphnet.analysis.analyse`: which ties are measured and how
    the two ends' reports of one tie make its weight.
    """
    if isinstance(source, Network):
        network = source
        language = report_language(network, lang)
    else:
        # The data-quality table shows the reading's warnings: word them in the
        # report's language.
        network, language = load_in_language(source, lang)
    if model is not None and not isinstance(model, OptimalModel):
        model = load_model(model, sectors=network.sectors, lang=language)
    if not include_personal:
        network = network.without_personal()
    analysis = analyse(network, model=model, ties=ties, combine=combine)
    options = ReportOptions(lang=language, title=title, top=top,
                            include_personal=include_personal, generated_at=generated_at)
    return write_report(build_report(analysis, options, with_map=with_map), outdir)
