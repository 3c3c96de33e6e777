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
        help_text=_(
            "Visible to everyone who can see this application. Write @ and a colleague's "
            "username (@hanna) to tell them by email."
        ),
    )


def reason_groups(reasons: list[RejectionReason]) -> list[tuple[str, list[tuple[int, str]]]]:
    language = current_language()
    return [
        (str(kind.label), [(r.pk, r.name_in(language)) for r in reasons if r.kind == kind])
        for kind in ReasonKind
    ]


class RejectForm(forms.Form):
    """The reason, a personal sentence and when to send: one form for a single
    rejection, a bulk rejection and closing a job."""

    reason = ReasonChoiceField(
        label=_("Reason"),
        queryset=RejectionReason.objects.filter(active=True),
        error_messages={"required": _("Choose a reason.")},
    )
    personal_note = forms.CharField(
        label=_("A personal sentence (optional)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Added to the email. Write it in the candidate's language."),
    )
    keep_in_mind = forms.BooleanField(
        label=_("Keep in mind for future roles"),
        required=False,
        help_text=_("The candidate is asked whether we may contact them about future roles."),
    )
    notify = forms.BooleanField(
        label=_("Send the candidate an email"),
        required=False,
        initial=True,
        help_text=_("For a withdrawal: a confirmation. A rejection is always sent."),
    )
    send_now = forms.BooleanField(
        label=_("Send the email now instead of after the usual delay"),
        required=False,
    )
    confirm_send_now = forms.BooleanField(
        label=_("I understand that the email cannot be undone once sent"),
        required=False,
    )

    def __init__(self, *args: Any, declined_only: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if declined_only:
            field = self.fields["reason"]
            field.queryset = field.queryset.filter(kind=ReasonKind.DECLINED)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any] | None:
        data = super().clean() or {}
        if data.get("send_now") and not data.get("confirm_send_now"):
            self.add_error(
                "confirm_send_now",
                _("Confirm that the email goes out at once, or untick “send now”."),
            )
        return data

    def reason_groups(self) -> list[tuple[str, list[tuple[int, str]]]]:
        return reason_groups(list(self.fields["reason"].queryset))  # type: ignore[attr-defined]

    def action_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for rekryt.applications.rejections.reject_application."""
        data = self.cleaned_data
        return {
            "reason": data["reason"],
            "personal_note": data["personal_note"],
            "keep_in_mind": data["keep_in_mind"],
            "send_now": data["send_now"],
            "notify": data["notify"],
        }


class TagForm(forms.Form):
    name = forms.CharField(label=_("Tag"), max_length=40)

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Write the tag's name."))
        return name
