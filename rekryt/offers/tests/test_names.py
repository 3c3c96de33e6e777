"""The typed name must be the candidate's, reasonably: case, accents,
spacing and an added middle name do not matter; another name does."""

import pytest

from rekryt.offers.signature import names_match


@pytest.mark.parametrize(
    "typed",
    [
        "Åsa Lindström",
        "åsa lindström",
        "  Asa   Lindstrom ",
        "Åsa Maria Lindström",
        "ÅSA LINDSTRÖM.",
    ],
)
def test_reasonable_forms_of_the_name_match(typed: str) -> None:
    assert names_match(typed, "Åsa Lindström")


@pytest.mark.parametrize("typed", ["", "Åsa", "Lindström", "Anna Lindström", "Åsa Berg", "x" * 3])
def test_other_names_do_not(typed: str) -> None:
    assert not names_match(typed, "Åsa Lindström")


def test_a_double_barrelled_name_needs_both_parts() -> None:
    assert names_match("Per-Olof Svensson Berg", "Per-Olof Svensson Berg")
    assert not names_match("Per Berg", "Per-Olof Svensson Berg")


def test_a_single_name_application() -> None:
    assert names_match("Zlatan Ibrahimović", "Zlatan")
    assert not names_match("Henrik", "Zlatan")
