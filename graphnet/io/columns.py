"""Column headers as networkers write them, in English or Czech.

A header matches a field in any case, with or without diacritics and with stray
spaces (compared through :func:`graphnet.vocab.normalize`). The first column
matching a field is that field; any other column is kept as an attribute under
its original header.

>>> match_headers("actors", ["ID", "Název", "Sektor", "kapacita"])
({'id': 0, 'name': 1, 'sector': 2}, [3], 'cs')
>>> match_headers("links", ["source", "target", "kind", "weight"])[2]
'en'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from graphnet.table import REQUIRED, Table
from graphnet.vocab import normalize

__all__ = ["ALIASES", "HEADERS", "match_headers", "make_table", "TABLE_FILE_NAMES"]

#: field → (English aliases, Czech aliases), per table. The first of each is what
#: graphnet writes.
ALIASES: Mapping[str, Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]]] = {
    "actors": {
        "id": (("id", "actor id", "identifier"), ("id", "identifikátor", "kód")),
        "name": (("name", "actor", "organisation", "organization"),
                 ("název", "jméno", "aktér", "organizace")),
        "sector": (("sector",), ("sektor",)),
        "type": (("type",), ("typ", "druh")),
        "municipality": (("municipality", "town"), ("obec", "město")),
        "orp": (("orp",), ("orp",)),
        "region": (("region",), ("kraj",)),
        "needs": (("needs", "need"), ("potřeby", "potřeba")),
        "levels": (("levels", "level", "support levels", "support level"),
                   ("úrovně", "úroveň", "úrovně podpory", "úroveň podpory")),
        "contact": (("contact",), ("kontakt",)),
        "notes": (("notes", "note"), ("poznámka", "poznámky")),
    },
    "links": {
        "source": (("source", "from"), ("od", "zdroj")),
        "target": (("target", "to"), ("komu", "do", "cíl")),
        "kind": (("kind", "type"), ("typ", "druh")),
        "weight": (("weight",), ("váha",)),
        "date": (("date",), ("datum",)),
        "reported_by": (("reported_by", "reported by", "reporter"), ("uvedl", "uvedla")),
        "note": (("note", "notes"), ("poznámka", "poznámky")),
    },
    "respondents": {
        "actor": (("actor", "actor id", "id"), ("aktér", "id")),
        "answered": (("answered", "responded"), ("odpověděl", "odpověděla", "odpovědělo")),
        "date": (("date",), ("datum",)),
        "method": (("method", "how"), ("způsob", "jak")),
        "note": (("note", "notes"), ("poznámka", "poznámky")),
    },
    "meetings": {
        "meeting": (("meeting", "meeting id"), ("setkání",)),
        "actor": (("actor", "actor id"), ("aktér",)),
        "date": (("date",), ("datum",)),
        "title": (("title", "name"), ("název",)),
    },
}
# Reports collected by the survey have exactly the columns of the links table.
ALIASES = {**ALIASES, "survey_links": ALIASES["links"]}

#: The headers graphnet writes, per language.
HEADERS: Mapping[str, Mapping[str, list[str]]] = {
    lang: {
        table: [aliases[0 if lang == "en" else 1][0] for aliases in fields.values()]
        for table, fields in ALIASES.items()
    }
    for lang in ("en", "cs")
}

#: Names of the files (and sheets) of each table, compared normalised.
TABLE_FILE_NAMES: Mapping[str, tuple[str, ...]] = {
    "actors": ("actors", "akteri", "aktéři"),
    "links": ("links", "vazby"),
    "meetings": ("meetings", "setkani", "setkání", "attendance", "ucast", "účast"),
    "respondents": ("respondents", "respondenti"),
    "survey_links": ("survey_links", "vazby-dotaznik", "vazby-dotazník"),
}

_INDEX: dict[str, dict[str, Any]] = {
    table: {
        "any": {normalize(alias): name
                for name, (en, cs) in fields.items() for alias in (*en, *cs)},
        "en": {normalize(alias) for en, _ in fields.values() for alias in en},
        "cs": {normalize(alias) for _, cs in fields.values() for alias in cs},
    }
    for table, fields in ALIASES.items()
}


def match_headers(table: str, headers: Sequence[str]
                  ) -> tuple[dict[str, int], list[int], str | None]:
    """Which column holds which field, which columns are extra, and the headers' language
    ('cs' or 'en' when any header is only one language's, else None)."""
    index = _INDEX[table]
    found: dict[str, int] = {}
    extra: list[int] = []
    votes = {"cs": 0, "en": 0}
    for position, header in enumerate(headers):
        folded = normalize(header)
        name = index["any"].get(folded)
        if name is None or name in found:
            extra.append(position)
            continue
        found[name] = position
        in_cs, in_en = folded in index["cs"], folded in index["en"]
        if in_cs and not in_en:
            votes["cs"] += 1
        elif in_en and not in_cs:
            votes["en"] += 1
    language = None
    if votes["cs"] or votes["en"]:
        language = "cs" if votes["cs"] >= votes["en"] else "en"
    return found, extra, language


def aliases_text(table: str, name: str) -> str:
    en, cs = ALIASES[table][name]
    return " / ".join(dict.fromkeys((*en[:2], *cs[:2])))


def make_table(kind: str, file: str, headers: Sequence[str], data: pd.DataFrame,
               rows: Sequence[int]) -> tuple[Table, str | None]:
    """A :class:`Table` from a header row and the data under it (columns by position)."""
    clean_headers = [str(h).strip() if h is not None else "" for h in headers]
    found, extra, language = match_headers(kind, clean_headers)
    frame = pd.DataFrame({name: data.iloc[:, position] for name, position in found.items()},
                         index=data.index).reset_index(drop=True)
    extra = [position for position in extra if clean_headers[position]
             or data.iloc[:, position].map(lambda v: v not in (None, "")).any()]
    names: dict[str, int] = {}
    columns = {}
    for position in extra:
        # Every extra column is kept, even under a repeated or empty header.
        name = clean_headers[position] or f"column {position + 1}"
        names[name] = names.get(name, 0) + 1
        if names[name] > 1:
            name = f"{name} ({names[name]})"
        columns[name] = data.iloc[:, position]
    extras = pd.DataFrame(columns, index=data.index).reset_index(drop=True)
    missing = {name: aliases_text(kind, name) for name in REQUIRED[kind] if name not in found}
    table = Table(
        file=file,
        frame=frame,
        headers={name: clean_headers[position] for name, position in found.items()},
        rows=list(rows),
        extras=extras,
        missing=missing,
    )
    return table, language
