"""What audit entries about staff accounts mean (rekryt.audit.describe).

Sign-in pages are django-allauth's; their models are named here too."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rekryt.accounts.models import Role
from rekryt.audit.describe import Target


def role(value: Any) -> str:
    return str(Role(value).label) if value in Role.values else str(value)


TARGETS = {
    "accounts.user": Target(gettext_lazy("Staff account"), "staff_person"),
    "accounts.staffinvite": Target(gettext_lazy("Invitation of a staff member")),
    "accounts.organisation": Target(gettext_lazy("Organisation settings")),
    "account.emailaddress": Target(gettext_lazy("Email address of a staff account")),
    "mfa.authenticator": Target(gettext_lazy("Two-factor method of a staff account")),
    "socialaccount.socialaccount": Target(
        gettext_lazy("Single sign-on identity of a staff account")
    ),
}

PAGES = {
    "staff_person": gettext_lazy("Changed a staff account"),
    "staff_invite": gettext_lazy("Invited a staff member"),
    "staff_invite_revoke": gettext_lazy("Revoked an invitation"),
    "settings_organisation": gettext_lazy("Changed the organisation settings"),
    "settings_security": gettext_lazy("Changed the security settings"),
    "account_change_password": gettext_lazy("Changed their password"),
    "account_set_password": gettext_lazy("Set their password"),
    "account_reset_password": gettext_lazy("Asked for a password reset"),
    "account_reset_password_from_key": gettext_lazy("Set a new password from a reset link"),
    "account_reauthenticate": gettext_lazy("Confirmed their password"),
    "mfa_reauthenticate": gettext_lazy("Confirmed with two-factor authentication"),
    "mfa_activate_totp": gettext_lazy("Turned on an authenticator app"),
    "mfa_deactivate_totp": gettext_lazy("Turned off their authenticator app"),
    "mfa_generate_recovery_codes": gettext_lazy("Made new recovery codes"),
    "mfa_download_recovery_codes": gettext_lazy("Downloaded their recovery codes"),
    "mfa_add_webauthn": gettext_lazy("Added a passkey"),
    "mfa_remove_webauthn": gettext_lazy("Removed a passkey"),
    "mfa_edit_webauthn": gettext_lazy("Renamed a passkey"),
}

DETAILS = {
    "invited": lambda p: (
        _("Invited a new staff member as %(role)s") % {"role": role(p.get("role"))}
    ),
    "invitation_accepted": lambda p: (
        _("Accepted an invitation as %(role)s") % {"role": role(p.get("role"))}
    ),
    "invitation_revoked": gettext_lazy("Revoked an invitation"),
    "role_changed": lambda p: (
        _("Role changed from %(old)s to %(new)s")
        % {"old": role(p.get("from")), "new": role(p.get("to"))}
    ),
    "account_created": gettext_lazy("Created a staff account"),
    "admin_created": gettext_lazy("Created an admin from the command line"),
    "account_reactivated": gettext_lazy("Reactivated a staff account"),
    "account_deactivated": gettext_lazy("Deactivated a staff account"),
    "two_factor_removed": gettext_lazy("Removed two-factor authentication"),
    "two_factor_required": gettext_lazy("Required two-factor authentication for all staff"),
    "two_factor_not_required": gettext_lazy("Stopped requiring two-factor authentication"),
}
