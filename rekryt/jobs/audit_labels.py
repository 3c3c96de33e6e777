"""What audit entries about jobs mean (rekryt.audit.describe)."""

from django.utils.translation import gettext_lazy as _

from rekryt.audit.describe import Target

TARGETS = {
    "jobs.job": Target(_("Job"), "job_edit"),
    "jobs.stage": Target(_("Stage of a job")),
    "jobs.stagetemplate": Target(_("Stage of the default pipeline")),
}

PAGES = {
    "job_create": _("Created a job"),
    "job_edit": _("Changed a job ad"),
    "job_publish": _("Published a job"),
    "job_close": _("Closed a job"),
    "job_stages": _("Added a stage to a job"),
    "job_stage_rename": _("Renamed a stage of a job"),
    "job_stage_move": _("Moved a stage of a job"),
    "job_stage_delete": _("Removed a stage from a job"),
    "stage_templates": _("Added a stage to the default pipeline"),
    "stage_template_rename": _("Renamed a stage of the default pipeline"),
    "stage_template_move": _("Moved a stage of the default pipeline"),
    "stage_template_delete": _("Removed a stage from the default pipeline"),
}
