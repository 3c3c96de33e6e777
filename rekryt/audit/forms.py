"""The audit log's filters. Every value is checked against a list or a
pattern before it reaches a query; a wrong value is an error on the form."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django import forms
from django.core.validators import RegexValidator
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rekryt.accounts.models import User
from rekryt.audit import describe
from rekryt.audit.models import Action, AuditEntry


def target_type_choices() -> list[tuple[str, Any]]:
    return [("", _("Any")), *describe.target_type_choices()]


class ActorField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.username)


def start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


class AuditFilterForm(forms.Form):
    actor = ActorField(
        label=_("Who"),
        queryset=User.objects.order_by("username").only("pk", "username"),
        required=False,
        empty_label=_("Anyone"),
    )
    action = forms.ChoiceField(label=_("Action"), required=False)
    target_type = forms.ChoiceField(label=_("Target type"), required=False)
    target_id = forms.CharField(
        label=_("Target id"),
        required=False,
        max_length=40,
        validators=[RegexValidator(r"^[A-Za-z0-9_-]+$", _("Use only letters, digits, - and _."))],
    )
    date_from = forms.DateField(label=_("From date"), required=False)
    date_to = forms.DateField(label=_("To date"), required=False)
    ip = forms.GenericIPAddressField(label=_("IP address"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        action_field: Any = self.fields["action"]
        action_field.choices = [("", _("Any")), *Action.choices]
        target_field: Any = self.fields["target_type"]
        target_field.choices = target_type_choices()
        for name in ("date_from", "date_to"):
            self.fields[name].widget.input_type = "date"  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end date is before the start date."))
        return data

    def filter(self, entries: QuerySet[AuditEntry]) -> QuerySet[AuditEntry]:
        """The entries matching the valid fields (call after is_valid())."""
        data = self.cleaned_data
        if data.get("actor"):
            entries = entries.filter(actor=data["actor"])
        for name in ("action", "target_type", "target_id", "ip"):
            if data.get(name):
                entries = entries.filter(**{name: data[name]})
        if data.get("date_from"):
            entries = entries.filter(created_at__gte=start_of(data["date_from"]))
        if data.get("date_to"):
            entries = entries.filter(created_at__lt=start_of(data["date_to"] + timedelta(days=1)))
        return entries
