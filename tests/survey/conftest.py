"""Fixtures of the questionnaire tests (defined in survey_filling.py)."""

from survey_filling import blank_forms, data  # noqa: F401
