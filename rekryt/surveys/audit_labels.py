"""What audit entries about candidate surveys mean (rekryt.audit.describe)."""

from django.utils.translation import gettext_lazy as _

from rekryt.audit.describe import Target

TARGETS = {"surveys.surveyquestion": Target(_("Survey question"), "survey_question_edit")}

PAGES = {
    "cnps_export": _("Exported the survey answers"),
    "survey_questions": _("Added a survey question"),
    "survey_question_edit": _("Changed a survey question"),
}
