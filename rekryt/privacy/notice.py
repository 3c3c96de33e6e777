"""The privacy notice (GDPR Art. 13), generated from the organisation settings.

Both languages are generated at once (not through gettext), because a
published version freezes both texts. The text is plain: lines starting with
"## " are headings, lines starting with "- " list items, blank lines end
paragraphs; `blocks()` turns it into what the page template shows."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import IntegrityError, transaction

from rekryt.accounts.models import Organisation, User
from rekryt.privacy.models import PrivacyNotice


def one_line(address: str) -> str:
    """An address typed on several lines, as one line: "Box 112, 981 22 Kiruna"."""
    return ", ".join(" ".join(line.split()) for line in address.splitlines() if line.strip())


def _lines(*parts: str | None) -> str:
    return "\n".join(p for p in parts if p)


def _text_en(org: Organisation) -> str:
    controller = org.controller_name
    number = f" (organisation number {org.org_number})" if org.org_number else ""
    address = f"Postal address: {one_line(org.postal_address)}" if org.postal_address else ""
    contact = org.privacy_contact or org.reply_to_email
    ask = f"write to {contact}" if contact else f"write to {controller}"
    # Written in both languages; a notice saved before there was an English
    # text still names the recipients rather than hiding them.
    recipients = " ".join((org.privacy_recipients_en or org.privacy_recipients).split())
    sections = [
        _lines(
            "## Who is responsible for your data",
            f"{controller}{number} is responsible (the controller) for the personal data "
            "you send us when you apply for a job.",
            address,
        ),
        _lines(
            "## How to contact us",
            f"Questions about your data: {contact}." if contact else "",
            f"Our data protection officer: {org.dpo_email}." if org.dpo_email else "",
            "You can also write to us through the candidate portal (the link in our emails).",
        ),
        _lines(
            "## Why we use your data, and on what legal basis",
            "- To handle your application: to assess it, contact you about it and decide. "
            "You have asked us to consider you for a job (steps before entering into a "
            "contract, GDPR Article 6(1)(b)), and we have a legitimate interest in "
            "recruiting (Article 6(1)(f)).",
            "- To be able to answer questions afterwards about how a recruitment was "
            "decided, for example a complaint under the Discrimination Act: our legitimate "
            "interest (Article 6(1)(f)).",
            "- To keep your details and contact you about future roles: only if you "
            "consent to it (Article 6(1)(a)). Saying no does not affect your application.",
        ),
        _lines(
            "## What data we use",
            "Your name, contact details, CV, cover letter and the answers you give us, "
            "our emails with you, and the notes and assessments the people recruiting "
            "write about your application.",
            "We do not ask for your personal identity number, a photo, your age or your "
            "gender. Please leave them out of your CV.",
        ),
        _lines(
            "## Who can see your data",
            "Only the people recruiting for the job: the recruiter, the hiring manager "
            "and the interviewers for that job.",
            f"We also share data with: {recipients}" if recipients else "",
        ),
        _lines(
            "## How long we keep your data",
            f"- If you are not hired, we anonymise your application {org.retention_months} "
            "months after the final decision. A decision can be challenged for about that "
            "long. After that only statistics remain, which cannot be linked to you.",
            f"- If you let us contact you about future roles, that consent lasts "
            f"{org.consent_months} months. Before it ends we ask whether you want to renew it.",
            "- When you have no application and no consent left with us, we delete your details.",
            "- If you are hired, your application becomes part of your employment records.",
            "- If a legal dispute requires it, we keep the data concerned until it is settled.",
        ),
        _lines(
            "## Your rights",
            "You have the right to:",
            "- get a copy of the data we have about you (we answer within one month)",
            "- have wrong data corrected",
            "- have your data erased",
            "- object to how we use your data, or ask us to restrict it",
            "- get the data you gave us in a machine-readable format (data portability)",
            "- withdraw a consent at any time, as easily as you gave it",
            "Use the candidate portal (the link in our emails), or " + ask + ".",
        ),
        _lines(
            "## No automated decisions",
            "We make no automated decisions about you. A person reviews every "
            "application before it is rejected.",
            "Some jobs ask screening questions. An answer that does not meet a requirement "
            "of the job is pointed out to you before you send, and marks the application for "
            "the recruiter's attention; answers can also give points that help the recruiter "
            "sort the applications. Neither rejects anyone: a person reads your answers and "
            "confirms every rejection (GDPR Article 22).",
        ),
        _lines(
            "## Complaints",
            "If you think we handle your data wrongly, you can complain to the Swedish "
            "Authority for Privacy Protection (Integritetsskyddsmyndigheten, IMY), www.imy.se.",
        ),
    ]
    return "\n\n".join(sections) + "\n"


def _text_sv(org: Organisation) -> str:
    controller = org.controller_name
    number = f" (organisationsnummer {org.org_number})" if org.org_number else ""
    address = f"Postadress: {one_line(org.postal_address)}" if org.postal_address else ""
    contact = org.privacy_contact or org.reply_to_email
    ask = f"skriv till {contact}" if contact else f"skriv till {controller}"
    recipients = " ".join(org.privacy_recipients.split())
    sections = [
        _lines(
            "## Vem som ansvarar för dina uppgifter",
            f"{controller}{number} är personuppgiftsansvarig för de uppgifter du skickar "
            "till oss när du söker ett jobb.",
            address,
        ),
        _lines(
            "## Så når du oss",
            f"Frågor om dina uppgifter: {contact}." if contact else "",
            f"Vårt dataskyddsombud: {org.dpo_email}." if org.dpo_email else "",
            "Du kan också skriva till oss i kandidatportalen (länken i våra mejl).",
        ),
        _lines(
            "## Varför vi använder dina uppgifter, och med vilken rätt",
            "- För att hantera din ansökan: bedöma den, kontakta dig om den och fatta "
            "beslut. Du har bett oss att pröva dig för ett jobb (åtgärder innan ett avtal "
            "ingås, artikel 6.1 b i dataskyddsförordningen), och vi har ett berättigat "
            "intresse av att rekrytera (artikel 6.1 f).",
            "- För att i efterhand kunna svara på frågor om hur en rekrytering gick till, "
            "till exempel en anmälan enligt diskrimineringslagen: vårt berättigade "
            "intresse (artikel 6.1 f).",
            "- För att spara dina uppgifter och kontakta dig om framtida jobb: bara om du "
            "samtycker till det (artikel 6.1 a). Om du säger nej påverkar det inte din ansökan.",
        ),
        _lines(
            "## Vilka uppgifter vi använder",
            "Ditt namn, dina kontaktuppgifter, ditt cv, ditt personliga brev och de svar "
            "du ger oss, våra mejl med dig, och de anteckningar och bedömningar som de "
            "som rekryterar skriver om din ansökan.",
            "Vi frågar inte efter ditt personnummer, ett foto, din ålder eller ditt kön. "
            "Lämna gärna bort dem ur ditt cv.",
        ),
        _lines(
            "## Vem som kan se dina uppgifter",
            "Bara de som rekryterar till jobbet: rekryteraren, den rekryterande chefen "
            "och de som intervjuar för jobbet.",
            f"Vi delar också uppgifter med: {recipients}" if recipients else "",
        ),
        _lines(
            "## Hur länge vi sparar dina uppgifter",
            f"- Om du inte får jobbet anonymiserar vi din ansökan {org.retention_months} "
            "månader efter det slutliga beslutet. Ungefär så länge kan ett beslut "
            "ifrågasättas. Sedan finns bara statistik kvar, som inte kan kopplas till dig.",
            f"- Om du låter oss kontakta dig om framtida jobb gäller samtycket i "
            f"{org.consent_months} månader. Innan det går ut frågar vi om du vill förnya det.",
            "- När du inte har någon ansökan och inget samtycke kvar hos oss raderar vi "
            "dina uppgifter.",
            "- Om du får jobbet blir din ansökan en del av dina anställningshandlingar.",
            "- Om en rättslig tvist kräver det sparar vi de uppgifter det gäller tills "
            "tvisten är avgjord.",
        ),
        _lines(
            "## Dina rättigheter",
            "Du har rätt att:",
            "- få en kopia av de uppgifter vi har om dig (registerutdrag, vi svarar inom en månad)",
            "- få felaktiga uppgifter rättade",
            "- få dina uppgifter raderade",
            "- invända mot hur vi använder dina uppgifter, eller be oss begränsa det",
            "- få de uppgifter du gett oss i ett maskinläsbart format (dataportabilitet)",
            "- när som helst ta tillbaka ett samtycke, lika enkelt som du gav det",
            "Använd kandidatportalen (länken i våra mejl), eller " + ask + ".",
        ),
        _lines(
            "## Inga automatiska beslut",
            "Vi fattar inga automatiska beslut om dig. En människa går igenom varje "
            "ansökan innan den får avslag.",
            "Till en del jobb ställer vi urvalsfrågor. Ett svar som inte uppfyller ett krav "
            "för jobbet visas för dig innan du skickar, och markerar ansökan för rekryteraren; "
            "svar kan också ge poäng som hjälper rekryteraren att sortera ansökningarna. Inget "
            "av det ger avslag: en människa läser dina svar och bekräftar varje avslag "
            "(artikel 22 i dataskyddsförordningen).",
        ),
        _lines(
            "## Klagomål",
            "Om du tycker att vi hanterar dina uppgifter fel kan du klaga hos "
            "Integritetsskyddsmyndigheten (IMY), www.imy.se.",
        ),
    ]
    return "\n\n".join(sections) + "\n"


def generate(org: Organisation | None = None) -> tuple[str, str]:
    """The notice as it would read now: (Swedish, English)."""
    org = org or Organisation.get()
    # The text depends on the organisation's settings alone, and every apply
    # page shows it: built once per distinct set of settings, not per request.
    key = tuple(str(getattr(org, f.attname)) for f in org._meta.concrete_fields)
    texts = _generated.get(key)
    if texts is None:
        if len(_generated) >= 16:
            _generated.clear()
        texts = _generated[key] = (_text_sv(org), _text_en(org))
    return texts


_generated: dict[tuple[str, ...], tuple[str, str]] = {}


def current_notice() -> PrivacyNotice:
    """The newest published version; version 1 is published on first use.

    A settings change saved elsewhere (the company name or privacy contact on
    the organisation page) also publishes a new version here, so candidates
    are never shown a notice that no longer matches the settings."""
    return publish_if_changed(None)


def publish_if_changed(actor: User | None) -> PrivacyNotice:
    """Publish a new version when the generated text differs from the newest
    one (call after saving the settings it is made from); return the newest."""
    text_sv, text_en = generate()
    for _attempt in range(3):
        latest = PrivacyNotice.objects.order_by("-version").first()
        if latest is not None and (latest.text_sv, latest.text_en) == (text_sv, text_en):
            return latest
        try:
            with transaction.atomic():
                return PrivacyNotice.objects.create(
                    version=(latest.version if latest else 0) + 1,
                    text_sv=text_sv,
                    text_en=text_en,
                    created_by=actor,
                )
        except IntegrityError:
            continue  # another request published the same version number first
    return PrivacyNotice.objects.order_by("-version")[0]


@dataclass
class Block:
    kind: str  # "h2", "p" or "ul"
    text: str = ""
    items: list[str] = field(default_factory=list)


def blocks(text: str) -> list[Block]:
    """Headings, paragraphs and lists of a stored notice, for the page template."""
    result: list[Block] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("## "):
            result.append(Block("h2", line[3:]))
        elif line.startswith("- "):
            if not result or result[-1].kind != "ul":
                result.append(Block("ul"))
            result[-1].items.append(line[2:])
        else:
            result.append(Block("p", line))
    return result
