"""Bulk reject from the board: select, one reason, preview, confirm, progress."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import make_application
from rekryt.applications.duties import ProcessBulkRejections
from rekryt.applications.models import BulkRejection, Outcome, RejectionReason
from rekryt.applications.rejections import INLINE_LIMIT, start_bulk_rejection
from rekryt.messaging.models import Message
from rekryt.ops.duties import run_until_idle


@pytest.fixture(autouse=True)
def english(client, settings):
    settings.LANGUAGE_CODE = "en"
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


@pytest.fixture
def reason(db):
    return RejectionReason.objects.get(name_en="Other candidates matched the requirements better")


def bulk_url(job):
    return reverse("bulk_reject", args=[job.pk])


def test_the_board_has_a_checkbox_per_card_in_the_bulk_form(client, rita, job):
    application = make_application(job)
    client.force_login(rita)
    page = client.get(reverse("board", args=[job.pk])).content.decode()
    assert '<form id="bulk-reject"' in page
    assert f'id="select-{application.pk}" name="applications" value="{application.pk}"' in page
    assert f'<label for="select-{application.pk}"' in page


def test_the_board_keeps_its_query_count_with_selection(client, rita, job):
    for _ in range(3):
        make_application(job)
    client.force_login(rita)
    client.get(reverse("board", args=[job.pk]))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("board", args=[job.pk]))
    for _ in range(30):
        make_application(job)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("board", args=[job.pk]))
    assert len(few) == len(many) <= 10


def test_it_shows_the_form_for_the_selection_then_previews(client, rita, job, reason):
    chosen = [make_application(job) for _ in range(3)]
    client.force_login(rita)
    ids = [a.pk for a in chosen]
    page = client.post(bulk_url(job), {"applications": ids}).content.decode()
    assert "Reject 3 applications" in page
    assert chosen[0].candidate.full_name in page
    response = client.post(
        bulk_url(job), {"applications": ids, "reason": reason.pk, "preview": "1"}
    )
    assert "The email the candidate will get" in response.content.decode()
    assert not Message.objects.filter(idempotency_key__startswith="reject:").exists()


def test_it_rejects_a_small_selection_at_once(client, rita, job, reason):
    chosen = [make_application(job) for _ in range(3)]
    keep = make_application(job)
    client.force_login(rita)
    response = client.post(
        bulk_url(job),
        {"applications": [a.pk for a in chosen], "reason": reason.pk, "confirm": "1"},
    )
    bulk = BulkRejection.objects.get()
    assert response["Location"] == reverse("bulk_rejection", args=[bulk.pk])
    assert bulk.is_finished and bulk.done == bulk.rejected == 3
    for application in chosen:
        application.refresh_from_db()
        assert application.outcome == Outcome.REJECTED
    keep.refresh_from_db()
    assert keep.is_active
    assert Message.objects.filter(idempotency_key__startswith="reject:").count() == 3


def test_it_ignores_applications_of_other_jobs(client, rita, job, other_job, reason):
    mine = make_application(job)
    foreign = make_application(other_job)
    client.force_login(rita)
    client.post(
        bulk_url(job),
        {"applications": [mine.pk, foreign.pk], "reason": reason.pk, "confirm": "1"},
    )
    foreign.refresh_from_db()
    assert foreign.is_active
    assert BulkRejection.objects.get().total == 1


def test_it_leaves_a_large_selection_to_the_worker_with_progress(client, rita, job, reason):
    chosen = [make_application(job) for _ in range(INLINE_LIMIT + 10)]
    bulk = start_bulk_rejection(job, [a.pk for a in chosen], reason, rita)
    assert bulk.done == 0
    client.force_login(rita)
    page = client.get(reverse("bulk_rejection", args=[bulk.pk])).content.decode()
    assert '<meta http-equiv="refresh" content="2">' in page
    assert f"0 of {INLINE_LIMIT + 10} handled" in page
    assert ProcessBulkRejections().handle_one()
    bulk.refresh_from_db()
    assert 0 < bulk.done < bulk.total
    run_until_idle()
    bulk.refresh_from_db()
    assert bulk.is_finished and bulk.rejected == INLINE_LIMIT + 10
    page = client.get(reverse("bulk_rejection", args=[bulk.pk])).content.decode()
    assert "http-equiv" not in page
    assert f"{INLINE_LIMIT + 10} of {INLINE_LIMIT + 10} handled" in page


def test_it_skips_applications_that_ended_meanwhile(rita, job, reason):
    chosen = [make_application(job) for _ in range(INLINE_LIMIT + 1)]
    bulk = start_bulk_rejection(job, [a.pk for a in chosen], reason, rita)
    start_bulk_rejection(job, [chosen[0].pk], reason, rita)
    run_until_idle()
    bulk.refresh_from_db()
    assert bulk.rejected == INLINE_LIMIT
    assert Message.objects.filter(idempotency_key__startswith="reject:").count() == INLINE_LIMIT + 1


def test_the_result_mentions_ended_ones_only_when_there_were_some(client, rita, job, reason):
    chosen = [make_application(job) for _ in range(3)]
    client.force_login(rita)
    everyone = start_bulk_rejection(job, [a.pk for a in chosen[:2]], reason, rita)
    page = client.get(reverse("bulk_rejection", args=[everyone.pk])).content.decode()
    assert "2 applications were rejected." in page
    assert "already ended" not in page
    again = start_bulk_rejection(job, [a.pk for a in chosen], reason, rita)
    page = client.get(reverse("bulk_rejection", args=[again.pk])).content.decode()
    assert "1 application was rejected." in page
    assert "2 had already ended and were left as they were." in page


def test_it_says_so_when_nothing_is_selected(client, rita, job):
    application = make_application(job)
    client.force_login(rita)
    response = client.post(bulk_url(job), {}, follow=True)
    assert response.redirect_chain == [(reverse("board", args=[job.pk]), 302)]
    assert "Select at least one card to reject." in response.content.decode()
    assert not BulkRejection.objects.exists()
    application.refresh_from_db()
    assert application.outcome == Outcome.ACTIVE


@pytest.mark.parametrize("persona", ["ivan", "otto"])
def test_outsiders_get_404(client, request, job, reason, persona):
    application = make_application(job)
    bulk = start_bulk_rejection(job, [application.pk], reason, None)
    client.force_login(request.getfixturevalue(persona))
    assert client.post(bulk_url(job), {"applications": [application.pk]}).status_code == 404
    assert client.get(reverse("bulk_rejection", args=[bulk.pk])).status_code == 404


def test_anonymous_users_go_to_login(client, job):
    response = client.post(bulk_url(job), {})
    assert response.status_code == 302 and "login" in response["Location"]


def test_malformed_and_out_of_range_ids_in_the_selection_are_ignored(client, rita, job, reason):
    chosen = make_application(job)
    client.force_login(rita)
    hostile = ["²", "99999999999999999999", "-1", "1e3", "", str(chosen.pk)]
    page = client.post(bulk_url(job), {"applications": hostile})
    assert page.status_code == 200
    assert "Reject 1 application" in page.content.decode()
