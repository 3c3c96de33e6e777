"""The hand-over document of a hired person (rekryt.onboarding.handover),
for an HR system told by the `employee.handover` webhook. The rules are the
hand-over page's: onboardings of the jobs the token's user sees
(Onboarding.objects.visible_to), bank and tax details only for admins and
recruiters (handover.may_see_pay), and each showing of those audited. The
answer is the document of docs/schemas/handover-v1.json."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from rekryt.api.v1.auth import need
from rekryt.api.v1.reads import audit_read
from rekryt.api.v1.schemas import one
from rekryt.audit.log import record as audit
from rekryt.audit.models import Action
from rekryt.onboarding import handover
from rekryt.onboarding.models import Onboarding

router = Router(tags=["handovers"])


class AboutOut(Schema):
    preferred_name: str
    emergency_contact: str
    dietary: str
    needs: str
    computer: str
    saved_at: str | None


class ConfirmedOut(Schema):
    document: str
    at: str | None


class FileOut(Schema):
    id: int
    kind: str
    name: str
    sha256: str


class TaskOut(Schema):
    task: str
    task_en: str
    owner: str
    assigned_to: str | None
    due_date: str | None
    done_at: str | None
    done_by: str | None


class PayOut(Schema):
    bank: dict[str, str] | None
    tax: dict[str, str] | None
    readable: bool


class HandoverOut(Schema):
    onboarding_id: int
    application_id: int
    name: str
    email: str
    phone: str
    job: str
    status: str
    start_date: str | None
    start_time: str
    address: str
    met_by: str | None
    buddy: str | None
    completed_at: str | None
    about: AboutOut
    confirmed: list[ConfirmedOut]
    files: list[FileOut]
    checklist: list[TaskOut]
    pay_details_given: bool
    pay_handed_over_at: str | None
    pay: PayOut | None = None


@router.get(
    "/handovers/{onboarding_id}",
    response=one(HandoverOut),
    exclude_unset=True,
    summary="The hand-over document of a hired person",
)
def get_handover(request: HttpRequest, onboarding_id: int) -> dict[str, Any]:
    user = need(request, "handovers")
    onboardings = Onboarding.objects.visible_to(user).select_related(
        "application__job", "met_by", "buddy"
    )
    onboarding = get_object_or_404(onboardings, pk=onboarding_id)
    data = handover.document(onboarding, with_pay=handover.may_see_pay(user))
    audit_read(request, "onboarding.onboarding", [onboarding.pk])
    if data.get("pay"):
        audit(Action.VIEW, request=request, target=onboarding, detail="onboarding_pay_viewed")
    return data
