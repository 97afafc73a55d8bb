"""Ties as networkers know them: reports combined into ties, who answered, two layers.

A row of the links table is a :class:`Report` (who said that A and B work
together, of which kind, how much). A :class:`Tie` is the pair itself with all
the reports about it: ordered (source → target) for the directed kinds
(referral, information), unordered for cooperation and meeting (ends in id
order). Pure functions over :class:`~graphnet.model.Network`; nothing here reads
or writes files.

**Layers.** ``working``: every reported link of any kind (including a meeting
link two actors report between themselves). ``platform``: the pairs derived from
meetings' attendance lists (:meth:`Network.meeting_links`), one tie per pair of
kind ``meeting``, weight = meetings shared, status ``derived``.

**Whose report.** A report's ``reported_by`` is one of the tie's ends (that end
reports it), or the networker's record: empty, or naming the networker
(``síťař``, ``sitar``, ``networker``, any case), or anyone else (an outside
observer such as a third actor: the ends themselves did not say it).

**Combining.** The reports of one reporter are added (each of its rows is that
much cooperation, as validation adds identical rows), reports of different
reporters never: one side weight per reporter (the networker's records count as
one reporter), combined by ``max`` (default), ``mean`` or ``min``. Under
``min`` a tie that only one end reports and the networker did not record is
left out.

**Status** of a working tie: ``confirmed`` (both ends report it); else
``recorded`` (the networker's record is among its reports); else ``one_sided``
(one end reports it, the other answered the survey) or ``unanswered`` (the other
end did not answer). Who answered comes from :func:`respondents_of`.

>>> from graphnet.model import Actor, Link, Network
>>> net = Network(
...     actors=(Actor("a", "A", "police"), Actor("b", "B", "health")),
...     links=(Link("a", "b", "referral", 24, reported_by="a"),
...            Link("a", "b", "referral", 20, reported_by="b")))
>>> [(t.source, t.target, t.weight, t.status) for t in tie_list(net, "mean")]
[('a', 'b', 22.0, 'confirmed')]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

import networkx as nx

from graphnet.graphs import node_attributes
from graphnet.model import DERIVED_FROM_ATTENDANCE, Link, Network
from graphnet.vocab import DIRECTED_KINDS, normalize

__all__ = [
    "COMBINE_RULES",
    "COMBINE_WORDS",
    "LAYER_WORDS",
    "combine_convention",
    "LAYERS",
    "STATUSES",
    "NETWORKER_NAMES",
    "Report",
    "Tie",
    "Respondents",
    "RespondentSummary",
    "is_networker",
    "tie_list",
    "respondents_of",
    "respondent_summary",
    "unknown_actors",
    "tie_graph",
    "tie_key",
    "tie_keys",
    "tie_view",
    "partner_counts",
    "tie_record",
    "respondent_record",
]

Combine = Literal["max", "mean", "min"]

#: The rules for combining the reports of one tie (``max`` is the default).
COMBINE_RULES: tuple[str, ...] = ("max", "mean", "min")
#: Tie layers; ``all`` in :func:`tie_graph` means both.
LAYERS: tuple[str, ...] = ("working", "platform")
#: Tie statuses, in the order reports list them.
STATUSES: tuple[str, ...] = ("confirmed", "one_sided", "unanswered", "recorded", "derived")
#: ``reported_by`` values (folded by :func:`graphnet.vocab.normalize`) naming the networker.
NETWORKER_NAMES: frozenset[str] = frozenset({"sitar", "sitarka", "networker"})

# The reporter key of every report that is no end's own (see the module doc).
_RECORD = ""


#: Each layer in words (what the conventions of every output say was measured).
LAYER_WORDS = {
    "working": "working ties (every reported link of any kind, each tie once; co-attendance "
               "at the platform's meetings left out)",
    "platform": "platform ties (pairs of actors at the same meeting; weight = meetings shared)",
    "all": "working and platform ties together",
}
#: Each combine rule in words.
COMBINE_WORDS = {
    "max": "the larger of the two ends' reports",
    "mean": "the mean of the ends' reports",
    "min": "the smaller of the two ends' reports; a tie only one end reports is left out "
           "unless the networker recorded it",
}


def combine_convention(combine: str) -> str:
    """The combine rule as the sentence every output's conventions give.

    >>> combine_convention("max")[:40]
    "Combine = max: a tie's weight is the lar"
    """
    return (f"Combine = {combine}: a tie's weight is {COMBINE_WORDS[combine]} (each end's "
            "reports added; the networker's records count as one report); two ends' reports "
            "of one tie are never added up.")


def is_networker(reported_by: str | None) -> bool:
    """Whether a ``reported_by`` value is the networker's own record (empty counts).

    >>> is_networker(None), is_networker("Síťař"), is_networker("OSPOD")
    (True, True, False)
    """
    return reported_by is None or not reported_by.strip() or \
        normalize(reported_by) in NETWORKER_NAMES


@dataclass(frozen=True)
class Report:
    """One link row as a report about a tie.

    ``reported_by`` is the actor id of the reporting end, or None for the
    networker's record (see the module doc); ``link`` is the row itself.
    """

    reported_by: str | None
    weight: float
    link: Link


@dataclass(frozen=True)
class Tie:
    """A pair of actors of one kind with every report about it.

    ``source``/``target`` are ordered for referral and information, in id order
    for cooperation and meeting. ``weight`` is the reports combined under the
    rule :func:`tie_list` was given (for a platform tie: the meetings shared).
    ``status`` is one of :data:`STATUSES`.
    """

    source: str
    target: str
    kind: str
    layer: str
    weight: float
    status: str
    reports: tuple[Report, ...] = ()

    @property
    def directed(self) -> bool:
        return self.kind in DIRECTED_KINDS

    @property
    def ends(self) -> tuple[str, str]:
        return self.source, self.target

    def side_weights(self) -> dict[str | None, float]:
        """Weight per reporter (reports of one reporter added; None = the networker)."""
        sides: dict[str | None, float] = {}
        for report in self.reports:
            sides[report.reported_by] = sides.get(report.reported_by, 0.0) + report.weight
        return sides


@dataclass(frozen=True)
class Respondents:
    """Who answered the survey, and where graphnet learnt it.

    ``source``: ``table`` (the respondents table), ``reported_by`` (no table:
    every actor that reports a link answered) or ``none`` (neither: every link is
    the networker's record and nobody is known to have answered).
    """

    answered: frozenset[str]
    source: str


@dataclass(frozen=True)
class RespondentSummary:
    """The response rate overall and per sector, and who did not answer.

    ``response_rate`` is answered actors / all actors (0–1); ``by_sector`` maps a
    sector code to its rate (only sectors that have actors); ``non_respondents``
    lists the ids of actors that did not answer, in the network's order. With
    ``source == "none"`` nobody is known to have answered: the rates are 0 and
    ``non_respondents`` is empty (nothing is known to be missing).
    """

    response_rate: float
    by_sector: Mapping[str, float]
    source: str
    answered: int
    actors: int
    non_respondents: tuple[str, ...]


def _reporter_ids(network: Network) -> dict[str, str]:
    """``reported_by`` values that name an actor → its id (by id, or by unique name)."""
    ids = set(network.actor_ids)
    names: dict[str, list[str]] = {}
    for actor in network.actors:
        names.setdefault(actor.name, []).append(actor.id)
    out: dict[str, str] = {}
    for link in network.links:
        value = link.reported_by
        if value is None or value in out:
            continue
        if value in ids:
            out[value] = value
        elif len(names.get(value, ())) == 1:
            out[value] = names[value][0]
    return out


def respondents_of(network: Network) -> Respondents:
    """Who answered: from the respondents table, else from ``reported_by``, else nobody.

    >>> from graphnet.model import Actor, Link, Network
    >>> net = Network(actors=(Actor("a", "A", "police"), Actor("b", "B", "health")),
    ...               links=(Link("a", "b", "information", reported_by="a"),))
    >>> r = respondents_of(net)
    >>> sorted(r.answered), r.source
    (['a'], 'reported_by')
    """
    if network.respondents:
        return Respondents(frozenset(r.actor for r in network.respondents if r.answered),
                           "table")
    reporters = _reporter_ids(network)
    answered = frozenset(reporters[link.reported_by] for link in network.links
                         if link.reported_by in reporters)
    if answered:
        return Respondents(answered, "reported_by")
    return Respondents(frozenset(), "none")


def _combine(values: Sequence[float], rule: str) -> float:
    if rule == "max":
        return max(values)
    if rule == "min":
        return min(values)
    return sum(values) / len(values)


def _status(ends: tuple[str, str], reporters: Iterable[str | None],
            answered: frozenset[str]) -> str:
    by = set(reporters)
    if ends[0] in by and ends[1] in by:
        return "confirmed"
    if None in by:
        return "recorded"
    other = ends[1] if ends[0] in by else ends[0]
    return "one_sided" if other in answered else "unanswered"


def tie_key(link: Link) -> tuple[str, str, str]:
    """``(source, target, kind)`` of the tie a report is about: the ends as given for
    referral and information, in id order for cooperation and meeting.

    >>> tie_key(Link("b", "a", "cooperation")), tie_key(Link("b", "a", "referral"))
    (('a', 'b', 'cooperation'), ('b', 'a', 'referral'))
    """
    source, target, kind = link.source, link.target, link.kind
    if kind not in DIRECTED_KINDS and target < source:
        return target, source, kind
    return source, target, kind


def tie_keys(network: Network, layer: str = "working",
             combine: Combine | str = "max") -> list[tuple[str, str, str, str]]:
    """``(source, target, kind, layer)`` of every tie of ``layer`` (``working``,
    ``platform`` or ``all``), in :func:`tie_list`'s order, without building the
    ties: under ``max`` and ``mean`` every distinct :func:`tie_key` of the reports
    is a tie, a fraction of :func:`tie_list`'s time on a national network's
    200,000 reports; under ``min`` (ties left out by their status) the ties are built.

    >>> from graphnet.model import Actor, Network
    >>> net = Network(actors=(Actor("a", "A", "police"), Actor("b", "B", "health")),
    ...               links=(Link("a", "b", "referral", reported_by="a"),
    ...                      Link("a", "b", "referral", reported_by="b")))
    >>> tie_keys(net)
    [('a', 'b', 'referral', 'working')]
    """
    if combine == "min":
        return [(tie.source, tie.target, tie.kind, tie.layer)
                for tie in tie_list(network, combine) if layer in (tie.layer, "all")]
    keys: list[tuple[str, str, str, str]] = []
    if layer in ("working", "all"):
        keys += [(*key, "working") for key in dict.fromkeys(
            tie_key(link) for link in network.links if not link.is_self_loop)]
    if layer in ("platform", "all"):
        keys += [(link.source, link.target, link.kind, "platform")
                 for link in network.meeting_links() if not link.is_self_loop]
    return keys


def _working(network: Network, combine: str, answered: frozenset[str]) -> list[Tie]:
    reporter_ids = _reporter_ids(network)
    grouped: dict[tuple[str, str, str], list[Report]] = {}
    for link in network.links:
        if link.is_self_loop:  # no collaboration with oneself (validation warns)
            continue
        source, target, kind = tie_key(link)
        by = reporter_ids.get(link.reported_by) if link.reported_by else None
        report = Report(by if by in (source, target) else None, float(link.weight), link)
        group = grouped.get((source, target, kind))
        if group is None:
            grouped[source, target, kind] = [report]
        else:
            group.append(report)
    ties: list[Tie] = []
    for (source, target, kind), reports in grouped.items():
        if len(reports) == 1:  # most ties: one report, its weight under every rule
            reporter = reports[0].reported_by
            status = "recorded" if reporter is None else (
                "one_sided" if (target if reporter == source else source) in answered
                else "unanswered")
            weight = reports[0].weight
        else:
            sides: dict[str | None, float] = {}
            for report in reports:
                sides[report.reported_by] = sides.get(report.reported_by, 0.0) + report.weight
            status = _status((source, target), sides, answered)
            weight = _combine(list(sides.values()), combine)
        if combine == "min" and status in ("one_sided", "unanswered"):
            continue
        ties.append(Tie(source, target, kind, "working", weight, status, tuple(reports)))
    return ties


def _platform(network: Network) -> list[Tie]:
    return [Tie(link.source, link.target, link.kind, "platform", float(link.weight), "derived")
            for link in network.meeting_links() if not link.is_self_loop]


def tie_list(network: Network, combine: Combine | str = "max") -> list[Tie]:
    """Every tie of the network: the working ties (in the order their first report
    comes in the links), then the platform ties (pairs in id order).

    ``combine`` is ``max`` (default), ``mean`` or ``min`` (see the module doc).

    >>> from graphnet.model import Actor, Attendance, Link, Network
    >>> net = Network(actors=(Actor("a", "A", "police"), Actor("b", "B", "health")),
    ...               links=(Link("b", "a", "cooperation", 3),),
    ...               attendance=(Attendance("m1", "a"), Attendance("m1", "b")))
    >>> [(t.source, t.target, t.layer, t.status) for t in tie_list(net)]
    [('a', 'b', 'working', 'recorded'), ('a', 'b', 'platform', 'derived')]
    """
    if combine not in COMBINE_RULES:
        raise ValueError(f"combine must be one of {', '.join(COMBINE_RULES)}, not {combine!r}")
    answered = respondents_of(network).answered
    return _working(network, combine, answered) + _platform(network)


def respondent_summary(network: Network) -> RespondentSummary:
    """The response rate overall and per sector, its source, and the non-respondents.

    >>> from graphnet.model import Actor, Network, Respondent
    >>> net = Network(actors=(Actor("a", "A", "police"), Actor("b", "B", "police"),
    ...                       Actor("c", "C", "health")),
    ...               respondents=(Respondent("a", True), Respondent("c", False)))
    >>> s = respondent_summary(net)
    >>> s.response_rate, dict(s.by_sector), s.source, s.non_respondents
    (0.3333333333333333, {'police': 0.5, 'health': 0.0}, 'table', ('b', 'c'))
    """
    known = respondents_of(network)
    per_sector: dict[str, list[int]] = {}
    for actor in network.actors:
        counts = per_sector.setdefault(actor.sector, [0, 0])
        counts[1] += 1
        counts[0] += actor.id in known.answered
    total = len(network.actors)
    answered = sum(1 for actor in network.actors if actor.id in known.answered)
    missing = () if known.source == "none" else tuple(
        actor.id for actor in network.actors if actor.id not in known.answered)
    return RespondentSummary(
        response_rate=answered / total if total else 0.0,
        by_sector={sector: n / of for sector, (n, of) in per_sector.items()},
        source=known.source,
        answered=answered,
        actors=total,
        non_respondents=missing,
    )


def unknown_actors(network: Network, ties: Iterable[Tie]) -> list[str]:
    """Actors that did not answer and that no working tie names: nothing is known
    of them (not the same as isolated, which is an answer). Empty when nobody is
    known to have answered (source ``none``: every actor with no tie is isolated,
    as before respondents were recorded).

    >>> from graphnet.model import Actor, Network, Respondent
    >>> net = Network(actors=(Actor("a", "A", "police"), Actor("b", "B", "health")),
    ...               respondents=(Respondent("a", True),))
    >>> unknown_actors(net, tie_list(net))
    ['b']
    """
    known = respondents_of(network)
    if known.source == "none":
        return []
    named = {end for tie in ties if tie.layer == "working" for end in tie.ends}
    return [actor.id for actor in network.actors
            if actor.id not in known.answered and actor.id not in named]


def tie_graph(ties: Iterable[Tie], layer: str = "working", *, network: Network | None = None,
              directed: bool = False) -> nx.Graph:
    """The ties of one layer (``working``, ``platform`` or ``all``) as a simple graph.

    Undirected (default, an ``nx.Graph``): one edge per pair of actors tied in any
    way; ``weight`` = the sum of the combined weights of the pair's ties (ties of
    different kinds, and the two directions of a directed kind, are different
    ties, so they add up — the two reports of one tie never do), ``kinds`` = the
    set of kinds, ``ties`` = how many ties, ``statuses`` = the set of statuses,
    ``layers`` = the set of layers. ``directed=True`` gives an ``nx.DiGraph``:
    referral and information ties as arcs source → target, cooperation and
    meeting ties as arcs both ways, attributes merged the same way. With
    ``network`` every actor is a node (isolated and unknown ones too) carrying
    its public fields; otherwise only the tied actors are.

    >>> from graphnet.model import Actor, Link, Network
    >>> net = Network(actors=(Actor("a", "A", "police"), Actor("b", "B", "health"),
    ...                       Actor("c", "C", "health")),
    ...               links=(Link("a", "b", "referral", 2, reported_by="a"),
    ...                      Link("a", "b", "referral", 4, reported_by="b")))
    >>> g = tie_graph(tie_list(net), network=net)
    >>> g["a"]["b"]["weight"], g.number_of_nodes()
    (4.0, 3)
    """
    if layer not in (*LAYERS, "all"):
        raise ValueError(f"layer must be working, platform or all, not {layer!r}")
    graph: nx.Graph = nx.DiGraph() if directed else nx.Graph()
    if network is not None:
        graph.name = network.name or ""
        graph.add_nodes_from((actor.id, node_attributes(actor)) for actor in network.actors)
    edges: dict[tuple[str, str], dict[str, Any]] = {}

    def add(u: str, v: str, tie: Tie) -> None:
        key = (u, v)
        if not directed and key not in edges and (v, u) in edges:
            key = (v, u)
        edge = edges.get(key)
        if edge is None:
            edges[key] = {"weight": tie.weight, "kinds": {tie.kind}, "ties": 1,
                          "statuses": {tie.status}, "layers": {tie.layer}}
            return
        edge["weight"] += tie.weight
        edge["kinds"].add(tie.kind)
        edge["ties"] += 1
        edge["statuses"].add(tie.status)
        edge["layers"].add(tie.layer)

    for tie in ties:
        if layer != "all" and tie.layer != layer:
            continue
        add(tie.source, tie.target, tie)
        if directed and not tie.directed:
            add(tie.target, tie.source, tie)
    graph.add_edges_from(
        (u, v, {**data, "kinds": frozenset(data["kinds"]),
                "statuses": frozenset(data["statuses"]), "layers": frozenset(data["layers"])})
        for (u, v), data in edges.items())
    return graph


def tie_view(network: Network, ties: Iterable[Tie], layer: str = "working") -> Network:
    """``network`` with its links replaced by the ties of one layer (``working``,
    ``platform`` or ``all``): one link per tie, of the tie's kind and combined
    weight, its ends in the tie's order. No attendance (the platform's pairs are
    ties already), no ``reported_by`` (a tie is everyone's reports together); each
    link's attributes carry ``layer`` and ``status``, and a platform one
    ``derived_from = attendance``. Every measure, finding and suggestion computed
    on the view is computed on ties, so two reports of one tie never add up.

    >>> from graphnet.model import Actor, Attendance, Link, Network
    >>> net = Network(actors=(Actor("a", "A", "police"), Actor("b", "B", "health")),
    ...               links=(Link("a", "b", "referral", 24, reported_by="a"),
    ...                      Link("a", "b", "referral", 20, reported_by="b")),
    ...               attendance=(Attendance("m1", "a"), Attendance("m1", "b")))
    >>> [(l.kind, l.weight) for l in tie_view(net, tie_list(net)).links]
    [('referral', 24.0)]
    >>> [(l.kind, l.weight) for l in tie_view(net, tie_list(net), "platform").links]
    [('meeting', 1.0)]
    """
    if layer not in (*LAYERS, "all"):
        raise ValueError(f"layer must be working, platform or all, not {layer!r}")
    links = []
    for tie in ties:
        if layer != "all" and tie.layer != layer:
            continue
        attributes = {"layer": tie.layer, "status": tie.status}
        if tie.layer == "platform":
            attributes["derived_from"] = DERIVED_FROM_ATTENDANCE
        links.append(Link(tie.source, tie.target, tie.kind, tie.weight, attributes=attributes))
    return replace(network, links=tuple(links), attendance=())


def partner_counts(ties: Iterable[Tie]) -> dict[str, dict[str, int]]:
    """Per layer, per actor: how many other actors it has a tie with (of any kind,
    either direction), e.g. ``{"working": {"a": 2}, "platform": {"a": 5}}``.

    >>> from graphnet.model import Link
    >>> ties = [Tie("a", "b", "referral", "working", 1, "recorded"),
    ...         Tie("b", "a", "referral", "working", 1, "recorded")]
    >>> partner_counts(ties)["working"]
    {'a': 1, 'b': 1}
    """
    partners: dict[str, dict[str, set[str]]] = {layer: {} for layer in LAYERS}
    for tie in ties:
        of_layer = partners[tie.layer]
        of_layer.setdefault(tie.source, set()).add(tie.target)
        of_layer.setdefault(tie.target, set()).add(tie.source)
    return {layer: {actor: len(others) for actor, others in of_layer.items()}
            for layer, of_layer in partners.items()}


def tie_record(tie: Tie) -> dict[str, Any]:
    """A tie as a plain dict for JSON or CSV (the contract in ``docs/analysis-schema.md``).

    ``reports`` lists one entry per reporter (its reports added), the networker's
    record as ``reported_by: None``; a platform tie has none.

    >>> from graphnet.model import Link
    >>> tie = Tie("a", "b", "referral", "working", 24.0, "confirmed",
    ...           (Report("a", 24.0, Link("a", "b", "referral", 24)),
    ...            Report("b", 20.0, Link("a", "b", "referral", 20))))
    >>> tie_record(tie)["reports"]
    [{'reported_by': 'a', 'weight': 24.0}, {'reported_by': 'b', 'weight': 20.0}]
    """
    return {
        "source": tie.source,
        "target": tie.target,
        "kind": tie.kind,
        "layer": tie.layer,
        "weight": tie.weight,
        "status": tie.status,
        "reports": [{"reported_by": by, "weight": weight}
                    for by, weight in tie.side_weights().items()],
    }


def respondent_record(summary: RespondentSummary) -> dict[str, Any]:
    """The respondent summary as a plain dict for JSON (``docs/analysis-schema.md``).

    >>> from graphnet.model import Actor, Network
    >>> record = respondent_record(respondent_summary(Network(actors=(Actor("a", "A", "police"),))))
    >>> record["source"], record["by_sector"], record["non_respondents"]
    ('none', {'police': 0.0}, [])
    """
    return {
        "response_rate": summary.response_rate,
        "by_sector": dict(summary.by_sector),
        "source": summary.source,
        "answered": summary.answered,
        "actors": summary.actors,
        "non_respondents": list(summary.non_respondents),
    }
