"""Submitting the form: the whole chain of rows, the fields' rules and the
deduplication of people by email."""

import secrets

import pytest

from conftest import make_job
from rekryt.applications.models import Application, Event, EventKind
from rekryt.candidates.models import Candidate, Document, DocumentKind
from rekryt.lib.tests.files import make_docx, make_odt, make_pdf, upload
from rekryt.messaging.models import Message

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"


def form(**overrides):
    data = {
        "first_name": "Anna",
        "last_name": "Andersson",
        "email": "anna@example.org",
        "about": "",
        "consent": "on",
        "submission_key": secrets.token_hex(16),
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def post(client, job, **overrides):
    return client.post(f"/jobs/{job.slug}/apply/", form(**overrides))


def errors_of(response) -> str:
    return response.content.decode().split('class="error-summary"')[1].split("</div>")[0]


def test_it_creates_candidate_application_document_event_and_message(client, job):
    response = post(
        client,
        job,
        cv=upload("CV.pdf", make_pdf("Anna Andersson")),
        phone="+46 70 123 45 67",
        link="https://linkedin.com/in/anna",
        cover_letter="I would love to.",
        heard_from="linkedin",
        source="ads",
    )
    assert response.status_code == 302
    assert response["Location"].startswith(f"/jobs/{job.slug}/applied/")
    candidate = Candidate.objects.get()
    assert (candidate.first_name, candidate.last_name) == ("Anna", "Andersson")
    assert candidate.phone == "+46 70 123 45 67"
    assert candidate.link == "https://linkedin.com/in/anna"
    application = Application.objects.get()
    assert application.job == job
    assert application.stage == job.first_stage()
    assert application.cover_letter == "I would love to."
    assert application.heard_from == "linkedin"
    assert application.source == "ads"
    document = Document.objects.get()
    assert document.application == application
    assert document.kind == DocumentKind.CV
    assert document.original_name == "CV.pdf"
    assert document.extension == "pdf"
    assert document.file.read() == make_pdf("Anna Andersson")
    kinds = set(Event.objects.filter(application=application).values_list("kind", flat=True))
    assert {EventKind.CREATED, EventKind.DOCUMENT_ADDED, EventKind.MESSAGE_QUEUED} <= kinds
    message = Message.objects.get()
    assert message.to_email == "anna@example.org"
    assert message.application == application


def test_a_few_words_about_you_are_enough_without_a_cv(client, job):
    assert post(client, job, about="Ten years of Python.").status_code == 302
    assert Application.objects.get().about == "Ten years of Python."
    assert not Document.objects.exists()


def test_it_needs_a_cv_or_a_few_words(client, job):
    response = post(client, job)
    assert response.status_code == 200
    assert "Attach your CV or write a few words about yourself" in errors_of(response)
    assert not Application.objects.exists()


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("first_name", "Please write your first name."),
        ("last_name", "Please write your last name."),
        ("email", "Please write your email address."),
    ],
)
def test_it_requires_the_name_and_email(client, job, field, message):
    response = post(client, job, about="x", **{field: ""})
    assert message in errors_of(response)
    assert not Application.objects.exists()


def test_it_requires_the_privacy_checkbox(client, job):
    response = post(client, job, about="x", consent=None)
    assert "Please confirm that you have read the privacy notice" in errors_of(response)


def test_it_refuses_an_invalid_email(client, job):
    response = post(client, job, about="x", email="anna@@example")
    assert "Please write a valid email address" in errors_of(response)


def test_it_stores_a_docx_cv_and_an_odt_cover_letter(client, job):
    post(
        client,
        job,
        cv=upload("cv.docx", make_docx("Anna")),
        cover_letter_file=upload("letter.odt", make_odt("Hello")),
    )
    kinds = dict(Document.objects.values_list("kind", "content_type"))
    assert kinds[DocumentKind.CV].endswith("wordprocessingml.document")
    assert kinds[DocumentKind.COVER_LETTER] == "application/vnd.oasis.opendocument.text"


def test_it_records_the_source_as_a_short_slug(client, job):
    post(client, job, about="x", source="Some Campaign " * 10)
    assert Application.objects.get().source == "some-campaign-some-campaign-some-campaig"


