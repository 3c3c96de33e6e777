"""Onboarding for export and erasure (see rekryt.candidates.personal_data
for the contract). Everything the new hire wrote, confirmed and sent is in
the export; bank and tax details are in it decrypted, as they are theirs
(the export goes only to the person, after they prove the address). The
uploaded files are in the ZIP. Erasure removes the onboarding with its
tasks, confirmations and files."""

from __future__ import annotations

from typing import Any

from rekryt.candidates.models import Candidate
from rekryt.candidates.personal_data import iso, remove_files_on_commit
from rekryt.onboarding.models import Onboarding, Upload
from rekryt.onboarding.sealing import open_sealed


def upload_name(upload: Upload) -> str:
    return f"onboarding/{upload.pk}-{upload.kind}.{upload.extension}"


def _one(o: Onboarding, language: str) -> dict[str, Any]:
    return {
        "application_id": o.application_id,
        "status": o.status,
        "start_date": o.start_date.isoformat() if o.start_date else None,
        "start_time": o.start_time.strftime("%H:%M"),
        "address": o.address,
        "welcome": o.text_in("welcome", language),
        "first_week": o.text_in("first_week", language),
        "preferred_name": o.preferred_name,
        "emergency_contact": o.emergency_contact,
        "dietary": o.dietary,
        "needs": o.needs,
        "computer": o.computer,
        "details_saved_at": iso(o.details_saved_at),
        "bank_details": open_sealed(o.bank_sealed),
        "tax_details": open_sealed(o.tax_sealed),
        "pay_details_saved_at": iso(o.pay_saved_at),
        "pay_details_handed_over_at": iso(o.pay_handed_over_at),
        "pay_details_erase_at": iso(o.pay_erase_at),
        "confirmed": [
            {"document": c.material.text_in("title", language), "at": iso(c.confirmed_at)}
            for c in o.confirmations.all()
        ],
        "files": [
            {
                "file": upload_name(u),
                "kind": u.kind,
                "original_name": u.original_name,
                "size": u.size,
                "sha256": u.sha256,
                "sent_at": iso(u.created_at),
            }
            for u in o.uploads.all()
        ],
        "checklist": [
            {
                "task": t.text_in("title", language),
                "due_date": t.due_date.isoformat() if t.due_date else None,
                "done_at": iso(t.done_at),
            }
            for t in o.tasks.all()
        ],
        "invited_at": iso(o.invited_at),
        "completed_at": iso(o.completed_at),
    }


def export(candidate: Candidate) -> dict[str, Any]:
    found = (
        Onboarding.objects.filter(application__candidate=candidate)
        .prefetch_related("confirmations__material", "uploads", "tasks")
        .order_by("pk")
    )
    return {"onboarding": [_one(o, candidate.language) for o in found]}


def export_files(candidate: Candidate) -> list[tuple[str, Any]]:
    uploads = Upload.objects.filter(onboarding__application__candidate=candidate)
    return [(upload_name(u), u.file) for u in uploads.order_by("pk")]


def _erase(onboardings: Any) -> dict[str, int]:
    uploads = list(Upload.objects.filter(onboarding__in=onboardings))
    remove_files_on_commit([u.file for u in uploads if u.file])
    _total, by_model = onboardings.delete()
    return {
        "onboardings": by_model.get("onboarding.Onboarding", 0),
        "onboarding_files": len(uploads),
    }


def erase_application(application: Any) -> dict[str, int]:
    return _erase(Onboarding.objects.filter(application=application))


def erase(candidate: Candidate) -> dict[str, int]:
    return _erase(Onboarding.objects.filter(application__candidate=candidate))
