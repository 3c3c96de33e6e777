"""`manage.py simulate_season` plays a season through the real code paths."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Q

from conftest import make_job
from rekryt.applications.models import Application, Outcome
from rekryt.messaging.models import MessageStatus
from rekryt.promises.figures import FINAL_KINDS
from rekryt.surveys.models import SurveyAnswer

TINY = ["--jobs", "3", "--days", "20", "--seed", "3"]


def season(*args: str) -> str:
    out = StringIO()
    call_command("simulate_season", *TINY, *args, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def season_output(django_db_setup: Any, django_db_blocker: Any) -> Iterator[str]:
    """Play once for the module in a transaction rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield season("--survey-cooldown-days", "0")
        transaction.set_rollback(True)


@pytest.fixture
def played(season_output: str, db: Any) -> str:
    return season_output


def test_it_prints_the_promise_figures_and_the_cnps(played: str) -> None:
    for heading in ("Receipts:", "Final message:", "Days without contact", "Promises kept:"):
        assert heading in played, played
    assert "All answers" in played and "95 % interval" in played
    assert "Day 7:" in played  # progress per simulated week


def test_it_answers_surveys_through_the_real_form(played: str) -> None:
    assert SurveyAnswer.objects.exists()
    assert not SurveyAnswer.objects.filter(Q(score__lt=0) | Q(score__gt=10)).exists()


def test_it_leaves_no_ended_candidate_without_a_final_message(played: str) -> None:
    ended = Application.objects.exclude(outcome=Outcome.ACTIVE)
    assert ended.filter(outcome=Outcome.HIRED).exists()
    assert ended.filter(outcome=Outcome.REJECTED).count() > 10
    told = ended.filter(
        messages__kind__in=FINAL_KINDS, messages__status=MessageStatus.SENT
    ).distinct()
    # Withdrawals in the portal are confirmed by email too.
    assert not ended.exclude(pk__in=told).exists()
    assert "Final message: 100.0%" in played


def test_it_refuses_a_database_that_has_data(db: Any) -> None:
    make_job()
    before = Application.objects.count()
    with pytest.raises(CommandError, match="empty database"):
        season()
    assert Application.objects.count() == before


def test_it_explains_how_to_get_time_machine_when_it_is_missing(
    db: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "time_machine", None)  # makes the import fail
    with pytest.raises(CommandError, match="make season"):
        season("--force")
