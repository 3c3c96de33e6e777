"""The referee saves and comes back, sends (every question answered), or
declines; the timeline records it and the application moves on by itself
when the stage says so."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from rekryt.applications.models import Event, EventKind
from rekryt.jobs.models import stages_for
from rekryt.references.models import StageRule, Status
from rekryt.references.tests.helpers import answer_url, full_answers, requested

pytestmark = pytest.mark.django_db


def test_the_questionnaire_rates_the_scorecard_and_asks_the_templates_questions(
    client, application, rita
):
    [(request, raw)] = requested(application, rita, count=1)
    kinds = list(request.items.values_list("kind", "attribute__name_en"))
    assert ("likert", "Problem solving") in kinds
    assert ("text", None) in kinds
    page = client.get(answer_url(raw))
    assert "Problemlösning" in page.text  # the referee's language, Swedish
    assert "Så hanterar vi dina svar" in page.text  # the referees' privacy notice


def test_saving_keeps_partial_answers_for_later(client, application, rita):
    [(request, raw)] = requested(application, rita, count=1)
    item = request.items.filter(kind="text").first()
    response = client.post(answer_url(raw), {f"item_{item.pk}": "Halvfärdigt", "save": "1"})
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == Status.STARTED
    assert "Halvfärdigt" in client.get(answer_url(raw)).text


def test_sending_with_questions_left_keeps_what_was_typed(client, application, rita):
    [(request, raw)] = requested(application, rita, count=1)
    item = request.items.filter(kind="text").first()
    response = client.post(answer_url(raw), {f"item_{item.pk}": "Mitt svar", "send": "1"})
    assert response.status_code == 400
    assert "Mitt svar" in response.text
    assert "error-summary" in response.text
    request.refresh_from_db()
    assert request.status == Status.SENT


def test_sending_answers_and_records_the_event(client, application, rita):
    [(request, raw)] = requested(application, rita, count=1)
    client.post(answer_url(raw), {**full_answers(request), "send": "1"})
    request.refresh_from_db()
    assert request.status == Status.ANSWERED and request.answered_at
    assert Event.objects.filter(application=application, kind=EventKind.REFERENCE_ANSWERED)


def test_declining_clears_saved_answers(client, application, rita):
    [(request, raw)] = requested(application, rita, count=1)
    item = request.items.filter(kind="text").first()
    client.post(answer_url(raw), {f"item_{item.pk}": "Utkast", "save": "1"})
    response = client.post(f"{answer_url(raw)}decline/", {"reason": "Känner hen för lite"})
    assert response.status_code == 200
    request.refresh_from_db()
    item.refresh_from_db()
    assert request.status == Status.DECLINED and item.text == ""
    assert Event.objects.filter(application=application, kind=EventKind.REFERENCE_DECLINED)


def test_the_application_moves_on_when_all_references_are_in(client, application, rita):
    stages = list(stages_for(application.job))
    application.stage = stages[1]
    application.save()
    StageRule.objects.create(stage=stages[1], referees_required=2, advance_when_complete=True)
    (first, raw1), (second, raw2) = requested(application, rita)
    client.post(answer_url(raw1), {**full_answers(first), "send": "1"})
    application.refresh_from_db()
    assert application.stage == stages[1]
    client.post(answer_url(raw2), {**full_answers(second), "send": "1"})
    application.refresh_from_db()
    assert application.stage == stages[2]
    assert Event.objects.filter(application=application, kind=EventKind.REFERENCES_COMPLETE)


def test_without_the_setting_it_stays_but_records_completion(client, application, rita):
    stage = application.stage
    StageRule.objects.create(stage=stage, referees_required=1)
    [(request, raw)] = requested(application, rita, count=1)
    client.post(answer_url(raw), {**full_answers(request), "send": "1"})
    application.refresh_from_db()
    assert application.stage == stage
    assert Event.objects.filter(application=application, kind=EventKind.REFERENCES_COMPLETE)


def test_the_signed_shown_time_is_kept_and_a_forged_one_ignored(client, application, rita):
    (first, raw1), (second, raw2) = requested(application, rita)
    page = client.get(answer_url(raw1))
    stamp = page.context["form"].initial["shown"]
    with time_machine.travel(timezone.now() + timedelta(minutes=10)):
        client.post(answer_url(raw1), {**full_answers(first), "shown": stamp, "send": "1"})
        client.post(answer_url(raw2), {**full_answers(second), "shown": "forged", "send": "1"})
    first.refresh_from_db()
    second.refresh_from_db()
    assert 590 < first.answer_seconds < 700
    assert second.shown_at is None
