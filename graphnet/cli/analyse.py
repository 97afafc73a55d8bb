"""``graphnet analyse``: measure a network, print what it lacks, write the analysis JSON."""

from __future__ import annotations

from pathlib import Path

import click

import graphnet
from graphnet.analysis import Analysis
from graphnet.cli import EXAMPLE
from graphnet.cli.language import lang_option, load_network
from graphnet.cli.options import tie_options
from graphnet.i18n import t
from graphnet.optimal_model import load_model

__all__ = ["analyse_command", "findings_lines"]


def findings_lines(analysis: Analysis, lang: str, suggestions: int = 10) -> list[str]:
    """The findings, most important first, then the best suggested links, as text lines."""
    lines = [t("findings.cli_findings", lang, n=len(analysis.findings))]
    for number, finding in enumerate(analysis.findings, start=1):
        severity = t(f"findings.severity_{finding.severity}", lang)
        lines.append(f"{number:>3}. [{severity}] {finding.text[lang]}")
    shown = analysis.suggestions[:suggestions]
    if shown:
        lines.append("")
        lines.append(t("findings.cli_suggestions", lang, n=len(shown)))
        for number, suggestion in enumerate(shown, start=1):
            network = analysis.network
            a, b = network.actor(suggestion.source).name, network.actor(suggestion.target).name
            lines.append(f"{number:>3}. {a} – {b}: {suggestion.reasons[lang]}")
    return lines


@click.command(
    "analyse",
    epilog=EXAMPLE("graphnet analyse datasets/orp-horni-lhota-2025 -o analysis.json --lang cs"),
)
@click.argument("path", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="Write the whole analysis as JSON (schema graphnet.analysis/1) here.")
@click.option("--model", "model", type=click.Path(path_type=Path), default=None,
              help="Your own optimal model (YAML) instead of the shipped one.")
@lang_option("Language of the sentences printed.")
@click.option("--suggestions", "n_suggestions", type=click.IntRange(min=0), default=10,
              show_default=True, help="How many suggested links to print.")
@click.option("--seed", type=int, default=42, show_default=True,
              help="Seed for everything random (communities, key players, sampling).")
@tie_options
def analyse_command(path: Path, output: Path | None, model: Path | None, lang: str | None,
                    n_suggestions: int, seed: int, ties: str, combine: str) -> None:
    """Measure a network and say what it lacks against the optimal model.

    Prints the findings, most important first, and the best new links to make,
    each with its reasons. With -o, writes everything (per-actor measures,
    network figures, sector pairs, coverage, findings, suggestions) as JSON.
    """
    network, language = load_network(path, lang)
    optimal = load_model(model, sectors=network.sectors, lang=language) if model else None
    analysis = graphnet.analyse(network, model=optimal, seed=seed, ties=ties, combine=combine)
    for line in findings_lines(analysis, language, n_suggestions):
        click.echo(line)
    if output is not None:
        analysis.write_json(output)
        click.echo(t("findings.cli_written", language, path=str(output)), err=True)
