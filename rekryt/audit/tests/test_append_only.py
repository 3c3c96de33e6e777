"""Audit entries are only ever added: the model refuses changes and
deletes on both databases, PostgreSQL refuses UPDATE in the database too."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction

from rekryt.audit.log import record
from rekryt.audit.models import Action, AppendOnly, AuditEntry


@pytest.fixture
def entry(db):
    return record(Action.VIEW, target_type="candidates.candidate", target_id="1", summary="x")


def test_an_entry_cannot_be_saved_again(entry):
    entry.summary = "rewritten"
    with pytest.raises(AppendOnly):
        entry.save()


def test_an_entry_cannot_be_deleted(entry):
    with pytest.raises(AppendOnly):
        entry.delete()


def test_the_queryset_refuses_update_and_delete(entry):
    with pytest.raises(AppendOnly):
        AuditEntry.objects.filter(pk=entry.pk).update(summary="rewritten")
    with pytest.raises(AppendOnly):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.get(pk=entry.pk).summary == "x"


def test_deleting_a_staff_account_keeps_its_entries_by_name(ivan):
    record(Action.VIEW, actor=ivan, target_type="candidates.candidate", target_id="1")
    ivan.delete()
    entry = AuditEntry.objects.get()
    assert (entry.actor_id, entry.actor_label) == (None, "ivan")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL only")
def test_postgresql_refuses_an_update_even_in_raw_sql(entry):
    refused = pytest.raises(DatabaseError, match="audit entries cannot be changed")
    with refused, transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditentry SET summary = 'rewritten'")
    assert AuditEntry.objects.get(pk=entry.pk).summary == "x"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL only")
def test_postgresql_still_allows_the_retention_delete(entry):
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditentry WHERE id = %s", [entry.pk])
    assert not AuditEntry.objects.exists()
