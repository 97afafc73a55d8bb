"""Commands on the data itself: ``graphnet validate`` and ``graphnet convert``."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import click

import graphnet.io as gio
from graphnet.cli import EXAMPLE, print_problems
from graphnet.errors import InputError, Problem, ValidationError
from graphnet.i18n import t
from graphnet.model import Network
from graphnet.vocab import LINK_KINDS

__all__ = ["validate_command", "convert_command", "summary_lines", "problem_line"]


def summary_lines(network: Network, lang: str = "en") -> list[str]:
    """A short summary: totals, actors by sector, links by kind."""
    meetings = len({row.meeting for row in network.attendance})
    warnings = sum(1 for p in network.problems if p.severity == "warning")
    lines = [t("data.summary_ok", lang, actors=len(network.actors), links=len(network.links),
               meetings=meetings, warnings=warnings)]
    sectors = Counter(actor.sector for actor in network.actors)
    lines.append(f"{t('data.summary_by_sector', lang)}:")
    for term in network.sectors:
        if sectors[term.code]:
            lines.append(f"  {term.label(lang)}: {sectors[term.code]}")
    kinds = Counter(link.kind for link in network.links)
    lines.append(f"{t('data.summary_by_kind', lang)}:")
    for term in LINK_KINDS:
        if kinds[term.code]:
            lines.append(f"  {term.label(lang)}: {kinds[term.code]}")
    return lines


def problem_line(problem: Problem, lang: str) -> str:
    """One problem as a line, labelled error/warning, in ``lang`` (the English line is
    exactly :meth:`Problem.line`, as every other command prints it)."""
    label = t("data.label_error" if problem.severity == "error" else "data.label_warning", lang)
    if lang == "en":
        return f"{label}: {problem.line()}"
    where = [problem.file]
    if problem.row is not None:
        where.append(t("data.line_row", lang, row=problem.row))
    if problem.column is not None:
        where.append(t("data.line_column", lang, column=problem.column))
    text = f"{label}: {', '.join(where)}: {problem.message}"
    if problem.value is not None:
        text += f': "{problem.value}"'
    if problem.suggestion is not None:
        text += t("data.line_suggestion", lang, suggestion=problem.suggestion)
    return text


@click.command(
    "validate",
    epilog=EXAMPLE("graphnet validate --lang cs datasets/orp-horni-lhota-2025"),
)
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--lang", type=click.Choice(["cs", "en"]), default="en", show_default=True,
              help="Language of the problems and the summary.")
def validate_command(path: Path, lang: str) -> None:
    """Check a network (folder of CSV/XLSX, .xlsx, .json, .graphml, .gexf).

    Prints every problem on its own line (file, spreadsheet row, column, value,
    what would be right), errors first, and exits 1 when there is any error;
    warnings do not fail. On success prints a short summary.
    """
    try:
        network, problems = gio.read(path, lang=lang)
    except InputError as failure:
        network, problems = None, [Problem(str(path), None, None, None, str(failure))]
    ordered = ValidationError(problems)
    for problem in ordered.errors + ordered.warnings:
        click.echo(problem_line(problem, lang), err=True)
    if network is None:
        click.echo(t("data.errors_found", lang, errors=len(ordered.errors),
                     warnings=len(ordered.warnings)), err=True)
        sys.exit(1)
    for line in summary_lines(network, lang):
        click.echo(line)


@click.command(
    "convert",
    epilog=EXAMPLE("graphnet convert datasets/orp-horni-lhota-2025 -o lhota.gexf"),
)
@click.argument("path", type=click.Path(path_type=Path))
@click.option("-o", "--output", "output", type=click.Path(path_type=Path), required=True,
              help="Where to write: *.json, *.graphml, *.gexf, or a folder (CSV).")
@click.option("--format", "format_", type=click.Choice(list(gio.FORMATS)), default=None,
              help="Output format (default: from the output's suffix; none = CSV folder).")
@click.option("--include-personal", is_flag=True,
              help="Keep personal fields (contact) in the output.")
def convert_command(path: Path, output: Path, format_: str | None,
                    include_personal: bool) -> None:
    """Convert a network to graphnet JSON, GraphML, GEXF (Gephi) or a folder of CSV.

    The input is checked first; with any error nothing is written. Personal
    fields (contact) are left out unless --include-personal.
    """
    network = gio.load(path)
    written = gio.save(network, output, format=format_, include_personal=include_personal)
    if network.problems:
        print_problems(ValidationError(network.problems))
    click.echo(t("data.written", "en", path=str(written)))
