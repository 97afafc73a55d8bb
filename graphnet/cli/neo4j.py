"""``graphnet neo4j …``: push a network to Neo4j, pull it back, run the query library."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

import graphnet
from graphnet.cli import EXAMPLE
from graphnet.cli.language import current_language, lang_option, load_network
from graphnet.cli.options import tie_options
from graphnet.errors import InputError
from graphnet.i18n import t
from graphnet.neo4j import load_queries, pull, push, query_by_name, run_query, settings_from_env

__all__ = ["neo4j_group"]


@click.group("neo4j", epilog=EXAMPLE(
    "graphnet neo4j push datasets/orp-horni-lhota-2025 --with-measures"))
def neo4j_group() -> None:
    """Neo4j for analysts: push networks, pull them back, run graphnet's Cypher queries.

    Connection: --uri/--username/--database or NEO4J_URI, NEO4J_USERNAME,
    NEO4J_DATABASE; the password from NEO4J_PASSWORD, --password-stdin, or a prompt
    (e.g. `read -rs NEO4J_PASSWORD && export NEO4J_PASSWORD`), never an option.
    """


def connection_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The options every neo4j command shares (bundled once, applied to each)."""
    options = [
        click.option("--uri", envvar="NEO4J_URI", default="bolt://localhost:7687",
                     show_default=True, help="Server address [env NEO4J_URI]."),
        click.option("--username", envvar="NEO4J_USERNAME", default="neo4j", show_default=True,
                     help="User name [env NEO4J_USERNAME]."),
        click.option("--database", envvar="NEO4J_DATABASE", default=None,
                     help="Database (default: the server's default) [env NEO4J_DATABASE]."),
        click.option("--password-stdin", is_flag=True,
                     help="Read the password from the first line of standard input "
                          "(else NEO4J_PASSWORD, else a prompt when interactive)."),
        lang_option("Language of the messages."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _settings(uri: str, username: str, database: str | None, password_stdin: bool) -> Any:
    password: str | None
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = os.environ.get("NEO4J_PASSWORD")
        if password is None and sys.stdin.isatty():
            password = click.prompt(t("neo4j.password_prompt", current_language()),
                                    hide_input=True,
                                    default="", show_default=False)
    settings = settings_from_env(uri=uri, username=username, password=password,
                                 database=database)
    return dataclasses.replace(settings, lang=current_language())


@neo4j_group.command("push", epilog=EXAMPLE(
    "graphnet neo4j push datasets/orp-horni-lhota-2025 --dataset horni-lhota-2025 "
    "--with-measures"))
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--dataset", help="Dataset id (default: `dataset` in graphnet.yaml, else the "
                                "folder name). Pushing again to the same id updates it.")
@click.option("--with-measures", is_flag=True,
              help="Also write measures and findings back (betweenness, community, "
                   ":Isolated, :CutPoint, :Broker …).")
@click.option("--include-personal", is_flag=True,
              help="Also push personal fields (contact persons); left out by default.")
@click.option("--batch-size", type=click.IntRange(1, 100000), default=1000, show_default=True,
              help="Rows per transaction.")
@tie_options
@connection_options
def push_command(path: Path, dataset: str | None, with_measures: bool, include_personal: bool,
                 batch_size: int, ties: str, combine: str, uri: str, username: str,
                 database: str | None,
                 password_stdin: bool, lang: str | None) -> None:
    """Push the network at PATH into Neo4j (schema, actors, links, meetings).

    Idempotent: pushing the same data twice leaves the same graph; a newer mapping
    pushed to the same dataset id updates what changed and removes what is gone,
    inside that dataset only. A push that is interrupted can simply be run again.
    """
    network, language = load_network(path, lang)
    settings = _settings(uri, username, database, password_stdin)
    dataset_id = dataset or network.source or path.stem
    analysis = graphnet.analyse(network, ties=ties, combine=combine) if with_measures else None
    bar: Any = None
    shown = 0

    def progress(done: int, total: int) -> None:
        nonlocal bar, shown
        if bar is None:
            bar = click.progressbar(length=max(total, 1), label=t("neo4j.pushing", language,
                                                                 dataset=dataset_id),
                                    file=sys.stderr)
            bar.__enter__()
        bar.update(done - shown)
        shown = done

    try:
        result = push(network, settings, dataset=dataset_id, analysis=analysis,
                      include_personal=include_personal, batch_size=batch_size,
                      progress=progress, combine=combine)
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    click.echo(t("neo4j.pushed", language, dataset=result.dataset, actors=result.actors,
                 links=result.links, ties=result.ties,
                 working=dict(result.ties_by_layer).get("working", 0),
                 platform=dict(result.ties_by_layer).get("platform", 0), combine=combine,
                 meetings=result.meetings, removed=result.removed,
                 where=settings.describe()))


@neo4j_group.command("pull", epilog=EXAMPLE(
    "graphnet neo4j pull -o pulled/horni-lhota --dataset horni-lhota-2025"))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="Where to write: a folder (CSV files), or a .json/.xlsx/.graphml/.gexf file.")
@click.option("--dataset", help="Dataset id (may be left out when the database holds one).")
@connection_options
def pull_command(output: Path, dataset: str | None, uri: str, username: str,
                 database: str | None, password_stdin: bool, lang: str | None) -> None:
    """Read a dataset back from Neo4j into graphnet's own format."""
    settings = _settings(uri, username, database, password_stdin)
    network = pull(settings, dataset)
    graphnet.save(network, output, include_personal=True)
    language = current_language(lang, network.language)
    click.echo(t("neo4j.pulled", language, actors=len(network.actors),
                 links=len(network.links), path=output))


@neo4j_group.command("queries", epilog=EXAMPLE("graphnet neo4j queries --lang cs"))
@lang_option("Language of the descriptions.")
def queries_command(lang: str | None) -> None:
    """List graphnet's Cypher queries, their parameters, and which need GDS."""
    lang = current_language(lang)  # no data: --lang, else GRAPHNET_LANG, else cs

    lines = []
    for query in load_queries().values():
        gds = f" [{t('neo4j.needs_gds', lang)}]" if query.needs_gds else ""
        lines.append(f"{query.name}{gds}")
        lines.append(f"    {query.description[lang]}")
        for parameter in query.parameters.values():
            example = json.dumps(parameter.example, ensure_ascii=False) \
                if isinstance(parameter.example, list) else parameter.example
            lines.append(f"    --param {parameter.name}={example}   "
                         f"({parameter.type}) {parameter.description[lang]}")
    _emit("\n".join(lines))


def _emit(text: str) -> None:
    """Print ``text``; a reader that closed the pipe (``… | head``) ends the command
    quietly with status 141, as a Unix tool killed by SIGPIPE does."""
    try:
        click.echo(text)
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)  # no second error when Python exits
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(141)


