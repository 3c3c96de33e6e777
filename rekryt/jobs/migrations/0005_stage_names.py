"""Stages get a Swedish and an English name, like the stage templates.

The old `name` was in the job's language. It fills that language; the other
one comes from the default pipeline: the template whose name in the job's
language is the same, or else the only template of the stage's kind (not
"other"). A name with no match is copied, so no stage is ever nameless; staff
can translate it in the stage editor. Stage emails a stage must not send (see
jobs.models.STAGE_EMAIL_KINDS) are switched off. The old column goes in the
next migration: PostgreSQL will not alter a table in the transaction that
updated its rows."""

from django.db import migrations, models

STAGE_EMAIL_KINDS = ("application_received", "interview_invitation", "hired_welcome")


def _other(language):
    return "en" if language == "sv" else "sv"


def _translation(templates, name, kind, language):
    other = _other(language)
    for template in templates:
        if getattr(template, f"name_{language}").strip().lower() == name.strip().lower():
            return getattr(template, f"name_{other}")
    same_kind = [t for t in templates if t.kind == kind]
    if kind != "other" and len(same_kind) == 1:
        return getattr(same_kind[0], f"name_{other}")
    return name


def split_names(apps, schema_editor):
    Stage = apps.get_model("jobs", "Stage")
    StageTemplate = apps.get_model("jobs", "StageTemplate")
    templates = list(StageTemplate.objects.all())
    stages = list(Stage.objects.select_related("job"))
    for stage in stages:
        language = "sv" if stage.job.language == "sv" else "en"
        setattr(stage, f"name_{language}", stage.name)
        translated = _translation(templates, stage.name, stage.kind, language)
        setattr(stage, f"name_{_other(language)}", translated)
    Stage.objects.bulk_update(stages, ["name_sv", "name_en"], batch_size=500)
    Stage.objects.exclude(email_kind="").exclude(email_kind__in=STAGE_EMAIL_KINDS).update(
        email_kind=""
    )
    StageTemplate.objects.exclude(email_kind="").exclude(email_kind__in=STAGE_EMAIL_KINDS).update(
        email_kind=""
    )


def join_names(apps, schema_editor):
    Stage = apps.get_model("jobs", "Stage")
    stages = list(Stage.objects.select_related("job"))
    for stage in stages:
        stage.name = stage.name_sv if stage.job.language == "sv" else stage.name_en
    Stage.objects.bulk_update(stages, ["name"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("jobs", "0004_stage_automation_defaults")]

    operations = [
        migrations.AddField(
            model_name="stage",
            name="name_sv",
            field=models.CharField(default="", max_length=80, verbose_name="name (Swedish)"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="stage",
            name="name_en",
            field=models.CharField(default="", max_length=80, verbose_name="name (English)"),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="stage",
            name="name",
            field=models.CharField(blank=True, default="", max_length=80, verbose_name="name"),
        ),
        migrations.RunPython(split_names, join_names),
    ]
