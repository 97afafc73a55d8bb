"""The map as one self-contained HTML page.

The page is rendered through graphnet's own Jinja template (autoescape on) with
vis-network's JavaScript and CSS read from the installed pyvis package and
embedded inline, and the map's data embedded as JSON that cannot end its
``<script>`` element. Nothing is fetched at run time: the file opens offline.

>>> from graphnet.model import Actor, Link, Network
>>> net = Network(actors=(Actor("a", "<b>A</b>", "police"), Actor("b", "B", "health")),
...               links=(Link("a", "b", "referral"),))
>>> page = render_map(net, lang="en", measures=False)
>>> "<b>A</b>" in page, "https://" in page.split("<script", 1)[0]
(False, False)
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from markupsafe import Markup

from graphnet.analysis import TIE_LAYERS, Analysis, analyse
from graphnet.atomic import atomic_file
from graphnet.errors import OutputError
from graphnet.i18n import LANGUAGES, format_date, t
from graphnet.map.aggregate import aggregate_map_data
from graphnet.map.data import COLOR_BY, SIZE_BY, ExtraEdge, MapData, actor_map_data, map_ties
from graphnet.map.scope import ego_network, find_actor, kind_codes, orp_network, with_kinds
from graphnet.model import Network
from graphnet.templating import environment, template_text
from graphnet.ties import COMBINE_RULES
from graphnet.vocab import LINK_KINDS

__all__ = [
    "MapOptions",
    "render_map",
    "write_map",
    "map_data",
    "AGGREGATE_ABOVE",
    "MAX_MAP_NODES",
    "MAX_MAP_EDGES",
    "VIS_VERSION",
    "script_json",
]

#: Above this many actors the default map is the aggregate one (sectors within ORPs).
AGGREGATE_ABOVE = 1500
#: A map with more nodes or edges than these would not open usably in a browser
#: (vis-network draws every node and edge on one canvas on each frame).
MAX_MAP_NODES = 5000
MAX_MAP_EDGES = 25000

VIS_VERSION = "9.1.2"
VIEWS = ("auto", "actors", "aggregate")
_COLOR = re.compile(r"^#[0-9A-Fa-f]{3,8}$")


def script_json(value: Any) -> Markup:
    """JSON safe inside an HTML ``<script>`` element: ``<``, ``>`` and ``&`` are
    written as ``\\u003c`` etc., so no ``</script>`` or ``<!--`` can appear.

    >>> str(script_json({"name": "</script><!--"}))
    '{"name": "\\\\u003c/script\\\\u003e\\\\u003c!--"}'
    """
    text = json.dumps(value, ensure_ascii=False, allow_nan=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)


def _inline(text: str, closing: str) -> Markup:
    """Code to put inside ``<script>`` / ``<style>``: it must not close the element."""
    pattern = re.compile(re.escape(f"</{closing}"), re.IGNORECASE)
    return Markup(pattern.sub(f"<\\\\/{closing}", text).replace("<!--", "<\\!--"))


@lru_cache(maxsize=1)
def vis_assets() -> tuple[str, str]:
    """vis-network's JavaScript and CSS as shipped inside the installed pyvis."""
    try:
        # Found, not imported: pyvis's package imports IPython (a tenth of a report).
        spec = importlib.util.find_spec("pyvis")
        if spec is None or not spec.submodule_search_locations:
            raise ModuleNotFoundError("No module named 'pyvis'")
        package = Path(next(iter(spec.submodule_search_locations)))
        folder = package / "templates" / "lib" / f"vis-{VIS_VERSION}"
        script = folder.joinpath("vis-network.min.js").read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as error:
        raise OutputError(
            f"vis-network {VIS_VERSION} was not found inside the installed pyvis ({error}); "
            "reinstall graphnet's dependencies (pip install 'pyvis>=0.3.2')"
        ) from error
    css_file = folder.joinpath("vis-network.css")
    css = css_file.read_text("utf-8") if css_file.is_file() else ""
    return script, css




def _checked_color(value: str) -> str:
    # Colours go into style attributes: only plain hex colours, nothing that could
    # load a URL.
    return value if isinstance(value, str) and _COLOR.match(value) else "#999999"


