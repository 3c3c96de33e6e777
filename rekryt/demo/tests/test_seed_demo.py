"""`manage.py seed_demo` loads a complete, believable company through the actions."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import Q
from django.test import Client
from django.utils import timezone

from rekryt.accounts.models import Organisation, Role, User
from rekryt.api.demo import SERVICE_USERNAME
from rekryt.applications.models import Application, Event, EventKind, Note, Outcome
from rekryt.candidates.models import Candidate, Document, TextStatus
from rekryt.candidates.search import search
from rekryt.jobs.models import Job, JobStatus, StageKind
from rekryt.messaging.models import Message, MessageStatus, TemplateKind
from rekryt.promises.figures import FINAL_KINDS


def seed(*args: str) -> str:
    out = StringIO()
    call_command("seed_demo", "--candidates", "40", *args, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def seeded(django_db_setup: Any, django_db_blocker: Any) -> Iterator[str]:
    """Seed once for the module inside a transaction rolled back at its end
    (what TestCase.setUpTestData does); each test runs in a savepoint."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield seed("--password", "demo-secret")
        transaction.set_rollback(True)


@pytest.fixture
def output(seeded: str, db: Any) -> str:
    return seeded


def test_it_creates_the_company_and_staff_in_every_role(output: str) -> None:
    org = Organisation.get()
    assert org.name == "Norrsken Logistik AB"
    assert org.privacy_contact
    assert org.brand_colour != "#1f5f8b"
    people = User.objects.exclude(username=SERVICE_USERNAME)
    roles = sorted(people.values_list("role", flat=True))
    expected = [Role.ADMIN, *[Role.RECRUITER] * 2, *[Role.HIRING_MANAGER] * 2, Role.INTERVIEWER]
    assert roles == sorted(expected)
    for manager in User.objects.filter(role=Role.HIRING_MANAGER):
        assert manager.team_jobs.exists()


def test_it_prints_every_login_with_its_password_and_role(output: str) -> None:
    for user in User.objects.exclude(username=SERVICE_USERNAME):
        line = next(line for line in output.splitlines() if line.split()[:1] == [user.username])
        assert "demo-secret" in line
        assert str(Role(user.role).label) in line
        assert user.check_password("demo-secret")
    assert Client().login(username="astrid", password="demo-secret")


def test_it_creates_drafts_a_closed_job_and_published_ones_in_two_languages(output: str) -> None:
    assert Job.objects.count() == 12
    assert Job.objects.filter(status=JobStatus.DRAFT).count() == 2
    assert Job.objects.filter(status=JobStatus.CLOSED).count() == 1
    assert set(Job.objects.values_list("language", flat=True)) == {"sv", "en"}
    assert not Job.objects.filter(status=JobStatus.DRAFT, applications__isnull=False).exists()
    for job in Job.objects.exclude(status=JobStatus.DRAFT):
        assert job.salary_min and job.salary_max
        assert job.benefits and job.team_description and job.after_apply and job.requirements
    closed = Job.objects.get(status=JobStatus.CLOSED)
    assert closed.applications.filter(outcome=Outcome.HIRED).count() == 1


def test_it_spreads_candidates_over_every_stage_and_outcome(output: str) -> None:
    from rekryt.imports.models import ImportedPerson
    from rekryt.imports.models import Outcome as Imported

    imported = ImportedPerson.objects.filter(outcome=Imported.CREATED).count()
    assert imported == 4  # the demo's import from a fair (rekryt.imports.demo)
    assert Candidate.objects.count() == 40 + imported
    assert Application.objects.count() >= 40
    for kind in StageKind.values:
        if kind != StageKind.OTHER:
            assert Application.objects.filter(stage__kind=kind).exists(), kind
    for kind in (StageKind.APPLIED, StageKind.SCREENING, StageKind.INTERVIEW, StageKind.OFFER):
        assert Application.objects.filter(stage__kind=kind, outcome=Outcome.ACTIVE).exists()
    outcomes = set(Application.objects.values_list("outcome", flat=True))
    assert outcomes == set(Outcome.values)
    ended = Application.objects.exclude(outcome=Outcome.ACTIVE)
    assert not ended.filter(ended_at__isnull=True).exists()
    assert not ended.exclude(outcome=Outcome.HIRED).filter(rejection_reason__isnull=True).exists()
    assert len(set(Application.objects.values_list("source", flat=True))) >= 3
    assert Note.objects.exists()


