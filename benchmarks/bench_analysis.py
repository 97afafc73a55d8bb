"""Time and peak memory of the full analysis on synthetic networks, beside python-igraph.

    /tmp/venv/bin/python benchmarks/bench_analysis.py            # 1, 15 and 206 ORPs
    /tmp/venv/bin/python benchmarks/bench_analysis.py --orps 1 15
    /tmp/venv/bin/python benchmarks/bench_analysis.py --sampling # error of sampled paths

Each figure comes from a fresh child process (so peak memory is that run's own):
the network is made with ``graphnet.synth.synthesize(orps, seed=1)`` (not timed),
then timed:

- ``analyse``: ``graphnet.analyse(network)`` — every measure, finding, coverage row
  and suggestion, graph building included;
- ``measures``: the graphs plus ``actor_table``, ``network_summary``,
  ``sector_mixing`` and ``sector_ei`` (this package's part of it);
- ``igraph``: python-igraph alone computing the core per-actor measures on the
  same links (graph built from the link list, merged; degree, strength, exact
  betweenness, closeness, eigenvector, PageRank, constraint, core number,
  articulation points, multilevel communities).

Peak memory is the child's peak resident set size (``ru_maxrss``), Python and
libraries included. ``ratio`` = graphnet time / igraph time.

``--sampling`` measures the error of the sampled betweenness and closeness (the
rule stated in ``graphnet.measures.CONVENTIONS``) against the exact values on two
components of the 206-ORP synthetic network: the one nearest 2,000 actors and the
largest. Values are those of the component alone (normalised by its size).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from typing import Any

from graphnet.graphs import collaboration_graph, flow_graph


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def run_child(mode: str, orps: int) -> dict[str, Any]:
    """Run one measurement in this process and return its figures."""
    import igraph  # noqa: F401  (imported before timing, as a long-lived process would)
    import networkx  # noqa: F401

    import graphnet
    from graphnet.synth import synthesize

    network = synthesize(orps=orps, seed=1)
    start = time.perf_counter()
    if mode == "analyse":
        graphnet.analyse(network, seed=42)
    elif mode == "measures":
        from graphnet import measures

        collaboration = collaboration_graph(network)
        flow = flow_graph(network)
        actors = measures.actor_table(network, collaboration=collaboration, flow=flow)
        measures.network_summary(network, actors, collaboration=collaboration, flow=flow)
        measures.sector_mixing(network, collaboration=collaboration)
        measures.sector_ei(network, collaboration=collaboration)
    elif mode == "igraph":
        igraph_core_measures(network)
    else:
        raise SystemExit(f"unknown mode {mode}")
    seconds = time.perf_counter() - start
    return {"mode": mode, "orps": orps, "actors": len(network.actors),
            "links": len(network.all_links()), "seconds": seconds, "peak_mb": _peak_mb()}


def igraph_core_measures(network: Any) -> dict[str, list]:
    """The core per-actor measures with python-igraph alone, from the link list."""
    import igraph as ig

    position = {actor.id: i for i, actor in enumerate(network.actors)}
    edges, weights = [], []
    for link in network.all_links():
        if link.source != link.target:
            edges.append((position[link.source], position[link.target]))
            weights.append(float(link.weight))
    g = ig.Graph(n=len(position), edges=edges, directed=False)
    g.es["weight"] = weights
    g.simplify(combine_edges={"weight": "sum"})
    return {
        "degree": g.degree(),
        "strength": g.strength(weights="weight"),
        "betweenness": g.betweenness(directed=False),
        "closeness": g.closeness(),
        "eigenvector": g.eigenvector_centrality(scale=False),
        "pagerank": g.pagerank(weights="weight", damping=0.85),
        "constraint": g.constraint(),
        "core": g.coreness(),
        "cut": g.articulation_points(),
        "community": g.community_multilevel(weights="weight").membership,
    }


def child(mode: str, orps: int) -> dict[str, Any]:
    out = subprocess.run([sys.executable, __file__, "--child", mode, str(orps)],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def bench(orps_list: list[int]) -> None:
    header = (f"{'ORPs':>5} {'actors':>7} {'links':>8} | {'analyse s':>9} {'MB':>6} | "
              f"{'measures s':>10} {'MB':>6} | {'igraph s':>8} {'MB':>6} | "
              f"{'analyse/ig':>10} {'measures/ig':>11}")
    print(header)
    print("-" * len(header))
    for orps in orps_list:
        full = child("analyse", orps)
        ours = child("measures", orps)
        ref = child("igraph", orps)
        print(f"{orps:>5} {full['actors']:>7} {full['links']:>8} | {full['seconds']:>9.2f} "
              f"{full['peak_mb']:>6.0f} | {ours['seconds']:>10.2f} {ours['peak_mb']:>6.0f} | "
              f"{ref['seconds']:>8.2f} {ref['peak_mb']:>6.0f} | "
              f"{full['seconds'] / ref['seconds']:>10.1f} "
              f"{ours['seconds'] / ref['seconds']:>11.1f}",
              flush=True)


def sampling() -> None:
    """Error of sampled betweenness/closeness against exact, largest components."""
    import networkx as nx
    import numpy as np
    from scipy.stats import spearmanr

    from graphnet.measures import centrality
    from graphnet.measures._index import index_graph
    from graphnet.measures.conventions import SAMPLED_SOURCES
    from graphnet.synth import synthesize

    network = synthesize(orps=206, seed=1)
    collab = collaboration_graph(network)
    parts = sorted(nx.connected_components(collab), key=len)
    near_2000 = min(parts, key=lambda c: abs(len(c) - 2000))
    print("components of the 206-ORP synthetic network (seed 1): the one nearest 2,000 actors "
          "and the largest")
    print(f"{'actors':>7} {'links':>7} {'sources':>7} | {'measure':>11} "
          f"{'max abs':>8} {'mean abs':>9} {'spearman':>8} {'top-10 max rel':>14}")
    for part in (near_2000, parts[-1]):
        component = collab.subgraph(part).copy()
        ix = index_graph(component)
        for name, measure in (("betweenness", centrality.betweenness),
                              ("closeness", centrality.closeness)):
            exact = measure(ix, limit=10**9).to_numpy()
            est = measure(ix, limit=1, sample=SAMPLED_SOURCES, seed=42).to_numpy()
            top = np.argsort(-exact)[:10]
            print(f"{ix.n:>7} {component.number_of_edges():>7} {SAMPLED_SOURCES:>7} | "
                  f"{name:>11} {np.abs(est - exact).max():>8.4f} "
                  f"{np.abs(est - exact).mean():>9.5f} "
                  f"{spearmanr(est, exact)[0]:>8.4f} "
                  f"{(np.abs(est - exact)[top] / exact[top]).max():>14.3f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--orps", type=int, nargs="+", default=[1, 15, 206])
    parser.add_argument("--sampling", action="store_true")
    parser.add_argument("--child", nargs=2, metavar=("MODE", "ORPS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_child(args.child[0], int(args.child[1]))))
    elif args.sampling:
        sampling()
    else:
        bench(args.orps)


if __name__ == "__main__":
    main()
