"""Applications, their timelines and notes, for export and erasure (see
rekryt.candidates.personal_data for the contract).

Notes written by staff are the candidate's personal data too, so they are
exported; their authors are shown by role, not by name, and so are
colleagues a note names in full. Erasing
a candidate anonymises each application (rekryt.applications.anonymise), so
statistics keep its shape and nothing that points at the person."""

from __future__ import annotations

import re
from typing import Any

from django.utils import translation

from rekryt.applications.anonymise import anonymise_application
from rekryt.applications.models import (
    DETAIL_FIELDS,
    Application,
    Event,
    EventKind,
    Note,
    Resubmission,
)
from rekryt.candidates.models import Candidate
from rekryt.candidates.personal_data import iso
from rekryt.jobs.models import names_in
from rekryt.messaging.personal_data import identifying_terms, redact_staff_messages
from rekryt.privacy.erasure import add_counts


def staff_role(user: Any) -> str | None:
    """Who did it, as a role: the export names no member of staff."""
    if user is None:
        return None
    with translation.override("en"):
        return str(user.get_role_display())


def staff_names() -> dict[str, str]:
    """Full names of staff, each with its role: a note that names a colleague
    shows the role instead ("ask [Hiring manager]")."""
    from django.contrib.auth import get_user_model

    names: dict[str, str] = {}
    with translation.override("en"):
        for user in (
            get_user_model().objects.exclude(last_name="").only("first_name", "last_name", "role")
        ):
            full = f"{user.first_name} {user.last_name}".strip()
            if len(full) >= 5:
                names[full] = f"[{user.get_role_display()}]"  # type: ignore[attr-defined]
    return names


def without_staff_names(text: str, names: dict[str, str]) -> str:
    for name in sorted(names, key=len, reverse=True):
        text = re.sub(re.escape(name), names[name], text, flags=re.IGNORECASE)
    return text


def moved_name(event: Event, prefix: str, language: str) -> str | None:
    """A stage a move names, in the candidate's language when the event kept both."""
    data = event.data or {}
    sv, en = data.get(f"{prefix}_name_sv"), data.get(f"{prefix}_name_en")
    if sv or en:
        return names_in(sv or "", en or "", language)
    return data.get(f"{prefix}_name")


def export(candidate: Candidate) -> dict[str, Any]:
    applications = list(
        Application.objects.filter(candidate=candidate)
        .select_related("job", "stage", "ended_stage", "rejection_reason", "notice")
        .order_by("created_at", "pk")
    )
    ids = [a.pk for a in applications]
    events: dict[int, list[Event]] = {pk: [] for pk in ids}
    for event in Event.objects.filter(application_id__in=ids).select_related("actor"):
        events[event.application_id].append(event)
    notes: dict[int, list[Note]] = {pk: [] for pk in ids}
    for note in Note.objects.filter(application_id__in=ids).select_related("author"):
        notes[note.application_id].append(note)
    resubmissions: dict[int, list[Resubmission]] = {}
    for resubmission in Resubmission.objects.filter(application_id__in=ids):
        resubmissions.setdefault(resubmission.application_id, []).append(resubmission)
    names = staff_names() if any(notes.values()) else {}
    result = []
    for a in applications:
        timeline = events[a.pk]
        reason = a.rejection_reason
        result.append(
            {
                "id": a.pk,
                "job": a.job.title,
                "applied_at": iso(a.created_at),
                "sent_with": {name: getattr(a, name) for name in DETAIL_FIELDS},
                "sent_again": [_resubmission(r) for r in resubmissions.get(a.pk, [])],
                "stage": a.stage.name_in(candidate.language),
                "outcome": a.outcome,
                "ended_at": iso(a.ended_at),
                "ended_in_stage": (
                    a.ended_stage.name_in(candidate.language) if a.ended_stage else None
                ),
                "reason": reason.name_in(candidate.language) if reason else None,
                "keep_in_mind_for_future_roles": a.keep_in_mind,
                "about": a.about,
                "cover_letter": a.cover_letter,
                "source": a.source,
                "heard_from": a.heard_from,
                "language": a.language,
                "privacy_notice_version": a.notice.version if a.notice else None,
                "stage_history": [
                    {
                        "from": moved_name(e, "from", candidate.language),
                        "to": moved_name(e, "to", candidate.language),
                        "at": iso(e.created_at),
                    }
                    for e in timeline
                    if e.kind == EventKind.STAGE_MOVED
                ],
                "timeline": [
                    {
                        "kind": e.kind,
                        "at": iso(e.created_at),
                        "by_staff_role": staff_role(e.actor),
                        "data": e.data or {},
                    }
                    for e in timeline
                ],
                "notes": [
                    {
                        "text": without_staff_names(n.body, names),
                        "written_at": iso(n.created_at),
                        "by_staff_role": staff_role(n.author),
                    }
                    for n in notes[a.pk]
                ],
            }
        )
    return {"applications": result}


def _resubmission(r: Resubmission) -> dict[str, Any]:
    return {
        "sent_at": iso(r.created_at),
        **{name: getattr(r, name) for name in DETAIL_FIELDS},
        "about": r.about,
        "cover_letter": r.cover_letter,
        "status": r.status,
        "decided_at": iso(r.decided_at),
    }


def erase(candidate: Candidate) -> dict[str, int]:
    counts: dict[str, int] = {}
    applications = list(Application.objects.filter(candidate=candidate))
    # Names and addresses typed into the forms may differ from the candidate's
    # own; staff emails that named them lose them too (the messaging app,
    # called after this one, redacts the candidate's own).
    sent_with = [*applications, *Resubmission.objects.filter(application__candidate=candidate)]
    own = set(identifying_terms(candidate))
    terms = [t for t in identifying_terms(*sent_with) if t not in own]
    add_counts(counts, {"staff_emails_redacted": redact_staff_messages(terms)})
    for application in applications:
        anonymised = anonymise_application(application)
        add_counts(counts, {"applications_anonymised": 1})
        add_counts(counts, getattr(anonymised, "erased_counts", {}))
    return counts
