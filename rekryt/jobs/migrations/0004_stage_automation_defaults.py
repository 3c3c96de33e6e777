from django.db import migrations

# Which email each kind of default stage sends on entering. The Applied email
# is the receipt that submit_application used to queue itself, so existing
# jobs' Applied stages get it too: no receipt may go missing after upgrading.
DEFAULT_EMAILS = {
    "applied": "application_received",
    "interview": "interview_invitation",
    "hired": "hired_welcome",
}


def create(apps, schema_editor):
    StageTemplate = apps.get_model("jobs", "StageTemplate")
    Stage = apps.get_model("jobs", "Stage")
    for kind, email_kind in DEFAULT_EMAILS.items():
        StageTemplate.objects.filter(kind=kind, email_kind="").update(email_kind=email_kind)
    Stage.objects.filter(kind="applied", email_kind="").update(email_kind="application_received")


class Migration(migrations.Migration):
    dependencies = [("jobs", "0003_stage_automation")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
