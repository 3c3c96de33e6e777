"""The survey invitation email in Swedish and English, and the Event-log
cursor started at the newest event, so installing surveys on a running
system never surveys everyone who applied in the past."""

from django.db import migrations


def score_row(label_low, label_high):
    links = "".join(
        f'<a href="{{survey_url}}?score={n}" style="display:inline-block;min-width:32px;'
        f"margin:2px;padding:8px 0;border:2px solid #1f5f8b;border-radius:6px;color:#1f5f8b;"
        f'text-align:center;font-weight:bold;text-decoration:none;">{n}</a>'
        for n in range(11)
    )
    return (
        f'<p style="margin:16px 0 4px 0;">{links}</p>'
        f'<p style="margin:0 0 16px 0;font-size:13px;color:#4f5868;">'
        f"0 = {label_low} · 10 = {label_high}</p>"
    )


TEMPLATES = {
    "sv": (
        "Hur upplevde du att söka jobb hos {company}?",
        "Hej {candidate_first_name}!\n\n"
        "Du har nyligen varit i kontakt med oss om jobbet som {job_title}. Vi vill bli "
        "bättre på att ta hand om alla som söker jobb hos oss, oavsett hur det går, och "
        "vill gärna höra hur du upplevde det.\n\n"
        "En fråga, ett par minuter: Hur troligt är det att du skulle rekommendera en vän "
        "att söka jobb hos {company}?\n\n"
        "Svara här: {survey_url}\n\n"
        "Dina svar är anonyma för oss som rekryterar: vi ser bara sammanställningar, "
        "aldrig vem som svarat vad.\n\n"
        "Tack!\n{company}\n\n"
        "Vill du inte få fler enkäter från oss? {survey_url}unsubscribe/",
        "<p>Hej {candidate_first_name}!</p>"
        "<p>Du har nyligen varit i kontakt med oss om jobbet som {job_title}. Vi vill bli "
        "bättre på att ta hand om alla som söker jobb hos oss, oavsett hur det går, och "
        "vill gärna höra hur du upplevde det.</p>"
        "<p><strong>Hur troligt är det att du skulle rekommendera en vän att söka jobb hos "
        "{company}?</strong> Välj en siffra:</p>"
        + score_row("inte alls troligt", "mycket troligt")
        + "<p>Dina svar är anonyma för oss som rekryterar: vi ser bara sammanställningar, "
        "aldrig vem som svarat vad.</p>"
        "<p>Tack!<br>{company}</p>"
        '<p style="font-size:13px;color:#4f5868;">Vill du inte få fler enkäter från oss? '
        '<a href="{survey_url}unsubscribe/" style="color:#4f5868;">Avsluta enkäter</a></p>',
    ),
    "en": (
        "How was applying for a job at {company}?",
        "Hi {candidate_first_name},\n\n"
        "You have recently been in touch with us about the {job_title} role. We want to "
        "take good care of everyone who applies, whatever the outcome, and would like to "
        "hear how it was for you.\n\n"
        "One question, a couple of minutes: how likely is it that you would recommend a "
        "friend to apply for a job at {company}?\n\n"
        "Answer here: {survey_url}\n\n"
        "Your answers are anonymous to those of us who recruit: we only see summaries, "
        "never who answered what.\n\n"
        "Thank you!\n{company}\n\n"
        "Rather not get surveys from us? {survey_url}unsubscribe/",
        "<p>Hi {candidate_first_name},</p>"
        "<p>You have recently been in touch with us about the {job_title} role. We want to "
        "take good care of everyone who applies, whatever the outcome, and would like to "
        "hear how it was for you.</p>"
        "<p><strong>How likely is it that you would recommend a friend to apply for a job "
        "at {company}?</strong> Choose a number:</p>"
        + score_row("not at all likely", "extremely likely")
        + "<p>Your answers are anonymous to those of us who recruit: we only see summaries, "
        "never who answered what.</p>"
        "<p>Thank you!<br>{company}</p>"
        '<p style="font-size:13px;color:#4f5868;">Rather not get surveys from us? '
        '<a href="{survey_url}unsubscribe/" style="color:#4f5868;">Stop surveys</a></p>',
    ),
}


def create(apps, schema_editor):
    EmailTemplate = apps.get_model("messaging", "EmailTemplate")
    for language, (subject, text, html) in TEMPLATES.items():
        EmailTemplate.objects.get_or_create(
            kind="survey_invitation",
            language=language,
            defaults={"subject": subject, "body_text": text, "body_html": html},
        )
    Event = apps.get_model("applications", "Event")
    SurveyCursor = apps.get_model("surveys", "SurveyCursor")
    newest = Event.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    SurveyCursor.objects.get_or_create(pk=1, defaults={"last_event_id": newest})


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0001_initial"),
        ("messaging", "0003_alter_emailtemplate_kind"),
    ]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
