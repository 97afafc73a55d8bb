"""Network-level figures: size, cohesion, centralisation, mixing, key players.

:func:`network_summary` returns plain JSON-ready values (int, float, str, None,
lists and dicts of them; NaN becomes None). Conventions in
:data:`graphnet.measures.CONVENTIONS`; every figure is on the whole network given.

>>> from graphnet.model import Actor, Link, Network
>>> net = Network(
...     actors=(Actor("a", "A", "police"), Actor("b", "B", "health"), Actor("c", "C", "health")),
...     links=(Link("a", "b", "referral"), Link("b", "a", "referral")),
... )
>>> from graphnet.measures import actor_table
>>> s = network_summary(net, actor_table(net))
>>> s["actors"], s["links"], s["isolated"], s["reciprocity"], s["ei_index"]
(3, 1, 1, 1.0, 1.0)
"""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from graphnet.graphs import collaboration_graph, flow_graph
from graphnet.measures.keyplayers import DEFAULT_K, KeyPlayers, key_players
from graphnet.measures.mixing import actor_sectors, ei_index, sector_modularity
from graphnet.model import Network
from graphnet.vocab import DIRECTED_KINDS

__all__ = ["network_summary", "degree_centralization", "reciprocity", "json_number"]


def json_number(value: Any) -> Any:
    """``value`` as a plain int/float for JSON; NaN and infinities become None."""
    if value is None:
        return None
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    number = float(value)
    return None if math.isnan(number) or math.isinf(number) else number


def degree_centralization(degrees: np.ndarray | list[int]) -> float:
    """Freeman degree centralisation: Σ(max − d)/((n − 1)(n − 2)); NaN below 3 actors.

    >>> degree_centralization([3, 1, 1, 1])
    1.0
    """
    d = np.asarray(degrees, dtype=float)
    n = len(d)
    if n < 3:
        return float("nan")
    return float((d.max() - d).sum() / ((n - 1) * (n - 2)))


def reciprocity(network: Network) -> float:
    """Share of reported directed arcs (referral, information) whose reverse is
    also reported; NaN without directed links. Self-loops left out."""
    arcs = {(link.source, link.target) for link in network.links
            if link.kind in DIRECTED_KINDS and not link.is_self_loop}
    if not arcs:
        return float("nan")
    return sum((t, s) in arcs for s, t in arcs) / len(arcs)


def network_summary(network: Network, actors_df: pd.DataFrame, *,
                    collaboration: nx.Graph | None = None, flow: nx.DiGraph | None = None,
                    k: int = DEFAULT_K, key_player_set: KeyPlayers | None = None,
                    seed: int = 42) -> dict[str, Any]:
    """Network-level figures of ``network`` (``actors_df`` from :func:`actor_table`).

    Keys: actors, links (linked pairs), arcs (flow graph), links_by_kind (reported
    links plus meeting links from attendance, by kind), density, components,
    largest_component_share, isolated, average_degree, degree_centralization,
    transitivity, reciprocity, ei_index, sector_modularity, communities,
    key_players ({actors, k, fragmentation_before, fragmentation_after}).
    ``key_player_set`` reuses a :func:`key_players` result already computed.
    """
    collab = collaboration if collaboration is not None else collaboration_graph(network)
    flows = flow if flow is not None else flow_graph(network)
    sectors = actor_sectors(network)
    n = collab.number_of_nodes()
    m = collab.number_of_edges() - nx.number_of_selfloops(collab)
    degrees = actors_df["degree"].to_numpy()
    component_sizes = [len(c) for c in nx.connected_components(collab)]
    # Links among each actor's partners, read back from effective size
    # (degree − 2t/degree) instead of counting triangles again.
    esize = actors_df["effective_size"].to_numpy(dtype=float)
    tri = np.rint(np.nan_to_num((degrees - esize) * degrees / 2.0))
    triples = float((degrees * (degrees - 1)).sum()) / 2.0
    kp = key_player_set if key_player_set is not None else key_players(collab, k, seed=seed)
    kinds = Counter(link.kind for link in network.all_links())
    return {
        "actors": n,
        "links": m,
        "arcs": flows.number_of_edges() - nx.number_of_selfloops(flows),
        "links_by_kind": {kind: int(count) for kind, count in sorted(kinds.items())},
        "density": json_number(2 * m / (n * (n - 1)) if n > 1 else float("nan")),
        "components": len(component_sizes),
        "largest_component_share": json_number(max(component_sizes) / n if n else float("nan")),
        "isolated": int(actors_df["is_isolated"].sum()),
        "average_degree": json_number(2 * m / n if n else float("nan")),
        "degree_centralization": json_number(degree_centralization(degrees)),
        "transitivity": json_number(tri.sum() / triples if triples else 0.0),
        "reciprocity": json_number(reciprocity(network)),
        "ei_index": json_number(ei_index(collab, sectors)),
        "sector_modularity": json_number(sector_modularity(collab, sectors)),
        "communities": int(actors_df["community"].nunique()) if n else 0,
        "key_players": {
            "actors": list(kp.actors),
            "k": len(kp.actors),
            "fragmentation_before": json_number(kp.fragmentation_before),
            "fragmentation_after": json_number(kp.fragmentation_after),
        },
    }
