"""{% data_request_notice user %}: a short notice on the staff dashboard when
data requests are overdue or due within a week (admins and recruiters)."""

from __future__ import annotations

from typing import Any

from django import template
from django.db.models import Count, Q
from django.utils import timezone

from rekryt.privacy.models import AccessRequest, RequestStatus
from rekryt.privacy.requests import SOON

register = template.Library()


@register.inclusion_tag("privacy/rights/dashboard_notice.html")
def data_request_notice(user: Any) -> dict[str, Any]:
    if not getattr(user, "can_manage_jobs", False):
        return {"show": False}
    now = timezone.now()
    counts = AccessRequest.objects.filter(
        status=RequestStatus.OPEN, due_at__lt=now + SOON
    ).aggregate(overdue=Count("pk", filter=Q(due_at__lt=now)), total=Count("pk"))
    overdue = counts["overdue"] or 0
    soon = (counts["total"] or 0) - overdue
    return {"show": bool(overdue or soon), "overdue": overdue, "soon": soon}
