"""Centrality on the undirected, unweighted collaboration graph (and PageRank, weighted).

Each measure reproduces a networkx function under its default convention, computed
with python-igraph or scipy so that a national network (30,000 actors) takes
seconds instead of hours; ``tests/measures/test_centrality.py`` holds them against
networkx to 1e-6.

- :func:`betweenness`: ``nx.betweenness_centrality(G, normalized=True)``. Above
  :data:`~graphnet.measures.conventions.EXACT_PATHS_LIMIT` actors, connected
  components larger than that limit are estimated from
  :data:`~graphnet.measures.conventions.SAMPLED_SOURCES` seeded random sources
  (shortest paths from the sample, rescaled by component size / sample size, the
  estimator networkx uses with ``k=``); smaller components stay exact.
- :func:`closeness`: ``nx.closeness_centrality(G)`` (Wasserman–Faust improved: the
  closeness within the actor's component times (reachable − 1)/(n − 1); 0 for an
  isolate). Large components are estimated from the same sampled sources (mean
  distance to the sampled actors of the component).
- :func:`eigenvector`: ``nx.eigenvector_centrality(G)`` — the same power iteration
  on A + I from a uniform start, Euclidean norm, tolerance n·1e-6, so disconnected
  graphs give networkx's values too.
- :func:`pagerank`: ``nx.pagerank(G, alpha=0.85, weight="weight")``, same iteration.
- :func:`core_number`, :func:`cut_points`: ``nx.core_number``, ``nx.articulation_points``.

>>> import networkx as nx
>>> G = nx.path_graph(3)
>>> betweenness(G).tolist()
[0.0, 1.0, 0.0]
>>> cut_points(G).tolist()
[False, True, False]
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.sparse import csgraph

from graphnet.measures._index import Indexed, index_graph
from graphnet.measures.conventions import EXACT_PATHS_LIMIT, SAMPLED_SOURCES
from graphnet.measures.cuts import articulation_points

__all__ = [
    "degree",
    "strength",
    "betweenness",
    "closeness",
    "eigenvector",
    "pagerank",
    "core_number",
    "cut_points",
    "path_sources",
    "bfs_distances",
]


def _series(graph_or_ix: nx.Graph | Indexed, values: np.ndarray, name: str) -> pd.Series:
    nodes = graph_or_ix.nodes if isinstance(graph_or_ix, Indexed) else list(graph_or_ix.nodes)
    return pd.Series(values, index=pd.Index(nodes, name="id"), name=name)


def _ix(graph: nx.Graph | Indexed) -> Indexed:
    return graph if isinstance(graph, Indexed) else index_graph(graph)


def degree(graph: nx.Graph | Indexed) -> pd.Series:
    """Number of distinct partners (self-loops left out)."""
    ix = _ix(graph)
    return _series(ix, ix.degree.astype(int), "degree")


def strength(graph: nx.Graph | Indexed) -> pd.Series:
    """Sum of the ``weight`` of an actor's links (1 per link when unweighted)."""
    ix = _ix(graph)
    return _series(ix, np.asarray(ix.weights.sum(axis=1)).ravel(), "strength")


def _components(ix: Indexed) -> tuple[np.ndarray, np.ndarray]:
    """Component label of each node and the size of each component."""
    _, labels = csgraph.connected_components(ix.adjacency, directed=False)
    sizes = np.bincount(labels)
    return labels, sizes


def path_sources(graph: nx.Graph | Indexed, *, seed: int = 42,
                 limit: int = EXACT_PATHS_LIMIT,
                 sample: int = SAMPLED_SOURCES) -> tuple[np.ndarray, np.ndarray]:
    """The shortest-path sources used by :func:`betweenness` and :func:`closeness`.

    Returns ``(sources, scale)``: the node positions paths are computed from, and
    for each node the factor (component size / sources in it) that turns sums
    over the sources into estimates over all pairs. Every actor of a component of
    up to ``limit`` actors is a source (exact); each larger component contributes
    ``sample`` sources drawn with ``numpy.random.default_rng(seed)``.
    """
    ix = _ix(graph)
    labels, sizes = _components(ix)
    rng = np.random.default_rng(seed)
    chosen: list[np.ndarray] = []
    factor = np.ones(len(sizes))
    for comp in np.flatnonzero(sizes > limit):
        members = np.flatnonzero(labels == comp)
        picked = np.sort(rng.choice(members, size=min(sample, len(members)), replace=False))
        chosen.append(picked)
        factor[comp] = len(members) / len(picked)
    exact_nodes = np.flatnonzero(sizes[labels] <= limit)
    sources = np.sort(np.concatenate([exact_nodes, *chosen])) if chosen else exact_nodes
    return sources, factor[labels]


