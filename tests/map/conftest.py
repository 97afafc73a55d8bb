"""Networks the map tests draw: the sample ORP (with its real analysis) and a small
hand-made network with hostile names."""

from __future__ import annotations

import pytest

from graphnet.model import Actor, Attendance, Link, Network

HOSTILE_NAME = "<img src=x onerror=alert(1)>"
HREF_NAME = 'Klinika <a href="javascript:alert(2)">odkaz</a>'
HREF_NOTE = 'viz <a href="https://example.org/">web</a> a <script>alert(3)</script>'


@pytest.fixture(scope="session")
def small() -> Network:
    """Seven actors in five sectors, every link kind, a meeting, an isolated actor,
    an actor named like an HTML injection and one whose name and note hold links."""
    actors = (
        Actor("ospod", "OSPOD Lhota", "child_protection", orp="Lhota", municipality="Lhota",
              contact="Jana Nováková, jana@example.org"),
        Actor("sas", "SAS Rodina", "social_services", orp="Lhota", needs=("relationships",),
              levels=("targeted",)),
        Actor("zs", "ZŠ Komenského", "education", orp="Lhota"),
        Actor("ppp", "PPP Lhota", "school_counselling", orp="Ves"),
        Actor("x1", HOSTILE_NAME, "health", orp="Ves"),
        Actor("x2", HREF_NAME, "health", orp="Ves", notes=HREF_NOTE),
        Actor("iso", "Rodinné centrum Sluníčko", "community", orp="Ves"),
    )
    links = (
        Link("ospod", "sas", "referral", 2.0),
        Link("sas", "ospod", "referral", 1.0),
        Link("zs", "ospod", "information", 3.0),
        Link("sas", "zs", "cooperation", 1.0),
        Link("ppp", "x1", "cooperation", 4.0),
        Link("x1", "x2", "information", 1.0),
        Link("zs", "zs", "meeting", 1.0),
    )
    attendance = (
        Attendance("m1", "ospod"), Attendance("m1", "sas"), Attendance("m1", "ppp"),
    )
    return Network(actors=actors, links=links, attendance=attendance, name="Lhota <test>")
