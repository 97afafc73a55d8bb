"""Which part of a network a map shows: one ORP, or an actor and its neighbourhood.

Both return a new :class:`~graphnet.model.Network` holding the chosen actors, the
links among them and their meeting attendance (so meeting links derived from
attendance are exactly the ones among the kept actors). The caller's network is
never changed.

>>> from graphnet.model import Actor, Link, Network
>>> net = Network(
...     actors=(Actor("a", "A", "police", orp="Lhota"), Actor("b", "B", "health", orp="Lhota"),
...             Actor("c", "C", "health", orp="Ves")),
...     links=(Link("a", "b", "referral"), Link("b", "c", "cooperation")),
... )
>>> [a.id for a in orp_network(net, "lhota").actors]
['a', 'b']
>>> [a.id for a in ego_network(net, "A", depth=1).actors]
['a', 'b']
>>> [a.id for a in ego_network(net, "A", depth=2).actors]
['a', 'b', 'c']
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import replace

import networkx as nx

from graphnet.errors import InputError
from graphnet.i18n import t
from graphnet.model import Actor, Network
from graphnet.ties import Tie, tie_graph, tie_list
from graphnet.vocab import LINK_KINDS, normalize

__all__ = ["subnetwork", "orp_network", "ego_network", "find_actor", "with_kinds",
           "kind_codes"]


def subnetwork(network: Network, actor_ids: Iterable[str]) -> Network:
    """The network induced by ``actor_ids`` (actor order kept as in ``network``)."""
    keep = set(actor_ids)
    return replace(
        network,
        actors=tuple(a for a in network.actors if a.id in keep),
        links=tuple(k for k in network.links if k.source in keep and k.target in keep),
        attendance=tuple(r for r in network.attendance if r.actor in keep),
    )


def with_kinds(network: Network, kinds: Iterable[str] | None, lang: str = "en") -> Network:
    """The network with only links of ``kinds`` (codes or labels); None keeps all.

    Meeting attendance is kept only when ``meeting`` is among the kinds, since the
    meeting links derived from it are of that kind.
    """
    codes = kind_codes(kinds, lang)
    if codes is None:
        return network
    return replace(
        network,
        links=tuple(k for k in network.links if k.kind in codes),
        attendance=network.attendance if "meeting" in codes else (),
    )


def kind_codes(kinds: Iterable[str] | None, lang: str = "en") -> set[str] | None:
    """The link-kind codes of ``kinds`` (codes or labels); None for None (every kind).

    >>> sorted(kind_codes(["informace", "referral"]))
    ['information', 'referral']
    """
    if kinds is None:
        return None
    codes = set()
    for kind in kinds:
        code = LINK_KINDS.lookup(kind)
        if code is None:
            known = ", ".join(LINK_KINDS.codes)
            raise InputError(t("map.unknown_kind", lang, kind=kind, known=known))
        codes.add(code)
    return codes


def orp_network(network: Network, orp: str, lang: str = "en") -> Network:
    """The actors serving the ORP ``orp`` (name compared without case or diacritics)."""
    wanted = normalize(orp)
    ids = [a.id for a in network.actors if a.orp is not None and normalize(a.orp) == wanted]
    if not ids:
        orps = sorted({a.orp for a in network.actors if a.orp})
        shown = ", ".join(orps[:10]) + (" …" if len(orps) > 10 else "")
        hint = t("map.orps_are", lang, orps=shown) if orps else t("map.no_orps", lang)
        raise InputError(t("map.no_such_orp", lang, orp=orp, hint=hint))
    return subnetwork(network, ids)


def find_actor(network: Network, key: str, lang: str = "en") -> Actor:
    """The actor whose id is ``key``, or else whose name is ``key`` (without case or
    diacritics); InputError naming the closest names when there is none or several."""
    if network.has_actor(key):
        return network.actor(key)
    wanted = normalize(key)
    matches = [a for a in network.actors if normalize(a.name) == wanted]
    if len(matches) == 1:
        return matches[0]
    if len(matches) > 1:
        ids = ", ".join(a.id for a in matches[:10])
        raise InputError(t("map.several_named", lang, n=len(matches), name=key, ids=ids))

    names = {normalize(a.name): a.name for a in network.actors}
    close = difflib.get_close_matches(wanted, list(names), n=3, cutoff=0.5)
    hint = t("map.did_you_mean", lang, names=", ".join(repr(names[c]) for c in close)) \
        if close else ""
    raise InputError(t("map.no_such_actor", lang, name=key, hint=hint))


def ego_network(network: Network, actor: str, depth: int = 1, lang: str = "en", *,
                layer: str = "working", ties: Iterable[Tie] | None = None) -> Network:
    """``actor`` (id or name) and every actor within ``depth`` ties of it, on the tie
    ``layer`` (``working`` by default, ``platform`` or ``all``). ``ties``: the
    network's ties when already known (default :func:`graphnet.ties.tie_list`)."""
    if depth < 1:
        raise InputError(t("map.bad_depth", lang, depth=depth))
    centre = find_actor(network, actor, lang)
    if ties is None:
        ties = tie_list(network)
    else:
        ids = set(network.actor_ids)
        ties = [tie for tie in ties if tie.source in ids and tie.target in ids]
    graph = tie_graph(ties, layer, network=network)
    reach = nx.single_source_shortest_path_length(graph, centre.id, cutoff=depth)
    return subnetwork(network, reach)
