"""A comparison of two mappings of the same network, put together: :func:`compare`.

:func:`compare` holds an old and a new :class:`~graphnet.model.Network` (and their
analyses) side by side and returns a :class:`Comparison`: actors added and removed,
links gained, lost and re-weighted, sector pairs, network figures, positions,
roles and findings, each before and after (computed in :mod:`graphnet.compare.diff`
and :mod:`graphnet.compare.findings`, the conventions in :data:`CONVENTIONS`).
Nothing is rendered here (see :mod:`graphnet.compare.render`).

>>> from graphnet.model import Actor, Link, Network
>>> old = Network(actors=(Actor("a", "OSPOD", "child_protection"), Actor("b", "ZŠ", "education")))
>>> new = Network(actors=old.actors, links=(Link("b", "a", "cooperation", 2.0),))
>>> comparison = compare_networks(old, new)
>>> comparison.has_changes, [f.verdict for f in comparison.figures if f.key == "isolated"]
(True, ['better'])
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from graphnet._version import __version__
from graphnet.analysis import Analysis
from graphnet.compare.analyses import analyse_both, analyse_for_comparison
from graphnet.compare.diff import (
    diff_actors,
    diff_figures,
    diff_links,
    diff_positions,
    diff_roles,
    diff_sector_pairs,
    link_arrays,
    summarise_kinds,
)
from graphnet.compare.findings import diff_findings
from graphnet.compare.records import (
    ActorChanges,
    FigureChange,
    FindingChanges,
    KindSummary,
    LinkChanges,
    MappingInfo,
    PairChanges,
    PositionChange,
    RoleChange,
    SectorPairChange,
)
from graphnet.compare.serialise import (
    finding_record,
    link_record,
    mapping_record,
    pair_record,
    records,
)
from graphnet.compare.sides import Side, data_figures, diff_pairs
from graphnet.model import Network
from graphnet.ties import LAYER_WORDS, combine_convention
from graphnet.vocab import Vocabulary

__all__ = ["SCHEMA", "CONVENTIONS", "Comparison", "compare_networks", "compare",
           "tie_conventions"]

SCHEMA = "graphnet.compare/1"

CONVENTIONS: Mapping[str, str] = {
    "actor_identity": (
        "Actors are matched by id. A removed and an added actor with the same name "
        "(case, diacritics and spacing folded) are suggested as one actor whose id "
        "changed; they are never merged."
    ),
    "link_identity": (
        "A link is a tie (source, target, kind): ends in written order for the directed "
        "kinds (referral, information), sorted for the undirected ones (meeting, "
        "cooperation); one per tie of the layer compared, its weight the ends' reports "
        "combined by the rule (never added up); self-loops do not count."
    ),
    "pairs": (
        "New working tie: a pair of actors with a working tie in the new mapping and none "
        "in the old one (new cooperation). Now also meet at the platform: a pair sharing a "
        "platform meeting in the new mapping and none in the old one; when the pair has no "
        "working tie in either mapping it is listed apart and is no new cooperation. Both "
        "lists whatever layer is compared."
    ),
    "data": (
        "response_rate: answered actors / all actors (none when nobody is known to have "
        "answered); unknown: did not answer and named by no working tie; ties_*: working "
        "ties per confirmation status; platform_pairs: pairs sharing a platform meeting."
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
        "actors, links (ties as above), linked_pairs, density (linked pairs / "
        "n(n-1)/2), isolated (no partner; an unknown actor is not isolated), components "
        "and cross_sector_share (linked "
        "pairs between different sectors / all linked pairs) on the ties of the layer "
        "compared of each mapping; the other figures are those of graphnet.analysis "
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
        "gap, the actor of a cut point, the ends of a bridge, the reporter and the other end "
        "of a one-sided tie, the sector of unknown actors, the sector pair of pairs meeting "
        "at the platform without working together, the series of meetings someone stopped "
        "attending), so that a finding whose list of actors changed is still "
        "open. Resolved: only in the old analysis; new: only in the new one; still open: "
        "in both."
    ),
}


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
    pairs: PairChanges = field(default_factory=lambda: PairChanges((), ()))
    layer: str = "working"
    combine: str = "max"
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
            "old": mapping_record(self.old_info, self.old, self._figure("links").before),
            "new": mapping_record(self.new_info, self.new, self._figure("links").after),
            "has_changes": self.has_changes,
            "analysed": self.analysed,
            "tie_rules": {"layer": self.layer, "combine": self.combine},
            "actors": {
                "added": records(self.actors.added),
                "removed": records(self.actors.removed),
                "edited": records(self.actors.edited),
                "id_suggestions": [
                    record | {"same_sector": s.same_sector}
                    for record, s in zip(records(self.actors.id_suggestions),
                                         self.actors.id_suggestions, strict=True)
                ],
            },
            "links": {
                "gained": [link_record(c) for c in self.links.gained],
                "lost": [link_record(c) for c in self.links.lost],
                "reweighted": [link_record(c) for c in self.links.reweighted],
            },
            "pairs": {
                "new_working": [pair_record(p) for p in self.pairs.new_working],
                "new_platform": [pair_record(p) for p in self.pairs.new_platform],
            },
            "links_by_kind": records(self.kinds),
            "sector_pairs": [
                record | {"density_change": p.density_change}
                for record, p in zip(records(self.sector_pairs), self.sector_pairs, strict=True)
            ],
            "figures": [
                {"key": f.key, "before": f.before, "after": f.after, "difference": f.difference,
                 "better_when": f.better_when, "verdict": f.verdict}
                for f in self.figures
            ],
            "positions": [
                record | {"degree_change": p.degree_change,
                          "betweenness_change": p.betweenness_change}
                for record, p in zip(records(self.positions), self.positions, strict=True)
            ],
            "roles": records(self.roles),
            "findings": {
                "resolved": [finding_record(f) for f in self.findings.resolved],
                "new": [finding_record(f) for f in self.findings.new],
                "still_open": [finding_record(f) for f in self.findings.still_open],
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
            or self.pairs.new_working or self.pairs.new_platform
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


def compare_networks(old: Network, new: Network, *, ties: str = "working",
                     combine: str = "max") -> Comparison:
    """The parts of a comparison that need only the two networks: actors, links
    (ties of the layer ``ties``, reports combined by ``combine``), pairs, sector pairs
    and the basic figures; no positions, roles or findings (``analysed`` is False).

    >>> from graphnet.model import Actor, Network
    >>> net = Network(actors=(Actor("a", "OSPOD", "child_protection"),))
    >>> compare_networks(net, net).has_changes
    False
    """
    return _comparison(old, new, None, None, ties, combine)


def compare(
    old: Network,
    new: Network,
    *,
    old_analysis: Analysis | None = None,
    new_analysis: Analysis | None = None,
    model: Any = None,
    workers: int = 1,
    ties: str | None = None,
    combine: str | None = None,
) -> Comparison:
    """Compare two mappings of the same network; analyses are computed when not given.

    Links are ties (:mod:`graphnet.ties`): ``ties`` is the layer compared
    (``working`` by default, ``platform`` or ``all``), ``combine`` the rule that
    makes a tie's weight from its reports (``max`` by default, ``mean``, ``min``).
    When None they are those of the analyses given (which must agree), else the
    defaults. Raises ValueError when an analysis given was made on another layer or
    rule.

    Pass the analyses when you already have them (a report computed them) to save
    their time; ``model`` is the optimal model for the analyses computed here (the
    shipped one when None). Analyses computed here skip the suggested links
    (``analyse(..., top_suggestions=0)``): no comparison output uses them. They run
    one after the other in this process unless ``workers`` is 2 or more: then the
    new mapping is analysed in a child process meanwhile (see
    :mod:`graphnet.compare.analyses`); worth it on large networks with a core to
    spare. Neither network is changed.

    >>> import graphnet
    >>> old = graphnet.load("datasets/orp-horni-lhota-2025")  # doctest: +SKIP
    >>> new = graphnet.load("datasets/orp-horni-lhota-2026")  # doctest: +SKIP
    >>> comparison = compare(old, new)  # doctest: +SKIP
    >>> [f.key for f in comparison.figures][:3]  # doctest: +SKIP
    ['actors', 'links', 'linked_pairs']
    """
    given = [a for a in (old_analysis, new_analysis) if a is not None]
    layer = ties or (given[0].layer if given else "working")
    rule = combine or (given[0].combine if given else "max")
    for analysis in given:
        if (analysis.layer, analysis.combine) != (layer, rule):
            raise ValueError(
                f"an analysis given was made on {analysis.layer} ties combined by "
                f"{analysis.combine}, the comparison is of {layer} ties combined by {rule}")
    rules = {"ties": layer, "combine": rule}
    if old_analysis is None and new_analysis is None:
        old_analysis, new_analysis = analyse_both(old, new, model, workers=workers, **rules)
    elif old_analysis is None or new_analysis is None:
        if old_analysis is None:
            old_analysis = analyse_for_comparison(old, model, **rules)
        if new_analysis is None:
            new_analysis = analyse_for_comparison(new, model, **rules)
    return _comparison(old, new, old_analysis, new_analysis, layer, rule)


def _comparison(
    old: Network, new: Network, old_analysis: Analysis | None, new_analysis: Analysis | None,
    layer: str = "working", combine: str = "max",
) -> Comparison:
    before = Side.of(old, old_analysis, layer=layer, combine=combine)
    after = Side.of(new, new_analysis, layer=layer, combine=combine)
    arrays = link_arrays(before.view, after.view, as_ties=False)
    links = diff_links(before.view, after.view, arrays=arrays)
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
            before.view, after.view, arrays=arrays, expected=_expected_pairs(new_analysis),
        ),
        figures=diff_figures(
            before.view, after.view, old_analysis=old_analysis, new_analysis=new_analysis,
            arrays=arrays, unknown=(before.unknown, after.unknown),
            data=(data_figures(before), data_figures(after)),
        ),
        positions=positions,
        roles=roles,
        findings=findings,
        sectors=_merged_sectors(old, new),
        analysed=analysed,
        new_analysis=new_analysis,
        pairs=diff_pairs(before, after),
        layer=layer,
        combine=combine,
        conventions={**CONVENTIONS, **tie_conventions(layer, combine)},
    )


def tie_conventions(layer: str, combine: str) -> dict[str, str]:
    """The conventions naming the layer compared and the combine rule.

    >>> tie_conventions("working", "max")["tie_combine"][:13]
    'Combine = max'
    """
    return {
        "tie_layer": f"Links gained, lost and changed, figures, sector pairs, positions and "
                     f"findings are computed on {LAYER_WORDS[layer]}.",
        "tie_combine": combine_convention(combine),
    }


def _merged_sectors(old: Network, new: Network) -> Vocabulary:
    extra = [term for term in old.sectors if term.code not in new.sectors]
    return new.sectors.with_terms(extra) if extra else new.sectors

