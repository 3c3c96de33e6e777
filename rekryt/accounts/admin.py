from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from rekryt.accounts.forms import OrganisationForm
from rekryt.accounts.models import Organisation, User
from rekryt.audit.log import record
from rekryt.audit.models import Action


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "email", "first_name", "last_name", "role", "is_active")
    list_filter = ("role", "is_active", "is_staff", "is_superuser")
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Personal info"), {"fields": ("first_name", "last_name", "email", "language")}),
        (
            _("Role in Rekryt"),
            {
                "fields": ("role", "is_active"),
                "description": _(
                    "Admins and recruiters see every job. Hiring managers and interviewers "
                    "see only the jobs whose hiring team they are on."
                ),
            },
        ),
        (
            _("Django admin access"),
            {"fields": ("is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": (
                    "username",
                    "email",
                    "first_name",
                    "last_name",
                    "role",
                    "usable_password",
                    "password1",
                    "password2",
                ),
            },
        ),
    )

    def save_model(self, request: HttpRequest, obj: User, form: Any, change: bool) -> None:
        """Role and activity changes made here are audited like the ones on
        the staff page (rekryt.accounts.actions)."""
        before = (
            User.objects.filter(pk=obj.pk).values("role", "is_active").first() if change else None
        )
        super().save_model(request, obj, form, change)
        if before is None:
            record(Action.SECURITY, request=request, target=obj, detail="account_created")
            return
        if before["role"] != obj.role:
            record(
                Action.ROLE_CHANGE,
                request=request,
                target=obj,
                detail="role_changed",
                params={"from": before["role"], "to": obj.role},
            )
        if before["is_active"] != obj.is_active:
            if not obj.is_active:
                from rekryt.accounts.actions import end_sessions

                end_sessions(obj)
            record(
                Action.SECURITY,
                request=request,
                target=obj,
                detail="account_reactivated" if obj.is_active else "account_deactivated",
            )


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    # The same form as the settings page, so the logo is checked the same way.
    form = OrganisationForm

    def has_add_permission(self, request: HttpRequest) -> bool:
        return not Organisation.objects.exists()

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
