"""Staff management (admins only), accepting an invitation, the security
settings page, and the Django admin's login, which is the staff login."""

from __future__ import annotations

from urllib.parse import urlencode

from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from rekryt.accounts import actions
from rekryt.accounts.adapter import SECOND_FACTORS
from rekryt.accounts.forms import (
    AcceptInviteForm,
    InviteForm,
    RoleForm,
    SecuritySettingsForm,
)
from rekryt.accounts.models import Organisation, StaffInvite, User
from rekryt.accounts.roles import admin_required


def not_found(request: HttpRequest) -> HttpResponse:
    raise Http404


def admin_login(request: HttpRequest) -> HttpResponse:
    """The Django admin's login page: always the staff login (and its
    two-factor step). A logged-in account without admin site access gets 404,
    not a second login form."""
    if request.user.is_authenticated:
        raise Http404
    target = request.GET.get("next") or reverse("admin:index")
    return redirect(reverse("login") + "?" + urlencode({"next": target}))


@admin_required
def people(request: HttpRequest) -> HttpResponse:
    second_factor = Authenticator.objects.filter(user_id=OuterRef("pk"), type__in=SECOND_FACTORS)
    staff = User.objects.annotate(two_factor=Exists(second_factor)).order_by(
        "-is_active", "first_name", "last_name", "username"
    )
    invites = StaffInvite.objects.pending().select_related("invited_by")
    return render(request, "accounts/people.html", {"staff": staff, "invites": invites})


@admin_required
def invite(request: HttpRequest) -> HttpResponse:
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.invite_staff(actor=request.user, request=request, **form.cleaned_data)  # type: ignore[arg-type]
        messages.success(request, _("Invitation sent."))
        return redirect("staff_people")
    return render(request, "accounts/invite.html", {"form": form})


@admin_required
@require_POST
def revoke(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(StaffInvite.objects.pending(), pk=pk)
    actions.revoke_invite(found, actor=request.user, request=request)  # type: ignore[arg-type]
    messages.success(request, _("Invitation withdrawn."))
    return redirect("staff_people")


@admin_required
def person(request: HttpRequest, pk: int) -> HttpResponse:
    member = get_object_or_404(User, pk=pk)
    form = RoleForm(request.POST if "role" in request.POST else None, initial={"role": member.role})
    if request.method == "POST":
        try:
            if "reset_two_factor" in request.POST and member.pk != request.user.pk:
                actions.reset_two_factor(member, actor=request.user, request=request)  # type: ignore[arg-type]
                messages.success(
                    request,
                    _("Two-factor authentication removed. They set it up again at next login."),
                )
                return redirect("staff_person", pk=member.pk)
            if "active" in request.POST:
                active = request.POST["active"] == "1"
                actions.set_active(member, active, actor=request.user, request=request)  # type: ignore[arg-type]
                messages.success(
                    request,
                    _("The account is active again.")
                    if active
                    else _("The account is deactivated."),
                )
                return redirect("staff_person", pk=member.pk)
            if form.is_valid():
                actions.change_role(
                    member,
                    form.cleaned_data["role"],
                    actor=request.user,  # type: ignore[arg-type]
                    request=request,
                )
                messages.success(request, _("Role saved."))
                return redirect("staff_person", pk=member.pk)
        except actions.LastAdmin:
            messages.error(
                request,
                _("There must always be at least one active admin. Make someone else admin first."),
            )
            return redirect("staff_person", pk=member.pk)
    two_factor = Authenticator.objects.filter(user=member, type__in=SECOND_FACTORS).exists()
    return render(
        request,
        "accounts/person.html",
        {"member": member, "form": form, "two_factor": two_factor},
    )


@admin_required
def settings_security(request: HttpRequest) -> HttpResponse:
    organisation = Organisation.get()
    form = SecuritySettingsForm(
        request.POST or None, initial={"require_two_factor": organisation.require_two_factor}
    )
    if request.method == "POST" and form.is_valid():
        actions.set_two_factor_required(
            form.cleaned_data["require_two_factor"],
            actor=request.user,  # type: ignore[arg-type]
            request=request,
        )
        messages.success(request, _("Security settings saved."))
        return redirect("settings_security")
    return render(request, "accounts/settings_security.html", {"form": form})


@never_cache
def accept_invite(request: HttpRequest, token: str) -> HttpResponse:
    """A GET only shows the form (mail scanners open links); the POST uses
    the invitation up and logs the new staff member in."""
    found = actions.find_invite(token)
    if found is None:
        return render(request, "accounts/invite_invalid.html", status=404)
    form = AcceptInviteForm(request.POST or None, invite=found)
    if request.method == "POST" and form.is_valid():
        try:
            user = actions.accept_invite(
                found, password=form.cleaned_data["password1"], request=request
            )
        except ValueError:
            return render(request, "accounts/invite_invalid.html", status=404)
        auth_login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            request,
            _("Welcome! Your username is %(username)s.") % {"username": user.username},
        )
        return redirect("dashboard")
    return render(request, "accounts/accept_invite.html", {"form": form, "invite": found})
