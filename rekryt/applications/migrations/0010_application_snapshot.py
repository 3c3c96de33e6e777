"""Each application keeps what its form submitted (a snapshot of the name and
contact details), and a form sent again for the same job is kept beside the
application as a Resubmission until the owner of the address adds it.

Existing applications were made when the candidate's details were rewritten
by every new application, so the best snapshot there is the candidate's
current details."""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models

SNAPSHOT = ("first_name", "last_name", "email", "phone", "link")


def copy_details(apps, schema_editor):
    Application = apps.get_model("applications", "Application")
    rows = Application.objects.select_related("candidate").only(
        "pk", *(f"candidate__{name}" for name in SNAPSHOT)
    )
    batch = []
    for application in rows.iterator(chunk_size=2000):
        for name in SNAPSHOT:
            setattr(application, name, getattr(application.candidate, name))
        batch.append(application)
        if len(batch) >= 2000:
            Application.objects.bulk_update(batch, SNAPSHOT)
            batch = []
    if batch:
        Application.objects.bulk_update(batch, SNAPSHOT)


def snapshot_field(name):
    fields = {
        "first_name": models.CharField(default="", max_length=100, verbose_name="first name"),
        "last_name": models.CharField(blank=True, max_length=100, verbose_name="last name"),
        "email": models.EmailField(default="", max_length=254, verbose_name="email"),
        "phone": models.CharField(blank=True, max_length=40, verbose_name="phone"),
        "link": models.URLField(blank=True, max_length=500, verbose_name="LinkedIn or portfolio"),
    }
    return fields[name]


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0009_application_notice"),
        ("candidates", "0003_candidate_surveys_opt_out"),
    ]

    operations = [
        *(
            migrations.AddField(
                model_name="application",
                name=name,
                field=snapshot_field(name),
                preserve_default=name not in ("first_name", "email"),
            )
            for name in SNAPSHOT
        ),
        migrations.RunPython(copy_details, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="event",
            name="kind",
            field=models.CharField(
                choices=[
                    ("created", "Applied"),
                    ("stage_moved", "Moved"),
                    ("note_added", "Note added"),
                    ("document_added", "Document added"),
                    ("message_queued", "Email queued"),
                    ("message_sent", "Email sent"),
                    ("message_failed", "Email failed"),
                    ("message_cancelled", "Email cancelled"),
                    ("outcome_set", "Outcome set"),
                    ("reopened", "Reopened"),
                    ("candidate_message", "Candidate wrote"),
                    ("details_updated", "Candidate updated their details"),
                    ("promise_set", "Candidate promised news by a date"),
                    ("survey_sent", "Survey sent"),
                    ("resubmitted", "Sent again from the candidate's address"),
                    ("resubmission_added", "Candidate added what they sent again"),
                    ("resubmission_discarded", "Candidate discarded what was sent again"),
                    ("details_adopted", "Candidate made these details their own"),
                ],
                max_length=30,
            ),
        ),
        migrations.CreateModel(
            name="Resubmission",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("first_name", models.CharField(max_length=100, verbose_name="first name")),
                (
                    "last_name",
                    models.CharField(blank=True, max_length=100, verbose_name="last name"),
                ),
                ("email", models.EmailField(max_length=254, verbose_name="email")),
                ("phone", models.CharField(blank=True, max_length=40, verbose_name="phone")),
                (
                    "link",
                    models.URLField(
                        blank=True, max_length=500, verbose_name="LinkedIn or portfolio"
                    ),
                ),
                ("about", models.TextField(blank=True, verbose_name="about you")),
                ("cover_letter", models.TextField(blank=True, verbose_name="cover letter")),
                (
                    "heard_from",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("career_site", "Our career site"),
                            ("linkedin", "LinkedIn"),
                            ("platsbanken", "Platsbanken (Arbetsförmedlingen)"),
                            ("indeed", "Indeed"),
                            ("friend", "A friend or colleague"),
                            ("social", "Social media"),
                            ("event", "An event or fair"),
                            ("other", "Other"),
                        ],
                        max_length=20,
                    ),
                ),
                ("source", models.CharField(blank=True, max_length=40)),
                (
                    "submission_key",
                    models.CharField(blank=True, max_length=64, null=True, unique=True),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("pending", "Waiting for the candidate to confirm"),
                            ("added", "Added by the candidate"),
                            ("discarded", "Discarded by the candidate"),
                        ],
                        default="pending",
                        max_length=10,
                    ),
                ),
                ("decided_at", models.DateTimeField(blank=True, null=True)),
                ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "application",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="resubmissions",
                        to="applications.application",
                    ),
                ),
            ],
            options={"ordering": ["created_at", "pk"]},
        ),
    ]
