"""One numbering of a graph's nodes shared by the vectorised measures.

networkx graphs are converted once into a scipy CSR adjacency matrix (and, when a
measure needs it, a python-igraph graph) over the nodes in the graph's own order.
Every measure in this package returns its values in that order, so the results
line up without dictionary look-ups.
"""

from __future__ import annotations

import operator
from dataclasses import dataclass, field
from typing import Any

import igraph as ig
import networkx as nx
import numpy as np
import scipy.sparse as sp

__all__ = ["Indexed", "index_graph"]


@dataclass
class Indexed:
    """A graph as arrays: ``nodes[i]`` is node i; ``adjacency`` is 0/1 CSR (symmetric
    for an undirected graph, row = source for a directed one); ``weights`` the same
    pattern holding the ``weight`` attribute (1 when missing)."""

    nodes: list[Any]
    adjacency: sp.csr_array
    weights: sp.csr_array
    directed: bool
    _igraph: Any = field(default=None, repr=False)

    @property
    def n(self) -> int:
        return len(self.nodes)

    @property
    def degree(self) -> np.ndarray:
        return np.asarray(self.adjacency.sum(axis=1)).ravel()

    def igraph(self) -> Any:
        """The same graph as an unweighted python-igraph Graph (vertex i = node i)."""
        if self._igraph is None:
            # an undirected link once (upper triangle), an arc as it is
            whole = self.adjacency
            coo = whole.tocoo() if self.directed else sp.triu(whole, format="coo")
            edges = np.column_stack([coo.row, coo.col]).astype(np.int64)
            self._igraph = ig.Graph(n=self.n, edges=edges.tolist(), directed=self.directed)
        return self._igraph


def index_graph(graph: nx.Graph, weight: str = "weight") -> Indexed:
    """``graph`` as an :class:`Indexed` (self-loops dropped; the graph is not changed)."""
    nodes = list(graph.nodes)
    position = {node: i for i, node in enumerate(nodes)}
    n = len(nodes)
    counts: list[int] = []
    cols: list[int] = []
    # graph.adjacency() lists each undirected link from both ends and each arc
    # from its source: exactly the rows of the matrix.
    raw: list[Any] = []
    weight_of = operator.methodcaller("get", weight)
    for _, partners in graph.adjacency():
        counts.append(len(partners))
        cols.extend(map(position.__getitem__, partners))
        raw.extend(map(weight_of, partners.values()))
    # A missing weight counts 1; the list is only rewritten when one is missing.
    vals = [1.0 if w is None else float(w) for w in raw] if None in raw else raw
    r = np.repeat(np.arange(n, dtype=np.int64), counts)
    c = np.asarray(cols, dtype=np.int64)
    w_arr = np.asarray(vals, dtype=float)
    keep = r != c
    weights = sp.csr_array((w_arr[keep], (r[keep], c[keep])), shape=(n, n))
    weights.sum_duplicates()
    adjacency = weights.copy()
    adjacency.data = np.ones_like(adjacency.data)
    return Indexed(nodes, adjacency, weights, graph.is_directed())
