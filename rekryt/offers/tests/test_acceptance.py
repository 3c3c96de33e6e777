"""Accepting an offer is a simple electronic signature: the typed name, the
time, the address and the SHA-256 of the exact PDF shown, kept with a
signed copy; and it hires the application."""

from __future__ import annotations

import hashlib
import io
from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.utils import timezone
from pypdf import PdfReader

from rekryt.applications.models import Event, EventKind, Outcome
from rekryt.audit.models import AuditEntry
from rekryt.offers import actions
from rekryt.offers.models import Status, accepted_offer
from rekryt.offers.tests.helpers import sent, signature
from rekryt.portal.tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def read(field: Any) -> bytes:
    with field.open("rb") as handle:
        return handle.read()


def test_the_stored_hash_is_the_hash_of_the_pdf_the_candidate_was_shown(
    client: Any, application: Any, rita: Any
) -> None:
    offer = sent(application, rita)
    sign_in(client, application)
    page = client.get(f"/portal/offers/{offer.pk}/")
    shown = client.get(f"/portal/offers/{offer.pk}/offer.pdf")
    assert shown["Content-Type"] == "application/pdf"
    digest = hashlib.sha256(shown.content).hexdigest()
    # The page names the document it signs, and the form carries its hash.
    assert digest in page.content.decode()
    response = client.post(
        f"/portal/offers/{offer.pk}/",
        {"full_name": application.full_name.upper(), "confirm": "on", "sha256": digest},
        REMOTE_ADDR="203.0.113.9",
        HTTP_USER_AGENT="Phone browser",
    )
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.status == Status.ACCEPTED
    assert offer.pdf_sha256 == digest == hashlib.sha256(read(offer.pdf)).hexdigest()
    assert offer.signed_name == application.full_name.upper()
    assert offer.signed_ip == "203.0.113.9" and offer.signed_user_agent == "Phone browser"
    assert offer.signed_at is not None
    # The signed copy: the pages shown, then the signature page naming the hash.
    signed = read(offer.signed_pdf)
    assert offer.signed_pdf_sha256 == hashlib.sha256(signed).hexdigest()
    reader = PdfReader(io.BytesIO(signed))
    original = PdfReader(io.BytesIO(shown.content))
    assert len(reader.pages) == len(original.pages) + 1
    last = reader.pages[-1].extract_text()
    assert digest in last.replace("\n", "") and application.full_name.upper() in last
    application.refresh_from_db()
    assert application.outcome == Outcome.HIRED and application.stage.kind == "hired"
    event = Event.objects.get(application=application, kind=EventKind.OFFER_ACCEPTED)
    assert event.data["sha256"] == digest
    assert AuditEntry.objects.filter(detail="offer_signed", target_id=str(offer.pk)).exists()
    assert accepted_offer(application) == offer
    assert accepted_offer(application).start_date == offer.start_date  # type: ignore[union-attr]
    signed_download = client.get(f"/portal/offers/{offer.pk}/signed.pdf")
    assert signed_download.content == signed


def test_the_pdf_prints_swedish_letters(application: Any, rita: Any) -> None:
    offer = sent(application, rita, title="Lagerchef i Borås", benefits="Friskvård åäö ÅÄÖ")
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(read(offer.pdf))).pages)
    assert "Lagerchef i Borås" in text and "åäö ÅÄÖ" in text


def test_a_name_that_is_not_the_candidates_is_refused_and_nothing_is_signed(
    client: Any, application: Any, rita: Any
) -> None:
    offer = sent(application, rita)
    sign_in(client, application)
    response = client.post(
        f"/portal/offers/{offer.pk}/",
        {"full_name": "Someone Else", "confirm": "on", "sha256": offer.pdf_sha256},
    )
    assert response.status_code == 400
    assert "full name" in response.content.decode()
    # What was typed is kept.
    assert 'value="Someone Else"' in response.content.decode()
    offer.refresh_from_db()
    assert offer.status == Status.SENT and not offer.signed_name


