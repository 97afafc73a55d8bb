"""Which findings a new mapping resolved, which are new and which are still open.

Findings of the two analyses are matched first by kind, the set of actors and the
set of sectors (:func:`finding_key`), then what is left by kind and subject
(:func:`finding_subject`), so that a finding whose list of actors changed (one
more isolated doctor) is still the same open finding.

>>> from graphnet.analysis import Finding
>>> old = Finding("isolated", "high", ("a",), ("health",), {}, {})
>>> new = Finding("isolated", "high", ("a", "b"), ("health",), {}, {})
>>> finding_key(old) == finding_key(new), finding_subject(old) == finding_subject(new)
(False, True)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from graphnet.analysis import Analysis, Finding
from graphnet.compare.records import FindingChanges

__all__ = ["finding_key", "finding_subject", "diff_findings"]


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
    coverage gap, the actor of a cut point, the ends of a bridge, the reporter and the
    other end of a one-sided tie, the sector of unknown actors, the sector pair of pairs
    meeting at the platform without working together, the series of meetings someone
    stopped attending. A finding of the same kind and subject whose list of
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
    if kind == "one_sided":
        if "reported_by" in figures:
            return ("report", figures.get("reported_by"), figures.get("not_reported_by"))
        return ("more",)
    if kind == "stopped_attending":
        return ("series", figures.get("series"))
    return ("actors", frozenset(finding.actors), frozenset(finding.sectors))


_SUBJECT_IS_SECTORS = frozenset({
    "missing_sector_link", "absent_sector", "isolated", "peripheral", "sector_closed",
    "unknown", "platform_without_work",
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

