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
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from graphnet import __version__
from graphnet.analysis import Analysis, Finding
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
    "link_table",
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


def link_table(network: Network) -> pd.DataFrame:
    """Every link identity of ``network`` with its summed weight, one row each: columns
    source, target, kind, weight, sorted (see the module doc). Vectorised: a national
    mapping has a few hundred thousand links.

    >>> from graphnet.model import Actor, Link, Network
    >>> net = Network(actors=(Actor("a", "A", "police"), Actor("b", "B", "health")),
    ...               links=(Link("b", "a", "cooperation", 2.0), Link("a", "b", "cooperation")))
    >>> link_table(net).to_dict("records")
    [{'source': 'a', 'target': 'b', 'kind': 'cooperation', 'weight': 3.0}]
    """
    links = [link for link in network.all_links() if not link.is_self_loop]
    frame = pd.DataFrame({
        "source": pd.Series([link.source for link in links], dtype=object),
        "target": pd.Series([link.target for link in links], dtype=object),
        "kind": pd.Series([link.kind for link in links], dtype=object),
        "weight": pd.Series([float(link.weight) for link in links], dtype=float),
    })
    swap = (~frame["kind"].isin(DIRECTED_KINDS) & (frame["source"] > frame["target"])).to_numpy()
    if swap.any():
        source, target = frame["source"].to_numpy(), frame["target"].to_numpy()
        frame["source"] = np.where(swap, target, source)
        frame["target"] = np.where(swap, source, target)
    table = frame.groupby(["source", "target", "kind"], sort=True, as_index=False)["weight"]
    return table.sum()


def link_weights(network: Network) -> dict[LinkKey, float]:
    """Every link identity of ``network`` with its summed weight (see the module doc)."""
    table = link_table(network)
    return {
        (source, target, kind): float(weight)
        for source, target, kind, weight in table.itertuples(index=False, name=None)
    }


def linked_pairs(weights: Iterable[LinkKey]) -> set[tuple[str, str]]:
    """The actor pairs (ends sorted) linked by any kind: the collaboration graph's edges.

    >>> sorted(linked_pairs([("b", "a", "referral"), ("a", "b", "cooperation")]))
    [('a', 'b')]
    """
    return {(a, b) if a < b else (b, a) for a, b, _ in weights}


def _pair_frame(table: pd.DataFrame) -> pd.DataFrame:
    """The linked pairs of a link table (ends sorted, each pair once): columns a, b."""
    source, target = table["source"].to_numpy(), table["target"].to_numpy()
    first = source < target
    pairs = pd.DataFrame({"a": np.where(first, source, target),
                          "b": np.where(first, target, source)})
    return pairs.drop_duplicates(ignore_index=True)


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


def diff_links(
    old: Network,
    new: Network,
    *,
    old_table: pd.DataFrame | None = None,
    new_table: pd.DataFrame | None = None,
) -> LinkChanges:
    """Links gained, lost and re-weighted, by identity (see the module doc);
    ``old_table``/``new_table`` are the :func:`link_table` when already computed."""
    before = link_table(old) if old_table is None else old_table
    after = link_table(new) if new_table is None else new_table
    both = before.merge(after, on=["source", "target", "kind"], how="outer",
                        suffixes=("_before", "_after"), indicator=True)
    names = {a.id: a.name for a in old.actors} | {a.id: a.name for a in new.actors}
    order = _kind_order(both["kind"])
    both["kind_rank"] = both["kind"].map(order)
    both = both.sort_values(["kind_rank", "source", "target"], kind="stable")

    def changes(rows: pd.DataFrame) -> tuple[LinkChange, ...]:
        return tuple(
            LinkChange(
                source, target, kind, kind in DIRECTED_KINDS,
                None if math.isnan(w_before) else float(w_before),
                None if math.isnan(w_after) else float(w_after),
                names.get(source, source), names.get(target, target),
            )
            for source, target, kind, w_before, w_after in rows[
                ["source", "target", "kind", "weight_before", "weight_after"]
            ].itertuples(index=False, name=None)
        )

    in_both = both[both["_merge"] == "both"]
    differ = ~np.isclose(in_both["weight_before"].to_numpy(dtype=float),
                         in_both["weight_after"].to_numpy(dtype=float),
                         rtol=TOLERANCE, atol=TOLERANCE)
    return LinkChanges(
        gained=changes(both[both["_merge"] == "right_only"]),
        lost=changes(both[both["_merge"] == "left_only"]),
        reweighted=changes(in_both[differ]),
        links_before={str(k): int(n) for k, n in before["kind"].value_counts().items()},
        links_after={str(k): int(n) for k, n in after["kind"].value_counts().items()},
    )