def test_a_hash_that_is_not_the_stored_pdfs_is_refused(application: Any, rita: Any) -> None:
    offer = sent(application, rita)
    with pytest.raises(actions.OfferRefused, match="changed"):
        actions.accept_offer(offer, signature(offer, sha="0" * 64))
    offer.refresh_from_db()
    assert offer.status == Status.SENT


def test_a_changed_stored_file_is_refused(application: Any, rita: Any) -> None:
    offer = sent(application, rita)
    offer.pdf.storage.delete(offer.pdf.name)
    offer.pdf.storage.save(offer.pdf.name, io.BytesIO(b"%PDF-1.4 tampered"))
    with pytest.raises(actions.OfferRefused, match="changed"):
        actions.accept_offer(offer, signature(offer))


def test_an_expired_offer_cannot_be_accepted(client: Any, application: Any, rita: Any) -> None:
    offer = sent(application, rita)
    later = timezone.now() + timedelta(days=9)
    with time_machine.travel(later, tick=False):
        assert offer.is_expired and not offer.can_be_answered()
        with pytest.raises(actions.OfferRefused, match="expired"):
            actions.accept_offer(offer, signature(offer))
        sign_in(client, application)
        response = client.post(
            f"/portal/offers/{offer.pk}/",
            {"full_name": application.full_name, "confirm": "on", "sha256": offer.pdf_sha256},
            follow=True,
        )
        assert "has passed" in response.content.decode()
        assert "Sign and accept" not in response.content.decode()
    offer.refresh_from_db()
    assert offer.status == Status.SENT
    application.refresh_from_db()
    assert application.outcome == Outcome.ACTIVE


def test_the_last_day_can_still_accept(application: Any, rita: Any) -> None:
    offer = sent(application, rita)
    last_day = timezone.now() + timedelta(days=7)
    with time_machine.travel(last_day, tick=False):
        assert actions.accept_offer(offer, signature(offer)).status == Status.ACCEPTED


def test_declining_keeps_the_reason_and_the_application_open(
    client: Any, application: Any, rita: Any
) -> None:
    offer = sent(application, rita)
    sign_in(client, application)
    assert client.get(f"/portal/offers/{offer.pk}/decline/").status_code == 200
    response = client.post(
        f"/portal/offers/{offer.pk}/decline/", {"reason": "Jag har tackat ja till ett annat jobb."}
    )
    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.status == Status.DECLINED and offer.decline_reason.startswith("Jag har")
    application.refresh_from_db()
    assert application.outcome == Outcome.ACTIVE
    assert Event.objects.filter(application=application, kind=EventKind.OFFER_DECLINED).exists()
    with pytest.raises(actions.OfferRefused):
        actions.accept_offer(offer, signature(offer))


def test_a_candidate_cannot_open_someone_elses_offer(
    client: Any, application: Any, job: Any, rita: Any
) -> None:
    from conftest import make_application

    other = make_application(job)
    offer = sent(other, rita)
    sign_in(client, application)
    for url in ("", "decline/", "offer.pdf", "signed.pdf"):
        assert client.get(f"/portal/offers/{offer.pk}/{url}").status_code == 404
    # A draft is never shown, even to its own candidate.
    sign_in(client, other)
    offer.status = Status.DRAFT
    offer.save()
    assert client.get(f"/portal/offers/{offer.pk}/").status_code == 404


def test_the_sender_and_the_recruiter_hear_of_the_answer(
    application: Any, rita: Any, alice: Any
) -> None:
    from rekryt.messaging.models import Message

    offer = sent(application, alice)
    actions.accept_offer(offer, signature(offer))
    told = Message.objects.filter(kind="offer_answered").order_by("to_email")
    assert [m.to_email for m in told] == [alice.email, rita.email]
    assert "accepted" in told[0].subject and application.full_name in told[0].body_text


def test_a_decline_reason_reaches_the_sender(application: Any, rita: Any) -> None:
    from rekryt.messaging.models import Message

    offer = sent(application, rita)
    actions.decline_offer(offer, "Lönen räckte inte.")
    told = Message.objects.get(kind="offer_answered")
    assert told.to_email == rita.email and "Lönen räckte inte." in told.body_text
