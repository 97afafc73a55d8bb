"""``graphnet report`` (the interconnection report) and ``graphnet demo`` (the sample ORP's)."""

from __future__ import annotations

from pathlib import Path

import click

from graphnet.cli import EXAMPLE
from graphnet.cli.language import lang_option, load_network
from graphnet.cli.options import tie_options
from graphnet.i18n import t
from graphnet.optimal_model import load_model
from graphnet.report import make_report, sample_dataset

__all__ = ["report_command", "demo_command"]


@click.command(
    "report",
    epilog=EXAMPLE("graphnet report datasets/orp-horni-lhota-2025 -o out/lhota --lang cs"),
)
@click.argument("path", type=click.Path(path_type=Path))
@click.option("-o", "--output", "outdir", type=click.Path(path_type=Path, file_okay=False),
              required=True, help="The report folder (created; files of the same name replaced).")
@lang_option("Language of the report.")
@click.option("--model", "model", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Your own optimal model (YAML) instead of the shipped one.")
@click.option("--title", default=None, help="Title of the report [default: the dataset's name].")
@click.option("--top", type=click.IntRange(min=1), default=20, show_default=True,
              help="Rows each list shows in the HTML; the CSV files hold them all.")
@click.option("--include-personal", is_flag=True,
              help="Show personal fields (contact) in the tables; left out by default.")
@tie_options
def report_command(path: Path, outdir: Path, lang: str | None, model: Path | None,
                   title: str | None, top: int, include_personal: bool, ties: str,
                   combine: str) -> None:
    """Write the interconnection report of a network into a folder.

    report.html (self-contained, prints on A4), report.md, report.json, the
    tables as CSV (actors, sector pairs, findings, suggestions, coverage, ties) and
    report.xlsx, and the interactive map.html. A failed run leaves a previous
    report in the folder untouched.
    """
    network, language = load_network(path, lang)
    optimal = load_model(model, sectors=network.sectors, lang=language) if model else None
    html = make_report(network, outdir, lang=language, model=optimal, title=title, top=top,
                       include_personal=include_personal, ties=ties, combine=combine)
    click.echo(t("report.cli_written", language, path=str(html)))


@click.command("demo", epilog=EXAMPLE("graphnet demo -o out/demo"))
@click.option("-o", "--output", "outdir", type=click.Path(path_type=Path, file_okay=False),
              default=Path("graphnet-demo"), show_default=True, help="The report folder.")
@lang_option("Language of the report.")
@tie_options
def demo_command(outdir: Path, lang: str | None, ties: str, combine: str) -> None:
    """Write the report of the bundled sample ORP (fictional Horní Lhota) and say where it is."""
    network, language = load_network(sample_dataset(), lang)
    html = make_report(network, outdir, lang=language, ties=ties, combine=combine)
    click.echo(t("report.cli_written", language, path=str(html)))
