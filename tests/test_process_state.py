"""graphnet is a library too: called from someone else's program it leaves that
process as it found it (garbage collector, umask, random generators, plotting
backend), and the files it writes still get the modes a plain open() gives."""

from __future__ import annotations

import gc
import os
import random
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import matplotlib
import numpy as np
import pytest

import graphnet
from graphnet.graphs import collaboration_graph
from graphnet.map import write_map
from graphnet.measures.communities import communities
from graphnet.report import make_report

UMASK = 0o027  # a group-readable, world-private umask, unlike the usual 022


@pytest.fixture
def own_umask() -> Iterator[int]:
    """Run the test under UMASK (set here by the test itself, restored afterwards)."""
    previous = os.umask(UMASK)
    try:
        yield UMASK
    finally:
        os.umask(previous)


def _recorded(monkeypatch: pytest.MonkeyPatch, module: Any, name: str,
              calls: list[str]) -> None:
    """Let ``module.name`` work as before, but note every call of it."""
    original: Callable[..., Any] = getattr(module, name)

    def recording(*args: Any, **kwargs: Any) -> Any:
        calls.append(f"{module.__name__}.{name}{args}")
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, recording)


def _backend_as_set() -> Any:
    # rcParams["backend"] would resolve (and import) a backend; the raw value only
    # says which one was chosen, which is what graphnet must not change.
    return dict.__getitem__(matplotlib.rcParams, "backend")


def test_load_analyse_report_map_and_save_leave_the_process_as_it_was(
        sample_dir: Path, tmp_path: Path, own_umask: int,
        monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    for module, name in [(gc, "disable"), (gc, "freeze"), (gc, "set_threshold"),
                         (os, "umask"), (random, "seed"), (random, "setstate"),
                         (np.random, "seed"), (matplotlib, "use")]:
        _recorded(monkeypatch, module, name, calls)
    python_random = random.getstate()
    numpy_random = np.random.get_state()
    thresholds = gc.get_threshold()
    backend = _backend_as_set()

    network = graphnet.load(sample_dir)
    analysis = graphnet.analyse(network)
    html = make_report(network, tmp_path / "report", lang="en")
    map_file = write_map(network, tmp_path / "map.html", analysis)
    saved = graphnet.save(network, tmp_path / "network.graphml")
    # Louvain above the networkx limit runs in igraph, with a generator of its own.
    grouped = communities(collaboration_graph(network), limit=1)

    assert calls == []
    assert gc.isenabled()
    assert gc.get_threshold() == thresholds
    assert random.getstate() == python_random
    restored = np.random.get_state()
    assert restored[0] == numpy_random[0]
    assert np.array_equal(restored[1], numpy_random[1])
    assert restored[2:] == numpy_random[2:]
    assert _backend_as_set() == backend
    assert len(grouped) == len(network.actors)
    monkeypatch.undo()
    assert os.umask(own_umask) == own_umask

    plain = 0o666 & ~own_umask
    written = [*html.parent.iterdir(), map_file, saved]
    assert len(written) > 5
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in written}
    assert modes == dict.fromkeys(modes, plain)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_igraph_louvain_gives_the_same_communities_whatever_python_random_did(
        sample_network: Any) -> None:
    graph = collaboration_graph(sample_network)
    first = communities(graph, limit=1, seed=7)
    random.seed(12345)
    for _ in range(1000):
        random.random()
    again = communities(graph, limit=1, seed=7)
    assert first.tolist() == again.tolist()


def test_importing_graphnet_chooses_no_plotting_backend_and_keeps_the_collector() -> None:
    # In a fresh interpreter: module-level code runs only once, at the first import.
    script = (
        "import gc, matplotlib\n"
        "before = dict.__getitem__(matplotlib.rcParams, 'backend')\n"
        "import graphnet, graphnet.report, graphnet.map, graphnet.compare.charts\n"
        "after = dict.__getitem__(matplotlib.rcParams, 'backend')\n"
        "print(before is after, gc.isenabled())\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True)
    assert done.stdout.split() == ["True", "True"]
