"""Controlled vocabularies: sectors, link kinds, needs and support levels.

Each vocabulary is shipped as a CSV file in ``graphnet/data/vocabularies`` with a
code, an English and a Czech label (and optional aliases). A value typed by a
networker may be the code, either label or an alias, in any case, with or
without diacritics and with stray spaces; :meth:`Vocabulary.lookup` maps it to
the code.

>>> SECTORS.lookup("  Školství ")
'education'
>>> SECTORS.lookup("skolstvi")
'education'
>>> LINK_KINDS.lookup("Doporučení")
'referral'
>>> SECTORS.suggest("zdravotnistvi")
'health'
"""

from __future__ import annotations

import csv
import difflib
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources

__all__ = [
    "Term",
    "Vocabulary",
    "normalize",
    "SECTORS",
    "LINK_KINDS",
    "NEEDS",
    "LEVELS",
    "DIRECTED_KINDS",
    "UNDIRECTED_KINDS",
    "EXTRA_SECTOR_COLORS",
]

# Colours handed to sectors a project adds in its settings file, after the twelve
# built-in ones (which carry their own in sectors.csv).
EXTRA_SECTOR_COLORS = ("#AA4499", "#44AA99", "#88CCEE", "#117733", "#661100", "#6699CC")


def normalize(text: str) -> str:
    """Fold a typed value for comparison: no diacritics, lower case, single spaces.

    >>> normalize("  Školská   poradenská_zařízení ")
    'skolska poradenska zarizeni'
    """
    decomposed = unicodedata.normalize("NFKD", str(text))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.casefold().replace("_", " ").replace("-", " ")
    return " ".join(stripped.split())


@dataclass(frozen=True)
class Term:
    """One value of a vocabulary."""

    code: str
    en: str
    cs: str
    aliases: tuple[str, ...] = ()
    extra: Mapping[str, str] = field(default_factory=dict)

    def label(self, lang: str) -> str:
        """The label in ``lang`` ('cs' or 'en')."""
        return self.cs if lang == "cs" else self.en


class Vocabulary:
    """An ordered set of terms with forgiving lookup.

    >>> v = Vocabulary("demo", [Term("a_b", "Alpha beta", "Alfa béta")])
    >>> v.lookup("ALFA BETA"), v.lookup("a b"), v.lookup("gamma")
    ('a_b', 'a_b', None)
    """

    def __init__(self, name: str, terms: Iterable[Term]):
        self.name = name
        self._terms: dict[str, Term] = {}
        self._index: dict[str, str] = {}
        for term in terms:
            self._add(term)

    def _add(self, term: Term) -> None:
        self._terms[term.code] = term
        keys = [term.code, term.en, term.cs, *term.aliases]
        # "child protection (OSPOD)" should also match "child protection".
        keys += [k.split("(")[0] for k in (term.en, term.cs) if "(" in k]
        for key in keys:
            folded = normalize(key)
            if folded:
                self._index.setdefault(folded, term.code)

    def with_terms(self, extra: Iterable[Term]) -> Vocabulary:
        """A new vocabulary with ``extra`` terms added after these (a project's own sectors)."""
        return Vocabulary(self.name, [*self._terms.values(), *extra])

    def lookup(self, value: object) -> str | None:
        """The code ``value`` stands for, or None when it matches no term."""
        if value is None:
            return None
        return self._index.get(normalize(str(value)))

    def suggest(self, value: object) -> str | None:
        """The code of the term closest to ``value`` (for 'did you mean'), or None."""
        folded = normalize(str(value))
        close = difflib.get_close_matches(folded, list(self._index), n=1, cutoff=0.6)
        return self._index[close[0]] if close else None

    def label(self, code: str, lang: str) -> str:
        """The label of ``code`` in ``lang``; the code itself when unknown."""
        term = self._terms.get(code)
        return term.label(lang) if term else code

    def get(self, code: str) -> Term | None:
        return self._terms.get(code)

    def __getitem__(self, code: str) -> Term:
        return self._terms[code]

    def __contains__(self, code: object) -> bool:
        return code in self._terms

    def __iter__(self) -> Iterator[Term]:
        return iter(self._terms.values())

    def __len__(self) -> int:
        return len(self._terms)

    @property
    def codes(self) -> list[str]:
        """Codes in their shipped order."""
        return list(self._terms)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Vocabulary) and list(self) == list(other)

    def __hash__(self) -> int:
        return hash((self.name, tuple(self._terms)))

    def __repr__(self) -> str:
        return f"Vocabulary({self.name!r}, {self.codes!r})"


def _read_vocabulary(name: str) -> Vocabulary:
    text = resources.files("graphnet").joinpath(f"data/vocabularies/{name}.csv").read_text("utf-8")
    terms = []
    for row in csv.DictReader(text.splitlines()):
        aliases = tuple(a for a in (row.pop("aliases", "") or "").split("|") if a.strip())
        code, en, cs = row.pop("code"), row.pop("en"), row.pop("cs")
        terms.append(Term(code, en, cs, aliases, dict(row)))
    return Vocabulary(name, terms)


SECTORS = _read_vocabulary("sectors")
LINK_KINDS = _read_vocabulary("link_kinds")
NEEDS = _read_vocabulary("needs")
LEVELS = _read_vocabulary("levels")

DIRECTED_KINDS = frozenset(t.code for t in LINK_KINDS if t.extra.get("directed") == "true")
UNDIRECTED_KINDS = frozenset(t.code for t in LINK_KINDS) - DIRECTED_KINDS


def sector_color(sectors: Vocabulary, code: str) -> str:
    """The fixed colour of a sector, the same in every output.

    >>> sector_color(SECTORS, "child_protection")
    '#CC3311'
    """
    term = sectors.get(code)
    if term is not None and term.extra.get("color"):
        return term.extra["color"]
    extra_codes = [t.code for t in sectors if not t.extra.get("color")]
    position = extra_codes.index(code) if code in extra_codes else 0
    return EXTRA_SECTOR_COLORS[position % len(EXTRA_SECTOR_COLORS)]


__all__ += ["sector_color"]
