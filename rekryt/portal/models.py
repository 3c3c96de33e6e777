from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rekryt.applications.models import Application
from rekryt.candidates.models import Candidate


class PortalToken(models.Model):
    """One portal link. Only the SHA-256 of the random token is stored: the
    raw token exists in the email alone, so a leaked database holds no links.
    Tokens are minted by `rekryt.portal.tokens.mint` for every candidate email
    and stay usable until `expires_at`."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="portal_tokens")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["candidate", "expires_at"], name="portal_token_expiry")]

    def __str__(self) -> str:
        return f"portal token for candidate {self.candidate_id}"


class PortalMessage(models.Model):
    """Something the candidate wrote to the recruiter from the portal."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="portal_messages"
    )
    body = models.TextField(_("message"), max_length=5000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["application", "created_at"], name="portal_message_app")]

    def __str__(self) -> str:
        return self.body[:40]
