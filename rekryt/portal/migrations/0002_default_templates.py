"""The portal link in candidate emails: a paragraph with {portal_url} in the
application confirmation, the "new link" email, and the reason used when a
candidate withdraws from the portal. Idempotent: `create` is also called by
the test suite's `seeded` fixture."""

from django.db import migrations

PORTAL_PARAGRAPH = {
    "sv": "Följ din ansökan, skriv till oss eller uppdatera dina uppgifter här: {portal_url}",
    "en": "Follow your application, write to us or update your details here: {portal_url}",
}
# The paragraph goes before the sign-off when the template still has it.
SIGN_OFF = {"sv": "\n\nVänliga hälsningar", "en": "\n\nKind regards"}

PORTAL_LINK = [
    (
        "sv",
        "Din nya länk till dina ansökningar",
        "Hej {candidate_first_name}!\n\n"
        "Här är en ny länk till dina ansökningar hos {company}. Där ser du hur det går, "
        "kan skriva till oss och uppdatera dina uppgifter:\n\n"
        "{portal_url}\n\n"
        "Länken är personlig, så dela den inte med någon. Den fungerar i 90 dagar.\n\n"
        "Om det inte var du som bad om länken kan du bortse från det här mejlet.\n\n"
        "Vänliga hälsningar\n{company}",
    ),
    (
        "en",
        "Your new link to your applications",
        "Hi {candidate_first_name},\n\n"
        "Here is a new link to your applications at {company}. There you can see how they "
        "are going, write to us and update your details:\n\n"
        "{portal_url}\n\n"
        "The link is personal, so please do not share it. It works for 90 days.\n\n"
        "If you did not ask for this link, you can ignore this email.\n\n"
        "Kind regards\n{company}",
    ),
]

WITHDRAWN = ("Kandidaten drog tillbaka sin ansökan", "Withdrawn by the candidate")


def _add_paragraph(template, language):
    if "{portal_url}" in template.body_text:
        return
    paragraph = PORTAL_PARAGRAPH[language]
    sign_off = SIGN_OFF[language]
    if sign_off in template.body_text:
        head, tail = template.body_text.split(sign_off, 1)
        template.body_text = f"{head}\n\n{paragraph}{sign_off}{tail}"
    else:
        template.body_text = f"{template.body_text.rstrip()}\n\n{paragraph}"
    template.save(update_fields=["body_text"])


def create(apps, schema_editor):
    EmailTemplate = apps.get_model("messaging", "EmailTemplate")
    RejectionReason = apps.get_model("applications", "RejectionReason")
    for template in EmailTemplate.objects.filter(
        kind="application_received", language__in=list(PORTAL_PARAGRAPH)
    ):
        _add_paragraph(template, template.language)
    for language, subject, body in PORTAL_LINK:
        EmailTemplate.objects.get_or_create(
            kind="portal_link", language=language, defaults={"subject": subject, "body_text": body}
        )
    sv, en = WITHDRAWN
    # Order 0 puts it first among the "candidate withdrew" reasons, which is
    # the one a withdrawal from the portal uses.
    RejectionReason.objects.get_or_create(
        kind="withdrew", name_en=en, defaults={"name_sv": sv, "order": 0}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_initial"),
        ("messaging", "0003_alter_emailtemplate_kind"),
        ("applications", "0003_default_reasons"),
    ]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
