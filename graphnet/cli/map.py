"""``graphnet map``: the interactive network map as one HTML file."""

from __future__ import annotations

from pathlib import Path

import click

from graphnet.cli import EXAMPLE
from graphnet.cli.language import lang_option, load_network
from graphnet.cli.options import tie_options
from graphnet.i18n import format_number, t
from graphnet.map import AGGREGATE_ABOVE, write_map
from graphnet.map.data import COLOR_BY, SIZE_BY
from graphnet.vocab import LINK_KINDS


@click.command(
    "map",
    epilog=EXAMPLE("graphnet map datasets/orp-horni-lhota-2025 -o mapa.html --suggestions 10"),
)
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The HTML file to write (opens offline in any browser).")
@lang_option("Language of the legend, controls and tooltips.")
@click.option("--color-by", type=click.Choice(COLOR_BY), default="sector", show_default=True,
              help="What the colour of an actor shows.")
@click.option("--size-by", type=click.Choice(SIZE_BY), default="degree", show_default=True,
              help="Which measure the size of an actor shows.")
@click.option("--kinds", default=None, metavar="KIND,KIND",
              help=f"Only these link kinds ({','.join(LINK_KINDS.codes)}); default all.")
@click.option("--suggestions", type=click.IntRange(min=0), default=0, show_default=True,
              help="Add the N best suggested links (dashed, switched on in the legend).")
@click.option("--orp", default=None, metavar="NAME", help="Only the actors serving this ORP.")
@click.option("--ego", default=None, metavar="ACTOR",
              help="Only this actor (id or name) and its neighbourhood.")
@click.option("--depth", type=click.IntRange(min=1), default=1, show_default=True,
              help="How many links away from --ego to go.")
@click.option("--view", type=click.Choice(["auto", "actors", "aggregate"]), default="auto",
              show_default=True,
              help=f"auto: one node per actor up to {AGGREGATE_ABOVE:,} actors, above that "
                   "one node per sector within each ORP.")
@tie_options
def map_command(path: Path, output: Path, lang: str | None, color_by: str, size_by: str,
                kinds: str | None, suggestions: int, orp: str | None, ego: str | None,
                depth: int, view: str, ties: str, combine: str) -> None:
    """Draw the network as an interactive map (one self-contained HTML file).

    Lines are ties (a pair of actors with every report about it, the two ends'
    reports combined, never added): working ties when the page opens, the
    platform's co-attendance pairs as a switch in the legend (--ties sets which
    layer is on and what the measures count). Colours show sectors, sizes a
    measure, marks the isolated and unknown actors, cut points and key players;
    the legend filters sectors and link kinds; the search box
    finds an actor. Large networks are drawn as sectors within ORPs unless you
    pick one ORP (--orp) or one actor's neighbourhood (--ego).
    """
    network, language = load_network(path, lang)
    kind_list = [k.strip() for k in kinds.split(",") if k.strip()] if kinds else None
    written = write_map(network, output, lang=language, color_by=color_by, size_by=size_by,
                        kinds=kind_list, suggestions=suggestions, orp=orp, ego=ego,
                        depth=depth, view=view, ties=ties, combine=combine)
    click.echo(t("map.cli_written", language, path=str(written)))
    if view == "auto" and orp is None and ego is None and len(network.actors) > AGGREGATE_ABOVE:
        click.echo(t("map.cli_aggregated", language,
                     n=format_number(len(network.actors), language)))
