"""The summary of the sample ORP names the weaknesses it was built with, in both languages."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from graphnet.analysis import Analysis
from graphnet.model import Network


def _summary_text(folder: Path) -> str:
    page = (folder / "report.html").read_text("utf-8")
    section = re.search(r'<section id="summary">(.*?)</section>', page, re.S)
    assert section is not None
    return html.unescape(re.sub(r"<[^>]+>", " ", section.group(1)))


def _finding_text(analysis: Analysis, kind: str, sectors: set[str], lang: str) -> str:
    found = [f for f in analysis.findings if f.kind == kind and set(f.sectors[:2]) == sectors]
    assert found, (kind, sectors)
    return found[0].text[lang]


@pytest.mark.parametrize("lang", ["cs", "en"])
def test_summary_names_the_isolated_doctors(sample_reports: dict[str, Path],
                                            sample_network: Network, lang: str) -> None:
    linked = {end for link in sample_network.all_links() for end in (link.source, link.target)}
    doctors = [a.name for a in sample_network.actors if a.sector == "health" and a.id not in linked]
    assert doctors
    summary = _summary_text(sample_reports[lang])
    assert all(name in summary for name in doctors)


@pytest.mark.parametrize("lang", ["cs", "en"])
def test_summary_names_schools_without_social_service_partners(
        sample_reports: dict[str, Path], sample_analysis: Analysis, lang: str) -> None:
    sentence = _finding_text(sample_analysis, "missing_sector_link",
                             {"education", "social_services"}, lang)
    assert sentence in _summary_text(sample_reports[lang])


@pytest.mark.parametrize("lang", ["cs", "en"])
def test_summary_names_the_single_ospod_as_a_point_of_failure(
        sample_reports: dict[str, Path], sample_network: Network, sample_analysis: Analysis,
        lang: str) -> None:
    ospod = [a for a in sample_network.actors if a.sector == "child_protection"]
    assert len(ospod) == 1
    cut = [f for f in sample_analysis.findings
           if f.kind == "cut_point" and f.actors[0] == ospod[0].id]
    assert cut
    summary = _summary_text(sample_reports[lang])
    assert cut[0].text[lang] in summary
    assert ospod[0].name in summary


def test_summary_recommendations_differ_by_language(sample_reports: dict[str, Path]) -> None:
    czech, english = (_summary_text(sample_reports[lang]) for lang in ("cs", "en"))
    assert "Doporučení" in czech and "Recommendations" in english
    assert "Recommendations" not in czech
