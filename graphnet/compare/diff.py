"""What changed between two mappings of the same network, as plain data.

:func:`compare` holds an old and a new :class:`~graphnet.model.Network` (and their
analyses) side by side and returns a :class:`Comparison`: actors added and removed,
links gained, lost and re-weighted, sector pairs, network figures, positions,
roles and findings, each before and after. Nothing is rendered here
(see :mod:`graphnet.compare.render`) and nothing is merged silently.

Conventions (also in :data:`CONVENTIONS` and in every output):

- **Actor identity** is the actor id. An actor whose id is only in the new mapping
  is *added*, only in the old one *removed*. When a removed and an added actor have
  the same name (folded with :func:`graphnet.vocab.normalize`), the pair is listed
  as a *suggestion* that the id changed; it is never merged.
- **Link identity** is ``(source, target, kind)`` with the ends ordered as written
  for the directed kinds (referral, information) and sorted for the undirected ones
  (meeting, cooperation). All links count, meeting links derived from attendance
  too; self-loops do not (as in :mod:`graphnet.graphs`). Links sharing an identity
  are one link whose weight is the sum of theirs (as the collaboration graph sums).
  A link is *gained* when its identity is only in the new mapping, *lost* when only
  in the old one, *re-weighted* when in both with a different weight.
- **Sector pairs** count linked actor pairs on the collaboration graph (a pair
  linked by any kind counts once) against the possible pairs (``n_a·n_b``, or
  ``n(n−1)/2`` within one sector), each mapping with its own actors and sectors.
- **Figures** actors, links, linked pairs, density, isolated actors, components and
  cross-sector share come from the collaboration graph of each mapping; E-I,
  centralisation and key-player fragmentation from the two analyses.

>>> from graphnet.model import Actor, Link, Network
>>> old = Network(actors=(Actor("a", "OSPOD", "child_protection"), Actor("b", "ZŠ", "education")))
>>> new = Network(actors=old.actors, links=(Link("b", "a", "cooperation", 2.0),))
>>> changes = diff_links(old, new)
>>> [(c.source, c.target, c.kind, c.weight_before, c.weight_after) for c in changes.gained]
[('a', 'b', 'cooperation', None, 2.0)]
"""

from __future__ import annotations

import math
import multiprocessing
import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, fields
from typing import Any

import numpy as np

from graphnet._version import __version__
from graphnet.analysis import Analysis, Finding, analyse
from graphnet.compare.linkarrays import IdIndex, LinkArrays, links_of, sorted_unique
from graphnet.model import Actor, Network
from graphnet.vocab import DIRECTED_KINDS, LINK_KINDS, Vocabulary, normalize

__all__ = [
    "SCHEMA",
    "CONVENTIONS",
    "ActorRef",
    "ActorEdit",
    "IdSuggestion",
    "ActorChanges",
    "LinkChange",
    "LinkChanges",
    "KindSummary",
    "SectorPairChange",
    "FigureChange",
    "PositionChange",
    "RoleChange",
    "FindingChanges",
    "MappingInfo",
    "Comparison",
    "link_key",
    "link_weights",
    "linked_pairs",
    "diff_actors",
    "diff_links",
    "summarise_kinds",
    "diff_sector_pairs",
    "basic_figures",
    "diff_figures",
    "diff_positions",
    "diff_roles",
    "finding_key",
    "finding_subject",
    "diff_findings",
    "compare_networks",
    "compare",
]

SCHEMA = "graphnet.compare/1"

#: Two weights or measure values closer than this are the same (float noise).
TOLERANCE = 1e-9

CONVENTIONS: Mapping[str, str] = {
    "actor_identity": (
        "Actors are matched by id. A removed and an added actor with the same name "
        "(case, diacritics and spacing folded) are suggested as one actor whose id "
        "changed; they are never merged."
    ),
    "link_identity": (
        "A link is (source, target, kind): ends in written order for the directed kinds "
        "(referral, information), sorted for the undirected ones (meeting, cooperation). "
        "Meeting links derived from attendance count; self-loops do not. Links with the "
        "same identity are one link whose weight is the sum of theirs."
    ),
    "link_change": (
        "Gained: identity only in the new mapping. Lost: only in the old one. "
        "Re-weighted: in both with a different weight."
    ),
    "sector_pairs": (
        "Linked actor pairs on the collaboration graph (any kind, counted once) between "
        "two sectors, out of n_a*n_b possible pairs (n(n-1)/2 within a sector); "
        "density = linked / possible. Each mapping with its own actors and sectors."
    ),
    "figures": (
        "actors, links (identities as above), linked_pairs, density (linked pairs / "
        "n(n-1)/2), isolated (no partner), components and cross_sector_share (linked "
        "pairs between different sectors / all linked pairs) on the collaboration graph "
        "of each mapping; the other figures are those of graphnet.analysis "
        "(see its conventions block); key-player fragmentation is Borgatti's F before "
        "and after the key-player set leaves. A figure's verdict (better/worse) follows "
        "better_when: more links, partners, density, cross-sector share, E-I, transitivity "
        "and share in the largest component are better; more isolated actors, components, "
        "sector modularity and fragmentation are worse; actors, centralisation and "
        "reciprocity are not judged."
    ),
    "positions": (
        "Actors present in both mappings (same id) whose degree (distinct partners) or "
        "betweenness (normalised) in the analyses differ; sorted by the size of the "
        "change, degree first."
    ),
    "roles": (
        "Broker: an actor named by a 'broker' finding of the analysis. Cut point: "
        "is_cut_point of the analysis (an articulation point of the collaboration graph)."
    ),
    "findings": (
        "Findings are matched by kind, the set of actors and the set of sectors; those left "
        "over by kind and subject (the sector pair of a missing link, the sector of a group "
        "of isolated, peripheral or sector-closed actors, the need and level of a coverage "
        "gap, the actor of a cut point, the ends of a bridge, the two actors of an "
        "unreciprocated report), so that a finding whose list of actors changed is still "
        "open. Resolved: only in the old analysis; new: only in the new one; still open: "
        "in both."
    ),
}


