"""Rejections with care: a reason, a kind email in the candidate's language,
sent no sooner than the organisation's delay so the decision can be undone,
and re-checked by the worker just before it goes out.

Idempotency keys: `reject:<application>:<n>` for the decision email and
`future:<application>:<n>` for the "may we contact you later?" email, where
n counts the application's endings so far (an application rejected, reopened
and rejected again gets a new email). `reopen` cancels both while pending."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext, override

from rekryt.accounts.models import Organisation, User
from rekryt.applications.actions import message_values, queue_email, set_outcome
from rekryt.applications.models import (
    Application,
    BulkRejection,
    Event,
    EventKind,
    Outcome,
    ReasonKind,
    RejectionReason,
    record,
)
from rekryt.jobs.models import Job
from rekryt.messaging import hooks, outbox
from rekryt.messaging.models import EmailTemplate, Message, TemplateKind
from rekryt.messaging.rendering import Rendered, render

log = logging.getLogger(__name__)

FUTURE_CONTACT_SALT = "rekryt.applications.future_contact"
# The link in a "may we contact you later?" email answers for this long.
FUTURE_CONTACT_MAX_AGE = timedelta(days=180)

DECISION_KINDS = [
    TemplateKind.REJECTION,
    TemplateKind.REJECTION_AFTER_INTERVIEW,
    TemplateKind.POSITION_FILLED,
    TemplateKind.WITHDRAWAL_CONFIRMED,
    TemplateKind.FUTURE_CONTACT,
]


def outcome_for(reason: RejectionReason) -> str:
    return Outcome.WITHDRAWN if reason.kind == ReasonKind.WITHDREW else Outcome.REJECTED


def email_kind_for(reason: RejectionReason) -> str:
    """The email a reason sends: staff recording a withdrawal confirm it; a
    decline sends the reason's own template."""
    if reason.kind == ReasonKind.WITHDREW:
        return TemplateKind.WITHDRAWAL_CONFIRMED
    return reason.template_kind or TemplateKind.REJECTION


def decision_values(
    application: Application, reason: RejectionReason, personal_note: str
) -> dict[str, str]:
    return {
        "personal_note": personal_note.strip(),
        "rejection_reason": reason.name_in(application.language),
    }


def send_time(send_now: bool) -> datetime:
    if send_now:
        return timezone.now()
    return timezone.now() + timedelta(hours=Organisation.get().rejection_delay_hours)


def ending_number(application: Application) -> int:
    return Event.objects.filter(
        application=application,
        kind=EventKind.OUTCOME_SET,
        data__outcome__in=[Outcome.REJECTED, Outcome.WITHDRAWN],
    ).count()


@transaction.atomic
def reject_application(
    application: Application,
    reason: RejectionReason,
    actor: User | None,
    personal_note: str = "",
    send_now: bool = False,
    keep_in_mind: bool = False,
    notify: bool = True,
) -> bool:
    """End an active application with `reason` (declined: rejected; the
    candidate withdrew: withdrawn) and queue the candidate's email. `notify`
    is only ever false for a withdrawal the candidate needs no confirmation
    of. Returns False when the application had already ended."""
    if reason is None:
        raise ValueError("A rejection needs a reason")
    if not set_outcome(application, outcome_for(reason), actor, reason):
        return False
    application = Application.objects.select_related("candidate", "job", "stage").get(
        pk=application.pk
    )
    declined = reason.kind == ReasonKind.DECLINED
    if keep_in_mind and declined:
        application.keep_in_mind = True
        application.save(update_fields=["keep_in_mind", "updated_at"])
    if not (notify or declined):
        return True
    n = ending_number(application)
    # A withdrawal confirmation has nothing to soften: it goes at once.
    when = send_time(send_now or not declined)
    queue_email(
        application,
        email_kind_for(reason),
        key=f"reject:{application.pk}:{n}",
        extra=decision_values(application, reason, personal_note),
        send_after=when,
    )
    if application.keep_in_mind:
        queue_future_contact(application, key=f"future:{application.pk}:{n}", send_after=when)
    return True


@dataclass
class Preview:
    rendered: Rendered
    language: str
    to_email: str


def preview_rejection(
    application: Application, reason: RejectionReason, personal_note: str
) -> Preview:
    """The email `reject_application` would queue, rendered in the candidate's
    language, without queueing anything (no portal link is minted)."""
    template = outbox.template_for(email_kind_for(reason), application.language)
    values = {
        **message_values(application),
        **decision_values(application, reason, personal_note),
    }
    return Preview(render(template, values), template.language, application.candidate.email)


# --- "Keep in mind for future roles" ----------------------------------------


def future_contact_token(application: Application) -> str:
    payload = {"c": application.candidate_id, "a": application.pk}
    return signing.dumps(payload, salt=FUTURE_CONTACT_SALT)


def read_future_contact_token(token: str) -> dict[str, int] | None:
    """The signed payload, or None for a tampered or expired token."""
    try:
        data = signing.loads(token, salt=FUTURE_CONTACT_SALT, max_age=FUTURE_CONTACT_MAX_AGE)
    except signing.BadSignature:
        return None
    return data if isinstance(data, dict) else None


