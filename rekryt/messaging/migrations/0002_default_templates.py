from django.db import migrations

TEMPLATES = [
    (
        "application_received",
        "sv",
        "Tack för din ansökan till {job_title}",
        "Hej {candidate_first_name}!\n\n"
        "Tack för att du sökt jobbet som {job_title} hos {company}. Vi har tagit emot "
        "din ansökan och en människa – inte en algoritm – kommer att läsa den.\n\n"
        "Du hör av oss senast {reply_by}, oavsett hur det går.\n\n"
        "Annonsen finns kvar här: {job_url}\n\n"
        "Vänliga hälsningar\n{recruiter_name}\n{company}",
    ),
    (
        "application_received",
        "en",
        "Thank you for applying for {job_title}",
        "Hi {candidate_first_name},\n\n"
        "Thank you for applying for the {job_title} role at {company}. We have received "
        "your application, and a person – not an algorithm – will read it.\n\n"
        "You will hear from us by {reply_by}, whatever the outcome.\n\n"
        "The job ad is still here: {job_url}\n\n"
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
    dependencies = [("messaging", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