def _has_large_component(ix: Indexed, limit: int) -> bool:
    _, sizes = _components(ix)
    return bool(len(sizes)) and int(sizes.max()) > limit


def betweenness(graph: nx.Graph | Indexed, *, seed: int = 42,
                limit: int = EXACT_PATHS_LIMIT, sample: int = SAMPLED_SOURCES) -> pd.Series:
    """Normalised shortest-path betweenness, as ``nx.betweenness_centrality(G)``.

    Exact in components of up to ``limit`` actors; larger ones are estimated from
    ``sample`` seeded sources (see :func:`path_sources`). ``graph`` is taken as
    undirected and unweighted.
    """
    ix = _ix(graph)
    n = ix.n
    if n <= 2 or ix.adjacency.nnz == 0:
        return _series(ix, np.zeros(n), "betweenness")
    g = ix.igraph()
    if not _has_large_component(ix, limit):
        raw = np.asarray(g.betweenness(directed=False), dtype=float)
        scale = np.ones(n)
    else:
        sources, scale = path_sources(ix, seed=seed, limit=limit, sample=sample)
        # igraph halves undirected subset betweenness; networkx sums both directions
        # of each (source, target) pair and divides by 2 again, hence the factor.
        raw = np.asarray(g.betweenness(directed=False, sources=sources.tolist()), dtype=float)
    values = raw * scale * 2.0 / ((n - 1) * (n - 2))
    return _series(ix, values, "betweenness")


def closeness(graph: nx.Graph | Indexed, *, seed: int = 42,
              limit: int = EXACT_PATHS_LIMIT, sample: int = SAMPLED_SOURCES) -> pd.Series:
    """Closeness as ``nx.closeness_centrality(G)`` (WF-improved; 0 for an isolate).

    Exact in components of up to ``limit`` actors; in larger ones the mean distance
    to the component's sampled sources stands in for the mean distance to all its
    actors.
    """
    ix = _ix(graph)
    n = ix.n
    values = np.zeros(n)
    if n <= 1 or ix.adjacency.nnz == 0:
        return _series(ix, values, "closeness")
    labels, sizes = _components(ix)
    reach = sizes[labels].astype(float)
    g = ix.igraph()
    big = reach > limit
    if not big.any():
        exact = np.asarray(g.closeness(mode="all", normalized=True), dtype=float)
        values = np.nan_to_num(exact) * (reach - 1) / (n - 1)
        return _series(ix, values, "closeness")
    small_nodes = np.flatnonzero(~big)
    if len(small_nodes):
        exact = np.asarray(g.closeness(vertices=small_nodes.tolist(), mode="all",
                                       normalized=True), dtype=float)
        values[small_nodes] = np.nan_to_num(exact) * (reach[small_nodes] - 1) / (n - 1)
    sources, _ = path_sources(ix, seed=seed, limit=limit, sample=sample)
    adjacency = sp.csr_matrix(ix.adjacency)
    for comp in np.flatnonzero(sizes > limit):
        members = np.flatnonzero(labels == comp)
        # BFS inside the component's own matrix: arrays of its size, not n.
        inside = adjacency[members][:, members]
        local = np.searchsorted(members, sources[np.isin(sources, members)])
        total = np.zeros(len(members))
        for source in local:
            dist, _ = bfs_distances(inside, int(source))
            total += dist
        count = np.full(len(members), float(len(local)))
        count[local] -= 1  # a sampled source does not count its distance to itself
        r = len(members)
        mean_inverse = np.divide(count, total, out=np.zeros(r), where=total > 0)
        values[members] = mean_inverse * (r - 1) / (n - 1)
    return _series(ix, values, "closeness")


