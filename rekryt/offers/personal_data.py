"""Offers, for export and erasure (see rekryt.candidates.personal_data for
the contract). An offer names the person, their salary and, once accepted,
their signature (name, time, IP address, browser): all in the export, with
both PDFs; all erased with the candidate, or with the application when it is
anonymised under retention (hired applications are kept, see
rekryt.applications.retention)."""

from __future__ import annotations

from typing import Any

from rekryt.candidates.models import Candidate
from rekryt.candidates.personal_data import iso, remove_files_on_commit
from rekryt.offers.models import Offer


def archive_name(offer: Offer, signed: bool = False) -> str:
    return f"offers/{offer.file_name(signed=signed)}"


def _row(offer: Offer) -> dict[str, Any]:
    return {
        "application_id": offer.application_id,
        "version": offer.version,
        "status": offer.status,
        "title": offer.title,
        "salary": offer.salary,
        "salary_period": offer.salary_period,
        "start_date": offer.start_date.isoformat(),
        "collective_agreement": offer.collective_agreement,
        "letter": offer.intro,
        "terms": offer.terms,
        "benefits": offer.benefits,
        "answer_by": offer.expires_on.isoformat(),
        "sent_at": iso(offer.sent_at),
        "viewed_at": iso(offer.viewed_at),
        "file": archive_name(offer) if offer.pdf else None,
        "sha256": offer.pdf_sha256 or None,
        "signature": {
            "typed_name": offer.signed_name,
            "signed_at": iso(offer.signed_at),
            "ip": offer.signed_ip,
            "user_agent": offer.signed_user_agent,
            "signed_file": archive_name(offer, signed=True),
            "signed_sha256": offer.signed_pdf_sha256,
        }
        if offer.signed_at
        else None,
        "declined_at": iso(offer.declined_at),
        "decline_reason": offer.decline_reason,
    }


def _offers(candidate: Candidate) -> Any:
    return Offer.objects.filter(application__candidate=candidate).order_by(
        "application_id", "version"
    )


def export(candidate: Candidate) -> dict[str, Any]:
    return {"offers": [_row(o) for o in _offers(candidate)]}


def export_files(candidate: Candidate) -> list[tuple[str, Any]]:
    files = []
    for offer in _offers(candidate):
        if offer.pdf:
            files.append((archive_name(offer), offer.pdf))
        if offer.signed_pdf:
            files.append((archive_name(offer, signed=True), offer.signed_pdf))
    return files


def _erase(offers: Any) -> dict[str, int]:
    found = list(offers)
    remove_files_on_commit([f for o in found for f in (o.pdf, o.signed_pdf) if f])
    count, _by_model = offers.delete()
    return {"offers": count}


def erase_application(application: Any) -> dict[str, int]:
    return _erase(Offer.objects.filter(application=application))


def erase(candidate: Candidate) -> dict[str, int]:
    return _erase(Offer.objects.filter(application__candidate=candidate))
