from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from rekryt.applications.models import Application, Outcome, ReasonKind, RejectionReason
from rekryt.jobs.models import Stage, stages_for

# Which kind of reason each ending needs: "we declined" versus "they withdrew".
REASON_KIND: dict[str, ReasonKind] = {
    Outcome.REJECTED: ReasonKind.DECLINED,
    Outcome.WITHDRAWN: ReasonKind.WITHDREW,
}


def current_language() -> str:
    return (get_language() or "sv")[:2]


class MoveForm(forms.Form):
    stage = forms.ModelChoiceField(
        label=_("Move to"),
        queryset=Stage.objects.none(),
        error_messages={"invalid_choice": _("Choose a stage of this job.")},
    )

    def __init__(self, application: Application, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Only the application's own job's stages: a stage id from another job
        # is an invalid choice, never a move.
        self.fields["stage"].queryset = stages_for(application.job)  # type: ignore[attr-defined]
        self.application = application

    def clean_stage(self) -> Stage:
        stage: Stage = self.cleaned_data["stage"]
        if not self.application.is_active:
            raise forms.ValidationError(_("Reopen the application before moving it."))
        if stage.pk == self.application.stage_id:
            raise forms.ValidationError(_("The application is already in that stage."))
        return stage


class ReasonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: RejectionReason) -> str:  # type: ignore[override]
        return obj.name_in(current_language())


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[
            (Outcome.HIRED.value, Outcome.HIRED.label),
            (Outcome.REJECTED.value, Outcome.REJECTED.label),
            (Outcome.WITHDRAWN.value, Outcome.WITHDRAWN.label),
        ],
    )
    reason = ReasonChoiceField(
        label=_("Reason"),
        queryset=RejectionReason.objects.filter(active=True),
        required=False,
        help_text=_("Needed when the application is rejected or withdrawn."),
    )

    def clean(self) -> dict[str, Any] | None:
        data = super().clean() or {}
        outcome, reason = data.get("outcome"), data.get("reason")
        needed = REASON_KIND.get(str(outcome))
        if needed is None:
            data["reason"] = None
        elif reason is None:
            self.add_error("reason", _("Choose a reason."))
        elif reason.kind != needed:
            self.add_error(
                "reason",
                _("Choose a reason of the kind “%(kind)s”.") % {"kind": needed.label},
            )
        return data

    def reason_groups(self) -> list[tuple[str, list[tuple[int, str]]]]:
        """Active reasons as (kind label, [(pk, name in the user's language)]),
        for <optgroup>s in the template."""
        reasons = list(self.fields["reason"].queryset)  # type: ignore[attr-defined]
        language = current_language()
        return [
            (str(kind.label), [(r.pk, r.name_in(language)) for r in reasons if r.kind == kind])
            for kind in ReasonKind
        ]


class NoteForm(forms.Form):
    body = forms.CharField(
        label=_("Note"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Visible to everyone who can see this application."),
    )
