"""Gould–Fernandez brokerage roles on the flow graph, with the sector as the group.

For every open two-path a → b → c of the directed flow graph (a ≠ c and no arc
a → c), the middle actor b brokers, in one of five roles by the sectors of a, b, c:

======================  ==========  =============================  ============
column                  sna name    sectors                        example
======================  ==========  =============================  ============
brokerage_coordinator   w_I         a = b = c                      within a sector
brokerage_itinerant     w_O         a = c ≠ b                      outsider between two of a sector
brokerage_representative b_IO       a = b ≠ c                      speaks for its sector outward
brokerage_gatekeeper    b_OI        a ≠ b = c                      lets outsiders into its sector
brokerage_liaison       b_O         a, b, c all different          between two other sectors
======================  ==========  =============================  ============

The counts are raw (not z-scores), as R's ``sna::brokerage(g, cl)$raw.nli``;
``brokerage_total`` is their sum. Meeting and cooperation links are arcs both
ways in the flow graph, so they broker in both directions. Reference values from R
are in ``tests/measures/fixtures``.

The computation is vectorised: for each broker the two-paths by (sector of a,
sector of c) are in-partners × out-partners per sector, less the pairs with a = c
and the closed pairs (a → c exists), which come from sparse products.

>>> import networkx as nx
>>> G = nx.DiGraph([("a", "b"), ("b", "c")])
>>> brokerage(G, {"a": "x", "b": "y", "c": "z"}).loc["b"].tolist()
[0, 0, 0, 0, 1, 1]
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from graphnet.measures._index import Indexed, index_graph

__all__ = ["brokerage", "BROKERAGE_COLUMNS"]

BROKERAGE_COLUMNS = (
    "brokerage_coordinator",
    "brokerage_itinerant",
    "brokerage_representative",
    "brokerage_gatekeeper",
    "brokerage_liaison",
    "brokerage_total",
)


def brokerage(flow: nx.DiGraph | Indexed, groups: Mapping[Any, Any]) -> pd.DataFrame:
    """Raw Gould–Fernandez brokerage counts per actor (columns :data:`BROKERAGE_COLUMNS`).

    ``flow`` is read as a directed 0/1 graph (weights ignored, self-loops dropped);
    ``groups`` maps each node to its group (the sector).
    """
    ix = flow if isinstance(flow, Indexed) else index_graph(flow)
    n = ix.n
    counts = np.zeros((n, 5), dtype=np.int64)
    if n == 0 or ix.adjacency.nnz == 0:
        return _frame(ix, counts)
    names = np.asarray([str(groups[v]) for v in ix.nodes], dtype=object)
    labels, group_of = np.unique(names, return_inverse=True)
    k = len(labels)
    a = ix.adjacency.astype(np.int64).tocsr()
    if not ix.directed:
        a = sp.csr_array(((a + a.T) > 0).astype(np.int64))
    member = sp.csr_array((np.ones(n, dtype=np.int64), (np.arange(n), group_of)), shape=(n, k))
    into = (a.T @ member).toarray()  # into[b, g]: arcs x → b with x in g
    outof = (a @ member).toarray()  # outof[b, g]: arcs b → y with y in g
    paths = into[:, :, None] * outof[:, None, :]  # [b, g(a), g(c)] two-paths, incl. a = c

    # a = c: reciprocated partners of b, counted at (g, g).
    mutual = (a.multiply(a.T) @ member).toarray()
    idx = np.arange(k)
    paths[:, idx, idx] -= mutual

    # Closed two-paths: a → b, b → c and a → c. For an arc b → c, the a's in group g
    # are the common in-partners of b and c in g: (Aᵀ D_g A)[b, c].
    for g in range(k):
        d_a = sp.csr_array(a.multiply((group_of == g)[:, None]))
        common = sp.csr_array((d_a.T @ d_a).multiply(a)).tocoo()
        if common.nnz == 0:
            continue
        np.subtract.at(paths, (common.row, g, group_of[common.col]), common.data.astype(np.int64))

    same_a = idx[None, :, None] == group_of[:, None, None]  # g(a) == g(b)
    same_c = idx[None, None, :] == group_of[:, None, None]  # g(c) == g(b)
    same_ac = (idx[:, None] == idx[None, :])[None, :, :]
    counts[:, 0] = np.where(same_a & same_c, paths, 0).sum(axis=(1, 2))
    counts[:, 1] = np.where(~same_a & ~same_c & same_ac, paths, 0).sum(axis=(1, 2))
    counts[:, 2] = np.where(same_a & ~same_c, paths, 0).sum(axis=(1, 2))
    counts[:, 3] = np.where(~same_a & same_c, paths, 0).sum(axis=(1, 2))
    counts[:, 4] = np.where(~same_a & ~same_c & ~same_ac, paths, 0).sum(axis=(1, 2))
    return _frame(ix, counts)


def _frame(ix: Indexed, counts: np.ndarray) -> pd.DataFrame:
    data = np.column_stack([counts, counts.sum(axis=1)])
    return pd.DataFrame(data, index=pd.Index(ix.nodes, name="id"), columns=list(BROKERAGE_COLUMNS))
