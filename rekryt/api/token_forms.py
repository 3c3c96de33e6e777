from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from rekryt.accounts.models import User
from rekryt.api.models import SCOPES

LIVES = [(30, _("30 days")), (90, _("90 days")), (180, _("180 days")), (365, _("One year"))]


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("What the token is for, e.g. the HR system."),
    )
    scopes = forms.MultipleChoiceField(
        label=_("Scopes"),
        choices=[(scope, scope) for scope in SCOPES],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one scope.")},
        help_text=_("read: list and read; write: change, and read too."),
    )
    days = forms.TypedChoiceField(label=_("Expires after"), choices=LIVES, coerce=int, initial=90)

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if user.is_admin:
            # An admin may make a token for a colleague (a service account, say).
            self.fields["user"] = forms.ModelChoiceField(
                label=_("Acts as"),
                queryset=User.objects.filter(is_active=True).order_by("username"),
                initial=user.pk,
                help_text=_("The token sees and does what this person may, no more."),
            )
