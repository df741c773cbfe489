"""GOV.UK components whose content the page writes: tables, summary lists and cards, warning and
inset text. A page writes block tags around its own markup, for example::

    {% table %}
      {% caption size="m" %}Readings{% endcaption %}
      {% head %}{% cell %}Date{% endcell %}{% cell numeric=True %}Value{% endcell %}{% endhead %}
      {% for reading in readings %}
        {% row %}
          {% cell %}{{ reading.taken_on }}{% endcell %}{% cell numeric=True %}{{ reading.value }}{% endcell %}
        {% endrow %}
      {% endfor %}
    {% endtable %}

Each part is rendered with the page's own context and autoescaping, so a cell can hold links, tags
and forms, and is handed to the tag around it. The outermost tag then draws the component's
markup from its one template in templates/components/: one template render per table however many
rows it has. A part in the wrong place (a cell outside a row, text between rows) is a template
error, not markup silently dropped.

Options are key=value arguments. `classes` adds classes to the component's element; any other
option the tag does not know becomes an HTML attribute, `_` read as `-` (`data_raci_row=True`
gives a bare `data-raci-row`; False or None leaves it out).

collab/templatetags/govuk.py registers the tags in BLOCK_TAGS for every template.
"""

from collab.components.base import wrapper
from collab.components.summary_lists import SUMMARY_LIST_TAGS
from collab.components.tables import TABLE_TAGS

BLOCK_TAGS = {
    **TABLE_TAGS,
    **SUMMARY_LIST_TAGS,
    "warning_text": wrapper("components/warning_text.html"),
    "inset_text": wrapper("components/inset_text.html"),
}
