"""Moving, ending, reopening and noting through the staff pages."""

from __future__ import annotations

import pytest
from django.urls import reverse

from conftest import make_application
from rekryt.applications.actions import set_outcome
from rekryt.applications.models import Event, Note, Outcome, ReasonKind, RejectionReason
from rekryt.jobs.models import stages_for


@pytest.fixture(autouse=True)
def english(client, settings):
    settings.LANGUAGE_CODE = "en"
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


@pytest.fixture
def app(job):
    return make_application(job, first_name="Maja", last_name="Berg")


def move_url(application):
    return reverse("application_move", args=[application.pk])


def moves(application):
    return Event.objects.filter(application=application, kind="stage_moved")


def declined():
    return RejectionReason.objects.filter(kind=ReasonKind.DECLINED, active=True).first()


def withdrew():
    return RejectionReason.objects.filter(kind=ReasonKind.WITHDREW, active=True).first()


# --- Move ---------------------------------------------------------------------


def test_it_moves_with_a_plain_post_and_records_from_and_to(client, rita, app):
    first, second = list(stages_for(app.job))[:2]
    client.force_login(rita)
    board = reverse("board", args=[app.job_id])
    response = client.post(move_url(app), {"stage": second.pk, "next": board})
    assert response.status_code == 302
    assert response["Location"] == board
    app.refresh_from_db()
    assert app.stage == second
    event = moves(app).get()
    assert event.actor == rita
    assert event.data["from_stage"] == first.pk
    assert event.data["from_name"] == first.name
    assert event.data["to_stage"] == second.pk
    assert event.data["to_name"] == second.name


def test_it_goes_back_to_a_local_next_only(client, rita, app):
    second = list(stages_for(app.job))[1]
    client.force_login(rita)
    response = client.post(move_url(app), {"stage": second.pk, "next": "https://evil.example/"})
    assert response["Location"] == reverse("board", args=[app.job_id])


def test_it_answers_a_drag_and_drop_with_json_and_new_counts(client, rita, app):
    make_application(app.job)
    second = list(stages_for(app.job))[1]
    client.force_login(rita)
    response = client.post(
        move_url(app), {"stage": second.pk}, headers={"Accept": "application/json"}
    )
    assert response.status_code == 200
    data = response.json()
    assert data["ok"] is True
    assert data["counts"] == {str(app.job.first_stage().pk): 1, str(second.pk): 1}
    assert "Maja Berg" in data["message"]
    assert data["days_text"] == "0 days in stage"
    assert moves(app).count() == 1