@pytest.mark.parametrize(
    "link", ["javascript:alert(1)", "ftp://example.org/cv", "file:///etc/passwd"]
)
def test_it_accepts_only_http_and_https_links(client, job, link):
    response = post(client, job, about="x", link=link)
    assert "Please write a web address" in errors_of(response)
    assert not Application.objects.exists()


def test_a_link_that_is_not_a_web_address_is_reported_once(client, job):
    response = post(client, job, about="x", link="not a web address")
    html = response.content.decode()
    summary = errors_of(response)
    assert summary.count("Please write a web address") == 1
    assert html.count("Please write a web address") == 2  # the summary and the field
    field = html.split('id="id_link_error"')[1].split("</div>")[0]
    assert field.count("<p>") == 1
    assert 'value="not a web address"' in html


def test_it_adds_https_to_a_link_without_a_scheme(client, job):
    post(client, job, about="x", link="example.org/anna")
    assert Candidate.objects.get().link == "https://example.org/anna"


def test_it_refuses_a_phone_number_with_letters(client, job):
    response = post(client, job, about="x", phone="call me maybe")
    assert "phone number" in errors_of(response)


@pytest.mark.parametrize(
    ("field", "length"),
    [
        ("first_name", 101),
        ("last_name", 101),
        ("email", 255),
        ("phone", 41),
        ("link", 501),
        ("about", 3001),
        ("cover_letter", 10001),
    ],
)
def test_every_field_has_a_maximum_length(client, job, field, length):
    value = "x" * length
    if field == "email":
        value = "a" * (length - 12) + "@example.org"
    if field == "link":
        value = "https://example.org/" + "a" * (length - 20)
    if field == "phone":
        value = "1" * length
    response = post(client, job, **{"about": "x", field: value})
    assert response.status_code == 200
    assert "at most" in errors_of(response)
    assert not Application.objects.exists()


@pytest.mark.parametrize("name", ["Anna\nBcc: victim@example.org", "Anna\rX", "Anna\u2028X"])
def test_it_refuses_a_name_with_a_line_break(client, job, name):
    response = post(client, job, about="x", first_name=name)
    assert "Please write your name on one line" in errors_of(response)
    assert not Application.objects.exists()


def test_it_strips_control_and_bidi_characters_from_names(client, job):
    post(client, job, about="x", first_name="An\x07na\u202e", last_name="\tAnders\x1bson")
    candidate = Candidate.objects.get()
    assert (candidate.first_name, candidate.last_name) == ("Anna", "Andersson")


def test_it_refuses_a_name_of_only_control_characters(client, job):
    response = post(client, job, about="x", first_name="\x07\x08")
    assert "Please write your first name." in errors_of(response)


def test_it_strips_control_characters_but_keeps_line_breaks_in_the_cover_letter(client, job):
    post(client, job, about="x", cover_letter="Hello\x1b[31m\nWorld\x00")
    assert Application.objects.get().cover_letter == "Hello[31m\nWorld"


def test_it_treats_the_same_email_in_any_case_as_one_person(client, job, other_job):
    post(client, job, about="x", email="Anna@Example.org")
    post(client, other_job, about="y", email="  anna@EXAMPLE.ORG ")
    assert Candidate.objects.count() == 1
    assert Application.objects.filter(candidate=Candidate.objects.get()).count() == 2


def test_applying_twice_to_the_same_job_keeps_one_application(client, job):
    post(client, job, about="x")
    response = post(client, job, about="again", email="ANNA@example.org")
    assert response.status_code == 302
    assert Application.objects.count() == 1
    assert Application.objects.get().about == "x"
    # The receipt of the first, and an email about the repeat to the address.
    assert sorted(Message.objects.values_list("kind", flat=True)) == [
        "application_received",
        "application_repeated",
    ]


def test_the_application_is_in_the_jobs_language(client, org):
    job = make_job(language="sv")
    post(client, job, about="x")
    assert Application.objects.get().language == "sv"
    assert Message.objects.get().language == "sv"