@dataclass(frozen=True)
class MapOptions:
    """What a map shows and how; every option of :func:`render_map` and :func:`map_data`.

    - ``lang``: "cs" or "en".
    - ``color_by``: "sector", "community" or "orp"; ``size_by``: "degree",
      "betweenness", "pagerank" or "strength".
    - ``kinds``: link kinds to draw (codes or labels; default all).
    - ``suggestions``: how many of the best suggested links to add (dashed,
      hidden until switched on).
    - ``orp``: only the actors serving this ORP; ``ego`` (id or name) and
      ``depth``: only this actor and those within ``depth`` links of it.
    - ``extra_edges``: edges drawn in their own style (:class:`ExtraEdge`), e.g.
      gained and lost links on a comparison map.
    - ``view``: "auto" (aggregate above :data:`AGGREGATE_ABOVE` actors), "actors"
      or "aggregate".
    - ``measures``: without an analysis, compute one for the actors shown; with
      ``measures=False`` actors are sized by their number of partners (on the
      layer shown) and only isolated and unknown ones are marked.
    - ``title``: the heading (default: the dataset's name); ``seed``: the layout's.
    - ``ties``: the tie layer shown when the page opens, ``working``, ``platform`` or
      ``all`` (the other is a switch in the legend); None: the analysis's
      :attr:`~graphnet.analysis.Analysis.layer`, ``working`` without one. An
      analysis computed here measures this layer. ``combine``: how the reports of a
      tie make its weight (``max``, ``mean``, ``min``) when the map computes its ties
      or analysis itself; None: the analysis's rule, ``max`` without one.

    >>> MapOptions(size_by="colour")
    Traceback (most recent call last):
    ...
    ValueError: size_by must be one of degree, betweenness, pagerank, strength, not 'colour'
    """

    lang: str = "cs"
    color_by: str = "sector"
    size_by: str = "degree"
    kinds: Iterable[str] | None = None
    suggestions: int = 0
    orp: str | None = None
    ego: str | None = None
    depth: int = 1
    extra_edges: Sequence[ExtraEdge] = ()
    view: str = "auto"
    measures: bool = True
    title: str | None = None
    seed: int = 42
    ties: str | None = None
    combine: str | None = None

    def __post_init__(self) -> None:
        for name, allowed in (("lang", LANGUAGES), ("color_by", COLOR_BY),
                              ("size_by", SIZE_BY), ("view", VIEWS),
                              ("ties", (None, *TIE_LAYERS)), ("combine", (None, *COMBINE_RULES))):
            value = getattr(self, name)
            if value not in allowed:
                named = ", ".join(str(a) for a in allowed if a is not None)
                raise ValueError(f"{name} must be one of {named}, not {value!r}")
        for extra in self.extra_edges:
            if not _COLOR.match(extra.color):
                raise ValueError(f"extra edge colour must be a hex colour like #228833, not "
                                 f"{extra.color!r}")


def _options(options: MapOptions | None, overrides: dict[str, Any]) -> MapOptions:
    """``options`` (or the defaults) with any keyword overrides applied."""
    base = options if options is not None else MapOptions()
    return replace(base, **overrides) if overrides else base


def map_data(network: Network, analysis: Analysis | None = None,
             options: MapOptions | None = None, **overrides: Any) -> MapData:
    """The nodes, edges and legend of a map (what :func:`render_map` embeds).

    Options come as a :class:`MapOptions` or as its field names, e.g.
    ``map_data(net, size_by="betweenness")``.
    """
    opts = _options(options, overrides)
    view = opts.view
    layer = opts.ties or (analysis.layer if analysis is not None else "working")
    combine = opts.combine or (analysis.combine if analysis is not None else "max")
    shown = network
    if opts.orp is not None:
        shown = orp_network(shown, opts.orp, opts.lang)
    if opts.ego is not None:
        ego_ties = analysis.ties if analysis is not None and analysis.ties else None
        shown = ego_network(shown, opts.ego, opts.depth, opts.lang, layer=layer, ties=ego_ties)
    shown = with_kinds(shown, opts.kinds, opts.lang)
    if view == "auto":
        view = "aggregate" if len(shown.actors) > AGGREGATE_ABOVE else "actors"
    if view == "aggregate":
        # The analysis's ties when there are some (actors not shown are left out by
        # the aggregate map itself), else counted from the reports.
        known = None
        if analysis is not None and analysis.ties:
            codes = kind_codes(opts.kinds, opts.lang)
            known = [tie for tie in analysis.ties if codes is None or tie.kind in codes]
        data = aggregate_map_data(shown, lang=opts.lang, title=opts.title, layer=layer,
                                  combine=combine, ties=known)
        _check_size(data, "aggregate", len(shown.actors))
        return data
    if len(shown.actors) > MAX_MAP_NODES:
        raise OutputError(
            f"a map of {len(shown.actors):,} actors would not open in a browser (at most "
            f"{MAX_MAP_NODES:,}); make the aggregate map (the default above "
            f"{AGGREGATE_ABOVE:,} actors), or draw one ORP (--orp NAME) or one actor's "
            "neighbourhood (--ego ACTOR --depth 1)"
        )
    needs_analysis = (opts.measures or opts.size_by != "degree"
                      or opts.color_by == "community" or opts.suggestions > 0)
    if analysis is None and needs_analysis:
        analysis = analyse(shown, ties=layer, combine=combine)
    # The analysis's ties (of the whole network it was made for), kept to the actors
    # and kinds shown; without an analysis, the ties of the network shown.
    ties = map_ties(shown, analysis, combine=combine, kinds=kind_codes(opts.kinds, opts.lang))
    data = actor_map_data(shown, analysis, lang=opts.lang, color_by=opts.color_by,
                          size_by=opts.size_by, suggestions=opts.suggestions,
                          extra_edges=opts.extra_edges, seed=opts.seed, title=opts.title,
                          ties=ties, layer=layer, combine=combine)
    if opts.ego is not None:
        data = replace(data, focus=find_actor(shown, opts.ego, opts.lang).id)
    _check_size(data, "actors", len(shown.actors))
    return data


