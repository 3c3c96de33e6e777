"""The demo's offers: two templates (a salaried post under Unionen's
agreement and a warehouse post under the Transport agreement), and, for those
furthest along, an offer awaiting the hiring manager's approval, one sent
and waiting for the candidate, and one accepted with its signature (which
hired the candidate). All through the real actions."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone

from rekryt.accounts.models import Role, User
from rekryt.applications.models import Application, Outcome
from rekryt.jobs.models import JobStatus, StageKind
from rekryt.messaging.hooks import status_changed
from rekryt.messaging.models import Message, MessageStatus
from rekryt.offers import actions
from rekryt.offers.models import OfferTemplate

TEMPLATES = [
    {
        "name": "Tjänsteman, tillsvidare",
        "intro_sv": (
            "Tack för de givande samtalen under rekryteringen. Vi vill gärna ha dig i teamet "
            "och erbjuder dig härmed en anställning på följande villkor."
        ),
        "intro_en": (
            "Thank you for the rewarding conversations during the process. We would love to "
            "have you on the team and offer you employment on the following terms."
        ),
        "terms_sv": (
            "Tillsvidareanställning som inleds med sex månaders provanställning. Heltid, "
            "40 timmar i veckan med flextid. Tre månaders ömsesidig uppsägningstid. "
            "Placering på kontoret i Göteborg, distansarbete upp till två dagar i veckan."
        ),
        "terms_en": (
            "Permanent employment starting with six months' probation. Full time, 40 hours "
            "a week with flexitime. Three months' mutual notice. Based at the Gothenburg "
            "office, with up to two days a week of remote work."
        ),
        "benefits_sv": (
            "30 semesterdagar, friskvårdsbidrag 5 000 kr per år, tjänstepension enligt ITP 1, "
            "sjukvårdsförsäkring och lunch på fredagar."
        ),
        "benefits_en": (
            "30 days' holiday, a wellness allowance of SEK 5,000 a year, occupational pension "
            "(ITP 1), health insurance and lunch on Fridays."
        ),
        "collective_agreement": "Tjänstemannaavtalet, Unionen–Almega",
        "needs_approval": True,
        "valid_days": 7,
    },
    {
        "name": "Lager, visstid med förlängning",
        "intro_sv": "Välkommen till lagret! Vi erbjuder dig en anställning på följande villkor.",
        "intro_en": "Welcome to the warehouse! We offer you employment on the following terms.",
        "terms_sv": (
            "Allmän visstidsanställning i tolv månader med möjlighet till tillsvidare. "
            "Skiftarbete, dag och kväll varannan vecka. Skyddsskor och arbetskläder ingår."
        ),
        "terms_en": (
            "Fixed-term employment for twelve months, with the possibility of a permanent "
            "post. Shift work, days and evenings on alternate weeks. Safety shoes and work "
            "clothes provided."
        ),
        "benefits_sv": "OB-tillägg enligt avtal, friskvårdsbidrag och personalrabatt.",
        "benefits_en": "Unsocial-hours pay as agreed, a wellness allowance and staff discount.",
        "collective_agreement": "Transportavtalet, Transport–Transportföretagen",
        "needs_approval": False,
        "valid_days": 5,
    },
]
SALARIES = [46500, 52000, 31200]


def furthest(now: datetime) -> list[Application]:
    """One active application per published job, the furthest along first."""
    found = (
        Application.objects.filter(outcome=Outcome.ACTIVE, job__status=JobStatus.PUBLISHED)
        .filter(stage__kind__in=[StageKind.OFFER, StageKind.REFERENCES, StageKind.INTERVIEW])
        .select_related("job", "stage", "job__recruiter")
        .order_by("-stage__order", "created_at", "pk")
    )
    picked: dict[int, Application] = {}
    for application in found:
        picked.setdefault(application.job_id, application)
    return list(picked.values())[:3]


def approver_for(application: Application) -> User | None:
    team = application.job.team.filter(role=Role.HIRING_MANAGER, is_active=True)
    return team.first() or User.objects.filter(role=Role.ADMIN).first()


def add_offers(staff: dict[str, User], now: datetime) -> None:
    templates = [OfferTemplate.objects.create(**spec) for spec in TEMPLATES]
    chosen = furthest(now)
    if len(chosen) < 3:
        return
    offers = []
    for application, salary in zip(chosen, SALARIES, strict=True):
        writer = application.job.recruiter or staff["rebecka"]
        template = templates[1] if "Lager" in application.job.title else templates[0]
        fields = actions.initial_from(template, application)
        fields.update(salary=salary, start_date=timezone.localdate() + timedelta(days=45))
        offers.append((actions.draft_offer(application, writer, fields), writer))
    # Awaiting approval.
    waiting, writer = offers[0]
    waiting.needs_approval = True
    waiting.save(update_fields=["needs_approval"])
    actions.ask_approval(waiting, writer)
    # Sent, approved first where the template asks for it.
    for offer, writer in offers[1:]:
        if offer.needs_approval:
            actions.ask_approval(offer, writer)
            actions.decide_approval(offer, approver_for(offer.application), True, "Godkänt.")  # type: ignore[arg-type]
        actions.send_offer(offer, writer)
    # The last one accepted, as the candidate would in the portal.
    accepted, _writer = offers[2]
    accepted.refresh_from_db()
    actions.mark_viewed(accepted)
    actions.accept_offer(
        accepted,
        actions.Signature(
            typed_name=accepted.application.full_name,
            shown_sha256=accepted.pdf_sha256,
            ip="192.0.2.44",
            user_agent="Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) Safari/604.1",
        ),
    )
    # As everywhere in the demo, what was due has gone to the mailbox (the
    # staff's notice of the answer); the offer emails still wait their delay.
    done = timezone.now()
    due = list(
        Message.objects.filter(
            idempotency_key__startswith="offer:",
            status=MessageStatus.SCHEDULED,
            send_after__lte=done,
        )
    )
    Message.objects.filter(pk__in=[m.pk for m in due]).update(
        status=MessageStatus.SENT, sent_at=done, to_mailbox=True
    )
    for message in due:
        message.status = MessageStatus.SENT
    status_changed(due)
