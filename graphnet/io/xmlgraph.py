"""GraphML and GEXF (Gephi), in and out.

Written: actors are nodes (``label`` = name, list fields joined with ``|``,
extra attributes as ``attributes.<header>``), reported links are edges; meeting
links derived from attendance are added as edges with ``derived_from =
attendance`` so Gephi shows them, and skipped on reading (they are recomputed
from the attendance list). Dataset metadata (name, date, language, a project's
own sectors, the attendance list) travels as the JSON of
:func:`graphnet.io.document.to_document` without actors and links: in GraphML as
the graph attribute ``graphnet``, in GEXF as the ``<meta><description>``.

Both files are valid against the official schemas (GraphML 1.0, GEXF 1.2draft;
the tests hold them against the XSDs). GraphML allows only a name token as an
attribute's ``attr.name``, so a header such as ``počet pracovníků`` or
``web/e-mail`` is written with each other character as ``_xHHHH_`` (its code
point, as XML tools spell it) and decoded on reading: the header comes back as
it was. In GEXF the graph's default edge type is directed (referrals and
information flow have a direction) and each tie of an undirected kind
(cooperation, meetings …) is marked ``type="undirected"``, so that Gephi draws
no arrow on it.

Read: any GraphML or GEXF file whose nodes carry at least a ``sector`` (and a
``label`` or ``name``); edges need a ``kind``. Files written by Gephi from a
graphnet export read back.
"""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import networkx as nx

from graphnet.errors import OutputError, Problem
from graphnet.i18n import t
from graphnet.io.document import (
    ACTOR_FIELDS,
    LINK_FIELDS,
    actor_record,
    link_record,
    tables_from_document,
    tables_from_records,
    to_document,
)
from graphnet.model import DERIVED_FROM_ATTENDANCE, Network
from graphnet.table import Table
from graphnet.vocab import UNDIRECTED_KINDS

__all__ = ["to_graph", "write_graphml", "write_gexf", "read_xml_graph", "xml_name",
           "from_xml_name"]

_ATTRIBUTE_PREFIX = "attributes."
_META_KEY = "graphnet"
# Characters XML 1.0 cannot hold (control characters other than tab, LF, CR).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# Characters kept as they are in an XML name token: ASCII letters, digits, ". - _",
# and the Latin letters (Czech among them) that every edition of XML 1.0 allows.
_NAME_KEPT = re.compile("[A-Za-z0-9._\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u0131"
                        "\u0134-\u013e\u0141-\u0148\u014a-\u017e-]")
_NAME_ESCAPE = re.compile("_x([0-9A-F]{4,6})_")


def xml_name(text: str) -> str:
    """``text`` as an XML name token (for GraphML's ``attr.name``): every character
    outside the safe set written as ``_xHHHH_``; :func:`from_xml_name` undoes it.

    >>> xml_name("počet pracovníků"), xml_name("web/e-mail")
    ('počet_x0020_pracovníků', 'web_x002F_e-mail')
    >>> from_xml_name(xml_name("a_x0020_b <b>")) == "a_x0020_b <b>"
    True
    """
    out = []
    for position, char in enumerate(text):
        # An underscore that would read as the start of an escape is escaped itself.
        if char == "_" and _NAME_ESCAPE.match(text, position):
            out.append("_x005F_")
        elif _NAME_KEPT.fullmatch(char):
            out.append(char)
        else:
            out.append(f"_x{ord(char):04X}_")
    return "".join(out) or "_x0020_"


def from_xml_name(name: str) -> str:
    """The text :func:`xml_name` made ``name`` from.

    >>> from_xml_name("web_x002F_e-mail")
    'web/e-mail'
    """
    return _NAME_ESCAPE.sub(lambda match: chr(int(match.group(1), 16)), name)


def _flat(record: dict[str, Any], drop: tuple[str, ...] = ()) -> dict[str, Any]:
    """A record as scalar XML attributes (None left out, lists joined with ``|``)."""
    out: dict[str, Any] = {}
    for key, value in record.items():
        if key in drop or value is None:
            continue
        if key == "attributes":
            for name, text in value.items():
                out[_ATTRIBUTE_PREFIX + name] = text
        elif isinstance(value, list):
            if value:
                out[key] = "|".join(value)
        else:
            out[key] = value
    return out


