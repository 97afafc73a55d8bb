"""The frequency scale of the questionnaire and what each step weighs per year.

The built-in scale has five steps, from "never" to "weekly"; ``graphnet.yaml``
may change the weights (``survey: frequency: {weekly: 50}``) or give a whole
scale of its own (a list of ``{code, cs, en, weight}``), see ``docs/survey.md``.
A typed answer matches a step in any case and without diacritics, in either
language.

>>> scale = Scale.default()
>>> scale.lookup("Měsíčně"), scale.lookup(" MESICNE "), scale.weight("weekly")
('monthly', 'monthly', 52.0)
>>> scale.suggest("mesicen", "cs")
'měsíčně'
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from graphnet.errors import Problem
from graphnet.i18n import t
from graphnet.settings import FrequencyStep, Settings
from graphnet.vocab import Term, Vocabulary, normalize

__all__ = ["Scale", "DEFAULT_STEPS", "NEVER"]

#: The code of the step that means "no tie": it makes no report.
NEVER = "never"

#: code, English, Czech, weight per year, aliases people type.
DEFAULT_STEPS: tuple[tuple[str, str, str, float, tuple[str, ...]], ...] = (
    ("never", "never", "nikdy", 0.0, ("0", "ne", "no", "none", "0x")),
    ("yearly", "yearly", "ročně", 1.0,
     ("jednou za rok", "jednou ročně", "1x ročně", "1x za rok", "once a year", "annually",
      "every year")),
    ("quarterly", "quarterly", "čtvrtletně", 4.0,
     ("jednou za čtvrtletí", "1x za čtvrtletí", "every quarter", "once a quarter")),
    ("monthly", "monthly", "měsíčně", 12.0,
     ("jednou za měsíc", "1x měsíčně", "1x za měsíc", "every month", "once a month")),
    ("weekly", "weekly", "týdně", 52.0,
     ("jednou za týden", "1x týdně", "1x za týden", "every week", "once a week")),
)


@dataclass(frozen=True)
class Scale:
    """The steps in order (first = never) with their weights per year."""

    vocabulary: Vocabulary
    weights: dict[str, float]

    @classmethod
    def default(cls) -> Scale:
        """The built-in five steps."""
        terms = [Term(code, en, cs, aliases) for code, en, cs, _, aliases in DEFAULT_STEPS]
        return cls(Vocabulary("frequency", terms),
                   {code: weight for code, _, _, weight, _ in DEFAULT_STEPS})

    @classmethod
    def from_settings(cls, settings: Settings, file: str = "graphnet.yaml",
                      lang: str = "en") -> tuple[Scale, list[Problem]]:
        """The scale ``settings`` asks for, and a problem per step it cannot use."""
        base = cls.default()
        steps: Iterable[FrequencyStep] = settings.survey_frequency
        problems: list[Problem] = []
        if settings.survey_scale_replaced:
            terms = [Term(s.code, s.en or s.code, s.cs or s.code) for s in steps]
            weights = {s.code: s.weight for s in steps}
            if terms and weights[terms[0].code] != 0:
                problems.append(Problem(file, None, "survey.frequency[1]", terms[0].code,
                                        t("survey.settings_first_not_zero", lang)))
            return cls(Vocabulary("frequency", terms), weights), problems
        weights = dict(base.weights)
        for step in steps:
            code = base.vocabulary.lookup(step.code)
            if code is None:
                problems.append(Problem(file, None, f"survey.frequency.{step.code}", step.code,
                                        t("survey.settings_unknown_step", lang,
                                          steps=", ".join(base.codes)),
                                        base.vocabulary.suggest(step.code)))
                continue
            weights[code] = step.weight
        return cls(base.vocabulary, weights), problems

    @property
    def codes(self) -> list[str]:
        return self.vocabulary.codes

    @property
    def never(self) -> str:
        """The first step (no tie)."""
        return self.codes[0]

    def labels(self, lang: str) -> list[str]:
        """The steps as the form's drop-down lists them."""
        return [self.vocabulary.label(code, lang) for code in self.codes]

    def weight(self, code: str) -> float:
        return self.weights[code]

    def lookup(self, value: object) -> str | None:
        """The step a typed or chosen value stands for (None: no such step)."""
        return self.vocabulary.lookup(value)

    def suggest(self, value: object, lang: str) -> str:
        """The nearest allowed label in ``lang`` (for "did you mean")."""
        number = _number(value)
        if number is not None:
            # "12" typed for a weight per year: the step that weighs nearest.
            nearest = min(self.codes, key=lambda c: (abs(self.weights[c] - number), c))
            return self.vocabulary.label(nearest, lang)
        code = self.vocabulary.suggest(value)
        if code is not None:
            return self.vocabulary.label(code, lang)
        labels = self.labels(lang)
        folded = {normalize(label): label for label in labels}
        close = difflib.get_close_matches(normalize(str(value)), list(folded), n=1, cutoff=0.0)
        return folded[close[0]] if close else labels[0]


def _number(value: object) -> float | None:
    try:
        return float(str(value).strip().replace(",", "."))
    except ValueError:
        return None
