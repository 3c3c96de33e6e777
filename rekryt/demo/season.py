"""A synthetic hiring season played through the real code paths
(`manage.py simulate_season`).

Time travels (time-machine, not ticking) from `days` ago to now in a few
slots per day. In each slot the due happenings run through the same actions
the UI and the career site use: applications arrive, recruiters review them
after their own, sometimes slow, reaction time, move them on, reject them
with a reason (and now and then undo it), hire the best and close the job
rejecting everyone left; candidates withdraw from the portal and answer the
surveys the worker sends them by posting the real form. After every slot the
worker's duties run until idle, so emails, status updates, digests and
surveys go out as they would. At the end the §4 figures and the CNPS are
measured from what happened."""

from __future__ import annotations

import heapq
import itertools
import math
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from rekryt.accounts.models import Organisation, Role, User
from rekryt.applications.actions import Submission, move_to_stage, reopen, set_outcome
from rekryt.applications.models import Application, Outcome, ReasonKind, RejectionReason
from rekryt.applications.rejections import reject_application, start_bulk_rejection
from rekryt.applications.submissions import submit_application as submit
from rekryt.demo.scores import RESPONSE_RATE, score_for
from rekryt.jobs.actions import close_job, create_job, publish_job
from rekryt.jobs.models import Job, Stage, StageKind, stages_for
from rekryt.messaging.models import Message, MessageStatus, TemplateKind
from rekryt.ops.duties import load_duties, run_until_idle
from rekryt.portal.actions import withdraw
from rekryt.promises.figures import Figures, measure
from rekryt.surveys.models import Survey
from rekryt.surveys.stats import MIN_ANSWERS, Dashboard, Row, dashboard

# Slots of the simulated day (local time). The worker runs after each; the
# 07:00 one is when the recruiters' digests are due.
SLOTS = (time(7), time(9), time(12), time(15), time(18), time(21))
WITHDRAW_RATE = 0.04
UNDO_RATE = 0.05
NOTE_RATE = 0.3
# A candidate must be at least this good to pass the review in each stage
# kind (quality is uniform on 0..1).
BAR: dict[str, float] = {
    StageKind.APPLIED: 0.55,
    StageKind.SCREENING: 0.7,
    StageKind.INTERVIEW: 0.8,
    StageKind.REFERENCES: 0.82,
}
FIRST_NAMES = ["Anna", "Erik", "Sara", "Johan", "Maria", "Ali", "Emma", "Oskar", "Lina", "Noah"]
LAST_NAMES = ["Andersson", "Nilsson", "Karlsson", "Hassan", "Lindqvist", "Berg", "Nguyen", "Ek"]
TITLES = [
    "Warehouse worker",
    "Truck driver",
    "Backend developer",
    "Accountant",
    "Customer service agent",
    "Team lead, logistics",
    "Data analyst",
    "HR partner",
    "Forklift operator",
    "Sales representative",
]
SURVEY_LINK = re.compile(r"/survey/([A-Za-z0-9_-]{20,100})/")


@dataclass
class Recruiter:
    user: User
    mean_days: float  # how long this person takes to react, on average


@dataclass
class Opening:
    job: Job
    recruiter: Recruiter
    stages: list[Stage]  # the pipeline, without the Hired stage
    hired: Stage | None
    opens: datetime
    closes: datetime
    applicants: int


@dataclass
class Season:
    rng: random.Random
    now: Callable[[], datetime]
    queue: list[tuple[datetime, int, str, Any]] = field(default_factory=list)
    quality: dict[int, float] = field(default_factory=dict)
    openings: dict[int, Opening] = field(default_factory=dict)
    seen_invitation: int = 0
    counter: Iterator[int] = field(default_factory=itertools.count)
    answers: int = 0

    def at(self, moment: datetime, kind: str, payload: Any) -> None:
        heapq.heappush(self.queue, (moment, next(self.counter), kind, payload))

    def later(self, days: float, kind: str, payload: Any, working: bool = True) -> None:
        moment = self.now() + timedelta(days=days)
        while working and timezone.localtime(moment).weekday() >= 5:
            moment += timedelta(days=1)  # recruiters act on working days
        self.at(moment, kind, payload)


