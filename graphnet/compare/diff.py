"""What changed between two mappings of the same network: actors, links, sector pairs,
network figures, positions and roles (findings: :mod:`graphnet.compare.findings`).

Each ``diff_*`` function takes the two networks (or their analyses) and returns
records of :mod:`graphnet.compare.records`; :func:`graphnet.compare.compare` puts
them together. Nothing is rendered here and nothing is merged silently.

Conventions (also in :data:`graphnet.compare.comparison.CONVENTIONS` and in every
output):

- **Actor identity** is the actor id. An actor whose id is only in the new mapping
  is *added*, only in the old one *removed*. When a removed and an added actor have
  the same name (folded with :func:`graphnet.vocab.normalize`), the pair is listed
  as a *suggestion* that the id changed; it is never merged.
- **Links are ties** (:mod:`graphnet.ties`): a link's identity is ``(source,
  target, kind)`` with the ends ordered as written for the directed kinds
  (referral, information) and sorted for the undirected ones (meeting,
  cooperation), one per tie of the layer compared (``working`` by default: every
  reported link, co-attendance at the platform left out; ``platform``; ``all``),
  its weight the two ends' reports combined by the rule (``max`` by default),
  never added up: OSPOD's 24 referrals to SAS Rodina and SAS Rodina's 20 from
  OSPOD are one link of weight 24. Self-loops do not count. A link is *gained*
  when its identity is only in the new mapping, *lost* when only in the old one,
  *re-weighted* when in both with a different weight.
- **Sector pairs** count linked actor pairs on the collaboration graph (a pair
  linked by any kind counts once) against the possible pairs (``n_a·n_b``, or
  ``n(n−1)/2`` within one sector), each mapping with its own actors and sectors.
- **Figures** actors, links, linked pairs, density, isolated actors, components and
  cross-sector share come from the collaboration graph of each mapping; E-I,
  centralisation and key-player fragmentation from the two analyses.

>>> from graphnet.model import Actor, Link, Network
>>> old = Network(actors=(Actor("a", "OSPOD", "child_protection"), Actor("b", "ZŠ", "education")))
>>> new = Network(actors=old.actors, links=(Link("b", "a", "cooperation", 2.0, reported_by="a"),
...                                         Link("a", "b", "cooperation", 1.0, reported_by="b")))
>>> changes = diff_links(old, new)
>>> [(c.source, c.target, c.kind, c.weight_before, c.weight_after) for c in changes.gained]
[('a', 'b', 'cooperation', None, 2.0)]
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

import numpy as np

from graphnet.analysis import Analysis
from graphnet.compare.linkarrays import IdIndex, LinkArrays, links_of, sorted_unique
from graphnet.compare.records import (
    TOLERANCE,
    ActorChanges,
    ActorEdit,
    ActorRef,
    FigureChange,
    IdSuggestion,
    KindSummary,
    LinkChange,
    LinkChanges,
    LinkKey,
    PositionChange,
    RoleChange,
    SectorPairChange,
)
from graphnet.compare.sides import DATA_FIGURES
from graphnet.model import Actor, Network
from graphnet.ties import tie_list, tie_view
from graphnet.vocab import DIRECTED_KINDS, LINK_KINDS, normalize

__all__ = [
    "Arrays",
    "tie_network",
    "BASIC_FIGURES",
    "ANALYSIS_FIGURES",
    "KEY_PLAYER_FIGURES",
    "link_key",
    "link_arrays",
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
]


# --- actors ---------------------------------------------------------------------------


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


def link_key(source: str, target: str, kind: str) -> LinkKey:
    """The identity of a link: ``(source, target, kind)``, ends sorted for undirected kinds.

    >>> link_key("b", "a", "cooperation"), link_key("b", "a", "referral")
    (('a', 'b', 'cooperation'), ('b', 'a', 'referral'))
    """
    if kind not in DIRECTED_KINDS and target < source:
        source, target = target, source
    return (source, target, kind)


#: The links of both mappings as sorted integer keys over one id index (see
#: :mod:`graphnet.compare.linkarrays`): made once, shared by the diffs below.
Arrays = tuple[IdIndex, LinkArrays, LinkArrays]


def tie_network(network: Network, layer: str = "working", combine: str = "max") -> Network:
    """``network`` with one link per tie of ``layer``, reports combined by ``combine``
    (:func:`graphnet.ties.tie_view`); an analysis of it holds the same as its ``view``.

    >>> from graphnet.model import Actor, Link, Network
    >>> net = Network(actors=(Actor("o", "OSPOD", "child_protection"),
    ...                       Actor("s", "SAS", "social_services")),
    ...               links=(Link("o", "s", "referral", 24, reported_by="o"),
    ...                      Link("o", "s", "referral", 20, reported_by="s")))
    >>> [link.weight for link in tie_network(net).links]
    [24.0]
    """
    return tie_view(network, tie_list(network, combine), layer)


def link_arrays(old: Network, new: Network, *, as_ties: bool = True, layer: str = "working",
                combine: str = "max") -> Arrays:
    """Both mappings' ties over one shared index of actor ids and kinds. ``old`` and
    ``new`` are the data as given (``as_ties``: their ties of ``layer`` under
    ``combine`` are taken), or tie views already (``as_ties=False``: every link of
    theirs is one tie, as :attr:`graphnet.analysis.Analysis.view` holds them).

    >>> from graphnet.model import Actor, Link, Network
    >>> net = Network(actors=(Actor("a", "A", "police"), Actor("b", "B", "health")),
    ...               links=(Link("b", "a", "cooperation"),))
    >>> index, before, after = link_arrays(net, net)
    >>> len(before.keys), len(after.keys)
    (1, 1)
    """
    if as_ties:
        old, new = tie_network(old, layer, combine), tie_network(new, layer, combine)
    old_links, new_links = links_of(old), links_of(new)
    index = IdIndex.of(old, new, links=[old_links, new_links])
    return index, LinkArrays.of(old, index, old_links), LinkArrays.of(new, index, new_links)


def link_weights(network: Network, layer: str = "working",
                 combine: str = "max") -> dict[LinkKey, float]:
    """Every tie of ``network`` (of ``layer``) with its combined weight (see the module doc).

    >>> from graphnet.model import Actor, Link, Network
    >>> net = Network(actors=(Actor("a", "A", "police"), Actor("b", "B", "health")),
    ...               links=(Link("b", "a", "cooperation", 2.0, reported_by="a"),
    ...                      Link("a", "b", "cooperation", reported_by="b")))
    >>> link_weights(net), link_weights(net, combine="mean")
    ({('a', 'b', 'cooperation'): 2.0}, {('a', 'b', 'cooperation'): 1.5})
    """
    network = tie_network(network, layer, combine)
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


def diff_links(old: Network, new: Network, *, arrays: Arrays | None = None) -> LinkChanges:
    """Links gained, lost and re-weighted, by identity (see the module doc), ordered by
    kind (vocabulary order), source, target."""
    index, before, after = link_arrays(old, new) if arrays is None else arrays
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
    index, before, after = link_arrays(old, new) if arrays is None else arrays
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


def basic_figures(
    network: Network, arrays: tuple[IdIndex, LinkArrays] | None = None,
    unknown: Iterable[str] = (),
) -> dict[str, float | None]:
    """The figures of :data:`BASIC_FIGURES` for one mapping (see the module doc):
    ``network`` is the data as given (its working ties are taken) unless ``arrays``
    are its ties already. An ``unknown`` actor (did not answer, named by nobody) with
    no partner is not isolated: nothing is known of it (as in the analysis).

    >>> from graphnet.model import Actor, Link, Network
    >>> net = Network(actors=(Actor("a", "A", "police"), Actor("b", "B", "health"),
    ...                       Actor("c", "C", "health")), links=(Link("a", "b", "referral"),))
    >>> basic_figures(net)["density"], basic_figures(net)["cross_sector_share"]
    (0.3333333333333333, 1.0)
    """
    if arrays is None:
        network = tie_network(network)
        index = IdIndex.of(network)
        side = LinkArrays.of(network, index)
    else:
        index, side = arrays
    a, b = side.pairs(index)
    ranks = side.sector_codes(index, _sector_order(network))
    n, linked = int(side.present.sum()), len(a)
    partners = sorted_unique(np.concatenate([a, b]))[0]
    unknown_codes = [index.code[u] for u in unknown if u in index.code]
    unknown_alone = int((~np.isin(np.array(unknown_codes, dtype=np.int64), partners)).sum())
    partnered = len(partners)
    return {
        "actors": n,
        "links": len(side.keys),
        "linked_pairs": linked,
        "density": linked / (n * (n - 1) / 2) if n > 1 else None,
        "isolated": n - partnered - unknown_alone,
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
    unknown: tuple[Iterable[str], Iterable[str]] = ((), ()),
    data: tuple[Mapping[str, Any], Mapping[str, Any]] = ({}, {}),
) -> tuple[FigureChange, ...]:
    """Network figures before and after (basic ones always, the others from the
    analyses; ``data``: the figures about the data of each side,
    :func:`graphnet.compare.sides.data_figures`)."""
    index, old_side, new_side = link_arrays(old, new) if arrays is None else arrays
    before = (basic_figures(old, (index, old_side), unknown[0])
              | _analysis_figures(old_analysis) | dict(data[0]))
    after = (basic_figures(new, (index, new_side), unknown[1])
             | _analysis_figures(new_analysis) | dict(data[1]))
    keys = [k for k in (*BASIC_FIGURES, *ANALYSIS_FIGURES, *KEY_PLAYER_FIGURES, *DATA_FIGURES)
            if k in before or k in after]
    return tuple(FigureChange(k, before.get(k), after.get(k)) for k in keys)


# --- positions and roles --------------------------------------------------------------


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
