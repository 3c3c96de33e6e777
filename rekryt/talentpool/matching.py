"""Earlier applicants for a job: people who applied for other jobs, are in
no pool, and whose privacy "future contact" consent is in force now — never
anyone else. Found with candidate search's ranked index (`ranked`, top k in
the database, the consent applied inside the index query), with reasons: the
job's words found in their application or CV, their screening answers to
the same bank questions that meet this job's criteria, and the furthest
stage their application reached."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from rekryt.accounts.models import Organisation, User
from rekryt.applications.models import Application
from rekryt.candidates import query as q
from rekryt.candidates.models import Candidate, SearchEntry
from rekryt.candidates.search import ranked
from rekryt.jobs.models import Job
from rekryt.messaging.models import Message
from rekryt.messaging.outbox import candidate_values, queue_written
from rekryt.privacy.models import Consent, ConsentPurpose
from rekryt.screening.models import Answer, JobQuestion, Rule
from rekryt.talentpool.actions import NURTURE_MIN_DAYS, consent_link
from rekryt.talentpool.models import Member

MAX_WORDS = 12
KIND = "talentpool_earlier_invitation"
_WORD = re.compile(r"\w{4,}")


@dataclass
class Earlier:
    candidate: Candidate
    application: Application
    matched: list[str]
    reasons: list[str]


def job_words(job: Job) -> list[str]:
    """The job's title and requirement words, once each, title first."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(f"{job.title} {job.requirements}"):
        if not word.isdigit():
            seen.setdefault(word.lower(), None)
    return list(seen)[:MAX_WORDS]


def may_contact() -> Any:
    return (
        Consent.objects.in_force()
        .filter(purpose=ConsentPurpose.FUTURE_CONTACT)
        .values("candidate_id")
    )


def matched_words(words: list[str], text: str) -> list[str]:
    """The words whose Swedish or English stem is in the text."""
    present = set(q.stemmed_text(text).split())
    return [w for w in words if present & set(q.stems(w))]


def earlier_applicants(job: Job, limit: int = 20) -> list[Earlier]:
    words = job_words(job)
    if not words:
        return []
    # Consent and "in no pool" are a scope of people, applied inside the
    # index query, so a window full of people without consent never hides
    # those with it; the job itself is the applications' scope.
    people = may_contact().exclude(candidate_id__in=Member.objects.values("candidate_id"))
    applications = Application.objects.exclude(job=job)
    best = ranked(" OR ".join(words), applications, people=people)
    chosen = best.candidate_ids[:limit]
    ids = [best.best_entry[c] for c in chosen]
    found = Application.objects.select_related("candidate", "job", "stage", "ended_stage").in_bulk(
        ids
    )
    answered = screening_matches(job, ids)
    texts = {
        pk: f"{details} {documents}"
        for pk, details, documents in SearchEntry.objects.filter(
            application_id__in=ids
        ).values_list("application_id", "details", "documents")
    }
    result = []
    for candidate_id in chosen:
        app = found[best.best_entry[candidate_id]]
        matched = matched_words(words, texts.get(app.pk, ""))
        reasons = [_("Applied for “%(job)s” earlier") % {"job": app.job.title}]
        if matched:
            reasons.append(
                _("Their application mentions: %(words)s") % {"words": ", ".join(matched)}
            )
        for question in answered.get(app.pk, []):
            reasons.append(_("Answered “%(question)s” as this job asks") % {"question": question})
        stage = app.ended_stage or app.stage
        reasons.append(_("Reached the stage “%(stage)s”") % {"stage": stage.name})
        result.append(Earlier(app.candidate, app, matched, reasons))
    return result


def screening_matches(job: Job, application_ids: list[int]) -> dict[int, list[str]]:
    """For each application, the questions this job asks with a criterion
    (must-have or merit) that the application answered to the same bank
    question in a way that meets this job's criterion: two queries."""
    asked = {
        jq.question_id: jq
        for jq in JobQuestion.objects.filter(job=job)
        .exclude(rule=Rule.NONE)
        .select_related("question")
    }
    if not asked or not application_ids:
        return {}
    answers = Answer.objects.filter(
        application_id__in=application_ids, job_question__question_id__in=list(asked)
    ).values_list("application_id", "job_question__question_id", "value")
    language = (get_language() or "sv")[:2]
    found: dict[int, list[str]] = {}
    for application_id, question_id, value in answers:
        jq = asked[question_id]
        try:
            met, points = jq.judge(value)
        except (ArithmeticError, TypeError, ValueError):
            continue  # an answer of another shape than this job's criterion
        if met or points > 0:
            text = jq.question.text_in(language)
            found.setdefault(application_id, [])
            if text not in found[application_id]:
                found[application_id].append(text)
    return found


def invite_earlier(earlier: Earlier, job: Job, actor: User) -> bool:
    """A personal invitation saying why they were picked, with the link to
    withdraw the future-contact consent; after the undo delay; capped like
    pool messages (one per NURTURE_MIN_DAYS)."""
    candidate = earlier.candidate
    consent = (
        Consent.objects.in_force()
        .filter(candidate=candidate, purpose=ConsentPurpose.FUTURE_CONTACT)
        .first()
    )
    since = timezone.now() - timedelta(days=NURTURE_MIN_DAYS)
    recent = Message.objects.filter(candidate=candidate, kind=KIND, created_at__gt=since)
    if consent is None or recent.exists():
        return False
    language = candidate.language if candidate.language in ("sv", "en") else "sv"
    with translation.override(language):
        subject = _("A role that may suit you: %(title)s") % {"title": job.title}
        text = _(
            "Hello {candidate_first_name},\n\nyou applied to us before and said we may "
            "contact you about future roles. We have opened one we think fits you: "
            "{job_title}. Why you were picked: %(why)s.\n\nRead more and apply: {job_url}\n\n"
            "Stop these emails: {consent_url}\n\n{recruiter_name}"
        ) % {"why": "; ".join(earlier.reasons)}
    delay = timedelta(minutes=Organisation.get().stage_email_delay_minutes)
    queue_written(
        key=f"talentpool-earlier:{candidate.pk}:{job.pk}",
        kind=KIND,
        language=language,
        subject=subject,
        text=text,
        to_email=candidate.email,
        to_name=candidate.full_name,
        values={
            **candidate_values(candidate),
            "job_title": job.title,
            "job_url": settings.SITE_URL + reverse("career_job", args=[job.slug]),
            "consent_url": consent_link(consent),
            "recruiter_name": actor.get_full_name() or actor.username,
        },
        candidate=candidate,
        send_after=timezone.now() + delay,
    )
    return True


def still_wanted(message: Message) -> bool:
    """At send time: the future-contact consent must still be in force."""
    return (
        message.candidate_id is not None
        and Consent.objects.in_force()
        .filter(candidate_id=message.candidate_id, purpose=ConsentPurpose.FUTURE_CONTACT)
        .exists()
    )
