"""Words for sentences about a network, in each language: plural forms, name lists,
actor names and sector labels, and which sector of a pair a sentence names first.

The findings (:mod:`graphnet.findings`) and the suggestions build their sentences
from these; the phrases themselves are in the message catalogue
(``graphnet/data/messages/``).

>>> plural("findings.actors", "cs", 3), name_list(["A", "B", "C"], "cs")
('3 aktéři', 'A, B a C')
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from graphnet.i18n import LANGUAGES, catalogue, format_number, t
from graphnet.model import Network

__all__ = ["NAMES_SHOWN", "SUBJECT_PRIORITY", "Words", "plural", "name_list", "subject_first",
           "sector_phrase"]

#: How many names a sentence lists before "and N more".
NAMES_SHOWN = 8

#: Which end of a sector pair is the subject of "No school is linked to any social
#: service": the more specific sector speaks, the hub sectors are partners.
SUBJECT_PRIORITY = ("education", "health", "school_counselling", "community", "police",
                    "justice", "foster_care", "labour_benefits", "municipality", "ngo_other",
                    "social_services", "child_protection")


def plural(key: str, lang: str, n: int, **params: object) -> str:
    """The form of ``key`` for count ``n`` (Czech: 1 / 2–4 / 5+, English: 1 / more).

    >>> plural("findings.actors", "cs", 3), plural("findings.actors", "cs", 5)
    ('3 aktéři', '5 aktérů')
    """
    if n == 1:
        form = "one"
    elif lang == "cs" and 2 <= n <= 4:
        form = "few"
    else:
        form = "many"
    return t(f"{key}_{form}", lang, n=format_number(n, lang), **params)


def name_list(names: Sequence[str], lang: str, shown: int = NAMES_SHOWN) -> str:
    """Names joined for a sentence: "A, B and C"; past ``shown`` names "… and N more".

    >>> name_list(["A", "B", "C"], "en"), name_list(["A", "B"], "cs")
    ('A, B and C', 'A a B')
    >>> name_list(list("ABCD"), "en", shown=2)
    'A, B and 2 more'
    """
    names = list(names)
    if len(names) > shown:
        return t("findings.list_more", lang, names=", ".join(names[:shown]),
                 n=format_number(len(names) - shown, lang))
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + t("findings.list_and", lang) + names[-1]


def subject_first(a: str, b: str) -> tuple[str, str]:
    """The two sectors in the order a sentence names them: the more specific first
    ("No school is linked to any social service").

    >>> subject_first("social_services", "education")
    ('education', 'social_services')
    """
    def rank(code: str) -> int:
        return SUBJECT_PRIORITY.index(code) if code in SUBJECT_PRIORITY else -1

    return (a, b) if rank(a) <= rank(b) else (b, a)


class Words:
    """Names and labels of one network, in each language.

    >>> from graphnet.model import Actor
    >>> words = Words(Network(actors=(Actor("z", "ZŠ Lhota", "education"),)))
    >>> words.names(["z", "x"], "en"), words.sector_short("education", "cs")
    ('ZŠ Lhota and x', 'školství')
    """

    def __init__(self, network: Network):
        self.network = network

    def name(self, actor_id: str) -> str:
        """The actor's name (its id when the network has no such actor)."""
        return self.network.actor(actor_id).name if self.network.has_actor(actor_id) \
            else actor_id

    def names(self, actor_ids: Iterable[str], lang: str) -> str:
        return name_list([self.name(a) for a in actor_ids], lang)

    def by_name(self, actor_ids: Iterable[str]) -> list[str]:
        """The ids sorted as their names read (case folded), then by id."""
        return sorted(actor_ids, key=lambda a: (self.name(a).casefold(), a))

    def sector(self, code: str, lang: str) -> str:
        return self.network.sectors.label(code, lang)

    def sector_short(self, code: str, lang: str) -> str:
        """The label without its parenthesis, for use inside one: "ZŠ (schools)"."""
        label = self.sector(code, lang)
        return label.split(" (")[0] if " (" in label else label

    def sectors(self, codes: Iterable[str], lang: str) -> str:
        return name_list([self.sector(c, lang) for c in codes], lang, shown=20)

    def each(self, build: Callable[[str], str]) -> dict[str, str]:
        """``{lang: build(lang)}`` for every language."""
        return {lang: build(lang) for lang in LANGUAGES}


def sector_phrase(kind: str, code: str, words: Words, lang: str) -> str:
    """The catalogue's own phrase for a sector in a sentence (``findings.<kind>.<code>``,
    e.g. "No school is linked"), else the general one with the sector's label.

    >>> from graphnet.model import Actor
    >>> sector_phrase("subject_none", "education", Words(Network(actors=())), "en")
    'No school is linked'
    """
    key = f"findings.{kind}.{code}"
    if key in catalogue() and code in SUBJECT_PRIORITY:
        return t(key, lang)
    return t(f"findings.{kind}.other", lang, sector=words.sector(code, lang))
