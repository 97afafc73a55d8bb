"""One side of a comparison as ties: the tie view compared, every tie of both layers,
who answered, and the pairs that work together or meet at the platform.

:meth:`Side.of` takes them from the mapping's analysis when there is one (its
``view``, ``ties`` and ``respondents``), otherwise computes them
(:mod:`graphnet.ties`), so a comparison without analyses counts the same ties.

>>> from graphnet.model import Actor, Attendance, Link, Network
>>> net = Network(actors=(Actor("o", "OSPOD", "child_protection"),
...                       Actor("s", "SAS", "social_services"), Actor("z", "ZŠ", "education")),
...               links=(Link("o", "s", "referral", 24, reported_by="o"),
...                      Link("o", "s", "referral", 20, reported_by="s")),
...               attendance=(Attendance("m1", "s"), Attendance("m1", "z")))
>>> side = Side.of(net)
>>> [(l.source, l.target, l.weight) for l in side.view.links]
[('o', 's', 24.0)]
>>> sorted(side.working_pairs), sorted(side.platform_pairs)
([('o', 's')], [('s', 'z')])
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graphnet.analysis import Analysis
from graphnet.compare.records import PairChange, PairChanges
from graphnet.model import Network
from graphnet.ties import (
    RespondentSummary,
    Tie,
    respondent_summary,
    tie_list,
    tie_view,
    unknown_actors,
)

__all__ = ["Side", "Pair", "DATA_FIGURES", "data_figures", "diff_pairs"]

#: An unordered pair of actor ids, smaller id first.
Pair = tuple[str, str]

#: Figures about the data itself (who answered, how ties are confirmed), in display order.
DATA_FIGURES = ("response_rate", "unknown", "ties_confirmed", "ties_one_sided",
                "ties_unanswered", "ties_recorded", "platform_pairs")


def _pairs(ties: tuple[Tie, ...], layer: str) -> frozenset[Pair]:
    return frozenset((min(t.ends), max(t.ends)) for t in ties
                     if t.layer == layer and t.source != t.target)


@dataclass(frozen=True)
class Side:
    """One mapping as ties (see the module doc)."""

    network: Network
    view: Network
    ties: tuple[Tie, ...]
    unknown: frozenset[str]
    respondents: RespondentSummary
    working_pairs: frozenset[Pair]
    platform_pairs: frozenset[Pair]

    @classmethod
    def of(cls, network: Network, analysis: Analysis | None = None, *,
           layer: str = "working", combine: str = "max") -> Side:
        """``network`` as ties of ``layer`` combined by ``combine``; with ``analysis``
        (of this network, on that layer and rule) its own view, ties and respondents."""
        if analysis is not None and analysis.view is not None and analysis.ties:
            ties, view = tuple(analysis.ties), analysis.view
            respondents = analysis.respondents or respondent_summary(network)
        else:
            ties = tuple(tie_list(network, combine))
            view = tie_view(network, ties, layer)
            respondents = respondent_summary(network)
        return cls(network, view, ties, frozenset(unknown_actors(network, ties)), respondents,
                   _pairs(ties, "working"), _pairs(ties, "platform"))


def data_figures(side: Side) -> dict[str, Any]:
    """The figures of :data:`DATA_FIGURES` for one side: the response rate (None when
    nobody is known to have answered), unknown actors, working ties per status and
    pairs meeting at the platform."""
    statuses = {status: 0 for status in ("confirmed", "one_sided", "unanswered", "recorded")}
    for tie in side.ties:
        if tie.layer == "working" and tie.status in statuses:
            statuses[tie.status] += 1
    rate = side.respondents.response_rate if side.respondents.source != "none" else None
    return {"response_rate": rate, "unknown": len(side.unknown),
            **{f"ties_{status}": n for status, n in statuses.items()},
            "platform_pairs": len(side.platform_pairs)}


def diff_pairs(old: Side, new: Side) -> PairChanges:
    """Pairs that started working together, and pairs that started meeting at the
    platform (see :class:`~graphnet.compare.records.PairChanges`), by name.

    >>> from graphnet.model import Actor, Attendance, Link, Network
    >>> actors = (Actor("o", "OSPOD", "child_protection"), Actor("s", "SAS", "social_services"),
    ...           Actor("z", "ZŠ", "education"))
    >>> old = Network(actors=actors)
    >>> new = Network(actors=actors, links=(Link("o", "s", "cooperation"),),
    ...               attendance=(Attendance("m1", "s"), Attendance("m1", "z")))
    >>> pairs = diff_pairs(Side.of(old), Side.of(new))
    >>> [(p.source, p.target, p.change) for p in pairs.new_working]
    [('o', 's', 'new_working_tie')]
    >>> [(p.source, p.target, p.change, p.platform_only) for p in pairs.new_platform]
    [('s', 'z', 'now_meet_at_platform', True)]
    """
    actors = {a.id: a for a in old.network.actors} | {a.id: a for a in new.network.actors}
    folded = {i: a.name.casefold() for i, a in actors.items()}

    def change(pair: Pair) -> PairChange:
        a, b = pair
        actor_a, actor_b = actors.get(a), actors.get(b)
        return PairChange(a, b, actor_a.name if actor_a else a, actor_b.name if actor_b else b,
                          actor_a.sector if actor_a else "", actor_b.sector if actor_b else "",
                          pair in old.working_pairs, pair in new.working_pairs,
                          pair in old.platform_pairs, pair in new.platform_pairs)

    def ordered(pairs: frozenset[Pair]) -> tuple[PairChange, ...]:
        return tuple(change(p) for p in sorted(
            pairs, key=lambda p: (folded.get(p[0], p[0]), folded.get(p[1], p[1]), p)))

    return PairChanges(ordered(new.working_pairs - old.working_pairs),
                       ordered(new.platform_pairs - old.platform_pairs))
