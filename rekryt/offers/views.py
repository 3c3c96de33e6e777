"""Staff pages for offers: write one for an application, read it with its
versions, ask for and give approval, send (and undo while the email
waits), withdraw, download the PDFs; and the list of offers awaiting the
reader's approval.

Offers hold salaries: only those who may decide on the application (admins,
recruiters, the job's hiring managers) see them; everyone else gets 404."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rekryt.accounts.models import Role, User
from rekryt.accounts.roles import staff_required
from rekryt.applications.models import Application, Outcome
from rekryt.audit import log as audit
from rekryt.audit.models import Action
from rekryt.jobs.models import JobStatus
from rekryt.offers import actions
from rekryt.offers.forms import ApprovalForm, OfferForm, TemplateChoiceForm
from rekryt.offers.models import OPEN, Offer, Status


def offers_for(user: User) -> QuerySet[Offer]:
    return Offer.objects.filter(application__in=Application.objects.decidable_by(user))


def offer_or_404(request: HttpRequest, pk: int) -> Offer:
    queryset = offers_for(request.user).select_related(  # type: ignore[arg-type]
        "application__job", "application__candidate", "created_by", "approved_by", "sent_by"
    )
    return get_object_or_404(queryset, pk=pk)


def may_approve(user: User, offer: Offer) -> bool:
    """Admins and the job's hiring managers (the getter checked the team),
    never the one who asked."""
    if offer.status != Status.PENDING or offer.approval_asked_by_id == user.pk:
        return False
    return user.is_admin or user.role == Role.HIRING_MANAGER


def _form_page(
    request: HttpRequest, application: Application, form: OfferForm, **extra: object
) -> HttpResponse:
    status = 400 if form.is_bound else 200
    context = {"application": application, "job": application.job, "form": form, **extra}
    return render(request, "offers/offer_form.html", context, status=status)


@staff_required
def offer_new(request: HttpRequest, pk: int) -> HttpResponse:
    queryset = Application.objects.decidable_by(request.user)  # type: ignore[arg-type]
    application = get_object_or_404(queryset.select_related("job", "candidate"), pk=pk)
    open_offer = application.offers.filter(status__in=OPEN).first()  # type: ignore[attr-defined]
    if open_offer is not None:
        return redirect("offer_detail", open_offer.pk)
    if not application.is_active:
        raise Http404
    chooser = TemplateChoiceForm(request.GET or None)
    template = chooser.cleaned_data["template"] if chooser.is_valid() else None
    initial = actions.initial_from(template, application)
    if request.method != "POST":
        form = OfferForm(initial=initial)
        return _form_page(request, application, form, chooser=chooser)
    form = OfferForm(request.POST)
    if not form.is_valid():
        return _form_page(request, application, form, chooser=chooser)
    fields = {**form.cleaned_data, "template": initial.get("template")}
    offer = actions.draft_offer(application, request.user, fields)  # type: ignore[arg-type]
    messages.success(request, _("Offer saved as a draft."))
    return redirect("offer_detail", offer.pk)


@staff_required
def offer_edit(request: HttpRequest, pk: int) -> HttpResponse:
    offer = offer_or_404(request, pk)
    if not offer.is_open:
        raise Http404
    form = OfferForm(request.POST or None, instance=Offer.objects.get(pk=offer.pk))
    if request.method != "POST" or not form.is_valid():
        return _form_page(request, offer.application, form, offer=offer)
    changed = actions.change_offer(offer, request.user, form.cleaned_data)  # type: ignore[arg-type]
    if changed.pk != offer.pk:
        messages.success(
            request,
            _("Saved as version %(n)s. The version sent can no longer be accepted.")
            % {"n": changed.version},
        )
    else:
        messages.success(request, _("Offer changed."))
    return redirect("offer_detail", changed.pk)


@staff_required
def offer_detail(request: HttpRequest, pk: int) -> HttpResponse:
    offer = offer_or_404(request, pk)
    user: User = request.user  # type: ignore[assignment]
    application = offer.application
    versions = list(
        Offer.objects.filter(application=application).only("pk", "version", "status", "sent_at")
    )
    remaining = 0
    if offer.status == Status.ACCEPTED and application.job.status == JobStatus.PUBLISHED:
        remaining = Application.objects.filter(job=application.job, outcome=Outcome.ACTIVE).count()
    context = {
        "offer": offer,
        "application": application,
        "job": application.job,
        "versions": versions,
        "may_approve": may_approve(user, offer),
        "approval_form": ApprovalForm(),
        "undoable": actions.undoable(offer),
        "remaining": remaining,
        "may_close": user.can_manage_jobs,
    }
    return render(request, "offers/offer_detail.html", context)


def _done(request: HttpRequest, offer: Offer, ok: bool, success: str) -> HttpResponse:
    if ok:
        messages.success(request, success)
    else:
        messages.error(request, _("That can no longer be done: the offer has changed meanwhile."))
    return redirect("offer_detail", offer.pk)


@require_POST
@staff_required
def offer_ask_approval(request: HttpRequest, pk: int) -> HttpResponse:
    offer = offer_or_404(request, pk)
    ok = actions.ask_approval(offer, request.user)  # type: ignore[arg-type]
    return _done(request, offer, ok, _("Approval asked for. The approvers hear of it shortly."))


@require_POST
@staff_required
def offer_take_back(request: HttpRequest, pk: int) -> HttpResponse:
    offer = offer_or_404(request, pk)
    ok = actions.take_back_approval(offer, request.user)  # type: ignore[arg-type]
    return _done(request, offer, ok, _("Request taken back. The offer is a draft again."))


@require_POST
@staff_required
def offer_approve(request: HttpRequest, pk: int) -> HttpResponse:
    offer = offer_or_404(request, pk)
    if not may_approve(request.user, offer):  # type: ignore[arg-type]
        raise Http404
    form = ApprovalForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose to approve or to return the offer."))
        return redirect("offer_detail", offer.pk)
    approve = form.cleaned_data["decision"] == "approve"
    ok = actions.decide_approval(offer, request.user, approve, form.cleaned_data["note"])  # type: ignore[arg-type]
    done = _("Offer approved. It can now be sent.") if approve else _("Offer returned for changes.")
    return _done(request, offer, ok, done)


@require_POST
@staff_required
def offer_send(request: HttpRequest, pk: int) -> HttpResponse:
    offer = offer_or_404(request, pk)
    ok = actions.send_offer(offer, request.user)  # type: ignore[arg-type]
    return _done(
        request, offer, ok, _("Offer sent. The email waits a few minutes: you can still undo.")
    )


@require_POST
@staff_required
def offer_undo(request: HttpRequest, pk: int) -> HttpResponse:
    offer = offer_or_404(request, pk)
    ok = actions.undo_send(offer, request.user)  # type: ignore[arg-type]
    if not ok:
        messages.error(
            request, _("Too late to undo: the email has gone out or the offer was opened.")
        )
        return redirect("offer_detail", offer.pk)
    return _done(request, offer, ok, _("Sending undone. The candidate heard nothing."))


@require_POST
@staff_required
def offer_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    offer = offer_or_404(request, pk)
    ok = actions.withdraw_offer(offer, request.user)  # type: ignore[arg-type]
    return _done(request, offer, ok, _("Offer withdrawn."))


def pdf_response(offer: Offer, signed: bool) -> HttpResponse:
    stored = offer.signed_pdf if signed else offer.pdf
    if not stored:
        raise Http404
    with stored.open("rb") as handle:
        data = handle.read()
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{offer.file_name(signed=signed)}"'
    return response


@staff_required
def offer_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    offer = offer_or_404(request, pk)
    audit.record(Action.DOWNLOAD, request=request, target=offer, detail="offer_pdf")
    return pdf_response(offer, signed=False)


@staff_required
def offer_signed_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    offer = offer_or_404(request, pk)
    audit.record(Action.DOWNLOAD, request=request, target=offer, detail="offer_pdf")
    return pdf_response(offer, signed=True)


@staff_required
def offer_approvals(request: HttpRequest) -> HttpResponse:
    """The offers waiting for the reader's approval, oldest first."""
    user: User = request.user  # type: ignore[assignment]
    waiting: list[Offer] = []
    if user.is_admin or user.role == Role.HIRING_MANAGER:
        waiting = list(
            offers_for(user)
            .filter(status=Status.PENDING)
            .exclude(approval_asked_by=user)
            .select_related("application__job", "approval_asked_by")
            .order_by("created_at", "pk")[:200]
        )
    return render(request, "offers/approvals.html", {"offers": waiting})
