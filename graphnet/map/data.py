"""The map's nodes and edges as plain records, ready to be embedded in the page.

Each record holds vis-network's options as pyvis's ``pyvis.node.Node`` and
``pyvis.edge.Edge`` build them (:func:`node_options`, :func:`edge_options`: the same
keys in the same order; pyvis itself is not imported, as its package imports
IPython, a tenth of a report's time; its ``Network`` class would not be used
anyway: it scans every edge on each insertion and its template is unsafe).
graphnet adds what its own page needs: ``layer`` ("actor", "link", "suggestion",
"extra"), the ``sector`` and ``kind`` the filters act on, and ``tooltip``, a list
of plain-text lines the page turns into a text-only element.

The map draws **ties**, not report rows (:mod:`graphnet.ties`): one ``link``
edge per tie, its ``weight`` the tie's combined weight (the two ends' reports
of one tie are never added up), ``tie_layer`` ``working`` or ``platform``
(co-attendance pairs, drawn thin, grey and dotted), ``status`` the tie's
confirmation status. The ties are the analysis's (:attr:`Analysis.ties`) when
one is given, else :func:`graphnet.ties.tie_list` of the network. The layer the
analysis measured (``working`` by default) is shown when the page opens; the
other is a switch in the legend.

>>> from graphnet.model import Actor, Link, Network
>>> net = Network(actors=(Actor("a", "A", "police"), Actor("b", "B", "health")),
...               links=(Link("a", "b", "referral", 24, reported_by="a"),
...                      Link("a", "b", "referral", 20, reported_by="b"),
...                      Link("b", "a", "cooperation")))
>>> data = actor_map_data(net, lang="en")
>>> sorted((e["from"], e["to"], e["kind"], e["weight"]) for e in data.edges)
[('a', 'b', 'cooperation', 1.0), ('a', 'b', 'referral', 24.0)]
>>> data.nodes[0]["label"], data.nodes[0]["tooltip"][:2]
('A', ['A', 'Sector: police'])
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from graphnet.i18n import format_number, t
from graphnet.map.layout import actor_positions
from graphnet.model import Actor, Network
from graphnet.ties import Tie, respondents_of, tie_graph, tie_list, unknown_actors
from graphnet.vocab import DIRECTED_KINDS, LEVELS, LINK_KINDS, NEEDS, sector_color

if TYPE_CHECKING:
    from graphnet.analysis import Analysis

__all__ = [
    "ExtraEdge",
    "node_options",
    "edge_options",
    "MapData",
    "actor_map_data",
    "COLOR_BY",
    "SIZE_BY",
    "KIND_STYLES",
    "PLATFORM_STYLE",
    "map_ties",
    "tie_edges",
    "SUGGESTION_COLOR",
    "PALETTE",
]

COLOR_BY = ("sector", "community", "orp")
SIZE_BY = ("degree", "betweenness", "pagerank", "strength")

#: How each link kind is drawn: arrows, dash pattern, base width, colour.
KIND_STYLES: dict[str, dict[str, Any]] = {
    "referral": {"arrows": True, "dashes": False, "width": 2.5, "color": "#444444"},
    "information": {"arrows": True, "dashes": [2, 7], "width": 2.5, "color": "#444444"},
    "meeting": {"arrows": False, "dashes": False, "width": 1.0, "color": "#9A9A9A"},
    "cooperation": {"arrows": False, "dashes": False, "width": 5.0, "color": "#666666"},
}
#: How a platform tie (two actors at the same platform meeting) is drawn: thin,
#: light grey, dotted, so it never passes for a working tie.
PLATFORM_STYLE: dict[str, Any] = {"arrows": False, "dashes": [2, 5], "width": 1.5,
                                  "color": "#8C8C8C"}
#: How an actor nothing is known of (did not answer, nobody names it) is drawn:
#: hollow, with a dotted border in its colour.
UNKNOWN_FILL = "#FFFFFF"
UNKNOWN_DASHES = [2, 4]
SUGGESTION_COLOR = "#9933CC"
SUGGESTION_DASHES = [12, 9]

#: Colours for communities and ORPs (Paul Tol's colour-blind-safe "muted" and
#: "bright" schemes), used in turn.
PALETTE = (
    "#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677",
    "#882255", "#AA4499", "#4477AA", "#66CCEE", "#228833", "#CCBB44", "#EE6677",
)

_MIN_SIZE, _MAX_SIZE = 14.0, 46.0


@dataclass(frozen=True)
class ExtraEdge:
    """An edge drawn on top of the network's own links, in its own style.

    For the comparison map: gained links green, lost links red and dashed. Edges
    sharing a ``label`` form one legend entry with its own switch. ``label`` and
    ``title`` are shown as text (escaped), in whatever language the caller chose.

    >>> ExtraEdge("a", "b", "gained link", color="#228833").dashes
    False
    """

    source: str
    target: str
    label: str
    color: str = "#228833"
    dashes: bool = False
    width: float = 3.0
    directed: bool = False
    title: str | None = None


@dataclass(frozen=True)
class MapData:
    """Everything the page shows: nodes, edges, the legend and the headings."""

    view: str
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    legend: dict[str, Any]
    title: str
    subtitle: str
    notes: list[str] = field(default_factory=list)
    #: The actor to select when the page opens (the centre of an ego map).
    focus: str | None = None

    @property
    def suggestion_count(self) -> int:
        return sum(1 for e in self.edges if e["layer"] == "suggestion")


def node_options(node_id: str, shape: str, label: str, **options: Any) -> dict[str, Any]:
    """A node's vis-network options, keys in the order ``pyvis.node.Node`` gives them.

    >>> node_options("a", "dot", "A", size=3)
    {'size': 3, 'id': 'a', 'label': 'A', 'shape': 'dot'}
    """
    return {**options, "id": node_id, "label": label, "shape": shape}


def edge_options(source: str, target: str, **options: Any) -> dict[str, Any]:
    """An edge's vis-network options, keys in the order ``pyvis.edge.Edge`` gives
    them (undirected: the arrows are among ``options``).

    >>> edge_options("a", "b", width=2)
    {'width': 2, 'from': 'a', 'to': 'b'}
    """
    return {**options, "from": source, "to": target}


def node_colors(fill: str) -> dict[str, Any]:
    """vis-network colour options for a node filled with ``fill``."""
    return {
        "background": fill,
        "border": "#222222",
        "highlight": {"background": fill, "border": "#000000"},
        "hover": {"background": fill, "border": "#000000"},
    }


def scaled_sizes(values: Mapping[str, float]) -> dict[str, float]:
    """Node sizes between 14 and 46 px, by the square root of the value's share of
    the range (area grows with the value); all equal values give one middle size."""
    if not values:
        return {}
    low, high = min(values.values()), max(values.values())
    if high - low <= 1e-12:
        return {k: (_MIN_SIZE + _MAX_SIZE) / 3 for k in values}
    return {
        k: round(_MIN_SIZE + (_MAX_SIZE - _MIN_SIZE) * math.sqrt((v - low) / (high - low)), 1)
        for k, v in values.items()
    }


def edge_width(base: float, weight: float) -> float:
    """Line width: the kind's base width, growing with the log of the weight (×2 at most)."""
    factor = 1.0 + 0.4 * math.log2(weight) if weight > 1 else 1.0
    return round(base * min(factor, 2.0), 2)


