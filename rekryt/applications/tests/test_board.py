"""The pipeline board: columns, cards, "show more" and ended applications."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conftest import make_application
from rekryt.applications.actions import Upload, move_to_stage, set_outcome
from rekryt.applications.board import COLUMN_SIZE, build_board
from rekryt.applications.models import Outcome, RejectionReason
from rekryt.candidates.models import DocumentKind
from rekryt.jobs.models import stages_for
from rekryt.lib.params import DB_INT_MAX

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def cv_upload() -> Upload:
    return Upload(
        kind=DocumentKind.CV,
        file=ContentFile(PDF, name="cv.pdf"),
        original_name="cv.pdf",
        content_type="application/pdf",
        size=len(PDF),
        sha256=hashlib.sha256(PDF).hexdigest(),
    )


@pytest.fixture(autouse=True)
def english(client, settings):
    """Assertions read English text whatever the catalogue holds."""
    settings.LANGUAGE_CODE = "en"
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def board_url(job):
    return reverse("board", args=[job.pk])


def test_it_shows_a_column_per_stage_with_active_counts(client, rita, job):
    stages = list(stages_for(job))
    first = make_application(job)
    second = make_application(job)
    move_to_stage(second, stages[1], rita)
    ended = make_application(job)
    set_outcome(ended, Outcome.HIRED, rita)
    client.force_login(rita)
    response = client.get(board_url(job))
    assert response.status_code == 200
    columns = response.context["board"].columns
    assert [c.stage for c in columns] == stages
    assert columns[0].count == 1
    assert columns[1].count == 1
    assert [a.pk for a in columns[0].cards] == [first.pk]
    assert [a.pk for a in columns[1].cards] == [second.pk]
    assert ended.candidate.full_name not in response.content.decode().split('id="ended"')[0]


def test_it_shows_name_days_in_stage_source_and_cv_icon(client, rita, job):
    with time_machine.travel(timezone.now() - timedelta(days=3)):
        with_cv = make_application(
            job, first_name="Cecilia", source="linkedin", uploads=[cv_upload()]
        )
    without_cv = make_application(job, first_name="Nils")
    client.force_login(rita)
    page = client.get(board_url(job)).content.decode()
    card = page.split(f'id="card-{with_cv.pk}"')[1].split("</li>")[0]
    assert "Cecilia" in card
    assert "3 days in stage" in card
    assert "LinkedIn" in card
    assert "Has a CV" in card
    other = page.split(f'id="card-{without_cv.pk}"')[1].split("</li>")[0]
    assert "Has a CV" not in other
    assert "0 days in stage" in other


def test_it_orders_cards_newest_in_stage_first(client, rita, job):
    stages = list(stages_for(job))
    older = make_application(job)
    newer = make_application(job)
    move_to_stage(newer, stages[1], rita)
    move_to_stage(older, stages[1], rita)
    client.force_login(rita)
    column = client.get(board_url(job)).context["board"].columns[1]
    assert [a.pk for a in column.cards] == [older.pk, newer.pk]


def test_it_loads_the_board_scripts_and_the_csrf_meta_only_on_the_board(client, rita, job):
    client.force_login(rita)
    page = client.get(board_url(job)).content.decode()
    assert "vendor/Sortable-1.15.7.min.js" in page
    assert "js/board.js" in page
    assert '<meta name="csrf-token"' in page
    application = make_application(job)
    detail = client.get(reverse("application_detail", args=[application.pk])).content.decode()
    assert "Sortable" not in detail


def test_it_gives_every_card_a_keyboard_move_form(client, rita, job):
    application = make_application(job)
    client.force_login(rita)
    page = client.get(board_url(job)).content.decode()
    action = reverse("application_move", args=[application.pk])
    assert f'action="{action}"' in page
    assert f'hx-post="{action}"' in page
    assert f'<label for="move-{application.pk}"' in page
    assert f'<select id="move-{application.pk}" name="stage">' in page


def test_it_hides_move_controls_from_interviewers_on_the_team(client, job):
    from conftest import make_user

    iris = make_user("iris", "interviewer")
    job.team.add(iris)
    application = make_application(job)
    client.force_login(iris)
    page = client.get(board_url(job)).content.decode()
    assert application.candidate.full_name in page
    assert reverse("application_move", args=[application.pk]) not in page
    assert "data-draggable" not in page


def test_it_limits_columns_and_links_to_the_rest(client, rita, job):
    for _ in range(COLUMN_SIZE + 2):
        make_application(job)
    client.force_login(rita)
    response = client.get(board_url(job))
    column = response.context["board"].columns[0]
    assert column.count == COLUMN_SIZE + 2
    assert len(column.cards) == COLUMN_SIZE
    more = reverse("board_column", args=[job.pk, column.stage.pk]) + f"?offset={COLUMN_SIZE}"
    page = response.content.decode()
    assert f'href="{more}"' in page
    assert f'hx-get="{more}"' in page


def test_show_more_returns_the_next_cards_as_a_fragment_for_htmx(client, rita, job):
    applications = [make_application(job) for _ in range(COLUMN_SIZE + 2)]
    stage = job.first_stage()
    client.force_login(rita)
    url = reverse("board_column", args=[job.pk, stage.pk]) + f"?offset={COLUMN_SIZE}"
    response = client.get(url, headers={"HX-Request": "true"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "<html" not in body
    oldest_two = applications[:2]
    for application in oldest_two:
        assert f'id="card-{application.pk}"' in body
    assert body.count('class="board-card"') == 2
    assert "board-more" not in body
    assert 'hx-target="#board"' in body


def test_show_more_is_a_full_page_without_javascript(client, rita, job):
    applications = [make_application(job) for _ in range(COLUMN_SIZE + 2)]
    stage = job.first_stage()
    client.force_login(rita)
    url = reverse("board_column", args=[job.pk, stage.pk])
    response = client.get(url + f"?offset={COLUMN_SIZE}")
    body = response.content.decode()
    assert "<html" in body
    assert body.count('class="board-card"') == 2
    assert "?offset=0" in body
    assert f'id="card-{applications[0].pk}"' in body
    assert "hx-post" not in body
    first_page = client.get(url).content.decode()
    assert first_page.count('class="board-card"') == COLUMN_SIZE
    assert f"?offset={COLUMN_SIZE}" in first_page


def test_show_more_ignores_a_nonsense_offset(client, rita, job):
    make_application(job)
    client.force_login(rita)
    url = reverse("board_column", args=[job.pk, job.first_stage().pk])
    assert client.get(url + "?offset=-4").context["offset"] == 0
    assert client.get(url + "?offset=abc").context["offset"] == 0
    assert client.get(url + "?offset=%C2%B2").context["offset"] == 0


def test_show_more_answers_an_offset_beyond_the_database_with_an_empty_column(client, rita, job):
    make_application(job)
    client.force_login(rita)
    url = reverse("board_column", args=[job.pk, job.first_stage().pk])
    for offset in ("99999999999999999999", str(DB_INT_MAX), str(DB_INT_MAX + 1)):
        response = client.get(f"{url}?offset={offset}")
        assert response.status_code == 200
        assert response.context["offset"] == DB_INT_MAX
        assert 'class="board-card"' not in response.content.decode()
    response = client.get(f"{url}?offset={DB_INT_MAX - 1}")
    assert response.context["offset"] == DB_INT_MAX - 1


def test_show_more_refuses_a_stage_of_another_job(client, rita, job, other_job):
    client.force_login(rita)
    url = reverse("board_column", args=[job.pk, other_job.first_stage().pk])
    assert client.get(url).status_code == 404


def test_it_counts_ended_applications_and_lists_them_on_request(client, rita, job):
    reason = RejectionReason.objects.filter(kind="declined").first()
    rejected = make_application(job, first_name="Rebecka")
    set_outcome(rejected, Outcome.REJECTED, rita, reason)
    hired = make_application(job, first_name="Hugo")
    set_outcome(hired, Outcome.HIRED, rita)
    make_application(job)
    client.force_login(rita)
    response = client.get(board_url(job))
    assert response.context["board"].ended == {"rejected": 1, "hired": 1}
    assert "2 ended applications" in response.content.decode()
    listed = client.get(board_url(job) + "?ended=1").content.decode()
    ended = listed.split('id="ended"')[1]
    assert "Rebecka" in ended and "Hugo" in ended
    assert reason.name_en in ended


def test_build_board_puts_every_active_card_in_its_own_column(rita, job):
    stages = list(stages_for(job))
    for i in range(6):
        application = make_application(job)
        move_to_stage(application, stages[i % 3], rita)
    board = build_board(job)
    for column in board.columns:
        assert all(card.stage_id == column.stage.pk for card in column.cards)
        assert column.count == len(column.cards)


def fill(job, rita, n):
    stages = list(stages_for(job))
    for i in range(n):
        application = make_application(job, uploads=[cv_upload()] if i % 4 == 0 else [])
        if i % 3:
            move_to_stage(application, stages[i % 3], rita)
        if i % 10 == 9:
            set_outcome(application, Outcome.HIRED, rita)


def board_queries(client, job):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(board_url(job))
    assert response.status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_the_board_costs_the_same_queries_for_5_and_120_applications(client, rita, job):
    # The clock stands still: filling takes long enough on a busy machine for
    # the session's last-seen time to be rewritten, three queries more.
    with time_machine.travel(timezone.now(), tick=False):
        fill(job, rita, 5)
        client.force_login(rita)
        client.get(board_url(job))  # warm the organisation cache
        few = board_queries(client, job)
        fill(job, rita, 115)
        many = board_queries(client, job)
    assert few == many
    assert many <= 10


def test_the_board_for_a_hiring_manager_costs_the_same_queries(client, rita, hanna, job):
    fill(job, rita, 5)
    client.force_login(hanna)
    client.get(board_url(job))
    few = board_queries(client, job)
    fill(job, rita, 60)
    assert board_queries(client, job) == few <= 10
