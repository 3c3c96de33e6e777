"""Workflows on jobs: create and edit with its pipeline, publish, close, and
the stage lists (per job, and the default templates new jobs copy)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import ProtectedError, QuerySet
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from rekryt.accounts.models import User
from rekryt.jobs import extensions
from rekryt.jobs.models import Job, JobStatus, Stage, StageKind, StageTemplate, stages_for


def unique_slug(title: str, exclude_pk: int | None = None) -> str:
    base = slugify(title)[:120] or "job"
    slug = base
    others = Job.objects.all() if exclude_pk is None else Job.objects.exclude(pk=exclude_pk)
    while others.filter(slug=slug).exists():
        slug = f"{base}-{get_random_string(5, 'abcdefghijkmnpqrstuvwxyz23456789')}"
    return slug


def copy_stage_templates(job: Job) -> list[Stage]:
    stages = [
        Stage(
            job=job,
            order=t.order,
            kind=t.kind,
            name_sv=t.name_sv,
            name_en=t.name_en,
            email_kind=t.email_kind,
            email_delay_hours=t.email_delay_hours,
            send_survey=t.send_survey,
        )
        for t in StageTemplate.objects.all()
    ]
    if not stages:
        stages = [
            Stage(
                job=job,
                order=0,
                kind="applied",
                name_sv="Ansökt",
                name_en="Applied",
                email_kind="application_received",
            )
        ]
    return Stage.objects.bulk_create(stages)


@transaction.atomic
def create_job(actor: User | None = None, team: list[User] | None = None, **fields: Any) -> Job:
    job = Job(**fields)
    if job.recruiter is None and actor is not None and actor.sees_all_jobs:
        job.recruiter = actor
    job.slug = unique_slug(job.title)
    job.save()
    copy_stage_templates(job)
    if team:
        job.team.set(team)
    return job


@transaction.atomic
def publish_job(job: Job, actor: User | None = None) -> bool:
    if not job.can_transition_to(JobStatus.PUBLISHED):
        return False
    job.status = JobStatus.PUBLISHED
    job.published_at = job.published_at or timezone.now()
    job.closed_at = None
    job.save(update_fields=["status", "published_at", "closed_at", "updated_at"])
    return True


@transaction.atomic
def close_job(job: Job, actor: User | None = None) -> bool:
    if not job.can_transition_to(JobStatus.CLOSED):
        return False
    job.status = JobStatus.CLOSED
    job.closed_at = timezone.now()
    job.save(update_fields=["status", "closed_at", "updated_at"])
    extensions.job_closed(job)
    return True


@transaction.atomic
def update_job(
    job: Job, actor: User | None = None, team: list[User] | None = None, **fields: Any
) -> Job:
    """Save edited ad fields. The slug follows the title only until the job is
    first published: after that, links in feeds and shared posts must keep working."""
    for name, value in fields.items():
        setattr(job, name, value)
    if job.published_at is None:
        job.slug = unique_slug(job.title, exclude_pk=job.pk)
    job.save()
    if team is not None:
        job.team.set(team)
    return job


# --- Ordered lists: stages, stage templates (and rejection reasons) --------


def move_in_order(item: Any, siblings: QuerySet[Any], step: int) -> bool:
    """Move `item` up (step -1) or down (+1) among `siblings` and renumber them
    0..n-1, so gaps and ties left by older edits disappear on the way."""
    items = list(siblings.select_for_update().order_by("order", "pk"))
    index = next((i for i, other in enumerate(items) if other.pk == item.pk), None)
    target = None if index is None else index + step
    if index is None or target is None or not 0 <= target < len(items):
        return False
    items[index], items[target] = items[target], items[index]
    for order, other in enumerate(items):
        other.order = order
    type(item).objects.bulk_update(items, ["order"])
    item.order = target
    return True


def _place(new: Any, siblings: QuerySet[Any]) -> None:
    """Save `new` just before the first hired stage (a new step in the process
    almost always comes before the hire, never after it), or else last."""
    items = list(siblings.select_for_update().order_by("order", "pk"))
    hired = [i for i, other in enumerate(items) if other.kind == StageKind.HIRED]
    position = hired[0] if hired and new.kind != StageKind.HIRED else len(items)
    for order, other in enumerate(items):
        other.order = order if order < position else order + 1
    type(new).objects.bulk_update(items, ["order"])
    new.order = position
    new.save()


class StageError(Exception):
    """A stage operation that would break the pipeline; the message says why."""


class StageNotEmpty(StageError):
    pass


class LastStage(StageError):
    pass


@transaction.atomic
def add_stage(job: Job, name_sv: str, name_en: str, kind: str, actor: User | None = None) -> Stage:
    stage = Stage(job=job, name_sv=name_sv, name_en=name_en, kind=kind)
    _place(stage, stages_for(job))
    return stage


AUTOMATION = ("email_kind", "email_delay_hours", "send_survey")


def _set_automation(item: Any, automation: dict[str, Any]) -> list[str]:
    """Set a stage's (or template's) automation fields; returns those changed."""
    changed = [name for name in AUTOMATION if name in automation]
    for name in changed:
        setattr(item, name, automation[name])
    return changed


@transaction.atomic
def rename_stage(
    stage: Stage, name_sv: str, name_en: str, actor: User | None = None, **automation: Any
) -> Stage:
    """Rename a stage and set what it does on entering (email, delay, survey)."""
    stage.name_sv = name_sv
    stage.name_en = name_en
    stage.save(update_fields=["name_sv", "name_en", *_set_automation(stage, automation)])
    return stage


@transaction.atomic
def move_stage(stage: Stage, step: int, actor: User | None = None) -> bool:
    return move_in_order(stage, stages_for(stage.job), step)


@transaction.atomic
def delete_stage(stage: Stage, actor: User | None = None) -> None:
    """Delete an empty stage. Applications keep their stage even after they
    end (for "where do we lose people"), so ended ones count as well."""
    stages = stages_for(stage.job).select_for_update()
    if stages.count() <= 1:
        raise LastStage(_("A job needs at least one stage."))
    held = stage.applications.count()  # type: ignore[attr-defined]
    if held:
        raise StageNotEmpty(
            ngettext(
                "“%(name)s” still holds %(count)d application. Move it first.",
                "“%(name)s” still holds %(count)d applications. Move them first.",
                held,
            )
            % {"name": stage.name, "count": held}
        )
    try:
        stage.delete()
    except ProtectedError:
        # An application arrived between the check and the delete.
        raise StageNotEmpty(
            _("“%(name)s” still holds applications. Move them first.") % {"name": stage.name}
        ) from None


@transaction.atomic
def add_stage_template(name_sv: str, name_en: str, kind: str) -> StageTemplate:
    template = StageTemplate(name_sv=name_sv, name_en=name_en, kind=kind)
    _place(template, StageTemplate.objects.all())
    return template


@transaction.atomic
def rename_stage_template(
    template: StageTemplate, name_sv: str, name_en: str, **automation: Any
) -> StageTemplate:
    template.name_sv = name_sv
    template.name_en = name_en
    template.save(update_fields=["name_sv", "name_en", *_set_automation(template, automation)])
    return template


@transaction.atomic
def move_stage_template(template: StageTemplate, step: int) -> bool:
    return move_in_order(template, StageTemplate.objects.all(), step)


@transaction.atomic
def delete_stage_template(template: StageTemplate) -> None:
    """Existing jobs keep their own copies, so only the last template is protected."""
    if StageTemplate.objects.select_for_update().count() <= 1:
        raise LastStage(_("The default pipeline needs at least one stage."))
    template.delete()
