"""The aggregate map of a large network: one node per sector within each ORP.

A node stands for the actors of one sector serving one ORP, sized by how many
there are; an edge joins two such groups of one ORP when any tie does, its
width growing with the number of ties (:mod:`graphnet.ties`: the two ends'
reports of one tie count once) of the layer asked for: ``working`` (default),
``platform`` (pairs at the same meeting, counted as kind ``platform``) or
``all``. Ties between ORPs are drawn once per pair of ORPs, between the ORPs' name
labels (thousands of sector-to-sector lines across the map would hide the
rest and make the page slow to open). Links inside a group are counted in the
group's tooltip. ORPs sit on a grid (sorted by region,
then name) and each sector keeps the same place around its ORP.

>>> from graphnet.model import Actor, Link, Network
>>> net = Network(
...     actors=(Actor("a", "A", "police", orp="Lhota"), Actor("b", "B", "health", orp="Lhota"),
...             Actor("c", "C", "health", orp="Lhota")),
...     links=(Link("a", "b", "referral"), Link("a", "c", "referral"), Link("b", "c", "meeting")),
... )
>>> data = aggregate_map_data(net, lang="en")
>>> sorted(n["id"] for n in data.nodes if n["layer"] == "group")
['Lhota|health', 'Lhota|police']
>>> [(e["from"], e["to"], e["links"], e["byKind"]) for e in data.edges]
[('Lhota|health', 'Lhota|police', 2, {'referral': 2})]
>>> [e["byKind"] for e in aggregate_map_data(net, lang="en", layer="all").edges]
[{'referral': 2}]
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from itertools import compress
from operator import ne
from typing import Any

from graphnet.i18n import format_number, t
from graphnet.map.data import (
    MapData,
    edge_options,
    kind_entries,
    node_colors,
    node_options,
    scaled_sizes,
)
from graphnet.map.layout import grid_of_rings
from graphnet.model import Network
from graphnet.ties import Tie, tie_keys
from graphnet.vocab import LINK_KINDS, sector_color

__all__ = ["aggregate_map_data", "NO_ORP"]

NO_ORP = "–"
#: The key platform ties are counted under in an edge's ``byKind`` (not ``meeting``,
#: which is a working tie two actors report).
PLATFORM_KIND = "platform"


def _group_id(orp: str, sector: str) -> str:
    return f"{orp}|{sector}"


def _tie_ends(network: Network, layer: str, combine: str) -> list[tuple[str, str, str]]:
    """(source, target, kind) of every tie of ``layer``
    (:func:`graphnet.ties.tie_keys`), platform ties as kind :data:`PLATFORM_KIND`."""
    return [(source, target, PLATFORM_KIND if tie_layer == "platform" else kind)
            for source, target, kind, tie_layer in tie_keys(network, layer, combine)]


def _count_links(network: Network, group_of: dict[str, str], orp_of: dict[str, str],
                 ties: Sequence[tuple[str, str, str]]
                 ) -> tuple[Counter[str], Counter[tuple[str, str]],
                            dict[tuple[str, str], dict[str, int]], set[tuple[str, str]]]:
    """Ties counted by group: inside each group, between two groups of one ORP, and
    between two ORPs (one pair of ``orp:`` labels), each pair in sorted order, with
    its count per kind. A national network has 200,000 links (reported and from
    meetings) but only tens of thousands of distinct (group, group, kind): those are
    counted first, in one C-level ``Counter`` pass, and only they are looked at."""
    sources = [source for source, _, _ in ties]
    targets = [target for _, target, _ in ties]
    kinds = [kind for _, _, kind in ties]
    group = group_of.get
    # zip/map/compress keep the per-tie work in C; self-loops are left out.
    triples = Counter(compress(
        zip(map(group, sources), map(group, targets), kinds, strict=True),
        map(ne, sources, targets)))
    inside: Counter[str] = Counter()
    between: Counter[tuple[str, str]] = Counter()
    by_kind: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    orp_pairs: set[tuple[str, str]] = set()
    for (ga, gb, kind), n in triples.items():
        if ga is None or gb is None:
            continue
        if ga == gb:
            inside[ga] += n
            continue
        orp_a, orp_b = orp_of[ga], orp_of[gb]
        if orp_a != orp_b:
            # Between ORPs, one edge per pair of ORPs (centre to centre): thousands of
            # sector-to-sector lines across the grid would hide everything else.
            ga, gb = f"orp:{orp_a}", f"orp:{orp_b}"
        pair = (ga, gb) if ga < gb else (gb, ga)
        if orp_a != orp_b:
            orp_pairs.add(pair)
        between[pair] += n
        counts = by_kind[pair]  # a plain dict: 14,000 Counters cost a tenth of a second
        counts[kind] = counts.get(kind, 0) + n
    return inside, between, by_kind, orp_pairs


def aggregate_map_data(network: Network, *, lang: str = "cs", title: str | None = None,
                       layer: str = "working", combine: str = "max",
                       ties: Sequence[Tie] | None = None) -> MapData:
    """Nodes and edges of the aggregate map of ``network`` (see the module doc): the
    ties of ``layer`` (``working``, ``platform`` or ``all``); ``ties`` default to
    :func:`graphnet.ties.tie_list` of ``network`` under ``combine`` (ties with an end
    not in ``network`` are left out)."""
    if layer not in ("working", "platform", "all"):
        raise ValueError(f"layer must be working, platform or all, not {layer!r}")
    if ties is None:
        ends = _tie_ends(network, layer, combine)
    else:
        ids = set(network.actor_ids)
        ends = [(tie.source, tie.target, PLATFORM_KIND if tie.layer == "platform" else tie.kind)
                for tie in ties if layer in (tie.layer, "all")
                and tie.source in ids and tie.target in ids]
    group_of: dict[str, str] = {}
    members: Counter[str] = Counter()
    where: dict[str, tuple[str, str]] = {}
    region_of: dict[str, str] = {}
    for actor in network.actors:
        orp = actor.orp or NO_ORP
        gid = _group_id(orp, actor.sector)
        group_of[actor.id] = gid
        members[gid] += 1
        where[gid] = (orp, actor.sector)
        region_of.setdefault(orp, actor.region or "")

    orp_of = {gid: orp for gid, (orp, _) in where.items()}
    inside, between, by_kind, orp_pairs = _count_links(network, group_of, orp_of, ends)

    orps = sorted(region_of, key=lambda o: (region_of[o], o))
    sectors_in: dict[str, list[str]] = defaultdict(list)
    for gid in sorted(members):
        orp, sector = where[gid]
        sectors_in[orp].append(sector)
    sector_order = list(network.sectors.codes) + sorted(
        {s for _, s in where.values()} - set(network.sectors.codes))
    centres, places = grid_of_rings(orps, sectors_in, sector_order)
    sizes = scaled_sizes({gid: float(n) for gid, n in members.items()})

    nodes: list[dict[str, Any]] = []
    for orp in orps:
        x, y = centres[orp]
        label = node_options(f"orp:{orp}", "text", orp, x=x, y=y, physics=False,
                             font={"size": 30, "color": "#111111", "strokeWidth": 6,
                                   "strokeColor": "#ffffff"})
        label.update(layer="label", orp=orp, tooltip=[orp])
        nodes.append(label)
    orp_rank = {orp: i for i, orp in enumerate(orps)}
    sector_rank = {sector: i for i, sector in enumerate(sector_order)}
    for gid in sorted(members, key=lambda g: (orp_rank[where[g][0]], sector_rank[where[g][1]])):
        orp, sector = where[gid]
        x, y = places[(orp, sector)]
        sector_label = network.sectors.label(sector, lang)
        node = node_options(gid, "dot", f"{sector_label} ({members[gid]})",
                            color=node_colors(sector_color(network.sectors, sector)),
                            size=sizes[gid], x=x, y=y, borderWidth=2)
        node.update(
            layer="group", sector=sector, orp=orp, actors=members[gid], marks=[],
            tooltip=[
                f"{orp}: {sector_label}",
                f"{t('map.tip_actors', lang)}: {format_number(members[gid], lang)}",
                f"{t('map.tip_links_inside', lang)}: {format_number(inside[gid], lang)}",
            ],
        )
        nodes.append(node)

    # Thousands of edges: each record holds only what differs from the page's
    # defaults, and the page writes the edge's tooltip from ``links`` and ``byKind``.
    edges: list[dict[str, Any]] = []
    for (ga, gb), n in sorted(between.items()):
        counts = by_kind[(ga, gb)]
        edge = edge_options(ga, gb, width=round(min(1.0 + 1.2 * math.log2(n), 9.0), 2))
        edge.update(layer="link", kinds=sorted(counts), links=n,
                    byKind={k: counts[k] for k in sorted(counts)})
        if (ga, gb) in orp_pairs:
            edge.update(color={"color": "#5A5A5A", "opacity": 0.45}, between_orps=True)
        edges.append(edge)

    present = {kind for _, _, kind in ends}
    sector_counts = Counter(a.sector for a in network.actors)
    sector_entries = [
        {"key": s, "label": network.sectors.label(s, lang),
         "color": sector_color(network.sectors, s), "count": sector_counts[s]}
        for s in sector_order if sector_counts[s]
    ]
    legend = {
        "colors": {"heading": t("map.sectors", lang), "entries": sector_entries, "by": "sector"},
        "sectors": sector_entries,
        # Every aggregate edge is drawn alike: the legend names the kinds only.
        "kinds": [dict(entry, label=LINK_KINDS.label(entry["key"], lang), arrows=False,
                       dashes=False, width=3.0, color="#777777")
                  for entry in kind_entries(network, lang, present=present - {PLATFORM_KIND})]
        + ([{"key": PLATFORM_KIND, "label": t("map.layer_platform", lang), "arrows": False,
             "dashes": False, "width": 3.0, "color": "#777777"}]
           if PLATFORM_KIND in present else []),
        "layers": [],
        "marks": [],
        "extras": [],
        "size": t("map.size_group", lang),
    }
    subtitle = t("map.groups_count", lang, n=format_number(len(network.actors), lang),
                 groups=format_number(len(members), lang))
    return MapData("aggregate", nodes, edges, legend,
                   title or network.name or t("map.title_aggregate", lang), subtitle,
                   notes=[t("map.aggregate_hint", lang)])
