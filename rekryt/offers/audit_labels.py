"""What audit entries about offers mean (rekryt.audit.describe)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from rekryt.audit.describe import Target


def visible(user: Any) -> Any:
    from rekryt.offers.views import offers_for

    return offers_for(user)


TARGETS = {"offers.offer": Target(_("Offer"), "offer_detail", visible)}

PAGES = {
    "offer_new": _("Wrote an offer"),
    "offer_edit": _("Changed an offer"),
    "offer_detail": _("Viewed an offer"),
    "offer_ask_approval": _("Asked for an offer's approval"),
    "offer_take_back": _("Took back a request for an offer's approval"),
    "offer_approve": _("Decided on an offer's approval"),
    "offer_send": _("Sent an offer"),
    "offer_undo": _("Undid sending an offer"),
    "offer_withdraw": _("Withdrew an offer"),
    "offer_pdf": _("Downloaded an offer"),
    "offer_signed_pdf": _("Downloaded a signed offer"),
    "offer_approvals": _("Viewed the offers awaiting approval"),
    "offer_templates": _("Viewed the offer templates"),
    "offer_template_new": _("Added an offer template"),
    "offer_template_edit": _("Changed an offer template"),
}

DETAILS = {
    "offer_approved": _("Approved version %(version)s of an offer"),
    "offer_returned": _("Returned version %(version)s of an offer for changes"),
    "offer_signed": _(
        "The candidate accepted version %(version)s of an offer with an electronic signature"
    ),
    "offer_pdf": _("Downloaded an offer's PDF"),
}