@dataclass
class Result:
    figures: Figures
    cnps: Dashboard
    jobs: int
    applications: int
    answers: int


class SeasonError(Exception):
    pass


def time_machine_module() -> Any:
    try:
        import time_machine
    except ImportError:  # a production install has no dev requirements
        raise SeasonError(
            "simulate_season needs time-machine, a development requirement: run "
            "`make season`, or install requirements-dev.txt into the virtualenv."
        ) from None
    return time_machine


def simulate(
    jobs: int,
    days: int,
    seed: int,
    out: Callable[[str], None] = print,
    survey_cooldown_days: int | None = None,
) -> Result:
    machine = time_machine_module()
    rng = random.Random(seed)
    today = timezone.localdate()
    start = timezone.make_aware(datetime.combine(today - timedelta(days=days), time(6)))
    with machine.travel(start, tick=False) as traveller:
        season = Season(rng=rng, now=timezone.now)
        _set_up(season, jobs, days, survey_cooldown_days)
        duties = load_duties()
        client = Client(SERVER_NAME=urlsplit(settings.SITE_URL).hostname or "localhost")
        for day in range(days + 3):  # three quiet days let the last emails go out
            quiet = day >= days
            for slot in SLOTS:
                moment = timezone.make_aware(
                    datetime.combine(start.date() + timedelta(days=day), slot)
                )
                traveller.move_to(moment)
                _run_due(season, client, quiet)
                run_until_idle(duties)
                _collect_invitations(season)
            if day % 7 == 6 or day == days + 2:
                out(_progress(day + 1))
        # Survey answers posted above leave a candidate's language active in
        # this thread, as a request does; the console report is English.
        translation.activate("en")
        return Result(
            figures=measure(),
            cnps=dashboard(None),
            jobs=len(season.openings),
            applications=Application.objects.count(),
            answers=season.answers,
        )


def _progress(day: int) -> str:
    total = Application.objects.count()
    active = Application.objects.filter(outcome=Outcome.ACTIVE).count()
    sent = Message.objects.filter(status=MessageStatus.SENT).count()
    surveys = Survey.objects.filter(answered_at__isnull=False).count()
    return (
        f"Day {day}: {total} applications ({active} active), "
        f"{sent} emails sent, {surveys} survey answers"
    )


# --- Setting up ---------------------------------------------------------------


