"""A folder of CSV files a networker's Excel opens as it is.

UTF-8 with BOM, CRLF. In Czech (the network's language ``cs``): Czech headers,
``;`` as delimiter, Czech vocabulary labels, decimal commas and ``d.m.yyyy``
dates, files ``akteri.csv``, ``vazby.csv``, ``setkani.csv`` (and
``respondenti.csv`` when the network has a respondents table). In English: English
headers, ``,``, codes' English labels, ISO dates, ``actors.csv`` … A
``graphnet.yaml`` carries the dataset's name, date and own sectors. Reading the
folder back gives the same network.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

from graphnet.io.columns import HEADERS
from graphnet.io.document import custom_sectors
from graphnet.model import PERSONAL_FIELDS, Network
from graphnet.settings import Settings, settings_yaml
from graphnet.vocab import LEVELS, LINK_KINDS, NEEDS, Vocabulary

__all__ = ["write_csv_folder", "FILE_NAMES"]

FILE_NAMES = {
    "cs": {"actors": "akteri.csv", "links": "vazby.csv", "meetings": "setkani.csv",
           "respondents": "respondenti.csv"},
    "en": {"actors": "actors.csv", "links": "links.csv", "meetings": "meetings.csv",
           "respondents": "respondents.csv"},
}


def _label(vocabulary: Vocabulary, code: str, lang: str) -> str:
    # A label that reads back as another term (a project's own sector may shadow
    # one) would change the data: write the code then.
    label = vocabulary.label(code, lang)
    return label if vocabulary.lookup(label) == code else code


def _number(value: float, lang: str) -> str:
    text = str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    return text.replace(".", ",") if lang == "cs" else text


def _date(value: object, lang: str) -> str:
    if value is None:
        return ""
    if lang == "cs":
        return f"{value.day}.{value.month}.{value.year}"  # type: ignore[attr-defined]
    return value.isoformat()  # type: ignore[attr-defined]


def _write(path: Path, delimiter: str, header: Sequence[str],
           rows: Iterable[Sequence[str]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter, lineterminator="\r\n",
                            quoting=csv.QUOTE_MINIMAL)
        writer.writerow(header)
        writer.writerows(rows)


def _attribute_headers(records: Iterable[object], taken: Sequence[str]) -> list[str]:
    headers: list[str] = []
    for record in records:
        for key in record.attributes:  # type: ignore[attr-defined]
            if key not in headers:
                headers.append(key)
    return headers


def write_csv_folder(network: Network, folder: Path, include_personal: bool = False) -> None:
    """Write the network as CSV files (and ``graphnet.yaml``) into ``folder``."""
    lang = "cs" if network.language == "cs" else "en"
    delimiter = ";" if lang == "cs" else ","
    names = FILE_NAMES[lang]
    join = "|"

    actor_header = list(HEADERS[lang]["actors"])
    if not include_personal:
        personal = {HEADERS[lang]["actors"][HEADERS["en"]["actors"].index(f)]
                    for f in PERSONAL_FIELDS}
        actor_header = [h for h in actor_header if h not in personal]
    actor_extra = _attribute_headers(network.actors, actor_header)
    fields = [f for f in HEADERS["en"]["actors"]
              if include_personal or f not in PERSONAL_FIELDS]

    def actor_row(actor: object) -> list[str]:
        row = []
        for name in fields:
            value = getattr(actor, name)
            if name == "sector":
                row.append(_label(network.sectors, value, lang))
            elif name == "needs":
                row.append(join.join(_label(NEEDS, v, lang) for v in value))
            elif name == "levels":
                row.append(join.join(_label(LEVELS, v, lang) for v in value))
            else:
                row.append(value or "")
        attributes = actor.attributes  # type: ignore[attr-defined]
        return row + [attributes.get(h, "") for h in actor_extra]

    _write(folder / names["actors"], delimiter, actor_header + actor_extra,
           (actor_row(a) for a in network.actors))

    link_header = list(HEADERS[lang]["links"])
    link_extra = _attribute_headers(network.links, link_header)
    _write(folder / names["links"], delimiter, link_header + link_extra, (
        [link.source, link.target, _label(LINK_KINDS, link.kind, lang),
         _number(link.weight, lang), _date(link.date, lang), link.reported_by or "",
         link.note or ""] + [link.attributes.get(h, "") for h in link_extra]
        for link in network.links))

    if network.attendance:
        _write(folder / names["meetings"], delimiter, HEADERS[lang]["meetings"], (
            [row.meeting, row.actor, _date(row.date, lang), row.title or ""]
            for row in network.attendance))

    if network.respondents:
        answered = {"cs": ("ano", "ne"), "en": ("yes", "no")}[lang]
        methods = {"cs": {"questionnaire": "dotazník", "interview": "rozhovor"},
                   "en": {"questionnaire": "questionnaire", "interview": "interview"}}[lang]
        _write(folder / names["respondents"], delimiter, HEADERS[lang]["respondents"], (
            [row.actor, answered[0] if row.answered else answered[1], _date(row.date, lang),
             methods.get(row.method or "", row.method or ""), row.note or ""]
            for row in network.respondents))

    settings = Settings(dataset=network.source, name=network.name, mapped_on=network.mapped_on,
                        sectors=tuple(custom_sectors(network)))
    (folder / "graphnet.yaml").write_text(settings_yaml(settings), encoding="utf-8")
