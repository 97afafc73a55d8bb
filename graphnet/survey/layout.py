"""What a graphnet questionnaire looks like: its sheets, questions and hidden markers.

Shared by the writer (:mod:`graphnet.survey.forms`) and the reader
(:mod:`graphnet.survey.collect`), so both agree on one layout.

Each question becomes, when answered with a step other than "never", exactly one
report by the respondent:

=================  ===============  =======================================
question           kind             direction (od → komu)
=================  ===============  =======================================
``send``           referral         respondent → other
``receive``        referral         other → respondent
``information``    information      respondent → other (the respondent's side of the exchange)
``cooperation``    cooperation      respondent → other (undirected kind)
``meeting``        meeting          respondent → other (undirected kind)
=================  ===============  =======================================

>>> [q.key for q in QUESTIONS]
['send', 'receive', 'information', 'cooperation', 'meeting']
>>> QUESTIONS[1].ends("SAS", "OSPOD")
('OSPOD', 'SAS')
"""

from __future__ import annotations

from dataclasses import dataclass

from graphnet.i18n import t

__all__ = ["Question", "QUESTIONS", "FORM_FORMAT", "MARKER_SHEET", "RECORD_FIELDS",
           "sheet_name", "NEW_ROWS", "ID_HEADER"]

#: The value of the ``form`` marker: a workbook without it is no graphnet form.
FORM_FORMAT = "graphnet.survey/1"

#: The hidden sheet with the markers (key in column A, value in column B).
MARKER_SHEET = "graphnet"

#: Header of the hidden first column holding actor ids and row markers.
ID_HEADER = "id"

#: How many empty rows the form offers for actors missing from the list.
NEW_ROWS = 10

#: Fields of the actor's own record the form asks to confirm or correct.
RECORD_FIELDS = ("name", "sector", "type", "municipality", "needs", "levels")


@dataclass(frozen=True)
class Question:
    """One column of the actors sheet."""

    key: str
    kind: str
    #: True when the reported flow runs from the other actor to the respondent
    inbound: bool = False

    def label(self, lang: str) -> str:
        return t(f"survey.question_{self.key}", lang)

    def ends(self, respondent: str, other: str) -> tuple[str, str]:
        """(od, komu) of the report an answer makes."""
        return (other, respondent) if self.inbound else (respondent, other)


QUESTIONS = (
    Question("send", "referral"),
    Question("receive", "referral", inbound=True),
    Question("information", "information"),
    Question("cooperation", "cooperation"),
    Question("meeting", "meeting"),
)


def sheet_name(which: str, lang: str) -> str:
    """The visible name of the sheet ``which`` (instructions, record, actors) in ``lang``."""
    return t(f"survey.sheet_{which}", lang)
