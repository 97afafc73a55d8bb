"""The checks that turn tables as a user typed them into a :class:`~graphnet.model.Network`.

Readers (:mod:`graphnet.io`) give :class:`~graphnet.table.Table` s: the cells of one file or sheet
under canonical field names, with the header and spreadsheet row each came from.
:func:`build_network` converts every cell and checks the whole in one pass,
collecting *every* problem as a :class:`~graphnet.errors.Problem`.

Errors (the network is not built): missing required column; empty id, name,
sector, link end, link kind, meeting or attendee; duplicate actor id; unknown
sector, link kind, need or support level (with the closest allowed value); a
link or attendance naming an unknown actor (with the closest actor id); weight
not a number or negative; a date that cannot be read.

Warnings (kept in ``Network.problems``): a link from an actor to itself; a
duplicate link (merged, see below); an actor without any link or attendance;
a link of weight 0; an actor listed twice at the same meeting.

**Duplicate links.** Two rows are the same link when they have the same ends
(in the same order for referral and information; in either order for meeting and
cooperation), the same kind, the same date and the same reporter. They become
one link: the first row's ends, weight = the sum of the weights (each row is a
report of that much cooperation), note and extra attributes = the distinct
values joined with ``" | "``. A warning names both rows, so nothing the user
gave is lost silently.

**Naming actors.** A link end or attendee is an actor id; when the value is no
id but is exactly the name of one single actor, that actor is meant.

>>> import pandas as pd
>>> actors = Table.from_records("akteri.csv", [
...     {"id": "a", "name": "OSPOD", "sector": "OSPOD"},
...     {"id": "b", "name": "ZŠ", "sector": "skolstvi"}])
>>> links = Table.from_records("vazby.csv", [
...     {"source": "a", "target": "ZŠ", "kind": "doporučení", "weight": "1,5"}])
>>> net, problems = build_network(actors, links)
>>> net.links[0].target, net.links[0].weight, problems
('b', 1.5, [])
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from graphnet.errors import Problem
from graphnet.i18n import t
from graphnet.model import ACTOR_TEXT_FIELDS, Actor, Attendance, Link, Network, Respondent
from graphnet.settings import parse_date
from graphnet.table import REQUIRED, Table
from graphnet.vocab import (
    LEVELS,
    LINK_KINDS,
    NEEDS,
    SECTORS,
    UNDIRECTED_KINDS,
    Vocabulary,
    normalize,
)

__all__ = [
    "build_network",
    "split_list",
    "parse_weights",
    "has_errors",
]

# How many distinct unknown actor names get a 'did you mean' (see _ActorIndex.closest).
_MAX_SUGGESTIONS = 50
# Above this many actors only a match in case, diacritics or spacing is suggested.
_MAX_FUZZY_ACTORS = 5000


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(problem.severity == "error" for problem in problems)


def _blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def _texts(table: Table, name: str) -> list[str | None]:
    """The column as stripped text, None for empty cells (or a missing column)."""
    if not table.has(name):
        return [None] * len(table.frame)
    values = table.frame[name].tolist()
    try:  # text from CSV/XLSX: one pass in plain Python beats pandas' string methods
        return [value.strip() or None for value in values]
    except AttributeError:  # JSON and XML: text, None, numbers, lists
        return [(value.strip() or None) if type(value) is str
                else None if _blank(value) else _cell_text(value) for value in values]


def _cell_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (list, tuple)):
        return "|".join(str(item) for item in value)
    return str(value).strip()


def split_list(value: object) -> list[str]:
    """The items of a list cell, split on ``,`` ``;`` or ``|`` (or a JSON list).

    >>> split_list("vztahy, bezpečí | zdraví"), split_list(None)
    (['vztahy', 'bezpečí', 'zdraví'], [])
    """
    if _blank(value):
        return []
    if isinstance(value, (list, tuple)):
        items = [str(item) for item in value]
    else:
        items = str(value).replace(";", ",").replace("|", ",").split(",")
    return [item.strip() for item in items if item.strip()]


def _weight(value: object) -> float | None:
    """One weight cell as a float; None when it is no finite number."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
    else:
        text = str(value).strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            return None
    return number if math.isfinite(number) else None


