"""What the audit app's own entries mean (rekryt.audit.describe)."""

from django.utils.translation import gettext_lazy as _

from rekryt.audit.describe import Target

TARGETS = {"audit.auditentry": Target(_("Audit log"))}

DETAILS = {
    "audit_exported": _("Downloaded the audit log as a spreadsheet (CSV)"),
    "login_failed": _("Name typed: %(name)s"),
}
