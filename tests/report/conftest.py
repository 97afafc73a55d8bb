"""Reports made once per test session: the sample ORP in both languages, and the sample
with hostile actor names (markup, a spreadsheet formula) and a contact person."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import graphnet
from graphnet.analysis import Analysis
from graphnet.model import Network
from graphnet.report import Report, ReportOptions, build_report, write_report

SCRIPT_NAME = "<script>alert(1)</script>"
FORMULA_NAME = '=HYPERLINK("http://example.org","x")'
CONTACT = "Jana Nováková, jana.novakova@example.org"


@pytest.fixture(scope="session")
def sample_report_objects(sample_analysis: Analysis) -> dict[str, Report]:
    """The sample's report by language (top 5, so that lists are cut), not yet written."""
    return {lang: build_report(sample_analysis, ReportOptions(lang=lang, top=5))
            for lang in ("cs", "en")}


@pytest.fixture(scope="session")
def sample_reports(sample_report_objects: dict[str, Report],
                   tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The sample's report folder by language."""
    folders = {}
    for lang, report in sample_report_objects.items():
        folder = tmp_path_factory.mktemp(f"report-{lang}")
        write_report(report, folder)
        folders[lang] = folder
    return folders


def _hostile(network: Network) -> Network:
    """The sample with an isolated doctor renamed to a script tag, a school renamed to
    a formula, and a contact person on every actor."""
    linked = {end for link in network.all_links() for end in (link.source, link.target)}
    isolated_health = [a.id for a in network.actors if a.sector == "health" and a.id not in linked]
    school = next(a.id for a in network.actors if a.sector == "education")
    actors = []
    for actor in network.actors:
        name = actor.name
        if actor.id == isolated_health[0]:
            name = SCRIPT_NAME
        elif actor.id == school:
            name = FORMULA_NAME
        actors.append(dataclasses.replace(actor, name=name, contact=CONTACT))
    return dataclasses.replace(network, actors=tuple(actors))


@pytest.fixture(scope="session")
def hostile_network(sample_network: Network) -> Network:
    return _hostile(sample_network)


@pytest.fixture(scope="session")
def hostile_analysis(hostile_network: Network) -> Analysis:
    return graphnet.analyse(hostile_network)


@pytest.fixture(scope="session")
def hostile_report(hostile_analysis: Analysis, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report-hostile")
    write_report(build_report(hostile_analysis, ReportOptions(lang="en", top=100)), folder)
    return folder
