"""The public application form and its confirmation page. No account needed.

POST goes through, in order: the per-address rate limit, the honeypot (a bot
is shown a normal thank-you and nothing is stored), the double-submit check,
the form, the action, and a redirect to the confirmation page (POST/redirect/GET)."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from rekryt.accounts.ratelimit import Limit
from rekryt.applications import hooks
from rekryt.applications.apply_forms import ApplyForm, new_submission_key
from rekryt.applications.models import Application, Resubmission
from rekryt.applications.submissions import submit_application
from rekryt.candidates.models import normalise_email
from rekryt.jobs.career import source_from
from rekryt.jobs.extensions import page_viewed
from rekryt.jobs.models import Job, JobStatus
from rekryt.lib.ratelimit import client_ip
from rekryt.lib.sealed import seal, unseal
from rekryt.lib.uploads import oversized_fields
from rekryt.privacy.consent import record_consent
from rekryt.privacy.models import ConsentMethod, ConsentPurpose, PrivacyNotice
from rekryt.privacy.notice import current_notice

APPLIED_SALT = "rekryt.applications.applied"
# The confirmation link names the candidate, so it stops working after a while.
APPLIED_MAX_AGE = timedelta(days=7)


def _public_job(slug: str) -> Job:
    return get_object_or_404(Job.objects.exclude(status=JobStatus.DRAFT), slug=slug)


def _limits() -> tuple[Limit, Limit]:
    """Applications per address per hour, and form posts (which include
    corrections) at three times that, so a flood of invalid posts is cut too."""
    per_hour = settings.APPLY_RATE_LIMIT
    return Limit("apply", per_hour), Limit("apply-posts", per_hour * 3)


@never_cache
@require_http_methods(["GET", "POST"])
def apply(request: HttpRequest, slug: str) -> HttpResponse:
    job = _public_job(slug)
    if not job.is_open_for_applications:
        return render(request, "applications/apply_closed.html", {"job": job}, status=410)
    if request.method == "POST":
        return _post(request, job)
    notice = current_notice()
    source = source_from(request.GET)
    page_viewed(request, job, "apply", source)
    form = ApplyForm(
        initial={
            "submission_key": new_submission_key(),
            "source": source,
            "notice_version": notice.version,
        }
    )
    parts = hooks.apply_parts(job, None, None, _language(job))
    return _show(request, job, form, parts, notice)


def _language(job: Job) -> str:
    return (translation.get_language() or job.language)[:2]


def _post(request: HttpRequest, job: Job) -> HttpResponse:
    who = client_ip(request)
    applications, posts = _limits()
    if not posts.hit(who) or applications.exceeded(who):
        return _too_many(request, applications.retry_after())
    form = ApplyForm(request.POST, request.FILES, oversized=oversized_fields(request))
    if form.is_bot:
        applications.hit(who)
        return _pretend_success(request, job, form)
    if _is_double_submit(job, form):
        return redirect_to_applied(job, form)
    parts = hooks.apply_parts(job, request.POST, request.FILES, _language(job))
    valid = all([form.is_valid(), *(part.is_valid() for part in parts)])
    if not valid or any(part.needs_a_look() for part in parts):
        # Shown again with the errors, or once with a notice the candidate
        # should read (a missed requirement); nothing chosen is lost.
        form.keep_files()
        for part in parts:
            part.keep_files()
        return _show(request, job, form, parts)
    # Take a place within the limit before creating anything, so parallel
    # posts cannot all pass the check above; a resubmit gives it back.
    if not applications.hit(who):
        return _too_many(request, applications.retry_after())
    language = translation.get_language() or job.language
    submission = form.submission(language[:2])
    submission.parts = parts
    submission.notice = shown_notice(form)
    submission.key_checked = True  # by _is_double_submit above
    submission.on_created.append(
        lambda application: record_future_contact(
            application, form, submission.notice, language[:2], who
        )
    )
    submitted = submit_application(job, submission)
    form.discard_used()
    for part in parts:
        part.discard_used()
    if not submitted.created and not submitted.resubmitted:
        applications.unhit(who)  # a double submit that raced past the check
    # The same answer for a new application and a repeated one: what was
    # typed and today's dates, never what is stored about the address.
    return redirect_to_applied(job, form)


def shown_notice(form: ApplyForm) -> PrivacyNotice:
    """The privacy notice version the form showed (kept on the application)."""
    version = form.cleaned_data.get("notice_version")
    notice = PrivacyNotice.objects.filter(version=version).first() if version else None
    return notice or current_notice()


def record_future_contact(
    application: Application,
    form: ApplyForm,
    notice: PrivacyNotice,
    language: str,
    ip: str | None,
) -> None:
    """The optional future-contact consent with the exact sentence the
    checkbox carried, in the transaction that creates the application."""
    if form.cleaned_data.get("future_contact"):
        record_consent(
            application.candidate,
            purpose=ConsentPurpose.FUTURE_CONTACT,
            given=True,
            text=str(form.fields["future_contact"].label),
            method=ConsentMethod.APPLY_FORM,
            language=language,
            ip=ip,
            notice=notice,
        )


def _is_double_submit(job: Job, form: ApplyForm) -> bool:
    """Whether a double click or a resubmit of this very form was already
    taken in (as an application or as a repeated one).

    The key is random per page view, but a cached page could hand one key to
    two people, so the address must match too; otherwise the key is replaced."""
    earlier = _sent_with_key(form.data["submission_key"])
    if earlier is None:
        return False
    job_id, address = earlier
    if job_id == job.pk and normalise_email(address) == normalise_email(
        str(form.data.get("email", ""))
    ):
        return True
    form.replace_key()
    return False


def _sent_with_key(key: str) -> tuple[int, str] | None:
    """(job id, address) of what was submitted with this form key, if anything."""
    sent = Application.objects.filter(submission_key=key).values_list("job_id", "email").first()
    if sent is None:
        sent = (
            Resubmission.objects.filter(submission_key=key)
            .values_list("application__job_id", "email")
            .first()
        )
    return sent


def _show(
    request: HttpRequest,
    job: Job,
    form: ApplyForm,
    parts: list[hooks.ApplyPart],
    notice: PrivacyNotice | None = None,
) -> HttpResponse:
    part_errors = any(part.form.errors for part in parts)
    context = {
        "job": job,
        "form": form,
        "notice": notice or current_notice(),
        "parts": parts,
        "part_errors": part_errors,
    }
    return render(request, "applications/apply.html", context)


def _too_many(request: HttpRequest, retry_after: int) -> HttpResponse:
    context = {"minutes": max(1, retry_after // 60)}
    response = render(request, "applications/apply_rate_limited.html", context, status=429)
    response["Retry-After"] = str(retry_after)
    return response


def _pretend_success(request: HttpRequest, job: Job, form: ApplyForm) -> HttpResponse:
    return redirect_to_applied(job, form)


def typed_first_name(form: ApplyForm) -> str:
    return " ".join(str(form.data.get("first_name", "")).split())[:100]


def redirect_to_applied(job: Job, form: ApplyForm) -> HttpResponse:
    """POST/redirect/GET to the confirmation. The sealed token carries what the
    page shows (the first name typed, the time it was sent), so the page reads
    nothing stored and answers alike for a new application, a repeated one, a
    double click and a bot; it is encrypted, so the link shows no name."""
    payload = {"j": job.pk, "n": typed_first_name(form), "t": int(time.time())}
    return redirect("applied", slug=job.slug, token=seal(payload, APPLIED_SALT))


@never_cache
@require_GET
def applied(request: HttpRequest, slug: str, token: str) -> HttpResponse:
    payload = unseal(token, APPLIED_SALT, int(APPLIED_MAX_AGE.total_seconds()))
    try:
        job_pk, first_name, sent = int(payload["j"]), str(payload["n"]), int(payload["t"])
    except (KeyError, TypeError, ValueError, OverflowError):
        raise Http404 from None
    job = get_object_or_404(Job.objects.exclude(status=JobStatus.DRAFT), pk=job_pk, slug=slug)
    return _confirmation(request, job, first_name, datetime.fromtimestamp(sent, tz=UTC))


def _confirmation(request: HttpRequest, job: Job, first_name: str, sent: Any) -> HttpResponse:
    reply_by = timezone.localtime(sent + timedelta(days=job.reply_within_days)).date()
    context = {"job": job, "first_name": first_name, "reply_by": reply_by}
    response = render(request, "applications/applied.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response
