"""What a user waits for: the commands end to end, each in a fresh process.

Prints the median wall time and the median CPU time (user + sys of the child
process) of ``--repeat`` runs of

- ``graphnet --version``, ``graphnet --help``, ``graphnet validate`` and
  ``graphnet report`` of the sample ORP;
- ``graphnet report`` of ``graphnet synth --orps 15 --seed 1`` next to a script
  that uses python-igraph alone on the same CSV files (read them with the csv
  module; degree, betweenness, closeness, PageRank, eigenvector, Burt's
  constraint, coreness, articulation points, Louvain), run in turns in the same
  session, and the ratio of the two (wall and CPU);
- ``graphnet report`` of ``graphnet synth --orps 206 --seed 1`` (once by default).

Targets (issue 10): --version and --help < 0.3 s, validate < 1 s, sample report
< 1.5 s wall, 15 ORPs <= 2x igraph alone, 206 ORPs < 15 s wall. No test asserts
a time: wall times depend on what else the machine does, so the table starts with
the load average and the CPU time of a fixed pure-Python loop (about 0.5 s on an
idle modern core) to scale the figures by.

    python benchmarks/bench_cli.py                 # everything, 5 runs each (206: 1)
    python benchmarks/bench_cli.py --repeat 3 --no-national
    python benchmarks/bench_cli.py --compile       # byte-compile graphnet first

The table also says whether graphnet's own modules are byte-compiled. ``pip
install`` compiles them (and an editable install's first run writes them), but
where ``PYTHONDONTWRITEBYTECODE`` is set an editable install compiles every module
of graphnet from source on every run (about 0.3 s of a report). ``--compile`` first
byte-compiles graphnet as ``pip install`` would (``compileall``; the ``__pycache__``
folders are git-ignored), so that the figures are what an installed graphnet takes.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "datasets" / "orp-horni-lhota-2025"

#: python-igraph alone on a folder of graphnet CSVs (akteri.csv, vazby.csv,
#: setkani.csv): what an analyst would write without graphnet.
IGRAPH_ALONE = r'''
import csv, itertools, sys
from collections import defaultdict
import igraph as ig

folder = sys.argv[1]
def rows(name):
    with open(f"{folder}/{name}", encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))

ids = [r["id"] for r in rows("akteri.csv")]
index = {a: i for i, a in enumerate(ids)}
weight = defaultdict(float)
for r in rows("vazby.csv"):
    u, v = index[r["od"]], index[r["komu"]]
    if u != v:
        weight[min(u, v), max(u, v)] += float((r["váha"] or "1").replace(",", "."))
meetings = defaultdict(set)
for r in rows("setkani.csv"):
    meetings[r["setkání"]].add(index[r["aktér"]])
for present in meetings.values():
    for u, v in itertools.combinations(sorted(present), 2):
        weight[u, v] += 1.0
g = ig.Graph(n=len(ids), edges=list(weight))
w = list(weight.values())
results = [
    g.degree(), g.betweenness(directed=False), g.closeness(), g.pagerank(weights=w),
    g.eigenvector_centrality(), g.constraint(weights=w), g.coreness(),
    g.articulation_points(), g.community_multilevel(weights=w).membership,
]
print(len(ids), g.ecount(), sum(len(r) for r in results))
'''


def _graphnet() -> list[str]:
    beside = Path(sys.executable).with_name("graphnet")
    found = str(beside) if beside.exists() else shutil.which("graphnet")
    if not found:
        sys.exit("graphnet is not installed here (pip install -e .)")
    return [found]


def _run(command: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + sys of the child) of one run; fails loudly."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def _package_dir() -> Path:
    spec = importlib.util.find_spec("graphnet")
    if spec is None or spec.origin is None:
        sys.exit("graphnet is not installed here (pip install -e .)")
    return Path(spec.origin).parent


def _bytecode_state(package: Path) -> str:
    """Whether graphnet's modules have up-to-date bytecode beside them."""
    sources = sorted(package.rglob("*.py"))
    compiled = 0
    for source in sources:
        cached = Path(importlib.util.cache_from_source(str(source)))
        if cached.exists() and cached.stat().st_mtime >= source.stat().st_mtime:
            compiled += 1
    if compiled == len(sources):
        return "graphnet's modules byte-compiled"
    written = "not written" if sys.flags.dont_write_bytecode else "written on first run"
    return (f"graphnet's modules byte-compiled: {compiled} of {len(sources)} "
            f"(bytecode {written}; --compile compiles them as pip install does)")