# --- actors ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ActorRef:
    """An actor as a comparison lists it."""

    id: str
    name: str
    sector: str


@dataclass(frozen=True)
class ActorEdit:
    """An actor kept under the same id whose name or sector changed."""

    id: str
    name_before: str
    name_after: str
    sector_before: str
    sector_after: str


@dataclass(frozen=True)
class IdSuggestion:
    """A removed and an added actor that are probably one actor whose id changed."""

    old_id: str
    new_id: str
    old_name: str
    new_name: str
    old_sector: str
    new_sector: str

    @property
    def same_sector(self) -> bool:
        return self.old_sector == self.new_sector


@dataclass(frozen=True)
class ActorChanges:
    added: tuple[ActorRef, ...]
    removed: tuple[ActorRef, ...]
    edited: tuple[ActorEdit, ...]
    id_suggestions: tuple[IdSuggestion, ...]


def _ref(actor: Actor) -> ActorRef:
    return ActorRef(actor.id, actor.name, actor.sector)


def diff_actors(old: Network, new: Network) -> ActorChanges:
    """Actors added, removed and edited (by id), and likely id changes (by name).

    >>> from graphnet.model import Actor, Network
    >>> old = Network(actors=(Actor("p1", "Poradna Lhota", "school_counselling"),))
    >>> new = Network(actors=(Actor("PPP-1", "poradna  lhota", "school_counselling"),))
    >>> d = diff_actors(old, new)
    >>> [a.id for a in d.added], [a.id for a in d.removed]
    (['PPP-1'], ['p1'])
    >>> [(s.old_id, s.new_id) for s in d.id_suggestions]
    [('p1', 'PPP-1')]
    """
    old_ids, new_ids = set(old.actor_ids), set(new.actor_ids)
    added = tuple(_ref(new.actor(i)) for i in sorted(new_ids - old_ids))
    removed = tuple(_ref(old.actor(i)) for i in sorted(old_ids - new_ids))
    edited = []
    for actor_id in sorted(old_ids & new_ids):
        before, after = old.actor(actor_id), new.actor(actor_id)
        if before.name != after.name or before.sector != after.sector:
            edited.append(ActorEdit(actor_id, before.name, after.name, before.sector, after.sector))
    added_by_name: dict[str, list[ActorRef]] = defaultdict(list)
    for ref in added:
        added_by_name[normalize(ref.name)].append(ref)
    suggestions = [
        IdSuggestion(gone.id, came.id, gone.name, came.name, gone.sector, came.sector)
        for gone in removed
        for came in added_by_name.get(normalize(gone.name), [])
    ]
    return ActorChanges(added, removed, tuple(edited), tuple(suggestions))


# --- links ----------------------------------------------------------------------------

LinkKey = tuple[str, str, str]


def link_key(source: str, target: str, kind: str) -> LinkKey:
    """The identity of a link: ``(source, target, kind)``, ends sorted for undirected kinds.

    >>> link_key("b", "a", "cooperation"), link_key("b", "a", "referral")
    (('a', 'b', 'cooperation'), ('b', 'a', 'referral'))
    """
    if kind not in DIRECTED_KINDS and target < source:
        source, target = target, source
    return (source, target, kind)


Arrays = tuple[IdIndex, LinkArrays, LinkArrays]


def _arrays(old: Network, new: Network) -> Arrays:
    old_links, new_links = links_of(old), links_of(new)
    index = IdIndex.of(old, new, links=[old_links, new_links])
    return index, LinkArrays.of(old, index, old_links), LinkArrays.of(new, index, new_links)


def link_weights(network: Network) -> dict[LinkKey, float]:
    """Every link identity of ``network`` with its summed weight (see the module doc).

    >>> from graphnet.model import Actor, Link, Network
    >>> net = Network(actors=(Actor("a", "A", "police"), Actor("b", "B", "health")),
    ...               links=(Link("b", "a", "cooperation", 2.0), Link("a", "b", "cooperation")))
    >>> link_weights(net)
    {('a', 'b', 'cooperation'): 3.0}
    """
    index = IdIndex.of(network)
    side = LinkArrays.of(network, index)
    return {index.decode(key): float(weight) for key, weight in zip(side.keys, side.weights,
                                                                    strict=True)}


