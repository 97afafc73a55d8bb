"""How each measure is computed, in words: the conventions block of every output.

:data:`CONVENTIONS` maps a measure (an actor-table column or a network-level
figure) to one plain sentence: what it counts, on which graph, with which
normalisation, on which scope and with which sampling. The texts are English
only because they name library conventions (networkx, R's sna) a reader checks
against; the findings carry the Czech sentences.
"""

from __future__ import annotations

__all__ = ["CONVENTIONS", "EXACT_PATHS_LIMIT", "SAMPLED_SOURCES", "SAMPLING_ERROR"]

#: Up to this many actors betweenness and closeness are exact; above it, each
#: connected component larger than this is estimated from sampled sources.
EXACT_PATHS_LIMIT = 2000

#: Seeded random shortest-path sources per large component.
SAMPLED_SOURCES = 500

#: Measured with ``benchmarks/bench_analysis.py --sampling`` (sampled with
#: SAMPLED_SOURCES sources against exact, values normalised on the component).
SAMPLING_ERROR = (
    "measured on a 1,916-actor, 12,043-link component of the 206-ORP synthetic network: "
    "betweenness off by at most 0.011 (mean 0.0002, Spearman rank correlation 0.983, the ten "
    "highest within 8 %), closeness by at most 0.008 (mean 0.0017, Spearman 0.993); on the "
    "largest, 4,068-actor component the ten highest betweenness values within 16 % and "
    "closeness within 2 %"
)

_SCOPE = "whole network (every actor of every ORP in the input)"

