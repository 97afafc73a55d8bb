"""``graphnet survey collect``: the returned forms become reports, respondents and review lists.

Written into the dataset folder (names in the dataset's language, see
:mod:`graphnet.survey.tables`): the reports (``vazby-dotaznik.csv``, the
columns of ``vazby``, ``uvedl`` = the respondent), the respondents table
(``respondenti.csv``; rows a networker wrote herself are kept), corrections of
actors' own records and newly named actors as review lists, and the list of
collected forms (which file, when it was saved, its SHA-256). The roster and the
networker's ``vazby`` are never touched.

Nothing is written when any form has an error, unless ``partial``: then what is
valid is written and the rest listed. A form already collected (same SHA-256)
changes nothing; a form saved later than the one collected for its respondent
replaces that respondent's answers, one saved earlier is left out (both said).

>>> import tempfile, pathlib
>>> result = collect_forms("returned", "datasets/orp-horni-lhota-2025")  # doctest: +SKIP
>>> result.respondents  # doctest: +SKIP
12
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from graphnet.atomic import atomic_directory
from graphnet.errors import InputError, Problem, ValidationError
from graphnet.i18n import LANGUAGES, t
from graphnet.survey.layout import QUESTIONS
from graphnet.survey.reading import ReadForm, read_form
from graphnet.survey.roster import Roster, read_roster
from graphnet.survey.tables import (
    COLUMNS,
    FILES,
    csv_text,
    format_date,
    format_number,
    read_rows,
)
from graphnet.vocab import LINK_KINDS, normalize

__all__ = ["CollectResult", "collect_forms", "FORM_SUFFIXES"]

#: Files looked at in the folder of returned forms.
FORM_SUFFIXES = (".xlsx", ".xlsm")
#: Spreadsheets collect cannot read: each is a problem asking to save it as .xlsx.
_OTHER_SHEETS = (".xls", ".ods", ".numbers")

_QUESTIONS = {q.key: q for q in QUESTIONS}


@dataclass(frozen=True)
class CollectResult:
    """What collect did. ``messages`` are the lines to show (replacements, skipped forms);
    ``problems`` every problem found (errors left out under ``partial``, and warnings)."""

    written: tuple[Path, ...]
    forms: int
    respondents: int
    reports: int
    corrections: int
    new_actors: int
    messages: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = ()

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


@dataclass
class _Ledger:
    """The collected forms: respondent → (file, saved, sha256)."""

    rows: dict[str, tuple[str, dt.datetime, str]] = field(default_factory=dict)


def _form_files(folder: Path, lang: str) -> tuple[list[Path], list[Problem]]:
    if not folder.is_dir():
        raise InputError(t("survey.no_folder", lang, path=str(folder)))
    files, problems = [], []
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        name = entry.name
        if not entry.is_file() or name.startswith(("~$", ".~lock", ".")):
            continue
        suffix = entry.suffix.lower()
        if suffix in FORM_SUFFIXES:
            files.append(entry)
        elif suffix in _OTHER_SHEETS:
            problems.append(Problem(name, None, None, None, t("survey.save_as_xlsx", lang)))
    return files, problems


def _parse_saved(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(text.strip())
    except ValueError:
        return None


def _read_ledger(path: Path) -> _Ledger:
    ledger = _Ledger()
    columns = [(COLUMNS["cs"]["forms"][i], COLUMNS["en"]["forms"][i]) for i in range(4)]
    for row in read_rows(path, columns) or []:
        saved = _parse_saved(row.get(2, ""))
        if row.get(0) and saved is not None:
            ledger.rows[row[0]] = (row.get(1, ""), saved, row.get(3, ""))
    return ledger


def _both(kind: str) -> list[tuple[str, str]]:
    return list(zip(COLUMNS["cs"][kind], COLUMNS["en"][kind], strict=True))


def _choose(forms: list[ReadForm], ledger: _Ledger, lang: str, partial: bool
            ) -> tuple[dict[str, ReadForm], list[str], list[Problem]]:
    """One form per respondent: the newest; and what the output should say about it."""
    messages: list[str] = []
    problems: list[Problem] = []
    by_actor: dict[str, list[ReadForm]] = {}
    for form in forms:
        if form.actor is not None and (partial or not any(
                p.severity == "error" for p in form.problems)):
            by_actor.setdefault(form.actor, []).append(form)
    chosen: dict[str, ReadForm] = {}
    for actor, candidates in by_actor.items():
        candidates.sort(key=lambda f: (f.saved or dt.datetime.min, f.path.name))
        newest = candidates[-1]
        for older in candidates[:-1]:
            if older.sha256 == newest.sha256:
                continue
            if older.saved == newest.saved:
                problems.append(Problem(newest.path.name, None, None, None,
                                        t("survey.same_time", lang, other=older.path.name,
                                          actor=actor)))
                continue
            messages.append(t("survey.replaces_in_folder", lang, actor=actor,
                              newer=newest.path.name, older=older.path.name))
        earlier = ledger.rows.get(actor)
        if earlier is not None and earlier[2] != newest.sha256 and newest.saved is not None:
            if newest.saved < earlier[1]:
                messages.append(t("survey.older_than_collected", lang, actor=actor,
                                  file=newest.path.name, collected=earlier[0]))
                continue
            messages.append(t("survey.replaces_collected", lang, actor=actor,
                              file=newest.path.name, collected=earlier[0],
                              saved=earlier[1].isoformat(sep=" ")))
        chosen[actor] = newest
    return chosen, messages, problems


def _merge(existing: list[dict[int, str]] | None, key: int, width: int,
           fresh: dict[str, list[list[str]]], order: Sequence[str]) -> list[list[str]]:
    """Rows grouped by respondent (column ``key``): fresh groups replace old ones;
    groups in roster order, then any others in the order they had."""
    groups: dict[str, list[list[str]]] = {}
    for row in existing or []:
        groups.setdefault(row.get(key, ""), []).append([row.get(i, "") for i in range(width)])
    groups.update(fresh)
    rank = {actor: position for position, actor in enumerate(order)}
    keys = sorted(groups, key=lambda k: (0, rank[k], "") if k in rank else (1, 0, ""))
    # sorted() is stable: the others keep the order they had.
    return [row for k in keys for row in groups[k]]


def collect_forms(folder: str | Path, data: str | Path, partial: bool = False,
                  lang: str = "en") -> CollectResult:
    """Collect the returned forms in ``folder`` into the dataset ``data``.

    Raises :class:`~graphnet.errors.ValidationError` listing every problem (and
    writes nothing) when a form has an error and ``partial`` is False.
    """
    folder = Path(folder)
    roster = read_roster(data, lang)
    files, problems = _form_files(folder, lang)
    if not files and not problems:
        raise InputError(t("survey.no_forms", lang, path=str(folder)))
    forms = [read_form(path, roster, lang) for path in files]
    for form in forms:
        problems += form.problems
    out_lang = roster.language
    names = FILES[out_lang]
    target = roster.folder
    for other in LANGUAGES:
        xlsx = target / (Path(FILES[other]["respondents"]).stem + ".xlsx")
        if xlsx.is_file():
            problems.append(Problem(xlsx.name, None, None, None,
                                    t("survey.respondents_xlsx", lang)))
    ledger = _read_ledger(target / names["forms"])
    chosen, messages, choose_problems = _choose(forms, ledger, lang, partial)
    problems += choose_problems
    errors = [p for p in problems if p.severity == "error"]
    if errors and not partial:
        raise ValidationError(problems)

    order = roster.network.actor_ids
    fresh_reports: dict[str, list[list[str]]] = {}
    fresh_corrections: dict[str, list[list[str]]] = {}
    fresh_new: dict[str, list[list[str]]] = {}
    for actor, form in chosen.items():
        assert form.saved is not None
        date = format_date(form.saved.date(), out_lang)
        rows = []
        for answer in form.answers:
            question = _QUESTIONS[answer.question]
            source, target_id = question.ends(actor, answer.other)
            rows.append([source, target_id, LINK_KINDS.label(question.kind, out_lang),
                         format_number(roster.scale.weight(answer.step), out_lang), date,
                         actor, answer.note or ""])
        fresh_reports[actor] = rows
        fresh_corrections[actor] = [
            [actor, t(f"survey.field_{c.field}", out_lang), c.roster, c.correction,
             form.path.name] for c in form.corrections]
        fresh_new[actor] = [
            [actor, n.name, roster.network.sectors.label(n.sector, out_lang) if n.sector else "",
             n.note or "", form.path.name] for n in form.new_actors]
        ledger.rows[actor] = (form.path.name, form.saved, form.sha256)

    reports = _merge(read_rows(target / names["reports"], _both("reports")), 5, 7,
                     fresh_reports, order)
    corrections = _merge(read_rows(target / names["corrections"], _both("corrections")), 0, 5,
                         fresh_corrections, order)
    new_actors = _merge(read_rows(target / names["new_actors"], _both("new_actors")), 0, 5,
                        fresh_new, order)
    respondents = _respondents(roster, ledger, out_lang,
                               read_rows(target / names["respondents"], _both("respondents")))
    ledger_rows = [[actor, *_ledger_row(ledger.rows[actor])]
                   for actor in sorted(ledger.rows, key=lambda a: (a not in order,
                                                                    order.index(a)
                                                                    if a in order else 0, a))]
    contents = {
        "reports": reports, "respondents": respondents, "corrections": corrections,
        "new_actors": new_actors, "forms": ledger_rows,
    }
    written = []
    with atomic_directory(target) as staging:
        for kind, rows in contents.items():
            (staging / names[kind]).write_bytes(csv_text(out_lang, COLUMNS[out_lang][kind], rows))
            written.append(target / names[kind])
    answered = set(ledger.rows)
    return CollectResult(
        written=tuple(written), forms=len(chosen), respondents=len(answered),
        reports=sum(len(rows) for rows in fresh_reports.values()),
        corrections=sum(len(rows) for rows in fresh_corrections.values()),
        new_actors=sum(len(rows) for rows in fresh_new.values()),
        messages=tuple(messages), problems=tuple(problems))


def _ledger_row(entry: tuple[str, dt.datetime, str]) -> list[str]:
    file, saved, sha = entry
    return [file, saved.isoformat(sep=" "), sha]


def _respondents(roster: Roster, ledger: _Ledger, lang: str,
                 existing: list[dict[int, str]] | None) -> list[list[str]]:
    """The respondents table: the networker's own rows (any method but the
    questionnaire) as they were; a questionnaire row for every other actor of the
    roster: answered when a form was collected, not (yet) otherwise."""
    questionnaire = {normalize(t("survey.method_questionnaire", x)) for x in LANGUAGES}
    kept: dict[str, list[str]] = {}
    notes: dict[str, str] = {}
    others: list[list[str]] = []
    for row in existing or []:
        values = [row.get(i, "") for i in range(5)]
        if normalize(values[3]) in questionnaire:
            notes[values[0]] = values[4]
            continue
        if roster.network.has_actor(values[0]):
            kept.setdefault(values[0], values)
        else:
            others.append(values)
    yes, no = t("survey.answered_yes", lang), t("survey.answered_no", lang)
    method = t("survey.method_questionnaire", lang)
    rows = []
    for actor in roster.network.actor_ids:
        if actor in kept:
            rows.append(kept[actor])
        elif actor in ledger.rows:
            saved = ledger.rows[actor][1]
            rows.append([actor, yes, format_date(saved.date(), lang), method,
                         notes.get(actor, "")])
        else:
            rows.append([actor, no, "", method, notes.get(actor, "")])
    return rows + others
