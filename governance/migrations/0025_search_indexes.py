"""Full-text indexes for the header's search, on PostgreSQL only (SQLite searches without them).

Each is built on the very expression governance.search.matching filters by, so a search reads the
matching records from the index instead of making a search vector of every record it may see.
Not in the models' Meta: a GIN index has no meaning on SQLite.
"""

from django.contrib.postgres.indexes import GinIndex
from django.db import migrations

from governance.search.document import search_document

# (model, index name, title field, text fields): as in governance.search.kinds.KINDS, which a test checks.
SEARCH_INDEXES = [
    ("risk", "risk_search", "title", ("cause", "effect")),
    ("decision", "decision_search", "title", ("context", "options", "recommendation")),
    ("datadefinition", "glossary_term_search", "term", ("agreed_meaning", "standard")),
    ("measure", "measure_search", "name", ("definition", "data_source")),
    ("datasharingagreement", "agreement_search", "title", ("legal_gateway", "retention_period")),
    ("forum", "forum_search", "name", ("members", "terms_of_reference")),
]


def _indexes(apps):
    for model_name, name, title_field, text_fields in SEARCH_INDEXES:
        index = GinIndex(search_document(title_field, text_fields), name=name)
        yield apps.get_model("governance", model_name), index


def add_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for model, index in _indexes(apps):
            schema_editor.add_index(model, index)


def remove_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for model, index in _indexes(apps):
            schema_editor.remove_index(model, index)


class Migration(migrations.Migration):
    dependencies = [("governance", "0024_import_jobs")]

    operations = [migrations.RunPython(add_indexes, remove_indexes)]
