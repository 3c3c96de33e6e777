"""The default "renew your consent" email, in Swedish and English.
Idempotent: `create` is also called by the test suite's `seeded` fixture."""

from django.db import migrations

CONSENT_RENEWAL = [
    (
        "sv",
        "Vill du att vi hör av oss om framtida jobb?",
        "Hej {candidate_first_name}!\n\n"
        "För en tid sedan sa du att {company} fick spara dina uppgifter och höra av sig "
        "när ett jobb som passar dig dyker upp. Tack för det!\n\n"
        "Ditt samtycke gäller till och med {consent_until}. Vill du att vi fortsätter? "
        "Då räcker det med ett klick här:\n\n"
        "{consent_url}\n\n"
        "På samma sida kan du också tacka nej. Om du inte gör något alls slutar samtycket "
        "att gälla {consent_until}, och då raderar vi dina uppgifter om vi inte fortfarande "
        "behöver dem för en ansökan.\n\n"
        "Vänliga hälsningar\n{company}",
    ),
    (
        "en",
        "Would you like us to keep in touch about future roles?",
        "Hi {candidate_first_name},\n\n"
        "A while ago you told us that {company} could keep your details and get in touch "
        "when a role that fits you comes up. Thank you for that!\n\n"
        "Your consent lasts until {consent_until}. Would you like us to carry on? "
        "One click here is all it takes:\n\n"
        "{consent_url}\n\n"
        "On the same page you can also say no. If you do nothing, your consent ends on "
        "{consent_until}, and we then delete your details unless we still need them for "
        "an application.\n\n"
        "Kind regards\n{company}",
    ),
]


def create(apps, schema_editor):
    EmailTemplate = apps.get_model("messaging", "EmailTemplate")
    for language, subject, body in CONSENT_RENEWAL:
        EmailTemplate.objects.get_or_create(
            kind="consent_renewal",
            language=language,
            defaults={"subject": subject, "body_text": body},
        )


class Migration(migrations.Migration):
    dependencies = [
        ("privacy", "0001_initial"),
        ("messaging", "0004_privacy_template_kinds"),
    ]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
