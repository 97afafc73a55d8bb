"""The two sample mappings of Horní Lhota, loaded and analysed once per test session."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

import graphnet
from graphnet.analysis import Analysis
from graphnet.compare import Comparison, compare
from graphnet.model import Actor, Link, Network


@pytest.fixture(scope="session")
def old_network(sample_dir: Path) -> Network:
    return graphnet.load(sample_dir)


@pytest.fixture(scope="session")
def new_network(sample_dir_later: Path) -> Network:
    return graphnet.load(sample_dir_later)


@pytest.fixture(scope="session")
def old_analysis(old_network: Network) -> Analysis:
    return graphnet.analyse(old_network)


@pytest.fixture(scope="session")
def new_analysis(new_network: Network) -> Analysis:
    return graphnet.analyse(new_network)


@pytest.fixture(scope="session")
def sample_comparison(old_network: Network, new_network: Network, old_analysis: Analysis,
                      new_analysis: Analysis) -> Comparison:
    return compare(old_network, new_network, old_analysis=old_analysis,
                   new_analysis=new_analysis)


@pytest.fixture(scope="session")
def self_comparison(new_network: Network, new_analysis: Analysis) -> Comparison:
    """The new mapping compared with itself (its analysis computed twice, independently)."""
    return compare(new_network, new_network, old_analysis=graphnet.analyse(new_network),
                   new_analysis=new_analysis)


@pytest.fixture(scope="session")
def evil_name() -> str:
    return "<script>alert(1)</script>"


@pytest.fixture(scope="session")
def evil_comparison(old_network: Network, new_network: Network, old_analysis: Analysis,
                    evil_name: str) -> Comparison:
    """The second mapping with one more actor named like a script, linked to OSPOD."""
    evil = Actor("EVIL", evil_name, "ngo_other")
    new = replace(new_network, actors=(*new_network.actors, evil),
                  links=(*new_network.links, Link("EVIL", "OSPOD", "cooperation", 2.0)))
    return compare(old_network, new, old_analysis=old_analysis)