def _kind_order(kinds_present: Iterable[str]) -> dict[str, int]:
    kinds = list(LINK_KINDS.codes)
    kinds += sorted(set(kinds_present) - set(kinds))
    return {kind: i for i, kind in enumerate(kinds)}


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
    kinds = [k for k in LINK_KINDS.codes]
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
    network: Network, pairs: pd.DataFrame, order: Mapping[str, int]
) -> tuple[Counter[tuple[str, str]], Counter[str]]:
    sector_of = {actor.id: actor.sector for actor in network.actors}
    first = pairs["a"].map(sector_of)
    second = pairs["b"].map(sector_of)
    known = first.notna() & second.notna()
    first, second = first[known], second[known]
    swap = (first.map(order) > second.map(order)).to_numpy()
    a = np.where(swap, second.to_numpy(), first.to_numpy())
    b = np.where(swap, first.to_numpy(), second.to_numpy())
    linked: Counter[tuple[str, str]] = Counter()
    if len(a):
        counts = pd.DataFrame({"a": a, "b": b}).value_counts()
        linked.update({(str(x), str(y)): int(n) for (x, y), n in counts.items()})
    return linked, Counter(sector_of.values())


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
    old_table: pd.DataFrame | None = None,
    new_table: pd.DataFrame | None = None,
    expected: Iterable[tuple[str, str]] = (),
) -> tuple[SectorPairChange, ...]:
    """Every sector pair with a possible pair in either mapping, in vocabulary order.

    ``expected`` lists the sector pairs the optimal model expects (either order);
    when empty, ``expected`` is None on every row.
    """
    order = _sector_order(old, new)
    old_pairs = _pair_frame(link_table(old) if old_table is None else old_table)
    new_pairs = _pair_frame(link_table(new) if new_table is None else new_table)
    linked_before, sizes_before = _sector_pair_counts(old, old_pairs, order)
    linked_after, sizes_after = _sector_pair_counts(new, new_pairs, order)
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
    network: Network, table: pd.DataFrame | None = None
) -> dict[str, float | None]:
    """The figures of :data:`BASIC_FIGURES` for one mapping (see the module doc);
    ``table`` is its :func:`link_table` when already computed.

    >>> from graphnet.model import Actor, Link, Network
    >>> net = Network(actors=(Actor("a", "A", "police"), Actor("b", "B", "health"),
    ...                       Actor("c", "C", "health")), links=(Link("a", "b", "referral"),))
    >>> basic_figures(net)["density"], basic_figures(net)["cross_sector_share"]
    (0.3333333333333333, 1.0)
    """
    table = link_table(network) if table is None else table
    pairs = _pair_frame(table)
    sector_of = {actor.id: actor.sector for actor in network.actors}
    ends = pd.unique(np.concatenate([pairs["a"].to_numpy(), pairs["b"].to_numpy()]))
    nodes = list(dict.fromkeys([*sector_of, *ends]))
    n, linked = len(nodes), len(pairs)
    crossing = int((pairs["a"].map(sector_of) != pairs["b"].map(sector_of)).sum())
    return {
        "actors": n,
        "links": len(table),
        "linked_pairs": linked,
        "density": linked / (n * (n - 1) / 2) if n > 1 else None,
        "isolated": n - len(ends),
        "components": _components(nodes, pairs),
        "cross_sector_share": crossing / linked if linked else None,
    }


