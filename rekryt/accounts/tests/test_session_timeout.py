"""Staff sessions end after SESSION_IDLE_MINUTES without a request and after
SESSION_MAX_HOURS in any case; the candidate portal keeps its own rules."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import time_machine
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from rekryt.accounts.models import User


def _login(client: Any) -> None:
    assert (
        client.post(reverse("login"), {"login": "rita", "password": "pw-rita"}).status_code == 302
    )


def test_idle_session_is_logged_out(client: Any, rita: User) -> None:
    assert settings.SESSION_IDLE_MINUTES == 60
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        _login(client)
        assert client.get(reverse("dashboard")).status_code == 200
        traveller.shift(timedelta(minutes=59))
        assert client.get(reverse("dashboard")).status_code == 200
        traveller.shift(timedelta(minutes=59))  # active: the clock restarted
        assert client.get(reverse("dashboard")).status_code == 200
        traveller.shift(timedelta(minutes=61))
        response = client.get(reverse("dashboard"))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login") + "?next=")
        assert "_auth_user_id" not in client.session
        page = client.get(response["Location"])
        assert "logged out to keep your account safe" in page.content.decode()


def test_session_ends_after_the_absolute_maximum(client: Any, rita: User) -> None:
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        _login(client)
        for _ in range(settings.SESSION_MAX_HOURS * 2):
            traveller.shift(timedelta(minutes=30))
            response = client.get(reverse("dashboard"))
        assert response.status_code == 200  # exactly the maximum: still in
        traveller.shift(timedelta(minutes=30))
        assert client.get(reverse("dashboard")).status_code == 302
        assert "_auth_user_id" not in client.session


def test_force_login_sessions_get_the_same_rules(client: Any, rita: User) -> None:
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        client.force_login(rita)
        assert client.get(reverse("dashboard")).status_code == 200
        traveller.shift(timedelta(minutes=61))
        assert client.get(reverse("dashboard")).status_code == 302


def test_candidate_portal_session_is_not_touched(client: Any, db: Any) -> None:
    from rekryt.candidates import portal_session
    from rekryt.candidates.models import Candidate

    candidate = Candidate.objects.create(email="c@example.org", first_name="C", last_name="D")
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        session = client.session
        session[portal_session.CANDIDATE_KEY] = candidate.pk
        session[portal_session.SEEN_KEY] = int(timezone.now().timestamp())
        session.save()
        traveller.shift(timedelta(hours=3))  # past the staff idle limit
        client.get("/")
        assert client.session.get(portal_session.CANDIDATE_KEY) == candidate.pk