def test_it_writes_the_timeline_through_the_actions(output: str) -> None:
    assert not Application.objects.exclude(events__kind=EventKind.CREATED).exists()
    moved = Event.objects.filter(kind=EventKind.STAGE_MOVED).count()
    assert moved >= Application.objects.exclude(stage__kind=StageKind.APPLIED).count()
    for application in Application.objects.all()[:20]:
        # In the order the actions wrote them (the "sent" events and the
        # surveys of the history are written afterwards).
        later = [EventKind.MESSAGE_SENT, EventKind.SURVEY_SENT]
        events = application.events.exclude(kind__in=later).order_by("pk")
        times = list(events.values_list("created_at", flat=True))
        assert times == sorted(times)
        assert times[0] == application.created_at


def test_it_dates_everything_over_the_last_months(output: str) -> None:
    now = timezone.now()
    created = sorted(Application.objects.values_list("created_at", flat=True))
    assert created[0] < now - timedelta(days=45)
    assert created[-1] <= now
    assert not Event.objects.filter(created_at__gt=now).exists()
    assert Job.objects.filter(published_at__lt=now - timedelta(days=60)).exists()


def test_it_marks_every_email_it_caused_as_sent_to_the_mailbox(output: str) -> None:
    receipts = Message.objects.filter(kind=TemplateKind.APPLICATION_RECEIVED)
    assert receipts.count() == Application.objects.count()
    assert not Application.objects.exclude(
        messages__kind=TemplateKind.APPLICATION_RECEIVED
    ).exists()
    assert Message.objects.exclude(kind=TemplateKind.APPLICATION_RECEIVED).exists()
    # The worker has nothing to send: only a rejection still inside its delay waits.
    # (Reminders to referees who answered before them were cancelled.)
    answered = Q(status=MessageStatus.CANCELLED, kind="reference_reminder")
    unsent = Message.objects.exclude(status=MessageStatus.SENT).exclude(answered)
    assert not unsent.exclude(status=MessageStatus.SCHEDULED).exists()
    assert not unsent.filter(send_after__lte=timezone.now()).exists()
    sent = Message.objects.filter(status=MessageStatus.SENT)
    assert not sent.filter(to_mailbox=False).exists()
    # Staff notices (a reply came, a mention) concern no timeline.
    about_applications = sent.filter(application__isnull=False)
    assert Event.objects.filter(kind=EventKind.MESSAGE_SENT).count() == about_applications.count()
    message = receipts.select_related("application").first()
    assert message is not None and message.application is not None
    assert message.created_at == message.application.created_at


def test_it_tells_every_ended_candidate(output: str) -> None:
    ended = Application.objects.exclude(outcome=Outcome.ACTIVE)
    told = ended.filter(messages__kind__in=FINAL_KINDS).distinct()
    assert told.count() == ended.count()


def test_the_history_was_surveyed_as_it_happened(output: str) -> None:
    from rekryt.surveys.models import Step, Survey, SurveyAnswer, SurveyStatus

    now = timezone.now()
    sent = Survey.objects.filter(status=SurveyStatus.SENT)
    assert sent.exists() and not sent.filter(sent_at__gt=now).exists()
    assert sent.filter(sent_at__lt=now - timedelta(days=30)).exists()
    for survey in sent[:20]:
        invitation = Message.objects.get(idempotency_key=f"survey:{survey.pk}")
        assert invitation.status == MessageStatus.SENT and invitation.to_mailbox
        assert invitation.sent_at == survey.sent_at
    answers = SurveyAnswer.objects.all()
    assert 0.15 < answers.count() / sent.count() < 0.65  # about 37 % answer (n is small)
    assert len(set(answers.values_list("month", flat=True))) >= 2
    assert {Step.APPLIED, Step.REJECTED} <= set(answers.values_list("survey__step", flat=True))
    assert not answers.filter(created_at__gt=now).exists()


