"""Comparing a mapping with itself reports no change anywhere."""

from __future__ import annotations

import json
from pathlib import Path

from graphnet.compare import Comparison, write_comparison
from graphnet.i18n import t


def test_self_comparison_has_no_change(self_comparison: Comparison) -> None:
    assert self_comparison.has_changes is False


def test_self_comparison_lists_no_actor_or_link_change(self_comparison: Comparison) -> None:
    actors, links = self_comparison.actors, self_comparison.links
    assert (actors.added, actors.removed, actors.edited, actors.id_suggestions) == ((),) * 4
    assert (links.gained, links.lost, links.reweighted) == ((),) * 3


def test_self_comparison_changes_no_figure_sector_pair_or_position(
        self_comparison: Comparison) -> None:
    assert self_comparison.figures and not any(f.difference for f in self_comparison.figures)
    assert not any(p.density_change for p in self_comparison.sector_pairs)
    assert (self_comparison.positions, self_comparison.roles) == ((), ())


def test_self_comparison_keeps_every_finding_open(self_comparison: Comparison) -> None:
    findings = self_comparison.findings
    assert (findings.resolved, findings.new) == ((), ())
    assert len(findings.still_open) == len(self_comparison.new_analysis.findings)


def test_self_comparison_outputs_say_nothing_changed(self_comparison: Comparison,
                                                     tmp_path: Path) -> None:
    write_comparison(self_comparison, tmp_path, lang="en", with_map=False)
    data = json.loads((tmp_path / "compare.json").read_text("utf-8"))
    assert data["has_changes"] is False
    assert t("compare.no_change", "en") in (tmp_path / "compare.html").read_text("utf-8")
    assert t("compare.no_change", "en") in (tmp_path / "compare.md").read_text("utf-8")
