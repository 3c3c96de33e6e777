"""The demo shows screening at its best: three jobs ask questions, some
applicants miss a must-have (flagged, still active), merits give scores."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from rekryt.applications.models import Application, Outcome
from rekryt.screening.blind import blind_ids
from rekryt.screening.models import BlindReview, JobQuestion, Result, Screening

pytestmark = pytest.mark.django_db


def test_the_demo_has_flagged_and_scored_applications():
    call_command(
        "seed_demo", "--candidates", "120", "--password", "demo-pass-123", stdout=StringIO()
    )
    assert JobQuestion.objects.values("job").distinct().count() == 3
    flagged = Screening.objects.filter(requirements_met=False)
    assert flagged.exists() and Screening.objects.filter(requirements_met=True).exists()
    assert flagged.filter(application__outcome=Outcome.ACTIVE).exists()
    assert Screening.objects.filter(score__gt=0).exists()
    assert BlindReview.objects.count() == 2
    blind = blind_ids()
    assert blind is not None and Application.objects.filter(pk__in=blind).exists()
    done = Result.objects.filter(completed_at__isnull=False)
    assert done.filter(kind="logic").exists()
    assert all(r.completed_at < timezone.now() for r in done)
