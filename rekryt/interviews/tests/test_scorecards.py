"""Scorecards: ratings 1–4 per focus attribute, notes and an overall
recommendation; an interviewer sees colleagues' scorecards for a candidate
only after submitting their own; the job's comparison shows candidates ×
attributes with disagreement marked, in constant queries."""

from datetime import timedelta

import pytest
from django.utils import timezone

from conftest import make_application, make_user
from rekryt.accounts.models import Role
from rekryt.applications.models import Event, EventKind
from rekryt.interviews import scheduling
from rekryt.interviews.actions import save_scorecard
from rekryt.interviews.models import Scorecard
from rekryt.interviews.tests.helpers import plan

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(settings):
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def panel(job, rita, ivan):
    """An interview with two interviewers: ivan and vera."""
    vera = make_user("vera", Role.INTERVIEWER)
    job.team.add(ivan, vera)
    step = plan(job)
    application = make_application(job)
    interview = scheduling.book_directly(
        application, step, timezone.now() + timedelta(days=1), [ivan, vera], rita
    )
    return interview, vera


def form(interview, ratings, recommendation="yes", submit=True, notes="Tydlig."):
    data = {"recommendation": recommendation, "notes": notes, "submit": "1" if submit else "0"}
    for attribute, rating in zip(interview.step.focus.order_by("pk"), ratings, strict=False):
        data[f"a{attribute.pk}"] = rating
        data[f"n{attribute.pk}"] = f"note {rating}"
    return data


def test_an_interviewer_submits_through_the_kit(client, panel, ivan):
    interview, _vera = panel
    client.force_login(ivan)
    kit = client.get(f"/staff/interviews/{interview.pk}/")
    html = kit.content.decode()
    assert kit.status_code == 200
    assert "Tell us about a hard bug you found." in html and "Problem solving" in html
    assert 'name="recommendation"' in html
    url = f"/staff/interviews/{interview.pk}/scorecard/"
    response = client.post(url, form(interview, [4]))  # one rating missing
    assert response.status_code == 400
    assert client.post(url, form(interview, [4, 3])).status_code == 302
    card = Scorecard.objects.get(interviewer=ivan)
    assert card.is_submitted and card.recommendation == "yes"
    assert sorted(card.ratings.values_list("rating", flat=True)) == [3, 4]
    assert Event.objects.filter(kind=EventKind.SCORECARD_SUBMITTED).count() == 1


def test_colleagues_scorecards_stay_hidden_until_you_submit(client, panel, ivan):
    interview, vera = panel
    theirs = save_scorecard(interview, vera, {}, "strong_yes", "VERA-SECRET", submit=True)
    client.force_login(ivan)
    page = client.get(f"/staff/applications/{interview.application_id}/").content.decode()
    assert "VERA-SECRET" not in page and f"/staff/scorecards/{theirs.pk}/" not in page
    assert "Submit your own scorecard first" in page
    assert client.get(f"/staff/scorecards/{theirs.pk}/").status_code == 404
    # A draft does not count.
    client.post(
        f"/staff/interviews/{interview.pk}/scorecard/", form(interview, [2, 2], submit=False)
    )
    assert client.get(f"/staff/scorecards/{theirs.pk}/").status_code == 404
    client.post(f"/staff/interviews/{interview.pk}/scorecard/", form(interview, [2, 2]))
    detail = client.get(f"/staff/scorecards/{theirs.pk}/")
    assert detail.status_code == 200 and "VERA-SECRET" in detail.content.decode()


def test_a_draft_is_seen_by_nobody_else(client, panel, rita):
    interview, vera = panel
    draft = save_scorecard(interview, vera, {}, "no", "DRAFT", submit=False)
    client.force_login(rita)
    assert client.get(f"/staff/scorecards/{draft.pk}/").status_code == 404


def test_the_recruiter_compares_with_disagreement_marked(client, panel, ivan, rita):
    interview, vera = panel
    first, second = interview.step.focus.order_by("pk")
    save_scorecard(interview, ivan, {first.pk: (1, ""), second.pk: (3, "")}, "no", "", submit=True)
    save_scorecard(interview, vera, {first.pk: (4, ""), second.pk: (3, "")}, "yes", "", submit=True)
    client.force_login(rita)
    response = client.get(f"/staff/jobs/{interview.application.job_id}/interviews/compare/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="disagree"' in html and "2.5" in html and "3.0" in html
    assert html.count("/staff/scorecards/") == 2


def test_interviewers_cannot_open_the_comparison(client, panel, ivan):
    interview, _vera = panel
    client.force_login(ivan)
    assert (
        client.get(f"/staff/jobs/{interview.application.job_id}/interviews/compare/").status_code
        == 404
    )


def test_the_comparison_takes_constant_queries(
    client, job, rita, ivan, django_assert_max_num_queries
):
    job.team.add(ivan)
    step = plan(job)
    focus = list(step.focus.all())
    client.force_login(rita)
    url = f"/staff/jobs/{job.pk}/interviews/compare/"

    def add(n):
        for _ in range(n):
            application = make_application(job)
            interview = scheduling.book_directly(
                application, step, timezone.now() + timedelta(days=1 + _), [ivan], rita
            )
            save_scorecard(interview, ivan, {a.pk: (3, "") for a in focus}, "yes", "", submit=True)

    add(1)
    client.get(url)
    with django_assert_max_num_queries(14) as few:
        client.get(url)
    add(5)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)
