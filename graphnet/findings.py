"""What the network lacks, as :class:`~graphnet.analysis.Finding` records with a
sentence in Czech and English a networker can read aloud.

:func:`find` puts together every kind of finding, most important first (see
:func:`order_findings`): by severity, and within a severity the biggest finding
of each kind before the second biggest of any, so the first five name five
different weaknesses. Sentences use actor names and sector labels
(Czech labels in Czech) from the message catalogue
(``graphnet/data/messages/findings.yaml``).

Conventions (also in :data:`CONVENTIONS`):

- Isolated, peripheral and sector-closed actors are grouped by sector, one
  finding per sector (columns ``is_isolated``, ``is_peripheral``,
  ``is_sector_closed`` of the actor table).
- Missing links between sectors: for each sector pair the optimal model expects
  to cooperate, "none" (high) when no actor pair is linked (or fewer than
  ``at_least``), "low density" (medium) when linked pairs / possible pairs is
  below ``min_density``. A sector the model expects but nobody represents is an
  ``absent_sector`` finding (low).
- For a network of several ORPs, each expected pair left without any link inside
  ORPs where both sectors are present: one ``missing_sector_link_by_orp``
  finding listing those ORPs (high when so in at least half of them).
- Cut points: an actor whose departure separates others from the largest part
  of what remains of its component; "cut off" are the actors outside that
  largest part. High when 3 or more are cut off or the actor is a
  child-protection actor cutting anyone off, medium for 2, low for 1.
- Bridges: a link whose loss separates at least 2 actors from the rest (a link
  to a lone peripheral actor is reported as peripheral instead); medium.
- Brokers: the actors with the most Gould–Fernandez brokerage roles involving
  another sector (every role but coordinator), up to three; low.
- Findings about how ties were reported (unknown actors, one-sided ties) and
  about the platform layer are in :mod:`graphnet.tie_findings`.
- Coverage gaps (high when the model expects sectors there) and providers far
  from child protection (medium), from :mod:`graphnet.coverage`; only when at
  least one actor lists the needs it covers (otherwise the data says nothing
  about coverage).

>>> from graphnet.model import Actor, Link, Network
>>> net = Network(actors=(Actor("o", "OSPOD Lhota", "child_protection"),
...                       Actor("z", "ZŠ Lhota", "education"),
...                       Actor("s", "SAS Lhota", "social_services")),
...               links=(Link("o", "z", "cooperation"), Link("o", "s", "cooperation")))
>>> [f.text["en"] for f in missing_sector_links(net, sector_pairs_table(net))]
['No school is linked to any social service (0 of 1 possible pairs).']
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

import networkx as nx
import pandas as pd

from graphnet.graphs import collaboration_graph
from graphnet.i18n import LANGUAGES, format_number, format_percent, t
from graphnet.measures import sector_mixing
from graphnet.measures.cuts import find_cuts
from graphnet.measures.keyplayers import KeyPlayers
from graphnet.model import Network
from graphnet.optimal_model import OptimalModel, default_model, with_expectations
from graphnet.vocab import LEVELS, NEEDS
from graphnet.wording import Words, name_list, plural, sector_phrase, subject_first

__all__ = [
    "Finding",
    "CONVENTIONS",
    "KIND_ORDER",
    "SEVERITY_ORDER",
    "find",
    "order_findings",
    "actor_groups",
    "missing_sector_links",
    "missing_links_by_orp",
    "absent_sectors",
    "single_points_of_failure",
    "brokers",
    "key_player_finding",
    "coverage_findings",
    "sector_pairs_table",
    "subject_first",
    "name_list",
    "plural",
]


@dataclass(frozen=True)
class Finding:
    """Something the network lacks, with a sentence a networker can read aloud.

    ``kind`` is one of: isolated, peripheral, sector_closed, missing_sector_link,
    missing_sector_link_by_orp, cut_point, bridge, broker, key_players, coverage_gap,
    provider_far_from_child_protection, absent_sector, and those of
    :mod:`graphnet.tie_findings` (unknown, one_sided, platform_without_work,
    stopped_attending). ``severity`` is
    "high", "medium" or "low".
    ``actors`` and ``sectors`` are the ids and sector codes involved; ``figures``
    the numbers behind the sentence; ``text`` the sentence by language
    (``{"cs": …, "en": …}``).
    """

    kind: str
    severity: str
    actors: tuple[str, ...]
    sectors: tuple[str, ...]
    figures: Mapping[str, Any]
    text: Mapping[str, str]


SEVERITY_ORDER = ("high", "medium", "low")
KIND_ORDER = (
    "missing_sector_link", "missing_sector_link_by_orp", "isolated", "unknown", "cut_point",
    "coverage_gap", "key_players", "bridge", "platform_without_work",
    "provider_far_from_child_protection", "sector_closed", "peripheral", "broker",
    "one_sided", "stopped_attending", "absent_sector",
)

#: At most this many cut points and bridges become findings.
MAX_CUT_POINTS = 10
MAX_BRIDGES = 10
MAX_BROKERS = 3

CONVENTIONS = {
    "findings": (
        "Ordered by severity (high, medium, low); within a severity the biggest finding of "
        "each kind comes first (kinds in the order missing_sector_link, "
        "missing_sector_link_by_orp, isolated, unknown, cut_point, coverage_gap, key_players, "
        "bridge, platform_without_work, provider_far_from_child_protection, sector_closed, "
        "peripheral, broker, one_sided, stopped_attending, absent_sector), then the second "
        "biggest of each, and so on; size = possible pairs, actors cut off, or actors "
        "concerned. Isolated, peripheral and sector-closed actors are grouped by sector."
    ),
    "missing_sector_link": (
        "For each sector pair the optimal model expects: 'none' (high) when fewer than "
        "at_least actor pairs are linked on the collaboration graph, 'low density' (medium) "
        "when linked/possible pairs is below min_density."
    ),
    "missing_sector_link_by_orp": (
        "With several ORPs: ORPs having actors of both sectors of an expected pair but no link "
        "between them among links whose two ends serve that ORP; high when at least half."
    ),
    "cut_point": (
        "Actors cut off by a cut point: those outside the largest part of what remains of its "
        "connected component when it leaves (collaboration graph). Bridges: links whose loss "
        "separates at least 2 actors from the rest."
    ),
    "broker": (
        "Brokers between sectors: most Gould-Fernandez roles involving another sector "
        "(itinerant, representative, gatekeeper, liaison) on the flow graph; top three."
    ),
    "coverage_findings": (
        "Coverage gaps and providers far from child protection are reported only when at "
        "least one actor lists the needs it covers."
    ),
}


# --- isolated, peripheral, sector-closed ----------------------------------------------

_GROUPS = (("is_isolated", "isolated", "high"), ("is_peripheral", "peripheral", "low"),
           ("is_sector_closed", "sector_closed", "medium"))


def actor_groups(network: Network, actors: pd.DataFrame,
                 collaboration: nx.Graph | None = None) -> list[Finding]:
    """Isolated, peripheral and sector-closed actors, one finding per sector and kind.

    Reads the flags of the actor table (``is_isolated``, ``is_peripheral``,
    ``is_sector_closed``); a flag the table lacks gives no finding.
    """
    words = Words(network)
    graph = collaboration if collaboration is not None else collaboration_graph(network)
    found = []
    for column, kind, severity in _GROUPS:
        if column not in actors.columns:
            continue
        flagged = actors[actors[column].fillna(False).astype(bool)]
        for sector in [s for s in network.sectors.codes if s in set(flagged["sector"])]:
            ids = words.by_name(flagged.index[flagged["sector"] == sector].astype(str))
            partner = ""
            if kind == "peripheral" and len(ids) == 1 and ids[0] in graph:
                partner = ", ".join(words.name(p) for p in graph[ids[0]])

            def sentence(lang: str, ids: list[str] = ids, sector: str = sector,
                         kind: str = kind, partner: str = partner) -> str:
                return plural(f"findings.{kind}", lang, len(ids), names=words.names(ids, lang),
                              sector=words.sector_short(sector, lang), partner=partner)

            found.append(Finding(kind, severity, tuple(ids), (sector,),
                                 {"count": len(ids)}, words.each(sentence)))
    return found


# --- missing links between sectors ----------------------------------------------------

def sector_pairs_table(network: Network, model: OptimalModel | None = None) -> pd.DataFrame:
    """The sector mixing table with the model's expectations (as :func:`graphnet.analyse`
    builds it): sector_a, sector_b, linked_pairs, possible_pairs, density, expected,
    at_least, min_density."""
    return with_expectations(sector_mixing(network), model or default_model())


def missing_sector_links(network: Network, sector_pairs: pd.DataFrame) -> list[Finding]:
    """Sector pairs the model expects to cooperate with no or too few links.

    ``sector_pairs`` is the mixing table with the model's columns (``expected``,
    ``at_least``, ``min_density``), as in :attr:`Analysis.sector_pairs`.
    """
    words = Words(network)
    members: dict[str, list[str]] = {}
    for actor in network.actors:
        members.setdefault(actor.sector, []).append(actor.id)
    found = []
    for row in sector_pairs.to_dict("records"):
        if not row["expected"] or row["sector_a"] == row["sector_b"] \
                or not row["possible_pairs"]:
            continue
        linked, possible = int(row["linked_pairs"]), int(row["possible_pairs"])
        at_least = int(row["at_least"]) if pd.notna(row["at_least"]) else 1
        min_density = float(row["min_density"]) if pd.notna(row["min_density"]) else None
        density = linked / possible
        a, b = subject_first(str(row["sector_a"]), str(row["sector_b"]))
        actors = tuple(sorted(members.get(a, []) + members.get(b, [])))
        figures = {"sector_a": a, "sector_b": b, "linked_pairs": linked,
                   "possible_pairs": possible, "density": density, "at_least": at_least,
                   "min_density": min_density}
        if linked == 0 and at_least > 0:
            shortfall, severity = "none", "high"
        elif linked < at_least:
            shortfall, severity = "too_few", "high"
        elif min_density is not None and density < min_density:
            shortfall, severity = "low_density", "medium"
        else:
            continue

        def sentence(lang: str, a: str = a, b: str = b, shortfall: str = shortfall,
                     figures: dict[str, Any] = figures) -> str:
            possible = format_number(figures["possible_pairs"], lang)
            if shortfall == "none":
                return t("findings.missing_link_none", lang, possible=possible,
                         subject=sector_phrase("subject_none", a, words, lang),
                         partner=sector_phrase("partner_none", b, words, lang))
            pair = {"a": words.sector_short(a, lang), "b": words.sector_short(b, lang),
                    "linked": format_number(figures["linked_pairs"], lang),
                    "possible": possible}
            if shortfall == "too_few":
                return t("findings.missing_link_too_few", lang, **pair,
                         expected=plural("findings.pairs", lang, figures["at_least"]))
            return t("findings.missing_link_low_density", lang, **pair,
                     share=format_percent(figures["density"], lang),
                     expected=format_percent(figures["min_density"], lang))

        found.append(Finding("missing_sector_link", severity, actors, (a, b),
                             {**figures, "shortfall": shortfall}, words.each(sentence)))
    return found


def missing_links_by_orp(network: Network, model: OptimalModel,
                         collaboration: nx.Graph | None = None) -> list[Finding]:
    """For a network of several ORPs: each expected sector pair left without a single
    link inside an ORP where both sectors are present, as one finding listing those
    ORPs (high when it is so in at least half of the ORPs having both sectors).

    Only links whose two ends serve the same ORP count; actors without an ORP are
    left out.
    """
    orp_of = {actor.id: actor.orp for actor in network.actors if actor.orp}
    orps = sorted(set(orp_of.values()))
    if len(orps) < 2:
        return []
    graph = collaboration if collaboration is not None else collaboration_graph(network)
    sector_of = {actor.id: actor.sector for actor in network.actors}
    present: dict[str, set[str]] = {}
    for actor_id, orp in orp_of.items():
        present.setdefault(orp, set()).add(sector_of[actor_id])
    linked: set[tuple[str, str, str]] = set()
    # each link seen from both ends (the set keeps it once): no edge view to build
    for u, partners in graph.adjacency():
        own = orp_of.get(u)
        if own is None:
            continue
        mine = sector_of[u]
        for v in partners:
            if orp_of.get(v) == own:
                theirs = sector_of[v]
                linked.add((own, mine, theirs) if mine <= theirs else (own, theirs, mine))
    words = Words(network)
    sectors = [code for code in network.sectors.codes
               if any(code in found for found in present.values())]
    found = []
    for pair in model.expected_pairs(sectors):
        a, b = subject_first(pair.sector_a, pair.sector_b)
        lo, hi = sorted((a, b))
        both = [orp for orp in orps if {a, b} <= present[orp]]
        empty = [orp for orp in both if (orp, lo, hi) not in linked]
        if not empty or pair.at_least < 1:
            continue
        severity = "high" if 2 * len(empty) >= len(both) else "medium"

        def sentence(lang: str, a: str = a, b: str = b, empty: list[str] = empty,
                     both: list[str] = both) -> str:
            return t("findings.missing_link_by_orp", lang,
                     subject=sector_phrase("subject_none", a, words, lang),
                     partner=sector_phrase("partner_none", b, words, lang),
                     n=format_number(len(empty), lang), of=format_number(len(both), lang),
                     orps=name_list(empty, lang))

        found.append(Finding("missing_sector_link_by_orp", severity, (), (a, b),
                             {"sector_a": a, "sector_b": b, "orps": empty,
                              "count": len(empty), "orps_with_both_sectors": len(both)},
                             words.each(sentence)))
    return found


def absent_sectors(network: Network, model: OptimalModel) -> list[Finding]:
    """Sectors the model names in an explicit pair but no actor of the network belongs to
    (only when the network has actors of the partner sector)."""
    words = Words(network)
    present = {actor.sector for actor in network.actors}
    partners: dict[str, set[str]] = {}
    for pair in model.pairs:
        for mine, other in ((pair.sector_a, pair.sector_b), (pair.sector_b, pair.sector_a)):
            if mine not in present and other in present:
                partners.setdefault(mine, set()).add(other)
    found = []
    for sector in sorted(partners, key=lambda s: (network.sectors.codes + [s]).index(s)):
        others = [s for s in network.sectors.codes if s in partners[sector]]
        text = {lang: t("findings.absent_sector", lang, sector=words.sector(sector, lang),
                        partners=words.sectors(others, lang)) for lang in LANGUAGES}
        found.append(Finding("absent_sector", "low", (), (sector, *others),
                             {"partners": others}, text))
    return found


# --- single points of failure ---------------------------------------------------------

def single_points_of_failure(network: Network, collaboration: nx.Graph | None = None,
                             child_protection_sector: str = "child_protection"
                             ) -> list[Finding]:
    """Cut points and bridges, each with who would be cut off
    (:mod:`graphnet.measures.cuts`)."""
    words = Words(network)
    graph = collaboration if collaboration is not None else collaboration_graph(network)
    cuts = find_cuts(graph)
    found = []
    ranked = sorted(cuts.cut_points, key=lambda n: (-cuts.cut_off_count(n), str(n)))
    for node in ranked[:MAX_CUT_POINTS]:
        cut_off = words.by_name(map(str, cuts.cut_off(node)))
        if not cut_off:
            continue
        sector = network.actor(str(node)).sector
        n = len(cut_off)
        protector = sector == child_protection_sector
        severity = "high" if n >= 3 or (protector and n >= 2) else \
            "medium" if n == 2 or protector else "low"

        def cut_sentence(lang: str, node: Any = node, cut_off: list[str] = cut_off) -> str:
            return t("findings.cut_point", lang, name=words.name(str(node)),
                     actors=plural("findings.actors", lang, len(cut_off)),
                     names=words.names(cut_off, lang))

        sectors = tuple(sorted({sector} | {network.actor(a).sector for a in cut_off}))
        found.append(Finding("cut_point", severity, (str(node), *cut_off), sectors,
                             {"actor": str(node), "cut_off": n}, words.each(cut_sentence)))
    big = [bridge for bridge in cuts.bridges if len(bridge.cut_off) >= 2]
    big.sort(key=lambda b: (-len(b.cut_off), str(b.near), str(b.far)))
    for bridge in big[:MAX_BRIDGES]:
        near, far = bridge.near, bridge.far
        cut_off = words.by_name(map(str, bridge.cut_off))

        def bridge_sentence(lang: str, ends: tuple[Any, Any] = (near, far),
                            cut_off: list[str] = cut_off) -> str:
            return t("findings.bridge", lang, a=words.name(str(ends[0])),
                     b=words.name(str(ends[1])),
                     actors=plural("findings.actors", lang, len(cut_off)),
                     names=words.names(cut_off, lang))

        sectors = tuple(sorted({network.actor(a).sector
                                for a in (str(near), str(far), *cut_off)}))
        found.append(Finding("bridge", "medium", (str(near), str(far), *cut_off), sectors,
                             {"link": [str(near), str(far)], "cut_off": len(cut_off)},
                             words.each(bridge_sentence)))
    return found


# --- brokers and key players ----------------------------------------------------------

_CROSS_ROLES = ("brokerage_itinerant", "brokerage_representative", "brokerage_gatekeeper",
                "brokerage_liaison")


def brokers(network: Network, actors: pd.DataFrame) -> list[Finding]:
    """The actors with the most brokerage roles involving another sector (up to three)."""
    if not set(_CROSS_ROLES) <= set(actors.columns):
        return []
    words = Words(network)
    cross = actors[list(_CROSS_ROLES)].fillna(0).sum(axis=1)
    ranked = sorted(((float(v), str(i)) for i, v in cross.items() if v > 0),
                    key=lambda x: (-x[0], words.name(x[1]).casefold(), x[1]))
    found = []
    for count, actor_id in ranked[:MAX_BROKERS]:
        sector = network.actor(actor_id).sector
        roles = {c.removeprefix("brokerage_"): _number(actors.at[actor_id, c])
                 for c in _CROSS_ROLES}
        text = {lang: t("findings.broker", lang, name=words.name(actor_id),
                        sector=words.sector_short(sector, lang),
                        count=format_number(count, lang, digits=0)) for lang in LANGUAGES}
        found.append(Finding("broker", "low", (actor_id,), (sector,),
                             {"cross_sector_roles": _number(count), "roles": roles}, text))
    return found


def _number(value: Any) -> float | int:
    number = float(value)
    return int(number) if number.is_integer() else number


def key_player_finding(network: Network, key_players: KeyPlayers) -> list[Finding]:
    """The key-player set as one finding (none when the set is empty or removing it
    fragments nothing)."""
    if not key_players.actors or key_players.fragmentation_after <= \
            key_players.fragmentation_before:
        return []
    words = Words(network)
    ids = tuple(key_players.actors)
    text = {lang: t("findings.key_players", lang, names=words.names(ids, lang),
                    before=format_number(key_players.fragmentation_before, lang),
                    after=format_number(key_players.fragmentation_after, lang))
            for lang in LANGUAGES}
    sectors = tuple(sorted({network.actor(a).sector for a in ids}))
    return [Finding("key_players", "medium", ids, sectors,
                    {"k": len(ids), "fragmentation_before": key_players.fragmentation_before,
                     "fragmentation_after": key_players.fragmentation_after}, text)]


# --- needs coverage -------------------------------------------------------------------

def coverage_findings(network: Network, coverage: pd.DataFrame,
                      model: OptimalModel) -> list[Finding]:
    """Needs × levels nobody covers, and providers far from child protection."""
    words = Words(network)
    found = []
    rows = [{str(k): v for k, v in r.items()} for r in coverage.to_dict("records")]
    for row in rows:
        if not row["gap"]:
            continue
        expected = tuple(str(s) for s in row["expected_sectors"])

        def gap_sentence(lang: str, row: dict[str, Any] = row,
                         expected: tuple[str, ...] = expected) -> str:
            need = NEEDS.label(row["need"], lang)
            level = LEVELS.label(row["level"], lang)
            if expected:
                return t("findings.coverage_gap", lang, need=need, level=level,
                         sectors=words.sectors(expected, lang))
            return t("findings.coverage_gap_unexpected", lang, need=need, level=level)

        found.append(Finding("coverage_gap", "high" if expected else "medium", (), expected,
                             {"need": row["need"], "level": row["level"], "expected_sectors":
                              list(expected)}, words.each(gap_sentence)))
    far: Counter[str] = Counter()
    for row in rows:
        far.update(row["far_from_child_protection"])
    if far:
        ids = words.by_name(far)
        text = {lang: plural("findings.far", lang, len(ids), names=words.names(ids, lang),
                             reach=format_number(model.reach, lang)) for lang in LANGUAGES}
        sectors = tuple(s for s in network.sectors.codes
                        if s in {network.actor(a).sector for a in ids})
        found.append(Finding("provider_far_from_child_protection", "medium", tuple(ids), sectors,
                             {"count": len(ids), "reach": model.reach}, text))
    return found


# --- everything -----------------------------------------------------------------------

def _size(finding: Finding) -> int:
    figures = finding.figures
    for key in ("possible_pairs", "cut_off", "count"):
        if figures.get(key):
            return int(figures[key])
    return len(finding.actors)


_DOUBLE_STOP = re.compile(r"\.\.(?=\s|\)|$)")


def _tidy(finding: Finding) -> Finding:
    """One full stop where a name ending in one ("a. s.") ends a sentence."""
    text = {lang: _DOUBLE_STOP.sub(".", sentence) for lang, sentence in finding.text.items()}
    return replace(finding, text=text) if text != dict(finding.text) else finding


def order_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Most important first: by severity; within a severity, the biggest finding of
    each kind (in :data:`KIND_ORDER`) first, then the second biggest of each kind, and
    so on, so the first few lines name different weaknesses. Stable for equal keys.
    Each sentence is tidied (one full stop after a name ending in one, "a. s.").
    """
    groups: dict[tuple[str, str], list[Finding]] = {}
    for finding in map(_tidy, findings):
        groups.setdefault((finding.severity, finding.kind), []).append(finding)
    keyed = []
    for (severity, kind), members in groups.items():
        members = sorted(members, key=lambda f: -_size(f))
        for rank, finding in enumerate(members):
            keyed.append(((SEVERITY_ORDER.index(severity), rank, KIND_ORDER.index(kind)),
                          finding))
    keyed.sort(key=lambda pair: pair[0])
    return [finding for _, finding in keyed]


def find(network: Network, model: OptimalModel, *, actors: pd.DataFrame,
         sector_pairs: pd.DataFrame, key_players: KeyPlayers | None,
         coverage: pd.DataFrame, collaboration: nx.Graph | None = None) -> list[Finding]:
    """Every finding about ``network``, most important first (see the module doc).

    ``actors``, ``sector_pairs``, ``key_players`` and ``coverage`` are the parts of
    the analysis (:func:`graphnet.analyse` passes them).
    """
    graph = collaboration if collaboration is not None else collaboration_graph(network)
    found: list[Finding] = []
    found += missing_sector_links(network, sector_pairs)
    found += missing_links_by_orp(network, model, graph)
    found += absent_sectors(network, model)
    found += actor_groups(network, actors, graph)
    found += single_points_of_failure(network, graph, model.child_protection_sector)
    found += brokers(network, actors)
    if key_players is not None:
        found += key_player_finding(network, key_players)
    if any(actor.needs for actor in network.actors):
        found += coverage_findings(network, coverage, model)
    return order_findings(found)
