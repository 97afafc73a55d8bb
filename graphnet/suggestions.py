"""Link suggestions: pairs of actors not yet linked, across sectors the optimal model
expects to cooperate, ranked, each with its reasons in words.

Candidates (bounded, never all n² pairs):

- *shared partners*: pairs two steps apart on the collaboration graph (one sparse
  matrix product);
- *sector gaps*: for an actor with no partner in a sector the model expects it
  to work with, up to :data:`GAP_CANDIDATES` actors of that sector in the same
  ORP (same municipality first, then the best connected), for at most
  :data:`GAP_SECTORS` such sectors per actor. This is how an isolated actor gets
  suggestions at all.

Only pairs across two sectors the model expects to cooperate are kept. The score
(conventions in :data:`CONVENTIONS`) adds:

- ``WEIGHTS["expected"]`` when the model expects the two sectors to cooperate
  (always so for a candidate; :func:`pair_features` scores any pair);
- ``WEIGHTS["resource_allocation"]`` × resource allocation (Σ 1/deg of shared partners)
  and ``WEIGHTS["adamic_adar"]`` × Adamic–Adar (Σ 1/log deg);
- ``WEIGHTS["log_degree_product"]`` × log((1 + deg u)(1 + deg v)): actors who
  already work with many others take on a new partner more readily
  (preferential attachment);
- ``WEIGHTS["sector_rate"]`` × log((L + 1) / (E + 1)), where L is the number of
  links between the two ends' sectors in the whole network and E = D_a·D_b / 2m
  the number their sectors' total degrees D_a, D_b would give by chance (m
  links): sectors that already work together more than their size of network
  predicts are likelier to add a link. With the degree term this is the log of a
  degree-corrected stochastic block model's link rate, the signal shared
  partners miss inside one ORP, where OSPOD is a shared partner of nearly
  every pair;
- ``WEIGHTS["sector_deficit"]`` × how far the pair's two sectors fall short of the
  model within their ORP (1 when not a single pair of them is linked there; for a
  pair below ``min_density``, 1 − density/min_density);
- ``WEIGHTS["lacks_partner"]`` for each end with no partner in the other's sector;
- ``WEIGHTS["isolated"]`` for each end with no link at all;
- ``WEIGHTS["same_orp"]`` when both ends serve the same ORP, and
  ``WEIGHTS["same_municipality"]`` more when they are in the same municipality.

The weights were set on synthetic networks (``benchmarks/bench_suggestions.py``,
tuned on seeds 100–109, reported on seeds 0–9): shared partners (resource
allocation weighs more than Adamic–Adar: it discounts a hub such as OSPOD more),
same ORP, well-connected ends and sectors that already work together predict
real links; the
model's expectation, the sector deficit and the ends' lack of partners are what
the suggestion is *for*, and weigh less so that the ranking still finds links
that are likely to work. The list keeps at most ``per_actor`` suggestions for
any one actor, and keeps up to a quarter of its places for the best candidate
of each isolated actor.

>>> from graphnet.model import Actor, Link, Network
>>> net = Network(actors=(
...     Actor("o", "OSPOD", "child_protection", orp="L"),
...     Actor("z", "ZŠ Komenského", "education", orp="L"),
...     Actor("s", "SAS", "social_services", orp="L")),
...     links=(Link("o", "z", "cooperation"), Link("o", "s", "cooperation")))
>>> best = suggest(net)[0]
>>> sorted([best.source, best.target]), best.reasons["en"].split("; ")[0]
(['s', 'z'], 'shared partners: OSPOD')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from graphnet.findings import name_list, subject_first
from graphnet.graphs import collaboration_graph
from graphnet.i18n import LANGUAGES, t
from graphnet.model import Network
from graphnet.optimal_model import OptimalModel, default_model

__all__ = ["Suggestion", "Action", "group_actions", "CONVENTIONS", "WEIGHTS", "GAP_CANDIDATES",
           "GAP_SECTORS", "suggest", "candidates", "score", "pair_features", "adamic_adar_pairs"]


@dataclass(frozen=True)
class Suggestion:
    """A recommended new link between two actors not yet linked, with its reasons."""

    source: str
    target: str
    score: float
    reasons: Mapping[str, str]
    figures: Mapping[str, Any] = field(default_factory=dict)
    #: The sector pair (codes, as in ``Analysis.sector_pairs``) of the gap this link
    #: would close, or None when it closes no reported gap.
    gap: tuple[str, str] | None = None


@dataclass(frozen=True)
class Action:
    """Something a networker can organise that closes (part of) a gap: one meeting
    of the actors named, instead of several separate pair suggestions.

    ``sectors`` is the gap's sector pair (codes); ``actors`` the actor ids to bring
    together, in the order named; ``suggestions`` the indexes (into the analysis's
    ``suggestions``) this action covers; ``texts`` one sentence per language.
    The planning instrument an action belongs to is the model's business
    (looked up by sector pair where the report groups actions).
    """

    sectors: tuple[str, str]
    actors: tuple[str, ...]
    suggestions: tuple[int, ...]
    texts: Mapping[str, str]


#: How much each reason adds to a suggestion's score.
WEIGHTS: Mapping[str, float] = {
    "expected": 0.5,
    "adamic_adar": 0.5,
    "resource_allocation": 1.0,
    "log_degree_product": 1.0,
    "sector_rate": 1.0,
    "same_orp": 3.0,
    "same_municipality": 0.25,
    "sector_deficit": 0.25,
    "lacks_partner": 0.1,
    "isolated": 0.1,
}
#: At most this many same-ORP partners proposed for one actor and one missing sector.
GAP_CANDIDATES = 5
#: At most this many missing sectors per actor looked at for gap candidates.
GAP_SECTORS = 3
#: Shared partners named in a reason.
SHARED_SHOWN = 3

CONVENTIONS = {
    "suggestions": (
        "Pairs not yet linked across sectors the optimal model expects to cooperate. "
        "Candidates: pairs two steps apart, and for an actor with no partner in an expected "
        f"sector up to {GAP_CANDIDATES} actors of that sector in its ORP (same municipality "
        f"first, then best connected; at most {GAP_SECTORS} sectors per actor). Score = "
        + " + ".join(f"{w:g} x {k}" for k, w in WEIGHTS.items())
        + ", where resource_allocation = sum of 1/deg and adamic_adar = sum of 1/log(deg) "
        "over shared partners; log_degree_product = log((1+deg u)(1+deg v)) (preferential "
        "attachment); sector_rate = log((L+1)/(E+1)), L = links between the two sectors in "
        "the network, E = D_a*D_b/2m = the links their total degrees would give by chance "
        "(with the degree term, a degree-corrected block model); sector_deficit = how far "
        "the two sectors fall short of the model within the ORP (1 with no link at all, "
        "else 1 - density/min_density, 0 when met); lacks_partner and isolated count the "
        "ends; same_orp and same_municipality are 0 or 1. Weights tuned on synthetic "
        "networks, seeds 100-109 (benchmarks/bench_suggestions.py). At most per_actor "
        "suggestions per actor (default 3); up to a quarter of the list kept for the best "
        "candidate of each isolated actor; ties by actor order."
    ),
}


@dataclass(frozen=True)
class _Arrays:
    """The network as index arrays (actor i = ``ids[i]``)."""

    ids: list[str]
    adjacency: sp.csr_array
    degree: np.ndarray
    sector: np.ndarray
    sectors: list[str]
    orp: np.ndarray
    municipality: np.ndarray


def _arrays(network: Network, graph: nx.Graph) -> _Arrays:
    ids = [actor.id for actor in network.actors]
    position = {actor_id: i for i, actor_id in enumerate(ids)}
    rows: list[int] = []
    cols: list[int] = []
    # each link from both of its ends: both halves of the symmetric matrix
    for u, partners in graph.adjacency():
        i = position.get(u)
        if i is None:
            continue
        found = [position[v] for v in partners if v != u and v in position]
        rows += [i] * len(found)
        cols += found
    n = len(ids)
    adjacency = sp.csr_array((np.ones(len(rows)), (np.asarray(rows, dtype=np.int64),
                                                   np.asarray(cols, dtype=np.int64))),
                             shape=(n, n))
    adjacency.sum_duplicates()
    adjacency.data[:] = 1.0
    sectors = sorted({actor.sector for actor in network.actors})
    sector_index = {code: i for i, code in enumerate(sectors)}
    places: dict[str | None, int] = {None: -1}

    def code(value: str | None) -> int:
        return places.setdefault(value, len(places))

    return _Arrays(
        ids=ids,
        adjacency=adjacency,
        degree=np.asarray(adjacency.sum(axis=1)).ravel().astype(np.int64),
        sector=np.asarray([sector_index[a.sector] for a in network.actors], dtype=np.int64),
        sectors=sectors,
        orp=np.asarray([code(a.orp) for a in network.actors], dtype=np.int64),
        municipality=np.asarray([code(a.municipality) for a in network.actors], dtype=np.int64),
    )


def _upper(product: sp.csr_array) -> tuple[np.ndarray, np.ndarray]:
    """Keys (i·n + j) and values of the entries above the diagonal, sorted by key."""
    n = product.shape[0]
    matrix = sp.csr_array(product)
    matrix.sum_duplicates()  # also sorts each row's columns: keys come out sorted
    coo = matrix.tocoo()
    above = coo.row < coo.col
    return coo.row[above].astype(np.int64) * n + coo.col[above], coo.data[above]


def _pattern_order(matrix: sp.csr_array) -> np.ndarray:
    """The permutation of ``matrix.indices`` that sorts the columns within each row."""
    rows = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    return np.lexsort((matrix.indices, rows))


def adamic_adar_pairs(adjacency: sp.csr_array
                      ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Every pair i < j two steps apart and not linked, with its Adamic–Adar score
    (Σ 1/log deg over shared partners), resource allocation (Σ 1/deg) and number of
    shared partners: ``(i, j, adamic_adar, resource_allocation, shared)``, by (i, j).

    >>> a = sp.csr_array(np.array([[0, 1, 1], [1, 0, 0], [1, 0, 0]], dtype=float))
    >>> i, j, aa, ra, shared = adamic_adar_pairs(a)
    >>> i.tolist(), j.tolist(), [round(x, 4) for x in aa.tolist()], ra.tolist(), shared.tolist()
    ([1], [2], [1.4427], [0.5], [1])
    """
    n = adjacency.shape[0]
    degree = np.asarray(adjacency.sum(axis=1)).ravel()
    # A shared partner has degree 2 or more, so 1/log(deg) is finite wherever it counts.
    inverse_log = 1.0 / np.log(np.maximum(degree, 2))
    inverse = 1.0 / np.maximum(degree, 1)
    paths = sp.csr_array(adjacency @ adjacency)
    aa_paths = sp.csr_array(adjacency @ sp.diags_array(inverse_log) @ adjacency)
    ra_paths = sp.csr_array(adjacency @ sp.diags_array(inverse) @ adjacency)
    if all(np.array_equal(paths.indptr, other.indptr)
           and np.array_equal(paths.indices, other.indices) for other in (aa_paths, ra_paths)):
        # The three products share one pattern (the weights are positive), stored in
        # one order: sort it once and carry the scores along.
        order = _pattern_order(paths)
        paths.indices, paths.data = paths.indices[order], paths.data[order]
        aa_paths = sp.csr_array((aa_paths.data[order], paths.indices, paths.indptr),
                                shape=paths.shape)
        ra_paths = sp.csr_array((ra_paths.data[order], paths.indices, paths.indptr),
                                shape=paths.shape)
        for product in (paths, aa_paths, ra_paths):
            product.has_sorted_indices = True
    keys, shared = _upper(paths)
    aa_keys, aa = _upper(aa_paths)
    ra_keys, ra = _upper(ra_paths)
    if not (np.array_equal(aa_keys, keys) and np.array_equal(ra_keys, keys)):
        aa = aa[np.searchsorted(aa_keys, keys)] if len(keys) else aa
        ra = ra[np.searchsorted(ra_keys, keys)] if len(keys) else ra
    linked_keys, _ = _upper(adjacency)
    keep = (shared > 0) & ~np.isin(keys, linked_keys)
    keys = keys[keep]
    return (keys // n, keys % n, aa[keep].astype(float), ra[keep].astype(float),
            np.rint(shared[keep]).astype(np.int64))