def linked_pairs(weights: Iterable[LinkKey]) -> set[tuple[str, str]]:
    """The actor pairs (ends sorted) linked by any kind: the collaboration graph's edges.

    >>> sorted(linked_pairs([("b", "a", "referral"), ("a", "b", "cooperation")]))
    [('a', 'b')]
    """
    return {(a, b) if a < b else (b, a) for a, b, _ in weights}


@dataclass(frozen=True)
class LinkChange:
    """One link gained, lost or re-weighted; a weight is None where the link is absent."""

    source: str
    target: str
    kind: str
    directed: bool
    weight_before: float | None
    weight_after: float | None
    source_name: str
    target_name: str

    @property
    def weight_change(self) -> float:
        return (self.weight_after or 0.0) - (self.weight_before or 0.0)


@dataclass(frozen=True)
class LinkChanges:
    gained: tuple[LinkChange, ...]
    lost: tuple[LinkChange, ...]
    reweighted: tuple[LinkChange, ...]
    links_before: Mapping[str, int]
    links_after: Mapping[str, int]


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return math.isclose(a, b, rel_tol=TOLERANCE, abs_tol=TOLERANCE)


def diff_links(old: Network, new: Network, *, arrays: Arrays | None = None) -> LinkChanges:
    """Links gained, lost and re-weighted, by identity (see the module doc), ordered by
    kind (vocabulary order), source, target."""
    index, before, after = _arrays(old, new) if arrays is None else arrays
    common, in_old, in_new = np.intersect1d(before.keys, after.keys, assume_unique=True,
                                            return_indices=True)
    gained = np.setdiff1d(after.keys, before.keys, assume_unique=True)
    lost = np.setdiff1d(before.keys, after.keys, assume_unique=True)
    differ = ~np.isclose(before.weights[in_old], after.weights[in_new],
                         rtol=TOLERANCE, atol=TOLERANCE)
    names = {a.id: a.name for a in old.actors} | {a.id: a.name for a in new.actors}
    ids = np.array(index.ids, dtype=object)
    directed = [kind in DIRECTED_KINDS for kind in index.kinds]

    def changes(keys: np.ndarray, weights_before: np.ndarray | None,
                weights_after: np.ndarray | None) -> tuple[LinkChange, ...]:
        source, target, kind = index.decode_all(keys)
        sources, targets = ids[source].tolist(), ids[target].tolist()
        w_before = [None] * len(keys) if weights_before is None else weights_before.tolist()
        w_after = [None] * len(keys) if weights_after is None else weights_after.tolist()
        return tuple(
            LinkChange(s, t, index.kinds[k], directed[k], wb, wa, names.get(s, s),
                       names.get(t, t))
            for s, t, k, wb, wa in zip(sources, targets, kind.tolist(), w_before, w_after,
                                       strict=True)
        )

    def per_kind(side: LinkArrays) -> dict[str, int]:
        counts = np.bincount(index.decode_all(side.keys)[2], minlength=len(index.kinds))
        return {kind: int(n) for kind, n in zip(index.kinds, counts, strict=True) if n}

    return LinkChanges(
        gained=changes(gained, None, after.weights[np.searchsorted(after.keys, gained)]),
        lost=changes(lost, before.weights[np.searchsorted(before.keys, lost)], None),
        reweighted=changes(common[differ], before.weights[in_old][differ],
                           after.weights[in_new][differ]),
        links_before=per_kind(before),
        links_after=per_kind(after),
    )


@dataclass(frozen=True)
class KindSummary:
    """Links of one kind: how many before and after, gained, lost and re-weighted."""

    kind: str
    before: int
    after: int
    gained: int
    lost: int
    reweighted: int


def summarise_kinds(links: LinkChanges) -> tuple[KindSummary, ...]:
    """One row per link kind present in either mapping, in vocabulary order."""
    kinds = list(LINK_KINDS.codes)
    present = set(links.links_before) | set(links.links_after)
    kinds = [k for k in kinds if k in present] + sorted(present - set(kinds))

    def count(changes: tuple[LinkChange, ...], kind: str) -> int:
        return sum(1 for c in changes if c.kind == kind)

    return tuple(
        KindSummary(
            kind, links.links_before.get(kind, 0), links.links_after.get(kind, 0),
            count(links.gained, kind), count(links.lost, kind), count(links.reweighted, kind),
        )
        for kind in kinds
    )


# --- sector pairs ---------------------------------------------------------------------


@dataclass(frozen=True)
class SectorPairChange:
    """Linked and possible actor pairs between two sectors (or within one), before and after.

    ``expected`` is whether the optimal model expects the pair to cooperate (from the
    new analysis; None when no analysis was given).
    """

    sector_a: str
    sector_b: str
    linked_before: int
    linked_after: int
    possible_before: int
    possible_after: int
    density_before: float | None
    density_after: float | None
    expected: bool | None = None

    @property
    def density_change(self) -> float | None:
        if self.density_before is None or self.density_after is None:
            return None
        return self.density_after - self.density_before

    @property
    def changed(self) -> bool:
        before = (self.linked_before, self.possible_before)
        return before != (self.linked_after, self.possible_after)


