"""Communities: Louvain on the weighted collaboration graph, numbered by size.

``nx.community.louvain_communities(G, weight="weight", resolution=1, seed=seed)``;
communities are then numbered by size, largest 0, ties by their smallest actor id
(as text), so the numbers are stable for a given seed. An isolate is a community
of its own.

Why networkx and not igraph's ``community_multilevel`` (25× faster): networkx takes
a seed, so the same data always gives the same communities, and 5.5 s on a
30,000-actor / 206,000-link network fits the 60-s budget (igraph: 0.26 s, but
seeded only through Python's global ``random``).

>>> import networkx as nx
>>> G = nx.Graph([(1, 2), (2, 3), (3, 1), (4, 5)])
>>> communities(G).tolist()
[0, 0, 0, 1, 1]
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

__all__ = ["communities", "number_by_size"]


def number_by_size(groups: list[set] | list[frozenset]) -> dict:
    """Community number of each node: largest group 0, ties by smallest id as text."""
    ordered = sorted(groups, key=lambda g: (-len(g), min(str(v) for v in g)))
    return {v: i for i, group in enumerate(ordered) for v in group}


def communities(graph: nx.Graph, *, seed: int = 42, weight: str | None = "weight") -> pd.Series:
    """Louvain community number of each node (see the module doc), in node order."""
    if graph.number_of_nodes() == 0:
        return pd.Series([], dtype=int, name="community", index=pd.Index([], name="id"))
    found = nx.community.louvain_communities(graph, weight=weight, seed=seed)
    number = number_by_size(list(found))
    return pd.Series([number[v] for v in graph.nodes], index=pd.Index(list(graph.nodes), name="id"),
                     name="community", dtype=int)