def _expected_matrix(arrays: _Arrays, model: OptimalModel) -> np.ndarray:
    k = len(arrays.sectors)
    expected = np.zeros((k, k), dtype=bool)
    for x, a in enumerate(arrays.sectors):
        for y, b in enumerate(arrays.sectors):
            expected[x, y] = model.expects(a, b) is not None
    return expected


def _partner_sectors(arrays: _Arrays) -> np.ndarray:
    """n × sectors: how many partners of each sector each actor has."""
    n, k = len(arrays.ids), len(arrays.sectors)
    one_hot = sp.csr_array((np.ones(n), (np.arange(n), arrays.sector)), shape=(n, k))
    return np.asarray((arrays.adjacency @ one_hot).todense())


def _sector_rate(arrays: _Arrays) -> np.ndarray:
    """sectors × sectors: log((L + 1) / (E + 1)), L = links between the two sectors,
    E = D_a·D_b / 2m = links their total degrees would give by chance.

    >>> a = _Arrays(["x", "y", "z"], sp.csr_array(np.array([[0., 1, 0], [1, 0, 0], [0, 0, 0]])),
    ...             np.array([1, 1, 0]), np.array([0, 1, 1]), ["p", "q"], np.zeros(3, int),
    ...             np.zeros(3, int))
    >>> np.round(_sector_rate(a), 4).tolist()  # L = 1, E = 1·1/2
    [[-0.4055, 0.2877], [0.2877, -0.4055]]
    """
    n, k = len(arrays.ids), len(arrays.sectors)
    one_hot = sp.csr_array((np.ones(n), (np.arange(n), arrays.sector)), shape=(n, k))
    links = np.asarray((one_hot.T @ arrays.adjacency @ one_hot).todense(), dtype=float)
    np.fill_diagonal(links, np.diag(links) / 2)  # a link inside a sector counted from both ends
    ends = np.asarray(arrays.adjacency.sum(axis=0)).ravel() @ one_hot.todense()
    ends = np.asarray(ends, dtype=float).ravel()
    chance = np.outer(ends, ends) / max(float(ends.sum()), 1.0)
    return np.asarray(np.log((links + 1.0) / (chance + 1.0)), dtype=float)