def to_graph(network: Network, include_personal: bool = False) -> nx.MultiDiGraph:
    """The network as the MultiDiGraph written to GraphML/GEXF (see the module doc)."""
    graph = nx.MultiDiGraph()
    for actor in network.actors:
        record = _flat(actor_record(actor, include_personal), drop=("id",))
        record["label"] = record.pop("name")
        graph.add_node(actor.id, **record)
    for number, link in enumerate(network.links):
        graph.add_edge(link.source, link.target, key=f"l{number}",
                       **_flat(link_record(link), drop=("source", "target")))
    for number, link in enumerate(network.meeting_links()):
        graph.add_edge(link.source, link.target, key=f"m{number}", kind=link.kind,
                       weight=link.weight, derived_from=DERIVED_FROM_ATTENDANCE)
    return graph


def _check_xml_text(graph: nx.MultiDiGraph, meta: str) -> None:
    texts = [meta]
    for _, data in graph.nodes(data=True):
        texts += [str(k) for k in data] + [v for v in data.values() if isinstance(v, str)]
    for node in graph.nodes:
        texts.append(str(node))
    for _, _, data in graph.edges(data=True):
        texts += [str(k) for k in data] + [v for v in data.values() if isinstance(v, str)]
    for text in texts:
        if _XML_ILLEGAL.search(text):
            raise OutputError(t("data.xml_unsafe_text", "en", value=repr(text[:60])))


