"""The recruiter's side: adding a referee, sending the requests (through the
outbox, after the undo delay) and taking them back, the per-stage rules, and
the compiled report beside the scorecard."""

from datetime import timedelta

import pytest
from django.utils import timezone

from rekryt.applications.models import Event, EventKind
from rekryt.interviews import scheduling
from rekryt.interviews.actions import save_scorecard
from rekryt.interviews.tests.helpers import plan, scorecard
from rekryt.jobs.models import stages_for
from rekryt.messaging.models import Message, MessageStatus
from rekryt.references import actions
from rekryt.references.models import Referee, ReferenceRequest, StageRule, Status
from rekryt.references.tests.helpers import (
    answer_url,
    full_answers,
    raw_token,
    referee,
    requested,
)

pytestmark = pytest.mark.django_db

FORM = {
    "name": "Per Holm",
    "relation": "colleague",
    "organisation": "Åkeriet AB",
    "email": "per.holm@akeriet.se",
    "language": "en",
    "confirmed": "on",
}


def test_a_recruiter_adds_a_referee(client, application, rita):
    client.force_login(rita)
    response = client.post(f"/staff/applications/{application.pk}/referees/", FORM)
    assert response.status_code == 302
    added = Referee.objects.get()
    assert added.added_by == rita and added.language == "en"


def test_a_bad_form_keeps_what_was_typed(client, application, rita):
    client.force_login(rita)
    response = client.post(
        f"/staff/applications/{application.pk}/referees/", {**FORM, "email": "not-an-address"}
    )
    assert response.status_code == 400
    assert "Per Holm" in response.text and "not-an-address" in response.text
    assert not Referee.objects.exists()


def test_sending_queues_delayed_emails_and_undo_takes_them_back(client, application, rita):
    referee(application, 1)
    referee(application, 2)
    client.force_login(rita)
    client.post(f"/staff/applications/{application.pk}/references/send/")
    requests = Message.objects.filter(kind="reference_request")
    assert requests.count() == 2
    assert all(m.send_after > timezone.now() + timedelta(minutes=1) for m in requests)
    page = client.get(f"/staff/applications/{application.pk}/")
    assert f"/staff/applications/{application.pk}/references/undo/" in page.text
    client.post(f"/staff/applications/{application.pk}/references/undo/")
    assert set(
        Message.objects.filter(kind__startswith="reference").values_list("status", flat=True)
    ) == {MessageStatus.CANCELLED}
    assert set(ReferenceRequest.objects.values_list("status", flat=True)) == {Status.CANCELLED}
    assert Event.objects.filter(application=application, kind=EventKind.REFERENCES_UNDONE)
    # Asking again after an undo sends fresh requests.
    client.post(f"/staff/applications/{application.pk}/references/send/")
    assert ReferenceRequest.objects.filter(status=Status.SENT).count() == 2


def test_sending_twice_asks_nobody_twice(client, application, rita):
    referee(application, 1)
    client.force_login(rita)
    client.post(f"/staff/applications/{application.pk}/references/send/")
    client.post(f"/staff/applications/{application.pk}/references/send/")
    assert ReferenceRequest.objects.count() == 1


def test_the_stage_rules_page_saves_per_stage(client, job, rita):
    stages = list(stages_for(job))
    client.force_login(rita)
    page = client.get(f"/staff/jobs/{job.pk}/references/")
    assert page.status_code == 200
    data = {f"s{s.pk}-referees_required": "0" for s in stages}
    data[f"s{stages[2].pk}-referees_required"] = "2"
    data[f"s{stages[2].pk}-advance_when_complete"] = "on"
    assert client.post(f"/staff/jobs/{job.pk}/references/", data).status_code == 302
    rule = StageRule.objects.get()
    assert rule.stage == stages[2] and rule.referees_required == 2 and rule.advance_when_complete
    bad = {**data, f"s{stages[2].pk}-referees_required": "99"}
    assert client.post(f"/staff/jobs/{job.pk}/references/", bad).status_code == 400


def test_the_report_sets_answers_beside_the_scorecard(client, job, application, rita, ivan):
    job.team.add(ivan)
    step = plan(job)
    interview = scheduling.book_directly(
        application, step, timezone.now() + timedelta(days=1), [ivan], rita
    )
    focus = step.focus.first()
    save_scorecard(interview, ivan, {focus.pk: (3, "")}, "yes", "", submit=True)
    (first, raw1), (_second, _raw2) = requested(application, rita)
    client.post(answer_url(raw1), {**full_answers(first, "Mycket noggrann i allt."), "send": "1"})
    client.force_login(rita)
    report = client.get(f"/staff/applications/{application.pk}/references/")
    assert report.status_code == 200
    row = next(r for r in report.context["rows"] if r["attribute"].pk == focus.pk)
    assert row["interviews"] == 3.0 and row["referees"] == [4]
    assert "Mycket noggrann i allt." in report.text
    assert "Referent 1" in report.text and "Referent 2" not in report.text


def answer_all(client, application, rita, first, last):
    for n in range(first, last + 1):
        referee(application, n)
    for request in actions.request_references(application, rita):
        client.post(answer_url(raw_token(request)), {**full_answers(request), "send": "1"})


@pytest.mark.parametrize("page", ["", "references/"])
def test_the_panel_and_report_keep_their_query_count(
    client, application, rita, page, django_assert_max_num_queries
):
    scorecard(application.job)
    answer_all(client, application, rita, 1, 2)
    client.force_login(rita)
    url = f"/staff/applications/{application.pk}/{page}"
    client.get(url)
    with django_assert_max_num_queries(80) as few:
        assert client.get(url).status_code == 200
    counted = len(few.captured_queries)  # the next requests reset Django's query log
    answer_all(client, application, rita, 3, 7)
    with django_assert_max_num_queries(counted):
        assert client.get(url).status_code == 200


def test_the_panel_shows_where_the_job_asks_for_referees(client, job, application, rita):
    client.force_login(rita)
    url = f"/staff/applications/{application.pk}/"
    assert 'id="references"' not in client.get(url).text
    StageRule.objects.create(stage=list(stages_for(job))[3], referees_required=2)
    page = client.get(url)
    assert 'id="references"' in page.text and "Add a referee" in page.text
