"""The vocabularies accept what networkers type and know every code by its labels."""

from __future__ import annotations

import pytest

from graphnet.vocab import (
    DIRECTED_KINDS,
    LEVELS,
    LINK_KINDS,
    NEEDS,
    SECTORS,
    Term,
    sector_color,
)

CZECH_SECTOR_LABELS = [
    "OSPOD", "sociální služby", "školství", "školská poradenská zařízení", "zdravotnictví",
    "policie", "justice", "úřad práce", "samospráva", "komunitní a rodinná centra",
    "náhradní rodinná péče", "ostatní",
]


def test_twelve_sectors_each_found_by_its_czech_label():
    assert len(SECTORS) == 12
    found = [SECTORS.lookup(label) for label in CZECH_SECTOR_LABELS]
    assert found == SECTORS.codes


@pytest.mark.parametrize("vocabulary", [SECTORS, LINK_KINDS, NEEDS, LEVELS], ids=lambda v: v.name)
def test_every_term_is_found_by_code_and_both_labels_in_any_case_and_without_diacritics(vocabulary):
    from graphnet.vocab import normalize

    for term in vocabulary:
        for typed in (term.code, term.en, term.cs, term.cs.upper(), f"  {normalize(term.cs)} "):
            assert vocabulary.lookup(typed) == term.code, typed


def test_referral_and_information_are_directed_meeting_and_cooperation_are_not():
    assert DIRECTED_KINDS == {"referral", "information"}
    assert LINK_KINDS.lookup("Spolupráce") == "cooperation"


def test_a_typo_gets_the_closest_value_and_nonsense_gets_none():
    assert SECTORS.lookup("zdravotnistvi") is None
    assert SECTORS.suggest("zdravotnistvi") == "health"
    assert SECTORS.suggest("xyzzy qwerty") is None


def test_a_project_sector_is_added_after_the_built_in_ones_with_a_colour_of_its_own():
    extended = SECTORS.with_terms([Term("church", "churches", "církve")])
    assert extended.lookup("Církve") == "church"
    assert extended.codes[:12] == SECTORS.codes
    colours = {sector_color(extended, code) for code in extended.codes}
    assert len(colours) == 13


def test_sector_colours_are_fixed_and_distinct():
    colours = [sector_color(SECTORS, code) for code in SECTORS.codes]
    assert len(set(colours)) == 12
    assert all(c.startswith("#") and len(c) == 7 for c in colours)