def _labels(vocabulary: Any, codes: Iterable[str], lang: str) -> str:
    return ", ".join(vocabulary.label(code, lang) for code in codes)


def actor_tooltip(
    actor: Actor,
    network: Network,
    lang: str,
    measures: Sequence[tuple[str, str]],
    findings: Sequence[str],
    status: Sequence[str] = (),
) -> list[str]:
    """The lines of an actor's tooltip (plain text; the page never reads it as HTML);
    ``status``: lines on what is known of it (did not answer, unknown)."""
    sector = network.sectors.label(actor.sector, lang)
    lines = [actor.name, f"{t('map.tip_sector', lang)}: {sector}"]
    if actor.type:
        lines.append(f"{t('map.tip_type', lang)}: {actor.type}")
    if actor.municipality:
        lines.append(f"{t('map.tip_municipality', lang)}: {actor.municipality}")
    if actor.orp and actor.orp != actor.municipality:
        lines.append(f"{t('map.tip_orp', lang)}: {actor.orp}")
    if actor.needs:
        lines.append(f"{t('map.tip_needs', lang)}: {_labels(NEEDS, actor.needs, lang)}")
    if actor.levels:
        lines.append(f"{t('map.tip_levels', lang)}: {_labels(LEVELS, actor.levels, lang)}")
    lines += list(status)
    lines += [f"{label}: {value}" for label, value in measures]
    if actor.notes:
        lines.append(f"{t('map.tip_note', lang)}: {actor.notes}")
    if findings:
        lines.append(t("map.tip_findings", lang))
        lines += [f"• {text}" for text in findings]
    return lines


