"""The decision trail is append-only in the database itself, not only in our code.

A trigger refuses UPDATE and DELETE on governance_decisiontransition, so not even a
hand-written query, a script or the admin can rewrite who decided what. PostgreSQL only:
it is the production database; SQLite is for development and has no comparable need.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION governance_refuse_trail_rewrite() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'The decision trail is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER decision_trail_append_only
    BEFORE UPDATE OR DELETE ON governance_decisiontransition
    FOR EACH ROW EXECUTE FUNCTION governance_refuse_trail_rewrite();
"""

DROP = """
DROP TRIGGER IF EXISTS decision_trail_append_only ON governance_decisiontransition;
DROP FUNCTION IF EXISTS governance_refuse_trail_rewrite();
"""


def create_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("governance", "0006_assurance_reviewers_group")]

    operations = [migrations.RunPython(create_trigger, drop_trigger)]
