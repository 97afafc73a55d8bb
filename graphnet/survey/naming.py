"""File names that every file system accepts, made from an actor's id and name.

>>> form_file_name("OSPOD", "OSPOD MěÚ Horní Lhota")
'OSPOD-ospod-meu-horni-lhota.xlsx'
>>> form_file_name("PLDD", "MUDr. Hana Svobodová")
'PLDD-mudr-hana-svobodova.xlsx'
>>> form_file_name("a/b", "Ž")
'a-b-z.xlsx'
"""

from __future__ import annotations

import re
import unicodedata

from graphnet.vocab import normalize

__all__ = ["safe_part", "form_file_name", "unique_names"]

_UNSAFE = re.compile(r"[^A-Za-z0-9._]+")
_UNSAFE_NAME = re.compile(r"[^a-z0-9]+")


def safe_part(text: str, limit: int = 60, lower: bool = False) -> str:
    """``text`` without diacritics, anything but letters, digits, ``.`` and ``_`` as ``-``
    (``lower``: lower case, and only letters and digits kept)."""
    folded = (_UNSAFE_NAME.sub("-", normalize(text)) if lower
              else _UNSAFE.sub("-", _ascii(text)))
    return folded.strip("-.")[:limit].strip("-.") or "x"


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def form_file_name(actor_id: str, name: str, suffix: str = ".xlsx") -> str:
    """``<id>-<name>.xlsx``, both parts made safe (the id keeps its case)."""
    return f"{safe_part(actor_id, 40)}-{safe_part(name, lower=True)}{suffix}"


def unique_names(names: list[str]) -> list[str]:
    """The names with ``-2``, ``-3`` … before the suffix where two would be the same
    (on a case-insensitive file system too)."""
    seen: dict[str, int] = {}
    result = []
    for name in names:
        stem, dot, suffix = name.rpartition(".")
        key = name.casefold()
        count = seen.get(key, 0) + 1
        seen[key] = count
        result.append(name if count == 1 else f"{stem}-{count}{dot}{suffix}")
    return result
