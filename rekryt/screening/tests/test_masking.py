"""What blind review masks in a text, and what it keeps."""

import pytest

from rekryt.screening.masking import mask_text


@pytest.mark.parametrize(
    "number",
    [
        "850612-1234",
        "19850612-1234",
        "198506121234",
        "8506121234",
        "850612+1234",  # over a hundred years old
        "850672-1234",  # samordningsnummer: day 12 + 60
        "20010291-5678",  # samordningsnummer, day 31 + 60
    ],
)
def test_personal_identity_numbers_are_masked(number):
    assert number not in mask_text(f"Personnummer: {number}.", [])


@pytest.mark.parametrize(
    "text",
    [
        "anna.svensson@firma.se",
        "+46 70-123 45 67",
        "070 123 45 67",
        "https://github.com/anna",
        "www.anna.se",
    ],
)
def test_contact_details_are_masked(text):
    assert text not in mask_text(f"Kontakt: {text}", [])


def test_names_are_masked_whole_words_only_in_any_case():
    masked = mask_text("ANNA Lindqvist wrote to Annabelle and anna.", ["Anna", "Lindqvist"])
    assert "ANNA" not in masked and "Lindqvist" not in masked and "anna." not in masked
    assert "Annabelle" in masked


def test_what_the_person_can_do_is_kept():
    text = "Truckkort A+B sedan 2015, 8 år på lager, 40 timmar i veckan, 123 artiklar/h."
    assert mask_text(text, ["Anna"]) == text


def test_a_postal_code_before_a_town_is_masked():
    assert "123 45" not in mask_text("Storgatan 1, 123 45 Jönköping", [])
