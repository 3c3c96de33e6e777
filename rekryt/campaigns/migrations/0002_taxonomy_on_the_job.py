"""The JobTech taxonomy ids move from a job's Platsbanken listing to the job
itself (chosen in the job form): copy them over, then drop the listing's."""

from django.db import migrations

KINDS = ("occupation", "municipality", "employment_type")


def to_the_job(apps, schema_editor):
    Listing = apps.get_model("campaigns", "PlatsbankenListing")
    Job = apps.get_model("jobs", "Job")
    for listing in Listing.objects.all().iterator():
        Job.objects.filter(pk=listing.job_id).update(
            **{f"jobtech_{kind}": getattr(listing, kind) for kind in KINDS}
        )


def to_the_listing(apps, schema_editor):
    Listing = apps.get_model("campaigns", "PlatsbankenListing")
    Job = apps.get_model("jobs", "Job")
    for listing in Listing.objects.all().iterator():
        job = Job.objects.get(pk=listing.job_id)
        for kind in KINDS:
            setattr(listing, kind, getattr(job, f"jobtech_{kind}"))
        listing.save(update_fields=list(KINDS))


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0001_initial"),
        ("jobs", "0008_jobtech_taxonomy"),
    ]

    operations = [
        migrations.RunPython(to_the_job, to_the_listing),
        migrations.RemoveField(model_name="platsbankenlisting", name="occupation"),
        migrations.RemoveField(model_name="platsbankenlisting", name="municipality"),
        migrations.RemoveField(model_name="platsbankenlisting", name="employment_type"),
    ]
