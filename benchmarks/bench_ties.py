"""How long the tie model takes on a synthetic network (``graphnet synth --orps 206``).

For each combine rule: ``graphnet.ties.tie_list`` (reports → working ties, the
platform pairs from the attendance lists), then ``respondent_summary``,
``unknown_actors`` and ``tie_graph`` of the working layer. Synthetic networks
have no respondents table, so who answered comes from ``uvedl`` (source
``reported_by``). Times are the best of ``--repeat`` runs in seconds, as
"wall clock/CPU time of this process" (the machine may be shared).

    python benchmarks/bench_ties.py [--repeat 3] [--orps 206] [--seed 1]
"""

from __future__ import annotations

import argparse
import os
import platform
from collections import Counter

from bench_load import timed  # one timing helper for the benchmarks (run from this folder)

import graphnet
from graphnet.synth import synthesize
from graphnet.ties import (
    COMBINE_RULES,
    respondent_summary,
    tie_graph,
    tie_list,
    unknown_actors,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="runs per step (best is shown)")
    parser.add_argument("--orps", type=int, default=206, help="ORPs of the synthetic network")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    print(f"graphnet {graphnet.__version__}, Python {platform.python_version()}, "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}")
    took, network = timed(1, lambda: synthesize(args.orps, args.seed))
    print(f"synth --orps {args.orps} --seed {args.seed}: {len(network.actors):,} actors, "
          f"{len(network.links):,} link rows, {len(network.attendance):,} attendance rows "
          f"({took} s)")
    ties = []
    for rule in COMBINE_RULES:
        took, ties = timed(args.repeat, lambda rule=rule: tie_list(network, rule))
        layers = Counter(t.layer for t in ties)
        statuses = Counter(t.status for t in ties)
        print(f"tie_list combine={rule}: {took} s; working {layers['working']:,}, "
              f"platform {layers['platform']:,}; "
              + ", ".join(f"{s} {n:,}" for s, n in sorted(statuses.items())))
    ties = tie_list(network)
    took, summary = timed(args.repeat, lambda: respondent_summary(network))
    print(f"respondent_summary: {took} s; source {summary.source}, answered "
          f"{summary.answered:,} of {summary.actors:,} ({summary.response_rate:.1%}), "
          f"{len(summary.by_sector)} sectors")
    took, unknown = timed(args.repeat, lambda: unknown_actors(network, ties))
    print(f"unknown_actors: {took} s; {len(unknown):,} unknown")
    took, graph = timed(args.repeat, lambda: tie_graph(ties, "working", network=network))
    print(f"tie_graph working: {took} s; {graph.number_of_nodes():,} nodes, "
          f"{graph.number_of_edges():,} edges")


if __name__ == "__main__":
    main()