def _sector_deficit(arrays: _Arrays, model: OptimalModel) -> dict[tuple[int, int, int], float]:
    """How far each (orp, sector, sector) falls short of the model (only those that do)."""
    coo = sp.triu(arrays.adjacency, k=1).tocoo()
    frame = pd.DataFrame({"orp": arrays.orp[coo.row],
                          "a": np.minimum(arrays.sector[coo.row], arrays.sector[coo.col]),
                          "b": np.maximum(arrays.sector[coo.row], arrays.sector[coo.col])})
    frame = frame[(frame["orp"] == arrays.orp[coo.col]) & (frame["a"] != frame["b"])]
    linked = frame.groupby(["orp", "a", "b"]).size().to_dict()
    sizes = pd.DataFrame({"orp": arrays.orp, "s": arrays.sector}).groupby(["orp", "s"]).size()
    present: dict[int, list[tuple[int, int]]] = {}
    for (orp, sector), count in sizes.items():
        present.setdefault(int(orp), []).append((int(sector), int(count)))
    deficit: dict[tuple[int, int, int], float] = {}
    for orp, members in present.items():
        for x, (a, na) in enumerate(members):
            for b, nb in members[x + 1:]:
                lo, hi = min(a, b), max(a, b)
                pair = model.expects(arrays.sectors[lo], arrays.sectors[hi])
                if pair is None:
                    continue
                count = linked.get((orp, lo, hi), 0)
                # A full deficit (1.0) means no link at all: the reason in words says so.
                if count == 0:
                    deficit[(orp, lo, hi)] = 1.0
                elif count < pair.at_least:
                    deficit[(orp, lo, hi)] = 1.0 - count / pair.at_least
                elif pair.min_density:
                    density = count / (na * nb)
                    if density < pair.min_density:
                        deficit[(orp, lo, hi)] = 1.0 - density / pair.min_density
    return deficit


