"""How long it takes to make, write and load synthetic networks of 1, 15 and 206 ORPs.

For each size: ``graphnet.synth.synthesize`` (seed 1), ``graphnet.save`` to a
folder of CSV files as a networker's Excel writes them (``;``, UTF-8 with BOM,
decimal commas, d.m.yyyy), ``graphnet.load`` of that folder (reading, checking
every cell, building the Network), and building the collaboration graph of the
loaded network. Times are the best of ``--repeat`` runs in seconds, as
"wall clock/CPU time of this process".
The aim (issue 2): loading the 206-ORP network (≈ 30,000 actors) under 10 s.

    python benchmarks/bench_load.py [--repeat 3] [--orps 1,15,206]
"""

from __future__ import annotations

import argparse
import os
import platform
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

import graphnet
from graphnet.synth import synthesize

T = TypeVar("T")


def timed(repeat: int, work: Callable[[], T]) -> tuple[str, T]:
    """Best wall-clock and CPU time of ``repeat`` runs ("wall/cpu") and the last result.

    CPU time (this process only) is shown too because the machine may be shared:
    wall clock then includes waiting for a core.
    """
    wall = cpu = float("inf")
    result: T
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = work()
        wall = min(wall, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    return f"{wall:.2f}/{cpu:.2f}", result


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.iterdir() if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="runs per step (best is shown)")
    parser.add_argument("--orps", default="1,15,206", help="comma-separated ORP counts")
    args = parser.parse_args()
    sizes = [int(n) for n in args.orps.split(",")]

    print(f"graphnet {graphnet.__version__}, Python {platform.python_version()}, "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}, "
          f"best of {args.repeat} run(s); seconds, wall/cpu")
    header = (f"{'ORPs':>5} {'actors':>7} {'links':>8} {'CSV MB':>7} {'synth':>11} "
              f"{'save CSV':>11} {'load CSV':>11} {'collab graph':>13}")
    print(header)
    print("-" * len(header))
    with tempfile.TemporaryDirectory() as scratch:
        for orps in sizes:
            folder = Path(scratch) / f"synth-{orps}"
            t_synth, network = timed(args.repeat, partial(synthesize, orps, seed=1))
            t_save, _ = timed(args.repeat, partial(graphnet.save, network, folder))
            t_load, loaded = timed(args.repeat, partial(graphnet.load, folder))
            t_graph, graph = timed(args.repeat, loaded.collaboration_graph)
            assert len(loaded.actors) == len(network.actors) == graph.number_of_nodes()
            print(f"{orps:>5} {len(network.actors):>7} {len(network.links):>8} "
                  f"{folder_size(folder) / 1e6:>7.1f} {t_synth:>11} {t_save:>11} "
                  f"{t_load:>11} {t_graph:>13}")


if __name__ == "__main__":
    main()
