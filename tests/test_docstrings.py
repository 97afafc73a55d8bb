"""Every example in a docstring of the package runs and gives what it shows."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from pathlib import Path

import pytest

import graphnet

REPO = Path(__file__).resolve().parent.parent

MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(graphnet.__path__, prefix="graphnet.")
    if not info.name.startswith("graphnet.cli")
)


@pytest.mark.parametrize("module_name", MODULES)
def test_docstring_examples_hold(module_name, monkeypatch):
    monkeypatch.chdir(REPO)
    module = importlib.import_module(module_name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} docstring example(s) failed in {module_name}"