def _cell(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    return value


def render_rows(columns: tuple[str, ...], rows: tuple[tuple[Any, ...], ...], fmt: str) -> str:
    """Rows as an aligned text table, CSV or JSON (a list of objects).

    >>> print(render_rows(("id", "n"), (("a", 1),), "csv").strip())
    id,n
    a,1
    """
    if fmt == "json":
        records = [{c: _cell(v) for c, v in zip(columns, row, strict=True)} for row in rows]
        return json.dumps(records, ensure_ascii=False, indent=1, default=str)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([json.dumps(v, ensure_ascii=False, default=str)
                             if isinstance(v, (list, dict)) else _cell(v) for v in row])
        return buffer.getvalue()
    texts = [[("" if v is None else json.dumps(v, ensure_ascii=False, default=str)
               if isinstance(v, (list, dict)) else str(_cell(v))) for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in texts]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in texts]
    return "\n".join(lines)


def _params(pairs: tuple[str, ...]) -> dict[str, str]:
    values: dict[str, str] = {}
    for pair in pairs:
        if "=" not in pair:
            raise InputError(t("neo4j.bad_param", current_language(), pair=pair))
        key, value = pair.split("=", 1)
        values[key.strip()] = value
    return values


@neo4j_group.command("query", epilog=EXAMPLE(
    "graphnet neo4j query no-partner-in-sector --param dataset=horni-lhota-2025 "
    "--param sector=education --param other=social_services --format csv"))
@click.argument("name")
@click.option("--param", "params", multiple=True, metavar="KEY=VALUE",
              help="A parameter of the query (repeat for more); lists as JSON or a,b,c.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True)
@connection_options
def query_command(name: str, params: tuple[str, ...], fmt: str, uri: str, username: str,
                  database: str | None, password_stdin: bool, lang: str | None) -> None:
    """Run the query NAME of graphnet's library (see `graphnet neo4j queries`)."""
    query_by_name(name)  # an unknown name fails before asking for a password
    settings = _settings(uri, username, database, password_stdin)
    result = run_query(settings, name, _params(params))
    _emit(render_rows(result.columns, result.rows, fmt))
