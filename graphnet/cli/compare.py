"""``graphnet compare``: what changed between two mappings of the same network."""

from __future__ import annotations

from pathlib import Path

import click

from graphnet.cli import EXAMPLE
from graphnet.cli.language import lang_option, load_network
from graphnet.cli.options import tie_options
from graphnet.compare import compare, write_comparison
from graphnet.i18n import t
from graphnet.optimal_model import load_model

__all__ = ["compare_command"]


@click.command(
    "compare",
    epilog=EXAMPLE(
        "graphnet compare datasets/orp-horni-lhota-2025 datasets/orp-horni-lhota-2026 "
        "-o out/compare --lang cs"
    ),
)
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option("-o", "--output", "outdir", type=click.Path(path_type=Path, file_okay=False),
              required=True, help="Folder to write compare.html, .md, .json and the CSVs into.")
@lang_option("Language of the comparison (the data's language is that of the NEW data).")
@click.option("--model", "model", type=click.Path(path_type=Path), default=None,
              help="Your own optimal model (YAML) instead of the shipped one.")
@click.option("--no-map", "no_map", is_flag=True, help="Do not write compare_map.html.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes for the two analyses: 2 analyses the new mapping in a second "
                   "process meanwhile (worth it on large networks with a core to spare).")
@tie_options
def compare_command(old: Path, new: Path, outdir: Path, lang: str | None, model: Path | None,
                    no_map: bool, workers: int, ties: str, combine: str) -> None:
    """Compare two mappings of the same network (OLD first, then NEW).

    Lists actors added and removed (and those whose id probably changed), ties
    gained, lost and changed in weight (two ends' reports of one tie combined, never
    added up), pairs that now work together apart from pairs that now only meet at
    the platform, sector pairs, response rates, network figures, positions
    and findings before and after. Writes compare.html (one self-contained page),
    compare.md, compare.json (schema graphnet.compare/1) and compare_*.csv.
    """
    # The new mapping decides the language; the old one is then read in it.
    new_network, language = load_network(new, lang)
    old_network, _ = load_network(old, language)
    optimal = load_model(model, sectors=new_network.sectors, lang=language) if model else None
    comparison = compare(old_network, new_network, model=optimal, workers=workers,
                         ties=ties, combine=combine)
    write_comparison(comparison, outdir, lang=language, with_map=not no_map)
    click.echo(t("compare.cli_written", language, path=str(outdir / "compare.html")))
