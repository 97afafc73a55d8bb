"""Graph views of a :class:`~graphnet.model.Network`, the ones every measure uses.

- :func:`multigraph`: every link as its own arc (undirected kinds keep the order
  the user wrote), with all its fields. Nothing is merged.
- :func:`collaboration_graph`: undirected and simple. One edge per pair of actors
  linked by any link of any kind; ``weight`` = sum of the weights, ``kinds`` =
  the set of kinds, ``links`` = how many links were merged. Every actor is a
  node, isolated ones too. Self-loops are left out (a tie with oneself is no
  collaboration; validation warns about them).
- :func:`flow_graph`: directed and simple. Referral and information links are
  arcs source → target; meeting and cooperation links are arcs both ways.
  ``weight`` and ``kinds`` merged as above; self-loops left out.

Meeting links derived from attendance (see :meth:`Network.meeting_links`) are
part of all three. Node attributes are the actor's public fields; personal
fields (:data:`~graphnet.model.PERSONAL_FIELDS`) never enter a graph.

>>> from graphnet.model import Actor, Link, Network
>>> net = Network(
...     actors=(Actor("a", "A", "police"), Actor("b", "B", "health"), Actor("c", "C", "health")),
...     links=(Link("a", "b", "referral", 2.0), Link("b", "a", "cooperation", 1.0)),
... )
>>> g = collaboration_graph(net)
>>> g["a"]["b"]["weight"], sorted(g["a"]["b"]["kinds"]), g.degree("c")
(3.0, ['cooperation', 'referral'], 0)
>>> sorted(flow_graph(net).edges())
[('a', 'b'), ('b', 'a')]
"""

from __future__ import annotations

from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from graphnet.model import PERSONAL_FIELDS, Actor, Network, actor_fields
from graphnet.vocab import DIRECTED_KINDS

__all__ = ["multigraph", "collaboration_graph", "flow_graph", "node_attributes"]


def node_attributes(actor: Actor) -> dict[str, Any]:
    """The public fields of an actor as graph node attributes (lists as tuples)."""
    return {name: getattr(actor, name) for name in NODE_FIELDS}


#: The actor fields a graph node carries: not the id (it is the node), not the
#: personal ones, not the free-text notes or the extra columns.
NODE_FIELDS = actor_fields(without=("id", "notes", "attributes", *PERSONAL_FIELDS))


def _add_actors(graph: nx.Graph, network: Network) -> None:
    graph.add_nodes_from((actor.id, node_attributes(actor)) for actor in network.actors)


def multigraph(network: Network) -> nx.MultiDiGraph:
    """All links as a MultiDiGraph; each edge carries kind, weight, date, reported_by,
    note, directed and the extra attributes of its row."""
    graph = nx.MultiDiGraph(name=network.name or "")
    _add_actors(graph, network)
    for link in network.all_links():
        graph.add_edge(
            link.source,
            link.target,
            kind=link.kind,
            weight=link.weight,
            date=link.date,
            reported_by=link.reported_by,
            note=link.note,
            directed=link.kind in DIRECTED_KINDS,
            **dict(link.attributes),
        )
    return graph


def _ends(network: Network) -> tuple[np.ndarray, np.ndarray, list[str], np.ndarray,
                                      list[str]]:
    """The links that are no self-loop (reported, then from attendance): their ends
    as positions in a list of ids, that list, their weights and kinds."""
    kept = [link for link in network.all_links() if link.source != link.target]
    ends = [link.source for link in kept]
    ends += [link.target for link in kept]
    codes, names = pd.factorize(np.asarray(ends, dtype=object))
    label = [name if isinstance(name, str) else str(name) for name in names.tolist()]
    m = len(kept)
    return (codes[:m].astype(np.int64), codes[m:].astype(np.int64), label,
            np.asarray([float(link.weight) for link in kept], dtype=float),
            [link.kind for link in kept])


