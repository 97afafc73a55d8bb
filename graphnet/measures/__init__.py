"""Measures of a network, one family per module, each stating its convention.

- :mod:`~graphnet.measures.centrality`: degree, strength, betweenness, closeness,
  eigenvector, PageRank, core number, cut points
- :mod:`~graphnet.measures.holes`: Burt's constraint and effective size
- :mod:`~graphnet.measures.brokerage`: Gould–Fernandez brokerage roles by sector
- :mod:`~graphnet.measures.mixing`: sector mixing matrix, E-I index, sector modularity
- :mod:`~graphnet.measures.communities`: Louvain communities
- :mod:`~graphnet.measures.keyplayers`: fragmentation and key players (KPP-Neg)
- :mod:`~graphnet.measures.actors`: the per-actor table
- :mod:`~graphnet.measures.summary`: network-level figures
- :mod:`~graphnet.measures.conventions`: every convention in one sentence
"""

from __future__ import annotations

from graphnet.measures.actors import ACTOR_COLUMNS, actor_table
from graphnet.measures.conventions import CONVENTIONS
from graphnet.measures.keyplayers import DEFAULT_K, fragmentation, key_players
from graphnet.measures.mixing import ei_index, sector_ei, sector_mixing, sector_modularity
from graphnet.measures.summary import network_summary

__all__ = [
    "ACTOR_COLUMNS",
    "CONVENTIONS",
    "DEFAULT_K",
    "actor_table",
    "ei_index",
    "fragmentation",
    "key_players",
    "network_summary",
    "sector_ei",
    "sector_mixing",
    "sector_modularity",
]
