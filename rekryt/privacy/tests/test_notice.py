"""The privacy notice: generated from the organisation settings, versioned,
shown in the visitor's language, linked from the apply form (which records
the version shown) and republished when the settings change."""

from __future__ import annotations

import pytest

from rekryt.accounts.models import Organisation
from rekryt.applications.models import Application
from rekryt.audit.models import Action, AuditEntry
from rekryt.privacy.models import Consent, PrivacyNotice
from rekryt.privacy.notice import current_notice, generate, publish_if_changed

pytestmark = pytest.mark.django_db


@pytest.fixture
def configured(org):
    org.legal_name = "Exempelbolaget i Sverige AB"
    org.org_number = "556000-0000"
    org.postal_address = "Storgatan 1\n111 22 Stockholm"
    org.dpo_email = "dpo@example.com"
    org.privacy_recipients = "Our hosting provider Hostia AB"
    org.save()
    return org


def test_the_text_says_what_article_13_requires_in_both_languages(configured):
    text_sv, text_en = generate()
    for expected in (
        "Exempelbolaget i Sverige AB (organisation number 556000-0000)",
        "Storgatan 1, 111 22 Stockholm",
        "privacy@example.com",
        "dpo@example.com",
        "Hostia AB",
        "24 months after the final decision",
        "lasts 12 months",
        "Article 6(1)(b)",
        "only if you consent",
        "personal identity number, a photo, your age",
        "data portability",
        "withdraw a consent",
        "Integritetsskyddsmyndigheten, IMY",
        "A person reviews every application before it is rejected",
    ):
        assert expected in text_en, expected
    for expected in (
        "organisationsnummer 556000-0000",
        "personuppgiftsansvarig",
        "24 månader efter det slutliga beslutet",
        "Integritetsskyddsmyndigheten (IMY)",
        "## Dina rättigheter",
    ):
        assert expected in text_sv, expected


def test_without_a_dpo_the_notice_does_not_mention_one(org):
    assert "data protection officer" not in generate()[1]


def test_version_1_is_published_on_first_use_and_new_versions_only_on_change(org, rita):
    notice = current_notice()
    assert notice.version == 1 and current_notice().pk == notice.pk
    assert publish_if_changed(rita).pk == notice.pk
    org.retention_months = 18
    org.save()
    newer = publish_if_changed(rita)
    assert (newer.version, newer.created_by) == (2, rita)
    assert "18 months" in newer.text_en
    assert "24 months" in PrivacyNotice.objects.get(version=1).text_en


def test_the_page_shows_the_current_version_in_the_visitors_language(client, org):
    page = client.get("/privacy/").content.decode()
    assert "Privacy notice, version 1, published" in page
    assert "<h2>Your rights</h2>" in page
    page = client.get("/privacy/", HTTP_ACCEPT_LANGUAGE="sv").content.decode()
    assert "<h2>Dina rättigheter</h2>" in page


def test_an_older_version_stays_readable(client, org):
    current_notice()
    org.consent_months = 6
    org.save()
    publish_if_changed(None)
    old = client.get("/privacy/v1/").content.decode()
    assert "lasts 12 months" in old and "This is an earlier version." in old
    assert "/privacy/v2/" not in old or "Read the current version (2)" in old
    assert "lasts 6 months" in client.get("/privacy/").content.decode()
    assert client.get("/privacy/v9/").status_code == 404


def test_the_apply_form_links_to_the_notice_and_records_the_version_shown(client, job):
    page = client.get(f"/jobs/{job.slug}/apply/").content.decode()
    assert 'href="/privacy/"' in page
    assert "Read the full privacy notice (version 1)" in page
    box = page[page.index('name="future_contact"') - 200 : page.index('name="future_contact"') + 50]
    assert "checked" not in box
    data = {
        "first_name": "Nora",
        "last_name": "Nilsson",
        "email": "nora@example.org",
        "about": "Ten years of Django.",
        "consent": "on",
        "submission_key": "a" * 32,
        "notice_version": "1",
    }
    response = client.post(f"/jobs/{job.slug}/apply/", data)
    assert response.status_code == 302
    application = Application.objects.get()
    assert application.notice.version == 1
    assert not Consent.objects.exists()  # applying needs no consent