def _with_xml_names(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The same graph with every attribute name and node id an XML name token (GraphML
    wants both so; an actor id such as ``ZŠ 1`` or ``a/b`` is allowed in graphnet)."""
    named = nx.MultiDiGraph()
    named.graph.update({xml_name(k): v for k, v in graph.graph.items()})
    for node, data in graph.nodes(data=True):
        named.add_node(xml_name(str(node)), **{xml_name(k): v for k, v in data.items()})
    for source, target, key, data in graph.edges(keys=True, data=True):
        named.add_edge(xml_name(str(source)), xml_name(str(target)), key=key,
                       **{xml_name(k): v for k, v in data.items()})
    return named


def write_graphml(network: Network, path: Path, include_personal: bool = False) -> None:
    """The network as GraphML (valid against the GraphML 1.0 schema, any header)."""
    graph = to_graph(network, include_personal)
    meta = json.dumps(to_document(network, include_personal, with_tables=False),
                      ensure_ascii=False)
    _check_xml_text(graph, meta)
    graph.graph[_META_KEY] = meta
    nx.write_graphml(_with_xml_names(graph), path, encoding="utf-8", prettyprint=True)


def write_gexf(network: Network, path: Path, include_personal: bool = False) -> None:
    """The network as GEXF 1.2draft (valid against its schema; undirected kinds undirected)."""
    graph = to_graph(network, include_personal)
    meta = json.dumps(to_document(network, include_personal, with_tables=False),
                      ensure_ascii=False)
    _check_xml_text(graph, meta)
    for _, _, data in graph.edges(data=True):
        if data.get("kind") in UNDIRECTED_KINDS:
            data["type"] = "undirected"  # networkx writes it as the edge's own type
    nx.write_gexf(graph, path, encoding="utf-8", prettyprint=True)
    # networkx writes no free-form metadata: put ours in <meta><description>.
    namespace = _root_namespace(path)
    ET.register_namespace("", namespace)
    ET.register_namespace("xsi", "http://www.w3.org/2001/XMLSchema-instance")
    tree = ET.parse(path)
    root = tree.getroot()
    graph_element = root.find(f"{{{namespace}}}graph")
    if graph_element is not None:
        # networkx writes name="" (the schema has no such attribute): the name is
        # in the description's JSON.
        graph_element.attrib.pop("name", None)
    meta_element = root.find(f"{{{namespace}}}meta")
    if meta_element is None:
        meta_element = ET.Element(f"{{{namespace}}}meta")
        root.insert(0, meta_element)
    ET.SubElement(meta_element, f"{{{namespace}}}description").text = meta
    tree.write(path, encoding="utf-8", xml_declaration=True)


def _root_namespace(path: Path) -> str:
    for _, element in ET.iterparse(path, events=("start",)):
        return element.tag[1:].split("}")[0] if element.tag.startswith("{") else ""
    return ""


def _from_xml_names(graph: nx.MultiGraph) -> nx.MultiGraph:
    """The graph read from GraphML with the attribute names and node ids
    :func:`xml_name` wrote decoded."""
    graph = nx.relabel_nodes(graph, {n: from_xml_name(n) for n in graph.nodes
                                     if isinstance(n, str) and _NAME_ESCAPE.search(n)})
    graph.graph.update({from_xml_name(k): graph.graph.pop(k) for k in list(graph.graph)})
    for _, data in graph.nodes(data=True):
        for key in [k for k in data if _NAME_ESCAPE.search(k)]:
            data[from_xml_name(key)] = data.pop(key)
    for _, _, data in graph.edges(data=True):
        for key in [k for k in data if _NAME_ESCAPE.search(k)]:
            data[from_xml_name(key)] = data.pop(key)
    return graph


def _without_edge_types(path: Path) -> io.BytesIO:
    """The GEXF file without the edges' own ``type``: networkx refuses an undirected
    edge in a directed graph, and graphnet takes a tie's direction from its kind."""
    tree = ET.parse(path)
    for element in tree.iter():
        if element.tag.endswith("}edge") or element.tag == "edge":
            element.attrib.pop("type", None)
    namespace = tree.getroot().tag[1:].split("}")[0] if tree.getroot().tag.startswith("{") \
        else ""
    ET.register_namespace("", namespace)
    buffer = io.BytesIO()
    tree.write(buffer, encoding="utf-8", xml_declaration=True)
    buffer.seek(0)
    return buffer


def _gexf_meta(path: Path) -> str | None:
    for _, element in ET.iterparse(path, events=("end",)):
        if element.tag.endswith("}description") or element.tag == "description":
            return element.text
    return None


def _unflat(data: dict[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    record: dict[str, Any] = {}
    attributes: dict[str, Any] = {}
    for key, value in data.items():
        if key.startswith(_ATTRIBUTE_PREFIX):
            attributes[key[len(_ATTRIBUTE_PREFIX):]] = value
        elif key in fields:
            record[key] = value
        elif key not in ("id", "label"):
            attributes[key] = value
    record["attributes"] = attributes
    return record


def read_xml_graph(path: Path, kind: str, shown: str, lang: str = "en"
                   ) -> tuple[dict[str, Table], dict[str, Any], list[Problem]]:
    """Tables and metadata from a GraphML (``kind="graphml"``) or GEXF file."""
    label = "GraphML" if kind == "graphml" else "GEXF"
    try:
        if kind == "graphml":
            graph = _from_xml_names(nx.read_graphml(path, force_multigraph=True))
            meta_text = graph.graph.get(_META_KEY)
        else:
            graph = nx.read_gexf(_without_edge_types(path))
            meta_text = _gexf_meta(path)
    except (ET.ParseError, nx.NetworkXError, ValueError, KeyError, TypeError,
            AttributeError, IndexError) as error:
        return {}, {}, [Problem(shown, None, None, None,
                                t("data.bad_xml", lang, kind=label, reason=str(error)[:200]))]
    try:
        meta = json.loads(meta_text) if meta_text else {}
    except json.JSONDecodeError:
        meta = {}
    if not isinstance(meta, dict):
        meta = {}
    meta.setdefault("format", "graphnet.network/1")
    tables, info, problems = tables_from_document(meta, shown, lang)
    actors = []
    for node, data in graph.nodes(data=True):
        record = _unflat(dict(data), ACTOR_FIELDS)
        record["id"] = str(node)
        if "name" not in record and data.get("label") is not None:
            record["name"] = data["label"]
        for list_field in ("needs", "levels"):
            if isinstance(record.get(list_field), str):
                record[list_field] = record[list_field].split("|")
        actors.append(record)
    links = []
    for source, target, data in graph.edges(data=True):
        if data.get("derived_from") == DERIVED_FROM_ATTENDANCE:
            continue
        record = _unflat(dict(data), LINK_FIELDS)
        record["source"], record["target"] = str(source), str(target)
        links.append(record)
    tables["actors"], actor_problems = tables_from_records("actors", f"{shown} (nodes)", actors,
                                                               lang)
    tables["links"], link_problems = tables_from_records("links", f"{shown} (edges)", links, lang)
    if not info.get("name") and graph.graph.get("name"):
        info["name"] = graph.graph["name"]
    return tables, info, problems + actor_problems + link_problems
