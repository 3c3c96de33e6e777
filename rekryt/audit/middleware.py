"""Staff access to personal data, audited in one place.

After a /staff/ request by a signed-in user, one entry is written when:

- a page in AUDITED_READS answered 2xx (a candidate, an application, a
  document download, an export);
- a state-changing request (POST, PUT, PATCH, DELETE) succeeded: EDIT, or
  REJECT for the rejection URLs. Staff forms follow post/redirect/get, so a
  success is a redirect, an htmx or JSON answer, or a file; a plain HTML page
  answering a form (errors, a preview, a confirmation step) changed nothing;
- the answer was 403 or 404: DENIED, the failed access attempt (the scoped
  getters answer outsiders with 404).

Nothing is written when the view recorded an entry itself (an export, an
erasure, a role change: those say more than "changed"). List pages (board,
candidate list, mailbox) are not audited: they would write a row per row
shown. Entries name their target by model label and id, never by name, and
keep the URL name as their detail (described in each app's audit_labels)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse

from rekryt.audit.log import record, written
from rekryt.audit.models import Action

STAFF_PREFIX = "/staff/"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})

# URL name -> (action, target model label) for reads that show personal data.
AUDITED_READS: dict[str, tuple[str, str]] = {
    "candidate_detail": (Action.VIEW, "candidates.candidate"),
    "application_detail": (Action.VIEW, "applications.application"),
    "document_download": (Action.DOWNLOAD, "candidates.document"),
    "mailbox_message": (Action.VIEW, "messaging.message"),
    "message_preview": (Action.VIEW, "messaging.message"),
    "cnps_export": (Action.EXPORT, ""),
    "rights_candidate": (Action.VIEW, "candidates.candidate"),
    "rights_request_detail": (Action.VIEW, "privacy.accessrequest"),
}

# URL name -> the model its `pk` names, for state-changing requests and refusals.
TARGETS: dict[str, str] = {
    "board": "jobs.job",
    "board_column": "jobs.job",
    "bulk_reject": "jobs.job",
    "bulk_rejection": "applications.bulkrejection",
    "job_close_confirm": "jobs.job",
    "job_edit": "jobs.job",
    "job_publish": "jobs.job",
    "job_close": "jobs.job",
    "job_stages": "jobs.job",
    "job_stage_rename": "jobs.job",
    "job_stage_move": "jobs.job",
    "job_stage_delete": "jobs.job",
    "stage_template_rename": "jobs.stagetemplate",
    "stage_template_move": "jobs.stagetemplate",
    "stage_template_delete": "jobs.stagetemplate",
    "application_move": "applications.application",
    "application_undo_move": "applications.application",
    "application_outcome": "applications.application",
    "application_reopen": "applications.application",
    "application_note": "applications.application",
    "application_reject": "applications.application",
    "settings_reason_edit": "applications.rejectionreason",
    "settings_reason_move": "applications.rejectionreason",
    "settings_reason_active": "applications.rejectionreason",
    "settings_reason_delete": "applications.rejectionreason",
    "mailbox_message_html": "messaging.message",
    "message_cancel": "messaging.message",
    "message_preview_html": "messaging.message",
    "template_edit": "messaging.emailtemplate",
    "template_preview_html": "messaging.emailtemplate",
    "survey_question_edit": "surveys.surveyquestion",
    "staff_person": "accounts.user",
    "staff_invite_revoke": "accounts.staffinvite",
    "privacy_hold_candidate": "candidates.candidate",
    "privacy_hold_job": "jobs.job",
    "privacy_hold_release": "privacy.legalhold",
    "privacy_staff_consent": "candidates.candidate",
    "rights_candidate_export": "candidates.candidate",
    "rights_candidate_erase": "candidates.candidate",
    "rights_request_export": "privacy.accessrequest",
    "rights_request_extend": "privacy.accessrequest",
    "rights_request_answered": "privacy.accessrequest",
    "rights_request_refuse": "privacy.accessrequest",
    "rights_request_erase": "privacy.accessrequest",
}
TARGETS.update({name: model for name, (_action, model) in AUDITED_READS.items() if model})

# Changes that reject candidates.
REJECTIONS = frozenset({"application_reject", "bulk_reject", "job_close_confirm"})


def _target(url_name: str, kwargs: dict[str, Any]) -> tuple[str, str]:
    pk = kwargs.get("pk")
    if pk is None:
        return "", ""
    return TARGETS.get(url_name, ""), str(pk)


def changed(request: HttpRequest, status: int, content_type: str) -> bool:
    if 300 <= status < 400:
        return True
    if not 200 <= status < 300:
        return False
    return request.headers.get("HX-Request") == "true" or not content_type.startswith("text/html")


def change_action(request: HttpRequest, url_name: str) -> str:
    # Ending an application with a reason on its page is a rejection too.
    if url_name in REJECTIONS or (url_name == "application_outcome" and request.POST.get("reason")):
        return Action.REJECT
    return Action.EDIT


def entry_for(
    request: HttpRequest, status: int, content_type: str = "text/html"
) -> tuple[str, str, str, str] | None:
    """(action, target type, target id, URL name) for this response, or None."""
    match = request.resolver_match
    url_name = (match.url_name or "") if match is not None else ""
    kwargs = match.kwargs if match is not None else {}
    if status in (403, 404):
        return (Action.DENIED, *_target(url_name, kwargs), url_name)
    if request.method not in SAFE_METHODS:
        if not changed(request, status, content_type):
            return None
        return (change_action(request, url_name), *_target(url_name, kwargs), url_name)
    if url_name in AUDITED_READS and 200 <= status < 300:
        read = AUDITED_READS[url_name][0]
        return (read, *_target(url_name, kwargs), url_name)
    return None


class AuditMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(STAFF_PREFIX):
            return self.get_response(request)
        seen: list[str] = []
        token = written.set(seen)
        try:
            response = self.get_response(request)
        finally:
            written.reset(token)
        if seen:
            return response  # the view (or a login signal) recorded it precisely
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return response
        entry = entry_for(request, response.status_code, response.get("Content-Type", ""))
        if entry is not None:
            action, target_type, target_id, page = entry
            record(
                action, request=request, target_type=target_type, target_id=target_id, detail=page
            )
        return response
