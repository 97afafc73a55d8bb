"""A newer form from the same respondent replaces its earlier answers, and says so."""

from __future__ import annotations

import shutil
from pathlib import Path

from survey_filling import collected, fill, form_of, set_saved, snapshot

from graphnet.survey import collect


def test_a_newer_form_replaces_the_collected_answers(blank_forms: Path, data: Path,
                                                     tmp_path: Path) -> None:
    first = tmp_path / "first"
    nzdm = fill(form_of(blank_forms, "NZDM"), first / "nzdm.xlsx", 1)
    ospod = fill(form_of(blank_forms, "OSPOD"), first / "ospod.xlsx", 2)
    set_saved(nzdm.path, "2025-02-01T10:00:00Z")
    collect(first, data)
    assert collected(data) == nzdm.reports | ospod.reports

    second = tmp_path / "second"
    again = fill(form_of(blank_forms, "NZDM"), second / "NZDM oprava.xlsx", 99)
    set_saved(again.path, "2025-02-20T08:30:00Z")
    assert again.reports != nzdm.reports
    result = collect(second, data)
    assert collected(data) == again.reports | ospod.reports
    assert len(result.messages) == 1
    assert "NZDM" in result.messages[0] and "NZDM oprava.xlsx" in result.messages[0]
    assert "nzdm.xlsx" in result.messages[0] and "replaces" in result.messages[0]
    respondents = (data / "respondenti.csv").read_text("utf-8-sig")
    assert "NZDM;ano;20.2.2025;dotazník;" in respondents

    # the older form handed in again afterwards does not win back
    before = snapshot(data)
    result = collect(first, data)
    assert snapshot(data) == before
    assert any("older" in message and "nzdm.xlsx" in message for message in result.messages)


def test_two_forms_of_one_respondent_in_the_folder(blank_forms: Path, data: Path,
                                                   tmp_path: Path) -> None:
    folder = tmp_path / "returned"
    old = fill(form_of(blank_forms, "PPP"), folder / "ppp.xlsx", 5)
    new = fill(form_of(blank_forms, "PPP"), folder / "ppp-kopie.xlsx", 6)
    set_saved(old.path, "2025-03-02T09:00:00Z")
    set_saved(new.path, "2025-03-01T09:00:00Z")  # the copy is the older one
    result = collect(folder, data)
    assert collected(data) == old.reports
    assert result.messages == (
        "PPP: the newer form ppp.xlsx replaces ppp-kopie.xlsx",)


def test_the_same_form_copied_under_another_name_is_the_same_answers(
        blank_forms: Path, data: Path, tmp_path: Path) -> None:
    folder = tmp_path / "returned"
    filled = fill(form_of(blank_forms, "PPP"), folder / "ppp.xlsx", 5)
    shutil.copy(filled.path, folder / "ppp (1).xlsx")
    result = collect(folder, data)
    assert collected(data) == filled.reports
    assert result.messages == ()
