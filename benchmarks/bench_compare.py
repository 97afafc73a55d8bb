"""How long comparing two mappings takes, next to one analysis.

Makes a synthetic network of N ORPs (default 206, about 30,000 actors), a second
mapping of it by a seeded perturbation (actors removed and added, some ids changed
with the name kept, links lost, gained and re-weighted), then times, interleaved so
that a change in the machine's load hits both sides of the ratio alike:

- one full analysis of each mapping, exactly what ``graphnet analyse`` runs
  (``graphnet.analyse(network)``, with its default 50 suggested links): the
  "one analysis" of the target is the mean of the two,
- the whole comparison from two networks, the work ``graphnet compare`` does
  before writing: ``compare(old, new)`` with the analyses one after the other
  (the default, ``workers=1``) and side by side in two processes (``workers=2``,
  ``graphnet compare --workers 2``),
- one analysis as the comparison runs it (``top_suggestions=0``: no suggested
  links, which no comparison shows), for reference,
- the comparison itself given both analyses (``compare(..., old_analysis=, new_analysis=)``),
- writing the files (``write_comparison``, HTML + Markdown + JSON + CSV; no map
  above the map's aggregate threshold).

The target (the headline RATIO): the whole ``graphnet compare`` command with the
analyses in turn (the comparison from two networks by default, plus writing the
files) within twice the time of one analysis. The other ratios (analyses in
parallel, without the writing) are shown next to it. Each step is given in wall
seconds and in CPU seconds (user + system, of this process and its children):
wall times depend on what else the machine runs, CPU times much less so; the
table ends with the load average before and after, so a busy run can be told
from a quiet one.

    python benchmarks/bench_compare.py [--orps 206] [--seed 1]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar

import graphnet
from graphnet.compare import compare, write_comparison
from graphnet.model import Actor, Link, Network
from graphnet.synth import synthesize
from graphnet.vocab import LINK_KINDS

T = TypeVar("T")

SEQUENTIAL = "compare(old, new): whole, default (workers=1)"
PARALLEL = "compare(old, new, workers=2): whole"
WRITING = "write_comparison (html, md, json, csv), cs"
WRITING_EN = "write_comparison (html, md, json, csv), en"


def perturb(network: Network, seed: int, *, share: float = 0.05) -> Network:
    """A later mapping of ``network``: about ``share`` of the actors removed and as many
    added, 1 % of the ids changed (same name), 2·share of the links lost and as many
    gained, share of the weights changed. Seeded; the input is not changed."""
    rng = random.Random(seed)
    actors = list(network.actors)
    removed = {a.id for a in rng.sample(actors, int(len(actors) * share))}
    kept = [a for a in actors if a.id not in removed]
    renamed = {a.id: f"{a.id}-R" for a in rng.sample(kept, int(len(kept) * 0.01))}
    kept = [replace(a, id=renamed.get(a.id, a.id)) for a in kept]
    added = [replace(rng.choice(kept), id=f"NEW-{i:05d}", name=f"Nový aktér {i}")
             for i in range(len(removed))]
    new_actors: list[Actor] = kept + added
    ids = [a.id for a in new_actors]

    def moved(link: Link) -> Link:
        return replace(link, source=renamed.get(link.source, link.source),
                       target=renamed.get(link.target, link.target),
                       reported_by=renamed.get(link.reported_by, link.reported_by)
                       if link.reported_by else None)

    links = [moved(link) for link in network.links
             if link.source not in removed and link.target not in removed]
    lost = set(rng.sample(range(len(links)), int(len(links) * 2 * share)))
    links = [link for i, link in enumerate(links) if i not in lost]
    links = [replace(link, weight=link.weight + rng.choice((1.0, 2.0)))
             if rng.random() < share else link for link in links]
    kinds = LINK_KINDS.codes
    by_orp: dict[str | None, list[str]] = {}
    for actor in new_actors:
        by_orp.setdefault(actor.orp, []).append(actor.id)
    for _ in range(len(lost)):
        members = by_orp[rng.choice(new_actors).orp]
        if len(members) > 1:
            a, b = rng.sample(members, 2)
            links.append(Link(a, b, rng.choice(kinds), float(rng.randint(1, 6))))
    for actor in added:  # new actors come with a few partners in their ORP
        for partner in rng.sample(by_orp[actor.orp], min(3, len(by_orp[actor.orp]))):
            if partner != actor.id:
                links.append(Link(actor.id, partner, "cooperation", 1.0))
    attendance = tuple(replace(row, actor=renamed.get(row.actor, row.actor))
                       for row in network.attendance if row.actor not in removed)
    assert len(set(ids)) == len(ids)
    return replace(network, actors=tuple(new_actors), links=tuple(links),
                   attendance=attendance, name=f"{network.name or 'synthetic'} (later)")


def cpu_seconds() -> float:
    """User + system CPU time of this process and of its children that ended."""
    own, children = (resource.getrusage(resource.RUSAGE_SELF),
                     resource.getrusage(resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(label: str, rows: list[tuple[str, float]], work: Callable[[], T],
          cpu: dict[str, float] | None = None) -> T:
    start, start_cpu = time.perf_counter(), cpu_seconds()
    result = work()
    rows.append((label, time.perf_counter() - start))
    if cpu is not None:
        cpu[label] = cpu_seconds() - start_cpu
    print(f"  … {label}: {rows[-1][1]:.2f} s", file=sys.stderr, flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orps", type=int, default=206)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    load_before = os.getloadavg()[0]
    old = synthesize(orps=args.orps, seed=args.seed)
    new = perturb(old, seed=args.seed + 1)
    rows: list[tuple[str, float]] = []
    cpu: dict[str, float] = {}
    old_analysis = timed("analyse(old): full, as graphnet analyse", rows,
                         lambda: graphnet.analyse(old), cpu)
    timed(SEQUENTIAL, rows, lambda: compare(old, new), cpu)
    new_analysis = timed("analyse(new): full, as graphnet analyse", rows,
                         lambda: graphnet.analyse(new), cpu)
    timed(PARALLEL, rows, lambda: compare(old, new, workers=2), cpu)
    timed("analyse(old, top_suggestions=0): as compared", rows,
          lambda: graphnet.analyse(old, top_suggestions=0), cpu)
    comparison = timed("compare given both analyses", rows,
                       lambda: compare(old, new, old_analysis=old_analysis,
                                       new_analysis=new_analysis), cpu)
    with tempfile.TemporaryDirectory() as folder:
        timed(WRITING, rows, lambda: write_comparison(comparison, folder, lang="cs"), cpu)
        timed(WRITING_EN, rows, lambda: write_comparison(comparison, folder, lang="en"), cpu)
    times = dict(rows)
    one_analysis = (times["analyse(old): full, as graphnet analyse"]
                    + times["analyse(new): full, as graphnet analyse"]) / 2
    parallel = times[PARALLEL]
    sequential = times[SEQUENTIAL]
    writing = times[WRITING]
    command = sequential + writing

    print(f"\ngraphnet compare benchmark: {args.orps} ORPs, seed {args.seed}")
    print(f"old: {len(old.actors):,} actors, {len(old.links):,} links; "
          f"new: {len(new.actors):,} actors, {len(new.links):,} links")
    print(f"changes: {len(comparison.actors.added):,} actors added, "
          f"{len(comparison.actors.removed):,} removed, "
          f"{len(comparison.actors.id_suggestions):,} id suggestions; "
          f"{len(comparison.links.gained):,} links gained, {len(comparison.links.lost):,} lost, "
          f"{len(comparison.links.reweighted):,} re-weighted; "
          f"{len(comparison.findings.resolved):,} findings resolved, "
          f"{len(comparison.findings.new):,} new")
    print()
    print(f"{'step':<46}{'wall s':>10}{'CPU s':>10}")
    print("-" * 66)
    for label, seconds in rows:
        print(f"{label:<46}{seconds:>10.2f}{cpu[label]:>10.2f}")
    print("-" * 66)
    default_cpu = cpu[SEQUENTIAL] + cpu[WRITING]
    print(f"CPU of the default command (compare + write cs) = {default_cpu:.2f} s")
    print(f"one analysis (mean of the two full ones)    = {one_analysis:.2f} s")
    print(f"whole, analyses in turn / one analysis      = {sequential / one_analysis:.2f}")
    print(f"whole, analyses in parallel / one analysis  = {parallel / one_analysis:.2f}")
    print(f"whole + writing, in parallel / one analysis = "
          f"{(parallel + writing) / one_analysis:.2f}")
    print(f"RATIO whole command (in turn + writing)     = {command / one_analysis:.2f} "
          f"({command:.2f} s; target: at most 2.00) "
          f"{'met' if command <= 2 * one_analysis else 'MISSED'}")
    print(f"compare given both analyses / one analysis  = "
          f"{times['compare given both analyses'] / one_analysis:.3f}")
    print(f"load average (1 min) before / after: {load_before:.1f} / {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