def _color_groups(
    network: Network, analysis: Analysis | None, color_by: str, lang: str
) -> tuple[dict[str, str], list[dict[str, Any]], str]:
    """Each actor's colour, the colour legend entries and the legend's heading."""
    counts: Counter[str] = Counter()
    if color_by == "sector":
        colour = {a.id: sector_color(network.sectors, a.sector) for a in network.actors}
        counts.update(a.sector for a in network.actors)
        entries = [
            {"key": code, "label": network.sectors.label(code, lang),
             "color": sector_color(network.sectors, code), "count": counts[code]}
            for code in network.sectors.codes if counts[code]
        ]
        known = set(network.sectors.codes)
        entries += [
            {"key": code, "label": code, "color": sector_color(network.sectors, code),
             "count": n}
            for code, n in sorted(counts.items()) if code not in known
        ]
        return colour, entries, t("map.sectors", lang)
    if color_by == "orp":
        group = {a.id: a.orp or "–" for a in network.actors}
        heading = t("map.orps", lang)
        order = sorted(set(group.values()))
        labels = {g: g for g in order}
    elif color_by == "community":
        if analysis is None:
            raise ValueError("colouring by community needs the analysis of the network")
        column = analysis.actors["community"]
        group = {a.id: str(column.get(a.id)) for a in network.actors}
        sizes = Counter(group.values())
        order = sorted(sizes, key=lambda g: (-sizes[g], g))
        labels = {g: t("map.community", lang, n=i + 1) for i, g in enumerate(order)}
        heading = t("map.communities", lang)
    else:
        raise ValueError(f"color_by must be one of {', '.join(COLOR_BY)}, not {color_by!r}")
    counts.update(group.values())
    palette = {g: PALETTE[i % len(PALETTE)] for i, g in enumerate(order)}
    colour = {actor_id: palette[g] for actor_id, g in group.items()}
    entries = [{"key": g, "label": labels[g], "color": palette[g], "count": counts[g]}
               for g in order]
    return colour, entries, heading


def _measure_values(
    network: Network, analysis: Analysis | None, size_by: str, partners: Mapping[str, int]
) -> tuple[dict[str, float], str]:
    if size_by not in SIZE_BY:
        raise ValueError(f"size_by must be one of {', '.join(SIZE_BY)}, not {size_by!r}")
    if analysis is None:
        if size_by != "degree":
            raise ValueError(f"sizing by {size_by} needs the analysis of the network")
        return {k: float(v) for k, v in partners.items()}, "measure_partners"
    column = analysis.actors[size_by]
    return ({a.id: _number(column.get(a.id)) or 0.0 for a in network.actors},
            f"measure_{size_by}")


