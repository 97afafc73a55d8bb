"""The network as networkers describe it: actors, links and meeting attendance.

Plain frozen dataclasses. Readers (``graphnet.io``) build them, validation checks
them, ``graphnet.graphs`` turns them into networkx graphs (the model knows no
graph library and imports no graphnet module above it). Nothing here changes
the values a user gave; derived things (meeting links from attendance) are
computed on demand, never stored back.

>>> from datetime import date
>>> net = Network(
...     actors=(Actor("a", "OSPOD Lhota", "child_protection"), Actor("b", "ZŠ Lhota", "education")),
...     links=(Link("a", "b", "information", weight=2.0),),
... )
>>> net.actor("b").name
'ZŠ Lhota'
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from functools import cached_property

from graphnet.errors import Problem
from graphnet.vocab import SECTORS, Vocabulary

__all__ = ["Actor", "Link", "Attendance", "Respondent", "Network", "PERSONAL_FIELDS",
           "DERIVED_FROM_ATTENDANCE", "ACTOR_FIELDS", "ACTOR_TEXT_FIELDS", "ACTOR_LIST_FIELDS",
           "actor_fields"]

#: Actor fields that may hold personal data (a contact person's name, e-mail, phone).
#: They stay in the model but every export leaves them out unless asked.
PERSONAL_FIELDS = ("contact",)

#: ``Link.attributes["derived_from"]`` of a meeting link made from attendance lists.
DERIVED_FROM_ATTENDANCE = "attendance"


@dataclass(frozen=True)
class Actor:
    """An organisation or team (never a person, never a child).

    ``sector`` is a sector code (see :data:`graphnet.vocab.SECTORS`), ``needs`` and
    ``levels`` are need and support-level codes. ``attributes`` keeps any extra
    column of the user's file, as text, under its original header.
    """

    id: str
    name: str
    sector: str
    type: str | None = None
    municipality: str | None = None
    orp: str | None = None
    region: str | None = None
    needs: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    contact: str | None = None
    notes: str | None = None
    attributes: Mapping[str, str] = field(default_factory=dict)

    def public(self) -> Actor:
        """This actor without its personal fields (for exports)."""
        cleared: dict[str, object] = {name: None for name in PERSONAL_FIELDS}
        return replace(self, **cleared)  # type: ignore[arg-type]


#: Every field of :class:`Actor`, in the dataclass's order (id, name, sector, type,
#: municipality, orp, region, needs, levels, contact, notes, attributes). Lists of
#: actor fields elsewhere are taken from this one (:func:`actor_fields`), so a new
#: field reaches every reader and writer or is left out of one on purpose.
ACTOR_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Actor))
#: The optional one-text fields (type, municipality, orp, region, contact, notes).
ACTOR_TEXT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Actor)
                                           if f.type == "str | None")
#: The fields holding a list of codes (needs, levels).
ACTOR_LIST_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Actor)
                                           if f.type.startswith("tuple["))


def actor_fields(*, without: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The :data:`ACTOR_FIELDS` but those named in ``without``, in the same order.

    A use that needs fewer fields says which it leaves out and why, here in one call.

    >>> actor_fields(without=("attributes", *PERSONAL_FIELDS))[-3:]
    ('needs', 'levels', 'notes')
    """
    unknown = set(without) - set(ACTOR_FIELDS)
    if unknown:
        raise ValueError(f"not actor fields: {sorted(unknown)}")
    return tuple(name for name in ACTOR_FIELDS if name not in without)


@dataclass(frozen=True)
class Link:
    """A reported tie between two actors.

    ``kind`` is a link-kind code: referral and information are directed (source →
    target); meeting and cooperation are undirected (the order of the ends carries
    no meaning). ``weight`` is how often (e.g. per year); 1 when not given.
    """

    source: str
    target: str
    kind: str
    weight: float = 1.0
    date: dt.date | None = None
    reported_by: str | None = None
    note: str | None = None
    attributes: Mapping[str, str] = field(default_factory=dict)

    @property
    def is_self_loop(self) -> bool:
        return self.source == self.target


