"""Findings are matched by kind + actors + sectors, and then by what they are about."""

from __future__ import annotations

from dataclasses import replace

from graphnet.analysis import Analysis, Finding
from graphnet.compare.findings import diff_findings


def finding(kind: str, actors: tuple[str, ...], sectors: tuple[str, ...], **figures) -> Finding:
    return Finding(kind, "high", actors, sectors, figures, {"cs": kind, "en": kind})


def with_findings(analysis: Analysis, *findings: Finding) -> Analysis:
    return replace(analysis, findings=findings)


def test_a_group_finding_whose_actors_changed_is_still_open(sample_analysis: Analysis) -> None:
    before = with_findings(sample_analysis, finding("isolated", ("pl1", "pl2", "pl3"), ("health",)))
    after = with_findings(sample_analysis, finding("isolated", ("pl1", "pl4"), ("health",)))
    changes = diff_findings(before, after)
    assert (len(changes.resolved), len(changes.new), len(changes.still_open)) == (0, 0, 1)


def test_coverage_gaps_of_different_needs_are_different_findings(sample_analysis: Analysis) -> None:
    gap = lambda need: finding("coverage_gap", (), ("education",), need=need,  # noqa: E731
                               level="universal")
    before = with_findings(sample_analysis, gap("behaviour"), gap("learning"))
    after = with_findings(sample_analysis, gap("learning"))
    changes = diff_findings(before, after)
    assert [f.figures["need"] for f in changes.resolved] == ["behaviour"]
    assert [f.figures["need"] for f in changes.still_open] == ["learning"]


def test_a_cut_point_of_another_actor_is_a_new_finding(sample_analysis: Analysis) -> None:
    before = with_findings(sample_analysis, finding("cut_point", ("ospod", "x"), ("health",),
                                                 actor="ospod"))
    after = with_findings(sample_analysis, finding("cut_point", ("ppp", "x"), ("health",),
                                                actor="ppp"))
    changes = diff_findings(before, after)
    assert [f.figures["actor"] for f in changes.resolved] == ["ospod"]
    assert [f.figures["actor"] for f in changes.new] == ["ppp"]


def test_each_finding_matches_at_most_one(sample_analysis: Analysis) -> None:
    same = finding("broker", ("ospod",), ("child_protection",))
    changes = diff_findings(with_findings(sample_analysis, same),
                            with_findings(sample_analysis, same, same))
    assert (len(changes.still_open), len(changes.new)) == (1, 1)
