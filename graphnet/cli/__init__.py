"""The ``graphnet`` command: a thin layer that parses options, calls the library and prints.

Each group of commands lives in its own module here and is named in
:data:`COMMANDS`; a command's module is imported only when that command runs (or
its own ``--help`` is asked for), so ``graphnet --version`` and ``graphnet
--help`` start without pandas, networkx, igraph or matplotlib.
Errors the library raises on purpose (:class:`graphnet.errors.GraphnetError`)
become one clear message and exit code 1; anything else is a bug: one line
asking for ``--debug``, which shows the traceback, and exit code 2.
"""

from __future__ import annotations

import sys
from importlib import import_module
from typing import Any

import click

from graphnet._version import __version__
from graphnet.cli.language import current_language, problem_line
from graphnet.errors import GraphnetError, ValidationError
from graphnet.i18n import t

__all__ = ["main", "GraphnetGroup", "LazyGroup", "COMMANDS", "EXAMPLE", "IGRAPH_COMMANDS",
           "import_igraph"]

#: Every command of ``graphnet``: name → ("module:attribute" of the click command,
#: its short help as ``graphnet --help`` lists it). The short help is the first
#: sentence of the command's docstring (tests/cli/test_startup.py keeps them equal).
COMMANDS: dict[str, tuple[str, str]] = {
    "analyse": ("graphnet.cli.analyse:analyse_command",
                "Measure a network and say what it lacks against the optimal model."),
    "compare": ("graphnet.cli.compare:compare_command",
                "Compare two mappings of the same network (OLD first, then NEW)."),
    "convert": ("graphnet.cli.data:convert_command",
                "Convert a network to graphnet JSON, GraphML, GEXF (Gephi) or a folder of CSV."),
    "demo": ("graphnet.cli.report:demo_command",
             "Write the report of the bundled sample ORP (fictional Horní Lhota) and say "
             "where it is."),
    "map": ("graphnet.cli.map:map_command",
            "Draw the network as an interactive map (one self-contained HTML file)."),
    "neo4j": ("graphnet.cli.neo4j:neo4j_group",
              "Neo4j for analysts: push networks, pull them back, run graphnet's Cypher queries."),
    "report": ("graphnet.cli.report:report_command",
               "Write the interconnection report of a network into a folder."),
    "survey": ("graphnet.cli.survey:survey_group",
               "The questionnaire: one form per actor, answers collected back as reports."),
    "synth": ("graphnet.cli.synth:synth_command",
              "Make a synthetic network of ORPs with the structure networkers report."),
    "validate": ("graphnet.cli.data:validate_command",
                 "Check a network (folder of CSV/XLSX, .xlsx, .json, .graphml, .gexf)."),
}


#: The commands that measure (and so import python-igraph); see :func:`import_igraph`.
IGRAPH_COMMANDS = frozenset({"analyse", "compare", "demo", "map", "report"})


def import_igraph() -> None:
    """Import python-igraph without its matplotlib plotting, unless it is imported already.

    ``import igraph`` imports igraph's plotting modules, and they import
    ``matplotlib.pyplot`` whenever matplotlib is installed: about 0.4 s, a third of a
    one-ORP report, for plotting that graphnet never does with igraph. igraph falls
    back to a stand-in when matplotlib cannot be imported, so matplotlib is hidden
    for that one import only: afterwards it imports as usual (the comparison's charts
    use it); only igraph's own plotting is off in this process. The command line
    does this, for the process it runs; the library never does.
    """
    if "igraph" in sys.modules or "matplotlib" in sys.modules:
        return
    sys.modules["matplotlib"] = None  # type: ignore[assignment]  # import fails: igraph's stand-in
    try:
        import igraph  # noqa: F401
    finally:
        del sys.modules["matplotlib"]


def EXAMPLE(text: str) -> str:  # noqa: N802 - reads as a heading in command docstrings
    """Help epilog with an example, shown at the end of a command's --help."""
    return "\b\nExample:\n  " + text.strip().replace("\n", "\n  ")


def print_problems(error: ValidationError, lang: str | None = None) -> None:
    """Every problem on its own line, errors first, to stderr, labelled in ``lang``
    (default: the language of this run)."""
    lang = lang or current_language()
    for problem in error.errors + error.warnings:
        click.echo(problem_line(problem, lang), err=True)


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


class LazyGroup(click.Group):
    """A click group whose commands are imported on first use, from ``lazy``
    (name → ("module:attribute", short help)); ``--help`` lists them from the
    table without importing any."""

    def __init__(self, *args: Any, lazy: dict[str, tuple[str, str]] | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = dict(lazy or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in self.lazy:
            module_name, _, attribute = self.lazy[cmd_name][0].partition(":")
            command = getattr(import_module(module_name), attribute)
            if not isinstance(command, click.Command):
                raise TypeError(f"{module_name}:{attribute} is no click command")
            self.add_command(command, cmd_name)
        return super().get_command(ctx, cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list of ``--help``, as click writes it, but from the table for
        commands not imported yet."""
        names = [name for name in self.list_commands(ctx)
                 if name in self.lazy or not self.commands[name].hidden]
        if not names:
            return
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = []
        for name in names:
            # a stand-in command with the table's text shortens it as click would
            command = self.commands.get(name) or click.Command(name, help=self.lazy[name][1])
            rows.append((name, command.get_short_help_str(limit)))
        with formatter.section("Commands"):
            formatter.write_dl(rows)


class GraphnetGroup(LazyGroup):
    """A click group that turns library errors into one-line messages and gives
    every command ``--version``."""

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in IGRAPH_COMMANDS and cmd_name not in self.commands:
            import_igraph()
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
            lang = current_language()
            print_problems(error, lang)
            click.echo(t("cli.errors_nothing_written", lang, n=len(error.errors)), err=True)
            sys.exit(1)
        except GraphnetError as error:
            if ctx.meta.get("graphnet.debug"):
                raise
            click.echo(t("cli.error", current_language(), message=error), err=True)
            sys.exit(1)
        except Exception as error:  # a bug, not bad data
            if ctx.meta.get("graphnet.debug"):
                raise
            click.echo(t("cli.internal_error", current_language(),
                         kind=type(error).__name__, detail=error), err=True)
            sys.exit(2)


@click.group(cls=GraphnetGroup, lazy=COMMANDS,
             epilog=EXAMPLE("graphnet validate datasets/orp-horni-lhota-2025"))
@click.version_option(__version__, prog_name="graphnet")
@click.option("--debug", is_flag=True, help="Show the full traceback of an internal error.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """graphnet: maps and measures the network of services for children and families.

    Read a network (CSV/XLSX/JSON/GraphML/GEXF), check it, measure it, and write
    a report, a map or a Neo4j database from it.
    """
    ctx.meta["graphnet.debug"] = debug

