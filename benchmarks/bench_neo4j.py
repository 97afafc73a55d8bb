"""How long pushing the synthetic 206-ORP network into a Bolt server takes.

Starts ArcadeDB's embedded server (the test server, in a child process) unless
NEO4J_URI is set, makes ``graphnet.synth.synthesize(206)``, pushes it with a
progress bar on stderr, pushes it again (the idempotent re-push) and prints a table.

    python benchmarks/bench_neo4j.py [--orps 206] [--batch-size 1000] [--seed 0]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import click

from graphnet.neo4j import ConnectionSettings, push, settings_from_env
from graphnet.synth import synthesize

SERVER = Path(__file__).resolve().parent.parent / "tests" / "neo4j" / "arcadedb_server.py"


def start_arcadedb(root: str) -> tuple[subprocess.Popen[str], ConnectionSettings]:
    password = uuid.uuid4().hex
    process = subprocess.Popen([sys.executable, str(SERVER), root, "bench", "3g"],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL, text=True)
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(password + "\n")
    process.stdin.flush()
    for line in process.stdout:
        if line.startswith("{"):
            port = json.loads(line)["bolt_port"]
            return process, ConnectionSettings(f"bolt://127.0.0.1:{port}", "root", password,
                                               "bench")
    raise RuntimeError("ArcadeDB did not start")


def timed_push(network, settings, dataset: str, batch_size: int, label: str) -> float:
    with click.progressbar(length=1, label=label, file=sys.stderr) as bar:
        shown = 0

        tenth = 0

        def progress(done: int, total: int) -> None:
            nonlocal shown, tenth
            bar.length = max(total, 1)
            bar.update(done - shown)
            shown = done
            if not sys.stderr.isatty() and done * 20 >= (tenth + 1) * total:
                tenth = done * 20 // max(total, 1)  # a log line every 5 % when not a terminal
                print(f"{label}: {done}/{total} rows, {time.perf_counter() - start:.0f} s",
                      file=sys.stderr, flush=True)

        start = time.perf_counter()
        push(network, settings, dataset=dataset, batch_size=batch_size, progress=progress)
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--orps", type=int, default=206)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--batch-size", type=int, default=1000)
    args = parser.parse_args()

    start = time.perf_counter()
    network = synthesize(args.orps, seed=args.seed)
    made = time.perf_counter() - start
    rows = (len(network.actors) + len(network.all_links()) + len(network.attendance)
            + len({a.meeting for a in network.attendance}))

    process = None
    root = tempfile.mkdtemp(prefix="graphnet-bench-")
    try:
        if os.environ.get("NEO4J_URI"):
            settings, server = settings_from_env(), os.environ["NEO4J_URI"]
        else:
            process, settings = start_arcadedb(root)
            server = "ArcadeDB embedded (Bolt), 3 GB heap"
        dataset = f"bench-{uuid.uuid4().hex[:6]}"
        first = timed_push(network, settings, dataset, args.batch_size, "push")
        again = timed_push(network, settings, dataset, args.batch_size, "push again")
    finally:
        if process is not None and process.stdin is not None:
            process.stdin.close()
            process.wait(timeout=120)
        shutil.rmtree(root, ignore_errors=True)

    print(f"server: {server}; batch size {args.batch_size}; synthesize: {made:.1f} s")
    print(f"{'network':<24}{'actors':>9}{'links':>10}{'rows':>10}{'push s':>9}{'rows/s':>9}"
          f"{'re-push s':>11}")
    print(f"{f'synth --orps {args.orps}':<24}{len(network.actors):>9}"
          f"{len(network.all_links()):>10}{rows:>10}{first:>9.1f}{rows / first:>9.0f}"
          f"{again:>11.1f}")


if __name__ == "__main__":
    main()
