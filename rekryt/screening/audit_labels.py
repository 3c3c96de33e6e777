"""What audit entries about screening mean (rekryt.audit.describe)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

PAGES = {
    "question_bank": _("Viewed the screening question bank"),
    "question_new": _("Added a screening question"),
    "question_edit": _("Changed a screening question"),
    "job_screening": _("Changed a job's screening"),
    "job_question_edit": _("Changed a screening question's criterion"),
    "job_question_move": _("Moved a screening question"),
    "job_question_remove": _("Removed a screening question from a job"),
    "screening_applications": _("Viewed a job's screened applications"),
    "blind_document": _("Read a document's masked text under blind review"),
    "blind_reveal": _("Revealed a blind application"),
}

DETAILS = {
    "blind_revealed": _(
        "Revealed the identity of an application under blind review before its stage "
        "(the reason is kept with the application, reveal %(reveal)s)"
    ),
}
