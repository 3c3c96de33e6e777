from django.db import connection
from django.db.utils import DatabaseError
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from rekryt.ops.duties import load_duties


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """200 while the database answers. For each duty, `oldest_due_seconds`
    is how long the oldest item it should already have handled has waited
    (0 when none): it grows when a lane's worker is missing or behind, so an
    operator can alert per lane. `oldest_overdue_email_seconds` is the
    delivery duty's figure, kept under its first name for existing alerts."""
    now = timezone.now()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        duties = {}
        for duty in load_duties():
            oldest = duty.oldest_due()
            waited = max(0, int((now - oldest).total_seconds())) if oldest else 0
            duties[duty.name] = {"lane": duty.lane, "oldest_due_seconds": waited}
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    email = duties.get("deliver_due_messages", {}).get("oldest_due_seconds", 0)
    return JsonResponse(
        {"status": "ok", "database": "ok", "oldest_overdue_email_seconds": email, "duties": duties}
    )