def test_it_answers_an_htmx_move_with_the_board_and_a_status(client, rita, app):
    second = list(stages_for(app.job))[1]
    client.force_login(rita)
    response = client.post(move_url(app), {"stage": second.pk}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    body = response.content.decode()
    assert body.startswith('<div id="board"')
    assert 'id="board-status" hx-swap-oob="innerHTML"' in body
    assert "Maja Berg moved to" in body
    assert response.context["board"].columns[1].cards[0].pk == app.pk


def test_it_refuses_a_stage_of_another_job(client, rita, app, other_job):
    foreign = list(stages_for(other_job))[1]
    client.force_login(rita)
    response = client.post(
        move_url(app), {"stage": foreign.pk}, headers={"Accept": "application/json"}
    )
    assert response.status_code == 400
    assert response.json()["ok"] is False
    plain = client.post(move_url(app), {"stage": foreign.pk})
    assert plain.status_code == 302
    app.refresh_from_db()
    assert app.stage == app.job.first_stage()
    assert not moves(app).exists()


def test_it_refuses_a_move_to_the_current_stage(client, rita, app):
    client.force_login(rita)
    response = client.post(
        move_url(app), {"stage": app.stage_id}, headers={"Accept": "application/json"}
    )
    assert response.status_code == 400
    assert "already in that stage" in response.json()["message"]
    assert not moves(app).exists()


def test_it_refuses_to_move_an_ended_application(client, rita, app):
    set_outcome(app, Outcome.HIRED, rita)
    second = list(stages_for(app.job))[1]
    client.force_login(rita)
    response = client.post(move_url(app), {"stage": second.pk}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "Reopen the application before moving it." in response.content.decode()
    assert not moves(app).exists()


def test_a_refused_move_tells_the_user_after_the_redirect(client, rita, app):
    client.force_login(rita)
    response = client.post(move_url(app), {"stage": "nonsense"}, follow=True)
    assert "Choose a stage of this job." in response.content.decode()


# --- Outcome ------------------------------------------------------------------


def outcome_url(application):
    return reverse("application_outcome", args=[application.pk])


def test_it_rejects_with_a_reason(client, hanna, app):
    reason = declined()
    client.force_login(hanna)
    response = client.post(outcome_url(app), {"outcome": "rejected", "reason": reason.pk})
    assert response.status_code == 302
    app.refresh_from_db()
    assert app.outcome == Outcome.REJECTED
    assert app.rejection_reason == reason
    assert app.ended_stage == app.stage
    event = Event.objects.get(application=app, kind="outcome_set")
    assert event.actor == hanna
    assert event.data["reason"] == reason.pk


def test_it_records_a_withdrawal_with_a_withdrawal_reason(client, rita, app):
    client.force_login(rita)
    client.post(outcome_url(app), {"outcome": "withdrawn", "reason": withdrew().pk})
    app.refresh_from_db()
    assert app.outcome == Outcome.WITHDRAWN


@pytest.mark.parametrize("outcome", ["rejected", "withdrawn"])
def test_it_needs_a_reason_to_reject_or_withdraw(client, rita, app, outcome):
    client.force_login(rita)
    response = client.post(outcome_url(app), {"outcome": outcome, "reason": ""})
    assert response.status_code == 400
    body = response.content.decode()
    assert 'id="id_reason_error"' in body
    assert 'aria-describedby="id_reason_help id_reason_error"' in body
    assert "Choose a reason." in body
    app.refresh_from_db()
    assert app.outcome == Outcome.ACTIVE


def test_it_refuses_a_reason_of_the_wrong_kind(client, rita, app):
    client.force_login(rita)
    response = client.post(outcome_url(app), {"outcome": "rejected", "reason": withdrew().pk})
    assert response.status_code == 400
    app.refresh_from_db()
    assert app.outcome == Outcome.ACTIVE


def test_it_refuses_an_inactive_reason(client, rita, app):
    reason = declined()
    reason.active = False
    reason.save()
    client.force_login(rita)
    response = client.post(outcome_url(app), {"outcome": "rejected", "reason": reason.pk})
    assert response.status_code == 400
    app.refresh_from_db()
    assert app.outcome == Outcome.ACTIVE
    assert app.rejection_reason is None


def test_it_hires_without_a_reason_and_ignores_one_given(client, rita, app):
    client.force_login(rita)
    client.post(outcome_url(app), {"outcome": "hired", "reason": declined().pk})
    app.refresh_from_db()
    assert app.outcome == Outcome.HIRED
    assert app.rejection_reason is None


def test_it_refuses_an_unknown_outcome(client, rita, app):
    client.force_login(rita)
    assert client.post(outcome_url(app), {"outcome": "active"}).status_code == 400
    app.refresh_from_db()
    assert app.outcome == Outcome.ACTIVE


def test_it_does_not_end_an_application_twice(client, rita, app):
    set_outcome(app, Outcome.HIRED, rita)
    client.force_login(rita)
    response = client.post(outcome_url(app), {"outcome": "rejected", "reason": declined().pk})
    assert response.status_code == 302
    app.refresh_from_db()
    assert app.outcome == Outcome.HIRED
    assert Event.objects.filter(application=app, kind="outcome_set").count() == 1


def test_the_reason_list_is_in_the_users_language(client, rita, app):
    reason = declined()
    client.force_login(rita)
    client.cookies["django_language"] = "sv"
    body = client.get(reverse("application_detail", args=[app.pk])).content.decode()
    assert reason.name_sv in body
    assert reason.name_en not in body


# --- Reopen -------------------------------------------------------------------


def test_it_reopens_an_ended_application_in_its_last_stage(client, rita, app):
    second = list(stages_for(app.job))[1]
    client.force_login(rita)
    client.post(move_url(app), {"stage": second.pk})
    set_outcome(app, Outcome.REJECTED, rita, declined())
    response = client.post(reverse("application_reopen", args=[app.pk]))
    assert response.status_code == 302
    app.refresh_from_db()
    assert app.outcome == Outcome.ACTIVE
    assert app.stage == second
    assert app.rejection_reason is None
    event = Event.objects.get(application=app, kind="reopened")
    assert event.data["previous_outcome"] == "rejected"


def test_reopening_an_active_application_changes_nothing(client, rita, app):
    client.force_login(rita)
    client.post(reverse("application_reopen", args=[app.pk]))
    assert not Event.objects.filter(application=app, kind="reopened").exists()


# --- Notes --------------------------------------------------------------------


def test_it_adds_a_note_with_its_author(client, hanna, app):
    client.force_login(hanna)
    url = reverse("application_note", args=[app.pk])
    response = client.post(url, {"body": "Great <b>answers</b>."})
    assert response.status_code == 302
    note = Note.objects.get(application=app)
    assert note.author == hanna
    assert note.body == "Great <b>answers</b>."
    assert Event.objects.filter(application=app, kind="note_added", actor=hanna).exists()
    page = client.get(response["Location"]).content.decode()
    assert "Great &lt;b&gt;answers&lt;/b&gt;." in page


def test_it_refuses_an_empty_note_beside_the_field(client, hanna, app):
    client.force_login(hanna)
    response = client.post(reverse("application_note", args=[app.pk]), {"body": "  "})
    assert response.status_code == 400
    assert 'id="id_body_error"' in response.content.decode()
    assert not Note.objects.exists()