def _median(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return (statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs))


def _calibration() -> float:
    """CPU seconds of a fixed pure-Python loop (scales the other figures)."""
    started = time.process_time()
    total = 0
    for i in range(10_000_000):
        total += i
    return time.process_time() - started


def _row(label: str, figures: tuple[float, float], target: str = "") -> None:
    print(f"{label:<44} {figures[0]:>8.2f} {figures[1]:>8.2f}   {target}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of each command")
    parser.add_argument("--national-repeat", type=int, default=1,
                        help="runs of the 206-ORP report")
    parser.add_argument("--no-national", action="store_true", help="skip the 206-ORP report")
    parser.add_argument("--compile", action="store_true",
                        help="byte-compile graphnet first, as pip install does")
    args = parser.parse_args(argv)
    graphnet = _graphnet()
    package = _package_dir()
    if args.compile:
        compileall.compile_dir(str(package), quiet=1)
    repeat = max(1, args.repeat)

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"load average {load:.2f} on {os.cpu_count()} cores; "
          f"calibration loop {_calibration():.2f} s CPU (about 0.5 s on an idle modern core)")
    print(_bytecode_state(package))
    print(f"{'command (median of runs)':<44} {'wall s':>8} {'CPU s':>8}   target")

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        out = work / "out"
        single = {
            "graphnet --version": ([*graphnet, "--version"], "< 0.3 s wall"),
            "graphnet --help": ([*graphnet, "--help"], "< 0.3 s wall"),
            "graphnet validate <sample>": ([*graphnet, "validate", str(SAMPLE)], "< 1 s wall"),
            "graphnet report <sample>": ([*graphnet, "report", str(SAMPLE), "-o", str(out)],
                                         "< 1.5 s wall"),
        }
        for label, (command, target) in single.items():
            _row(label, _median([_run(command) for _ in range(repeat)]), target)

        regional = work / "synth-15"
        _run([*graphnet, "synth", "--orps", "15", "--seed", "1", "-o", str(regional)])
        script = work / "igraph_alone.py"
        script.write_text(IGRAPH_ALONE, encoding="utf-8")
        ours: list[tuple[float, float]] = []
        alone: list[tuple[float, float]] = []
        for _ in range(repeat):  # in turns, so both see the same machine
            ours.append(_run([*graphnet, "report", str(regional), "-o", str(out)]))
            alone.append(_run([sys.executable, str(script), str(regional)]))
        ours_m, alone_m = _median(ours), _median(alone)
        _row("graphnet report <synth 15 ORPs>", ours_m)
        _row("python-igraph alone <synth 15 ORPs>", alone_m)
        print(f"{'ratio report / igraph alone':<44} {ours_m[0] / alone_m[0]:>8.2f} "
              f"{ours_m[1] / alone_m[1]:>8.2f}   <= 2")

        if not args.no_national:
            national = work / "synth-206"
            _run([*graphnet, "synth", "--orps", "206", "--seed", "1", "-o", str(national)])
            runs = [_run([*graphnet, "report", str(national), "-o", str(out)])
                    for _ in range(max(1, args.national_repeat))]
            _row("graphnet report <synth 206 ORPs>", _median(runs), "< 15 s wall")


if __name__ == "__main__":
    main()