def parse_weights(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Weights as floats (1 where empty) and a mask of cells that are no number.

    Decimal commas and spaces as thousands separators are accepted. Each distinct
    cell is parsed once (Python's correctly rounded ``float``), so a weight
    written by graphnet reads back as exactly the same number.

    >>> w, bad = parse_weights(pd.Series(["1,5", "", "abc", "2", None]))
    >>> w.tolist()[:2], w.tolist()[3], bad.tolist()
    ([1.5, 1.0], 2.0, [False, False, True, False, False])
    """
    cache: dict[Any, float | None] = {}
    cells = values.tolist()
    numbers = np.empty(len(cells), dtype=float)
    bad = np.zeros(len(cells), dtype=bool)
    for position, cell in enumerate(cells):
        key = cell if isinstance(cell, (str, int, float)) else str(cell)
        if key not in cache:
            cache[key] = 1.0 if _blank(cell) else _weight(cell)
        number = cache[key]
        if number is None:
            bad[position] = True
            numbers[position] = np.nan
        else:
            numbers[position] = number
    return numbers, bad


class _Checker:
    """Collects problems while converting the cells of tables."""

    def __init__(self, language: str | None, lang: str = "en") -> None:
        self.lang = lang  # the language of the messages
        self.problems: list[Problem] = []
        # Actors some link or attendance row names (even a row with other errors).
        self.named: set[str] = set()
        # Suggestions are shown in the language the user wrote the headers in
        # (as codes when it is unknown, e.g. in JSON, which holds codes).
        self.language = language

    def allowed(self, vocabulary: Vocabulary) -> str:
        """The allowed values, as the user would write them (codes when unsure)."""
        if self.language is None:
            return ", ".join(vocabulary.codes)
        return ", ".join(term.label(self.language) for term in vocabulary)

    def add(self, table: Table, position: int | None, name: str | None, value: object,
            message: str, suggestion: str | None = None, severity: str = "error") -> None:
        row = table.rows[position] if position is not None else None
        column = table.header(name) if name is not None else None
        shown = None if value is None else _cell_text(value)
        self.problems.append(Problem(table.file, row, column, shown, message, suggestion, severity))

    def required_columns(self, table: Table, kind: str) -> bool:
        ok = True
        for name in REQUIRED[kind]:
            if not table.has(name):
                aliases = table.missing.get(name, name)
                self.problems.append(Problem(table.file, 1, name, None,
                                             t("data.missing_column", self.lang, aliases=aliases)))
                ok = False
        return ok

    def required_values(self, table: Table, name: str, values: list[str | None]) -> None:
        for position, value in enumerate(values):
            if value is None:
                self.add(table, position, name, None, t("data.empty_value", self.lang))

    def terms(self, table: Table, name: str, values: list[str | None], vocabulary: Vocabulary,
              message_key: str) -> list[str | None]:
        """Codes for the cells (None where empty or unknown; unknown ones reported)."""
        codes: dict[str, str | None] = {}
        for value in set(values):
            if value is not None:
                codes[value] = vocabulary.lookup(value)
        allowed = self.allowed(vocabulary)
        out: list[str | None] = []
        for position, value in enumerate(values):
            if value is None:
                out.append(None)
                continue
            code = codes[value]
            if code is None:
                self._unknown_term(table, position, name, value, vocabulary, message_key, allowed)
            out.append(code)
        return out

    def _unknown_term(self, table: Table, position: int, name: str, value: str,
                      vocabulary: Vocabulary, message_key: str, allowed: str) -> None:
        suggested = vocabulary.suggest(value)
        shown = suggested
        if suggested is not None and self.language is not None:
            shown = vocabulary.label(suggested, self.language)
        self.add(table, position, name, value, t(message_key, self.lang, allowed=allowed), shown)

    def term_lists(self, table: Table, name: str, vocabulary: Vocabulary,
                   message_key: str) -> list[tuple[str, ...]]:
        if not table.has(name):
            return [()] * len(table.frame)
        allowed = self.allowed(vocabulary)
        cache: dict[str, str | None] = {}
        done: dict[Any, tuple[str, ...]] = {}
        out: list[tuple[str, ...]] = []
        for position, cell in enumerate(table.frame[name].tolist()):
            key: Hashable | None = None
            if isinstance(cell, str):
                key = cell
            elif isinstance(cell, list) and all(isinstance(item, str) for item in cell):
                key = tuple(cell)
            if key is not None and key in done:
                out.append(done[key])
                continue
            codes: list[str] = []
            failed = False
            for item in split_list(cell):
                if item not in cache:
                    cache[item] = vocabulary.lookup(item)
                code = cache[item]
                if code is None:
                    failed = True
                    self._unknown_term(table, position, name, item, vocabulary, message_key,
                                       allowed)
                elif code not in codes:
                    codes.append(code)
            if key is not None and not failed:
                done[key] = tuple(codes)
            out.append(tuple(codes))
        return out

    def dates(self, table: Table, name: str) -> list[Any]:
        if not table.has(name):
            return [None] * len(table.frame)
        cells = table.frame[name].tolist()
        parsed: dict[Hashable, Any] = {}
        out = []
        for position, cell in enumerate(cells):
            key = cell if isinstance(cell, Hashable) else str(cell)
            if key not in parsed:
                parsed[key] = None if _blank(cell) else parse_date(cell)
            value = parsed[key]
            if value is None and not _blank(cell):
                self.add(table, position, name, cell, t("data.bad_date", self.lang))
            out.append(value)
        return out

    def attributes(self, table: Table) -> list[dict[str, str]]:
        extras = table.extras
        if extras is None or extras.shape[1] == 0:
            return [{} for _ in range(len(table.frame))]
        columns = [(str(header), extras[header].tolist()) for header in extras.columns]
        out = []
        for position in range(len(table.frame)):
            values: dict[str, str] = {}
            for header, cells in columns:
                cell = cells[position]
                if not _blank(cell):
                    values[header] = _cell_text(cell)
            out.append(values)
        return out


class _ActorIndex:
    """Resolves a link end or attendee to an actor id (id, or exact unique name)."""

    def __init__(self, actors: Sequence[Actor]):
        self.ids = {actor.id for actor in actors}
        names: dict[str, list[str]] = {}
        for actor in actors:
            names.setdefault(actor.name, []).append(actor.id)
        self.by_name = {name: ids[0] for name, ids in names.items() if len(ids) == 1}
        self._id_list = sorted(self.ids)
        self._closest: dict[str, str | None] = {}
        self._folded = {normalize(actor_id): actor_id for actor_id in sorted(self.ids)}

    def resolve(self, value: str) -> str | None:
        if value in self.ids:
            return value
        return self.by_name.get(value)

    def closest(self, value: str) -> str | None:
        """The closest actor id (by id, else by name), for 'did you mean'.

        A value differing only in case, diacritics or spacing always gets its
        actor. A fuzzy search scans every actor, so it runs only for the first
        ``_MAX_SUGGESTIONS`` distinct values and up to ``_MAX_FUZZY_ACTORS``
        actors: a file naming thousands of unknown actors is still checked in
        seconds.
        """
        if value in self._closest:
            return self._closest[value]
        folded = normalize(value)
        if folded in self._folded:
            self._closest[value] = self._folded[folded]
            return self._folded[folded]
        if len(self._closest) >= _MAX_SUGGESTIONS or len(self._id_list) > _MAX_FUZZY_ACTORS:
            return None
        close = difflib.get_close_matches(value, self._id_list, n=1, cutoff=0.6)
        if close:
            found: str | None = close[0]
        else:
            by_name = difflib.get_close_matches(value, list(self.by_name), n=1, cutoff=0.6)
            found = self.by_name[by_name[0]] if by_name else None
        self._closest[value] = found
        return found


def _actors(table: Table, check: _Checker, sectors: Vocabulary,
            default_orp: str | None) -> tuple[list[Actor], dict[str, int]]:
    """Actors of the table and the position of each id's first row."""
    if not check.required_columns(table, "actors"):
        return [], {}
    ids = _texts(table, "id")
    names = _texts(table, "name")
    check.required_values(table, "id", ids)
    check.required_values(table, "name", names)
    raw_sectors = _texts(table, "sector")
    check.required_values(table, "sector", raw_sectors)
    sector_codes = check.terms(table, "sector", raw_sectors, sectors, "data.unknown_sector")
    needs = check.term_lists(table, "needs", NEEDS, "data.unknown_need")
    levels = check.term_lists(table, "levels", LEVELS, "data.unknown_level")
    columns = {name: _texts(table, name) for name in ACTOR_TEXT_FIELDS}
    attributes = check.attributes(table)
    first: dict[str, int] = {}
    actors: list[Actor] = []
    for position, actor_id in enumerate(ids):
        if actor_id is None:
            continue
        if actor_id in first:
            check.add(table, position, "id", actor_id,
                      t("data.duplicate_id", check.lang, first=table.rows[first[actor_id]]))
            continue
        first[actor_id] = position
        actors.append(Actor(
            id=actor_id,
            name=names[position] or "",
            sector=sector_codes[position] or "",
            type=columns["type"][position],
            municipality=columns["municipality"][position],
            orp=columns["orp"][position] or default_orp,
            region=columns["region"][position],
            needs=needs[position],
            levels=levels[position],
            contact=columns["contact"][position],
            notes=columns["notes"][position],
            attributes=attributes[position],
        ))
    return actors, first


def _ends(table: Table, check: _Checker, index: _ActorIndex | None,
          name: str) -> list[str | None]:
    values = _texts(table, name)
    check.required_values(table, name, values)
    if index is None:
        return values
    resolved: dict[str, str | None] = {}
    out: list[str | None] = []
    for position, value in enumerate(values):
        if value is None:
            out.append(None)
            continue
        if value not in resolved:
            resolved[value] = index.resolve(value)
        actor_id = resolved[value]
        if actor_id is not None:
            check.named.add(actor_id)
        else:
            check.add(table, position, name, value, t("data.unknown_actor", check.lang),
                      index.closest(value))
        out.append(actor_id)
    return out


def _join(values: Iterable[str | None]) -> str | None:
    distinct: list[str] = []
    for value in values:
        if value is not None and value not in distinct:
            distinct.append(value)
    return " | ".join(distinct) if distinct else None


def _merge(first: Link, other: Link) -> Link:
    attributes = dict(first.attributes)
    for key, value in other.attributes.items():
        attributes[key] = _join([attributes.get(key), value]) or value
    return Link(first.source, first.target, first.kind, first.weight + other.weight,
                first.date, first.reported_by, _join([first.note, other.note]), attributes)


def _links(table: Table, check: _Checker, index: _ActorIndex | None) -> list[Link]:
    if not check.required_columns(table, "links"):
        return []
    sources = _ends(table, check, index, "source")
    targets = _ends(table, check, index, "target")
    raw_kinds = _texts(table, "kind")
    check.required_values(table, "kind", raw_kinds)
    kinds = check.terms(table, "kind", raw_kinds, LINK_KINDS, "data.unknown_kind")
    if table.has("weight"):
        weights, bad = parse_weights(table.frame["weight"])
        cells = table.frame["weight"].tolist()
        for at in np.flatnonzero(bad).tolist():
            check.add(table, at, "weight", cells[at], t("data.bad_weight", check.lang))
        for at in np.flatnonzero(~bad & (weights < 0)).tolist():
            check.add(table, at, "weight", cells[at], t("data.negative_weight", check.lang))
        for at in np.flatnonzero(~bad & (weights == 0)).tolist():
            check.add(table, at, "weight", cells[at], t("data.zero_weight", check.lang),
                      severity="warning")
    else:
        weights = np.ones(len(table.frame))
    dates = check.dates(table, "date")
    reporters = _texts(table, "reported_by")
    notes = _texts(table, "note")
    attributes = check.attributes(table)
    weight_list = weights.tolist()
    undirected = UNDIRECTED_KINDS
    # One key per row (ends in id order for undirected kinds); rows whose key came
    # before are merged into the first (see the module doc).
    first_of: dict[tuple[Any, ...], int] = {}
    later: dict[int, list[int]] = {}
    order: list[int] = []
    for position, (source, target, kind) in enumerate(zip(sources, targets, kinds, strict=True)):
        if source is None or target is None or kind is None:
            continue
        if source == target:
            check.add(table, position, None, source, t("data.self_loop", check.lang),
                      severity="warning")
        if kind in undirected and target < source:
            key = (target, source, kind, dates[position], reporters[position])
        else:
            key = (source, target, kind, dates[position], reporters[position])
        first = first_of.setdefault(key, position)
        if first == position:
            order.append(position)
        else:
            later.setdefault(first, []).append(position)
            check.add(table, position, None, None,
                      t("data.duplicate_link", check.lang, first=table.rows[first]),
                      severity="warning")

    def link_at(position: int) -> Link:
        return Link(sources[position], targets[position], kinds[position],  # type: ignore[arg-type]
                    weight_list[position], dates[position], reporters[position],
                    notes[position], attributes[position])

    links = [link_at(position) for position in order]
    if later:
        for slot, position in enumerate(order):
            for other in later.get(position, ()):
                links[slot] = _merge(links[slot], link_at(other))
    return links


def _attendance(table: Table, check: _Checker, index: _ActorIndex | None) -> list[Attendance]:
    if not check.required_columns(table, "meetings"):
        return []
    meetings = _texts(table, "meeting")
    check.required_values(table, "meeting", meetings)
    attendees = _ends(table, check, index, "actor")
    dates = check.dates(table, "date")
    titles = _texts(table, "title")
    seen: dict[tuple[str, str], int] = {}
    out: list[Attendance] = []
    for position, (meeting, actor) in enumerate(zip(meetings, attendees, strict=True)):
        if meeting is None or actor is None:
            continue
        if (meeting, actor) in seen:
            check.add(table, position, "actor", actor,
                      t("data.duplicate_attendance", check.lang,
                        first=table.rows[seen[(meeting, actor)]]), severity="warning")
        else:
            seen[(meeting, actor)] = position
        out.append(Attendance(meeting, actor, dates[position], titles[position]))
    return out


def _isolated(actors: list[Actor], first_row: Mapping[str, int], table: Table,
              check: _Checker) -> None:
    for actor in actors:
        if actor.id not in check.named:
            check.add(table, first_row[actor.id], "id", actor.id,
                      t("data.isolated_actor", check.lang), severity="warning")


# --- The respondents table (who answered the survey) ---------------------------

#: ``answered`` cells as typed (folded with :func:`normalize`) → answered or not.
ANSWERED_VALUES: Mapping[str, bool] = {
    "ano": True, "yes": True, "1": True, "true": True, "pravda": True,
    "ne": False, "no": False, "0": False, "false": False, "nepravda": False,
}
#: ``method`` cells as typed (folded) → method code.
METHOD_VALUES: Mapping[str, str] = {
    "dotaznik": "questionnaire", "questionnaire": "questionnaire",
    "rozhovor": "interview", "interview": "interview",
}
_ANSWERED_SHOWN = {"cs": ("ano", "ne"), "en": ("yes", "no")}
_METHOD_SHOWN = {"cs": ("dotazník", "rozhovor"), "en": ("questionnaire", "interview")}


def _closest_word(value: str, words: Iterable[str]) -> str | None:
    close = difflib.get_close_matches(normalize(value), list(words), n=1, cutoff=0.5)
    return close[0] if close else None


def _respondents(table: Table, check: _Checker, index: _ActorIndex | None
                 ) -> list[tuple[int, Respondent]]:
    """Respondent rows: the actor must exist and be listed once, ``answered`` must
    read as yes or no, ``method`` as questionnaire or interview."""
    if not check.required_columns(table, "respondents"):
        return []
    named = set(check.named)  # being listed here is no link: isolation stays reported
    actors = _ends(table, check, index, "actor")
    check.named = named
    shown_lang = "cs" if (check.language or check.lang) == "cs" else "en"
    yes, no = _ANSWERED_SHOWN[shown_lang]
    answered: list[bool | None] = []
    for position, value in enumerate(_texts(table, "answered")):
        if value is None:
            check.add(table, position, "answered", None, t("data.empty_value", check.lang))
            answered.append(None)
            continue
        flag = ANSWERED_VALUES.get(normalize(value))
        if flag is None:
            near = _closest_word(value, ANSWERED_VALUES)
            suggestion = None if near is None else (yes if ANSWERED_VALUES[near] else no)
            check.add(table, position, "answered", value,
                      t("data.bad_answered", check.lang, yes=yes, no=no), suggestion)
        answered.append(flag)
    methods: list[str | None] = []
    shown_methods = _METHOD_SHOWN[shown_lang]
    for position, value in enumerate(_texts(table, "method")):
        code = None if value is None else METHOD_VALUES.get(normalize(value))
        if value is not None and code is None:
            near = _closest_word(value, METHOD_VALUES)
            suggestion = None if near is None else shown_methods[
                ("questionnaire", "interview").index(METHOD_VALUES[near])]
            check.add(table, position, "method", value,
                      t("data.bad_method", check.lang, allowed=", ".join(shown_methods)),
                      suggestion)
        methods.append(code)
    dates = check.dates(table, "date")
    notes = _texts(table, "note")
    first: dict[str, int] = {}
    out: list[tuple[int, Respondent]] = []
    for position, actor in enumerate(actors):
        if actor is None:
            continue
        if actor in first:
            check.add(table, position, "actor", actor,
                      t("data.duplicate_respondent", check.lang, first=table.rows[first[actor]]))
            continue
        first[actor] = position
        flag = answered[position]
        if flag is not None:
            out.append((position, Respondent(actor, flag, dates[position], methods[position],
                                             notes[position])))
    return out


def _silent_reporters(respondents: Sequence[tuple[int, Respondent]], table: Table,
                      links: Sequence[Link], check: _Checker) -> None:
    """Warn about an actor marked as not answering who reports links all the same."""
    reporters = {link.reported_by for link in links if link.reported_by}
    for position, respondent in respondents:
        if not respondent.answered and respondent.actor in reporters:
            check.add(table, position, "answered", None,
                      t("data.silent_reporter", check.lang), severity="warning")


def build_network(
    actors: Table,
    links: Table | None = None,
    meetings: Table | None = None,
    *,
    respondents: Table | None = None,
    survey_links: Table | None = None,
    sectors: Vocabulary = SECTORS,
    default_orp: str | None = None,
    name: str | None = None,
    mapped_on: Any = None,
    source: str | None = None,
    language: str | None = None,
    extra_problems: Iterable[Problem] = (),
    report_isolated: bool = True,
    lang: str = "en",
) -> tuple[Network | None, list[Problem]]:
    """Convert and check the tables in one pass.

    Returns the network (None when there is any error) and every problem found,
    errors first in file order, then warnings. ``extra_problems`` (e.g. from the
    settings file or the reader) are included; any error among them also stops
    the network from being built. Messages are in ``lang`` ("cs" or "en").
    """
    check = _Checker(language, lang)
    check.problems.extend(extra_problems)
    actor_list, first_row = _actors(actors, check, sectors, default_orp)
    index = _ActorIndex(actor_list) if actors.has("id") else None
    link_list = _links(links, check, index) if links is not None else []
    if survey_links is not None:  # the survey's reports: more link rows, checked alike
        link_list += _links(survey_links, check, index)
    attendance = _attendance(meetings, check, index) if meetings is not None else []
    respondent_list = (_respondents(respondents, check, index)
                       if respondents is not None else [])
    if respondents is not None and respondent_list:
        _silent_reporters(respondent_list, respondents, link_list, check)
    # With a links or meetings table that could not be read, every actor would
    # look isolated: that warning would only bury the real error.
    unreadable = [table for table in (links, survey_links, meetings)
                  if table is not None and table.missing]
    if report_isolated and actor_list and not unreadable:
        _isolated(actor_list, first_row, actors, check)
    problems = _ordered(check.problems)
    if has_errors(problems):
        return None, problems
    network = Network(
        actors=tuple(actor_list),
        links=tuple(link_list),
        attendance=tuple(attendance),
        sectors=sectors,
        name=name,
        mapped_on=mapped_on,
        source=source,
        language=language,
        problems=tuple(problems),
        respondents=tuple(respondent for _, respondent in respondent_list),
    )
    return network, problems


def _problem_order(problem: Problem) -> tuple[int, str, int]:
    return (0 if problem.severity == "error" else 1, problem.file,
            problem.row if problem.row is not None else 0)


def _ordered(problems: list[Problem]) -> list[Problem]:
    """Errors before warnings; within each, by file and row (stable otherwise)."""
    return sorted(problems, key=_problem_order)
