"""The size caps on both sides: a CV of exactly UPLOAD_MAX_BYTES is taken and
one byte more is refused with a message (the streaming cap and the content
check agree); a request body of exactly REQUEST_MAX_BYTES is read and one
byte more gets 413 before anything is read."""

from __future__ import annotations

import pytest

from rekryt.candidates.models import Document
from rekryt.lib.tests.files import make_pdf, upload

pytestmark = pytest.mark.django_db

CV = make_pdf("Anna Berg\nPython")


def send_cv(portal, application):
    return portal.post(f"/portal/applications/{application.pk}/cv/", {"cv": upload("cv.pdf", CV)})


def test_a_cv_of_exactly_the_cap_is_taken(portal, application, settings):
    settings.UPLOAD_MAX_BYTES = len(CV)
    response = send_cv(portal, application)
    assert response.status_code == 302
    assert Document.objects.get(application=application).size == len(CV)


def test_a_cv_one_byte_over_the_cap_is_refused_with_a_message(portal, application, settings):
    settings.UPLOAD_MAX_BYTES = len(CV) - 1
    response = send_cv(portal, application)
    assert response.status_code == 200
    assert "larger than" in response.content.decode()
    assert not Document.objects.filter(application=application).exists()


def raw_post(client, size: int):
    """A form post of exactly `size` bytes: an address that is far too long."""
    body = b"email=" + b"e" * (size - len(b"email="))
    return client.generic(
        "POST", "/portal/new-link/", body, content_type="application/x-www-form-urlencoded"
    )


def test_a_request_of_exactly_the_total_cap_is_read(client, settings, db):
    settings.REQUEST_MAX_BYTES = 5000
    response = raw_post(client, 5000)
    assert response.status_code != 413
    assert "Please write a valid email address" in response.content.decode()  # the form read it


def test_a_request_one_byte_over_the_total_cap_gets_413(client, settings, db):
    settings.REQUEST_MAX_BYTES = 5000
    response = raw_post(client, 5001)
    assert response.status_code == 413
    assert response["Connection"] == "close"
