"""A checklist to start from (the organisation edits it in the admin):
days are working days from the start date, negative before it."""

from django.db import migrations

TASKS = [
    ("manager", -10, "Utse en fadder", "Choose a buddy"),
    ("it", -10, "Beställ dator och telefon", "Order computer and phone"),
    ("hr", -5, "Lägg upp den nyanställda i lönesystemet", "Set the new hire up in payroll"),
    ("hr", -5, "Beställ passerkort", "Order an access card"),
    ("manager", -5, "Ordna skrivbord och arbetsplats", "Arrange a desk and workplace"),
    (
        "manager",
        -5,
        "Boka introduktionsmöten för första veckan",
        "Book introduction meetings for the first week",
    ),
    ("it", -3, "Skapa konton (e-post, chatt, system)", "Create accounts (email, chat, systems)"),
    ("manager", 0, "Välkomstlunch första dagen", "Welcome lunch on the first day"),
    ("hr", 0, "Gå igenom arbetsmiljö och säkerhet", "Go through workplace health and safety"),
    ("manager", 5, "Uppföljningssamtal efter första veckan", "Follow-up talk after the first week"),
    ("manager", 20, "Avstämning efter första månaden", "Check-in after the first month"),
]


def add(apps, schema_editor):
    TaskTemplate = apps.get_model("onboarding", "TaskTemplate")
    if TaskTemplate.objects.exists():
        return
    TaskTemplate.objects.bulk_create(
        TaskTemplate(owner=o, days=d, title_sv=sv, title_en=en, order=i)
        for i, (o, d, sv, en) in enumerate(TASKS)
    )


class Migration(migrations.Migration):
    dependencies = [("onboarding", "0001_initial")]
    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
