"""The comparison works on ties, as networkers count them (issue 11).

Stories on the two sample mappings of Horní Lhota: OSPOD reports 24 referrals to SAS
Rodina in 2025 and 30 in 2026, SAS Rodina 20 from OSPOD both years: one tie, never
44 → 50. Pairs that start working together are new cooperation; pairs that only
started sitting at the same platform meeting are listed apart. The pairs named below
were found in the data by a short script (working ties from vazby.csv, meetings from
setkani.csv) and are checked again here from the raw rows, not from graphnet.
"""

from __future__ import annotations

import csv
import json
from itertools import combinations
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphnet.analysis import Analysis, Finding
from graphnet.cli import main
from graphnet.compare import Comparison, compare, compare_networks
from graphnet.compare.diff import link_weights
from graphnet.compare.findings import diff_findings
from graphnet.compare.tables import CSV_FILES
from graphnet.i18n import format_percent, t
from graphnet.model import Network
from graphnet.report.render import escape_markdown

REFERRAL = ("OSPOD", "SAS-RODINA", "referral")


def the_referral(comparison: Comparison) -> list[tuple[float | None, float | None]]:
    links = comparison.links
    return [(c.weight_before, c.weight_after)
            for c in (*links.gained, *links.lost, *links.reweighted)
            if (c.source, c.target, c.kind) == REFERRAL]


@pytest.mark.parametrize(("rule", "before", "after"),
                         [("max", 24.0, 30.0), ("mean", 22.0, 25.0), ("min", 20.0, 20.0)])
def test_the_ospod_referral_to_sas_is_one_tie_under_each_rule(
        sample_network: Network, sample_network_later: Network, rule: str, before: float,
        after: float) -> None:
    assert link_weights(sample_network, combine=rule)[REFERRAL] == before
    assert link_weights(sample_network_later, combine=rule)[REFERRAL] == after
    changed = the_referral(compare_networks(sample_network, sample_network_later, combine=rule))
    # under min both years read 20 (what both ends confirm): no change to list
    assert changed == ([] if before == after else [(before, after)])


def test_the_comparison_of_the_analyses_reads_24_to_30(sample_comparison: Comparison) -> None:
    assert the_referral(sample_comparison) == [(24.0, 30.0)]
    assert sample_comparison.to_dict()["tie_rules"] == {"layer": "working", "combine": "max"}


