"""Staff pages: the panel's actions (add a referee, send the requests, undo
them), the compiled report, and the job's per-stage reference rules."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rekryt.accounts.models import User
from rekryt.accounts.roles import recruiter_required, staff_required
from rekryt.applications.models import Application
from rekryt.jobs.models import stages_for, visible_job_or_404
from rekryt.references import actions, report
from rekryt.references.forms import RefereeForm, StageRuleForm
from rekryt.references.models import Referee, StageRule
from rekryt.references.panels import progress


def _decidable(request: HttpRequest, pk: int) -> Application:
    queryset = Application.objects.decidable_by(request.user)  # type: ignore[arg-type]
    return get_object_or_404(queryset.select_related("job", "candidate", "stage"), pk=pk)


def _back(application: Application) -> HttpResponse:
    return redirect(reverse("application_detail", args=[application.pk]) + "#references")


@staff_required
@require_POST
def referee_add(request: HttpRequest, pk: int) -> HttpResponse:
    application = _decidable(request, pk)
    form = RefereeForm(request.POST, staff=True)
    if not form.is_valid():
        return render(
            request,
            "references/staff_add.html",
            {"application": application, "form": form},
            status=400,
        )
    user: User = request.user  # type: ignore[assignment]
    if actions.add_referee(application, form.details(), user) is None:
        form.add_error("email", _("This application already has a referee with that address."))
        return render(
            request,
            "references/staff_add.html",
            {"application": application, "form": form},
            status=400,
        )
    messages.success(request, _("Referee added."))
    return _back(application)


@staff_required
def referee_erase(request: HttpRequest, pk: int, referee_pk: int) -> HttpResponse:
    """Confirm, then erase a referee at their own request."""
    application = _decidable(request, pk)
    referee = get_object_or_404(Referee, application=application, pk=referee_pk)
    if request.method == "POST":
        actions.erase_referee(referee, request.user)  # type: ignore[arg-type]
        messages.success(request, _("The referee's details and answers have been erased."))
        return _back(application)
    context = {"application": application, "referee": referee}
    return render(request, "references/erase.html", context)


@staff_required
@require_POST
def send_requests(request: HttpRequest, pk: int) -> HttpResponse:
    application = _decidable(request, pk)
    if not application.is_active:
        messages.error(request, _("The application has ended: no requests were sent."))
        return _back(application)
    made = actions.request_references(application, request.user)  # type: ignore[arg-type]
    if made:
        messages.success(
            request,
            _("Requests to %(n)s referees go out after the usual delay; until then you can undo.")
            % {"n": len(made)},
        )
    else:
        messages.info(request, _("Every referee has been asked already."))
    return _back(application)


@staff_required
@require_POST
def undo_requests(request: HttpRequest, pk: int) -> HttpResponse:
    application = _decidable(request, pk)
    undone = actions.undo_requests(application, request.user)  # type: ignore[arg-type]
    if undone:
        messages.success(request, _("Requests taken back before they were sent."))
    else:
        messages.error(request, _("Too late to undo: the requests have gone out."))
    return _back(application)


@staff_required
def compiled(request: HttpRequest, pk: int) -> HttpResponse:
    application = _decidable(request, pk)
    context = {
        "application": application,
        **progress(application),
        **report.compile_report(request.user, application),  # type: ignore[arg-type]
    }
    return render(request, "references/report.html", context)


@recruiter_required
def job_rules(request: HttpRequest, pk: int) -> HttpResponse:
    job = visible_job_or_404(request.user, pk)
    stages = list(stages_for(job))
    rules = {r.stage_id: r for r in StageRule.objects.filter(stage__job=job)}
    forms = {
        stage.pk: StageRuleForm(
            request.POST if request.method == "POST" else None,
            instance=rules.get(stage.pk) or StageRule(stage=stage, referees_required=0),
            prefix=f"s{stage.pk}",
        )
        for stage in stages
    }
    if request.method == "POST" and all(form.is_valid() for form in forms.values()):
        for form in forms.values():
            rule = form.save(commit=False)
            if rule.pk or rule.referees_required or rule.advance_when_complete:
                rule.save()
        messages.success(request, _("Reference rules saved."))
        return redirect("reference_rules", pk=job.pk)
    rows = [(stage, forms[stage.pk]) for stage in stages]
    status = 400 if request.method == "POST" else 200
    return render(request, "references/rules.html", {"job": job, "rows": rows}, status=status)
