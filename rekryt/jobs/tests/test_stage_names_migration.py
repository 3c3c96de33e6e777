"""Upgrading: a stage's one name becomes its name in the job's language, and
the other language comes from the default pipeline where it can."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("jobs", "0004_stage_automation_defaults")]
AFTER = [("jobs", "0006_remove_stage_name")]


def migrate(targets: list[tuple[str, str]]) -> Any:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_it_splits_each_stage_name_into_both_languages(seeded: Any) -> None:
    try:
        _check_the_migration()
    finally:
        # Whatever happened, leave every app at its latest migration, as every
        # other test expects (jobs has migrations after AFTER).
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())


def _check_the_migration() -> None:
    old = migrate(BEFORE)
    Job = old.get_model("jobs", "Job")
    Stage = old.get_model("jobs", "Stage")
    swedish = Job.objects.create(title="Lager", slug="lager", description="x", language="sv")
    english = Job.objects.create(title="Developer", slug="dev", description="x", language="en")
    rows = [
        (swedish, "applied", "Ansökt", "application_received"),
        (swedish, "interview", "Telefonintervju", "interview_invitation"),  # renamed
        (swedish, "other", "Arbetsprov", "consent_renewal"),  # no match, wrong email
        (english, "screening", "screening", ""),  # matched by name, any case
        (english, "other", "Work sample", "data_export"),
    ]
    for job, kind, name, email in rows:
        Stage.objects.create(job=job, kind=kind, name=name, email_kind=email)

    new = migrate(AFTER)

    stages = new.get_model("jobs", "Stage").objects.order_by("pk")
    assert [(s.name_sv, s.name_en, s.email_kind) for s in stages] == [
        ("Ansökt", "Applied", "application_received"),
        ("Telefonintervju", "Interview", "interview_invitation"),
        ("Arbetsprov", "Arbetsprov", ""),
        ("Urval", "screening", ""),
        ("Work sample", "Work sample", ""),
    ]
