"""Per-channel figures add up to the totals, and each figure counts what it says."""

import random

import pytest

from conftest import make_application
from rekryt.applications.actions import move_to_stage, set_outcome
from rekryt.applications.models import Application
from rekryt.campaigns.figures import COUNTED, campaign_report
from rekryt.campaigns.tests.helpers import campaign, channel
from rekryt.campaigns.visits import add_one
from rekryt.jobs.models import StageKind

pytestmark = pytest.mark.django_db


def stage(job, kind):
    return job.stages.filter(kind=kind).order_by("order").first()


def report_for(camp):
    jobs = list(camp.jobs.all())
    return campaign_report(camp, list(camp.channels.all()), [j.pk for j in jobs])


def test_each_figure_counts_what_it_says(job, rita):
    camp = campaign([job], qualified_stage=StageKind.INTERVIEW)
    channel(camp, "instagram", cost=3000, budget=4000)
    applied = make_application(job, source="instagram")
    interviewed = make_application(job, source="instagram")
    hired = make_application(job, source="instagram")
    move_to_stage(interviewed, stage(job, StageKind.INTERVIEW), rita)
    move_to_stage(hired, stage(job, StageKind.INTERVIEW), rita)
    set_outcome(Application.objects.get(pk=hired.pk), "hired", rita)
    add_one(job.pk, "instagram", "visits")
    add_one(job.pk, "instagram", "visits")
    add_one(job.pk, "instagram", "starts")
    assert applied

    row = report_for(camp).rows[0]
    assert (row.counts.visits, row.counts.starts, row.counts.applicants) == (2, 1, 3)
    assert (row.counts.qualified, row.counts.interviewed, row.counts.hired) == (2, 2, 1)
    assert (row.per_applicant, row.per_qualified, row.per_hire) == (1000, 1500, 3000)


def test_channels_and_other_add_up_to_the_totals_on_random_data(job, other_job, rita):
    rng = random.Random(7)
    camp = campaign([job, other_job])
    sources = ["linkedin-ads", "mässa", "skola", "tips"]
    for n, source in enumerate(sources):
        channel(camp, source, cost=1000 * (n + 1))
    stages = [stage(job, k) for k in (StageKind.SCREENING, StageKind.INTERVIEW)]
    for _ in range(40):
        target = rng.choice([job, other_job])
        app = make_application(target, source=rng.choice([*sources, "", "okand"]))
        if target == job and rng.random() < 0.5:
            move_to_stage(app, rng.choice(stages), rita)
        if rng.random() < 0.1:
            set_outcome(Application.objects.get(pk=app.pk), "hired", rita)
        if rng.random() < 0.3:
            add_one(target.pk, rng.choice(sources), rng.choice(["visits", "starts"]))

    report = report_for(camp)
    for name in COUNTED:
        assert getattr(report.total.counts, name) == sum(
            getattr(r.counts, name) for r in report.rows
        ), name
    assert report.total.counts.applicants == Application.objects.count() == 40
    assert report.total.counts.hired == Application.objects.filter(outcome="hired").count()
    assert report.total.cost == 10000


def test_applications_to_jobs_outside_the_campaign_are_not_counted(job, other_job):
    camp = campaign([job])
    channel(camp, "tiktok")
    make_application(other_job, source="tiktok")
    assert report_for(camp).total.counts.applicants == 0


def test_progress_counts_applicants_cumulatively_week_by_week(job, rita):
    from datetime import timedelta

    from django.utils import timezone

    from rekryt.campaigns.progress import chart, weekly

    today = timezone.localdate()
    camp = campaign([job], starts_on=today - timedelta(days=20), goal_date=today)
    for days_ago in (20, 19, 12, 1, 0):
        app = make_application(job)
        Application.objects.filter(pk=app.pk).update(
            created_at=timezone.now() - timedelta(days=days_ago)
        )
    move_to_stage(app, stage(job, StageKind.INTERVIEW), rita)
    weeks = weekly(camp, [job.pk])
    assert [w.applicants for w in weeks] == [2, 3, 5]
    assert [w.qualified for w in weeks] == [0, 0, 1]
    assert weeks[-1].ends_on == today
    drawn = chart(camp, weeks)
    assert drawn.applicants_path.count("L") == 3 and drawn.goal_y is not None