def _number(value: Any) -> float | None:
    """A measure as a float; None when missing or not a number (NaN)."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) or math.isinf(number) else number


def map_ties(network: Network, analysis: Analysis | None = None, *, combine: str = "max",
             kinds: Iterable[str] | None = None) -> list[Tie]:
    """The ties a map of ``network`` draws: the analysis's (:attr:`Analysis.ties`) when
    it has them, else :func:`graphnet.ties.tie_list` of ``network`` under ``combine``;
    only those between actors of ``network`` and, when ``kinds`` is given, of those
    kinds (a platform tie is of kind ``meeting``).

    >>> from graphnet.model import Actor, Attendance, Link, Network
    >>> net = Network(actors=(Actor("a", "A", "police"), Actor("b", "B", "health")),
    ...               links=(Link("a", "b", "referral"),),
    ...               attendance=(Attendance("m", "a"), Attendance("m", "b")))
    >>> [(t.kind, t.layer) for t in map_ties(net)]
    [('referral', 'working'), ('meeting', 'platform')]
    >>> [(t.kind, t.layer) for t in map_ties(net, kinds=["referral"])]
    [('referral', 'working')]
    """
    if analysis is not None and analysis.ties:
        source: Iterable[Tie] = analysis.ties
    else:
        source = tie_list(network, analysis.combine if analysis is not None else combine)
    ids = set(network.actor_ids)
    wanted = set(kinds) if kinds is not None else None
    return [tie for tie in source if tie.source in ids and tie.target in ids
            and (wanted is None or tie.kind in wanted)]


def _flags(network: Network, analysis: Analysis | None, ties: Sequence[Tie],
           partners: Mapping[str, int]) -> tuple[set[str], set[str], set[str] | None]:
    """Isolated actors, unknown ones, and those that answered (None: nobody is known
    to have answered, so nobody is marked as not answering)."""
    table = analysis.actors if analysis is not None else None
    if table is not None and "is_unknown" in table and "answered" in table:
        unknown = {str(i) for i, flag in table["is_unknown"].items() if bool(flag)}
        answered: set[str] | None = {str(i) for i, flag in table["answered"].items()
                                     if bool(flag)}
        known = respondents_of(network)
        if known.source == "none":
            answered = None
    else:
        unknown = set(unknown_actors(network, ties))
        known = respondents_of(network)
        answered = None if known.source == "none" else set(known.answered)
    if table is not None and "is_isolated" in table:
        isolated = {str(i) for i, flag in table["is_isolated"].items() if bool(flag)}
    else:
        isolated = {a.id for a in network.actors if partners.get(a.id, 0) == 0}
    return isolated - unknown, unknown, answered


def actor_map_data(
    network: Network,
    analysis: Analysis | None = None,
    *,
    lang: str = "cs",
    color_by: str = "sector",
    size_by: str = "degree",
    suggestions: int = 0,
    extra_edges: Iterable[ExtraEdge] = (),
    seed: int = 42,
    title: str | None = None,
    ties: Sequence[Tie] | None = None,
    layer: str | None = None,
    combine: str = "max",
) -> MapData:
    """Nodes and edges of the map of every actor of ``network``.

    Measures, marks for cut points and key players, findings in tooltips and
    suggested links come from ``analysis`` (its rows for the actors shown); with
    no analysis the map sizes actors by their number of partners and marks only
    the isolated and unknown ones.

    ``ties`` are the ties to draw (default :func:`map_ties`); ``layer`` is the one
    shown when the page opens, ``working``, ``platform`` or ``all`` (default: the
    analysis's :attr:`~Analysis.layer`, else ``working``); ``combine`` is the rule
    for :func:`~graphnet.ties.tie_list` when there is no analysis.
    """
    if ties is None:
        ties = map_ties(network, analysis, combine=combine)
    if layer is None:
        layer = analysis.layer if analysis is not None else "working"
    if layer not in ("working", "platform", "all"):
        raise ValueError(f"layer must be working, platform or all, not {layer!r}")
    if analysis is not None:
        combine = analysis.combine
    graph = tie_graph(ties, layer, network=network)
    partners = dict(graph.degree())
    positions = actor_positions(
        graph, {a.id: a.sector for a in network.actors}, group_order=network.sectors.codes,
        seed=seed,
    )
    colours, colour_entries, colour_heading = _color_groups(network, analysis, color_by, lang)
    values, measure_key = _measure_values(network, analysis, size_by, partners)
    sizes = scaled_sizes(values)
    isolated_ids, unknown_ids, answered = _flags(network, analysis, ties, partners)

    cut_points: set[str] = set()
    key_players: set[str] = set()
    findings_of: dict[str, list[str]] = defaultdict(list)
    if analysis is not None:
        table = analysis.actors
        if "is_cut_point" in table:
            cut_points = {str(i) for i, flag in table["is_cut_point"].items() if bool(flag)}
        key_players = set(analysis.key_players.actors)
        # The findings most about this actor first (those naming fewest actors),
        # then in the analysis's order of importance; five at most per tooltip.
        ranked = sorted(enumerate(analysis.findings), key=lambda f: (len(f[1].actors), f[0]))
        for _, finding in ranked:
            text = finding.text.get(lang) or next(iter(finding.text.values()), "")
            for actor_id in finding.actors:
                if len(findings_of[actor_id]) < 5:
                    findings_of[actor_id].append(text)

    nodes = []
    for actor in network.actors:
        isolated = actor.id in isolated_ids
        unknown = actor.id in unknown_ids
        marks = [m for m, on in (("key_player", actor.id in key_players),
                                 ("cut_point", actor.id in cut_points),
                                 ("isolated", isolated),
                                 ("unknown", unknown)) if on]
        shape = {"key_player": "star", "cut_point": "triangle", "isolated": "square"}.get(
            marks[0] if marks else "", "dot")
        measures: list[tuple[str, str]] = []
        if analysis is not None and actor.id in analysis.actors.index:
            row = analysis.actors.loc[actor.id]
            for column in dict.fromkeys(("degree", "betweenness", size_by, "degree_working",
                                         "degree_platform")):
                if column in row:
                    measures.append((t(f"map.measure_{column}", lang),
                                     format_number(_number(row[column]), lang, 3)))
        else:
            measures.append((t("map.tip_partners", lang), str(partners.get(actor.id, 0))))
        status: list[str] = []
        if unknown:
            status.append(t("map.tip_unknown", lang))
        elif answered is not None and actor.id not in answered:
            status.append(t("map.tip_not_answered", lang))
        x, y = positions[actor.id]
        colour = node_colors(colours[actor.id])
        if unknown:
            # Hollow, the border in the actor's colour: there is nothing to fill it with.
            colour = {**colour, "background": UNKNOWN_FILL, "border": colours[actor.id],
                      "highlight": {"background": UNKNOWN_FILL, "border": "#000000"},
                      "hover": {"background": UNKNOWN_FILL, "border": "#000000"}}
        options = node_options(
            actor.id,
            shape,
            actor.name,
            color=colour,
            size=sizes[actor.id],
            x=x,
            y=y,
            borderWidth=5 if ("cut_point" in marks and shape != "triangle") or unknown else 2,
            shapeProperties={"borderDashes": UNKNOWN_DASHES} if unknown else
            {"borderDashes": [6, 4]} if isolated else {},
        )
        options.update(
            layer="actor",
            sector=actor.sector,
            marks=marks,
            answered=None if answered is None else actor.id in answered,
            tooltip=actor_tooltip(actor, network, lang, measures, findings_of.get(actor.id, []),
                                  status),
        )
        nodes.append(options)

    names = {a.id: a.name for a in network.actors}
    edges = tie_edges(ties, names, lang, layer=layer, combine=combine)
    edges += suggestion_edges(analysis, names, suggestions, lang)
    extra_records, extra_legend = extra_edge_records(extra_edges, names)
    edges += extra_records

    working = sum(1 for tie in ties if tie.layer == "working")
    platform = len(ties) - working
    legend = {
        "colors": {"heading": colour_heading, "entries": colour_entries, "by": color_by},
        "sectors": _sector_entries(network, lang) if color_by != "sector" else colour_entries,
        "kinds": kind_entries(network, lang,
                              present={tie.kind for tie in ties if tie.layer == "working"}),
        "layers": layer_entries(working, platform, layer, lang),
        "marks": [
            {"key": m, "label": t(f"map.mark_{m}", lang)}
            for m in ("isolated", "unknown", "cut_point", "key_player")
            if any(m in n["marks"] for n in nodes)
        ],
        "extras": extra_legend,
        "size": t("map.size_note", lang, measure=t(f"map.{measure_key}", lang)),
    }
    subtitle = t("map.actors_count", lang, n=format_number(len(nodes), lang),
                 links=format_number(working, lang))
    if platform:
        subtitle += t("map.platform_count", lang, n=format_number(platform, lang))
    return MapData("actors", nodes, edges, legend, title or network.name or t("map.title", lang),
                   subtitle)


def layer_entries(working: int, platform: int, layer: str, lang: str) -> list[dict[str, Any]]:
    """The legend's layer switches: one per layer that has ties, ``on`` when the page
    opens with it shown (``layer``: ``working``, ``platform`` or ``all``)."""
    entries = []
    for key, count, style in (("working", working, {"arrows": False, "dashes": False,
                                                    "width": 3.0, "color": "#555555"}),
                              ("platform", platform, PLATFORM_STYLE)):
        if count:
            entries.append({"key": key, "label": t(f"map.layer_{key}", lang), "count": count,
                            "on": layer in (key, "all"), **style})
    return entries


def _sector_entries(network: Network, lang: str) -> list[dict[str, Any]]:
    counts = Counter(a.sector for a in network.actors)
    order = [c for c in network.sectors.codes if counts[c]] + sorted(
        c for c in counts if c not in network.sectors)
    return [{"key": c, "label": network.sectors.label(c, lang),
             "color": sector_color(network.sectors, c), "count": counts[c]} for c in order]


def kind_entries(network: Network, lang: str,
                 present: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """Legend entries of the link kinds ``present`` (default: of the network's reported
    links; vocabulary order), with their style."""
    kinds = set(present) if present is not None else {link.kind for link in network.links}
    return [
        {"key": kind, "label": t(f"map.kind_{kind}", lang) if kind in KIND_STYLES
         else LINK_KINDS.label(kind, lang), **style_of(kind)}
        for kind in [*LINK_KINDS.codes, *sorted(kinds - set(LINK_KINDS.codes))]
        if kind in kinds
    ]


def style_of(kind: str) -> dict[str, Any]:
    return KIND_STYLES.get(kind, {"arrows": kind in DIRECTED_KINDS, "dashes": False,
                                  "width": 2.0, "color": "#555555"})


def tie_tooltip(tie: Tie, names: Mapping[str, str], lang: str, combine: str) -> list[str]:
    """The lines of a tie's tooltip (plain text): the two ends, the kind, the combined
    weight, the status and what each end reported."""
    joiner = "→" if tie.directed and tie.layer == "working" else "–"
    head = f"{names[tie.source]} {joiner} {names[tie.target]}"
    if tie.layer == "platform":
        return [head, t("map.tip_platform", lang),
                f"{t('map.tip_meetings_shared', lang)}: {format_number(tie.weight, lang)}",
                f"{t('map.tip_status', lang)}: {t('map.status_derived', lang)}"]
    lines = [head, LINK_KINDS.label(tie.kind, lang),
             f"{t('map.tip_weight_combined', lang, rule=combine)}: "
             f"{format_number(tie.weight, lang)}",
             f"{t('map.tip_status', lang)}: {t(f'map.status_{tie.status}', lang)}"]
    sides = tie.side_weights()
    for end in tie.ends:
        if end in sides:
            lines.append(t("map.tip_reports", lang, name=names[end],
                           weight=format_number(sides[end], lang)))
        elif tie.status == "one_sided":
            lines.append(t("map.tip_does_not_name", lang, name=names[end]))
        elif tie.status == "unanswered":
            lines.append(t("map.tip_did_not_answer", lang, name=names[end]))
    if None in sides:
        lines.append(t("map.tip_record", lang, weight=format_number(sides[None], lang)))
    return lines


def tie_edges(ties: Iterable[Tie], names: Mapping[str, str], lang: str, *,
              layer: str = "working", combine: str = "max") -> list[dict[str, Any]]:
    """One edge record per tie (see the module doc); those not of ``layer`` (``working``,
    ``platform`` or ``all``) hidden until their layer is switched on. Several ties
    between one pair: all but the first are curved, so none hides another."""
    order = {k: i for i, k in enumerate(LINK_KINDS.codes)}
    by_pair: dict[tuple[str, str], list[Tie]] = defaultdict(list)
    for tie in ties:
        if tie.source == tie.target or tie.source not in names or tie.target not in names:
            continue
        by_pair[(min(tie.ends), max(tie.ends))].append(tie)
    records = []
    for (u, v), group in by_pair.items():
        group.sort(key=lambda tie: (tie.layer != "working", order.get(tie.kind, 99), tie.kind,
                                    tie.source != u))
        for position, tie in enumerate(group):
            platform = tie.layer == "platform"
            style = PLATFORM_STYLE if platform else style_of(tie.kind)
            arrows = "to" if style["arrows"] and tie.directed else ""
            smooth: Any = False
            if position:
                clockwise = bool(position % 2) == (tie.source == u)  # the same side seen from u
                smooth = {"enabled": True, "type": "curvedCW" if clockwise else "curvedCCW",
                          "roundness": 0.18 * ((position + 1) // 2)}
            options = edge_options(
                tie.source, tie.target,
                id=f"platform:{u}|{v}" if platform else f"{tie.kind}:{tie.source}|{tie.target}",
                arrows=arrows,
                dashes=style["dashes"],
                width=edge_width(style["width"], tie.weight),
                color={"color": style["color"], "highlight": "#000000", "hover": "#000000",
                       "opacity": 0.8 if platform else 0.75 if tie.kind == "meeting" else 0.9},
                smooth=smooth,
                hidden=layer not in (tie.layer, "all"),
            )
            options.update(layer="link", kind=tie.kind, tie_layer=tie.layer, status=tie.status,
                           weight=tie.weight, tooltip=tie_tooltip(tie, names, lang, combine))
            records.append(options)
    return records


def suggestion_edges(
    analysis: Analysis | None, names: Mapping[str, str], top: int, lang: str
) -> list[dict[str, Any]]:
    """The ``top`` best suggested links between shown actors: dashed, hidden at first."""
    if analysis is None or top <= 0:
        return []
    records: list[dict[str, Any]] = []
    for suggestion in analysis.suggestions:
        if len(records) >= top:
            break
        if suggestion.source not in names or suggestion.target not in names:
            continue
        reason = suggestion.reasons.get(lang) or next(iter(suggestion.reasons.values()), "")
        tooltip = [
            f"{t('map.tip_suggested', lang)}: {names[suggestion.source]} – "
            f"{names[suggestion.target]}",
            f"{t('map.tip_score', lang)}: {format_number(suggestion.score, lang, 3)}",
        ]
        if reason:
            tooltip.append(reason)
        options = edge_options(
            suggestion.source, suggestion.target,
            id=f"suggestion:{len(records)}",
            dashes=SUGGESTION_DASHES, width=3.5, arrows="",
            color={"color": SUGGESTION_COLOR, "highlight": SUGGESTION_COLOR,
                   "hover": SUGGESTION_COLOR},
            smooth=False, hidden=True,
        )
        options.update(layer="suggestion", score=suggestion.score, tooltip=tooltip)
        records.append(options)
    return records


def extra_edge_records(
    extras: Iterable[ExtraEdge], names: Mapping[str, str]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Records and legend entries of the caller's extra edges."""
    records: list[dict[str, Any]] = []
    legend: dict[str, dict[str, Any]] = {}
    for extra in extras:
        missing = [end for end in (extra.source, extra.target) if end not in names]
        if missing:
            raise ValueError(f"extra edge {extra.source!r}–{extra.target!r}: no actor "
                             f"{', '.join(map(repr, missing))} on the map")
        group = legend.setdefault(extra.label, {
            "key": f"extra{len(legend)}", "label": extra.label, "color": extra.color,
            "dashes": extra.dashes, "width": extra.width, "arrows": extra.directed})
        joiner = "→" if extra.directed else "–"
        tooltip = [f"{names[extra.source]} {joiner} {names[extra.target]}", extra.label]
        if extra.title:
            tooltip.append(extra.title)
        options = edge_options(
            extra.source, extra.target,
            id=f"extra:{len(records)}",
            dashes=[10, 7] if extra.dashes else False,
            width=extra.width, arrows="to" if extra.directed else "",
            color={"color": extra.color, "highlight": extra.color, "hover": extra.color},
            smooth={"enabled": True, "type": "curvedCCW", "roundness": 0.12},
        )
        options.update(layer="extra", group=group["key"], tooltip=tooltip)
        records.append(options)
    return records, list(legend.values())
