"""The interactive network map: one self-contained HTML page per network.

>>> from graphnet.model import Actor, Network
>>> html = render_map(Network(actors=(Actor("a", "OSPOD", "child_protection"),)), measures=False)
>>> "vis.Network" in html
True

See :class:`MapOptions` for the options; :func:`write_map` writes the page
atomically; :class:`ExtraEdge` adds edges in their own style (comparison map).
"""

from __future__ import annotations

from graphnet.map.data import ExtraEdge, MapData
from graphnet.map.render import (
    AGGREGATE_ABOVE,
    MAX_MAP_EDGES,
    MAX_MAP_NODES,
    MapOptions,
    map_data,
    render_map,
    write_map,
)

__all__ = [
    "MapOptions",
    "render_map",
    "write_map",
    "map_data",
    "ExtraEdge",
    "MapData",
    "AGGREGATE_ABOVE",
    "MAX_MAP_NODES",
    "MAX_MAP_EDGES",
]
