"""An entry says what happened as a code and its values (`detail`, `params`),
read in the reader's language, instead of English text frozen in `summary`.

PostgreSQL's no-update trigger (0002) compares every column but the actor;
it is redefined to cover the two new ones too."""

from typing import Any

from django.db import migrations, models

FUNCTION = """
CREATE OR REPLACE FUNCTION audit_auditentry_forbid_update() RETURNS trigger AS $$
BEGIN
    -- Deleting a staff account sets actor_id to NULL (on_delete=SET_NULL);
    -- the entry keeps actor_label, so that one change is allowed.
    IF NEW.actor_id IS NULL
       AND (NEW.id, NEW.actor_label, NEW.action, NEW.target_type, NEW.target_id,
            NEW.detail, NEW.params::text, NEW.summary, NEW.path, NEW.ip,
            NEW.user_agent, NEW.created_at)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.actor_label, OLD.action, OLD.target_type, OLD.target_id,
            OLD.detail, OLD.params::text, OLD.summary, OLD.path, OLD.ip,
            OLD.user_agent, OLD.created_at) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit entries cannot be changed';
END;
$$ LANGUAGE plpgsql;
"""

PREVIOUS = """
CREATE OR REPLACE FUNCTION audit_auditentry_forbid_update() RETURNS trigger AS $$
BEGIN
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
"""


def forward(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FUNCTION)


def backward(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(PREVIOUS)


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_forbid_update_trigger")]

    operations = [
        migrations.AddField(
            model_name="auditentry",
            name="detail",
            field=models.CharField(blank=True, default="", max_length=60),
        ),
        migrations.AddField(
            model_name="auditentry",
            name="params",
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.RunPython(forward, backward),
    ]
