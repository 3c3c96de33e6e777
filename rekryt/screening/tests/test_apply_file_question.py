"""A file answer passes the same content checks as a CV, stays attached when
the form comes back, and becomes one of the application's documents."""

import re

import pytest

from rekryt.applications.models import Application
from rekryt.candidates.models import Document, DocumentKind
from rekryt.lib.tests.files import make_pdf, upload
from rekryt.screening.models import Answer, Rule
from rekryt.screening.tests.helpers import ask, base_form, make_question

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def certificate(job):
    question = make_question("file", "Bifoga ditt truckkort", "Attach your forklift licence")
    return ask(job, question, rule=Rule.MUST)


def post(client, job, data):
    return client.post(f"/jobs/{job.slug}/apply/", data)


def test_the_file_is_kept_when_the_form_comes_back_and_then_stored(client, job, certificate):
    name = f"screening-q{certificate.pk}"
    data = base_form(consent=None, **{name: upload("truckkort.pdf", make_pdf("Truckkort A+B"))})
    html = post(client, job, data).content.decode()
    assert "truckkort.pdf is attached" in html
    token = re.search(rf'name="{name}_token" value="([^"]+)"', html).group(1)
    response = post(client, job, base_form(**{f"{name}_token": token}))
    assert response.status_code == 302
    application = Application.objects.get()
    answer = Answer.objects.get(application=application)
    assert answer.met is True and answer.value == "truckkort.pdf"
    assert answer.document.kind == DocumentKind.OTHER
    assert Document.objects.filter(application=application).count() == 1


def test_a_file_that_is_not_a_document_is_refused(client, job, certificate):
    name = f"screening-q{certificate.pk}"
    data = base_form(**{name: upload("truckkort.pdf", b"<?php system($_GET['c']); ?>")})
    response = post(client, job, data)
    assert response.status_code == 200
    assert not Application.objects.exists()
    assert "Please check the following and send again" in response.content.decode()


def test_no_file_for_a_file_must_have_is_told_before_sending(client, job, certificate):
    certificate.required = False
    certificate.save()
    html = post(client, job, base_form()).content.decode()
    assert "Before you send" in html and "Attach your forklift licence" in html
