"""The waiting view on both sides of each edge of the promise: five working
days to a first response, fourteen days of silence, two days counting as
"soon", the deadline day itself not overdue, and local midnight (the
database filter and the Python rules must agree to the minute)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from conftest import make_application
from rekryt.messaging.models import TemplateKind
from rekryt.promises.tests.conftest import contact

STOCKHOLM = ZoneInfo("Europe/Stockholm")
WAITING = "/staff/waiting/"
# Tuesday 24 November 2026: "soon" reaches Thursday 26 November.
NOW = datetime(2026, 11, 24, 10, tzinfo=STOCKHOLM)


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(NOW, tick=False):
        yield


def local(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=STOCKHOLM)


def applied(job, moment: datetime):
    with time_machine.travel(moment, tick=False):
        return make_application(job)


def standings(client) -> dict[int, tuple[str, int]]:
    rows = client.get(WAITING).context["rows"]
    return {a.pk: (item.standing.state, item.standing.days_left) for item, a in rows}


def test_first_response_edges_of_five_working_days(client, rita, job):
    # 19 Nov + 5 working days = 26 Nov (2 days left); 20 Nov (a Friday) + 5 = 27 Nov.
    last_minute_in = applied(job, local(2026, 11, 19, 23, 59))
    first_minute_out = applied(job, local(2026, 11, 20, 0, 0, 30))
    due_today = applied(job, local(2026, 11, 17, 9))  # due 24 Nov
    due_yesterday = applied(job, local(2026, 11, 16, 9))  # due 23 Nov
    client.force_login(rita)

    found = standings(client)

    assert found[last_minute_in.pk] == ("soon", 2)
    assert first_minute_out.pk not in found
    assert found[due_today.pk] == ("soon", 0)  # met on its own day
    assert found[due_yesterday.pk] == ("overdue", -1)


def replied(job, last_contact: datetime):
    """An application with a personal reply: only the silence rule applies."""
    application = applied(job, local(2026, 10, 1, 9))
    contact(application, TemplateKind.INTERVIEW_INVITATION, last_contact)
    return application


def test_silence_edges_of_fourteen_days(client, rita, job):
    last_minute_in = replied(job, local(2026, 11, 12, 23, 59))  # due 26 Nov
    first_minute_out = replied(job, local(2026, 11, 13, 0, 0, 30))  # due 27 Nov
    due_today = replied(job, local(2026, 11, 10, 9))
    due_yesterday = replied(job, local(2026, 11, 9, 9))
    client.force_login(rita)

    found = standings(client)

    assert found[last_minute_in.pk] == ("soon", 2)
    assert first_minute_out.pk not in found
    assert found[due_today.pk] == ("soon", 0)
    assert found[due_yesterday.pk] == ("overdue", -1)


def test_the_page_words_the_edges(client, rita, job):
    replied(job, local(2026, 11, 12, 12))
    replied(job, local(2026, 11, 9, 12))
    client.force_login(rita)
    page = client.get(WAITING).content.decode()
    assert "2 days left" in page
    assert "1 day overdue" in page
