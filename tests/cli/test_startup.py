"""``graphnet --version`` and ``--help`` start without the heavy libraries.

Behaviour, not timing (benchmarks time it): a fresh interpreter runs the command
and reports which modules it imported. A command's own module is imported only
when that command runs, so the list of commands in ``graphnet --help`` comes from
:data:`graphnet.cli.COMMANDS`, which must match the commands themselves.
"""

from __future__ import annotations

import importlib.metadata
import json
import subprocess
import sys
from pathlib import Path

import click
import pytest

import graphnet
from graphnet.cli import COMMANDS, main

HEAVY = ("pandas", "numpy", "networkx", "igraph", "scipy", "matplotlib", "neo4j", "jinja2",
         "openpyxl", "pyvis", "yaml")

# Runs the command in-process after recording what is imported, then prints the
# top-level packages it imported (as JSON, on stderr so that --help's own output
# stays apart).
PROBE = """
import json, sys
from graphnet.cli import main
try:
    main(sys.argv[1:], prog_name="graphnet")
except SystemExit:
    pass
finally:
    sys.stderr.write(json.dumps(sorted({name.split(".")[0] for name in sys.modules})))
"""


def imported_by(*args: str, cwd: Path | None = None) -> tuple[set[str], str]:
    result = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True,
                            text=True, timeout=120, cwd=cwd)
    return set(json.loads(result.stderr.strip().splitlines()[-1])), result.stdout


@pytest.mark.parametrize("args", [["--version"], ["--help"]])
def test_start_up_imports_no_heavy_library(args: list[str]):
    imported, output = imported_by(*args)
    assert output.strip()  # the command did answer
    assert imported.isdisjoint(HEAVY), sorted(imported & set(HEAVY))


def test_version_through_python_m_imports_no_heavy_library():
    """``python -X importtime -m graphnet.cli --version``: what the installed script does."""
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "graphnet.cli",
                             "--version"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0
    assert graphnet.__version__ in result.stdout
    modules = {line.rsplit("|", 1)[1].strip().split(".")[0]
               for line in result.stderr.splitlines() if line.startswith("import time:")}
    assert "graphnet" in modules and "click" in modules
    assert modules.isdisjoint(HEAVY), sorted(modules & set(HEAVY))


def test_validate_loads_no_graph_or_report_library(sample_dir: Path):
    """Checking a CSV folder needs pandas, not the libraries of graphs, measures and
    rendering (networkx comes only with a GraphML or GEXF file)."""
    imported, output = imported_by("validate", str(sample_dir))
    assert "actors" in output.lower() or "akté" in output.lower()
    assert "pandas" in imported
    unwanted = {"networkx", "igraph", "matplotlib", "neo4j", "jinja2", "openpyxl", "pyvis"}
    assert imported.isdisjoint(unwanted), sorted(imported & unwanted)


def test_import_graphnet_is_cheap_and_its_api_still_works():
    code = ("import sys, graphnet; before = set(sys.modules); "
            "assert callable(graphnet.validate) and callable(graphnet.load); "
            "import graphnet.checks; assert callable(graphnet.validate); "
            "print(sorted({m.split('.')[0] for m in before}))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert set(json.loads(result.stdout.replace("'", '"'))).isdisjoint(HEAVY)


def test_the_table_names_every_command_with_its_own_short_help():
    ctx = click.Context(main)
    for name, (_target, short_help) in COMMANDS.items():
        command = main.get_command(ctx, name)
        assert command is not None, name
        assert command.name == name
        # the first sentence of the docstring, as click would shorten it at full width
        assert command.get_short_help_str(limit=200) == short_help, name
    assert set(main.list_commands(ctx)) == set(COMMANDS)


def test_help_lists_every_command():
    result = subprocess.run([sys.executable, "-m", "graphnet.cli", "--help"],
                            capture_output=True, text=True, timeout=120)
    listed = result.stdout.split("Commands:")[1].split("Example:")[0]
    assert [line.split()[0] for line in listed.strip().splitlines()] == sorted(COMMANDS)


def test_the_version_constant_is_the_installed_one():
    assert graphnet.__version__ == importlib.metadata.version("graphnet")


def test_report_of_the_sample_imports_no_plotting_or_notebook_library(
        sample_dir: Path, tmp_path: Path):
    """The report's pictures are SVG written by hand, the command line imports
    python-igraph without its matplotlib plotting, and the map takes vis-network's
    files from pyvis without importing pyvis (whose package imports IPython)."""
    imported, _ = imported_by("report", str(sample_dir), "-o", str(tmp_path / "out"))
    assert (tmp_path / "out" / "report.html").exists()
    assert (tmp_path / "out" / "map.html").exists()
    assert "igraph" in imported
    unwanted = {"matplotlib", "pyvis", "IPython"}
    assert imported.isdisjoint(unwanted), sorted(imported & unwanted)


def test_matplotlib_imports_as_usual_after_igraph_without_it():
    code = ("import sys; from graphnet.cli import import_igraph; import_igraph(); "
            "import igraph; assert 'matplotlib' not in sys.modules; "
            "from matplotlib.figure import Figure; Figure(); print(igraph.Graph(3).vcount())")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "3"