def bfs_distances(adjacency: sp.csr_matrix, source: int) -> tuple[np.ndarray, np.ndarray]:
    """Hop distances from ``source`` (and which nodes it reaches), by scipy's BFS.

    scipy gives the BFS tree as predecessors; the depths follow by pointer doubling
    (log(diameter) vectorised steps) instead of a Python loop over nodes.
    """
    n = adjacency.shape[0]
    order, pred = csgraph.breadth_first_order(adjacency, source, directed=True,
                                              return_predecessors=True)
    reached = np.zeros(n, dtype=bool)
    reached[order] = True
    ancestor = np.where(reached, pred, np.arange(n))
    ancestor[source] = source
    depth = reached.astype(np.int64)
    depth[source] = 0
    while True:
        jumped = ancestor[ancestor]
        if np.array_equal(jumped, ancestor):
            return depth.astype(float), reached
        depth = depth + depth[ancestor]
        ancestor = jumped


def eigenvector(graph: nx.Graph | Indexed, *, max_iter: int = 1000,
                tol: float = 1.0e-6) -> pd.Series:
    """Eigenvector centrality as ``nx.eigenvector_centrality(G)`` (unweighted).

    networkx iterates x ← (A + I)x / ‖(A + I)x‖ from a uniform start until the
    change sums to under n·tol; on a disconnected graph the result depends on that
    iteration, so it is reproduced step by step rather than taken from an
    eigensolver. Raises ``nx.PowerIterationFailedConvergence`` as networkx does.
    """
    ix = _ix(graph)
    n = ix.n
    if n == 0:
        return _series(ix, np.zeros(0), "eigenvector")
    a = ix.adjacency.tocsc()
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        last = x
        x = last + a.T @ last
        norm = np.sqrt((x * x).sum()) or 1.0
        x = x / norm
        if np.abs(x - last).sum() < n * tol:
            return _series(ix, x, "eigenvector")
    raise nx.PowerIterationFailedConvergence(max_iter)


def pagerank(graph: nx.Graph | Indexed, *, alpha: float = 0.85, max_iter: int = 100,
             tol: float = 1.0e-6) -> pd.Series:
    """PageRank as ``nx.pagerank(G, alpha=0.85, weight="weight")``.

    An undirected link is followed both ways in proportion to its weight; an
    isolate's score is spread evenly over everyone (networkx's dangling rule).
    """
    ix = _ix(graph)
    n = ix.n
    if n == 0:
        return _series(ix, np.zeros(0), "pagerank")
    w = ix.weights
    out = np.asarray(w.sum(axis=1)).ravel()
    inv = np.divide(1.0, out, out=np.zeros(n), where=out != 0)
    transition = (sp.diags_array(inv) @ w).T.tocsr()
    x = np.full(n, 1.0 / n)
    p = np.full(n, 1.0 / n)
    dangling = out == 0
    for _ in range(max_iter):
        last = x
        x = alpha * (transition @ last + last[dangling].sum() * p) + (1 - alpha) * p
        if np.abs(x - last).sum() < n * tol:
            return _series(ix, x, "pagerank")
    raise nx.PowerIterationFailedConvergence(max_iter)


def core_number(graph: nx.Graph | Indexed) -> pd.Series:
    """k-core number of each actor, as ``nx.core_number(G)``."""
    ix = _ix(graph)
    return _series(ix, np.asarray(ix.igraph().coreness(mode="all"), dtype=int), "core_number")


def cut_points(graph: nx.Graph | Indexed) -> pd.Series:
    """True for an articulation point (its removal disconnects its component), as
    :func:`graphnet.measures.cuts.articulation_points` finds them."""
    ix = _ix(graph)
    flags = np.zeros(ix.n, dtype=bool)
    flags[articulation_points(ix)] = True
    return _series(ix, flags, "is_cut_point")
