"""Candidates: the person's own details, scoped as the candidate pages are.
A candidate known to the token's user only through applications under
blind review is left out, as on the pages: their name must not be tied to
the pseudonym."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router

from rekryt.accounts.models import User
from rekryt.api.v1.auth import need
from rekryt.api.v1.params import BY_UPDATE, ListParams, as_page, paged
from rekryt.api.v1.reads import audit_read
from rekryt.api.v1.schemas import CandidateOut, listing, one
from rekryt.applications.hooks import blind_scope
from rekryt.applications.models import Application
from rekryt.candidates.models import Candidate

router = Router(tags=["candidates"])


def visible_candidates(user: User) -> QuerySet[Candidate]:
    scopes = blind_scope()
    if user.sees_all_jobs and not scopes:
        return Candidate.objects.visible_to(user)
    named = Application.objects.visible_to(user)
    for blind in scopes:
        named = named.exclude(pk__in=blind)
    return Candidate.objects.filter(pk__in=named.values("candidate_id"))


def candidate_out(candidate: Candidate) -> dict[str, Any]:
    return {
        "id": candidate.pk,
        "first_name": candidate.first_name,
        "last_name": candidate.last_name,
        "email": candidate.email,
        "phone": candidate.phone,
        "link": candidate.link,
        "language": candidate.language,
        "tags": [tag.pk for tag in candidate.tags.all()],
        "created_at": candidate.created_at,
        "updated_at": candidate.updated_at,
    }


@router.get("/candidates", response=listing(CandidateOut))
def list_candidates(request: HttpRequest, params: Query[ListParams]) -> dict[str, Any]:
    candidates = visible_candidates(need(request, "candidates")).prefetch_related("tags")
    found, cursor = paged(candidates, BY_UPDATE, params)
    audit_read(request, "candidates.candidate", [c.pk for c in found])
    return as_page([candidate_out(c) for c in found], cursor)


@router.get("/candidates/{candidate_id}", response=one(CandidateOut))
def get_candidate(request: HttpRequest, candidate_id: int) -> dict[str, Any]:
    candidates = visible_candidates(need(request, "candidates")).prefetch_related("tags")
    candidate = get_object_or_404(candidates, pk=candidate_id)
    audit_read(request, "candidates.candidate", [candidate.pk])
    return candidate_out(candidate)
