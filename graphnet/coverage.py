"""Needs coverage: which actors cover each need at each support level, held
against the optimal model.

Conventions (also in :data:`CONVENTIONS`, written into every analysis):

- An actor *provides* need × level when it lists both the need and the level.
  An actor that lists needs but no level is credited at no level; it is counted
  in ``unlevelled_providers`` so the gap it may hide is visible.
- A need × level is a *gap* when nobody provides it.
- ``missing_sectors``: sectors the model expects at that need × level of which
  no actor provides it.
- ``far_from_child_protection``: providers with no path of at most ``reach``
  steps (the model's, default 2) to any actor of the child-protection sector on
  the undirected collaboration graph; a child-protection actor is at 0 steps.

>>> from graphnet.model import Actor, Link, Network
>>> from graphnet.optimal_model import default_model
>>> net = Network(actors=(
...     Actor("o", "OSPOD", "child_protection"),
...     Actor("s", "SAS", "social_services", needs=("safety",), levels=("targeted",)),
...     Actor("d", "MUDr. A", "health", needs=("health",), levels=("universal",))),
...     links=(Link("o", "s", "cooperation"),))
>>> table = needs_coverage(net, default_model())
>>> row = table[(table.need == "health") & (table.level == "universal")].iloc[0]
>>> row.providers, row.far_from_child_protection
(('d',), ('d',))
>>> bool(table[(table.need == "learning") & (table.level == "universal")].iloc[0].gap)
True
"""

from __future__ import annotations

from collections import deque

import networkx as nx
import pandas as pd

from graphnet.graphs import collaboration_graph
from graphnet.model import Network
from graphnet.optimal_model import OptimalModel
from graphnet.vocab import LEVELS, NEEDS

__all__ = ["CONVENTIONS", "COLUMNS", "needs_coverage", "steps_to_sector"]

COLUMNS = ["need", "level", "providers", "n_providers", "expected_sectors",
           "covering_sectors", "missing_sectors", "gap", "unlevelled_providers",
           "far_from_child_protection"]

CONVENTIONS = {
    "coverage": (
        "An actor provides need x level when it lists both the need and the level; one "
        "listing needs but no level is credited at no level (counted in "
        "unlevelled_providers). A gap is a need x level with no provider. missing_sectors: "
        "sectors the optimal model expects there that provide nothing."
    ),
    "far_from_child_protection": (
        "Providers with no path of at most `reach` steps (the optimal model's, default 2) to "
        "any child-protection actor on the undirected collaboration graph."
    ),
}


def steps_to_sector(collaboration: nx.Graph, sources: list[str], cutoff: int) -> dict[str, int]:
    """Fewest steps from any of ``sources`` to each actor, up to ``cutoff`` (breadth
    first from all sources at once; actors farther away are left out).

    >>> steps_to_sector(nx.path_graph(["a", "b", "c", "d"]), ["a"], 2)
    {'a': 0, 'b': 1, 'c': 2}
    """
    steps = {source: 0 for source in sources if source in collaboration}
    queue = deque(steps)
    while queue:
        node = queue.popleft()
        if steps[node] >= cutoff:
            continue
        for neighbour in collaboration[node]:
            if neighbour not in steps:
                steps[neighbour] = steps[node] + 1
                queue.append(neighbour)
    return steps


def needs_coverage(network: Network, model: OptimalModel,
                   collaboration: nx.Graph | None = None) -> pd.DataFrame:
    """One row per need × support level (vocabulary order); see the module doc."""
    graph = collaboration if collaboration is not None else collaboration_graph(network)
    child_protection = sorted(a.id for a in network.actors
                              if a.sector == model.child_protection_sector)
    near = steps_to_sector(graph, child_protection, model.reach)

    rows = []
    for need in NEEDS.codes:
        unlevelled = tuple(sorted(a.id for a in network.actors
                                  if need in a.needs and not a.levels))
        for level in LEVELS.codes:
            providers = sorted((a for a in network.actors
                                if need in a.needs and level in a.levels), key=lambda a: a.id)
            expected = model.expected_sectors(need, level)
            covering = tuple(sorted({a.sector for a in providers}))
            rows.append({
                "need": need,
                "level": level,
                "providers": tuple(a.id for a in providers),
                "n_providers": len(providers),
                "expected_sectors": expected,
                "covering_sectors": covering,
                "missing_sectors": tuple(s for s in expected if s not in covering),
                "gap": not providers,
                "unlevelled_providers": unlevelled,
                "far_from_child_protection": tuple(a.id for a in providers if a.id not in near),
            })
    return pd.DataFrame(rows, columns=COLUMNS)