def test_the_worker_surveys_nothing_more_about_the_seeded_history(output: str) -> None:
    from rekryt.ops.duties import run_until_idle
    from rekryt.surveys.models import Survey, SurveyStatus

    started = timezone.now()
    waiting = set(Survey.objects.filter(status=SurveyStatus.SCHEDULED).values_list("pk", flat=True))
    run_until_idle()
    assert not Survey.objects.filter(created_at__gte=started).exists()
    newly_sent = set(Survey.objects.filter(sent_at__gte=started).values_list("pk", flat=True))
    assert newly_sent <= waiting


def test_the_company_mostly_keeps_its_promise(output: str) -> None:
    from rekryt.promises import rules
    from rekryt.promises.figures import measure
    from rekryt.promises.waiting import waiting

    active = Application.objects.filter(outcome=Outcome.ACTIVE).count()
    found = waiting(
        Application.objects.all(), timezone.localdate(), rules.Terms.of(Organisation.get())
    )
    overdue = [w for w in found if w.standing.state == rules.OVERDUE]
    assert len(overdue) <= max(2, active * 0.12)
    assert len(found) <= active * 0.4
    kept = measure().kept
    assert kept.total > 50 and kept.share is not None and kept.share >= 0.9


def test_it_stores_real_pdf_cvs_that_are_already_searchable(output: str) -> None:
    from pypdf import PdfReader

    # A document sent with an application (one sent again waits to be added).
    document = (
        Document.objects.filter(application__isnull=False).select_related("candidate").first()
    )
    assert document is not None
    assert not Document.objects.exclude(text_status=TextStatus.DONE).exists()
    with document.file.open("rb") as handle:
        text = PdfReader(handle).pages[0].extract_text()
    assert document.candidate.last_name in text
    word = document.text.split("\n")[1].split()[0]  # the CV's job title
    assert document.candidate in search(Candidate.objects.all(), word, None)


def test_it_does_nothing_with_if_empty_once_jobs_exist(output: str) -> None:
    counts = (Job.objects.count(), Application.objects.count(), User.objects.count())
    assert seed("--if-empty") == ""
    assert (Job.objects.count(), Application.objects.count(), User.objects.count()) == counts


def test_it_shows_the_privacy_work_of_a_normal_day(output: str) -> None:
    from rekryt.privacy.models import AccessRequest, LegalHold, PrivacyNotice, RequestStatus

    assert PrivacyNotice.objects.exists()
    assert "556677-8899" in PrivacyNotice.objects.get().text_sv
    open_request = AccessRequest.objects.get(status=RequestStatus.OPEN)
    assert timedelta(days=4) < open_request.due_at - timezone.now() < timedelta(days=6)
    assert AccessRequest.objects.filter(status=RequestStatus.ANSWERED).count() == 1
    assert LegalHold.objects.active().count() == 1


def test_it_shows_interviews_at_their_best(output: str) -> None:
    from rekryt.interviews.actions import uncovered
    from rekryt.interviews.models import Interview, PlanStep, Scorecard, ScorecardTemplate, Status

    assert ScorecardTemplate.objects.count() == 2
    jobs = Job.objects.filter(interview_plan__isnull=False).distinct()
    assert jobs.count() == 3  # two plans, and the customer service job's video review
    assert all(not uncovered(job) for job in jobs)
    assert PlanStep.objects.filter(questions__isnull=False).exists()
    assert Interview.objects.filter(status=Status.OFFERED).count() >= 2
    assert Interview.objects.filter(status=Status.BOOKED, starts_at__gt=timezone.now()).exists()
    submitted = Scorecard.objects.filter(submitted_at__isnull=False)
    ratings = {card.interview_id: [r.rating for r in card.ratings.all()] for card in submitted}
    assert len(ratings) >= 3
    from rekryt.interviews.models import VideoQuestion

    assert VideoQuestion.objects.count() == 2


def test_it_has_references_requested_and_answered(output: str) -> None:
    from rekryt.references.models import Referee, ReferenceRequest, Status

    statuses = list(ReferenceRequest.objects.values_list("status", flat=True))
    assert statuses.count(Status.ANSWERED) >= 3 and Status.SENT in statuses
    assert Referee.objects.filter(requests__isnull=True).exists()  # named, not yet asked
    assert Message.objects.filter(kind="reference_reminder", status=MessageStatus.SENT).exists()