CONVENTIONS: dict[str, str] = {
    "scope": (
        f"Unless stated otherwise every figure is computed on the {_SCOPE}; the orp_* "
        "columns are computed on each actor's own ORP alone."
    ),
    "collaboration_graph": (
        "The collaboration graph is undirected and simple: one link per pair of actors "
        "with any tie of any kind on the layer analysed (see tie_layer: working ties by "
        "default, the platform's co-attendance only when asked), its weight the sum of the "
        "combined weights of their ties; self-loops left out."
    ),
    "flow_graph": (
        "The flow graph is directed and simple: referral and information links are "
        "arcs from source to target, meeting and cooperation links arcs both ways."
    ),
    "degree": "Degree is the number of distinct partners on the collaboration graph.",
    "in_degree": (
        "In-degree is the number of distinct actors with an arc to the actor on the flow "
        "graph."
    ),
    "out_degree": (
        "Out-degree is the number of distinct actors the actor has an arc to on the flow "
        "graph."
    ),
    "strength": (
        "Strength is the sum of the weights of the actor's links on the collaboration graph."
    ),
    "betweenness": (
        "Betweenness is shortest-path betweenness on the unweighted collaboration graph, "
        "normalised by (n-1)(n-2)/2 over all n actors as networkx betweenness_centrality "
        f"does; exact in every connected component of up to {EXACT_PATHS_LIMIT:,} actors, "
        f"each larger component estimated from shortest paths out of a sample of "
        f"{SAMPLED_SOURCES} seeded "
        f"random actors of it, scaled by its size (error against exact with sampling forced, "
        f"{SAMPLING_ERROR})."
    ),
    "closeness": (
        "Closeness is networkx closeness_centrality on the unweighted collaboration graph: "
        "(reachable-1)/(sum of distances) times (reachable-1)/(n-1) (Wasserman-Faust), 0 for "
        f"an isolate; in a component larger than {EXACT_PATHS_LIMIT:,} actors the mean "
        f"distance is taken to {SAMPLED_SOURCES} seeded random actors of it (the same sample "
        "as betweenness; error under betweenness)."
    ),
    "eigenvector": (
        "Eigenvector centrality is networkx eigenvector_centrality on the unweighted "
        "collaboration graph (power iteration on A+I from a uniform start, unit Euclidean "
        "norm over all actors, tolerance 1e-6), which also runs on disconnected networks; up "
        "to 1,000 iterations where networkx stops at 100 (loosely linked ORPs converge "
        "slowly), with the same values whenever networkx converges."
    ),
    "pagerank": (
        "PageRank is networkx pagerank on the collaboration graph with link weights, "
        "damping 0.85, each link followed both ways, isolates' share spread evenly."
    ),
    "constraint": (
        "Constraint is Burt's constraint on the unweighted, undirected collaboration graph "
        "(networkx constraint): sum over partners j of (p_ij + sum_q p_iq p_qj)^2 with "
        "p_ij = 1/degree; empty for an isolate."
    ),
    "effective_size": (
        "Effective size is Burt's effective size on the unweighted, undirected collaboration "
        "graph: degree minus 2 x (links among the partners) / degree; empty for an isolate."
    ),
    "core_number": (
        "Core number is the largest k such that the actor is in the k-core of the "
        "collaboration graph."
    ),
    "community": (
        "Community is Louvain on the weighted collaboration graph (resolution 1, fixed seed): "
        "networkx louvain_communities up to 5,000 actors, python-igraph community_multilevel "
        "(the same method; 0.3 s instead of 5.5 s at 30,000 actors) above; numbered by size "
        "with the largest 0."
    ),
    "brokerage": (
        "Brokerage counts the open two-paths a->b->c on the flow graph that actor b brokers, "
        "by Gould-Fernandez role with the sector as group, raw counts as R sna::brokerage: "
        "coordinator (all one sector), itinerant (a and c share a sector, b does not), "
        "representative (a shares b's sector, c does not), gatekeeper (c shares b's "
        "sector, a does not), liaison (three different sectors); total is their sum."
    ),
    "is_isolated": "An isolated actor has no link at all.",
    "is_peripheral": "A peripheral actor has exactly one partner.",
    "is_sector_closed": "A sector-closed actor has partners and all of them are in its own sector.",
    "is_cut_point": (
        "A cut point is an actor whose departure splits its part of the network (articulation"
        " point)."
    ),
    "orp": "ORP is the actor's ORP as given in the data (scope label only, not a measure).",
    "orp_betweenness": (
        "ORP betweenness is betweenness as above computed on the actor's own ORP alone (the "
        "actors with the same ORP and the links among them), normalised by that ORP's size; "
        "empty for an actor without an ORP."
    ),
    "orp_closeness": (
        "ORP closeness is closeness as above computed on the actor's own ORP alone (the "
        "actors with the same ORP and the links among them); empty for an actor without an ORP."
    ),
    "density": "Density is linked pairs / possible pairs n(n-1)/2 on the collaboration graph.",
    "components": (
        "Components are the connected parts of the collaboration graph, isolates included; "
        "largest_component_share is the largest one's actors / all actors."
    ),
    "average_degree": "Average degree is 2 x links / actors on the collaboration graph.",
    "degree_centralization": (
        "Degree centralisation is Freeman's: sum of (max degree - degree) / ((n-1)(n-2)), 1 "
        "for a star, 0 when all degrees are equal."
    ),
    "transitivity": (
        "Transitivity is 3 x triangles / connected triples of the collaboration graph "
        "(networkx transitivity)."
    ),
    "reciprocity": (
        "Reciprocity is the share of arcs of the reported directed links (referral, "
        "information) whose reverse arc is also reported; empty without directed links."
    ),
    "ei_index": (
        "The E-I index (Krackhardt-Stern) is (E-I)/(E+I) over the links of the collaboration "
        "graph, E links between sectors, I links within a sector; -1 fully siloed, +1 all "
        "across. Per sector: I = links among its actors, E = links from them to other sectors."
    ),
    "sector_mixing": (
        "The sector mixing matrix gives, for each pair of sectors (and each with itself), "
        "linked actor pairs, possible pairs (n_a x n_b, or n_a(n_a-1)/2 within) and their "
        "ratio."
    ),
    "sector_modularity": (
        "Sector modularity is Newman's modularity of the partition by sector on the "
        "unweighted collaboration graph: how much more links stay inside sectors than chance "
        "would give."
    ),
    "key_players": (
        "Key players are Borgatti's KPP-Neg set: the k actors whose removal most raises "
        "fragmentation F = 1 - sum s(s-1)/(n(n-1)) over the components left (n = actors "
        "left; 0 for fewer than two), found greedily then improved by swaps (plus 10 seeded "
        "restarts on networks of up to 1,000 actors; a heuristic, not always the optimum), "
        "on the whole collaboration graph; k = 3 unless set."
    ),
}
