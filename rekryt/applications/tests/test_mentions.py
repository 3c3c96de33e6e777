"""@mentions in notes tell the colleague by email — only colleagues who may
see the application; names of outsiders or of no one notify nobody."""

from __future__ import annotations

import datetime
from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse

from rekryt.accounts.models import Organisation
from rekryt.applications.mentions import mentioned
from rekryt.applications.models import Event, EventKind, Note
from rekryt.messaging.models import Message, MessageStatus
from rekryt.ops.duties import run_until_idle

pytestmark = pytest.mark.django_db
# Now, frozen (a session started at the real time stays valid).
NOON = datetime.datetime.now(datetime.UTC).replace(microsecond=0)


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


def test_the_mention_waits_the_delay_and_its_author_can_stop_it(
    client: Any, rita: Any, hanna: Any, application: Any
) -> None:
    client.force_login(rita)
    with time_machine.travel(NOON, tick=False):
        response = note(client, application, "@hanna titta på det här")
        message = Message.objects.get(kind="mention")
        # It waits the organisation's delay, like every email a staff action causes.
        delay = Organisation.get().stage_email_delay_minutes
        assert delay > 0
        assert message.send_after == NOON + timedelta(minutes=delay)
        shown = client.get(response["Location"]).content.decode()
        assert f"told by email in {delay} minutes" in shown
        run_until_idle()
        message.refresh_from_db()
        assert message.status == MessageStatus.SCHEDULED  # not before the delay
        page = client.get(reverse("application_detail", args=[application.pk])).content.decode()
        note_pk = Note.objects.get().pk
        stop = reverse("application_mentions_cancel", args=[application.pk, note_pk])
        assert stop in page and "Don't tell them" in page and "Hanna:" in page
        client.post(stop)
    message.refresh_from_db()
    assert message.status == MessageStatus.CANCELLED
    event = Event.objects.get(application=application, kind=EventKind.MENTIONS_CANCELLED)
    assert (event.actor, event.data["count"]) == (rita, 1)
    with time_machine.travel(NOON + timedelta(hours=1), tick=False):
        run_until_idle()
    message.refresh_from_db()
    assert message.status == MessageStatus.CANCELLED  # never sent


def test_a_mention_nobody_stops_goes_out_after_the_delay_and_others_cannot_stop_it(
    client: Any, rita: Any, hanna: Any, application: Any
) -> None:
    client.force_login(rita)
    with time_machine.travel(NOON, tick=False):
        note(client, application, "@hanna titta")
    note_pk = Note.objects.get().pk
    stop = reverse("application_mentions_cancel", args=[application.pk, note_pk])
    client.force_login(hanna)
    with time_machine.travel(NOON + timedelta(minutes=1), tick=False):
        page = client.get(reverse("application_detail", args=[application.pk])).content.decode()
        assert stop not in page  # only the author sees the button
        client.post(stop)  # and posting it anyway stops nothing
    message = Message.objects.get(kind="mention")
    assert message.status == MessageStatus.SCHEDULED
    assert not Event.objects.filter(kind=EventKind.MENTIONS_CANCELLED).exists()
    delay = Organisation.get().stage_email_delay_minutes
    with time_machine.travel(NOON + timedelta(minutes=delay, seconds=1), tick=False):
        run_until_idle()
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT
