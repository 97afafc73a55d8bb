"""The records of a comparison: what changed, as frozen dataclasses of plain values.

Each record is made in one place (:mod:`graphnet.compare.diff` for actors, links,
sector pairs, figures, positions and roles; :mod:`graphnet.compare.findings` for
findings) and read by the writers (:mod:`graphnet.compare.serialise`,
:mod:`graphnet.compare.tables`, :mod:`graphnet.compare.render`). Nothing here
computes a change; the properties only derive one field from the others.

>>> FigureChange("isolated", 4, 1).verdict, FigureChange("actors", 53, 54).verdict
('better', None)
>>> LinkChange("a", "b", "referral", True, None, 2.0, "A", "B").weight_change
2.0
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from graphnet.analysis import Finding
from graphnet.model import Network

__all__ = [
    "TOLERANCE",
    "BETTER_WHEN",
    "LinkKey",
    "ActorRef",
    "ActorEdit",
    "IdSuggestion",
    "ActorChanges",
    "LinkChange",
    "LinkChanges",
    "KindSummary",
    "PairChange",
    "PairChanges",
    "SectorPairChange",
    "FigureChange",
    "PositionChange",
    "RoleChange",
    "FindingChanges",
    "MappingInfo",
    "same_value",
]

#: Two weights or measure values closer than this are the same (float noise).
TOLERANCE = 1e-9

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


#: A link's identity: (source, target, kind), see :func:`graphnet.compare.diff.link_key`.
LinkKey = tuple[str, str, str]


def same_value(a: float | None, b: float | None) -> bool:
    """Whether two weights or measure values are the same (both missing, both NaN, or
    within :data:`TOLERANCE`).

    >>> same_value(0.1 + 0.2, 0.3), same_value(None, 0.0)
    (True, False)
    """
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    return math.isclose(a, b, rel_tol=TOLERANCE, abs_tol=TOLERANCE)



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



# --- links ----------------------------------------------------------------------------


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



@dataclass(frozen=True)
class KindSummary:
    """Links of one kind: how many before and after, gained, lost and re-weighted."""

    kind: str
    before: int
    after: int
    gained: int
    lost: int
    reweighted: int



# --- pairs of actors: working together, meeting at the platform ----------------------


@dataclass(frozen=True)
class PairChange:
    """A pair of actors (ids in order) that started working together or started
    meeting at the platform; each flag says whether they had a working tie or shared
    a platform meeting in the old and in the new mapping."""

    source: str
    target: str
    source_name: str
    target_name: str
    source_sector: str
    target_sector: str
    working_before: bool
    working_after: bool
    platform_before: bool
    platform_after: bool

    @property
    def change(self) -> str:
        """``new_working_tie`` (a working tie now, none before) or
        ``now_meet_at_platform`` (only co-attendance is new)."""
        if self.working_after and not self.working_before:
            return "new_working_tie"
        return "now_meet_at_platform"

    @property
    def platform_only(self) -> bool:
        """They meet at the platform and have no working tie in either mapping."""
        return not (self.working_before or self.working_after)


@dataclass(frozen=True)
class PairChanges:
    """``new_working``: pairs with a working tie now and none before (new cooperation).
    ``new_platform``: pairs sharing a platform meeting now and none before, whatever
    their working ties; the ones with no working tie in either mapping
    (:attr:`PairChange.platform_only`) are no new cooperation."""

    new_working: tuple[PairChange, ...]
    new_platform: tuple[PairChange, ...]

    @property
    def platform_only(self) -> tuple[PairChange, ...]:
        return tuple(p for p in self.new_platform if p.platform_only)



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
        return not same_value(self.before, self.after)

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



@dataclass(frozen=True)
class RoleChange:
    """An actor who started or stopped holding a role ("broker" or "cut_point")."""

    id: str
    name: str
    sector: str
    role: str
    change: str  # "started" or "stopped"



# --- findings -------------------------------------------------------------------------


@dataclass(frozen=True)
class FindingChanges:
    """Findings resolved (old only), new (new only) and still open (both; the new version)."""

    resolved: tuple[Finding, ...]
    new: tuple[Finding, ...]
    still_open: tuple[Finding, ...]



# --- the two mappings -----------------------------------------------------------------


@dataclass(frozen=True)
class MappingInfo:
    """Which mapping a side of the comparison is."""

    name: str | None
    mapped_on: Any
    source: str | None

    @classmethod
    def of(cls, network: Network) -> MappingInfo:
        return cls(network.name, network.mapped_on, network.source)

