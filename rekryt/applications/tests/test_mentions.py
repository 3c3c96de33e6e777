"""@mentions in notes tell the colleague by email — only colleagues who may
see the application; names of outsiders or of no one notify nobody."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.urls import reverse

from rekryt.applications.mentions import mentioned
from rekryt.applications.models import Event, EventKind
from rekryt.messaging.models import Message

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client: Any) -> None:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def note(client: Any, application: Any, body: str) -> Any:
    return client.post(reverse("application_note", args=[application.pk]), {"body": body})


def test_names_are_read_from_the_text() -> None:
    assert mentioned("Ping @hanna and @Rita. Mail anna@example.org, not @hanna again.") == [
        "hanna",
        "rita",
    ]


def test_a_mentioned_colleague_on_the_team_is_told(
    client: Any, rita: Any, hanna: Any, application: Any
) -> None:
    hanna.language = "en"
    hanna.save()
    client.force_login(rita)
    note(client, application, "@hanna kan du titta på hennes portfolio?")
    message = Message.objects.get(kind="mention")
    assert message.to_email == hanna.email
    assert "Rita mentioned you in a note about" in message.body_text
    assert "kan du titta på hennes portfolio?" in message.body_text
    assert reverse("application_detail", args=[application.pk]) in message.body_text
    # Staff mail carries no candidate: it never shows in the candidate's portal.
    assert message.candidate_id is None and message.application_id is None
    event = Event.objects.get(application=application, kind=EventKind.NOTE_ADDED)
    assert event.data["mentions"] == [hanna.pk]


def test_outsiders_and_unknown_names_are_not_told(
    client: Any, rita: Any, otto: Any, ivan: Any, application: Any
) -> None:
    client.force_login(rita)
    note(client, application, "@otto @ivan @nobody @rita titta här")
    assert not Message.objects.filter(kind="mention").exists()


def test_an_interviewer_can_mention_the_recruiter(
    client: Any, rita: Any, ivan: Any, job: Any, application: Any
) -> None:
    job.team.add(ivan)
    client.force_login(ivan)
    note(client, application, "Bra intervju. @rita")
    assert Message.objects.get(kind="mention").to_email == rita.email
