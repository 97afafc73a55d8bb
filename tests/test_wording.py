"""graphnet.wording: the words findings and suggestions build their sentences from."""

from __future__ import annotations

from graphnet.model import Actor, Network
from graphnet.wording import SUBJECT_PRIORITY, Words, name_list, plural, subject_first


def test_czech_counts_take_three_forms_and_english_two() -> None:
    cs = [plural("findings.actors", "cs", n) for n in (1, 2, 4, 5, 11)]
    assert cs == ["1 aktér", "2 aktéři", "4 aktéři", "5 aktérů", "11 aktérů"]
    assert [plural("findings.actors", "en", n) for n in (1, 2, 5)] == \
        ["1 actor", "2 actors", "5 actors"]


def test_a_list_names_at_most_the_shown_names_and_counts_the_rest() -> None:
    assert name_list([], "en") == "" and name_list(["A"], "cs") == "A"
    assert name_list(list("ABC"), "cs") == "A, B a C"
    assert name_list(list("ABCDE"), "en", shown=3) == "A, B, C and 2 more"


def test_the_more_specific_sector_is_named_first_either_way_round() -> None:
    for a in SUBJECT_PRIORITY:
        for b in SUBJECT_PRIORITY:
            first = subject_first(a, b)
            assert first == subject_first(b, a)
            assert SUBJECT_PRIORITY.index(first[0]) <= SUBJECT_PRIORITY.index(first[1])
    assert subject_first("my_own_sector", "education") == ("my_own_sector", "education")


def test_actors_are_named_and_sorted_as_their_names_read() -> None:
    words = Words(Network(actors=(Actor("1", "žlutá škola", "education"),
                                  Actor("2", "Azyl", "social_services"),
                                  Actor("3", "azyl", "social_services"))))
    assert words.by_name(["1", "3", "2"]) == ["2", "3", "1"]
    assert words.name("gone") == "gone"
    assert words.each(lambda lang: words.names(["2", "1"], lang)) == \
        {"cs": "Azyl a žlutá škola", "en": "Azyl and žlutá škola"}