def _gap_pairs(arrays: _Arrays, expected: np.ndarray, partners: np.ndarray,
               deficit: Mapping[tuple[int, int, int], float]) -> np.ndarray:
    """Same-ORP candidates for actors lacking a partner in an expected sector, as an
    array of (i, j) rows with i < j (may repeat)."""
    by_place: dict[tuple[int, int], list[int]] = {}
    by_municipality: dict[tuple[int, int, int], list[int]] = {}
    for i in np.lexsort((np.arange(len(arrays.ids)), -arrays.degree)).tolist():
        place = (int(arrays.orp[i]), int(arrays.sector[i]))
        members = by_place.setdefault(place, [])
        if len(members) < 2 * GAP_CANDIDATES:  # only the best connected are proposed
            members.append(i)
        if arrays.municipality[i] != -1:
            local = by_municipality.setdefault((*place, int(arrays.municipality[i])), [])
            if len(local) < GAP_CANDIDATES:
                local.append(i)
    lacking_all = expected[arrays.sector] & (partners == 0)  # n × sectors
    found: list[tuple[int, int]] = []
    for i in np.flatnonzero(lacking_all.any(axis=1)).tolist():
        s, orp, muni = int(arrays.sector[i]), int(arrays.orp[i]), int(arrays.municipality[i])
        lacking = [x for x in np.flatnonzero(lacking_all[i]).tolist() if (orp, x) in by_place]
        lacking.sort(key=lambda x: (-deficit.get((orp, min(s, x), max(s, x)), 0.0), x))
        for x in lacking[:GAP_SECTORS]:
            chosen = list(by_municipality.get((orp, x, muni), [])) if muni != -1 else []
            for j in by_place[(orp, x)]:
                if len(chosen) >= GAP_CANDIDATES:
                    break
                if j not in chosen:
                    chosen.append(j)
            found.extend((min(i, j), max(i, j)) for j in chosen if j != i)
    return np.asarray(found, dtype=np.int64).reshape(-1, 2)


