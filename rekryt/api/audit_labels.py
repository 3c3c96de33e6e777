"""What audit entries about API tokens mean (rekryt.audit.describe)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from rekryt.audit.describe import Target


def _scopes(params: dict[str, Any]) -> str:
    return str(_("Made an API token with the scopes %(scopes)s")) % {
        "scopes": ", ".join(params.get("scopes") or [])
    }


def _visible(user: Any) -> Any:
    from rekryt.api.tokens import tokens_for

    return tokens_for(user)


TARGETS = {"api.token": Target(_("API token"), "", _visible)}

PAGES = {"api_tokens": _("Viewed the API tokens")}

DETAILS = {
    "api_token_created": _scopes,
    "api_token_revoked": _("Revoked an API token"),
    "api_read": _("Read through the API with the token %(token)s… (id %(token_id)s)"),
}
