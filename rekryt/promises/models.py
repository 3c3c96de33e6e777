from __future__ import annotations

from django.conf import settings
from django.db import models


class DigestSchedule(models.Model):
    """When a recruiter's next waiting-candidates digest is due.

    Read and claimed by the worker duty `rekryt.promises.duties.SendWaitingDigests`,
    which also creates a row for every recruiter and admin that lacks one."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest_schedule"
    )
    next_digest_at = models.DateTimeField(db_index=True)
    claimed_until = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"digest for {self.user_id} at {self.next_digest_at:%Y-%m-%d %H:%M}"
