from django.db import migrations

DEFAULT_STAGES = [
    ("applied", "Ansökt", "Applied"),
    ("screening", "Urval", "Screening"),
    ("interview", "Intervju", "Interview"),
    ("references", "Referenser", "References"),
    ("offer", "Erbjudande", "Offer"),
    ("hired", "Anställd", "Hired"),
]


def create(apps, schema_editor):
    StageTemplate = apps.get_model("jobs", "StageTemplate")
    if StageTemplate.objects.exists():
        return
    for order, (kind, sv, en) in enumerate(DEFAULT_STAGES):
        StageTemplate.objects.create(order=order, kind=kind, name_sv=sv, name_en=en)


class Migration(migrations.Migration):
    dependencies = [("jobs", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
