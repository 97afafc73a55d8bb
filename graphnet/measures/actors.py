"""The per-actor table: one row per actor, every per-actor measure as a column.

Columns, in order (conventions in :data:`graphnet.measures.CONVENTIONS`):
``id, name, sector, degree, in_degree, out_degree, strength, betweenness,
closeness, eigenvector, pagerank, constraint, effective_size, core_number,
community, brokerage_coordinator, brokerage_itinerant, brokerage_representative,
brokerage_gatekeeper, brokerage_liaison, brokerage_total, is_isolated,
is_peripheral, is_sector_closed, is_cut_point, orp, orp_betweenness,
orp_closeness``.

Rows follow the network's actor order; the index is the actor id. Every figure
is on the whole network given (see the ``scope`` convention) except the
``orp_*`` columns: betweenness and closeness on the actor's own ORP alone (the
subgraph of the actors with the same ``orp``, links to other ORPs left out),
which is what a networker of that ORP reads; empty for an actor with no ORP.

>>> from graphnet.model import Actor, Link, Network
>>> net = Network(
...     actors=(Actor("a", "A", "police"), Actor("b", "B", "health"), Actor("c", "C", "health")),
...     links=(Link("a", "b", "referral"),),
... )
>>> t = actor_table(net)
>>> t.loc["a", ["degree", "out_degree", "in_degree"]].tolist(), bool(t.loc["c", "is_isolated"])
([1, 1, 0], True)
"""

from __future__ import annotations

import igraph as ig
import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from graphnet.graphs import collaboration_graph, flow_graph
from graphnet.measures import centrality, holes
from graphnet.measures._index import Indexed, index_graph
from graphnet.measures.brokerage import BROKERAGE_COLUMNS, brokerage
from graphnet.measures.communities import communities
from graphnet.measures.conventions import EXACT_PATHS_LIMIT
from graphnet.model import Network

__all__ = ["actor_table", "ACTOR_COLUMNS"]

ACTOR_COLUMNS = (
    "id", "name", "sector", "degree", "in_degree", "out_degree", "strength",
    "betweenness", "closeness", "eigenvector", "pagerank", "constraint",
    "effective_size", "core_number", "community", *BROKERAGE_COLUMNS,
    "is_isolated", "is_peripheral", "is_sector_closed", "is_cut_point", "orp",
    "orp_betweenness", "orp_closeness",
)


def _sector_closed(graph: nx.Graph, sector: dict[str, str]) -> dict[str, bool]:
    closed = {}
    for v in graph.nodes:
        partners = [u for u in graph[v] if u != v]
        closed[v] = bool(partners) and all(sector[u] == sector[v] for u in partners)
    return closed


def _per_orp(ix: Indexed, orp: dict[str, str | None], seed: int) -> pd.DataFrame:
    """Betweenness and closeness of each actor on its own ORP's subgraph.

    The ORPs small enough for exact paths (every component of up to
    ``EXACT_PATHS_LIMIT`` actors) are measured together, on one graph of their
    links inside an ORP: no shortest path leaves its ORP there, so each actor's
    raw figures are those of its ORP alone, normalised by its ORP's size. A larger
    ORP is measured on its own (its sampled sources are drawn for it alone).
    """
    frame = pd.DataFrame(np.nan, index=pd.Index(ix.nodes, name="id"),
                         columns=["orp_betweenness", "orp_closeness"])
    labels = pd.Series([orp.get(v) for v in ix.nodes])
    groups = labels.groupby(labels, dropna=True).groups
    small: list[np.ndarray] = []
    for _, positions in groups.items():
        pos = np.asarray(positions, dtype=np.int64)
        if len(pos) <= EXACT_PATHS_LIMIT:
            small.append(pos)
            continue
        inside = sp.csr_array(ix.adjacency[pos][:, pos])
        sub = Indexed([ix.nodes[i] for i in pos], inside, inside, False)
        frame.iloc[pos, 0] = centrality.betweenness(sub, seed=seed).to_numpy()
        frame.iloc[pos, 1] = centrality.closeness(sub, seed=seed).to_numpy()
    if small:
        between, close = _small_orps(ix, small)
        measured = np.concatenate(small)
        frame.iloc[measured, 0] = between[measured]
        frame.iloc[measured, 1] = close[measured]
    return frame


