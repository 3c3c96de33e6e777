from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("jobs", "0005_stage_names")]

    operations = [migrations.RemoveField(model_name="stage", name="name")]
