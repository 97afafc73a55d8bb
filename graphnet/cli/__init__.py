"""The ``graphnet`` command: a thin layer that parses options, calls the library and prints.

Each group of commands lives in its own module here and is registered below.
Errors the library raises on purpose (:class:`graphnet.errors.GraphnetError`)
become one clear message and exit code 1; anything else is a bug: one line
asking for ``--debug``, which shows the traceback, and exit code 2.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from graphnet import __version__
from graphnet.errors import GraphnetError, ValidationError

__all__ = ["main", "GraphnetGroup", "EXAMPLE"]


def EXAMPLE(text: str) -> str:  # noqa: N802 - reads as a heading in command docstrings
    """Help epilog with an example, shown at the end of a command's --help."""
    return "\b\nExample:\n  " + text.strip().replace("\n", "\n  ")


def print_problems(error: ValidationError) -> None:
    """Every problem on its own line, errors first, to stderr."""
    for problem in error.errors + error.warnings:
        label = "error" if problem.severity == "error" else "warning"
        click.echo(f"{label}: {problem.line()}", err=True)


def _print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(f"graphnet, version {__version__}")
        ctx.exit()


def add_version_option(command: click.Command) -> None:
    """Give ``command`` (and every command below it) a ``--version`` option."""
    if not any("--version" in getattr(p, "opts", ()) for p in command.params):
        command.params.append(click.Option(
            ["--version"], is_flag=True, expose_value=False, is_eager=True,
            callback=_print_version, help="Show the version and exit."))
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            add_version_option(sub)


class GraphnetGroup(click.Group):
    """A click group that turns library errors into one-line messages and gives
    every command ``--version``."""

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            add_version_option(command)
        return command

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except ValidationError as error:
            if ctx.meta.get("graphnet.debug"):
                raise
            print_problems(error)
            n = len(error.errors)
            click.echo(f"{n} error(s); nothing was written.", err=True)
            sys.exit(1)
        except GraphnetError as error:
            if ctx.meta.get("graphnet.debug"):
                raise
            click.echo(f"Error: {error}", err=True)
            sys.exit(1)
        except Exception as error:  # a bug, not bad data
            if ctx.meta.get("graphnet.debug"):
                raise
            click.echo(
                f"Internal error ({type(error).__name__}: {error}). "
                "Run again with --debug for the details and report it, please.",
                err=True,
            )
            sys.exit(2)


@click.group(cls=GraphnetGroup, epilog=EXAMPLE("graphnet validate datasets/orp-horni-lhota-2025"))
@click.version_option(__version__, prog_name="graphnet")
@click.option("--debug", is_flag=True, help="Show the full traceback of an internal error.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """graphnet: maps and measures the network of services for children and families.

    Read a network (CSV/XLSX/JSON/GraphML/GEXF), check it, measure it, and write
    a report, a map or a Neo4j database from it.
    """
    ctx.meta["graphnet.debug"] = debug


# Each command module registers itself on `main` when imported.
from graphnet.cli import analyse as _analyse  # noqa: E402,F401
from graphnet.cli import compare as _compare  # noqa: E402,F401
from graphnet.cli import data as _data  # noqa: E402,F401
from graphnet.cli import map as _map  # noqa: E402,F401
from graphnet.cli import neo4j as _neo4j  # noqa: E402,F401
from graphnet.cli import report as _report  # noqa: E402,F401
from graphnet.cli import survey as _survey  # noqa: E402,F401
from graphnet.cli import synth as _synth  # noqa: E402,F401
