from django.db import migrations

SIGN_SV = "Vänliga hälsningar\n{recruiter_name}\n{company}"
SIGN_EN = "Kind regards\n{recruiter_name}\n{company}"

TEMPLATES = [
    (
        "interview_invitation",
        "sv",
        "Vi vill gärna träffa dig – {job_title}",
        "Hej {candidate_first_name}!\n\n"
        "Tack för din ansökan till jobbet som {job_title}. Vi har läst den och vill gärna "
        "lära känna dig bättre i en intervju.\n\n"
        "Vi hör av oss inom kort för att hitta en tid som passar dig. Har du frågor redan nu "
        "kan du svara på det här mejlet.\n\n" + SIGN_SV,
    ),
    (
        "interview_invitation",
        "en",
        "We would like to meet you – {job_title}",
        "Hi {candidate_first_name},\n\n"
        "Thank you for applying for the {job_title} role. We have read your application and "
        "would like to get to know you better in an interview.\n\n"
        "We will be in touch shortly to find a time that suits you. If you have questions "
        "already, just reply to this email.\n\n" + SIGN_EN,
    ),
    (
        "hired_welcome",
        "sv",
        "Välkommen till {company}!",
        "Hej {candidate_first_name}!\n\n"
        "Vad roligt att du blir vår nya {job_title}. Vi ser fram emot att arbeta med dig.\n\n"
        "Vi hör av oss med allt du behöver veta inför din första dag. Undrar du något "
        "innan dess är du alltid välkommen att svara på det här mejlet.\n\n" + SIGN_SV,
    ),
    (
        "hired_welcome",
        "en",
        "Welcome to {company}!",
        "Hi {candidate_first_name},\n\n"
        "We are delighted that you will be joining us as {job_title}, and we look forward "
        "to working with you.\n\n"
        "We will send you everything you need to know before your first day. If you wonder "
        "about anything before then, just reply to this email.\n\n" + SIGN_EN,
    ),
    (
        "rejection",
        "sv",
        "Om din ansökan till {job_title}",
        "Hej {candidate_first_name}!\n\n"
        "Tack för ditt intresse för jobbet som {job_title} hos {company} och för tiden du "
        "lade på din ansökan.\n\n"
        "Vi har nu bestämt oss för att inte gå vidare med din ansökan. Kort sagt: "
        "{rejection_reason}.\n\n"
        "{personal_note}\n\n"
        "Vi vet att det här inte är beskedet du hoppades på. Du är varmt välkommen att söka "
        "andra jobb hos oss: {career_site_url}\n\n" + SIGN_SV,
    ),
    (
        "rejection",
        "en",
        "About your application for {job_title}",
        "Hi {candidate_first_name},\n\n"
        "Thank you for your interest in the {job_title} role at {company}, and for the time "
        "you spent on your application.\n\n"
        "We have now decided not to take your application further. In short: "
        "{rejection_reason}.\n\n"
        "{personal_note}\n\n"
        "We know this is not the news you hoped for. You are very welcome to apply for other "
        "roles with us: {career_site_url}\n\n" + SIGN_EN,
    ),
    (
        "rejection_after_interview",
        "sv",
        "Om din ansökan till {job_title}",
        "Hej {candidate_first_name}!\n\n"
        "Tack för att du tog dig tid att träffa oss om jobbet som {job_title}. Det var "
        "värdefullt för oss att få lära känna dig.\n\n"
        "Efter att ha vägt alla kandidater har vi bestämt oss för att inte gå vidare med "
        "dig den här gången. Kort sagt: {rejection_reason}.\n\n"
        "{personal_note}\n\n"
        "Vill du veta mer om hur vi resonerade är du välkommen att svara på det här mejlet. "
        "Vi hoppas att våra vägar korsas igen: {career_site_url}\n\n" + SIGN_SV,
    ),
    (
        "rejection_after_interview",
        "en",
        "About your application for {job_title}",
        "Hi {candidate_first_name},\n\n"
        "Thank you for taking the time to meet us about the {job_title} role. It meant a lot "
        "to us to get to know you.\n\n"
        "Having weighed all the candidates, we have decided not to go further with you this "
        "time. In short: {rejection_reason}.\n\n"
        "{personal_note}\n\n"
        "If you would like to hear more about how we reasoned, just reply to this email. We "
        "hope our paths cross again: {career_site_url}\n\n" + SIGN_EN,
    ),
    (
        "position_filled",
        "sv",
        "Jobbet som {job_title} är tillsatt",
        "Hej {candidate_first_name}!\n\n"
        "Tack för din ansökan till jobbet som {job_title}. Vi vill berätta att tjänsten nu är "
        "tillsatt, så vi går inte vidare med din ansökan.\n\n"
        "{personal_note}\n\n"
        "Tack för ditt intresse för {company}. Du är varmt välkommen att söka igen: "
        "{career_site_url}\n\n" + SIGN_SV,
    ),
    (
        "position_filled",
        "en",
        "The {job_title} role has been filled",
        "Hi {candidate_first_name},\n\n"
        "Thank you for applying for the {job_title} role. We want to let you know that the "
        "position has now been filled, so we will not take your application further.\n\n"
        "{personal_note}\n\n"
        "Thank you for your interest in {company}. You are very welcome to apply again: "
        "{career_site_url}\n\n" + SIGN_EN,
    ),
    (
        "withdrawal_confirmed",
        "sv",
        "Du har dragit tillbaka din ansökan till {job_title}",
        "Hej {candidate_first_name}!\n\n"
        "Vi har noterat att du drar tillbaka din ansökan till jobbet som {job_title}. Tack "
        "för att du berättade – och för ditt intresse för {company}.\n\n"
        "{personal_note}\n\n"
        "Lycka till framöver! Du är alltid välkommen att söka igen: {career_site_url}\n\n"
        + SIGN_SV,
    ),
    (
        "withdrawal_confirmed",
        "en",
        "You have withdrawn your application for {job_title}",
        "Hi {candidate_first_name},\n\n"
        "We have noted that you are withdrawing your application for the {job_title} role. "
        "Thank you for letting us know, and for your interest in {company}.\n\n"
        "{personal_note}\n\n"
        "All the best! You are always welcome to apply again: {career_site_url}\n\n" + SIGN_EN,
    ),
    (
        "future_contact",
        "sv",
        "Får vi höra av oss om framtida jobb på {company}?",
        "Hej {candidate_first_name}!\n\n"
        "Även om det inte blev jobbet som {job_title} den här gången, så tyckte vi om det vi "
        "såg och skulle gärna vilja ha dig i åtanke för framtida jobb.\n\n"
        "Får vi spara dina uppgifter och höra av oss när ett passande jobb dyker upp? "
        "Svara med ett klick nedan. Säger du nej, eller svarar inte, så hör vi inte av oss "
        "om framtida jobb.\n\n" + SIGN_SV,
    ),
    (
        "future_contact",
        "en",
        "May we contact you about future roles at {company}?",
        "Hi {candidate_first_name},\n\n"
        "Even though the {job_title} role did not work out this time, we liked what we saw "
        "and would like to keep you in mind for future roles.\n\n"
        "May we keep your details and contact you when a suitable role opens? Answer with "
        "one click below. If you say no, or do not answer, we will not contact you about "
        "future roles.\n\n" + SIGN_EN,
    ),
]

# Default reasons (0003_default_reasons) whose email is not the plain rejection.
REASON_TEMPLATES = {
    "The position has been filled": "position_filled",
    "Candidate accepted another job": "withdrawal_confirmed",
    "Candidate is no longer interested": "withdrawal_confirmed",
    "Salary or terms did not suit the candidate": "withdrawal_confirmed",
}


def create(apps, schema_editor):
    EmailTemplate = apps.get_model("messaging", "EmailTemplate")
    for kind, language, subject, body in TEMPLATES:
        EmailTemplate.objects.get_or_create(
            kind=kind, language=language, defaults={"subject": subject, "body_text": body}
        )
    RejectionReason = apps.get_model("applications", "RejectionReason")
    for name_en, kind in REASON_TEMPLATES.items():
        RejectionReason.objects.filter(name_en=name_en, template_kind="rejection").update(
            template_kind=kind
        )


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0005_rejections_with_care"),
        ("messaging", "0003_alter_emailtemplate_kind"),
    ]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
