"""The reject page: form, preview in the candidate's language, confirm."""

from __future__ import annotations

import pytest
from django.urls import reverse

from conftest import make_application
from rekryt.applications.models import Outcome, RejectionReason
from rekryt.messaging.models import Message


@pytest.fixture(autouse=True)
def english(client, settings):
    settings.LANGUAGE_CODE = "en"
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


@pytest.fixture
def reason(db):
    return RejectionReason.objects.get(name_en="Lacks the experience we asked for")


def url(application):
    return reverse("application_reject", args=[application.pk])


def rejections():
    return Message.objects.filter(idempotency_key__startswith="reject:")


def test_it_shows_the_form(client, rita, application):
    client.force_login(rita)
    page = client.get(url(application)).content.decode()
    assert '<label for="id_reason">' in page
    assert 'name="preview"' in page
    assert 'name="confirm"' not in page


def test_it_previews_in_the_candidates_language_without_rejecting(client, rita, job, reason):
    job.language = "sv"
    job.save()
    application = make_application(job)
    client.force_login(rita)
    response = client.post(
        url(application), {"reason": reason.pk, "personal_note": "Du var nära!", "preview": "1"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Om din ansökan till" in page
    assert "Du var nära!" in page
    assert reason.name_sv in page
    assert 'name="confirm"' in page
    application.refresh_from_db()
    assert application.outcome == Outcome.ACTIVE
    assert not rejections().exists()


def test_it_rejects_on_confirm(client, rita, application, reason):
    client.force_login(rita)
    response = client.post(url(application), {"reason": reason.pk, "confirm": "1"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.outcome == Outcome.REJECTED
    assert rejections().count() == 1


def test_it_requires_a_reason(client, rita, application):
    client.force_login(rita)
    response = client.post(url(application), {"confirm": "1"})
    assert response.status_code == 400
    assert 'aria-describedby="id_reason_error"' in response.content.decode()
    application.refresh_from_db()
    assert application.outcome == Outcome.ACTIVE


def test_send_now_requires_an_explicit_confirmation(client, rita, application, reason):
    client.force_login(rita)
    response = client.post(
        url(application), {"reason": reason.pk, "send_now": "on", "confirm": "1"}
    )
    assert response.status_code == 400
    assert "Confirm that the email goes out at once" in response.content.decode()
    assert not rejections().exists()
    client.post(
        url(application),
        {"reason": reason.pk, "send_now": "on", "confirm_send_now": "on", "confirm": "1"},
    )
    message = rejections().get()
    assert message.send_after <= message.created_at


def test_it_sets_the_keep_in_mind_flag_and_queues_the_question(client, rita, application, reason):
    client.force_login(rita)
    client.post(url(application), {"reason": reason.pk, "keep_in_mind": "on", "confirm": "1"})
    application.refresh_from_db()
    assert application.keep_in_mind
    assert Message.objects.filter(kind="future_contact", application=application).exists()


def test_it_links_the_reject_page_from_the_application_page(client, rita, application):
    client.force_login(rita)
    page = client.get(reverse("application_detail", args=[application.pk])).content.decode()
    assert url(application) in page


def test_it_refuses_an_ended_application(client, rita, application, reason):
    client.force_login(rita)
    client.post(url(application), {"reason": reason.pk, "confirm": "1"})
    detail = reverse("application_detail", args=[application.pk])
    for response in (
        client.get(url(application), follow=True),
        client.post(url(application), {"reason": reason.pk, "confirm": "1"}, follow=True),
    ):
        assert response.redirect_chain == [(detail, 302)]
        assert "The application has already ended. Reopen it first." in response.content.decode()
    assert Message.objects.filter(idempotency_key__startswith="reject:").count() == 1


@pytest.mark.parametrize("persona", ["ivan", "otto"])
def test_outsiders_get_404(client, request, application, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(url(application)).status_code == 404
    assert client.post(url(application), {"confirm": "1"}).status_code == 404


def test_interviewers_on_the_team_get_404(client, job, application):
    from conftest import make_user

    viewer = make_user("vera", "interviewer")
    job.team.add(viewer)
    client.force_login(viewer)
    assert client.get(url(application)).status_code == 404


def test_anonymous_users_go_to_login(client, application):
    response = client.get(url(application))
    assert response.status_code == 302
    assert "login" in response["Location"]
