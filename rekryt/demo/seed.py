"""Load the demo company through the real actions (`manage.py seed_demo`).

Every job, application, stage move, note and outcome goes through the same
actions the UI uses, so the demo's events, emails and search index are what
real use produces. The actions stamp rows with the current time; afterwards
`backdate` spreads them over the last three months, replaying each
application's planned timeline onto its events, notes and emails."""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.contrib.auth.hashers import make_password
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from rekryt.accounts.models import Organisation, Role, User
from rekryt.analytics import rollup
from rekryt.api.demo import add_integrations
from rekryt.applications.actions import (
    Submission,
    Upload,
    add_note,
    move_to_stage,
    set_outcome,
)
from rekryt.applications.models import Application, Event, Outcome, Source
from rekryt.applications.rejections import reject_application
from rekryt.applications.submissions import submit_application
from rekryt.candidates.models import Document, TextStatus
from rekryt.candidates.search import index_documents
from rekryt.demo import data
from rekryt.demo.ads import JOBS, PLAN_KEYS
from rekryt.demo.backdate import Timeline, backdate
from rekryt.demo.campaigns import add_campaign
from rekryt.demo.identity import add_identity_cases
from rekryt.demo.interviews import add_interviews
from rekryt.demo.offers import add_offers
from rekryt.demo.onboarding import add_onboarding
from rekryt.demo.people import about, cv_lines, cv_pdf, make_people
from rekryt.demo.plan import Opening, Plan, Step, plan_applications
from rekryt.demo.references import add_references
from rekryt.demo.screening import (
    answer_screening,
    backdate_results,
    set_up_screening,
    set_up_tests,
    take_tests,
)
from rekryt.demo.surveys import survey_the_history
from rekryt.demo.talent import add_talent_pools
from rekryt.demo.workspace import add_workspace
from rekryt.imports.demo import add_import
from rekryt.jobs.actions import close_job, create_job, publish_job
from rekryt.jobs.models import Job, stages_for
from rekryt.lib.months import add_months
from rekryt.messaging.models import Message, MessageStatus
from rekryt.privacy.holds import place_hold
from rekryt.privacy.models import RequestChannel, RequestKind, RequestStatus
from rekryt.privacy.notice import current_notice
from rekryt.privacy.requests import close, register
from rekryt.surveys.models import SurveyCursor

DEFAULT_SEED = 7  # any fixed number: the same seed gives the same company


@dataclass
class Seeded:
    logins: list[tuple[str, str, str, str]]  # username, password, role, job title
    jobs: int
    candidates: int
    applications: int


def seed_demo(candidates: int, password: str, seed: int = DEFAULT_SEED) -> Seeded:
    rng = random.Random(seed)
    now = timezone.now()
    with transaction.atomic():
        set_up_organisation()
        staff = create_staff(password)
        openings = [create_opening(spec, staff, now) for spec in JOBS]
        set_up_screening()
        set_up_tests()
        plans = plan_applications(rng, openings, make_people(rng, candidates), now)
        timelines = [play(rng, plan) for plan in sorted(plans, key=lambda p: p.applied_at)]
        played = [t for t in timelines if t is not None]
        backdate(played)
        backdate_results()
        add_privacy_cases(played, staff, now)
        add_workspace([t.application_id for t in played], staff, timezone.now())
        add_interviews(staff, timezone.now())
        add_references(timezone.now())
        add_onboarding(staff, timezone.now())
        add_campaign(staff, rng)
        add_talent_pools(staff)
        add_offers(staff, timezone.now())
        add_import(staff["rebecka"])
        survey_the_history(rng, [t.application_id for t in played], timezone.now())
        elsewhere = add_identity_cases([t.application_id for t in played], now)
        if elsewhere is not None:
            backdate([elsewhere])
            played.append(elsewhere)
        # The history has been surveyed: the survey duty starts reading after
        # it, so the first worker start sends no surveys about old events.
        last_event = Event.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        SurveyCursor.objects.update_or_create(pk=1, defaults={"last_event_id": last_event})
        # Last to make events: it puts the webhooks' cursor after them all.
        add_integrations(staff, timezone.now())
        # The analytics pages open with the whole history rolled up. The seed
        # runs alone, so no lower event id can still commit: nothing needs to
        # settle first.
        rollup.catch_up_all(now=timezone.now() + rollup.SETTLE)
    logins = [(u, password, str(Role(role).label), t) for u, _f, _l, role, t in data.STAFF]
    return Seeded(
        logins=logins,
        jobs=len(openings),
        candidates=len({t.candidate_id for t in played}),
        applications=len(played),
    )