def _tally(u: np.ndarray, v: np.ndarray, weights: np.ndarray, kinds: list[str],
           directed: bool) -> tuple[np.ndarray, np.ndarray, list[dict[str, Any]]]:
    """Links (ends as integer codes, in order) summed per pair: the ends of each pair
    as first seen, in the order pairs are first seen, and each pair's edge data
    (``weight`` summed in link order, ``kinds``, ``links``)."""
    n = int(max(u.max(), v.max())) + 1  # ends are positions in one list of ids
    key = u * n + v if directed else np.minimum(u, v) * n + np.maximum(u, v)
    pair, _ = pd.factorize(key)  # pairs numbered in the order they are first seen
    _, first = np.unique(pair, return_index=True)
    later = np.ones(len(pair), dtype=bool)
    later[first] = False
    total = weights[first].copy()
    # np.add.at adds in link order: the same sums as adding one link after another
    np.add.at(total, pair[later], weights[later])
    count = np.bincount(pair)
    kind_code, kind_names = pd.factorize(np.asarray(kinds, dtype=object))
    if len(kind_names) <= 62:
        mask = np.zeros(len(first), dtype=np.int64)
        np.bitwise_or.at(mask, pair, np.left_shift(1, kind_code.astype(np.int64)))
        sets: dict[int, frozenset[str]] = {}
        for m in np.unique(mask).tolist():
            sets[m] = frozenset(str(kind_names[b]) for b in range(len(kind_names))
                                if m >> b & 1)
        kind_sets = [sets[m] for m in mask.tolist()]
    else:
        collected: list[set[str]] = [set() for _ in range(len(first))]
        for p, kind in zip(pair.tolist(), kinds, strict=True):
            collected[p].add(kind)
        kind_sets = [frozenset(c) for c in collected]
    data = [{"weight": w, "kinds": k, "links": c}
            for w, k, c in zip(total.tolist(), kind_sets, count.tolist(), strict=True)]
    return u[first], v[first], data


def _store(graph: nx.Graph, u: np.ndarray, v: np.ndarray, label: list[str],
           weights: np.ndarray, kinds: list[str]) -> None:
    """Sum the links per pair (see the module doc) and store one edge per pair;
    ``u`` and ``v`` are the ends of each link as positions in ``label``.

    The edges go straight into networkx's adjacency, in the order and orientation
    ``add_edges_from`` would give them (each pair's first link), one attribute dict
    per edge shared by both ends (or by succ and pred), without its per-edge merging;
    a link to an id that is no actor still gets a bare node, as there.
    """
    if not len(u):
        return
    directed = graph.is_directed()
    u, v, data = _tally(u, v, weights, kinds, directed)
    nodes = graph._node
    if any(name not in nodes for name in label):
        for a, b in zip(u.tolist(), v.tolist(), strict=True):
            for end in (label[a], label[b]):
                if end not in nodes:
                    graph.add_node(end)
    # An undirected graph keeps each edge under both ends in one adjacency; a
    # directed one under the source's successors and the target's predecessors.
    edge = np.arange(len(u))
    if directed:
        _fill(graph._succ, label, u, v, edge, data)
        _fill(graph._pred, label, v, u, edge, data)
    else:
        _fill(graph._adj, label, np.concatenate([u, v]), np.concatenate([v, u]),
              np.concatenate([edge, edge]), data)
    clear_cache = getattr(nx, "_clear_cache", None)
    if clear_cache is not None:
        clear_cache(graph)


def _fill(adjacency: dict[str, dict[str, Any]], label: list[str], at: np.ndarray,
          partner: np.ndarray, edge: np.ndarray, data: list[dict[str, Any]]) -> None:
    """adjacency[at][partner] = data[edge] for each entry, each node's partners in
    edge order (the order storing the edges one by one gives)."""
    order = np.lexsort((edge, at))
    at, partner, edge = at[order], partner[order], edge[order]
    bounds = np.flatnonzero(np.diff(at)) + 1
    starts = [0, *bounds.tolist()]
    ends = [*bounds.tolist(), len(at)]
    partners = [label[p] for p in partner.tolist()]
    datas = [data[e] for e in edge.tolist()]
    for node, start, end in zip(at[starts].tolist(), starts, ends, strict=True):
        adjacency[label[node]].update(zip(partners[start:end], datas[start:end], strict=True))


def collaboration_graph(network: Network) -> nx.Graph:
    """Undirected simple graph of who works with whom (see the module doc)."""
    graph = nx.Graph(name=network.name or "")
    _add_actors(graph, network)
    u, v, label, weights, kinds = _ends(network)
    _store(graph, u, v, label, weights, kinds)
    return graph


def flow_graph(network: Network) -> nx.DiGraph:
    """Directed simple graph of who sends or tells whom (see the module doc)."""
    graph = nx.DiGraph(name=network.name or "")
    _add_actors(graph, network)
    u, v, label, weights, kinds = _ends(network)
    # each link source → target, an undirected one then target → source too
    back = np.asarray([kind not in DIRECTED_KINDS for kind in kinds], dtype=bool)
    link = np.repeat(np.arange(len(u)), np.where(back, 2, 1))
    reverse = np.zeros(len(link), dtype=bool)
    reverse[1:] = link[1:] == link[:-1]  # the second arc of a link
    sources = np.where(reverse, v[link], u[link])
    targets = np.where(reverse, u[link], v[link])
    _store(graph, sources, targets, label, weights[link], [kinds[i] for i in link.tolist()])
    return graph
