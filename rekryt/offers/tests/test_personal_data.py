"""Offers are personal data: in the candidate's export (with both PDFs),
erased with them, and removed when their application is anonymised under
retention; a hired application's offer is kept."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from django.core.files.storage import default_storage

from rekryt.applications.anonymise import anonymise_application
from rekryt.offers import actions
from rekryt.offers.models import Offer
from rekryt.offers.tests.helpers import sent, signature
from rekryt.privacy.erasure import erase_candidate
from rekryt.privacy.export import collect, write_zip

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def signed(seeded: Any, application: Any, rita: Any) -> Offer:
    offer = sent(application, rita, salary=51234)
    return actions.accept_offer(offer, signature(offer))


def test_the_export_holds_the_offer_the_signature_and_both_pdfs(signed: Offer) -> None:
    data = collect(signed.application.candidate)
    [row] = data["offers"]
    assert row["salary"] == 51234 and row["sha256"] == signed.pdf_sha256
    assert row["signature"]["typed_name"] == signed.application.full_name
    assert row["signature"]["ip"] == "198.51.100.7"
    target = io.BytesIO()
    write_zip(signed.application.candidate, target)
    names = zipfile.ZipFile(target).namelist()
    assert row["file"] in names and row["signature"]["signed_file"] in names


def test_erasure_removes_offers_and_their_files(signed: Offer) -> None:
    files = [signed.pdf.name, signed.signed_pdf.name]
    erase_candidate(signed.application.candidate, reason="test")
    assert not Offer.objects.exists()
    assert not any(default_storage.exists(name) for name in files)


def test_anonymising_an_application_removes_its_offer(
    seeded: Any, application: Any, rita: Any
) -> None:
    offer = sent(application, rita)
    actions.decline_offer(offer, "Nej tack")
    name = offer.pdf.name
    anonymise_application(application)
    assert not Offer.objects.exists() and not default_storage.exists(name)
