"""Public registration at /talent/ and /talent/<slug>/; staff pages for
pools, the owner's review queue, one member, and suggestions for a job.
Pools are seen by admins and recruiters, and by each pool's owner."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from rekryt.accounts.roles import recruiter_required, staff_required
from rekryt.jobs.models import Job
from rekryt.lib.uploads import oversized_fields
from rekryt.privacy.consent import consent_sentence
from rekryt.privacy.models import ConsentPurpose
from rekryt.talentpool import actions, matching, nurture
from rekryt.talentpool.forms import NurtureForm, RegistrationForm
from rekryt.talentpool.models import Member, Pool, PoolKind


def _client_ip(request: HttpRequest) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


@require_http_methods(["GET", "POST"])
def join(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    if slug is None:
        pool = actions.general_pool()
    else:
        pool = Pool.objects.filter(public=True, slug=slug).first()
    if pool is None:
        raise Http404
    text = consent_sentence(ConsentPurpose.TALENT_POOL)
    form = RegistrationForm(
        request.POST or None,
        request.FILES or None,
        pool=pool,
        consent_text=text,
        oversized=oversized_fields(request),
    )
    valid = request.method == "POST" and form.is_valid()
    if request.method == "POST" and not valid:
        form.keep_files()
    if valid:
        data = form.cleaned_data
        member = actions.register(
            pool,
            actions.Registration(
                first_name=data["first_name"],
                last_name=data["last_name"],
                email=data["email"],
                intent=data["intent"],
                about=data["about"],
                language=(get_language() or "sv")[:2],
                answers=form.answers(),
                ip=_client_ip(request),
                cv=form.upload,
            ),
        )
        context = {"pool": pool, "member": member}
        return render(request, "talentpool/joined.html", context)
    areas = Pool.objects.filter(public=True, kind=PoolKind.AREA)
    return render(request, "talentpool/join.html", {"pool": pool, "form": form, "areas": areas})


def visible_pools(user: Any) -> Any:
    pools = Pool.objects.select_related("owner")
    return pools if user.can_manage_jobs else pools.filter(owner=user)


@staff_required
@require_GET
def pool_list(request: HttpRequest) -> HttpResponse:
    pools = visible_pools(request.user)
    queue = actions.review_queue(request.user)[:200]  # type: ignore[arg-type]
    return render(request, "talentpool/pools.html", {"pools": pools, "queue": queue})


@staff_required
@require_http_methods(["GET", "POST"])
def member_detail(request: HttpRequest, pk: int) -> HttpResponse:
    members = Member.objects.filter(pool__in=visible_pools(request.user))
    member = get_object_or_404(members.select_related("candidate", "pool"), pk=pk)
    if request.method == "POST":
        note = request.POST.get("note", "").strip()[:2000]
        answered = request.POST.get("answered") == "1"
        actions.mark_reviewed(member, request.user, note, answered)  # type: ignore[arg-type]
        return redirect("talentpool_member", pk=member.pk)
    context = {
        "member": member,
        "answers": member.answers.all(),
        "activities": member.activities.select_related("actor")[:100],
        "consent": actions.latest_consent(member.candidate),
    }
    return render(request, "talentpool/member.html", context)


@recruiter_required
@require_GET
def job_suggestions(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_object_or_404(Job.objects.filter(Q(pk=pk)), pk=pk)
    found = actions.suggestions(job)
    earlier = matching.earlier_applicants(job)
    context = {"job": job, "suggestions": found, "earlier": earlier}
    return render(request, "talentpool/suggestions.html", context)


@recruiter_required
@require_POST
def invite_earlier(request: HttpRequest, pk: int, candidate_pk: int) -> HttpResponse:
    job = get_object_or_404(Job, pk=pk)
    picked = {e.candidate.pk: e for e in matching.earlier_applicants(job)}
    earlier = picked.get(candidate_pk)
    if earlier is None:
        raise Http404
    matching.invite_earlier(earlier, job, request.user)  # type: ignore[arg-type]
    return redirect("talentpool_suggestions", pk=job.pk)


@recruiter_required
@require_POST
def invite(request: HttpRequest, pk: int, member_pk: int) -> HttpResponse:
    job = get_object_or_404(Job, pk=pk)
    member = get_object_or_404(Member.objects.select_related("candidate", "pool"), pk=member_pk)
    picked = {s.member.pk: s for s in actions.suggestions(job)}
    suggestion = picked.get(member.pk)
    if suggestion is None:
        raise Http404
    actions.invite(member, job, request.user, suggestion.reasons)  # type: ignore[arg-type]
    return redirect("talentpool_suggestions", pk=job.pk)


@staff_required
@require_http_methods(["GET", "POST"])
def nurture_pool(request: HttpRequest, pk: int) -> HttpResponse:
    """Filter a segment, see who gets it and who is left out, then send."""
    pool = get_object_or_404(visible_pools(request.user), pk=pk)
    form = NurtureForm(request.POST or None, initial={"min_days": nurture.DEFAULT_MIN_DAYS})
    sending = request.POST.get("action") == "send"
    found = None
    sent = None
    if form.is_valid():
        d = form.cleaned_data
        segment = nurture.Segment(
            pool=pool,
            intent=d["intent"],
            tag_id=d["tag"].pk if d["tag"] else None,
            language=d["language"],
            not_contacted_since=d["not_contacted_since"],
            min_days=d["min_days"],
        )
        if sending and form.texts().get("sv"):
            jobs = list(d["jobs"])
            sent = nurture.send(segment, form.texts(), request.user, jobs)  # type: ignore[arg-type]
        elif sending:
            form.add_error("subject_sv", _("Write at least the Swedish subject and text."))
        found = nurture.preview(segment)
    context = {"pool": pool, "form": form, "preview": found, "sent": sent}
    return render(request, "talentpool/nurture.html", context)
