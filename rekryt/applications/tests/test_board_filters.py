"""The board filtered by source, tag, days in stage, unread replies and a
text search, combined and kept in the URL; sorted by days in stage or date
applied; the application page walks the same list with previous and next.
Malformed parameters never make a 500."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from conftest import make_application
from rekryt.candidates.tags import add_tag
from rekryt.conversations.models import Reply

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client: Any) -> None:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def shown(client: Any, job: Any, query: str = "") -> list[int]:
    response = client.get(reverse("board", args=[job.pk]) + query)
    assert response.status_code == 200
    return [card.pk for column in response.context["board"].columns for card in column.cards]


@pytest.fixture
def people(job: Any) -> dict[str, Any]:
    with time_machine.travel(timezone.now() - timedelta(days=10)):
        anna = make_application(job, first_name="Anna", last_name="Lind", source="linkedin")
    with time_machine.travel(timezone.now() - timedelta(days=2)):
        bo = make_application(job, first_name="Bo", last_name="Ek", source="linkedin")
    cia = make_application(job, first_name="Cia", last_name="Berg", source="indeed")
    return {"anna": anna, "bo": bo, "cia": cia}


def test_each_filter_narrows_and_they_combine(
    client: Any, rita: Any, job: Any, people: Any
) -> None:
    anna, bo, cia = people["anna"], people["bo"], people["cia"]
    client.force_login(rita)
    assert set(shown(client, job)) == {anna.pk, bo.pk, cia.pk}
    assert set(shown(client, job, "?source=linkedin")) == {anna.pk, bo.pk}
    assert set(shown(client, job, "?days=5")) == {anna.pk}
    assert set(shown(client, job, "?source=linkedin&days=1")) == {anna.pk, bo.pk}
    assert set(shown(client, job, "?q=berg")) == {cia.pk}
    tag = add_tag(cia.candidate, "Java", rita)
    add_tag(anna.candidate, "Java", rita)
    assert set(shown(client, job, f"?tag={tag.pk}")) == {anna.pk, cia.pk}
    assert set(shown(client, job, f"?tag={tag.pk}&source=indeed")) == {cia.pk}
    Reply.objects.create(application=bo, body="Hej", message_id="<1>")
    assert set(shown(client, job, "?unread=1")) == {bo.pk}


def test_the_columns_count_what_the_filter_lets_through(
    client: Any, rita: Any, job: Any, people: Any
) -> None:
    client.force_login(rita)
    response = client.get(reverse("board", args=[job.pk]) + "?source=linkedin")
    assert sum(column.count for column in response.context["board"].columns) == 2
    html = response.content.decode()
    assert "LinkedIn" in html  # the source filter names the sources as people read them


def test_sorts_order_every_column(client: Any, rita: Any, job: Any, people: Any) -> None:
    anna, bo, cia = people["anna"], people["bo"], people["cia"]
    client.force_login(rita)
    assert shown(client, job) == [cia.pk, bo.pk, anna.pk]
    assert shown(client, job, "?sort=days") == [anna.pk, bo.pk, cia.pk]
    assert shown(client, job, "?sort=applied") == [cia.pk, bo.pk, anna.pk]


def test_card_links_keep_the_filter_and_the_page_walks_it(
    client: Any, rita: Any, job: Any, people: Any
) -> None:
    anna, bo = people["anna"], people["bo"]
    client.force_login(rita)
    html = client.get(
        reverse("board", args=[job.pk]) + "?source=linkedin&sort=days"
    ).content.decode()
    link = reverse("application_detail", args=[anna.pk]) + "?source=linkedin&amp;sort=days"
    assert link in html
    page = client.get(reverse("application_detail", args=[anna.pk]) + "?source=linkedin&sort=days")
    assert page.context["neighbours"].previous is None
    assert page.context["neighbours"].next == bo.pk
    body = page.content.decode()
    assert 'rel="next"' in body and reverse("application_detail", args=[bo.pk]) in body
    assert "Keyboard: J for the next candidate" in body
    last = client.get(reverse("application_detail", args=[bo.pk]) + "?source=linkedin&sort=days")
    assert last.context["neighbours"].next is None
    assert last.context["neighbours"].previous == anna.pk


def test_malformed_parameters_are_ignored(client: Any, rita: Any, job: Any, people: Any) -> None:
    client.force_login(rita)
    for query in (
        "?days=x",
        "?days=-5",
        "?tag=%00",
        "?sort=<script>",
        "?days=99999999999999999999",
        "?q=" + "x" * 5000,
    ):
        assert client.get(reverse("board", args=[job.pk]) + query).status_code == 200
        assert (
            client.get(reverse("application_detail", args=[people["anna"].pk]) + query).status_code
            == 200
        )


def test_the_board_costs_the_same_queries_with_filters_for_5_and_60(
    client: Any, rita: Any, job: Any, people: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(rita)
    url = reverse("board", args=[job.pk]) + "?source=linkedin&days=1"
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    with time_machine.travel(timezone.now() - timedelta(days=3)):
        for n in range(60):
            make_application(job, source="linkedin" if n % 2 else "indeed")
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)


def test_previous_and_next_cross_into_the_neighbouring_columns(
    client: Any, rita: Any, job: Any, people: Any
) -> None:
    from rekryt.applications.actions import move_to_stage
    from rekryt.jobs.models import stages_for

    anna, bo, cia = people["anna"], people["bo"], people["cia"]
    second = list(stages_for(job))[1]
    move_to_stage(anna, second, rita)
    client.force_login(rita)
    # Column one: Cia, Bo (newest in the stage first); column two: Anna.
    last_of_first = client.get(reverse("application_detail", args=[bo.pk]))
    assert last_of_first.context["neighbours"].previous == cia.pk
    assert last_of_first.context["neighbours"].next == anna.pk
    first_of_second = client.get(reverse("application_detail", args=[anna.pk]))
    assert first_of_second.context["neighbours"].previous == bo.pk
    assert first_of_second.context["neighbours"].next is None
