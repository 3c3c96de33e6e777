"""The data migration: the portal link in the confirmation, the new-link
email and the withdrawal reason, created once however often it runs."""

from importlib import import_module

import pytest
from django.apps import apps

from rekryt.applications.models import RejectionReason
from rekryt.messaging.models import EmailTemplate

pytestmark = pytest.mark.django_db
migration = import_module("rekryt.portal.migrations.0002_default_templates")


def test_it_adds_the_portal_link_to_the_confirmation_once():
    migration.create(apps, None)
    for template in EmailTemplate.objects.filter(kind="application_received"):
        assert template.body_text.count("{portal_url}") == 1
        template.full_clean()


def test_it_creates_valid_new_link_templates_in_both_languages():
    migration.create(apps, None)
    templates = EmailTemplate.objects.filter(kind="portal_link")
    assert sorted(t.language for t in templates) == ["en", "sv"]
    for template in templates:
        template.full_clean()
        assert "{portal_url}" in template.body_text


def test_it_creates_the_withdrawal_reason_once():
    migration.create(apps, None)
    reasons = RejectionReason.objects.filter(name_en="Withdrawn by the candidate")
    assert reasons.count() == 1
    assert RejectionReason.objects.filter(kind="withdrew", active=True).first() == reasons[0]