def candidates(network: Network, model: OptimalModel | None = None, *,
               collaboration: nx.Graph | None = None) -> pd.DataFrame:
    """Every candidate pair with its features and score, best first.

    Columns: source, target (actor ids, source before target in network order),
    then the features of :func:`pair_features`, then score.
    """
    model = model or default_model()
    graph = collaboration if collaboration is not None else collaboration_graph(network)
    context = _Context.of(network, model, graph)
    arrays = context.arrays
    n = len(arrays.ids)
    i, j, aa, ra, shared = adamic_adar_pairs(arrays.adjacency)
    keep = context.expected[arrays.sector[i], arrays.sector[j]]
    two_step = i[keep] * n + j[keep]
    gaps = _gap_pairs(arrays, context.expected, context.partners, context.deficit)
    if len(gaps):
        unlinked = np.asarray(arrays.adjacency[gaps[:, 0], gaps[:, 1]]).ravel() == 0
        gaps = gaps[unlinked]
    gap_keys = np.unique(gaps[:, 0] * n + gaps[:, 1])
    at = np.searchsorted(two_step, gap_keys)
    in_two_step = (at < len(two_step)) & (two_step[np.minimum(at, len(two_step) - 1)]
                                          == gap_keys) if len(two_step) else \
        np.zeros(len(gap_keys), dtype=bool)
    gap_keys = gap_keys[~in_two_step]  # those share no partner
    keys = np.concatenate([two_step, gap_keys])
    known = (np.concatenate([aa[keep], np.zeros(len(gap_keys))]),
             np.concatenate([ra[keep], np.zeros(len(gap_keys))]),
             np.concatenate([shared[keep], np.zeros(len(gap_keys), dtype=np.int64)]))
    src, dst = keys // n, keys % n
    frame = pd.DataFrame({"source": [arrays.ids[k] for k in src.tolist()],
                          "target": [arrays.ids[k] for k in dst.tolist()],
                          **context.features(src, dst, known)})
    frame["score"] = score(frame)
    frame["_i"], frame["_j"] = src, dst
    frame = frame.sort_values(["score", "_i", "_j"], ascending=[False, True, True],
                              kind="mergesort").drop(columns=["_i", "_j"])
    return frame.reset_index(drop=True)


