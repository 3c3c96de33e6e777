from django.db import migrations

DEFAULT_REASONS = [
    (
        "declined",
        "Andra kandidater matchade kraven bättre",
        "Other candidates matched the requirements better",
    ),
    ("declined", "Saknar efterfrågad erfarenhet", "Lacks the experience we asked for"),
    ("declined", "Tjänsten har tillsatts", "The position has been filled"),
    ("declined", "Tjänsten har dragits tillbaka", "The position was withdrawn"),
    ("withdrew", "Kandidaten har tackat ja till annat jobb", "Candidate accepted another job"),
    ("withdrew", "Kandidaten är inte längre intresserad", "Candidate is no longer interested"),
    ("withdrew", "Lön eller villkor passade inte", "Salary or terms did not suit the candidate"),
]


def create(apps, schema_editor):
    RejectionReason = apps.get_model("applications", "RejectionReason")
    if RejectionReason.objects.exists():
        return
    for order, (kind, sv, en) in enumerate(DEFAULT_REASONS):
        RejectionReason.objects.create(order=order, kind=kind, name_sv=sv, name_en=en)


class Migration(migrations.Migration):
    dependencies = [("applications", "0002_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
