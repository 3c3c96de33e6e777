"""Demo talent pools: a general pool, Engineering (owned by Jonas) and
Warehouse (owned by Rebecka), with people who registered through the public
form, some looking now (with a promised answer), some for the future, one
already answered."""

from __future__ import annotations

from django.utils import timezone

from rekryt.accounts.models import User
from rekryt.applications.models import Event, EventKind
from rekryt.candidates.models import Candidate
from rekryt.messaging.hooks import status_changed
from rekryt.messaging.models import Message, MessageStatus
from rekryt.talentpool import actions, nurture
from rekryt.talentpool.cv import reindex
from rekryt.talentpool.models import Intent, Member, Pool, PoolKind

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
    """A nurture send to the engineering pool's future seekers, and a
    silver-medalist pool (filled by hand here: the automatic filling is not
    built) with the people already in Engineering who reached a late stage."""
    nurture.send(nurture.Segment(pool=engineering, intent=Intent.FUTURE), NEWS, owner)
    silver = Pool.objects.create(
        kind=PoolKind.SILVER,
        name_sv="Silvermedaljörer",
        name_en="Silver medalists",
        slug="silvermedaljorer",
        owner=owner,
        intro_sv="Nådde intervju eller erbjudande men fick inte jobbet.",
        intro_en="Reached interview or offer but were not hired.",
    )
    for member in Member.objects.filter(pool=engineering, intent=Intent.FUTURE):
        added = Member.objects.create(
            pool=silver,
            candidate=member.candidate,
            intent=Intent.ADDED,
            note="Kom till intervju för Backendutvecklare; stark tvåa.",
        )
        added.schedule_next()
        added.save()
        reindex(added)
