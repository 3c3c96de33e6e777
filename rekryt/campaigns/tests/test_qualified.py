"""A campaign's qualified applicants: those whose screening met every
must-have, or who reached the campaign's chosen stage, or were hired."""

import random

import pytest
from django.urls import reverse

from conftest import make_application
from rekryt.applications.actions import move_to_stage, set_outcome
from rekryt.applications.models import Application
from rekryt.campaigns.figures import COUNTED, campaign_report, figures_by_source
from rekryt.campaigns.tests.helpers import campaign, channel
from rekryt.jobs.models import StageKind
from rekryt.screening.actions import add_job_question, update_job_question
from rekryt.screening.models import Question, QuestionKind, Rule
from rekryt.screening.scoring import record_answers

pytestmark = pytest.mark.django_db


def must_have(job, text="Har du truckkort A och B?"):
    question = Question.objects.create(text_sv=text, text_en=text, kind=QuestionKind.YES_NO)
    jq = add_job_question(job, question)
    return update_job_question(jq, rule=Rule.MUST, accepted=["yes"])


def merit(job):
    question = Question.objects.create(text_sv="Nattskift?", text_en="Nights?", kind="yes_no")
    jq = add_job_question(job, question)
    return update_job_question(jq, rule=Rule.MERIT, points={"yes": 2})


def screened(job, questions, answer, source="tips"):
    app = make_application(job, source=source)
    record_answers(app, questions, {jq.pk: answer for jq in questions})
    return app


def interview(job):
    return job.stages.filter(kind=StageKind.INTERVIEW).order_by("order").first()


def report_for(camp):
    jobs = list(camp.jobs.all())
    return campaign_report(camp, list(camp.channels.all()), [j.pk for j in jobs])


def test_meeting_the_must_haves_qualifies_without_reaching_the_stage(job, rita):
    camp = campaign([job], qualified_stage=StageKind.INTERVIEW)
    channel(camp, "tips", cost=900)
    truck = must_have(job)
    screened(job, [truck], "yes")  # met, still in "applied"
    screened(job, [truck], "no")  # missed, still in "applied"
    missed_but_interviewed = screened(job, [truck], "no")
    move_to_stage(missed_but_interviewed, interview(job), rita)
    make_application(job, source="tips")  # applied before the questions: no screening

    row = report_for(camp).rows[0]
    assert row.counts.applicants == 4
    assert row.counts.requirements_met == 1
    assert row.counts.qualified == 2
    assert row.per_qualified == 450


def test_met_and_at_the_stage_counts_once(job, rita):
    camp = campaign([job])
    channel(camp, "tips")
    app = screened(job, [must_have(job)], "yes")
    move_to_stage(app, interview(job), rita)
    set_outcome(Application.objects.get(pk=app.pk), "hired", rita)
    counts = report_for(camp).rows[0].counts
    assert (counts.applicants, counts.requirements_met, counts.qualified) == (1, 1, 1)


def test_a_screening_without_must_haves_qualifies_nobody(job):
    camp = campaign([job])
    channel(camp, "tips")
    screened(job, [merit(job)], "yes")  # "requirements met" only as nothing was asked
    counts = report_for(camp).rows[0].counts
    assert (counts.applicants, counts.requirements_met, counts.qualified) == (1, 0, 0)


def test_the_progress_chart_counts_screening_too(job):
    from rekryt.campaigns.progress import weekly

    camp = campaign([job])
    truck = must_have(job)
    screened(job, [truck], "yes")
    screened(job, [truck], "no")
    assert weekly(camp, [job.pk])[-1].qualified == 1


def test_per_channel_qualified_adds_up_to_the_total_on_random_data(job, other_job, rita):
    rng = random.Random(11)
    camp = campaign([job, other_job])
    sources = ["linkedin-ads", "mässa", "skola"]
    for source in sources:
        channel(camp, source)
    questions = {job.pk: [must_have(job), merit(job)], other_job.pk: [merit(other_job)]}
    for _ in range(45):
        target = rng.choice([job, other_job])
        source = rng.choice([*sources, "", "okand"])
        if rng.random() < 0.8:
            app = screened(target, questions[target.pk], rng.choice(["yes", "no"]), source)
        else:
            app = make_application(target, source=source)
        if rng.random() < 0.3:
            move_to_stage(app, interview(target), rita)
        if rng.random() < 0.1:
            set_outcome(Application.objects.get(pk=app.pk), "hired", rita)

    report = report_for(camp)
    for name in COUNTED:
        assert getattr(report.total.counts, name) == sum(
            getattr(r.counts, name) for r in report.rows
        ), name
    met = set(
        Application.objects.filter(
            screening__requirements_met=True, screening_answers__rule=Rule.MUST
        ).values_list("pk", flat=True)
    )
    at_stage = set(
        Application.objects.filter(stage__kind=StageKind.INTERVIEW).values_list("pk", flat=True)
    )
    hired = set(Application.objects.filter(outcome="hired").values_list("pk", flat=True))
    expected = len(met | at_stage | hired)
    assert report.total.counts.requirements_met == len(met) > 0
    assert report.total.counts.qualified == expected
    assert report.total.counts.qualified > report.total.counts.requirements_met
    by_source = figures_by_source([job.pk, other_job.pk], camp.starts_on)
    assert sum(c.qualified for c in by_source.values()) == expected


def test_the_campaign_page_keeps_its_queries_with_screening(
    client, rita, job, django_assert_max_num_queries
):
    camp = campaign([job])
    channel(camp, "tips")
    truck = must_have(job)
    screened(job, [truck], "yes")
    client.force_login(rita)
    url = reverse("campaign_detail", args=[camp.pk])
    client.get(url)
    with django_assert_max_num_queries(40) as few:
        client.get(url)
    for n in range(6):
        screened(job, [truck], "yes" if n % 2 else "no")
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(url)
    assert page.context["report"].total.counts.qualified == 4
