"""The audit log: who did what to personal data, when, and from where.

Rows are only ever added. The one way out is the retention purge
(`AuditEntry.objects.purge_before`), which the audit retention policy runs.
Entries name their target by type and id, never by name, and hold no CV
text, so erasing a candidate leaves nothing identifying here."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Action(models.TextChoices):
    LOGIN = "login", _("Logged in")
    LOGIN_FAILED = "login_failed", _("Failed login")
    LOGOUT = "logout", _("Logged out")
    VIEW = "view", _("Viewed")
    DOWNLOAD = "download", _("Downloaded a document")
    EXPORT = "export", _("Exported")
    # Past-tense verbs ("Changed", "Rejected"): the same English words name
    # states elsewhere, which Swedish writes differently ("Ändrad", "Avböjd").
    EDIT = "edit", pgettext_lazy("audit action", "Changed")
    REJECT = "reject", pgettext_lazy("audit action", "Rejected")
    ERASE = "erase", pgettext_lazy("audit action", "Erased")
    ANONYMISE = "anonymise", _("Anonymised")
    DENIED = "denied", _("Access refused")
    ROLE_CHANGE = "role_change", _("Changed a role")
    SECURITY = "security", _("Changed security settings")


class AppendOnly(Exception):
    """Raised when code tries to change or delete an audit entry."""


class AuditQuerySet(models.QuerySet["AuditEntry"]):
    def update(self, **kwargs: Any) -> int:
        raise AppendOnly("audit entries cannot be changed")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnly("audit entries are removed only by purge_before()")

    def purge_before(self, moment: Any) -> int:
        """Remove entries older than `moment`: the audit log's own retention."""
        deleted, _by_model = models.QuerySet.delete(self.filter(created_at__lt=moment))
        return deleted


class AuditEntry(models.Model):
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The username at the time, so the entry still says who after the account goes.
    actor_label = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=20, choices=Action.choices, db_index=True)
    # What it was done to: a model label ("candidates.candidate") and its id.
    target_type = models.CharField(max_length=60, blank=True)
    target_id = models.CharField(max_length=40, blank=True)
    # What happened in words, kept as a code and its values so it reads in the
    # reader's language (rekryt.audit.describe): "role_changed" with
    # {"from": "recruiter", "to": "admin"}, or for a page the URL name. Never
    # a name, an address or CV text.
    detail = models.CharField(max_length=60, blank=True, default="")
    params = models.JSONField(default=dict, blank=True)
    # Entries written before `detail` existed: an English description or a
    # URL name. A failed login's typed name is in `params` now.
    summary = models.CharField(max_length=300, blank=True)
    path = models.CharField(max_length=300, blank=True)
    ip = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["target_type", "target_id"], name="audit_target"),
            models.Index(fields=["actor", "created_at"], name="audit_actor"),
        ]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_label} {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnly("audit entries cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnly("audit entries are removed only by purge_before()")