def _set_up(season: Season, jobs: int, days: int, cooldown: int | None) -> None:
    org = Organisation.get()
    # The optional automatic status update is switched on, to be measured too.
    org.status_update_after_days = 10
    if cooldown is not None:
        org.survey_cooldown_days = cooldown
    org.save()
    rng = season.rng
    recruiters = [
        Recruiter(
            User.objects.create(
                username=f"season-recruiter-{n}",
                first_name=f"Recruiter {n}",
                email=f"season-recruiter-{n}@example.com",
                role=Role.RECRUITER,
            ),
            mean_days=rng.uniform(1, 10),
        )
        for n in range(1, max(2, jobs // 5) + 1)
    ]
    for n in range(jobs):
        opening = _open(season, rng.choice(recruiters), n, days)
        season.openings[opening.job.pk] = opening
        season.at(opening.opens, "publish", opening.job.pk)
        # The recruiter gets round to the hire and the close some days later.
        lag = rng.uniform(0.5, 1) * min(opening.recruiter.mean_days, days * 0.1)
        season.at(opening.closes + timedelta(days=lag), "close", opening.job.pk)
        for _ in range(opening.applicants):
            arrives = opening.opens + (opening.closes - opening.opens) * rng.random() ** 1.5
            season.at(arrives, "apply", opening.job.pk)


def _applicants(rng: random.Random) -> int:
    if rng.random() < 0.1:  # a popular one
        return int(rng.uniform(200, 320))
    return max(3, min(int(rng.lognormvariate(math.log(40), 0.6)), 180))


def _open(season: Season, recruiter: Recruiter, n: int, days: int) -> Opening:
    rng = season.rng
    now = season.now()
    # Openings are spread over the season; the last ones are still open at
    # its end, so the figures see active applications too.
    opens = now + timedelta(days=rng.uniform(0, days * 0.8))
    open_days = rng.uniform(14, 35) if days >= 40 else rng.uniform(days * 0.2, days * 0.4)
    closes = opens + timedelta(days=open_days)
    job = create_job(
        actor=recruiter.user,
        recruiter=recruiter.user,
        title=f"{TITLES[n % len(TITLES)]} {n // len(TITLES) + 1}",
        department=rng.choice(["Operations", "Tech", "Finance", "People"]),
        city=rng.choice(["Umeå", "Luleå", "Stockholm", "Göteborg"]),
        description="A real role in a real team. " * 5,
        language=rng.choice(["sv", "sv", "en"]),
        deadline=timezone.localdate(closes),
    )
    stages = list(stages_for(job))
    return Opening(
        job=job,
        recruiter=recruiter,
        stages=[s for s in stages if s.kind != StageKind.HIRED],
        hired=next((s for s in stages if s.kind == StageKind.HIRED), None),
        opens=opens,
        closes=closes,
        applicants=_applicants(rng),
    )


# --- Happenings -----------------------------------------------------------------


def _run_due(season: Season, client: Client, quiet: bool) -> None:
    now = season.now()
    while season.queue and season.queue[0][0] <= now:
        _moment, _n, kind, payload = heapq.heappop(season.queue)
        if quiet and kind != "answer":
            continue
        HAPPENINGS[kind](season, client, payload)


def _publish(season: Season, client: Client, job_pk: int) -> None:
    opening = season.openings[job_pk]
    publish_job(opening.job, actor=opening.recruiter.user)


def _apply(season: Season, client: Client, job_pk: int) -> None:
    opening = season.openings[job_pk]
    rng = season.rng
    n = next(season.counter)
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    submitted = submit(
        opening.job,
        Submission(
            first_name=first,
            last_name=last,
            email=f"{first}.{last}.{n}@candidates.example".lower(),
            about="I would like to work with you.",
            source="career_site",
            language=opening.job.language,
        ),
    )
    if not submitted.created:
        return
    application = submitted.application
    season.quality[application.pk] = rng.random()
    season.later(rng.expovariate(1 / opening.recruiter.mean_days), "review", application.pk)
    if rng.random() < WITHDRAW_RATE:
        season.later(rng.uniform(1, 30), "withdraw", application.pk, working=False)


def _review(season: Season, client: Client, application_pk: int) -> None:
    """The recruiter looks at the application in its current stage."""
    application = Application.objects.select_related("stage", "job").get(pk=application_pk)
    if not application.is_active:
        return
    opening = season.openings[application.job_id]
    rng = season.rng
    quality = season.quality[application_pk]
    kind = application.stage.kind
    if kind == StageKind.OFFER:
        return  # waits for the hiring decision at the close
    if quality < BAR.get(kind, 0.8):
        _reject(season, application, opening)
        return
    index = next(i for i, s in enumerate(opening.stages) if s.pk == application.stage_id)
    if index + 1 < len(opening.stages):
        move_to_stage(application, opening.stages[index + 1], opening.recruiter.user)
        season.later(rng.expovariate(1 / opening.recruiter.mean_days), "review", application_pk)


def _reason(application: Application, rng: random.Random) -> RejectionReason:
    declined = list(RejectionReason.objects.filter(active=True, kind=ReasonKind.DECLINED))
    after_interview = [r for r in declined if r.template_kind == "rejection_after_interview"]
    if application.stage.kind != StageKind.APPLIED and after_interview:
        return rng.choice(after_interview)
    plain = [r for r in declined if r.template_kind != "position_filled"] or declined
    return rng.choice(plain)


def _reject(season: Season, application: Application, opening: Opening) -> None:
    rng = season.rng
    note = "Thank you for the time you gave us." if rng.random() < NOTE_RATE else ""
    if not reject_application(
        application, _reason(application, rng), opening.recruiter.user, personal_note=note
    ):
        return
    if rng.random() < UNDO_RATE:  # second thoughts, within the 24 h delay
        season.later(rng.uniform(0.05, 0.8), "undo", application.pk, working=False)


def _undo(season: Season, client: Client, application_pk: int) -> None:
    application = Application.objects.get(pk=application_pk)
    opening = season.openings[application.job_id]
    if reopen(application, opening.recruiter.user):
        season.quality[application_pk] = max(season.quality[application_pk], 0.75)
        season.later(season.rng.uniform(0.5, 3), "review", application_pk)


def _withdraw(season: Season, client: Client, application_pk: int) -> None:
    application = Application.objects.get(pk=application_pk)
    if application.is_active:
        withdraw(application, "I took another job.")


def _close(season: Season, client: Client, job_pk: int) -> None:
    """After the deadline (and the recruiter's own delay) the best candidate
    furthest along is hired and the job is closed, rejecting everyone left."""
    opening = season.openings[job_pk]
    actor = opening.recruiter.user
    order = {s.pk: i for i, s in enumerate(opening.stages)}
    active = list(Application.objects.filter(job_id=job_pk, outcome=Outcome.ACTIVE))
    if active and opening.hired is not None:
        best = max(active, key=lambda a: (order.get(a.stage_id, 0), season.quality[a.pk]))
        if order.get(best.stage_id, 0) >= 2:  # interviewed at least
            move_to_stage(best, opening.hired, actor)
            set_outcome(best, Outcome.HIRED, actor)
    declined = RejectionReason.objects.filter(active=True, kind=ReasonKind.DECLINED)
    reason = declined.filter(template_kind="position_filled").first() or declined.first()
    if close_job(opening.job, actor=actor) and reason is not None:
        left = Application.objects.filter(job_id=job_pk, outcome=Outcome.ACTIVE)
        start_bulk_rejection(opening.job, list(left.values_list("pk", flat=True)), reason, actor)


# --- Candidates answering surveys -------------------------------------------------


def _collect_invitations(season: Season) -> None:
    """Each new survey email is answered by about 37 % of candidates, some
    hours to a few days after it arrived."""
    rng = season.rng
    invitations = Message.objects.filter(
        kind=TemplateKind.SURVEY_INVITATION,
        status=MessageStatus.SENT,
        pk__gt=season.seen_invitation,
    ).order_by("pk")
    for pk in invitations.values_list("pk", flat=True):
        season.seen_invitation = pk
        if rng.random() < RESPONSE_RATE:
            season.later(rng.lognormvariate(math.log(0.3), 1.0), "answer", pk, working=False)


def _answer(season: Season, client: Client, message_pk: int) -> None:
    message = Message.objects.get(pk=message_pk)
    link = SURVEY_LINK.search(message.body_text)
    survey = Survey.objects.filter(pk=int(message.idempotency_key.split(":")[1])).first()
    if link is None or survey is None or message.application_id is None:
        return
    score = score_for(season.rng, survey, message.application_id)
    response = client.post(
        reverse("survey_answer", args=[link.group(1)]), {"score": score, "comment": ""}
    )
    if response.status_code == 302:
        season.answers += 1


HAPPENINGS: dict[str, Callable[[Season, Client, Any], None]] = {
    "publish": _publish,
    "apply": _apply,
    "review": _review,
    "undo": _undo,
    "withdraw": _withdraw,
    "close": _close,
    "answer": _answer,
}


# --- Printing -------------------------------------------------------------------


def _cnps_line(row: Row) -> str:
    if not row.shown:  # as on the dashboard: a handful of answers points at people
        return f"  {row.label:<28} fewer than {MIN_ANSWERS} answers"
    rate = f"{row.response_rate:.0f} %" if row.response_rate is not None else "–"
    return (
        f"  {row.label:<28} {row.cnps:+6.1f}  [{row.low:+6.1f}, {row.high:+6.1f}]  "
        f"{row.answers:>5} answers  {rate:>5} responded"
    )


def report(result: Result) -> list[str]:
    lines = [
        f"Season: {result.jobs} jobs, {result.applications} applications, "
        f"{result.answers} survey answers.",
        "",
        "No-silence promise (§4):",
        *(f"  {line}" for line in result.figures.lines()),
        "",
        "Candidate NPS (§5), with the 95 % interval:",
        f"  {'':<28} {'CNPS':>6}  {'95 % interval':<18}",
        _cnps_line(result.cnps.overall),
        *(_cnps_line(row) for row in result.cnps.by_step),
    ]
    return lines
