"""Publishing and closing a job from its edit page (POST buttons)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import make_job
from rekryt.jobs.actions import close_job
from rekryt.jobs.models import JobStatus

# Declared so pytest-django runs these with the other database tests (before the
# transactional ones that flush the rows data migrations seed).
pytestmark = pytest.mark.django_db


def messages_of(response: Any) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_it_publishes_a_draft(client: Any, rita: Any, org: Any) -> None:
    draft = make_job(recruiter=rita, publish=False)
    client.force_login(rita)

    response = client.post(reverse("job_publish", args=[draft.pk]), follow=True)

    draft.refresh_from_db()
    assert draft.status == JobStatus.PUBLISHED
    assert draft.published_at is not None
    assert response.redirect_chain[-1][0] == reverse("job_edit", args=[draft.pk])
    assert any("Published" in m for m in messages_of(response))


def test_it_closes_a_published_job(client: Any, alice: Any, job: Any) -> None:
    client.force_login(alice)

    client.post(reverse("job_close", args=[job.pk]))

    job.refresh_from_db()
    assert job.status == JobStatus.CLOSED
    assert job.closed_at is not None


def test_it_republishes_a_closed_job_with_its_first_date(client: Any, rita: Any, job: Any) -> None:
    first_published = job.published_at
    close_job(job)
    client.force_login(rita)

    client.post(reverse("job_publish", args=[job.pk]))

    job.refresh_from_db()
    assert job.status == JobStatus.PUBLISHED
    assert job.published_at == first_published
    assert job.closed_at is None


def test_it_refuses_to_close_a_draft(client: Any, rita: Any, org: Any) -> None:
    draft = make_job(recruiter=rita, publish=False)
    client.force_login(rita)

    response = client.post(reverse("job_close", args=[draft.pk]), follow=True)

    draft.refresh_from_db()
    assert draft.status == JobStatus.DRAFT
    assert messages_of(response) == ["Only a published job can be closed."]


def test_it_says_so_when_publishing_twice(client: Any, rita: Any, job: Any) -> None:
    client.force_login(rita)

    response = client.post(reverse("job_publish", args=[job.pk]), follow=True)

    assert messages_of(response) == ["This job is already published."]


def test_it_refuses_to_publish_with_a_deadline_in_the_past(
    client: Any, rita: Any, org: Any
) -> None:
    draft = make_job(
        recruiter=rita, publish=False, deadline=timezone.localdate() - timedelta(days=1)
    )
    client.force_login(rita)

    response = client.post(reverse("job_publish", args=[draft.pk]), follow=True)

    draft.refresh_from_db()
    assert draft.status == JobStatus.DRAFT
    assert "The deadline has passed" in messages_of(response)[0]


def test_it_publishes_with_a_deadline_today(client: Any, rita: Any, org: Any) -> None:
    draft = make_job(recruiter=rita, publish=False, deadline=timezone.localdate())
    client.force_login(rita)

    client.post(reverse("job_publish", args=[draft.pk]))

    draft.refresh_from_db()
    assert draft.status == JobStatus.PUBLISHED


def test_it_shows_the_right_button_with_a_confirmation(client: Any, rita: Any, job: Any) -> None:
    client.force_login(rita)
    draft = make_job(recruiter=rita, publish=False)

    published_page = client.get(reverse("job_edit", args=[job.pk])).content.decode()
    draft_page = client.get(reverse("job_edit", args=[draft.pk])).content.decode()

    assert reverse("job_close", args=[job.pk]) in published_page
    assert reverse("job_publish", args=[job.pk]) not in published_page
    assert reverse("job_publish", args=[draft.pk]) in draft_page
    # Asked on the page itself, without JavaScript or a browser dialog.
    assert 'class="inline-confirm"' in published_page and 'class="inline-confirm"' in draft_page
    assert "data-confirm=" not in published_page + draft_page
