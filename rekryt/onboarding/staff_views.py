"""Staff pages of onboarding: upcoming starts, one hire's onboarding (the
plan, the checklist, the paperwork), and the hand-over document (a
printable page and JSON). Onboardings are fetched through
Onboarding.objects.visible_to (the jobs' rule): outsiders get 404. Bank and
tax details are shown only to admins and recruiters, and each showing is
in the audit log."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from rekryt.accounts.roles import staff_required
from rekryt.audit.log import record as audit
from rekryt.audit.models import Action
from rekryt.candidates.views import SERVED_TYPES, safe_filename
from rekryt.onboarding import actions, handover
from rekryt.onboarding.forms import AssignForm, PlanForm
from rekryt.onboarding.models import Onboarding, Task, Upload


def onboarding_for(request: HttpRequest, pk: int) -> Onboarding:
    return get_object_or_404(
        Onboarding.objects.visible_to(request.user).select_related(
            "application__job", "application__candidate", "met_by", "buddy"
        ),
        pk=pk,
    )


def task_for(request: HttpRequest, pk: int) -> Task:
    return get_object_or_404(
        Task.objects.filter(
            onboarding__in=Onboarding.objects.visible_to(request.user)
        ).select_related("onboarding__application"),
        pk=pk,
    )


@staff_required
@require_GET
def upcoming(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    visible = Onboarding.objects.visible_to(request.user)
    starts = (
        visible.upcoming()
        .select_related("application__job", "application__candidate")
        .annotate(
            open_tasks=Count("tasks", filter=Q(tasks__done_at=None)),
            late_tasks=Count("tasks", filter=Q(tasks__done_at=None, tasks__due_date__lt=today)),
        )
        .order_by("start_date", "pk")
    )
    mine = (
        Task.objects.filter(onboarding__in=visible.upcoming(), user=request.user, done_at=None)
        .select_related("onboarding__application__job")
        .order_by("due_date", "pk")[:50]
    )
    context = {"starts": list(starts), "mine": list(mine), "today": today}
    return render(request, "onboarding/upcoming.html", context)


def _detail(
    request: HttpRequest, onboarding: Onboarding, form: PlanForm, status: int = 200
) -> HttpResponse:
    tasks = list(onboarding.tasks.select_related("user", "done_by"))
    context = {
        "onboarding": onboarding,
        "application": onboarding.application,
        "form": form,
        "tasks": tasks,
        "assign_form": AssignForm(),
        "today": timezone.localdate(),
        "pending": actions.pending_invitation(onboarding),
        "paperwork": handover.paperwork(onboarding),
        "pay_role": handover.may_see_pay(request.user),
    }
    return render(request, "onboarding/detail.html", context, status=status)


@staff_required
@require_http_methods(["GET", "POST"])
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    onboarding = onboarding_for(request, pk)
    if request.method != "POST":
        return _detail(request, onboarding, PlanForm(instance=onboarding))
    if not onboarding.is_open:
        raise Http404
    form = PlanForm(request.POST, instance=Onboarding.objects.get(pk=onboarding.pk))
    if not form.is_valid():
        return _detail(request, onboarding, form, status=400)
    values = {name: form.cleaned_data[name] for name in form.Meta.fields}
    actions.save_plan(onboarding, values, request.user)  # type: ignore[arg-type]
    messages.success(request, _("Saved."))
    return redirect("onboarding_detail", onboarding.pk)


@staff_required
@require_POST
def invite(request: HttpRequest, pk: int) -> HttpResponse:
    onboarding = onboarding_for(request, pk)
    if actions.invite(onboarding, request.user) is not None:  # type: ignore[arg-type]
        messages.success(
            request, _("The invitation goes out in a few minutes: you can still undo it.")
        )
    return redirect("onboarding_detail", onboarding.pk)


@staff_required
@require_POST
def undo_invite(request: HttpRequest, pk: int) -> HttpResponse:
    onboarding = onboarding_for(request, pk)
    if actions.undo_invite(onboarding, request.user):  # type: ignore[arg-type]
        messages.success(request, _("The invitation was not sent."))
    else:
        messages.error(request, _("Too late: the invitation has already been sent."))
    return redirect("onboarding_detail", onboarding.pk)


@staff_required
@require_POST
def task_done(request: HttpRequest, pk: int) -> HttpResponse:
    task = task_for(request, pk)
    if not task.onboarding.is_open:
        raise Http404
    actions.set_task_done(task, request.POST.get("done") == "1", request.user)  # type: ignore[arg-type]
    return redirect("onboarding_detail", task.onboarding_id)


@staff_required
@require_POST
def task_assign(request: HttpRequest, pk: int) -> HttpResponse:
    task = task_for(request, pk)
    form = AssignForm(request.POST)
    if task.onboarding.is_open and form.is_valid():
        actions.assign_task(task, form.cleaned_data["user"])
    return redirect("onboarding_detail", task.onboarding_id)


@staff_required
@require_POST
def complete(request: HttpRequest, pk: int) -> HttpResponse:
    onboarding = onboarding_for(request, pk)
    if actions.complete_onboarding(onboarding, request.user):  # type: ignore[arg-type]
        messages.success(request, _("Onboarding done. The hand-over document is ready."))
    return redirect("onboarding_handover", onboarding.pk)


@staff_required
@require_POST
def pay_handed_over(request: HttpRequest, pk: int) -> HttpResponse:
    onboarding = onboarding_for(request, pk)
    if not handover.may_see_pay(request.user):
        raise Http404
    if actions.hand_over_pay_details(onboarding, request.user):  # type: ignore[arg-type]
        messages.success(request, _("Handed over: the bank and tax details are erased here."))
    return redirect("onboarding_handover", onboarding.pk)


def _handover_data(request: HttpRequest, onboarding: Onboarding) -> dict[str, object]:
    data = handover.document(onboarding, with_pay=handover.may_see_pay(request.user))
    if data.get("pay"):
        audit(Action.VIEW, request=request, target=onboarding, detail="onboarding_pay_viewed")
    return data


@staff_required
@require_GET
def handover_page(request: HttpRequest, pk: int) -> HttpResponse:
    onboarding = onboarding_for(request, pk)
    context = {"onboarding": onboarding, "doc": _handover_data(request, onboarding)}
    response = render(request, "onboarding/handover.html", context)
    response["Cache-Control"] = "private, no-store"
    return response


@staff_required
@require_GET
def handover_json(request: HttpRequest, pk: int) -> HttpResponse:
    onboarding = onboarding_for(request, pk)
    response = JsonResponse(_handover_data(request, onboarding), json_dumps_params={"indent": 2})
    response["Cache-Control"] = "private, no-store"
    response["Content-Disposition"] = f'attachment; filename="handover-{onboarding.pk}.json"'
    return response


@staff_required
@require_GET
def upload_download(request: HttpRequest, pk: int) -> HttpResponse:
    upload = get_object_or_404(
        Upload.objects.filter(onboarding__in=Onboarding.objects.visible_to(request.user)), pk=pk
    )
    try:
        handle = upload.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    content_type = (
        upload.content_type if upload.content_type in SERVED_TYPES else "application/octet-stream"
    )
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=safe_filename(upload.original_name, upload.extension),
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    response["Cache-Control"] = "private, no-store"
    return response  # type: ignore[return-value]
