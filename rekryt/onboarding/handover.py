"""The hand-over document: what HR, the manager and payroll need once the
onboarding is done, as one dict (the printable page and the JSON are both
made from it). Bank and tax details are in it only for admins and
recruiters, and only while they have not been handed over yet."""

from __future__ import annotations

from typing import Any

from rekryt.candidates.personal_data import iso
from rekryt.onboarding.models import Material, Onboarding
from rekryt.onboarding.sealing import open_sealed


def may_see_pay(user: Any) -> bool:
    return bool(user.sees_all_jobs)


def paperwork(onboarding: Onboarding) -> dict[str, Any]:
    confirmed = {c.material_id: c.confirmed_at for c in onboarding.confirmations.all()}
    required = list(Material.objects.filter(active=True, must_confirm=True))
    return {
        "confirmed": [(m, confirmed.get(m.pk)) for m in required],
        "all_confirmed": all(m.pk in confirmed for m in required),
        "details_saved_at": onboarding.details_saved_at,
        "uploads": list(onboarding.uploads.all()),
        "pay_given": onboarding.has_pay_details,
        "pay_handed_over_at": onboarding.pay_handed_over_at,
        "pay_erase_at": onboarding.pay_erase_at,
    }


def document(onboarding: Onboarding, *, with_pay: bool) -> dict[str, Any]:
    application = onboarding.application
    language = "sv"
    tasks = onboarding.tasks.select_related("user", "done_by")
    confirmed = {c.material_id: c for c in onboarding.confirmations.select_related("material")}
    data: dict[str, Any] = {
        "onboarding_id": onboarding.pk,
        "application_id": application.pk,
        "name": application.full_name,
        "email": application.email,
        "phone": application.phone,
        "job": application.job.title,
        "status": onboarding.status,
        "start_date": onboarding.start_date.isoformat() if onboarding.start_date else None,
        "start_time": onboarding.start_time.strftime("%H:%M"),
        "address": onboarding.address,
        "met_by": onboarding.met_by.display_name if onboarding.met_by else None,
        "buddy": onboarding.buddy.display_name if onboarding.buddy else None,
        "completed_at": iso(onboarding.completed_at),
        "about": {
            "preferred_name": onboarding.preferred_name,
            "emergency_contact": onboarding.emergency_contact,
            "dietary": onboarding.dietary,
            "needs": onboarding.needs,
            "computer": onboarding.computer,
            "saved_at": iso(onboarding.details_saved_at),
        },
        "confirmed": [
            {"document": c.material.text_in("title", language), "at": iso(c.confirmed_at)}
            for c in confirmed.values()
        ],
        "files": [
            {"id": u.pk, "kind": u.kind, "name": u.original_name, "sha256": u.sha256}
            for u in onboarding.uploads.all()
        ],
        "checklist": [
            {
                "task": t.title_sv,
                "task_en": t.title_en,
                "owner": t.owner,
                "assigned_to": t.user.display_name if t.user else None,
                "due_date": t.due_date.isoformat() if t.due_date else None,
                "done_at": iso(t.done_at),
                "done_by": t.done_by.display_name if t.done_by else None,
            }
            for t in tasks
        ],
        "pay_details_given": onboarding.has_pay_details,
        "pay_handed_over_at": iso(onboarding.pay_handed_over_at),
    }
    if with_pay and onboarding.has_pay_details:
        bank = open_sealed(onboarding.bank_sealed)
        tax = open_sealed(onboarding.tax_sealed)
        data["pay"] = {"bank": bank, "tax": tax, "readable": bank is not None and tax is not None}
    return data
