"""``graphnet synth``: a seeded synthetic network of N ORPs (for tests and benchmarks)."""

from __future__ import annotations

from pathlib import Path

import click

import graphnet.io as gio
from graphnet.cli import EXAMPLE
from graphnet.cli.language import current_language, lang_option
from graphnet.i18n import t
from graphnet.synth import synthesize

__all__ = ["synth_command"]


@click.command(
    "synth",
    epilog=EXAMPLE("graphnet synth --orps 206 --seed 1 -o out/synth-206"),
)
@click.option("--orps", type=click.IntRange(min=1), default=1, show_default=True,
              help="Number of ORPs (206 ≈ the whole country, ≈ 30,000 actors).")
@click.option("--seed", type=int, default=0, show_default=True,
              help="Seed of the random generator: the same seed gives the same network.")
@click.option("-o", "--output", "output", type=click.Path(path_type=Path), required=True,
              help="Where to write: a folder (CSV as a networker's Excel writes it), "
                   "or *.json, *.graphml, *.gexf.")
@lang_option("Language of the message printed.")
def synth_command(orps: int, seed: int, output: Path, lang: str | None) -> None:
    """Make a synthetic network of ORPs with the structure networkers report.

    Most ties inside an ORP, a few to ORPs of the same region; OSPOD central;
    few school - social-service ties; some isolated actors (mostly doctors).
    The output appears whole or not at all.
    """
    network = synthesize(orps, seed)
    written = gio.save(network, output)
    # No data to take the language from: --lang, else GRAPHNET_LANG, else cs.
    click.echo(t("synth.made", current_language(lang), orps=orps, actors=len(network.actors),
                 links=len(network.links),
                 meetings=len({row.meeting for row in network.attendance}),
                 seed=seed, path=str(written)))
