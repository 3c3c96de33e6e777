from django.db import connection
from django.db.utils import DatabaseError
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from rekryt.messaging.models import Message, MessageStatus


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """200 while the database answers. `oldest_overdue_email_seconds` grows
    when no worker delivers mail, so a stalled worker is visible to monitoring."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        oldest = (
            Message.objects.filter(status=MessageStatus.SCHEDULED, send_after__lte=timezone.now())
            .order_by("send_after")
            .values_list("send_after", flat=True)
            .first()
        )
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    overdue = int((timezone.now() - oldest).total_seconds()) if oldest else 0
    return JsonResponse({"status": "ok", "database": "ok", "oldest_overdue_email_seconds": overdue})
