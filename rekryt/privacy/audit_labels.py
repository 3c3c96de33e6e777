"""What audit entries about privacy work mean (rekryt.audit.describe)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rekryt.audit.describe import Target
from rekryt.privacy.models import ConsentPurpose, RequestStatus


def _label(choices: Any, value: Any) -> str:
    return str(choices(value).label) if value in choices.values else str(value)


def consent(params: dict[str, Any]) -> str:
    values = {"purpose": _label(ConsentPurpose, params.get("purpose"))}
    if params.get("given"):
        return _("Recorded that the candidate gave consent: %(purpose)s") % values
    return _("Recorded that the candidate withdrew consent: %(purpose)s") % values


def closed(params: dict[str, Any]) -> str:
    return _("Marked the request as %(status)s") % {
        "status": _label(RequestStatus, params.get("status")).lower()
    }


TARGETS = {
    "privacy.accessrequest": Target(gettext_lazy("Data request"), "rights_request_detail"),
    "privacy.legalhold": Target(gettext_lazy("Legal hold")),
}

PAGES = {
    "rights_candidate": gettext_lazy("Viewed a candidate's privacy page"),
    "rights_request_detail": gettext_lazy("Viewed a data request"),
    "rights_request_new": gettext_lazy("Registered a data request"),
    "rights_request_export": gettext_lazy("Exported the data for a data request"),
    "rights_request_extend": gettext_lazy("Extended the deadline of a data request"),
    "rights_request_answered": gettext_lazy("Marked a data request as answered"),
    "rights_request_refuse": gettext_lazy("Refused a data request"),
    "rights_request_erase": gettext_lazy("Erased a candidate for a data request"),
    "rights_candidate_export": gettext_lazy("Exported a candidate's data"),
    "rights_candidate_erase": gettext_lazy("Erased a candidate"),
    "privacy_hold_candidate": gettext_lazy("Placed a legal hold on a candidate"),
    "privacy_hold_job": gettext_lazy("Placed a legal hold on a job"),
    "privacy_hold_release": gettext_lazy("Released a legal hold"),
    "privacy_staff_consent": gettext_lazy("Recorded a candidate's consent"),
    "privacy_retention": gettext_lazy("Changed the privacy and retention settings"),
}

DETAILS = {
    "consent_recorded": consent,
    "privacy_settings_saved": gettext_lazy(
        "Saved the privacy and retention settings; the privacy notice is version %(version)s"
    ),
    "portal_download": gettext_lazy(
        "The candidate downloaded their data from the portal (request %(request)s)"
    ),
    "request_registered": gettext_lazy("Registered the request"),
    "request_exported": gettext_lazy("Exported the candidate's data for request %(request)s"),
    "deadline_extended": gettext_lazy("Extended the deadline"),
    "request_closed": closed,
    "staff_export": gettext_lazy("Exported the candidate's data"),
    "erased": gettext_lazy("Erased the candidate (erasure record %(record)s)"),
    "legal_hold_placed": gettext_lazy("Placed legal hold %(hold)s"),
    "legal_hold_released": gettext_lazy("Released legal hold %(hold)s"),
}
