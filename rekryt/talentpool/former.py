"""Former employees: an admin marks a hire as having left (the application
page of a hired application, with the date they left). With a talent-pool
consent in force the person joins the "Former employees" pool (made on
first use, owned like the general pool, reviewed like every pool);
otherwise they get one email asking whether they want to stay in touch,
after the organisation's undo delay, and are added only if they join the
talent pool through its link. Undoing the mark cancels a pending email and
takes back a membership it made."""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from rekryt.accounts.models import Organisation, User
from rekryt.applications.models import Application, Outcome
from rekryt.messaging.models import Message, MessageStatus
from rekryt.messaging.outbox import cancel_pending, candidate_values, queue_written
from rekryt.talentpool.actions import general_pool, latest_consent
from rekryt.talentpool.cv import reindex
from rekryt.talentpool.models import (
    Activity,
    ActivityKind,
    Departure,
    Intent,
    Member,
    Pool,
    PoolKind,
)

ASK = "talentpool_former_invitation"


def former_pool() -> Pool | None:
    found = Pool.objects.filter(kind=PoolKind.FORMER).order_by("pk").first()
    if found is not None:
        return found
    general = general_pool()
    if general is None:
        return None
    return Pool.objects.create(
        kind=PoolKind.FORMER,
        name_sv="Tidigare medarbetare",
        name_en="Former employees",
        slug="former-employees",
        owner=general.owner,
    )


@transaction.atomic
def mark_left(application: Application, left_on: date, actor: User) -> Departure | None:
    """Record that a hire has left; None unless hired and not marked yet."""
    if application.outcome != Outcome.HIRED or is_marked_left(application):
        return None
    departure = Departure.objects.create(application=application, left_on=left_on, marked_by=actor)
    pool = former_pool()
    if pool is None:
        return departure
    if latest_consent(application.candidate) is not None:
        departure.member = _add(pool, departure)
        departure.save(update_fields=["member"])
    elif not _asked_or_in(pool, departure):
        _ask(departure)
    return departure


def _asked_or_in(pool: Pool, departure: Departure) -> bool:
    """In the pool already, or asked before (for another hire) and not cancelled."""
    candidate = departure.application.candidate
    asked = Message.objects.filter(candidate=candidate, kind=ASK).exclude(
        status=MessageStatus.CANCELLED
    )
    return asked.exists() or Member.objects.filter(pool=pool, candidate=candidate).exists()


def is_marked_left(application: Application) -> bool:
    return Departure.objects.filter(application=application).exists()


def _add(pool: Pool, departure: Departure) -> Member | None:
    application = departure.application
    member, created = Member.objects.get_or_create(
        pool=pool, candidate=application.candidate, defaults={"intent": Intent.ADDED}
    )
    if not created:
        return None
    with translation.override(settings.LANGUAGE_CODE):
        member.note = _("Worked as %(job)s until %(date)s") % {
            "job": application.job.title,
            "date": formats.date_format(departure.left_on, "DATE_FORMAT"),
        }
    member.schedule_next()
    member.save()
    Activity.objects.create(
        member=member, kind=ActivityKind.JOINED, text=member.note, actor=departure.marked_by
    )
    reindex(member)
    return member


def _ask(departure: Departure) -> Message:
    application = departure.application
    candidate = application.candidate
    language = candidate.language if candidate.language in ("sv", "en") else "sv"
    with translation.override(language):
        subject = _("Shall we stay in touch?")
        text = _(
            "Hello {candidate_first_name},\n\nthank you for your time with us as "
            "{job_title}. If you would like to hear from us when a role that suits you "
            "opens, join our talent pool here (we keep nothing about you for this unless "
            "you do): %(url)s\n\n{company}"
        ) % {"url": settings.SITE_URL + reverse("talent_join")}
    delay = timedelta(minutes=Organisation.get().stage_email_delay_minutes)
    return queue_written(
        key=f"talentpool-former:{application.pk}",
        kind=ASK,
        language=language,
        subject=subject,
        text=text,
        to_email=candidate.email,
        to_name=candidate.full_name,
        values={**candidate_values(candidate), "job_title": application.job.title},
        candidate=candidate,
        application=application,
        send_after=timezone.now() + delay,
    )


@transaction.atomic
def undo_left(departure: Departure) -> None:
    """A mark made by mistake: cancel a pending ask, take back the membership
    it made (with its timeline), forget the departure."""
    cancel_pending(
        Message.objects.filter(kind=ASK, application_id=departure.application_id).filter(
            status=MessageStatus.SCHEDULED
        )
    )
    if departure.member is not None:
        departure.member.delete()
    departure.delete()


def still_wanted(message: Message) -> bool:
    """At send time: still marked as left and not in the talent pool by then."""
    if message.application_id is None or message.candidate_id is None:
        return False
    marked = Departure.objects.filter(application_id=message.application_id).exists()
    return marked and latest_consent(message.candidate) is None  # type: ignore[arg-type]


def on_joined(member: Member) -> None:
    """A former employee who joined the talent pool (we asked them, or they
    came on their own): into the former-employees pool as well."""
    departure = (
        Departure.objects.filter(application__candidate=member.candidate, member=None)
        .select_related("application__job", "application__candidate", "marked_by")
        .order_by("-left_on")
        .first()
    )
    pool = former_pool() if departure is not None else None
    if departure is None or pool is None or pool.pk == member.pool_id:
        return
    departure.member = _add(pool, departure)
    if departure.member is not None:
        departure.save(update_fields=["member"])


def ask_for(departure: Departure) -> Message | None:
    return Message.objects.filter(kind=ASK, application_id=departure.application_id).first()