def _with_answer_link(template: EmailTemplate, url: str) -> EmailTemplate:
    """The template with the answer link appended by the system, so no edit of
    the template can leave the candidate without a way to answer."""
    with override(template.language):
        label = gettext("Answer here")
    line = f"{label}: {url}".replace("{", "{{").replace("}", "}}")
    html = ""
    if template.body_html:
        link = format_html('<p><a href="{}">{}</a></p>', url, label)
        html = template.body_html + str(link).replace("{", "{{").replace("}", "}}")
    return EmailTemplate(
        kind=template.kind,
        language=template.language,
        subject=template.subject,
        body_text=f"{template.body_text}\n\n{line}",
        body_html=html,
    )


def queue_future_contact(application: Application, key: str, send_after: datetime) -> Message:
    existing = Message.objects.filter(idempotency_key=key).first()
    if existing is not None:
        return existing
    candidate = application.candidate
    url = settings.SITE_URL + reverse("future_contact", args=[future_contact_token(application)])
    template = _with_answer_link(
        outbox.template_for(TemplateKind.FUTURE_CONTACT, application.language), url
    )
    kind = TemplateKind.FUTURE_CONTACT
    values = {
        **message_values(application),
        **hooks.extra_values(candidate=candidate, application=application, kind=kind),
    }
    rendered = render(template, values)
    message = outbox.queue_rendered(
        key=key,
        kind=kind,
        to_email=candidate.email,
        to_name=application.full_name,
        subject=rendered.subject,
        text=rendered.text,
        html=rendered.html,
        language=template.language,
        send_after=send_after,
    )
    # queue_rendered is for staff mail; tie this one to the candidate's timeline.
    Message.objects.filter(pk=message.pk).update(
        candidate=candidate, application=application, reply_to=Organisation.get().reply_to_email
    )
    record(application, EventKind.MESSAGE_QUEUED, message=message.pk, subject=message.subject)
    return message


def still_decided(message: Message) -> bool:
    """Checked by the worker before sending: a decision's email is only wanted
    while the application still has that decision."""
    key = message.idempotency_key
    if not key.startswith(("reject:", "future:")) or message.application is None:
        return True
    return message.application.outcome in (Outcome.REJECTED, Outcome.WITHDRAWN)


# --- Many at once: the board's bulk reject and closing a job ----------------

# Up to this many are rejected while the recruiter waits; more go to the worker
# (rekryt.applications.duties.ProcessBulkRejections) with a progress page.
INLINE_LIMIT = 50
CHUNK = 25
BULK_TRIES = 3


def start_bulk_rejection(
    job: Job,
    application_ids: list[int],
    reason: RejectionReason,
    actor: User | None,
    personal_note: str = "",
    keep_in_mind: bool = False,
) -> BulkRejection:
    """Record the request; small ones are done at once, large ones by the worker."""
    ids = sorted(set(application_ids))
    bulk = BulkRejection.objects.create(
        job=job,
        reason=reason,
        actor=actor,
        personal_note=personal_note,
        keep_in_mind=keep_in_mind,
        application_ids=ids,
        total=len(ids),
    )
    if bulk.total <= INLINE_LIMIT:
        while process_bulk_chunk(bulk):
            pass
    return bulk


def process_bulk_chunk(bulk: BulkRejection, size: int = CHUNK) -> bool:
    """Reject the next `size` applications of `bulk`; true while more remain."""
    return reject_chunk(bulk, size).more


@dataclass
class Chunk:
    more: bool  # applications remain
    failed: int  # rejections that raised in this chunk


def reject_chunk(bulk: BulkRejection, size: int = CHUNK) -> Chunk:
    """Reject the next `size` applications of `bulk`. An application that
    ended meanwhile is skipped, so a chunk redone after a crash sends nothing
    twice. One whose rejection fails goes to the back of the list, so it
    holds up nobody behind it, and is left active on the board after
    BULK_TRIES tries."""
    ids = bulk.application_ids[bulk.done : bulk.done + size]
    applications = Application.objects.filter(job=bulk.job_id, pk__in=ids, outcome=Outcome.ACTIVE)
    failed = []
    for application in applications:
        try:
            rejected = reject_application(
                application,
                bulk.reason,
                bulk.actor,
                personal_note=bulk.personal_note,
                keep_in_mind=bulk.keep_in_mind,
            )
        except Exception as exc:
            log.error("bulk %s: application %s: %s", bulk.pk, application.pk, type(exc).__name__)
            failed.append(application.pk)
            continue
        bulk.rejected += int(rejected)
    bulk.done += len(ids)
    fields: dict[str, object] = {"done": bulk.done, "rejected": bulk.rejected}
    again = [pk for pk in failed if bulk.application_ids.count(pk) < BULK_TRIES]
    if again:
        bulk.application_ids = [*bulk.application_ids, *again]
        bulk.total += len(again)
        fields.update(application_ids=bulk.application_ids, total=bulk.total)
    if bulk.done >= bulk.total:
        bulk.finished_at = fields["finished_at"] = timezone.now()  # type: ignore[assignment]
    BulkRejection.objects.filter(pk=bulk.pk).update(**fields)
    return Chunk(more=bulk.finished_at is None, failed=len(failed))