def test_it_shows_offers_awaiting_approval_sent_and_accepted(output: str) -> None:
    from rekryt.offers.models import Offer, OfferTemplate
    from rekryt.offers.models import Status as OfferStatus

    assert OfferTemplate.objects.count() == 2
    statuses = sorted(Offer.objects.values_list("status", flat=True))
    assert statuses == sorted([OfferStatus.PENDING, OfferStatus.SENT, OfferStatus.ACCEPTED])
    accepted = Offer.objects.get(status=OfferStatus.ACCEPTED)
    assert accepted.application.outcome == Outcome.HIRED and accepted.signed_pdf
    assert Offer.objects.get(status=OfferStatus.SENT).pdf_sha256


def test_it_has_an_integration_with_a_token_and_a_webhook_log(output: str) -> None:
    from rekryt.api.models import Delivery, DeliveryStatus, Endpoint, FanOut, Token
    from rekryt.api.tests.helpers import get, token_for

    service = User.objects.get(username=SERVICE_USERNAME)
    assert not service.has_usable_password()
    assert SERVICE_USERNAME not in output  # not a login, and no token is printed
    assert "rk_" not in output
    hr = Token.objects.get(user=service)
    assert hr.is_usable and hr.scopes == ["jobs:read", "applications:read", "handovers:read"]
    assert hr.created_by == User.objects.get(username="astrid") and hr.last_used_at
    assert Token.objects.filter(revoked_at__isnull=False).count() == 1
    endpoint = Endpoint.objects.get()
    log = list(endpoint.deliveries.all())
    # Hand-overs where the demo has finished onboardings (with 40 candidates
    # the draw may hire too few for one).
    done = Event.objects.filter(kind=EventKind.ONBOARDING_DONE).exists()
    expected = {"application.hired", "employee.handover"} if done else {"application.hired"}
    assert {d.event_type for d in log} == expected
    assert all(d.status == DeliveryStatus.SUCCEEDED for d in log) and 2 <= len(log) <= 6
    assert sorted(d.log.count() for d in log) == [1] * (len(log) - 1) + [2]  # one retried
    handover = next((d for d in log if d.event_type == "employee.handover"), None)
    if handover is not None:
        # The payload points at a document the HR system's kind of token can read.
        path = "/api/v1/handovers/" + str(handover.payload["data"]["onboarding"])
        assert handover.payload["data"]["handover_url"].endswith(path)
        assert get(Client(), path, token_for(service, hr.scopes)).status_code == 200
    # The webhooks' cursor is after the history: a first worker start sends nothing old.
    assert FanOut.objects.get().after_event == Event.objects.order_by("-pk").first().pk
    assert Delivery.objects.filter(status=DeliveryStatus.PENDING).count() == 0
    admin = Client()
    admin.force_login(User.objects.get(username="astrid"))
    page = admin.get("/staff/settings/api-tokens/").content.decode()
    assert "Personalsystemet: nyanställda och överlämning" in page
    assert admin.get(f"/staff/settings/webhooks/{endpoint.pk}/").status_code == 200


def test_it_fills_the_silver_and_former_employee_pools_as_the_product_does(output: str) -> None:
    from rekryt.talentpool import former, silver
    from rekryt.talentpool.models import Departure, Member, PoolKind

    assert Member.objects.filter(pool__kind=PoolKind.SILVER).exists()
    assert Member.objects.filter(pool__kind=PoolKind.FORMER).exists()
    assert Departure.objects.count() == 2
    asks = Message.objects.filter(kind__in=[silver.ASK, former.ASK])
    assert asks.filter(kind=former.ASK).exists()
    assert set(asks.values_list("status", flat=True)) == {MessageStatus.SENT}


def test_the_analytics_pages_open_with_the_history_rolled_up(output: str) -> None:
    from rekryt.analytics import rollup

    client = Client()
    client.force_login(User.objects.get(role=Role.ADMIN))
    page = client.get("/staff/analytics/", {"since": "2020-01"}).context["page"]
    applications = page.headlines[0].value
    assert (
        applications
        == Application.objects.count() - Application.objects.filter(events__isnull=True).count()
    )
    assert any(step.reached for step in page.steps[1:])
    assert rollup.stored() == rollup.recount()
