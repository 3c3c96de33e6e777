"""Demo talent pools: a general pool, Engineering (owned by Jonas) and
Warehouse (owned by Rebecka), with people who registered through the public
form, some looking now (with a promised answer), some for the future, one
already answered."""

from __future__ import annotations

from django.utils import timezone

from rekryt.accounts.models import User
from rekryt.candidates.models import Candidate
from rekryt.messaging.models import Message, MessageStatus
from rekryt.talentpool import actions
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
    Message.objects.filter(kind__startswith="talentpool").update(
        status=MessageStatus.SENT, sent_at=timezone.now(), to_mailbox=True
    )
