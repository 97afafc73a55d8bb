"""``graphnet survey confirm``: per actor, the ties others reported with it that it did not.

Reads the networker's links (``vazby``) and the collected survey reports
(``vazby-dotaznik``); a tie is the pair of one kind (ordered for referral and
information, unordered for cooperation and meeting). An actor gets a short
workbook "please confirm" listing each tie it is an end of that someone else
reported (``uvedl`` names an actor) and it did not; only actors with something
to confirm get a file.

This is a small local reading of ties until ``graphnet.ties`` lands.

>>> tie_key("referral", "B", "A"), tie_key("cooperation", "B", "A")
(('referral', 'B', 'A'), ('cooperation', 'A', 'B'))
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from graphnet import __version__
from graphnet.atomic import atomic_directory
from graphnet.i18n import format_number, t
from graphnet.survey.forms import Formats, protect
from graphnet.survey.layout import ID_HEADER, MARKER_SHEET
from graphnet.survey.naming import form_file_name, unique_names
from graphnet.survey.roster import Roster, read_roster
from graphnet.survey.xlsxout import new_workbook, save
from graphnet.vocab import DIRECTED_KINDS, LINK_KINDS

__all__ = ["ConfirmResult", "Report", "make_confirmations", "tie_key", "to_confirm",
           "CONFIRM_FORMAT"]

#: The ``form`` marker of a confirmation workbook.
CONFIRM_FORMAT = "graphnet.survey-confirm/1"


@dataclass(frozen=True)
class Report:
    """One report: who said that ``source`` and ``target`` have a tie of ``kind``."""

    source: str
    target: str
    kind: str
    weight: float
    reported_by: str | None


@dataclass(frozen=True)
class ConfirmResult:
    """The files written (one per actor with something to confirm) and the count of ties."""

    folder: Path
    files: tuple[Path, ...]
    ties: int
    lang: str


def tie_key(kind: str, source: str, target: str) -> tuple[str, str, str]:
    """The tie a report is about: ends in order for directed kinds, sorted otherwise."""
    if kind in DIRECTED_KINDS:
        return (kind, source, target)
    low, high = sorted((source, target))
    return (kind, low, high)


def _reports(roster: Roster) -> list[Report]:
    # The loaded network already holds the survey's reports (graphnet.io reads
    # vazby-dotaznik beside vazby): read nothing twice.
    return [Report(link.source, link.target, link.kind, link.weight, link.reported_by)
            for link in roster.network.links if not link.attributes.get("derived_from")]


def to_confirm(roster: Roster) -> dict[str, list[tuple[Report, ...]]]:
    """Actor → the ties (as the reports others made about them) it should confirm."""
    network = roster.network
    about: dict[tuple[str, str, str], list[Report]] = {}
    for report in _reports(roster):
        if network.has_actor(report.source) and network.has_actor(report.target):
            about.setdefault(tie_key(report.kind, report.source, report.target),
                             []).append(report)
    result: dict[str, list[tuple[Report, ...]]] = {}
    for key in sorted(about):
        reports = about[key]
        reporters = {r.reported_by for r in reports}
        for end in dict.fromkeys(key[1:]):
            others = tuple(r for r in reports
                           if r.reported_by and r.reported_by != end
                           and network.has_actor(r.reported_by))
            if others and end not in reporters:
                result.setdefault(end, []).append(others)
    return result


def _direction(report: Report, actor: str, lang: str) -> str:
    if report.kind not in DIRECTED_KINDS:
        return t("survey.confirm_both", lang)
    return t("survey.confirm_out" if report.source == actor else "survey.confirm_in", lang)


def write_confirmation(path: Path, roster: Roster, actor: str,
                       ties: list[tuple[Report, ...]], lang: str) -> None:
    """Write the "please confirm" workbook of ``actor``."""
    network = roster.network
    book, data = new_workbook()
    formats = Formats(book)
    sheet = book.add_worksheet(t("survey.sheet_confirm", lang))
    sheet.write_string(0, 1, t("survey.confirm_title", lang, actor=network.actor(actor).name),
                       formats.heading)
    sheet.write_string(1, 1, t("survey.confirm_instructions", lang))
    headers = [ID_HEADER, t("survey.column_actor", lang), t("survey.confirm_kind", lang),
               t("survey.confirm_direction", lang), t("survey.confirm_reported_by", lang),
               t("survey.confirm_weight", lang), t("survey.confirm_answer", lang),
               t("survey.column_note", lang)]
    for column, text in enumerate(headers):
        sheet.write_string(3, column, text, formats.header)
    row = 4
    for reports in ties:
        first = reports[0]
        other = first.target if first.source == actor else first.source
        cells = [other, network.actor(other).name, LINK_KINDS.label(first.kind, lang),
                 _direction(first, actor, lang),
                 ", ".join(network.actor(r.reported_by).name for r in reports if r.reported_by),
                 " / ".join(format_number(r.weight, lang) for r in reports)]
        for column, text in enumerate(cells):
            sheet.write_string(row, column, text)
        sheet.write_blank(row, 6, None, formats.answer)
        sheet.write_blank(row, 7, None, formats.answer)
        row += 1
    steps = roster.scale.labels(lang)
    sheet.data_validation(4, 6, max(row - 1, 4), 6, {
        "validate": "list", "source": steps, "error_type": "warning"})
    sheet.set_column(0, 0, None, None, {"hidden": True})
    for column, width in enumerate((40, 16, 22, 40, 18, 18, 40), start=1):
        sheet.set_column(column, column, width)
    protect(sheet)
    markers = book.add_worksheet(MARKER_SHEET)
    for number, (key, value) in enumerate((("form", CONFIRM_FORMAT),
                                           ("graphnet_version", __version__),
                                           ("actor", actor), ("roster_digest", roster.digest),
                                           ("lang", lang))):
        markers.write_string(number, 0, key)
        markers.write_string(number, 1, value)
    markers.very_hidden()
    save(book, data, path)


def make_confirmations(data: str | Path, output: str | Path, lang: str | None = None,
                       now: dt.datetime | None = None) -> ConfirmResult:
    """One "please confirm" workbook per actor with ties to confirm, into ``output``
    (whole or not at all)."""
    roster = read_roster(data, lang or "en")
    lang = lang or roster.language
    pending = to_confirm(roster)
    actors = [a for a in roster.network.actors if a.id in pending]
    names = unique_names([form_file_name(a.id, a.name) for a in actors])
    output = Path(output)
    with atomic_directory(output) as staging:
        for actor, name in zip(actors, names, strict=True):
            write_confirmation(staging / name, roster, actor.id, pending[actor.id], lang)
    return ConfirmResult(output, tuple(output / n for n in names),
                         sum(len(v) for v in pending.values()), lang)
