"""What audit entries about candidates mean (rekryt.audit.describe)."""

from django.utils.translation import gettext_lazy as _

from rekryt.audit.describe import Target

TARGETS = {
    "candidates.candidate": Target(_("Candidate"), "candidate_detail"),
    # Not linked: opening a document downloads it (and is audited itself).
    "candidates.document": Target(_("Document (CV or cover letter)")),
}

PAGES = {
    "candidate_detail": _("Viewed a candidate"),
    "document_download": _("Downloaded a document"),
}