def _components(nodes: list[str], pairs: pd.DataFrame) -> int:
    """Connected components of the undirected graph (nodes, pairs), isolated nodes too."""
    if not nodes:
        return 0
    index = pd.Index(nodes)
    rows, cols = index.get_indexer(pairs["a"]), index.get_indexer(pairs["b"])
    matrix = coo_matrix((np.ones(len(pairs)), (rows, cols)), shape=(len(nodes), len(nodes)))
    count, _ = connected_components(matrix, directed=False)
    return int(count)


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
    old_table: pd.DataFrame | None = None,
    new_table: pd.DataFrame | None = None,
) -> tuple[FigureChange, ...]:
    """Network figures before and after (basic ones always, the others from the analyses)."""
    before = basic_figures(old, old_table) | _analysis_figures(old_analysis)
    after = basic_figures(new, new_table) | _analysis_figures(new_analysis)
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
    rows = [
        PositionChange(str(actor_id), str(name), str(sector), int(degree_b), int(degree_a),
                       float(betweenness_b), float(betweenness_a))
        for actor_id, name, sector, degree_a, betweenness_a, degree_b, betweenness_b
        in joined[moved][["name", "sector", "degree_after", "betweenness_after",
                          "degree_before", "betweenness_before"]].itertuples(name=None)
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
                "added": [asdict(a) for a in self.actors.added],
                "removed": [asdict(a) for a in self.actors.removed],
                "edited": [asdict(a) for a in self.actors.edited],
                "id_suggestions": [
                    asdict(s) | {"same_sector": s.same_sector} for s in self.actors.id_suggestions
                ],
            },
            "links": {
                "gained": [_link_dict(c) for c in self.links.gained],
                "lost": [_link_dict(c) for c in self.links.lost],
                "reweighted": [_link_dict(c) for c in self.links.reweighted],
            },
            "links_by_kind": [asdict(k) for k in self.kinds],
            "sector_pairs": [
                asdict(p) | {"density_change": p.density_change} for p in self.sector_pairs
            ],
            "figures": [
                {"key": f.key, "before": f.before, "after": f.after, "difference": f.difference,
                 "better_when": f.better_when, "verdict": f.verdict}
                for f in self.figures
            ],
            "positions": [
                asdict(p) | {"degree_change": p.degree_change,
                             "betweenness_change": p.betweenness_change}
                for p in self.positions
            ],
            "roles": [asdict(r) for r in self.roles],
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
) -> Comparison:
    """Compare two mappings of the same network; analyses are computed when not given.

    Pass the analyses when you already have them (a report computed them) to save
    their time; ``model`` is the optimal model for the analyses computed here (the
    shipped one when None). Neither network is changed.

    >>> import graphnet
    >>> old = graphnet.load("datasets/orp-horni-lhota-2025")  # doctest: +SKIP
    >>> new = graphnet.load("datasets/orp-horni-lhota-2026")  # doctest: +SKIP
    >>> comparison = compare(old, new)  # doctest: +SKIP
    >>> [f.key for f in comparison.figures][:3]  # doctest: +SKIP
    ['actors', 'links', 'linked_pairs']
    """
    if old_analysis is None or new_analysis is None:
        from graphnet.analysis import analyse

        old_analysis = analyse(old, model=model) if old_analysis is None else old_analysis
        new_analysis = analyse(new, model=model) if new_analysis is None else new_analysis
    return _comparison(old, new, old_analysis, new_analysis)


def _comparison(
    old: Network, new: Network, old_analysis: Analysis | None, new_analysis: Analysis | None
) -> Comparison:
    old_table, new_table = link_table(old), link_table(new)
    links = diff_links(old, new, old_table=old_table, new_table=new_table)
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
            old, new, old_table=old_table, new_table=new_table,
            expected=_expected_pairs(new_analysis),
        ),
        figures=diff_figures(
            old, new, old_analysis=old_analysis, new_analysis=new_analysis,
            old_table=old_table, new_table=new_table,
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


def _link_dict(change: LinkChange) -> dict[str, Any]:
    return asdict(change) | {"weight_change": change.weight_change}


def _finding_dict(finding: Finding) -> dict[str, Any]:
    return {
        "kind": finding.kind,
        "severity": finding.severity,
        "actors": list(finding.actors),
        "sectors": list(finding.sectors),
        "figures": dict(finding.figures),
        "text": dict(finding.text),
    }
