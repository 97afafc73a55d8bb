"""The platform layer on its own: who comes to the networking platform's meetings,
who stopped coming, and who meets there without working together.

Attending the same meeting is not cooperation (see "Ties as networkers know them"
in the domain notes): the platform is analysed apart from the working ties.
Pure functions over a :class:`~graphnet.model.Network` and its ties.

Conventions (also in :data:`CONVENTIONS`):

- Meetings are ordered by date (undated ones last), then as they first appear in
  the attendance lists.
- Meetings of one *series* share a title (a platform meeting each term, a
  monthly case conference …); untitled meetings are one series.
- An actor *stopped attending* a series when it came to one of its meetings but
  to none after its last one, and later meetings of the series took place.
- *Meet but do not work together*: two actors that share at least one platform
  meeting, have no working tie of any kind with each other, and belong to a
  sector pair the optimal model expects to cooperate.

>>> from graphnet.model import Actor, Attendance, Network
>>> net = Network(actors=(Actor("o", "OSPOD", "child_protection"),
...                       Actor("z", "ZŠ", "education")),
...               attendance=(Attendance("m1", "o", title="Platforma"),
...                           Attendance("m1", "z", title="Platforma"),
...                           Attendance("m2", "o", title="Platforma")))
>>> from graphnet.ties import tie_list
>>> platform = platform_summary(net, tie_list(net))
>>> platform.stopped.to_dict("records"), list(platform.meetings["attendees"])
([{'actor': 'z', 'series': 'Platforma', 'last_meeting': 'm1', 'meetings_after': 1}], [2, 1])
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from graphnet.model import Network
from graphnet.optimal_model import OptimalModel
from graphnet.ties import Tie

__all__ = ["Platform", "CONVENTIONS", "meeting_order", "platform_summary"]

CONVENTIONS = {
    "platform": (
        "Platform layer: pairs of actors at the same meeting of an attendance list, weight = "
        "meetings shared. Attending together is not working together: the platform is "
        "analysed on its own (attendance per meeting and sector, who stopped attending a series "
        "of meetings (same title) — came to one but to none after it while later ones took "
        "place — and pairs of "
        "sectors the optimal model expects to cooperate whose actors meet at the platform but "
        "have no working tie)."
    ),
}


@dataclass(frozen=True)
class Platform:
    """The platform layer of one network.

    - ``meetings``: one row per meeting in :func:`meeting_order`: meeting, date,
      title, attendees, sectors (how many sectors were present).
    - ``sector_attendance``: one row per meeting × sector present: meeting,
      sector, attendees.
    - ``actors``: one row per actor that attended: actor, meetings_attended,
      share (of all meetings, 0–1), first_meeting, last_meeting.
    - ``stopped``: one row per actor and series it stopped attending (see the
      module doc): actor, series (the title; "" for untitled meetings),
      last_meeting, meetings_after (how many of the series it missed since).
    - ``met_not_working``: one row per pair that meets but does not work together
      (see the module doc): source, target, sector_a, sector_b, meetings_shared.
    """

    meetings: pd.DataFrame
    sector_attendance: pd.DataFrame
    actors: pd.DataFrame
    stopped: pd.DataFrame
    met_not_working: pd.DataFrame


def meeting_order(network: Network) -> list[str]:
    """The meeting ids by date (undated last), then by first appearance.

    >>> from graphnet.model import Attendance, Network
    >>> import datetime as dt
    >>> net = Network(actors=(), attendance=(Attendance("b", "x", dt.date(2026, 3, 1)),
    ...                                      Attendance("a", "x", dt.date(2025, 10, 1))))
    >>> meeting_order(net)
    ['a', 'b']
    """
    first: dict[str, tuple[int, dt.date | None]] = {}
    for position, row in enumerate(network.attendance):
        seen = first.get(row.meeting)
        if seen is None:
            first[row.meeting] = (position, row.date)
        elif seen[1] is None and row.date is not None:
            first[row.meeting] = (seen[0], row.date)
    return sorted(first, key=lambda m: (first[m][1] is None, first[m][1] or dt.date.min,
                                        first[m][0]))


def platform_summary(network: Network, ties: Iterable[Tie],
                     model: OptimalModel | None = None) -> Platform:
    """The platform layer of ``network`` (attendance lists and platform ties), the
    working ties telling who already works together; ``model`` says which sector
    pairs should (None: no pair is expected, ``met_not_working`` is empty)."""
    order = meeting_order(network)
    present: dict[str, dict[str, None]] = {meeting: {} for meeting in order}
    details: dict[str, tuple[dt.date | None, str | None]] = {}
    for row in network.attendance:
        if network.has_actor(row.actor):
            present[row.meeting][row.actor] = None
        date, title = details.get(row.meeting, (None, None))
        details[row.meeting] = (date or row.date, title or row.title)

    meetings, by_sector = [], []
    for meeting in order:
        sectors: dict[str, int] = {}
        for actor in present[meeting]:
            sector = network.actor(actor).sector
            sectors[sector] = sectors.get(sector, 0) + 1
        date, title = details[meeting]
        meetings.append({"meeting": meeting, "date": date.isoformat() if date else None,
                         "title": title, "attendees": len(present[meeting]),
                         "sectors": len(sectors)})
        by_sector += [{"meeting": meeting, "sector": sector, "attendees": n}
                      for sector, n in sectors.items()]

    attended: dict[str, list[int]] = {}
    for index, meeting in enumerate(order):
        for actor in present[meeting]:
            attended.setdefault(actor, []).append(index)
    actor_rows = [{"actor": actor.id, "meetings_attended": len(attended[actor.id]),
                   "share": len(attended[actor.id]) / len(order),
                   "first_meeting": order[attended[actor.id][0]],
                   "last_meeting": order[attended[actor.id][-1]]}
                  for actor in network.actors if actor.id in attended]

    series: dict[str, list[str]] = {}
    for meeting in order:
        series.setdefault(details[meeting][1] or "", []).append(meeting)
    position = {actor.id: k for k, actor in enumerate(network.actors)}
    stopped = []
    for title, meetings_of in series.items():
        last: dict[str, int] = {}
        for k, meeting in enumerate(meetings_of):
            for actor_id in present[meeting]:
                last[actor_id] = k
        for actor_id in sorted(last, key=position.__getitem__):
            if last[actor_id] < len(meetings_of) - 1:
                stopped.append({"actor": actor_id, "series": title,
                                "last_meeting": meetings_of[last[actor_id]],
                                "meetings_after": len(meetings_of) - 1 - last[actor_id]})

    return Platform(
        meetings=pd.DataFrame(meetings, columns=["meeting", "date", "title", "attendees",
                                                 "sectors"]),
        sector_attendance=pd.DataFrame(by_sector, columns=["meeting", "sector", "attendees"]),
        actors=pd.DataFrame(actor_rows, columns=["actor", "meetings_attended", "share",
                                                 "first_meeting", "last_meeting"]),
        stopped=pd.DataFrame(stopped, columns=["actor", "series", "last_meeting",
                                               "meetings_after"]),
        met_not_working=_met_not_working(network, list(ties), model),
    )


def _met_not_working(network: Network, ties: list[Tie],
                     model: OptimalModel | None) -> pd.DataFrame:
    columns = ["source", "target", "sector_a", "sector_b", "meetings_shared"]
    if model is None:
        return pd.DataFrame([], columns=columns)
    working = {frozenset(tie.ends) for tie in ties if tie.layer == "working"}
    rows = []
    for tie in ties:
        if tie.layer != "platform" or frozenset(tie.ends) in working:
            continue
        if not (network.has_actor(tie.source) and network.has_actor(tie.target)):
            continue
        a, b = network.actor(tie.source).sector, network.actor(tie.target).sector
        if model.expects(a, b) is None:
            continue
        rows.append({"source": tie.source, "target": tie.target, "sector_a": a,
                     "sector_b": b, "meetings_shared": int(tie.weight)})
    return pd.DataFrame(rows, columns=columns)