def _sector_pair_counts(
    side: LinkArrays, index: IdIndex, order: Mapping[str, int]
) -> tuple[Counter[tuple[str, str]], Counter[str]]:
    codes = sorted(order, key=order.__getitem__)
    ranks = side.sector_codes(index, order)
    a, b = side.pairs(index)
    first, second = ranks[a], ranks[b]
    known = (first >= 0) & (second >= 0)
    low = np.minimum(first[known], second[known])
    high = np.maximum(first[known], second[known])
    keys, counts, _ = sorted_unique(low * len(codes) + high)
    linked: Counter[tuple[str, str]] = Counter({
        (codes[int(k) // len(codes)], codes[int(k) % len(codes)]): int(n)
        for k, n in zip(keys, counts, strict=True)
    })
    return linked, Counter(side.sector_of.values())


def _possible(sizes: Counter[str], a: str, b: str) -> int:
    return sizes[a] * (sizes[a] - 1) // 2 if a == b else sizes[a] * sizes[b]


def _sector_order(*networks: Network) -> dict[str, int]:
    codes: list[str] = []
    for network in networks:
        codes += [c for c in network.sectors.codes if c not in codes]
    for network in networks:
        codes += sorted({a.sector for a in network.actors} - set(codes))
    return {code: i for i, code in enumerate(codes)}


def diff_sector_pairs(
    old: Network,
    new: Network,
    *,
    arrays: Arrays | None = None,
    expected: Iterable[tuple[str, str]] = (),
) -> tuple[SectorPairChange, ...]:
    """Every sector pair with a possible pair in either mapping, in vocabulary order.

    ``expected`` lists the sector pairs the optimal model expects (either order);
    when empty, ``expected`` is None on every row.
    """
    order = _sector_order(old, new)
    index, before, after = _arrays(old, new) if arrays is None else arrays
    linked_before, sizes_before = _sector_pair_counts(before, index, order)
    linked_after, sizes_after = _sector_pair_counts(after, index, order)
    expected_pairs = {frozenset(p) for p in expected}
    codes = sorted(order, key=order.__getitem__)
    rows = []
    for i, a in enumerate(codes):
        for b in codes[i:]:
            possible_before = _possible(sizes_before, a, b)
            possible_after = _possible(sizes_after, a, b)
            if not (possible_before or possible_after):
                continue
            lb, la = linked_before[(a, b)], linked_after[(a, b)]
            rows.append(SectorPairChange(
                a, b, lb, la, possible_before, possible_after,
                lb / possible_before if possible_before else None,
                la / possible_after if possible_after else None,
                (frozenset((a, b)) in expected_pairs) if expected_pairs else None,
            ))
    return tuple(rows)


# --- network figures ------------------------------------------------------------------


@dataclass(frozen=True)
class FigureChange:
    """One network figure before and after; ``difference`` is None when either is missing."""

    key: str
    before: float | None
    after: float | None

    @property
    def difference(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before

    @property
    def changed(self) -> bool:
        return not _same(self.before, self.after)

    @property
    def better_when(self) -> str | None:
        """"higher", "lower" or None (see :data:`BETTER_WHEN`)."""
        return BETTER_WHEN.get(self.key)

    @property
    def verdict(self) -> str | None:
        """"better", "worse", "same", or None when the figure is not judged or missing."""
        difference = self.difference
        if self.better_when is None or difference is None:
            return None
        if not self.changed:
            return "same"
        return "better" if (difference > 0) == (self.better_when == "higher") else "worse"


#: Figures computed from the collaboration graph of each mapping, in display order.
BASIC_FIGURES = (
    "actors", "links", "linked_pairs", "density", "isolated", "components", "cross_sector_share",
)
#: Figures taken from ``Analysis.network_measures`` when present, in display order.
ANALYSIS_FIGURES = (
    "ei_index", "degree_centralization", "largest_component_share", "average_degree",
    "transitivity", "reciprocity", "sector_modularity",
)
#: Figures taken from ``Analysis.key_players``.
KEY_PLAYER_FIGURES = ("key_players_fragmentation_before", "key_players_fragmentation_after")

#: Which way a figure moves when the network gets better at what networkers want
#: (everyone reachable, sectors talking to each other, no single actor holding it
#: together). Figures not listed (actors, centralisation, reciprocity) are not judged.
BETTER_WHEN: Mapping[str, str] = {
    "links": "higher",
    "linked_pairs": "higher",
    "density": "higher",
    "isolated": "lower",
    "components": "lower",
    "cross_sector_share": "higher",
    "ei_index": "higher",
    "largest_component_share": "higher",
    "average_degree": "higher",
    "transitivity": "higher",
    "sector_modularity": "lower",
    "key_players_fragmentation_before": "lower",
    "key_players_fragmentation_after": "lower",
}


def basic_figures(
    network: Network, arrays: tuple[IdIndex, LinkArrays] | None = None
) -> dict[str, float | None]:
    """The figures of :data:`BASIC_FIGURES` for one mapping (see the module doc).

    >>> from graphnet.model import Actor, Link, Network
    >>> net = Network(actors=(Actor("a", "A", "police"), Actor("b", "B", "health"),
    ...                       Actor("c", "C", "health")), links=(Link("a", "b", "referral"),))
    >>> basic_figures(net)["density"], basic_figures(net)["cross_sector_share"]
    (0.3333333333333333, 1.0)
    """
    if arrays is None:
        index = IdIndex.of(network)
        side = LinkArrays.of(network, index)
    else:
        index, side = arrays
    a, b = side.pairs(index)
    ranks = side.sector_codes(index, _sector_order(network))
    n, linked = int(side.present.sum()), len(a)
    partnered = len(sorted_unique(np.concatenate([a, b]))[0])
    return {
        "actors": n,
        "links": len(side.keys),
        "linked_pairs": linked,
        "density": linked / (n * (n - 1) / 2) if n > 1 else None,
        "isolated": n - partnered,
        "components": side.components(index),
        "cross_sector_share": int((ranks[a] != ranks[b]).sum()) / linked if linked else None,
    }


def _number(value: Any) -> float | None:
    if value is None or isinstance(value, (bool, str)):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else value if isinstance(value, int) else number


def _analysis_figures(analysis: Analysis | None) -> dict[str, float | None]:
    if analysis is None:
        return {}
    measures = analysis.network_measures
    figures = {key: _number(measures.get(key)) for key in ANALYSIS_FIGURES if key in measures}
    key_players = analysis.key_players
    figures["key_players_fragmentation_before"] = _number(key_players.fragmentation_before)
    figures["key_players_fragmentation_after"] = _number(key_players.fragmentation_after)
    return figures


def diff_figures(
    old: Network,
    new: Network,
    *,
    old_analysis: Analysis | None = None,
    new_analysis: Analysis | None = None,
    arrays: Arrays | None = None,
) -> tuple[FigureChange, ...]:
    """Network figures before and after (basic ones always, the others from the analyses)."""
    index, old_side, new_side = _arrays(old, new) if arrays is None else arrays
    before = basic_figures(old, (index, old_side)) | _analysis_figures(old_analysis)
    after = basic_figures(new, (index, new_side)) | _analysis_figures(new_analysis)
    keys = [k for k in (*BASIC_FIGURES, *ANALYSIS_FIGURES, *KEY_PLAYER_FIGURES)
            if k in before or k in after]
    return tuple(FigureChange(k, before.get(k), after.get(k)) for k in keys)


# --- positions and roles --------------------------------------------------------------


@dataclass(frozen=True)
class PositionChange:
    """Degree and betweenness of an actor present in both mappings, before and after."""

    id: str
    name: str
    sector: str
    degree_before: int
    degree_after: int
    betweenness_before: float
    betweenness_after: float

    @property
    def degree_change(self) -> int:
        return self.degree_after - self.degree_before

    @property
    def betweenness_change(self) -> float:
        return self.betweenness_after - self.betweenness_before


def diff_positions(old_analysis: Analysis, new_analysis: Analysis) -> tuple[PositionChange, ...]:
    """Actors (same id in both) whose degree or betweenness changed, biggest change first."""
    before = old_analysis.actors[["degree", "betweenness"]].add_suffix("_before")
    after = new_analysis.actors[["name", "sector", "degree", "betweenness"]].rename(
        columns={"degree": "degree_after", "betweenness": "betweenness_after"})
    joined = after.join(before, how="inner")
    degree_change = joined["degree_after"] - joined["degree_before"]
    betweenness_change = joined["betweenness_after"] - joined["betweenness_before"]
    moved = (degree_change != 0) | (betweenness_change.abs() > TOLERANCE)
    chosen = joined[moved]
    columns = [chosen.index.astype(str).tolist()] + [
        chosen[c].tolist() for c in ("name", "sector", "degree_after", "betweenness_after",
                                     "degree_before", "betweenness_before")
    ]
    rows = [
        PositionChange(actor_id, str(name), str(sector), int(degree_b), int(degree_a),
                       float(betweenness_b), float(betweenness_a))
        for actor_id, name, sector, degree_a, betweenness_a, degree_b, betweenness_b
        in zip(*columns, strict=True)
    ]
    rows.sort(key=lambda c: (-abs(c.degree_change), -abs(c.betweenness_change), c.id))
    return tuple(rows)


@dataclass(frozen=True)
class RoleChange:
    """An actor who started or stopped holding a role ("broker" or "cut_point")."""

    id: str
    name: str
    sector: str
    role: str
    change: str  # "started" or "stopped"


def _brokers(analysis: Analysis) -> set[str]:
    return {a for f in analysis.findings if f.kind == "broker" for a in f.actors}


def _cut_points(analysis: Analysis) -> set[str]:
    column = analysis.actors.get("is_cut_point")
    if column is None:
        return set()
    return {str(i) for i, flag in column.items() if bool(flag)}


def diff_roles(
    old: Network, new: Network, old_analysis: Analysis, new_analysis: Analysis
) -> tuple[RoleChange, ...]:
    """Who started or stopped being a broker or a cut point (actors of either mapping)."""
    rows = []
    for role, held in (("broker", _brokers), ("cut_point", _cut_points)):
        before, after = held(old_analysis), held(new_analysis)
        for change, ids in (("started", after - before), ("stopped", before - after)):
            for actor_id in sorted(ids):
                network = new if new.has_actor(actor_id) else old
                actor = network.actor(actor_id) if network.has_actor(actor_id) else None
                rows.append(RoleChange(
                    actor_id, actor.name if actor else actor_id,
                    actor.sector if actor else "", role, change,
                ))
    return tuple(rows)


# --- findings -------------------------------------------------------------------------


@dataclass(frozen=True)
class FindingChanges:
    """Findings resolved (old only), new (new only) and still open (both; the new version)."""

    resolved: tuple[Finding, ...]
    new: tuple[Finding, ...]
    still_open: tuple[Finding, ...]


def finding_key(finding: Finding) -> tuple[str, frozenset[str], frozenset[str], Any]:
    """What makes two findings the same: kind, set of actors, set of sectors (and the
    subject, which tells apart findings with the same actors, e.g. two coverage gaps)."""
    return (finding.kind, frozenset(finding.actors), frozenset(finding.sectors),
            finding_subject(finding))


def _hashable(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return tuple(_hashable(v) for v in value)
    if isinstance(value, (set, frozenset)):
        return frozenset(_hashable(v) for v in value)
    if isinstance(value, Mapping):
        return tuple(sorted((str(k), _hashable(v)) for k, v in value.items()))
    return value


def finding_subject(finding: Finding) -> Any:
    """What a finding is about, whoever it names: the sector (pair) of a missing link or
    of a group of isolated/peripheral/sector-closed actors, the need × level of a
    coverage gap, the actor of a cut point, the ends of a bridge, the two actors of an
    unreciprocated report. A finding of the same kind and subject whose list of
    actors changed (one more isolated doctor) is still the same open finding.

    >>> from graphnet.analysis import Finding
    >>> finding_subject(Finding("isolated", "high", ("a", "b"), ("health",), {}, {}))
    ('sectors', frozenset({'health'}))
    """
    figures, kind = finding.figures, finding.kind
    if kind in _SUBJECT_IS_SECTORS:
        return ("sectors", frozenset(finding.sectors))
    if kind == "coverage_gap":
        return ("need_level", figures.get("need"), figures.get("level"))
    if kind in _SUBJECT_IS_KIND:
        return ("kind",)
    if kind == "cut_point" and finding.actors:
        return ("actor", figures.get("actor", finding.actors[0]))
    if kind == "bridge" and len(finding.actors) >= 2:
        return ("link", frozenset(_hashable(figures.get("link", finding.actors[:2]))))
    if kind == "unreciprocated":
        if "reported_by" in figures:
            return ("report", figures.get("reported_by"), figures.get("not_reported_by"))
        return ("more",)
    return ("actors", frozenset(finding.actors), frozenset(finding.sectors))


_SUBJECT_IS_SECTORS = frozenset({
    "missing_sector_link", "absent_sector", "isolated", "peripheral", "sector_closed",
})
_SUBJECT_IS_KIND = frozenset({"provider_far_from_child_protection", "key_players"})


def diff_findings(old_analysis: Analysis, new_analysis: Analysis) -> FindingChanges:
    """Findings resolved, new and still open, in the order of their analysis.

    Matched first by kind + actors + sectors (see :func:`finding_key`), then what is
    left by kind + subject (see :func:`finding_subject`); each finding matches at
    most one.
    """
    old_findings, new_findings = list(old_analysis.findings), list(new_analysis.findings)
    matched_old: set[int] = set()
    matched_new: set[int] = set()
    for key in (finding_key, lambda f: (f.kind, finding_subject(f))):
        waiting: dict[Any, list[int]] = defaultdict(list)
        for i, finding in enumerate(old_findings):
            if i not in matched_old:
                waiting[key(finding)].append(i)
        for j, finding in enumerate(new_findings):
            if j in matched_new:
                continue
            candidates = waiting.get(key(finding))
            if candidates:
                matched_old.add(candidates.pop(0))
                matched_new.add(j)
    return FindingChanges(
        resolved=tuple(f for i, f in enumerate(old_findings) if i not in matched_old),
        new=tuple(f for j, f in enumerate(new_findings) if j not in matched_new),
        still_open=tuple(f for j, f in enumerate(new_findings) if j in matched_new),
    )


# --- the whole comparison -------------------------------------------------------------


@dataclass(frozen=True)
class MappingInfo:
    """Which mapping a side of the comparison is."""

    name: str | None
    mapped_on: Any
    source: str | None

    @classmethod
    def of(cls, network: Network) -> MappingInfo:
        return cls(network.name, network.mapped_on, network.source)


@dataclass(frozen=True)
class Comparison:
    """Everything that changed between two mappings (see the module doc)."""

    old: Network
    new: Network
    old_info: MappingInfo
    new_info: MappingInfo
    actors: ActorChanges
    links: LinkChanges
    kinds: tuple[KindSummary, ...]
    sector_pairs: tuple[SectorPairChange, ...]
    figures: tuple[FigureChange, ...]
    positions: tuple[PositionChange, ...]
    roles: tuple[RoleChange, ...]
    findings: FindingChanges
    sectors: Vocabulary
    analysed: bool = True
    new_analysis: Analysis | None = field(default=None, repr=False, compare=False)
    conventions: Mapping[str, str] = field(default_factory=lambda: dict(CONVENTIONS))

    def to_dict(self, generated_at: str | None = None) -> dict[str, Any]:
        """The comparison as JSON-ready data (schema :data:`SCHEMA`, documented in
        ``docs/compare-schema.md``); ``generated_at`` is the only field that varies
        between two runs on the same input."""
        return {
            "schema": SCHEMA,
            "generated_at": generated_at,
            "graphnet_version": __version__,
            "old": _mapping_dict(self.old_info, self.old, self._figure("links").before),
            "new": _mapping_dict(self.new_info, self.new, self._figure("links").after),
            "has_changes": self.has_changes,
            "analysed": self.analysed,
            "actors": {
                "added": _records(self.actors.added),
                "removed": _records(self.actors.removed),
                "edited": _records(self.actors.edited),
                "id_suggestions": [
                    record | {"same_sector": s.same_sector}
                    for record, s in zip(_records(self.actors.id_suggestions),
                                         self.actors.id_suggestions, strict=True)
                ],
            },
            "links": {
                "gained": [_link_dict(c) for c in self.links.gained],
                "lost": [_link_dict(c) for c in self.links.lost],
                "reweighted": [_link_dict(c) for c in self.links.reweighted],
            },
            "links_by_kind": _records(self.kinds),
            "sector_pairs": [
                record | {"density_change": p.density_change}
                for record, p in zip(_records(self.sector_pairs), self.sector_pairs, strict=True)
            ],
            "figures": [
                {"key": f.key, "before": f.before, "after": f.after, "difference": f.difference,
                 "better_when": f.better_when, "verdict": f.verdict}
                for f in self.figures
            ],
            "positions": [
                record | {"degree_change": p.degree_change,
                          "betweenness_change": p.betweenness_change}
                for record, p in zip(_records(self.positions), self.positions, strict=True)
            ],
            "roles": _records(self.roles),
            "findings": {
                "resolved": [_finding_dict(f) for f in self.findings.resolved],
                "new": [_finding_dict(f) for f in self.findings.new],
                "still_open": [_finding_dict(f) for f in self.findings.still_open],
            },
            "conventions": dict(self.conventions),
        }

    def _figure(self, key: str) -> FigureChange:
        return next(f for f in self.figures if f.key == key)

    @property
    def has_changes(self) -> bool:
        """True when anything at all differs between the two mappings."""
        return bool(
            self.actors.added or self.actors.removed or self.actors.edited
            or self.links.gained or self.links.lost or self.links.reweighted
            or any(p.changed for p in self.sector_pairs)
            or any(f.changed for f in self.figures)
            or self.positions or self.roles
            or self.findings.resolved or self.findings.new
        )


def _expected_pairs(analysis: Analysis | None) -> list[tuple[str, str]]:
    if analysis is None or "expected" not in analysis.sector_pairs:
        return []
    table = analysis.sector_pairs
    return [
        (str(a), str(b))
        for a, b, flag in zip(table["sector_a"], table["sector_b"], table["expected"], strict=True)
        if bool(flag)
    ]


def compare_networks(old: Network, new: Network) -> Comparison:
    """The parts of a comparison that need only the two networks: actors, links,
    sector pairs and the basic figures; no positions, roles or findings
    (``analysed`` is False).

    >>> from graphnet.model import Actor, Network
    >>> net = Network(actors=(Actor("a", "OSPOD", "child_protection"),))
    >>> compare_networks(net, net).has_changes
    False
    """
    return _comparison(old, new, None, None)


def compare(
    old: Network,
    new: Network,
    *,
    old_analysis: Analysis | None = None,
    new_analysis: Analysis | None = None,
    model: Any = None,
    parallel: bool | None = None,
) -> Comparison:
    """Compare two mappings of the same network; analyses are computed when not given.

    Pass the analyses when you already have them (a report computed them) to save
    their time; ``model`` is the optimal model for the analyses computed here (the
    shipped one when None). Analyses computed here skip the suggested links
    (``analyse(..., top_suggestions=0)``): no comparison output uses them. When
    both analyses are needed, ``parallel`` runs them side by side in two
    processes, so the comparison takes about as long as one analysis when a
    second core is free. Default (None): parallel for networks of
    at least :data:`PARALLEL_ABOVE` actors when the machine has a core to spare
    (its one-minute load average is at least one below its number of cores); a
    busy core gains nothing and costs a copy of the data. Neither network is changed.

    >>> import graphnet
    >>> old = graphnet.load("datasets/orp-horni-lhota-2025")  # doctest: +SKIP
    >>> new = graphnet.load("datasets/orp-horni-lhota-2026")  # doctest: +SKIP
    >>> comparison = compare(old, new)  # doctest: +SKIP
    >>> [f.key for f in comparison.figures][:3]  # doctest: +SKIP
    ['actors', 'links', 'linked_pairs']
    """
    if old_analysis is None and new_analysis is None:
        old_analysis, new_analysis = _analyse_both(old, new, model, parallel)
    elif old_analysis is None or new_analysis is None:
        old_analysis = _analyse(old, model) if old_analysis is None else old_analysis
        new_analysis = _analyse(new, model) if new_analysis is None else new_analysis
    return _comparison(old, new, old_analysis, new_analysis)


def _spare_core() -> bool:
    try:
        return os.getloadavg()[0] <= (os.cpu_count() or 1) - 1
    except OSError:  # no load average on this system
        return False


#: From this many actors (both mappings together) the two analyses may run in parallel.
PARALLEL_ABOVE = 4000


def _analyse(network: Network, model: Any) -> Analysis:
    """The analysis a comparison needs: everything but the suggested links, which no
    comparison shows (generating their candidates takes seconds on a large network)."""
    return analyse(network, model=model, top_suggestions=0)


#: What a forked worker analyses (network, model): set just before the fork, so the
#: child inherits it rather than receiving a pickled copy of the whole network.
_FORKED: tuple[Network, Any] | None = None


def _analyse_forked() -> dict[str, Any]:
    """In the worker: the analysis of :data:`_FORKED` as its fields, the network left
    out. The parent has the network; pickling 30,000 actors and their links there
    and back would cost seconds the parent spends waiting."""
    assert _FORKED is not None, "only called in a process forked by _analyse_both"
    analysis = _analyse(*_FORKED)
    return {f.name: getattr(analysis, f.name) for f in fields(analysis) if f.name != "network"}


def _analyse_both(old: Network, new: Network, model: Any,
                  parallel: bool | None) -> tuple[Analysis, Analysis]:
    """Both analyses; the new one in a forked worker process when ``parallel``."""
    global _FORKED
    can_fork = "fork" in multiprocessing.get_all_start_methods() and (os.cpu_count() or 1) > 1
    if parallel is None:
        parallel = (can_fork and len(old.actors) + len(new.actors) >= PARALLEL_ABOVE
                    and _spare_core())
    if not (parallel and can_fork):
        return _analyse(old, model), _analyse(new, model)
    context = multiprocessing.get_context("fork")
    _FORKED = (new, model)
    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
            later = pool.submit(_analyse_forked)
            old_analysis = _analyse(old, model)
            return old_analysis, Analysis(network=new, **later.result())
    finally:
        _FORKED = None


def _comparison(
    old: Network, new: Network, old_analysis: Analysis | None, new_analysis: Analysis | None
) -> Comparison:
    arrays = _arrays(old, new)
    links = diff_links(old, new, arrays=arrays)
    positions: tuple[PositionChange, ...] = ()
    roles: tuple[RoleChange, ...] = ()
    findings = FindingChanges((), (), ())
    analysed = old_analysis is not None and new_analysis is not None
    if old_analysis is not None and new_analysis is not None:
        positions = diff_positions(old_analysis, new_analysis)
        roles = diff_roles(old, new, old_analysis, new_analysis)
        findings = diff_findings(old_analysis, new_analysis)
    return Comparison(
        old=old,
        new=new,
        old_info=MappingInfo.of(old),
        new_info=MappingInfo.of(new),
        actors=diff_actors(old, new),
        links=links,
        kinds=summarise_kinds(links),
        sector_pairs=diff_sector_pairs(
            old, new, arrays=arrays, expected=_expected_pairs(new_analysis),
        ),
        figures=diff_figures(
            old, new, old_analysis=old_analysis, new_analysis=new_analysis,
            arrays=arrays,
        ),
        positions=positions,
        roles=roles,
        findings=findings,
        sectors=_merged_sectors(old, new),
        analysed=analysed,
        new_analysis=new_analysis,
    )


def _merged_sectors(old: Network, new: Network) -> Vocabulary:
    extra = [term for term in old.sectors if term.code not in new.sectors]
    return new.sectors.with_terms(extra) if extra else new.sectors


def _mapping_dict(info: MappingInfo, network: Network, links: float | None) -> dict[str, Any]:
    mapped_on = info.mapped_on.isoformat() if info.mapped_on is not None else None
    return {
        "name": info.name,
        "mapped_on": mapped_on,
        "source": info.source,
        "actors": len(network.actors),
        "links": links,
    }


def _records(items: Sequence[Any]) -> list[dict[str, Any]]:
    """Flat dataclass records (fields of plain values only) as dicts, in field order:
    what :func:`dataclasses.asdict` gives for them, without its recursive deep copy,
    which took seconds over the 100,000 records of a national comparison."""
    if not items:
        return []
    names = [f.name for f in fields(items[0])]
    return [{name: getattr(item, name) for name in names} for item in items]


def _link_dict(change: LinkChange) -> dict[str, Any]:
    return {
        "source": change.source,
        "target": change.target,
        "kind": change.kind,
        "directed": change.directed,
        "weight_before": change.weight_before,
        "weight_after": change.weight_after,
        "source_name": change.source_name,
        "target_name": change.target_name,
        "weight_change": change.weight_change,
    }


def _finding_dict(finding: Finding) -> dict[str, Any]:
    return {
        "kind": finding.kind,
        "severity": finding.severity,
        "actors": list(finding.actors),
        "sectors": list(finding.sectors),
        "figures": dict(finding.figures),
        "text": dict(finding.text),
    }
