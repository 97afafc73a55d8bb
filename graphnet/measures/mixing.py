"""How sectors mix: the sector mixing matrix, Krackhardt–Stern E-I, sector modularity.

All on the undirected collaboration graph, one link per linked pair of actors
(weights and kinds ignored):

- :func:`sector_mixing`: for every unordered pair of sectors present (and each
  sector with itself), the linked actor pairs, the possible pairs (n_a·n_b, or
  n_a(n_a − 1)/2 within a sector) and their ratio, the density (NaN when no pair
  is possible, e.g. a sector with one actor against itself).
- :func:`ei_index`: (E − I)/(E + I) over the graph's links, E = links between
  actors of different sectors, I = links within a sector; −1 all links inside
  sectors (siloed), +1 all links across. NaN without links.
- :func:`sector_ei`: the same per sector: I = links among its actors (each once),
  E = links from its actors to other sectors.
- :func:`sector_modularity`: Newman modularity of the partition by sector,
  unweighted (``nx.community.modularity(G, sectors, weight=None)``); high = links
  stay inside sectors.

>>> import networkx as nx
>>> G = nx.Graph([("a", "b"), ("b", "c")])
>>> sectors = {"a": "x", "b": "x", "c": "y"}
>>> ei_index(G, sectors)
0.0
>>> sector_ei(G, sectors)[["sector", "internal", "external", "ei"]].values.tolist()
[['x', 1, 1, 0.0], ['y', 0, 1, 1.0]]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from graphnet.graphs import collaboration_graph
from graphnet.model import Network

__all__ = ["sector_mixing", "sector_ei", "ei_index", "sector_modularity", "actor_sectors"]


def actor_sectors(network: Network) -> dict[str, str]:
    """Sector code of each actor id."""
    return {actor.id: actor.sector for actor in network.actors}


def _order(present: set[str], vocabulary: Sequence[str] = ()) -> list[str]:
    known = [code for code in vocabulary if code in present]
    return known + sorted(present - set(known))


def _pair_counts(graph: nx.Graph, sectors: Mapping[Any, str]) -> dict[tuple[str, str], int]:
    counts: dict[tuple[str, str], int] = {}
    for u, v in graph.edges():
        if u == v:
            continue
        a, b = sorted((sectors[u], sectors[v]))
        counts[(a, b)] = counts.get((a, b), 0) + 1
    return counts


def _mixing(graph: nx.Graph, sectors: Mapping[Any, str], vocabulary: Sequence[str]) -> pd.DataFrame:
    sizes = pd.Series([sectors[v] for v in graph.nodes], dtype=object).value_counts()
    order = _order(set(sizes.index), vocabulary)
    rank = {code: i for i, code in enumerate(order)}
    counts = {tuple(sorted(pair, key=rank.__getitem__)): c
              for pair, c in _pair_counts(graph, sectors).items()}
    rows = []
    for i, a in enumerate(order):
        for b in order[i:]:
            na, nb = int(sizes[a]), int(sizes[b])
            possible = na * (na - 1) // 2 if a == b else na * nb
            linked = counts.get((a, b), 0)
            rows.append((a, b, linked, possible, linked / possible if possible else np.nan))
    return pd.DataFrame(rows, columns=["sector_a", "sector_b", "linked_pairs", "possible_pairs",
                                       "density"])


def sector_mixing(network: Network, collaboration: nx.Graph | None = None) -> pd.DataFrame:
    """The sector mixing matrix as one row per unordered sector pair (see module doc).

    Sectors come in the vocabulary's order; ``collaboration`` defaults to
    ``collaboration_graph(network)`` (pass it when already built).
    """
    graph = collaboration if collaboration is not None else collaboration_graph(network)
    return _mixing(graph, actor_sectors(network), network.sectors.codes)


def ei_index(graph: nx.Graph, sectors: Mapping[Any, str]) -> float:
    """Krackhardt–Stern E-I index of the whole graph by sector; NaN without links."""
    external = internal = 0
    for u, v in graph.edges():
        if u == v:
            continue
        if sectors[u] == sectors[v]:
            internal += 1
        else:
            external += 1
    total = external + internal
    return (external - internal) / total if total else float("nan")


def sector_ei(graph_or_network: nx.Graph | Network, sectors: Mapping[Any, str] | None = None,
              *, collaboration: nx.Graph | None = None) -> pd.DataFrame:
    """E-I index of each sector: columns sector, internal, external, ei.

    Call as ``sector_ei(network)`` (optionally ``collaboration=`` the built graph)
    or ``sector_ei(graph, sectors)``.
    """
    vocabulary: Sequence[str] = ()
    if isinstance(graph_or_network, Network):
        network = graph_or_network
        graph = collaboration if collaboration is not None else collaboration_graph(network)
        sectors = actor_sectors(network)
        vocabulary = network.sectors.codes
    else:
        graph = graph_or_network
        if sectors is None:
            raise TypeError("sector_ei(graph, sectors): the sector of each node is needed")
    present = {sectors[v] for v in graph.nodes}
    internal = dict.fromkeys(present, 0)
    external = dict.fromkeys(present, 0)
    for u, v in graph.edges():
        if u == v:
            continue
        su, sv = sectors[u], sectors[v]
        if su == sv:
            internal[su] += 1
        else:
            external[su] += 1
            external[sv] += 1
    rows = []
    for code in _order(present, vocabulary):
        i, e = internal[code], external[code]
        rows.append((code, i, e, (e - i) / (e + i) if e + i else np.nan))
    return pd.DataFrame(rows, columns=["sector", "internal", "external", "ei"])


def sector_modularity(graph: nx.Graph, sectors: Mapping[Any, str]) -> float:
    """Unweighted Newman modularity of the partition of ``graph`` by sector; NaN without links."""
    m = 0
    inside: dict[str, int] = {}
    degree_sum: dict[str, int] = {}
    for u, v in graph.edges():
        if u == v:
            continue
        m += 1
        su, sv = sectors[u], sectors[v]
        degree_sum[su] = degree_sum.get(su, 0) + 1
        degree_sum[sv] = degree_sum.get(sv, 0) + 1
        if su == sv:
            inside[su] = inside.get(su, 0) + 1
    if m == 0:
        return float("nan")
    return sum(inside.get(s, 0) / m - (d / (2 * m)) ** 2 for s, d in degree_sum.items())
