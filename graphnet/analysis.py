"""The analysis of a network: measures, findings and suggestions as plain data.

:func:`analyse` is the one entry point every output (report, map, Neo4j write-back,
comparison) draws from. It returns an :class:`Analysis`; :meth:`Analysis.to_dict`
gives its JSON form (schema ``graphnet.analysis/1``, documented in
``docs/analysis-schema.md``).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx
import pandas as pd

from graphnet import coverage as coverage_module
from graphnet import findings as findings_module
from graphnet import measures
from graphnet import suggestions as suggestions_module
from graphnet import tie_findings as tie_findings_module
from graphnet._version import __version__
from graphnet.atomic import atomic_file
from graphnet.attendance import CONVENTIONS as PLATFORM_CONVENTIONS
from graphnet.attendance import Platform, platform_summary
from graphnet.findings import Finding
from graphnet.graphs import collaboration_graph, flow_graph
from graphnet.measures.keyplayers import KeyPlayers
from graphnet.model import PERSONAL_FIELDS, Network, actor_fields
from graphnet.optimal_model import OptimalModel, default_model, load_model, with_expectations
from graphnet.plain import plain_column, plain_records, plain_rows, plain_values, to_plain
from graphnet.suggestions import Action, Suggestion
from graphnet.ties import (
    COMBINE_RULES,
    LAYER_WORDS,
    LAYERS,
    RespondentSummary,
    Tie,
    combine_convention,
    partner_counts,
    respondent_record,
    respondent_summary,
    tie_list,
    tie_record,
    tie_view,
    unknown_actors,
)
from graphnet.vocab import sector_color

__all__ = ["Finding", "Suggestion", "KeyPlayers", "Analysis", "analyse", "SCHEMA",
           "TIE_LAYERS"]

#: The layers :func:`analyse` can be asked to analyse (``all`` = both together).
TIE_LAYERS: tuple[str, ...] = (*LAYERS, "all")

SCHEMA = "graphnet.analysis/1"


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
    - ``model``: the optimal model held against the network.
    - ``network`` is the data as given (its links are reports); ``view`` the network
      the measures were computed on: one link per tie of ``layer`` (``working``,
      ``platform`` or ``all``), reports combined by ``combine`` (``max``, ``mean``
      or ``min``), see :func:`graphnet.ties.tie_view`.
    - ``ties``: every tie of both layers with its reports and status;
      ``respondents``: who answered; ``platform``: the platform layer on its own
      (:class:`graphnet.attendance.Platform`); ``platform_sector_pairs``: the
      sector table of the platform layer, beside ``sector_pairs`` of ``layer``.
    - ``actions``: the suggestions that close gaps, grouped into things a networker
      can organise (:class:`graphnet.suggestions.Action`).
    - ``generated_at``: when the analysis was made (UTC, ISO 8601); the only field
      that differs between two analyses of the same input.
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
    model: OptimalModel | None = None
    generated_at: str = ""
    view: Network | None = None
    layer: str = "working"
    combine: str = "max"
    ties: tuple[Tie, ...] = ()
    respondents: RespondentSummary | None = None
    platform: Platform | None = None
    platform_sector_pairs: pd.DataFrame | None = None
    actions: tuple[Action, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The analysis as JSON-ready data (schema :data:`SCHEMA`, documented field by
        field in ``docs/analysis-schema.md``).

        Deterministic: two analyses of the same input give the same data apart from
        ``generated_at``. Missing values are None; tuples become lists.
        """
        network = self.network
        return {
            "schema": SCHEMA,
            "generated_at": self.generated_at,
            "graphnet_version": __version__,
            "network": _network_block(network),
            "model": self.model.to_dict() if self.model is not None else None,
            "conventions": {key: self.conventions[key] for key in sorted(self.conventions)},
            "tie_rules": {"layer": self.layer, "combine": self.combine},
            "respondents": (respondent_record(self.respondents)
                            if self.respondents is not None else None),
            "ties": [tie_record(tie) for tie in self.ties],
            "platform": _platform_block(self.platform, self.platform_sector_pairs),
            "network_measures": to_plain(dict(self.network_measures)),
            "actors": _actor_records(self.actors, network),
            "sector_pairs": plain_records(self.sector_pairs),
            "sector_ei": plain_records(self.sector_ei),
            "key_players": {
                "actors": list(self.key_players.actors),
                "fragmentation_before": to_plain(self.key_players.fragmentation_before),
                "fragmentation_after": to_plain(self.key_players.fragmentation_after),
            },
            "coverage": plain_records(self.coverage),
            "findings": [
                {"kind": f.kind, "severity": f.severity, "actors": list(f.actors),
                 "sectors": list(f.sectors), "figures": to_plain(dict(f.figures)),
                 "text": {lang: f.text[lang] for lang in sorted(f.text)}}
                for f in self.findings
            ],
            "suggestions": [
                {"source": s.source, "target": s.target, "score": to_plain(s.score),
                 "reasons": {lang: s.reasons[lang] for lang in sorted(s.reasons)},
                 "figures": to_plain(dict(s.figures))}
                for s in self.suggestions
            ],
        }

    def to_json(self, indent: int | None = 2) -> str:
        """:meth:`to_dict` as JSON text (UTF-8, non-ASCII kept, no NaN)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent, allow_nan=False)

    def write_json(self, path: str | os.PathLike[str]) -> None:
        """Write :meth:`to_json` to ``path``, whole or not at all."""
        with atomic_file(path) as temporary:
            temporary.write_text(self.to_json() + "\n", encoding="utf-8")


# --- JSON helpers ----------------------------------------------------------------------

# The actor's own fields an actor record completes the measures with: not the personal
# ones, not the free-text notes (they may name people), not the extra columns.
_PUBLIC_FIELDS = actor_fields(without=("notes", "attributes", *PERSONAL_FIELDS))


def _actor_records(table: pd.DataFrame, network: Network) -> list[dict[str, Any]]:
    """The per-actor table, each row completed with the actor's public fields
    (never the personal ones)."""
    columns = [str(c) for c in table.columns]
    converted = [plain_column(table.iloc[:, k]) for k in range(len(columns))]
    # Column by column (not record by record): the same keys in the same order.
    actors = [network.actor(str(actor_id)) for actor_id in table.index]
    for name in _PUBLIC_FIELDS:
        if name not in columns:
            columns.append(name)
            converted.append(plain_values([getattr(actor, name) for actor in actors]))
    return plain_rows(columns, converted, len(table))


def _network_block(network: Network) -> dict[str, Any]:
    used = {actor.sector for actor in network.actors}

    return {
        "name": network.name,
        "source": network.source,
        "mapped_on": network.mapped_on.isoformat() if network.mapped_on else None,
        "language": network.language,
        "actors": len(network.actors),
        "links": len(network.links),
        "meeting_links_from_attendance": len(network.meeting_links()),
        "attendance": len(network.attendance),
        "sectors": [
            {"code": term.code, "en": term.en, "cs": term.cs,
             "color": sector_color(network.sectors, term.code), "used": term.code in used}
            for term in network.sectors
        ],
    }


def _platform_block(platform: Platform | None,
                    sector_pairs: pd.DataFrame | None) -> dict[str, Any] | None:
    if platform is None:
        return None
    return {
        "meetings": plain_records(platform.meetings),
        "sector_attendance": plain_records(platform.sector_attendance),
        "actors": plain_records(platform.actors),
        "stopped_attending": plain_records(platform.stopped),
        "met_not_working": plain_records(platform.met_not_working),
        "sector_pairs": plain_records(sector_pairs) if sector_pairs is not None else [],
    }


# --- the analysis ----------------------------------------------------------------------

#: Conventions of this module (merged with those of the measures, coverage, findings
#: and suggestions into :attr:`Analysis.conventions`).
CONVENTIONS = {
    "findings_scope": (
        "Findings, coverage and suggestions are computed on the whole network given (all its "
        "ORPs together); sector deficits behind suggestions are computed per ORP."
    ),
    "key_players_k": (
        "Key players: k = graphnet.measures.DEFAULT_K actors (3), half the actors when the "
        "network has fewer than twice as many."
    ),
}


def _resolve_model(model: Any, network: Network) -> OptimalModel:
    if model is None:
        return default_model()
    if isinstance(model, OptimalModel):
        return model
    return load_model(model, sectors=network.sectors)


def analyse(network: Network, *, model: Any = None, top_suggestions: int = 50,
            seed: int = 42, ties: str = "working", combine: str = "max") -> Analysis:
    """Measure ``network``, find what it lacks against the optimal ``model`` and
    suggest new links.

    The links of ``network`` are reports; the analysis works on ties (see
    :mod:`graphnet.ties`): ``ties`` is the layer measured, ``working`` (default:
    every reported link, each tie once), ``platform`` (pairs meeting at the
    platform's meetings) or ``all``; ``combine`` (``max``, ``mean``, ``min``) is
    how the reports of one tie make its weight. The platform layer is also
    analysed on its own (:attr:`Analysis.platform`) whatever ``ties`` is.

    ``model`` is an :class:`~graphnet.optimal_model.OptimalModel`, a path to a model
    file, or None for the shipped default. ``seed`` fixes everything random
    (communities, key players, sampled measures), so the same input always gives
    the same analysis.

    ``top_suggestions`` is how many suggested new links to keep (best first).
    ``top_suggestions=0`` skips the suggestions entirely: the candidate links are
    not even generated (seconds on a large network), ``suggestions`` is empty, and
    everything else (measures, key players, sector pairs, coverage, findings) is
    the same as with suggestions. A comparison of two mappings uses this, since it
    shows no suggestions.

    >>> from graphnet.model import Actor, Link, Network
    >>> net = Network(actors=(Actor("o", "OSPOD Lhota", "child_protection"),
    ...                       Actor("z", "ZŠ Lhota", "education"),
    ...                       Actor("d", "MUDr. Nová", "health")),
    ...               links=(Link("o", "z", "cooperation"),))
    >>> result = analyse(net)
    >>> result.to_dict()["schema"], result.to_dict()["tie_rules"]
    ('graphnet.analysis/1', {'layer': 'working', 'combine': 'max'})
    """
    if ties not in TIE_LAYERS:
        raise ValueError(f"ties must be one of {', '.join(TIE_LAYERS)}, not {ties!r}")
    if combine not in COMBINE_RULES:
        raise ValueError(f"combine must be one of {', '.join(COMBINE_RULES)}, not {combine!r}")
    optimal = _resolve_model(model, network)
    every_tie = tuple(tie_list(network, combine))
    view = tie_view(network, every_tie, ties)
    collaboration = collaboration_graph(view)
    flow = flow_graph(view)
    measured = _measure(view, collaboration, flow, seed)
    unknown = unknown_actors(network, every_tie)
    respondents = respondent_summary(network)
    actors = _with_tie_columns(measured["actors"], respondents, every_tie, unknown)
    network_measures = {**measured["network_measures"],
                        "isolated": int(actors["is_isolated"].sum()), "unknown": len(unknown)}
    sector_pairs = with_expectations(measured["sector_pairs"], optimal)
    platform_view = view if ties == "platform" else tie_view(network, every_tie, "platform")
    platform_pairs = with_expectations(measures.sector_mixing(platform_view), optimal)
    platform = platform_summary(network, every_tie, optimal)
    coverage = coverage_module.needs_coverage(view, optimal, collaboration)
    findings = findings_module.find(
        view, optimal, actors=actors, sector_pairs=sector_pairs,
        key_players=measured["key_players"], coverage=coverage, collaboration=collaboration,
    )
    findings = findings_module.order_findings([*findings, *tie_findings_module.tie_findings(
        network, every_tie, unknown, platform, gaps=findings)])
    suggestions = suggestions_module.suggest(view, optimal, collaboration=collaboration,
                                             top=top_suggestions)
    conventions: dict[str, str] = {}
    for block in (measured["conventions"], coverage_module.CONVENTIONS,
                  findings_module.CONVENTIONS, suggestions_module.CONVENTIONS,
                  tie_findings_module.CONVENTIONS, PLATFORM_CONVENTIONS, CONVENTIONS,
                  _tie_conventions(ties, combine)):
        conventions.update(block)
    return Analysis(
        network=network,
        actors=actors,
        network_measures=network_measures,
        sector_pairs=sector_pairs,
        sector_ei=measured["sector_ei"],
        key_players=measured["key_players"],
        coverage=coverage,
        findings=tuple(findings),
        suggestions=tuple(suggestions),
        conventions=conventions,
        model=optimal,
        generated_at=dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
        view=view,
        layer=ties,
        combine=combine,
        ties=every_tie,
        respondents=respondents,
        platform=platform,
        platform_sector_pairs=platform_pairs,
        actions=tuple(suggestions_module.group_actions(view, suggestions)),
    )


def _tie_conventions(layer: str, combine: str) -> dict[str, str]:
    return {
        "tie_layer": (
            f"Measures, findings, suggestions and coverage are computed on {LAYER_WORDS[layer]} "
            "(ties: one per pair, ordered for referral and information, unordered for "
            "cooperation and meeting)."
        ),
        "tie_combine": combine_convention(combine),
        "tie_columns": (
            "degree_working and degree_platform: distinct partners by working and by platform "
            "ties; answered: the actor answered (false for all when nobody is known to have "
            "answered: no respondents table, no reported_by); "
            "is_unknown: did not answer and no working tie names it (then not is_isolated)."
        ),
    }


def _with_tie_columns(actors: pd.DataFrame, summary: RespondentSummary,
                      ties: tuple[Tie, ...], unknown: list[str]) -> pd.DataFrame:
    """The actor table with degree_working, degree_platform, answered and is_unknown;
    an unknown actor is not isolated (nothing is known of it)."""
    table = actors.copy()
    partners = partner_counts(ties)
    ids = [str(actor_id) for actor_id in table.index]
    table["degree_working"] = [partners["working"].get(a, 0) for a in ids]
    table["degree_platform"] = [partners["platform"].get(a, 0) for a in ids]
    missing = set(summary.non_respondents)
    table["answered"] = [summary.source != "none" and a not in missing for a in ids]
    unknown_set = set(unknown)
    table["is_unknown"] = [a in unknown_set for a in ids]
    if "is_isolated" in table.columns and unknown_set:
        table["is_isolated"] = table["is_isolated"] & ~table["is_unknown"]
    return table


def _measure(network: Network, collaboration: nx.Graph, flow: nx.DiGraph,
             seed: int) -> dict[str, Any]:
    """The measures of ``graphnet.measures``."""
    actors = measures.actor_table(network, collaboration=collaboration, flow=flow, seed=seed)
    n = collaboration.number_of_nodes()
    k = measures.DEFAULT_K if n >= 2 * measures.DEFAULT_K else n // 2
    key = measures.key_players(collaboration, k, seed=seed)
    summary = measures.network_summary(network, actors, collaboration=collaboration, flow=flow,
                                       k=k, key_player_set=key, seed=seed)
    mixing = measures.sector_mixing(network, collaboration=collaboration)
    ei = measures.sector_ei(network, collaboration=collaboration)
    return {"actors": actors, "network_measures": summary, "sector_pairs": mixing,
            "sector_ei": ei, "key_players": key, "conventions": dict(measures.CONVENTIONS)}
