"""Cut points and bridges: who is cut off when an actor or a tie goes.

The one place graphnet finds them; the actor table (``is_cut_point``), the key
players (fragmentation after each removal) and the findings (``cut_point``,
``bridge``) all read it. On the undirected graph given (self-loops ignored):

- a *cut point* is an actor whose departure splits its connected component
  (``nx.articulation_points``); the *parts* are the components of what remains
  of it; the actors *cut off* are those outside the largest part (when two parts
  are equally large, the one holding the actor that comes first in the graph's
  order stays);
- a *bridge* is a link whose loss splits its component (``nx.bridges``); the
  actors it cuts off are those on its smaller side (sides equally large: the side
  without the actor that comes first in the graph's order). Its *near* end stays
  with the rest, its *far* end goes with those cut off.

Everything comes from one block–cut tree (python-igraph's biconnected components,
in C): removing a cut point leaves the subtrees hanging off it in the tree and the
rest of its component, so the sizes of all parts of all cut points take one pass
over the graph, and a part's actors are one slice of the tree's pre-order.

>>> import networkx as nx
>>> cuts = find_cuts(nx.path_graph(5))
>>> cuts.cut_points
[1, 2, 3]
>>> sorted(cuts.part_sizes(1)), cuts.cut_off(1), cuts.cut_off(2)
([1, 3], [0], [3, 4])
>>> [(b.near, b.far, b.cut_off) for b in cuts.bridges]
[(1, 0, [0]), (2, 1, [0, 1]), (2, 3, [3, 4]), (3, 4, [4])]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import networkx as nx
import numpy as np

from graphnet.measures._index import Indexed, index_graph

__all__ = ["Bridge", "Cuts", "find_cuts", "articulation_points"]


@dataclass(frozen=True)
class Bridge:
    """A link whose loss splits its component: ``near`` stays with the larger side,
    ``far`` goes with the actors ``cut_off`` (the smaller side, ``far`` among them);
    ``rest`` is how many actors are on the near side."""

    near: Any
    far: Any
    cut_off: list[Any]
    rest: int


def articulation_points(graph: nx.Graph | Indexed) -> list[int]:
    """Positions (in the graph's node order) of the cut points, ascending.

    >>> articulation_points(nx.path_graph(3))
    [1]
    """
    ix = graph if isinstance(graph, Indexed) else index_graph(graph)
    return sorted(ix.igraph().articulation_points())


def find_cuts(graph: nx.Graph | Indexed) -> Cuts:
    """The cut points and bridges of ``graph`` (taken as undirected), with their parts.

    >>> find_cuts(nx.star_graph(3)).cut_off(0)
    [2, 3]
    """
    if isinstance(graph, Indexed):
        ix = graph
    else:
        ix = index_graph(graph.to_undirected(as_view=True) if graph.is_directed() else graph)
    undirected = ix.igraph()
    return Cuts(undirected.as_undirected() if undirected.is_directed() else undirected, ix.nodes)


class Cuts:
    """The block–cut tree of an undirected python-igraph graph whose vertex i is
    ``nodes[i]`` (``nodes`` omitted: the vertex numbers). Methods take and give nodes.

    Tree nodes 0 … B−1 are the blocks (biconnected components), B + j the j-th cut
    point. Each actor is counted once: a cut point at its own tree node, any other
    actor in its one block.
    """

    def __init__(self, graph: Any, nodes: Sequence[Any] | None = None):
        n = graph.vcount()
        self.nodes: Sequence[Any] = nodes if nodes is not None else range(n)
        self._position = {node: i for i, node in enumerate(self.nodes)} \
            if nodes is not None else None
        membership = np.asarray(graph.connected_components().membership, dtype=np.int64)
        sizes = np.bincount(membership, minlength=1) if n else np.zeros(0, dtype=np.int64)
        #: The size of each vertex's component, by vertex.
        self.component_size: np.ndarray = sizes[membership] if n else np.zeros(0, np.int64)
        blocks, points = graph.biconnected_components(return_articulation_points=True)
        self._blocks: list[list[int]] = [list(b) for b in blocks]
        nb = len(self._blocks)
        self._points = sorted(points)
        self._tree_node = {c: nb + j for j, c in enumerate(self._points)}
        count = nb + len(self._points)
        tree: list[list[int]] = [[] for _ in range(count)]
        own: list[list[int]] = [[] for _ in range(nb)] + [[c] for c in self._points]
        for b, members in enumerate(self._blocks):
            for v in members:
                if v in self._tree_node:
                    tree[b].append(self._tree_node[v])
                    tree[self._tree_node[v]].append(b)
                else:
                    own[b].append(v)
        self._own = own
        # Pre-order of the tree (a subtree is a run of it), parents, subtree weights.
        parent = [-1] * count
        root = [-1] * count
        preorder: list[int] = []
        for start in range(count):
            if root[start] >= 0:
                continue
            root[start] = start
            stack = [start]
            while stack:
                x = stack.pop()
                preorder.append(x)
                for y in reversed(tree[x]):
                    if root[y] < 0:
                        root[y], parent[y] = start, x
                        stack.append(y)
        weight = [len(members) for members in own]
        for x in reversed(preorder):
            if parent[x] >= 0:
                weight[parent[x]] += weight[x]
        first = [0] * count
        at = 0
        for x in preorder:
            first[x] = at
            at += len(own[x])
        self._preorder = preorder
        self._parent, self._root, self._weight, self._first = parent, root, weight, first
        self._children: list[list[int]] = [[] for _ in range(count)]
        for x, p in enumerate(parent):
            if p >= 0:
                self._children[p].append(x)

    # --- positions and nodes ------------------------------------------------------------

    def _index(self, node: Any) -> int:
        return self._position[node] if self._position is not None else int(node)

    def _labels(self, positions: list[int]) -> list[Any]:
        return [self.nodes[i] for i in positions]

    @cached_property
    def _order(self) -> list[int]:
        """Every actor in a block, by the tree's pre-order (a subtree is a run)."""
        return [v for x in self._preorder for v in self._own[x]]

    def _span(self, x: int) -> tuple[int, int]:
        return self._first[x], self._first[x] + self._weight[x]

    # --- cut points ---------------------------------------------------------------------

    @property
    def cut_points(self) -> list[Any]:
        """The cut points, in the graph's order."""
        return self._labels(self._points)

    def part_sizes(self, node: Any) -> list[int]:
        """How many actors each part left by ``node``'s departure holds (in no
        promised order). A node that is not a cut point leaves one part (none when
        it is alone)."""
        v = self._index(node)
        size = int(self.component_size[v])
        x = self._tree_node.get(v)
        if x is None:
            return [size - 1] if size > 1 else []
        pieces = [self._weight[child] for child in self._children[x]]
        return ([size - self._weight[x]] if self._parent[x] >= 0 else []) + pieces

    def parts(self, node: Any) -> list[list[Any]]:
        """The actors of each part (in the graph's order), as :meth:`part_sizes` counts them."""
        v = self._index(node)
        x = self._tree_node.get(v)
        if x is None:
            return [self._labels(self._component_without(v))] \
                if self.component_size[v] > 1 else []
        order = self._order
        groups = [order[slice(*self._span(child))] for child in self._children[x]]
        if self._parent[x] >= 0:
            low, high = self._span(self._root[x])
            start, end = self._span(x)
            groups.insert(0, order[low:start] + order[end:high])
        return [self._labels(sorted(group)) for group in groups]

    def _component_without(self, v: int) -> list[int]:
        block = next(b for b, members in enumerate(self._blocks) if v in members)
        low, high = self._span(self._root[block])
        return [u for u in self._order[low:high] if u != v]

    def cut_off_count(self, node: Any) -> int:
        """How many actors ``node``'s departure cuts off (0 for a non-cut point)."""
        sizes = self.part_sizes(node)
        return sum(sizes) - max(sizes) if sizes else 0

    def cut_off(self, node: Any) -> list[Any]:
        """The actors outside the largest part ``node``'s departure leaves, in the
        graph's order."""
        v = self._index(node)
        if v not in self._tree_node:
            return []
        groups = [[self._index(a) for a in group] for group in self.parts(node)]
        largest = max(len(group) for group in groups)
        keep = min((group for group in groups if len(group) == largest), key=min)
        return self._labels(sorted(a for group in groups if group is not keep for a in group))

    # --- bridges ------------------------------------------------------------------------

    @cached_property
    def bridges(self) -> list[Bridge]:
        """Every bridge, by the graph's order of its near end, then of its far end."""
        found: list[tuple[int, int, list[int], int]] = []
        for b, members in enumerate(self._blocks):
            if len(members) != 2:
                continue
            u, v = members
            if self._parent[b] >= 0 and self._parent[b] == self._tree_node.get(v):
                u, v = v, u  # u: the end towards the tree's root
            side_v = self._side(b, v)
            low, high = self._span(self._root[b])
            inside = set(side_v)
            side_u = [a for a in self._order[low:high] if a not in inside]
            if len(side_u) < len(side_v) or (len(side_u) == len(side_v)
                                             and min(side_u) > min(side_v)):
                u, v, side_u, side_v = v, u, side_v, side_u
            found.append((u, v, sorted(side_v), len(side_u)))
        found.sort(key=lambda bridge: bridge[:2])
        return [Bridge(self.nodes[u], self.nodes[v], self._labels(side), rest)
                for u, v, side, rest in found]

    def _side(self, block: int, v: int) -> list[int]:
        """The actors on ``v``'s side of the bridge ``block`` (v away from the root)."""
        x = self._tree_node.get(v)
        if x is None:
            return [v]
        return self._order[slice(*self._span(x))]
