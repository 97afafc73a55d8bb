"""The analysis of a network: measures, findings and suggestions as plain data.

:func:`analyse` is the one entry point every output (report, map, Neo4j write-back,
comparison) draws from. It returns an :class:`Analysis`; :meth:`Analysis.to_dict`
gives its JSON form (schema ``graphnet.analysis/1``, documented in
``docs/analysis-schema.md``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from graphnet.model import Network

__all__ = ["Finding", "Suggestion", "KeyPlayers", "Analysis", "analyse", "SCHEMA"]

SCHEMA = "graphnet.analysis/1"


@dataclass(frozen=True)
class Finding:
    """Something the network lacks, with a sentence a networker can read aloud.

    ``kind`` is one of: isolated, peripheral, sector_closed, missing_sector_link,
    cut_point, bridge, broker, key_players, unreciprocated, coverage_gap,
    provider_far_from_child_protection. ``severity`` is "high", "medium" or "low".
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


@dataclass(frozen=True)
class Suggestion:
    """A recommended new link between two actors not yet linked, with its reasons."""

    source: str
    target: str
    score: float
    reasons: Mapping[str, str]
    figures: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class KeyPlayers:
    """Borgatti's KPP-Neg set: the actors whose removal fragments the network most."""

    actors: tuple[str, ...]
    fragmentation_before: float
    fragmentation_after: float


@dataclass(frozen=True)
class Analysis:
    """Everything graphnet computes about one network.

    - ``actors``: one row per actor, index = actor id, the per-actor columns of
      issue 3 in that order (id, name, sector, degree, … is_cut_point).
    - ``network_measures``: network-level figures (actors, links_by_kind, density,
      components, largest_component_share, isolated, average_degree,
      degree_centralization, transitivity, reciprocity, ei_index,
      sector_modularity, …).
    - ``sector_pairs``: one row per unordered sector pair (and each sector with
      itself): sector_a, sector_b, linked_pairs, possible_pairs, density, expected.
    - ``sector_ei``: one row per sector: sector, internal, external, ei.
    - ``coverage``: one row per need × support level: need, level, providers,
      n_providers, expected_sectors, gap, far_from_child_protection.
    - ``findings`` most important first; ``suggestions`` best first.
    - ``conventions``: how each measure is computed and on which scope, in words.
    """

    network: Network
    actors: pd.DataFrame
    network_measures: Mapping[str, Any]
    sector_pairs: pd.DataFrame
    sector_ei: pd.DataFrame
    key_players: KeyPlayers
    coverage: pd.DataFrame
    findings: tuple[Finding, ...]
    suggestions: tuple[Suggestion, ...]
    conventions: Mapping[str, str]

    def to_dict(self) -> dict[str, Any]:
        """The analysis as JSON-ready data (schema :data:`SCHEMA`)."""
        raise NotImplementedError  # being written (issue 3)


def analyse(network: Network, *, model: Any = None, top_suggestions: int = 50,
            seed: int = 42) -> Analysis:
    """Measure ``network``, find what it lacks against the optimal ``model`` and
    suggest new links."""
    raise NotImplementedError  # being written (issue 3)
