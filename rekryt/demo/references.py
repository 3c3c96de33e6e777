"""The demo's references: the References stage of the warehouse and the
developer jobs asks for two referees; those furthest along have named them,
and the requests stand as they would a few days on — both answered for one
candidate, one answered and one waiting (a reminder gone out) for another,
two answers worded almost alike (a signal for the recruiter) for a third,
and referees named but not yet asked for a fourth, so the recruiter can
send the requests (and undo them) in the demo.

Everything goes through the real actions; times are moved back afterwards
as in the rest of the demo."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone

from rekryt.applications.models import Application, Outcome
from rekryt.jobs.models import JobStatus, Stage, StageKind
from rekryt.messaging.hooks import status_changed
from rekryt.messaging.models import Message, MessageStatus
from rekryt.references import actions
from rekryt.references.actions import RefereeDetails
from rekryt.references.emails import reminder_times
from rekryt.references.models import Kind, ReferenceRequest, StageRule

REFEREES = [
    (
        "Annika Lund",
        "manager",
        "Schenker Logistics AB",
        "annika.lund@schenker-demo.se",
        "031-704 12 30",
    ),
    (
        "Mikael Öberg",
        "colleague",
        "Postnord Terminal Hisingen",
        "mikael.oberg@postnord-demo.se",
        "",
    ),
    ("Eva Sjöberg", "manager", "Coop Logistik", "eva.sjoberg@coop-demo.se", "08-743 10 00"),
    ("Johan Berg", "client", "Bring Frigo", "johan.berg@bring-demo.se", ""),
    (
        "Lena Axelsson",
        "manager",
        "Kodverket AB",
        "lena.axelsson@kodverket-demo.se",
        "070-221 45 12",
    ),
    ("Omar Haddad", "colleague", "Kodverket AB", "omar.haddad@kodverket-demo.se", ""),
    (
        "Karin Nyström",
        "teacher",
        "Chalmers tekniska högskola",
        "karin.nystrom@chalmers-demo.se",
        "",
    ),
    ("Per Wikström", "manager", "DHL Supply Chain", "per.wikstrom@dhl-demo.se", ""),
]

ANSWERS = [
    [
        "Vi arbetade tillsammans i tre år på terminalen i Torslanda, där jag var hens "
        "närmaste chef.",
        "Plock och pack, truckkörning och inventering. Mot slutet ansvarade hen för "
        "inskolning av nyanställda.",
        "Lugn och noggrann under press. När vi tappade ett helt skift under julhandeln "
        "planerade hen om plocket så att inga leveranser blev sena.",
        "Kan bli bättre på att säga till när arbetsbelastningen blir för hög.",
    ],
    [
        "Vi var kollegor i samma arbetslag i knappt två år.",
        "Inleveranser, truck och att hålla ordning i höglagret.",
        "Hen är den som alltid ser till att säkerhetsrutinerna följs, även när det är stressigt, "
        "och hen hjälper gärna nya kollegor.",
        "Har inte så mycket erfarenhet av WMS-systemets rapporter men lär sig snabbt.",
    ],
]
ALIKE = (
    "Hen är en mycket pålitlig och noggrann medarbetare som alltid levererar i tid och tar "
    "ansvar för helheten i arbetslaget."
)


def _answer(
    request: ReferenceRequest, texts: list[str], rating: int, at: datetime, minutes: int
) -> None:
    _deliver_due(at)  # what was due before the answer has gone out
    items = list(request.items.all())
    text_items = iter(texts)
    answers: dict[int, tuple[int | None, str]] = {}
    for n, item in enumerate(items):
        if item.kind == Kind.LIKERT:
            answers[item.pk] = (max(1, min(5, rating - (n % 3 == 2))), "")
        else:
            answers[item.pk] = (None, next(text_items, "Inget att tillägga."))
    actions.save_answers(request, answers, timezone.now() - timedelta(minutes=minutes), submit=True)
    ReferenceRequest.objects.filter(pk=request.pk).update(
        answered_at=at, shown_at=at - timedelta(minutes=minutes)
    )


def _name(application: Application, people: list[tuple[str, str, str, str, str]]) -> None:
    for name, relation, organisation, email, phone in people:
        details = RefereeDetails(name, relation, email, organisation, phone, "sv")
        actions.add_referee(application, details, None)


def _ask(application: Application, days_ago: int) -> list[ReferenceRequest]:
    recruiter = application.job.recruiter
    made = actions.request_references(application, recruiter)  # type: ignore[arg-type]
    sent_at = timezone.now() - timedelta(days=days_ago)
    for request in made:
        ReferenceRequest.objects.filter(pk=request.pk).update(
            requested_at=sent_at, expires_at=request.expires_at - timedelta(days=days_ago)
        )
        Message.objects.filter(idempotency_key=f"ref:{request.pk}:request").update(
            send_after=sent_at
        )
        for n, when in enumerate(reminder_times(sent_at), start=1):
            Message.objects.filter(idempotency_key=f"ref:{request.pk}:reminder:{n}").update(
                send_after=when
            )
        request.refresh_from_db()
    return made


def add_references(now: datetime) -> None:
    for stage in Stage.objects.filter(kind=StageKind.REFERENCES, job__status=JobStatus.PUBLISHED):
        StageRule.objects.update_or_create(
            stage=stage, defaults={"referees_required": 2, "advance_when_complete": False}
        )
    ahead = list(
        Application.objects.filter(
            outcome=Outcome.ACTIVE,
            job__status=JobStatus.PUBLISHED,
            stage__kind__in=[StageKind.REFERENCES, StageKind.OFFER],
        ).order_by("-stage__order", "created_at")
    )
    # A small demo may have few that far: the last scene also suits one
    # still interviewing (the candidate has named referees in good time).
    ahead += list(
        Application.objects.filter(
            outcome=Outcome.ACTIVE,
            job__status=JobStatus.PUBLISHED,
            stage__kind=StageKind.INTERVIEW,
        ).order_by("-stage__order", "created_at")[: max(0, 4 - len(ahead))]
    )
    scenes = [_both_answered, _one_waiting, _worded_alike, _named_only]
    for application, scene in zip(ahead, scenes, strict=False):
        scene(application, now)
    _deliver_due(timezone.now())


def _both_answered(application: Application, now: datetime) -> None:
    _name(application, REFEREES[0:2])
    first, second = _ask(application, days_ago=6)
    _answer(first, ANSWERS[0], 5, now - timedelta(days=5), minutes=14)
    _answer(second, ANSWERS[1], 4, now - timedelta(days=4), minutes=11)


def _one_waiting(application: Application, now: datetime) -> None:
    _name(application, REFEREES[2:4])
    first, _waiting = _ask(application, days_ago=3)
    _answer(first, ANSWERS[1], 4, now - timedelta(days=2), minutes=9)


def _worded_alike(application: Application, now: datetime) -> None:
    _name(application, REFEREES[4:6])
    first, second = _ask(application, days_ago=5)
    _answer(first, [ALIKE, ALIKE, ALIKE, "Inget."], 5, now - timedelta(days=4), minutes=1)
    more = [ALIKE, ALIKE, ALIKE + " Rekommenderas!", "Inget."]
    _answer(second, more, 5, now - timedelta(days=3), minutes=6)


def _named_only(application: Application, now: datetime) -> None:
    _name(application, REFEREES[6:8])


def _deliver_due(moment: datetime) -> None:
    """As everywhere in the demo, what was due has gone to the mailbox."""
    due = list(
        Message.objects.filter(
            idempotency_key__startswith="ref:",
            status=MessageStatus.SCHEDULED,
            send_after__lte=moment,
        )
    )
    Message.objects.filter(pk__in=[m.pk for m in due]).update(
        status=MessageStatus.SENT, sent_at=moment, to_mailbox=True
    )
    for message in due:
        message.status = MessageStatus.SENT
    status_changed(due)
