"""Findings about how ties were reported, and about the platform layer."""

from __future__ import annotations

import datetime as dt

from graphnet.attendance import platform_summary
from graphnet.model import Actor, Attendance, Link, Network, Respondent
from graphnet.optimal_model import parse_model
from graphnet.tie_findings import one_sided_findings, platform_findings, stopped_findings
from graphnet.ties import tie_list


def _coop(a: str, b: str, reported_by: str | None = None, kind: str = "cooperation") -> Link:
    return Link(a, b, kind, reported_by=reported_by)


_ABC = (Actor("a", "ZŠ A", "education"), Actor("b", "SAS B", "social_services"),
        Actor("c", "OSPOD C", "child_protection"))


def test_a_pair_the_other_side_answered_without_naming_is_one_sided() -> None:
    net = Network(actors=_ABC, links=(_coop("a", "b", reported_by="a"),
                                      _coop("b", "c", reported_by="b")))
    found = one_sided_findings(net, tie_list(net))
    assert [(f.figures["reported_by"], f.figures["not_reported_by"]) for f in found] == \
        [("a", "b")]
    assert found[0].text["en"] == ("One-sided tie: ZŠ A – SAS B (cooperation). Only ZŠ A "
                                   "reports it; the other side answered but names no tie "
                                   "with it.")


def test_no_one_sided_finding_when_the_other_side_did_not_answer_or_names_another_tie() -> None:
    silent = Network(actors=_ABC[:2], links=(_coop("a", "b", reported_by="a"),))
    assert one_sided_findings(silent, tie_list(silent)) == []  # b did not answer
    other_kind = Network(actors=_ABC[:2],
                         links=(_coop("a", "b", reported_by="a"),
                                _coop("b", "a", reported_by="b", kind="information")))
    assert one_sided_findings(other_kind, tie_list(other_kind)) == []
    told_by_table = Network(actors=_ABC[:2], links=(_coop("a", "b", reported_by="a"),),
                            respondents=(Respondent("a", True), Respondent("b", True)))
    assert [f.actors for f in one_sided_findings(told_by_table, tie_list(told_by_table))] == \
        [("a", "b")]


def _meetings(*rows: tuple[str, str, int]) -> tuple[Attendance, ...]:
    return tuple(Attendance(m, actor, dt.date(2026, month, 1), title="Platforma")
                 for m, actor, month in rows)


def test_pairs_that_meet_but_do_not_work_together_are_named_for_expected_sectors() -> None:
    net = Network(actors=_ABC, links=(_coop("b", "c"),),
                  attendance=_meetings(("m1", "a", 1), ("m1", "b", 1), ("m1", "c", 1)))
    model = parse_model("expected_pairs:\n  - between: [education, social_services]\n")
    platform = platform_summary(net, tie_list(net), model)
    found = platform_findings(net, platform)
    # a–b meet and do not work together; a–c are not an expected pair; b–c work together.
    assert [f.figures["pairs"] for f in found] == [[["a", "b"]]]
    assert found[0].severity == "low"
    assert found[0].text["en"] == ("These pairs meet at the networking platform but do not "
                                   "work together (schools – social services): ZŠ A – SAS B.")


def test_who_stopped_coming_to_a_series_of_meetings() -> None:
    net = Network(actors=_ABC, attendance=_meetings(
        ("m1", "a", 1), ("m1", "b", 1), ("m2", "b", 3), ("m3", "b", 5), ("m2", "c", 3)))
    platform = platform_summary(net, tie_list(net))
    assert platform.stopped.to_dict("records") == [
        {"actor": "a", "series": "Platforma", "last_meeting": "m1", "meetings_after": 2},
        {"actor": "c", "series": "Platforma", "last_meeting": "m2", "meetings_after": 1}]
    texts = [f.text["cs"] for f in stopped_findings(net, platform)]
    assert texts == ["Přestali chodit na setkání „Platforma“ (naposledy přítomni 1. 1. 2026): "
                     "ZŠ A.",
                     "Přestali chodit na setkání „Platforma“ (naposledy přítomni 1. 3. 2026): "
                     "OSPOD C."]
