"""The email to an address whose application form was sent again for a job
it has already applied for (rekryt.applications.submissions)."""

from django.db import migrations

SIGN_SV = "Vänliga hälsningar\n{recruiter_name}\n{company}"
SIGN_EN = "Kind regards\n{recruiter_name}\n{company}"

TEMPLATES = [
    (
        "sv",
        "Din ansökan till {job_title}",
        "Hej {candidate_first_name}!\n\n"
        "Du har redan en ansökan till jobbet som {job_title} hos oss. Den {resubmitted_on} "
        "skickades ansökningsformuläret igen från din e-postadress.\n\n"
        "Vi har sparat det som skickades, men lägger inte till det i din ansökan förrän du "
        "har bekräftat att det var du. På din sida kan du lägga till det eller ta bort det:\n"
        "{portal_url}\n\n"
        "Var det inte du behöver du inte göra något: ingenting i din ansökan ändras.\n\n" + SIGN_SV,
    ),
    (
        "en",
        "Your application for {job_title}",
        "Hi {candidate_first_name},\n\n"
        "You already have an application with us for the {job_title} role. On "
        "{resubmitted_on} the application form was sent again from your email address.\n\n"
        "We have kept what was sent, but we will not add it to your application until you "
        "confirm it was you. On your page you can add it or discard it:\n"
        "{portal_url}\n\n"
        "If it was not you, you need not do anything: nothing in your application changes.\n\n"
        + SIGN_EN,
    ),
]


def create(apps, schema_editor):
    EmailTemplate = apps.get_model("messaging", "EmailTemplate")
    for language, subject, body in TEMPLATES:
        EmailTemplate.objects.get_or_create(
            kind="application_repeated",
            language=language,
            defaults={"subject": subject, "body_text": body},
        )


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0010_application_snapshot"),
        ("messaging", "0005_repeated_application_kind"),
    ]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
