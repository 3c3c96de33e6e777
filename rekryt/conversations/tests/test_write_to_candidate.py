"""A recruiter writes to a candidate from the application page: from a
template or free text, placeholders filled, previewed in the candidate's
language, sent after the delay with undo, through the outbox with a reply
address of its own; it shows on the timeline and in the portal."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from conftest import make_application
from rekryt.conversations.models import ReplyAddress, WritingTemplate
from rekryt.conversations.tests.helpers import REPLY_DOMAIN
from rekryt.lib.tokens import hash_token
from rekryt.messaging.models import Message, MessageStatus
from rekryt.messaging.tests.helpers import work

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client: Any, settings: Any) -> None:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    settings.REPLY_DOMAIN = REPLY_DOMAIN


def swedish(job: Any, **fields: Any) -> Any:
    """An application in Swedish (an application takes its job's language)."""
    application = make_application(job, **fields)
    application.language = "sv"
    application.save(update_fields=["language"])
    return application


def write_url(application: Any) -> str:
    return reverse("conversation_write", args=[application.pk])


def post(client: Any, application: Any, **data: Any) -> Any:
    form = {"subject": "Intervju", "body": "Hej {candidate_first_name}!", "nonce": "abc123"}
    form.update(data)
    return client.post(write_url(application), form)


def test_the_preview_fills_placeholders_in_the_candidates_language(
    client: Any, rita: Any, job: Any
) -> None:
    application = swedish(job, first_name="Anna")
    client.force_login(rita)
    response = post(
        client, application, body="Hej {candidate_first_name}, om {job_title}.", preview="1"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert f"Hej Anna, om {job.title}." in html
    assert 'lang="sv"' in html
    assert "in Swedish" in html
    # Nothing is queued by a preview.
    assert not Message.objects.filter(application=application, kind="conversation").exists()


def test_sending_queues_it_after_the_delay_with_its_own_reply_address(
    client: Any, rita: Any, job: Any, org: Any
) -> None:
    application = make_application(job, first_name="Anna")
    client.force_login(rita)
    before = timezone.now()
    response = post(client, application, send="1")
    assert response.status_code == 302
    message = Message.objects.get(application=application, kind="conversation")
    assert message.body_text.startswith("Hej Anna!")
    assert message.send_after >= before + timedelta(minutes=org.stage_email_delay_minutes)
    local, _at, domain = message.reply_to.partition("@")
    assert domain == REPLY_DOMAIN and local.startswith("reply+")
    token = local.removeprefix("reply+")
    assert len(token) == 43
    # Only the hash is stored.
    address = ReplyAddress.objects.get(token_hash=hash_token(token))
    assert address.application == application
    assert not ReplyAddress.objects.filter(token_hash=token).exists()
    page = client.get(reverse("application_detail", args=[application.pk])).content.decode()
    assert "Email: Intervju" in page
    assert reverse("conversation_undo", args=[message.pk]) in page


def test_a_double_submit_sends_one_email(client: Any, rita: Any, application: Any) -> None:
    client.force_login(rita)
    post(client, application, send="1")
    post(client, application, send="1")
    assert Message.objects.filter(application=application, kind="conversation").count() == 1


def test_undo_cancels_it_before_it_leaves(client: Any, rita: Any, application: Any) -> None:
    client.force_login(rita)
    post(client, application, send="1")
    message = Message.objects.get(application=application, kind="conversation")
    client.post(reverse("conversation_undo", args=[message.pk]))
    message.refresh_from_db()
    assert message.status == MessageStatus.CANCELLED
    with time_machine.travel(timezone.now() + timedelta(hours=1)):
        work()
    message.refresh_from_db()
    assert message.status == MessageStatus.CANCELLED


def test_it_goes_out_after_the_delay_and_shows_in_the_portal(
    client: Any, rita: Any, application: Any, org: Any
) -> None:
    client.force_login(rita)
    post(client, application, body="Välkommen på intervju, {candidate_first_name}.", send="1")
    message = Message.objects.get(application=application, kind="conversation")
    work()
    message.refresh_from_db()
    assert message.status == MessageStatus.SCHEDULED
    with time_machine.travel(timezone.now() + timedelta(minutes=org.stage_email_delay_minutes + 1)):
        work()
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT
    from rekryt.portal.views import cards_for

    conversation = cards_for(application.candidate)[0].conversation
    assert any("Välkommen på intervju" in said.body for said in conversation)


def test_unknown_placeholders_are_refused_and_the_text_kept(
    client: Any, rita: Any, application: Any
) -> None:
    client.force_login(rita)
    response = post(client, application, body="Hej {first_nmae}, välkommen!", send="1")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Unknown placeholder {first_nmae}." in html
    assert "Hej {first_nmae}, välkommen!" in html
    assert not Message.objects.filter(application=application, kind="conversation").exists()


def test_a_template_fills_the_form_in_the_candidates_language(
    client: Any, rita: Any, job: Any
) -> None:
    application = swedish(job)
    template = WritingTemplate.objects.create(
        name_sv="Boka samtal",
        name_en="Book a call",
        subject_sv="Kan vi ses?",
        subject_en="Can we talk?",
        body_sv="Hej {candidate_first_name}, har du tid?",
        body_en="Hi {candidate_first_name}, free?",
    )
    client.force_login(rita)
    html = client.get(write_url(application) + f"?template={template.pk}").content.decode()
    assert "Kan vi ses?" in html and "har du tid?" in html
    # A malformed template id shows the empty form, never a 500.
    assert client.get(write_url(application) + "?template=x%00").status_code == 200


def test_interviewers_and_outsiders_cannot_write(
    client: Any, ivan: Any, otto: Any, application: Any
) -> None:
    for user in (ivan, otto):
        client.force_login(user)
        assert client.get(write_url(application)).status_code == 404
        assert post(client, application, send="1").status_code == 404
    assert not Message.objects.filter(application=application, kind="conversation").exists()


def test_without_a_reply_domain_the_organisations_address_is_used(
    client: Any, rita: Any, application: Any, org: Any, settings: Any
) -> None:
    settings.REPLY_DOMAIN = ""
    org.reply_to_email = "hr@example.com"
    org.save()
    client.force_login(rita)
    post(client, application, send="1")
    assert (
        Message.objects.get(application=application, kind="conversation").reply_to
        == "hr@example.com"
    )


def test_bulk_from_the_board_writes_to_each_in_their_own_words(
    client: Any, rita: Any, job: Any
) -> None:
    anna = swedish(job, first_name="Anna")
    sam = make_application(job, first_name="Sam")
    client.force_login(rita)
    url = reverse("conversation_bulk_write", args=[job.pk])
    first = client.post(url, {"applications": [anna.pk, sam.pk]})
    assert first.status_code == 200
    form = {
        "applications": [anna.pk, sam.pk],
        "subject": "Tack",
        "body": "Hej {candidate_first_name}!",
        "nonce": "n1",
    }
    preview = client.post(url, {**form, "preview": "1"}).content.decode()
    assert "Hej Anna!" in preview
    client.post(url, {**form, "send": "1"})
    bodies = {m.application_id: m.body_text for m in Message.objects.filter(kind="conversation")}
    assert bodies[anna.pk].startswith("Hej Anna!") and bodies[sam.pk].startswith("Hej Sam!")
    replies = set(Message.objects.filter(kind="conversation").values_list("reply_to", flat=True))
    assert len(replies) == 2
