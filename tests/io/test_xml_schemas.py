"""GraphML and GEXF that other programs accept: what ``graphnet convert`` writes is
valid against the official schemas (vendored in tests/io/schemas/, see its README),
for the sample and for a network with the headers people really type, and it
reads back the same."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

import graphnet
from graphnet.cli import main
from graphnet.model import Network
from graphnet.vocab import DIRECTED_KINDS, UNDIRECTED_KINDS

SCHEMAS = Path(__file__).parent / "schemas"
GEXF_NS = "{http://www.gexf.net/1.2draft}"
GRAPHML_NS = "{http://graphml.graphdrawing.org/xmlns}"
AWKWARD_HEADERS = ("počet pracovníků", "web/e-mail", "<b>", "2024 hodnocení")


def _schema(path: Path) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(path)))


GEXF_SCHEMA = _schema(SCHEMAS / "gexf-1.2draft" / "gexf.xsd")
GRAPHML_SCHEMA = _schema(SCHEMAS / "graphml-1.0" / "graphml.xsd")


def _assert_valid(schema: etree.XMLSchema, path: Path) -> etree._ElementTree:
    document = etree.parse(str(path))
    valid = schema.validate(document)
    assert valid, "\n".join(str(error) for error in schema.error_log)
    return document


@pytest.fixture(scope="module")
def awkward(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A networker's folder: extra columns with spaces, a slash, markup and a digit
    first; actor ids with a space and a slash."""
    folder = tmp_path_factory.mktemp("awkward") / "lhota"
    folder.mkdir()
    header = ";".join(("id", "název", "sektor") + AWKWARD_HEADERS)
    (folder / "akteri.csv").write_text(
        f"{header}\n"
        "OSPOD 1;OSPOD Horní Lhota;OSPOD;5;ospod@lhota.cz;tučně;1\n"
        "ZS/2;ZŠ Horní Lhota;školství;32;www.zs-lhota.cz;<i>;2\n"
        "SAS;SAS pro rodiny;sociální služby;;;;\n",
        encoding="utf-8-sig")
    (folder / "vazby.csv").write_text(
        "od;komu;typ;váha\n"
        "OSPOD 1;ZS/2;spolupráce;2\n"
        "ZS/2;SAS;doporučení;1\n"
        "SAS;OSPOD 1;informace;1\n",
        encoding="utf-8-sig")
    (folder / "setkani.csv").write_text(
        "setkání;aktér;datum\nP1;OSPOD 1;1.3.2025\nP1;SAS;1.3.2025\n", encoding="utf-8-sig")
    return folder


def _convert(source: Path, target: Path) -> Path:
    result = CliRunner().invoke(main, ["convert", str(source), "-o", str(target)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return target


@pytest.mark.parametrize("which", ["sample", "awkward"])
def test_gexf_is_valid_against_the_official_schema(which: str, sample_dir: Path,
                                                   awkward: Path, tmp_path: Path) -> None:
    source = sample_dir if which == "sample" else awkward
    document = _assert_valid(GEXF_SCHEMA, _convert(source, tmp_path / "net.gexf"))
    graph = document.getroot().find(f"{GEXF_NS}graph")
    assert graph is not None and "name" not in graph.attrib


@pytest.mark.parametrize("which", ["sample", "awkward"])
def test_graphml_is_valid_against_the_official_schema(which: str, sample_dir: Path,
                                                      awkward: Path, tmp_path: Path) -> None:
    source = sample_dir if which == "sample" else awkward
    _assert_valid(GRAPHML_SCHEMA, _convert(source, tmp_path / "net.graphml"))


def test_gexf_ties_of_symmetric_kinds_are_undirected(sample_dir: Path, tmp_path: Path) -> None:
    document = etree.parse(str(_convert(sample_dir, tmp_path / "net.gexf")))
    titles = {a.get("id"): a.get("title")
              for a in document.iter(f"{GEXF_NS}attribute") if a.getparent().get("class") == "edge"}
    kind_id = next(key for key, title in titles.items() if title == "kind")
    seen: dict[str, set[str | None]] = {}
    for edge in document.iter(f"{GEXF_NS}edge"):
        kind = next(v.get("value") for v in edge.iter(f"{GEXF_NS}attvalue")
                    if v.get("for") == kind_id)
        seen.setdefault(kind, set()).add(edge.get("type"))
    assert document.getroot().find(f"{GEXF_NS}graph").get("defaultedgetype") == "directed"
    # The sample has ties of both sorts, meetings among them.
    assert set(seen) & UNDIRECTED_KINDS and set(seen) & DIRECTED_KINDS and "meeting" in seen
    for kind, types in seen.items():
        assert types == ({"undirected"} if kind in UNDIRECTED_KINDS else {None}), kind


def test_graphml_names_are_tokens_and_headers_round_trip(awkward: Path, tmp_path: Path) -> None:
    target = _convert(awkward, tmp_path / "net.graphml")
    document = etree.parse(str(target))
    names = [key.get("attr.name") for key in document.iter(f"{GRAPHML_NS}key")]
    assert all(" " not in name and "/" not in name and "<" not in name for name in names)
    back = graphnet.load(target)
    original = graphnet.load(awkward)
    assert {a.id for a in back.actors} == {"OSPOD 1", "ZS/2", "SAS"}
    by_id = {a.id: a.attributes for a in back.actors}
    assert by_id["ZS/2"] == {"počet pracovníků": "32", "web/e-mail": "www.zs-lhota.cz",
                             "<b>": "<i>", "2024 hodnocení": "2"}
    assert back.canonical() == original.canonical()


@pytest.mark.parametrize("suffix", [".gexf", ".graphml"])
def test_xml_files_read_back_the_same_network(suffix: str, sample_dir: Path, awkward: Path,
                                              tmp_path: Path) -> None:
    for source in (sample_dir, awkward):
        # convert leaves personal fields (contact) out unless asked.
        original: Network = graphnet.load(source).without_personal()
        back = graphnet.load(_convert(source, tmp_path / f"{source.name}{suffix}"))
        assert back.canonical() == original.canonical()


def test_an_escape_lookalike_in_a_header_survives(tmp_path: Path) -> None:
    folder = tmp_path / "odd"
    folder.mkdir()
    (folder / "akteri.csv").write_text("id;název;sektor;a_x0020_b\nA;OSPOD;OSPOD;1\n",
                                       encoding="utf-8")
    target = _convert(folder, tmp_path / "odd.graphml")
    _assert_valid(GRAPHML_SCHEMA, target)
    assert graphnet.load(target).actors[0].attributes == {"a_x0020_b": "1"}