@pytest.fixture(scope="module")
def written_cs(sample_dir: Path, sample_dir_later: Path,
               tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("compare-ties")
    result = CliRunner().invoke(main, ["compare", str(sample_dir), str(sample_dir_later),
                                       "-o", str(out), "--lang", "cs", "--no-map"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out


def test_no_file_says_44_or_50_for_the_referral(written_cs: Path) -> None:
    data = json.loads((written_cs / "compare.json").read_text("utf-8"))
    rows = [r for block in data["links"].values() for r in block
            if (r["source"], r["target"], r["kind"]) == REFERRAL]
    assert [(r["weight_before"], r["weight_after"]) for r in rows] == [(24.0, 30.0)]
    text = (written_cs / CSV_FILES["links"]).read_text("utf-8-sig").splitlines()
    table = list(csv.DictReader(text, delimiter=";"))
    mine = [r for r in table if (r[t("compare.col_source", "cs")],
                                 r[t("compare.col_target", "cs")]) == REFERRAL[:2]
            and r[t("compare.col_link_kind", "cs")] == "doporučení"]
    assert [(r[t("compare.col_weight_before", "cs")], r[t("compare.col_weight_after", "cs")])
            for r in mine] == [("24,0", "30,0")]
    markdown = (written_cs / "compare.md").read_text("utf-8")
    line = next(x for x in markdown.splitlines()
                if x.startswith("| doporučení | OSPOD") and "SAS Rodina" in x)
    assert "| 24 | 30 |" in line and "44" not in line and "50" not in line


def raw_pairs(network: Network) -> tuple[set[frozenset[str]], set[frozenset[str]]]:
    """Working pairs (reported rows) and platform pairs (same meeting), from the rows."""
    working = {frozenset((link.source, link.target)) for link in network.links
               if link.source != link.target}
    meetings: dict[str, set[str]] = {}
    for row in network.attendance:
        meetings.setdefault(row.meeting, set()).add(row.actor)
    platform = {frozenset(p) for people in meetings.values() for p in combinations(people, 2)}
    return working, platform


def test_a_new_working_tie_and_a_pair_that_only_meets_at_the_platform(
        sample_comparison: Comparison, sample_network: Network,
        sample_network_later: Network) -> None:
    (work_before, meet_before), (work_after, meet_after) = (raw_pairs(sample_network),
                                                            raw_pairs(sample_network_later))
    school_sas, ppp_sas = frozenset(("SAS-RODINA", "ZS-KOM")), frozenset(("PPP", "SAS-RODINA"))
    # by hand: ZŠ Komenského and SAS Rodina report working together in 2026 only;
    # PPP and SAS Rodina share a platform meeting in 2026 only and report no work
    assert school_sas in work_after and school_sas not in work_before
    assert ppp_sas in meet_after - meet_before and ppp_sas not in work_before | work_after
    pairs = sample_comparison.pairs
    new_working = {frozenset((p.source, p.target)): p for p in pairs.new_working}
    only = {frozenset((p.source, p.target)) for p in pairs.platform_only}
    assert new_working[school_sas].change == "new_working_tie"
    assert ppp_sas in only and ppp_sas not in new_working
    assert new_working.keys() == {p for p in work_after - work_before}
    assert only == {p for p in meet_after - meet_before if p not in work_before | work_after}


def test_a_pair_working_together_that_now_also_meets_is_in_the_platform_block_only(
        sample_comparison: Comparison) -> None:
    pairs = sample_comparison.pairs
    also = [p for p in pairs.new_platform if p.working_before and p.working_after]
    still = {frozenset((p.source, p.target)) for p in also}
    assert not still & {frozenset((p.source, p.target)) for p in pairs.new_working}
    assert all(p.change == "now_meet_at_platform" and not p.platform_only for p in also)


def test_platform_pairs_are_no_links_gained_and_no_new_cooperation(
        sample_comparison: Comparison, written_cs: Path) -> None:
    only = {frozenset((p.source, p.target)) for p in sample_comparison.pairs.platform_only}
    gained = {frozenset((c.source, c.target)) for c in sample_comparison.links.gained}
    assert only and not only & gained
    summary = (written_cs / "compare.html").read_text("utf-8")
    assert t("compare.summary_pairs", "cs", working=len(sample_comparison.pairs.new_working),
             platform=len(only)) in summary
    table = (written_cs / CSV_FILES["pairs"]).read_text("utf-8-sig")
    assert t("compare.pair_change_new_working_tie", "cs") in table
    assert t("compare.pair_change_now_meet_at_platform", "cs") in table
    html = (written_cs / "compare.html").read_text("utf-8")
    assert t("compare.pairs_platform_only", "cs") in html
    assert t("compare.pairs_new_working", "cs") in html


def test_response_rate_and_statuses_before_and_after(sample_comparison: Comparison,
                                                     written_cs: Path) -> None:
    figures = {f.key: f for f in sample_comparison.figures}
    for network, side in ((sample_comparison.old, "before"), (sample_comparison.new, "after")):
        answered = {r.actor for r in network.respondents if r.answered}
        assert getattr(figures["response_rate"], side) == pytest.approx(
            len(answered & set(network.actor_ids)) / len(network.actors))
    line = t("compare.summary_response_rate", "cs",
             before=format_percent(figures["response_rate"].before, "cs"),
             after=format_percent(figures["response_rate"].after, "cs"))
    assert line == "Návratnost dotazníku: 22,6\xa0% → 24,1\xa0%."
    assert line in (written_cs / "compare.html").read_text("utf-8")
    assert escape_markdown(line) in (written_cs / "compare.md").read_text("utf-8")
    statuses = sum(figures[f"ties_{s}"].after
                   for s in ("confirmed", "one_sided", "unanswered", "recorded"))
    assert statuses == figures["links"].after  # every working tie has one status


def test_the_header_names_the_layer_and_the_rule(sample_dir: Path, sample_dir_later: Path,
                                                 tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["compare", str(sample_dir), str(sample_dir_later),
                                       "-o", str(tmp_path), "--lang", "cs", "--no-map",
                                       "--ties", "platform", "--combine", "mean"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "compare.json").read_text("utf-8"))
    assert data["tie_rules"] == {"layer": "platform", "combine": "mean"}
    assert {r["kind"] for r in data["links"]["gained"]} == {"meeting"}
    header = t("compare.tie_rules", "cs", layer=t("compare.layer_platform", "cs"),
               combine=t("compare.combine_mean", "cs"))
    assert header in (tmp_path / "compare.md").read_text("utf-8")
    assert header in (tmp_path / "compare.html").read_text("utf-8")


def test_an_analysis_on_another_rule_is_refused(sample_network: Network,
                                                sample_network_later: Network,
                                                sample_analysis: Analysis) -> None:
    with pytest.raises(ValueError, match="combined by max"):
        compare(sample_network, sample_network_later, old_analysis=sample_analysis,
                new_analysis=sample_analysis, combine="min")


def finding(kind: str, actors: tuple[str, ...], sectors: tuple[str, ...], **figures) -> Finding:
    return Finding(kind, "low", actors, sectors, figures, {"cs": kind, "en": kind})


@pytest.mark.parametrize(("before", "after", "open_"), [
    # the same reporter and the same silent end: still open, whatever the kinds
    (finding("one_sided", ("OSPOD", "PPP"), ("child_protection", "school_counselling"),
             reported_by="OSPOD", not_reported_by="PPP", kinds=["referral"]),
     finding("one_sided", ("OSPOD", "PPP"), ("child_protection", "school_counselling"),
             reported_by="OSPOD", not_reported_by="PPP", kinds=["referral", "information"]),
     True),
    # PPP now reports it and OSPOD is silent: another finding
    (finding("one_sided", ("OSPOD", "PPP"), ("child_protection",), reported_by="OSPOD",
             not_reported_by="PPP"),
     finding("one_sided", ("PPP", "OSPOD"), ("child_protection", "x"), reported_by="PPP",
             not_reported_by="OSPOD"), False),
    (finding("unknown", ("PLDD-SVOB",), ("health",), count=1),
     finding("unknown", ("PLDD-SVOB", "PLDD-MALA"), ("health",), count=2), True),
    (finding("platform_without_work", ("MP", "AZYL"), ("police", "social_services")),
     finding("platform_without_work", ("MP", "PCR"), ("police", "social_services")), True),
    (finding("platform_without_work", ("MP", "AZYL"), ("police", "social_services")),
     finding("platform_without_work", ("MP", "ZS"), ("education", "police")), False),
    (finding("stopped_attending", ("AZYL",), ("social_services",), series="Platforma",
             last_meeting="P-1"),
     finding("stopped_attending", ("KURATOR",), ("child_protection",), series="Platforma",
             last_meeting="P-2"), True),
])
def test_tie_findings_match_by_what_they_are_about(sample_analysis: Analysis, before: Finding,
                                                   after: Finding, open_: bool) -> None:
    from dataclasses import replace

    changes = diff_findings(replace(sample_analysis, findings=(before,)),
                            replace(sample_analysis, findings=(after,)))
    assert (len(changes.still_open), len(changes.resolved), len(changes.new)) == (
        (1, 0, 0) if open_ else (0, 1, 1))
