"""A default questionnaire so references work from the start: a rating of
each scorecard attribute plus these questions, in Swedish and English."""

from django.db import migrations

QUESTIONS = [
    (
        "text",
        "Hur känner du kandidaten, och under vilken period arbetade ni tillsammans?",
        "How do you know the candidate, and when did you work together?",
    ),
    (
        "text",
        "Vilka var kandidatens viktigaste arbetsuppgifter?",
        "What were the candidate's main responsibilities?",
    ),
    (
        "text",
        "Vad är kandidaten särskilt bra på? Ge gärna ett exempel.",
        "What is the candidate particularly good at? An example helps.",
    ),
    (
        "text",
        "Inom vilka områden kan kandidaten utvecklas?",
        "In which areas could the candidate develop?",
    ),
    (
        "likert",
        "Hur väl samarbetade kandidaten med kollegor?",
        "How well did the candidate work with colleagues?",
    ),
    (
        "likert",
        "Skulle du vilja arbeta med kandidaten igen?",
        "Would you like to work with the candidate again?",
    ),
]


def create(apps, schema_editor):
    """Idempotent: the test suite runs it again after flushing tables."""
    Template = apps.get_model("references", "QuestionnaireTemplate")
    Question = apps.get_model("references", "TemplateQuestion")
    if Template.objects.filter(name_en="Standard reference", department="").exists():
        return
    template = Template.objects.create(
        name_sv="Standardreferens", name_en="Standard reference", department=""
    )
    Question.objects.bulk_create(
        Question(template=template, kind=kind, text_sv=sv, text_en=en, order=n)
        for n, (kind, sv, en) in enumerate(QUESTIONS)
    )


def remove(apps, schema_editor):
    apps.get_model("references", "QuestionnaireTemplate").objects.filter(
        name_en="Standard reference", department=""
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("references", "0001_initial")]
    operations = [migrations.RunPython(create, remove)]
