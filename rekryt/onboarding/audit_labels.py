"""What audit entries about onboarding mean (rekryt.audit.describe)."""

from django.utils.translation import gettext_lazy as _

from rekryt.audit.describe import Target

TARGETS = {"onboarding.onboarding": Target(_("Onboarding"), "onboarding_detail")}

PAGES = {
    "onboarding_upcoming": _("Viewed the upcoming starts"),
    "onboarding_detail": _("Viewed or changed an onboarding"),
    "onboarding_invite": _("Opened a new hire's preboarding"),
    "onboarding_undo_invite": _("Undid a preboarding invitation"),
    "onboarding_complete": _("Marked an onboarding done"),
    "onboarding_handover": _("Viewed a hand-over document"),
    "onboarding_handover_json": _("Downloaded a hand-over document"),
    "onboarding_pay_handed_over": _("Handed bank and tax details to payroll (erased here)"),
    "onboarding_task_done": _("Ticked off an onboarding task"),
    "onboarding_task_assign": _("Assigned an onboarding task"),
    "onboarding_file": _("Downloaded a new hire's file"),
}

DETAILS = {"onboarding_pay_viewed": _("Viewed a new hire's bank and tax details")}
