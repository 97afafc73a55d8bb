"""The bundled sample ORP Horní Lhota: its format, its content and the weaknesses
``datasets/README.md`` promises (the analysis tests rely on them)."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
import yaml

import graphnet
from graphnet.graphs import collaboration_graph
from graphnet.model import Network
from graphnet.vocab import LEVELS, LINK_KINDS, NEEDS, SECTORS

ACTOR_HEADER = "id;název;sektor;typ;obec;orp;kraj;potřeby;úrovně;kontakt;poznámka"
LINK_HEADER = "od;komu;typ;váha;datum;uvedl;poznámka"
MEETING_HEADER = "setkání;aktér;datum;název"

Reader = Callable[[Path], pd.DataFrame]


@pytest.fixture(scope="module")
def read_table() -> Reader:
    """Reads one sample CSV as raw text cells (empty cells as ''), to check the format."""

    def read(path: Path) -> pd.DataFrame:
        return pd.read_csv(path, sep=";", encoding="utf-8-sig", dtype=str, keep_default_na=False)

    return read


BOTH = ["orp-horni-lhota-2025", "orp-horni-lhota-2026"]


def sectors_of(network: Network) -> dict[str, str]:
    return {actor.id: actor.sector for actor in network.actors}


# --- the networker's format -------------------------------------------------------------


@pytest.mark.parametrize("folder", BOTH)
@pytest.mark.parametrize(
    ("name", "header"),
    [("akteri.csv", ACTOR_HEADER), ("vazby.csv", LINK_HEADER), ("setkani.csv", MEETING_HEADER)],
)
def test_sample_file_is_written_as_excel_writes_czech_csv(
    folder: str, name: str, header: str, sample_dir: Path
) -> None:
    raw = (sample_dir.parent / folder / name).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM
    lines = raw[3:].decode("utf-8").split("\r\n")
    assert lines[0] == header
    assert lines[-1] == ""  # every line, the last one too, ends with CRLF
    assert "\n" not in "".join(lines)


@pytest.mark.parametrize("folder", BOTH)
def test_sample_weights_use_decimal_commas_and_dates_day_month_year(
    folder: str, sample_dir: Path, read_table: Reader
) -> None:
    links = read_table(sample_dir.parent / folder / "vazby.csv")
    assert links["váha"].str.contains(",").any()
    assert not links["váha"].str.contains(r"\.").any()
    assert links["datum"].str.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{4}").all()


@pytest.mark.parametrize("folder", BOTH)
def test_sample_settings_name_the_same_dataset_and_its_mapping_date(
    folder: str, sample_dir: Path
) -> None:
    settings = yaml.safe_load((sample_dir.parent / folder / "graphnet.yaml").read_text("utf-8"))
    assert settings["dataset"] == "horni-lhota"
    assert settings["orp"] == "Horní Lhota"
    assert "fiktivní" in settings["name"]
    assert str(settings["mapped_on"]).startswith(folder[-4:])


@pytest.mark.parametrize("folder", BOTH)
def test_sample_is_marked_fictional_next_to_the_data(folder: str, sample_dir: Path) -> None:
    note = (sample_dir.parent / folder / "README.md").read_text("utf-8")
    assert "FIKTIVNÍ DATA" in note and "FICTIONAL DATA" in note


@pytest.mark.parametrize("folder", BOTH)
def test_sample_vocabulary_cells_are_czech_labels(
    folder: str, sample_dir: Path, read_table: Reader
) -> None:
    actors = read_table(sample_dir.parent / folder / "akteri.csv")
    links = read_table(sample_dir.parent / folder / "vazby.csv")
    assert set(actors["sektor"]) <= {term.cs for term in SECTORS}
    assert set(links["typ"]) <= {term.cs for term in LINK_KINDS}
    need_labels = {term.cs for term in NEEDS}
    level_labels = {term.cs for term in LEVELS}
    for cell in actors["potřeby"]:
        assert {
            p.strip() for p in cell.replace("|", ",").replace(";", ",").split(",") if p.strip()
        } <= need_labels
    for cell in actors["úrovně"]:
        assert {p.strip() for p in cell.split(",") if p.strip()} <= level_labels


@pytest.mark.parametrize("folder", BOTH)
def test_sample_contacts_are_obviously_fictional(
    folder: str, sample_dir: Path, read_table: Reader
) -> None:
    actors = read_table(sample_dir.parent / folder / "akteri.csv")
    contacts = [c for c in actors["kontakt"] if c]
    assert len(contacts) >= 5
    for contact in contacts:
        for word in contact.replace(",", " ").split():
            if "@" in word:
                assert word.endswith("@example.org")
        if "+420" in contact:
            assert "+420 000 000" in contact


# --- content ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("folder", "unlinked"),
    [
        ("orp-horni-lhota-2025", {"PLDD-DVORAK", "PLDD-SVOB", "PLDD-KRAL"}),
        ("orp-horni-lhota-2026", {"PLDD-SVOB", "PLDD-KRAL", "PLDD-MALA", "GYM"}),
    ],
)
def test_sample_validates_with_only_the_planned_warnings(
    folder: str, unlinked: set[str], sample_dir: Path
) -> None:
    problems = graphnet.validate(sample_dir.parent / folder)
    assert [p for p in problems if p.severity == "error"] == []
    # the only warnings: the actors left without any link on purpose
    assert {p.value for p in problems} == unlinked


def test_sample_settings_reach_the_loaded_network(
    sample_network: Network, sample_network_later: Network
) -> None:
    assert sample_network.source == sample_network_later.source == "horni-lhota"
    assert sample_network.mapped_on is not None and sample_network_later.mapped_on is not None
    assert sample_network.mapped_on < sample_network_later.mapped_on
    assert sample_network.language == "cs"


def test_sample_has_between_40_and_80_actors(
    sample_network: Network, sample_network_later: Network
) -> None:
    assert 40 <= len(sample_network.actors) <= 80
    assert 40 <= len(sample_network_later.actors) <= 80


def test_sample_has_every_sector(sample_network: Network) -> None:
    assert {actor.sector for actor in sample_network.actors} == set(SECTORS.codes)


def test_sample_has_every_link_kind(sample_network: Network) -> None:
    assert {link.kind for link in sample_network.links} == set(LINK_KINDS.codes)


def test_sample_has_meeting_attendance_with_several_meetings(sample_network: Network) -> None:
    assert len({row.meeting for row in sample_network.attendance}) >= 4
    assert sample_network.meeting_links()


def test_sample_actors_carry_needs_and_levels(sample_network: Network) -> None:
    assert {n for a in sample_network.actors for n in a.needs} == set(NEEDS.codes)
    assert {lv for a in sample_network.actors for lv in a.levels} == set(LEVELS.codes)


def test_sample_actors_serve_the_one_orp(sample_network: Network) -> None:
    assert {actor.orp for actor in sample_network.actors} == {"Horní Lhota"}


# --- built-in weaknesses (2025) --------------------------------------------------------------


def test_sample_has_several_isolated_paediatricians(sample_network: Network) -> None:
    graph = collaboration_graph(sample_network)
    isolated_doctors = [
        a.id
        for a in sample_network.actors
        if a.sector == "health" and a.type == "PLDD" and graph.degree(a.id) == 0
    ]
    assert len(isolated_doctors) >= 3


def test_sample_has_no_school_social_service_tie(sample_network: Network) -> None:
    graph = collaboration_graph(sample_network)
    sector = sectors_of(sample_network)
    pairs = {frozenset((sector[u], sector[v])) for u, v in graph.edges()}
    assert frozenset(("education", "social_services")) not in pairs
    # ... while schools do talk to OSPOD and to the counselling centres
    assert frozenset(("education", "child_protection")) in pairs
    assert frozenset(("education", "school_counselling")) in pairs


def test_sample_has_a_single_ospod(sample_network: Network) -> None:
    assert [a.id for a in sample_network.actors if a.sector == "child_protection"] == ["OSPOD"]


def test_sample_ospod_is_a_cut_point_holding_the_network_together(sample_network: Network) -> None:
    graph = collaboration_graph(sample_network)
    linked = graph.subgraph([n for n in graph if graph.degree(n) > 0])
    assert nx.is_connected(linked)
    assert "OSPOD" in set(nx.articulation_points(linked))
    without = linked.copy()
    without.remove_node("OSPOD")
    parts = sorted(nx.connected_components(without), key=len, reverse=True)
    assert sorted(len(part) for part in parts) == [1, 2, 2, 4, 20, 20]
    assert {"ZS-KOM", "PPP"} <= parts[1] or {"ZS-KOM", "PPP"} <= parts[0]
    school_part = next(p for p in parts if "ZS-KOM" in p)
    assert "SAS-RODINA" not in school_part
    assert {"SOUD", "PMS"} in parts and {"NRP-NARUC", "NRP-KLUB"} in parts


def test_sample_has_peripheral_actors(sample_network: Network) -> None:
    graph = collaboration_graph(sample_network)
    assert {n for n in graph if graph.degree(n) == 1} == {
        "GYM",
        "MS-KOP",
        "MS-VRB",
        "MS-ZAL",
        "SOU",
        "OU-DL",
        "OU-VRB",
        "STROJIRNY",
        "PSYCHOLOG",
        "PLDD-NOVAK",
        "PLDD-CERNY",
    }


def test_sample_has_sector_closed_actors(sample_network: Network) -> None:
    graph = collaboration_graph(sample_network)
    sector = sectors_of(sample_network)
    closed = [
        n for n in graph if graph.degree(n) > 0 and all(sector[m] == sector[n] for m in graph[n])
    ]
    assert set(closed) == {
        "FARNOST",
        "GYM",
        "MS-KOP",
        "MS-VRB",
        "MS-ZAL",
        "OU-DL",
        "OU-VRB",
        "PLDD-CERNY",
        "PSYCHIATR",
        "PSYCHOLOG",
    }


def test_sample_leaves_need_level_cells_without_provider(sample_network: Network) -> None:
    covered = {
        (n, lv) for a in sample_network.actors for n, lv in itertools.product(a.needs, a.levels)
    }
    missing = set(itertools.product(NEEDS.codes, LEVELS.codes)) - covered
    assert missing == {("behaviour", "universal"), ("material_security", "specialised")}


def test_sample_has_reports_the_other_side_does_not_confirm(sample_network: Network) -> None:
    respondents = {link.reported_by for link in sample_network.links if link.reported_by}
    assert all(
        link.reported_by in (link.source, link.target)
        for link in sample_network.links
        if link.reported_by
    )
    reported = {
        (link.reported_by, frozenset((link.source, link.target)))
        for link in sample_network.links
        if link.reported_by
    }
    unconfirmed: list[frozenset[str]] = []
    confirmed: list[frozenset[str]] = []
    for reporter, pair in reported:
        (other,) = pair - {reporter}
        if other in respondents:
            (confirmed if (other, pair) in reported else unconfirmed).append(pair)
    assert set(unconfirmed) == {
        frozenset(pair)
        for pair in [
            ("PCR", "NZDM"),
            ("ZS-KOM", "OSPOD"),
            ("TERENNI", "UP"),
            ("OSPOD", "POMOC"),
            ("OSPOD", "PPP"),
        ]
    }
    assert frozenset(("OSPOD", "SAS-RODINA")) in confirmed


# --- the later mapping (2026) -------------------------------------------------------------


def test_later_mapping_keeps_most_actor_ids(
    sample_network: Network, sample_network_later: Network
) -> None:
    before, after = set(sample_network.actor_ids), set(sample_network_later.actor_ids)
    assert len(before & after) >= 0.9 * len(before)
    assert before - after == {"KRIZ", "STROJIRNY", "NZDM"}
    assert after - before == {"PORADNA-RODINA", "KURATOR", "PLDD-MALA", "NZDM-PODMOSTEM"}


def test_later_mapping_renumbers_one_actor_under_the_same_name(
    sample_network: Network, sample_network_later: Network
) -> None:
    assert sample_network.actor("NZDM").name == sample_network_later.actor("NZDM-PODMOSTEM").name
    assert not sample_network_later.has_actor("NZDM")


def test_later_mapping_gains_the_first_school_social_service_tie(
    sample_network: Network, sample_network_later: Network
) -> None:
    graph = collaboration_graph(sample_network_later)
    sector = sectors_of(sample_network_later)
    school_social = [
        (u, v)
        for u, v in graph.edges()
        if {sector[u], sector[v]} == {"education", "social_services"}
    ]
    assert [set(pair) for pair in school_social] == [{"SAS-RODINA", "ZS-KOM"}]


def test_later_mapping_gains_loses_and_reweights_links(
    sample_network: Network, sample_network_later: Network
) -> None:
    def pairs(network: Network) -> dict[tuple[str, str, str, str | None], float]:
        renamed = {"NZDM": "NZDM-PODMOSTEM"}
        return {
            (
                renamed.get(k.source, k.source),
                renamed.get(k.target, k.target),
                k.kind,
                k.reported_by,
            ): k.weight
            for k in network.links
        }

    before, after = pairs(sample_network), pairs(sample_network_later)
    assert len(set(after) - set(before)) >= 5
    assert len(set(before) - set(after)) >= 5
    assert sum(1 for key in set(before) & set(after) if before[key] != after[key]) >= 3


def test_later_mapping_has_an_isolated_doctor_fewer(
    sample_network: Network, sample_network_later: Network
) -> None:
    before, after = collaboration_graph(sample_network), collaboration_graph(sample_network_later)
    assert before.degree("PLDD-DVORAK") == 0
    assert after.degree("PLDD-DVORAK") > 0
