"""How long portal links and sessions last, on both sides of each limit:
every link works for 90 days whatever newer links were sent, an expired one
stops at its moment, and a session ends after a day without activity."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from rekryt.applications.actions import queue_email
from rekryt.candidates.portal_session import CANDIDATE_KEY, IDLE_SECONDS
from rekryt.portal.models import PortalToken
from rekryt.portal.tests.conftest import link_for
from rekryt.portal.tokens import LIFETIME, hash_token

pytestmark = pytest.mark.django_db


def opens(link: str) -> bool:
    """Whether the link signs a fresh browser in to the portal."""
    browser = Client()
    response = browser.post(link)
    if response.status_code != 302:
        assert response.status_code == 404
        return False
    assert response["Location"] == "/portal/"
    return browser.get("/portal/").status_code == 200


def emailed_link(application, key: str) -> str:
    body = queue_email(application, "portal_link", key=key).body_text
    return "/portal/t/" + body.split("/portal/t/")[1].split("/")[0] + "/"


def test_a_new_link_leaves_every_earlier_link_working(application):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        first = link_for(application)
    with time_machine.travel(start + timedelta(days=30), tick=False):
        second = emailed_link(application, "second")
    with time_machine.travel(start + timedelta(days=60), tick=False):
        third = emailed_link(application, "third")
        assert len({first, second, third}) == 3
        assert opens(first) and opens(second) and opens(third)
        assert opens(first)  # using a link does not use it up


def test_a_link_works_until_its_90th_day_and_not_a_moment_longer(application):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        link = link_for(application)
    with time_machine.travel(start + LIFETIME - timedelta(seconds=1), tick=False):
        assert opens(link)
    with time_machine.travel(start + LIFETIME, tick=False):
        assert not opens(link)
        assert Client().get(link).status_code == 404


def test_a_new_link_clears_out_only_the_expired_ones(application):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        old = link_for(application)
    with time_machine.travel(start + timedelta(days=30), tick=False):
        recent = link_for(application)
    with time_machine.travel(start + LIFETIME + timedelta(days=1), tick=False):
        fresh = link_for(application)
        stored = set(PortalToken.objects.values_list("token_hash", flat=True))
        assert hash_token(old.split("/")[3]) not in stored
        assert not opens(old)
        assert opens(recent) and opens(fresh)


def test_a_portal_session_ends_after_a_day_without_activity(client, application):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.post(link_for(application))
    with time_machine.travel(start + timedelta(seconds=IDLE_SECONDS - 1), tick=False):
        assert client.get("/portal/").status_code == 200
    quiet = start + timedelta(seconds=IDLE_SECONDS - 1)
    with time_machine.travel(quiet + timedelta(seconds=IDLE_SECONDS + 1), tick=False):
        response = client.get("/portal/")
    assert response["Location"] == "/portal/new-link/"


def test_activity_keeps_the_portal_session_alive(client, application):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.post(link_for(application))
    for hours in (23, 46, 69):  # each visit restarts the day
        with time_machine.travel(start + timedelta(hours=hours), tick=False):
            assert client.get("/portal/").status_code == 200
            assert client.session[CANDIDATE_KEY] == application.candidate_id
