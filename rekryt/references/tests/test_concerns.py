"""Signals for the recruiter: the candidate's own address or domain, near-
identical wording across referees, answers in seconds. Notes, never
decisions: nothing changes the application's status."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone, translation

from rekryt.references.concerns import concerns_for
from rekryt.references.panels import candidate_addresses, referees_of
from rekryt.references.tests.helpers import answer_url, full_answers, referee, requested

pytestmark = pytest.mark.django_db


def texts(application):
    with translation.override("en"):
        found = concerns_for(referees_of(application), candidate_addresses(application))
    return [c.text for c in found]


def test_the_candidates_own_address_is_flagged(application):
    referee(application, 1, email=application.email)
    assert texts(application) == ["The referee's address is the candidate's own."]


def test_the_candidates_own_domain_is_flagged_but_not_webmail(job):
    from conftest import make_application

    own = make_application(job, email="sara@lindqvistbygg.se")
    referee(own, 1, email="chef@lindqvistbygg.se")
    assert texts(own) == ["The referee's address is on the candidate's own email domain."]
    webmail = make_application(job, email="sara.l@gmail.com")
    referee(webmail, 1, email="chefen@gmail.com")
    assert texts(webmail) == []


def test_near_identical_wording_is_flagged_on_both(client, application, rita):
    (first, raw1), (second, raw2) = requested(application, rita)
    text = "Sara är en mycket pålitlig och noggrann medarbetare som alltid levererar i tid."
    client.post(answer_url(raw1), {**full_answers(first, text), "send": "1"})
    client.post(answer_url(raw2), {**full_answers(second, text + "!"), "send": "1"})
    found = texts(application)
    assert "Wording almost the same as Referent 2's answers." in found
    assert "Wording almost the same as Referent 1's answers." in found


def test_different_wording_is_not_flagged(client, application, rita):
    (first, raw1), (second, raw2) = requested(application, rita)
    client.post(answer_url(raw1), {**full_answers(first), "send": "1"})
    client.post(answer_url(raw2), {**full_answers(second), "send": "1"})
    assert not any("Wording" in t for t in texts(application))


def test_answers_in_seconds_are_flagged_and_considered_ones_are_not(client, application, rita):
    (first, raw1), (second, raw2) = requested(application, rita)
    stamp1 = client.get(answer_url(raw1)).context["form"].initial["shown"]
    stamp2 = client.get(answer_url(raw2)).context["form"].initial["shown"]
    with time_machine.travel(timezone.now() + timedelta(seconds=20)):
        client.post(answer_url(raw1), {**full_answers(first), "shown": stamp1, "send": "1"})
    with time_machine.travel(timezone.now() + timedelta(minutes=12)):
        client.post(answer_url(raw2), {**full_answers(second), "shown": stamp2, "send": "1"})
    fast = [t for t in texts(application) if "seconds after opening" in t]
    assert len(fast) == 1 and fast[0].startswith("Answered 2")


def test_signals_show_on_the_application_page_and_decide_nothing(client, application, rita):
    referee(application, 1, email=application.email)
    stage = application.stage
    client.force_login(rita)
    page = client.get(f"/staff/applications/{application.pk}/", HTTP_ACCEPT_LANGUAGE="en")
    assert "The referee&#x27;s address is the candidate&#x27;s own." in page.text
    application.refresh_from_db()
    assert application.stage == stage and application.is_active
