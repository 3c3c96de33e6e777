"""What audit entries about applications mean (rekryt.audit.describe)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from rekryt.applications.models import BulkRejection
from rekryt.audit.describe import Target
from rekryt.jobs.models import Job


def bulk_rejections(user: Any) -> QuerySet[BulkRejection]:
    return BulkRejection.objects.filter(job__in=Job.objects.visible_to(user))


TARGETS = {
    "applications.application": Target(_("Application"), "application_detail"),
    "applications.bulkrejection": Target(
        _("Rejection of several applications"), "bulk_rejection", visible=bulk_rejections
    ),
    "applications.rejectionreason": Target(_("Rejection reason")),
}

PAGES = {
    "application_detail": _("Viewed an application"),
    "application_move": _("Moved an application to another stage"),
    "application_outcome": _("Set the outcome of an application"),
    "application_reopen": _("Reopened an application"),
    "application_note": _("Added a note to an application"),
    "application_reject": _("Rejected an application"),
    "bulk_reject": _("Rejected several applications at once"),
    "job_close_confirm": _("Closed a job and rejected the remaining applicants"),
    "settings_reasons": _("Added a rejection reason"),
    "settings_reason_edit": _("Changed a rejection reason"),
    "settings_reason_move": _("Moved a rejection reason"),
    "settings_reason_active": _("Turned a rejection reason on or off"),
    "settings_reason_delete": _("Removed a rejection reason"),
}

DETAILS = {
    "anonymised": _("Anonymised; kept for statistics as anonymised application %(kept_as)s"),
}