def pair_features(network: Network, pairs: Iterable[tuple[str, str]],
                  model: OptimalModel | None = None, *,
                  collaboration: nx.Graph | None = None) -> pd.DataFrame:
    """The features of any actor pairs (ids), one row per pair, for scoring them.

    Columns: adamic_adar, resource_allocation, shared_partners, log_degree_product,
    sector_rate, expected (the model expects the two sectors to cooperate),
    sector_deficit, lacks_source, lacks_target, isolated_source, isolated_target,
    same_municipality, same_orp.
    """
    model = model or default_model()
    graph = collaboration if collaboration is not None else collaboration_graph(network)
    context = _Context.of(network, model, graph)
    position = {actor_id: k for k, actor_id in enumerate(context.arrays.ids)}
    pairs = list(pairs)
    src = np.asarray([position[a] for a, _ in pairs], dtype=np.int64)
    dst = np.asarray([position[b] for _, b in pairs], dtype=np.int64)
    return pd.DataFrame(context.features(src, dst))


@dataclass(frozen=True)
class _Context:
    arrays: _Arrays
    expected: np.ndarray
    partners: np.ndarray
    deficit: Mapping[tuple[int, int, int], float]
    inverse_log: np.ndarray
    inverse: np.ndarray
    sector_rate: np.ndarray

    @classmethod
    def of(cls, network: Network, model: OptimalModel, graph: nx.Graph) -> _Context:
        arrays = _arrays(network, graph)
        degree = arrays.degree.astype(float)
        with np.errstate(divide="ignore"):
            inverse_log = np.where(degree > 1, 1.0 / np.log(np.maximum(degree, 2)), 0.0)
        inverse = np.where(degree > 0, 1.0 / np.maximum(degree, 1), 0.0)
        return cls(arrays, _expected_matrix(arrays, model), _partner_sectors(arrays),
                   _sector_deficit(arrays, model), inverse_log, inverse, _sector_rate(arrays))

    def features(self, src: np.ndarray, dst: np.ndarray,
                 known: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
                 ) -> dict[str, Any]:
        """Features of the pairs (src[k], dst[k]); ``known`` = (adamic_adar,
        resource_allocation, shared) when already computed."""
        arrays = self.arrays
        if known is not None:
            aa, ra, shared = known
        elif len(src):
            common = arrays.adjacency[src].multiply(arrays.adjacency[dst]).tocsr()
            aa = np.asarray(common @ self.inverse_log).ravel()
            ra = np.asarray(common @ self.inverse).ravel()
            shared = np.asarray(common.sum(axis=1)).ravel().astype(np.int64)
        else:
            aa = ra = np.zeros(0)
            shared = np.zeros(0, dtype=np.int64)
        sa, sb = arrays.sector[src], arrays.sector[dst]
        same_orp = (arrays.orp[src] == arrays.orp[dst]) & (arrays.orp[src] != -1)
        same_municipality = (arrays.municipality[src] == arrays.municipality[dst]) & \
            (arrays.municipality[src] != -1)
        k = len(arrays.sectors)
        codes = {(o * k + a) * k + b: v for (o, a, b), v in self.deficit.items()}
        lo, hi = np.minimum(sa, sb), np.maximum(sa, sb)
        keys = (arrays.orp[src] * k + lo) * k + hi
        pair_deficit = pd.Series(keys).map(codes).fillna(0.0).to_numpy(dtype=float)
        return {
            "adamic_adar": aa,
            "resource_allocation": ra,
            "shared_partners": shared,
            "log_degree_product": np.log1p(arrays.degree[src]) + np.log1p(arrays.degree[dst]),
            "sector_rate": self.sector_rate[sa, sb],
            "expected": self.expected[sa, sb],
            "sector_deficit": np.where(same_orp, pair_deficit, 0.0),
            "lacks_source": self.partners[src, sb] == 0,
            "lacks_target": self.partners[dst, sa] == 0,
            "isolated_source": arrays.degree[src] == 0,
            "isolated_target": arrays.degree[dst] == 0,
            "same_municipality": same_municipality,
            "same_orp": same_orp,
        }


