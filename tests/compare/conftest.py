"""The two sample mappings of Horní Lhota, loaded and analysed once per test session."""

from __future__ import annotations

from dataclasses import replace

import pytest

import graphnet
from graphnet.analysis import Analysis
from graphnet.compare import Comparison, compare
from graphnet.model import Actor, Link, Network


@pytest.fixture(scope="session")
def sample_comparison(
    sample_network: Network,
    sample_network_later: Network,
    sample_analysis: Analysis,
    sample_analysis_later: Analysis,
) -> Comparison:
    return compare(
        sample_network,
        sample_network_later,
        old_analysis=sample_analysis,
        new_analysis=sample_analysis_later,
    )


@pytest.fixture(scope="session")
def self_comparison(sample_network_later: Network, sample_analysis_later: Analysis) -> Comparison:
    """The new mapping compared with itself (its analysis computed twice, independently)."""
    return compare(
        sample_network_later,
        sample_network_later,
        old_analysis=graphnet.analyse(sample_network_later),
        new_analysis=sample_analysis_later,
    )


@pytest.fixture(scope="session")
def evil_name() -> str:
    return "<script>alert(1)</script>"


@pytest.fixture(scope="session")
def evil_comparison(
    sample_network: Network,
    sample_network_later: Network,
    sample_analysis: Analysis,
    evil_name: str,
) -> Comparison:
    """The second mapping with one more actor named like a script, linked to OSPOD."""
    evil = Actor("EVIL", evil_name, "ngo_other")
    new = replace(
        sample_network_later,
        actors=(*sample_network_later.actors, evil),
        links=(*sample_network_later.links, Link("EVIL", "OSPOD", "cooperation", 2.0)),
    )
    return compare(sample_network, new, old_analysis=sample_analysis)
