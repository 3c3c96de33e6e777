"""On PostgreSQL, the database itself refuses UPDATE on audit entries (except unlinking a
deleted staff account), so
not even raw SQL or a bug around the model's guards can rewrite history.
DELETE stays possible for the retention purge. SQLite relies on the
model-level guards (AuditEntry.save, AuditQuerySet.update)."""

from typing import Any

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION audit_auditentry_forbid_update() RETURNS trigger AS $$
BEGIN
    -- Deleting a staff account sets actor_id to NULL (on_delete=SET_NULL);
    -- the entry keeps actor_label, so that one change is allowed.
    IF NEW.actor_id IS NULL
       AND (NEW.id, NEW.actor_label, NEW.action, NEW.target_type, NEW.target_id,
            NEW.summary, NEW.path, NEW.ip, NEW.user_agent, NEW.created_at)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.actor_label, OLD.action, OLD.target_type, OLD.target_id,
            OLD.summary, OLD.path, OLD.ip, OLD.user_agent, OLD.created_at) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit entries cannot be changed';
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS audit_auditentry_no_update ON audit_auditentry;
CREATE TRIGGER audit_auditentry_no_update
    BEFORE UPDATE ON audit_auditentry
    FOR EACH ROW EXECUTE FUNCTION audit_auditentry_forbid_update();
"""

DROP = """
DROP TRIGGER IF EXISTS audit_auditentry_no_update ON audit_auditentry;
DROP FUNCTION IF EXISTS audit_auditentry_forbid_update();
"""


def forward(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def backward(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]