@dataclass(frozen=True)
class Attendance:
    """One actor present at one meeting (one row of an attendance list)."""

    meeting: str
    actor: str
    date: dt.date | None = None
    title: str | None = None


@dataclass(frozen=True)
class Respondent:
    """Whether one actor answered the survey (one row of the respondents table).

    ``method`` is ``"questionnaire"`` or ``"interview"`` (None when not given).
    An actor missing from the table did not answer.
    """

    actor: str
    answered: bool
    date: dt.date | None = None
    method: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Network:
    """A mapped network: the actors, their links and meeting attendance.

    ``sectors`` is the sector vocabulary in force (the built-in twelve plus any a
    project adds in its settings file). ``name``, ``mapped_on`` and ``source``
    describe the dataset; ``language`` is the language of the input's headers
    ("cs" or "en", when known); ``problems`` keeps the warnings found on reading.
    ``respondents`` is the respondents table when the data has one (who answered
    the survey; see :mod:`graphnet.ties`), else empty. ``public`` is true for a
    network made fit to publish (actors who are persons named by type and sector,
    no personal fields; see :mod:`graphnet.privacy`), so every output can say so.
    """

    actors: tuple[Actor, ...]
    links: tuple[Link, ...] = ()
    attendance: tuple[Attendance, ...] = ()
    sectors: Vocabulary = SECTORS
    name: str | None = None
    mapped_on: dt.date | None = None
    source: str | None = None
    language: str | None = None
    problems: tuple[Problem, ...] = ()
    respondents: tuple[Respondent, ...] = ()
    public: bool = False

    @cached_property
    def _by_id(self) -> dict[str, Actor]:
        return {actor.id: actor for actor in self.actors}

    def actor(self, actor_id: str) -> Actor:
        """The actor with this id (KeyError when there is none)."""
        return self._by_id[actor_id]

    def has_actor(self, actor_id: str) -> bool:
        return actor_id in self._by_id

    @property
    def actor_ids(self) -> list[str]:
        return [actor.id for actor in self.actors]

    def meeting_links(self) -> tuple[Link, ...]:
        """Meeting links derived from attendance: one per pair of actors at the same
        meeting, weight = number of meetings they shared, ends in id order."""
        attendees: dict[str, set[str]] = {}
        for row in self.attendance:
            attendees.setdefault(row.meeting, set()).add(row.actor)
        shared: Counter[tuple[str, str]] = Counter()
        for present in attendees.values():
            for pair in itertools.combinations(sorted(present), 2):
                shared[pair] += 1
        return tuple(
            Link(a, b, "meeting", float(n), attributes={"derived_from": DERIVED_FROM_ATTENDANCE})
            for (a, b), n in sorted(shared.items())
        )

    def all_links(self) -> tuple[Link, ...]:
        """The reported links followed by the meeting links derived from attendance."""
        return self.links + self.meeting_links()

    def without_personal(self) -> Network:
        """A copy with the personal fields of every actor left out."""
        return replace(self, actors=tuple(actor.public() for actor in self.actors))

    def canonical(self) -> Network:
        """A copy in a canonical order (actors by id, links and attendance sorted), so
        two networks holding the same data compare equal whatever their file order."""

        def link_key(link: Link) -> tuple[str, ...]:
            return (link.source, link.target, link.kind, str(link.date), str(link.reported_by),
                    repr(link.weight), str(link.note), repr(sorted(link.attributes.items())))

        return replace(
            self,
            actors=tuple(sorted(self.actors, key=lambda a: a.id)),
            links=tuple(sorted(self.links, key=link_key)),
            attendance=tuple(sorted(self.attendance, key=lambda r: (r.meeting, r.actor))),
            respondents=tuple(sorted(self.respondents, key=lambda r: r.actor)),
            problems=(),
        )
