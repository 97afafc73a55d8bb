"""The import layers of docs/architecture.md hold, and the check would notice if not.

The contract is ``[tool.importlinter]`` in pyproject.toml, run by ``lint-imports``
(``make lint``). These tests run the real tool: on the checkout (it passes), and
on a copy of the package with one import pointing upwards or one module left out
of the contract (it fails and names the modules).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import graphnet

REPO = Path(__file__).resolve().parent.parent
PACKAGE = Path(graphnet.__file__).resolve().parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint_imports(where: Path) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` on the package found in ``where``, with ``where/pyproject.toml``."""
    env = {**os.environ, "PYTHONPATH": str(where)}
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(where / "pyproject.toml")],
        cwd=where, env=env, capture_output=True, text=True, timeout=300,
    )


@pytest.fixture()
def copy(tmp_path: Path) -> Path:
    """The package's Python files and the project's pyproject.toml, copied to tmp_path."""
    def not_python(folder: str, names: list[str]) -> list[str]:
        return [name for name in names
                if name == "__pycache__"
                or (not name.endswith(".py") and not (Path(folder) / name).is_dir())]

    shutil.copytree(PACKAGE, tmp_path / "graphnet", ignore=not_python)
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def add_line(module: Path, line: str) -> None:
    module.write_text(module.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")


def test_the_checkout_keeps_its_layers():
    result = lint_imports(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_a_copy_unchanged_keeps_them_too(copy: Path):
    # the two tests below fail for the line they add, not for the copying
    result = lint_imports(copy)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_low_module_importing_a_higher_one_breaks_the_contract(copy: Path):
    add_line(copy / "graphnet" / "model.py", "from graphnet.report import make_report  # upwards")
    result = lint_imports(copy)
    assert result.returncode != 0
    assert "0 kept, 1 broken" in result.stdout
    assert "graphnet.model is not allowed to import graphnet.report" in result.stdout


def test_two_independent_siblings_may_not_import_each_other(copy: Path):
    add_line(copy / "graphnet" / "graphs.py", "import graphnet.io.csvfile  # sideways")
    result = lint_imports(copy)
    assert result.returncode != 0
    assert "graphnet.graphs is not allowed to import graphnet.io" in result.stdout


def test_a_module_without_a_place_in_the_contract_breaks_it(copy: Path):
    (copy / "graphnet" / "newcomer.py").write_text('"""Not in the layers yet."""\n')
    result = lint_imports(copy)
    assert result.returncode != 0
    assert "graphnet.newcomer" in result.stdout