def score(features: pd.DataFrame) -> np.ndarray:
    """The score of each row of a feature table (see the module doc)."""
    w = WEIGHTS
    return np.asarray(
        w["expected"] * features["expected"].astype(float)
        + w["resource_allocation"] * features["resource_allocation"]
        + w["log_degree_product"] * features["log_degree_product"]
        + w["sector_rate"] * features["sector_rate"]
        + w["adamic_adar"] * features["adamic_adar"]
        + w["sector_deficit"] * features["sector_deficit"]
        + w["lacks_partner"] * (features["lacks_source"].astype(float)
                                + features["lacks_target"].astype(float))
        + w["isolated"] * (features["isolated_source"].astype(float)
                           + features["isolated_target"].astype(float))
        + w["same_municipality"] * features["same_municipality"].astype(float)
        + w["same_orp"] * features["same_orp"].astype(float),
        dtype=float)


def suggest(network: Network, model: OptimalModel | None = None, *,
            collaboration: nx.Graph | None = None, top: int = 50,
            per_actor: int = 3) -> list[Suggestion]:
    """The ``top`` best new links, each with a score, its figures and its reasons in
    Czech and English (see the module doc).

    Ranked by score, at most ``per_actor`` per actor. An isolated actor has no
    shared partners, so it would rarely make the list on score alone: up to a
    quarter of the list is kept for the best candidate of each isolated actor
    (best scores first); the rest is filled by score. ``top`` 0 (or less) returns
    an empty list at once, without building the candidates.
    """
    if top <= 0:  # nothing asked for: spare the candidate generation, seconds at scale
        return []
    model = model or default_model()
    graph = collaboration if collaboration is not None else collaboration_graph(network)
    table = candidates(network, model, collaboration=graph)
    sources = table["source"].tolist()
    targets = table["target"].tolist()
    lonely_source = table["isolated_source"].to_numpy(dtype=bool)
    lonely_target = table["isolated_target"].to_numpy(dtype=bool)
    chosen: list[int] = []
    count: dict[str, int] = {}

    def take(index: int) -> None:
        for end in (sources[index], targets[index]):
            count[end] = count.get(end, 0) + 1
        chosen.append(index)

    reserved = top // 4
    helped: set[str] = set()
    for index in np.flatnonzero(lonely_source | lonely_target).tolist():
        if len(chosen) >= reserved:
            break
        lonely = {end for end, flag in ((sources[index], lonely_source[index]),
                                        (targets[index], lonely_target[index])) if flag}
        if not lonely & helped:
            helped |= lonely
            take(index)
    taken = set(chosen)
    for index in range(len(sources)):
        if len(chosen) >= top:
            break
        if index in taken or count.get(sources[index], 0) >= per_actor \
                or count.get(targets[index], 0) >= per_actor:
            continue
        take(index)
    rows = [{str(k): v for k, v in table.iloc[index].to_dict().items()}
            for index in sorted(chosen)]
    return [_suggestion(network, model, graph, row) for row in rows]


