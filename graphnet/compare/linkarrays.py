"""Two mappings' links as integer arrays, so a national comparison takes seconds.

Every actor id of both mappings gets a code: its position in the sorted list of
all ids, so comparing codes compares ids. A link identity (see
:mod:`graphnet.compare.diff`) becomes one int64 key ``(kind·N + source)·N + target``
(N = number of ids; kinds in vocabulary order), which sorts by kind, then source,
then target. Sets of links are then sorted key arrays (``numpy.unique``,
``intersect1d``, ``setdiff1d``); linked actor pairs are ``a·N + b`` keys with a < b.

>>> from graphnet.model import Actor, Link, Network
>>> net = Network(actors=(Actor("a", "A", "police"), Actor("b", "B", "health")),
...               links=(Link("b", "a", "cooperation", 2.0), Link("a", "b", "cooperation")))
>>> index = IdIndex.of(net)
>>> side = LinkArrays.of(net, index)
>>> [index.decode(k) for k in side.keys], side.weights.tolist()
([('a', 'b', 'cooperation')], [3.0])
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from operator import attrgetter

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from graphnet.model import Link, Network
from graphnet.vocab import DIRECTED_KINDS, LINK_KINDS

__all__ = ["IdIndex", "LinkArrays", "sorted_unique"]


_ID, _SOURCE, _TARGET, _KIND, _WEIGHT = (attrgetter(name) for name in
                                         ("id", "source", "target", "kind", "weight"))


def links_of(network: Network) -> list[Link]:
    """Every link that counts (reported and derived from attendance), self-loops left out."""
    return [link for link in network.all_links() if link.source != link.target]


def sorted_unique(values: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The sorted distinct values, how many times each occurs, and for each input value
    the position of its distinct value. (``numpy.unique`` hashes integers in numpy 2.4,
    a hundred times slower than sorting them.)

    >>> [a.tolist() for a in sorted_unique(np.array([5, 3, 5, 1]))]
    [[1, 3, 5], [1, 1, 2], [2, 1, 2, 0]]
    """
    order = np.argsort(values, kind="stable")
    ordered = values[order]
    first = np.ones(len(ordered), dtype=bool)
    first[1:] = ordered[1:] != ordered[:-1]
    group = np.cumsum(first) - 1
    inverse = np.empty(len(values), dtype=np.int64)
    inverse[order] = group
    starts = np.flatnonzero(first)
    counts = np.diff(np.append(starts, len(ordered)))
    return ordered[first], counts, inverse


@dataclass(frozen=True)
class IdIndex:
    """Codes for the actor ids and link kinds of one or more networks."""

    ids: list[str]
    code: Mapping[str, int]
    kinds: list[str]
    kind_code: Mapping[str, int]

    @classmethod
    def of(cls, *networks: Network, links: Sequence[Sequence[Link]] | None = None) -> IdIndex:
        """The index of ``networks``; ``links`` are their :func:`links_of` when known."""
        ids: set[str] = set()
        kinds: set[str] = set()
        links = [links_of(n) for n in networks] if links is None else links
        for network, network_links in zip(networks, links, strict=True):
            ids.update(map(_ID, network.actors))
            ids.update(map(_SOURCE, network_links))
            ids.update(map(_TARGET, network_links))
            kinds.update(map(_KIND, network_links))
        ordered = sorted(ids)
        kind_list = [k for k in LINK_KINDS.codes] + sorted(kinds - set(LINK_KINDS.codes))
        return cls(ordered, {i: n for n, i in enumerate(ordered)}, kind_list,
                   {k: n for n, k in enumerate(kind_list)})

    @property
    def size(self) -> int:
        return max(len(self.ids), 1)

    def decode(self, key: int) -> tuple[str, str, str]:
        """(source, target, kind) of a link key."""
        rest, target = divmod(int(key), self.size)
        kind, source = divmod(rest, self.size)
        return self.ids[source], self.ids[target], self.kinds[kind]

    def decode_all(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Source codes, target codes and kind codes of many link keys."""
        rest, target = np.divmod(keys, self.size)
        kind, source = np.divmod(rest, self.size)
        return source, target, kind


@dataclass(frozen=True)
class LinkArrays:
    """One mapping's link identities (sorted unique keys, summed weights), its actors
    (a mask over the index) and their sectors."""

    keys: np.ndarray
    weights: np.ndarray
    present: np.ndarray
    sector_of: Mapping[str, str]

    @classmethod
    def of(cls, network: Network, index: IdIndex,
           links: Sequence[Link] | None = None) -> LinkArrays:
        """The arrays of ``network``; ``links`` are its :func:`links_of` when known."""
        code, kind_code = index.code, index.kind_code
        links = links_of(network) if links is None else links
        count = len(links)
        # map() over attrgetters: a few hundred thousand links in C loops, not Python ones.
        source = np.fromiter(map(code.__getitem__, map(_SOURCE, links)), dtype=np.int64,
                             count=count)
        target = np.fromiter(map(code.__getitem__, map(_TARGET, links)), dtype=np.int64,
                             count=count)
        kind = np.fromiter(map(kind_code.__getitem__, map(_KIND, links)), dtype=np.int64,
                           count=count)
        weight = np.fromiter(map(float, map(_WEIGHT, links)), dtype=float, count=count)
        directed = np.array([k in DIRECTED_KINDS for k in index.kinds], dtype=bool)
        swap = ~directed[kind] & (source > target) if count else np.zeros(0, dtype=bool)
        source, target = np.where(swap, target, source), np.where(swap, source, target)
        n = index.size
        keys, _, inverse = sorted_unique((kind * n + source) * n + target)
        weights = np.bincount(inverse, weights=weight, minlength=len(keys))
        present = np.zeros(n, dtype=bool)
        present[np.fromiter(map(code.__getitem__, map(_ID, network.actors)), dtype=np.int64,
                            count=len(network.actors))] = True
        present[source] = True
        present[target] = True
        return cls(keys, weights.astype(float), present,
                   {actor.id: actor.sector for actor in network.actors})

    def pairs(self, index: IdIndex) -> tuple[np.ndarray, np.ndarray]:
        """The linked actor pairs (codes a < b), each once."""
        source, target, _ = index.decode_all(self.keys)
        low, high = np.minimum(source, target), np.maximum(source, target)
        unique, _, _ = sorted_unique(low * index.size + high)
        return np.divmod(unique, index.size)

    def components(self, index: IdIndex) -> int:
        """Connected components among this mapping's actors (isolated ones count)."""
        nodes = int(self.present.sum())
        if not nodes:
            return 0
        a, b = self.pairs(index)
        n = index.size
        matrix = coo_matrix((np.ones(len(a)), (a, b)), shape=(n, n))
        _, labels = connected_components(matrix, directed=False)
        return int(len(sorted_unique(labels[self.present])[0]))

    def sector_codes(self, index: IdIndex, order: Mapping[str, int]) -> np.ndarray:
        """Each id's sector as its rank in ``order`` (−1 when the id is no actor here)."""
        ranks = np.full(index.size, -1, dtype=np.int64)
        for actor_id, sector in self.sector_of.items():
            ranks[index.code[actor_id]] = order[sector]
        return ranks
