"""Demo talent pools: a general pool, Engineering (owned by Jonas) and
Warehouse (owned by Rebecka), with people who registered through the public
form, some looking now (with a promised answer), some for the future, one
already answered; the silver medalists of the closed jobs and the former
employees, filled as the product fills them."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from rekryt.accounts.models import User
from rekryt.applications.models import Application, Event, EventKind, Outcome
from rekryt.candidates.models import Candidate
from rekryt.jobs.models import Job, JobStatus
from rekryt.messaging.hooks import status_changed
from rekryt.messaging.models import Message, MessageStatus
from rekryt.talentpool import actions, former, nurture, silver
from rekryt.talentpool.models import Intent, Pool, PoolKind

PEOPLE = [
    (
        "engineering",
        "Sofia",
        "Lindqvist",
        Intent.NOW,
        "Backendutvecklare, Python och Django, vill jobba i Malmö.",
    ),
    (
        "engineering",
        "Erik",
        "Åkesson",
        Intent.FUTURE,
        "Senior developer with Kubernetes and Go; open to offers next year.",
    ),
    (
        "engineering",
        "Amina",
        "Yusuf",
        Intent.FUTURE,
        "Dataingenjör, SQL och Azure, intresserad av analys.",
    ),
    (
        "lager",
        "Mikael",
        "Strand",
        Intent.NOW,
        "Truckförare med truckkort A och B, erfaren av WMS och plock.",
    ),
    ("lager", "Hanna", "Persson", Intent.FUTURE, "Lagerarbetare, vill gå över till inköp."),
    ("general", "Oskar", "Nyberg", Intent.FUTURE, "Ekonom med SAP-erfarenhet och bokföring."),
]


def add_talent_pools(staff: dict[str, User]) -> None:
    pools = {
        "general": actions.general_pool(),
        "engineering": Pool.objects.create(
            kind=PoolKind.AREA,
            name_sv="Utveckling",
            name_en="Engineering",
            slug="engineering",
            owner=staff["jonas"],
            public=True,
            answer_days=3,
            department="Tech",
            intro_sv="Utvecklare, dataingenjörer och testare.",
            intro_en="Developers, data engineers and testers.",
        ),
        "lager": Pool.objects.create(
            kind=PoolKind.AREA,
            name_sv="Lager och logistik",
            name_en="Warehouse",
            slug="lager",
            owner=staff["rebecka"],
            public=True,
            answer_days=5,
            department="Lager",
        ),
    }
    # Earlier applicants who later joined a pool: their own details stay.
    people = list(Candidate.objects.order_by("-pk")[: len(PEOPLE)])
    for n, ((pool_key, first, last, intent, about), person) in enumerate(
        zip(PEOPLE, people, strict=False)
    ):
        pool = pools[pool_key]
        if pool is None:
            continue
        member = actions.register(
            pool,
            actions.Registration(
                first_name=first,
                last_name=last,
                email=person.email,
                intent=intent,
                about=about,
                language="sv",
            ),
        )
        if n == 0:
            actions.mark_reviewed(member, pool.owner, "Ringde Sofia, återkommer i maj.", True)
    engineering = pools["engineering"]
    if engineering is not None:
        _silver_and_nurture(engineering, staff["jonas"])
    # As everywhere in the demo, what the pools queued has gone to the
    # mailbox, with its "sent" event on any application's timeline (once).
    done = timezone.now()
    pools_mail = Message.objects.filter(kind__startswith="talentpool")
    queued = list(pools_mail.exclude(status=MessageStatus.SENT, to_mailbox=True))
    pools_mail.filter(pk__in=[m.pk for m in queued]).update(
        status=MessageStatus.SENT, sent_at=done, to_mailbox=True
    )
    told = set(
        Event.objects.filter(kind=EventKind.MESSAGE_SENT).values_list("data__message", flat=True)
    )
    for message in queued:
        message.status = MessageStatus.SENT
    status_changed([m for m in queued if m.pk not in told])


NEWS = {
    "sv": (
        "Nytt från utvecklingsteamet",
        "Hej {candidate_first_name},\n\nvi har flyttat till nya lokaler i Malmö och "
        "börjar rekrytera igen i vår. Vi hör av oss när en roll som passar dig öppnar.",
    ),
    "en": (
        "News from the engineering team",
        "Hello {candidate_first_name},\n\nwe have moved to a new office in Malmö and "
        "start hiring again in the spring. We will be in touch when a role that fits you opens.",
    ),
}


def _silver_and_nurture(engineering: Pool, owner: User) -> None:
    """A nurture send to the engineering pool's future seekers; the silver
    medalists of the closed jobs (one of them had joined the talent
    community before, so is added; the others are asked); two hires who
    have left (one with a talent-pool consent, one asked)."""
    nurture.send(nurture.Segment(pool=engineering, intent=Intent.FUTURE), NEWS, owner)
    closed = list(Job.objects.filter(status=JobStatus.CLOSED))
    late = (
        Application.objects.filter(job__in=closed, outcome__in=silver.NOT_HIRED)
        .filter(Q(stage__kind__in=silver.LATE) | Q(ended_stage__kind__in=silver.LATE))
        .select_related("candidate")
        .order_by("pk")
    )
    for application in late[:1]:
        _joined_before(application.candidate, "Vill gärna höra av er om liknande roller.")
    for job in closed:
        silver.on_job_closed(job)
    hires = Application.objects.filter(outcome=Outcome.HIRED).select_related("candidate", "job")
    for n, application in enumerate(hires.order_by("created_at")[:2]):
        if n == 0:
            _joined_before(application.candidate, "Flyttar till Göteborg, vill gärna tillbaka.")
        left_on = timezone.localdate() - timedelta(days=20 + 10 * n)
        former.mark_left(application, left_on, owner)


def _joined_before(candidate: Candidate, about: str) -> None:
    general = actions.general_pool()
    if general is None:
        return
    actions.register(
        general,
        actions.Registration(
            first_name=candidate.first_name,
            last_name=candidate.last_name,
            email=candidate.email,
            intent=Intent.FUTURE,
            about=about,
            language=candidate.language,
        ),
    )
