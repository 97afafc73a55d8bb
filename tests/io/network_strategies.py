"""Hypothesis strategies for networks as ``graphnet.load`` gives them.

Texts are stripped and non-empty (readers strip cells and treat empty as
missing) and hold no control characters (XML cannot store them); they include
Czech diacritics and markup like ``<script>``. Links have distinct keys (load
merges duplicates), so ``load(save(net)) == net`` is the property to test.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from graphnet.io.columns import ALIASES
from graphnet.model import Actor, Attendance, Link, Network
from graphnet.vocab import LEVELS, LINK_KINDS, NEEDS, SECTORS, UNDIRECTED_KINDS, Term, normalize

_ALPHABET = st.characters(
    blacklist_categories=("Cc", "Cs", "Co", "Cn", "Zl", "Zp"),
    blacklist_characters="\ufeff\u00a0\u2028\u2029\x85",
)
_WORDS = st.sampled_from(["<script>alert(1)</script>", "Žluťoučký kůň", "ZŠ Horní Lhota",
                          "OSPOD", "a;b", 'quote "x"', "1,5", "=SUM(A1)", "ěščřžýáíé"])
_ALL_ALIASES = {normalize(alias) for fields in ALIASES.values()
                for en, cs in fields.values() for alias in (*en, *cs)}


def _clean(text: str) -> str:
    return " ".join(text.split())


texts = st.one_of(_WORDS, st.text(_ALPHABET, min_size=1, max_size=12)).map(_clean).filter(bool)
optional_texts = st.none() | texts
dates = st.none() | st.dates(dt.date(1950, 1, 1), dt.date(2099, 12, 31))
weights = st.one_of(st.just(1.0), st.integers(0, 50).map(float),
                    st.floats(0, 1e6, allow_nan=False, allow_infinity=False))
attribute_keys = texts.filter(lambda k: normalize(k) not in _ALL_ALIASES and normalize(k) != "")
attributes = st.dictionaries(attribute_keys, texts, max_size=2)


def _unique_codes(vocabulary_codes: list[str]) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(st.sampled_from(vocabulary_codes), unique=True, max_size=3).map(tuple)


@st.composite
def custom_sectors(draw: st.DrawFn) -> tuple[Term, ...]:
    count = draw(st.integers(0, 2))
    terms = []
    for number in range(count):
        en = f"project sector {number} {draw(texts)}"
        cs = f"projektový sektor {number} {draw(texts)}"
        if any(SECTORS.lookup(x) for x in (en, cs)):
            continue
        terms.append(Term(f"project_{number}", _clean(en), _clean(cs)))
    return tuple(terms)


@st.composite
def networks(draw: st.DrawFn, max_actors: int = 8) -> Network:
    own = draw(custom_sectors())
    vocabulary = SECTORS.with_terms(own) if own else SECTORS
    ids = draw(st.lists(texts, min_size=1, max_size=max_actors, unique=True))
    actors = tuple(
        Actor(
            id=actor_id,
            name=draw(texts),
            sector=draw(st.sampled_from(vocabulary.codes)),
            type=draw(optional_texts),
            municipality=draw(optional_texts),
            orp=draw(optional_texts),
            region=draw(optional_texts),
            needs=draw(_unique_codes(NEEDS.codes)),
            levels=draw(_unique_codes(LEVELS.codes)),
            contact=draw(optional_texts),
            notes=draw(optional_texts),
            attributes=draw(attributes),
        )
        for actor_id in ids
    )
    links: list[Link] = []
    keys: set[tuple[object, ...]] = set()
    for _ in range(draw(st.integers(0, 12))):
        source, target = draw(st.sampled_from(ids)), draw(st.sampled_from(ids))
        kind = draw(st.sampled_from(LINK_KINDS.codes))
        link = Link(source, target, kind, draw(weights), draw(dates), draw(optional_texts),
                    draw(optional_texts), draw(attributes))
        ends = tuple(sorted((source, target))) if kind in UNDIRECTED_KINDS else (source, target)
        key = (ends, kind, link.date, link.reported_by)
        if key not in keys:
            keys.add(key)
            links.append(link)
    attendance = tuple(
        Attendance(draw(st.sampled_from(["m1", "m2", "platforma <b>"])),
                   draw(st.sampled_from(ids)), draw(dates), draw(optional_texts))
        for _ in range(draw(st.integers(0, 5)))
    )
    return Network(
        actors=actors,
        links=tuple(links),
        attendance=attendance,
        sectors=vocabulary,
        name=draw(optional_texts),
        mapped_on=draw(dates),
        source=draw(optional_texts),
        language=draw(st.sampled_from([None, "cs", "en"])),
    )
