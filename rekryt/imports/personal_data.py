"""What imports hold about a person: each import's note and source, with
the legal basis the importer recorded, in the candidate's export; those
rows and the person's search entry erased with them (see
rekryt.candidates.personal_data for the contract)."""

from __future__ import annotations

from typing import Any

from rekryt.candidates.models import Candidate
from rekryt.candidates.personal_data import iso
from rekryt.imports.models import ImportedPerson, ProfileEntry


def export(candidate: Candidate) -> dict[str, Any]:
    people = ImportedPerson.objects.filter(candidate=candidate).select_related("job")
    return {
        "imported": [
            {
                "imported_at": iso(p.job.finished_at or p.job.created_at),
                "file": p.job.original_name,
                "legal_basis": p.job.legal_basis,
                "basis_note": p.job.basis_note,
                "note": p.note,
                "source": p.source,
            }
            for p in people.order_by("pk")
        ]
    }


def erase(candidate: Candidate) -> dict[str, int]:
    entries, _ = ProfileEntry.objects.filter(candidate=candidate).delete()
    people, _ = ImportedPerson.objects.filter(candidate=candidate).delete()
    return {"imported rows": people, "imported profile index entries": entries}
