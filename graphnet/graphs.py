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


class _EdgeTally:
    """Sums links per pair before a graph is built (much faster than merging into
    a networkx graph edge by edge). Keeps the first-seen orientation and order."""

    def __init__(self, directed: bool):
        self.directed = directed
        self.edges: dict[tuple[str, str], list[Any]] = {}

    def add(self, u: str, v: str, weight: float, kind: str) -> None:
        edges = self.edges
        tally = edges.get((u, v))
        if tally is None and not self.directed:
            tally = edges.get((v, u))
        if tally is None:
            edges[(u, v)] = [weight, {kind}, 1]
        else:
            tally[0] += weight
            tally[1].add(kind)
            tally[2] += 1

    def add_to(self, graph: nx.Graph) -> None:
        # Each pair is new to the graph: one attribute dict per edge, stored where
        # add_edges_from would store it (both ends' adjacency, or succ and pred),
        # without its per-edge merging; a link to an id that is no actor still
        # gets a bare node, as add_edges_from would give it.
        nodes = graph._node
        # An undirected graph keeps each edge under both ends in one adjacency;
        # a directed one under the source's successors and the target's predecessors.
        forward, backward = (graph._succ, graph._pred) if graph.is_directed() \
            else (graph._adj, graph._adj)
        for (u, v), (w, kinds, n) in self.edges.items():
            if u not in nodes:
                graph.add_node(u)
            if v not in nodes:
                graph.add_node(v)
            data = {"weight": w, "kinds": frozenset(kinds), "links": n}
            forward[u][v] = data
            backward[v][u] = data
        clear_cache = getattr(nx, "_clear_cache", None)
        if clear_cache is not None:
            clear_cache(graph)


def collaboration_graph(network: Network) -> nx.Graph:
    """Undirected simple graph of who works with whom (see the module doc)."""
    graph = nx.Graph(name=network.name or "")
    _add_actors(graph, network)
    tally = _EdgeTally(directed=False)
    add = tally.add
    for link in network.all_links():
        if link.source != link.target:
            add(link.source, link.target, float(link.weight), link.kind)
    tally.add_to(graph)
    return graph


def flow_graph(network: Network) -> nx.DiGraph:
    """Directed simple graph of who sends or tells whom (see the module doc)."""
    graph = nx.DiGraph(name=network.name or "")
    _add_actors(graph, network)
    tally = _EdgeTally(directed=True)
    add = tally.add
    for link in network.all_links():
        source, target = link.source, link.target
        if source == target:
            continue
        weight = float(link.weight)
        add(source, target, weight, link.kind)
        if link.kind not in DIRECTED_KINDS:
            add(target, source, weight, link.kind)
    tally.add_to(graph)
    return graph
