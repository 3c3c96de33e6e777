"""The automatic status update ("we are still working on it"), sent by the
duty `rekryt.promises.duties.SendStatusUpdates`. Idempotent: `create` may be
called again by the test suite's `seeded` fixture."""

from django.db import migrations

TEMPLATES = [
    (
        "status_update",
        "sv",
        "Vi arbetar fortfarande med din ansökan till {job_title}",
        "Hej {candidate_first_name}!\n\n"
        "Vi vill inte att du ska gå och undra: vi arbetar fortfarande med rekryteringen "
        "till {job_title} och din ansökan är med i processen.\n\n"
        "Det tar lite längre tid än vi hade hoppats, men du hör av oss senast {hear_by}, "
        "oavsett hur det går.\n\n"
        "Här kan du följa din ansökan och skriva till oss: {portal_url}\n\n"
        "Vänliga hälsningar\n{recruiter_name}\n{company}",
    ),
    (
        "status_update",
        "en",
        "We are still working on your application for {job_title}",
        "Hi {candidate_first_name},\n\n"
        "We do not want to leave you wondering: we are still working on the {job_title} "
        "role, and your application is part of the process.\n\n"
        "It is taking a little longer than we hoped, but you will hear from us by "
        "{hear_by}, whatever the outcome.\n\n"
        "You can follow your application and write to us here: {portal_url}\n\n"
        "Kind regards\n{recruiter_name}\n{company}",
    ),
]


def create(apps, schema_editor):
    EmailTemplate = apps.get_model("messaging", "EmailTemplate")
    for kind, language, subject, body in TEMPLATES:
        EmailTemplate.objects.get_or_create(
            kind=kind, language=language, defaults={"subject": subject, "body_text": body}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("promises", "0001_initial"),
        ("messaging", "0003_alter_emailtemplate_kind"),
    ]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
