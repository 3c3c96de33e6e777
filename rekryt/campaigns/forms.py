"""Staff forms for campaigns, channels and a job's Platsbanken listing."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from rekryt.campaigns.models import Campaign, Channel, PlatsbankenListing
from rekryt.jobs.models import Job

PERSONA_FIELDS = (
    "persona_education",
    "persona_experience",
    "persona_interests",
    "persona_whereabouts",
)
PERSONA_HELP = _(
    "Describe what the work needs and where such people are. There is deliberately no "
    "place for age, gender, ethnicity, religion, disability or sexual orientation: "
    "targeting them is discrimination under the Discrimination Act (2008:567), and "
    "ads aimed at them reach fewer good candidates."
)
# Words that show a persona aimed at a protected trait (Swedish and English).
PROTECTED = re.compile(
    r"\b(ålder|åldern|år gammal|års ålder|kön|kvinn\w*|män|manlig|kvinnlig|ung|unga|yngre|"
    r"äldre|etnicitet|religion|age[ds]?|years? old|gender|male|female|women|men|young|"
    r"younger|older|ethnicity|religio\w*)\b|\b\d{2}\s*[–-]\s*\d{2}\s*(år|years)",
    re.IGNORECASE,
)


class CampaignForm(forms.ModelForm):
    class Meta:
        model = Campaign
        fields = (
            "name",
            "jobs",
            *PERSONA_FIELDS,
            "starts_on",
            "goal_date",
            "goal_applicants",
            "goal_qualified",
            "qualified_stage",
        )
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "goal_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "jobs": forms.CheckboxSelectMultiple,
            **{name: forms.Textarea(attrs={"rows": 2}) for name in PERSONA_FIELDS},
        }

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        jobs = self.fields["jobs"]
        jobs.queryset = Job.objects.exclude(status="closed").order_by("title")  # type: ignore[attr-defined]
        self.fields["persona_education"].help_text = PERSONA_HELP
        self.fields["qualified_stage"].help_text = _(
            "An applicant who met every must-have of the job's screening questions "
            "counts as qualified too, whatever their stage."
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name in PERSONA_FIELDS:
            if PROTECTED.search(data.get(name) or ""):
                self.add_error(
                    name,
                    _(
                        "Describe skills, experience and interests, not age, gender or other "
                        "protected traits (the Discrimination Act forbids aiming at them)."
                    ),
                )
        starts, goal = data.get("starts_on"), data.get("goal_date")
        if starts and goal and goal < starts:
            self.add_error("goal_date", _("The goal date must be on or after the start."))
        if (data.get("goal_qualified") or 0) > (data.get("goal_applicants") or 0):
            self.add_error("goal_qualified", _("More qualified than applicants cannot be a goal."))
        return data


class ChannelForm(forms.ModelForm):
    class Meta:
        model = Channel
        fields = ("kind", "name", "source", "budget", "cost", "message_sv", "message_en")
        widgets = {
            "message_sv": forms.Textarea(attrs={"rows": 3, "lang": "sv"}),
            "message_en": forms.Textarea(attrs={"rows": 3, "lang": "en"}),
        }

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["source"].required = False
        self.fields["source"].help_text = _(
            "The ?source= value of this channel's links; made from the name when left empty."
        )

    def clean_source(self) -> str:
        source = slugify(self.cleaned_data.get("source") or self.data.get("name") or "")[:40]
        if not source:
            raise forms.ValidationError(_("Give the channel a name or a source tag."))
        taken = Channel.objects.filter(source=source).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(_("Another channel already uses this source tag."))
        return source


class ListingForm(forms.ModelForm):
    """What only Platsbanken needs; the taxonomy ids are chosen in the job form."""

    class Meta:
        model = PlatsbankenListing
        fields = ("openings", "contact_email")
