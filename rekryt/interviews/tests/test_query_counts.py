"""The interview pages take as many queries with many rows as with few."""

from datetime import timedelta

import pytest
from django.utils import timezone

from conftest import make_application, make_user
from rekryt.accounts.models import Role
from rekryt.interviews import scheduling
from rekryt.interviews.actions import save_scorecard
from rekryt.interviews.tests.helpers import plan, slot
from rekryt.portal.tests.conftest import sign_in

pytestmark = pytest.mark.django_db


def grows(client, url, add, django_assert_max_num_queries):
    client.get(url)
    with django_assert_max_num_queries(60) as few:
        assert client.get(url).status_code == 200
    add()
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200


def test_the_plan_page(client, job, rita, ivan, django_assert_max_num_queries):
    job.team.add(ivan)
    step = plan(job)
    slot(step, people=[ivan])
    client.force_login(rita)

    def add():
        for n in range(6):
            slot(step, timezone.now() + timedelta(days=4 + n), [ivan])
        plan(job, list(step.focus.all()))

    grows(client, f"/staff/jobs/{job.pk}/interviews/", add, django_assert_max_num_queries)


def test_the_application_page_with_interviews(
    client, job, rita, ivan, django_assert_max_num_queries
):
    job.team.add(ivan)
    step = plan(job)
    application = make_application(job)
    interview = scheduling.book_directly(
        application, step, timezone.now() + timedelta(days=1), [ivan], rita
    )
    save_scorecard(interview, ivan, {}, "yes", "", submit=True)
    client.force_login(rita)

    def add():
        for n in range(4):
            colleague = make_user(f"iv{n}", Role.INTERVIEWER)
            job.team.add(colleague)
            interview.interviewers.add(colleague)
            save_scorecard(interview, colleague, {}, "no", "", submit=True)

    grows(client, f"/staff/applications/{application.pk}/", add, django_assert_max_num_queries)


def test_the_kit(client, job, rita, ivan, django_assert_max_num_queries):
    job.team.add(ivan)
    step = plan(job)
    interview = scheduling.book_directly(
        make_application(job), step, timezone.now() + timedelta(days=1), [ivan], rita
    )
    client.force_login(ivan)

    def add():
        from rekryt.interviews.models import Question

        for attribute in step.focus.all():
            for n in range(3):
                Question.objects.create(
                    step=step, attribute=attribute, text_sv=f"F{n}", text_en=f"Q{n}"
                )

    grows(client, f"/staff/interviews/{interview.pk}/", add, django_assert_max_num_queries)


def test_the_portal_interview_page(client, job, rita, ivan, django_assert_max_num_queries):
    job.team.add(ivan)
    step = plan(job)
    slot(step, people=[ivan])
    interview = scheduling.offer(make_application(job), step, rita)
    sign_in(client, interview.application)

    def add():
        for n in range(8):
            slot(step, timezone.now() + timedelta(days=5 + n), [ivan])

    grows(client, f"/portal/interviews/{interview.pk}/", add, django_assert_max_num_queries)
