"""What audit entries about emails mean (rekryt.audit.describe)."""

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from rekryt.audit.describe import Target
from rekryt.messaging.models import Message


def in_the_mailbox(user: Any) -> QuerySet[Message]:
    # Only emails delivered to the development mailbox have a page.
    return Message.objects.filter(to_mailbox=True)


TARGETS = {
    "messaging.message": Target(
        pgettext_lazy("a message", "Email"), "mailbox_message", visible=in_the_mailbox
    ),
    "messaging.emailtemplate": Target(_("Email template"), "template_edit"),
}

PAGES = {
    "mailbox_message": _("Read an email in the development mailbox"),
    "mailbox_message_html": _("Read an email in the development mailbox"),
    "message_cancel": _("Cancelled an email before it was sent"),
    "template_edit": _("Changed an email template"),
    "template_preview_html": _("Previewed an email template"),
}
