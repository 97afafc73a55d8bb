"""Drilling down: one ORP, one actor's neighbourhood, some link kinds."""

from __future__ import annotations

import pytest

from graphnet.errors import InputError
from graphnet.map.scope import ego_network, find_actor, orp_network, with_kinds


def test_orp_keeps_its_actors_and_the_links_among_them(small):
    lhota = orp_network(small, "LHOTA")
    assert [a.id for a in lhota.actors] == ["ospod", "sas", "zs"]
    assert all(k.source in {"ospod", "sas", "zs"} and k.target in {"ospod", "sas", "zs"}
               for k in lhota.all_links())
    # the meeting of ospod, sas and ppp leaves only the ospod–sas pair inside Lhota
    assert [(k.source, k.target) for k in lhota.meeting_links()] == [("ospod", "sas")]


def test_unknown_orp_names_the_orps_there_are(small):
    with pytest.raises(InputError, match="Lhota, Ves"):
        orp_network(small, "Praha")


def test_ego_of_depth_one_is_the_actor_and_its_working_partners(small):
    assert {a.id for a in ego_network(small, "sas", 1).actors} == {"sas", "ospod", "zs"}
    # ppp only meets sas at the platform
    assert {a.id for a in ego_network(small, "sas", 1, layer="all").actors} == {
        "sas", "ospod", "zs", "ppp"}
    assert {a.id for a in ego_network(small, "sas", 1, layer="platform").actors} == {
        "sas", "ospod", "ppp"}


def test_ego_of_depth_two_reaches_partners_of_partners(small):
    assert "x1" in {a.id for a in ego_network(small, "sas", 2, layer="all").actors}
    assert "x1" not in {a.id for a in ego_network(small, "sas", 1, layer="all").actors}


def test_ego_is_found_by_name_without_case_or_diacritics(small):
    assert find_actor(small, "zs komenskeho").id == "zs"


def test_unknown_ego_suggests_close_names(small):
    with pytest.raises(InputError, match="SAS Rodina"):
        find_actor(small, "SAS Rodna")


def test_depth_below_one_is_refused(small):
    with pytest.raises(InputError, match="depth"):
        ego_network(small, "sas", 0)


def test_kinds_without_meeting_drop_the_attendance(small):
    only = with_kinds(small, ["referral"])
    assert {k.kind for k in only.all_links()} == {"referral"}


def test_unknown_kind_is_refused_naming_the_kinds(small):
    with pytest.raises(InputError, match="referral, information, meeting, cooperation"):
        with_kinds(small, ["gossip"])


def test_drilling_down_leaves_the_network_as_it_was(small):
    before = small.canonical()
    orp_network(small, "Ves")
    ego_network(small, "sas", 2)
    assert small.canonical() == before