def _suggestion(network: Network, model: OptimalModel, graph: nx.Graph,
                row: Mapping[str, Any]) -> Suggestion:
    a, b = network.actor(row["source"]), network.actor(row["target"])
    # The end that needs the link more (fewer partners) is named first.
    if (graph.degree(b.id), b.id) < (graph.degree(a.id), a.id):
        a, b = b, a
        row = {**row, "lacks_source": row["lacks_target"], "lacks_target": row["lacks_source"],
               "isolated_source": row["isolated_target"],
               "isolated_target": row["isolated_source"],
               "source": a.id, "target": b.id}
    shared = sorted(set(graph[a.id]) & set(graph[b.id]),
                    key=lambda x: (graph.degree(x), network.actor(x).name.casefold(), x))
    figures = {
        "score": round(float(row["score"]), 6),
        "shared_partners": shared,
        "adamic_adar": round(float(row["adamic_adar"]), 6),
        "resource_allocation": round(float(row["resource_allocation"]), 6),
        "sector_deficit": round(float(row["sector_deficit"]), 6),
        "source_lacks_partner_in_target_sector": bool(row["lacks_source"]),
        "target_lacks_partner_in_source_sector": bool(row["lacks_target"]),
        "source_isolated": bool(row["isolated_source"]),
        "target_isolated": bool(row["isolated_target"]),
        "same_municipality": bool(row["same_municipality"]),
        "same_orp": bool(row["same_orp"]),
        "sectors": [a.sector, b.sector],
    }
    reasons = {lang: "; ".join(_reasons(network, a.id, b.id, shared, row, lang))
               for lang in LANGUAGES}
    return Suggestion(a.id, b.id, round(float(row["score"]), 6), reasons, figures)


def _reasons(network: Network, a_id: str, b_id: str, shared: Iterable[str],
             row: Mapping[str, Any], lang: str) -> list[str]:
    a, b = network.actor(a_id), network.actor(b_id)
    first, second = subject_first(a.sector, b.sector)

    def label(code: str) -> str:
        return network.sectors.label(code, lang)

    said = []
    names = [network.actor(x).name for x in shared]
    if names:
        said.append(t("findings.reason_shared", lang,
                      names=name_list(names, lang, shown=SHARED_SHOWN)))
    said.append(t("findings.reason_model", lang, a=label(first), b=label(second)))
    if row["sector_deficit"] >= 1.0:
        said.append(t("findings.reason_sector_gap", lang, a=label(first), b=label(second)))
    elif row["sector_rate"] > 0:
        said.append(t("findings.reason_sectors_often", lang, a=label(first), b=label(second)))
    for actor, other, isolated, lacks in ((a, b, row["isolated_source"], row["lacks_source"]),
                                          (b, a, row["isolated_target"], row["lacks_target"])):
        if isolated:
            said.append(t("findings.reason_isolated", lang, name=actor.name))
        elif lacks:
            said.append(t("findings.reason_no_partner", lang, name=actor.name,
                          sector=label(other.sector)))
    if row["same_municipality"] and a.municipality:
        said.append(t("findings.reason_same_municipality", lang, place=a.municipality))
    elif row["same_orp"] and a.orp:
        said.append(t("findings.reason_same_orp", lang, place=a.orp))
    return said


def group_actions(network: Network, suggestions: Sequence[Suggestion]) -> list[Action]:
    """The suggestions that close a gap, grouped by the gap's sector pair into one
    action each (gaps in the order of their best suggestion).

    >>> from graphnet.model import Network
    >>> group_actions(Network(actors=()), [])
    []
    """
    groups: dict[tuple[str, str], list[int]] = {}
    for index, suggestion in enumerate(suggestions):
        if suggestion.gap is not None:
            groups.setdefault(suggestion.gap, []).append(index)
    actions = []
    for sectors, indexes in groups.items():
        actors: list[str] = []
        for index in indexes:
            for end in (suggestions[index].source, suggestions[index].target):
                if end not in actors:
                    actors.append(end)
        names = [network.actor(a).name for a in actors]
        texts = {lang: t("findings.action_meeting", lang, names=name_list(names, lang))
                 for lang in LANGUAGES}
        actions.append(Action(sectors, tuple(actors), tuple(indexes), texts))
    return actions
