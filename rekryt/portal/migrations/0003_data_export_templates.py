"""The email with the one-time link to download a copy of one's data
(messaging TemplateKind.DATA_EXPORT, placeholder {download_url}). Idempotent:
`create` is also called by the test suite's `seeded` fixture."""

from django.db import migrations

DATA_EXPORT = [
    (
        "sv",
        "Ditt registerutdrag från {company}",
        "Hej {candidate_first_name}!\n\n"
        "Du har bett om en kopia av de personuppgifter som {company} har om dig. "
        "Här är länken för att ladda ned den:\n\n"
        "{download_url}\n\n"
        "Länken fungerar en gång och i 24 timmar. Filen är en ZIP med dina uppgifter "
        "i ett maskinläsbart format (JSON) och de dokument du har skickat.\n\n"
        "Om det inte var du som bad om kopian kan du bortse från det här mejlet. "
        "Har du frågor om dina personuppgifter kan du skriva till {privacy_contact}.\n\n"
        "Vänliga hälsningar\n{company}",
    ),
    (
        "en",
        "Your data from {company}",
        "Hi {candidate_first_name},\n\n"
        "You asked for a copy of the personal data {company} holds about you. "
        "Here is the link to download it:\n\n"
        "{download_url}\n\n"
        "The link works once and for 24 hours. The file is a ZIP with your data in a "
        "machine-readable format (JSON) and the documents you sent.\n\n"
        "If you did not ask for this copy, you can ignore this email. If you have "
        "questions about your personal data, write to {privacy_contact}.\n\n"
        "Kind regards\n{company}",
    ),
]


def create(apps, schema_editor):
    EmailTemplate = apps.get_model("messaging", "EmailTemplate")
    for language, subject, body in DATA_EXPORT:
        EmailTemplate.objects.get_or_create(
            kind="data_export", language=language, defaults={"subject": subject, "body_text": body}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0002_default_templates"),
        ("messaging", "0004_privacy_template_kinds"),
    ]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
