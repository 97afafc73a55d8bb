"""Commands on the data itself: ``graphnet validate`` and ``graphnet convert``."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import click

import graphnet.io as gio
from graphnet.cli import EXAMPLE, print_problems
from graphnet.cli.language import lang_option, load_network, problem_line, use_language
from graphnet.errors import InputError, Problem, ValidationError
from graphnet.i18n import choose_language, t
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


@click.command(
    "validate",
    epilog=EXAMPLE("graphnet validate --lang cs datasets/orp-horni-lhota-2025"),
)
@click.argument("path", type=click.Path(path_type=Path))
@lang_option("Language of the problems and the summary.")
def validate_command(path: Path, lang: str | None) -> None:
    """Check a network (folder of CSV/XLSX, .xlsx, .json, .graphml, .gexf).

    Prints every problem on its own line (file, spreadsheet row, column, value,
    what would be right), errors first, and exits 1 when there is any error;
    warnings do not fail. On success prints a short summary.
    """
    try:
        network, problems, language = gio.read_in_language(path, lang)
    except InputError as failure:  # no such path: worded in the language known without data
        language = choose_language(lang)
        network, problems = None, [Problem(str(path), None, None, None, str(failure))]
    use_language(language)
    ordered = ValidationError(problems)
    for problem in ordered.errors + ordered.warnings:
        click.echo(problem_line(problem, language), err=True)
    if network is None:
        click.echo(t("data.errors_found", language, errors=len(ordered.errors),
                     warnings=len(ordered.warnings)), err=True)
        sys.exit(1)
    for line in summary_lines(network, language):
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
@lang_option("Language of the messages.")
def convert_command(path: Path, output: Path, format_: str | None,
                    include_personal: bool, lang: str | None) -> None:
    """Convert a network to graphnet JSON, GraphML, GEXF (Gephi) or a folder of CSV.

    The input is checked first; with any error nothing is written. Personal
    fields (contact) are left out unless --include-personal.
    """
    network, language = load_network(path, lang)
    written = gio.save(network, output, format=format_, include_personal=include_personal)
    if network.problems:
        print_problems(ValidationError(network.problems), language)
    click.echo(t("data.written", language, path=str(written)))