def add_privacy_cases(played: list[Timeline], staff: dict[str, User], now: datetime) -> None:
    """What a privacy officer finds on a normal day: the notice published, an
    access request that came by letter and is due in five days, one answered
    through the portal, and a legal hold on a candidate who disputes a decision."""
    current_notice()
    rejected = list(
        Application.objects.filter(
            pk__in=[t.application_id for t in played], outcome=Outcome.REJECTED
        )
        .select_related("candidate")
        .order_by("pk")[:3]
    )
    if len(rejected) < 3:
        return
    admin = staff["astrid"]
    letter, portal, disputed = (a.candidate for a in rejected)
    register(
        candidate=letter,
        kind=RequestKind.ACCESS,
        channel=RequestChannel.POST,
        received_at=add_months(now + timedelta(days=5), -1),
        requester=letter.full_name,
        details="Begär registerutdrag enligt artikel 15 GDPR, inklusive intervjuanteckningar.",
        actor=admin,
    )
    answered = register(
        candidate=portal,
        kind=RequestKind.ACCESS,
        channel=RequestChannel.PORTAL,
        received_at=now - timedelta(days=3),
        requester=portal.full_name,
        details="",
        actor=None,
    )
    close(answered, status=RequestStatus.ANSWERED, note="Laddade ner sina uppgifter.", actor=None)
    place_hold(
        candidate=disputed,
        reason="Kandidaten har anmält beslutet till Diskrimineringsombudsmannen; "
        "inget gallras förrän ärendet är avslutat.",
        actor=admin,
    )


def set_up_organisation() -> None:
    org = Organisation.get()
    for name, value in data.ORGANISATION.items():
        setattr(org, name, value)
    org.save()


def create_staff(password: str) -> dict[str, User]:
    # One hash for the shared demo password: hashing it six times costs seconds.
    hashed = make_password(password)
    staff: dict[str, User] = {}
    for username, first, last, role, _title in data.STAFF:
        staff[username], _created = User.objects.update_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": f"{username}@{data.STAFF_DOMAIN}",
                "role": role,
                "is_active": True,
                "password": hashed,
            },
        )
    return staff


def _morning(moment: datetime) -> datetime:
    local = timezone.localtime(moment)
    return local.replace(hour=9, minute=12, second=0, microsecond=0)


def create_opening(spec: dict[str, Any], staff: dict[str, User], now: datetime) -> Opening:
    fields = {k: v for k, v in spec.items() if k not in PLAN_KEYS}
    fields["deadline"] = timezone.localdate(now) + timedelta(days=spec["deadline_in_days"])
    recruiter = staff[spec["recruiter"]]
    team = [staff[name] for name in spec["team"]]
    job = create_job(actor=recruiter, team=team, recruiter=recruiter, **fields)
    published_at = closed_at = None
    created_at = now - timedelta(days=3)
    if spec["status"] in ("published", "closed"):
        publish_job(job, actor=recruiter)
        published_at = _morning(now - timedelta(days=spec["published_days_ago"]))
        created_at = published_at - timedelta(days=2, hours=3)
    if spec["status"] == "closed":
        close_job(job, actor=recruiter)
        closed_at = _morning(now - timedelta(days=spec["closed_days_ago"]))
    Job.objects.filter(pk=job.pk).update(
        created_at=created_at, published_at=published_at, closed_at=closed_at
    )
    job.published_at, job.closed_at = published_at, closed_at
    managers = [u for u in team if u.role == Role.HIRING_MANAGER]
    return Opening(
        job=job,
        spec=spec,
        stages=list(stages_for(job)),
        deciders=[recruiter, *managers],
        note_authors=[recruiter, *team],
    )


# --- Playing the plan through the actions ------------------------------------------


def play(rng: random.Random, plan: Plan) -> Timeline | None:
    opening, person = plan.opening, plan.person
    job = opening.job
    blocks = cv_lines(rng, person, opening.spec["family"], job.language)
    pdf, text = cv_pdf(blocks, person)
    source = rng.choices(*zip(*data.SOURCES, strict=True))[0]
    upload = Upload(
        kind="cv",
        file=ContentFile(pdf),
        original_name=f"CV {person.first_name} {person.last_name}.pdf",
        content_type="application/pdf",
        size=len(pdf),
        sha256=hashlib.sha256(pdf).hexdigest(),
    )
    submission = Submission(
        first_name=person.first_name,
        last_name=person.last_name,
        email=person.email,
        phone=person.phone,
        about=about(rng, job.language),
        source=source,
        heard_from=source if source in Source.values else "",
        language=job.language,
        uploads=[upload],
    )
    submitted = submit_application(job, submission)
    if not submitted.created:
        return None
    application = submitted.application
    answer_screening(application)
    # The text is known (we wrote the PDF): searchable at once, no worker needed.
    Document.objects.filter(application=application).update(text=text, text_status=TextStatus.DONE)
    index_documents(application.pk)
    _delivered(application)
    take_tests(application)
    for step in plan.steps:
        _perform(application, step)
        take_tests(application)
        _delivered(application)
    return Timeline(
        application_id=application.pk,
        candidate_id=application.candidate_id,
        applied_at=plan.applied_at,
        step_times=[step.at or plan.applied_at for step in plan.steps],
    )


def _perform(application: Application, step: Step) -> None:
    if step.kind == "move" and step.stage is not None:
        move_to_stage(application, step.stage, step.actor)
    elif step.kind == "note":
        add_note(application, step.actor, step.body)
    elif step.kind == "outcome" and step.outcome == Outcome.HIRED:
        set_outcome(application, step.outcome, step.actor)
    elif step.kind == "outcome" and step.reason is not None:
        # Declines and withdrawals get their kind email, like in the UI.
        reject_application(application, step.reason, step.actor)


def _delivered(application: Application) -> None:
    """The steps happened days apart: an email a step queued had gone out
    before the next one, so leaving a stage must not cancel it. Marked sent
    here; `backdate` dates it and writes its "sent" event."""
    Message.objects.filter(application=application, status=MessageStatus.SCHEDULED).update(
        status=MessageStatus.SENT
    )
