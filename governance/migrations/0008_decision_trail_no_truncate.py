"""TRUNCATE empties a table without firing row triggers, so the trail refuses it too.

Django's test framework empties every table with one TRUNCATE between transactional tests;
the test database alone is created with joinedup.allow_trail_truncate on (tests/conftest.py).
Anyone who can connect may set that variable, so this guards against accident and careless
scripts, as the row trigger does; a role that owns the table can drop either trigger, which
is why production should connect as a role that does not own the tables.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION governance_refuse_trail_truncate() RETURNS trigger AS $$
BEGIN
    IF coalesce(current_setting('joinedup.allow_trail_truncate', true), '') = 'on' THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'The decision trail is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER decision_trail_no_truncate
    BEFORE TRUNCATE ON governance_decisiontransition
    FOR EACH STATEMENT EXECUTE FUNCTION governance_refuse_trail_truncate();
"""

DROP = """
DROP TRIGGER IF EXISTS decision_trail_no_truncate ON governance_decisiontransition;
DROP FUNCTION IF EXISTS governance_refuse_trail_truncate();
"""


def create_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("governance", "0007_decision_trail_append_only")]

    operations = [migrations.RunPython(create_trigger, drop_trigger)]