def _small_orps(ix: Indexed, orps: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Exact betweenness and closeness (as :func:`centrality.betweenness` and
    :func:`centrality.closeness` give them on each ORP's subgraph) of the actors
    of ``orps`` (node positions of each ORP), on one graph of the links inside them."""
    label = np.full(ix.n, -1, dtype=np.int64)
    for k, pos in enumerate(orps):
        label[pos] = k
    upper = sp.triu(ix.adjacency, format="coo")
    keep = (label[upper.row] == label[upper.col]) & (label[upper.row] >= 0)
    rows, cols = upper.row[keep], upper.col[keep]
    g = ig.Graph(n=ix.n, edges=list(zip(rows.tolist(), cols.tolist(), strict=True)))
    size = np.bincount(label[label >= 0], minlength=len(orps)).astype(float)
    links = np.bincount(label[rows], minlength=len(orps))
    n = np.zeros(ix.n)
    n[label >= 0] = size[label[label >= 0]]
    # what betweenness and closeness give an ORP of up to two actors or no link
    trivial_between = (n <= 2) | (links[np.maximum(label, 0)] == 0)
    trivial_close = (n <= 1) | (links[np.maximum(label, 0)] == 0)
    raw = np.asarray(g.betweenness(directed=False), dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        between = np.where(trivial_between, 0.0, raw * 2.0 / ((n - 1) * (n - 2)))
    membership = np.asarray(g.connected_components().membership, dtype=np.int64)
    reach = np.bincount(membership)[membership].astype(float)
    exact = np.nan_to_num(np.asarray(g.closeness(mode="all", normalized=True), dtype=float))
    with np.errstate(divide="ignore", invalid="ignore"):
        close = np.where(trivial_close, 0.0, exact * (reach - 1) / (n - 1))
    return between, close


def actor_table(network: Network, *, collaboration: nx.Graph | None = None,
                flow: nx.DiGraph | None = None, seed: int = 42) -> pd.DataFrame:
    """Every per-actor measure of ``network`` as a DataFrame (see the module doc).

    Pass ``collaboration`` and ``flow`` (``collaboration_graph(network)``,
    ``flow_graph(network)``) when already built, to save building them again.
    ``seed`` fixes Louvain and the sampled paths on large networks.
    """
    collab = collaboration if collaboration is not None else collaboration_graph(network)
    flows = flow if flow is not None else flow_graph(network)
    ids = network.actor_ids
    index = pd.Index(ids, name="id")
    sector = {a.id: a.sector for a in network.actors}

    ix = index_graph(collab)
    fx = index_graph(flows)

    def aligned(series: pd.Series) -> pd.Series:
        return series.reindex(index)

    table = pd.DataFrame(index=index)
    table["id"] = ids
    table["name"] = [a.name for a in network.actors]
    table["sector"] = [a.sector for a in network.actors]
    table["degree"] = aligned(centrality.degree(ix)).astype(int)
    out_deg = np.asarray(fx.adjacency.sum(axis=1)).ravel().astype(int)
    in_deg = np.asarray(fx.adjacency.sum(axis=0)).ravel().astype(int)
    table["in_degree"] = aligned(pd.Series(in_deg, index=fx.nodes)).astype(int)
    table["out_degree"] = aligned(pd.Series(out_deg, index=fx.nodes)).astype(int)
    table["strength"] = aligned(centrality.strength(ix)).astype(float)
    table["betweenness"] = aligned(centrality.betweenness(ix, seed=seed))
    table["closeness"] = aligned(centrality.closeness(ix, seed=seed))
    table["eigenvector"] = aligned(centrality.eigenvector(ix))
    table["pagerank"] = aligned(centrality.pagerank(ix))
    table["constraint"] = aligned(holes.constraint(ix))
    table["effective_size"] = aligned(holes.effective_size(ix))
    table["core_number"] = aligned(centrality.core_number(ix)).astype(int)
    table["community"] = aligned(communities(collab, seed=seed, indexed=ix)).astype(int)
    broker = brokerage(fx, sector).reindex(index)  # fx: the flow graph indexed above
    for column in BROKERAGE_COLUMNS:
        table[column] = broker[column].astype(int)
    table["is_isolated"] = ((table["degree"] == 0) & (table["in_degree"] == 0)
                            & (table["out_degree"] == 0))
    table["is_peripheral"] = table["degree"] == 1
    table["is_sector_closed"] = aligned(pd.Series(_sector_closed(collab, sector))).astype(bool)
    table["is_cut_point"] = aligned(centrality.cut_points(ix)).astype(bool)
    table["orp"] = [a.orp for a in network.actors]
    orp = {a.id: a.orp for a in network.actors}
    if len(set(orp.values())) == 1 and None not in orp.values():
        # one ORP: its subgraph is the whole network
        table["orp_betweenness"] = table["betweenness"]
        table["orp_closeness"] = table["closeness"]
    else:
        local = _per_orp(ix, orp, seed).reindex(index)
        table["orp_betweenness"] = local["orp_betweenness"]
        table["orp_closeness"] = local["orp_closeness"]
    return table[list(ACTOR_COLUMNS)]
