"""Weekly reports for recruiters and hiring managers, the monthly summary
for admins: the printable pages and the emails the worker sends."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import time_machine
from django.urls import reverse
from django.utils import timezone

from conftest import make_application
from rekryt.analytics.duties import SendReports
from rekryt.analytics.models import ReportKind
from rekryt.analytics.report_emails import next_time
from rekryt.analytics.reports import weekly
from rekryt.analytics.tests.helpers import deliver_and_roll_up
from rekryt.applications.actions import set_outcome
from rekryt.applications.models import Application, Outcome
from rekryt.messaging.models import Message
from rekryt.ops.duties import run_until_idle

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def test_the_weekly_report_counts_new_and_stuck_candidates_on_my_jobs(
    client: Any, hanna: Any, job: Any, other_job: Any
) -> None:
    make_application(job)
    stuck = make_application(job)
    Application.objects.filter(pk=stuck.pk).update(
        stage_entered_at=timezone.now() - timedelta(days=20)
    )
    make_application(other_job)  # not hanna's
    report = weekly(hanna)
    (line,) = report.lines
    assert (line.job, line.new, line.stuck, line.interviews) == (job, 2, 1, 0)
    assert report.cnps.value is None
    client.force_login(hanna)
    html = client.get(reverse("analytics_report")).content.decode()
    assert job.title in html and other_job.title not in html


def test_reports_are_due_on_monday_and_on_the_first_at_seven() -> None:
    wednesday = datetime(2026, 12, 2, 12, tzinfo=STOCKHOLM)
    assert next_time(ReportKind.WEEKLY, wednesday) == datetime(2026, 12, 7, 7, tzinfo=STOCKHOLM)
    assert next_time(ReportKind.MONTHLY, wednesday) == datetime(2027, 1, 1, 7, tzinfo=STOCKHOLM)
    early = datetime(2026, 12, 7, 6, 59, tzinfo=STOCKHOLM)
    assert next_time(ReportKind.WEEKLY, early) == datetime(2026, 12, 7, 7, tzinfo=STOCKHOLM)


def test_the_worker_emails_each_report_once_to_whom_it_is_for(
    alice: Any, rita: Any, hanna: Any, ivan: Any, job: Any
) -> None:
    for _n in range(5):
        set_outcome(make_application(job), Outcome.HIRED, rita)
    deliver_and_roll_up(days=0)
    with time_machine.travel(datetime(2026, 12, 2, 12, tzinfo=STOCKHOLM), tick=False):
        run_until_idle([SendReports()])
    assert not Message.objects.filter(kind__startswith="analytics_").exists()
    with time_machine.travel(datetime(2027, 1, 1, 8, tzinfo=STOCKHOLM), tick=False):
        run_until_idle([SendReports()])
        run_until_idle([SendReports()])  # nothing more: the next ones are a week away
    sent = dict(
        Message.objects.filter(kind__startswith="analytics_").values_list("to_email", "kind")
    )
    assert sent == {
        rita.email: "analytics_weekly",
        hanna.email: "analytics_weekly",
        alice.email: "analytics_monthly",
    }
    weekly_mail = Message.objects.get(to_email=hanna.email)
    assert (
        job.title in weekly_mail.body_text and "/staff/analytics/report/" in weekly_mail.body_text
    )
    monthly_mail = Message.objects.get(to_email=alice.email)
    assert "December 2026" in monthly_mail.body_text or "december 2026" in monthly_mail.body_text


def test_only_admins_open_the_monthly_summary(client: Any, alice: Any, rita: Any) -> None:
    client.force_login(rita)
    assert client.get(reverse("analytics_monthly")).status_code == 404
    client.force_login(alice)
    assert client.get(reverse("analytics_monthly")).status_code == 200