def test_the_optional_checkbox_records_future_contact_consent(client, job):
    data = {
        "first_name": "Nora",
        "last_name": "Nilsson",
        "email": "nora@example.org",
        "about": "Ten years of Django.",
        "consent": "on",
        "future_contact": "on",
        "submission_key": "b" * 32,
    }
    client.post(f"/jobs/{job.slug}/apply/", data)
    consent = Consent.objects.get()
    assert consent.method == "apply_form" and consent.given
    assert (
        consent.text == "Exempelbolaget AB may keep my details and contact me about future roles."
    )
    assert consent.notice == current_notice()
    assert consent.candidate == Application.objects.get().candidate


def test_admins_save_the_policy_and_a_new_notice_is_published(client, alice):
    client.force_login(alice)
    current_notice()
    data = {
        "legal_name": "Exempel AB",
        "org_number": "556000-0000",
        "postal_address": "Box 1",
        "privacy_contact": "privacy@example.com",
        "dpo_email": "",
        "privacy_recipients": "",
        "retention_months": "24",
        "consent_months": "12",
        "consent_renewal_days": "30",
        "retention_grace_days": "7",
        "audit_retention_months": "36",
    }
    response = client.post("/staff/privacy/retention/", data)
    assert response.status_code == 302
    assert Organisation.get().legal_name == "Exempel AB"
    assert PrivacyNotice.objects.count() == 2
    assert AuditEntry.objects.filter(
        action=Action.EDIT, target_type="accounts.organisation"
    ).exists()
    client.post("/staff/privacy/retention/", data)  # unchanged text: no new version
    assert PrivacyNotice.objects.count() == 2
    bad = client.post("/staff/privacy/retention/", {**data, "consent_renewal_days": "400"})
    assert bad.status_code == 400


def test_recruiters_see_the_policy_but_cannot_change_it(client, rita, hanna, org):
    client.force_login(rita)
    assert client.get("/staff/privacy/retention/").status_code == 200
    assert client.post("/staff/privacy/retention/", {"retention_months": "1"}).status_code == 404
    assert Organisation.get().retention_months == 24
    client.force_login(hanna)
    assert client.get("/staff/privacy/retention/").status_code == 404


def test_the_settings_home_links_to_the_policy(client, alice):
    client.force_login(alice)
    assert "/staff/privacy/retention/" in client.get("/staff/settings/").content.decode()


def test_a_change_saved_on_the_organisation_page_reaches_the_notice(client, org):
    assert current_notice().version == 1
    org.privacy_contact = "dataskydd@example.com"
    org.save()
    page = client.get("/privacy/").content.decode()
    assert "dataskydd@example.com" in page and "version 2" in page


def test_a_postal_address_on_several_lines_reads_as_one() -> None:
    from rekryt.privacy.notice import one_line

    assert one_line("Box 112\r\n  981 22  Kiruna\n") == "Box 112, 981 22 Kiruna"


def test_each_notice_names_the_recipients_in_its_own_language(configured):
    configured.privacy_recipients = "Vår driftleverantör Hostia AB"
    configured.privacy_recipients_en = "Our hosting provider Hostia AB"
    configured.save()

    text_sv, text_en = generate()

    assert "Vår driftleverantör Hostia AB" in text_sv
    assert "Our hosting provider" not in text_sv
    assert "Our hosting provider Hostia AB" in text_en
    assert "driftleverantör" not in text_en


def test_the_policy_needs_the_recipients_in_both_languages(client, alice):
    client.force_login(alice)
    current_notice()
    data = {
        "legal_name": "Exempel AB",
        "privacy_contact": "privacy@example.com",
        "privacy_recipients": "Vår driftleverantör",
        "privacy_recipients_en": "",
        "retention_months": "24",
        "consent_months": "12",
        "consent_renewal_days": "30",
        "retention_grace_days": "7",
        "audit_retention_months": "36",
    }

    response = client.post("/staff/privacy/retention/", data)

    assert response.status_code == 400
    assert "Write this in English too" in response.content.decode()
    assert "Vår driftleverantör" in response.content.decode()
    assert Organisation.get().privacy_recipients == ""
    data["privacy_recipients_en"] = "Our hosting provider"
    assert client.post("/staff/privacy/retention/", data).status_code == 302
    assert Organisation.get().privacy_recipients_en == "Our hosting provider"