def _check_size(data: MapData, view: str, actors: int) -> None:
    nodes, edges = len(data.nodes), len(data.edges)
    if nodes <= MAX_MAP_NODES and edges <= MAX_MAP_EDGES:
        return
    advice = ("draw one ORP (--orp NAME) or one actor's neighbourhood (--ego ACTOR --depth 1)"
              if view == "aggregate" else
              "draw the aggregate map, one ORP (--orp NAME) or one actor's neighbourhood "
              "(--ego ACTOR --depth 1), or fewer link kinds (--kinds)")
    raise OutputError(
        f"the {view} map of these {actors:,} actors would have {nodes:,} nodes and {edges:,} "
        f"edges, more than a browser can draw usably (at most {MAX_MAP_NODES:,} nodes and "
        f"{MAX_MAP_EDGES:,} edges); {advice}"
    )


def render_map(network: Network, analysis: Analysis | None = None,
               options: MapOptions | None = None, **overrides: Any) -> str:
    """The interactive map of ``network`` as one self-contained HTML page.

    ``analysis`` is the network's :class:`~graphnet.analysis.Analysis` (computed
    for the actors shown when None and needed); the options are those of
    :class:`MapOptions`, given as one or by name. A map too large to open raises
    :class:`OutputError`.

    >>> from graphnet.model import Actor, Network
    >>> page = render_map(Network(actors=(Actor("a", "A", "police"),)), measures=False)
    >>> page.startswith("<!DOCTYPE html>")
    True
    """
    opts = _options(options, overrides)
    data = map_data(network, analysis, opts)
    return render_page(data, lang=opts.lang, mapped_on=format_date(network.mapped_on, opts.lang)
                       if network.mapped_on else None)


def render_page(data: MapData, *, lang: str, mapped_on: str | None = None) -> str:
    """Render prepared :class:`MapData` through the template."""
    script, css = vis_assets()
    for entry in [*data.legend["colors"]["entries"], *data.legend["sectors"],
                  *data.legend["extras"]]:
        entry["color"] = _checked_color(entry["color"])
    text: dict[str, Any] = {key: t(f"map.{key}", lang) for key in (
        "freeze", "release", "search_none", "save_png", "tip_links", "show_legend",
        "hide_legend")}
    text["kinds"] = {code: LINK_KINDS.label(code, lang) for code in LINK_KINDS.codes}
    text["kinds"]["platform"] = t("map.layer_platform", lang)
    payload = {"view": data.view, "lang": lang, "nodes": data.nodes, "edges": data.edges,
               "text": text, "large": len(data.edges) > 3000, "focus": data.focus}
    template = environment().get_template("map/map.html.j2")
    return template.render(
        lang=lang,
        t=lambda key, **params: t(f"map.{key}", lang, **params),
        data=data,
        legend=data.legend,
        mapped_on=mapped_on,
        suggestion_count=data.suggestion_count,
        names=sorted({n["label"] for n in data.nodes if n["layer"] in ("actor", "group")}),
        vis_js=_inline(script, "script"),
        vis_css=_inline(css, "style"),
        own_js=_inline(template_text("map/map.js"), "script"),
        own_css=_inline(template_text("map/map.css"), "style"),
        payload=script_json(payload),
    )


def write_map(network: Network, path: str | os.PathLike[str],
              analysis: Analysis | None = None, **options: Any) -> Path:
    """Write :func:`render_map`'s page to ``path`` atomically (whole or not at all);
    ``options`` as for :func:`render_map`. Returns the path written."""
    page = render_map(network, analysis, **options)
    target = Path(path)
    with atomic_file(target) as temporary:
        temporary.write_text(page, encoding="utf-8")
    return target
