"""Where a waiting stage email shows: on the board card and the application's
timeline, each with its time, a preview and an undo; and the preview itself."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import formats, timezone

from conftest import make_application, make_job
from rekryt.applications.actions import move_to_stage
from rekryt.applications.board import COLUMN_SIZE
from rekryt.jobs.models import Stage, StageKind, stages_for
from rekryt.messaging.models import EmailTemplate, Message, MessageStatus

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client: Any) -> None:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def stage(job: Any, kind: str) -> Stage:
    return next(s for s in stages_for(job) if s.kind == kind)


def invitation(application: Any) -> Message:
    return Message.objects.get(application=application, kind="interview_invitation")


def at(message: Message) -> str:
    return formats.date_format(timezone.localtime(message.send_after), "H:i")


def card(page: str, application: Any) -> str:
    return page.split(f'id="card-{application.pk}"', 1)[1].split("</li>", 1)[0]


def column(page: str, stage: Stage) -> str:
    return page.split(f'data-stage="{stage.pk}"', 1)[1].split("</ol>", 1)[0]


def test_the_board_card_says_when_the_email_goes_out_with_preview_and_undo(
    client: Any, rita: Any, job: Any
) -> None:
    application = make_application(job)
    move_to_stage(application, stage(job, StageKind.INTERVIEW), rita)
    client.force_login(rita)

    page = client.get(reverse("board", args=[job.pk])).content.decode()

    shown = card(page, application)
    message = invitation(application)
    assert f"Invitation to interview goes out at {at(message)}" in shown
    assert reverse("message_preview", args=[message.pk]) in shown
    assert reverse("application_undo_move", args=[application.pk]) in shown
    assert "hx-post" in shown.split('class="undo-form"', 1)[1]
    # A card whose email has gone out shows nothing of the kind.
    Message.objects.filter(pk=message.pk).update(status=MessageStatus.SENT)
    page = client.get(reverse("board", args=[job.pk])).content.decode()
    assert "goes out at" not in card(page, application)


def test_interviewers_see_the_waiting_email_but_no_undo(
    client: Any, rita: Any, ivan: Any, job: Any
) -> None:
    job.team.add(ivan)
    application = make_application(job)
    move_to_stage(application, stage(job, StageKind.INTERVIEW), rita)
    client.force_login(ivan)

    shown = card(client.get(reverse("board", args=[job.pk])).content.decode(), application)

    assert "goes out at" in shown
    assert "undo-move" not in shown


def test_the_board_costs_the_same_queries_with_many_waiting_emails(
    client: Any, rita: Any, job: Any
) -> None:
    interview = stage(job, StageKind.INTERVIEW)

    def board_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("board", args=[job.pk])).status_code == 200
        return len(queries)

    for _ in range(3):
        move_to_stage(make_application(job), interview, rita)
    client.force_login(rita)
    few = board_queries()
    for _ in range(30):
        move_to_stage(make_application(job), interview, rita)
    page = client.get(reverse("board", args=[job.pk])).content.decode()
    # Every shown card of the 33 has its waiting email.
    assert page.count("goes out at") == min(33, COLUMN_SIZE)
    assert board_queries() == few <= 11


def test_undo_on_the_board_with_htmx_puts_the_card_back(client: Any, rita: Any, job: Any) -> None:
    application = make_application(job)
    applied, interview = application.stage, stage(job, StageKind.INTERVIEW)
    move_to_stage(application, interview, rita)
    client.force_login(rita)

    response = client.post(
        reverse("application_undo_move", args=[application.pk]), HTTP_HX_REQUEST="true"
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert f'id="card-{application.pk}"' in column(page, applied)
    assert f'id="card-{application.pk}"' not in column(page, interview)
    assert "is back in Applied and the email will not be sent" in page
    assert "goes out at" not in card(page, application)


def test_a_dragged_card_gets_its_waiting_email_line(client: Any, rita: Any, job: Any) -> None:
    application = make_application(job)
    interview = stage(job, StageKind.INTERVIEW)
    client.force_login(rita)

    response = client.post(
        reverse("application_move", args=[application.pk]),
        {"stage": interview.pk},
        HTTP_ACCEPT="application/json",
    )

    data = json.loads(response.content)
    assert data["ok"]
    assert f"goes out at {at(invitation(application))}" in data["pending_html"]
    assert "until then you can undo the move" in data["message"]


def test_the_timeline_shows_the_waiting_email_with_preview_undo_and_dont_send(
    client: Any, rita: Any, job: Any
) -> None:
    application = make_application(job)
    move_to_stage(application, stage(job, StageKind.INTERVIEW), rita)
    client.force_login(rita)

    page = client.get(reverse("application_detail", args=[application.pk])).content.decode()

    message = invitation(application)
    timeline = page.split('class="timeline"', 1)[1]
    row = timeline.split(message.subject, 1)[1].split("</li>", 1)[0]
    when = timezone.localtime(message.send_after)
    assert f"To be sent {formats.date_format(when, 'SHORT_DATETIME_FORMAT')}" in row
    assert reverse("message_preview", args=[message.pk]) in row
    assert reverse("application_undo_move", args=[application.pk]) in row
    assert "Don&#x27;t send this email" in row or "Don't send this email" in row
    # Without JavaScript the undo is a plain form that comes back here.
    response = client.post(
        reverse("application_undo_move", args=[application.pk]),
        {"next": reverse("application_detail", args=[application.pk]) + "#timeline"},
    )
    assert response["Location"].endswith(f"/applications/{application.pk}/#timeline")
    page = client.get(reverse("application_detail", args=[application.pk])).content.decode()
    assert "Move undone: back from Interview to Applied" in page


def test_the_preview_shows_the_email_as_the_candidate_gets_it(
    client: Any, rita: Any, org: Any
) -> None:
    template = EmailTemplate.objects.get(kind="interview_invitation", language="sv")
    template.body_text += "\n\nFölj din ansökan här: {portal_url}"
    template.save()
    job = make_job(recruiter=rita, language="sv")
    application = make_application(job)
    move_to_stage(application, stage(job, StageKind.INTERVIEW), rita)
    message = invitation(application)
    # The candidate's own link is in both parts.
    assert "/portal/t/" in message.body_text and "/portal/t/" in message.body_html
    client.force_login(rita)

    page = client.get(reverse("message_preview", args=[message.pk])).content.decode()
    html = client.get(reverse("message_preview_html", args=[message.pk]))

    assert message.subject in page and message.language == "sv"
    first_line = message.body_text.splitlines()[0]
    assert first_line in page
    assert "/portal/t/" not in page
    assert "the candidate&#x27;s personal link" in page
    assert f'src="{reverse("message_preview_html", args=[message.pk])}"' in page
    assert "sandbox" in html["Content-Security-Policy"]
    body = html.content.decode()
    assert first_line.split(",")[0] in body
    assert "/portal/t/" not in body
    assert not re.search(r"[A-Za-z0-9_-]{40,}", body)


@pytest.mark.parametrize("persona", ["otto", "ivan"])
def test_the_preview_is_404_for_staff_outside_the_job(
    client: Any, request: Any, rita: Any, job: Any, persona: str
) -> None:
    application = make_application(job)
    move_to_stage(application, stage(job, StageKind.INTERVIEW), rita)
    client.force_login(request.getfixturevalue(persona))
    for name in ("message_preview", "message_preview_html"):
        url = reverse(name, args=[invitation(application).pk])
        assert client.get(url).status_code == 404
