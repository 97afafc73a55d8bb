"""The small reference networks of the measure tests and the values R computed on them.

The networks are the CSV files in ``fixtures/graphs`` (written by
``fixtures/make_graphs.py``); ``fixtures/reference_*.csv`` hold the values R
computed on them (``fixtures/make_reference.R``). Nothing here needs R.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pandas as pd

FIXTURES = Path(__file__).resolve().parent / "fixtures"
DIRECTED = {"services", "random_directed"}


def fixture_graph(name: str) -> tuple[nx.Graph, dict[str, str]]:
    """The fixture network ``name`` and the group (sector) of each node."""
    nodes = pd.read_csv(FIXTURES / "graphs" / f"{name}_nodes.csv", dtype=str)
    edges = pd.read_csv(FIXTURES / "graphs" / f"{name}_edges.csv", dtype=str)
    graph: nx.Graph = nx.DiGraph() if name in DIRECTED else nx.Graph()
    graph.add_nodes_from(nodes["id"])
    graph.add_edges_from(edges.itertuples(index=False, name=None))
    return graph, dict(zip(nodes["id"], nodes["group"], strict=True))


def reference(kind: str) -> pd.DataFrame:
    """``fixtures/reference_<kind>.csv`` as written by R."""
    return pd.read_csv(FIXTURES / f"reference_{kind}.csv", keep_default_na=False,
                       na_values=["NaN", "NA"])
