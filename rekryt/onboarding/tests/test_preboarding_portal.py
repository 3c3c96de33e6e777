"""The new hire's preboarding page: opened only once staff invite them
(the email waits for the undo window), scoped to their own onboarding,
and every piece of paperwork goes through a plain form that keeps what
was typed when something is wrong."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from conftest import make_application
from rekryt.applications.models import Event, EventKind
from rekryt.lib.pdfgen import text_pdf
from rekryt.messaging.models import Message, MessageStatus
from rekryt.onboarding.actions import invite, save_plan, undo_invite
from rekryt.onboarding.models import Confirmation, Onboarding, Status, Upload
from rekryt.onboarding.tests.helpers import hire, policy
from rekryt.portal.tests.conftest import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def invited(job, rita, hanna):
    onboarding = hire(job, rita, start=date(2027, 3, 1))
    save_plan(
        onboarding,
        {
            "welcome_sv": "Välkommen till teamet!",
            "welcome_en": "Welcome to the team!",
            "videos": "https://video.example.com/welcome",
            "first_week_en": "Monday: laptop and coffee.",
            "address": "Sveavägen 1, Stockholm",
            "met_by": hanna,
            "people": [hanna, rita],
        },
        rita,
    )
    invite(onboarding, rita)
    onboarding.refresh_from_db()
    return onboarding


def page(client, onboarding):
    return client.get(f"/portal/onboarding/{onboarding.pk}/")


def test_the_invitation_waits_for_the_undo_window_and_can_be_undone(job, rita):
    onboarding = hire(job, rita)
    message = invite(onboarding, rita)
    assert message.kind == "onboarding_invite" and message.send_after > timezone.now()
    assert "/portal/t/" in message.body_text
    assert message.application_id == onboarding.application_id
    assert undo_invite(onboarding, rita)
    onboarding.refresh_from_db()
    assert onboarding.status == Status.PREPARING
    assert Message.objects.get(pk=message.pk).status == MessageStatus.CANCELLED


def test_the_new_hire_sees_welcome_people_and_first_day(client, invited, hanna):
    sign_in(client, invited.application)
    home = client.get("/portal/").content.decode()
    assert f"/portal/onboarding/{invited.pk}/" in home
    html = page(client, invited).content.decode()
    assert "Welcome to the team!" in html  # the job is in English
    assert "https://video.example.com/welcome" in html
    assert "Sveavägen 1, Stockholm" in html and hanna.display_name in html
    assert "Monday: laptop and coffee." in html
    assert f"/portal/applications/{invited.application_id}/write/" in html


def test_not_opened_yet_or_someone_elses_gives_404(client, job, rita, invited):
    preparing = hire(job, rita)
    sign_in(client, preparing.application)
    assert page(client, preparing).status_code == 404
    assert page(client, invited).status_code == 404
    client.logout()
    assert page(client, invited).status_code in (302, 404)


def test_confirming_a_policy_is_recorded_once(client, invited):
    material = policy()
    sign_in(client, invited.application)
    assert "Code of conduct" in page(client, invited).content.decode()
    url = f"/portal/onboarding/{invited.pk}/confirm/{material.pk}/"
    assert client.get(url).status_code == 405  # a GET changes nothing
    assert client.post(url).status_code == 302
    assert client.post(url).status_code == 302
    assert Confirmation.objects.filter(onboarding=invited, material=material).count() == 1


def test_about_you_saves_and_refuses_hostile_input_keeping_what_was_typed(client, invited):
    sign_in(client, invited.application)
    url = f"/portal/onboarding/{invited.pk}/about-you/"
    bad = client.post(url, {"preferred_name": "Kim\r\nBcc: x@evil", "dietary": "Vegan"})
    assert bad.status_code == 400
    assert 'value="Vegan"' in bad.content.decode()
    ok = client.post(url, {"preferred_name": "Kim", "dietary": "Vegan", "computer": "mac"})
    assert ok.status_code == 302
    invited.refresh_from_db()
    assert (invited.preferred_name, invited.computer) == ("Kim", "mac")
    assert client.post(url, {"computer": ["x"] * 50}).status_code == 400


def test_files_go_through_the_upload_checks(client, invited):
    sign_in(client, invited.application)
    url = f"/portal/onboarding/{invited.pk}/files/"
    fake = SimpleUploadedFile("kontrakt.pdf", b"<?php system($_GET['c']); ?>", "application/pdf")
    refused = client.post(url, {"kind": "contract", "file": fake})
    assert refused.status_code == 400 and not Upload.objects.exists()
    pdf = SimpleUploadedFile("kontrakt.pdf", text_pdf("Signerat"), "application/pdf")
    assert client.post(url, {"kind": "contract", "file": pdf}).status_code == 302
    upload = Upload.objects.get()
    assert upload.content_type == "application/pdf" and upload.onboarding == invited
    assert Event.objects.filter(kind=EventKind.PAPERWORK_DONE, data__what="upload").exists()


def test_after_the_onboarding_is_done_the_page_stays_but_takes_no_paperwork(client, invited, rita):
    from rekryt.onboarding.actions import complete_onboarding

    complete_onboarding(invited, rita)
    sign_in(client, invited.application)
    html = page(client, invited).content.decode()
    assert "Welcome to the team!" in html and 'action="/portal/onboarding/' not in html
    assert client.post(f"/portal/onboarding/{invited.pk}/about-you/", {}).status_code == 404


def test_two_hires_of_one_person_see_only_their_own(client, job, rita):
    first = hire(job, rita, email="same@example.org")
    invite(first, rita)
    other_application = make_application(job, email="other@example.org")
    assert not Onboarding.objects.filter(application=other_application).exists()
    sign_in(client, first.application)
    assert page(client, first).status_code == 200


def test_the_page_keeps_its_query_count_as_content_grows(client, invited, rita, alice):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from rekryt.onboarding.actions import confirm_material

    sign_in(client, invited.application)
    policy()

    def queries():
        with CaptureQueriesContext(connection) as seen:
            assert page(client, invited).status_code == 200
        return len(seen)

    small = queries()
    for _n in range(4):
        confirm_material(invited, policy())
    invited.people.add(alice)
    Upload.objects.bulk_create(
        Upload(onboarding=invited, kind="other", original_name=f"{n}.pdf", size=1, sha256="x")
        for n in range(3)
    )
    assert queries() == small
