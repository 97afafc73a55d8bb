"""The questionnaire: forms out to every actor, answers back in as reports.

- :func:`forms` writes one XLSX questionnaire per actor of the roster;
- :func:`collect` reads the returned forms into the dataset folder (reports by
  the respondent, the respondents table, review lists) without touching the
  roster or the networker's links;
- :func:`confirm` writes, per actor, the ties others reported with it that it
  did not, to confirm.

See ``docs/survey.md``.

>>> from graphnet import survey
>>> survey.forms("datasets/orp-horni-lhota-2025", "out/forms", lang="cs")  # doctest: +SKIP
"""

from __future__ import annotations

from graphnet.survey.collect import CollectResult
from graphnet.survey.collect import collect_forms as collect
from graphnet.survey.confirm import ConfirmResult
from graphnet.survey.confirm import make_confirmations as confirm
from graphnet.survey.forms import FormsResult
from graphnet.survey.forms import make_forms as forms
from graphnet.survey.scale import Scale

__all__ = ["forms", "collect", "confirm", "FormsResult", "CollectResult", "ConfirmResult",
           "Scale"]
