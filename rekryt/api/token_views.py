"""The staff page for personal API tokens: make one (shown once), list and
revoke. Everyone manages their own; admins every one. Audited."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rekryt.accounts.models import User
from rekryt.accounts.roles import staff_required
from rekryt.api.token_forms import TokenForm
from rekryt.api.tokens import create_token, revoke_token, tokens_for
from rekryt.audit.log import record
from rekryt.audit.models import Action


@staff_required
def tokens(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    form = TokenForm(request.POST or None, user=user)
    made = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        made = create_token(
            data.get("user") or user, data["name"], data["scopes"], data["days"], user
        )
        record(
            Action.SECURITY,
            request=request,
            target=made.token,
            detail="api_token_created",
            params={"user": made.token.user_id, "scopes": made.token.scopes},
        )
        form = TokenForm(user=user)
    listed = tokens_for(user)
    context = {"form": form, "made": made, "tokens": listed}
    response = render(request, "api/tokens.html", context)
    # The page with a new token on it must not be kept anywhere.
    response["Cache-Control"] = "no-store"
    return response


@staff_required
@require_POST
def revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(tokens_for(request.user), pk=pk)  # type: ignore[arg-type]
    if revoke_token(token):
        record(Action.SECURITY, request=request, target=token, detail="api_token_revoked")
        messages.success(request, _("The token was revoked. It no longer works."))
    return redirect("api_tokens")
